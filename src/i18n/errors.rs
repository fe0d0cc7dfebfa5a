//! The model's refusals in words. The model keeps its errors as plain data (it must not
//! depend on this module), so their `Display` lives here, in the current language.

use std::fmt;

use crate::model::ValueKind;
use crate::model::night::{MAX_NOTE_CHARS, NightError, RESTED_MAX, RESTED_MIN};
use crate::model::routine::{MAX_ANCHOR_MINUTES, MAX_TITLE_CHARS, MAX_WHY_CHARS, StepError};
use crate::model::schedule::SameTime;
use crate::model::time::hhmm;
use crate::tr;

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

impl fmt::Display for SameTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&tr!("error-same-time", time = hhmm(self.0)))
    }
}
