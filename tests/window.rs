//! The window, driven like a user would: find widgets by their labels, click, type, and
//! check what landed in the files on disk.

mod support;

use support::window::{assert_fits, harness_of};

use std::path::Path;
use std::sync::Arc;

use bedtime_coach::i18n::Language;
use bedtime_coach::model::{Anchor, Config, Outcome};
use bedtime_coach::store::{Paths, Store};
use bedtime_coach::ui::{App, Clock};
use bedtime_coach::use_cases::Change;
use bedtime_coach::use_cases::Coach;
use chrono::{Local, NaiveDate, TimeZone, Timelike};
use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

/// The test evening.
fn evening() -> NaiveDate {
    support::date(2026, 11, 26)
}

/// 21:10 on the test evening, in whatever zone the test runs in.
fn clock() -> Clock {
    let now = Local.from_local_datetime(&evening().and_hms_opt(21, 10, 0).unwrap()).earliest().unwrap();
    Arc::new(move || now)
}

fn store(dir: &Path) -> Store {
    Store::new(Paths::in_dir(dir))
}

fn saved_routine(dir: &Path) {
    Change::SaveConfig(Config::default()).apply(&store(dir)).unwrap();
}

/// The window in English, whatever the machine's locale: the App draws in its own
/// language on the test's thread, so tests in other languages can run beside these.
fn harness(dir: &Path) -> Harness<'static, App> {
    harness_in(dir, Language::English, egui::vec2(1280.0, 1400.0))
}

fn harness_in(dir: &Path, language: Language, size: egui::Vec2) -> Harness<'static, App> {
    harness_of(App::new(Coach::at(Paths::in_dir(dir)), clock()).in_language(language), size)
}

/// Types `title` into "Your own step" on the Routine screen and adds it.
fn add_custom_step(h: &mut Harness<'static, App>, title: &str) {
    h.get_by_label("Your own step").focus();
    h.run();
    h.get_by_label("Your own step").type_text(title);
    h.run();
    h.get_by_label("Add custom step").click();
    h.run();
}

fn outcome(dir: &Path, step: &str) -> Option<Outcome> {
    let journal = store(dir).load_journal().unwrap().value;
    journal.check_in(evening(), step).map(|c| c.outcome)
}

#[test]
fn first_run_setup_creates_a_routine() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    h.get_by_label("Welcome to Bedtime Coach");
    // Choose a later bedtime and leave out the bath.
    let bedtime = h.get_by_label("Bedtime");
    bedtime.focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_label("Bedtime").type_text("23:45");
    h.key_press(egui::Key::Tab);
    h.run();
    h.get_by_role_and_label(egui::accesskit::Role::CheckBox, "Warm bath").click();
    h.run();
    h.get_by_label("7 h 15 min in bed before your 07:00 alarm. That is under 8 h in bed, and sleep itself is shorter still: the article advises at least eight hours of sleep, nine or ten if eight are not enough.");
    h.get_by_label("Save my routine").click();
    h.run();
    let config = store(dir.path()).load_config().unwrap();
    assert!(config.existed);
    assert_eq!(config.value.schedule.every_day.bedtime.to_string(), "23:45:00");
    assert!(config.value.routine.get("warm-bath").is_none());
    assert!(config.value.routine.get("lights-out").is_some());
    // The window moves on to Tonight.
    h.get_by_label("Done: Lights out");
}

#[test]
fn done_skip_and_undo_reach_the_journal() {
    let dir = tempfile::tempdir().unwrap();
    saved_routine(dir.path());
    let mut h = harness(dir.path());
    h.get_by_label("Done: Warm bath").click();
    h.run();
    assert_eq!(outcome(dir.path(), "warm-bath"), Some(Outcome::Done));
    h.get_by_label("Skip: Candles and calm music").click();
    h.run();
    assert_eq!(outcome(dir.path(), "calm-ambience"), Some(Outcome::Skipped));
    h.get_by_label("Undo: Warm bath").click();
    h.run();
    assert_eq!(outcome(dir.path(), "warm-bath"), None);
    h.get_by_label("Done: Warm bath");
    h.get_by_label_contains("1 skipped");
}

/// One Done click and nothing else, between two marker files, for
/// `scripts/reads-per-click.sh`, which runs it under `strace` and counts the reads and
/// writes of each data file in between (ignored in the ordinary run: it checks nothing a
/// test above does not).
#[test]
#[ignore = "run by scripts/reads-per-click.sh"]
fn one_done_click_between_markers() {
    let dir = tempfile::tempdir().unwrap();
    saved_routine(dir.path());
    // An ordinary evening: a journal (and its backup) already there.
    check(dir.path(), &["caffeine-cutoff"], Outcome::Done);
    check(dir.path(), &["mineral-dinner"], Outcome::Done);
    let mut h = harness(dir.path());
    h.run();
    let marker = |name: &str| drop(std::fs::File::create(dir.path().join(name)));
    marker("click-begins");
    h.get_by_label("Done: Warm bath").click();
    h.run();
    marker("click-ends");
    assert_eq!(outcome(dir.path(), "warm-bath"), Some(Outcome::Done));
}

#[test]
fn keyboard_space_marks_the_focused_step_done() {
    let dir = tempfile::tempdir().unwrap();
    saved_routine(dir.path());
    let mut h = harness(dir.path());
    h.get_by_label("Done: Lights out").focus();
    h.run();
    h.key_press(egui::Key::Space);
    h.run();
    assert_eq!(outcome(dir.path(), "lights-out"), Some(Outcome::Done));
}

#[test]
fn humidity_reading_is_stored_with_advice() {
    let dir = tempfile::tempdir().unwrap();
    saved_routine(dir.path());
    let mut h = harness(dir.path());
    h.get_by_label("Bedroom humidity (%)").focus();
    h.run();
    h.get_by_label("Bedroom humidity (%)").type_text("35");
    h.run();
    h.get_by_label("Save reading").click();
    h.run();
    let journal = store(dir.path()).load_journal().unwrap().value;
    assert_eq!(journal.check_in(evening(), "humidity-check").unwrap().value, Some(35.0));
    h.get_by_label_contains("35 % is dry");
}

#[test]
fn all_done_shows_the_calm_state() {
    let dir = tempfile::tempdir().unwrap();
    saved_routine(dir.path());
    let s = store(dir.path());
    let at = chrono::DateTime::parse_from_rfc3339("2026-11-26T21:00:00+01:00").unwrap();
    for step in Config::default().routine.steps {
        Change::Check { evening: evening(), step: step.id, outcome: Outcome::Done, value: None, at }.apply(&s).unwrap();
    }
    let h = harness(dir.path());
    h.get_by_label("All done — sleep well.");
}

#[test]
fn editing_an_anchor_moves_the_step_in_the_preview_and_the_plan() {
    let dir = tempfile::tempdir().unwrap();
    saved_routine(dir.path());
    let mut h = harness(dir.path());
    h.get_by_label("Routine").click();
    h.run();
    h.get_by_label("Edit: Warm bath").click();
    h.run();
    h.get_by_label("Minutes").set_value_accesskit(120.0);
    h.run();
    h.get_by_label("Tonight at 20:30");
    let config = store(dir.path()).load_config().unwrap().value;
    assert_eq!(config.routine.get("warm-bath").unwrap().anchor, Anchor::BeforeBedtime { minutes: 120 });
    // The command line sees the same change.
    let plan = support::run(dir.path(), &["plan", "--date", "2026-11-26", "--json"]).ok().json();
    let bath = plan.as_array().unwrap().iter().find(|s| s["id"] == "warm-bath").unwrap();
    assert!(bath["due"].as_str().unwrap().starts_with("2026-11-26T20:30:00"), "{bath}");
}

#[test]
fn reorder_delete_undo_and_custom_steps() {
    let dir = tempfile::tempdir().unwrap();
    saved_routine(dir.path());
    let mut h = harness(dir.path());
    h.get_by_label("Routine").click();
    h.run();
    let position = |dir: &Path, id: &str| store(dir).load_config().unwrap().value.routine.position(id);
    let before = position(dir.path(), "warm-bath").unwrap();
    h.get_by_label("Delete: Warm bath").click();
    h.run();
    assert_eq!(position(dir.path(), "warm-bath"), None);
    h.get_by_label("Undo").click();
    h.run();
    assert_eq!(position(dir.path(), "warm-bath"), Some(before));
    add_custom_step(&mut h, "Read a paper book");
    let config = store(dir.path()).load_config().unwrap().value;
    assert_eq!(config.routine.steps.last().unwrap().title(), "Read a paper book");
    assert_eq!(config.routine.steps.last().unwrap().id, "read-a-paper-book");
    // Turning a step off keeps it in the routine but drops it from the preview.
    h.get_by_label("Use: Warm bath").click();
    h.run();
    assert!(!store(dir.path()).load_config().unwrap().value.routine.get("warm-bath").unwrap().enabled);
}

