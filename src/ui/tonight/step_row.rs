//! One row of Tonight: a step's time and state, its Done / Skip / Undo buttons, its "why",
//! and the humidity field of the step that records a reading.

use chrono::{DateTime, Local};
use eframe::egui::{self, RichText};

use super::{Rows, TonightState};
use crate::i18n::{self, t};
use crate::model::{Outcome, Plan, PlannedStep, RoutineFile, StepState, Timing, ValueKind};
use crate::tr;
use crate::ui::action::Action;
use crate::ui::style;
use crate::ui::widgets::humidity_field_ui;
use crate::ui::widgets::{button_width, clock, spoken};
use crate::use_cases::Change;
use crate::use_cases::input::Unreadable;

pub(super) fn step_ui(
    ui: &mut egui::Ui,
    rows: &mut Rows,
    plan: &Plan<Local>,
    step: &PlannedStep<Local>,
    routine_file: &RoutineFile,
    now: &DateTime<Local>,
    actions: &mut Vec<Action>,
) {
    let timing = plan.timing(step, now);
    // One row is the current one (several may be due now at once).
    let current = plan.current(now).is_some_and(|current| current.id == step.id);
    let settled = matches!(timing, Timing::Done | Timing::Skipped | Timing::NotCounted);
    let stroke = if current { egui::Stroke::new(1.5, style::accent(ui)) } else { egui::Stroke::NONE };
    let fill = if current { ui.visuals().faint_bg_color } else { egui::Color32::TRANSPARENT };
    egui::Frame::new().stroke(stroke).fill(fill).corner_radius(6.0).inner_margin(egui::Margin::symmetric(8, 4)).show(
        ui,
        |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal(|ui| {
                let time = RichText::new(clock(&step.due)).monospace();
                let time = if settled { time.weak() } else { time };
                let title_text = i18n::planned_title(step);
                let mut title = RichText::new(title_text.as_str());
                if settled {
                    title = title.color(style::quiet(ui));
                }
                if timing == Timing::Skipped {
                    title = title.strikethrough();
                }
                if current {
                    title = title.strong();
                }
                let why_open = rows.state.why_open.contains(&step.id);
                let has_why = !i18n::planned_why(step).is_empty();
                let buttons = buttons_width(ui, step) + ui.spacing().item_spacing.x + why_width(ui);
                // The title and its status wrap in the room the buttons leave, so long
                // words (Russian, or a long title) never run under them.
                let text_width = (ui.available_width() - buttons - ui.spacing().item_spacing.x).max(80.0);
                let layout = egui::Layout::left_to_right(egui::Align::Center).with_main_wrap(true);
                let mut toggle = false;
                ui.allocate_ui_with_layout(egui::vec2(text_width, 0.0), layout, |ui| {
                    ui.set_width(text_width);
                    // The time on the title's line (beside the wrapping block it sat higher).
                    ui.label(time);
                    // A click target for the mouse, not a focus stop: the keyboard opens
                    // the why with the row's "Why?" button, after Done and Skip.
                    let title_label = ui
                        .add(egui::Label::new(title).sense(egui::Sense::CLICK).wrap())
                        .on_hover_text(if why_open { t("ui-tonight-hide-why") } else { t("ui-tonight-why") });
                    toggle |= title_label.clicked();
                    let words = status_words(timing, step, now);
                    // Whole, on the next line when the title leaves no room ("√ done at" and
                    // "20:55" on lines of their own read badly).
                    let status = ui.add(egui::Label::new(status_text(ui, timing, words.clone())).extend());
                    // Read without its mark, which a screen reader says as a symbol (a
                    // label's text is its value).
                    ui.ctx().accesskit_node_builder(status.id, |node| node.set_value(spoken(&words)));
                    if let Some(until) = rows.state.snoozed.get(&step.id).filter(|_| !settled) {
                        let snoozed = tr!("reminders-snoozed", time = clock(until));
                        ui.add(egui::Label::new(RichText::new(snoozed).small().color(style::quiet(ui))).wrap());
                    }
                });
                // Buttons flush right, laid out left to right so Tab reaches Done before Skip.
                let spare = ui.available_width() - buttons;
                if spare > 0.0 {
                    ui.add_space(spare);
                }
                let take_focus = rows.focus == Some(step.id.as_str());
                let mut row_focused = buttons_ui(ui, rows.state, step, plan, actions, now, take_focus);
                // On every row that has a reason, after Done and Skip: the next Tab
                // reaches it (it used to show only on the focused row, before Done, so
                // only Shift+Tab did). Its words stay "Why?"; the name and the expanded
                // state tell a screen reader whether it opens or hides the text.
                if has_why {
                    let title = title_text.as_str();
                    let name = if why_open {
                        tr!("ui-tonight-hide-why-step", title = title)
                    } else {
                        tr!("ui-tonight-why-step", title = title)
                    };
                    let button = egui::Button::new(t("ui-tonight-why-button")).small().selected(why_open);
                    let why = ui.add_sized([why_width(ui), 24.0], button).accessible_name(name);
                    ui.ctx().accesskit_node_builder(why.id, |node| node.set_expanded(why_open));
                    toggle |= why.clicked();
                    row_focused |= why.has_focus();
                }
                if toggle && !why_open {
                    rows.state.why_open.insert(step.id.clone());
                } else if toggle {
                    rows.state.why_open.remove(&step.id);
                }
                if row_focused {
                    *rows.focused_row = Some(step.id.clone());
                }
            });
            if step.value_kind == Some(ValueKind::HumidityPercent) {
                humidity_ui(ui, rows.state, step, plan, routine_file, now, actions);
            }
            let why = i18n::planned_why(step);
            if rows.state.why_open.contains(&step.id) && !why.is_empty() {
                let text = ui.label(RichText::new(why).color(style::quiet(ui)));
                // Announced when it opens, not only found by exploring.
                ui.ctx().accesskit_node_builder(text.id, |node| node.set_live(egui::accesskit::Live::Polite));
            }
        },
    );
}

