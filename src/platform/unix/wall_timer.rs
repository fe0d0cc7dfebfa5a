//! Waiting on the wall clock, so a reminder due during a suspend arrives at the resume.
//!
//! `recv_timeout` and `thread::sleep` count monotonic time, which stops while the machine
//! sleeps: a 30 s wait begun just before a suspend ends 30 s after the resume, however late
//! that is. A `timerfd` on `CLOCK_REALTIME` with an absolute deadline fires when the wall
//! clock reaches the deadline, and at once after a resume that passed it. With
//! `TFD_TIMER_CANCEL_ON_SET` the kernel cancels it when the clock is set (by hand, by NTP
//! stepping it, or on resume): reading it then fails with `ECANCELED`, and the loop reads
//! the clock again and arms a new deadline.
//!
//! Commands (a notification button, changed files, the tray) ring an `eventfd`, so one
//! `poll` waits for the deadline and for them at once, and an idle wait costs nothing.

use std::io;
use std::os::fd::{AsFd, OwnedFd};
use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use super::super::wall_timer::Woke;

use rustix::event::{EventfdFlags, PollFd, PollFlags, eventfd, poll};
use rustix::time::{
    Itimerspec, TimerfdClockId, TimerfdFlags, TimerfdTimerFlags, Timespec, timerfd_create, timerfd_settime,
};

/// Rings a [`Timer`]'s bell from any thread; cheap to clone.
#[derive(Debug, Clone)]
pub struct Ringer(Arc<OwnedFd>);

impl Ringer {
    /// Wakes the waiting timer. A bell that cannot ring (the counter is full, which takes
    /// 2^64 rings) has already woken it.
    pub fn ring(&self) {
        let _ = rustix::io::write(&*self.0, &1u64.to_ne_bytes());
    }
}

/// A wall-clock deadline and a bell, waited for together.
#[derive(Debug)]
pub struct Timer {
    timer: OwnedFd,
    bell: Arc<OwnedFd>,
}

fn timespec(at: SystemTime) -> Timespec {
    // Before 1970 is not a deadline anyone means: fire at once.
    let since = at.duration_since(UNIX_EPOCH).unwrap_or(Duration::ZERO);
    Timespec { tv_sec: i64::try_from(since.as_secs()).unwrap_or(i64::MAX), tv_nsec: i64::from(since.subsec_nanos()) }
}

impl Timer {
    pub fn new() -> io::Result<Self> {
        let timer = timerfd_create(TimerfdClockId::Realtime, TimerfdFlags::NONBLOCK | TimerfdFlags::CLOEXEC)?;
        let bell = eventfd(0, EventfdFlags::NONBLOCK | EventfdFlags::CLOEXEC)?;
        Ok(Self { timer, bell: Arc::new(bell) })
    }

    pub fn ringer(&self) -> Ringer {
        Ringer(Arc::clone(&self.bell))
    }

    /// Arms the timer for the absolute wall-clock instant `deadline`; one already past
    /// fires at once.
    fn arm(&self, deadline: SystemTime) -> io::Result<()> {
        let zero = Timespec { tv_sec: 0, tv_nsec: 0 };
        let spec = Itimerspec { it_interval: zero, it_value: timespec(deadline) };
        // A zero `it_value` would disarm it instead.
        let spec = if spec.it_value == zero {
            Itimerspec { it_value: Timespec { tv_sec: 0, tv_nsec: 1 }, ..spec }
        } else {
            spec
        };
        timerfd_settime(&self.timer, TimerfdTimerFlags::ABSTIME | TimerfdTimerFlags::CANCEL_ON_SET, &spec)?;
        Ok(())
    }

    /// Reads the timer after `poll` said it is readable.
    fn read_timer(&self) -> io::Result<Option<Woke>> {
        let mut expirations = [0u8; 8];
        match rustix::io::read(&self.timer, &mut expirations) {
            Ok(_) => Ok(Some(Woke::Deadline)),
            Err(rustix::io::Errno::CANCELED) => Ok(Some(Woke::ClockChanged)),
            Err(rustix::io::Errno::AGAIN) => Ok(None),
            Err(error) => Err(error.into()),
        }
    }

    /// Empties the bell's counter, so the next wait sleeps again.
    fn silence(&self) {
        let mut count = [0u8; 8];
        let _ = rustix::io::read(&*self.bell, &mut count);
    }
}

impl Timer {
    /// Waits until the wall clock reads `deadline` or the bell rings, whichever is first.
    pub fn wait_until(&mut self, deadline: SystemTime) -> io::Result<Woke> {
        self.arm(deadline)?;
        loop {
            let mut fds =
                [PollFd::new(&self.timer, PollFlags::IN), PollFd::from_borrowed_fd(self.bell.as_fd(), PollFlags::IN)];
            match poll(&mut fds, None) {
                Ok(_) => {}
                Err(rustix::io::Errno::INTR) => continue,
                Err(error) => return Err(error.into()),
            }
            let (timer_ready, bell_ready) = (!fds[0].revents().is_empty(), !fds[1].revents().is_empty());
            if bell_ready {
                self.silence();
                return Ok(Woke::Rung);
            }
            if timer_ready && let Some(woke) = self.read_timer()? {
                return Ok(woke);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // The tests every system's timer passes are in `platform::wall_timer`.

    /// Setting the clock cancels the wait with `ClockChanged`; the next wait arms again.
    ///
    /// Needs CAP_SYS_TIME and sets the system clock, to the value it read a moment before
    /// (so it ends up behind by the microseconds between the two calls): it runs only
    /// with BEDTIME_COACH_CLOCK_TEST=1.
    #[test]
    fn setting_the_clock_cancels_the_wait_and_it_re_arms() {
        if std::env::var("BEDTIME_COACH_CLOCK_TEST").as_deref() != Ok("1") {
            println!("SKIPPED: sets the system clock; run with BEDTIME_COACH_CLOCK_TEST=1 (as root)");
            return;
        }
        use rustix::time::{ClockId, clock_gettime, clock_settime};
        let mut timer = Timer::new().unwrap();
        let setter = std::thread::spawn(|| {
            std::thread::sleep(Duration::from_millis(100));
            // "Set" the clock to what it reads now: any set counts as a change.
            let now = clock_gettime(ClockId::Realtime);
            clock_settime(ClockId::Realtime, now)
        });
        let woke = timer.wait_until(SystemTime::now() + Duration::from_secs(30)).unwrap();
        setter.join().unwrap().expect("clock_settime (needs CAP_SYS_TIME)");
        assert_eq!(woke, Woke::ClockChanged);
        assert_eq!(timer.wait_until(SystemTime::now() + Duration::from_millis(50)).unwrap(), Woke::Deadline);
    }
}
