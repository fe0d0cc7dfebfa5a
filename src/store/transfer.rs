//! Files the user takes out and brings in: an export written where they chose, and a
//! journal backup read for import.
//!
//! Why here: the store owns every byte on disk. An export is written like the app's own
//! files (a temporary file, flushed, renamed: a crash never leaves half an export; mode
//! 0600, since it is as private as the journal) but never over one of them. An import
//! file is read with the journal's defences (no FIFO or device, a size cap, duplicate
//! keys and odd versions count as damage, a newer format is refused) and is never
//! written to, not even to migrate it: an older format is migrated in memory. The merge
//! itself is one read-modify-write of the journal under the lock, with the usual backup,
//! refused when it would leave the journal without room to grow ([`IMPORT_MAX_BYTES`]).

use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde::de::IgnoredAny;

use super::document::{Document, Parsed, migrate, parse, to_bytes, to_value};
use super::error::{megabytes, name};
use super::read::{Contents, read_capped};
use super::{IoAction, Paths, Store, StoreError, Updated};
use crate::model::validate::{self, Invalid};
use crate::model::{Journal, MergeCounts, RoutineFile, merge_into};
use crate::platform::files::{FileId, id_and_metadata, path_from_bytes};
use crate::tr;

/// The most an import may leave the journal at: three quarters of what it may hold, so
/// the last quarter (16 MB, decades of evenings at a usual 1 KB each) stays free for
/// the check-ins still to come. An import beyond it is refused rather than leaving a
/// journal that refuses every check-in after it.
pub const IMPORT_MAX_BYTES: u64 = Journal::MAX_BYTES / 4 * 3;

#[cfg(test)]
thread_local! {
    /// A smaller [`IMPORT_MAX_BYTES`] for tests: filling 48 MB takes too long in one.
    static IMPORT_LIMIT: std::cell::Cell<Option<u64>> = const { std::cell::Cell::new(None) };
}

/// [`IMPORT_MAX_BYTES`], or the tests' smaller limit.
fn import_limit() -> u64 {
    #[cfg(test)]
    if let Some(limit) = IMPORT_LIMIT.get() {
        return limit;
    }
    IMPORT_MAX_BYTES
}

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
    /// The routine inside a backup would not fit in routine.json.
    #[error("{}", tr!("transfer-error-routine-too-large", path = name(.path), size = megabytes(*.size), max = megabytes(RoutineFile::MAX_BYTES)))]
    RoutineTooLarge { path: PathBuf, size: u64 },
    /// The routine inside a backup is of a newer format than this version reads.
    #[error("{}", tr!("transfer-error-newer-routine", path = name(.path), version = .version.as_str(), known = RoutineFile::VERSION))]
    NewerRoutine { path: PathBuf, version: String },
    #[error("{}", tr!("transfer-error-damaged", path = name(.path), reason = .reason.as_str()))]
    Damaged { path: PathBuf, reason: String },
    #[error("{}", tr!("transfer-error-not-a-journal", path = name(.path)))]
    NotAJournal { path: PathBuf },
    #[error("{}", tr!("transfer-error-too-large", path = name(.path), size = megabytes(*.size), max = megabytes(Journal::MAX_BYTES)))]
    TooLarge { path: PathBuf, size: u64 },
    /// Something in the file may not enter the journal (see [`crate::model::validate`]).
    #[error("{}", tr!("transfer-error-invalid", path = name(.path), reason = .invalid.to_string()))]
    Invalid { path: PathBuf, invalid: Invalid },
    #[error("{}", tr!("transfer-error-no-room", path = name(.path), size = megabytes(*.size), max = megabytes(*.max)))]
    NoRoom { path: PathBuf, size: u64, max: u64 },
    /// `kind` as in [`StoreError::NotRegular`].
    #[error("{}", tr!("transfer-error-not-a-file", path = name(.path), kind = *.kind))]
    NotAFile { path: PathBuf, kind: &'static str },
    /// Already a sentence in the user's language.
    #[error("{0}")]
    Encode(String),
}

/// The folder `path`'s file is in, as its identity (device and inode), and the file's
/// final name, links followed (a file that does not exist yet: its folder's links
/// followed).
fn located(path: &Path) -> Option<(FileId, String)> {
    let real = std::fs::canonicalize(path).ok().or_else(|| {
        let parent = match path.parent() {
            Some(dir) if !dir.as_os_str().is_empty() => dir,
            _ => Path::new("."),
        };
        Some(std::fs::canonicalize(parent).ok()?.join(path.file_name()?))
    })?;
    let (folder, _) = id_and_metadata(real.parent()?).ok()?;
    Some((folder, real.file_name()?.to_string_lossy().into_owned()))
}

