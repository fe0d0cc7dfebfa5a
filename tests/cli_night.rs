//! The night log through the store (the shared `Change`s) and through the command line.

use bedtime_coach::model::{Jerks, NightAnswer, NightLog, Stress};
use bedtime_coach::store::{Paths, Store};
use bedtime_coach::use_cases::{Applied, Change};
use chrono::{DateTime, FixedOffset};

mod support;

use support::date;

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
    // The same answers; ordered just after their removal, so that a computer that synced
    // the removal meanwhile takes them back too (see `model::removals`).
    let back = night(&store).unwrap();
    let kept = kept.unwrap();
    assert_eq!(NightLog { order: None, ..back.clone() }, kept, "the same answers, shown at the same time");
    assert!(back.order() > kept.order(), "{back:?}");
}

use bedtime_coach::cli::{Cli, CliCommand, run_at};
use chrono::TimeZone;
use chrono_tz::Europe::Berlin;
use clap::Parser;
use support::{bin, output, run};

fn night_json(dir: &std::path::Path, date: &str) -> serde_json::Value {
    run(dir, &["night", "--date", date, "--json"]).ok().json()
}

#[test]
fn night_answers_round_trip_through_the_command_line_and_the_store() {
    let dir = tempfile::tempdir().unwrap();
    let none = run(dir.path(), &["night", "--date", "2026-11-26"]).ok().stdout();
    let (first, rest) = none.trim().split_once("\n\n").unwrap();
    assert_eq!(first, "No night log for the night after Thu 26 Nov.");
    assert!(rest.starts_with("Seek urgent care at once"), "only the urgent signs follow: {none}");
    assert_eq!(night_json(dir.path(), "2026-11-26")["log"], serde_json::Value::Null);

    let saved = run(
        dir.path(),
        &[
            "night",
            "--date",
            "2026-11-26",
            "--twitches",
            "many",
            "--jolt",
            "--daytime",
            "--rested",
            "2",
            "--stress",
            "high",
            "--note",
            "coffee at 17:00",
        ],
    )
    .ok()
    .stdout();
    assert!(saved.starts_with("Saved the night after Thu 26 Nov."), "{saved}");
    assert!(
        saved.contains("Twitches while falling asleep: many") && saved.contains("Woke up from a jolt: yes"),
        "{saved}"
    );
    assert!(saved.contains("How rested: 2 of 5") && saved.contains("Note: coffee at 17:00"), "{saved}");

    // What the store holds is what was asked, and what --json prints.
    let store = Store::new(Paths::in_dir(dir.path()));
    let log = night(&store).unwrap();
    assert_eq!(log.falling_asleep, Some(Jerks::Many));
    assert!(log.woke_from_jolt && log.twitch_daytime && !log.twitch_all_night);
    assert_eq!((log.rested, log.stress, log.note.as_str()), (Some(2), Some(Stress::High), "coffee at 17:00"));
    assert_eq!(log.at.unwrap().timestamp_subsec_nanos(), 0, "recorded in whole seconds");
    let json = night_json(dir.path(), "2026-11-26");
    assert_eq!(json["evening"], "2026-11-26");
    assert_eq!(json["log"], serde_json::to_value(&log).unwrap());
    assert_eq!(json["log"]["stress"], "high");

    // Editing: a flag set back to no, one answer changed, the rest kept.
    run(dir.path(), &["night", "--date", "2026-11-26", "--jolt=no", "--daytime=false", "--rested", "3"]).ok();
    let edited = night(&store).unwrap();
    assert!(!edited.woke_from_jolt && !edited.twitch_daytime);
    assert_eq!((edited.rested, edited.falling_asleep), (Some(3), Some(Jerks::Many)));
    // The same again: nothing changed, and it says so.
    let same = run(dir.path(), &["night", "--date", "2026-11-26", "--rested", "3"]).ok().stdout();
    assert!(same.contains("nothing changed"), "{same}");

    // A quiet night in one option keeps how rested, stress and the note.
    run(dir.path(), &["night", "--date", "2026-11-26", "--quiet-night"]).ok();
    let quiet = night(&store).unwrap();
    assert_eq!(quiet.falling_asleep, Some(Jerks::None));
    assert!(!quiet.has_warning_sign() && !quiet.woke_from_jolt);
    assert_eq!((quiet.rested, quiet.note.as_str()), (Some(3), "coffee at 17:00"));

    // Removed.
    let gone = run(dir.path(), &["night", "--date", "2026-11-26", "--forget"]).ok().stdout();
    assert!(gone.contains("Removed"), "{gone}");
    assert_eq!(night(&store), None);
}

