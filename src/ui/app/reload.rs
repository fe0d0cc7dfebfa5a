//! Reading the files again and turning what happened to them into banners; starting
//! the reminder service when it should run and does not.
//!
//! Only the recent months of the journal are read here ([`near_range`]): every screen
//! but History needs no more, and ten years of evenings held for Tonight cost the window
//! a third of its memory. History reads the rest on a thread of its own.

use std::ops::RangeInclusive;
use std::path::PathBuf;

use chrono::{DateTime, Local, NaiveDate, TimeDelta};

use super::App;
use crate::model::ReminderLog;
use crate::model::warnings::LOOKBACK_DAYS;
use crate::ui::banners::{Banner, BannerKind, REMINDER_BANNER};
use crate::ui::reminder_status;
use crate::use_cases::{FileNotice, views};

/// How many days before today's date the journal is read for every screen but History.
///
/// The oldest evening any of them looks at is the start of the warning cards' look-back
/// (Tonight's line about signs, the night log's cards, the doctor summary's findings):
/// [`LOOKBACK_DAYS`] ending on last night. Last night is at most two days before today's
/// date (past midnight, before the day starts, tonight is yesterday's evening and last
/// night the one before it), so the look-back starts at most `LOOKBACK_DAYS + 1` days
/// before today. The night log's arrows (62 days back) and the doctor summary's weeks (at
/// most four) stay within it. Undo of a correction further back uses History's reading.
pub(super) const NEAR_DAYS_BACK: i64 = LOOKBACK_DAYS + 1;

/// The evenings Tonight, the night log, Routine, Schedule, Settings and the banners read:
/// from [`NEAR_DAYS_BACK`] before today on, with everything after today (the cards count
/// signs logged after last night).
pub(super) fn near_range(now: &DateTime<Local>) -> RangeInclusive<NaiveDate> {
    let today = now.date_naive();
    today.checked_sub_signed(TimeDelta::days(NEAR_DAYS_BACK)).unwrap_or(NaiveDate::MIN)..=NaiveDate::MAX
}

