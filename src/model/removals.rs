//! Dated removals: what a computer took away from the journal (a check-in undone, a night
//! log forgotten), and when, so that merging its journal with another computer's copy
//! cannot bring the record back.
//!
//! Why: computers sharing a synced folder each keep their whole view of the journal
//! ([`super::merge`] joins them). A record missing on one side is not a removal there; it
//! may simply not have arrived. So a removal is written down, as its own record with the
//! time it was made, and kept: it wins over every copy of the record made no later than
//! it, and loses to a record made after it (the step checked again).
//!
//! # The rules
//!
//! Each record has two times: `at`, when the user did it by the clock of the computer
//! they did it on (what every view, export and statistic shows), and its place in the
//! merge's order ([`CheckIn::order`], [`NightLog::order`](super::night::NightLog::order)):
//! the same as `at`, except for a record made over one stamped later (by a clock running
//! ahead), which is given an `order` stamp just past it. Only merging and removals look at
//! the order (and an import's check, which refuses one after the years the app keeps:
//! at the end of chrono's range "+ 1 s" below is the stamp itself, and nothing goes past
//! it; see [`super::validate`]).
//!
//! - A removal of a step's check-in on an evening removes every copy of that check-in whose
//!   order is at or before the removal's time; a removal of a night log likewise by the
//!   log's order (a log without a time counts as the oldest).
//! - Two computers' removals of the same record: the later is kept (removals only grow).
//! - A change made here goes past what it replaces, whatever the clocks say: a removal is
//!   dated max(now, the removed record's order + 1 s); a check-in or night log recorded
//!   over an older one (or over a removal) keeps `at` = the time it was made, and is
//!   given an order of that one's (or the removal's) + 1 s when its `at` is not later
//!   already. Records are kept to the second, so 1 s is the smallest step.
//! - Clocks that disagree: the later order wins, so a computer whose clock runs ahead
//!   wins a real conflict (both changed the same record while apart) by as much as it
//!   runs ahead; what one user does on one computer after seeing the other's change
//!   always wins, by the rule above, and is shown at the time it was made: a removal
//!   stamped years ahead by a fast clock does not make a step checked again here show a
//!   time years ahead (nor make a backup holding it look like one from the future).

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset, NaiveDate, TimeDelta};
use serde::{Deserialize, Serialize};

use super::journal::{CheckIn, Extra, Journal, NightLog};

/// What was taken away from one evening, each with the time it was.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Removed {
    /// Step id → when its check-in was undone.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub checks: BTreeMap<String, Stamp>,
    /// When the night log was forgotten.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub night: Option<Stamp>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// An instant written as the journal writes its check-ins' (see [`super::instant`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Stamp(
    #[serde(serialize_with = "super::instant::serialize", deserialize_with = "super::instant::deserialize")]
    pub  DateTime<FixedOffset>,
);

/// Removals by evening.
pub type Removals = BTreeMap<NaiveDate, Removed>;

/// Reads [`Removals`] with the journal's strict date keys (one spelling per evening).
pub fn deserialize<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Removals, D::Error> {
    struct ByDate;

    impl<'de> serde::de::Visitor<'de> for ByDate {
        type Value = Removals;

        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("removals by date")
        }

        fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Removals, A::Error> {
            let mut removals = Removals::new();
            while let Some(super::journal::DateKey(date)) = map.next_key()? {
                removals.insert(date, map.next_value()?);
            }
            Ok(removals)
        }
    }

    deserializer.deserialize_map(ByDate)
}

/// The smallest step between two records' times.
const STEP: TimeDelta = TimeDelta::seconds(1);

/// Just after `order`: 1 s later, or `order` itself at the end of chrono's range (a stamp
/// edited by hand into year 262142 must not stop the app).
fn just_after(order: DateTime<FixedOffset>) -> DateTime<FixedOffset> {
    super::time::shift(&order, STEP)
}

