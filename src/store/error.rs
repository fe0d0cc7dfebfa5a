//! What the store tells its callers: errors and the reports the user must see once.
//!
//! Kept apart from [`super::Store`] because every file of the store produces them, and
//! their wording (one sentence naming the file and its cause) is a job of its own.

use std::io;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Something went wrong with the files; each message is one sentence for the user that
/// names the file and gives its cause once (no error here has a `source`, so printing
/// an error chain cannot repeat the cause).
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("Could not {action} {}: {cause}.", path.display())]
    Io { action: &'static str, path: PathBuf, cause: io::Error },
    #[error("Could not write {}: {cause}.", path.display())]
    Encode { path: PathBuf, cause: serde_json::Error },
    #[error("Nothing was changed: {0}")]
    ReadOnly(String),
    #[error("Could not find your home folder; pass --data-dir DIR to choose where the files go.")]
    NoHome,
    #[error(
        "Nothing was saved: your {what} would be {}, more than the {} that {} may hold, so it could not be read back.",
        megabytes(*size), megabytes(*max), path.display()
    )]
    TooLarge { what: &'static str, path: PathBuf, size: u64, max: u64 },
    #[error("{} is not a regular file ({kind}); move it away, then try again.", path.display())]
    NotRegular { path: PathBuf, kind: &'static str },
    #[error(
        "{} is a link to {}, which does not exist; reconnect the drive or restore that file, or remove the link to start afresh.",
        path.display(), target.display()
    )]
    DanglingLink { path: PathBuf, target: PathBuf },
    #[error("{} is a file, not a folder; move it away or choose another folder with --data-dir.", path.display())]
    NotAFolder { path: PathBuf },
    #[error("Nothing was changed: {} is on a read-only file system.", path.display())]
    ReadOnlyFileSystem { path: PathBuf },
    #[error(
        "Nothing was changed: another Bedtime Coach process{} kept {} locked for {} s; try again once it has finished.",
        pid.map(|p| format!(" (process {p})")).unwrap_or_default(), path.display(), waited.as_secs()
    )]
    Busy { path: PathBuf, pid: Option<u32>, waited: Duration },
}

impl StoreError {
    pub fn io(action: &'static str, path: &Path, cause: io::Error) -> Self {
        Self::Io { action, path: path.to_owned(), cause }
    }
}

/// A size for messages, with one decimal: "4.1 MB".
pub(crate) fn megabytes(bytes: u64) -> String {
    format!("{:.1} MB", bytes as f64 / (1u64 << 20) as f64)
}

/// A path for messages.
pub(super) fn name(path: &Path) -> String {
    path.display().to_string()
}

/// Something the user must be told once: a file moved aside, restored or migrated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileReport {
    pub message: String,
    /// The files it is about, for "open folder" buttons.
    pub paths: Vec<PathBuf>,
}

impl FileReport {
    pub fn new(message: String, paths: Vec<PathBuf>) -> Self {
        Self { message, paths }
    }
}
