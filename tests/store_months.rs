//! The journal kept as one file per month: the migration from the one file (crash-safe,
//! said once, the old file kept), reads and changes that touch only their months, the
//! pointer older versions find, and damage to a month or to the pointer.

mod support;

use std::fs;
use std::path::{Path, PathBuf};

use bedtime_coach::model::{CheckIn, Journal, Outcome};
use bedtime_coach::store::{Paths, Store, StoreError, save_document};
use chrono::{DateTime, NaiveDate};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// Three months of evenings with unknown fields at each level, as a newer version of
/// format 2 might have left them.
fn one_file_journal() -> Journal {
    let text = r#"{"evenings":{
        "2026-09-30":{"checks":{"warm-bath":{"outcome":"done","at":"2026-09-30T21:00:00+02:00","mood":"calm"}}},
        "2026-10-01":{"checks":{"lights-out":{"outcome":"skipped","at":"2026-10-01T23:00:00+02:00"}},"weather":"rain"},
        "2026-11-26":{"checks":{"warm-bath":{"outcome":"done","at":"2026-11-26T21:00:00+01:00","value":20.0}},
                      "night":{"at":"2026-11-27T07:00:00+01:00"}}
        },"future":[1,2]}"#;
    serde_json::from_str(text).unwrap()
}

/// A data folder holding `journal` as the single `journal.json` of format 2.
fn with_one_file(dir: &Path, journal: &Journal) -> Vec<u8> {
    save_document(&dir.join("journal.json"), journal).unwrap();
    fs::read(dir.join("journal.json")).unwrap()
}

/// This computer's file of a month: `2026-11.json` → `journal/2026-11.DEVICE.json`.
fn month_file(dir: &Path, name: &str) -> PathBuf {
    support::own_month(dir, name)
}

fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = match fs::read_dir(dir) {
        Ok(entries) => entries.map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect(),
        Err(_) => Vec::new(),
    };
    names.sort();
    names
}

/// The folder after a finished migration of [`one_file_journal`] whose bytes were `old`.
fn assert_migrated(dir: &Path, old: &[u8], context: &str) {
    let store = Store::new(Paths::in_dir(dir));
    let loaded = store.load_journal().unwrap_or_else(|e| panic!("{context}: {e}"));
    assert_eq!(loaded.value, one_file_journal(), "{context}: every evening and unknown field, once");
    assert_eq!(
        names_in(&dir.join("journal")).into_iter().filter(|n| n.ends_with(".json")).collect::<Vec<_>>(),
        ["2026-09.json", "2026-10.json", "2026-11.json"].map(|name| support::own_month_name(dir, name)),
        "{context}"
    );
    let pointer: serde_json::Value = serde_json::from_slice(&fs::read(dir.join("journal.json")).unwrap()).unwrap();
    assert_eq!(pointer["schema_version"], 4, "{context}");
    assert_eq!(pointer["months_in"], "journal", "{context}");
    assert_eq!(pointer["future"], serde_json::json!([1, 2]), "{context}: the journal's own unknown field");
    assert_eq!(fs::read(dir.join("journal.json.v2.bak")).unwrap(), old, "{context}: the old file kept as it was");
    let copies: Vec<String> =
        names_in(dir).into_iter().filter(|n| n.contains(".v2.bak-") || n.contains("corrupt")).collect();
    assert!(copies.is_empty(), "{context}: no second copy, nothing called damaged: {copies:?}");
}

#[test]
fn a_one_file_journal_moves_into_months_once_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let old = with_one_file(dir.path(), &one_file_journal());
    let store = Store::new(Paths::in_dir(dir.path()));
    assert_eq!(store.load_journal().unwrap().value, one_file_journal());
    let notices = store.take_notices();
    assert_eq!(notices.len(), 1, "{notices:?}");
    assert_eq!(
        notices[0].message,
        format!(
            "Your journal is now kept as one file per month in the folder journal, so saving stays quick however long \
             your history grows; the single file it was is kept unchanged as {}.",
            dir.path().join("journal.json.v2.bak").display()
        )
    );
    assert_migrated(dir.path(), &old, "first load");
    // Said once: a second process finds the months.
    let again = Store::new(Paths::in_dir(dir.path()));
    assert_eq!(again.load_journal().unwrap().value, one_file_journal());
    assert!(again.take_notices().is_empty());
}

