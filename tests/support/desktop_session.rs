//! A desktop session for the end-to-end reminder tests: Xvfb, a private session bus with
//! the system's service files, and a temporary home (configuration, data, state with the
//! device id, the app's folder) so nothing of the user's is read or written. Everything
//! stops when dropped.

// Each test crate uses its own subset of these.
#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::Duration;

use super::{BIN, KillOnDrop, session_bus, start_xvfb};

pub struct Session {
    // Stopped first (fields drop in order), then the folder goes.
    _bus: KillOnDrop,
    _xvfb: KillOnDrop,
    pub display: String,
    pub bus: String,
    pub dir: tempfile::TempDir,
}

impl Session {
    /// Xvfb at `screen` ("640x480x24") and a bus, with an empty home.
    pub fn start(screen: &str) -> Self {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir_all(dir.path().join("config")).unwrap();
        let (xvfb, display) = start_xvfb(screen);
        let (bus_daemon, bus) = session_bus(&[]);
        Session { _bus: bus_daemon, _xvfb: xvfb, display, bus, dir }
    }

    /// `program` run inside the session: its display, bus, home folders, UTC and English.
    pub fn command(&self, program: &str) -> Command {
        let mut command = Command::new(program);
        command
            .env("DISPLAY", &self.display)
            .env("DBUS_SESSION_BUS_ADDRESS", &self.bus)
            .env("XDG_CONFIG_HOME", self.dir.path().join("config"))
            .env("XDG_DATA_HOME", self.dir.path().join("share"))
            // The state folder too (the device id, its lock, the service's log): the
            // user's own was written by every run, and its id made once for all of them.
            .env("XDG_STATE_HOME", self.state_home())
            .env("TZ", "UTC")
            .env("LANG", "C.UTF-8")
            .env_remove("LC_ALL")
            .env_remove("BEDTIME_COACH_DATA_DIR")
            .env_remove(bedtime_coach::store::STATE_DIR_VARIABLE);
        command
    }

    /// `dbus-monitor` with `filter`, writing to `monitor.log` in the session's folder;
    /// returns it and the log's path.
    pub fn monitor(&self, filter: &str) -> (KillOnDrop, PathBuf) {
        let log = self.dir.path().join("monitor.log");
        let monitor = self
            .command("dbus-monitor")
            .arg(filter)
            .stdout(fs::File::create(&log).unwrap())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        (KillOnDrop(monitor), log)
    }

    /// dunst, the notification server, quiet. Its context menu (`dunstctl context`)
    /// picks the action [`Self::press`] names, so a test can press a notification's
    /// button and dunst itself answers, as the server does for a user.
    pub fn dunst(&self) -> KillOnDrop {
        use std::os::unix::fs::PermissionsExt;
        let menu = self.dir.path().join("dunst-menu.sh");
        let pick = self.dir.path().join("dunst-pick");
        fs::write(&menu, format!("#!/bin/sh\nexec grep -m1 -F -e \"$(cat '{}')\"\n", pick.display())).unwrap();
        fs::set_permissions(&menu, fs::Permissions::from_mode(0o755)).unwrap();
        let config = self.dir.path().join("dunstrc");
        // The mouse as dunst's own defaults have it, written out so a change there can't
        // move a test's click: the middle button answers "default" and closes.
        let mouse = "    mouse_left_click = close_current\n    mouse_middle_click = do_action, close_current\n    \
                     mouse_right_click = close_all\n";
        fs::write(&config, format!("[global]\n    dmenu = {}\n{mouse}", menu.display())).unwrap();
        let mut dunst = self.command("dunst");
        dunst.arg("-config").arg(&config).args(["-verbosity", "crit"]).stdout(Stdio::null()).stderr(Stdio::null());
        KillOnDrop(dunst.spawn().unwrap())
    }

