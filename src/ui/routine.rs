//! The routine editor: add, edit, turn off and delete steps, with a live preview of
//! tonight's timeline. Steps are listed in the order the evening brings them, so a new
//! step lands where its time puts it.

use chrono::{DateTime, Local};
use eframe::egui::{self, RichText};

use super::action::Action;
use super::{style, widgets};
use crate::i18n::{self, t};
use crate::model::plan::due_local;
use crate::model::routine::{MAX_ANCHOR_MINUTES, MAX_TITLE_CHARS, MAX_WHY_CHARS, StepEdit};
use crate::model::{Anchor, CATALOG, RoutineFile, Step, evening_at, plan_evening};
use crate::tr;
use crate::use_cases::{Change, new_step};

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
enum AnchorChoice {
    BeforeBedtime,
    AfterWake,
    At,
}

fn kind_of(anchor: Anchor) -> AnchorChoice {
    match anchor {
        Anchor::BeforeBedtime { .. } => AnchorChoice::BeforeBedtime,
        Anchor::AfterWake { .. } => AnchorChoice::AfterWake,
        Anchor::At { .. } => AnchorChoice::At,
    }
}

pub fn routine_ui(
    ui: &mut egui::Ui,
    state: &mut EditorState,
    routine_file: &RoutineFile,
    now: &DateTime<Local>,
    actions: &mut Vec<Action>,
) {
    sync_draft(state, routine_file);
    // Tonight as it would be with the edit in progress.
    let mut preview_routine_file = routine_file.clone();
    if let Some(draft) = &state.draft
        && let Some(slot) = preview_routine_file.routine.get_mut(&draft.id)
    {
        *slot = draft.clone();
    }
    let evening = evening_at(&preview_routine_file, now);
    let preview = plan_evening(&preview_routine_file, evening, &Local, None);

    let editor_width = (ui.available_width() * 0.45).min(420.0);
    egui::Panel::right("routine-editor").resizable(true).default_size(editor_width).show(ui, |ui| {
        egui::ScrollArea::vertical().id_salt("routine-edit").auto_shrink([false, false]).show(ui, |ui| {
            editor_ui(ui, state, &preview);
            ui.separator();
            ui.heading(t("ui-routine-preview"));
            for step in &preview.steps {
                let reminder = step.remind.then(|| t("ui-routine-reminder"));
                widgets::timeline_row(ui, &step.due, &i18n::planned_title(step), reminder);
            }
        });
    });
    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::vertical().id_salt("routine-list").auto_shrink([false, false]).show(ui, |ui| {
            ui.heading(t("ui-routine-heading"));
            ui.label(RichText::new(t("ui-routine-hint")).weak());
            list_ui(ui, state, routine_file, evening, actions);
            ui.separator();
            add_ui(ui, state, routine_file, actions);
        });
    });

    // Save the draft once no field is mid-edit, so a drag or a half-typed title is one save.
    let busy = ui.ctx().dragged_id().is_some() || ui.ctx().text_edit_focused();
    if state.dirty
        && !busy
        && let Some(draft) = &state.draft
    {
        if let Some(saved) = routine_file.routine.get(&draft.id) {
            let edit = StepEdit::between(saved, draft);
            if !edit.is_empty() {
                actions.push(Action::Apply(Change::EditStep { step: draft.id.clone(), edit }));
            }
        }
        state.dirty = false;
    }
}

