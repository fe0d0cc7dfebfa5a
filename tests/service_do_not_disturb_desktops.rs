//! Do Not Disturb as each desktop keeps it, read by the service's probe
//! (`remind::do_not_disturb::Desktop`) on a private session bus:
//! - XFCE: the real `xfconfd` (started by the bus) holds `/do-not-disturb` of the
//!   `xfce4-notifyd` channel, switched with the real `xfconf-query`;
//! - GNOME: the real dconf service holds `show-banners` of
//!   `org.gnome.desktop.notifications`, switched with the real `gsettings` (no settings
//!   portal on this bus, so the probe reads it with `gsettings` too);
//! - KDE Plasma: the notification server's own `Inhibited` property.
//!
//! The notification server itself is a stand-in that answers `GetServerInformation` with
//! each desktop's server name (xfce4-notifyd, GNOME Shell and Plasma need a whole desktop
//! session); dunst's switch is tested end to end with real dunst in
//! `do_not_disturb_e2e.rs`. The bus and settings live in a temporary folder.
//!
//! The probe reads the process's environment (the bus address, the settings folder), so
//! the desktops run one after another in the one test below.

// Linux only: D-Bus, dunst, Xvfb and the desktop session (the Windows port's window
// and service get their own tests with parts 1 and 2 of the port).
#![cfg(unix)]

mod support;

use std::path::Path;
use std::process::Command;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use bedtime_coach::remind::do_not_disturb::{Desktop, DoNotDisturb};
use support::{e2e_available, wait_until};

/// What the stand-in notification server says about itself.
#[derive(Default)]
struct ServerState {
    name: String,
    inhibited: bool,
}

struct Notifications(Arc<Mutex<ServerState>>);

#[zbus::interface(name = "org.freedesktop.Notifications")]
impl Notifications {
    fn get_server_information(&self) -> (String, String, String, String) {
        let name = self.0.lock().unwrap().name.clone();
        (name, "test".into(), "1.0".into(), "1.2".into())
    }

    fn get_capabilities(&self) -> Vec<String> {
        vec!["body".into()]
    }

    #[zbus(property)]
    fn inhibited(&self) -> bool {
        self.0.lock().unwrap().inhibited
    }
}

/// Runs `program` with `args` in the test's settings folder and bus; fails the test on error.
fn run(program: &str, args: &[&str]) {
    let output = Command::new(program).args(args).output().unwrap();
    assert!(output.status.success(), "{program} {args:?}: {}", String::from_utf8_lossy(&output.stderr));
}

/// A fresh probe, asked until it answers `expected` (a settings daemon may take a moment
/// to start or to pass a change on).
fn quiet_becomes(expected: bool) -> bool {
    wait_until(Duration::from_secs(10), || Desktop::new().is_on() == expected)
}

fn set_env(home: &Path, bus: &str) {
    // SAFETY (edition 2024 makes this unsafe): this test is the only one in its binary,
    // and it sets the environment before any thread of its own reads it.
    unsafe {
        std::env::set_var("DBUS_SESSION_BUS_ADDRESS", bus);
        std::env::set_var("XDG_CONFIG_HOME", home.join("config"));
        std::env::set_var("XDG_RUNTIME_DIR", home.join("run"));
        std::env::set_var("GSETTINGS_BACKEND", "dconf");
    }
}

#[test]
fn xfce_gnome_and_plasma_switches_are_read_as_each_desktop_keeps_them() {
    let tools = ["dbus-daemon", "xfconf-query", "gsettings"];
    if !e2e_available("the desktops' Do Not Disturb test", &tools, "dbus xfconf libglib2.0-bin dconf-service") {
        return;
    }
    let home = tempfile::tempdir().unwrap();
    for dir in ["config", "run"] {
        std::fs::create_dir_all(home.path().join(dir)).unwrap();
    }
    std::fs::set_permissions(home.path().join("run"), std::os::unix::fs::PermissionsExt::from_mode(0o700)).unwrap();
    // A session bus with the system's service files, so xfconfd and dconf start on demand,
    // keeping their settings in the temporary folder.
    let (config, runtime) = (home.path().join("config"), home.path().join("run"));
    let (_daemon, address) = support::session_bus(&[("XDG_CONFIG_HOME", &config), ("XDG_RUNTIME_DIR", &runtime)]);
    set_env(home.path(), &address);

    let state = Arc::new(Mutex::new(ServerState::default()));
    let _server = zbus::block_on(
        zbus::connection::Builder::address(address.as_str())
            .name("org.freedesktop.Notifications")
            .serve_at("/org/freedesktop/Notifications", Notifications(Arc::clone(&state)))
            .build(),
    )
    .unwrap();
    let serve_as = |name: &str| state.lock().unwrap().name = name.to_owned();

    // XFCE: nothing set yet reads as "not quiet"; then the switch as xfconf keeps it.
    serve_as("Xfce Notify Daemon");
    assert!(quiet_becomes(false), "XFCE with no setting");
    let set_xfce =
        |on: &str| run("xfconf-query", &["-c", "xfce4-notifyd", "-p", "/do-not-disturb", "-n", "-t", "bool", "-s", on]);
    set_xfce("true");
    assert!(quiet_becomes(true), "XFCE's do-not-disturb on was not read");
    set_xfce("false");
    assert!(quiet_becomes(false), "XFCE's do-not-disturb off was not read");

    // GNOME: banners shown (the default) is not quiet; hiding them is.
    serve_as("gnome-shell");
    assert!(quiet_becomes(false), "GNOME by default");
    run("gsettings", &["set", "org.gnome.desktop.notifications", "show-banners", "false"]);
    assert!(quiet_becomes(true), "GNOME's show-banners off was not read");
    run("gsettings", &["set", "org.gnome.desktop.notifications", "show-banners", "true"]);
    assert!(quiet_becomes(false), "GNOME's show-banners on was not read");

    // KDE Plasma: the server's own Inhibited property.
    serve_as("Plasma");
    assert!(quiet_becomes(false), "Plasma, not inhibited");
    state.lock().unwrap().inhibited = true;
    assert!(quiet_becomes(true), "Plasma's Inhibited was not read");
    // One probe follows a change without being made afresh (the service keeps one).
    let mut probe = Desktop::new();
    assert!(probe.is_on());
    state.lock().unwrap().inhibited = false;
    assert!(!probe.is_on());

    // A server that does not answer the switch's question (another server's switch is
    // missing here) counts as not quiet: a reminder shown beats one held by a broken probe.
    serve_as("Xfce Notify Daemon");
    run("xfconf-query", &["-c", "xfce4-notifyd", "-p", "/do-not-disturb", "-r"]);
    assert!(quiet_becomes(false));
}
