//! The store's lock: one read-modify-write at a time across processes.
//!
//! Separate from [`super::Store`] because waiting well is its own job: a change never
//! blocks on the lock, it polls, says once after a second whom it is waiting for, and
//! gives up with [`StoreError::Busy`] after the timeout, so neither the window nor the
//! reminder service can hang behind another process. (The reminder owner lock in
//! `owner.rs` is a different lock, held for as long as a process sends reminders.)

use std::fs::{File, TryLockError};
use std::io;
use std::path::Path;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use super::atomic::{self, create_private_dir};
use super::{IoAction, Paths, StoreError};
use crate::i18n::pid_or_none;
use crate::tr;

/// Told what the store is waiting for, once per wait (the CLI prints it).
pub type WaitCallback = Box<dyn Fn(&str) + Send + Sync>;

/// Held while changing the files; dropping it clears the pid and unlocks.
pub(super) struct LockGuard(File);

impl Drop for LockGuard {
    fn drop(&mut self) {
        let _ = self.0.set_len(0);
    }
}

/// How long a change waits for another process before saying so.
const SAY_WAIT_AFTER: Duration = Duration::from_secs(1);

fn pid_in(path: &Path) -> Option<u32> {
    std::fs::read_to_string(path).ok().and_then(|text| text.trim().parse().ok())
}

/// Takes the exclusive lock for a change; when another process holds it, waits (see
/// [`wait_for`]) for at most `timeout`.
pub(super) fn acquire(
    paths: &Paths,
    timeout: Duration,
    wait_callback: Option<&WaitCallback>,
) -> Result<LockGuard, StoreError> {
    let read_only = |dir: &Path, error: io::Error, action| {
        if crate::platform::files::is_read_only_file_system(&error) {
            StoreError::ReadOnlyFileSystem { path: dir.to_owned() }
        } else {
            StoreError::io(action, dir, error)
        }
    };
    for dir in [&paths.data_dir, &paths.config_dir, &paths.state_dir] {
        create_private_dir(dir).map_err(|e| read_only(dir, e, IoAction::CreateFolder))?;
    }
    let path = paths.lock_file();
    let file = open_lock_file(&path, |error| read_only(&paths.data_dir, error, IoAction::OpenLockFile))?;
    match file.try_lock() {
        Ok(()) => {}
        Err(TryLockError::WouldBlock) => wait_for(&file, &path, timeout, wait_callback)?,
        Err(TryLockError::Error(error)) => return Err(StoreError::io(IoAction::Lock, &path, error)),
    }
    // Only for messages: a waiting process can name who holds the lock.
    let _ = file
        .set_len(0)
        .and_then(|()| crate::platform::files::write_at(&file, format!("{}\n", std::process::id()).as_bytes(), 0));
    Ok(LockGuard(file))
}

/// Opens the lock file `path`, made private if new, never blocking: something else in its
/// place (a folder, a FIFO) is refused as what it is; any other failure to open it is
/// `failed`'s error.
pub(super) fn open_lock_file(path: &Path, failed: impl FnOnce(io::Error) -> StoreError) -> Result<File, StoreError> {
    let file = match atomic::open_private(path) {
        Ok(file) => file,
        // A folder in its place does not open for writing (EISDIR; "access denied" on
        // Windows): said as what it is, like any other file that is not a file.
        Err(error) => match std::fs::symlink_metadata(path).ok().and_then(|meta| atomic::kind_of(meta.file_type())) {
            Some(kind) => return Err(StoreError::NotRegular { path: path.to_owned(), kind }),
            None => return Err(failed(error)),
        },
    };
    match atomic::irregular_kind(&file).map_err(|e| StoreError::io(IoAction::OpenLockFile, path, e))? {
        Some(kind) => Err(StoreError::NotRegular { path: path.to_owned(), kind }),
        None => Ok(file),
    }
}

/// Waits for the lock held by another process: a thread blocks in `flock` on a second
/// descriptor of the same open file (so the kernel wakes it the moment the lock is free,
/// rather than a poll that can keep missing a busy writer), while this thread says once
/// after a second whom it is waiting for and gives up after `timeout`. A waiter that
/// gets the lock after the give-up closes its descriptor at once, which releases it.
fn wait_for(
    file: &File,
    path: &Path,
    timeout: Duration,
    wait_callback: Option<&WaitCallback>,
) -> Result<(), StoreError> {
    let busy = |waited| StoreError::Busy { path: path.to_owned(), pid: pid_in(path), waited };
    if timeout.is_zero() {
        return Err(busy(Duration::ZERO));
    }
    let waiter = file.try_clone().map_err(|e| StoreError::io(IoAction::Lock, path, e))?;
    let (locked, result) = mpsc::channel();
    std::thread::Builder::new()
        .name("bedtime-coach-lock".into())
        .spawn(move || {
            let _ = locked.send(waiter.lock());
        })
        .map_err(|e| StoreError::io(IoAction::Lock, path, e))?;
    let start = Instant::now();
    let mut said = false;
    loop {
        let waited = start.elapsed();
        let next_look = if said { timeout } else { SAY_WAIT_AFTER.min(timeout) };
        match result.recv_timeout(next_look.saturating_sub(waited)) {
            Ok(Ok(())) => return Ok(()),
            Ok(Err(error)) => return Err(StoreError::io(IoAction::Lock, path, error)),
            Err(mpsc::RecvTimeoutError::Disconnected) => {
                return Err(StoreError::io(IoAction::Lock, path, io::Error::other("the waiting thread ended")));
            }
            Err(mpsc::RecvTimeoutError::Timeout) => {
                let waited = start.elapsed();
                if waited >= timeout {
                    return Err(busy(waited));
                }
                if !said {
                    said = true;
                    if let Some(say) = wait_callback {
                        say(&tr!("store-waiting", pid = pid_or_none(pid_in(path))));
                    }
                }
            }
        }
    }
}
