//! The Settings screen, driven like a user would: what it saves, the language, the test
//! notification, the tray hint, tonight's reminders, the morning invitation, and the
//! computers sharing the data folder (listed, named, forgotten, back when they write).

mod support;

use support::window::{clock, evening, harness, harness_of};
use support::{saved_routine, store};

use bedtime_coach::i18n::Language;
use bedtime_coach::model::Outcome;
use bedtime_coach::store::{Paths, Store};
use bedtime_coach::ui::App;
use bedtime_coach::use_cases::{Change, Coach};
use chrono::{Local, TimeZone};
use eframe::egui;
use egui_kittest::kittest::Queryable;

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
    let routine_file = store(dir.path()).load_routine_file().unwrap().value;
    assert_eq!(routine_file.schedule.every_day.wake.to_string(), "06:00:00");
    h.get_by_label_contains("under 8 h");
    h.get_by_label("Settings").click();
    h.run();
    h.get_by_label("Light").click();
    h.run();
    h.get_by_label("Southern hemisphere").click();
    h.run();
    let routine_file = store(dir.path()).load_routine_file().unwrap().value;
    assert_eq!(routine_file.settings.theme, bedtime_coach::model::Theme::Light);
    assert_eq!(routine_file.settings.hemisphere, bedtime_coach::model::Hemisphere::Southern);
    h.get_by_label_contains(&dir.path().display().to_string());
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
    let settings = store(dir.path()).load_routine_file().unwrap().value.settings;
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
    assert!(store(dir.path()).load_routine_file().unwrap().value.settings.bedtime_through_do_not_disturb);
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
    assert!(!store(dir.path()).load_routine_file().unwrap().value.settings.morning_invitation);
    h.get_by_label("In the morning, invite me to log the night").click();
    h.run();
    assert!(store(dir.path()).load_routine_file().unwrap().value.settings.morning_invitation);
}

/// Two computers sharing `dir`: this one (the window's) and another, each with its own
/// state folder, and the other's device id.
struct TwoComputers {
    dir: tempfile::TempDir,
    here: Paths,
    there: Paths,
    other: String,
}

impl TwoComputers {
    /// The routine saved here, and a check-in made on the other computer.
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("shared");
        let here = Paths::with_state(&folder, dir.path().join("state-here"));
        let there = Paths::with_state(&folder, dir.path().join("state-there"));
        Coach::at(here.clone()).apply(Change::SaveRoutineFile(Default::default())).unwrap();
        let two = TwoComputers { other: Store::new(there.clone()).device_id().unwrap().to_string(), dir, here, there };
        two.check_there("warm-bath");
        two
    }

    fn check_there(&self, step: &str) {
        let at = Local.from_local_datetime(&evening().and_hms_opt(21, 0, 0).unwrap()).earliest().unwrap();
        let check =
            Change::Check { evening: evening(), step: step.into(), outcome: Outcome::Done, value: None, at: at.into() };
        Coach::at(self.there.clone()).apply(check).unwrap();
    }

    /// The window of this computer, on Settings.
    fn settings(&self) -> egui_kittest::Harness<'static, App> {
        let app = App::new(Coach::at(self.here.clone()), clock()).in_language(Language::English);
        let mut h = harness_of(app, egui::vec2(1280.0, 1400.0));
        h.get_by_label("Settings").click();
        h.run();
        h
    }

    /// What the other computer is called until it is named: the start of its id.
    fn unnamed(&self) -> String {
        format!("Computer {}", &self.other[..6])
    }

    /// The other computer's files in the shared folder, with their contents.
    fn files_there(&self) -> Vec<(String, Vec<u8>)> {
        let months = self.here.data_dir.join("journal");
        let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(&months)
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .filter(|path| path.to_string_lossy().contains(&self.other))
            .map(|path| (path.display().to_string(), std::fs::read(&path).unwrap()))
            .collect();
        files.sort();
        files
    }
}

