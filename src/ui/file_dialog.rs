//! The desktop's file dialog, for Export and Import, asked for off the drawing thread.
//!
//! Why it exists: a user expects the desktop's own Save / Open dialog, and egui has none.
//! Each system shows its own ([`platform::file_dialog`]: the desktop portal, zenity or
//! kdialog on Linux; the common item dialog on Windows). The user may browse for minutes,
//! so the dialog runs on a thread of its own and its answer is picked up by the frame
//! loop. The window says "Looking for a file dialog…" until one is on screen; a desktop
//! with none is given up on quickly, and the window shows a path field instead. Tests use
//! [`FileDialog::off`] to get the field straight away, or [`FileDialog::with`] for a
//! dialog of their own.

use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, TryRecvError};

use eframe::egui;

use crate::platform;
pub use crate::platform::file_dialog::{Answer, Request};

/// How a dialog is asked for: the request, and a call to make once a dialog is on
/// screen (the window then stops saying it is looking for one). Runs on its own thread.
pub type Ask = Arc<dyn Fn(&Request, &mut dyn FnMut()) -> Answer + Send + Sync>;

/// What the dialog's thread tells the frame loop.
enum Event {
    Shown,
    Answered(Answer),
}

/// Starts dialogs and hands their answers back to the frame loop.
pub struct FileDialog {
    ask: Option<Ask>,
    waiting: Option<Receiver<Event>>,
    shown: bool,
    ctx: Option<egui::Context>,
}

impl std::fmt::Debug for FileDialog {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FileDialog")
            .field("enabled", &self.ask.is_some())
            .field("waiting", &self.waiting.is_some())
            .field("shown", &self.shown)
            .finish()
    }
}

impl Default for FileDialog {
    fn default() -> Self {
        Self::off()
    }
}

impl FileDialog {
    /// The desktop's dialogs (the window).
    pub fn desktop() -> Self {
        Self::with(platform::file_dialog::ask)
    }

    /// No dialog: the path field at once (tests, and machines without a desktop).
    pub fn off() -> Self {
        Self { ask: None, waiting: None, shown: false, ctx: None }
    }

    /// Dialogs asked for with `ask` (tests: a dialog that is slow, or absent).
    pub fn with(ask: impl Fn(&Request, &mut dyn FnMut()) -> Answer + Send + Sync + 'static) -> Self {
        Self { ask: Some(Arc::new(ask)), waiting: None, shown: false, ctx: None }
    }

    /// Another dialog asked for the same way, for a second purpose (a folder beside files).
    pub fn same_kind(&self) -> Self {
        Self { ask: self.ask.clone(), waiting: None, shown: false, ctx: self.ctx.clone() }
    }

    pub fn set_context(&mut self, ctx: egui::Context) {
        self.ctx = Some(ctx);
    }

    /// Shows a dialog on its own thread; `false` when dialogs are off or the thread
    /// could not start (then the caller shows the path field).
    pub fn start(&mut self, request: Request) -> bool {
        let Some(ask) = self.ask.clone() else { return false };
        let (tx, rx) = mpsc::channel();
        let ctx = self.ctx.clone();
        let spawned = std::thread::Builder::new().name("file-dialog".into()).spawn(move || {
            let repaint = || {
                if let Some(ctx) = &ctx {
                    ctx.request_repaint();
                }
            };
            let mut shown = || {
                let _ = tx.send(Event::Shown);
                repaint();
            };
            let answer = ask(&request, &mut shown);
            let _ = tx.send(Event::Answered(answer));
            repaint();
        });
        if spawned.is_err() {
            return false;
        }
        self.waiting = Some(rx);
        self.shown = false;
        true
    }

    /// Whether the dialog asked for is on screen (until then the window is looking for one).
    pub fn is_shown(&self) -> bool {
        self.shown
    }

    /// The answer, once the dialog closed.
    pub fn poll(&mut self) -> Option<Answer> {
        loop {
            let answer = match self.waiting.as_ref()?.try_recv() {
                Ok(Event::Shown) => {
                    self.shown = true;
                    continue;
                }
                Ok(Event::Answered(answer)) => answer,
                Err(TryRecvError::Empty) => return None,
                Err(TryRecvError::Disconnected) => Answer::Unavailable(String::new()),
            };
            self.waiting = None;
            self.shown = false;
            return Some(answer);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;
    use std::time::{Duration, Instant};

    /// The frame loop hears "on screen" before the answer, and the answer once.
    #[test]
    fn the_window_hears_when_the_dialog_is_on_screen_then_its_answer() {
        let (go, wait) = mpsc::channel::<()>();
        let wait = std::sync::Mutex::new(wait);
        let mut dialog = FileDialog::with(move |_, shown| {
            shown();
            wait.lock().unwrap().recv().unwrap();
            Answer::Chosen(PathBuf::from("/tmp/x.json"))
        });
        assert!(dialog.start(Request::Open { title: "Import".into() }));
        let until = |dialog: &mut FileDialog, done: &dyn Fn(&mut FileDialog) -> bool| {
            let deadline = Instant::now() + Duration::from_secs(10);
            while !done(dialog) {
                assert!(Instant::now() < deadline);
                std::thread::sleep(Duration::from_millis(5));
            }
        };
        until(&mut dialog, &|d| {
            assert_eq!(d.poll(), None);
            d.is_shown()
        });
        go.send(()).unwrap();
        let answer = std::cell::RefCell::new(None);
        until(&mut dialog, &|d| {
            *answer.borrow_mut() = d.poll();
            answer.borrow().is_some()
        });
        assert_eq!(answer.into_inner(), Some(Answer::Chosen(PathBuf::from("/tmp/x.json"))));
        assert!(!dialog.is_shown());
        assert_eq!(dialog.poll(), None);
    }

    #[test]
    fn dialogs_off_means_the_path_field() {
        let mut dialog = FileDialog::off();
        assert!(!dialog.start(Request::Open { title: "Import".into() }));
        assert_eq!(dialog.poll(), None);
    }
}
