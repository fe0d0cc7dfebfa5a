//! The two Windows programs (`bedtime-coach.exe` for cmd and PowerShell,
//! `bedtime-coachw.exe` for shortcuts, see `src/bin/bedtime-coachw.rs`): each is linked
//! for the subsystem it promises, read from its PE header, and the console one prints;
//! one window: a later start hands its screen to the first over a named pipe; and
//! `autostart on|off|status` writing, reading and removing the `Run` value (`reg query`).
//! Under Wine: `cargo test --target x86_64-pc-windows-gnu --test windows_programs`.
#![cfg(windows)]

mod support;

use support::StartRetrying as _;

/// `IMAGE_OPTIONAL_HEADER.Subsystem` of the PE program `bytes`: 2 GUI, 3 console.
fn subsystem(bytes: &[u8]) -> Option<u16> {
    let u16_at = |at: usize| Some(u16::from_le_bytes(bytes.get(at..at + 2)?.try_into().ok()?));
    let u32_at = |at: usize| Some(u32::from_le_bytes(bytes.get(at..at + 4)?.try_into().ok()?));
    if bytes.get(..2)? != b"MZ" {
        return None;
    }
    let pe = usize::try_from(u32_at(0x3c)?).ok()?;
    if bytes.get(pe..pe + 4)? != b"PE\0\0" {
        return None;
    }
    // The 4-byte signature, the 20-byte file header; Subsystem is at 68 in both the
    // PE32 and the PE32+ optional header.
    u16_at(pe + 4 + 20 + 68)
}

const GUI: u16 = 2;
const CONSOLE: u16 = 3;

#[test]
fn the_command_line_program_is_a_console_one_and_the_shortcut_one_a_window_one() {
    let console = std::fs::read(env!("CARGO_BIN_EXE_bedtime-coach")).unwrap();
    let windowed = std::fs::read(env!("CARGO_BIN_EXE_bedtime-coachw")).unwrap();
    assert_eq!(subsystem(&console), Some(CONSOLE));
    assert_eq!(subsystem(&windowed), Some(GUI));
    assert_eq!(subsystem(b"MZ not a program"), None);
}

/// What a user types in cmd or PowerShell prints, as on Linux.
#[test]
fn plan_prints_through_the_console_program() {
    let dir = tempfile::tempdir().unwrap();
    let said = support::output(support::bin(dir.path()).args(["plan", "--date", "2026-11-26"])).ok();
    assert!(said.stdout().contains("Warm bath"), "{}", said.stdout());
}

/// One window: the first start's pipe receives what a later start asks for.
#[test]
fn a_later_start_hands_its_screen_to_the_first_window() {
    use bedtime_coach::platform::one_window::{self, Claim};
    let key = format!("bedtime-coach-test-{}", std::process::id());
    let (sender, asked) = std::sync::mpsc::channel();
    let first = one_window::claim(&key, None, move |screen| {
        let _ = sender.send(screen.map(str::to_owned));
    });
    assert!(matches!(first, Claim::First(_)), "{first:?}");
    assert!(matches!(one_window::claim(&key, Some("night"), |_| {}), Claim::Sent));
    assert_eq!(asked.recv_timeout(WAIT).unwrap().as_deref(), Some("night"));
    assert!(matches!(one_window::claim(&key, None, |_| {}), Claim::Sent));
    assert_eq!(asked.recv_timeout(WAIT).unwrap(), None);
}

/// The same between two processes: `bedtime-coachw --screen night` on a folder whose
/// window is open hands the screen over and exits at once, opening no window.
#[test]
fn the_program_started_again_hands_its_screen_over_and_exits() {
    use bedtime_coach::platform::one_window::{self, Claim};
    let dir = tempfile::tempdir().unwrap();
    let key = bedtime_coach::desktop::window_key(&bedtime_coach::store::Paths::in_dir(dir.path()));
    let (sender, asked) = std::sync::mpsc::channel();
    let first = one_window::claim(&key, None, move |screen| {
        let _ = sender.send(screen.map(str::to_owned));
    });
    assert!(matches!(first, Claim::First(_)), "{first:?}");
    let mut again = std::process::Command::new(env!("CARGO_BIN_EXE_bedtime-coachw"));
    again.arg("--data-dir").arg(dir.path()).args(["--screen", "night"]).env_remove("BEDTIME_COACH_DATA_DIR");
    support::output(&mut again).ok();
    assert_eq!(asked.recv_timeout(WAIT).unwrap().as_deref(), Some("night"));
}

/// `autostart` in the user's `Run` key, as `reg query` (Windows' own tool) sees it. The
/// value is removed at the end even when an assertion fails: Wine starts what is in
/// `Run` when the prefix boots.
#[test]
fn autostart_writes_reads_and_removes_the_run_value() {
    struct RemoveAtEnd;
    impl Drop for RemoveAtEnd {
        fn drop(&mut self) {
            let _ =
                std::process::Command::new("reg").args(["delete", RUN, "/v", "Bedtime Coach", "/f"]).output_retrying();
        }
    }
    const RUN: &str = r"HKCU\Software\Microsoft\Windows\CurrentVersion\Run";
    let _cleanup = RemoveAtEnd;
    let dir = tempfile::tempdir().unwrap();
    let autostart = |action: &str| support::output(support::bin(dir.path()).args(["autostart", action])).ok().stdout();
    let query = || {
        let out =
            std::process::Command::new("reg").args(["query", RUN, "/v", "Bedtime Coach"]).output_retrying().unwrap();
        out.status.success().then(|| String::from_utf8_lossy(&out.stdout).into_owned())
    };
    let _ = autostart("off");
    assert!(autostart("status").starts_with("Reminders do not start at login"));
    assert_eq!(query(), None);

    let on = autostart("on");
    assert!(on.starts_with(r"Reminders will start at login (HKEY_CURRENT_USER\Software\Microsoft\Windows\CurrentVersion\Run\Bedtime Coach)"), "{on}");
    assert!(on.contains("To start them now, run `start bedtime-coachw remind`."), "{on}");
    let value = query().expect("the Run value is there");
    // The console-less twin (its path as Windows names it, quoted), on these files.
    let expected = format!(r#"\bedtime-coachw.exe" remind --data-dir {}"#, dir.path().display());
    assert!(value.contains(r#"REG_SZ    ""#), "{value}");
    assert!(value.contains(&expected), "{value} lacks {expected}");
    let status = autostart("status");
    assert!(status.starts_with("Reminders start at login"), "{status}");
    assert!(!status.contains("another copy"), "{status}");

    // An entry of another copy of the program is named as such.
    let other = r#""C:\Old\bedtime-coachw.exe" remind"#;
    let written = std::process::Command::new("reg")
        .args(["add", RUN, "/v", "Bedtime Coach", "/t", "REG_SZ", "/d", other, "/f"])
        .output_retrying()
        .unwrap();
    assert!(written.status.success());
    let status = autostart("status");
    assert!(status.contains(r"another copy of Bedtime Coach (C:\Old\bedtime-coachw.exe)"), "{status}");

    assert!(autostart("off").starts_with("Reminders no longer start at login"));
    assert_eq!(query(), None);
    assert!(autostart("status").starts_with("Reminders do not start at login"));
    assert!(autostart("off").starts_with("Reminders were not set to start at login"));
}

const WAIT: std::time::Duration = std::time::Duration::from_secs(10);
