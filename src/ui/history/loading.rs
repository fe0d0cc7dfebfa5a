//! History's data, read and summed up on a thread of its own.
//!
//! Why it exists: Tonight and the other screens read only the months around tonight (see
//! `NEAR_DAYS_BACK` in the app's reload); History and the night log's "what helps" are
//! about every evening ever recorded. Ten years take a noticeable moment to read and sum
//! up, so that happens off the drawing thread, as the file dialog does: the frames go on,
//! the screen says how far the reading got, and the result comes back through a channel
//! with a repaint. It is kept while the data stays the same (the app's generation, which
//! every reload bumps) and the evening does not move, so opening History again costs
//! nothing; a change in the meantime (a check on Tonight, another process's save) makes
//! the next look read it all again. Without [`HistoryLoad::in_background`] (tests) the
//! same work runs in the frame that asks for it.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, TryRecvError};

use chrono::{DateTime, Local, NaiveDate};
use eframe::egui;

use super::Figures;
use crate::model::helps::{self, Comparison};
use crate::use_cases::{Coach, FileNotice, Paths, Snapshot, StoreError};

/// What the figures were computed for: the data (a generation the app bumps at every
/// reload), the evening counted back from, and last night ("what helps" ends there).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FiguresKey {
    pub generation: u64,
    pub evening: NaiveDate,
    pub last_night: NaiveDate,
}

/// What History and "what helps" make of every evening. The evenings themselves are not
/// kept: ten years of them would hold megabytes for a screen that shows one evening at a
/// time (the app reads that one's month when it is chosen).
pub struct HistoryFigures {
    pub key: FiguresKey,
    pub figures: Figures,
    /// Why the journal cannot be changed, if a month said so.
    pub read_only: Option<String>,
    /// "What helps" up to last night; `None` while nothing was ever recorded.
    pub helps: Option<Vec<Comparison>>,
}

/// How far the reading got, for the screen that waits for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Progress {
    /// Months read so far and in all; `total` is 0 until the store has said.
    pub read: usize,
    pub total: usize,
}

/// What the worker tells the frame loop.
enum Message {
    Progress(Progress),
    Done(Box<Done>),
}

/// A finished reading: the figures or why there are none, and what the store had to
/// say about the files (a damaged month moved aside), for the banners.
struct Done {
    key: FiguresKey,
    figures: Result<HistoryFigures, String>,
    notices: Vec<FileNotice>,
}

/// A reading under way.
struct Running {
    key: FiguresKey,
    receiver: Receiver<Message>,
    progress: Progress,
    /// Set when the reading is no longer wanted (the data changed meanwhile): the worker
    /// then skips the sums, and its answer goes nowhere.
    cancel: Arc<AtomicBool>,
}

impl Drop for Running {
    fn drop(&mut self) {
        self.cancel.store(true, Ordering::Relaxed);
    }
}

/// What arrived since the last frame, for the banners.
#[derive(Default)]
pub struct Arrived {
    pub notices: Vec<FileNotice>,
    pub error: Option<String>,
}

/// How the whole history is read: every month, saying how far it got (months read, in
/// all). The store's reading unless a test gives one that waits.
pub type Reader = Arc<dyn Fn(&Coach, &mut dyn FnMut(usize, usize)) -> Result<Snapshot, StoreError> + Send + Sync>;

/// Starts readings of the whole history and keeps the newest result.
#[derive(Default)]
pub struct HistoryLoad {
    /// Read on a thread of its own (the window); otherwise in the frame that asks.
    pub in_background: bool,
    /// Tests: a reading of their own instead of the store's.
    pub reader: Option<Reader>,
    ctx: Option<egui::Context>,
    running: Option<Running>,
    ready: Option<HistoryFigures>,
    /// The key whose reading failed: not tried again until the data changes.
    failed: Option<(FiguresKey, String)>,
    /// Finished in the frame that asked (not in background), waiting for [`Self::poll`].
    arrived: Option<Done>,
    computations: usize,
}

impl HistoryLoad {
    pub fn set_context(&mut self, ctx: egui::Context) {
        self.ctx = Some(ctx);
    }