/// A full routine (100 steps) refuses one more with the same sentence as the command
/// line, and nothing is saved.
#[test]
fn a_full_routine_refuses_one_more_step_with_a_sentence() {
    let dir = tempfile::tempdir().unwrap();
    let mut config = Config::default();
    while config.routine.steps.len() < bedtime_coach::model::routine::MAX_STEPS {
        let id = config.routine.unique_id_for("extra");
        config.routine.steps.push(bedtime_coach::model::Step::custom(
            id,
            "Extra".into(),
            Anchor::BeforeBedtime { minutes: 5 },
        ));
    }
    Change::SaveConfig(config).apply(&store(dir.path())).unwrap();
    let before = std::fs::read(Paths::in_dir(dir.path()).routine_file()).unwrap();
    // Tall enough that the field below a hundred steps is on screen.
    let mut h = harness_in(dir.path(), Language::English, egui::vec2(1280.0, 8000.0));
    h.get_by_label("Routine").click();
    h.run();
    add_custom_step(&mut h, "Read a paper book");
    h.get_by_label_contains("A routine can have at most 100 steps; remove one before adding another.");
    assert_eq!(std::fs::read(Paths::in_dir(dir.path()).routine_file()).unwrap(), before);
}

#[test]
fn schedule_and_settings_save_through_the_store() {
    let dir = tempfile::tempdir().unwrap();
    saved_routine(dir.path());
    let mut h = harness(dir.path());
    h.get_by_label("Schedule").click();
    h.run();
    h.get_by_label("Wake time").focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_label("Wake time").type_text("06:00");
    h.key_press(egui::Key::Enter);
    h.run();
    let config = store(dir.path()).load_config().unwrap().value;
    assert_eq!(config.schedule.every_day.wake.to_string(), "06:00:00");
    h.get_by_label_contains("under 8 h");
    h.get_by_label("Settings").click();
    h.run();
    h.get_by_label("Light").click();
    h.run();
    h.get_by_label("Southern hemisphere").click();
    h.run();
    let config = store(dir.path()).load_config().unwrap().value;
    assert_eq!(config.settings.theme, bedtime_coach::model::Theme::Light);
    assert_eq!(config.settings.hemisphere, bedtime_coach::model::Hemisphere::Southern);
    h.get_by_label_contains(&dir.path().display().to_string());
}

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

#[test]
fn a_step_title_opens_its_why() {
    let dir = tempfile::tempdir().unwrap();
    saved_routine(dir.path());
    // Narrow: a wide window shows the current step's (the bath's) reason beside the list.
    let mut h = harness_in(dir.path(), Language::English, egui::vec2(720.0, 1400.0));
    let why = bedtime_coach::model::catalog::find("warm-bath").unwrap().why;
    assert!(h.query_by_label(why).is_none());
    h.get_by_label("Warm bath").click();
    h.run();
    h.get_by_label(why);
    h.get_by_label("Warm bath").click();
    h.run();
    assert!(h.query_by_label(why).is_none());
}

