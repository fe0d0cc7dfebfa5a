//! The user's routine: which steps, in which order, anchored to what, reminding or not.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use super::anchor::AnchorDoc;
pub use super::anchor::{Anchor, MAX_ANCHOR_MINUTES};
use super::catalog::{self, CATALOG, CatalogStep, ValueKind};
use super::journal::Extra;

/// Longest title a step may have, in characters: a line on the checklist, not a note.
pub const MAX_TITLE_CHARS: usize = 80;
/// Longest "why" a step may have, in characters.
pub const MAX_WHY_CHARS: usize = 400;
/// The most steps a routine may have: far more than an evening holds, and a bound on
/// every list of steps (an evening's recorded routine, its check-ins), so no list can
/// grow until going through it takes minutes.
pub const MAX_STEPS: usize = 100;

/// Whether `id` can be a step's id: lowercase ASCII letters, digits and inner dashes, at
/// most [`MAX_TITLE_CHARS`] long (what [`slug`] makes of a title). Ids are printed,
/// written to CSV cells and used as keys; nothing else may be one.
pub fn is_step_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_TITLE_CHARS
        && id.bytes().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == b'-')
        && !id.starts_with('-')
        && !id.ends_with('-')
}

/// Checks that `value` fits what the step `id` records: only catalog steps with a
/// [`ValueKind`] take one, within its range. Every way a check-in comes in (the window,
/// the command line, an import) checks its value here.
pub fn check_value(id: &str, value: Option<f64>) -> Result<(), StepError> {
    match (catalog::find(id).and_then(|entry| entry.value), value) {
        (_, None) => Ok(()),
        (Some(kind), Some(value)) if kind.accepts(value) => Ok(()),
        (Some(kind), Some(value)) => Err(StepError::BadValue(kind, value)),
        (None, Some(_)) => Err(StepError::NoValue(id.to_owned())),
    }
}

/// One step of the user's routine.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "StepDoc", into = "StepDoc")]
pub struct Step {
    /// A catalog id, or the id of a custom step.
    pub id: String,
    /// Overrides the catalog title; required for custom steps.
    pub title: Option<String>,
    /// Overrides the catalog's "why"; optional for custom steps.
    pub why: Option<String>,
    pub anchor: Anchor,
    pub remind: bool,
    pub enabled: bool,
    /// When the step was added to a routine already saved: it counts only from then on,
    /// never as missed on the evenings before it existed. `None` for the steps of the
    /// first routine (they count from [`super::RoutineFile::since`]) and in older files.
    pub added: Option<DateTime<FixedOffset>>,
    /// Unknown fields of the step's anchor object, kept so that saving never drops them.
    pub anchor_extra: Extra,
    /// Unknown fields of the step, likewise.
    pub extra: Extra,
}

/// A step as stored: the anchor is an object of its own that may carry fields this
/// version does not know, and every number in it is checked on the way in, so a file
/// can never smuggle a four-billion-minute offset into the plan.
#[derive(Serialize, Deserialize)]
struct StepDoc {
    id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    why: Option<String>,
    anchor: AnchorDoc,
    remind: bool,
    #[serde(default = "yes")]
    enabled: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    added: Option<DateTime<FixedOffset>>,
    #[serde(flatten)]
    extra: Extra,
}

impl TryFrom<StepDoc> for Step {
    type Error = String;

    fn try_from(doc: StepDoc) -> Result<Self, String> {
        let anchor = doc.anchor.anchor(&doc.id)?;
        Ok(Step {
            id: doc.id,
            title: doc.title,
            why: doc.why,
            anchor,
            remind: doc.remind,
            enabled: doc.enabled,
            added: doc.added,
            anchor_extra: doc.anchor.extra,
            extra: doc.extra,
        })
    }
}

