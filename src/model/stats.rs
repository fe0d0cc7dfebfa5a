//! Is the routine holding? Completion per evening, streaks, per-step adherence, bedtime
//! consistency and the caffeine cut-off, computed from the journal.
//!
//! [`summarize`] computes every figure at once into a [`HistoryStats`]; the History screen and
//! `bedtime-coach stats` both show that one value, so they never disagree.
//!
//! The rules that keep the figures honest:
//! - An evening with no check-in at all is *not tracked*: it is neither a success nor a
//!   failure, it does not count in any share, and it neither extends nor breaks a streak.
//! - A step counts only on the evenings it was part of the routine. The journal records
//!   each evening's routine at its check-ins ([`Evening::routine`]). Evenings saved before
//!   that field existed have their routine *derived*: the steps checked that evening,
//!   plus the steps of today's routine that were active that evening and had been checked
//!   on or before it (so a step added last week is not a "miss" on every evening before
//!   it). A step removed from the routine before the field existed shows up on those old
//!   evenings only where it was checked; there is no record of the others.
//! - Bedtime consistency compares the time `lights-out` was checked with the evening's
//!   planned bedtime: the one recorded with the evening ([`Evening::times`]), or, for
//!   evenings recorded before times were kept, today's schedule's. Both become
//!   instants in the user's time zone, so a DST night counts the minutes that really
//!   passed. A `lights-out` checked more than [`BEDTIME_WINDOW_MINUTES`] away from the
//!   planned bedtime is a correction made later (the next morning, `check --date`), not
//!   the moment the lights went out, and is left out of the bedtime figures.
//! - The evening in progress (`today`) that has not met the threshold yet does not break
//!   the current streak: the evening is not over.
//!
//! Pure: the caller passes the journal, the configuration, the evening to count back
//! from and the time zone; nothing here reads the clock.

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, TimeDelta, TimeZone};

use super::catalog::ids;
use super::journal::{Evening, Journal, Outcome};
use super::plan::{is_active, planned_bedtime};
use super::routine_file::RoutineFile;
#[cfg(test)]
use super::settings::DEFAULT_STREAK_THRESHOLD_PERCENT;
use super::time::resolve_local;

/// The periods per-step adherence is given for, in evenings.
pub const ADHERENCE_DAYS: [u32; 3] = [7, 30, 90];

/// The period of the headline bedtime and caffeine figures, in evenings.
pub const RECENT_DAYS: u32 = 30;

/// A `lights-out` check-in further than this from the planned bedtime is a later
/// correction, not a bedtime (see the module notes).
pub const BEDTIME_WINDOW_MINUTES: i64 = 6 * 60;

/// One evening's figures.
#[derive(Debug, Clone, PartialEq)]
pub struct EveningFigures {
    pub date: NaiveDate,
    /// Steps that were part of the routine that evening.
    pub planned: usize,
    pub done: usize,
    pub skipped: usize,
    /// Any check-in at all that evening (of a planned step or not).
    pub tracked: bool,
}

impl EveningFigures {
    /// Any check-in at all.
    pub fn is_tracked(&self) -> bool {
        self.tracked
    }

    /// Done steps over planned steps, 0.0 ..= 1.0 (an evening of no steps counts as 1).
    pub fn completion(&self) -> f64 {
        if self.planned == 0 { 1.0 } else { self.done as f64 / self.planned as f64 }
    }

