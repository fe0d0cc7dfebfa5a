//! The reminder service's "signals" on Windows: the console's control events, taken with
//! `SetConsoleCtrlHandler`. What each means is [`console_event`] (the close and logoff
//! events are SIGHUP: ignored; Ctrl+C, Ctrl+Break and shutdown are SIGINT/SIGTERM: a clean
//! stop).
//!
//! There is nothing to block: the system calls the handler on a thread it creates for
//! each event, where logging is safe, so `watch` only installs it. A service started by
//! the window has no console at all (`detached.rs`) and never gets these events; they
//! concern `bedtime-coach remind` typed in cmd or PowerShell. Windows ends a process
//! whose console closes a few seconds after the handler returns, whatever it returns: so
//! on close the service also lets go of the console (`FreeConsole`), which is what
//! "ignoring" it can be here. That, like every console event, is not run under Wine 8:
//! the handler's logic is tested with a fake console below.

use std::io;
use std::sync::{Mutex, PoisonError};

use windows_sys::Win32::System::Console::{FreeConsole, SetConsoleCtrlHandler};
use windows_sys::core::BOOL;

use super::super::signals::{Signal, console_event};

/// Nothing is blocked on Windows; kept for the same interface as Unix.
pub struct Blocked(());

pub fn block() -> io::Result<Blocked> {
    Ok(Blocked(()))
}

type OnSignal = Box<dyn FnMut(Signal) -> bool + Send>;

/// The service's `on_signal`, for the handler (which the system calls with no context).
static ON_SIGNAL: Mutex<Option<OnSignal>> = Mutex::new(None);

/// Installs the console handler: each event goes to `on_signal` until it returns `false`.
pub fn watch(_blocked: Blocked, on_signal: impl FnMut(Signal) -> bool + Send + 'static) -> io::Result<()> {
    *ON_SIGNAL.lock().unwrap_or_else(PoisonError::into_inner) = Some(Box::new(on_signal));
    // SAFETY: `handler` is a valid handler routine for the whole life of the process.
    if unsafe { SetConsoleCtrlHandler(Some(handler), 1) } == 0 {
        return Err(io::Error::last_os_error());
    }
    Ok(())
}

unsafe extern "system" fn handler(code: u32) -> BOOL {
    BOOL::from(respond(code, &ON_SIGNAL, || {
        // SAFETY: detaches this process from its console; no handle of it is kept.
        unsafe { FreeConsole() };
    }))
}

/// The handler's logic, with the console's side (`let_go_of_console`) given: whether the
/// event was handled here (`false` leaves it to the system's default, which ends the
/// process). An event the service does not know, or one after it stopped watching, is
/// not handled.
fn respond(code: u32, on_signal: &Mutex<Option<OnSignal>>, let_go_of_console: impl FnOnce()) -> bool {
    let Some(signal) = console_event(code) else { return false };
    let mut slot = on_signal.lock().unwrap_or_else(PoisonError::into_inner);
    let Some(callback) = slot.as_mut() else { return false };
    if !callback(signal) {
        *slot = None;
    }
    if matches!(signal, Signal::Hangup(_)) {
        let_go_of_console();
    }
    true
}

#[cfg(test)]
mod tests {
    use super::super::super::signals::{CTRL_BREAK, CTRL_C, CTRL_CLOSE, CTRL_LOGOFF};
    use super::*;
    use std::sync::Arc;

    #[test]
    fn close_lets_go_of_the_console_and_goes_on_and_ctrl_c_stops_once() {
        let seen = Arc::new(Mutex::new(Vec::new()));
        let into = Arc::clone(&seen);
        let slot: Mutex<Option<OnSignal>> = Mutex::new(Some(Box::new(move |signal| {
            into.lock().unwrap().push(signal);
            matches!(signal, Signal::Hangup(_))
        })));
        let mut let_go = 0;
        assert!(respond(CTRL_CLOSE, &slot, || let_go += 1));
        assert!(respond(CTRL_LOGOFF, &slot, || let_go += 1));
        assert_eq!(let_go, 2, "the console is let go of on close and logoff");
        assert!(respond(CTRL_C, &slot, || let_go += 1));
        assert_eq!(let_go, 2, "Ctrl+C keeps the console");
        // The service stopped watching: the next event is the system's again.
        assert!(!respond(CTRL_BREAK, &slot, || let_go += 1));
        assert!(!respond(99, &slot, || let_go += 1));
        assert_eq!(
            *seen.lock().unwrap(),
            [Signal::Hangup("CTRL_CLOSE_EVENT"), Signal::Hangup("CTRL_LOGOFF_EVENT"), Signal::Stop("CTRL_C_EVENT")]
        );
    }
}
