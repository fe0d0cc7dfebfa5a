//! The reminders of an evening: one per step that reminds, plus the service's own (wind
//! down, lights out, the morning invitation), each with its due time and whether it is
//! already moot; and the next one to come.

use chrono::{DateTime, NaiveDate, TimeDelta, TimeZone};

use crate::i18n;
use crate::i18n::notifications as words;
use crate::model::catalog::ids;
use crate::model::plan::{Plan, after_start};
use crate::model::reminders::{BEDTIME_KEY, NIGHT_LOG_KEY, ReminderLog, WIND_DOWN_KEY};
use crate::model::time::{add_minutes, resolve_local};
use crate::model::{RoutineFile, StepState};

/// Wind-down time when the routine has no calm-evening step: the catalog's default for
/// it, before the default warm bath.
pub const DEFAULT_WIND_DOWN_MINUTES: i64 = 120;
/// Later than this counts as "late" in the notification text.
pub(super) const LATE_AFTER: TimeDelta = TimeDelta::minutes(1);
/// The morning invitation comes this long after the wake time: not in the same minute as
/// the alarm, once the user is up.
pub const NIGHT_LOG_DELAY_MINUTES: i64 = 15;
/// How long after its time the morning invitation may still come (a login at 10:00
/// after a 06:30 alarm still gets it; by the afternoon the night is an old story).
pub const NIGHT_LOG_WINDOW: TimeDelta = TimeDelta::hours(5);

/// The grace window in force: at least a minute, so that a wake-up a few milliseconds
/// after the due instant still counts as on time even with `grace_minutes = 0`.
pub fn grace(routine_file: &RoutineFile) -> TimeDelta {
    TimeDelta::minutes(routine_file.settings.grace_minutes().into())
}

/// The snooze length in force: 1 minute to a day (0 would come straight back).
pub fn snooze_minutes(routine_file: &RoutineFile) -> u32 {
    routine_file.settings.snooze_minutes()
}

/// What a reminder is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    /// A step of the routine, by id.
    Step(String),
    /// The start of the calm part of the evening.
    WindDown,
    /// Bedtime.
    Bedtime,
    /// The morning invitation to log the night.
    NightLog,
}

/// One reminder of one evening, placed on the timeline.
#[derive(Debug, Clone)]
pub struct Reminder<Tz: TimeZone> {
    pub evening: NaiveDate,
    /// Log key: the step id, or [`WIND_DOWN_KEY`] / [`BEDTIME_KEY`].
    pub key: String,
    pub kind: Kind,
    pub due: DateTime<Tz>,
    /// In the current language (see [`crate::i18n`]).
    pub title: String,
    pub why: String,
    /// Already done or skipped (or, for the wind-down and bedtime ones, made moot by
    /// the steps they stand for): stays silent.
    pub quiet: bool,
}

