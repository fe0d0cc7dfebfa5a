//! Every byte on disk: paths, the lock, atomic saves, migrations and recovery.
//!
//! Two processes share these files (the window and the background reminder service), so
//! every change is a read-modify-write under an exclusive lock file: load the newest
//! state, apply the change, save atomically, unlock. Nothing here keeps a cached copy
//! that could overwrite another process's work. Viewing takes no lock: a file is only
//! ever replaced by a rename, so reading it always sees one whole save. Only a load that
//! must repair something (recover, migrate, restore a backup) takes the lock, and then
//! reads again under it before writing.

mod atomic;
mod computers;
mod conflicts;
mod device;
mod document;
mod error;
mod folder_watch;
mod known;
mod lock;
mod log_file;
mod months;
mod owner;
mod paths;
mod read;
mod recovery;
mod routines;
mod scan;
mod transfer;
mod user_file;
mod zone;

use std::ops::RangeInclusive;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, SystemTime};

pub use atomic::{create_private_dir, remove_file_if_exists, replace_file, sibling, write_atomic};
pub use computers::{COMPUTERS_FOLDER, ComputersSeen};
pub use conflicts::conflict_original;
pub use device::DeviceId;
pub use document::{Document, Loaded, to_bytes};
pub(crate) use error::megabytes;
pub use error::{FileNotice, IoAction, StoreError};
pub use folder_watch::{FolderWatch, Waited, WatchLost};
pub use lock::WaitCallback;
pub use log_file::RotatingLog;
pub use months::{
    MONTHS_FOLDER, MONTHS_VERSION, POINTER_VERSION, Writer, month_of, parse_month_file, parse_month_file_name,
};
pub use owner::{OwnerLock, owner_pid};
pub use paths::{AUTOSTART_ENTRY, Paths, STATE_DIR_VARIABLE, folder_digest};
pub use recovery::{migration_backup, save as save_document};
pub use routines::{ROUTINE_VERSION, StampedRoutine};
pub use transfer::{Backup, IMPORT_MAX_BYTES, TransferError, backup_to_bytes};
pub use user_file::{default_summary_dir, summary_file_name};
pub use zone::check_tz;

use chrono::{DateTime, FixedOffset, NaiveDate};

use crate::model::{Journal, ReminderLog, RoutineFile};
use lock::LockGuard;
use read::{Inspected, Read};

/// What a read-modify-write returned, and whether it wrote the file (a change that
/// changes nothing writes nothing).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Updated<R> {
    pub value: R,
    pub saved: bool,
}

/// Everything on disk at one moment.
#[derive(Debug, Clone, Default)]
pub struct Snapshot {
    pub routine_file: Loaded<RoutineFile>,
    pub journal: Loaded<Journal>,
}

impl Snapshot {
    /// No routine was ever saved: the window offers the first-run setup.
    pub fn is_first_run(&self) -> bool {
        self.routine_file.is_first_run()
    }
}

impl Loaded<RoutineFile> {
    /// No routine was ever saved, by any computer sharing the folder (no routine file at
    /// all): what is shown is the embedded default, the window offers the first-run setup,
    /// reminders wait, and the first change to the routine saves it even when it keeps the
    /// defaults.
    pub fn is_first_run(&self) -> bool {
        !self.existed
    }
}

/// Cheap identity of the files' current contents, to notice other processes' saves.
pub type Fingerprint = Vec<Option<(SystemTime, u64)>>;

/// The files of one user (or one `--data-dir`).
pub struct Store {
    paths: Paths,
    notices: Mutex<Vec<FileNotice>>,
    wait_callback: Option<WaitCallback>,
    lock_timeout: Duration,
    /// What this process last read or wrote, served again while the file is unchanged.
    known: known::Known,
    /// This computer's id, once read (see [`device`]).
    device: std::sync::OnceLock<DeviceId>,
    /// The time of the change being made ([`Store::dated`]): what dates its removals.
    change_time: Mutex<Option<DateTime<FixedOffset>>>,
    /// Files whose trouble was said already (another computer's damaged file is read at
    /// every view, and said once).
    told: Mutex<std::collections::HashSet<PathBuf>>,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("paths", &self.paths).field("lock_timeout", &self.lock_timeout).finish()
    }
}

