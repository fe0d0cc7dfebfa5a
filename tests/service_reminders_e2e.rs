//! End to end: the real `bedtime-coach remind` on a private session bus with `dunst` under
//! Xvfb, watched with `dbus-monitor`.
//!
//! - A temporary data folder whose bedtime is about two minutes away (TZ=UTC, whole
//!   minutes: the first one at least 90 s ahead).
//! - The `Notify` call must arrive within 2 s of the due time, with the right summary and
//!   body, and exactly once.
//! - Pressing "Done" on dunst (its context menu, so dunst itself answers: only the server's
//!   answers count) marks the step done in `status --json`, and the service then closes
//!   the notification (`CloseNotification` with its id).
//! - `remind --test` on the command line gets a test notification shown by the service.
//! - A second `remind` started beside the first exits with a clear message.
//!
//! Needs Xvfb, dunst (with dunstctl), dbus-daemon, dbus-monitor and gdbus. When one is missing the test is
//! skipped with a message, unless `BEDTIME_COACH_E2E=1` is set (CI), which makes it fail.
//! Every process it starts is killed when the test ends, pass or fail.

// Linux only: D-Bus, dunst, Xvfb and the desktop session (the Windows port's window
// and service get their own tests with parts 1 and 2 of the port).
#![cfg(unix)]

mod support;
use support::desktop_session;

use desktop_session::Session;

use std::fs;
use std::thread::sleep;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use support::{e2e_available, wait_until};

fn epoch() -> f64 {
    SystemTime::now().duration_since(UNIX_EPOCH).unwrap().as_secs_f64()
}

/// The `Notify` calls in a dbus-monitor log: (time, summary, body).
fn notify_calls(log: &str) -> Vec<(f64, String, String)> {
    let mut calls = Vec::new();
    let lines: Vec<&str> = log.lines().collect();
    for (n, line) in lines.iter().enumerate() {
        if !(line.starts_with("method call") && line.contains("member=Notify")) {
            continue;
        }
        let time = line.split("time=").nth(1).and_then(|t| t.split_whitespace().next()).and_then(|t| t.parse().ok());
        let strings: Vec<String> = lines[n + 1..]
            .iter()
            .take_while(|l| l.starts_with(' '))
            .filter_map(|l| l.trim().strip_prefix("string \"").and_then(|s| s.strip_suffix('"')).map(str::to_owned))
            .collect();
        // app name, icon, summary, body come first, in that order.
        if let (Some(time), Some(summary), Some(body)) = (time, strings.get(2), strings.get(3)) {
            calls.push((time, summary.clone(), body.clone()));
        }
    }
    calls
}

fn proc_status(pid: u32, key: &str) -> String {
    fs::read_to_string(format!("/proc/{pid}/status"))
        .unwrap_or_default()
        .lines()
        .find(|l| l.starts_with(key))
        .map(|l| l[key.len()..].trim().to_owned())
        .unwrap_or_default()
}

