//! The window as a whole, driven like a user would: banners about the files on disk,
//! changes made by another process or the reminder service, the service the window
//! starts, a held lock, and every screen in the smallest window. Each screen has its own
//! file (`window_tonight`, `window_setup`, `window_routine`, …).

mod support;

use support::StartRetrying as _;

use support::window::{assert_fits, check, clock, evening, harness, harness_in, harness_of, outcome};
use support::{saved_routine, store};

use std::path::Path;

use bedtime_coach::i18n::Language;
use bedtime_coach::model::{Outcome, RoutineFile};
use bedtime_coach::store::Paths;
use bedtime_coach::ui::App;
use bedtime_coach::use_cases::Change;
use bedtime_coach::use_cases::Coach;
use chrono::{Local, Timelike};
use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

#[test]
fn a_damaged_journal_shows_a_banner_naming_the_files() {
    let dir = tempfile::tempdir().unwrap();
    saved_routine(dir.path());
    std::fs::write(dir.path().join("journal.json"), b"\0\0\0garbage").unwrap();
    let mut h = harness(dir.path());
    h.get_by_label_contains("could not be read");
    h.get_by_label_contains("journal.json.corrupt-");
    h.get_by_label("Open folder");
    h.get_by_label("Dismiss").click();
    h.run();
    assert!(h.query_by_label_contains("could not be read").is_none());
}

#[test]
fn a_newer_journal_shows_a_read_only_banner_and_keeps_the_file() {
    let dir = tempfile::tempdir().unwrap();
    saved_routine(dir.path());
    let future = br#"{"schema_version":99,"evenings":{}}"#;
    std::fs::write(dir.path().join("journal.json"), future).unwrap();
    let mut h = harness(dir.path());
    h.get_by_label_contains("newer version");
    h.get_by_label("Done: Warm bath").click();
    h.run();
    assert_eq!(std::fs::read(dir.path().join("journal.json")).unwrap(), future);
    h.get_by_label_contains("Nothing was changed");
}

#[test]
fn changes_from_another_process_show_up() {
    let dir = tempfile::tempdir().unwrap();
    saved_routine(dir.path());
    let mut h = harness(dir.path());
    h.get_by_label("Done: Warm bath");
    let at = chrono::DateTime::parse_from_rfc3339("2026-11-26T21:00:00+01:00").unwrap();
    // The file's modification time has a fine grain, but make sure it differs.
    std::thread::sleep(std::time::Duration::from_millis(20));
    let check = Change::Check { evening: evening(), step: "warm-bath".into(), outcome: Outcome::Done, value: None, at };
    check.apply(&store(dir.path())).unwrap();
    h.run();
    h.get_by_label("Undo: Warm bath");
}

/// What the reminder service writes when a notification cannot be shown.
fn leave_undelivered(dir: &Path, summary: &str) {
    use bedtime_coach::model::reminders::Undelivered;
    let undelivered = Undelivered {
        summary: summary.into(),
        due: vec!["Warm bath".into(), "Air the bedroom".into()],
        reason: "Desktop notifications are not available (no session bus).".into(),
        at: chrono::DateTime::parse_from_rfc3339("2026-11-26T21:45:00+01:00").unwrap(),
        extra: Default::default(),
    };
    store(dir)
        .update_reminders(|log| {
            log.record_undelivered(undelivered);
            Ok::<_, bedtime_coach::store::StoreError>(())
        })
        .unwrap();
}

/// Lets the window notice another process's save (sizes and times are compared).
fn run_after_save(h: &mut Harness<'static, App>) {
    std::thread::sleep(std::time::Duration::from_millis(20));
    h.run();
}

#[test]
fn undelivered_reminders_become_one_banner_with_the_due_step() {
    let dir = tempfile::tempdir().unwrap();
    saved_routine(dir.path());
    let mut h = harness(dir.path());
    for summary in ["Warm bath", "2 steps of your routine (since 21:45)"] {
        leave_undelivered(dir.path(), summary);
        run_after_save(&mut h);
    }
    h.get_by_label_contains(
        "Reminder — 2 steps of your routine (since 21:45): Warm bath, Air the bedroom. Desktop notifications are not available (no session bus).",
    );
    assert_eq!(h.query_all_by_label_contains("Reminder — ").count(), 1, "one reminder banner at a time");
    // A notification got through again: the service clears the log, the banner goes.
    store(dir.path())
        .update_reminders(|log| {
            log.undelivered.clear();
            Ok::<_, bedtime_coach::store::StoreError>(())
        })
        .unwrap();
    run_after_save(&mut h);
    assert!(h.query_by_label_contains("Reminder — ").is_none());
}

