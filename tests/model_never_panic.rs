//! Property tests: whatever routine, schedule, evening, instant and time zone they are
//! given, the plan and the reminder engine answer and never panic; whatever two journals
//! hold, checking an import, merging it, previewing it and computing from the result
//! answer and never panic. The same for the store's journal kept by month: whatever a
//! file in its folder is called and whatever bytes a month file or the pointer
//! `journal.json` hold, naming, loading and a check-in answer and never panic.
//!
//! Files are validated on the way in, but the domain must not rely on that: these
//! inputs go past every limit (offsets of four billion minutes, the first and last dates
//! chrono knows, every zone in the tz database).

use bedtime_coach::model::{
    Anchor, CheckIn, Evening, Hemisphere, Journal, NightLog, Outcome, PlannedTimes, ReminderLog, Routine, RoutineFile,
    Step, catalog::CATALOG, merge, plan::plan_past_evening, plan_evening, stats, validate,
};
use bedtime_coach::remind::engine::{decide, next_reminder};
use bedtime_coach::store::{Writer, conflict_original, month_of, parse_month_file, parse_month_file_name};
use bedtime_coach::transfer;
use chrono::{DateTime, NaiveDate, NaiveTime, TimeZone, Utc};
use chrono_tz::{TZ_VARIANTS, Tz};
use proptest::prelude::*;

fn any_time() -> impl Strategy<Value = NaiveTime> {
    (0u32..24, 0u32..60).prop_map(|(h, m)| NaiveTime::from_hms_opt(h, m, 0).unwrap())
}

fn any_anchor() -> impl Strategy<Value = Anchor> {
    prop_oneof![
        any::<u32>().prop_map(|minutes| Anchor::BeforeBedtime { minutes }),
        any::<u32>().prop_map(|minutes| Anchor::AfterWake { minutes }),
        (0u32..2000).prop_map(|minutes| Anchor::BeforeBedtime { minutes }),
        any_time().prop_map(|time| Anchor::At { time }),
    ]
}

fn any_step() -> impl Strategy<Value = Step> {
    (0..CATALOG.len() + 3, any_anchor(), any::<bool>(), any::<bool>()).prop_map(|(index, anchor, remind, enabled)| {
        let mut step = match CATALOG.get(index) {
            Some(entry) => Step::from_catalog(entry),
            None => Step::custom(format!("custom-{index}"), "Custom".into(), anchor),
        };
        step.anchor = anchor;
        step.remind = remind;
        step.enabled = enabled;
        step
    })
}

fn any_routine_file() -> impl Strategy<Value = RoutineFile> {
    (
        proptest::collection::vec(any_step(), 0..16),
        any_time(),
        any_time(),
        proptest::collection::vec((0usize..7, any_time(), any_time()), 0..7),
        any::<bool>(),
        any::<u32>(),
        any::<u32>(),
        any::<bool>(),
    )
        .prop_map(|(steps, bedtime, wake, weekdays, southern, grace, snooze, reminders)| {
            let mut routine_file = RoutineFile { routine: Routine { steps }, ..RoutineFile::default() };
            // Straight into the fields, past Schedule::set's checks (equal times too).
            routine_file.schedule.every_day.bedtime = bedtime;
            routine_file.schedule.every_day.wake = wake;
            for (day, bedtime, wake) in weekdays {
                let mut night = routine_file.schedule.every_day.clone();
                night.bedtime = bedtime;
                night.wake = wake;
                routine_file.schedule.weekdays.insert(bedtime_coach::model::Day::ALL[day], night);
            }
            routine_file.settings.hemisphere = if southern { Hemisphere::Southern } else { Hemisphere::Northern };
            routine_file.settings.grace_minutes = grace;
            routine_file.settings.snooze_minutes = snooze;
            routine_file.settings.reminders = reminders;
            routine_file
        })
}

fn any_date() -> impl Strategy<Value = NaiveDate> {
    prop_oneof![
        // Around now, where DST transitions are.
        (0i64..3 * 366).prop_map(|d| NaiveDate::from_ymd_opt(2025, 1, 1).unwrap() + chrono::Days::new(d as u64)),
        // Anywhere chrono can count.
        (NaiveDate::MIN.num_days_from_ce()..=NaiveDate::MAX.num_days_from_ce())
            .prop_map(|d| NaiveDate::from_num_days_from_ce_opt(d).unwrap()),
        Just(NaiveDate::MIN),
        Just(NaiveDate::MAX),
    ]
}

fn any_zone() -> impl Strategy<Value = Tz> {
    (0..TZ_VARIANTS.len()).prop_map(|i| TZ_VARIANTS[i])
}

