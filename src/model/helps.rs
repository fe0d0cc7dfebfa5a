//! What helps: nights after evenings where a step was kept, beside nights where it was not.
//!
//! Why it exists: the routine asks for effort every evening; the user deserves to see
//! whether the evenings they kept a step went with calmer nights in their own log. Only
//! as a side-by-side of counts: the app never claims a step *caused* anything (too few
//! nights, and everything else that differs between evenings), and it says nothing at
//! all until each side has [`MIN_NIGHTS`] nights.
//!
//! Per step, over the evenings with a night log and at least one check-in (an evening
//! with no check-in is not tracked, as in [`super::stats`]):
//! - kept: the step was checked done; not kept: it was part of that evening's routine
//!   (see [`planned_steps`]) and skipped or left unchecked;
//! - for `lights-out` "kept" means the bedtime was kept: checked done within
//!   [`BEDTIME_KEPT_MINUTES`] of the planned bedtime (by its check time, the clock on the
//!   wall, as in `stats::bedtime_weeks`); done further off, or skipped, is "not kept",
//!   and unchecked is unknown (left out).
//!
//! On each side: nights with many jerks among the nights that answered the question, and
//! the mean "how rested" among the nights that gave a score.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::catalog::ids;
use super::journal::{Journal, Outcome};
use super::routine_file::RoutineFile;
use super::stats::planned_steps;

/// Nights each side needs before a comparison says anything: with fewer, one odd night
/// moves the share by 20 points or more, which reads as a finding but is noise.
pub const MIN_NIGHTS: usize = 5;

/// A bedtime counts as kept within this many minutes of the plan, either way (the
/// issue's "within 30 minutes": close enough to be the same habit).
pub const BEDTIME_KEPT_MINUTES: f64 = 30.0;

/// One side of a comparison: the nights after evenings the step was kept, or not.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Side {
    /// Nights that answered "twitches while falling asleep".
    pub nights: usize,
    /// Of those, nights with many jerks.
    pub jerky: usize,
    /// Mean "how rested" (1–5) over `rested_nights`.
    pub rested_mean: Option<f64>,
    /// Nights with a rested score.
    pub rested_nights: usize,
}

/// One step's two sides.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// The step's id; `lights-out` stands for "bedtime kept within 30 minutes".
    pub step: String,
    pub kept: Side,
    pub skipped: Side,
}

impl Comparison {
    /// Both sides have enough nights to compare the share of jerky nights.
    pub fn jerks_comparable(&self) -> bool {
        self.kept.nights >= MIN_NIGHTS && self.skipped.nights >= MIN_NIGHTS
    }

    /// Both sides have enough rested scores to compare their means.
    pub fn rested_comparable(&self) -> bool {
        self.kept.rested_nights >= MIN_NIGHTS && self.skipped.rested_nights >= MIN_NIGHTS
    }

    /// Which side had the larger share of jerky nights, compared exactly (no rounding).
    pub fn jerky_order(&self) -> std::cmp::Ordering {
        let kept = self.kept.jerky * self.skipped.nights;
        let skipped = self.skipped.jerky * self.kept.nights;
        kept.cmp(&skipped)
    }
}

/// Sums while counting.
#[derive(Default)]
struct Tally {
    side: Side,
    rested_sum: u32,
}

impl Tally {
    fn add(&mut self, log: &super::NightLog) {
        if log.falling_asleep.is_some() {
            self.side.nights += 1;
            self.side.jerky += usize::from(log.jerky());
        }
        if let Some(score) = log.rested_score() {
            self.side.rested_nights += 1;
            self.rested_sum += u32::from(score);
        }
    }

    fn finish(mut self) -> Side {
        if self.side.rested_nights > 0 {
            self.side.rested_mean = Some(f64::from(self.rested_sum) / self.side.rested_nights as f64);
        }
        self.side
    }
}

/// Whether `step` was kept on `date`: `Some(true)` kept, `Some(false)` not kept, `None`
/// unknown (an unchecked lights-out).
fn kept_on(routine_file: &RoutineFile, journal: &Journal, date: NaiveDate, step: &str) -> Option<bool> {
    let check = journal.check_in(date, step);
    if step != ids::LIGHTS_OUT {
        return Some(check.is_some_and(|check| check.outcome == Outcome::Done));
    }
    let check = check?;
    if check.outcome == Outcome::Skipped {
        return Some(false);
    }
    let offset = (check.at.naive_local() - routine_file.schedule.bedtime(date)).num_seconds() as f64 / 60.0;
    Some(offset.abs() <= BEDTIME_KEPT_MINUTES)
}

