//! Reminders as Windows toasts: the toast's XML, the activation URI its buttons carry,
//! and the notifier that shows toasts through the platform's [`ToastHost`].
//!
//! Why protocol activation: a toast's button is pressed in another process's UI (the
//! shell), possibly from the Action Center hours after the toast was shown, while the
//! service may have been restarted or the window closed. A COM activator would need a
//! registered COM server that Windows starts (a CLSID under HKCU, a `-Embedding` start,
//! `INotificationActivationCallback` and a class factory kept alive); protocol activation
//! needs one per-user URI scheme (`HKCU\Software\Classes\bedtime-coach`, written by the
//! service at start, so a zip user has it too) that starts
//! `bedtime-coachw.exe --data-dir DIR activate "bedtime-coach:done?…"`, a short-lived
//! process that applies the press through the use cases, as the Linux buttons do, and
//! ends. Nothing has to keep running for the buttons to work.
//!
//! Any program or web page can start a URI, so [`parse_activation`] trusts nothing: it
//! never panics and refuses odd input, and [`check_activation`] accepts only steps of
//! the saved routine, on tonight's evening or the one before.
//!
//! Everything here but [`Toasts`]'s calls into the host is pure and tested on every
//! system; the host (`platform::toasts`, WinRT's `ToastNotificationManager`) is the
//! only part that needs Windows, and tests use a fake of it.

use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};

use chrono::{DateTime, NaiveDate, TimeZone};

use super::engine::{Alert, Kind, NoticeItem};
use super::notifier::{
    ActionHandler, Capabilities, DEADLINE, Notify, NotifyError, Reply, Shown, actions_for, within_deadline,
};
use crate::model::reminders::{BEDTIME_KEY, NIGHT_LOG_KEY, WIND_DOWN_KEY};
use crate::model::{RoutineFile, evening_at};
use crate::platform::toasts::ToastHost;
use crate::summary::escape_markup as xml_escape;
use crate::tr;

pub use crate::URI_SCHEME;
/// The toasts' group: each toast's tag is its notification id, so the service can remove
/// one by name when its steps are settled elsewhere, and an activation its own.
pub const GROUP: &str = "reminders";
/// Longer URIs are refused unread; ours are far shorter.
const MAX_URI: usize = 2048;
/// More reminders than one toast ever carries.
const MAX_ITEMS: usize = 32;

/// A press on a toast, as its URI says it (not yet checked against the files).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Activation {
    /// Done, Snooze, or Open (a click on the body).
    pub reply: Reply,
    /// The toast's tag, to remove it from the Action Center.
    pub tag: Option<u32>,
    /// The reminders it was about: (evening, log key).
    pub items: Vec<(NaiveDate, String)>,
}

/// Why an activation URI is refused; each message is a sentence for the log.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BadActivation {
    #[error("{}", tr!("toast-bad-uri"))]
    Malformed,
    #[error("{}", tr!("toast-unknown-step", step = .0.as_str()))]
    UnknownStep(String),
    #[error("{}", tr!("toast-old-date", date = .0.to_string()))]
    NotTonight(NaiveDate),
}

fn action_name(reply: Reply) -> &'static str {
    match reply {
        Reply::Done => "done",
        Reply::Snooze => "snooze",
        Reply::Open | Reply::Closed => "open",
    }
}

/// Characters a key keeps in the URI; every other byte is written as `%XX`.
fn unreserved(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~')
}

fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if unreserved(byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut at = 0;
    while at < bytes.len() {
        match bytes[at] {
            b'%' => {
                let hex = std::str::from_utf8(bytes.get(at + 1..at + 3)?).ok()?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                at += 3;
            }
            byte if unreserved(byte) => {
                out.push(byte);
                at += 1;
            }
            _ => return None,
        }
    }
    String::from_utf8(out).ok()
}

/// The URI that a press of `reply` on the toast `tag` about `notice` starts: the items in
/// order, each evening's date before its keys
/// (`bedtime-coach:done?tag=7&date=2026-11-26&step=warm-bath&step=humidity-check`).
pub fn activation_uri(reply: Reply, tag: u32, notice: &Alert) -> String {
    let mut uri = format!("{URI_SCHEME}:{}?tag={tag}", action_name(reply));
    let mut evening = None;
    for item in &notice.items {
        if evening != Some(item.evening) {
            evening = Some(item.evening);
            uri.push_str(&format!("&date={}", item.evening.format("%Y-%m-%d")));
        }
        uri.push_str("&step=");
        uri.push_str(&percent_encode(&item.key));
    }
    uri
}

