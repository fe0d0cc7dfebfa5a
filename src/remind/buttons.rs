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
                let data_dir = paths.chosen_data_dir();
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::remind::engine::{Kind, NoticeItem};
    use std::os::unix::fs::PermissionsExt;
    use std::time::{Duration, Instant};

    /// What a click on `notice` starts, by a stand-in program that writes down its arguments.
    fn started_by_click(notice: Alert) -> String {
        let dir = tempfile::tempdir().unwrap();
        let args_file = dir.path().join("args");
        let program = dir.path().join("bedtime-coach");
        std::fs::write(
            &program,
            format!("#!/bin/sh\necho \"$@\" > '{}.tmp'\nmv '{0}.tmp' '{0}'\n", args_file.display()),
        )
        .unwrap();
        std::fs::set_permissions(&program, std::fs::Permissions::from_mode(0o755)).unwrap();
        let data = dir.path().join("data");
        let events = crate::remind::events::sink(|_| {});
        action_handler(Paths::in_dir(&data), notice, 10, events, None, Some(program))(Reply::Open);
        let deadline = Instant::now() + Duration::from_secs(10);
        while !args_file.exists() {
            assert!(Instant::now() < deadline, "the window program was not started");
            std::thread::sleep(Duration::from_millis(20));
        }
        std::fs::read_to_string(&args_file).unwrap().trim().replace(&data.display().to_string(), "DIR")
    }

    fn alert(kind: Kind) -> Alert {
        let due = chrono::DateTime::parse_from_rfc3339("2026-11-27T06:45:00+01:00").unwrap();
        let evening = chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
        Alert {
            summary: "How did you sleep?".into(),
            lines: Vec::new(),
            items: vec![NoticeItem { evening, key: "key".into(), kind, title: String::new() }],
            due,
            late: false,
            critical: false,
        }
    }

    #[test]
    fn a_click_on_the_morning_invitation_opens_the_night_log() {
        assert_eq!(started_by_click(alert(Kind::NightLog)), "--screen night --data-dir DIR");
        assert_eq!(started_by_click(alert(Kind::Bedtime)), "--data-dir DIR");
    }
}
