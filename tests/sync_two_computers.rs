//! Two computers sharing one data folder through Syncthing, Dropbox or Nextcloud
//! (`support::sync`): what each computer does is synced to the other whole files at a
//! time, conflict copies included, and both end up showing every change.
//!
//! The first part tests the sync helper itself, so that the scenarios can trust it.

mod support;

use std::fs;
use std::path::Path;
use std::time::{Duration, SystemTime};

use chrono::{DateTime, TimeZone, Utc};
use support::sync::{STYLES, Side, Style, Sync, split_extension};

/// `bytes` written to `dir/name` (folders made), modified `seconds` after 2026-12-06 20:00 UTC.
fn write_at(dir: &Path, name: &str, bytes: &str, seconds: u64) {
    let path = dir.join(name);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(&path, bytes).unwrap();
    let file = fs::File::options().write(true).open(&path).unwrap();
    file.set_modified(base_time() + Duration::from_secs(seconds)).unwrap();
}

fn base_time() -> SystemTime {
    SystemTime::UNIX_EPOCH + Duration::from_secs(1_796_587_200)
}

fn modified(dir: &Path, name: &str) -> SystemTime {
    fs::metadata(dir.join(name)).unwrap().modified().unwrap()
}

fn read(dir: &Path, name: &str) -> String {
    fs::read_to_string(dir.join(name)).unwrap()
}

/// Every file under `dir`, relative, sorted.
fn listing(dir: &Path) -> Vec<String> {
    let mut names = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(folder) = pending.pop() {
        for entry in fs::read_dir(&folder).unwrap() {
            let entry = entry.unwrap();
            if entry.file_type().unwrap().is_dir() {
                pending.push(entry.path());
            } else {
                names.push(entry.path().strip_prefix(dir).unwrap().to_string_lossy().replace('\\', "/"));
            }
        }
    }
    names.sort();
    names
}

fn conflict_time() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 6, 21, 30, 5).unwrap()
}

/// Two empty folders and their sync in `style`, conflict copies named at 2026-12-06 21:30:05 UTC.
fn pair(style: Style) -> (tempfile::TempDir, tempfile::TempDir, Sync) {
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let sync = Sync::new(a.path(), b.path(), style).at(conflict_time());
    (a, b, sync)
}

mod helper {
    use super::*;

    #[test]
    fn a_new_file_reaches_the_other_folder_with_its_time_through_a_temporary_name() {
        let (a, b, mut sync) = pair(Style::Syncthing);
        write_at(a.path(), "journal/2026-12.json", "{}", 7);
        let synced = sync.sync();
        assert_eq!(read(b.path(), "journal/2026-12.json"), "{}");
        assert_eq!(modified(b.path(), "journal/2026-12.json"), modified(a.path(), "journal/2026-12.json"));
        assert_eq!(synced.copied, vec![(Side::A, "journal/2026-12.json".into())]);
        assert!(synced.conflicts.is_empty());
        // Nothing else on either side: no temporary name left, no record of the sync.
        assert_eq!(listing(a.path()), ["journal/2026-12.json"]);
        assert_eq!(listing(b.path()), ["journal/2026-12.json"]);
    }

    #[test]
    fn a_change_on_one_side_replaces_the_unchanged_other_even_when_older() {
        let (a, b, mut sync) = pair(Style::Syncthing);
        write_at(a.path(), "routine.json", "first", 100);
        sync.sync();
        // B's clock is behind: its change is dated before A's version, and still wins,
        // since only B changed the file.
        write_at(b.path(), "routine.json", "second", 50);
        let synced = sync.sync();
        assert_eq!(read(a.path(), "routine.json"), "second");
        assert_eq!(synced.copied, vec![(Side::B, "routine.json".into())]);
        assert!(synced.conflicts.is_empty());
        // And an unchanged sync does nothing.
        let again = sync.sync();
        assert!(again.copied.is_empty() && again.removed.is_empty() && again.conflicts.is_empty());
    }

    #[test]
    fn a_change_on_both_sides_keeps_the_newer_under_the_name_and_the_other_as_a_conflict_copy_on_both() {
        let expected = [
            (Style::Syncthing, "routine.sync-conflict-20261206-213005-DESKTOP.json"),
            (Style::Dropbox, "routine (Desktop's conflicted copy 2026-12-06).json"),
            (Style::Nextcloud, "routine (conflicted copy 2026-12-06 213005).json"),
        ];
        for (style, copy) in expected {
            let (a, b, mut sync) = pair(style);
            write_at(a.path(), "routine.json", "old", 0);
            sync.sync();
            write_at(a.path(), "routine.json", "from A", 20);
            write_at(b.path(), "routine.json", "from B", 10);
            let synced = sync.sync();
            assert_eq!(synced.conflict_names(), [copy], "{style:?}");
            for dir in [a.path(), b.path()] {
                let mut expected = vec![copy.to_owned(), "routine.json".to_owned()];
                expected.sort();
                assert_eq!(listing(dir), expected, "{style:?}");
                assert_eq!(read(dir, "routine.json"), "from A", "{style:?}");
                assert_eq!(read(dir, copy), "from B", "{style:?}");
                assert_eq!(modified(dir, copy), base_time() + Duration::from_secs(10), "{style:?}");
            }
        }
    }

