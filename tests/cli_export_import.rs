//! Export and import as a user meets them on the command line: the real binary, a
//! temporary `--data-dir`, files read back with a real CSV parser and the store.

use std::fs;
use std::path::Path;

use bedtime_coach::model::{Journal, Outcome, RoutineFile};
use bedtime_coach::store::{Paths, Store};
use bedtime_coach::use_cases::Change;

mod support;

use support::{date, run};

const TRICKY: &str = "Tea, \"chamomile\"\nthen a book";

fn journal(dir: &Path) -> Journal {
    Store::new(Paths::in_dir(dir)).load_journal().unwrap().value
}

/// The journal's files as they are on disk: the pointer, then each month's file by name.
fn journal_bytes(dir: &Path) -> Vec<u8> {
    let mut months: Vec<_> = fs::read_dir(dir.join("journal")).unwrap().map(|e| e.unwrap().path()).collect();
    months.retain(|path| path.extension().is_some_and(|ext| ext == "json"));
    months.sort();
    std::iter::once(dir.join("journal.json")).chain(months).flat_map(|path| fs::read(path).unwrap()).collect()
}

/// A routine with a custom step whose title has a comma, quotes and a line break, and
/// check-ins on two evenings. The routine is saved undated first (as by a version that
/// did not date it), so the past evenings below count every step, whatever today is.
fn recorded(dir: &Path) {
    Change::SaveRoutineFile(RoutineFile::default()).apply(&Store::new(Paths::in_dir(dir))).unwrap();
    run(dir, &["routine", "add", "my-tea", "--title", TRICKY, "--at", "21:00"]).ok();
    run(dir, &["check", "my-tea", "--date", "2026-11-26"]).ok();
    run(dir, &["check", "warm-bath", "--skip", "--date", "2026-11-26"]).ok();
    run(dir, &["check", "humidity-check", "--value", "45.5", "--date", "2026-11-26"]).ok();
    run(dir, &["check", "lights-out", "--date", "2026-11-25"]).ok();
}

/// The names in `dir`, sorted: nothing new may appear beside the journal.
fn file_names(dir: &Path) -> Vec<std::ffi::OsString> {
    let mut names: Vec<_> = fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name()).collect();
    names.sort();
    names
}

fn records(bytes: &[u8]) -> (Vec<String>, Vec<Vec<String>>) {
    let mut reader = csv::Reader::from_reader(bytes);
    let header = reader.headers().unwrap().iter().map(String::from).collect();
    let rows = reader.records().map(|r| r.unwrap().iter().map(String::from).collect()).collect();
    (header, rows)
}

