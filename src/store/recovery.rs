//! Repairs and saves: every write that must not lose what is already on disk.
//!
//! Apart from reading ([`super::read`]) because everything here writes, and the store
//! calls it under the lock, after inspecting again: a damaged file's bytes are kept
//! aside before the backup is restored, a migration keeps the old format's bytes under a
//! name of their own, and a backup this version cannot use is moved aside rather than
//! rotated away. Saving lives here too, since it must first make that last check.
//! Every step leaves the file's name holding either the old bytes or the repaired ones,
//! and never rotates away a backup that holds more than the file does.

use std::path::{Path, PathBuf};

use serde::de::IgnoredAny;

use super::atomic::{self, keep_copy, move_aside, replace_file, sibling, write_atomic};
use super::document::{Document, Loaded, Parsed, Version, bytes_to_save, migrate, parse, to_bytes, version};
use super::error::name;
use super::read::{Contents, Read, Repair, read_capped};
use super::{FileNotice, IoAction, StoreError, megabytes, scan};
use crate::tr;

/// Makes the repair [`super::read::inspect`] asked for. Call under the lock, after inspecting again.
pub(super) fn repair<T: Document>(
    path: &Path,
    repair: Repair,
    notices: &mut Vec<FileNotice>,
) -> Result<Read<T>, StoreError> {
    match repair {
        Repair::Missing => restore_missing(path, notices),
        Repair::Damaged { bytes, reason } => recover(path, &bytes, reason, notices),
        Repair::Older { bytes, version, raw } => match migrate::<T>(raw, version) {
            Ok(value) => {
                let new_bytes = bytes_to_save(path, &value)?;
                // The old bytes are kept under a name of their own before anything changes.
                let kept = keep_copy(path, &format!("v{version}.bak"), &bytes)
                    .map_err(|e| StoreError::io(IoAction::BackUp, &migration_backup(path, version), e))?;
                save_bytes::<T>(path, &new_bytes, notices)?;
                notices.push(FileNotice::new(
                    tr!("store-notice-migrated", what = T::WHAT, from = version, to = T::VERSION, kept = name(&kept)),
                    vec![kept],
                ));
                Ok(Read { loaded: Loaded { value, existed: true, read_only: None }, bytes: Some(new_bytes) })
            }
            Err(reason) => recover(path, &bytes, not_updated(version, &reason), notices),
        },
    }
}

/// Saves `value` to `path` atomically, keeping the previous file as `NAME.bak`.
///
/// A backup that could not be used (damaged, another format) is moved aside first rather
/// than replaced; this function cannot report that, the store's saves do.
pub fn save<T: Document>(path: &Path, value: &T) -> Result<(), StoreError> {
    save_bytes::<T>(path, &bytes_to_save(path, value)?, &mut Vec::new())
}

/// Writes `bytes` (from [`bytes_to_save`]) over `path`, rotating the old file into `.bak`
/// only after an unusable backup was moved out of the way.
pub(super) fn save_bytes<T: Document>(
    path: &Path,
    bytes: &[u8],
    notices: &mut Vec<FileNotice>,
) -> Result<(), StoreError> {
    let backup = sibling(path, ".bak");
    if !backup_looks_current::<T>(&backup)?
        && let Backup::Unusable(why) = examine_backup::<T>(&backup)?
    {
        let kept = keep_backup_aside(path, &backup)?;
        notices.push(FileNotice::new(
            tr!("store-notice-backup-kept", backup = name(&backup), why = why, kept = name(&kept)),
            vec![kept],
        ));
    }
    let written = write_atomic(path, bytes);
    // The new file is in place: the change is saved and must be reported as such.
    if let Err(error) = &written
        && let Some(cause) = atomic::not_flushed(error)
    {
        notices.push(not_flushed_notice(path, cause));
        return Ok(());
    }
    written.map_err(|cause| StoreError::io(IoAction::Save, path, cause))
}

/// Said when a file was saved but its folder could not be flushed to the disk.
pub(super) fn not_flushed_notice(path: &Path, cause: &std::io::Error) -> FileNotice {
    FileNotice::new(
        tr!("store-notice-not-flushed", path = name(path), cause = cause.to_string()),
        vec![path.to_owned()],
    )
}

/// What the backup beside a file can do.
enum Backup<T> {
    Absent,
    /// Current format (perhaps migrated): the value and the bytes that restore it.
    Usable(T, Vec<u8>),
    /// Holds something this version cannot use; why, in words.
    Unusable(String),
}

/// The quick look before every save: a backup in the current format, of valid JSON
/// without repeated keys, is the generation this app rotated there and may be replaced.
/// Only anything else gets the full (typed, ~20 ms for a 10-year journal) examination.
fn backup_looks_current<T: Document>(backup: &Path) -> Result<bool, StoreError> {
    let Contents::Bytes(bytes) = read_capped(backup, T::MAX_BYTES)? else { return Ok(false) };
    let current = scan::scan(&bytes).is_ok_and(|scanned| matches!(version::<T>(scanned.version), Ok(Version::Current)));
    Ok(current && serde_json::from_slice::<IgnoredAny>(&bytes).is_ok())
}

