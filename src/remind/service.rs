//! The background service, `bedtime-coach remind`: the one process that sends reminders.
//!
//! It owns the reminders through the owner lock (see [`crate::store::OwnerLock`]) for as
//! long as it runs, so a second service exits at once. The window never sends reminders:
//! it starts this service (detached, see [`spawn_background_from`]) when reminders are on and
//! none runs, and reads what the service leaves in the reminder log.

use std::io;
use std::path::Path;
use std::process::Stdio;
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use chrono::Local;

use super::RemindError;
use super::do_not_disturb::Desktop;
pub use super::effective_config;
use super::events::{Control, ControlSender, log_event, log_line};
use super::footprint;
use super::notifier::DesktopNotifier;
use super::reminder_loop::ReminderLoop;
use super::wall_timer::{Polling, Wait, WallTimer};
use crate::store::{FolderWatch, OwnerLock, Paths, Store, owner_pid};

/// Writes the app icon into the data folder (once) and returns its path for notifications.
fn icon_path(store: &Store) -> String {
    match store.ensure_file("icon.png", super::ICON_PNG) {
        Ok(path) => path.display().to_string(),
        // Without our icon the server shows a generic one; not worth failing over.
        Err(_) => "bedtime-coach".to_owned(),
    }
}

/// `bedtime-coach remind`: owns the reminders until the process ends. No window, no
/// graphics: nothing here touches eframe or egui.
pub fn run_background(paths: Paths) -> Result<(), RemindError> {
    // Before any thread exists, so that every thread leaves these signals to `watch`.
    let blocked = super::signals::block();
    let Some(lock) = OwnerLock::try_acquire(&paths)? else {
        return Err(RemindError::AlreadyRunning { pid: owner_pid(&paths).filter(|pid| *pid != 0) });
    };
    footprint::one_heap();
    super::logging::init(&paths);
    let paths_for_watch = paths.clone();
    let store = Store::new(paths);
    let notifier = DesktopNotifier::new(icon_path(&store));
    log_line(&format!(
        "Bedtime Coach reminders are running (process {}, files in {}).",
        std::process::id(),
        store.paths().data_dir.display()
    ));
    // Every event is written to the log once, here; the loop itself only reports.
    let mut reminder_loop = ReminderLoop::new(store, Box::new(notifier), |event| log_event(&event));
    reminder_loop.keep_notices = true;
    // A click on a notification opens the window: this same program, without a command.
    let window_program = std::env::current_exe().ok();
    reminder_loop.window_program = window_program.clone();
    reminder_loop.follow_language = true;
    reminder_loop.do_not_disturb = Box::new(Desktop::new());
    // The wall clock, not the monotonic one: on time after a suspend (see `wall_timer`).
    let (mut waiter, bell): (Box<dyn Wait>, _) = match WallTimer::new() {
        Ok(timer) => {
            let bell = timer.bell();
            (Box::new(timer), bell)
        }
        Err(error) => {
            tracing::warn!("No wall-clock timer ({error}); looking at the clock every second instead");
            (Box::new(Polling), Default::default())
        }
    };
    let (sender, receiver) = mpsc::channel();
    let control = ControlSender::new(sender, bell);
    reminder_loop.control = Some(control.clone());
    match blocked.and_then(|blocked| super::signals::watch(blocked, control.clone())) {
        Ok(()) => {}
        // The default actions then stand: the terminal closing ends the service.
        Err(error) => tracing::warn!("{}", crate::tr!("remind-signal-unwatched", cause = error.to_string())),
    }
    let tray = super::tray::start(&paths_for_watch, Some(control.clone()), window_program);
    watch_files(paths_for_watch, control, tray);
    // Held by the loop, which stops when the folder it is in goes away.
    reminder_loop.owner = Some(lock);
    reminder_loop.run(&receiver, waiter.as_mut(), &Local::now);
    Ok(())
}

/// How long the service must have been quiet (no file changed: nothing sent, checked or
/// clicked) before it hands back the memory its last burst of work used; start-up
/// (reading the files, the bus, registering the tray icon) counts as one such burst.
const QUIET: Duration = Duration::from_secs(10);