#[test]
fn csv_round_trips_through_a_real_csv_parser() {
    let dir = tempfile::tempdir().unwrap();
    recorded(dir.path());
    let stdout = run(dir.path(), &["export", "--format", "csv"]).ok().out.stdout;
    assert!(stdout.starts_with(b"Date,"), "no byte order mark on standard output");
    let (header, rows) = records(&stdout);
    assert_eq!(header, ["Date", "Step id", "Title", "State", "Time", "Value", "UTC offset", "Planned for"]);
    let row = |date: &str, step: &str| {
        rows.iter().find(|r| r[0] == date && r[1] == step).unwrap_or_else(|| panic!("{date} {step} in {rows:?}"))
    };
    let tea = row("2026-11-26", "my-tea");
    assert_eq!(tea[2], TRICKY, "the title comes back whole");
    assert_eq!(tea[3], "done");
    assert!(tea[4].starts_with("2026-"), "{tea:?}");
    assert_eq!(row("2026-11-26", "warm-bath")[3], "skipped");
    assert_eq!(row("2026-11-26", "humidity-check")[5], "45.5");
    // A step of the evening's routine with no check-in is a row of its own.
    assert_eq!(row("2026-11-26", "set-alarm")[3], "not marked");
    assert_eq!(row("2026-11-26", "set-alarm")[4], "");
    // When each step was due that evening, as recorded with it: the bath at 21:00, the
    // custom tea at its 21:00, the alarm at its default time.
    assert_eq!(row("2026-11-26", "warm-bath")[7], "2026-11-26 21:00");
    assert_eq!(row("2026-11-26", "my-tea")[7], "2026-11-26 21:00");
    assert!(row("2026-11-26", "set-alarm")[7].starts_with("2026-11-26 "), "{:?}", row("2026-11-26", "set-alarm"));
    // Each evening's rows are its routine's steps, once each.
    let evening: Vec<_> = rows.iter().filter(|r| r[0] == "2026-11-26").map(|r| r[1].clone()).collect();
    let mut unique = evening.clone();
    unique.dedup();
    assert_eq!(evening, unique);
    assert!(evening.len() >= 13, "{evening:?}");

    // To a file: a byte order mark for spreadsheets, the same records, mode 0600.
    let file = dir.path().join("out/evenings.csv");
    fs::create_dir(dir.path().join("out")).unwrap();
    let said = run(dir.path(), &["export", "--format", "csv", "-o", file.to_str().unwrap()]).ok().stdout();
    assert!(said.contains("Exported 2 evenings"), "{said}");
    let bytes = fs::read(&file).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBFDate,"));
    assert_eq!(records(&bytes), (header, rows.clone()));
    assert!(support::mode_of(&file).is_none_or(|mode| mode == 0o600));

    // Dates limit the evenings; Russian headers and titles.
    let one = run(dir.path(), &["export", "--format", "csv", "--from", "2026-11-26", "--to", "2026-11-26"]).ok();
    assert!(records(&one.out.stdout).1.iter().all(|r| r[0] == "2026-11-26"));
    let russian =
        support::output(support::bin(dir.path()).env("LANG", "ru_RU.UTF-8").args(["export", "--format", "csv"]));
    let (header, rows) = records(&russian.ok().out.stdout);
    assert_eq!(header[0], "Дата");
    assert!(rows.iter().any(|r| r[2] == "Тёплая ванна" && r[3] == "пропущен"), "{rows:?}");
    let bad = run(dir.path(), &["export", "--from", "2026-11-27", "--to", "2026-11-26"]);
    assert_eq!(bad.code(), 1);
    assert!(bad.stderr().contains("--from 2026-11-27 is after --to 2026-11-26"), "{}", bad.stderr());
}

#[test]
fn a_json_export_imports_into_an_empty_and_an_overlapping_journal() {
    let source = tempfile::tempdir().unwrap();
    recorded(source.path());
    let backup = source.path().join("backup.json");
    run(source.path(), &["export", "-o", backup.to_str().unwrap()]).ok();
    let exported: serde_json::Value = serde_json::from_slice(&fs::read(&backup).unwrap()).unwrap();
    assert_eq!(exported["schema_version"], 2);
    // Without -o, the same document on standard output.
    let printed = run(source.path(), &["export", "--format", "json"]).ok().json();
    assert_eq!(printed, exported);
    let original = journal(source.path());

    // Into an empty journal: everything, once.
    let empty = tempfile::tempdir().unwrap();
    let preview = run(empty.path(), &["import", backup.to_str().unwrap(), "--dry-run"]).ok().stdout();
    assert!(preview.contains("Evenings: new 2, already in your journal 0."), "{preview}");
    assert!(preview.contains("Check-ins: new 4, already in your journal 0."), "{preview}");
    assert!(preview.contains("Nothing was changed"), "{preview}");
    assert!(!empty.path().join("journal.json").exists(), "a dry run writes nothing");
    let done = run(empty.path(), &["import", backup.to_str().unwrap()]).ok().stdout();
    assert!(done.contains("2 new evenings, 4 new check-ins"), "{done}");
    assert_eq!(journal(empty.path()), original);
    let before = journal_bytes(empty.path());
    let again = run(empty.path(), &["import", backup.to_str().unwrap()]).ok().stdout();
    assert!(again.contains("Nothing to import"), "{again}");
    assert_eq!(journal_bytes(empty.path()), before, "twice is once, byte for byte");

    // Into an overlapping journal: a later record of one step, an evening of its own.
    let overlap = tempfile::tempdir().unwrap();
    run(overlap.path(), &["routine", "add", "my-tea", "--title", TRICKY, "--at", "21:00"]).ok();
    run(overlap.path(), &["check", "humidity-check", "--value", "50", "--date", "2026-11-26"]).ok();
    run(overlap.path(), &["check", "lights-out", "--date", "2026-11-27"]).ok();
    let done = run(overlap.path(), &["import", backup.to_str().unwrap()]).ok().stdout();
    assert!(done.contains("Evenings: new 1, already in your journal 1."), "{done}");
    assert!(done.contains("Recorded differently in the file and in your journal: 1."), "{done}");
    let merged = journal(overlap.path());
    assert_eq!(merged.evenings.len(), 3);
    assert_eq!(merged.check_in_count(), 5, "no check-in twice, none lost");
    // Ours was recorded after the export's: it stays.
    assert_eq!(merged.check_in(date(2026, 11, 26), "humidity-check").unwrap().value, Some(50.0));
    assert_eq!(merged.check_in(date(2026, 11, 26), "warm-bath").unwrap().outcome, Outcome::Skipped);
    assert!(merged.check_in(date(2026, 11, 27), "lights-out").is_some());
    let before = journal_bytes(overlap.path());
    run(overlap.path(), &["import", backup.to_str().unwrap()]).ok();
    assert_eq!(journal_bytes(overlap.path()), before, "twice is once");
    assert!(support::own_month(overlap.path(), "2026-11.json.bak").exists(), "the journal before the import is kept");
}

