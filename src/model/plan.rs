//! An evening's timeline: the routine laid onto a date and a time zone.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, Offset, TimeZone};

use super::catalog::ValueKind;
use super::journal::{CheckIn, Evening, Outcome, PlannedTimes};
use super::routine::{Anchor, Step};
use super::routine_file::RoutineFile;
use super::time::{add_minutes, resolve_local};

/// Where a step stands tonight.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepState {
    Pending,
    Done,
    Skipped,
}

impl StepState {
    pub fn as_str(self) -> &'static str {
        match self {
            StepState::Pending => "pending",
            StepState::Done => "done",
            StepState::Skipped => "skipped",
        }
    }

    fn of(check_in: Option<&CheckIn>) -> Self {
        match check_in.map(|c| c.outcome) {
            None => StepState::Pending,
            Some(Outcome::Done) => StepState::Done,
            Some(Outcome::Skipped) => StepState::Skipped,
        }
    }
}

/// One step placed on the evening's timeline.
#[derive(Debug, Clone)]
pub struct PlannedStep<Tz: TimeZone> {
    pub id: String,
    /// The user's own title, if they set one (always for a custom step).
    pub custom_title: Option<String>,
    /// The user's own "why", if they set one.
    pub custom_why: Option<String>,
    pub anchor: Anchor,
    /// The clock time the routine asks for, which may not exist on a DST night.
    pub due_local: NaiveDateTime,
    /// The instant it is due.
    pub due: DateTime<Tz>,
    pub remind: bool,
    pub value_kind: Option<ValueKind>,
    pub state: StepState,
    pub check_in: Option<CheckIn>,
    /// Whether the step counts this evening: it was due after the routine was first
    /// saved and after the step was added ([`counts_from`]). A step that does not count
    /// is never missed and is left out of the evening's figures.
    pub counted: bool,
}

/// The evening's timeline, sorted by due instant (routine order breaks ties).
#[derive(Debug, Clone)]
pub struct Plan<Tz: TimeZone> {
    pub evening: NaiveDate,
    pub bedtime: DateTime<Tz>,
    pub wake: DateTime<Tz>,
    pub steps: Vec<PlannedStep<Tz>>,
    /// The night after this evening is already in the night log (no morning invitation).
    pub night_logged: bool,
    /// Minutes a step stays "due now" after its time before it counts as missed: the
    /// reminders' grace window, so the window and the reminders agree on "late".
    pub grace_minutes: i64,
}

/// Where a step stands at a given moment; each front end shows these in its own way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Timing {
    Done,
    Skipped,
    /// Past its time and its grace window, never checked.
    Missed,
    /// Its time has come and its grace window has not passed.
    DueNow,
    /// Nothing is due now: the next pending step.
    Next,
    Upcoming,
    /// Due before the routine was first saved or before the step was added.
    NotCounted,
}

impl<Tz: TimeZone> Plan<Tz> {
    /// The steps that count this evening.
    pub fn counted(&self) -> impl Iterator<Item = &PlannedStep<Tz>> {
        self.steps.iter().filter(|step| step.counted)
    }

    /// How many of the steps that count are in `state`.
    pub fn count(&self, state: StepState) -> usize {
        self.counted().filter(|step| step.state == state).count()
    }

    /// How many steps count this evening.
    pub fn total(&self) -> usize {
        self.counted().count()
    }

    /// Share of the steps that count no longer pending, 0.0 ..= 1.0.
    pub fn progress(&self) -> f32 {
        if self.total() == 0 {
            return 1.0;
        }
        let settled = self.total() - self.count(StepState::Pending);
        settled as f32 / self.total() as f32
    }

    pub fn all_settled(&self) -> bool {
        self.total() > 0 && self.count(StepState::Pending) == 0
    }

    pub fn get(&self, id: &str) -> Option<&PlannedStep<Tz>> {
        self.steps.iter().find(|step| step.id == id)
    }

    /// Whether it is night: bedtime has passed and the alarm has not rung yet.
    pub fn is_night(&self, now: &DateTime<Tz>) -> bool {
        self.bedtime <= *now && *now < self.wake
    }

