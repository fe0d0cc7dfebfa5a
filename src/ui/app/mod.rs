//! The application state and the frame loop: reload from disk, draw, apply actions.
//!
//! The window reads and writes the files and starts the reminder service; it never sends
//! a reminder itself. Banners, the file watcher and the reminder status have files of
//! their own.

use std::path::PathBuf;
use std::sync::{Arc, mpsc};
use std::time::Duration;

use chrono::{DateTime, Local, Timelike};
use eframe::egui;

use super::banners::{Banner, BannerKind, Banners};
use super::data_transfer::TransferState;
use super::file_dialog::FileDialog;
use super::file_watch::FileWatch;
use super::open_folder::FolderOpener;
use super::pending::{BUSY_BANNER, PendingChanges, RETRY_EVERY};
use super::reminder_status::{ReminderInfo, ServiceStarter};
use super::screen::Screen;
use super::{history, night, routine, schedule, setup, style, tonight};
use crate::i18n::{self, Language};
use crate::model::Theme;
use crate::model::evening_at;
use crate::model::settings::LanguageChoice;
use crate::tr;
use crate::use_cases::files::{last_night, suggested_summary_path};
use crate::use_cases::{Change, Coach, FileNotice, Fingerprint, Snapshot, views};
use file_work::TransferDone;

mod dispatch;
mod draw;
mod file_work;
mod reload;

/// The key of the banner that says where the doctor summary went (one at a time).
const SUMMARY_BANNER: &str = "summary";

/// How many changes Ctrl+Z can take back.
const UNDO_DEPTH: usize = 50;

/// Where "now" comes from: the system clock, or a fixed instant in tests.
pub type Clock = Arc<dyn Fn() -> DateTime<Local> + Send + Sync>;

pub fn system_clock() -> Clock {
    Arc::new(Local::now)
}

/// History's chosen day as one day of [`App::history_day`] read it: (generation, evening,
/// what was recorded on it).
type DayRead = (u64, chrono::NaiveDate, Option<crate::model::Evening>);

/// What was recorded on History's chosen evening `date`, from the recent months or from
/// its own month read for the data of `generation`; `None` until it is read.
fn recorded_on<'a>(
    near: &std::ops::RangeInclusive<chrono::NaiveDate>,
    snapshot: &'a Snapshot,
    day: &'a Option<DayRead>,
    generation: u64,
    date: chrono::NaiveDate,
) -> Option<Option<&'a crate::model::Evening>> {
    if near.contains(&date) {
        return Some(snapshot.journal.value.evening(date));
    }
    let (read_for, day, recorded) = day.as_ref()?;
    (*read_for == generation && *day == date).then_some(recorded.as_ref())
}

/// The window's state. Data comes from the store; everything else is view state.
pub struct App {
    coach: Coach,
    clock: Clock,
    /// The files, with the journal's evenings in `near` only (see `reload::near_range`).
    snapshot: Snapshot,
    near: std::ops::RangeInclusive<chrono::NaiveDate>,
    fingerprint: (Fingerprint, Option<u32>),
    /// Goes up at every reload, so views can cache what they compute from the data.
    generation: u64,
    screen: Screen,
    /// Where the information screen's "Back" goes: the screen it was opened from.
    about_back: Screen,
    banners: Banners,
    /// Commands that put back what the last undoable change removed.
    undo: Vec<Change>,
    /// For each change made in this window, newest last, the commands that undo it
    /// (Ctrl+Z): a check-in is taken back, an undone one comes back, a removed step returns.
    undo_stack: Vec<Vec<Change>>,
    applied_theme: Option<Theme>,
    /// The language every frame is drawn in, on the drawing thread only.
    language: Language,
    /// The saved choice `language` follows; a new choice (from Settings or another
    /// process) replaces the language at once.
    language_choice: Option<LanguageChoice>,
    /// Whether the saved choice is also applied process-wide ([`i18n::apply_choice`]);
    /// off once a language is given with [`App::in_language`] (tests in parallel threads).
    language_global: bool,
    file_watch: Option<FileWatch>,
    pending: PendingChanges,
    folders: FolderOpener,
    /// Settings → Your data: export and import.
    data_transfer: TransferState,
    /// Settings → the computers using the folder: names being typed, a forget to confirm,
    /// the data folder chosen for the next start.
    computers: super::settings::computers::ComputersState,
    /// The dialog that asks for a data folder.
    folder_dialog: FileDialog,
    /// This window was started without `--data-dir`: a data folder chosen in Settings is
    /// what its next start uses.
    follows_choice: bool,
    /// The computers as read for Settings, and the generation of the data read then.
    computers_read: (Option<u64>, super::settings::computers::ComputersRead),
    service: ServiceStarter,
    reminder_info: ReminderInfo,
    tonight: tonight::TonightState,
    night: night::NightState,
    history_view: history::HistoryState,
    /// Every evening and History's figures, read on a thread of their own when History
    /// or the night log's "what helps" needs them; `snapshot` holds only recent months.
    history_load: history::HistoryLoad,
    /// History's chosen evening older than `near`, read from its month for the data of a
    /// generation: (generation, evening, what was recorded on it).
    history_day: Option<DayRead>,
    routine: routine::EditorState,
    schedule: schedule::ScheduleForm,
    setup: setup::SetupState,
    /// Screens asked for by a later start of the program (`--screen night` while this
    /// window is open, see [`crate::desktop`]).
    screen_requests: Option<mpsc::Receiver<Screen>>,
    /// The export or import running on its own thread, if one is.
    transfer_work: Option<mpsc::Receiver<(TransferDone, Vec<FileNotice>)>>,
}

