//! Is the routine holding? Completion per evening, streaks, per-step adherence, bedtime
//! consistency and the caffeine cut-off, computed from the journal.
//!
//! Two rules keep the figures honest:
//! - An evening with no check-in at all is *not tracked*: it is neither a success nor a
//!   failure, it does not count in any share, and it neither extends nor breaks a streak.
//! - A step counts only on the evenings it was part of the routine. Since this version
//!   the journal records each evening's routine at its check-ins ([`Evening::routine`]);
//!   for older evenings it is derived: the steps checked that evening, plus the steps of
//!   today's routine that were active that evening and had been checked on or before it
//!   (so a step added last week is not a "miss" on every evening before it).
//!
//! Pure: the caller passes the journal, the configuration and the evening to count back
//! from; nothing here reads the clock.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{NaiveDate, TimeDelta};

use super::catalog::ids;
use super::config::Config;
use super::journal::{Evening, Journal, Outcome};
use super::plan::is_active;

/// The share of an evening's steps that must be done for it to count in a streak.
pub const DEFAULT_STREAK_THRESHOLD: f64 = 0.8;

/// One evening's figures.
#[derive(Debug, Clone, PartialEq)]
pub struct EveningFigures {
    pub date: NaiveDate,
    /// Steps that were part of the routine that evening.
    pub planned: usize,
    pub done: usize,
    pub skipped: usize,
}

impl EveningFigures {
    /// Any check-in at all.
    pub fn is_tracked(&self) -> bool {
        self.done + self.skipped > 0
    }

    /// Done steps over planned steps, 0.0 ..= 1.0 (an evening of no steps counts as 1).
    pub fn completion(&self) -> f64 {
        if self.planned == 0 { 1.0 } else { self.done as f64 / self.planned as f64 }
    }

    pub fn meets(&self, threshold: f64) -> bool {
        self.is_tracked() && self.completion() + 1e-9 >= threshold
    }
}

/// How often one step was done where it was planned.
#[derive(Debug, Clone, PartialEq)]
pub struct StepAdherence {
    pub id: String,
    /// Tracked evenings it was planned on, and how many of them it was done.
    pub planned: usize,
    pub done: usize,
}

impl StepAdherence {
    pub fn share(&self) -> Option<f64> {
        (self.planned > 0).then(|| self.done as f64 / self.planned as f64)
    }
}

/// When the lights went out compared with the planned bedtime, over one ISO week.
#[derive(Debug, Clone, PartialEq)]
pub struct BedtimeWeek {
    /// The Monday of the week.
    pub week: NaiveDate,
    /// Evenings with `lights-out` checked done.
    pub evenings: usize,
    /// Mean minutes after the planned bedtime (negative: before).
    pub mean_offset_minutes: f64,
    /// Standard deviation of the offset, in minutes: how steady the bedtime is.
    pub spread_minutes: f64,
}

/// The steps that were part of `evening`'s routine.
pub fn planned_steps(config: &Config, journal: &Journal, date: NaiveDate) -> BTreeSet<String> {
    let recorded = journal.evening(date);
    if let Some(routine) = recorded.and_then(|evening| evening.routine.as_ref()) {
        return routine.iter().cloned().collect();
    }
    let mut steps: BTreeSet<String> = recorded.map(|e| e.checks.keys().cloned().collect()).unwrap_or_default();
    for step in &config.routine.steps {
        let first_checked = first_check_in(journal, &step.id);
        if is_active(config, date, step) && first_checked.is_some_and(|first| first <= date) {
            steps.insert(step.id.clone());
        }
    }
    steps
}

fn first_check_in(journal: &Journal, step: &str) -> Option<NaiveDate> {
    journal.evenings.iter().find(|(_, evening)| evening.checks.contains_key(step)).map(|(date, _)| *date)
}

/// The figures of one evening.
pub fn evening_figures(config: &Config, journal: &Journal, date: NaiveDate) -> EveningFigures {
    let planned = planned_steps(config, journal, date);
    let checks = journal.evening(date).map(|evening: &Evening| &evening.checks);
    let count = |outcome| {
        checks.map_or(0, |checks| {
            checks.iter().filter(|(id, check)| planned.contains(*id) && check.outcome == outcome).count()
        })
    };
    EveningFigures { date, planned: planned.len(), done: count(Outcome::Done), skipped: count(Outcome::Skipped) }
}

/// The figures of every evening from `from` to `to`, both included.
pub fn evenings_between(config: &Config, journal: &Journal, from: NaiveDate, to: NaiveDate) -> Vec<EveningFigures> {
    from.iter_days().take_while(|date| *date <= to).map(|date| evening_figures(config, journal, date)).collect()
}

/// Current and best streak of tracked evenings that met `threshold`, counting back from
/// `today` (an evening still in progress that has not met it yet does not break it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Streaks {
    pub current: usize,
    pub best: usize,
}

