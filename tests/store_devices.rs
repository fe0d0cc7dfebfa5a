//! Several computers on one data folder (issue 24 part 3), at the store's level: each
//! writes only `journal/YYYY-MM.DEVICE.json`, reads every computer's file, keeps what
//! each took away, takes in sync tools' conflict copies and moves them out, and keeps its
//! own files (lock, reminder log, device id) in its state folder.

mod support;

use support::two_computers::*;

use std::fs;

use bedtime_coach::model::{CheckIn, Outcome};
use bedtime_coach::store::{Paths, StoreError};

#[test]
fn each_computer_writes_its_own_file_and_reads_every_one() {
    let two = Two::new();
    let (a, b) = (two.a(), two.b());
    assert_ne!(a.device_id().unwrap(), b.device_id().unwrap());
    check(&a, "warm-bath", "2026-12-05T21:00:00+01:00");
    check(&b, "lights-out", "2026-12-05T23:00:00+01:00");
    let expected =
        [format!("2026-12.{}.json", a.device_id().unwrap()), format!("2026-12.{}.json", b.device_id().unwrap())];
    let mut expected = expected.to_vec();
    expected.sort();
    let files: Vec<String> = names(&two.months()).into_iter().filter(|n| n.ends_with(".json")).collect();
    assert_eq!(files, expected);
    assert_eq!(steps(&a), ["lights-out", "warm-bath"]);
    assert_eq!(steps(&b), ["lights-out", "warm-bath"]);
    // Nothing of one computer's in the shared folder: lock, reminder log, device id.
    assert_eq!(names(two.data.path()), ["journal", "journal.json"]);
    assert!(two.state_a.path().join("device-id").is_file());
    assert!(two.state_a.path().join("bedtime-coach.lock").is_file());
}

#[test]
fn an_undo_on_one_computer_stays_undone_though_the_other_copied_the_check_in() {
    let two = Two::new();
    let (a, b) = (two.a(), two.b());
    check(&a, "warm-bath", "2026-12-05T21:00:00+01:00");
    // B copies it into its own file (any change there writes its whole view).
    check(&b, "lights-out", "2026-12-05T23:00:00+01:00");
    let b_file = two.months().join(format!("2026-12.{}.json", b.device_id().unwrap()));
    assert!(fs::read_to_string(&b_file).unwrap().contains("warm-bath"), "B holds A's check-in");
    undo(&a, "warm-bath", "2026-12-05T21:30:00+01:00");
    assert_eq!(steps(&a), ["lights-out"]);
    assert_eq!(steps(&b), ["lights-out"], "B's copy does not bring it back");
    // Checked again later, on B: it is back on both.
    check(&b, "warm-bath", "2026-12-05T22:00:00+01:00");
    assert_eq!(steps(&a), ["lights-out", "warm-bath"]);
}

#[test]
fn the_later_change_to_the_same_step_wins_on_both() {
    let two = Two::new();
    let (a, b) = (two.a(), two.b());
    check(&a, "warm-bath", "2026-12-05T21:00:00+01:00");
    b.update_evenings(evening()..=evening(), |journal| {
        let skipped = CheckIn::new(Outcome::Skipped, at("2026-12-05T21:10:00+01:00"), None);
        journal.record(evening(), "warm-bath", skipped);
        Ok::<_, StoreError>(())
    })
    .unwrap();
    for store in [&a, &b] {
        let journal = store.load_journal().unwrap().value;
        assert_eq!(journal.check_in(evening(), "warm-bath").unwrap().outcome, Outcome::Skipped);
    }
}