#[test]
fn an_older_version_finds_a_newer_journal_it_cannot_write_not_an_empty_one() {
    let dir = tempfile::tempdir().unwrap();
    with_one_file(dir.path(), &one_file_journal());
    Store::new(Paths::in_dir(dir.path())).load_journal().unwrap();
    let pointer = fs::read(dir.path().join("journal.json")).unwrap();
    let text = String::from_utf8(pointer).unwrap();
    // Versions before the months know journal formats up to 2; a higher one they open
    // read-only and refuse to write (see store::document), so they never start a fresh
    // journal beside the months.
    let version: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert!(version["schema_version"].as_u64().unwrap() > 2, "{text}");
    assert!(text.contains("one file per month"), "says where the journal went: {text}");
}

#[test]
fn a_check_in_reads_and_rewrites_only_its_month() {
    let dir = tempfile::tempdir().unwrap();
    with_one_file(dir.path(), &one_file_journal());
    let store = Store::new(Paths::in_dir(dir.path()));
    store.load_journal().unwrap();
    store.take_notices();
    let september = month_file(dir.path(), "2026-09.json");
    let before = fs::metadata(&september).unwrap().modified().unwrap();
    // A month that cannot be read is not read by a change to another one.
    fs::write(month_file(dir.path(), "2026-10.json"), b"{ damaged").unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    let at = DateTime::parse_from_rfc3339("2026-11-27T21:00:00+01:00").unwrap();
    let evening = date(2026, 11, 27);
    let updated = store
        .update_evenings(evening..=evening, |journal| {
            assert_eq!(journal.evenings.keys().copied().collect::<Vec<_>>(), [date(2026, 11, 26)], "its month only");
            journal.record(evening, "lights-out", CheckIn::new(Outcome::Done, at, None));
            Ok::<_, StoreError>(())
        })
        .unwrap();
    assert!(updated.saved);
    assert!(store.take_notices().is_empty(), "the damaged month was not looked at");
    assert_eq!(fs::metadata(&september).unwrap().modified().unwrap(), before, "another month is not rewritten");
    let near = store.load_near(evening..=evening).unwrap();
    assert!(near.journal.value.check_in(evening, "lights-out").is_some());
    assert!(store.take_notices().is_empty(), "a near read does not look at other months either");
    // A check-in in a new month starts its file.
    let january = date(2027, 1, 2);
    store
        .update_evenings(january..=january, |journal| {
            journal.record(january, "warm-bath", CheckIn::new(Outcome::Done, at, None));
            Ok::<_, StoreError>(())
        })
        .unwrap();
    assert!(month_file(dir.path(), "2027-01.json").is_file());
}

#[test]
fn a_damaged_month_is_kept_aside_and_its_backup_restored_the_others_untouched() {
    let dir = tempfile::tempdir().unwrap();
    with_one_file(dir.path(), &one_file_journal());
    let store = Store::new(Paths::in_dir(dir.path()));
    store.load_journal().unwrap();
    let at = DateTime::parse_from_rfc3339("2026-11-27T21:00:00+01:00").unwrap();
    let evening = date(2026, 11, 27);
    store
        .update_evenings(evening..=evening, |journal| {
            journal.record(evening, "lights-out", CheckIn::new(Outcome::Done, at, None));
            Ok::<_, StoreError>(())
        })
        .unwrap();
    store.take_notices();
    let november = month_file(dir.path(), "2026-11.json");
    fs::write(&november, b"\0\0\0").unwrap();
    let loaded = Store::new(Paths::in_dir(dir.path()));
    let journal = loaded.load_journal().unwrap().value;
    let notices = loaded.take_notices();
    assert_eq!(notices.len(), 1, "{notices:?}");
    assert!(notices[0].message.starts_with(&format!("{} could not be read", november.display())), "{notices:?}");
    assert!(notices[0].message.contains("the last good copy"), "{notices:?}");
    assert_eq!(journal, one_file_journal(), "November as its backup held it; the other months as they were");
    let aside: Vec<String> =
        names_in(&dir.path().join("journal")).into_iter().filter(|n| n.contains("corrupt")).collect();
    assert_eq!(aside.len(), 1, "the damaged bytes kept: {aside:?}");
}

