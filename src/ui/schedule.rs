//! The sleep schedule: the same bedtime and wake time every day, or per weekday.

use eframe::egui::{self, RichText};

use super::{Action, style, widgets};
use crate::command::Change;
use crate::i18n::{self, t};
use crate::model::{Config, Day, Night, Schedule};
use crate::tr;

/// The text in the time fields, kept while the user types.
#[derive(Debug, Default)]
pub struct ScheduleForm {
    per_weekday: bool,
    every_day: [String; 2],
    days: [[String; 2]; 7],
}

impl ScheduleForm {
    /// Fills the fields from the saved schedule.
    pub fn reset(&mut self, schedule: &Schedule) {
        self.per_weekday = schedule.is_per_weekday();
        self.every_day = night_texts(&schedule.every_day);
        for day in Day::ALL {
            self.days[day as usize] = night_texts(schedule.night(day));
        }
    }
}

fn night_texts(night: &Night) -> [String; 2] {
    [widgets::time_text(night.bedtime), widgets::time_text(night.wake)]
}

/// Two time fields and the sleep line; returns a changed night when one was committed.
/// `day` names the fields for screen readers ("Monday bedtime"); they show "Bedtime".
fn night_ui(ui: &mut egui::Ui, day: Option<Day>, texts: &mut [String; 2], night: &Night) -> Option<Night> {
    let mut changed = None;
    let names = day.map(|day| {
        let day = i18n::weekday(day);
        (tr!("ui-day-bedtime", day = day.as_str()), tr!("ui-day-wake-time", day = day.as_str()))
    });
    ui.horizontal_wrapped(|ui| {
        let bed_name = names.as_ref().map(|(bed, _)| bed.as_str());
        if let Some(bedtime) = widgets::time_field_named(ui, &t("ui-bedtime"), bed_name, &mut texts[0])
            && bedtime != night.bedtime
        {
            changed = Some(Night { bedtime, ..night.clone() });
        }
        let wake_name = names.as_ref().map(|(_, wake)| wake.as_str());
        if let Some(wake) = widgets::time_field_named(ui, &t("ui-wake-time"), wake_name, &mut texts[1])
            && wake != night.wake
        {
            changed = Some(Night { wake, ..night.clone() });
        }
        let text = RichText::new(i18n::sleep_opportunity(night));
        ui.add(egui::Label::new(if night.is_short() { text.color(style::WARNING) } else { text.weak() }).wrap());
    });
    changed
}

pub fn schedule_ui(ui: &mut egui::Ui, form: &mut ScheduleForm, config: &Config, actions: &mut Vec<Action>) {
    let schedule = &config.schedule;
    ui.heading(t("ui-schedule-heading"));
    ui.label(t("ui-schedule-intro"));
    ui.add_space(6.0);
    ui.horizontal_wrapped(|ui| {
        if ui.radio(!form.per_weekday, t("ui-schedule-same")).clicked() && form.per_weekday {
            form.per_weekday = false;
            if schedule.is_per_weekday() {
                let every_day = Schedule { every_day: schedule.every_day.clone(), weekdays: Default::default() };
                actions.push(Action::Apply(Change::SetSchedule(every_day)));
            }
        }
        if ui.radio(form.per_weekday, t("ui-schedule-per-day")).clicked() {
            form.per_weekday = true;
        }
    });
    ui.add_space(6.0);
    if !form.per_weekday {
        if let Some(night) = night_ui(ui, None, &mut form.every_day, &schedule.every_day) {
            let (bedtime, wake) = (Some(night.bedtime), Some(night.wake));
            actions.push(Action::Apply(Change::SetNights { days: Vec::new(), bedtime, wake }));
        }
        return;
    }
    ui.label(RichText::new(t("ui-schedule-rows")).weak());
    // The fields and the sleep line wrap beside the day's name when the window is narrow.
    egui::Grid::new("weekdays").num_columns(2).spacing([12.0, 6.0]).show(ui, |ui| {
        for day in Day::ALL {
            ui.label(RichText::new(i18n::weekday(day)).strong());
            ui.vertical(|ui| {
                if let Some(night) = night_ui(ui, Some(day), &mut form.days[day as usize], schedule.night(day)) {
                    let (bedtime, wake) = (Some(night.bedtime), Some(night.wake));
                    actions.push(Action::Apply(Change::SetNights { days: vec![day], bedtime, wake }));
                }
            });
            ui.end_row();
        }
    });
}