pub fn streaks(config: &Config, journal: &Journal, today: NaiveDate, threshold: f64) -> Streaks {
    let Some(first) = journal.evenings.keys().next().copied() else { return Streaks::default() };
    let mut run = 0;
    let mut best = 0;
    for figures in evenings_between(config, journal, first, today) {
        if !figures.is_tracked() {
            continue;
        }
        if figures.meets(threshold) {
            run += 1;
            best = best.max(run);
        } else if figures.date != today {
            run = 0;
        }
    }
    Streaks { current: run, best }
}

/// Each step's adherence over the `days` evenings up to `today`.
pub fn adherence(config: &Config, journal: &Journal, today: NaiveDate, days: u32) -> Vec<StepAdherence> {
    let from = today.checked_sub_signed(TimeDelta::days(i64::from(days.max(1)) - 1)).unwrap_or(today);
    let mut by_step: BTreeMap<String, StepAdherence> = BTreeMap::new();
    for figures in evenings_between(config, journal, from, today).into_iter().filter(EveningFigures::is_tracked) {
        let checks = journal.evening(figures.date).map(|evening| &evening.checks);
        for id in planned_steps(config, journal, figures.date) {
            let done = checks.and_then(|c| c.get(&id)).is_some_and(|check| check.outcome == Outcome::Done);
            let entry = by_step.entry(id.clone()).or_insert(StepAdherence { id, planned: 0, done: 0 });
            entry.planned += 1;
            entry.done += usize::from(done);
        }
    }
    // Routine order first, then steps no longer in the routine.
    let mut ordered: Vec<StepAdherence> =
        config.routine.steps.iter().filter_map(|step| by_step.remove(&step.id)).collect();
    ordered.extend(by_step.into_values());
    ordered
}

/// How often the caffeine cut-off was kept: (evenings done, tracked evenings it was
/// planned on) over the `days` evenings up to `today`.
pub fn caffeine_kept(config: &Config, journal: &Journal, today: NaiveDate, days: u32) -> (usize, usize) {
    adherence(config, journal, today, days)
        .into_iter()
        .find(|step| step.id == ids::CAFFEINE_CUTOFF)
        .map_or((0, 0), |step| (step.done, step.planned))
}