#[test]
fn opening_the_window_starts_the_reminder_service() {
    use bedtime_coach::model::evening_at;
    use bedtime_coach::store::owner_pid;
    let dir = tempfile::tempdir().unwrap();
    // A real service runs on the wall clock: bedtime three hours away and tonight paused,
    // so nothing can pop up on the desktop of whoever runs the tests.
    let mut routine_file = RoutineFile::default();
    let bedtime = (Local::now() + chrono::TimeDelta::hours(3)).time();
    let bedtime = chrono::NaiveTime::from_hms_opt(bedtime.hour(), bedtime.minute(), 0).unwrap();
    let wake = bedtime + chrono::TimeDelta::hours(8);
    routine_file.schedule.set(Some(bedtime), Some(wake), &[]).unwrap();
    let tonight = evening_at(&routine_file, &Local::now());
    Change::SaveRoutineFile(routine_file).apply(&store(dir.path())).unwrap();
    Change::PauseReminders { evening: tonight, paused: true }.apply(&store(dir.path())).unwrap();

    let app = App::new(Coach::at(Paths::in_dir(dir.path())), clock())
        .in_language(Language::English)
        .with_service_program(Some(env!("CARGO_BIN_EXE_bedtime-coach").into()));
    let mut h = harness_of(app, egui::vec2(1280.0, 1400.0));
    let ctx = h.ctx.clone();
    h.state_mut().install(&ctx);
    let paths = Paths::in_dir(dir.path());
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    let pid = loop {
        if let Some(pid) = owner_pid(&paths).filter(|pid| *pid != std::process::id()) {
            break pid;
        }
        assert!(std::time::Instant::now() < deadline, "no reminder service was started");
        std::thread::sleep(std::time::Duration::from_millis(50));
    };
    let _stop = support::StopServiceOnDrop(paths.clone());
    run_after_save(&mut h);
    h.get_by_label("Settings").click();
    h.run();
    h.get_by_label_contains(&format!("The reminder service (process {pid}) sends them"));
    // One service is enough: opening the window again starts no second one.
    let ctx = h.ctx.clone();
    h.state_mut().install(&ctx);
    std::thread::sleep(std::time::Duration::from_millis(300));
    assert_eq!(owner_pid(&paths), Some(pid));
}

#[test]
fn file_problems_found_by_the_background_service_reach_the_next_window() {
    let dir = tempfile::tempdir().unwrap();
    saved_routine(dir.path());
    std::fs::write(dir.path().join("journal.json"), b"{\"schema_version\":2,\"evenings\":[").unwrap();
    let service = support::bin(dir.path())
        .arg("remind")
        .env("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus")
        .stderr(std::process::Stdio::null())
        .spawn_retrying()
        .unwrap();
    // Killed even when an assertion below fails: a service left behind would outlive the test run.
    let service = support::KillOnDrop(service);
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while !store(dir.path())
        .load_reminders()
        .unwrap()
        .value
        .file_notices
        .iter()
        .any(|n| n.contains("could not be read"))
    {
        assert!(std::time::Instant::now() < deadline, "the service kept no notice");
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    drop(service);
    let h = harness(dir.path());
    h.get_by_label_contains("journal.json.corrupt-");
    assert!(store(dir.path()).load_reminders().unwrap().value.file_notices.is_empty(), "shown once");
}

#[test]
#[cfg_attr(windows, ignore = "under Wine two frames take ~560 ms on this machine: the 500 ms bar needs real Windows")]
fn a_held_lock_never_blocks_a_frame_and_the_change_lands_later() {
    let dir = tempfile::tempdir().unwrap();
    saved_routine(dir.path());
    let mut h = harness(dir.path());
    // Another process is in the middle of a save and holds the store's lock.
    let lock = std::fs::OpenOptions::new().write(true).open(dir.path().join("bedtime-coach.lock")).unwrap();
    lock.lock().unwrap();
    h.get_by_label("Done: Warm bath").click();
    let started = std::time::Instant::now();
    h.step();
    h.step();
    assert!(started.elapsed() < std::time::Duration::from_millis(500), "frames waited {:?}", started.elapsed());
    assert_eq!(outcome(dir.path(), "warm-bath"), None);
    std::thread::sleep(std::time::Duration::from_millis(1100));
    h.step();
    h.get_by_label_contains("Waiting for another Bedtime Coach process");
    // The other process finishes: the click lands, in order, and the banner goes.
    lock.unlock().unwrap();
    h.step();
    h.run();
    assert_eq!(outcome(dir.path(), "warm-bath"), Some(Outcome::Done));
    assert!(h.query_by_label_contains("Waiting for another").is_none());
}

#[test]
fn russian_fits_the_smallest_window() {
    let size = egui::vec2(720.0, 520.0);
    let first = tempfile::tempdir().unwrap();
    let h = harness_in(first.path(), Language::Russian, size);
    h.get_by_label("Добро пожаловать в Bedtime Coach");
    assert_fits(&h, "setup");
    drop(h);

    let dir = tempfile::tempdir().unwrap();
    saved_routine(dir.path());
    check(dir.path(), &["warm-bath"], Outcome::Done);
    let mut h = harness_in(dir.path(), Language::Russian, size);
    assert_fits(&h, "tonight");
    h.get_by_label("Распорядок").click();
    h.run();
    assert_fits(&h, "routine");
    h.query_all_by_label_contains("Изменить: ").next().unwrap().click();
    h.run();
    assert_fits(&h, "routine editor");
    h.get_by_label("Режим сна").click();
    h.run();
    assert_fits(&h, "schedule");
    h.get_by_label("В некоторые дни иначе").click();
    h.run();
    assert_fits(&h, "schedule per weekday");
    h.get_by_label("Настройки").click();
    h.run();
    assert_fits(&h, "settings");
}