#[test]
fn settings_list_both_computers_writing_to_a_shared_folder() {
    let two = TwoComputers::new();
    let h = two.settings();
    h.get_by_label("Computers using this folder");
    h.get_by_label("(this computer)");
    let here = bedtime_coach::platform::host::host_name().unwrap_or_default();
    assert!(h.query_all_by_label(&here).count() >= 1, "this computer by its host name, {here}");
    h.get_by_label(&two.unnamed());
    // When it last wrote, in this zone: the newest of its files.
    let newest = two.files_there().iter().map(|(path, _)| std::fs::metadata(path).unwrap().modified().unwrap()).max();
    let newest: chrono::DateTime<Local> = newest.unwrap().into();
    let when = bedtime_coach::i18n::with_language(Language::English, || bedtime_coach::i18n::date_time(&newest));
    // (This computer wrote its routine file in the same minute, perhaps: one label or two.)
    assert!(h.query_all_by_label(&format!("last wrote {when}")).count() >= 1, "last wrote {when}");
    // The shared folder opens from here.
    h.get_by_label("Open the data folder");
    // This computer cannot be forgotten from itself; the other can.
    assert_eq!(h.query_all_by_label_contains("Forget").count(), 1);
    h.get_by_label(&format!("Forget {}…", two.unnamed()));
}

#[test]
fn a_computer_renamed_in_settings_is_saved_for_both_and_shown() {
    let two = TwoComputers::new();
    let mut h = two.settings();
    support::window::retype(&mut h, &format!("Name of {}", two.unnamed()), "Study desktop");
    h.run();
    h.get_by_label("Study desktop");
    assert!(h.query_by_label(&two.unnamed()).is_none());
    // Kept in this computer's own file, and read on the other computer too.
    let there = Coach::at(two.there.clone()).computers().unwrap();
    let named = there.iter().find(|computer| computer.this).unwrap();
    assert_eq!(named.name.as_deref(), Some("Study desktop"));
    let here = Store::new(two.here.clone()).device_id().unwrap();
    let file = two.here.data_dir.join("computers").join(format!("{here}.json"));
    assert!(std::fs::read_to_string(file).unwrap().contains("Study desktop"));
    // An empty name gives the default back.
    h.get_by_label("Name of Study desktop").focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.key_press(egui::Key::Backspace);
    h.key_press(egui::Key::Tab);
    h.run();
    h.get_by_label(&two.unnamed());
}

#[test]
fn a_forgotten_computer_leaves_the_list_and_its_files_stay() {
    let two = TwoComputers::new();
    let before = two.files_there();
    let mut h = two.settings();
    h.get_by_label(&format!("Forget {}…", two.unnamed())).click();
    h.run();
    h.get_by_label_contains("Everything it recorded stays part of your history");
    h.get_by_label("Keep it").click();
    h.run();
    h.get_by_label(&two.unnamed());
    h.get_by_label(&format!("Forget {}…", two.unnamed())).click();
    h.run();
    h.get_by_label("Forget it").click();
    h.run();
    assert!(h.query_by_label(&two.unnamed()).is_none(), "still listed");
    assert!(h.query_by_label_contains("Everything it recorded").is_none());
    assert_eq!(two.files_there(), before, "its files were touched");
    let journal = Coach::at(two.here.clone()).load().unwrap().journal.value;
    assert!(journal.check_in(evening(), "warm-bath").is_some(), "its check-in is still part of the history");
    // The other computer hears of it too: it lists itself, and this computer (which
    // wrote its routine file), nothing else.
    let there = Coach::at(two.there.clone()).computers().unwrap();
    assert_eq!(there.len(), 2, "{there:?}");
    assert!(there[0].this && there[0].device == two.other);
}

