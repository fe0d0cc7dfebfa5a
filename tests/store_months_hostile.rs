//! The journal kept by month, attacked as a user's disk and hands would: an interrupted
//! migration of a large old journal, a damaged pointer and what an older version then
//! finds, a month larger than 8 MB, two processes migrating at once, a check-in by another
//! process that the reminders must notice.

mod support;

use support::StartRetrying as _;

use std::fs;
use std::path::Path;

use bedtime_coach::model::Journal;
use bedtime_coach::store::{Paths, Store, save_document};
use chrono::{Datelike, NaiveDate};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn store(dir: &Path) -> Store {
    Store::new(Paths::in_dir(dir))
}

/// A one-file journal of `days` evenings ending 2026-11-26, each with a check-in and
/// `pad` bytes of an unknown field (what a newer format-2 version might have kept).
fn big_journal(days: i64, pad: usize) -> Journal {
    let mut evenings = serde_json::Map::new();
    for day in 0..days {
        let d = date(2026, 11, 26) - chrono::Duration::days(day);
        evenings.insert(
            d.to_string(),
            serde_json::json!({
                "checks": {"warm-bath": {"outcome": "done", "at": format!("{d}T21:00:00+01:00")}},
                "pad": "x".repeat(pad),
            }),
        );
    }
    serde_json::from_value(serde_json::json!({ "evenings": evenings })).unwrap()
}

