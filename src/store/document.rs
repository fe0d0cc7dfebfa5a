//! One JSON document on disk: versioned, migrated, recovered, never silently lost.
//!
//! Loading is where data gets lost in most apps, so every way a file can be wrong has a
//! path here: missing (start fresh, or restore the backup if there is one), damaged
//! (a copy kept aside with its bytes intact, then the backup is restored), too large
//! (refused, left alone, read-only), older format (backed up, then migrated), newer
//! format (opened read-only, never rewritten). Duplicate keys and a version that is not
//! a whole number count as damage.
//!
//! Reading is split from repairing: [`inspect`] only reads, so viewing needs no lock and
//! works on a read-only disk; [`repair`] writes, and the store calls it under the lock
//! after inspecting again. Every repair step leaves the file's name holding either the
//! old bytes or the repaired ones, and never rotates away a backup that holds more than
//! the file does.

use std::io::{self, Read as _};
use std::path::{Path, PathBuf};

use serde::Serialize;
use serde::de::{DeserializeOwned, IgnoredAny};
use serde_json::Value;

use super::atomic::{self, keep_copy, move_aside, open_nonblocking, replace_file, sibling, write_atomic};
use super::{FileReport, StoreError, megabytes, scan};
use crate::model::{Config, Extra, Journal, ReminderLog};

const VERSION_KEY: &str = "schema_version";

/// A kind of document the store keeps.
pub trait Document: Serialize + DeserializeOwned + Default {
    /// What the user calls it, for messages: "journal".
    const WHAT: &'static str;
    /// The format this version writes.
    const VERSION: u64;
    /// Larger files are refused rather than read into memory.
    const MAX_BYTES: u64;
    /// Indented for people who open the file; compact where size and speed matter more.
    const PRETTY: bool;

    fn extra_mut(&mut self) -> &mut Extra;

    /// Upgrades a document of format `from` by one step, to `from + 1`.
    fn migrate(_value: Value, from: u64) -> Result<Value, String> {
        Err(format!("no migration from format {from}"))
    }
}

impl Document for Config {
    const WHAT: &'static str = "routine";
    const VERSION: u64 = 1;
    const MAX_BYTES: u64 = 4 << 20;
    const PRETTY: bool = true;

    fn extra_mut(&mut self) -> &mut Extra {
        &mut self.extra
    }
}

impl Document for Journal {
    const WHAT: &'static str = "journal";
    const VERSION: u64 = 2;
    const MAX_BYTES: u64 = 64 << 20;
    const PRETTY: bool = false;

    fn extra_mut(&mut self) -> &mut Extra {
        &mut self.extra
    }

    /// Format 1 (the first development format) stored each check-in as `"done": bool`;
    /// format 2 has `"outcome": "done" | "skipped"`, leaving room for more outcomes.
    fn migrate(mut value: Value, from: u64) -> Result<Value, String> {
        if from != 1 {
            return Err(format!("no migration from format {from}"));
        }
        let evenings = value.get_mut("evenings").and_then(Value::as_object_mut);
        for evening in evenings.into_iter().flat_map(|e| e.values_mut()) {
            let checks = evening.get_mut("checks").and_then(Value::as_object_mut);
            for check in checks.into_iter().flat_map(|c| c.values_mut()) {
                let Some(check) = check.as_object_mut() else { continue };
                if let Some(done) = check.remove("done") {
                    let outcome = if done.as_bool() == Some(false) { "skipped" } else { "done" };
                    check.insert("outcome".into(), Value::from(outcome));
                }
            }
        }
        Ok(value)
    }
}

impl Document for ReminderLog {
    const WHAT: &'static str = "reminder log";
    const VERSION: u64 = 1;
    /// Two weeks of reminders are a few kilobytes; anything near this is not ours.
    const MAX_BYTES: u64 = 4 << 20;
    const PRETTY: bool = true;

    fn extra_mut(&mut self) -> &mut Extra {
        &mut self.extra
    }
}

