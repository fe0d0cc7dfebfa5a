# History and statistics (src/i18n/history.rs, src/ui/history.rs, src/cli/stats.rs):
# is the routine holding? The screen and `bedtime-coach stats` use the same words.

## Figures. $value is a whole number; $minutes a whole number of minutes.

history-percent = { $value } %
history-offset-on-time = right on the planned bedtime
history-offset-after = { $minutes } min after the planned bedtime
history-offset-before = { $minutes } min before the planned bedtime
# $offset is one of the history-offset-* texts, $spread minutes, $evenings a count-evenings.
history-bedtime = On average { $offset }, give or take { $spread } min ({ $evenings })
history-bedtime-none = No lights-out checked near bedtime in this period.
# $kept and $planned are counts of evenings.
history-kept = kept on { $kept } of { $planned } evenings
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

history-day-steps = { $date }: { $done } of { $planned } steps
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
stats-adherence = Each step done where planned (last 7 / 30 / 90 evenings):
stats-weeks = Bedtime by week (latest 8):
# $week is the Monday's short date, $offset a history-offset-* text.
stats-week = week of { $week }: { $offset }, give or take { $spread } min ({ $evenings })

## Settings: the streak threshold.

ui-settings-history = History
ui-settings-streak-threshold = An evening counts in a streak when at least
ui-settings-streak-threshold-hint = Evenings with no check-in are left out of streaks and shares: not tracked is not a miss.
