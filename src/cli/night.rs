//! `bedtime-coach night`: the morning night log from a terminal.
//!
//! With answers it records them (merged onto what is saved, like the window's clicks);
//! without, it shows the night's log. Either way it ends with the findings of the four
//! weeks up to that night ([`warnings::findings`]: the cards, the signs logged below a
//! card's threshold, the reassurance) and the urgent signs, in the same words as the window.

use std::fmt::Write as _;

use chrono::{DateTime, NaiveDate, TimeZone};
use serde_json::{Value, json};

use super::args::NightArgs;
use super::error::CliError;
use super::output::pretty;
use crate::i18n::{self, signs, t};
use crate::model::warnings::{self, Findings, Warning};
use crate::model::{Jerks, NightLog, Stress};
use crate::tr;
use crate::use_cases::files::last_night;
use crate::use_cases::{Applied, Change, Coach};

/// `night [--date D] [answers…] [--quiet-night] [--forget] [--json]`.
pub(super) fn night<Tz: TimeZone>(coach: &Coach, now: &DateTime<Tz>, args: NightArgs) -> Result<String, CliError> {
    let evening = match args.date {
        Some(date) => date,
        None => last_night(&coach.load_routine_file()?.value, now),
    };
    let answers = args.answers();
    let applied = if args.forget {
        // Dated now, as an undo is (see `check --undo`).
        Some(coach.apply_at(now.fixed_offset(), Change::SetNight { evening, log: None })?)
    } else if answers.is_empty() {
        None
    } else {
        Some(coach.apply(Change::LogNight { evening, answers, at: now.fixed_offset() })?)
    };
    let journal = coach.load()?.journal.value;
    let log = journal.night(evening);
    let found = warnings::findings(&journal, evening);
    if args.json {
        return Ok(pretty(&night_json(evening, log, &found)));
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
    write_findings(&mut out, &found);
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

/// The findings of the four weeks up to the night shown, as text, ending with the
/// urgent signs.
fn write_findings(out: &mut String, found: &Findings) {
    for warning in &found.cards {
        write!(out, "\n\n{}\n  {}", signs::warning_title(warning.kind), signs::warning_seen(warning)).ok();
        if let Some(rested) = signs::warning_rested(warning) {
            write!(out, "\n  {rested}").ok();
        }
        write!(out, "\n  {}", signs::warning_why(warning.kind)).ok();
    }
    if !found.cards.is_empty() {
        write!(out, "\n{}", signs::warning_doctor()).ok();
    }
    if !found.below_threshold.is_empty() {
        write!(out, "\n\n{}", signs::below_heading()).ok();
        for warning in &found.below_threshold {
            write!(out, "\n  {}", signs::below_threshold(warning)).ok();
        }
        write!(out, "\n{}", signs::below_anytime()).ok();
    }
    if !found.later.is_empty() {
        write!(out, "\n\n{}", signs::later(&found.later)).ok();
    }
    if found.reassurance {
        write!(out, "\n\n{}\n  {}", signs::reassurance_title(), signs::reassurance_text()).ok();
    } else if found.says_nothing_logged() {
        write!(out, "\n\n{}", t("night-no-warnings")).ok();
    }
    write!(out, "\n\n{}", signs::urgent()).ok();
}

/// A card or a sign below the threshold: its kind, nights and rested answers (`null`
/// where not answered), with `texts` in the user's language.
fn warning_json(warning: &Warning, texts: Value) -> Value {
    let mut value = json!({
        "kind": warning.kind.as_str(),
        "nights": warning.nights.iter().map(NaiveDate::to_string).collect::<Vec<_>>(),
        "rested": warning.rested,
        "earlier": warning.earlier.iter().map(NaiveDate::to_string).collect::<Vec<_>>(),
    });
    if let (Some(object), Value::Object(texts)) = (value.as_object_mut(), texts) {
        object.extend(texts);
    }
    value
}

fn night_json(evening: NaiveDate, log: Option<&NightLog>, found: &Findings) -> Value {
    let cards: Vec<Value> = found
        .cards
        .iter()
        .map(|warning| {
            warning_json(
                warning,
                json!({
                    "title": signs::warning_title(warning.kind),
                    "seen": signs::warning_seen(warning),
                    "rested_text": signs::warning_rested(warning),
                    "why": signs::warning_why(warning.kind),
                    "doctor": signs::warning_doctor(),
                }),
            )
        })
        .collect();
    let below: Vec<Value> = found
        .below_threshold
        .iter()
        .map(|warning| warning_json(warning, json!({ "text": signs::below_threshold(warning) })))
        .collect();
    json!({
        "evening": evening.to_string(),
        "log": log.map(|log| serde_json::to_value(log).unwrap_or(Value::Null)),
        "period": { "from": found.from.to_string(), "to": found.to.to_string() },
        "warnings": cards,
        "below_threshold": below,
        "later": found.later.iter().map(NaiveDate::to_string).collect::<Vec<_>>(),
        "later_text": (!found.later.is_empty()).then(|| signs::later(&found.later)),
        "logged_nights": found.logged_nights,
        // Nights were logged and none (nor any in the look-back, nor later) had a sign.
        "nothing_logged": found.nothing_logged() && found.logged_nights > 0,
        "nothing_logged_text": found.says_nothing_logged().then(|| t("night-no-warnings")),
        "only_harmless_jerks": found.reassurance,
        "reassurance": found.reassurance.then(|| json!({
            "title": signs::reassurance_title(),
            "text": signs::reassurance_text(),
        })),
        "urgent": signs::urgent(),
    })
}
