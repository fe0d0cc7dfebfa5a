//! What the front ends show: an evening's plan, tonight's status with the next reminder,
//! and what happened to each reminder of an evening.
//!
//! Why it exists: "which evening is tonight", "the routine as the reminder service sees
//! it" (off until a routine is saved) and "is the service running" are rules; each is
//! answered here once, so the window, the command line and the tray agree.

use chrono::{DateTime, NaiveDate, TimeZone};

use super::Coach;
use crate::model::plan::plan_as_of;
use crate::model::{Config, Journal, Plan, ReminderLog, evening_at, stats};
use crate::remind::effective_config;
use crate::remind::engine::{Reminder, next_reminder};
use crate::remind::fates::evening_fates;
pub use crate::remind::fates::{Fate, Row, fate_text};
use crate::store::{Loaded, Snapshot, StoreError};

/// An evening's timeline, with the files it was made from.
pub struct EveningView<Tz: TimeZone> {
    pub snapshot: Snapshot,
    pub evening: NaiveDate,
    pub plan: Plan<Tz>,
}

impl<Tz: TimeZone> EveningView<Tz> {
    pub fn config(&self) -> &Config {
        &self.snapshot.config.value
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
    config: &Config,
    journal: &Journal,
    date: Option<NaiveDate>,
    now: &DateTime<Tz>,
) -> (NaiveDate, Plan<Tz>) {
    let today = evening_at(config, now);
    let evening = date.unwrap_or(today);
    (evening, plan_as_of(config, evening, &now.timezone(), journal.evening(evening), today))
}

/// The next reminder of `plan` as the service will send it (by the service's own rule:
/// none until a routine is saved).
pub fn next_reminder_of<Tz: TimeZone>(
    config: &Loaded<Config>,
    plan: &Plan<Tz>,
    log: &ReminderLog,
    now: &DateTime<Tz>,
) -> Option<Reminder<Tz>> {
    next_reminder(&effective_config(config), plan, log, now)
}

/// Streaks, per-step adherence, bedtime steadiness and trends up to the evening `now`
/// belongs to: what History and `stats` show.
pub fn statistics_of<Tz: TimeZone>(config: &Config, journal: &Journal, now: &DateTime<Tz>) -> stats::HistoryStats {
    stats::summarize(config, journal, evening_at(config, now), &now.timezone())
}

/// Whether the reminder service should run: reminders on and a routine saved.
pub fn reminders_wanted(loaded: &Loaded<Config>) -> bool {
    effective_config(loaded).settings.reminders
}

/// Reminders are on in the settings, but the service sends none until a routine is saved.
pub fn waiting_for_routine(loaded: &Loaded<Config>) -> bool {
    loaded.value.settings.reminders && !effective_config(loaded).settings.reminders
}

/// The History screen's and `stats`' figures, with the files they come from.
pub struct StatisticsView {
    pub snapshot: Snapshot,
    pub summary: stats::HistoryStats,
}

impl Coach {
    /// Streaks, per-step adherence, bedtime steadiness and trends up to tonight.
    pub fn statistics<Tz: TimeZone>(&self, now: &DateTime<Tz>) -> Result<StatisticsView, StoreError> {
        let snapshot = self.load()?;
        let summary = statistics_of(&snapshot.config.value, &snapshot.journal.value, now);
        Ok(StatisticsView { snapshot, summary })
    }

    /// The evening of `date`, or the evening `now` belongs to.
    pub fn evening<Tz: TimeZone>(
        &self,
        date: Option<NaiveDate>,
        now: &DateTime<Tz>,
    ) -> Result<EveningView<Tz>, StoreError> {
        let snapshot = self.load()?;
        let (evening, plan) = evening_plan(&snapshot.config.value, &snapshot.journal.value, date, now);
        Ok(EveningView { snapshot, evening, plan })
    }

    /// Tonight's progress, whether reminders are paused, and the next one.
    pub fn status<Tz: TimeZone>(&self, now: &DateTime<Tz>) -> Result<StatusView<Tz>, StoreError> {
        let tonight = self.evening(None, now)?;
        let log = self.reminder_log()?.value;
        let paused = log.is_paused(tonight.evening);
        let next = next_reminder_of(&tonight.snapshot.config, &tonight.plan, &log, now);
        let waiting_for_routine = waiting_for_routine(&tonight.snapshot.config);
        Ok(StatusView { tonight, paused, next, waiting_for_routine })
    }

    /// What happened to each reminder of the evening of `date` (or tonight's), as the
    /// reminder service sees the routine.
    pub fn reminder_fates<Tz: TimeZone>(
        &self,
        date: Option<NaiveDate>,
        now: &DateTime<Tz>,
    ) -> Result<ReminderFates, StoreError> {
        let snapshot = self.load()?;
        let evening = date.unwrap_or_else(|| evening_at(&snapshot.config.value, now));
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
    let config = effective_config(&snapshot.config);
    let (_, plan) = evening_plan(&config, &snapshot.journal.value, Some(evening), now);
    ReminderFates {
        evening,
        reminders_on: config.settings.reminders,
        service_running,
        paused: log.is_paused(evening),
        rows: evening_fates(&config, &plan, log, now),
    }
}
