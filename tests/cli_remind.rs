//! The reminder commands as a user meets them: `remind --pause-tonight / --resume`,
//! `status --json`'s `paused`, `autostart on|off|status` (honouring `XDG_CONFIG_HOME`), and
//! one owner of the reminders at a time. No D-Bus needed.

mod support;

use support::StartRetrying as _;

use std::path::Path;
use std::process::Stdio;
use std::time::Duration;

use support::{Run, bin, output, wait_until};

/// Runs the binary with `config_home` as `XDG_CONFIG_HOME`, where the autostart entry goes.
fn run(dir: &Path, config_home: &Path, args: &[&str]) -> Run {
    output(bin(dir).env("XDG_CONFIG_HOME", config_home).args(args))
}

fn text(run: Run) -> String {
    run.ok().stdout()
}

fn paused(dir: &Path, config_home: &Path) -> bool {
    run(dir, config_home, &["status", "--json"]).ok().json()["paused"].as_bool().expect("status --json has \"paused\"")
}

#[test]
fn pause_tonight_and_resume() {
    let dir = tempfile::tempdir().unwrap();
    let config = tempfile::tempdir().unwrap();
    assert!(!paused(dir.path(), config.path()));
    let out = text(run(dir.path(), config.path(), &["remind", "--pause-tonight"]));
    assert!(out.starts_with("Reminders are paused for the rest of tonight"), "{out}");
    assert!(paused(dir.path(), config.path()));
    assert!(text(run(dir.path(), config.path(), &["status"])).contains("paused"));
    let out = text(run(dir.path(), config.path(), &["remind", "--resume"]));
    assert!(out.starts_with("Reminders are back on"), "{out}");
    assert!(!paused(dir.path(), config.path()));
    let both = run(dir.path(), config.path(), &["remind", "--pause-tonight", "--resume"]);
    assert_eq!(both.code(), 2, "conflicting options are a usage error");
}

/// Unix only: the XDG entry (autostart on Windows is part 2 of the port; until then it says so, see store_windows.rs).
#[test]
#[cfg(unix)]
fn autostart_writes_and_removes_an_xdg_entry() {
    let dir = tempfile::tempdir().unwrap();
    let config = tempfile::tempdir().unwrap();
    let entry = config.path().join("autostart/bedtime-coach-reminders.desktop");
    let status = text(run(dir.path(), config.path(), &["autostart", "status"]));
    assert!(status.contains("do not start at login"), "{status}");
    let on = text(run(dir.path(), config.path(), &["autostart", "on"]));
    assert!(on.contains(&entry.display().to_string()), "{on}");
    assert!(on.contains("To start them now, run `bedtime-coach remind &`."), "{on}");
    let desktop = std::fs::read_to_string(&entry).unwrap();
    assert!(desktop.starts_with("[Desktop Entry]\nType=Application\n"), "{desktop}");
    let exec = desktop.lines().find_map(|l| l.strip_prefix("Exec=")).unwrap();
    // The test keeps this computer's state in the data folder (`support::bin`): said too.
    let expected =
        format!("{} remind --data-dir {} --state-dir {}", support::BIN, dir.path().display(), dir.path().display());
    assert_eq!(exec, expected, "starts this program's service with the same data folder");
    let icon = desktop.lines().find_map(|l| l.strip_prefix("Icon=")).unwrap();
    assert_eq!(std::fs::read(icon).unwrap(), std::fs::read("assets/icon.png").unwrap());
    assert!(text(run(dir.path(), config.path(), &["autostart", "status"])).starts_with("Reminders start at login"));
    let off = text(run(dir.path(), config.path(), &["autostart", "off"]));
    assert!(off.starts_with("Reminders no longer start at login."), "{off}");
    assert!(!entry.exists());
    let again = text(run(dir.path(), config.path(), &["autostart", "off"]));
    assert!(again.starts_with("Reminders were not set to start at login."), "{again}");
    let bad = run(dir.path(), config.path(), &["autostart", "maybe"]);
    assert_eq!(bad.code(), 2);
}

/// A reminder service on `dir` without a session bus, once it owns the reminders.
fn start_service(dir: &Path, config_home: &Path) -> std::process::Child {
    let service = bin(dir)
        .arg("remind")
        .env("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus")
        .env("XDG_CONFIG_HOME", config_home)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn_retrying()
        .unwrap();
    let lock = dir.join("reminders.lock");
    // Windows keeps a locked file unreadable to others: there, being locked is the sign.
    #[cfg(unix)]
    let locked = || std::fs::read_to_string(&lock).unwrap_or_default().trim() == service.id().to_string();
    #[cfg(windows)]
    let locked = || std::fs::File::open(&lock).is_ok_and(|file| file.try_lock_shared().is_err());
    assert!(wait_until(Duration::from_secs(10), locked), "the service never took the lock");
    service
}

