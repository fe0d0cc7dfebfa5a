//! "Why no reminder?": what happened to each of an evening's reminders, read from the
//! plan and the reminder log, for `bedtime-coach reminders` and the list in Settings.
//!
//! Pure (no I/O, no clock reads): the same rows in the terminal and in the window, and
//! every case testable with fixed instants.

use chrono::{DateTime, FixedOffset, TimeZone};

use super::engine::{grace, reminders_of, window_of};
use crate::model::RoutineFile;
use crate::model::plan::Plan;
use crate::model::reminders::{LogOutcome, ReminderLog};
use crate::tr;

/// What happened to one reminder (or what will).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fate {
    /// Not due yet.
    Coming,
    /// Not due yet, and its step is already settled: it will stay silent.
    Silent,
    /// Due, but no decision written yet: the service has not looked (is it running?).
    NotSent,
    /// Due while the desktop asks not to be disturbed: waiting for that to end.
    Held { since: DateTime<FixedOffset> },
    /// Shown; `late` more than a minute after its time; `held_since` when it waited for
    /// Do Not Disturb first; `through_do_not_disturb` when it came through it.
    Sent {
        at: DateTime<FixedOffset>,
        late: bool,
        held_since: Option<DateTime<FixedOffset>>,
        through_do_not_disturb: bool,
        /// Late because the service could not write its files until then: why.
        stalled: Option<String>,
    },
    /// Meant to be shown, but the notification failed.
    Failed { at: DateTime<FixedOffset>, reason: String },
    /// Past the grace window when it could have been shown: asleep, not running, or held
    /// for Do Not Disturb (`held_since`) until too late.
    /// `stalled`: the service could not write its files until too late, and why.
    /// `grace_ended`: when the grace window closed (its due time plus the window).
    Missed {
        at: DateTime<FixedOffset>,
        grace_ended: DateTime<FixedOffset>,
        held_since: Option<DateTime<FixedOffset>>,
        stalled: Option<String>,
    },
    /// Its step was done or skipped before it came due.
    AlreadySettled,
    /// The evening was paused.
    Paused,
    /// Reminders are off.
    Off,
}

impl Fate {
    /// The stable word scripts read in `reminders --json`.
    pub fn as_str(&self) -> &'static str {
        match self {
            Fate::Coming => "coming",
            Fate::Silent => "silent",
            Fate::NotSent => "not_sent",
            Fate::Held { .. } => "held",
            Fate::Sent { late: false, .. } => "sent",
            Fate::Sent { late: true, .. } => "late",
            Fate::Failed { .. } => "failed",
            Fate::Missed { .. } => "missed",
            Fate::AlreadySettled => "already_done",
            Fate::Paused => "paused",
            Fate::Off => "off",
        }
    }
}

/// One reminder of the evening with its fate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The step id, or `:wind-down` / `:bedtime`.
    pub key: String,
    pub title: String,
    pub due: DateTime<FixedOffset>,
    pub fate: Fate,
    /// A snooze not yet come back.
    pub snoozed_until: Option<DateTime<FixedOffset>>,
}

/// The reminders of `plan`'s evening, in time order, each with what became of it by `now`.
/// `routine_file` is the one the service uses (see [`super::effective_routine_file`]).
pub fn evening_fates<Tz: TimeZone>(
    routine_file: &RoutineFile,
    plan: &Plan<Tz>,
    log: &ReminderLog,
    now: &DateTime<Tz>,
) -> Vec<Row> {
    let evening = plan.evening;
    reminders_of(routine_file, plan)
        .into_iter()
        .map(|reminder| {
            let due = reminder.due.fixed_offset();
            let entry = log.entry(evening, &reminder.key).filter(|entry| entry.settles(&due));
            let fate = match entry {
                Some(entry) => match entry.outcome {
                    LogOutcome::Fired | LogOutcome::Late => match &entry.failed {
                        Some(reason) => Fate::Failed { at: entry.at, reason: reason.clone() },
                        None => Fate::Sent {
                            at: entry.at,
                            late: entry.outcome == LogOutcome::Late,
                            held_since: entry.held_since,
                            through_do_not_disturb: entry.through_do_not_disturb,
                            stalled: entry.stalled.clone(),
                        },
                    },
                    LogOutcome::Skipped => {
                        let grace_ended = due + window_of(&reminder.kind, grace(routine_file));
                        let (held_since, stalled) = (entry.held_since, entry.stalled.clone());
                        Fate::Missed { at: entry.at, grace_ended, held_since, stalled }
                    }
                    LogOutcome::Settled => Fate::AlreadySettled,
                    LogOutcome::Paused => Fate::Paused,
                },
                None if !routine_file.settings.reminders => Fate::Off,
                None if log.is_paused(evening) => Fate::Paused,
                None => match log.held_since(evening, &reminder.key) {
                    Some(since) => Fate::Held { since },
                    None if reminder.due > *now => {
                        if reminder.quiet {
                            Fate::Silent
                        } else {
                            Fate::Coming
                        }
                    }
                    None if reminder.quiet => Fate::AlreadySettled,
                    None => Fate::NotSent,
                },
            };
            let snoozed_until = log
                .evening(evening)
                .and_then(|e| e.snoozed.get(&reminder.key))
                .filter(|snooze| !snooze.settled)
                .map(|snooze| snooze.until);
            Row { key: reminder.key, title: reminder.title, due, fate, snoozed_until }
        })
        .collect()
}

