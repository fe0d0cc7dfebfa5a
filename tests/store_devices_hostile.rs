//! The journal shared by computers (issue 24 part 3) under attack: odd names and odd
//! files in `journal/` (folders, FIFOs, links, other cases, thousands of computers), files
//! a sync tool or another computer left damaged, a state folder that cannot be written,
//! a full disk while conflict copies are moved out, processes racing for the device id,
//! clocks that disagree. Each test says what the user must still be able to do.

mod support;

use support::two_computers::*;

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Instant;

use bedtime_coach::store::{Paths, Store};

fn said(store: &Store) -> Vec<String> {
    store.take_notices().into_iter().map(|n| n.message).collect()
}

/// A month file as another computer writes it, one check-in of `step` at `time`.
fn month_bytes(step: &str, time: &str) -> String {
    format!(
        r#"{{"schema_version":3,"evenings":{{"2026-12-05":{{"checks":{{"{step}":{{"outcome":"done","at":"{time}"}}}}}}}}}}"#
    )
}

/// Another computer's id (one that no test's computer has: ids are made at random).
const OTHER: &str = "ffff0000ffff0000";

/// Another computer's month file in `two`'s folder.
fn other_file(two: &Two) -> PathBuf {
    two.months().join(format!("2026-12.{OTHER}.json"))
}

// Odd files under another computer's name: whatever it is, this computer's journal is
// read and written, and the odd file is left alone.

fn another_computers_odd_file_is_left_out(make: impl FnOnce(&Path)) {
    let two = Two::new();
    let a = two.a();
    check(&a, "warm-bath", "2026-12-05T21:00:00+01:00");
    make(&other_file(&two));
    let a = two.a();
    assert_eq!(steps(&a), ["warm-bath"]);
    check(&a, "lights-out", "2026-12-05T23:00:00+01:00");
    assert_eq!(steps(&two.a()), ["lights-out", "warm-bath"]);
    let loaded = a.load_near(evening()..=evening()).unwrap_or_else(|e| panic!("tonight: {e}"));
    assert_eq!(loaded.journal.value.evening(evening()).map(|e| e.checks.len()), Some(2));
    assert!(fs::symlink_metadata(other_file(&two)).is_ok(), "not this computer's to remove");
}

#[test]
fn another_computers_month_file_that_is_a_folder_is_left_out() {
    another_computers_odd_file_is_left_out(|file| fs::create_dir(file).unwrap());
}

#[test]
#[cfg(unix)]
fn another_computers_month_file_that_is_a_fifo_is_left_out() {
    another_computers_odd_file_is_left_out(|file| {
        let made = std::process::Command::new("mkfifo").arg(file).status().unwrap();
        assert!(made.success());
    });
}

#[test]
#[cfg(unix)]
fn another_computers_month_file_that_is_a_dangling_link_is_left_out() {
    another_computers_odd_file_is_left_out(|file| {
        std::os::unix::fs::symlink("/nonexistent/bedtime-coach/2026-12.json", file).unwrap();
    });
}

#[test]
#[cfg(unix)]
fn another_computers_month_file_that_is_a_link_loop_is_left_out() {
    another_computers_odd_file_is_left_out(|file| {
        std::os::unix::fs::symlink(file.file_name().unwrap(), file).unwrap();
    });
}

#[test]
#[cfg(unix)]
fn another_computers_month_file_linked_from_outside_is_read() {
    let two = Two::new();
    let outside = tempfile::tempdir().unwrap();
    let target = outside.path().join("theirs.json");
    fs::write(&target, month_bytes("breathing", "2026-12-05T22:00:00+01:00")).unwrap();
    let a = two.a();
    check(&a, "warm-bath", "2026-12-05T21:00:00+01:00");
    std::os::unix::fs::symlink(&target, other_file(&two)).unwrap();
    assert_eq!(steps(&a), ["breathing", "warm-bath"]);
    check(&a, "lights-out", "2026-12-05T23:00:00+01:00");
    assert_eq!(
        fs::read_to_string(&target).unwrap(),
        month_bytes("breathing", "2026-12-05T22:00:00+01:00"),
        "another computer's file is never written"
    );
}

