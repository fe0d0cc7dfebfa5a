//! Per-computer folders on Windows: `%LOCALAPPDATA%\bedtime-coach`. The data itself is in
//! `%APPDATA%` (Roaming), which can follow the user to another computer; a log (and
//! later a device id) belongs to this computer. The `directories` crate has no state
//! folder on Windows, so the local data folder stands in.

use std::path::PathBuf;

/// Where per-computer files go (the service's log); `None` without a profile.
pub fn state_dir() -> Option<PathBuf> {
    directories::BaseDirs::new().map(|dirs| dirs.data_local_dir().join("bedtime-coach"))
}
