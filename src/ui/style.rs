//! Calm colours and readable sizes: the window is mostly used late in the evening.

use eframe::egui::{self, Color32, FontId, TextStyle, Theme};

pub const WARNING: Color32 = Color32::from_rgb(0xE0, 0xB0, 0x5A);
pub const ERROR: Color32 = Color32::from_rgb(0xE0, 0x6C, 0x6C);
const ACCENT_DARK: Color32 = Color32::from_rgb(0x9C, 0xB4, 0xF0);
const ACCENT_LIGHT: Color32 = Color32::from_rgb(0x2F, 0x4E, 0x9A);

/// The accent colour for the theme in use: soft moonlight blue.
pub fn accent(ui: &egui::Ui) -> Color32 {
    if ui.visuals().dark_mode { ACCENT_DARK } else { ACCENT_LIGHT }
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
    });
}
