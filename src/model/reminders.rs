//! The reminder log: which reminders of which evening were already decided, and how.
//!
//! Reminders must arrive exactly once per (evening, reminder), across restarts, a clock
//! set back and two processes. The only way to know "already sent" after a restart is to
//! write it down before sending, so the log is its own document (`reminders.json`), and
//! the reminder service saves an entry before it shows the notification. Snoozes and
//! "pause tonight" live here too: they are per-evening reminder state, not check-ins.
//!
//! Pure data: the decisions are made in `remind::engine`, the bytes are owned by `store`.

use std::collections::BTreeMap;
use std::ops::RangeInclusive;

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

use super::journal::Extra;

/// How many evenings the log keeps (the newest by date). It only has to outlive a clock
/// set back by a few days and stay small. Counting evenings rather than days keeps a
/// clock that jumps weeks ahead and back from wiping what was already sent.
pub const KEEP_EVENINGS: usize = 14;

/// Key of the wind-down notification (start of the calm part of the evening).
///
/// Step ids are kebab-case (lowercase letters, digits, dashes), so a leading `:` can
/// never clash with a step.
pub const WIND_DOWN_KEY: &str = ":wind-down";
/// Key of the bedtime notification.
pub const BEDTIME_KEY: &str = ":bedtime";
/// Key of the morning invitation to log the night after the evening it is filed under.
pub const NIGHT_LOG_KEY: &str = ":night-log";

/// How a reminder was settled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LogOutcome {
    /// Decided to show, at its time (written before the notification is shown).
    Fired,
    /// Decided to show late, within the grace window (after a suspend or a late start).
    Late,
    /// Missed by more than the grace window: stays silent.
    Skipped,
    /// The step was already done or skipped when its reminder came due: stays silent.
    Settled,
    /// The evening was paused: stays silent.
    Paused,
}

impl LogOutcome {
    /// Whether a notification was (meant to be) shown for it.
    pub fn was_shown(self) -> bool {
        matches!(self, LogOutcome::Fired | LogOutcome::Late)
    }
}

/// One settled reminder.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LogEntry {
    pub outcome: LogOutcome,
    /// The instant it was due.
    pub due: DateTime<FixedOffset>,
    /// When it was settled (by the wall clock of that moment).
    pub at: DateTime<FixedOffset>,
    /// Earlier due times of the same reminder that were settled too (its step moved
    /// since), oldest first, so moving a step back does not bring them back.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub earlier: Vec<DateTime<FixedOffset>>,
    /// Held back from this instant on because the desktop asked not to be disturbed
    /// (then shown when that ended, or missed if it lasted past the grace window).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub held_since: Option<DateTime<FixedOffset>>,
    /// Shown although the desktop asked not to be disturbed (the bedtime reminder, when
    /// Settings let it through).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub through_do_not_disturb: bool,
    /// The notification could not be shown: why, as a sentence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub failed: Option<String>,
    /// Settled late (or missed) because the service could not write its files when it
    /// came due (a full disk): why, as a sentence, so the reminder fates do not blame sleep.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stalled: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// How many earlier due times an entry remembers.
pub const KEEP_EARLIER: usize = 8;

impl LogEntry {
    pub fn new(outcome: LogOutcome, due: DateTime<FixedOffset>, at: DateTime<FixedOffset>) -> Self {
        Self {
            outcome,
            due,
            at,
            earlier: Vec::new(),
            held_since: None,
            through_do_not_disturb: false,
            failed: None,
            stalled: None,
            extra: Extra::new(),
        }
    }

    /// Whether this entry settles the reminder due at `due`.
    ///
    /// A reminder is owed once per planned *clock time*: a step moved to another time
    /// gets its reminder there, while the same clock time is never reminded twice, also
    /// when its instant changes with the time zone (the laptop travelled) or falls into
    /// a DST fold (02:30 happening twice is one 02:30).
    pub fn settles(&self, due: &DateTime<FixedOffset>) -> bool {
        let wanted = due.naive_local();
        self.due.naive_local() == wanted || self.earlier.iter().any(|old| old.naive_local() == wanted)
    }
}

