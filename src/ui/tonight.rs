//! Tonight: the evening's steps in time order, checked off one by one.

use std::collections::BTreeSet;

use chrono::{DateTime, Local};
use eframe::egui::{self, RichText};

use super::{Action, style};
use crate::command::Change;
use crate::model::{
    Config, Outcome, Plan, PlannedStep, StepState, ValueKind, catalog,
    schedule::{MIN_SLEEP_MINUTES, SHORT_NIGHT_ADVICE},
    time::format_minutes,
};

#[derive(Debug, Default)]
pub struct TonightState {
    /// Steps whose "why" is unfolded.
    pub why_open: BTreeSet<String>,
    /// The humidity reading being typed.
    pub humidity: String,
}

/// Where a step stands relative to now, for how loudly to show it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Timing {
    Settled,
    PastDue,
    DueNow,
    Upcoming,
}

fn timing(plan: &Plan<Local>, step: &PlannedStep<Local>, now: &DateTime<Local>) -> Timing {
    if step.state != StepState::Pending {
        return Timing::Settled;
    }
    if step.due > *now {
        return Timing::Upcoming;
    }
    // The latest pending step already due is the one "due now"; earlier ones are past.
    let latest_due = plan.steps.iter().filter(|s| s.state == StepState::Pending && s.due <= *now).map(|s| &s.due).max();
    if latest_due == Some(&step.due) { Timing::DueNow } else { Timing::PastDue }
}

pub fn tonight_ui(
    ui: &mut egui::Ui,
    state: &mut TonightState,
    plan: &Plan<Local>,
    config: &Config,
    paused: bool,
    now: &DateTime<Local>,
    actions: &mut Vec<Action>,
) {
    egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
        ui.set_max_width(ui.available_width().min(760.0));
        header_ui(ui, plan, now);
        caffeine_ui(ui, plan, now);
        if config.settings.reminders {
            pause_ui(ui, plan, paused, actions);
        }
        ui.add_space(6.0);
        progress_ui(ui, plan);
        ui.add_space(10.0);
        for step in &plan.steps {
            step_ui(ui, state, plan, step, config, now, actions);
        }
        if plan.steps.is_empty() {
            ui.label("Your routine has no steps tonight. Add some under Routine.");
        }
    });
}

fn header_ui(ui: &mut egui::Ui, plan: &Plan<Local>, now: &DateTime<Local>) {
    ui.label(RichText::new(format!("Evening of {}", plan.evening.format("%A %-d %B"))).weak());
    let to_bed = (plan.bedtime - *now).num_minutes();
    let countdown = if to_bed > 0 {
        format!("Bedtime {} — in {}", plan.bedtime.format("%H:%M"), format_minutes(to_bed))
    } else if *now < plan.wake {
        format!("Past bedtime ({}) — lights out and sleep well", plan.bedtime.format("%H:%M"))
    } else {
        "This evening is over".to_owned()
    };
    ui.label(RichText::new(countdown).size(28.0).color(style::accent(ui)));
    let sleep = plan.sleep_minutes();
    let line = format!("{} until your {} alarm", format_minutes(sleep), plan.wake.format("%H:%M"));
    if sleep < MIN_SLEEP_MINUTES {
        ui.label(RichText::new(format!("{line}. {SHORT_NIGHT_ADVICE}")).color(style::WARNING));
    } else {
        ui.label(line);
    }
}

fn pause_ui(ui: &mut egui::Ui, plan: &Plan<Local>, paused: bool, actions: &mut Vec<Action>) {
    ui.horizontal(|ui| {
        let pause = |paused| Action::Apply(Change::PauseReminders { evening: plan.evening, paused });
        if paused {
            ui.label(RichText::new("Reminders are paused for tonight.").weak());
            if ui.small_button("Resume reminders").clicked() {
                actions.push(pause(false));
            }
        } else if ui.small_button("Pause reminders tonight").clicked() {
            actions.push(pause(true));
        }
    });
}

fn caffeine_ui(ui: &mut egui::Ui, plan: &Plan<Local>, now: &DateTime<Local>) {
    let Some(cutoff) = plan.get(catalog::ids::CAFFEINE_CUTOFF) else { return };
    let time = cutoff.due.format("%H:%M");
    let text = if cutoff.due > *now {
        format!("No coffee after {time} — chamomile tea or fruit compote instead.")
    } else {
        format!("Caffeine cut-off passed at {time} — chamomile tea or fruit compote from here on.")
    };
    ui.label(RichText::new(text).italics());
}

fn progress_ui(ui: &mut egui::Ui, plan: &Plan<Local>) {
    let done = plan.count(StepState::Done);
    let skipped = plan.count(StepState::Skipped);
    let mut text = format!("{done} of {} done", plan.steps.len());
    if skipped > 0 {
        text.push_str(&format!(", {skipped} skipped"));
    }
    ui.add(egui::ProgressBar::new(plan.progress()).text(text).desired_width(ui.available_width().min(520.0)));
    if plan.all_settled() {
        ui.add_space(8.0);
        egui::Frame::new().stroke(egui::Stroke::new(1.0, style::accent(ui))).corner_radius(8.0).inner_margin(12).show(
            ui,
            |ui| {
                ui.label(RichText::new("All done — sleep well.").size(20.0).color(style::accent(ui)));
                ui.label("Everything for tonight is settled. Put the screen away; the reminders stay quiet now.");
            },
        );
    }
}