    /// Whether `step`'s time has come and its grace window has not passed yet.
    fn in_grace(&self, step: &PlannedStep<Tz>, now: &DateTime<Tz>) -> bool {
        step.due <= *now && *now < step.due.clone() + chrono::TimeDelta::minutes(self.grace_minutes)
    }

    /// The step to do now: the earliest pending one whose time has come and whose grace
    /// window has not passed, or else the next pending one not due yet. A step whose
    /// grace window has passed (the morning's warm-up, seen in the evening) is missed,
    /// never "due now". None at night: the steps left wait for tomorrow.
    pub fn current(&self, now: &DateTime<Tz>) -> Option<&PlannedStep<Tz>> {
        if self.is_night(now) {
            return None;
        }
        let pending = || self.counted().filter(|s| s.state == StepState::Pending);
        pending().find(|s| self.in_grace(s, now)).or_else(|| pending().find(|s| s.due > *now))
    }

    /// Where `step` stands at `now`.
    pub fn timing(&self, step: &PlannedStep<Tz>, now: &DateTime<Tz>) -> Timing {
        match step.state {
            StepState::Done => return Timing::Done,
            StepState::Skipped => return Timing::Skipped,
            StepState::Pending if !step.counted => return Timing::NotCounted,
            StepState::Pending => {}
        }
        if self.in_grace(step, now) && !self.is_night(now) {
            Timing::DueNow
        } else if step.due <= *now {
            Timing::Missed
        } else if self.current(now).is_some_and(|current| current.id == step.id) {
            Timing::Next
        } else {
            Timing::Upcoming
        }
    }

    /// Minutes of sleep between the real bedtime and wake instants (DST-aware).
    pub fn sleep_minutes(&self) -> i64 {
        (self.wake.clone() - self.bedtime.clone()).num_minutes()
    }
}

/// The local clock time a step is due on `evening`.
pub fn due_local(routine_file: &RoutineFile, evening: NaiveDate, anchor: Anchor) -> NaiveDateTime {
    let schedule = &routine_file.schedule;
    match anchor {
        Anchor::BeforeBedtime { minutes } => add_minutes(schedule.bedtime(evening), -i64::from(minutes)),
        Anchor::AfterWake { minutes } => add_minutes(schedule.day_start(evening), minutes.into()),
        Anchor::At { time } => schedule.in_day(evening, time),
    }
}

/// Whether `step` is part of the evening at all: enabled and in season.
pub fn is_active(routine_file: &RoutineFile, evening: NaiveDate, step: &Step) -> bool {
    step.enabled && step.catalog_entry().is_none_or(|entry| entry.applies_on(evening, routine_file.settings.hemisphere))
}

/// The moment `step` began to count: the later of the routine's first save and the
/// step's own addition; `None` when it always counted (older files).
pub fn counts_from(routine_file: &RoutineFile, step: &Step) -> Option<DateTime<FixedOffset>> {
    routine_file.since.max(step.added)
}

/// Whether `step`, due at `due`, counts: a step due before it began to count never
/// counts as missed (Loop Habit Tracker never counts the days before a habit existed).
pub fn counts_at<Tz: TimeZone>(routine_file: &RoutineFile, step: &Step, due: &DateTime<Tz>) -> bool {
    due_from(counts_from(routine_file, step), due)
}

/// Whether something due at `due` comes after the routine was first saved: the same rule
/// as [`counts_at`] for what stands for no one step (the reminders' wind-down, bedtime
/// and morning invitation).
pub fn after_start<Tz: TimeZone>(routine_file: &RoutineFile, due: &DateTime<Tz>) -> bool {
    due_from(routine_file.since, due)
}

fn due_from<Tz: TimeZone>(from: Option<DateTime<FixedOffset>>, due: &DateTime<Tz>) -> bool {
    from.is_none_or(|from| due.naive_utc() >= from.naive_utc())
}

