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
//! | the wall-clock timer | [`wall_timer`] | `timerfd` on `CLOCK_REALTIME` + `eventfd` | an absolute waitable timer (`fResume`) + an event; clock and zone looked at every minute |
//! | watching the data folder | [`folder_watch`] | inotify | `ReadDirectoryChangesW`, overlapped |
//! | the service's signals | [`signals`] | SIGHUP ignored, SIGTERM/SIGINT stop | console control events: close and logoff ignored (the console let go of), Ctrl+C/Break and shutdown stop |
//! | asking the service to stop (`remind --stop`) | [`stop_request`] | SIGTERM to the lock's pid | a named event per data folder |
//! | notifications | [`toasts`] (the reminder loop's `Notify`: `remind::notifier`, `remind::toast`) | D-Bus (`remind::notifier`) | toasts (WinRT `ToastNotificationManager`) with Done and Snooze through the `bedtime-coach:` URI scheme; untested on real Windows |
//! | the tray icon | [`tray_icon`] (its menu and actions: `background::tray`) | StatusNotifierItem on D-Bus (ksni, `background::tray`) | `Shell_NotifyIconW`, a hidden window and `TrackPopupMenu`; untested on real Windows |
//! | Do Not Disturb | [`busy`] (held and merged by `remind::do_not_disturb`) | the notification server's switch on D-Bus (`remind::do_not_disturb`) | `SHQueryUserNotificationState`: full screen, presentation, quiet time; untested on real Windows |
//! | starting the reminders at login | [`autostart`] | an XDG autostart entry | the `Run` key of the user's registry |
//! | the Start-menu shortcut's AppUserModelID (the installer asks) | [`shortcut`] | none: the desktop file names the app | `IPropertyStore` on the `.lnk` |
//! | one window | [`one_window`] | D-Bus (`desktop`): nothing here | a named pipe per data folder |
//! | starting the service detached | [`detached`] | own process group | no console, own process group |
//! | opening a folder | [`open_folder`] | `xdg-open` | Explorer |
//! | the Save / Open dialog | [`file_dialog`] | the desktop portal, zenity, kdialog | the common item dialog (`rfd`) |
//! | the terminal's character set | [`terminal`] | the locale's, converted with `iconv` | UTF-8 (std writes to a console with `WriteConsoleW`) |
//! | the time-zone file | [`zone`] | `TZ`, `/etc/localtime` | none: chrono asks the system |
//! | per-computer files (the state folder: locks, reminder log, device id, the log) | [`folders`] | `$XDG_STATE_HOME` | `%LOCALAPPDATA%` |
//! | this computer's host name (its default name in Settings) | [`host`] | `/proc/sys/kernel/hostname`, `/etc/hostname` | `COMPUTERNAME` |
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
    /// A shortcut's AppUserModelID (Windows only).
    Shortcut,
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
            Concern::Shortcut => "shortcut",
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

    use std::time::{Duration, Instant, SystemTime};

    /// The wall clock, the monotonic clock and the local zone's offset, read together:
    /// where the system says nothing when the clock is set (Windows), two readings tell.
    #[derive(Debug, Clone, Copy)]
    pub struct ClockReading {
        pub wall: SystemTime,
        pub monotonic: Instant,
        /// Seconds east of UTC.
        pub offset: i32,
    }

    impl ClockReading {
        pub fn now() -> Self {
            Self {
                wall: SystemTime::now(),
                monotonic: Instant::now(),
                offset: chrono::Local::now().offset().local_minus_utc(),
            }
        }
    }

    /// How far the wall clock may drift from the monotonic one between two readings before
    /// it counts as set: slow clock corrections stay under it.
    pub const CLOCK_SLACK: Duration = Duration::from_secs(2);

    /// Whether the clock was set or the zone changed between `before` and `after`: the wall
    /// clock went back, or moved more or less than the monotonic one (by more than
    /// [`CLOCK_SLACK`]; a sleep, where the monotonic clock stops, counts too, which costs
    /// only a deadline read again), or the zone's offset is another.
    pub fn clock_moved(before: &ClockReading, after: &ClockReading) -> bool {
        if before.offset != after.offset {
            return true;
        }
        let monotonic = after.monotonic.saturating_duration_since(before.monotonic);
        match after.wall.duration_since(before.wall) {
            Ok(wall) => wall.abs_diff(monotonic) > CLOCK_SLACK,
            Err(_) => true,
        }
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        /// Waits as the reminder loop does: a clock set meanwhile (NTP, or Linux's clock test
        /// running beside these) arms the same deadline again.
        fn wait(timer: &mut Timer, deadline: SystemTime) -> Woke {
            loop {
                match timer.wait_until(deadline).unwrap() {
                    Woke::ClockChanged => continue,
                    woke => return woke,
                }
            }
        }

        #[test]
        fn fires_at_a_wall_clock_deadline_and_at_once_for_a_past_one() {
            let mut timer = Timer::new().unwrap();
            let started = Instant::now();
            assert_eq!(wait(&mut timer, SystemTime::now() + Duration::from_millis(120)), Woke::Deadline);
            let waited = started.elapsed();
            assert!(waited >= Duration::from_millis(110), "{waited:?}");
            let started = Instant::now();
            assert_eq!(wait(&mut timer, SystemTime::now() - Duration::from_secs(3600)), Woke::Deadline);
            assert_eq!(wait(&mut timer, SystemTime::UNIX_EPOCH), Woke::Deadline);
            assert!(started.elapsed() < Duration::from_secs(1));
        }

        #[test]
        fn the_bell_wakes_a_long_wait_from_another_thread_and_is_silenced() {
            let mut timer = Timer::new().unwrap();
            let bell = timer.ringer();
            let from_thread = bell.clone();
            let ringer = std::thread::spawn(move || {
                std::thread::sleep(Duration::from_millis(50));
                from_thread.ring();
            });
            let started = Instant::now();
            assert_eq!(wait(&mut timer, SystemTime::now() + Duration::from_secs(3600)), Woke::Rung);
            assert!(started.elapsed() < Duration::from_secs(5));
            ringer.join().unwrap();
            // Two rings before a wait are one wake-up; the next wait sleeps until its deadline.
            // (Rung here rather than from the thread: a loaded machine could wake the first
            // wait between two rings from another thread, and that is not what is tested.)
            bell.ring();
            bell.ring();
            assert_eq!(wait(&mut timer, SystemTime::now() + Duration::from_secs(3600)), Woke::Rung);
            assert_eq!(wait(&mut timer, SystemTime::now() + Duration::from_millis(30)), Woke::Deadline);
        }

        fn reading(wall: SystemTime, monotonic: Instant, offset: i32) -> ClockReading {
            ClockReading { wall, monotonic, offset }
        }

        #[test]
        fn a_set_clock_or_a_new_zone_counts_and_a_clock_that_just_ran_does_not() {
            let (wall, mono) = (SystemTime::UNIX_EPOCH + Duration::from_secs(1_800_000_000), Instant::now());
            let before = reading(wall, mono, 3600);
            let minute = Duration::from_secs(60);
            // A minute on both clocks, with a second of correction: nothing moved.
            assert!(!clock_moved(&before, &reading(wall + minute, mono + minute, 3600)));
            assert!(!clock_moved(&before, &reading(wall + minute + Duration::from_secs(1), mono + minute, 3600)));
            // Set forward an hour, set back a second, set back before the first reading.
            assert!(clock_moved(&before, &reading(wall + minute * 61, mono + minute, 3600)));
            assert!(clock_moved(&before, &reading(wall + minute - Duration::from_secs(3), mono + minute, 3600)));
            assert!(clock_moved(&before, &reading(wall - minute, mono + minute, 3600)));
            // Same clocks, another zone (the laptop flew to Moscow).
            assert!(clock_moved(&before, &reading(wall + minute, mono + minute, 10800)));
        }
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

    #[cfg(test)]
    mod tests {
        use super::*;
        use std::time::{Duration, Instant};

        #[test]
        fn a_save_into_the_folder_wakes_the_wait_and_silence_times_out() {
            let dir = tempfile::tempdir().unwrap();
            let watch = FolderWatch::new(&[dir.path()]).expect("a watch");
            assert_eq!(watch.wait(Some(Duration::from_millis(50))), Ok(Waited::TimedOut));

            // An atomic save from another thread: a temporary file renamed into place.
            let folder = dir.path().to_owned();
            let saver = std::thread::spawn(move || {
                std::thread::sleep(Duration::from_millis(100));
                std::fs::write(folder.join("journal.json.tmp"), b"{}").unwrap();
                std::fs::rename(folder.join("journal.json.tmp"), folder.join("journal.json")).unwrap();
            });
            let started = Instant::now();
            assert_eq!(watch.wait(Some(Duration::from_secs(10))), Ok(Waited::Changed));
            assert!(started.elapsed() < Duration::from_secs(9), "woke only at the limit");
            saver.join().unwrap();
            // The events of that save are read; then it is quiet again.
            while watch.wait(Some(Duration::from_millis(50))) == Ok(Waited::Changed) {}
            assert_eq!(watch.wait(Some(Duration::from_millis(50))), Ok(Waited::TimedOut));
        }
    }
}

