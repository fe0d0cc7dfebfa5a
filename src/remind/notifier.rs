//! Desktop notifications (the freedesktop `org.freedesktop.Notifications` interface on
//! the session bus), guarded so they can never block and answering only to the server.
//!
//! A server that owns the bus name but never answers would hang a plain call forever, so
//! each notification gets its own named thread that asks for the server's capabilities,
//! shows the notification and, where the server offers buttons, waits for the user's
//! answer; the caller waits at most [`DEADLINE`] for the "shown" part and then carries on
//! with an error, leaving the stuck thread behind. While such a thread is still stuck,
//! new notifications fail at once instead of piling up more stuck threads.
//!
//! Any program on the session bus can send an `ActionInvoked` or `NotificationClosed`
//! signal, to everyone or straight to this process, and a button's answer checks a step
//! off. So an answer counts only when the bus says it comes from the current owner of
//! `org.freedesktop.Notifications`; anything else is logged once and ignored. (This is
//! why the calls are made here with zbus rather than through notify-rust, which takes
//! these signals from any sender, and also reads a click on the body as no answer.)

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use futures_lite::StreamExt;
use zbus::Variant as Value;

use super::engine::Alert;
use crate::platform::{Concern, available};
use crate::tr;

/// How long the caller waits for the server to accept a notification.
pub const DEADLINE: Duration = Duration::from_secs(5);
/// What the notification server shows as the sender.
pub const APP_NAME: &str = "Bedtime Coach";
/// The freedesktop spec has no reminder category; vendor categories start with `x-`.
pub const CATEGORY: &str = "x-bedtime-coach.reminder";
/// Long enough to be seen when coming back to the desk, short enough that the thread
/// waiting for a button ends on its own.
const EXPIRE_MS: u32 = 10 * 60 * 1000;
/// The notification server's well-known name, object and interface.
const SERVER: &str = "org.freedesktop.Notifications";
const SERVER_PATH: &str = "/org/freedesktop/Notifications";

/// The user's answer to a notification.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reply {
    /// "Done": check the step.
    Done,
    /// "Snooze N min".
    Snooze,
    /// The notification's body was clicked (the "default" action): open the window.
    Open,
    /// Clicked, dismissed or expired: nothing to record.
    Closed,
}

impl Reply {
    fn from_key(key: &str) -> Reply {
        match key {
            "done" => Reply::Done,
            "snooze" => Reply::Snooze,
            "default" => Reply::Open,
            _ => Reply::Closed,
        }
    }
}

/// Why a notification could not be shown; each message is a sentence for the user.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NotifyError {
    /// No session bus or no notification server; the detail is for the service's log.
    #[error("{}", tr!("notify-error-unavailable"))]
    Unavailable(String),
    #[error("{}", tr!("notify-error-no-answer", seconds = DEADLINE.as_secs()))]
    NoAnswer,
    #[error("{}", tr!("notify-error-still-stuck"))]
    StillStuck,
    #[error("{}", tr!("notify-error-thread", reason = .0.as_str()))]
    Thread(String),
    /// This system has no desktop notifications the app can use yet.
    #[error(transparent)]
    NotOnThisSystem(#[from] crate::platform::Unavailable),
}

/// What the server said it can do, as far as this app cares.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Capabilities {
    pub body_markup: bool,
    pub actions: bool,
}

impl Capabilities {
    pub fn from_list(list: &[String]) -> Self {
        let has = |name: &str| list.iter().any(|c| c == name);
        Self { body_markup: has("body-markup"), actions: has("actions") }
    }
}

/// A shown notification.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shown {
    /// The server's id for it.
    pub id: u32,
    pub capabilities: Capabilities,
}

/// Called with each of the user's presses, on the notification's thread.
pub type ActionHandler = Box<dyn FnMut(Reply) + Send>;

