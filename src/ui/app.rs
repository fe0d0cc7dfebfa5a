//! The application state and the frame loop: reload from disk, draw, apply actions.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use chrono::{DateTime, Local, Timelike};
use eframe::egui;

use super::{Action, routine, schedule, settings, setup, style, tonight, widgets};
use crate::cli::{self, AutostartAction};
use crate::command::Command;
use crate::model::{Theme, evening_at, plan_evening};
use crate::remind;
use crate::remind::service::{ReminderEvent, WindowReminders};
use crate::store::{Fingerprint, Snapshot, Store};

/// Where "now" comes from: the system clock, or a fixed instant in tests.
pub type Clock = Arc<dyn Fn() -> DateTime<Local> + Send + Sync>;

pub fn system_clock() -> Clock {
    Arc::new(Local::now)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Tonight,
    Routine,
    Schedule,
    Settings,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BannerKind {
    Info,
    Warning,
    Error,
}

/// A message across the top of the window until dismissed.
#[derive(Debug, Clone, PartialEq)]
pub struct Banner {
    pub kind: BannerKind,
    pub message: String,
    /// A folder the message is about, offered with an "Open folder" button.
    pub folder: Option<PathBuf>,
    /// The banner offers "Undo" for the last change.
    pub undo: bool,
    /// Banners with the same key replace each other (one reminder banner at a time).
    pub key: Option<&'static str>,
}

impl Banner {
    pub fn new(kind: BannerKind, message: impl Into<String>) -> Self {
        Self { kind, message: message.into(), folder: None, undo: false, key: None }
    }

    fn keyed(kind: BannerKind, key: &'static str, message: impl Into<String>) -> Self {
        Self { key: Some(key), ..Self::new(kind, message) }
    }
}

const REMINDER_BANNER: &str = "reminder";

/// Who sends the reminders, for the settings screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ReminderOwner {
    /// Not known yet, or no reminder thread in this window (tests).
    #[default]
    Unknown,
    ThisWindow,
    /// A background service, with its process id when known.
    Background(Option<u32>),
}

/// What the settings screen shows about reminders.
#[derive(Debug, Clone, Default)]
pub struct ReminderInfo {
    pub owner: ReminderOwner,
    /// Whether they start at login; `None` until asked.
    pub autostart: Option<bool>,
    pub paused_tonight: bool,
}

/// The window's state. Data comes from the store; everything else is view state.
pub struct App {
    store: Store,
    clock: Clock,
    snapshot: Snapshot,
    fingerprint: Fingerprint,
    screen: Screen,
    banners: Vec<Banner>,
    /// Commands that put back what the last undoable change removed.
    undo: Vec<Command>,
    applied_theme: Option<Theme>,
    stop_watching: Arc<AtomicBool>,
    reminders: Option<WindowReminders>,
    reminder_events: Arc<Mutex<Vec<ReminderEvent>>>,
    reminder_info: ReminderInfo,
    tonight: tonight::TonightState,
    routine: routine::EditorState,
    schedule: schedule::ScheduleForm,
    setup: setup::SetupState,
}

impl App {
    pub fn new(store: Store, clock: Clock) -> Self {
        let mut app = Self {
            fingerprint: files_fingerprint(&store),
            store,
            clock,
            snapshot: Snapshot::default(),
            screen: Screen::Tonight,
            banners: Vec::new(),
            undo: Vec::new(),
            applied_theme: None,
            stop_watching: Arc::new(AtomicBool::new(false)),
            reminders: None,
            reminder_events: Default::default(),
            reminder_info: ReminderInfo::default(),
            tonight: Default::default(),
            routine: Default::default(),
            schedule: Default::default(),
            setup: Default::default(),
        };
        app.reload();
        app
    }

    pub fn banners(&self) -> &[Banner] {
        &self.banners
    }