impl App {
    pub fn new(mut coach: Coach, clock: Clock) -> Self {
        // A frame never waits for the lock: a change that finds it held is kept and tried
        // again a moment later (see `retry_pending`).
        coach.set_lock_timeout(Duration::ZERO);
        // Changes are dated by the window's clock (the routine's first save, a new step).
        let dated = clock.clone();
        coach.set_clock(Arc::new(move || dated().fixed_offset()));
        let follows_choice = coach.paths().next_start_data_dir().as_ref() == Some(&coach.paths().data_dir);
        let mut app = Self {
            fingerprint: coach.fingerprint(),
            generation: 0,
            coach,
            clock,
            snapshot: Snapshot::default(),
            near: chrono::NaiveDate::MIN..=chrono::NaiveDate::MAX,
            screen: Screen::Tonight,
            about_back: Screen::Tonight,
            banners: Banners::default(),
            undo: Vec::new(),
            undo_stack: Vec::new(),
            applied_theme: None,
            language: i18n::language(),
            language_choice: None,
            language_global: true,
            file_watch: None,
            pending: PendingChanges::default(),
            folders: FolderOpener::default(),
            data_transfer: TransferState::default(),
            computers: Default::default(),
            folder_dialog: FileDialog::off(),
            follows_choice,
            computers_read: (None, Ok(Vec::new())),
            service: ServiceStarter::default(),
            reminder_info: ReminderInfo::default(),
            tonight: Default::default(),
            night: Default::default(),
            history_view: Default::default(),
            history_load: Default::default(),
            history_day: None,
            routine: Default::default(),
            schedule: Default::default(),
            setup: Default::default(),
            screen_requests: None,
            transfer_work: None,
        };
        app.reload();
        app
    }

    /// Lets the window start the reminder service by running `program remind` (the
    /// window's own binary; tests name the built one).
    pub fn with_service_program(mut self, program: Option<PathBuf>) -> Self {
        self.service.program = program;
        self
    }

    /// Whether the desktop shows tray icons (`None`: not known), for the hint in Settings.
    pub fn with_tray_host(mut self, present: Option<bool>) -> Self {
        self.reminder_info.tray_host = present;
        self
    }

    /// Export and import ask for files with the desktop's dialog (without this, with a
    /// path field: tests).
    pub fn with_file_dialog(self) -> Self {
        self.with_file_dialog_of(FileDialog::desktop())
    }

    /// Export and import ask for files with `dialog` (tests: a slow one, or none).
    pub fn with_file_dialog_of(mut self, dialog: FileDialog) -> Self {
        self.folder_dialog = dialog.same_kind();
        self.data_transfer.dialog = dialog;
        self
    }

    /// Export and import run on a thread of their own, the frames going on meanwhile (a
    /// 10-year journal takes a fraction of a second); without this they run in the frame
    /// that asked, so a test reads the result at once.
    pub fn with_file_work_in_background(mut self) -> Self {
        self.data_transfer.in_background = true;
        self
    }

    /// History reads every month on a thread of its own, the frames going on meanwhile
    /// (ten years take a moment); without this it reads in the frame that asked, so a
    /// test sees the figures at once.
    pub fn with_history_in_background(mut self) -> Self {
        self.history_load.in_background = true;
        self
    }

    /// [`App::with_history_in_background`], History read by `reader` (tests: a reading
    /// that waits, to see the screen meanwhile).
    pub fn with_history_read_by(mut self, reader: history::loading::Reader) -> Self {
        self.history_load.reader = Some(reader);
        self.with_history_in_background()
    }

