//! Correcting a past evening keeps the routine that evening had.

use bedtime_coach::model::{Evening, Outcome};
use bedtime_coach::store::{Paths, Store};
use bedtime_coach::use_cases::Change;
use chrono::{DateTime, NaiveDate};

fn at(text: &str) -> DateTime<chrono::FixedOffset> {
    DateTime::parse_from_rfc3339(text).unwrap()
}

#[test]
fn a_late_correction_keeps_the_evenings_recorded_routine_and_adds_only_its_step() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(Paths::in_dir(dir.path()));
    let evening = NaiveDate::from_ymd_opt(2026, 11, 2).unwrap();
    store
        .update_journal(|journal| {
            journal
                .evenings
                .insert(evening, Evening { routine: Some(vec!["lights-out".to_owned()]), ..Evening::default() });
            Ok::<_, bedtime_coach::store::StoreError>(())
        })
        .unwrap();
    let check = |at_text: &str| Change::Check {
        evening,
        step: "warm-bath".to_owned(),
        outcome: Outcome::Done,
        value: None,
        at: at(at_text),
    };
    // A week later: the evening's routine stays what it was, with the corrected step added.
    check("2026-11-09T08:00:00+01:00").apply(&store).unwrap();
    let journal = store.load_journal().unwrap().value;
    assert_eq!(journal.evening(evening).unwrap().routine, Some(vec!["lights-out".to_owned(), "warm-bath".to_owned()]));
    // On the evening itself the routine as it is now is recorded, as before.
    check("2026-11-02T21:00:00+01:00").apply(&store).unwrap();
    let routine = store.load_journal().unwrap().value.evening(evening).unwrap().routine.clone().unwrap();
    assert!(routine.len() > 2 && routine.contains(&"warm-bath".to_owned()), "{routine:?}");
}
