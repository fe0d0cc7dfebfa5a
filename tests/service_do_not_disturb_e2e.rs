//! End to end: Do Not Disturb with the real `bedtime-coach remind` and real dunst, paused
//! with `dunstctl set-paused true`, on a private session bus under Xvfb, watched with
//! `dbus-monitor`.
//!
//! Grace window 1 min (the smallest). A step (`set-alarm`) is due at the start of the
//! current minute and bedtime at the next one. With dunst paused from the start:
//! - no `Notify` at all while paused: the step is held, then its grace window ends while
//!   still paused, then bedtime comes due and is held too;
//! - a few seconds after bedtime, dunst is unpaused: exactly one `Notify` ("Bedtime"),
//!   within a few seconds, and never one for the step whose window had passed;
//! - `reminders --json` tells it: the step missed after a hold, bedtime sent after one.
//!
//! About a minute of wall-clock time, most of it waiting for the next whole minute.
//! Needs Xvfb, dunst, dunstctl, dbus-daemon and dbus-monitor; skipped with a message when
//! one is missing, unless `BEDTIME_COACH_E2E=1` (CI).

// Linux only: D-Bus, dunst, Xvfb and the desktop session (the Windows port's window
// and service get their own tests with parts 1 and 2 of the port).
#![cfg(unix)]

mod support;
use support::desktop_session;

use desktop_session::Session;

use std::fs;
use std::path::Path;
use std::thread::sleep;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use support::{e2e_available, wait_until};

/// Pauses or resumes dunst (its Do Not Disturb).
fn dunstctl(session: &Session, paused: bool) {
    let status = session.command("dunstctl").args(["set-paused", if paused { "true" } else { "false" }]).status();
    assert!(status.is_ok_and(|s| s.success()), "dunstctl set-paused {paused}");
}

fn epoch() -> f64 {
    SystemTime::now().duration_since(UNIX_EPOCH).unwrap().as_secs_f64()
}

/// The summaries of the `Notify` calls in a dbus-monitor log, with their times.
fn notify_calls(log: &Path) -> Vec<(f64, String)> {
    let log = fs::read_to_string(log).unwrap_or_default();
    let lines: Vec<&str> = log.lines().collect();
    let mut calls = Vec::new();
    for (n, line) in lines.iter().enumerate() {
        if !(line.starts_with("method call") && line.contains("member=Notify")) {
            continue;
        }
        let time = line.split("time=").nth(1).and_then(|t| t.split_whitespace().next()).and_then(|t| t.parse().ok());
        // app name, icon, summary: the third string.
        let summary = lines[n + 1..]
            .iter()
            .take_while(|l| l.starts_with(' '))
            .filter_map(|l| l.trim().strip_prefix("string \"").and_then(|s| s.strip_suffix('"')))
            .nth(2);
        if let (Some(time), Some(summary)) = (time, summary) {
            calls.push((time, summary.to_owned()));
        }
    }
    calls
}

#[test]
fn do_not_disturb_holds_reminders_and_delivers_them_when_it_ends_within_the_grace_window() {
    let required = ["Xvfb", "dunst", "dunstctl", "dbus-daemon", "dbus-monitor"];
    if !e2e_available("the Do Not Disturb end-to-end test", &required, "xvfb dunst dbus") {
        return;
    }
    let session = Session::start("640x480x24");

    let (_monitor, monitor_log) = session.monitor("interface='org.freedesktop.Notifications',member='Notify'");
    let _dunst = session.dunst();
    assert!(
        wait_until(Duration::from_secs(10), || session
            .command("dunstctl")
            .arg("is-paused")
            .output()
            .is_ok_and(|o| o.status.success())),
        "dunst did not come up"
    );
    dunstctl(&session, true);

    // Not in the last seconds of a minute: the service must hold the step before its
    // one-minute window ends.
    while epoch() as u64 % 60 > 50 {
        sleep(Duration::from_millis(200));
    }
    let minute = epoch() as u64 / 60 * 60;
    let hhmm = |t: u64| format!("{:02}:{:02}", (t / 3600) % 24, (t / 60) % 60);
    let bedtime = minute + 60;
    session.ok(&["schedule", "--bedtime", &hhmm(bedtime), "--wake", &hhmm(bedtime + 8 * 3600)]);
    session.ok(&["routine", "set", "set-alarm", "--at", &hhmm(minute), "--remind", "on"]);
    session.routine_began_yesterday();
    // The smallest grace window, written as Settings would.
    support::edit_routine(&session.data(), |routine_file| routine_file["settings"]["grace_minutes"] = 1.into());

    let service_log = session.dir.path().join("remind.log");
    let _service = session.spawn_app(&["remind"], &service_log);
    let log_text = || fs::read_to_string(&service_log).unwrap_or_default();
    assert!(
        wait_until(Duration::from_secs(5), || log_text().contains("Held for Do Not Disturb: set-alarm")),
        "not held: {}",
        log_text()
    );
    let held = session.ok(&["reminders", "--json"]);
    assert!(held.contains("\"status\": \"held\""), "{held}");

    // Past the step's window and bedtime due, still paused: nothing shown.
    let unpause_at = bedtime as f64 + 3.0;
    sleep(Duration::from_secs_f64((unpause_at - epoch()).max(0.0)));
    assert!(notify_calls(&monitor_log).is_empty(), "shown while paused: {:?}", notify_calls(&monitor_log));
    dunstctl(&session, false);
    let unpaused = epoch();
    assert!(
        wait_until(Duration::from_secs(5), || !notify_calls(&monitor_log).is_empty()),
        "nothing after unpausing: {}",
        log_text()
    );
    let calls = notify_calls(&monitor_log);
    println!(
        "bedtime held {:.1} s, shown {:.0} ms after unpausing",
        unpaused - bedtime as f64,
        (calls[0].0 - unpaused) * 1000.0
    );
    assert_eq!(calls[0].1, "Bedtime");
    assert!(calls[0].0 - unpaused < 2.5, "{calls:?} unpaused at {unpaused}");
    // The step whose window ended during the pause never comes.
    sleep(Duration::from_secs(2));
    assert_eq!(notify_calls(&monitor_log).len(), 1, "{:?}", notify_calls(&monitor_log));

    let value: serde_json::Value = serde_json::from_str(&session.ok(&["reminders", "--json"])).unwrap();
    let rows = value["reminders"].as_array().unwrap();
    let row = |id: &str| rows.iter().find(|r| r["id"] == id).unwrap_or_else(|| panic!("no {id}: {value}"));
    assert_eq!(row("set-alarm")["status"], "missed", "{value}");
    assert!(row("set-alarm")["held_since"].is_string(), "{value}");
    assert_eq!(row(":bedtime")["status"], "sent", "{value}");
    assert!(row(":bedtime")["held_since"].is_string(), "{value}");
    let text = session.ok(&["reminders"]);
    assert!(text.contains("missed: Do Not Disturb (from "), "{text}");
}