fn hhmm(at: &DateTime<FixedOffset>) -> String {
    at.format("%H:%M").to_string()
}

/// What happened, as a short sentence in the current language.
pub fn fate_text(row: &Row) -> String {
    let text = match &row.fate {
        Fate::Coming => tr!("reminders-coming"),
        Fate::Silent => tr!("reminders-silent"),
        Fate::NotSent => tr!("reminders-not-sent"),
        Fate::Held { since } => tr!("reminders-held", time = hhmm(since)),
        Fate::Sent { at, late, held_since, through_do_not_disturb, stalled } => {
            let mut text = match held_since {
                Some(since) => tr!("reminders-sent-after-hold", time = hhmm(at), since = hhmm(since)),
                None if let Some(reason) = stalled => {
                    let minutes = (*at - row.due).num_minutes().max(1);
                    let reason = reason.trim_end_matches('.');
                    tr!("reminders-sent-late-stalled", time = hhmm(at), minutes = minutes, reason = reason)
                }
                None if *late => {
                    let minutes = (*at - row.due).num_minutes().max(1);
                    tr!("reminders-sent-late", time = hhmm(at), minutes = minutes)
                }
                None => tr!("reminders-sent", time = hhmm(at)),
            };
            if *through_do_not_disturb {
                text = format!("{text} {}", tr!("reminders-through-dnd"));
            }
            text
        }
        Fate::Failed { at, reason } => tr!("reminders-failed", time = hhmm(at), reason = reason.as_str()),
        Fate::Missed { held_since: Some(since), .. } => tr!("reminders-missed-held", since = hhmm(since)),
        Fate::Missed { held_since: None, stalled: Some(reason), .. } => {
            tr!("reminders-missed-stalled", reason = reason.trim_end_matches('.'))
        }
        // When it was due and when the grace window closed, not "N min late": a reminder
        // found a minute late is missed only when the window is that short, and saying
        // "1 min late, past the grace window" read as a contradiction.
        Fate::Missed { grace_ended, held_since: None, stalled: None, .. } => {
            tr!("reminders-missed", due = hhmm(&row.due), ended = hhmm(grace_ended))
        }
        Fate::AlreadySettled => tr!("reminders-already-done"),
        Fate::Paused => tr!("reminders-paused"),
        Fate::Off => tr!("reminders-off"),
    };
    match &row.snoozed_until {
        Some(until) => format!("{text}; {}", tr!("reminders-snoozed", time = hhmm(until))),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::reminders::{BEDTIME_KEY, LogEntry, NIGHT_LOG_KEY};
    use crate::model::{CheckIn, Journal, Outcome, plan_evening};
    use chrono::{NaiveDate, TimeDelta};
    use chrono_tz::Europe::Berlin;

    fn at(h: u32, m: u32) -> DateTime<chrono_tz::Tz> {
        Berlin.with_ymd_and_hms(2026, 11, 26, h, m, 0).unwrap()
    }

    fn fate_of<'a>(rows: &'a [Row], key: &str) -> &'a Fate {
        &rows.iter().find(|row| row.key == key).unwrap().fate
    }

    #[test]
    fn each_reminder_says_what_became_of_it() {
        let routine_file = RoutineFile::default();
        let evening = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
        let mut journal = Journal::default();
        journal.record(evening, "lights-out", CheckIn::new(Outcome::Done, at(20, 0).fixed_offset(), None));
        let plan = plan_evening(&routine_file, evening, &Berlin, journal.evening(evening));
        let mut log = ReminderLog::default();
        let f = |t: DateTime<chrono_tz::Tz>| t.fixed_offset();
        log.settle(evening, "caffeine-cutoff", LogEntry::new(LogOutcome::Fired, f(at(16, 30)), f(at(16, 30))));
        let mut missed = LogEntry::new(LogOutcome::Skipped, f(at(20, 30)), f(at(20, 50)));
        missed.held_since = Some(f(at(20, 30)));
        log.settle(evening, "calm-evening", missed);
        let mut failed = LogEntry::new(LogOutcome::Late, f(at(21, 0)), f(at(21, 3)));
        failed.failed = Some("No notification service.".to_owned());
        log.settle(evening, "warm-bath", failed);
        log.hold(evening, "ventilate-bedroom", f(at(21, 45)));
        log.snooze(evening, "caffeine-cutoff", f(at(16, 40)));
        let rows = evening_fates(&routine_file, &plan, &log, &at(21, 46));
        assert!(matches!(fate_of(&rows, "caffeine-cutoff"), Fate::Sent { late: false, .. }));
        assert_eq!(
            fate_of(&rows, "calm-evening"),
            &Fate::Missed {
                at: f(at(20, 50)),
                grace_ended: f(at(20, 45)),
                held_since: Some(f(at(20, 30))),
                stalled: None
            }
        );
        assert_eq!(fate_of(&rows, "warm-bath").as_str(), "failed");
        assert_eq!(fate_of(&rows, "ventilate-bedroom"), &Fate::Held { since: f(at(21, 45)) });
        assert_eq!(fate_of(&rows, "humidity-check"), &Fate::Coming);
        assert_eq!(fate_of(&rows, BEDTIME_KEY), &Fate::Silent, "lights-out done: bedtime stays silent");
        let texts: Vec<String> = rows.iter().map(fate_text).collect();
        assert!(texts.contains(&"sent at 16:30; snoozed until 16:40".to_owned()), "{texts:?}");
        assert!(
            texts.contains(&"missed: Do Not Disturb (from 20:30) lasted past the grace window".to_owned()),
            "{texts:?}"
        );
        assert!(texts.contains(&"not shown (21:03): No notification service.".to_owned()), "{texts:?}");
        assert!(texts.contains(&"held for Do Not Disturb since 21:45".to_owned()), "{texts:?}");
        // Later, with no service running: a due reminder without a decision says so.
        let rows = evening_fates(&routine_file, &plan, &log, &at(21, 55));
        assert_eq!(fate_of(&rows, "humidity-check"), &Fate::NotSent);
        let mut paused = log.clone();
        paused.set_paused(evening, true);
        assert_eq!(
            fate_of(&evening_fates(&routine_file, &plan, &paused, &at(21, 55)), "humidity-check"),
            &Fate::Paused
        );
        let mut off = routine_file.clone();
        off.settings.reminders = false;
        assert_eq!(fate_of(&evening_fates(&off, &plan, &log, &at(21, 55)), "humidity-check"), &Fate::Off);
    }

    #[test]
    fn a_missed_reminder_says_when_it_was_due_and_when_its_grace_period_ended() {
        // With no grace (at least a minute, see `grace`), a reminder the service found a
        // minute late is missed: "1 min late, past the grace window" said both at once.
        let mut routine_file = RoutineFile::default();
        routine_file.settings.grace_minutes = 0;
        let evening = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
        let plan = plan_evening(&routine_file, evening, &Berlin, None);
        let mut log = ReminderLog::default();
        log.settle(
            evening,
            "warm-bath",
            LogEntry::new(LogOutcome::Skipped, at(21, 0).fixed_offset(), at(21, 1).fixed_offset()),
        );
        let rows = evening_fates(&routine_file, &plan, &log, &at(21, 2));
        let row = rows.iter().find(|row| row.key == "warm-bath").unwrap();
        assert_eq!(
            fate_text(row),
            "missed: due 21:00, and the grace period ended at 21:01 \
             (the computer was asleep or reminders were not running)"
        );
        // The morning invitation's window is its own (hours, not the grace minutes).
        let due = rows.iter().find(|row| row.key == NIGHT_LOG_KEY).unwrap().due;
        let found = due + TimeDelta::hours(6);
        log.settle(evening, NIGHT_LOG_KEY, LogEntry::new(LogOutcome::Skipped, due, found));
        let rows = evening_fates(&routine_file, &plan, &log, &found.with_timezone(&Berlin));
        let invitation = rows.iter().find(|row| row.key == NIGHT_LOG_KEY).unwrap();
        let text = fate_text(invitation);
        assert!(text.starts_with("missed: due 07:15, and the grace period ended at 12:15"), "{text}");
    }

    #[test]
    fn a_reminder_missed_while_the_files_could_not_be_written_blames_them_not_sleep() {
        let routine_file = RoutineFile::default();
        let evening = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
        let plan = plan_evening(&routine_file, evening, &Berlin, None);
        let mut log = ReminderLog::default();
        let mut missed = LogEntry::new(LogOutcome::Skipped, at(21, 0).fixed_offset(), at(21, 40).fixed_offset());
        missed.stalled = Some("Could not save reminders.json: No space left on device (os error 28).".to_owned());
        log.settle(evening, "warm-bath", missed);
        let rows = evening_fates(&routine_file, &plan, &log, &at(21, 41));
        let text = fate_text(rows.iter().find(|row| row.key == "warm-bath").unwrap());
        assert_eq!(
            text,
            "missed: the reminder service could not use its files until past the grace window \
             (Could not save reminders.json: No space left on device (os error 28))"
        );
    }
}