/// A document as loaded, with what the user must be told about it.
#[derive(Debug, Clone, Default)]
pub struct Loaded<T> {
    pub value: T,
    /// The file existed (false: a fresh start with defaults).
    pub existed: bool,
    /// Why it must not be written, if so.
    pub read_only: Option<String>,
}

/// A loaded document and the bytes its file holds now (`None`: no file), so that a
/// change that changes nothing can be noticed and not written.
pub(super) struct Read<T> {
    pub loaded: Loaded<T>,
    pub bytes: Option<Vec<u8>>,
}

/// What [`inspect`] found.
pub(super) enum Inspected<T> {
    Ready(Read<T>),
    /// Usable only after writing something: take the lock, inspect again, [`repair`].
    NeedsRepair(Repair),
}

/// A repair to make; the store makes it under the lock.
pub(super) enum Repair {
    /// The file is missing but a backup is there (usable or not, it must not be lost).
    Missing,
    Damaged {
        bytes: Vec<u8>,
        reason: String,
    },
    Older {
        bytes: Vec<u8>,
        version: u64,
        raw: Value,
    },
}

enum Parsed<T> {
    Ok(T),
    /// Written by a newer version (the format as written); `Some` when this version can
    /// still show it.
    Newer(String, Option<T>),
    Older(u64, Value),
    Damaged(String),
}

/// Where the format version is: a whole number from 1 to the current one, or above.
enum Version {
    Current,
    Older(u64),
    Newer(String),
}

/// Only a whole JSON integer is a version; anything else (missing, negative, a string, a
/// float such as 2.0) is damage. A larger one is a newer format however large it is.
fn version<T: Document>(raw: Option<&[u8]>) -> Result<Version, String> {
    let Some(raw) = raw else { return Err(format!("it has no {VERSION_KEY}")) };
    let text = String::from_utf8_lossy(raw);
    if raw.is_empty() || !raw.iter().all(u8::is_ascii_digit) {
        let shown =
            if text.len() > 24 { format!("{}…", text.chars().take(24).collect::<String>()) } else { text.into() };
        return Err(format!("its {VERSION_KEY} {shown} is not a format number"));
    }
    match text.parse::<u64>() {
        Ok(0) => Err(format!("its {VERSION_KEY} 0 is not a format number")),
        Ok(v) if v == T::VERSION => Ok(Version::Current),
        Ok(v) if v < T::VERSION => Ok(Version::Older(v)),
        // Above the current one, including numbers too large for any integer type.
        _ => Ok(Version::Newer(text.into_owned())),
    }
}

fn parse<T: Document>(bytes: &[u8]) -> Parsed<T> {
    // A syntax error explains more than what the forgiving scan saw in broken text.
    let damaged = |reason: String| {
        Parsed::Damaged(serde_json::from_slice::<IgnoredAny>(bytes).err().map_or(reason, |e| e.to_string()))
    };
    let scanned = match scan::scan(bytes) {
        Ok(scanned) => scanned,
        Err(duplicate) => return damaged(duplicate),
    };
    let typed = || {
        serde_json::from_slice::<T>(bytes).map(|mut value| {
            value.extra_mut().remove(VERSION_KEY);
            value
        })
    };
    match version::<T>(scanned.version) {
        Err(reason) => damaged(reason),
        Ok(Version::Current) => match typed() {
            Ok(value) => Parsed::Ok(value),
            Err(error) => Parsed::Damaged(error.to_string()),
        },
        Ok(Version::Newer(version)) => Parsed::Newer(version, typed().ok()),
        Ok(Version::Older(version)) => match serde_json::from_slice(bytes) {
            Ok(raw) => Parsed::Older(version, raw),
            Err(error) => Parsed::Damaged(error.to_string()),
        },
    }
}

