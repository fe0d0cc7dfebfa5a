//! Settings: reminders, theme, language, hemisphere, where the data lives, and the
//! computers that use it ([`computers`]).

pub mod computers;

use eframe::egui::{self, RichText};

use super::action::Action;
use super::reminder_status::{ReminderInfo, test_status};
use crate::i18n::t;
use crate::model::settings::{LanguageChoice, MAX_GRACE_MINUTES, MAX_SNOOZE_MINUTES, STREAK_THRESHOLD_RANGE};
use crate::model::{Hemisphere, RoutineFile, Settings, Theme};
use crate::tr;
use crate::use_cases::Change;
use crate::use_cases::Paths;

pub fn settings_ui(
    ui: &mut egui::Ui,
    routine_file: &RoutineFile,
    paths: &Paths,
    reminders: &ReminderInfo,
    actions: &mut Vec<Action>,
) {
    // An out-of-range threshold in the file reads as the figure in use, and is not
    // written back until the user changes a setting.
    let saved = &Settings {
        streak_threshold_percent: routine_file.settings.streak_threshold_percent(),
        ..routine_file.settings.clone()
    };
    let mut settings = saved.clone();
    ui.heading(t("ui-tab-settings"));
    ui.add_space(4.0);

    ui.label(RichText::new(t("ui-settings-reminders")).strong());
    ui.checkbox(&mut settings.reminders, t("ui-settings-send"));
    // Sent by the same service, so it needs reminders on.
    let invitation = egui::Checkbox::new(&mut settings.morning_invitation, t("ui-settings-morning-invitation"));
    ui.add_enabled(settings.reminders, invitation);
    let who = match (saved.reminders, reminders.service_pid) {
        (false, _) => t("ui-settings-reminders-off"),
        (true, Some(pid)) => tr!("ui-settings-service-running", pid = pid.to_string()),
        (true, None) => t("ui-settings-service-stopped"),
    };
    ui.label(RichText::new(who).small().weak());
    if saved.reminders && reminders.tray_host == Some(false) {
        ui.label(RichText::new(t("ui-settings-no-tray")).small().weak());
    }
    if let Some(mut at_login) = reminders.autostart
        && ui.checkbox(&mut at_login, t("ui-settings-autostart")).changed()
    {
        actions.push(Action::Autostart(at_login));
    }
    let minutes = format!(" {}", t("ui-unit-min"));
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(t("ui-settings-snooze"));
        let snooze = egui::DragValue::new(&mut settings.snooze_minutes).range(1..=MAX_SNOOZE_MINUTES);
        ui.add(snooze.suffix(minutes.as_str())).labelled_by(label.id);
    });
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(t("ui-settings-grace"));
        let grace = egui::DragValue::new(&mut settings.grace_minutes).range(0..=MAX_GRACE_MINUTES);
        ui.add(grace.suffix(minutes.as_str())).labelled_by(label.id);
    });
    // The window never sends notifications itself: it asks the reminder service.
    let test = test_status(paths);
    let asked = test.waiting() && reminders.service_pid.is_some();
    if ui.add_enabled(!asked, egui::Button::new(t("ui-settings-test"))).clicked() {
        actions.push(Action::Apply(Change::RequestTestNotification { at: chrono::Local::now().fixed_offset() }));
    }
    if let Some(text) = test.text(reminders.service_pid.is_some()) {
        ui.label(RichText::new(text).small().weak());
    }
    ui.checkbox(&mut settings.bedtime_through_do_not_disturb, t("ui-settings-bedtime-through-dnd"));
    ui.label(RichText::new(t("ui-settings-dnd-hint")).small().weak());
    super::reminder_list::reminder_list_ui(ui, &reminders.tonight);
    ui.add_space(8.0);

    ui.label(RichText::new(t("ui-settings-appearance")).strong());
    ui.horizontal_wrapped(|ui| {
        ui.radio_value(&mut settings.theme, Theme::System, t("ui-settings-theme-system"));
        ui.radio_value(&mut settings.theme, Theme::Dark, t("ui-settings-theme-dark"));
        ui.radio_value(&mut settings.theme, Theme::Light, t("ui-settings-theme-light"));
    });
    ui.label(RichText::new(t("ui-settings-theme-hint")).small().weak());
    ui.add_space(8.0);

    // Saved with the other settings; the window follows it from the next frame.
    ui.label(RichText::new(t("ui-settings-language")).strong());
    ui.horizontal_wrapped(|ui| {
        for (choice, name) in [
            (LanguageChoice::System, t("ui-settings-language-system")),
            (LanguageChoice::English, t("ui-settings-language-english")),
            (LanguageChoice::Russian, t("ui-settings-language-russian")),
        ] {
            ui.radio_value(&mut settings.language, choice, name);
        }
    });
    ui.add_space(8.0);

    ui.label(RichText::new(t("ui-settings-season")).strong());
    ui.horizontal_wrapped(|ui| {
        ui.radio_value(&mut settings.hemisphere, Hemisphere::Northern, t("ui-settings-northern"));
        ui.radio_value(&mut settings.hemisphere, Hemisphere::Southern, t("ui-settings-southern"));
    });
    ui.label(RichText::new(t("ui-settings-season-hint")).small().weak());
    ui.add_space(8.0);

    ui.label(RichText::new(t("ui-settings-history")).strong());
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(t("ui-settings-streak-threshold"));
        let threshold = egui::DragValue::new(&mut settings.streak_threshold_percent).range(STREAK_THRESHOLD_RANGE);
        ui.add(threshold.suffix(" %")).labelled_by(label.id);
    });
    ui.label(RichText::new(t("ui-settings-streak-threshold-hint")).small().weak());
    ui.add_space(8.0);

    if settings != *saved {
        actions.push(Action::Apply(Change::SetSettings(settings)));
    }
}

/// "Your data": where the files are, each folder with its Open button (export and import
/// follow, in `data_transfer`).
pub fn data_folders_ui(ui: &mut egui::Ui, paths: &Paths, actions: &mut Vec<Action>) {
    ui.label(RichText::new(t("ui-settings-data")).strong());
    ui.label(t("ui-settings-data-intro"));
    let config_folder = (t("ui-settings-config-folder"), t("ui-settings-open-config-folder"));
    folder_ui(ui, config_folder, &paths.config_dir, actions);
    if paths.data_dir != paths.config_dir {
        let journal_folder = (t("ui-settings-journal-folder"), t("ui-settings-open-journal-folder"));
        folder_ui(ui, journal_folder, &paths.data_dir, actions);
    }
}

/// A folder's label, its path and an "Open folder" button with `open` as its accessible name.
fn folder_ui(ui: &mut egui::Ui, (label, open): (String, String), folder: &std::path::Path, actions: &mut Vec<Action>) {
    ui.horizontal_wrapped(|ui| {
        ui.label(label);
        ui.label(RichText::new(folder.display().to_string()).monospace());
        if ui.button(t("ui-open-folder")).accessible_name(open).clicked() {
            actions.push(Action::OpenFolder(folder.to_path_buf()));
        }
    });
}
