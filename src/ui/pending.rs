//! Changes that found the files locked by another process (a save by the reminder
//! service or the command line). The window never waits for the lock inside a frame:
//! such a change is kept here, in order, and tried again a moment later.

use std::collections::VecDeque;
use std::time::{Duration, Instant};

use super::banners::{Banner, BannerKind};
use crate::tr;
use crate::use_cases::{Change, Coach, CommandError};

/// After this long a waiting change is shown as waiting.
const SAY_WAITING_AFTER: Duration = Duration::from_secs(1);
/// After this long a waiting change is given up, with a sentence.
const GIVE_UP_AFTER: Duration = Duration::from_secs(30);
/// How soon to try again.
pub const RETRY_EVERY: Duration = Duration::from_millis(100);
/// The key of the banner that says a change waits (or was given up).
pub const BUSY_BANNER: &str = "busy";

/// What applying or retrying changes came to.
#[derive(Debug, Default)]
pub struct RetryOutcome {
    /// At least one change was saved: reload.
    pub saved: bool,
    /// Changes are still waiting: try again in [`RETRY_EVERY`].
    pub waiting: bool,
    /// Sentences for the user: refused changes, waiting, given up.
    pub banners: Vec<Banner>,
    /// The waiting is over: the "waiting" banner can go.
    pub done_waiting: bool,
}

#[derive(Debug, Default)]
pub struct PendingChanges {
    queue: VecDeque<Change>,
    since: Option<Instant>,
}

impl PendingChanges {
    /// Applies `change` now, or keeps it behind the ones already waiting; `Ok(true)` when
    /// it was saved now.
    pub fn apply(&mut self, change: Change, coach: &Coach) -> Result<bool, CommandError> {
        if !self.queue.is_empty() {
            self.queue.push_back(change);
            return Ok(false);
        }
        match coach.apply(change.clone()) {
            Ok(_) => Ok(true),
            Err(error) if error.busy().is_some() => {
                self.queue.push_back(change);
                self.since.get_or_insert_with(Instant::now);
                Ok(false)
            }
            Err(error) => Err(error),
        }
    }

    /// Tries the waiting changes again, oldest first, stopping at the first that still
    /// finds the lock held.
    pub fn retry(&mut self, coach: &Coach) -> RetryOutcome {
        let mut outcome = RetryOutcome::default();
        let Some(since) = self.since else { return outcome };
        while let Some(change) = self.queue.pop_front() {
            match coach.apply(change.clone()) {
                Ok(_) => outcome.saved = true,
                Err(error) if let Some(pid) = error.busy() => {
                    let pid = pid.map(|pid| pid.to_string());
                    if since.elapsed() >= GIVE_UP_AFTER {
                        self.queue.clear();
                        let seconds = GIVE_UP_AFTER.as_secs();
                        let message = match pid {
                            Some(pid) => tr!("ui-busy-gave-up-pid", pid = pid, seconds = seconds),
                            None => tr!("ui-busy-gave-up", seconds = seconds),
                        };
                        outcome.banners.push(Banner::keyed(BannerKind::Error, BUSY_BANNER, message));
                    } else {
                        self.queue.push_front(change);
                        outcome.waiting = true;
                        if since.elapsed() >= SAY_WAITING_AFTER {
                            let message = match pid {
                                Some(pid) => tr!("ui-busy-waiting-pid", pid = pid),
                                None => tr!("ui-busy-waiting"),
                            };
                            outcome.banners.push(Banner::keyed(BannerKind::Info, BUSY_BANNER, message));
                        }
                    }
                    break;
                }
                Err(error) => outcome.banners.push(Banner::new(BannerKind::Error, error.to_string())),
            }
        }
        if self.queue.is_empty() {
            self.since = None;
            outcome.done_waiting = !outcome.banners.iter().any(|banner| banner.key == Some(BUSY_BANNER));
        }
        outcome
    }
}