// Conflict copies that are not files.

#[test]
#[cfg(unix)]
fn a_conflict_copy_that_is_a_folder_or_a_fifo_does_not_stop_the_journal() {
    let two = Two::new();
    let a = two.a();
    check(&a, "warm-bath", "2026-12-05T21:00:00+01:00");
    let id = a.device_id().unwrap();
    let folder = two.months().join(format!("2026-12.{id}.sync-conflict-20261205-221500-ABCDEFG.json"));
    fs::create_dir(&folder).unwrap();
    let fifo = two.months().join(format!("2026-12.{OTHER} (conflicted copy 2026-12-05 221500).json"));
    assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let a = two.a();
    assert_eq!(steps(&a), ["warm-bath"]);
    check(&a, "lights-out", "2026-12-05T23:00:00+01:00");
    assert_eq!(steps(&two.a()), ["lights-out", "warm-bath"]);
}

// Names.

/// Unix only: where names differ by case alone. On Windows the name in capitals is the
/// very file this computer writes (the test of names below checks it is not misread).
#[test]
#[cfg(unix)]
fn this_computers_month_file_renamed_to_capitals_is_still_read() {
    // A sync tool or a user on a system that ignores case (Windows, macOS) may keep the
    // name in capitals; there it is the very file this computer writes.
    let two = Two::new();
    let a = two.a();
    check(&a, "warm-bath", "2026-12-05T21:00:00+01:00");
    let own = a.own_month_file(evening()).unwrap();
    let upper = own.with_file_name(format!("2026-12.{}.json", a.device_id().unwrap().as_str().to_uppercase()));
    fs::rename(&own, &upper).unwrap();
    let _ = fs::remove_file(own.with_file_name(format!("{}.bak", own.file_name().unwrap().to_string_lossy())));
    let a = two.a();
    assert_eq!(steps(&a), ["warm-bath"], "the evening is not lost from view");
    check(&a, "lights-out", "2026-12-05T23:00:00+01:00");
    assert_eq!(steps(&two.b()), ["lights-out", "warm-bath"]);
    assert_eq!(fs::read_to_string(&upper).unwrap().trim_end(), month_bytes("warm-bath", "2026-12-05T21:00:00+01:00"));
}

#[test]
fn names_that_are_almost_month_files_or_copies_are_left_alone() {
    let two = Two::new();
    let a = two.a();
    check(&a, "warm-bath", "2026-12-05T21:00:00+01:00");
    let id = a.device_id().unwrap();
    let odd = [
        format!("2026-12.{id}.sync-conflict-20261205-2215-ABCDEFG.json"),
        format!("2026-12.{id}.sync-conflict-20261205-221500-.json"),
        "device-id.sync-conflict-20261205-221500-ABCDEFG".to_owned(),
        format!("2026-12.{id}.json~"),
        "2026-12..json".to_owned(),
        format!("2026-12.{}.json", "a".repeat(33)),
        "2026-13.ffff0000ffff0000.json".to_owned(),
    ];
    // Where names differ by case alone (not on Windows: there it is this computer's file).
    let odd: Vec<String> = odd.into_iter().chain(cfg!(unix).then(|| format!("2026-12.{id}.JSON"))).collect();
    for name in &odd {
        fs::write(two.months().join(name), month_bytes("breathing", "2026-12-05T22:00:00+01:00")).unwrap();
    }
    let a = two.a();
    assert_eq!(steps(&a), ["warm-bath"]);
    check(&a, "lights-out", "2026-12-05T23:00:00+01:00");
    assert_eq!(steps(&a), ["lights-out", "warm-bath"]);
    for name in &odd {
        assert!(two.months().join(name).exists(), "{name} left where it was");
    }
}