/// Something that can show a [`Alert`]: the desktop, or a fake in tests.
pub trait Notify: Send {
    /// Shows `notice`, with "Done" / "Snooze" buttons wired to `on_action` where the
    /// server supports them. Returns within about [`DEADLINE`].
    fn show(&self, notice: &Alert, snooze_minutes: u32, on_action: ActionHandler) -> Result<Shown, NotifyError>;

    /// Closes the notification the server knows as `id` (its step was settled
    /// elsewhere). One that is already gone is fine. Returns within about [`DEADLINE`].
    fn close(&self, id: u32) -> Result<(), NotifyError>;
}

/// Escapes the characters the notification body markup gives meaning to.
pub fn escape_markup(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            _ => out.push(c),
        }
    }
    out
}

/// The body as the server should get it: escaped only when it renders markup, because a
/// server without markup would show `&amp;` literally.
pub fn body_for(notice: &Alert, capabilities: Capabilities) -> String {
    if capabilities.body_markup { notice.body_with(escape_markup) } else { notice.body_plain() }
}

/// The actions offered for `notice`: a click on the body ("default") opens the window;
/// "Done" checks every step in it; "Snooze" brings it back later. A test notification
/// (about nothing) only opens the window.
pub fn actions_for(notice: &Alert, snooze_minutes: u32) -> Vec<(&'static str, String)> {
    let mut actions = vec![("default", tr!("remind-action-open"))];
    if !notice.done_targets().is_empty() {
        actions.push(("done", tr!("remind-action-done")));
    }
    if !notice.items.is_empty() {
        actions.push(("snooze", tr!("remind-action-snooze", minutes = snooze_minutes)));
    }
    actions
}

/// What `Notify` is sent for one notice.
#[derive(Debug, Clone, PartialEq)]
pub struct NotificationRequest {
    pub summary: String,
    pub body: String,
    /// Pairs of key and label, flattened as the spec asks.
    pub actions: Vec<String>,
    /// 1 normal, 2 critical.
    pub urgency: u8,
}

/// What `notice` is shown as on a server with `capabilities`.
pub fn build(notice: &Alert, capabilities: Capabilities, snooze_minutes: u32) -> NotificationRequest {
    let actions = if capabilities.actions {
        actions_for(notice, snooze_minutes).into_iter().flat_map(|(key, label)| [key.to_owned(), label]).collect()
    } else {
        Vec::new()
    };
    NotificationRequest {
        summary: notice.summary.clone(),
        body: body_for(notice, capabilities),
        actions,
        urgency: if notice.critical { 2 } else { 1 },
    }
}

/// A method of the notification server (or, with `bus`, of the bus itself).
async fn call<B>(connection: &zbus::Connection, bus: bool, method: &str, body: &B) -> zbus::Result<zbus::Message>
where
    B: serde::Serialize + zbus::zvariant::DynamicType,
{
    let (destination, path, interface) = if bus {
        ("org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus")
    } else {
        (SERVER, SERVER_PATH, SERVER)
    };
    connection.call_method(Some(destination), path, Some(interface), method, body).await
}

/// The unique name of the process that owns the notification server's name now.
async fn server_owner(connection: &zbus::Connection) -> Option<String> {
    let reply = call(connection, true, "GetNameOwner", &(SERVER,)).await.ok()?;
    reply.body().deserialize::<String>().ok()
}

/// A shown notification whose answer is awaited.
struct Waiting {
    connection: zbus::Connection,
    signals: zbus::MessageStream,
    id: u32,
}

