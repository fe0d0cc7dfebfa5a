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
//! - A removal of a step's check-in on an evening removes every copy of that check-in whose
//!   `at` is at or before the removal's time; a removal of a night log likewise by the log's
//!   `at` (a log without one counts as the oldest).
//! - Two computers' removals of the same record: the later is kept (removals only grow).
//! - A change made here is stamped so that it wins over what it replaces, whatever the
//!   clocks say: a removal gets max(now, the removed record's time + 1 s); a check-in or
//!   night log recorded over an older one (or over a removal) gets at least that one's
//!   time + 1 s. Records are kept to the second, so 1 s is the smallest step.
//! - Clocks that disagree: the later *stamp* wins, so a computer whose clock runs ahead
//!   wins a real conflict (both changed the same record while apart) by as much as it
//!   runs ahead; what one user does on one computer after seeing the other's change
//!   always wins, by the rule above.

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset, NaiveDate, TimeDelta};
use serde::{Deserialize, Serialize};

use super::journal::{Extra, Journal};

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
        evening.checks.retain(|step, check| removed.checks.get(step).is_none_or(|stamp| check.at > stamp.0));
        if let (Some(night), Some(stamp)) = (&evening.night, removed.night)
            && night.at.is_none_or(|at| at <= stamp.0)
        {
            evening.night = None;
        }
        if evening.checks.is_empty() && evening.night.is_none() && evening.extra.is_empty() {
            journal.evenings.remove(date);
        }
    }
}

/// What a change made here took away from `before` to give `after`, added to `removals`
/// as dated removals; and every record it added or changed in `after` moved, if need be,
/// just past what it replaces (see the module's rules). `now` is the change's time.
/// Without `now`, a removal is dated just after what it removes.
pub fn record_change(
    before: &Journal,
    after: &mut Journal,
    removals: &mut Removals,
    now: Option<DateTime<FixedOffset>>,
) {
    let dated = |at: DateTime<FixedOffset>| now.map_or(at + STEP, |now| now.max(at + STEP));
    for (date, old) in &before.evenings {
        let new = after.evenings.get(date);
        for (step, check) in &old.checks {
            if new.is_none_or(|new| !new.checks.contains_key(step)) {
                let stamp = dated(check.at);
                let removed = removals.entry(*date).or_default().checks.entry(step.clone()).or_insert(Stamp(stamp));
                removed.0 = removed.0.max(stamp);
            }
        }
        if let Some(night) = &old.night
            && new.is_none_or(|new| new.night.is_none())
        {
            let stamp = match night.at {
                Some(at) => dated(at),
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
            if let Some(floor) = [replaced.map(|old| old.at), taken_back].into_iter().flatten().max()
                && check.at <= floor
            {
                check.at = floor + STEP;
            }
        }
        if let Some(night) = &mut new.night {
            let old_night = old.and_then(|old| old.night.as_ref());
            if old_night != Some(night) {
                let replaced = old_night.and_then(|old| old.at);
                let taken_back = removed.and_then(|removed| removed.night).map(|stamp| stamp.0);
                if let Some(floor) = [replaced, taken_back].into_iter().flatten().max()
                    && night.at.is_none_or(|at| at <= floor)
                {
                    night.at = Some(floor + STEP);
                }
            }
        }
    }
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

    #[test]
    fn an_undo_is_dated_and_wins_over_every_older_copy() {
        let before = with_check("2026-12-05T21:00:00+01:00");
        let mut after = before.clone();
        after.undo(date(), "warm-bath");
        let mut removals = Removals::new();
        record_change(&before, &mut after, &mut removals, Some(at("2026-12-05T21:05:00+01:00")));
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
        let mut after = before.clone();
        after.undo(date(), "warm-bath");
        let mut removals = Removals::new();
        record_change(&before, &mut after, &mut removals, Some(at("2026-12-05T21:05:00+01:00")));
        assert_eq!(removals[&date()].checks["warm-bath"].0, at("2026-12-05T22:00:01+01:00"));
        // Checked again here, still by the slow clock: it goes just past the removal.
        let undone = after.clone();
        let mut again = with_check("2026-12-05T21:06:00+01:00");
        record_change(&undone, &mut again, &mut removals, Some(at("2026-12-05T21:06:00+01:00")));
        assert_eq!(again.check_in(date(), "warm-bath").unwrap().at, at("2026-12-05T22:00:02+01:00"));
        apply_removals(&mut again, &removals);
        assert_eq!(again.check_in_count(), 1);
        // Done changed to skipped by the slow clock: still the newer record.
        let before = again.clone();
        let mut skipped = again.clone();
        skipped.record(date(), "warm-bath", CheckIn::new(Outcome::Skipped, at("2026-12-05T21:07:00+01:00"), None));
        record_change(&before, &mut skipped, &mut removals, Some(at("2026-12-05T21:07:00+01:00")));
        assert_eq!(skipped.check_in(date(), "warm-bath").unwrap().at, at("2026-12-05T22:00:03+01:00"));
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

        /// One computer's file after `ops`, starting from `base`.
        fn run(base: &Journal, ops: &[Op]) -> (Journal, Removals) {
            let (mut journal, mut removals) = (base.clone(), Removals::new());
            for op in ops {
                let before = journal.clone();
                let now = match op {
                    Op::Check(step, m) => {
                        journal.record(date(), STEPS[*step], CheckIn::new(Outcome::Done, minute(*m), None));
                        minute(*m)
                    }
                    Op::Undo(step, m) => {
                        journal.undo(date(), STEPS[*step]);
                        minute(*m)
                    }
                };
                record_change(&before, &mut journal, &mut removals, Some(now));
                apply_removals(&mut journal, &removals);
            }
            (journal, removals)
        }

        fn merged(files: &[&(Journal, Removals)]) -> (Journal, Removals) {
            let (mut journal, mut removals) = files[0].clone();
            for (other, other_removals) in &files[1..] {
                crate::model::merge_into(&mut journal, other);
                merge_removals(&mut removals, other_removals);
            }
            apply_removals(&mut journal, &removals);
            (journal, removals)
        }

        proptest! {
            /// Two computers apart, then synced: whichever file is read first, the same
            /// steps survive; nothing taken away comes back; reading the merged view again
            /// with either file changes nothing.
            #[test]
            fn two_computers_converge_and_removals_hold(base_ops in any_ops(), a_ops in any_ops(), b_ops in any_ops()) {
                let base = run(&Journal::default(), &base_ops).0;
                let (a, b) = (run(&base, &a_ops), run(&base, &b_ops));
                let (one, removals) = merged(&[&a, &b]);
                let (other, _) = merged(&[&b, &a]);
                let steps = |j: &Journal| j.evening(date()).map(|e| e.checks.keys().cloned().collect::<Vec<_>>()).unwrap_or_default();
                prop_assert_eq!(steps(&one), steps(&other));
                for (step, check) in one.evening(date()).map(|e| e.checks.iter()).into_iter().flatten() {
                    let stamp = removals.get(&date()).and_then(|r| r.checks.get(step));
                    prop_assert!(stamp.is_none_or(|stamp| check.at > stamp.0));
                }
                let again = merged(&[&(one.clone(), removals.clone()), &a, &b]);
                prop_assert_eq!(&again.0, &one);
            }
        }
    }
}