fn migrate<T: Document>(mut raw: Value, from: u64) -> Result<T, String> {
    for version in from..T::VERSION {
        raw = T::migrate(raw, version)?;
    }
    if let Some(object) = raw.as_object_mut() {
        object.remove(VERSION_KEY);
    }
    serde_json::from_value(raw).map_err(|error| error.to_string())
}

/// Serializes a document with its format version first.
pub fn to_bytes<T: Document>(value: &T) -> Result<Vec<u8>, serde_json::Error> {
    #[derive(Serialize)]
    struct Versioned<'a, T> {
        schema_version: u64,
        #[serde(flatten)]
        body: &'a T,
    }
    let versioned = Versioned { schema_version: T::VERSION, body: value };
    let mut bytes = if T::PRETTY { serde_json::to_vec_pretty(&versioned)? } else { serde_json::to_vec(&versioned)? };
    bytes.push(b'\n');
    Ok(bytes)
}

/// The bytes to save for `value`, refused when they could not be read back.
pub(super) fn bytes_to_save<T: Document>(path: &Path, value: &T) -> Result<Vec<u8>, StoreError> {
    let bytes = to_bytes(value).map_err(|cause| StoreError::Encode { path: path.to_owned(), cause })?;
    if bytes.len() as u64 > T::MAX_BYTES {
        return Err(StoreError::TooLarge {
            what: T::WHAT,
            path: path.to_owned(),
            size: bytes.len() as u64,
            max: T::MAX_BYTES,
        });
    }
    Ok(bytes)
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
    notices: &mut Vec<FileReport>,
) -> Result<(), StoreError> {
    let backup = sibling(path, ".bak");
    if !backup_looks_current::<T>(&backup)?
        && let Backup::Unusable(why) = examine_backup::<T>(&backup)?
    {
        let kept = move_aside(&backup, path, &format!("bak.corrupt-{}", stamp()))
            .map_err(|e| StoreError::io("move aside", &backup, e))?;
        notices.push(FileReport::new(
            format!(
                "The backup {} could not be used ({why}); it is kept as {} rather than replaced.",
                name(&backup),
                name(&kept)
            ),
            vec![kept],
        ));
    }
    write_atomic(path, bytes).map_err(|cause| StoreError::io("save", path, cause))
}

enum Contents {
    Missing,
    TooLarge(u64),
    Bytes(Vec<u8>),
}

/// Reads at most `limit` bytes; refuses anything but a regular file (opening a FIFO
/// without O_NONBLOCK, or reading it, would wait forever).
fn read_capped(path: &Path, limit: u64) -> Result<Contents, StoreError> {
    let file = match open_nonblocking(path) {
        Ok(file) => file,
        Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(Contents::Missing),
        Err(error) => return Err(StoreError::io("read", path, error)),
    };
    if let Some(kind) = atomic::irregular_kind(&file).map_err(|e| StoreError::io("read", path, e))? {
        return Err(StoreError::NotRegular { path: path.to_owned(), kind });
    }
    let read = || -> io::Result<Contents> {
        let size = file.metadata()?.len();
        if size > limit {
            return Ok(Contents::TooLarge(size));
        }
        let mut bytes = Vec::with_capacity(size as usize);
        (&file).take(limit + 1).read_to_end(&mut bytes)?;
        if bytes.len() as u64 > limit {
            return Ok(Contents::TooLarge(bytes.len() as u64));
        }
        Ok(Contents::Bytes(bytes))
    };
    read().map_err(|e| StoreError::io("read", path, e))
}

fn name(path: &Path) -> String {
    path.display().to_string()
}

/// The time in names of files kept aside.
fn stamp() -> String {
    chrono::Local::now().format("%Y%m%dT%H%M%S").to_string()
}

