//! The notifier against real D-Bus: private `dbus-daemon`s, a fake notification server
//! that records what it is sent, no bus at all, and a server that never answers.
//!
//! `DBUS_SESSION_BUS_ADDRESS` is process-wide and the notifier reads it on every call, so
//! every scenario lives in the one test below and runs in order; the one that leaves a
//! thread stuck on a silent server runs last.
//!
//! Needs `dbus-daemon`. Without it the test is skipped with a message, unless
//! `BEDTIME_COACH_E2E=1` is set, in which case it fails.

// Linux only: D-Bus, dunst, Xvfb and the desktop session (the Windows port's window
// and service get their own tests with parts 1 and 2 of the port).
#![cfg(unix)]

mod support;

use std::collections::HashMap;
use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use bedtime_coach::remind::engine::{Alert, Kind, NoticeItem, NoticeLine};
use bedtime_coach::remind::notifier::{DesktopNotifier, Notify, NotifyError, Reply};
use bedtime_coach::remind::reminder_loop::{ReminderEvent, ReminderLoop};
use bedtime_coach::store::Store;
use chrono::{DateTime, Local};
use futures_lite::StreamExt;
use zbus::OwnedVariant;

/// A private bus without service activation (the standard session config would start
/// dunst for the notification name by itself).
struct PrivateBus {
    child: Child,
    addr: String,
    dir: PathBuf,
}