/// The steps that count on `evening` in `tz`: active, and due after they began to count.
/// What an evening's routine is, for the journal and the statistics.
pub fn counted_steps<Tz: TimeZone>(routine_file: &RoutineFile, evening: NaiveDate, tz: &Tz) -> Vec<String> {
    routine_file
        .routine
        .steps
        .iter()
        .filter(|step| is_active(routine_file, evening, step) && counts_on(routine_file, evening, tz, step))
        .map(|step| step.id.clone())
        .collect()
}

/// Whether `step` counts on `evening` in `tz` (see [`counts_at`]).
pub fn counts_on<Tz: TimeZone>(routine_file: &RoutineFile, evening: NaiveDate, tz: &Tz, step: &Step) -> bool {
    counts_at(routine_file, step, &resolve_local(tz, due_local(routine_file, evening, step.anchor)))
}

/// Lays the routine onto `evening` in `tz` with today's times, and the check-ins recorded
/// so far: tonight's plan (a past evening is laid out by [`plan_as_of`]).
pub fn plan_evening<Tz: TimeZone>(
    routine_file: &RoutineFile,
    evening: NaiveDate,
    tz: &Tz,
    recorded: Option<&Evening>,
) -> Plan<Tz> {
    lay_out(routine_file, evening, tz, recorded, false)
}

/// The plan of `evening` as seen on the evening `today`: tonight (and any evening ahead)
/// with today's routine ([`plan_evening`]); an evening before with its own, as recorded
/// with it ([`plan_past_evening`]). What every front end shows for any evening.
pub fn plan_as_of<Tz: TimeZone>(
    routine_file: &RoutineFile,
    evening: NaiveDate,
    tz: &Tz,
    recorded: Option<&Evening>,
    today: NaiveDate,
) -> Plan<Tz> {
    lay_out(routine_file, evening, tz, recorded, evening < today)
}

/// A past evening as it was planned: each step at the time recorded with the evening
/// (see [`PlannedTimes`]), bedtime and wake too, and a step counts when it was in the
/// evening's recorded routine (or was checked), whatever `since` and `added` say now,
/// so an evening brought in by an import or a merge counts as it did where it was
/// recorded. What was not recorded (an evening from before times were kept, a step
/// added since) is laid out with today's routine, as [`plan_evening`] does.
pub fn plan_past_evening<Tz: TimeZone>(
    routine_file: &RoutineFile,
    evening: NaiveDate,
    tz: &Tz,
    recorded: Option<&Evening>,
) -> Plan<Tz> {
    lay_out(routine_file, evening, tz, recorded, true)
}

/// The times to record with `evening` at `at`: bedtime, wake and each step's due time as
/// today's routine plans them (the active steps: those the evening shows).
pub fn planned_times(routine_file: &RoutineFile, evening: NaiveDate, at: DateTime<FixedOffset>) -> PlannedTimes {
    PlannedTimes {
        at,
        bedtime: routine_file.schedule.bedtime(evening),
        wake: routine_file.schedule.wake(evening),
        steps: routine_file
            .routine
            .steps
            .iter()
            .filter(|step| is_active(routine_file, evening, step))
            .map(|step| (step.id.clone(), due_local(routine_file, evening, step.anchor)))
            .collect(),
        extra: Default::default(),
    }
}

/// The local bedtime `evening` was planned with: the one recorded with it, or today's
/// schedule's.
pub fn planned_bedtime(routine_file: &RoutineFile, evening: NaiveDate, recorded: Option<&Evening>) -> NaiveDateTime {
    recorded
        .and_then(|recorded| recorded.times.as_ref()?.night(evening))
        .map_or_else(|| routine_file.schedule.bedtime(evening), |(bedtime, _)| bedtime)
}

