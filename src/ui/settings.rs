//! Settings: reminders, theme, hemisphere, and where the data lives.

use eframe::egui::{self, RichText};

use super::Action;
use super::reminder_status::ReminderInfo;
use crate::command::Change;
use crate::model::settings::{MAX_GRACE_MINUTES, MAX_SNOOZE_MINUTES};
use crate::model::{Config, Hemisphere, Theme};
use crate::store::Paths;

pub fn settings_ui(
    ui: &mut egui::Ui,
    config: &Config,
    paths: &Paths,
    reminders: &ReminderInfo,
    actions: &mut Vec<Action>,
) {
    let saved = &config.settings;
    let mut settings = saved.clone();
    ui.heading("Settings");
    ui.add_space(4.0);

    ui.label(RichText::new("Reminders").strong());
    ui.checkbox(&mut settings.reminders, "Send wind-down reminders as desktop notifications");
    let who = match (saved.reminders, reminders.service_pid) {
        (false, _) => "Reminders are off.".to_owned(),
        (true, Some(pid)) => format!(
            "The reminder service (process {pid}) sends them as desktop notifications; \
             they keep coming when this window is closed."
        ),
        (true, None) => "The reminder service is not running; it starts with this window or at login.".to_owned(),
    };
    ui.label(RichText::new(who).small().weak());
    if let Some(mut at_login) = reminders.autostart
        && ui.checkbox(&mut at_login, "Start reminders when I log in").changed()
    {
        actions.push(Action::Autostart(at_login));
    }
    ui.horizontal(|ui| {
        let label = ui.label("Snooze for");
        ui.add(egui::DragValue::new(&mut settings.snooze_minutes).range(1..=MAX_SNOOZE_MINUTES).suffix(" min"))
            .labelled_by(label.id);
        let label = ui.label("Still send reminders missed by up to");
        ui.add(egui::DragValue::new(&mut settings.grace_minutes).range(0..=MAX_GRACE_MINUTES).suffix(" min"))
            .labelled_by(label.id);
    });
    ui.add_space(8.0);

    ui.label(RichText::new("Appearance").strong());
    ui.horizontal(|ui| {
        ui.radio_value(&mut settings.theme, Theme::System, "Follow the system");
        ui.radio_value(&mut settings.theme, Theme::Dark, "Dark");
        ui.radio_value(&mut settings.theme, Theme::Light, "Light");
    });
    ui.label(RichText::new("Dark suits the evening: less light before sleep.").small().weak());
    ui.add_space(8.0);

    ui.label(RichText::new("Season").strong());
    ui.horizontal(|ui| {
        ui.radio_value(&mut settings.hemisphere, Hemisphere::Northern, "Northern hemisphere");
        ui.radio_value(&mut settings.hemisphere, Hemisphere::Southern, "Southern hemisphere");
    });
    ui.label(
        RichText::new("\"Keep hands and feet warm\" joins your evenings in autumn and winter where you live.")
            .small()
            .weak(),
    );
    ui.add_space(8.0);

    ui.label(RichText::new("Your data").strong());
    ui.label("Bedtime Coach works offline. Nothing leaves this computer; everything is kept as JSON files here:");
    folder_ui(ui, "Routine and settings", &paths.config_dir, actions);
    if paths.data_dir != paths.config_dir {
        folder_ui(ui, "Journal", &paths.data_dir, actions);
    }

    if settings != *saved {
        actions.push(Action::Apply(Change::SetSettings(settings)));
    }
}

fn folder_ui(ui: &mut egui::Ui, what: &str, folder: &std::path::Path, actions: &mut Vec<Action>) {
    ui.horizontal(|ui| {
        ui.label(format!("{what}:"));
        ui.label(RichText::new(folder.display().to_string()).monospace());
        if ui.button("Open folder").accessible_name(format!("Open the {} folder", what.to_lowercase())).clicked() {
            actions.push(Action::OpenFolder(folder.to_path_buf()));
        }
    });
}
