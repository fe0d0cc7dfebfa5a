//! Text and JSON for the terminal: how plans, status and schedules read, kept apart
//! from the handlers so the wording has one home.

use std::fmt::{Display, Write as _};

use chrono::{DateTime, SecondsFormat, TimeZone};
use serde_json::{Value, json};

use crate::model::time::{format_minutes, hhmm};
use crate::model::{Config, Day, Night, Plan, PlannedStep, Routine, StepState, catalog};
use crate::remind::engine::Reminder;

/// Said when reminders wait for the first saved routine (`status`, and `remind` on start).
pub(super) const NO_ROUTINE_YET: &str = "No routine is saved yet, so no reminders are sent: finish the setup in the window, \
     or save one with `bedtime-coach schedule` or `bedtime-coach routine`.";

fn rfc3339<Tz: TimeZone>(instant: &DateTime<Tz>) -> String
where
    Tz::Offset: Display,
{
    instant.to_rfc3339_opts(SecondsFormat::Secs, false)
}

pub(super) fn step_json<Tz: TimeZone>(step: &PlannedStep<Tz>) -> Value
where
    Tz::Offset: Display,
{
    json!({
        "id": step.id,
        "title": step.title,
        "why": step.why,
        "due": rfc3339(&step.due),
        "remind": step.remind,
        "state": step.state.as_str(),
        "value": step.check_in.as_ref().and_then(|c| c.value),
        "checked_at": step.check_in.as_ref().map(|c| rfc3339(&c.at)),
        "anchor": step.anchor.describe(),
    })
}

pub(super) fn status_json<Tz: TimeZone>(plan: &Plan<Tz>, config: &Config, next: Option<&Reminder<Tz>>) -> Value
where
    Tz::Offset: Display,
{
    json!({
        "evening": plan.evening.to_string(),
        "bedtime": rfc3339(&plan.bedtime),
        "wake": rfc3339(&plan.wake),
        "sleep_minutes": plan.sleep_minutes(),
        "total": plan.steps.len(),
        "done": plan.count(StepState::Done),
        "skipped": plan.count(StepState::Skipped),
        "pending": plan.count(StepState::Pending),
        "reminders": config.settings.reminders,
        "next_reminder": next.map(|r| json!({"id": r.key, "title": r.title, "due": rfc3339(&r.due)})),
        "steps": plan.steps.iter().map(step_json).collect::<Vec<_>>(),
    })
}

fn mark(state: StepState) -> &'static str {
    match state {
        StepState::Pending => "[ ]",
        StepState::Done => "[x]",
        StepState::Skipped => "[-]",
    }
}

pub(super) fn plan_text<Tz: TimeZone>(plan: &Plan<Tz>, config: &Config, is_default: bool) -> String
where
    Tz::Offset: Display,
{
    let mut out = format!(
        "Evening of {} — bedtime {}, alarm {} ({} of sleep)\n",
        plan.evening.format("%A %-d %B %Y"),
        plan.bedtime.format("%H:%M"),
        plan.wake.format("%H:%M"),
        format_minutes(plan.sleep_minutes())
    );
    if is_default {
        out.push_str(
            "This is the default routine from the article; change it with `bedtime-coach routine` or in the window.\n",
        );
    }
    let night = config.schedule.night(Day::of(plan.evening));
    if night.is_short() {
        writeln!(out, "{}", night.sleep_opportunity_text()).ok();
    }
    out.push('\n');
    for step in &plan.steps {
        let value = step.check_in.as_ref().and_then(|c| c.value).map(|v| format!("  ({v} %)")).unwrap_or_default();
        let remind = if step.remind && config.settings.reminders { "  remind" } else { "" };
        writeln!(
            out,
            "  {}  {}  {:<44} {}{remind}{value}",
            step.due.format("%H:%M"),
            mark(step.state),
            step.title,
            step.id
        )
        .ok();
    }
    out.trim_end().to_owned()
}

pub(super) fn status_text<Tz: TimeZone>(
    plan: &Plan<Tz>,
    config: &Config,
    waiting_for_routine: bool,
    next: Option<&Reminder<Tz>>,
    now: &DateTime<Tz>,
) -> String
where
    Tz::Offset: Display,
{
    let mut out = format!(
        "Tonight ({}): {} of {} done, {} skipped.\n",
        plan.evening.format("%a %-d %b"),
        plan.count(StepState::Done),
        plan.steps.len(),
        plan.count(StepState::Skipped)
    );
    let to_bed = (plan.bedtime.clone() - now.clone()).num_minutes();
    if to_bed >= 0 {
        writeln!(out, "Bedtime {} in {}.", plan.bedtime.format("%H:%M"), format_minutes(to_bed)).ok();
    } else {
        writeln!(out, "Bedtime was {}; alarm at {}.", plan.bedtime.format("%H:%M"), plan.wake.format("%H:%M")).ok();
    }
    match next {
        Some(reminder) => writeln!(out, "Next reminder: {} at {}.", reminder.title, reminder.due.format("%H:%M")).ok(),
        None if !config.settings.reminders => writeln!(out, "Reminders are off.").ok(),
        None if waiting_for_routine => writeln!(out, "{NO_ROUTINE_YET}").ok(),
        None => writeln!(out, "No more reminders tonight.").ok(),
    };
    out.trim_end().to_owned()
}

pub(super) fn schedule_text(config: &Config) -> String {
    let schedule = &config.schedule;
    let mut out = String::new();
    let line = |night: &Night| {
        format!("bed {}, up {} — {}", hhmm(night.bedtime), hhmm(night.wake), night.sleep_opportunity_text())
    };
    if schedule.is_per_weekday() {
        for day in Day::ALL {
            writeln!(out, "{:<10} {}", day.name(), line(schedule.night(day))).ok();
        }
    } else {
        writeln!(out, "Every day: {}", line(&schedule.every_day)).ok();
    }
    out.trim_end().to_owned()
}

pub(super) fn pretty(value: &Value) -> String {
    serde_json::to_string_pretty(value).unwrap_or_default()
}

/// `routine list --json`: every step with its settings.
pub(super) fn routine_json(routine: &Routine) -> Value {
    Value::Array(
        routine
            .steps
            .iter()
            .map(|s| {
                json!({"id": s.id, "title": s.title(), "why": s.why(), "anchor": s.anchor,
                    "remind": s.remind, "enabled": s.enabled, "custom": s.catalog_entry().is_none()})
            })
            .collect(),
    )
}

/// `routine list`: one numbered line per step; `is_default` when nothing is saved yet.
pub(super) fn routine_text(routine: &Routine, is_default: bool) -> String {
    let mut out = String::new();
    if is_default {
        out.push_str("This is the default routine from the article; change it here or in the window.\n\n");
    }
    for (n, s) in routine.steps.iter().enumerate() {
        let flags = format!("{}{}", if s.remind { "remind" } else { "" }, if s.enabled { "" } else { " off" });
        writeln!(out, "{:>2}. {:<20} {:<44} {:<26} {}", n + 1, s.id, s.title(), s.anchor.describe(), flags.trim()).ok();
    }
    out.trim_end().to_owned()
}

/// `routine catalog`: every catalog step with its reason.
pub(super) fn catalog_text() -> String {
    let mut out = String::new();
    for entry in catalog::CATALOG {
        writeln!(out, "{:<20} {} ({})\n{:<20} {}\n", entry.id, entry.title, entry.anchor.describe(), "", entry.why)
            .ok();
    }
    out.trim_end().to_owned()
}
