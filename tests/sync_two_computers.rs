//! Two computers sharing one data folder through Syncthing, Dropbox or Nextcloud
//! (`support::sync`): what each computer does is synced to the other whole files at a
//! time, conflict copies included, and both end up showing every change.
//!
//! - `helper`: the sync helper itself, so that the scenarios can trust it;
//! - `computers`: two computers (each its own state folder) driven through `Coach` and the
//!   binary, synced in each tool's way: every change on both, removals that stay removed,
//!   the later change winning, clocks that disagree, reminders silenced by the other's
//!   check-in, and nothing left behind (no conflict copy in the folder once each computer
//!   has run: they are in its state folder);
//! - `names`: the tools' conflict names read back by `store::conflict_original`.

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

/// Two computers sharing a data folder: A on `folder_a`, B on `folder_b`, each with its
/// own state folder, the folders synced by [`Sync`].
mod computers {
    use super::*;
    use bedtime_coach::model::{Evening, Jerks, Journal, NightAnswer, NightLog, Outcome, RoutineFile, Theme};
    use bedtime_coach::store::{Paths, Store, conflict_original};
    use bedtime_coach::use_cases::{Change, Coach};
    use chrono::{DateTime, FixedOffset, NaiveDate};
    use std::path::PathBuf;
    use support::sync::Synced;

    /// Saturday 5 December 2026, the evening both computers change.
    pub fn evening() -> NaiveDate {
        support::date(2026, 12, 5)
    }

    /// `hh:mm:ss` on the evening, in Berlin (+01:00); "+1 hh:mm:ss" the morning after;
    /// or a whole date and time.
    pub fn at(time: &str) -> DateTime<FixedOffset> {
        let text = match time.strip_prefix("+1 ") {
            Some(morning) => format!("2026-12-06T{morning}+01:00"),
            None if time.contains('T') => format!("{time}+01:00"),
            None => format!("2026-12-05T{time}+01:00"),
        };
        DateTime::parse_from_rfc3339(&text).unwrap()
    }

    pub struct Computer {
        pub coach: Coach,
        pub folder: PathBuf,
        pub state: PathBuf,
    }

    impl Computer {
        fn new(folder: PathBuf, state: PathBuf) -> Self {
            fs::create_dir_all(&folder).unwrap();
            Self { coach: Coach::at(Paths::with_state(&folder, &state)), folder, state }
        }

        pub fn apply(&self, time: &str, change: Change) {
            self.coach.apply_at(at(time), change).unwrap();
        }

        pub fn check(&self, time: &str, step: &str, outcome: Outcome) {
            let change = Change::Check { evening: evening(), step: step.into(), outcome, value: None, at: at(time) };
            self.apply(time, change);
        }

        pub fn undo(&self, time: &str, step: &str) {
            self.apply(time, Change::Undo { evening: evening(), step: step.into() });
        }

        pub fn log_night(&self, time: &str, answers: Vec<NightAnswer>) {
            self.apply(time, Change::LogNight { evening: evening(), answers, at: at(time) });
        }

        /// The whole journal as this computer reads it (a run of any command notices what
        /// arrived from the other computer and merges it).
        pub fn journal(&self) -> Journal {
            let journal = self.coach.load().unwrap().journal.value;
            self.coach.take_notices();
            journal
        }

        pub fn routine_file(&self) -> RoutineFile {
            self.coach.load_routine_file().unwrap().value
        }

        pub fn tonight(&self) -> Evening {
            self.journal().evening(evening()).cloned().unwrap_or_default()
        }

        pub fn outcome(&self, step: &str) -> Option<Outcome> {
            self.journal().check_in(evening(), step).map(|check_in| check_in.outcome)
        }

        pub fn night(&self) -> Option<NightLog> {
            self.journal().night(evening()).cloned()
        }

        pub fn device(&self) -> String {
            Store::new(self.coach.paths().clone()).device_id().unwrap().as_str().to_owned()
        }

        /// The binary on this computer's folders, in Berlin.
        pub fn bin(&self, args: &[&str]) -> support::Run {
            support::output(support::bin(&self.folder).env("BEDTIME_COACH_STATE_DIR", &self.state).args(args))
        }
    }

    /// Two computers and their sync, A set up first (the routine saved on 1 December),
    /// then synced so that B has the same routine: as a user adds a second computer.
    pub struct Two {
        _root: tempfile::TempDir,
        pub a: Computer,
        pub b: Computer,
        pub sync: Sync,
        /// Every conflict copy the syncs made, by file name.
        pub copies: Vec<String>,
    }

    impl Two {
        pub fn new(style: Style) -> Self {
            let root = tempfile::tempdir().unwrap();
            let computer = |name: &str| {
                Computer::new(root.path().join(format!("folder_{name}")), root.path().join(format!("state_{name}")))
            };
            let (a, b) = (computer("a"), computer("b"));
            let sync = Sync::new(&a.folder, &b.folder, style);
            let mut two = Self { _root: root, a, b, sync, copies: Vec::new() };
            two.a.apply("2026-12-01T20:00:00", Change::SaveRoutineFile(RoutineFile::default()));
            two.sync();
            two
        }

