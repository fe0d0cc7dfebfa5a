//! Messages across the top of the window: file repairs, refused changes, undelivered
//! reminders, undo offers. Every banner goes through [`Banners::push`], which keeps
//! each message once.

use std::path::PathBuf;

use crate::model::reminders::Undelivered;
use crate::tr;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BannerKind {
    Info,
    Warning,
    Error,
}

/// A message across the top of the window until dismissed.
#[derive(Debug, Clone, PartialEq)]
pub struct Banner {
    pub kind: BannerKind,
    pub message: String,
    /// A folder the message is about, offered with an "Open folder" button.
    pub folder: Option<PathBuf>,
    /// The banner offers "Undo" for the last change.
    pub undo: bool,
    /// Banners with the same key replace each other (one reminder banner at a time).
    pub key: Option<&'static str>,
}

impl Banner {
    pub fn new(kind: BannerKind, message: impl Into<String>) -> Self {
        Self { kind, message: message.into(), folder: None, undo: false, key: None }
    }

    pub fn keyed(kind: BannerKind, key: &'static str, message: impl Into<String>) -> Self {
        Self { key: Some(key), ..Self::new(kind, message) }
    }

    /// A reminder the service could not show as a notification, with its due steps.
    pub fn undelivered(undelivered: &Undelivered) -> Self {
        let mut due = undelivered.due.clone();
        // A merged notice's summary already names the wind-down or bedtime.
        due.retain(|title| !undelivered.summary.contains(title.as_str()));
        let (summary, reason) = (undelivered.summary.as_str(), undelivered.reason.as_str());
        let text = if due.is_empty() {
            tr!("ui-undelivered", summary = summary, reason = reason)
        } else {
            tr!("ui-undelivered-due", summary = summary, due = due.join(", "), reason = reason)
        };
        Self::keyed(BannerKind::Warning, REMINDER_BANNER, text)
    }

    /// A banner about a file, with its folder to open.
    pub fn about_folder(kind: BannerKind, message: impl Into<String>, folder: Option<PathBuf>) -> Self {
        Self { folder, ..Self::new(kind, message) }
    }
}

/// The key of the banner that shows a reminder the service could not deliver.
pub const REMINDER_BANNER: &str = "reminder";

/// The banners on screen, in the order they came.
#[derive(Debug, Default)]
pub struct Banners {
    shown: Vec<Banner>,
}

impl Banners {
    pub fn all(&self) -> &[Banner] {
        &self.shown
    }

    pub fn is_empty(&self) -> bool {
        self.shown.is_empty()
    }

    /// Shows `banner` unless the same message is already there; a keyed banner replaces
    /// the one with its key, and an undo offer replaces the previous offer.
    pub fn push(&mut self, banner: Banner) {
        if let Some(key) = banner.key {
            self.shown.retain(|existing| existing.key != Some(key));
        }
        if banner.undo {
            self.shown.retain(|existing| !existing.undo);
        }
        if !self.shown.iter().any(|existing| existing.message == banner.message) {
            self.shown.push(banner);
        }
    }

    pub fn dismiss(&mut self, index: usize) {
        if index < self.shown.len() {
            self.shown.remove(index);
        }
    }

    pub fn remove_key(&mut self, key: &str) {
        self.shown.retain(|banner| banner.key != Some(key));
    }

    pub fn remove_undo(&mut self) {
        self.shown.retain(|banner| !banner.undo);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_message_once_and_keys_replace() {
        let mut banners = Banners::default();
        banners.push(Banner::new(BannerKind::Warning, "moved aside"));
        banners.push(Banner::new(BannerKind::Warning, "moved aside"));
        banners.push(Banner::keyed(BannerKind::Warning, REMINDER_BANNER, "Warm bath"));
        banners.push(Banner::keyed(BannerKind::Warning, REMINDER_BANNER, "Bedtime"));
        let messages: Vec<_> = banners.all().iter().map(|b| b.message.as_str()).collect();
        assert_eq!(messages, ["moved aside", "Bedtime"]);
        banners.remove_key(REMINDER_BANNER);
        banners.dismiss(0);
        banners.dismiss(5);
        assert!(banners.is_empty());
    }
}