/// Room kept at the right of a row for its buttons, in the current language: "Done" and
/// "Skip", or "Undo" (never narrower than the pair, so rows line up).
fn buttons_width(ui: &egui::Ui, step: &PlannedStep<Local>) -> f32 {
    let pair = button_width(ui, &t("ui-done")) + ui.spacing().item_spacing.x + button_width(ui, &t("ui-skip"));
    if step.state == StepState::Pending { pair } else { pair.max(button_width(ui, &t("ui-undo"))) }
}

/// Room for a row's "Why?" button (kept on rows without one, so the buttons line up).
fn why_width(ui: &egui::Ui) -> f32 {
    button_width(ui, &t("ui-tonight-why-button"))
}

/// The step's state in words, with a mark of its own (not only a colour).
fn status_words(timing: Timing, step: &PlannedStep<Local>, now: &DateTime<Local>) -> String {
    let checked_at = step.check_in.as_ref().map(|c| clock(&c.at)).unwrap_or_default();
    let in_minutes = || i18n::duration((step.due - *now).num_minutes().max(1));
    match timing {
        Timing::Done => tr!("ui-state-done-at", time = checked_at),
        Timing::Skipped => t("ui-state-skipped"),
        Timing::Missed => t("ui-state-missed"),
        Timing::DueNow => t("ui-state-due-now"),
        Timing::Next => tr!("ui-state-next", duration = in_minutes()),
        Timing::Upcoming => tr!("ui-status-in", duration = in_minutes()),
        Timing::NotCounted => t("ui-state-not-counted"),
    }
}

/// [`status_words`] as the row shows them: small, coloured by state.
fn status_text(ui: &egui::Ui, timing: Timing, words: String) -> RichText {
    let text = RichText::new(words).small();
    match timing {
        Timing::Done | Timing::Skipped | Timing::Upcoming | Timing::NotCounted => text.color(style::quiet(ui)),
        Timing::Missed => text.color(style::warning(ui)),
        Timing::DueNow | Timing::Next => text.strong().color(style::accent(ui)),
    }
}

