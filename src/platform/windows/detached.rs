//! Starting another copy of this program that outlives its starter: the reminder service
//! started by the window, the window started by a notification or the tray.
//!
//! On Windows the child gets no console (`CREATE_NO_WINDOW`: no window flashes up, and a
//! console window closed later does not end it) and a process group of its own
//! (`CREATE_NEW_PROCESS_GROUP`: a Ctrl+C in the starter's console does not reach it);
//! standard streams go nowhere. The handle is closed on a small thread once it ends.

use std::ffi::OsStr;
use std::io;
use std::os::windows::process::CommandExt;
use std::path::Path;
use std::process::{Command, Stdio};
use std::thread;

use windows_sys::Win32::System::Threading::{CREATE_NEW_PROCESS_GROUP, CREATE_NO_WINDOW};

/// Runs `program args…`, detached from this process.
pub fn spawn<I, S>(program: &Path, args: I) -> io::Result<()>
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    let mut command = Command::new(program);
    command.args(args).stdin(Stdio::null()).stdout(Stdio::null()).stderr(Stdio::null());
    command.creation_flags(CREATE_NO_WINDOW | CREATE_NEW_PROCESS_GROUP);
    let mut child = command.spawn()?;
    thread::Builder::new().name("bedtime-coach-reap".to_owned()).spawn(move || {
        let _ = child.wait();
    })?;
    Ok(())
}
