//! Merging two journals: an imported backup into the user's own, or, later, copies of
//! one journal kept on several computers.
//!
//! Why a module of its own: import must never duplicate or lose a check-in, and the
//! rules that decide between two records of the same thing must be one place, written
//! down and tested, not scattered through the file code.
//!
//! # The rules
//!
//! - **Evenings** are matched by date; an evening on one side only is taken as it is.
//! - **Check-ins** are matched by evening and step id: the union of both sides. When the
//!   same step of the same evening was recorded differently, the one **later in the
//!   merge's order** ([`CheckIn::order`]: its `at`, or the stamp it was given to go past
//!   a record or removal from a clock running ahead) wins, whole (outcome, value, order
//!   and any unknown fields together); equal orders keep **ours** (the journal being
//!   merged into). Two copies differing only by their order differ: the later order
//!   wins and spreads. Each such difference is a conflict in the [`MergeCounts`].
//! - A **night log** is one value: when both sides have one and they differ, the later
//!   ([`NightLog::order`](super::night::NightLog::order)) wins, a log without a time counts as the oldest, a tie keeps
//!   ours; also a conflict.
//! - An evening's **routine** (which steps made it up, for statistics) is the union of
//!   both lists: ours in its order, then steps only theirs has. A step that either
//!   computer had in that evening's routine counts there; dropping it would hide a
//!   check-in from the statistics. One side without a list takes the other's. The union
//!   is made with a set: a list is never searched once per entry of the other.
//! - An evening's **planned times** (when each step was due, bedtime and wake, see
//!   [`super::planned`]) are one record with its own `at`: when both sides recorded them
//!   differently, the later record wins (the computer that touched the evening last
//!   planned it last), a tie keeps ours; steps only the losing side has a time for keep
//!   it, since those steps were part of the evening there and the winner says nothing of
//!   them. One side without times takes the other's. Not a conflict the user is asked
//!   about: no check-in or answer of theirs is lost either way.
//! - **Unknown fields** (written by a newer version) of evenings and of the journal are
//!   kept from both sides; the same field on both sides keeps ours. The counts (`MergeCounts`) count
//!   those the merge brings in, and their size, so a preview can say so.
//!
//! What may come in at all (dates, values, ids, sizes) is checked before a merge, by
//! [`super::validate`]; the merge itself takes both sides as they are.
//!
//! # Properties (tested with proptest)
//!
//! - Nothing is lost: every evening and every step of either side is in the result, and
//!   each check-in in it is one of the two sides' check-ins for that step.
//! - Idempotent: merging the same journal in twice gives what merging it once gave, and
//!   merging a journal into itself changes nothing.
//! - Commutative up to ties: which check-in or night log wins does not depend on the
//!   order of the two sides, except when both have the same place in the merge's order and
//!   differ (then the first argument's is kept), and the order of a merged routine list
//!   and which side's value an unknown field keeps depend on it. For copies from several
//!   computers the outcome is the same set of check-ins whichever merges first.
//! - Not a sync: a check-in taken back (undone) on one side comes back from the other,
//!   since nothing records that it was taken back.

use std::collections::HashSet;

use super::journal::{CheckIn, Evening, Extra, Journal};
use super::validate::Unknown;

/// What a merge found and did, counted for the preview ("12 evenings new, 30 already
/// there, 2 differ").
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MergeCounts {
    /// Evenings only the other side has: added whole.
    pub evenings_new: usize,
    /// Evenings both sides have (their check-ins are merged one by one).
    pub evenings_present: usize,
    /// Check-ins only the other side has: added.
    pub check_ins_new: usize,
    /// Check-ins both sides have, recorded the same: nothing to do.
    pub check_ins_present: usize,
    /// Check-ins both sides have, recorded differently.
    pub check_ins_conflicting: usize,
    /// Of those, how many the other side's (later) one replaced ours.
    pub check_ins_replaced: usize,
    /// Night logs only the other side has: added.
    pub nights_new: usize,
    /// Night logs both sides have, the same.
    pub nights_present: usize,
    /// Night logs both sides have, different.
    pub nights_conflicting: usize,
    /// Of those, how many the other side's (later) one replaced ours.
    pub nights_replaced: usize,
    /// Steps added to evenings' recorded routines (for statistics; nothing the user
    /// checked).
    pub routine_steps_new: usize,
    /// Evenings both sides have whose planned times changed: the other side's taken
    /// (ours had none, or theirs were recorded later), or step times only it had added.
    pub times_changed: usize,
    /// Fields this version does not know that came in, anywhere in the journal, and
    /// their size as JSON (in added evenings, check-ins and night logs too).
    pub unknown: Unknown,
}

