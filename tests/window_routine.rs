//! The Routine screen, driven like a user would: the list in time order, editing a step's
//! time, deleting and undoing, custom steps and their reasons, the full routine.

mod support;

use support::window::{evening, harness, harness_in};
use support::{saved_routine, store};

use std::path::Path;

use bedtime_coach::i18n::Language;
use bedtime_coach::model::{Anchor, RoutineFile};
use bedtime_coach::store::Paths;
use bedtime_coach::ui::App;
use bedtime_coach::use_cases::Change;
use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

/// Types `title` into "Your own step" on the Routine screen and adds it.
fn add_custom_step(h: &mut Harness<'static, App>, title: &str) {
    h.get_by_label("Your own step").focus();
    h.run();
    h.get_by_label("Your own step").type_text(title);
    h.run();
    h.get_by_label("Add custom step").click();
    h.run();
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
    let routine_file = store(dir.path()).load_routine_file().unwrap().value;
    assert_eq!(routine_file.routine.get("warm-bath").unwrap().anchor, Anchor::BeforeBedtime { minutes: 120 });
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
    let position = |dir: &Path, id: &str| store(dir).load_routine_file().unwrap().value.routine.position(id);
    let before = position(dir.path(), "warm-bath").unwrap();
    h.get_by_label("Delete: Warm bath").click();
    h.run();
    assert_eq!(position(dir.path(), "warm-bath"), None);
    h.get_by_label("Undo").click();
    h.run();
    assert_eq!(position(dir.path(), "warm-bath"), Some(before));
    add_custom_step(&mut h, "Read a paper book");
    let routine_file = store(dir.path()).load_routine_file().unwrap().value;
    assert_eq!(routine_file.routine.steps.last().unwrap().title.as_deref(), Some("Read a paper book"));
    assert_eq!(routine_file.routine.steps.last().unwrap().id, "read-a-paper-book");
    // Turning a step off keeps it in the routine but drops it from the preview.
    h.get_by_label("Use: Warm bath").click();
    h.run();
    assert!(!store(dir.path()).load_routine_file().unwrap().value.routine.get("warm-bath").unwrap().enabled);
}

/// A full routine (100 steps) refuses one more with the same sentence as the command
/// line, and nothing is saved.
#[test]
fn a_full_routine_refuses_one_more_step_with_a_sentence() {
    let dir = tempfile::tempdir().unwrap();
    let mut routine_file = RoutineFile::default();
    while routine_file.routine.steps.len() < bedtime_coach::model::routine::MAX_STEPS {
        let id = routine_file.routine.unique_id_for("extra");
        routine_file.routine.steps.push(bedtime_coach::model::Step::custom(
            id,
            "Extra".into(),
            Anchor::BeforeBedtime { minutes: 5 },
        ));
    }
    Change::SaveRoutineFile(routine_file).apply(&store(dir.path())).unwrap();
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
fn the_routine_is_listed_in_time_order_and_a_new_step_lands_by_its_time() {
    use bedtime_coach::model::plan::due_local;
    let dir = tempfile::tempdir().unwrap();
    saved_routine(dir.path());
    let mut h = harness(dir.path());
    h.get_by_label("Routine").click();
    h.run();
    let routine_file = store(dir.path()).load_routine_file().unwrap().value;
    let mut steps: Vec<_> = routine_file.routine.steps.iter().collect();
    steps.sort_by_key(|step| due_local(&routine_file, evening(), step.anchor));
    let title = |step| bedtime_coach::i18n::with_language(Language::English, || bedtime_coach::i18n::step_title(step));
    let expected: Vec<String> = steps.iter().map(|step| title(step)).collect();
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
    let minutes = |dir: &Path| store(dir).load_routine_file().unwrap().value.routine.get("warm-bath").unwrap().anchor;
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
    let routine_file = store(dir.path()).load_routine_file().unwrap().value;
    assert_eq!(routine_file.routine.get("read-a-paper-book").unwrap().why.as_deref(), Some("Paper, not a screen"));
    // Catalog steps keep the article's reason, not a field.
    h.get_by_label("Edit: Warm bath").click();
    h.run();
    assert!(h.query_by_label("Why (optional)").is_none());
}