    #[test]
    fn the_newer_side_b_wins_too_and_the_copy_names_a() {
        let (a, b, mut sync) = pair(Style::Syncthing);
        write_at(a.path(), "journal/2026-12.json", "from A", 10);
        write_at(b.path(), "journal/2026-12.json", "from B", 20);
        let synced = sync.sync();
        let copy = "journal/2026-12.sync-conflict-20261206-213005-LAPTOPA.json";
        assert_eq!(synced.conflicts, vec![(copy.into(), "journal/2026-12.json".into())]);
        for dir in [a.path(), b.path()] {
            assert_eq!(read(dir, "journal/2026-12.json"), "from B");
            assert_eq!(read(dir, copy), "from A");
        }
    }

    #[test]
    fn a_tie_of_times_goes_to_side_a() {
        let (a, b, mut sync) = pair(Style::Nextcloud);
        write_at(a.path(), "settings.json", "from A", 10);
        write_at(b.path(), "settings.json", "from B", 10);
        sync.sync();
        assert_eq!(read(b.path(), "settings.json"), "from A");
        assert_eq!(read(b.path(), "settings (conflicted copy 2026-12-06 213005).json"), "from B");
    }

    #[test]
    fn the_same_bytes_on_both_sides_are_no_conflict_and_keep_the_later_time() {
        let (a, b, mut sync) = pair(Style::Dropbox);
        write_at(a.path(), "journal.json", "same", 10);
        write_at(b.path(), "journal.json", "same", 30);
        let synced = sync.sync();
        assert!(synced.conflicts.is_empty());
        assert_eq!(modified(a.path(), "journal.json"), base_time() + Duration::from_secs(30));
        assert_eq!(listing(a.path()), ["journal.json"]);
    }

    #[test]
    fn a_removal_reaches_the_unchanged_side_and_loses_against_a_change() {
        let (a, b, mut sync) = pair(Style::Syncthing);
        write_at(a.path(), "journal/2026-11.json", "november", 0);
        write_at(a.path(), "journal/2026-12.json", "december", 0);
        sync.sync();
        fs::remove_file(a.path().join("journal/2026-11.json")).unwrap();
        let synced = sync.sync();
        assert_eq!(synced.removed, vec![(Side::B, "journal/2026-11.json".into())]);
        assert_eq!(listing(b.path()), ["journal/2026-12.json"]);
        // Removed on B, changed on A: the change comes back to B, no conflict.
        fs::remove_file(b.path().join("journal/2026-12.json")).unwrap();
        write_at(a.path(), "journal/2026-12.json", "december, later", 5);
        let synced = sync.sync();
        assert!(synced.conflicts.is_empty() && synced.removed.is_empty());
        assert_eq!(read(b.path(), "journal/2026-12.json"), "december, later");
        // Removed on both: gone, nothing to do.
        fs::remove_file(a.path().join("journal/2026-12.json")).unwrap();
        fs::remove_file(b.path().join("journal/2026-12.json")).unwrap();
        let synced = sync.sync();
        assert!(synced.copied.is_empty() && synced.removed.is_empty());
        assert!(listing(a.path()).is_empty() && listing(b.path()).is_empty());
    }

    #[test]
    fn folders_are_synced_recursively_made_and_removed() {
        let (a, b, mut sync) = pair(Style::Syncthing);
        write_at(a.path(), "one/two/three.json", "deep", 0);
        fs::create_dir_all(b.path().join("empty/inner")).unwrap();
        sync.sync();
        assert_eq!(read(b.path(), "one/two/three.json"), "deep");
        assert!(a.path().join("empty/inner").is_dir());
        fs::remove_dir_all(a.path().join("empty")).unwrap();
        fs::remove_dir_all(b.path().join("one")).unwrap();
        let synced = sync.sync();
        assert_eq!(synced.removed, vec![(Side::A, "one/two/three.json".into())]);
        assert!(!b.path().join("empty").exists());
        assert!(!a.path().join("one").exists());
    }

    #[test]
    fn a_second_conflict_of_one_file_never_replaces_the_first_copy() {
        for style in STYLES {
            let (a, b, mut sync) = pair(style);
            write_at(a.path(), "routine.json", "from A", 20);
            write_at(b.path(), "routine.json", "from B", 10);
            let first = sync.sync();
            write_at(a.path(), "routine.json", "from A again", 40);
            write_at(b.path(), "routine.json", "from B again", 30);
            let second = sync.sync();
            let (first, second) = (first.conflict_names(), second.conflict_names());
            assert_eq!(first.len(), 1, "{style:?}");
            assert_eq!(second.len(), 1, "{style:?}");
            assert_ne!(first, second, "{style:?}");
            assert_eq!(read(a.path(), &first[0]), "from B", "{style:?}");
            assert_eq!(read(a.path(), &second[0]), "from B again", "{style:?}");
            assert_eq!(listing(a.path()).len(), 3, "{style:?}: {:?}", listing(a.path()));
        }
    }

    #[test]
    fn the_extension_is_what_follows_the_last_dot() {
        assert_eq!(split_extension("2026-12.0a1b2c3d4e5f6789.json"), ("2026-12.0a1b2c3d4e5f6789", ".json"));
        assert_eq!(split_extension("README"), ("README", ""));
        assert_eq!(split_extension("journal.json.bak"), ("journal.json", ".bak"));
    }
}
