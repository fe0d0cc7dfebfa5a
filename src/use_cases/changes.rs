//! Changes the user can make, as values.
//!
//! Every front end (the window, the command line, the tray, a notification's buttons)
//! builds the same commands; applying one is a
//! read-modify-write through the store, so it lands on the newest state on disk even when
//! another process saved in between.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime, Timelike};

use super::applied::{Applied, CommandError};
use super::computers::this_host;
use crate::model::plan::{counted_steps, planned_times};
use crate::model::routine::StepEdit;
use crate::model::validate::{self, Invalid};
use crate::model::{
    Anchor, CheckIn, Day, Evening, NightAnswer, NightLog, Outcome, PlannedTimes, RoutineFile, Schedule, Settings, Step,
    catalog, evening_at,
};
use crate::store::{Store, Updated};

#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    /// Marks a step done or skipped on an evening, with a measured value if it takes one.
    Check {
        evening: NaiveDate,
        step: String,
        outcome: Outcome,
        value: Option<f64>,
        at: DateTime<FixedOffset>,
    },
    /// Answers some questions of the night log of the night after `evening` (the morning
    /// of the next day logs it), creating the log if there is none; the other answers stay
    /// as they are on disk. `at` becomes the log's time when anything changed.
    LogNight {
        evening: NaiveDate,
        answers: Vec<NightAnswer>,
        at: DateTime<FixedOffset>,
    },
    /// Puts back a whole night log as it was (Ctrl+Z), or removes it with `None`.
    SetNight {
        evening: NaiveDate,
        log: Option<NightLog>,
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
    /// Changes some fields of a step, keeping the rest as they are on disk.
    EditStep {
        step: String,
        edit: StepEdit,
    },
    /// Moves a step to a new position in the routine.
    MoveStep {
        step: String,
        to: usize,
    },
    /// Saves a whole routine at once (the first-run setup).
    SaveRoutineFile(RoutineFile),
    /// Changes bedtime and/or wake time of `days` (every day when empty).
    SetNights {
        days: Vec<Day>,
        bedtime: Option<NaiveTime>,
        wake: Option<NaiveTime>,
    },
    SetSchedule(Schedule),
    /// Uses the weekday nights (`true`) or keeps them aside, unused, for later (`false`).
    ShowWeekdays(bool),
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
    /// "Send a test notification": asks the reminder service (the one sender) to show
    /// one on its next tick; it writes down what came of it in the reminder log.
    RequestTestNotification {
        at: DateTime<FixedOffset>,
    },
    /// Names a computer that shares the data folder (an empty name: its default again).
    NameComputer {
        device: String,
        name: String,
        at: DateTime<FixedOffset>,
    },
    /// Stops listing a computer that shares the data folder, until it writes again; its
    /// files stay part of the history. Not this computer.
    ForgetComputer {
        device: String,
        at: DateTime<FixedOffset>,
    },
}

fn find<'a>(routine_file: &'a mut RoutineFile, id: &str) -> Result<&'a mut Step, CommandError> {
    routine_file.routine.get_mut(id).ok_or_else(|| CommandError::UnknownStep(id.to_owned()))
}

/// No routine.json yet: a change to the routine is the user choosing a routine, saved
/// even when it keeps the default values (that ends the first run).
fn is_first_save(store: &Store) -> Result<bool, CommandError> {
    Ok(store.load_routine_file()?.is_first_run())
}

/// A read-modify-write of routine.json; `change` says whether it changed anything, and
/// a change that changed nothing is not written (except on a first save, see above).
fn change_routine(
    store: &Store,
    stamp: Stamp,
    change: impl FnOnce(&mut RoutineFile) -> Result<bool, CommandError>,
) -> Result<Updated<Applied>, CommandError> {
    let first_save = is_first_save(store)?;
    store.update_routine_file(|routine_file| {
        let changed = change(routine_file)?;
        stamp_first_save(routine_file, first_save, stamp);
        saved_if(changed || first_save)
    })
}

/// The moment a change is applied, when the front end gives it: it dates the routine's
/// first save and a new step (see [`RoutineFile::since`], [`Step::added`]).
type Stamp = Option<DateTime<FixedOffset>>;