#[test]
fn pause_tonight_reaches_the_reminder_log() {
    let dir = tempfile::tempdir().unwrap();
    saved_routine(dir.path());
    let mut h = harness(dir.path());
    h.get_by_label("Pause reminders tonight").click();
    h.run();
    assert!(store(dir.path()).load_reminders().unwrap().value.is_paused(evening()));
    h.get_by_label("Reminders are paused for tonight.");
    h.get_by_label("Resume reminders").click();
    h.run();
    assert!(!store(dir.path()).load_reminders().unwrap().value.is_paused(evening()));
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
    let mut config = Config::default();
    let bedtime = (Local::now() + chrono::TimeDelta::hours(3)).time();
    let bedtime = chrono::NaiveTime::from_hms_opt(bedtime.hour(), bedtime.minute(), 0).unwrap();
    let wake = bedtime + chrono::TimeDelta::hours(8);
    config.schedule.set(Some(bedtime), Some(wake), &[]).unwrap();
    let tonight = evening_at(&config, &Local::now());
    Change::SaveConfig(config).apply(&store(dir.path())).unwrap();
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
    let _kill = KillPid(pid);
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

/// Ends a process started by the code under test when the test ends, pass or fail.
struct KillPid(u32);

impl Drop for KillPid {
    fn drop(&mut self) {
        let _ = std::process::Command::new("kill").arg(self.0.to_string()).status();
    }
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
        .spawn()
        .unwrap();
    // Killed even when an assertion below fails: a service left behind would outlive the test run.
    let service = support::KillOnDrop(service);
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while !store(dir.path())
        .load_reminders()
        .unwrap()
        .value
        .file_reports
        .iter()
        .any(|n| n.contains("could not be read"))
    {
        assert!(std::time::Instant::now() < deadline, "the service kept no notice");
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    drop(service);
    let h = harness(dir.path());
    h.get_by_label_contains("journal.json.corrupt-");
    assert!(store(dir.path()).load_reminders().unwrap().value.file_reports.is_empty(), "shown once");
}

#[test]
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

// In Russian. The App draws in its own language on the test's thread, so these run in
// parallel with the English ones. Step titles still come from the catalog as they are,
// so the tests find steps by the Russian half of a label only.

fn harness_ru(dir: &Path) -> Harness<'static, App> {
    harness_in(dir, Language::Russian, egui::vec2(1280.0, 1400.0))
}

fn check(dir: &Path, steps: &[&str], outcome: Outcome) {
    let at = chrono::DateTime::parse_from_rfc3339("2026-11-26T21:00:00+01:00").unwrap();
    for step in steps {
        let step = (*step).to_owned();
        Change::Check { evening: evening(), step, outcome, value: None, at }.apply(&store(dir)).unwrap();
    }
}

#[test]
fn tonight_in_russian_counts_with_russian_plurals() {
    let dir = tempfile::tempdir().unwrap();
    saved_routine(dir.path());
    let total = Config::default().routine.steps.iter().filter(|s| s.enabled).count();
    let h = harness_ru(dir.path());
    h.get_by_label("Сегодня");
    h.get_by_label("Распорядок");
    h.get_by_label("Вечер четверга, 26 ноября 2026");
    h.get_by_label("Отбой в 22:30 — через 1 ч 20 мин");
    h.get_by_label("8 ч 30 мин до будильника в 07:00");
    h.get_by_label("Без интернета: данные остаются на этом компьютере");
    h.get_by_label(&format!("Сделано 0 шагов из {total}"));
    assert!(h.query_all_by_label_contains("Пропустить: ").count() > 1);
    drop(h);
    for (done, text) in [
        (&["warm-bath"][..], format!("Сделан 1 шаг из {total}")),
        (&["calm-ambience"][..], format!("Сделано 2 шага из {total}")),
        (&["ventilate-bedroom", "caffeine-cutoff", "lights-out"][..], format!("Сделано 5 шагов из {total}")),
    ] {
        check(dir.path(), done, Outcome::Done);
        harness_ru(dir.path()).get_by_label(&text);
    }
    check(dir.path(), &["set-alarm"], Outcome::Skipped);
    let h = harness_ru(dir.path());
    h.get_by_label(&format!("Сделано 5 шагов из {total}, пропущен 1"));
    assert_eq!(h.query_all_by_label("сделано в 21:00").count(), 5);
    h.get_by_label("пропущено");
    assert!(h.query_by_label_contains(" done").is_none(), "no English left on Tonight");
}

#[test]
fn done_by_its_russian_label_reaches_the_journal() {
    let dir = tempfile::tempdir().unwrap();
    saved_routine(dir.path());
    let mut h = harness_ru(dir.path());
    let done_buttons = h.query_all_by_label_contains("Готово: ").count();
    h.query_all_by_label_contains("Готово: ").next().unwrap().click();
    h.run();
    let journal = store(dir.path()).load_journal().unwrap().value;
    let checked: Vec<_> = Config::default()
        .routine
        .steps
        .iter()
        .filter_map(|step| journal.check_in(evening(), &step.id).map(|c| (step.id.clone(), c.outcome)))
        .collect();
    assert_eq!(checked.len(), 1, "{checked:?}");
    assert_eq!(checked[0].1, Outcome::Done);
    assert_eq!(h.query_all_by_label_contains("Готово: ").count(), done_buttons - 1);
    h.get_by_label_contains("Отменить: ");
    h.get_by_label_contains("Сделан 1 шаг из ");
}

#[test]
fn choosing_a_language_in_settings_switches_the_window_at_once() {
    let dir = tempfile::tempdir().unwrap();
    saved_routine(dir.path());
    let mut h = harness(dir.path());
    h.get_by_label("Settings").click();
    h.run();
    h.get_by_label("Language");
    h.get_by_label("System");
    h.get_by_label("Русский").click();
    h.run();
    let settings = store(dir.path()).load_config().unwrap().value.settings;
    assert_eq!(settings.language, bedtime_coach::model::settings::LanguageChoice::Russian);
    assert_eq!(h.state().language(), Language::Russian);
    // The next frame is drawn in Russian; the native names stay as they are.
    h.get_by_label("Язык");
    h.get_by_label("Язык системы");
    h.get_by_label("English");
    assert!(h.query_by_label("Settings").is_none());
    h.get_by_label("Сегодня").click();
    h.run();
    h.get_by_label_contains("Отбой в 22:30");
    h.get_by_label("Настройки").click();
    h.run();
    h.get_by_label("English").click();
    h.run();
    h.get_by_label("Language");
    h.get_by_label("Русский");
    assert_eq!(h.state().language(), Language::English);
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

/// Types `text` into the field labelled `label`, replacing what was there, and leaves it.
fn retype(h: &mut Harness<'static, App>, label: &str, text: &str) {
    h.get_by_label(label).focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_label(label).type_text(text);
    h.key_press(egui::Key::Tab);
    h.run();
}

#[test]
fn setup_accepts_10pm_and_says_why_25_00_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    retype(&mut h, "Bedtime", "25:00");
    h.get_by_label("Use HH:MM, like 22:30 (or 10:30 pm)");
    // No stale plan while the time does not read.
    h.get_by_label("The preview comes back once both times read like 22:30.");
    assert!(h.query_by_label_contains("in bed before your").is_none());
    retype(&mut h, "Bedtime", "10pm");
    assert!(h.query_by_label("Use HH:MM, like 22:30 (or 10:30 pm)").is_none());
    assert!(h.query_by_label("The preview comes back once both times read like 22:30.").is_none());
    h.get_by_label("9 h in bed before your 07:00 alarm");
    h.get_by_label("Save my routine").click();
    h.run();
    let config = store(dir.path()).load_config().unwrap().value;
    assert_eq!(config.schedule.every_day.bedtime.to_string(), "22:00:00");
}

#[test]
fn setup_asks_the_hemisphere_before_the_seasonal_step() {
    use egui_kittest::kittest::NodeT;
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    h.get_by_label("Where do you live?");
    let warm = || egui::accesskit::Role::CheckBox;
    assert!(h.get_by_role_and_label(warm(), "Keep hands and feet warm").accesskit_node().is_disabled());
    h.get_by_label("Southern hemisphere").click();
    h.run();
    assert!(!h.get_by_role_and_label(warm(), "Keep hands and feet warm").accesskit_node().is_disabled());
    h.get_by_label("Save my routine").click();
    h.run();
    let config = store(dir.path()).load_config().unwrap().value;
    assert_eq!(config.settings.hemisphere, bedtime_coach::model::Hemisphere::Southern);
    assert!(config.routine.get("warm-hands-feet").is_some());
}

#[test]
fn every_day_and_back_keeps_saturdays_night() {
    use bedtime_coach::model::Day;
    let dir = tempfile::tempdir().unwrap();
    saved_routine(dir.path());
    let mut h = harness(dir.path());
    h.get_by_label("Schedule").click();
    h.run();
    h.get_by_label("Different on some days").click();
    h.run();
    // The night reads as it is lived: Saturday night, up on Sunday.
    h.get_by_label("Saturday night:");
    h.get_by_label("— up on Sunday");
    retype(&mut h, "Saturday night: bedtime", "23:30");
    retype(&mut h, "Saturday night: wake on Sunday", "09:00");
    let schedule = || store(dir.path()).load_config().unwrap().value.schedule;
    assert_eq!(schedule().night(Day::Sat).bedtime.to_string(), "23:30:00");
    assert_eq!(schedule().night(Day::Sat).wake.to_string(), "09:00:00");
    h.get_by_label("Same time every day").click();
    h.run();
    assert!(!schedule().is_per_weekday());
    assert_eq!(schedule().night(Day::Sat).wake.to_string(), "07:00:00");
    h.get_by_label_contains("Your nights for particular days are kept");
    h.get_by_label("Different on some days").click();
    h.run();
    assert!(schedule().is_per_weekday());
    assert_eq!(schedule().night(Day::Sat).bedtime.to_string(), "23:30:00");
    assert_eq!(schedule().night(Day::Sat).wake.to_string(), "09:00:00");
    assert_eq!(h.get_by_label("Saturday night: wake on Sunday").value().as_deref(), Some("09:00"));
}

#[test]
fn the_weekend_shortcut_sets_the_saturday_and_sunday_mornings() {
    use bedtime_coach::model::Day;
    let dir = tempfile::tempdir().unwrap();
    saved_routine(dir.path());
    let mut h = harness(dir.path());
    h.get_by_label("Schedule").click();
    h.run();
    h.get_by_label("Different on some days").click();
    h.run();
    retype(&mut h, "Weekend mornings: wake time", "09:00");
    retype(&mut h, "Weekend nights: bedtime", "23:30");
    let schedule = store(dir.path()).load_config().unwrap().value.schedule;
    // Friday night ends on Saturday morning, Saturday night on Sunday morning.
    for day in [Day::Fri, Day::Sat] {
        assert_eq!(schedule.night(day).wake.to_string(), "09:00:00", "{day:?}");
        assert_eq!(schedule.night(day).bedtime.to_string(), "23:30:00", "{day:?}");
    }
    for day in [Day::Sun, Day::Mon, Day::Thu] {
        assert_eq!(schedule.night(day).wake.to_string(), "07:00:00", "{day:?}");
    }
    assert_eq!(schedule.wake(support::date(2026, 11, 28)), support::date(2026, 11, 29).and_hms_opt(9, 0, 0).unwrap());
    assert_eq!(h.get_by_label("Saturday night: wake on Sunday").value().as_deref(), Some("09:00"));
}

/// The steps of the routine list, top to bottom, by their Edit buttons.
fn listed_steps(h: &Harness<'static, App>) -> Vec<String> {
    use egui_kittest::kittest::NodeT;
    // Buttons only: the editor's heading reads "Edit: …" too.
    h.query_all_by_label_contains("Edit: ")
        .filter(|node| node.accesskit_node().role() == egui::accesskit::Role::Button)
        .filter_map(|node| node.accesskit_node().label())
        .map(|label| label.replacen("Edit: ", "", 1))
        .collect()
}

#[test]
fn the_routine_is_listed_in_time_order_and_a_new_step_lands_by_its_time() {
    use bedtime_coach::model::plan::due_local;
    let dir = tempfile::tempdir().unwrap();
    saved_routine(dir.path());
    let mut h = harness(dir.path());
    h.get_by_label("Routine").click();
    h.run();
    let config = store(dir.path()).load_config().unwrap().value;
    let mut steps: Vec<_> = config.routine.steps.iter().collect();
    steps.sort_by_key(|step| due_local(&config, evening(), step.anchor));
    let expected: Vec<String> = steps.iter().map(|step| step.title().to_owned()).collect();
    assert_eq!(listed_steps(&h), expected);
    // No Up/Down: the order is the clock's.
    assert!(h.query_by_label_contains("Move up").is_none());
    add_custom_step(&mut h, "Read a paper book");
    let listed = listed_steps(&h);
    let book = listed.iter().position(|title| title == "Read a paper book").unwrap();
    let lights_out = listed.iter().position(|title| title == "Lights out").unwrap();
    assert!(book < lights_out, "{listed:?}");
}

#[test]
fn the_minutes_step_by_five_and_read_as_hours() {
    let dir = tempfile::tempdir().unwrap();
    saved_routine(dir.path());
    let mut h = harness(dir.path());
    h.get_by_label("Routine").click();
    h.run();
    h.get_by_label("Edit: Warm bath").click();
    h.run();
    let minutes = |dir: &Path| store(dir).load_config().unwrap().value.routine.get("warm-bath").unwrap().anchor;
    let Anchor::BeforeBedtime { minutes: before } = minutes(dir.path()) else { panic!() };
    h.get_by_label("5 minutes more").click();
    h.run();
    assert_eq!(minutes(dir.path()), Anchor::BeforeBedtime { minutes: before + 5 });
    h.get_by_label("5 minutes less").click();
    h.run();
    h.get_by_label("5 minutes less").click();
    h.run();
    assert_eq!(minutes(dir.path()), Anchor::BeforeBedtime { minutes: before - 5 });
    // Dragging the field does nothing: a slip of the mouse cannot move the step.
    let field = h.get_by_label("Minutes");
    let at = field.rect().center();
    h.drag_at(at);
    h.run();
    h.hover_at(at + egui::vec2(60.0, 0.0));
    h.run();
    h.drop_at(at + egui::vec2(60.0, 0.0));
    h.run();
    assert_eq!(minutes(dir.path()), Anchor::BeforeBedtime { minutes: before - 5 });
    // After waking: the morning's time, and minutes read as hours.
    h.get_by_label("After waking").click();
    h.run();
    h.get_by_label("Minutes").set_value_accesskit(180.0);
    h.run();
    assert_eq!(minutes(dir.path()), Anchor::AfterWake { minutes: 180 });
    assert_eq!(h.get_by_label("Minutes").value().as_deref(), Some("3 h"));
    h.get_by_label("In the morning at 10:00");
    assert!(h.query_by_label_contains("Tonight at").is_none());
}

#[test]
fn a_custom_step_saves_an_optional_why() {
    let dir = tempfile::tempdir().unwrap();
    saved_routine(dir.path());
    let mut h = harness(dir.path());
    h.get_by_label("Routine").click();
    h.run();
    add_custom_step(&mut h, "Read a paper book");
    h.get_by_label("Why (optional)").focus();
    h.run();
    h.get_by_label("Why (optional)").type_text("Paper, not a screen");
    h.run();
    h.key_press(egui::Key::Escape);
    h.run();
    h.run();
    let config = store(dir.path()).load_config().unwrap().value;
    assert_eq!(config.routine.get("read-a-paper-book").unwrap().why.as_deref(), Some("Paper, not a screen"));
    // Catalog steps keep the article's reason, not a field.
    h.get_by_label("Edit: Warm bath").click();
    h.run();
    assert!(h.query_by_label("Why (optional)").is_none());
}

#[test]
fn short_night_warnings_wrap_in_the_smallest_window() {
    let dir = tempfile::tempdir().unwrap();
    saved_routine(dir.path());
    // Every night short, and Saturday's shorter, so the weekday rows show.
    let (late, later) = (chrono::NaiveTime::from_hms_opt(1, 0, 0), chrono::NaiveTime::from_hms_opt(2, 0, 0));
    Change::SetNights { days: Vec::new(), bedtime: late, wake: None }.apply(&store(dir.path())).unwrap();
    let sat = vec![bedtime_coach::model::Day::Sat];
    Change::SetNights { days: sat, bedtime: later, wake: None }.apply(&store(dir.path())).unwrap();
    for language in [Language::English, Language::Russian] {
        let mut h = harness_in(dir.path(), language, egui::vec2(720.0, 520.0));
        let schedule = if language == Language::English { "Schedule" } else { "Режим сна" };
        h.get_by_label(schedule).click();
        h.run();
        assert_fits(&h, "schedule with short nights");
        let advice = if language == Language::English { "nine or ten" } else { "девять" };
        assert!(h.query_all_by_label_contains(advice).count() >= 3, "{language:?}");
    }
}

#[test]
fn settings_asks_the_service_for_a_test_notification_and_shows_the_answer() {
    let dir = tempfile::tempdir().unwrap();
    saved_routine(dir.path());
    let mut h = harness(dir.path());
    h.run();
    h.get_by_label("Settings").click();
    h.run();
    // The window never sends a notification itself: the request goes into the reminder
    // log for the service (none runs here, and Settings says so).
    h.get_by_label("Send a test notification").click();
    h.run();
    let log = store(dir.path()).load_reminders().unwrap().value;
    let asked = log.test_requested_at.expect("a test request in the reminder log");
    h.get_by_label_contains("The reminder service is not running; it shows the test notification when it starts.");
    // The service's answer, as it writes it, shows under the button.
    store(dir.path())
        .update_reminders(|log| {
            log.record_test(bedtime_coach::model::reminders::TestResult {
                requested_at: asked,
                at: asked,
                shown: false,
                reason: Some("Desktop notifications are not available in this session.".to_owned()),
                extra: Default::default(),
            });
            Ok::<_, bedtime_coach::store::StoreError>(())
        })
        .unwrap();
    h.run();
    let time = asked.format("%H:%M").to_string();
    h.get_by_label_contains(&format!("The test notification at {time} could not be shown. Desktop notifications"));
}

/// The window at `hour:minute` on the test evening (or the next morning past midnight).
fn harness_at(dir: &Path, day: u32, hour: u32, minute: u32) -> Harness<'static, App> {
    let at = support::date(2026, 11, day).and_hms_opt(hour, minute, 0).unwrap();
    let now = Local.from_local_datetime(&at).earliest().unwrap();
    harness_of(
        App::new(Coach::at(Paths::in_dir(dir)), Arc::new(move || now)).in_language(Language::English),
        egui::vec2(1280.0, 1400.0),
    )
}

