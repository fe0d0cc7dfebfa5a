//! Who sends the reminders, for the window: the background service, started by the
//! window when reminders are on and none runs. The window itself never sends any.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use crate::i18n::t;
use crate::remind::{self, service};
use crate::store::{Paths, Store, owner_pid};
use crate::tr;

/// A service that exits at once (a broken session) is not restarted in a loop.
const RESTART_AFTER: Duration = Duration::from_secs(60);

/// What the settings screen shows about reminders.
#[derive(Debug, Clone, Default)]
pub struct ReminderInfo {
    /// The process that sends reminders now, if one does.
    pub service_pid: Option<u32>,
    /// Whether they start at login; `None` until asked.
    pub autostart: Option<bool>,
    pub paused_tonight: bool,
}

/// Starts the service when it should run and does not.
#[derive(Debug, Default)]
pub struct ServiceStarter {
    /// The `bedtime-coach` program that runs the service; `None` starts nothing (tests
    /// that build an [`App`](super::App) without one).
    pub program: Option<PathBuf>,
    last_try: Option<Instant>,
    /// Why the last start failed, once, for a banner.
    pub failure: Option<String>,
}

impl ServiceStarter {
    /// Starts `bedtime-coach remind` when `wanted` and none runs (at most once a minute).
    pub fn ensure_running(&mut self, paths: &Paths, wanted: bool) {
        let Some(program) = &self.program else { return };
        if !wanted || owner_pid(paths).is_some() {
            return;
        }
        if self.last_try.is_some_and(|at| at.elapsed() < RESTART_AFTER) {
            return;
        }
        self.last_try = Some(Instant::now());
        if let Err(error) = service::spawn_background_from(program, service::chosen_data_dir(paths)) {
            self.failure = Some(tr!("ui-service-failed", error = error.to_string()));
        }
    }
}

/// Adds or removes the login entry for the reminder service; a sentence either way.
pub fn set_autostart(store: &Store, on: bool) -> Result<String, String> {
    let paths = store.paths();
    if !on {
        return match remind::autostart::disable() {
            Ok(_) => Ok(t("ui-autostart-off")),
            Err(error) => Err(error.to_string()),
        };
    }
    let icon = store.ensure_file("icon.png", remind::ICON_PNG).map_err(|e| e.to_string())?;
    match remind::autostart::enable(service::chosen_data_dir(paths), &icon.display().to_string()) {
        Ok(_) => Ok(t("ui-autostart-on")),
        Err(error) => Err(error.to_string()),
    }
}
