//! The command line: the same data as the window, for terminals and scripts.
//!
//! Handlers read the clock and the local time zone once, at the top, and pass them down;
//! everything below works on plain values.

use std::fmt::{Display, Write as _};
use std::path::PathBuf;

use chrono::{DateTime, Local, NaiveDate, NaiveTime, SecondsFormat, TimeZone};
use clap::{Args, Parser, Subcommand, ValueEnum};
use serde_json::{Value, json};

use crate::command::{Applied, Command, CommandError, new_step};
use crate::model::routine::StepEdit;
use crate::model::time::{FIRST_DATE, LAST_DATE, is_sane_date};
use crate::model::{
    Anchor, Config, Day, Outcome, Plan, PlannedStep, StepState, catalog, evening_at, plan_evening,
    time::{format_minutes, hhmm, parse_hhmm},
};
use crate::remind;
use crate::remind::engine::{Reminder, next_reminder};
use crate::store::{Paths, Store, StoreError};

#[derive(Debug, Parser)]
#[command(
    name = "bedtime-coach",
    version,
    about = "A calm evening routine and wind-down reminders. Runs offline; your data stays on this computer."
)]
pub struct Cli {
    /// Keep every file in DIR instead of the usual config and data folders.
    #[arg(long, global = true, value_name = "DIR", env = "BEDTIME_COACH_DATA_DIR")]
    pub data_dir: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<CliCommand>,
}

#[derive(Debug, Subcommand)]
pub enum CliCommand {
    /// Show an evening's timeline (default: tonight).
    Plan {
        /// The evening, as YYYY-MM-DD.
        #[arg(long, value_name = "D", value_parser = date_arg)]
        date: Option<NaiveDate>,
        /// Print JSON: an array of steps.
        #[arg(long)]
        json: bool,
    },
    /// Show tonight's progress and the next reminder.
    Status {
        #[arg(long)]
        json: bool,
    },
    /// Mark a step of tonight's routine done (or skipped).
    Check {
        /// The step's id, as `routine list` shows it.
        step: String,
        /// Mark it skipped instead of done.
        #[arg(long, conflicts_with = "undo")]
        skip: bool,
        /// A measured value, such as the humidity in percent for humidity-check.
        #[arg(long, value_name = "V", allow_negative_numbers = true)]
        value: Option<f64>,
        /// The evening, as YYYY-MM-DD (default: tonight).
        #[arg(long, value_name = "D", value_parser = date_arg)]
        date: Option<NaiveDate>,
        /// Take the check-in back.
        #[arg(long)]
        undo: bool,
    },
    /// List or change the steps of your routine.
    #[command(subcommand)]
    Routine(RoutineCommand),
    /// Show or change bedtime and wake time.
    Schedule {
        /// Bedtime, as HH:MM.
        #[arg(long, value_name = "HH:MM", value_parser = clock_arg)]
        bedtime: Option<NaiveTime>,
        /// Wake time, as HH:MM.
        #[arg(long, value_name = "HH:MM", value_parser = clock_arg)]
        wake: Option<NaiveTime>,
        /// Only these evenings, e.g. fri,sat (default: every day).
        #[arg(long, value_name = "DAYS", value_delimiter = ',', value_parser = day_arg)]
        days: Vec<Day>,
    },
    /// Send wind-down reminders without a window (the background service).
    Remind {
        /// Silence the rest of tonight's reminders, then exit.
        #[arg(long, conflicts_with = "resume")]
        pause_tonight: bool,
        /// Bring tonight's reminders back after --pause-tonight, then exit.
        #[arg(long)]
        resume: bool,
    },
    /// Start the reminders at login (an XDG autostart entry), or stop doing so.
    Autostart {
        #[arg(value_enum)]
        action: AutostartArg,
    },
}

