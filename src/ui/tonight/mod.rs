//! Tonight: the evening's steps in time order, checked off one by one.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Local};
use eframe::egui::{self, RichText};

use super::action::Action;
use super::style;
use super::widgets::clock;
use crate::i18n::{self, t};
use crate::model::{Plan, RoutineFile, StepState, catalog, schedule::MIN_SLEEP_MINUTES};
use crate::tr;
use crate::use_cases::Change;

mod step_row;

use step_row::step_ui;

#[derive(Debug, Default)]
pub struct TonightState {
    /// Steps whose "why" is unfolded.
    pub why_open: BTreeSet<String>,
    /// The humidity reading being typed.
    pub humidity: String,
    /// Tonight's reminders snoozed from a notification and not yet due again, by key
    /// (a step's id), with the time they come back; set from the reminder log.
    pub snoozed: BTreeMap<String, DateTime<Local>>,
    /// The step acted on in the last frame: its row's button (Undo after Done or Skip,
    /// Done after Undo) takes the focus, so the keyboard stays in the list.
    focus: Option<String>,
    /// The step whose buttons had the focus in the last frame (the wide side panel shows its why).
    focused_row: Option<String>,
    /// The step whose row was handed the focus after an action, while it keeps it: the
    /// next Tab goes on to the next pending step's Done, past settled rows.
    handed: Option<String>,
    /// `focus` comes from that Tab, not from an action: nothing is handed on.
    tabbed: bool,
    /// The pass Tonight was last drawn in: a gap means it has just been opened.
    drawn_pass: Option<u64>,
    /// A warning sign is in the night log's findings up to last night: the reassurance
    /// about harmless jerks is then not said here (set by the app each frame).
    pub signs_logged: bool,
}

/// From this width on, Tonight shows the reason for a step beside the list.
const WIDE: f32 = 1100.0;
const SIDE_WIDTH: f32 = 380.0;

/// The side panel: the step's title, when it is due, why it helps and what the article says.
fn why_panel_ui(ui: &mut egui::Ui, plan: &Plan<Local>, routine_file: &RoutineFile, shown: Option<&str>, night: bool) {
    ui.add_space(8.0);
    let Some(step) = shown.and_then(|id| plan.get(id)) else {
        ui.label(RichText::new(nothing_current_text(plan, night)).color(style::quiet(ui)));
        return;
    };
    ui.heading(i18n::planned_title(step));
    ui.label(RichText::new(clock(&step.due)).color(style::quiet(ui)));
    ui.add_space(6.0);
    let why = i18n::planned_why(step);
    if !why.is_empty() {
        ui.label(why);
    }
    if let Some(from_article) = routine_file.routine.get(&step.id).and_then(i18n::step_from_article) {
        ui.add_space(6.0);
        ui.label(RichText::new(i18n::from_article_line(&from_article)).color(style::quiet(ui)));
    }
}

/// What the side panel says when no step is current: only "settled" when it is true.
fn nothing_current_text(plan: &Plan<Local>, night: bool) -> String {
    let pending = plan.count(StepState::Pending);
    if pending == 0 {
        t("ui-tonight-side-empty")
    } else if night {
        tr!("ui-tonight-side-night", count = pending)
    } else {
        tr!("ui-tonight-side-missed", count = pending)
    }
}