/// Lights-out time against the planned bedtime, per ISO week, from `from` to `to`.
///
/// Both are read as local clock times (the check-in keeps the offset it was made with),
/// so a DST night compares what the clock on the wall said.
pub fn bedtime_weeks(config: &Config, journal: &Journal, from: NaiveDate, to: NaiveDate) -> Vec<BedtimeWeek> {
    let mut weeks: BTreeMap<NaiveDate, Vec<f64>> = BTreeMap::new();
    for (date, evening) in journal.evenings.range(from..=to) {
        let Some(check) = evening.checks.get(ids::LIGHTS_OUT).filter(|check| check.outcome == Outcome::Done) else {
            continue;
        };
        let planned = config.schedule.bedtime(*date);
        let offset = (check.at.naive_local() - planned).num_seconds() as f64 / 60.0;
        let monday = date.week(chrono::Weekday::Mon).first_day();
        weeks.entry(monday).or_default().push(offset);
    }
    weeks
        .into_iter()
        .map(|(week, offsets)| {
            let n = offsets.len() as f64;
            let mean = offsets.iter().sum::<f64>() / n;
            let variance = offsets.iter().map(|o| (o - mean).powi(2)).sum::<f64>() / n;
            BedtimeWeek { week, evenings: offsets.len(), mean_offset_minutes: mean, spread_minutes: variance.sqrt() }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::journal::CheckIn;
    use crate::model::{Anchor, Step};
    use chrono::DateTime;

    fn date(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
    }

    /// A three-step routine, so shares are easy to read.
    fn config() -> Config {
        let mut config = Config::default();
        config
            .routine
            .steps
            .retain(|s| [ids::CAFFEINE_CUTOFF, ids::WARM_BATH, ids::LIGHTS_OUT].contains(&s.id.as_str()));
        config
    }

    fn check(journal: &mut Journal, d: u32, step: &str, outcome: Outcome, at: &str) {
        let at = DateTime::parse_from_rfc3339(&format!("2026-11-{d:02}T{at}:00+01:00")).unwrap();
        journal.record(date(d), step, CheckIn::new(outcome, at, None));
    }

    fn all_done(journal: &mut Journal, d: u32) {
        for step in [ids::CAFFEINE_CUTOFF, ids::WARM_BATH, ids::LIGHTS_OUT] {
            check(journal, d, step, Outcome::Done, "22:30");
        }
    }

    #[test]
    fn untracked_evenings_neither_count_nor_break_a_streak_but_a_missed_one_does() {
        let config = config();
        let mut journal = Journal::default();
        all_done(&mut journal, 1);
        all_done(&mut journal, 2);
        // 3rd: not tracked at all.
        all_done(&mut journal, 4);
        // 5th: tracked, one of three done: missed.
        check(&mut journal, 5, ids::WARM_BATH, Outcome::Done, "21:00");
        check(&mut journal, 5, ids::LIGHTS_OUT, Outcome::Skipped, "22:30");
        all_done(&mut journal, 6);
        all_done(&mut journal, 7);
        assert!(!evening_figures(&config, &journal, date(3)).is_tracked());
        assert_eq!(streaks(&config, &journal, date(7), DEFAULT_STREAK_THRESHOLD), Streaks { current: 2, best: 3 });
        // Tonight (the 8th) not done yet does not break the current streak.
        check(&mut journal, 8, ids::CAFFEINE_CUTOFF, Outcome::Done, "16:30");
        assert_eq!(streaks(&config, &journal, date(8), DEFAULT_STREAK_THRESHOLD).current, 2);
    }

    #[test]
    fn the_threshold_is_inclusive() {
        let mut config = config();
        config.routine.steps.push(Step::custom(
            "stretch".into(),
            "Stretch".into(),
            Anchor::BeforeBedtime { minutes: 20 },
        ));
        let mut journal = Journal::default();
        // Four planned steps; three done is 75 %, four of five would be 80 %.
        all_done(&mut journal, 1);
        check(&mut journal, 1, "stretch", Outcome::Skipped, "22:10");
        let figures = evening_figures(&config, &journal, date(1));
        assert_eq!((figures.planned, figures.done), (4, 3));
        assert!(figures.meets(0.75));
        assert!(!figures.meets(0.8));
    }

    #[test]
    fn a_step_added_part_way_counts_only_from_when_it_was_in_the_routine() {
        let mut config = config();
        let mut journal = Journal::default();
        for d in 1..=5 {
            all_done(&mut journal, d);
        }
        // Added on the 4th and checked from then on.
        config.routine.steps.push(Step::custom(
            "stretch".into(),
            "Stretch".into(),
            Anchor::BeforeBedtime { minutes: 20 },
        ));
        check(&mut journal, 4, "stretch", Outcome::Done, "22:10");
        check(&mut journal, 5, "stretch", Outcome::Skipped, "22:10");
        assert_eq!(evening_figures(&config, &journal, date(2)).planned, 3);
        assert_eq!(evening_figures(&config, &journal, date(5)).planned, 4);
        let stretch = adherence(&config, &journal, date(5), 7).into_iter().find(|s| s.id == "stretch").unwrap();
        assert_eq!((stretch.done, stretch.planned), (1, 2));
        // A recorded routine wins over the derivation.
        journal.evenings.get_mut(&date(2)).unwrap().routine = Some(vec![ids::WARM_BATH.into()]);
        assert_eq!(evening_figures(&config, &journal, date(2)).planned, 1);
    }

    #[test]
    fn bedtime_consistency_and_caffeine() {
        let config = config();
        let mut journal = Journal::default();
        // Planned 22:30; lights out at 22:30, 22:50 and 22:10 in the week of Mon 23 Nov.
        for (d, at) in [(23, "22:30"), (24, "22:50"), (25, "22:10")] {
            check(&mut journal, d, ids::LIGHTS_OUT, Outcome::Done, at);
            check(
                &mut journal,
                d,
                ids::CAFFEINE_CUTOFF,
                if d == 24 { Outcome::Skipped } else { Outcome::Done },
                "16:30",
            );
        }
        let weeks = bedtime_weeks(&config, &journal, date(1), date(30));
        assert_eq!(weeks.len(), 1);
        assert_eq!(weeks[0].week, date(23));
        assert_eq!(weeks[0].evenings, 3);
        assert!(weeks[0].mean_offset_minutes.abs() < 1e-9);
        assert!((weeks[0].spread_minutes - (800.0f64 / 3.0).sqrt()).abs() < 1e-9);
        assert_eq!(caffeine_kept(&config, &journal, date(25), 7), (2, 3));
    }

    #[test]
    fn a_bedtime_after_midnight_is_compared_on_the_right_day() {
        let mut config = config();
        config
            .schedule
            .set(Some(crate::model::time::clock(0, 30)), Some(crate::model::time::clock(8, 30)), &[])
            .unwrap();
        let mut journal = Journal::default();
        // The evening of the 26th; lights out at 00:40 on the 27th.
        let at = DateTime::parse_from_rfc3339("2026-11-27T00:40:00+01:00").unwrap();
        journal.record(date(26), ids::LIGHTS_OUT, CheckIn::new(Outcome::Done, at, None));
        let weeks = bedtime_weeks(&config, &journal, date(1), date(30));
        assert!((weeks[0].mean_offset_minutes - 10.0).abs() < 1e-9);
    }
}