        pub fn sync(&mut self) -> Synced {
            let synced = self.sync.sync();
            self.copies.extend(synced.conflict_names());
            synced
        }

        /// Syncs, lets each computer run once, and syncs again; then neither folder holds
        /// a conflict copy: each is in the state folder of a computer that merged it.
        pub fn settle(&mut self) {
            self.sync();
            self.a.journal();
            self.b.journal();
            self.sync();
            self.assert_nothing_left_behind();
        }

        /// Both computers read `expected` for `step` on the evening.
        pub fn assert_both(&self, step: &str, expected: Option<Outcome>) {
            for (computer, name) in [(&self.a, "A"), (&self.b, "B")] {
                assert_eq!(computer.outcome(step), expected, "{step} on {name}, {:?}", self.sync.style());
            }
        }

        pub fn assert_nothing_left_behind(&self) {
            let style = self.sync.style();
            for computer in [&self.a, &self.b] {
                let left: Vec<String> = listing(&computer.folder)
                    .into_iter()
                    .filter(|name| conflict_original(name.rsplit('/').next().unwrap()).is_some())
                    .collect();
                assert!(left.is_empty(), "{style:?}: conflict copies left behind in the synced folder: {left:?}");
            }
            let kept: Vec<String> = [&self.a, &self.b]
                .iter()
                .filter(|computer| computer.state.join("conflicts").is_dir())
                .flat_map(|computer| listing(&computer.state.join("conflicts")))
                .collect();
            for copy in &self.copies {
                assert!(
                    kept.iter().any(|name| name.contains(copy.as_str())),
                    "{style:?}: the conflict copy {copy} is in neither state folder: {kept:?}"
                );
            }
        }
    }

    /// `at` of the check-in of `step` on the evening, as each computer reads it.
    pub fn check_in_times(two: &Two, step: &str) -> [Option<DateTime<FixedOffset>>; 2] {
        [&two.a, &two.b].map(|computer| computer.journal().check_in(evening(), step).map(|check_in| check_in.at))
    }

    #[test]
    fn checks_of_the_same_evening_on_both_computers_are_all_kept_on_both() {
        for style in STYLES {
            let mut two = Two::new(style);
            two.a.check("21:00:00", "warm-bath", Outcome::Done);
            two.b.check("21:05:00", "ventilate-bedroom", Outcome::Done);
            two.b.check("21:06:00", "humidity-check", Outcome::Skipped);
            two.settle();
            two.assert_both("warm-bath", Some(Outcome::Done));
            two.assert_both("ventilate-bedroom", Some(Outcome::Done));
            two.assert_both("humidity-check", Some(Outcome::Skipped));
            // And it stays so once both have written again.
            two.a.check("21:30:00", "calm-ambience", Outcome::Done);
            two.settle();
            assert_eq!(two.b.tonight().checks.len(), 4, "{style:?}");
            assert_eq!(two.a.journal(), two.b.journal(), "{style:?}");
        }
    }

    #[test]
    fn the_same_step_on_both_computers_the_later_change_wins_on_both() {
        for style in STYLES {
            let mut two = Two::new(style);
            two.a.check("21:10:00", "warm-bath", Outcome::Done);
            two.b.check("21:00:00", "warm-bath", Outcome::Skipped);
            two.settle();
            two.assert_both("warm-bath", Some(Outcome::Done));
            assert_eq!(check_in_times(&two, "warm-bath"), [Some(at("21:10:00")); 2]);
        }
    }

    #[test]
    fn the_same_step_at_the_same_instant_goes_to_the_smaller_device_id() {
        let mut two = Two::new(Style::Syncthing);
        two.a.check("21:00:00", "warm-bath", Outcome::Done);
        two.b.check("21:00:00", "warm-bath", Outcome::Skipped);
        two.settle();
        let expected = if two.a.device() < two.b.device() { Outcome::Done } else { Outcome::Skipped };
        two.assert_both("warm-bath", Some(expected));
    }

    #[test]
    fn a_night_logged_on_both_computers_is_the_later_log_on_both() {
        for style in STYLES {
            let mut two = Two::new(style);
            two.a.log_night("+1 07:10:00", vec![NightAnswer::FallingAsleep(Some(Jerks::Many))]);
            two.b.log_night("+1 07:20:00", vec![NightAnswer::Rested(Some(4))]);
            two.settle();
            for computer in [&two.a, &two.b] {
                let night = computer.night().unwrap();
                assert_eq!(night.at, Some(at("+1 07:20:00")), "{style:?}");
                assert_eq!(night.rested, Some(4), "{style:?}");
            }
            // A night logged on one computer only reaches the other whole.
            two.a.apply(
                "+1 07:30:00",
                Change::LogNight {
                    evening: evening() - chrono::Duration::days(1),
                    answers: NightAnswer::quiet_night(),
                    at: at("+1 07:30:00"),
                },
            );
            two.settle();
            let quiet = two.b.journal().night(evening() - chrono::Duration::days(1)).cloned().unwrap();
            assert_eq!(quiet.falling_asleep, Some(Jerks::None), "{style:?}");
        }
    }

