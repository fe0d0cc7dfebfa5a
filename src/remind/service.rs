//! The reminder loop, and the two ways to run it: the background service and the window.
//!
//! Exactly one process owns the reminders at a time (the owner lock, see
//! [`crate::store::OwnerLock`]); whichever owns them runs [`ReminderLoop`]:
//!
//! 1. read the wall clock (`Local::now()` on every wake-up: monotonic time stops during
//!    suspend, and the time zone may have changed);
//! 2. decide with [`decide`] on the files' newest state (re-read only when a file changed,
//!    so an idle tick is three `stat` calls and a little arithmetic);
//! 3. when something is due, decide again under the store lock and save the reminder log
//!    *before* showing anything: a crash after that point loses at most one notification
//!    and never repeats one;
//! 4. show it on a notification thread with a 5 s deadline; if that fails, report the due
//!    steps to the window (in-app banner) and carry on;
//! 5. sleep until the next due time, but never more than 30 s.
//!
//! # API for the window
//!
//! ```no_run
//! use bedtime_coach::remind::service::{Handover, ReminderEvent, WindowReminders, is_running};
//! use bedtime_coach::store::Paths;
//! # fn demo(paths: Paths) -> std::io::Result<()> {
//! // At start-up: own the reminders in-process unless a background service does; the
//! // thread retries every 30 s, so it takes over when the service exits.
//! let reminders = WindowReminders::start(paths.clone(), |event| match event {
//!     ReminderEvent::Unavailable { message, summary, due } => { /* banner: summary, due steps, message */ }
//!     _ => { /* request a repaint; reload the journal after ActionApplied */ }
//! })?;
//! reminders.wake(); // after the settings or the routine changed: decide again now
//! let _ = (reminders.owns(), is_running(&paths)); // for the settings screen
//! // On close, with reminders on: hand them to a background service.
//! let handover: Handover = reminders.close(None, true);
//! println!("{}", handover.message()); // tell the user how reminders continue
//! # Ok(()) }
//! ```
//!
//! [`spawn_background`] starts `bedtime-coach remind` detached; [`run_background`] is what
//! that command runs.

use std::io::{self, Write as _};
use std::ops::RangeInclusive;
use std::path::Path;
use std::process::Stdio;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex};
use std::thread::{self, JoinHandle};
use std::time::Duration;

use chrono::{DateTime, Local, NaiveDate, TimeDelta, TimeZone};

use super::RemindError;
use super::engine::{Notice, decide, snooze_minutes};
use super::notifier::{Action, DesktopNotifier, Notify};
use crate::command::Command;
use crate::model::{Config, Journal, Outcome, ReminderLog};
use crate::store::{Fingerprint, Loaded, OwnerLock, Paths, Store, owner_pid};

/// The longest sleep between two looks at the wall clock.
pub const MAX_SLEEP: Duration = Duration::from_secs(30);
/// How often a window that does not own the reminders tries to take them over.
pub const RETRY_OWNERSHIP: Duration = Duration::from_secs(30);
/// Waking this much after a due instant makes sure the clock reads "due" on waking.
const WAKE_MARGIN: Duration = Duration::from_millis(2);

/// What the reminder loop tells the window.
#[derive(Debug, Clone, PartialEq)]
pub enum ReminderEvent {
    /// A notification was shown.
    Shown { summary: String, titles: Vec<String> },
    /// Notifications do not work: show an in-window banner naming the due steps.
    Unavailable { message: String, summary: String, due: Vec<String> },
    /// A notification button was used; the journal or the reminder log changed.
    ActionApplied { action: Action, summary: String },
    /// This process started (`owned`) or stopped owning the reminders. `other_pid` names
    /// the background service that owns them instead, when known.
    OwnershipChanged { owned: bool, other_pid: Option<u32> },
    /// The files could not be read or written; a sentence for the user.
    Error { message: String },
    /// A file was moved aside, restored or migrated; tell the user once, with the folder.
    FileNotice { message: String },
}

