//! Starting the reminder service at login on Windows: the value `Bedtime Coach` in the
//! user's `HKCU\Software\Microsoft\Windows\CurrentVersion\Run` key.
//!
//! Why the `Run` key rather than a shortcut in the Startup folder: one value that the
//! registry writes and reads back whole (no COM, no `.lnk` to parse), `reg query` shows
//! it, no administrator is needed, and Task Manager's Startup tab lists it and can switch
//! it off (it notes that in `...\Explorer\StartupApproved\Run`, which [`status`] reads and
//! [`enable`] clears, so `autostart on` means on).
//!
//! The value starts `bedtime-coachw.exe remind`, the GUI-subsystem twin of the program
//! (`src/bin/bedtime-coachw.rs`), so no console window opens at login; the console
//! program `bedtime-coach.exe` is only used where no twin lies beside it.

use std::ffi::{OsStr, OsString};
use std::io;
use std::os::windows::ffi::{OsStrExt, OsStringExt};
use std::path::{Path, PathBuf};

use super::registry;
use crate::platform::autostart::AutostartStatus;
use crate::remind::RemindError;
use crate::store::StoreError;

/// The user's login programs.
pub const RUN_KEY: &str = r"Software\Microsoft\Windows\CurrentVersion\Run";
/// Where Task Manager's Startup tab notes the entries it switched off.
const APPROVED_KEY: &str = r"Software\Microsoft\Windows\CurrentVersion\Explorer\StartupApproved\Run";
/// The value's name: what Task Manager's Startup tab shows.
pub const VALUE_NAME: &str = "Bedtime Coach";

/// Where the entry is, as `reg` and regedit name it.
fn shown(key: &str) -> PathBuf {
    PathBuf::from(format!(r"HKEY_CURRENT_USER\{key}\{VALUE_NAME}"))
}

/// Writes the `Run` value that starts `program args…` at login (the icon is the program's
/// own on Windows); returns where it is.
pub fn enable(args: &[OsString], _icon: &str) -> Result<PathBuf, RemindError> {
    let program = service_program()?;
    let line = command_line(&program, args);
    registry::set_strings(RUN_KEY, &[(Some(VALUE_NAME), &line)]).map_err(|cause| failed(RUN_KEY, cause))?;
    // Switched off in Task Manager earlier: `on` now means on.
    registry::delete(APPROVED_KEY, VALUE_NAME).map_err(|cause| failed(APPROVED_KEY, cause))?;
    Ok(shown(RUN_KEY))
}

/// Removes the `Run` value; `Ok(false)` when there was none.
pub fn disable() -> Result<bool, RemindError> {
    let existed = registry::delete(RUN_KEY, VALUE_NAME).map_err(|cause| failed(RUN_KEY, cause))?;
    registry::delete(APPROVED_KEY, VALUE_NAME).map_err(|cause| failed(APPROVED_KEY, cause))?;
    Ok(existed)
}

/// Reads the `Run` value back: whether it is there, switched off in Task Manager, and
/// whether it starts this program or another copy.
pub fn status() -> Result<AutostartStatus, RemindError> {
    let line = registry::string(RUN_KEY, VALUE_NAME).map_err(|cause| failed(RUN_KEY, cause))?;
    let Some(line) = line else {
        return Ok(AutostartStatus { path: shown(RUN_KEY), enabled: false, exec: None, other_program: None });
    };
    let approved = registry::binary(APPROVED_KEY, VALUE_NAME).map_err(|cause| failed(APPROVED_KEY, cause))?;
    let switched_off = approved.as_deref().is_some_and(switched_off_in_task_manager);
    let ours = service_program()?;
    let other_program = program_of(&line).filter(|program| !same_program(program, &ours));
    Ok(AutostartStatus {
        path: if switched_off { shown(APPROVED_KEY) } else { shown(RUN_KEY) },
        enabled: !switched_off,
        exec: Some(line.to_string_lossy().into_owned()),
        other_program,
    })
}

fn failed(key: &str, cause: io::Error) -> RemindError {
    RemindError::Registry { key: format!(r"HKEY_CURRENT_USER\{key}"), cause }
}

/// The program the login entry starts: the windowed twin, so no console opens at login.
fn service_program() -> Result<PathBuf, RemindError> {
    Ok(registry::windowed_program().map_err(|cause| StoreError::ThisProgram { cause })?)
}

/// Task Manager writes 12 bytes, the first 2 (or 6) for on and 3 for off.
fn switched_off_in_task_manager(approved: &[u8]) -> bool {
    approved.first() == Some(&3)
}

