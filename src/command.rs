//! Changes the user can make, as values.
//!
//! The window and the command line build the same commands; applying one is a
//! read-modify-write through the store, so it lands on the newest state on disk even when
//! another process saved in between.

use chrono::{DateTime, FixedOffset, NaiveDate};

use crate::model::{
    Anchor, CheckIn, Config, Outcome, Schedule, Settings, Step, ValueKind, catalog, routine::MAX_ANCHOR_MINUTES,
};
use crate::store::{Store, StoreError};

#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Marks a step done or skipped on an evening, with a measured value if it takes one.
    Check {
        evening: NaiveDate,
        step: String,
        outcome: Outcome,
        value: Option<f64>,
        at: DateTime<FixedOffset>,
    },
    /// Takes a check-in back.
    Undo {
        evening: NaiveDate,
        step: String,
    },
    /// Adds a step (a catalog step, or a custom one) at the end of the routine.
    AddStep(Step),
    /// Removes a step from the routine; its past check-ins stay in the journal.
    RemoveStep {
        step: String,
    },
    /// Replaces a step's settings, keeping its place.
    UpdateStep(Step),
    /// Moves a step to a new position in the routine.
    MoveStep {
        step: String,
        to: usize,
    },
    /// Saves a whole routine at once (the first-run setup).
    SaveConfig(Config),
    SetSchedule(Schedule),
    SetSettings(Settings),
    /// "Pause tonight": no reminders for the rest of `evening` (or resume them).
    PauseReminders {
        evening: NaiveDate,
        paused: bool,
    },
    /// Brings reminders back at `until` ("Snooze 10 min"), by evening and reminder key.
    Snooze {
        reminders: Vec<(NaiveDate, String)>,
        until: DateTime<FixedOffset>,
    },
}

/// Why a command was refused; each message is a sentence for the user.
#[derive(Debug, thiserror::Error)]
pub enum CommandError {
    #[error("There is no step \"{0}\" in your routine; `bedtime-coach routine list` shows the ids.")]
    UnknownStep(String),
    #[error("\"{0}\" is already in your routine.")]
    AlreadyInRoutine(String),
    #[error("Step ids use lowercase letters, digits and dashes, like \"evening-walk\"; \"{0}\" does not.")]
    BadId(String),
    #[error("{0}")]
    BadValue(String),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Remind(#[from] crate::remind::RemindError),
}

/// Checks that a value fits the step it is recorded for.
pub fn validate_value(step: &Step, value: Option<f64>) -> Result<(), CommandError> {
    match (step.value_kind(), value) {
        (_, None) => Ok(()),
        (Some(ValueKind::HumidityPercent), Some(v)) if (0.0..=100.0).contains(&v) => Ok(()),
        (Some(ValueKind::HumidityPercent), Some(v)) => {
            Err(CommandError::BadValue(format!("A humidity of {v} % is not possible; give a number from 0 to 100.")))
        }
        (None, Some(_)) => Err(CommandError::BadValue(format!("\"{}\" does not record a value.", step.id))),
    }
}

fn validate_step(step: &Step) -> Result<(), CommandError> {
    let id_ok = !step.id.is_empty()
        && step.id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !step.id.starts_with('-')
        && !step.id.ends_with('-');
    if !id_ok {
        return Err(CommandError::BadId(step.id.clone()));
    }
    if step.title.as_deref().is_some_and(|t| t.trim().is_empty())
        || (step.catalog_entry().is_none() && step.title.is_none())
    {
        return Err(CommandError::BadValue("A step needs a title.".to_owned()));
    }
    let minutes = match step.anchor {
        Anchor::BeforeBedtime { minutes } | Anchor::AfterWake { minutes } => minutes,
        Anchor::At { .. } => 0,
    };
    if minutes > MAX_ANCHOR_MINUTES {
        return Err(CommandError::BadValue(format!(
            "{minutes} minutes is more than a day; use at most {MAX_ANCHOR_MINUTES}."
        )));
    }
    Ok(())
}

fn find<'a>(config: &'a mut Config, id: &str) -> Result<&'a mut Step, CommandError> {
    config.routine.get_mut(id).ok_or_else(|| CommandError::UnknownStep(id.to_owned()))
}

impl Command {
    /// Applies the command through the store, under its lock.
    pub fn apply(self, store: &Store) -> Result<(), CommandError> {
        let updated = match self {
            Command::Check { evening, step, outcome, value, at } => {
                let config = store.load_config()?.value;
                let routine_step = config.routine.get(&step).ok_or_else(|| CommandError::UnknownStep(step.clone()))?;
                validate_value(routine_step, value)?;
                store.update_journal(|journal| {
                    journal.record(evening, &step, CheckIn::new(outcome, at, value));
                    Ok(())
                })
            }
            Command::Undo { evening, step } => store.update_journal(|journal| {
                journal.undo(evening, &step);
                Ok(())
            }),
            Command::AddStep(step) => {
                validate_step(&step)?;
                store.update_config(|config| {
                    if config.routine.get(&step.id).is_some() {
                        return Err(CommandError::AlreadyInRoutine(step.id));
                    }
                    config.routine.steps.push(step);
                    Ok(())
                })
            }
            Command::RemoveStep { step } => store.update_config(|config| {
                let index = config.routine.position(&step).ok_or(CommandError::UnknownStep(step))?;
                config.routine.steps.remove(index);
                Ok(())
            }),
            Command::UpdateStep(step) => {
                validate_step(&step)?;
                store.update_config(|config| {
                    let slot = find(config, &step.id)?;
                    *slot = step;
                    Ok(())
                })
            }
            Command::MoveStep { step, to } => store.update_config(|config| {
                let from = config.routine.position(&step).ok_or(CommandError::UnknownStep(step))?;
                config.routine.move_step(from, to.min(config.routine.steps.len().saturating_sub(1)));
                Ok(())
            }),
            Command::SaveConfig(new) => {
                new.routine.steps.iter().try_for_each(validate_step)?;
                store.update_config(|config| {
                    *config = new;
                    Ok(())
                })
            }
            Command::SetSchedule(schedule) => store.update_config(|config| {
                config.schedule = schedule;
                Ok(())
            }),
            Command::SetSettings(settings) => store.update_config(|config| {
                config.settings = settings;
                Ok(())
            }),
            Command::PauseReminders { evening, paused } => store.update_reminders(|log| {
                log.set_paused(evening, paused);
                Ok(())
            }),
            Command::Snooze { reminders, until } => store.update_reminders(|log| {
                for (evening, key) in &reminders {
                    log.snooze(*evening, key, until);
                }
                Ok(())
            }),
        };
        updated.map(|updated| updated.value)
    }
}

/// A new step for `id`: from the catalog if it is a catalog id, otherwise custom.
pub fn new_step(id: &str, title: Option<String>, anchor: Option<Anchor>) -> Step {
    let mut step = match catalog::find(id) {
        Some(entry) => Step::from_catalog(entry),
        None => Step::custom(id.to_owned(), id.to_owned(), Anchor::BeforeBedtime { minutes: 30 }),
    };
    if let Some(title) = title {
        step.title = Some(title);
    }
    if let Some(anchor) = anchor {
        step.anchor = anchor;
    }
    step
}
