//! The store's edge cases, through the library: unusable backups, duplicate keys, odd
//! versions, links, special files, the lock, oversized and no-op saves, read-only disks.
//! Each test writes the real bytes a user (or a disk) could leave and checks the bytes
//! and the sentences that come back.

mod support;

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use bedtime_coach::model::{CheckIn, Journal, Outcome, ReminderLog};
use bedtime_coach::store::{Paths, Store, StoreError, to_bytes};
use chrono::{DateTime, NaiveDate};

fn date(d: u32) -> NaiveDate {
    support::date(2026, 11, d)
}

fn check_in() -> CheckIn {
    CheckIn::new(Outcome::Done, DateTime::parse_from_rfc3339("2026-11-26T21:00:00+01:00").unwrap(), None)
}

fn record(store: &Store, d: u32, step: &str) {
    store
        .update_journal(|journal| {
            journal.record(date(d), step, check_in());
            Ok::<_, StoreError>(())
        })
        .unwrap();
}

/// A journal file's bytes with one check-in on each of `days`.
fn journal_bytes(days: &[u32]) -> Vec<u8> {
    let mut journal = Journal::default();
    for &d in days {
        journal.record(date(d), "warm-bath", check_in());
    }
    to_bytes(&journal).unwrap()
}

/// A month file's bytes (journal format 3) with one check-in on each of `days` of November.
fn month_bytes(days: &[u32]) -> Vec<u8> {
    let bytes = String::from_utf8(journal_bytes(days)).unwrap();
    bytes.replacen("{\"schema_version\":2,", "{\"schema_version\":3,", 1).into_bytes()
}

/// A data folder whose journal is kept by month (the pointer written, no month yet);
/// returns the folder of months.
fn by_month(dir: &Path) -> PathBuf {
    fs::write(dir.join("journal.json"), br#"{"schema_version":3,"months_in":"journal"}"#).unwrap();
    fs::create_dir(dir.join("journal")).unwrap();
    dir.join("journal")
}

fn files_named(dir: &Path, prefix: &str) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
        .collect();
    found.sort();
    found
}

fn messages(store: &Store) -> String {
    store.take_notices().into_iter().map(|n| n.message).collect::<Vec<_>>().join("\n")
}

#[test]
fn a_missing_journal_is_restored_from_its_backup_not_started_afresh() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(Paths::in_dir(dir.path()));
    let journal = dir.path().join("journal.json");
    fs::write(dir.path().join("journal.json.bak"), journal_bytes(&[20, 21])).unwrap();
    let loaded = store.load_journal().unwrap();
    assert_eq!(loaded.value.check_in_count(), 2);
    assert!(messages(&store).contains("was missing; the last good copy"));
    // Restored, then moved into months: the restored bytes are the copy kept.
    assert_eq!(fs::read(dir.path().join("journal.json.v2.bak")).unwrap(), journal_bytes(&[20, 21]));
    assert!(fs::read_to_string(&journal).unwrap().contains("\"months_in\": \"journal\""));
    // The next saves keep what the backup held.
    record(&store, 22, "warm-bath");
    record(&store, 23, "warm-bath");
    assert_eq!(store.load_journal().unwrap().value.check_in_count(), 4);
}

#[test]
fn a_missing_month_is_restored_from_its_backup_not_started_afresh() {
    let dir = tempfile::tempdir().unwrap();
    by_month(dir.path());
    fs::write(support::own_month(dir.path(), "2026-11.json.bak"), month_bytes(&[20, 21])).unwrap();
    let store = Store::new(Paths::in_dir(dir.path()));
    assert_eq!(store.load_journal().unwrap().value.check_in_count(), 2);
    assert!(messages(&store).contains("was missing; the last good copy"));
    assert_eq!(fs::read(support::own_month(dir.path(), "2026-11.json")).unwrap(), month_bytes(&[20, 21]));
    record(&store, 22, "warm-bath");
    assert_eq!(store.load_journal().unwrap().value.check_in_count(), 3);
}

