//! What a notification's buttons do: check the step off, or snooze the reminders in it.
//!
//! The answer arrives on the notifier's thread, possibly minutes after the notification
//! was shown, so the handler owns everything it needs and applies an ordinary [`Change`]
//! through the store, like the window and the command line do.

use std::sync::mpsc::Sender;

use chrono::{Local, TimeDelta};

use super::engine::Alert;
use super::events::{Control, EventSink, ReminderEvent, emit};
use super::notifier::Reply;
use crate::command::Change;
use crate::model::Outcome;
use crate::model::time::shift;
use crate::store::{Paths, Store};

/// What a notification's buttons do: check the step, or snooze the reminders in it.
pub(super) fn action_handler(
    paths: Paths,
    notice: Alert,
    snooze_minutes: u32,
    events: EventSink,
    control: Option<Sender<Control>>,
) -> Box<dyn FnOnce(Reply) + Send> {
    Box::new(move |action| {
        let now = Local::now().fixed_offset();
        let command = match action {
            Reply::Closed => return,
            Reply::Done => {
                let Some((evening, step)) = notice.done_target() else { return };
                Change::Check { evening, step: step.to_owned(), outcome: Outcome::Done, value: None, at: now }
            }
            Reply::Snooze => Change::Snooze {
                reminders: notice.items.iter().map(|item| (item.evening, item.key.clone())).collect(),
                until: shift(&now, TimeDelta::minutes(snooze_minutes.into())),
            },
        };
        let store = Store::new(paths);
        match command.apply(&store) {
            Ok(_) => emit(&events, ReminderEvent::ActionApplied { action, summary: notice.summary.clone() }),
            Err(error) => emit(&events, ReminderEvent::Error { message: error.to_string() }),
        }
        if let Some(control) = control {
            let _ = control.send(Control::Wake);
        }
    })
}
