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

use super::banners::{Banner, BannerKind, Banners, REMINDER_BANNER};
use super::data_transfer::{self, Purpose, Stage, TransferAction, TransferState, Work};
use super::file_dialog::{Answer, FileDialog};
use super::file_watch::{self, FileWatch};
use super::open_folder::FolderOpener;
use super::pending::{BUSY_BANNER, PendingChanges, RETRY_EVERY};
use super::reminder_status::{self, ReminderInfo, ServiceStarter};
use super::{
    Action, ReportRequest, about_sleep, history, night, routine, schedule, settings, setup, style, tonight, widgets,
};
use crate::command::Change;
use crate::i18n::{self, Language};
use crate::model::night::night_to_log;
use crate::model::settings::LanguageChoice;
use crate::model::{ReminderLog, Theme, evening_at, plan_evening};
use crate::remind;
use crate::report;
use crate::store::{Fingerprint, Snapshot, Store, default_report_dir, owner_pid, report_file_name};
use crate::tr;

/// The key of the banner that says where the doctor summary went (one at a time).
const REPORT_BANNER: &str = "report";

/// How many changes Ctrl+Z can take back.
const HISTORY: usize = 50;

/// Where "now" comes from: the system clock, or a fixed instant in tests.
pub type Clock = Arc<dyn Fn() -> DateTime<Local> + Send + Sync>;

pub fn system_clock() -> Clock {
    Arc::new(Local::now)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Tonight,
    /// The morning night log, its warning cards and what helps.
    Night,
    History,
    Routine,
    Schedule,
    Settings,
    /// The information screen on twitches at sleep onset (reached from Tonight and Night).
    AboutSleep,
}