/// Reads an activation URI; refuses anything [`activation_uri`] does not write. Never
/// panics, whatever it is given.
pub fn parse_activation(uri: &str) -> Result<Activation, BadActivation> {
    if uri.len() > MAX_URI {
        return Err(BadActivation::Malformed);
    }
    let rest = uri
        .get(..URI_SCHEME.len() + 1)
        .filter(|head| head.eq_ignore_ascii_case(&format!("{URI_SCHEME}:")))
        .and_then(|_| uri.get(URI_SCHEME.len() + 1..))
        .ok_or(BadActivation::Malformed)?;
    // Some shells hand the URI on as `scheme:/path` or with a trailing slash.
    let rest = rest.trim_start_matches('/');
    let (action, query) = rest.split_once('?').unwrap_or((rest, ""));
    let reply = match action.trim_end_matches('/') {
        "done" => Reply::Done,
        "snooze" => Reply::Snooze,
        "open" => Reply::Open,
        _ => return Err(BadActivation::Malformed),
    };
    let mut activation = Activation { reply, tag: None, items: Vec::new() };
    let mut evening = None;
    for pair in query.split('&').filter(|pair| !pair.is_empty()) {
        let (name, value) = pair.split_once('=').ok_or(BadActivation::Malformed)?;
        let value = percent_decode(value).ok_or(BadActivation::Malformed)?;
        match name {
            "tag" if activation.tag.is_none() => {
                activation.tag = Some(value.parse().map_err(|_| BadActivation::Malformed)?);
            }
            "date" => {
                let date = NaiveDate::parse_from_str(&value, "%Y-%m-%d").map_err(|_| BadActivation::Malformed)?;
                evening = Some(date);
            }
            "step" => {
                let date = evening.ok_or(BadActivation::Malformed)?;
                if value.is_empty() || activation.items.len() >= MAX_ITEMS {
                    return Err(BadActivation::Malformed);
                }
                activation.items.push((date, value));
            }
            _ => return Err(BadActivation::Malformed),
        }
    }
    if activation.items.is_empty() && activation.reply != Reply::Open {
        return Err(BadActivation::Malformed);
    }
    Ok(activation)
}

/// The notice a checked activation acts on, as the Linux buttons' handler gets it: only
/// what a toast could have offered. Every evening is tonight's or the one before; a step
/// is in the saved routine, on, and reminded of (no toast offers another); the wind-down
/// and bedtime reminders are tonight's, and the night-log invitation last night's.
pub fn check_activation<Tz: TimeZone>(
    activation: &Activation,
    routine_file: &RoutineFile,
    now: &DateTime<Tz>,
) -> Result<Alert, BadActivation> {
    let tonight = evening_at(routine_file, now);
    let mut items = Vec::with_capacity(activation.items.len());
    for (evening, key) in &activation.items {
        if *evening != tonight && Some(*evening) != tonight.pred_opt() {
            return Err(BadActivation::NotTonight(*evening));
        }
        let not_offered = || BadActivation::UnknownStep(key.clone());
        let kind = match key.as_str() {
            WIND_DOWN_KEY | BEDTIME_KEY if *evening != tonight => return Err(BadActivation::NotTonight(*evening)),
            WIND_DOWN_KEY => Kind::WindDown,
            BEDTIME_KEY => Kind::Bedtime,
            NIGHT_LOG_KEY if *evening == tonight => return Err(not_offered()),
            NIGHT_LOG_KEY => Kind::NightLog,
            step => match routine_file.routine.get(step) {
                Some(found) if found.enabled && found.remind => Kind::Step(step.to_owned()),
                _ => return Err(not_offered()),
            },
        };
        items.push(NoticeItem { evening: *evening, key: key.clone(), kind, title: key.clone() });
    }
    let summary = items.iter().map(|item| item.key.as_str()).collect::<Vec<_>>().join(", ");
    Ok(Alert { summary, lines: Vec::new(), items, due: now.fixed_offset(), late: false, critical: false })
}