#[test]
fn bad_answers_are_refused_with_a_sentence() {
    let dir = tempfile::tempdir().unwrap();
    let usage = run(dir.path(), &["night", "--rested", "6"]);
    assert_eq!(usage.code(), 2, "{}", usage.stderr());
    let usage = run(dir.path(), &["night", "--twitches", "lots"]);
    assert_eq!(usage.code(), 2);
    let usage = run(dir.path(), &["night", "--forget", "--jolt"]);
    assert_eq!(usage.code(), 2);
    let long = "z".repeat(401);
    let refused = run(dir.path(), &["night", "--date", "2026-11-26", "--note", &long]);
    assert_eq!(refused.code(), 1);
    assert_eq!(refused.stderr().trim(), "A night's note can be at most 400 characters; this one has 401.");
    assert!(!dir.path().join("journal.json").exists(), "nothing was written");
}

/// The text's last paragraph: the urgent signs, once, at the end.
fn assert_urgent_line_ends(text: &str) {
    let last = text.trim_end().rsplit("\n\n").next().unwrap();
    assert!(last.starts_with("Seek urgent care at once") && last.contains("sudden paralysis while awake"), "{text}");
    assert!(last.contains("General guidance, beyond the article: the same goes for a convulsive seizure (a fit)"));
    assert_eq!(text.matches("Seek urgent care").count(), 1, "{text}");
}

