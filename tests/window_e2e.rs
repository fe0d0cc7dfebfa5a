//! The real binary in a real X window: click a step's Done with xdotool, then ask the
//! command line whether it was recorded. Where to click comes from laying the same app
//! out with egui_kittest at the window's size, so the test follows layout changes.
//!
//! Needs Xvfb, xdotool and ImageMagick's `import`. Without them the test skips with a
//! message, unless BEDTIME_COACH_E2E=1 (CI), where a missing piece is a failure.

// Linux only: D-Bus, dunst, Xvfb and the desktop session (the Windows port's window
// and service get their own tests with parts 1 and 2 of the port).
#![cfg(unix)]

mod support;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use support::{KillOnDrop, Run, bin_here, e2e_available, output, start_xvfb};

/// A command in this process's time zone, the one the in-process layout below uses.
fn cli(data: &Path, args: &[&str]) -> Run {
    output(bin_here(data).args(args))
}

/// The centre of the only step's Done button, in window coordinates, as the window lays it out.
fn done_button_centre(data: &Path) -> (f32, f32) {
    use bedtime_coach::store::Paths;
    use bedtime_coach::ui::{App, system_clock};
    use egui_kittest::kittest::Queryable;
    let app = App::new(bedtime_coach::use_cases::Coach::at(Paths::in_dir(data)), system_clock())
        .in_language(bedtime_coach::i18n::Language::English);
    let harness = egui_kittest::Harness::builder()
        .with_size(eframe::egui::vec2(980.0, 700.0)) // the window's default inner size
        .with_context_setup(bedtime_coach::ui::install_style)
        .build_ui_state(|ui, app: &mut App| app.frame(ui), app);
    let centre = harness.get_by_label("Done: Lights out").rect().center();
    (centre.x, centre.y)
}

fn xdotool(display: &str, args: &[&str]) -> Output {
    Command::new("xdotool").args(args).env("DISPLAY", display).output().unwrap()
}

#[test]
fn clicking_done_in_the_real_window_records_the_step() {
    if !e2e_available("the real-window test", &["Xvfb", "xdotool", "import"], "xvfb xdotool imagemagick") {
        return;
    }
    let data = tempfile::tempdir().unwrap();
    // Bedtime three hours from now, so the window shows the evening (after bedtime the
    // remaining steps fold away under "Not done tonight"), whenever the test runs.
    let bedtime = chrono::Local::now() + chrono::TimeDelta::hours(3);
    let (bed, wake) =
        (bedtime.format("%H:%M").to_string(), (bedtime + chrono::TimeDelta::hours(8)).format("%H:%M").to_string());
    cli(data.path(), &["schedule", "--bedtime", &bed, "--wake", &wake]).ok();
    // A routine of one step makes the button's place on screen predictable.
    let steps = cli(data.path(), &["routine", "list", "--json"]).ok().json();
    for step in steps.as_array().unwrap() {
        if step["id"] != "lights-out" {
            cli(data.path(), &["routine", "remove", step["id"].as_str().unwrap()]).ok();
        }
    }

    // Reminders off: a reminder falling due during the test would add a banner (no
    // notification server here) and move the button.
    let store = bedtime_coach::store::Store::new(bedtime_coach::store::Paths::in_dir(data.path()));
    let settings = bedtime_coach::model::Settings { reminders: false, ..Default::default() };
    bedtime_coach::use_cases::Change::SetSettings(settings).apply(&store).unwrap();

    let (_xvfb, display) = start_xvfb("1280x900x24");
    let app = bin_here(data.path())
        .env("DISPLAY", &display)
        .env_remove("WAYLAND_DISPLAY")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut app = KillOnDrop(app);

    let search = Command::new("timeout")
        .args(["30", "xdotool", "search", "--sync", "--onlyvisible", "--name", "^Bedtime Coach$"])
        .env("DISPLAY", &display)
        .output()
        .unwrap();
    if !search.status.success() {
        let _ = app.0.kill();
        let mut stderr = String::new();
        if let Some(mut pipe) = app.0.stderr.take() {
            let _ = std::io::Read::read_to_string(&mut pipe, &mut stderr);
        }
        panic!("the window did not appear: {stderr}");
    }
    let window = String::from_utf8_lossy(&search.stdout).lines().next().unwrap().trim().to_owned();
    std::thread::sleep(Duration::from_millis(1500)); // first frames

    let shots = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    let shot = shots.join("e2e-tonight.png");
    let _ = Command::new("import").args(["-window", "root"]).arg(&shot).env("DISPLAY", &display).status();

    // Where the button is: the same app laid out by egui_kittest at the window's size.
    let (x, y) = done_button_centre(data.path());
    let (x, y) = (x.round().to_string(), y.round().to_string());
    let state = || {
        let status = cli(data.path(), &["status", "--json"]).json();
        status["steps"][0]["state"].as_str().unwrap_or_default().to_owned()
    };
    // On a slow machine the first frame may not be drawn yet, and egui ignores a click on
    // a widget it has not laid out: click again only while the step is still pending (a
    // second click on a done step would be its Undo).
    for attempt in 1..=3 {
        assert!(xdotool(&display, &["mousemove", "--window", &window, &x, &y, "click", "1"]).status.success());
        let deadline = Instant::now() + Duration::from_secs(4);
        while Instant::now() < deadline && state() != "done" {
            std::thread::sleep(Duration::from_millis(200));
        }
        if state() == "done" {
            return;
        }
        eprintln!("click {attempt} did not land yet");
    }
    panic!("lights-out is {} after three clicks; screenshot in {}", state(), shot.display());
}

