//! Bedtime Coach: a calm evening routine against falling-asleep twitches, with
//! wind-down reminders. Everything stays on this computer as JSON files.
//!
//! - [`model`]: the pure domain (routine, schedule, plan, journal).
//! - [`store`]: every byte on disk (paths, locking, atomic saves, recovery).
//! - [`command`]: changes as values, applied through the store by the CLI and the window.
//! - [`remind`]: wind-down reminders: engine, notifier, background service, autostart.
//! - [`i18n`]: every text the user reads, in English and Russian (Fluent files).
//! - [`report`]: the doctor summary, rendered as a printable HTML page or CSV (pure).
//! - [`transfer`]: export (CSV, JSON backup) and import, for the CLI and the window.
//! - [`cli`]: the scriptable command line.
//! - [`ui`]: the window; views draw and emit actions.

// Errors are handled once, with a sentence for the user; tests may unwrap.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

pub mod cli;
pub mod command;
pub mod i18n;
pub mod model;
pub mod remind;
pub mod report;
pub mod store;
pub mod transfer;
pub mod ui;