impl PrivateBus {
    fn start() -> Self {
        static N: AtomicU32 = AtomicU32::new(0);
        let dir = std::env::temp_dir().join(format!(
            "bedtime-coach-bus-{}-{}",
            std::process::id(),
            N.fetch_add(1, Ordering::Relaxed)
        ));
        std::fs::create_dir_all(&dir).unwrap();
        let conf = dir.join("bus.conf");
        std::fs::write(
            &conf,
            format!(
                r#"<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig><type>session</type><listen>unix:dir={}</listen><auth>EXTERNAL</auth>
<policy context="default"><allow send_destination="*" eavesdrop="true"/><allow eavesdrop="true"/><allow own="*"/></policy>
</busconfig>"#,
                dir.display()
            ),
        )
        .unwrap();
        let mut child = Command::new("dbus-daemon")
            .arg(format!("--config-file={}", conf.display()))
            .args(["--nofork", "--print-address=1"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("dbus-daemon");
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
        Self { child, addr: line.trim().to_owned(), dir }
    }

    fn make_current(&self) {
        // SAFETY (edition 2024 makes this unsafe): the scenarios run one after another on
        // this thread, and no other thread reads the environment while it changes.
        unsafe { std::env::set_var("DBUS_SESSION_BUS_ADDRESS", &self.addr) };
    }
}

impl Drop for PrivateBus {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// One `Notify` call as the server received it.
#[derive(Debug, Clone)]
struct Call {
    app: String,
    icon: String,
    summary: String,
    body: String,
    actions: Vec<String>,
    hints: Vec<String>,
    /// The caller's unique name on the bus.
    sender: String,
}

/// Owns `org.freedesktop.Notifications`, advertises `capabilities`, answers
/// `GetCapabilities` and `Notify`, and records every notification.
struct FakeServer {
    connection: zbus::Connection,
    calls: Arc<Mutex<Vec<Call>>>,
}

type NotifyArgs = (String, u32, String, String, String, Vec<String>, HashMap<String, OwnedVariant>, i32);

impl FakeServer {
    fn start(addr: &str, capabilities: &[&str]) -> Self {
        let connection =
            zbus::block_on(zbus::connection::Builder::address(addr).name("org.freedesktop.Notifications").build())
                .unwrap();
        let calls = Arc::new(Mutex::new(Vec::new()));
        let capabilities: Vec<String> = capabilities.iter().map(|c| (*c).to_owned()).collect();
        let (conn, log) = (connection.clone(), Arc::clone(&calls));
        // Listening starts here, before `start` returns: a stream made inside the thread
        // missed any call sent before the thread ran (a busy machine), and the notifier
        // then waited out its whole deadline for an answer that could not come.
        let mut stream = zbus::MessageStream::from(&conn);
        std::thread::spawn(move || {
            zbus::block_on(async move {
                let mut next_id = 1u32;
                while let Some(Ok(message)) = stream.next().await {
                    let header = message.header();
                    if header.message_type() != zbus::message::Type::MethodCall {
                        continue;
                    }
                    match header.member().map(|m| m.as_str()) {
                        Some("GetCapabilities") => {
                            let _ = conn.reply(&header, &capabilities).await;
                        }
                        Some("Notify") => {
                            let Ok((app, _, icon, summary, body, actions, hints, _)) =
                                message.body().deserialize::<NotifyArgs>()
                            else {
                                continue;
                            };
                            let mut hints: Vec<String> = hints.keys().cloned().collect();
                            hints.sort();
                            let sender = header.sender().map(|s| s.to_string()).unwrap_or_default();
                            log.lock().unwrap().push(Call { app, icon, summary, body, actions, hints, sender });
                            let _ = conn.reply(&header, &next_id).await;
                            next_id += 1;
                        }
                        _ => {}
                    }
                }
            })
        });
        Self { connection, calls }
    }

    /// Sends the user's `action` on notification `id` until the notifier reports one on
    /// `actions` (its thread may subscribe a moment after `show` returned), for 2 s.
    fn answer(&self, id: u32, action: &str, actions: &mpsc::Receiver<Reply>) -> Result<Reply, mpsc::RecvTimeoutError> {
        let mut answer = Err(mpsc::RecvTimeoutError::Timeout);
        for _ in 0..20 {
            self.invoke(id, action);
            answer = actions.recv_timeout(Duration::from_millis(100));
            if answer.is_ok() {
                break;
            }
        }
        answer
    }

    fn invoke(&self, id: u32, action: &str) {
        zbus::block_on(self.connection.emit_signal(
            None::<&str>,
            "/org/freedesktop/Notifications",
            "org.freedesktop.Notifications",
            "ActionInvoked",
            &(id, action),
        ))
        .unwrap();
    }
}

fn notice(title: &str, why: &str) -> Alert {
    let evening = support::date(2026, 11, 26);
    Alert {
        summary: title.to_owned(),
        lines: vec![NoticeLine { title: title.to_owned(), why: why.to_owned() }],
        items: vec![NoticeItem {
            evening,
            key: "tea".to_owned(),
            kind: Kind::Step("tea".to_owned()),
            title: title.into(),
        }],
        due: DateTime::parse_from_rfc3339("2026-11-26T21:00:00+01:00").unwrap(),
        late: false,
        critical: false,
    }
}

#[test]
fn notifier_on_private_buses() {
    if !support::e2e_available("the notifier test", &["dbus-daemon"], "dbus") {
        return;
    }

    // 1. A server that renders markup: user text is escaped, buttons are offered and work.
    let bus = PrivateBus::start();
    bus.make_current();
    let server = FakeServer::start(&bus.addr, &["actions", "body", "body-markup"]);
    // A healthy server answers at once; the long deadline is for a machine busy with a
    // build, where the usual 5 s was once not enough (scenario 4 keeps the real one).
    let notifier = DesktopNotifier::new("/tmp/icon.png".to_owned()).with_deadline(Duration::from_secs(30));
    let (tx, actions) = mpsc::channel();
    let shown = notifier
        .show(&notice("Tea & <biscuits>", "Less than 1 < 2 > 0"), 10, Box::new(move |action| tx.send(action).unwrap()))
        .expect("shown");
    assert!(shown.capabilities.body_markup && shown.capabilities.actions);
    let call = server.calls.lock().unwrap()[0].clone();
    assert_eq!(call.app, "Bedtime Coach");
    assert_eq!(call.icon, "/tmp/icon.png");
    assert_eq!(call.summary, "Tea & <biscuits>", "the summary is never markup");
    assert_eq!(call.body, "Tea &amp; &lt;biscuits&gt; — Less than 1 &lt; 2 &gt; 0");
    assert_eq!(call.actions, vec!["default", "Open Bedtime Coach", "done", "Done", "snooze", "Snooze 10 min"]);
    assert_eq!(call.hints, vec!["category", "desktop-entry", "urgency"]);
    let answer = server.answer(shown.id, "done", &actions);
    assert_eq!(answer, Ok(Reply::Done));

    // 1b. Another program on the bus forges the server's answers, to everyone and straight
    //     to the notifier: neither "closed" nor "done" counts; the server's own answer does.
    let (tx, actions) = mpsc::channel();
    let shown = notifier.show(&notice("Tea", ""), 10, Box::new(move |action| tx.send(action).unwrap())).expect("shown");
    let notifier_name = server.calls.lock().unwrap().last().unwrap().sender.clone();
    let forger = zbus::block_on(zbus::connection::Builder::address(bus.addr.as_str()).build()).unwrap();
    let forge = |to: Option<&str>, member: &str, body: &(u32, &str)| {
        let sent = match member {
            "NotificationClosed" => zbus::block_on(forger.emit_signal(
                to,
                "/org/freedesktop/Notifications",
                "org.freedesktop.Notifications",
                member,
                &(body.0, 2u32),
            )),
            _ => zbus::block_on(forger.emit_signal(
                to,
                "/org/freedesktop/Notifications",
                "org.freedesktop.Notifications",
                member,
                body,
            )),
        };
        sent.unwrap();
    };
    for _ in 0..10 {
        for to in [None, Some(notifier_name.as_str())] {
            forge(to, "NotificationClosed", &(shown.id, ""));
            forge(to, "ActionInvoked", &(shown.id, "done"));
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    assert_eq!(actions.recv_timeout(Duration::from_millis(500)), Err(mpsc::RecvTimeoutError::Timeout));
    let answer = server.answer(shown.id, "snooze", &actions);
    assert_eq!(answer, Ok(Reply::Snooze), "the server's answer after the forgeries");
    // A click on the body opens the window (notify-rust reported it as no answer).
    let (tx, actions) = mpsc::channel();
    let shown = notifier.show(&notice("Tea", ""), 10, Box::new(move |action| tx.send(action).unwrap())).expect("shown");
    let answer = server.answer(shown.id, "default", &actions);
    assert_eq!(answer, Ok(Reply::Open));
    drop(server);
    drop(bus);

    // 2. A server without markup or buttons: the body is sent as plain text, no actions.
    let bus = PrivateBus::start();
    bus.make_current();
    let server = FakeServer::start(&bus.addr, &["body"]);
    let shown = notifier.show(&notice("Tea & <biscuits>", "1 < 2"), 10, Box::new(|_| {})).expect("shown");
    assert!(!shown.capabilities.body_markup);
    let call = server.calls.lock().unwrap()[0].clone();
    assert_eq!(call.body, "Tea & <biscuits> — 1 < 2");
    assert!(call.actions.is_empty());
    drop(server);
    drop(bus);

    // 3. No session bus: an error in well under a second, and the loop falls back to the
    //    in-window banner with the due step.
    let dir = tempfile::tempdir().unwrap();
    unsafe { std::env::set_var("DBUS_SESSION_BUS_ADDRESS", format!("unix:path={}/no-bus", dir.path().display())) };
    let started = Instant::now();
    let error = notifier.show(&notice("Tea", ""), 10, Box::new(|_| {})).unwrap_err();
    assert!(started.elapsed() < Duration::from_secs(1), "{:?}", started.elapsed());
    assert!(matches!(error, NotifyError::Unavailable(_)), "{error:?}");
    let paths = support::due_now(dir.path());
    let (tx, events) = mpsc::channel();
    let mut reminder_loop =
        ReminderLoop::new(Store::new(paths), Box::new(DesktopNotifier::new("x".into())), move |event| {
            let _ = tx.send(event);
        });
    // The tick also writes the reminder log (fsyncs), so its bound is looser than show()'s.
    let started = Instant::now();
    reminder_loop.tick(&Local::now());
    assert!(started.elapsed() < Duration::from_secs(3), "{:?}", started.elapsed());
    match events.try_recv() {
        Ok(ReminderEvent::Unavailable { message, summary, due }) => {
            assert!(message.starts_with("Desktop notifications are not available"), "{message}");
            assert_eq!(summary, "Bedtime");
            assert!(due.contains(&"Lights out".to_owned()), "{due:?}");
        }
        other => panic!("{other:?}"),
    }

    // 4. A server that owns the name and never answers: the reminder service gives up
    //    after about 5 s and leaves the reminder in the log, while the window (this thread)
    //    keeps drawing frames and then shows it in a banner.
    let bus = PrivateBus::start();
    bus.make_current();
    let _silent = zbus::block_on(
        zbus::connection::Builder::address(bus.addr.as_str()).name("org.freedesktop.Notifications").build(),
    )
    .unwrap();
    // The real window (its App, drawn by egui_kittest) keeps drawing frames meanwhile,
    // and shows the due step in a banner once the reminder thread gives up.
    let dir = tempfile::tempdir().unwrap();
    let paths = support::due_now(dir.path());
    let app = bedtime_coach::ui::App::new(
        bedtime_coach::use_cases::Coach::at(paths.clone()),
        bedtime_coach::ui::system_clock(),
    )
    .in_language(bedtime_coach::i18n::Language::English);
    let mut harness = egui_kittest::Harness::builder()
        .with_size(eframe::egui::vec2(1280.0, 1000.0))
        .build_ui_state(|ui, app: &mut bedtime_coach::ui::App| app.frame(ui), app);
    let ctx = harness.ctx.clone();
    let started = Instant::now();
    harness.state_mut().install(&ctx);
    let service = std::thread::spawn(move || {
        let notifier = Box::new(DesktopNotifier::new("x".into()));
        ReminderLoop::new(Store::new(paths), notifier, |_| {}).tick(&Local::now());
    });
    let mut slowest_frame = Duration::ZERO;
    let mut gave_up = None;
    while started.elapsed() < Duration::from_secs(12) && gave_up.is_none() {
        let frame = Instant::now();
        harness.step();
        slowest_frame = slowest_frame.max(frame.elapsed());
        let banner = harness.state().banners().iter().find(|b| b.message.starts_with("Reminder — "));
        if let Some(banner) = banner {
            gave_up = Some((started.elapsed(), banner.message.clone()));
        }
        std::thread::sleep(Duration::from_millis(16));
    }
    let (after, message) = gave_up.expect("the window never showed the reminder banner");
    println!("silent server: the window's banner after {after:?}; slowest frame {slowest_frame:?}");
    assert!(after >= Duration::from_millis(4900) && after < Duration::from_secs(10), "{after:?}");
    assert!(message.contains("did not answer within 5 s"), "{message}");
    assert!(message.contains("Lights out"), "{message}");
    assert!(slowest_frame < Duration::from_millis(500), "a frame took {slowest_frame:?}");
    service.join().unwrap();
    drop(harness);
}
