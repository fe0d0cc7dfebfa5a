//! End to end: the real window read through AT-SPI, as Orca would, under Xvfb with a
//! private session bus and its own accessibility bus (`at-spi-bus-launcher`, with
//! `org.a11y.Status.IsEnabled` set: AccessKit registers the window only then).
//!
//! - The window is named "Bedtime Coach"; the screens are page tabs, Tonight selected.
//! - The progress bar has a range (0–100), not egui's ±1.8e308.
//! - Each Done / Skip button names its step and says its time and state; states are read
//!   without the marks drawn beside them (√ • ! –).
//! - Done works through the accessibility action, and the journal has it.
//! - On Night, the radio buttons sit in groups named by their questions.
//!
//! The tree comes from `tests/support/atspi_tree.py` (the system python3 with pyatspi).
//! Needs Xvfb, dbus-daemon, at-spi-bus-launcher, gdbus and python3-pyatspi; skipped
//! with a message without them, unless `BEDTIME_COACH_E2E=1` (CI), where it fails.

// Linux only: D-Bus, dunst, Xvfb and the desktop session (the Windows port's window
// and service get their own tests with parts 1 and 2 of the port).
#![cfg(unix)]

mod support;
use support::desktop_session;

use std::process::{Command, Stdio};
use std::time::Duration;

use desktop_session::Session;
use support::{e2e_available, have, wait_until};

const LAUNCHER: &str = "/usr/libexec/at-spi-bus-launcher";
const PYTHON: &str = "/usr/bin/python3";

/// One named node of the tree: role, name, description, parent's role and name, extras.
#[derive(Debug, Clone)]
struct Node {
    role: String,
    name: String,
    description: String,
    parent_role: String,
    parent_name: String,
    extras: String,
}

/// Ends the bus launcher with SIGTERM, so that it takes its bus daemon with it (after a
/// SIGKILL the daemon would outlive the test).
struct TermOnDrop(std::process::Child);

impl Drop for TermOnDrop {
    fn drop(&mut self) {
        let _ = Command::new("kill").arg(self.0.id().to_string()).status();
        let _ = self.0.wait();
    }
}

fn tree_script() -> String {
    format!("{}/tests/support/atspi_tree.py", env!("CARGO_MANIFEST_DIR"))
}

fn dump(session: &Session) -> Vec<Node> {
    dump_with_app(session).1
}

/// The application's name on the accessibility bus, and its named nodes.
fn dump_with_app(session: &Session) -> (String, Vec<Node>) {
    let out = session.command(PYTHON).arg(tree_script()).arg("dump").output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    let app = text.lines().find_map(|line| line.strip_prefix("APP\t")).unwrap_or_default().to_owned();
    let nodes = text
        .lines()
        .filter(|line| !line.starts_with("APP\t"))
        .filter_map(|line| {
            let f: Vec<&str> = line.split('\t').collect();
            (f.len() == 6).then(|| Node {
                role: f[0].into(),
                name: f[1].into(),
                description: f[2].into(),
                parent_role: f[3].into(),
                parent_name: f[4].into(),
                extras: f[5].into(),
            })
        })
        .collect();
    (app, nodes)
}

fn act(session: &Session, name: &str) {
    let out = session.command(PYTHON).arg(tree_script()).args(["do", name]).output().unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("DONE"), "no action on {name:?}");
}

fn find<'a>(tree: &'a [Node], role: &str, name: &str) -> &'a Node {
    tree.iter().find(|n| n.role == role && n.name == name).unwrap_or_else(|| panic!("no {role} {name:?} in {tree:#?}"))
}