#[test]
fn unusable_backups_are_moved_aside_never_overwritten() {
    let newer = br#"{"schema_version":9,"evenings":{}}"#.to_vec();
    let damaged = br#"{"schema_version":3,"evenings":{"#.to_vec();
    let wrong = br#"{"schema_version":1,"evenings":[]}"#.to_vec();
    for (what, backup) in [("newer", newer), ("damaged", damaged), ("older, cannot migrate", wrong)] {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(Paths::in_dir(dir.path()));
        let months = by_month(dir.path());
        fs::write(support::own_month(dir.path(), "2026-11.json"), month_bytes(&[20])).unwrap();
        fs::write(support::own_month(dir.path(), "2026-11.json.bak"), &backup).unwrap();
        record(&store, 21, "warm-bath");
        let kept = files_named(&months, &support::own_month_name(dir.path(), "2026-11.json.bak.corrupt-"));
        assert_eq!(kept.len(), 1, "{what}");
        assert_eq!(fs::read(&kept[0]).unwrap(), backup, "{what}: bytes kept");
        assert!(messages(&store).contains(&kept[0].display().to_string()), "{what}: named");
        // The save still happened, with the old file as the new backup.
        assert_eq!(fs::read(support::own_month(dir.path(), "2026-11.json.bak")).unwrap(), month_bytes(&[20]), "{what}");
        assert_eq!(store.load_journal().unwrap().value.check_in_count(), 2, "{what}");
    }
}

#[test]
fn duplicate_keys_at_any_level_are_damage_kept_aside() {
    let cases: [(&str, &[u8]); 3] = [
        ("evenings twice", br#"{"schema_version":2,"evenings":{"2026-11-20":{"checks":{}}},"evenings":{}}"#),
        (
            "date twice",
            br#"{"schema_version":2,"evenings":{"2026-11-20":{"checks":{"warm-bath":{"outcome":"done","at":"2026-11-20T21:00:00+01:00"}}},"2026-11-20":{"checks":{}}}}"#,
        ),
        (
            "field twice",
            br#"{"schema_version":2,"evenings":{"2026-11-20":{"checks":{"warm-bath":{"outcome":"done","outcome":"skipped","at":"2026-11-20T21:00:00+01:00"}}}}}"#,
        ),
    ];
    for (what, bytes) in cases {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(Paths::in_dir(dir.path()));
        fs::write(dir.path().join("journal.json.bak"), journal_bytes(&[19])).unwrap();
        fs::write(dir.path().join("journal.json"), bytes).unwrap();
        let loaded = store.load_journal().unwrap();
        assert_eq!(loaded.value.check_in(date(19), "warm-bath"), Some(&check_in()), "{what}: backup restored");
        let aside = files_named(dir.path(), "journal.json.corrupt-");
        assert_eq!(aside.len(), 1, "{what}");
        assert_eq!(fs::read(&aside[0]).unwrap(), bytes, "{what}");
        assert!(messages(&store).contains("appears twice"), "{what}");
    }
    // The reminder service's partial read refuses them too.
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(Paths::in_dir(dir.path()));
    fs::write(dir.path().join("journal.json"), cases[1].1).unwrap();
    let near = store.load_near(date(19)..=date(21)).unwrap();
    assert!(near.journal.value.evenings.is_empty());
    assert_eq!(files_named(dir.path(), "journal.json.corrupt-").len(), 1);
}

/// A large journal (scanned on a second thread while it is parsed, see
/// `store::document`): a duplicate deep inside is still damage, kept aside; the same
/// journal without it loads whole; an older version of it is migrated.
#[test]
fn a_large_journal_is_checked_as_a_small_one() {
    let mut journal = Journal::default();
    let days: Vec<NaiveDate> = (0..4000).map(|n| support::date(2016, 1, 1) + chrono::Days::new(n)).collect();
    for day in &days {
        journal.record(*day, "warm-bath", check_in());
    }
    let good = to_bytes(&journal).unwrap();
    assert!(good.len() > 300 * 1024, "{} bytes is not large", good.len());
    // Each in a folder of its own: a one-file journal is moved into months once read.
    let one_file = |bytes: &[u8]| {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("journal.json"), bytes).unwrap();
        let store = Store::new(Paths::in_dir(dir.path()));
        (dir, store)
    };
    let (_dir, store) = one_file(&good);
    assert_eq!(store.load_journal().unwrap().value.evenings.len(), days.len());
    assert!(messages(&store).starts_with("Your journal is now kept as one file per month"));

    // The same check-in's outcome twice, in the 3,000th evening.
    let text = String::from_utf8(good.clone()).unwrap();
    let at = text.match_indices("\"outcome\":\"done\"").nth(3000).unwrap().0;
    let damaged = format!("{}\"outcome\":\"skipped\",{}", &text[..at], &text[at..]);
    let (dir, store) = one_file(damaged.as_bytes());
    let loaded = store.load_journal().unwrap();
    assert!(loaded.value.evenings.is_empty(), "no backup: an empty journal, not a silently changed one");
    assert!(messages(&store).contains("appears twice"));
    let aside = files_named(dir.path(), "journal.json.corrupt-");
    assert_eq!(aside.len(), 1);
    assert_eq!(fs::read(&aside[0]).unwrap(), damaged.as_bytes());

    // Version 1 of the same journal: read through the migration, not the early parse.
    let older = text.replacen("\"schema_version\":2", "\"schema_version\":1", 1);
    assert_ne!(older, text);
    let (_dir, store) = one_file(older.as_bytes());
    let migrated = store.load_journal().unwrap();
    assert_eq!(migrated.value.evenings.len(), days.len());
}

