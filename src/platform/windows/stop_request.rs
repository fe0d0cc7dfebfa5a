//! Asking the reminder service to stop, on Windows, where there is no SIGTERM to send:
//! a named event per data folder, `Local\<folder key>-stop`. The service creates it and
//! a thread of its own waits on it; `remind --stop` (which the installer and the
//! uninstaller run) opens it and sets it, then waits for the owner lock to be free.
//!
//! `Local\` is this logon session's namespace, as the data folder is this user's. The
//! event is manual-reset, so a request set while the service was busy is still there when
//! its thread waits; the service resets it when it creates it, so a request left over from
//! an earlier service (the event lives while anyone holds a handle) does not stop a new one.

use std::io;
use std::iter::once;

use std::os::windows::io::AsRawHandle;

use windows_sys::Win32::Foundation::WAIT_OBJECT_0;

use super::owned;
use windows_sys::Win32::System::Threading::{
    CreateEventW, EVENT_MODIFY_STATE, INFINITE, OpenEventW, ResetEvent, SetEvent, WaitForSingleObject,
};

fn name(key: &str) -> Vec<u16> {
    format!("Local\\{key}-stop").encode_utf16().chain(once(0)).collect()
}

/// Creates the event for `key` and calls `on_stop` on a thread of its own once someone
/// sets it.
pub fn listen(key: &str, on_stop: impl FnOnce() + Send + 'static) -> io::Result<()> {
    let name = name(key);
    // SAFETY: `name` is a NUL-terminated UTF-16 string that outlives the call.
    let event = owned(unsafe { CreateEventW(std::ptr::null(), 1, 0, name.as_ptr()) })?;
    // SAFETY: a valid event handle.
    unsafe { ResetEvent(event.as_raw_handle()) };
    std::thread::Builder::new().name("bedtime-coach-stop".to_owned()).spawn(move || {
        // SAFETY: a valid event handle, owned by this thread.
        if unsafe { WaitForSingleObject(event.as_raw_handle(), INFINITE) } == WAIT_OBJECT_0 {
            on_stop();
        }
    })?;
    Ok(())
}

/// Sets the event of the service on `key`. "Not found" when no service listens there (none
/// runs, or one from a version before this request existed).
pub fn ask(_pid: u32, key: &str, _lock: &std::path::Path) -> io::Result<()> {
    let name = name(key);
    // SAFETY: `name` is a NUL-terminated UTF-16 string that outlives the call.
    let event = owned(unsafe { OpenEventW(EVENT_MODIFY_STATE, 0, name.as_ptr()) })?;
    // SAFETY: a valid event handle opened for EVENT_MODIFY_STATE.
    if unsafe { SetEvent(event.as_raw_handle()) } == 0 {
        return Err(io::Error::last_os_error());
    }
    Ok(())
}
