//! Toasts under Wine: Wine 8 has no toasts, so a reminder's toast fails and the reminder
//! loop takes the path it takes wherever notifications fail (the reminder log, which the
//! window shows as a banner); and the activation path a toast's button takes, for real:
//! the reminder service registers the `bedtime-coach:` URI scheme, and starting such a
//! URI through the shell (as the Action Center does) checks the step off.
//! Under Wine: `cargo test --target x86_64-pc-windows-gnu --test windows_toasts`.
//! Toasts themselves (what Windows shows, its buttons) are untested on real Windows.
#![cfg(windows)]

mod support;

use support::StartRetrying as _;

use std::os::windows::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use bedtime_coach::model::{Outcome, evening_at};
use bedtime_coach::remind::notifier::{DEADLINE, for_this_system};
use bedtime_coach::remind::reminder_loop::{ReminderEvent, ReminderLoop};
use bedtime_coach::store::{Paths, STATE_DIR_VARIABLE, Store};
use chrono::Local;

#[test]
fn a_toast_wine_cannot_show_goes_to_the_reminder_log_for_the_window() {
    let dir = tempfile::tempdir().unwrap();
    let paths = support::due_now(dir.path());
    let (tx, events) = mpsc::channel();
    let notifier = for_this_system(dir.path().join("icon.png").display().to_string(), &paths);
    let mut reminder_loop = ReminderLoop::new(Store::new(paths.clone()), notifier, move |event| {
        let _ = tx.send(event);
    });
    let started = Instant::now();
    reminder_loop.tick(&Local::now());
    assert!(started.elapsed() < DEADLINE + Duration::from_secs(3), "{:?}", started.elapsed());
    match events.try_iter().find(|event| !matches!(event, ReminderEvent::FileNotice { .. })) {
        Some(ReminderEvent::Unavailable { message, summary, due }) => {
            assert!(message.starts_with("Desktop notifications are not available"), "{message}");
            assert_eq!(summary, "Bedtime");
            assert!(due.contains(&"Lights out".to_owned()), "{due:?}");
        }
        other => panic!("{other:?}"),
    }
    // What the window's banner is made of.
    let log = Store::new(paths).load_reminders().unwrap().value;
    assert_eq!(log.undelivered.len(), 1, "{:?}", log.undelivered);
    assert_eq!(log.undelivered[0].summary, "Bedtime");
}

/// `reg query` of a value under `HKCU\Software\Classes\bedtime-coach`.
fn registered(key: &str) -> Option<String> {
    let out = Command::new("reg")
        .args(["query", &format!(r"HKCU\Software\Classes\bedtime-coach{key}"), "/ve"])
        .stderr(Stdio::null())
        .output_retrying()
        .ok()?;
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    (out.status.success() && text.contains("REG_SZ")).then_some(text)
}

/// Both ways a service finds this computer's state folder: the usual one
/// (`%LOCALAPPDATA%\bedtime-coach\folders\<folder key>` for a chosen data folder), and one
/// given with `--state-dir`, which the registered command must pass on. One test, as both
/// write the one registration of the scheme.
#[test]
fn the_service_registers_the_uri_scheme_and_a_started_uri_checks_the_step() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let usual = Paths::resolve(Some(&data)).unwrap();
    let local = PathBuf::from(std::env::var_os("LOCALAPPDATA").expect("%LOCALAPPDATA%")).join("bedtime-coach");
    assert_eq!(usual.state_dir, local.join("folders").join(usual.folder_key()));
    let _state = support::RemoveDirOnDrop(usual.state_dir.clone());
    activation_reaches_the_folders(&data, None, &usual);

    let data = dir.path().join("data-2");
    let state = dir.path().join("state-2");
    activation_reaches_the_folders(&data, Some(&state), &Paths::with_state(&data, &state));
}

