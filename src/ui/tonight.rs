//! Tonight: the evening's steps in time order, checked off one by one.

use std::collections::BTreeSet;

use chrono::{DateTime, Local};
use eframe::egui::{self, RichText};

use super::widgets::clock;
use super::{Action, style};
use crate::command::Change;
use crate::i18n::{self, t};
use crate::model::{Config, Outcome, Plan, PlannedStep, StepState, ValueKind, catalog, schedule::MIN_SLEEP_MINUTES};
use crate::tr;

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
            ui.label(t("ui-tonight-empty"));
        }
        // The article's reassurance, always within reach, not only on the first run.
        ui.add_space(12.0);
        ui.label(RichText::new(t("ui-tonight-reassurance")).small().color(style::quiet(ui)));
    });
}

fn header_ui(ui: &mut egui::Ui, plan: &Plan<Local>, now: &DateTime<Local>) {
    ui.label(RichText::new(i18n::evening_title(plan.evening)).weak());
    let to_bed = (plan.bedtime - *now).num_minutes();
    let bedtime = clock(&plan.bedtime);
    let countdown = if to_bed > 0 {
        tr!("ui-tonight-bedtime-in", time = bedtime, duration = i18n::duration(to_bed))
    } else if *now < plan.wake {
        tr!("ui-tonight-past-bedtime", time = bedtime)
    } else {
        t("ui-tonight-over")
    };
    ui.label(RichText::new(countdown).size(28.0).color(style::accent(ui)));
    let sleep = plan.sleep_minutes();
    let line = tr!("ui-tonight-sleep", duration = i18n::duration(sleep), wake = clock(&plan.wake));
    if sleep < MIN_SLEEP_MINUTES {
        ui.label(RichText::new(tr!("sleep-opportunity-short", base = line)).color(style::warning(ui)));
    } else {
        ui.label(line);
    }
}

fn pause_ui(ui: &mut egui::Ui, plan: &Plan<Local>, paused: bool, actions: &mut Vec<Action>) {
    ui.horizontal_wrapped(|ui| {
        let pause = |paused| Action::Apply(Change::PauseReminders { evening: plan.evening, paused });
        if paused {
            ui.label(RichText::new(t("ui-tonight-paused")).weak());
            if ui.small_button(t("ui-tonight-resume")).clicked() {
                actions.push(pause(false));
            }
        } else if ui.small_button(t("ui-tonight-pause")).clicked() {
            actions.push(pause(true));
        }
    });
}

fn caffeine_ui(ui: &mut egui::Ui, plan: &Plan<Local>, now: &DateTime<Local>) {
    let Some(cutoff) = plan.get(catalog::ids::CAFFEINE_CUTOFF) else { return };
    let time = clock(&cutoff.due);
    let text = if cutoff.due > *now {
        tr!("ui-tonight-no-coffee", time = time)
    } else {
        tr!("ui-tonight-caffeine-passed", time = time)
    };
    ui.label(RichText::new(text).italics());
}

fn progress_ui(ui: &mut egui::Ui, plan: &Plan<Local>) {
    let done = plan.count(StepState::Done);
    let skipped = plan.count(StepState::Skipped);
    let total = plan.steps.len();
    let text = if skipped > 0 {
        tr!("ui-tonight-progress-skipped", done = done, total = total, skipped = skipped)
    } else {
        tr!("ui-tonight-progress", done = done, total = total)
    };
    ui.add(egui::ProgressBar::new(plan.progress()).text(text).desired_width(ui.available_width().min(520.0)));
    if plan.all_settled() {
        ui.add_space(8.0);
        egui::Frame::new().stroke(egui::Stroke::new(1.0, style::accent(ui))).corner_radius(8.0).inner_margin(12).show(
            ui,
            |ui| {
                ui.label(RichText::new(t("ui-tonight-all-done")).size(20.0).color(style::accent(ui)));
                ui.label(t("ui-tonight-all-done-detail"));
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
                let time = RichText::new(clock(&step.due)).monospace();
                ui.label(if quiet { time.weak() } else { time });
                let mut title = RichText::new(i18n::planned_title(step));
                if quiet {
                    title = title.color(style::quiet(ui));
                }
                if timing == Timing::DueNow {
                    title = title.strong();
                }
                let why_open = state.why_open.contains(&step.id);
                let buttons = buttons_width(ui, step);
                // The title and its status wrap in the room the buttons leave, so long
                // words (Russian, or a long title) never run under them.
                let text_width = (ui.available_width() - buttons - ui.spacing().item_spacing.x).max(80.0);
                let layout = egui::Layout::left_to_right(egui::Align::Center).with_main_wrap(true);
                ui.allocate_ui_with_layout(egui::vec2(text_width, 0.0), layout, |ui| {
                    ui.set_width(text_width);
                    let title_button = ui
                        .add(egui::Button::new(title).frame(false).wrap())
                        .on_hover_text(if why_open { t("ui-tonight-hide-why") } else { t("ui-tonight-why") });
                    if title_button.clicked() && !why_open {
                        state.why_open.insert(step.id.clone());
                    } else if title_button.clicked() {
                        state.why_open.remove(&step.id);
                    }
                    ui.add(egui::Label::new(RichText::new(status_text(timing, step, now)).small().weak()).wrap());
                });
                // Buttons flush right, laid out left to right so Tab reaches Done before Skip.
                let spare = ui.available_width() - buttons;
                if spare > 0.0 {
                    ui.add_space(spare);
                }
                buttons_ui(ui, step, plan, actions, now);
            });
            if step.value_kind == Some(ValueKind::HumidityPercent) {
                humidity_ui(ui, state, step, plan, config, now, actions);
            }
            let why = i18n::planned_why(step);
            if state.why_open.contains(&step.id) && !why.is_empty() {
                ui.label(RichText::new(why).color(style::quiet(ui)));
            }
        },
    );
}

