//! One JSON document on disk: its format, versioned and migrated.
//!
//! Loading is where data gets lost in most apps, so every way a file can be wrong has a
//! path: missing (start fresh, or restore the backup if there is one), damaged (a copy
//! kept aside with its bytes intact, then the backup is restored), too large (refused,
//! left alone, read-only), older format (backed up, then migrated), newer format (opened
//! read-only, never rewritten). Duplicate keys and a version that is not a whole number
//! count as damage.
//!
//! This file holds what a document is: the [`Document`] kinds, how bytes parse into one
//! (and which of those cases they are), migration and serializing. Reading is split from
//! repairing: [`super::read::inspect`] only reads, so viewing needs no lock and works on
//! a read-only disk; [`super::recovery::repair`] writes, and the store calls it under
//! the lock after inspecting again.

use std::path::Path;

use serde::Serialize;
use serde::de::{DeserializeOwned, IgnoredAny};
use serde_json::Value;

use super::{StoreError, scan};
use crate::model::{Extra, Journal, ReminderLog, RoutineFile};
use crate::tr;

pub(super) const VERSION_KEY: &str = "schema_version";

/// A kind of document the store keeps.
pub trait Document: Serialize + DeserializeOwned + Default + Clone + Send + 'static {
    /// What the user calls it, as the `$what` of the store's messages: "journal".
    const WHAT: &'static str;
    /// The format this version writes.
    const VERSION: u64;
    /// Larger files are refused rather than read into memory.
    const MAX_BYTES: u64;
    /// Indented for people who open the file; compact where size and speed matter more.
    const PRETTY: bool;
    /// Small enough to keep in memory between reads (see `known`); the journal is not.
    const KEEP_IN_MEMORY: bool = true;

    fn extra_mut(&mut self) -> &mut Extra;

    /// Upgrades a document of format `from` by one step, to `from + 1`.
    fn migrate(_value: Value, from: u64) -> Result<Value, String> {
        Err(tr!("store-why-no-migration", version = from))
    }
}

impl Document for RoutineFile {
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
    const KEEP_IN_MEMORY: bool = false;

    fn extra_mut(&mut self) -> &mut Extra {
        &mut self.extra
    }

