//! The command line as a user or a script meets it: the real binary, a temporary
//! `--data-dir`, fixed dates and `TZ` zones.

use serde_json::Value;

mod support;

use support::run;

fn step<'a>(plan: &'a Value, id: &str) -> &'a Value {
    plan.as_array().unwrap().iter().find(|s| s["id"] == id).unwrap_or_else(|| panic!("{id} not in {plan}"))
}

/// Unix only: the zone comes from `TZ` there; Windows takes it from the system (chrono reads no `TZ`).
#[test]
#[cfg(unix)]
fn fresh_folder_shows_the_default_routine() {
    let dir = tempfile::tempdir().unwrap();
    let text = run(dir.path(), &["plan", "--date", "2026-11-26"]).ok().stdout();
    assert!(text.contains("default routine"), "{text}");
    assert!(text.contains("Warm bath"));
    let plan = run(dir.path(), &["plan", "--date", "2026-11-26", "--json"]).ok().json();
    let steps = plan.as_array().unwrap();
    assert_eq!(steps.len(), 13);
    for s in steps {
        for key in ["id", "title", "due", "remind", "state"] {
            assert!(s.get(key).is_some(), "{key} missing in {s}");
        }
        assert_eq!(s["state"], "pending");
    }
    assert_eq!(step(&plan, "caffeine-cutoff")["due"], "2026-11-26T16:30:00+01:00");
    assert_eq!(step(&plan, "lights-out")["due"], "2026-11-26T22:30:00+01:00");
    assert_eq!(step(&plan, "warm-bath")["remind"], true);
    // Reading does not write a routine file, and nothing is reminded before one is saved.
    assert!(!dir.path().join("routine.json").exists());
    assert!(run(dir.path(), &["status"]).ok().stdout().contains("No routine is saved yet"));
    assert_eq!(run(dir.path(), &["status", "--json"]).ok().json()["next_reminder"], Value::Null);
}

/// Unix only: the zone comes from `TZ` there; Windows takes it from the system (chrono reads no `TZ`).
#[test]
#[cfg(unix)]
fn plans_follow_the_time_zone_and_season() {
    let dir = tempfile::tempdir().unwrap();
    let ny = support::run_tz(dir.path(), "America/New_York", &["plan", "--date", "2026-07-01", "--json"]).ok().json();
    assert_eq!(step(&ny, "warm-bath")["due"], "2026-07-01T21:00:00-04:00");
    assert_eq!(ny.as_array().unwrap().len(), 12, "no warm-hands-feet in a northern July");
    let lord_howe =
        support::run_tz(dir.path(), "Australia/Lord_Howe", &["plan", "--date", "2026-11-26", "--json"]).ok().json();
    assert_eq!(step(&lord_howe, "lights-out")["due"], "2026-11-26T22:30:00+11:00");
    // Spring forward in New York: a 02:30 bedtime becomes 03:00.
    run(dir.path(), &["schedule", "--bedtime", "02:30", "--wake", "10:30"]).ok();
    let gap = support::run_tz(dir.path(), "America/New_York", &["plan", "--date", "2026-03-07", "--json"]).ok().json();
    assert_eq!(step(&gap, "lights-out")["due"], "2026-03-08T03:00:00-04:00");
    // Fall back in Berlin: the earlier 02:30.
    let fold = run(dir.path(), &["plan", "--date", "2026-10-24", "--json"]).ok().json();
    assert_eq!(step(&fold, "lights-out")["due"], "2026-10-25T02:30:00+02:00");
}

#[test]
fn check_skip_value_and_undo() {
    let dir = tempfile::tempdir().unwrap();
    let d = ["--date", "2026-11-20"];
    run(dir.path(), &[&["check", "warm-bath"][..], &d].concat()).ok();
    run(dir.path(), &[&["check", "calm-ambience", "--skip"][..], &d].concat()).ok();
    let out = run(dir.path(), &[&["check", "humidity-check", "--value", "35"][..], &d].concat()).ok().stdout();
    assert!(out.contains("humidifier"), "{out}");
    let plan = run(dir.path(), &["plan", "--date", "2026-11-20", "--json"]).ok().json();
    assert_eq!(step(&plan, "warm-bath")["state"], "done");
    assert_eq!(step(&plan, "calm-ambience")["state"], "skipped");
    assert_eq!(step(&plan, "humidity-check")["value"], 35.0);
    run(dir.path(), &[&["check", "warm-bath", "--undo"][..], &d].concat()).ok();
    let plan = run(dir.path(), &["plan", "--date", "2026-11-20", "--json"]).ok().json();
    assert_eq!(step(&plan, "warm-bath")["state"], "pending");
    // Tonight by default: status sees a check made without --date.
    let other = tempfile::tempdir().unwrap();
    run(other.path(), &["check", "lights-out"]).ok();
    let status = run(other.path(), &["status", "--json"]).ok().json();
    assert_eq!(status["done"], 1);
    assert_eq!(step(&status["steps"], "lights-out")["state"], "done");
}

