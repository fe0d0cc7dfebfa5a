//! Settings → "Computers using this folder": each computer that wrote to the data folder
//! (a folder synced between computers), when it last did, a name to give it, and a way
//! to forget one that is gone; with one sentence on how to share the folder.

use std::collections::BTreeMap;
use std::path::PathBuf;

use chrono::{DateTime, Local};
use eframe::egui::{self, RichText};

use crate::i18n::{self, t};
use crate::model::computers::MAX_NAME_CHARS;
use crate::tr;
use crate::ui::action::{Action, FolderChoice};
use crate::use_cases::{Change, Computer, Paths};

/// What the section keeps between frames.
#[derive(Debug, Default)]
pub struct ComputersState {
    /// The name being typed, by device, until the field is left.
    typing: BTreeMap<String, String>,
    /// The computer whose "Forget…" was pressed, waiting for the answer.
    forgetting: Option<String>,
    /// The data folder chosen in Settings, as last read.
    pub choice: Option<PathBuf>,
    /// The path field for a data folder, where no folder dialog could be shown.
    pub folder_field: Option<String>,
    /// The next start will use another data folder than this window does.
    pub moving: bool,
}

/// The computers as read for the screen: the list, or why it could not be read.
pub type ComputersRead = Result<Vec<Computer>, String>;

/// The name a computer is shown by: the one given, else its host name, else the start of its id.
pub fn shown_name(computer: &Computer) -> String {
    match (&computer.name, &computer.host) {
        (Some(name), _) | (None, Some(name)) => name.clone(),
        (None, None) => tr!("ui-computers-unnamed", id = computer.device.chars().take(6).collect::<String>()),
    }
}

pub fn computers_ui(
    ui: &mut egui::Ui,
    state: &mut ComputersState,
    computers: &ComputersRead,
    paths: &Paths,
    now: &DateTime<Local>,
    actions: &mut Vec<Action>,
) {
    ui.label(RichText::new(t("ui-computers")).strong());
    // One folder for everything is what can be synced whole; the usual two folders cannot.
    let share =
        if paths.config_dir == paths.data_dir { t("ui-computers-share-chosen") } else { t("ui-computers-share-usual") };
    ui.label(RichText::new(share).small().weak());
    folder_choice_ui(ui, state, paths, actions);
    let computers = match computers {
        Ok(computers) => computers,
        Err(error) => {
            ui.label(tr!("ui-computers-unreadable", error = error.as_str()));
            return;
        }
    };
    for computer in computers {
        ui.add_space(4.0);
        computer_ui(ui, state, computer, now, actions);
    }
    // A computer forgotten elsewhere meanwhile takes its question with it.
    if let Some(device) = &state.forgetting
        && !computers.iter().any(|computer| &computer.device == device)
    {
        state.forgetting = None;
    }
}

/// The data folder this computer uses, and the choice of another from the next start.
fn folder_choice_ui(ui: &mut egui::Ui, state: &mut ComputersState, paths: &Paths, actions: &mut Vec<Action>) {
    // The folder's path is shown under "Your data", just below; here, what to do with it.
    ui.horizontal_wrapped(|ui| {
        if ui.button(t("ui-open-folder")).accessible_name(t("ui-computers-open-folder")).clicked() {
            actions.push(Action::OpenFolder(paths.data_dir.clone()));
        }
        if ui.button(t("ui-computers-choose-folder")).clicked() {
            actions.push(Action::DataFolder(FolderChoice::Choose));
        }
    });
    if let Some(typed) = &mut state.folder_field {
        let mut chosen = None;
        ui.horizontal_wrapped(|ui| {
            let label = ui.label(t("ui-computers-folder-path"));
            let response = ui.add(egui::TextEdit::singleline(typed).desired_width(320.0)).labelled_by(label.id);
            let enter = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            if (ui.button(t("ui-computers-use-folder")).clicked() || enter) && !typed.trim().is_empty() {
                chosen = Some(PathBuf::from(typed.trim()));
            }
        });
        if let Some(folder) = chosen {
            actions.push(Action::DataFolder(FolderChoice::Use(folder)));
        }
    }
    if state.moving {
        let next = match &state.choice {
            Some(chosen) => tr!("ui-computers-folder-next", folder = chosen.display().to_string()),
            None => t("ui-computers-folder-usual-next"),
        };
        ui.label(RichText::new(next).small());
    }
    if state.choice.is_some() && ui.button(t("ui-computers-usual-folders")).clicked() {
        actions.push(Action::DataFolder(FolderChoice::Usual));
    }
}