/// The service on `data` (and `state`, if given) registers the scheme, is stopped, and
/// the registered command run with a toast's URI checks the step off: in `data`'s journal,
/// under the device id of `expected`'s state, having taken the lock there.
fn activation_reaches_the_folders(data: &Path, state: Option<&Path>, expected: &Paths) {
    support::due_now(data);
    let mut service = Command::new(env!("CARGO_BIN_EXE_bedtime-coach"));
    service.arg("--data-dir").arg(data).env_remove(STATE_DIR_VARIABLE);
    if let Some(state) = state {
        service.arg("--state-dir").arg(state);
    }
    // The reminder service registers the scheme at start (then it is stopped: the
    // activation must work with no service and no window running).
    let service = service.arg("remind").stdout(Stdio::null()).stderr(Stdio::null()).spawn_retrying().unwrap();
    let service = support::KillOnDrop(service);
    let deadline = Instant::now() + Duration::from_secs(60);
    let command = loop {
        if let Some(command) = registered(r"\shell\open\command").filter(|c| c.contains(&data.display().to_string())) {
            break command;
        }
        assert!(Instant::now() < deadline, "the service did not register the URI scheme");
        std::thread::sleep(Duration::from_millis(200));
    };
    drop(service);
    assert!(command.contains("bedtime-coachw.exe"), "{command}");
    assert!(command.contains(r#"activate "%1""#), "{command}");
    match state {
        Some(state) => assert!(command.contains(&format!(r#""--state-dir" "{}""#, state.display())), "{command}"),
        None => assert!(!command.contains("--state-dir"), "{command}"),
    }
    assert!(registered("").is_some_and(|value| value.contains("URL:Bedtime Coach")));

    let store = Store::new(expected.clone());
    let evening = evening_at(&store.load_routine_file().unwrap().value, &Local::now());
    // As the Action Center does: the shell looks the scheme up and starts its command
    // with the URI for `%1`. Wine 8's ShellExecute does not look up URI schemes of its
    // own ("File not found" from `start bedtime-coach:…`), so the test does that step:
    // the registered command line, run as it is written (with no state folder from the
    // environment: the Action Center gives none).
    let uri = format!("bedtime-coach:done?tag=1&date={evening}&step=warm-bath");
    let line = command.lines().find_map(|line| line.split_once("REG_SZ")).map(|(_, value)| value.trim()).unwrap();
    let (program, arguments) = line.strip_prefix('"').and_then(|rest| rest.split_once('"')).unwrap();
    let mut window = Command::new(program)
        .raw_arg(arguments.replace("%1", &uri))
        .env_remove(STATE_DIR_VARIABLE)
        .env_remove("BEDTIME_COACH_DATA_DIR")
        .spawn_retrying()
        .unwrap();
    assert!(window.wait().unwrap().success());
    let journal = store.load_journal().unwrap().value;
    let check_in = journal.check_in(evening, "warm-bath").expect("the started URI did not check the step");
    assert_eq!(check_in.outcome, Outcome::Done);
    // Written by this computer as `expected` names it, under the lock of its state folder.
    let device = std::fs::read_to_string(&expected.device_file).expect("the device id");
    let month = format!("{}.{}.json", evening.format("%Y-%m"), device.trim());
    assert!(data.join("journal").join(&month).is_file(), "no journal/{month}");
    assert!(expected.lock_file().is_file(), "no lock in {}", expected.state_dir.display());
    // A URI about a step the routine does not have changes nothing (the program says why
    // and fails).
    let mut refused = Command::new(env!("CARGO_BIN_EXE_bedtime-coach"));
    refused.arg("--data-dir").arg(data).arg("--state-dir").arg(&expected.state_dir);
    let refused = refused
        .args(["activate", &format!("bedtime-coach:done?date={evening}&step=no-such-step")])
        .output_retrying()
        .unwrap();
    assert!(!refused.status.success());
    let said = String::from_utf8_lossy(&refused.stderr);
    assert!(said.contains("not in your routine"), "{said}");
}