#[test]
fn mistakes_get_one_clear_sentence_and_the_right_exit_code() {
    let dir = tempfile::tempdir().unwrap();
    let unknown = run(dir.path(), &["check", "nap"]);
    assert_eq!(unknown.code(), 1);
    assert!(unknown.stderr().contains("no step \"nap\""), "{}", unknown.stderr());
    assert_eq!(unknown.stderr().trim().lines().count(), 1);
    let bad_value = run(dir.path(), &["check", "humidity-check", "--value", "140"]);
    assert_eq!(bad_value.code(), 1);
    assert!(bad_value.stderr().contains("0 to 100"));
    let bad_time = run(dir.path(), &["schedule", "--bedtime", "25:00"]);
    assert_eq!(bad_time.code(), 2);
    assert!(bad_time.stderr().contains("not a clock time"), "{}", bad_time.stderr());
    assert_eq!(run(dir.path(), &["routine", "set", "warm-bath", "--before", "10", "--at", "20:00"]).code(), 2);
    assert_eq!(run(dir.path(), &["frobnicate"]).code(), 2);
    for args in [&["plan", "--help"][..], &["check", "--help"], &["routine", "set", "--help"], &["schedule", "--help"]]
    {
        assert_eq!(run(dir.path(), args).code(), 0);
    }
    assert!(!dir.path().join("journal.json").exists(), "failed commands write nothing");
}

/// Unix only: the zone comes from `TZ` there; Windows takes it from the system (chrono reads no `TZ`).
#[test]
#[cfg(unix)]
fn routine_edits_move_the_plan() {
    let dir = tempfile::tempdir().unwrap();
    run(dir.path(), &["routine", "set", "warm-bath", "--before", "120", "--remind", "off"]).ok();
    let plan = run(dir.path(), &["plan", "--date", "2026-11-26", "--json"]).ok().json();
    assert_eq!(step(&plan, "warm-bath")["due"], "2026-11-26T20:30:00+01:00");
    assert_eq!(step(&plan, "warm-bath")["remind"], false);
    run(dir.path(), &["routine", "set", "caffeine-cutoff", "--at", "14:00"]).ok();
    run(dir.path(), &["routine", "add", "evening-walk", "--title", "Evening walk", "--before", "150"]).ok();
    run(dir.path(), &["routine", "remove", "set-alarm"]).ok();
    let plan = run(dir.path(), &["plan", "--date", "2026-11-26", "--json"]).ok().json();
    assert_eq!(step(&plan, "caffeine-cutoff")["due"], "2026-11-26T14:00:00+01:00");
    assert_eq!(step(&plan, "evening-walk")["title"], "Evening walk");
    assert!(plan.as_array().unwrap().iter().all(|s| s["id"] != "set-alarm"));
    assert_eq!(run(dir.path(), &["routine", "add", "warm-bath"]).code(), 1);
    assert_eq!(run(dir.path(), &["routine", "add", "Bad Id"]).code(), 1);
    let list = run(dir.path(), &["routine", "list", "--json"]).ok().json();
    assert_eq!(list.as_array().unwrap().last().unwrap()["id"], "evening-walk");
    run(dir.path(), &["routine", "set", "evening-walk", "--position", "1", "--enabled", "off"]).ok();
    let list = run(dir.path(), &["routine", "list", "--json"]).ok().json();
    assert_eq!(list[0]["id"], "evening-walk");
    assert_eq!(list[0]["enabled"], false);
    // A bedtime after midnight keeps the afternoon cut-off on the same evening.
    let text = run(dir.path(), &["schedule", "--bedtime", "00:30", "--wake", "08:30"]).ok().stdout();
    assert!(text.contains("8 h"), "{text}");
    let plan = run(dir.path(), &["plan", "--date", "2026-11-26", "--json"]).ok().json();
    assert_eq!(step(&plan, "lights-out")["due"], "2026-11-27T00:30:00+01:00");
    assert_eq!(step(&plan, "caffeine-cutoff")["due"], "2026-11-26T14:00:00+01:00");
    let short =
        run(dir.path(), &["schedule", "--bedtime", "23:30", "--wake", "06:00", "--days", "fri,sat"]).ok().stdout();
    assert!(short.contains("under 8 h"), "{short}");
    assert!(short.contains("Friday"));
}

