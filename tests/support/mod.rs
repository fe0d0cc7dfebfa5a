//! The one support module of the integration tests: required programs, Xvfb, child
//! processes, the built binary, a private session bus, a data folder's store with the
//! default routine; and, as submodules, a desktop session with dunst and the service, a
//! month of night logs, a StatusNotifierWatcher, the window under kittest, two folders
//! synced as Syncthing, Dropbox and Nextcloud sync them.

// Each test crate uses its own subset of these.
#![allow(dead_code)]

pub mod berlin;
#[cfg(unix)]
pub mod desktop_session;
#[cfg(unix)]
pub mod kill_at_each_call;
pub mod month;
#[cfg(unix)]
pub mod sni_watcher;
pub mod sync;
pub mod two_computers;
pub mod window;

use std::io;
use std::path::Path;
use std::process::{Child, Command, ExitStatus, Output, Stdio};
use std::time::{Duration, Instant};

/// `Command`'s `spawn`, `output` and `status`, tried again when Windows says the new
/// process ended before it began (error 1359, `ERROR_INTERNAL_ERROR`). Wine reports that
/// now and then on a busy machine (it failed CI's Windows suite once, in a test that had
/// nothing to do with starting programs); the program never ran a line, so starting it
/// again does nothing twice. Elsewhere these are `Command`'s own. The app's own starts do
/// the same (`platform::detached::retrying`).
pub trait StartRetrying {
    fn spawn_retrying(&mut self) -> io::Result<Child>;
    fn output_retrying(&mut self) -> io::Result<Output>;
    fn status_retrying(&mut self) -> io::Result<ExitStatus>;
}

impl StartRetrying for Command {
    fn spawn_retrying(&mut self) -> io::Result<Child> {
        bedtime_coach::platform::detached::retrying(|| self.spawn())
    }
    fn output_retrying(&mut self) -> io::Result<Output> {
        bedtime_coach::platform::detached::retrying(|| self.output())
    }
    fn status_retrying(&mut self) -> io::Result<ExitStatus> {
        bedtime_coach::platform::detached::retrying(|| self.status())
    }
}

/// The store of the data folder `dir`.
pub fn store(dir: &Path) -> bedtime_coach::store::Store {
    bedtime_coach::store::Store::new(bedtime_coach::store::Paths::in_dir(dir))
}

/// A routine saved in `dir` whose bedtime is this minute (and wake eight hours later),
/// so the reminder loop's next tick has a reminder to show.
pub fn due_now(dir: &Path) -> bedtime_coach::store::Paths {
    use chrono::Timelike;
    let paths = bedtime_coach::store::Paths::in_dir(dir);
    let now = chrono::Local::now();
    let bedtime = bedtime_coach::model::time::clock(now.hour(), now.minute());
    let wake = bedtime_coach::model::time::clock((now.hour() + 8) % 24, now.minute());
    store(dir)
        .update_routine_file(|routine_file| {
            routine_file.schedule.set(Some(bedtime), Some(wake), &[]).unwrap();
            Ok::<_, bedtime_coach::store::StoreError>(())
        })
        .unwrap();
    paths
}

/// The default routine saved in `dir`, as the first-run setup saves it.
pub fn saved_routine(dir: &Path) {
    let routine_file = bedtime_coach::model::RoutineFile::default();
    bedtime_coach::use_cases::Change::SaveRoutineFile(routine_file).apply(&store(dir)).unwrap();
}

/// A child process that is killed when dropped, so a failing test leaves nothing running.
pub struct KillOnDrop(pub Child);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Ends, when dropped (pass or fail), the reminder service of these files that the code
/// under test started detached, so there is no `Child` to kill: asked to stop as
/// `remind --stop` asks (on both systems), ended by its pid if it does not answer. Left
/// running, it outlives the test run; under Wine its watch of `journal/` also kept the
/// test's folder from being removed (Wine lists a folder another process has open until
/// that process lets go, and `std::fs::remove_dir_all` opened and deleted it again without
/// end: the test hung instead of failing).
pub struct StopServiceOnDrop(pub bedtime_coach::store::Paths);

impl Drop for StopServiceOnDrop {
    fn drop(&mut self) {
        let coach = bedtime_coach::use_cases::Coach::at(self.0.clone());
        let pid = coach.service_pid().filter(|pid| *pid != 0 && *pid != std::process::id());
        if coach.stop_service(Duration::from_secs(10)).is_ok() {
            return;
        }
        let Some(pid) = pid.map(|pid| pid.to_string()) else { return };
        #[cfg(unix)]
        let _ = Command::new("kill").arg("-9").arg(&pid).status();
        #[cfg(windows)]
        let _ = Command::new("taskkill").args(["/F", "/PID", &pid]).stdout(Stdio::null()).status_retrying();
        wait_until(Duration::from_secs(10), || coach.service_pid().is_none());
    }
}