/// Whether two program paths name the same file as Windows compares names: without
/// regard to case.
fn same_program(a: &Path, b: &Path) -> bool {
    a.as_os_str().to_string_lossy().to_lowercase() == b.as_os_str().to_string_lossy().to_lowercase()
}

/// The command line that starts `program args…`, quoted so that the C runtime's
/// `CommandLineToArgvW` rules (which Rust's std reads too) give back each argument whole:
/// the program always in quotes (a path with spaces otherwise runs `C:\Program`), an
/// argument in quotes when it has a space, a tab or a quote or is empty, with the
/// backslashes before a quote doubled.
pub fn command_line(program: &Path, args: &[OsString]) -> OsString {
    let mut line: Vec<u16> = Vec::new();
    line.push(u16::from(b'"'));
    line.extend(program.as_os_str().encode_wide());
    line.push(u16::from(b'"'));
    for arg in args {
        line.push(u16::from(b' '));
        quote_into(&mut line, arg);
    }
    OsString::from_wide(&line)
}

fn quote_into(line: &mut Vec<u16>, arg: &OsStr) {
    let wide: Vec<u16> = arg.encode_wide().collect();
    let special = |c: &u16| [b' ', b'\t', b'"', b'\n'].map(u16::from).contains(c);
    if !wide.is_empty() && !wide.iter().any(special) {
        line.extend(wide);
        return;
    }
    line.push(u16::from(b'"'));
    let mut backslashes = 0;
    for c in wide {
        if c == u16::from(b'\\') {
            backslashes += 1;
        } else {
            if c == u16::from(b'"') {
                line.extend(std::iter::repeat_n(u16::from(b'\\'), backslashes + 1));
            }
            backslashes = 0;
        }
        line.push(c);
    }
    // Backslashes before the closing quote would escape it.
    line.extend(std::iter::repeat_n(u16::from(b'\\'), backslashes));
    line.push(u16::from(b'"'));
}

/// The program a command line starts: the first quoted part, or up to the first space.
pub fn program_of(line: &OsStr) -> Option<PathBuf> {
    let wide: Vec<u16> = line.encode_wide().collect();
    let quote = u16::from(b'"');
    let program = match wide.split_first()? {
        (&first, rest) if first == quote => &rest[..rest.iter().position(|&c| c == quote)?],
        _ => wide.split(|&c| c == u16::from(b' ') || c == u16::from(b'\t')).next()?,
    };
    (!program.is_empty()).then(|| PathBuf::from(OsString::from_wide(program)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(program: &str, args: &[&str]) -> String {
        let args: Vec<OsString> = args.iter().map(OsString::from).collect();
        command_line(Path::new(program), &args).into_string().unwrap()
    }

    #[test]
    fn the_command_line_quotes_what_windows_would_split() {
        assert_eq!(
            line(r"C:\Program Files\bc\bedtime-coachw.exe", &["remind"]),
            r#""C:\Program Files\bc\bedtime-coachw.exe" remind"#
        );
        assert_eq!(
            line(r"C:\bc.exe", &["remind", "--data-dir", r"C:\Users\Сергей\My data\"]),
            r#""C:\bc.exe" remind --data-dir "C:\Users\Сергей\My data\\""#
        );
        assert_eq!(line(r"C:\bc.exe", &["", r#"a"b"#, r"x\y"]), r#""C:\bc.exe" "" "a\"b" x\y"#);
    }

    #[test]
    fn the_program_is_read_back_from_a_command_line() {
        let program = |text: &str| program_of(OsStr::new(text));
        assert_eq!(program(r#""C:\My Apps\bc.exe" remind"#), Some(PathBuf::from(r"C:\My Apps\bc.exe")));
        assert_eq!(program(r"C:\bc.exe remind"), Some(PathBuf::from(r"C:\bc.exe")));
        assert_eq!(program(r#""C:\unclosed"#), None);
        assert_eq!(program(""), None);
        assert!(same_program(Path::new(r"C:\Apps\BC.exe"), Path::new(r"c:\apps\bc.EXE")));
        assert!(!same_program(Path::new(r"C:\Old\bc.exe"), Path::new(r"C:\New\bc.exe")));
    }

    #[test]
    fn task_managers_switch_is_read() {
        assert!(switched_off_in_task_manager(&[3, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8]));
        assert!(!switched_off_in_task_manager(&[2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]));
        assert!(!switched_off_in_task_manager(&[]));
    }
}
