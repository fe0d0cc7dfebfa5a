//! What takes a change back: the commands that undo it (Ctrl+Z) and, for a change that
//! removes something whole (a step, a night's log), the sentence that offers it back.
//!
//! Why it exists: the inverse of a change is a rule about the data, not about a screen;
//! computed here from the files as they were before the change, it is the same for any
//! front end that offers an undo.

use chrono::NaiveDate;

use super::changes::Change;
use crate::i18n;
use crate::model::time::next_day;
use crate::store::Snapshot;
use crate::tr;

/// A removal the user may want back: what to say, and the commands that restore it.
#[derive(Debug, Clone, PartialEq)]
pub struct Removal {
    pub message: String,
    pub restore: Vec<Change>,
}

/// For a change that removes something whole, the sentence and the commands that undo it.
pub fn removal(change: &Change, before: &Snapshot) -> Option<Removal> {
    if let Change::SetNight { evening, log: None } = change {
        // A whole morning's answers go at once: offered back, like a removed step.
        let removed = before.journal.value.night(*evening)?.clone();
        let message =
            tr!("night-deleted", evening = i18n::short_date(*evening), morning = i18n::short_date(next_day(*evening)));
        return Some(Removal { message, restore: vec![Change::SetNight { evening: *evening, log: Some(removed) }] });
    }
    let Change::RemoveStep { step } = change else { return None };
    let routine = &before.routine_file.value.routine;
    let index = routine.position(step)?;
    let removed = routine.steps[index].clone();
    let message = tr!("ui-step-removed", title = i18n::step_title(&removed));
    Some(Removal {
        message,
        restore: vec![Change::AddStep(removed), Change::MoveStep { step: step.clone(), to: index }],
    })
}

/// The commands that take `change` back, given the files as they were before it; `None`
/// for changes that are not taken back (new and edited steps, a whole new routine,
/// snoozes, a test notification, a computer named or forgotten: the name is typed
/// again, and a forgotten computer comes back when it writes).
pub fn inverse(change: &Change, before: &Snapshot) -> Option<Vec<Change>> {
    let journal = &before.journal.value;
    let routine_file = &before.routine_file.value;
    let restore = |evening: &NaiveDate, step: &String| match journal.check_in(*evening, step) {
        Some(old) => {
            Change::Check { evening: *evening, step: step.clone(), outcome: old.outcome, value: old.value, at: old.at }
        }
        None => Change::Undo { evening: *evening, step: step.clone() },
    };
    match change {
        Change::Check { evening, step, .. } => Some(vec![restore(evening, step)]),
        Change::Undo { evening, step } => journal.check_in(*evening, step).map(|_| vec![restore(evening, step)]),
        Change::LogNight { evening, .. } | Change::SetNight { evening, .. } => {
            Some(vec![Change::SetNight { evening: *evening, log: journal.night(*evening).cloned() }])
        }
        Change::RemoveStep { .. } => removal(change, before).map(|removal| removal.restore),
        Change::MoveStep { step, .. } => {
            let from = routine_file.routine.position(step)?;
            Some(vec![Change::MoveStep { step: step.clone(), to: from }])
        }
        // Kept only when it changed something, so the opposite is what was there.
        Change::PauseReminders { evening, paused } => {
            Some(vec![Change::PauseReminders { evening: *evening, paused: !paused }])
        }
        Change::SetSettings(_) => Some(vec![Change::SetSettings(routine_file.settings.clone())]),
        Change::SetSchedule(_) | Change::SetNights { .. } | Change::ShowWeekdays(_) => {
            Some(vec![Change::SetSchedule(routine_file.schedule.clone())])
        }
        Change::AddStep(_)
        | Change::EditStep { .. }
        | Change::SaveRoutineFile(_)
        | Change::Snooze { .. }
        | Change::RequestTestNotification { .. }
        | Change::NameComputer { .. }
        | Change::ForgetComputer { .. } => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Outcome;

    fn evening() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
    }

    fn at() -> chrono::DateTime<chrono::FixedOffset> {
        chrono::DateTime::parse_from_rfc3339("2026-11-26T21:00:00+01:00").unwrap()
    }

    #[test]
    fn a_first_check_in_is_undone_and_a_changed_one_comes_back_as_it_was() {
        let mut before = Snapshot::default();
        let check = Change::Check {
            evening: evening(),
            step: "warm-bath".into(),
            outcome: Outcome::Done,
            value: None,
            at: at(),
        };
        assert_eq!(inverse(&check, &before), Some(vec![Change::Undo { evening: evening(), step: "warm-bath".into() }]));
        before.journal.value.record(evening(), "warm-bath", crate::model::CheckIn::new(Outcome::Skipped, at(), None));
        let back = inverse(&check, &before).unwrap();
        assert!(matches!(&back[..], [Change::Check { outcome: Outcome::Skipped, .. }]), "{back:?}");
    }

    #[test]
    fn a_removed_step_is_offered_back_in_its_place() {
        let before = Snapshot::default();
        let second = before.routine_file.value.routine.steps[1].clone();
        let removal = removal(&Change::RemoveStep { step: second.id.clone() }, &before).unwrap();
        assert_eq!(
            removal.restore,
            vec![Change::AddStep(second.clone()), Change::MoveStep { step: second.id.clone(), to: 1 }]
        );
        assert!(removal.message.contains(&i18n::step_title(&second)), "{}", removal.message);
    }
}
