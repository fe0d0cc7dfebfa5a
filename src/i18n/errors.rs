//! The model's refusals in words. The model keeps its errors as plain data (it must not
//! depend on this module), so their `Display` lives here, in the current language.

use std::fmt;

use crate::model::ValueKind;
use crate::model::computers::{MAX_NAME_CHARS, NameError};
use crate::model::night::{MAX_NOTE_CHARS, NightError, RESTED_MAX, RESTED_MIN};
use crate::model::routine::{MAX_ANCHOR_MINUTES, MAX_STEPS, MAX_TITLE_CHARS, MAX_WHY_CHARS, StepError};
use crate::model::schedule::SameTime;
use crate::model::time::{FIRST_DATE, LAST_DATE, hhmm};
use crate::model::validate::{Invalid, MAX_EVENING_STEPS, MAX_UNKNOWN_BYTES, Problem};
use crate::tr;

use super::format::data_size;

impl fmt::Display for StepError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = match self {
            StepError::BadId(id) => tr!("error-step-bad-id", id = id.as_str()),
            StepError::NoTitle => tr!("error-step-no-title"),
            StepError::TitleTooLong(count) => tr!("error-step-title-too-long", max = MAX_TITLE_CHARS, count = *count),
            StepError::WhyTooLong(count) => tr!("error-step-why-too-long", max = MAX_WHY_CHARS, count = *count),
            StepError::TooManyMinutes(count) => {
                tr!("error-step-too-many-minutes", max = MAX_ANCHOR_MINUTES, count = *count)
            }
            StepError::NoValue(id) => tr!("error-step-no-value", id = id.as_str()),
            StepError::BadValue(ValueKind::HumidityPercent, value) => {
                tr!("error-not-a-humidity", value = value.to_string())
            }
            StepError::RoutineFull => tr!("error-routine-full", max = MAX_STEPS),
        };
        f.write_str(&text)
    }
}

impl fmt::Display for NightError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = match self {
            NightError::RestedOutOfRange(score) => {
                tr!("error-night-rested", min = RESTED_MIN, max = RESTED_MAX, value = *score)
            }
            NightError::NoteTooLong(count) => tr!("error-night-note-too-long", max = MAX_NOTE_CHARS, count = *count),
        };
        f.write_str(&text)
    }
}

impl fmt::Display for NameError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = match self {
            NameError::TooLong(count) => tr!("error-computer-name-too-long", max = MAX_NAME_CHARS, count = *count),
            NameError::Control => tr!("error-computer-name-control"),
        };
        f.write_str(&text)
    }
}

impl fmt::Display for SameTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&tr!("error-same-time", time = hhmm(self.0)))
    }
}

/// A step id from a file as a message quotes it: at most 40 characters, and anything
/// unprintable written as an escape, so the message shows what is there and stays short.
fn quoted_id(id: &str) -> String {
    let shown: String = id.chars().take(40).collect::<String>().escape_debug().to_string();
    if id.chars().nth(40).is_some() { format!("{shown}…") } else { shown }
}

/// A clause, not a sentence: it goes inside `error-not-recorded` (a command) or
/// `transfer-error-invalid` (an import), which say what was not done.
impl fmt::Display for Invalid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let date = self.evening.map(|date| date.to_string()).unwrap_or_default();
        let date = date.as_str();
        let text = match &self.problem {
            Problem::OutOfRange => {
                tr!("invalid-out-of-range", date = date, first = FIRST_DATE.to_string(), last = LAST_DATE.to_string())
            }
            Problem::Future => tr!("invalid-future", date = date),
            Problem::StepId(id) => tr!("invalid-step-id", date = date, id = quoted_id(id)),
            Problem::Value(StepError::BadValue(ValueKind::HumidityPercent, value)) => {
                tr!("invalid-humidity", date = date, value = value.to_string())
            }
            Problem::Value(StepError::NoValue(id)) => tr!("invalid-no-value", date = date, id = quoted_id(id)),
            // check_value gives only the two above.
            Problem::Value(other) => other.to_string(),
            Problem::Night(NightError::RestedOutOfRange(value)) => {
                tr!("invalid-rested", date = date, value = *value, min = RESTED_MIN, max = RESTED_MAX)
            }
            Problem::Night(NightError::NoteTooLong(count)) => {
                tr!("invalid-note", date = date, count = *count, max = MAX_NOTE_CHARS)
            }
            Problem::RecordedAt(at) => tr!("invalid-recorded-at", date = date, at = at.to_rfc3339()),
            Problem::Ordered(at) => {
                tr!("invalid-ordered", date = date, at = at.to_rfc3339(), last = LAST_DATE.to_string())
            }
            Problem::TooManySteps(count) => {
                tr!("invalid-too-many-steps", date = date, count = *count, max = MAX_EVENING_STEPS)
            }
            Problem::RepeatedStep(id) => tr!("invalid-repeated-step", date = date, id = quoted_id(id)),
            Problem::PlannedTime(time) => {
                tr!("invalid-planned-time", date = date, time = time.format("%Y-%m-%d %H:%M").to_string())
            }
            Problem::RoutineStep(error) => tr!("invalid-routine-step", problem = error.to_string()),
            Problem::RoutineRepeatedStep(id) => tr!("invalid-routine-repeated-step", id = quoted_id(id)),
            Problem::RoutineBegins(at) => tr!("invalid-routine-begins", at = at.to_rfc3339()),
            Problem::ScheduleSameTime(time) => {
                tr!("invalid-schedule-same-time", time = time.format("%H:%M").to_string())
            }
            Problem::UnknownTooLarge(bytes) => {
                tr!("invalid-unknown", size = data_size(*bytes as u64), max = data_size(MAX_UNKNOWN_BYTES as u64))
            }
        };
        f.write_str(&text)
    }
}