/// Removes, when dropped (pass or fail), a folder a test made outside its temporary one
/// (a state folder in the user's profile).
pub struct RemoveDirOnDrop(pub std::path::PathBuf);

impl Drop for RemoveDirOnDrop {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

pub fn have(program: &str) -> bool {
    Command::new("sh").arg("-c").arg(format!("command -v {program}")).output().is_ok_and(|o| o.status.success())
}

/// Whether `programs` are installed. Without them the test skips with a message, unless
/// BEDTIME_COACH_E2E=1 (CI), where a missing piece fails it.
pub fn e2e_available(what: &str, programs: &[&str], install: &str) -> bool {
    let missing: Vec<&str> = programs.iter().copied().filter(|p| !have(p)).collect();
    if missing.is_empty() {
        return true;
    }
    let message = format!("{} missing (apt-get install {install})", missing.join(", "));
    assert!(std::env::var("BEDTIME_COACH_E2E").as_deref() != Ok("1"), "BEDTIME_COACH_E2E=1 but {message}");
    println!("SKIPPED {what}: {message}; set BEDTIME_COACH_E2E=1 to fail instead");
    false
}

pub fn wait_until(limit: Duration, mut done: impl FnMut() -> bool) -> bool {
    let deadline = Instant::now() + limit;
    loop {
        if done() {
            return true;
        }
        if Instant::now() >= deadline {
            return false;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Xvfb on a free display number; returns it with its `DISPLAY` value.
pub fn start_xvfb(screen: &str) -> (KillOnDrop, String) {
    use std::io::{BufRead, BufReader};
    // Xvfb picks a free display and writes its number (`-displayfd`): two tests of one
    // process starting at once can't race for the same number.
    let mut xvfb = Command::new("Xvfb")
        .args(["-displayfd", "1", "-screen", "0", screen, "-nolisten", "tcp"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("Xvfb");
    let mut number = String::new();
    if let Some(stdout) = xvfb.stdout.take() {
        let _ = BufReader::new(stdout).read_line(&mut number);
    }
    let xvfb = KillOnDrop(xvfb);
    let number = number.trim();
    assert!(!number.is_empty(), "Xvfb did not start");
    (xvfb, format!(":{number}"))
}

/// The `bedtime-coach` binary under test.
pub const BIN: &str = env!("CARGO_BIN_EXE_bedtime-coach");

/// The binary on `dir`, in this test process's own time zone: for tests that compare it
/// with a window laid out in-process. Its texts are English (`LANG=C.UTF-8`).
pub fn bin_here(dir: &Path) -> Command {
    let mut command = Command::new(BIN);
    command.arg("--data-dir").arg(dir).env_remove("BEDTIME_COACH_DATA_DIR");
    // This computer's own files (lock, reminder log) beside the data, as `Paths::in_dir`
    // keeps them in-process: the test's folder is all there is.
    command.env("BEDTIME_COACH_STATE_DIR", dir);
    // English, whatever the machine's locale; tests of other languages set LANG.
    command.env_remove("LC_ALL").env_remove("LC_MESSAGES").env("LANG", "C.UTF-8");
    command
}

/// The binary, as a user would start it: no data folder from the environment, a fixed zone.
pub fn bin(dir: &Path) -> Command {
    let mut command = bin_here(dir);
    command.env("TZ", "Europe/Berlin");
    command
}

/// One finished run of the binary.
pub struct Run {
    pub out: Output,
}

impl Run {
    pub fn code(&self) -> i32 {
        self.out.status.code().unwrap_or(-1)
    }
    pub fn stdout(&self) -> String {
        String::from_utf8_lossy(&self.out.stdout).into_owned()
    }
    pub fn stderr(&self) -> String {
        String::from_utf8_lossy(&self.out.stderr).into_owned()
    }
    /// Asserts success, showing both streams when it was not.
    pub fn ok(self) -> Self {
        assert_eq!(self.code(), 0, "stdout: {}\nstderr: {}", self.stdout(), self.stderr());
        self
    }
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout()).unwrap_or_else(|e| panic!("{e}: {}", self.stdout()))
    }
}

/// Runs `command` (the binary, from [`bin`] or [`bin_here`]) to the end.
pub fn output(command: &mut Command) -> Run {
    Run { out: command.output_retrying().expect("the binary runs") }
}

/// Runs the binary on `dir` in `tz`.
pub fn run_tz(dir: &Path, tz: &str, args: &[&str]) -> Run {
    output(bin(dir).env("TZ", tz).args(args))
}

/// Runs the binary on `dir` in Europe/Berlin.
pub fn run(dir: &Path, args: &[&str]) -> Run {
    run_tz(dir, "Europe/Berlin", args)
}

pub fn date(y: i32, m: u32, d: u32) -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(y, m, d).expect("a valid date")
}

/// A small tmpfs mounted at a new folder, unmounted when dropped; `None` (skipped) when
/// this process may not mount, unless BEDTIME_COACH_E2E=1.
pub struct Tmpfs(pub tempfile::TempDir);

impl Tmpfs {
    pub fn mount(what: &str, size: &str) -> Option<Tmpfs> {
        let dir = tempfile::tempdir().unwrap();
        let mounted = std::process::Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size},mode=0700"), "tmpfs"])
            .arg(dir.path())
            .output()
            .is_ok_and(|o| o.status.success());
        if mounted {
            return Some(Tmpfs(dir));
        }
        let message = "mounting a tmpfs is not permitted here (it needs root)";
        assert!(std::env::var("BEDTIME_COACH_E2E").as_deref() != Ok("1"), "BEDTIME_COACH_E2E=1 but {message}");
        println!("SKIPPED {what}: {message}; set BEDTIME_COACH_E2E=1 to fail instead");
        None
    }

    pub fn remount(&self, options: &str) {
        let status = std::process::Command::new("mount")
            .args(["-o", &format!("remount,{options}")])
            .arg(self.0.path())
            .status()
            .unwrap();
        assert!(status.success());
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = std::process::Command::new("umount").arg("-l").arg(self.0.path()).status();
    }
}

/// A private session bus (`dbus-daemon --session`, with the system's service files so
/// settings daemons start on demand), its environment extended with `env`; returns the
/// daemon, stopped when dropped, and the bus address.
pub fn session_bus(env: &[(&str, &Path)]) -> (KillOnDrop, String) {
    use std::io::{BufRead, BufReader};
    let mut daemon = Command::new("dbus-daemon")
        .args(["--session", "--nofork", "--print-address=1"])
        .envs(env.iter().copied())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("dbus-daemon");
    let mut address = String::new();
    let stdout = daemon.stdout.take().expect("piped");
    let daemon = KillOnDrop(daemon);
    BufReader::new(stdout).read_line(&mut address).expect("the bus address");
    (daemon, address.trim().to_owned())
}

/// The permission bits of `path` on Unix; `None` on Windows, where the profile's access
/// list, not a mode, keeps the files private.
pub fn mode_of(path: &Path) -> Option<u32> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        Some(std::fs::metadata(path).ok()?.permissions().mode() & 0o777)
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        None
    }
}