    #[test]
    fn a_check_in_undone_on_one_computer_stays_undone_after_syncing() {
        for style in STYLES {
            let mut two = Two::new(style);
            two.a.check("21:00:00", "warm-bath", Outcome::Done);
            two.settle();
            assert_eq!(two.b.outcome("warm-bath"), Some(Outcome::Done), "{style:?}");
            // B has it in a file of its own too, once it writes anything in that month.
            two.b.check("21:05:00", "ventilate-bedroom", Outcome::Done);
            two.sync();
            two.a.undo("21:10:00", "warm-bath");
            two.settle();
            two.assert_both("warm-bath", None);
            two.assert_both("ventilate-bedroom", Some(Outcome::Done));
            // Still undone after both write again, and checked again it is back.
            two.b.check("21:20:00", "calm-ambience", Outcome::Done);
            two.a.check("21:21:00", "humidity-check", Outcome::Done);
            two.settle();
            two.assert_both("warm-bath", None);
            two.b.check("21:30:00", "warm-bath", Outcome::Skipped);
            two.settle();
            assert_eq!(two.a.outcome("warm-bath"), Some(Outcome::Skipped), "{style:?}");
        }
    }

    #[test]
    fn a_check_in_undone_while_apart_stays_undone_on_the_computer_that_had_copied_it() {
        for style in STYLES {
            let mut two = Two::new(style);
            two.a.check("21:00:00", "warm-bath", Outcome::Done);
            two.settle();
            // Apart: A undoes it, B writes its own file of the month (with A's check-in in it).
            two.a.undo("21:10:00", "warm-bath");
            two.b.check("21:12:00", "lights-out", Outcome::Done);
            two.settle();
            two.assert_both("warm-bath", None);
            two.assert_both("lights-out", Some(Outcome::Done));
        }
    }

    #[test]
    fn a_night_log_forgotten_on_one_computer_is_forgotten_on_both() {
        for style in STYLES {
            let mut two = Two::new(style);
            two.a.log_night("+1 07:10:00", vec![NightAnswer::Rested(Some(2))]);
            two.settle();
            assert!(two.b.night().is_some(), "{style:?}");
            two.b.check("+1 07:15:00", "daytime-movement", Outcome::Done);
            two.sync();
            two.a.apply("+1 07:20:00", Change::SetNight { evening: evening(), log: None });
            two.settle();
            assert_eq!(two.a.night(), None, "{style:?}");
            assert_eq!(two.b.night(), None, "{style:?}");
            // Logged again later, on the other computer: back on both.
            two.b.log_night("+1 08:00:00", vec![NightAnswer::Rested(Some(3))]);
            two.settle();
            assert_eq!(two.a.night().and_then(|night| night.rested), Some(3), "{style:?}");
        }
    }

    #[test]
    fn clocks_that_disagree_the_later_stamp_wins_and_a_change_made_after_seeing_another_wins() {
        let mut two = Two::new(Style::Syncthing);
        // A's clock is ten minutes fast: its check at a true 21:00 says 21:10, and B's
        // change at a true 21:05 loses to it, as the README says.
        two.a.check("21:10:00", "warm-bath", Outcome::Done);
        two.b.check("21:05:00", "warm-bath", Outcome::Skipped);
        two.settle();
        assert_eq!(two.b.outcome("warm-bath"), Some(Outcome::Done));
        // But what B's user does having seen A's check-in wins, whatever B's clock says:
        // B's change is stamped just after the one it replaces.
        two.b.check("21:06:00", "warm-bath", Outcome::Skipped);
        two.settle();
        assert_eq!(two.a.outcome("warm-bath"), Some(Outcome::Skipped));
        let [in_a, in_b] = check_in_times(&two, "warm-bath");
        assert_eq!([in_a, in_b], [Some(at("21:06:00")); 2], "shown at the time B's user checked it");
        let orders =
            [&two.a, &two.b].map(|computer| computer.journal().check_in(evening(), "warm-bath").unwrap().order());
        assert_eq!(orders, [at("21:10:01"); 2], "ordered just past A's check-in");
        // And an undo on B, by its slow clock, still takes it away on both.
        two.b.undo("21:07:00", "warm-bath");
        two.settle();
        two.assert_both("warm-bath", None);
    }

    /// The merge order of the check-in of `step` on the evening, as each computer reads it.
    fn check_in_orders(two: &Two, step: &str) -> [Option<DateTime<FixedOffset>>; 2] {
        [&two.a, &two.b].map(|computer| computer.journal().check_in(evening(), step).map(|check_in| check_in.order()))
    }

