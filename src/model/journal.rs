//! What the user recorded: check-ins per evening and step, and the morning night log
//! (its shape is in [`super::night`]).

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

pub use super::night::NightLog;
pub use super::planned::PlannedTimes;

/// Fields this version does not know, kept so that saving never drops them.
pub type Extra = serde_json::Map<String, serde_json::Value>;

/// The outcome of a step on one evening.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    Done,
    Skipped,
}

/// One check-in: a step done or skipped, when, and the value measured, if any.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CheckIn {
    pub outcome: Outcome,
    /// When the user checked it, by this computer's clock, with the offset in force then:
    /// what every view, export and statistic shows.
    #[serde(serialize_with = "super::instant::serialize")]
    pub at: DateTime<FixedOffset>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
    /// Where it stands in the merge's order when that is later than `at`: a check-in made
    /// over a record or a removal stamped by a clock running ahead goes just past it (see
    /// [`super::removals`]). Only merging and removals read it, through [`CheckIn::order`]
    /// (and an import's check, which keeps it within the years the app keeps: see
    /// [`super::validate`]); `None` (not written) in almost every check-in.
    #[serde(default, serialize_with = "super::instant::serialize_option", skip_serializing_if = "Option::is_none")]
    pub order: Option<DateTime<FixedOffset>>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// Read by hand rather than derived: with `#[serde(flatten)]` serde first copies every
/// key of every check-in into a buffer to find the unknown ones, which was most of the
/// time a 10-year journal took to load. Here known keys are matched in place and only
/// unknown ones are kept (in `extra`), as before.
impl<'de> Deserialize<'de> for CheckIn {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        use serde::de::{Error, MapAccess, Visitor};

        struct CheckInVisitor;

        impl<'de> Visitor<'de> for CheckInVisitor {
            type Value = CheckIn;

            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a check-in object")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<CheckIn, A::Error> {
                let (mut outcome, mut at, mut value, mut order, mut extra) = (None, None, None, None, Extra::new());
                while let Some(key) = map.next_key_seed(KnownKeys(&["outcome", "at", "value", "order"]))? {
                    match key {
                        Key::Known("outcome") => outcome = Some(map.next_value()?),
                        Key::Known("at") => at = Some(map.next_value::<super::instant::Instant>()?.0),
                        Key::Known("order") => {
                            order = map.next_value::<Option<super::instant::Instant>>()?.map(|order| order.0);
                        }
                        Key::Known(_) => value = map.next_value::<Option<f64>>()?,
                        Key::Other(name) => {
                            extra.insert(name, map.next_value()?);
                        }
                    }
                }
                Ok(CheckIn {
                    outcome: outcome.ok_or_else(|| A::Error::missing_field("outcome"))?,
                    at: at.ok_or_else(|| A::Error::missing_field("at"))?,
                    value,
                    order,
                    extra,
                })
            }
        }

        deserializer.deserialize_map(CheckInVisitor)
    }
}

/// A key of an object read by hand: one of its known fields, matched without
/// allocating, or another one, kept by name.
pub(super) enum Key {
    Known(&'static str),
    Other(String),
}

/// Reads a [`Key`] given the object's known field names.
pub(super) struct KnownKeys(pub(super) &'static [&'static str]);

impl<'de> serde::de::DeserializeSeed<'de> for KnownKeys {
    type Value = Key;

    fn deserialize<D: serde::Deserializer<'de>>(self, deserializer: D) -> Result<Key, D::Error> {
        deserializer.deserialize_identifier(self)
    }
}

impl serde::de::Visitor<'_> for KnownKeys {
    type Value = Key;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a field name")
    }

    fn visit_str<E: serde::de::Error>(self, key: &str) -> Result<Key, E> {
        Ok(match self.0.iter().find(|known| **known == key) {
            Some(known) => Key::Known(known),
            None => Key::Other(key.to_owned()),
        })
    }
}

impl CheckIn {
    pub fn new(outcome: Outcome, at: DateTime<FixedOffset>, value: Option<f64>) -> Self {
        Self { outcome, at, value, order: None, extra: Extra::new() }
    }

