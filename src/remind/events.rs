//! What the reminder loop reports, and the messages it takes: shared by the loop and the
//! front ends the service runs beside it (the tray, a notification's buttons), which run
//! on other threads.

use std::sync::{Arc, Mutex};

use super::engine::Alert;
use super::notifier::{ActionHandler, Reply};

/// What the reminder loop reports as it goes (the service logs it; tests watch it).
#[derive(Debug, Clone, PartialEq)]
pub enum ReminderEvent {
    /// A notification was shown; `id` is the server's, for its buttons and the log.
    Shown { summary: String, titles: Vec<String>, id: u32 },
    /// Notifications do not work: show an in-window banner naming the due steps.
    Unavailable { message: String, summary: String, due: Vec<String> },
    /// A notification button was used; the journal or the reminder log changed.
    ActionApplied { action: Reply, summary: String },
    /// The files could not be read or written; a sentence for the user.
    Error { message: String },
    /// A file was moved aside, restored or migrated; tell the user once, with the folder.
    FileNotice { message: String },
    /// A notification was closed because the steps it was about were settled elsewhere.
    Closed { id: u32 },
    /// A test notification was asked for; `problem` says why it could not be shown.
    Test { problem: Option<String> },
    /// Reminders came due while the desktop asks not to be disturbed: held, by key.
    Held { keys: Vec<String> },
}

pub type EventSink = Arc<Mutex<Box<dyn Fn(ReminderEvent) + Send>>>;

pub fn sink(on_event: impl Fn(ReminderEvent) + Send + 'static) -> EventSink {
    Arc::new(Mutex::new(Box::new(on_event)))
}

pub fn emit(sink: &EventSink, event: ReminderEvent) {
    // A panic in one callback must not silence every later event.
    let on_event = sink.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    on_event(event);
}

impl ReminderEvent {
    /// The line the background service writes to its log for this event.
    pub fn log_text(&self) -> String {
        match self {
            ReminderEvent::Shown { summary, id, .. } => format!("Shown: {summary} (notification {id})"),
            ReminderEvent::Unavailable { message, summary, .. } => {
                format!("Not shown: {summary}. {message} The window shows it instead.")
            }
            ReminderEvent::ActionApplied { action, summary } => format!("{action:?}: {summary}"),
            ReminderEvent::Error { message } | ReminderEvent::FileNotice { message } => message.clone(),
            ReminderEvent::Closed { id } => format!("Closed notification {id}: its steps are settled"),
            ReminderEvent::Test { problem: None } => "Test notification shown".to_owned(),
            ReminderEvent::Test { problem: Some(problem) } => format!("Test notification not shown: {problem}"),
            ReminderEvent::Held { keys } => format!("Held for Do Not Disturb: {}", keys.join(", ")),
        }
    }
}

/// A line in the service's log (stderr and the log file, see `logging`).
pub fn log_line(message: &str) {
    tracing::info!("{message}");
}

/// The event in the service's log, at its level: what went wrong as a warning, the rest
/// (one line per notification shown) as information.
pub fn log_event(event: &ReminderEvent) {
    let text = event.log_text();
    match event {
        ReminderEvent::Unavailable { .. } | ReminderEvent::Error { .. } | ReminderEvent::FileNotice { .. } => {
            tracing::warn!("{text}");
        }
        _ => tracing::info!("{text}"),
    }
}

/// A message to the loop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Control {
    /// Decide again now (a notification button was used).
    Wake,
    /// End the loop (SIGTERM): the service hands the reminders back and exits.
    Stop,
}

/// Sends [`Control`] messages to the loop and rings its bell, so the loop, asleep on the
/// wall clock, wakes for them at once.
#[derive(Debug, Clone)]
pub struct ControlSender {
    sender: std::sync::mpsc::Sender<Control>,
    bell: super::wall_timer::Bell,
}

impl ControlSender {
    pub(crate) fn new(sender: std::sync::mpsc::Sender<Control>, bell: super::wall_timer::Bell) -> Self {
        Self { sender, bell }
    }

    /// Fails only when the loop has ended.
    pub fn send(&self, control: Control) -> Result<(), std::sync::mpsc::SendError<Control>> {
        self.sender.send(control)?;
        self.bell.ring();
        Ok(())
    }
}

/// What a press on one of a notification's buttons does. The loop only shows the
/// notification; the front end that runs the service (see `crate::background`) supplies
/// this, so that a press goes through the same use cases as a click in the window.
pub trait Buttons: Send {
    /// The handler of `notice`'s buttons: it reports what it did to `events` and wakes the
    /// loop through `control` after a change.
    fn handler(
        &self,
        notice: &Alert,
        snooze_minutes: u32,
        events: EventSink,
        control: Option<ControlSender>,
    ) -> ActionHandler;
}

/// Buttons that do nothing (tests of the loop alone).
pub struct NoButtons;

impl Buttons for NoButtons {
    fn handler(&self, _: &Alert, _: u32, _: EventSink, _: Option<ControlSender>) -> ActionHandler {
        Box::new(|_| {})
    }
}
