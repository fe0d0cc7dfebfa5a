//! Wind-down reminders that never miss, never repeat and never block.
//!
//! - [`engine`]: the pure decisions (what is due, what is late, what stays silent).
//! - [`notifier`]: desktop notifications on their own thread, with a deadline.
//! - [`service`]: the loop that owns the reminders, as `bedtime-coach remind` or inside
//!   the window, and the API the window uses ([`service::WindowReminders`]).
//! - [`autostart`]: the XDG autostart entry that starts the service at login.
//!
//! Timing and notifications live here and nowhere else; the files they touch (the
//! reminder log, the owner lock, the autostart entry) are written through `store`.

pub mod autostart;
pub mod engine;
pub mod notifier;
pub mod service;

use crate::store::StoreError;

/// The app icon, shown by notifications and the autostart entry.
pub const ICON_PNG: &[u8] = include_bytes!("../../assets/icon.png");

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