/// The toast for `notice` as Windows' toast schema wants it: the summary and body, a
/// click on the body and the same buttons as on Linux ([`actions_for`]), each starting
/// its [`activation_uri`]. `duration="long"` keeps it ~25 s on screen instead of ~7.
pub fn toast_xml(notice: &Alert, snooze_minutes: u32, tag: u32) -> String {
    let mut xml = format!(
        "<toast launch=\"{}\" activationType=\"protocol\" duration=\"long\"><visual><binding template=\"ToastGeneric\"><text>{}</text>",
        xml_escape(&activation_uri(Reply::Open, tag, notice)),
        xml_escape(&notice.summary)
    );
    let body = notice.body_plain();
    if !body.is_empty() {
        xml.push_str(&format!("<text>{}</text>", xml_escape(&body)));
    }
    xml.push_str("</binding></visual>");
    let buttons: Vec<String> = actions_for(notice, snooze_minutes)
        .into_iter()
        .filter_map(|(key, label)| {
            let reply = match key {
                "done" => Reply::Done,
                "snooze" => Reply::Snooze,
                // The body's click is the toast's `launch`.
                _ => return None,
            };
            Some(format!(
                "<action content=\"{}\" arguments=\"{}\" activationType=\"protocol\"/>",
                xml_escape(&label),
                xml_escape(&activation_uri(reply, tag, notice))
            ))
        })
        .collect();
    if !buttons.is_empty() {
        xml.push_str(&format!("<actions>{}</actions>", buttons.concat()));
    }
    xml.push_str("</toast>");
    xml
}

/// Reminders as toasts. The buttons are answered by another process (see the module
/// documentation), so the handler `show` is given is not kept. Each call into the host
/// waits at most [`DEADLINE`]: a stuck shell must not hang the reminder loop.
pub struct Toasts {
    host: Arc<dyn ToastHost>,
    next_tag: AtomicU32,
}

impl Toasts {
    /// Tags start at `first_tag` (the caller passes something that differs from the last
    /// run, such as the time: a new toast with a tag still in the Action Center would
    /// replace it).
    pub fn new(host: Arc<dyn ToastHost>, first_tag: u32) -> Self {
        Self { host, next_tag: AtomicU32::new(first_tag) }
    }
}

impl Notify for Toasts {
    fn show(&self, notice: &Alert, snooze_minutes: u32, _on_action: ActionHandler) -> Result<Shown, NotifyError> {
        let id = self.next_tag.fetch_add(1, Ordering::Relaxed);
        let xml = toast_xml(notice, snooze_minutes, id);
        let host = Arc::clone(&self.host);
        within_deadline("bedtime-coach-toast", DEADLINE, move || host.show(&xml, &id.to_string(), GROUP))?;
        Ok(Shown { id, capabilities: Capabilities { body_markup: false, actions: true } })
    }

    fn close(&self, id: u32) -> Result<(), NotifyError> {
        let host = Arc::clone(&self.host);
        within_deadline("bedtime-coach-toast", DEADLINE, move || host.remove(&id.to_string(), GROUP))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::time::clock;
    use chrono_tz::Europe::Berlin;
    use proptest::prelude::*;
    use std::sync::Mutex;

    fn evening() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
    }

    fn notice(keys: &[&str]) -> Alert {
        Alert {
            summary: "Tea & \"biscuits\" <now>".to_owned(),
            lines: vec![super::super::engine::NoticeLine { title: "Warm bath".into(), why: "Relaxes <you>".into() }],
            items: keys
                .iter()
                .map(|key| NoticeItem {
                    evening: evening(),
                    key: (*key).to_owned(),
                    kind: if key.starts_with(':') { Kind::Bedtime } else { Kind::Step((*key).to_owned()) },
                    title: (*key).to_owned(),
                })
                .collect(),
            due: DateTime::parse_from_rfc3339("2026-11-26T21:00:00+01:00").unwrap(),
            late: false,
            critical: false,
        }
    }

    fn routine_file() -> RoutineFile {
        let mut file = RoutineFile::default();
        file.schedule.set(Some(clock(22, 30)), Some(clock(6, 30)), &[]).unwrap();
        file
    }

    #[test]
    fn the_toast_has_the_body_the_buttons_and_escapes_every_text() {
        let xml = toast_xml(&notice(&["warm-bath", "humidity-check"]), 10, 7);
        assert_eq!(
            xml,
            "<toast launch=\"bedtime-coach:open?tag=7&amp;date=2026-11-26&amp;step=warm-bath&amp;step=humidity-check\" \
             activationType=\"protocol\" duration=\"long\"><visual><binding template=\"ToastGeneric\">\
             <text>Tea &amp; &quot;biscuits&quot; &lt;now&gt;</text><text>Warm bath — Relaxes &lt;you&gt;</text>\
             </binding></visual><actions>\
             <action content=\"Done\" arguments=\"bedtime-coach:done?tag=7&amp;date=2026-11-26&amp;step=warm-bath&amp;step=humidity-check\" activationType=\"protocol\"/>\
             <action content=\"Snooze 10 min\" arguments=\"bedtime-coach:snooze?tag=7&amp;date=2026-11-26&amp;step=warm-bath&amp;step=humidity-check\" activationType=\"protocol\"/>\
             </actions></toast>"
        );
    }