type EventSink = Arc<Mutex<Box<dyn Fn(ReminderEvent) + Send>>>;

fn sink(on_event: impl Fn(ReminderEvent) + Send + 'static) -> EventSink {
    Arc::new(Mutex::new(Box::new(on_event)))
}

fn emit(sink: &EventSink, event: ReminderEvent) {
    // A panic in one callback must not silence every later event.
    let on_event = sink.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    on_event(event);
}

/// A line on stderr. A detached service may have lost its terminal: never panic on it.
fn log_line(message: &str) {
    let _ = writeln!(io::stderr(), "{} {message}", Local::now().format("%H:%M:%S"));
}

/// A message to the loop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Control {
    /// Decide again now (settings changed, a button was used).
    Wake,
    /// Stop and give up the reminders.
    Stop,
}

struct Cache {
    fingerprint: Fingerprint,
    evenings: RangeInclusive<NaiveDate>,
    config: Config,
    journal: Journal,
    log: ReminderLog,
}

/// The routine as reminders see it: until the user has saved one (the first-run setup),
/// the embedded default must not start sending notifications.
pub fn effective_config(loaded: &Loaded<Config>) -> Config {
    let mut config = loaded.value.clone();
    if !loaded.existed {
        config.settings.reminders = false;
    }
    config
}

/// The journal's evenings the engine can need: it looks at the evening before tonight,
/// tonight and the next one; a day more on each side covers any time zone's date line.
fn evenings_around(today: NaiveDate) -> RangeInclusive<NaiveDate> {
    let day = TimeDelta::days(1);
    (today - day - day)..=(today + day + day)
}

/// The decide-save-show loop of the process that owns the reminders.
pub struct ReminderLoop {
    store: Store,
    notifier: Box<dyn Notify>,
    events: EventSink,
    control: Option<Sender<Control>>,
    cache: Option<Cache>,
    /// The last problem with the files and with notifications, so each is logged once
    /// rather than every tick; cleared when things work again.
    file_problem: Option<String>,
    notify_problem: Option<String>,
    /// The background service has no window to tell: it keeps file notices in the log
    /// for the next window to show.
    keep_notices: bool,
}

impl ReminderLoop {
    pub fn new(store: Store, notifier: Box<dyn Notify>, on_event: impl Fn(ReminderEvent) + Send + 'static) -> Self {
        Self {
            store,
            notifier,
            events: sink(on_event),
            control: None,
            cache: None,
            file_problem: None,
            notify_problem: None,
            keep_notices: false,
        }
    }

    /// Logs `message` unless it is the one in `last`; returns whether it was new.
    fn once(last: &mut Option<String>, message: &str) -> bool {
        let new = last.as_deref() != Some(message);
        if new {
            log_line(message);
            *last = Some(message.to_owned());
        }
        new
    }

    /// Re-reads the files when another process (or a button) changed them, or the
    /// evenings around `today` changed.
    fn refresh(&mut self, today: NaiveDate) -> Result<(), RemindError> {
        let fingerprint = self.store.reminder_fingerprint();
        let evenings = evenings_around(today);
        if self.cache.as_ref().is_none_or(|cache| cache.fingerprint != fingerprint || cache.evenings != evenings) {
            let snapshot = self.store.load_near(evenings.clone())?;
            let log = self.store.load_reminders()?;
            self.cache = Some(Cache {
                fingerprint,
                evenings,
                config: effective_config(&snapshot.config),
                journal: snapshot.journal.value,
                log: log.value,
            });
        }
        Ok(())
    }

