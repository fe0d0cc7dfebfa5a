# Odd surroundings (issue 20, part B): the service's log file, signals, the time zone,
# the terminal. $path is a file's name, $cause an error from the system.

## The reminder service's log file (src/store/log_file.rs).

log-file-failed = The log file { $path } cannot be written ({ $cause }); the service goes on logging to the terminal only, and says nothing more about it until the file works again.
# $reason is a sentence naming the file and what is wrong with it.
log-file-none = This time the service keeps no log file, only the terminal's: { $reason }

## The time zone (src/store/zone.rs). $tz is the TZ value as given, $path the file it
## names, $problem one of the two below.

zone-refused = The time zone TZ={ $tz } names { $path }, which is { $problem }; Bedtime Coach uses UTC instead. Set TZ to a zone such as Europe/Berlin, or unset it.
zone-system-refused = The system's time zone { $path } is { $problem }; Bedtime Coach uses UTC instead. Set TZ to a zone such as Europe/Berlin.
zone-not-regular = not a time-zone file but { $kind ->
    [folder] a folder
    [fifo] a FIFO
    [socket] a socket
    [device] a device
   *[other] something else
}
zone-too-large = larger than any time-zone file ({ $size } bytes; at most { $max })
zone-not-tzif = not a time-zone file (it does not start as one)

## Signals to the reminder service (src/remind/signals.rs), in its log.

remind-signal-hangup = The terminal closed ({ $signal }); the reminders go on, as a background service does.
# $signal is SIGTERM or SIGINT; $pid the service's process number.
remind-signal-stop = Stopping on { $signal } (process { $pid }); the reminders are handed back.
remind-signal-unwatched = The service cannot take its signals itself ({ $cause }): closing its terminal will end it.
remind-stop-asked = Stopping: `remind --stop` asked for it (process { $pid }); the reminders are handed back.
remind-stop-unwatched = `remind --stop` cannot reach this service ({ $cause }); end it another way when needed.

## The reminder service's files changing under it (src/remind/reminder_loop/).

# $path is reminders.json; $count how many reminders it lost.
remind-log-restored = { $path } lost { $count ->
    [one] a reminder
   *[other] { $count } reminders
} already settled (removed, or replaced by an older copy, while the reminder service ran); the service wrote them back, so none of them comes twice.
remind-folder-lost = The data folder { $folder } was removed or renamed while the reminder service ran; the service stops, so that it never sends a reminder a new service sends too. Start it again with `bedtime-coach remind` (or open the window).

## `bedtime-coach reminders`: a reminder late because the service could not write its
## files (a full disk), not because the computer slept. $reason is that error's sentence.

reminders-sent-late-stalled = sent at { $time }, { $minutes } min late: until then the reminder service could not use its files ({ $reason })
reminders-missed-stalled = missed: the reminder service could not use its files until past the grace window ({ $reason })

## clap's own words on the command line (src/cli/clap_text.rs), as clap says them in
## English. $arg is an option such as --bedtime <HH:MM>, $value what was given.

clap-usage = Usage:
clap-commands = Commands
clap-options = Options
clap-arguments = Arguments
clap-help = Print help
clap-version = Print version
clap-help-command = Print this message or the help of the given subcommand(s)
clap-help-for = Print help for the subcommand(s)
clap-error = error:
clap-tip = tip:
# $names: one or more names in quotes, separated by commas.
clap-did-you-mean = a similar one exists: { $names }
# One name in $names, quoted.
clap-quoted = '{ $name }'
clap-more = For more information, try '{ $help }'.
clap-unknown-argument = unexpected argument '{ $arg }' found
clap-unknown-command = unrecognized subcommand '{ $name }'
clap-value-required = a value is required for '{ $arg }' but none was supplied
clap-invalid-value = invalid value '{ $value }' for '{ $arg }'
clap-possible-values = possible values
clap-possible-commands = subcommands
clap-missing-arguments = the following required arguments were not provided:
clap-missing-command = '{ $name }' requires a subcommand but one was not provided
clap-conflict = the argument '{ $arg }' cannot be used with '{ $other }'
clap-repeated = the argument '{ $arg }' cannot be used multiple times
clap-no-equals = equal sign is needed when assigning values to '{ $arg }'
clap-too-many-values = unexpected value '{ $value }' for '{ $arg }' found; no more were expected
clap-value-count = wrong number of values for '{ $arg }'
clap-not-utf8 = invalid UTF-8 was detected in one or more arguments
clap-other = the command line could not be understood

## Notification answers not from the notification server (src/remind/notifier.rs), in the
## service's log. $member is ActionInvoked or NotificationClosed; $sender a bus name.

notify-not-from-server = Ignored { $member } for notification { $id } from { $sender }, which is not the notification server: only the server's answers count.
