## What this system does not offer yet (src/platform/mod.rs): one sentence each, shown or
## logged instead of doing nothing.

platform-unavailable = { $concern ->
    [notifications] Desktop notifications are not available on this system yet: reminders are kept in the reminder log, and the window shows them.
    [tray] The tray icon is not available on this system yet: reminders go on without it.
    [do-not-disturb] Do Not Disturb cannot be read on this system yet: reminders are shown whatever it says.
    [autostart] Starting reminders at login is not available on this system yet.
    [one-window] Only one window is not enforced on this system yet: starting the app again opens a second window.
    [wall-timer] The wall-clock timer is not available on this system yet: the reminder service looks at the clock every second.
    [folder-watch] Watching the data folder is not available on this system yet: the reminder service looks at the files every second.
    [shortcut] Shortcuts with an app identity exist only on Windows.
   *[signals] The reminder service cannot take the console's close events on this system yet: closing its console will end it.
}