#[test]
fn the_window_starts_the_reminder_service_which_outlives_it() {
    if !e2e_available("the reminder service test", &["Xvfb", "xdotool"], "xvfb xdotool") {
        return;
    }
    let data = tempfile::tempdir().unwrap();
    cli(data.path(), &["schedule", "--bedtime", "22:30"]).ok(); // a saved routine
    let (_xvfb, display) = start_xvfb("1280x900x24");
    let mut app = KillOnDrop(
        bin_here(data.path())
            .env("DISPLAY", &display)
            .env_remove("WAYLAND_DISPLAY")
            // Keep the developer's own notification server out of this.
            .env("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus")
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap(),
    );
    let search = Command::new("timeout")
        .args(["30", "xdotool", "search", "--sync", "--onlyvisible", "--name", "^Bedtime Coach$"])
        .env("DISPLAY", &display)
        .output()
        .unwrap();
    assert!(search.status.success(), "the window did not appear");
    let window = String::from_utf8_lossy(&search.stdout).lines().next().unwrap().trim().to_owned();
    std::thread::sleep(Duration::from_millis(1500));
    assert!(xdotool(&display, &["windowfocus", "--sync", &window]).status.success());
    assert!(xdotool(&display, &["key", "ctrl+q"]).status.success());

    let deadline = Instant::now() + Duration::from_secs(15);
    let status = loop {
        if let Some(status) = app.0.try_wait().unwrap() {
            break status;
        }
        assert!(Instant::now() < deadline, "Ctrl+Q did not close the window");
        std::thread::sleep(Duration::from_millis(100));
    };
    assert!(status.success());
    let mut stderr = String::new();
    std::io::Read::read_to_string(&mut app.0.stderr.take().unwrap(), &mut stderr).unwrap();
    assert!(stderr.contains("Reminders continue in the background"), "{stderr}");

    // The service it started owns the reminders, also now that the window is gone.
    let deadline = Instant::now() + Duration::from_secs(10);
    let pid = loop {
        let text = cli(data.path(), &["autostart", "status"]).stdout();
        if let Some(rest) = text.split("running now (process ").nth(1) {
            break rest.split(')').next().unwrap().to_owned();
        }
        assert!(Instant::now() < deadline, "no background service took over: {text}");
        std::thread::sleep(Duration::from_millis(200));
    };
    let cmdline = std::fs::read(format!("/proc/{pid}/cmdline")).unwrap_or_default();
    let _ = Command::new("kill").arg(&pid).status();
    assert!(String::from_utf8_lossy(&cmdline).contains("remind"), "process {pid} is not `bedtime-coach remind`");
}
