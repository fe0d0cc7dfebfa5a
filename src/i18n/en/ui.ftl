# The window (src/ui/): labels, buttons, accessible names, banners.
# Step titles and whys come from the catalog, not from here.

## The frame around every screen.

ui-app-name = Bedtime Coach
ui-tab-tonight = Tonight
ui-tab-routine = Routine
ui-tab-schedule = Schedule
ui-tab-settings = Settings
ui-offline = Offline: your data stays on this computer
# The header when the whole sentence does not fit beside the tabs (hover shows it).
ui-offline-short = Offline
ui-window-failed = Could not open the window ({ $error }); is a graphical session running?
ui-reminders-continue = Bedtime Coach: Reminders continue in the background (process { $pid }) after the window closes.

## Banners. $summary, $due and $reason come from the reminder service.

ui-no-file-watch = Changes made outside this window will show after a restart ({ $error }).
ui-open-folder-failed = No file manager could open the folder ({ $error }). It is { $path } — select the text to copy it.
ui-step-removed = Removed "{ $title }" from your routine.
ui-undelivered = Reminder — { $summary }. { $reason }
ui-undelivered-due = Reminder — { $summary }: { $due }. { $reason }
ui-busy-gave-up = Your change was not saved: another Bedtime Coach process has kept the files busy for { $seconds } s. Try again.
ui-busy-gave-up-pid = Your change was not saved: another Bedtime Coach process (process { $pid }) has kept the files busy for { $seconds } s. Try again.
ui-busy-waiting = Waiting for another Bedtime Coach process to finish saving…
ui-busy-waiting-pid = Waiting for another Bedtime Coach process (process { $pid }) to finish saving…
ui-service-failed = The reminder service could not be started ({ $error }); reminders are not sent until it runs.
ui-autostart-on = Reminders will start at login.
ui-autostart-off = Reminders no longer start at login.
ui-undo = Undo
ui-open-folder = Open folder
ui-dismiss = Dismiss

## Clock-time fields.

ui-time-hint = HH:MM
ui-time-invalid = Use HH:MM, like 22:30 (or 10:30 pm)
ui-bedtime = Bedtime
ui-wake-time = Wake time
# Accessible names of a weekday's fields; $day is a weekday.
ui-day-bedtime = { $day } night: bedtime
ui-day-wake-time = { $day } night: wake on { $next }
# After a number of minutes in a number field.
ui-unit-min = min

## Tonight. $time is HH:MM, $duration a duration.

ui-tonight-empty = Your routine has no steps tonight. Add some under Routine.
ui-tonight-bedtime-in = Bedtime { $time } — in { $duration }
ui-tonight-past-bedtime = Past bedtime ({ $time }) — lights out and sleep well
ui-tonight-over = This evening is over
# After bedtime only: the time left until the alarm, counting down.
ui-tonight-sleep = { $duration } until your { $wake } alarm
ui-tonight-paused = Reminders are paused for tonight.
ui-tonight-resume = Resume reminders
ui-tonight-pause = Pause reminders tonight
ui-tonight-no-coffee = No coffee after { $time } — chamomile tea or fruit compote instead.
ui-tonight-caffeine-passed = Caffeine cut-off passed at { $time } — chamomile tea or fruit compote from here on.
ui-tonight-progress = { $done } of { $total } done
ui-tonight-progress-skipped = { $done } of { $total } done, { $skipped } skipped
ui-tonight-all-done = All done — sleep well.
ui-tonight-all-done-detail = Everything for tonight is settled. Put the screen away; the reminders stay quiet now.
ui-tonight-why = Why this step?
ui-tonight-hide-why = Hide why
ui-status-in = in { $duration }
# The first evening: $time is when the routine was first saved (HH:MM).
ui-tonight-not-counted-first = { $count ->
    [one] Your routine began at { $time }: the step due before then does not count tonight, in History or in the streak.
   *[other] Your routine began at { $time }: the { $count } steps due before then do not count tonight, in History or in the streak.
}
# A step added after its time tonight.
ui-tonight-not-counted-added = { $count ->
    [one] 1 step was added after its time tonight: it counts from tomorrow.
   *[other] { $count } steps were added after their time tonight: they count from tomorrow.
}
ui-done = Done
ui-skip = Skip
# Accessible names; $title is the step's title.
ui-done-step = Done: { $title }
ui-skip-step = Skip: { $title }
ui-undo-step = Undo: { $title }
ui-humidity = Bedroom humidity (%)
ui-humidity-save = Save reading
ui-humidity-invalid = a percentage from 0 to 100
ui-humidity-hint = comfortable is about 40–60 % (general guidance, not from the article)

## Routine.