    /// Sets up fonts and colours, watches the files for other processes' saves, and runs
    /// the reminders in-process whenever no background service does.
    pub fn install(&mut self, ctx: &egui::Context) {
        style::install(ctx);
        self.start_reminders(ctx);
        let ctx = ctx.clone();
        let stop = self.stop_watching.clone();
        let paths = self.store.paths().clone();
        let watcher = std::thread::Builder::new().name("file-watch".into()).spawn(move || {
            // A stat of three files every 1.5 s: cheap, and no repaint unless something changed.
            let store = Store::new(paths);
            let mut last = files_fingerprint(&store);
            while !stop.load(Ordering::Relaxed) {
                std::thread::sleep(Duration::from_millis(1500));
                let now = files_fingerprint(&store);
                if now != last {
                    last = now;
                    ctx.request_repaint();
                }
            }
        });
        if let Err(error) = watcher {
            eprintln!("Bedtime Coach: changes made elsewhere will show after a restart ({error}).");
        }
    }

    /// Queues an event as the reminder thread does (the thread calls this through a clone
    /// of the queue; tests call it directly).
    pub fn reminder_event(&self, event: ReminderEvent) {
        if let Ok(mut queue) = self.reminder_events.lock() {
            queue.push(event);
        }
    }

    fn start_reminders(&mut self, ctx: &egui::Context) {
        let events = Arc::clone(&self.reminder_events);
        let ctx = ctx.clone();
        let started = WindowReminders::start(self.store.paths().clone(), move |event| {
            if let Ok(mut queue) = events.lock() {
                queue.push(event);
            }
            ctx.request_repaint();
        });
        match started {
            Ok(reminders) => self.reminders = Some(reminders),
            Err(error) => self.banners.push(Banner::new(
                BannerKind::Error,
                format!("Reminders could not start in this window ({error}); run `bedtime-coach remind` instead."),
            )),
        }
        self.refresh_autostart();
    }

    fn refresh_autostart(&mut self) {
        self.reminder_info.autostart = remind::autostart::status().ok().map(|status| status.enabled);
    }

    /// Turns what the reminder thread reported into banners and status.
    fn take_reminder_events(&mut self) {
        let events = self.reminder_events.lock().map(|mut q| std::mem::take(&mut *q)).unwrap_or_default();
        for event in events {
            match event {
                ReminderEvent::Unavailable { message, summary, mut due } => {
                    // A merged notice's summary already names the wind-down or bedtime.
                    due.retain(|title| !summary.contains(title.as_str()));
                    let due = if due.is_empty() { String::new() } else { format!(": {}", due.join(", ")) };
                    let text = format!("Reminder — {summary}{due}. {message}");
                    self.push_banner(Banner::keyed(BannerKind::Warning, REMINDER_BANNER, text));
                }
                ReminderEvent::Error { message } => {
                    self.push_banner(Banner::keyed(BannerKind::Error, REMINDER_BANNER, message));
                }
                ReminderEvent::FileNotice { message } => self.push_file_notice(message),
                ReminderEvent::Shown { .. } => {
                    // Notifications work (again): an old "not working" banner is stale.
                    self.banners.retain(|banner| banner.key != Some(REMINDER_BANNER));
                }
                ReminderEvent::ActionApplied { .. } => self.reload(),
                ReminderEvent::OwnershipChanged { owned: true, .. } => {
                    self.reminder_info.owner = ReminderOwner::ThisWindow;
                }
                ReminderEvent::OwnershipChanged { owned: false, other_pid } => {
                    self.reminder_info.owner = ReminderOwner::Background(other_pid);
                }
            }
        }
    }

    /// A file was moved aside, restored or migrated: a banner with the folder to open.
    fn push_file_notice(&mut self, message: String) {
        let folder = Some(self.store.paths().data_dir.clone());
        self.push_banner(Banner { folder, ..Banner::new(BannerKind::Warning, message) });
    }

    fn push_banner(&mut self, banner: Banner) {
        if let Some(key) = banner.key {
            self.banners.retain(|existing| existing.key != Some(key));
        }
        if !self.banners.contains(&banner) {
            self.banners.push(banner);
        }
    }

