//! Bedtime Coach as a desktop citizen: `--version`, the files a package installs (desktop
//! entry, icons, AppStream metainfo) and that they pass the desktop's own validators.
//!
//! `desktop-file-validate` and `appstreamcli` come from desktop-file-utils and appstream;
//! without them the validation test skips with a message, unless BEDTIME_COACH_E2E=1.

// Linux only: D-Bus, dunst, Xvfb and the desktop session (the Windows port's window
// and service get their own tests with parts 1 and 2 of the port).
#![cfg(unix)]

mod support;

use std::fs;
use std::path::Path;
use std::process::Command;

use support::{e2e_available, output, run};

const ID: &str = bedtime_coach::APP_ID;

#[test]
fn version_names_the_program_and_its_version() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(dir.path(), &["--version"]).ok().stdout();
    assert_eq!(out.trim(), format!("bedtime-coach {}", env!("CARGO_PKG_VERSION")));
    // Nothing is written for it.
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0);
}

/// Width and height from a PNG's IHDR chunk.
fn png_size(path: &Path) -> (u32, u32) {
    let bytes = fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "{} is not a PNG", path.display());
    assert_eq!(&bytes[12..16], b"IHDR");
    let word = |at: usize| u32::from_be_bytes(bytes[at..at + 4].try_into().unwrap());
    (word(16), word(20))
}

#[test]
fn icons_exist_at_every_usual_size_under_the_app_id() {
    let root = Path::new("assets/icons/hicolor");
    for size in [16, 22, 24, 32, 48, 64, 128, 256, 512] {
        let png = root.join(format!("{size}x{size}/apps/{ID}.png"));
        assert_eq!(png_size(&png), (size, size), "{}", png.display());
    }
    let svg = fs::read_to_string(root.join(format!("scalable/apps/{ID}.svg"))).unwrap();
    assert!(svg.contains("<svg"), "{svg}");
}

#[test]
fn desktop_entry_and_metainfo_name_the_same_app() {
    let entry = fs::read_to_string(format!("assets/{ID}.desktop")).unwrap();
    assert!(entry.contains(&format!("\nIcon={ID}\n")), "{entry}");
    assert!(entry.contains(&format!("\nStartupWMClass={ID}\n")), "{entry}");
    assert!(entry.contains("\nExec=bedtime-coach\n"), "{entry}");
    let metainfo = fs::read_to_string(format!("assets/{ID}.metainfo.xml")).unwrap();
    assert!(metainfo.contains(&format!("<id>{ID}</id>")), "{metainfo}");
    assert!(metainfo.contains(&format!("<launchable type=\"desktop-id\">{ID}.desktop</launchable>")));
    // Every screenshot it names is one the repository has.
    let names: Vec<&str> =
        metainfo.split("/assets/screenshots/").skip(1).map(|rest| rest.split('<').next().unwrap()).collect();
    assert!(!names.is_empty());
    for name in names {
        assert!(Path::new("assets/screenshots").join(name).is_file(), "{name} is not in assets/screenshots");
    }
    // The package installs each of them.
    let manifest = fs::read_to_string("Cargo.toml").unwrap();
    for asset in [format!("assets/{ID}.desktop"), format!("assets/{ID}.metainfo.xml"), "assets/icons/hicolor/".into()] {
        assert!(manifest.contains(&asset), "[package.metadata.deb] does not install {asset}");
    }
}

#[test]
fn desktop_entry_and_metainfo_pass_the_validators() {
    let tools = ["desktop-file-validate", "appstreamcli"];
    if !e2e_available("the desktop file validation", &tools, "desktop-file-utils appstream") {
        return;
    }
    let entry = output(Command::new("desktop-file-validate").arg(format!("assets/{ID}.desktop")));
    assert_eq!(entry.code(), 0, "{}{}", entry.stdout(), entry.stderr());
    assert!(entry.stdout().trim().is_empty(), "{}", entry.stdout());
    // --no-net: the screenshots' URLs point at the project's public repository, which
    // this machine cannot reach; the test above checks that each file exists here.
    let metainfo =
        output(Command::new("appstreamcli").args(["validate", "--no-net"]).arg(format!("assets/{ID}.metainfo.xml")));
    assert_eq!(metainfo.code(), 0, "{}{}", metainfo.stdout(), metainfo.stderr());
}

/// A private session bus (`dbus-daemon --session`), stopped when dropped.
struct Bus {
    _daemon: support::KillOnDrop,
    address: String,
}

fn private_bus() -> Bus {
    let (daemon, address) = support::session_bus(&[]);
    Bus { _daemon: daemon, address }
}

/// The visible top-level windows titled "Bedtime Coach" on `display`.
fn windows(display: &str) -> Vec<String> {
    let search = Command::new("xdotool")
        .args(["search", "--onlyvisible", "--name", "^Bedtime Coach$"])
        .env("DISPLAY", display)
        .output()
        .unwrap();
    String::from_utf8_lossy(&search.stdout).lines().map(str::to_owned).collect()
}