/// Tonight's step ids in time order, with their English titles.
fn steps_in_order() -> Vec<(String, String)> {
    let plan = bedtime_coach::model::plan_evening(&Config::default(), evening(), &Local, None);
    plan.steps.iter().map(|s| (s.id.clone(), s.title.clone())).collect()
}

#[test]
fn space_then_tab_checks_off_the_evening_step_by_step() {
    let dir = tempfile::tempdir().unwrap();
    saved_routine(dir.path());
    let mut h = harness(dir.path());
    let steps = steps_in_order();
    let start = steps.iter().position(|(id, _)| id == "warm-bath").unwrap();
    h.get_by_label("Done: Warm bath").focus();
    h.run();
    for pair in steps[start..].windows(2) {
        let ((id, title), (_, next)) = (&pair[0], &pair[1]);
        h.key_press(egui::Key::Space);
        h.run();
        assert_eq!(outcome(dir.path(), id), Some(Outcome::Done), "Space on Done: {title}");
        // The focus stays in the row: its Undo took the place of Done.
        assert!(h.get_by_label(&format!("Undo: {title}")).is_focused(), "Undo: {title} has the focus");
        h.key_press(egui::Key::Tab);
        h.run();
        assert!(h.get_by_label(&format!("Done: {next}")).is_focused(), "Tab after {title} lands on Done: {next}");
    }
    // Undo by keyboard gives the focus back to the row's Done.
    let (_, last) = &steps[steps.len() - 1];
    h.key_press(egui::Key::Space);
    h.run();
    h.key_press(egui::Key::Space);
    h.run();
    assert!(h.get_by_label(&format!("Done: {last}")).is_focused());
}

#[test]
fn titles_are_no_focus_stops_and_the_focused_row_offers_why() {
    let dir = tempfile::tempdir().unwrap();
    saved_routine(dir.path());
    let mut h = harness(dir.path());
    let steps = steps_in_order();
    let at = steps.iter().position(|(id, _)| id == "warm-bath").unwrap();
    let next = &steps[at + 1].1;
    // Tonight opens with the bath's Done in focus: only its row offers Why?.
    h.run();
    assert!(h.query_by_label(&format!("Why: {next}")).is_none(), "Why? only for the focused row");
    h.get_by_label("Skip: Warm bath").focus();
    h.run();
    h.key_press(egui::Key::Tab);
    h.run();
    // From Skip straight to the next row's Done: its title is no stop of its own.
    assert!(h.get_by_label(&format!("Done: {next}")).is_focused());
    h.get_by_label("Done: Warm bath").focus();
    h.run();
    h.run();
    let why = bedtime_coach::model::catalog::find("warm-bath").unwrap().why;
    // The wide window shows the focused row's reason beside the list; the list itself
    // unfolds it only on Why?.
    let shown = h.query_all_by_label(why).count();
    assert!(shown <= 1);
    h.key_press_modifiers(egui::Modifiers::SHIFT, egui::Key::Tab);
    h.run();
    assert!(h.get_by_label("Why: Warm bath").is_focused());
    h.key_press(egui::Key::Space);
    h.run();
    assert_eq!(h.query_all_by_label(why).count(), shown + 1);
}