    /// Reads the files again and turns the store's notices into banners.
    fn reload(&mut self) {
        self.fingerprint = files_fingerprint(&self.store);
        match self.store.load() {
            Ok(snapshot) => self.snapshot = snapshot,
            Err(error) => self.banners.push(Banner::new(BannerKind::Error, error.to_string())),
        }
        let now = (self.clock)();
        let tonight = evening_at(&self.snapshot.config.value, &now);
        let log = self.store.load_reminders().map(|loaded| loaded.value).unwrap_or_default();
        self.reminder_info.paused_tonight = log.is_paused(tonight);
        if !log.notices.is_empty() {
            // What the background service found while no window was open: shown here once.
            let cleared = self.store.update_reminders(|log| {
                log.notices.clear();
                Ok::<_, crate::store::StoreError>(())
            });
            if cleared.is_ok() {
                log.notices.into_iter().for_each(|message| self.push_file_notice(message));
            }
        }
        self.collect_notices();
        self.schedule.reset(&self.snapshot.config.value.schedule);
    }

    fn collect_notices(&mut self) {
        let read_only: Vec<&String> = self.read_only_messages().collect();
        let fresh: Vec<Banner> = self
            .store
            .take_notices()
            .into_iter()
            .filter(|notice| !read_only.contains(&&notice.message))
            .filter(|notice| !self.banners.iter().any(|b| b.message == notice.message))
            .map(|notice| Banner {
                folder: notice.paths.first().and_then(|p| p.parent()).map(PathBuf::from),
                ..Banner::new(BannerKind::Warning, notice.message)
            })
            .collect();
        self.banners.extend(fresh);
    }

    fn read_only_messages(&self) -> impl Iterator<Item = &String> {
        self.snapshot.config.read_only.iter().chain(self.snapshot.journal.read_only.iter())
    }

