//! The command-line grammar: clap's types and the parsers for its values, so the
//! handlers receive typed values and never see raw text.

use std::path::PathBuf;

use chrono::{NaiveDate, NaiveTime};
use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::model::time::{FIRST_DATE, LAST_DATE, is_sane_date, parse_hhmm};
use crate::model::{Anchor, Day};
use crate::tr;

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
    pub(super) fn anchor(&self) -> Option<Anchor> {
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
    pub(super) fn is_on(self) -> bool {
        matches!(self, OnOff::On)
    }
}

fn clock_arg(text: &str) -> Result<NaiveTime, String> {
    parse_hhmm(text).ok_or_else(|| tr!("cli-error-clock-time", text = text))
}

fn date_arg(text: &str) -> Result<NaiveDate, String> {
    let date = NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|_| tr!("cli-error-date", text = text))?;
    if !is_sane_date(date) {
        let (first, last) = (FIRST_DATE.to_string(), LAST_DATE.to_string());
        return Err(tr!("cli-error-date-range", text = text, first = first, last = last));
    }
    Ok(date)
}

fn day_arg(text: &str) -> Result<Day, String> {
    Day::parse(text).ok_or_else(|| tr!("cli-error-weekday", text = text))
}
