//! How long a 10-year journal takes to load and save.
//!
//! Builds 3,650 evenings × 14 check-ins with a night log each, saved through the store in
//! its layout, then times the store's real paths: load (read, parse), one check-in as a
//! read-modify-write of the whole journal (`update_journal`) and as the app makes it
//! (`Change::Check` through a `Coach`), each on a fresh store as a new process would; and,
//! for comparison across layouts, writing the ten years as one file (serialize, write,
//! fsync, rename, fsync the folder). Run with `cargo bench --bench journal`.
//! A plain harness keeps the dependency list short; it reports min / median / p90.

use bedtime_coach::model::{CheckIn, Jerks, Journal, NightLog, Outcome, RoutineFile, catalog::CATALOG};
use bedtime_coach::store::{Paths, Store, StoreError, save_document};
use bedtime_coach::use_cases::{Change, Coach};
use chrono::{DateTime, NaiveDate, TimeDelta};

#[path = "support/saving.rs"]
mod saving;

#[path = "support/timing.rs"]
#[allow(dead_code)]
mod timing;
use timing::time;

fn ten_years() -> Journal {
    let mut journal = Journal::default();
    let first = NaiveDate::from_ymd_opt(2016, 1, 1).unwrap();
    let at = DateTime::parse_from_rfc3339("2026-11-26T21:03:00+01:00").unwrap();
    let mut ids: Vec<String> = CATALOG.iter().map(|s| s.id.to_owned()).collect();
    ids.push("evening-walk".into());
    for day in 0..3650u32 {
        let evening = first + TimeDelta::days(day.into());
        for (n, id) in ids.iter().enumerate() {
            let outcome = if (day as usize + n).is_multiple_of(7) { Outcome::Skipped } else { Outcome::Done };
            let value = (id == "humidity-check").then_some(35.0 + (day % 30) as f64);
            journal.record(evening, id, CheckIn::new(outcome, at + TimeDelta::days(day.into()), value));
        }
        journal.evenings.get_mut(&evening).unwrap().night = Some(NightLog {
            at: Some(at + TimeDelta::days(day.into()) + TimeDelta::hours(10)),
            falling_asleep: Some(if day.is_multiple_of(3) { Jerks::Few } else { Jerks::None }),
            woke_from_jolt: day.is_multiple_of(11),
            rested: Some((day % 5 + 1) as u8),
            note: "slept well".into(),
            ..Default::default()
        });
    }
    journal
}

fn main() {
    let dir = tempfile::tempdir().expect("temp dir");
    let paths = Paths::in_dir(dir.path());
    let store = Store::new(paths.clone());
    Change::SaveRoutineFile(RoutineFile::default()).apply(&store).expect("routine");
    let journal = ten_years();
    saving::save_journal(&store, &journal);
    println!(
        "10-year journal: {} evenings, {} check-ins, {:.1} MB in the folder",
        journal.evenings.len(),
        journal.check_in_count(),
        folder_size(dir.path()) as f64 / 1e6
    );
    // A fresh Store each time, as a new process has: one keeps what it last read or wrote.
    time("load", 30, || {
        let loaded = Store::new(paths.clone()).load_journal().expect("load");
        assert_eq!(loaded.value.check_in_count(), journal.check_in_count());
    });
    // The cost of writing ten years at once, as one file (the whole journal before issue
    // 24; a save of every month is about the same bytes).
    let whole = dir.path().join("whole.json");
    time("save as one file", 30, || save_document(&whole, &journal).expect("save"));
    let evening = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
    let at = DateTime::parse_from_rfc3339("2026-11-26T21:03:00+01:00").unwrap();
    time("one check-in (update_journal)", 30, || {
        Store::new(paths.clone())
            .update_journal(|j| {
                j.record(evening, "warm-bath", CheckIn::new(Outcome::Done, at, None));
                Ok::<_, StoreError>(())
            })
            .expect("check-in");
    });
    // What the app does for a click: the change, through the use cases, whichever part
    // of the journal they read and write.
    let mut minute = 0;
    time("one check-in (Coach, as a click)", 30, || {
        minute += 1;
        let change = Change::Check {
            evening,
            step: "warm-bath".into(),
            outcome: Outcome::Done,
            value: None,
            at: at + TimeDelta::seconds(minute),
        };
        Coach::at(paths.clone()).apply(change).expect("check-in");
    });
}

/// Bytes of the files in `dir` and its folders.
fn folder_size(dir: &std::path::Path) -> u64 {
    std::fs::read_dir(dir)
        .expect("folder")
        .flatten()
        .map(|entry| match entry.metadata() {
            Ok(meta) if meta.is_dir() => folder_size(&entry.path()),
            Ok(meta) => meta.len(),
            Err(_) => 0,
        })
        .sum()
}
