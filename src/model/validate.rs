//! One check for every value that enters the journal: the window, the command line, an
//! import and a merge from another computer all ask here, so no way in takes what
//! another refuses.
//!
//! Why a module of its own: the limits used to be checked by each front end as it took
//! a value, and an import checked none of them (a humidity of 1e9, a rested score of 99,
//! a 20 MB note, an empty step id, a check-in stamped 9999-12-31 on a 2026 evening that
//! then won every later conflict). Pure like the rest of the model: "now" comes in.
//!
//! # The limits
//!
//! - An evening lies in the years the app keeps ([`is_sane_date`]) and no more than a
//!   day after today (today in `now`'s offset; the day after covers an evening begun in
//!   a time zone ahead).
//! - A step id is an id ([`is_step_id`]); a value is one its step records
//!   ([`check_value`]); a night log's answers are in range ([`NightLog::validate`]).
//! - A record's time (`at`) is no earlier than the day before its evening (an evening's
//!   day starts with the morning's steps) and no later than a day after `now`: a
//!   correction made weeks later is fine, a time in the future is not. Its merge-order
//!   stamp (`order`, see [`super::removals`]) may be years ahead (another computer's fast
//!   clock), but not after the years the app keeps ([`LAST_DATE`]): at the end of chrono's
//!   range nothing could be ordered past it, so a step undone and checked again there
//!   would be lost at once.
//! - An evening names at most [`MAX_EVENING_STEPS`] steps in its check-ins, in its
//!   recorded routine and in its planned times, each step once in the routine.
//! - The times an evening was planned with lie on its date, the day before or the two
//!   after ([`super::planned::plausible`]), its wake after its bedtime, and were recorded
//!   (`at`) as a check-in is.
//! - Fields this version does not know (a newer version's) come to at most
//!   [`MAX_UNKNOWN_BYTES`] in one file: kept, as always, but not without bound.
//! - A routine from a backup ([`routine_file`]) is one the app could have saved: at most
//!   [`MAX_STEPS`] steps, each valid, each id once, and begun (`since`, a step's `added`)
//!   no later than a day after `now`.

use std::collections::HashSet;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, TimeDelta};

use super::journal::{CheckIn, Evening, Extra, Journal, NightLog, PlannedTimes};
use super::night::NightError;
use super::planned::plausible;
use super::routine::{MAX_STEPS, StepError, check_value, is_step_id};
use super::routine_file::RoutineFile;
use super::time::{LAST_DATE, is_sane_date, local_date, next_day, previous_day, shift};

/// The most steps one evening names, in its check-ins or in its recorded routine: two
/// full routines, as a merge of two computers' evenings can have.
pub const MAX_EVENING_STEPS: usize = 2 * MAX_STEPS;

/// The most bytes of unknown fields (as JSON) one file may bring in: a newer version's
/// few fields on each of ten years of check-ins fit; a file that is mostly unknown data
/// does not.
pub const MAX_UNKNOWN_BYTES: usize = 4 << 20;

/// What is wrong with a value.
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    /// The evening is outside the years the app keeps.
    OutOfRange,
    /// The evening is more than a day after today.
    Future,
    /// Not a step id (see [`is_step_id`]).
    StepId(String),
    /// A value its step does not take.
    Value(StepError),
    /// A night log's answer out of range.
    Night(NightError),
    /// A record made at this time, before its evening or after now.
    RecordedAt(DateTime<FixedOffset>),
    /// A record whose merge-order stamp is this, after the years the app keeps.
    Ordered(DateTime<FixedOffset>),
    /// This many steps on one evening, more than [`MAX_EVENING_STEPS`].
    TooManySteps(usize),
    /// The evening's recorded routine names this step twice.
    RepeatedStep(String),
    /// This many bytes of unknown fields, more than [`MAX_UNKNOWN_BYTES`].
    UnknownTooLarge(usize),
    /// A planned time (a step's, the bedtime or the wake time) that cannot be the
    /// evening's, or a wake time not after the bedtime.
    PlannedTime(NaiveDateTime),
    /// The routine of a backup has a step the app would not save.
    RoutineStep(StepError),
    /// The routine of a backup lists this step twice.
    RoutineRepeatedStep(String),
    /// The routine of a backup, or one of its steps, begins at this time, after now.
    RoutineBegins(DateTime<FixedOffset>),
    /// The schedule of a backup has a night whose bedtime and wake time are both this.
    ScheduleSameTime(chrono::NaiveTime),
}