    /// Opens on `screen`: the night log when the window is started from the morning
    /// invitation.
    pub fn showing(mut self, screen: Screen) -> Self {
        self.show_asked(screen);
        self
    }

    /// Shows each screen that arrives on `requests` at the next frame (a start of the
    /// program with `--screen` while this window is open).
    pub fn with_screen_requests(mut self, requests: mpsc::Receiver<Screen>) -> Self {
        self.screen_requests = Some(requests);
        self
    }

    /// The screen the window shows now.
    pub fn screen(&self) -> Screen {
        self.screen
    }

    /// A screen asked for from outside the window: the night log opens on last night,
    /// which is what the morning invitation is about.
    fn show_asked(&mut self, screen: Screen) {
        if screen == Screen::Night {
            self.night.show_last_night();
        }
        self.screen = screen;
    }

    /// Draws in `language` until the saved choice changes (in Settings, or in the file),
    /// on this App's thread only: the process-wide language is left alone.
    pub fn in_language(mut self, language: Language) -> Self {
        self.language = language;
        self.language_choice = Some(self.snapshot.routine_file.value.settings.language);
        self.language_global = false;
        self
    }

    /// How many times the History screen computed its statistics (once per change of
    /// the data, not per frame).
    pub fn history_computations(&self) -> usize {
        self.history_load.computations()
    }

    /// Whether History's reading of every month is under way.
    pub fn history_reading(&self) -> bool {
        self.history_load.progress().is_some()
    }

    /// The language the window is drawn in now.
    pub fn language(&self) -> Language {
        self.language
    }

    /// Follows the saved language choice when it is new (at load, after Settings, after
    /// another process saved one): the next frame is drawn in it.
    fn sync_language(&mut self) {
        let choice = self.snapshot.routine_file.value.settings.language;
        if self.language_choice == Some(choice) {
            return;
        }
        self.language_choice = Some(choice);
        self.language = Language::resolve(choice);
        if self.language_global {
            i18n::apply_choice(choice);
        }
    }

    /// Runs `f` with this App's language as the thread's: every text of a frame, and the
    /// banners its changes bring, is in it.
    fn speaking<R>(&mut self, f: impl FnOnce(&mut Self) -> R) -> R {
        i18n::with_language(self.language, || f(self))
    }

    pub fn banners(&self) -> &[Banner] {
        self.banners.all()
    }

    /// Sets up fonts and colours, watches the files for other processes' saves, and
    /// starts the reminder service when reminders are on and none runs.
    pub fn install(&mut self, ctx: &egui::Context) {
        self.folders.set_context(ctx.clone());
        self.data_transfer.dialog.set_context(ctx.clone());
        self.folder_dialog.set_context(ctx.clone());
        self.history_load.set_context(ctx.clone());
        self.speaking(|app| app.install_in_language(ctx));
    }

    fn install_in_language(&mut self, ctx: &egui::Context) {
        style::install(ctx);
        match FileWatch::start(self.coach.paths().clone(), ctx.clone()) {
            Ok(watch) => self.file_watch = Some(watch),
            Err(error) => {
                self.banners.push(Banner::new(BannerKind::Warning, tr!("ui-no-file-watch", error = error.to_string())))
            }
        }
        self.start_service();
        self.refresh_autostart();
    }

    /// What must go on every frame, also while the window is hidden.
    pub fn logic(&mut self, ctx: &egui::Context) {
        self.speaking(|app| app.logic_in_language(ctx));
    }

    fn logic_in_language(&mut self, ctx: &egui::Context) {
        // Several starts in one frame: the last one asked wins.
        if let Some(screen) = self.screen_requests.as_ref().and_then(|requests| requests.try_iter().last()) {
            self.show_asked(screen);
        }
        self.retry_pending(ctx);
        self.poll_work(ctx);
        if let Some(answer) = self.data_transfer.dialog.poll() {
            self.file_chosen(answer);
        }
        if let Some(answer) = self.folder_dialog.poll() {
            self.folder_chosen(answer);
        }
        for failure in self.folders.take_failures() {
            // No file manager here: give the path, which the banner lets the user copy.
            let message =
                tr!("ui-open-folder-failed", path = failure.path.display().to_string(), error = failure.reason);
            self.banners.push(Banner::new(BannerKind::Error, message));
        }
        // Compared when the watch saw the files change (without one, at every frame).
        let look = self.file_watch.as_ref().is_none_or(FileWatch::take_changed);
        if look && self.coach.fingerprint() != self.fingerprint {
            self.reload();
            self.start_service();
        }
        self.prepare_screen();
        self.take_history();
        let theme = self.snapshot.routine_file.value.settings.theme;
        if self.applied_theme != Some(theme) {
            ctx.set_theme(match theme {
                Theme::System => egui::ThemePreference::System,
                Theme::Dark => egui::ThemePreference::Dark,
                Theme::Light => egui::ThemePreference::Light,
            });
            self.applied_theme = Some(theme);
        }
        // Repaint at the next whole minute for the countdown; nothing else ticks.
        let now = (self.clock)();
        let to_next_minute = 60 - u64::from(now.second()).min(59);
        ctx.request_repaint_after(Duration::from_secs(to_next_minute));
    }

