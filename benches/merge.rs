//! Two computers' ten years merged: what a run of the app pays when another computer's
//! journal is in the folder (issue 24), with the pure merge (`model::merge`).
//!
//! Both computers kept the same 10-year sample journal (`support/sample_journal.rs`),
//! each with its own gaps and its own later corrections, the way two computers that sync
//! a folder drift apart:
//! - the laptop has no record of every third evening, the desktop none of the evening
//!   after, so a third of the evenings are one side's only;
//! - on every evening both have, one step in five was recorded again on the desktop
//!   later and differently (a skip made a done, a value changed), so it conflicts and
//!   the later one wins; the other steps are the same on both.
//!
//! Times each direction of the merge, the merge of a journal with an identical copy (the
//! usual run: nothing arrived), and the counts, so a change of the rules that changes
//! the work shows here. Run with `cargo bench --bench merge`; min / median / p90.

use bedtime_coach::model::{Journal, Outcome, merge, merge_into};
use chrono::{NaiveDate, TimeDelta};

#[path = "support/sample_journal.rs"]
#[allow(dead_code)]
mod sample_journal;

#[path = "support/timing.rs"]
#[allow(dead_code)]
mod timing;
use timing::time;

/// The laptop's and the desktop's copies of `journal`, drifted apart as described above.
fn two_computers(journal: &Journal) -> (Journal, Journal) {
    let mut laptop = journal.clone();
    let mut desktop = journal.clone();
    for (n, date) in journal.evenings.keys().enumerate() {
        match n % 3 {
            0 => drop(laptop.evenings.remove(date)),
            1 => drop(desktop.evenings.remove(date)),
            _ => {}
        }
    }
    for evening in desktop.evenings.values_mut() {
        for (n, check) in evening.checks.values_mut().enumerate() {
            if n % 5 == 0 {
                check.at += TimeDelta::minutes(40);
                check.outcome = match check.outcome {
                    Outcome::Done => Outcome::Skipped,
                    _ => Outcome::Done,
                };
                check.value = check.value.map(|v| v + 1.0);
            }
        }
    }
    (laptop, desktop)
}

fn main() {
    let routine_file = sample_journal::routine_file();
    let last = NaiveDate::from_ymd_opt(2026, 11, 26).expect("date");
    let journal = sample_journal::journal(&routine_file, last, 3650);
    let (laptop, desktop) = two_computers(&journal);
    let (merged, counts) = merge(&laptop, &desktop);
    println!(
        "10 years on two computers: {} + {} evenings ({} + {} check-ins) merge into {} evenings, {} check-ins",
        laptop.evenings.len(),
        desktop.evenings.len(),
        laptop.check_in_count(),
        desktop.check_in_count(),
        merged.evenings.len(),
        merged.check_in_count()
    );
    println!(
        "  {} evenings new, {} on both; {} check-ins new, {} the same, {} conflicting ({} replaced)",
        counts.evenings_new,
        counts.evenings_present,
        counts.check_ins_new,
        counts.check_ins_present,
        counts.check_ins_conflicting,
        counts.check_ins_replaced
    );
    assert_eq!(merged.evenings.len(), journal.evenings.len(), "every evening of either side is kept");
    time("desktop into laptop", 20, || drop(merge(&laptop, &desktop)));
    time("laptop into desktop", 20, || drop(merge(&desktop, &laptop)));
    // In place, as a run that already holds its own journal merges another's.
    time("desktop into laptop, in place", 20, || {
        let mut ours = laptop.clone();
        std::hint::black_box(merge_into(&mut ours, &desktop));
    });
    // The in-place merge's clone of `ours`, timed alone.
    time("  of which cloning the laptop's", 20, || drop(std::hint::black_box(laptop.clone())));
    let same = merged.clone();
    time("an identical copy (nothing new)", 20, || drop(merge(&merged, &same)));
}
