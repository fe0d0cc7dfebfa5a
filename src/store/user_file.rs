//! A user file: a doctor summary or an export, written where the user asked for it, and
//! the summary's suggested folder and name.
//!
//! Why here: every byte this app puts on disk goes through the store, so a user file is
//! written the way the data files are, atomically (an unnamed file in the same folder,
//! flushed, then named: a killed export leaves nothing behind) and private to the user
//! (0600): it holds health notes. Unlike a data file it keeps no `.bak` and takes no lock,
//! since it is not shared state, just a file handed to the user. The store writes it
//! through `Store::write_user_file`; the summary's rendering is pure and lives in
//! `crate::summary`.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::atomic::replace_user_file;
use super::error::{IoAction, StoreError};

/// Writes `bytes` to `path` atomically with mode 0600, replacing a file already there.
/// A folder that does not exist is an error (the user named it), not created.
pub(super) fn save_user_file(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    if path.is_dir() {
        let cause = std::io::Error::from(std::io::ErrorKind::IsADirectory);
        return Err(StoreError::io(IoAction::Save, path, cause));
    }
    replace_user_file(path, bytes).map_err(|cause| StoreError::io(IoAction::Save, path, cause))
}

/// The folder a doctor summary goes to unless the user picks another: their documents folder,
/// else their home folder, else the current one.
pub fn default_summary_dir() -> PathBuf {
    directories::UserDirs::new()
        .map(|dirs| dirs.document_dir().filter(|dir| dir.is_dir()).unwrap_or(dirs.home_dir()).to_path_buf())
        .unwrap_or_else(|| PathBuf::from("."))
}

/// `bedtime-coach-summary-2026-11-27.html`: the last night's date, so summaries made for
/// different visits do not replace each other.
pub fn summary_file_name(last_evening: NaiveDate, extension: &str) -> String {
    format!("bedtime-coach-summary-{last_evening}.{extension}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn saves_private_replaces_and_refuses_a_folder() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("summary.html");
        save_user_file(&path, b"one").unwrap();
        save_user_file(&path, b"two").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"two");
        assert!(crate::platform::files::mode_of(&path).is_none_or(|mode| mode == 0o600));
        // Nothing left beside it: no temporary file, no backup.
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
        assert!(save_user_file(dir.path(), b"x").is_err());
        assert!(save_user_file(&dir.path().join("missing/summary.html"), b"x").is_err());
        let date = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
        assert_eq!(summary_file_name(date, "csv"), "bedtime-coach-summary-2026-11-27.csv");
    }
}