fn step_ui(
    ui: &mut egui::Ui,
    state: &mut TonightState,
    plan: &Plan<Local>,
    step: &PlannedStep<Local>,
    config: &Config,
    now: &DateTime<Local>,
    actions: &mut Vec<Action>,
) {
    let timing = timing(plan, step, now);
    let quiet = matches!(timing, Timing::Settled | Timing::PastDue);
    let stroke = match timing {
        Timing::DueNow => egui::Stroke::new(1.5, style::accent(ui)),
        _ => egui::Stroke::NONE,
    };
    let fill = if timing == Timing::DueNow { ui.visuals().faint_bg_color } else { egui::Color32::TRANSPARENT };
    egui::Frame::new().stroke(stroke).fill(fill).corner_radius(6.0).inner_margin(egui::Margin::symmetric(8, 4)).show(
        ui,
        |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal(|ui| {
                let time = RichText::new(step.due.format("%H:%M").to_string()).monospace();
                ui.label(if quiet { time.weak() } else { time });
                let mut title = RichText::new(&step.title);
                if quiet {
                    title = title.color(style::quiet(ui));
                }
                if timing == Timing::DueNow {
                    title = title.strong();
                }
                let why_open = state.why_open.contains(&step.id);
                let title_button = ui.add(egui::Button::new(title).frame(false)).on_hover_text(if why_open {
                    "Hide why"
                } else {
                    "Why this step?"
                });
                if title_button.clicked() && !why_open {
                    state.why_open.insert(step.id.clone());
                } else if title_button.clicked() {
                    state.why_open.remove(&step.id);
                }
                ui.label(RichText::new(status_text(timing, step, now)).small().weak());
                // Buttons flush right, laid out left to right so Tab reaches Done before Skip.
                let spare = ui.available_width() - BUTTONS_WIDTH;
                if spare > 0.0 {
                    ui.add_space(spare);
                }
                buttons_ui(ui, step, plan, actions, now);
            });
            if step.value_kind == Some(ValueKind::HumidityPercent) {
                humidity_ui(ui, state, step, plan, config, now, actions);
            }
            if state.why_open.contains(&step.id) && !step.why.is_empty() {
                ui.label(RichText::new(&step.why).color(style::quiet(ui)));
            }
        },
    );
}

/// Room kept at the right of each row for "Done" and "Skip".
const BUTTONS_WIDTH: f32 = 124.0;

fn status_text(timing: Timing, step: &PlannedStep<Local>, now: &DateTime<Local>) -> String {
    let checked_at = step.check_in.as_ref().map(|c| c.at.format("%H:%M").to_string()).unwrap_or_default();
    match (timing, step.state) {
        (_, StepState::Done) => format!("done at {checked_at}"),
        (_, StepState::Skipped) => "skipped".to_owned(),
        (Timing::DueNow, _) => "due now".to_owned(),
        (Timing::PastDue, _) => "earlier".to_owned(),
        _ => format!("in {}", format_minutes((step.due - *now).num_minutes().max(1))),
    }
}

fn buttons_ui(
    ui: &mut egui::Ui,
    step: &PlannedStep<Local>,
    plan: &Plan<Local>,
    actions: &mut Vec<Action>,
    now: &DateTime<Local>,
) {
    let title = &step.title;
    let check = |outcome| Change::Check {
        evening: plan.evening,
        step: step.id.clone(),
        outcome,
        value: None,
        at: now.fixed_offset(),
    };
    if step.state == StepState::Pending {
        if ui.button("Done").accessible_name(format!("Done: {title}")).clicked() {
            actions.push(Action::Apply(check(Outcome::Done)));
        }
        if ui.button("Skip").accessible_name(format!("Skip: {title}")).clicked() {
            actions.push(Action::Apply(check(Outcome::Skipped)));
        }
    } else if ui
        .add_sized([BUTTONS_WIDTH - 8.0, 24.0], egui::Button::new("Undo"))
        .accessible_name(format!("Undo: {title}"))
        .clicked()
    {
        actions.push(Action::Apply(Change::Undo { evening: plan.evening, step: step.id.clone() }));
    }
}

fn humidity_ui(
    ui: &mut egui::Ui,
    state: &mut TonightState,
    step: &PlannedStep<Local>,
    plan: &Plan<Local>,
    config: &Config,
    now: &DateTime<Local>,
    actions: &mut Vec<Action>,
) {
    if let Some(value) = step.check_in.as_ref().and_then(|c| c.value) {
        ui.label(
            RichText::new(catalog::humidity_advice(value, plan.evening, config.settings.hemisphere))
                .color(style::accent(ui)),
        );
        return;
    }
    if step.state != StepState::Pending {
        return;
    }
    ui.horizontal(|ui| {
        let label = ui.label("Bedroom humidity (%)");
        let response =
            ui.add(egui::TextEdit::singleline(&mut state.humidity).desired_width(56.0)).labelled_by(label.id);
        let parsed = state.humidity.trim().trim_end_matches('%').trim().replace(',', ".").parse::<f64>().ok();
        let valid = parsed.filter(|v| (0.0..=100.0).contains(v));
        let enter = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        let save = ui.add_enabled(valid.is_some(), egui::Button::new("Save reading"));
        if (save.clicked() || enter)
            && let Some(value) = valid
        {
            actions.push(Action::Apply(Change::Check {
                evening: plan.evening,
                step: step.id.clone(),
                outcome: Outcome::Done,
                value: Some(value),
                at: now.fixed_offset(),
            }));
            state.humidity.clear();
        }
        if parsed.is_some() && valid.is_none() {
            ui.label(RichText::new("a percentage from 0 to 100").small().color(style::ERROR));
        } else {
            ui.label(RichText::new("comfortable is about 40–60 %").small().weak());
        }
    });
}
