//! The handlers of `routine list|catalog|add|remove|set`: changes to the steps, through
//! the same commands the window uses.

use super::CliError;
use super::args::{OnOff, RoutineCommand};
use super::output::{catalog_text, pretty, routine_json, routine_text};
use crate::command::{Applied, Change, new_step};
use crate::model::routine::StepEdit;
use crate::store::Store;

/// `routine …`.
pub(super) fn routine(command: RoutineCommand, store: &Store) -> Result<String, CliError> {
    match command {
        RoutineCommand::List { json } => {
            let loaded = store.load_config()?;
            if json {
                return Ok(pretty(&routine_json(&loaded.value.routine)));
            }
            Ok(routine_text(&loaded.value.routine, !loaded.existed))
        }
        RoutineCommand::Catalog => Ok(catalog_text()),
        RoutineCommand::Add { step, title, anchor, remind } => {
            let mut new = new_step(&step, title, anchor.anchor());
            if let Some(remind) = remind {
                new.remind = remind.is_on();
            }
            let summary = format!("Added {} ({}, {}).", new.title(), new.id, new.anchor.describe());
            Change::AddStep(new).apply(store)?;
            Ok(summary)
        }
        RoutineCommand::Remove { step } => {
            Change::RemoveStep { step: step.clone() }.apply(store)?;
            Ok(format!("Removed {step} from your routine; its past check-ins are kept."))
        }
        RoutineCommand::Set { step, anchor, remind, title, enabled, position } => {
            let edit = StepEdit {
                title: title.map(Some),
                why: None,
                anchor: anchor.anchor(),
                remind: remind.map(OnOff::is_on),
                enabled: enabled.map(OnOff::is_on),
            };
            let applied = Change::EditStep { step: step.clone(), edit }.apply(store)?;
            let moved = match position {
                Some(position) => {
                    Change::MoveStep { step: step.clone(), to: position.saturating_sub(1) }.apply(store)?
                }
                None => Applied::Unchanged,
            };
            match applied {
                Applied::Step(changed) => Ok(format!(
                    "{} ({}): {}, reminder {}{}.",
                    changed.title(),
                    changed.id,
                    changed.anchor.describe(),
                    if changed.remind { "on" } else { "off" },
                    if changed.enabled { "" } else { ", turned off" }
                )),
                _ if moved.changed() => Ok(format!("Moved {step} to position {}.", position.unwrap_or(1))),
                _ => Ok(format!("Nothing to change: {step} already is as you asked.")),
            }
        }
    }
}