impl App {
    /// Reminders come from the background service: start it if they should and it is
    /// not running (never before a routine is saved, never when they are off).
    pub(super) fn start_service(&mut self) {
        // Not once the next start moves to another folder: that start starts its own.
        let wanted = views::reminders_wanted(&self.snapshot.routine_file) && !self.computers.moving;
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
        let now = (self.clock)();
        self.near = near_range(&now);
        match self.coach.load_near(self.near.clone()) {
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

    /// Which computers use the folder, read again for Settings when the files changed
    /// since (only there: it lists the journal's folder).
    pub(super) fn read_computers(&mut self) {
        if self.computers_read.0 != Some(self.generation) {
            self.computers_read = (Some(self.generation), self.coach.computers().map_err(|error| error.to_string()));
            self.computers.choice = self.coach.folder_choice();
        }
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

    /// Why the files cannot be changed, each once: the recent months' reasons, and the
    /// whole history's when History read it from the same data.
    pub(super) fn read_only_messages(&self) -> impl Iterator<Item = &String> {
        let near = &self.snapshot;
        let whole = self.history_load.current(self.generation);
        let older = whole.and_then(|figures| figures.read_only.as_ref()).filter(|reason| {
            near.routine_file.read_only.as_ref() != Some(reason) && near.journal.read_only.as_ref() != Some(reason)
        });
        near.routine_file.read_only.iter().chain(near.journal.read_only.iter()).chain(older)
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use chrono::{NaiveTime, TimeZone};

    use super::*;
    use crate::model::schedule::Night;
    use crate::model::warnings::lookback_start;
    use crate::model::{Outcome, RoutineFile, evening_at};
    use crate::summary::MAX_WEEKS;
    use crate::ui::night::OLDEST_DAYS_BACK;
    use crate::ui::screen::Screen;
    use crate::use_cases::files::last_night;
    use crate::use_cases::{Change, Coach};

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn local(date: NaiveDate, hour: u32, minute: u32) -> DateTime<Local> {
        Local.from_local_datetime(&date.and_hms_opt(hour, minute, 0).unwrap()).earliest().unwrap()
    }

    /// At any hour, with early, usual and after-midnight bedtimes, the months read hold
    /// every evening the warning cards, the night log's arrows and the doctor summary
    /// look at, and everything from tonight on.
    #[test]
    fn the_recent_months_cover_what_every_screen_but_history_looks_at() {
        let clock = |h, m| NaiveTime::from_hms_opt(h, m, 0).unwrap();
        for (bedtime, wake) in
            [(clock(21, 0), clock(5, 0)), (clock(22, 30), clock(6, 30)), (clock(1, 30), clock(9, 30))]
        {
            let mut routine_file = RoutineFile::default();
            routine_file.schedule.every_day = Night::new(bedtime, wake);
            for day in [date(2026, 3, 1), date(2026, 11, 26), date(2027, 1, 1)] {
                for minutes in (0..24 * 60).step_by(20) {
                    let now = local(day, minutes / 60, minutes % 60);
                    let range = near_range(&now);
                    let last = last_night(&routine_file, &now);
                    let first = *range.start();
                    assert!(first <= lookback_start(last), "{now}: the cards' look-back");
                    assert!(first <= last - TimeDelta::days(OLDEST_DAYS_BACK), "{now}: the night log's arrows");
                    assert!(first <= last - TimeDelta::days(i64::from(MAX_WEEKS) * 7 - 1), "{now}: the summary");
                    assert!(range.contains(&evening_at(&routine_file, &now)) && range.contains(&NaiveDate::MAX));
                }
            }
        }
    }

    /// Two years back is not in what Tonight holds; History's reading counts it, and undo
    /// of a correction there restores what was recorded (read from its month), not nothing.
    #[test]
    fn tonight_holds_the_recent_months_and_history_reads_them_all() {
        let dir = tempfile::tempdir().unwrap();
        let paths = crate::store::saved_routine_for_tests(dir.path());
        let coach = Coach::at(paths);
        let (old, recent) = (date(2024, 11, 20), date(2026, 11, 25));
        for evening in [old, recent] {
            let at = local(evening, 21, 0).fixed_offset();
            let check = Change::Check { evening, step: "warm-bath".into(), outcome: Outcome::Skipped, value: None, at };
            coach.apply(check).unwrap();
        }
        let now = local(date(2026, 11, 26), 21, 10);
        let mut app = App::new(coach, Arc::new(move || now));
        let held: Vec<NaiveDate> = app.snapshot.journal.value.evenings.keys().copied().collect();
        assert_eq!(held, vec![recent]);
        assert_eq!(app.history_computations(), 0, "nothing read for History before it is shown");

        app.screen = Screen::History;
        app.prepare_screen();
        app.take_history();
        let figures = app.history_load.current(app.generation).expect("read in the frame (not in background)");
        assert!(figures.figures.summary().evening(old).is_some_and(|figures| figures.tracked));
        let at = now.fixed_offset();
        let correction =
            Change::Check { evening: old, step: "warm-bath".into(), outcome: Outcome::Done, value: None, at };
        let skipped_then = || app_outcome(&coach_at(dir.path()), old);
        app.apply(vec![crate::ui::Action::Apply(correction.clone())]);
        assert_eq!(skipped_then(), Some(Outcome::Done));
        app.undo_last();
        assert_eq!(skipped_then(), Some(Outcome::Skipped));
        app.apply(vec![crate::ui::Action::Apply(correction)]);
        app.undo_last();
        assert_eq!(skipped_then(), Some(Outcome::Skipped));
    }

    fn coach_at(dir: &std::path::Path) -> Coach {
        Coach::at(crate::store::Paths::in_dir(dir))
    }

    fn app_outcome(coach: &Coach, evening: NaiveDate) -> Option<Outcome> {
        coach.load().unwrap().journal.value.check_in(evening, "warm-bath").map(|c| c.outcome)
    }
}
