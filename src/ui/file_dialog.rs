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
    let portal = async { portal(&within_deadline(zbus::Connection::session()).await?, request).await };
    match zbus::block_on(portal) {
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

/// How long the portal may take to take a request (not to be answered: the user may
/// browse for minutes). A bus or portal that hangs must not keep the helpers from trying.
const SETUP_DEADLINE: std::time::Duration = std::time::Duration::from_secs(5);

async fn within_deadline<T>(work: impl Future<Output = zbus::Result<T>>) -> zbus::Result<T> {
    futures_lite::future::or(work, async {
        async_io::Timer::after(SETUP_DEADLINE).await;
        Err(zbus::Error::Failure("the desktop portal did not answer".into()))
    })
    .await
}

/// The desktop portal's FileChooser: subscribe to the request's `Response` first (its
/// path is known from our token), then ask, then wait for the answer.
async fn portal(connection: &zbus::Connection, request: &Request) -> zbus::Result<Answer> {
    use futures_lite::StreamExt;
    use std::sync::atomic::{AtomicU32, Ordering};
    use zbus::{OwnedObjectPath, OwnedVariant, Variant};

    const DESKTOP: &str = "org.freedesktop.portal.Desktop";
    // One token per request: the portal names the request object after it.
    static REQUESTS: AtomicU32 = AtomicU32::new(0);
    let sender = connection
        .unique_name()
        .map(|name| name.trim_start_matches(':').replace('.', "_"))
        .ok_or_else(|| zbus::Error::Failure("no unique name on the session bus".into()))?;
    let token = format!("bedtime_coach_{}_{}", std::process::id(), REQUESTS.fetch_add(1, Ordering::Relaxed));
    let path = format!("/org/freedesktop/portal/desktop/request/{sender}/{token}");
    // No property cache: neither object has properties worth a round trip.
    let proxy = |path: String, interface: &'static str| {
        zbus::proxy::Builder::<zbus::Proxy>::new(connection)
            .destination(DESKTOP)
            .path(path)
            .interface(interface)
            .cache_properties(zbus::proxy::CacheProperties::No)
            .build()
    };
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
    let mut responses = within_deadline(async {
        let response = proxy(path, "org.freedesktop.portal.Request").await?;
        let responses = response.receive_signal("Response").await?;
        let chooser = proxy("/org/freedesktop/portal/desktop".into(), "org.freedesktop.portal.FileChooser").await?;
        let _handle: OwnedObjectPath = chooser.call(method, &("", title.as_str(), options)).await?;
        Ok(responses)
    })
    .await?;
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
    crate::platform::files::path_from_bytes(bytes)
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

    /// The portal path against a fake portal on a private bus: the request object is
    /// named from our token, the answer comes as its `Response` signal.
    #[test]
    fn the_portal_answers_with_a_file_or_a_cancel() {
        use futures_lite::StreamExt;
        use std::io::BufRead;
        use zbus::{OwnedVariant, Variant};

        if std::process::Command::new("dbus-daemon").arg("--version").output().is_err() {
            assert!(std::env::var("BEDTIME_COACH_E2E").as_deref() != Ok("1"), "BEDTIME_COACH_E2E=1 but no dbus-daemon");
            println!("SKIPPED the portal test: dbus-daemon missing (apt-get install dbus)");
            return;
        }
        let dir = tempfile::tempdir().unwrap();
        let conf = dir.path().join("bus.conf");
        std::fs::write(
            &conf,
            format!(
                r#"<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig><type>session</type><listen>unix:dir={}</listen><auth>EXTERNAL</auth>
<policy context="default"><allow send_destination="*" eavesdrop="true"/><allow eavesdrop="true"/><allow own="*"/></policy></busconfig>"#,
                dir.path().display()
            ),
        )
        .unwrap();
        /// Stops the private bus even when an assertion fails, so no daemon outlives the test.
        struct KillOnDrop(std::process::Child);
        impl Drop for KillOnDrop {
            fn drop(&mut self) {
                let _ = self.0.kill();
                let _ = self.0.wait();
            }
        }
        let mut daemon = std::process::Command::new("dbus-daemon")
            .arg(format!("--config-file={}", conf.display()))
            .args(["--nofork", "--print-address=1"])
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let stdout = daemon.stdout.take().unwrap();
        let _daemon = KillOnDrop(daemon);
        let mut address = String::new();
        std::io::BufReader::new(stdout).read_line(&mut address).unwrap();
        let address = address.trim().to_owned();
        let connect = || zbus::block_on(zbus::connection::Builder::address(address.as_str()).build()).unwrap();

        // No portal on the bus yet: an error, so the next helper (or the path field) is tried.
        let client = connect();
        let save = Request::Save { title: "Export".into(), suggested: PathBuf::from("/tmp/journal.csv") };
        assert!(zbus::block_on(portal(&client, &save)).is_err());

        let server = zbus::block_on(
            zbus::connection::Builder::address(address.as_str()).name("org.freedesktop.portal.Desktop").build(),
        )
        .unwrap();
        let seen = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let (conn, log) = (server.clone(), std::sync::Arc::clone(&seen));
        std::thread::spawn(move || {
            zbus::block_on(async move {
                let mut stream = zbus::MessageStream::from(&conn);
                while let Some(Ok(message)) = stream.next().await {
                    let header = message.header();
                    if header.message_type() != zbus::message::Type::MethodCall {
                        continue;
                    }
                    let method = header.member().map(|m| m.to_string()).unwrap_or_default();
                    let sender = header.sender().map(|s| s.to_string()).unwrap_or_default();
                    let Ok((_, title, options)) =
                        message.body().deserialize::<(String, String, HashMap<String, OwnedVariant>)>()
                    else {
                        continue;
                    };
                    let token = String::try_from(options["handle_token"].clone()).unwrap();
                    let name = options.get("current_name").map(|n| String::try_from(n.clone()).unwrap());
                    let path = format!(
                        "/org/freedesktop/portal/desktop/request/{}/{token}",
                        sender.trim_start_matches(':').replace('.', "_")
                    );
                    let handle = zbus::OwnedObjectPath::try_from(path.clone()).unwrap();
                    // Logged before answering: the client reads the log as soon as it has its answer.
                    log.lock().unwrap().push((method.clone(), title, name));
                    conn.reply(&header, &handle).await.unwrap();
                    let (code, uris) = if method == "SaveFile" {
                        (0u32, vec!["file:///tmp/My%20journal.csv".to_owned()])
                    } else {
                        (1u32, Vec::new())
                    };
                    let mut results: HashMap<&str, Variant> = HashMap::new();
                    results.insert("uris", Variant::from(uris));
                    conn.emit_signal(
                        Some(sender.as_str()),
                        path.as_str(),
                        "org.freedesktop.portal.Request",
                        "Response",
                        &(code, results),
                    )
                    .await
                    .unwrap();
                }
            })
        });
        let chosen = zbus::block_on(portal(&client, &save)).unwrap();
        assert_eq!(chosen, Answer::Chosen(PathBuf::from("/tmp/My journal.csv")));
        let open = Request::Open { title: "Import".into() };
        assert_eq!(zbus::block_on(portal(&client, &open)).unwrap(), Answer::Cancelled);
        let seen = seen.lock().unwrap().clone();
        assert_eq!(
            seen,
            [
                ("SaveFile".to_owned(), "Export".to_owned(), Some("journal.csv".to_owned())),
                ("OpenFile".to_owned(), "Import".to_owned(), None)
            ]
        );
    }

    #[test]
    fn dialogs_off_means_the_path_field() {
        let mut dialog = FileDialog::off();
        assert!(!dialog.start(Request::Open { title: "Import".into() }));
        assert_eq!(dialog.poll(), None);
    }
}