#[test]
fn ctrl_z_undoes_the_last_changes_in_turn() {
    let dir = tempfile::tempdir().unwrap();
    saved_routine(dir.path());
    let mut h = harness(dir.path());
    let undo = |h: &mut Harness<'static, App>| {
        h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
        h.run();
    };
    h.get_by_label("Done: Warm bath").click();
    h.run();
    h.get_by_label("Skip: Candles and calm music").click();
    h.run();
    h.get_by_label("Undo: Warm bath").click();
    h.run();
    assert_eq!(outcome(dir.path(), "warm-bath"), None);
    // The undone check-in comes back as it was, then the skip and the check go.
    undo(&mut h);
    assert_eq!(outcome(dir.path(), "warm-bath"), Some(Outcome::Done));
    undo(&mut h);
    assert_eq!(outcome(dir.path(), "calm-ambience"), None);
    assert_eq!(outcome(dir.path(), "warm-bath"), Some(Outcome::Done));
    undo(&mut h);
    assert_eq!(outcome(dir.path(), "warm-bath"), None);
    undo(&mut h);
    assert_eq!(outcome(dir.path(), "warm-bath"), None, "nothing left to undo");
    // A removed step returns to its place.
    h.get_by_label("Routine").click();
    h.run();
    let routine = || store(dir.path()).load_config().unwrap().value.routine;
    let before = routine().position("warm-bath");
    h.get_by_label("Delete: Warm bath").click();
    h.run();
    assert_eq!(routine().position("warm-bath"), None);
    undo(&mut h);
    assert_eq!(routine().position("warm-bath"), before);
    // The banner's Undo went with it.
    assert!(h.query_by_label("Undo").is_none());
}

/// (The marks √ – ! • are drawn, not read: a screen reader hears the words alone.)
#[test]
fn done_skipped_missed_and_due_each_have_a_mark() {
    let dir = tempfile::tempdir().unwrap();
    saved_routine(dir.path());
    check(dir.path(), &["warm-bath"], Outcome::Done);
    check(dir.path(), &["calm-ambience"], Outcome::Skipped);
    let h = harness(dir.path());
    h.get_by_label("done at 21:00");
    h.get_by_label("skipped");
    assert!(h.query_all_by_label("missed").count() >= 1, "the caffeine cut-off passed unchecked");
    drop(h);
    // Once every step whose time has come is settled, the next one is marked.
    let now = Local.from_local_datetime(&evening().and_hms_opt(21, 10, 0).unwrap()).earliest().unwrap();
    let plan = bedtime_coach::model::plan_evening(&Config::default(), evening(), &Local, None);
    let past: Vec<&str> = plan.steps.iter().filter(|s| s.due <= now).map(|s| s.id.as_str()).collect();
    check(dir.path(), &past, Outcome::Done);
    let h = harness(dir.path());
    assert!(h.query_by_label("due now").is_none());
    assert!(h.query_by_label("missed").is_none());
    assert_eq!(h.query_all_by_label_contains("next, in").count(), 1);
}

/// The evening of issue 19: at 19:38 the 19:30 dinner is due now (within the grace
/// window), and the 07:00 morning warm-up, long past, is missed, not "due now".
#[test]
fn due_now_is_the_step_within_its_grace_window_not_the_mornings() {
    let dir = tempfile::tempdir().unwrap();
    saved_routine(dir.path());
    let mut h = harness_at(dir.path(), 26, 19, 38);
    h.run();
    assert_eq!(h.query_all_by_label("due now").count(), 1);
    let dinner_row = h.get_by_label("Done: Mineral-rich dinner").rect();
    let due = h.get_by_label("due now").rect();
    assert!((due.center().y - dinner_row.center().y).abs() < 12.0, "due now sits on the dinner's row");
    let warm_up = h.get_by_label("Done: Morning warm-up and more walking").rect();
    let missed: Vec<_> = h.query_all_by_label("missed").map(|n| n.rect()).collect();
    assert!(missed.iter().any(|r| (r.center().y - warm_up.center().y).abs() < 12.0), "the warm-up is missed");
    drop(h);
    // Past the grace window the dinner is missed too; the next step is marked next.
    let h = harness_at(dir.path(), 26, 19, 50);
    assert!(h.query_by_label("due now").is_none());
    assert_eq!(h.query_all_by_label_contains("next, in").count(), 1);
}

/// After bedtime the side panel says how many steps are left, never "settled".
#[test]
fn after_bedtime_the_side_panel_does_not_call_open_steps_settled() {
    let dir = tempfile::tempdir().unwrap();
    saved_routine(dir.path());
    check(dir.path(), &["warm-bath"], Outcome::Done);
    let mut h = harness_at(dir.path(), 26, 23, 0);
    h.run();
    assert!(h.query_by_label("Everything is settled for tonight.").is_none());
    let left = steps_in_order().len() - 1;
    h.get_by_label_contains(&format!("Past bedtime: {left} steps were not done tonight."));
    drop(h);
    // With every step settled, it is true.
    let ids: Vec<String> = steps_in_order().into_iter().map(|(id, _)| id).collect();
    check(dir.path(), &ids.iter().map(String::as_str).collect::<Vec<_>>(), Outcome::Done);
    let mut h = harness_at(dir.path(), 26, 23, 0);
    h.run();
    h.get_by_label("Everything is settled for tonight.");
}

#[test]
fn after_bedtime_the_night_view_counts_down_to_the_alarm() {
    let dir = tempfile::tempdir().unwrap();
    saved_routine(dir.path());
    check(dir.path(), &["warm-bath"], Outcome::Done);
    let mut h = harness_at(dir.path(), 26, 23, 0);
    h.get_by_label("Past bedtime (22:30) — lights out and sleep well");
    h.get_by_label("8 h until your 07:00 alarm");
    assert!(h.query_by_label("Pause reminders tonight").is_none());
    assert!(h.query_by_label_contains("coffee").is_none());
    assert!(h.query_by_label_contains("Caffeine").is_none());
    h.get_by_label("Undo: Warm bath");
    let left = steps_in_order().len() - 1;
    // The steps left are folded away under one header.
    assert!(h.query_by_label("Done: Lights out").is_none());
    h.get_by_label(&format!("Not done tonight: {left}")).click();
    h.run();
    h.get_by_label("Done: Lights out");
    assert!(h.query_by_label("due now").is_none());
    drop(h);
    // Past midnight it still counts down.
    let h = harness_at(dir.path(), 27, 1, 15);
    h.get_by_label("5 h 45 min until your 07:00 alarm");
    drop(h);
    // After the alarm a new evening starts clean.
    let h = harness_at(dir.path(), 27, 7, 1);
    h.get_by_label_contains("Bedtime 22:30 — in");
    h.get_by_label("Done: Warm bath");
    assert!(h.query_by_label_contains("Not done tonight").is_none());
    h.get_by_label("Pause reminders tonight");
}

#[test]
fn ctrl_z_takes_back_a_pause() {
    let dir = tempfile::tempdir().unwrap();
    saved_routine(dir.path());
    let mut h = harness(dir.path());
    let paused = || store(dir.path()).load_reminders().unwrap().value.is_paused(evening());
    h.get_by_label("Pause reminders tonight").click();
    h.run();
    assert!(paused());
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert!(!paused());
}

#[test]
fn tab_after_an_action_skips_rows_already_settled() {
    let dir = tempfile::tempdir().unwrap();
    saved_routine(dir.path());
    let steps = steps_in_order();
    let at = steps.iter().position(|(id, _)| id == "warm-bath").unwrap();
    check(dir.path(), &[steps[at + 1].0.as_str(), steps[at + 2].0.as_str()], Outcome::Done);
    let mut h = harness(dir.path());
    h.get_by_label("Done: Warm bath").focus();
    h.run();
    h.key_press(egui::Key::Space);
    h.run();
    h.key_press(egui::Key::Tab);
    h.run();
    let next = &steps[at + 3].1;
    assert!(h.get_by_label(&format!("Done: {next}")).is_focused(), "Tab goes past two done rows to Done: {next}");
    // A plain Tab, not right after an action, goes to the next widget as always.
    h.key_press(egui::Key::Tab);
    h.run();
    assert!(h.get_by_label(&format!("Skip: {next}")).is_focused());
}

#[test]
fn a_wide_window_shows_why_the_current_step_helps_beside_the_list() {
    let dir = tempfile::tempdir().unwrap();
    saved_routine(dir.path());
    // 21:10 on the test evening, nothing checked: the step due now (the 21:00 bath).
    let mut h = harness_in(dir.path(), Language::English, egui::vec2(1280.0, 800.0));
    h.run();
    let plan = bedtime_coach::model::plan_evening(&Config::default(), evening(), &Local, None);
    let now = Local.from_local_datetime(&evening().and_hms_opt(21, 10, 0).unwrap()).earliest().unwrap();
    let first = &plan.current(&now).unwrap().id;
    assert_eq!(first, "warm-bath");
    let why = bedtime_coach::i18n::with_language(Language::English, || bedtime_coach::i18n::catalog_why(first));
    assert!(h.query_all_by_label(&why).count() >= 1, "the reason of {first} beside the list");
    // The article's own advice under it, labelled as such (with its colon: it is no sentence
    // of the article's that starts "From the article Lead an active life").
    let advice = bedtime_coach::i18n::with_language(Language::English, || {
        bedtime_coach::i18n::catalog_from_article(first).unwrap_or_default()
    });
    h.get_by_label(&format!("From the article: {advice}"));
    // The minimum window keeps the list alone.
    let mut narrow = harness_in(dir.path(), Language::English, egui::vec2(720.0, 520.0));
    narrow.run();
    assert_eq!(narrow.query_all_by_label(&why).count(), 0);
}