impl Store {
    pub fn new(paths: Paths) -> Self {
        Self {
            paths,
            notices: Mutex::new(Vec::new()),
            wait_callback: None,
            lock_timeout: Duration::from_secs(10),
            known: known::Known::default(),
            device: std::sync::OnceLock::new(),
            change_time: Mutex::new(None),
            told: Mutex::new(std::collections::HashSet::new()),
        }
    }

    /// This computer's device id, made on first use (see [`device`]): the name of the
    /// files it writes in a shared data folder.
    pub fn device_id(&self) -> Result<DeviceId, StoreError> {
        if let Some(id) = self.device.get() {
            return Ok(id.clone());
        }
        let id = device::load_or_create(&self.paths.device_file)?;
        Ok(self.device.get_or_init(|| id).clone())
    }

    /// This computer's device id if it has one already, without making it: for reading,
    /// which must write nothing (not even the state folder, which may be the data folder
    /// a user has just removed). Without one, no file can be this computer's.
    pub(crate) fn existing_device_id(&self) -> Option<DeviceId> {
        if let Some(id) = self.device.get() {
            return Some(id.clone());
        }
        let id = device::find(&self.paths.device_file)?;
        Some(self.device.get_or_init(|| id).clone())
    }

    /// Runs `change` with `now` as the time of the change it makes: the time its removals
    /// (an undo, a night log forgotten) are dated with, so that they reach other computers
    /// in order. Without one, a removal is dated just after what it removes.
    pub fn dated<R>(&self, now: Option<DateTime<FixedOffset>>, change: impl FnOnce() -> R) -> R {
        let set = |value| {
            if let Ok(mut time) = self.change_time.lock() {
                *time = value;
            }
        };
        set(now);
        let result = change();
        set(None);
        result
    }

    fn change_time(&self) -> Option<DateTime<FixedOffset>> {
        self.change_time.lock().ok().and_then(|time| *time)
    }

    /// Pushes the notice `make` gives unless one was pushed for `path` already.
    fn tell_once(&self, path: &Path, make: impl FnOnce() -> FileNotice) {
        let first = self.told.lock().is_ok_and(|mut told| told.insert(path.to_owned()));
        if first {
            self.push_notices(vec![make()]);
        }
    }

    pub fn paths(&self) -> &Paths {
        &self.paths
    }

    /// Where to say "Waiting for another Bedtime Coach process…" when a change has waited
    /// a second for the lock. Without one the store waits silently.
    pub fn set_wait_callback(&mut self, callback: WaitCallback) {
        self.wait_callback = Some(callback);
    }

    /// How long a change waits for the lock before giving up with [`StoreError::Busy`].
    pub fn set_lock_timeout(&mut self, timeout: Duration) {
        self.lock_timeout = timeout;
    }

    /// Notices gathered since the last call, each to be shown once.
    pub fn take_notices(&self) -> Vec<FileNotice> {
        self.notices.lock().map(|mut n| std::mem::take(&mut *n)).unwrap_or_default()
    }

    fn push_notices(&self, notices: Vec<FileNotice>) {
        if let Ok(mut shared) = self.notices.lock() {
            shared.extend(notices);
        }
    }

    /// A folder that is a file would otherwise give puzzling "not a directory" errors.
    fn check_folders(&self) -> Result<(), StoreError> {
        for dir in [&self.paths.config_dir, &self.paths.data_dir] {
            if std::fs::metadata(dir).is_ok_and(|m| !m.is_dir()) {
                return Err(StoreError::NotAFolder { path: dir.clone() });
            }
        }
        Ok(())
    }