/// Reads the document at `path` without writing anything.
pub(super) fn inspect<T: Document>(path: &Path, notices: &mut Vec<FileReport>) -> Result<Inspected<T>, StoreError> {
    let ready =
        |value, bytes, read_only| Inspected::Ready(Read { loaded: Loaded { value, existed: true, read_only }, bytes });
    let bytes = match read_capped(path, T::MAX_BYTES)? {
        Contents::Missing => {
            let backup = sibling(path, ".bak");
            if std::fs::symlink_metadata(&backup).is_ok() {
                return Ok(Inspected::NeedsRepair(Repair::Missing));
            }
            return Ok(Inspected::Ready(Read { loaded: Loaded::default(), bytes: None }));
        }
        Contents::TooLarge(size) => {
            let message = format!(
                "{} is {}, more than the {} a {} can be; it was left untouched and is open read-only.",
                name(path),
                megabytes(size),
                megabytes(T::MAX_BYTES),
                T::WHAT
            );
            notices.push(FileReport::new(message.clone(), vec![path.to_owned()]));
            return Ok(ready(T::default(), None, Some(message)));
        }
        Contents::Bytes(bytes) => bytes,
    };
    Ok(match parse::<T>(&bytes) {
        Parsed::Ok(value) => ready(value, Some(bytes), None),
        Parsed::Newer(version, value) => {
            let shown = if value.is_some() { "it is open read-only" } else { "this version cannot show it" };
            let message = format!(
                "{} was written by a newer version of Bedtime Coach (format {version}, this one knows up to {}); {shown} and will not be overwritten. Update Bedtime Coach to make changes.",
                name(path),
                T::VERSION
            );
            notices.push(FileReport::new(message.clone(), vec![path.to_owned()]));
            ready(value.unwrap_or_default(), Some(bytes), Some(message))
        }
        Parsed::Older(version, raw) => Inspected::NeedsRepair(Repair::Older { bytes, version, raw }),
        Parsed::Damaged(reason) => Inspected::NeedsRepair(Repair::Damaged { bytes, reason }),
    })
}

/// Makes the repair [`inspect`] asked for. Call under the lock, after inspecting again.
pub(super) fn repair<T: Document>(
    path: &Path,
    repair: Repair,
    notices: &mut Vec<FileReport>,
) -> Result<Read<T>, StoreError> {
    match repair {
        Repair::Missing => restore_missing(path, notices),
        Repair::Damaged { bytes, reason } => recover(path, &bytes, reason, notices),
        Repair::Older { bytes, version, raw } => match migrate::<T>(raw, version) {
            Ok(value) => {
                let new_bytes = bytes_to_save(path, &value)?;
                // The old bytes are kept under a name of their own before anything changes.
                let kept = keep_copy(path, &format!("v{version}.bak"), &bytes)
                    .map_err(|e| StoreError::io("back up", &migration_backup(path, version), e))?;
                save_bytes::<T>(path, &new_bytes, notices)?;
                notices.push(FileReport::new(
                    format!(
                        "Your {} was updated from format {version} to {}; the old file is kept as {}.",
                        T::WHAT,
                        T::VERSION,
                        name(&kept)
                    ),
                    vec![kept],
                ));
                Ok(Read { loaded: Loaded { value, existed: true, read_only: None }, bytes: Some(new_bytes) })
            }
            Err(reason) => recover(path, &bytes, format!("format {version} could not be updated: {reason}"), notices),
        },
    }
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
        Contents::TooLarge(size) => Backup::Unusable(format!("it is {}", megabytes(size))),
        Contents::Bytes(bytes) => match parse::<T>(&bytes) {
            Parsed::Ok(value) => Backup::Usable(value, bytes),
            Parsed::Older(version, raw) => match migrate::<T>(raw, version) {
                Ok(value) => match to_bytes(&value) {
                    Ok(bytes) => Backup::Usable(value, bytes),
                    Err(error) => Backup::Unusable(error.to_string()),
                },
                Err(reason) => Backup::Unusable(format!("format {version} could not be updated: {reason}")),
            },
            Parsed::Newer(version, _) => {
                Backup::Unusable(format!("it was written by a newer version of Bedtime Coach, format {version}"))
            }
            Parsed::Damaged(reason) => Backup::Unusable(reason),
        },
    })
}

