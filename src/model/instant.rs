//! Check-in instants in the journal, written and read in the common case without
//! chrono's general formatter and parser.
//!
//! Why: a 10-year journal holds some 50,000 check-ins, each with its instant as an RFC 3339
//! string ("2026-11-26T21:30:00+01:00"). chrono writes that through `fmt::Display` a
//! character at a time and reads it with its general format parser; profiling the
//! journal benchmark put both among the largest costs of a save and a load. Whole-second
//! instants with a whole-minute offset in years 0–9999 (what the app records) take the
//! short path here; anything else goes through chrono, so the text written and the values
//! read are exactly chrono's (a property test compares both on arbitrary values).

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveTime, TimeZone, Timelike};
use serde::{Deserialize, Deserializer, Serializer};

/// Length of "YYYY-MM-DDTHH:MM:SS+HH:MM".
const SHORT: usize = 25;

/// `at` as chrono would write it (RFC 3339, seconds only when there is no fraction).
pub fn serialize<S: Serializer>(at: &DateTime<FixedOffset>, serializer: S) -> Result<S::Ok, S::Error> {
    match short_form(at) {
        Some((text, length)) => serializer.serialize_str(std::str::from_utf8(&text[..length]).unwrap_or_default()),
        None => serde::Serialize::serialize(at, serializer),
    }
}

/// [`serialize`] of an optional instant (written only when there, with
/// `skip_serializing_if = "Option::is_none"`).
pub fn serialize_option<S: Serializer>(at: &Option<DateTime<FixedOffset>>, serializer: S) -> Result<S::Ok, S::Error> {
    match at {
        Some(at) => serialize(at, serializer),
        None => serializer.serialize_none(),
    }
}

/// Reads an instant as chrono's `Deserialize` for `DateTime<FixedOffset>` does.
pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<DateTime<FixedOffset>, D::Error> {
    use serde::de::Error;
    let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
    parse(&text).map_err(D::Error::custom)
}

/// An instant read with [`deserialize`], for hand-written readers (`next_value`).
pub struct Instant(pub DateTime<FixedOffset>);

impl<'de> Deserialize<'de> for Instant {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserialize(deserializer).map(Instant)
    }
}

/// The short form of `at` and its length (UTC is written "Z", as chrono does), or `None`
/// when chrono's longer forms are needed (a fraction of a second, a leap second, an offset
/// with seconds, a year outside 0–9999).
fn short_form(at: &DateTime<FixedOffset>) -> Option<([u8; SHORT], usize)> {
    let local = at.naive_local();
    let offset = at.offset().local_minus_utc();
    let year = local.year_ce();
    if local.nanosecond() != 0 || offset % 60 != 0 || !year.0 || year.1 > 9999 {
        return None;
    }
    let mut text = *b"0000-00-00T00:00:00+00:00";
    let mut put = |at: usize, digits: usize, value: u32| {
        let mut value = value;
        for place in (at..at + digits).rev() {
            // Each digit is 0–9, so the cast cannot truncate.
            text[place] = b'0' + (value % 10) as u8;
            value /= 10;
        }
    };
    put(0, 4, year.1);
    put(5, 2, local.month());
    put(8, 2, local.day());
    put(11, 2, local.hour());
    put(14, 2, local.minute());
    put(17, 2, local.second());
    let minutes = offset.unsigned_abs() / 60;
    put(20, 2, minutes / 60);
    put(23, 2, minutes % 60);
    if offset < 0 {
        text[19] = b'-';
    }
    if offset == 0 {
        text[19] = b'Z';
        return Some((text, 20));
    }
    Some((text, SHORT))
}

/// Parses `text` as chrono's `FromStr` for `DateTime<FixedOffset>` does; the short form
/// without chrono's general parser.
pub fn parse(text: &str) -> Result<DateTime<FixedOffset>, chrono::ParseError> {
    match parse_short(text.as_bytes()) {
        Some(at) => Ok(at),
        None => text.parse(),
    }
}