#[test]
fn a_damaged_pointer_is_kept_aside_and_the_months_still_read() {
    let dir = tempfile::tempdir().unwrap();
    with_one_file(dir.path(), &one_file_journal());
    Store::new(Paths::in_dir(dir.path())).load_journal().unwrap();
    fs::write(dir.path().join("journal.json"), b"garbage").unwrap();
    let store = Store::new(Paths::in_dir(dir.path()));
    let journal = store.load_journal().unwrap().value;
    assert_eq!(journal.evenings, one_file_journal().evenings, "the months are the journal");
    let notices = store.take_notices();
    assert_eq!(notices.len(), 1, "{notices:?}");
    assert!(notices[0].message.contains("Your journal itself is in the folder journal"), "{notices:?}");
    // Not mistaken for an old journal to migrate over the months.
    assert!(!names_in(dir.path()).iter().any(|n| n.contains(".v2.bak-")));
    // The next change writes the pointer again.
    let evening = date(2026, 11, 28);
    let at = DateTime::parse_from_rfc3339("2026-11-28T21:00:00+01:00").unwrap();
    store
        .update_evenings(evening..=evening, |journal| {
            journal.record(evening, "warm-bath", CheckIn::new(Outcome::Done, at, None));
            Ok::<_, StoreError>(())
        })
        .unwrap();
    let pointer: serde_json::Value =
        serde_json::from_slice(&fs::read(dir.path().join("journal.json")).unwrap()).unwrap();
    assert_eq!(pointer["schema_version"], 4);
}

#[test]
fn a_new_journal_starts_in_months() {
    let dir = tempfile::tempdir().unwrap();
    let out = support::run(dir.path(), &["check", "warm-bath", "--date", "2026-11-26"]);
    assert_eq!(out.code(), 0, "{}", out.stderr());
    assert!(month_file(dir.path(), "2026-11.json").is_file());
    assert!(!dir.path().join("journal.json.v2.bak").exists(), "nothing to migrate, nothing kept");
    assert!(out.stderr().is_empty(), "nothing to say: {}", out.stderr());
}

#[test]
#[cfg(unix)]
fn killed_at_any_step_of_the_migration_the_next_run_finishes_it() {
    if !support::e2e_available("kill -9 at each step of the journal's migration", &["strace"], "strace") {
        return;
    }
    let template = tempfile::tempdir().unwrap();
    let old = with_one_file(template.path(), &one_file_journal());
    let kills = support::kill_at_each_call::kill_at_each_changing_call(
        |dir| fs::write(dir.join("journal.json"), &old).unwrap(),
        &["status"],
        |dir, killed, context| {
            if killed {
                // The next run (any run) finishes what the killed one began.
                let next = support::run(dir, &["status"]);
                assert_eq!(next.code(), 0, "after a kill at {context}: {}", next.stderr());
            }
            assert_migrated(dir, &old, context);
        },
    );
    // The migration's own steps were interrupted, not only the program's start-up.
    for call in ["linkat", "fsync", "rename", "write"] {
        assert!(kills.get(call).is_some_and(|&n| n > 0), "never killed at {call}: {kills:?}");
    }
}

