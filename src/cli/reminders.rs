//! The handlers of `remind` and `autostart`, with their texts: the reminder service and
//! the autostart entry live in `remind`; what the user is told about them lives here.
//! The window's autostart switch uses [`autostart_command`] too.

use std::io::{self, Write as _};
use std::path::Path;

use chrono::{DateTime, Local, TimeZone};

use super::CliError;
use super::output::NO_ROUTINE_YET;
use crate::command::Change;
use crate::model::{Config, evening_at};
use crate::remind::ICON_PNG;
use crate::remind::autostart::{self, AutostartStatus};
use crate::remind::service::{self, effective_config};
use crate::store::{Loaded, Paths, Store, owner_pid};

/// Whether reminders are on in the settings but the service holds them back because no
/// routine is saved yet (the service's rule, [`effective_config`]).
pub(super) fn waiting_for_routine(loaded: &Loaded<Config>) -> bool {
    loaded.value.settings.reminders && !effective_config(loaded).settings.reminders
}

/// `bedtime-coach remind [--pause-tonight | --resume]`: pauses or resumes tonight's
/// reminders, or runs the background service until the process ends.
pub(super) fn remind_command<Tz: TimeZone>(
    store: &Store,
    now: &DateTime<Tz>,
    pause_tonight: bool,
    resume: bool,
) -> Result<String, CliError> {
    if !(pause_tonight || resume) {
        let paths = store.paths();
        if !service::is_running(paths) && store.load_config().is_ok_and(|loaded| waiting_for_routine(&loaded)) {
            // A detached service may have lost its terminal: never fail over this line.
            let _ = writeln!(io::stderr(), "{} {NO_ROUTINE_YET}", Local::now().format("%H:%M:%S"));
        }
        service::run_background(paths.clone())?;
        return Ok(String::new());
    }
    let evening = evening_at(&store.load_config()?.value, now);
    Change::PauseReminders { evening, paused: pause_tonight }.apply(store)?;
    let when = evening.format("%a %-d %b");
    Ok(if pause_tonight {
        format!("Reminders are paused for the rest of tonight (evening of {when}); they return tomorrow.")
    } else {
        format!("Reminders are back on for tonight (evening of {when}).")
    })
}

/// What `bedtime-coach autostart` does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AutostartAction {
    On,
    Off,
    Status,
}

/// The data folder to name in the autostart entry: only one chosen with `--data-dir`.
pub fn custom_data_dir(paths: &Paths) -> Option<&Path> {
    let default = Paths::resolve(None).ok();
    (default.as_ref() != Some(paths)).then_some(paths.data_dir.as_path())
}

/// `autostart status` as a sentence.
fn status_text(status: &AutostartStatus) -> String {
    match (status.enabled, &status.exec) {
        (true, _) => format!("Reminders start at login ({}).", status.path.display()),
        (false, Some(_)) => format!("Autostart is disabled in {}.", status.path.display()),
        (false, None) => "Reminders do not start at login; `bedtime-coach autostart on` turns that on.".to_owned(),
    }
}

/// `bedtime-coach autostart on|off|status`.
pub fn autostart_command(store: &Store, action: AutostartAction) -> Result<String, CliError> {
    let paths = store.paths();
    let running = owner_pid(paths).map(|pid| format!(" A reminder service is running now (process {pid})."));
    let message = match action {
        AutostartAction::On => {
            let icon = store.ensure_file("icon.png", ICON_PNG)?;
            let path = autostart::enable(custom_data_dir(paths), &icon.display().to_string())?;
            let now = running.unwrap_or_else(|| " To start them now, run `bedtime-coach remind &`.".to_owned());
            format!("Reminders will start at login ({}).{now}", path.display())
        }
        AutostartAction::Off => {
            let removed = autostart::disable()?;
            let base = if removed {
                "Reminders no longer start at login."
            } else {
                "Reminders were not set to start at login."
            };
            format!("{base}{}", running.map(|r| format!("{r} It stops when you log out.")).unwrap_or_default())
        }
        AutostartAction::Status => format!("{}{}", status_text(&autostart::status()?), running.unwrap_or_default()),
    };
    Ok(message)
}
