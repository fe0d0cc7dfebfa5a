//! The command-line grammar: clap's types and the parsers for its values, so the
//! handlers receive typed values and never see raw text.

use std::path::PathBuf;

use chrono::{NaiveDate, NaiveTime};
use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::model::night::{RESTED_MAX, RESTED_MIN};
use crate::model::routine::MAX_ANCHOR_MINUTES;
use crate::model::time::{FIRST_DATE, LAST_DATE, is_sane_date, parse_hhmm};
use crate::model::{Anchor, Day, Jerks, NightAnswer, Stress};
use crate::use_cases::files::is_standard_output;

/// The model's ranges, as clap's range parsers take them.
const RESTED: std::ops::RangeInclusive<i64> = RESTED_MIN as i64..=RESTED_MAX as i64;
const ANCHOR_MINUTES: std::ops::RangeInclusive<i64> = 0..=MAX_ANCHOR_MINUTES as i64;
use crate::tr;

#[derive(Debug, Parser)]
/// The command line. Its help texts are in `help.ftl`, put in by `help::localized_command`.
#[command(name = "bedtime-coach", version)]
pub struct Cli {
    #[arg(long, global = true, value_name = "DIR", env = "BEDTIME_COACH_DATA_DIR")]
    pub data_dir: Option<PathBuf>,
    /// This computer's own files for the data folder (locks, reminder log), when not in
    /// the usual state folder: for programs this one starts, and tests.
    #[arg(long, global = true, value_name = "DIR", env = "BEDTIME_COACH_STATE_DIR", hide = true)]
    pub state_dir: Option<PathBuf>,
    /// The screen the window opens on (no command); the morning invitation asks for
    /// `night`.
    #[arg(long, value_enum, value_name = "SCREEN")]
    pub screen: Option<StartScreen>,
    #[command(subcommand)]
    pub command: Option<CliCommand>,
}

#[derive(Debug, Subcommand)]
pub enum CliCommand {
    Plan {
        #[arg(long, value_name = "D", value_parser = date_arg)]
        date: Option<NaiveDate>,
        #[arg(long)]
        json: bool,
    },
    Status {
        #[arg(long)]
        json: bool,
    },
    Check {
        step: String,
        #[arg(long, conflicts_with = "undo")]
        skip: bool,
        #[arg(long, value_name = "V", allow_negative_numbers = true)]
        value: Option<f64>,
        #[arg(long, value_name = "D", value_parser = date_arg)]
        date: Option<NaiveDate>,
        #[arg(long)]
        undo: bool,
    },
    #[command(subcommand)]
    Routine(RoutineCommand),
    Schedule {
        #[arg(long, value_name = "HH:MM", value_parser = clock_arg)]
        bedtime: Option<NaiveTime>,
        #[arg(long, value_name = "HH:MM", value_parser = clock_arg)]
        wake: Option<NaiveTime>,
        #[arg(long, value_name = "DAYS", value_delimiter = ',', value_parser = day_arg)]
        days: Vec<Day>,
    },
    Remind {
        #[arg(long, conflicts_with = "resume")]
        pause_tonight: bool,
        #[arg(long)]
        resume: bool,
        #[arg(long, conflicts_with_all = ["pause_tonight", "resume"])]
        test: bool,
        #[arg(long, conflicts_with_all = ["pause_tonight", "resume", "test"])]
        stop: bool,
    },
    Autostart {
        #[arg(value_enum)]
        action: AutostartArg,
    },
    Reminders {
        #[arg(long, value_name = "D", value_parser = date_arg)]
        date: Option<NaiveDate>,
        #[arg(long)]
        json: bool,
    },
    Export {
        #[arg(long, value_enum, default_value = "json")]
        format: ExportFormatArg,
        #[arg(long, value_name = "D", value_parser = date_arg)]
        from: Option<NaiveDate>,
        #[arg(long, value_name = "D", value_parser = date_arg)]
        to: Option<NaiveDate>,
        #[arg(short = 'o', long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    Import {
        file: PathBuf,
        #[arg(long)]
        dry_run: bool,
        #[arg(long)]
        routine: bool,
    },
    Stats {
        #[arg(long)]
        json: bool,
    },
    Night(NightArgs),
    /// The Windows installer's: gives its Start-menu shortcut the app's AppUserModelID
    /// (`platform::shortcut`). Hidden: people do not type it.
    #[command(hide = true)]
    SetShortcutAppId {
        link: PathBuf,
    },
    /// A press on a Windows toast (`bedtime-coach:done?…`): started by the URI scheme,
    /// not by people (see `remind::toast`).
    #[command(hide = true)]
    Activate {
        uri: String,
    },
    Report {
        #[arg(long, value_name = "N", default_value_t = crate::use_cases::files::DEFAULT_WEEKS, value_parser = weeks_arg)]
        weeks: u8,
        #[arg(long, value_enum, default_value_t = ReportFormat::Html)]
        format: ReportFormat,
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
        #[arg(long, value_name = "D", value_parser = date_arg)]
        to: Option<NaiveDate>,
    },
}