    /// What the screen shown needs that is not drawing: the doctor summary's suggested
    /// file (found once, the documents folder or home), and what became of tonight's
    /// reminders (it changes with the clock, not only with the files).
    fn prepare_screen(&mut self) {
        let now = (self.clock)();
        if matches!(self.screen, Screen::History | Screen::Night) && !self.snapshot.is_first_run() {
            let routine_file = &self.snapshot.routine_file.value;
            let key = history::FiguresKey {
                generation: self.generation,
                evening: evening_at(routine_file, &now),
                last_night: last_night(routine_file, &now),
            };
            self.history_load.want(self.coach.paths(), key, now);
        }
        if self.screen == Screen::History {
            self.read_history_day();
        }
        match self.screen {
            Screen::Night if self.night.summary.path.is_empty() => {
                let last_night = last_night(&self.snapshot.routine_file.value, &now);
                let path = suggested_summary_path(last_night, self.night.summary.format);
                self.night.summary.path = path.display().to_string();
            }
            Screen::Settings => {
                let evening = evening_at(&self.snapshot.routine_file.value, &now);
                let fates = views::fates(&self.snapshot, evening, &self.reminder_info.log, &now, false);
                self.reminder_info.tonight = fates.rows;
            }
            _ => {}
        }
    }

    /// Logic and drawing in one call: what eframe does per frame, for tests.
    pub fn frame(&mut self, ui: &mut egui::Ui) {
        self.logic(ui.ctx());
        self.draw(ui);
    }

    pub fn draw(&mut self, ui: &mut egui::Ui) {
        self.speaking(|app| app.draw_in_language(ui));
    }
}

impl App {
    /// What History's reading brought since the last frame: banners for what the store
    /// found (a damaged month moved aside) and for a reading that failed.
    fn take_history(&mut self) {
        let arrived = self.history_load.poll();
        self.notice_banners(arrived.notices);
        if let Some(error) = arrived.error.filter(|error| !error.is_empty()) {
            self.banners.push(Banner::new(BannerKind::Error, error));
        }
    }

    /// History's chosen evening, when it is older than the months every screen reads: its
    /// month is read once per choice and per change of the data (one small file).
    fn read_history_day(&mut self) {
        let Some(date) = self.history_view.selected().filter(|date| !self.near.contains(date)) else { return };
        if self.history_day.as_ref().is_some_and(|(generation, day, _)| *generation == self.generation && *day == date)
        {
            return;
        }
        match self.coach.load_near(date..=date) {
            Ok(snapshot) => {
                let recorded = snapshot.journal.value.evening(date).cloned();
                self.history_day = Some((self.generation, date, recorded));
            }
            Err(error) => self.banners.push(Banner::new(BannerKind::Error, error.to_string())),
        }
        self.collect_notices();
    }

    /// Tries the changes that found the files locked again; called every frame while
    /// there are any, with a repaint a moment later.
    fn retry_pending(&mut self, ctx: &egui::Context) {
        let outcome = self.pending.retry(&self.coach);
        if outcome.done_waiting {
            self.banners.remove_key(BUSY_BANNER);
        }
        outcome.banners.into_iter().for_each(|banner| self.banners.push(banner));
        if outcome.waiting {
            ctx.request_repaint_after(RETRY_EVERY);
        }
        if outcome.saved {
            self.reload();
            self.start_service();
        }
    }

    /// Closing the window: the reminder service, when one runs, goes on without it.
    pub fn close(&mut self) {
        self.file_watch = None;
        if let Some(pid) = self.coach.service_pid() {
            crate::platform::terminal::say(&tr!("ui-reminders-continue", pid = pid.to_string()));
        }
    }
}

impl eframe::App for App {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        App::logic(self, ctx);
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.draw(ui);
    }

    fn persist_egui_memory(&self) -> bool {
        false
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.close();
    }
}
