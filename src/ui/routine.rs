//! The routine editor: add, edit, reorder, turn off and delete steps, with a live preview
//! of tonight's timeline.

use chrono::{DateTime, Local};
use eframe::egui::{self, RichText};

use super::{Action, style, widgets};
use crate::command::{Change, new_step};
use crate::model::routine::{MAX_ANCHOR_MINUTES, MAX_TITLE_CHARS, StepEdit};
use crate::model::{Anchor, CATALOG, Config, Step, evening_at, plan_evening};

#[derive(Debug, Default)]
pub struct EditorState {
    pub selected: Option<String>,
    /// The selected step as being edited; saved once no field is mid-edit.
    draft: Option<Step>,
    dirty: bool,
    at_text: String,
    new_title: String,
    catalog_choice: Option<&'static str>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum AnchorKind {
    BeforeBedtime,
    AfterWake,
    At,
}

fn kind_of(anchor: Anchor) -> AnchorKind {
    match anchor {
        Anchor::BeforeBedtime { .. } => AnchorKind::BeforeBedtime,
        Anchor::AfterWake { .. } => AnchorKind::AfterWake,
        Anchor::At { .. } => AnchorKind::At,
    }
}

pub fn routine_ui(
    ui: &mut egui::Ui,
    state: &mut EditorState,
    config: &Config,
    now: &DateTime<Local>,
    actions: &mut Vec<Action>,
) {
    sync_draft(state, config);
    // Tonight as it would be with the edit in progress.
    let mut preview_config = config.clone();
    if let Some(draft) = &state.draft
        && let Some(slot) = preview_config.routine.get_mut(&draft.id)
    {
        *slot = draft.clone();
    }
    let evening = evening_at(&preview_config, now);
    let preview = plan_evening(&preview_config, evening, &Local, None);

    let editor_width = (ui.available_width() * 0.45).min(420.0);
    egui::Panel::right("routine-editor").resizable(true).default_size(editor_width).show(ui, |ui| {
        egui::ScrollArea::vertical().id_salt("routine-edit").auto_shrink([false, false]).show(ui, |ui| {
            editor_ui(ui, state, &preview);
            ui.separator();
            ui.heading("Preview: tonight");
            for step in &preview.steps {
                ui.horizontal(|ui| {
                    ui.label(RichText::new(step.due.format("%H:%M").to_string()).monospace());
                    ui.label(&step.title);
                    if step.remind {
                        ui.label(RichText::new("reminder").small().weak());
                    }
                });
            }
        });
    });
    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::vertical().id_salt("routine-list").auto_shrink([false, false]).show(ui, |ui| {
            ui.heading("Your routine");
            ui.label(RichText::new("Tick a step to use it; untick to pause it without losing it.").weak());
            list_ui(ui, state, config, actions);
            ui.separator();
            add_ui(ui, state, config, actions);
        });
    });

    // Save the draft once no field is mid-edit, so a drag or a half-typed title is one save.
    let busy = ui.ctx().dragged_id().is_some() || ui.ctx().text_edit_focused();
    if state.dirty
        && !busy
        && let Some(draft) = &state.draft
    {
        if let Some(saved) = config.routine.get(&draft.id) {
            let edit = StepEdit::between(saved, draft);
            if !edit.is_empty() {
                actions.push(Action::Apply(Change::EditStep { step: draft.id.clone(), edit }));
            }
        }
        state.dirty = false;
    }
}

/// Keeps the draft on the selected step and, unless it is being edited, equal to the file.
fn sync_draft(state: &mut EditorState, config: &Config) {
    let saved = state.selected.as_deref().and_then(|id| config.routine.get(id));
    match saved {
        None => {
            state.selected = None;
            state.draft = None;
            state.dirty = false;
        }
        Some(saved) if !state.dirty || state.draft.as_ref().is_none_or(|d| d.id != saved.id) => {
            if state.draft.as_ref() != Some(saved) {
                state.at_text = match saved.anchor {
                    Anchor::At { time } => widgets::time_text(time),
                    _ => String::new(),
                };
            }
            state.draft = Some(saved.clone());
            state.dirty = false;
        }
        Some(_) => {}
    }
}