    /// Tracked and at least `threshold_percent` of its steps done (the edge included).
    pub fn meets(&self, threshold_percent: u32) -> bool {
        // Integer arithmetic: 4 of 5 is exactly 80 %, with no rounding to argue about.
        self.tracked && self.done * 100 >= threshold_percent as usize * self.planned
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

/// Every step's adherence over the last `days` evenings.
#[derive(Debug, Clone, PartialEq)]
pub struct AdherenceWindow {
    pub days: u32,
    /// Routine order first, then steps no longer in the routine.
    pub steps: Vec<StepAdherence>,
}

/// When the lights went out compared with the planned bedtime, over some evenings.
#[derive(Debug, Clone, PartialEq)]
pub struct BedtimeFigures {
    /// Evenings with `lights-out` checked done (near the bedtime, see the module notes).
    pub evenings: usize,
    /// Mean minutes after the planned bedtime (negative: before).
    pub mean_offset_minutes: f64,
    /// Standard deviation of the offset, in minutes: how steady the bedtime is.
    pub spread_minutes: f64,
}

impl BedtimeFigures {
    fn of(offsets: &[f64]) -> Option<Self> {
        if offsets.is_empty() {
            return None;
        }
        let n = offsets.len() as f64;
        let mean = offsets.iter().sum::<f64>() / n;
        let variance = offsets.iter().map(|o| (o - mean).powi(2)).sum::<f64>() / n;
        Some(Self { evenings: offsets.len(), mean_offset_minutes: mean, spread_minutes: variance.sqrt() })
    }
}

/// [`BedtimeFigures`] of one ISO week.
#[derive(Debug, Clone, PartialEq)]
pub struct BedtimeWeek {
    /// The Monday of the week.
    pub week: NaiveDate,
    pub figures: BedtimeFigures,
}

/// Evenings the caffeine cut-off was kept, of the tracked evenings it was planned on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Kept {
    pub kept: usize,
    pub planned: usize,
}

/// Current and best streak of tracked evenings that met the threshold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Streaks {
    pub current: usize,
    pub best: usize,
}

/// One point of a trend: an evening (or the first evening of a week) and its value.
pub type TrendPoint = (NaiveDate, f64);

/// A series over time and its rolling mean, ready to plot.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Trend {
    /// One point per tracked evening, or per week once there are too many evenings to
    /// draw one by one (then each point is that week's mean).
    pub points: Vec<TrendPoint>,
    /// The mean of the last [`ROLLING`] points at each point.
    pub rolling: Vec<TrendPoint>,
    /// Whether `points` are weekly means.
    pub weekly: bool,
}

/// How many points the rolling mean spans (evenings, or weeks when weekly).
pub const ROLLING: usize = 7;

/// More evenings than this are drawn as weekly means: a plot stays readable (and cheap
/// to draw) with ten years of data.
pub const MAX_DAILY_POINTS: usize = 366;

/// Everything the History screen and `stats` show, computed in one pass.
#[derive(Debug, Clone, PartialEq)]
pub struct HistoryStats {
    /// The evening counted back from (tonight).
    pub today: NaiveDate,
    pub threshold_percent: u32,
    /// Every evening from the first recorded one up to `today`, tracked or not, in
    /// order; empty when nothing was ever recorded.
    pub evenings: Vec<EveningFigures>,
    pub tracked: usize,
    pub not_tracked: usize,
    /// Tracked evenings that met the threshold.
    pub met: usize,
    pub streaks: Streaks,
    /// Mean completion of the tracked evenings among the last 7 and 30, and of all.
    pub completion_7: Option<f64>,
    pub completion_30: Option<f64>,
    pub completion_all: Option<f64>,
    /// One per [`ADHERENCE_DAYS`], in that order.
    pub adherence: Vec<AdherenceWindow>,
    /// Bedtime over the last [`RECENT_DAYS`] evenings.
    pub bedtime_recent: Option<BedtimeFigures>,
    /// Bedtime per ISO week, oldest first.
    pub bedtime_weeks: Vec<BedtimeWeek>,
    pub caffeine_recent: Kept,
    pub caffeine_all: Kept,
    pub completion_trend: Trend,
    /// Minutes after the planned bedtime.
    pub bedtime_trend: Trend,
}

impl HistoryStats {
    /// The figures of `date`, if it lies between the first recorded evening and today.
    pub fn evening(&self, date: NaiveDate) -> Option<&EveningFigures> {
        let first = self.evenings.first()?.date;
        let index = usize::try_from((date - first).num_days()).ok()?;
        self.evenings.get(index)
    }

    /// The adherence over `days` evenings (one of [`ADHERENCE_DAYS`]).
    pub fn adherence(&self, days: u32) -> Option<&AdherenceWindow> {
        self.adherence.iter().find(|window| window.days == days)
    }
}

