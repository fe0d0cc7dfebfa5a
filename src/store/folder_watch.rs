//! Waiting for another process to save one of the app's files, without looking again
//! every second: the system's file notifications for the folders that hold the files
//! (see [`crate::platform::folder_watch`]). What changed is not read from them: the
//! caller compares the files' fingerprint, so a lock file touched wakes it for nothing
//! worse than three `stat` calls.

use std::io;
use std::time::Duration;

pub use crate::platform::folder_watch::{Waited, WatchLost};

use super::Paths;

/// The folders of the app's files, watched.
#[derive(Debug)]
pub struct FolderWatch(crate::platform::folder_watch::FolderWatch);

impl FolderWatch {
    /// Watches the folders of the files in `paths`; an error (a sentence for the log)
    /// where that is not possible: the caller looks every second instead.
    pub fn new(paths: &Paths) -> io::Result<Self> {
        // The journal's months are saved in a folder of their own, which must exist to
        // be watched: made here when the data folder is there (it is made at the first
        // save otherwise, and then watched by the next watch).
        let months = paths.data_dir.join(super::MONTHS_FOLDER);
        if paths.data_dir.is_dir() && !months.is_dir() {
            super::create_private_dir(&months)?;
        }
        // This computer's state folder too: the reminder log and the owner lock are there
        // (a snooze from a notification's button, another service starting).
        if paths.data_dir.is_dir() && !paths.state_dir.is_dir() {
            super::create_private_dir(&paths.state_dir)?;
        }
        // Names given to the computers arrive in theirs (made at the first name given).
        let computers = paths.data_dir.join(super::COMPUTERS_FOLDER);
        let mut folders = vec![paths.config_dir.as_path(), paths.data_dir.as_path()];
        for folder in [months.as_path(), paths.state_dir.as_path(), computers.as_path()] {
            if folder.is_dir() && !folders.contains(&folder) {
                folders.push(folder);
            }
        }
        crate::platform::folder_watch::FolderWatch::new(&folders).map(FolderWatch)
    }

    /// Waits until something in the folders changes, or `timeout` passes (`None`: no
    /// limit).
    pub fn wait(&self, timeout: Option<Duration>) -> Result<Waited, WatchLost> {
        self.0.wait(timeout)
    }
}
