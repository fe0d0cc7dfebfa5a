//! The background service, `bedtime-coach remind`: the one process that sends reminders.
//!
//! It owns the reminders through the owner lock (see [`crate::store::OwnerLock`]) for as
//! long as it runs, so a second service exits at once. The window never sends reminders:
//! it starts this service (see `use_cases::service`) when reminders are on and none runs,
//! and reads what the service leaves in the reminder log. The tray and the notifications'
//! buttons are front ends, brought by `crate::background`, which runs this.

use std::sync::mpsc::{self, Sender};
use std::thread;
use std::time::{Duration, Instant};

use chrono::Local;

use super::RemindError;
pub use super::effective_routine_file;
use super::events::Buttons;
use super::events::{Control, ControlSender, log_event, log_line};
use super::reminder_loop::ReminderLoop;
use super::wall_timer::{Polling, Wait, WallTimer};
use crate::platform::{footprint, stop_request};
use crate::store::{FolderWatch, OwnerLock, Paths, Store, Waited, owner_pid};

/// The reminders of these files, owned by this process (see [`own_reminders`]).
pub struct Owned {
    lock: OwnerLock,
    /// SIGHUP, SIGTERM and SIGINT, blocked before any thread started, for [`run`] to watch.
    blocked: std::io::Result<super::signals::Blocked>,
}

/// Takes the reminders for these files: the owner lock, held for as long as the process
/// runs (a second service is refused with [`RemindError::AlreadyRunning`]); then one heap
/// and the log. Call it before any thread starts.
pub fn own_reminders(paths: &Paths) -> Result<Owned, RemindError> {
    // Before any thread exists, so that every thread leaves these signals to `watch`.
    let blocked = super::signals::block();
    let Some(lock) = OwnerLock::try_acquire(paths)? else {
        // 0 is a lock file whose writer died before it wrote its pid.
        return Err(RemindError::AlreadyRunning { pid: owner_pid(paths).filter(|pid| *pid != 0) });
    };
    footprint::one_heap();
    super::logging::init(paths);
    log_line(&format!(
        "Bedtime Coach reminders are running (process {}, files in {}).",
        std::process::id(),
        paths.data_dir.display()
    ));
    stop_older_service(paths);
    Ok(Owned { lock, blocked })
}

/// A service of a version before the state folder holds its owner lock in the data folder
/// (`reminders.lock` there): left running after an update, it would send every reminder a
/// second time until the next login. It is asked to stop, as `remind --stop` asks. (On
/// Windows its lock cannot be read for its process id, so it runs on to the next login.)
fn stop_older_service(paths: &Paths) {
    if paths.state_dir == paths.data_dir {
        return;
    }
    let older = Paths::in_dir(&paths.data_dir);
    let Some(pid) = owner_pid(&older).filter(|pid| *pid != 0 && *pid != std::process::id()) else { return };
    match stop_request::ask(pid, &paths.folder_key(), &older.reminder_owner_file()) {
        Ok(()) => log_line(&format!("Asked the reminder service of an older version (process {pid}) to stop.")),
        Err(error) => log_line(&format!("The reminder service of an older version (process {pid}) runs on: {error}.")),
    }
}

/// What the front end that runs the service brings: the notifications' icon and
/// buttons, and its tray (started with the loop's [`ControlSender`], it returns how to
/// wake it when the files change).
pub struct Frontends {
    pub icon: String,
    pub buttons: Box<dyn Buttons>,
    pub start_tray: Box<dyn FnOnce(ControlSender) -> Option<Sender<()>>>,
}

/// Runs the reminders until the process ends: decide, save, show, sleep on the wall clock;
/// a thread watches the files and wakes the loop and the tray when they change.
pub fn run(owned: Owned, paths: Paths, frontends: Frontends) {
    let notifier = super::notifier::for_this_system(frontends.icon, &paths);
    let mut reminder_loop = ReminderLoop::new(Store::new(paths.clone()), notifier, |event| log_event(&event));
    // No window to tell: file notices wait in the reminder log for the next one.
    reminder_loop.keep_notices = true;
    reminder_loop.buttons = frontends.buttons;
    reminder_loop.follow_language = true;
    reminder_loop.do_not_disturb = super::do_not_disturb::for_this_system();
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
    match owned.blocked.and_then(|blocked| super::signals::watch(blocked, control.clone())) {
        Ok(()) => {}
        // The default actions then stand: the terminal closing ends the service.
        Err(error) => tracing::warn!("{}", crate::tr!("remind-signal-unwatched", cause = error.to_string())),
    }
    let stopper = control.clone();
    let listened = stop_request::listen(&paths.folder_key(), move || {
        tracing::info!("{}", crate::tr!("remind-stop-asked", pid = std::process::id()));
        let _ = stopper.send(Control::Stop);
    });
    if let Err(error) = listened {
        tracing::warn!("{}", crate::tr!("remind-stop-unwatched", cause = error.to_string()));
    }
    let tray = (frontends.start_tray)(control.clone());
    watch_files(paths, control, tray);
    // Held by the loop, which stops when the folder it is in goes away.
    reminder_loop.owner = Some(owned.lock);
    reminder_loop.run(&receiver, waiter.as_mut(), &Local::now);
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

/// How long the watch lets a change settle before it compares the files.
const SETTLE: Duration = Duration::from_millis(150);

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
fn watch_files(paths: Paths, control: ControlSender, tray: Option<Sender<()>>) {
    let store = Store::new(paths);
    let watching = thread::Builder::new().name("bedtime-coach-watch".to_owned()).spawn(move || {
        let mut last = store.reminder_fingerprint();
        let mut release_at = Some(Instant::now() + QUIET);
        let mut folders = match FolderWatch::new(store.paths()) {
            Ok(watch) => Some(watch),
            Err(error) => {
                tracing::debug!(
                    "No file notifications for the data folders ({error}): looking at the files every second"
                );
                None
            }
        };
        loop {
            let until_release = release_at.map(|at| at.saturating_duration_since(Instant::now()));
            let waited = match &folders {
                Some(watch) => watch.wait(until_release).and_then(|waited| {
                    if waited == Waited::Changed {
                        // Let a change made file by file finish first: the loop must see a
                        // folder being removed (`rm -rf`) gone, not half gone (it would
                        // write back the reminder log into it).
                        thread::sleep(SETTLE);
                        watch.wait(Some(Duration::ZERO))?;
                    }
                    Ok(())
                }),
                None => {
                    thread::sleep(WATCH_EVERY);
                    Ok(())
                }
            };
            if waited.is_err() {
                tracing::debug!("The data folders can no longer be watched: looking every second");
                folders = None;
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