#[test]
fn only_a_whole_number_is_a_version() {
    let body =
        r#""evenings":{"2026-11-20":{"checks":{"warm-bath":{"outcome":"done","at":"2026-11-20T21:00:00+01:00"}}}}"#;
    for version in ["", "-1", "null", "\"2\"", "2.0", "0", "1e30", "[2]"] {
        let bytes =
            if version.is_empty() { format!("{{{body}}}") } else { format!("{{\"schema_version\":{version},{body}}}") };
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(Paths::in_dir(dir.path()));
        fs::write(dir.path().join("journal.json"), &bytes).unwrap();
        fs::write(dir.path().join("journal.json.bak"), journal_bytes(&[19])).unwrap();
        let loaded = store.load_journal().unwrap();
        assert!(loaded.read_only.is_none(), "{version}");
        assert!(loaded.value.check_in(date(19), "warm-bath").is_some(), "{version}: the backup, not a migration");
        let aside = files_named(dir.path(), "journal.json.corrupt-");
        assert_eq!(fs::read(&aside[0]).unwrap(), bytes.as_bytes(), "{version}");
        assert!(files_named(dir.path(), "journal.json.v1").is_empty(), "{version}: not migrated");
        assert!(messages(&store).contains("schema_version"), "{version}");
    }
    // Newer than the pointer's format 4: a later layout this version cannot know, so
    // nothing is shown from it and nothing written.
    for version in ["5", "18446744073709551616", "1000000000000000000000000000000"] {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(Paths::in_dir(dir.path()));
        let bytes = format!("{{\"schema_version\":{version},{body}}}");
        fs::write(dir.path().join("journal.json"), &bytes).unwrap();
        let loaded = store.load_journal().unwrap();
        assert!(loaded.read_only.as_deref().unwrap().contains(&format!("format {version}")), "{version}");
        let refused = store.update_journal(|_| Ok::<_, StoreError>(())).unwrap_err();
        assert!(refused.to_string().contains("newer version"), "{version}");
        assert_eq!(fs::read(dir.path().join("journal.json")).unwrap(), bytes.as_bytes(), "{version}");
        let written: Vec<_> = fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert!(files_named(dir.path(), "journal.json.").is_empty(), "{version}: no backup, no copy: {written:?}");
    }
    // The months' format with evenings in it: not a pointer, damage kept aside.
    let dir = tempfile::tempdir().unwrap();
    let bytes = format!("{{\"schema_version\":3,{body}}}");
    fs::write(dir.path().join("journal.json"), &bytes).unwrap();
    let store = Store::new(Paths::in_dir(dir.path()));
    assert!(store.load_journal().unwrap().value.evenings.is_empty());
    assert_eq!(fs::read(&files_named(dir.path(), "journal.json.corrupt")[0]).unwrap(), bytes.as_bytes());
    assert!(messages(&store).contains("could not be read"));
}

#[test]
fn two_damaged_files_in_one_second_keep_both() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(Paths::in_dir(dir.path()));
    let journal = dir.path().join("journal.json");
    fs::write(&journal, b"{first").unwrap();
    store.load_journal().unwrap();
    fs::write(&journal, b"{second").unwrap();
    store.load_journal().unwrap();
    let kept: Vec<Vec<u8>> =
        files_named(dir.path(), "journal.json.corrupt-").iter().map(|p| fs::read(p).unwrap()).collect();
    assert_eq!(kept.len(), 2, "{kept:?}");
    assert!(kept.contains(&b"{first".to_vec()) && kept.contains(&b"{second".to_vec()));
}