#[test]
fn warnings_and_the_reassurance_come_with_the_log() {
    let dir = tempfile::tempdir().unwrap();
    for day in ["2026-11-20", "2026-11-22"] {
        run(dir.path(), &["night", "--date", day, "--twitches", "few"]).ok();
    }
    // Two nights are not yet "now and then": no reassurance, but the sentence that no sign
    // was logged, in the JSON as in the text.
    let two = night_json(dir.path(), "2026-11-22");
    assert_eq!((&two["only_harmless_jerks"], &two["nothing_logged"]), (&false.into(), &true.into()));
    assert!(two["nothing_logged_text"].as_str().unwrap().starts_with("None of the signs"), "{two}");
    run(dir.path(), &["night", "--date", "2026-11-21", "--twitches", "none"]).ok();
    let calm = night_json(dir.path(), "2026-11-22");
    assert_eq!(calm["warnings"], serde_json::json!([]));
    assert_eq!(calm["below_threshold"], serde_json::json!([]));
    assert_eq!((&calm["only_harmless_jerks"], &calm["nothing_logged"]), (&true.into(), &true.into()));
    assert!(calm["reassurance"]["text"].as_str().unwrap().starts_with("In the last four weeks"), "{calm}");
    assert_eq!(calm["nothing_logged_text"], serde_json::Value::Null);
    assert!(calm["urgent"].as_str().unwrap().contains("sudden fainting"), "{calm}");
    let text = run(dir.path(), &["night", "--date", "2026-11-22"]).ok().stdout();
    assert!(text.contains("Jerks while falling asleep") && text.contains("normal"), "{text}");
    assert!(!text.contains("was logged in the last four weeks"), "the reassurance says it in its own words: {text}");
    assert_urgent_line_ends(&text);

    // One night of twitching through the night: a card at once, with the rested score and
    // the stronger doctor line; no reassurance and no "nothing".
    run(dir.path(), &["night", "--date", "2026-11-23", "--all-night", "--rested", "2"]).ok();
    let json = night_json(dir.path(), "2026-11-23");
    let warnings = json["warnings"].as_array().unwrap();
    assert_eq!(warnings.len(), 1, "{json}");
    assert_eq!(
        (&warnings[0]["kind"], &warnings[0]["nights"]),
        (&"all_night".into(), &serde_json::json!(["2026-11-23"]))
    );
    assert!(warnings[0]["doctor"].as_str().unwrap().starts_with("Do not put off showing these notes"), "{json}");
    assert_eq!(warnings[0]["rested_text"], "On those nights you rated how rested you felt 2 out of 5.");
    assert_eq!((&json["only_harmless_jerks"], &json["nothing_logged"]), (&false.into(), &false.into()));
    assert_eq!(json["reassurance"], serde_json::Value::Null);
    let text = run(dir.path(), &["night", "--date", "2026-11-23"]).ok().stdout();
    assert!(text.contains("Twitching through the night\n") && !text.contains("several nights"), "{text}");
    assert!(text.contains("You logged twitching through the night on 1 night: Mon 23 Nov."), "{text}");
    assert!(!text.contains("Jerks while falling asleep\n") && !text.contains("None of the signs"), "{text}");
    assert_urgent_line_ends(&text);

    // The evening before it, shown later: the later night keeps it from reassuring (issue
    // 18's review, item 1), in the text and the JSON.
    let before = night_json(dir.path(), "2026-11-22");
    assert_eq!((&before["only_harmless_jerks"], &before["nothing_logged"]), (&false.into(), &false.into()));
    assert_eq!(before["later"], serde_json::json!(["2026-11-23"]));
    let text = run(dir.path(), &["night", "--date", "2026-11-22"]).ok().stdout();
    assert!(text.contains("After this evening, signs were logged on 1 more night: Mon 23 Nov."), "{text}");
    assert!(!text.contains("Jerks while falling asleep\n") && !text.contains("None of the signs"), "{text}");
    let old = run(dir.path(), &["night", "--date", "2026-09-01", "--twitches", "few"]).ok().stdout();
    assert!(!old.contains("Jerks while falling asleep") && old.contains("1 more night"), "{old}");

    // Six weeks later the night has left the four weeks, not the twelve: still a card,
    // "not in these four weeks, but".
    let json = night_json(dir.path(), "2027-01-04");
    assert_eq!(json["warnings"][0]["earlier"], serde_json::json!(["2026-11-23"]), "{json}");
    assert_eq!(json["warnings"][0]["nights"], serde_json::json!([]), "{json}");
    assert!(
        json["warnings"][0]["seen"].as_str().unwrap().starts_with("Not in these four weeks, but logged on 1 night")
    );

    // Quiet nights only: "none was logged", and only then.
    let quiet = tempfile::tempdir().unwrap();
    run(quiet.path(), &["night", "--date", "2026-11-22", "--quiet-night"]).ok();
    let text = run(quiet.path(), &["night", "--date", "2026-11-22"]).ok().stdout();
    assert!(text.contains("None of the signs the article asks a doctor to see was logged in the last four weeks."));
    assert_urgent_line_ends(&text);
    // No night at all: not "nothing logged" in the JSON either.
    let empty = tempfile::tempdir().unwrap();
    let json = night_json(empty.path(), "2026-11-22");
    assert_eq!((&json["nothing_logged"], &json["logged_nights"]), (&false.into(), &0.into()));

    let ru = output(bin(dir.path()).env("LANG", "ru_RU.UTF-8").args(["night", "--date", "2026-11-23"])).ok().stdout();
    assert!(ru.contains("Подёргивания всю ночь\n") && !ru.contains("не одну ночь"), "{ru}");
    assert!(ru.contains("Не откладывайте") && ru.contains("В эти ночи вы оценили свой отдых на 2 из 5."), "{ru}");
    let last = ru.trim_end().rsplit("\n\n").next().unwrap();
    assert!(last.starts_with("При внезапном обмороке") && last.contains("во время бодрствования"), "{ru}");
    assert!(last.contains("Общая рекомендация, не из статьи: то же при судорожном приступе"), "{ru}");
    let ru = output(bin(dir.path()).env("LANG", "ru_RU.UTF-8").args(["night", "--date", "2026-11-22"])).ok().stdout();
    assert!(ru.contains("После этого вечера признаки отмечены ещё в 1 ночь: пн, 23 ноября."), "{ru}");
    assert!(!ru.contains("Вздрагивания при засыпании\n"), "{ru}");
}