/// Puts the backup's contents in place without rotating the backup itself away.
fn restore<T: Document>(path: &Path, value: T, bytes: Vec<u8>) -> Result<Read<T>, StoreError> {
    replace_file(path, &bytes).map_err(|e| StoreError::io("restore", path, e))?;
    Ok(Read { loaded: Loaded { value, existed: true, read_only: None }, bytes: Some(bytes) })
}

/// Moves an unusable backup aside; returns its new name.
fn keep_backup_aside(path: &Path, backup: &Path) -> Result<PathBuf, StoreError> {
    move_aside(backup, path, &format!("bak.corrupt-{}", stamp())).map_err(|e| StoreError::io("move aside", backup, e))
}

/// The file is gone but its backup is not: restore it rather than start fresh (a save
/// would rotate the backup away), or keep an unusable one aside.
fn restore_missing<T: Document>(path: &Path, notices: &mut Vec<FileReport>) -> Result<Read<T>, StoreError> {
    let backup = sibling(path, ".bak");
    match examine_backup::<T>(&backup)? {
        Backup::Absent => Ok(Read { loaded: Loaded::default(), bytes: None }),
        Backup::Usable(value, bytes) => {
            let read = restore(path, value, bytes)?;
            notices.push(FileReport::new(
                format!("{} was missing; the last good copy, {}, was restored.", name(path), name(&backup)),
                vec![path.to_owned()],
            ));
            Ok(read)
        }
        Backup::Unusable(why) => {
            let kept = keep_backup_aside(path, &backup)?;
            notices.push(FileReport::new(
                format!(
                    "{} was missing and its backup could not be used ({why}); the backup is kept as {}, and the {} starts empty.",
                    name(path),
                    name(&kept),
                    T::WHAT
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
    notices: &mut Vec<FileReport>,
) -> Result<Read<T>, StoreError> {
    let aside = keep_copy(path, &format!("corrupt-{}", stamp()), bytes)
        .map_err(|e| StoreError::io("keep a copy of the damaged file", path, e))?;
    let backup = sibling(path, ".bak");
    let (read, outcome, mut shown) = match examine_backup::<T>(&backup)? {
        Backup::Usable(value, good) => {
            let read = restore(path, value, good)?;
            (read, format!("the last good copy, {}, was restored", name(&backup)), vec![])
        }
        Backup::Absent => {
            remove_damaged(path)?;
            (empty(), format!("no backup was found, so the {} starts empty", T::WHAT), vec![])
        }
        Backup::Unusable(why) => {
            let kept = keep_backup_aside(path, &backup)?;
            remove_damaged(path)?;
            let outcome = format!(
                "its backup could not be used either ({why}) and is kept as {}, so the {} starts empty",
                name(&kept),
                T::WHAT
            );
            (empty(), outcome, vec![kept])
        }
    };
    notices.push(FileReport::new(
        format!(
            "{} could not be read ({reason}); its contents are kept intact in {}, and {outcome}.",
            name(path),
            name(&aside)
        ),
        {
            shown.splice(0..0, [aside, path.to_owned()]);
            shown
        },
    ));
    Ok(read)
}

/// A fresh start after damage: the file existed, so this is not a first run.
fn empty<T: Document>() -> Read<T> {
    Read { loaded: Loaded { value: T::default(), existed: true, read_only: None }, bytes: None }
}

/// Removes a damaged file whose bytes are safely kept elsewhere.
fn remove_damaged(path: &Path) -> Result<(), StoreError> {
    atomic::remove_file_if_exists(path)
        .and_then(|()| atomic::sync_dir(path.parent().unwrap_or(Path::new("."))))
        .map_err(|e| StoreError::io("remove", path, e))
}

/// The path of the backup written before a migration from `version` (the first one; a
/// second migration from the same format adds a counter, `NAME.vN.bak-2`).
pub fn migration_backup(path: &Path, version: u64) -> PathBuf {
    sibling(path, &format!(".v{version}.bak"))
}