/// "YYYY-MM-DDTHH:MM:SS±HH:MM" exactly, with a valid date, time and offset; `None` for
/// anything else (which chrono then reads or refuses).
fn parse_short(text: &[u8]) -> Option<DateTime<FixedOffset>> {
    if text.len() != SHORT {
        return None;
    }
    let number = |from: usize, digits: usize| -> Option<u32> {
        text[from..from + digits]
            .iter()
            .try_fold(0u32, |total, byte| byte.is_ascii_digit().then(|| total * 10 + u32::from(byte - b'0')))
    };
    let separators = [(4, b'-'), (7, b'-'), (10, b'T'), (13, b':'), (16, b':'), (22, b':')];
    if separators.iter().any(|(at, byte)| text[*at] != *byte) {
        return None;
    }
    let sign = match text[19] {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let year = i32::try_from(number(0, 4)?).ok()?;
    let date = NaiveDate::from_ymd_opt(year, number(5, 2)?, number(8, 2)?)?;
    let time = NaiveTime::from_hms_opt(number(11, 2)?, number(14, 2)?, number(17, 2)?)?;
    let (hours, minutes) = (number(20, 2)?, number(23, 2)?);
    if minutes > 59 {
        return None;
    }
    let seconds = i32::try_from(hours * 3600 + minutes * 60).ok()?;
    let offset = FixedOffset::east_opt(sign * seconds)?;
    offset.from_local_datetime(&date.and_time(time)).single()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn chrono_text(at: &DateTime<FixedOffset>) -> String {
        serde_json::to_string(at).unwrap()
    }

    fn ours_text(at: &DateTime<FixedOffset>) -> String {
        let mut out = Vec::new();
        serialize(at, &mut serde_json::Serializer::new(&mut out)).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn the_usual_instants_take_the_short_path_and_match_chrono() {
        for text in ["2026-11-26T21:30:00+01:00", "2026-03-29T02:59:59-09:30", "0001-01-01T00:00:00-00:01"] {
            let at = DateTime::parse_from_rfc3339(text).unwrap();
            let short = short_form(&at).map(|(t, length)| String::from_utf8(t[..length].to_vec()).unwrap());
            assert_eq!(short.as_deref(), Some(text));
            assert_eq!(parse_short(text.as_bytes()), Some(at));
            assert_eq!(ours_text(&at), chrono_text(&at));
        }
        // The longer forms go to chrono, both ways.
        for text in [
            "2026-11-26T21:30:00.250+01:00",
            "2026-11-26T21:30:00Z",
            "2026-11-26 21:30:00+01:00",
            "2026-11-26T21:30:00+00:00",
        ] {
            let at: DateTime<FixedOffset> = text.parse().unwrap();
            assert_eq!(parse(text).unwrap(), at);
            assert_eq!(ours_text(&at), chrono_text(&at));
        }
        for bad in ["2026-02-30T21:30:00+01:00", "2026-11-26T24:00:00+01:00", "2026-11-26T21:30:00+01:60", "x"] {
            assert!(parse(bad).is_err(), "{bad}");
        }
    }

    proptest! {
        #[test]
        fn written_and_read_exactly_as_chrono_does(
            seconds in -62_000_000_000i64..253_000_000_000,
            nanos in prop_oneof![Just(0u32), 0u32..2_000_000_000],
            offset in prop_oneof![Just(0), (-1439i32..1440).prop_map(|m| m * 60), -86_399i32..86_400],
        ) {
            let offset = FixedOffset::east_opt(offset).unwrap();
            if let Some(utc) = DateTime::from_timestamp(seconds, nanos.min(999_999_999)) {
                let at = utc.with_timezone(&offset);
                let text = chrono_text(&at);
                prop_assert_eq!(ours_text(&at), text.clone());
                let inner = text.trim_matches('"');
                prop_assert_eq!(parse(inner).ok(), inner.parse::<DateTime<FixedOffset>>().ok());
            }
        }

        #[test]
        fn any_text_reads_as_chrono_reads_it(text in "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}[+-][0-9]{2}:[0-9]{2}|.{0,30}") {
            prop_assert_eq!(parse(&text).ok(), text.parse::<DateTime<FixedOffset>>().ok());
        }
    }
}
