//! The reminder service's tray icon end to end, on a private session bus: the service
//! starts with no tray host (and says so once), a StatusNotifierWatcher written here
//! appears, the item registers with it, its tooltip names the next reminder, and "Done"
//! clicked through `com.canonical.dbusmenu` lands in the journal.
//!
//! Needs dbus-daemon; without it the test skips with a message, unless BEDTIME_COACH_E2E=1.

// Linux only: D-Bus, dunst, Xvfb and the desktop session (the Windows port's window
// and service get their own tests with parts 1 and 2 of the port).
#![cfg(unix)]

mod support;
use support::sni_watcher;

use std::collections::HashMap;
use std::path::Path;
use std::process::Stdio;
use std::time::Duration;

use chrono::{Local, TimeDelta};
use support::{KillOnDrop, Run, bin_here, e2e_available, output, wait_until};
use zbus::OwnedVariant;

fn cli(data: &Path, args: &[&str]) -> Run {
    output(bin_here(data).args(args))
}

/// `org.freedesktop.DBus.Properties.Get` on the item.
fn property(bus: &zbus::Connection, item: &str, path: &str, name: &str) -> OwnedVariant {
    let reply = zbus::block_on(bus.call_method(
        Some(item),
        path,
        Some("org.freedesktop.DBus.Properties"),
        "Get",
        &("org.kde.StatusNotifierItem", name),
    ))
    .unwrap_or_else(|e| panic!("{name}: {e}"));
    reply.body().deserialize::<OwnedVariant>().unwrap()
}

/// A dbusmenu layout node: (id, properties, children).
type Node = (i32, HashMap<String, OwnedVariant>, Vec<OwnedVariant>);

fn label(node: &Node) -> String {
    node.1.get("label").and_then(|v| String::try_from(v.try_clone().unwrap()).ok()).unwrap_or_default()
}

#[test]
fn the_tray_registers_shows_the_next_reminder_and_its_done_reaches_the_journal() {
    if !e2e_available("the tray end-to-end test", &["dbus-daemon"], "dbus") {
        return;
    }
    let data = tempfile::tempdir().unwrap();
    // A routine saved before (undated, as by an older version): the bath due a minute
    // ago counts, although the schedule below is set now.
    let store = bedtime_coach::store::Store::new(bedtime_coach::store::Paths::in_dir(data.path()));
    let undated = bedtime_coach::model::RoutineFile::default();
    bedtime_coach::use_cases::Change::SaveRoutineFile(undated).apply(&store).unwrap();
    // Only the warm bath, due a minute ago: "Done" has a step to act on.
    let bedtime = Local::now() + TimeDelta::minutes(89);
    let (bed, wake) =
        (bedtime.format("%H:%M").to_string(), (bedtime + TimeDelta::hours(8)).format("%H:%M").to_string());
    cli(data.path(), &["schedule", "--bedtime", &bed, "--wake", &wake]).ok();
    for step in cli(data.path(), &["routine", "list", "--json"]).ok().json().as_array().unwrap() {
        let id = step["id"].as_str().unwrap();
        if id != "warm-bath" {
            cli(data.path(), &["routine", "remove", id]).ok();
        }
    }

    let (_daemon, address) = support::session_bus(&[]);

    // The service first, with no tray host on the bus (a panel that starts later).
    let log_path = data.path().join("service.log");
    let service = bin_here(data.path())
        .arg("remind")
        .env("DBUS_SESSION_BUS_ADDRESS", &address)
        // Its debug lines say when it hands back the memory start-up used.
        .env("RUST_LOG", "info,bedtime_coach=debug")
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(&log_path).unwrap())
        .spawn()
        .unwrap();
    let mut service = KillOnDrop(service);
    let log = || std::fs::read_to_string(&log_path).unwrap_or_default();
    assert!(wait_until(Duration::from_secs(10), || log().contains("No tray host")), "log: {}", log());

    let (bus, registered) = sni_watcher::start(&address);
    assert!(wait_until(Duration::from_secs(10), || !registered.items().is_empty()), "no item registered: {}", log());
    let items = registered.items();
    assert_eq!(items.len(), 1, "{items:?}");
    let item = &items[0];
    assert!(item.starts_with("org.kde.StatusNotifierItem-"), "{item}");

    let (_, _, title, description) = <(String, Vec<(i32, i32, Vec<u8>)>, String, String)>::try_from(property(
        &bus,
        item,
        "/StatusNotifierItem",
        "ToolTip",
    ))
    .unwrap();
    assert_eq!(title, "Bedtime Coach");
    assert_eq!(description, format!("Next: Bedtime at {bed}"));
    let pixmaps =
        <Vec<(i32, i32, Vec<u8>)>>::try_from(property(&bus, item, "/StatusNotifierItem", "IconPixmap")).unwrap();
    assert!(pixmaps.iter().any(|(w, h, data)| (*w, *h) == (22, 22) && data.len() == 22 * 22 * 4), "no 22 px moon");

    let menu = zbus::OwnedObjectPath::try_from(property(&bus, item, "/StatusNotifierItem", "Menu")).unwrap();
    let reply = zbus::block_on(bus.call_method(
        Some(item.as_str()),
        menu.as_str(),
        Some("com.canonical.dbusmenu"),
        "GetLayout",
        &(0i32, -1i32, Vec::<String>::new()),
    ))
    .unwrap();
    let (_revision, root): (u32, Node) = reply.body().deserialize().unwrap();
    let entries: Vec<Node> = root.2.into_iter().map(|child| Node::try_from(child).unwrap()).collect();
    let labels: Vec<String> = entries.iter().map(label).collect();
    for expected in ["Open checklist", "Done: Warm bath", "Pause reminders tonight", "Quit reminders"] {
        assert!(labels.iter().any(|l| l == expected), "{expected} not in {labels:?}");
    }
    let done = entries.iter().find(|node| label(node) == "Done: Warm bath").unwrap().0;
    // Once quiet, the service releases the code pages start-up used (platform/unix/footprint.rs):
    // the menu answers all the same afterwards.
    assert!(wait_until(Duration::from_secs(20), || log().contains("Quiet again")), "log: {}", log());
    zbus::block_on(bus.call_method(
        Some(item.as_str()),
        menu.as_str(),
        Some("com.canonical.dbusmenu"),
        "Event",
        &(done, "clicked", zbus::Variant::from(0i32), 0u32),
    ))
    .unwrap();

    let state = || {
        let status = cli(data.path(), &["status", "--json"]).json();
        let steps = status["steps"].as_array().cloned().unwrap_or_default();
        steps.iter().find(|s| s["id"] == "warm-bath").map(|s| s["state"].as_str().unwrap_or("").to_owned())
    };
    assert!(wait_until(Duration::from_secs(5), || state().as_deref() == Some("done")), "warm-bath is {:?}", state());

    // A change made elsewhere (here the command line) reaches the tooltip within seconds.
    cli(data.path(), &["remind", "--pause-tonight"]).ok();
    let tooltip = || {
        let tip = property(&bus, item, "/StatusNotifierItem", "ToolTip");
        <(String, Vec<(i32, i32, Vec<u8>)>, String, String)>::try_from(tip).unwrap().3
    };
    assert!(
        wait_until(Duration::from_secs(5), || tooltip() == "Reminders are paused tonight."),
        "tooltip still {:?}",
        tooltip()
    );
    assert!(service.0.try_wait().unwrap().is_none(), "the service ended: {}", log());
    assert_eq!(log().matches("No tray host").count(), 1, "said more than once: {}", log());
}