impl Screen {
    /// The screens a start of the program can ask for (`--screen`), by the name it uses
    /// there and on the bus (see [`crate::desktop::SHOW_SCREEN`]).
    const STARTABLE: [(Screen, &'static str); 2] = [(Screen::Tonight, "tonight"), (Screen::Night, "night")];

    /// This screen's name for `--screen`, if a start can ask for it.
    pub fn start_name(self) -> Option<&'static str> {
        Self::STARTABLE.iter().find(|(screen, _)| *screen == self).map(|(_, name)| *name)
    }

    /// The screen a start asked for by name; `None` for any other name.
    pub fn from_start_name(name: &str) -> Option<Screen> {
        Self::STARTABLE.iter().find(|(_, known)| *known == name).map(|(screen, _)| *screen)
    }
}

/// The window's state. Data comes from the store; everything else is view state.
pub struct App {
    store: Store,
    clock: Clock,
    snapshot: Snapshot,
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
    history: Vec<Vec<Change>>,
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
    service: ServiceStarter,
    reminder_info: ReminderInfo,
    tonight: tonight::TonightState,
    night: night::NightState,
    history_view: history::HistoryState,
    routine: routine::EditorState,
    schedule: schedule::ScheduleForm,
    setup: setup::SetupState,
    /// Screens asked for by a later start of the program (`--screen night` while this
    /// window is open, see [`crate::desktop`]).
    screen_requests: Option<mpsc::Receiver<Screen>>,
    /// The export or import running on its own thread, if one is.
    transfer_work: Option<mpsc::Receiver<(TransferDone, Vec<crate::store::FileReport>)>>,
}

impl App {
    pub fn new(mut store: Store, clock: Clock) -> Self {
        // A frame never waits for the lock: a change that finds it held is kept and tried
        // again a moment later (see `retry_pending`).
        store.set_lock_timeout(Duration::ZERO);
        let mut app = Self {
            fingerprint: file_watch::fingerprint(&store),
            generation: 0,
            store,
            clock,
            snapshot: Snapshot::default(),
            screen: Screen::Tonight,
            about_back: Screen::Tonight,
            banners: Banners::default(),
            undo: Vec::new(),
            history: Vec::new(),
            applied_theme: None,
            language: i18n::language(),
            language_choice: None,
            language_global: true,
            file_watch: None,
            pending: PendingChanges::default(),
            folders: FolderOpener::default(),
            data_transfer: TransferState::default(),
            service: ServiceStarter::default(),
            reminder_info: ReminderInfo::default(),
            tonight: Default::default(),
            night: Default::default(),
            history_view: Default::default(),
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
    pub fn with_file_dialog(mut self) -> Self {
        self.data_transfer.dialog = FileDialog::desktop();
        self
    }

    /// Export and import run on a thread of their own, the frames going on meanwhile (a
    /// 10-year journal takes a fraction of a second); without this they run in the frame
    /// that asked, so a test reads the result at once.
    pub fn with_file_work_in_background(mut self) -> Self {
        self.data_transfer.in_background = true;
        self
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
        self.language_choice = Some(self.snapshot.config.value.settings.language);
        self.language_global = false;
        self
    }

    /// How many times the History screen computed its statistics (once per change of
    /// the data, not per frame).
    pub fn history_computations(&self) -> usize {
        self.history_view.computations()
    }

    /// The language the window is drawn in now.
    pub fn language(&self) -> Language {
        self.language
    }

    /// Follows the saved language choice when it is new (at load, after Settings, after
    /// another process saved one): the next frame is drawn in it.
    fn sync_language(&mut self) {
        let choice = self.snapshot.config.value.settings.language;
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
        self.speaking(|app| app.install_in_language(ctx));
    }

    fn install_in_language(&mut self, ctx: &egui::Context) {
        style::install(ctx);
        match FileWatch::start(self.store.paths().clone(), ctx.clone()) {
            Ok(watch) => self.file_watch = Some(watch),
            Err(error) => {
                self.banners.push(Banner::new(BannerKind::Warning, tr!("ui-no-file-watch", error = error.to_string())))
            }
        }
        self.start_service();
        self.refresh_autostart();
    }

    /// Reminders come from the background service: start it if they should and it is
    /// not running (never before a routine is saved, never when they are off).
    fn start_service(&mut self) {
        let wanted = remind::effective_config(&self.snapshot.config).settings.reminders;
        self.service.ensure_running(self.store.paths(), wanted);
        if let Some(failure) = self.service.failure.take() {
            self.banners.push(Banner::keyed(BannerKind::Error, REMINDER_BANNER, failure));
        }
    }

    fn refresh_autostart(&mut self) {
        match remind::autostart::status() {
            Ok(status) => self.reminder_info.autostart = Some(status.enabled),
            Err(error) => self.banners.push(Banner::new(BannerKind::Warning, error.to_string())),
        }
    }

    /// What the service left for the window in the reminder log: file repairs it found,
    /// and the newest reminder it could not show as a notification.
    fn show_service_messages(&mut self, log: &ReminderLog) {
        match log.undelivered.last() {
            Some(undelivered) => {
                self.banners.push(Banner::undelivered(undelivered));
            }
            None => self.banners.remove_key(REMINDER_BANNER),
        }
        if log.file_reports.is_empty() {
            return;
        }
        // Shown here once: cleared from the log first, so a second window does not repeat them.
        let cleared = self.store.update_reminders(|log| {
            log.file_reports.clear();
            Ok::<_, crate::store::StoreError>(())
        });
        match cleared {
            Ok(_) => log.file_reports.iter().for_each(|message| self.push_file_notice(message.clone())),
            Err(error) => self.banners.push(Banner::new(BannerKind::Error, error.to_string())),
        }
    }

    /// A file was moved aside, restored or migrated: a banner with the folder to open.
    fn push_file_notice(&mut self, message: String) {
        let folder = Some(self.store.paths().data_dir.clone());
        self.banners.push(Banner::about_folder(BannerKind::Warning, message, folder));
    }

    /// Reads the files again and turns the store's notices into banners.
    fn reload(&mut self) {
        self.fingerprint = file_watch::fingerprint(&self.store);
        self.generation += 1;
        match self.store.load() {
            Ok(snapshot) => self.snapshot = snapshot,
            Err(error) => self.banners.push(Banner::new(BannerKind::Error, error.to_string())),
        }
        self.sync_language();
        let now = (self.clock)();
        let tonight = evening_at(&self.snapshot.config.value, &now);
        match self.store.load_reminders() {
            Ok(log) => {
                self.reminder_info.paused_tonight = log.value.is_paused(tonight);
                self.show_service_messages(&log.value);
                self.reminder_info.log = log.value;
            }
            Err(error) => self.banners.push(Banner::new(BannerKind::Error, error.to_string())),
        }
        self.reminder_info.service_pid = owner_pid(self.store.paths());
        self.collect_notices();
        self.schedule.reset(&self.snapshot.config.value.schedule);
    }

    fn collect_notices(&mut self) {
        let reports = self.store.take_notices();
        self.report_banners(reports);
    }

    /// A banner for each report about the files (moved aside, restored), except those the
    /// read-only banner says already.
    fn report_banners(&mut self, reports: Vec<crate::store::FileReport>) {
        let read_only: Vec<&String> = self.read_only_messages().collect();
        let fresh: Vec<Banner> = reports
            .into_iter()
            .filter(|notice| !read_only.contains(&&notice.message))
            .map(|notice| {
                let folder = notice.paths.first().and_then(|p| p.parent()).map(PathBuf::from);
                Banner::about_folder(BannerKind::Warning, notice.message, folder)
            })
            .collect();
        fresh.into_iter().for_each(|banner| self.banners.push(banner));
    }

    fn read_only_messages(&self) -> impl Iterator<Item = &String> {
        self.snapshot.config.read_only.iter().chain(self.snapshot.journal.read_only.iter())
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
        for failure in self.folders.take_failures() {
            // No file manager here: give the path, which the banner lets the user copy.
            let message =
                tr!("ui-open-folder-failed", path = failure.path.display().to_string(), error = failure.reason);
            self.banners.push(Banner::new(BannerKind::Error, message));
        }
        if file_watch::fingerprint(&self.store) != self.fingerprint {
            self.reload();
            self.start_service();
        }
        let theme = self.snapshot.config.value.settings.theme;
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

    /// Logic and drawing in one call: what eframe does per frame, for tests.
    pub fn frame(&mut self, ui: &mut egui::Ui) {
        self.logic(ui.ctx());
        self.draw(ui);
    }

    pub fn draw(&mut self, ui: &mut egui::Ui) {
        self.speaking(|app| app.draw_in_language(ui));
    }

    fn draw_in_language(&mut self, ui: &mut egui::Ui) {
        let mut actions = Vec::new();
        let quit = egui::KeyboardShortcut::new(egui::Modifiers::COMMAND, egui::Key::Q);
        if ui.input_mut(|input| input.consume_shortcut(&quit)) {
            ui.send_viewport_cmd(egui::ViewportCommand::Close);
        }
        // Ctrl+Z undoes the last change; a text field being typed in keeps it for its text.
        let undo_key = egui::KeyboardShortcut::new(egui::Modifiers::COMMAND, egui::Key::Z);
        let undo_last = !ui.ctx().text_edit_focused() && ui.input_mut(|input| input.consume_shortcut(&undo_key));
        let now = (self.clock)();
        let first_run = self.snapshot.is_first_run();
        egui::Panel::top("top-bar").show(ui, |ui| {
            ui.add_space(6.0);
            ui.horizontal(|ui| {
                // Six tabs leave no room for the name in a narrow window (the title bar
                // has it anyway); the first-run setup has no tabs and keeps it.
                if first_run || ui.available_width() >= 960.0 {
                    ui.heading(i18n::t("ui-app-name"));
                    ui.add_space(16.0);
                }
                if !first_run {
                    for (screen, label) in [
                        (Screen::Tonight, i18n::t("ui-tab-tonight")),
                        (Screen::Night, i18n::t("night-tab")),
                        (Screen::History, i18n::t("ui-tab-history")),
                        (Screen::Routine, i18n::t("ui-tab-routine")),
                        (Screen::Schedule, i18n::t("ui-tab-schedule")),
                        (Screen::Settings, i18n::t("ui-tab-settings")),
                    ] {
                        if ui.selectable_label(self.screen == screen, label).clicked() {
                            actions.push(Action::Show(screen));
                        }
                    }
                }
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    let offline = egui::RichText::new(i18n::t("ui-offline")).small().weak();
                    // Wraps (two short lines) when the tabs leave little room, never hidden.
                    ui.add(egui::Label::new(offline).wrap());
                });
            });
            ui.add_space(4.0);
        });
        if !self.banners.is_empty() || self.read_only_messages().next().is_some() {
            egui::Panel::top("banners").show(ui, |ui| {
                for message in self.read_only_messages() {
                    widgets::banner_ui(ui, &Banner::new(BannerKind::Warning, message.clone()), None, &mut actions);
                }
                for (index, banner) in self.banners.all().iter().enumerate() {
                    widgets::banner_ui(ui, banner, Some(index), &mut actions);
                }
            });
        }
        egui::CentralPanel::default().show(ui, |ui| {
            let config = &self.snapshot.config.value;
            let evening = evening_at(config, &now);
            if first_run {
                setup::setup_ui(ui, &mut self.setup, config, &now, self.store.paths(), &mut actions);
                return;
            }
            match self.screen {
                Screen::Tonight => {
                    let plan = plan_evening(config, evening, &Local, self.snapshot.journal.value.evening(evening));
                    let paused = self.reminder_info.paused_tonight;
                    tonight::tonight_ui(ui, &mut self.tonight, &plan, config, paused, &now, &mut actions);
                }
                Screen::Night => {
                    let last_night = night_to_log(&config.schedule, now.naive_local());
                    if self.night.report.path.is_empty() {
                        // The documents folder, or home: found once, when first shown.
                        let name = report_file_name(last_night, self.night.report.format.extension());
                        self.night.report.path = default_report_dir().join(name).display().to_string();
                    }
                    let journal = &self.snapshot.journal.value;
                    let view = night::NightView { config, journal, now: &now, last_night };
                    night::night_ui(ui, &mut self.night, &view, &mut actions);
                }
                Screen::History => scrolling(ui, "history", |ui| {
                    let journal = &self.snapshot.journal.value;
                    let data = history::HistoryData { config, journal, generation: self.generation };
                    history::history_ui(ui, &mut self.history_view, data, &now, &mut actions)
                }),
                Screen::Routine => routine::routine_ui(ui, &mut self.routine, config, &now, &mut actions),
                // Longer words (Russian) at the smallest window size scroll rather than clip.
                Screen::Schedule => {
                    scrolling(ui, "schedule", |ui| schedule::schedule_ui(ui, &mut self.schedule, config, &mut actions))
                }
                Screen::Settings => {
                    let plan = plan_evening(config, evening, &Local, self.snapshot.journal.value.evening(evening));
                    let service_config = crate::remind::effective_config(&self.snapshot.config);
                    self.reminder_info.tonight =
                        crate::remind::report::evening_report(&service_config, &plan, &self.reminder_info.log, &now);
                    scrolling(ui, "settings", |ui| {
                        settings::settings_ui(ui, config, self.store.paths(), &self.reminder_info, &mut actions);
                        data_transfer::data_transfer_ui(ui, &mut self.data_transfer, &mut actions);
                    })
                }
                Screen::AboutSleep => {
                    scrolling(ui, "about-sleep", |ui| about_sleep::about_sleep_ui(ui, self.about_back, &mut actions))
                }
            }
        });
        self.apply(actions);
        if undo_last {
            self.speaking(Self::undo_last);
        }
    }

    /// Undoes the newest change in [`App::history`] (Ctrl+Z).
    fn undo_last(&mut self) {
        let Some(commands) = self.history.pop() else { return };
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

    fn apply_in_language(&mut self, actions: Vec<Action>) {
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
                    let banner = match reminder_status::set_autostart(&self.store, on) {
                        Ok(message) => Banner::keyed(BannerKind::Info, "autostart", message),
                        Err(error) => Banner::keyed(BannerKind::Error, "autostart", error),
                    };
                    self.banners.push(banner);
                    self.refresh_autostart();
                }
                Action::DismissBanner(index) => self.banners.dismiss(index),
                Action::SaveReport(request) => self.save_report(request),
                Action::OpenFolder(path) => self.folders.open(&path),
                Action::Transfer(action) => changed |= self.transfer(action),
                Action::Undo => {
                    self.banners.remove_undo();
                    let undo = std::mem::take(&mut self.undo);
                    self.history.retain(|commands| *commands != undo);
                    for command in undo {
                        changed |= self.run(command);
                    }
                }
                Action::Apply(command) => {
                    let undo = self.undo_for(&command);
                    let inverse = self.inverse_of(&command);
                    if self.run(command.clone()) {
                        changed = true;
                        if let Some(inverse) = inverse {
                            if self.history.len() >= HISTORY {
                                self.history.remove(0);
                            }
                            self.history.push(inverse);
                        }
                        if let Some((message, undo)) = undo {
                            self.banners.push(Banner { undo: true, ..Banner::new(BannerKind::Info, message) });
                            self.undo = undo;
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
    fn save_report(&mut self, request: ReportRequest) {
        let now = (self.clock)();
        let (config, journal) = (&self.snapshot.config.value, &self.snapshot.journal.value);
        let last_night = night_to_log(&config.schedule, now.naive_local());
        let summary = report::summary(config, journal, last_night, request.weeks, now.fixed_offset(), &Local);
        let text = report::render(&summary, request.format, self.language);
        // A bare file name goes to the suggested folder, not wherever the app was started.
        let path = if request.path.is_relative() { default_report_dir().join(&request.path) } else { request.path };
        let banner = match self.store.write_user_file(&path, text.as_bytes()) {
            Ok(()) => Banner::about_folder(
                BannerKind::Info,
                tr!("night-report-saved", path = path.display().to_string()),
                path.parent().map(PathBuf::from),
            ),
            Err(error) => Banner::new(BannerKind::Error, error.to_string()),
        };
        self.banners.push(Banner { key: Some(REPORT_BANNER), ..banner });
    }

    /// For changes that remove something, the message and the commands that undo them.
    fn undo_for(&self, command: &Change) -> Option<(String, Vec<Change>)> {
        if let Change::SetNight { evening, log: None } = command {
            // A whole morning's answers go at once: offered back, like a removed step.
            let removed = self.snapshot.journal.value.night(*evening)?.clone();
            let morning = crate::model::time::next_day(*evening);
            let message =
                tr!("night-deleted", evening = i18n::short_date(*evening), morning = i18n::short_date(morning));
            return Some((message, vec![Change::SetNight { evening: *evening, log: Some(removed) }]));
        }
        let Change::RemoveStep { step } = command else { return None };
        let routine = &self.snapshot.config.value.routine;
        let index = routine.position(step)?;
        let removed = routine.steps[index].clone();
        let message = tr!("ui-step-removed", title = crate::i18n::step_title(&removed));
        Some((message, vec![Change::AddStep(removed), Change::MoveStep { step: step.clone(), to: index }]))
    }

    /// The commands that take `command` back, for Ctrl+Z; `None` for changes it leaves alone.
    fn inverse_of(&self, command: &Change) -> Option<Vec<Change>> {
        let journal = &self.snapshot.journal.value;
        let restore = |evening: &chrono::NaiveDate, step: &String| match journal.check_in(*evening, step) {
            Some(old) => Change::Check {
                evening: *evening,
                step: step.clone(),
                outcome: old.outcome,
                value: old.value,
                at: old.at,
            },
            None => Change::Undo { evening: *evening, step: step.clone() },
        };
        match command {
            Change::Check { evening, step, .. } => Some(vec![restore(evening, step)]),
            Change::Undo { evening, step } => journal.check_in(*evening, step).map(|_| vec![restore(evening, step)]),
            Change::LogNight { evening, .. } | Change::SetNight { evening, .. } => {
                Some(vec![Change::SetNight { evening: *evening, log: journal.night(*evening).cloned() }])
            }
            Change::RemoveStep { .. } => self.undo_for(command).map(|(_, commands)| commands),
            Change::MoveStep { step, .. } => {
                let from = self.snapshot.config.value.routine.position(step)?;
                Some(vec![Change::MoveStep { step: step.clone(), to: from }])
            }
            // Kept only when it changed something, so the opposite is what was there.
            Change::PauseReminders { evening, paused } => {
                Some(vec![Change::PauseReminders { evening: *evening, paused: !paused }])
            }
            Change::SetSettings(_) => Some(vec![Change::SetSettings(self.snapshot.config.value.settings.clone())]),
            Change::SetSchedule(_) | Change::SetNights { .. } | Change::ShowWeekdays(_) => {
                Some(vec![Change::SetSchedule(self.snapshot.config.value.schedule.clone())])
            }
            // New and edited steps, a whole new routine and snoozes are not taken back.
            Change::AddStep(_)
            | Change::EditStep { .. }
            | Change::SaveConfig(_)
            | Change::Snooze { .. }
            | Change::RequestTestNotification { .. } => None,
        }
    }

    fn run(&mut self, command: Change) -> bool {
        match self.pending.apply(command, &self.store) {
            Ok(saved) => saved,
            Err(error) => {
                self.banners.push(Banner::new(BannerKind::Error, error.to_string()));
                self.collect_notices();
                false
            }
        }
    }
}

/// Export and import (Settings → Your data): the file work the section asks for.
impl App {
    /// Does what the section asked; `true` when the journal changed.
    fn transfer(&mut self, action: TransferAction) -> bool {
        match action {
            TransferAction::Choose(purpose) => {
                let today = (self.clock)().date_naive();
                self.data_transfer.choose(purpose, today, &crate::store::default_report_dir());
            }
            TransferAction::Export(format, path) => self.export(format, &path),
            TransferAction::Preview(path) => self.preview_import(&path),
            TransferAction::ConfirmImport => return self.confirm_import(),
            TransferAction::TypePath(purpose) => self.data_transfer.stage = Stage::Typing(purpose),
            TransferAction::Cancel => self.data_transfer.stage = Stage::Idle,
        }
        false
    }

    /// The dialog closed: go on with the file, or offer the path field instead.
    fn file_chosen(&mut self, answer: Answer) {
        let Stage::Dialog(purpose) = self.data_transfer.stage else { return };
        match answer {
            Answer::Chosen(path) => match purpose {
                Purpose::Export(format) => self.export(format, &path),
                Purpose::Import => self.preview_import(&path),
            },
            Answer::Cancelled => self.data_transfer.stage = Stage::Typing(purpose),
            Answer::Unavailable(_) => {
                self.data_transfer.no_dialog = true;
                self.data_transfer.stage = Stage::Typing(purpose);
            }
        }
    }

    fn export(&mut self, format: crate::transfer::ExportFormat, path: &std::path::Path) {
        let path = path.to_owned();
        self.start_work(Work::Export, move |store| {
            let result = crate::transfer::export_to_file(store, format, crate::transfer::DateRange::default(), &path);
            TransferDone::Exported(format, path, result)
        });
    }

    fn preview_import(&mut self, path: &std::path::Path) {
        let path = path.to_owned();
        let now = (self.clock)().fixed_offset();
        self.start_work(Work::Preview, move |store| {
            let result = crate::transfer::preview_import(store, &path, &now);
            TransferDone::Previewed(path, result)
        });
    }

    /// Merges the previewed file. The one change that may wait a moment for the lock
    /// (the user asked for it and is looking at the preview); a frame otherwise never does.
    fn confirm_import(&mut self) -> bool {
        let Stage::Preview(preview) = std::mem::take(&mut self.data_transfer.stage) else { return false };
        self.start_work(Work::Import, move |store| {
            store.set_lock_timeout(Duration::from_secs(2));
            let result = crate::transfer::import(store, &preview);
            TransferDone::Imported(preview, result)
        })
    }

    /// Runs `job` on a thread of its own with a store on the same files (in the frame
    /// itself in tests); its result is taken up by [`Self::poll_work`]. `true` when the
    /// journal changed already (in the frame).
    fn start_work(&mut self, work: Work, job: impl FnOnce(&mut Store) -> TransferDone + Send + 'static) -> bool {
        if self.data_transfer.in_background {
            let (done, result) = mpsc::channel();
            let mut store = Store::new(self.store.paths().clone());
            let spawned = std::thread::Builder::new().name("bedtime-coach-transfer".to_owned()).spawn(move || {
                let finished = job(&mut store);
                // What the store noticed on the way (a damaged file moved aside) is told too.
                let _ = done.send((finished, store.take_notices()));
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
        let done = job(&mut self.store);
        self.store.set_lock_timeout(Duration::ZERO);
        let changed = self.work_done(done);
        self.collect_notices();
        changed
    }

    /// Takes up the result of the file work when it is there; until then the section
    /// shows a spinner and the window looks again shortly.
    fn poll_work(&mut self, ctx: &egui::Context) {
        let Some(result) = &self.transfer_work else { return };
        match result.try_recv() {
            Ok((done, reports)) => {
                self.transfer_work = None;
                let changed = self.work_done(done);
                self.report_banners(reports);
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
    fn work_done(&mut self, done: TransferDone) -> bool {
        match done {
            TransferDone::Exported(_, path, Ok(export)) => {
                let message = crate::transfer::export_result_text(&path, &export);
                let folder = path.parent().map(PathBuf::from);
                self.banners.push(Banner::about_folder(BannerKind::Info, message, folder));
                self.data_transfer.stage = Stage::Idle;
            }
            TransferDone::Exported(format, path, Err(error)) => {
                // The path field stays, to correct the path.
                self.data_transfer.path = path.display().to_string();
                self.data_transfer.stage = Stage::Typing(Purpose::Export(format));
                self.banners.push(Banner::new(BannerKind::Error, error.to_string()));
            }
            TransferDone::Previewed(_, Ok(preview)) => self.data_transfer.stage = Stage::Preview(Box::new(preview)),
            TransferDone::Previewed(path, Err(error)) => {
                self.data_transfer.path = path.display().to_string();
                self.data_transfer.stage = Stage::Typing(Purpose::Import);
                self.banners.push(Banner::new(BannerKind::Error, error.to_string()));
            }
            TransferDone::Imported(preview, result) => {
                self.data_transfer.stage = Stage::Idle;
                let saved = match result {
                    Ok(updated) => {
                        let message = crate::transfer::import_result_text(&preview.path, &updated);
                        self.banners.push(Banner::new(BannerKind::Info, message));
                        updated.saved
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
enum TransferDone {
    Exported(crate::transfer::ExportFormat, PathBuf, Result<crate::transfer::Export, crate::store::TransferError>),
    Previewed(PathBuf, Result<crate::transfer::ImportPreview, crate::store::TransferError>),
    Imported(
        Box<crate::transfer::ImportPreview>,
        Result<crate::store::Updated<crate::model::merge::MergeReport>, crate::store::TransferError>,
    ),
}

impl App {
    /// Tries the changes that found the files locked again; called every frame while
    /// there are any, with a repaint a moment later.
    fn retry_pending(&mut self, ctx: &egui::Context) {
        let outcome = self.pending.retry(&self.store);
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
        if let Some(pid) = owner_pid(self.store.paths()) {
            eprintln!("{}", tr!("ui-reminders-continue", pid = pid.to_string()));
        }
    }
}

/// A screen in a vertical scroll area that fills the panel.
fn scrolling(ui: &mut egui::Ui, id: &str, add: impl FnOnce(&mut egui::Ui)) {
    egui::ScrollArea::vertical().id_salt(id).auto_shrink([false, false]).show(ui, add);
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