#[test]
fn the_first_run_offers_a_notification_check() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    h.get_by_label("Welcome to Bedtime Coach");
    h.get_by_label("Send a test notification").click();
    h.run();
    let log = store(dir.path()).load_reminders().unwrap().value;
    assert!(log.test_requested_at.is_some(), "the request waits in the reminder log for the service");
    h.get_by_label_contains("the test notification comes once your routine is saved");
}

#[test]
fn settings_say_how_to_get_a_tray_when_the_desktop_has_none() {
    let dir = tempfile::tempdir().unwrap();
    saved_routine(dir.path());
    let hint = "Your desktop shows no tray icons";
    let shown = |tray_host| {
        let app = App::new(Coach::at(Paths::in_dir(dir.path())), clock())
            .in_language(Language::English)
            .with_tray_host(tray_host);
        let mut h = harness_of(app, egui::vec2(1280.0, 1400.0));
        h.get_by_label("Settings").click();
        h.run();
        h.query_by_label_contains(hint).is_some()
    };
    assert!(shown(Some(false)), "no hint without a tray host");
    assert!(!shown(Some(true)), "a hint although the tray shows");
    assert!(!shown(None), "a hint although nobody knows");
    let app = App::new(Coach::at(Paths::in_dir(dir.path())), clock())
        .in_language(Language::Russian)
        .with_tray_host(Some(false));
    let mut h = harness_of(app, egui::vec2(1280.0, 1400.0));
    h.get_by_label("Настройки").click();
    h.run();
    assert!(h.query_by_label_contains("gnome-shell-extension-appindicator").is_some());
}

/// A short routine (caffeine, bath, humidity, lights out) checked on the evenings of
/// 20–25 November: all done except the 22nd (not tracked) and the 23rd (one of four).
fn history_journal(dir: &Path) {
    let mut config = Config::default();
    let kept = ["caffeine-cutoff", "warm-bath", "humidity-check", "lights-out"];
    config.routine.steps.retain(|s| kept.contains(&s.id.as_str()));
    Change::SaveConfig(config).apply(&store(dir)).unwrap();
    for day in [20, 21, 23, 24, 25] {
        let evening = support::date(2026, 11, day);
        let at = Local.from_local_datetime(&evening.and_hms_opt(22, 0, 0).unwrap()).earliest().unwrap();
        for step in kept {
            if day == 23 && step != "warm-bath" {
                continue;
            }
            let value = (step == "humidity-check").then_some(45.0);
            let check = Change::Check { evening, step: step.into(), outcome: Outcome::Done, value, at: at.into() };
            check.apply(&store(dir)).unwrap();
        }
    }
}

#[test]
fn history_shows_the_streak_the_calendar_and_untracked_evenings() {
    let dir = tempfile::tempdir().unwrap();
    history_journal(dir.path());
    let mut h = harness_at(dir.path(), 26, 21, 10);
    h.get_by_label("History").click();
    h.run();
    // Two in a row since the 23rd's miss; the untracked 22nd did not break the first run.
    h.get_by_label("evenings in a row; best: 2");
    h.get_by_label_contains("5 tracked, 2 not tracked (not counted as misses). An evening counts when at least 80 %");
    h.get_by_label("November 2026");
    h.get_by_label("Tue 24 Nov: 4 of 4 steps");
    h.get_by_label("Sun 22 Nov: not tracked");
    h.get_by_label("Mon 23 Nov: 1 of 4 steps");
    h.get_by_label("Fri 27 Nov: still ahead");
    h.get_by_label("Last 30 evenings").click();
    h.run();
    h.get_by_label("Warm bath: 100 %, 5 of 5 evenings");
    h.get_by_label("Last strong coffee or tea: 80 %, 4 of 5 evenings");
    // The figures were computed once, not once per frame.
    for _ in 0..5 {
        h.run();
    }
    assert_eq!(h.state().history_computations(), 1);
    // Back a month and forward again with the keyboard-reachable buttons.
    h.get_by_label("Previous month").click();
    h.run();
    h.get_by_label("October 2026");
    h.get_by_label("Next month").click();
    h.run();
    h.get_by_label("November 2026");
}

#[test]
fn a_past_evening_is_corrected_from_the_calendar_and_reaches_the_file() {
    let dir = tempfile::tempdir().unwrap();
    history_journal(dir.path());
    let mut h = harness_at(dir.path(), 26, 21, 10);
    h.get_by_label("History").click();
    h.run();
    h.get_by_label("Mon 23 Nov: 1 of 4 steps").click();
    h.run();
    h.get_by_label("Evening of Monday 23 November 2026");
    h.get_by_label("1 of 4 steps done, 0 skipped");
    h.get_by_label("Done: Last strong coffee or tea").click();
    h.run();
    h.get_by_label("Skip: Lights out").click();
    h.run();
    h.get_by_label("Mark skipped: Warm bath").click();
    h.run();
    let journal = store(dir.path()).load_journal().unwrap().value;
    let day = support::date(2026, 11, 23);
    assert_eq!(journal.check_in(day, "caffeine-cutoff").map(|c| c.outcome), Some(Outcome::Done));
    assert_eq!(journal.check_in(day, "lights-out").map(|c| c.outcome), Some(Outcome::Skipped));
    assert_eq!(journal.check_in(day, "warm-bath").map(|c| c.outcome), Some(Outcome::Skipped));
    // Recorded at the time of the correction, which the row shows.
    h.get_by_label("1 of 4 steps done, 2 skipped");
    h.get_by_label("Mon 23 Nov: 1 of 4 steps");
    // A humidity reading for that evening, then Undo of the lights-out.
    h.get_by_label("Humidity reading for Mon 23 Nov").click();
    h.run();
    h.get_by_label("Humidity reading for Mon 23 Nov").type_text("52");
    h.run();
    h.get_by_label("Save reading").click();
    h.run();
    h.get_by_label("Undo: Lights out").click();
    h.run();
    let journal = store(dir.path()).load_journal().unwrap().value;
    assert_eq!(journal.check_in(day, "humidity-check").and_then(|c| c.value), Some(52.0));
    assert_eq!(journal.check_in(day, "lights-out"), None);
    // Recorded when corrected, days later: the row says which day.
    h.get_by_label("√ done (52 %), recorded Thu 26 Nov 21:10");
    // The statistics follow the file: the 23rd is now 2 of 4.
    h.get_by_label("Mon 23 Nov: 2 of 4 steps");
    // Keyboard: Tab to a day and Enter opens it.
    h.get_by_label("Tue 24 Nov: 4 of 4 steps").focus();
    h.run();
    h.key_press(egui::Key::Enter);
    h.run();
    h.get_by_label("Evening of Tuesday 24 November 2026");
    // Arrow keys move between days; Up from the 1st of a month goes to the month before.
    h.key_press(egui::Key::ArrowRight);
    h.run();
    h.key_press(egui::Key::Enter);
    h.run();
    h.get_by_label("Evening of Wednesday 25 November 2026");
    for _ in 0..4 {
        h.key_press(egui::Key::ArrowUp);
        h.run();
    }
    h.run();
    h.get_by_label("October 2026");
    h.key_press(egui::Key::Enter);
    h.run();
    h.get_by_label("Evening of Wednesday 28 October 2026");
    h.get_by_label("Next month").click();
    h.run();
    // An evening still ahead opens without buttons.
    h.get_by_label("Fri 27 Nov: still ahead").click();
    h.run();
    h.get_by_label("This evening is still ahead: check its steps off on the evening itself.");
    assert!(h.query_by_label("Done: Warm bath").is_none());
}

#[test]
fn history_with_no_data_says_so_and_still_lets_yesterday_be_filled_in() {
    let dir = tempfile::tempdir().unwrap();
    saved_routine(dir.path());
    let mut h = harness_at(dir.path(), 26, 21, 10);
    h.get_by_label("History").click();
    h.run();
    h.get_by_label("Nothing recorded yet. Check off a step tonight and your history starts here.");
    h.get_by_label("Wed 25 Nov: not tracked").click();
    h.run();
    h.get_by_label("Done: Warm bath").click();
    h.run();
    let journal = store(dir.path()).load_journal().unwrap().value;
    assert_eq!(journal.check_in(support::date(2026, 11, 25), "warm-bath").map(|c| c.outcome), Some(Outcome::Done));
    h.get_by_label("Wed 25 Nov: 1 of 13 steps");
}

