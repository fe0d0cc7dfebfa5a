//! The reminder loop of the background service: decide, save, show, sleep.
//!
//! 1. read the wall clock (`Local::now()` on every wake-up: monotonic time stops during
//!    suspend, and the time zone may have changed);
//! 2. decide with [`decide`] on the files' newest state (re-read only when a file changed,
//!    so an idle tick is three `stat` calls and a little arithmetic);
//! 3. when something is due, decide again under the store lock and save the reminder log
//!    *before* showing anything: a crash after that point loses at most one notification
//!    and never repeats one;
//! 4. show it on a notification thread with a 5 s deadline; if that fails, keep it in the
//!    reminder log for the window to show as a banner, and carry on;
//! 5. sleep until the next due time by the wall clock (a suspend does not stretch it, a
//!    clock set meanwhile wakes it), but never more than 30 s.
//!
//! After the files changed it also closes the notifications whose steps were settled
//! meanwhile (in the window, on the command line, by a button), and shows a test
//! notification when Settings or `remind --test` asked for one.

use std::ops::RangeInclusive;
use std::sync::mpsc::{Receiver, TryRecvError};
use std::time::{Duration, SystemTime};

use chrono::{DateTime, Local, NaiveDate, TimeZone};

use super::RemindError;
use super::do_not_disturb::{DoNotDisturb, Never};
use super::effective_routine_file;
use super::engine::{decide, decide_with, snooze_minutes};
pub use super::events::ReminderEvent;
use super::events::{Buttons, Control, ControlSender, EventSink, NoButtons, emit, sink};
use super::notifier::Notify;
use super::wall_timer::{Wait, Woke};
use crate::model::reminders::LogOutcome;
use crate::model::time::{next_day, previous_day};
use crate::model::{Journal, ReminderLog, RoutineFile};
use crate::store::{Fingerprint, OwnerLock, Store};

mod notifications;

/// The longest sleep between two looks at the wall clock.
pub const MAX_SLEEP: Duration = Duration::from_secs(30);
/// Waking this much after a due instant makes sure the clock reads "due" on waking.
const WAKE_MARGIN: Duration = Duration::from_millis(2);
/// How often the loop asks whether Do Not Disturb ended while it holds a reminder.
const HOLD_POLL: Duration = Duration::from_secs(1);
/// How many shown notifications the loop remembers to close (they expire on their own).
const KEEP_SHOWN: usize = 32;

struct Cache {
    fingerprint: Fingerprint,
    evenings: RangeInclusive<NaiveDate>,
    routine_file: RoutineFile,
    journal: Journal,
    log: ReminderLog,
}

/// The journal's evenings the engine can need: it looks at the evening before tonight,
/// tonight and the next one; a day more on each side covers any time zone's date line.
fn evenings_around(today: NaiveDate) -> RangeInclusive<NaiveDate> {
    previous_day(previous_day(today))..=next_day(next_day(today))
}

/// The decide-save-show loop of the process that owns the reminders.
pub struct ReminderLoop {
    store: Store,
    notifier: Box<dyn Notify>,
    events: EventSink,
    pub control: Option<ControlSender>,
    cache: Option<Cache>,
    /// The last problem with the files and with notifications, so each is logged once
    /// rather than every tick; cleared when things work again.
    file_problem: Option<String>,
    notify_problem: Option<String>,
    /// The background service has no window to tell: it keeps file notices in the log
    /// for the next window to show.
    pub keep_notices: bool,
    /// The background service speaks the language saved in Settings, re-read with the
    /// routine (tests leave the process's language alone).
    pub follow_language: bool,
    /// What the notifications' buttons do.
    pub buttons: Box<dyn Buttons>,
    /// The notifications this process showed and still may close: the server's id and
    /// the (evening, key) of each reminder in it, oldest first.
    shown: Vec<(u32, Vec<(NaiveDate, String)>)>,
    /// The last test request tried, so a log that cannot be written does not repeat it.
    last_test: Option<DateTime<chrono::FixedOffset>>,
    /// Asked when a reminder is due: while the desktop asks for quiet, reminders wait.
    pub do_not_disturb: Box<dyn DoNotDisturb>,
    /// The reminder log as this process last read or saved it: what it settled stays
    /// settled when `reminders.json` is removed or replaced by an older copy meanwhile.
    known: Option<ReminderLog>,
    /// The background service's hold on the reminders: the loop ends when its file is
    /// no longer the one at its path (the data folder was removed or renamed).
    pub(super) owner: Option<OwnerLock>,
    /// What the reminder log lost, to be written back at that instant: a moment after it
    /// was found missing, so that a folder being removed file by file (`rm -rf`) is
    /// seen going (and the loop stops) rather than refilled.
    write_back_at: Option<(DateTime<chrono::FixedOffset>, ReminderLog, RangeInclusive<NaiveDate>)>,
}

