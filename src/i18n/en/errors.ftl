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
error-step-no-value = "{ $id }" does not record a value.

## Schedule. $time is HH:MM.

error-same-time = A bedtime of { $time } is also the wake time; choose a wake time after it.

## Reminders. $pid is a process number, or none.

error-already-running = Reminders are already running in another Bedtime Coach process{ $pid ->
    [none] {""}
   *[other] {" "}(process { $pid })
}; this one is not needed and stops here.
error-not-a-humidity = { $value } % is not a humidity; give a number from 0 to 100 (percent).

## Night log (src/model/night.rs). $min and $max are limits, $value and $count what was given.

error-night-rested = How rested is a number from { $min } to { $max }; { $value } is not.
error-night-note-too-long = A night's note can be at most { $max } characters; this one has { $count }.