    /// One wake-up at `now`; returns when to wake next at the latest (besides the 30 s).
    pub fn tick<Tz: TimeZone>(&mut self, now: &DateTime<Tz>) -> Option<DateTime<Tz>> {
        match self.try_tick(now) {
            Ok(next) => {
                self.file_problem = None;
                next
            }
            Err(error) => {
                let message = error.to_string();
                if Self::once(&mut self.file_problem, &message) {
                    emit(&self.events, ReminderEvent::Error { message });
                }
                None
            }
        }
    }

    fn try_tick<Tz: TimeZone>(&mut self, now: &DateTime<Tz>) -> Result<Option<DateTime<Tz>>, RemindError> {
        let today = now.date_naive();
        self.refresh(today)?;
        let Some(cache) = &self.cache else { return Ok(None) };
        let quick = decide(&cache.config, &cache.journal, &cache.log, now);
        for notice in self.store.take_notices() {
            log_line(&notice.message);
            if self.keep_notices {
                let kept = self.store.update_reminders(|log| {
                    log.notices.push(notice.message.clone());
                    Ok::<_, RemindError>(())
                });
                if let Err(error) = kept {
                    log_line(&error.to_string());
                }
            }
            emit(&self.events, ReminderEvent::FileNotice { message: notice.message });
        }
        if quick.is_idle() {
            return Ok(quick.next_due);
        }
        // Something is due: decide again on the newest files, under the store lock, and
        // write the log before showing anything.
        let (decision, snooze_minutes) = self.store.reminder_transaction(evenings_around(today), |snapshot, log| {
            let config = effective_config(&snapshot.config);
            let decision = decide(&config, &snapshot.journal.value, log, now);
            decision.apply_to(log);
            let changed = !decision.is_idle();
            Ok::<_, RemindError>(((decision, snooze_minutes(&snapshot.config.value)), changed))
        })?;
        self.cache = None;
        if let Some(notice) = &decision.notice {
            self.show(notice, snooze_minutes);
        }
        Ok(decision.next_due)
    }

    fn show(&mut self, notice: &Notice, snooze_minutes: u32) {
        let handler = action_handler(
            self.store.paths().clone(),
            notice.clone(),
            snooze_minutes,
            Arc::clone(&self.events),
            self.control.clone(),
        );
        match self.notifier.show(notice, snooze_minutes, handler) {
            Ok(shown) => {
                log_line(&format!("Shown: {} (notification {})", notice.summary, shown.id));
                self.notify_problem = None;
                emit(&self.events, ReminderEvent::Shown { summary: notice.summary.clone(), titles: notice.titles() });
            }
            Err(error) => {
                let message = error.to_string();
                Self::once(
                    &mut self.notify_problem,
                    &format!("{message} Reminders go on; the window shows them instead."),
                );
                emit(
                    &self.events,
                    ReminderEvent::Unavailable { message, summary: notice.summary.clone(), due: notice.titles() },
                );
            }
        }
    }

    /// Runs until told to stop (or forever, for the background service).
    fn run(&mut self, control: &Receiver<Control>) {
        loop {
            let now = Local::now();
            let next = self.tick(&now);
            let wait = next.map_or(MAX_SLEEP, |due| {
                let until = (due - Local::now()).max(TimeDelta::zero());
                until.to_std().unwrap_or(Duration::ZERO).min(MAX_SLEEP) + WAKE_MARGIN
            });
            match control.recv_timeout(wait.min(MAX_SLEEP)) {
                Ok(Control::Stop) | Err(RecvTimeoutError::Disconnected) => return,
                Ok(Control::Wake) | Err(RecvTimeoutError::Timeout) => {}
            }
        }
    }
}

