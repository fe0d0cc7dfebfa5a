//! The wall-clock timer on Windows: an absolute waitable timer that fires after a resume
//! comes with part 2 of the port. Until then there is none, said with a sentence, and the
//! reminder service looks at the clock every second (which is also on time after a
//! resume).

use std::io;
use std::time::SystemTime;

use super::super::wall_timer::Woke;
use super::super::{Concern, Unavailable};

#[derive(Debug)]
pub struct Timer(());

/// Never made: [`Timer::new`] refuses.
#[derive(Debug, Clone)]
pub struct Ringer(());

impl Ringer {
    pub fn ring(&self) {}
}

impl Timer {
    pub fn new() -> io::Result<Self> {
        Err(Unavailable(Concern::WallTimer).into())
    }

    pub fn ringer(&self) -> Ringer {
        Ringer(())
    }

    pub fn wait_until(&mut self, _deadline: SystemTime) -> io::Result<Woke> {
        Err(Unavailable(Concern::WallTimer).into())
    }
}
