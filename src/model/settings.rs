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
    /// The bedtime reminder comes through Do Not Disturb (as a critical notification);
    /// everything else waits until it ends.
    pub bedtime_through_do_not_disturb: bool,
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
            bedtime_through_do_not_disturb: false,
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
mod tests {
    use super::*;

    #[test]
    fn bedtime_through_do_not_disturb_is_off_unless_saved() {
        let old: Settings = serde_json::from_str(r#"{"reminders":true,"grace_minutes":20}"#).unwrap();
        assert!(!old.bedtime_through_do_not_disturb);
        let on: Settings = serde_json::from_str(r#"{"bedtime_through_do_not_disturb":true}"#).unwrap();
        assert!(on.bedtime_through_do_not_disturb);
        let back: Settings = serde_json::from_str(&serde_json::to_string(&on).unwrap()).unwrap();
        assert_eq!(back, on);
    }
}
