//! The user's preferences and the configuration document that holds them with the
//! routine and schedule.

use serde::{Deserialize, Serialize};

use super::catalog::Hemisphere;
use super::journal::Extra;
use super::routine::Routine;
use super::schedule::Schedule;

/// Light or dark, or whatever the desktop uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Theme {
    #[default]
    System,
    Dark,
    Light,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub reminders: bool,
    pub theme: Theme,
    pub hemisphere: Hemisphere,
    /// Reminders missed by less than this (a suspend, a late start) still arrive, late.
    pub grace_minutes: u32,
    pub snooze_minutes: u32,
    #[serde(flatten)]
    pub extra: Extra,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            reminders: true,
            theme: Theme::System,
            hemisphere: Hemisphere::Northern,
            grace_minutes: 15,
            snooze_minutes: 10,
            extra: Extra::new(),
        }
    }
}

/// Routine, schedule and settings: everything the user configures.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Config {
    #[serde(default)]
    pub schedule: Schedule,
    #[serde(default)]
    pub routine: Routine,
    #[serde(default)]
    pub settings: Settings,
    #[serde(flatten)]
    pub extra: Extra,
}
