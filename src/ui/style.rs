//! Calm colours and readable sizes: the window is mostly used late in the evening.
//!
//! Every text colour here meets WCAG AA (4.5:1) against the panel in its theme; the
//! tests below compute the ratios from the installed visuals.

use eframe::egui::{self, Color32, FontId, TextStyle, Theme};

/// Warm amber for warnings on the dark theme (and in screens drawn without a `Ui` theme).
pub const WARNING: Color32 = Color32::from_rgb(0xE0, 0xB0, 0x5A);
pub const ERROR: Color32 = Color32::from_rgb(0xE0, 0x6C, 0x6C);
/// The amber, darkened until it reads on the light panel (the dark one was 1.9:1 there).
const WARNING_LIGHT: Color32 = Color32::from_rgb(0x7A, 0x4F, 0x00);
const ERROR_LIGHT: Color32 = Color32::from_rgb(0xB0, 0x30, 0x30);
const ACCENT_DARK: Color32 = Color32::from_rgb(0x9C, 0xB4, 0xF0);
const ACCENT_LIGHT: Color32 = Color32::from_rgb(0x2F, 0x4E, 0x9A);
/// Body text on the night-blue panel, and the quieter text for settled steps and hints:
/// dimmer than the body, still above 4.5:1.
const TEXT_DARK: Color32 = Color32::from_gray(0xC0);
const WEAK_DARK: Color32 = Color32::from_gray(0x9A);
const WEAK_LIGHT: Color32 = Color32::from_gray(0x62);
/// The outline of a resting control (an unticked checkbox, a radio button, a button):
/// egui draws none, and its fill alone is 1.2:1 on the light panel, 1.8:1 on the dark
/// one. WCAG AA asks 3:1 of a control's boundary (non-text contrast).
const OUTLINE_DARK: Color32 = Color32::from_gray(0x80);
const OUTLINE_LIGHT: Color32 = Color32::from_gray(0x76);

/// The accent colour for the theme in use: soft moonlight blue.
pub fn accent(ui: &egui::Ui) -> Color32 {
    accent_in(ui.visuals())
}

fn accent_in(visuals: &egui::Visuals) -> Color32 {
    if visuals.dark_mode { ACCENT_DARK } else { ACCENT_LIGHT }
}

/// The warning colour for the theme in use.
pub fn warning(ui: &egui::Ui) -> Color32 {
    warning_in(ui.visuals())
}

fn warning_in(visuals: &egui::Visuals) -> Color32 {
    if visuals.dark_mode { WARNING } else { WARNING_LIGHT }
}

/// The error colour for the theme in use.
pub fn error(ui: &egui::Ui) -> Color32 {
    error_in(ui.visuals())
}

fn error_in(visuals: &egui::Visuals) -> Color32 {
    if visuals.dark_mode { ERROR } else { ERROR_LIGHT }
}

/// How much of an evening was done, as the History calendar colours it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Completion {
    /// At or above the streak threshold.
    Met,
    /// Below the threshold, at least half done.
    Part,
    /// Under half done.
    Low,
    /// No check-in at all (neutral): no fill, only an outline.
    NotTracked,
}

/// Calendar fills for the dark theme: dim enough for the evening, each clearly its own hue.
const MET_DARK: Color32 = Color32::from_rgb(0x1F, 0x55, 0x3E);
const PART_DARK: Color32 = Color32::from_rgb(0x5A, 0x45, 0x12);
const LOW_DARK: Color32 = Color32::from_rgb(0x5E, 0x24, 0x2C);
const MET_LIGHT: Color32 = Color32::from_rgb(0xB4, 0xE0, 0xC8);
const PART_LIGHT: Color32 = Color32::from_rgb(0xF3, 0xDC, 0x9C);
const LOW_LIGHT: Color32 = Color32::from_rgb(0xF4, 0xC2, 0xC2);
/// The day numbers and marks drawn on those fills.
const CELL_TEXT_DARK: Color32 = Color32::from_gray(0xF0);
const CELL_TEXT_LIGHT: Color32 = Color32::from_gray(0x18);

