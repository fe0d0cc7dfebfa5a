//! The handlers of `routine list|catalog|add|remove|set`: changes to the steps, through
//! the same commands the window uses.

use super::CliError;
use super::args::{OnOff, RoutineCommand};
use super::output::{catalog_text, pretty, routine_json, routine_text};
use crate::command::{Applied, Change, new_step};
use crate::i18n;
use crate::model::routine::StepEdit;
use crate::store::Store;
use crate::tr;

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
            let summary = tr!(
                "cli-routine-added",
                title = i18n::step_title(&new),
                id = &new.id,
                anchor = i18n::anchor(&new.anchor)
            );
            Change::AddStep(new).apply(store)?;
            Ok(summary)
        }
        RoutineCommand::Remove { step } => {
            Change::RemoveStep { step: step.clone() }.apply(store)?;
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
            let applied = Change::EditStep { step: step.clone(), edit }.apply(store)?;
            let moved = match position {
                Some(position) => {
                    Change::MoveStep { step: step.clone(), to: position.saturating_sub(1) }.apply(store)?
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