#[test]
fn copies_of_copies_of_every_tool_are_merged_and_moved_out() {
    let two = Two::new();
    let a = two.a();
    check(&a, "warm-bath", "2026-12-05T21:00:00+01:00");
    let id = a.device_id().unwrap();
    let copies = [
        (
            format!("2026-12.{id}.sync-conflict-20261205-221500-AAAAAAA.sync-conflict-20261205-221600-BBBBBBB.json"),
            "breathing",
        ),
        (format!("2026-12.{id} (conflicted copy 2026-12-05 221500) (Laptop's conflicted copy 2026-12-05).json"), "tea"),
        (format!("2026-12.{OTHER}_conflict-20261205-221500.json"), "reading"),
    ];
    for (name, step) in &copies {
        fs::write(two.months().join(name), month_bytes(step, "2026-12-05T22:15:00+01:00")).unwrap();
    }
    assert_eq!(steps(&a), ["breathing", "reading", "tea", "warm-bath"]);
    let left: Vec<String> = names(&two.months()).into_iter().filter(|n| n.contains("conflict")).collect();
    assert!(left.is_empty(), "{left:?}");
    assert_eq!(names(&two.state_a.path().join("conflicts")).len(), 3);
}

#[test]
fn thousands_of_computers_are_read_in_reasonable_time() {
    let two = Two::new();
    let a = two.a();
    check(&a, "warm-bath", "2026-12-05T21:00:00+01:00");
    let many = 3000;
    for n in 0..many {
        let name = format!("2026-12.{n:016x}.json");
        let time = format!("2026-12-05T22:{:02}:{:02}+01:00", n / 60 % 60, n % 60);
        fs::write(two.months().join(name), month_bytes("lights-out", &time)).unwrap();
    }
    let started = Instant::now();
    let a = two.a();
    assert_eq!(steps(&a), ["lights-out", "warm-bath"]);
    let read = started.elapsed();
    let started = Instant::now();
    check(&a, "breathing", "2026-12-05T23:00:00+01:00");
    let checked = started.elapsed();
    // Timings are reported, not asserted (264 ms each on Linux; far slower under Wine).
    println!("{many} computers' files: read in {read:?}, a check-in in {checked:?}");
    assert_eq!(steps(&a), ["breathing", "lights-out", "warm-bath"]);
}

// Contents.

