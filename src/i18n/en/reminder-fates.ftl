## "Why no reminder?": what happened to each reminder of an evening
## (`bedtime-coach reminders` and "Tonight's reminders" in Settings). Times are HH:MM.

reminders-coming = still to come
reminders-silent = will stay silent: the step is already done or skipped
reminders-not-sent = due, but not sent yet: is the reminder service running?
reminders-held = held for Do Not Disturb since { $time }
reminders-sent = sent at { $time }
reminders-sent-late = sent at { $time }, { $minutes } min late (the computer was asleep or reminders were not running)
reminders-sent-after-hold = sent at { $time }, after Do Not Disturb ended (held from { $since })
reminders-through-dnd = (through Do Not Disturb, as Settings allow for bedtime)
reminders-failed = not shown ({ $time }): { $reason }
reminders-missed-held = missed: Do Not Disturb (from { $since }) lasted past the grace window
reminders-missed = missed: due { $due }, and the grace period ended at { $ended } (the computer was asleep or reminders were not running)
reminders-already-done = not sent: the step was already done or skipped
reminders-paused = not sent: reminders were paused for this evening
reminders-off = not sent: reminders are off in Settings
reminders-snoozed = snoozed until { $time }

## The command line: `bedtime-coach reminders [--date D]`.

cli-reminders-header = { $evening }: reminders
cli-reminders-none = This evening has no reminders.
cli-reminders-service-stopped = The reminder service is not running: reminders due now are not sent (start it with `bedtime-coach remind`).

## Settings: the collapsible list, and the Do Not Disturb choice.

ui-reminders-tonight = Tonight's reminders
ui-reminders-tonight-hint = What happened to each reminder this evening, and why.
ui-settings-bedtime-through-dnd = Let the bedtime reminder through Do Not Disturb
ui-settings-dnd-hint = While your desktop is set to Do Not Disturb, reminders wait and come when it ends (if still within the grace time).

## Help for `bedtime-coach reminders`.

help-reminders = List an evening's reminders and what happened to each: sent, late, held for Do Not Disturb, missed, and why
help-reminders-date = The evening to look at (YYYY-MM-DD); tonight by default