/// The doctor summary's file format (`report --format`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Html,
    Csv,
}

impl ReportFormat {
    pub(super) fn format(self) -> crate::use_cases::files::SummaryFormat {
        match self {
            ReportFormat::Html => crate::use_cases::files::SummaryFormat::Html,
            ReportFormat::Csv => crate::use_cases::files::SummaryFormat::Csv,
        }
    }
}

/// `night`: the answers to set (none: show the night's log).
#[derive(Debug, Args)]
pub struct NightArgs {
    #[arg(long, value_name = "D", value_parser = date_arg)]
    pub date: Option<NaiveDate>,
    #[arg(long, value_enum, value_name = "HOW_MANY")]
    pub twitches: Option<JerksArg>,
    #[arg(long, value_enum, value_name = "YES_NO", num_args = 0..=1, require_equals = true, default_missing_value = "yes")]
    pub jolt: Option<YesNo>,
    #[arg(long, value_enum, value_name = "YES_NO", num_args = 0..=1, require_equals = true, default_missing_value = "yes")]
    pub all_night: Option<YesNo>,
    #[arg(long, value_enum, value_name = "YES_NO", num_args = 0..=1, require_equals = true, default_missing_value = "yes")]
    pub daytime: Option<YesNo>,
    #[arg(long, value_enum, value_name = "YES_NO", num_args = 0..=1, require_equals = true, default_missing_value = "yes")]
    pub restless_legs: Option<YesNo>,
    #[arg(long, value_enum, value_name = "YES_NO", num_args = 0..=1, require_equals = true, default_missing_value = "yes")]
    pub partner_saw_movements: Option<YesNo>,
    #[arg(long, value_enum, value_name = "YES_NO", num_args = 0..=1, require_equals = true, default_missing_value = "yes")]
    pub paralysis: Option<YesNo>,
    #[arg(long, value_name = "1-5", value_parser = clap::value_parser!(u8).range(RESTED))]
    pub rested: Option<u8>,
    #[arg(long, value_enum, value_name = "LEVEL")]
    pub stress: Option<StressArg>,
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
    #[arg(long)]
    pub quiet_night: bool,
    #[arg(long, conflicts_with_all = [
        "twitches", "jolt", "all_night", "daytime", "restless_legs", "partner_saw_movements",
        "paralysis", "rested", "stress", "note", "quiet_night",
    ])]
    pub forget: bool,
    #[arg(long)]
    pub json: bool,
}

