//! Export and import (Settings → Your data): the file work the section asks for, on a
//! thread of its own so the frames go on.

use std::path::PathBuf;
use std::sync::mpsc;
use std::time::Duration;

use eframe::egui;

use super::App;
use crate::i18n;
use crate::ui::action::{Purpose, TransferAction};
use crate::ui::banners::{Banner, BannerKind};
use crate::ui::data_transfer::{Stage, Work};
use crate::ui::file_dialog::Answer;
use crate::use_cases::files::{
    DateRange, Export, ExportFormat, ImportPreview, Imported, RoutineChoice, documents_folder, export_result_text,
    import_result_text,
};
use crate::use_cases::{Coach, TransferError};

/// Export and import (Settings → Your data): the file work the section asks for.
impl App {
    /// Does what the section asked; `true` when the journal changed.
    pub(super) fn transfer(&mut self, action: TransferAction) -> bool {
        match action {
            TransferAction::Choose(purpose) => {
                let today = (self.clock)().date_naive();
                self.data_transfer.choose(purpose, today, &documents_folder());
            }
            TransferAction::Export(format, path) => self.export(format, &path),
            TransferAction::Preview(path) => self.preview_import(&path),
            TransferAction::ConfirmImport => return self.confirm_import(),
            TransferAction::TypePath(purpose) => self.data_transfer.type_path(purpose),
            TransferAction::Cancel => self.data_transfer.stage = Stage::Idle,
        }
        false
    }

    /// The dialog closed: go on with the file, or offer the path field instead.
    pub(super) fn file_chosen(&mut self, answer: Answer) {
        let Stage::Dialog(purpose) = self.data_transfer.stage else { return };
        match answer {
            Answer::Chosen(path) => match purpose {
                Purpose::Export(format) => self.export(format, &path),
                Purpose::Import => self.preview_import(&path),
            },
            Answer::Cancelled => self.data_transfer.type_path(purpose),
            Answer::Unavailable(_) => {
                self.data_transfer.no_dialog = true;
                self.data_transfer.type_path(purpose);
            }
        }
    }

    pub(super) fn export(&mut self, format: ExportFormat, path: &std::path::Path) {
        let path = path.to_owned();
        self.start_work(Work::Export, move |coach| {
            let result = coach.export_to_file(format, DateRange::default(), &path);
            TransferDone::Exported(format, path, result)
        });
    }

    pub(super) fn preview_import(&mut self, path: &std::path::Path) {
        let path = path.to_owned();
        let now = (self.clock)();
        self.start_work(Work::Preview, move |coach| {
            let result = coach.preview_import(&path, &now).map(Box::new);
            TransferDone::Previewed(path, result)
        });
    }

    /// Merges the previewed file. The one change that may wait a moment for the lock
    /// (the user asked for it and is looking at the preview); a frame otherwise never does.
    pub(super) fn confirm_import(&mut self) -> bool {
        let Stage::Preview(preview) = std::mem::take(&mut self.data_transfer.stage) else { return false };
        let choice = if self.data_transfer.replace_routine { RoutineChoice::Replace } else { RoutineChoice::Keep };
        self.start_work(Work::Import, move |coach| {
            coach.set_lock_timeout(Duration::from_secs(2));
            let result = coach.import(&preview, choice);
            TransferDone::Imported(preview, result)
        })
    }

    /// Runs `job` on a thread of its own with a store on the same files (in the frame
    /// itself in tests); its result is taken up by [`Self::poll_work`]. `true` when the
    /// journal changed already (in the frame).
    pub(super) fn start_work(
        &mut self,
        work: Work,
        job: impl FnOnce(&mut Coach) -> TransferDone + Send + 'static,
    ) -> bool {
        if self.data_transfer.in_background {
            let (done, result) = mpsc::channel();
            let mut coach = self.coach.on_same_files();
            let spawned = std::thread::Builder::new().name("bedtime-coach-transfer".to_owned()).spawn(move || {
                let finished = job(&mut coach);
                // What the store noticed on the way (a damaged file moved aside) is told too.
                let _ = done.send((finished, coach.take_notices()));
            });
            if spawned.is_ok() {
                self.transfer_work = Some(result);
                self.data_transfer.stage = Stage::Working(work);
            } else {
                // No thread to be had (the system is out of them): nothing was done.
                self.banners.push(Banner::new(BannerKind::Error, i18n::t("ui-data-work-stopped")));
                self.data_transfer.stage = Stage::Idle;
            }
            return false;
        }
        let done = job(&mut self.coach);
        self.coach.set_lock_timeout(Duration::ZERO);
        let changed = self.work_done(done);
        self.collect_notices();
        changed
    }

    /// Takes up the result of the file work when it is there; until then the section
    /// shows a spinner and the window looks again shortly.
    pub(super) fn poll_work(&mut self, ctx: &egui::Context) {
        let Some(result) = &self.transfer_work else { return };
        match result.try_recv() {
            Ok((done, notices)) => {
                self.transfer_work = None;
                let changed = self.work_done(done);
                self.notice_banners(notices);
                if changed {
                    self.reload();
                    self.start_service();
                }
            }
            Err(mpsc::TryRecvError::Empty) => ctx.request_repaint_after(WORK_POLL),
            Err(mpsc::TryRecvError::Disconnected) => {
                self.transfer_work = None;
                self.data_transfer.stage = Stage::Idle;
                self.banners.push(Banner::new(BannerKind::Error, i18n::t("ui-data-work-stopped")));
            }
        }
    }

    /// Shows what the file work came to; `true` when the journal changed.
    pub(super) fn work_done(&mut self, done: TransferDone) -> bool {
        match done {
            TransferDone::Exported(_, path, Ok(export)) => {
                let message = export_result_text(&path, &export);
                let folder = path.parent().map(PathBuf::from);
                self.banners.push(Banner::about_folder(BannerKind::Info, message, folder));
                self.data_transfer.stage = Stage::Idle;
            }
            TransferDone::Exported(format, path, Err(error)) => {
                // The path field stays, to correct the path.
                self.data_transfer.path = path.display().to_string();
                self.data_transfer.type_path(Purpose::Export(format));
                self.banners.push(Banner::new(BannerKind::Error, error.to_string()));
            }
            TransferDone::Previewed(_, Ok(preview)) => {
                self.data_transfer.replace_routine = false;
                self.data_transfer.stage = Stage::Preview(preview);
            }
            TransferDone::Previewed(path, Err(error)) => {
                self.data_transfer.path = path.display().to_string();
                self.data_transfer.type_path(Purpose::Import);
                self.banners.push(Banner::new(BannerKind::Error, error.to_string()));
            }
            TransferDone::Imported(preview, result) => {
                self.data_transfer.stage = Stage::Idle;
                let saved = match result {
                    Ok(imported) => {
                        let message = import_result_text(&preview.path, &imported);
                        self.banners.push(Banner::new(BannerKind::Info, message));
                        imported.journal.saved || imported.routine_restored
                    }
                    Err(error) => {
                        self.banners.push(Banner::new(BannerKind::Error, error.to_string()));
                        false
                    }
                };
                return saved;
            }
        }
        false
    }
}

/// How often the window looks whether the file work is done, while it runs.
const WORK_POLL: Duration = Duration::from_millis(50);

/// What the file work thread hands back to the window.
pub(super) enum TransferDone {
    Exported(ExportFormat, PathBuf, Result<Export, TransferError>),
    Previewed(PathBuf, Result<Box<ImportPreview>, TransferError>),
    Imported(Box<ImportPreview>, Result<Imported, TransferError>),
}
