//! Applying what the views asked for at the end of a frame: changes through the use
//! cases (with undo), screens, banners, the doctor summary, autostart.

use std::borrow::Cow;
use std::path::PathBuf;

use super::{App, SUMMARY_BANNER, UNDO_DEPTH};
use crate::tr;
use crate::ui::action::Action;
use crate::ui::banners::{Banner, BannerKind};
use crate::ui::reminder_status;
use crate::ui::screen::Screen;
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

    /// The files as they were before `command`, for its undo: History's reading of every
    /// month when it is of the same data (a correction in History may be years back), the
    /// recent months every screen reads, or, for an evening older than those while History
    /// reads again, that evening read now.
    fn before_change(&self, command: &Change) -> Cow<'_, Snapshot> {
        if let Some(figures) = self.history_load.current(self.generation) {
            return Cow::Borrowed(&figures.snapshot);
        }
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
        self.coach.load_near(evening..=evening).map_or(Cow::Borrowed(&self.snapshot), Cow::Owned)
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