/// The reminder service's signals: `block()` before any thread starts, then
/// `watch(blocked, on_signal)`, which calls `on_signal` on a thread of its own until it
/// returns `false`. On Windows they are the console's control events, read with
/// [`console_event`].
pub mod signals {
    pub use super::os::signals::*;

    /// The console control events of Windows (`CTRL_*_EVENT`), by number: here, so that
    /// what each means is decided, and tested, on every system.
    pub const CTRL_C: u32 = 0;
    pub const CTRL_BREAK: u32 = 1;
    pub const CTRL_CLOSE: u32 = 2;
    pub const CTRL_LOGOFF: u32 = 5;
    pub const CTRL_SHUTDOWN: u32 = 6;

    /// What a console control event means for the service, as its signals do on Unix: the
    /// console closing and the user logging off are SIGHUP (a background service goes on:
    /// a logoff ends the session's processes anyway, and a service is told of other
    /// users' logoffs too); Ctrl+C, Ctrl+Break and shutdown are SIGINT/SIGTERM. `None`: an
    /// event it does not know, left to the next handler.
    pub fn console_event(code: u32) -> Option<Signal> {
        match code {
            CTRL_C => Some(Signal::Stop("CTRL_C_EVENT")),
            CTRL_BREAK => Some(Signal::Stop("CTRL_BREAK_EVENT")),
            CTRL_CLOSE => Some(Signal::Hangup("CTRL_CLOSE_EVENT")),
            CTRL_LOGOFF => Some(Signal::Hangup("CTRL_LOGOFF_EVENT")),
            CTRL_SHUTDOWN => Some(Signal::Stop("CTRL_SHUTDOWN_EVENT")),
            _ => None,
        }
    }

