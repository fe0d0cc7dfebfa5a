//! The application state and the frame loop: reload from disk, draw, apply actions.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use chrono::{DateTime, Local, Timelike};
use eframe::egui;

use super::{Action, routine, schedule, settings, setup, style, tonight, widgets};
use crate::command::Command;
use crate::model::{Theme, evening_at, plan_evening};
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
}

impl Banner {
    pub fn new(kind: BannerKind, message: impl Into<String>) -> Self {
        Self { kind, message: message.into(), folder: None, undo: false }
    }
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
    tonight: tonight::TonightState,
    routine: routine::EditorState,
    schedule: schedule::ScheduleForm,
    setup: setup::SetupState,
}

impl App {
    pub fn new(store: Store, clock: Clock) -> Self {
        let mut app = Self {
            fingerprint: store.fingerprint(),
            store,
            clock,
            snapshot: Snapshot::default(),
            screen: Screen::Tonight,
            banners: Vec::new(),
            undo: Vec::new(),
            applied_theme: None,
            stop_watching: Arc::new(AtomicBool::new(false)),
            tonight: Default::default(),
            routine: Default::default(),
            schedule: Default::default(),
            setup: Default::default(),
        };
        app.reload();
        app
    }

    pub fn snapshot(&self) -> &Snapshot {
        &self.snapshot
    }

    pub fn banners(&self) -> &[Banner] {
        &self.banners
    }

    pub fn screen(&self) -> Screen {
        self.screen
    }

    /// Sets up fonts and colours, and starts watching the files for other processes' saves.
    pub fn install(&self, ctx: &egui::Context) {
        style::install(ctx);
        let ctx = ctx.clone();
        let stop = self.stop_watching.clone();
        let paths = self.store.paths().clone();
        let watcher = std::thread::Builder::new().name("file-watch".into()).spawn(move || {
            // A stat of two files every 1.5 s: cheap, and no repaint unless something changed.
            let store = Store::new(paths);
            let mut last = store.fingerprint();
            while !stop.load(Ordering::Relaxed) {
                std::thread::sleep(Duration::from_millis(1500));
                let now = store.fingerprint();
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

    /// Reads the files again and turns the store's notices into banners.
    fn reload(&mut self) {
        self.fingerprint = self.store.fingerprint();
        match self.store.load() {
            Ok(snapshot) => self.snapshot = snapshot,
            Err(error) => self.banners.push(Banner::new(BannerKind::Error, error.to_string())),
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
                kind: BannerKind::Warning,
                folder: notice.paths.first().and_then(|p| p.parent()).map(PathBuf::from),
                message: notice.message,
                undo: false,
            })
            .collect();
        self.banners.extend(fresh);
    }

    fn read_only_messages(&self) -> impl Iterator<Item = &String> {
        self.snapshot.config.read_only.iter().chain(self.snapshot.journal.read_only.iter())
    }

    /// What must go on every frame, also while the window is hidden.
    pub fn logic(&mut self, ctx: &egui::Context) {
        if self.store.fingerprint() != self.fingerprint {
            self.reload();
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
                    ui.label(egui::RichText::new("Offline: your data stays on this computer").small().weak());
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
                    tonight::tonight_ui(ui, &mut self.tonight, &plan, config, &now, &mut actions);
                }
                Screen::Routine => routine::routine_ui(ui, &mut self.routine, config, &now, &mut actions),
                Screen::Schedule => schedule::schedule_ui(ui, &mut self.schedule, config, &mut actions),
                Screen::Settings => settings::settings_ui(ui, config, self.store.paths(), &mut actions),
            }
        });
        self.apply(actions);
    }

    /// Applies what the views asked for, in order.
    pub fn apply(&mut self, actions: Vec<Action>) {
        let mut changed = false;
        for action in actions {
            match action {
                Action::Show(screen) => self.screen = screen,
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
            Ok(()) => true,
            Err(error) => {
                self.banners.push(Banner::new(BannerKind::Error, error.to_string()));
                self.collect_notices();
                false
            }
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
}