pub fn tonight_ui(
    ui: &mut egui::Ui,
    state: &mut TonightState,
    plan: &Plan<Local>,
    routine_file: &RoutineFile,
    paused: bool,
    now: &DateTime<Local>,
    actions: &mut Vec<Action>,
) {
    let mut focus = state.focus.take();
    let mut tabbed = std::mem::take(&mut state.tabbed);
    let mut focused_row = None;
    let night = plan.is_night(now);
    // Tonight just opened with nothing in focus: the keyboard starts on the current
    // step's Done, not eight Tabs away behind the screen tabs, Pause and Why?.
    let pass = ui.ctx().cumulative_pass_nr();
    let opened = state.drawn_pass.is_none_or(|drawn| drawn + 1 < pass);
    state.drawn_pass = Some(pass);
    if opened && focus.is_none() && ui.memory(|m| m.focused().is_none()) {
        focus = plan.current(now).map(|step| step.id.clone());
        tabbed = true;
    }
    let tab = ui.input(|i| i.key_pressed(egui::Key::Tab) && !i.modifiers.shift);
    if tab
        && state.handed.is_some()
        && state.handed == state.focused_row
        && let Some(handed) = state.handed.take()
    {
        // egui moves the focus one widget on now; the next frame puts it on the next
        // pending step's Done (the same widget when the next row is pending).
        let after = plan.steps.iter().position(|s| s.id == handed).map_or(0, |i| i + 1);
        // At night the steps left are folded away: Tab just goes on.
        let next = plan.steps.iter().skip(after).find(|s| !night && s.state == StepState::Pending);
        state.focus = next.map(|s| s.id.clone());
        state.tabbed = true;
    }
    if let Some(id) = focus.as_ref().filter(|_| !tabbed) {
        state.handed = Some(id.clone());
    }
    // A wide window uses its width: the reason behind the step in focus (or the one due)
    // stands beside the list instead of 500 px of nothing.
    if ui.available_width() >= WIDE {
        let shown = state.focused_row.clone().or_else(|| plan.current(now).map(|s| s.id.clone()));
        egui::Panel::right("tonight-why").resizable(false).exact_size(SIDE_WIDTH).show(ui, |ui| {
            why_panel_ui(ui, plan, routine_file, shown.as_deref(), night);
        });
    }
    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
            ui.set_max_width(super::widgets::width_beside_scroll_bar(ui).min(760.0));
            let mut rows = Rows { state, focus: focus.as_deref(), focused_row: &mut focused_row };
            if night {
                night_header_ui(ui, plan, now);
            } else {
                header_ui(ui, plan, now);
                caffeine_ui(ui, plan, now);
                if routine_file.settings.reminders {
                    pause_ui(ui, plan, paused, actions);
                }
            }
            not_counted_ui(ui, plan, routine_file);
            ui.add_space(6.0);
            progress_ui(ui, plan);
            ui.add_space(10.0);
            if night {
                // Steps that do not count tonight and were left open are not shown at night.
                for step in plan.steps.iter().filter(|s| s.state != StepState::Pending) {
                    step_ui(ui, &mut rows, plan, step, routine_file, now, actions);
                }
                let pending = plan.count(StepState::Pending);
                if pending > 0 {
                    egui::CollapsingHeader::new(tr!("ui-tonight-not-done", count = pending))
                        .id_salt("not-done-tonight")
                        .default_open(false)
                        .show(ui, |ui| {
                            for step in plan.counted().filter(|s| s.state == StepState::Pending) {
                                step_ui(ui, &mut rows, plan, step, routine_file, now, actions);
                            }
                        });
                }
            } else {
                for step in &plan.steps {
                    step_ui(ui, &mut rows, plan, step, routine_file, now, actions);
                }
            }
            if plan.steps.is_empty() {
                ui.label(t("ui-tonight-empty"));
            }
            // The article's reassurance, always within reach, not only on the first run;
            // but not where a sign was logged: then where the Night screen says more.
            ui.add_space(12.0);
            if state.signs_logged {
                ui.label(RichText::new(t("ui-tonight-signs-logged")).small().color(style::quiet(ui)));
                if ui.link(t("ui-tonight-open-night")).clicked() {
                    actions.push(Action::Show(super::Screen::Night));
                }
            } else {
                ui.label(RichText::new(t("ui-tonight-reassurance")).small().color(style::quiet(ui)));
            }
            if ui.link(t("about-open")).clicked() {
                actions.push(Action::Show(super::Screen::AboutSleep));
            }
        });
    });
    if state.handed.is_some() && state.handed != focused_row && focus.is_none() {
        state.handed = None;
    }
    state.focused_row = focused_row;
}

