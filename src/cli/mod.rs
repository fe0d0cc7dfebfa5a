//! The command line: the same data as the window, for terminals and scripts.
//!
//! Handlers read the clock and the local time zone once, at the top, and pass them down;
//! everything below works on plain values.
//!
//! - `args`: the grammar (clap types and value parsers);
//! - `handlers`, `routine`, `reminders`, `stats`, `export`, `import`, `reminder_list`, `night`,
//!   `report`: one function per command;
//! - `output`: the text and JSON they print.

mod args;
pub mod clap_text;
mod error;
mod export;
mod handlers;
mod help;
mod import;
mod night;
mod output;
mod reminder_list;
mod reminders;
mod report;
mod routine;
mod stats;

use std::fmt::Display;

use chrono::{DateTime, Local, TimeZone};

pub use args::{
    AnchorArgs, AutostartArg, Cli, CliCommand, ExportFormatArg, JerksArg, NightArgs, OnOff, RoutineCommand,
    StartScreen, StressArg, YesNo,
};
pub use help::{localized_command, manual_words};
pub use reminders::autostart_command;

pub use error::CliError;

use crate::use_cases::files::RoutineChoice;
use crate::use_cases::{AutostartAction, Coach};

/// Runs one command; the text to print goes to stdout, notices to stderr.
pub fn run(command: CliCommand, coach: &Coach) -> Result<String, CliError> {
    let now = Local::now();
    run_at(command, coach, &now)
}

/// Like [`run`], with the clock and time zone given (tests).
pub fn run_at<Tz: TimeZone>(command: CliCommand, coach: &Coach, now: &DateTime<Tz>) -> Result<String, CliError>
where
    Tz::Offset: Display,
{
    match command {
        CliCommand::Plan { date, json } => handlers::plan(coach, now, date, json),
        CliCommand::Status { json } => handlers::status(coach, now, json),
        CliCommand::Check { step, skip, value, date, undo } => {
            handlers::check(coach, now, handlers::CheckArgs { step, skip, value, date, undo })
        }
        CliCommand::Routine(command) => routine::routine(command, coach, now.fixed_offset()),
        CliCommand::Schedule { bedtime, wake, days } => {
            handlers::schedule(coach, now.fixed_offset(), bedtime, wake, days)
        }
        CliCommand::Remind { test: true, .. } => reminders::test_notification(coach, now),
        CliCommand::Remind { stop: true, .. } => reminders::stop_service(coach),
        CliCommand::Remind { pause_tonight, resume, .. } => {
            reminders::remind_command(coach, now, pause_tonight, resume)
        }
        CliCommand::Activate { uri } => reminders::activate(coach, now, &uri),
        CliCommand::Reminders { date, json } => reminder_list::reminders(coach, now, date, json),
        CliCommand::Export { format, from, to, output } => export::export(coach, format, from, to, output),
        CliCommand::Import { file, dry_run, routine } => {
            let choice = if routine { RoutineChoice::Replace } else { RoutineChoice::Keep };
            import::import(coach, &file, dry_run, choice, now)
        }
        CliCommand::Stats { json } => stats::stats(coach, now, json),
        CliCommand::Night(args) => night::night(coach, now, args),
        CliCommand::Report { weeks, format, output, to } => {
            report::report(coach, now, report::SummaryArgs { weeks, format: format.format(), output, to })
        }
        CliCommand::SetShortcutAppId { link } => reminders::set_shortcut_app_id(&link),
        CliCommand::Autostart { action } => autostart_command(
            coach,
            match action {
                AutostartArg::On => AutostartAction::On,
                AutostartArg::Off => AutostartAction::Off,
                AutostartArg::Status => AutostartAction::Status,
            },
        ),
    }
}
