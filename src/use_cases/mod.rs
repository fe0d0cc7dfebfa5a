//! The use cases: the one door every front end goes through.
//!
//! Why it exists: four front ends (the window, the command line, the tray, a
//! notification's buttons) change the same data, show the same views of it, move it in
//! and out of files and start the same reminder service. Each rule they share is written
//! once, here, and each front end only asks and shows: the window keeps screen state and
//! dispatch, the command line parses and prints.
//!
//! - [`changes`]: the changes a user can make, as values, applied read-modify-write.
//! - [`undo`]: what takes a change back (Ctrl+Z, and "Undo" on a removal).
//! - [`views`]: what the front ends show: an evening's plan, tonight's status and next
//!   reminder, the statistics, what happened to each reminder. (The night findings are one
//!   pure rule, `model::warnings::findings`, that the window, `night` and the summary call.)
//! - [`files`]: export, import and the doctor summary, into and out of the user's files.
//! - [`service`]: starting the reminder service and the window, autostart at login.
//! - [`computers`]: the computers that share the data folder (Settings lists them).
//! - [`input`]: values the user typed ("55 %", "55,5"), read once for every front end.
//!
//! Below: `store` (every byte on disk), `remind` (timing, notifications), `summary` and
//! `transfer` (pure renderers and merges), `i18n`, `model`. Nothing here draws or parses
//! a command line, and the front ends name no type of the store, the transfer or the
//! summary renderer: what they need is re-exported here.

mod applied;
pub mod changes;
pub mod computers;
pub mod files;
pub mod input;
pub mod service;
pub mod undo;
pub mod views;

use chrono::{DateTime, FixedOffset};
use std::path::{Path, PathBuf};
use std::time::Duration;

pub use applied::{Applied, CommandError};
pub use changes::{Change, new_step};
pub use computers::Computer;
pub use files::{Export, ExportFormat, ImportPreview, MergeCounts, SummaryFormat, SummaryRequest};
pub use service::AutostartAction;
pub use views::{EveningView, ReminderFates, StatisticsView, StatusView};

pub use crate::platform::autostart::AutostartStatus;
/// The app's icon, for the window's title bar as for notifications.
pub use crate::remind::ICON_PNG;
pub use crate::remind::RemindError;
pub use crate::remind::engine::Reminder;
pub use crate::store::{
    FileNotice, Fingerprint, FolderWatch, Loaded, Paths, Snapshot, StoreError, TransferError, Updated, WaitCallback,
};

use crate::model::{ReminderLog, RoutineFile, Settings};
use crate::store::{Store, owner_pid};

/// The front ends' handle on one data folder: every change, view and file operation goes
/// through it. Cheap to make; a thread of its own makes its own ([`Coach::on_same_files`]).
pub struct Coach {
    store: Store,
    /// Dates the changes [`Coach::apply`] makes (the routine's first save, a new step).
    clock: Option<ChangeClock>,
}

/// The time a change is made, from the front end's clock.
pub type ChangeClock = std::sync::Arc<dyn Fn() -> DateTime<FixedOffset> + Send + Sync>;

impl Coach {
    /// The data folder given (`--data-dir`), or the usual folders.
    pub fn open(data_dir: Option<&Path>) -> Result<Self, StoreError> {
        Self::open_with_state(data_dir, None)
    }

    /// [`Coach::open`] with this computer's state folder given (`--state-dir`), if it is.
    pub fn open_with_state(data_dir: Option<&Path>, state_dir: Option<&Path>) -> Result<Self, StoreError> {
        let coach = Self::at(Paths::resolve_with_state(data_dir, state_dir)?);
        // A start is where an export killed at the wrong instant is cleaned up after.
        coach.store.clean_left_user_file();
        Ok(coach)
    }

    pub fn at(paths: Paths) -> Self {
        Self { store: Store::new(paths), clock: None }
    }

    /// Another handle on the same files, for a thread of its own.
    pub fn on_same_files(&self) -> Self {
        Self::at(self.paths().clone())
    }

    pub fn paths(&self) -> &Paths {
        self.store.paths()
    }

    /// Where the window keeps its size and place (one kept by an older version taken over).
    pub fn window_file(&self) -> PathBuf {
        self.store.window_file()
    }