/// Adds `theirs` to `ours`: per record the later removal.
pub fn merge_removals(ours: &mut Removals, theirs: &Removals) {
    for (date, their_evening) in theirs {
        let our_evening = ours.entry(*date).or_default();
        for (step, stamp) in &their_evening.checks {
            let ours = our_evening.checks.entry(step.clone()).or_insert(*stamp);
            *ours = (*ours).max(*stamp);
        }
        our_evening.night = our_evening.night.max(their_evening.night);
        for (key, value) in &their_evening.extra {
            our_evening.extra.entry(key.clone()).or_insert_with(|| value.clone());
        }
    }
}

/// Takes out of `journal` every record that a removal is later than (or as late as).
pub fn apply_removals(journal: &mut Journal, removals: &Removals) {
    for (date, removed) in removals {
        let Some(evening) = journal.evenings.get_mut(date) else { continue };
        evening.checks.retain(|step, check| removed.checks.get(step).is_none_or(|stamp| check.order() > stamp.0));
        if let (Some(night), Some(stamp)) = (&evening.night, removed.night)
            && night.order().is_none_or(|order| order <= stamp.0)
        {
            evening.night = None;
        }
        if evening.checks.is_empty() && evening.night.is_none() && evening.extra.is_empty() {
            journal.evenings.remove(date);
        }
    }
}

/// What a change made here took away from `before` to give `after`, added to `removals`
/// as dated removals; and every record it added or changed in `after` given, if need be,
/// an order just past what it replaces (see the module's rules; its `at` is left as the
/// change gave it). `now` is the change's time. Without `now`, a removal is dated just
/// after what it removes.
pub fn record_change(
    before: &Journal,
    after: &mut Journal,
    removals: &mut Removals,
    now: Option<DateTime<FixedOffset>>,
) {
    let dated = |order: DateTime<FixedOffset>| now.map_or(just_after(order), |now| now.max(just_after(order)));
    for (date, old) in &before.evenings {
        let new = after.evenings.get(date);
        for (step, check) in &old.checks {
            if new.is_none_or(|new| !new.checks.contains_key(step)) {
                let stamp = dated(check.order());
                let removed = removals.entry(*date).or_default().checks.entry(step.clone()).or_insert(Stamp(stamp));
                removed.0 = removed.0.max(stamp);
            }
        }
        if let Some(night) = &old.night
            && new.is_none_or(|new| new.night.is_none())
        {
            let stamp = match night.order() {
                Some(order) => dated(order),
                // A log without a time counts as the oldest: any removal is later.
                None => now.unwrap_or(DateTime::UNIX_EPOCH.fixed_offset()),
            };
            let removed = &mut removals.entry(*date).or_default().night;
            *removed = Some((*removed).map_or(Stamp(stamp), |old| Stamp(old.0.max(stamp))));
        }
    }
    for (date, new) in &mut after.evenings {
        let old = before.evenings.get(date);
        let removed = removals.get(date);
        for (step, check) in &mut new.checks {
            let replaced = old.and_then(|old| old.checks.get(step));
            if replaced == Some(check) {
                continue; // unchanged by this change
            }
            let taken_back = removed.and_then(|removed| removed.checks.get(step)).map(|stamp| stamp.0);
            let floor = [replaced.map(CheckIn::order), taken_back].into_iter().flatten().max();
            check.order = past(Some(check.at), check.order, floor);
        }
        if let Some(night) = &mut new.night {
            let old_night = old.and_then(|old| old.night.as_ref());
            if old_night != Some(night) {
                let replaced = old_night.and_then(NightLog::order);
                let taken_back = removed.and_then(|removed| removed.night).map(|stamp| stamp.0);
                let floor = [replaced, taken_back].into_iter().flatten().max();
                night.order = past(night.at, night.order, floor);
            }
        }
    }
}