fn lay_out<Tz: TimeZone>(
    routine_file: &RoutineFile,
    evening: NaiveDate,
    tz: &Tz,
    recorded: Option<&Evening>,
    past: bool,
) -> Plan<Tz> {
    let kept = recorded.filter(|_| past);
    let times = kept.and_then(|recorded| recorded.times.as_ref());
    let routine = kept.and_then(|recorded| recorded.routine.as_ref());
    let mut steps: Vec<PlannedStep<Tz>> = routine_file
        .routine
        .steps
        .iter()
        .filter(|step| is_active(routine_file, evening, step))
        .map(|step| {
            let due_local = times
                .and_then(|times| times.step(evening, &step.id))
                .unwrap_or_else(|| due_local(routine_file, evening, step.anchor));
            let check_in = recorded.and_then(|recorded| recorded.checks.get(&step.id)).cloned();
            let due = resolve_local(tz, due_local);
            // A step checked anyway counts: the journal puts it in the evening's routine.
            let counted = check_in.is_some()
                || match routine {
                    Some(routine) => routine.contains(&step.id),
                    None => counts_at(routine_file, step, &due),
                };
            PlannedStep {
                id: step.id.clone(),
                custom_title: step.title.clone(),
                custom_why: step.why.clone(),
                anchor: step.anchor,
                due_local,
                counted,
                due,
                remind: step.remind,
                value_kind: step.value_kind(),
                state: StepState::of(check_in.as_ref()),
                check_in,
            }
        })
        .collect();
    // A stable sort keeps the routine's order for steps due at the same instant.
    steps.sort_by(|a, b| a.due.cmp(&b.due));
    let (bedtime, wake) = times
        .and_then(|times| times.night(evening))
        .unwrap_or_else(|| (routine_file.schedule.bedtime(evening), routine_file.schedule.wake(evening)));
    Plan {
        evening,
        bedtime: resolve_local(tz, bedtime),
        wake: resolve_local(tz, wake),
        steps,
        night_logged: recorded.is_some_and(|recorded| recorded.night.is_some()),
        grace_minutes: routine_file.settings.grace_minutes().into(),
    }
}

