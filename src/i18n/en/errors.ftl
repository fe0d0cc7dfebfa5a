# Why a change or a command was refused (src/command.rs, src/model/routine.rs and
# schedule.rs through src/i18n/errors.rs, src/remind/mod.rs). One sentence each.

## Changes. $id is a step's id, $date an evening as YYYY-MM-DD.

error-unknown-step = There is no step "{ $id }" in your routine; `bedtime-coach routine list` shows the ids.
error-already-in-routine = "{ $id }" is already in your routine.
error-date-too-far = { $date } is too far from today to record.
error-nothing-changed = Nothing changed.

## Steps. $max is a limit, $count what was given.

error-step-bad-id = Step ids use lowercase letters, digits and dashes, like "evening-walk"; "{ $id }" does not.
error-step-no-title = A step needs a title.
error-step-title-too-long = A title can be at most { $max } characters; this one has { $count }.
error-step-why-too-long = A step's reason can be at most { $max } characters; this one has { $count }.
error-step-too-many-minutes = { $count } minutes is more than a day; use at most { $max }.
error-computer-name-too-long = A computer's name can be at most { $max } characters; this one has { $count }.
error-forget-this-computer = This computer cannot be forgotten here; forget it from another computer that shares the folder.
error-computer-name-control = A computer's name is one line, without tabs.
error-step-no-value = "{ $id }" does not record a value.

## Schedule. $time is HH:MM.

error-same-time = A bedtime of { $time } is also the wake time; choose a wake time after it.

## Reminders. $pid is a process number, or none.

error-already-running = Reminders are already running in another Bedtime Coach process{ $pid ->
    [none] {""}
   *[other] {" "}(process { $pid })
}; this one is not needed and stops here.
# $key is a registry key, $cause the system's reason.
error-autostart-registry = Could not change whether reminders start at login ({ $key }): { $cause }.
error-stop-failed = The reminder service{ $pid ->
    [none] {""}
   *[other] {" "}(process { $pid })
} could not be asked to stop: { $cause }
error-stop-not-the-service = that process does not hold the service's lock on these files, so it is not the reminder service, and it was left alone.
error-stop-not-listening = it does not listen for this request (it may be an older version); end it in the Task Manager or with `kill`.
error-stop-timeout = The reminder service{ $pid ->
    [none] {""}
   *[other] {" "}(process { $pid })
} was asked to stop but is still running after { $seconds } s; try again, or end it in the Task Manager or with `kill`.
error-not-a-humidity = { $value } % is not a humidity; give a number from 0 to 100 (percent).

## Night log (src/model/night.rs). $min and $max are limits, $value and $count what was given.

error-night-rested = How rested is a number from { $min } to { $max }; { $value } is not.
error-night-note-too-long = A night's note can be at most { $max } characters; this one has { $count }.

error-routine-full = A routine can have at most { $max } steps; remove one before adding another.

## What may enter the journal (src/model/validate.rs): clauses inside error-not-recorded
## and transfer-error-invalid. $date is an evening as YYYY-MM-DD; $id a step id as found.

error-not-recorded = Nothing was recorded: { $reason }.
invalid-out-of-range = the evening of { $date } is outside the years Bedtime Coach keeps ({ $first } to { $last })
invalid-future = the evening of { $date } is more than a day ahead of today
invalid-step-id = the evening of { $date } names a step "{ $id }", which is not a step id (lowercase letters, digits and dashes)
invalid-humidity = the evening of { $date } has a humidity of { $value } %, not a number from 0 to 100
invalid-no-value = the evening of { $date } gives "{ $id }" a value, and that step records none
invalid-rested = the night after { $date } is rested { $value }, not a number from { $min } to { $max }
invalid-note = the night after { $date } has a note of { $count } characters, more than the { $max } a note can have
invalid-recorded-at = the evening of { $date } has a record made at { $at }, before that evening or in the future
invalid-ordered = the evening of { $date } has a record ordered at { $at }, after the years Bedtime Coach keeps (to { $last })
invalid-too-many-steps = the evening of { $date } names { $count } steps, more than the { $max } an evening can hold
invalid-planned-time = the evening of { $date } was planned with a time of { $time }, which cannot be that evening's
invalid-repeated-step = the routine of the evening of { $date } lists "{ $id }" twice
invalid-routine-step = the routine in it has a step this app would not save: { $problem }
invalid-routine-repeated-step = the routine in it lists "{ $id }" twice
invalid-routine-begins = the routine in it begins at { $at }, which is still to come
invalid-schedule-same-time = its schedule has a night with bedtime and wake time both at { $time }
invalid-unknown = it carries { $size } of fields this version does not know, more than the { $max } one file may bring in