#[test]
fn a_second_start_raises_the_open_window_instead_of_opening_another() {
    use std::time::{Duration, Instant};
    if !e2e_available("the one-window test", &["Xvfb", "xdotool", "dbus-daemon"], "xvfb xdotool dbus") {
        return;
    }
    let data = tempfile::tempdir().unwrap();
    support::run(data.path(), &["schedule", "--bedtime", "22:30"]).ok();
    // Reminders off: this test is about windows, not the service a window starts.
    let store = bedtime_coach::store::Store::new(bedtime_coach::store::Paths::in_dir(data.path()));
    let settings = bedtime_coach::model::Settings { reminders: false, ..Default::default() };
    bedtime_coach::use_cases::Change::SetSettings(settings).apply(&store).unwrap();
    let (_xvfb, display) = support::start_xvfb("1280x900x24");
    let bus = private_bus();
    let start = || {
        let mut command = support::bin_here(data.path());
        command
            .env("DISPLAY", &display)
            .env_remove("WAYLAND_DISPLAY")
            .env("DBUS_SESSION_BUS_ADDRESS", &bus.address)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::piped());
        command
    };
    let mut first = support::KillOnDrop(start().spawn().unwrap());
    if !support::wait_until(Duration::from_secs(30), || windows(&display).len() == 1) {
        // Say why: what the window printed before it was stopped.
        let _ = first.0.kill();
        let mut said = String::new();
        if let Some(stderr) = first.0.stderr.as_mut() {
            let _ = std::io::Read::read_to_string(stderr, &mut said);
        }
        panic!("the window did not appear ({:?}): {said}", first.0.try_wait());
    }
    // Its name on the bus is taken once the window runs (it claims it before opening).
    let started = Instant::now();
    let second = start().output().unwrap();
    assert!(second.status.success(), "{}", String::from_utf8_lossy(&second.stderr));
    assert!(started.elapsed() < Duration::from_secs(10), "the second start took {:?}", started.elapsed());
    std::thread::sleep(Duration::from_millis(1500));
    assert_eq!(windows(&display).len(), 1, "a second window opened");
    assert!(first.0.try_wait().unwrap().is_none(), "the first window closed");

    // Another data folder is another app: its window opens beside the first.
    let other = tempfile::tempdir().unwrap();
    let mut command = support::bin_here(other.path());
    command.env("DISPLAY", &display).env_remove("WAYLAND_DISPLAY").env("DBUS_SESSION_BUS_ADDRESS", &bus.address);
    let _other = support::KillOnDrop(command.stdout(std::process::Stdio::null()).spawn().unwrap());
    assert!(
        support::wait_until(Duration::from_secs(30), || windows(&display).len() == 2),
        "no window for another folder"
    );
}

#[test]
fn a_second_start_hands_its_screen_to_the_window_over_the_bus() {
    use bedtime_coach::desktop::{WindowStart, start_window_on};
    use std::sync::mpsc;
    use std::time::Duration;
    if !e2e_available("the one-window bus test", &["dbus-daemon", "gdbus"], "dbus libglib2.0-bin") {
        return;
    }
    let bus = private_bus();
    let name = "io.github.bedtimecoach.BedtimeCoach.Test";
    let WindowStart::First(window) = start_window_on(Some(&bus.address), name, None) else {
        panic!("the first start did not get the name");
    };
    let (asked, heard) = mpsc::channel();
    window.on_activate(move |screen| asked.send(screen.map(str::to_owned)).unwrap());
    // A plain second start only raises; one with `--screen night` names the screen.
    assert!(matches!(start_window_on(Some(&bus.address), name, None), WindowStart::Raised));
    assert_eq!(heard.recv_timeout(Duration::from_secs(5)).unwrap(), None);
    assert!(matches!(start_window_on(Some(&bus.address), name, Some("night")), WindowStart::Raised));
    assert_eq!(heard.recv_timeout(Duration::from_secs(5)).unwrap().as_deref(), Some("night"));
    // `gapplication action` and other callers may send anything: an unknown action or a
    // parameter that is not one string still brings the window forward, with no screen.
    let odd = std::process::Command::new("gdbus")
        .args(["call", "--address", &bus.address, "--dest", name])
        .args(["--object-path", "/io/github/bedtimecoach/BedtimeCoach"])
        .args(["--method", "org.freedesktop.Application.ActivateAction", "show-screen", "[<7>]", "{}"])
        .output()
        .unwrap();
    assert!(odd.status.success(), "{}", String::from_utf8_lossy(&odd.stderr));
    assert_eq!(heard.recv_timeout(Duration::from_secs(5)).unwrap(), None);
    drop(window);
    // Once the window is gone the name is free again.
    assert!(matches!(start_window_on(Some(&bus.address), name, None), WindowStart::First(_)));
}
