//! The reminder owner lock: which process sends reminders.
//!
//! Two notifications for one reminder must never happen, whether the window or the
//! background service started first. Exactly one process owns the reminders, and owning
//! means holding an exclusive `flock` on `reminders.lock` for as long as it sends them.
//! The kernel drops the lock when the process dies, so a crash never leaves a stale
//! owner. The store's own lock is different: it is held only for a read-modify-write.
//! The owner writes its process id into the file so others can name it in messages.

use std::fs::{self, File, TryLockError};
use std::io::{self, Write};

use super::atomic::{create_private_dir, open_private};
use super::{IoAction, Paths, StoreError};

/// Held while this process owns the reminders; dropping it hands them over.
#[derive(Debug)]
pub struct OwnerLock {
    file: File,
}

impl Drop for OwnerLock {
    /// Clears the pid before the lock goes (with the file), so the next owner's readers
    /// never see a stale one; only a crashed owner leaves its pid behind.
    fn drop(&mut self) {
        let _ = self.file.set_len(0);
    }
}

impl OwnerLock {
    /// Whether the file this process holds is still the one at its path. A data folder
    /// removed or renamed (or `reminders.lock` removed) leaves this process owning a file
    /// nobody else can find, so a service started on the folder at the usual place would
    /// own the reminders too and send every one again. Only a file shown to be gone or
    /// replaced counts; a `stat` that fails otherwise says nothing.
    pub fn is_current(&self, paths: &Paths) -> bool {
        use crate::platform::files::{id_and_metadata, id_of_open};
        let Ok(held) = id_of_open(&self.file) else { return true };
        match id_and_metadata(&paths.reminder_owner_file()) {
            Ok((there, _)) => there == held,
            Err(error) => !matches!(error.kind(), io::ErrorKind::NotFound | io::ErrorKind::NotADirectory),
        }
    }

    /// Takes ownership if nobody holds it: `Ok(None)` when another owner does (another
    /// process, or another `OwnerLock` in this one).
    pub fn try_acquire(paths: &Paths) -> Result<Option<OwnerLock>, StoreError> {
        let dir = &paths.state_dir;
        create_private_dir(dir).map_err(|e| StoreError::io(IoAction::CreateFolder, dir, e))?;
        let path = paths.reminder_owner_file();
        let file = open_private(&path).map_err(|e| StoreError::io(IoAction::OpenLockFile, &path, e))?;
        // `owner_pid` probes with a brief shared lock; a few retries make sure a probe
        // caught at the wrong moment is not mistaken for an owner.
        let mut attempts = 0;
        loop {
            match file.try_lock() {
                Ok(()) => break,
                Err(TryLockError::WouldBlock) if attempts < 5 => {
                    attempts += 1;
                    std::thread::sleep(std::time::Duration::from_millis(20));
                }
                Err(TryLockError::WouldBlock) => return Ok(None),
                Err(TryLockError::Error(error)) => return Err(StoreError::io(IoAction::Lock, &path, error)),
            }
        }
        let write_pid = |mut file: &File| -> io::Result<()> {
            file.set_len(0)?;
            file.write_all(format!("{}\n", std::process::id()).as_bytes())
        };
        // The pid is only for messages; owning works without it.
        let _ = write_pid(&file);
        Ok(Some(OwnerLock { file }))
    }
}

/// The process id of the current owner, or `None` when nobody owns the reminders.
///
/// Returns this process's own id while an [`OwnerLock`] is held here.
pub fn owner_pid(paths: &Paths) -> Option<u32> {
    let path = paths.reminder_owner_file();
    // The app's own lock: a link or anything but a regular file is not one (a FIFO
    // would block the open, a link could name another process's file).
    if !fs::symlink_metadata(&path).is_ok_and(|meta| meta.is_file()) {
        return None;
    }
    let mut file = super::atomic::open_nonblocking(&path).ok()?;
    if !file.metadata().is_ok_and(|meta| meta.is_file()) {
        return None;
    }
    // Shared, so that probes never block each other; it goes away with `file`.
    match file.try_lock_shared() {
        // Nobody owns it.
        Ok(()) => None,
        Err(TryLockError::WouldBlock) => {
            // The owner writes its pid right after locking; a reader can come in between,
            // so an empty file gets a few short retries. An owner that still has not
            // written it is an owner all the same (pid 0: unknown).
            for _ in 0..20 {
                let mut text = String::new();
                let read = io::Seek::rewind(&mut file).and_then(|()| io::Read::read_to_string(&mut file, &mut text));
                let pid = read.ok().and_then(|_| text.trim().parse().ok());
                if let Some(pid) = pid {
                    return Some(pid);
                }
                std::thread::sleep(std::time::Duration::from_millis(5));
            }
            Some(0)
        }
        Err(TryLockError::Error(_)) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_owner_at_a_time() {
        let dir = tempfile::tempdir().unwrap();
        let paths = Paths::in_dir(dir.path());
        assert_eq!(owner_pid(&paths), None);
        let first = OwnerLock::try_acquire(&paths).unwrap().expect("free");
        assert!(OwnerLock::try_acquire(&paths).unwrap().is_none());
        assert_eq!(owner_pid(&paths), Some(std::process::id()));
        drop(first);
        // Another test thread of this binary may be spawning a process at this moment: its
        // forked child shares the lock's open file until it execs, so wait that moment out.
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(2);
        while owner_pid(&paths).is_some() && std::time::Instant::now() < deadline {
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        assert_eq!(owner_pid(&paths), None);
        assert!(OwnerLock::try_acquire(&paths).unwrap().is_some());
    }

    /// Unix only: Windows does not let a folder be renamed or removed while a file in it
    /// is open, so the owner's folder cannot go from under it there.
    #[test]
    #[cfg(unix)]
    fn a_removed_or_renamed_folder_is_noticed() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("data");
        let paths = Paths::in_dir(&folder);
        let lock = OwnerLock::try_acquire(&paths).unwrap().expect("free");
        assert!(lock.is_current(&paths));
        std::fs::rename(&folder, dir.path().join("moved")).unwrap();
        assert!(!lock.is_current(&paths), "renamed");
        // A new folder at the old place, with a new owner: not this one's any more.
        let second = OwnerLock::try_acquire(&paths).unwrap().expect("a new file, a new lock");
        assert!(!lock.is_current(&paths));
        assert!(second.is_current(&paths));
        std::fs::remove_dir_all(&folder).unwrap();
        assert!(!second.is_current(&paths), "removed");
    }
}
