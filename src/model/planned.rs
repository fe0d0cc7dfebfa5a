//! The times an evening was planned with, kept with the evening in the journal.
//!
//! Why it exists: an evening's plan used to be laid out from today's routine, so moving
//! a step to 06:49 today moved it on every evening before too, in History, in `plan
//! --date`, in the statistics and in the reminders' account of a past evening. The
//! journal already kept which steps made up each evening (its routine); this keeps their
//! times beside it, recorded the same way (see `use_cases::changes`, `Change::Check`).
//!
//! Written as local clock readings to the minute (`"2026-12-05T21:30"`), since that is
//! what the routine plans in: the instant follows from the zone the evening is looked at
//! in, as for any other evening. Evenings recorded before this was kept have none: they
//! are laid out with today's routine, as they always were.

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, TimeDelta};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::journal::{Extra, Key, KnownKeys};

/// Bedtime, wake time and each step's due time of one evening, as planned then.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlannedTimes {
    /// When these times were recorded: a merge keeps the later record (see
    /// [`super::merge()`]).
    #[serde(serialize_with = "super::instant::serialize")]
    pub at: DateTime<FixedOffset>,
    #[serde(with = "minute")]
    pub bedtime: NaiveDateTime,
    #[serde(with = "minute")]
    pub wake: NaiveDateTime,
    /// Due times by step id, for the steps that were part of the evening.
    #[serde(serialize_with = "minutes")]
    pub steps: BTreeMap<String, NaiveDateTime>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// How far from its evening's date a recorded time may lie and still be read: a morning
/// step falls on the evening's own date, a bedtime after midnight on the next. A file
/// with a time further away is damaged there; the plan uses today's routine instead.
const PLAUSIBLE: std::ops::RangeInclusive<i64> = -1..=2;

/// Whether `time` may belong to `evening` (see `PLAUSIBLE`).
pub fn plausible(evening: NaiveDate, time: NaiveDateTime) -> bool {
    PLAUSIBLE.contains(&(time.date() - evening).num_days())
}

impl PlannedTimes {
    /// The due time recorded for `step`, if one was and it is plausible for `evening`.
    pub fn step(&self, evening: NaiveDate, step: &str) -> Option<NaiveDateTime> {
        self.steps.get(step).copied().filter(|time| plausible(evening, *time))
    }

    /// Bedtime and wake time, if both are plausible for `evening` and the night lasts
    /// less than a day.
    pub fn night(&self, evening: NaiveDate) -> Option<(NaiveDateTime, NaiveDateTime)> {
        let length = self.wake - self.bedtime;
        let sane = length > TimeDelta::zero() && length < TimeDelta::days(1);
        (sane && plausible(evening, self.bedtime) && plausible(evening, self.wake)).then_some((self.bedtime, self.wake))
    }
}

/// By hand, for the reason [`super::journal::CheckIn`] is: one per evening of a long
/// journal, and `#[serde(flatten)]` would buffer every key.
impl<'de> Deserialize<'de> for PlannedTimes {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        use serde::de::{Error, MapAccess, Visitor};

        struct TimesVisitor;

        impl<'de> Visitor<'de> for TimesVisitor {
            type Value = PlannedTimes;

            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an evening's planned times")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<PlannedTimes, A::Error> {
                let (mut at, mut bedtime, mut wake, mut steps, mut extra) = (None, None, None, None, Extra::new());
                while let Some(key) = map.next_key_seed(KnownKeys(&["at", "bedtime", "wake", "steps"]))? {
                    match key {
                        Key::Known("at") => at = Some(map.next_value::<super::instant::Instant>()?.0),
                        Key::Known("bedtime") => bedtime = Some(map.next_value::<Minute>()?.0),
                        Key::Known("wake") => wake = Some(map.next_value::<Minute>()?.0),
                        Key::Known(_) => {
                            let read: BTreeMap<String, Minute> = map.next_value()?;
                            steps = Some(read.into_iter().map(|(id, time)| (id, time.0)).collect());
                        }
                        Key::Other(name) => {
                            extra.insert(name, map.next_value()?);
                        }
                    }
                }
                Ok(PlannedTimes {
                    at: at.ok_or_else(|| A::Error::missing_field("at"))?,
                    bedtime: bedtime.ok_or_else(|| A::Error::missing_field("bedtime"))?,
                    wake: wake.ok_or_else(|| A::Error::missing_field("wake"))?,
                    steps: steps.unwrap_or_default(),
                    extra,
                })
            }
        }

        deserializer.deserialize_map(TimesVisitor)
    }
}

/// The form a planned time is written in: a local clock reading to the minute.
const FORMAT: &str = "%Y-%m-%dT%H:%M";

/// A local time read in [`FORMAT`].
struct Minute(NaiveDateTime);

impl<'de> Deserialize<'de> for Minute {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        minute::deserialize(deserializer).map(Minute)
    }
}

fn minutes<S: Serializer>(steps: &BTreeMap<String, NaiveDateTime>, serializer: S) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeMap;
    let mut map = serializer.serialize_map(Some(steps.len()))?;
    for (id, time) in steps {
        map.serialize_entry(id, &time.format(FORMAT).to_string())?;
    }
    map.end()
}

mod minute {
    use chrono::NaiveDateTime;
    use serde::{Deserialize, Deserializer, Serializer};

    use super::FORMAT;

    pub fn serialize<S: Serializer>(time: &NaiveDateTime, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&time.format(FORMAT))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<NaiveDateTime, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        NaiveDateTime::parse_from_str(&text, FORMAT).map_err(|_| {
            let shown: String = text.chars().take(24).collect();
            serde::de::Error::custom(format!("\"{}\" is not a time written YYYY-MM-DDTHH:MM", shown.escape_debug()))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn written_to_the_minute_and_read_back_with_unknown_fields() {
        let text = r#"{"at":"2026-12-05T21:04:00+01:00","bedtime":"2026-12-05T22:30","wake":"2026-12-06T07:00","steps":{"candles":"2026-12-05T21:45","daytime-movement":"2026-12-05T07:00"},"future":1}"#;
        let times: PlannedTimes = serde_json::from_str(text).unwrap();
        let evening = NaiveDate::from_ymd_opt(2026, 12, 5).unwrap();
        assert_eq!(times.step(evening, "candles").unwrap().to_string(), "2026-12-05 21:45:00");
        assert_eq!(times.night(evening).unwrap().1.to_string(), "2026-12-06 07:00:00");
        let back = serde_json::to_value(&times).unwrap();
        assert_eq!(back, serde_json::from_str::<serde_json::Value>(text).unwrap());
        // A time far from its evening, or a night the wrong way round, is not used.
        let far: PlannedTimes = serde_json::from_str(&text.replace("2026-12-05T21:45", "2027-01-05T21:45")).unwrap();
        assert_eq!(far.step(evening, "candles"), None);
        let odd: PlannedTimes = serde_json::from_str(&text.replace("2026-12-06T07:00", "2026-12-05T07:00")).unwrap();
        assert_eq!(odd.night(evening), None);
        for bad in ["2026-12-05T21:45:00", "21:45", "2026-12-05 21:45", ""] {
            let error = serde_json::from_str::<PlannedTimes>(&text.replace("2026-12-05T21:45", bad)).unwrap_err();
            assert!(error.to_string().contains("is not a time written YYYY-MM-DDTHH:MM"), "{bad}: {error}");
        }
    }
}
