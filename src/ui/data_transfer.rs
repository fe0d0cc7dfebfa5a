//! Settings → Your data: export the journal (CSV for a spreadsheet, JSON as a backup)
//! and import a JSON export, with a preview to confirm.
//!
//! Why a file of its own: the flow has stages (a file dialog that may take minutes, a
//! path field when there is none, a preview waiting for a yes) that Settings should not
//! carry. Like every view it only draws and emits [`TransferAction`]s; the app does the
//! file work at the end of the frame through the use cases (`Coach::export_to_file`, `preview_import`, `import`), and the dialog runs on
//! its own thread ([`super::file_dialog`]).

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use eframe::egui::{self, RichText};

use super::action::{Action, Purpose, TransferAction};
use super::file_dialog::{FileDialog, Request};
use crate::i18n::t;
use crate::tr;
use crate::use_cases::files::{ExportFormat, ImportPreview, RoutineInBackup, preview_text, routine_preview_text};

/// Where the flow is.
#[derive(Debug, Default)]
pub enum Stage {
    #[default]
    Idle,
    /// The desktop's dialog is open.
    Dialog(Purpose),
    /// The path field, for when there is no dialog (or it was cancelled or failed).
    Typing(Purpose),
    /// An import file was checked; waiting for the user to confirm.
    Preview(Box<ImportPreview>),
    /// The file work runs on a thread of its own (a 10-year journal takes a fraction of
    /// a second, too long to hold a frame).
    Working(Work),
}

/// The file work being done.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Work {
    Export,
    Preview,
    Import,
}

/// The section's state, kept by the app between frames.
#[derive(Debug, Default)]
pub struct TransferState {
    pub stage: Stage,
    /// The path field's text.
    pub path: String,
    /// The desktop's dialog could not be shown (the path field says so).
    pub no_dialog: bool,
    pub dialog: FileDialog,
    /// Whether the file work runs on a thread of its own (the real window) or in the
    /// frame that asked for it (tests, which then read the result at once).
    pub in_background: bool,
    /// The path field has just appeared: scrolled into view and focused when drawn (it
    /// used to appear below the window's edge, unseen).
    reveal: bool,
    /// The preview's "Replace my routine…" box, where the backup's routine differs.
    pub replace_routine: bool,
}

impl TransferState {
    /// Starts asking for a file for `purpose`: the dialog if there is one, else the path
    /// field, filled with a suggestion.
    pub fn choose(&mut self, purpose: Purpose, today: NaiveDate, folder: &Path) {
        let suggested = match purpose {
            Purpose::Export(format) => folder.join(format!("bedtime-coach-{today}.{}", format.extension())),
            Purpose::Import => folder.join(format!("bedtime-coach-{today}.json")),
        };
        let request = match purpose {
            Purpose::Export(ExportFormat::Csv) => Request::Save { title: t("ui-data-export-csv-title"), suggested },
            Purpose::Export(ExportFormat::Json) => Request::Save { title: t("ui-data-export-json-title"), suggested },
            Purpose::Import => Request::Open { title: t("ui-data-import-title") },
        };
        if let Request::Save { suggested, .. } = &request {
            self.path = suggested.display().to_string();
        }
        if self.dialog.start(request) {
            self.stage = Stage::Dialog(purpose);
        } else {
            self.type_path(purpose);
        }
    }

    /// Shows the path field for `purpose`, brought into view.
    pub fn type_path(&mut self, purpose: Purpose) {
        self.stage = Stage::Typing(purpose);
        self.reveal = true;
    }
}

