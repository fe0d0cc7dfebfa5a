//! Routine, schedule and settings on two computers that sync one data folder
//! (`store/routines.rs`): each computer writes only `routine.DEVICE.json`, reading merges
//! every computer's file field by field, and what a sync tool leaves (conflict copies,
//! another computer's damaged file, an older version's `routine.json`) is taken in
//! without losing anything. Each computer has its own folder and state folder; the
//! folders are synced whole files at a time (`support::sync`), so "apart" is simply
//! "not synced yet".

mod support;

use std::fs;
use std::path::Path;
use std::time::{Duration, SystemTime};

use bedtime_coach::model::routine::{Anchor, Step};
use bedtime_coach::model::time::clock;
use bedtime_coach::model::{Day, RoutineFile, Theme};
use bedtime_coach::store::{Paths, ROUTINE_VERSION, Store, StoreError, to_bytes};
use chrono::{DateTime, FixedOffset, TimeZone, Utc};
use support::sync::{STYLES, Style, Sync};

/// One computer: its copy of the synced folder, its state folder, its store.
struct Computer {
    dir: tempfile::TempDir,
    state: tempfile::TempDir,
    store: Store,
}

impl Computer {
    fn new() -> Self {
        let (dir, state) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        let store = Store::new(Paths::with_state(dir.path(), state.path()));
        Self { dir, state, store }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    /// A change made here at `at` (the time its fields are stamped with).
    fn change(&self, at: &str, change: impl FnOnce(&mut RoutineFile)) {
        let when = Some(time(at));
        self.store
            .dated(when, || {
                self.store.update_routine_file(|file| {
                    change(file);
                    Ok::<_, StoreError>(())
                })
            })
            .unwrap();
    }

    fn routine(&self) -> RoutineFile {
        self.store.load_routine_file().unwrap().value
    }

    fn own_file(&self) -> String {
        format!("routine.{}.json", self.store.device_id().unwrap().as_str())
    }

    fn messages(&self) -> String {
        self.store.take_notices().into_iter().map(|notice| notice.message).collect::<Vec<_>>().join("\n")
    }

    /// Files of the synced folder, by name.
    fn files(&self) -> Vec<String> {
        let mut names: Vec<String> =
            fs::read_dir(self.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
        names.sort();
        names
    }
}

fn time(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).unwrap()
}

/// Two computers that share the routine saved on A at 20:00, synced.
fn two_computers(style: Style) -> (Computer, Computer, Sync) {
    let (a, b) = (Computer::new(), Computer::new());
    let mut sync = Sync::new(a.path(), b.path(), style).at(Utc.with_ymd_and_hms(2026, 12, 6, 22, 0, 0).unwrap());
    a.change("2026-12-06T20:00:00Z", |file| file.settings.snooze_minutes = 10);
    sync.sync();
    (a, b, sync)
}

/// Both computers show the same routine, and no conflict copy is left in either folder.
fn both_show(a: &Computer, b: &Computer) -> RoutineFile {
    let (here, there) = (a.routine(), b.routine());
    assert_eq!(here, there, "both computers show one routine");
    for computer in [a, b] {
        let left: Vec<String> = computer.files().into_iter().filter(|name| name.contains("onflict")).collect();
        assert!(left.is_empty(), "conflict copies left behind: {left:?}");
    }
    here
}

fn custom(id: &str) -> Step {
    Step::custom(id.into(), id.into(), Anchor::BeforeBedtime { minutes: 45 })
}

#[test]
fn changes_to_different_fields_while_apart_are_all_kept_on_both() {
    let (a, b, mut sync) = two_computers(Style::Syncthing);
    a.change("2026-12-06T21:00:00Z", |file| file.settings.theme = Theme::Dark);
    b.change("2026-12-06T20:30:00Z", |file| {
        file.schedule.set(Some(clock(23, 30)), Some(clock(8, 0)), &[Day::Sat]).unwrap();
        file.settings.grace_minutes = 30;
    });
    let synced = sync.sync();
    assert!(synced.conflicts.is_empty(), "each computer writes only its own file: {:?}", synced.conflict_names());
    let both = both_show(&a, &b);
    assert_eq!(both.settings.theme, Theme::Dark);
    assert_eq!(both.settings.grace_minutes, 30);
    assert_eq!(both.schedule.night(Day::Sat).bedtime, clock(23, 30));
    assert_eq!(both.settings.snooze_minutes, 10, "what neither changed stays");
    let mut expected = vec![a.own_file(), b.own_file(), "routine.json".to_owned()];
    expected.sort();
    let files: Vec<String> = a.files().into_iter().filter(|name| !name.ends_with(".bak")).collect();
    assert_eq!(files, expected, "routine.json and one file per computer");
}

#[test]
fn the_later_change_to_one_field_wins_on_both_and_a_tie_goes_to_the_smaller_device_id() {
    let (a, b, mut sync) = two_computers(Style::Dropbox);
    a.change("2026-12-06T21:00:00Z", |file| file.settings.snooze_minutes = 5);
    b.change("2026-12-06T21:00:01Z", |file| file.settings.snooze_minutes = 15);
    sync.sync();
    assert_eq!(both_show(&a, &b).settings.snooze_minutes, 15);
    // The same instant on both: the smaller device id's change.
    a.change("2026-12-06T21:10:00Z", |file| file.settings.grace_minutes = 20);
    b.change("2026-12-06T21:10:00Z", |file| file.settings.grace_minutes = 40);
    sync.sync();
    let smaller_is_a = a.store.device_id().unwrap() < b.store.device_id().unwrap();
    assert_eq!(both_show(&a, &b).settings.grace_minutes, if smaller_is_a { 20 } else { 40 });
}

#[test]
fn a_step_added_on_each_computer_is_on_both_after_the_routine() {
    let (a, b, mut sync) = two_computers(Style::Nextcloud);
    let before: Vec<String> = a.routine().routine.steps.iter().map(|step| step.id.clone()).collect();
    a.change("2026-12-06T21:00:00Z", |file| file.routine.steps.push(custom("chamomile-tea")));
    b.change("2026-12-06T20:45:00Z", |file| file.routine.steps.push(custom("stretch")));
    sync.sync();
    let both = both_show(&a, &b);
    let ids: Vec<&str> = both.routine.steps.iter().map(|step| step.id.as_str()).collect();
    let mut expected: Vec<&str> = before.iter().map(String::as_str).collect();
    expected.extend(["stretch", "chamomile-tea"]);
    assert_eq!(ids, expected, "the earlier addition first");
}

/// Documented outcome (see `model::routine_merge`): a stamp is the clock of the computer
/// that made the change, so a clock an hour ahead wins the same field over changes made
/// in that hour elsewhere; other fields are kept; and once the other computer has seen
/// its value, a change there wins again, whatever its clock says.
#[test]
fn a_clock_an_hour_ahead_wins_the_same_field_for_that_hour_and_loses_once_seen() {
    let (a, b, mut sync) = two_computers(Style::Syncthing);
    // True time 21:00 on both; A's clock says 22:00.
    a.change("2026-12-06T22:00:00Z", |file| file.settings.snooze_minutes = 5);
    b.change("2026-12-06T21:30:00Z", |file| {
        file.settings.snooze_minutes = 20;
        file.settings.reminders = false;
    });
    sync.sync();
    let both = both_show(&a, &b);
    assert_eq!(both.settings.snooze_minutes, 5, "A's clock ahead: its change counts as the later");
    assert!(!both.settings.reminders, "B's change to another field is kept");
    // B has now seen 5 and changes it at 21:40 by its clock: stamped just after A's 22:00.
    b.change("2026-12-06T21:40:00Z", |file| file.settings.snooze_minutes = 25);
    sync.sync();
    assert_eq!(both_show(&a, &b).settings.snooze_minutes, 25);
}

#[test]
fn a_removed_step_stays_removed_on_both_and_undo_brings_it_back() {
    let (a, b, mut sync) = two_computers(Style::Syncthing);
    a.change("2026-12-06T20:10:00Z", |file| file.routine.steps.push(custom("chamomile-tea")));
    sync.sync();
    // B changes the step; later A removes it; B's file still has it.
    b.change("2026-12-06T20:20:00Z", |file| file.routine.get_mut("chamomile-tea").unwrap().remind = true);
    a.change("2026-12-06T20:30:00Z", |file| file.routine.steps.retain(|step| step.id != "chamomile-tea"));
    sync.sync();
    assert!(both_show(&a, &b).routine.get("chamomile-tea").is_none());
    // Any later change on B keeps it removed, in B's own file too.
    b.change("2026-12-06T20:40:00Z", |file| file.settings.theme = Theme::Light);
    let on_disk = fs::read_to_string(b.path().join(b.own_file())).unwrap();
    assert!(!on_disk.contains("\"id\": \"chamomile-tea\""), "{on_disk}");
    assert!(on_disk.contains("\"step.chamomile-tea\""), "its removal, dated: {on_disk}");
    sync.sync();
    assert!(both_show(&a, &b).routine.get("chamomile-tea").is_none());
    // Put back (undo) later: back on both.
    b.change("2026-12-06T20:50:00Z", |file| file.routine.steps.push(custom("chamomile-tea")));
    sync.sync();
    assert!(both_show(&a, &b).routine.get("chamomile-tea").is_some());
}

/// routine.json as a version before this one writes it.
fn older_version_routine(change: impl FnOnce(&mut RoutineFile)) -> Vec<u8> {
    let mut file = RoutineFile::default();
    change(&mut file);
    to_bytes(&file).unwrap()
}

fn set_modified(path: &Path, seconds_after_2026_12_06_20h: u64) {
    let time = SystemTime::UNIX_EPOCH + Duration::from_secs(1_796_587_200 + seconds_after_2026_12_06_20h);
    fs::File::options().write(true).open(path).unwrap().set_modified(time).unwrap();
}

#[test]
fn an_older_versions_routine_is_read_then_replaced_by_one_it_opens_read_only() {
    let a = Computer::new();
    let routine_json = a.path().join("routine.json");
    let old = older_version_routine(|file| file.settings.grace_minutes = 33);
    fs::write(&routine_json, &old).unwrap();
    assert!(!a.store.load_routine_file().unwrap().is_first_run());
    assert_eq!(a.routine().settings.grace_minutes, 33);
    assert_eq!(fs::read(&routine_json).unwrap(), old, "reading writes nothing");
    // The first save here: this computer's file, and routine.json of format 2 (the older
    // bytes kept as its backup), which an older version opens read-only, newer than its 1.
    a.change("2026-12-06T21:00:00Z", |file| file.settings.theme = Theme::Dark);
    assert_eq!(fs::read(a.path().join("routine.json.bak")).unwrap(), old);
    let text = fs::read_to_string(&routine_json).unwrap();
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(value["schema_version"], ROUTINE_VERSION);
    assert_eq!(
        (value["settings"]["grace_minutes"].as_u64(), value["settings"]["theme"].as_str()),
        (Some(33), Some("dark"))
    );
    assert!(value.get("changes").is_none(), "a view, without stamps");
    // Later changes go to this computer's file only, which holds what routine.json held.
    a.change("2026-12-06T21:05:00Z", |file| file.settings.grace_minutes = 12);
    assert_eq!(fs::read_to_string(&routine_json).unwrap(), text);
    assert_eq!(a.routine().settings.grace_minutes, 12);
    fs::remove_file(&routine_json).unwrap();
    fs::remove_file(a.path().join("routine.json.bak")).unwrap();
    let again = Store::new(Paths::with_state(a.path(), a.state.path()));
    let shown = again.load_routine_file().unwrap().value;
    assert_eq!((shown.settings.grace_minutes, shown.settings.theme), (12, Theme::Dark));
    assert!(a.messages().is_empty(), "{}", a.messages());
}

/// routine.json of format 2 is only a view for older versions: this version reads it only
/// when no computer's file is there, so that editing one's own file by hand is not undone
/// by it.
#[test]
fn routine_json_of_this_version_is_read_only_without_any_computers_file() {
    let a = Computer::new();
    a.change("2026-12-06T21:00:00Z", |file| file.settings.theme = Theme::Dark);
    let own = a.path().join(a.own_file());
    let edited = fs::read_to_string(&own).unwrap().replace("\"snooze_minutes\": 10", "\"snooze_minutes\": 4");
    fs::write(&own, edited).unwrap();
    assert_eq!(a.routine().settings.snooze_minutes, 4);
    fs::remove_file(&own).unwrap();
    fs::remove_file(own.with_extension("json.bak")).ok();
    let shown = a.routine();
    assert_eq!((shown.settings.theme, shown.settings.snooze_minutes), (Theme::Dark, 10), "routine.json alone");
}

#[test]
fn the_first_run_lasts_until_any_computer_saves_and_routine_json_is_written_for_older_versions() {
    let (a, b) = (Computer::new(), Computer::new());
    let mut sync = Sync::new(a.path(), b.path(), Style::Syncthing);
    assert!(a.store.load_routine_file().unwrap().is_first_run());
    assert_eq!(a.store.peek_settings(), None);
    b.change("2026-12-06T20:00:00Z", |file| file.settings.theme = Theme::Dark);
    assert!(b.path().join("routine.json").is_file(), "older versions find a routine, not a first run");
    sync.sync();
    let loaded = a.store.load_routine_file().unwrap();
    assert!(!loaded.is_first_run(), "B saved one");
    assert_eq!(loaded.value.settings.theme, Theme::Dark);
    assert_eq!(a.store.peek_settings().unwrap().theme, Theme::Dark);
    assert_eq!(loaded.value.routine, RoutineFile::default().routine, "the first run's routine: the catalog");
}

#[test]
fn both_first_runs_while_apart_make_one_routine() {
    let (a, b) = (Computer::new(), Computer::new());
    let mut sync =
        Sync::new(a.path(), b.path(), Style::Syncthing).at(Utc.with_ymd_and_hms(2026, 12, 6, 22, 0, 0).unwrap());
    a.change("2026-12-06T20:00:00Z", |file| file.settings.theme = Theme::Dark);
    b.change("2026-12-06T20:05:00Z", |file| file.schedule.set(Some(clock(23, 0)), None, &[]).unwrap());
    let synced = sync.sync();
    assert_eq!(synced.conflicts.len(), 1, "both wrote routine.json for older versions: {:?}", synced.conflict_names());
    let both = both_show(&a, &b);
    assert_eq!((both.settings.theme, both.schedule.every_day.bedtime), (Theme::Dark, clock(23, 0)));
    sync.sync();
    both_show(&a, &b);
}

#[test]
fn conflict_copies_of_routine_json_of_each_tool_are_merged_and_moved_out() {
    for style in STYLES {
        // Both computers on an older version, then A updated; B, still older, changed
        // routine.json while apart, as A migrated it: a conflict copy.
        let (a, b) = (Computer::new(), Computer::new());
        let old = older_version_routine(|file| file.settings.grace_minutes = 15);
        fs::write(a.path().join("routine.json"), &old).unwrap();
        set_modified(&a.path().join("routine.json"), 0);
        let mut sync = Sync::new(a.path(), b.path(), style).at(Utc.with_ymd_and_hms(2026, 12, 6, 22, 0, 0).unwrap());
        sync.sync();
        a.change("2026-12-06T20:30:00Z", |file| file.settings.theme = Theme::Dark);
        let b_old = b.path().join("routine.json");
        fs::write(&b_old, older_version_routine(|file| file.settings.grace_minutes = 45)).unwrap();
        set_modified(&b_old, 7200);
        let synced = sync.sync();
        assert_eq!(synced.conflicts.len(), 1, "{style:?}: {:?}", synced.conflict_names());
        let copy = &synced.conflict_names()[0];
        assert!(bedtime_coach::store::conflict_original(copy).as_deref() == Some("routine.json"), "{copy}");
        let shown = a.routine();
        assert_eq!((shown.settings.theme, shown.settings.grace_minutes), (Theme::Dark, 45), "{style:?}");
        assert!(!a.path().join(copy).exists(), "{style:?}: moved out");
        assert!(a.state.path().join("conflicts").join(copy).is_file(), "{style:?}: kept in the state folder");
        sync.sync();
        let both = both_show(&a, &b);
        assert_eq!((both.settings.theme, both.settings.grace_minutes), (Theme::Dark, 45), "{style:?}");
    }
}

#[test]
fn conflict_copies_of_a_computers_file_are_merged_and_a_damaged_copy_is_kept_aside() {
    let (a, b, mut sync) = two_computers(Style::Syncthing);
    b.change("2026-12-06T20:30:00Z", |file| file.settings.grace_minutes = 25);
    sync.sync();
    // A copy of B's file with a change B's file does not have (as a tool could leave),
    // and a damaged copy of A's.
    let b_file = b.own_file();
    let mut copy: serde_json::Value = serde_json::from_slice(&fs::read(a.path().join(&b_file)).unwrap()).unwrap();
    copy["settings"]["snooze_minutes"] = 3.into();
    copy["changes"]["fields"]["settings.snooze_minutes"] =
        serde_json::json!({"at": "2026-12-06T20:40:00Z", "by": b.store.device_id().unwrap().as_str()});
    let stem = b_file.strip_suffix(".json").unwrap();
    let copy_name = format!("{stem}.sync-conflict-20261206-204000-DESKTOP.json");
    fs::write(a.path().join(&copy_name), serde_json::to_vec(&copy).unwrap()).unwrap();
    let damaged_name =
        format!("{}.sync-conflict-20261206-204000-LAPTOPA.json", a.own_file().strip_suffix(".json").unwrap());
    fs::write(a.path().join(&damaged_name), b"{\"schema_version\": 2, \"settings\": {").unwrap();
    assert_eq!(a.routine().settings.snooze_minutes, 3);
    let messages = a.messages();
    assert!(messages.contains(&damaged_name) && messages.contains("moved out of the shared folder"), "{messages}");
    for name in [&copy_name, &damaged_name] {
        assert!(!a.path().join(name).exists(), "{name}");
        assert!(a.state.path().join("conflicts").join(name).is_file(), "{name}");
    }
    sync.sync();
    assert_eq!(both_show(&a, &b).settings.snooze_minutes, 3);
}

#[test]
fn another_computers_damaged_file_is_read_from_its_backup_or_left_out_never_written() {
    let (a, b, mut sync) = two_computers(Style::Syncthing);
    b.change("2026-12-06T20:30:00Z", |file| file.settings.grace_minutes = 25);
    b.change("2026-12-06T20:31:00Z", |file| file.settings.theme = Theme::Light);
    sync.sync();
    let b_file = a.path().join(b.own_file());
    let damaged = b"{\"schema_version\": 2, \"settings\": {\"theme\": ".to_vec();
    fs::write(&b_file, &damaged).unwrap();
    // Its backup (the save before) is read: B's first change, not its second.
    let shown = a.routine();
    assert_eq!((shown.settings.grace_minutes, shown.settings.theme), (25, Theme::System));
    a.change("2026-12-06T20:45:00Z", |file| file.settings.snooze_minutes = 7);
    assert_eq!(fs::read(&b_file).unwrap(), damaged, "never repaired by another computer");
    // Without a usable backup it is left out, said once.
    fs::write(b_file.with_extension("json.bak"), b"damaged too").unwrap();
    let shown = a.routine();
    assert_eq!(shown.settings.snooze_minutes, 7);
    let messages = a.messages();
    assert!(messages.contains("written by another computer"), "{messages}");
    a.routine();
    assert!(a.messages().is_empty(), "said once");
    assert_eq!(fs::read(&b_file).unwrap(), damaged);
}

/// An older version's routine.json on a read-only disk cannot be migrated: it is shown as
/// it is, and a change is refused with a sentence.
#[test]
fn on_a_read_only_disk_an_older_versions_routine_is_shown_not_migrated() {
    let Some(disk) = support::Tmpfs::mount("read-only disk with an older routine.json", "4m") else { return };
    let bytes = older_version_routine(|file| file.settings.grace_minutes = 33);
    fs::write(disk.0.path().join("routine.json"), &bytes).unwrap();
    disk.remount("ro");
    let state = tempfile::tempdir().unwrap();
    let store = Store::new(Paths::with_state(disk.0.path(), state.path()));
    let loaded = store.load_routine_file().unwrap();
    assert_eq!(loaded.value.settings.grace_minutes, 33);
    assert_eq!(store.peek_settings().unwrap().grace_minutes, 33);
    let error = store
        .update_routine_file(|file| {
            file.settings.grace_minutes = 1;
            Ok::<_, StoreError>(())
        })
        .unwrap_err();
    assert!(error.to_string().to_lowercase().contains("read-only file system"), "{error}");
    disk.remount("rw");
    assert_eq!(fs::read(disk.0.path().join("routine.json")).unwrap(), bytes, "untouched");
}

/// The window and the reminder service notice a save by comparing the files'
/// fingerprint: another computer's routine file arriving changes it.
#[test]
fn another_computers_file_arriving_is_noticed() {
    let (a, b, mut sync) = two_computers(Style::Syncthing);
    let before = a.store.fingerprint();
    b.change("2026-12-06T20:30:00Z", |file| file.settings.theme = Theme::Light);
    sync.sync();
    assert_ne!(a.store.fingerprint(), before);
    assert_eq!(a.routine().settings.theme, Theme::Light);
}
