//! The sleep schedule: the same bedtime and wake time every day, or per weekday.
//!
//! Each weekday row is one night, read the way it is lived: "Saturday night: bed 23:30
//! — up on Sunday 09:00". Two shortcuts set the workday and the weekend nights at once.
//! Choosing "Same time every day" keeps the weekday nights aside rather than dropping them.

use chrono::NaiveTime;
use eframe::egui::{self, RichText};

use super::action::Action;
use super::{style, widgets};
use crate::i18n::{self, t};
use crate::model::{Day, Night, RoutineFile, Schedule};
use crate::tr;
use crate::use_cases::Change;

/// Nights before the workday mornings, Monday to Friday.
const WORKDAY_NIGHTS: [Day; 5] = [Day::Sun, Day::Mon, Day::Tue, Day::Wed, Day::Thu];
/// Nights before the weekend mornings, Saturday and Sunday.
const WEEKEND_NIGHTS: [Day; 2] = [Day::Fri, Day::Sat];

/// The text in the time fields, kept while the user types.
#[derive(Debug, Default)]
pub struct ScheduleForm {
    per_weekday: bool,
    every_day: [String; 2],
    days: [[String; 2]; 7],
    /// Workdays, then the weekend.
    groups: [[String; 2]; 2],
}

impl ScheduleForm {
    /// Fills the fields from the saved schedule.
    pub fn reset(&mut self, schedule: &Schedule) {
        self.per_weekday = schedule.is_per_weekday();
        self.every_day = night_texts(&schedule.every_day);
        for day in Day::ALL {
            self.days[day as usize] = night_texts(schedule.weekday_night(day));
        }
        self.groups = [WORKDAY_NIGHTS[1], WEEKEND_NIGHTS[0]].map(|day| night_texts(schedule.weekday_night(day)));
    }
}

fn night_texts(night: &Night) -> [String; 2] {
    [widgets::time_text(night.bedtime), widgets::time_text(night.wake)]
}

/// What a row shows: its heading, the labels beside its two fields, and the names a
/// screen reader gives the fields when they differ from those labels.
struct RowTexts {
    heading: Option<String>,
    bed: String,
    wake: String,
    names: Option<(String, String)>,
}

/// Two time fields and, on a line of its own that wraps, the sleep line; returns the
/// bedtime and the wake time the user committed, if any.
fn night_ui(
    ui: &mut egui::Ui,
    texts: &RowTexts,
    fields: &mut [String; 2],
    night: &Night,
) -> (Option<NaiveTime>, Option<NaiveTime>) {
    let mut committed = (None, None);
    ui.horizontal_wrapped(|ui| {
        if let Some(heading) = &texts.heading {
            ui.label(RichText::new(heading).strong());
        }
        let (bed_name, wake_name) = match &texts.names {
            Some((bed, wake)) => (Some(bed.as_str()), Some(wake.as_str())),
            None => (None, None),
        };
        committed.0 = widgets::time_field_named(ui, &texts.bed, bed_name, &mut fields[0]);
        committed.1 = widgets::time_field_named(ui, &texts.wake, wake_name, &mut fields[1]);
    });
    let text = RichText::new(i18n::sleep_opportunity(night));
    // A short night's warning is long: it wraps at any width, never clipped.
    ui.add(egui::Label::new(if night.is_short() { text.color(style::warning(ui)) } else { text.weak() }).wrap());
    committed
}

/// The change for `days` when a field was committed with a new time.
fn set_nights(
    days: Vec<Day>,
    committed: (Option<NaiveTime>, Option<NaiveTime>),
    night: &Night,
    actions: &mut Vec<Action>,
) {
    let bedtime = committed.0.filter(|&time| time != night.bedtime);
    let wake = committed.1.filter(|&time| time != night.wake);
    if bedtime.is_some() || wake.is_some() {
        actions.push(Action::Apply(Change::SetNights { days, bedtime, wake }));
    }
}

