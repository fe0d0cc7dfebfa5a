//! Wind-down reminders that never miss, never repeat and never block.
//!
//! - [`engine`]: the pure decisions (what is due, what is late, what stays silent).
//! - [`notifier`]: desktop notifications on their own thread, with a deadline.
//! - [`reminder_loop`]: decide, save, show, sleep; what the service runs.
//! - [`service`]: `bedtime-coach remind`, the one process that sends reminders, and how
//!   the window starts it.
//! - [`autostart`]: the XDG autostart entry that starts the service at login.
//!
//! Timing and notifications live here and nowhere else; the files they touch (the
//! reminder log, the owner lock, the autostart entry) are written through `store`.

pub mod autostart;
mod buttons;
pub mod engine;
pub mod notifier;
pub mod reminder_loop;
pub mod service;

use chrono::{DateTime, TimeZone};

use crate::command::{Command, CommandError};
use crate::model::evening_at;
use crate::model::Config;
use crate::store::{Loaded, Paths, Store, StoreError, owner_pid};

/// The app icon, shown by notifications and the autostart entry.
pub const ICON_PNG: &[u8] = include_bytes!("../../assets/icon.png");

/// The routine as reminders see it: until the user has saved one (the first-run setup),
/// the embedded default must not start sending notifications.
pub fn effective_config(loaded: &Loaded<Config>) -> Config {
    let mut config = loaded.value.clone();
    if !loaded.existed {
        config.settings.reminders = false;
    }
    config
}

/// Why reminders could not run; each message is a sentence for the user.
#[derive(Debug, thiserror::Error)]
pub enum RemindError {
    #[error(
        "Reminders are already running in another Bedtime Coach process{}; this one is not needed and stops here.",
        pid.map(|pid| format!(" (process {pid})")).unwrap_or_default()
    )]
    AlreadyRunning { pid: Option<u32> },
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// `bedtime-coach remind [--pause-tonight | --resume]`: pauses or resumes tonight's
/// reminders, or runs the background service until the process ends.
pub fn remind_command<Tz: TimeZone>(
    store: &Store,
    now: &DateTime<Tz>,
    pause_tonight: bool,
    resume: bool,
) -> Result<String, CommandError> {
    if !(pause_tonight || resume) {
        service::run_background(store.paths().clone())?;
        return Ok(String::new());
    }
    let evening = evening_at(&store.load_config()?.value, now);
    Command::PauseReminders { evening, paused: pause_tonight }.apply(store)?;
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
pub fn custom_data_dir(paths: &Paths) -> Option<&std::path::Path> {
    let default = Paths::resolve(None).ok();
    (default.as_ref() != Some(paths)).then_some(paths.data_dir.as_path())
}

/// `bedtime-coach autostart on|off|status`.
pub fn autostart_command(store: &Store, action: AutostartAction) -> Result<String, CommandError> {
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
        AutostartAction::Status => format!("{}{}", autostart::status()?.message(), running.unwrap_or_default()),
    };
    Ok(message)
}
