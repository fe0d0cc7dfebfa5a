//! A realistic, reproducible journal for benchmarks, screenshots and manual runs: good
//! and bad weeks, lazier weekends, evenings not tracked, a step added part-way, bedtimes
//! that wander, humidity readings. Shared by `benches/history.rs` and
//! `examples/sample_history.rs` (included with `#[path]`).

use bedtime_coach::model::{
    Anchor, CheckIn, Journal, Outcome, RoutineFile, Step, StepState, catalog::ids, plan_evening,
};
use chrono::{Datelike, NaiveDate, TimeDelta};

/// The custom step added part-way through the history.
pub const WALK: &str = "evening-walk";

/// A small deterministic generator (xorshift), so every run builds the same journal.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> f64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Roughly normal, mean 0 and deviation 1 (sum of uniforms).
    fn normal(&mut self) -> f64 {
        (0..6).map(|_| self.next()).sum::<f64>() - 3.0
    }
}

/// The configuration the journal was kept with: the default routine plus an evening
/// walk (added `days * 0.6` evenings in).
pub fn routine_file() -> RoutineFile {
    let mut routine_file = RoutineFile::default();
    let mut walk = Step::custom(WALK.into(), "Evening walk".into(), Anchor::BeforeBedtime { minutes: 150 });
    walk.remind = false;
    routine_file.routine.steps.push(walk);
    routine_file
}

/// `days` evenings ending with `last` (included).
pub fn journal(routine_file: &RoutineFile, last: NaiveDate, days: u32) -> Journal {
    // Kept in Berlin (run the app with TZ=Europe/Berlin to read it as it was kept).
    let zone = chrono_tz::Europe::Berlin;
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut journal = Journal::default();
    let first = last - TimeDelta::days(i64::from(days) - 1);
    let walk_from = first + TimeDelta::days(i64::from(days) * 3 / 5);
    for n in 0..days {
        let evening = first + TimeDelta::days(n.into());
        // Slow seasons of motivation, and a lazier weekend.
        let season = 0.75 + 0.2 * (f64::from(n) / 47.0).sin();
        let weekend = matches!(evening.weekday(), chrono::Weekday::Fri | chrono::Weekday::Sat);
        if rng.next() < 0.07 {
            continue; // not tracked
        }
        let mut routine_file = routine_file.clone();
        if evening < walk_from {
            routine_file.routine.steps.retain(|s| s.id != WALK);
        }
        let plan = plan_evening(&routine_file, evening, &zone, None);
        let mut routine = Vec::new();
        for step in &plan.steps {
            routine.push(step.id.clone());
            let mut p = season - if weekend { 0.15 } else { 0.0 };
            if step.id == ids::LIGHTS_OUT || step.id == ids::CAFFEINE_CUTOFF {
                p += 0.1;
            }
            let roll = rng.next();
            let outcome = if roll < p {
                Outcome::Done
            } else if roll < p + (1.0 - p) / 2.0 {
                Outcome::Skipped
            } else {
                continue;
            };
            let mut minutes = rng.normal() * 6.0;
            if step.id == ids::LIGHTS_OUT {
                minutes = 8.0 + rng.normal() * 18.0 + if weekend { 35.0 } else { 0.0 };
            }
            let at = plan.steps.iter().find(|s| s.id == step.id).map(|s| s.due).expect("step")
                + TimeDelta::seconds((minutes * 60.0) as i64);
            let at = at.fixed_offset();
            let value = (step.id == ids::HUMIDITY_CHECK && outcome == Outcome::Done)
                .then(|| (45.0 + rng.normal() * 8.0).round().clamp(15.0, 90.0));
            journal.record(evening, &step.id, CheckIn::new(outcome, at, value));
        }
        // The oldest fifth was kept before evenings recorded their routine.
        if let Some(recorded) = journal.evenings.get_mut(&evening)
            && n >= days / 5
        {
            recorded.routine = Some(routine);
        }
        debug_assert!(plan.steps.iter().all(|s| s.state == StepState::Pending));
    }
    journal
}
