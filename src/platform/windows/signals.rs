//! The console's close and logoff events on Windows (the counterpart of SIGHUP) come with
//! part 2 of the port; until then the service says it does not watch them.

use std::io;

use super::super::signals::Signal;
use super::super::{Concern, Unavailable};

pub struct Blocked(());

pub fn block() -> io::Result<Blocked> {
    Err(Unavailable(Concern::Signals).into())
}

pub fn watch(_blocked: Blocked, _on_signal: impl FnMut(Signal) -> bool + Send + 'static) -> io::Result<()> {
    Err(Unavailable(Concern::Signals).into())
}
