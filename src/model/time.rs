//! Turning wall-clock times into instants, the way a person reading a clock means them.
//!
//! A routine speaks in local clock times ("22:30", "90 minutes before bed"), but reminders
//! fire at instants. Daylight-saving transitions make that mapping partial: in a
//! spring-forward gap a clock time does not exist, in a fall-back fold it exists twice.

use chrono::{DateTime, FixedOffset, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta, TimeZone, Timelike};

/// The instant a local clock time means.
///
/// - In a fold (the clock shows the time twice) the earlier instant wins, so a reminder
///   never arrives an hour late. Both candidates are compared explicitly rather than
///   trusting `LocalResult::earliest`, whose order is swapped for `chrono::Local`
///   (chrono issue #1625).
/// - In a gap (the clock skips the time) the first valid instant after it wins, which is
///   the moment of the transition itself: "02:30" on a spring-forward night becomes 03:00.
pub fn resolve_local<Tz: TimeZone>(tz: &Tz, local: NaiveDateTime) -> DateTime<Tz> {
    if let Some(instant) = earlier_of(tz.from_local_datetime(&local)) {
        return instant;
    }
    // Real transitions happen on whole minutes and last at most a few hours, so walking
    // forward a minute at a time finds the first clock time that exists again.
    let mut probe = local.with_second(0).unwrap_or(local).with_nanosecond(0).unwrap_or(local);
    for _ in 0..(26 * 60) {
        probe = add_minutes(probe, 1);
        if let Some(instant) = earlier_of(tz.from_local_datetime(&probe)) {
            return instant;
        }
    }
    // A zone with a gap longer than a day does not exist; read the time as UTC rather
    // than fail.
    tz.from_utc_datetime(&local)
}

fn earlier_of<Tz: TimeZone>(result: LocalResult<DateTime<Tz>>) -> Option<DateTime<Tz>> {
    match result {
        LocalResult::Single(instant) => Some(instant),
        LocalResult::Ambiguous(a, b) => Some(if a <= b { a } else { b }),
        LocalResult::None => None,
    }
}

/// The first evening the app plans or records.
///
/// Dates come from the command line, from files and from the clock; keeping them in a
/// range of human lives (with room on both sides) means every "a day later" or "a few
/// hours earlier" below can never leave chrono's range, whatever a file says.
pub const FIRST_DATE: NaiveDate = const_date(1900, 1, 1);
/// The last evening the app plans or records.
pub const LAST_DATE: NaiveDate = const_date(2999, 12, 31);

const fn const_date(year: i32, month: u32, day: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(year, month, day) {
        Some(date) => date,
        None => NaiveDate::MIN,
    }
}

/// Whether `date` is an evening the app plans or records.
pub fn is_sane_date(date: NaiveDate) -> bool {
    (FIRST_DATE..=LAST_DATE).contains(&date)
}

/// `local` moved by `minutes`; at the very edge of chrono's range it stays put rather
/// than panic (dates are checked long before that edge, see [`FIRST_DATE`]).
pub fn add_minutes(local: NaiveDateTime, minutes: i64) -> NaiveDateTime {
    local.checked_add_signed(TimeDelta::minutes(minutes)).unwrap_or(local)
}

/// The day after `date`, or `date` itself at the end of chrono's range.
pub fn next_day(date: NaiveDate) -> NaiveDate {
    date.succ_opt().unwrap_or(date)
}

/// The day before `date`, or `date` itself at the start of chrono's range.
pub fn previous_day(date: NaiveDate) -> NaiveDate {
    date.pred_opt().unwrap_or(date)
}

/// The calendar date of `at` in its own offset. chrono's `date_naive` panics for an
/// instant whose local time lies past the last date it can count; this gives the UTC
/// date there instead.
pub fn local_date(at: &DateTime<FixedOffset>) -> NaiveDate {
    let utc = at.naive_utc();
    utc.checked_add_signed(TimeDelta::seconds(at.offset().local_minus_utc().into())).unwrap_or(utc).date()
}

/// `instant` moved by `delta`, or unchanged where that would leave chrono's range.
pub fn shift<Tz: TimeZone>(instant: &DateTime<Tz>, delta: TimeDelta) -> DateTime<Tz> {
    instant.clone().checked_add_signed(delta).unwrap_or_else(|| instant.clone())
}

/// A clock time from hour and minute; out-of-range input gives midnight.
pub fn clock(hour: u32, minute: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(hour, minute, 0).unwrap_or(NaiveTime::MIN)
}

/// Formats a clock time as `HH:MM`.
pub fn hhmm(time: NaiveTime) -> String {
    time.format("%H:%M").to_string()
}

/// Parses `HH:MM` (also `H:MM`), the only way users type clock times here.
pub fn parse_hhmm(text: &str) -> Option<NaiveTime> {
    let (hours, minutes) = text.trim().split_once(':')?;
    if hours.is_empty() || hours.len() > 2 || minutes.len() != 2 {
        return None;
    }
    let hours: u32 = hours.parse().ok()?;
    let minutes: u32 = minutes.parse().ok()?;
    NaiveTime::from_hms_opt(hours, minutes, 0)
}