/// A value that may not enter the journal, and the evening it is in (`None`: the
/// journal as a whole). Plain data; its words are in `i18n`.
#[derive(Debug, Clone, PartialEq)]
pub struct Invalid {
    pub evening: Option<NaiveDate>,
    pub problem: Problem,
}

impl std::error::Error for Invalid {}

impl Invalid {
    fn on(evening: NaiveDate) -> impl FnOnce(Problem) -> Invalid {
        move |problem| Invalid { evening: Some(evening), problem }
    }
}

/// An evening something may be recorded for at `now`.
pub fn evening_date(evening: NaiveDate, now: &DateTime<FixedOffset>) -> Result<(), Problem> {
    if !is_sane_date(evening) {
        return Err(Problem::OutOfRange);
    }
    if evening > next_day(local_date(now)) {
        return Err(Problem::Future);
    }
    Ok(())
}

fn recorded_at(evening: NaiveDate, at: &DateTime<FixedOffset>, now: &DateTime<FixedOffset>) -> Result<(), Problem> {
    let too_late = *at > shift(now, TimeDelta::days(1));
    let too_early = local_date(at) < previous_day(evening);
    if too_late || too_early { Err(Problem::RecordedAt(*at)) } else { Ok(()) }
}

/// A check-in of `step` on `evening`, as of `now`.
pub fn check_in(
    evening: NaiveDate,
    step: &str,
    check_in: &CheckIn,
    now: &DateTime<FixedOffset>,
) -> Result<(), Invalid> {
    check_in_problem(evening, step, check_in, now).map_err(Invalid::on(evening))
}

fn check_in_problem(
    evening: NaiveDate,
    step: &str,
    check_in: &CheckIn,
    now: &DateTime<FixedOffset>,
) -> Result<(), Problem> {
    evening_date(evening, now)?;
    if !is_step_id(step) {
        return Err(Problem::StepId(step.to_owned()));
    }
    check_value(step, check_in.value).map_err(Problem::Value)?;
    recorded_at(evening, &check_in.at, now)?;
    ordered(check_in.order)
}

/// The night log of the night after `evening`, as of `now`.
pub fn night(evening: NaiveDate, log: &NightLog, now: &DateTime<FixedOffset>) -> Result<(), Invalid> {
    night_problem(evening, log, now).map_err(Invalid::on(evening))
}

fn night_problem(evening: NaiveDate, log: &NightLog, now: &DateTime<FixedOffset>) -> Result<(), Problem> {
    evening_date(evening, now)?;
    log.validate().map_err(Problem::Night)?;
    log.at.map_or(Ok(()), |at| recorded_at(evening, &at, now))?;
    ordered(log.order)
}

/// A record's merge-order stamp, if any, within the years the app keeps.
fn ordered(order: Option<DateTime<FixedOffset>>) -> Result<(), Problem> {
    match order {
        Some(order) if local_date(&order) > LAST_DATE => Err(Problem::Ordered(order)),
        _ => Ok(()),
    }
}

/// The times `evening` was planned with, as of `now`.
fn planned_times(evening: NaiveDate, times: &PlannedTimes, now: &DateTime<FixedOffset>) -> Result<(), Problem> {
    recorded_at(evening, &times.at, now)?;
    if times.night(evening).is_none() {
        let odd = if plausible(evening, times.bedtime) { times.wake } else { times.bedtime };
        return Err(Problem::PlannedTime(odd));
    }
    for (step, time) in &times.steps {
        if !is_step_id(step) {
            return Err(Problem::StepId(step.clone()));
        }
        if !plausible(evening, *time) {
            return Err(Problem::PlannedTime(*time));
        }
    }
    Ok(())
}

/// Whether an evening's lists are within [`MAX_EVENING_STEPS`] (also after a merge).
pub fn evening_size(date: NaiveDate, evening: &Evening) -> Result<(), Invalid> {
    let most = evening
        .checks
        .len()
        .max(evening.routine.as_ref().map_or(0, Vec::len))
        .max(evening.times.as_ref().map_or(0, |times| times.steps.len()));
    if most > MAX_EVENING_STEPS {
        return Err(Invalid { evening: Some(date), problem: Problem::TooManySteps(most) });
    }
    Ok(())
}

