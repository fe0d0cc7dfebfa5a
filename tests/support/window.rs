//! The window under `egui_kittest`, as the window tests drive it: the real App with the
//! real style at a given size, and the check that everything labelled fits a small window.

use bedtime_coach::ui::App;
use eframe::egui;
use egui_kittest::Harness;

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
