//! The morning night log: how the night after an evening went.
//!
//! Why it exists: the routine is only worth keeping if nights get calmer, and the article
//! names signs that should go to a doctor (twitching all night, by day on following days,
//! restless legs, rhythmic limb movements a partner sees, sleep paralysis). The app can
//! only notice those, or compare evenings, if the user writes down a few answers each
//! morning. This module is the shape of those answers and the edits that change them.
//!
//! # Which evening a night belongs to
//!
//! A night log is filed under the evening it followed: the morning of D+1 logs the night
//! after evening D (the journal's key is the evening's date, like its check-ins). So a
//! night sits beside the steps that led up to it, which is what the comparisons in
//! [`super::helps`] need. [`night_to_log`] says which evening "last night" is at a given
//! local time. "Twitches during the day" in the log of evening D are about day D (the day
//! before the morning it is written), so logs of consecutive evenings are consecutive days.
//!
//! # Old logs
//!
//! The first format had three booleans. `twitch_all_night` and `restless_legs` mean the same
//! today and keep their keys. `twitch_falling_asleep: true` becomes "once or twice"
//! ([`Jerks::Few`]): the old question did not ask how many, and the article treats an
//! occasional jerk while falling asleep as the ordinary, harmless case, so reading it as
//! "many" would invent jerky nights in the comparisons. `false` becomes "none": the night
//! was logged and the box left empty. The old key is not written back.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use super::journal::{Extra, Key, KnownKeys};
use super::schedule::Schedule;
use super::time::previous_day;

/// The longest note a night log keeps, in characters: a few sentences for the doctor's
/// summary, the same bound as a step's reason so no text field grows without limit.
pub const MAX_NOTE_CHARS: usize = 400;

/// The lowest and highest "how rested" score.
pub const RESTED_MIN: u8 = 1;
pub const RESTED_MAX: u8 = 5;

/// Twitches (jerks) while falling asleep.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Jerks {
    None,
    /// Once or twice: the article's ordinary, harmless case.
    Few,
    Many,
}

impl Jerks {
    pub const ALL: [Jerks; 3] = [Jerks::None, Jerks::Few, Jerks::Many];
}

/// How stressful the day before was.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Stress {
    Low,
    /// "Some" in the file and on the command line.
    #[serde(rename = "some")]
    Moderate,
    High,
}

impl Stress {
    pub const ALL: [Stress; 3] = [Stress::Low, Stress::Moderate, Stress::High];
}

/// The morning's answers about the night after an evening. A `false` or `None` answer is
/// "not noticed" / "not answered"; only what was noticed is written to the file.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct NightLog {
    /// When it was last recorded, by this computer's clock, with the offset in force then:
    /// what the window and the summaries show.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<DateTime<FixedOffset>>,
    /// Its place in the merge's order when that is later than `at` (the newest wins in a
    /// merge): as a check-in's, see [`super::journal::CheckIn::order`] and
    /// [`super::removals`]. Read through [`NightLog::order`]; `None` (not written) almost
    /// always.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order: Option<DateTime<FixedOffset>>,
    /// Twitches while falling asleep; `None` when not answered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub falling_asleep: Option<Jerks>,
    /// Woke up from a jolt.
    #[serde(default, skip_serializing_if = "is_false")]
    pub woke_from_jolt: bool,
    /// Twitching went on through the night.
    #[serde(default, skip_serializing_if = "is_false")]
    pub twitch_all_night: bool,
    /// Twitches while awake, during the day before (see the module notes).
    #[serde(default, skip_serializing_if = "is_false")]
    pub twitch_daytime: bool,
    /// In the evening, itching in the legs and a constant need to move them (what the
    /// article describes of restless legs).
    #[serde(default, skip_serializing_if = "is_false")]
    pub restless_legs: bool,
    /// A partner saw the toes or ankles flex rhythmically, every 20–40 seconds.
    #[serde(default, skip_serializing_if = "is_false")]
    pub partner_saw_movements: bool,
    /// Awake but unable to move.
    #[serde(default, skip_serializing_if = "is_false")]
    pub sleep_paralysis: bool,
    /// How rested, from [`RESTED_MIN`] to [`RESTED_MAX`]; read as written (see
    /// [`NightLog::rested_score`]), checked when changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rested: Option<u8>,
    /// Stress the day before.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stress: Option<Stress>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    #[serde(flatten)]
    pub extra: Extra,
}

fn is_false(value: &bool) -> bool {
    !*value
}

