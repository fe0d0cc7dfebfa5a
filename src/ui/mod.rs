//! The window: Tonight, the night log, History, the routine editor, the schedule,
//! settings, the information screen and the first-run setup.
//!
//! Views only draw and push [`Action`]s; [`app::App`] applies them at the end of the frame,
//! through the use cases (`crate::use_cases`) for anything that changes data. One screen
//! per file.

mod about_sleep;
mod action;
mod app;
mod banners;
mod data_transfer;
mod file_dialog;
mod file_watch;
mod history;
mod night;
mod open_folder;
mod pending;
mod reminder_list;
mod reminder_status;
mod routine;
mod schedule;
mod screen;
mod settings;
mod setup;
mod style;
mod tonight;
mod widgets;

pub use action::Action;
pub use app::{App, Clock, system_clock};
pub use file_dialog::{Answer as FileDialogAnswer, FileDialog, Request as FileDialogRequest};
pub use history::loading::Reader as HistoryReader;
pub use screen::Screen;
pub use style::install as install_style;

use eframe::egui;

use crate::desktop::WindowName;
use crate::use_cases::Coach;

/// Opens the window on `screen` and runs until it is closed. With `name` (the window's
/// name on the session bus), another start of the program brings this window forward.
pub fn run_window(coach: Coach, screen: Screen, name: Option<&WindowName>) -> anyhow::Result<()> {
    let persistence = coach.window_file();
    let (ask_for_screen, screen_requests) = std::sync::mpsc::channel();
    let app = App::new(coach, app::system_clock())
        .with_screen_requests(screen_requests)
        .with_service_program(std::env::current_exe().ok())
        .with_file_dialog()
        .with_file_work_in_background()
        .with_history_in_background()
        .with_tray_host(name.and_then(WindowName::tray_host_present))
        .showing(screen);
    let mut viewport = egui::ViewportBuilder::default()
        .with_title(crate::i18n::t("ui-app-name"))
        .with_app_id(crate::APP_ID)
        .with_inner_size([980.0, 700.0])
        .with_min_inner_size([720.0, 520.0]);
    if let Ok(icon) = eframe::icon_data::from_png_bytes(crate::use_cases::ICON_PNG) {
        viewport = viewport.with_icon(icon);
    }
    let options = eframe::NativeOptions {
        viewport,
        // Only the window's size and place are kept by eframe; the data never is.
        persist_window: true,
        persistence_path: Some(persistence),
        ..Default::default()
    };
    eframe::run_native(
        "Bedtime Coach",
        options,
        Box::new(move |cc| {
            let mut app = app;
            app.install(&cc.egui_ctx);
            if let Some(name) = name {
                let ctx = cc.egui_ctx.clone();
                name.on_activate(move |screen| {
                    if let Some(screen) = screen.and_then(Screen::from_start_name) {
                        // The window is gone only when the program ends.
                        let _ = ask_for_screen.send(screen);
                    }
                    bring_forward(&ctx);
                });
            }
            Ok(Box::new(app))
        }),
    )
    .map_err(|error| anyhow::anyhow!(crate::tr!("ui-window-failed", error = error.to_string())))
}

/// Brings the window forward when the program is started again. X11 gives it the focus;
/// Wayland lets a window take the focus only with a token from the compositor, so there
/// it asks for the user's attention instead (the panel marks it), which is all it allows.
fn bring_forward(ctx: &egui::Context) {
    ctx.send_viewport_cmd(egui::ViewportCommand::Visible(true));
    ctx.send_viewport_cmd(egui::ViewportCommand::Minimized(false));
    ctx.send_viewport_cmd(egui::ViewportCommand::Focus);
    if std::env::var_os("WAYLAND_DISPLAY").is_some() {
        ctx.send_viewport_cmd(egui::ViewportCommand::RequestUserAttention(egui::UserAttentionType::Informational));
    }
    ctx.request_repaint();
}