#[test]
fn daytime_twitches_every_fortnight_become_a_card() {
    // The review's slow pattern: every 14 days from the 4th of October, stress low,
    // rested 2. Four weeks never hold three; twelve weeks do.
    let dir = tempfile::tempdir().unwrap();
    for day in ["2026-10-04", "2026-10-18", "2026-11-01", "2026-11-15", "2026-11-29"] {
        run(dir.path(), &["night", "--date", day, "--daytime", "--stress", "low", "--rested", "2"]).ok();
    }
    let json = night_json(dir.path(), "2026-11-29");
    assert_eq!(json["warnings"][0]["kind"], "daytime", "{json}");
    assert_eq!(json["warnings"][0]["earlier"], serde_json::json!(["2026-10-04", "2026-10-18", "2026-11-01"]));
    let text = run(dir.path(), &["night", "--date", "2026-11-29"]).ok().stdout();
    let earlier = "Also logged on 3 earlier nights within 12 weeks: Sun 4 Oct, Sun 18 Oct and Sun 1 Nov.";
    assert!(text.contains(earlier), "{text}");
    // Between two of them, with only two days in sight, the sighting says how far apart.
    let json = night_json(dir.path(), "2026-10-20");
    assert!(
        json["below_threshold"][0]["text"].as_str().unwrap().ends_with("(so far: 2 times, 14 days apart)."),
        "{json}"
    );
}

#[test]
fn last_night_is_the_default_date() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(Paths::in_dir(dir.path()));
    let parse = |args: &[&str]| match Cli::try_parse_from(args).unwrap().command {
        Some(command @ CliCommand::Night(_)) => command,
        other => panic!("{other:?}"),
    };
    // 07:10 on the 27th, after a 06:30 alarm: the night after the 26th.
    let morning = Berlin.with_ymd_and_hms(2026, 11, 27, 7, 10, 0).unwrap();
    let coach = bedtime_coach::use_cases::Coach::at(Paths::in_dir(dir.path()));
    let text = run_at(parse(&["bedtime-coach", "night", "--twitches", "none"]), &coach, &morning).unwrap();
    assert!(text.starts_with("Saved the night after Thu 26 Nov."), "{text}");
    assert_eq!(night(&store).unwrap().at, Some(at("2026-11-27T07:10:00+01:00")));
    // At 03:00 the next night (after the 27th's bedtime), "last night" is the 27th's.
    let small_hours = Berlin.with_ymd_and_hms(2026, 11, 28, 3, 0, 0).unwrap();
    let text = run_at(parse(&["bedtime-coach", "night"]), &coach, &small_hours).unwrap();
    assert!(text.starts_with("No night log for the night after Fri 27 Nov.\n\n"), "{text}");
}

#[test]
fn an_old_journal_with_boolean_night_logs_still_loads() {
    let dir = tempfile::tempdir().unwrap();
    let old = r#"{"schema_version":2,"evenings":{"2026-11-26":{"checks":{},"night":{"twitch_falling_asleep":true,"twitch_all_night":false,"restless_legs":true,"note":"old","mood":"ok"}}}}"#;
    std::fs::write(dir.path().join("journal.json"), old).unwrap();
    let json = night_json(dir.path(), "2026-11-26");
    assert_eq!(json["log"]["falling_asleep"], "few");
    assert_eq!(json["log"]["restless_legs"], true);
    assert_eq!(json["log"]["mood"], "ok", "unknown fields kept");
    // Saving rewrites it in the new shape, keeping the unknown field.
    run(dir.path(), &["night", "--date", "2026-11-26", "--rested", "4"]).ok();
    let saved: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(support::own_month(dir.path(), "2026-11.json")).unwrap())
            .unwrap();
    let night = &saved["evenings"]["2026-11-26"]["night"];
    assert_eq!(night["falling_asleep"], "few");
    assert_eq!(night["mood"], "ok");
    assert!(night.get("twitch_falling_asleep").is_none(), "{night}");
}
