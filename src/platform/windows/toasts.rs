//! Toasts on Windows 10 and 11: WinRT's `ToastNotificationManager` (through the `windows`
//! crate, already in the tree under accesskit), with the app's AppUserModelID
//! ([`crate::APP_ID`]).
//!
//! Windows shows a desktop program's toasts only for an AppUserModelID it knows: the
//! installer's Start-menu shortcut carries it, and [`register_activation`] also names it
//! under `HKCU\Software\Classes\AppUserModelId` (display name and icon), so a zip user
//! gets toasts too. The same call registers the `bedtime-coach:` URI scheme whose
//! activations answer the toasts' buttons (see `remind::toast`). Both are per user: no
//! administrator rights. Untested on real Windows: Wine 8 has no toasts, and there
//! showing one fails, which the reminder loop handles as on a desktop without
//! notifications.

use std::ffi::{OsStr, OsString};
use std::path::Path;
use std::sync::Arc;

use windows::Data::Xml::Dom::XmlDocument;
use windows::UI::Notifications::{ToastNotification, ToastNotificationManager};
use windows::core::HSTRING;

use super::super::toasts::ToastHost;
use super::registry;
use crate::URI_SCHEME;

/// WinRT's toasts for [`crate::APP_ID`].
struct WinRtToasts;

fn detail(error: &windows::core::Error) -> String {
    format!("{} ({:#010x})", error.message(), error.code().0)
}

impl ToastHost for WinRtToasts {
    fn show(&self, xml: &str, tag: &str, group: &str) -> Result<(), String> {
        let shown = (|| -> windows::core::Result<()> {
            let document = XmlDocument::new()?;
            document.LoadXml(&HSTRING::from(xml))?;
            let toast = ToastNotification::CreateToastNotification(&document)?;
            toast.SetTag(&HSTRING::from(tag))?;
            toast.SetGroup(&HSTRING::from(group))?;
            ToastNotificationManager::CreateToastNotifierWithId(&HSTRING::from(crate::APP_ID))?.Show(&toast)
        })();
        shown.map_err(|error| detail(&error))
    }

    fn remove(&self, tag: &str, group: &str) -> Result<(), String> {
        let removed = ToastNotificationManager::History().and_then(|history| {
            history.RemoveGroupedTagWithId(&HSTRING::from(tag), &HSTRING::from(group), &HSTRING::from(crate::APP_ID))
        });
        removed.map_err(|error| detail(&error))
    }
}

/// The system's toasts.
pub fn host() -> Option<Arc<dyn ToastHost>> {
    Some(Arc::new(WinRtToasts))
}

/// `arg` quoted for a Windows command line: in quotes, with the backslashes before the
/// closing quote doubled (a path cannot contain a quote itself).
fn quoted(arg: &str) -> String {
    let trailing = arg.len() - arg.trim_end_matches('\\').len();
    format!("\"{arg}{}\"", "\\".repeat(trailing))
}

/// The key `HKCU\<path>`, created if missing, with `values` set: `(None, …)` is the
/// key's default value.
fn write_key(path: &str, values: &[(Option<&str>, &str)]) -> Result<(), String> {
    let values: Vec<(Option<&str>, &OsStr)> = values.iter().map(|(name, data)| (*name, OsStr::new(data))).collect();
    registry::set_strings(path, &values).map_err(|error| format!("{path}: {error}"))
}

/// Registers, for the current user, the AppUserModelID (its name and `icon`) and the
/// `bedtime-coach:` URI scheme, whose activations start the windowed program with
/// `arguments` (`--data-dir DIR` when the user chose the folder), `activate` and the URI.
/// Written at each service start, so the last started service's folder answers.
pub fn register_activation(arguments: &[OsString], icon: &Path) -> Result<(), String> {
    let program = registry::windowed_program().map_err(|error| error.to_string())?;
    let mut command = quoted(&program.to_string_lossy());
    for argument in arguments {
        command.push(' ');
        command.push_str(&quoted(&argument.to_string_lossy()));
    }
    command.push_str(" activate \"%1\"");
    let name = crate::i18n::t("ui-app-name");
    let icon = icon.to_string_lossy();
    let classes = r"Software\Classes";
    write_key(
        &format!(r"{classes}\AppUserModelId\{}", crate::APP_ID),
        &[(Some("DisplayName"), &name), (Some("IconUri"), &icon)],
    )?;
    let scheme = format!(r"{classes}\{URI_SCHEME}");
    write_key(&scheme, &[(None, &format!("URL:{name}")), (Some("URL Protocol"), "")])?;
    write_key(&format!(r"{scheme}\DefaultIcon"), &[(None, &icon)])?;
    write_key(&format!(r"{scheme}\shell\open\command"), &[(None, &command)])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arguments_are_quoted_as_windows_reads_them() {
        assert_eq!(quoted(r"C:\Program Files\bedtime-coachw.exe"), r#""C:\Program Files\bedtime-coachw.exe""#);
        // A folder ending in a backslash must not escape the closing quote.
        assert_eq!(quoted(r"D:\data\"), r#""D:\data\\""#);
        assert_eq!(quoted("--data-dir"), r#""--data-dir""#);
    }
}
