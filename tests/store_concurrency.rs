//! Two processes sharing the journal, and processes killed mid-save.
//!
//! The children are this very test binary, re-run with an environment variable naming
//! the job, so they are real separate processes using the real store.

mod support;

use support::StartRetrying as _;

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use bedtime_coach::model::{CheckIn, Journal, Outcome};
use bedtime_coach::store::{Paths, Store, StoreError};
use chrono::{DateTime, NaiveDate, TimeDelta};

const JOB: &str = "BEDTIME_COACH_TEST_CHILD";

fn day(n: usize) -> NaiveDate {
    NaiveDate::from_ymd_opt(2000, 1, 1).unwrap() + TimeDelta::days(n as i64)
}

fn check_in() -> CheckIn {
    CheckIn::new(Outcome::Done, DateTime::parse_from_rfc3339("2026-11-26T21:00:00+01:00").unwrap(), None)
}

/// The child side: does nothing unless this process was started as a child.
#[test]
fn child_entry() {
    let Ok(job) = std::env::var(JOB) else { return };
    let mut parts = job.splitn(3, '|');
    let (kind, dir, arg) = (parts.next().unwrap(), parts.next().unwrap(), parts.next().unwrap_or(""));
    let store = Store::new(Paths::in_dir(dir));
    match kind {
        "checkins" => {
            for n in 0..500 {
                store
                    .update_journal(|journal| {
                        journal.record(day(n), arg, check_in());
                        Ok::<_, StoreError>(())
                    })
                    .unwrap();
            }
        }
        "save-loop" => loop {
            let saved = store
                .update_journal(|journal| {
                    let n = journal.check_in_count();
                    journal.record(day(n), "warm-bath", check_in());
                    Ok::<_, StoreError>(n + 1)
                })
                .unwrap()
                .value;
            println!("SAVED {saved}");
        },
        other => panic!("unknown job {other}"),
    }
}

fn spawn_child(job: String, stdout: Stdio) -> Child {
    Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "child_entry", "--nocapture", "--test-threads=1"])
        .env(JOB, job)
        .stdout(stdout)
        .stderr(Stdio::inherit())
        .spawn_retrying()
        .unwrap()
}

fn journal_in(dir: &Path) -> Journal {
    Store::new(Paths::in_dir(dir)).load_journal().unwrap().value
}

#[test]
fn two_processes_recording_at_once_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let children: Vec<Child> = ["warm-bath", "lights-out"]
        .iter()
        .map(|step| spawn_child(format!("checkins|{}|{step}", dir.path().display()), Stdio::null()))
        .collect();
    for mut child in children {
        assert!(child.wait().unwrap().success());
    }
    let journal = journal_in(dir.path());
    assert_eq!(journal.check_in_count(), 1000);
    for n in 0..500 {
        assert!(journal.check_in(day(n), "warm-bath").is_some());
        assert!(journal.check_in(day(n), "lights-out").is_some());
    }
}

/// A small xorshift generator: the kill moments only need to be varied, not secure.
struct Moments(u64);

impl Moments {
    fn next_micros(&mut self, max: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % max
    }
}

#[test]
fn killed_mid_save_the_file_holds_the_old_or_the_new_state() {
    let dir = tempfile::tempdir().unwrap();
    let seed = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos() as u64 | 1;
    let mut moments = Moments(seed);
    for round in 0..200 {
        let mut child = spawn_child(format!("save-loop|{}|", dir.path().display()), Stdio::piped());
        let stdout = child.stdout.take().unwrap();
        let (saves, saved) = std::sync::mpsc::channel();
        let reader = std::thread::spawn(move || {
            // libtest may print "test child_entry ... " on the same line as the first one.
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if let Some(n) = line.split("SAVED ").nth(1).and_then(|n| n.trim().parse::<usize>().ok()) {
                    let _ = saves.send(n);
                }
            }
        });
        // Once it is saving in a loop (however slow the machine), kill it at a random
        // moment within the next few saves.
        let first = saved.recv_timeout(Duration::from_secs(30)).expect("the child never saved");
        std::thread::sleep(Duration::from_micros(moments.next_micros(20_000)));
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        reader.join().unwrap();
        // The last save the child confirmed; the file may also hold the one in flight.
        let known = saved.try_iter().last().unwrap_or(first);
        // The file itself must parse as it is, before the store could repair anything.
        match std::fs::read(dir.path().join("journal.json")) {
            Ok(bytes) => {
                assert!(serde_json::from_slice::<serde_json::Value>(&bytes).is_ok(), "round {round}: damaged file")
            }
            Err(error) => panic!("round {round}: the journal vanished ({error})"),
        }
        let journal = journal_in(dir.path());
        let count = journal.check_in_count();
        assert!(
            count == known || count == known + 1,
            "round {round} (seed {seed}): file has {count} check-ins, last confirmed save had {known}"
        );
        assert!((0..count).all(|n| journal.check_in(day(n), "warm-bath").is_some()));
    }
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.contains("corrupt"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}
