//! Windows 10 and 11. What part 1 of the port brings: the store, the command line, the
//! window, with one window per data folder (a named pipe). Part 2 brings autostart (the
//! `Run` key); notifications, the tray, Do Not Disturb, the wall-clock timer, the folder
//! watch and the console's events say that they are not available until they come.

pub mod autostart;
pub mod detached;
pub mod files;
pub mod folder_watch;
pub mod folders;
pub mod footprint;
pub mod one_window;
pub mod open_folder;
pub mod shortcut;
pub mod signals;
pub mod terminal;
pub mod wall_timer;
pub mod zone;

use super::{Concern, Unavailable};

/// One window (a named pipe, `one_window.rs`) and autostart (`autostart.rs`) of
/// [`Concern`] are here yet.
pub fn available(concern: Concern) -> Result<(), Unavailable> {
    match concern {
        Concern::OneWindow | Concern::Autostart => Ok(()),
        _ => Err(Unavailable(concern)),
    }
}