/// On the first save, the moment the routine began; kept as it is afterwards.
fn stamp_first_save(routine_file: &mut RoutineFile, first_save: bool, stamp: Stamp) {
    if first_save && routine_file.since.is_none() {
        routine_file.since = stamp;
    }
}

/// `routine` and then every other step checked on `evening`: a step checked that evening
/// is part of it, even one due before the routine began (the user did it, or chose to
/// skip it).
fn with_checked(mut routine: Vec<String>, evening: &Evening) -> Vec<String> {
    for id in evening.checks.keys() {
        if !routine.contains(id) {
            routine.push(id.clone());
        }
    }
    routine
}

/// After a change to the routine, the schedule or the settings made at `now`, the
/// evening in progress keeps the routine and times it is now planned with: if it has
/// recorded them (something was checked), they follow the change, so the evening is
/// remembered as it ended, not as it was at its first check (a step added at 20:00 and
/// due at 21:00 counts on it). Other evenings keep theirs.
fn replan_tonight(store: &Store, now: DateTime<FixedOffset>) -> Result<(), CommandError> {
    let routine_file = store.load_routine_file()?.value;
    let evening = evening_at(&routine_file, &now);
    // Mostly nothing is recorded for tonight yet: found out from that evening alone, so a
    // routine edit does not read (nor lock) a long journal for nothing.
    let near = store.load_near(evening..=evening)?;
    if near.journal.value.evening(evening).is_none_or(|recorded| recorded.times.is_none()) {
        return Ok(());
    }
    let updated = store.update_evenings(evening..=evening, |journal| {
        let Some(recorded) = journal.evenings.get_mut(&evening).filter(|recorded| recorded.times.is_some()) else {
            return Err(CommandError::NothingToChange);
        };
        let routine = Some(with_checked(counted_steps(&routine_file, evening, &now.timezone()), recorded));
        let new = planned_times(&routine_file, evening, now);
        let times = recorded.times.get_or_insert_with(|| new.clone());
        let same_times = (&times.bedtime, &times.wake, &times.steps) == (&new.bedtime, &new.wake, &new.steps);
        if same_times && recorded.routine == routine {
            return Err(CommandError::NothingToChange);
        }
        *times = PlannedTimes { extra: std::mem::take(&mut times.extra), ..new };
        recorded.routine = routine;
        Ok(())
    });
    match updated {
        Ok(_) | Err(CommandError::NothingToChange) => Ok(()),
        Err(error) => Err(error),
    }
}

/// `Saved` when something changed; otherwise stops the read-modify-write before it saves.
fn saved_if(changed: bool) -> Result<Applied, CommandError> {
    if changed { Ok(Applied::Saved) } else { Err(CommandError::NothingToChange) }
}

impl Change {
    /// Applies the command through the store, under its lock, to the state it finds there.
    /// A command that would change nothing writes nothing and says so: `Applied::Unchanged`.
    /// Nothing is dated: a first save records no start and a new step no addition, so
    /// every step counts on every evening (as in files from before they were dated).
    pub fn apply(self, store: &Store) -> Result<Applied, CommandError> {
        self.apply_stamped(store, None)
    }

    /// Like [`Change::apply`], dating the routine's first save and a new step `now`.
    pub fn apply_at(self, store: &Store, now: DateTime<FixedOffset>) -> Result<Applied, CommandError> {
        self.apply_stamped(store, Some(now))
    }

    fn apply_stamped(self, store: &Store, stamp: Stamp) -> Result<Applied, CommandError> {
        let plans = self.plans_evenings();
        let applied = match store.dated(stamp, || self.apply_or_stop(store, stamp)) {
            Err(CommandError::NothingToChange) => Ok(Applied::Unchanged),
            result => result,
        }?;
        if let (true, true, Some(now)) = (plans, applied.changed(), stamp) {
            replan_tonight(store, now)?;
        }
        Ok(applied)
    }

