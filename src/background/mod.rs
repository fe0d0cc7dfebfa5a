//! The reminder service's front ends: its tray icon and its notifications' buttons (on
//! Windows pressed in another process: [`activation`]), and the start-up that runs them
//! beside the reminder loop (`bedtime-coach remind`).
//!
//! Why it exists: the tray and the buttons change data like the window does, so they sit
//! above the use cases with the other front ends; the reminder loop below them (in
//! `remind`) only decides, saves, shows and sleeps, and knows them through
//! [`crate::remind::events::Buttons`] and a tray start it is handed.

pub mod activation;
pub mod buttons;
pub mod tray;

use crate::remind::RemindError;
use crate::remind::service::{self, Frontends};
use crate::use_cases::Coach;

/// `bedtime-coach remind`: owns the reminders for these files until the process ends.
/// No window, no graphics: nothing here touches eframe or egui.
pub fn run(coach: &Coach) -> Result<(), RemindError> {
    let paths = coach.paths().clone();
    let owned = service::own_reminders(&paths)?;
    // Without our icon the server shows a generic one; not worth failing over.
    let icon = coach.icon_file().map_or_else(|_| "bedtime-coach".to_owned(), |path| path.display().to_string());
    // The program a click on a notification or the tray's Open starts: this one.
    let window_program = std::env::current_exe().ok();
    let tray_paths = paths.clone();
    let tray_program = window_program.clone();
    let frontends = Frontends {
        icon,
        buttons: Box::new(buttons::NotificationButtons { paths: paths.clone(), window_program }),
        start_tray: Box::new(move |control| tray::start(&tray_paths, Some(control), tray_program)),
    };
    service::run(owned, paths, frontends);
    Ok(())
}
