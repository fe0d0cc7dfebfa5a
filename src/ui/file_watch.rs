//! Notices other processes' saves (the reminder service, the command line, a second
//! window) without polling in the frame loop: a thread looks at the files' size and
//! modification time every 1.5 s and asks for a repaint only when they changed.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use eframe::egui;

use crate::use_cases::{Coach, Paths};

const EVERY: Duration = Duration::from_millis(1500);

/// The watching thread; it ends when this is dropped.
pub struct FileWatch {
    stop: Arc<AtomicBool>,
}

impl FileWatch {
    pub fn start(paths: Paths, ctx: egui::Context) -> std::io::Result<Self> {
        let stop = Arc::new(AtomicBool::new(false));
        let stopped = Arc::clone(&stop);
        std::thread::Builder::new().name("file-watch".into()).spawn(move || {
            let coach = Coach::at(paths);
            let mut last = coach.fingerprint();
            while !stopped.load(Ordering::Relaxed) {
                std::thread::sleep(EVERY);
                let now = coach.fingerprint();
                if now != last {
                    last = now;
                    ctx.request_repaint();
                }
            }
        })?;
        Ok(Self { stop })
    }
}

impl Drop for FileWatch {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}