/// Unix only: umask and modes (Windows keeps files private by the profile's access list).
#[test]
#[cfg(unix)]
fn files_are_private_even_under_umask_000() {
    let dir = tempfile::tempdir().unwrap();
    let (data, state) = (dir.path().join("fresh"), dir.path().join("state"));
    // This computer's state folder made by the same run (the lock, the device id and its
    // lock): not the user's own, which a test must never touch.
    let status = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!("umask 000; exec '{}' --data-dir '{}' check warm-bath", support::BIN, data.display()))
        .env(bedtime_coach::store::STATE_DIR_VARIABLE, &state)
        .status()
        .unwrap();
    assert!(status.success());
    let mut again = support::bin(&data);
    again.env(bedtime_coach::store::STATE_DIR_VARIABLE, &state);
    support::output(again.args(["routine", "set", "warm-bath", "--before", "100"])).ok();
    for folder in [&data, &state] {
        assert!(support::mode_of(folder).is_none_or(|mode| mode == 0o700), "{}", folder.display());
    }
    let months = data.join("journal");
    assert_eq!(support::mode_of(&months), Some(0o700), "the journal's folder of months");
    let files: Vec<_> =
        [&data, &months, &state].into_iter().flat_map(|folder| std::fs::read_dir(folder).unwrap()).collect();
    assert!(
        files.iter().any(|entry| entry.as_ref().unwrap().file_name() == "device-id"),
        "made in the test's state folder"
    );
    for entry in files {
        let entry = entry.unwrap();
        if entry.path() != months {
            assert!(support::mode_of(&entry.path()).is_none_or(|mode| mode == 0o600), "{:?}", entry.file_name());
        }
    }
}

/// The binary on `dir` on a Russian desktop.
fn russian(dir: &std::path::Path, args: &[&str]) -> support::Run {
    support::output(support::bin(dir).env("LANG", "ru_RU.UTF-8").args(args))
}

#[test]
fn a_russian_desktop_reads_russian_with_its_plurals() {
    let dir = tempfile::tempdir().unwrap();
    let plan = russian(dir.path(), &["plan", "--date", "2026-11-26"]).ok().stdout();
    assert!(
        plan.starts_with("Вечер четверга, 26 ноября 2026 — отбой в 22:30, будильник в 07:00 (8 ч 30 мин в постели)"),
        "{plan}"
    );
    assert!(plan.contains("распорядок по умолчанию"), "{plan}");
    let status = |dir: &std::path::Path| russian(dir, &["status"]).ok().stdout();
    assert!(status(dir.path()).contains("сделано 0 шагов из"), "{}", status(dir.path()));
    assert!(status(dir.path()).contains("Распорядок ещё не сохранён"), "{}", status(dir.path()));
    let done = russian(dir.path(), &["check", "warm-bath"]).ok().stdout();
    assert!(done.contains(": готово (вечер: "), "{done}");
    assert!(status(dir.path()).contains("сделан 1 шаг из"), "{}", status(dir.path()));
    for step in ["lights-out", "set-alarm", "caffeine-cutoff", "calm-ambience"] {
        russian(dir.path(), &["check", step]).ok();
        if step == "lights-out" {
            assert!(status(dir.path()).contains("сделано 2 шага из"), "{}", status(dir.path()));
        }
    }
    assert!(status(dir.path()).contains("сделано 5 шагов из"), "{}", status(dir.path()));
    let schedule = russian(dir.path(), &["schedule", "--bedtime", "23:30", "--wake", "06:00", "--days", "fri"]).ok();
    assert!(
        schedule.stdout().contains("Пятница      отбой 23:30, подъём 06:00 — 6 ч 30 мин в постели"),
        "{}",
        schedule.stdout()
    );
    let mistake = russian(dir.path(), &["schedule", "--bedtime", "25:00"]);
    assert_eq!(mistake.code(), 2);
    assert!(mistake.stderr().contains("«25:00» — это не время"), "{}", mistake.stderr());
}

