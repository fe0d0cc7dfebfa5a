//! What the store tells its callers: errors and the notices the user must see once.
//!
//! Kept apart from [`super::Store`] because every file of the store produces them, and
//! their wording (one sentence naming the file and its cause) is a job of its own.

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};
use std::time::Duration;

pub(crate) use crate::i18n::megabytes;
use crate::i18n::pid_or_none;
use crate::tr;

/// Something went wrong with the files; each message is one sentence for the user, in
/// their language, that names the file and gives its cause once (no error here has a
/// `source`, so printing an error chain cannot repeat the cause).
#[derive(Debug)]
pub enum StoreError {
    Io {
        action: IoAction,
        path: PathBuf,
        cause: io::Error,
    },
    /// This program's own path could not be found (for the autostart entry).
    ThisProgram {
        cause: io::Error,
    },
    Encode {
        path: PathBuf,
        cause: serde_json::Error,
    },
    /// The document is open read-only; why, as the notice said it.
    ReadOnly(String),
    NoHome,
    /// `what` is a [`super::Document::WHAT`].
    TooLarge {
        what: &'static str,
        path: PathBuf,
        size: u64,
        max: u64,
    },
    /// `kind` is what `atomic::irregular_kind` found.
    NotRegular {
        path: PathBuf,
        kind: &'static str,
    },
    DanglingLink {
        path: PathBuf,
        target: PathBuf,
    },
    NotAFolder {
        path: PathBuf,
    },
    /// A folder chosen as the data folder whose name is not Unicode, which the choice's
    /// file cannot hold.
    NotUnicode {
        path: PathBuf,
    },
    ReadOnlyFileSystem {
        path: PathBuf,
    },
    Busy {
        path: PathBuf,
        pid: Option<u32>,
        waited: Duration,
    },
}

/// What could not be done to a file, for [`StoreError::Io`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IoAction {
    CreateFolder,
    OpenLockFile,
    Lock,
    ReadLink,
    Read,
    Save,
    Find,
    BackUp,
    Restore,
    MoveAside,
    KeepDamagedCopy,
    Remove,
}

impl IoAction {
    /// The selector in `store-error-io`.
    fn key(self) -> &'static str {
        match self {
            IoAction::CreateFolder => "create-folder",
            IoAction::OpenLockFile => "open-lock-file",
            IoAction::Lock => "lock",
            IoAction::ReadLink => "read-link",
            IoAction::Read => "read",
            IoAction::Save => "save",
            IoAction::Find => "find",
            IoAction::BackUp => "back-up",
            IoAction::Restore => "restore",
            IoAction::MoveAside => "move-aside",
            IoAction::KeepDamagedCopy => "keep-damaged-copy",
            IoAction::Remove => "remove",
        }
    }
}

impl StoreError {
    pub fn io(action: IoAction, path: &Path, cause: io::Error) -> Self {
        Self::Io { action, path: path.to_owned(), cause }
    }
}

impl std::error::Error for StoreError {}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = match self {
            StoreError::Io { action, path, cause } => {
                tr!("store-error-io", action = action.key(), path = name(path), cause = cause.to_string())
            }
            StoreError::ThisProgram { cause } => tr!("store-error-this-program", cause = cause.to_string()),
            StoreError::Encode { path, cause } => {
                tr!("store-error-encode", path = name(path), cause = cause.to_string())
            }
            StoreError::ReadOnly(reason) => tr!("store-error-read-only", reason = reason.as_str()),
            StoreError::NoHome => tr!("store-error-no-home"),
            StoreError::TooLarge { what, path, size, max } => tr!(
                "store-error-too-large",
                what = *what,
                size = megabytes(*size),
                max = megabytes(*max),
                path = name(path)
            ),
            StoreError::NotRegular { path, kind } => tr!("store-error-not-regular", path = name(path), kind = *kind),
            StoreError::DanglingLink { path, target } => {
                tr!("store-error-dangling-link", path = name(path), target = name(target))
            }
            StoreError::NotAFolder { path } => tr!("store-error-not-a-folder", path = name(path)),
            StoreError::NotUnicode { path } => tr!("store-error-not-unicode", path = name(path)),
            StoreError::ReadOnlyFileSystem { path } => tr!("store-error-read-only-file-system", path = name(path)),
            StoreError::Busy { path, pid, waited } => tr!(
                "store-error-busy",
                pid = pid_or_none(*pid),
                path = name(path),
                seconds = waited.as_secs().to_string()
            ),
        };
        f.write_str(&text)
    }
}

/// A path for messages.
pub(super) fn name(path: &Path) -> String {
    path.display().to_string()
}

/// Something the user must be told once: a file moved aside, restored or migrated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileNotice {
    pub message: String,
    /// The files it is about, for "open folder" buttons.
    pub paths: Vec<PathBuf>,
}

impl FileNotice {
    pub fn new(message: String, paths: Vec<PathBuf>) -> Self {
        Self { message, paths }
    }
}