/// Keeps the draft on the selected step and, unless it is being edited, equal to the file.
fn sync_draft(state: &mut EditorState, routine_file: &RoutineFile) {
    let saved = state.selected.as_deref().and_then(|id| routine_file.routine.get(id));
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

fn list_ui(
    ui: &mut egui::Ui,
    state: &mut EditorState,
    routine_file: &RoutineFile,
    evening: chrono::NaiveDate,
    actions: &mut Vec<Action>,
) {
    // In time order, as tonight and the preview show them (a stable sort keeps the
    // routine's order for steps due together).
    let mut steps: Vec<&Step> = routine_file.routine.steps.iter().collect();
    steps.sort_by_key(|step| due_local(routine_file, evening, step.anchor));
    for step in steps {
        let title = i18n::step_title(step);
        let title = title.as_str();
        let selected = state.selected.as_deref() == Some(step.id.as_str());
        let frame = egui::Frame::new()
            .corner_radius(6.0)
            .inner_margin(egui::Margin::symmetric(6, 2))
            .fill(if selected { ui.visuals().faint_bg_color } else { egui::Color32::TRANSPARENT });
        frame.show(ui, |ui| {
            ui.set_width(ui.available_width());
            let mut enabled = step.enabled;
            if ui.checkbox(&mut enabled, title).accessible_name(tr!("ui-routine-use", title = title)).changed() {
                let edit = StepEdit { enabled: Some(enabled), ..StepEdit::default() };
                actions.push(Action::Apply(Change::EditStep { step: step.id.clone(), edit }));
            }
            // The second line carries the buttons, so long titles never run under them.
            ui.horizontal(|ui| {
                ui.add_space(ui.spacing().indent);
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    let delete = ui.small_button(t("ui-routine-delete"));
                    if delete.accessible_name(tr!("ui-routine-delete-step", title = title)).clicked() {
                        actions.push(Action::Apply(Change::RemoveStep { step: step.id.clone() }));
                    }
                    let edit = ui.add(egui::Button::new(t("ui-routine-edit")).small().selected(selected));
                    if edit.accessible_name(tr!("ui-routine-edit-step", title = title)).clicked() {
                        state.selected = Some(step.id.clone());
                    }
                    let when = i18n::anchor(&step.anchor);
                    let when = if step.remind { tr!("ui-routine-when-remind", when = when) } else { when };
                    ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                        // Wraps rather than hides: "за 1 ч 30 мин до сна · напоминание".
                        ui.add(egui::Label::new(RichText::new(when).small().weak()).wrap());
                    });
                });
            });
        });
    }
}

fn add_ui(ui: &mut egui::Ui, state: &mut EditorState, routine_file: &RoutineFile, actions: &mut Vec<Action>) {
    ui.label(RichText::new(t("ui-routine-add-heading")).strong());
    let missing: Vec<_> = CATALOG.iter().filter(|entry| routine_file.routine.get(entry.id).is_none()).collect();
    if missing.is_empty() {
        ui.label(RichText::new(t("ui-routine-all-added")).weak());
    } else {
        if state.catalog_choice.is_none_or(|id| routine_file.routine.get(id).is_some()) {
            state.catalog_choice = missing.first().map(|entry| entry.id);
        }
        ui.horizontal_wrapped(|ui| {
            let chosen = missing.iter().find(|e| Some(e.id) == state.catalog_choice);
            egui::ComboBox::from_label(t("ui-routine-from-article"))
                .selected_text(chosen.map(|e| i18n::catalog_title(e.id)).unwrap_or_default())
                .show_ui(ui, |ui| {
                    for entry in &missing {
                        ui.selectable_value(&mut state.catalog_choice, Some(entry.id), i18n::catalog_title(entry.id))
                            .on_hover_text(i18n::catalog_why(entry.id));
                    }
                });
            if ui.button(t("ui-routine-add")).accessible_name(t("ui-routine-add-from-article")).clicked()
                && let Some(id) = state.catalog_choice
            {
                actions.push(Action::Apply(Change::AddStep(new_step(id, None, None))));
                state.selected = Some(id.to_owned());
            }
        });
        if let Some(entry) = missing.iter().find(|e| Some(e.id) == state.catalog_choice) {
            ui.label(RichText::new(i18n::catalog_why(entry.id)).small().weak());
        }
    }
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(t("ui-routine-own"));
        let response = ui
            .add(
                egui::TextEdit::singleline(&mut state.new_title)
                    .char_limit(MAX_TITLE_CHARS)
                    .hint_text(t("ui-routine-own-hint")),
            )
            .labelled_by(label.id);
        let enter = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        let title = state.new_title.trim().to_owned();
        let add = ui.add_enabled(!title.is_empty(), egui::Button::new(t("ui-routine-add-own")));
        if (add.clicked() || enter) && !title.is_empty() {
            let id = routine_file.routine.unique_id_for(&title);
            let step = new_step(&id, Some(title), None);
            state.selected = Some(id);
            actions.push(Action::Apply(Change::AddStep(step)));
            state.new_title.clear();
        }
    });
}

