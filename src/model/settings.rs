//! The user's preferences: reminders, theme, language, hemisphere, grace and snooze.

use serde::{Deserialize, Serialize};

use super::catalog::Hemisphere;
use super::journal::Extra;

/// Light or dark, or whatever the desktop uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Theme {
    #[default]
    System,
    Dark,
    Light,
}

/// The language the user chose; `System` follows the desktop (resolved in `i18n`, so the
/// model only stores the choice).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LanguageChoice {
    #[default]
    System,
    English,
    Russian,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub reminders: bool,
    pub theme: Theme,
    pub language: LanguageChoice,
    pub hemisphere: Hemisphere,
    /// Reminders missed by less than this (a suspend, a late start) still arrive, late.
    pub grace_minutes: u32,
    pub snooze_minutes: u32,
    /// A notification after the wake time inviting the night log (issue 12).
    pub morning_invitation: bool,
    #[serde(flatten)]
    pub extra: Extra,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            reminders: true,
            theme: Theme::System,
            language: LanguageChoice::System,
            hemisphere: Hemisphere::Northern,
            grace_minutes: 15,
            snooze_minutes: 10,
            morning_invitation: true,
            extra: Extra::new(),
        }
    }
}

/// The longest grace window and snooze the settings offer; larger numbers in a file are
/// read as these, so no setting can push a reminder days away.
pub const MAX_GRACE_MINUTES: u32 = 120;
pub const MAX_SNOOZE_MINUTES: u32 = 120;

impl Settings {
    /// Minutes a missed reminder may still arrive late: at least one, so a reminder a
    /// moment late is never lost, at most [`MAX_GRACE_MINUTES`].
    pub fn grace_minutes(&self) -> u32 {
        self.grace_minutes.clamp(1, MAX_GRACE_MINUTES)
    }

    /// Minutes "Snooze" puts a reminder off.
    pub fn snooze_minutes(&self) -> u32 {
        self.snooze_minutes.clamp(1, MAX_SNOOZE_MINUTES)
    }
}

#[cfg(test)]
mod morning_invitation_tests {
    use super::*;

    #[test]
    fn morning_invitation_is_on_unless_turned_off() {
        let old: Settings = serde_json::from_str(r#"{"reminders":true,"snooze_minutes":5}"#).unwrap();
        assert!(old.morning_invitation, "files from before the setting invite");
        let off: Settings = serde_json::from_str(r#"{"morning_invitation":false}"#).unwrap();
        assert!(!off.morning_invitation);
        assert_eq!(serde_json::to_value(&off).unwrap()["morning_invitation"], false);
    }
}