/// A reminder asked to come back later ("Snooze 10 min").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Snooze {
    pub until: DateTime<FixedOffset>,
    /// Settled (shown again, or silently dropped); a new snooze replaces the record.
    #[serde(default)]
    pub settled: bool,
    #[serde(flatten)]
    pub extra: Extra,
}

/// Reminder state of one evening.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct EveningLog {
    /// "Pause tonight": everything due this evening stays silent.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub paused: bool,
    /// Settled reminders by key (a step id, [`WIND_DOWN_KEY`] or [`BEDTIME_KEY`]).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub sent: BTreeMap<String, LogEntry>,
    /// Snoozed reminders by key.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub snoozed: BTreeMap<String, Snooze>,
    /// Reminders due but held back while the desktop asks not to be disturbed, by key,
    /// with the instant the hold began; gone once they are settled.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub held: BTreeMap<String, DateTime<FixedOffset>>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// All evenings' reminder state, keyed by the date the evening starts on.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ReminderLog {
    #[serde(default)]
    pub evenings: BTreeMap<NaiveDate, EveningLog>,
    /// Messages about damaged or migrated files found by the background service, kept
    /// until a window has shown them to the user.
    /// (Stored as `notices`, the name files already use.)
    #[serde(default, rename = "notices", skip_serializing_if = "Vec::is_empty")]
    pub file_notices: Vec<String>,
    /// Reminders the service could not show as notifications, newest last, kept for the
    /// window to show instead; cleared once a notification gets through again.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub undelivered: Vec<Undelivered>,
    /// "Send a test notification" (Settings, `remind --test`): asked at this moment, for
    /// the service to show one on its next tick.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub test_requested_at: Option<DateTime<FixedOffset>>,
    /// What came of the last test notification, for Settings to show.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub test_result: Option<TestResult>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// The outcome of a test notification.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TestResult {
    /// The request it answers.
    pub requested_at: DateTime<FixedOffset>,
    /// When the service tried.
    pub at: DateTime<FixedOffset>,
    pub shown: bool,
    /// Why it was not shown, as a sentence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// How many undelivered reminders the log keeps: the window shows the newest, the rest
/// only explain it.
pub const KEEP_UNDELIVERED: usize = 5;

/// A reminder that could not be shown as a desktop notification.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Undelivered {
    /// What the notification would have said: "Warm bath", "2 steps of your routine".
    pub summary: String,
    /// The titles of the steps it was about.
    #[serde(default)]
    pub due: Vec<String>,
    /// Why it could not be shown, as a sentence.
    pub reason: String,
    pub at: DateTime<FixedOffset>,
    #[serde(flatten)]
    pub extra: Extra,
}

impl ReminderLog {
    pub fn evening(&self, date: NaiveDate) -> Option<&EveningLog> {
        self.evenings.get(&date)
    }

    pub fn entry(&self, date: NaiveDate, key: &str) -> Option<&LogEntry> {
        self.evening(date)?.sent.get(key)
    }

    /// Whether the reminder `key` of `date`, due at `due`, was already settled (see
    /// [`LogEntry::settles`]).
    pub fn is_settled(&self, date: NaiveDate, key: &str, due: &DateTime<FixedOffset>) -> bool {
        self.entry(date, key).is_some_and(|entry| entry.settles(due))
    }

    pub fn is_paused(&self, date: NaiveDate) -> bool {
        self.evening(date).is_some_and(|e| e.paused)
    }

    /// Since when the reminder `key` of `date` is held for Do Not Disturb, if it is.
    pub fn held_since(&self, date: NaiveDate, key: &str) -> Option<DateTime<FixedOffset>> {
        self.evening(date)?.held.get(key).copied()
    }

    /// Holds the reminder `key` of `date` back from `since` on (an earlier hold stands).
    pub fn hold(&mut self, date: NaiveDate, key: &str, since: DateTime<FixedOffset>) {
        self.evenings.entry(date).or_default().held.entry(key.to_owned()).or_insert(since);
    }