#[test]
fn a_screen_reader_gets_through_the_evening_and_the_morning() {
    let pyatspi = Command::new(PYTHON).args(["-c", "import pyatspi"]).output().is_ok_and(|o| o.status.success());
    let required = ["Xvfb", "dbus-daemon", "gdbus", LAUNCHER];
    if !e2e_available("the screen reader test", &required, "xvfb dbus at-spi2-core libglib2.0-bin python3-pyatspi") {
        return;
    }
    assert!(
        pyatspi || std::env::var("BEDTIME_COACH_E2E").as_deref() != Ok("1"),
        "BEDTIME_COACH_E2E=1 but python3-pyatspi is missing"
    );
    if !pyatspi {
        eprintln!("skipped: the screen reader test needs python3-pyatspi");
        return;
    }
    let session = Session::start("1280x900x24");
    let _bus = TermOnDrop(session.command(LAUNCHER).arg("--launch-immediately").stdout(Stdio::null()).spawn().unwrap());
    // As a screen reader starting would: AccessKit registers only once this is true.
    let enabled = wait_until(Duration::from_secs(10), || {
        session
            .command("gdbus")
            .args(["call", "--session", "--dest", "org.a11y.Bus", "--object-path", "/org/a11y/bus"])
            .args(["--method", "org.freedesktop.DBus.Properties.Set", "org.a11y.Status", "IsEnabled", "<true>"])
            .output()
            .is_ok_and(|o| o.status.success())
    });
    assert!(enabled, "the accessibility bus did not start");

    // Bedtime three hours away: the evening's steps are on Tonight, some past, some to come.
    let bedtime = chrono::Utc::now() + chrono::TimeDelta::hours(3);
    let hhmm = |t: chrono::DateTime<chrono::Utc>| t.format("%H:%M").to_string();
    session.ok(&["schedule", "--bedtime", &hhmm(bedtime), "--wake", &hhmm(bedtime + chrono::TimeDelta::hours(8))]);
    // Reminders off: no service started beside the window, no banner moving things.
    let store = bedtime_coach::store::Store::new(bedtime_coach::store::Paths::in_dir(session.data()));
    let settings = bedtime_coach::model::Settings { reminders: false, ..Default::default() };
    bedtime_coach::use_cases::Change::SetSettings(settings).apply(&store).unwrap();
    let log = session.dir.path().join("window.log");
    let _window = session.spawn_app(&[], &log);
    let mut tree = Vec::new();
    let registered = wait_until(Duration::from_secs(40), || {
        tree = dump(&session);
        tree.iter().any(|n| n.name.starts_with("Done: "))
    });
    assert!(
        registered,
        "the window is not on the accessibility bus: {}",
        std::fs::read_to_string(&log).unwrap_or_default()
    );

    // 20: the window's name.
    assert!(tree.iter().any(|n| n.role == "frame" && n.name == "Bedtime Coach"), "{tree:#?}");
    // 20: the application's name, as the desktop lists it. accesskit_unix 0.24 takes it
    // from the executable's file name (`current_exe`) and offers no way to set it
    // (AccessKit dropped `Tree::app_name` on purpose, PR #492): the program's name, not
    // a test harness's. Make it "Bedtime Coach" once AccessKit lets an app say its name.
    let (app, _) = dump_with_app(&session);
    assert_eq!(app, "bedtime-coach");
    // 22: tabs with a selected one, a progress bar with a range, no marks read out.
    let tab = find(&tree, "page tab", "Tonight");
    assert!(tab.extras.contains("selected=true"), "{tab:?}");
    assert!(find(&tree, "page tab", "History").extras.contains("selected=false"));
    assert!(find(&tree, "page tab", "Tonight").parent_role == "page tab list");
    let bar = tree.iter().find(|n| n.role == "progress bar").expect("a progress bar");
    assert!(bar.extras.contains("range=0..100"), "{bar:?}");
    for node in &tree {
        assert!(!node.name.starts_with(['√', '•', '!', '–']), "a mark read out: {node:?}");
    }
    // 19: each Done says its step, its time and its state.
    let done: Vec<&Node> = tree.iter().filter(|n| n.role == "push button" && n.name.starts_with("Done: ")).collect();
    assert!(done.len() > 5, "{done:?}");
    for button in &done {
        let (time, _) = button.description.split_once(", ").unwrap_or_default();
        assert!(time.len() == 5 && time.as_bytes()[2] == b':', "{button:?}");
    }

    // Done through the accessibility action reaches the journal.
    act(&session, "Done: Warm bath");
    let bath_done = || {
        let status = session.app(&["status", "--json"]);
        let value: serde_json::Value = serde_json::from_slice(&status.stdout).unwrap_or_default();
        value["steps"].as_array().is_some_and(|s| s.iter().any(|s| s["id"] == "warm-bath" && s["state"] == "done"))
    };
    assert!(wait_until(Duration::from_secs(10), bath_done), "Done through AT-SPI did not reach the journal");
    let undo = wait_until(Duration::from_secs(10), || {
        tree = dump(&session);
        tree.iter().any(|n| n.name == "Undo: Warm bath" && n.description.contains("done at"))
    });
    assert!(undo, "Undo does not say the step was done: {tree:#?}");

    // 18: on Night, the radio buttons are grouped under their questions.
    act(&session, "Night");
    let grouped = wait_until(Duration::from_secs(10), || {
        tree = dump(&session);
        tree.iter().any(|n| n.role == "radio button" && n.name == "None")
    });
    assert!(grouped, "no Night screen: {tree:#?}");
    let none = find(&tree, "radio button", "None");
    assert_eq!((none.parent_role.as_str(), none.parent_name.as_str()), ("panel", "Twitches while falling asleep"));
    let low = find(&tree, "radio button", "Low");
    assert_eq!(low.parent_name, "Stress yesterday");

    // 13: Export on a desktop with no file dialog (no portal on this session bus): the
    // path field is there within 2 s (it took 10 to 30 s), here measured through AT-SPI.
    if have("zenity") || have("kdialog") {
        eprintln!("skipped the export without a file dialog: zenity or kdialog is installed and would answer");
        return;
    }
    act(&session, "Settings");
    let settings = wait_until(Duration::from_secs(10), || {
        tree = dump(&session);
        tree.iter().any(|n| n.role == "push button" && n.name == "Export as CSV…")
    });
    assert!(settings, "no Settings screen: {tree:#?}");
    let asked = std::time::Instant::now();
    act(&session, "Export as CSV…");
    let field = wait_until(Duration::from_secs(10), || {
        tree = dump(&session);
        tree.iter().any(|n| n.name == "Save the export as")
    });
    let took = asked.elapsed();
    assert!(field, "no path field: {tree:#?}");
    assert!(tree.iter().any(|n| n.name.starts_with("No file dialog could be shown")), "{tree:#?}");
    eprintln!("the path field was on the accessibility bus {took:?} after Export");
    // The window's own give-up is 2 s at most (src/ui/file_dialog.rs); AT-SPI's round
    // trips (a python3 per look) come on top.
    assert!(took < Duration::from_secs(4), "the path field took {took:?}");
}
