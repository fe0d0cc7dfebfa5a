//! Per-computer folders on Unix: the XDG state folder (`~/.local/state/bedtime-coach`).

use std::path::{Path, PathBuf};

/// Where per-computer files go (the service's log); `None` without one.
pub fn state_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "bedtime-coach").and_then(|dirs| dirs.state_dir().map(Path::to_path_buf))
}
