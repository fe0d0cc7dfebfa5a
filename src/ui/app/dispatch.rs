//! Applying what the views asked for at the end of a frame: changes through the use
//! cases (with undo), screens, banners, the doctor summary, autostart.

use std::borrow::Cow;
use std::path::PathBuf;
use std::time::Duration;

use super::{App, SUMMARY_BANNER, UNDO_DEPTH};
use crate::tr;
use crate::ui::action::{Action, FolderChoice};
use crate::ui::banners::{Banner, BannerKind};
use crate::ui::file_dialog::{Answer, Request};
use crate::ui::reminder_status;
use crate::ui::screen::Screen;
use crate::use_cases::RemindError;
use crate::use_cases::files::{SummaryDone, SummaryFormat, SummaryRequest};
use crate::use_cases::{Change, Snapshot, undo};

impl App {
    /// Undoes the newest change in [`App::undo_stack`] (Ctrl+Z).
    pub(super) fn undo_last(&mut self) {
        let Some(commands) = self.undo_stack.pop() else { return };
        if commands == self.undo {
            self.banners.remove_undo();
            self.undo.clear();
        }
        let mut changed = false;
        for command in commands {
            changed |= self.run(command);
        }
        if changed {
            self.reload();
            self.start_service();
        }
    }

    /// Applies what the views asked for, in order.
    pub fn apply(&mut self, actions: Vec<Action>) {
        self.speaking(|app| app.apply_in_language(actions));
    }

    pub(super) fn apply_in_language(&mut self, actions: Vec<Action>) {
        let mut changed = false;
        for action in actions {
            match action {
                Action::Show(screen) => {
                    if screen == Screen::Settings {
                        self.refresh_autostart();
                    }
                    if screen == Screen::AboutSleep && self.screen != Screen::AboutSleep {
                        self.about_back = self.screen;
                    }
                    self.screen = screen;
                }
                Action::Autostart(on) => {
                    let banner = match reminder_status::set_autostart(&self.coach, on) {
                        Ok(message) => Banner::keyed(BannerKind::Info, "autostart", message),
                        Err(error) => Banner::keyed(BannerKind::Error, "autostart", error),
                    };
                    self.banners.push(banner);
                    self.refresh_autostart();
                }
                Action::DismissBanner(index) => self.banners.dismiss(index),
                Action::SaveSummary { path, weeks, format } => self.save_summary(path, weeks, format),
                Action::OpenFolder(path) => self.folders.open(&path),
                Action::Transfer(action) => changed |= self.transfer(action),
                Action::DataFolder(choice) => self.choose_folder(choice),
                Action::Undo => {
                    self.banners.remove_undo();
                    let undo = std::mem::take(&mut self.undo);
                    self.undo_stack.retain(|commands| *commands != undo);
                    for command in undo {
                        changed |= self.run(command);
                    }
                }
                Action::Apply(command) => {
                    let before = self.before_change(&command);
                    let (removal, inverse) = (undo::removal(&command, &before), undo::inverse(&command, &before));
                    if self.run(command.clone()) {
                        changed = true;
                        if let Some(inverse) = inverse {
                            if self.undo_stack.len() >= UNDO_DEPTH {
                                self.undo_stack.remove(0);
                            }
                            self.undo_stack.push(inverse);
                        }
                        if let Some(removal) = removal {
                            let banner = Banner::new(BannerKind::Info, removal.message);
                            self.banners.push(Banner { undo: true, ..banner });
                            self.undo = removal.restore;
                        }
                    }
                }
            }
        }
        if changed {
            self.reload();
            self.start_service();
        }
    }