#[test]
fn another_computers_file_of_a_newer_format_is_shown_and_said() {
    let two = Two::new();
    let a = two.a();
    check(&a, "warm-bath", "2026-12-05T21:00:00+01:00");
    let newer =
        month_bytes("breathing", "2026-12-05T22:00:00+01:00").replace(r#""schema_version":3"#, r#""schema_version":9"#);
    fs::write(other_file(&two), newer).unwrap();
    let a = two.a();
    let loaded = a.load_journal().unwrap();
    let shown: Vec<&String> = loaded.value.evening(evening()).unwrap().checks.keys().collect();
    assert_eq!(shown, ["breathing", "warm-bath"]);
    let words = said(&a);
    assert_eq!(words.len(), 1, "said once: {words:?}");
}

#[test]
fn another_computers_empty_or_damaged_file_never_hides_this_computers_evenings() {
    for bytes in [&b""[..], b"\0\0\0\0", b"{\"schema_version\":3,\"evenings\":{\"2026-12-05\":", b"[]", b"null"] {
        let two = Two::new();
        let a = two.a();
        check(&a, "warm-bath", "2026-12-05T21:00:00+01:00");
        fs::write(other_file(&two), bytes).unwrap();
        let a = two.a();
        assert_eq!(steps(&a), ["warm-bath"], "{bytes:?}");
        check(&a, "lights-out", "2026-12-05T23:00:00+01:00");
        assert_eq!(steps(&a), ["lights-out", "warm-bath"]);
        assert_eq!(fs::read(other_file(&two)).unwrap(), bytes, "not written");
    }
}

#[test]
fn duplicate_removals_of_one_evening_keep_the_later() {
    // Two records of the same evening's removals in one file: the one read last must not
    // bring back what the other took away.
    let two = Two::new();
    let a = two.a();
    check(&a, "warm-bath", "2026-12-05T21:00:00+01:00");
    let bytes = r#"{"schema_version":3,"evenings":{},"removed":{"2026-12-05":{"checks":{"warm-bath":"2026-12-05T21:30:00+01:00"}},"2026-12-05":{"checks":{"warm-bath":"2026-12-05T20:00:00+01:00"}}}}"#;
    fs::write(other_file(&two), bytes).unwrap();
    let a = two.a();
    let shown = steps(&a);
    assert!(shown.is_empty() || !said(&a).is_empty(), "taken away, or the file said to be damaged: {shown:?}");
}

#[test]
fn odd_removals_never_stop_the_journal() {
    let removals = [
        r#"{"0000-01-01":{"checks":{"warm-bath":"0000-01-01T00:00:00+00:00"}}}"#,
        r#"{"9999-12-31":{"night":"9999-12-31T23:59:59+00:00"}}"#,
        r#"{"2026-12-05":{"checks":{"":"2026-12-05T21:30:00+01:00","../x":"2026-12-05T21:30:00+01:00"}}}"#,
        r#"{"2026-12-05":{"checks":{"warm-bath":"not a time"}}}"#,
        r#"{"2026-12-05":{"checks":{"warm-bath":"2026-12-05T21:30:00.123456789+01:00"},"what":1}}"#,
        r#"{"2026-11-30":{"checks":{"warm-bath":"2026-12-05T21:30:00+01:00"}}}"#,
        r#"{"2026-12-05":{"checks":[]}}"#,
        r#"[]"#,
    ];
    for removed in removals {
        let two = Two::new();
        let a = two.a();
        check(&a, "lights-out", "2026-12-05T23:00:00+01:00");
        let bytes = format!(r#"{{"schema_version":3,"evenings":{{}},"removed":{removed}}}"#);
        fs::write(other_file(&two), bytes).unwrap();
        let a = two.a();
        assert_eq!(steps(&a), ["lights-out"], "{removed}");
        try_check(&a, "warm-bath", "2026-12-05T23:10:00+01:00").unwrap_or_else(|e| panic!("{removed}: {e}"));
        assert_eq!(steps(&two.a()), ["lights-out", "warm-bath"], "{removed}");
    }
}

// The state folder.

#[test]
fn a_file_where_the_state_folder_should_be_is_said_in_one_sentence_and_viewing_goes_on() {
    let two = Two::new();
    check(&two.b(), "warm-bath", "2026-12-05T21:00:00+01:00");
    let state = two.state_a.path().join("state");
    fs::write(&state, b"not a folder").unwrap();
    let a = computer(two.data.path(), &state);
    assert_eq!(steps(&a), ["warm-bath"], "still shown");
    let error = try_check(&a, "lights-out", "2026-12-05T23:00:00+01:00").unwrap_err();
    assert_eq!(error.to_string().lines().count(), 1, "{error}");
    assert_eq!(steps(&two.b()), ["warm-bath"]);
}

/// Runs `test` in a thread, failing (not hanging) if it takes more than a minute.
fn within_a_minute(what: &'static str, test: impl FnOnce() + Send + 'static) {
    let (done, finished) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        test();
        let _ = done.send(());
    });
    match finished.recv_timeout(std::time::Duration::from_secs(60)) {
        Ok(()) => {}
        Err(std::sync::mpsc::RecvTimeoutError::Timeout) => panic!("{what}: still waiting after a minute"),
        Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => panic!("{what}: failed"),
    }
}

