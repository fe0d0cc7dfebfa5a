//! Bedtime Coach: a calm evening routine against falling-asleep twitches, with
//! wind-down reminders. Everything stays on this computer as JSON files.
//!
//! - [`model`]: the pure domain (routine, schedule, plan, journal).
//! - [`store`]: every byte on disk (paths, locking, atomic saves, recovery).
//! - [`remind`]: wind-down reminders: engine, notifier, background service, autostart.
//! - [`desktop`]: one window: the window's name on the session bus, and raising it.
//! - [`i18n`]: every text the user reads, in English and Russian (Fluent files).
//! - [`platform`]: what differs between operating systems, one small interface each.
//! - [`summary`]: the doctor summary, rendered as a printable HTML page or CSV (pure).
//! - [`transfer`]: export (CSV, JSON backup) and import, for the CLI and the window.
//! - [`use_cases`]: the one door every front end goes through: changes (with undo), views,
//!   export/import and the doctor summary, the reminder service and autostart, the data folder.
//! - [`cli`]: the scriptable command line.
//! - [`background`]: the reminder service's tray icon and notification buttons, and its start.
//! - [`ui`]: the window; views draw and emit actions.

// Errors are handled once, with a sentence for the user; tests may unwrap.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

/// The app's desktop id: the `.desktop` entry, the icons, the AppStream metainfo and the
/// window's app id (Wayland) / class (X11) all use it, so desktops tie them together.
///
/// On Windows it is also the AppUserModelID: the installer's Start-menu shortcut carries
/// it (`System.AppUserModel.ID`), and toasts are shown under it.
pub const APP_ID: &str = "io.github.bedtimecoach.BedtimeCoach";

/// The per-user URI scheme (`HKCU\Software\Classes\bedtime-coach`) whose activations
/// answer the buttons of Windows toasts: `bedtime-coachw.exe [--data-dir DIR] activate
/// "bedtime-coach:done?…"` (see `remind::toast`). The reminder service registers it at
/// each start; an uninstaller removes that key.
pub const URI_SCHEME: &str = "bedtime-coach";

pub mod background;
pub mod cli;
pub mod desktop;
pub mod i18n;
pub mod model;
pub mod platform;
pub mod remind;
pub mod store;
pub mod summary;
pub mod transfer;
pub mod ui;
pub mod use_cases;