fn computer_ui(
    ui: &mut egui::Ui,
    state: &mut ComputersState,
    computer: &Computer,
    now: &DateTime<Local>,
    actions: &mut Vec<Action>,
) {
    let name = shown_name(computer);
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(&name).strong());
        if computer.this {
            ui.label(RichText::new(t("ui-computers-this")).weak());
        }
    });
    let wrote = match &computer.last_wrote {
        Some(at) => tr!("ui-computers-last-wrote", when = i18n::date_time(&at.with_timezone(&Local))),
        None => t("ui-computers-not-written"),
    };
    ui.label(RichText::new(wrote).small().weak());
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(t("ui-computers-name"));
        let saved = computer.name.clone().unwrap_or_default();
        let mut text = state.typing.get(&computer.device).cloned().unwrap_or_else(|| saved.clone());
        let hint = computer.host.clone().unwrap_or_else(|| name.clone());
        let edit =
            egui::TextEdit::singleline(&mut text).char_limit(MAX_NAME_CHARS).hint_text(hint).desired_width(220.0);
        let response =
            ui.add(edit).labelled_by(label.id).accessible_name(tr!("ui-computers-name-of", name = name.as_str()));
        if response.changed() {
            state.typing.insert(computer.device.clone(), text.clone());
        }
        // Saved when the field is left (Enter, Tab or a click elsewhere).
        if response.lost_focus()
            && let Some(typed) = state.typing.remove(&computer.device)
            && typed.trim() != saved
        {
            let at = now.fixed_offset();
            actions.push(Action::Apply(Change::NameComputer { device: computer.device.clone(), name: typed, at }));
        }
        if !computer.this {
            let forget = egui::Button::new(t("ui-computers-forget"));
            let asked = state.forgetting.as_ref() == Some(&computer.device);
            let response =
                ui.add_enabled(!asked, forget).accessible_name(tr!("ui-computers-forget-named", name = name.as_str()));
            if response.clicked() {
                state.forgetting = Some(computer.device.clone());
            }
        }
    });
    if state.forgetting.as_ref() != Some(&computer.device) {
        return;
    }
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.label(tr!("ui-computers-forget-question", name = name.as_str()));
        ui.horizontal(|ui| {
            if ui.button(t("ui-computers-forget-confirm")).clicked() {
                let at = now.fixed_offset();
                actions.push(Action::Apply(Change::ForgetComputer { device: computer.device.clone(), at }));
                state.forgetting = None;
            }
            if ui.button(t("ui-computers-forget-keep")).clicked() {
                state.forgetting = None;
            }
        });
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn computer(name: Option<&str>, host: Option<&str>) -> Computer {
        Computer {
            device: "3f2a1b0c9d8e7f60".into(),
            name: name.map(str::to_owned),
            host: host.map(str::to_owned),
            last_wrote: None,
            this: false,
        }
    }

    #[test]
    fn a_computer_is_shown_by_its_name_else_its_host_else_its_id() {
        i18n::with_language(i18n::Language::English, || {
            assert_eq!(shown_name(&computer(Some("Study"), Some("desk"))), "Study");
            assert_eq!(shown_name(&computer(None, Some("desk"))), "desk");
            assert_eq!(shown_name(&computer(None, None)), "Computer 3f2a1b");
        });
    }
}