    #[test]
    fn bedtime_has_no_done_and_a_test_toast_no_buttons() {
        let bedtime = toast_xml(&notice(&[BEDTIME_KEY]), 5, 1);
        assert!(bedtime.contains("step=%3Abedtime"), "{bedtime}");
        assert!(!bedtime.contains("bedtime-coach:done"), "{bedtime}");
        assert!(bedtime.contains("content=\"Snooze 5 min\""), "{bedtime}");
        let test = toast_xml(&notice(&[]), 5, 2);
        assert!(!test.contains("<actions>"), "{test}");
        assert!(test.contains("launch=\"bedtime-coach:open?tag=2\""), "{test}");
        let ru = crate::i18n::with_language(crate::i18n::Language::Russian, || toast_xml(&notice(&["a"]), 5, 3));
        assert!(ru.contains("content=\"Готово\"") && ru.contains("content=\"Отложить на 5 мин\""), "{ru}");
    }

    #[test]
    fn the_uri_round_trips() {
        for reply in [Reply::Done, Reply::Snooze, Reply::Open] {
            let alert = notice(&["warm-bath", BEDTIME_KEY, "tea & honey/é"]);
            let parsed = parse_activation(&activation_uri(reply, 42, &alert)).unwrap();
            assert_eq!(parsed.reply, reply);
            assert_eq!(parsed.tag, Some(42));
            let items: Vec<(NaiveDate, String)> = alert.items.iter().map(|i| (i.evening, i.key.clone())).collect();
            assert_eq!(parsed.items, items);
        }
        // Windows may add a slash after the scheme or the action.
        let slashed = parse_activation("bedtime-coach://done/?tag=1&date=2026-11-26&step=warm-bath").unwrap();
        assert_eq!(slashed.items, vec![(evening(), "warm-bath".to_owned())]);
    }

    #[test]
    fn odd_uris_are_refused() {
        for uri in [
            "",
            "bedtime-coach",
            "other:done?date=2026-11-26&step=a",
            "bedtime-coach:delete?date=2026-11-26&step=a",
            "bedtime-coach:done",
            "bedtime-coach:done?step=a",
            "bedtime-coach:done?date=2026-13-01&step=a",
            "bedtime-coach:done?date=2026-11-26&step=",
            "bedtime-coach:done?date=2026-11-26&step=%zz",
            "bedtime-coach:done?date=2026-11-26&step=%ff",
            "bedtime-coach:done?date=2026-11-26&step=a b",
            "bedtime-coach:done?tag=x&date=2026-11-26&step=a",
            "bedtime-coach:done?tag=1&tag=2&date=2026-11-26&step=a",
            "bedtime-coach:done?date=2026-11-26&step=a&data-dir=C:",
            "bedtime-coach:done?date=2026-11-26&stepa",
        ] {
            assert_eq!(parse_activation(uri), Err(BadActivation::Malformed), "{uri}");
        }
        let many = format!("bedtime-coach:done?date=2026-11-26{}", "&step=a".repeat(MAX_ITEMS + 1));
        assert_eq!(parse_activation(&many), Err(BadActivation::Malformed));
    }