    /// Said once when a change has waited a second for another process.
    pub fn set_wait_callback(&mut self, callback: WaitCallback) {
        self.store.set_wait_callback(callback);
    }

    /// How long a change waits for another process's lock (the window: not at all).
    pub fn set_lock_timeout(&mut self, timeout: Duration) {
        self.store.set_lock_timeout(timeout);
    }

    /// What happened to the files since the last call: moved aside, restored, migrated.
    pub fn take_notices(&self) -> Vec<FileNotice> {
        self.store.take_notices()
    }

    /// The saved settings, if the routine file can be read at all (the language to speak
    /// before anything else is loaded).
    pub fn peek_settings(&self) -> Option<Settings> {
        self.store.peek_settings()
    }

    /// Routine, schedule, settings and journal as they are on disk.
    pub fn load(&self) -> Result<Snapshot, StoreError> {
        self.store.load()
    }

    /// Routine, schedule, settings and the whole journal, saying after each month of the
    /// journal read (months read, months in all): for History's progress bar.
    pub fn load_with_progress(&self, progress: &mut dyn FnMut(usize, usize)) -> Result<Snapshot, StoreError> {
        Ok(Snapshot {
            routine_file: self.store.load_routine_file()?,
            journal: self.store.load_journal_with_progress(progress)?,
        })
    }

    /// Routine, schedule and settings alone (the journal is not read).
    pub fn load_routine_file(&self) -> Result<Loaded<RoutineFile>, StoreError> {
        self.store.load_routine_file()
    }

    pub fn reminder_log(&self) -> Result<Loaded<ReminderLog>, StoreError> {
        self.store.load_reminders()
    }

    /// Applies a change to what is on disk now (see [`Change::apply`]), dated by the
    /// clock given to [`Coach::set_clock`] if there is one.
    pub fn apply(&self, change: Change) -> Result<Applied, CommandError> {
        match &self.clock {
            Some(clock) => change.apply_at(&self.store, clock()),
            None => change.apply(&self.store),
        }
    }

    /// Applies a change dated `now` (see [`Change::apply_at`]).
    pub fn apply_at(&self, now: DateTime<FixedOffset>, change: Change) -> Result<Applied, CommandError> {
        change.apply_at(&self.store, now)
    }

    /// Where this handle reads the time that dates a change (the window's own clock).
    pub fn set_clock(&mut self, clock: ChangeClock) {
        self.clock = Some(clock);
    }

    /// Takes the repairs the reminder service found (file notices it left in its log) out
    /// of the log, so that one window shows them, once.
    pub fn take_service_file_notices(&self) -> Result<Vec<String>, StoreError> {
        self.store.update_reminders(|log| Ok::<_, StoreError>(std::mem::take(&mut log.file_notices))).map(|u| u.value)
    }

    /// The evenings in `range` of the journal (and all of the routine): what the reminder
    /// service and the tray need, without reading years of history.
    pub fn load_near(&self, range: std::ops::RangeInclusive<chrono::NaiveDate>) -> Result<Snapshot, StoreError> {
        self.store.load_near(range)
    }

    /// The files' identity now: changes when another process saves.
    pub fn files_fingerprint(&self) -> Fingerprint {
        self.store.reminder_fingerprint()
    }

    /// For front ends without a window (the tray): what happened to the files is kept in
    /// the reminder log for the next window to show once; also returned, to log.
    pub fn keep_notices_for_window(&self) -> Result<Vec<String>, StoreError> {
        let messages: Vec<String> = self.take_notices().into_iter().map(|notice| notice.message).collect();
        if !messages.is_empty() {
            let kept = messages.clone();
            self.store.update_reminders(|log| {
                log.file_notices.extend(kept);
                Ok::<_, StoreError>(())
            })?;
        }
        Ok(messages)
    }

    /// What changes when another process saves, or the reminder service starts or stops:
    /// compared by the window to know when to read the files again.
    pub fn fingerprint(&self) -> (Fingerprint, Option<u32>) {
        (self.store.reminder_fingerprint(), owner_pid(self.paths()))
    }

    /// The process that sends the reminders for these files, if one runs.
    pub fn service_pid(&self) -> Option<u32> {
        owner_pid(self.paths())
    }
}
