//! The desktop's file dialog, for Export and Import, asked for off the drawing thread.
//!
//! Why it exists: a user expects the desktop's own Save / Open dialog, and egui has none.
//! The first that answers is used: the XDG desktop portal
//! (`org.freedesktop.portal.FileChooser`, over the zbus the app already has; GNOME, KDE
//! and most other desktops, sandboxed or not), then `zenity` (GNOME, Xfce), then
//! `kdialog` (KDE). Each may take minutes while the user looks for a folder, so the
//! dialog runs on a thread of its own and its answer is picked up by the frame loop.
//! When there is none (or it fails), the window shows a path field instead; tests use
//! [`FileDialog::off`] to get the field straight away.

use std::collections::HashMap;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::mpsc::{self, Receiver, TryRecvError};

use eframe::egui;

/// What to ask the user for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Request {
    /// A file to write, with a suggested full path.
    Save { title: String, suggested: PathBuf },
    /// An existing file to read.
    Open { title: String },
}

/// What the dialog answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    Chosen(PathBuf),
    Cancelled,
    /// No dialog could be shown; why, in the system's words.
    Unavailable(String),
}

/// Starts dialogs and hands their answers back to the frame loop.
#[derive(Debug)]
pub struct FileDialog {
    enabled: bool,
    waiting: Option<Receiver<Answer>>,
    ctx: Option<egui::Context>,
}

impl Default for FileDialog {
    fn default() -> Self {
        Self::off()
    }
}

impl FileDialog {
    /// The desktop's dialogs (the window).
    pub fn desktop() -> Self {
        Self { enabled: true, waiting: None, ctx: None }
    }

    /// No dialog: the path field at once (tests, and machines without a desktop).
    pub fn off() -> Self {
        Self { enabled: false, waiting: None, ctx: None }
    }

    pub fn set_context(&mut self, ctx: egui::Context) {
        self.ctx = Some(ctx);
    }

    /// Shows a dialog on its own thread; `false` when dialogs are off or the thread
    /// could not start (then the caller shows the path field).
    pub fn start(&mut self, request: Request) -> bool {
        if !self.enabled {
            return false;
        }
        let (tx, rx) = mpsc::channel();
        let ctx = self.ctx.clone();
        let spawned = std::thread::Builder::new().name("file-dialog".into()).spawn(move || {
            let _ = tx.send(ask(&request));
            if let Some(ctx) = ctx {
                ctx.request_repaint();
            }
        });
        if spawned.is_err() {
            return false;
        }
        self.waiting = Some(rx);
        true
    }

    /// The answer, once the dialog closed.
    pub fn poll(&mut self) -> Option<Answer> {
        let answer = match self.waiting.as_ref()?.try_recv() {
            Ok(answer) => answer,
            Err(TryRecvError::Empty) => return None,
            Err(TryRecvError::Disconnected) => Answer::Unavailable(String::new()),
        };
        self.waiting = None;
        Some(answer)
    }
}

/// The portal, then zenity, then kdialog; the first that can show a dialog answers.
fn ask(request: &Request) -> Answer {
    let mut reasons = Vec::new();
    match zbus::block_on(portal(request)) {
        Ok(answer) => return answer,
        Err(error) => reasons.push(format!("portal: {error}")),
    }
    for program in ["zenity", "kdialog"] {
        match helper(program, request) {
            Ok(answer) => return answer,
            Err(error) => reasons.push(format!("{program}: {error}")),
        }
    }
    Answer::Unavailable(reasons.join("; "))
}

/// `zenity` or `kdialog`: exit 0 with the path on stdout, 1 when cancelled.
fn helper(program: &str, request: &Request) -> std::io::Result<Answer> {
    let mut command = Command::new(program);
    match (program, request) {
        ("zenity", Request::Save { title, suggested }) => {
            command.args(["--file-selection", "--save", "--confirm-overwrite", "--title", title]);
            command.arg(format!("--filename={}", suggested.display()))
        }
        ("zenity", Request::Open { title }) => {
            command.args(["--file-selection", "--title", title, "--file-filter=JSON | *.json", "--file-filter=* | *"])
        }
        (_, Request::Save { title, suggested }) => {
            command.arg("--getsavefilename").arg(suggested).args(["--title", title])
        }
        (_, Request::Open { title }) => command.args(["--getopenfilename", ".", "*.json", "--title", title]),
    };
    let output = command.stdin(Stdio::null()).stderr(Stdio::null()).output()?;
    let path = String::from_utf8_lossy(&output.stdout).trim_end_matches(['\n', '\r']).to_owned();
    Ok(match output.status.code() {
        Some(0) if !path.is_empty() => Answer::Chosen(PathBuf::from(path)),
        Some(1) | Some(0) => Answer::Cancelled,
        _ => return Err(std::io::Error::other(output.status.to_string())),
    })
}

