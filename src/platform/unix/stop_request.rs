//! Asking the reminder service to stop, on Unix: SIGTERM to the process the owner lock
//! names. The service already takes SIGTERM on its signal thread (`signals.rs`) and stops
//! cleanly, so there is nothing more for it to listen to.

use std::io;
use std::path::Path;

/// Whether process `pid` has the file `lock` open (Linux: one of `/proc/PID/fd` is that
/// file, by device and inode). Elsewhere there is no such list to read, and the lock's
/// own checks (a regular file, no link) have to do.
#[cfg(target_os = "linux")]
fn holds_open(pid: libc::pid_t, lock: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    let Ok(lock) = std::fs::symlink_metadata(lock) else { return false };
    let Ok(open) = std::fs::read_dir(format!("/proc/{pid}/fd")) else { return false };
    open.flatten().any(|fd| std::fs::metadata(fd.path()).is_ok_and(|f| f.dev() == lock.dev() && f.ino() == lock.ino()))
}

#[cfg(not(target_os = "linux"))]
fn holds_open(_pid: libc::pid_t, _lock: &Path) -> bool {
    true
}

/// Nothing to set up: SIGTERM is the request (see [`ask`]).
pub fn listen(_key: &str, _on_stop: impl FnOnce() + Send + 'static) -> io::Result<()> {
    Ok(())
}

/// Sends SIGTERM to the service `pid`, which holds the owner lock `lock`. A pid of 0
/// (an owner that never wrote it) is refused: `kill(0)` would signal this whole process
/// group; so is 1, and on Linux any process that does not hold `lock` open (a pid written
/// into the file by hand, or a process that took the number after the service ended):
/// `PermissionDenied`, and nothing is signalled.
pub fn ask(pid: u32, _key: &str, lock: &Path) -> io::Result<()> {
    let pid = match libc::pid_t::try_from(pid) {
        Ok(pid) if pid > 1 => pid,
        _ => return Err(io::Error::from(io::ErrorKind::NotFound)),
    };
    if !holds_open(pid, lock) {
        return Err(io::Error::from(io::ErrorKind::PermissionDenied));
    }
    // SAFETY: a plain system call on a positive process id.
    match unsafe { libc::kill(pid, libc::SIGTERM) } {
        0 => Ok(()),
        _ => Err(io::Error::last_os_error()),
    }
}