    /// B's clock runs years ahead (2031): it undoes A's check-in, A checks the step again.
    fn undone_in_2031_and_checked_again(style: Style) -> Two {
        let mut two = Two::new(style);
        two.a.check("21:00:00", "warm-bath", Outcome::Done);
        two.a.log_night("+1 07:00:00", vec![NightAnswer::Rested(Some(2))]);
        two.settle();
        two.b.undo("2031-03-01T10:00:00", "warm-bath");
        two.b.apply("2031-03-01T10:00:00", Change::SetNight { evening: evening(), log: None });
        two.settle();
        two.assert_both("warm-bath", None);
        two.a.check("21:30:00", "warm-bath", Outcome::Skipped);
        two.a.log_night("+1 07:30:00", vec![NightAnswer::Rested(Some(4))]);
        two.settle();
        two
    }

    #[test]
    fn a_step_checked_again_after_an_undo_by_a_clock_years_ahead_shows_its_own_time_on_both() {
        for style in STYLES {
            let mut two = undone_in_2031_and_checked_again(style);
            two.assert_both("warm-bath", Some(Outcome::Skipped));
            // Shown at the time A's user checked it, not in 2031; ordered past B's undo.
            assert_eq!(check_in_times(&two, "warm-bath"), [Some(at("21:30:00")); 2], "{style:?}");
            assert_eq!(check_in_orders(&two, "warm-bath"), [Some(at("2031-03-01T10:00:01")); 2], "{style:?}");
            for computer in [&two.a, &two.b] {
                let night = computer.night().unwrap();
                assert_eq!((night.at, night.rested), (Some(at("+1 07:30:00")), Some(4)), "{style:?}");
                assert_eq!(night.order(), Some(at("2031-03-01T10:00:01")), "{style:?}");
            }
            // The same check-in again (its order aside) changes nothing.
            let same = Change::Check {
                evening: evening(),
                step: "warm-bath".into(),
                outcome: Outcome::Skipped,
                value: None,
                at: at("21:30:00"),
            };
            let applied = two.a.coach.apply_at(at("21:31:00"), same).unwrap();
            assert_eq!(applied, bedtime_coach::use_cases::Applied::Unchanged, "{style:?}");
            // B, still in 2031, takes both back again: gone on both.
            two.b.undo("2031-03-01T10:05:00", "warm-bath");
            two.b.apply("2031-03-01T10:05:00", Change::SetNight { evening: evening(), log: None });
            two.settle();
            two.assert_both("warm-bath", None);
            assert_eq!([two.a.night(), two.b.night()], [None, None], "{style:?}");
        }
    }

    #[test]
    fn the_command_line_checks_again_after_an_undo_by_a_clock_years_ahead_at_its_own_time() {
        use bedtime_coach::cli::{Cli, run_at};
        use chrono::TimeZone;
        use chrono_tz::Europe::Berlin;
        use clap::Parser;
        let mut two = Two::new(Style::Syncthing);
        let cli = |computer: &Computer, time: (u32, u32, u32), args: &[&str]| {
            let command = Cli::try_parse_from([&["bedtime-coach"], args].concat()).unwrap().command.unwrap();
            let now = Berlin.with_ymd_and_hms(2026, 12, time.0, time.1, time.2, 0).unwrap();
            run_at(command, &computer.coach, &now).unwrap()
        };
        cli(&two.a, (5, 21, 0), &["check", "warm-bath", "--date", "2026-12-05"]);
        two.settle();
        two.b.undo("2031-03-01T10:00:00", "warm-bath");
        two.settle();
        cli(&two.a, (7, 21, 0), &["check", "warm-bath", "--date", "2026-12-05"]);
        two.settle();
        for computer in [&two.a, &two.b] {
            let check_in = computer.journal().check_in(evening(), "warm-bath").cloned().unwrap();
            assert_eq!(check_in.at, at("2026-12-07T21:00:00"));
            assert_eq!(check_in.order(), at("2031-03-01T10:00:01"));
        }
        // What B's export shows is the time it was checked.
        let export = cli(&two.b, (7, 21, 5), &["export", "--format", "csv"]);
        assert!(export.contains("2026-12-07 21:00:00"), "{export}");
        assert!(!export.contains("2031"), "{export}");
    }