/// The desktop portal's FileChooser: subscribe to the request's `Response` first (its
/// path is known from our token), then ask, then wait for the answer.
async fn portal(request: &Request) -> zbus::Result<Answer> {
    use futures_lite::StreamExt;
    use zbus::{OwnedObjectPath, OwnedVariant, Variant};

    const DESKTOP: &str = "org.freedesktop.portal.Desktop";
    let connection = zbus::Connection::session().await?;
    let sender = connection
        .unique_name()
        .map(|name| name.trim_start_matches(':').replace('.', "_"))
        .ok_or_else(|| zbus::Error::Failure("no unique name on the session bus".into()))?;
    let token = format!("bedtime_coach_{}", std::process::id());
    let path = format!("/org/freedesktop/portal/desktop/request/{sender}/{token}");
    let response = zbus::Proxy::new(&connection, DESKTOP, path.as_str(), "org.freedesktop.portal.Request").await?;
    let mut responses = response.receive_signal("Response").await?;
    let chooser =
        zbus::Proxy::new(&connection, DESKTOP, "/org/freedesktop/portal/desktop", "org.freedesktop.portal.FileChooser")
            .await?;
    let mut options: HashMap<&str, Variant> = HashMap::new();
    options.insert("handle_token", Variant::from(token.as_str()));
    options.insert("modal", Variant::from(true));
    let (method, title, name) = match request {
        Request::Save { title, suggested } => {
            let name = suggested.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            ("SaveFile", title, Some(name))
        }
        Request::Open { title } => ("OpenFile", title, None),
    };
    if let Some(name) = &name {
        options.insert("current_name", Variant::from(name.as_str()));
    }
    let _handle: OwnedObjectPath = chooser.call(method, &("", title.as_str(), options)).await?;
    let message = responses.next().await.ok_or_else(|| zbus::Error::Failure("the portal closed the request".into()))?;
    let (code, results): (u32, HashMap<String, OwnedVariant>) = message.body().deserialize()?;
    if code != 0 {
        // 1: cancelled by the user; 2: ended some other way. Neither chose a file.
        return Ok(Answer::Cancelled);
    }
    let uris: Vec<String> =
        results.get("uris").and_then(|value| Vec::<String>::try_from(value.clone()).ok()).unwrap_or_default();
    Ok(uris.first().and_then(|uri| file_uri_path(uri)).map_or(Answer::Cancelled, Answer::Chosen))
}

/// `file:///home/a/My%20journal.csv` → `/home/a/My journal.csv`; other schemes: `None`.
fn file_uri_path(uri: &str) -> Option<PathBuf> {
    use std::os::unix::ffi::OsStringExt;
    let rest = uri.strip_prefix("file://")?;
    let rest = rest.get(rest.find('/')?..)?;
    let mut bytes = Vec::with_capacity(rest.len());
    let mut input = rest.bytes();
    while let Some(byte) = input.next() {
        if byte == b'%' {
            let hex: Vec<u8> = input.by_ref().take(2).collect();
            let value = std::str::from_utf8(&hex).ok().and_then(|h| u8::from_str_radix(h, 16).ok())?;
            bytes.push(value);
        } else {
            bytes.push(byte);
        }
    }
    Some(PathBuf::from(std::ffi::OsString::from_vec(bytes)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_uris_become_paths() {
        assert_eq!(file_uri_path("file:///home/a/My%20journal.csv"), Some(PathBuf::from("/home/a/My journal.csv")));
        assert_eq!(file_uri_path("file://localhost/tmp/%D0%B4.json"), Some(PathBuf::from("/tmp/д.json")));
        assert_eq!(file_uri_path("https://example.com/x"), None);
        assert_eq!(file_uri_path("file:///bad%zz"), None);
    }

    #[test]
    fn dialogs_off_means_the_path_field() {
        let mut dialog = FileDialog::off();
        assert!(!dialog.start(Request::Open { title: "Import".into() }));
        assert_eq!(dialog.poll(), None);
    }
}
