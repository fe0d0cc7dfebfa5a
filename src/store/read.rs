//! Reading a document without writing anything, as viewing needs.
//!
//! Apart from the format ([`super::document`]) and from the repairs
//! ([`super::recovery`]) because this is the half that runs with no lock and on a
//! read-only disk: it opens non-blocking, reads only regular files, never more than a
//! document may hold, and says which repair, if any, the store must make under the lock.

use std::io::{self, Read as _};
use std::path::Path;

use serde_json::Value;

use super::atomic::{self, open_nonblocking, sibling};
use super::document::{Document, Loaded, Parsed, parse};
use super::error::name;
use super::{FileNotice, IoAction, StoreError, megabytes};
use crate::tr;

/// A loaded document and the bytes its file holds now (`None`: no file), so that a
/// change that changes nothing can be noticed and not written.
pub(super) struct Read<T> {
    pub loaded: Loaded<T>,
    pub bytes: Option<Vec<u8>>,
}

/// What [`inspect`] found.
pub(super) enum Inspected<T> {
    Ready(Read<T>),
    /// Usable only after writing something: take the lock, inspect again, then
    /// [`super::recovery::repair`].
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

/// A file's bytes, or why there are none to parse.
pub(super) enum Contents {
    Missing,
    TooLarge(u64),
    Bytes(Vec<u8>),
}

/// Reads at most `limit` bytes; refuses anything but a regular file (opening a FIFO
/// without O_NONBLOCK, or reading it, would wait forever).
pub(super) fn read_capped(path: &Path, limit: u64) -> Result<Contents, StoreError> {
    let file = match open_nonblocking(path) {
        Ok(file) => file,
        Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(Contents::Missing),
        Err(error) => return Err(StoreError::io(IoAction::Read, path, error)),
    };
    if let Some(kind) = atomic::irregular_kind(&file).map_err(|e| StoreError::io(IoAction::Read, path, e))? {
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
    read().map_err(|e| StoreError::io(IoAction::Read, path, e))
}

/// Reads the document at `path` without writing anything.
pub(super) fn inspect<T: Document>(path: &Path, notices: &mut Vec<FileNotice>) -> Result<Inspected<T>, StoreError> {
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
            let message = tr!(
                "store-notice-too-large",
                path = name(path),
                size = megabytes(size),
                max = megabytes(T::MAX_BYTES),
                what = T::WHAT
            );
            notices.push(FileNotice::new(message.clone(), vec![path.to_owned()]));
            return Ok(ready(T::default(), None, Some(message)));
        }
        Contents::Bytes(bytes) => bytes,
    };
    Ok(match parse::<T>(&bytes) {
        Parsed::Ok(value) => ready(value, Some(bytes), None),
        Parsed::Newer(version, value) => {
            let message = tr!(
                "store-notice-newer",
                path = name(path),
                version = version,
                known = T::VERSION,
                shown = if value.is_some() { "readonly" } else { "hidden" }
            );
            notices.push(FileNotice::new(message.clone(), vec![path.to_owned()]));
            ready(value.unwrap_or_default(), Some(bytes), Some(message))
        }
        Parsed::Older(version, raw) => Inspected::NeedsRepair(Repair::Older { bytes, version, raw }),
        Parsed::Damaged(reason) => Inspected::NeedsRepair(Repair::Damaged { bytes, reason }),
    })
}

/// What [`inspect`] found, when it can be used without writing anything: a file of an
/// older format is migrated in memory (for files this computer only reads); `None` when
/// it is damaged, or missing beside a backup.
pub(super) fn usable<T: Document>(inspected: Inspected<T>) -> Option<Loaded<T>> {
    match inspected {
        Inspected::Ready(read) => Some(read.loaded),
        Inspected::NeedsRepair(Repair::Older { version, raw, .. }) => {
            let value = super::document::migrate::<T>(raw, version).ok()?;
            Some(Loaded { value, existed: true, read_only: None })
        }
        Inspected::NeedsRepair(_) => None,
    }
}