fn editor_ui(ui: &mut egui::Ui, state: &mut EditorState, preview: &crate::model::Plan<Local>) {
    let Some(draft) = state.draft.as_mut() else {
        ui.heading(t("ui-routine-edit-heading"));
        ui.label(RichText::new(t("ui-routine-edit-hint")).weak());
        return;
    };
    ui.heading(tr!("ui-routine-edit-step", title = i18n::step_title(draft)));
    let mut changed = false;
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(t("ui-routine-title"));
        let mut title = i18n::step_title(draft);
        if ui.add(egui::TextEdit::singleline(&mut title).char_limit(MAX_TITLE_CHARS)).labelled_by(label.id).changed()
            && !title.trim().is_empty()
        {
            draft.title = Some(title);
            changed = true;
        }
    });
    let mut kind = kind_of(draft.anchor);
    ui.horizontal_wrapped(|ui| {
        ui.label(t("ui-routine-when"));
        changed |= ui.radio_value(&mut kind, AnchorChoice::BeforeBedtime, t("ui-routine-before-bedtime")).changed();
        changed |= ui.radio_value(&mut kind, AnchorChoice::AfterWake, t("ui-routine-after-waking")).changed();
        changed |= ui.radio_value(&mut kind, AnchorChoice::At, t("ui-routine-at-time")).changed();
    });
    let due_now = preview.get(&draft.id).map(|s| s.due_local.time());
    draft.anchor = match (kind, draft.anchor) {
        (AnchorChoice::BeforeBedtime, Anchor::AfterWake { minutes }) => Anchor::BeforeBedtime { minutes },
        (AnchorChoice::AfterWake, Anchor::BeforeBedtime { minutes }) => Anchor::AfterWake { minutes },
        (AnchorChoice::BeforeBedtime | AnchorChoice::AfterWake, Anchor::At { .. }) => {
            if kind == AnchorChoice::AfterWake {
                Anchor::AfterWake { minutes: 30 }
            } else {
                Anchor::BeforeBedtime { minutes: 30 }
            }
        }
        (AnchorChoice::At, Anchor::BeforeBedtime { .. } | Anchor::AfterWake { .. }) => {
            let time = due_now.unwrap_or_default();
            state.at_text = widgets::time_text(time);
            Anchor::At { time }
        }
        (_, anchor) => anchor,
    };
    ui.horizontal_wrapped(|ui| match &mut draft.anchor {
        Anchor::BeforeBedtime { minutes } | Anchor::AfterWake { minutes } => {
            let label = ui.label(t("ui-routine-minutes"));
            // Typed, or stepped by 5: no drag, so a slip of the mouse never moves it.
            let field = egui::DragValue::new(minutes)
                .range(0..=MAX_ANCHOR_MINUTES)
                .speed(0.0)
                .custom_formatter(|value, _| i18n::duration(value.round() as i64))
                .custom_parser(parse_minutes);
            changed |= ui.add(field).labelled_by(label.id).changed();
            let less = ui.add_enabled(*minutes > 0, egui::Button::new("-5").small());
            if less.accessible_name(t("ui-routine-five-less")).clicked() {
                *minutes = minutes.saturating_sub(MINUTES_STEP);
                changed = true;
            }
            let more = ui.add_enabled(*minutes < MAX_ANCHOR_MINUTES, egui::Button::new("+5").small());
            if more.accessible_name(t("ui-routine-five-more")).clicked() {
                *minutes = (*minutes + MINUTES_STEP).min(MAX_ANCHOR_MINUTES);
                changed = true;
            }
        }
        Anchor::At { time } => {
            if let Some(new_time) = widgets::time_field(ui, &t("ui-routine-clock-time"), &mut state.at_text) {
                changed |= *time != new_time;
                *time = new_time;
            }
        }
    });
    changed |= ui.checkbox(&mut draft.remind, t("ui-routine-send-reminder")).changed();
    if draft.catalog_entry().is_none() {
        // A custom step may say why, in the user's own words.
        let label = ui.label(t("ui-routine-why"));
        let mut why = draft.why.clone().unwrap_or_default();
        let field = egui::TextEdit::multiline(&mut why)
            .char_limit(MAX_WHY_CHARS)
            .desired_rows(2)
            .hint_text(t("ui-routine-why-hint"));
        if ui.add(field).labelled_by(label.id).changed() {
            draft.why = Some(why).filter(|why| !why.trim().is_empty());
            changed = true;
        }
    } else {
        let why = i18n::step_why(draft);
        if !why.is_empty() {
            ui.add(egui::Label::new(RichText::new(why).color(style::quiet(ui))).wrap());
        }
    }
    if let Some(from_article) = i18n::step_from_article(draft) {
        ui.label(RichText::new(i18n::from_article_line(&from_article)).color(style::quiet(ui)));
    }
    if let Some(planned) = preview.get(&draft.id) {
        let time = widgets::clock(&planned.due);
        // An after-waking step belongs to the morning that starts the evening's day.
        let at = if matches!(draft.anchor, Anchor::AfterWake { .. }) {
            tr!("ui-routine-morning-at", time = time)
        } else {
            tr!("ui-routine-tonight-at", time = time)
        };
        ui.label(RichText::new(at).color(style::accent(ui)));
    } else if !draft.enabled {
        ui.label(RichText::new(t("ui-routine-turned-off")).weak());
    }
    if changed {
        state.dirty = true;
    }
}

