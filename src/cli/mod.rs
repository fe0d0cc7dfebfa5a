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
mod export;
mod handlers;
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
    StartScreen, StressArg, YesNo, localized_command,
};
pub use output::terminal_text;
pub use reminders::{AutostartAction, autostart_command, custom_data_dir};

use crate::command::CommandError;
use crate::remind::RemindError;
use crate::store::{Paths, Store, StoreError, TransferError};

/// Why a command failed; each message is one sentence for the user.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error(transparent)]
    Command(#[from] CommandError),
    #[error(transparent)]
    Remind(#[from] RemindError),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Transfer(#[from] TransferError),
    /// `remind --test` got no notification on screen; the sentence says why.
    #[error("{0}")]
    Test(String),
}

/// Runs one command; the text to print goes to stdout, notices to stderr.
pub fn run(command: CliCommand, store: &Store) -> Result<String, CliError> {
    let now = Local::now();
    run_at(command, store, &now)
}

/// Like [`run`], with the clock and time zone given (tests). Text for people goes
/// through [`terminal_text`]; data (JSON, an export or summary on standard output) is
/// printed as it is.
pub fn run_at<Tz: TimeZone>(command: CliCommand, store: &Store, now: &DateTime<Tz>) -> Result<String, CliError>
where
    Tz::Offset: Display,
{
    let data = command.prints_data();
    let text = dispatch(command, store, now)?;
    Ok(if data { text } else { terminal_text(&text).into_owned() })
}

fn dispatch<Tz: TimeZone>(command: CliCommand, store: &Store, now: &DateTime<Tz>) -> Result<String, CliError>
where
    Tz::Offset: Display,
{
    match command {
        CliCommand::Plan { date, json } => handlers::plan(store, now, date, json),
        CliCommand::Status { json } => handlers::status(store, now, json),
        CliCommand::Check { step, skip, value, date, undo } => {
            handlers::check(store, now, handlers::CheckArgs { step, skip, value, date, undo })
        }
        CliCommand::Routine(command) => routine::routine(command, store),
        CliCommand::Schedule { bedtime, wake, days } => handlers::schedule(store, bedtime, wake, days),
        CliCommand::Remind { test: true, .. } => reminders::test_notification(store, now),
        CliCommand::Remind { pause_tonight, resume, .. } => {
            reminders::remind_command(store, now, pause_tonight, resume)
        }
        CliCommand::Reminders { date, json } => reminder_list::reminders(store, now, date, json),
        CliCommand::Export { format, from, to, output } => export::export(store, format, from, to, output),
        CliCommand::Import { file, dry_run } => import::import(store, &file, dry_run, &now.fixed_offset()),
        CliCommand::Stats { json } => stats::stats(store, now, json),
        CliCommand::Night(args) => night::night(store, now, args),
        CliCommand::Report { weeks, format, output, to } => {
            report::report(store, now, report::Request { weeks, format: format.format(), output, to })
        }
        CliCommand::Autostart { action } => autostart_command(
            store,
            match action {
                AutostartArg::On => AutostartAction::On,
                AutostartArg::Off => AutostartAction::Off,
                AutostartArg::Status => AutostartAction::Status,
            },
        ),
    }
}

/// Opens the store named on the command line.
pub fn open_store(data_dir: Option<&std::path::Path>) -> Result<Store, StoreError> {
    Ok(Store::new(Paths::resolve(data_dir)?))
}
