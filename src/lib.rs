//! Bedtime Coach: a calm evening routine against falling-asleep twitches, with
//! wind-down reminders. Everything stays on this computer as JSON files.
//!
//! - [`model`]: the pure domain (routine, schedule, plan, journal).
//! - [`store`]: every byte on disk (paths, locking, atomic saves, recovery).
//! - [`remind`]: wind-down reminders: engine, notifier, background service, autostart.
//! - [`cli`]: the scriptable command line.

pub mod cli;
pub mod command;
pub mod model;
pub mod remind;
pub mod store;
pub mod ui;
