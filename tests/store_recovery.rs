//! Damaged, future-version, oversized and old-format files, met through the real binary
//! (`stats`, which reads every month; `status` reads only tonight's):
//! nothing the user recorded may be lost or silently overwritten. The journal is kept by
//! month (see `store::months`): its recovery is met in the month file of the evening
//! checked, this computer's `journal/2026-11.DEVICE.json` for 2026-11-26.

mod support;

use support::StartRetrying as _;

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Output;

fn run(dir: &Path, args: &[&str]) -> Output {
    support::bin(dir).args(args).output_retrying().unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn corrupt_files(dir: &Path, name: &str) -> Vec<PathBuf> {
    let prefix = format!("{name}.corrupt-");
    fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().unwrap().to_string_lossy().starts_with(&prefix))
        .collect()
}

/// The month file that holds the evening these tests check, 2026-11-26.
fn november(dir: &Path) -> PathBuf {
    support::own_month(dir, "2026-11.json")
}

/// The `.corrupt-*` copies of November's month file.
fn corrupt_months(dir: &Path) -> Vec<PathBuf> {
    corrupt_files(&dir.join("journal"), &support::own_month_name(dir, "2026-11.json"))
}

fn done_count(dir: &Path, date: &str) -> usize {
    let out = run(dir, &["plan", "--date", date, "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let plan: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    plan.as_array().unwrap().iter().filter(|s| s["state"] == "done").count()
}

#[test]
fn damaged_journals_are_moved_aside_intact_and_the_backup_restored() {
    let damage: [(&str, Vec<u8>); 9] = [
        ("empty", vec![]),
        ("truncated", br#"{"schema_version":3,"evenings":{"2026-11-26":{"checks":{"warm-ba"#.to_vec()),
        ("bom", [b"\xEF\xBB\xBF".as_slice(), br#"{"schema_version":3,"evenings":{}}"#].concat()),
        ("nul bytes", vec![0u8; 64]),
        ("invalid utf-8", b"{\"schema_version\":3,\"evenings\":{\"\xff\xfe\":{}}}".to_vec()),
        ("wrong types", br#"{"schema_version":3,"evenings":[1,2,3]}"#.to_vec()),
        ("not an object", b"42".to_vec()),
        // Edited by hand: two spellings of one evening would have let one replace the other.
        (
            "two spellings of a date",
            br#"{"schema_version":3,"evenings":{"2026-11-26":{"checks":{}},"2026-11-5":{"checks":{}}}}"#.to_vec(),
        ),
        ("a date with a sign", br#"{"schema_version":3,"evenings":{"+2026-11-26":{"checks":{}}}}"#.to_vec()),
    ];
    for (what, bytes) in damage {
        let dir = tempfile::tempdir().unwrap();
        // Two saves, so there is a backup holding the first check-in.
        assert!(run(dir.path(), &["check", "warm-bath", "--date", "2026-11-26"]).status.success());
        assert!(run(dir.path(), &["check", "lights-out", "--date", "2026-11-26"]).status.success());
        let month = november(dir.path());
        fs::write(&month, &bytes).unwrap();
        let pointer = fs::read(dir.path().join("journal.json")).unwrap();

        let out = run(dir.path(), &["stats"]);
        assert!(out.status.success(), "{what}: {}", stderr(&out));
        let aside = corrupt_months(dir.path());
        assert_eq!(aside.len(), 1, "{what}");
        assert_eq!(fs::read(&aside[0]).unwrap(), bytes, "{what}: bytes kept intact");
        let message = stderr(&out);
        assert!(message.contains(&aside[0].display().to_string()), "{what}: names the moved file: {message}");
        assert!(message.contains("restored"), "{what}: {message}");
        assert_eq!(message.lines().count(), 1, "{what}: said once: {message}");
        // The backup (one check-in) is back, and the journal works again.
        assert_eq!(done_count(dir.path(), "2026-11-26"), 1, "{what}");
        assert!(run(dir.path(), &["check", "calm-evening", "--date", "2026-11-26"]).status.success());
        assert_eq!(done_count(dir.path(), "2026-11-26"), 2, "{what}");
        assert_eq!(corrupt_months(dir.path()).len(), 1, "{what}: reported once");
        // The pointer had nothing to do with it: neither moved aside nor rewritten.
        assert_eq!(fs::read(dir.path().join("journal.json")).unwrap(), pointer, "{what}");
        assert!(corrupt_files(dir.path(), "journal.json").is_empty(), "{what}");
    }
}

#[test]
fn damaged_journal_without_backup_starts_empty_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("journal.json"), b"{not json").unwrap();
    let out = run(dir.path(), &["check", "warm-bath", "--date", "2026-11-26"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("starts empty"), "{}", stderr(&out));
    assert_eq!(fs::read(&corrupt_files(dir.path(), "journal.json")[0]).unwrap(), b"{not json");
    assert_eq!(done_count(dir.path(), "2026-11-26"), 1);
}

#[test]
fn damaged_routine_is_moved_aside_too() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("routine.json"), b"\xEF\xBB\xBF{}").unwrap();
    let out = run(dir.path(), &["routine", "list"]);
    assert!(out.status.success());
    assert!(stderr(&out).contains("routine.json.corrupt-"), "{}", stderr(&out));
    assert_eq!(corrupt_files(dir.path(), "routine.json").len(), 1);
}

/// A check-in on 2026-11-26 is refused, saying a newer version wrote the journal.
fn check_refused_as_newer(dir: &Path) {
    let out = run(dir, &["check", "lights-out", "--date", "2026-11-26"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("newer version"), "{}", stderr(&out));
}

#[test]
fn a_newer_journal_opens_read_only_and_is_never_rewritten() {
    let dir = tempfile::tempdir().unwrap();
    // A journal kept by month, whose November a newer version has since written.
    assert!(run(dir.path(), &["check", "warm-bath", "--date", "2026-11-20"]).status.success());
    let pointer_path = dir.path().join("journal.json");
    let pointer = fs::read(&pointer_path).unwrap();
    let month = november(dir.path());
    let future = br#"{"schema_version":99,"evenings":{"2026-11-26":{"checks":{"warm-bath":{"outcome":"done","at":"2026-11-26T21:00:00+01:00"}}}},"hologram":true}"#;
    fs::write(&month, future).unwrap();
    // Reading works and shows what it can.
    assert_eq!(done_count(dir.path(), "2026-11-26"), 1);
    check_refused_as_newer(dir.path());
    assert_eq!(fs::read(&month).unwrap(), future, "not a byte changed");
    assert_eq!(fs::read(&pointer_path).unwrap(), pointer);
    assert!(corrupt_months(dir.path()).is_empty());
    // Even one this version cannot parse at all is left alone.
    let alien = br#"{"schema_version":7,"evenings":"compressed:abc"}"#;
    fs::write(&month, alien).unwrap();
    check_refused_as_newer(dir.path());
    assert_eq!(fs::read(&month).unwrap(), alien);
    assert!(corrupt_months(dir.path()).is_empty());

    // A pointer of a newer layout: the months are shown, and nothing is written at all.
    let dir = tempfile::tempdir().unwrap();
    assert!(run(dir.path(), &["check", "warm-bath", "--date", "2026-11-26"]).status.success());
    let month_bytes = fs::read(november(dir.path())).unwrap();
    let newer_pointer = br#"{"schema_version":5,"months_in":"journal-v5","hologram":true}"#;
    let pointer_path = dir.path().join("journal.json");
    fs::write(&pointer_path, newer_pointer).unwrap();
    assert_eq!(done_count(dir.path(), "2026-11-26"), 1);
    check_refused_as_newer(dir.path());
    assert_eq!(fs::read(&pointer_path).unwrap(), newer_pointer, "not a byte changed");
    assert_eq!(fs::read(november(dir.path())).unwrap(), month_bytes);
    assert!(corrupt_files(dir.path(), "journal.json").is_empty());
}

#[test]
fn oversized_files_are_refused_not_read() {
    let dir = tempfile::tempdir().unwrap();
    let journal = dir.path().join("journal.json");
    let file = fs::File::create(&journal).unwrap();
    file.set_len(65 << 20).unwrap();
    let out = run(dir.path(), &["check", "warm-bath"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("65.0 MB"), "{}", stderr(&out));
    assert_eq!(fs::metadata(&journal).unwrap().len(), 65 << 20);
}

#[test]
fn an_old_format_is_backed_up_then_migrated() {
    let dir = tempfile::tempdir().unwrap();
    let journal = dir.path().join("journal.json");
    let v1 = br#"{"schema_version":1,"evenings":{"2026-11-26":{"checks":{"warm-bath":{"done":true,"at":"2026-11-26T21:00:00+01:00"},"calm-ambience":{"done":false,"at":"2026-11-26T21:30:00+01:00"}}}}}"#;
    fs::write(&journal, v1).unwrap();
    // Format 1 is updated to 2, then the one file of format 2 is moved into months: each
    // step keeps what it started from, and says so, once.
    let out = run(dir.path(), &["plan", "--date", "2026-11-26", "--json"]);
    let message = stderr(&out);
    assert!(out.status.success(), "{message}");
    assert_eq!(message.lines().count(), 2, "{message}");
    assert!(message.contains(&dir.path().join("journal.json.v1.bak").display().to_string()), "{message}");
    assert!(message.contains("one file per month"), "{message}");
    assert!(message.contains(&dir.path().join("journal.json.v2.bak").display().to_string()), "{message}");
    let plan: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let state = |id: &str| plan.as_array().unwrap().iter().find(|s| s["id"] == id).unwrap()["state"].clone();
    assert_eq!(state("warm-bath"), "done");
    assert_eq!(state("calm-ambience"), "skipped");
    // The bytes of format 1 as they were; the single file of format 2 it became.
    assert_eq!(fs::read(dir.path().join("journal.json.v1.bak")).unwrap(), v1);
    let v2: serde_json::Value =
        serde_json::from_slice(&fs::read(dir.path().join("journal.json.v2.bak")).unwrap()).unwrap();
    assert_eq!(v2["schema_version"], 2);
    assert_eq!(v2["evenings"]["2026-11-26"]["checks"]["warm-bath"]["outcome"], "done");
    assert_eq!(v2["evenings"]["2026-11-26"]["checks"]["calm-ambience"]["outcome"], "skipped");
    // Now a pointer, and the evening in its month, in the current format.
    let now: serde_json::Value = serde_json::from_slice(&fs::read(&journal).unwrap()).unwrap();
    assert_eq!(now["schema_version"], 4);
    assert_eq!(now["months_in"], "journal");
    assert!(now.get("evenings").is_none(), "{now}");
    let month: serde_json::Value = serde_json::from_slice(&fs::read(november(dir.path())).unwrap()).unwrap();
    assert_eq!(month["schema_version"], 3);
    assert_eq!(month["evenings"]["2026-11-26"]["checks"]["warm-bath"]["outcome"], "done");
    assert_eq!(month["evenings"]["2026-11-26"]["checks"]["calm-ambience"]["outcome"], "skipped");
    let again = run(dir.path(), &["stats"]);
    assert!(again.status.success() && again.stderr.is_empty(), "said once: {}", stderr(&again));
}

#[test]
fn a_pointer_edited_to_an_older_version_loses_nothing_and_is_repaired_once() {
    let dir = tempfile::tempdir().unwrap();
    assert!(run(dir.path(), &["check", "warm-bath", "--date", "2026-11-26"]).status.success());
    let pointer_path = dir.path().join("journal.json");
    let pointer = fs::read_to_string(&pointer_path).unwrap();
    let edited = pointer.replace("\"schema_version\": 4", "\"schema_version\": 2");
    assert_ne!(edited, pointer);
    fs::write(&pointer_path, &edited).unwrap();
    // Taken for a one-file journal with no evenings: migrated, its bytes kept as they were.
    let out = run(dir.path(), &["stats"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(fs::read_to_string(dir.path().join("journal.json.v2.bak")).unwrap(), edited);
    // The pointer it wrote reads as it is: the next run has nothing to say.
    let again = run(dir.path(), &["stats"]);
    assert!(again.status.success() && again.stderr.is_empty(), "{}", stderr(&again));
    let now: serde_json::Value = serde_json::from_slice(&fs::read(&pointer_path).unwrap()).unwrap();
    assert_eq!(now["schema_version"], 4);
    assert_eq!(done_count(dir.path(), "2026-11-26"), 1, "the month untouched");
    assert!(corrupt_files(dir.path(), "journal.json").is_empty());
}

#[test]
fn unknown_fields_survive_a_save() {
    let dir = tempfile::tempdir().unwrap();
    let journal = dir.path().join("journal.json");
    // The journal's own unknown fields live in the pointer; an evening's and a check-in's
    // in the month file, which may have fields of its own too.
    fs::write(&journal, br#"{"schema_version":3,"months_in":"journal","sync_token":"abc"}"#).unwrap();
    fs::create_dir(dir.path().join("journal")).unwrap();
    fs::write(
        november(dir.path()),
        br#"{"schema_version":3,"device":"laptop","evenings":{"2026-11-25":{"mood":"calm","checks":{"warm-bath":{"outcome":"done","at":"2026-11-25T21:00:00+01:00","source":"watch"}}}}}"#,
    )
    .unwrap();
    assert!(run(dir.path(), &["check", "lights-out", "--date", "2026-11-26"]).status.success());
    let pointer: serde_json::Value = serde_json::from_slice(&fs::read(&journal).unwrap()).unwrap();
    assert_eq!(pointer["sync_token"], "abc");
    let saved: serde_json::Value = serde_json::from_slice(&fs::read(november(dir.path())).unwrap()).unwrap();
    assert_eq!(saved["schema_version"], 3);
    assert_eq!(saved["device"], "laptop");
    assert_eq!(saved["evenings"]["2026-11-25"]["mood"], "calm");
    assert_eq!(saved["evenings"]["2026-11-25"]["checks"]["warm-bath"]["source"], "watch");
    assert_eq!(saved["evenings"]["2026-11-26"]["checks"]["lights-out"]["outcome"], "done");
    // A check-in in another month keeps the pointer's fields too, and November as it is.
    let november_bytes = fs::read(november(dir.path())).unwrap();
    assert!(run(dir.path(), &["check", "warm-bath", "--date", "2026-12-01"]).status.success());
    let pointer: serde_json::Value = serde_json::from_slice(&fs::read(&journal).unwrap()).unwrap();
    assert_eq!(pointer["sync_token"], "abc");
    assert_eq!(fs::read(november(dir.path())).unwrap(), november_bytes);
    assert!(run(dir.path(), &["routine", "set", "warm-bath", "--before", "80"]).status.success());
    support::edit_routine(dir.path(), |routine_file| {
        routine_file["routine"][0]["colour"] = "teal".into();
        routine_file["window"] = serde_json::json!({"x": 1});
    });
    assert!(run(dir.path(), &["schedule", "--bedtime", "22:00"]).status.success());
    // This computer's file (routine.json is not written again).
    let routine = support::routine_files(dir.path()).into_iter().find(|path| !path.ends_with("routine.json")).unwrap();
    let routine_file: serde_json::Value = serde_json::from_slice(&fs::read(&routine).unwrap()).unwrap();
    assert_eq!(routine_file["routine"][0]["colour"], "teal");
    assert_eq!(routine_file["window"]["x"], 1);
    assert_eq!(routine_file["schedule"]["bedtime"], "22:00");
}

/// A data folder with a damaged month file (November's) whose backup holds one
/// check-in (warm-bath on 2026-11-26); returns the damaged bytes, which held a second one.
fn damaged_with_backup(dir: &Path) -> Vec<u8> {
    assert!(run(dir, &["check", "warm-bath", "--date", "2026-11-26"]).status.success());
    assert!(run(dir, &["check", "lights-out", "--date", "2026-11-26"]).status.success());
    let month = november(dir);
    let mut damaged = fs::read(&month).unwrap();
    assert!(damaged.starts_with(br#"{"schema_version":3,"#), "{}", String::from_utf8_lossy(&damaged));
    damaged.truncate(damaged.len() - 3);
    fs::write(&month, &damaged).unwrap();
    damaged
}

/// After a recovery (however interrupted), a normal run finds the backup's check-in in
/// the journal and the damaged bytes, whole, in every `.corrupt-*` file (at least one).
fn assert_recovered(dir: &Path, damaged: &[u8], what: &str) {
    let out = run(dir, &["stats"]);
    assert!(out.status.success(), "{what}: {}", stderr(&out));
    assert!(november(dir).exists(), "{what}");
    assert_eq!(done_count(dir, "2026-11-26"), 1, "{what}: the backup's check-in");
    let aside = corrupt_months(dir);
    assert!(!aside.is_empty(), "{what}: damaged bytes kept");
    for file in aside {
        assert_eq!(fs::read(&file).unwrap(), damaged, "{what}: {} holds the damaged bytes", file.display());
    }
}

#[test]
fn a_full_disk_during_recovery_loses_nothing_and_says_so() {
    let Some(disk) = support::Tmpfs::mount("full disk during a recovery", "1m") else { return };
    let dir = disk.0.path();
    let damaged = damaged_with_backup(dir);
    // Fill the disk to the last byte.
    let filler_path = dir.join("filler");
    let mut filler = fs::File::create(&filler_path).unwrap();
    while filler.write_all(&[0u8; 4096]).is_ok() {}
    while filler.write_all(&[0u8; 1]).is_ok() {}
    drop(filler);

    let out = run(dir, &["stats"]);
    assert_eq!(out.status.code(), Some(1));
    let message = stderr(&out);
    let month = november(dir);
    assert_eq!(
        message.trim(),
        format!(
            "Could not keep a copy of the damaged file {}: No space left on device (os error 28).",
            month.display()
        ),
        "names the file and the cause, once"
    );
    assert_eq!(fs::read(&month).unwrap(), damaged, "the damaged file stays in place");
    assert!(corrupt_months(dir).is_empty(), "no half copy");
    let check = run(dir, &["check", "calm-ambience", "--date", "2026-11-26"]);
    assert_eq!(check.status.code(), Some(1), "no change on a full disk");

    fs::remove_file(&filler_path).unwrap();
    assert_recovered(dir, &damaged, "after freeing space");
}

/// Copies a data folder, the month files' folder included.
#[cfg(unix)]
fn copy_folder(from: &Path, to: &Path) {
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        if entry.file_type().unwrap().is_dir() {
            fs::create_dir(to.join(entry.file_name())).unwrap();
            copy_folder(&entry.path(), &to.join(entry.file_name()));
        } else {
            fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
        }
    }
}

#[test]
#[cfg(unix)]
fn killed_at_any_system_call_of_a_recovery_nothing_is_lost() {
    if !support::e2e_available("kill at each system call of a recovery", &["strace"], "strace") {
        return;
    }
    let template = tempfile::tempdir().unwrap();
    let damaged = damaged_with_backup(template.path());
    let kills = support::kill_at_each_call::kill_at_each_changing_call(
        |dir| copy_folder(template.path(), dir),
        &["stats"],
        |dir, _, context| assert_recovered(dir, &damaged, context),
    );
    // The recovery's own steps were interrupted, not only the program's start-up.
    for call in ["linkat", "fsync", "unlink"] {
        assert!(kills.get(call).is_some_and(|&n| n > 0), "never killed at {call}: {kills:?}");
    }
    assert!(kills.values().sum::<u32>() > 20, "too few kills, did strace inject? {kills:?}");
}
