//! The handlers of `remind` and `autostart`, with their texts: the reminder service and
//! the autostart entry live in `remind`; what the user is told about them lives here.
//! The window's autostart switch uses [`autostart_command`] too.

use std::io::{self, Write as _};
use std::thread;
use std::time::{Duration, Instant};

use chrono::{DateTime, Local, TimeZone};

use super::CliError;
use super::output::no_routine_yet;
use crate::command::Change;
use crate::i18n::{self, t};
use crate::model::{Config, evening_at};
use crate::remind::ICON_PNG;
use crate::remind::autostart::{self, AutostartStatus};
use crate::remind::service::{self, effective_config};
use crate::store::{Loaded, Store, owner_pid};
use crate::tr;

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
            let _ = writeln!(io::stderr(), "{} {}", Local::now().format("%H:%M:%S"), no_routine_yet());
        }
        service::run_background(paths.clone())?;
        return Ok(String::new());
    }
    let evening = evening_at(&store.load_config()?.value, now);
    Change::PauseReminders { evening, paused: pause_tonight }.apply(store)?;
    let when = i18n::short_date(evening);
    Ok(if pause_tonight { tr!("cli-remind-paused", date = when) } else { tr!("cli-remind-resumed", date = when) })
}

/// How long `remind --test` waits for the service's answer: it looks at the files
/// about every second.
const TEST_WAIT: Duration = Duration::from_secs(8);

/// `bedtime-coach remind --test`: asks the reminder service (the one sender) for a test
/// notification through the reminder log, and waits a little for what came of it.
pub(super) fn test_notification<Tz: TimeZone>(store: &Store, now: &DateTime<Tz>) -> Result<String, CliError> {
    let asked = now.fixed_offset();
    Change::RequestTestNotification { at: asked }.apply(store)?;
    if !service::is_running(store.paths()) {
        return Ok(t("cli-remind-test-no-service"));
    }
    let started = Instant::now();
    while started.elapsed() < TEST_WAIT {
        thread::sleep(Duration::from_millis(200));
        let result = store.load_reminders()?.value.test_result.filter(|result| result.requested_at >= asked);
        if let Some(result) = result {
            return match result.reason {
                None => Ok(t("cli-remind-test-shown")),
                Some(reason) => Err(CliError::Test(tr!("cli-remind-test-failed", reason = reason))),
            };
        }
    }
    Err(CliError::Test(tr!("cli-remind-test-no-answer", seconds = TEST_WAIT.as_secs())))
}

/// What `bedtime-coach autostart` does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AutostartAction {
    On,
    Off,
    Status,
}

/// `autostart status` as a sentence.
fn status_text(status: &AutostartStatus) -> String {
    let path = status.path.display().to_string();
    match (status.enabled, &status.exec) {
        (true, _) => tr!("cli-autostart-enabled", path = path),
        (false, Some(_)) => tr!("cli-autostart-disabled-in", path = path),
        (false, None) => t("cli-autostart-not-set"),
    }
}

/// `bedtime-coach autostart on|off|status`.
pub fn autostart_command(store: &Store, action: AutostartAction) -> Result<String, CliError> {
    let paths = store.paths();
    // The process number as text: a number would be formatted like an amount.
    let running = owner_pid(paths).map(|pid| format!(" {}", tr!("cli-autostart-running", pid = pid.to_string())));
    let message = match action {
        AutostartAction::On => {
            let icon = store.ensure_file("icon.png", ICON_PNG)?;
            let path = autostart::enable(paths.chosen_data_dir(), &icon.display().to_string())?;
            let now = running.unwrap_or_else(|| format!(" {}", t("cli-autostart-start-now")));
            format!("{}{now}", tr!("cli-autostart-on", path = path.display().to_string()))
        }
        AutostartAction::Off => {
            let removed = autostart::disable()?;
            let base = if removed { t("cli-autostart-off") } else { t("cli-autostart-was-off") };
            let stops = running.map(|r| format!("{r} {}", t("cli-autostart-stops-at-logout"))).unwrap_or_default();
            format!("{base}{stops}")
        }
        AutostartAction::Status => format!("{}{}", status_text(&autostart::status()?), running.unwrap_or_default()),
    };
    Ok(message)
}
