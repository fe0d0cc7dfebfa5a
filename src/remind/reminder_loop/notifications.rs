//! What the reminder loop shows and closes: a due reminder as a notification (or, when
//! none can be shown, kept in the reminder log for the window), the test notification
//! Settings or `remind --test` asked for, and the closing of notifications whose steps
//! were settled elsewhere.

use std::sync::Arc;

use chrono::{DateTime, Local, NaiveDate, TimeZone};

use super::{KEEP_SHOWN, ReminderLoop};
use crate::model::plan::plan_as_of;
use crate::model::reminders::{TestResult, Undelivered};
use crate::model::{Extra, evening_at};
use crate::remind::engine::{Alert, NoticeLine, reminders_of, snooze_minutes};
use crate::remind::events::{ReminderEvent, emit};
use crate::remind::notifier::ActionHandler;

impl ReminderLoop {
    /// Closes the notifications whose reminders are all settled now: their steps done or
    /// skipped (or, for the wind-down and bedtime ones, made moot), wherever that happened.
    pub(super) fn close_settled<Tz: TimeZone>(&mut self, now: &DateTime<Tz>) {
        let Some(cache) = &self.cache else { return };
        if self.shown.is_empty() {
            return;
        }
        let tz = now.timezone();
        let today = evening_at(&cache.routine_file, now);
        let mut evenings: Vec<NaiveDate> = self.shown.iter().flat_map(|(_, items)| items.iter().map(|i| i.0)).collect();
        evenings.sort();
        evenings.dedup();
        // Reminders still owed a look, by (evening, key); a step removed from the routine
        // is no longer owed anything.
        let mut open: Vec<(NaiveDate, String)> = Vec::new();
        for evening in evenings {
            let plan = plan_as_of(&cache.routine_file, evening, &tz, cache.journal.evening(evening), today);
            open.extend(
                reminders_of(&cache.routine_file, &plan).into_iter().filter(|r| !r.quiet).map(|r| (evening, r.key)),
            );
        }
        let (settled, kept): (Vec<_>, Vec<_>) =
            std::mem::take(&mut self.shown).into_iter().partition(|(_, items)| items.iter().all(|i| !open.contains(i)));
        self.shown = kept;
        for (id, _) in settled {
            match self.notifier.close(id) {
                Ok(()) => emit(&self.events, ReminderEvent::Closed { id }),
                // Not worth a banner: the notification expires on its own.
                Err(error) => emit(&self.events, ReminderEvent::Error { message: error.to_string() }),
            }
        }
    }

    /// Shows a test notification when one was asked for (Settings, `remind --test`)
    /// and not answered yet, and writes down what came of it.
    pub(super) fn answer_test_request(&mut self) {
        let Some(cache) = &self.cache else { return };
        let Some(asked) = cache.log.test_requested_at else { return };
        let answered = cache.log.test_result.as_ref().is_some_and(|result| result.requested_at >= asked);
        if answered || self.last_test == Some(asked) {
            return;
        }
        self.last_test = Some(asked);
        let now = Local::now().fixed_offset();
        let notice = Alert {
            summary: crate::tr!("remind-test-title"),
            lines: vec![NoticeLine { title: String::new(), why: crate::tr!("remind-test-body") }],
            items: Vec::new(),
            due: now,
            late: false,
            critical: false,
        };
        let minutes = snooze_minutes(&cache.routine_file);
        let handler = self.handler(&notice, minutes);
        let problem = self.notifier.show(&notice, minutes, handler).err().map(|error| error.to_string());
        let result = TestResult {
            requested_at: asked,
            at: now,
            shown: problem.is_none(),
            reason: problem.clone(),
            extra: Extra::new(),
        };
        self.keep_in_log(move |log| log.record_test(result));
        emit(&self.events, ReminderEvent::Test { problem });
    }

    pub(super) fn handler(&self, notice: &Alert, snooze_minutes: u32) -> ActionHandler {
        self.buttons.handler(notice, snooze_minutes, Arc::clone(&self.events), self.control.clone())
    }

    pub(super) fn show(&mut self, notice: &Alert, snooze_minutes: u32) {
        let handler = self.handler(notice, snooze_minutes);
        match self.notifier.show(notice, snooze_minutes, handler) {
            Ok(shown) => {
                let items = notice.items.iter().map(|item| (item.evening, item.key.clone())).collect();
                self.shown.push((shown.id, items));
                let extra = self.shown.len().saturating_sub(KEEP_SHOWN);
                self.shown.drain(..extra);
                if self.notify_problem.take().is_some() {
                    // Notifications work again: the window's "not shown" banner is stale.
                    self.keep_in_log(|log| log.undelivered.clear());
                }
                emit(
                    &self.events,
                    ReminderEvent::Shown { summary: notice.summary.clone(), titles: notice.titles(), id: shown.id },
                );
            }
            Err(error) => {
                let message = error.to_string();
                self.notify_problem = Some(message.clone());
                let items: Vec<(NaiveDate, String)> =
                    notice.items.iter().map(|item| (item.evening, item.key.clone())).collect();
                let reason = message.clone();
                let undelivered = Undelivered {
                    summary: notice.summary.clone(),
                    due: notice.titles(),
                    reason: message.clone(),
                    at: Local::now().fixed_offset(),
                    extra: Extra::new(),
                };
                self.keep_in_log(move |log| {
                    // So `bedtime-coach reminders` can say why each of them did not come.
                    for (evening, key) in &items {
                        log.mark_failed(*evening, key, &reason);
                    }
                    log.record_undelivered(undelivered);
                });
                emit(
                    &self.events,
                    ReminderEvent::Unavailable { message, summary: notice.summary.clone(), due: notice.titles() },
                );
            }
        }
    }
}