impl CliCommand {
    /// Whether the command may change what is stored (so a failure to print its result
    /// must say that the change itself happened).
    pub fn changes_data(&self) -> bool {
        match self {
            CliCommand::Plan { .. } | CliCommand::Status { .. } => false,
            CliCommand::Routine(RoutineCommand::List { .. } | RoutineCommand::Catalog) => false,
            CliCommand::Schedule { bedtime, wake, .. } => bedtime.is_some() || wake.is_some(),
            CliCommand::Autostart { action } => !matches!(action, AutostartArg::Status),
            CliCommand::Check { .. } | CliCommand::Routine(_) | CliCommand::Remind { .. } => true,
        }
    }
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum AutostartArg {
    On,
    Off,
    Status,
}

#[derive(Debug, Subcommand)]
pub enum RoutineCommand {
    /// List the steps of your routine.
    List {
        #[arg(long)]
        json: bool,
    },
    /// List every step the article suggests, with its reason.
    Catalog,
    /// Add a catalog step, or a custom step with your own id.
    Add {
        step: String,
        /// Title of a custom step (default: its id).
        #[arg(long)]
        title: Option<String>,
        #[command(flatten)]
        anchor: AnchorArgs,
        /// Send a reminder for it.
        #[arg(long, value_enum)]
        remind: Option<OnOff>,
    },
    /// Remove a step from your routine (its past check-ins stay).
    Remove { step: String },
    /// Change when a step is due, its reminder, title, or whether it is on.
    Set {
        step: String,
        #[command(flatten)]
        anchor: AnchorArgs,
        #[arg(long, value_enum)]
        remind: Option<OnOff>,
        #[arg(long)]
        title: Option<String>,
        /// Turn the step on or off without removing it.
        #[arg(long, value_enum)]
        enabled: Option<OnOff>,
        /// Move it to this position in the routine (1 = first).
        #[arg(long, value_name = "N")]
        position: Option<usize>,
    },
}

#[derive(Debug, Args)]
#[group(multiple = false)]
pub struct AnchorArgs {
    /// Due this many minutes before bedtime.
    #[arg(long, value_name = "MIN", value_parser = clap::value_parser!(u32).range(0..=1440))]
    pub before: Option<u32>,
    /// Due at this clock time.
    #[arg(long, value_name = "HH:MM", value_parser = clock_arg)]
    pub at: Option<NaiveTime>,
    /// Due this many minutes after the morning alarm.
    #[arg(long, value_name = "MIN", value_parser = clap::value_parser!(u32).range(0..=1440))]
    pub after_wake: Option<u32>,
}

impl AnchorArgs {
    fn anchor(&self) -> Option<Anchor> {
        match (self.before, self.at, self.after_wake) {
            (Some(minutes), _, _) => Some(Anchor::BeforeBedtime { minutes }),
            (_, Some(time), _) => Some(Anchor::At { time }),
            (_, _, Some(minutes)) => Some(Anchor::AfterWake { minutes }),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum OnOff {
    On,
    Off,
}

impl OnOff {
    fn is_on(self) -> bool {
        matches!(self, OnOff::On)
    }
}

fn clock_arg(text: &str) -> Result<NaiveTime, String> {
    parse_hhmm(text).ok_or_else(|| format!("\"{text}\" is not a clock time; use HH:MM, like 22:30"))
}

fn date_arg(text: &str) -> Result<NaiveDate, String> {
    let date = NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map_err(|_| format!("{text} is not a date; use YYYY-MM-DD, like 2026-11-27"))?;
    if !is_sane_date(date) {
        return Err(format!("{text} is too far away; use a date from {FIRST_DATE} to {LAST_DATE}"));
    }
    Ok(date)
}

fn day_arg(text: &str) -> Result<Day, String> {
    Day::parse(text).ok_or_else(|| format!("\"{text}\" is not a weekday; use mon, tue, wed, thu, fri, sat or sun"))
}

/// Runs one command; the text to print goes to stdout, notices to stderr.
pub fn run(command: CliCommand, store: &Store) -> Result<String, CommandError> {
    let now = Local::now();
    run_at(command, store, &now)
}

/// Like [`run`], with the clock and time zone given (tests).
pub fn run_at<Tz: TimeZone>(command: CliCommand, store: &Store, now: &DateTime<Tz>) -> Result<String, CommandError>
where
    Tz::Offset: Display,
{
    let tz = now.timezone();
    match command {
        CliCommand::Plan { date, json } => {
            let snapshot = store.load()?;
            let config = &snapshot.config.value;
            let evening = date.unwrap_or_else(|| evening_at(config, now));
            let plan = plan_evening(config, evening, &tz, snapshot.journal.value.evening(evening));
            if json {
                Ok(pretty(&Value::Array(plan.steps.iter().map(step_json).collect())))
            } else {
                Ok(plan_text(&plan, config, !snapshot.config.existed))
            }
        }
        CliCommand::Status { json } => {
            let snapshot = store.load()?;
            let config = &snapshot.config.value;
            let evening = evening_at(config, now);
            let plan = plan_evening(config, evening, &tz, snapshot.journal.value.evening(evening));
            let log = store.load_reminders()?.value;
            let paused = log.is_paused(evening);
            // The same rule the service follows: nothing is sent before a routine is saved.
            let saved = snapshot.config.existed;
            let next = next_reminder(&remind::service::effective_config(&snapshot.config), &plan, &log, now);
            if json {
                let mut value = status_json(&plan, config, next.as_ref());
                value["paused"] = json!(paused);
                return Ok(pretty(&value));
            }
            let mut text = status_text(&plan, config, saved, next.as_ref(), now);
            if paused {
                text.push_str("\nReminders are paused for the rest of tonight.");
            }
            Ok(text)
        }
        CliCommand::Check { step, skip, value, date, undo } => {
            let config = store.load_config()?.value;
            let evening = date.unwrap_or_else(|| evening_at(&config, now));
            let title = config
                .routine
                .get(&step)
                .map(|s| s.title().to_owned())
                .ok_or_else(|| CommandError::UnknownStep(step.clone()))?;
            let when = evening.format("%a %-d %b");
            if undo {
                let applied = Command::Undo { evening, step }.apply(store)?;
                return Ok(match applied {
                    Applied::Unchanged => format!("Nothing to undo: {title} was not checked on the evening of {when}."),
                    _ => format!("{title}: check-in taken back (evening of {when})."),
                });
            }
            let outcome = if skip { Outcome::Skipped } else { Outcome::Done };
            let at = now.fixed_offset();
            Command::Check { evening, step: step.clone(), outcome, value, at }.apply(store)?;
            let mut out = format!("{title}: {} (evening of {when}).", if skip { "skipped" } else { "done" });
            if let (Some(value), true) = (value, step == "humidity-check") {
                let heating = config.settings.hemisphere.is_cold_season(evening);
                write!(out, "\n{}", catalog::humidity_advice(value, heating)).ok();
            }
            Ok(out)
        }
        CliCommand::Routine(command) => routine(command, store),
        CliCommand::Schedule { bedtime, wake, days } => {
            if bedtime.is_some() || wake.is_some() {
                Command::SetNights { days, bedtime, wake }.apply(store)?;
            } else if !days.is_empty() {
                return Err(CommandError::BadValue("Give --bedtime and/or --wake to change those days.".to_owned()));
            }
            Ok(schedule_text(&store.load_config()?.value))
        }
        CliCommand::Remind { pause_tonight, resume } => remind::remind_command(store, now, pause_tonight, resume),
        CliCommand::Autostart { action } => remind::autostart_command(
            store,
            match action {
                AutostartArg::On => remind::AutostartAction::On,
                AutostartArg::Off => remind::AutostartAction::Off,
                AutostartArg::Status => remind::AutostartAction::Status,
            },
        ),
    }
}

fn routine(command: RoutineCommand, store: &Store) -> Result<String, CommandError> {
    match command {
        RoutineCommand::List { json } => {
            let loaded = store.load_config()?;
            let routine = &loaded.value.routine;
            if json {
                return Ok(pretty(&Value::Array(
                    routine
                        .steps
                        .iter()
                        .map(|s| {
                            json!({"id": s.id, "title": s.title(), "why": s.why(), "anchor": s.anchor,
                                "remind": s.remind, "enabled": s.enabled, "custom": s.catalog_entry().is_none()})
                        })
                        .collect(),
                )));
            }
            let mut out = String::new();
            if !loaded.existed {
                out.push_str("This is the default routine from the article; change it here or in the window.\n\n");
            }
            for (n, s) in routine.steps.iter().enumerate() {
                let flags = format!("{}{}", if s.remind { "remind" } else { "" }, if s.enabled { "" } else { " off" });
                writeln!(
                    out,
                    "{:>2}. {:<20} {:<44} {:<26} {}",
                    n + 1,
                    s.id,
                    s.title(),
                    s.anchor.describe(),
                    flags.trim()
                )
                .ok();
            }
            Ok(out.trim_end().to_owned())
        }
        RoutineCommand::Catalog => {
            let mut out = String::new();
            for entry in catalog::CATALOG {
                writeln!(
                    out,
                    "{:<20} {} ({})\n{:<20} {}\n",
                    entry.id,
                    entry.title,
                    entry.anchor.describe(),
                    "",
                    entry.why
                )
                .ok();
            }
            Ok(out.trim_end().to_owned())
        }
        RoutineCommand::Add { step, title, anchor, remind } => {
            let mut new = new_step(&step, title, anchor.anchor());
            if let Some(remind) = remind {
                new.remind = remind.is_on();
            }
            let summary = format!("Added {} ({}, {}).", new.title(), new.id, new.anchor.describe());
            Command::AddStep(new).apply(store)?;
            Ok(summary)
        }
        RoutineCommand::Remove { step } => {
            Command::RemoveStep { step: step.clone() }.apply(store)?;
            Ok(format!("Removed {step} from your routine; its past check-ins are kept."))
        }
        RoutineCommand::Set { step, anchor, remind, title, enabled, position } => {
            let edit = StepEdit {
                title: title.map(Some),
                why: None,
                anchor: anchor.anchor(),
                remind: remind.map(OnOff::is_on),
                enabled: enabled.map(OnOff::is_on),
            };
            let applied = Command::EditStep { step: step.clone(), edit }.apply(store)?;
            let moved = match position {
                Some(position) => {
                    Command::MoveStep { step: step.clone(), to: position.saturating_sub(1) }.apply(store)?
                }
                None => Applied::Unchanged,
            };
            match applied {
                Applied::Step(changed) => Ok(format!(
                    "{} ({}): {}, reminder {}{}.",
                    changed.title(),
                    changed.id,
                    changed.anchor.describe(),
                    if changed.remind { "on" } else { "off" },
                    if changed.enabled { "" } else { ", turned off" }
                )),
                _ if moved.changed() => Ok(format!("Moved {step} to position {}.", position.unwrap_or(1))),
                _ => Ok(format!("Nothing to change: {step} already is as you asked.")),
            }
        }
    }
}

fn rfc3339<Tz: TimeZone>(instant: &DateTime<Tz>) -> String
where
    Tz::Offset: Display,
{
    instant.to_rfc3339_opts(SecondsFormat::Secs, false)
}

fn step_json<Tz: TimeZone>(step: &PlannedStep<Tz>) -> Value
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

fn status_json<Tz: TimeZone>(plan: &Plan<Tz>, config: &Config, next: Option<&Reminder<Tz>>) -> Value
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

fn plan_text<Tz: TimeZone>(plan: &Plan<Tz>, config: &Config, is_default: bool) -> String
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

fn status_text<Tz: TimeZone>(
    plan: &Plan<Tz>,
    config: &Config,
    routine_saved: bool,
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
        None if !routine_saved => writeln!(out, "{}", remind::service::NO_ROUTINE_YET).ok(),
        None => writeln!(out, "No more reminders tonight.").ok(),
    };
    out.trim_end().to_owned()
}

fn schedule_text(config: &Config) -> String {
    let schedule = &config.schedule;
    let mut out = String::new();
    let line = |night: &crate::model::Night| {
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

fn pretty(value: &Value) -> String {
    serde_json::to_string_pretty(value).unwrap_or_default()
}

/// Opens the store named on the command line.
pub fn open_store(data_dir: Option<&std::path::Path>) -> Result<Store, StoreError> {
    Ok(Store::new(Paths::resolve(data_dir)?))
}
