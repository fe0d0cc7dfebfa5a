//! End to end: the round trip from a notification back into the app, with the real
//! `bedtime-coach remind`, a real dunst on a private session bus under Xvfb, and no window
//! open at the start.
//!
//! - A middle click on the morning invitation (dunst's `do_action, close_current`, which
//!   sends `ActionInvoked(id, "default")`) opens the window on the night log.
//! - On a step reminder the "default" action opens the window on Tonight, and the same
//!   notification, still on screen, still answers the next press: Snooze records a snooze
//!   and the service closes the notification (`CloseNotification` with its id). Both are
//!   pressed through dunst's own menu, as only the server's answers count.
//!
//! Needs Xvfb, dunst (with dunstctl), dbus-daemon, dbus-monitor, gdbus and xdotool; skipped with a message
//! without them, unless `BEDTIME_COACH_E2E=1` (CI), where a missing piece is a failure.

// Linux only: D-Bus, dunst, Xvfb and the desktop session (the Windows port's window
// and service get their own tests with parts 1 and 2 of the port).
#![cfg(unix)]

mod support;
use support::desktop_session;

use std::fs;
use std::process::Command;
use std::time::Duration;

use desktop_session::Session;
use support::{e2e_available, wait_until};

const REQUIRED: [&str; 7] = ["Xvfb", "dunst", "dunstctl", "dbus-daemon", "dbus-monitor", "gdbus", "xdotool"];
const INSTALL: &str = "xvfb dunst dbus libglib2.0-bin xdotool";

