//! The first evening and steps added later (issue 19, item 4): an evening counts only the
//! steps due after the routine was first saved, whichever front end saved it, and a step
//! added later never counts as missed on the evenings before it existed. History (the
//! window's statistics) and `stats` agree.

mod support;

use bedtime_coach::cli::{Cli, run_at};
use bedtime_coach::model::{Anchor, Outcome, RoutineFile, StepState, plan_evening};
use bedtime_coach::store::{Paths, Store};
use bedtime_coach::use_cases::{Change, Coach, new_step};
use chrono::DateTime;
use chrono_tz::Europe::Berlin;
use clap::Parser;
use support::berlin::{at, berlin, cli};

/// Marks every step that counts on the evening of `day`, due at or after `from`, done at its time.
fn do_steps_from(store: &Store, day: u32, from: DateTime<chrono_tz::Tz>) {
    let routine_file = store.load_routine_file().unwrap().value;
    let evening = support::date(2026, 12, day);
    for step in plan_evening(&routine_file, evening, &Berlin, None).steps.iter().filter(|s| s.counted && s.due >= from)
    {
        let change = Change::Check {
            evening,
            step: step.id.clone(),
            outcome: Outcome::Done,
            value: None,
            at: step.due.fixed_offset(),
        };
        change.apply(store).unwrap();
    }
}

fn stats_json(coach: &Coach, now: &DateTime<chrono_tz::Tz>) -> serde_json::Value {
    let command = Cli::try_parse_from(["bedtime-coach", "stats", "--json"]).unwrap().command.unwrap();
    serde_json::from_str(&run_at(command, coach, now).unwrap()).unwrap()
}

#[test]
fn an_evening_set_up_at_19_38_counts_only_the_steps_due_after_it() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(Paths::in_dir(dir.path()));
    let coach = Coach::at(Paths::in_dir(dir.path()));
    // The window's setup saves the routine at 19:38 on Saturday 5 December.
    coach.apply_at(at(5, 19, 38), Change::SaveRoutineFile(RoutineFile::default())).unwrap();
    let routine_file = store.load_routine_file().unwrap().value;
    assert_eq!(routine_file.since, Some(at(5, 19, 38)));
    let plan = plan_evening(&routine_file, support::date(2026, 12, 5), &Berlin, None);
    let before: Vec<&str> = plan.steps.iter().filter(|s| !s.counted).map(|s| s.id.as_str()).collect();
    assert_eq!(before, ["daytime-movement", "caffeine-cutoff", "no-alcohol-tobacco", "mineral-dinner"]);
    // Nothing due before the setup is missed at 19:40: those steps do not count.
    let now = berlin(5, 19, 40);
    assert!(plan.steps.iter().all(|s| plan.timing(s, &now) != bedtime_coach::model::Timing::Missed));
    assert_eq!(plan.total(), plan.steps.len() - 4);
    // Everything due after it done: a whole evening, the streak at 1 the next day.
    do_steps_from(&store, 5, berlin(5, 19, 38));
    let journal = store.load_journal().unwrap().value;
    let routine = journal.evening(support::date(2026, 12, 5)).unwrap().routine.clone().unwrap();
    assert!(!routine.iter().any(|id| before.contains(&id.as_str())), "{routine:?}");
    let next_day = berlin(6, 12, 0);
    let history = coach.statistics(&next_day).unwrap().summary;
    let first = history.evening(support::date(2026, 12, 5)).unwrap();
    assert_eq!(first.done, first.planned);
    assert_eq!(history.streaks.current, 1);
    // `stats` says the same.
    let json = stats_json(&coach, &next_day);
    assert_eq!(json["streak"]["current"], 1);
    assert_eq!(json["evenings"]["met_threshold"], 1);
    // The next evening counts every step again.
    let plan = plan_evening(&routine_file, support::date(2026, 12, 6), &Berlin, None);
    assert!(plan.steps.iter().all(|s| s.counted));
    assert_eq!(plan.count(StepState::Pending), plan.steps.len());
}