/// What a notification's buttons do: check the step, or snooze the reminders in it.
fn action_handler(
    paths: Paths,
    notice: Notice,
    snooze_minutes: u32,
    events: EventSink,
    control: Option<Sender<Control>>,
) -> Box<dyn FnOnce(Action) + Send> {
    Box::new(move |action| {
        let now = Local::now().fixed_offset();
        let command = match action {
            Action::Closed => return,
            Action::Done => {
                let Some((evening, step)) = notice.done_target() else { return };
                Command::Check { evening, step: step.to_owned(), outcome: Outcome::Done, value: None, at: now }
            }
            Action::Snooze => Command::Snooze {
                reminders: notice.items.iter().map(|item| (item.evening, item.key.clone())).collect(),
                until: crate::model::time::shift(&now, TimeDelta::minutes(snooze_minutes.into())),
            },
        };
        let store = Store::new(paths);
        match command.apply(&store) {
            Ok(_) => {
                log_line(&format!("{action:?}: {}", notice.summary));
                emit(&events, ReminderEvent::ActionApplied { action, summary: notice.summary.clone() });
            }
            Err(error) => {
                log_line(&error.to_string());
                emit(&events, ReminderEvent::Error { message: error.to_string() });
            }
        }
        if let Some(control) = control {
            let _ = control.send(Control::Wake);
        }
    })
}

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
    let Some(lock) = OwnerLock::try_acquire(&paths)? else {
        return Err(RemindError::AlreadyRunning { pid: owner_pid(&paths).filter(|pid| *pid != 0) });
    };
    let store = Store::new(paths);
    let notifier = DesktopNotifier::new(icon_path(&store));
    log_line(&format!(
        "Bedtime Coach reminders are running (process {}, files in {}).",
        std::process::id(),
        store.paths().data_dir.display()
    ));
    let mut reminder_loop = ReminderLoop::new(store, Box::new(notifier), |_| {});
    reminder_loop.keep_notices = true;
    let (control, receiver) = mpsc::channel();
    reminder_loop.control = Some(control.clone());
    reminder_loop.run(&receiver);
    drop(lock);
    Ok(())
}

/// Whether another process (a background service, another window) owns the reminders.
pub fn is_running(paths: &Paths) -> bool {
    owner_pid(paths).is_some_and(|pid| pid != std::process::id())
}

/// Starts `bedtime-coach remind` detached from this process: its own process group, no
/// terminal, so closing the window (or its terminal) leaves it running.
pub fn spawn_background(data_dir: Option<&Path>) -> io::Result<()> {
    spawn_background_from(&std::env::current_exe()?, data_dir)
}

/// Like [`spawn_background`], with the `bedtime-coach` program given (tests).
pub fn spawn_background_from(program: &Path, data_dir: Option<&Path>) -> io::Result<()> {
    use std::os::unix::process::CommandExt;
    let mut command = std::process::Command::new(program);
    command.arg("remind");
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

/// How reminders go on after the window closed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Handover {
    /// A background service was started.
    Started,
    /// A background service already owns them (its pid, when known).
    AlreadyRunning(Option<u32>),
    /// Reminders are off; nothing runs.
    Off,
    /// Starting the service failed; reminders stop until the window opens again.
    Failed(String),
}

impl Handover {
    /// A sentence for the user.
    pub fn message(&self) -> String {
        match self {
            Handover::Started => {
                "Reminders continue in the background (bedtime-coach remind) after the window closes.".to_owned()
            }
            Handover::AlreadyRunning(_) => {
                "Reminders continue in the background service that is already running.".to_owned()
            }
            Handover::Off => "Reminders are off.".to_owned(),
            Handover::Failed(reason) => format!(
                "Reminders could not be handed to a background service ({reason}); they stop until you open Bedtime Coach again or run `bedtime-coach remind`."
            ),
        }
    }
}

/// The window's reminders: a thread that owns them whenever no background service does.
pub struct WindowReminders {
    control: Sender<Control>,
    thread: Option<JoinHandle<()>>,
    owned: Arc<AtomicBool>,
    paths: Paths,
}

impl WindowReminders {
    /// Starts the thread; events arrive on it (keep `on_event` short: store and repaint).
    pub fn start(paths: Paths, on_event: impl Fn(ReminderEvent) + Send + 'static) -> io::Result<Self> {
        Self::start_with(paths, on_event, None)
    }

