//! The window under `egui_kittest`, as the window tests drive it: the real App with the
//! real style at a given size, the test evening and its clock, and the check that
//! everything labelled fits a small window.

use std::path::Path;
use std::sync::Arc;

use bedtime_coach::i18n::Language;
use bedtime_coach::model::{Outcome, RoutineFile};
use bedtime_coach::store::Paths;
use bedtime_coach::ui::{App, Clock};
use bedtime_coach::use_cases::{Change, Coach};
use chrono::{Local, NaiveDate, TimeZone};
use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use super::store;

/// The test evening.
pub fn evening() -> NaiveDate {
    super::date(2026, 11, 26)
}

/// 21:10 on the test evening, in whatever zone the test runs in.
pub fn clock() -> Clock {
    let now = Local.from_local_datetime(&evening().and_hms_opt(21, 10, 0).unwrap()).earliest().unwrap();
    Arc::new(move || now)
}

/// The window in English, whatever the machine's locale: the App draws in its own
/// language on the test's thread, so tests in other languages can run beside these.
pub fn harness(dir: &Path) -> Harness<'static, App> {
    harness_in(dir, Language::English, egui::vec2(1280.0, 1400.0))
}

/// The window at 21:10 on the test evening, in `language`, at `size`.
pub fn harness_in(dir: &Path, language: Language, size: egui::Vec2) -> Harness<'static, App> {
    harness_of(App::new(Coach::at(Paths::in_dir(dir)), clock()).in_language(language), size)
}

/// The window at `hour:minute` on the test evening (or the next morning past midnight).
pub fn harness_at(dir: &Path, day: u32, hour: u32, minute: u32) -> Harness<'static, App> {
    let at = super::date(2026, 11, day).and_hms_opt(hour, minute, 0).unwrap();
    let now = Local.from_local_datetime(&at).earliest().unwrap();
    harness_of(
        App::new(Coach::at(Paths::in_dir(dir)), Arc::new(move || now)).in_language(Language::English),
        egui::vec2(1280.0, 1400.0),
    )
}

/// `steps` of the test evening checked with `outcome` at 21:00.
pub fn check(dir: &Path, steps: &[&str], outcome: Outcome) {
    let at = chrono::DateTime::parse_from_rfc3339("2026-11-26T21:00:00+01:00").unwrap();
    for step in steps {
        let step = (*step).to_owned();
        Change::Check { evening: evening(), step, outcome, value: None, at }.apply(&store(dir)).unwrap();
    }
}

/// What the journal on disk holds for `step` on the test evening.
pub fn outcome(dir: &Path, step: &str) -> Option<Outcome> {
    let journal = store(dir).load_journal().unwrap().value;
    journal.check_in(evening(), step).map(|c| c.outcome)
}

/// Tonight's step ids in time order, with their English titles.
pub fn steps_in_order() -> Vec<(String, String)> {
    let plan = bedtime_coach::model::plan_evening(&RoutineFile::default(), evening(), &Local, None);
    let title = |s| bedtime_coach::i18n::with_language(Language::English, || bedtime_coach::i18n::planned_title(s));
    plan.steps.iter().map(|s| (s.id.clone(), title(s))).collect()
}

/// Types `text` into the field labelled `label`, replacing what was there, and leaves it.
pub fn retype(h: &mut Harness<'static, App>, label: &str, text: &str) {
    h.get_by_label(label).focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_label(label).type_text(text);
    h.key_press(egui::Key::Tab);
    h.run();
}

/// `app` drawn as the window draws it, with the real style, at `size`.
pub fn harness_of(app: App, size: egui::Vec2) -> Harness<'static, App> {
    Harness::builder()
        .with_size(size)
        .with_context_setup(bedtime_coach::ui::install_style)
        .build_ui_state(|ui, app: &mut App| app.frame(ui), app)
}

/// Every labelled widget on screen lies inside the window and none covers another.
pub fn assert_fits(h: &Harness<'static, App>, screen: &str) {
    let window = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(720.0, 520.0));
    // Below the fold: scrolled into view when wanted; anything reaching into the window counts.
    fits(h, screen, window, |rect| rect.max.y > window.min.y);
}

/// What [`assert_fits`] checks, for what lies below `top`: content scrolled up under the
/// top bar is clipped there, and not on screen.
pub fn assert_fits_below(h: &Harness<'static, App>, screen: &str, top: f32) {
    let window = egui::Rect::from_min_max(egui::pos2(0.0, top), egui::pos2(720.0, 520.0));
    fits(h, screen, window, |rect| rect.min.y >= window.min.y);
}

/// The labelled leaves above the window's bottom that `shown` keeps lie inside the window
/// sideways and none covers another.
fn fits(h: &Harness<'static, App>, screen: &str, window: egui::Rect, shown: impl Fn(&egui::Rect) -> bool) {
    use egui_kittest::kittest::NodeT;
    let leaves: Vec<(String, egui::Rect)> = h
        .root()
        .children_recursive()
        .filter(|node| node.children().next().is_none())
        .filter_map(|node| {
            let label = node.accesskit_node().label().or_else(|| node.accesskit_node().value())?;
            let rect = node.rect();
            (rect.min.y < window.max.y && shown(&rect) && rect.area() > 0.0).then_some((label, rect))
        })
        .collect();
    assert!(leaves.len() > 5, "{screen}: nothing found");
    for (label, rect) in &leaves {
        assert!(
            rect.max.x <= window.max.x + 0.5 && rect.min.x >= -0.5,
            "{screen}: {label:?} runs off the side: {rect:?}"
        );
    }
    for (i, (a, ra)) in leaves.iter().enumerate() {
        for (b, rb) in &leaves[i + 1..] {
            let overlap = ra.intersect(*rb);
            let area = if overlap.is_positive() { overlap.area() } else { 0.0 };
            assert!(area < 4.0, "{screen}: {a:?} {ra:?} overlaps {b:?} {rb:?}");
        }
    }
}