fn examine_backup<T: Document>(backup: &Path) -> Result<Backup<T>, StoreError> {
    Ok(match read_capped(backup, T::MAX_BYTES)? {
        Contents::Missing => Backup::Absent,
        Contents::TooLarge(size) => Backup::Unusable(tr!("store-why-size", size = megabytes(size))),
        Contents::Bytes(bytes) => match parse::<T>(&bytes) {
            Parsed::Ok(value) => Backup::Usable(value, bytes),
            Parsed::Older(version, raw) => match migrate::<T>(raw, version) {
                Ok(value) => match to_bytes(&value) {
                    Ok(bytes) => Backup::Usable(value, bytes),
                    Err(error) => Backup::Unusable(error.to_string()),
                },
                Err(reason) => Backup::Unusable(not_updated(version, &reason)),
            },
            Parsed::Newer(version, _) => Backup::Unusable(tr!("store-why-newer", version = version)),
            Parsed::Damaged(reason) => Backup::Unusable(reason),
        },
    })
}

/// Puts the backup's contents in place without rotating the backup itself away.
fn restore<T: Document>(path: &Path, value: T, bytes: Vec<u8>) -> Result<Read<T>, StoreError> {
    replace_file(path, &bytes).map_err(|e| StoreError::io(IoAction::Restore, path, e))?;
    Ok(Read { loaded: Loaded { value, existed: true, read_only: None }, bytes: Some(bytes) })
}

/// Moves an unusable backup aside; returns its new name.
fn keep_backup_aside(path: &Path, backup: &Path) -> Result<PathBuf, StoreError> {
    move_aside(backup, path, &format!("bak.corrupt-{}", stamp()))
        .map_err(|e| StoreError::io(IoAction::MoveAside, backup, e))
}

/// The file is gone but its backup is not: restore it rather than start fresh (a save
/// would rotate the backup away), or keep an unusable one aside.
fn restore_missing<T: Document>(path: &Path, notices: &mut Vec<FileNotice>) -> Result<Read<T>, StoreError> {
    let backup = sibling(path, ".bak");
    match examine_backup::<T>(&backup)? {
        Backup::Absent => Ok(Read { loaded: Loaded::default(), bytes: None }),
        Backup::Usable(value, bytes) => {
            let read = restore(path, value, bytes)?;
            notices.push(FileNotice::new(
                tr!("store-notice-restored", path = name(path), backup = name(&backup)),
                vec![path.to_owned()],
            ));
            Ok(read)
        }
        Backup::Unusable(why) => {
            let kept = keep_backup_aside(path, &backup)?;
            notices.push(FileNotice::new(
                tr!(
                    "store-notice-missing-backup-unusable",
                    path = name(path),
                    why = why,
                    kept = name(&kept),
                    what = T::WHAT
                ),
                vec![kept],
            ));
            Ok(Read { loaded: Loaded::default(), bytes: None })
        }
    }
}

/// Keeps a damaged file's bytes aside and falls back to its backup, or to a fresh start.
///
/// Crash-safe at every step: the bytes are first copied (never moved) to a new name of
/// their own; only then is the file replaced, in one rename, by the backup's contents, or
/// removed when there is nothing to restore. A run that stops in between finds the
/// damaged file again and simply repeats the repair.
fn recover<T: Document>(
    path: &Path,
    bytes: &[u8],
    reason: String,
    notices: &mut Vec<FileNotice>,
) -> Result<Read<T>, StoreError> {
    let aside = keep_copy(path, &format!("corrupt-{}", stamp()), bytes)
        .map_err(|e| StoreError::io(IoAction::KeepDamagedCopy, path, e))?;
    let backup = sibling(path, ".bak");
    let (read, outcome, mut shown) = match examine_backup::<T>(&backup)? {
        Backup::Usable(value, good) => {
            let read = restore(path, value, good)?;
            (read, tr!("store-outcome-restored", backup = name(&backup)), vec![])
        }
        Backup::Absent => {
            remove_damaged(path)?;
            (empty(), tr!("store-outcome-empty", what = T::WHAT), vec![])
        }
        Backup::Unusable(why) => {
            let kept = keep_backup_aside(path, &backup)?;
            remove_damaged(path)?;
            let outcome = tr!("store-outcome-backup-unusable", why = why, kept = name(&kept), what = T::WHAT);
            (empty(), outcome, vec![kept])
        }
    };
    notices.push(FileNotice::new(
        tr!("store-notice-damaged", path = name(path), reason = reason, aside = name(&aside), outcome = outcome),
        {
            shown.splice(0..0, [aside, path.to_owned()]);
            shown
        },
    ));
    Ok(read)
}

/// Why a document of an older format could not be brought up to date.
fn not_updated(version: u64, reason: &str) -> String {
    tr!("store-why-not-updated", version = version, reason = reason)
}

/// A fresh start after damage: the file existed, so this is not a first run.
fn empty<T: Document>() -> Read<T> {
    Read { loaded: Loaded { value: T::default(), existed: true, read_only: None }, bytes: None }
}

/// Removes a damaged file whose bytes are safely kept elsewhere.
fn remove_damaged(path: &Path) -> Result<(), StoreError> {
    atomic::remove_file_if_exists(path)
        .and_then(|()| atomic::sync_dir(path.parent().unwrap_or(Path::new("."))))
        .map_err(|e| StoreError::io(IoAction::Remove, path, e))
}

/// The path of the backup written before a migration from `version` (the first one; a
/// second migration from the same format adds a counter, `NAME.vN.bak-2`).
pub fn migration_backup(path: &Path, version: u64) -> PathBuf {
    sibling(path, &format!(".v{version}.bak"))
}

/// The time in names of files kept aside.
pub(super) fn stamp() -> String {
    chrono::Local::now().format("%Y%m%dT%H%M%S").to_string()
}