fn instant(date: NaiveDate, seconds: u32) -> DateTime<Utc> {
    let time = NaiveTime::from_num_seconds_from_midnight_opt(seconds % 86_400, 0).unwrap();
    Utc.from_utc_datetime(&date.and_time(time))
}

use chrono::Datelike as _;

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, failure_persistence: None, .. ProptestConfig::default() })]

    #[test]
    fn plans_never_panic(
        routine_file in any_routine_file(),
        evening in any_date(),
        zone in any_zone(),
        done in any::<bool>(),
        times in proptest::option::of(any_times()),
    ) {
        let mut journal = Journal::default();
        if done && let Some(step) = routine_file.routine.steps.first() {
            let at = instant(evening, 0).with_timezone(&zone).fixed_offset();
            journal.record(evening, &step.id, CheckIn::new(Outcome::Done, at, None));
        }
        let plan = plan_evening(&routine_file, evening, &zone, journal.evening(evening));
        prop_assert!(plan.steps.windows(2).all(|w| w[0].due <= w[1].due));
        // A past evening laid out with whatever times its record holds, near its date
        // (as the app records them) or not.
        let recorded = Evening {
            times: times.map(|times| match routine_file.routine.steps.first() {
                Some(step) => {
                    let mut near = times.clone();
                    near.steps.insert(step.id.clone(), evening.and_hms_opt(23, 59, 0).unwrap());
                    near
                }
                None => times,
            }),
            ..journal.evening(evening).cloned().unwrap_or_default()
        };
        let past = plan_past_evening(&routine_file, evening, &zone, Some(&recorded));
        prop_assert!(past.steps.windows(2).all(|w| w[0].due <= w[1].due));
        let _ = stats::bedtime_offset_minutes(&routine_file, evening, Some(&recorded), &instant(evening, 0).fixed_offset(), &zone);
        let now = instant(evening, 20 * 3600).with_timezone(&zone);
        let _ = next_reminder(&routine_file, &plan, &ReminderLog::default(), &now);
    }

    #[test]
    fn the_engine_never_panics(
        routine_file in any_routine_file(),
        day in any_date(),
        seconds in any::<u32>(),
        zone in any_zone(),
        steps in 0usize..40,
    ) {
        let now = instant(day, seconds).with_timezone(&zone);
        let mut log = ReminderLog::default();
        let journal = Journal::default();
        // Let the engine run an evening forward, half-minute ticks at a time, settling what
        // it decides as the service would.
        let mut now = now;
        for _ in 0..steps {
            let decision = decide(&routine_file, &journal, &log, &now);
            decision.apply_to(&mut log);
            let Some(next) = now.checked_add_signed(chrono::TimeDelta::seconds(1800)) else { break };
            now = match decision.next_due {
                Some(due) if due > now && due < next => due,
                _ => next,
            };
        }
    }
}

/// Any string, some of them step ids, some of them not.
fn any_id() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec!["warm-bath", "humidity-check", "lights-out", "my-tea"]).prop_map(String::from),
        "\\PC{0,6}",
        Just(String::new()),
        Just("\u{1b}[2J".to_owned()),
    ]
}

fn any_instant() -> impl Strategy<Value = DateTime<chrono::FixedOffset>> {
    (any_date(), any::<u32>(), -86_399i32..86_400).prop_map(|(date, seconds, offset)| {
        let offset = chrono::FixedOffset::east_opt(offset).unwrap();
        instant(date, seconds).with_timezone(&offset)
    })
}

/// Any local time, near or far from any evening.
fn any_local() -> impl Strategy<Value = chrono::NaiveDateTime> {
    (any_date(), any::<u32>()).prop_map(|(date, seconds)| instant(date, seconds).naive_utc())
}

/// Planned times as a damaged or hand-edited file may hold them: any instants, nights the
/// wrong way round, steps days away from their evening, odd ids.
fn any_times() -> impl Strategy<Value = PlannedTimes> {
    (any_instant(), any_local(), any_local(), proptest::collection::btree_map(any_id(), any_local(), 0..4))
        .prop_map(|(at, bedtime, wake, steps)| PlannedTimes { at, bedtime, wake, steps, extra: Default::default() })
}

