//! `bedtime-coach night`: the morning night log from a terminal.
//!
//! With answers it records them (merged onto what is saved, like the window's clicks);
//! without, it shows the night's log. Either way it ends with the warning signs and the
//! reassurance of the last four weeks up to that night, in the same words as the window.

use std::fmt::Write as _;

use chrono::{DateTime, NaiveDate, TimeDelta, TimeZone};
use serde_json::{Value, json};

use super::CliError;
use super::args::NightArgs;
use super::output::pretty;
use crate::i18n::{self, signs, t};
use crate::model::night::night_to_log;
use crate::model::warnings::{self, RECENT_DAYS, Warning};
use crate::model::{Jerks, Journal, NightLog, Stress};
use crate::tr;
use crate::use_cases::{Applied, Change, Coach};

/// `night [--date D] [answers…] [--quiet-night] [--forget] [--json]`.
pub(super) fn night<Tz: TimeZone>(coach: &Coach, now: &DateTime<Tz>, args: NightArgs) -> Result<String, CliError> {
    let evening = match args.date {
        Some(date) => date,
        None => night_to_log(&coach.load_config()?.value.schedule, now.naive_local()),
    };
    let answers = args.answers();
    let applied = if args.forget {
        Some(coach.apply(Change::SetNight { evening, log: None })?)
    } else if answers.is_empty() {
        None
    } else {
        Some(coach.apply(Change::LogNight { evening, answers, at: now.fixed_offset() })?)
    };
    let journal = coach.load()?.journal.value;
    let log = journal.night(evening);
    let from = evening.checked_sub_signed(TimeDelta::days(RECENT_DAYS - 1)).unwrap_or(evening);
    let found = warnings::warnings(&journal, from, evening);
    if args.json {
        return Ok(pretty(&night_json(&journal, evening, log, &found, from)));
    }
    let when = i18n::short_date(evening);
    let mut out = match (args.forget, &applied) {
        (true, Some(Applied::Unchanged)) => tr!("cli-night-none", date = when.as_str()),
        (true, _) => tr!("cli-night-forgotten", date = when.as_str()),
        (false, Some(Applied::Unchanged)) => tr!("cli-night-unchanged", date = when.as_str()),
        (false, Some(_)) => tr!("cli-night-saved", date = when.as_str()),
        (false, None) => String::new(),
    };
    if !args.forget {
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(&log_text(evening, log));
    }
    write_findings(&mut out, &journal, &found, from, evening);
    Ok(out)
}

/// The log as lines, every question with its answer.
fn log_text(evening: NaiveDate, log: Option<&NightLog>) -> String {
    let when = i18n::short_date(evening);
    let Some(log) = log else {
        return tr!("cli-night-none", date = when.as_str());
    };
    let mut out = match log.at {
        Some(at) => tr!(
            "cli-night-header-at",
            date = when.as_str(),
            logged = i18n::short_date(at.date_naive()),
            time = at.format("%H:%M").to_string()
        ),
        None => tr!("cli-night-header", date = when.as_str()),
    };
    let yes_no = |value: bool| if value { t("cli-night-yes") } else { t("cli-night-no") };
    let jerks = match log.falling_asleep {
        Some(jerks) => tr!("cli-night-jerks", jerks = jerks_key(jerks)),
        None => t("cli-night-unanswered"),
    };
    let rested = match log.rested_score() {
        Some(score) => tr!("cli-night-rested-score", score = score),
        None => t("cli-night-unanswered"),
    };
    let stress = match log.stress {
        Some(stress) => tr!("cli-night-stress-level", level = stress_key(stress)),
        None => t("cli-night-unanswered"),
    };
    let lines = [
        (t("cli-night-q-falling-asleep"), jerks),
        (t("cli-night-q-jolt"), yes_no(log.woke_from_jolt)),
        (t("cli-night-q-all-night"), yes_no(log.twitch_all_night)),
        (t("cli-night-q-daytime"), yes_no(log.twitch_daytime)),
        (t("cli-night-q-restless-legs"), yes_no(log.restless_legs)),
        (t("cli-night-q-partner"), yes_no(log.partner_saw_movements)),
        (t("cli-night-q-paralysis"), yes_no(log.sleep_paralysis)),
        (t("cli-night-q-rested"), rested),
        (t("cli-night-q-stress"), stress),
    ];
    for (question, answer) in lines {
        write!(out, "\n  {question}: {answer}").ok();
    }
    if !log.note.is_empty() {
        write!(out, "\n  {}: {}", t("cli-night-q-note"), log.note).ok();
    }
    out
}

fn jerks_key(jerks: Jerks) -> &'static str {
    match jerks {
        Jerks::None => "none",
        Jerks::Few => "few",
        Jerks::Many => "many",
    }
}

fn stress_key(stress: Stress) -> &'static str {
    match stress {
        Stress::Low => "low",
        Stress::Moderate => "some",
        Stress::High => "high",
    }
}

/// The warning cards (or the reassurance) of the four weeks up to `evening`, as text.
fn write_findings(out: &mut String, journal: &Journal, found: &[Warning], from: NaiveDate, evening: NaiveDate) {
    for warning in found {
        write!(
            out,
            "\n\n{}\n  {}\n  {}",
            signs::warning_title(warning.kind),
            signs::warning_seen(warning),
            signs::warning_why(warning.kind)
        )
        .ok();
    }
    if !found.is_empty() {
        write!(out, "\n{}", signs::warning_doctor()).ok();
    } else if warnings::only_harmless_jerks(journal, from, evening) {
        write!(out, "\n\n{}\n  {}", signs::reassurance_title(), signs::reassurance_text()).ok();
    }
}

fn night_json(
    journal: &Journal,
    evening: NaiveDate,
    log: Option<&NightLog>,
    found: &[Warning],
    from: NaiveDate,
) -> Value {
    let warnings: Vec<Value> = found
        .iter()
        .map(|warning| {
            json!({
                "kind": warning.kind.as_str(),
                "nights": warning.nights.iter().map(NaiveDate::to_string).collect::<Vec<_>>(),
                "title": signs::warning_title(warning.kind),
                "seen": signs::warning_seen(warning),
                "why": signs::warning_why(warning.kind),
            })
        })
        .collect();
    json!({
        "evening": evening.to_string(),
        "log": log.map(|log| serde_json::to_value(log).unwrap_or(Value::Null)),
        "period": { "from": from.to_string(), "to": evening.to_string() },
        "warnings": warnings,
        "only_harmless_jerks": found.is_empty() && warnings::only_harmless_jerks(journal, from, evening),
    })
}