/// The first format's key for jerks while falling asleep (a bool), migrated on reading.
const OLD_FALLING_ASLEEP: &str = "twitch_falling_asleep";

const NIGHT_KEYS: &[&str] = &[
    "at",
    "order",
    "falling_asleep",
    "woke_from_jolt",
    "twitch_all_night",
    "twitch_daytime",
    "restless_legs",
    "partner_saw_movements",
    "sleep_paralysis",
    "rested",
    "stress",
    "note",
];

/// By hand like [`super::journal::CheckIn`]: a 10-year journal has 3,650 night logs, and
/// serde's `flatten` would buffer every key of each to find the unknown ones.
impl<'de> Deserialize<'de> for NightLog {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        use serde::de::{MapAccess, Visitor};

        struct NightVisitor;

        impl<'de> Visitor<'de> for NightVisitor {
            type Value = NightLog;

            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a night log object")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<NightLog, A::Error> {
                let mut log = NightLog::default();
                let mut old_falling_asleep = None;
                while let Some(key) = map.next_key_seed(KnownKeys(NIGHT_KEYS))? {
                    match key {
                        Key::Known("at") => log.at = map.next_value()?,
                        Key::Known("order") => log.order = map.next_value()?,
                        Key::Known("falling_asleep") => log.falling_asleep = map.next_value()?,
                        Key::Known("woke_from_jolt") => log.woke_from_jolt = map.next_value()?,
                        Key::Known("twitch_all_night") => log.twitch_all_night = map.next_value()?,
                        Key::Known("twitch_daytime") => log.twitch_daytime = map.next_value()?,
                        Key::Known("restless_legs") => log.restless_legs = map.next_value()?,
                        Key::Known("partner_saw_movements") => log.partner_saw_movements = map.next_value()?,
                        Key::Known("sleep_paralysis") => log.sleep_paralysis = map.next_value()?,
                        Key::Known("rested") => log.rested = map.next_value()?,
                        Key::Known("stress") => log.stress = map.next_value()?,
                        Key::Known(_) => log.note = map.next_value()?,
                        Key::Other(name) => {
                            let value: serde_json::Value = map.next_value()?;
                            match value.as_bool() {
                                Some(old) if name == OLD_FALLING_ASLEEP => old_falling_asleep = Some(old),
                                _ => {
                                    log.extra.insert(name, value);
                                }
                            }
                        }
                    }
                }
                if log.falling_asleep.is_none() {
                    log.falling_asleep = old_falling_asleep.map(|jerks| if jerks { Jerks::Few } else { Jerks::None });
                }
                Ok(log)
            }
        }

        deserializer.deserialize_map(NightVisitor)
    }
}

/// Why a night log cannot be saved as it is. Plain data; its sentence is in `i18n`.
#[derive(Debug, Clone, PartialEq)]
pub enum NightError {
    /// A rested score outside [`RESTED_MIN`]..=[`RESTED_MAX`].
    RestedOutOfRange(u8),
    /// The note has this many characters, more than [`MAX_NOTE_CHARS`].
    NoteTooLong(usize),
}

impl std::error::Error for NightError {}

/// One answer of the night log, as the window's click or a command-line option sets it.
#[derive(Debug, Clone, PartialEq)]
pub enum NightAnswer {
    FallingAsleep(Option<Jerks>),
    WokeFromJolt(bool),
    TwitchAllNight(bool),
    TwitchDaytime(bool),
    RestlessLegs(bool),
    PartnerSawMovements(bool),
    SleepParalysis(bool),
    Rested(Option<u8>),
    Stress(Option<Stress>),
    Note(String),
}

impl NightAnswer {
    /// "A quiet night": no jerks and none of the signs, in one click. Leaves how rested,
    /// stress and the note as they are.
    pub fn quiet_night() -> Vec<NightAnswer> {
        vec![
            NightAnswer::FallingAsleep(Some(Jerks::None)),
            NightAnswer::WokeFromJolt(false),
            NightAnswer::TwitchAllNight(false),
            NightAnswer::TwitchDaytime(false),
            NightAnswer::RestlessLegs(false),
            NightAnswer::PartnerSawMovements(false),
            NightAnswer::SleepParalysis(false),
        ]
    }

    /// Checks this answer on its own (the limits of [`NightLog::validate`]).
    pub fn validate(&self) -> Result<(), NightError> {
        match self {
            NightAnswer::Rested(Some(score)) if !(RESTED_MIN..=RESTED_MAX).contains(score) => {
                Err(NightError::RestedOutOfRange(*score))
            }
            NightAnswer::Note(note) => check_note(note),
            _ => Ok(()),
        }
    }
}

