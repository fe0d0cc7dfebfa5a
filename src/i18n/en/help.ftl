# `bedtime-coach --help`: what each command and option does (src/cli/args.rs,
# `localized_command`). Clap's own words (Usage, Options, Print help) stay English.

help-about = A calm evening routine and wind-down reminders. Runs offline; your data stays on this computer.
help-data-dir = Keep every file in DIR instead of the usual config and data folders
help-json-steps = Print JSON: an array of steps

## Commands and their options.

help-plan = Show an evening's timeline (default: tonight)
help-plan-date = The evening, as YYYY-MM-DD
help-status = Show tonight's progress and the next reminder
help-check = Mark a step of tonight's routine done (or skipped)
help-check-step = The step's id, as `routine list` shows it
help-check-skip = Mark it skipped instead of done
help-check-value = A measured value, such as the humidity in percent for humidity-check
help-check-date = The evening, as YYYY-MM-DD (default: tonight)
help-check-undo = Take the check-in back
help-routine = List or change the steps of your routine
help-schedule = Show or change bedtime and wake time
help-schedule-bedtime = Bedtime, as HH:MM
help-schedule-wake = Wake time, as HH:MM
help-schedule-days = Only these evenings, e.g. fri,sat (default: every day)
help-remind = Send wind-down reminders without a window (the background service); `remind --stop` stops the running one
help-remind-pause = Silence the rest of tonight's reminders, then exit
help-remind-resume = Bring tonight's reminders back after --pause-tonight, then exit
help-autostart = Start the reminders at login, or stop doing so
help-activate = Do what a press on a reminder toast asks (started by Windows, not by people)
help-activate-uri = The toast's bedtime-coach: address
help-set-shortcut-app-id = Give a Start-menu shortcut the app's identity for notifications (run by the Windows installer)
help-set-shortcut-app-id-link = The shortcut (.lnk) file

## routine's commands.

help-routine-list = List the steps of your routine
help-routine-catalog = List every step the article suggests, with its reason
help-routine-add = Add a catalog step, or a custom step with your own id
help-routine-add-title = Title of a custom step (default: its id)
help-routine-add-remind = Send a reminder for it
help-routine-remove = Remove a step from your routine (its past check-ins stay)
help-routine-set = Change when a step is due, its reminder, title, or whether it is on
help-routine-set-enabled = Turn the step on or off without removing it
help-routine-set-position = Move it to this position in the routine (1 = first)
help-anchor-before = Due this many minutes before bedtime
help-anchor-at = Due at this clock time
help-anchor-after-wake = Due this many minutes after the morning alarm

## History (stats).

help-stats = Show whether the routine holds: streaks, steps done, bedtime, caffeine cut-off

## Issue 12: the night log.

help-screen = Open the window on this screen (without a command)
help-night = Log last night (twitches, legs, how rested), or show a night's log and the warning signs
help-night-date = The evening the night followed, as YYYY-MM-DD (default: last night)
help-night-twitches = Twitches while falling asleep: none, few (once or twice) or many
help-night-jolt = Woke up from a jolt (--jolt=no to take it back)
help-night-all-night = Twitching went on through the night
help-night-daytime = Twitches during the day (the day before this morning)
help-night-restless-legs = Legs trembling from falling asleep on through sleep, with itching and a constant need to move them
help-night-partner = Someone saw your toes or ankles flex rhythmically, every 20–40 seconds, in your sleep
help-night-paralysis = Sleep paralysis: awake but unable to move
help-night-rested = How rested you feel, from 1 (not at all) to 5 (fully)
help-night-stress = Stress the day before: low, some or high
help-night-note = A note about the night (up to 400 characters)
help-night-quiet = A quiet night: no twitches and none of the other signs (other answers given win)
help-night-forget = Remove this night's log
help-night-json = Print JSON: the log, and the warning signs of the last four weeks

## The manual page's section headings (`man bedtime-coach`, tests/manual_page.rs).

man-name = NAME
man-synopsis = SYNOPSIS
man-description = DESCRIPTION
man-version = VERSION
man-possible-values = Possible values:
help-status-json = Print JSON: tonight's progress and the next reminder
help-routine-step = The step's id, as `routine list` shows it
help-routine-add-step = A step id from `routine catalog`, or an id of your own for a custom step (lowercase letters, digits and dashes)
help-routine-set-remind = Whether a reminder is sent for it
help-routine-set-title = A new title for the step, in your own words
help-autostart-action = on: start the reminders at login; off: stop doing so; status: say which it is
help-reminders-json = Print JSON: each reminder, what happened to it, and why
help-stats-json = Print JSON: the same figures