/// How far one press of -5 or +5 moves a step.
const MINUTES_STEP: u32 = 5;

/// Reads minutes as typed into the field: "45", "3 h", "1 h 30 min", "1:30", "2 ч 05 мин".
/// One number is minutes unless it is marked as hours; two are hours and minutes.
fn parse_minutes(text: &str) -> Option<f64> {
    let numbers: Vec<u32> = text
        .split(|c: char| !c.is_ascii_digit())
        .filter(|part| !part.is_empty())
        .map(str::parse)
        .collect::<Result<_, _>>()
        .ok()?;
    let hours_marked = text.contains(['h', 'H', 'ч', 'Ч', ':']);
    let minutes = match numbers.as_slice() {
        [minutes] if !hours_marked => *minutes,
        [hours] => hours.checked_mul(60)?,
        [hours, minutes] => hours.checked_mul(60)?.checked_add(*minutes)?,
        _ => return None,
    };
    Some(f64::from(minutes))
}

#[cfg(test)]
mod tests {
    use super::parse_minutes;

    #[test]
    fn minutes_read_as_people_type_them() {
        assert_eq!(parse_minutes("45"), Some(45.0));
        assert_eq!(parse_minutes("45 min"), Some(45.0));
        assert_eq!(parse_minutes("3 h"), Some(180.0));
        assert_eq!(parse_minutes("1 h 30 min"), Some(90.0));
        assert_eq!(parse_minutes("1:30"), Some(90.0));
        assert_eq!(parse_minutes("2 ч 05 мин"), Some(125.0));
        assert_eq!(parse_minutes("soon"), None);
        assert_eq!(parse_minutes("1 2 3"), None);
    }
}
