//! The store's lock: one read-modify-write at a time across processes.
//!
//! Separate from [`super::Store`] because waiting well is its own job: a change never
//! blocks on the lock, it polls, says once after a second whom it is waiting for, and
//! gives up with [`StoreError::Busy`] after the timeout, so neither the window nor the
//! reminder service can hang behind another process. (The reminder owner lock in
//! `owner.rs` is a different lock, held for as long as a process sends reminders.)

use std::fs::{File, TryLockError};
use std::io;
use std::os::unix::fs::FileExt;
use std::path::Path;
use std::time::{Duration, Instant};

use super::atomic::{self, create_private_dir};
use super::{Paths, StoreError};

/// Told what the store is waiting for, once per wait (the CLI prints it).
pub type WaitReporter = Box<dyn Fn(&str) + Send + Sync>;

/// Held while changing the files; dropping it clears the pid and unlocks.
pub(super) struct LockGuard(File);

impl Drop for LockGuard {
    fn drop(&mut self) {
        let _ = self.0.set_len(0);
    }
}

/// How long a change waits for another process before saying so.
const REPORT_WAIT_AFTER: Duration = Duration::from_secs(1);

fn pid_in(path: &Path) -> Option<u32> {
    std::fs::read_to_string(path).ok().and_then(|text| text.trim().parse().ok())
}

/// Takes the exclusive lock for a change: polls without blocking, says once after a
/// second whom it is waiting for, and gives up after `timeout`.
pub(super) fn acquire(
    paths: &Paths,
    timeout: Duration,
    wait_reporter: Option<&WaitReporter>,
) -> Result<LockGuard, StoreError> {
    let read_only = |dir: &Path, error: io::Error, action| {
        if error.raw_os_error() == Some(libc::EROFS) {
            StoreError::ReadOnlyFileSystem { path: dir.to_owned() }
        } else {
            StoreError::io(action, dir, error)
        }
    };
    for dir in [&paths.data_dir, &paths.config_dir] {
        create_private_dir(dir).map_err(|e| read_only(dir, e, "create the folder"))?;
    }
    let path = paths.lock_file();
    let file = atomic::open_private(&path).map_err(|e| read_only(&paths.data_dir, e, "open the lock file"))?;
    if let Some(kind) = atomic::irregular_kind(&file).map_err(|e| StoreError::io("open the lock file", &path, e))? {
        return Err(StoreError::NotRegular { path, kind });
    }
    let start = Instant::now();
    let mut reported = false;
    loop {
        match file.try_lock() {
            Ok(()) => break,
            Err(TryLockError::WouldBlock) => {
                let waited = start.elapsed();
                if waited >= timeout {
                    return Err(StoreError::Busy { path, pid: pid_in(&paths.lock_file()), waited });
                }
                if !reported && waited >= REPORT_WAIT_AFTER {
                    reported = true;
                    if let Some(report) = wait_reporter {
                        let who = pid_in(&path).map(|p| format!(" (process {p})")).unwrap_or_default();
                        report(&format!("Waiting for another Bedtime Coach process{who} to finish with its files…"));
                    }
                }
                std::thread::sleep(Duration::from_millis(20));
            }
            Err(TryLockError::Error(error)) => return Err(StoreError::io("lock", &path, error)),
        }
    }
    // Only for messages: a waiting process can name who holds the lock.
    let _ = file.set_len(0).and_then(|()| file.write_all_at(format!("{}\n", std::process::id()).as_bytes(), 0));
    Ok(LockGuard(file))
}
