//! The command line under odd input and odd surroundings: values out of range, dates
//! that do not exist, readers that go away, full devices, and two programs changing one
//! step at the same moment. Each answer is one clear sentence; nothing is lost.

mod support;

use support::StartRetrying as _;

use std::fs;
use std::io::Read;
use std::process::Stdio;

use support::{bin, run};

#[test]
fn odd_values_get_one_clear_sentence() {
    let dir = tempfile::tempdir().unwrap();
    let cases: [(&[&str], i32, &str); 6] = [
        (&["check", "humidity-check", "--value", "-5"], 1, "-5 % is not a humidity"),
        (&["check", "humidity-check", "--value", "101"], 1, "101 % is not a humidity"),
        (&["plan", "--date", "2026-02-30"], 2, "2026-02-30 is not a date"),
        (&["plan", "--date", "+262142-12-31"], 2, "+262142-12-31 is too far away"),
        (&["check", "warm-bath", "--date", "0001-01-01"], 2, "0001-01-01 is too far away"),
        (&["schedule", "--bedtime", "07:00"], 1, "A bedtime of 07:00 is also the wake time"),
    ];
    for (args, code, message) in cases {
        let out = run(dir.path(), args);
        assert_eq!(out.code(), code, "{args:?}: {}", out.stderr());
        assert!(out.stderr().contains(message), "{args:?}: {}", out.stderr());
        assert!(!out.stderr().contains("panicked"), "{}", out.stderr());
    }
    let long = "x".repeat(81);
    let out = run(dir.path(), &["routine", "add", "walk", "--title", &long]);
    assert_eq!(out.code(), 1);
    assert!(out.stderr().contains("at most 80 characters"), "{}", out.stderr());
    assert!(!dir.path().join("journal.json").exists(), "refused commands write nothing");
}

#[test]
fn a_reader_that_goes_away_ends_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = bin(dir.path())
        .args(["plan", "--json", "--date", "2026-11-26"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn_retrying()
        .unwrap();
    // Like `| head -c1`: read one byte, then hang up.
    let mut one = [0u8; 1];
    child.stdout.take().unwrap().read_exact(&mut one).unwrap();
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.is_empty(), "{stderr}");
}

/// Unix only: `/dev/full`.
#[test]
#[cfg(unix)]
fn a_full_device_says_whether_the_check_in_was_saved() {
    let dir = tempfile::tempdir().unwrap();
    let full = || fs::OpenOptions::new().write(true).open("/dev/full").unwrap();
    let out =
        bin(dir.path()).args(["check", "warm-bath", "--date", "2026-11-26"]).stdout(full()).output_retrying().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr.trim(),
        "The change was saved, but its output could not be printed: No space left on device (os error 28)."
    );
    let plan = run(dir.path(), &["plan", "--date", "2026-11-26", "--json"]).ok().json();
    let bath = plan.as_array().unwrap().iter().find(|s| s["id"] == "warm-bath").unwrap();
    assert_eq!(bath["state"], "done");
    let out = bin(dir.path()).args(["status"]).stdout(full()).output_retrying().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("The output could not be printed"));
}

#[test]
fn undoing_nothing_writes_nothing_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(dir.path(), &["check", "warm-bath", "--undo", "--date", "2026-11-26"]).ok();
    assert_eq!(out.stdout().trim(), "Nothing to undo: Warm bath was not checked on the evening of Thu 26 Nov.");
    assert!(!dir.path().join("journal.json").exists());
    run(dir.path(), &["check", "warm-bath", "--date", "2026-11-26"]).ok();
    run(dir.path(), &["check", "lights-out", "--date", "2026-11-26"]).ok();
    let journal = support::own_month(dir.path(), "2026-11.json");
    let backup_path = support::own_month(dir.path(), "2026-11.json.bak");
    let (before, backup) = (fs::read(&journal).unwrap(), fs::read(&backup_path).unwrap());
    let pointer = fs::read(dir.path().join("journal.json")).unwrap();
    run(dir.path(), &["check", "calm-evening", "--undo", "--date", "2026-11-26"]).ok();
    assert_eq!(fs::read(&journal).unwrap(), before);
    assert_eq!(fs::read(&backup_path).unwrap(), backup, "the backup was not rotated");
    assert_eq!(fs::read(dir.path().join("journal.json")).unwrap(), pointer);
    // The first routine change saves routine.json even with default values (it ends the
    // first run); the same change again is nothing.
    run(dir.path(), &["routine", "set", "warm-bath", "--remind", "on"]).ok();
    assert!(dir.path().join("routine.json").exists());
    let out = run(dir.path(), &["routine", "set", "warm-bath", "--remind", "on"]).ok();
    assert!(out.stdout().starts_with("Nothing to change"), "{}", out.stdout());
}