fn check_note(note: &str) -> Result<(), NightError> {
    match note.chars().count() {
        count if count > MAX_NOTE_CHARS => Err(NightError::NoteTooLong(count)),
        _ => Ok(()),
    }
}

impl NightLog {
    /// Sets one answer; says whether it changed anything. A note is kept trimmed.
    pub fn answer(&mut self, answer: NightAnswer) -> bool {
        fn set<T: PartialEq>(slot: &mut T, value: T) -> bool {
            let changed = *slot != value;
            *slot = value;
            changed
        }
        match answer {
            NightAnswer::FallingAsleep(value) => set(&mut self.falling_asleep, value),
            NightAnswer::WokeFromJolt(value) => set(&mut self.woke_from_jolt, value),
            NightAnswer::TwitchAllNight(value) => set(&mut self.twitch_all_night, value),
            NightAnswer::TwitchDaytime(value) => set(&mut self.twitch_daytime, value),
            NightAnswer::RestlessLegs(value) => set(&mut self.restless_legs, value),
            NightAnswer::PartnerSawMovements(value) => set(&mut self.partner_saw_movements, value),
            NightAnswer::SleepParalysis(value) => set(&mut self.sleep_paralysis, value),
            NightAnswer::Rested(value) => set(&mut self.rested, value),
            NightAnswer::Stress(value) => set(&mut self.stress, value),
            NightAnswer::Note(value) => set(&mut self.note, value.trim().to_owned()),
        }
    }

    /// Checks the rested score and the note's length.
    pub fn validate(&self) -> Result<(), NightError> {
        if let Some(score) = self.rested.filter(|score| !(RESTED_MIN..=RESTED_MAX).contains(score)) {
            return Err(NightError::RestedOutOfRange(score));
        }
        check_note(&self.note)
    }

    /// The rested score when it is one (a file edited by hand may hold anything).
    pub fn rested_score(&self) -> Option<u8> {
        self.rested.filter(|score| (RESTED_MIN..=RESTED_MAX).contains(score))
    }

    /// Many jerks while falling asleep.
    pub fn jerky(&self) -> bool {
        self.falling_asleep == Some(Jerks::Many)
    }

    /// Any of the signs the article says not to ignore (not jerks while falling asleep,
    /// nor a jolt that woke the user: those are the ordinary kind).
    pub fn has_warning_sign(&self) -> bool {
        self.sign_count() > 0
    }

    /// How many different warning signs the night shows.
    pub fn sign_count(&self) -> usize {
        [
            self.twitch_all_night,
            self.twitch_daytime,
            self.restless_legs,
            self.partner_saw_movements,
            self.sleep_paralysis,
        ]
        .into_iter()
        .filter(|sign| *sign)
        .count()
    }

    /// Its place in the merge's order: its stamp, or when it was recorded (whichever is
    /// later); `None`, the oldest, for a log written before times were kept.
    pub fn order(&self) -> Option<DateTime<FixedOffset>> {
        self.at.max(self.order)
    }

    /// Nothing answered yet (a log with only its time or unknown fields).
    pub fn is_unanswered(&self) -> bool {
        let answered = NightLog { at: None, order: None, extra: Extra::new(), ..self.clone() };
        answered == NightLog::default()
    }
}