/// The "Your data" section.
pub fn data_transfer_ui(ui: &mut egui::Ui, state: &mut TransferState, actions: &mut Vec<Action>) {
    let mut act = |action| actions.push(Action::Transfer(action));
    ui.add_space(8.0);
    ui.label(RichText::new(t("ui-data-heading")).strong());
    ui.label(t("ui-data-intro"));
    let busy = matches!(state.stage, Stage::Dialog(_) | Stage::Working(_));
    ui.horizontal_wrapped(|ui| {
        for (purpose, label) in [
            (Purpose::Export(ExportFormat::Csv), t("ui-data-export-csv")),
            (Purpose::Export(ExportFormat::Json), t("ui-data-export-json")),
            (Purpose::Import, t("ui-data-import")),
        ] {
            if ui.add_enabled(!busy, egui::Button::new(label)).clicked() {
                act(TransferAction::Choose(purpose));
            }
        }
    });
    match &state.stage {
        Stage::Idle => {}
        Stage::Dialog(purpose) => {
            let purpose = *purpose;
            ui.horizontal_wrapped(|ui| {
                ui.spinner();
                // At once, before the desktop answers: the buttons are greyed out meanwhile.
                let shown = state.dialog.is_shown();
                ui.label(if shown { t("ui-data-dialog-open") } else { t("ui-data-dialog-looking") });
                // A dialog that never shows (a hung portal) must not block the section.
                if ui.button(t("ui-data-type-path")).clicked() {
                    act(TransferAction::TypePath(purpose));
                }
            });
        }
        Stage::Typing(purpose) => {
            let purpose = *purpose;
            let (field, go) = match purpose {
                Purpose::Export(_) => (t("ui-data-export-path"), t("ui-data-export-go")),
                Purpose::Import => (t("ui-data-import-path"), t("ui-data-import-go")),
            };
            if state.no_dialog {
                ui.label(RichText::new(t("ui-data-no-dialog")).small().weak());
            }
            let mut submit = false;
            ui.horizontal_wrapped(|ui| {
                let label = ui.label(field);
                let edit = egui::TextEdit::singleline(&mut state.path).desired_width(380.0);
                let response = ui.add(edit).labelled_by(label.id);
                if std::mem::take(&mut state.reveal) {
                    response.scroll_to_me(Some(egui::Align::Center));
                    response.request_focus();
                }
                submit = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                let path = PathBuf::from(state.path.trim());
                let ready = !state.path.trim().is_empty();
                if ui.add_enabled(ready, egui::Button::new(go)).clicked() || (submit && ready) {
                    act(match purpose {
                        Purpose::Export(format) => TransferAction::Export(format, path),
                        Purpose::Import => TransferAction::Preview(path),
                    });
                }
                if ui.button(t("ui-data-cancel")).clicked() {
                    act(TransferAction::Cancel);
                }
            });
        }
        Stage::Working(work) => {
            ui.horizontal_wrapped(|ui| {
                ui.spinner();
                ui.label(match work {
                    Work::Export => t("ui-data-working-export"),
                    Work::Preview => t("ui-data-working-preview"),
                    Work::Import => t("ui-data-working-import"),
                });
            });
        }
        Stage::Preview(preview) => {
            egui::Frame::group(ui.style()).show(ui, |ui| {
                ui.label(
                    RichText::new(tr!("ui-data-preview-heading", path = preview.path.display().to_string())).strong(),
                );
                ui.label(preview_text(&preview.counts));
                if let Some(routine) = routine_preview_text(preview) {
                    ui.label(routine);
                }
                if preview.routine == RoutineInBackup::Differs {
                    ui.checkbox(&mut state.replace_routine, t("import-routine-replace"));
                }
                ui.horizontal(|ui| {
                    let routine_changes = match preview.routine {
                        RoutineInBackup::Restored => true,
                        RoutineInBackup::Differs => state.replace_routine,
                        RoutineInBackup::Absent | RoutineInBackup::Same => false,
                    };
                    let adds = preview.counts.adds_anything() || routine_changes;
                    if ui.add_enabled(adds, egui::Button::new(t("ui-data-import-confirm"))).clicked() {
                        act(TransferAction::ConfirmImport);
                    }
                    if ui.button(t("ui-data-cancel")).clicked() {
                        act(TransferAction::Cancel);
                    }
                });
            });
        }
    }
}
