//! One JSON document on disk: versioned, migrated, recovered, never silently lost.
//!
//! Loading is where data gets lost in most apps, so every way a file can be wrong has a
//! path here: missing (start fresh), unreadable or damaged (moved aside with its bytes
//! intact, then the backup is tried), too large (refused, left alone, read-only), older
//! format (backed up, then migrated), newer format (opened read-only, never rewritten).

use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use super::atomic::{sibling, write_atomic, write_new_file};
use super::{Notice, StoreError};
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

enum Parsed<T> {
    Ok(T),
    /// Written by a newer version; `Some` when this version can still show it.
    Newer(u64, Option<T>),
    Older(u64, Value),
    Damaged(String),
}

fn parse<T: Document>(bytes: &[u8]) -> Parsed<T> {
    // The common case in one pass: the current format straight into the typed value.
    if let Ok(mut value) = serde_json::from_slice::<T>(bytes) {
        let version = value.extra_mut().remove(VERSION_KEY).and_then(|v| v.as_u64()).unwrap_or(1);
        return match version {
            v if v == T::VERSION => Parsed::Ok(value),
            v if v > T::VERSION => Parsed::Newer(v, Some(value)),
            _ => match serde_json::from_slice(bytes) {
                Ok(raw) => Parsed::Older(version, raw),
                Err(error) => Parsed::Damaged(error.to_string()),
            },
        };
    }
    match serde_json::from_slice::<Value>(bytes) {
        Err(error) => Parsed::Damaged(error.to_string()),
        Ok(raw) => match raw.get(VERSION_KEY).map(|v| v.as_u64()) {
            Some(Some(v)) if v > T::VERSION => Parsed::Newer(v, None),
            Some(Some(v)) if v < T::VERSION => Parsed::Older(v, raw),
            None if raw.is_object() && T::VERSION > 1 => Parsed::Older(1, raw),
            _ => match serde_json::from_value::<T>(raw) {
                Ok(value) => Parsed::Ok(value),
                Err(error) => Parsed::Damaged(error.to_string()),
            },
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

/// Saves `value` to `path` atomically.
pub fn save<T: Document>(path: &Path, value: &T) -> Result<(), StoreError> {
    let bytes = to_bytes(value).map_err(|source| StoreError::Encode { path: path.to_owned(), source })?;
    write_atomic(path, &bytes).map_err(|source| StoreError::io("save", path, source))
}

enum Contents {
    Missing,
    TooLarge(u64),
    Bytes(Vec<u8>),
}

fn read_capped(path: &Path, limit: u64) -> io::Result<Contents> {
    let file = match fs::File::open(path) {
        Ok(file) => file,
        Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(Contents::Missing),
        Err(error) => return Err(error),
    };
    let size = file.metadata()?.len();
    if size > limit {
        return Ok(Contents::TooLarge(size));
    }
    let mut bytes = Vec::with_capacity(size as usize);
    file.take(limit + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Ok(Contents::TooLarge(bytes.len() as u64));
    }
    Ok(Contents::Bytes(bytes))
}

fn name(path: &Path) -> String {
    path.display().to_string()
}

/// Loads the document at `path`, repairing what can be repaired. Call under the lock.
pub fn load<T: Document>(path: &Path, notices: &mut Vec<Notice>, now_stamp: &str) -> Result<Loaded<T>, StoreError> {
    let bytes = match read_capped(path, T::MAX_BYTES).map_err(|e| StoreError::io("read", path, e))? {
        Contents::Missing => return Ok(Loaded::default()),
        Contents::TooLarge(size) => {
            let message = format!(
                "{} is {} MB, more than the {} MB a {} can be; it was left untouched and is open read-only.",
                name(path),
                size >> 20,
                T::MAX_BYTES >> 20,
                T::WHAT
            );
            notices.push(Notice::new(message.clone(), vec![path.to_owned()]));
            return Ok(Loaded { value: T::default(), existed: true, read_only: Some(message) });
        }
        Contents::Bytes(bytes) => bytes,
    };
    match parse::<T>(&bytes) {
        Parsed::Ok(value) => Ok(Loaded { value, existed: true, read_only: None }),
        Parsed::Newer(version, value) => {
            let shown = if value.is_some() { "it is open read-only" } else { "this version cannot show it" };
            let message = format!(
                "{} was written by a newer version of Bedtime Coach (format {version}, this one knows up to {}); {shown} and will not be overwritten. Update Bedtime Coach to make changes.",
                name(path),
                T::VERSION
            );
            notices.push(Notice::new(message.clone(), vec![path.to_owned()]));
            Ok(Loaded { value: value.unwrap_or_default(), existed: true, read_only: Some(message) })
        }
        Parsed::Older(version, raw) => match migrate::<T>(raw, version) {
            Ok(value) => {
                let backup = migration_backup(path, version);
                write_new_file(&backup, &bytes).map_err(|e| StoreError::io("back up", &backup, e))?;
                save(path, &value)?;
                notices.push(Notice::new(
                    format!(
                        "Your {} was updated from format {version} to {}; the old file is kept as {}.",
                        T::WHAT,
                        T::VERSION,
                        name(&backup)
                    ),
                    vec![backup],
                ));
                Ok(Loaded { value, existed: true, read_only: None })
            }
            Err(reason) => recover(path, reason, notices, now_stamp),
        },
        Parsed::Damaged(reason) => recover(path, reason, notices, now_stamp),
    }
}

/// Moves a damaged file aside and falls back to its backup, or to a fresh start.
fn recover<T: Document>(
    path: &Path,
    reason: String,
    notices: &mut Vec<Notice>,
    now_stamp: &str,
) -> Result<Loaded<T>, StoreError> {
    let aside = sibling(path, &format!(".corrupt-{now_stamp}"));
    fs::rename(path, &aside).map_err(|e| StoreError::io("move aside", path, e))?;
    let backup = sibling(path, ".bak");
    let restored = match read_capped(&backup, T::MAX_BYTES) {
        Ok(Contents::Bytes(bytes)) => match parse::<T>(&bytes) {
            Parsed::Ok(value) => Some(value),
            _ => None,
        },
        _ => None,
    };
    let (value, outcome) = match restored {
        Some(value) => {
            // Put the backup back in place so every process sees the same state.
            save(path, &value)?;
            (value, format!("the last good copy, {}, was restored", name(&backup)))
        }
        None => (T::default(), format!("no usable backup was found, so the {} starts empty", T::WHAT)),
    };
    notices.push(Notice::new(
        format!(
            "{} could not be read ({reason}); it was moved aside to {} with its contents intact, and {outcome}.",
            name(path),
            name(&aside)
        ),
        vec![aside, path.to_owned()],
    ));
    Ok(Loaded { value, existed: true, read_only: None })
}

/// The path of the backup written before a migration from `version`.
pub fn migration_backup(path: &Path, version: u64) -> PathBuf {
    sibling(path, &format!(".v{version}.bak"))
}