    #[test]
    fn a_backup_of_a_journal_checked_again_after_a_far_future_undo_keeps_its_order_and_imports() {
        use bedtime_coach::transfer::{DateRange, ExportFormat, RoutineChoice};
        use chrono::TimeZone;
        use chrono_tz::Europe::Berlin;
        let two = undone_in_2031_and_checked_again(Style::Syncthing);
        let files = tempfile::tempdir().unwrap();
        let backup = files.path().join("backup.json");
        two.a.coach.export_to_file(ExportFormat::Json, DateRange::default(), &backup).unwrap();
        let text = fs::read_to_string(&backup).unwrap();
        assert!(text.contains(r#""order":"2031-03-01T10:00:01+01:00""#), "{text}");
        // Restored on a third computer on the 7th: no time in it is in the future.
        let third = tempfile::tempdir().unwrap();
        let coach = Coach::at(Paths::in_dir(third.path()));
        let now = Berlin.with_ymd_and_hms(2026, 12, 7, 9, 0, 0).unwrap();
        let preview = coach.preview_import(&backup, &now).unwrap();
        coach.import(&preview, RoutineChoice::Keep).unwrap();
        let restored = coach.load().unwrap().journal.value;
        assert_eq!(restored.evening(evening()), two.a.journal().evening(evening()));
        // Into B's own folder (which holds the 2031 removals) it changes nothing.
        let preview = two.b.coach.preview_import(&backup, &now).unwrap();
        assert!(!preview.counts.adds_anything(), "{:?}", preview.counts);
    }

    #[test]
    fn computers_that_share_a_device_id_make_conflict_copies_of_a_month_which_are_merged_and_moved_out() {
        // A home folder copied to a new computer brings the state folder, device id
        // included: both computers then write the same month file.
        for style in STYLES {
            let mut two = Two::new(style);
            two.a.device();
            fs::create_dir_all(&two.b.state).unwrap();
            fs::copy(two.a.coach.paths().device_file.clone(), two.b.coach.paths().device_file.clone()).unwrap();
            let b = Computer::new(two.b.folder.clone(), two.b.state.clone());
            two.b = b;
            assert_eq!(two.a.device(), two.b.device());
            two.a.check("21:00:00", "warm-bath", Outcome::Done);
            two.b.check("21:05:00", "lights-out", Outcome::Done);
            let synced = two.sync();
            assert!(!synced.conflicts.is_empty(), "{style:?}: the same month file changed on both makes a copy");
            two.settle();
            two.assert_both("warm-bath", Some(Outcome::Done));
            two.assert_both("lights-out", Some(Outcome::Done));
            // Again, A saving twice, so that the backups each save keeps differ and
            // conflict too.
            two.a.check("21:30:00", "calm-ambience", Outcome::Done);
            two.a.check("21:31:00", "set-alarm", Outcome::Done);
            two.b.undo("21:35:00", "lights-out");
            let synced = two.sync();
            let copies = synced.conflict_names();
            assert!(copies.iter().any(|name| name.ends_with(".bak")), "{style:?}: {copies:?}");
            two.settle();
            two.assert_both("calm-ambience", Some(Outcome::Done));
            two.assert_both("set-alarm", Some(Outcome::Done));
            two.assert_both("lights-out", None);
        }
    }

    #[test]
    fn a_conflict_copy_left_by_an_older_version_is_merged_and_moved_out() {
        // Before this version, both computers wrote journal/2026-12.json; a conflict
        // copy of it may wait in the folder when they are updated.
        for style in STYLES {
            let mut two = Two::new(style);
            let month = |step: &str, time: &str| {
                format!(
                    r#"{{"schema_version":3,"evenings":{{"2026-12-05":{{"checks":{{"{step}":{{"outcome":"done","at":"{}"}}}}}}}}}}"#,
                    at(time).to_rfc3339()
                )
            };
            write_at(&two.a.folder, "journal/2026-12.json", &month("warm-bath", "21:00:00"), 100);
            write_at(&two.b.folder, "journal/2026-12.json", &month("lights-out", "22:30:00"), 200);
            let synced = two.sync();
            assert_eq!(synced.conflicts.len(), 1, "{style:?}");
            two.settle();
            two.assert_both("warm-bath", Some(Outcome::Done));
            two.assert_both("lights-out", Some(Outcome::Done));
        }
    }

    #[test]
    fn routine_edits_on_both_computers_are_all_kept_and_the_same_field_goes_to_the_later() {
        use bedtime_coach::model::routine::StepEdit;
        for style in STYLES {
            let mut two = Two::new(style);
            let retitle = |title: &str| StepEdit { title: Some(Some(title.into())), ..StepEdit::default() };
            two.a.apply("20:00:00", Change::EditStep { step: "warm-bath".into(), edit: retitle("Bath, A") });
            two.a.apply(
                "20:01:00",
                Change::EditStep {
                    step: "lights-out".into(),
                    edit: StepEdit { remind: Some(false), ..StepEdit::default() },
                },
            );
            two.b.apply("20:05:00", Change::EditStep { step: "warm-bath".into(), edit: retitle("Bath, B") });
            two.b.apply(
                "20:06:00",
                Change::EditStep {
                    step: "calm-ambience".into(),
                    edit: StepEdit { enabled: Some(false), ..StepEdit::default() },
                },
            );
            two.b.apply("20:07:00", Change::RemoveStep { step: "humidity-check".into() });
            two.settle();
            for computer in [&two.a, &two.b] {
                let routine = computer.routine_file().routine;
                assert_eq!(routine.get("warm-bath").unwrap().title.as_deref(), Some("Bath, B"), "{style:?}");
                assert!(!routine.get("lights-out").unwrap().remind, "{style:?}");
                assert!(!routine.get("calm-ambience").unwrap().enabled, "{style:?}");
                assert!(routine.get("humidity-check").is_none(), "{style:?}");
            }
        }
    }

    /// A night (bedtime and wake together) is one field (`model::routine_merge`): every
    /// day's night changed on one computer and Saturday's on the other are both kept; the
    /// same night changed on both goes to the later change, whole.
    #[test]
    fn schedule_edits_on_both_computers_are_all_kept_and_the_same_night_goes_to_the_later() {
        use bedtime_coach::model::Day;
        let time = |t: &str| chrono::NaiveTime::parse_from_str(t, "%H:%M").unwrap();
        let hhmm = |t: chrono::NaiveTime| t.format("%H:%M").to_string();
        for style in STYLES {
            let mut two = Two::new(style);
            let set = |days: &[Day], bedtime: Option<&str>, wake: Option<&str>| Change::SetNights {
                days: days.to_vec(),
                bedtime: bedtime.map(time),
                wake: wake.map(time),
            };
            // Different nights: both kept.
            two.a.apply("20:00:00", set(&[Day::Fri], Some("23:30"), None));
            two.b.apply("20:05:00", set(&[Day::Sat], Some("23:45"), Some("08:30")));
            two.settle();
            for computer in [&two.a, &two.b] {
                let schedule = computer.routine_file().schedule;
                let (fri, sat) = (schedule.night(Day::Fri), schedule.night(Day::Sat));
                assert_eq!((hhmm(fri.bedtime), hhmm(fri.wake)), ("23:30".into(), "07:00".into()), "{style:?}");
                assert_eq!((hhmm(sat.bedtime), hhmm(sat.wake)), ("23:45".into(), "08:30".into()), "{style:?}");
            }
            // The same night: its bedtime and wake are one (together they make the night
            // long enough), so the later change wins it whole.
            two.a.apply("20:10:00", set(&[Day::Mon], Some("22:00"), None));
            two.b.apply("20:15:00", set(&[Day::Mon], None, Some("06:30")));
            two.settle();
            for computer in [&two.a, &two.b] {
                let mon = computer.routine_file().schedule.night(Day::Mon).clone();
                assert_eq!((hhmm(mon.bedtime), hhmm(mon.wake)), ("22:30".into(), "06:30".into()), "{style:?}");
            }
        }
    }

    #[test]
    fn settings_changed_on_both_computers_are_all_kept_and_the_same_setting_goes_to_the_later() {
        for style in STYLES {
            let mut two = Two::new(style);
            let mut on_a = two.a.routine_file().settings;
            on_a.theme = Theme::Dark;
            on_a.snooze_minutes = 5;
            two.a.apply("20:00:00", Change::SetSettings(on_a));
            let mut on_b = two.b.routine_file().settings;
            on_b.grace_minutes = 30;
            on_b.snooze_minutes = 20;
            two.b.apply("20:05:00", Change::SetSettings(on_b));
            two.settle();
            for computer in [&two.a, &two.b] {
                let settings = computer.routine_file().settings;
                assert_eq!(settings.theme, Theme::Dark, "{style:?}");
                assert_eq!(settings.grace_minutes, 30, "{style:?}");
                assert_eq!(settings.snooze_minutes, 20, "{style:?}");
            }
        }
    }

    #[test]
    fn a_step_done_on_one_computer_silences_its_reminder_on_the_other_once_synced() {
        let mut two = Two::new(Style::Syncthing);
        // 20:00: warm-bath's reminder (21:00) is still to come on both.
        let now = at("20:00:00");
        let fate = |computer: &Computer| {
            let fates = computer.coach.reminder_fates(Some(evening()), &now).unwrap();
            fates.rows.into_iter().find(|row| row.key == "warm-bath").unwrap().fate.as_str()
        };
        assert_eq!(fate(&two.b), "coming");
        two.a.check("19:55:00", "warm-bath", Outcome::Done);
        assert_eq!(fate(&two.a), "silent");
        assert_eq!(fate(&two.b), "coming", "not synced yet");
        two.sync();
        assert_eq!(fate(&two.b), "silent");
    }

    /// What the reminder service of `computer` would show at `time`, by step: its
    /// decision on the newest files, under the lock, as the service makes it (not saved).
    fn service_would_show(computer: &Computer, time: &str) -> Vec<String> {
        use bedtime_coach::remind::{effective_routine_file, engine::decide};
        let store = Store::new(computer.coach.paths().clone());
        let now = at(time);
        let range = evening() - chrono::Duration::days(1)..=evening() + chrono::Duration::days(1);
        store
            .reminder_transaction(range, |snapshot, log| {
                let decision =
                    decide(&effective_routine_file(&snapshot.routine_file), &snapshot.journal.value, log, &now);
                let keys = decision.notice.map(|notice| notice.items.into_iter().map(|item| item.key).collect());
                Ok::<_, bedtime_coach::store::StoreError>((keys.unwrap_or_default(), false))
            })
            .unwrap()
    }

    #[test]
    fn a_step_done_on_one_computer_silences_the_other_computers_reminder_service_once_synced() {
        let mut two = Two::new(Style::Syncthing);
        assert_eq!(service_would_show(&two.b, "21:00:30"), ["warm-bath"]);
        two.a.check("20:50:00", "warm-bath", Outcome::Done);
        assert_eq!(service_would_show(&two.b, "21:00:30"), ["warm-bath"], "not synced yet");
        two.sync();
        assert!(service_would_show(&two.b, "21:00:30").is_empty());
        assert!(service_would_show(&two.a, "21:00:30").is_empty());
    }

    #[test]
    fn the_synced_folder_holds_only_files_both_computers_may_share() {
        let mut two = Two::new(Style::Syncthing);
        for (computer, time) in [(&two.a, "21:00:30"), (&two.b, "21:01:30")] {
            computer.check("20:00:00", "calm-ambience", Outcome::Done);
            // What a reminder service, a notification and an export write.
            Store::new(computer.coach.paths().clone())
                .reminder_transaction(evening()..=evening(), |_, log| {
                    log.set_paused(evening(), true);
                    Ok::<_, bedtime_coach::store::StoreError>(((), true))
                })
                .unwrap();
            assert!(computer.coach.icon_file().unwrap().starts_with(&computer.state));
            computer.bin(&["export", "-o", computer.state.join("backup.json").to_str().unwrap()]).ok();
            assert!(computer.coach.paths().window_file().starts_with(&computer.state));
            service_would_show(computer, time);
        }
        two.settle();
        let devices = [two.a.device(), two.b.device()];
        for name in listing(&two.a.folder) {
            let shared = ["routine.json", "journal.json"].contains(&name.trim_end_matches(".bak"));
            assert!(
                shared || devices.iter().any(|device| name.contains(device.as_str())),
                "{name}: in the synced folder, neither shared (routine.json, journal.json) nor named by the computer that wrote it"
            );
        }
    }

    #[test]
    fn files_arriving_from_the_other_computer_wake_its_window_and_service() {
        use bedtime_coach::store::{FolderWatch, Waited};
        let mut two = Two::new(Style::Syncthing);
        two.b.check("20:40:00", "calm-evening", Outcome::Done);
        two.sync();
        let watch = FolderWatch::new(two.b.coach.paths()).unwrap();
        let drained = |watch: &FolderWatch| {
            while watch.wait(Some(Duration::from_millis(100))).unwrap() == Waited::Changed {}
        };
        // A's first file of the month, then a change to the one B has already.
        for time in ["20:50:00", "20:55:00"] {
            drained(&watch);
            let before = two.b.coach.files_fingerprint();
            two.a.check(time, "warm-bath", Outcome::Done);
            two.sync();
            assert_eq!(watch.wait(Some(Duration::from_secs(5))).unwrap(), Waited::Changed, "{time}");
            assert_ne!(two.b.coach.files_fingerprint(), before, "{time}: the window and the service read again");
            let at_b = two.b.journal().check_in(evening(), "warm-bath").map(|check_in| check_in.at);
            assert_eq!(at_b, Some(at(time)));
        }
    }

    #[test]
    fn an_undo_and_a_forgotten_night_on_the_command_line_win_over_changes_made_before_them_elsewhere() {
        let mut two = Two::new(Style::Dropbox);
        two.a.bin(&["check", "warm-bath"]).ok();
        two.a.bin(&["night", "--rested", "2"]).ok();
        two.settle();
        // Apart: B changes both, then A takes both away: A's are the later changes. (More
        // than the second a change is stamped past what it replaces, or that alone
        // would order them.)
        std::thread::sleep(Duration::from_millis(1100));
        two.b.bin(&["check", "warm-bath", "--skip"]).ok();
        two.b.bin(&["night", "--rested", "3"]).ok();
        two.a.bin(&["check", "warm-bath", "--undo"]).ok();
        two.a.bin(&["night", "--forget"]).ok();
        two.settle();
        for computer in [&two.a, &two.b] {
            let status = computer.bin(&["status", "--json"]).ok().json();
            assert_eq!(state_of(&status, "warm-bath"), "pending");
            let night = computer.bin(&["night", "--json"]).ok().json();
            assert!(night["log"].is_null(), "{night}");
        }
    }

    /// Tonight by the wall clock, in Berlin: what the binary's `check` marks.
    fn tonight_by_the_clock(computer: &Computer) -> String {
        computer.bin(&["status", "--json"]).ok().json()["evening"].as_str().unwrap().to_owned()
    }

    fn state_of(status: &serde_json::Value, step: &str) -> String {
        let steps = status["steps"].as_array().unwrap();
        let found = steps.iter().find(|s| s["id"] == step).unwrap_or_else(|| panic!("{step} in {status}"));
        found["state"].as_str().unwrap().to_owned()
    }

    #[test]
    fn the_command_line_on_two_computers_check_undo_forget_and_reminders() {
        for style in STYLES {
            let mut two = Two::new(style);
            let tonight = tonight_by_the_clock(&two.a);
            let fate = |computer: &Computer, step: &str| {
                let json = computer.bin(&["reminders", "--date", &tonight, "--json"]).ok().json();
                let rows = json["reminders"].as_array().unwrap().clone();
                rows.into_iter().find(|row| row["id"] == step).unwrap()["status"].as_str().unwrap().to_owned()
            };
            assert!(!["silent", "already_done"].contains(&fate(&two.b, "warm-bath").as_str()), "{style:?}");
            two.a.bin(&["check", "warm-bath"]).ok();
            two.b.bin(&["check", "lights-out", "--skip"]).ok();
            two.settle();
            for computer in [&two.a, &two.b] {
                let status = computer.bin(&["status", "--json"]).ok().json();
                assert_eq!(state_of(&status, "warm-bath"), "done", "{style:?}");
                assert_eq!(state_of(&status, "lights-out"), "skipped", "{style:?}");
            }
            // Done on A: B's reminder for it stays silent (or was settled already).
            assert!(["silent", "already_done"].contains(&fate(&two.b, "warm-bath").as_str()), "{style:?}");
            two.a.bin(&["check", "warm-bath", "--undo"]).ok();
            two.b.bin(&["night", "--rested", "4"]).ok();
            two.settle();
            for computer in [&two.a, &two.b] {
                let status = computer.bin(&["status", "--json"]).ok().json();
                assert_eq!(state_of(&status, "warm-bath"), "pending", "{style:?}");
                let night = computer.bin(&["night", "--json"]).ok().json();
                assert_eq!(night["log"]["rested"], 4, "{style:?}: {night}");
            }
            two.a.bin(&["night", "--forget"]).ok();
            two.settle();
            let night = two.b.bin(&["night", "--json"]).ok().json();
            assert!(night["log"].is_null(), "{style:?}: {night}");
            two.assert_nothing_left_behind();
        }
    }
}

/// The three tools' names read back by the store's parser (`store::conflict_original`).
mod names {
    use super::*;
    use bedtime_coach::store::conflict_original;
    use proptest::prelude::*;
    use support::sync::{Device, conflict_name};

    fn device(short_id: &str, name: &str) -> Device {
        Device { short_id: short_id.into(), name: name.into() }
    }

    #[test]
    fn the_helpers_copies_of_the_apps_files_name_their_originals() {
        let laptop = device("LAPTOPA", "Laptop");
        for name in
            ["2026-12.0a1b2c3d4e5f6789.json", "2026-12.0a1b2c3d4e5f6789.json.bak", "routine.json", "journal.json"]
        {
            for style in STYLES {
                let copy = conflict_name(style, name, &laptop, conflict_time());
                assert_eq!(conflict_original(&copy).as_deref(), Some(name), "{copy}");
            }
        }
    }

    /// Pieces of the three tools' names, so that random names come near to copies.
    const PIECES: &str =
        r"(\.sync-conflict-|conflicted copy| \(|\)|'s|_conflict-|20261206|-|213005|[A-Z0-9]{7}| |\.|json|[a-z]|\(1\))*";

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1000))]

        #[test]
        fn conflict_original_never_panics_and_never_answers_a_copy(name in prop_oneof![any::<String>(), PIECES]) {
            if let Some(original) = conflict_original(&name) {
                prop_assert!(conflict_original(&original).is_none(), "{name} gave {original}, itself a copy");
                prop_assert!(!original.is_empty());
            }
        }

        #[test]
        fn every_tools_copy_of_any_name_names_it_even_a_copy_of_a_copy(
            name in "[a-z0-9][a-z0-9._ -]{0,15}(\\.[a-z]{1,4})?",
            first in 0..3usize,
            second in 0..3usize,
            short_id in "[A-Z2-7]{7}",
            computer in "[A-Za-z][A-Za-z0-9' -]{0,10}( \\([0-9]\\))?",
            seconds in 946_684_800i64..4_102_444_800,
        ) {
            prop_assume!(conflict_original(&name).is_none());
            let device = device(&short_id, &computer);
            let when = DateTime::from_timestamp(seconds, 0).unwrap();
            let copy = conflict_name(STYLES[first], &name, &device, when);
            prop_assert_eq!(conflict_original(&copy), Some(name.clone()), "{}", copy);
            let copy_of_copy = conflict_name(STYLES[second], &copy, &device, when);
            prop_assert_eq!(conflict_original(&copy_of_copy), Some(name.clone()), "{}", copy_of_copy);
        }
    }
}
