//! The store's promises where Windows differs from Linux, run on both (under Wine for
//! Windows: `cargo test --target x86_64-pc-windows-gnu`): a Cyrillic profile path, a file
//! another process holds open (an antivirus, the search indexer), a read-only file, a
//! folder in a file's place, and what a system without a concern says instead of doing
//! nothing. Two writers at once are `store_concurrency.rs`, which runs on both too.

mod support;

use std::fs;
use std::path::Path;
use std::time::Duration;

use support::run;

/// A profile folder as a Russian user's Windows has it (`C:\Users\Сергей\AppData\...`).
fn cyrillic_data_dir(root: &Path) -> std::path::PathBuf {
    root.join("Users").join("Сергей").join("AppData").join("Roaming").join("Трекер сна")
}

#[test]
fn a_cyrillic_profile_path_keeps_every_file_and_command_working() {
    let root = tempfile::tempdir().unwrap();
    let dir = cyrillic_data_dir(root.path());
    run(&dir, &["check", "warm-bath", "--date", "2026-11-26"]).ok();
    run(&dir, &["check", "lights-out", "--date", "2026-11-26"]).ok();
    run(&dir, &["night", "--date", "2026-11-26", "--rested", "4"]).ok();
    assert!(dir.join("journal.json").is_file(), "the journal is in the Cyrillic folder");
    assert!(support::own_month(&dir, "2026-11.json").is_file(), "its months too");
    assert!(support::own_month(&dir, "2026-11.json.bak").is_file(), "and their backups beside them");
    let export = dir.join("журнал.json");
    let said = run(&dir, &["export", "-o", export.to_str().unwrap()]).ok();
    assert!(said.stdout().contains("журнал.json"), "{}", said.stdout());
    let other = root.path().join("Другой");
    run(&other, &["import", export.to_str().unwrap()]).ok();
    let plan = run(&other, &["plan", "--date", "2026-11-26", "--json"]).ok().json();
    let done: Vec<&str> = plan
        .as_array()
        .unwrap()
        .iter()
        .filter(|step| step["state"] == "done")
        .filter_map(|step| step["id"].as_str())
        .collect();
    assert_eq!(done, ["warm-bath", "lights-out"], "{plan}");
    // The Russian texts come out as UTF-8, whole, whatever the console.
    let russian =
        support::output(support::bin(&other).env("LANG", "ru_RU.UTF-8").args(["plan", "--date", "2026-11-26"]));
    assert!(russian.stdout().contains("Тёплая"), "{}", russian.stdout());
}

#[test]
fn a_folder_in_a_files_place_is_refused_with_a_sentence() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("journal.json")).unwrap();
    let refused = run(dir.path(), &["check", "warm-bath", "--date", "2026-11-26"]);
    assert_eq!(refused.code(), 1, "{}", refused.stderr());
    assert!(refused.stderr().contains("is not a regular file (a folder)"), "{}", refused.stderr());
    assert_eq!(refused.stderr().lines().count(), 1, "one sentence: {}", refused.stderr());
    assert!(dir.path().join("journal.json").is_dir(), "left as it was");
    // The lock file too.
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("bedtime-coach.lock")).unwrap();
    let refused = run(dir.path(), &["check", "warm-bath", "--date", "2026-11-26"]);
    assert_eq!(refused.code(), 1, "{}", refused.stderr());
    assert!(refused.stderr().contains("bedtime-coach.lock is not a regular file (a folder)"), "{}", refused.stderr());
    assert_eq!(refused.stderr().lines().count(), 1, "one sentence: {}", refused.stderr());
}

/// Another process opens the journal the way a virus scanner does: reading, and not
/// letting anyone rename or delete it (no `FILE_SHARE_DELETE` on Windows) for a moment.
/// A save waits for it (a short retry), then goes through; on Linux nothing waits.
#[test]
fn a_file_another_process_holds_open_for_a_moment_is_saved_after_it() {
    let dir = tempfile::tempdir().unwrap();
    run(dir.path(), &["check", "warm-bath", "--date", "2026-11-26"]).ok();
    // The month the evening is in: the file a check-in replaces.
    let journal = support::own_month(dir.path(), "2026-11.json");
    let held = hold_without_delete(&journal);
    let holder = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(300));
        drop(held);
    });
    run(dir.path(), &["check", "lights-out", "--date", "2026-11-26"]).ok();
    holder.join().unwrap();
    let text = fs::read_to_string(&journal).unwrap();
    assert!(text.contains("warm-bath") && text.contains("lights-out"), "{text}");
}

