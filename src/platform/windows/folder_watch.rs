//! Watching the data folders on Windows (`ReadDirectoryChangesW`) comes with part 2 of
//! the port; until then it is refused with a sentence, and the reminder service looks at
//! the files every second.

use std::io;
use std::path::Path;
use std::time::Duration;

use super::super::folder_watch::{Waited, WatchLost};
use super::super::{Concern, Unavailable};

#[derive(Debug)]
pub struct FolderWatch(());

impl FolderWatch {
    pub fn new(_folders: &[&Path]) -> io::Result<Self> {
        Err(Unavailable(Concern::FolderWatch).into())
    }

    pub fn wait(&self, _timeout: Option<Duration>) -> Result<Waited, WatchLost> {
        Err(WatchLost)
    }
}