    /// Like [`WindowReminders::start`], with a notifier of the caller's choice (tests).
    pub fn start_with(
        paths: Paths,
        on_event: impl Fn(ReminderEvent) + Send + 'static,
        notifier: Option<Box<dyn Notify>>,
    ) -> io::Result<Self> {
        let (control, receiver) = mpsc::channel();
        let owned = Arc::new(AtomicBool::new(false));
        let thread = {
            let (paths, owned, control) = (paths.clone(), Arc::clone(&owned), control.clone());
            thread::Builder::new()
                .name("bedtime-coach-reminders".to_owned())
                .spawn(move || window_thread(paths, sink(on_event), notifier, owned, control, receiver))?
        };
        Ok(Self { control, thread: Some(thread), owned, paths })
    }

    /// Whether this window sends the reminders right now.
    pub fn owns(&self) -> bool {
        self.owned.load(Ordering::SeqCst)
    }

    /// Decide again now, e.g. after the routine or the settings changed.
    pub fn wake(&self) {
        let _ = self.control.send(Control::Wake);
    }

    /// Stops the thread and releases the reminders (a notification being shown finishes
    /// first, within its 5 s deadline).
    pub fn stop(mut self) {
        self.shutdown();
    }

    fn shutdown(&mut self) {
        let _ = self.control.send(Control::Stop);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }

    /// For closing the window: stops, then makes sure reminders go on without it when
    /// `reminders_on`, by starting `bedtime-coach remind` unless one already runs.
    pub fn close(mut self, data_dir: Option<&Path>, reminders_on: bool) -> Handover {
        self.shutdown();
        if !reminders_on {
            return Handover::Off;
        }
        if let Some(pid) = owner_pid(&self.paths) {
            return Handover::AlreadyRunning(Some(pid).filter(|pid| *pid != 0));
        }
        match spawn_background(data_dir) {
            Ok(()) => Handover::Started,
            Err(error) => Handover::Failed(error.to_string()),
        }
    }
}

impl Drop for WindowReminders {
    fn drop(&mut self) {
        self.shutdown();
    }
}

