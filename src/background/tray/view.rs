//! What the tray shows and what its menu does, from the files and `now`: pure, so each
//! menu entry is tested without a tray host.

use chrono::{DateTime, FixedOffset, NaiveDate, TimeDelta, TimeZone};

use crate::i18n::{self, t};
use crate::model::time::shift;
use crate::model::{Journal, Outcome, ReminderLog, RoutineFile, Settings, Timing};
use crate::remind::effective_routine_file;
use crate::remind::engine::{reminders_of, snooze_minutes};
use crate::tr;
use crate::use_cases::{Change, Loaded, views};

/// What the tray shows and what its menu acts on, computed from the files at `now`.
#[derive(Debug, Clone, PartialEq)]
pub struct TrayView {
    /// The evening `now` belongs to.
    pub evening: NaiveDate,
    /// The settings as saved (Quit turns reminders off in them).
    pub settings: Settings,
    /// Reminders will come: on in Settings and a routine saved.
    pub reminders_on: bool,
    pub paused: bool,
    /// The next reminder tonight: its title and when.
    pub next: Option<(String, DateTime<FixedOffset>)>,
    /// The step due now, as Tonight marks it ([`crate::model::Plan::current`]). (id, title)
    pub due_now: Option<(String, String)>,
    /// The reminders of the last notification whose steps are still open: what Snooze
    /// brings back, like the notification's own Snooze button.
    pub snooze: Vec<(NaiveDate, String)>,
    pub snooze_minutes: u32,
}

impl TrayView {
    /// Computes the view from the saved routine, the journal and the reminder log.
    pub fn at<Tz: TimeZone>(
        routine_file: &Loaded<RoutineFile>,
        journal: &Journal,
        log: &ReminderLog,
        now: &DateTime<Tz>,
    ) -> Self {
        let effective = effective_routine_file(routine_file);
        let (evening, plan) = views::evening_plan(&effective, journal, None, now);
        let next = views::next_reminder_of(routine_file, &plan, log, now).map(|r| (r.title, r.due.fixed_offset()));
        let due_now = plan
            .current(now)
            .filter(|step| plan.timing(step, now) == Timing::DueNow)
            .map(|step| (step.id.clone(), i18n::planned_title(step)));
        // The reminders shown last (they share the moment they were settled), still open.
        let open: Vec<String> =
            reminders_of(&effective, &plan).into_iter().filter(|r| !r.quiet).map(|r| r.key).collect();
        let shown = log.evening(evening).map(|e| &e.sent).into_iter().flatten().filter(|(_, e)| e.outcome.was_shown());
        let last = shown.clone().map(|(_, entry)| entry.at).max();
        let snooze = shown
            .filter(|(key, entry)| Some(entry.at) == last && open.contains(key))
            .map(|(key, _)| (evening, key.clone()))
            .collect();
        Self {
            evening,
            settings: routine_file.value.settings.clone(),
            reminders_on: effective.settings.reminders,
            paused: log.is_paused(evening),
            next,
            due_now,
            snooze,
            snooze_minutes: snooze_minutes(&routine_file.value),
        }
    }

    /// Whether the moon shows reminders as coming (pale) or not (grey, paused mark).
    pub fn active(&self) -> bool {
        self.reminders_on && !self.paused
    }

    /// The tooltip's line: the next reminder, or why none comes.
    pub fn tooltip(&self) -> String {
        if !self.settings.reminders {
            return t("tray-off");
        }
        if self.paused {
            return t("tray-paused");
        }
        match &self.next {
            Some((title, due)) => tr!("tray-next", title = title.as_str(), time = due.format("%H:%M").to_string()),
            None => t("tray-nothing-left"),
        }
    }
}

/// The menu's entries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TrayAction {
    /// Open the window on Tonight (or bring it forward).
    Open,
    /// Done for the step due now.
    Done,
    Snooze,
    PauseTonight,
    Resume,
    /// Reminders are off in Settings: turn them on.
    TurnOn,
    /// Turn reminders off and end the service, so a window does not start it again.
    Quit,
}

/// The changes a menu entry makes: the same commands the window applies for the same
/// buttons (Tonight's Done and "Pause tonight", the notification's Snooze, Settings'
/// reminders switch). Empty when there is nothing to do.
pub fn changes(view: &TrayView, action: TrayAction, now: DateTime<FixedOffset>) -> Vec<Change> {
    let evening = view.evening;
    match action {
        TrayAction::Open => Vec::new(),
        TrayAction::Done => view
            .due_now
            .iter()
            .map(|(step, _)| Change::Check {
                evening,
                step: step.clone(),
                outcome: Outcome::Done,
                value: None,
                at: now,
            })
            .collect(),
        TrayAction::Snooze if view.snooze.is_empty() => Vec::new(),
        TrayAction::Snooze => vec![Change::Snooze {
            reminders: view.snooze.clone(),
            until: shift(&now, TimeDelta::minutes(view.snooze_minutes.into())),
        }],
        TrayAction::PauseTonight => vec![Change::PauseReminders { evening, paused: true }],
        TrayAction::Resume => vec![Change::PauseReminders { evening, paused: false }],
        TrayAction::TurnOn | TrayAction::Quit => {
            let on = action == TrayAction::TurnOn;
            vec![Change::SetSettings(Settings { reminders: on, ..view.settings.clone() })]
        }
    }
}

/// The entries of the menu for `view`: (action, label, enabled), in order; `None` is a
/// separator.
pub fn menu_entries(view: &TrayView) -> Vec<Option<(TrayAction, String, bool)>> {
    let done = match &view.due_now {
        Some((_, title)) => (TrayAction::Done, tr!("tray-done", title = title.as_str()), true),
        None => (TrayAction::Done, t("tray-done-nothing"), false),
    };
    let snooze = tr!("tray-snooze", minutes = view.snooze_minutes);
    let pause = if !view.settings.reminders {
        (TrayAction::TurnOn, t("tray-turn-on"), true)
    } else if view.paused {
        (TrayAction::Resume, t("tray-resume"), true)
    } else {
        (TrayAction::PauseTonight, t("tray-pause"), true)
    };
    vec![
        Some((TrayAction::Open, t("tray-open"), true)),
        Some(done),
        Some((TrayAction::Snooze, snooze, view.active() && !view.snooze.is_empty())),
        Some(pause),
        None,
        Some((TrayAction::Quit, t("tray-quit"), true)),
    ]
}
