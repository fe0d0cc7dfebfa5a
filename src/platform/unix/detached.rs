//! A detached child on Unix gets its own process group, so a Ctrl+C in the terminal that
//! started the window does not reach the service. It also starts with no signal blocked:
//! the reminder service blocks SIGHUP, SIGTERM and SIGINT to take them on a thread of its
//! own, and a window it opened from a notification inherited that mask, so `kill` and the
//! session's ending could not close it.

use std::os::unix::process::CommandExt;
use std::process::Command;

pub fn detach(command: &mut Command) {
    command.process_group(0);
    // SAFETY: between fork and exec only async-signal-safe calls on a set owned here.
    unsafe {
        command.pre_exec(|| {
            let mut none: libc::sigset_t = std::mem::zeroed();
            libc::sigemptyset(&mut none);
            match libc::pthread_sigmask(libc::SIG_SETMASK, &none, std::ptr::null_mut()) {
                0 => Ok(()),
                error => Err(std::io::Error::from_raw_os_error(error)),
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use std::time::{Duration, Instant};

    /// A child started while this thread blocks the service's signals starts with none
    /// blocked. The child is `cp` copying its own /proc status (a shell would clear the
    /// mask itself and hide the inherited one).
    #[test]
    fn a_detached_child_starts_with_no_signal_blocked() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("status");
        std::thread::spawn({
            let out = out.clone();
            move || {
                let _blocked = crate::platform::signals::block().unwrap();
                let args = [std::ffi::OsStr::new("/proc/self/status"), out.as_os_str()];
                crate::platform::detached::spawn(std::path::Path::new("cp"), args).unwrap();
            }
        })
        .join()
        .unwrap();
        let start = Instant::now();
        let mut status = String::new();
        while !status.contains("SigIgn") && start.elapsed() < Duration::from_secs(10) {
            std::thread::sleep(Duration::from_millis(20));
            status = std::fs::read_to_string(&out).unwrap_or_default();
        }
        let mask = status.lines().find(|line| line.starts_with("SigBlk:")).unwrap_or_default().to_owned();
        assert_eq!(mask.split_whitespace().nth(1), Some("0000000000000000"), "{status}");
    }
}