    /// Format 1 (the first development format) stored each check-in as `"done": bool`;
    /// format 2 has `"outcome": "done" | "skipped"`, leaving room for more outcomes.
    fn migrate(mut value: Value, from: u64) -> Result<Value, String> {
        if from != 1 {
            return Err(tr!("store-why-no-migration", version = from));
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
    const WHAT: &'static str = "reminder-log";
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

/// What a file's bytes hold.
pub(super) enum Parsed<T> {
    Ok(T),
    /// Written by a newer version (the format as written); `Some` when this version can
    /// still show it.
    Newer(String, Option<T>),
    Older(u64, Value),
    Damaged(String),
}

/// Where the format version is: a whole number from 1 to the current one, or above.
pub(super) enum Version {
    Current,
    Older(u64),
    Newer(String),
}

/// Only a whole JSON integer is a version; anything else (missing, negative, a string, a
/// float such as 2.0) is damage. A larger one is a newer format however large it is.
pub(super) fn version<T: Document>(raw: Option<&[u8]>) -> Result<Version, String> {
    let Some(raw) = raw else { return Err(tr!("store-why-no-version", key = VERSION_KEY)) };
    let text = String::from_utf8_lossy(raw);
    if raw.is_empty() || !raw.iter().all(u8::is_ascii_digit) {
        let shown =
            if text.len() > 24 { format!("{}…", text.chars().take(24).collect::<String>()) } else { text.into() };
        return Err(tr!("store-why-bad-version", key = VERSION_KEY, value = shown));
    }
    match text.parse::<u64>() {
        Ok(0) => Err(tr!("store-why-bad-version", key = VERSION_KEY, value = "0")),
        Ok(v) if v == T::VERSION => Ok(Version::Current),
        Ok(v) if v < T::VERSION => Ok(Version::Older(v)),
        // Above the current one, including numbers too large for any integer type.
        _ => Ok(Version::Newer(text.into_owned())),
    }
}

pub(super) fn parse<T: Document>(bytes: &[u8]) -> Parsed<T> {
    // A syntax error explains more than what the forgiving scan saw in broken text.
    let damaged = |reason: String| {
        Parsed::Damaged(serde_json::from_slice::<IgnoredAny>(bytes).err().map_or(reason, |e| e.to_string()))
    };
    let typed = || {
        serde_json::from_slice::<T>(bytes).map(|mut value| {
            value.extra_mut().remove(VERSION_KEY);
            value
        })
    };
    let (scanned, mut early) = scan_and_parse(bytes, typed);
    let scanned = match scanned {
        Ok(scanned) => scanned,
        Err(duplicate) => return damaged(duplicate),
    };
    match version::<T>(scanned.version) {
        Err(reason) => damaged(reason),
        Ok(Version::Current) => match early.take().unwrap_or_else(typed) {
            Ok(value) => Parsed::Ok(value),
            Err(error) => Parsed::Damaged(error.to_string()),
        },
        Ok(Version::Newer(version)) => Parsed::Newer(version, early.take().unwrap_or_else(typed).ok()),
        Ok(Version::Older(version)) => match serde_json::from_slice(bytes) {
            Ok(raw) => Parsed::Older(version, raw),
            Err(error) => Parsed::Damaged(error.to_string()),
        },
    }
}

/// A document at least this large is scanned on a second thread while it is parsed.
const PARALLEL_FROM: usize = 256 * 1024;

/// Scans `bytes` (see [`scan::scan`]) and, for a large document, parses it with `typed`
/// at the same time on another core, on the bet that the file is current (as it nearly
/// always is): a 10-year journal loads in the longer of the two instead of their sum.
/// The parse is `None` when it was not made (small document, no thread to be had); a
/// duplicate key or another version throws it away.
fn scan_and_parse<'a, T>(bytes: &'a [u8], typed: impl FnOnce() -> T) -> (Result<scan::Scan<'a>, String>, Option<T>) {
    if bytes.len() < PARALLEL_FROM {
        return (scan::scan(bytes), None);
    }
    std::thread::scope(|scope| {
        let scanning =
            std::thread::Builder::new().name("bedtime-coach-scan".to_owned()).spawn_scoped(scope, || scan::scan(bytes));
        match scanning {
            Ok(scanning) => {
                let parsed = typed();
                // The scan never panics (see its module); should it, scan again here.
                let scanned = scanning.join().unwrap_or_else(|_| scan::scan(bytes));
                (scanned, Some(parsed))
            }
            Err(_) => (scan::scan(bytes), None),
        }
    })
}

pub(super) fn migrate<T: Document>(mut raw: Value, from: u64) -> Result<T, String> {
    for version in from..T::VERSION {
        raw = T::migrate(raw, version)?;
    }
    if let Some(object) = raw.as_object_mut() {
        object.remove(VERSION_KEY);
    }
    serde_json::from_value(raw).map_err(|error| error.to_string())
}

/// A document with its format version first, as written.
#[derive(Serialize)]
struct Versioned<'a, T> {
    schema_version: u64,
    #[serde(flatten)]
    body: &'a T,
}

/// A document with its format version, as a JSON value to put inside another (the
/// routine inside a backup).
pub(super) fn to_value<T: Document>(value: &T) -> Result<Value, serde_json::Error> {
    serde_json::to_value(Versioned { schema_version: T::VERSION, body: value })
}

/// Serializes a document with its format version first.
pub fn to_bytes<T: Document>(value: &T) -> Result<Vec<u8>, serde_json::Error> {
    let versioned = Versioned { schema_version: T::VERSION, body: value };
    let mut bytes = if T::PRETTY { serde_json::to_vec_pretty(&versioned)? } else { serde_json::to_vec(&versioned)? };
    bytes.push(b'\n');
    Ok(bytes)
}

/// The bytes to save for `value`, refused when they could not be read back.
pub(super) fn bytes_to_save<T: Document>(path: &Path, value: &T) -> Result<Vec<u8>, StoreError> {
    bytes_to_save_within(path, value, T::MAX_BYTES)
}

/// [`bytes_to_save`], refused beyond `max` bytes (at most `T::MAX_BYTES`).
pub(super) fn bytes_to_save_within<T: Document>(path: &Path, value: &T, max: u64) -> Result<Vec<u8>, StoreError> {
    let bytes = to_bytes(value).map_err(|cause| StoreError::Encode { path: path.to_owned(), cause })?;
    let max = max.min(T::MAX_BYTES);
    if bytes.len() as u64 > max {
        return Err(StoreError::TooLarge { what: T::WHAT, path: path.to_owned(), size: bytes.len() as u64, max });
    }
    Ok(bytes)
}
