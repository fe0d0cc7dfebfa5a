//! `bedtime-coach reminders [--date D] [--json]`: "why no reminder?" for one evening,
//! from the plan and the reminder log (see [`crate::remind::fates`]).

use std::fmt::{Display, Write as _};

use chrono::{DateTime, NaiveDate, SecondsFormat, TimeZone};
use serde_json::{Value, json};

use super::error::CliError;
use super::output::pretty;
use crate::i18n::{self, t};
use crate::tr;
use crate::use_cases::Coach;
use crate::use_cases::views::{Fate, Row, fate_text};

/// `reminders [--date D] [--json]`.
pub(super) fn reminders<Tz: TimeZone>(
    coach: &Coach,
    now: &DateTime<Tz>,
    date: Option<NaiveDate>,
    json: bool,
) -> Result<String, CliError>
where
    Tz::Offset: Display,
{
    let fates = coach.reminder_fates(date, now)?;
    let (evening, rows, running) = (fates.evening, &fates.rows, fates.service_running);
    if json {
        let value = json!({
            "evening": evening.to_string(),
            "reminders_on": fates.reminders_on,
            "service_running": running,
            "paused": fates.paused,
            "reminders": rows.iter().map(row_json).collect::<Vec<_>>(),
        });
        return Ok(pretty(&value));
    }
    let mut out = tr!("cli-reminders-header", evening = i18n::evening_title(evening));
    out.push('\n');
    if rows.is_empty() {
        writeln!(out, "{}", t("cli-reminders-none")).ok();
    }
    let width = rows.iter().map(|row| row.title.chars().count()).max().unwrap_or(0);
    for row in rows {
        let pad = " ".repeat(width - row.title.chars().count());
        writeln!(out, "  {}  {}{pad}  {}", row.due.format("%H:%M"), row.title, fate_text(row)).ok();
    }
    if !running && rows.iter().any(|row| row.fate == Fate::NotSent) {
        writeln!(out, "\n{}", t("cli-reminders-service-stopped")).ok();
    }
    Ok(out.trim_end().to_owned())
}

fn rfc3339(at: &DateTime<chrono::FixedOffset>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Secs, false)
}

fn row_json(row: &Row) -> Value {
    let mut value = json!({
        "id": row.key,
        "title": row.title,
        "due": rfc3339(&row.due),
        "status": row.fate.as_str(),
        "explanation": fate_text(row),
    });
    let mut put = |name: &str, field: Value| {
        value[name] = field;
    };
    match &row.fate {
        Fate::Held { since } => put("held_since", json!(rfc3339(since))),
        Fate::Sent { at, held_since, through_do_not_disturb, stalled, .. } => {
            put("at", json!(rfc3339(at)));
            put("held_since", json!(held_since.as_ref().map(rfc3339)));
            put("through_do_not_disturb", json!(through_do_not_disturb));
            put("stalled", json!(stalled));
        }
        Fate::Failed { at, reason } => {
            put("at", json!(rfc3339(at)));
            put("reason", json!(reason));
        }
        Fate::Missed { at, grace_ended, held_since, stalled } => {
            put("at", json!(rfc3339(at)));
            put("grace_ended", json!(rfc3339(grace_ended)));
            put("held_since", json!(held_since.as_ref().map(rfc3339)));
            put("stalled", json!(stalled));
        }
        _ => {}
    }
    if let Some(until) = &row.snoozed_until {
        put("snoozed_until", json!(rfc3339(until)));
    }
    value
}
