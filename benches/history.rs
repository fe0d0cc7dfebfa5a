//! The History screen with a 10-year journal: how long the statistics take, how long the
//! screen takes to open, and the CPU it costs per frame.
//!
//! Builds 3,650 evenings with `support/sample_journal.rs` (the same generator as the
//! screenshots: untracked evenings, a step added part-way, wandering bedtimes), then:
//! - `summarize`: the statistics alone;
//! - load + statistics: `Coach::statistics` on a fresh `Coach` each time (what the `stats`
//!   command and the History screen do: read the files, then summarize);
//! - first frame: `App::new` (loading the files) plus the first History frame, which
//!   computes the summary;
//! - per frame: the History screen drawn headless with `egui::Context::run_ui` and
//!   tessellated, as eframe does before handing triangles to the GPU (the GPU upload
//!   itself is not measured). The summary is cached, so this is layout and drawing.
//!
//! Run with `cargo bench --bench history`. Thread CPU time and wall time, min / median / p90.

#[path = "support/sample_journal.rs"]
mod sample_journal;
#[path = "support/saving.rs"]
mod saving;

use std::sync::Arc;
use std::time::{Duration, Instant};

use bedtime_coach::i18n::Language;
use bedtime_coach::model::stats;
use bedtime_coach::store::{Paths, Store};
use bedtime_coach::ui::{Action, App, Screen};
use bedtime_coach::use_cases::{Change, Coach};
use chrono::{Local, NaiveDate, TimeZone};
use eframe::egui;

/// CPU time this thread has used.
#[path = "support/timing.rs"]
#[allow(dead_code)]
mod timing;
use timing::report;

#[cfg(unix)]
fn thread_cpu() -> Duration {
    let mut spec = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: `spec` is a valid, writable timespec; the call only fills it in.
    let ok = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut spec) } == 0;
    if ok { Duration::new(spec.tv_sec as u64, spec.tv_nsec as u32) } else { Duration::ZERO }
}

/// Not measured elsewhere (the numbers this bench reports are Linux's).
#[cfg(not(unix))]
fn thread_cpu() -> Duration {
    Duration::ZERO
}

fn input(size: egui::Vec2, time: f64) -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, size)),
        time: Some(time),
        ..Default::default()
    }
}

fn main() {
    let last = NaiveDate::from_ymd_opt(2026, 11, 26).expect("date");
    let routine_file = sample_journal::routine_file();
    let journal = sample_journal::journal(&routine_file, last, 3650);
    println!("10-year journal: {} evenings tracked, {} check-ins", journal.evenings.len(), journal.check_in_count());

    let samples = (0..20)
        .map(|_| {
            let start = Instant::now();
            std::hint::black_box(stats::summarize(&routine_file, &journal, last, &chrono_tz::Europe::Berlin));
            start.elapsed()
        })
        .collect();
    report("summarize (all figures)", samples);

    let dir = tempfile::tempdir().expect("temp dir");
    let store = || Store::new(Paths::in_dir(dir.path()));
    let mut saved = routine_file.clone();
    saved.settings.reminders = false;
    Change::SaveRoutineFile(saved).apply(&store()).expect("routine");
    saving::save_journal(&store(), &journal);
    let now = Local.from_local_datetime(&last.and_hms_opt(21, 10, 0).expect("time")).earliest().expect("now");

    // A fresh Coach each time: one keeps the documents it last read, as a process would.
    let samples = (0..10)
        .map(|_| {
            let start = Instant::now();
            let view = Coach::at(Paths::in_dir(dir.path())).statistics(&now).expect("statistics");
            std::hint::black_box(view);
            start.elapsed()
        })
        .collect();
    report("load + statistics (Coach)", samples);

    for (label, size) in [("1280×900", egui::vec2(1280.0, 900.0)), ("720×520", egui::vec2(720.0, 520.0))] {
        let mut first = Vec::new();
        let mut frames = Vec::new();
        let mut frames_wall = Vec::new();
        for run in 0..5 {
            let ctx = egui::Context::default();
            bedtime_coach::ui::install_style(&ctx);
            let start = (Instant::now(), thread_cpu());
            let mut app =
                App::new(Coach::at(Paths::in_dir(dir.path())), Arc::new(move || now)).in_language(Language::English);
            app.apply(vec![Action::Show(Screen::History)]);
            let output = ctx.run_ui(input(size, 0.0), |ui| app.frame(ui));
            ctx.tessellate(output.shapes, output.pixels_per_point);
            first.push(start.0.elapsed());
            // Later frames: what a mouse move or a repaint costs.
            for frame in 0..60 {
                let start = (Instant::now(), thread_cpu());
                let output = ctx.run_ui(input(size, 0.1 + f64::from(frame) / 60.0), |ui| app.frame(ui));
                std::hint::black_box(ctx.tessellate(output.shapes, output.pixels_per_point));
                if frame >= 5 || run > 0 {
                    frames.push(thread_cpu() - start.1);
                    frames_wall.push(start.0.elapsed());
                }
            }
            assert_eq!(app.history_computations(), 1, "the summary is computed once, not per frame");
        }
        report(&format!("open History, first frame {label}"), first);
        report(&format!("History frame CPU {label}"), frames);
        report(&format!("History frame wall {label}"), frames_wall);
    }
}