ui-routine-preview = Preview: tonight
ui-routine-reminder = reminder
ui-routine-heading = Your routine
ui-routine-hint = Tick a step to use it; untick to pause it without losing it.
ui-routine-use = Use: { $title }
ui-routine-delete = Delete
ui-routine-delete-step = Delete: { $title }
ui-routine-edit = Edit
# The editor's heading and the Edit button's accessible name.
ui-routine-edit-step = Edit: { $title }
# $when is when the step is due ("30 min before bedtime").
ui-routine-when-remind = { $when } · reminder
ui-routine-add-heading = Add a step
ui-routine-all-added = Every step from the article is in your routine.
ui-routine-from-article = From the article
ui-routine-add = Add
ui-routine-add-from-article = Add step from the article
ui-routine-own = Your own step
ui-routine-own-hint = e.g. Read a paper book
ui-routine-add-own = Add custom step
ui-routine-edit-heading = Edit a step
ui-routine-edit-hint = Choose Edit next to a step to change its title, time or reminder.
ui-routine-title = Title
ui-routine-when = When
ui-routine-before-bedtime = Before bedtime
ui-routine-after-waking = After waking
ui-routine-at-time = At a clock time
ui-routine-minutes = Minutes
ui-routine-clock-time = Clock time
ui-routine-send-reminder = Send a reminder
ui-routine-tonight-at = Tonight at { $time }
ui-routine-turned-off = This step is turned off.

## Schedule.

ui-schedule-heading = Sleep schedule
ui-schedule-intro = A fixed bedtime and a fixed wake time with an alarm clock are the heart of the routine. The article advises at least eight hours of sleep, nine or ten if eight are not enough.
ui-schedule-same = Same time every day
ui-schedule-per-day = Different on some days
ui-schedule-rows = Each row is one night, from that evening's bedtime to the next morning's alarm.

## Settings.

ui-settings-reminders = Reminders
ui-settings-send = Send wind-down reminders as desktop notifications
ui-settings-reminders-off = Reminders are off.
ui-settings-service-running = The reminder service (process { $pid }) sends them as desktop notifications; they keep coming when this window is closed.
ui-settings-service-stopped = The reminder service is not running; it starts with this window or at login.
ui-settings-autostart = Start reminders when I log in
ui-settings-snooze = Snooze for
ui-settings-grace = Still send reminders missed by up to
ui-settings-appearance = Appearance
ui-settings-theme-system = Follow the system
ui-settings-theme-dark = Dark
ui-settings-theme-light = Light
ui-settings-theme-hint = Dark suits the evening: less light before sleep.
ui-settings-language = Language
ui-settings-language-system = System
# Each language by its own name, the same in every language.
ui-settings-language-english = English
ui-settings-language-russian = Русский
ui-settings-season = Season
ui-settings-northern = Northern hemisphere
ui-settings-southern = Southern hemisphere
ui-settings-season-hint = "Keep hands and feet warm" joins your evenings in autumn and winter where you live.
ui-settings-data = Your data
ui-settings-data-intro = Bedtime Coach works offline. Nothing leaves this computer; everything is kept as JSON files here:
ui-settings-config-folder = Routine and settings:
ui-settings-journal-folder = Journal:
ui-settings-open-config-folder = Open the routine and settings folder
ui-settings-open-journal-folder = Open the journal folder

## First-run setup.

ui-setup-welcome = Welcome to Bedtime Coach
ui-setup-intro = Twitches while falling asleep are common and usually harmless. A steady routine helps: a fixed bedtime, a calm evening, a comfortable bedroom. Set yours up in a minute; you can change everything later.
ui-setup-schedule = 1. Your sleep schedule
ui-setup-same-time = A bedtime of { $time } is also the wake time; choose a wake time after it.
ui-setup-steps = 2. Your evening steps, from the article
ui-setup-preview = 3. Tonight with this routine
ui-setup-save = Save my routine
ui-tonight-reassurance = Twitches while falling asleep are common and usually harmless; a steady, calm routine may make them less likely. If twitching goes on through the night, or keeps coming back in the daytime day after day, a doctor (a neurologist) should look at it.
# Instead of the reassurance, while the night log holds a sign (see src/model/warnings.rs).
ui-tonight-signs-logged = You logged a sign in your night log that the article says a doctor should see; the Night screen has a note about it.
ui-tonight-open-night = Open the night log

## First-run setup: the hemisphere and a preview waiting for valid times.

ui-setup-hemisphere = Where do you live?
ui-setup-hemisphere-first = Choose your hemisphere above to use this step: its season depends on it.
ui-setup-preview-waits = The preview comes back once both times read like 22:30.

## The schedule, night by night. $day is the evening's weekday, $next the morning's.

# "Saturday night:" then "bed [23:30] — up on Sunday [09:00]" (the font has no arrow).
ui-night = { $day } night:
ui-night-bed = bed
ui-night-wake = — up on { $next }
ui-schedule-groups = Set several nights at once:
ui-group-workdays = Workday mornings, Monday to Friday (Sunday to Thursday nights): bed
ui-group-weekend = Weekend mornings, Saturday and Sunday (Friday and Saturday nights): bed
ui-group-wake = — up
ui-group-workdays-bedtime = Workday nights: bedtime
ui-group-workdays-wake = Workday mornings: wake time
ui-group-weekend-bedtime = Weekend nights: bedtime
ui-group-weekend-wake = Weekend mornings: wake time
ui-schedule-kept = Your nights for particular days are kept: choose "Different on some days" to use them again.

