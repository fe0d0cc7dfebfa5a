//! Waiting for another process to save one of the app's files, without looking again
//! every second: the reminder service sleeps on the kernel's file notifications
//! (inotify) for the folders that hold the files, and wakes when something in them is
//! written, renamed into place (an atomic save), created or removed.
//!
//! What changed is not read from the events: the caller compares the files' fingerprint
//! as before, so a lock file touched or a temporary file written wakes it for nothing
//! worse than three `stat` calls. Where inotify cannot be had (no more watches, a folder
//! missing, the folder itself removed), [`FolderWatch::new`] or [`FolderWatch::wait`]
//! says so and the caller goes back to looking every second.

use std::io;
use std::mem::MaybeUninit;
use std::os::fd::OwnedFd;
use std::path::Path;
use std::time::Duration;

use rustix::event::{PollFd, PollFlags, Timespec, poll};
use rustix::fs::inotify::{self, CreateFlags, ReadFlags, WatchFlags};

use super::super::folder_watch::{Waited, WatchLost};

/// The folders of the app's files, watched.
#[derive(Debug)]
pub struct FolderWatch {
    fd: OwnedFd,
}

impl FolderWatch {
    /// Watches `folders`; an error where that is not possible.
    pub fn new(folders: &[&Path]) -> io::Result<Self> {
        let fd = inotify::init(CreateFlags::CLOEXEC | CreateFlags::NONBLOCK)?;
        let flags = WatchFlags::CLOSE_WRITE
            | WatchFlags::MOVED_TO
            | WatchFlags::MOVED_FROM
            | WatchFlags::CREATE
            | WatchFlags::DELETE
            | WatchFlags::DELETE_SELF
            | WatchFlags::MOVE_SELF
            | WatchFlags::ONLYDIR;
        for folder in folders {
            inotify::add_watch(&fd, *folder, flags)?;
        }
        Ok(Self { fd })
    }

    /// Waits until something in the folders changes, or `timeout` passes (`None`: no
    /// limit).
    pub fn wait(&self, timeout: Option<Duration>) -> Result<Waited, WatchLost> {
        let timeout = timeout.map(|limit| Timespec {
            tv_sec: i64::try_from(limit.as_secs()).unwrap_or(i64::MAX),
            tv_nsec: i64::from(limit.subsec_nanos()),
        });
        let mut fds = [PollFd::new(&self.fd, PollFlags::IN)];
        match poll(&mut fds, timeout.as_ref()) {
            Ok(0) => return Ok(Waited::TimedOut),
            Ok(_) => {}
            // A signal: nothing changed that we know of; the caller looks anyway.
            Err(rustix::io::Errno::INTR) => return Ok(Waited::Changed),
            Err(_) => return Err(WatchLost),
        }
        self.drain()
    }

    /// Reads every waiting event; a folder gone ends the watch.
    fn drain(&self) -> Result<Waited, WatchLost> {
        let mut buffer = [MaybeUninit::<u8>::uninit(); 4096];
        let mut events = inotify::Reader::new(&self.fd, &mut buffer);
        let gone = ReadFlags::IGNORED | ReadFlags::DELETE_SELF | ReadFlags::MOVE_SELF | ReadFlags::UNMOUNT;
        loop {
            match events.next() {
                Ok(event) if event.events().intersects(gone) => return Err(WatchLost),
                Ok(_) => {}
                Err(rustix::io::Errno::WOULDBLOCK) => return Ok(Waited::Changed),
                Err(rustix::io::Errno::INTR) => {}
                Err(_) => return Err(WatchLost),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // The test every system's watch passes is in `platform::folder_watch`.

    #[test]
    fn a_removed_folder_ends_the_watch_and_a_missing_one_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("data");
        std::fs::create_dir(&folder).unwrap();
        let watch = FolderWatch::new(&[&folder]).expect("inotify");
        std::fs::remove_dir(&folder).unwrap();
        let lost = (0..10).any(|_| watch.wait(Some(Duration::from_secs(1))) == Err(WatchLost));
        assert!(lost, "a removed folder was not noticed");
        assert!(FolderWatch::new(&[&folder]).is_err());
    }
}