fn any_evening() -> impl Strategy<Value = Evening> {
    let check = (any::<bool>(), any_instant(), proptest::option::of(any::<f64>()), proptest::option::of(any_instant()))
        .prop_map(|(done, at, value, order)| CheckIn {
            order,
            ..CheckIn::new(if done { Outcome::Done } else { Outcome::Skipped }, at, value)
        });
    let night = (
        proptest::option::of(any_instant()),
        proptest::option::of(any::<u8>()),
        "\\PC{0,8}",
        any::<bool>(),
        proptest::option::of(any_instant()),
    )
        .prop_map(|(at, rested, note, legs, order)| NightLog {
            at,
            order,
            rested,
            note,
            restless_legs: legs,
            ..NightLog::default()
        });
    (
        proptest::collection::btree_map(any_id(), check, 0..4),
        proptest::option::of(night),
        proptest::option::of(proptest::collection::vec(any_id(), 0..6)),
        proptest::option::of("\\PC{0,8}"),
        proptest::option::of(any_times()),
    )
        .prop_map(|(checks, night, routine, extra, times)| {
            let mut evening = Evening { checks, night, routine, times, ..Evening::default() };
            if let Some(extra) = extra {
                evening.extra.insert("weather".into(), serde_json::Value::from(extra));
            }
            evening
        })
}

fn any_journal() -> impl Strategy<Value = Journal> {
    let near = (0i64..10).prop_map(|d| NaiveDate::from_ymd_opt(2026, 11, 20).unwrap() + chrono::Days::new(d as u64));
    proptest::collection::btree_map(prop_oneof![near, any_date()], any_evening(), 0..5)
        .prop_map(|evenings| Journal { evenings, ..Journal::default() })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 500, failure_persistence: None, .. ProptestConfig::default() })]

    /// Whatever two journals hold (odd ids, values, dates, instants, repeated steps), the
    /// check, the merge, its preview and what is computed from the result answer and never
    /// panic; what the check takes merges into a journal the check takes too.
    #[test]
    fn import_checks_and_merges_never_panic(
        ours in any_journal(),
        theirs in any_journal(),
        now in any_instant(),
        routine_file in any_routine_file(),
        zone in any_zone(),
    ) {
        let checked = validate::journal(&theirs, &now);
        let (merged, report) = merge(&ours, &theirs);
        let _ = transfer::preview_text(&report);
        let _ = transfer::render(&merged, &routine_file, true, transfer::ExportFormat::Csv, transfer::DateRange::default(), true);
        if checked.is_ok() && validate::journal(&ours, &now).is_ok() {
            // Statistics go through every day from the first evening: within the kept
            // years (what the check allows), not from the first date chrono knows.
            if let Some(today) = merged.evenings.keys().next_back().copied() {
                let _ = stats::summarize(&routine_file, &merged, today, &zone);
            }
        }
        // Past evenings with whatever times came in, checked or not.
        for (date, evening) in merged.evenings.iter().take(3) {
            let _ = plan_past_evening(&routine_file, *date, &zone, Some(evening));
        }
    }
}

/// A journal the check takes: steps of the catalog and one of the user's, values in
/// range, check-ins made on their evening, night logs the morning after.
fn valid_journal() -> impl Strategy<Value = Journal> {
    let step = prop::sample::select(vec!["warm-bath", "humidity-check", "lights-out", "my-tea"]);
    let check = (step.clone(), any::<bool>(), 0u32..4 * 3600, 0.0f64..=100.0);
    let evening = (
        proptest::collection::vec(check, 0..4),
        proptest::option::of((0u32..3600, proptest::option::of(1u8..=5))),
        proptest::option::of(proptest::collection::btree_set(step, 0..4)),
    );
    proptest::collection::btree_map(0u64..10, evening, 0..6).prop_map(|evenings| {
        let first = NaiveDate::from_ymd_opt(2026, 11, 20).unwrap();
        let mut journal = Journal::default();
        for (day, (checks, night, routine)) in evenings {
            let date = first + chrono::Days::new(day);
            let at = |seconds: u32| instant(date, 20 * 3600 + seconds).fixed_offset();
            for (step, done, seconds, value) in checks {
                let value = (step == "humidity-check").then_some(value);
                let outcome = if done { Outcome::Done } else { Outcome::Skipped };
                journal.record(date, step, CheckIn::new(outcome, at(seconds), value));
            }
            let evening = journal.evenings.entry(date).or_default();
            evening.night = night.map(|(seconds, rested)| NightLog {
                at: Some(at(seconds + 11 * 3600)),
                rested,
                ..NightLog::default()
            });
            evening.routine = routine.map(|steps| steps.into_iter().map(String::from).collect());
            // Times as the app records them: on the evening, stamped by its first check.
            evening.times = evening.checks.values().next().map(|check| PlannedTimes {
                at: check.at,
                bedtime: date.and_hms_opt(22, 30, 0).unwrap(),
                wake: (date + chrono::Days::new(1)).and_hms_opt(7, 0, 0).unwrap(),
                steps: evening.checks.keys().map(|id| (id.clone(), date.and_hms_opt(21, 0, 0).unwrap())).collect(),
                extra: Default::default(),
            });
        }
        journal
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 500, failure_persistence: None, .. ProptestConfig::default() })]

    /// Two journals the check takes merge into one it takes: a merge from another
    /// computer brings in nothing an import would refuse.
    #[test]
    fn merging_what_the_check_takes_gives_what_it_takes(ours in valid_journal(), theirs in valid_journal()) {
        let now = instant(NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(), 12 * 3600).fixed_offset();
        prop_assert_eq!(validate::journal(&ours, &now), Ok(()));
        prop_assert_eq!(validate::journal(&theirs, &now), Ok(()));
        let (merged, _) = merge(&ours, &theirs);
        prop_assert_eq!(validate::journal(&merged, &now), Ok(()));
    }
}

