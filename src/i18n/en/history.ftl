# History and statistics (src/i18n/history.rs, src/ui/history.rs, src/cli/stats.rs):
# is the routine holding? The screen and `bedtime-coach stats` use the same words.

## Figures. $value is a whole number; $minutes a whole number of minutes.

history-percent = { $value } %
history-offset-on-time = right on the planned bedtime
history-offset-after = { $minutes } min after the planned bedtime
history-offset-before = { $minutes } min before the planned bedtime
# $offset is one of the history-offset-* texts, $spread minutes, $evenings a count-evenings.
history-bedtime = On average { $offset }, give or take { $spread } min ({ $evenings })
history-bedtime-none = Lights out was not checked off near bedtime in this period.
# $kept and $planned are counts of evenings.
history-kept = kept on { $kept } of { $planned } { $planned ->
    [one] evening
   *[other] evenings
}
history-kept-none = not part of any tracked evening
history-streak-current = { $count ->
    [one] { $count } evening in a row
   *[other] { $count } evenings in a row
}
history-streak-best = best: { $count }
# $percent is the threshold.
history-streak-rule = An evening counts when at least { $percent } % of its steps are done. Evenings you did not track are left out: they neither break nor extend a streak.
# $tracked and $untracked are numbers of evenings.
history-evenings = { $tracked } tracked, { $untracked } not tracked (not counted as misses)
history-nothing-yet = Nothing recorded yet. Check off a step tonight and your history starts here.

## A day of the calendar, as a screen reader reads it. $date is a short date.

history-day-steps = { $date }: { $done } of { $planned } { $planned ->
    [one] step
   *[other] steps
}
history-day-untracked = { $date }: not tracked
history-day-ahead = { $date }: still ahead

## The `stats` command. $date is a short date.

stats-title = History up to { $date } (streak threshold { $percent } %)
# $first is the first recorded evening, YYYY-MM-DD.
stats-evenings = Evenings since { $first }: { $evenings }
stats-streak = Streak: { $current }, { $best }
stats-completion = Steps done per tracked evening: last 7 evenings { $week }, last 30 { $month }, all { $all }
stats-no-figure = –
stats-bedtime = Bedtime over the last 30 evenings. { $bedtime }
stats-caffeine = Caffeine cut-off: { $recent } (last 30), { $all } (all)
stats-caffeine-never = Caffeine cut-off: { $kept }
stats-adherence = Each step done where planned (last 7 / 30 / 90 evenings):
stats-weeks = Bedtime by week (latest 8):
# $week is the Monday's short date, $offset a history-offset-* text.
stats-week = week of { $week }: { $offset }, give or take { $spread } min ({ $evenings })

## Settings: the streak threshold.

ui-settings-history = History
ui-settings-streak-threshold = An evening counts in a streak when at least
ui-settings-streak-threshold-hint = Evenings with no check-in are left out of streaks and shares: not tracked is not a miss.

## The History screen (src/ui/history.rs).

ui-tab-history = History
history-title = History
# A month on its own, for the calendar's heading ("November 2026") and the plots' axis.
history-month = { $month ->
    [1] January
    [2] February
    [3] March
    [4] April
    [5] May
    [6] June
    [7] July
    [8] August
    [9] September
    [10] October
    [11] November
   *[12] December
}
history-month-year = { $month } { $year }
history-month-short = { $month ->
    [1] Jan
    [2] Feb
    [3] Mar
    [4] Apr
    [5] May
    [6] Jun
    [7] Jul
    [8] Aug
    [9] Sep
    [10] Oct
    [11] Nov
   *[12] Dec
}
history-previous-year = Previous year
history-previous-month = Previous month
history-next-month = Next month
history-next-year = Next year
history-this-month = This month
history-first-month = First recorded month
# The cards.
history-card-streak = Streak
history-card-done = Steps done
history-card-done-detail = last 7 evenings; last 30: { $month }, all: { $all }
history-card-bedtime = Bedtime
history-card-caffeine = Caffeine cut-off
# The legend; each colour also has its mark.
history-legend = Colours and marks:
history-legend-met = √ { $percent } % or more done
history-legend-part = ½ at least half done
history-legend-low = ! under half done
history-legend-untracked = – not tracked (not a miss)
# The selected evening.
history-day-pick = Choose an evening in the calendar (or Tab to it and press Enter) to see and correct its steps.
history-day-summary = { $done } of { $planned } { $planned ->
    [one] step
   *[other] steps
} done, { $skipped } skipped
history-day-not-tracked = Nothing was checked this evening: it is not tracked, not counted as a miss.
history-day-ahead-note = This evening is still ahead: check its steps off on the evening itself.
history-step-done = √ done, recorded { $time }
history-step-done-value = √ done ({ $value } %), recorded { $time }
history-step-skipped = – skipped, recorded { $time }
history-step-unchecked = not checked
history-step-not-counted = not counted: due before it was part of your routine
history-step-gone = no longer in your routine
history-mark-done = Mark done
history-mark-skipped = Mark skipped
history-mark-done-step = Mark done: { $title }
history-mark-skipped-step = Mark skipped: { $title }
history-humidity-step = Humidity reading for { $date }
history-close-day = Close
# The adherence bars.
history-adherence = How often each step was done when it was part of the evening
history-adherence-days = { $days ->
    [7] Last 7 evenings
    [30] Last 30 evenings
   *[90] Last 90 evenings
}
history-adherence-bar = { $percent } · { $done } of { $planned }
history-adherence-name = { $title }: { $percent }, { $done } of { $planned } { $planned ->
    [one] evening
   *[other] evenings
}
history-adherence-none = No tracked evenings in this period.
# The plots.
history-trends = Over time
history-plot-completion = Steps done per evening (%)
history-plot-bedtime = Lights out, minutes after the planned bedtime
history-plot-each-evening = Each evening
history-plot-each-week = Weekly mean
history-plot-rolling = Rolling mean of 7
history-plot-weekly-note = Shown as weekly means: there are too many evenings to draw one by one.
history-plot-point = { $date }: { $value }
history-card-streak-detail = { $count ->
    [one] evening in a row
   *[other] evenings in a row
}; best: { $best }
history-card-bedtime-detail = { $side ->
    [before] before bedtime
    [after] after bedtime
   *[on-time] right at bedtime
} on average, last 30 evenings; give or take { $spread } min
history-card-caffeine-figure = { $kept } of { $planned }
history-card-caffeine-detail = evenings it was kept, of the last 30
# The Bedtime card's figure, unsigned: the line under it says before or after.
history-card-bedtime-figure = { $minutes } min
