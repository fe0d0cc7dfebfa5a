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
    /// The share of an evening's steps (in percent) that must be done for the evening to
    /// count in a streak (History, `stats`).
    pub streak_threshold_percent: u32,
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
            bedtime_through_do_not_disturb: false,
            streak_threshold_percent: DEFAULT_STREAK_THRESHOLD_PERCENT,
            morning_invitation: true,
            extra: Extra::new(),
        }
    }
}

/// The share of an evening's steps that must be done for it to count in a streak, in
/// percent (the setting's default).
pub const DEFAULT_STREAK_THRESHOLD_PERCENT: u32 = 80;

/// The longest grace window and snooze the settings offer; larger numbers in a file are
/// read as these, so no setting can push a reminder days away.
pub const MAX_GRACE_MINUTES: u32 = 120;
pub const MAX_SNOOZE_MINUTES: u32 = 120;

/// The streak threshold the settings offer, in percent: a file's number outside it is
/// read as the nearest end (0 % would make every tracked evening count).
pub const STREAK_THRESHOLD_RANGE: std::ops::RangeInclusive<u32> = 10..=100;

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

    /// The streak threshold in percent, within [`STREAK_THRESHOLD_RANGE`].
    pub fn streak_threshold_percent(&self) -> u32 {
        self.streak_threshold_percent.clamp(*STREAK_THRESHOLD_RANGE.start(), *STREAK_THRESHOLD_RANGE.end())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_streak_threshold_defaults_to_80_and_is_clamped() {
        let old: Settings = serde_json::from_str(r#"{"reminders":true}"#).unwrap();
        assert_eq!(old.streak_threshold_percent(), 80);
        let mut settings = Settings { streak_threshold_percent: 0, ..Settings::default() };
        assert_eq!(settings.streak_threshold_percent(), 10);
        settings.streak_threshold_percent = 250;
        assert_eq!(settings.streak_threshold_percent(), 100);
        settings.streak_threshold_percent = 65;
        assert_eq!(settings.streak_threshold_percent(), 65);
        let back: Settings = serde_json::from_str(&serde_json::to_string(&settings).unwrap()).unwrap();
        assert_eq!(back.streak_threshold_percent, 65);
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

#[cfg(test)]
mod do_not_disturb_tests {
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