/// The comparisons over the evenings `from..=to` that have enough nights for at least
/// one of their two measures, in routine order, then steps no longer in the routine.
pub fn comparisons(routine_file: &RoutineFile, journal: &Journal, from: NaiveDate, to: NaiveDate) -> Vec<Comparison> {
    if from > to {
        return Vec::new();
    }
    let mut tallies: BTreeMap<String, (Tally, Tally)> = BTreeMap::new();
    for (date, evening) in journal.evenings.range(from..=to) {
        let Some(log) = &evening.night else { continue };
        if evening.checks.is_empty() {
            continue;
        }
        for step in planned_steps(routine_file, journal, *date) {
            let Some(kept) = kept_on(routine_file, journal, *date, &step) else { continue };
            let (kept_side, skipped_side) = tallies.entry(step).or_default();
            if kept { kept_side.add(log) } else { skipped_side.add(log) }
        }
    }
    let mut found: BTreeMap<String, Comparison> = tallies
        .into_iter()
        .map(|(step, (kept, skipped))| {
            let comparison = Comparison { step: step.clone(), kept: kept.finish(), skipped: skipped.finish() };
            (step, comparison)
        })
        .filter(|(_, c)| c.jerks_comparable() || c.rested_comparable())
        .collect();
    let mut ordered: Vec<Comparison> =
        routine_file.routine.steps.iter().filter_map(|step| found.remove(&step.id)).collect();
    ordered.extend(found.into_values());
    ordered
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CheckIn, Jerks, NightLog};
    use chrono::{DateTime, TimeDelta};

    fn day(n: i64) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 10, 1).unwrap() + TimeDelta::days(n)
    }

    /// An evening `n` days after 1 October: the bath done or skipped, lights out at
    /// `lights` (HH:MM, the same calendar day), and its night.
    fn evening(journal: &mut Journal, n: i64, bath: Outcome, lights: &str, jerks: Jerks, rested: u8) {
        let at = |time: &str| DateTime::parse_from_rfc3339(&format!("{}T{time}:00+01:00", day(n))).unwrap();
        journal.record(day(n), ids::WARM_BATH, CheckIn::new(bath, at("21:00"), None));
        journal.record(day(n), ids::LIGHTS_OUT, CheckIn::new(Outcome::Done, at(lights), None));
        journal.evenings.get_mut(&day(n)).unwrap().routine =
            Some(vec![ids::WARM_BATH.to_owned(), ids::LIGHTS_OUT.to_owned()]);
        journal.evenings.get_mut(&day(n)).unwrap().night =
            Some(NightLog { falling_asleep: Some(jerks), rested: Some(rested), ..Default::default() });
    }

    fn find<'a>(found: &'a [Comparison], step: &str) -> Option<&'a Comparison> {
        found.iter().find(|c| c.step == step)
    }

    #[test]
    fn nothing_until_each_side_has_five_nights() {
        let routine_file = RoutineFile::default();
        let mut journal = Journal::default();
        for n in 0..12 {
            evening(&mut journal, n, Outcome::Done, "22:30", Jerks::Few, 4);
        }
        for n in 12..16 {
            evening(&mut journal, n, Outcome::Skipped, "22:30", Jerks::Many, 2);
        }
        let found = comparisons(&routine_file, &journal, day(0), day(40));
        assert_eq!(find(&found, ids::WARM_BATH), None, "4 nights without a bath: not enough");
        evening(&mut journal, 16, Outcome::Skipped, "22:30", Jerks::Few, 3);
        let found = comparisons(&routine_file, &journal, day(0), day(40));
        let bath = find(&found, ids::WARM_BATH).expect("5 and 12 nights: compared");
        assert_eq!(bath.kept, Side { nights: 12, jerky: 0, rested_mean: Some(4.0), rested_nights: 12 });
        assert_eq!(bath.skipped.nights, 5);
        assert_eq!(bath.skipped.jerky, 4);
        assert_eq!(bath.skipped.rested_mean, Some(11.0 / 5.0));
        assert!(bath.jerks_comparable() && bath.rested_comparable());
        assert_eq!(bath.jerky_order(), std::cmp::Ordering::Less);
        // Lights out always at the planned 22:30: nothing on the "not kept" side.
        assert_eq!(find(&found, ids::LIGHTS_OUT), None);
        // The period matters: the last five evenings alone have no bath side.
        assert!(comparisons(&routine_file, &journal, day(12), day(16)).is_empty());
    }

    #[test]
    fn bedtime_kept_means_lights_out_within_half_an_hour() {
        let routine_file = RoutineFile::default(); // bedtime 22:30
        let mut journal = Journal::default();
        for (n, lights) in ["22:30", "22:00", "23:00", "22:45", "22:10"].into_iter().enumerate() {
            evening(&mut journal, n as i64, Outcome::Done, lights, Jerks::None, 4);
        }
        for (n, lights) in ["23:01", "21:59", "23:40", "23:30", "21:00", "22:31"].into_iter().enumerate() {
            let jerks = if lights == "22:31" { Jerks::Few } else { Jerks::Many };
            evening(&mut journal, n as i64 + 5, Outcome::Done, lights, jerks, 2);
        }
        let found = comparisons(&routine_file, &journal, day(0), day(20));
        let bedtime = find(&found, ids::LIGHTS_OUT).unwrap();
        // 30 minutes either way is kept; 22:31 too, 23:01 and 21:59 are not.
        assert_eq!((bedtime.kept.nights, bedtime.kept.jerky), (6, 0));
        assert_eq!((bedtime.skipped.nights, bedtime.skipped.jerky), (5, 5));
    }

    #[test]
    fn untracked_evenings_and_unanswered_questions_do_not_count() {
        let routine_file = RoutineFile::default();
        let mut journal = Journal::default();
        for n in 0..5 {
            evening(&mut journal, n, Outcome::Done, "22:30", Jerks::None, 4);
            evening(&mut journal, n + 5, Outcome::Skipped, "22:30", Jerks::Many, 2);
        }
        // Nights with no check-in that evening, and a night with only a note: not counted.
        for n in 10..20 {
            journal.evenings.entry(day(n)).or_default().night =
                Some(NightLog { falling_asleep: Some(Jerks::Many), ..Default::default() });
        }
        let bath = comparisons(&routine_file, &journal, day(0), day(30)).into_iter().find(|c| c.step == ids::WARM_BATH);
        let bath = bath.unwrap();
        assert_eq!((bath.kept.nights, bath.skipped.nights), (5, 5));
        journal.evenings.get_mut(&day(0)).unwrap().night = Some(NightLog { note: "x".into(), ..Default::default() });
        let bath = comparisons(&routine_file, &journal, day(0), day(30)).into_iter().find(|c| c.step == ids::WARM_BATH);
        assert_eq!(bath, None, "four answered nights are not enough");
    }
}
