//! The window. Views only draw and emit commands; the app applies them through the store.

use anyhow::Context as _;
use chrono::Local;
use eframe::egui;

use crate::model::{evening_at, plan_evening};
use crate::store::{Snapshot, Store};

struct App {
    store: Store,
    snapshot: Snapshot,
}

impl eframe::App for App {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let now = Local::now();
        let config = &self.snapshot.config.value;
        let evening = evening_at(config, &now);
        let plan = plan_evening(config, evening, &Local, self.snapshot.journal.value.evening(evening));
        egui::CentralPanel::default().show(ui, |ui| {
            ui.heading("Tonight");
            for step in &plan.steps {
                ui.label(format!("{}  {}  {}", step.due.format("%H:%M"), step.state.as_str(), step.title));
            }
        });
        let _ = &self.store;
    }
}

/// Opens the window and runs until it is closed.
pub fn run_window(store: Store) -> anyhow::Result<()> {
    let snapshot = store.load()?;
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default().with_title("Bedtime Coach").with_app_id("bedtime-coach"),
        ..Default::default()
    };
    eframe::run_native("Bedtime Coach", options, Box::new(|_cc| Ok(Box::new(App { store, snapshot }))))
        .map_err(|error| anyhow::anyhow!("{error}"))
        .context("Could not open the window")
}
