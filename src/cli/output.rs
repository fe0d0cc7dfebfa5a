//! Text and JSON for the terminal: how plans, status and schedules read, kept apart
//! from the handlers so the wording has one home.

use std::fmt::{Display, Write as _};

use chrono::{DateTime, SecondsFormat, TimeZone};
use serde_json::{Value, json};

use crate::i18n::{self, t};
use crate::model::time::hhmm;
use crate::model::{Day, Night, Plan, PlannedStep, Routine, RoutineFile, StepState, catalog};
use crate::tr;
use crate::use_cases::Reminder;

/// Said when reminders wait for the first saved routine (`status`, and `remind` on start).
pub(super) fn no_routine_yet() -> String {
    t("cli-no-routine-yet")
}

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
        "title": i18n::planned_title(step),
        "why": i18n::planned_why(step),
        "due": rfc3339(&step.due),
        "remind": step.remind,
        "state": step.state.as_str(),
        "counted": step.counted,
        "value": step.check_in.as_ref().and_then(|c| c.value),
        "checked_at": step.check_in.as_ref().map(|c| rfc3339(&c.at)),
        // The contract's value, in English whatever the language (see DESIGN.md).
        "anchor": i18n::with_language(i18n::Language::English, || i18n::anchor(&step.anchor)),
    })
}