    /// Settings → the data folder for the next start: a dialog (or the path field) to
    /// choose one, or the choice saved. When the next start moves to another folder, this
    /// folder's reminder service is stopped and not started again by this window, so that
    /// two services never remind from two folders.
    pub(super) fn choose_folder(&mut self, choice: FolderChoice) {
        let folder = match choice {
            FolderChoice::Choose => {
                if !self.folder_dialog.start(Request::Folder { title: tr!("ui-computers-folder-dialog-title") }) {
                    self.computers.folder_field.get_or_insert_with(String::new);
                }
                return;
            }
            FolderChoice::Use(folder) => Some(folder),
            FolderChoice::Usual => None,
        };
        if let Err(error) = self.coach.choose_data_folder(folder.as_deref()) {
            self.banners.push(Banner::new(BannerKind::Error, error.to_string()));
            return;
        }
        self.computers.folder_field = None;
        self.computers.choice = self.coach.folder_choice();
        let next = self.coach.paths().next_start_data_dir();
        self.computers.moving = self.follows_choice && next.is_some_and(|next| next != self.coach.paths().data_dir);
        // A moment's wait, not more: a service asked to stop and still finishing stops by itself.
        if self.computers.moving {
            match self.coach.stop_service(Duration::from_millis(300)) {
                Ok(_) | Err(RemindError::StillRunning { .. }) => {}
                Err(error) => self.banners.push(Banner::new(BannerKind::Error, error.to_string())),
            }
        }
        self.reminder_info.service_pid = self.coach.service_pid();
    }

    /// What the folder dialog answered: a folder to use, or the path field where no
    /// dialog could be shown.
    pub(super) fn folder_chosen(&mut self, answer: Answer) {
        match answer {
            Answer::Chosen(folder) => self.choose_folder(FolderChoice::Use(folder)),
            Answer::Cancelled => {}
            Answer::Unavailable(_) => {
                self.computers.folder_field.get_or_insert_with(String::new);
            }
        }
    }

    /// Renders the doctor summary from the data on screen and writes it where asked; a
    /// banner says where it went (with Open folder) or why it could not be written.
    pub(super) fn save_summary(&mut self, path: PathBuf, weeks: u8, format: SummaryFormat) {
        let now = (self.clock)();
        let (routine_file, journal) = (&self.snapshot.routine_file.value, &self.snapshot.journal.value);
        let request = SummaryRequest { weeks, format, path: Some(path), last_evening: None, language: self.language };
        let banner = match self.coach.write_summary_of(routine_file, journal, &request, &now) {
            Ok(SummaryDone::Saved { path, .. }) => Banner::about_folder(
                BannerKind::Info,
                tr!("night-summary-saved", path = path.display().to_string()),
                path.parent().map(PathBuf::from),
            ),
            // The window always names a file.
            Ok(SummaryDone::Text(_)) => return,
            Err(error) => Banner::new(BannerKind::Error, error.to_string()),
        };
        self.banners.push(Banner { key: Some(SUMMARY_BANNER), ..banner });
    }

    /// The files as they were before `command`, for its undo: the recent months every
    /// screen reads, or, for an evening older than those (a correction in History), that
    /// evening's month read now.
    fn before_change(&self, command: &Change) -> Cow<'_, Snapshot> {
        let evening = match command {
            Change::Check { evening, .. }
            | Change::Undo { evening, .. }
            | Change::LogNight { evening, .. }
            | Change::SetNight { evening, .. } => *evening,
            _ => return Cow::Borrowed(&self.snapshot),
        };
        if self.near.contains(&evening) {
            return Cow::Borrowed(&self.snapshot);
        }
        match self.coach.load_near(evening..=evening) {
            // The routine as it is now, with that evening.
            Ok(older) => Cow::Owned(Snapshot { routine_file: self.snapshot.routine_file.clone(), ..older }),
            Err(_) => Cow::Borrowed(&self.snapshot),
        }
    }

    pub(super) fn run(&mut self, command: Change) -> bool {
        match self.pending.apply(command, &self.coach) {
            Ok(saved) => saved,
            Err(error) => {
                self.banners.push(Banner::new(BannerKind::Error, error.to_string()));
                self.collect_notices();
                false
            }
        }
    }
}