/// Which steps made up each evening's routine: recorded, or derived (module notes).
struct Routines<'a> {
    routine_file: &'a RoutineFile,
    /// The first evening each step was checked on.
    first_checked: HashMap<&'a str, NaiveDate>,
}

impl<'a> Routines<'a> {
    fn new(routine_file: &'a RoutineFile, journal: &'a Journal) -> Self {
        let mut first_checked = HashMap::new();
        for (date, evening) in &journal.evenings {
            for id in evening.checks.keys() {
                first_checked.entry(id.as_str()).or_insert(*date);
            }
        }
        Self { routine_file, first_checked }
    }

    /// Each step once, in order; a set keeps it linear however long the lists (a
    /// journal edited by hand may repeat a step in a recorded routine).
    fn planned(&self, date: NaiveDate, evening: Option<&'a Evening>) -> Vec<&'a str> {
        let mut seen = HashSet::new();
        if let Some(routine) = evening.and_then(|evening| evening.routine.as_ref()) {
            return routine.iter().map(String::as_str).filter(|id| seen.insert(*id)).collect();
        }
        let mut steps: Vec<&str> = evening.map(|e| e.checks.keys().map(String::as_str).collect()).unwrap_or_default();
        seen.extend(steps.iter().copied());
        for step in &self.routine_file.routine.steps {
            let checked_by_then = self.first_checked.get(step.id.as_str()).is_some_and(|first| *first <= date);
            if checked_by_then && is_active(self.routine_file, date, step) && seen.insert(step.id.as_str()) {
                steps.push(step.id.as_str());
            }
        }
        steps
    }

    fn figures(&self, date: NaiveDate, evening: Option<&'a Evening>) -> EveningFigures {
        let planned = self.planned(date, evening);
        let count = |outcome| {
            evening.map_or(0, |evening| {
                planned.iter().filter(|id| evening.checks.get(**id).is_some_and(|c| c.outcome == outcome)).count()
            })
        };
        EveningFigures {
            date,
            planned: planned.len(),
            done: count(Outcome::Done),
            skipped: count(Outcome::Skipped),
            tracked: evening.is_some_and(|evening| !evening.checks.is_empty()),
        }
    }
}

/// The steps that were part of `date`'s routine (recorded, or derived as described above).
pub fn planned_steps(routine_file: &RoutineFile, journal: &Journal, date: NaiveDate) -> Vec<String> {
    Routines::new(routine_file, journal).planned(date, journal.evening(date)).into_iter().map(str::to_owned).collect()
}

/// The figures of one evening.
pub fn evening_figures(routine_file: &RoutineFile, journal: &Journal, date: NaiveDate) -> EveningFigures {
    Routines::new(routine_file, journal).figures(date, journal.evening(date))
}

fn days_back(today: NaiveDate, days: u32) -> NaiveDate {
    today.checked_sub_signed(TimeDelta::days(i64::from(days.max(1)) - 1)).unwrap_or(today)
}

/// Every figure at once, counting back from the evening `today`, with bedtimes read in `tz`.
pub fn summarize<Tz: TimeZone>(
    routine_file: &RoutineFile,
    journal: &Journal,
    today: NaiveDate,
    tz: &Tz,
) -> HistoryStats {
    let threshold_percent = routine_file.settings.streak_threshold_percent();
    let routines = Routines::new(routine_file, journal);
    let evenings: Vec<EveningFigures> = match journal.evenings.keys().next() {
        Some(first) if *first <= today => first
            .iter_days()
            .take_while(|date| *date <= today)
            .map(|date| routines.figures(date, journal.evening(date)))
            .collect(),
        _ => Vec::new(),
    };
    let tracked: Vec<&EveningFigures> = evenings.iter().filter(|e| e.tracked).collect();
    let mean_completion = |from: NaiveDate| {
        let shares: Vec<f64> = tracked.iter().filter(|e| e.date >= from).map(|e| e.completion()).collect();
        (!shares.is_empty()).then(|| shares.iter().sum::<f64>() / shares.len() as f64)
    };
    let offsets = bedtime_offsets(routine_file, journal, today, tz);
    let recent_offsets: Vec<f64> =
        offsets.iter().filter(|(date, _)| *date >= days_back(today, RECENT_DAYS)).map(|(_, o)| *o).collect();
    let adherence: Vec<AdherenceWindow> = ADHERENCE_DAYS
        .iter()
        .map(|&days| AdherenceWindow { days, steps: adherence_from(&routines, journal, days_back(today, days), today) })
        .collect();
    let caffeine = |from| {
        adherence_from(&routines, journal, from, today)
            .into_iter()
            .find(|step| step.id == ids::CAFFEINE_CUTOFF)
            .map_or_else(Kept::default, |step| Kept { kept: step.done, planned: step.planned })
    };
    let first = evenings.first().map_or(today, |e| e.date);
    HistoryStats {
        today,
        threshold_percent,
        tracked: tracked.len(),
        not_tracked: evenings.len() - tracked.len(),
        met: tracked.iter().filter(|e| e.meets(threshold_percent)).count(),
        streaks: streaks_of(&evenings, today, threshold_percent),
        completion_7: mean_completion(days_back(today, 7)),
        completion_30: mean_completion(days_back(today, 30)),
        completion_all: mean_completion(first),
        adherence,
        bedtime_recent: BedtimeFigures::of(&recent_offsets),
        bedtime_weeks: bedtime_weeks_of(&offsets),
        caffeine_recent: caffeine(days_back(today, RECENT_DAYS)),
        caffeine_all: caffeine(first),
        completion_trend: trend(tracked.iter().map(|e| (e.date, e.completion() * 100.0)).collect()),
        bedtime_trend: trend(offsets),
        evenings,
    }
}

fn streaks_of(evenings: &[EveningFigures], today: NaiveDate, threshold_percent: u32) -> Streaks {
    let mut run = 0;
    let mut best = 0;
    for figures in evenings.iter().filter(|e| e.tracked) {
        if figures.meets(threshold_percent) {
            run += 1;
            best = best.max(run);
        } else if figures.date != today {
            run = 0;
        }
    }
    Streaks { current: run, best }
}

/// Current and best streak counting back from `today` (see [`summarize`]).
pub fn streaks(routine_file: &RoutineFile, journal: &Journal, today: NaiveDate, threshold_percent: u32) -> Streaks {
    let routines = Routines::new(routine_file, journal);
    let Some(first) = journal.evenings.keys().next().copied() else { return Streaks::default() };
    let evenings: Vec<EveningFigures> = first
        .iter_days()
        .take_while(|date| *date <= today)
        .map(|date| routines.figures(date, journal.evening(date)))
        .collect();
    streaks_of(&evenings, today, threshold_percent)
}

fn adherence_from(routines: &Routines, journal: &Journal, from: NaiveDate, to: NaiveDate) -> Vec<StepAdherence> {
    let mut by_step: BTreeMap<&str, StepAdherence> = BTreeMap::new();
    for (date, evening) in journal.evenings.range(from..=to) {
        if evening.checks.is_empty() {
            continue;
        }
        for id in routines.planned(*date, Some(evening)) {
            let done = evening.checks.get(id).is_some_and(|check| check.outcome == Outcome::Done);
            let entry = by_step.entry(id).or_insert_with(|| StepAdherence { id: id.to_owned(), planned: 0, done: 0 });
            entry.planned += 1;
            entry.done += usize::from(done);
        }
    }
    let mut ordered: Vec<StepAdherence> =
        routines.routine_file.routine.steps.iter().filter_map(|step| by_step.remove(step.id.as_str())).collect();
    ordered.extend(by_step.into_values());
    ordered
}

/// Each step's adherence over the `days` evenings up to `today`.
pub fn adherence(routine_file: &RoutineFile, journal: &Journal, today: NaiveDate, days: u32) -> Vec<StepAdherence> {
    adherence_from(&Routines::new(routine_file, journal), journal, days_back(today, days), today)
}

/// Minutes from the planned bedtime to the `lights-out` check-in, per evening up to
/// `today`, for check-ins near enough to be a bedtime.
fn bedtime_offsets<Tz: TimeZone>(
    routine_file: &RoutineFile,
    journal: &Journal,
    today: NaiveDate,
    tz: &Tz,
) -> Vec<TrendPoint> {
    journal
        .evenings
        .range(..=today)
        .filter_map(|(date, evening)| {
            let check = evening.checks.get(ids::LIGHTS_OUT).filter(|check| check.outcome == Outcome::Done)?;
            let offset = bedtime_offset_minutes(routine_file, *date, Some(evening), &check.at, tz);
            (offset.abs() <= BEDTIME_WINDOW_MINUTES as f64).then_some((*date, offset))
        })
        .collect()
}

/// Minutes between the planned bedtime of `evening` (in `tz`; the one recorded with it,
/// if any) and `at`: real minutes, so a DST night does not gain or lose an hour.
pub fn bedtime_offset_minutes<Tz: TimeZone>(
    routine_file: &RoutineFile,
    evening: NaiveDate,
    recorded: Option<&Evening>,
    at: &DateTime<FixedOffset>,
    tz: &Tz,
) -> f64 {
    let planned = resolve_local(tz, planned_bedtime(routine_file, evening, recorded)).fixed_offset();
    (*at - planned).num_seconds() as f64 / 60.0
}

fn monday_of(date: NaiveDate) -> NaiveDate {
    date - TimeDelta::days(i64::from(date.weekday().num_days_from_monday()))
}

fn bedtime_weeks_of(offsets: &[TrendPoint]) -> Vec<BedtimeWeek> {
    let mut weeks: BTreeMap<NaiveDate, Vec<f64>> = BTreeMap::new();
    for (date, offset) in offsets {
        weeks.entry(monday_of(*date)).or_default().push(*offset);
    }
    weeks
        .into_iter()
        .filter_map(|(week, offsets)| BedtimeFigures::of(&offsets).map(|figures| BedtimeWeek { week, figures }))
        .collect()
}

/// Lights-out time against the planned bedtime, per ISO week, from `from` to `to`.
pub fn bedtime_weeks<Tz: TimeZone>(
    routine_file: &RoutineFile,
    journal: &Journal,
    from: NaiveDate,
    to: NaiveDate,
    tz: &Tz,
) -> Vec<BedtimeWeek> {
    let offsets: Vec<TrendPoint> =
        bedtime_offsets(routine_file, journal, to, tz).into_iter().filter(|(date, _)| *date >= from).collect();
    bedtime_weeks_of(&offsets)
}

/// `points` (oldest first) as a plottable [`Trend`]: weekly means beyond
/// [`MAX_DAILY_POINTS`], and a rolling mean of [`ROLLING`] points.
pub fn trend(points: Vec<TrendPoint>) -> Trend {
    let weekly = points.len() > MAX_DAILY_POINTS;
    let points = if weekly {
        let mut weeks: BTreeMap<NaiveDate, (f64, usize)> = BTreeMap::new();
        for (date, value) in points {
            let week = weeks.entry(monday_of(date)).or_default();
            week.0 += value;
            week.1 += 1;
        }
        weeks.into_iter().map(|(week, (sum, n))| (week, sum / n as f64)).collect()
    } else {
        points
    };
    let mut rolling = Vec::with_capacity(points.len());
    let mut sum = 0.0;
    for (index, (date, value)) in points.iter().enumerate() {
        sum += value;
        if index >= ROLLING {
            sum -= points[index - ROLLING].1;
        }
        rolling.push((*date, sum / (index + 1).min(ROLLING) as f64));
    }
    Trend { points, rolling, weekly }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::journal::CheckIn;
    use crate::model::{Anchor, Step};
    use chrono::{DateTime, FixedOffset};

    fn date(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
    }

    fn paris() -> FixedOffset {
        FixedOffset::east_opt(3600).unwrap()
    }

    /// A three-step routine, so shares are easy to read.
    fn routine_file() -> RoutineFile {
        let mut routine_file = RoutineFile::default();
        routine_file
            .routine
            .steps
            .retain(|s| [ids::CAFFEINE_CUTOFF, ids::WARM_BATH, ids::LIGHTS_OUT].contains(&s.id.as_str()));
        routine_file
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
        let routine_file = routine_file();
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
        assert!(!evening_figures(&routine_file, &journal, date(3)).is_tracked());
        let summary = summarize(&routine_file, &journal, date(7), &paris());
        assert_eq!(summary.streaks, Streaks { current: 2, best: 3 });
        assert_eq!((summary.tracked, summary.not_tracked, summary.met), (6, 1, 5));
        assert_eq!(summary.evening(date(3)).map(|e| e.tracked), Some(false));
        assert_eq!(summary.evening(date(8)), None);
        // Tonight (the 8th) not done yet does not break the current streak.
        check(&mut journal, 8, ids::CAFFEINE_CUTOFF, Outcome::Done, "16:30");
        assert_eq!(streaks(&routine_file, &journal, date(8), DEFAULT_STREAK_THRESHOLD_PERCENT).current, 2);
        // Tomorrow, yesterday's one-of-three is a miss.
        assert_eq!(streaks(&routine_file, &journal, date(9), DEFAULT_STREAK_THRESHOLD_PERCENT).current, 0);
    }

    #[test]
    fn an_empty_journal_has_no_figures_and_no_panic() {
        let summary = summarize(&routine_file(), &Journal::default(), date(7), &paris());
        assert!(summary.evenings.is_empty());
        assert_eq!(summary.streaks, Streaks::default());
        assert_eq!(summary.completion_all, None);
        assert_eq!(summary.bedtime_recent, None);
        assert_eq!(summary.caffeine_all, Kept::default());
    }

    #[test]
    fn the_threshold_is_inclusive() {
        let mut routine_file = routine_file();
        for (id, title) in [("stretch", "Stretch"), ("read", "Read")] {
            routine_file.routine.steps.push(Step::custom(
                id.into(),
                title.into(),
                Anchor::BeforeBedtime { minutes: 20 },
            ));
        }
        let mut journal = Journal::default();
        // Five planned steps; four done is exactly 80 %.
        all_done(&mut journal, 1);
        check(&mut journal, 1, "stretch", Outcome::Done, "22:10");
        check(&mut journal, 1, "read", Outcome::Skipped, "22:10");
        let figures = evening_figures(&routine_file, &journal, date(1));
        assert_eq!((figures.planned, figures.done, figures.skipped), (5, 4, 1));
        assert!(figures.meets(80));
        assert!(!figures.meets(81));
        routine_file.settings.streak_threshold_percent = 81;
        assert_eq!(summarize(&routine_file, &journal, date(1), &paris()).streaks.current, 0);
        routine_file.settings.streak_threshold_percent = 80;
        assert_eq!(summarize(&routine_file, &journal, date(1), &paris()).streaks.current, 1);
    }

    #[test]
    fn a_step_added_part_way_counts_only_from_when_it_was_in_the_routine() {
        let mut routine_file = routine_file();
        let mut journal = Journal::default();
        for d in 1..=5 {
            all_done(&mut journal, d);
        }
        // Added on the 4th and checked from then on.
        routine_file.routine.steps.push(Step::custom(
            "stretch".into(),
            "Stretch".into(),
            Anchor::BeforeBedtime { minutes: 20 },
        ));
        check(&mut journal, 4, "stretch", Outcome::Done, "22:10");
        check(&mut journal, 5, "stretch", Outcome::Skipped, "22:10");
        assert_eq!(evening_figures(&routine_file, &journal, date(2)).planned, 3);
        assert_eq!(evening_figures(&routine_file, &journal, date(5)).planned, 4);
        let stretch = adherence(&routine_file, &journal, date(5), 7).into_iter().find(|s| s.id == "stretch").unwrap();
        assert_eq!((stretch.done, stretch.planned), (1, 2));
        let summary = summarize(&routine_file, &journal, date(5), &paris());
        let week = summary.adherence(7).unwrap();
        assert_eq!(week.steps.last().map(|s| (s.id.as_str(), s.done, s.planned)), Some(("stretch", 1, 2)));
        // A recorded routine wins over the derivation.
        journal.evenings.get_mut(&date(2)).unwrap().routine = Some(vec![ids::WARM_BATH.into()]);
        assert_eq!(evening_figures(&routine_file, &journal, date(2)).planned, 1);
        assert_eq!(planned_steps(&routine_file, &journal, date(2)), vec![ids::WARM_BATH.to_owned()]);
    }

    #[test]
    fn a_recorded_routine_counts_a_removed_step_only_while_it_was_there() {
        let routine_file = routine_file();
        let mut journal = Journal::default();
        let with_walk: Vec<String> =
            [ids::CAFFEINE_CUTOFF, ids::WARM_BATH, ids::LIGHTS_OUT, "walk"].map(String::from).to_vec();
        for d in 1..=3 {
            all_done(&mut journal, d);
            journal.evenings.get_mut(&date(d)).unwrap().routine = Some(with_walk.clone());
        }
        // The walk, since removed, was never done on the 1st–3rd: 3 of 4 each evening.
        all_done(&mut journal, 4);
        let summary = summarize(&routine_file, &journal, date(4), &paris());
        assert_eq!(summary.evening(date(1)).map(|e| e.planned), Some(4));
        assert_eq!(summary.evening(date(4)).map(|e| e.planned), Some(3));
        let walk = summary.adherence(7).unwrap().steps.iter().find(|s| s.id == "walk").cloned().unwrap();
        assert_eq!((walk.done, walk.planned), (0, 3));
        assert_eq!(summary.streaks, Streaks { current: 1, best: 1 });
    }

    #[test]
    fn bedtime_consistency_and_caffeine() {
        let routine_file = routine_file();
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
        // A lights-out ticked the next morning is a correction, not a bedtime.
        check(&mut journal, 26, ids::LIGHTS_OUT, Outcome::Done, "22:30");
        journal.evenings.get_mut(&date(26)).unwrap().checks.get_mut(ids::LIGHTS_OUT).unwrap().at =
            DateTime::parse_from_rfc3339("2026-11-27T09:15:00+01:00").unwrap();
        let weeks = bedtime_weeks(&routine_file, &journal, date(1), date(30), &paris());
        assert_eq!(weeks.len(), 1);
        assert_eq!(weeks[0].week, date(23));
        assert_eq!(weeks[0].figures.evenings, 3);
        assert!(weeks[0].figures.mean_offset_minutes.abs() < 1e-9);
        assert!((weeks[0].figures.spread_minutes - (800.0f64 / 3.0).sqrt()).abs() < 1e-9);
        let summary = summarize(&routine_file, &journal, date(26), &paris());
        // The 26th is tracked (its lights-out) and the cut-off was part of it, not kept.
        assert_eq!(summary.caffeine_recent, Kept { kept: 2, planned: 4 });
        assert_eq!(summary.bedtime_recent.as_ref().map(|b| b.evenings), Some(3));
        assert_eq!(summary.bedtime_trend.points.len(), 3);
    }

    #[test]
    fn a_bedtime_after_midnight_is_compared_on_the_right_day() {
        let mut routine_file = routine_file();
        routine_file
            .schedule
            .set(Some(crate::model::time::clock(0, 30)), Some(crate::model::time::clock(8, 30)), &[])
            .unwrap();
        let mut journal = Journal::default();
        // The evening of the 26th; lights out at 00:40 on the 27th.
        let at = DateTime::parse_from_rfc3339("2026-11-27T00:40:00+01:00").unwrap();
        journal.record(date(26), ids::LIGHTS_OUT, CheckIn::new(Outcome::Done, at, None));
        let weeks = bedtime_weeks(&routine_file, &journal, date(1), date(30), &paris());
        assert!((weeks[0].figures.mean_offset_minutes - 10.0).abs() < 1e-9);
        let summary = summarize(&routine_file, &journal, date(26), &paris());
        assert_eq!(summary.tracked, 1);
        assert!((summary.bedtime_recent.unwrap().mean_offset_minutes - 10.0).abs() < 1e-9);
    }

    /// Bedtimes on the two DST nights of 2026 in Berlin count the minutes that passed.
    #[test]
    fn dst_evenings_count_real_minutes() {
        let berlin = chrono_tz::Europe::Berlin;
        let mut routine_file = routine_file();
        routine_file
            .schedule
            .set(Some(crate::model::time::clock(1, 30)), Some(crate::model::time::clock(9, 30)), &[])
            .unwrap();
        let spring = NaiveDate::from_ymd_opt(2026, 3, 28).unwrap();
        let autumn = NaiveDate::from_ymd_opt(2026, 10, 24).unwrap();
        // Spring: planned 01:30 CET; lights out at 03:10 CEST, 40 minutes later.
        let spring_at = DateTime::parse_from_rfc3339("2026-03-29T03:10:00+02:00").unwrap();
        assert!((bedtime_offset_minutes(&routine_file, spring, None, &spring_at, &berlin) - 40.0).abs() < 1e-9);
        // Autumn: planned 01:30 CEST; lights out at 02:10 CET, 100 minutes later.
        let autumn_at = DateTime::parse_from_rfc3339("2026-10-25T02:10:00+01:00").unwrap();
        assert!((bedtime_offset_minutes(&routine_file, autumn, None, &autumn_at, &berlin) - 100.0).abs() < 1e-9);
        let mut journal = Journal::default();
        journal.record(spring, ids::LIGHTS_OUT, CheckIn::new(Outcome::Done, spring_at, None));
        journal.record(autumn, ids::LIGHTS_OUT, CheckIn::new(Outcome::Done, autumn_at, None));
        let summary = summarize(&routine_file, &journal, autumn, &berlin);
        let offsets: Vec<f64> = summary.bedtime_weeks.iter().map(|w| w.figures.mean_offset_minutes).collect();
        assert_eq!(offsets.len(), 2);
        assert!((offsets[0] - 40.0).abs() < 1e-9 && (offsets[1] - 100.0).abs() < 1e-9);
        // The spring evening is counted once, on its own date, despite the short night.
        assert_eq!(summary.evening(spring).map(|e| (e.tracked, e.planned)), Some((true, 1)));
    }

    #[test]
    fn long_histories_plot_weekly_with_a_rolling_mean() {
        let first = date(1);
        let daily: Vec<TrendPoint> = (0..400).map(|d| (first + TimeDelta::days(d), (d % 2) as f64 * 100.0)).collect();
        let trend = trend(daily);
        assert!(trend.weekly);
        assert!(trend.points.len() <= 59);
        assert_eq!(trend.points.len(), trend.rolling.len());
        let short = super::trend(vec![(first, 10.0), (date(2), 20.0), (date(3), 60.0)]);
        assert!(!short.weekly);
        assert_eq!(short.rolling.iter().map(|p| p.1).collect::<Vec<_>>(), vec![10.0, 15.0, 30.0]);
    }

    proptest::proptest! {
        /// Any journal of check-ins, any routine records and threshold: never a panic,
        /// and the counts add up.
        #[test]
        fn summarize_never_panics(
            checks in proptest::collection::vec((0u32..60, 0usize..5, proptest::bool::ANY, -600i64..900), 0..80),
            threshold in 0u32..200,
            today in 0u32..70,
        ) {
            let mut routine_file = routine_file();
            routine_file.settings.streak_threshold_percent = threshold;
            let steps = [ids::CAFFEINE_CUTOFF, ids::WARM_BATH, ids::LIGHTS_OUT, "gone", "other"];
            let mut journal = Journal::default();
            let first = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
            for (day, step, done, minutes) in checks {
                let evening = first + TimeDelta::days(day.into());
                let at = evening.and_hms_opt(22, 30, 0).unwrap().and_local_timezone(paris()).unwrap()
                    + TimeDelta::minutes(minutes);
                let outcome = if done { Outcome::Done } else { Outcome::Skipped };
                journal.record(evening, steps[step], CheckIn::new(outcome, at, None));
                if day % 3 == 0 {
                    journal.evenings.get_mut(&evening).unwrap().routine = Some(vec![steps[step].to_owned()]);
                }
            }
            let today = first + TimeDelta::days(today.into());
            let summary = summarize(&routine_file, &journal, today, &chrono_tz::Europe::Berlin);
            proptest::prop_assert_eq!(summary.tracked + summary.not_tracked, summary.evenings.len());
            proptest::prop_assert!(summary.streaks.current <= summary.streaks.best);
            proptest::prop_assert!(summary.met <= summary.tracked);
        }
    }
}