#[test]
fn history_in_russian_fits_the_smallest_window() {
    let dir = tempfile::tempdir().unwrap();
    history_journal(dir.path());
    let mut h = harness_in(dir.path(), Language::Russian, egui::vec2(720.0, 520.0));
    h.get_by_label("История").click();
    // The Russian tabs and the calendar's grid take a few more passes to settle their sizes.
    h.run_steps(8);
    h.get_by_label("вт, 24 ноября: 4 из 4 шагов");
    assert_fits(&h, "history");
}

#[test]
fn settings_lists_tonights_reminders_and_lets_bedtime_through_do_not_disturb() {
    use bedtime_coach::model::reminders::{LogEntry, LogOutcome};
    let dir = tempfile::tempdir().unwrap();
    saved_routine(dir.path());
    let at = |h, m| Local.from_local_datetime(&evening().and_hms_opt(h, m, 0).unwrap()).earliest().unwrap();
    store(dir.path())
        .update_reminders(|log| {
            let bath = at(21, 0).fixed_offset();
            log.settle(evening(), "warm-bath", LogEntry::new(LogOutcome::Fired, bath, bath));
            log.hold(evening(), ":wind-down", at(21, 5).fixed_offset());
            Ok::<_, bedtime_coach::store::StoreError>(())
        })
        .unwrap();
    let mut h = harness(dir.path());
    h.run();
    h.get_by_label("Settings").click();
    h.run();
    assert!(h.query_by_label_contains("sent at 21:00").is_none(), "collapsed at first");
    h.get_by_label("Tonight's reminders").click();
    h.run();
    h.get_by_label("sent at 21:00");
    h.get_by_label("held for Do Not Disturb since 21:05");
    h.get_by_label("Let the bedtime reminder through Do Not Disturb").click();
    h.run();
    assert!(store(dir.path()).load_config().unwrap().value.settings.bedtime_through_do_not_disturb);
}

#[test]
fn settings_turn_the_morning_invitation_off() {
    let dir = tempfile::tempdir().unwrap();
    saved_routine(dir.path());
    let mut h = harness(dir.path());
    h.get_by_label("Settings").click();
    h.run();
    h.get_by_label("In the morning, invite me to log the night").click();
    h.run();
    assert!(!store(dir.path()).load_config().unwrap().value.settings.morning_invitation);
    h.get_by_label("In the morning, invite me to log the night").click();
    h.run();
    assert!(store(dir.path()).load_config().unwrap().value.settings.morning_invitation);
}

/// Replaces the text of the field labelled `label` with `text`.
fn type_into(h: &mut Harness<'static, App>, label: &str, text: &str) {
    h.get_by_label(label).focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_label(label).type_text(text);
    h.run();
}

/// A saved routine (if none yet) and `step` of `evening` done at 21:04.
fn done_at_2104(dir: &Path, evening: chrono::NaiveDate, step: &str) {
    if !dir.join("routine.json").exists() {
        saved_routine(dir);
    }
    let at = chrono::DateTime::parse_from_rfc3339("2026-11-26T21:04:00+01:00").unwrap();
    Change::Check { evening, step: step.into(), outcome: Outcome::Done, value: None, at }.apply(&store(dir)).unwrap();
}

#[test]
fn settings_your_data_exports_to_a_path_and_imports_after_a_preview() {
    use bedtime_coach::transfer::{DateRange, ExportFormat, export_to_file};
    let dir = tempfile::tempdir().unwrap();
    done_at_2104(dir.path(), evening(), "warm-bath");
    let mut h = harness(dir.path());
    h.get_by_label("Settings").click();
    h.run();
    h.get_by_label("Your data");
    h.get_by_label("Export and import");

    // No file dialog in tests: the path field, labelled, with a suggestion to replace.
    h.get_by_label("Export as CSV…").click();
    h.run();
    let csv_file = dir.path().join("exported.csv");
    type_into(&mut h, "Save the export as", &csv_file.display().to_string());
    h.get_by_label("Export").click();
    h.run();
    h.get_by_label_contains("Exported one evening");
    let bytes = std::fs::read(&csv_file).unwrap();
    let mut reader = csv::Reader::from_reader(bytes.as_slice());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert!(rows.iter().any(|r| &r[1] == "warm-bath" && &r[3] == "done"), "{rows:?}");
    assert!(h.query_by_label("Save the export as").is_none(), "the field closes after the export");

    // Import: another computer's export, overlapping on one check-in.
    let other = tempfile::tempdir().unwrap();
    done_at_2104(other.path(), evening(), "warm-bath");
    done_at_2104(other.path(), support::date(2026, 11, 25), "lights-out");
    let backup = other.path().join("backup.json");
    export_to_file(&store(other.path()), ExportFormat::Json, DateRange::default(), &backup).unwrap();
    let before = std::fs::read(dir.path().join("journal.json")).unwrap();
    h.get_by_label("Import…").click();
    h.run();
    type_into(&mut h, "File to import", &backup.display().to_string());
    h.get_by_label("Show what it adds").click();
    h.run();
    h.get_by_label_contains("Evenings: new 1, already in your journal 1.");
    h.get_by_label_contains("Check-ins: new 1, already in your journal 1.");
    assert_eq!(std::fs::read(dir.path().join("journal.json")).unwrap(), before, "nothing merged before the yes");
    h.get_by_label("Import").click();
    h.run();
    h.get_by_label_contains("one new evening, one new check-in");
    let journal = store(dir.path()).load_journal().unwrap().value;
    assert_eq!(journal.check_in_count(), 2);
    assert!(journal.check_in(support::date(2026, 11, 25), "lights-out").is_some());

    // A file that is not an export: refused in a banner, the journal unchanged.
    let after = std::fs::read(dir.path().join("journal.json")).unwrap();
    h.get_by_label("Import…").click();
    h.run();
    type_into(&mut h, "File to import", &csv_file.display().to_string());
    h.get_by_label("Show what it adds").click();
    h.run();
    h.get_by_label_contains("cannot be imported");
    assert!(h.query_by_label("Import").is_none(), "no preview to confirm");
    assert_eq!(std::fs::read(dir.path().join("journal.json")).unwrap(), after);
}

/// Steps the window (without waiting for it to settle: a spinner keeps asking for frames)
/// until a label containing `text` shows, as the file work's thread finishes.
fn step_until(h: &mut Harness<'static, App>, text: &str) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while h.query_by_label_contains(text).is_none() {
        assert!(std::time::Instant::now() < deadline, "{text:?} never showed");
        h.step();
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
}

#[test]
fn export_and_import_run_beside_the_frames_in_the_real_window() {
    use egui_kittest::kittest::NodeT;
    let dir = tempfile::tempdir().unwrap();
    done_at_2104(dir.path(), evening(), "warm-bath");
    let app = App::new(Coach::at(Paths::in_dir(dir.path())), clock())
        .in_language(Language::English)
        .with_file_work_in_background();
    let mut h = harness_of(app, egui::vec2(1280.0, 1400.0));
    h.get_by_label("Settings").click();
    h.run();

    h.get_by_label("Export as JSON…").click();
    h.run();
    let backup = dir.path().join("backup.json");
    type_into(&mut h, "Save the export as", &backup.display().to_string());
    h.get_by_label("Export").click();
    h.step();
    step_until(&mut h, "Exported one evening");
    assert!(backup.is_file());
    assert!(!h.get_by_label("Export as JSON…").accesskit_node().is_disabled(), "the buttons are back");

    // The export, changed by hand to a new evening, imported back: preview, then merge.
    let text = std::fs::read_to_string(&backup).unwrap().replace("2026-11-26", "2026-11-24");
    std::fs::write(&backup, text).unwrap();
    h.get_by_label("Import…").click();
    h.run();
    type_into(&mut h, "File to import", &backup.display().to_string());
    h.get_by_label("Show what it adds").click();
    h.step();
    step_until(&mut h, "Evenings: new 1");
    h.get_by_label("Import").click();
    h.step();
    step_until(&mut h, "one new evening, one new check-in");
    let journal = store(dir.path()).load_journal().unwrap().value;
    assert_eq!(journal.check_in_count(), 2);

    // A missing file: refused in a banner from the thread, the path kept to correct.
    h.get_by_label("Import…").click();
    h.run();
    type_into(&mut h, "File to import", &dir.path().join("nowhere.json").display().to_string());
    h.get_by_label("Show what it adds").click();
    h.step();
    step_until(&mut h, "nowhere.json");
    h.get_by_label("File to import");
}