    /// The file `path` stands for: a symlinked data file is written through the link (in
    /// the target's folder, with its backup beside it), and a dangling link is refused
    /// rather than replaced by a fresh file.
    fn resolve(&self, path: &Path) -> Result<PathBuf, StoreError> {
        self.check_folders()?;
        let mut current = path.to_owned();
        for _ in 0..40 {
            match std::fs::symlink_metadata(&current) {
                Ok(meta) if meta.file_type().is_symlink() => {
                    let target =
                        std::fs::read_link(&current).map_err(|e| StoreError::io(IoAction::ReadLink, &current, e))?;
                    current = current.parent().unwrap_or(Path::new("/")).join(target);
                }
                _ => break,
            }
        }
        if current != path && std::fs::symlink_metadata(&current).is_err() {
            return Err(StoreError::DanglingLink { path: path.to_owned(), target: current });
        }
        Ok(current)
    }

    /// Takes the exclusive lock for a change (see [`lock::acquire`]).
    fn lock(&self) -> Result<LockGuard, StoreError> {
        self.check_folders()?;
        lock::acquire(&self.paths, self.lock_timeout, self.wait_callback.as_ref())
    }

    /// Reads a document for viewing; takes the lock only when it must repair something.
    fn view<T: Document>(&self, path: &Path) -> Result<Loaded<T>, StoreError> {
        let path = self.resolve(path)?;
        if let Some(known) = self.known.get::<T>(&path) {
            return Ok(known);
        }
        let mut notices = Vec::new();
        let inspected = read::inspect::<T>(&path, &mut notices);
        self.push_notices(notices);
        match inspected? {
            Inspected::Ready(read) => {
                if T::KEEP_IN_MEMORY {
                    self.known.put(&path, read.loaded.clone(), true);
                }
                Ok(read.loaded)
            }
            Inspected::NeedsRepair(_) => {
                let _guard = self.lock()?;
                Ok(self.read_locked::<T>(&path)?.loaded)
            }
        }
    }

    /// Reads a resolved document under the lock, repairing it if need be.
    fn read_locked<T: Document>(&self, path: &Path) -> Result<Read<T>, StoreError> {
        let mut notices = Vec::new();
        let read = match read::inspect::<T>(path, &mut notices) {
            Ok(Inspected::Ready(read)) => Ok(read),
            Ok(Inspected::NeedsRepair(repair)) => recovery::repair::<T>(path, repair, &mut notices),
            Err(error) => Err(error),
        };
        self.push_notices(notices);
        read
    }

    /// Reads the routine and the journal.
    pub fn load(&self) -> Result<Snapshot, StoreError> {
        Ok(Snapshot { routine_file: self.load_routine_file()?, journal: self.load_journal()? })
    }

    pub fn load_journal(&self) -> Result<Loaded<Journal>, StoreError> {
        self.read_months(&months::Months::All, false, &mut |_, _| {})
    }