impl MergeCounts {
    /// Whether the merge added or replaced anything the user recorded (a merge that only
    /// adds unknown fields or routine lists still saves, see [`Self::changes_anything`]).
    pub fn adds_anything(&self) -> bool {
        self.evenings_new + self.check_ins_new + self.check_ins_replaced + self.nights_new + self.nights_replaced > 0
    }

    /// Whether the merge changes the journal at all: records, routine lists or unknown
    /// fields.
    pub fn changes_anything(&self) -> bool {
        self.adds_anything() || self.routine_steps_new + self.times_changed + self.unknown.fields > 0
    }

    /// All conflicts, check-ins and night logs together.
    pub fn conflicts(&self) -> usize {
        self.check_ins_conflicting + self.nights_conflicting
    }
}

/// Merges `theirs` into `ours` by the rules above and says what it did.
pub fn merge_into(ours: &mut Journal, theirs: &Journal) -> MergeCounts {
    let mut counts = MergeCounts::default();
    for (date, their_evening) in &theirs.evenings {
        match ours.evenings.get_mut(date) {
            Some(our_evening) => {
                counts.evenings_present += 1;
                merge_evening(our_evening, their_evening, &mut counts);
            }
            None => {
                counts.evenings_new += 1;
                counts.check_ins_new += their_evening.checks.len();
                counts.nights_new += usize::from(their_evening.night.is_some());
                counts.routine_steps_new += their_evening.routine.as_ref().map_or(0, Vec::len);
                counts.unknown += Unknown::of_evening(their_evening);
                ours.evenings.insert(*date, their_evening.clone());
            }
        }
    }
    keep_unknown(&mut ours.extra, &theirs.extra, &mut counts);
    counts
}

/// [`merge_into`] without changing either side: the merged journal and the counts.
pub fn merge(ours: &Journal, theirs: &Journal) -> (Journal, MergeCounts) {
    let mut merged = ours.clone();
    let counts = merge_into(&mut merged, theirs);
    (merged, counts)
}

fn merge_evening(ours: &mut Evening, theirs: &Evening, counts: &mut MergeCounts) {
    for (step, their_check) in &theirs.checks {
        match ours.checks.get_mut(step) {
            None => {
                counts.check_ins_new += 1;
                counts.unknown += Unknown::of(&their_check.extra);
                ours.checks.insert(step.clone(), their_check.clone());
            }
            Some(our_check) if same_check_in(our_check, their_check) => counts.check_ins_present += 1,
            Some(our_check) => {
                counts.check_ins_conflicting += 1;
                if their_check.order() > our_check.order() {
                    counts.check_ins_replaced += 1;
                    counts.unknown += Unknown::of(&their_check.extra);
                    *our_check = their_check.clone();
                }
            }
        }
    }
    match (&mut ours.night, &theirs.night) {
        (_, None) => {}
        (None, Some(their_night)) => {
            counts.nights_new += 1;
            counts.unknown += Unknown::of(&their_night.extra);
            ours.night = Some(their_night.clone());
        }
        (Some(our_night), Some(their_night)) if our_night == their_night => counts.nights_present += 1,
        (Some(our_night), Some(their_night)) => {
            counts.nights_conflicting += 1;
            if their_night.order() > our_night.order() {
                counts.nights_replaced += 1;
                counts.unknown += Unknown::of(&their_night.extra);
                *our_night = their_night.clone();
            }
        }
    }
    match (&mut ours.routine, &theirs.routine) {
        (_, None) => {}
        (None, Some(their_routine)) => {
            counts.routine_steps_new += their_routine.len();
            ours.routine = Some(their_routine.clone());
        }
        (Some(our_routine), Some(their_routine)) => {
            let mut known: HashSet<String> = our_routine.iter().cloned().collect();
            for step in their_routine {
                if known.insert(step.clone()) {
                    counts.routine_steps_new += 1;
                    our_routine.push(step.clone());
                }
            }
        }
    }
    if let Some(their_times) = &theirs.times {
        let changed = match &mut ours.times {
            None => {
                counts.unknown += Unknown::of(&their_times.extra);
                ours.times = Some(their_times.clone());
                true
            }
            Some(our_times) if our_times == their_times => false,
            Some(our_times) => {
                let before = our_times.clone();
                let loser = if their_times.at > our_times.at {
                    counts.unknown += Unknown::of(&their_times.extra);
                    std::mem::replace(our_times, their_times.clone())
                } else {
                    their_times.clone()
                };
                for (step, time) in loser.steps {
                    our_times.steps.entry(step).or_insert(time);
                }
                *our_times != before
            }
        };
        counts.times_changed += usize::from(changed);
    }
    keep_unknown(&mut ours.extra, &theirs.extra, counts);
}

