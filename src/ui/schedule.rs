//! The sleep schedule: the same bedtime and wake time every day, or per weekday.

use eframe::egui::{self, RichText};

use super::{Action, style, widgets};
use crate::command::Change;
use crate::model::{Config, Day, Night, Schedule};

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
fn night_ui(ui: &mut egui::Ui, who: &str, texts: &mut [String; 2], night: &Night) -> Option<Night> {
    let mut changed = None;
    ui.horizontal(|ui| {
        let (bed_label, wake_label) = match who {
            "" => ("Bedtime".to_owned(), "Wake time".to_owned()),
            who => (format!("{who}bedtime"), format!("{who}wake time")),
        };
        if let Some(bedtime) = widgets::time_field(ui, &bed_label, &mut texts[0])
            && bedtime != night.bedtime
        {
            changed = Some(Night { bedtime, ..night.clone() });
        }
        if let Some(wake) = widgets::time_field(ui, &wake_label, &mut texts[1])
            && wake != night.wake
        {
            changed = Some(Night { wake, ..night.clone() });
        }
        let text = RichText::new(night.sleep_opportunity_text());
        ui.label(if night.is_short() { text.color(style::WARNING) } else { text.weak() });
    });
    changed
}

pub fn schedule_ui(ui: &mut egui::Ui, form: &mut ScheduleForm, config: &Config, actions: &mut Vec<Action>) {
    let schedule = &config.schedule;
    ui.heading("Sleep schedule");
    ui.label(
        "A fixed bedtime and a fixed wake time with an alarm clock are the heart of the routine. \
         The article advises at least eight hours of sleep, nine or ten if eight are not enough.",
    );
    ui.add_space(6.0);
    ui.horizontal(|ui| {
        if ui.radio(!form.per_weekday, "Same time every day").clicked() && form.per_weekday {
            form.per_weekday = false;
            if schedule.is_per_weekday() {
                let every_day = Schedule { every_day: schedule.every_day.clone(), weekdays: Default::default() };
                actions.push(Action::Apply(Change::SetSchedule(every_day)));
            }
        }
        if ui.radio(form.per_weekday, "Different on some days").clicked() {
            form.per_weekday = true;
        }
    });
    ui.add_space(6.0);
    if !form.per_weekday {
        if let Some(night) = night_ui(ui, "", &mut form.every_day, &schedule.every_day) {
            let (bedtime, wake) = (Some(night.bedtime), Some(night.wake));
            actions.push(Action::Apply(Change::SetNights { days: Vec::new(), bedtime, wake }));
        }
        return;
    }
    ui.label(RichText::new("Each row is the night that starts on that evening.").weak());
    egui::Grid::new("weekdays").num_columns(2).spacing([12.0, 6.0]).show(ui, |ui| {
        for day in Day::ALL {
            ui.label(day.name());
            let who = format!("{} ", day.name());
            if let Some(night) = night_ui(ui, &who, &mut form.days[day as usize], schedule.night(day)) {
                let (bedtime, wake) = (Some(night.bedtime), Some(night.wake));
                actions.push(Action::Apply(Change::SetNights { days: vec![day], bedtime, wake }));
            }
            ui.end_row();
        }
    });
}
