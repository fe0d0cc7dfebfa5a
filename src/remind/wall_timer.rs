//! Waiting on the wall clock, so a reminder due during a suspend arrives at the resume.
//!
//! `recv_timeout` and `thread::sleep` count monotonic time, which stops while the machine
//! sleeps: a 30 s wait begun just before a suspend ends 30 s after the resume, however late
//! that is. The system's wall-clock timer ([`crate::platform::wall_timer`]: a `timerfd`
//! on Linux) fires when the wall clock reaches an absolute deadline, at once after a
//! resume that passed it, and says when the clock was set meanwhile; commands (a
//! notification button, changed files, the tray) ring its bell, so one wait covers both
//! and an idle wait costs nothing. Where there is no such timer, [`Polling`] looks every
//! second.

use std::io;
use std::time::{Duration, SystemTime};

pub use crate::platform::wall_timer::Woke;
use crate::platform::wall_timer::{Ringer, Timer};

/// What the reminder loop waits with: the real timer, or a scripted one in tests.
pub trait Wait {
    /// Waits until the wall clock reads `deadline` or the bell rings, whichever is first.
    fn wait_until(&mut self, deadline: SystemTime) -> io::Result<Woke>;
}

/// Rings a [`WallTimer`]'s bell from any thread; cheap to clone.
#[derive(Debug, Clone, Default)]
pub struct Bell(Option<Ringer>);

impl Bell {
    /// Wakes the waiting loop; a [`Polling`] wait has no bell and looks anyway.
    pub fn ring(&self) {
        if let Some(ringer) = &self.0 {
            ringer.ring();
        }
    }
}

/// The fallback where no wall-clock timer can be had: looks at the clock (and the
/// commands) every second, which is also on time after a resume, at the price of a
/// wake-up a second.
#[derive(Debug, Default)]
pub struct Polling;

/// How often [`Polling`] looks.
const POLL_EVERY: Duration = Duration::from_secs(1);

impl Wait for Polling {
    fn wait_until(&mut self, deadline: SystemTime) -> io::Result<Woke> {
        let left = deadline.duration_since(SystemTime::now()).unwrap_or(Duration::ZERO);
        std::thread::sleep(left.min(POLL_EVERY));
        Ok(if left <= POLL_EVERY { Woke::Deadline } else { Woke::Rung })
    }
}

/// A wall-clock deadline and a bell, waited for together.
#[derive(Debug)]
pub struct WallTimer(Timer);

impl WallTimer {
    /// The system's timer; an error (a sentence) where it has none.
    pub fn new() -> io::Result<Self> {
        Timer::new().map(WallTimer)
    }

    pub fn bell(&self) -> Bell {
        Bell(Some(self.0.ringer()))
    }
}

impl Wait for WallTimer {
    fn wait_until(&mut self, deadline: SystemTime) -> io::Result<Woke> {
        self.0.wait_until(deadline)
    }
}