/// Shows `notice` on the session bus; where the server has buttons, subscribes to its
/// answers first, so that none comes before the wait for it.
async fn show_on_bus(notice: &Alert, snooze_minutes: u32, icon: &str) -> zbus::Result<(Shown, Option<Waiting>)> {
    let connection = zbus::Connection::session().await?;
    let list: Vec<String> = call(&connection, false, "GetCapabilities", &()).await?.body().deserialize()?;
    let capabilities = Capabilities::from_list(&list);
    let request = build(notice, capabilities, snooze_minutes);
    let signals = if capabilities.actions {
        let rule = format!("type='signal',sender='{SERVER}',path='{SERVER_PATH}',interface='{SERVER}'");
        call(&connection, true, "AddMatch", &(rule,)).await?;
        Some(zbus::MessageStream::from(&connection))
    } else {
        None
    };
    let hints: HashMap<&str, Value<'_>> = [
        ("urgency", Value::from(request.urgency)),
        ("category", Value::from(CATEGORY)),
        ("desktop-entry", Value::from("bedtime-coach")),
    ]
    .into_iter()
    .collect();
    let timeout = i32::try_from(EXPIRE_MS).unwrap_or(i32::MAX);
    let body = (APP_NAME, 0u32, icon, &request.summary, &request.body, &request.actions, hints, timeout);
    let id: u32 = call(&connection, false, "Notify", &body).await?.body().deserialize()?;
    let waiting = signals.map(|signals| Waiting { connection, signals, id });
    Ok((Shown { id, capabilities }, waiting))
}

/// The user's answer to notification `id`, taken only from the server (see the module
/// documentation); `None` when the bus goes away first.
async fn answer(waiting: &mut Waiting) -> Option<Reply> {
    let mut said = false;
    while let Some(Ok(message)) = waiting.signals.next().await {
        let header = message.header();
        if header.message_type() != zbus::message::Type::Signal || header.interface().is_none_or(|i| i != SERVER) {
            continue;
        }
        let member = header.member().map(|m| m.as_str().to_owned()).unwrap_or_default();
        let reply = match member.as_str() {
            "ActionInvoked" => match message.body().deserialize::<(u32, String)>() {
                Ok((id, key)) if id == waiting.id => Reply::from_key(&key),
                _ => continue,
            },
            "NotificationClosed" => match message.body().deserialize::<(u32, u32)>() {
                Ok((id, _)) if id == waiting.id => Reply::Closed,
                _ => continue,
            },
            _ => continue,
        };
        let sender = header.sender().map(|name| name.as_str().to_owned());
        let owner = server_owner(&waiting.connection).await;
        if sender.is_some() && sender == owner {
            return Some(reply);
        }
        if !std::mem::replace(&mut said, true) {
            let sender = sender.unwrap_or_default();
            tracing::warn!("{}", tr!("notify-not-from-server", member = member, sender = sender, id = waiting.id));
        }
    }
    None
}

/// Whether a press answers the notification for good: Done and Snooze do, so it is
/// closed (a server may leave it on screen, with buttons nobody listens to any more);
/// after Open it may still be on screen, and its buttons keep working.
fn closes_after(reply: Reply) -> bool {
    matches!(reply, Reply::Done | Reply::Snooze)
}

/// Hands every press on the notification to `on_action` until it is closed: by the user,
/// by the server, or here after Done or Snooze.
async fn answer_every_press(waiting: &mut Waiting, on_action: &mut ActionHandler) {
    while let Some(reply) = answer(waiting).await {
        if reply == Reply::Closed {
            return;
        }
        on_action(reply);
        if closes_after(reply) {
            let _ = call(&waiting.connection, false, "CloseNotification", &(waiting.id,)).await;
            return;
        }
    }
}

/// Waits for the user's presses, but not forever: a server may never report that a
/// notification closed (a tray that keeps expired ones, a restarted server), and each
/// waiting thread holds a D-Bus connection. After the notification's own expiry and a
/// minute more, it is closed and the thread ends.
fn wait_for_button(mut waiting: Waiting, mut on_action: ActionHandler) {
    let limit = Duration::from_millis(u64::from(EXPIRE_MS)) + Duration::from_secs(60);
    let ended = zbus::block_on(futures_lite::future::or(
        async {
            answer_every_press(&mut waiting, &mut on_action).await;
            true
        },
        async {
            async_io::Timer::after(limit).await;
            false
        },
    ));
    if !ended {
        let _ = zbus::block_on(call(&waiting.connection, false, "CloseNotification", &(waiting.id,)));
    }
}

