//! Odd surroundings (issue 20, part B), end to end through the binary: what the process
//! finds around it (its time zone, its log file, signals, other paths to its folder)
//! must never hang it, kill it silently or make it repeat a reminder.

mod common;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use common::{KillOnDrop, Run, bin, wait_until};

/// Runs `command` to the end, but fails the test (instead of hanging it) when it takes
/// longer than `limit`.
fn finish_within(command: &mut Command, limit: Duration) -> Run {
    let child = command.stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().expect("runs");
    let pid = child.id();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(child.wait_with_output());
    });
    match rx.recv_timeout(limit) {
        Ok(out) => Run { out: out.expect("waited") },
        Err(_) => {
            let _ = Command::new("kill").arg("-9").arg(pid.to_string()).status();
            panic!("still running after {limit:?}");
        }
    }
}

fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo").arg(path).status().expect("mkfifo");
    assert!(status.success());
}

#[test]
fn a_time_zone_that_is_a_fifo_or_a_device_falls_back_to_utc_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("zone-fifo");
    mkfifo(&fifo);
    for tz in [format!(":{}", fifo.display()), ":/dev/zero".to_owned(), "/dev/zero".to_owned()] {
        let run = finish_within(bin(dir.path()).env("TZ", &tz).arg("status"), Duration::from_secs(20)).ok();
        let warning = run.stderr();
        assert!(warning.contains(&format!("TZ={tz}")) && warning.contains("uses UTC instead"), "{tz}: {warning}");
        assert_eq!(warning.lines().count(), 1, "{warning}");
        assert!(run.stdout().contains("Tonight"), "{}", run.stdout());
    }
    // A real zone says nothing.
    let run = finish_within(bin(dir.path()).arg("status"), Duration::from_secs(20)).ok();
    assert_eq!(run.stderr(), "");
}

/// `bedtime-coach remind` on `dir` with no session bus: the service runs (it logs that
/// notifications cannot be shown) and can be watched through its log file.
fn start_service(dir: &Path) -> KillOnDrop {
    let child = bin(dir)
        .arg("remind")
        .env("DBUS_SESSION_BUS_ADDRESS", format!("unix:path={}", dir.join("no-bus").display()))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("the service starts");
    let service = KillOnDrop(child);
    let log = dir.join("remind.log");
    let running = || std::fs::read_to_string(&log).is_ok_and(|text| text.contains("reminders are running"));
    assert!(wait_until(Duration::from_secs(20), running), "the service did not start");
    service
}

fn signal(service: &KillOnDrop, name: &str) {
    let status = Command::new("kill").arg(format!("-{name}")).arg(service.0.id().to_string()).status().unwrap();
    assert!(status.success());
}

#[test]
fn sighup_leaves_the_service_running_and_sigterm_is_logged() {
    let dir = tempfile::tempdir().unwrap();
    let mut service = start_service(dir.path());
    let log = dir.path().join("remind.log");
    let logged = |what: &str| std::fs::read_to_string(&log).unwrap_or_default().contains(what);
    signal(&service, "HUP");
    assert!(wait_until(Duration::from_secs(10), || logged("(SIGHUP)")), "SIGHUP was not logged");
    std::thread::sleep(Duration::from_millis(300));
    assert!(service.0.try_wait().unwrap().is_none(), "SIGHUP ended the service");
    assert!(bedtime_coach::remind::service::is_running(&bedtime_coach::store::Paths::in_dir(dir.path())));

    signal(&service, "TERM");
    let ended = wait_until(Duration::from_secs(10), || service.0.try_wait().unwrap().is_some());
    assert!(ended, "SIGTERM did not end the service");
    assert!(logged("Stopping on SIGTERM"), "{}", std::fs::read_to_string(&log).unwrap());
    assert!(
        !bedtime_coach::remind::service::is_running(&bedtime_coach::store::Paths::in_dir(dir.path())),
        "the reminders were not handed back"
    );
}

#[test]
fn the_service_stops_and_says_why_when_its_folder_is_renamed() {
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("data");
    std::fs::create_dir(&dir).unwrap();
    let mut service = start_service(&dir);
    let moved = root.path().join("moved");
    std::fs::rename(&dir, &moved).unwrap();
    let ended = wait_until(Duration::from_secs(15), || service.0.try_wait().unwrap().is_some());
    assert!(ended, "the service went on in a renamed folder");
    // Its log file went with the folder.
    let log = std::fs::read_to_string(moved.join("remind.log")).unwrap();
    assert!(log.contains("was removed or renamed while the reminder service ran"), "{log}");
}
