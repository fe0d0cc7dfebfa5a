//! The service's signals: it is a background service, so closing the terminal it was
//! started from (`bedtime-coach remind &`, the app's own hint) must not end it, and an
//! ending asked for must be said in its log.
//!
//! SIGHUP, SIGTERM and SIGINT are blocked before the service starts any thread (every
//! thread inherits the mask; a program it starts does not, std clears the mask in the
//! child), and one thread takes them with `sigwait`, where logging is safe, unlike in a
//! signal handler. SIGHUP is logged and ignored; SIGTERM and SIGINT are logged and stop
//! the loop, which then hands the reminders back like any ending.

use std::io;

use super::events::{Control, ControlSender};
use crate::tr;

/// The blocked signals, to be taken by [`watch`].
pub(super) struct Blocked(libc::sigset_t);

/// Blocks SIGHUP, SIGTERM and SIGINT for this thread and every thread it starts after
/// this. Call it before any other thread exists.
pub(super) fn block() -> io::Result<Blocked> {
    // SAFETY: plain libc calls on a set owned here.
    unsafe {
        let mut set: libc::sigset_t = std::mem::zeroed();
        libc::sigemptyset(&mut set);
        for signal in [libc::SIGHUP, libc::SIGTERM, libc::SIGINT] {
            libc::sigaddset(&mut set, signal);
        }
        match libc::pthread_sigmask(libc::SIG_BLOCK, &set, std::ptr::null_mut()) {
            0 => Ok(Blocked(set)),
            error => Err(io::Error::from_raw_os_error(error)),
        }
    }
}

/// Takes the blocked signals on a thread of their own: SIGHUP is logged and ignored,
/// SIGTERM and SIGINT are logged and sent to the loop as [`Control::Stop`].
pub(super) fn watch(blocked: Blocked, control: ControlSender) -> io::Result<()> {
    let Blocked(set) = blocked;
    std::thread::Builder::new().name("bedtime-coach-signals".to_owned()).spawn(move || {
        loop {
            let mut signal = 0;
            // SAFETY: `set` is a valid set and `signal` a valid place for the answer.
            if unsafe { libc::sigwait(&set, &mut signal) } != 0 {
                continue;
            }
            if signal == libc::SIGHUP {
                tracing::info!("{}", tr!("remind-signal-hangup"));
                continue;
            }
            let name = if signal == libc::SIGINT { "SIGINT" } else { "SIGTERM" };
            tracing::info!("{}", tr!("remind-signal-stop", signal = name, pid = std::process::id()));
            if control.send(Control::Stop).is_err() {
                return;
            }
        }
    })?;
    Ok(())
}