/// The reminders of one evening's plan, in time order. On the first evening, nothing
/// due before the routine was saved, nor a step due before it was added: the plan's own
/// rule ([`crate::model::PlannedStep::counted`], [`after_start`]), so what the window
/// shows as not counted is neither reminded nor listed as missed.
pub fn reminders_of<Tz: TimeZone>(routine_file: &RoutineFile, plan: &Plan<Tz>) -> Vec<Reminder<Tz>> {
    let tz = plan.bedtime.timezone();
    let settled = |id: &str| plan.get(id).is_some_and(|step| step.state != StepState::Pending);
    let bedtime_text = plan.bedtime.naive_local().format("%H:%M").to_string();
    let mut reminders: Vec<Reminder<Tz>> = plan
        .steps
        .iter()
        .filter(|step| step.remind && step.counted)
        .map(|step| Reminder {
            evening: plan.evening,
            key: step.id.clone(),
            kind: Kind::Step(step.id.clone()),
            due: step.due.clone(),
            title: i18n::planned_title(step),
            why: i18n::planned_why(step),
            quiet: step.state != StepState::Pending,
        })
        .collect();
    // The calm part starts where the routine says it does; without a calm-evening step,
    // an hour before bed, computed in local clock time like every other anchor.
    let wind_down_due = match plan.get(ids::CALM_EVENING) {
        Some(step) => step.due.clone(),
        None => {
            resolve_local(&tz, add_minutes(routine_file.schedule.bedtime(plan.evening), -DEFAULT_WIND_DOWN_MINUTES))
        }
    };
    // The wind-down text names the bath only while it is still ahead.
    let bath_ahead =
        plan.get(ids::WARM_BATH).is_some_and(|bath| bath.state == StepState::Pending && bath.due >= wind_down_due);
    let wind_down = words::wind_down(&bedtime_text, bath_ahead);
    reminders.push(Reminder {
        evening: plan.evening,
        key: WIND_DOWN_KEY.to_owned(),
        kind: Kind::WindDown,
        due: wind_down_due,
        title: wind_down.0,
        why: wind_down.1,
        quiet: settled(ids::CALM_EVENING) || settled(ids::LIGHTS_OUT),
    });
    let (title, why) = words::bedtime(&bedtime_text);
    reminders.push(Reminder {
        evening: plan.evening,
        key: BEDTIME_KEY.to_owned(),
        kind: Kind::Bedtime,
        due: plan.bedtime.clone(),
        title,
        why,
        quiet: settled(ids::LIGHTS_OUT),
    });
    if routine_file.settings.morning_invitation {
        let (title, why) = words::night_log();
        reminders.push(Reminder {
            evening: plan.evening,
            key: NIGHT_LOG_KEY.to_owned(),
            kind: Kind::NightLog,
            due: resolve_local(&tz, add_minutes(plan.wake.naive_local(), NIGHT_LOG_DELAY_MINUTES)),
            title,
            why,
            quiet: plan.night_logged,
        });
    }
    reminders.retain(|reminder| matches!(reminder.kind, Kind::Step(_)) || after_start(routine_file, &reminder.due));
    reminders.sort_by(|a, b| a.due.cmp(&b.due));
    reminders
}

/// Whether the log has settled `reminder` already. Once per planned clock time, except
/// the morning invitation: once per morning, even if the wake time moved after it came.
pub(super) fn is_settled<Tz: TimeZone>(log: &ReminderLog, reminder: &Reminder<Tz>) -> bool {
    match reminder.kind {
        Kind::NightLog => log.entry(reminder.evening, &reminder.key).is_some(),
        _ => log.is_settled(reminder.evening, &reminder.key, &reminder.due.fixed_offset()),
    }
}

/// How long after its time a reminder may still be shown.
pub(crate) fn window_of(kind: &Kind, grace: TimeDelta) -> TimeDelta {
    if *kind == Kind::NightLog { NIGHT_LOG_WINDOW.max(grace) } else { grace }
}

/// The next reminder still to come tonight: not quiet, not already sent or skipped, and
/// not paused. What `status` reports.
pub fn next_reminder<Tz: TimeZone>(
    routine_file: &RoutineFile,
    plan: &Plan<Tz>,
    log: &ReminderLog,
    now: &DateTime<Tz>,
) -> Option<Reminder<Tz>> {
    if !routine_file.settings.reminders {
        return None;
    }
    // A paused evening still gets its morning invitation.
    let paused = log.is_paused(plan.evening);
    let mut reminders = reminders_of(routine_file, plan);
    reminders.retain(|r| !paused || r.kind == Kind::NightLog);
    let first = reminders.iter().find(|r| !r.quiet && r.due >= *now && !is_settled(log, r)).cloned();
    // A pending snooze brings its reminder back at `until`, which may come first.
    let tz = plan.bedtime.timezone();
    let snoozed = log.evening(plan.evening).map(|e| &e.snoozed).into_iter().flatten();
    let snoozes = snoozed.filter(|(_, snooze)| !snooze.settled).filter_map(|(key, snooze)| {
        let until = snooze.until.with_timezone(&tz);
        let reminder = reminders.iter().find(|r| &r.key == key && !r.quiet)?;
        (until >= *now).then(|| Reminder { due: until, ..reminder.clone() })
    });
    first.into_iter().chain(snoozes).min_by(|a, b| a.due.cmp(&b.due))
}
