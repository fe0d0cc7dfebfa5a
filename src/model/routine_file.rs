//! Everything the user configures, as one document: the routine, the sleep schedule and
//! the settings. It is saved as `routine.json` (the name users know it by, and older
//! versions read), so the type and its values are named after the file: the routine file.
//! Read and written only through `store`.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use super::journal::Extra;
use super::routine::Routine;
use super::schedule::Schedule;
use super::settings::Settings;

/// The contents of `routine.json`: routine, schedule and settings, everything the user
/// configures.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RoutineFile {
    #[serde(default)]
    pub schedule: Schedule,
    #[serde(default)]
    pub routine: Routine,
    #[serde(default)]
    pub settings: Settings,
    /// When the routine was first saved (the first-run setup, or the first `schedule` or
    /// `routine` command): the first evening counts only the steps due from then on.
    /// `None` in files written before it was recorded: every step counts, as it did.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub since: Option<DateTime<FixedOffset>>,
    #[serde(flatten)]
    pub extra: Extra,
}