/// How long the loop waits before it writes back what the reminder log lost.
const WRITE_BACK_AFTER: chrono::TimeDelta = chrono::TimeDelta::seconds(1);

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
            follow_language: false,
            buttons: Box::new(NoButtons),
            shown: Vec::new(),
            last_test: None,
            do_not_disturb: Box::new(Never),
            known: None,
            owner: None,
            write_back_at: None,
        }
    }

    /// Whether `message` differs from the one in `last` (which it then becomes), so a
    /// problem that lasts is reported once rather than every tick.
    fn once(last: &mut Option<String>, message: &str) -> bool {
        let new = last.as_deref() != Some(message);
        if new {
            *last = Some(message.to_owned());
        }
        new
    }

    /// Re-reads the files when another process (or a button) changed them, or the
    /// evenings around `today` changed; says whether it did.
    fn refresh<Tz: TimeZone>(&mut self, now: &DateTime<Tz>) -> Result<bool, RemindError> {
        let today = now.date_naive();
        let fingerprint = self.store.reminder_fingerprint();
        let evenings = evenings_around(today);
        if self.cache.as_ref().is_none_or(|cache| cache.fingerprint != fingerprint || cache.evenings != evenings) {
            let snapshot = self.store.load_near(evenings.clone())?;
            if self.follow_language {
                // A language chosen in Settings reaches the next notification, no restart.
                crate::i18n::apply_choice(snapshot.routine_file.value.settings.language);
            }
            let mut log = self.store.load_reminders()?.value;
            if let Some(known) = &self.known
                && log.clone().restore_settled(known, evenings.clone()) > 0
            {
                // Decided on at once; written back a moment later (see `write_back_at`).
                let known = known.clone();
                log.restore_settled(&known, evenings.clone());
                if self.write_back_at.is_none() {
                    self.write_back_at = Some((now.fixed_offset() + WRITE_BACK_AFTER, known, evenings.clone()));
                }
            }
            self.known = Some(log.clone());
            self.cache = Some(Cache {
                fingerprint,
                evenings,
                routine_file: effective_routine_file(&snapshot.routine_file),
                journal: snapshot.journal.value,
                log,
            });
            return Ok(true);
        }
        Ok(false)
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
        if self.refresh(now)? {
            self.close_settled(now);
            self.answer_test_request();
        }
        let write_back_at = self.write_back_at.as_ref().map(|(at, ..)| *at);
        if write_back_at.is_some_and(|at| now.fixed_offset() >= at)
            && self.owner_lost().is_none()
            && let Some((_, known, evenings)) = self.write_back_at.take()
        {
            self.write_back(known, evenings);
        }
        // Woken for the write-back, which the next due time may not be.
        let back = self.write_back_at.as_ref().map(|(at, ..)| at.with_timezone(&now.timezone()));
        let wake_for = |now: &DateTime<Tz>, next: Option<DateTime<Tz>>, holding: bool| {
            let next = wake_for(now, next, holding);
            match (next, back.clone()) {
                (Some(next), Some(back)) => Some(next.min(back)),
                (next, back) => next.or(back),
            }
        };
        let Some(cache) = &self.cache else { return Ok(None) };
        let quick = decide(&cache.routine_file, &cache.journal, &cache.log, now);
        // Asked only when something would be shown (or is held): an idle tick never asks.
        let quiet = quick.notice.is_some() && self.do_not_disturb.is_on();
        let quick = if quiet { decide_with(&cache.routine_file, &cache.journal, &cache.log, now, true) } else { quick };
        for notice in self.store.take_notices() {
            if self.keep_notices {
                let message = notice.message.clone();
                self.keep_in_log(move |log| log.file_notices.push(message));
            }
            emit(&self.events, ReminderEvent::FileNotice { message: notice.message });
        }
        if quick.is_idle() {
            return Ok(wake_for(now, quick.next_due, quick.holding));
        }
        // Something is due: decide again on the newest files, under the store lock, and
        // write the log before showing anything.
        let known = self.known.clone();
        // Still failing at the last look: what is late now is late because of that.
        let stalled = self.file_problem.clone();
        let (decision, snooze_minutes, saved, restored) =
            self.store.reminder_transaction(evenings_around(today), |snapshot, log| {
                // The file may have lost what this process settled since it last read it.
                let restored = known.as_ref().map_or(0, |known| log.restore_settled(known, evenings_around(today)));
                let routine_file = effective_routine_file(&snapshot.routine_file);
                let decision = decide_with(&routine_file, &snapshot.journal.value, log, now, quiet);
                decision.apply_to(log);
                if let Some(reason) = &stalled {
                    for (evening, key, entry) in &decision.settle {
                        if matches!(entry.outcome, LogOutcome::Late | LogOutcome::Skipped) {
                            log.mark_stalled(*evening, key, reason);
                        }
                    }
                }
                let changed = !decision.is_idle() || restored > 0;
                Ok::<_, RemindError>((
                    (decision, snooze_minutes(&snapshot.routine_file.value), log.clone(), restored),
                    changed,
                ))
            })?;
        self.known = Some(saved);
        if restored > 0 {
            self.write_back_at = None;
            self.notice_restored(restored);
        }
        self.cache = None;
        // One line per reminder decided, for "why did it (not) come?" in the log file.
        for (evening, key, entry) in &decision.settle {
            let held =
                entry.held_since.map(|since| format!(", held since {}", since.format("%H:%M:%S"))).unwrap_or_default();
            tracing::info!(
                "Reminder {key} of the evening of {evening}, due {}: {:?}{held}",
                entry.due.format("%H:%M"),
                entry.outcome
            );
        }
        if !decision.hold.is_empty() {
            let keys = decision.hold.iter().map(|(_, key, _)| key.clone()).collect();
            emit(&self.events, ReminderEvent::Held { keys });
        }
        if let Some(notice) = &decision.notice {
            self.show(notice, snooze_minutes);
        }
        Ok(wake_for(now, decision.next_due, decision.holding))
    }

    /// Writes back into the reminder log what `known` settled and the file lost (see
    /// [`ReminderLog::restore_settled`]), and says so in the service's log and to the
    /// next window.
    fn write_back(&mut self, known: ReminderLog, evenings: RangeInclusive<NaiveDate>) {
        let mut restored = 0;
        self.keep_in_log(|log| restored = log.restore_settled(&known, evenings));
        if restored > 0 {
            self.notice_restored(restored);
        }
    }

    fn notice_restored(&mut self, count: usize) {
        let path = self.store.paths().reminders_file();
        let message = crate::tr!("remind-log-restored", path = path.display().to_string(), count = count);
        if self.keep_notices {
            let kept = message.clone();
            self.keep_in_log(move |log| log.file_notices.push(kept));
        }
        emit(&self.events, ReminderEvent::FileNotice { message });
    }

    /// Why the loop must stop, when its hold on the reminders is lost (see
    /// [`OwnerLock::is_current`]).
    fn owner_lost(&self) -> Option<String> {
        let owner = self.owner.as_ref()?;
        let paths = self.store.paths();
        (!owner.is_current(paths))
            .then(|| crate::tr!("remind-folder-lost", folder = paths.data_dir.display().to_string()))
    }

    /// Writes something for the window into the reminder log; a failure is logged once
    /// with the other file problems (the next tick reports it too).
    fn keep_in_log(&mut self, change: impl FnOnce(&mut ReminderLog)) {
        let kept = self.store.update_reminders(|log| {
            change(log);
            Ok::<_, RemindError>(())
        });
        if let Err(error) = kept {
            let message = error.to_string();
            if Self::once(&mut self.file_problem, &message) {
                emit(&self.events, ReminderEvent::Error { message });
            }
        }
    }

    /// Runs until the channel's senders are gone (for the background service, forever),
    /// reading the wall clock with `clock` and sleeping with `waiter`.
    pub(super) fn run(
        &mut self,
        control: &Receiver<Control>,
        waiter: &mut dyn Wait,
        clock: &dyn Fn() -> DateTime<Local>,
    ) {
        let mut wait_problem = None;
        loop {
            if let Some(message) = self.owner_lost() {
                emit(&self.events, ReminderEvent::Error { message });
                return;
            }
            let now = clock();
            let next = self.tick(&now);
            let deadline = wake_at(&now, next);
            match waiter.wait_until(deadline) {
                // A clock set meanwhile: the deadline is read and armed again at the top.
                Ok(Woke::Deadline | Woke::ClockChanged | Woke::Rung) => {}
                Err(error) => {
                    // Should not happen with a working timer; never spin on it.
                    let message = error.to_string();
                    if Self::once(&mut wait_problem, &message) {
                        emit(&self.events, ReminderEvent::Error { message });
                    }
                    std::thread::sleep(Duration::from_secs(1));
                }
            }
            loop {
                match control.try_recv() {
                    Ok(Control::Wake) => {}
                    Err(TryRecvError::Empty) => break,
                    Ok(Control::Stop) | Err(TryRecvError::Disconnected) => return,
                }
            }
        }
    }
}

