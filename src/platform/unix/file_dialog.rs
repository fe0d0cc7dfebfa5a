//! The desktop's Save / Open dialog on Linux: the XDG desktop portal
//! (`org.freedesktop.portal.FileChooser`, over the zbus the app already has; GNOME, KDE
//! and most other desktops, sandboxed or not), then `zenity` (GNOME, Xfce), then
//! `kdialog` (KDE); the first that answers is used. A desktop with none, or with a portal
//! that hangs, is given up on within [`SETUP_DEADLINE`].
//!
//! Why not the `rfd` crate here (checked at 0.17.2): its portal back end blocks on
//! libdbus's default 25 s call timeout with no deadline of ours, and it answers "no file"
//! alike for a cancel and for no dialog at all, so the give-up and the path field would
//! need this module's checks anyway. On Windows, where it shows the native dialog and
//! tells nothing apart that this module would, it is used (`windows/file_dialog.rs`).

use std::collections::HashMap;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::platform::file_dialog::{Answer, Request};

/// The portal, then zenity, then kdialog. Blocks until the user answers.
pub fn ask(request: &Request, shown: &mut dyn FnMut()) -> Answer {
    ask_through(request, shown, zbus::Connection::session(), &["zenity", "kdialog"])
}

/// How long the desktop may take to put a dialog on screen (not to be answered: the user
/// may browse for minutes): the session bus, the portal taking the request, or a helper
/// starting. A desktop without a portal, or with one that hangs, is given up on by then.
pub const SETUP_DEADLINE: Duration = Duration::from_secs(2);

/// The portal, then the `helpers` (zenity, kdialog); the first that can show a dialog
/// answers. The portal is reached through `connect` and given [`SETUP_DEADLINE`] in all.
fn ask_through(
    request: &Request,
    shown: &mut dyn FnMut(),
    connect: impl Future<Output = zbus::Result<zbus::Connection>>,
    helpers: &[&str],
) -> Answer {
    let mut reasons = Vec::new();
    let deadline = Instant::now() + SETUP_DEADLINE;
    let portal = async { portal(&within(deadline, connect).await?, request, shown, deadline).await };
    match zbus::block_on(portal) {
        Ok(answer) => return answer,
        Err(error) => reasons.push(format!("portal: {error}")),
    }
    for program in helpers {
        match helper(program, request, shown) {
            Ok(answer) => return answer,
            Err(error) => reasons.push(format!("{program}: {error}")),
        }
    }
    Answer::Unavailable(reasons.join("; "))
}

/// `zenity` or `kdialog`: exit 0 with the path on stdout, 1 when cancelled.
fn helper(program: &str, request: &Request, shown: &mut dyn FnMut()) -> std::io::Result<Answer> {
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
        ("zenity", Request::Folder { title }) => command.args(["--file-selection", "--directory", "--title", title]),
        (_, Request::Folder { title }) => command.args(["--getexistingdirectory", ".", "--title", title]),
    };
    let child = command.stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::null()).spawn()?;
    shown();
    let output = child.wait_with_output()?;
    let path = String::from_utf8_lossy(&output.stdout).trim_end_matches(['\n', '\r']).to_owned();
    Ok(match output.status.code() {
        Some(0) if !path.is_empty() => Answer::Chosen(PathBuf::from(path)),
        Some(1) | Some(0) => Answer::Cancelled,
        _ => return Err(std::io::Error::other(output.status.to_string())),
    })
}

/// `work`, or an error once `deadline` has passed.
async fn within<T>(deadline: Instant, work: impl Future<Output = zbus::Result<T>>) -> zbus::Result<T> {
    futures_lite::future::or(work, async {
        async_io::Timer::at(deadline).await;
        Err(zbus::Error::Failure("the desktop portal did not answer in time".into()))
    })
    .await
}