/// The same record: also the same instant written with another offset (the same
/// check-in exported from a computer in another time zone) is the same.
fn same_check_in(ours: &CheckIn, theirs: &CheckIn) -> bool {
    ours == theirs
}

fn keep_unknown(ours: &mut Extra, theirs: &Extra, counts: &mut MergeCounts) {
    for (key, value) in theirs {
        if !ours.contains_key(key) {
            let mut one = Extra::new();
            one.insert(key.clone(), value.clone());
            counts.unknown += Unknown::of(&one);
            ours.extend(one);
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use chrono::{DateTime, FixedOffset, NaiveDate};
    use proptest::prelude::*;
    use serde_json::json;

    use super::*;
    use crate::model::{NightLog, Outcome, PlannedTimes};

    fn date(day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, day).unwrap()
    }

    fn at(minute: u32) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(&format!("2026-11-26T21:{minute:02}:00+01:00")).unwrap()
    }

    fn check(outcome: Outcome, minute: u32) -> CheckIn {
        CheckIn::new(outcome, at(minute), None)
    }

    fn journal(records: &[(u32, &str, CheckIn)]) -> Journal {
        let mut journal = Journal::default();
        for (day, step, check_in) in records {
            journal.record(date(*day), step, check_in.clone());
        }
        journal
    }

    #[test]
    fn union_of_check_ins_with_the_later_one_winning() {
        let mut ours = journal(&[
            (25, "warm-bath", check(Outcome::Done, 0)),
            (26, "warm-bath", check(Outcome::Done, 10)),
            (26, "lights-out", check(Outcome::Done, 30)),
            (26, "set-alarm", check(Outcome::Done, 20)),
        ]);
        let theirs = journal(&[
            (26, "warm-bath", check(Outcome::Done, 10)),
            // Later there: replaces ours.
            (26, "lights-out", check(Outcome::Skipped, 40)),
            // Earlier there: ours stays.
            (26, "set-alarm", check(Outcome::Skipped, 5)),
            (26, "calm-ambience", check(Outcome::Done, 15)),
            (27, "warm-bath", check(Outcome::Skipped, 0)),
        ]);
        let counts = merge_into(&mut ours, &theirs);
        assert_eq!(
            counts,
            MergeCounts {
                evenings_new: 1,
                evenings_present: 1,
                check_ins_new: 2,
                check_ins_present: 1,
                check_ins_conflicting: 2,
                check_ins_replaced: 1,
                ..MergeCounts::default()
            }
        );
        assert_eq!(ours.check_in_count(), 6);
        assert_eq!(ours.check_in(date(26), "lights-out").unwrap().outcome, Outcome::Skipped);
        assert_eq!(ours.check_in(date(26), "set-alarm").unwrap().outcome, Outcome::Done);
        assert!(counts.adds_anything());
        assert_eq!(counts.conflicts(), 2);
    }

    #[test]
    fn a_tie_keeps_ours_and_another_offset_is_the_same_instant() {
        let mut ours = journal(&[(26, "warm-bath", check(Outcome::Done, 10))]);
        let theirs = journal(&[(26, "warm-bath", check(Outcome::Skipped, 10))]);
        let counts = merge_into(&mut ours, &theirs);
        assert_eq!((counts.check_ins_conflicting, counts.check_ins_replaced), (1, 0));
        assert_eq!(ours.check_in(date(26), "warm-bath").unwrap().outcome, Outcome::Done);
        // 21:10 in Berlin is 20:10 in London: the same check-in.
        let london = DateTime::parse_from_rfc3339("2026-11-26T20:10:00+00:00").unwrap();
        let theirs = journal(&[(26, "warm-bath", CheckIn::new(Outcome::Done, london, None))]);
        let counts = merge_into(&mut ours, &theirs);
        assert_eq!(counts.check_ins_present, 1);
        assert!(!counts.adds_anything());
    }

    #[test]
    fn the_later_order_wins_over_the_later_time_and_a_copy_differing_only_by_order_differs() {
        // Ours was checked at 21:05 over a record stamped by a clock running ahead: its
        // order is past that one's, though its time shown is earlier than theirs.
        let mut ordered = check(Outcome::Done, 5);
        ordered.order = Some(at(50));
        let theirs = journal(&[(26, "warm-bath", check(Outcome::Skipped, 30))]);
        let mut ours = journal(&[(26, "warm-bath", ordered.clone())]);
        let counts = merge_into(&mut ours, &theirs);
        assert_eq!((counts.check_ins_conflicting, counts.check_ins_replaced), (1, 0));
        assert_eq!(ours.check_in(date(26), "warm-bath"), Some(&ordered));
        let (merged, _) = merge(&theirs, &ours);
        assert_eq!(merged.check_in(date(26), "warm-bath"), Some(&ordered), "the other way round too");
        // The same check-in without the stamp is replaced by the one with it: it spreads.
        let mut bare = journal(&[(26, "warm-bath", check(Outcome::Done, 5))]);
        let counts = merge_into(&mut bare, &ours);
        assert_eq!(counts.check_ins_replaced, 1);
        assert_eq!(bare.check_in(date(26), "warm-bath"), Some(&ordered));
        // Night logs the same way.
        let night = |minute: u32, order: Option<u32>, rested: u8| NightLog {
            at: Some(at(minute)),
            order: order.map(at),
            rested: Some(rested),
            ..NightLog::default()
        };
        let mut ours = Journal::default();
        ours.evenings.entry(date(26)).or_default().night = Some(night(5, Some(50), 4));
        let mut theirs = Journal::default();
        theirs.evenings.entry(date(26)).or_default().night = Some(night(30, None, 2));
        assert_eq!(merge(&theirs, &ours).0.night(date(26)).and_then(|n| n.rested), Some(4));
        assert_eq!(merge(&ours, &theirs).0.night(date(26)).and_then(|n| n.rested), Some(4));
    }

    #[test]
    fn night_logs_routines_and_unknown_fields() {
        let night =
            |minute: Option<u32>, note: &str| NightLog { at: minute.map(at), note: note.into(), ..NightLog::default() };
        let mut ours = journal(&[(26, "warm-bath", check(Outcome::Done, 10))]);
        let mut theirs = ours.clone();
        let evening = ours.evenings.get_mut(&date(26)).unwrap();
        evening.night = Some(night(None, "ours"));
        evening.routine = Some(vec!["warm-bath".into(), "lights-out".into()]);
        evening.extra.insert("weather".into(), json!("rain"));
        ours.extra.insert("kept".into(), json!(1));
        let theirs_evening = theirs.evenings.get_mut(&date(26)).unwrap();
        theirs_evening.night = Some(night(Some(0), "theirs"));
        theirs_evening.routine = Some(vec!["calm-ambience".into(), "warm-bath".into()]);
        theirs_evening.extra.insert("weather".into(), json!("snow"));
        theirs_evening.extra.insert("mood".into(), json!("calm"));
        theirs.extra.insert("kept".into(), json!(2));
        theirs.extra.insert("new".into(), json!(3));
        let counts = merge_into(&mut ours, &theirs);
        assert_eq!((counts.nights_conflicting, counts.nights_replaced), (1, 1), "a time beats none");
        assert_eq!(counts.routine_steps_new, 1, "calm-ambience");
        // "mood" on the evening and "new" on the journal: {"mood":"calm"} and {"new":3}.
        assert_eq!(counts.unknown, Unknown { fields: 2, bytes: 15 + 9 });
        let evening = &ours.evenings[&date(26)];
        assert_eq!(evening.night.as_ref().unwrap().note, "theirs");
        assert_eq!(evening.routine.as_deref().unwrap(), ["warm-bath", "lights-out", "calm-ambience"]);
        assert_eq!(evening.extra["weather"], "rain");
        assert_eq!(evening.extra["mood"], "calm");
        assert_eq!((ours.extra["kept"].clone(), ours.extra["new"].clone()), (json!(1), json!(3)));
        // A night log only the other side has is new; an older one changes nothing.
        let mut older = ours.clone();
        older.evenings.get_mut(&date(26)).unwrap().night = Some(night(None, "older"));
        let counts = merge_into(&mut ours, &older);
        assert_eq!((counts.nights_conflicting, counts.nights_replaced), (1, 0));
        assert!(!counts.changes_anything());
    }

    #[test]
    fn long_routine_lists_merge_in_linear_time() {
        // Two lists of 100,000 steps each, half shared: a search per entry would take
        // minutes (5·10⁹ comparisons); a set takes milliseconds.
        let list = |from: usize| (from..from + 100_000).map(|n| format!("s-{n}")).collect::<Vec<_>>();
        let mut ours = journal(&[(26, "warm-bath", check(Outcome::Done, 10))]);
        let mut theirs = ours.clone();
        ours.evenings.get_mut(&date(26)).unwrap().routine = Some(list(0));
        theirs.evenings.get_mut(&date(26)).unwrap().routine = Some(list(50_000));
        let started = std::time::Instant::now();
        let counts = merge_into(&mut ours, &theirs);
        assert!(started.elapsed() < std::time::Duration::from_secs(5), "{:?}", started.elapsed());
        assert_eq!(counts.routine_steps_new, 50_000);
        let merged = ours.evenings[&date(26)].routine.as_ref().unwrap();
        assert_eq!(merged.len(), 150_000);
        assert_eq!(merged[..100_000], list(0)[..], "ours first, in its order");
        assert!(counts.changes_anything() && !counts.adds_anything());
    }

    fn any_check_in() -> impl Strategy<Value = CheckIn> {
        (any::<bool>(), 0u32..4, proptest::option::of(0u8..3), any::<bool>(), proptest::option::of(0u32..6)).prop_map(
            |(done, minute, value, extra, order)| {
                let outcome = if done { Outcome::Done } else { Outcome::Skipped };
                let mut check_in = CheckIn::new(outcome, at(minute), value.map(f64::from));
                if extra {
                    check_in.extra.insert("mood".into(), json!("calm"));
                }
                // Sometimes a merge-order stamp, before or after its time.
                check_in.order = order.map(at);
                check_in
            },
        )
    }

    fn any_night() -> impl Strategy<Value = NightLog> {
        (proptest::option::of(0u32..3), any::<bool>(), proptest::option::of(0u32..5)).prop_map(
            |(minute, legs, order)| NightLog {
                at: minute.map(at),
                order: order.map(at),
                restless_legs: legs,
                ..NightLog::default()
            },
        )
    }

    fn local(hour: u32) -> chrono::NaiveDateTime {
        date(26).and_hms_opt(hour, 0, 0).unwrap()
    }

    fn times(minute: u32, steps: &[(&str, u32)]) -> PlannedTimes {
        PlannedTimes {
            at: at(minute),
            bedtime: local(22),
            wake: local(23),
            steps: steps.iter().map(|(id, hour)| (id.to_string(), local(*hour))).collect(),
            extra: Extra::new(),
        }
    }

    #[test]
    fn planned_times_the_later_record_wins_and_keeps_the_others_steps() {
        let mut ours = journal(&[(26, "warm-bath", check(Outcome::Done, 10))]);
        let mut theirs = ours.clone();
        ours.evenings.get_mut(&date(26)).unwrap().times = Some(times(10, &[("warm-bath", 21), ("candles", 20)]));
        theirs.evenings.get_mut(&date(26)).unwrap().times = Some(times(30, &[("warm-bath", 19), ("my-tea", 18)]));
        let (merged, counts) = merge(&ours, &theirs);
        let kept = merged.evenings[&date(26)].times.as_ref().unwrap();
        assert_eq!(kept.at, at(30), "theirs, recorded later");
        let steps: Vec<_> = kept.steps.iter().map(|(id, time)| (id.as_str(), time.format("%H").to_string())).collect();
        assert_eq!(steps, [("candles", "20".into()), ("my-tea", "18".into()), ("warm-bath", "19".into())]);
        assert_eq!(counts.times_changed, 1);
        assert!(counts.changes_anything() && !counts.adds_anything());
        // The other way round the same times win, and again nothing changes.
        assert_eq!(merge(&theirs, &ours).0.evenings[&date(26)].times.as_ref(), Some(kept));
        assert!(!merge(&merged, &theirs).1.changes_anything());
        // Times only one side has are taken as they are.
        let mut bare = journal(&[(26, "warm-bath", check(Outcome::Done, 10))]);
        let counts = merge_into(&mut bare, &theirs);
        assert_eq!(bare.evenings[&date(26)].times, theirs.evenings[&date(26)].times);
        assert_eq!(counts.times_changed, 1);
    }

    fn any_times() -> impl Strategy<Value = PlannedTimes> {
        let steps = prop::sample::select(vec!["warm-bath", "lights-out", "my-tea"]);
        (0u32..3, proptest::collection::btree_map(steps.prop_map(String::from), 18u32..22, 0..3)).prop_map(
            |(minute, steps)| PlannedTimes {
                steps: steps.into_iter().map(|(id, hour)| (id, local(hour))).collect(),
                ..times(minute, &[])
            },
        )
    }

    fn any_evening() -> impl Strategy<Value = Evening> {
        let steps = prop::sample::select(vec!["warm-bath", "lights-out", "set-alarm", "my-tea"]);
        (
            proptest::collection::btree_map(steps.clone().prop_map(String::from), any_check_in(), 0..4),
            proptest::option::of(any_night()),
            proptest::option::of(proptest::collection::vec(steps.prop_map(String::from), 0..4)),
            proptest::option::of(0u8..3),
            proptest::option::of(any_times()),
        )
            .prop_map(|(checks, night, routine, extra, times)| {
                let mut evening = Evening { checks, night, routine, times, ..Evening::default() };
                if let Some(extra) = extra {
                    evening.extra.insert("weather".into(), json!(extra));
                }
                evening
            })
    }

    fn any_journal() -> impl Strategy<Value = Journal> {
        proptest::collection::btree_map((20u32..26).prop_map(date), any_evening(), 0..5)
            .prop_map(|evenings: BTreeMap<NaiveDate, Evening>| Journal { evenings, ..Journal::default() })
    }

    proptest! {
        #[test]
        fn merging_loses_nothing_and_twice_is_once(ours in any_journal(), theirs in any_journal()) {
            let (once, counts) = merge(&ours, &theirs);
            // Nothing lost: every evening and step of both sides, each check-in from one of them.
            for side in [&ours, &theirs] {
                for (date, evening) in &side.evenings {
                    let merged = &once.evenings[date];
                    for step in evening.checks.keys() {
                        let check_in = &merged.checks[step];
                        let from_ours = ours.check_in(*date, step) == Some(check_in);
                        let from_theirs = theirs.check_in(*date, step) == Some(check_in);
                        prop_assert!(from_ours || from_theirs);
                    }
                    prop_assert!(evening.night.is_none() || merged.night.is_some());
                    for step in evening.routine.iter().flatten() {
                        prop_assert!(merged.routine.as_ref().is_some_and(|r| r.contains(step)));
                    }
                    // Every step with a planned time on either side keeps one.
                    for step in evening.times.iter().flat_map(|times| times.steps.keys()) {
                        prop_assert!(merged.times.as_ref().is_some_and(|t| t.steps.contains_key(step)));
                    }
                }
            }
            let total = |j: &Journal| j.evenings.len();
            prop_assert_eq!(total(&once), total(&ours) + counts.evenings_new);
            prop_assert_eq!(once.check_in_count(), ours.check_in_count() + counts.check_ins_new);
            // Twice is once, and a journal merged into itself does not change.
            let (twice, again) = merge(&once, &theirs);
            prop_assert_eq!(&twice, &once);
            prop_assert!(!again.changes_anything());
            prop_assert_eq!(merge(&once, &once).0, once.clone());
            // Commutative up to ties: the same steps either way, and without equal times
            // the same check-ins.
            let (other_way, _) = merge(&theirs, &ours);
            for (date, evening) in &once.evenings {
                let flipped = &other_way.evenings[date];
                prop_assert_eq!(evening.checks.keys().collect::<Vec<_>>(), flipped.checks.keys().collect::<Vec<_>>());
                for (step, check_in) in &evening.checks {
                    let tie = match (ours.check_in(*date, step), theirs.check_in(*date, step)) {
                        (Some(a), Some(b)) => a.order() == b.order() && a != b,
                        _ => false,
                    };
                    if !tie {
                        prop_assert_eq!(check_in, &flipped.checks[step]);
                    }
                }
            }
        }
    }
}