fn list_ui(ui: &mut egui::Ui, state: &mut EditorState, config: &Config, actions: &mut Vec<Action>) {
    let count = config.routine.steps.len();
    for (index, step) in config.routine.steps.iter().enumerate() {
        let title = step.title();
        let selected = state.selected.as_deref() == Some(step.id.as_str());
        let frame = egui::Frame::new()
            .corner_radius(6.0)
            .inner_margin(egui::Margin::symmetric(6, 2))
            .fill(if selected { ui.visuals().faint_bg_color } else { egui::Color32::TRANSPARENT });
        frame.show(ui, |ui| {
            ui.set_width(ui.available_width());
            let mut enabled = step.enabled;
            if ui.checkbox(&mut enabled, title).accessible_name(format!("Use: {title}")).changed() {
                let edit = StepEdit { enabled: Some(enabled), ..StepEdit::default() };
                actions.push(Action::Apply(Change::EditStep { step: step.id.clone(), edit }));
            }
            // The second line carries the buttons, so long titles never run under them.
            ui.horizontal(|ui| {
                ui.add_space(ui.spacing().indent);
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    if ui.small_button("Delete").accessible_name(format!("Delete: {title}")).clicked() {
                        actions.push(Action::Apply(Change::RemoveStep { step: step.id.clone() }));
                    }
                    let down = ui.add_enabled(index + 1 < count, egui::Button::new("Down").small());
                    if down.accessible_name(format!("Move down: {title}")).clicked() {
                        actions.push(Action::Apply(Change::MoveStep { step: step.id.clone(), to: index + 1 }));
                    }
                    let up = ui.add_enabled(index > 0, egui::Button::new("Up").small());
                    if up.accessible_name(format!("Move up: {title}")).clicked() {
                        actions.push(Action::Apply(Change::MoveStep {
                            step: step.id.clone(),
                            to: index.saturating_sub(1),
                        }));
                    }
                    let edit = ui.add(egui::Button::new("Edit").small().selected(selected));
                    if edit.accessible_name(format!("Edit: {title}")).clicked() {
                        state.selected = Some(step.id.clone());
                    }
                    let reminder = if step.remind { " · reminder" } else { "" };
                    let when = RichText::new(format!("{}{reminder}", step.anchor.describe())).small().weak();
                    ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                        ui.add(egui::Label::new(when).truncate());
                    });
                });
            });
        });
    }
}

fn add_ui(ui: &mut egui::Ui, state: &mut EditorState, config: &Config, actions: &mut Vec<Action>) {
    ui.label(RichText::new("Add a step").strong());
    let missing: Vec<_> = CATALOG.iter().filter(|entry| config.routine.get(entry.id).is_none()).collect();
    if missing.is_empty() {
        ui.label(RichText::new("Every step from the article is in your routine.").weak());
    } else {
        if state.catalog_choice.is_none_or(|id| config.routine.get(id).is_some()) {
            state.catalog_choice = missing.first().map(|entry| entry.id);
        }
        ui.horizontal(|ui| {
            let chosen = missing.iter().find(|e| Some(e.id) == state.catalog_choice);
            egui::ComboBox::from_label("From the article")
                .selected_text(chosen.map(|e| e.title).unwrap_or_default())
                .show_ui(ui, |ui| {
                    for entry in &missing {
                        ui.selectable_value(&mut state.catalog_choice, Some(entry.id), entry.title)
                            .on_hover_text(entry.why);
                    }
                });
            if ui.button("Add").accessible_name("Add step from the article").clicked()
                && let Some(id) = state.catalog_choice
            {
                actions.push(Action::Apply(Change::AddStep(new_step(id, None, None))));
                state.selected = Some(id.to_owned());
            }
        });
        if let Some(entry) = missing.iter().find(|e| Some(e.id) == state.catalog_choice) {
            ui.label(RichText::new(entry.why).small().weak());
        }
    }
    ui.horizontal(|ui| {
        let label = ui.label("Your own step");
        let response = ui
            .add(
                egui::TextEdit::singleline(&mut state.new_title)
                    .char_limit(MAX_TITLE_CHARS)
                    .hint_text("e.g. Read a paper book"),
            )
            .labelled_by(label.id);
        let enter = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        let title = state.new_title.trim().to_owned();
        let add = ui.add_enabled(!title.is_empty(), egui::Button::new("Add custom step"));
        if (add.clicked() || enter) && !title.is_empty() {
            let id = config.routine.unique_id_for(&title);
            let step = new_step(&id, Some(title), None);
            state.selected = Some(id);
            actions.push(Action::Apply(Change::AddStep(step)));
            state.new_title.clear();
        }
    });
}

