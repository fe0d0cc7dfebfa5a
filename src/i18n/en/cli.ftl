# The command line's human output and its own error sentences (src/cli/, src/main.rs).
# `--json` output never comes from here: it is the same in every language.

## Shared.

cli-no-routine-yet = No routine is saved yet, so no reminders are sent: finish the setup in the window, or save one with `bedtime-coach schedule` or `bedtime-coach routine`.
cli-reminders-off = Reminders are off.
# A step that sends a reminder, in `plan` and `routine list`.
cli-flag-remind = remind
# A step turned off, in `routine list`.
cli-flag-off = off

## plan. $evening is date-evening, $sleep a duration.

cli-plan-header = { $evening } — bedtime { $bedtime }, alarm { $wake } ({ $sleep } in bed)
cli-plan-default-routine = This is the default routine, built from the article's advice (the times are the app's defaults); change it with `bedtime-coach routine` or in the window.

## status. $date is date-short.

cli-status-tonight = Tonight ({ $date }): { $done } of { $total } done, { $skipped } skipped.
cli-status-bedtime-in = Bedtime { $time } in { $duration }.
cli-status-bedtime-was = Bedtime was { $bedtime }; alarm at { $wake }.
cli-status-next-reminder = Next reminder: { $title } at { $time }.
cli-status-no-more-reminders = No more reminders tonight.
cli-status-paused = Reminders are paused for the rest of tonight.

## check. $date is date-short.

cli-check-done = { $title }: done (evening of { $date }).
cli-check-skipped = { $title }: skipped (evening of { $date }).
cli-check-undone = { $title }: check-in taken back (evening of { $date }).
cli-check-nothing-to-undo = Nothing to undo: { $title } was not checked on the evening of { $date }.

## schedule. $sleep is sleep-opportunity.

cli-schedule-night = bed { $bedtime }, up { $wake } — { $sleep }
cli-schedule-every-day = Every day: { $night }
cli-error-days-without-times = Give --bedtime and/or --wake to change those days.

## routine. $anchor is one of the anchor-… phrases.

cli-routine-default = This is the default routine, built from the article's advice (the times are the app's defaults); change it here or in the window.
cli-routine-added = Added { $title } ({ $id }, { $anchor }).
cli-routine-removed = Removed { $id } from your routine; its past check-ins are kept.
# $remind is on or off, $enabled is yes or no.
cli-routine-changed = { $title } ({ $id }): { $anchor }, reminder { $remind ->
    [on] on
   *[off] off
}{ $enabled ->
    [yes] {""}
   *[no] , turned off
}.
cli-routine-moved = Moved { $id } to position { $position }.
cli-routine-unchanged = Nothing to change: { $id } already is as you asked.

## remind. $date is date-short.

cli-remind-paused = Reminders are paused for the rest of tonight (evening of { $date }); they return tomorrow.
cli-remind-resumed = Reminders are back on for tonight (evening of { $date }).

## autostart. $path is a file, $pid a process number.

cli-autostart-enabled = Reminders start at login ({ $path }).
cli-autostart-disabled-in = Autostart is disabled in { $path }.
cli-autostart-not-set = Reminders do not start at login; `bedtime-coach autostart on` turns that on.
cli-autostart-running = A reminder service is running now (process { $pid }).
cli-autostart-on = Reminders will start at login ({ $path }).
cli-autostart-start-now = To start them now, run `bedtime-coach remind &`.
cli-autostart-off = Reminders no longer start at login.
cli-autostart-was-off = Reminders were not set to start at login.
cli-autostart-stops-at-logout = It stops when you log out.
# $link is a shortcut's file, $cause the system's reason.
cli-shortcut-failed = Could not give the shortcut { $link } the app's identity for notifications: { $cause }
# $program is a program's file.
cli-autostart-other-program = It starts another copy of Bedtime Coach ({ $program }); `bedtime-coach autostart on` makes it start this one.

## Errors in what was typed (shown by the argument parser). $text is what was typed.

cli-error-clock-time = "{ $text }" is not a clock time; use HH:MM, like 22:30
cli-error-date = { $text } is not a date; use YYYY-MM-DD, like 2026-11-27
cli-error-date-range = { $text } is too far away; use a date from { $first } to { $last }
cli-error-weekday = "{ $text }" is not a weekday; use mon, tue, wed, thu, fri, sat or sun

## When the result cannot be printed. $error is the system's reason.

cli-print-failed = The output could not be printed: { $error }.
cli-print-failed-saved = The change was saved, but its output could not be printed: { $error }.

## `remind --test`. $reason is a sentence; $seconds a whole number.

help-remind-test = Ask the reminder service to show a test notification, wait for the answer, then exit
cli-remind-test-shown = A test notification was shown. If you do not see it, check the desktop's notification settings (for example "Do not disturb").
cli-remind-test-failed = The test notification could not be shown. { $reason }
cli-remind-test-no-service = The reminder service is not running, so nothing was shown yet; it shows the test notification when it starts (`bedtime-coach remind`, or open the window with reminders on).
cli-remind-test-no-answer = The reminder service did not answer within { $seconds } s; it shows the test notification when it next looks at the files.

## `remind --stop`. $pid is a process number, or none.

help-remind-stop = Ask the running reminder service of these files to stop, wait until it has, then exit
cli-remind-stopped = The reminder service{ $pid ->
    [none] {""}
   *[other] {" "}(process { $pid })
} has stopped; reminders are off until it starts again.
cli-remind-stop-none = No reminder service is running for these files, so there was nothing to stop.

## Issue 12: `night`, the night log. $date is the evening the night followed.

cli-night-none = No night log for the night after { $date }.
cli-night-saved = Saved the night after { $date }.
cli-night-unchanged = The night after { $date } already had these answers; nothing changed.
cli-night-forgotten = Removed the log of the night after { $date }.
cli-night-header = The night after { $date }:
cli-night-header-at = The night after { $date } (logged { $logged } at { $time }):
cli-night-yes = yes
cli-night-no = no
cli-night-unanswered = not answered
cli-night-jerks = { $jerks ->
    [none] none
    [few] once or twice
   *[many] many
}
cli-night-rested-score = { $score } of 5
cli-night-stress-level = { $level ->
    [low] low
    [some] some
   *[high] high
}
cli-night-q-falling-asleep = Twitches while falling asleep
cli-night-q-jolt = Woke up from a jolt
cli-night-q-all-night = Twitching through the night
cli-night-q-daytime = Twitches during the day
cli-night-q-restless-legs = Legs trembling from sleep onset through sleep, itching, need to move them
cli-night-q-partner = Rhythmic toe or ankle movements seen by someone
cli-night-q-paralysis = Sleep paralysis
cli-night-q-rested = How rested
cli-night-q-stress = Stress the day before
cli-night-q-note = Note