#[test]
fn json_is_the_same_in_every_language() {
    let dir = tempfile::tempdir().unwrap();
    run(dir.path(), &["check", "warm-bath", "--date", "2026-11-26"]).ok();
    for args in [&["plan", "--date", "2026-11-26", "--json"][..], &["routine", "list", "--json"]] {
        let parse = |out: &str| serde_json::from_str::<Value>(out).unwrap();
        let english = parse(&run(dir.path(), args).ok().stdout());
        let russian = parse(&russian(dir.path(), args).ok().stdout());
        // Titles and reasons are read by people and translated; every other field, in
        // is the same byte for byte.
        let without_texts = |value: &Value| {
            let mut value = value.clone();
            for step in value.as_array_mut().unwrap() {
                let step = step.as_object_mut().unwrap();
                assert!(step.remove("title").is_some() && step.remove("why").is_some(), "{step:?}");
            }
            serde_json::to_string_pretty(&value).unwrap()
        };
        assert_eq!(without_texts(&russian), without_texts(&english), "{args:?}");
        let bath = |value: &Value| value.as_array().unwrap().iter().find(|s| s["id"] == "warm-bath").cloned().unwrap();
        assert_eq!(bath(&english)["title"], "Warm bath");
        assert_eq!(bath(&russian)["title"], "Тёплая ванна");
        assert!(bath(&russian)["why"].as_str().unwrap().contains("расслабиться"), "{}", bath(&russian));
    }
}

#[test]
fn the_catalog_tells_the_articles_advice_apart_from_the_apps_defaults() {
    let dir = tempfile::tempdir().unwrap();
    let english = run(dir.path(), &["routine", "catalog"]).ok().stdout();
    assert!(
        english.contains("From the article: Avoid large doses of caffeine: if you like strong caffeinated drinks such as coffee and tea"),
        "{english}"
    );
    assert!(!english.contains("strong drinks"), "reads as spirits: {english}");
    // Each time the app chose says so: caffeine, alcohol, dinner, the calm evening, the bath.
    assert_eq!(english.matches("(The time is the app's default.)").count(), 5, "{english}");
    assert!(english.contains("a few minutes (how long is the app's suggestion)"), "{english}");
    assert_eq!(english.matches("From the article: ").count(), 13, "{english}");
    let russian = russian(dir.path(), &["routine", "catalog"]).ok().stdout();
    assert!(russian.contains("Из статьи: Избегать больших доз кофеина"), "{russian}");
    assert!(!russian.contains("крепких напитков"), "reads as spirits: {russian}");
    assert_eq!(russian.matches("(Время выбрано приложением по умолчанию.)").count(), 5, "{russian}");
    assert!(russian.contains("Тёплая ванна (за 1 ч 30 мин до сна)"), "{russian}");
    let dry = russian_check(dir.path());
    assert!(dry.contains("сухо") && dry.contains("увлажнитель") && !dry.contains("батаре"), "{dry}");
}

/// `check humidity-check --value 30` on a July evening, on a Russian desktop.
fn russian_check(dir: &std::path::Path) -> String {
    russian(dir, &["check", "humidity-check", "--value", "30", "--date", "2026-07-15"]).ok().stdout()
}

#[test]
fn the_saved_choice_beats_the_desktop() {
    let dir = tempfile::tempdir().unwrap();
    run(dir.path(), &["schedule", "--bedtime", "22:30", "--wake", "06:30"]).ok();
    support::edit_routine(dir.path(), |routine_file| {
        assert_eq!(routine_file["settings"]["language"], "system");
        routine_file["settings"]["language"] = "english".into();
    });
    let text = russian(dir.path(), &["plan", "--date", "2026-11-26"]).ok().stdout();
    assert!(text.starts_with("Evening of Thursday 26 November 2026"), "{text}");
    support::edit_routine(dir.path(), |routine_file| routine_file["settings"]["language"] = "russian".into());
    let text = run(dir.path(), &["plan", "--date", "2026-11-26"]).ok().stdout();
    assert!(text.starts_with("Вечер четверга"), "{text}");
}