#[test]
fn an_interrupted_migration_of_a_journal_over_four_megabytes_is_finished_not_taken_for_a_newer_one() {
    // Thirteen years of evenings make a journal.json over 4 MB: larger than a pointer may be.
    let journal = big_journal(400, 11_000);
    let dir = tempfile::tempdir().unwrap();
    save_document(&dir.path().join("journal.json"), &journal).unwrap();
    assert!(fs::metadata(dir.path().join("journal.json")).unwrap().len() > 4 << 20);
    // A migration killed after its first month: that month's file is there, journal.json
    // still the old one (as the module's doc says a run killed before the pointer leaves it).
    let done = tempfile::tempdir().unwrap();
    save_document(&done.path().join("journal.json"), &journal).unwrap();
    store(done.path()).load_journal().unwrap();
    let first = fs::read_dir(done.path().join("journal"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.ends_with(".json"))
        .min()
        .unwrap();
    fs::create_dir(dir.path().join("journal")).unwrap();
    fs::copy(done.path().join("journal").join(&first), dir.path().join("journal").join(&first)).unwrap();

    let next = store(dir.path());
    let loaded = next.load_journal().unwrap();
    assert_eq!(loaded.read_only, None, "the old journal is finished moving, not refused as a newer format");
    assert_eq!(loaded.value.evenings.len(), journal.evenings.len(), "every evening, not only the first month's");
    assert_eq!(loaded.value, journal);
    let pointer: serde_json::Value =
        serde_json::from_slice(&fs::read(dir.path().join("journal.json")).unwrap()).unwrap();
    assert_eq!(pointer["schema_version"], 4);
}

/// A folder migrated from [`big_journal`]'s small cousin: two months of evenings.
fn migrated(dir: &Path) -> Journal {
    let journal = big_journal(40, 0);
    save_document(&dir.join("journal.json"), &journal).unwrap();
    store(dir).load_journal().unwrap();
    store(dir).take_notices();
    journal
}

/// What a version before the months finds as its journal: `journal.json`, or when that is
/// missing, the backup it restores (`journal.json.bak`); `None` when it would start empty.
fn what_an_older_version_opens(dir: &Path) -> Option<serde_json::Value> {
    let file = [dir.join("journal.json"), dir.join("journal.json.bak")].into_iter().find(|p| p.exists())?;
    Some(serde_json::from_slice(&fs::read(file).unwrap()).unwrap())
}

#[test]
fn a_damaged_pointer_is_written_again_at_once_so_an_older_version_never_finds_no_journal() {
    let dir = tempfile::tempdir().unwrap();
    let journal = migrated(dir.path());
    fs::write(dir.path().join("journal.json"), b"{\"schema_version\":3,\"months_in\":").unwrap();
    let loaded = store(dir.path()).load_journal().unwrap();
    assert_eq!(loaded.value.evenings, journal.evenings, "the months are the journal");
    // Read-only for a version of format 2: a newer format, not an empty journal to start
    // (nor the one-file journal as it was before the move, restored from a backup).
    let opened = what_an_older_version_opens(dir.path()).expect("a pointer");
    assert_eq!(opened["schema_version"], 4, "{opened}");
}

#[test]
fn the_migration_does_not_leave_the_old_journal_as_the_pointers_backup() {
    let dir = tempfile::tempdir().unwrap();
    migrated(dir.path());
    // The old bytes are kept once, as journal.json.v2.bak; a journal.json.bak holding them
    // too would be restored by an older version whenever journal.json went missing.
    if let Ok(bytes) = fs::read(dir.path().join("journal.json.bak")) {
        let backup: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
        assert_ne!(backup["schema_version"], 2, "the one-file journal kept a second time as the pointer's backup");
    }
}

#[test]
fn a_one_file_journal_with_a_month_of_over_eight_megabytes_still_moves_and_takes_check_ins() {
    // Format 2 let one file hold 64 MB: an evening with large unknown fields (a newer
    // version's, an import's) could make one month of it larger than 8 MB.
    let mut journal = big_journal(60, 320_000);
    journal.evenings.retain(|d, _| d.month() == 10);
    let dir = tempfile::tempdir().unwrap();
    save_document(&dir.path().join("journal.json"), &journal).unwrap();
    let loaded = store(dir.path()).load_journal().unwrap();
    assert_eq!(loaded.read_only, None, "moved into months, not left read-only");
    assert_eq!(loaded.value, journal);
    let evening = date(2026, 10, 5);
    let at = chrono::DateTime::parse_from_rfc3339("2026-10-05T22:00:00+02:00").unwrap();
    store(dir.path())
        .update_evenings(evening..=evening, |journal| {
            journal.record(
                evening,
                "lights-out",
                bedtime_coach::model::CheckIn::new(bedtime_coach::model::Outcome::Done, at, None),
            );
            Ok::<_, bedtime_coach::store::StoreError>(())
        })
        .unwrap();
    assert!(store(dir.path()).load_journal().unwrap().value.check_in(evening, "lights-out").is_some());
}

#[test]
fn two_processes_starting_on_a_one_file_journal_at_once_move_it_once() {
    let journal = big_journal(80, 200);
    for round in 0..6 {
        let dir = tempfile::tempdir().unwrap();
        // This computer's own files (the lock, the device id) apart, as a user's are.
        let state = tempfile::tempdir().unwrap();
        save_document(&dir.path().join("journal.json"), &journal).unwrap();
        let start = |args: &[&str]| {
            std::process::Command::new(env!("CARGO_BIN_EXE_bedtime-coach"))
                .arg("--data-dir")
                .arg(dir.path())
                .args(args)
                .env("TZ", "Europe/Berlin")
                .env("BEDTIME_COACH_STATE_DIR", state.path())
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::piped())
                .spawn_retrying()
                .unwrap()
        };
        let (a, b) = (start(&["status"]), start(&["check", "warm-bath", "--date", "2026-11-27"]));
        let (a, b) = (a.wait_with_output().unwrap(), b.wait_with_output().unwrap());
        assert!(a.status.success() && b.status.success(), "round {round}: {a:?} {b:?}");
        let said =
            [&a, &b].iter().filter(|out| String::from_utf8_lossy(&out.stderr).contains("one file per month")).count();
        assert_eq!(said, 1, "round {round}: the move said once: {a:?} {b:?}");
        let mut names: Vec<String> =
            fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
        names.sort();
        assert_eq!(
            names,
            ["journal", "journal.json", "journal.json.v2.bak"],
            "round {round}: nothing of one computer's"
        );
        let mut expected = journal.clone();
        let loaded = store(dir.path()).load_journal().unwrap().value;
        assert!(loaded.check_in(date(2026, 11, 27), "warm-bath").is_some(), "round {round}: the check-in kept");
        expected.evenings.insert(date(2026, 11, 27), loaded.evenings[&date(2026, 11, 27)].clone());
        assert_eq!(loaded, expected, "round {round}");
    }
}

#[test]
fn a_check_in_saved_by_another_process_changes_the_fingerprint_the_reminders_watch() {
    let dir = tempfile::tempdir().unwrap();
    migrated(dir.path());
    let service = store(dir.path());
    let mut seen = service.reminder_fingerprint();
    for minute in 0..3 {
        // Twice in the same month, as a window and a notification button would.
        let evening = date(2026, 11, 20);
        let at = chrono::DateTime::parse_from_rfc3339(&format!("2026-11-20T21:0{minute}:00+01:00")).unwrap();
        store(dir.path())
            .update_evenings(evening..=evening, |journal| {
                let step = ["lights-out", "calm-evening", "set-alarm"][minute];
                journal.record(
                    evening,
                    step,
                    bedtime_coach::model::CheckIn::new(bedtime_coach::model::Outcome::Done, at, None),
                );
                Ok::<_, bedtime_coach::store::StoreError>(())
            })
            .unwrap();
        let now = service.reminder_fingerprint();
        assert_ne!(now, seen, "save {minute} not noticed");
        seen = now;
    }
}
