//! Asking the reminder service to stop, on Unix: SIGTERM to the process the owner lock
//! names. The service already takes SIGTERM on its signal thread (`signals.rs`) and stops
//! cleanly, so there is nothing more for it to listen to.

use std::io;

/// Nothing to set up: SIGTERM is the request (see [`ask`]).
pub fn listen(_key: &str, _on_stop: impl FnOnce() + Send + 'static) -> io::Result<()> {
    Ok(())
}

/// Sends SIGTERM to the service `pid`. A pid of 0 (an owner that never wrote it) is
/// refused: `kill(0)` would signal this whole process group.
pub fn ask(pid: u32, _key: &str) -> io::Result<()> {
    let pid = match libc::pid_t::try_from(pid) {
        Ok(pid) if pid > 0 => pid,
        _ => return Err(io::Error::from(io::ErrorKind::NotFound)),
    };
    // SAFETY: a plain system call on a positive process id.
    match unsafe { libc::kill(pid, libc::SIGTERM) } {
        0 => Ok(()),
        _ => Err(io::Error::last_os_error()),
    }
}