impl NightArgs {
    /// The answers given, in the order of the questions; `--quiet-night` first, so an
    /// answer given with it (`--quiet-night --jolt`) wins.
    pub fn answers(&self) -> Vec<NightAnswer> {
        let mut answers = if self.quiet_night { NightAnswer::quiet_night() } else { Vec::new() };
        let yes = |flag: Option<YesNo>| flag.map(|flag| matches!(flag, YesNo::Yes));
        answers.extend(self.twitches.map(|jerks| NightAnswer::FallingAsleep(Some(jerks.into()))));
        answers.extend(yes(self.jolt).map(NightAnswer::WokeFromJolt));
        answers.extend(yes(self.all_night).map(NightAnswer::TwitchAllNight));
        answers.extend(yes(self.daytime).map(NightAnswer::TwitchDaytime));
        answers.extend(yes(self.restless_legs).map(NightAnswer::RestlessLegs));
        answers.extend(yes(self.partner_saw_movements).map(NightAnswer::PartnerSawMovements));
        answers.extend(yes(self.paralysis).map(NightAnswer::SleepParalysis));
        answers.extend(self.rested.map(|score| NightAnswer::Rested(Some(score))));
        answers.extend(self.stress.map(|stress| NightAnswer::Stress(Some(stress.into()))));
        answers.extend(self.note.clone().map(NightAnswer::Note));
        answers
    }
}

/// `--jolt=yes|no` (also true/false, on/off).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum YesNo {
    #[value(alias = "true", alias = "on")]
    Yes,
    #[value(alias = "false", alias = "off")]
    No,
}

/// Twitches while falling asleep.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum JerksArg {
    None,
    Few,
    Many,
}

impl From<JerksArg> for Jerks {
    fn from(value: JerksArg) -> Jerks {
        match value {
            JerksArg::None => Jerks::None,
            JerksArg::Few => Jerks::Few,
            JerksArg::Many => Jerks::Many,
        }
    }
}

/// Stress the day before.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StressArg {
    Low,
    Some,
    High,
}

impl From<StressArg> for Stress {
    fn from(value: StressArg) -> Stress {
        match value {
            StressArg::Low => Stress::Low,
            StressArg::Some => Stress::Moderate,
            StressArg::High => Stress::High,
        }
    }
}

impl CliCommand {
    /// Whether the command may change what is stored (so a failure to print its result
    /// must say that the change itself happened).
    pub fn changes_data(&self) -> bool {
        match self {
            CliCommand::Plan { .. }
            | CliCommand::Status { .. }
            | CliCommand::Stats { .. }
            | CliCommand::Reminders { .. } => false,
            // Writes a file the user named, not the app's data.
            CliCommand::Report { .. } => false,
            // A shortcut of the installer's, not the app's data.
            CliCommand::SetShortcutAppId { .. } => false,
            CliCommand::Routine(RoutineCommand::List { .. } | RoutineCommand::Catalog) => false,
            CliCommand::Schedule { bedtime, wake, .. } => bedtime.is_some() || wake.is_some(),
            CliCommand::Autostart { action } => !matches!(action, AutostartArg::Status),
            CliCommand::Check { .. }
            | CliCommand::Routine(_)
            | CliCommand::Remind { .. }
            | CliCommand::Activate { .. } => true,
            // An export changes none of the app's data; an import does unless it only previews.
            CliCommand::Export { .. } => false,
            CliCommand::Import { dry_run, .. } => !dry_run,
            CliCommand::Night(args) => args.forget || !args.answers().is_empty(),
        }
    }
}

impl CliCommand {
    /// Whether what the command prints is data for another program (JSON, an export or
    /// a summary on standard output): kept as UTF-8 whatever the terminal's character set.
    pub fn prints_data(&self) -> bool {
        match self {
            CliCommand::Plan { json, .. }
            | CliCommand::Status { json }
            | CliCommand::Reminders { json, .. }
            | CliCommand::Stats { json }
            | CliCommand::Routine(RoutineCommand::List { json }) => *json,
            CliCommand::Night(args) => args.json,
            CliCommand::Export { output, .. } => output.as_deref().is_none_or(is_standard_output),
            CliCommand::Report { output, .. } => output.as_deref().is_some_and(is_standard_output),
            _ => false,
        }
    }
}

