# The reminder service's tray icon and the desktop around it. Used in src/background/tray.rs
# and src/ui/settings.rs. $time is HH:MM.

## The tray icon's tooltip.

tray-next = Next: { $title } at { $time }
tray-nothing-left = No more reminders tonight.
tray-paused = Reminders are paused tonight.
tray-off = Reminders are off.

## The tray icon's menu. $title is a step's title; $minutes a number.

tray-open = Open checklist
tray-done = Done: { $title }
tray-done-nothing = Done (no step is due now)
tray-snooze = Snooze { $minutes } min
tray-pause = Pause reminders tonight
tray-resume = Resume reminders tonight
tray-turn-on = Turn reminders on
tray-quit = Quit reminders

## Settings, under the reminders, when the desktop shows no tray icons.

ui-settings-no-tray = Your desktop shows no tray icons, so the reminder service runs without its moon icon; reminders still come. On GNOME, the “AppIndicator and KStatusNotifierItem Support” extension adds tray icons (package gnome-shell-extension-appindicator).