#[test]
fn conflict_copies_of_all_three_kinds_are_merged_then_moved_out() {
    let two = Two::new();
    let a = two.a();
    check(&a, "warm-bath", "2026-12-05T21:00:00+01:00");
    let own = two.months().join(format!("2026-12.{}.json", a.device_id().unwrap()));
    // What the other side of each conflict held: one more check-in, in this computer's file.
    let copies = [
        format!("2026-12.{}.sync-conflict-20261205-221500-ABCDEFG.json", a.device_id().unwrap()),
        format!("2026-12.{} (Laptop's conflicted copy 2026-12-05).json", a.device_id().unwrap()),
        format!("2026-12.{} (conflicted copy 2026-12-05 221500).json", a.device_id().unwrap()),
    ];
    for (copy, step) in copies.iter().zip(["lights-out", "breathing", "screens-off"]) {
        let mut journal = a.load_journal().unwrap().value;
        journal.record(evening(), step, CheckIn::new(Outcome::Done, at("2026-12-05T22:15:00+01:00"), None));
        let bytes = format!(
            r#"{{"schema_version":3,"evenings":{}}}"#,
            serde_json::to_string(&serde_json::to_value(&journal).unwrap()["evenings"]).unwrap()
        );
        fs::write(two.months().join(copy), bytes).unwrap();
    }
    // Any run that reads notices them: merged, in this computer's file, and moved out.
    assert_eq!(steps(&a), ["breathing", "lights-out", "screens-off", "warm-bath"]);
    let left: Vec<String> = names(&two.months()).into_iter().filter(|n| n.contains("conflict")).collect();
    assert!(left.is_empty(), "{left:?}");
    let moved = names(&two.state_a.path().join("conflicts"));
    assert_eq!(moved.len(), 3, "{moved:?}");
    let own_text = fs::read_to_string(&own).unwrap();
    for step in ["breathing", "lights-out", "screens-off", "warm-bath"] {
        assert!(own_text.contains(step), "{step} in {own_text}");
    }
    assert!(a.take_notices().is_empty(), "merged quietly");
}

#[test]
fn a_damaged_conflict_copy_is_moved_out_with_a_sentence() {
    let two = Two::new();
    let a = two.a();
    check(&a, "warm-bath", "2026-12-05T21:00:00+01:00");
    let copy = format!("2026-12.{}.sync-conflict-20261205-221500-ABCDEFG.json", a.device_id().unwrap());
    fs::write(two.months().join(&copy), b"{ damaged").unwrap();
    assert_eq!(steps(&a), ["warm-bath"]);
    assert!(!two.months().join(&copy).exists());
    let moved = names(&two.state_a.path().join("conflicts"));
    assert_eq!(moved, std::slice::from_ref(&copy));
    assert_eq!(fs::read(two.state_a.path().join("conflicts").join(&copy)).unwrap(), b"{ damaged");
    let said: Vec<String> = a.take_notices().into_iter().map(|n| n.message).collect();
    assert_eq!(said.len(), 1, "{said:?}");
    assert!(said[0].contains("could not be read") && said[0].contains("conflicts"), "{said:?}");
}

#[test]
fn another_computers_damaged_file_is_read_from_its_backup_or_left_out_never_written() {
    let two = Two::new();
    let (a, b) = (two.a(), two.b());
    check(&b, "lights-out", "2026-12-05T23:00:00+01:00");
    check(&b, "warm-bath", "2026-12-05T23:05:00+01:00");
    let b_file = two.months().join(format!("2026-12.{}.json", b.device_id().unwrap()));
    fs::write(&b_file, b"{ damaged").unwrap();
    // Its backup holds the first check-in.
    assert_eq!(steps(&a), ["lights-out"]);
    assert_eq!(fs::read(&b_file).unwrap(), b"{ damaged", "not A's to repair");
    fs::remove_file(b_file.with_file_name(format!("{}.bak", b_file.file_name().unwrap().to_string_lossy()))).unwrap();
    let a = two.a();
    assert!(steps(&a).is_empty());
    let said: Vec<String> = a.take_notices().into_iter().map(|n| n.message).collect();
    assert_eq!(said.len(), 1, "said once: {said:?}");
    assert!(said[0].contains("another computer"), "{said:?}");
    steps(&a);
    assert!(a.take_notices().is_empty(), "once");
    // A's own changes go on.
    check(&a, "breathing", "2026-12-05T22:00:00+01:00");
    assert_eq!(steps(&a), ["breathing"]);
    assert_eq!(fs::read(&b_file).unwrap(), b"{ damaged");
}

