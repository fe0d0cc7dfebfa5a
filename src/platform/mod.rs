//! What differs between operating systems, each concern behind one small interface.
//!
//! Why it exists: the use cases, screens and model must not be sprinkled with `#[cfg]`.
//! A concern that the systems do differently is asked of this module, and each system's
//! way of doing it lives in a file of its own: `unix/<concern>.rs` (Linux; the BSDs and
//! macOS share what POSIX gives) and `windows/<concern>.rs`. This file is the only place
//! that picks one, and it holds each concern's interface: the types both files share and
//! the functions both must provide (each system's build checks the one it compiles, CI
//! builds both). macOS adds `macos/` files and one line here, without editing others.
//!
//! | concern | here | Linux | Windows |
//! |---|---|---|---|
//! | file locking, atomic replace, private files, file identity, "is this a regular file" | [`files`] | `flock`, `rename` + folder `fsync`, 0600/0700, device + inode, `O_NONBLOCK` + file type | `LockFileEx` (std), `MoveFileExW` with retry, the profile's ACL, volume serial + file index, reparse points refused |
//! | the wall-clock timer | [`wall_timer`] | `timerfd` on `CLOCK_REALTIME` + `eventfd` | not yet (part 2: a waitable timer): the service looks every second |
//! | watching the data folder | [`folder_watch`] | inotify | not yet (part 2: `ReadDirectoryChangesW`): looks every second |
//! | the service's signals | [`signals`] | SIGHUP ignored, SIGTERM/SIGINT stop | not yet (part 2: console control events) |
//! | notifications | [`toasts`] (the reminder loop's `Notify`: `remind::notifier`, `remind::toast`) | D-Bus (`remind::notifier`) | toasts (WinRT `ToastNotificationManager`) with Done and Snooze through the `bedtime-coach:` URI scheme; untested on real Windows |
//! | the tray icon | [`tray_icon`] (its menu and actions: `background::tray`) | StatusNotifierItem on D-Bus (ksni, `background::tray`) | `Shell_NotifyIconW`, a hidden window and `TrackPopupMenu`; untested on real Windows |
//! | Do Not Disturb, autostart | [`available`] | D-Bus (`remind::do_not_disturb`, `remind::autostart`) | not yet: each says so with a sentence ([`Unavailable`]) |
//! | one window | [`one_window`] | D-Bus (`desktop`): nothing here | a named pipe per data folder |
//! | starting the service detached | [`detached`] | own process group | no console, own process group |
//! | opening a folder | [`open_folder`] | `xdg-open` | Explorer |
//! | the terminal's character set | [`terminal`] | the locale's, converted with `iconv` | UTF-8 (std writes to a console with `WriteConsoleW`) |
//! | the time-zone file | [`zone`] | `TZ`, `/etc/localtime` | none: chrono asks the system |
//! | per-computer files (the log) | [`folders`] | `$XDG_STATE_HOME` | `%LOCALAPPDATA%` |
//! | the user's language | [`language`] | `LC_ALL`, `LC_MESSAGES`, `LANG`, then the system's (sys-locale) | the same variables, then the Windows UI language |
//! | the service's memory footprint | [`footprint`] | glibc arenas, trim, code pages | nothing to tune |
//!
//! The big D-Bus subsystems (the notifier, the tray, Do Not Disturb, one window) stay
//! where they are as the Linux implementation; [`available`] is the one place that says
//! whether their system offers them, and they ask it before they touch the bus.

#[cfg(unix)]
mod unix;
#[cfg(unix)]
use unix as os;
#[cfg(windows)]
mod windows;
#[cfg(windows)]
use windows as os;

pub mod language;

use crate::tr;

/// A concern of this list that a system does not offer (yet).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Concern {
    Notifications,
    Tray,
    DoNotDisturb,
    Autostart,
    OneWindow,
    WallTimer,
    FolderWatch,
    Signals,
}

