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

use windows_sys::Win32::Foundation::{CloseHandle, HANDLE, WAIT_OBJECT_0};
use windows_sys::Win32::System::Threading::{
    CreateEventW, EVENT_MODIFY_STATE, INFINITE, OpenEventW, ResetEvent, SetEvent, WaitForSingleObject,
};

fn name(key: &str) -> Vec<u16> {
    format!("Local\\{key}-stop").encode_utf16().chain(once(0)).collect()
}

/// An event handle, closed when dropped.
struct Event(HANDLE);

// SAFETY: an event handle may be used and closed from any thread.
unsafe impl Send for Event {}

impl Drop for Event {
    fn drop(&mut self) {
        // SAFETY: a handle this value owns, closed once.
        unsafe { CloseHandle(self.0) };
    }
}

impl Event {
    /// Waits until the event is set; `false` if the wait failed.
    fn wait(&self) -> bool {
        // SAFETY: a valid event handle, owned by `self`.
        unsafe { WaitForSingleObject(self.0, INFINITE) == WAIT_OBJECT_0 }
    }
}

/// Creates the event for `key` and calls `on_stop` on a thread of its own once someone
/// sets it.
pub fn listen(key: &str, on_stop: impl FnOnce() + Send + 'static) -> io::Result<()> {
    let name = name(key);
    // SAFETY: `name` is a NUL-terminated UTF-16 string that outlives the call.
    let handle = unsafe { CreateEventW(std::ptr::null(), 1, 0, name.as_ptr()) };
    if handle.is_null() {
        return Err(io::Error::last_os_error());
    }
    let event = Event(handle);
    // SAFETY: a valid event handle.
    unsafe { ResetEvent(event.0) };
    std::thread::Builder::new().name("bedtime-coach-stop".to_owned()).spawn(move || {
        if event.wait() {
            on_stop();
        }
    })?;
    Ok(())
}

/// Sets the event of the service on `key`. "Not found" when no service listens there (none
/// runs, or one from a version before this request existed).
pub fn ask(_pid: u32, key: &str) -> io::Result<()> {
    let name = name(key);
    // SAFETY: `name` is a NUL-terminated UTF-16 string that outlives the call.
    let handle = unsafe { OpenEventW(EVENT_MODIFY_STATE, 0, name.as_ptr()) };
    if handle.is_null() {
        return Err(io::Error::last_os_error());
    }
    let event = Event(handle);
    // SAFETY: a valid event handle opened for EVENT_MODIFY_STATE.
    if unsafe { SetEvent(event.0) } == 0 {
        return Err(io::Error::last_os_error());
    }
    Ok(())
}