/// The width of a button showing `text`, as egui lays it out.
fn button_width(ui: &egui::Ui, text: String) -> f32 {
    let galley = egui::WidgetText::from(text).into_galley(
        ui,
        Some(egui::TextWrapMode::Extend),
        f32::INFINITY,
        egui::TextStyle::Button,
    );
    galley.size().x + 2.0 * ui.spacing().button_padding.x
}

/// Room kept at the right of a row for its buttons, in the current language: "Done" and
/// "Skip", or "Undo" (never narrower than the pair, so rows line up).
fn buttons_width(ui: &egui::Ui, step: &PlannedStep<Local>) -> f32 {
    let pair = button_width(ui, t("ui-done")) + ui.spacing().item_spacing.x + button_width(ui, t("ui-skip"));
    if step.state == StepState::Pending { pair } else { pair.max(button_width(ui, t("ui-undo"))) }
}

fn status_text(timing: Timing, step: &PlannedStep<Local>, now: &DateTime<Local>) -> String {
    let checked_at = step.check_in.as_ref().map(|c| clock(&c.at)).unwrap_or_default();
    match (timing, step.state) {
        (_, StepState::Done) => tr!("ui-status-done-at", time = checked_at),
        (_, StepState::Skipped) => t("ui-status-skipped"),
        (Timing::DueNow, _) => t("ui-status-due-now"),
        (Timing::PastDue, _) => t("ui-status-earlier"),
        _ => tr!("ui-status-in", duration = i18n::duration((step.due - *now).num_minutes().max(1))),
    }
}

fn buttons_ui(
    ui: &mut egui::Ui,
    step: &PlannedStep<Local>,
    plan: &Plan<Local>,
    actions: &mut Vec<Action>,
    now: &DateTime<Local>,
) {
    let title = &i18n::planned_title(step);
    let check = |outcome| Change::Check {
        evening: plan.evening,
        step: step.id.clone(),
        outcome,
        value: None,
        at: now.fixed_offset(),
    };
    if step.state == StepState::Pending {
        if ui.button(t("ui-done")).accessible_name(tr!("ui-done-step", title = title.as_str())).clicked() {
            actions.push(Action::Apply(check(Outcome::Done)));
        }
        if ui.button(t("ui-skip")).accessible_name(tr!("ui-skip-step", title = title.as_str())).clicked() {
            actions.push(Action::Apply(check(Outcome::Skipped)));
        }
    } else if ui
        .add_sized([buttons_width(ui, step), 24.0], egui::Button::new(t("ui-undo")))
        .accessible_name(tr!("ui-undo-step", title = title.as_str()))
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
            RichText::new(i18n::humidity_advice(value, plan.evening, config.settings.hemisphere))
                .color(style::accent(ui)),
        );
        return;
    }
    if step.state != StepState::Pending {
        return;
    }
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(t("ui-humidity"));
        let response =
            ui.add(egui::TextEdit::singleline(&mut state.humidity).desired_width(56.0)).labelled_by(label.id);
        let parsed = state.humidity.trim().trim_end_matches('%').trim().replace(',', ".").parse::<f64>().ok();
        let valid = parsed.filter(|v| (0.0..=100.0).contains(v));
        let enter = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        let save = ui.add_enabled(valid.is_some(), egui::Button::new(t("ui-humidity-save")));
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
            ui.label(RichText::new(t("ui-humidity-invalid")).small().color(style::error(ui)));
        } else {
            ui.label(RichText::new(t("ui-humidity-hint")).small().weak());
        }
    });
}
