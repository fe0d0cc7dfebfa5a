//! Windows 10 and 11. Part 1 of the port brings the store, the command line and the
//! window, with one window per data folder (a named pipe); part 2 brings the reminder
//! service's own parts (the wall-clock timer, the folder watch, the console's events, the
//! stop request), toasts (`toasts.rs`), the tray icon (`tray_icon.rs`), the busy state
//! as Do Not Disturb (`busy.rs`) and autostart (the `Run` key, `autostart.rs`).

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
mod registry;
pub mod shortcut;
pub mod signals;
pub mod stop_request;
pub mod terminal;
pub mod toasts;
pub mod tray_icon;
pub mod wall_timer;
pub mod zone;

use std::io;
use std::os::windows::io::{FromRawHandle, OwnedHandle};

use super::{Concern, Unavailable};

/// Takes ownership of a handle a Create… or Open… function returned; null is its failure.
fn owned(handle: windows_sys::Win32::Foundation::HANDLE) -> io::Result<OwnedHandle> {
    if handle.is_null() {
        return Err(io::Error::last_os_error());
    }
    // SAFETY: a fresh, valid handle that nothing else owns.
    Ok(unsafe { OwnedHandle::from_raw_handle(handle) })
}

/// One window (a named pipe, `one_window.rs`), the wall-clock timer, the folder watch,
/// the console's events, notifications (toasts, `toasts.rs`), the tray (`tray_icon.rs`),
/// the busy state (`busy.rs`) and autostart (the `Run` key, `autostart.rs`) are here; the
/// others of [`Concern`] say they are not yet.
pub fn available(concern: Concern) -> Result<(), Unavailable> {
    match concern {
        Concern::OneWindow
        | Concern::WallTimer
        | Concern::FolderWatch
        | Concern::Signals
        | Concern::DoNotDisturb
        | Concern::Notifications
        | Concern::Tray
        | Concern::Autostart => Ok(()),
        _ => Err(Unavailable(concern)),
    }
}