/// Everything recorded for one evening, as of `now`.
pub fn evening(date: NaiveDate, evening: &Evening, now: &DateTime<FixedOffset>) -> Result<(), Invalid> {
    evening_date(date, now).map_err(Invalid::on(date))?;
    evening_size(date, evening)?;
    for (step, check) in &evening.checks {
        check_in(date, step, check, now)?;
    }
    if let Some(log) = &evening.night {
        night(date, log, now)?;
    }
    if let Some(times) = &evening.times {
        planned_times(date, times, now).map_err(Invalid::on(date))?;
    }
    let mut seen = HashSet::new();
    for step in evening.routine.iter().flatten() {
        if !is_step_id(step) {
            return Err(Invalid::on(date)(Problem::StepId(step.clone())));
        }
        if !seen.insert(step.as_str()) {
            return Err(Invalid::on(date)(Problem::RepeatedStep(step.clone())));
        }
    }
    Ok(())
}

/// A whole journal from outside (an import, another computer's copy), as of `now`.
/// Evenings are checked in date order, so the first problem named is the earliest.
pub fn journal(journal: &Journal, now: &DateTime<FixedOffset>) -> Result<(), Invalid> {
    for (date, evening) in &journal.evenings {
        self::evening(*date, evening, now)?;
    }
    let unknown = Unknown::of_journal(journal);
    if unknown.bytes > MAX_UNKNOWN_BYTES {
        return Err(Invalid { evening: None, problem: Problem::UnknownTooLarge(unknown.bytes) });
    }
    Ok(())
}

/// The routine, schedule and settings of a backup, as of `now` (the journal's evenings
/// are checked by [`journal`]). Settings out of range need no check: they are read
/// through getters that keep them in range, as routine.json's own are.
pub fn routine_file(file: &RoutineFile, now: &DateTime<FixedOffset>) -> Result<(), Invalid> {
    let invalid = |problem| Invalid { evening: None, problem };
    file.routine.validate().map_err(|error| invalid(Problem::RoutineStep(error)))?;
    let mut seen = HashSet::new();
    let latest = *now + TimeDelta::days(1);
    for step in &file.routine.steps {
        if !seen.insert(step.id.as_str()) {
            return Err(invalid(Problem::RoutineRepeatedStep(step.id.clone())));
        }
        if let Some(added) = step.added.filter(|added| *added > latest) {
            return Err(invalid(Problem::RoutineBegins(added)));
        }
    }
    if let Some(since) = file.since.filter(|since| *since > latest) {
        return Err(invalid(Problem::RoutineBegins(since)));
    }
    // As `schedule` refuses it: a night of no sleep at all (or of 24 hours).
    let schedule = &file.schedule;
    if let Some(night) =
        std::iter::once(&schedule.every_day).chain(schedule.weekdays.values()).find(|n| n.bedtime == n.wake)
    {
        return Err(invalid(Problem::ScheduleSameTime(night.bedtime)));
    }
    let unknown = Unknown::of(&file.extra);
    if unknown.bytes > MAX_UNKNOWN_BYTES {
        return Err(invalid(Problem::UnknownTooLarge(unknown.bytes)));
    }
    Ok(())
}

/// Fields this version does not know: how many, and their size as JSON.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Unknown {
    pub fields: usize,
    pub bytes: usize,
}

impl Unknown {
    /// The fields of one object's [`Extra`].
    pub fn of(extra: &Extra) -> Unknown {
        if extra.is_empty() {
            return Unknown::default();
        }
        // Counted as written, without building the text.
        struct Count(usize);
        impl std::io::Write for Count {
            fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
                self.0 += bytes.len();
                Ok(bytes.len())
            }
            fn flush(&mut self) -> std::io::Result<()> {
                Ok(())
            }
        }
        let mut count = Count(0);
        // Writing JSON values to a counter cannot fail; a failure would count less.
        let _ = serde_json::to_writer(&mut count, extra);
        Unknown { fields: extra.len(), bytes: count.0 }
    }

    /// Those of an evening, its check-ins and its night log.
    pub fn of_evening(evening: &Evening) -> Unknown {
        let checks = evening.checks.values().map(|check| Unknown::of(&check.extra));
        let night = evening.night.iter().map(|night| Unknown::of(&night.extra));
        checks.chain(night).fold(Unknown::of(&evening.extra), std::ops::Add::add)
    }

    /// Those of a whole journal.
    pub fn of_journal(journal: &Journal) -> Unknown {
        journal.evenings.values().map(Unknown::of_evening).fold(Unknown::of(&journal.extra), std::ops::Add::add)
    }
}