/// On Windows a link in a data file's place is refused instead (see
/// `platform/windows/files.rs`).
#[test]
#[cfg(unix)]
fn a_linked_journal_is_written_through_the_link_and_a_dangling_one_refused() {
    let dir = tempfile::tempdir().unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    let target = elsewhere.path().join("my-november.json");
    fs::write(&target, month_bytes(&[20])).unwrap();
    by_month(dir.path());
    let link = support::own_month(dir.path(), "2026-11.json");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    let store = Store::new(Paths::in_dir(dir.path()));
    record(&store, 21, "warm-bath");
    assert!(fs::symlink_metadata(&link).unwrap().file_type().is_symlink(), "still a link");
    assert_eq!(fs::read(&target).unwrap(), month_bytes(&[20, 21]));
    assert_eq!(fs::read(elsewhere.path().join("my-november.json.bak")).unwrap(), month_bytes(&[20]));
    assert!(!support::own_month(dir.path(), "2026-11.json.bak").exists());

    fs::remove_file(&target).unwrap();
    fs::remove_file(elsewhere.path().join("my-november.json.bak")).unwrap();
    let expected = format!("{} is a link to {}, which does not exist;", link.display(), target.display());
    let error = store.load_journal().unwrap_err().to_string();
    assert!(error.starts_with(&expected), "{error}");
    let error = store.update_journal(|_| Ok::<_, StoreError>(())).unwrap_err().to_string();
    assert!(error.starts_with(&expected), "{error}");
    assert!(!target.exists(), "never a fresh journal behind the link");
}

#[test]
fn a_save_too_large_to_read_back_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(Paths::in_dir(dir.path()));
    store
        .update_reminders(|log| {
            log.file_notices.push("small".into());
            Ok::<_, StoreError>(())
        })
        .unwrap();
    let before = fs::read(dir.path().join("reminders.json")).unwrap();
    let error = store
        .update_reminders(|log: &mut ReminderLog| {
            log.file_notices.push("x".repeat(5 << 20));
            Ok::<_, StoreError>(())
        })
        .unwrap_err();
    assert!(matches!(error, StoreError::TooLarge { .. }));
    let text = error.to_string();
    assert!(text.contains("5.0 MB") && text.contains("4.0 MB") && text.contains("reminders.json"), "{text}");
    assert_eq!(fs::read(dir.path().join("reminders.json")).unwrap(), before);
}

#[test]
fn a_change_that_changes_nothing_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(Paths::in_dir(dir.path()));
    record(&store, 20, "warm-bath");
    record(&store, 21, "warm-bath");
    let (month, pointer) = (support::own_month(dir.path(), "2026-11.json"), dir.path().join("journal.json"));
    let bak = fs::read(support::own_month(dir.path(), "2026-11.json.bak")).unwrap();
    let modified =
        (fs::metadata(&month).unwrap().modified().unwrap(), fs::metadata(&pointer).unwrap().modified().unwrap());
    let updated = store
        .update_journal(|journal| {
            journal.record(date(21), "warm-bath", check_in());
            Ok::<_, StoreError>(7)
        })
        .unwrap();
    assert_eq!((updated.value, updated.saved), (7, false));
    assert_eq!(fs::read(support::own_month(dir.path(), "2026-11.json.bak")).unwrap(), bak, "backup not rotated");
    assert_eq!(
        (fs::metadata(&month).unwrap().modified().unwrap(), fs::metadata(&pointer).unwrap().modified().unwrap()),
        modified
    );
    let updated = store
        .update_journal(|journal| {
            journal.record(date(22), "warm-bath", check_in());
            Ok::<_, StoreError>(())
        })
        .unwrap();
    assert!(updated.saved);
}

/// Runs `work` on a thread and fails if it takes longer than `limit` (a hang).
#[cfg(unix)]
fn within<T: Send + 'static>(limit: Duration, work: impl FnOnce() -> T + Send + 'static) -> T {
    let (done, result) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = done.send(work());
    });
    result.recv_timeout(limit).expect("hung")
}

#[cfg(unix)]
fn mkfifo(path: &Path) {
    assert!(std::process::Command::new("mkfifo").arg(path).status().unwrap().success());
}