pub(super) fn status_json<Tz: TimeZone>(
    plan: &Plan<Tz>,
    routine_file: &RoutineFile,
    next: Option<&Reminder<Tz>>,
) -> Value
where
    Tz::Offset: Display,
{
    json!({
        "evening": plan.evening.to_string(),
        "bedtime": rfc3339(&plan.bedtime),
        "wake": rfc3339(&plan.wake),
        "sleep_minutes": plan.sleep_minutes(),
        "total": plan.total(),
        "done": plan.count(StepState::Done),
        "skipped": plan.count(StepState::Skipped),
        "pending": plan.count(StepState::Pending),
        "reminders": routine_file.settings.reminders,
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

pub(super) fn plan_text<Tz: TimeZone>(plan: &Plan<Tz>, routine_file: &RoutineFile, is_default: bool) -> String
where
    Tz::Offset: Display,
{
    let mut out = tr!(
        "cli-plan-header",
        evening = i18n::evening_title(plan.evening),
        bedtime = plan.bedtime.format("%H:%M").to_string(),
        wake = plan.wake.format("%H:%M").to_string(),
        sleep = i18n::duration(plan.sleep_minutes()),
    );
    out.push('\n');
    if is_default {
        writeln!(out, "{}", t("cli-plan-default-routine")).ok();
    }
    let night = routine_file.schedule.night(Day::of(plan.evening));
    if night.is_short() {
        writeln!(out, "{}", i18n::sleep_opportunity(night)).ok();
    }
    out.push('\n');
    for step in &plan.steps {
        let value = step.check_in.as_ref().and_then(|c| c.value).map(|v| format!("  ({v} %)")).unwrap_or_default();
        let remind = if step.remind && routine_file.settings.reminders {
            format!("  {}", t("cli-flag-remind"))
        } else {
            String::new()
        };
        writeln!(
            out,
            "  {}  {}  {:<44} {}{remind}{value}",
            step.due.format("%H:%M"),
            mark(step.state),
            i18n::planned_title(step),
            step.id
        )
        .ok();
    }
    out.trim_end().to_owned()
}

pub(super) fn status_text<Tz: TimeZone>(
    plan: &Plan<Tz>,
    routine_file: &RoutineFile,
    waiting_for_routine: bool,
    next: Option<&Reminder<Tz>>,
    now: &DateTime<Tz>,
) -> String
where
    Tz::Offset: Display,
{
    let mut out = tr!(
        "cli-status-tonight",
        date = i18n::short_date(plan.evening),
        done = plan.count(StepState::Done),
        total = plan.total(),
        skipped = plan.count(StepState::Skipped),
    );
    out.push('\n');
    let to_bed = (plan.bedtime.clone() - now.clone()).num_minutes();
    let bedtime = plan.bedtime.format("%H:%M").to_string();
    if to_bed >= 0 {
        writeln!(out, "{}", tr!("cli-status-bedtime-in", time = bedtime, duration = i18n::duration(to_bed))).ok();
    } else {
        let wake = plan.wake.format("%H:%M").to_string();
        writeln!(out, "{}", tr!("cli-status-bedtime-was", bedtime = bedtime, wake = wake)).ok();
    }
    let line = match next {
        Some(reminder) => {
            tr!("cli-status-next-reminder", title = &reminder.title, time = reminder.due.format("%H:%M").to_string())
        }
        None if !routine_file.settings.reminders => t("cli-reminders-off"),
        None if waiting_for_routine => no_routine_yet(),
        None => t("cli-status-no-more-reminders"),
    };
    out.push_str(&line);
    out.trim_end().to_owned()
}

pub(super) fn schedule_text(routine_file: &RoutineFile) -> String {
    let schedule = &routine_file.schedule;
    let mut out = String::new();
    let line = |night: &Night| {
        tr!(
            "cli-schedule-night",
            bedtime = hhmm(night.bedtime),
            wake = hhmm(night.wake),
            sleep = i18n::sleep_opportunity(night),
        )
    };
    if schedule.is_per_weekday() {
        let names = Day::ALL.map(i18n::weekday);
        // One space after the longest name, whatever the language.
        let width = names.iter().map(|name| name.chars().count()).max().unwrap_or(0) + 1;
        for (day, name) in Day::ALL.into_iter().zip(names) {
            writeln!(out, "{name:<width$} {}", line(schedule.night(day))).ok();
        }
    } else {
        writeln!(out, "{}", tr!("cli-schedule-every-day", night = line(&schedule.every_day))).ok();
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
                json!({"id": s.id, "title": i18n::step_title(s), "why": i18n::step_why(s), "anchor": s.anchor,
                    "remind": s.remind, "enabled": s.enabled, "custom": s.catalog_entry().is_none()})
            })
            .collect(),
    )
}

/// `routine list`: one numbered line per step; `is_default` when nothing is saved yet.
pub(super) fn routine_text(routine: &Routine, is_default: bool) -> String {
    let mut out = String::new();
    if is_default {
        writeln!(out, "{}\n", t("cli-routine-default")).ok();
    }
    // Columns as wide as their longest entry, so a long id or title never pushes its line
    // out of line; a title longer than TITLE_COLUMN is cut with "…" (`--json` has it whole).
    const TITLE_COLUMN: usize = 48;
    let rows: Vec<_> = routine
        .steps
        .iter()
        .map(|s| {
            let remind = if s.remind { t("cli-flag-remind") } else { String::new() };
            let off = if s.enabled { String::new() } else { format!(" {}", t("cli-flag-off")) };
            let title = i18n::step_title(s);
            let title = if title.chars().count() > TITLE_COLUMN {
                format!("{}…", title.chars().take(TITLE_COLUMN - 1).collect::<String>().trim_end())
            } else {
                title
            };
            (s.id.as_str(), title, i18n::anchor(&s.anchor), format!("{remind}{off}").trim().to_owned())
        })
        .collect();
    let width = |column: fn(&(&str, String, String, String)) -> usize| rows.iter().map(column).max().unwrap_or(0);
    let ids = width(|row| row.0.chars().count());
    let titles = width(|row| row.1.chars().count());
    let anchors = width(|row| row.2.chars().count());
    for (n, (id, title, anchor, flags)) in rows.iter().enumerate() {
        let line = format!("{:>2}. {id:<ids$}  {title:<titles$}  {anchor:<anchors$}  {flags}", n + 1);
        writeln!(out, "{}", line.trim_end()).ok();
    }
    out.trim_end().to_owned()
}

/// `routine catalog`: every catalog step with its reason and, apart, what the article
/// itself advises (the times are the app's defaults).
pub(super) fn catalog_text() -> String {
    let mut out = String::new();
    for entry in catalog::CATALOG {
        let anchor = i18n::anchor(&entry.anchor);
        let title = i18n::catalog_title(entry.id);
        writeln!(out, "{:<20} {title} ({anchor})\n{:<20} {}", entry.id, "", i18n::catalog_why(entry.id)).ok();
        if let Some(advice) = i18n::catalog_from_article(entry.id) {
            writeln!(out, "{:<20} {}", "", i18n::from_article_line(&advice)).ok();
        }
        out.push('\n');
    }
    out.trim_end().to_owned()
}
