//! The handlers of `remind` and `autostart`, with their texts: the reminder service and
//! the autostart entry live in `remind` and `background`; what the user is told here.
//! Starting, asking and autostart themselves are use cases (`use_cases::service`).

use std::thread;
use std::time::{Duration, Instant};

use chrono::{DateTime, Local, TimeZone};

use super::error::CliError;
use super::output::no_routine_yet;
use crate::i18n::{self, t};
use crate::model::evening_at;
use crate::tr;
use crate::use_cases::service::{AutostartDone, STOP_WAIT, ServiceStop};
use crate::use_cases::views::waiting_for_routine;
use crate::use_cases::{AutostartAction, AutostartStatus, Change, Coach};

/// `remind` runs the service in this process; `remind --pause-tonight` / `--resume`
/// pause or resume tonight's reminders (which the running service reads).
pub(super) fn remind_command<Tz: TimeZone>(
    coach: &Coach,
    now: &DateTime<Tz>,
    pause_tonight: bool,
    resume: bool,
) -> Result<String, CliError> {
    if !(pause_tonight || resume) {
        // Said once at the start: the service would otherwise wait for a routine in silence.
        if !coach.service_running() && coach.load_routine_file().is_ok_and(|loaded| waiting_for_routine(&loaded)) {
            // A detached service may have lost its terminal: never fail over this line.
            crate::platform::terminal::say(&format!("{} {}", Local::now().format("%H:%M:%S"), no_routine_yet()));
        }
        crate::background::run(coach)?;
        return Ok(String::new());
    }
    let evening = evening_at(&coach.load_routine_file()?.value, now);
    coach.apply(Change::PauseReminders { evening, paused: pause_tonight })?;
    let when = i18n::short_date(evening);
    Ok(if pause_tonight { tr!("cli-remind-paused", date = when) } else { tr!("cli-remind-resumed", date = when) })
}

/// How long `remind --test` waits for the service's answer.
const TEST_WAIT: Duration = Duration::from_secs(8);

/// `remind --test`: asks the running service (the one sender) for a test notification
/// and waits a few seconds for what came of it.
pub(super) fn test_notification<Tz: TimeZone>(coach: &Coach, now: &DateTime<Tz>) -> Result<String, CliError> {
    let asked = now.fixed_offset();
    coach.apply(Change::RequestTestNotification { at: asked })?;
    if !coach.service_running() {
        return Ok(t("cli-remind-test-no-service"));
    }
    let started = Instant::now();
    while started.elapsed() < TEST_WAIT {
        thread::sleep(Duration::from_millis(200));
        let result = coach.reminder_log()?.value.test_result.filter(|result| result.requested_at >= asked);
        if let Some(result) = result {
            return match result.reason {
                None => Ok(t("cli-remind-test-shown")),
                Some(reason) => Err(CliError::Test(tr!("cli-remind-test-failed", reason = reason))),
            };
        }
    }
    Err(CliError::Test(tr!("cli-remind-test-no-answer", seconds = TEST_WAIT.as_secs())))
}

/// `remind --stop`: asks the running service of these files to stop and waits until it
/// has (the installer runs this before it replaces or removes the program).
pub(super) fn stop_service(coach: &Coach) -> Result<String, CliError> {
    Ok(match coach.stop_service(STOP_WAIT)? {
        ServiceStop::NotRunning => t("cli-remind-stop-none"),
        ServiceStop::Stopped(pid) => tr!("cli-remind-stopped", pid = i18n::pid_or_none(pid)),
    })
}

fn status_text(status: &AutostartStatus) -> String {
    let path = status.path.display().to_string();
    let said = match (status.enabled, &status.exec) {
        (true, _) => tr!("cli-autostart-enabled", path = path),
        (false, Some(_)) => tr!("cli-autostart-disabled-in", path = path),
        (false, None) => t("cli-autostart-not-set"),
    };
    match &status.other_program {
        Some(program) => {
            format!("{said} {}", tr!("cli-autostart-other-program", program = program.display().to_string()))
        }
        None => said,
    }
}

/// `set-shortcut-app-id LINK` (the Windows installer's): the Start-menu shortcut carries
/// the id toasts are sent with. Prints nothing when it worked.
pub(super) fn set_shortcut_app_id(link: &std::path::Path) -> Result<String, CliError> {
    crate::platform::shortcut::set_app_id(link, crate::APP_ID)
        .map_err(|cause| CliError::Shortcut { link: link.to_owned(), cause })?;
    Ok(String::new())
}

/// `activate URI`: a press on a Windows toast, started by the URI scheme. No one reads
/// its output (the windowed program has no console), so what it did or refused goes to
/// the service's log as well.
pub fn activate<Tz: TimeZone>(coach: &Coach, now: &DateTime<Tz>, uri: &str) -> Result<String, CliError> {
    crate::remind::logging::init(coach.paths());
    let window_program = std::env::current_exe().ok();
    match crate::background::activation::activate(coach, uri, now, window_program) {
        Ok(()) => {
            tracing::info!("Toast: {uri}");
            Ok(String::new())
        }
        Err(error) => {
            tracing::warn!("{error} ({uri})");
            Err(error.into())
        }
    }
}

/// `autostart on|off|status`, with whether a service runs now.
pub fn autostart_command(coach: &Coach, action: AutostartAction) -> Result<String, CliError> {
    let running = coach.service_pid().map(|pid| format!(" {}", tr!("cli-autostart-running", pid = pid.to_string())));
    Ok(match coach.autostart(action)? {
        AutostartDone::On(path) => {
            let now = running.unwrap_or_else(|| format!(" {}", t("cli-autostart-start-now")));
            format!("{}{now}", tr!("cli-autostart-on", path = path.display().to_string()))
        }
        AutostartDone::Off(removed) => {
            let base = if removed { t("cli-autostart-off") } else { t("cli-autostart-was-off") };
            let stops = running.map(|r| format!("{r} {}", t("cli-autostart-stops-at-logout"))).unwrap_or_default();
            format!("{base}{stops}")
        }
        AutostartDone::Status(status) => format!("{}{}", status_text(&status), running.unwrap_or_default()),
    })
}
