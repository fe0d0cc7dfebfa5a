//! How long a 10-year journal takes to load and save.
//!
//! Builds 3,650 evenings × 14 check-ins with a night log each, then times the store's
//! real paths: load (lock, read, parse), save (serialize, write, fsync, rename, fsync the
//! folder) and one check-in (read-modify-write). Run with `cargo bench --bench journal`.
//! A plain harness keeps the dependency list short; it reports min / median / p90.

use bedtime_coach::model::{CheckIn, Jerks, Journal, NightLog, Outcome, catalog::CATALOG};
use bedtime_coach::store::{Paths, Store, StoreError, save_document};
use chrono::{DateTime, NaiveDate, TimeDelta};

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
    let store = Store::new(Paths::in_dir(dir.path()));
    let journal = ten_years();
    let path = store.paths().journal_file();
    save_document(&path, &journal).expect("first save");
    let size = std::fs::metadata(&path).expect("journal").len();
    println!(
        "10-year journal: {} evenings, {} check-ins, {:.1} MB on disk",
        journal.evenings.len(),
        journal.check_in_count(),
        size as f64 / 1e6
    );
    time("load", 30, || {
        let loaded = store.load_journal().expect("load");
        assert_eq!(loaded.value.check_in_count(), journal.check_in_count());
    });
    time("save", 30, || save_document(&path, &journal).expect("save"));
    let evening = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
    let at = DateTime::parse_from_rfc3339("2026-11-26T21:03:00+01:00").unwrap();
    time("one check-in (load + save)", 30, || {
        store
            .update_journal(|j| {
                j.record(evening, "warm-bath", CheckIn::new(Outcome::Done, at, None));
                Ok::<_, StoreError>(())
            })
            .expect("check-in");
    });
}