/// A screen the window can be asked to open on (`--screen`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StartScreen {
    Tonight,
    Night,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ExportFormatArg {
    Json,
    Csv,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum AutostartArg {
    On,
    Off,
    Status,
}

#[derive(Debug, Subcommand)]
pub enum RoutineCommand {
    List {
        #[arg(long)]
        json: bool,
    },
    Catalog,
    Add {
        step: String,
        #[arg(long)]
        title: Option<String>,
        #[command(flatten)]
        anchor: AnchorArgs,
        #[arg(long, value_enum)]
        remind: Option<OnOff>,
    },
    Remove {
        step: String,
    },
    Set {
        step: String,
        #[command(flatten)]
        anchor: AnchorArgs,
        #[arg(long, value_enum)]
        remind: Option<OnOff>,
        #[arg(long)]
        title: Option<String>,
        #[arg(long, value_enum)]
        enabled: Option<OnOff>,
        #[arg(long, value_name = "N")]
        position: Option<usize>,
    },
}

#[derive(Debug, Args)]
#[group(multiple = false)]
pub struct AnchorArgs {
    #[arg(long, value_name = "MIN", value_parser = clap::value_parser!(u32).range(ANCHOR_MINUTES))]
    pub before: Option<u32>,
    #[arg(long, value_name = "HH:MM", value_parser = clock_arg)]
    pub at: Option<NaiveTime>,
    #[arg(long, value_name = "MIN", value_parser = clap::value_parser!(u32).range(ANCHOR_MINUTES))]
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

fn weeks_arg(text: &str) -> Result<u8, String> {
    use crate::use_cases::files::{MAX_WEEKS, MIN_WEEKS};
    let outside = || tr!("cli-error-report-weeks", text = text, min = MIN_WEEKS, max = MAX_WEEKS);
    let weeks: u8 = text.trim().parse().map_err(|_| outside())?;
    if (MIN_WEEKS..=MAX_WEEKS).contains(&weeks) { Ok(weeks) } else { Err(outside()) }
}

fn day_arg(text: &str) -> Result<Day, String> {
    Day::parse(text).ok_or_else(|| tr!("cli-error-weekday", text = text))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::help::localized_command;
    use crate::i18n::{Language, with_language};
    use clap::Command;

    #[test]
    fn the_window_can_be_asked_to_open_on_the_night_log() {
        let cli = Cli::try_parse_from(["bedtime-coach", "--screen", "night"]).unwrap();
        assert_eq!(cli.screen, Some(StartScreen::Night));
        assert!(cli.command.is_none());
        assert!(Cli::try_parse_from(["bedtime-coach", "--screen", "nowhere"]).is_err());
    }

    /// Every command and option a user can ask about has its own help text in each
    /// language (clap's own `--help`/`--version` and the value-only flags aside).
    #[test]
    fn every_command_and_option_has_help_in_every_language() {
        fn walk(command: &Command, path: &str, missing: &mut Vec<String>) {
            let path = format!("{path} {}", command.get_name());
            if command.get_about().is_none() {
                missing.push(path.clone());
            }
            for arg in command.get_arguments() {
                let id = arg.get_id().as_str();
                // Unhelped on purpose: the same `--json`, `--remind`, `--title` and step
                // positional that the commands' own help explains.
                let plain = ["json", "remind", "title", "step", "action", "help", "version"];
                if arg.get_help().is_none() && !plain.contains(&id) {
                    missing.push(format!("{path} {id}"));
                }
            }
            for sub in command.get_subcommands().filter(|sub| sub.get_name() != "help") {
                walk(sub, &path, missing);
            }
        }
        for language in Language::ALL {
            let mut missing = Vec::new();
            with_language(language, || walk(&localized_command(), "", &mut missing));
            assert!(missing.is_empty(), "{language:?}: no help for {missing:?}");
        }
    }
}
