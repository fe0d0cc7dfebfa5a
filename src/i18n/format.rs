//! Dates, durations, counts and the routine's small phrases, in the current language.
//! Every word comes from `common.ftl`; only digits and the 24-hour clock are formatted here.

use chrono::{Datelike, NaiveDate};

use crate::model::time::hhmm;
use crate::model::{Anchor, Day, Night};
use crate::tr;

/// "Monday" / "понедельник": the weekday on its own (a schedule's rows).
pub fn weekday(day: Day) -> String {
    tr!("weekday", day = day.key())
}

/// "Evening of Thursday 26 November 2026" / "Вечер четверга, 26 ноября 2026".
pub fn evening_title(date: NaiveDate) -> String {
    tr!(
        "date-evening",
        weekday = tr!("weekday-of", day = Day::of(date).key()),
        day = date.day(),
        month = tr!("month-of", month = date.month()),
        year = date.year(),
    )
}

/// "Thu 26 Nov" / "чт, 26 ноября".
pub fn short_date(date: NaiveDate) -> String {
    let (weekday, day, month) = date_parts(date);
    tr!("date-short", weekday = weekday, day = day, month = month)
}

/// "Sun 1 Nov 2026" / "1 ноября 2026 (вс)": a date after "from" or "to" (in Russian «с 1
/// ноября (вс)» reads well where «с вс, 1 ноября» does not), with its year, for what is
/// read later and elsewhere (the doctor summary).
pub fn span_date(date: NaiveDate) -> String {
    let (weekday, day, month) = date_parts(date);
    tr!("date-in-span", weekday = weekday, day = day, month = month, year = date.year())
}

/// "5 Dec 2026, 22:14" / "5 декабря 2026, 22:14": a moment, in the zone it is given in.
pub fn date_time<Tz: chrono::TimeZone>(at: &chrono::DateTime<Tz>) -> String {
    let date = at.date_naive();
    let month = tr!("month-short-of", month = date.month());
    tr!("date-time", day = date.day(), month = month, year = date.year(), time = hhmm(at.time()))
}

/// The short weekday, the day of the month and the month's short name of `date`.
fn date_parts(date: NaiveDate) -> (String, u32, String) {
    (tr!("weekday-short", day = Day::of(date).key()), date.day(), tr!("month-short-of", month = date.month()))
}

/// "8 h 05 min", "45 min", "8 h" / "8 ч 05 мин" (negative with a leading "-").
pub fn duration(minutes: i64) -> String {
    let sign = if minutes < 0 { "-" } else { "" };
    let minutes = minutes.unsigned_abs();
    let text = match (minutes / 60, minutes % 60) {
        (0, m) => tr!("duration-minutes", minutes = m),
        (h, 0) => tr!("duration-hours", hours = h),
        (h, m) => tr!("duration-hours-minutes", hours = h, minutes = format!("{m:02}")),
    };
    format!("{sign}{text}")
}

/// "5 steps" / "5 шагов".
pub fn count_steps(count: u64) -> String {
    tr!("count-steps", count = count)
}

/// "5 minutes" / "5 минут".
pub fn count_minutes(count: u64) -> String {
    tr!("count-minutes", count = count)
}

/// "5 nights" / "5 ночей".
pub fn count_nights(count: u64) -> String {
    tr!("count-nights", count = count)
}

/// "5 evenings" / "5 вечеров".
pub fn count_evenings(count: u64) -> String {
    tr!("count-evenings", count = count)
}

/// When a step is due, as a phrase: "1 h 30 min before bedtime", "at 16:30".
/// (`plan --json` gives the English phrase in every language.)
pub fn anchor(anchor: &Anchor) -> String {
    match *anchor {
        Anchor::BeforeBedtime { minutes: 0 } => tr!("anchor-at-bedtime"),
        Anchor::BeforeBedtime { minutes } => tr!("anchor-before-bedtime", duration = duration(minutes.into())),
        Anchor::AfterWake { minutes: 0 } => tr!("anchor-on-waking"),
        Anchor::AfterWake { minutes } => tr!("anchor-after-waking", duration = duration(minutes.into())),
        Anchor::At { time } => tr!("anchor-at", time = hhmm(time)),
    }
}

/// "8 h in bed before your 06:30 alarm", plus the article's advice when it is short.
/// Time in bed, not sleep: falling asleep takes some of it.
pub fn sleep_opportunity(night: &Night) -> String {
    let base =
        tr!("sleep-opportunity", duration = duration(night.sleep_opportunity_minutes()), wake = hhmm(night.wake));
    if night.is_short() { tr!("sleep-opportunity-short", base = base, advice = short_night_advice()) } else { base }
}

/// What the article asks of a night, said wherever a night is under 8 h in bed.
pub fn short_night_advice() -> String {
    tr!("short-night-advice")
}

/// A number with one decimal in the language's decimal sign: "3.8" / "3,8" (a mean
/// score in "what helps" and in the doctor summary).
pub fn one_decimal(value: f64) -> String {
    let text = format!("{value:.1}");
    match super::language() {
        super::Language::Russian => text.replace('.', ","),
        super::Language::English => text,
    }
}

/// A size with one decimal: "4.1 MB" / "4,1 МБ".
pub fn megabytes(bytes: u64) -> String {
    let tenths = (bytes as f64 / (1u64 << 20) as f64 * 10.0).round() as u64;
    tr!("size-megabytes", whole = (tenths / 10).to_string(), tenth = (tenths % 10).to_string())
}

/// Any size in the unit that reads best: "31 bytes", "2.5 KB", "4.1 MB".
pub fn data_size(bytes: u64) -> String {
    if bytes < 1024 {
        return tr!("size-bytes", count = bytes);
    }
    if bytes < 1 << 20 {
        let tenths = (bytes as f64 / 1024.0 * 10.0).round() as u64;
        return tr!("size-kilobytes", whole = (tenths / 10).to_string(), tenth = (tenths % 10).to_string());
    }
    megabytes(bytes)
}

/// A process number for messages that name it when known: `$pid` is "none" otherwise.
pub fn pid_or_none(pid: Option<u32>) -> String {
    pid.map_or_else(|| "none".to_owned(), |pid| pid.to_string())
}