fn editor_ui(ui: &mut egui::Ui, state: &mut EditorState, preview: &crate::model::Plan<Local>) {
    let Some(draft) = state.draft.as_mut() else {
        ui.heading("Edit a step");
        ui.label(RichText::new("Choose Edit next to a step to change its title, time or reminder.").weak());
        return;
    };
    ui.heading(format!("Edit: {}", draft.title()));
    let mut changed = false;
    ui.horizontal(|ui| {
        let label = ui.label("Title");
        let mut title = draft.title().to_owned();
        if ui.add(egui::TextEdit::singleline(&mut title).char_limit(MAX_TITLE_CHARS)).labelled_by(label.id).changed()
            && !title.trim().is_empty()
        {
            draft.title = Some(title);
            changed = true;
        }
    });
    let mut kind = kind_of(draft.anchor);
    ui.horizontal(|ui| {
        ui.label("When");
        changed |= ui.radio_value(&mut kind, AnchorKind::BeforeBedtime, "Before bedtime").changed();
        changed |= ui.radio_value(&mut kind, AnchorKind::AfterWake, "After waking").changed();
        changed |= ui.radio_value(&mut kind, AnchorKind::At, "At a clock time").changed();
    });
    let due_now = preview.get(&draft.id).map(|s| s.due_local.time());
    draft.anchor = match (kind, draft.anchor) {
        (AnchorKind::BeforeBedtime, Anchor::AfterWake { minutes }) => Anchor::BeforeBedtime { minutes },
        (AnchorKind::AfterWake, Anchor::BeforeBedtime { minutes }) => Anchor::AfterWake { minutes },
        (AnchorKind::BeforeBedtime | AnchorKind::AfterWake, Anchor::At { .. }) => {
            if kind == AnchorKind::AfterWake {
                Anchor::AfterWake { minutes: 30 }
            } else {
                Anchor::BeforeBedtime { minutes: 30 }
            }
        }
        (AnchorKind::At, Anchor::BeforeBedtime { .. } | Anchor::AfterWake { .. }) => {
            let time = due_now.unwrap_or_default();
            state.at_text = widgets::time_text(time);
            Anchor::At { time }
        }
        (_, anchor) => anchor,
    };
    ui.horizontal(|ui| match &mut draft.anchor {
        Anchor::BeforeBedtime { minutes } | Anchor::AfterWake { minutes } => {
            let label = ui.label("Minutes");
            let drag = egui::DragValue::new(minutes).range(0..=MAX_ANCHOR_MINUTES).speed(1).suffix(" min");
            changed |= ui.add(drag).labelled_by(label.id).changed();
        }
        Anchor::At { time } => {
            if let Some(new_time) = widgets::time_field(ui, "Clock time", &mut state.at_text) {
                changed |= *time != new_time;
                *time = new_time;
            }
        }
    });
    changed |= ui.checkbox(&mut draft.remind, "Send a reminder").changed();
    if !draft.why().is_empty() {
        ui.label(RichText::new(draft.why()).color(style::quiet(ui)));
    }
    if let Some(planned) = preview.get(&draft.id) {
        ui.label(RichText::new(format!("Tonight at {}", planned.due.format("%H:%M"))).color(style::accent(ui)));
    } else if !draft.enabled {
        ui.label(RichText::new("This step is turned off.").weak());
    }
    if changed {
        state.dirty = true;
    }
}
