//! Notices other processes' saves (the reminder service, the command line, a second
//! window) without polling in the frame loop: a thread sleeps on the system's
//! notifications for the data folders, the same watch the reminder service uses
//! (inotify on Linux, `ReadDirectoryChangesW` on Windows), compares the files' size and
//! time when they say something changed, and asks for a repaint only when the files did.
//! Where the folders cannot be watched, it looks every 1.5 s instead. An idle window then
//! costs no wake-ups for files at all (it used to look every 1.5 s), and a frame looks at
//! the files only when this thread saw them change ([`FileWatch::take_changed`]), not at
//! every frame of a mouse moving over the window.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use eframe::egui;

use crate::use_cases::{Coach, FolderWatch, Paths};

/// How often to look where the folders cannot be watched.
const EVERY: Duration = Duration::from_millis(1500);

/// The longest a watching thread sleeps before it looks whether it should end: a window
/// that moved to another data folder leaves the old watch within this.
const AT_MOST: Duration = Duration::from_secs(60);

/// The watching thread; it ends when this is dropped.
pub struct FileWatch {
    stop: Arc<AtomicBool>,
    /// Set by the thread when the files changed, taken by the next frame.
    changed: Arc<AtomicBool>,
}

impl FileWatch {
    pub fn start(paths: Paths, ctx: egui::Context) -> std::io::Result<Self> {
        let stop = Arc::new(AtomicBool::new(false));
        let stopped = Arc::clone(&stop);
        // Set at the start: a save between the window's reading and this thread's first
        // look is found by the first frame.
        let changed = Arc::new(AtomicBool::new(true));
        let seen = Arc::clone(&changed);
        std::thread::Builder::new().name("file-watch".into()).spawn(move || {
            let coach = Coach::at(paths);
            let mut last = coach.fingerprint();
            let mut folders = FolderWatch::new(coach.paths()).ok();
            while !stopped.load(Ordering::Relaxed) {
                match &folders {
                    Some(watch) => {
                        if watch.wait(Some(AT_MOST)).is_err() {
                            // Removed, moved or unmounted: look every 1.5 s from now on.
                            folders = None;
                        }
                    }
                    None => std::thread::sleep(EVERY),
                }
                let now = coach.fingerprint();
                if now != last {
                    last = now;
                    seen.store(true, Ordering::Release);
                    ctx.request_repaint();
                }
            }
        })?;
        Ok(Self { stop, changed })
    }

    /// Whether the files changed since the last call (then the frame compares them).
    pub fn take_changed(&self) -> bool {
        self.changed.swap(false, Ordering::Acquire)
    }
}

impl Drop for FileWatch {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Outcome;
    use crate::use_cases::Change;
    use std::sync::mpsc;

    /// A step checked by another process (here: another store on the same files) asks the
    /// window for a frame; nothing happening asks for none. (What an idle window costs is
    /// measured by scripts/measure-idle.sh, not here.)
    #[test]
    fn another_process_s_save_asks_for_a_frame() {
        let dir = tempfile::tempdir().unwrap();
        let paths = crate::store::saved_routine_for_tests(dir.path());
        let ctx = egui::Context::default();
        let (repainted, repaints) = mpsc::channel();
        ctx.set_request_repaint_callback(move |_| {
            let _ = repainted.send(());
        });
        let watch = FileWatch::start(paths.clone(), ctx.clone()).unwrap();
        assert!(watch.take_changed(), "the first frame looks once");
        assert!(repaints.recv_timeout(Duration::from_secs(2)).is_err(), "nothing changed, no frame");
        assert!(!watch.take_changed(), "nothing changed, nothing to look at");

        let evening = chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
        let at = chrono::DateTime::parse_from_rfc3339("2026-11-26T21:04:00+01:00").unwrap();
        let check = Change::Check { evening, step: "warm-bath".into(), outcome: Outcome::Done, value: None, at };
        check.apply(&crate::store::Store::new(paths)).unwrap();
        repaints.recv_timeout(Duration::from_secs(10)).expect("a frame after the save");
        assert!(watch.take_changed(), "the frame after the save looks at the files");
        assert!(!watch.take_changed());
        drop(watch);
    }
}