/// What the rows share while the list is drawn.
struct Rows<'a> {
    state: &'a mut TonightState,
    /// The step whose row takes the focus this frame.
    focus: Option<&'a str>,
    /// Set to the step whose buttons have the focus.
    focused_row: &'a mut Option<String>,
}

fn header_ui(ui: &mut egui::Ui, plan: &Plan<Local>, now: &DateTime<Local>) {
    ui.label(RichText::new(i18n::evening_title(plan.evening)).weak());
    let bedtime = clock(&plan.bedtime);
    // Before bedtime (the night view takes over at it); "in 1 min" in its last minute.
    let countdown = if *now < plan.bedtime {
        let to_bed = (plan.bedtime - *now).num_minutes().max(1);
        tr!("ui-tonight-bedtime-in", time = bedtime, duration = i18n::duration(to_bed))
    } else {
        t("ui-tonight-over")
    };
    ui.label(RichText::new(countdown).size(28.0).color(style::accent(ui)));
    // Before bedtime this is the night's length, not a countdown: "until your alarm" read
    // "8 h 30 min until your 07:00 alarm" at 07:16 in the morning.
    let sleep = plan.sleep_minutes();
    let line = tr!("sleep-opportunity", duration = i18n::duration(sleep), wake = clock(&plan.wake));
    if sleep < MIN_SLEEP_MINUTES {
        ui.label(
            RichText::new(tr!("sleep-opportunity-short", base = line, advice = i18n::short_night_advice()))
                .color(style::warning(ui)),
        );
    } else {
        ui.label(line);
    }
}

/// After bedtime: lights out, and the time left until the alarm, counting down.
fn night_header_ui(ui: &mut egui::Ui, plan: &Plan<Local>, now: &DateTime<Local>) {
    ui.label(RichText::new(i18n::evening_title(plan.evening)).weak());
    let lights_out = tr!("ui-tonight-past-bedtime", time = clock(&plan.bedtime));
    ui.label(RichText::new(lights_out).size(28.0).color(style::accent(ui)));
    let to_alarm = (plan.wake - *now).num_minutes().max(1);
    ui.label(tr!("ui-tonight-sleep", duration = i18n::duration(to_alarm), wake = clock(&plan.wake)));
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

/// The first evening (or a step added tonight): says which steps do not count and why,
/// so an evening set up at 19:38 does not greet the user with steps marked missed.
fn not_counted_ui(ui: &mut egui::Ui, plan: &Plan<Local>, routine_file: &RoutineFile) {
    let left_out = plan.steps.iter().filter(|s| !s.counted).count();
    if left_out == 0 {
        return;
    }
    let text = match routine_file.since.filter(|since| since.date_naive() >= plan.evening) {
        Some(since) => {
            tr!("ui-tonight-not-counted-first", count = left_out, time = clock(&since.with_timezone(&Local)))
        }
        None => tr!("ui-tonight-not-counted-added", count = left_out),
    };
    ui.add(egui::Label::new(RichText::new(text).color(style::quiet(ui))).wrap());
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
    let total = plan.total();
    let text = if skipped > 0 {
        tr!("ui-tonight-progress-skipped", done = done, total = total, skipped = skipped)
    } else {
        tr!("ui-tonight-progress", done = done, total = total)
    };
    let bar = ui.add(egui::ProgressBar::new(plan.progress()).text(text).desired_width(ui.available_width().min(520.0)));
    // egui gives the bar no range, so a screen reader could not say how far it is.
    ui.ctx().accesskit_node_builder(bar.id, |node| {
        node.set_min_numeric_value(0.0);
        node.set_max_numeric_value(100.0);
        node.set_numeric_value((f64::from(plan.progress()) * 100.0).round());
    });
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
