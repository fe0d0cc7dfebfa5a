//! Windows 10 and 11. What part 1 of the port brings: the store, the command line, the
//! window, with one window per data folder (a named pipe); notifications, the tray, Do
//! Not Disturb, autostart, the wall-clock timer, the folder watch and the console's
//! events come with part 2 and until then say that they are not available.

pub mod detached;
pub mod file_dialog;
pub mod files;
pub mod folder_watch;
pub mod folders;
pub mod footprint;
pub mod one_window;
pub mod open_folder;
pub mod signals;
pub mod stop_request;
pub mod terminal;
pub mod wall_timer;
pub mod zone;

use super::{Concern, Unavailable};

/// One window (a named pipe, `one_window.rs`), the wall-clock timer and the folder watch
/// are here; the others of [`Concern`] say they are not yet.
pub fn available(concern: Concern) -> Result<(), Unavailable> {
    match concern {
        Concern::OneWindow | Concern::WallTimer | Concern::FolderWatch => Ok(()),
        _ => Err(Unavailable(concern)),
    }
}