#[test]
fn an_evening_filed_under_the_wrong_month_by_hand_is_merged_into_its_own() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(Paths::in_dir(dir.path()));
    let at = DateTime::parse_from_rfc3339("2026-12-01T21:00:00+01:00").unwrap();
    let first = date(2026, 12, 1);
    store
        .update_evenings(first..=first, |journal| {
            journal.record(first, "warm-bath", CheckIn::new(Outcome::Done, at, None));
            Ok::<_, StoreError>(())
        })
        .unwrap();
    // November's file, edited by hand, also holds the first of December.
    let november = r#"{"schema_version":3,"evenings":{"2026-11-20":{"checks":{}},"2026-12-01":{"checks":{"lights-out":{"outcome":"done","at":"2026-12-01T23:00:00+01:00"}}}}}"#;
    fs::write(month_file(dir.path(), "2026-11.json"), november).unwrap();
    let whole = store.load_journal().unwrap().value;
    assert_eq!(whole.evening(first).unwrap().checks.len(), 2, "both records of the evening are shown");
    // A change in November files it where it belongs, with December's own record kept.
    let evening = date(2026, 11, 21);
    store
        .update_evenings(evening..=evening, |journal| {
            journal.record(evening, "warm-bath", CheckIn::new(Outcome::Done, at, None));
            Ok::<_, StoreError>(())
        })
        .unwrap();
    let december: serde_json::Value =
        serde_json::from_slice(&fs::read(month_file(dir.path(), "2026-12.json")).unwrap()).unwrap();
    let checks = december["evenings"]["2026-12-01"]["checks"].as_object().unwrap();
    assert!(checks.contains_key("warm-bath") && checks.contains_key("lights-out"), "{december}");
    let november: serde_json::Value =
        serde_json::from_slice(&fs::read(month_file(dir.path(), "2026-11.json")).unwrap()).unwrap();
    assert!(november["evenings"].get("2026-12-01").is_none(), "{november}");
    assert_eq!(store.load_journal().unwrap().value.evening(first), whole.evening(first));
}

/// The one file's own backup is not left under the name a version before the months
/// restores whenever `journal.json` is missing.
#[test]
fn the_one_files_backup_is_renamed_so_no_older_version_restores_it() {
    let dir = tempfile::tempdir().unwrap();
    let old = with_one_file(dir.path(), &one_file_journal());
    let mut earlier = one_file_journal();
    earlier.evenings.remove(&date(2026, 11, 26));
    save_document(&dir.path().join("journal.json.bak"), &earlier).unwrap();
    let earlier_bytes = fs::read(dir.path().join("journal.json.bak")).unwrap();
    let store = Store::new(Paths::in_dir(dir.path()));
    assert_eq!(store.load_journal().unwrap().value, one_file_journal());
    assert!(!dir.path().join("journal.json.bak").exists());
    assert_eq!(fs::read(dir.path().join("journal.json.bak-before-months")).unwrap(), earlier_bytes, "kept, renamed");
    assert_eq!(fs::read(dir.path().join("journal.json.v2.bak")).unwrap(), old);
}

/// `status`, `plan` and `reminders` are about one evening: they read its month only (a
/// damaged month years back says nothing there; History and `stats` read it).
#[test]
fn a_plan_or_a_status_reads_only_its_evenings_month() {
    let dir = tempfile::tempdir().unwrap();
    support::run(dir.path(), &["check", "warm-bath", "--date", "2026-11-26"]).ok();
    fs::write(month_file(dir.path(), "2024-03.json"), b"{ damaged").unwrap();
    for args in [&["plan", "--date", "2026-11-26"][..], &["reminders", "--date", "2026-11-26"], &["status"]] {
        let out = support::run(dir.path(), args).ok();
        assert!(out.stderr().is_empty(), "{args:?}: {}", out.stderr());
    }
    assert!(fs::read(month_file(dir.path(), "2024-03.json")).unwrap() == b"{ damaged", "not looked at");
    let out = support::run(dir.path(), &["stats"]).ok();
    let named = format!("{} could not be read", support::own_month_name(dir.path(), "2024-03.json"));
    assert!(out.stderr().contains(&named), "{}", out.stderr());
}