/// Real desktop notifications over D-Bus.
#[derive(Debug, Clone)]
pub struct DesktopNotifier {
    icon: String,
    deadline: Duration,
    /// Set while a notification thread waits for the server; still set if it got stuck.
    busy: Arc<AtomicBool>,
}

impl DesktopNotifier {
    /// `icon`: an icon name or an absolute path to the app icon.
    pub fn new(icon: String) -> Self {
        Self { icon, deadline: DEADLINE, busy: Arc::new(AtomicBool::new(false)) }
    }

    /// Gives the server `deadline` to answer instead of [`DEADLINE`] (tests on a busy
    /// machine, where a healthy server may answer late).
    pub fn with_deadline(mut self, deadline: Duration) -> Self {
        self.deadline = deadline;
        self
    }
}

/// `CloseNotification(id)` on the session bus, with its own connection.
fn close_on_bus(id: u32) -> Result<(), String> {
    let closed = zbus::block_on(async {
        let connection = zbus::Connection::session().await?;
        connection
            .call_method(
                Some("org.freedesktop.Notifications"),
                "/org/freedesktop/Notifications",
                Some("org.freedesktop.Notifications"),
                "CloseNotification",
                &(id,),
            )
            .await
    });
    match closed {
        Ok(_) => Ok(()),
        // The spec answers an empty error for a notification that is already gone.
        Err(zbus::Error::MethodError(..)) => Ok(()),
        Err(error) => Err(error.to_string()),
    }
}

/// Runs `call` on a thread named `name` and waits for it at most `deadline`: a hung
/// server must not hang the reminder loop. `call`'s error is a detail for the log.
pub(crate) fn within_deadline(
    name: &str,
    deadline: Duration,
    call: impl FnOnce() -> Result<(), String> + Send + 'static,
) -> Result<(), NotifyError> {
    let (tx, rx) = mpsc::channel();
    let spawned = thread::Builder::new().name(name.to_owned()).spawn(move || {
        let _ = tx.send(call());
    });
    if let Err(error) = spawned {
        return Err(NotifyError::Thread(error.to_string()));
    }
    match rx.recv_timeout(deadline) {
        Ok(Ok(())) => Ok(()),
        Ok(Err(reason)) => Err(NotifyError::Unavailable(reason)),
        Err(mpsc::RecvTimeoutError::Timeout) => Err(NotifyError::NoAnswer),
        Err(mpsc::RecvTimeoutError::Disconnected) => {
            Err(NotifyError::Unavailable("the notification thread stopped".to_owned()))
        }
    }
}

impl Notify for DesktopNotifier {
    fn close(&self, id: u32) -> Result<(), NotifyError> {
        available(Concern::Notifications)?;
        within_deadline("bedtime-coach-close", self.deadline, move || close_on_bus(id))
    }

    fn show(&self, notice: &Alert, snooze_minutes: u32, on_action: ActionHandler) -> Result<Shown, NotifyError> {
        available(Concern::Notifications)?;
        if self.busy.swap(true, Ordering::SeqCst) {
            return Err(NotifyError::StillStuck);
        }
        let (tx, rx) = mpsc::channel();
        let busy = Arc::clone(&self.busy);
        let notice = notice.clone();
        let icon = self.icon.clone();
        let spawned = thread::Builder::new().name("bedtime-coach-notify".to_owned()).spawn(move || {
            // Capabilities are asked on this thread too: the same hung server would hang them.
            let shown = zbus::block_on(show_on_bus(&notice, snooze_minutes, &icon));
            busy.store(false, Ordering::SeqCst);
            match shown {
                Err(error) => {
                    let _ = tx.send(Err(NotifyError::Unavailable(error.to_string())));
                }
                Ok((shown, waiting)) => {
                    let _ = tx.send(Ok(shown));
                    if let Some(waiting) = waiting {
                        wait_for_button(waiting, on_action);
                    }
                }
            }
        });
        if let Err(error) = spawned {
            self.busy.store(false, Ordering::SeqCst);
            return Err(NotifyError::Thread(error.to_string()));
        }
        match rx.recv_timeout(self.deadline) {
            Ok(result) => result,
            Err(mpsc::RecvTimeoutError::Timeout) => Err(NotifyError::NoAnswer),
            Err(mpsc::RecvTimeoutError::Disconnected) => {
                Err(NotifyError::Unavailable("the notification thread stopped".to_owned()))
            }
        }
    }
}

