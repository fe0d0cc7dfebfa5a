//! Linux (and, as far as POSIX goes, the other Unix systems): every concern is offered.

pub mod autostart;
pub mod busy;
pub mod detached;
pub mod file_dialog;
pub mod files;
pub mod folder_watch;
pub mod folders;
pub mod footprint;
pub mod host;
pub mod one_window;
pub mod open_folder;
pub mod shortcut;
pub mod signals;
pub mod stop_request;
pub mod terminal;
pub mod toasts;
pub mod tray_icon;
pub mod wall_timer;
pub mod zone;

use super::{Concern, Unavailable};

/// Everything in [`Concern`] is here (through the session bus, which says itself when it
/// is missing).
pub fn available(_concern: Concern) -> Result<(), Unavailable> {
    Ok(())
}