#[test]
fn damaged_or_newer_files_are_refused_and_the_journal_is_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    recorded(dir.path());
    let before = journal_bytes(dir.path());
    let files_before = file_names(dir.path());
    let elsewhere = tempfile::tempdir().unwrap();
    let cases: Vec<(&str, &[u8], &str)> = vec![
        ("future.json", br#"{"schema_version":3,"evenings":{}}"#, "written by a newer Bedtime Coach (journal format 3"),
        ("huge-version.json", br#"{"schema_version":123456789012345678901234567890,"evenings":{}}"#, "newer"),
        ("cut.json", br#"{"schema_version":2,"evenings":{"2026-11-26":{"checks":{"#, "cannot be imported"),
        (
            "twice.json",
            br#"{"schema_version":2,"evenings":{"2026-11-20":{},"2026-11-20":{"checks":{}}}}"#,
            "cannot be imported",
        ),
        ("no-version.json", br#"{"evenings":{}}"#, "cannot be imported"),
        ("routine.json", br#"{"schema_version":1,"routine":{"steps":[]}}"#, "has no evenings"),
        ("evenings.csv", b"\xEF\xBB\xBFDate,Step id\n2026-11-26,warm-bath\n", "cannot be imported"),
        (
            "far.json",
            br#"{"schema_version":2,"evenings":{"3000-01-01":{"checks":{}}}}"#,
            "the evening of 3000-01-01 is outside the years Bedtime Coach keeps",
        ),
        (
            "bad-check.json",
            br#"{"schema_version":2,"evenings":{"2026-11-26":{"checks":{"warm-bath":{"outcome":"maybe","at":"x"}}}}}"#,
            "cannot be imported",
        ),
    ];
    for (name, bytes, expected) in cases {
        let file = elsewhere.path().join(name);
        fs::write(&file, bytes).unwrap();
        let refused = run(dir.path(), &["import", file.to_str().unwrap()]);
        assert_eq!(refused.code(), 1, "{name}: {}", refused.stdout());
        assert!(refused.stderr().contains(expected), "{name}: {}", refused.stderr());
        assert!(
            refused.stderr().contains("nothing was changed") || expected == "newer",
            "{name}: {}",
            refused.stderr()
        );
        assert_eq!(refused.stderr().lines().count(), 1, "one sentence: {}", refused.stderr());
        assert_eq!(journal_bytes(dir.path()), before, "{name}: the journal is unchanged");
        assert_eq!(fs::read(&file).unwrap(), bytes, "{name}: the file to import is never written");
    }
    // A FIFO is refused at once (reading it would wait forever), a missing file named.
    #[cfg(unix)]
    {
        let fifo = elsewhere.path().join("pipe.json");
        assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
        let refused = run(dir.path(), &["import", fifo.to_str().unwrap()]);
        assert_eq!(refused.code(), 1);
    }
    let missing = run(dir.path(), &["import", "/nonexistent/backup.json"]);
    assert!(missing.stderr().contains("/nonexistent/backup.json"), "{}", missing.stderr());
    assert_eq!(journal_bytes(dir.path()), before);
    assert_eq!(file_names(dir.path()), files_before, "no backup, no file kept aside, nothing new");

    // An export never replaces the app's own files, whatever the name leads to.
    let journal_file = dir.path().join("journal.json");
    // A link joins them on Unix (Windows refuses links as data files, see store_edges).
    #[cfg_attr(not(unix), allow(unused_mut))]
    let mut targets = vec![journal_file.clone(), dir.path().join("journal.json.bak"), dir.path().join("routine.json")];
    #[cfg(unix)]
    {
        let link = elsewhere.path().join("link.json");
        std::os::unix::fs::symlink(&journal_file, &link).unwrap();
        targets.push(link);
    }
    for target in targets {
        let refused = run(dir.path(), &["export", "-o", target.to_str().unwrap()]);
        assert_eq!(refused.code(), 1, "{}", target.display());
        assert!(refused.stderr().contains("one of Bedtime Coach's own files"), "{}", refused.stderr());
    }
    assert_eq!(journal_bytes(dir.path()), before);
}

/// A journal export whose evening 2026-11-26 is `evening` (JSON text).
fn export_with(evening: &str) -> Vec<u8> {
    format!(r#"{{"schema_version":2,"evenings":{{"2026-11-26":{evening}}}}}"#).into_bytes()
}

fn check_in_with(step: &str, fields: &str) -> Vec<u8> {
    export_with(&format!(r#"{{"checks":{{"{step}":{{"outcome":"done","at":"2026-11-26T21:00:00+01:00"{fields}}}}}}}"#))
}

fn night_with(fields: &str) -> Vec<u8> {
    export_with(&format!(r#"{{"night":{{"at":"2026-11-27T07:00:00+01:00"{fields}}}}}"#))
}

/// Files an attacker might hand over: each is refused with one sentence that says what is
/// wrong and that nothing was changed; the journal, its folder and the file stay as they
/// were.
#[test]
fn hostile_imports_are_refused_with_one_sentence_and_change_nothing() {
    let dir = tempfile::tempdir().unwrap();
    recorded(dir.path());
    let before = journal_bytes(dir.path());
    let files_before = file_names(dir.path());
    let routine = |ids: Vec<String>| export_with(&format!(r#"{{"checks":{{}},"routine":{ids:?}}}"#));
    let spelled = |key: &str| {
        format!(r#"{{"schema_version":2,"evenings":{{"2026-11-25":{{"checks":{{}}}},"{key}":{{"checks":{{}}}}}}}}"#)
            .into_bytes()
    };
    let cases: Vec<(&str, Vec<u8>, String)> = vec![
        (
            "two-spellings.json",
            spelled("2026-11-5"),
            r#"the evening "2026-11-5" is not a date written YYYY-MM-DD"#.into(),
        ),
        ("space.json", spelled(" 2026-11-24"), "is not a date written YYYY-MM-DD".into()),
        ("plus.json", spelled("+2026-11-23"), "is not a date written YYYY-MM-DD".into()),
        ("humid.json", check_in_with("humidity-check", r#","value":1e9"#), "has a humidity of 1000000000 %".into()),
        ("dry.json", check_in_with("humidity-check", r#","value":-1"#), "has a humidity of -1 %".into()),
        ("bath-value.json", check_in_with("warm-bath", r#","value":3"#), r#"gives "warm-bath" a value"#.into()),
        ("empty-id.json", check_in_with("", ""), r#"names a step "", which is not a step id"#.into()),
        ("escape-id.json", check_in_with(r"\u001b]0;pwned\u0007", ""), r#"names a step "\u{1b}]0;pwned\u{7}""#.into()),
        (
            "far-stamp.json",
            export_with(r#"{"checks":{"warm-bath":{"outcome":"done","at":"9999-12-31T23:59:59Z"}}}"#),
            "has a record made at 9999-12-31T23:59:59+00:00".into(),
        ),
        // A merge-order stamp at the end of chrono's range: nothing could go past it, so a
        // step undone and checked again there would be lost at once.
        (
            "far-order.json",
            check_in_with("warm-bath", r#","order":"+262142-12-31T23:59:59Z""#),
            "has a record ordered at +262142-12-31T23:59:59+00:00, after the years Bedtime Coach keeps".into(),
        ),
        (
            "night-order.json",
            night_with(r#","order":"3000-01-01T00:00:00Z""#),
            "has a record ordered at 3000-01-01T00:00:00+00:00, after the years Bedtime Coach keeps".into(),
        ),
        ("rested.json", night_with(r#","rested":99"#), "is rested 99, not a number from 1 to 5".into()),
        (
            "note.json",
            night_with(&format!(r#","note":"{}""#, "x".repeat(1 << 20))),
            "has a note of 1048576 characters, more than the 400".into(),
        ),
        (
            "night-stamp.json",
            export_with(r#"{"night":{"at":"2026-01-01T00:00:00Z"}}"#),
            "has a record made at 2026-01-01T00:00:00+00:00".into(),
        ),
        (
            "future.json",
            br#"{"schema_version":2,"evenings":{"2999-12-01":{"checks":{}}}}"#.to_vec(),
            "the evening of 2999-12-01 is more than a day ahead of today".into(),
        ),
        (
            "long-routine.json",
            routine((0..201).map(|n| format!("s-{n}")).collect()),
            "names 201 steps, more than the 200 an evening can hold".into(),
        ),
        ("repeated.json", routine(vec!["warm-bath".into(), "warm-bath".into()]), r#"lists "warm-bath" twice"#.into()),
        (
            "unknown.json",
            format!(r#"{{"schema_version":2,"evenings":{{}},"junk":"{}"}}"#, "x".repeat(5 << 20)).into_bytes(),
            "of fields this version does not know, more than the 4.0 MB".into(),
        ),
    ];
    let elsewhere = tempfile::tempdir().unwrap();
    for (name, bytes, expected) in &cases {
        let file = elsewhere.path().join(name);
        fs::write(&file, bytes).unwrap();
        for dry_run in [true, false] {
            let mut args = vec!["import", file.to_str().unwrap()];
            if dry_run {
                args.push("--dry-run");
            }
            let refused = run(dir.path(), &args);
            let stderr = refused.stderr();
            assert_eq!(refused.code(), 1, "{name}: {}", refused.stdout());
            assert!(stderr.contains(expected.as_str()), "{name}: {stderr}");
            assert!(stderr.trim_end().ends_with("nothing was changed."), "{name}: {stderr}");
            assert_eq!(stderr.lines().count(), 1, "{name}: one sentence: {stderr}");
            assert!(!stderr.contains(['\u{1b}', '\u{7}']), "{name}: nothing raw reaches the terminal: {stderr:?}");
            assert!(stderr.len() < 600, "{name}: a short sentence, not the file: {} bytes", stderr.len());
        }
        assert_eq!(journal_bytes(dir.path()), before, "{name}: the journal is unchanged");
        assert_eq!(&fs::read(&file).unwrap(), bytes, "{name}: the file to import is never written");
    }
    // A file larger than any journal is refused unread, as a file to import, not as a
    // journal that "would be" that large.
    let huge = elsewhere.path().join("huge.json");
    fs::File::create(&huge).unwrap().set_len(70 << 20).unwrap();
    let refused = run(dir.path(), &["import", huge.to_str().unwrap()]);
    assert_eq!(refused.code(), 1);
    assert!(
        refused.stderr().contains("huge.json is 70.0 MB, more than the 64.0 MB a journal can be"),
        "{}",
        refused.stderr()
    );
    assert!(!refused.stderr().contains("would be"), "{}", refused.stderr());
    assert_eq!(journal_bytes(dir.path()), before);
    assert_eq!(file_names(dir.path()), files_before, "no backup, no file kept aside, nothing new");
}

/// What an import brings that the preview did not use to say: fields this version does
/// not know (counted, with their size), that a merge brings back what was taken back,
/// and no "everything is already there" after a count of differences.
#[test]
fn the_preview_says_what_else_comes_in() {
    let dir = tempfile::tempdir().unwrap();
    run(dir.path(), &["check", "warm-bath", "--date", "2026-11-26"]).ok();
    let elsewhere = tempfile::tempdir().unwrap();
    // A check-in we do not have, with a field of a newer version; the journal gets one too.
    let file = elsewhere.path().join("newer-fields.json");
    let text = r#"{"schema_version":2,"mood_scale":{"max":7},"evenings":{"2026-11-25":{"checks":{"lights-out":{"outcome":"done","at":"2026-11-25T22:30:00+01:00","mood":"calm"}}}}}"#;
    fs::write(&file, text).unwrap();
    let preview = run(dir.path(), &["import", file.to_str().unwrap(), "--dry-run"]).ok().stdout();
    assert!(
        preview.contains("Fields this version does not know: 2 (39 bytes); they are kept as they are."),
        "{preview}"
    );
    assert!(
        preview.contains("A check-in or night log you took back here comes back if this file still has it"),
        "{preview}"
    );
    // Only a routine list and an unknown field: something is added, and said so.
    let file = elsewhere.path().join("details.json");
    fs::write(&file, br#"{"schema_version":2,"evenings":{"2026-11-26":{"checks":{},"routine":["warm-bath","my-walk"],"weather":"rain"}}}"#).unwrap();
    let preview = run(dir.path(), &["import", file.to_str().unwrap()]).ok().stdout();
    assert!(preview.contains("No new evenings, check-ins or night logs; only details are added"), "{preview}");
    assert!(preview.contains("only details (which steps made up an evening"), "{preview}");
    assert!(!preview.contains("Everything in this file is already"), "{preview}");
    // An older record of a step we have: counted as a difference, and then not called
    // "already in your journal".
    let file = elsewhere.path().join("older.json");
    fs::write(&file, br#"{"schema_version":2,"evenings":{"2026-11-26":{"checks":{"warm-bath":{"outcome":"skipped","at":"2026-11-26T20:00:00+01:00"}}}}}"#).unwrap();
    let out = run(dir.path(), &["import", file.to_str().unwrap()]).ok().stdout();
    assert!(out.contains("Recorded differently in the file and in your journal: 1."), "{out}");
    assert!(
        out.contains("Nothing in this file changes your journal: where the two differ, yours is the later record."),
        "{out}"
    );
    assert!(out.contains("Nothing to import: your journal has everything in"), "{out}");
    assert!(!out.contains("Everything in this file is already"), "{out}");
}

/// `-` is standard output for `export -o` as for `report -o`, and a device or folder is
/// named as what it is.
/// Unix only: `/dev/null` and `/dev/full` (Windows has `NUL`, which this does not test).
#[test]
#[cfg(unix)]
fn a_dash_is_standard_output_and_a_device_is_named() {
    let dir = tempfile::tempdir().unwrap();
    recorded(dir.path());
    let printed = run(dir.path(), &["export", "-o", "-"]).ok();
    assert_eq!(printed.json()["schema_version"], 2);
    assert!(!dir.path().join("-").exists() && !Path::new("-").exists(), "no file named -");
    let csv = run(dir.path(), &["export", "--format", "csv", "-o", "-"]).ok();
    assert!(csv.out.stdout.starts_with(b"Date,"), "no byte order mark on standard output");
    for (args, expected) in [
        (&["export", "-o", "/dev/null"][..], "/dev/null is a device, not a file to write to; choose a file name."),
        (&["report", "-o", "/dev/null"], "/dev/null is a device, not a file to write to; choose a file name."),
        (&["export", "-o", "/tmp"], "/tmp is a folder, not a file to write to"),
    ] {
        let refused = run(dir.path(), args);
        assert_eq!(refused.code(), 1, "{args:?}");
        assert!(refused.stderr().contains(expected), "{args:?}: {}", refused.stderr());
    }
}