/// The evening whose night a log written at local time `local` is about, "last night":
/// once that evening's bedtime has passed its night is the one in progress or just over
/// (a log written at 03:00 after waking is about that night); before it, the night before.
pub fn night_to_log(schedule: &Schedule, local: NaiveDateTime) -> NaiveDate {
    let evening = schedule.evening_of(local);
    if local >= schedule.bedtime(evening) { evening } else { previous_day(evening) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Journal;

    fn read(text: &str) -> NightLog {
        serde_json::from_str(text).unwrap()
    }

    #[test]
    fn old_booleans_migrate() {
        let old = read(r#"{"twitch_falling_asleep":true,"twitch_all_night":true,"restless_legs":false,"note":"x"}"#);
        assert_eq!(old.falling_asleep, Some(Jerks::Few));
        assert!(old.twitch_all_night && !old.restless_legs);
        assert_eq!(old.note, "x");
        assert!(old.extra.is_empty(), "the old key is migrated, not kept: {:?}", old.extra);
        let quiet = read(r#"{"twitch_falling_asleep":false,"twitch_all_night":false,"restless_legs":false}"#);
        assert_eq!(quiet.falling_asleep, Some(Jerks::None));
        // The new key wins over the old one whatever their order.
        assert_eq!(read(r#"{"twitch_falling_asleep":true,"falling_asleep":"many"}"#).falling_asleep, Some(Jerks::Many));
        assert_eq!(read(r#"{"falling_asleep":"none","twitch_falling_asleep":true}"#).falling_asleep, Some(Jerks::None));
        let back = serde_json::to_string(&old).unwrap();
        assert_eq!(back, r#"{"falling_asleep":"few","twitch_all_night":true,"note":"x"}"#);
    }

    #[test]
    fn round_trip_keeps_every_answer_and_unknown_fields() {
        let text = r#"{"at":"2026-11-27T07:05:00+01:00","falling_asleep":"many","woke_from_jolt":true,"twitch_all_night":true,"twitch_daytime":true,"restless_legs":true,"partner_saw_movements":true,"sleep_paralysis":true,"rested":2,"stress":"some","note":"late coffee","dream":"odd"}"#;
        let log = read(text);
        assert_eq!(log.stress, Some(Stress::Moderate));
        assert_eq!(log.rested_score(), Some(2));
        assert_eq!(log.extra.get("dream").and_then(|v| v.as_str()), Some("odd"));
        let back: serde_json::Value = serde_json::to_value(&log).unwrap();
        assert_eq!(back, serde_json::from_str::<serde_json::Value>(text).unwrap());
        // An odd old key that is not a bool is kept as it was.
        let odd = read(r#"{"twitch_falling_asleep":"yes"}"#);
        assert_eq!(odd.falling_asleep, None);
        assert_eq!(odd.extra.get(OLD_FALLING_ASLEEP).and_then(|v| v.as_str()), Some("yes"));
    }

    #[test]
    fn a_journal_with_old_night_logs_loads() {
        let text = r#"{"evenings":{"2026-11-26":{"night":{"twitch_falling_asleep":true,"twitch_all_night":false,"restless_legs":true,"note":""}}}}"#;
        let journal: Journal = serde_json::from_str(text).unwrap();
        let log = journal.night(NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()).unwrap();
        assert_eq!(log.falling_asleep, Some(Jerks::Few));
        assert!(log.restless_legs);
    }

    #[test]
    fn answers_change_validate_and_trim() {
        let mut log = NightLog::default();
        assert!(log.is_unanswered());
        for answer in NightAnswer::quiet_night() {
            log.answer(answer);
        }
        assert_eq!(log.falling_asleep, Some(Jerks::None));
        assert!(!log.is_unanswered() && !log.has_warning_sign());
        assert!(!log.answer(NightAnswer::WokeFromJolt(false)), "no change");
        assert!(log.answer(NightAnswer::Note("  tea at 9  ".into())));
        assert_eq!(log.note, "tea at 9");
        assert_eq!(NightAnswer::Rested(Some(6)).validate(), Err(NightError::RestedOutOfRange(6)));
        assert_eq!(NightAnswer::Rested(Some(0)).validate(), Err(NightError::RestedOutOfRange(0)));
        assert!(NightAnswer::Rested(Some(5)).validate().is_ok() && NightAnswer::Rested(None).validate().is_ok());
        let long = "я".repeat(MAX_NOTE_CHARS + 1);
        assert_eq!(NightAnswer::Note(long).validate(), Err(NightError::NoteTooLong(MAX_NOTE_CHARS + 1)));
        assert!(NightAnswer::Note("я".repeat(MAX_NOTE_CHARS)).validate().is_ok());
        log.rested = Some(9);
        assert_eq!(log.validate(), Err(NightError::RestedOutOfRange(9)));
        assert_eq!(log.rested_score(), None);
    }

    #[test]
    fn last_night_is_the_evening_before_until_bedtime() {
        let schedule = Schedule::default(); // bed 22:30, wake 07:00
        let at = |d: u32, h: u32, m: u32| NaiveDate::from_ymd_opt(2026, 11, d).unwrap().and_hms_opt(h, m, 0).unwrap();
        let evening = |d: u32| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
        assert_eq!(night_to_log(&schedule, at(27, 7, 0)), evening(26), "the morning after");
        assert_eq!(night_to_log(&schedule, at(27, 21, 0)), evening(26), "still that night, until bedtime");
        assert_eq!(night_to_log(&schedule, at(27, 23, 0)), evening(27), "after bedtime: tonight's night");
        assert_eq!(night_to_log(&schedule, at(28, 3, 0)), evening(27), "woken at 3 in the morning");
        assert_eq!(night_to_log(&schedule, at(28, 6, 45)), evening(27));
    }
}