// The journal kept by month (store::months): its file names and its files' bytes.

/// Names a file in `journal/` might have: month files, near misses, anything at all.
fn any_file_name() -> impl Strategy<Value = String> {
    prop_oneof![
        "\\PC{0,16}",
        "[0-9]{4}-[0-9]{2}\\.json",
        "[0-9+-]{3,6}-[0-9]{1,3}\\.json(\\.bak|\\.corrupt-[0-9]{8}|\\.v2\\.bak)?",
        (any::<i32>(), any::<u32>()).prop_map(|(year, month)| format!("{year:04}-{month:02}.json")),
    ]
}

/// A month file's or the pointer's bytes: any bytes, or a document near what this version
/// writes, with odd versions, evenings of other months, repeated keys, the pointer's keys.
fn any_journal_file() -> impl Strategy<Value = Vec<u8>> {
    let version =
        prop::sample::select(vec!["3", "2", "1", "0", "4", "99", "-1", "3.0", "\"3\"", "null", "18446744073709551616"]);
    let evenings = prop::sample::select(vec![
        "{}",
        r#"{"2026-11-26":{"checks":{"lights-out":{"outcome":"done","at":"2026-11-26T22:00:00+01:00"}}}}"#,
        r#"{"2026-10-01":{"checks":{"warm-bath":{"done":true,"at":"2026-10-01T21:00:00+02:00"}}}}"#,
        // Merge-order stamps at the end of chrono's time, and not instants at all.
        r#"{"2026-11-26":{"checks":{"warm-bath":{"outcome":"done","at":"2026-11-26T21:00:00+01:00","order":"+262142-12-31T23:59:59Z"}},"night":{"at":"2026-11-27T07:00:00+01:00","order":"+262142-12-31T23:59:59Z"}}}"#,
        r#"{"2026-11-26":{"checks":{"warm-bath":{"outcome":"done","at":"2026-11-26T21:00:00+01:00","order":7}}}}"#,
        r#"{"2026-11-26":{},"2026-11-26":{}}"#,
        r#"{"0000-01-01":{},"9999-12-31":{"checks":{}}}"#,
        "[1,2]",
        "\"compressed:abc\"",
    ]);
    let extra = prop::sample::select(vec![
        "",
        r#","months_in":"journal""#,
        r#","months_in":7,"note":null"#,
        r#","months_in":"journal","note":"moved","sync":[1]"#,
        r#","schema_version":3"#,
    ]);
    let document = (version.clone(), evenings, extra.clone(), any::<bool>()).prop_map(|(v, e, x, pointer)| {
        if pointer {
            format!(r#"{{"schema_version":{v}{x}}}"#)
        } else {
            format!(r#"{{"schema_version":{v},"evenings":{e}{x}}}"#)
        }
    });
    prop_oneof![
        proptest::collection::vec(any::<u8>(), 0..48),
        document.clone().prop_map(String::into_bytes),
        (document, any::<prop::sample::Index>()).prop_map(|(text, cut)| {
            let bytes = text.into_bytes();
            let at = cut.index(bytes.len() + 1);
            bytes[..at].to_vec()
        }),
    ]
}

/// An error is shown to the user as one sentence.
fn one_sentence(error: &bedtime_coach::store::StoreError) -> Result<(), TestCaseError> {
    let message = error.to_string();
    prop_assert_eq!(message.lines().count(), 1, "{}", message);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, failure_persistence: None, .. ProptestConfig::default() })]

    /// Only one spelling names a month, and it names the first of that month.
    #[test]
    fn month_file_names_never_panic_and_mean_one_month(name in any_file_name()) {
        if let Some(month) = parse_month_file_name(&name) {
            prop_assert_eq!(month.day(), 1);
            prop_assert_eq!(format!("{:04}-{:02}.json", month.year(), month.month()), name);
        }
    }

    /// Every month an evening can be written in (years of four digits) reads back as
    /// that month: no evening lands in a file the loader passes over.
    #[test]
    fn every_month_file_name_reads_back(day in 0i64..3_652_425) {
        let date = NaiveDate::from_ymd_opt(0, 1, 1).unwrap() + chrono::Days::new(day as u64);
        let name = format!("{:04}-{:02}.json", date.year(), date.month());
        prop_assert_eq!(parse_month_file_name(&name), Some(month_of(date)));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, failure_persistence: None, .. ProptestConfig::default() })]

    /// Whatever November's month file, its backup, the pointer and other files in the
    /// folder hold, loading the journal (all of it, or near an evening) and checking a
    /// step that evening answer, each error in one sentence; a check-in that was saved
    /// is there when the journal is loaded again.
    #[test]
    fn journal_files_by_month_never_panic(
        month in proptest::option::of(any_journal_file()),
        backup in proptest::option::of(any_journal_file()),
        pointer in proptest::option::of(any_journal_file()),
        others in proptest::collection::vec((any_file_name(), any_journal_file()), 0..3),
    ) {
        use bedtime_coach::store::{Paths, Store, StoreError};
        let dir = tempfile::tempdir_in("/dev/shm").or_else(|_| tempfile::tempdir()).unwrap();
        let folder = dir.path().join("journal");
        std::fs::create_dir(&folder).unwrap();
        for (name, bytes) in &others {
            // Names no file can have are not what this is about.
            let _ = std::fs::write(folder.join(name), bytes);
        }
        for (name, bytes) in [("2026-11.json", &month), ("2026-11.json.bak", &backup)] {
            if let Some(bytes) = bytes {
                std::fs::write(folder.join(name), bytes).unwrap();
            }
        }
        if let Some(bytes) = &pointer {
            std::fs::write(dir.path().join("journal.json"), bytes).unwrap();
        }
        let store = Store::new(Paths::in_dir(dir.path()));
        if let Err(error) = store.load_journal() {
            one_sentence(&error)?;
        }
        let evening = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
        if let Err(error) = store.load_near(evening..=evening) {
            one_sentence(&error)?;
        }
        let at = DateTime::parse_from_rfc3339("2026-11-26T21:00:00+01:00").unwrap();
        let checked = store.update_evenings(evening..=evening, |journal| {
            journal.record(evening, "warm-bath", CheckIn::new(Outcome::Done, at, None));
            Ok::<_, StoreError>(())
        });
        match checked {
            Ok(_) => {
                let again = Store::new(Paths::in_dir(dir.path()));
                let loaded = again.load_journal();
                prop_assert!(loaded.is_ok(), "{:?}", loaded.err().map(|e| e.to_string()));
                let loaded = loaded.unwrap().value;
                prop_assert!(loaded.check_in(evening, "warm-bath").is_some(), "the saved check-in is there");
            }
            Err(error) => one_sentence(&error)?,
        }
        store.take_notices();
    }
}