    /// Asks for the figures of `key`: nothing happens when they are ready, being read, or
    /// failed for that key; otherwise a reading starts (and one for an older key stops).
    pub fn want(&mut self, paths: &Paths, key: FiguresKey, now: DateTime<Local>) {
        let ready = self.ready.as_ref().is_some_and(|figures| figures.key == key);
        let running = self.running.as_ref().is_some_and(|running| running.key == key);
        let failed = self.failed.as_ref().is_some_and(|(failed, _)| *failed == key);
        if ready || running || failed {
            return;
        }
        self.running = None;
        let reader = self.reader.clone();
        if !self.in_background {
            let coach = Coach::at(paths.clone());
            let never = AtomicBool::new(false);
            self.arrived = Some(read_and_sum(&coach, reader.as_ref(), key, now, &mut |_| {}, &never));
            return;
        }
        let (sender, receiver) = mpsc::channel();
        let cancel = Arc::new(AtomicBool::new(false));
        let (paths, stop, ctx) = (paths.clone(), Arc::clone(&cancel), self.ctx.clone());
        let spawned = std::thread::Builder::new().name("history".into()).spawn(move || {
            let repaint = || {
                if let Some(ctx) = &ctx {
                    ctx.request_repaint();
                }
            };
            let coach = Coach::at(paths);
            let mut progress = |progress: Progress| {
                let _ = sender.send(Message::Progress(progress));
                repaint();
            };
            let done = read_and_sum(&coach, reader.as_ref(), key, now, &mut progress, &stop);
            let _ = sender.send(Message::Done(Box::new(done)));
            // Reading ten years leaves this thread's heap with megabytes freed but kept
            // for reuse, all evening: given back to the system (glibc; elsewhere nothing).
            crate::platform::footprint::give_back_free_memory();
            repaint();
        });
        match spawned {
            Ok(_) => self.running = Some(Running { key, receiver, progress: Progress::default(), cancel }),
            Err(error) => self.failed = Some((key, error.to_string())),
        }
    }

    /// Takes what the worker sent since the last frame; the figures are kept, the
    /// notices and a failure are handed on for the banners (each once).
    pub fn poll(&mut self) -> Arrived {
        let mut done = self.arrived.take();
        if let Some(running) = self.running.as_mut() {
            loop {
                match running.receiver.try_recv() {
                    Ok(Message::Progress(progress)) => running.progress = progress,
                    Ok(Message::Done(answer)) => {
                        done = Some(*answer);
                        break;
                    }
                    Err(TryRecvError::Empty) => break,
                    Err(TryRecvError::Disconnected) => {
                        let key = running.key;
                        let error = crate::tr!("history-load-stopped");
                        done = Some(Done { key, figures: Err(error), notices: Vec::new() });
                        break;
                    }
                }
            }
            if done.is_some() {
                self.running = None;
            }
        }
        let Some(Done { key, figures, notices }) = done else { return Arrived::default() };
        match figures {
            Ok(figures) => {
                self.computations += 1;
                self.ready = Some(figures);
                Arrived { notices, error: None }
            }
            Err(error) => {
                self.failed = Some((key, error.clone()));
                Arrived { notices, error: Some(error) }
            }
        }
    }

    /// The newest figures read, whether or not the data changed since.
    pub fn figures(&self) -> Option<&HistoryFigures> {
        self.ready.as_ref()
    }

    /// The newest figures, if they were read from the data of `generation`.
    pub fn current(&self, generation: u64) -> Option<&HistoryFigures> {
        self.ready.as_ref().filter(|figures| figures.key.generation == generation)
    }

    /// How far the reading under way got; `None` when none is.
    pub fn progress(&self) -> Option<Progress> {
        self.running.as_ref().map(|running| running.progress)
    }

    /// Why the newest reading failed, if it did.
    pub fn failure(&self) -> Option<&str> {
        self.failed.as_ref().map(|(_, error)| error.as_str())
    }

    /// How many times the figures were computed (tests: once per change, not per frame).
    pub fn computations(&self) -> usize {
        self.computations
    }
}

/// The worker's whole job: every month of the journal, then the sums.
fn read_and_sum(
    coach: &Coach,
    reader: Option<&Reader>,
    key: FiguresKey,
    now: DateTime<Local>,
    progress: &mut dyn FnMut(Progress),
    cancel: &AtomicBool,
) -> Done {
    let mut months = |read, total| progress(Progress { read, total });
    let loaded = match reader {
        Some(read) => read(coach, &mut months),
        None => coach.load_with_progress(&mut months),
    };
    let notices = coach.take_notices();
    let figures = loaded.map_err(|error| error.to_string()).and_then(|snapshot| {
        if cancel.load(Ordering::Relaxed) {
            return Err(String::new());
        }
        let (routine_file, journal) = (&snapshot.routine_file.value, &snapshot.journal.value);
        let figures = Figures::of(routine_file, journal, &now);
        let helps = journal
            .evenings
            .keys()
            .next()
            .map(|first| helps::comparisons(routine_file, journal, *first, key.last_night));
        Ok(HistoryFigures { key, figures, helps, read_only: snapshot.journal.read_only })
    });
    Done { key, figures, notices }
}
