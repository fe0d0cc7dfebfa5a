//! A past evening keeps the times it had (issue 19, item 9): each evening records its
//! steps' due times, bedtime and wake with its routine, so moving a step today does not
//! move it on the evenings before, in `plan --date`, `reminders --date`, `stats` (the
//! bedtime figures) or History; and that record, with the evening's routine (which
//! carries what `since` and `added` decided), goes through export, import and merge.

mod support;

use bedtime_coach::model::{Journal, Outcome, PlannedTimes, RoutineFile};
use bedtime_coach::store::{Paths, Store};
use bedtime_coach::transfer::{DateRange, ExportFormat};
use bedtime_coach::use_cases::files::RoutineChoice;
use bedtime_coach::use_cases::{Change, Coach};
use chrono::{DateTime, FixedOffset};
use serde_json::Value;
use support::berlin::{at, berlin, cli, clock};

fn json(coach: &Coach, now: &DateTime<chrono_tz::Tz>, args: &[&str]) -> Value {
    serde_json::from_str(&cli(coach, now, args)).unwrap()
}

/// The `due` of `id` in a JSON list of steps or reminders.
fn due_of(list: &Value, id: &str) -> String {
    let list = list.as_array().unwrap_or_else(|| panic!("not a list: {list}"));
    let item = list.iter().find(|item| item["id"] == id).unwrap_or_else(|| panic!("no {id}: {list:?}"));
    item["due"].as_str().unwrap().to_owned()
}

fn check(coach: &Coach, day: u32, step: &str, when: DateTime<FixedOffset>) {
    let evening = support::date(2026, 12, day);
    coach.apply(Change::Check { evening, step: step.into(), outcome: Outcome::Done, value: None, at: when }).unwrap();
}

/// A routine saved on 1 December, the evening of Saturday 5 December with the bath done
/// at 21:05 and the lights out at 22:35, then on Sunday morning the bath moved to 19:49
/// and bedtime to 23:00.
fn moved_after_an_evening(coach: &Coach) {
    coach.apply_at(at(1, 12, 0), Change::SaveRoutineFile(RoutineFile::default())).unwrap();
    check(coach, 5, "warm-bath", at(5, 21, 5));
    check(coach, 5, "lights-out", at(5, 22, 35));
    let edit = bedtime_coach::model::routine::StepEdit {
        anchor: Some(bedtime_coach::model::Anchor::At { time: clock(19, 49) }),
        ..Default::default()
    };
    coach.apply_at(at(6, 10, 0), Change::EditStep { step: "warm-bath".into(), edit }).unwrap();
    let nights = Change::SetNights { days: vec![], bedtime: Some(clock(23, 0)), wake: None };
    coach.apply_at(at(6, 10, 1), nights).unwrap();
}

#[test]
fn a_past_evening_keeps_its_times_in_plan_reminders_and_stats() {
    let dir = tempfile::tempdir().unwrap();
    let coach = Coach::at(Paths::in_dir(dir.path()));
    moved_after_an_evening(&coach);
    let now = berlin(6, 12, 0);
    // `plan --date`: the 5th as it was planned, tonight with the new times.
    let past = json(&coach, &now, &["plan", "--date", "2026-12-05", "--json"]);
    assert_eq!(due_of(&past, "warm-bath"), "2026-12-05T21:00:00+01:00");
    assert_eq!(due_of(&past, "lights-out"), "2026-12-05T22:30:00+01:00");
    let tonight = json(&coach, &now, &["plan", "--json"]);
    assert_eq!(due_of(&tonight, "warm-bath"), "2026-12-06T19:49:00+01:00");
    assert_eq!(due_of(&tonight, "lights-out"), "2026-12-06T23:00:00+01:00");
    let text = cli(&coach, &now, &["plan", "--date", "2026-12-05"]);
    assert!(text.lines().any(|line| line.contains("21:00") && line.contains("Warm bath")), "{text}");
    // `reminders --date`: the reminders of the 5th at the 5th's times.
    let fates = json(&coach, &now, &["reminders", "--date", "2026-12-05", "--json"]);
    assert_eq!(due_of(&fates["reminders"], "warm-bath"), "2026-12-05T21:00:00+01:00");
    assert_eq!(due_of(&fates["reminders"], ":bedtime"), "2026-12-05T22:30:00+01:00");
    // `stats`: lights out at 22:35 was 5 minutes after that evening's bedtime, not 25 before.
    let stats = json(&coach, &now, &["stats", "--json"]);
    assert_eq!(stats["bedtime"]["last_30"]["mean_offset_minutes"], 5.0, "{stats}");
}