    /// Writes down why the notification for the reminder `key` of `date` was not shown.
    pub fn mark_failed(&mut self, date: NaiveDate, key: &str, reason: &str) {
        if let Some(entry) = self.evenings.get_mut(&date).and_then(|e| e.sent.get_mut(key)) {
            entry.failed = Some(reason.to_owned());
        }
    }

    /// Writes down that the reminder `key` of `date` was settled late because the files
    /// could not be written before (`reason`).
    pub fn mark_stalled(&mut self, date: NaiveDate, key: &str, reason: &str) {
        if let Some(entry) = self.evenings.get_mut(&date).and_then(|e| e.sent.get_mut(key)) {
            entry.stalled = Some(reason.to_owned());
        }
    }

    /// Records how a reminder was settled. For the same clock time the first decision
    /// stands; for a new one (the step moved) the entry is replaced, keeping the old
    /// time in [`LogEntry::earlier`]. A hold on it ends here.
    pub fn settle(&mut self, date: NaiveDate, key: &str, entry: LogEntry) {
        let evening = self.evenings.entry(date).or_default();
        evening.held.remove(key);
        let sent = &mut evening.sent;
        match sent.get_mut(key) {
            Some(old) if old.settles(&entry.due) => {}
            Some(old) => {
                let mut earlier = std::mem::take(&mut old.earlier);
                earlier.push(old.due);
                let extra = earlier.len().saturating_sub(KEEP_EARLIER);
                earlier.drain(..extra);
                *old = LogEntry { earlier, ..entry };
            }
            None => {
                sent.insert(key.to_owned(), entry);
            }
        }
    }

    pub fn set_paused(&mut self, date: NaiveDate, paused: bool) {
        self.evenings.entry(date).or_default().paused = paused;
    }

    /// Asks for `key` to be reminded again at `until` (replaces an earlier snooze).
    pub fn snooze(&mut self, date: NaiveDate, key: &str, until: DateTime<FixedOffset>) {
        let snooze = Snooze { until, settled: false, extra: Extra::new() };
        self.evenings.entry(date).or_default().snoozed.insert(key.to_owned(), snooze);
    }

    pub fn settle_snooze(&mut self, date: NaiveDate, key: &str) {
        if let Some(snooze) = self.evenings.get_mut(&date).and_then(|e| e.snoozed.get_mut(key)) {
            snooze.settled = true;
        }
    }

    /// Keeps a reminder that could not be shown, for the window.
    pub fn record_undelivered(&mut self, undelivered: Undelivered) {
        self.undelivered.push(undelivered);
        let extra = self.undelivered.len().saturating_sub(KEEP_UNDELIVERED);
        self.undelivered.drain(..extra);
    }

    /// Records what came of the test notification asked at `requested_at`; the request
    /// is answered unless a newer one came in meanwhile.
    pub fn record_test(&mut self, result: TestResult) {
        if self.test_requested_at.is_some_and(|asked| asked <= result.requested_at) {
            self.test_requested_at = None;
        }
        self.test_result = Some(result);
    }

    /// Writes back what `known` (the log as this process last read or saved it) had
    /// settled in `evenings` and this log lacks: a `reminders.json` removed, or replaced
    /// by an older copy, while the service ran must not make a reminder come twice.
    /// Returns how many reminders and snoozes it wrote back (0: nothing was missing).
    pub fn restore_settled(&mut self, known: &ReminderLog, evenings: RangeInclusive<NaiveDate>) -> usize {
        let mut restored = 0;
        for (date, evening) in known.evenings.range(evenings) {
            for (key, entry) in &evening.sent {
                if !self.is_settled(*date, key, &entry.due) {
                    self.settle(*date, key, entry.clone());
                    restored += 1;
                }
            }
            for (key, snooze) in evening.snoozed.iter().filter(|(_, snooze)| snooze.settled) {
                let mine = self.evenings.get_mut(date).and_then(|e| e.snoozed.get_mut(key));
                match mine {
                    Some(mine) if mine.until == snooze.until && !mine.settled => mine.settled = true,
                    Some(_) => continue,
                    None => {
                        self.evenings.entry(*date).or_default().snoozed.insert(key.clone(), snooze.clone());
                    }
                }
                restored += 1;
            }
        }
        restored
    }

