//! Your data in Settings, driven like a user would: export to a path, import after a
//! preview, a refused file, and both running on a thread beside the frames.

mod support;

use support::window::{clock, evening, harness, harness_of};
use support::{saved_routine, store};

use std::path::Path;

use bedtime_coach::i18n::Language;
use bedtime_coach::model::Outcome;
use bedtime_coach::store::Paths;
use bedtime_coach::ui::App;
use bedtime_coach::use_cases::Change;
use bedtime_coach::use_cases::Coach;
use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

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

/// Issue 24: a backup whose routine differs from the one here shows both in the preview
/// and replaces this one only when the box is ticked; with nothing new in its history,
/// Import waits for the tick.
#[test]
fn a_backup_s_routine_replaces_this_one_only_when_asked() {
    use bedtime_coach::transfer::{DateRange, ExportFormat, export_to_file};
    use egui_kittest::kittest::NodeT;
    let dir = tempfile::tempdir().unwrap();
    done_at_2104(dir.path(), evening(), "warm-bath");
    let other = tempfile::tempdir().unwrap();
    let mut theirs = bedtime_coach::model::RoutineFile::default();
    theirs.schedule.every_day.bedtime = chrono::NaiveTime::from_hms_opt(23, 15, 0).unwrap();
    Change::SaveRoutineFile(theirs).apply(&store(other.path())).unwrap();
    done_at_2104(other.path(), evening(), "warm-bath");
    let backup = other.path().join("backup.json");
    export_to_file(&store(other.path()), ExportFormat::Json, DateRange::default(), &backup).unwrap();
    let routine_files =
        || support::routine_files(dir.path()).iter().map(|path| std::fs::read(path).unwrap()).collect::<Vec<_>>();
    let ours = routine_files();

    let mut h = harness(dir.path());
    h.get_by_label("Settings").click();
    h.run();
    let preview = |h: &mut Harness<'static, App>| {
        h.get_by_label("Import…").click();
        h.run();
        type_into(h, "File to import", &backup.display().to_string());
        h.get_by_label("Show what it adds").click();
        h.run();
    };
    preview(&mut h);
    h.get_by_label_contains("bedtime 23:15; here:");
    h.get_by_label_contains("bedtime 22:30). Yours stay unless you ask for the file's.");
    let replace = "Replace my routine, schedule and settings with the file's";
    assert!(h.get_by_label("Import").accesskit_node().is_disabled(), "nothing new unless the box is ticked");
    h.get_by_label("Cancel").click();
    h.run();
    assert_eq!(routine_files(), ours);

    preview(&mut h);
    h.get_by_label(replace).click();
    h.run();
    assert!(!h.get_by_label("Import").accesskit_node().is_disabled());
    h.get_by_label("Import").click();
    h.run();
    h.get_by_label_contains("the routine, schedule and settings from the file are now yours.");
    let now_here = store(dir.path()).load_routine_file().unwrap().value;
    assert_eq!(now_here.schedule.every_day.bedtime.to_string(), "23:15:00");
    h.get_by_label("Tonight").click();
    h.run();
    h.get_by_label_contains("Bedtime 23:15");
}

#[test]
#[cfg_attr(windows, ignore = "under Wine the import's preview never shows (the export before it works): to be found")]
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
    // Moved two days back whole: the evening and its next morning (its recorded times).
    let text = std::fs::read_to_string(&backup)
        .unwrap()
        .replace("2026-11-26", "2026-11-24")
        .replace("2026-11-27", "2026-11-25");
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

/// Issue 19, a desktop without a file dialog: Export says "Looking for a file dialog…"
/// at once (the buttons used to grey out with no word), then the path field appears
/// scrolled into view and focused (it used to appear below the window's edge), in the
/// smallest window, English and Russian.
#[test]
fn with_no_file_dialog_the_window_says_it_is_looking_then_shows_the_field_in_view() {
    use bedtime_coach::i18n::{self, with_language};
    use bedtime_coach::ui::{FileDialog, FileDialogAnswer};
    use egui_kittest::kittest::NodeT;
    for language in [Language::English, Language::Russian] {
        let words = |key: &str| with_language(language, || i18n::t(key));
        let dir = tempfile::tempdir().unwrap();
        done_at_2104(dir.path(), evening(), "warm-bath");
        // A desktop that takes a moment to say it has no dialog.
        let (give_up, given_up) = std::sync::mpsc::channel::<()>();
        let given_up = std::sync::Mutex::new(given_up);
        let dialog = FileDialog::with(move |_, _| {
            let _ = given_up.lock().unwrap().recv();
            FileDialogAnswer::Unavailable("no portal".into())
        });
        let app =
            App::new(Coach::at(Paths::in_dir(dir.path())), clock()).in_language(language).with_file_dialog_of(dialog);
        let mut h = harness_of(app, egui::vec2(720.0, 520.0));
        h.get_by_label(&words("ui-tab-settings")).click();
        h.run_steps(4);
        let export = words("ui-data-export-csv");
        h.get_by_label(&export).scroll_to_me();
        h.run();
        h.get_by_label(&export).click();
        h.run_steps(3);
        h.get_by_label(&words("ui-data-dialog-looking"));
        assert!(h.get_by_label(&export).accesskit_node().is_disabled(), "greyed out while looking");
        // The settings page scrolled back to the top meanwhile: the field must come into view by itself.
        h.get_by_label(&words("ui-settings-reminders")).scroll_to_me();
        h.run_steps(60);
        assert!(h.get_by_label(&export).rect().top() > 520.0, "the section is out of view again");
        give_up.send(()).unwrap();
        step_until(&mut h, &words("ui-data-no-dialog"));
        // The scroll is animated: a second of frames.
        h.run_steps(60);
        let label = words("ui-data-export-path");
        let field = h.get_by_label(&label);
        let rect = field.rect();
        let window = egui::Rect::from_min_size(egui::pos2(0.0, 40.0), egui::vec2(720.0, 480.0));
        assert!(window.contains_rect(rect), "{language:?}: the path field {rect:?} is out of view");
        assert!(field.is_focused(), "{language:?}: the path field has the focus");
        assert!(!h.get_by_label(&export).accesskit_node().is_disabled(), "the buttons are back");
    }
}