    /// Its place in the merge's order: its stamp, or when it was made (whichever is
    /// later, so a stamp never makes a record older than it is).
    pub fn order(&self) -> DateTime<FixedOffset> {
        self.order.map_or(self.at, |order| order.max(self.at))
    }
}

/// Everything recorded for one evening.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Evening {
    #[serde(default)]
    pub checks: BTreeMap<String, CheckIn>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub night: Option<NightLog>,
    /// The steps that made up this evening's routine, as of its latest check-in, so
    /// statistics count a step only on the evenings it was part of the routine.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub routine: Option<Vec<String>>,
    /// The times the evening was planned with, recorded with its routine, so a step moved
    /// later keeps its time on this evening. `None` in evenings recorded before they were
    /// kept: those are laid out with today's routine, as they always were.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub times: Option<PlannedTimes>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// By hand for the same reason as [`CheckIn`]: 3,650 evenings of a 10-year journal.
impl<'de> Deserialize<'de> for Evening {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        use serde::de::{MapAccess, Visitor};

        struct EveningVisitor;

        impl<'de> Visitor<'de> for EveningVisitor {
            type Value = Evening;

            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an evening object")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Evening, A::Error> {
                let mut evening = Evening::default();
                while let Some(key) = map.next_key_seed(KnownKeys(&["checks", "night", "routine", "times"]))? {
                    match key {
                        Key::Known("checks") => evening.checks = map.next_value()?,
                        Key::Known("night") => evening.night = map.next_value()?,
                        Key::Known("routine") => evening.routine = map.next_value()?,
                        Key::Known(_) => evening.times = map.next_value()?,
                        Key::Other(name) => {
                            evening.extra.insert(name, map.next_value()?);
                        }
                    }
                }
                Ok(evening)
            }
        }

        deserializer.deserialize_map(EveningVisitor)
    }
}

impl Evening {
    fn is_empty(&self) -> bool {
        self.checks.is_empty() && self.night.is_none() && self.extra.is_empty()
    }
}

/// The date of an evening as a key in a file: exactly `YYYY-MM-DD`, as the app writes
/// it. chrono alone also reads `2026-12-5`, ` 2026-12-04` and `+2026-12-03`, so two
/// spellings of one date would pass the duplicate-key check and one evening would
/// silently replace the other; any other spelling is damage.
pub fn parse_date_key(key: &str) -> Option<NaiveDate> {
    let bytes = key.as_bytes();
    let number = |range: std::ops::Range<usize>| -> Option<u32> {
        let digits = bytes.get(range)?;
        digits.iter().try_fold(0u32, |n, d| d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0')))
    };
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    let year = i32::try_from(number(0..4)?).ok()?;
    NaiveDate::from_ymd_opt(year, number(5..7)?, number(8..10)?)
}

/// An evening's date read as a map key by [`parse_date_key`].
pub struct DateKey(pub NaiveDate);

impl<'de> Deserialize<'de> for DateKey {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let key = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        parse_date_key(&key).map(DateKey).ok_or_else(|| {
            let shown: String = key.chars().take(24).collect();
            serde::de::Error::custom(format!(
                "the evening \"{}\" is not a date written YYYY-MM-DD",
                shown.escape_debug()
            ))
        })
    }
}

/// Evenings by date, every key read by [`DateKey`].
fn deserialize_evenings<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<BTreeMap<NaiveDate, Evening>, D::Error> {
    struct Evenings;

    impl<'de> serde::de::Visitor<'de> for Evenings {
        type Value = BTreeMap<NaiveDate, Evening>;

        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("evenings by date")
        }

        fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut evenings = BTreeMap::new();
            while let Some(DateKey(date)) = map.next_key()? {
                evenings.insert(date, map.next_value()?);
            }
            Ok(evenings)
        }
    }

    deserializer.deserialize_map(Evenings)
}

/// All evenings, keyed by the date the evening starts on.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Journal {
    #[serde(default, deserialize_with = "deserialize_evenings")]
    pub evenings: BTreeMap<NaiveDate, Evening>,
    #[serde(flatten)]
    pub extra: Extra,
}