#[test]
fn reminder_arrives_once_on_time_and_done_reaches_the_journal() {
    let required = ["Xvfb", "dunst", "dunstctl", "dbus-daemon", "dbus-monitor", "gdbus"];
    if !e2e_available("the end-to-end reminder test", &required, "xvfb dunst dbus libglib2.0-bin") {
        return;
    }
    let session = Session::start("1024x768x24");

    let (_monitor, monitor_log) = session.monitor("interface='org.freedesktop.Notifications'");
    let _dunst = session.dunst_ready();

    // Bedtime at the first whole minute at least 90 s away: about two minutes.
    let now = epoch() as u64;
    let due = (now + 90).div_ceil(60) * 60;
    let hhmm = |t: u64| format!("{:02}:{:02}", (t / 3600) % 24, (t / 60) % 60);
    let setup = session.app(&["schedule", "--bedtime", &hhmm(due), "--wake", &hhmm(due + 8 * 3600)]);
    assert!(setup.status.success(), "{}", String::from_utf8_lossy(&setup.stderr));

    let first_log = session.dir.path().join("remind-1.log");
    let first = session.spawn_app(&["remind"], &first_log);
    let first_pid = first.0.id();
    assert!(
        wait_until(Duration::from_secs(5), || fs::read_to_string(&first_log).unwrap_or_default().contains("running")),
        "the service did not start: {}",
        fs::read_to_string(&first_log).unwrap_or_default()
    );

    // A second service beside the first: a clear message and a quick exit.
    let second = session.app(&["remind"]);
    let message = String::from_utf8_lossy(&second.stderr);
    assert_eq!(second.status.code(), Some(1), "{message}");
    assert!(message.contains("already running") && message.contains(&first_pid.to_string()), "{message}");

    sleep(Duration::from_secs(2));
    let rss_idle = proc_status(first_pid, "VmRSS:");

    // The reminder arrives within 2 s of its due time.
    let arrived = wait_until(Duration::from_secs_f64(due as f64 - epoch() + 4.0), || {
        !notify_calls(&fs::read_to_string(&monitor_log).unwrap_or_default()).is_empty()
    });
    let calls = notify_calls(&fs::read_to_string(&monitor_log).unwrap_or_default());
    assert!(arrived, "no Notify call; service log: {}", fs::read_to_string(&first_log).unwrap_or_default());
    let (at, summary, body) = &calls[0];
    let lateness = at - due as f64;
    println!("reminder due at {due}, Notify at {at:.3}: {:.0} ms late", lateness * 1000.0);
    assert!((-0.5..2.0).contains(&lateness), "Notify {lateness:.3} s after the due time");
    assert_eq!(summary, "Bedtime");
    assert!(body.starts_with("Lights out — An early bedtime, as part of a daily routine"), "{body}");

    // "Done", pressed on dunst (only the notification server's answers count: a signal
    // any other program sends is ignored, see tests/notifier.rs).
    // The service logs the id the server returned, right after the Notify call returns.
    let shown_id = || {
        fs::read_to_string(&first_log)
            .unwrap_or_default()
            .lines()
            .find_map(|l| l.split("(notification ").nth(1)?.trim_end_matches(')').parse::<u32>().ok())
    };
    assert!(wait_until(Duration::from_secs(3), || shown_id().is_some()), "no notification id in the service log");
    let id = shown_id().unwrap_or_default();
    let lights_out_done = || {
        let status = session.app(&["status", "--json"]);
        let value: serde_json::Value = serde_json::from_slice(&status.stdout).unwrap();
        value["steps"].as_array().unwrap().iter().any(|s| s["id"] == "lights-out" && s["state"] == "done")
    };
    assert!(!lights_out_done());
    let invoked = wait_until(Duration::from_secs(5), || {
        let _ = session.press("Done");
        sleep(Duration::from_millis(300));
        lights_out_done()
    });
    assert!(invoked, "Done did not reach the journal; service log: {}", fs::read_to_string(&first_log).unwrap());
    // Its step settled, the service closes the notification it showed (`CloseNotification`
    // with the server's id), within a few seconds of the journal changing.
    let closed = wait_until(Duration::from_secs(5), || {
        close_calls(&fs::read_to_string(&monitor_log).unwrap_or_default()).contains(&id)
    });
    assert!(closed, "no CloseNotification({id}); service log: {}", fs::read_to_string(&first_log).unwrap());

    // Nothing is shown twice, whatever happens next: not later, not after a restart.
    sleep(Duration::from_secs(3));
    let calls = notify_calls(&fs::read_to_string(&monitor_log).unwrap_or_default());
    assert_eq!(calls.len(), 1, "{calls:?}");
    println!(
        "remind: VmRSS idle {rss_idle}, after showing {}, peak {}",
        proc_status(first_pid, "VmRSS:"),
        proc_status(first_pid, "VmHWM:")
    );
    drop(first);
    let again_log = session.dir.path().join("remind-2.log");
    let _again = session.spawn_app(&["remind"], &again_log);
    assert!(
        wait_until(Duration::from_secs(5), || fs::read_to_string(&again_log).unwrap_or_default().contains("running")),
        "the restarted service did not start: {}",
        fs::read_to_string(&again_log).unwrap_or_default()
    );
    sleep(Duration::from_secs(3));
    let calls = notify_calls(&fs::read_to_string(&monitor_log).unwrap_or_default());
    assert_eq!(calls.len(), 1, "a restart repeated a reminder: {calls:?}");

    // `remind --test` asks the running service, which shows a test notification in dunst.
    let test = session.app(&["remind", "--test"]);
    let out = String::from_utf8_lossy(&test.stdout);
    assert!(test.status.success(), "{out} {}", String::from_utf8_lossy(&test.stderr));
    assert!(out.starts_with("A test notification was shown."), "{out}");
    let calls = notify_calls(&fs::read_to_string(&monitor_log).unwrap_or_default());
    assert_eq!(calls.len(), 2, "{calls:?}");
    assert_eq!(calls[1].1, "Test notification from Bedtime Coach");
}

/// The ids in the `CloseNotification` calls of a dbus-monitor log.
fn close_calls(log: &str) -> Vec<u32> {
    let lines: Vec<&str> = log.lines().collect();
    lines
        .iter()
        .enumerate()
        .filter(|(_, line)| line.starts_with("method call") && line.contains("member=CloseNotification"))
        .filter_map(|(n, _)| lines.get(n + 1)?.trim().strip_prefix("uint32 ")?.parse().ok())
        .collect()
}