    /// Drops all but the newest [`KEEP_EVENINGS`] evenings.
    pub fn prune(&mut self) {
        while self.evenings.len() > KEEP_EVENINGS {
            self.evenings.pop_first();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(text).unwrap()
    }

    fn date(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
    }

    #[test]
    fn first_decision_stands_and_old_evenings_go() {
        let mut log = ReminderLog::default();
        let due = at("2026-11-26T21:00:00+01:00");
        log.settle(date(26), "warm-bath", LogEntry::new(LogOutcome::Fired, due, due));
        log.settle(date(26), "warm-bath", LogEntry::new(LogOutcome::Skipped, due, due));
        assert_eq!(log.entry(date(26), "warm-bath").unwrap().outcome, LogOutcome::Fired);
        for day in 1..=20 {
            log.set_paused(date(day), true);
        }
        // A clock that ran a month ahead adds one evening; the real ones stay.
        log.set_paused(NaiveDate::from_ymd_opt(2026, 12, 30).unwrap(), true);
        log.prune();
        assert_eq!(log.evenings.len(), KEEP_EVENINGS);
        assert!(log.evening(date(1)).is_none());
        assert!(log.evening(date(26)).is_some());
    }

    #[test]
    fn round_trips_with_unknown_fields() {
        let text = r#"{"evenings":{"2026-11-26":{"paused":true,"sent":{":bedtime":{"outcome":"late","due":"2026-11-26T22:30:00+01:00","at":"2026-11-26T22:31:00+01:00","seen":1}},"snoozed":{"warm-bath":{"until":"2026-11-26T21:10:00+01:00","settled":false}}}},"future":true}"#;
        let log: ReminderLog = serde_json::from_str(text).unwrap();
        assert!(log.is_paused(date(26)));
        let back = serde_json::to_value(&log).unwrap();
        assert_eq!(back, serde_json::from_str::<serde_json::Value>(text).unwrap());
    }

    /// `file_notices` is stored as `notices`, as every version has written it: a file from
    /// before the field's rename loads, and is written back under the same name.
    #[test]
    fn file_notices_load_from_an_older_file_and_keep_their_name() {
        let text = r#"{"evenings":{},"notices":["journal.json could not be read"]}"#;
        let log: ReminderLog = serde_json::from_str(text).unwrap();
        assert_eq!(log.file_notices, vec!["journal.json could not be read".to_owned()]);
        let back = serde_json::to_value(&log).unwrap();
        assert_eq!(back["notices"][0], "journal.json could not be read");
        assert!(back.get("file_notices").is_none());
    }

    #[test]
    fn a_moved_reminder_is_owed_again_and_its_old_time_stays_settled() {
        let mut log = ReminderLog::default();
        let first = at("2026-11-26T21:00:00+01:00");
        let moved = at("2026-11-26T22:00:00+01:00");
        log.settle(date(26), "warm-bath", LogEntry::new(LogOutcome::Skipped, first, first));
        assert!(log.is_settled(date(26), "warm-bath", &first));
        assert!(!log.is_settled(date(26), "warm-bath", &moved));
        // The same clock time in another zone is the same reminder.
        assert!(log.is_settled(date(26), "warm-bath", &at("2026-11-26T21:00:00+00:00")));
        log.settle(date(26), "warm-bath", LogEntry::new(LogOutcome::Fired, moved, moved));
        let entry = log.entry(date(26), "warm-bath").unwrap();
        assert_eq!((entry.outcome, entry.earlier.clone()), (LogOutcome::Fired, vec![first]));
        assert!(log.is_settled(date(26), "warm-bath", &first) && log.is_settled(date(26), "warm-bath", &moved));
        let back: ReminderLog = serde_json::from_str(&serde_json::to_string(&log).unwrap()).unwrap();
        assert_eq!(back, log);
    }

    #[test]
    fn a_test_result_answers_its_request_only() {
        let mut log = ReminderLog::default();
        let asked = at("2026-11-26T21:00:00+01:00");
        let result =
            |requested_at| TestResult { requested_at, at: asked, shown: true, reason: None, extra: Extra::new() };
        log.test_requested_at = Some(at("2026-11-26T21:00:05+01:00"));
        log.record_test(result(asked));
        assert!(log.test_requested_at.is_some(), "a newer request still waits");
        log.record_test(result(at("2026-11-26T21:00:05+01:00")));
        assert!(log.test_requested_at.is_none() && log.test_result.as_ref().unwrap().shown);
    }

    #[test]
    fn outcome_details_round_trip_and_an_old_entry_reads_without_them() {
        let old = r#"{"outcome":"fired","due":"2026-11-26T21:00:00+01:00","at":"2026-11-26T21:00:00+01:00"}"#;
        let entry: LogEntry = serde_json::from_str(old).unwrap();
        assert!(entry.held_since.is_none() && entry.failed.is_none() && !entry.through_do_not_disturb);
        assert_eq!(serde_json::to_string(&entry).unwrap(), old, "nothing new is written for an old entry");
        let mut log = ReminderLog::default();
        let due = at("2026-11-26T21:00:00+01:00");
        log.hold(date(26), "warm-bath", due);
        log.hold(date(26), "warm-bath", at("2026-11-26T21:00:30+01:00"));
        assert_eq!(log.held_since(date(26), "warm-bath"), Some(due), "the first hold stands");
        let mut entry = LogEntry::new(LogOutcome::Late, due, at("2026-11-26T21:05:00+01:00"));
        entry.held_since = log.held_since(date(26), "warm-bath");
        log.settle(date(26), "warm-bath", entry);
        assert!(log.held_since(date(26), "warm-bath").is_none(), "settling ends the hold");
        log.mark_failed(date(26), "warm-bath", "No notification service.");
        let back: ReminderLog = serde_json::from_str(&serde_json::to_string(&log).unwrap()).unwrap();
        assert_eq!(back, log);
        let entry = back.entry(date(26), "warm-bath").unwrap();
        assert_eq!((entry.held_since, entry.failed.as_deref()), (Some(due), Some("No notification service.")));
    }

    #[test]
    fn what_was_settled_comes_back_once_and_newer_decisions_stand() {
        let due = at("2026-11-26T21:00:00+01:00");
        let bed = at("2026-11-26T22:30:00+01:00");
        let mut known = ReminderLog::default();
        known.settle(date(26), "warm-bath", LogEntry::new(LogOutcome::Fired, due, due));
        known.settle(date(26), BEDTIME_KEY, LogEntry::new(LogOutcome::Fired, bed, bed));
        known.settle(date(10), "old", LogEntry::new(LogOutcome::Fired, due, due));
        known.snooze(date(26), "tea", bed);
        known.settle_snooze(date(26), "tea");
        // An older copy: the bath was sent, bedtime not yet, the snooze still waiting.
        let mut older = ReminderLog::default();
        older.settle(date(26), "warm-bath", LogEntry::new(LogOutcome::Fired, due, due));
        older.snooze(date(26), "tea", bed);
        older.set_paused(date(27), true);
        let range = date(24)..=date(28);
        assert_eq!(older.restore_settled(&known, range.clone()), 2);
        assert!(older.is_settled(date(26), BEDTIME_KEY, &bed));
        assert!(older.evening(date(26)).unwrap().snoozed["tea"].settled);
        assert!(older.evening(date(10)).is_none(), "outside the range");
        assert!(older.is_paused(date(27)), "what the file has stays");
        assert_eq!(older.restore_settled(&known, range.clone()), 0, "once");
        // Removed altogether: everything in the range comes back.
        let mut removed = ReminderLog::default();
        assert_eq!(removed.restore_settled(&known, range), 3);
        // A snooze asked anew since (another time) is not overruled.
        let mut newer = known.clone();
        newer.snooze(date(26), "tea", due);
        assert_eq!(newer.restore_settled(&known, date(26)..=date(26)), 0);
        assert!(!newer.evening(date(26)).unwrap().snoozed["tea"].settled);
    }
}
