//! A bare eframe window with the same eframe version and features as the app: the
//! baseline for the idle CPU and memory numbers in the README
//! (`scripts/measure-idle.sh`).

use eframe::egui;

fn main() -> eframe::Result {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default().with_title("bare eframe").with_inner_size([980.0, 700.0]),
        ..Default::default()
    };
    eframe::run_ui_native("bare eframe", options, |ui, _frame| {
        egui::CentralPanel::default().show(ui, |ui| {
            ui.label("Hello");
        });
    })
}