/// Held for longer than the retry: the save gives up with one sentence naming the file,
/// and the journal keeps what it had (on Linux the save simply goes through).
#[test]
fn a_file_held_for_long_is_said_once_and_left_whole() {
    let dir = tempfile::tempdir().unwrap();
    run(dir.path(), &["check", "warm-bath", "--date", "2026-11-26"]).ok();
    // The month the evening is in: the file a check-in replaces.
    let journal = support::own_month(dir.path(), "2026-11.json");
    let before = fs::read(&journal).unwrap();
    let held = hold_without_delete(&journal);
    let saved = run(dir.path(), &["check", "lights-out", "--date", "2026-11-26"]);
    drop(held);
    if cfg!(windows) {
        assert_eq!(saved.code(), 1, "{}", saved.stderr());
        let month = journal.file_name().unwrap().to_string_lossy().into_owned();
        assert!(saved.stderr().contains(&month), "{}", saved.stderr());
        assert_eq!(saved.stderr().lines().count(), 1, "one sentence: {}", saved.stderr());
        assert_eq!(fs::read(&journal).unwrap(), before, "unchanged");
        // And once it is free again, the next save works.
        run(dir.path(), &["check", "lights-out", "--date", "2026-11-26"]).ok();
    } else {
        saved.ok();
    }
    assert!(fs::read_to_string(&journal).unwrap().contains("lights-out"));
}

/// A journal the user marked read-only: Linux replaces it (a rename needs only the
/// folder). Windows refuses to replace a read-only file, and the app then says so in one
/// sentence rather than clearing the user's mark; Wine 8 replaces it like Linux, so
/// under Wine this checks only that it is one or the other, never half.
#[test]
fn a_read_only_journal_is_replaced_or_said_once_never_half() {
    let dir = tempfile::tempdir().unwrap();
    run(dir.path(), &["check", "warm-bath", "--date", "2026-11-26"]).ok();
    // The month the evening is in: the file a check-in replaces.
    let journal = support::own_month(dir.path(), "2026-11.json");
    let before = fs::read(&journal).unwrap();
    let mut permissions = fs::metadata(&journal).unwrap().permissions();
    permissions.set_readonly(true);
    fs::set_permissions(&journal, permissions).unwrap();
    let saved = run(dir.path(), &["check", "lights-out", "--date", "2026-11-26"]);
    if saved.code() == 0 {
        assert!(fs::read_to_string(&journal).unwrap().contains("lights-out"));
    } else {
        assert_ne!(std::env::consts::FAMILY, "unix", "Linux replaces it: {}", saved.stderr());
        assert_eq!(saved.code(), 1, "{}", saved.stderr());
        let month = journal.file_name().unwrap().to_string_lossy().into_owned();
        assert!(saved.stderr().contains(&month), "{}", saved.stderr());
        assert_eq!(saved.stderr().lines().count(), 1, "one sentence: {}", saved.stderr());
        assert_eq!(fs::read(&journal).unwrap(), before, "unchanged");
    }
}

/// What a system does not have says so, in the user's language, and fails: the
/// installer's shortcut command on Linux.
#[test]
#[cfg(unix)]
fn what_the_system_does_not_have_says_so() {
    let dir = tempfile::tempdir().unwrap();
    for (lang, words) in [("C.UTF-8", "only on Windows"), ("ru_RU.UTF-8", "только в Windows")] {
        let said = support::output(support::bin(dir.path()).env("LANG", lang).args(["set-shortcut-app-id", "x.lnk"]));
        assert_eq!(said.code(), 1, "{}", said.stderr());
        assert!(said.stderr().contains(words), "{}", said.stderr());
        assert_eq!(said.stderr().lines().count(), 1, "{}", said.stderr());
    }
}

/// Opens `path` for reading as a scanner does: on Windows sharing reading and writing but
/// not deleting or renaming; on Unix an ordinary open.
fn hold_without_delete(path: &Path) -> fs::File {
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(windows)]
    {
        use std::os::windows::fs::OpenOptionsExt;
        // FILE_SHARE_READ | FILE_SHARE_WRITE, no FILE_SHARE_DELETE.
        options.share_mode(0x1 | 0x2);
    }
    options.open(path).unwrap()
}

/// With no `LANG`, `LC_ALL` or `LC_MESSAGES`, the language is the Windows display
/// language (`sys-locale`; under Wine, the host's locale: `LC_ALL=ru_RU.UTF-8 cargo test
/// --target x86_64-pc-windows-gnu` makes it Russian), and Russian prints whole.
#[test]
#[cfg(windows)]
fn without_lang_the_language_is_the_windows_display_language() {
    let dir = tempfile::tempdir().unwrap();
    let mut command = support::bin(dir.path());
    command.env_remove("LANG").env_remove("LC_ALL").env_remove("LC_MESSAGES");
    let said = support::output(command.args(["plan", "--date", "2026-11-26"])).ok();
    let russian = sys_locale::get_locale().is_some_and(|locale| locale.to_lowercase().starts_with("ru"));
    assert_eq!(said.stdout().contains("Тёплая ванна"), russian, "{:?}: {}", sys_locale::get_locale(), said.stdout());
    assert_eq!(said.stdout().contains("Warm bath"), !russian, "{}", said.stdout());
}