    /// [`Self::dunst`], once it owns the notification name on the bus.
    pub fn dunst_ready(&self) -> KillOnDrop {
        let dunst = self.dunst();
        let has_owner = || {
            self.command("gdbus")
                .args(["call", "--session", "--dest", "org.freedesktop.DBus", "--object-path", "/org/freedesktop/DBus"])
                .args(["--method", "org.freedesktop.DBus.NameHasOwner", "org.freedesktop.Notifications"])
                .output()
                .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).contains("true"))
        };
        assert!(super::wait_until(Duration::from_secs(10), has_owner), "dunst did not take the notification name");
        dunst
    }

    /// Presses the button `label` ("Done") of the notification dunst shows, through its
    /// context menu: dunst sends `ActionInvoked` to the program that showed it.
    pub fn press(&self, label: &str) -> Output {
        fs::write(self.dir.path().join("dunst-pick"), format!("#{label} (")).unwrap();
        self.command("dunstctl").arg("context").output().unwrap()
    }

    /// `XDG_STATE_HOME` of the session's programs: the app's state folder is
    /// `bedtime-coach` in it.
    pub fn state_home(&self) -> PathBuf {
        self.dir.path().join("state")
    }

    /// Whether `device-id.lock` in the session's state folder is free and no process holds
    /// it open: a process that made the id must let go of its lock once done, and a
    /// program it starts (detached, so outliving it) must never inherit it. `Err` says
    /// who holds it. The lock was made, as the session starts with no id.
    pub fn device_id_lock_free(&self) -> Result<(), String> {
        let lock = self.state_home().join("bedtime-coach").join("device-id.lock");
        let mut holders = Vec::new();
        // Before this process opens it; processes only (not `self`).
        let processes = fs::read_dir("/proc").into_iter().flatten().flatten();
        for entry in processes.filter(|entry| entry.file_name().to_string_lossy().parse::<u32>().is_ok()) {
            for fd in fs::read_dir(entry.path().join("fd")).into_iter().flatten().flatten() {
                if fs::read_link(fd.path()).is_ok_and(|target| target == lock) {
                    let command = fs::read(entry.path().join("cmdline")).unwrap_or_default();
                    let command = String::from_utf8_lossy(&command).replace('\0', " ");
                    holders.push(format!("{} ({command})", entry.file_name().to_string_lossy()));
                }
            }
        }
        let file = fs::File::options().write(true).open(&lock).map_err(|e| format!("{}: {e}", lock.display()))?;
        match file.try_lock() {
            Ok(()) if holders.is_empty() => Ok(()),
            locked => Err(format!("device-id.lock is {locked:?}, open in: {holders:?}")),
        }
    }

    /// Where dunst shows its notification (x, y, width, height), once it is on screen,
    /// waiting at most `limit`. dunst's window exists from its start, unmapped, a pixel
    /// high across the top of the screen (0, 0, 1024×1); it is mapped and moved only when
    /// dunst draws a notification, some time after `Notify` returned its id (long under
    /// load): a click aimed by the window read before went to the bare screen, and
    /// `dunstctl context` lists only notifications on screen.
    pub fn notification_on_screen(&self, limit: Duration) -> Option<(i64, i64, i64, i64)> {
        // The same place twice in a row: dunst may still be sizing it.
        let (mut last, mut settled) = (None, None);
        super::wait_until(limit, || {
            let now = self.notification_place();
            if now.is_some() && now == last {
                settled = now;
            }
            last = now;
            settled.is_some()
        });
        settled
    }

    /// Where dunst's notification is now, `None` when none is on screen.
    pub fn notification_place(&self) -> Option<(i64, i64, i64, i64)> {
        let xdotool = |args: &[&str]| {
            let out = self.command("xdotool").args(args).output().ok()?;
            Some(String::from_utf8_lossy(&out.stdout).into_owned())
        };
        let window = xdotool(&["search", "--onlyvisible", "--class", "Dunst"])?.lines().last()?.to_owned();
        let geometry = xdotool(&["getwindowgeometry", "--shell", &window])?;
        let value = |key: &str| -> Option<i64> {
            geometry.lines().find_map(|l| l.strip_prefix(key)?.strip_prefix('=')?.parse().ok())
        };
        Some((value("X")?, value("Y")?, value("WIDTH")?, value("HEIGHT")?)).filter(|(.., height)| *height > 1)
    }

    /// The app's data folder.
    pub fn data(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    /// Dates the saved routine as begun a day ago: a routine saved just now leaves out
    /// whatever was due before it (the first evening), and these tests start with a
    /// reminder already due.
    pub fn routine_began_yesterday(&self) {
        let since = (chrono::Utc::now() - chrono::TimeDelta::days(1)).to_rfc3339();
        super::edit_routine(&self.data(), |file| file["since"] = since.clone().into());
    }

    /// `bedtime-coach ARGS` on the session's data folder.
    pub fn app(&self, args: &[&str]) -> Output {
        self.command(BIN).arg("--data-dir").arg(self.data()).args(args).output().unwrap()
    }

    /// Like [`Self::app`], failing the test on an error; its standard output.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.app(args);
        assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// `bedtime-coach ARGS` left running, its standard error in `stderr`.
    pub fn spawn_app(&self, args: &[&str], stderr: &Path) -> KillOnDrop {
        let log = fs::File::create(stderr).unwrap();
        KillOnDrop(
            self.command(BIN)
                .arg("--data-dir")
                .arg(self.data())
                .args(args)
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(log)
                .spawn()
                .unwrap(),
        )
    }
}
