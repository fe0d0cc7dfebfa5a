//! Desktop notifications through notify-rust, guarded so they can never block.
//!
//! notify-rust has no timeout: when a notification service owns the bus name but never
//! answers, `show()` waits forever (and `wait_for_action` has no deadline either). So each
//! notification gets its own named thread that asks for the server's capabilities, shows
//! the notification and, where the server offers buttons, waits for the user's answer;
//! the caller waits at most [`DEADLINE`] for the "shown" part and then carries on with an
//! error, leaving the stuck thread behind. While such a thread is still stuck, new
//! notifications fail at once instead of piling up more stuck threads.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use notify_rust::{Hint, Notification, Timeout, Urgency};

use super::engine::Alert;
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

/// Called with the user's answer, on the notification's thread.
pub type ActionHandler = Box<dyn FnOnce(Reply) + Send>;

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

/// Builds the notify-rust notification for `notice`.
pub fn build(notice: &Alert, capabilities: Capabilities, snooze_minutes: u32, icon: &str) -> Notification {
    let mut notification = Notification::new();
    notification
        .appname(APP_NAME)
        .summary(&notice.summary)
        .body(&body_for(notice, capabilities))
        .icon(icon)
        .urgency(if notice.critical { Urgency::Critical } else { Urgency::Normal })
        .hint(Hint::Category(CATEGORY.to_owned()))
        .hint(Hint::DesktopEntry("bedtime-coach".to_owned()))
        .timeout(Timeout::Milliseconds(EXPIRE_MS));
    if capabilities.actions {
        for (key, label) in actions_for(notice, snooze_minutes) {
            notification.action(key, &label);
        }
    }
    notification
}

/// Waits for the user's button, but not forever: a server may never report that a
/// notification closed (a tray that keeps expired ones, a restarted server), and each
/// waiting thread holds a D-Bus connection. After the notification's own expiry and a
/// minute more, it is closed and the thread ends.
fn wait_for_button(handle: &notify_rust::NotificationHandle, on_action: ActionHandler) {
    let limit = Duration::from_millis(u64::from(EXPIRE_MS)) + Duration::from_secs(60);
    let answered = futures_lite::future::block_on(futures_lite::future::or(
        async {
            let mut answer = Reply::Closed;
            handle
                .wait_for_action_async(|response| {
                    if let notify_rust::NotificationResponse::Action(key) = response {
                        answer = Reply::from_key(key);
                    }
                })
                .await;
            Some(answer)
        },
        async {
            async_io::Timer::after(limit).await;
            None
        },
    ));
    match answered {
        Some(action) => on_action(action),
        None => futures_lite::future::block_on(handle.close_async()),
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

impl Notify for DesktopNotifier {
    fn close(&self, id: u32) -> Result<(), NotifyError> {
        // On its own thread with the same deadline: a hung server must not hang the loop.
        let (tx, rx) = mpsc::channel();
        let spawned = thread::Builder::new().name("bedtime-coach-close".to_owned()).spawn(move || {
            let _ = tx.send(close_on_bus(id));
        });
        if let Err(error) = spawned {
            return Err(NotifyError::Thread(error.to_string()));
        }
        match rx.recv_timeout(self.deadline) {
            Ok(Ok(())) => Ok(()),
            Ok(Err(reason)) => Err(NotifyError::Unavailable(reason)),
            Err(mpsc::RecvTimeoutError::Timeout) => Err(NotifyError::NoAnswer),
            Err(mpsc::RecvTimeoutError::Disconnected) => {
                Err(NotifyError::Unavailable("the notification thread stopped".to_owned()))
            }
        }
    }

    fn show(&self, notice: &Alert, snooze_minutes: u32, on_action: ActionHandler) -> Result<Shown, NotifyError> {
        if self.busy.swap(true, Ordering::SeqCst) {
            return Err(NotifyError::StillStuck);
        }
        let (tx, rx) = mpsc::channel();
        let busy = Arc::clone(&self.busy);
        let notice = notice.clone();
        let icon = self.icon.clone();
        let spawned = thread::Builder::new().name("bedtime-coach-notify".to_owned()).spawn(move || {
            // Capabilities are asked on this thread too: the same hung server would hang them.
            let shown = notify_rust::get_capabilities().and_then(|list| {
                let capabilities = Capabilities::from_list(&list);
                let handle = build(&notice, capabilities, snooze_minutes, &icon).show()?;
                Ok((handle, capabilities))
            });
            busy.store(false, Ordering::SeqCst);
            match shown {
                Err(error) => {
                    let _ = tx.send(Err(NotifyError::Unavailable(error.to_string())));
                }
                Ok((handle, capabilities)) => {
                    let _ = tx.send(Ok(Shown { id: handle.id(), capabilities }));
                    if capabilities.actions {
                        wait_for_button(&handle, on_action);
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