#[test]
fn a_device_id_that_is_no_id_is_kept_aside_and_replaced() {
    type Make = fn(&Path);
    let odd: [(&'static str, Make); 6] = [
        ("a folder", |file| fs::create_dir(file).unwrap()),
        ("empty", |file| fs::write(file, b"").unwrap()),
        ("in capitals", |file| fs::write(file, b"FFFF0000FFFF0000\n").unwrap()),
        ("not text", |file| fs::write(file, b"\xff\xfe").unwrap()),
        ("huge", |file| fs::File::create(file).unwrap().set_len(1 << 30).unwrap()),
        ("a FIFO", |file| {
            #[cfg(unix)]
            assert!(std::process::Command::new("mkfifo").arg(file).status().unwrap().success());
            #[cfg(not(unix))]
            fs::write(file, b"no FIFO here").unwrap();
        }),
    ];
    for (what, make) in odd {
        within_a_minute(what, move || {
            let two = Two::new();
            check(&two.b(), "warm-bath", "2026-12-05T21:00:00+01:00");
            make(&two.state_a.path().join("device-id"));
            let a = two.a();
            assert_eq!(steps(&a), ["warm-bath"], "{what}");
            try_check(&a, "lights-out", "2026-12-05T23:00:00+01:00").unwrap_or_else(|e| panic!("{what}: {e}"));
            assert_eq!(steps(&two.b()), ["lights-out", "warm-bath"], "{what}");
            let kept = names(two.state_a.path());
            assert!(kept.iter().any(|n| n.starts_with("device-id.corrupt-")), "{what}: {kept:?}");
        });
    }
}

#[test]
fn a_device_id_lock_that_is_no_file_is_said_in_one_sentence_never_waited_on() {
    type Make = fn(&Path);
    let odd: [(&'static str, Make); 2] = [
        ("a folder", |file| fs::create_dir(file).unwrap()),
        ("a FIFO", |file| {
            #[cfg(unix)]
            assert!(std::process::Command::new("mkfifo").arg(file).status().unwrap().success());
            #[cfg(not(unix))]
            fs::create_dir(file).unwrap();
        }),
    ];
    for (what, make) in odd {
        within_a_minute(what, move || {
            let two = Two::new();
            check(&two.b(), "warm-bath", "2026-12-05T21:00:00+01:00");
            let lock = two.state_a.path().join("device-id.lock");
            make(&lock);
            let a = two.a();
            assert_eq!(steps(&a), ["warm-bath"], "{what}: read without an id of its own");
            let error = try_check(&a, "lights-out", "2026-12-05T23:00:00+01:00").unwrap_err().to_string();
            assert_eq!(error.lines().count(), 1, "{what}: {error}");
            assert!(error.contains("device-id.lock"), "{what}: {error}");
            assert!(!two.state_a.path().join("device-id").exists(), "{what}: no id made without its lock");
            // Moved away, as the sentence asks: the next change makes the id.
            fs::rename(&lock, two.state_a.path().join("moved")).unwrap();
            check(&two.a(), "lights-out", "2026-12-05T23:00:00+01:00");
            assert_eq!(steps(&two.b()), ["lights-out", "warm-bath"], "{what}");
        });
    }
}

#[test]
fn processes_making_the_device_id_over_a_damaged_one_agree_on_one() {
    for _ in 0..50 {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("device-id"), b"damaged!").unwrap();
        let start = std::sync::Barrier::new(6);
        let ids: Vec<String> = std::thread::scope(|scope| {
            let threads: Vec<_> = (0..6)
                .map(|_| {
                    scope.spawn(|| {
                        let store = Store::new(Paths::in_dir(dir.path()));
                        start.wait();
                        store.device_id().unwrap().to_string()
                    })
                })
                .collect();
            threads.into_iter().map(|t| t.join().unwrap()).collect()
        });
        let kept = fs::read_to_string(dir.path().join("device-id")).unwrap();
        for id in &ids {
            assert_eq!(*id, kept.trim(), "every process writes under the id kept: {ids:?}");
        }
    }
}

#[test]
fn a_relative_or_odd_state_folder_is_made_absolute_or_refused_in_one_sentence() {
    let data = tempfile::tempdir().unwrap();
    let paths = Paths::resolve_with_state(Some(data.path()), Some(Path::new("relative/state"))).unwrap();
    assert!(paths.state_dir.is_absolute() && paths.device_file.is_absolute(), "{paths:?}");
    match Paths::resolve_with_state(Some(data.path()), Some(Path::new(""))) {
        Ok(paths) => assert!(paths.state_dir.is_absolute(), "{paths:?}"),
        Err(error) => assert_eq!(error.to_string().lines().count(), 1, "{error}"),
    }
}

// Moving conflict copies out when that cannot be done.

/// A check-in with a conflict copy of this computer's file beside it, the state folder
/// made unusable for the copies by `spoil` after the device id was made.
fn check_in_with_a_copy_that_cannot_move(state: &Path, spoil: impl FnOnce()) {
    let data = tempfile::tempdir().unwrap();
    let a = computer(data.path(), state);
    check(&a, "warm-bath", "2026-12-05T21:00:00+01:00");
    let id = a.device_id().unwrap();
    let months = data.path().join("journal");
    let copy = months.join(format!("2026-12.{id}.sync-conflict-20261205-221500-ABCDEFG.json"));
    fs::write(&copy, month_bytes("breathing", "2026-12-05T22:15:00+01:00")).unwrap();
    spoil();
    let result = try_check(&a, "lights-out", "2026-12-05T23:00:00+01:00");
    // The check-in is in this computer's file, with what the copy held.
    let own = fs::read_to_string(a.own_month_file(evening()).unwrap()).unwrap();
    assert!(own.contains("lights-out") && own.contains("breathing"), "{own}");
    assert!(result.is_ok(), "a check-in that was saved is not reported as failed: {}", result.unwrap_err());
    // The copy waits for a later change; the journal reads as before.
    assert!(copy.exists());
    assert_eq!(steps(&a), ["breathing", "lights-out", "warm-bath"]);
    check(&a, "tea", "2026-12-05T23:10:00+01:00");
}

#[test]
fn a_check_in_is_saved_though_a_file_stands_where_the_copies_go() {
    let state = tempfile::tempdir().unwrap();
    let conflicts = state.path().join("conflicts");
    check_in_with_a_copy_that_cannot_move(state.path(), || fs::write(&conflicts, b"not a folder").unwrap());
}

#[test]
fn a_check_in_is_saved_though_the_copies_cannot_be_moved_to_a_full_disk() {
    let Some(disk) = support::Tmpfs::mount("a full state disk", "64k") else { return };
    let state = disk.0.path().to_owned();
    check_in_with_a_copy_that_cannot_move(&state, || {
        // Fill it: the copy must be copied there (another disk than the data folder's).
        let mut n = 0;
        while fs::write(state.join(format!("filler{n}")), vec![0u8; 4096]).is_ok() {
            n += 1;
        }
        let _ = fs::write(state.join("last"), b"x");
    });
}

// The clock.

#[test]
fn an_undo_then_a_check_in_the_same_second_is_kept() {
    let two = Two::new();
    let a = two.a();
    check(&a, "warm-bath", "2026-12-05T21:00:00.100+01:00");
    undo(&a, "warm-bath", "2026-12-05T21:00:00.200+01:00");
    check(&a, "warm-bath", "2026-12-05T21:00:00.300+01:00");
    assert_eq!(steps(&a), ["warm-bath"]);
    assert_eq!(steps(&two.a()), ["warm-bath"], "read again from disk");
    assert_eq!(steps(&two.b()), ["warm-bath"]);
    undo(&a, "warm-bath", "2026-12-05T21:00:00.400+01:00");
    assert!(steps(&two.b()).is_empty());
}

#[test]
fn a_computer_whose_clock_is_behind_still_has_the_last_word() {
    let two = Two::new();
    let (a, b) = (two.a(), two.b());
    // B's clock runs two hours ahead.
    check(&b, "warm-bath", "2026-12-05T23:00:00+01:00");
    undo(&a, "warm-bath", "2026-12-05T21:05:00+01:00");
    assert!(steps(&b).is_empty());
    check(&a, "warm-bath", "2026-12-05T21:06:00+01:00");
    assert_eq!(steps(&b), ["warm-bath"]);
    undo(&b, "warm-bath", "2026-12-05T23:07:00+01:00");
    assert!(steps(&a).is_empty());
}

#[test]
fn a_removal_years_ahead_can_be_checked_again() {
    // A computer whose clock ran years ahead undid last evening's step.
    let two = Two::new();
    let (a, b) = (two.a(), two.b());
    check(&a, "warm-bath", "2026-12-05T21:00:00+01:00");
    undo(&b, "warm-bath", "2031-06-01T12:00:00+02:00");
    assert!(steps(&a).is_empty());
    check(&a, "warm-bath", "2026-12-05T21:30:00+01:00");
    assert_eq!(steps(&a), ["warm-bath"], "the user can check it again");
    assert_eq!(steps(&two.b()), ["warm-bath"]);
    let shown = a.load_journal().unwrap().value.check_in(evening(), "warm-bath").unwrap().at;
    println!("checked again at 21:30, the check-in says {shown}");
}

// A crash at every step of a check-in that also moves conflict copies out.

/// Copies a data folder, its subfolders too.
#[cfg(unix)]
fn copy_folder(from: &Path, to: &Path) {
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let kind = entry.file_type().unwrap();
        if kind.is_dir() {
            fs::create_dir(to.join(entry.file_name())).unwrap();
            copy_folder(&entry.path(), &to.join(entry.file_name()));
        } else if kind.is_file() {
            fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
        }
    }
}