/// The notifier of this system: toasts where the platform shows them (Windows; their
/// activation registered first, see `remind::toast`), else the desktop's notification
/// server on the session bus. `icon`: the app icon's file (or name).
pub fn for_this_system(icon: String, paths: &crate::store::Paths) -> Box<dyn Notify> {
    let Some(host) = crate::platform::toasts::host() else {
        return Box::new(DesktopNotifier::new(icon));
    };
    let registered =
        crate::platform::toasts::register_activation(&paths.data_dir_arguments(), std::path::Path::new(&icon));
    if let Err(reason) = registered {
        // Toasts still show; only their buttons and clicks do nothing.
        tracing::warn!("{}", tr!("toast-register-failed", reason = reason));
    }
    // Tags differ from the last run's (a toast with a tag still in the Action Center
    // would be replaced): the seconds since 1970, wrapped.
    let first_tag = (chrono::Utc::now().timestamp() & 0xffff_ffff) as u32;
    Box::new(super::toast::Toasts::new(host, first_tag))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::remind::engine::{Kind, NoticeItem, NoticeLine};
    use chrono::{DateTime, NaiveDate};

    fn notice(lines: &[(&str, &str)], steps: usize) -> Alert {
        let evening = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
        Alert {
            summary: "Tea & biscuits".to_owned(),
            lines: lines.iter().map(|(t, w)| NoticeLine { title: (*t).to_owned(), why: (*w).to_owned() }).collect(),
            items: (0..steps)
                .map(|n| NoticeItem {
                    evening,
                    key: format!("s{n}"),
                    kind: Kind::Step(format!("s{n}")),
                    title: format!("S{n}"),
                })
                .collect(),
            due: DateTime::parse_from_rfc3339("2026-11-26T21:00:00+01:00").unwrap(),
            late: false,
            critical: false,
        }
    }

    #[test]
    fn escapes_only_when_the_server_renders_markup() {
        let notice = notice(&[("Tea & <b>biscuits</b>", "1 < 2 > 0")], 1);
        let markup = Capabilities { body_markup: true, actions: false };
        assert_eq!(body_for(&notice, markup), "Tea &amp; &lt;b&gt;biscuits&lt;/b&gt; — 1 &lt; 2 &gt; 0");
        assert_eq!(body_for(&notice, Capabilities::default()), "Tea & <b>biscuits</b> — 1 < 2 > 0");
    }

    #[test]
    fn capabilities_and_actions() {
        let caps = Capabilities::from_list(&["actions".to_owned(), "body".to_owned()]);
        assert_eq!(caps, Capabilities { body_markup: false, actions: true });
        let one = notice(&[("A", "")], 1);
        let open = ("default", "Open Bedtime Coach".to_owned());
        let done = ("done", "Done".to_owned());
        assert_eq!(actions_for(&one, 10), vec![open.clone(), done.clone(), ("snooze", "Snooze 10 min".to_owned())]);
        let two = notice(&[("A", ""), ("B", "")], 2);
        assert_eq!(actions_for(&two, 5), vec![open.clone(), done, ("snooze", "Snooze 5 min".to_owned())]);
        assert_eq!(actions_for(&notice(&[("Test", "")], 0), 5), vec![open]);
        assert_eq!(Reply::from_key("default"), Reply::Open);
        assert_eq!(Reply::from_key("done"), Reply::Done);
        assert_eq!(Reply::from_key("__closed"), Reply::Closed);
    }
}