impl Journal {
    pub fn evening(&self, date: NaiveDate) -> Option<&Evening> {
        self.evenings.get(&date)
    }

    pub fn check_in(&self, date: NaiveDate, step: &str) -> Option<&CheckIn> {
        self.evening(date)?.checks.get(step)
    }

    /// Records (or replaces) a check-in; returns the one it replaced.
    pub fn record(&mut self, date: NaiveDate, step: &str, check_in: CheckIn) -> Option<CheckIn> {
        self.evenings.entry(date).or_default().checks.insert(step.to_owned(), check_in)
    }

    /// Takes a check-in back (undo); returns it.
    pub fn undo(&mut self, date: NaiveDate, step: &str) -> Option<CheckIn> {
        let evening = self.evenings.get_mut(&date)?;
        let removed = evening.checks.remove(step);
        if evening.is_empty() {
            self.evenings.remove(&date);
        }
        removed
    }

    /// The night log of the night after `evening`.
    pub fn night(&self, evening: NaiveDate) -> Option<&NightLog> {
        self.evening(evening)?.night.as_ref()
    }

    /// Every night log, oldest first, by the evening it followed.
    pub fn nights(&self) -> impl DoubleEndedIterator<Item = (NaiveDate, &NightLog)> {
        self.evenings.iter().filter_map(|(date, evening)| Some((*date, evening.night.as_ref()?)))
    }

    /// Takes a night log back; returns it.
    pub fn forget_night(&mut self, evening: NaiveDate) -> Option<NightLog> {
        let slot = self.evenings.get_mut(&evening)?;
        let removed = slot.night.take();
        if slot.is_empty() {
            self.evenings.remove(&evening);
        }
        removed
    }

    pub fn check_in_count(&self) -> usize {
        self.evenings.values().map(|evening| evening.checks.len()).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn evening() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
    }

    fn at() -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339("2026-11-26T21:00:00+01:00").unwrap()
    }

    #[test]
    fn record_replace_and_undo() {
        let mut journal = Journal::default();
        assert!(journal.record(evening(), "warm-bath", CheckIn::new(Outcome::Done, at(), None)).is_none());
        let old = journal.record(evening(), "warm-bath", CheckIn::new(Outcome::Skipped, at(), None));
        assert_eq!(old.unwrap().outcome, Outcome::Done);
        assert_eq!(journal.check_in_count(), 1);
        assert_eq!(journal.undo(evening(), "warm-bath").unwrap().outcome, Outcome::Skipped);
        assert!(journal.evenings.is_empty());
    }

    #[test]
    fn only_the_exact_spelling_is_a_date_key() {
        assert_eq!(parse_date_key("2026-12-05"), NaiveDate::from_ymd_opt(2026, 12, 5));
        for odd in
            ["2026-12-5", " 2026-12-04", "+2026-12-03", "2026-12-04 ", "2026-02-30", "2026/12/04", "２０２６-12-04", ""]
        {
            assert_eq!(parse_date_key(odd), None, "{odd:?}");
        }
        // Two spellings of one evening: the file is damaged, not silently one evening short.
        let two = r#"{"evenings":{"2026-12-05":{"checks":{}},"2026-12-5":{"checks":{}}}}"#;
        let error = serde_json::from_str::<Journal>(two).unwrap_err().to_string();
        assert!(error.contains("\"2026-12-5\" is not a date written YYYY-MM-DD"), "{error}");
        let good = r#"{"evenings":{"2026-12-05":{"checks":{}}}}"#;
        assert_eq!(serde_json::from_str::<Journal>(good).unwrap().evenings.len(), 1);
    }

    #[test]
    fn unknown_fields_survive_a_round_trip() {
        let text = r#"{"evenings":{"2026-11-26":{"checks":{"warm-bath":{"outcome":"done","at":"2026-11-26T21:00:00+01:00","mood":"calm"}},"weather":"rain"}},"future":[1,2]}"#;
        let journal: Journal = serde_json::from_str(text).unwrap();
        let back: serde_json::Value = serde_json::to_value(&journal).unwrap();
        assert_eq!(back, serde_json::from_str::<serde_json::Value>(text).unwrap());
    }
}
