# Words shared by every part of the app: weekdays, months, dates, durations, counts,
# and the phrases for when a step is due. Used through src/i18n/format.rs.

## Weekdays and months. $day is mon…sun, $month is 1…12.

weekday = { $day ->
    [mon] Monday
    [tue] Tuesday
    [wed] Wednesday
    [thu] Thursday
    [fri] Friday
    [sat] Saturday
   *[sun] Sunday
}
# The weekday inside "Evening of …".
weekday-of = { $day ->
    [mon] Monday
    [tue] Tuesday
    [wed] Wednesday
    [thu] Thursday
    [fri] Friday
    [sat] Saturday
   *[sun] Sunday
}
weekday-short = { $day ->
    [mon] Mon
    [tue] Tue
    [wed] Wed
    [thu] Thu
    [fri] Fri
    [sat] Sat
   *[sun] Sun
}
# The month inside a date ("26 November").
month-of = { $month ->
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
month-short-of = { $month ->
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

## Dates. $weekday and $month come from the messages above.

# "Evening of Thursday 26 November 2026"
date-evening = Evening of { $weekday } { $day } { $month } { $year }
# "Thu 26 Nov"
date-short = { $weekday } { $day } { $month }
# A date as the end of a span ("from … to …"), with its year: "Sun 1 Nov 2026".
date-in-span = { $weekday } { $day } { $month } { $year }
# A moment with its date and time (when a computer last wrote): "5 Dec 2026, 22:14".
date-time = { $day } { $month } { $year }, { $time }

## Durations: "8 h 05 min". $minutes in duration-hours-minutes is already two digits.

duration-minutes = { $minutes } min
duration-hours = { $hours } h
duration-hours-minutes = { $hours } h { $minutes } min

## Counts.

count-steps = { $count ->
    [one] { $count } step
   *[other] { $count } steps
}
count-minutes = { $count ->
    [one] { $count } minute
   *[other] { $count } minutes
}
count-nights = { $count ->
    [one] { $count } night
   *[other] { $count } nights
}
count-evenings = { $count ->
    [one] { $count } evening
   *[other] { $count } evenings
}

## When a step is due. $duration is a duration from above, $time is HH:MM.

anchor-at-bedtime = at bedtime
anchor-before-bedtime = { $duration } before bedtime
anchor-on-waking = on waking
anchor-after-waking = { $duration } after waking
anchor-at = at { $time }

## The night's length: time in bed, from bedtime to the alarm (sleep itself is
## shorter). $duration is a duration, $wake is HH:MM.

sleep-opportunity = { $duration } in bed before your { $wake } alarm
# Said wherever a night is under 8 h in bed.
short-night-advice = That is under 8 h in bed, and sleep itself is shorter still: the article advises at least eight hours of sleep, nine or ten if eight are not enough.
# $base is sleep-opportunity, $advice is short-night-advice.
sleep-opportunity-short = { $base }. { $advice }

## The weekday a night leads into ("Saturday night, up on Sunday"; in Russian «ночь на воскресенье»).

weekday-on = { $day ->
    [mon] Monday
    [tue] Tuesday
    [wed] Wednesday
    [thu] Thursday
    [fri] Friday
    [sat] Saturday
   *[sun] Sunday
}