/// The next wake-up the engine asks for, and while a reminder is held for Do Not Disturb
/// at the latest [`HOLD_POLL`] from `now`, to see whether it ended.
fn wake_for<Tz: TimeZone>(now: &DateTime<Tz>, next_due: Option<DateTime<Tz>>, holding: bool) -> Option<DateTime<Tz>> {
    if !holding {
        return next_due;
    }
    let poll = now.clone() + chrono::TimeDelta::from_std(HOLD_POLL).unwrap_or_default();
    Some(next_due.map_or(poll.clone(), |due| due.min(poll)))
}

/// When to wake after a tick at `now`: just after the next due instant, and at the latest
/// [`MAX_SLEEP`] after `now`, as a wall-clock instant.
fn wake_at(now: &DateTime<Local>, next: Option<DateTime<Local>>) -> SystemTime {
    let latest = SystemTime::from(*now) + MAX_SLEEP;
    next.map_or(latest, |due| (SystemTime::from(due) + WAKE_MARGIN).min(latest))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::reminders::BEDTIME_KEY;
    use crate::model::{Outcome, plan_evening};
    use crate::remind::engine::Alert;
    use crate::remind::notifier::{Capabilities, NotifyError, Shown};
    use crate::store::Paths;
    use chrono::TimeDelta;
    use chrono_tz::Europe::Berlin;
    use std::sync::mpsc;
    use std::sync::{Arc, Mutex};

    /// Each notice shown, with whether its log entries were already on disk then.
    type ShownLog = Arc<Mutex<Vec<(Alert, bool)>>>;

    /// Records what it was asked to show, and whether the log was already on disk then.
    struct Fake {
        paths: Paths,
        shown: ShownLog,
        fail: bool,
        closed: Arc<Mutex<Vec<u32>>>,
    }

    impl Notify for Fake {
        fn show(&self, notice: &Alert, _: u32, _: super::super::notifier::ActionHandler) -> Result<Shown, NotifyError> {
            let on_disk = Store::new(self.paths.clone()).load_reminders().unwrap().value;
            let saved = notice.items.iter().all(|item| on_disk.entry(item.evening, &item.key).is_some());
            self.shown.lock().unwrap().push((notice.clone(), saved));
            if self.fail {
                return Err(NotifyError::Unavailable("no session bus".to_owned()));
            }
            let id = u32::try_from(self.shown.lock().unwrap().len()).unwrap();
            Ok(Shown { id, capabilities: Capabilities::default() })
        }

        fn close(&self, id: u32) -> Result<(), NotifyError> {
            self.closed.lock().unwrap().push(id);
            Ok(())
        }
    }

    fn fake(paths: &Paths, fail: bool) -> (Box<dyn Notify>, ShownLog) {
        let shown = Arc::new(Mutex::new(Vec::new()));
        let closed = Arc::new(Mutex::new(Vec::new()));
        (Box::new(Fake { paths: paths.clone(), shown: Arc::clone(&shown), fail, closed }), shown)
    }

    type Events = Arc<Mutex<Vec<ReminderEvent>>>;

    /// A loop on `paths` whose events are kept for the test to look at.
    fn watched(paths: &Paths, notifier: Box<dyn Notify>) -> (ReminderLoop, Events) {
        let events = Arc::new(Mutex::new(Vec::new()));
        let seen = Arc::clone(&events);
        (ReminderLoop::new(Store::new(paths.clone()), notifier, move |event| seen.lock().unwrap().push(event)), events)
    }

    #[test]
    fn the_log_is_saved_before_showing_and_a_restart_does_not_repeat() {
        let dir = tempfile::tempdir().unwrap();
        let paths = crate::store::saved_routine_for_tests(dir.path());
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
        let paths = crate::store::saved_routine_for_tests(dir.path());
        let at = |h, m| Berlin.with_ymd_and_hms(2026, 11, 26, h, m, 0).unwrap();
        let (notifier, _) = fake(&paths, true);
        let events = Arc::new(Mutex::new(Vec::new()));
        let sink = Arc::clone(&events);
        let mut reminder_loop =
            ReminderLoop::new(Store::new(paths), notifier, move |event| sink.lock().unwrap().push(event));
        reminder_loop.tick(&at(20, 30));
        reminder_loop.tick(&at(21, 0));
        let events = events.lock().unwrap();
        assert_eq!(events.len(), 2, "{events:?}");
        match &events[1] {
            ReminderEvent::Unavailable { message, summary, due } => {
                assert!(message.contains("not available"), "{message}");
                assert_eq!(summary, "Warm bath");
                assert_eq!(due, &vec!["Warm bath".to_owned()]);
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(&events[0], ReminderEvent::Unavailable { summary, .. } if summary == "Time to wind down"));
    }

    /// A fake notifier with its close calls in view.
    fn fake_closing(paths: &Paths, fail: bool) -> (Box<dyn Notify>, ShownLog, Arc<Mutex<Vec<u32>>>) {
        let shown = Arc::new(Mutex::new(Vec::new()));
        let closed = Arc::new(Mutex::new(Vec::new()));
        let fake = Fake { paths: paths.clone(), shown: Arc::clone(&shown), fail, closed: Arc::clone(&closed) };
        (Box::new(fake), shown, closed)
    }

    fn check(paths: &Paths, step: &str, outcome: Outcome) {
        let evening = chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
        let at = Berlin.with_ymd_and_hms(2026, 11, 26, 21, 2, 0).unwrap().fixed_offset();
        crate::use_cases::Change::Check { evening, step: step.to_owned(), outcome, value: None, at }
            .apply(&Store::new(paths.clone()))
            .unwrap();
    }

    #[test]
    fn a_notification_closes_once_its_steps_are_settled_elsewhere() {
        let dir = tempfile::tempdir().unwrap();
        let paths = crate::store::saved_routine_for_tests(dir.path());
        let at = |h, m| Berlin.with_ymd_and_hms(2026, 11, 26, h, m, 0).unwrap();
        let (notifier, shown, closed) = fake_closing(&paths, false);
        let mut reminder_loop = ReminderLoop::new(Store::new(paths.clone()), notifier, |_| {});
        reminder_loop.tick(&at(20, 59));
        reminder_loop.tick(&at(21, 0));
        reminder_loop.tick(&at(21, 1));
        assert_eq!(shown.lock().unwrap().last().unwrap().0.summary, "Warm bath");
        // The fake numbers its notifications 1, 2, ...
        let bath = u32::try_from(shown.lock().unwrap().len()).unwrap();
        assert!(closed.lock().unwrap().is_empty(), "nothing settled yet");
        // Checked in the window (or on the command line): closed on the next tick.
        check(&paths, "warm-bath", Outcome::Skipped);
        reminder_loop.tick(&at(21, 2));
        assert_eq!(*closed.lock().unwrap(), vec![bath]);
        reminder_loop.tick(&at(21, 3));
        assert_eq!(closed.lock().unwrap().len(), 1, "closed once");
        // A merged one closes only when all of its steps are settled.
        reminder_loop.tick(&at(21, 55));
        let merged = u32::try_from(shown.lock().unwrap().len()).unwrap();
        assert_eq!(shown.lock().unwrap().last().unwrap().0.items.len(), 2);
        check(&paths, "ventilate-bedroom", Outcome::Done);
        reminder_loop.tick(&at(21, 56));
        assert_eq!(closed.lock().unwrap().len(), 1, "one of two steps is not enough");
        check(&paths, "humidity-check", Outcome::Done);
        reminder_loop.tick(&at(21, 57));
        assert_eq!(*closed.lock().unwrap(), vec![bath, merged]);
    }

    /// What Windows answers when asked whether the user is busy, set by the test.
    struct FakeUserState(Arc<Mutex<i32>>);

    impl crate::platform::busy::UserState for FakeUserState {
        fn query(&mut self) -> Option<i32> {
            Some(*self.0.lock().unwrap())
        }
    }

    /// Windows' busy state as Do Not Disturb: during a presentation the warm bath at 21:00
    /// is held, and shown once, after, when the presentation ends.
    #[test]
    fn while_the_user_is_busy_on_windows_reminders_are_held_and_shown_after() {
        use crate::platform::busy::{QUNS_ACCEPTS_NOTIFICATIONS, QUNS_PRESENTATION_MODE};
        let dir = tempfile::tempdir().unwrap();
        let paths = crate::store::saved_routine_for_tests(dir.path());
        let at = |h, m| Berlin.with_ymd_and_hms(2026, 11, 26, h, m, 0).unwrap();
        let (notifier, shown) = fake(&paths, false);
        let mut reminder_loop = ReminderLoop::new(Store::new(paths), notifier, |_| {});
        let state = Arc::new(Mutex::new(QUNS_PRESENTATION_MODE));
        reminder_loop.do_not_disturb =
            Box::new(super::super::do_not_disturb::Busy::new(Box::new(FakeUserState(Arc::clone(&state)))));
        reminder_loop.tick(&at(21, 0));
        reminder_loop.tick(&at(21, 2));
        assert!(shown.lock().unwrap().is_empty(), "shown during a presentation");
        *state.lock().unwrap() = QUNS_ACCEPTS_NOTIFICATIONS;
        reminder_loop.tick(&at(21, 3));
        reminder_loop.tick(&at(21, 4));
        let shown = shown.lock().unwrap();
        assert_eq!(shown.len(), 1, "held reminders are shown once, after");
        assert!(shown[0].0.summary.contains("(due 21:00)"), "{:?}", shown[0].0.summary);
    }

    #[test]
    fn a_test_notification_is_asked_through_the_log_and_answered_there() {
        let dir = tempfile::tempdir().unwrap();
        let paths = crate::store::saved_routine_for_tests(dir.path());
        let store = Store::new(paths.clone());
        let at = |h, m| Berlin.with_ymd_and_hms(2026, 11, 26, h, m, 0).unwrap();
        let (notifier, shown, _) = fake_closing(&paths, false);
        let events = Arc::new(Mutex::new(Vec::new()));
        let seen = Arc::clone(&events);
        let mut reminder_loop =
            ReminderLoop::new(Store::new(paths.clone()), notifier, move |event| seen.lock().unwrap().push(event));
        reminder_loop.tick(&at(18, 0));
        let asked = Local::now().fixed_offset();
        crate::use_cases::Change::RequestTestNotification { at: asked }.apply(&store).unwrap();
        reminder_loop.tick(&at(18, 1));
        {
            let shown = shown.lock().unwrap();
            assert_eq!(shown.len(), 1);
            assert_eq!(shown[0].0.summary, "Test notification from Bedtime Coach");
            assert!(shown[0].0.items.is_empty());
        }
        let log = store.load_reminders().unwrap().value;
        let result = log.test_result.unwrap();
        assert!(result.shown && result.reason.is_none() && result.requested_at == asked);
        assert!(log.test_requested_at.is_none(), "answered");
        reminder_loop.tick(&at(18, 2));
        assert_eq!(shown.lock().unwrap().len(), 1, "answered once");
        assert!(events.lock().unwrap().contains(&ReminderEvent::Test { problem: None }));

        // Notifications not available: the reason is written down for Settings.
        let (notifier, _, _) = fake_closing(&paths, true);
        let mut failing = ReminderLoop::new(Store::new(paths.clone()), notifier, |_| {});
        let asked = asked + TimeDelta::seconds(1);
        crate::use_cases::Change::RequestTestNotification { at: asked }.apply(&store).unwrap();
        failing.tick(&at(18, 3));
        let result = store.load_reminders().unwrap().value.test_result.unwrap();
        assert!(!result.shown && result.requested_at == asked);
        assert!(result.reason.unwrap().starts_with("Desktop notifications are not available"));
    }

    /// A waiter that plays a script: each wait records the deadline it was armed with and
    /// answers the next scripted wake-up; at the end it hangs up the channel.
    struct Script {
        woke: Vec<Woke>,
        deadlines: Arc<Mutex<Vec<SystemTime>>>,
        hang_up: Option<mpsc::Sender<Control>>,
    }

    impl Wait for Script {
        fn wait_until(&mut self, deadline: SystemTime) -> std::io::Result<Woke> {
            self.deadlines.lock().unwrap().push(deadline);
            if self.woke.is_empty() {
                self.hang_up = None;
                return Ok(Woke::Rung);
            }
            Ok(self.woke.remove(0))
        }
    }

    #[test]
    fn a_clock_change_cancel_reads_the_clock_again_and_re_arms() {
        let dir = tempfile::tempdir().unwrap();
        let paths = crate::store::saved_routine_for_tests(dir.path());
        let at = |h, m, s| Local.with_ymd_and_hms(2026, 11, 26, h, m, s).unwrap();
        let (notifier, shown) = fake(&paths, false);
        let mut reminder_loop = ReminderLoop::new(Store::new(paths), notifier, |_| {});
        let (sender, receiver) = mpsc::channel();
        let deadlines = Arc::new(Mutex::new(Vec::new()));
        let mut script = Script {
            woke: vec![Woke::ClockChanged, Woke::Deadline],
            deadlines: Arc::clone(&deadlines),
            hang_up: Some(sender),
        };
        // The clock reads 20:59:50, then (set forward while waiting) 22:29:58, then 22:30:00.
        let readings = Mutex::new(vec![at(20, 59, 50), at(22, 29, 58), at(22, 30, 0)]);
        let clock = || {
            let mut readings = readings.lock().unwrap();
            if readings.len() > 1 { readings.remove(0) } else { readings[0] }
        };
        reminder_loop.run(&receiver, &mut script, &clock);
        let deadlines = deadlines.lock().unwrap();
        let ms = |t: DateTime<Local>| SystemTime::from(t) + WAKE_MARGIN;
        // First armed for the warm bath at 21:00; after the cancel, for bedtime at 22:30 as
        // the new clock reading says, not for 21:00 (long past) nor 30 s after 20:59:50.
        assert_eq!(deadlines[0], ms(at(21, 0, 0)));
        assert_eq!(deadlines[1], ms(at(22, 30, 0)));
        assert_eq!(deadlines.len(), 3, "{deadlines:?}");
        let shown = shown.lock().unwrap();
        assert_eq!(shown.last().unwrap().0.summary, "Bedtime", "the re-armed deadline brought bedtime");
    }

    #[test]
    fn a_reminder_log_removed_or_replaced_by_an_older_copy_does_not_repeat_a_reminder() {
        let dir = tempfile::tempdir().unwrap();
        let paths = crate::store::saved_routine_for_tests(dir.path());
        let at = |h, m, s| Berlin.with_ymd_and_hms(2026, 11, 26, h, m, s).unwrap();
        let (notifier, shown) = fake(&paths, false);
        let (mut reminder_loop, events) = watched(&paths, notifier);
        reminder_loop.tick(&at(22, 10, 0));
        let before_bedtime = std::fs::read(paths.reminders_file()).unwrap();
        reminder_loop.tick(&at(22, 30, 0));
        assert_eq!(shown.lock().unwrap().last().unwrap().0.summary, "Bedtime");
        let count = shown.lock().unwrap().len();
        let restored = |events: &Events| {
            events
                .lock()
                .unwrap()
                .iter()
                .filter(|e| matches!(e, ReminderEvent::FileNotice { message } if message.contains("lost")))
                .count()
        };

        // Removed, backup and all: written back from memory at once, nothing repeats.
        std::fs::remove_file(paths.reminders_file()).unwrap();
        let _ = std::fs::remove_file(crate::store::sibling(&paths.reminders_file(), ".bak"));
        reminder_loop.tick(&at(22, 30, 5));
        reminder_loop.tick(&at(22, 31, 0));
        assert_eq!(shown.lock().unwrap().len(), count, "bedtime came twice");
        let evening = chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
        let on_disk = Store::new(paths.clone()).load_reminders().unwrap().value;
        assert!(on_disk.entry(evening, BEDTIME_KEY).is_some(), "written back");
        assert_eq!(restored(&events), 1);

        // Replaced by the copy from before bedtime (a backup put back by hand).
        std::fs::write(paths.reminders_file(), &before_bedtime).unwrap();
        reminder_loop.tick(&at(22, 31, 5));
        reminder_loop.tick(&at(22, 31, 6));
        assert_eq!(shown.lock().unwrap().len(), count, "bedtime came twice");
        assert_eq!(restored(&events), 2);
        assert!(Store::new(paths).load_reminders().unwrap().value.entry(evening, BEDTIME_KEY).is_some());
    }

    /// Unix only: Windows does not let a folder be renamed or removed while a file in it
    /// is open, so the owner's folder cannot go from under it there.
    #[test]
    #[cfg(unix)]
    fn the_loop_stops_when_its_data_folder_is_renamed_or_removed() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("data");
        let paths = crate::store::saved_routine_for_tests(&folder);
        for gone in ["renamed", "removed"] {
            let (notifier, shown) = fake(&paths, false);
            let (mut reminder_loop, events) = watched(&paths, notifier);
            reminder_loop.owner = Some(OwnerLock::try_acquire(&paths).unwrap().expect("free"));
            if gone == "renamed" {
                std::fs::rename(&folder, dir.path().join("moved")).unwrap();
            } else {
                std::fs::remove_dir_all(&folder).unwrap();
            }
            let (sender, receiver) = mpsc::channel();
            let mut script = Script { woke: vec![Woke::Deadline; 3], deadlines: Arc::default(), hang_up: Some(sender) };
            let clock = || Local.with_ymd_and_hms(2026, 11, 26, 22, 30, 0).unwrap();
            reminder_loop.run(&receiver, &mut script, &clock);
            assert!(shown.lock().unwrap().is_empty(), "{gone}: a reminder went out");
            let events = events.lock().unwrap();
            assert!(
                matches!(events.first(), Some(ReminderEvent::Error { message }) if message.contains("removed or renamed")),
                "{gone}: {events:?}"
            );
            drop(events);
            drop(reminder_loop);
            let _ = std::fs::remove_dir_all(dir.path().join("moved"));
            crate::store::saved_routine_for_tests(&folder);
        }
    }

    #[test]
    fn a_reminder_late_because_the_files_could_not_be_written_says_so_not_sleep() {
        let dir = tempfile::tempdir().unwrap();
        let paths = crate::store::saved_routine_for_tests(dir.path());
        let at = |h, m| Berlin.with_ymd_and_hms(2026, 11, 26, h, m, 0).unwrap();
        let (notifier, shown) = fake(&paths, false);
        let (mut reminder_loop, events) = watched(&paths, notifier);
        reminder_loop.tick(&at(20, 59));
        // The reminder log cannot be written when the bath comes due (a folder in its
        // place stands in for a full disk), until 21:05.
        let _ = std::fs::remove_file(paths.reminders_file());
        std::fs::create_dir(paths.reminders_file()).unwrap();
        reminder_loop.tick(&at(21, 0));
        reminder_loop.tick(&at(21, 3));
        assert!(shown.lock().unwrap().is_empty());
        assert_eq!(events.lock().unwrap().iter().filter(|e| matches!(e, ReminderEvent::Error { .. })).count(), 1);
        std::fs::remove_dir(paths.reminders_file()).unwrap();
        reminder_loop.tick(&at(21, 5));
        assert_eq!(shown.lock().unwrap().last().unwrap().0.summary, "Warm bath (due 21:00)");

        let store = Store::new(paths);
        let routine_file = effective_routine_file(&store.load_routine_file().unwrap());
        let evening = chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
        let plan = plan_evening(&routine_file, evening, &Berlin, None);
        let log = store.load_reminders().unwrap().value;
        let rows = crate::remind::fates::evening_fates(&routine_file, &plan, &log, &at(21, 10));
        let bath = rows.iter().find(|row| row.key == "warm-bath").unwrap();
        let text = crate::i18n::with_language(crate::i18n::Language::English, || crate::remind::fates::fate_text(bath));
        assert!(text.starts_with("sent at 21:05, 5 min late: until then the reminder service could not use"), "{text}");
        assert!(!text.contains("asleep"), "{text}");
    }
}