impl Concern {
    /// The concern's name in the sentence of [`Unavailable`].
    fn key(self) -> &'static str {
        match self {
            Concern::Notifications => "notifications",
            Concern::Tray => "tray",
            Concern::DoNotDisturb => "do-not-disturb",
            Concern::Autostart => "autostart",
            Concern::OneWindow => "one-window",
            Concern::WallTimer => "wall-timer",
            Concern::FolderWatch => "folder-watch",
            Concern::Signals => "signals",
        }
    }
}

/// Said instead of doing nothing: this system has no such thing in this version.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("{}", tr!("platform-unavailable", concern = .0.key()))]
pub struct Unavailable(pub Concern);

impl From<Unavailable> for std::io::Error {
    fn from(unavailable: Unavailable) -> Self {
        std::io::Error::new(std::io::ErrorKind::Unsupported, unavailable)
    }
}

/// Whether this system offers `concern`; the sentence to show or log when it does not.
pub fn available(concern: Concern) -> Result<(), Unavailable> {
    os::available(concern)
}

/// Files: the store's lock, atomic replace, private files, file identity, and "is this a
/// regular file". The store (`store/atomic.rs`, `lock.rs`, `known.rs`, `read.rs`, …) does
/// everything else the same way on every system.
///
/// Both systems provide:
/// - `create_private_dir(dir)`: a folder (and its parents) only the user may enter;
/// - `private(options)`: a file created with these options is the user's only;
/// - `guarded(options)`: an open that can neither hang on a FIFO nor follow the file
///   elsewhere unseen; what it opened is then checked with [`files::kind_of`];
/// - `kind_of(file_type)`: `None` for a regular file, else the `$kind` of
///   `store-error-not-regular` (folder, fifo, socket, device, other);
/// - `replace(from, to)`: renames `from` over `to` in one step (readers see the old file
///   or the new one, never a mix) and durably;
/// - `sync_dir(dir)`: makes new names in `dir` survive a power cut;
/// - `create_unnamed(dir)` / `link_unnamed(file, to)` / `unnamed_unsupported(error)`: a
///   file with no name until it is complete, where the system has such files (`Ok(None)`
///   where it does not: the caller writes a hidden temporary file instead);
/// - `is_read_only_file_system(error)`;
/// - `write_at(file, bytes, offset)`;
/// - `id_and_metadata(path)`, `id_of_open(file)`: a [`files::FileId`], which tells one
///   file from another whatever its names, and `changed(metadata)`: the time of the last
///   change to the file or its metadata, as (seconds, nanoseconds);
/// - `path_from_bytes(bytes)`: a path written with `as_encoded_bytes` read back.
pub mod files {
    pub use super::os::files::*;

    /// Which file: the same for two names of one file (hard links, links, a bind mount
    /// or a mapped folder), different for a file replaced by a save.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub struct FileId {
        /// The device (Unix) or the volume's serial number (Windows).
        pub volume: u64,
        /// The inode (Unix) or the file index (Windows).
        pub index: u64,
    }
}

/// The wall-clock timer of the reminder service: `Timer::new()`, `timer.ringer()` (a
/// cheap clone that wakes the wait from any thread), `timer.wait_until(deadline)`.
pub mod wall_timer {
    pub use super::os::wall_timer::*;

    /// Why a wait ended.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum Woke {
        /// The wall clock reached the deadline (also: a resume passed it).
        Deadline,
        /// The clock was set meanwhile; the deadline must be computed and armed again.
        ClockChanged,
        /// Someone rang the bell (a command is waiting in the channel).
        Rung,
    }
}

/// Waiting for other processes to save into the data folders: `FolderWatch::new(folders)`
/// (an error where the system cannot watch: the caller looks every second), and
/// `watch.wait(timeout)`.
pub mod folder_watch {
    pub use super::os::folder_watch::*;

    /// How a wait ended.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum Waited {
        /// Something in the folders changed: compare the files.
        Changed,
        /// The time given passed with no change.
        TimedOut,
    }

    /// The folder cannot be watched any more (removed, moved, unmounted, or the watch
    /// failed): look every second instead.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub struct WatchLost;
}

/// The reminder service's signals: `block()` before any thread starts, then
/// `watch(blocked, on_signal)`, which calls `on_signal` on a thread of its own until it
/// returns `false`.
pub mod signals {
    pub use super::os::signals::*;