/// The fill of a calendar day (transparent when not tracked).
pub fn completion_fill(ui: &egui::Ui, completion: Completion) -> Color32 {
    completion_fill_in(ui.visuals(), completion)
}

fn completion_fill_in(visuals: &egui::Visuals, completion: Completion) -> Color32 {
    let dark = visuals.dark_mode;
    match completion {
        Completion::Met => {
            if dark {
                MET_DARK
            } else {
                MET_LIGHT
            }
        }
        Completion::Part => {
            if dark {
                PART_DARK
            } else {
                PART_LIGHT
            }
        }
        Completion::Low => {
            if dark {
                LOW_DARK
            } else {
                LOW_LIGHT
            }
        }
        Completion::NotTracked => visuals.panel_fill,
    }
}

/// The text on a calendar day.
pub fn cell_text(ui: &egui::Ui) -> Color32 {
    cell_text_in(ui.visuals())
}

fn cell_text_in(visuals: &egui::Visuals) -> Color32 {
    if visuals.dark_mode { CELL_TEXT_DARK } else { CELL_TEXT_LIGHT }
}

/// A muted colour for past or settled things.
pub fn quiet(ui: &egui::Ui) -> Color32 {
    ui.visuals().weak_text_color()
}

pub fn install(ctx: &egui::Context) {
    ctx.all_styles_mut(|style| {
        style.text_styles = [
            (TextStyle::Heading, FontId::proportional(22.0)),
            (TextStyle::Body, FontId::proportional(15.0)),
            (TextStyle::Button, FontId::proportional(15.0)),
            (TextStyle::Small, FontId::proportional(12.5)),
            (TextStyle::Monospace, FontId::monospace(14.0)),
        ]
        .into();
        style.spacing.item_spacing = egui::vec2(10.0, 8.0);
        style.spacing.button_padding = egui::vec2(10.0, 4.0);
    });
    // A deep night-blue background instead of grey: easier on eyes adjusting to the dark.
    ctx.style_mut_of(Theme::Dark, |style| {
        let visuals = &mut style.visuals;
        visuals.panel_fill = Color32::from_rgb(0x14, 0x18, 0x24);
        visuals.window_fill = Color32::from_rgb(0x1A, 0x1F, 0x2E);
        visuals.extreme_bg_color = Color32::from_rgb(0x0E, 0x11, 0x1A);
        visuals.faint_bg_color = Color32::from_rgb(0x1B, 0x21, 0x30);
        visuals.selection.bg_fill = Color32::from_rgb(0x35, 0x48, 0x78);
        visuals.hyperlink_color = ACCENT_DARK;
        visuals.widgets.noninteractive.fg_stroke.color = TEXT_DARK;
        visuals.weak_text_color = Some(WEAK_DARK);
        visuals.widgets.inactive.bg_stroke = egui::Stroke::new(1.0, OUTLINE_DARK);
    });
    ctx.style_mut_of(Theme::Light, |style| {
        style.visuals.weak_text_color = Some(WEAK_LIGHT);
        style.visuals.widgets.inactive.bg_stroke = egui::Stroke::new(1.0, OUTLINE_LIGHT);
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The WCAG contrast ratio of two opaque colours, 1.0 ..= 21.0.
    fn contrast_ratio(a: Color32, b: Color32) -> f32 {
        fn luminance(colour: Color32) -> f32 {
            let channel = |c: u8| {
                let c = f32::from(c) / 255.0;
                if c <= 0.04045 { c / 12.92 } else { ((c + 0.055) / 1.055).powf(2.4) }
            };
            0.2126 * channel(colour.r()) + 0.7152 * channel(colour.g()) + 0.0722 * channel(colour.b())
        }
        let (x, y) = (luminance(a), luminance(b));
        (x.max(y) + 0.05) / (x.min(y) + 0.05)
    }

    /// Every text colour the screens use, against the panel and the due step's fill.
    #[test]
    fn every_text_meets_wcag_aa_in_both_themes() {
        let ctx = egui::Context::default();
        install(&ctx);
        for theme in [Theme::Dark, Theme::Light] {
            let visuals = ctx.style_of(theme).visuals.clone();
            let texts = [
                ("text", visuals.text_color()),
                ("quiet, done, hint and weak text", visuals.weak_text_color()),
                ("warning", warning_in(&visuals)),
                ("error", error_in(&visuals)),
                ("accent", accent_in(&visuals)),
                ("button text", visuals.widgets.inactive.text_color()),
            ];
            let mut backgrounds = vec![("panel", visuals.panel_fill)];
            if visuals.faint_bg_color.a() == 255 {
                backgrounds.push(("due step", visuals.faint_bg_color));
            }
            let mut failures = Vec::new();
            for (name, colour) in texts {
                assert_eq!(colour.a(), 255, "{theme:?} {name} is translucent; blend it first");
                for (background, fill) in &backgrounds {
                    let ratio = contrast_ratio(colour, *fill);
                    if ratio < 4.5 {
                        failures.push(format!("{theme:?}: {name} on {background} is {ratio:.2}:1"));
                    }
                }
            }
            // The History calendar: day numbers and marks on every completion fill.
            for completion in [Completion::Met, Completion::Part, Completion::Low, Completion::NotTracked] {
                let (text, fill) = (cell_text_in(&visuals), completion_fill_in(&visuals, completion));
                let ratio = contrast_ratio(text, fill);
                if ratio < 4.5 {
                    failures.push(format!("{theme:?}: calendar text on {completion:?} is {ratio:.2}:1"));
                }
            }
            assert!(failures.is_empty(), "below WCAG AA: {failures:?}");
        }
    }

    /// An unticked checkbox or radio button (and a resting or hovered button) is seen by
    /// its boundary: its outline, or its fill when it has none, must stand 3:1 against
    /// the panel and the window it sits on; a tick or a dot 3:1 against the box.
    #[test]
    fn controls_meet_wcag_aa_non_text_contrast_in_both_themes() {
        let ctx = egui::Context::default();
        install(&ctx);
        let mut failures = Vec::new();
        for theme in [Theme::Dark, Theme::Light] {
            let visuals = ctx.style_of(theme).visuals.clone();
            let states = [("resting", visuals.widgets.inactive), ("hovered", visuals.widgets.hovered)];
            for (state, widget) in states {
                let boundary = if widget.bg_stroke.width >= 1.0 { widget.bg_stroke.color } else { widget.bg_fill };
                for (background, fill) in [("panel", visuals.panel_fill), ("window", visuals.window_fill)] {
                    let ratio = contrast_ratio(boundary, fill);
                    if ratio < 3.0 {
                        failures.push(format!("{theme:?}: a {state} control on the {background} is {ratio:.2}:1"));
                    }
                }
                let ratio = contrast_ratio(widget.fg_stroke.color, widget.bg_fill);
                if ratio < 3.0 {
                    failures.push(format!("{theme:?}: a {state} tick in its box is {ratio:.2}:1"));
                }
            }
            // A chosen radio button: its dot in the selection fill.
            let ratio = contrast_ratio(visuals.selection.stroke.color, visuals.selection.bg_fill);
            if ratio < 3.0 {
                failures.push(format!("{theme:?}: a chosen radio button's dot is {ratio:.2}:1"));
            }
        }
        assert!(failures.is_empty(), "below WCAG AA non-text contrast: {failures:?}");
    }

    #[test]
    fn the_ratio_matches_the_known_values() {
        assert!((contrast_ratio(Color32::BLACK, Color32::WHITE) - 21.0).abs() < 0.01);
        assert!((contrast_ratio(WARNING, Color32::from_gray(248)) - 1.88).abs() < 0.01);
    }
}