/// The routine files saved in `dir`: `routine.json` and each computer's
/// `routine.DEVICE.json` (`store/routines.rs`).
pub fn routine_files(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut files: Vec<std::path::PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| {
            let name = path.file_name().unwrap().to_string_lossy();
            name.starts_with("routine.") && name.ends_with(".json") && !name.contains("conflict")
        })
        .collect();
    files.sort();
    files
}

/// Edits the saved routine by hand: every routine file in `dir` alike (see
/// [`routine_files`]), keeping the stamps of its changes as they are.
pub fn edit_routine(dir: &Path, edit: impl Fn(&mut serde_json::Value)) {
    for path in routine_files(dir) {
        let mut file: serde_json::Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
        edit(&mut file);
        std::fs::write(&path, serde_json::to_vec_pretty(&file).unwrap()).unwrap();
    }
}

/// This computer's device id in `dir` (where `Paths::in_dir` and [`bin`] keep it), made
/// now if there is none yet.
pub fn device_in(dir: &Path) -> String {
    let store = bedtime_coach::store::Store::new(bedtime_coach::store::Paths::in_dir(dir));
    store.device_id().unwrap().as_str().to_owned()
}

/// This computer's name for a file of the journal's months in `dir`: `2026-11.json` →
/// `dir/journal/2026-11.DEVICE.json`, `2026-11.json.bak` → `…DEVICE.json.bak`.
pub fn own_month(dir: &Path, name: &str) -> std::path::PathBuf {
    dir.join("journal").join(own_month_name(dir, name))
}

/// [`own_month`]'s file name alone.
pub fn own_month_name(dir: &Path, name: &str) -> String {
    name.replacen(".json", &format!(".{}.json", device_in(dir)), 1)
}