/// `stats` on a hand-made history: a streak across an untracked evening, broken by a
/// missed one; the same figures in the text and the JSON.
#[test]
fn stats_counts_streaks_and_prints_the_same_figures_as_json() {
    let dir = tempfile::tempdir().unwrap();
    let empty = run(dir.path(), &["stats"]).ok().stdout();
    assert!(empty.contains("Nothing recorded yet"), "{empty}");
    assert_eq!(run(dir.path(), &["stats", "--json"]).ok().json()["streak"]["current"], 0);
    let kept = ["caffeine-cutoff", "warm-bath", "lights-out"];
    let routine = run(dir.path(), &["routine", "list", "--json"]).ok().json();
    for step in routine.as_array().unwrap() {
        let id = step["id"].as_str().unwrap();
        if !kept.contains(&id) {
            run(dir.path(), &["routine", "remove", id]).ok();
        }
    }
    // 5 Jan all done, 6 Jan not tracked, 7 Jan all done, 8 Jan two of three (67 %,
    // missed), 9 Jan all done.
    for (day, skipped) in [("05", None), ("07", None), ("08", Some("warm-bath")), ("09", None)] {
        for step in kept {
            let date = format!("2026-01-{day}");
            let mut args = vec!["check", step, "--date", date.as_str()];
            if skipped == Some(step) {
                args.push("--skip");
            }
            run(dir.path(), &args).ok();
        }
    }
    let json = run(dir.path(), &["stats", "--json"]).ok().json();
    assert_eq!(json["threshold_percent"], 80);
    assert_eq!(json["streak"], serde_json::json!({ "current": 1, "best": 2 }));
    assert_eq!(json["evenings"]["first"], "2026-01-05");
    assert_eq!(json["evenings"]["tracked"], 4);
    assert_eq!(json["evenings"]["met_threshold"], 3);
    assert!(json["evenings"]["not_tracked"].as_u64().unwrap() >= 1);
    assert_eq!(json["caffeine_cutoff"]["all"], serde_json::json!({ "kept": 4, "planned": 4 }));
    let all = json["completion"]["all"].as_f64().unwrap();
    assert!((all - (3.0 + 2.0 / 3.0) / 4.0).abs() < 1e-3, "{all}");
    let days: Vec<u64> = json["adherence"].as_array().unwrap().iter().map(|w| w["days"].as_u64().unwrap()).collect();
    assert_eq!(days, [7, 30, 90]);
    // Checked from the command line long after those evenings: no bedtime to compare.
    assert_eq!(json["bedtime"]["last_30"], Value::Null);
    assert_eq!(json["bedtime"]["weeks"], serde_json::json!([]));
    let text = run(dir.path(), &["stats"]).ok().stdout();
    assert!(text.contains("Streak: 1 evening in a row, best: 2"), "{text}");
    assert!(text.contains("4 tracked"), "{text}");
    assert!(text.contains("kept on 4 of 4 evenings (all)"), "{text}");
    // With the threshold at 60 % the 8th counts too: one streak of four.
    support::edit_routine(dir.path(), |routine_file| routine_file["settings"]["streak_threshold_percent"] = 60.into());
    let json = run(dir.path(), &["stats", "--json"]).ok().json();
    assert_eq!(json["streak"], serde_json::json!({ "current": 4, "best": 4 }));
    let russian = support::output(support::bin(dir.path()).env("LANG", "ru_RU.UTF-8").args(["stats"])).ok().stdout();
    assert!(russian.contains("Серия: 4 вечера подряд"), "{russian}");
}

/// `routine list` keeps its columns in line whatever a title's length (a long custom
/// title used to push its anchor out of line), cutting a title longer than the column.
#[test]
fn routine_list_keeps_its_columns_with_a_long_title() {
    let dir = tempfile::tempdir().unwrap();
    let long = "A rather long custom step title that goes on and on past the column";
    run(dir.path(), &["routine", "add", "my-long", "--title", long, "--at", "21:00"]).ok();
    let text = run(dir.path(), &["routine", "list"]).ok().stdout();
    let lines: Vec<&str> = text.lines().filter(|line| line.trim_start().starts_with(char::is_numeric)).collect();
    let column = |line: &str, word: &str| line.find(word).map(|at| line[..at].chars().count());
    let bath = lines.iter().find(|line| line.contains("warm-bath")).unwrap();
    let mine = lines.iter().find(|line| line.contains("my-long")).unwrap();
    assert_eq!(column(bath, "1 h 30 min"), column(mine, "at 21:00"), "{text}");
    assert!(mine.contains("A rather long custom step title that goes on an…"), "{mine}");
}
