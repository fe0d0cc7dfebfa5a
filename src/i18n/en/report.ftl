## The doctor summary (src/report/): a printable page and CSV. It says what was
## recorded and never names a disease. $from, $to, $date are short dates.

report-title = Sleep summary for a doctor
report-period = Nights from { $from } to { $to } ({ $weeks } weeks)
report-made = Made with Bedtime Coach on { $date } at { $time }.
report-intro = Recorded by the patient each morning in Bedtime Coach, an app that helps keep the evening routine an article on twitches at sleep onset (hypnic jerks) advises, and asks a few questions about each night. It lists what was noticed; it is not a diagnosis.
report-signs = Patterns worth a look
# Only when no sign at all was logged in the four weeks judged.
report-signs-none = None of the signs the app watches for was logged in the four weeks judged (twitching through the night, twitches while awake by day, restless legs, rhythmic limb movements seen by someone, sleep paralysis).
## The signs are judged over four weeks whatever span the summary prints.
## $from and $to are short dates, as in report-period.

report-signs-judged = The signs are judged over four weeks, the nights from { $from } to { $to }, longer than this summary's span: some of them take four weeks to show, and how often a sign came back is counted over the twelve weeks up to its end.
report-signs-no-nights = No night was logged in the four weeks the signs are judged over.

report-overview = Overview
report-nights-logged = Nights logged
# $count of $total, e.g. "3 of 28".
report-of = { $count } of { $total }
report-col-night = Night
report-col-date = Evening (date)
report-col-falling-asleep = Twitches falling asleep
report-col-jerks-many = Many twitches falling asleep
report-col-woke = Woke from a jolt
report-col-all-night = Twitching through the night
report-col-daytime = Twitches while awake by day
report-col-restless = Legs trembling from sleep onset through sleep, itching, need to move them
report-col-partner = Rhythmic toe/ankle movements seen by someone
report-col-paralysis = Sleep paralysis
report-col-rested = Rested (1–5)
report-col-stress = Stress the day before
report-col-stress-high = High stress the day before
report-col-notes = Notes
report-col-signs = Patterns this night is part of
report-rested-mean = { $mean } on average over { $count ->
    [one] { $count } night
   *[other] { $count } nights
}
report-none = none recorded
report-night-log = Night by night
report-no-nights = No night was logged in this period.
report-not-logged = not logged
report-yes = yes
report-no = –
report-jerks = { $jerks ->
    [none] none
    [few] once or twice
   *[many] many
}
report-stress = { $stress ->
    [low] low
    [some] some
   *[high] high
}
report-routine = Evening routine
report-tracked = Evenings with the routine checked off: { $count } of { $total }.
report-step = Step
report-kept = Done on the evenings it was planned
report-kept-of = { $done } of { $planned } ({ $percent } %)
report-bedtime = Bedtime consistency
report-bedtime-none = Lights out was not checked off in this period.
report-week = Week of
report-lights-out-evenings = Evenings
report-offset = Lights out, on average
report-spread = Spread (±)
report-minutes = { $minutes } min
report-offset-on-time = at the planned bedtime
report-offset-after = { $duration } after the planned bedtime
report-offset-before = { $duration } before the planned bedtime
report-bedtime-hint = When "lights out" was checked off compared with the planned bedtime; a small spread means a steady bedtime, which the article advises.
report-footer = Bedtime Coach is not medical advice and makes no diagnosis. Its information comes from one article on twitches at sleep onset; everything here was entered by the patient and stays on their computer.

## `bedtime-coach report`: help, the weeks given, and where the summary went.

help-report = Write the doctor summary: the last weeks of night logs, warning signs with their nights, routine adherence and bedtime consistency (a printable HTML page, or CSV)
help-report-weeks = How many weeks it covers, 2 to 4 (default 4)
help-report-format = html (a self-contained printable page, the default) or csv
help-report-output = Where to write it (default: a dated file in your documents folder); - prints it
help-report-to = The evening of the last night it covers, YYYY-MM-DD (default: last night)
cli-error-report-weeks = The summary covers { $min } to { $max } weeks; "{ $text }" is outside that.
cli-report-saved = Saved the doctor summary (nights from { $from } to { $to }, { $nights ->
    [one] { $nights } night logged
   *[other] { $nights } nights logged
}) to { $path }
