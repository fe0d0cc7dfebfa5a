//! Starting another copy of this program that outlives its starter: the reminder service
//! started by the window, the window started by a notification or the tray.
//!
//! On Unix the child gets its own process group, so a Ctrl+C in the terminal that started
//! the window does not reach the service, and standard streams go nowhere. Its exit is
//! collected on a small thread so it never lingers as a zombie while the starter runs.

use std::ffi::OsStr;
use std::io;
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Command, Stdio};
use std::thread;

/// Runs `program args…`, detached from this process.
pub fn spawn<I, S>(program: &Path, args: I) -> io::Result<()>
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    let mut command = Command::new(program);
    command.args(args).stdin(Stdio::null()).stdout(Stdio::null()).stderr(Stdio::null());
    command.process_group(0);
    let mut child = command.spawn()?;
    thread::Builder::new().name("bedtime-coach-reap".to_owned()).spawn(move || {
        let _ = child.wait();
    })?;
    Ok(())
}