pub fn schedule_ui(ui: &mut egui::Ui, form: &mut ScheduleForm, routine_file: &RoutineFile, actions: &mut Vec<Action>) {
    let schedule = &routine_file.schedule;
    ui.heading(t("ui-schedule-heading"));
    ui.add(egui::Label::new(t("ui-schedule-intro")).wrap());
    ui.add_space(6.0);
    ui.horizontal_wrapped(|ui| {
        if ui.radio(!form.per_weekday, t("ui-schedule-same")).clicked() && form.per_weekday {
            form.per_weekday = false;
            if schedule.is_per_weekday() {
                // Kept aside, not dropped: switching back brings them back.
                actions.push(Action::Apply(Change::ShowWeekdays(false)));
            }
        }
        if ui.radio(form.per_weekday, t("ui-schedule-per-day")).clicked() && !form.per_weekday {
            form.per_weekday = true;
            if schedule.has_hidden_weekdays() {
                actions.push(Action::Apply(Change::ShowWeekdays(true)));
            }
        }
    });
    ui.add_space(6.0);
    if !form.per_weekday {
        let texts = RowTexts { heading: None, bed: t("ui-bedtime"), wake: t("ui-wake-time"), names: None };
        let committed = night_ui(ui, &texts, &mut form.every_day, &schedule.every_day);
        set_nights(Vec::new(), committed, &schedule.every_day, actions);
        if schedule.has_hidden_weekdays() {
            ui.add_space(6.0);
            ui.add(egui::Label::new(RichText::new(t("ui-schedule-kept")).weak()).wrap());
        }
        return;
    }
    ui.label(RichText::new(t("ui-schedule-groups")).strong());
    let groups = [
        (&WORKDAY_NIGHTS[..], t("ui-group-workdays"), t("ui-group-workdays-bedtime"), t("ui-group-workdays-wake")),
        (&WEEKEND_NIGHTS[..], t("ui-group-weekend"), t("ui-group-weekend-bedtime"), t("ui-group-weekend-wake")),
    ];
    for ((days, bed, bed_name, wake_name), fields) in groups.into_iter().zip(form.groups.iter_mut()) {
        let night = days.first().map_or(&schedule.every_day, |&day| schedule.weekday_night(day));
        let texts = RowTexts { heading: None, bed, wake: t("ui-group-wake"), names: Some((bed_name, wake_name)) };
        let committed = night_ui(ui, &texts, fields, night);
        // Any field committed sets the whole group, even where one night differed.
        let bedtime = committed.0.filter(|&time| days.iter().any(|&d| schedule.weekday_night(d).bedtime != time));
        let wake = committed.1.filter(|&time| days.iter().any(|&d| schedule.weekday_night(d).wake != time));
        if bedtime.is_some() || wake.is_some() {
            actions.push(Action::Apply(Change::SetNights { days: days.to_vec(), bedtime, wake }));
        }
        ui.add_space(4.0);
    }
    ui.separator();
    ui.add(egui::Label::new(RichText::new(t("ui-schedule-rows")).weak()).wrap());
    for day in Day::ALL {
        let next = day.next();
        let (name, next_name) = (i18n::weekday(day), i18n::weekday(next));
        let next_on = tr!("weekday-on", day = next.key());
        let texts = RowTexts {
            heading: Some(tr!("ui-night", day = name.as_str(), next_on = next_on.as_str())),
            bed: t("ui-night-bed"),
            wake: tr!("ui-night-wake", next = next_name.as_str()),
            names: Some((
                tr!("ui-day-bedtime", day = name.as_str(), next_on = next_on.as_str()),
                tr!("ui-day-wake-time", day = name.as_str(), next = next_name.as_str(), next_on = next_on.as_str()),
            )),
        };
        let night = schedule.weekday_night(day);
        let committed = night_ui(ui, &texts, &mut form.days[day as usize], night);
        set_nights(vec![day], committed, night, actions);
        ui.add_space(4.0);
    }
}