/// The mark, in the state folder, of a file handed to the user while it is being named.
pub const PENDING_USER_FILE: &str = "user-file.pending";

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
            paths.window_file(),
            paths.state_dir.join("icon.png"),
            paths.pending_user_file(),
            paths.log_file(),
        ];
        own.extend(Paths::autostart_entry());
        // Every computer's routine file, and this one's before it first saves.
        own.extend(self.routine_files());
        own.extend(self.existing_device_id().map(|device| self.own_routine_file(&device)));
        own
    }

    /// Whether `path` is (or would replace) one of the app's own files, their backups
    /// and copies kept aside included, by name or through a link. Folders and files are
    /// compared by device and inode, not by path: a bind mount or another link to the
    /// data folder is another path to the same files.
    fn is_own_file(&self, path: &Path) -> bool {
        let Some((target_dir, target_name)) = located(path) else { return false };
        let target_inode = id_and_metadata(path).ok().map(|(id, _)| id);
        // Every file in the journal's folder of months is the journal's.
        let months = self.months_dir();
        if id_and_metadata(&months).is_ok_and(|(id, _)| id == target_dir)
            || target_inode.is_some_and(|id| id_and_metadata(&months).is_ok_and(|(months, _)| months == id))
        {
            return true;
        }
        self.own_files().iter().any(|own| {
            let Some((own_dir, own_name)) = located(own) else { return false };
            let by_name = own_dir == target_dir && target_name.trim_start_matches('.').starts_with(&own_name);
            let by_inode = target_inode.is_some() && id_and_metadata(own).ok().map(|(id, _)| id) == target_inode;
            by_name || by_inode
        })
    }

    /// Writes a file the user asked for (an export, the doctor summary) to `path`
    /// atomically, as a private (0600) file, replacing an earlier one there; refuses the
    /// app's own files (the journal, its backups, a file kept aside) and anything not a
    /// regular file, also through a link.
    pub fn write_user_file(&self, path: &Path, bytes: &[u8]) -> Result<(), TransferError> {
        if self.is_own_file(path) {
            return Err(TransferError::OwnFile { path: path.to_owned() });
        }
        // What the name leads to, links followed: `/dev/stdout` is a link to a terminal or
        // a pipe, and the link must not be replaced by a file.
        if let Some(kind) = std::fs::metadata(path).ok().and_then(|meta| super::atomic::kind_of(meta.file_type())) {
            return Err(TransferError::NotAFile { path: path.to_owned(), kind });
        }
        // Named for the instant of one rename when it replaces a file (see
        // `atomic::replace_user_file`): a process killed right then leaves that name, which
        // the next start removes (see `clean_left_user_file`).
        let pending = self.paths.pending_user_file();
        // The state folder may not be made yet (an export before any change).
        let _ = super::atomic::create_private_dir(&self.paths.state_dir);
        let temporary = super::atomic::hidden_sibling(path, ".tmp");
        let marked = std::fs::write(&pending, temporary.as_os_str().as_encoded_bytes()).is_ok();
        let saved = super::user_file::save_user_file(path, bytes);
        if marked {
            let _ = std::fs::remove_file(&pending);
        }
        // Written and in place; only the folder flush failed: said, not an error.
        if let Err(StoreError::Io { cause, .. }) = &saved
            && let Some(flush) = super::atomic::not_flushed(cause)
        {
            self.push_notices(vec![super::recovery::not_flushed_notice(path, flush)]);
            return Ok(());
        }
        Ok(saved?)
    }

    /// Removes the hidden temporary file an export killed at the wrong instant left in
    /// the user's folder (named in `PENDING_USER_FILE`), and the mark itself. Only a
    /// hidden `.NAME.tmp` regular file is removed, whatever the mark says.
    pub fn clean_left_user_file(&self) {
        let pending = self.paths.pending_user_file();
        let Ok(named) = std::fs::read(&pending) else { return };
        let Some(left) = path_from_bytes(named) else { return };
        let hidden_tmp = left.file_name().is_some_and(|name| {
            let name = name.as_encoded_bytes();
            name.starts_with(b".") && name.ends_with(b".tmp")
        });
        if hidden_tmp && std::fs::symlink_metadata(&left).is_ok_and(|meta| meta.is_file()) {
            let _ = std::fs::remove_file(&left);
        }
        let _ = std::fs::remove_file(&pending);
    }

    /// Reads a backup (an export in JSON) for import, checking the journal in it as the
    /// journal itself is checked and the routine in it as routine.json is; it is never
    /// written to. Backups before the routine was in them hold the journal only.
    pub fn read_import(&self, path: &Path) -> Result<Backup, TransferError> {
        let bytes = match read_capped(path, Journal::MAX_BYTES)? {
            Contents::Missing => {
                let missing = std::io::Error::from(std::io::ErrorKind::NotFound);
                return Err(StoreError::io(IoAction::Read, path, missing).into());
            }
            Contents::TooLarge(size) => return Err(TransferError::TooLarge { path: path.to_owned(), size }),
            Contents::Bytes(bytes) => bytes,
        };
        let damaged = |reason: String| TransferError::Damaged { path: path.to_owned(), reason };
        let mut journal = match parse::<Journal>(&bytes) {
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
        let routine_file = match journal.extra.remove(BACKUP_ROUTINE_KEY) {
            None => None,
            Some(value) => Some(routine_in_backup(path, &value)?),
        };
        Ok(Backup { journal, routine_file })
    }

    /// Refuses `merged`, the journal that importing `path` would make, when it leaves no
    /// room to grow: an evening with more steps than an evening can hold, or a journal
    /// beyond [`IMPORT_MAX_BYTES`]. Only the evenings `incoming` touches are looked at,
    /// and the size is measured only when the two files together could exceed it.
    pub fn check_room(&self, path: &Path, incoming: &Journal, merged: &Journal) -> Result<(), TransferError> {
        check_evenings(path, incoming, merged)?;
        let on_disk = |file: &Path| std::fs::metadata(file).map_or(u64::MAX / 4, |meta| meta.len());
        // Text read back and written again can grow a little ("1e2" is written "100.0").
        let estimate = (self.journal_size_on_disk() + on_disk(path)).saturating_mul(11) / 10;
        let max = import_limit();
        if estimate <= max {
            return Ok(());
        }
        let size = to_bytes(merged).map_err(|e| TransferError::Encode(e.to_string()))?.len() as u64;
        if size > max {
            return Err(TransferError::NoRoom { path: path.to_owned(), size, max });
        }
        Ok(())
    }

    /// Refuses a backup whose routine (unknown fields anywhere in it included) would not
    /// fit in routine.json, so an import is refused before its journal is merged.
    pub fn check_routine_room(&self, path: &Path, routine_file: &RoutineFile) -> Result<(), TransferError> {
        let size = to_bytes(routine_file).map_err(|e| TransferError::Encode(e.to_string()))?.len() as u64;
        if size > RoutineFile::MAX_BYTES {
            return Err(TransferError::RoutineTooLarge { path: path.to_owned(), size });
        }
        Ok(())
    }

    /// Merges `incoming` (read from `path`) into the journal: one read-modify-write under
    /// the lock, saved atomically with the previous journal kept as its backup; nothing is
    /// written when the merge changes nothing, and nothing when it would leave no room to
    /// grow (see [`Store::check_room`]).
    pub fn import_journal(&self, path: &Path, incoming: &Journal) -> Result<Updated<MergeCounts>, TransferError> {
        let max = import_limit();
        let updated = self.update_journal_within(max, |journal| {
            let counts = merge_into(journal, incoming);
            check_evenings(path, incoming, journal)?;
            Ok::<_, TransferError>(counts)
        });
        updated.map_err(|error| match error {
            TransferError::Store(StoreError::TooLarge { size, .. }) => {
                TransferError::NoRoom { path: path.to_owned(), size, max }
            }
            error => error,
        })
    }
}

