//! Per-computer folders on Windows: `%LOCALAPPDATA%\bedtime-coach`. The data itself is in
//! `%APPDATA%` (Roaming), which can follow the user to another computer; the locks, the
//! reminder log, the device id and the log belong to this computer. The `directories`
//! crate has no state folder on Windows, so the local data folder stands in.

use std::path::PathBuf;

/// The root of the state folder (see `store::Paths`); `None` without a profile.
pub fn state_dir() -> Option<PathBuf> {
    directories::BaseDirs::new().map(|dirs| dirs.data_local_dir().join("bedtime-coach"))
}