    /// Whether the change may move a step's time or bedtime, or add or take away a step
    /// of an evening: a change to routine.json.
    fn plans_evenings(&self) -> bool {
        matches!(
            self,
            Change::AddStep(_)
                | Change::RemoveStep { .. }
                | Change::EditStep { .. }
                | Change::SaveRoutineFile(_)
                | Change::SetNights { .. }
                | Change::SetSchedule(_)
                | Change::ShowWeekdays(_)
                | Change::SetSettings(_)
        )
    }

    fn apply_or_stop(self, store: &Store, stamp: Stamp) -> Result<Applied, CommandError> {
        let updated = match self {
            Change::Check { evening, step, outcome, value, at } => {
                validate::evening_date(evening, &at).map_err(|problem| Invalid { evening: Some(evening), problem })?;
                let routine_file = store.load_routine_file()?.value;
                if routine_file.routine.get(&step).is_none() {
                    return Err(CommandError::UnknownStep(step));
                }
                validate::check_in(evening, &step, &CheckIn::new(outcome, at, value), &at)?;
                // What the evening's routine is now, for statistics (see model::stats): the
                // steps that count, so none due before the routine began is ever missed.
                let routine = counted_steps(&routine_file, evening, &at.timezone());
                // And the times it is planned with, so moving a step later does not move it
                // on this evening (see model::planned).
                let times = planned_times(&routine_file, evening, at);
                store.update_evenings(evening..=evening, |journal| {
                    let check_in = CheckIn::new(outcome, at, value);
                    // The same check-in again changes nothing, whatever merge order the old one has.
                    let same = journal
                        .check_in(evening, &step)
                        .is_some_and(|old| CheckIn { order: None, ..old.clone() } == check_in);
                    journal.record(evening, &step, check_in);
                    // On the evening itself (or the morning after) the routine as it is now is the
                    // evening's. A correction made later keeps the routine recorded then, only adding
                    // the corrected step, so fixing last week does not rewrite last week's routine.
                    // Either way a step checked that evening is part of it, even one due before
                    // the routine began: the user did (or chose to skip) it.
                    let late = at.date_naive() > evening.succ_opt().unwrap_or(evening);
                    let kept = journal.evenings.entry(evening).or_default();
                    let recorded = match kept.routine.take() {
                        Some(recorded) if late => recorded,
                        _ => routine,
                    };
                    kept.routine = Some(with_checked(recorded, kept));
                    // Times the same way: recorded the first time the evening is touched and
                    // kept up to date while it lasts; a later correction keeps those recorded
                    // then (or, for an evening that has none, records today's).
                    if kept.times.is_none() || !late {
                        kept.times = Some(times);
                    }
                    saved_if(!same)
                })
            }
            Change::LogNight { evening, answers, at } => {
                validate::evening_date(evening, &at).map_err(|problem| Invalid { evening: Some(evening), problem })?;
                answers.iter().try_for_each(NightAnswer::validate)?;
                store.update_evenings(evening..=evening, |journal| {
                    let slot = &mut journal.evenings.entry(evening).or_default().night;
                    let created = slot.is_none();
                    let log = slot.get_or_insert_with(Default::default);
                    // `|` rather than `any`: every answer is applied.
                    let changed = answers.into_iter().fold(created, |changed, answer| log.answer(answer) | changed);
                    if changed {
                        // Whole seconds, like the reminder log: the file stays readable.
                        log.at = Some(at.with_nanosecond(0).unwrap_or(at));
                    }
                    saved_if(changed)
                })
            }
            Change::SetNight { evening, log: None } => {
                store.update_evenings(evening..=evening, |journal| saved_if(journal.forget_night(evening).is_some()))
            }
            Change::SetNight { evening, log: Some(log) } => {
                log.validate()?;
                store.update_evenings(evening..=evening, |journal| {
                    let slot = &mut journal.evenings.entry(evening).or_default().night;
                    let changed = slot.as_ref() != Some(&log);
                    *slot = Some(log);
                    saved_if(changed)
                })
            }
            Change::Undo { evening, step } => {
                store.update_evenings(evening..=evening, |journal| saved_if(journal.undo(evening, &step).is_some()))
            }
            Change::AddStep(mut step) => {
                step.validate()?;
                let first_save = is_first_save(store)?;
                store.update_routine_file(|routine_file| {
                    if routine_file.routine.get(&step.id).is_some() {
                        return Err(CommandError::AlreadyInRoutine(step.id));
                    }
                    routine_file.routine.has_room()?;
                    // A step added to a routine already saved counts from now on; one
                    // added with the first save counts from the routine's start.
                    if first_save {
                        stamp_first_save(routine_file, first_save, stamp);
                    } else if step.added.is_none() {
                        step.added = stamp;
                    }
                    routine_file.routine.steps.push(step.clone());
                    Ok(Applied::Step(step))
                })
            }
            Change::RemoveStep { step } => {
                let first_save = is_first_save(store)?;
                store.update_routine_file(|routine_file| {
                    let index = routine_file.routine.position(&step).ok_or(CommandError::UnknownStep(step))?;
                    routine_file.routine.steps.remove(index);
                    stamp_first_save(routine_file, first_save, stamp);
                    Ok(Applied::Saved)
                })
            }
            Change::EditStep { step, edit } => {
                let first_save = is_first_save(store)?;
                store.update_routine_file(|routine_file| {
                    stamp_first_save(routine_file, first_save, stamp);
                    let slot = find(routine_file, &step)?;
                    let edited = edit.applied_to(slot);
                    edited.validate()?;
                    if edited == *slot && !first_save {
                        return Err(CommandError::NothingToChange);
                    }
                    *slot = edited.clone();
                    Ok(Applied::Step(edited))
                })
            }
            Change::MoveStep { step, to } => change_routine(store, stamp, |routine_file| {
                let from = routine_file.routine.position(&step).ok_or(CommandError::UnknownStep(step))?;
                let to = to.min(routine_file.routine.steps.len().saturating_sub(1));
                routine_file.routine.move_step(from, to);
                Ok(from != to)
            }),
            Change::SaveRoutineFile(mut new) => {
                new.routine.validate()?;
                let first_save = is_first_save(store)?;
                // Always written when the file is missing, even with the default values: a
                // saved routine is what ends the first-run setup. The store itself skips
                // the write when the bytes on disk are already these.
                store.update_routine_file(|routine_file| {
                    new.since = new.since.or(routine_file.since);
                    stamp_first_save(&mut new, first_save, stamp);
                    *routine_file = new;
                    Ok(Applied::Saved)
                })
            }
            Change::SetNights { days, bedtime, wake } => change_routine(store, stamp, |routine_file| {
                let before = routine_file.schedule.clone();
                routine_file.schedule.set(bedtime, wake, &days)?;
                Ok(routine_file.schedule != before)
            }),
            Change::SetSchedule(schedule) => change_routine(store, stamp, |routine_file| {
                let changed = routine_file.schedule != schedule;
                routine_file.schedule = schedule;
                Ok(changed)
            }),
            Change::ShowWeekdays(shown) => {
                change_routine(store, stamp, |routine_file| Ok(routine_file.schedule.show_weekdays(shown)))
            }
            Change::SetSettings(settings) => change_routine(store, stamp, |routine_file| {
                let changed = routine_file.settings != settings;
                routine_file.settings = settings;
                Ok(changed)
            }),
            Change::PauseReminders { evening, paused } => store.update_reminders(|log| {
                let changed = log.is_paused(evening) != paused;
                log.set_paused(evening, paused);
                saved_if(changed)
            }),
            Change::Snooze { reminders, until } => store.update_reminders(|log| {
                for (evening, key) in &reminders {
                    log.snooze(*evening, key, until);
                }
                Ok(Applied::Saved)
            }),
            Change::RequestTestNotification { at } => store.update_reminders(|log| {
                log.test_requested_at = Some(at);
                Ok(Applied::Saved)
            }),
            Change::NameComputer { device, name, at } => {
                store.update_computers(this_host(), |own, _| saved_if(own.rename(&device, &name, at)?))
            }
            Change::ForgetComputer { device, at } => store.update_computers(this_host(), |own, seen| {
                if device == seen.this {
                    return Err(CommandError::ForgetThisComputer);
                }
                saved_if(own.forget(&device, at, seen.wrote.get(&device).copied()))
            }),
        };
        Ok(updated?.value)
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