/// Where a backup holds routine.json's contents (with its own `schema_version`), beside
/// the journal's evenings. A version that does not know it keeps it as an unknown field.
const BACKUP_ROUTINE_KEY: &str = "routine_file";

/// A backup as read for import.
#[derive(Debug, Clone, PartialEq)]
pub struct Backup {
    pub journal: Journal,
    /// The routine, schedule and settings; `None` in backups made before they were kept
    /// in it.
    pub routine_file: Option<RoutineFile>,
}

/// The bytes of a backup: the evenings of `journal`, with `routine_file` beside them
/// when given.
pub fn backup_to_bytes(mut journal: Journal, routine_file: Option<&RoutineFile>) -> Result<Vec<u8>, serde_json::Error> {
    if let Some(routine_file) = routine_file {
        journal.extra.insert(BACKUP_ROUTINE_KEY.to_owned(), to_value(routine_file)?);
    }
    to_bytes(&journal)
}

/// The routine inside a backup, read as routine.json is read: its version (older ones
/// upgraded, newer ones refused as a newer journal is) and its fields.
fn routine_in_backup(path: &Path, value: &serde_json::Value) -> Result<RoutineFile, TransferError> {
    let damaged = |reason: String| TransferError::Damaged { path: path.to_owned(), reason };
    let bytes = serde_json::to_vec(value).map_err(|error| damaged(error.to_string()))?;
    match parse::<RoutineFile>(&bytes) {
        Parsed::Ok(routine_file) => Ok(routine_file),
        Parsed::Newer(version, _) => Err(TransferError::NewerRoutine { path: path.to_owned(), version }),
        Parsed::Older(version, raw) => migrate::<RoutineFile>(raw, version).map_err(damaged),
        Parsed::Damaged(reason) => Err(damaged(reason)),
    }
}