/// Parses a clock time as a person types it: strict `HH:MM` (also `H:MM`), or the
/// 12-hour clock with am/pm: `10pm`, `10 pm`, `10:30 pm`, `10:30 p.m.`, `12am` (midnight).
/// Files keep the strict [`parse_hhmm`]; this is for fields and the command line.
pub fn parse_clock(text: &str) -> Option<NaiveTime> {
    if let Some(time) = parse_hhmm(text) {
        return Some(time);
    }
    let lower = text.trim().to_ascii_lowercase().replace('.', "");
    let (digits, pm) =
        if let Some(rest) = lower.strip_suffix("pm") { (rest, true) } else { (lower.strip_suffix("am")?, false) };
    let digits = digits.trim_end();
    let (hours, minutes) = match digits.split_once(':') {
        Some((hours, minutes)) if minutes.len() == 2 => (hours, minutes.parse::<u32>().ok()?),
        Some(_) => return None,
        None => (digits, 0),
    };
    if hours.is_empty() || hours.len() > 2 || !hours.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let hours: u32 = hours.parse().ok()?;
    if !(1..=12).contains(&hours) {
        return None;
    }
    let hours = match (hours, pm) {
        (12, false) => 0,
        (12, true) => 12,
        (h, false) => h,
        (h, true) => h + 12,
    };
    NaiveTime::from_hms_opt(hours, minutes, 0)
}

/// Serde helpers that store clock times as `"HH:MM"`.
pub mod serde_hhmm {
    use chrono::NaiveTime;
    use serde::{Deserialize, Deserializer, Serializer, de::Error};

    pub fn serialize<S: Serializer>(time: &NaiveTime, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&super::hhmm(*time))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<NaiveTime, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        super::parse_hhmm(&text).ok_or_else(|| D::Error::custom(format!("\"{text}\" is not a clock time like 22:30")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{NaiveDate, Utc};
    use chrono_tz::{America::New_York, Australia::Lord_Howe, Europe::Berlin};

    fn at(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, mo, d).unwrap().and_hms_opt(h, mi, 0).unwrap()
    }

    #[test]
    fn gap_moves_to_the_transition_instant() {
        // New York springs forward 2026-03-08 02:00 -> 03:00.
        let resolved = resolve_local(&New_York, at(2026, 3, 8, 2, 30));
        assert_eq!(resolved.naive_local(), at(2026, 3, 8, 3, 0));
        assert_eq!(resolved.with_timezone(&Utc).naive_utc(), at(2026, 3, 8, 7, 0));
        // Berlin 2026-03-29 02:00 -> 03:00.
        let resolved = resolve_local(&Berlin, at(2026, 3, 29, 2, 15));
        assert_eq!(resolved.with_timezone(&Utc).naive_utc(), at(2026, 3, 29, 1, 0));
    }

    #[test]
    fn fold_takes_the_earlier_instant() {
        // New York falls back 2026-11-01 02:00 -> 01:00; 01:30 happens twice.
        let resolved = resolve_local(&New_York, at(2026, 11, 1, 1, 30));
        assert_eq!(resolved.with_timezone(&Utc).naive_utc(), at(2026, 11, 1, 5, 30));
        // Berlin 2026-10-25 03:00 -> 02:00.
        let resolved = resolve_local(&Berlin, at(2026, 10, 25, 2, 30));
        assert_eq!(resolved.with_timezone(&Utc).naive_utc(), at(2026, 10, 25, 0, 30));
    }

    #[test]
    fn lord_howe_half_hour_shifts() {
        // Lord Howe springs forward 2026-10-04 02:00 -> 02:30 (+10:30 -> +11:00).
        let resolved = resolve_local(&Lord_Howe, at(2026, 10, 4, 2, 10));
        assert_eq!(resolved.naive_local(), at(2026, 10, 4, 2, 30));
        assert_eq!(resolved.with_timezone(&Utc).naive_utc(), at(2026, 10, 3, 15, 30));
        // And falls back 2026-04-05 02:00 -> 01:30 (+11:00 -> +10:30); 01:45 is doubled.
        let resolved = resolve_local(&Lord_Howe, at(2026, 4, 5, 1, 45));
        assert_eq!(resolved.with_timezone(&Utc).naive_utc(), at(2026, 4, 4, 14, 45));
    }

    #[test]
    fn clock_times_parse_strictly() {
        assert_eq!(parse_hhmm("22:30"), NaiveTime::from_hms_opt(22, 30, 0));
        assert_eq!(parse_hhmm("6:05"), NaiveTime::from_hms_opt(6, 5, 0));
        for bad in ["24:00", "22:60", "2230", "22:3", "", "ab:cd", "-1:00", "123:00"] {
            assert_eq!(parse_hhmm(bad), None, "{bad}");
        }
    }

    #[test]
    fn typed_clock_times_accept_the_twelve_hour_clock() {
        let at = |h, m| NaiveTime::from_hms_opt(h, m, 0);
        assert_eq!(parse_clock("22:30"), at(22, 30));
        assert_eq!(parse_clock(" 6:05 "), at(6, 5));
        assert_eq!(parse_clock("10pm"), at(22, 0));
        assert_eq!(parse_clock("10 PM"), at(22, 0));
        assert_eq!(parse_clock("10:30 pm"), at(22, 30));
        assert_eq!(parse_clock("10:30 p.m."), at(22, 30));
        assert_eq!(parse_clock("6:45am"), at(6, 45));
        assert_eq!(parse_clock("12am"), at(0, 0));
        assert_eq!(parse_clock("12:15 am"), at(0, 15));
        assert_eq!(parse_clock("12pm"), at(12, 0));
        for bad in ["2300", "25:00", "13pm", "0am", "10:3pm", "10:60pm", "pm", "", "10 p", "-1pm", "10:30 xm", "1:2:3"]
        {
            assert_eq!(parse_clock(bad), None, "{bad}");
        }
        // Files stay strict.
        assert_eq!(parse_hhmm("10pm"), None);
    }
}