#[test]
fn a_journal_of_format_3_is_read_and_the_first_change_goes_to_this_computers_file() {
    let two = Two::new();
    let data = two.data.path();
    fs::write(data.join("journal.json"), br#"{"schema_version":3,"months_in":"journal","future":1}"#).unwrap();
    fs::create_dir(data.join("journal")).unwrap();
    let shared = br#"{"schema_version":3,"evenings":{"2026-12-05":{"checks":{"warm-bath":{"outcome":"done","at":"2026-12-05T21:00:00+01:00"}}}}}"#;
    fs::write(data.join("journal/2026-12.json"), shared).unwrap();
    let a = two.a();
    assert_eq!(steps(&a), ["warm-bath"]);
    check(&a, "lights-out", "2026-12-05T23:00:00+01:00");
    assert_eq!(fs::read(data.join("journal/2026-12.json")).unwrap(), shared, "format 3's file untouched");
    let pointer: serde_json::Value = serde_json::from_slice(&fs::read(data.join("journal.json")).unwrap()).unwrap();
    assert_eq!(pointer["schema_version"], 4, "format 3's versions now open it read-only");
    assert_eq!(pointer["future"], 1, "the journal's own unknown field kept");
    assert_eq!(steps(&two.b()), ["lights-out", "warm-bath"]);
    // Undone here: format 3's file still holds it, the removal wins.
    undo(&a, "warm-bath", "2026-12-05T23:10:00+01:00");
    assert_eq!(steps(&two.b()), ["lights-out"]);
}

#[test]
fn the_state_folder_is_found_outside_a_chosen_data_folder() {
    let data = tempfile::tempdir().unwrap();
    let state = tempfile::tempdir().unwrap();
    let paths = Paths::resolve_with_state(Some(data.path()), Some(state.path())).unwrap();
    assert_eq!(paths.state_dir, state.path());
    for file in [paths.lock_file(), paths.reminders_file(), paths.reminder_owner_file(), paths.log_file()] {
        assert!(file.starts_with(state.path()), "{file:?}");
    }
    // Without one given: the user's state folder, one subfolder per data folder.
    let found = Paths::resolve(Some(data.path())).unwrap();
    assert!(!found.state_dir.starts_with(data.path()), "{:?}", found.state_dir);
    assert!(found.state_dir.ends_with(found.folder_key()), "{:?}", found.state_dir);
    assert!(!found.device_file.starts_with(data.path()));
    // What is started for the folder is told where the state is when it is not the usual.
    let told = Paths::with_state(data.path(), state.path()).data_dir_arguments();
    assert!(told.iter().any(|a| a == "--state-dir"), "{told:?}");
    assert!(!found.data_dir_arguments().iter().any(|a| a == "--state-dir"));
}

#[test]
fn another_computers_file_too_large_to_read_is_left_out_and_this_journal_stays_writable() {
    let two = Two::new();
    let (a, b) = (two.a(), two.b());
    check(&b, "lights-out", "2026-12-05T23:00:00+01:00");
    let b_file = two.months().join(format!("2026-12.{}.json", b.device_id().unwrap()));
    fs::remove_file(b_file.with_file_name(format!("{}.bak", b_file.file_name().unwrap().to_string_lossy()))).ok();
    // Sparse: larger than any month may be, without writing it.
    fs::OpenOptions::new().write(true).open(&b_file).unwrap().set_len(65 << 20).unwrap();
    let loaded = a.load_journal().unwrap();
    assert!(loaded.read_only.is_none(), "{:?}", loaded.read_only);
    check(&a, "warm-bath", "2026-12-05T21:00:00+01:00");
    assert_eq!(steps(&a), ["warm-bath"]);
    assert!(a.take_notices().iter().any(|n| n.message.contains("another computer")));
}

#[test]
fn the_reminder_log_of_a_version_before_the_state_folder_is_taken_over_once() {
    let data = tempfile::tempdir().unwrap();
    let state = tempfile::tempdir().unwrap();
    let older = br#"{"schema_version":1,"evenings":{},"snoozed_by_hand":true}"#;
    fs::write(data.path().join("reminders.json"), older).unwrap();
    let store = computer(data.path(), state.path());
    store.load_reminders().unwrap();
    assert_eq!(fs::read(state.path().join("reminders.json")).unwrap(), older);
    assert_eq!(fs::read(data.path().join("reminders.json")).unwrap(), older, "left for older versions");
    // Once: this computer's own log is never replaced by the old one again.
    fs::write(state.path().join("reminders.json"), br#"{"schema_version":1}"#).unwrap();
    store.load_reminders().unwrap();
    assert_eq!(fs::read(state.path().join("reminders.json")).unwrap(), br#"{"schema_version":1}"#);
}

/// The window's size and place, kept by versions before the state folder in the data
/// folder: taken over once, so an update does not forget it; never a FIFO's wait, never a
/// huge file's copy.
#[test]
fn the_window_size_of_a_version_before_the_state_folder_is_taken_over_once() {
    let data = tempfile::tempdir().unwrap();
    let state = tempfile::tempdir().unwrap();
    let older = b"(window: (inner_size: Some((1200.0, 800.0))))";
    fs::write(data.path().join("window.ron"), older).unwrap();
    let store = computer(data.path(), state.path());
    assert_eq!(store.window_file(), state.path().join("window.ron"));
    assert_eq!(fs::read(state.path().join("window.ron")).unwrap(), older);
    assert_eq!(fs::read(data.path().join("window.ron")).unwrap(), older, "left for older versions");
    // Once: the size this version keeps is never replaced by the old one again.
    fs::write(state.path().join("window.ron"), b"(window: ())").unwrap();
    store.window_file();
    assert_eq!(fs::read(state.path().join("window.ron")).unwrap(), b"(window: ())");

    // A FIFO or a huge file in its place is not taken over (and nothing waits).
    let (data, state) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    fs::write(data.path().join("window.ron"), vec![b' '; 1 << 20]).unwrap();
    computer(data.path(), state.path()).window_file();
    assert!(!state.path().join("window.ron").exists());
    #[cfg(unix)]
    {
        let (data, state) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        let made = std::process::Command::new("mkfifo").arg(data.path().join("window.ron")).status().unwrap();
        assert!(made.success());
        computer(data.path(), state.path()).window_file();
        assert!(!state.path().join("window.ron").exists());
    }
}

/// Two computers that changed the one-file journal of format 2 before they were updated
/// leave a conflict copy of `journal.json` beside it: its evenings are merged, then it
/// goes; so does a copy of the pointer; a damaged one goes with a sentence.
#[test]
fn conflict_copies_of_journal_json_are_merged_then_moved_out() {
    let two = Two::new();
    let data = two.data.path();
    let one_file = |step: &str, time: &str| {
        format!(
            r#"{{"schema_version":2,"evenings":{{"2026-12-05":{{"checks":{{"{step}":{{"outcome":"done","at":"{time}"}}}}}}}}}}"#
        )
    };
    fs::write(data.join("journal.json"), one_file("warm-bath", "2026-12-05T21:00:00+01:00")).unwrap();
    fs::write(
        data.join("journal (Laptop's conflicted copy 2026-12-05).json"),
        one_file("lights-out", "2026-12-05T23:00:00+01:00"),
    )
    .unwrap();
    fs::write(
        data.join("journal.sync-conflict-20261205-230000-ABCDEFG.json"),
        br#"{"schema_version":4,"months_in":"journal"}"#,
    )
    .unwrap();
    fs::write(data.join("journal (conflicted copy 2026-12-05 230000).json"), b"{ damaged").unwrap();
    let a = two.a();
    assert_eq!(steps(&a), ["lights-out", "warm-bath"]);
    let left: Vec<String> = names(data).into_iter().filter(|n| n.contains("conflict")).collect();
    assert!(left.is_empty(), "{left:?}");
    assert_eq!(names(&two.state_a.path().join("conflicts")).len(), 3);
    let said: Vec<String> = a.take_notices().into_iter().map(|n| n.message).collect();
    assert!(
        said.iter().any(|m| m.contains("conflicted copy 2026-12-05 230000") && m.contains("could not be read")),
        "{said:?}"
    );
    assert_eq!(steps(&two.b()), ["lights-out", "warm-bath"], "in A's own months now");
}
