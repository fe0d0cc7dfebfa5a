//! The reminder service's signals on Unix. SIGHUP, SIGTERM and SIGINT are blocked before
//! the service starts any thread (every thread inherits the mask, and so would a program
//! it starts: `detached` clears it in the child), and one thread takes them with
//! `sigwait`, where logging is safe, unlike in a signal handler.

use std::io;

use super::super::signals::Signal;

/// The blocked signals, to be taken by [`watch`].
pub struct Blocked(libc::sigset_t);

/// Blocks SIGHUP, SIGTERM and SIGINT for this thread and every thread it starts after
/// this. Call it before any other thread exists.
pub fn block() -> io::Result<Blocked> {
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

/// Takes the blocked signals on a thread of their own and hands each to `on_signal`,
/// until it returns `false`.
pub fn watch(blocked: Blocked, mut on_signal: impl FnMut(Signal) -> bool + Send + 'static) -> io::Result<()> {
    let Blocked(set) = blocked;
    std::thread::Builder::new().name("bedtime-coach-signals".to_owned()).spawn(move || {
        loop {
            let mut signal = 0;
            // SAFETY: `set` is a valid set and `signal` a valid place for the answer.
            if unsafe { libc::sigwait(&set, &mut signal) } != 0 {
                continue;
            }
            let signal = match signal {
                libc::SIGHUP => Signal::Hangup("SIGHUP"),
                libc::SIGINT => Signal::Stop("SIGINT"),
                _ => Signal::Stop("SIGTERM"),
            };
            if !on_signal(signal) {
                return;
            }
        }
    })?;
    Ok(())
}
