//! Starting the reminder service at login on Linux: an XDG autostart entry.
//!
//! Desktops that follow the XDG autostart spec (GNOME, KDE, Xfce, most others) start
//! every `*.desktop` file in `$XDG_CONFIG_HOME/autostart` (default `~/.config/autostart`)
//! at login. Turning autostart on writes one such entry that runs `bedtime-coach remind`;
//! turning it off removes it. The command line (`bedtime-coach autostart on|off|status`)
//! and the window's settings call the same three functions: [`enable`], [`disable`],
//! [`status`].

use std::ffi::OsString;
use std::fs;
use std::path::{Path, PathBuf};

use crate::platform::autostart::AutostartStatus;
use crate::platform::{Concern, available};
use crate::remind::RemindError;
use crate::store::{IoAction, StoreError, create_private_dir, remove_file_if_exists, replace_file};

/// File name of the entry, distinct from the app's own `io.github.bedtimecoach.BedtimeCoach.desktop`.
pub const ENTRY_NAME: &str = crate::store::AUTOSTART_ENTRY;

/// Where the entry lives: `$XDG_CONFIG_HOME/autostart/`, or `~/.config/autostart/`.
pub fn entry_path() -> Result<PathBuf, RemindError> {
    available(Concern::Autostart)?;
    Ok(crate::store::Paths::autostart_entry().ok_or(StoreError::NoHome)?)
}

/// Quotes one argument of an `Exec` line as the desktop entry spec asks, then escapes it
/// for a desktop file string value.
fn exec_arg(arg: &str) -> String {
    const RESERVED: &[char] =
        &[' ', '\t', '\n', '"', '\'', '\\', '>', '<', '~', '|', '&', ';', '$', '*', '?', '#', '(', ')', '`'];
    let quoted = if arg.is_empty() || arg.contains(RESERVED) {
        let mut out = String::from("\"");
        for c in arg.chars() {
            if matches!(c, '"' | '`' | '$' | '\\') {
                out.push('\\');
            }
            out.push(c);
        }
        out.push('"');
        out
    } else {
        arg.to_owned()
    };
    // Field codes start with '%'; a literal one is "%%". The string value itself escapes
    // backslashes once more.
    quoted.replace('%', "%%").replace('\\', "\\\\")
}

/// A string value in a desktop file: no newlines.
fn value(text: &str) -> String {
    text.replace('\\', "\\\\").replace('\n', "\\n")
}

/// The text of the autostart entry that runs `exe args…` (the use cases give the
/// arguments: `remind`, and `--data-dir DIR` when one is used).
pub fn entry_text(exe: &Path, args: &[OsString], icon: &str) -> String {
    let exec: Vec<String> = std::iter::once(exe.as_os_str())
        .chain(args.iter().map(OsString::as_os_str))
        .map(|arg| exec_arg(&arg.to_string_lossy()))
        .collect();
    format!(
        "[Desktop Entry]\n\
         Type=Application\n\
         Version=1.5\n\
         Name=Bedtime Coach reminders\n\
         Comment=Wind-down reminders for your evening routine, without opening the window\n\
         Exec={}\n\
         Icon={}\n\
         Terminal=false\n\
         NoDisplay=true\n\
         X-GNOME-Autostart-enabled=true\n",
        exec.join(" "),
        value(icon)
    )
}

/// Writes the autostart entry for this program; returns its path. `args` come from the
/// use cases: `remind`, and `--data-dir DIR` when one is used.
pub fn enable(args: &[OsString], icon: &str) -> Result<PathBuf, RemindError> {
    let path = entry_path()?;
    let exe = std::env::current_exe().map_err(|cause| StoreError::ThisProgram { cause })?;
    if let Some(dir) = path.parent() {
        create_private_dir(dir).map_err(|e| StoreError::io(IoAction::CreateFolder, dir, e))?;
    }
    replace_file(&path, entry_text(&exe, args, icon).as_bytes())
        .map_err(|e| StoreError::io(IoAction::Save, &path, e))?;
    Ok(path)
}

/// Removes the autostart entry; `Ok(false)` when there was none.
pub fn disable() -> Result<bool, RemindError> {
    let path = entry_path()?;
    let existed = path.exists();
    remove_file_if_exists(&path).map_err(|e| StoreError::io(IoAction::Remove, &path, e))?;
    Ok(existed)
}

/// Reads the autostart entry, if any.
pub fn status() -> Result<AutostartStatus, RemindError> {
    let path = entry_path()?;
    let text = match fs::read_to_string(&path) {
        Ok(text) => text,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            return Ok(AutostartStatus { path, enabled: false, exec: None, other_program: None });
        }
        Err(error) => return Err(StoreError::io(IoAction::Read, &path, error).into()),
    };
    let field = |key: &str| {
        text.lines()
            .find_map(|line| line.strip_prefix(key)?.trim_start().strip_prefix('=').map(|v| v.trim().to_owned()))
    };
    let disabled =
        field("Hidden").as_deref() == Some("true") || field("X-GNOME-Autostart-enabled").as_deref() == Some("false");
    Ok(AutostartStatus { path, enabled: !disabled, exec: field("Exec"), other_program: None })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exec_arguments_are_quoted_per_spec() {
        assert_eq!(exec_arg("/usr/bin/bedtime-coach"), "/usr/bin/bedtime-coach");
        assert_eq!(exec_arg("/home/me/My Apps/bc"), "\"/home/me/My Apps/bc\"");
        // "$" is escaped inside quotes, and the backslash doubled for the string value.
        assert_eq!(exec_arg("/tmp/a$b"), "\"/tmp/a\\\\$b\"");
        assert_eq!(exec_arg("/tmp/100%"), "/tmp/100%%");
        let args = ["remind", "--data-dir", "/data dir"].map(OsString::from);
        let text = entry_text(Path::new("/opt/bc/bedtime-coach"), &args, "/x/icon.png");
        assert!(text.contains("Exec=/opt/bc/bedtime-coach remind --data-dir \"/data dir\"\n"), "{text}");
        assert!(text.starts_with("[Desktop Entry]\nType=Application\n"));
        assert!(text.contains("Icon=/x/icon.png\n"));
    }
}
