//! Every byte on disk: paths, the lock, atomic saves, migrations and recovery.
//!
//! Two processes share these files (the window and the background reminder service), so
//! every change is a read-modify-write under an exclusive lock file: load the newest
//! state, apply the change, save atomically, unlock. Nothing here keeps a cached copy
//! that could overwrite another process's work.

mod atomic;
mod document;
mod journal_near;
mod owner;
mod paths;

use std::fs::File;
use std::io;
use std::ops::RangeInclusive;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::SystemTime;

pub use atomic::{FILE_MODE, create_private_dir, remove_file_if_exists, replace_file, sibling, write_atomic};
pub use document::{Document, Loaded, migration_backup, save as save_document, to_bytes};
pub use owner::{OwnerLock, owner_pid};
pub use paths::Paths;

use chrono::NaiveDate;

use crate::model::{Config, Journal, ReminderLog};

/// Something went wrong with the files; each message is a sentence for the user.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("Could not {action} {}: {source}.", path.display())]
    Io { action: &'static str, path: PathBuf, source: io::Error },
    #[error("Could not write {}: {source}.", path.display())]
    Encode { path: PathBuf, source: serde_json::Error },
    #[error("Nothing was changed: {0}")]
    ReadOnly(String),
    #[error("Could not find your home folder; pass --data-dir DIR to choose where the files go.")]
    NoHome,
}

impl StoreError {
    pub fn io(action: &'static str, path: &Path, source: io::Error) -> Self {
        Self::Io { action, path: path.to_owned(), source }
    }
}

/// Something the user must be told once: a file moved aside, restored or migrated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub message: String,
    /// The files it is about, for "open folder" buttons.
    pub paths: Vec<PathBuf>,
}

impl Notice {
    pub fn new(message: String, paths: Vec<PathBuf>) -> Self {
        Self { message, paths }
    }
}

/// Everything on disk at one moment.
#[derive(Debug, Clone, Default)]
pub struct Snapshot {
    pub config: Loaded<Config>,
    pub journal: Loaded<Journal>,
}

impl Snapshot {
    /// No routine was ever saved: the window offers the first-run setup.
    pub fn is_first_run(&self) -> bool {
        !self.config.existed
    }
}

/// Cheap identity of the files' current contents, to notice other processes' saves.
pub type Fingerprint = Vec<Option<(SystemTime, u64)>>;

/// The files of one user (or one `--data-dir`).
#[derive(Debug)]
pub struct Store {
    paths: Paths,
    notices: Mutex<Vec<Notice>>,
}