fn xdotool(session: &Session, args: &[&str]) -> String {
    let out = session.command("xdotool").args(args).output().unwrap();
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// `HH:MM` of now plus `minutes` (may be negative), in UTC like the session.
fn hhmm(minutes: i64) -> String {
    (chrono::Utc::now() + chrono::TimeDelta::minutes(minutes)).format("%H:%M").to_string()
}

/// The session with dunst owning the notification name.
fn session_with_dunst() -> (Session, support::KillOnDrop) {
    let session = Session::start("1024x768x24");
    let dunst = session.dunst_ready();
    (session, dunst)
}

/// Starts the service and waits for the id of the first notification it shows.
fn service_shows(session: &Session, log: &std::path::Path) -> (support::KillOnDrop, u32) {
    let service = session.spawn_app(&["remind"], log);
    let shown_id = || {
        fs::read_to_string(log)
            .unwrap_or_default()
            .lines()
            .find_map(|l| l.split("(notification ").nth(1)?.trim_end_matches(')').parse::<u32>().ok())
    };
    assert!(
        wait_until(Duration::from_secs(20), || shown_id().is_some()),
        "no notification shown; service log: {}",
        fs::read_to_string(log).unwrap_or_default()
    );
    (service, shown_id().unwrap_or_default())
}

/// The process id and command line of the app's window, once it is on screen.
fn window_opened(session: &Session, service_log: &std::path::Path) -> (String, String) {
    let mut pid = String::new();
    let appeared = wait_until(Duration::from_secs(40), || {
        pid = xdotool(session, &["search", "--onlyvisible", "--name", "^Bedtime Coach$", "getwindowpid"])
            .lines()
            .next()
            .unwrap_or_default()
            .trim()
            .to_owned();
        !pid.is_empty()
    });
    assert!(appeared, "no window opened; service log: {}", fs::read_to_string(service_log).unwrap_or_default());
    let cmdline = fs::read(format!("/proc/{pid}/cmdline")).unwrap_or_default();
    (pid, String::from_utf8_lossy(&cmdline).replace('\0', " "))
}

/// Ends the window the service started (not a child of this test, so no KillOnDrop).
fn close_window(pid: &str) {
    let _ = Command::new("kill").arg(pid).status();
}

#[test]
fn a_middle_click_on_the_morning_invitation_opens_the_night_log() {
    if !e2e_available("the notification click test", &REQUIRED, INSTALL) {
        return;
    }
    let (session, _dunst) = session_with_dunst();
    // Woken 20 minutes ago: the invitation (15 minutes after waking) is due, and still
    // within its window, as soon as the service starts.
    session.ok(&["schedule", "--bedtime", &hhmm(-20 - 8 * 60), "--wake", &hhmm(-20)]);
    session.routine_began_yesterday();
    let log = session.dir.path().join("remind.log");
    let (_service, _id) = service_shows(&session, &log);

    let shown = session.notification_on_screen(Duration::from_secs(20));
    let (x, y, width, _) = shown.expect("dunst shows no notification");
    // The middle of the top of the notification (dunst's window may be taller than it).
    let (x, y) = (x + width / 2, y + 15);
    xdotool(&session, &["mousemove", &x.to_string(), &y.to_string(), "click", "2"]);
    // dunst closes what it acted on: a click that missed is the test's, not the app's.
    let closed = wait_until(Duration::from_secs(10), || session.notification_place().is_none());
    assert!(closed, "the click at {x},{y} did not reach dunst's notification {shown:?}");

    let (pid, cmdline) = window_opened(&session, &log);
    let lock = session.device_id_lock_free();
    close_window(&pid);
    assert_eq!(lock, Ok(()), "with the service and the window it started running");
    assert!(
        cmdline.contains("--screen night"),
        "the window was opened as `{cmdline}`; service log: {}",
        fs::read_to_string(&log).unwrap_or_default()
    );
    let service_log = fs::read_to_string(&log).unwrap_or_default();
    assert!(service_log.contains("Open"), "the service did not log the click: {service_log}");
}

#[test]
fn a_step_reminder_opens_tonight_and_still_answers_snooze() {
    if !e2e_available("the notification click test", &REQUIRED, INSTALL) {
        return;
    }
    let (session, _dunst) = session_with_dunst();
    let (_monitor, monitor_log) = session.monitor("interface='org.freedesktop.Notifications'");
    // Bedtime two minutes ago: "Lights out" is late but within its grace, so it comes at once.
    session.ok(&["schedule", "--bedtime", &hhmm(-2), "--wake", &hhmm(8 * 60 - 2)]);
    session.routine_began_yesterday();
    let log = session.dir.path().join("remind.log");
    let (_service, id) = service_shows(&session, &log);

    // Through dunst's own menu: only the server's answers count.
    let press = |label: &str| {
        let pressed = session.press(label);
        assert!(pressed.status.success(), "{}", String::from_utf8_lossy(&pressed.stderr));
    };
    assert!(session.notification_on_screen(Duration::from_secs(20)).is_some(), "dunst shows no notification");
    press("Open Bedtime Coach");
    let (pid, cmdline) = window_opened(&session, &log);
    let lock = session.device_id_lock_free();
    close_window(&pid);
    assert_eq!(lock, Ok(()), "with the service and the window it started running");
    assert!(cmdline.contains("--screen tonight"), "the window was opened as `{cmdline}`");

    // The notification is still on screen: its Snooze still works, and closes it.
    press("Snooze 10 min");
    let snoozed = wait_until(Duration::from_secs(10), || {
        let list = session.app(&["reminders"]);
        String::from_utf8_lossy(&list.stdout).contains("snoozed until")
    });
    assert!(snoozed, "Snooze was not recorded; service log: {}", fs::read_to_string(&log).unwrap_or_default());
    let closed = wait_until(Duration::from_secs(5), || {
        let monitor = fs::read_to_string(&monitor_log).unwrap_or_default();
        let lines: Vec<&str> = monitor.lines().collect();
        lines.iter().enumerate().any(|(n, line)| {
            line.contains("member=CloseNotification")
                && lines.get(n + 1).is_some_and(|next| next.trim() == format!("uint32 {id}"))
        })
    });
    assert!(closed, "Snooze left notification {id} open; service log: {}", fs::read_to_string(&log).unwrap());
}
