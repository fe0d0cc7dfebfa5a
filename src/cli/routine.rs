//! The handlers of `routine list|catalog|add|remove|set`: changes to the steps, through
//! the same commands the window uses.

use super::args::{OnOff, RoutineCommand};
use super::error::CliError;
use super::output::{catalog_text, pretty, routine_json, routine_text};
use crate::i18n;
use crate::model::routine::StepEdit;
use crate::tr;
use crate::use_cases::{Applied, Change, Coach, new_step};
use chrono::{DateTime, FixedOffset};

/// `routine …`.
/// Changes are dated `now`: the routine's first save, a new step (see `RoutineFile::since`).
pub(super) fn routine(command: RoutineCommand, coach: &Coach, now: DateTime<FixedOffset>) -> Result<String, CliError> {
    match command {
        RoutineCommand::List { json } => {
            let loaded = coach.load_routine_file()?;
            if json {
                return Ok(pretty(&routine_json(&loaded.value.routine)));
            }
            Ok(routine_text(&loaded.value.routine, loaded.is_first_run()))
        }
        RoutineCommand::Catalog => Ok(catalog_text()),
        RoutineCommand::Add { step, title, anchor, remind } => {
            let mut new = new_step(&step, title, anchor.anchor());
            if let Some(remind) = remind {
                new.remind = remind.is_on();
            }
            let summary = tr!(
                "cli-routine-added",
                title = i18n::step_title(&new),
                id = &new.id,
                anchor = i18n::anchor(&new.anchor)
            );
            coach.apply_at(now, Change::AddStep(new))?;
            Ok(summary)
        }
        RoutineCommand::Remove { step } => {
            coach.apply_at(now, Change::RemoveStep { step: step.clone() })?;
            Ok(tr!("cli-routine-removed", id = step))
        }
        RoutineCommand::Set { step, anchor, remind, title, enabled, position } => {
            let edit = StepEdit {
                title: title.map(Some),
                why: None,
                anchor: anchor.anchor(),
                remind: remind.map(OnOff::is_on),
                enabled: enabled.map(OnOff::is_on),
            };
            let applied = coach.apply_at(now, Change::EditStep { step: step.clone(), edit })?;
            let moved = match position {
                Some(position) => {
                    coach.apply_at(now, Change::MoveStep { step: step.clone(), to: position.saturating_sub(1) })?
                }
                None => Applied::Unchanged,
            };
            match applied {
                Applied::Step(changed) => Ok(tr!(
                    "cli-routine-changed",
                    title = i18n::step_title(&changed),
                    id = &changed.id,
                    anchor = i18n::anchor(&changed.anchor),
                    remind = if changed.remind { "on" } else { "off" },
                    enabled = if changed.enabled { "yes" } else { "no" },
                )),
                _ if moved.changed() => Ok(tr!("cli-routine-moved", id = step, position = position.unwrap_or(1))),
                _ => Ok(tr!("cli-routine-unchanged", id = step)),
            }
        }
    }
}
