//! The first-run setup: a schedule, the steps from the article, a preview, save.

use chrono::{DateTime, Local};
use eframe::egui::{self, RichText};

use super::action::Action;
use super::reminder_status::test_status;
use super::{style, widgets};
use crate::i18n::{self, t};
use crate::model::catalog::Season;
use crate::model::plan::due_local;
use crate::model::{
    CATALOG, Hemisphere, Night, Routine, RoutineFile, Step, evening_at, plan_evening, time::parse_clock,
};
use crate::tr;
use crate::use_cases::Change;
use crate::use_cases::Paths;

#[derive(Debug, Default)]
pub struct SetupState {
    started: bool,
    bedtime: String,
    wake: String,
    /// One flag per catalog step.
    chosen: Vec<bool>,
    /// Asked before a seasonal step is switched on: autumn is in March in the south.
    hemisphere: Option<Hemisphere>,
}

impl SetupState {
    fn start(&mut self, routine_file: &RoutineFile) {
        if self.started {
            return;
        }
        self.started = true;
        self.bedtime = widgets::time_text(routine_file.schedule.every_day.bedtime);
        self.wake = widgets::time_text(routine_file.schedule.every_day.wake);
        // Seasonal steps wait for the hemisphere question.
        self.chosen = CATALOG.iter().map(|entry| entry.season == Season::AllYear).collect();
    }

    /// The routine as chosen so far.
    fn draft(&self, defaults: &RoutineFile) -> RoutineFile {
        let mut routine_file = defaults.clone();
        let night = &defaults.schedule.every_day;
        let bedtime = parse_clock(&self.bedtime).unwrap_or(night.bedtime);
        let wake = parse_clock(&self.wake).unwrap_or(night.wake);
        if let Some(hemisphere) = self.hemisphere {
            routine_file.settings.hemisphere = hemisphere;
        }
        // A bedtime equal to the wake time keeps the previous night; the sleep line
        // under the fields says why.
        let _same_time = routine_file.schedule.set(Some(bedtime), Some(wake), &[]);
        routine_file.routine = Routine {
            steps: CATALOG
                .iter()
                .zip(&self.chosen)
                .filter(|(_, chosen)| **chosen)
                .map(|(entry, _)| Step::from_catalog(entry))
                .collect(),
        };
        routine_file
    }
}

pub fn setup_ui(
    ui: &mut egui::Ui,
    state: &mut SetupState,
    defaults: &RoutineFile,
    now: &DateTime<Local>,
    paths: &Paths,
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
            match (parse_clock(&state.bedtime), parse_clock(&state.wake)) {
                (Some(bedtime), Some(wake)) if bedtime == wake => {
                    let same = tr!("ui-setup-same-time", time = widgets::time_text(bedtime));
                    ui.add(egui::Label::new(RichText::new(same).color(style::warning(ui))).wrap());
                }
                (Some(_), Some(_)) => {
                    let night: &Night = &draft.schedule.every_day;
                    let sleep = RichText::new(i18n::sleep_opportunity(night));
                    let sleep =
                        if night.is_short() { sleep.color(style::warning(ui)) } else { sleep.color(style::accent(ui)) };
                    ui.add(egui::Label::new(sleep).wrap());
                }
                // The field says why; no sleep line for a night that is not known yet.
                _ => {}
            }
            ui.add_space(10.0);
            ui.label(RichText::new(t("ui-setup-hemisphere")).strong());
            ui.horizontal_wrapped(|ui| {
                for (hemisphere, label) in [
                    (Hemisphere::Northern, t("ui-settings-northern")),
                    (Hemisphere::Southern, t("ui-settings-southern")),
                ] {
                    if ui.radio(state.hemisphere == Some(hemisphere), label).clicked() {
                        if state.hemisphere.is_none() {
                            // Asked, so the seasonal steps can join now.
                            for (entry, chosen) in CATALOG.iter().zip(state.chosen.iter_mut()) {
                                *chosen |= entry.season != Season::AllYear;
                            }
                        }
                        state.hemisphere = Some(hemisphere);
                    }
                }
            });
            ui.add(egui::Label::new(RichText::new(t("ui-settings-season-hint")).small().weak()).wrap());
            ui.add_space(10.0);
            ui.label(RichText::new(t("ui-setup-steps")).strong());
            // In the order the evening brings them.
            let evening = evening_at(&draft, now);
            let mut order: Vec<usize> = (0..CATALOG.len()).collect();
            order.sort_by_key(|&index| due_local(&draft, evening, CATALOG[index].anchor));
            for index in order {
                let (Some(entry), Some(chosen)) = (CATALOG.get(index), state.chosen.get_mut(index)) else {
                    continue;
                };
                let seasonal = entry.season != Season::AllYear;
                ui.horizontal_wrapped(|ui| {
                    ui.add_enabled(
                        !seasonal || state.hemisphere.is_some(),
                        egui::Checkbox::new(chosen, i18n::catalog_title(entry.id)),
                    );
                    ui.label(RichText::new(i18n::anchor(&entry.anchor)).small().weak());
                });
                ui.indent(entry.id, |ui| {
                    if seasonal && state.hemisphere.is_none() {
                        ui.add(
                            egui::Label::new(
                                RichText::new(t("ui-setup-hemisphere-first")).small().color(style::warning(ui)),
                            )
                            .wrap(),
                        );
                    }
                    ui.label(RichText::new(i18n::catalog_why(entry.id)).small().color(style::quiet(ui)))
                });
            }
        });
        let ui = &mut columns[1];
        ui.label(RichText::new(t("ui-setup-preview")).strong());
        // The button comes before the preview, which scrolls at a small window size.
        let valid = parse_clock(&state.bedtime).is_some() && parse_clock(&state.wake).is_some();
        if ui.add_enabled(valid, egui::Button::new(RichText::new(t("ui-setup-save")).size(17.0)).wrap()).clicked() {
            actions.push(Action::Apply(Change::SaveRoutineFile(draft.clone())));
        }
        // Do notifications work here? The reminder service shows the test as soon as it
        // starts, which is right after the routine is saved; Settings shows the answer.
        ui.horizontal_wrapped(|ui| {
            let asked = test_status(paths).waiting();
            if ui.add_enabled(!asked, egui::Button::new(t("ui-settings-test"))).clicked() {
                actions.push(Action::Apply(Change::RequestTestNotification { at: now.fixed_offset() }));
            }
            let note = if asked { t("ui-setup-test-asked") } else { t("ui-setup-test-hint") };
            ui.add(egui::Label::new(RichText::new(note).small().weak()).wrap());
        });
        ui.add_space(6.0);
        if !valid {
            // A plan for the last time that parsed would be a stale one.
            ui.add(egui::Label::new(RichText::new(t("ui-setup-preview-waits")).weak()).wrap());
            return;
        }
        let plan = plan_evening(&draft, evening_at(&draft, now), &Local, None);
        egui::ScrollArea::vertical().id_salt("setup-preview").auto_shrink([false, false]).show(ui, |ui| {
            for step in &plan.steps {
                widgets::timeline_row(ui, &step.due, &i18n::planned_title(step), None);
            }
        });
    });
}
