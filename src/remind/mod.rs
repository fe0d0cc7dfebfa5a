//! Wind-down reminders that never miss, never repeat and never block.
//!
//! - [`engine`]: the pure decisions (what is due, what is late, what stays silent).
//! - [`do_not_disturb`]: whether the desktop asks not to be disturbed (reminders wait).
//! - [`logging`]: the service's log, `RUST_LOG` and a small rotating file.
//! - [`notifier`]: desktop notifications on their own thread, with a deadline.
//! - [`toast`]: the same as Windows toasts, whose buttons answer through a URI scheme.
//! - [`reminder_loop`]: decide, save, show, sleep; what the service runs.
//! - [`wall_timer`]: the sleep, on the wall clock, so a suspend does not make it late.
//! - [`fates`]: what happened to each reminder of an evening, and why.
//! - [`service`]: `bedtime-coach remind`, the one process that sends reminders, and how
//!   the window starts it.
//! - `signals`: SIGHUP ignored, SIGTERM and SIGINT logged, for a background service.
//! - [`autostart`]: the XDG autostart entry that starts the service at login.
//!
//! Timing and notifications live here and nowhere else; the files they touch (the
//! reminder log, the owner lock, the autostart entry) are written through `store`.

pub mod do_not_disturb;
pub mod engine;
pub mod events;
pub mod fates;
pub mod logging;
pub mod notifier;
pub mod reminder_loop;
pub mod service;
mod signals;
pub mod toast;
pub mod wall_timer;

use crate::model::RoutineFile;
use crate::store::{Loaded, StoreError};
use crate::tr;

/// The app icon, shown by notifications and the autostart entry.
pub const ICON_PNG: &[u8] = include_bytes!("../../assets/icon.png");

/// The routine as reminders see it: until the user has saved one (the first-run setup),
/// the embedded default must not start sending notifications.
pub fn effective_routine_file(loaded: &Loaded<RoutineFile>) -> RoutineFile {
    let mut routine_file = loaded.value.clone();
    if loaded.is_first_run() {
        routine_file.settings.reminders = false;
    }
    routine_file
}

/// Why reminders could not run; each message is a sentence for the user, in their language.
#[derive(Debug, thiserror::Error)]
pub enum RemindError {
    #[error("{}", tr!("error-already-running", pid = crate::i18n::pid_or_none(*pid)))]
    AlreadyRunning { pid: Option<u32> },
    #[error(transparent)]
    Store(#[from] StoreError),
    /// `remind --stop` could not reach the service.
    #[error("{}", tr!("error-stop-failed", pid = crate::i18n::pid_or_none(*pid), cause = cause.as_str()))]
    StopFailed { pid: Option<u32>, cause: String },
    /// `remind --stop` reached the service, which did not stop in time.
    #[error("{}", tr!("error-stop-timeout", pid = crate::i18n::pid_or_none(*pid), seconds = *seconds))]
    StillRunning { pid: Option<u32>, seconds: u64 },
    /// Not on this system yet (a concern of the Windows port still to come).
    #[error(transparent)]
    NotOnThisSystem(#[from] crate::platform::Unavailable),
    /// The registry refused to read or change the login entry (Windows' `Run` key).
    #[error("{}", tr!("error-autostart-registry", key = .key.as_str(), cause = .cause.to_string()))]
    Registry { key: String, cause: std::io::Error },
}
