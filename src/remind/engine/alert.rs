//! One notification: the reminders merged into it, its summary and lines, and what its
//! buttons act on.

use chrono::{DateTime, FixedOffset, NaiveDate};

use super::Kind;

/// One reminder inside a notification, with what the log knows it by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoticeItem {
    pub evening: NaiveDate,
    pub key: String,
    pub kind: Kind,
    pub title: String,
}

/// A line of the notification body: a step's title and its why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoticeLine {
    pub title: String,
    pub why: String,
}

/// One notification: everything due at one moment, merged.
#[derive(Debug, Clone, PartialEq)]
pub struct Alert {
    pub summary: String,
    /// Body lines; user text, so the notifier escapes them when the server renders markup.
    pub lines: Vec<NoticeLine>,
    pub items: Vec<NoticeItem>,
    /// When the earliest of them was due.
    pub due: DateTime<FixedOffset>,
    /// Shown more than a minute after it was due.
    pub late: bool,
    /// Comes through Do Not Disturb: shown with critical urgency.
    pub critical: bool,
}

impl Alert {
    /// The body as plain text, one "Title — why" line per step.
    pub fn body_plain(&self) -> String {
        self.body_with(|text| text.to_owned())
    }

    /// The body with each piece of user text passed through `escape`.
    pub fn body_with(&self, escape: impl Fn(&str) -> String) -> String {
        self.lines
            .iter()
            .map(|line| {
                if line.why.is_empty() {
                    escape(&line.title)
                } else if line.title.is_empty() {
                    escape(&line.why)
                } else {
                    format!("{} — {}", escape(&line.title), escape(&line.why))
                }
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// The steps a "Done" button checks: every step the notification is about (none for
    /// a wind-down or bedtime notification without steps).
    pub fn done_targets(&self) -> Vec<(NaiveDate, &str)> {
        self.items
            .iter()
            .filter_map(|item| match &item.kind {
                Kind::Step(id) => Some((item.evening, id.as_str())),
                _ => None,
            })
            .collect()
    }

    /// Whether it invites the night log (a click opens the window on the Night screen).
    pub fn invites_night_log(&self) -> bool {
        self.items.iter().any(|item| item.kind == Kind::NightLog)
    }

    /// The steps it is about, by title (for the in-window banner).
    pub fn titles(&self) -> Vec<String> {
        self.items.iter().map(|item| item.title.clone()).collect()
    }
}
