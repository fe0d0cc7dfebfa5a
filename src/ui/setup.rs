//! The first-run setup: a schedule, the steps from the article, a preview, save.

use chrono::{DateTime, Local};
use eframe::egui::{self, RichText};

use super::{Action, style, widgets};
use crate::command::Change;
use crate::i18n::{self, t};
use crate::model::{CATALOG, Config, Night, Routine, Step, evening_at, plan_evening, time::parse_hhmm};
use crate::tr;

#[derive(Debug, Default)]
pub struct SetupState {
    started: bool,
    bedtime: String,
    wake: String,
    /// One flag per catalog step.
    chosen: Vec<bool>,
}

impl SetupState {
    fn start(&mut self, config: &Config) {
        if self.started {
            return;
        }
        self.started = true;
        self.bedtime = widgets::time_text(config.schedule.every_day.bedtime);
        self.wake = widgets::time_text(config.schedule.every_day.wake);
        self.chosen = CATALOG.iter().map(|_| true).collect();
    }

    /// The routine as chosen so far.
    fn draft(&self, defaults: &Config) -> Config {
        let mut config = defaults.clone();
        let night = &defaults.schedule.every_day;
        let bedtime = parse_hhmm(&self.bedtime).unwrap_or(night.bedtime);
        let wake = parse_hhmm(&self.wake).unwrap_or(night.wake);
        // A bedtime equal to the wake time keeps the previous night; the sleep line
        // under the fields says why.
        let _same_time = config.schedule.set(Some(bedtime), Some(wake), &[]);
        config.routine = Routine {
            steps: CATALOG
                .iter()
                .zip(&self.chosen)
                .filter(|(_, chosen)| **chosen)
                .map(|(entry, _)| Step::from_catalog(entry))
                .collect(),
        };
        config
    }
}

pub fn setup_ui(
    ui: &mut egui::Ui,
    state: &mut SetupState,
    defaults: &Config,
    now: &DateTime<Local>,
    actions: &mut Vec<Action>,
) {
    state.start(defaults);
    let draft = state.draft(defaults);
    ui.heading(t("ui-setup-welcome"));
    ui.label(t("ui-setup-intro"));
    ui.add_space(8.0);
    ui.columns(2, |columns| {
        egui::ScrollArea::vertical().id_salt("setup-steps").auto_shrink([false, false]).show(&mut columns[0], |ui| {
            ui.label(RichText::new(t("ui-setup-schedule")).strong());
            ui.horizontal_wrapped(|ui| {
                widgets::time_field(ui, &t("ui-bedtime"), &mut state.bedtime);
                widgets::time_field(ui, &t("ui-wake-time"), &mut state.wake);
            });
            let typed = (parse_hhmm(&state.bedtime), parse_hhmm(&state.wake));
            if let (Some(bedtime), Some(wake)) = typed
                && bedtime == wake
            {
                let same = tr!("ui-setup-same-time", time = widgets::time_text(bedtime));
                ui.label(RichText::new(same).color(style::WARNING));
            } else {
                let night: &Night = &draft.schedule.every_day;
                let sleep = RichText::new(i18n::sleep_opportunity(night));
                ui.label(if night.is_short() { sleep.color(style::WARNING) } else { sleep.color(style::accent(ui)) });
            }
            ui.add_space(10.0);
            ui.label(RichText::new(t("ui-setup-steps")).strong());
            for (entry, chosen) in CATALOG.iter().zip(state.chosen.iter_mut()) {
                ui.horizontal_wrapped(|ui| {
                    ui.checkbox(chosen, i18n::catalog_title(entry.id));
                    ui.label(RichText::new(i18n::anchor(&entry.anchor)).small().weak());
                });
                ui.indent(entry.id, |ui| {
                    ui.label(RichText::new(i18n::catalog_why(entry.id)).small().color(style::quiet(ui)))
                });
            }
        });
        let ui = &mut columns[1];
        ui.label(RichText::new(t("ui-setup-preview")).strong());
        let plan = plan_evening(&draft, evening_at(&draft, now), &Local, None);
        // The button comes before the preview, which scrolls at a small window size.
        let valid = parse_hhmm(&state.bedtime).is_some() && parse_hhmm(&state.wake).is_some();
        if ui.add_enabled(valid, egui::Button::new(RichText::new(t("ui-setup-save")).size(17.0)).wrap()).clicked() {
            actions.push(Action::Apply(Change::SaveConfig(draft.clone())));
        }
        ui.add_space(6.0);
        egui::ScrollArea::vertical().id_salt("setup-preview").auto_shrink([false, false]).show(ui, |ui| {
            for step in &plan.steps {
                widgets::timeline_row(ui, &step.due, &i18n::planned_title(step), None);
            }
        });
    });
}