/// Hands back what the last burst of work left resident (see [`footprint`]): freed heap,
/// and the code pages it ran, which come back from the page cache when next run. Like a
/// phone's compaction of apps in the background, for a process that spends the evening
/// waiting.
fn quiet_again() {
    footprint::give_back_free_memory();
    let released = footprint::release_program_pages();
    tracing::debug!("Quiet again: {} kB of program pages released", released / 1024);
}

/// How often the service looks whether another process changed the files, where the
/// kernel's file notifications cannot be had (see [`FolderWatch`]).
const WATCH_EVERY: Duration = Duration::from_secs(1);

/// Wakes the loop soon after another process changed the files (a step checked in the
/// window closes its notification, a test notification asked in Settings shows), instead
/// of at the next 30 s tick. It sleeps on the kernel's notifications for the data folders
/// and compares the files' size and time when they say something changed (or every
/// second where there are none). The tray, if one is shown, is woken too. When things
/// are quiet again after start-up or a change, the memory the work used is handed back
/// from here.
fn watch_files(paths: Paths, control: ControlSender, tray: Option<super::tray::TrayWake>) {
    let store = Store::new(paths);
    let watching = thread::Builder::new().name("bedtime-coach-watch".to_owned()).spawn(move || {
        let mut last = store.reminder_fingerprint();
        let mut release_at = Some(Instant::now() + QUIET);
        let mut folders = FolderWatch::new(store.paths());
        if folders.is_none() {
            tracing::debug!("No file notifications for the data folders: looking at the files every second");
        }
        loop {
            let until_release = release_at.map(|at| at.saturating_duration_since(Instant::now()));
            match &folders {
                Some(watch) => {
                    if watch.wait(until_release).is_err() {
                        tracing::debug!("The data folders can no longer be watched: looking every second");
                        folders = None;
                    }
                }
                None => thread::sleep(WATCH_EVERY),
            }
            if release_at.is_some_and(|at| Instant::now() >= at) {
                release_at = None;
                quiet_again();
            }
            let now = store.reminder_fingerprint();
            if now != last {
                last = now;
                release_at = Some(Instant::now() + QUIET);
                if let Some(tray) = &tray {
                    let _ = tray.send(());
                }
                if control.send(Control::Wake).is_err() {
                    return;
                }
            }
        }
    });
    if let Err(error) = watching {
        // Without it the loop still looks every 30 s.
        tracing::warn!("{error}");
    }
}

/// Whether another process (a background service, another window) owns the reminders.
pub fn is_running(paths: &Paths) -> bool {
    owner_pid(paths).is_some_and(|pid| pid != std::process::id())
}

/// Starts `program remind` (the `bedtime-coach` binary) detached from this process: its
/// own process group, no terminal, so closing the window (or its terminal) leaves it
/// running. `data_dir` is passed on as `--data-dir`.
pub fn spawn_background_from(program: &Path, data_dir: Option<&Path>) -> io::Result<()> {
    spawn_detached(program, &["remind"], data_dir)
}

fn spawn_detached(program: &Path, args: &[&str], data_dir: Option<&Path>) -> io::Result<()> {
    use std::os::unix::process::CommandExt;
    let mut command = std::process::Command::new(program);
    command.args(args);
    if let Some(dir) = data_dir {
        command.arg("--data-dir").arg(dir);
    }
    command.stdin(Stdio::null()).stdout(Stdio::null()).stderr(Stdio::null()).process_group(0);
    let mut child = command.spawn()?;
    // Reap it if it exits while this process still runs (a second service exits at once).
    thread::Builder::new().name("bedtime-coach-reap".to_owned()).spawn(move || {
        let _ = child.wait();
    })?;
    Ok(())
}

/// Starts `program` (the `bedtime-coach` binary) with no command, which opens the window
/// on Tonight, detached like the service. `data_dir` is passed on as `--data-dir`.
///
/// A window already open on the same files is brought forward instead: the new process
/// finds it by its name on the session bus (see [`crate::desktop`]) and exits.
pub fn spawn_window_from(program: &Path, data_dir: Option<&Path>) -> io::Result<()> {
    spawn_detached(program, &[], data_dir)
}

/// Like [`spawn_window_from`], opening the window on `screen` (`--screen night` for the
/// morning invitation; see `cli::StartScreen`).
pub fn spawn_window_on(program: &Path, data_dir: Option<&Path>, screen: &str) -> io::Result<()> {
    spawn_detached(program, &["--screen", screen], data_dir)
}