    /// The whole journal, saying after each month file (months read, months in all):
    /// for a progress bar over ten years of history.
    pub fn load_journal_with_progress(
        &self,
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<Loaded<Journal>, StoreError> {
        self.read_months(&months::Months::All, false, progress)
    }

    /// Routine and the evenings of the journal in `range` (only their months' files are
    /// read), as the reminder service and Tonight need.
    pub fn load_near(&self, range: RangeInclusive<NaiveDate>) -> Result<Snapshot, StoreError> {
        Ok(Snapshot {
            routine_file: self.load_routine_file()?,
            journal: self.read_months(&months::Months::Of(range), false, &mut |_, _| {})?,
        })
    }

    /// A read-modify-write that saves at most `max` bytes (a larger result is
    /// [`StoreError::TooLarge`], and nothing is written).
    fn update<T: Document, R, E: From<StoreError>>(
        &self,
        path: &Path,
        max: u64,
        change: impl FnOnce(&mut T) -> Result<R, E>,
    ) -> Result<Updated<R>, E> {
        let path = self.resolve(path)?;
        let _guard = self.lock()?;
        let Read { loaded, bytes: before } = self.read_locked::<T>(&path)?;
        if let Some(reason) = loaded.read_only {
            return Err(StoreError::ReadOnly(reason).into());
        }
        let mut value = loaded.value;
        let result = change(&mut value)?;
        let bytes = document::bytes_to_save_within(&path, &value, max)?;
        if before.as_deref() == Some(bytes.as_slice()) {
            // Nothing changed: no write, and no backup rotated away for nothing.
            return Ok(Updated { value: result, saved: false });
        }
        let mut notices = Vec::new();
        self.known.forget(&path);
        let saved = recovery::save_bytes::<T>(&path, &bytes, &mut notices);
        self.push_notices(notices);
        saved?;
        // The next read of this file (the window's reload after a click) is this value.
        self.known.put(&path, Loaded { value, existed: true, read_only: None }, T::KEEP_IN_MEMORY);
        Ok(Updated { value: result, saved: true })
    }

    /// Read-modify-write of the whole journal under the lock. `change` sees the newest
    /// state; only the months it changed are written.
    pub fn update_journal<R, E: From<StoreError>>(
        &self,
        change: impl FnOnce(&mut Journal) -> Result<R, E>,
    ) -> Result<Updated<R>, E> {
        self.update_months(months::Months::All, None, change)
    }

    /// Read-modify-write of the evenings in `range` (only their months are read and
    /// written): what a check-in or a night log costs, however long the history.
    pub fn update_evenings<R, E: From<StoreError>>(
        &self,
        range: RangeInclusive<NaiveDate>,
        change: impl FnOnce(&mut Journal) -> Result<R, E>,
    ) -> Result<Updated<R>, E> {
        self.update_months(months::Months::Of(range), None, change)
    }

    /// [`Store::update_journal`] leaving the journal at most `max` bytes (imports).
    pub(crate) fn update_journal_within<R, E: From<StoreError>>(
        &self,
        max: u64,
        change: impl FnOnce(&mut Journal) -> Result<R, E>,
    ) -> Result<Updated<R>, E> {
        self.update_months(months::Months::All, Some(max), change)
    }

    pub fn load_reminders(&self) -> Result<Loaded<ReminderLog>, StoreError> {
        self.adopt_older_reminder_log();
        self.view(&self.paths.reminders_file())
    }

    /// Versions before the state folder kept the reminder log in the data folder: taken
    /// over once, so that an update in the evening neither shows tonight's reminders again
    /// nor forgets a snooze or "pause tonight".
    fn adopt_older_reminder_log(&self) {
        self.take_over_older("reminders.json", &self.paths.reminders_file(), ReminderLog::MAX_BYTES);
    }

    /// Copies `name`, kept in the data folder by versions before the state folder, to
    /// `here` in the state folder, once: never while `here` exists (this computer's own
    /// file is never replaced by the old one), under the lock (two processes starting at
    /// once copy it once), at most `max` bytes, never waiting on a FIFO. The old file is
    /// left for those versions.
    fn take_over_older(&self, name: &str, here: &Path, max: u64) {
        let older = self.paths.data_dir.join(name);
        if older == here || std::fs::symlink_metadata(here).is_ok() {
            return;
        }
        let Ok(read::Contents::Bytes(bytes)) = read::read_capped(&older, max) else { return };
        let Ok(_guard) = self.lock() else { return };
        if std::fs::symlink_metadata(here).is_err() {
            let _ = atomic::replace_file(here, &bytes);
        }
    }

    /// Where the window keeps its size and place ([`Paths::window_file`]), taken over once
    /// from the data folder where versions before the state folder kept it, so an update
    /// does not forget the window's size.
    pub fn window_file(&self) -> PathBuf {
        /// eframe's file is a few hundred bytes; anything far larger is not its.
        const MAX_BYTES: u64 = 64 * 1024;
        let here = self.paths.window_file();
        self.take_over_older("window.ron", &here, MAX_BYTES);
        here
    }

    /// Read-modify-write of the reminder log (snooze, pause) under the lock.
    pub fn update_reminders<R, E: From<StoreError>>(
        &self,
        change: impl FnOnce(&mut ReminderLog) -> Result<R, E>,
    ) -> Result<Updated<R>, E> {
        self.adopt_older_reminder_log();
        self.update(&self.paths.reminders_file(), ReminderLog::MAX_BYTES, change)
    }

    /// Reads routine, journal and reminder log under one lock, lets `decide` change the
    /// log, and saves it before unlocking when `decide` says it changed.
    ///
    /// This is how the reminder service settles a reminder: the decision is made on the
    /// newest check-ins and written down before any notification is shown, so neither a
    /// restart nor a check-in made in the same second can make it repeat or misfire.
    /// Only the journal's evenings in `evenings` are read.
    pub fn reminder_transaction<R, E: From<StoreError>>(
        &self,
        evenings: RangeInclusive<NaiveDate>,
        decide: impl FnOnce(&Snapshot, &mut ReminderLog) -> Result<(R, bool), E>,
    ) -> Result<R, E> {
        self.adopt_older_reminder_log();
        let path = self.resolve(&self.paths.reminders_file())?;
        let _guard = self.lock()?;
        let snapshot = Snapshot {
            routine_file: self.load_routine_file_locked()?,
            journal: self.read_months(&months::Months::Of(evenings), true, &mut |_, _| {})?,
        };
        let mut log = self.read_locked::<ReminderLog>(&path)?.loaded;
        let (result, changed) = decide(&snapshot, &mut log.value)?;
        if changed {
            if let Some(reason) = log.read_only {
                return Err(StoreError::ReadOnly(reason).into());
            }
            let bytes = document::bytes_to_save(&path, &log.value)?;
            let mut notices = Vec::new();
            let saved = recovery::save_bytes::<ReminderLog>(&path, &bytes, &mut notices);
            self.push_notices(notices);
            saved?;
        }
        Ok(result)
    }

    /// Writes `bytes` to `name` in the state folder unless it already holds them (the app
    /// icon that notifications and the autostart entry point to: this computer's, so that
    /// two versions of the app sharing a data folder never make conflict copies of it);
    /// returns the file's path.
    pub fn ensure_file(&self, name: &str, bytes: &[u8]) -> Result<PathBuf, StoreError> {
        let path = self.paths.state_dir.join(name);
        if std::fs::read(&path).is_ok_and(|old| old == bytes) {
            return Ok(path);
        }
        let _guard = self.lock()?;
        atomic::replace_file(&path, bytes).map_err(|e| StoreError::io(IoAction::Save, &path, e))?;
        Ok(path)
    }

    /// Like [`Store::fingerprint`], also covering the reminder log and the owner lock.
    pub fn reminder_fingerprint(&self) -> Fingerprint {
        let mut fingerprint = self.fingerprint();
        // The owner lock too: removed, it must wake the service, which then stops (see
        // `OwnerLock::is_current`); it changes only when a service starts.
        for path in [self.paths.reminders_file(), self.paths.reminder_owner_file()] {
            let meta = std::fs::metadata(path).ok();
            fingerprint.push(meta.map(|m| (m.modified().unwrap_or(SystemTime::UNIX_EPOCH), m.len())));
        }
        fingerprint
    }

    /// Modification time and size of each file: changes when another process saves (a
    /// month file saved is renamed into the journal's folder, which changes its time; a
    /// computer named or forgotten, into the computers' folder).
    pub fn fingerprint(&self) -> Fingerprint {
        let mut files = self.routine_files();
        files.extend([self.paths.journal_file(), self.months_dir(), self.computers_dir()]);
        files
            .iter()
            .map(|path| std::fs::metadata(path).ok().map(|m| (m.modified().unwrap_or(SystemTime::UNIX_EPOCH), m.len())))
            .collect()
    }
}

/// For tests of the parts above the store: a routine saved in `dir`, bedtime 22:30, wake
/// 06:30 (one fixture for the reminder loop's and the notification buttons' tests).
#[cfg(test)]
pub(crate) fn saved_routine_for_tests(dir: &Path) -> Paths {
    let paths = Paths::in_dir(dir);
    let clock = crate::model::time::clock;
    Store::new(paths.clone())
        .update_routine_file(|routine_file| {
            routine_file.schedule.set(Some(clock(22, 30)), Some(clock(6, 30)), &[]).expect("a valid schedule");
            Ok::<_, StoreError>(())
        })
        .expect("the routine is saved");
    paths
}
