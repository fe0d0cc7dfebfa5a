## The doctor summary (src/summary/): a printable page and CSV. It says what was
## recorded and never names a disease. $from, $to, $date are short dates.

summary-title = Sleep summary for a doctor
# $from and $to are evenings (span dates, with the year): each night follows its evening.
summary-period = Nights after the evenings from { $from } to { $to } ({ $weeks } weeks)
summary-made = Made with Bedtime Coach on { $date } at { $time }.
summary-intro = Recorded by the patient each morning in Bedtime Coach, an app that helps keep the evening routine an article on twitches at sleep onset (hypnic jerks) advises, and asks a few questions about each night. It lists what was noticed; it is not a diagnosis.
summary-signs = Patterns worth a look
# Only when no sign at all was logged in the four weeks judged.
summary-signs-none = None of the signs the app watches for was logged in the four weeks judged (twitching through the night, twitches while awake by day, restless legs, rhythmic limb movements seen by someone, sleep paralysis).
## The signs are judged over four weeks whatever span the summary prints.
## $from and $to are short dates, as in summary-period.

summary-signs-judged = The signs are judged over four weeks, the nights after the evenings from { $from } to { $to }, longer than this summary's span: some of them take four weeks to show, and how often a sign came back is counted over the twelve weeks up to its end.
summary-signs-no-nights = No night was logged in the four weeks the signs are judged over.

summary-overview = Overview
summary-nights-logged = Nights logged
# $count of $total, e.g. "3 of 28".
summary-of = { $count } of { $total }
summary-col-night = Night
summary-col-date = Evening (date)
summary-col-falling-asleep = Twitches falling asleep
summary-col-jerks-many = Many twitches falling asleep
summary-col-woke = Woke from a jolt
summary-col-all-night = Twitching through the night
summary-col-daytime = Twitches while awake by day
summary-col-restless = Legs trembling from sleep onset through sleep, itching, need to move them
summary-col-partner = Rhythmic toe/ankle movements seen by someone
summary-col-paralysis = Sleep paralysis
summary-col-rested = Rested (1–5)
summary-col-stress = Stress the day before
summary-col-stress-high = High stress the day before
summary-col-notes = Notes
summary-col-signs = Patterns this night is part of
summary-rested-mean = { $mean } on average over { $count ->
    [one] { $count } night
   *[other] { $count } nights
}
summary-none = none recorded
summary-night-log = Night by night
summary-no-nights = No night was logged in this period.
summary-not-logged = not logged
summary-yes = yes
summary-no = –
summary-jerks = { $jerks ->
    [none] none
    [few] once or twice
   *[many] many
}
summary-stress = { $stress ->
    [low] low
    [some] some
   *[high] high
}
summary-routine = Evening routine
summary-tracked = Evenings with the routine checked off: { $count } of { $total }.
summary-step = Step
summary-kept = Done on the evenings it was planned
summary-kept-of = { $done } of { $planned } ({ $percent } %)
summary-bedtime = Bedtime consistency
summary-bedtime-none = Lights out was not checked off in this period.
summary-week = Week of
summary-lights-out-evenings = Evenings
summary-offset = Lights out, on average
summary-spread = Spread (±)
summary-minutes = { $minutes } min
summary-offset-on-time = at the planned bedtime
summary-offset-after = { $duration } after the planned bedtime
summary-offset-before = { $duration } before the planned bedtime
summary-bedtime-hint = When "lights out" was checked off compared with the planned bedtime; a small spread means a steady bedtime, which the article advises.
summary-footer = Bedtime Coach is not medical advice and makes no diagnosis. Its information comes from one article on twitches at sleep onset; everything here was entered by the patient and stays on their computer.

## `bedtime-coach report`: help, the weeks given, and where the summary went.

help-report = Write the doctor summary: the last weeks of night logs, warning signs with their nights, routine adherence and bedtime consistency (a printable HTML page, or CSV)
help-report-weeks = How many weeks it covers, 2 to 4 (default 4)
help-report-format = html (a self-contained printable page, the default) or csv
help-report-output = Where to write it (default: a dated file in your documents folder); - prints it
help-report-to = The evening of the last night it covers, YYYY-MM-DD (default: last night)
cli-error-report-weeks = The summary covers { $min } to { $max } weeks; "{ $text }" is outside that.
cli-summary-saved = Saved the doctor summary (the nights after the evenings from { $from } to { $to }, { $nights ->
    [one] { $nights } night logged
   *[other] { $nights } nights logged
}) to { $path }