/// The order stamp of a record made at `at` (with the stamp `order` it came with, say
/// from a backup) over what stands at `floor`: `floor` + 1 s when the record would not be
/// later than it, else the stamp it came with; and none (not written) when that is no
/// later than `at`.
fn past(
    at: Option<DateTime<FixedOffset>>,
    order: Option<DateTime<FixedOffset>>,
    floor: Option<DateTime<FixedOffset>>,
) -> Option<DateTime<FixedOffset>> {
    let order = match floor {
        Some(floor) if at.max(order).is_none_or(|kept| kept <= floor) => Some(just_after(floor)),
        _ => order,
    };
    order.filter(|order| at.is_none_or(|at| *order > at))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::journal::{CheckIn, Outcome};
    use crate::model::night::NightLog;

    fn date() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 5).unwrap()
    }

    fn at(text: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(text).unwrap()
    }

    fn with_check(time: &str) -> Journal {
        let mut journal = Journal::default();
        journal.record(date(), "warm-bath", CheckIn::new(Outcome::Done, at(time), None));
        journal
    }

    /// `journal` with the warm bath's check-in undone at `now`, and the removal it makes.
    fn undone(journal: &Journal, now: &str) -> (Journal, Removals) {
        let mut after = journal.clone();
        after.undo(date(), "warm-bath");
        let mut removals = Removals::new();
        record_change(journal, &mut after, &mut removals, Some(at(now)));
        (after, removals)
    }

    /// Computers' files (journal, removals) read together, in the order given.
    fn merged(files: &[&(Journal, Removals)]) -> (Journal, Removals) {
        let (mut journal, mut removals) = files[0].clone();
        for (other, other_removals) in &files[1..] {
            crate::model::merge_into(&mut journal, other);
            merge_removals(&mut removals, other_removals);
        }
        apply_removals(&mut journal, &removals);
        (journal, removals)
    }

    #[test]
    fn an_undo_is_dated_and_wins_over_every_older_copy() {
        let before = with_check("2026-12-05T21:00:00+01:00");
        let (after, removals) = undone(&before, "2026-12-05T21:05:00+01:00");
        assert_eq!(removals[&date()].checks["warm-bath"].0, at("2026-12-05T21:05:00+01:00"));
        // The other computer's copy of the check-in comes back in a merge, and goes again.
        let mut merged = after.clone();
        crate::model::merge_into(&mut merged, &before);
        apply_removals(&mut merged, &removals);
        assert!(merged.evenings.is_empty(), "{merged:?}");
        // Checked again later (on either computer): kept.
        let mut again = with_check("2026-12-05T21:10:00+01:00");
        apply_removals(&mut again, &removals);
        assert_eq!(again.check_in_count(), 1);
    }

    #[test]
    fn a_clock_behind_still_makes_the_users_change_win() {
        // The check-in came from a computer whose clock is an hour ahead.
        let before = with_check("2026-12-05T22:00:00+01:00");
        let (after, mut removals) = undone(&before, "2026-12-05T21:05:00+01:00");
        assert_eq!(removals[&date()].checks["warm-bath"].0, at("2026-12-05T22:00:01+01:00"));
        // Checked again here, still by the slow clock: it goes just past the removal.
        let undone = after.clone();
        let mut again = with_check("2026-12-05T21:06:00+01:00");
        record_change(&undone, &mut again, &mut removals, Some(at("2026-12-05T21:06:00+01:00")));
        let checked = again.check_in(date(), "warm-bath").unwrap();
        assert_eq!(checked.order(), at("2026-12-05T22:00:02+01:00"));
        assert_eq!(checked.at, at("2026-12-05T21:06:00+01:00"), "shown at the time it was checked");
        apply_removals(&mut again, &removals);
        assert_eq!(again.check_in_count(), 1);
        // Done changed to skipped by the slow clock: still the newer record.
        let before = again.clone();
        let mut skipped = again.clone();
        skipped.record(date(), "warm-bath", CheckIn::new(Outcome::Skipped, at("2026-12-05T21:07:00+01:00"), None));
        record_change(&before, &mut skipped, &mut removals, Some(at("2026-12-05T21:07:00+01:00")));
        let changed = skipped.check_in(date(), "warm-bath").unwrap();
        assert_eq!((changed.at, changed.order()), (at("2026-12-05T21:07:00+01:00"), at("2026-12-05T22:00:03+01:00")));
        // Undone again here: the removal goes past the order, not the time shown.
        let before = skipped.clone();
        skipped.undo(date(), "warm-bath");
        record_change(&before, &mut skipped, &mut removals, Some(at("2026-12-05T21:08:00+01:00")));
        assert_eq!(removals[&date()].checks["warm-bath"].0, at("2026-12-05T22:00:04+01:00"));
        let mut copy = before.clone();
        apply_removals(&mut copy, &removals);
        assert!(copy.evenings.is_empty(), "{copy:?}");
    }

    /// The other computer (its clock years ahead) undid a check-in; checked again here.
    /// Returns both computers' files: (here, there).
    fn checked_again_after_a_removal_from_2031() -> ((Journal, Removals), (Journal, Removals)) {
        let original = with_check("2026-12-05T21:00:00+01:00");
        let (there, there_removed) = undone(&original, "2031-03-01T10:00:00+01:00");
        assert_eq!(there_removed[&date()].checks["warm-bath"].0, at("2031-03-01T10:00:00+01:00"));
        // Here, the merged view: the removal came, the check-in went.
        let mut seen = original.clone();
        let mut removed = there_removed.clone();
        apply_removals(&mut seen, &removed);
        let mut here = seen.clone();
        here.record(date(), "warm-bath", CheckIn::new(Outcome::Skipped, at("2026-12-07T21:00:00+01:00"), None));
        record_change(&seen, &mut here, &mut removed, Some(at("2026-12-07T21:00:00+01:00")));
        ((here, removed), (there, there_removed))
    }

    #[test]
    fn a_check_in_made_after_a_removal_from_a_clock_years_ahead_shows_its_own_time_and_survives() {
        let ((here, removed), there) = checked_again_after_a_removal_from_2031();
        let checked = here.check_in(date(), "warm-bath").unwrap().clone();
        assert_eq!(checked.at, at("2026-12-07T21:00:00+01:00"), "the time shown is this computer's");
        assert_eq!(checked.order(), at("2031-03-01T10:00:01+01:00"), "its order goes past the removal");
        // Written with both, read back the same; a check-in in step with its time writes none.
        let text = serde_json::to_string(&checked).unwrap();
        assert_eq!(
            text,
            r#"{"outcome":"skipped","at":"2026-12-07T21:00:00+01:00","order":"2031-03-01T10:00:01+01:00"}"#
        );
        assert_eq!(serde_json::from_str::<CheckIn>(&text).unwrap(), checked);
        assert!(!serde_json::to_string(&with_check("2026-12-05T21:00:00+01:00")).unwrap().contains("order"));
        // Either computer, merging the two files in either order, keeps it as it is here.
        let here = (here, removed);
        for files in [[&here, &there], [&there, &here]] {
            assert_eq!(merged(&files).0.check_in(date(), "warm-bath"), Some(&checked), "{files:?}");
        }
    }

    #[test]
    fn a_night_logged_after_a_removal_from_a_clock_years_ahead_shows_its_own_time_and_survives() {
        let night =
            |time: &str, rested: u8| NightLog { at: Some(at(time)), rested: Some(rested), ..NightLog::default() };
        let mut original = Journal::default();
        original.evenings.entry(date()).or_default().night = Some(night("2026-12-06T07:00:00+01:00", 2));
        let mut there = original.clone();
        there.forget_night(date());
        let mut there_removed = Removals::new();
        record_change(&original, &mut there, &mut there_removed, Some(at("2031-03-01T10:00:00+01:00")));
        let mut seen = original.clone();
        let mut removed = there_removed.clone();
        apply_removals(&mut seen, &removed);
        let mut here = seen.clone();
        here.evenings.entry(date()).or_default().night = Some(night("2026-12-07T07:30:00+01:00", 4));
        record_change(&seen, &mut here, &mut removed, Some(at("2026-12-07T07:30:00+01:00")));
        let logged = here.night(date()).unwrap().clone();
        assert_eq!(logged.at, Some(at("2026-12-07T07:30:00+01:00")));
        assert_eq!(logged.order(), Some(at("2031-03-01T10:00:01+01:00")));
        let text = serde_json::to_string(&logged).unwrap();
        assert_eq!(serde_json::from_str::<NightLog>(&text).unwrap(), logged);
        let here = (here, removed);
        let there = (there, there_removed);
        for files in [[&here, &there], [&there, &here]] {
            assert_eq!(merged(&files).0.night(date()), Some(&logged), "{files:?}");
        }
        // Changed again here, later by this clock: still past the removal, its time its own.
        let before = here.0.clone();
        let mut again = before.clone();
        again.evenings.get_mut(&date()).unwrap().night =
            Some(NightLog { order: logged.order, ..night("2026-12-07T08:00:00+01:00", 5) });
        let mut removals = here.1.clone();
        record_change(&before, &mut again, &mut removals, Some(at("2026-12-07T08:00:00+01:00")));
        let changed = again.night(date()).unwrap();
        assert_eq!(
            (changed.at, changed.order()),
            (Some(at("2026-12-07T08:00:00+01:00")), Some(at("2031-03-01T10:00:02+01:00")))
        );
    }

    #[test]
    fn a_stamp_no_later_than_the_time_is_not_written() {
        // A log edited in place keeps the stamp it had; once its time is later, none.
        let mut before = Journal::default();
        let old = NightLog {
            at: Some(at("2026-12-06T07:00:00+01:00")),
            order: Some(at("2026-12-06T07:10:00+01:00")),
            ..NightLog::default()
        };
        before.evenings.entry(date()).or_default().night = Some(old.clone());
        let mut after = before.clone();
        after.evenings.get_mut(&date()).unwrap().night =
            Some(NightLog { at: Some(at("2026-12-06T08:00:00+01:00")), rested: Some(3), ..old });
        record_change(&before, &mut after, &mut Removals::new(), Some(at("2026-12-06T08:00:00+01:00")));
        assert_eq!(after.night(date()).unwrap().order, None);
        // A check-in brought with a later stamp (a backup restored) keeps it.
        let mut restored = Journal::default();
        let mut check = CheckIn::new(Outcome::Done, at("2026-12-05T21:00:00+01:00"), None);
        check.order = Some(at("2031-03-01T10:00:01+01:00"));
        restored.record(date(), "warm-bath", check.clone());
        record_change(&Journal::default(), &mut restored, &mut Removals::new(), Some(at("2026-12-07T09:00:00+01:00")));
        assert_eq!(restored.check_in(date(), "warm-bath"), Some(&check));
    }

    #[test]
    fn a_forgotten_night_stays_forgotten_and_removals_merge_to_the_later() {
        let mut before = Journal::default();
        let night = NightLog { at: Some(at("2026-12-06T07:00:00+01:00")), ..NightLog::default() };
        before.evenings.entry(date()).or_default().night = Some(night);
        let mut after = before.clone();
        after.forget_night(date());
        let mut ours = Removals::new();
        record_change(&before, &mut after, &mut ours, Some(at("2026-12-06T08:00:00+01:00")));
        let mut theirs = Removals::new();
        theirs.entry(date()).or_default().night = Some(Stamp(at("2026-12-06T07:30:00+01:00")));
        merge_removals(&mut theirs, &ours);
        assert_eq!(theirs[&date()].night, Some(Stamp(at("2026-12-06T08:00:00+01:00"))));
        let mut copy = before.clone();
        apply_removals(&mut copy, &theirs);
        assert!(copy.evenings.is_empty());
    }

    #[test]
    fn stamps_at_the_end_of_time_do_not_stop_a_change() {
        let end = DateTime::<chrono::Utc>::MAX_UTC.fixed_offset();
        let mut before = with_check("2026-12-05T21:00:00+01:00");
        before.evenings.get_mut(&date()).unwrap().checks.get_mut("warm-bath").unwrap().order = Some(end);
        let (_, removals) = undone(&before, "2026-12-05T21:05:00+01:00");
        assert_eq!(removals[&date()].checks["warm-bath"].0, end);
        let mut again = with_check("2026-12-05T21:06:00+01:00");
        let mut removals = removals.clone();
        record_change(&Journal::default(), &mut again, &mut removals, Some(at("2026-12-05T21:06:00+01:00")));
        assert_eq!(again.check_in(date(), "warm-bath").unwrap().order(), end);
        // Such a stamp can be in a file (model_never_panic writes one).
        let text = r#"{"outcome":"done","at":"2026-11-26T21:00:00+01:00","order":"+262142-12-31T23:59:59Z"}"#;
        let far = serde_json::from_str::<CheckIn>(text).unwrap().order.unwrap();
        assert_eq!(far.timestamp(), end.timestamp());
    }

    #[test]
    fn removals_read_back_as_written() {
        let mut removals = Removals::new();
        removals.entry(date()).or_default().checks.insert("warm-bath".into(), Stamp(at("2026-12-05T21:05:00+01:00")));
        let text = serde_json::to_string(&removals).unwrap();
        assert_eq!(text, r#"{"2026-12-05":{"checks":{"warm-bath":"2026-12-05T21:05:00+01:00"}}}"#);
        assert_eq!(serde_json::from_str::<Removals>(&text).unwrap(), removals);
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        /// An operation a user makes on one computer: check a step (at minute m of 21:00),
        /// or undo it, at the operation's own minute.
        #[derive(Debug, Clone)]
        enum Op {
            Check(usize, u32),
            Undo(usize, u32),
        }

        const STEPS: [&str; 3] = ["warm-bath", "lights-out", "my-tea"];

        fn minute(m: u32) -> DateTime<FixedOffset> {
            at("2026-12-05T21:00:00+01:00") + TimeDelta::minutes(i64::from(m))
        }

        fn any_ops() -> impl Strategy<Value = Vec<Op>> {
            proptest::collection::vec(
                prop_oneof![
                    (0..3usize, 0..60u32).prop_map(|(s, m)| Op::Check(s, m)),
                    (0..3usize, 0..60u32).prop_map(|(s, m)| Op::Undo(s, m))
                ],
                0..6,
            )
        }

        /// How far a computer's clock is from the true time: often right, sometimes
        /// minutes off, sometimes years ahead or behind.
        fn any_clock() -> impl Strategy<Value = TimeDelta> {
            prop_oneof![
                Just(TimeDelta::zero()),
                (-30i64..30).prop_map(TimeDelta::minutes),
                (-3i64..=5).prop_map(|years| TimeDelta::days(365 * years)),
            ]
        }

        /// One computer's file after `ops`, starting from `base`, by a clock `clock` off the
        /// true time; and every check-in it made, with the time it was made.
        fn run(base: &Journal, ops: &[Op], clock: TimeDelta) -> (Journal, Removals, Vec<CheckIn>) {
            let (mut journal, mut removals, mut made) = (base.clone(), Removals::new(), Vec::new());
            for op in ops {
                let before = journal.clone();
                let (Op::Check(step, m) | Op::Undo(step, m)) = op;
                let now = minute(*m) + clock;
                match op {
                    Op::Check(..) => {
                        journal.record(date(), STEPS[*step], CheckIn::new(Outcome::Done, now, None));
                    }
                    Op::Undo(..) => {
                        journal.undo(date(), STEPS[*step]);
                    }
                }
                record_change(&before, &mut journal, &mut removals, Some(now));
                apply_removals(&mut journal, &removals);
                if let Op::Check(step, _) = op {
                    // What the user just did is there, shown at the time it was done.
                    let check = journal.check_in(date(), STEPS[*step]).cloned();
                    assert_eq!(check.as_ref().map(|check| check.at), Some(now), "{op:?} by {clock}");
                    made.extend(check);
                }
            }
            (journal, removals, made)
        }

        proptest! {
            /// Two computers apart (their clocks perhaps years apart), then synced:
            /// whichever file is read first, the same steps survive; nothing taken away
            /// comes back; reading the merged view again with either file changes nothing;
            /// every check-in shown is one a change made, at the time it was made.
            #[test]
            fn two_computers_converge_and_removals_hold(
                base_ops in any_ops(), a_ops in any_ops(), b_ops in any_ops(),
                a_clock in any_clock(), b_clock in any_clock(),
            ) {
                let (base, _, mut made) = run(&Journal::default(), &base_ops, a_clock);
                let (a_journal, a_removals, a_made) = run(&base, &a_ops, a_clock);
                let (b_journal, b_removals, b_made) = run(&base, &b_ops, b_clock);
                made.extend(a_made.into_iter().chain(b_made));
                let (a, b) = ((a_journal, a_removals), (b_journal, b_removals));
                let (one, removals) = merged(&[&a, &b]);
                let (other, _) = merged(&[&b, &a]);
                let steps = |j: &Journal| j.evening(date()).map(|e| e.checks.keys().cloned().collect::<Vec<_>>()).unwrap_or_default();
                prop_assert_eq!(steps(&one), steps(&other));
                for (step, check) in one.evening(date()).map(|e| e.checks.iter()).into_iter().flatten() {
                    let stamp = removals.get(&date()).and_then(|r| r.checks.get(step));
                    prop_assert!(stamp.is_none_or(|stamp| check.order() > stamp.0));
                    prop_assert!(made.contains(check), "{step}: {check:?} was never made");
                }
                let again = merged(&[&(one.clone(), removals.clone()), &a, &b]);
                prop_assert_eq!(&again.0, &one);
            }

            /// Two computers kept in sync (each change made having seen the other's), their
            /// clocks perhaps years apart, checking, undoing, logging and forgetting: both
            /// show what the last change made, at the time it was made.
            #[test]
            fn each_change_made_having_seen_the_other_wins_and_shows_its_own_time(
                // (on B, what: check/undo/log/forget, which step, outcome or rested)
                ops in proptest::collection::vec((any::<bool>(), 0..4u8, 0..2usize, 1..5u8), 0..12),
                a_clock in any_clock(), b_clock in any_clock(),
            ) {
                let mut files = [(Journal::default(), Removals::new()), (Journal::default(), Removals::new())];
                let mut expected_check: [Option<(Outcome, DateTime<FixedOffset>)>; 2] = [None, None];
                let mut expected_night: Option<(u8, DateTime<FixedOffset>)> = None;
                for (index, (on_b, kind, step, rested)) in ops.iter().enumerate() {
                    let who = usize::from(*on_b);
                    let clock = if *on_b { b_clock } else { a_clock };
                    let now = minute(u32::try_from(index).unwrap()) + clock;
                    let (view, mut removals) = merged(&[&files[who], &files[1 - who]]);
                    let mut after = view.clone();
                    match kind {
                        0 => {
                            let outcome = if *rested % 2 == 0 { Outcome::Done } else { Outcome::Skipped };
                            after.record(date(), STEPS[*step], CheckIn::new(outcome, now, None));
                            expected_check[*step] = Some((outcome, now));
                        }
                        1 => {
                            after.undo(date(), STEPS[*step]);
                            expected_check[*step] = None;
                        }
                        2 => {
                            let slot = &mut after.evenings.entry(date()).or_default().night;
                            let log = slot.get_or_insert_with(NightLog::default);
                            if log.rested != Some(*rested) || log.at.is_none() {
                                log.rested = Some(*rested);
                                log.at = Some(now);
                                expected_night = Some((*rested, now));
                            }
                        }
                        _ => {
                            after.forget_night(date());
                            expected_night = None;
                        }
                    }
                    record_change(&view, &mut after, &mut removals, Some(now));
                    apply_removals(&mut after, &removals);
                    files[who] = (after, removals);
                    for (one, other) in [(0, 1), (1, 0)] {
                        let (seen, _) = merged(&[&files[one], &files[other]]);
                        for (step, expected) in expected_check.iter().enumerate() {
                            let got = seen.check_in(date(), STEPS[step]).map(|c| (c.outcome, c.at));
                            prop_assert_eq!(got, *expected, "step {} after op {} seen by {}", step, index, one);
                        }
                        let got = seen.night(date()).map(|n| (n.rested.unwrap_or(0), n.at.unwrap()));
                        prop_assert_eq!(got, expected_night, "night after op {} seen by {}", index, one);
                    }
                }
            }
        }
    }
}