// Routine, schedule and settings kept per computer (store::routines): routine.json,
// each computer's routine.DEVICE.json and conflict copies of them.

/// A routine file's bytes: any bytes, or a document near what this version writes, with
/// odd versions, odd stamps and orders, repeated keys.
fn any_routine_bytes() -> impl Strategy<Value = Vec<u8>> {
    let version = prop::sample::select(vec!["2", "1", "0", "3", "-1", "2.0", "\"2\"", "null", "18446744073709551616"]);
    let body = prop::sample::select(vec![
        r#""settings":{"theme":"dark","grace_minutes":4294967295}"#,
        r#""routine":[{"id":"tea","title":"Tea","anchor":{"kind":"before_bedtime","minutes":30},"remind":true}]"#,
        r#""routine":[{"id":"warm-bath","anchor":{"kind":"at","time":"25:00"},"remind":true}]"#,
        r#""bedtime":"22:00","wake":"22:00""#,
        r#""since":"9999-12-31T23:59:59Z","future":{"x":[1]}"#,
        r#""settings":{},"settings":{}"#,
    ]);
    let changes = prop::sample::select(vec![
        "",
        r#","changes":{"fields":{"step.tea":{"at":"2026-12-06T21:00:00Z","by":"0000000000000001"}}}"#,
        r#","changes":{"fields":{"settings.theme":{"at":"+262142-12-31T23:59:59Z"},"":{"at":"x"}},"order":["tea","tea",""]}"#,
        r#","changes":{"fields":{"order":{"at":"2026-12-06T21:00:00Z","by":""}},"order":null}"#,
        r#","changes":[]"#,
    ]);
    let document =
        (version, body, changes).prop_map(|(v, b, c)| format!(r#"{{"schema_version":{v},{b}{c}}}"#).into_bytes());
    prop_oneof![
        proptest::collection::vec(any::<u8>(), 0..48),
        document.clone(),
        (document, any::<prop::sample::Index>()).prop_map(|(bytes, cut)| {
            let at = cut.index(bytes.len() + 1);
            bytes[..at].to_vec()
        }),
    ]
}

/// Names a routine file might have: this computer's, another's, routine.json, their
/// backups and conflict copies, near misses.
fn any_routine_file_name() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("routine.json".to_owned()),
        Just("routine.json.bak".to_owned()),
        Just("routine.00000000000000ff.json".to_owned()),
        Just("routine.00000000000000ff.json.bak".to_owned()),
        Just("routine.sync-conflict-20261206-213005-DESKTOP.json".to_owned()),
        Just("routine (Laptop's conflicted copy 2026-12-06).json".to_owned()),
        Just("routine.00000000000000ff (conflicted copy 2026-12-06 213005).json".to_owned()),
        "routine\\.[a-zA-Z0-9.]{0,34}\\.json",
        "\\PC{0,16}",
    ]
}