#[test]
#[cfg(unix)]
fn killed_at_any_system_call_of_a_check_in_that_moves_copies_out_nothing_is_lost() {
    if !support::e2e_available("kill at each system call of a check-in with conflict copies", &["strace"], "strace") {
        return;
    }
    let november = chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
    let template = tempfile::tempdir().unwrap();
    assert!(support::run(template.path(), &["check", "warm-bath", "--date", "2026-11-26"]).out.status.success());
    let store = support::store(template.path());
    let own_name = store.own_month_file(november).unwrap().file_name().unwrap().to_string_lossy().into_owned();
    let id = store.device_id().unwrap();
    let months = template.path().join("journal");
    let copy = |step: &str| {
        format!(
            r#"{{"schema_version":3,"evenings":{{"2026-11-26":{{"checks":{{"{step}":{{"outcome":"done","at":"2026-11-26T22:15:00+01:00"}}}}}}}}}}"#
        )
    };
    let copies = [
        (format!("2026-11.{id}.sync-conflict-20261126-221500-ABCDEFG.json"), "lights-out"),
        (format!("2026-11.{OTHER} (conflicted copy 2026-11-26 221500).json"), "breathing"),
    ];
    for (name, step) in &copies {
        fs::write(months.join(name), copy(step)).unwrap();
    }
    let kills = support::kill_at_each_call::kill_at_each_changing_call(
        |dir| copy_folder(template.path(), dir),
        &["check", "calm-ambience", "--date", "2026-11-26"],
        |dir, killed, context| {
            // On disk, before anything reads it again: each copy's check-in is in the
            // folder still, or in this computer's file.
            let own = fs::read_to_string(dir.join("journal").join(&own_name)).unwrap_or_default();
            for (name, step) in &copies {
                let in_folder = dir.join("journal").join(name).exists();
                assert!(in_folder || own.contains(step), "{context}: {step} of {name} lost");
            }
            let journal = support::store(dir).load_journal().unwrap_or_else(|e| panic!("{context}: {e}")).value;
            for step in ["warm-bath", "lights-out", "breathing"] {
                assert!(journal.check_in(november, step).is_some(), "{context}: {step}");
            }
            if !killed {
                assert!(journal.check_in(november, "calm-ambience").is_some(), "{context}");
            }
            let left: Vec<String> =
                names(&dir.join("journal")).into_iter().filter(|n| n.contains("conflict")).collect();
            assert!(left.is_empty(), "{context}: the next run moves them out: {left:?}");
        },
    );
    for call in ["rename", "fsync", "unlink"] {
        assert!(kills.iter().any(|(c, &n)| c.starts_with(call) && n > 0), "never killed at {call}: {kills:?}");
    }
}
