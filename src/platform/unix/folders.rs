//! Per-computer folders on Unix: the XDG state folder (`~/.local/state/bedtime-coach`).

use std::path::{Path, PathBuf};

/// The root of the state folder (see `store::Paths`); `None` without one.
pub fn state_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "bedtime-coach").and_then(|dirs| dirs.state_dir().map(Path::to_path_buf))
}