/// Done and Skip, or Undo; returns whether one of them has the focus. A button used from
/// the keyboard leaves the focus on the one that takes its place (`take_focus`, in the
/// next frame), so the next Tab goes on down the list instead of back to the tabs.
fn buttons_ui(
    ui: &mut egui::Ui,
    state: &mut TonightState,
    step: &PlannedStep<Local>,
    plan: &Plan<Local>,
    actions: &mut Vec<Action>,
    now: &DateTime<Local>,
    take_focus: bool,
) -> bool {
    let title = &i18n::planned_title(step);
    // Tab lands on the buttons, past the time and state beside them: they say both.
    let description = format!("{}, {}", clock(&step.due), spoken(&status_words(plan.timing(step, now), step, now)));
    let check = |outcome| Change::Check {
        evening: plan.evening,
        step: step.id.clone(),
        outcome,
        value: None,
        at: now.fixed_offset(),
    };
    let mut used = None;
    let responses = if step.state == StepState::Pending {
        let done = ui.button(t("ui-done")).accessible_name(tr!("ui-done-step", title = title.as_str()));
        if done.clicked() {
            used = Some(check(Outcome::Done));
        }
        let skip = ui.button(t("ui-skip")).accessible_name(tr!("ui-skip-step", title = title.as_str()));
        if skip.clicked() {
            used = Some(check(Outcome::Skipped));
        }
        vec![done, skip]
    } else {
        let undo = ui
            .add_sized([buttons_width(ui, step), 24.0], egui::Button::new(t("ui-undo")))
            .accessible_name(tr!("ui-undo-step", title = title.as_str()));
        if undo.clicked() {
            used = Some(Change::Undo { evening: plan.evening, step: step.id.clone() });
        }
        vec![undo]
    };
    for response in &responses {
        ui.ctx().accesskit_node_builder(response.id, |node| node.set_description(description.clone()));
    }
    if take_focus && let Some(first) = responses.first() {
        first.request_focus();
    }
    if let Some(change) = used {
        actions.push(Action::Apply(change));
        // Used from the keyboard: the button that takes its place keeps the focus.
        if responses.iter().any(|r| r.has_focus()) {
            state.focus = Some(step.id.clone());
        }
    }
    take_focus || responses.iter().any(|r| r.has_focus())
}

fn humidity_ui(
    ui: &mut egui::Ui,
    state: &mut TonightState,
    step: &PlannedStep<Local>,
    plan: &Plan<Local>,
    routine_file: &RoutineFile,
    now: &DateTime<Local>,
    actions: &mut Vec<Action>,
) {
    if let Some(value) = step.check_in.as_ref().and_then(|c| c.value) {
        ui.label(
            RichText::new(i18n::humidity_advice(value, plan.evening, routine_file.settings.hemisphere))
                .color(style::accent(ui)),
        );
        return;
    }
    if step.state != StepState::Pending {
        return;
    }
    let typed = ui.horizontal_wrapped(|ui| {
        let (typed, saved) = humidity_field_ui(ui, &mut state.humidity, None);
        if let Some(value) = saved {
            actions.push(Action::Apply(Change::Check {
                evening: plan.evening,
                step: step.id.clone(),
                outcome: Outcome::Done,
                value: Some(value),
                at: now.fixed_offset(),
            }));
        }
        typed
    });
    // On a line of its own: the hint says where the range comes from, too long to wrap
    // beside the field in a narrow window.
    if typed.inner == Err(Unreadable::OutOfRange) {
        ui.label(RichText::new(t("ui-humidity-invalid")).small().color(style::error(ui)));
    } else {
        ui.label(RichText::new(t("ui-humidity-hint")).small().weak());
    }
}
