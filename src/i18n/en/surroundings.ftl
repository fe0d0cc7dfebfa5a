# Odd surroundings (issue 20, part B): the service's log file, signals, the time zone,
# the terminal. $path is a file's name, $cause an error from the system.

## The reminder service's log file (src/store/log_file.rs).

log-file-failed = The log file { $path } cannot be written ({ $cause }); the service goes on logging to the terminal only, and says nothing more about it until the file works again.
# $reason is a sentence naming the file and what is wrong with it.
log-file-none = This time the service keeps no log file, only the terminal's: { $reason }
