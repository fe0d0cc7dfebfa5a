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
    let mut child = command.spawn()?;
    thread::Builder::new().name("bedtime-coach-reap".to_owned()).spawn(move || {
        let _ = child.wait();
    })?;
    Ok(())
}
