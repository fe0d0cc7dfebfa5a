//! `stats [--json]`: the History screen's figures for a terminal or a script.
//!
//! Both this and the screen show one [`HistoryStats`] from [`stats::summarize`], so they
//! print the same numbers. The JSON keys are stable; shares are 0–1, minutes are
//! rounded to a tenth.

use std::fmt::{Display, Write as _};

use chrono::{DateTime, TimeZone};
use serde_json::{Value, json};

use super::error::CliError;
use super::output::pretty;
use crate::i18n::{self, history, t};
use crate::model::RoutineFile;
use crate::model::stats::{ADHERENCE_DAYS, BedtimeFigures, HistoryStats, Kept};
use crate::tr;
use crate::use_cases::Coach;

/// How many weeks of bedtimes the text shows (JSON has them all).
const WEEKS_SHOWN: usize = 8;

pub(super) fn stats<Tz: TimeZone>(coach: &Coach, now: &DateTime<Tz>, json: bool) -> Result<String, CliError>
where
    Tz::Offset: Display,
{
    let view = coach.statistics(now)?;
    let (routine_file, summary) = (&view.snapshot.routine_file.value, view.summary);
    Ok(if json { pretty(&summary_json(routine_file, &summary)) } else { summary_text(routine_file, &summary) })
}

fn round(value: f64, places: i32) -> f64 {
    let scale = 10f64.powi(places);
    (value * scale).round() / scale
}

fn bedtime_json(figures: Option<&BedtimeFigures>) -> Value {
    figures.map_or(Value::Null, |b| {
        json!({
            "evenings": b.evenings,
            "mean_offset_minutes": round(b.mean_offset_minutes, 1),
            "spread_minutes": round(b.spread_minutes, 1),
        })
    })
}

fn kept_json(kept: Kept) -> Value {
    json!({ "kept": kept.kept, "planned": kept.planned })
}

/// The stable JSON shape of a summary.
pub(super) fn summary_json(routine_file: &RoutineFile, summary: &HistoryStats) -> Value {
    let share = |value: Option<f64>| value.map(|v| round(v, 4));
    json!({
        "today": summary.today.to_string(),
        "threshold_percent": summary.threshold_percent,
        "evenings": {
            "first": summary.evenings.first().map(|e| e.date.to_string()),
            "tracked": summary.tracked,
            "not_tracked": summary.not_tracked,
            "met_threshold": summary.met,
        },
        "streak": { "current": summary.streaks.current, "best": summary.streaks.best },
        "completion": {
            "last_7": share(summary.completion_7),
            "last_30": share(summary.completion_30),
            "all": share(summary.completion_all),
        },
        "adherence": summary.adherence.iter().map(|window| json!({
            "days": window.days,
            "steps": window.steps.iter().map(|step| json!({
                "id": step.id,
                "title": history::step_title_by_id(routine_file, &step.id),
                "done": step.done,
                "planned": step.planned,
                "share": share(step.share()),
            })).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "bedtime": {
            "last_30": bedtime_json(summary.bedtime_recent.as_ref()),
            "weeks": summary.bedtime_weeks.iter().map(|week| {
                let mut value = bedtime_json(Some(&week.figures));
                value["week"] = json!(week.week.to_string());
                value
            }).collect::<Vec<_>>(),
        },
        "caffeine_cutoff": {
            "last_30": kept_json(summary.caffeine_recent),
            "all": kept_json(summary.caffeine_all),
        },
    })
}

/// The summary as lines of text.
pub(super) fn summary_text(routine_file: &RoutineFile, summary: &HistoryStats) -> String {
    if summary.tracked == 0 {
        return t("history-nothing-yet");
    }
    let figure = |share: Option<f64>| share.map_or_else(|| t("stats-no-figure"), history::percent);
    let (current, best) = history::streak(summary.streaks);
    let mut out = String::new();
    let mut line = |text: String| {
        out.push_str(&text);
        out.push('\n');
    };
    line(tr!("stats-title", date = i18n::short_date(summary.today), percent = summary.threshold_percent));
    let first = summary.evenings.first().map_or(summary.today, |e| e.date).to_string();
    line(tr!("stats-evenings", first = first, evenings = history::evenings(summary.tracked, summary.not_tracked)));
    line(tr!("stats-streak", current = current, best = best));
    line(format!("  {}", history::streak_rule(summary.threshold_percent)));
    line(tr!(
        "stats-completion",
        week = figure(summary.completion_7),
        month = figure(summary.completion_30),
        all = figure(summary.completion_all),
    ));
    line(tr!("stats-bedtime", bedtime = history::bedtime(summary.bedtime_recent.as_ref())));
    // Never on a tracked evening: said once, not for each period.
    line(if summary.caffeine_all.planned == 0 {
        tr!("stats-caffeine-never", kept = history::kept(summary.caffeine_all))
    } else {
        tr!(
            "stats-caffeine",
            recent = history::kept(summary.caffeine_recent),
            all = history::kept(summary.caffeine_all)
        )
    });
    line(String::new());
    line(t("stats-adherence"));
    // One row per step that was planned in the longest period, with all three shares.
    let longest = summary.adherence(ADHERENCE_DAYS[ADHERENCE_DAYS.len() - 1]);
    let rows: Vec<(String, Vec<String>)> = longest
        .map(|window| {
            window
                .steps
                .iter()
                .map(|step| {
                    let shares = ADHERENCE_DAYS
                        .iter()
                        .map(|days| {
                            let found = summary.adherence(*days).and_then(|w| w.steps.iter().find(|s| s.id == step.id));
                            figure(found.and_then(|s| s.share()))
                        })
                        .collect();
                    (history::step_title_by_id(routine_file, &step.id), shares)
                })
                .collect()
        })
        .unwrap_or_default();
    let width = rows.iter().map(|(title, _)| title.chars().count()).max().unwrap_or(0);
    for (title, shares) in rows {
        let mut row = format!("  {title}{}", " ".repeat(width - title.chars().count()));
        for share in shares {
            write!(row, "  {share:>5}").ok();
        }
        line(row);
    }
    if !summary.bedtime_weeks.is_empty() {
        line(String::new());
        line(t("stats-weeks"));
        let skip = summary.bedtime_weeks.len().saturating_sub(WEEKS_SHOWN);
        for week in &summary.bedtime_weeks[skip..] {
            line(format!(
                "  {}",
                tr!(
                    "stats-week",
                    week = i18n::short_date(week.week),
                    offset = history::bedtime_offset(week.figures.mean_offset_minutes),
                    spread = week.figures.spread_minutes.round() as i64,
                    evenings = i18n::count_evenings(week.figures.evenings as u64),
                )
            ));
        }
    }
    out.trim_end().to_owned()
}