#[test]
fn special_files_are_refused_with_a_sentence_not_waited_on() {
    #[cfg(unix)]
    for name in ["journal.json", "journal/2026-11.json", "journal/2026-11.json.bak", "bedtime-coach.lock"] {
        let dir = tempfile::tempdir().unwrap();
        by_month(dir.path());
        // The month's names are this computer's.
        let path = match name.strip_prefix("journal/") {
            Some(month) => support::own_month(dir.path(), month),
            None => dir.path().join(name),
        };
        if name == "journal.json" {
            fs::remove_file(&path).unwrap();
        } else if name != "journal/2026-11.json" {
            fs::write(support::own_month(dir.path(), "2026-11.json"), month_bytes(&[20])).unwrap();
        }
        mkfifo(&path);
        let root = dir.path().to_owned();
        let error = within(Duration::from_secs(10), move || {
            let store = Store::new(Paths::in_dir(&root));
            store.update_journal(|_: &mut Journal| Ok::<_, StoreError>(())).map(|_| ()).and_then(|()| {
                store.update_journal(|j| Ok::<_, StoreError>(j.record(date(21), "warm-bath", check_in())))
            })
        })
        .unwrap_err()
        .to_string();
        assert_eq!(error, format!("{} is not a regular file (a FIFO); move it away, then try again.", path.display()));
    }
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("journal.json")).unwrap();
    let error = Store::new(Paths::in_dir(dir.path())).load_journal().unwrap_err().to_string();
    assert!(error.ends_with("journal.json is not a regular file (a folder); move it away, then try again."), "{error}");
}

#[test]
fn a_data_folder_that_is_a_file_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("data");
    fs::write(&file, b"").unwrap();
    let store = Store::new(Paths::in_dir(&file));
    for error in [
        store.load_journal().map(|_| ()).unwrap_err(),
        store.update_journal(|_| Ok::<_, StoreError>(())).map(|_| ()).unwrap_err(),
    ] {
        assert_eq!(
            error.to_string(),
            format!(
                "{} is a file, not a folder; move it away or choose another folder with --data-dir.",
                file.display()
            )
        );
    }
}

#[test]
fn viewing_needs_no_lock_and_changes_wait_then_name_the_holder() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::new(Paths::in_dir(dir.path()));
    record(&store, 20, "warm-bath");
    // Another process holds the lock (a second open file is a second flock owner).
    let holder = fs::OpenOptions::new().read(true).write(true).open(store.paths().lock_file()).unwrap();
    holder.lock().unwrap();
    fs::write(store.paths().lock_file(), b"4242\n").unwrap();
    let started = Instant::now();
    assert_eq!(store.load_journal().unwrap().value.check_in_count(), 1);
    store.load().unwrap();
    store.load_near(date(19)..=date(21)).unwrap();
    assert!(started.elapsed() < Duration::from_millis(500), "viewing waited {:?}", started.elapsed());

    let heard = Arc::new(Mutex::new(Vec::new()));
    let sink = heard.clone();
    store.set_wait_callback(Box::new(move |message| sink.lock().unwrap().push(message.to_owned())));
    store.set_lock_timeout(Duration::from_millis(1500));
    let started = Instant::now();
    let error = store.update_journal(|_| Ok::<_, StoreError>(())).unwrap_err();
    let waited = started.elapsed();
    assert!((Duration::from_millis(1400)..Duration::from_secs(5)).contains(&waited), "{waited:?}");
    assert_eq!(
        heard.lock().unwrap().as_slice(),
        ["Waiting for another Bedtime Coach process (process 4242) to finish with its files…"]
    );
    let text = error.to_string();
    assert!(text.contains("(process 4242)") && text.contains("bedtime-coach.lock"), "{text}");
    // Once it is free, the change goes through and the holder's pid is this process's.
    drop(holder);
    record(&store, 21, "warm-bath");
    assert_eq!(store.load_journal().unwrap().value.check_in_count(), 2);
}

#[test]
fn on_a_read_only_disk_viewing_works_and_changes_are_refused() {
    let Some(disk) = support::Tmpfs::mount("read-only disk", "4m") else { return };
    let store = Store::new(Paths::in_dir(disk.0.path()));
    record(&store, 20, "warm-bath");
    fs::remove_file(store.paths().lock_file()).unwrap();
    disk.remount("ro");
    assert_eq!(store.load_journal().unwrap().value.check_in_count(), 1);
    store.load().unwrap();
    store.load_near(date(19)..=date(21)).unwrap();
    let error = store.update_journal(|j| Ok::<_, StoreError>(j.record(date(21), "warm-bath", check_in()))).unwrap_err();
    assert_eq!(
        error.to_string(),
        format!("Nothing was changed: {} is on a read-only file system.", disk.0.path().display())
    );
    disk.remount("rw");
}

