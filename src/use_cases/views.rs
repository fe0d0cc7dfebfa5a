//! What the front ends show: an evening's plan, tonight's status with the next reminder,
//! and what happened to each reminder of an evening.
//!
//! Why it exists: "which evening is tonight", "the routine as the reminder service sees
//! it" (off until a routine is saved) and "is the service running" are rules; each is
//! answered here once, so the window, the command line and the tray agree.

use chrono::{DateTime, NaiveDate, TimeZone};

use super::Coach;
use crate::model::plan::plan_as_of;
use crate::model::{Journal, Plan, ReminderLog, RoutineFile, evening_at, stats};
use crate::remind::effective_routine_file;
use crate::remind::engine::{Reminder, next_reminder};
use crate::remind::fates::evening_fates;
pub use crate::remind::fates::{Fate, Row, fate_text};
use crate::store::{Loaded, Snapshot, StoreError};

/// An evening's timeline, with the files it was made from (of the journal, that evening only).
pub struct EveningView<Tz: TimeZone> {
    pub snapshot: Snapshot,
    pub evening: NaiveDate,
    pub plan: Plan<Tz>,
}

impl<Tz: TimeZone> EveningView<Tz> {
    pub fn routine_file(&self) -> &RoutineFile {
        &self.snapshot.routine_file.value
    }

    /// No routine was saved yet: what is shown is the embedded default.
    pub fn first_run(&self) -> bool {
        self.snapshot.is_first_run()
    }
}

/// Tonight: the plan, whether reminders are paused, and the next reminder.
pub struct StatusView<Tz: TimeZone> {
    pub tonight: EveningView<Tz>,
    pub paused: bool,
    pub next: Option<Reminder<Tz>>,
    /// Reminders are on, but none is sent until a routine is saved.
    pub waiting_for_routine: bool,
}

/// What happened to each reminder of an evening, and why.
pub struct ReminderFates {
    pub evening: NaiveDate,
    pub reminders_on: bool,
    pub service_running: bool,
    pub paused: bool,
    pub rows: Vec<Row>,
}

/// The evening `date` names, or the one `now` belongs to, and its plan: what Tonight, the
/// tray, `plan` and `status` show.
pub fn evening_plan<Tz: TimeZone>(
    routine_file: &RoutineFile,
    journal: &Journal,
    date: Option<NaiveDate>,
    now: &DateTime<Tz>,
) -> (NaiveDate, Plan<Tz>) {
    let today = evening_at(routine_file, now);
    let evening = date.unwrap_or(today);
    (evening, plan_as_of(routine_file, evening, &now.timezone(), journal.evening(evening), today))
}

/// The next reminder of `plan` as the service will send it (by the service's own rule:
/// none until a routine is saved).
pub fn next_reminder_of<Tz: TimeZone>(
    routine_file: &Loaded<RoutineFile>,
    plan: &Plan<Tz>,
    log: &ReminderLog,
    now: &DateTime<Tz>,
) -> Option<Reminder<Tz>> {
    next_reminder(&effective_routine_file(routine_file), plan, log, now)
}

/// Streaks, per-step adherence, bedtime steadiness and trends up to the evening `now`
/// belongs to: what History and `stats` show.
pub fn statistics_of<Tz: TimeZone>(
    routine_file: &RoutineFile,
    journal: &Journal,
    now: &DateTime<Tz>,
) -> stats::HistoryStats {
    stats::summarize(routine_file, journal, evening_at(routine_file, now), &now.timezone())
}

/// Whether the reminder service should run: reminders on and a routine saved.
pub fn reminders_wanted(loaded: &Loaded<RoutineFile>) -> bool {
    effective_routine_file(loaded).settings.reminders
}

/// Reminders are on in the settings, but the service sends none until a routine is saved.
pub fn waiting_for_routine(loaded: &Loaded<RoutineFile>) -> bool {
    loaded.value.settings.reminders && !effective_routine_file(loaded).settings.reminders
}

/// The History screen's and `stats`' figures, with the files they come from.
pub struct StatisticsView {
    pub snapshot: Snapshot,
    pub summary: stats::HistoryStats,
}

impl Coach {
    /// The routine and, of the journal, only the evening of `date` (or the one `now`
    /// belongs to): its month's file is all a plan or a status reads.
    fn load_evening<Tz: TimeZone>(&self, date: Option<NaiveDate>, now: &DateTime<Tz>) -> Result<Snapshot, StoreError> {
        let evening = match date {
            Some(date) => date,
            None => evening_at(&self.load_routine_file()?.value, now),
        };
        self.load_near(evening..=evening)
    }

    /// Streaks, per-step adherence, bedtime steadiness and trends up to tonight.
    pub fn statistics<Tz: TimeZone>(&self, now: &DateTime<Tz>) -> Result<StatisticsView, StoreError> {
        let snapshot = self.load()?;
        let summary = statistics_of(&snapshot.routine_file.value, &snapshot.journal.value, now);
        Ok(StatisticsView { snapshot, summary })
    }

    /// The evening of `date`, or the evening `now` belongs to.
    pub fn evening<Tz: TimeZone>(
        &self,
        date: Option<NaiveDate>,
        now: &DateTime<Tz>,
    ) -> Result<EveningView<Tz>, StoreError> {
        let snapshot = self.load_evening(date, now)?;
        let (evening, plan) = evening_plan(&snapshot.routine_file.value, &snapshot.journal.value, date, now);
        Ok(EveningView { snapshot, evening, plan })
    }

    /// Tonight's progress, whether reminders are paused, and the next one.
    pub fn status<Tz: TimeZone>(&self, now: &DateTime<Tz>) -> Result<StatusView<Tz>, StoreError> {
        let tonight = self.evening(None, now)?;
        let log = self.reminder_log()?.value;
        let paused = log.is_paused(tonight.evening);
        let next = next_reminder_of(&tonight.snapshot.routine_file, &tonight.plan, &log, now);
        let waiting_for_routine = waiting_for_routine(&tonight.snapshot.routine_file);
        Ok(StatusView { tonight, paused, next, waiting_for_routine })
    }

    /// What happened to each reminder of the evening of `date` (or tonight's), as the
    /// reminder service sees the routine.
    pub fn reminder_fates<Tz: TimeZone>(
        &self,
        date: Option<NaiveDate>,
        now: &DateTime<Tz>,
    ) -> Result<ReminderFates, StoreError> {
        let snapshot = self.load_evening(date, now)?;
        let evening = date.unwrap_or_else(|| evening_at(&snapshot.routine_file.value, now));
        let log = self.reminder_log()?.value;
        Ok(fates(&snapshot, evening, &log, now, self.service_running()))
    }
}

/// The reminders of `evening` and what came of each, from files already read.
pub fn fates<Tz: TimeZone>(
    snapshot: &Snapshot,
    evening: NaiveDate,
    log: &ReminderLog,
    now: &DateTime<Tz>,
    service_running: bool,
) -> ReminderFates {
    // The routine as the service sees it: off until a routine is saved.
    let routine_file = effective_routine_file(&snapshot.routine_file);
    let (_, plan) = evening_plan(&routine_file, &snapshot.journal.value, Some(evening), now);
    ReminderFates {
        evening,
        reminders_on: routine_file.settings.reminders,
        service_running,
        paused: log.is_paused(evening),
        rows: evening_fates(&routine_file, &plan, log, now),
    }
}