/// Held while reading or changing the files; dropping it unlocks.
struct LockGuard(#[allow(dead_code)] File);

impl Store {
    pub fn new(paths: Paths) -> Self {
        Self { paths, notices: Mutex::new(Vec::new()) }
    }

    pub fn paths(&self) -> &Paths {
        &self.paths
    }

    /// Notices gathered since the last call, each to be shown once.
    pub fn take_notices(&self) -> Vec<Notice> {
        self.notices.lock().map(|mut n| std::mem::take(&mut *n)).unwrap_or_default()
    }

    fn lock(&self) -> Result<LockGuard, StoreError> {
        let dir = &self.paths.data_dir;
        create_private_dir(dir).map_err(|e| StoreError::io("create the folder", dir, e))?;
        create_private_dir(&self.paths.config_dir)
            .map_err(|e| StoreError::io("create the folder", &self.paths.config_dir, e))?;
        let path = self.paths.lock_file();
        let file = atomic::open_private(&path).map_err(|e| StoreError::io("open the lock file", &path, e))?;
        file.lock().map_err(|e| StoreError::io("lock", &path, e))?;
        Ok(LockGuard(file))
    }

    fn load_document<T: Document>(&self, path: &Path) -> Result<Loaded<T>, StoreError> {
        let stamp = chrono::Local::now().format("%Y%m%dT%H%M%S").to_string();
        let mut notices = Vec::new();
        let loaded = document::load::<T>(path, &mut notices, &stamp);
        if let Ok(mut shared) = self.notices.lock() {
            shared.extend(notices);
        }
        loaded
    }

    /// Reads the routine and the journal.
    pub fn load(&self) -> Result<Snapshot, StoreError> {
        let _guard = self.lock()?;
        Ok(Snapshot {
            config: self.load_document(&self.paths.config_file())?,
            journal: self.load_document(&self.paths.journal_file())?,
        })
    }

    pub fn load_config(&self) -> Result<Loaded<Config>, StoreError> {
        let _guard = self.lock()?;
        self.load_document(&self.paths.config_file())
    }

    pub fn load_journal(&self) -> Result<Loaded<Journal>, StoreError> {
        let _guard = self.lock()?;
        self.load_document(&self.paths.journal_file())
    }

    /// Only the evenings in `range` (for the reminder service, which must stay small).
    /// Call under the lock.
    fn load_journal_near(&self, range: RangeInclusive<NaiveDate>) -> Result<Loaded<Journal>, StoreError> {
        let path = self.paths.journal_file();
        let small_enough = |file: &File| file.metadata().is_ok_and(|m| m.len() <= Journal::MAX_BYTES);
        if let Ok(file) = File::open(&path)
            && small_enough(&file)
            && let Some(value) = journal_near::parse_near(file, range.clone())
        {
            return Ok(Loaded { value, existed: true, read_only: None });
        }
        // Missing, damaged, another version: the full load handles it, then trim.
        let mut loaded = self.load_document::<Journal>(&path)?;
        loaded.value.evenings.retain(|date, _| range.contains(date));
        Ok(loaded)
    }

    /// Routine and the evenings of the journal in `range`, as the reminder service needs.
    pub fn load_near(&self, range: RangeInclusive<NaiveDate>) -> Result<Snapshot, StoreError> {
        let _guard = self.lock()?;
        Ok(Snapshot { config: self.load_document(&self.paths.config_file())?, journal: self.load_journal_near(range)? })
    }

    fn update<T: Document, R, E: From<StoreError>>(
        &self,
        path: &Path,
        change: impl FnOnce(&mut T) -> Result<R, E>,
    ) -> Result<R, E> {
        let _guard = self.lock()?;
        let mut loaded = self.load_document::<T>(path)?;
        if let Some(reason) = loaded.read_only {
            return Err(StoreError::ReadOnly(reason).into());
        }
        let result = change(&mut loaded.value)?;
        document::save(path, &loaded.value)?;
        Ok(result)
    }

    /// Read-modify-write of the journal under the lock. `change` sees the newest state.
    pub fn update_journal<R, E: From<StoreError>>(
        &self,
        change: impl FnOnce(&mut Journal) -> Result<R, E>,
    ) -> Result<R, E> {
        self.update(&self.paths.journal_file(), change)
    }

    /// Read-modify-write of routine, schedule and settings under the lock.
    pub fn update_config<R, E: From<StoreError>>(
        &self,
        change: impl FnOnce(&mut Config) -> Result<R, E>,
    ) -> Result<R, E> {
        self.update(&self.paths.config_file(), change)
    }

    pub fn load_reminders(&self) -> Result<Loaded<ReminderLog>, StoreError> {
        let _guard = self.lock()?;
        self.load_document(&self.paths.reminders_file())
    }

    /// Read-modify-write of the reminder log (snooze, pause) under the lock.
    pub fn update_reminders<R, E: From<StoreError>>(
        &self,
        change: impl FnOnce(&mut ReminderLog) -> Result<R, E>,
    ) -> Result<R, E> {
        self.update(&self.paths.reminders_file(), change)
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
        let _guard = self.lock()?;
        let snapshot = Snapshot {
            config: self.load_document(&self.paths.config_file())?,
            journal: self.load_journal_near(evenings)?,
        };
        let path = self.paths.reminders_file();
        let mut log = self.load_document::<ReminderLog>(&path)?;
        let (result, changed) = decide(&snapshot, &mut log.value)?;
        if changed {
            if let Some(reason) = log.read_only {
                return Err(StoreError::ReadOnly(reason).into());
            }
            document::save(&path, &log.value)?;
        }
        Ok(result)
    }

    /// Writes `bytes` to `name` in the data folder unless it already holds them (the app
    /// icon that notifications point to); returns the file's path.
    pub fn ensure_file(&self, name: &str, bytes: &[u8]) -> Result<PathBuf, StoreError> {
        let path = self.paths.data_dir.join(name);
        if std::fs::read(&path).is_ok_and(|old| old == bytes) {
            return Ok(path);
        }
        let _guard = self.lock()?;
        atomic::replace_file(&path, bytes).map_err(|e| StoreError::io("save", &path, e))?;
        Ok(path)
    }

    /// Like [`Store::fingerprint`], also covering the reminder log.
    pub fn reminder_fingerprint(&self) -> Fingerprint {
        let mut fingerprint = self.fingerprint();
        let log = std::fs::metadata(self.paths.reminders_file()).ok();
        fingerprint.push(log.map(|m| (m.modified().unwrap_or(SystemTime::UNIX_EPOCH), m.len())));
        fingerprint
    }

    /// Modification time and size of each file: changes when another process saves.
    pub fn fingerprint(&self) -> Fingerprint {
        [self.paths.config_file(), self.paths.journal_file()]
            .iter()
            .map(|path| std::fs::metadata(path).ok().map(|m| (m.modified().unwrap_or(SystemTime::UNIX_EPOCH), m.len())))
            .collect()
    }
}