/// An earlier version's one-file journal on a read-only disk cannot be moved into months:
/// it is shown as it is, read-only, saying why, and nothing is written.
#[test]
fn on_a_read_only_disk_a_one_file_journal_is_shown_not_migrated() {
    let Some(disk) = support::Tmpfs::mount("read-only disk with a one-file journal", "4m") else { return };
    fs::write(disk.0.path().join("journal.json"), journal_bytes(&[20, 21])).unwrap();
    disk.remount("ro");
    let store = Store::new(Paths::in_dir(disk.0.path()));
    let loaded = store.load_journal().unwrap();
    assert_eq!(loaded.value.check_in_count(), 2);
    let why = loaded.read_only.expect("read-only");
    assert!(why.contains("read-only file system"), "{why}");
    assert_eq!(store.load_near(date(21)..=date(21)).unwrap().journal.value.check_in_count(), 1);
    assert!(store.update_journal(|_| Ok::<_, StoreError>(())).is_err());
    disk.remount("rw");
    assert_eq!(fs::read(disk.0.path().join("journal.json")).unwrap(), journal_bytes(&[20, 21]), "untouched");
    // Writable again: the next look moves it.
    assert_eq!(store.load_journal().unwrap().value.check_in_count(), 2);
    assert!(support::own_month(disk.0.path(), "2026-11.json").is_file());
}

/// A process that just saved serves its next read from memory (no second parse per click)
/// only while the file is the one it wrote: what it serves is what a fresh reader gets,
/// and a file replaced by another process is read again.
#[test]
fn what_a_save_leaves_in_memory_is_what_is_on_disk() {
    use bedtime_coach::model::{Jerks, NightAnswer};
    use bedtime_coach::use_cases::Change;
    let dir = tempfile::tempdir().unwrap();
    let paths = Paths::in_dir(dir.path());
    let store = Store::new(paths.clone());
    let at = |text: &str| DateTime::parse_from_rfc3339(text).unwrap();
    let changes = [
        Change::SaveRoutineFile(Default::default()),
        Change::Check {
            evening: date(26),
            step: "humidity-check".into(),
            outcome: Outcome::Done,
            value: Some(55.5),
            at: at("2026-11-26T21:40:12.345678+01:00"),
        },
        Change::LogNight {
            evening: date(26),
            answers: vec![NightAnswer::FallingAsleep(Some(Jerks::Few)), NightAnswer::Note("a late coffee".into())],
            at: at("2026-11-27T07:00:00+01:00"),
        },
        Change::Undo { evening: date(26), step: "humidity-check".into() },
        Change::SetNight { evening: date(26), log: None },
        Change::PauseReminders { evening: date(26), paused: true },
    ];
    for change in changes {
        let label = format!("{change:?}");
        change.apply(&store).unwrap();
        let (served, fresh) = (store.load().unwrap(), Store::new(paths.clone()).load().unwrap());
        assert_eq!(served.journal.value, fresh.journal.value, "{label}");
        assert_eq!(served.routine_file.value, fresh.routine_file.value, "{label}");
        assert_eq!(
            (served.routine_file.existed, served.journal.existed),
            (fresh.routine_file.existed, fresh.journal.existed)
        );
        assert_eq!(store.load_reminders().unwrap().value, Store::new(paths.clone()).load_reminders().unwrap().value);
    }
    // Another process saves: this one reads the file again rather than its memory.
    record(&Store::new(paths.clone()), 27, "warm-bath");
    assert!(store.load_journal().unwrap().value.check_in(date(27), "warm-bath").is_some());
    // Replaced by hand with the same length and mtime resolution: still read again.
    let before = store.load_routine_file().unwrap().value;
    // This computer's routine file (routine.json is a view for older versions).
    let own = support::routine_files(dir.path()).into_iter().find(|path| !path.ends_with("routine.json")).unwrap();
    let mut text = fs::read_to_string(&own).unwrap();
    text = text.replace("\"theme\": \"system\"", "\"theme\": \"dark\"  ");
    let temp = dir.path().join("routine.json.new");
    fs::write(&temp, text).unwrap();
    fs::rename(&temp, &own).unwrap();
    let after = store.load_routine_file().unwrap().value;
    assert_ne!(before.settings.theme, after.settings.theme);
}