// Several computers on one folder (issue 24 part 3): each computer's month file
// `YYYY-MM.DEVICE.json` and sync tools' conflict copies of it.

/// Names a file in `journal/` of a shared folder might have: device ids of any case and
/// length, conflict copies of the three tools (of copies too), near misses.
fn any_device_file_name() -> impl Strategy<Value = String> {
    let device = prop_oneof!["[0-9a-f]{16}", "[0-9A-Za-z]{0,34}", "\\PC{0,6}"];
    let month = prop_oneof![Just("2026-11".to_owned()), "[0-9+-]{4,8}"];
    let copy = prop::sample::select(vec![
        "",
        ".sync-conflict-20261126-221500-ABCDEFG",
        ".sync-conflict-20261126-2215-ABCDEFG",
        ".sync-conflict-20261126-221500-AB.sync-conflict-20261127-221500-CD",
        " (Laptop's conflicted copy 2026-11-26)",
        " (conflicted copy 2026-11-26 221500) (Laptop's conflicted copy 2026-11-27 (1))",
        "_conflict-20261126-221500",
        " (conflicted copy",
        ")",
    ]);
    let extension = prop::sample::select(vec![".json", ".json.bak", ".JSON", "", ".json.tmp"]);
    prop_oneof![(month, device, copy, extension).prop_map(|(m, d, c, e)| format!("{m}.{d}{c}{e}")), "\\PC{0,40}",]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, failure_persistence: None, .. ProptestConfig::default() })]

    /// A device's month file name means one month and one writer, and is the only
    /// spelling of them; a conflict copy's original is a shorter name, never a copy.
    #[test]
    fn device_file_names_never_panic_and_mean_one_file(name in any_device_file_name()) {
        if let Some((month, writer)) = parse_month_file(&name) {
            prop_assert_eq!(month.day(), 1);
            let spelled = match &writer {
                Writer::Format3 => format!("{:04}-{:02}.json", month.year(), month.month()),
                Writer::Device(device) => format!("{:04}-{:02}.{device}.json", month.year(), month.month()),
            };
            prop_assert_eq!(spelled, name.clone());
        }
        if let Some(original) = conflict_original(&name) {
            prop_assert!(original.len() < name.len(), "{} from {}", original, name);
            prop_assert_eq!(conflict_original(&original), None);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, failure_persistence: None, .. ProptestConfig::default() })]

    /// Whatever other computers' month files and conflict copies are called and hold,
    /// this computer's journal loads, takes a check-in and keeps it; no other computer's
    /// file is written; each error is one sentence.
    #[test]
    fn several_computers_files_never_panic(
        others in proptest::collection::vec((any_device_file_name(), any_journal_file()), 0..4),
        own in proptest::option::of(any_journal_file()),
    ) {
        use bedtime_coach::store::{Paths, Store, StoreError};
        let data = tempfile::tempdir_in("/dev/shm").or_else(|_| tempfile::tempdir()).unwrap();
        let state = tempfile::tempdir_in("/dev/shm").or_else(|_| tempfile::tempdir()).unwrap();
        let store = Store::new(Paths::with_state(data.path(), state.path()));
        let id = store.device_id().unwrap();
        let folder = data.path().join("journal");
        std::fs::create_dir(&folder).unwrap();
        let mut written = Vec::new();
        for (name, bytes) in &others {
            if name.contains(id.as_str()) || std::fs::write(folder.join(name), bytes).is_err() {
                continue;
            }
            written.push((name.clone(), bytes.clone()));
        }
        if let Some(bytes) = &own {
            std::fs::write(folder.join(format!("2026-11.{id}.json")), bytes).unwrap();
        }
        if let Err(error) = store.load_journal() {
            one_sentence(&error)?;
        }
        let evening = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
        let at = DateTime::parse_from_rfc3339("2026-11-26T21:00:00+01:00").unwrap();
        let checked = store.dated(Some(at), || store.update_evenings(evening..=evening, |journal| {
            journal.record(evening, "warm-bath", CheckIn::new(Outcome::Done, at, None));
            Ok::<_, StoreError>(())
        }));
        match checked {
            Ok(_) => {
                let again = Store::new(Paths::with_state(data.path(), state.path()));
                let loaded = again.load_journal();
                prop_assert!(loaded.is_ok(), "{:?}", loaded.err().map(|e| e.to_string()));
                prop_assert!(loaded.unwrap().value.check_in(evening, "warm-bath").is_some(), "the saved check-in is there");
            }
            Err(error) => one_sentence(&error)?,
        }
        for (name, bytes) in &written {
            let path = folder.join(name);
            // Conflict copies are moved out once merged; everything else is as it was.
            // (Format 3's files, shared by every computer, are repaired like this one's.)
            let format3 = matches!(parse_month_file(name), Some((_, Writer::Format3)));
            if conflict_original(name).is_none() && !name.ends_with(".bak") && !format3 {
                prop_assert_eq!(&std::fs::read(&path).unwrap_or_default(), bytes, "{} untouched", name);
            }
        }
        store.take_notices();
    }
}