fn window_thread(
    paths: Paths,
    events: EventSink,
    notifier: Option<Box<dyn Notify>>,
    owned: Arc<AtomicBool>,
    control: Sender<Control>,
    receiver: Receiver<Control>,
) {
    let mut notifier = notifier;
    let mut reported: Option<Option<u32>> = None;
    loop {
        match OwnerLock::try_acquire(&paths) {
            Ok(Some(lock)) => {
                owned.store(true, Ordering::SeqCst);
                emit(&events, ReminderEvent::OwnershipChanged { owned: true, other_pid: None });
                let store = Store::new(paths.clone());
                let notifier = notifier.take().unwrap_or_else(|| Box::new(DesktopNotifier::new(icon_path(&store))));
                let sink = Arc::clone(&events);
                let mut reminder_loop = ReminderLoop::new(store, notifier, move |event| emit(&sink, event));
                reminder_loop.control = Some(control.clone());
                reminder_loop.run(&receiver);
                drop(lock);
                owned.store(false, Ordering::SeqCst);
                emit(&events, ReminderEvent::OwnershipChanged { owned: false, other_pid: None });
                return;
            }
            Ok(None) => {
                let other = owner_pid(&paths).filter(|pid| *pid != 0);
                if reported != Some(other) {
                    emit(&events, ReminderEvent::OwnershipChanged { owned: false, other_pid: other });
                    reported = Some(other);
                }
            }
            Err(error) => emit(&events, ReminderEvent::Error { message: error.to_string() }),
        }
        match receiver.recv_timeout(RETRY_OWNERSHIP) {
            Ok(Control::Stop) | Err(RecvTimeoutError::Disconnected) => return,
            Ok(Control::Wake) | Err(RecvTimeoutError::Timeout) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::reminders::BEDTIME_KEY;
    use crate::model::time::clock;
    use crate::remind::notifier::{Capabilities, NotifyError, Shown};
    use chrono_tz::Europe::Berlin;

    /// Each notice shown, with whether its log entries were already on disk then.
    type ShownLog = Arc<Mutex<Vec<(Notice, bool)>>>;

    /// Records what it was asked to show, and whether the log was already on disk then.
    struct Fake {
        paths: Paths,
        shown: ShownLog,
        fail: bool,
    }

    impl Notify for Fake {
        fn show(
            &self,
            notice: &Notice,
            _: u32,
            _: super::super::notifier::ActionHandler,
        ) -> Result<Shown, NotifyError> {
            let on_disk = Store::new(self.paths.clone()).load_reminders().unwrap().value;
            let saved = notice.items.iter().all(|item| on_disk.entry(item.evening, &item.key).is_some());
            self.shown.lock().unwrap().push((notice.clone(), saved));
            if self.fail {
                return Err(NotifyError::Unavailable("no session bus".to_owned()));
            }
            Ok(Shown { id: 7, capabilities: Capabilities::default() })
        }
    }

    fn setup(dir: &Path) -> Paths {
        let paths = Paths::in_dir(dir);
        Store::new(paths.clone())
            .update_config(|config| {
                config.schedule.set(Some(clock(22, 30)), Some(clock(6, 30)), &[]).unwrap();
                Ok::<_, crate::store::StoreError>(())
            })
            .unwrap();
        paths
    }

    fn fake(paths: &Paths, fail: bool) -> (Box<dyn Notify>, ShownLog) {
        let shown = Arc::new(Mutex::new(Vec::new()));
        (Box::new(Fake { paths: paths.clone(), shown: Arc::clone(&shown), fail }), shown)
    }

    #[test]
    fn the_log_is_saved_before_showing_and_a_restart_does_not_repeat() {
        let dir = tempfile::tempdir().unwrap();
        let paths = setup(dir.path());
        let at = |h, m, s| Berlin.with_ymd_and_hms(2026, 11, 26, h, m, s).unwrap();
        let (notifier, shown) = fake(&paths, false);
        let mut first = ReminderLoop::new(Store::new(paths.clone()), notifier, |_| {});
        assert_eq!(first.tick(&at(22, 10, 0)), Some(at(22, 30, 0)));
        assert!(first.tick(&at(22, 30, 0)).is_some_and(|next| next > at(22, 30, 0)));
        {
            let shown = shown.lock().unwrap();
            assert_eq!(shown.len(), 1);
            assert_eq!(shown[0].0.summary, "Bedtime");
            assert!(shown[0].1, "the log entry was on disk before the notification was shown");
        }
        // A new process (the old one was killed right after showing) sees the log.
        let (notifier, again) = fake(&paths, false);
        let mut second = ReminderLoop::new(Store::new(paths.clone()), notifier, |_| {});
        second.tick(&at(22, 30, 1));
        second.tick(&at(22, 31, 0));
        assert!(again.lock().unwrap().is_empty());
        let log = Store::new(paths).load_reminders().unwrap().value;
        assert!(log.entry(chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap(), BEDTIME_KEY).is_some());
    }

    #[test]
    fn a_failing_notifier_reports_the_due_steps_and_the_loop_goes_on() {
        let dir = tempfile::tempdir().unwrap();
        let paths = setup(dir.path());
        let at = |h, m| Berlin.with_ymd_and_hms(2026, 11, 26, h, m, 0).unwrap();
        let (notifier, _) = fake(&paths, true);
        let events = Arc::new(Mutex::new(Vec::new()));
        let sink = Arc::clone(&events);
        let mut reminder_loop =
            ReminderLoop::new(Store::new(paths), notifier, move |event| sink.lock().unwrap().push(event));
        reminder_loop.tick(&at(21, 0));
        reminder_loop.tick(&at(21, 30));
        let events = events.lock().unwrap();
        assert_eq!(events.len(), 2, "{events:?}");
        match &events[0] {
            ReminderEvent::Unavailable { message, summary, due } => {
                assert!(message.contains("not available"), "{message}");
                assert_eq!(summary, "Warm bath");
                assert_eq!(due, &vec!["Warm bath".to_owned()]);
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(&events[1], ReminderEvent::Unavailable { summary, .. } if summary == "Time to wind down"));
    }

    #[test]
    fn done_checks_the_step_and_snooze_records_a_snooze() {
        let dir = tempfile::tempdir().unwrap();
        let paths = setup(dir.path());
        let at = Berlin.with_ymd_and_hms(2026, 11, 26, 21, 0, 0).unwrap();
        let config = Store::new(paths.clone()).load_config().unwrap().value;
        let decision = decide(&config, &Journal::default(), &ReminderLog::default(), &at);
        let notice = decision.notice.unwrap();
        let (tx, events) = mpsc::channel();
        let sink = sink(move |event| {
            let _ = tx.send(event);
        });
        action_handler(paths.clone(), notice.clone(), 10, Arc::clone(&sink), None)(Action::Snooze);
        let log = Store::new(paths.clone()).load_reminders().unwrap().value;
        let evening = chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
        let snooze = &log.evening(evening).unwrap().snoozed["warm-bath"];
        assert!(!snooze.settled);
        let minutes = (snooze.until - Local::now().fixed_offset()).num_minutes();
        assert!((9..=10).contains(&minutes), "{minutes}");
        action_handler(paths.clone(), notice, 10, sink, None)(Action::Done);
        let journal = Store::new(paths).load_journal().unwrap().value;
        assert_eq!(journal.check_in(evening, "warm-bath").unwrap().outcome, Outcome::Done);
        let applied: Vec<ReminderEvent> = events.try_iter().collect();
        assert_eq!(applied.len(), 2);
        assert!(matches!(applied[1], ReminderEvent::ActionApplied { action: Action::Done, .. }));
    }

    fn wait_for(events: &Receiver<ReminderEvent>, what: impl Fn(&ReminderEvent) -> bool) -> ReminderEvent {
        let deadline = std::time::Instant::now() + Duration::from_secs(5);
        loop {
            let left = deadline.saturating_duration_since(std::time::Instant::now());
            let event = events.recv_timeout(left).expect("event in time");
            if what(&event) {
                return event;
            }
        }
    }

    #[test]
    fn the_window_waits_for_the_background_owner_and_takes_over() {
        let dir = tempfile::tempdir().unwrap();
        let paths = setup(dir.path());
        let service = OwnerLock::try_acquire(&paths).unwrap().unwrap();
        let (tx, events) = mpsc::channel();
        let (notifier, _) = fake(&paths, false);
        let window = WindowReminders::start_with(
            paths.clone(),
            move |event| {
                let _ = tx.send(event);
            },
            Some(notifier),
        )
        .unwrap();
        let event = wait_for(&events, |e| matches!(e, ReminderEvent::OwnershipChanged { .. }));
        assert_eq!(event, ReminderEvent::OwnershipChanged { owned: false, other_pid: Some(std::process::id()) });
        assert!(!window.owns());
        // The service exits; the window takes over at its next try (forced here by wake()).
        drop(service);
        window.wake();
        wait_for(&events, |e| matches!(e, ReminderEvent::OwnershipChanged { owned: true, .. }));
        assert!(window.owns());
        assert!(!is_running(&paths), "only this process owns them");
        assert!(OwnerLock::try_acquire(&paths).unwrap().is_none(), "nobody else can");
        window.stop();
        assert!(OwnerLock::try_acquire(&paths).unwrap().is_some(), "stop() hands the reminders back");
    }
}