#[test]
fn a_step_checked_before_the_setup_time_still_counts() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(Paths::in_dir(dir.path()));
    let coach = Coach::at(Paths::in_dir(dir.path()));
    coach.apply_at(at(5, 19, 38), Change::SaveRoutineFile(RoutineFile::default())).unwrap();
    let evening = support::date(2026, 12, 5);
    let dinner = Change::Check {
        evening,
        step: "mineral-dinner".into(),
        outcome: Outcome::Done,
        value: None,
        at: at(5, 19, 45),
    };
    dinner.apply(&store).unwrap();
    do_steps_from(&store, 5, berlin(5, 19, 38));
    let routine_file = store.load_routine_file().unwrap().value;
    let journal = store.load_journal().unwrap().value;
    let plan = plan_evening(&routine_file, evening, &Berlin, journal.evening(evening));
    assert!(plan.get("mineral-dinner").unwrap().counted);
    assert!(journal.evening(evening).unwrap().routine.as_ref().unwrap().contains(&"mineral-dinner".to_owned()));
}

#[test]
fn the_command_line_dates_the_first_save_too() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(Paths::in_dir(dir.path()));
    let coach = Coach::at(Paths::in_dir(dir.path()));
    let schedule = Cli::try_parse_from(["bedtime-coach", "schedule", "--bedtime", "23:00"]).unwrap().command.unwrap();
    run_at(schedule, &coach, &berlin(5, 20, 15)).unwrap();
    assert_eq!(store.load_routine_file().unwrap().value.since, Some(at(5, 20, 15)));
    // A later command keeps the first date.
    let later = Cli::try_parse_from(["bedtime-coach", "schedule", "--wake", "07:30"]).unwrap().command.unwrap();
    run_at(later, &coach, &berlin(6, 9, 0)).unwrap();
    assert_eq!(store.load_routine_file().unwrap().value.since, Some(at(5, 20, 15)));
    // So does `routine` on a fresh folder.
    let dir = tempfile::tempdir().unwrap();
    let coach = Coach::at(Paths::in_dir(dir.path()));
    let remove = Cli::try_parse_from(["bedtime-coach", "routine", "remove", "warm-bath"]).unwrap().command.unwrap();
    run_at(remove, &coach, &berlin(5, 21, 0)).unwrap();
    assert_eq!(coach.load_routine_file().unwrap().value.since, Some(at(5, 21, 0)));
}

#[test]
fn a_step_added_later_never_counts_before_it_existed() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(Paths::in_dir(dir.path()));
    let coach = Coach::at(Paths::in_dir(dir.path()));
    coach.apply_at(at(1, 12, 0), Change::SaveRoutineFile(RoutineFile::default())).unwrap();
    // Added at 21:00 on the 5th, due at 20:30 (two hours before the 22:30 bedtime).
    let read = new_step("read", Some("Read a paper book".into()), Some(Anchor::BeforeBedtime { minutes: 120 }));
    coach.apply_at(at(5, 21, 0), Change::AddStep(read)).unwrap();
    let routine_file = store.load_routine_file().unwrap().value;
    assert_eq!(routine_file.routine.get("read").unwrap().added, Some(at(5, 21, 0)));
    let counted =
        |day| plan_evening(&routine_file, support::date(2026, 12, day), &Berlin, None).get("read").unwrap().counted;
    assert!(!counted(4), "the evening before it existed");
    assert!(!counted(5), "due before it was added");
    assert!(counted(6));
    // The evenings of the 4th and 5th are whole without it, in History and in `stats`.
    for day in [4, 5] {
        do_steps_from(&store, day, berlin(day, 0, 0));
    }
    let journal = store.load_journal().unwrap().value;
    assert!(!journal.evening(support::date(2026, 12, 5)).unwrap().routine.as_ref().unwrap().contains(&"read".into()));
    let history = coach.statistics(&berlin(6, 12, 0)).unwrap().summary;
    assert_eq!(history.streaks.current, 2);
    assert_eq!(stats_json(&coach, &berlin(6, 12, 0))["streak"]["current"], 2);
}

/// The caffeine cut-off (16:30) was due before a routine set up at 19:38: `stats` says
/// once that it was not part of a tracked evening, not once for each period.
#[test]
fn stats_says_once_that_the_cut_off_was_on_no_tracked_evening() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(Paths::in_dir(dir.path()));
    let coach = Coach::at(Paths::in_dir(dir.path()));
    coach.apply_at(at(5, 19, 38), Change::SaveRoutineFile(RoutineFile::default())).unwrap();
    do_steps_from(&store, 5, berlin(5, 19, 38));
    let text = cli(&coach, &berlin(6, 9, 0), &["stats"]);
    let line = text.lines().find(|line| line.starts_with("Caffeine cut-off")).unwrap();
    assert_eq!(line, "Caffeine cut-off: not part of any tracked evening", "{text}");
}
