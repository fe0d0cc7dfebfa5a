//! "Tonight's reminders" in Settings: what happened to each reminder this evening, and
//! why (the same rows as `bedtime-coach reminders`, from [`crate::remind::fates`]).

use eframe::egui::{self, RichText};

use crate::i18n::t;
use crate::use_cases::views::{Row, fate_text};

/// A collapsed section listing `rows`: due time, title and fate, one line each.
pub fn reminder_list_ui(ui: &mut egui::Ui, rows: &[Row]) {
    egui::CollapsingHeader::new(RichText::new(t("ui-reminders-tonight")).strong())
        .id_salt("tonights-reminders")
        .default_open(false)
        .show(ui, |ui| {
            ui.label(RichText::new(t("ui-reminders-tonight-hint")).small().weak());
            if rows.is_empty() {
                ui.label(t("cli-reminders-none"));
            }
            for row in rows {
                ui.horizontal_wrapped(|ui| {
                    ui.label(RichText::new(row.due.format("%H:%M").to_string()).monospace());
                    ui.label(RichText::new(&row.title).strong());
                    ui.label(fate_text(row));
                });
            }
        });
}
