//! Who sends the reminders, for the window: the background service, started by the
//! window when reminders are on and none runs. The window itself never sends any.

use std::path::PathBuf;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use chrono::{DateTime, FixedOffset};

use crate::i18n::t;
use crate::model::reminders::TestResult;
use crate::tr;
use crate::use_cases::service::AutostartDone;
use crate::use_cases::{AutostartAction, Coach, Fingerprint, Paths};

/// A service that exits at once (a broken session) is not restarted in a loop.
const RESTART_AFTER: Duration = Duration::from_secs(60);

/// What the settings screen shows about reminders.
#[derive(Debug, Clone, Default)]
pub struct ReminderInfo {
    /// The process that sends reminders now, if one does.
    pub service_pid: Option<u32>,
    /// Whether they start at login; `None` until asked.
    pub autostart: Option<bool>,
    /// The reminder log as last read, for "Tonight's reminders".
    pub log: crate::model::ReminderLog,
    /// Tonight's reminders and what became of them, made when Settings is drawn.
    pub tonight: Vec<crate::use_cases::views::Row>,
    /// Whether the desktop shows tray icons (a StatusNotifierWatcher runs); `None` when
    /// not known (no session bus).
    pub tray_host: Option<bool>,
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
    pub fn ensure_running(&mut self, coach: &Coach, wanted: bool) {
        let Some(program) = &self.program else { return };
        if !wanted || coach.service_pid().is_some() {
            return;
        }
        if self.last_try.is_some_and(|at| at.elapsed() < RESTART_AFTER) {
            return;
        }
        self.last_try = Some(Instant::now());
        if let Err(error) = coach.start_service(program) {
            self.failure = Some(tr!("ui-service-failed", error = error.to_string()));
        }
    }
}

/// Adds or removes the login entry for the reminder service; a sentence either way.
pub fn set_autostart(coach: &Coach, on: bool) -> Result<String, String> {
    let action = if on { AutostartAction::On } else { AutostartAction::Off };
    match coach.autostart(action) {
        Ok(_) if on => Ok(t("ui-autostart-on")),
        Ok(_) => Ok(t("ui-autostart-off")),
        Err(error) => Err(error.to_string()),
    }
}

/// Whether autostart at login is on, for Settings.
pub fn autostart_enabled(coach: &Coach) -> Result<bool, String> {
    match coach.autostart(AutostartAction::Status) {
        Ok(AutostartDone::Status(status)) => Ok(status.enabled),
        Ok(_) => Ok(false),
        Err(error) => Err(error.to_string()),
    }
}

/// The test notification as the reminder log tells it: the request still waiting, and
/// what came of the last one.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TestStatus {
    pub requested_at: Option<DateTime<FixedOffset>>,
    pub result: Option<TestResult>,
}

impl TestStatus {
    /// A request the service has not answered yet.
    pub fn waiting(&self) -> bool {
        self.requested_at.is_some_and(|asked| self.result.as_ref().is_none_or(|result| result.requested_at < asked))
    }

    /// The line Settings shows under the button, if any.
    pub fn text(&self, service_running: bool) -> Option<String> {
        if self.waiting() {
            return Some(if service_running {
                t("ui-settings-test-waiting")
            } else {
                t("ui-settings-test-no-service")
            });
        }
        let result = self.result.as_ref()?;
        let time = result.at.format("%H:%M").to_string();
        Some(match &result.reason {
            None => tr!("ui-settings-test-shown", time = time),
            Some(reason) => tr!("ui-settings-test-failed", time = time, reason = reason.as_str()),
        })
    }
}

/// The last [`TestStatus`] read, by folder and file identity.
type TestCache = Option<(PathBuf, Fingerprint, TestStatus)>;
static TEST_CACHE: Mutex<TestCache> = Mutex::new(None);

/// The test notification's status for Settings: the reminder log is read again only when
/// it changed (three `stat` calls a frame while Settings is shown).
pub fn test_status(paths: &Paths) -> TestStatus {
    let coach = Coach::at(paths.clone());
    let fingerprint = coach.files_fingerprint();
    let mut cache = TEST_CACHE.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Some((dir, seen, status)) = cache.as_ref()
        && *dir == paths.data_dir
        && *seen == fingerprint
    {
        return status.clone();
    }
    // An unreadable log shows nothing here; the window reports file problems elsewhere.
    let status = coach
        .reminder_log()
        .map(|log| TestStatus { requested_at: log.value.test_requested_at, result: log.value.test_result })
        .unwrap_or_default();
    *cache = Some((paths.data_dir.clone(), fingerprint, status.clone()));
    status
}
