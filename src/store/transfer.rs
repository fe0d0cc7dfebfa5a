//! Files the user takes out and brings in: an export written where they chose, and a
//! journal backup read for import.
//!
//! Why here: the store owns every byte on disk. An export is written like the app's own
//! files (a temporary file, flushed, renamed: a crash never leaves half an export; mode
//! 0600, since it is as private as the journal) but never over one of them. An import
//! file is read with the journal's defences (no FIFO or device, a size cap, duplicate
//! keys and odd versions count as damage, a newer format is refused) and is never
//! written to, not even to migrate it: an older format is migrated in memory. The merge
//! itself is one read-modify-write of the journal under the lock, with the usual backup.

use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::Deserialize;
use serde::de::IgnoredAny;

use super::document::{Document, Parsed, migrate, parse};
use super::error::name;
use super::read::{Contents, read_capped};
use super::{IoAction, Paths, Store, StoreError, Updated};
use crate::model::time::{FIRST_DATE, LAST_DATE, is_sane_date};
use crate::model::{Journal, MergeReport, merge_into};
use crate::tr;

/// Why an export could not be written or an import file cannot be used. Every message
/// is one sentence naming the file; for an import it says that nothing was changed.
#[derive(Debug, thiserror::Error)]
pub enum TransferError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("{}", tr!("transfer-error-own-file", path = name(.path)))]
    OwnFile { path: PathBuf },
    #[error("{}", tr!("transfer-error-newer", path = name(.path), version = .version.as_str(), known = Journal::VERSION))]
    Newer { path: PathBuf, version: String },
    #[error("{}", tr!("transfer-error-damaged", path = name(.path), reason = .reason.as_str()))]
    Damaged { path: PathBuf, reason: String },
    #[error("{}", tr!("transfer-error-not-a-journal", path = name(.path)))]
    NotAJournal { path: PathBuf },
    #[error("{}", tr!("transfer-error-date", path = name(.path), date = .date.to_string(), first = FIRST_DATE.to_string(), last = LAST_DATE.to_string()))]
    DateOutOfRange { path: PathBuf, date: NaiveDate },
    /// Already a sentence in the user's language.
    #[error("{0}")]
    Encode(String),
}

/// The folder `path`'s file is in, as its device and inode, and the file's final name,
/// links followed (a file that does not exist yet: its folder's links followed).
fn located(path: &Path) -> Option<((u64, u64), String)> {
    let real = std::fs::canonicalize(path).ok().or_else(|| {
        let parent = match path.parent() {
            Some(dir) if !dir.as_os_str().is_empty() => dir,
            _ => Path::new("."),
        };
        Some(std::fs::canonicalize(parent).ok()?.join(path.file_name()?))
    })?;
    let folder = std::fs::metadata(real.parent()?).ok()?;
    Some(((folder.dev(), folder.ino()), real.file_name()?.to_string_lossy().into_owned()))
}

impl Store {
    /// The app's own files (their backups, rotated logs and copies kept aside go by
    /// their names).
    fn own_files(&self) -> Vec<PathBuf> {
        let paths = &self.paths;
        let mut own = vec![
            paths.routine_file(),
            paths.journal_file(),
            paths.reminders_file(),
            paths.lock_file(),
            paths.reminder_owner_file(),
            paths.data_dir.join("window.ron"),
            paths.data_dir.join("icon.png"),
            paths.log_file(),
        ];
        own.extend(Paths::autostart_entry());
        own
    }

    /// Whether `path` is (or would replace) one of the app's own files, their backups
    /// and copies kept aside included, by name or through a link. Folders and files are
    /// compared by device and inode, not by path: a bind mount or another link to the
    /// data folder is another path to the same files.
    fn is_own_file(&self, path: &Path) -> bool {
        let Some((target_dir, target_name)) = located(path) else { return false };
        let target_inode = std::fs::metadata(path).ok().map(|m| (m.dev(), m.ino()));
        self.own_files().iter().any(|own| {
            let Some((own_dir, own_name)) = located(own) else { return false };
            let by_name = own_dir == target_dir && target_name.trim_start_matches('.').starts_with(&own_name);
            let by_inode =
                target_inode.is_some() && std::fs::metadata(own).ok().map(|m| (m.dev(), m.ino())) == target_inode;
            by_name || by_inode
        })
    }

    /// Writes a file the user asked for (an export, the doctor summary) to `path`
    /// atomically, as a private (0600) file, replacing an earlier one there; refuses the
    /// app's own files (the journal, its backups, a file kept aside) and anything not a
    /// regular file.
    pub fn write_user_file(&self, path: &Path, bytes: &[u8]) -> Result<(), TransferError> {
        if self.is_own_file(path) {
            return Err(TransferError::OwnFile { path: path.to_owned() });
        }
        if let Ok(meta) = std::fs::symlink_metadata(path) {
            let kind = meta.file_type();
            if !kind.is_file() && !kind.is_symlink() {
                let kind = if kind.is_dir() { "folder" } else { "other" };
                return Err(StoreError::NotRegular { path: path.to_owned(), kind }.into());
            }
        }
        Ok(super::report::save_user_file(path, bytes)?)
    }

    /// Reads a journal backup (an export in JSON) for import, checking it as the journal
    /// itself is checked; it is never written to.
    pub fn read_import(&self, path: &Path) -> Result<Journal, TransferError> {
        let bytes = match read_capped(path, Journal::MAX_BYTES)? {
            Contents::Missing => {
                let missing = std::io::Error::from(std::io::ErrorKind::NotFound);
                return Err(StoreError::io(IoAction::Read, path, missing).into());
            }
            Contents::TooLarge(size) => {
                let (path, max) = (path.to_owned(), Journal::MAX_BYTES);
                return Err(StoreError::TooLarge { what: Journal::WHAT, path, size, max }.into());
            }
            Contents::Bytes(bytes) => bytes,
        };
        let damaged = |reason: String| TransferError::Damaged { path: path.to_owned(), reason };
        let journal = match parse::<Journal>(&bytes) {
            Parsed::Ok(journal) => journal,
            Parsed::Newer(version, _) => return Err(TransferError::Newer { path: path.to_owned(), version }),
            Parsed::Older(version, raw) => migrate::<Journal>(raw, version).map_err(damaged)?,
            Parsed::Damaged(reason) => return Err(damaged(reason)),
        };
        // Another document of ours (the routine has a version too) would read as a
        // journal with no evenings and its contents as unknown fields.
        #[derive(Deserialize)]
        struct HasEvenings {
            #[serde(rename = "evenings")]
            _evenings: IgnoredAny,
        }
        if serde_json::from_slice::<HasEvenings>(&bytes).is_err() {
            return Err(TransferError::NotAJournal { path: path.to_owned() });
        }
        if let Some(date) = journal.evenings.keys().find(|date| !is_sane_date(**date)) {
            return Err(TransferError::DateOutOfRange { path: path.to_owned(), date: *date });
        }
        Ok(journal)
    }

    /// Merges `incoming` into the journal: one read-modify-write under the lock, saved
    /// atomically with the previous journal kept as its backup; nothing is written when
    /// the merge changes nothing.
    pub fn import_journal(&self, incoming: &Journal) -> Result<Updated<MergeReport>, TransferError> {
        self.update_journal(|journal| Ok::<_, TransferError>(merge_into(journal, incoming)))
    }
}
