//! Tonight by keyboard and screen reader: where the focus starts and goes after Space
//! and Tab, Ctrl+Z taking changes back in turn, and what a screen reader hears.

mod support;

use support::window::{check, evening, harness, harness_at, outcome, steps_in_order};
use support::{saved_routine, store};

use bedtime_coach::model::Outcome;
use bedtime_coach::ui::App;
use bedtime_coach::use_cases::Change;
use chrono::{Local, TimeZone};
use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

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

/// Tab goes Done, Skip, Why? along each row, then on to the next row's Done: the title
/// is no stop of its own, and Why? is on every row that has a reason (it used to show
/// only on the focused row, before Done, so only Shift+Tab reached it).
#[test]
fn titles_are_no_focus_stops_and_tab_reaches_why_after_done_and_skip() {
    let dir = tempfile::tempdir().unwrap();
    saved_routine(dir.path());
    let mut h = harness(dir.path());
    let steps = steps_in_order();
    let at = steps.iter().position(|(id, _)| id == "warm-bath").unwrap();
    let next = &steps[at + 1].1;
    h.run();
    h.get_by_label(&format!("Why: {next}"));
    h.get_by_label("Done: Warm bath").focus();
    h.run();
    h.run();
    let why = &bedtime_coach::i18n::with_language(bedtime_coach::i18n::Language::English, || {
        bedtime_coach::i18n::catalog_why("warm-bath")
    });
    // The wide window shows the focused row's reason beside the list; the list itself
    // unfolds it only on Why?.
    let shown = h.query_all_by_label(why).count();
    assert!(shown <= 1);
    for label in ["Skip: Warm bath", "Why: Warm bath"] {
        h.key_press(egui::Key::Tab);
        h.run();
        assert!(h.get_by_label(label).is_focused(), "Tab reaches {label}");
    }
    h.key_press(egui::Key::Space);
    h.run();
    assert_eq!(h.query_all_by_label(why).count(), shown + 1);
    assert!(
        h.get_by_label("Hide why: Warm bath").is_focused(),
        "the button keeps the focus, named for what it does now"
    );
    h.key_press(egui::Key::Tab);
    h.run();
    assert!(h.get_by_label(&format!("Done: {next}")).is_focused(), "then on to the next row");
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
    let routine = || store(dir.path()).load_routine_file().unwrap().value.routine;
    let before = routine().position("warm-bath");
    h.get_by_label("Delete: Warm bath").click();
    h.run();
    assert_eq!(routine().position("warm-bath"), None);
    undo(&mut h);
    assert_eq!(routine().position("warm-bath"), before);
    // The banner's Undo went with it.
    assert!(h.query_by_label("Undo").is_none());
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

    // "Why?" on its row: collapsed, then expanded with its name changed and
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