#[test]
fn two_programs_changing_one_step_both_keep_their_change() {
    for round in 0..12 {
        let dir = tempfile::tempdir().unwrap();
        run(dir.path(), &["routine", "set", "warm-bath", "--remind", "on"]).ok();
        let minutes = (100 + round).to_string();
        let first = bin(dir.path())
            .args(["routine", "set", "warm-bath", "--before", &minutes])
            .stdout(Stdio::null())
            .spawn_retrying()
            .unwrap();
        let second = bin(dir.path())
            .args(["routine", "set", "warm-bath", "--remind", "off", "--title", "Hot bath"])
            .stdout(Stdio::null())
            .spawn_retrying()
            .unwrap();
        for child in [first, second] {
            assert!(child.wait_with_output().unwrap().status.success());
        }
        let list = run(dir.path(), &["routine", "list", "--json"]).ok().json();
        let bath = list.as_array().unwrap().iter().find(|s| s["id"] == "warm-bath").unwrap().clone();
        assert_eq!(bath["anchor"]["minutes"], 100 + round, "round {round}: {bath}");
        assert_eq!(bath["remind"], false, "round {round}: {bath}");
        assert_eq!(bath["title"], "Hot bath", "round {round}: {bath}");
    }
}

/// Control characters in a title, a note or an imported file never reach the terminal
/// raw (ESC could clear the screen or retitle the window, BEL ring); `--json` escapes
/// them, and keeps the text exact.
#[test]
fn escape_sequences_do_not_reach_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let title = "Tea\u{1b}]0;pwned\u{7}\u{1b}[2J";
    run(dir.path(), &["routine", "add", "my-tea", "--title", title, "--at", "21:00"]).ok();
    let note = "calm\u{1b}[31m red\u{9b}2J";
    let backup = dir.path().join("night.json");
    let text = serde_json::json!({"schema_version": 2, "evenings": {"2026-11-25": {"night": {"note": note}}}});
    fs::write(&backup, text.to_string()).unwrap();
    run(dir.path(), &["import", backup.to_str().unwrap()]).ok();
    let raw = |text: &str| text.contains(['\u{1b}', '\u{7}', '\u{9b}']);
    for args in [
        &["plan", "--date", "2026-11-26"][..],
        &["check", "my-tea", "--date", "2026-11-26"],
        &["routine", "list"],
        &["stats"],
        &["night", "--date", "2026-11-25"],
        &["status"],
    ] {
        let out = run(dir.path(), args).ok();
        assert!(!raw(&out.stdout()) && !raw(&out.stderr()), "{args:?}: {:?}", out.stdout());
    }
    let plan = run(dir.path(), &["plan", "--date", "2026-11-26"]).ok().stdout();
    assert!(plan.contains("Tea\u{fffd}]0;pwned\u{fffd}\u{fffd}[2J"), "{plan}");
    let night = run(dir.path(), &["night", "--date", "2026-11-25"]).ok().stdout();
    assert!(night.contains("calm\u{fffd}[31m red\u{fffd}2J"), "{night}");
    // JSON has the text exactly, control characters written as escapes.
    let json = run(dir.path(), &["plan", "--date", "2026-11-26", "--json"]).ok();
    assert!(json.stdout().contains(r"Tea\u001b]0;pwned\u0007\u001b[2J"), "{}", json.stdout());
    let steps = json.json();
    assert!(steps.as_array().unwrap().iter().any(|s| s["title"] == title));
    // An error that quotes what was typed is safe too.
    let out = run(dir.path(), &["check", "nope\u{1b}[2J"]);
    assert_eq!(out.code(), 1);
    assert!(!raw(&out.stderr()) && out.stderr().contains("nope\u{fffd}[2J"), "{:?}", out.stderr());
}

/// A routine has at most 100 steps: the 101st is refused with a sentence, and nothing is
/// written.
#[test]
fn the_101st_step_is_refused() {
    use bedtime_coach::model::{Anchor, RoutineFile, Step};
    use bedtime_coach::store::{Paths, save_document};
    let dir = tempfile::tempdir().unwrap();
    let mut routine_file = RoutineFile::default();
    while routine_file.routine.steps.len() < 100 {
        let id = routine_file.routine.unique_id_for("extra");
        routine_file.routine.steps.push(Step::custom(id, "Extra".into(), Anchor::BeforeBedtime { minutes: 5 }));
    }
    let routine = Paths::in_dir(dir.path()).routine_file();
    save_document(&routine, &routine_file).unwrap();
    let before = fs::read(&routine).unwrap();
    let out = run(dir.path(), &["routine", "add", "one-more", "--title", "One more"]);
    assert_eq!(out.code(), 1, "{}", out.stdout());
    assert_eq!(out.stderr().trim(), "A routine can have at most 100 steps; remove one before adding another.");
    assert_eq!(fs::read(&routine).unwrap(), before);
    run(dir.path(), &["routine", "remove", "extra"]).ok();
    run(dir.path(), &["routine", "add", "one-more", "--title", "One more"]).ok();
}