#[test]
fn the_humidity_hint_says_the_range_is_not_the_articles_and_fits_the_smallest_window() {
    let dir = tempfile::tempdir().unwrap();
    saved_routine(dir.path());
    for (language, hint, save) in [
        (Language::English, "comfortable is about 40–60 % (general guidance, not from the article)", "Save reading"),
        (Language::Russian, "комфортно около 40–60 % (общая рекомендация, не из статьи)", "Сохранить"),
    ] {
        let mut h = harness_in(dir.path(), language, egui::vec2(720.0, 520.0));
        h.get_by_label(hint).scroll_to_me();
        h.run();
        let (hint, save) = (h.get_by_label(hint).rect(), h.get_by_label(save).rect());
        assert!(hint.min.x >= 0.0 && hint.max.x <= 720.5, "{language:?}: the hint runs off: {hint:?}");
        assert!(!hint.intersects(save), "{language:?}: the hint covers the button: {hint:?} {save:?}");
    }
}

/// Issue 19: someone who sets up at 19:38 sees no step marked missed, and is told which
/// steps do not count tonight and why.
#[test]
fn the_first_evening_set_up_at_19_38_marks_nothing_missed_and_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness_at(dir.path(), 26, 19, 38);
    h.get_by_label("Save my routine").click();
    h.run();
    h.get_by_label("Done: Lights out");
    assert!(h.query_by_label("missed").is_none());
    h.get_by_label(
        "Your routine began at 19:38: the 4 steps due before then do not count tonight, in History or in the streak.",
    );
    assert_eq!(h.query_all_by_label("not counted tonight").count(), 4);
}

/// Issue 19: choosing Northern in December brings "Keep hands and feet warm" in, as the
/// setup text promises, into the saved routine and onto Tonight.
#[test]
fn northern_in_december_brings_the_warm_hands_and_feet_step_in() {
    use egui_kittest::kittest::NodeT;
    let dir = tempfile::tempdir().unwrap();
    let at = support::date(2026, 12, 5).and_hms_opt(19, 0, 0).unwrap();
    let now = Local.from_local_datetime(&at).earliest().unwrap();
    let app = App::new(Coach::at(Paths::in_dir(dir.path())), Arc::new(move || now)).in_language(Language::English);
    let mut h = harness_of(app, egui::vec2(1280.0, 1400.0));
    let warm = || egui::accesskit::Role::CheckBox;
    h.get_by_label("Northern hemisphere").click();
    h.run();
    let checkbox = h.get_by_role_and_label(warm(), "Keep hands and feet warm");
    assert!(!checkbox.accesskit_node().is_disabled());
    assert_eq!(checkbox.accesskit_node().toggled(), Some(egui::accesskit::Toggled::True), "it joins");
    h.get_by_label("Save my routine").click();
    h.run();
    let config = store(dir.path()).load_config().unwrap().value;
    assert_eq!(config.settings.hemisphere, bedtime_coach::model::Hemisphere::Northern);
    assert!(config.routine.get("warm-hands-feet").is_some());
    h.get_by_label("Done: Keep hands and feet warm");
}

/// Issue 19: when Tonight opens, the keyboard starts on the current step's Done (not
/// eight Tabs away, behind the screen tabs, Pause and Why?).
#[test]
fn tonight_opens_with_the_focus_on_the_current_steps_done() {
    let dir = tempfile::tempdir().unwrap();
    saved_routine(dir.path());
    let mut h = harness_at(dir.path(), 26, 19, 38);
    h.run();
    assert!(h.get_by_label("Done: Mineral-rich dinner").is_focused());
    h.key_press(egui::Key::Space);
    h.run();
    assert_eq!(outcome(dir.path(), "mineral-dinner"), Some(Outcome::Done));
}

#[test]
fn a_step_snoozed_from_its_notification_says_until_when() {
    let dir = tempfile::tempdir().unwrap();
    saved_routine(dir.path());
    let at = |h, m| Local.from_local_datetime(&evening().and_hms_opt(h, m, 0).unwrap()).earliest().unwrap();
    let snooze = |key: &str, until| Change::Snooze {
        reminders: vec![(evening(), key.to_owned())],
        until: at(21, until).fixed_offset(),
    };
    // The bath snoozed until 21:20; the ventilation's snooze already ran out at 21:05.
    snooze("warm-bath", 20).apply(&store(dir.path())).unwrap();
    snooze("ventilate-bedroom", 5).apply(&store(dir.path())).unwrap();
    let mut harness = harness(dir.path());
    harness.run();
    assert!(harness.query_by_label("snoozed until 21:20").is_some());
    assert!(harness.query_by_label("snoozed until 21:05").is_none());
    // Done: the row says so, no longer the snooze.
    harness.get_by_label("Done: Warm bath").click();
    harness.run();
    assert!(harness.query_by_label("snoozed until 21:20").is_none());
}

/// What a screen reader finds on Tonight: the window's name, tabs with the selected one,
/// a progress bar with a range, each step's time and state on its buttons (without the
/// marks), and a "Why?" button that says whether its text is open.
#[test]
fn a_screen_reader_hears_when_each_step_is_due_and_where_it_is() {
    use egui::accesskit::{Live, Role};
    use egui_kittest::kittest::NodeT;
    let dir = tempfile::tempdir().unwrap();
    saved_routine(dir.path());
    Change::Check {
        evening: evening(),
        step: "caffeine-cutoff".into(),
        outcome: Outcome::Done,
        value: None,
        at: {
            Local.from_local_datetime(&evening().and_hms_opt(16, 40, 0).unwrap()).earliest().unwrap().fixed_offset()
        },
    }
    .apply(&store(dir.path()))
    .unwrap();
    let mut h = harness(dir.path());
    h.run();
    assert_eq!(h.root().accesskit_node().label().as_deref(), Some("Bedtime Coach"));

    let tonight = h.get_by_role_and_label(Role::Tab, "Tonight");
    assert_eq!(tonight.accesskit_node().is_selected(), Some(true));
    assert_eq!(tonight.accesskit_node().parent().unwrap().role(), Role::TabList);
    assert_eq!(h.get_by_role_and_label(Role::Tab, "History").accesskit_node().is_selected(), Some(false));

    let bar = h.get_by_role(Role::ProgressIndicator);
    let bar = bar.accesskit_node();
    assert_eq!((bar.min_numeric_value(), bar.max_numeric_value()), (Some(0.0), Some(100.0)));
    assert!(bar.numeric_value().is_some_and(|v| v > 0.0 && v < 100.0), "{:?}", bar.numeric_value());

    // 21:10: the bath (21:00) is due now, the ventilation (21:45) comes later.
    let bath = h.get_by_label("Done: Warm bath").accesskit_node().description();
    assert_eq!(bath.as_deref(), Some("21:00, due now"));
    let skip = h.get_by_label("Skip: Air the bedroom").accesskit_node().description().unwrap_or_default();
    assert!(skip.starts_with("21:45, "), "{skip}");
    let undo = h.get_by_label("Undo: Last strong coffee or tea").accesskit_node().description().unwrap_or_default();
    assert_eq!(undo, "16:30, done at 16:40");
    assert!(h.query_by_label("due now").is_some(), "the state is read without its mark");

    // "Why?" on the row in focus: collapsed, then expanded with its name changed and
    // the text it opens announced.
    h.get_by_label("Done: Warm bath").focus();
    h.run();
    h.run();
    let why = h.get_by_label("Why: Warm bath");
    assert_eq!(why.accesskit_node().data().is_expanded(), Some(false));
    why.click();
    h.run();
    let hide = h.get_by_label("Hide why: Warm bath");
    assert_eq!(hide.accesskit_node().data().is_expanded(), Some(true));
    // (At this width the side panel shows the reason too, not announced: it follows the focus.)
    let announced = h
        .query_all_by_label_contains("A warm bath helps the body relax")
        .filter(|text| text.accesskit_node().live() == Live::Polite)
        .count();
    assert_eq!(announced, 1);
}

/// A night under eight hours in bed says the article's advice in full on Tonight (a
/// placeholder once stood where the advice belongs).
#[test]
fn a_short_night_on_tonight_gives_the_articles_advice() {
    let dir = tempfile::tempdir().unwrap();
    saved_routine(dir.path());
    let bedtime = chrono::NaiveTime::from_hms_opt(23, 45, 0);
    Change::SetNights { days: Vec::new(), bedtime, wake: None }.apply(&store(dir.path())).unwrap();
    let h = harness(dir.path());
    let advice = bedtime_coach::i18n::with_language(Language::English, bedtime_coach::i18n::short_night_advice);
    h.get_by_label_contains(&advice);
    assert!(h.query_by_label_contains("$advice").is_none());
    assert!(h.query_by_label_contains("{").is_none());
}