/// Unix only for now: it asks autostart, which Windows has with part 2 of the port.
#[test]
#[cfg(unix)]
fn a_second_service_exits_with_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    let config = tempfile::tempdir().unwrap();
    // No session bus at all: the service still runs (and would fall back to the window).
    let mut first = start_service(dir.path(), config.path());
    let second = run(dir.path(), config.path(), &["remind"]);
    let _ = first.kill();
    let _ = first.wait();
    let message = second.stderr();
    assert_eq!(second.code(), 1, "{message}");
    assert!(
        message.contains(&format!(
            "Reminders are already running in another Bedtime Coach process (process {})",
            first.id()
        )),
        "{message}"
    );
    // Once the owner is gone (even killed), the lock is free again.
    let status = text(run(dir.path(), config.path(), &["autostart", "status"]));
    assert!(!status.contains("is running now"), "{status}");
}

#[test]
fn remind_test_asks_the_service_and_reports_what_came_of_it() {
    let dir = tempfile::tempdir().unwrap();
    let config = tempfile::tempdir().unwrap();
    // No service: the request waits in the reminder log, and the user is told so.
    let out = text(run(dir.path(), config.path(), &["remind", "--test"]));
    assert!(out.starts_with("The reminder service is not running"), "{out}");
    let log: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("reminders.json")).unwrap()).unwrap();
    assert!(log["test_requested_at"].is_string(), "{log}");
    assert_eq!(run(dir.path(), config.path(), &["remind", "--test", "--resume"]).code(), 2);
    // A service without a session bus answers that notifications are not available.
    let mut service = start_service(dir.path(), config.path());
    let answer = run(dir.path(), config.path(), &["remind", "--test"]);
    let _ = service.kill();
    let _ = service.wait();
    let message = answer.stderr();
    assert_eq!(answer.code(), 1, "{message}");
    assert!(
        message.contains("The test notification could not be shown. Desktop notifications are not available"),
        "{message}"
    );
}

/// `remind --stop` (what the Windows installer runs before it replaces or removes the
/// program): with no service it says so and succeeds; with one it asks it to stop, waits
/// until the reminders are handed back, and says so. The service exits on its own.
#[test]
fn remind_stop_stops_the_running_service_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let config = tempfile::tempdir().unwrap();
    let none = text(run(dir.path(), config.path(), &["remind", "--stop"]));
    assert!(none.starts_with("No reminder service is running for these files"), "{none}");
    assert_eq!(run(dir.path(), config.path(), &["remind", "--stop", "--test"]).code(), 2);

    let mut service = start_service(dir.path(), config.path());
    let stopped = run(dir.path(), config.path(), &["remind", "--stop"]);
    let exited = wait_until(Duration::from_secs(10), || service.try_wait().is_ok_and(|status| status.is_some()));
    if !exited {
        let _ = service.kill();
    }
    let said = stopped.ok().stdout();
    assert!(exited, "the service still runs after: {said}");
    assert!(said.starts_with("The reminder service") && said.contains("has stopped"), "{said}");
    #[cfg(unix)]
    assert!(said.contains(&format!("(process {})", service.id())), "{said}");
    assert!(service.wait().unwrap().success(), "the service did not stop cleanly");
    let again = text(run(dir.path(), config.path(), &["remind", "--stop"]));
    assert!(again.starts_with("No reminder service is running"), "{again}");
}

/// `remind --stop` signals only the service: a pid written into the lock by hand (held
/// locked by some other process) is left alone, and a FIFO or a link in the lock's place
/// neither hangs the command nor names a process (a hostile tester's findings).
#[test]
#[cfg(target_os = "linux")]
fn remind_stop_never_signals_a_process_that_is_not_the_service() {
    use std::process::{Command, Stdio};
    let dir = tempfile::tempdir().unwrap();
    let config = tempfile::tempdir().unwrap();
    let mut victim = Command::new("sleep").arg("60").spawn_retrying().unwrap();
    let lock = dir.path().join("reminders.lock");
    std::fs::write(&lock, victim.id().to_string()).unwrap();
    // Someone else holds the lock, as the service would; the pid in it is the victim's.
    let held = std::fs::File::open(&lock).unwrap();
    held.lock().unwrap();
    let answer = run(dir.path(), config.path(), &["remind", "--stop"]);
    assert!(answer.stderr().contains("left alone"), "{} {}", answer.stdout(), answer.stderr());
    assert!(victim.try_wait().unwrap().is_none(), "the victim was signalled");
    drop(held);

    // A link to the victim's file, and a FIFO: "not running", at once.
    std::fs::remove_file(&lock).unwrap();
    let elsewhere = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(elsewhere.path(), victim.id().to_string()).unwrap();
    std::os::unix::fs::symlink(elsewhere.path(), &lock).unwrap();
    let held = std::fs::File::open(elsewhere.path()).unwrap();
    held.lock().unwrap();
    let answer = run(dir.path(), config.path(), &["remind", "--stop"]);
    assert_eq!(answer.code(), 0, "{}", answer.stderr());
    assert!(victim.try_wait().unwrap().is_none(), "the victim was signalled through a link");
    std::fs::remove_file(&lock).unwrap();
    let made = Command::new("mkfifo").arg(&lock).stderr(Stdio::null()).status_retrying().unwrap();
    assert!(made.success());
    let started = std::time::Instant::now();
    let answer = run(dir.path(), config.path(), &["remind", "--stop"]);
    assert_eq!(answer.code(), 0, "{}", answer.stderr());
    assert!(started.elapsed() < std::time::Duration::from_secs(20), "a FIFO hung it");
    let _ = victim.kill();
    let _ = victim.wait();
}
