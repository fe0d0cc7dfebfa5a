//! Starting another copy of this program that outlives its starter: the reminder service
//! started by the window, the window started by a notification or the tray. Standard
//! streams go nowhere; how the child is cut loose from the starter's terminal or console
//! is the system's (`detach`). Its exit is collected on a small thread so it never lingers
//! as a zombie (or an open handle) while the starter runs.

use std::ffi::OsStr;
use std::io;
use std::path::Path;
use std::process::{Command, Stdio};
use std::thread;
use std::time::Duration;

use super::os::detached::detach;

/// Runs `program args…`, detached from this process.
pub fn spawn<I, S>(program: &Path, args: I) -> io::Result<()>
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    let mut command = Command::new(program);
    command.args(args).stdin(Stdio::null()).stdout(Stdio::null()).stderr(Stdio::null());
    detach(&mut command);
    let mut child = retrying(|| command.spawn())?;
    thread::Builder::new().name("bedtime-coach-reap".to_owned()).spawn(move || {
        let _ = child.wait();
    })?;
    Ok(())
}

/// Windows' `ERROR_INTERNAL_ERROR`, as `CreateProcess` reports a new process that ended
/// before it had started (Wine does so now and then on a busy machine).
const INTERNAL_ERROR: i32 = 1359;

/// How often a start the system said never began is tried again, and the pause before each.
const TRIES_AGAIN: u32 = 3;
const PAUSE: Duration = Duration::from_millis(250);

/// Runs `start` (a `Command`'s `spawn`, `output` or `status`), again after a short pause
/// when Windows said the new process ended before it began: that process never ran a
/// line, so starting it again does nothing twice. Any other error, and every error on
/// other systems, is returned at once. The tests start their programs through it too.
pub fn retrying<T>(mut start: impl FnMut() -> io::Result<T>) -> io::Result<T> {
    let mut tries_left = TRIES_AGAIN;
    loop {
        match start() {
            Err(error) if cfg!(windows) && error.raw_os_error() == Some(INTERNAL_ERROR) && tries_left > 0 => {
                tries_left -= 1;
                thread::sleep(PAUSE);
            }
            result => return result,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A start that fails with error 1359 `failures` times, then succeeds; and how often it ran.
    fn flaky(failures: u32) -> (impl FnMut() -> io::Result<u32>, std::rc::Rc<std::cell::Cell<u32>>) {
        let calls = std::rc::Rc::new(std::cell::Cell::new(0));
        let counted = calls.clone();
        let start = move || {
            counted.set(counted.get() + 1);
            if counted.get() <= failures {
                Err(io::Error::from_raw_os_error(INTERNAL_ERROR))
            } else {
                Ok(counted.get())
            }
        };
        (start, calls)
    }

    #[test]
    fn a_start_that_never_began_is_tried_again_on_windows_only() {
        let (start, calls) = flaky(2);
        let result = retrying(start);
        if cfg!(windows) {
            assert_eq!(result.unwrap(), 3);
        } else {
            assert_eq!(result.unwrap_err().raw_os_error(), Some(INTERNAL_ERROR));
            assert_eq!(calls.get(), 1);
        }
    }

    #[test]
    fn tries_end_and_other_errors_are_returned_at_once() {
        let (start, calls) = flaky(u32::MAX);
        assert_eq!(retrying(start).unwrap_err().raw_os_error(), Some(INTERNAL_ERROR));
        assert_eq!(calls.get(), if cfg!(windows) { TRIES_AGAIN + 1 } else { 1 });

        let mut other_calls = 0;
        let result: io::Result<()> = retrying(|| {
            other_calls += 1;
            Err(io::Error::from(io::ErrorKind::NotFound))
        });
        assert_eq!(result.unwrap_err().kind(), io::ErrorKind::NotFound);
        assert_eq!(other_calls, 1);
    }
}
