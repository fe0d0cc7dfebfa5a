//! What a notification's buttons do: check its steps off, snooze the reminders in it, or
//! (a click on its body) open the window.
//!
//! A front end like the window and the tray: the reminder loop only shows notifications
//! and hands each press here (see [`Buttons`]). The answer arrives on the notifier's
//! thread, possibly minutes after the notification was shown, so the handler owns
//! everything it needs and applies an ordinary [`Change`] through the use cases.

use std::path::PathBuf;

use chrono::{Local, TimeDelta};

use crate::model::Outcome;
use crate::model::time::shift;
use crate::remind::engine::Alert;
use crate::remind::events::Buttons;
use crate::remind::events::{Control, ControlSender, EventSink, ReminderEvent, emit};
use crate::remind::notifier::{ActionHandler, Reply};
use crate::use_cases::{Change, Coach, Paths};

/// The buttons of the service's notifications, on the files at `paths`.
pub struct NotificationButtons {
    pub paths: Paths,
    /// The program a click on a notification starts to open the window; `None` opens
    /// nothing (tests).
    pub window_program: Option<PathBuf>,
}

impl Buttons for NotificationButtons {
    fn handler(
        &self,
        notice: &Alert,
        snooze_minutes: u32,
        events: EventSink,
        control: Option<ControlSender>,
    ) -> ActionHandler {
        action_handler(self.paths.clone(), notice.clone(), snooze_minutes, events, control, self.window_program.clone())
    }
}

/// The handler of one notification's buttons.
pub(crate) fn action_handler(
    paths: Paths,
    notice: Alert,
    snooze_minutes: u32,
    events: EventSink,
    control: Option<ControlSender>,
    window_program: Option<PathBuf>,
) -> ActionHandler {
    Box::new(move |action| {
        let now = Local::now().fixed_offset();
        let coach = Coach::at(paths.clone());
        let commands: Vec<Change> = match action {
            Reply::Closed => return,
            Reply::Open => {
                // The morning invitation opens the night log; a step's reminder, Tonight
                // (switching a window that is already open to it); a test, just the window.
                let screen = if notice.invites_night_log() {
                    Some("night")
                } else {
                    (!notice.items.is_empty()).then_some("tonight")
                };
                let opened = match &window_program {
                    Some(program) => coach.open_window(program, screen),
                    None => Ok(()),
                };
                match opened {
                    Ok(()) => emit(&events, ReminderEvent::ActionApplied { action, summary: notice.summary.clone() }),
                    Err(error) => emit(&events, ReminderEvent::Error { message: error.to_string() }),
                }
                return;
            }
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
        match commands.into_iter().try_for_each(|command| coach.apply(command).map(drop)) {
            Ok(()) => emit(&events, ReminderEvent::ActionApplied { action, summary: notice.summary.clone() }),
            Err(error) => emit(&events, ReminderEvent::Error { message: error.to_string() }),
        }
        if let Some(control) = &control {
            let _ = control.send(Control::Wake);
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Journal, ReminderLog};
    use crate::remind::engine::decide;
    #[cfg(unix)]
    use crate::remind::engine::{Kind, NoticeItem};
    use crate::remind::events::sink;
    use crate::store::Store;
    use chrono::TimeZone;
    use chrono_tz::Europe::Berlin;
    use std::sync::{Arc, mpsc};

    /// What a click on `notice` starts, by a stand-in program that writes down its arguments.
    #[cfg(unix)]
    fn started_by_click(notice: Alert) -> String {
        use std::time::{Duration, Instant};
        let dir = tempfile::tempdir().unwrap();
        let args_file = dir.path().join("args");
        let program = dir.path().join("bedtime-coach");
        std::fs::write(
            &program,
            format!("#!/bin/sh\necho \"$@\" > '{}.tmp'\nmv '{0}.tmp' '{0}'\n", args_file.display()),
        )
        .unwrap();
        use std::os::unix::fs::PermissionsExt;
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

    #[cfg(unix)]
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
    #[cfg(unix)]
    fn a_click_on_the_morning_invitation_opens_the_night_log() {
        assert_eq!(started_by_click(alert(Kind::NightLog)), "--screen night --data-dir DIR --state-dir DIR");
        assert_eq!(started_by_click(alert(Kind::Bedtime)), "--screen tonight --data-dir DIR --state-dir DIR");
        assert_eq!(
            started_by_click(alert(Kind::Step("warm-bath".into()))),
            "--screen tonight --data-dir DIR --state-dir DIR"
        );
    }

    #[test]
    fn done_checks_the_step_and_snooze_records_a_snooze() {
        let dir = tempfile::tempdir().unwrap();
        let paths = crate::store::saved_routine_for_tests(dir.path());
        let at = Berlin.with_ymd_and_hms(2026, 11, 26, 21, 0, 0).unwrap();
        let routine_file = Store::new(paths.clone()).load_routine_file().unwrap().value;
        let decision = decide(&routine_file, &Journal::default(), &ReminderLog::default(), &at);
        let notice = decision.notice.unwrap();
        let (tx, events) = mpsc::channel();
        let sink = sink(move |event| {
            let _ = tx.send(event);
        });
        action_handler(paths.clone(), notice.clone(), 10, Arc::clone(&sink), None, None)(Reply::Snooze);
        let log = Store::new(paths.clone()).load_reminders().unwrap().value;
        let evening = chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
        let snooze = &log.evening(evening).unwrap().snoozed["warm-bath"];
        assert!(!snooze.settled);
        let minutes = (snooze.until - Local::now().fixed_offset()).num_minutes();
        assert!((9..=10).contains(&minutes), "{minutes}");
        action_handler(paths.clone(), notice, 10, sink, None, None)(Reply::Done);
        let journal = Store::new(paths).load_journal().unwrap().value;
        assert_eq!(journal.check_in(evening, "warm-bath").unwrap().outcome, Outcome::Done);
        let applied: Vec<ReminderEvent> = events.try_iter().collect();
        assert_eq!(applied.len(), 2);
        assert!(matches!(applied[1], ReminderEvent::ActionApplied { action: Reply::Done, .. }));
    }

    #[test]
    fn done_on_a_merged_notification_checks_every_step() {
        let dir = tempfile::tempdir().unwrap();
        let paths = crate::store::saved_routine_for_tests(dir.path());
        let at = Berlin.with_ymd_and_hms(2026, 11, 26, 21, 52, 0).unwrap();
        let routine_file = Store::new(paths.clone()).load_routine_file().unwrap().value;
        let mut log = ReminderLog::default();
        let before = Berlin.with_ymd_and_hms(2026, 11, 26, 21, 40, 0).unwrap();
        decide(&routine_file, &Journal::default(), &log, &before).apply_to(&mut log);
        let notice = decide(&routine_file, &Journal::default(), &log, &at).notice.unwrap();
        assert_eq!(notice.summary, "2 steps of your routine (since 21:45)");
        action_handler(paths.clone(), notice, 10, sink(|_| {}), None, None)(Reply::Done);
        let journal = Store::new(paths).load_journal().unwrap().value;
        let evening = chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
        for step in ["ventilate-bedroom", "humidity-check"] {
            assert_eq!(journal.check_in(evening, step).unwrap().outcome, Outcome::Done, "{step}");
        }
    }
}