/// The evenings of `incoming` as merged still hold no more steps than an evening can.
fn check_evenings(path: &Path, incoming: &Journal, merged: &Journal) -> Result<(), TransferError> {
    for date in incoming.evenings.keys() {
        if let Some(evening) = merged.evenings.get(date) {
            validate::evening_size(*date, evening)
                .map_err(|invalid| TransferError::Invalid { path: path.to_owned(), invalid })?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CheckIn, Outcome};
    use crate::store::{Paths, save_document};
    use chrono::{DateTime, NaiveDate};

    fn date(day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, day).unwrap()
    }

    fn journal(days: std::ops::Range<u32>) -> Journal {
        let at = DateTime::parse_from_rfc3339("2026-11-26T21:00:00+01:00").unwrap();
        let mut journal = Journal::default();
        for day in days {
            journal.record(date(day), "warm-bath", CheckIn::new(Outcome::Done, at, None));
        }
        journal
    }

    /// The journal saved through the store, in its layout.
    fn seed(store: &Store, journal: Journal) {
        store
            .update_journal(|saved| {
                *saved = journal;
                Ok::<_, StoreError>(())
            })
            .unwrap();
    }

    #[test]
    fn an_import_that_leaves_no_room_is_refused_and_changes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(Paths::in_dir(dir.path()));
        seed(&store, journal(1..3));
        let month = store.own_month_file(chrono::NaiveDate::from_ymd_opt(2026, 11, 1).unwrap()).unwrap();
        let before = std::fs::read(&month).unwrap();
        let file = dir.path().join("import.json");
        let incoming = journal(3..20);
        std::fs::write(&file, to_bytes(&incoming).unwrap()).unwrap();
        let merged = crate::model::merge(&journal(1..3), &incoming).0;
        let size = to_bytes(&merged).unwrap().len() as u64;
        IMPORT_LIMIT.set(Some(size - 1));
        let refused = store.check_room(&file, &incoming, &merged).unwrap_err();
        assert!(matches!(refused, TransferError::NoRoom { size: s, max, .. } if s == size && max == size - 1));
        assert!(refused.to_string().starts_with(&format!("Importing {} would make your journal", file.display())));
        let refused = store.import_journal(&file, &incoming).unwrap_err();
        assert!(matches!(refused, TransferError::NoRoom { .. }), "{refused}");
        assert_eq!(std::fs::read(&month).unwrap(), before, "nothing written");
        IMPORT_LIMIT.set(Some(size));
        store.check_room(&file, &incoming, &merged).unwrap();
        assert!(store.import_journal(&file, &incoming).unwrap().saved);
        IMPORT_LIMIT.set(None);
    }

    #[test]
    fn an_evening_merged_past_its_steps_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(Paths::in_dir(dir.path()));
        let list = |from: usize| Some((from..from + 150).map(|n| format!("s-{n}")).collect::<Vec<_>>());
        let mut ours = journal(26..27);
        ours.evenings.get_mut(&date(26)).unwrap().routine = list(0);
        save_document(&store.paths().journal_file(), &ours).unwrap();
        let mut theirs = journal(26..27);
        theirs.evenings.get_mut(&date(26)).unwrap().routine = list(100);
        let file = dir.path().join("import.json");
        let refused = store.import_journal(&file, &theirs).unwrap_err();
        assert_eq!(
            refused.to_string(),
            format!(
                "{} cannot be imported: the evening of 2026-11-26 names 250 steps, more than the 200 an evening can hold; nothing was changed.",
                file.display()
            )
        );
    }

    #[test]
    fn an_import_whose_folder_flush_fails_is_saved_and_says_so() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(Paths::in_dir(dir.path()));
        seed(&store, journal(1..3));
        let file = dir.path().join("import.json");
        super::super::atomic::FAIL_FOLDER_FLUSH.set(true);
        let imported = store.import_journal(&file, &journal(3..5));
        super::super::atomic::FAIL_FOLDER_FLUSH.set(false);
        let imported = imported.unwrap();
        assert!(imported.saved, "the journal was replaced: the import happened");
        assert_eq!(store.load_journal().unwrap().value, journal(1..5));
        let notices = store.take_notices();
        assert_eq!(notices.len(), 1, "{notices:?}");
        assert!(
            notices[0].message.contains("was saved, but its folder could not be flushed to the disk"),
            "{notices:?}"
        );
        assert!(!notices[0].message.contains("Could not save"));
        // An export likewise: in place, and said once.
        super::super::atomic::FAIL_FOLDER_FLUSH.set(true);
        let written = store.write_user_file(&dir.path().join("export.json"), b"{}");
        super::super::atomic::FAIL_FOLDER_FLUSH.set(false);
        written.unwrap();
        assert_eq!(store.take_notices().len(), 1);
    }
}