impl std::ops::Add for Unknown {
    type Output = Unknown;

    fn add(self, other: Unknown) -> Unknown {
        Unknown { fields: self.fields + other.fields, bytes: self.bytes + other.bytes }
    }
}

impl std::ops::AddAssign for Unknown {
    fn add_assign(&mut self, other: Unknown) {
        *self = *self + other;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::night::MAX_NOTE_CHARS;
    use crate::model::{Outcome, ValueKind};
    use serde_json::json;

    fn date(month: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, month, day).unwrap()
    }

    fn at(text: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(text).unwrap()
    }

    fn now() -> DateTime<FixedOffset> {
        at("2026-11-26T21:00:00+01:00")
    }

    fn problem(result: Result<(), Invalid>) -> Problem {
        result.unwrap_err().problem
    }

    #[test]
    fn evenings_in_the_kept_years_and_at_most_a_day_ahead() {
        assert_eq!(evening_date(date(11, 27), &now()), Ok(()), "tomorrow's evening, begun in a zone ahead");
        assert_eq!(evening_date(date(11, 28), &now()), Err(Problem::Future));
        assert_eq!(evening_date(NaiveDate::from_ymd_opt(1899, 12, 31).unwrap(), &now()), Err(Problem::OutOfRange));
        assert_eq!(evening_date(date(1, 1), &now()), Ok(()));
    }

    #[test]
    fn check_ins_take_what_the_command_line_takes() {
        let done = |value| CheckIn::new(Outcome::Done, at("2026-11-26T21:00:00+01:00"), value);
        let ok = |step, value| check_in(date(11, 26), step, &done(value), &now());
        assert_eq!(ok("humidity-check", Some(45.0)), Ok(()));
        assert_eq!(ok("my-tea", None), Ok(()));
        assert_eq!(
            problem(ok("humidity-check", Some(1e9))),
            Problem::Value(StepError::BadValue(ValueKind::HumidityPercent, 1e9))
        );
        assert_eq!(
            problem(ok("humidity-check", Some(-1.0))),
            Problem::Value(StepError::BadValue(ValueKind::HumidityPercent, -1.0))
        );
        assert_eq!(problem(ok("warm-bath", Some(1.0))), Problem::Value(StepError::NoValue("warm-bath".into())));
        for bad in ["", "Warm bath", "-x", "x-", "a\u{1b}[2J", &"a".repeat(81)] {
            assert_eq!(problem(ok(bad, None)), Problem::StepId(bad.into()), "{bad:?}");
        }
        // Stamped in the far future, or before its evening: refused; a late correction is fine.
        let stamped = |text| check_in(date(11, 26), "warm-bath", &CheckIn::new(Outcome::Done, at(text), None), &now());
        assert_eq!(problem(stamped("9999-12-31T23:59:59+00:00")), Problem::RecordedAt(at("9999-12-31T23:59:59+00:00")));
        assert!(matches!(problem(stamped("2026-11-24T23:00:00+01:00")), Problem::RecordedAt(_)));
        assert_eq!(stamped("2026-11-25T07:00:00+01:00"), Ok(()), "the morning of the day before, for after-wake steps");
        assert_eq!(stamped("2026-11-27T20:59:59+01:00"), Ok(()), "up to a day after now");
        assert!(matches!(problem(stamped("2026-11-27T21:00:01+01:00")), Problem::RecordedAt(_)));
        // A merge-order stamp years ahead is taken (another computer's fast clock); one
        // after the years the app keeps is not.
        let ordered = |text| {
            let mut check = done(None);
            check.order = Some(at(text));
            check_in(date(11, 26), "warm-bath", &check, &now())
        };
        assert_eq!(ordered("2999-12-31T23:59:59+00:00"), Ok(()));
        assert_eq!(problem(ordered("3000-01-01T00:00:00+00:00")), Problem::Ordered(at("3000-01-01T00:00:00+00:00")));
        let end = DateTime::<chrono::Utc>::MAX_UTC.fixed_offset();
        let mut check = done(None);
        check.order = Some(end);
        assert_eq!(problem(check_in(date(11, 26), "warm-bath", &check, &now())), Problem::Ordered(end));
        let later = check_in(date(10, 1), "warm-bath", &done(None), &now());
        assert_eq!(later, Ok(()), "corrected weeks later");
        let error = check_in(date(11, 28), "warm-bath", &done(None), &now()).unwrap_err();
        assert_eq!(error, Invalid { evening: Some(date(11, 28)), problem: Problem::Future });
    }