#[test]
fn a_forgotten_computer_that_writes_again_comes_back() {
    let two = TwoComputers::new();
    let mut h = two.settings();
    h.get_by_label(&format!("Forget {}…", two.unnamed())).click();
    h.run();
    h.get_by_label("Forget it").click();
    h.run();
    assert!(h.query_by_label(&two.unnamed()).is_none());
    std::thread::sleep(std::time::Duration::from_millis(20));
    two.check_there("calm-ambience");
    h.run();
    h.run();
    h.get_by_label(&two.unnamed());
}

#[test]
fn the_computers_section_speaks_russian_and_says_how_to_share_the_folder() {
    let two = TwoComputers::new();
    let app = App::new(Coach::at(two.here.clone()), clock()).in_language(Language::Russian);
    let mut h = harness_of(app, egui::vec2(1280.0, 1400.0));
    h.get_by_label("Настройки").click();
    h.run();
    h.get_by_label("Компьютеры, которые пользуются этой папкой");
    h.get_by_label("(этот компьютер)");
    h.get_by_label(&format!("Компьютер {}", &two.other[..6]));
    h.get_by_label_contains("Syncthing, Nextcloud или Dropbox");
    drop(two.dir);
}

#[test]
fn a_data_folder_chosen_in_settings_is_used_from_the_next_start() {
    use bedtime_coach::ui::{FileDialog, FileDialogAnswer as Answer};
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("state");
    let (first, synced) = (dir.path().join("first"), dir.path().join("Sync").join("bedtime"));
    // This computer started on a folder it chose before, without --data-dir.
    Paths::resolve_with_state(None, Some(&state)).unwrap().save_folder_choice(Some(&first)).unwrap();
    let paths = Paths::resolve_with_state(None, Some(&state)).unwrap();
    assert_eq!(paths.data_dir, first);
    Coach::at(paths.clone()).apply(Change::SaveRoutineFile(Default::default())).unwrap();
    let answer = synced.clone();
    let dialog = FileDialog::with(move |_, shown| {
        shown();
        Answer::Chosen(answer.clone())
    });
    let app = App::new(Coach::at(paths.clone()), clock()).in_language(Language::English).with_file_dialog_of(dialog);
    let mut h = harness_of(app, egui::vec2(1280.0, 1400.0));
    h.get_by_label("Settings").click();
    h.run();
    h.get_by_label_contains(&first.display().to_string());
    h.get_by_label("Choose another data folder…").click();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while h.query_by_label_contains("From the next start").is_none() {
        assert!(std::time::Instant::now() < deadline, "the chosen folder was never taken");
        std::thread::sleep(std::time::Duration::from_millis(20));
        h.run();
    }
    h.get_by_label_contains(&format!("keeps its data in {}", synced.display()));
    // Kept in this computer's state folder; this window goes on with the folder it has.
    assert_eq!(Paths::resolve_with_state(None, Some(&state)).unwrap().data_dir, synced);
    assert_eq!(h.state().screen(), bedtime_coach::ui::Screen::Settings);
    h.get_by_label_contains(&first.display().to_string());
    h.get_by_label("Use the usual folders").click();
    h.run();
    h.get_by_label_contains("in the usual folders again");
    assert_ne!(Paths::resolve_with_state(None, Some(&state)).unwrap().data_dir, synced);
    assert_eq!(paths.folder_choice(), None);
}

#[test]
fn without_a_folder_dialog_the_data_folder_is_typed() {
    let two = TwoComputers::new();
    let mut h = two.settings();
    h.get_by_label("Choose another data folder…").click();
    h.run();
    let synced = two.dir.path().join("Sync");
    h.get_by_label("Folder:").focus();
    h.run();
    h.get_by_label("Folder:").type_text(&synced.display().to_string());
    h.run();
    h.get_by_label("Use this folder").click();
    h.run();
    assert_eq!(two.here.folder_choice(), Some(synced));
    assert!(h.query_by_label("Folder:").is_none(), "the field stays after the choice");
}
