//! The user's routine: which steps, in which order, anchored to what, reminding or not.

use chrono::NaiveTime;
use serde::{Deserialize, Serialize};

use super::catalog::{self, CATALOG, CatalogStep, ValueKind};
use super::time::{format_minutes, hhmm, serde_hhmm};

/// What a step's due time is measured from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Anchor {
    /// This many minutes before bedtime (0 = at bedtime).
    BeforeBedtime { minutes: u32 },
    /// This many minutes after the morning alarm that starts the evening's day.
    AfterWake { minutes: u32 },
    /// A fixed clock time during the evening's day.
    At {
        #[serde(with = "serde_hhmm")]
        time: NaiveTime,
    },
}

impl Anchor {
    pub fn describe(&self) -> String {
        match *self {
            Anchor::BeforeBedtime { minutes: 0 } => "at bedtime".to_owned(),
            Anchor::BeforeBedtime { minutes } => format!("{} before bedtime", format_minutes(minutes.into())),
            Anchor::AfterWake { minutes: 0 } => "on waking".to_owned(),
            Anchor::AfterWake { minutes } => format!("{} after waking", format_minutes(minutes.into())),
            Anchor::At { time } => format!("at {}", hhmm(time)),
        }
    }
}

/// Longest anchor offset accepted: a day.
pub const MAX_ANCHOR_MINUTES: u32 = 24 * 60;

/// One step of the user's routine.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Step {
    /// A catalog id, or the id of a custom step.
    pub id: String,
    /// Overrides the catalog title; required for custom steps.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Overrides the catalog's "why"; optional for custom steps.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub why: Option<String>,
    pub anchor: Anchor,
    pub remind: bool,
    #[serde(default = "yes")]
    pub enabled: bool,
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

fn yes() -> bool {
    true
}

impl Step {
    pub fn from_catalog(entry: &CatalogStep) -> Self {
        Self {
            id: entry.id.to_owned(),
            title: None,
            why: None,
            anchor: entry.anchor,
            remind: entry.remind,
            enabled: true,
            extra: Default::default(),
        }
    }

    pub fn custom(id: String, title: String, anchor: Anchor) -> Self {
        Self { id, title: Some(title), why: None, anchor, remind: false, enabled: true, extra: Default::default() }
    }

    pub fn catalog_entry(&self) -> Option<&'static CatalogStep> {
        catalog::find(&self.id)
    }

    pub fn title(&self) -> &str {
        match (&self.title, self.catalog_entry()) {
            (Some(title), _) => title,
            (None, Some(entry)) => entry.title,
            (None, None) => &self.id,
        }
    }

    pub fn why(&self) -> &str {
        match (&self.why, self.catalog_entry()) {
            (Some(why), _) => why,
            (None, Some(entry)) => entry.why,
            (None, None) => "",
        }
    }

    pub fn value_kind(&self) -> Option<ValueKind> {
        self.catalog_entry().and_then(|entry| entry.value)
    }
}

/// Makes a stable kebab-case id from a title: "Stretch & breathe" -> "stretch-breathe".
pub fn slug(title: &str) -> String {
    let mut slug = String::new();
    for c in title.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    while slug.ends_with('-') {
        slug.pop();
    }
    slug
}

/// The ordered list of steps.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Routine {
    pub steps: Vec<Step>,
}

impl Default for Routine {
    /// The embedded first-run routine: the whole catalog.
    fn default() -> Self {
        Self { steps: CATALOG.iter().map(Step::from_catalog).collect() }
    }
}

impl Routine {
    pub fn get(&self, id: &str) -> Option<&Step> {
        self.steps.iter().find(|step| step.id == id)
    }

    pub fn get_mut(&mut self, id: &str) -> Option<&mut Step> {
        self.steps.iter_mut().find(|step| step.id == id)
    }

    pub fn position(&self, id: &str) -> Option<usize> {
        self.steps.iter().position(|step| step.id == id)
    }

    /// A custom step id derived from `title` that does not clash with any step or catalog id.
    pub fn unique_id_for(&self, title: &str) -> String {
        let base = match slug(title) {
            slug if slug.is_empty() => "step".to_owned(),
            slug => slug,
        };
        let taken = |id: &str| self.get(id).is_some() || catalog::find(id).is_some();
        if !taken(&base) {
            return base;
        }
        (2..).map(|n| format!("{base}-{n}")).find(|id| !taken(id)).unwrap_or(base)
    }

    /// Moves the step at `from` to `to`, keeping the others in order.
    pub fn move_step(&mut self, from: usize, to: usize) {
        if from < self.steps.len() && to < self.steps.len() && from != to {
            let step = self.steps.remove(from);
            self.steps.insert(to, step);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_routine_is_the_catalog() {
        let routine = Routine::default();
        assert_eq!(routine.steps.len(), CATALOG.len());
        assert_eq!(routine.get("warm-bath").unwrap().title(), "Warm bath");
        assert!(routine.get("warm-bath").unwrap().why().contains("relax"));
    }

    #[test]
    fn custom_ids_are_unique_kebab_case() {
        let mut routine = Routine::default();
        assert_eq!(routine.unique_id_for("Stretch & breathe!"), "stretch-breathe");
        assert_eq!(routine.unique_id_for("Warm bath"), "warm-bath-2");
        assert_eq!(routine.unique_id_for("???"), "step");
        routine.steps.push(Step::custom("stretch".into(), "Stretch".into(), Anchor::BeforeBedtime { minutes: 20 }));
        assert_eq!(routine.unique_id_for("stretch"), "stretch-2");
        assert_eq!(routine.get("stretch").unwrap().why(), "");
    }

    #[test]
    fn anchors_read_naturally_and_round_trip() {
        assert_eq!(Anchor::BeforeBedtime { minutes: 90 }.describe(), "1 h 30 min before bedtime");
        assert_eq!(Anchor::BeforeBedtime { minutes: 0 }.describe(), "at bedtime");
        assert_eq!(Anchor::AfterWake { minutes: 30 }.describe(), "30 min after waking");
        let at = Anchor::At { time: NaiveTime::from_hms_opt(16, 30, 0).unwrap() };
        assert_eq!(at.describe(), "at 16:30");
        let json = serde_json::to_string(&at).unwrap();
        assert_eq!(json, r#"{"kind":"at","time":"16:30"}"#);
        assert_eq!(serde_json::from_str::<Anchor>(&json).unwrap(), at);
    }

    #[test]
    fn reorder_keeps_everything() {
        let mut routine = Routine::default();
        let first = routine.steps[0].id.clone();
        routine.move_step(0, 3);
        assert_eq!(routine.position(&first), Some(3));
        routine.move_step(0, 99);
        assert_eq!(routine.steps.len(), CATALOG.len());
    }
}
