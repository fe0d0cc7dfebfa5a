//! Waiting on the wall clock on Windows, so a reminder due during a sleep arrives at the
//! resume: the counterpart of the Linux `timerfd` file, with the same contract.
//!
//! An absolute waitable timer (`SetWaitableTimer` with a positive due time, a FILETIME
//! in UTC) fires when the system clock reaches the deadline, and with `fResume` it fires
//! after a resume that passed it (and wakes the computer where the power plan allows wake
//! timers). It is made high-resolution where the system offers that (Windows 10 1803 on),
//! plain where not (Wine 8): a reminder is due to the second, not the millisecond.
//!
//! Clock changes: Windows moves absolute timers with the clock by itself, so a deadline is
//! never missed when the clock is set. What the loop must still hear of is a change that
//! moves the *next* deadline, a new time zone above all (reminders are at local times).
//! Of the two ways to hear it, a hidden window receiving `WM_TIMECHANGE` and a short cap,
//! this takes the cap: a message-only window receives no broadcast (`WM_TIMECHANGE` is
//! one), so it would take a hidden top-level window and a message loop on a thread of its
//! own, and `WM_TIMECHANGE` is not sent for a new time zone anyway. Every [`CAP`] the wait
//! compares the wall clock with the monotonic one and the zone's offset with the one at
//! arming ([`super::super::wall_timer::clock_moved`]); only a change ends the wait with
//! `ClockChanged`, otherwise it goes on sleeping: one wake-up a minute that reads two
//! clocks.
//!
//! Commands ring an auto-reset event (the bell), so one `WaitForMultipleObjects` waits for
//! the deadline and for them at once, and several rings before a wait are one wake-up.

use std::io;
use std::os::windows::io::{AsRawHandle, OwnedHandle};
use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use windows_sys::Win32::Foundation::{WAIT_OBJECT_0, WAIT_TIMEOUT};
use windows_sys::Win32::System::Threading::{
    CREATE_WAITABLE_TIMER_HIGH_RESOLUTION, CreateEventW, CreateWaitableTimerExW, SetEvent, SetWaitableTimer,
    TIMER_ALL_ACCESS, WaitForMultipleObjects,
};

use super::super::wall_timer::{ClockReading, Woke, clock_moved};
use super::owned;

/// How often a long wait looks whether the clock or the zone changed.
pub const CAP: Duration = Duration::from_secs(60);

/// Rings a [`Timer`]'s bell from any thread; cheap to clone.
#[derive(Debug, Clone)]
pub struct Ringer(Arc<OwnedHandle>);

impl Ringer {
    /// Wakes the waiting timer (or the next wait, if none waits now).
    pub fn ring(&self) {
        // SAFETY: a valid event handle, kept alive by the Arc.
        unsafe { SetEvent(self.0.as_raw_handle()) };
    }
}

/// A wall-clock deadline and a bell, waited for together.
#[derive(Debug)]
pub struct Timer {
    timer: OwnedHandle,
    bell: Arc<OwnedHandle>,
}

/// 100-ns intervals since 1601-01-01 (UTC), as a FILETIME counts; before 1970 is not a
/// deadline anyone means, so it is 1970 (long past: it fires at once).
fn filetime(at: SystemTime) -> i64 {
    const FROM_1601_TO_1970: i64 = 116_444_736_000_000_000;
    let since = at.duration_since(UNIX_EPOCH).unwrap_or(Duration::ZERO);
    let ticks = i64::try_from(since.as_nanos() / 100).unwrap_or(i64::MAX - FROM_1601_TO_1970);
    FROM_1601_TO_1970 + ticks
}

impl Timer {
    pub fn new() -> io::Result<Self> {
        let (null, no_name) = (std::ptr::null(), std::ptr::null());
        // SAFETY: no attributes, no name; the flags and access are documented values.
        let timer =
            unsafe { CreateWaitableTimerExW(null, no_name, CREATE_WAITABLE_TIMER_HIGH_RESOLUTION, TIMER_ALL_ACCESS) };
        let timer = match owned(timer) {
            Ok(timer) => timer,
            // SAFETY: as above, without the flag older systems (and Wine) refuse.
            Err(_) => owned(unsafe { CreateWaitableTimerExW(null, no_name, 0, TIMER_ALL_ACCESS) })?,
        };
        // SAFETY: an unnamed auto-reset event, not set.
        let bell = owned(unsafe { CreateEventW(null, 0, 0, no_name) })?;
        Ok(Self { timer, bell: Arc::new(bell) })
    }

    pub fn ringer(&self) -> Ringer {
        Ringer(Arc::clone(&self.bell))
    }

    /// Arms the timer for the absolute wall-clock instant `deadline`, firing after a
    /// resume too; one already past fires at once.
    fn arm(&self, deadline: SystemTime) -> io::Result<()> {
        let due = filetime(deadline);
        // SAFETY: a valid timer handle and a due time that outlives the call; no
        // completion routine. `fResume` may be "not supported" (no wake timers): the
        // timer is set all the same.
        let set = unsafe { SetWaitableTimer(self.timer.as_raw_handle(), &due, 0, None, std::ptr::null(), 1) };
        if set == 0 {
            return Err(io::Error::last_os_error());
        }
        Ok(())
    }

    /// Waits until the wall clock reads `deadline` or the bell rings, whichever is first.
    pub fn wait_until(&mut self, deadline: SystemTime) -> io::Result<Woke> {
        self.arm(deadline)?;
        let armed = ClockReading::now();
        let handles = [self.bell.as_raw_handle(), self.timer.as_raw_handle()];
        let cap = u32::try_from(CAP.as_millis()).unwrap_or(u32::MAX);
        loop {
            // SAFETY: two valid handles owned by `self` for the whole call.
            let waited = unsafe { WaitForMultipleObjects(2, handles.as_ptr(), 0, cap) };
            match waited {
                // The bell first: when both are set, the commands go first; the loop then
                // reads the clock and arms the timer again, so the deadline is not lost.
                WAIT_OBJECT_0 => return Ok(Woke::Rung),
                w if w == WAIT_OBJECT_0 + 1 => return Ok(Woke::Deadline),
                WAIT_TIMEOUT if clock_moved(&armed, &ClockReading::now()) => return Ok(Woke::ClockChanged),
                WAIT_TIMEOUT => {}
                _ => return Err(io::Error::last_os_error()),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_filetime_counts_from_1601_and_nothing_is_before_1970() {
        assert_eq!(filetime(UNIX_EPOCH), 116_444_736_000_000_000);
        assert_eq!(filetime(UNIX_EPOCH - Duration::from_secs(10)), 116_444_736_000_000_000);
        assert_eq!(filetime(UNIX_EPOCH + Duration::from_micros(1)), 116_444_736_000_000_010);
    }
}