// The computers sharing a data folder (model::computers, store::computers): names and
// forgettings from every computer's file, and who wrote when.

/// A computer's file of names as another computer may have written it.
fn any_names() -> impl Strategy<Value = bedtime_coach::model::computers::ComputerNames> {
    use bedtime_coach::model::computers::{ComputerNames, Named};
    let device = prop::sample::select(vec!["0000000000000aaa", "0000000000000bbb", "0000000000000ccc", ""]);
    let name = prop_oneof!["\\PC{0,8}", Just(String::new()), Just("x".repeat(200)), Just("a\nb".to_owned())];
    (
        proptest::option::of("\\PC{0,8}"),
        proptest::collection::vec((device.clone(), name, any_instant()), 0..4),
        proptest::collection::vec((device, any_instant()), 0..3),
    )
        .prop_map(|(host, names, forgotten)| ComputerNames {
            host,
            names: names.into_iter().map(|(d, name, at)| (d.to_owned(), Named { name, at })).collect(),
            forgotten: forgotten.into_iter().map(|(d, at)| (d.to_owned(), at)).collect(),
            extra: Default::default(),
        })
}

/// A computers file's bytes: any bytes, or a document near what this version writes.
fn any_names_file() -> impl Strategy<Value = Vec<u8>> {
    let version = prop::sample::select(vec!["1", "0", "2", "99", "\"1\"", "null"]);
    let body = prop::sample::select(vec![
        "",
        r#","names":{"0000000000000bbb":{"name":"Desk","at":"2026-12-05T22:00:00+01:00"}}"#,
        r#","names":{"0000000000000bbb":{"name":"Desk"}}"#,
        r#","forgotten":{"0000000000000bbb":"2026-12-05T22:00:00+01:00"}"#,
        r#","forgotten":{"0000000000000bbb":7},"host":"x""#,
        r#","names":[],"forgotten":{}"#,
    ]);
    prop_oneof![
        proptest::collection::vec(any::<u8>(), 0..48),
        (version, body).prop_map(|(v, b)| format!(r#"{{"schema_version":{v}{b}}}"#).into_bytes()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, failure_persistence: None, .. ProptestConfig::default() })]

    /// Whatever this computer's routine file, another computer's, routine.json and any
    /// copies hold, loading, peeking at the settings and changing a setting answer, each
    /// error in one sentence; a change that was saved is there when read again.
    #[test]
    fn routine_files_of_several_computers_never_panic(
        own in proptest::option::of(any_routine_bytes()),
        shared in proptest::option::of(any_routine_bytes()),
        others in proptest::collection::vec((any_routine_file_name(), any_routine_bytes()), 0..4),
    ) {
        use bedtime_coach::store::{Paths, Store, StoreError};
        let dir = tempfile::tempdir_in("/dev/shm").or_else(|_| tempfile::tempdir()).unwrap();
        let state = tempfile::tempdir_in("/dev/shm").or_else(|_| tempfile::tempdir()).unwrap();
        std::fs::write(state.path().join("device-id"), "0000000000000001\n").unwrap();
        for (name, bytes) in &others {
            let _ = std::fs::write(dir.path().join(name), bytes);
        }
        for (name, bytes) in [("routine.0000000000000001.json", &own), ("routine.json", &shared)] {
            if let Some(bytes) = bytes {
                std::fs::write(dir.path().join(name), bytes).unwrap();
            }
        }
        let store = Store::new(Paths::with_state(dir.path(), state.path()));
        let _ = store.peek_settings();
        if let Err(error) = store.load_routine_file() {
            one_sentence(&error)?;
        }
        let changed = store.update_routine_file(|file| {
            file.settings.snooze_minutes = 17;
            Ok::<_, StoreError>(())
        });
        match changed {
            Ok(_) => {
                let again = Store::new(Paths::with_state(dir.path(), state.path()));
                let loaded = again.load_routine_file();
                prop_assert!(loaded.is_ok(), "{:?}", loaded.err().map(|e| e.to_string()));
                prop_assert_eq!(loaded.unwrap().value.settings.snooze_minutes, 17, "the change is there");
                prop_assert_eq!(again.peek_settings().map(|settings| settings.snooze_minutes), Some(17));
            }
            Err(error) => one_sentence(&error)?,
        }
        store.take_notices();
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 500, failure_persistence: None, .. ProptestConfig::default() })]

    /// Merging every computer's file gives one answer whatever order they are read in,
    /// and the list never panics and always starts with this computer.
    #[test]
    fn merging_computers_files_is_order_free_and_never_panics(
        files in proptest::collection::vec(any_names(), 0..4),
        wrote in proptest::collection::vec((0usize..3, any_instant()), 0..4),
    ) {
        use bedtime_coach::model::computers::{listed, merge_names};
        let writers = ["0000000000000aaa", "0000000000000bbb", "0000000000000ccc", "0000000000000ddd"];
        let named: Vec<(&str, &_)> = writers.iter().copied().zip(files.iter()).collect();
        let forwards = merge_names(named.iter().copied());
        let backwards = merge_names(named.iter().rev().copied());
        prop_assert_eq!(&forwards, &backwards);
        let wrote = wrote.into_iter().map(|(i, at)| (writers[i].to_owned(), at.with_timezone(&Utc))).collect();
        let list = listed(&forwards, &Default::default(), &wrote, writers[0]);
        prop_assert!(list[0].this);
        for computer in &list {
            if let Some(name) = &computer.name {
                prop_assert!(bedtime_coach::model::computers::clean_name(name).as_deref() == Ok(name.as_str()));
            }
        }
    }

    /// Whatever the computers' files hold, reading them, naming a computer and forgetting
    /// one answer, each error in one sentence; a name that was saved reads back.
    #[test]
    fn computers_files_never_panic(
        own in proptest::option::of(any_names_file()),
        other in proptest::option::of(any_names_file()),
        names in proptest::collection::vec(any_file_name(), 0..3),
    ) {
        use bedtime_coach::store::{Paths, Store};
        use bedtime_coach::use_cases::{Change, Coach};
        let dir = tempfile::tempdir_in("/dev/shm").or_else(|_| tempfile::tempdir()).unwrap();
        let paths = Paths::with_state(dir.path().join("data"), dir.path().join("state"));
        let this = Store::new(paths.clone()).device_id().unwrap().to_string();
        let folder = paths.data_dir.join("computers");
        let months = paths.data_dir.join("journal");
        std::fs::create_dir_all(&folder).unwrap();
        std::fs::create_dir_all(&months).unwrap();
        for name in &names {
            let _ = std::fs::write(months.join(name), b"{}");
        }
        for (device, bytes) in [(this.as_str(), &own), ("0000000000000bbb", &other)] {
            if let Some(bytes) = bytes {
                std::fs::write(folder.join(format!("{device}.json")), bytes).unwrap();
            }
        }
        let coach = Coach::at(paths.clone());
        match coach.computers() {
            Ok(list) => prop_assert!(list.first().is_some_and(|computer| computer.this)),
            Err(error) => one_sentence(&error)?,
        }
        let at = DateTime::parse_from_rfc3339("2026-12-05T22:14:00+01:00").unwrap();
        let rename = Change::NameComputer { device: "0000000000000bbb".into(), name: "Study".into(), at };
        match coach.apply(rename) {
            Ok(_) => {
                let seen = Store::new(paths.clone()).computers();
                prop_assert!(seen.is_ok());
                let seen = seen.unwrap();
                prop_assert_eq!(seen.names.name_of("0000000000000bbb"), Some("Study"));
            }
            Err(error) => prop_assert_eq!(error.to_string().lines().count(), 1),
        }
        if let Err(error) = coach.apply(Change::ForgetComputer { device: "0000000000000bbb".into(), at }) {
            prop_assert_eq!(error.to_string().lines().count(), 1);
        }
        coach.take_notices();
    }
}
