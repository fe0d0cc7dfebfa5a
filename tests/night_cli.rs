//! The night log through the store (the shared `Change`s) and through the command line.

use bedtime_coach::command::{Applied, Change};
use bedtime_coach::model::{Jerks, NightAnswer, NightLog, Stress};
use bedtime_coach::store::{Paths, Store};
use chrono::{DateTime, FixedOffset};

mod common;

use common::date;

fn at(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).unwrap()
}

fn night(store: &Store) -> Option<NightLog> {
    store.load_journal().unwrap().value.night(date(2026, 11, 26)).cloned()
}

#[test]
fn log_night_answers_merge_onto_what_is_on_disk() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(Paths::in_dir(dir.path()));
    let evening = date(2026, 11, 26);
    let first = Change::LogNight { evening, answers: NightAnswer::quiet_night(), at: at("2026-11-27T07:00:00+01:00") };
    assert_eq!(first.apply(&store).unwrap(), Applied::Saved);
    let log = night(&store).unwrap();
    assert_eq!(log.falling_asleep, Some(Jerks::None));
    assert_eq!(log.at, Some(at("2026-11-27T07:00:00+01:00")));

    // A second answer keeps the first ones and moves the time.
    let more = vec![NightAnswer::Rested(Some(4)), NightAnswer::Stress(Some(Stress::High))];
    Change::LogNight { evening, answers: more.clone(), at: at("2026-11-27T07:01:00+01:00") }.apply(&store).unwrap();
    let log = night(&store).unwrap();
    assert_eq!((log.falling_asleep, log.rested, log.stress), (Some(Jerks::None), Some(4), Some(Stress::High)));
    assert_eq!(log.at, Some(at("2026-11-27T07:01:00+01:00")));

    // The same answers again change nothing: nothing is written, the time stays.
    let same = Change::LogNight { evening, answers: more, at: at("2026-11-27T09:00:00+01:00") };
    assert_eq!(same.apply(&store).unwrap(), Applied::Unchanged);
    assert_eq!(night(&store).unwrap().at, Some(at("2026-11-27T07:01:00+01:00")));

    // A bad answer is refused with a sentence, and nothing of the change is saved.
    let bad = Change::LogNight {
        evening,
        answers: vec![NightAnswer::SleepParalysis(true), NightAnswer::Rested(Some(7))],
        at: at("2026-11-27T09:00:00+01:00"),
    };
    let error = bad.apply(&store).unwrap_err().to_string();
    assert!(error.contains("1 to 5") && error.contains('7'), "{error}");
    assert!(!night(&store).unwrap().sleep_paralysis);

    // Taken back whole, and put back as it was (the window's Ctrl+Z).
    let kept = night(&store);
    assert_eq!(Change::SetNight { evening, log: None }.apply(&store).unwrap(), Applied::Saved);
    assert_eq!(night(&store), None);
    assert!(store.load_journal().unwrap().value.evenings.is_empty(), "an empty evening is not kept");
    Change::SetNight { evening, log: kept.clone() }.apply(&store).unwrap();
    assert_eq!(night(&store), kept);
}