impl From<Step> for StepDoc {
    fn from(step: Step) -> Self {
        StepDoc {
            id: step.id,
            title: step.title,
            why: step.why,
            anchor: AnchorDoc::new(step.anchor, step.anchor_extra),
            remind: step.remind,
            enabled: step.enabled,
            added: step.added,
            extra: step.extra,
        }
    }
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
            added: None,
            anchor_extra: Extra::new(),
            extra: Extra::new(),
        }
    }

    pub fn custom(id: String, title: String, anchor: Anchor) -> Self {
        Self {
            id,
            title: Some(title),
            why: None,
            anchor,
            remind: false,
            enabled: true,
            added: None,
            anchor_extra: Extra::new(),
            extra: Extra::new(),
        }
    }

    pub fn catalog_entry(&self) -> Option<&'static CatalogStep> {
        catalog::find(&self.id)
    }

    pub fn value_kind(&self) -> Option<ValueKind> {
        self.catalog_entry().and_then(|entry| entry.value)
    }
}

/// Why a step cannot be saved as it is. Plain data: its sentence for the user, in the
/// user's language, is its `Display`, which lives in `i18n` (the model has no words).
#[derive(Debug, Clone, PartialEq)]
pub enum StepError {
    /// The id is not lowercase letters, digits and dashes.
    BadId(String),
    NoTitle,
    /// The title has this many characters, more than [`MAX_TITLE_CHARS`].
    TitleTooLong(usize),
    /// The reason has this many characters, more than [`MAX_WHY_CHARS`].
    WhyTooLong(usize),
    /// More than [`MAX_ANCHOR_MINUTES`] away.
    TooManyMinutes(u32),
    /// A value was given for this step, which records none.
    NoValue(String),
    /// A value this step's kind does not accept, such as a humidity of -5 %.
    BadValue(ValueKind, f64),
    /// The routine has [`MAX_STEPS`] steps already.
    RoutineFull,
}

impl std::error::Error for StepError {}

impl Step {
    /// Checks the id, the texts and the anchor against the limits above.
    pub fn validate(&self) -> Result<(), StepError> {
        if !is_step_id(&self.id) {
            return Err(StepError::BadId(self.id.clone()));
        }
        if self.title.as_deref().is_some_and(|t| t.trim().is_empty())
            || (self.catalog_entry().is_none() && self.title.is_none())
        {
            return Err(StepError::NoTitle);
        }
        if let Some(length) = self.title.as_deref().map(|t| t.chars().count()).filter(|&n| n > MAX_TITLE_CHARS) {
            return Err(StepError::TitleTooLong(length));
        }
        if let Some(length) = self.why.as_deref().map(|t| t.chars().count()).filter(|&n| n > MAX_WHY_CHARS) {
            return Err(StepError::WhyTooLong(length));
        }
        match self.anchor.minutes() {
            Some(minutes) if minutes > MAX_ANCHOR_MINUTES => Err(StepError::TooManyMinutes(minutes)),
            _ => Ok(()),
        }
    }

    /// Checks that `value` fits what this step records (see [`check_value`]).
    pub fn check_value(&self, value: Option<f64>) -> Result<(), StepError> {
        check_value(&self.id, value)
    }
}

/// A change to some fields of one step, applied to whatever the step is when it lands,
/// so that two programs changing different fields of one step both keep their change.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StepEdit {
    /// `Some(None)` goes back to the catalog's title.
    pub title: Option<Option<String>>,
    pub why: Option<Option<String>>,
    pub anchor: Option<Anchor>,
    pub remind: Option<bool>,
    pub enabled: Option<bool>,
}

impl StepEdit {
    /// The fields that differ from `old` to `new`.
    pub fn between(old: &Step, new: &Step) -> Self {
        fn differs<T: PartialEq + Clone>(a: &T, b: &T) -> Option<T> {
            (a != b).then(|| b.clone())
        }
        StepEdit {
            title: differs(&old.title, &new.title),
            why: differs(&old.why, &new.why),
            anchor: differs(&old.anchor, &new.anchor),
            remind: differs(&old.remind, &new.remind),
            enabled: differs(&old.enabled, &new.enabled),
        }
    }

