//! Reading only a few evenings of a long journal.
//!
//! The reminder service needs tonight and its neighbours, not ten years of check-ins:
//! parsing the whole journal would hold tens of megabytes for a process that should stay
//! under 15 MB. This reads the same file with a seed that skips every other evening
//! without allocating it. Anything unusual (another format version, damage) falls back
//! to the full load, which knows how to migrate and recover. A repeated top-level key or
//! date is unusual too; a repeat deeper inside an evening that is skipped here is found
//! by the full load the next time the journal is changed.

use std::fmt;
use std::ops::RangeInclusive;

use chrono::NaiveDate;
use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, Visitor};

use super::document::Document;
use crate::model::journal::DateKey;
use crate::model::{Evening, Journal};

/// The journal's evenings within `range`; `None` unless the file is in the current format.
///
/// Streams from `reader`, so not even the file's bytes are held in memory at once.
pub fn parse_near(reader: impl std::io::Read, range: RangeInclusive<NaiveDate>) -> Option<Journal> {
    let mut deserializer = serde_json::Deserializer::from_reader(std::io::BufReader::new(reader));
    let (version, journal) = TopLevel(range).deserialize(&mut deserializer).ok()?;
    deserializer.end().ok()?;
    (version == Some(Journal::VERSION)).then_some(journal)
}

struct TopLevel(RangeInclusive<NaiveDate>);

impl<'de> DeserializeSeed<'de> for TopLevel {
    type Value = (Option<u64>, Journal);

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for TopLevel {
    type Value = (Option<u64>, Journal);

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a journal object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut version = None;
        let mut journal = Journal::default();
        let mut seen: Vec<String> = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            if seen.contains(&key) {
                return Err(serde::de::Error::custom("a repeated key"));
            }
            seen.push(key.clone());
            match key.as_str() {
                "schema_version" => version = Some(map.next_value::<u64>()?),
                "evenings" => journal.evenings = map.next_value_seed(EveningsIn(self.0.clone()))?,
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok((version, journal))
    }
}

struct EveningsIn(RangeInclusive<NaiveDate>);

impl<'de> DeserializeSeed<'de> for EveningsIn {
    type Value = std::collections::BTreeMap<NaiveDate, Evening>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for EveningsIn {
    type Value = std::collections::BTreeMap<NaiveDate, Evening>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("evenings by date")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut evenings = Self::Value::new();
        let mut seen = std::collections::HashSet::new();
        while let Some(DateKey(date)) = map.next_key()? {
            if !seen.insert(date) {
                return Err(serde::de::Error::custom("a repeated date"));
            }
            if self.0.contains(&date) {
                evenings.insert(date, map.next_value()?);
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(evenings)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
    }

    #[test]
    fn keeps_only_the_range_and_refuses_other_versions() {
        let text = br#"{"schema_version":2,"extra":{"a":[1]},"evenings":{
            "2026-11-20":{"checks":{"warm-bath":{"outcome":"done","at":"2026-11-20T21:00:00+01:00"}}},
            "2026-11-25":{"checks":{"lights-out":{"outcome":"skipped","at":"2026-11-25T22:30:00+01:00"}}},
            "2026-11-26":{"checks":{}}}}"#;
        let journal = parse_near(&text[..], date(24)..=date(27)).unwrap();
        assert_eq!(journal.evenings.keys().copied().collect::<Vec<_>>(), vec![date(25), date(26)]);
        assert!(journal.check_in(date(25), "lights-out").is_some());
        let older = br#"{"schema_version":1,"evenings":{}}"#;
        assert!(parse_near(&older[..], date(24)..=date(27)).is_none());
        assert!(parse_near(&b"{\"evenings\":"[..], date(24)..=date(27)).is_none());
        let repeated_date =
            br#"{"schema_version":2,"evenings":{"2026-11-25":{"checks":{}},"2026-11-25":{"checks":{}}}}"#;
        assert!(parse_near(&repeated_date[..], date(24)..=date(27)).is_none());
        let repeated_key = br#"{"schema_version":2,"evenings":{"2026-11-25":{"checks":{}}},"evenings":{}}"#;
        assert!(parse_near(&repeated_key[..], date(24)..=date(27)).is_none());
        // Another spelling of a date is damage here too (the full load keeps it aside).
        let spelled = br#"{"schema_version":2,"evenings":{"2026-11-25":{"checks":{}},"2026-11-5":{"checks":{}}}}"#;
        assert!(parse_near(&spelled[..], date(24)..=date(27)).is_none());
    }
}