## The step editor: minutes stepped by 5, a custom step's reason, the morning's time.

ui-routine-five-less = 5 minutes less
ui-routine-five-more = 5 minutes more
ui-routine-why = Why (optional)
ui-routine-why-hint = What this step does for your sleep
ui-routine-morning-at = In the morning at { $time }
## Settings: the test notification. $time is HH:MM; $reason is a sentence.

ui-settings-test = Send a test notification
ui-settings-test-waiting = Waiting for the reminder service to show the test notification…
ui-settings-test-no-service = The reminder service is not running; it shows the test notification when it starts.
ui-settings-test-shown = The test notification was shown at { $time }. If you did not see it, check the desktop's notification settings.
ui-settings-test-failed = The test notification at { $time } could not be shown. { $reason }
## Tonight: the state of each step, with a mark of its own; $time is HH:MM.
# Marks only from the bundled Ubuntu font (√ – ! •): tests fail on a missing glyph.

ui-state-done-at = √ done at { $time }
ui-state-skipped = – skipped
ui-state-missed = ! missed
# A step due before the routine was first saved, or before the step was added.
ui-state-not-counted = – not counted tonight
ui-state-due-now = • due now
ui-state-next = • next, in { $duration }
# A small button beside the focused step's title; $title is the step's title.
ui-tonight-why-button = Why?
ui-tonight-why-step = Why: { $title }
ui-tonight-hide-why-step = Hide why: { $title }
# After bedtime, the steps left undone fold under this header.
ui-tonight-not-done = Not done tonight: { $count }
ui-tonight-side-empty = Everything is settled for tonight.
# The side panel after bedtime while steps are still open: say what is true.
ui-tonight-side-night = { $count ->
    [one] Past bedtime: 1 step was not done tonight. It can wait for tomorrow; sleep comes first.
   *[other] Past bedtime: { $count } steps were not done tonight. They can wait for tomorrow; sleep comes first.
}
# Before bedtime, when no step is due or next but some passed unchecked.
ui-tonight-side-missed = { $count ->
    [one] Nothing is due now. 1 step passed without a mark; you can still mark it.
   *[other] Nothing is due now. { $count } steps passed without a mark; you can still mark them.
}
ui-setup-test-hint = Check that notifications work: the test comes as soon as your routine is saved.
ui-setup-test-asked = Asked: the test notification comes once your routine is saved; Settings shows how it went.

## Issue 12: the night log (Settings).

ui-settings-morning-invitation = In the morning, invite me to log the night

## Issue 24: History reads every month on a thread of its own.

# While History (or the night log's "What helps") reads the whole journal, before the number of months is known.
history-reading = Reading your history…
history-reading-months = Reading your history… { $read } of { $total } months
# The reading thread ended without an answer (it should not happen).
history-load-stopped = Your history could not be read: the reading stopped without an answer.

## Settings: the computers that share the data folder (a synced folder, see the README's
## "Two computers"). $name is a computer's name, $when a date and time, $id the start of
## a computer's device id.

ui-computers = Computers using this folder
# Shown when the routine and the journal are in the usual, separate folders.
ui-computers-share-usual = To keep one history on two computers, choose one data folder for everything (with the button below, or --data-dir), keep that folder in Syncthing, Nextcloud or Dropbox, and choose it on both computers.
# Shown when one folder holds everything (--data-dir).
ui-computers-share-chosen = To keep one history on two computers, keep this folder in Syncthing, Nextcloud or Dropbox, and choose its copy on the other computer (with the button below, or --data-dir).
ui-computers-this = (this computer)
ui-computers-unnamed = Computer { $id }
ui-computers-last-wrote = last wrote { $when }
ui-computers-not-written = has not written to this folder yet
ui-computers-name = Name
ui-computers-name-of = Name of { $name }
ui-computers-forget = Forget…
ui-computers-forget-named = Forget { $name }…
ui-computers-forget-question = Forget { $name }? It will no longer be listed here. Everything it recorded stays part of your history, and if it writes to this folder again, it is listed again.
ui-computers-forget-confirm = Forget it
ui-computers-forget-keep = Keep it
ui-computers-unreadable = The computers using this folder could not be read: { $error }
ui-computers-open-folder = Open the data folder
ui-computers-choose-folder = Choose another data folder…
ui-computers-folder-dialog-title = The folder for Bedtime Coach's data
ui-computers-folder-path = Folder:
ui-computers-use-folder = Use this folder
# $folder is a folder's path.
ui-computers-folder-next = From the next start of Bedtime Coach (the window, the reminders, the start at login), this computer keeps its data in { $folder }. What is in the current folder stays there: to take it along, export it here and import it there. Reminders from this computer pause until then.
ui-computers-usual-folders = Use the usual folders
ui-computers-folder-usual-next = From the next start of Bedtime Coach, this computer keeps its data in the usual folders again.
