//! The reminder service's Windows parts under Wine: the absolute waitable timer, the
//! folder watch seeing a save by another process, and one service per data folder (a
//! second is refused with a sentence, and `remind --stop` ends the first).
//! `cargo test --target x86_64-pc-windows-gnu --test windows_service`.
#![cfg(windows)]

mod support;

use support::StartRetrying as _;

use std::path::PathBuf;
use std::process::Stdio;
use std::time::{Duration, Instant, SystemTime};

use bedtime_coach::platform::folder_watch::Waited;
use bedtime_coach::platform::wall_timer::{Timer, Woke};
use bedtime_coach::platform::{Concern, available};
use bedtime_coach::store::{Paths, STATE_DIR_VARIABLE};
use support::{bin, output, wait_until};

#[test]
fn the_waitable_timer_fires_at_an_absolute_time_and_its_bell_wakes_it() {
    assert_eq!(available(Concern::WallTimer), Ok(()));
    let mut timer = Timer::new().expect("a waitable timer");
    let deadline = SystemTime::now() + Duration::from_millis(300);
    let started = Instant::now();
    assert_eq!(timer.wait_until(deadline).unwrap(), Woke::Deadline);
    assert!(SystemTime::now() >= deadline - Duration::from_millis(20), "woke before the deadline");
    assert!(started.elapsed() < Duration::from_secs(5));
    let bell = timer.ringer();
    std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(100));
        bell.ring();
    });
    assert_eq!(timer.wait_until(SystemTime::now() + Duration::from_secs(3600)).unwrap(), Woke::Rung);
}

#[test]
fn the_folder_watch_sees_a_file_another_process_saved() {
    assert_eq!(available(Concern::FolderWatch), Ok(()));
    let dir = tempfile::tempdir().unwrap();
    let watch = bedtime_coach::platform::folder_watch::FolderWatch::new(&[dir.path()]).expect("a watch");
    assert_eq!(watch.wait(Some(Duration::from_millis(100))), Ok(Waited::TimedOut));
    let mut saver =
        bin(dir.path()).args(["schedule", "--bedtime", "22:30"]).stdout(Stdio::null()).spawn_retrying().unwrap();
    assert_eq!(watch.wait(Some(Duration::from_secs(20))), Ok(Waited::Changed));
    assert!(saver.wait().unwrap().success());
    while watch.wait(Some(Duration::from_millis(200))) == Ok(Waited::Changed) {}
    assert_eq!(watch.wait(Some(Duration::from_millis(50))), Ok(Waited::TimedOut));
}

#[test]
fn a_second_service_on_the_same_folder_is_refused_with_a_sentence() {
    let dir = tempfile::tempdir().unwrap();
    let mut first = bin(dir.path())
        .arg("remind")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn_retrying()
        .unwrap();
    let lock = dir.path().join("reminders.lock");
    let locked = || std::fs::File::open(&lock).is_ok_and(|file| file.try_lock_shared().is_err());
    assert!(wait_until(Duration::from_secs(20), locked), "the first service never took the lock");
    let second = output(bin(dir.path()).arg("remind"));
    let stopped = output(bin(dir.path()).args(["remind", "--stop"]));
    let exited = wait_until(Duration::from_secs(10), || first.try_wait().is_ok_and(|status| status.is_some()));
    if !exited {
        let _ = first.kill();
    }
    assert_eq!(second.code(), 1, "{}", second.stderr());
    assert!(
        second.stderr().contains("Reminders are already running in another Bedtime Coach process"),
        "{}",
        second.stderr()
    );
    assert!(stopped.stdout().contains("has stopped"), "{} {}", stopped.stdout(), stopped.stderr());
    assert!(exited, "remind --stop did not end the first service");
}

/// The service the window starts (`Coach::start_service`: no console, its own process
/// group) keeps running after the process that started it has ended. The starter is this
/// test program run again with `BEDTIME_COACH_STARTER_DIR`, which starts the service and
/// exits at once, as a window closed right after it opened would. Started for a chosen
/// folder with no state folder given, it keeps its own files where a user's service does:
/// `%LOCALAPPDATA%\bedtime-coach\folders\<folder key>` (the owner lock, the log), the
/// data folder holding none of them.
#[test]
fn the_service_started_detached_outlives_its_starter() {
    if let Some(dir) = std::env::var_os("BEDTIME_COACH_STARTER_DIR") {
        let coach = bedtime_coach::use_cases::Coach::open(Some(std::path::Path::new(&dir))).unwrap();
        coach.start_service(std::path::Path::new(support::BIN)).unwrap();
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let paths = Paths::resolve(Some(dir.path())).unwrap();
    let local = PathBuf::from(std::env::var_os("LOCALAPPDATA").expect("%LOCALAPPDATA%")).join("bedtime-coach");
    assert_eq!(paths.state_dir, local.join("folders").join(paths.folder_key()));
    assert_eq!(paths.device_file, local.join("device-id"));
    let _state = support::RemoveDirOnDrop(paths.state_dir.clone());
    let _stop = support::StopServiceOnDrop(paths.clone());
    let starter = std::process::Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "the_service_started_detached_outlives_its_starter", "--test-threads=1"])
        .env("BEDTIME_COACH_STARTER_DIR", dir.path())
        // Not piped: Windows hands the starter's inheritable handles (a pipe to read its
        // output) on to the service, and the pipe would stay open as long as it runs.
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status_retrying()
        .unwrap();
    assert!(starter.success(), "the starter failed: {starter}");
    let lock = paths.reminder_owner_file();
    let locked = || std::fs::File::open(&lock).is_ok_and(|file| file.try_lock_shared().is_err());
    assert!(wait_until(Duration::from_secs(20), locked), "the detached service never took the lock");
    // The starter is gone; a second later the service still owns the reminders.
    std::thread::sleep(Duration::from_secs(1));
    assert!(locked(), "the service ended with its starter");
    assert!(paths.log_file().is_file(), "no log in {}", paths.state_dir.display());
    for name in ["reminders.lock", "remind.log", "bedtime-coach.lock", "reminders.json"] {
        assert!(!dir.path().join(name).exists(), "{name} in the data folder");
    }
    // `remind --stop` as a user runs it: given the data folder only, it finds the same
    // state folder.
    let stopped = output(bin(dir.path()).env_remove(STATE_DIR_VARIABLE).args(["remind", "--stop"]));
    assert!(stopped.stdout().contains("has stopped"), "{} {}", stopped.stdout(), stopped.stderr());
}
