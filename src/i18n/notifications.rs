//! The notifications' words (`notifications.ftl`): the titles and bodies of the service's own
//! reminders (wind down, bedtime, the morning invitation) and the summary line of a
//! notification that merges several.
//!
//! Why it exists: the reminder engine decides what is due and when, in `remind`, and
//! never builds a sentence; what a notification says is here, with every other word.

use crate::tr;

/// What a notification is mostly about, for its summary line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Head<'a> {
    Bedtime,
    WindDown,
    /// One step, by its title.
    Step(&'a str),
    NightLog,
    /// Several steps.
    Steps(usize),
}

/// "Time to wind down" and its body; the body names the bath while it is still ahead.
pub fn wind_down(bedtime: &str, bath_ahead: bool) -> (String, String) {
    let bath = if bath_ahead { "yes" } else { "no" };
    (tr!("remind-wind-down"), tr!("remind-wind-down-body", time = bedtime, bath = bath))
}

/// "Lights out" and its body.
pub fn bedtime(bedtime: &str) -> (String, String) {
    (tr!("remind-bedtime"), tr!("remind-bedtime-body", time = bedtime))
}

/// The morning invitation to log the night, and its body.
pub fn night_log() -> (String, String) {
    (tr!("remind-night-log"), tr!("remind-night-log-body"))
}

/// The summary line of a notification: its head, and for a late one the time it was
/// due (`all_at_once`) or since when (several due at different times).
pub fn summary(head: Head, late_since: Option<(&str, bool)>) -> String {
    let head = match head {
        Head::Bedtime => tr!("remind-bedtime"),
        Head::WindDown => tr!("remind-wind-down"),
        Head::Step(title) => title.to_owned(),
        Head::NightLog => tr!("remind-night-log"),
        Head::Steps(count) => tr!("remind-steps", count = count),
    };
    match late_since {
        None => head,
        Some((time, true)) => tr!("remind-summary-due", head = head, time = time),
        Some((time, false)) => tr!("remind-summary-since", head = head, time = time),
    }
}
