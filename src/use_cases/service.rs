//! The reminder service and the window as processes: start them, ask whether the service
//! runs, and have it start at login.
//!
//! Why it exists: the window starts the service, the tray and a notification start the
//! window, and both the window and the command line turn autostart on; each must pass on
//! a data folder chosen with `--data-dir` and install the icon before the autostart entry
//! names it. Those rules are here once.

use std::ffi::OsString;
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::Coach;
use crate::platform::autostart::{self, AutostartStatus};
use crate::platform::{detached, stop_request};
use crate::remind::{ICON_PNG, RemindError};
use crate::store::StoreError;

/// What the user asked of autostart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AutostartAction {
    On,
    Off,
    Status,
}

/// What `remind --stop` found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ServiceStop {
    /// No service owned the reminders of these files.
    NotRunning,
    /// The service (its process id, where known) stopped and handed them back.
    Stopped(Option<u32>),
}

/// How long `remind --stop` waits for the service to hand the reminders back.
pub const STOP_WAIT: Duration = Duration::from_secs(5);

/// What came of it.
#[derive(Debug, Clone, PartialEq)]
pub enum AutostartDone {
    /// The entry was written here.
    On(PathBuf),
    /// The entry was removed (`true`) or there was none (`false`).
    Off(bool),
    Status(AutostartStatus),
}

impl Coach {
    /// Whether another process (a background service, another window) owns the reminders.
    pub fn service_running(&self) -> bool {
        self.service_pid().is_some_and(|pid| pid != std::process::id())
    }

    /// Asks the reminder service of these files to stop (SIGTERM on Unix, its stop event
    /// on Windows: `platform::stop_request`) and waits up to `wait` for the owner lock to
    /// be free.
    pub fn stop_service(&self, wait: Duration) -> Result<ServiceStop, RemindError> {
        let Some(pid) = self.service_pid().filter(|pid| *pid != std::process::id()) else {
            return Ok(ServiceStop::NotRunning);
        };
        // 0: an owner whose pid could not be read (Windows keeps a locked file unreadable).
        let known = Some(pid).filter(|pid| *pid != 0);
        let lock = self.paths().reminder_owner_file();
        stop_request::ask(pid, &self.paths().folder_key(), &lock).map_err(|error| RemindError::StopFailed {
            pid: known,
            cause: match error.kind() {
                io::ErrorKind::NotFound => crate::i18n::t("error-stop-not-listening"),
                io::ErrorKind::PermissionDenied => crate::i18n::t("error-stop-not-the-service"),
                _ => error.to_string(),
            },
        })?;
        let started = Instant::now();
        while self.service_pid().is_some() {
            if started.elapsed() >= wait {
                return Err(RemindError::StillRunning { pid: known, seconds: wait.as_secs() });
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        Ok(ServiceStop::Stopped(known))
    }

    /// Starts `program remind` detached: the reminder service for these files.
    pub fn start_service(&self, program: &Path) -> io::Result<()> {
        detached::spawn(program, self.arguments(&["remind"]))
    }

    /// Starts `program` detached, which opens the window (on `screen` if given: `night` for
    /// the morning invitation). A window already open on the same files is brought forward
    /// instead: the new process finds it on the session bus (see [`crate::desktop`]).
    pub fn open_window(&self, program: &Path, screen: Option<&str>) -> io::Result<()> {
        match screen {
            Some(screen) => detached::spawn(program, self.arguments(&["--screen", screen])),
            None => detached::spawn(program, self.arguments(&[])),
        }
    }

    /// `args`, then `--data-dir DIR` when the user chose the folder.
    fn arguments(&self, args: &[&str]) -> Vec<OsString> {
        let mut all: Vec<OsString> = args.iter().map(OsString::from).collect();
        all.extend(self.paths().data_dir_arguments());
        all
    }

    /// The app's icon as a file (notifications and the autostart entry name it by path).
    pub fn icon_file(&self) -> Result<PathBuf, StoreError> {
        self.store.ensure_file("icon.png", ICON_PNG)
    }

    /// Turns autostart at login on (icon first, then the entry) or off, or reads it.
    pub fn autostart(&self, action: AutostartAction) -> Result<AutostartDone, RemindError> {
        Ok(match action {
            AutostartAction::On => {
                let icon = self.icon_file()?;
                AutostartDone::On(autostart::enable(&self.arguments(&["remind"]), &icon.display().to_string())?)
            }
            AutostartAction::Off => AutostartDone::Off(autostart::disable()?),
            AutostartAction::Status => AutostartDone::Status(autostart::status()?),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Paths;

    #[test]
    fn a_chosen_folder_is_passed_on_to_what_is_started() {
        let dir = tempfile::tempdir().unwrap();
        let coach = Coach::at(Paths::in_dir(dir.path()));
        let args = coach.arguments(&["--screen", "night"]);
        // This computer's state is in the folder too (`Paths::in_dir`): said, so that what is
        // started shares the lock and the reminder log.
        let dir = dir.path().to_str().unwrap();
        assert_eq!(args, ["--screen", "night", "--data-dir", dir, "--state-dir", dir].map(OsString::from));
    }
}
