//! Reading the files again and turning what happened to them into banners; starting
//! the reminder service when it should run and does not.

use std::path::PathBuf;

use super::App;
use crate::model::ReminderLog;
use crate::ui::banners::{Banner, BannerKind, REMINDER_BANNER};
use crate::ui::reminder_status;
use crate::use_cases::{FileNotice, views};

impl App {
    /// Reminders come from the background service: start it if they should and it is
    /// not running (never before a routine is saved, never when they are off).
    pub(super) fn start_service(&mut self) {
        let wanted = views::reminders_wanted(&self.snapshot.routine_file);
        self.service.ensure_running(&self.coach, wanted);
        if let Some(failure) = self.service.failure.take() {
            self.banners.push(Banner::keyed(BannerKind::Error, REMINDER_BANNER, failure));
        }
    }

    pub(super) fn refresh_autostart(&mut self) {
        match reminder_status::autostart_enabled(&self.coach) {
            Ok(enabled) => self.reminder_info.autostart = Some(enabled),
            Err(error) => self.banners.push(Banner::new(BannerKind::Warning, error)),
        }
    }

    /// What the service left for the window in the reminder log: file repairs it found,
    /// and the newest reminder it could not show as a notification.
    pub(super) fn show_service_messages(&mut self, log: &ReminderLog) {
        match log.undelivered.last() {
            Some(undelivered) => {
                self.banners.push(Banner::undelivered(undelivered));
            }
            None => self.banners.remove_key(REMINDER_BANNER),
        }
        if log.file_notices.is_empty() {
            return;
        }
        // Shown here once: cleared from the log first, so a second window does not repeat them.
        match self.coach.take_service_file_notices() {
            Ok(messages) => messages.into_iter().for_each(|message| self.push_file_notice(message)),
            Err(error) => self.banners.push(Banner::new(BannerKind::Error, error.to_string())),
        }
    }

    /// A file was moved aside, restored or migrated: a banner with the folder to open.
    pub(super) fn push_file_notice(&mut self, message: String) {
        let folder = Some(self.coach.paths().data_dir.clone());
        self.banners.push(Banner::about_folder(BannerKind::Warning, message, folder));
    }

    /// Reads the files again and turns the store's notices into banners.
    pub(super) fn reload(&mut self) {
        self.fingerprint = self.coach.fingerprint();
        self.generation += 1;
        match self.coach.load() {
            Ok(snapshot) => self.snapshot = snapshot,
            Err(error) => self.banners.push(Banner::new(BannerKind::Error, error.to_string())),
        }
        self.sync_language();
        match self.coach.reminder_log() {
            Ok(log) => {
                self.show_service_messages(&log.value);
                self.reminder_info.log = log.value;
            }
            Err(error) => self.banners.push(Banner::new(BannerKind::Error, error.to_string())),
        }
        self.reminder_info.service_pid = self.coach.service_pid();
        self.collect_notices();
        self.schedule.reset(&self.snapshot.routine_file.value.schedule);
    }

    pub(super) fn collect_notices(&mut self) {
        let notices = self.coach.take_notices();
        self.notice_banners(notices);
    }

    /// A banner for each notice about the files (moved aside, restored), except those the
    /// read-only banner says already.
    pub(super) fn notice_banners(&mut self, notices: Vec<FileNotice>) {
        let read_only: Vec<&String> = self.read_only_messages().collect();
        let fresh: Vec<Banner> = notices
            .into_iter()
            .filter(|notice| !read_only.contains(&&notice.message))
            .map(|notice| {
                let folder = notice.paths.first().and_then(|p| p.parent()).map(PathBuf::from);
                Banner::about_folder(BannerKind::Warning, notice.message, folder)
            })
            .collect();
        fresh.into_iter().for_each(|banner| self.banners.push(banner));
    }

    pub(super) fn read_only_messages(&self) -> impl Iterator<Item = &String> {
        self.snapshot.routine_file.read_only.iter().chain(self.snapshot.journal.read_only.iter())
    }
}
