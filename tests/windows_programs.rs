//! The two Windows programs (`bedtime-coach.exe` for cmd and PowerShell,
//! `bedtime-coachw.exe` for shortcuts, see `src/bin/bedtime-coachw.rs`): each is linked
//! for the subsystem it promises, read from its PE header, and the console one prints.
//! Under Wine: `cargo test --target x86_64-pc-windows-gnu --test windows_programs`.
#![cfg(windows)]

mod support;

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