    pub fn is_empty(&self) -> bool {
        *self == StepEdit::default()
    }

    /// `step` with this edit applied.
    pub fn applied_to(&self, step: &Step) -> Step {
        let mut step = step.clone();
        if let Some(title) = &self.title {
            step.title.clone_from(title);
        }
        if let Some(why) = &self.why {
            step.why.clone_from(why);
        }
        if let Some(anchor) = self.anchor {
            step.anchor = anchor;
        }
        if let Some(remind) = self.remind {
            step.remind = remind;
        }
        if let Some(enabled) = self.enabled {
            step.enabled = enabled;
        }
        step
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

    /// Whether one more step fits (see [`MAX_STEPS`]).
    pub fn has_room(&self) -> Result<(), StepError> {
        if self.steps.len() < MAX_STEPS { Ok(()) } else { Err(StepError::RoutineFull) }
    }

    /// Checks every step and the routine's length, as a whole routine saved at once
    /// (the first-run setup) must be.
    pub fn validate(&self) -> Result<(), StepError> {
        if self.steps.len() > MAX_STEPS {
            return Err(StepError::RoutineFull);
        }
        self.steps.iter().try_for_each(Step::validate)
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
    use chrono::NaiveTime;

    #[test]
    fn default_routine_is_the_catalog() {
        let routine = Routine::default();
        assert_eq!(routine.steps.len(), CATALOG.len());
        assert!(CATALOG.iter().zip(&routine.steps).all(|(entry, step)| step.id == entry.id));
        // Catalog steps carry no words of their own: i18n has them by id.
        assert!(routine.steps.iter().all(|step| step.title.is_none() && step.why.is_none()));
    }

    #[test]
    fn custom_ids_are_unique_kebab_case() {
        let mut routine = Routine::default();
        assert_eq!(routine.unique_id_for("Stretch & breathe!"), "stretch-breathe");
        assert_eq!(routine.unique_id_for("Warm bath"), "warm-bath-2");
        assert_eq!(routine.unique_id_for("???"), "step");
        routine.steps.push(Step::custom("stretch".into(), "Stretch".into(), Anchor::BeforeBedtime { minutes: 20 }));
        assert_eq!(routine.unique_id_for("stretch"), "stretch-2");
        assert_eq!(routine.get("stretch").unwrap().why, None);
    }

    #[test]
    fn anchors_read_naturally_and_round_trip() {
        let at = Anchor::At { time: NaiveTime::from_hms_opt(16, 30, 0).unwrap() };
        let json = serde_json::to_string(&at).unwrap();
        assert_eq!(json, r#"{"kind":"at","time":"16:30"}"#);
        assert_eq!(serde_json::from_str::<Anchor>(&json).unwrap(), at);
    }

    #[test]
    fn unknown_anchor_and_step_fields_survive_and_odd_minutes_are_refused() {
        let text = r#"{"id":"warm-bath","anchor":{"kind":"before_bedtime","minutes":90,"jitter":5},"remind":true,"enabled":true,"color":"blue"}"#;
        let step: Step = serde_json::from_str(text).unwrap();
        assert_eq!(step.anchor, Anchor::BeforeBedtime { minutes: 90 });
        // Compared as text: a JSON value would hide a key written twice.
        assert_eq!(serde_json::to_string(&step).unwrap(), text);
        let at = r#"{"id":"caffeine-cutoff","anchor":{"kind":"at","time":"14:00"},"remind":true,"enabled":true}"#;
        let step: Step = serde_json::from_str(at).unwrap();
        assert_eq!(step.anchor, Anchor::At { time: NaiveTime::from_hms_opt(14, 0, 0).unwrap() });
        assert_eq!(serde_json::to_string(&step).unwrap(), at);
        let huge = r#"{"id":"warm-bath","anchor":{"kind":"before_bedtime","minutes":4294967295},"remind":true}"#;
        let error = serde_json::from_str::<Step>(huge).unwrap_err().to_string();
        assert!(error.contains("more than a day"), "{error}");
        let over = r#"{"id":"warm-bath","anchor":{"kind":"after_wake","minutes":1441},"remind":true}"#;
        assert!(serde_json::from_str::<Step>(over).is_err());
    }

    #[test]
    fn edits_touch_only_the_fields_they_name() {
        let old = Routine::default().get("warm-bath").unwrap().clone();
        let mine = Step { remind: false, ..old.clone() };
        let edit = StepEdit::between(&old, &mine);
        assert_eq!(edit, StepEdit { remind: Some(false), ..StepEdit::default() });
        // Someone else moved the bath meanwhile: both changes survive.
        let theirs = Step { anchor: Anchor::BeforeBedtime { minutes: 120 }, ..old.clone() };
        let merged = edit.applied_to(&theirs);
        assert!(!merged.remind);
        assert_eq!(merged.anchor, Anchor::BeforeBedtime { minutes: 120 });
        assert!(StepEdit::between(&old, &old).is_empty());
    }

    #[test]
    fn limits_are_checked_with_a_sentence() {
        let mut step =
            Step::custom("walk".into(), "x".repeat(MAX_TITLE_CHARS + 1), Anchor::At { time: NaiveTime::MIN });
        assert_eq!(step.validate(), Err(StepError::TitleTooLong(MAX_TITLE_CHARS + 1)));
        step.title = Some("Walk".into());
        assert_eq!(step.validate(), Ok(()));
        step.anchor = Anchor::AfterWake { minutes: MAX_ANCHOR_MINUTES + 1 };
        assert!(step.validate().unwrap_err().to_string().contains("more than a day"));
        step.id = "Bad Id".into();
        assert!(matches!(step.validate(), Err(StepError::BadId(_))));
        let humidity = Routine::default().get("humidity-check").unwrap().clone();
        assert_eq!(humidity.check_value(Some(55.0)), Ok(()));
        assert_eq!(
            humidity.check_value(Some(-5.0)).unwrap_err().to_string(),
            "-5 % is not a humidity; give a number from 0 to 100 (percent)."
        );
        assert!(step.check_value(Some(1.0)).is_err());
    }

    #[test]
    fn ids_values_and_the_routines_length_have_one_check_each() {
        for id in ["warm-bath", "a", "step-2", "x1-y2"] {
            assert!(is_step_id(id), "{id}");
        }
        for id in ["", "-a", "a-", "Warm", "a b", "a_b", "шаг", "a\u{1b}", &"a".repeat(MAX_TITLE_CHARS + 1)] {
            assert!(!is_step_id(id), "{id:?}");
        }
        assert_eq!(check_value("humidity-check", Some(100.0)), Ok(()));
        assert_eq!(check_value("humidity-check", Some(1e9)), Err(StepError::BadValue(ValueKind::HumidityPercent, 1e9)));
        assert_eq!(check_value("my-walk", Some(1.0)), Err(StepError::NoValue("my-walk".into())));
        let mut routine = Routine::default();
        let anchor = Anchor::BeforeBedtime { minutes: 10 };
        while routine.steps.len() < MAX_STEPS {
            assert_eq!(routine.has_room(), Ok(()));
            let id = routine.unique_id_for("extra");
            routine.steps.push(Step::custom(id, "Extra".into(), anchor));
        }
        assert_eq!(routine.validate(), Ok(()));
        assert_eq!(routine.has_room(), Err(StepError::RoutineFull));
        assert_eq!(
            StepError::RoutineFull.to_string(),
            "A routine can have at most 100 steps; remove one before adding another."
        );
        routine.steps.push(Step::custom("one-more".into(), "One more".into(), anchor));
        assert_eq!(routine.validate(), Err(StepError::RoutineFull));
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