/// The desktop portal's FileChooser: subscribe to the request's `Response` first (its
/// path is known from our token), then ask (by `deadline`), then wait for the answer.
async fn portal(
    connection: &zbus::Connection,
    request: &Request,
    shown: &mut dyn FnMut(),
    deadline: Instant,
) -> zbus::Result<Answer> {
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
        Request::Folder { title } => {
            options.insert("directory", Variant::from(true));
            ("OpenFile", title, None)
        }
    };
    if let Some(name) = &name {
        options.insert("current_name", Variant::from(name.as_str()));
    }
    let mut responses = within(deadline, async {
        let response = proxy(path, "org.freedesktop.portal.Request").await?;
        let responses = response.receive_signal("Response").await?;
        let chooser = proxy("/org/freedesktop/portal/desktop".into(), "org.freedesktop.portal.FileChooser").await?;
        let _handle: OwnedObjectPath = chooser.call(method, &("", title.as_str(), options)).await?;
        Ok(responses)
    })
    .await?;
    shown();
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

    /// Stops the private bus even when an assertion fails, so no daemon outlives the test.
    struct KillOnDrop(std::process::Child);
    impl Drop for KillOnDrop {
        fn drop(&mut self) {
            let _ = self.0.kill();
            let _ = self.0.wait();
        }
    }

    /// A session bus of the test's own (no portal on it), and its address; `None` (the
    /// test skips) without dbus-daemon, unless BEDTIME_COACH_E2E=1 asks for it.
    fn private_bus() -> Option<(tempfile::TempDir, KillOnDrop, String)> {
        use std::io::BufRead;
        if std::process::Command::new("dbus-daemon").arg("--version").output().is_err() {
            assert!(std::env::var("BEDTIME_COACH_E2E").as_deref() != Ok("1"), "BEDTIME_COACH_E2E=1 but no dbus-daemon");
            println!("SKIPPED: dbus-daemon missing (apt-get install dbus)");
            return None;
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
        let mut daemon = std::process::Command::new("dbus-daemon")
            .arg(format!("--config-file={}", conf.display()))
            .args(["--nofork", "--print-address=1"])
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let stdout = daemon.stdout.take().unwrap();
        let daemon = KillOnDrop(daemon);
        let mut address = String::new();
        std::io::BufReader::new(stdout).read_line(&mut address).unwrap();
        Some((dir, daemon, address.trim().to_owned()))
    }

    fn connect(address: &str) -> zbus::Connection {
        zbus::block_on(zbus::connection::Builder::address(address).build()).unwrap()
    }

    /// The portal path against a fake portal on a private bus: the request object is
    /// named from our token, the answer comes as its `Response` signal.
    #[test]
    fn the_portal_answers_with_a_file_or_a_cancel() {
        use futures_lite::StreamExt;
        use zbus::{OwnedVariant, Variant};

        let Some((_dir, _daemon, address)) = private_bus() else { return };
        // Generous: this test is about the answer, not the deadline (tests below), and a
        // loaded machine may be slow to route a message.
        let deadline = || Instant::now() + Duration::from_secs(30);
        let shown = std::sync::atomic::AtomicUsize::new(0);
        let mut on_shown = || {
            shown.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        };

        // No portal on the bus yet: an error, so the next helper (or the path field) is tried.
        let client = connect(&address);
        let save = Request::Save { title: "Export".into(), suggested: PathBuf::from("/tmp/journal.csv") };
        assert!(zbus::block_on(portal(&client, &save, &mut on_shown, deadline())).is_err());

        let server = zbus::block_on(
            zbus::connection::Builder::address(address.as_str()).name("org.freedesktop.portal.Desktop").build(),
        )
        .unwrap();
        let seen = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let (conn, log) = (server.clone(), std::sync::Arc::clone(&seen));
        // Listening before the client may ask: the stream made inside the thread missed a
        // call sent before the thread got going (the test's flakiness under load).
        let mut stream = zbus::MessageStream::from(&conn);
        std::thread::spawn(move || {
            zbus::block_on(async move {
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
                    let directory = options.get("directory").is_some_and(|d| bool::try_from(d.clone()) == Ok(true));
                    let (code, uris) = if method == "SaveFile" {
                        (0u32, vec!["file:///tmp/My%20journal.csv".to_owned()])
                    } else if directory {
                        (0u32, vec!["file:///tmp/Synced%20data".to_owned()])
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
        let chosen = zbus::block_on(portal(&client, &save, &mut on_shown, deadline())).unwrap();
        assert_eq!(chosen, Answer::Chosen(PathBuf::from("/tmp/My journal.csv")));
        let open = Request::Open { title: "Import".into() };
        assert_eq!(zbus::block_on(portal(&client, &open, &mut on_shown, deadline())).unwrap(), Answer::Cancelled);
        // A folder is asked for as an OpenFile with `directory`.
        let folder = Request::Folder { title: "Data folder".into() };
        let chosen = zbus::block_on(portal(&client, &folder, &mut on_shown, deadline())).unwrap();
        assert_eq!(chosen, Answer::Chosen(PathBuf::from("/tmp/Synced data")));
        let seen = seen.lock().unwrap().clone();
        assert_eq!(
            seen,
            [
                ("SaveFile".to_owned(), "Export".to_owned(), Some("journal.csv".to_owned())),
                ("OpenFile".to_owned(), "Import".to_owned(), None),
                ("OpenFile".to_owned(), "Data folder".to_owned(), None)
            ]
        );
        // Each dialog that the portal took was reported on screen, once.
        assert_eq!(shown.load(std::sync::atomic::Ordering::Relaxed), 3);
    }

    /// Issue 19: on a desktop with no portal (and no helper), the dialog is given up on
    /// within 2 s, so the window shows the path field; and just as soon when something
    /// holds the portal's name but never answers (it used to take 10 to 30 s).
    #[test]
    fn no_portal_or_a_hung_one_is_given_up_on_within_two_seconds() {
        let Some((_dir, _daemon, address)) = private_bus() else { return };
        let save = Request::Save { title: "Export".into(), suggested: PathBuf::from("/tmp/journal.csv") };
        let ask_here = || {
            let started = Instant::now();
            let connect = zbus::connection::Builder::address(address.as_str()).build();
            let mut shown = false;
            let answer = ask_through(&save, &mut || shown = true, connect, &["bedtime-coach-no-such-helper"]);
            (answer, started.elapsed(), shown)
        };
        let (answer, took, shown) = ask_here();
        assert!(
            matches!(&answer, Answer::Unavailable(why) if why.contains("portal") && why.contains("no-such-helper")),
            "{answer:?}"
        );
        assert!(took < SETUP_DEADLINE, "no portal took {took:?}");
        assert!(!shown);

        // A portal that takes the name and never answers.
        let _hung = zbus::block_on(
            zbus::connection::Builder::address(address.as_str()).name("org.freedesktop.portal.Desktop").build(),
        )
        .unwrap();
        let (answer, took, shown) = ask_here();
        assert!(matches!(answer, Answer::Unavailable(_)), "{answer:?}");
        assert!(took >= SETUP_DEADLINE - Duration::from_millis(50), "gave up early: {took:?}");
        assert!(took < SETUP_DEADLINE + Duration::from_millis(500), "a hung portal took {took:?}");
        assert!(!shown);
    }
}