    /// What the system asked of the service.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum Signal {
        /// The terminal it was started from closed, or the user is logging off (the
        /// signal's or event's name, for the log): a background service goes on.
        Hangup(&'static str),
        /// Asked to end (the signal's name, for the log).
        Stop(&'static str),
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn the_console_closing_and_a_logoff_are_a_hangup_and_the_rest_stop() {
            assert!(matches!(console_event(CTRL_CLOSE), Some(Signal::Hangup(_))));
            assert!(matches!(console_event(CTRL_LOGOFF), Some(Signal::Hangup(_))));
            for stop in [CTRL_C, CTRL_BREAK, CTRL_SHUTDOWN] {
                assert!(matches!(console_event(stop), Some(Signal::Stop(_))), "{stop}");
            }
            assert_eq!(console_event(3), None);
            assert_eq!(console_event(CTRL_C), Some(Signal::Stop("CTRL_C_EVENT")));
        }
    }
}

/// Whether the user is busy, where the system itself says so (Windows): `system()` gives
/// the system's [`busy::UserState`], `None` where Do Not Disturb is read another way (Linux:
/// the notification server's switch, `remind::do_not_disturb`). Busy means reminders are
/// held and merged after, as for Do Not Disturb.
pub mod busy {
    pub use super::os::busy::*;

    /// The answers of Windows' `SHQueryUserNotificationState` (`QUNS_*`), by number: here,
    /// so that what each means is decided, and tested, on every system.
    pub const QUNS_NOT_PRESENT: i32 = 1;
    pub const QUNS_BUSY: i32 = 2;
    pub const QUNS_RUNNING_D3D_FULL_SCREEN: i32 = 3;
    pub const QUNS_PRESENTATION_MODE: i32 = 4;
    pub const QUNS_ACCEPTS_NOTIFICATIONS: i32 = 5;
    pub const QUNS_QUIET_TIME: i32 = 6;
    pub const QUNS_APP: i32 = 7;

    /// Asks the system what the user is doing; `None` when it did not answer.
    pub trait UserState: Send {
        fn query(&mut self) -> Option<i32>;
    }