/// Check-ins and night logs for an evening more than a day ahead are refused with a
/// sentence; tomorrow's is still taken (an evening begun in a zone ahead).
#[test]
fn evenings_more_than_a_day_ahead_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let today = chrono::Utc::now().date_naive();
    let ahead = (today + chrono::TimeDelta::days(3)).to_string();
    for args in [vec!["check", "warm-bath", "--date", &ahead], vec!["night", "--date", &ahead, "--rested", "3"]] {
        let out = run(dir.path(), &args);
        assert_eq!(out.code(), 1, "{args:?}: {}", out.stdout());
        assert_eq!(
            out.stderr().trim(),
            format!("Nothing was recorded: the evening of {ahead} is more than a day ahead of today.")
        );
    }
    assert!(!dir.path().join("journal.json").exists(), "nothing written");
    let yesterday = (today - chrono::TimeDelta::days(1)).to_string();
    run(dir.path(), &["check", "warm-bath", "--date", &yesterday]).ok();
    run(dir.path(), &["night", "--date", &yesterday, "--rested", "3"]).ok();
}

/// Runs the binary with its standard output on a pseudo-terminal; returns what it printed.
#[cfg(unix)]
fn on_terminal(dir: &std::path::Path, args: &[&str]) -> String {
    use std::io::Read as _;
    use std::os::fd::{FromRawFd, OwnedFd};
    let (mut master, mut slave) = (0, 0);
    // SAFETY: two out-pointers to ints; no name, termios or size asked for.
    let opened =
        unsafe { libc::openpty(&mut master, &mut slave, std::ptr::null_mut(), std::ptr::null(), std::ptr::null()) };
    assert_eq!(opened, 0, "openpty");
    // SAFETY: both descriptors were just opened and are owned here alone.
    let (master, slave) = unsafe { (OwnedFd::from_raw_fd(master), OwnedFd::from_raw_fd(slave)) };
    let mut child = bin(dir).args(args).stdout(Stdio::from(slave)).stderr(Stdio::null()).spawn_retrying().unwrap();
    let mut master = fs::File::from(master);
    let mut out = Vec::new();
    // Linux answers EIO once the child has closed the terminal's other end.
    let _ = master.read_to_end(&mut out);
    child.wait().unwrap();
    String::from_utf8_lossy(&out).into_owned()
}

/// Data (an export, JSON) is exact in a pipe; shown on a terminal, a person reads it, and
/// its control characters are replaced like any text's.
#[test]
#[cfg(unix)]
fn data_on_a_terminal_carries_no_escape_sequence() {
    let dir = tempfile::tempdir().unwrap();
    run(dir.path(), &["routine", "add", "my-tea", "--title", "Tea\u{1b}]0;pwned\u{7}", "--at", "21:00"]).ok();
    run(dir.path(), &["check", "my-tea", "--date", "2026-11-26"]).ok();
    let piped = run(dir.path(), &["export", "--format", "csv"]).ok().stdout();
    assert!(piped.contains("Tea\u{1b}]0;pwned\u{7}"), "exact in a pipe: {piped:?}");
    let shown = on_terminal(dir.path(), &["export", "--format", "csv"]);
    assert!(shown.contains("Tea\u{fffd}]0;pwned\u{fffd}"), "{shown:?}");
    assert!(!shown.contains(['\u{1b}', '\u{7}']), "{shown:?}");
    let plan = on_terminal(dir.path(), &["plan", "--date", "2026-11-26"]);
    assert!(plan.contains("Tea\u{fffd}") && !plan.contains('\u{1b}'), "{plan:?}");
}

/// A name that leads to something not a file, through a link too, is refused and the
/// link stays: `export -o /dev/stdout` must never replace /dev/stdout with a file.
#[test]
#[cfg(unix)]
fn a_link_to_a_fifo_is_not_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe");
    assert!(std::process::Command::new("mkfifo").arg(&fifo).status_retrying().unwrap().success());
    let link = dir.path().join("out.csv");
    std::os::unix::fs::symlink(&fifo, &link).unwrap();
    for args in [&["export", "-o"][..], &["report", "--to", "2026-11-26", "-o"]] {
        let mut args = args.to_vec();
        args.push(link.to_str().unwrap());
        let refused = run(dir.path(), &args);
        assert_eq!(refused.code(), 1, "{args:?}");
        assert!(refused.stderr().contains("out.csv is a FIFO, not a file to write to"), "{}", refused.stderr());
        assert!(fs::symlink_metadata(&link).unwrap().file_type().is_symlink(), "the link stays");
    }
}
