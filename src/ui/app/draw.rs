//! One frame of the window: the tabs, the banners, and the screen shown.

use eframe::egui;

use super::App;
use crate::i18n;
use crate::ui::banners::{Banner, BannerKind};
use crate::ui::screen::Screen;
use crate::ui::{
    Action, about_sleep, data_transfer, history, night, routine, schedule, settings, setup, tonight, widgets,
};
use crate::use_cases::files::last_night;
use crate::use_cases::views;

impl App {
    pub(super) fn draw_in_language(&mut self, ui: &mut egui::Ui) {
        let mut actions = Vec::new();
        let quit = egui::KeyboardShortcut::new(egui::Modifiers::COMMAND, egui::Key::Q);
        if ui.input_mut(|input| input.consume_shortcut(&quit)) {
            ui.send_viewport_cmd(egui::ViewportCommand::Close);
        }
        // Ctrl+Z undoes the last change; a text field being typed in keeps it for its text.
        let undo_key = egui::KeyboardShortcut::new(egui::Modifiers::COMMAND, egui::Key::Z);
        let undo_last = !ui.ctx().text_edit_focused() && ui.input_mut(|input| input.consume_shortcut(&undo_key));
        let now = (self.clock)();
        if self.screen == Screen::Settings {
            self.read_computers();
        }
        let first_run = self.snapshot.is_first_run();
        // The window's accessible name (egui leaves the root nameless).
        ui.ctx().accesskit_node_builder(egui::accesskit_root_id(), |node| node.set_label(i18n::t("ui-app-name")));
        egui::Panel::top("top-bar").show(ui, |ui| {
            ui.add_space(6.0);
            ui.horizontal(|ui| {
                // Six tabs leave no room for the name in a narrow window (the title bar
                // has it anyway); the first-run setup has no tabs and keeps it.
                if first_run || ui.available_width() >= 960.0 {
                    ui.heading(i18n::t("ui-app-name"));
                    ui.add_space(16.0);
                }
                if !first_run {
                    // Tabs with a selected one, for a screen reader (egui makes toggle buttons).
                    ui.scope(|ui| {
                        ui.ctx().accesskit_node_builder(ui.unique_id(), |node| {
                            node.set_role(egui::accesskit::Role::TabList)
                        });
                        for (screen, label) in [
                            (Screen::Tonight, i18n::t("ui-tab-tonight")),
                            (Screen::Night, i18n::t("night-tab")),
                            (Screen::History, i18n::t("ui-tab-history")),
                            (Screen::Routine, i18n::t("ui-tab-routine")),
                            (Screen::Schedule, i18n::t("ui-tab-schedule")),
                            (Screen::Settings, i18n::t("ui-tab-settings")),
                        ] {
                            let selected = self.screen == screen;
                            let tab = ui.selectable_label(selected, label);
                            ui.ctx().accesskit_node_builder(tab.id, |node| {
                                node.set_role(egui::accesskit::Role::Tab);
                                node.clear_toggled();
                                node.set_selected(selected);
                            });
                            if tab.clicked() {
                                actions.push(Action::Show(screen));
                            }
                        }
                    });
                }
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    // On one line: the whole sentence where it fits, else its first words
                    // (the sentence on hover; Settings → Your data says it in full). It
                    // used to wrap to three lines in Russian at 720 px.
                    let whole = i18n::t("ui-offline");
                    let fits = widgets::text_width(ui, &whole, egui::TextStyle::Small) <= ui.available_width();
                    let text = if fits { whole.clone() } else { i18n::t("ui-offline-short") };
                    let label = ui.add(egui::Label::new(egui::RichText::new(text).small().weak()).extend());
                    if !fits {
                        label.on_hover_text(whole);
                    }
                });
            });
            ui.add_space(4.0);
        });
        if !self.banners.is_empty() || self.read_only_messages().next().is_some() {
            egui::Panel::top("banners").show(ui, |ui| {
                for message in self.read_only_messages() {
                    widgets::banner_ui(ui, &Banner::new(BannerKind::Warning, message.clone()), None, &mut actions);
                }
                for (index, banner) in self.banners.all().iter().enumerate() {
                    widgets::banner_ui(ui, banner, Some(index), &mut actions);
                }
            });
        }
        egui::CentralPanel::default().show(ui, |ui| {
            let routine_file = &self.snapshot.routine_file.value;
            if first_run {
                setup::setup_ui(ui, &mut self.setup, routine_file, &now, self.coach.paths(), &mut actions);
                return;
            }
            match self.screen {
                Screen::Tonight => {
                    let (evening, plan) = views::evening_plan(routine_file, &self.snapshot.journal.value, None, &now);
                    // Read for the evening drawn: one left open overnight pauses nothing the next day.
                    let paused = self.reminder_info.log.is_paused(evening);
                    let found =
                        crate::model::warnings::findings(&self.snapshot.journal.value, last_night(routine_file, &now));
                    self.tonight.signs_logged = !found.nothing_logged();
                    self.tonight.snoozed = snoozed_steps(&self.reminder_info.log, evening, &now);
                    tonight::tonight_ui(ui, &mut self.tonight, &plan, routine_file, paused, &now, &mut actions);
                }
                Screen::Night => {
                    let last_night = last_night(routine_file, &now);
                    let journal = &self.snapshot.journal.value;
                    // The previous reading's while a change is read again.
                    let helps = match (self.history_load.figures(), self.history_load.progress()) {
                        (Some(figures), _) => {
                            figures.helps.as_deref().map_or(night::Helps::NothingRecorded, night::Helps::Found)
                        }
                        (None, progress) => night::Helps::Reading(progress),
                    };
                    let view = night::NightView { routine_file, journal, now: &now, last_night, helps };
                    night::night_ui(ui, &mut self.night, &view, &mut actions);
                }
                Screen::History => scrolling(ui, "history", |ui| {
                    let load = &self.history_load;
                    let reading = match (load.progress(), load.failure()) {
                        (Some(progress), _) => Some(history::Reading::Under(progress)),
                        (None, Some(error)) => Some(history::Reading::Failed(error)),
                        (None, None) => None,
                    };
                    // The previous reading's figures while a change is read again.
                    let (near, snapshot, read, generation) =
                        (&self.near, &self.snapshot, &self.history_day, self.generation);
                    let day = self.history_view.selected().and_then(|date| {
                        super::recorded_on(near, snapshot, read, generation, date).map(|recorded| (date, recorded))
                    });
                    let data = load.figures().map(|figures| history::HistoryData {
                        routine_file,
                        day,
                        figures: &figures.figures,
                    });
                    history::history_ui(ui, &mut self.history_view, data, reading, &now, &mut actions)
                }),
                Screen::Routine => routine::routine_ui(ui, &mut self.routine, routine_file, &now, &mut actions),
                // Longer words (Russian) at the smallest window size scroll rather than clip.
                Screen::Schedule => scrolling(ui, "schedule", |ui| {
                    schedule::schedule_ui(ui, &mut self.schedule, routine_file, &mut actions)
                }),
                Screen::Settings => scrolling(ui, "settings", |ui| {
                    let paths = self.coach.paths();
                    settings::settings_ui(ui, routine_file, paths, &self.reminder_info, &mut actions);
                    // Above "Your data", whose export and import end the screen.
                    let (state, read) = (&mut self.computers, &self.computers_read.1);
                    settings::computers::computers_ui(ui, state, read, paths, &now, &mut actions);
                    ui.add_space(8.0);
                    settings::data_folders_ui(ui, paths, &mut actions);
                    data_transfer::data_transfer_ui(ui, &mut self.data_transfer, &mut actions);
                }),
                Screen::AboutSleep => {
                    scrolling(ui, "about-sleep", |ui| about_sleep::about_sleep_ui(ui, self.about_back, &mut actions))
                }
            }
        });
        self.apply(actions);
        if undo_last {
            self.speaking(Self::undo_last);
        }
    }
}

/// A screen in a vertical scroll area that fills the panel.
fn scrolling(ui: &mut egui::Ui, id: &str, add: impl FnOnce(&mut egui::Ui)) {
    egui::ScrollArea::vertical().id_salt(id).auto_shrink([false, false]).show(ui, |ui| {
        ui.set_max_width(widgets::width_beside_scroll_bar(ui));
        add(ui)
    });
}

/// The evening's snoozes still ahead at `now` ("snoozed until 21:10" on Tonight's rows).
fn snoozed_steps(
    log: &crate::model::ReminderLog,
    evening: chrono::NaiveDate,
    now: &chrono::DateTime<chrono::Local>,
) -> std::collections::BTreeMap<String, chrono::DateTime<chrono::Local>> {
    let Some(evening) = log.evening(evening) else { return Default::default() };
    evening
        .snoozed
        .iter()
        .filter(|(_, snooze)| !snooze.settled && snooze.until > *now)
        .map(|(key, snooze)| (key.clone(), snooze.until.with_timezone(&chrono::Local)))
        .collect()
}