    /// Whether reminders wait: a full-screen program (`BUSY`, a Direct3D game, an app in
    /// full screen), a presentation, or quiet time (Focus Assist's quiet hours, the first
    /// hour after a new user's first login). Not when the user is away (`NOT_PRESENT`: a
    /// locked screen, the screen saver), since a reminder then interrupts nobody and waits
    /// in the Action Center; nor for an answer it does not know: a reminder shown is
    /// better than one held by a broken probe.
    pub fn is_busy(state: i32) -> bool {
        matches!(state, QUNS_BUSY | QUNS_RUNNING_D3D_FULL_SCREEN | QUNS_PRESENTATION_MODE | QUNS_QUIET_TIME | QUNS_APP)
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn full_screen_presentations_and_quiet_time_are_busy_and_away_is_not() {
            for busy in [QUNS_BUSY, QUNS_RUNNING_D3D_FULL_SCREEN, QUNS_PRESENTATION_MODE, QUNS_QUIET_TIME, QUNS_APP] {
                assert!(is_busy(busy), "{busy}");
            }
            for free in [QUNS_NOT_PRESENT, QUNS_ACCEPTS_NOTIFICATIONS, 0, 8, -1] {
                assert!(!is_busy(free), "{free}");
            }
        }
    }
}

/// Asking the running reminder service of a data folder to stop (`remind --stop`, which
/// the Windows installer runs): `listen(key, on_stop)` in the service (`key`: the data
/// folder's [`crate::store::Paths::folder_key`]), `ask(pid, key)` from another process.
pub mod stop_request {
    pub use super::os::stop_request::*;
}

pub mod detached;

/// Starting the reminder service at login, for this user only: `enable(args, icon)` (the
/// service's arguments after the program; the icon's file where the entry names one)
/// returns where the entry is, `disable()` whether there was one, `status()` what is
/// there; `START_NOW` is the shell command that starts the service now. `autostart on|off|status` and Settings reach them through `use_cases::service`.
pub mod autostart {
    use std::path::PathBuf;

    pub use super::os::autostart::*;

    /// Whether reminders start at login, and from which entry.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct AutostartStatus {
        /// Where the entry is: a file (Linux), a registry value (Windows).
        pub path: PathBuf,
        /// The entry exists and is not disabled (Linux: `Hidden=true`,
        /// `X-GNOME-Autostart-enabled=false`; Windows: Task Manager's Startup tab).
        pub enabled: bool,
        /// The command it runs, when it exists.
        pub exec: Option<String>,
        /// The program it starts when that is not this one (another copy, an old install).
        pub other_program: Option<PathBuf>,
    }
}

/// The Start-menu shortcut the installer made: `set_app_id(link, id)` gives it the id
/// Windows' notifications are sent with.
pub mod shortcut {
    pub use super::os::shortcut::*;
}

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

/// The desktop's own Save / Open dialog: `ask(request, shown)` blocks until the user
/// answers (run it on a thread of its own) and calls `shown()` once a dialog is on screen;
/// `Answer::Unavailable` when none could be shown (the window then offers a path field).
pub mod file_dialog {
    pub use super::os::file_dialog::*;

    use std::path::PathBuf;

    /// What to ask the user for.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub enum Request {
        /// A file to write, with a suggested full path.
        Save { title: String, suggested: PathBuf },
        /// An existing file to read.
        Open { title: String },
        /// A folder (the data folder, chosen in Settings).
        Folder { title: String },
    }

    /// What the dialog answered.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub enum Answer {
        Chosen(PathBuf),
        Cancelled,
        /// No dialog could be shown; why, in the system's words.
        Unavailable(String),
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

/// Per-computer folders: `state_dir()`, the root of the state folder (`store::Paths`:
/// the locks, the reminder log, the device id, the service's log); not the roaming
/// profile on Windows.
pub mod folders {
    pub use super::os::folders::*;
}

/// This computer's host name: `host_name()` (`None` when the system does not say), the
/// name Settings gives this computer until the user names it.
pub mod host {
    pub use super::os::host::*;

    /// A host name as a system file or variable holds it: its first line, trimmed, at
    /// most 255 characters (the longest a DNS name can be); `None` when nothing is left.
    pub(super) fn clean_host_name(text: &str) -> Option<String> {
        let name = text.lines().next().unwrap_or_default().trim();
        let name: String = name.chars().filter(|c| !c.is_control()).take(255).collect();
        (!name.is_empty()).then_some(name)
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn a_host_name_is_its_first_line_trimmed_and_nothing_is_none() {
            assert_eq!(clean_host_name("kitchen-laptop\n").as_deref(), Some("kitchen-laptop"));
            assert_eq!(clean_host_name("  DESK\tTOP \r\nsecond").as_deref(), Some("DESKTOP"));
            assert_eq!(clean_host_name(" \n"), None);
            assert_eq!(clean_host_name(&"a".repeat(300)).map(|name| name.len()), Some(255));
        }

        #[test]
        fn this_computer_has_a_host_name() {
            assert!(host_name().is_some_and(|name| !name.is_empty()));
        }
    }
}

/// The long-running service's memory: `one_heap()`, `give_back_free_memory()`,
/// `release_program_pages()` (bytes released; 0 where there is nothing to release).
pub mod footprint {
    pub use super::os::footprint::*;
}
