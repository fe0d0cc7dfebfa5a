//! The service's signals: it is a background service, so closing the terminal it was
//! started from (`bedtime-coach remind &`, the app's own hint) must not end it, and an
//! ending asked for must be said in its log.
//!
//! The system's part (blocking them before any thread starts, taking them on a thread of
//! their own) is [`crate::platform::signals`]. A hangup is logged and ignored; SIGTERM and
//! SIGINT are logged and stop the loop, which then hands the reminders back like any
//! ending.

use std::io;

use super::events::{Control, ControlSender};
use crate::platform::signals::{self, Signal};
use crate::tr;

pub(super) use crate::platform::signals::Blocked;

/// Blocks the service's signals for this thread and every thread it starts after this.
/// Call it before any other thread exists.
pub(super) fn block() -> io::Result<Blocked> {
    signals::block()
}

/// Takes the blocked signals on a thread of their own: a hangup is logged and ignored,
/// an ending asked for is logged and sent to the loop as [`Control::Stop`].
pub(super) fn watch(blocked: Blocked, control: ControlSender) -> io::Result<()> {
    signals::watch(blocked, move |signal| match signal {
        Signal::Hangup(name) => {
            tracing::info!("{}", tr!("remind-signal-hangup", signal = name));
            true
        }
        Signal::Stop(name) => {
            tracing::info!("{}", tr!("remind-signal-stop", signal = name, pid = std::process::id()));
            control.send(Control::Stop).is_ok()
        }
    })
}