#[test]
fn tonight_s_record_follows_a_change_and_a_later_correction_keeps_it() {
    let dir = tempfile::tempdir().unwrap();
    let coach = Coach::at(Paths::in_dir(dir.path()));
    let store = Store::new(Paths::in_dir(dir.path()));
    coach.apply_at(at(1, 12, 0), Change::SaveRoutineFile(RoutineFile::default())).unwrap();
    // The first check of the evening records its times.
    check(&coach, 5, "calm-evening", at(5, 20, 31));
    let times = |store: &Store| -> PlannedTimes {
        store.load_journal().unwrap().value.evening(support::date(2026, 12, 5)).unwrap().times.clone().unwrap()
    };
    let first = times(&store);
    assert_eq!(first.at, at(5, 20, 31));
    assert_eq!(first.steps["warm-bath"].to_string(), "2026-12-05 21:00:00");
    assert_eq!(first.bedtime.to_string(), "2026-12-05 22:30:00");
    // Moved during that evening: the evening in progress is planned with the new time.
    let edit = bedtime_coach::model::routine::StepEdit {
        anchor: Some(bedtime_coach::model::Anchor::At { time: clock(21, 15) }),
        ..Default::default()
    };
    coach.apply_at(at(5, 20, 40), Change::EditStep { step: "warm-bath".into(), edit }).unwrap();
    assert_eq!(times(&store).steps["warm-bath"].to_string(), "2026-12-05 21:15:00");
    // A step added that evening, due after it was added, is part of the evening's routine
    // and has its time, though nothing was checked after: seen the next day, it counts.
    let tea = bedtime_coach::use_cases::new_step(
        "my-tea",
        Some("Tea".into()),
        Some(bedtime_coach::model::Anchor::At { time: clock(21, 30) }),
    );
    coach.apply_at(at(5, 20, 45), Change::AddStep(tea)).unwrap();
    assert_eq!(times(&store).steps["my-tea"].to_string(), "2026-12-05 21:30:00");
    let next_day = coach.evening(Some(support::date(2026, 12, 5)), &berlin(6, 12, 0)).unwrap();
    assert!(next_day.plan.get("my-tea").is_some_and(|tea| tea.counted), "the tea counts on the 5th");
    assert!(next_day.plan.get("calm-evening").is_some_and(|calm| calm.counted));
    // Moved again two days later, then the evening corrected: the record stays as it was.
    let edit = bedtime_coach::model::routine::StepEdit {
        anchor: Some(bedtime_coach::model::Anchor::At { time: clock(19, 0) }),
        ..Default::default()
    };
    coach.apply_at(at(7, 18, 0), Change::EditStep { step: "warm-bath".into(), edit }).unwrap();
    check(&coach, 5, "warm-bath", at(7, 18, 5));
    assert_eq!(times(&store).steps["warm-bath"].to_string(), "2026-12-05 21:15:00");
    assert_eq!(times(&store).at, at(5, 20, 45), "the last change of that evening");
}

#[test]
fn export_then_import_into_a_fresh_folder_keeps_every_field_of_the_evenings() {
    let dir = tempfile::tempdir().unwrap();
    let coach = Coach::at(Paths::in_dir(dir.path()));
    // Set up at 19:38: the evening's routine leaves out what was due before (item 4).
    coach.apply_at(at(5, 19, 38), Change::SaveRoutineFile(RoutineFile::default())).unwrap();
    check(&coach, 5, "warm-bath", at(5, 21, 5));
    let journal = Store::new(Paths::in_dir(dir.path())).load_journal().unwrap().value;
    let evening = journal.evening(support::date(2026, 12, 5)).unwrap();
    let routine = evening.routine.clone().unwrap();
    assert!(!routine.iter().any(|id| id == "mineral-dinner"), "{routine:?}");
    assert!(evening.times.is_some());
    let file = tempfile::tempdir().unwrap();
    let path = file.path().join("backup.json");
    coach.export_to_file(ExportFormat::Json, DateRange::default(), &path).unwrap();
    // A fresh folder whose routine began later (its `since` is the 6th): the imported
    // evening still counts what it counted where it was recorded.
    let fresh_dir = tempfile::tempdir().unwrap();
    let fresh = Coach::at(Paths::in_dir(fresh_dir.path()));
    fresh.apply_at(at(6, 9, 0), Change::SaveRoutineFile(RoutineFile::default())).unwrap();
    let now = berlin(6, 12, 0);
    let preview = fresh.preview_import(&path, &now).unwrap();
    fresh.import(&preview, RoutineChoice::Keep).unwrap();
    let imported: Journal = Store::new(Paths::in_dir(fresh_dir.path())).load_journal().unwrap().value;
    assert_eq!(imported, journal, "every field of every evening");
    let view = fresh.evening(Some(support::date(2026, 12, 5)), &now).unwrap();
    let mut counted: Vec<&str> = view.plan.counted().map(|step| step.id.as_str()).collect();
    let mut expected: Vec<&str> = routine.iter().map(String::as_str).collect();
    counted.sort();
    expected.sort();
    assert_eq!(counted, expected, "the steps that counted where it was recorded");
}

#[test]
fn an_import_keeps_the_later_record_of_an_evening_s_times() {
    // Two computers recorded the evening of the 5th with different times for the bath.
    let ours_dir = tempfile::tempdir().unwrap();
    let ours = Coach::at(Paths::in_dir(ours_dir.path()));
    ours.apply_at(at(1, 12, 0), Change::SaveRoutineFile(RoutineFile::default())).unwrap();
    check(&ours, 5, "calm-evening", at(5, 20, 31));
    let theirs_dir = tempfile::tempdir().unwrap();
    let theirs = Coach::at(Paths::in_dir(theirs_dir.path()));
    let mut moved = RoutineFile::default();
    moved.routine.get_mut("warm-bath").unwrap().anchor = bedtime_coach::model::Anchor::At { time: clock(21, 40) };
    theirs.apply_at(at(1, 12, 0), Change::SaveRoutineFile(moved)).unwrap();
    check(&theirs, 5, "lights-out", at(5, 22, 31));
    let file = tempfile::tempdir().unwrap();
    let path = file.path().join("theirs.json");
    theirs.export_to_file(ExportFormat::Json, DateRange::default(), &path).unwrap();
    let now = berlin(6, 12, 0);
    let preview = ours.preview_import(&path, &now).unwrap();
    assert_eq!(preview.counts.times_changed, 1);
    ours.import(&preview, RoutineChoice::Keep).unwrap();
    let view = ours.evening(Some(support::date(2026, 12, 5)), &now).unwrap();
    // Theirs was recorded later (22:31 against 20:31): their bath time wins.
    assert_eq!(view.plan.get("warm-bath").unwrap().due, berlin(5, 21, 40));
    assert!(view.plan.get("calm-evening").unwrap().check_in.is_some());
    assert!(view.plan.get("lights-out").unwrap().check_in.is_some());
}