/// The evening that `now` belongs to in `tz`: "tonight" until the next morning's alarm.
/// The one rule for which evening is today: the window (Tonight, its pause, Settings'
/// reminders), `plan`, `status`, `check`, `reminders` and the reminder service all ask
/// here, with the instant they are drawn or run at (tests/use_cases_which_evening.rs).
pub fn evening_at<Tz: TimeZone>(routine_file: &RoutineFile, now: &DateTime<Tz>) -> NaiveDate {
    // `naive_local` panics at the very end of chrono's range; read the clock with care.
    let utc = now.naive_utc();
    routine_file.schedule.evening_of(utc.checked_add_offset(now.offset().fix()).unwrap_or(utc))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Day, Journal, Step, time::clock};
    use chrono::{FixedOffset, Utc};
    use chrono_tz::{America::New_York, Australia::Lord_Howe, Europe::Berlin};

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn utc(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn default_evening_in_berlin() {
        let routine_file = RoutineFile::default();
        let plan = plan_evening(&routine_file, date(2026, 11, 26), &Berlin, None);
        let ids: Vec<_> = plan.steps.iter().map(|s| s.id.as_str()).collect();
        // The morning warm-up of the same day comes first, then the evening.
        assert_eq!(ids[..2], ["daytime-movement", "caffeine-cutoff"]);
        assert_eq!(plan.get("daytime-movement").unwrap().due.to_rfc3339(), "2026-11-26T07:00:00+01:00");
        assert_eq!(ids.last(), Some(&"lights-out"));
        // The wind-down starts before the bath, so its "from now on" never comes after it.
        assert_eq!(plan.get("calm-evening").unwrap().due.to_rfc3339(), "2026-11-26T20:30:00+01:00");
        assert!(plan.get("calm-evening").unwrap().due <= plan.get("warm-bath").unwrap().due);
        assert!(ids.contains(&"warm-hands-feet"), "November is cold in the north");
        let caffeine = plan.get("caffeine-cutoff").unwrap();
        assert_eq!(caffeine.due.to_rfc3339(), "2026-11-26T16:30:00+01:00");
        assert_eq!(plan.get("warm-bath").unwrap().due.to_rfc3339(), "2026-11-26T21:00:00+01:00");
        assert_eq!(plan.bedtime.to_rfc3339(), "2026-11-26T22:30:00+01:00");
        assert_eq!(plan.wake.to_rfc3339(), "2026-11-27T07:00:00+01:00");
        assert_eq!(plan.sleep_minutes(), 510);
        // Ties (calm-ambience and ventilate-bedroom, both 45 min) keep routine order.
        let ambience = ids.iter().position(|id| *id == "calm-ambience").unwrap();
        assert_eq!(ids[ambience + 1], "ventilate-bedroom");
        assert!(plan.steps.windows(2).all(|w| w[0].due <= w[1].due));
    }

    #[test]
    fn seasonal_step_follows_the_hemisphere() {
        let mut routine_file = RoutineFile::default();
        let july = date(2026, 7, 1);
        assert!(plan_evening(&routine_file, july, &Berlin, None).get("warm-hands-feet").is_none());
        routine_file.settings.hemisphere = crate::model::Hemisphere::Southern;
        assert!(plan_evening(&routine_file, july, &Lord_Howe, None).get("warm-hands-feet").is_some());
    }

    #[test]
    fn an_evening_owns_steps_on_both_sides_of_midnight() {
        let mut routine_file = RoutineFile::default();
        routine_file.schedule.set(Some(clock(0, 30)), Some(clock(8, 30)), &[]).unwrap();
        routine_file.routine.get_mut("caffeine-cutoff").unwrap().anchor = Anchor::At { time: clock(14, 0) };
        let plan = plan_evening(&routine_file, date(2026, 11, 26), &New_York, None);
        assert_eq!(plan.get("caffeine-cutoff").unwrap().due.to_rfc3339(), "2026-11-26T14:00:00-05:00");
        assert_eq!(plan.get("lights-out").unwrap().due.to_rfc3339(), "2026-11-27T00:30:00-05:00");
        assert_eq!(plan.get("warm-bath").unwrap().due.to_rfc3339(), "2026-11-26T23:00:00-05:00");
        // At 00:10 on the 27th it is still the evening of the 26th.
        let now = utc("2026-11-27T05:10:00Z").with_timezone(&New_York);
        assert_eq!(evening_at(&routine_file, &now), date(2026, 11, 26));
    }

    #[test]
    fn after_wake_anchor_uses_the_morning_of_the_evening() {
        let mut routine_file = RoutineFile::default();
        routine_file.routine.get_mut("daytime-movement").unwrap().anchor = Anchor::AfterWake { minutes: 30 };
        let plan = plan_evening(&routine_file, date(2026, 11, 26), &Berlin, None);
        assert_eq!(plan.get("daytime-movement").unwrap().due.to_rfc3339(), "2026-11-26T07:30:00+01:00");
        assert_eq!(plan.steps[0].id, "daytime-movement");
    }

    #[test]
    fn spring_forward_gap_fires_at_the_first_valid_instant() {
        // New York 2026-03-08 02:00 -> 03:00. A 02:30 bedtime on the evening of the 7th.
        let mut routine_file = RoutineFile::default();
        routine_file.schedule.set(Some(clock(2, 30)), Some(clock(10, 30)), &[]).unwrap();
        let plan = plan_evening(&routine_file, date(2026, 3, 7), &New_York, None);
        let lights_out = plan.get("lights-out").unwrap();
        assert_eq!(lights_out.due_local, date(2026, 3, 8).and_time(clock(2, 30)));
        assert_eq!(lights_out.due.to_rfc3339(), "2026-03-08T03:00:00-04:00");
        // 15 min before a 02:30 bedtime is 02:15, also in the gap: same instant.
        assert_eq!(plan.get("dark-quiet-bedroom").unwrap().due, lights_out.due);
        // Timeline stays sorted; the lost hour shortens the night to 7 h 30 min.
        assert!(plan.steps.windows(2).all(|w| w[0].due <= w[1].due));
        assert_eq!(plan.sleep_minutes(), 7 * 60 + 30);
    }

    #[test]
    fn fall_back_fold_uses_the_earlier_instant() {
        // Berlin 2026-10-25 03:00 -> 02:00. Bedtime 02:30 on the evening of the 24th.
        let mut routine_file = RoutineFile::default();
        routine_file.schedule.set(Some(clock(2, 30)), Some(clock(10, 30)), &[]).unwrap();
        let plan = plan_evening(&routine_file, date(2026, 10, 24), &Berlin, None);
        assert_eq!(plan.get("lights-out").unwrap().due.to_rfc3339(), "2026-10-25T02:30:00+02:00");
        assert_eq!(plan.sleep_minutes(), 9 * 60);
    }

    #[test]
    fn lord_howe_half_hour_gap() {
        // Lord Howe 2026-10-04 02:00 -> 02:30.
        let mut routine_file = RoutineFile::default();
        routine_file.schedule.set(Some(clock(2, 15)), Some(clock(10, 0)), &[]).unwrap();
        let plan = plan_evening(&routine_file, date(2026, 10, 3), &Lord_Howe, None);
        assert_eq!(plan.bedtime.to_rfc3339(), "2026-10-04T02:30:00+11:00");
        assert_eq!(plan.sleep_minutes(), 7 * 60 + 30);
    }

    #[test]
    fn states_come_from_the_journal() {
        let routine_file = RoutineFile::default();
        let evening = date(2026, 11, 26);
        let mut journal = Journal::default();
        let at = DateTime::<FixedOffset>::parse_from_rfc3339("2026-11-26T21:05:00+01:00").unwrap();
        journal.record(evening, "warm-bath", CheckIn::new(Outcome::Done, at, None));
        journal.record(evening, "humidity-check", CheckIn::new(Outcome::Skipped, at, None));
        let plan = plan_evening(&routine_file, evening, &Berlin, journal.evening(evening));
        assert_eq!(plan.get("warm-bath").unwrap().state, StepState::Done);
        assert_eq!(plan.get("humidity-check").unwrap().state, StepState::Skipped);
        assert_eq!(plan.count(StepState::Pending), plan.steps.len() - 2);
    }

    #[test]
    fn due_now_is_the_step_within_its_grace_window_and_the_morning_step_is_missed() {
        // The default routine's dinner is at 19:30 (three hours before a 22:30 bedtime).
        let mut routine_file = RoutineFile::default();
        let evening = date(2026, 11, 26);
        let plan = plan_evening(&routine_file, evening, &Berlin, None);
        let at = |h, m| Berlin.from_local_datetime(&evening.and_time(clock(h, m))).unwrap();
        let timing = |id: &str, now| plan.timing(plan.get(id).unwrap(), &now);
        // 19:38: dinner (19:30) is within the 15-minute grace window; the 07:00 warm-up is long past.
        assert_eq!(plan.current(&at(19, 38)).unwrap().id, "mineral-dinner");
        assert_eq!(timing("mineral-dinner", at(19, 38)), Timing::DueNow);
        assert_eq!(timing("daytime-movement", at(19, 38)), Timing::Missed);
        assert_eq!(timing("caffeine-cutoff", at(19, 38)), Timing::Missed);
        // Past the grace window dinner is missed too, and the next step is the current one.
        assert_eq!(timing("mineral-dinner", at(19, 46)), Timing::Missed);
        let next = plan.current(&at(19, 46)).unwrap();
        assert!(next.due > at(19, 46));
        assert_eq!(plan.timing(next, &at(19, 46)), Timing::Next);
        // The grace window is the reminders' own.
        routine_file.settings.grace_minutes = 5;
        let plan = plan_evening(&routine_file, evening, &Berlin, None);
        assert_eq!(plan.timing(plan.get("mineral-dinner").unwrap(), &at(19, 36)), Timing::Missed);
        // At night nothing is current and nothing is due now.
        assert!(plan.current(&at(23, 0)).is_none());
        assert_eq!(plan.timing(plan.get("lights-out").unwrap(), &at(22, 35)), Timing::Missed);
    }

    #[test]
    fn a_past_evening_keeps_the_times_it_was_planned_with() {
        let mut routine_file = RoutineFile::default();
        let evening = date(2026, 12, 5);
        let at = DateTime::parse_from_rfc3339("2026-12-05T21:05:00+01:00").unwrap();
        let mut journal = Journal::default();
        journal.record(evening, "warm-bath", CheckIn::new(Outcome::Done, at, None));
        journal.evenings.get_mut(&evening).unwrap().times = Some(planned_times(&routine_file, evening, at));
        // The next day the bath moves to 06:49, and bedtime to 23:00.
        routine_file.routine.get_mut("warm-bath").unwrap().anchor = Anchor::At { time: clock(6, 49) };
        routine_file.schedule.set(Some(clock(23, 0)), None, &[]).unwrap();
        let today = date(2026, 12, 6);
        let past = plan_as_of(&routine_file, evening, &Berlin, journal.evening(evening), today);
        assert_eq!(past.get("warm-bath").unwrap().due.to_rfc3339(), "2026-12-05T21:00:00+01:00");
        assert_eq!(past.bedtime.to_rfc3339(), "2026-12-05T22:30:00+01:00");
        assert_eq!(planned_bedtime(&routine_file, evening, journal.evening(evening)), evening.and_time(clock(22, 30)));
        // Tonight has today's times; so has an evening recorded before times were kept.
        let tonight = plan_as_of(&routine_file, today, &Berlin, None, today);
        // (06:49 is before the 07:00 alarm: the morning after, as in the routine editor.)
        assert_eq!(tonight.get("warm-bath").unwrap().due.to_rfc3339(), "2026-12-07T06:49:00+01:00");
        assert_eq!(tonight.bedtime.to_rfc3339(), "2026-12-06T23:00:00+01:00");
        journal.evenings.get_mut(&evening).unwrap().times = None;
        let old = plan_as_of(&routine_file, evening, &Berlin, journal.evening(evening), today);
        assert_eq!(old.get("warm-bath").unwrap().due.to_rfc3339(), "2026-12-06T06:49:00+01:00");
        // The same evening seen as tonight (plan_evening) is today's routine too.
        let as_tonight = plan_evening(&routine_file, evening, &Berlin, journal.evening(evening));
        assert_eq!(as_tonight.get("warm-bath").unwrap().due, old.get("warm-bath").unwrap().due);
    }

    #[test]
    fn a_past_evening_counts_the_steps_of_its_recorded_routine() {
        // Imported from a computer whose routine began earlier than this one's: the evening
        // counts what its routine held there, not what `since` says here.
        let since = Some(DateTime::parse_from_rfc3339("2026-12-06T19:38:00+01:00").unwrap());
        let routine_file = RoutineFile { since, ..RoutineFile::default() };
        let evening = date(2026, 12, 1);
        let mut journal = Journal::default();
        let at = DateTime::parse_from_rfc3339("2026-12-01T21:05:00+01:00").unwrap();
        journal.record(evening, "warm-bath", CheckIn::new(Outcome::Done, at, None));
        journal.evenings.get_mut(&evening).unwrap().routine = Some(vec!["warm-bath".into(), "lights-out".into()]);
        let today = date(2026, 12, 6);
        let plan = plan_as_of(&routine_file, evening, &Berlin, journal.evening(evening), today);
        let counted: Vec<_> = plan.counted().map(|step| step.id.as_str()).collect();
        assert_eq!(counted, ["warm-bath", "lights-out"]);
        // Without a recorded routine, `since` decides, as on tonight's plan.
        journal.evenings.get_mut(&evening).unwrap().routine = None;
        let plan = plan_as_of(&routine_file, evening, &Berlin, journal.evening(evening), today);
        assert_eq!(plan.counted().map(|step| step.id.as_str()).collect::<Vec<_>>(), ["warm-bath"]);
    }

    #[test]
    fn disabled_and_custom_steps() {
        let mut routine_file = RoutineFile::default();
        routine_file.routine.get_mut("warm-bath").unwrap().enabled = false;
        routine_file.routine.steps.push(Step::custom(
            "read".into(),
            "Read a paper book".into(),
            Anchor::BeforeBedtime { minutes: 25 },
        ));
        routine_file.schedule.set(Some(clock(23, 0)), None, &[Day::Thu]).unwrap();
        let plan = plan_evening(&routine_file, date(2026, 11, 26), &Berlin, None);
        assert!(plan.get("warm-bath").is_none());
        assert_eq!(plan.get("read").unwrap().due.to_rfc3339(), "2026-11-26T22:35:00+01:00");
    }
}
