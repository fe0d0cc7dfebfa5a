//! Shortcuts with an AppUserModelID are Windows' (see `windows/shortcut.rs`); Linux
//! names the app by its desktop file instead.

use std::io;
use std::path::Path;

use crate::platform::{Concern, Unavailable};

/// Says that this system has no such shortcuts.
pub fn set_app_id(_link: &Path, _id: &str) -> io::Result<()> {
    Err(Unavailable(Concern::Shortcut).into())
}