    /// What must go on every frame, also while the window is hidden.
    pub fn logic(&mut self, ctx: &egui::Context) {
        self.take_reminder_events();
        if files_fingerprint(&self.store) != self.fingerprint {
            self.reload();
            self.wake_reminders();
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
        let mut actions = Vec::new();
        let quit = egui::KeyboardShortcut::new(egui::Modifiers::COMMAND, egui::Key::Q);
        if ui.input_mut(|input| input.consume_shortcut(&quit)) {
            ui.send_viewport_cmd(egui::ViewportCommand::Close);
        }
        let now = (self.clock)();
        let first_run = self.snapshot.is_first_run();
        egui::Panel::top("top-bar").show(ui, |ui| {
            ui.add_space(6.0);
            ui.horizontal(|ui| {
                ui.heading("Bedtime Coach");
                ui.add_space(16.0);
                if !first_run {
                    for (screen, label) in [
                        (Screen::Tonight, "Tonight"),
                        (Screen::Routine, "Routine"),
                        (Screen::Schedule, "Schedule"),
                        (Screen::Settings, "Settings"),
                    ] {
                        if ui.selectable_label(self.screen == screen, label).clicked() {
                            actions.push(Action::Show(screen));
                        }
                    }
                }
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    let offline = egui::RichText::new("Offline: your data stays on this computer").small().weak();
                    ui.add(egui::Label::new(offline).truncate());
                });
            });
            ui.add_space(4.0);
        });
        if !self.banners.is_empty() || self.read_only_messages().next().is_some() {
            egui::Panel::top("banners").show(ui, |ui| {
                for message in self.read_only_messages() {
                    widgets::banner_ui(ui, &Banner::new(BannerKind::Warning, message.clone()), None, &mut actions);
                }
                for (index, banner) in self.banners.iter().enumerate() {
                    widgets::banner_ui(ui, banner, Some(index), &mut actions);
                }
            });
        }
        egui::CentralPanel::default().show(ui, |ui| {
            let config = &self.snapshot.config.value;
            let evening = evening_at(config, &now);
            if first_run {
                setup::setup_ui(ui, &mut self.setup, config, &now, &mut actions);
                return;
            }
            match self.screen {
                Screen::Tonight => {
                    let plan = plan_evening(config, evening, &Local, self.snapshot.journal.value.evening(evening));
                    let paused = self.reminder_info.paused_tonight;
                    tonight::tonight_ui(ui, &mut self.tonight, &plan, config, paused, &now, &mut actions);
                }
                Screen::Routine => routine::routine_ui(ui, &mut self.routine, config, &now, &mut actions),
                Screen::Schedule => schedule::schedule_ui(ui, &mut self.schedule, config, &mut actions),
                Screen::Settings => {
                    settings::settings_ui(ui, config, self.store.paths(), &self.reminder_info, &mut actions)
                }
            }
        });
        self.apply(actions);
    }

    /// Applies what the views asked for, in order.
    pub fn apply(&mut self, actions: Vec<Action>) {
        let mut changed = false;
        for action in actions {
            match action {
                Action::Show(screen) => {
                    if screen == Screen::Settings {
                        self.refresh_autostart();
                    }
                    self.screen = screen;
                }
                Action::Autostart(on) => {
                    let action = if on { AutostartAction::On } else { AutostartAction::Off };
                    match cli::autostart_command(&self.store, action) {
                        Ok(message) => self.push_banner(Banner::keyed(BannerKind::Info, "autostart", message)),
                        Err(error) => {
                            self.push_banner(Banner::keyed(BannerKind::Error, "autostart", error.to_string()))
                        }
                    }
                    self.refresh_autostart();
                }
                Action::DismissBanner(index) => {
                    if index < self.banners.len() {
                        self.banners.remove(index);
                    }
                }
                Action::OpenFolder(path) => {
                    if let Err(error) = std::process::Command::new("xdg-open").arg(&path).spawn() {
                        let message = format!("Could not open {} ({error}); the path is shown above.", path.display());
                        self.banners.push(Banner::new(BannerKind::Error, message));
                    }
                }
                Action::Undo => {
                    self.banners.retain(|banner| !banner.undo);
                    for command in std::mem::take(&mut self.undo) {
                        changed |= self.run(command);
                    }
                }
                Action::Apply(command) => {
                    let undo = self.undo_for(&command);
                    if self.run(command.clone()) {
                        changed = true;
                        if let Some((message, undo)) = undo {
                            self.banners.retain(|banner| !banner.undo);
                            self.banners.push(Banner { undo: true, ..Banner::new(BannerKind::Info, message) });
                            self.undo = undo;
                        }
                    }
                }
            }
        }
        if changed {
            self.reload();
            self.wake_reminders();
        }
    }

    /// The routine, settings or journal changed: let the reminder thread decide again now.
    fn wake_reminders(&self) {
        if let Some(reminders) = &self.reminders {
            reminders.wake();
        }
    }

    /// For changes that remove something, the message and the commands that undo them.
    fn undo_for(&self, command: &Command) -> Option<(String, Vec<Command>)> {
        let Command::RemoveStep { step } = command else { return None };
        let routine = &self.snapshot.config.value.routine;
        let index = routine.position(step)?;
        let removed = routine.steps[index].clone();
        let message = format!("Removed \"{}\" from your routine.", removed.title());
        Some((message, vec![Command::AddStep(removed), Command::MoveStep { step: step.clone(), to: index }]))
    }

    fn run(&mut self, command: Command) -> bool {
        match command.apply(&self.store) {
            Ok(_) => true,
            Err(error) => {
                self.banners.push(Banner::new(BannerKind::Error, error.to_string()));
                self.collect_notices();
                false
            }
        }
    }
}

/// Size and modification time of every file the window shows.
fn files_fingerprint(store: &Store) -> Fingerprint {
    let mut fingerprint = store.fingerprint();
    fingerprint.extend(store.reminder_fingerprint());
    fingerprint
}

impl App {
    /// Closing the window: reminders go on in a background service when they are on.
    pub fn close(&mut self) {
        self.stop_watching.store(true, Ordering::Relaxed);
        if let Some(reminders) = self.reminders.take() {
            let settings = &self.snapshot.config.value.settings;
            let on = settings.reminders && !self.snapshot.is_first_run();
            let handover = reminders.close(cli::custom_data_dir(self.store.paths()), on);
            eprintln!("Bedtime Coach: {}", handover.message());
        }
    }
}

impl Drop for App {
    fn drop(&mut self) {
        self.stop_watching.store(true, Ordering::Relaxed);
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