    /// What the system asked of the service.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum Signal {
        /// The terminal it was started from closed: a background service goes on.
        Hangup,
        /// Asked to end (the signal's name, for the log).
        Stop(&'static str),
    }
}

pub mod detached;

/// One window where the system has no session bus to name it:
/// `claim(key, screen, on_request)` makes this process the window for `key` (a later
/// start's screen, or `None`, reaches `on_request` on a thread of the listener's), or
/// hands `screen` to the process that is.
pub mod one_window {
    pub use super::os::one_window::*;

    /// How claiming the window went.
    #[derive(Debug)]
    pub enum Claim<Listener> {
        /// This process shows the window; keep the listener for as long as it does.
        First(Listener),
        /// A window on the same files had it and was sent the screen.
        Sent,
        /// This system names the window another way (Linux: the session bus, `desktop.rs`).
        Elsewhere,
        /// Neither: open the window without being the one window.
        Failed,
    }
}

/// Toasts, where the system shows notifications as toasts rather than through the
/// session bus: `host()` (`None` where notifications go another way: on Linux the D-Bus
/// notifier, `remind::notifier`), and `register_activation(arguments, icon)`, which makes
/// a press on a toast's button start this program with `arguments`, `activate` and the
/// press's URI (see `remind::toast`).
pub mod toasts {
    pub use super::os::toasts::*;

    /// The system's toasts, as `remind::toast::Toasts` uses them; tests give a fake.
    pub trait ToastHost: Send + Sync {
        /// Shows the toast `xml` as `tag` in `group` (a toast with the same tag and group
        /// is replaced). The error is a detail for the log.
        fn show(&self, xml: &str, tag: &str, group: &str) -> Result<(), String>;
        /// Removes the toast `tag` of `group` from the screen and the Action Center; one
        /// that is gone already is fine.
        fn remove(&self, tag: &str, group: &str) -> Result<(), String>;
    }
}

/// The tray icon, where the system has one the service draws itself:
/// `show(events, images)` (`None` where the tray is served another way: on Linux the
/// StatusNotifierItem of `background::tray`), which puts the icon up on a thread of its
/// own and returns a [`tray_icon::TrayIcon`] whose `refresh()` makes it look again.
pub mod tray_icon {
    pub use super::os::tray_icon::*;

    /// One image of the icon: `size` × `size` pixels, ARGB32 big-endian (as
    /// StatusNotifierItem wants it too).
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct Image {
        pub size: i32,
        pub argb: Vec<u8>,
    }

    /// What the icon shows now.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct Look {
        /// Which of the two sets of images: reminders coming (`true`) or not.
        pub active: bool,
        pub tooltip: String,
    }

    /// The front end's side of the icon; called on the icon's thread.
    pub trait TrayEvents: Send + 'static {
        /// What to show now (asked at start and on `refresh()`).
        fn look(&mut self) -> Look;
        /// The menu's entries, (label, enabled), asked as it opens; `None` is a separator.
        fn menu(&mut self) -> Vec<Option<(String, bool)>>;
        /// A click on the icon.
        fn clicked(&mut self);
        /// Entry `index` of the last [`TrayEvents::menu`] was chosen; `true` ends the
        /// process (the icon is removed first).
        fn chose(&mut self, index: usize) -> bool;
    }
}

/// The file manager: `PROGRAM` opens the folder given as its argument; `succeeded(status)`
/// says whether its exit status means it did.
pub mod open_folder {
    pub use super::os::open_folder::*;
}

pub mod terminal;

/// The time-zone file chrono would read: `zone_file(tz)` (`None`: none is read).
pub mod zone {
    pub use super::os::zone::*;
}

/// Per-computer folders: `state_dir()`, where the service's log goes (and later the
/// device id); not the roaming profile on Windows.
pub mod folders {
    pub use super::os::folders::*;
}

/// The long-running service's memory: `one_heap()`, `give_back_free_memory()`,
/// `release_program_pages()` (bytes released; 0 where there is nothing to release).
pub mod footprint {
    pub use super::os::footprint::*;
}