    #[test]
    fn night_logs_and_evenings() {
        let log = NightLog { rested: Some(99), ..NightLog::default() };
        assert_eq!(problem(night(date(11, 25), &log, &now())), Problem::Night(NightError::RestedOutOfRange(99)));
        let log = NightLog { note: "x".repeat(MAX_NOTE_CHARS + 1), ..NightLog::default() };
        assert_eq!(
            problem(night(date(11, 25), &log, &now())),
            Problem::Night(NightError::NoteTooLong(MAX_NOTE_CHARS + 1))
        );
        let log = NightLog { at: Some(at("9999-12-31T00:00:00Z")), ..NightLog::default() };
        assert!(matches!(problem(night(date(11, 25), &log, &now())), Problem::RecordedAt(_)));
        assert_eq!(night(date(11, 25), &NightLog::default(), &now()), Ok(()));
        let log = NightLog { order: Some(at("2031-03-01T10:00:01+01:00")), ..NightLog::default() };
        assert_eq!(night(date(11, 25), &log, &now()), Ok(()));
        let log = NightLog { order: Some(at("3000-01-01T00:00:00Z")), ..NightLog::default() };
        assert_eq!(problem(night(date(11, 25), &log, &now())), Problem::Ordered(at("3000-01-01T00:00:00Z")));

        let mut evening_ =
            Evening { routine: Some(vec!["warm-bath".into(), "lights-out".into()]), ..Evening::default() };
        assert_eq!(evening(date(11, 25), &evening_, &now()), Ok(()));
        evening_.routine.as_mut().unwrap().push("warm-bath".into());
        assert_eq!(problem(evening(date(11, 25), &evening_, &now())), Problem::RepeatedStep("warm-bath".into()));
        evening_.routine = Some(vec![String::new()]);
        assert_eq!(problem(evening(date(11, 25), &evening_, &now())), Problem::StepId(String::new()));
        evening_.routine = Some((0..=MAX_EVENING_STEPS).map(|n| format!("s-{n}")).collect());
        assert_eq!(problem(evening(date(11, 25), &evening_, &now())), Problem::TooManySteps(MAX_EVENING_STEPS + 1));
        evening_.routine = None;
        let check = CheckIn::new(Outcome::Done, now(), None);
        evening_.checks = (0..=MAX_EVENING_STEPS).map(|n| (format!("s-{n}"), check.clone())).collect();
        assert_eq!(problem(evening(date(11, 26), &evening_, &now())), Problem::TooManySteps(MAX_EVENING_STEPS + 1));
    }

    #[test]
    fn instants_at_the_edge_of_chronos_range_do_not_panic() {
        use chrono::{TimeZone, Utc};
        let edge = Utc.from_utc_datetime(&NaiveDate::MAX.and_hms_opt(23, 0, 0).unwrap());
        let now = edge.with_timezone(&FixedOffset::east_opt(7200).unwrap());
        assert_eq!(evening_date(date(11, 26), &now), Ok(()));
        let check = CheckIn::new(Outcome::Done, now, None);
        assert_eq!(check_in(date(11, 26), "warm-bath", &check, &now), Ok(()));
        let log = NightLog { at: Some(now), ..NightLog::default() };
        assert_eq!(night(date(11, 26), &log, &now), Ok(()));
    }

    #[test]
    fn unknown_fields_are_counted_and_bounded() {
        let mut journal = Journal::default();
        journal.extra.insert("future".into(), json!([1, 2]));
        let mut check = CheckIn::new(Outcome::Done, now(), None);
        check.extra.insert("mood".into(), json!("calm"));
        journal.record(date(11, 26), "warm-bath", check);
        let unknown = Unknown::of_journal(&journal);
        // {"future":[1,2]} and {"mood":"calm"}
        assert_eq!(unknown, Unknown { fields: 2, bytes: 16 + 15 });
        assert_eq!(self::journal(&journal, &now()), Ok(()));
        journal.extra.insert("huge".into(), json!("x".repeat(MAX_UNKNOWN_BYTES)));
        let error = self::journal(&journal, &now()).unwrap_err();
        assert_eq!(error.evening, None);
        assert!(matches!(error.problem, Problem::UnknownTooLarge(bytes) if bytes > MAX_UNKNOWN_BYTES));
    }
}