    #[test]
    fn only_steps_of_the_routine_tonight_or_last_night_are_accepted() {
        let file = routine_file();
        let now = Berlin.with_ymd_and_hms(2026, 11, 26, 21, 5, 0).unwrap();
        let uri = |date: &str, step: &str| format!("bedtime-coach:done?tag=1&date={date}&step={step}");
        let check = |uri: String| check_activation(&parse_activation(&uri).unwrap(), &file, &now);
        let alert = check(uri("2026-11-26", "warm-bath")).unwrap();
        assert_eq!(alert.done_targets(), vec![(evening(), "warm-bath")]);
        assert!(check(uri("2026-11-25", "warm-bath")).is_ok());
        assert_eq!(
            check(uri("2026-11-24", "warm-bath")),
            Err(BadActivation::NotTonight(NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()))
        );
        assert_eq!(
            check(uri("2026-11-27", "warm-bath")).err(),
            Some(BadActivation::NotTonight(evening().succ_opt().unwrap()))
        );
        assert_eq!(check(uri("2026-11-26", "no-such-step")), Err(BadActivation::UnknownStep("no-such-step".into())));
        let night = check(uri("2026-11-25", "%3Anight-log")).unwrap();
        assert!(night.invites_night_log());
        assert!(night.done_targets().is_empty());
        assert_eq!(check(uri("2026-11-26", "%3Abedtime")).unwrap().items[0].kind, Kind::Bedtime);

        // Only what a toast could have offered (a hostile tester's URIs): no invitation for
        // a night not yet slept, no wind-down or bedtime of last night, no step that is off
        // or never reminded of.
        let refused = |date: &str, step: &str| check(uri(date, step)).is_err();
        assert!(refused("2026-11-26", "%3Anight-log"), "tonight's night is not slept yet");
        assert!(refused("2026-11-25", "%3Abedtime") && refused("2026-11-25", "%3Awind-down"));
        assert!(check(uri("2026-11-26", "%3Awind-down")).is_ok(), "tonight's wind-down is offered");
        let mut quiet = file.clone();
        quiet.routine.get_mut("warm-bath").unwrap().remind = false;
        quiet.routine.get_mut("lights-out").unwrap().enabled = false;
        for step in ["warm-bath", "lights-out"] {
            let activation = parse_activation(&uri("2026-11-26", step)).unwrap();
            assert!(check_activation(&activation, &quiet, &now).is_err(), "{step}");
        }
    }

    /// The Windows side, as the notifier uses it: what it was asked, and whether it fails.
    #[derive(Default)]
    struct FakeHost {
        calls: Mutex<Vec<String>>,
        fails: bool,
    }

    impl ToastHost for FakeHost {
        fn show(&self, xml: &str, tag: &str, group: &str) -> Result<(), String> {
            self.calls.lock().unwrap().push(format!("show {tag} {group} {}", xml.len()));
            if self.fails { Err("Class not registered".to_owned()) } else { Ok(()) }
        }

        fn remove(&self, tag: &str, group: &str) -> Result<(), String> {
            self.calls.lock().unwrap().push(format!("remove {tag} {group}"));
            Ok(())
        }
    }

    #[test]
    fn toasts_get_a_tag_each_and_are_removed_by_it() {
        let host = Arc::new(FakeHost::default());
        let toasts = Toasts::new(host.clone(), 100);
        let first = toasts.show(&notice(&["warm-bath"]), 10, Box::new(|_| {})).unwrap();
        let second = toasts.show(&notice(&["humidity-check"]), 10, Box::new(|_| {})).unwrap();
        assert_eq!((first.id, second.id), (100, 101));
        toasts.close(100).unwrap();
        let calls = host.calls.lock().unwrap().clone();
        assert!(calls[0].starts_with("show 100 reminders "), "{calls:?}");
        assert!(calls[1].starts_with("show 101 reminders "), "{calls:?}");
        assert_eq!(calls[2], "remove 100 reminders");
    }

    #[test]
    fn a_failing_host_is_a_notification_that_was_not_shown() {
        let toasts = Toasts::new(Arc::new(FakeHost { fails: true, ..FakeHost::default() }), 1);
        let error = toasts.show(&notice(&["warm-bath"]), 10, Box::new(|_| {})).unwrap_err();
        assert_eq!(error, NotifyError::Unavailable("Class not registered".to_owned()));
    }

    proptest! {
        #[test]
        fn parsing_never_panics(uri in "\\PC{0,300}") {
            let _ = parse_activation(&uri);
        }

        #[test]
        fn parsing_odd_queries_never_panics(query in "[a-z=&%0-9A-F:./é-]{0,200}") {
            for action in ["done", "snooze", "open"] {
                let _ = parse_activation(&format!("bedtime-coach:{action}?{query}"));
            }
        }

        #[test]
        fn any_key_round_trips(key in "\\PC{1,40}") {
            let mut alert = notice(&[]);
            alert.items.push(NoticeItem { evening: evening(), key: key.clone(), kind: Kind::Step(key.clone()), title: key.clone() });
            let parsed = parse_activation(&activation_uri(Reply::Done, 1, &alert)).unwrap();
            prop_assert_eq!(parsed.items, vec![(evening(), key)]);
        }
    }
}
