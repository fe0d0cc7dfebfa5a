//! What a notification's buttons do: check its steps off, snooze the reminders in it, or
//! (a click on its body) open the window.
//!
//! The answer arrives on the notifier's thread, possibly minutes after the notification
//! was shown, so the handler owns everything it needs and applies an ordinary [`Change`]
//! through the store, like the window and the command line do.

use std::path::PathBuf;

use chrono::{Local, TimeDelta};

use super::engine::Alert;
use super::events::{Control, ControlSender, EventSink, ReminderEvent, emit};
use super::notifier::Reply;
use super::service;
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
    control: Option<ControlSender>,
    window_program: Option<PathBuf>,
) -> Box<dyn FnOnce(Reply) + Send> {
    Box::new(move |action| {
        let now = Local::now().fixed_offset();
        let commands: Vec<Change> = match action {
            Reply::Closed => return,
            Reply::Open => {
                let data_dir = service::chosen_data_dir(&paths);
                let opened = match &window_program {
                    // The morning invitation opens the night log.
                    Some(program) if notice.invites_night_log() => service::spawn_window_on(program, data_dir, "night"),
                    Some(program) => service::spawn_window_from(program, data_dir),
                    None => Ok(()),
                };
                match opened {
                    Ok(()) => emit(&events, ReminderEvent::ActionApplied { action, summary: notice.summary.clone() }),
                    Err(error) => emit(&events, ReminderEvent::Error { message: error.to_string() }),
                }
                return;
            }
            // "Done" on a merged notification checks every step in it.
            Reply::Done => notice
                .done_targets()
                .into_iter()
                .map(|(evening, step)| Change::Check {
                    evening,
                    step: step.to_owned(),
                    outcome: Outcome::Done,
                    value: None,
                    at: now,
                })
                .collect(),
            Reply::Snooze => vec![Change::Snooze {
                reminders: notice.items.iter().map(|item| (item.evening, item.key.clone())).collect(),
                until: shift(&now, TimeDelta::minutes(snooze_minutes.into())),
            }],
        };
        if commands.is_empty() {
            return;
        }
        let store = Store::new(paths);
        match commands.into_iter().try_for_each(|command| command.apply(&store).map(drop)) {
            Ok(()) => emit(&events, ReminderEvent::ActionApplied { action, summary: notice.summary.clone() }),
            Err(error) => emit(&events, ReminderEvent::Error { message: error.to_string() }),
        }
        if let Some(control) = control {
            let _ = control.send(Control::Wake);
        }
    })
}
