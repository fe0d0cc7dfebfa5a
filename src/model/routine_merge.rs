//! Routine, schedule and settings kept on several computers that sync one folder: each
//! computer's copy records when each of its fields last changed, and merging the copies
//! keeps, field by field, the latest change.
//!
//! Why: a sync tool keeps whole files. Two computers that both saved the one
//! `routine.json` while apart would leave one version under the name and the other as a
//! conflict copy, and one side's edits would be lost. Kept as fields with their times,
//! both sides' edits survive unless they touched the same field.
//!
//! # Fields
//!
//! A routine file is these fields, each with the [`Stamp`] of its last change:
//! every day's night (`schedule`, with the schedule's unknown fields), each weekday's
//! night (`schedule.mon` … `schedule.sun`), `schedule.weekdays_off`, each setting
//! (`settings.theme` …, unknown settings too), `since`, each step by its id, whole
//! (`step.warm-bath`), the order of the steps (`order`) and each unknown top-level field
//! (`extra.NAME`). A field that is stamped but has no value was taken away then (a
//! removed step, a weekday night set back to every day's): a dated removal, which a
//! merge respects like any other change, so a copy that still has the step cannot bring
//! it back, and putting it back (undo) is a later change that wins again.
//!
//! # Rules
//!
//! - Per field the latest stamp wins; at the same instant the change made on the
//!   computer with the smaller device id wins.
//! - A stamp without a computer (`by` missing) is what a version before these stamps
//!   saved (`routine.json`, stamped with its file's time): older than every stamped
//!   change, and among such the later file wins. Fields nobody stamped are the oldest.
//! - Equal stamps with different values (only a hand-edited or damaged copy has them)
//!   keep the value whose JSON text sorts last: arbitrary, but the same whichever copy is
//!   merged first.
//! - A change made here ([`RoutineCopy::changed`]) stamps each field it changed with
//!   the later of now and the field's previous stamp + 1 ms, so a change always wins over
//!   the value it replaced, even when that was stamped by a clock running ahead.
//! - Clocks that disagree: a stamp is the clock of the computer that made the change.
//!   When computer A's clock runs an hour ahead, A's change to a field wins over a change
//!   B made to the same field up to an hour later (by true time) while they were apart.
//!   Once B has seen A's value, B's next change to it wins (the +1 ms rule). Different
//!   fields are never affected: both are kept.
//! - The steps' order is one field: the later reorder wins whole. Steps it does not name
//!   (added on another computer) follow it, oldest change first; steps it names that are
//!   gone are skipped. Adding a step at the end or removing one does not count as a
//!   reorder, so it never undoes a reorder made elsewhere.
//! - The merged routine keeps at most [`MAX_STEPS`] steps and at most
//!   [`MAX_UNKNOWN_BYTES`] of unknown top-level fields (in name order), so it stays
//!   one that [`super::validate::routine_file`] accepts; what does not fit is left out of
//!   that copy, not marked removed.
//!
//! # Properties (tested with proptest)
//!
//! Merging is commutative, associative and idempotent (a merge is the per-field maximum
//! of a total order); it never panics; when every copy's routine file validates, the
//! merged one does.

use std::cmp::{Ordering, Reverse};
use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, FixedOffset, SubsecRound, TimeDelta, Utc};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::journal::Extra;
use super::routine::{MAX_STEPS, Step};
use super::routine_file::RoutineFile;
use super::schedule::Day;
use super::validate::{MAX_UNKNOWN_BYTES, Unknown};

/// When a field last changed, and on which computer.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Stamp {
    pub at: DateTime<Utc>,
    /// The device id of the computer that made the change; `None`: saved by a version
    /// before per-field stamps, `at` being its file's time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
}

impl Stamp {
    /// A change made on the computer `device` at `at`.
    pub fn change(at: DateTime<Utc>, device: &str) -> Self {
        Self { at, by: Some(device.to_owned()) }
    }

    /// Everything in a file saved at `at` by a version before per-field stamps.
    pub fn before_stamps(at: DateTime<Utc>) -> Self {
        Self { at, by: None }
    }

    /// What nobody stamped: older than any other stamp.
    pub fn oldest() -> Self {
        Self { at: DateTime::<Utc>::MIN_UTC, by: None }
    }

    /// Later is greater; a stamped change is greater than any unstamped save; at the
    /// same instant the smaller device id is greater (it wins).
    fn key(&self) -> (bool, DateTime<Utc>, Reverse<&str>) {
        (self.by.is_some(), self.at, Reverse(self.by.as_deref().unwrap_or("")))
    }
}

impl Ord for Stamp {
    fn cmp(&self, other: &Self) -> Ordering {
        self.key().cmp(&other.key())
    }
}

impl PartialOrd for Stamp {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// What a computer's file holds beside its routine file: the stamps, and the order of
/// the steps as last set where the routine shows another (see the module doc).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Changes {
    /// Field name (`settings.theme`, `step.warm-bath`, …) to the stamp of its last
    /// change. A field not named here has the copy's default stamp.
    #[serde(default)]
    pub fields: BTreeMap<String, Stamp>,
    /// The order last set, when it names steps the routine does not have or misses some.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order: Option<Vec<String>>,
}

/// One field of a routine file (see the module doc).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Field {
    EveryDay,
    Weekday(Day),
    WeekdaysOff,
    Since,
    Setting(String),
    Step(String),
    Order,
    Extra(String),
}

impl Field {
    fn name(&self) -> String {
        match self {
            Field::EveryDay => "schedule".to_owned(),
            Field::Weekday(day) => format!("schedule.{}", day.key()),
            Field::WeekdaysOff => "schedule.weekdays_off".to_owned(),
            Field::Since => "since".to_owned(),
            Field::Setting(name) => format!("settings.{name}"),
            Field::Step(id) => format!("step.{id}"),
            Field::Order => "order".to_owned(),
            Field::Extra(name) => format!("extra.{name}"),
        }
    }

    /// The field a name stands for; `None` for a name this version does not know.
    fn parse(name: &str) -> Option<Field> {
        Some(match name {
            "schedule" => Field::EveryDay,
            "schedule.weekdays_off" => Field::WeekdaysOff,
            "since" => Field::Since,
            "order" => Field::Order,
            _ => {
                let (kind, rest) = name.split_once('.')?;
                match kind {
                    "schedule" => Field::Weekday(Day::ALL.into_iter().find(|day| day.key() == rest)?),
                    "settings" => Field::Setting(rest.to_owned()),
                    "step" => Field::Step(rest.to_owned()),
                    "extra" => Field::Extra(rest.to_owned()),
                    _ => return None,
                }
            }
        })
    }

    /// Whether the field can be absent: those that always have a value are never
    /// "taken away".
    fn may_be_absent(&self) -> bool {
        !matches!(self, Field::EveryDay | Field::WeekdaysOff | Field::Order)
    }
}

/// A field's value (`None` when taken away) and the stamp of its last change.
#[derive(Debug, Clone, PartialEq)]
struct Entry {
    stamp: Stamp,
    value: Option<Value>,
}

impl Entry {
    /// Whether `self` wins over `other` (see the module doc's rules).
    fn beats(&self, other: &Entry) -> bool {
        match self.stamp.cmp(&other.stamp) {
            Ordering::Equal => {
                self.value != other.value
                    && self.value.as_ref().map(Value::to_string) > other.value.as_ref().map(Value::to_string)
            }
            order => order == Ordering::Greater,
        }
    }
}

/// One computer's copy of the routine file, field by field, with the stamp of each
/// field's last change.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RoutineCopy {
    fields: BTreeMap<Field, Entry>,
}

impl RoutineCopy {
    /// The copy a file holds: `file` with the stamps in `changes`; fields `changes` does
    /// not name get `unstamped` ([`Stamp::oldest`] for a computer's own file,
    /// [`Stamp::before_stamps`] with the file's time for `routine.json` of an older
    /// version).
    pub fn read(file: &RoutineFile, changes: &Changes, unstamped: &Stamp) -> Self {
        let mut fields = BTreeMap::new();
        let stamp_of = |field: &Field| changes.fields.get(&field.name()).unwrap_or(unstamped).clone();
        for (field, value) in values(file) {
            let value = match (&field, &changes.order) {
                (Field::Order, Some(order)) => Value::from(order.clone()),
                _ => value,
            };
            fields.insert(field.clone(), Entry { stamp: stamp_of(&field), value: Some(value) });
        }
        for (name, stamp) in &changes.fields {
            if let Some(field) = Field::parse(name).filter(Field::may_be_absent)
                && !fields.contains_key(&field)
            {
                fields.insert(field, Entry { stamp: stamp.clone(), value: None });
            }
        }
        Self { fields }
    }

    /// A copy of `file` as a version before stamps saved it, at `saved`.
    pub fn before_stamps(file: &RoutineFile, saved: DateTime<Utc>) -> Self {
        Self::read(file, &Changes::default(), &Stamp::before_stamps(saved))
    }

    /// The merge of `copies`: per field, the winning change (see the module doc).
    /// No copies give the empty copy, whose file is the default one.
    pub fn merge<'a>(copies: impl IntoIterator<Item = &'a RoutineCopy>) -> RoutineCopy {
        let mut fields: BTreeMap<Field, Entry> = BTreeMap::new();
        for copy in copies {
            for (field, entry) in &copy.fields {
                match fields.get_mut(field) {
                    Some(current) if !entry.beats(current) => {}
                    Some(current) => current.clone_from(entry),
                    None => {
                        fields.insert(field.clone(), entry.clone());
                    }
                }
            }
        }
        RoutineCopy { fields }
    }

    /// This copy after a change made here that turned its file into `new`: each field
    /// that differs is stamped with the later of `now` (to the millisecond) and its
    /// previous stamp + 1 ms, by `device`.
    pub fn changed(&self, new: &RoutineFile, now: &DateTime<FixedOffset>, device: &str) -> RoutineCopy {
        let now = now.with_timezone(&Utc).trunc_subsecs(3);
        let stamp = |old: Option<&Entry>| {
            let next = old.map(|entry| entry.stamp.at.checked_add_signed(TimeDelta::milliseconds(1)));
            Stamp::change(next.flatten().map_or(now, |next| next.max(now)), device)
        };
        let before = values(&self.file());
        let after = values(new);
        let mut changed = self.clone();
        let names: BTreeSet<&Field> = before.keys().chain(after.keys()).filter(|f| **f != Field::Order).collect();
        for field in names {
            let value = after.get(field).cloned();
            if before.get(field) != value.as_ref() {
                let entry = Entry { stamp: stamp(self.fields.get(field)), value };
                changed.fields.insert(field.clone(), entry);
            }
        }
        // The order counts as changed only when the steps now are not where the order
        // already kept would put them (a step added at the end, one removed: not a reorder).
        let ids: Vec<&str> = new.routine.steps.iter().map(|step| step.id.as_str()).collect();
        let shown = changed.file();
        if !shown.routine.steps.iter().map(|step| step.id.as_str()).eq(ids.iter().copied()) {
            let entry = Entry { stamp: stamp(self.fields.get(&Field::Order)), value: Some(Value::from(ids)) };
            changed.fields.insert(Field::Order, entry);
        }
        changed
    }

    /// The routine file this copy shows.
    pub fn file(&self) -> RoutineFile {
        let mut file = RoutineFile::default();
        if let Some(night) = self.parsed(&Field::EveryDay) {
            file.schedule.every_day = night;
        }
        for day in Day::ALL {
            if let Some(night) = self.parsed(&Field::Weekday(day)) {
                file.schedule.weekdays.insert(day, night);
            }
        }
        file.schedule.weekdays_off = self.value(&Field::WeekdaysOff).and_then(Value::as_bool).unwrap_or(false);
        file.since = self.parsed(&Field::Since);
        let settings: Map<String, Value> = self
            .present()
            .filter_map(|(field, value)| match field {
                Field::Setting(name) => Some((name.clone(), value.clone())),
                _ => None,
            })
            .collect();
        file.settings = settings_from(settings);
        file.routine.steps = self.steps();
        file.extra = self.extra();
        file
    }

    /// What to store beside [`RoutineCopy::file`] so that [`RoutineCopy::read`] with
    /// [`Stamp::oldest`] gives this copy back (less what the file leaves out, see the
    /// module doc).
    pub fn changes(&self) -> Changes {
        let file = self.file();
        let shown_steps: BTreeSet<&str> = file.routine.steps.iter().map(|step| step.id.as_str()).collect();
        let shown = |field: &Field, value: &Option<Value>| match field {
            _ if value.is_none() => true,
            Field::Step(id) => shown_steps.contains(id.as_str()),
            Field::Extra(name) => file.extra.contains_key(name),
            _ => true,
        };
        let fields = self
            .fields
            .iter()
            .filter(|(field, entry)| entry.stamp != Stamp::oldest() && shown(field, &entry.value))
            .map(|(field, entry)| (field.name(), entry.stamp.clone()))
            .collect();
        let ids: Vec<String> = file.routine.steps.iter().map(|step| step.id.clone()).collect();
        let order = self.order().filter(|order| *order != ids);
        Changes { fields, order }
    }

    /// The stamp of the field called `name` (`settings.theme`, `step.warm-bath`, …), if
    /// the copy has it.
    pub fn stamp(&self, name: &str) -> Option<&Stamp> {
        self.fields.get(&Field::parse(name)?).map(|entry| &entry.stamp)
    }

    /// The latest change stamped by a computer, if any: when this copy last changed.
    pub fn latest(&self) -> Option<&Stamp> {
        self.fields.values().map(|entry| &entry.stamp).filter(|stamp| stamp.by.is_some()).max()
    }

    fn value(&self, field: &Field) -> Option<&Value> {
        self.fields.get(field).and_then(|entry| entry.value.as_ref())
    }

    fn parsed<T: DeserializeOwned>(&self, field: &Field) -> Option<T> {
        self.value(field).and_then(|value| T::deserialize(value).ok())
    }

    fn present(&self) -> impl Iterator<Item = (&Field, &Value)> {
        self.fields.iter().filter_map(|(field, entry)| Some((field, entry.value.as_ref()?)))
    }

    fn order(&self) -> Option<Vec<String>> {
        self.parsed(&Field::Order)
    }

    /// The steps present, in the order last set, then those it does not name (oldest
    /// change first), at most [`MAX_STEPS`].
    fn steps(&self) -> Vec<Step> {
        let mut present: BTreeMap<&str, (Step, &Stamp)> = BTreeMap::new();
        for (field, entry) in &self.fields {
            if let Field::Step(id) = field
                && let Some(step) = entry.value.as_ref().and_then(|value| Step::deserialize(value).ok())
                && step.id == *id
            {
                present.insert(id.as_str(), (step, &entry.stamp));
            }
        }
        let mut steps = Vec::with_capacity(present.len());
        for id in self.order().unwrap_or_default() {
            if let Some((step, _)) = present.remove(id.as_str()) {
                steps.push(step);
            }
        }
        let mut rest: Vec<(Step, &Stamp)> = present.into_values().collect();
        rest.sort_by(|(a, a_stamp), (b, b_stamp)| a_stamp.cmp(b_stamp).then(a.id.cmp(&b.id)));
        steps.extend(rest.into_iter().map(|(step, _)| step));
        steps.truncate(MAX_STEPS);
        steps
    }

    /// The unknown top-level fields, in name order while they fit in
    /// [`MAX_UNKNOWN_BYTES`].
    fn extra(&self) -> Extra {
        let mut extra = Extra::new();
        let mut bytes = 0;
        for (field, value) in self.present() {
            if let Field::Extra(name) = field {
                // Each field alone, as `{"name":value}`: together they are never larger.
                let size = Unknown::of(&Extra::from_iter([(name.clone(), value.clone())])).bytes;
                if bytes + size <= MAX_UNKNOWN_BYTES {
                    bytes += size;
                    extra.insert(name.clone(), value.clone());
                }
            }
        }
        extra
    }
}

/// Settings from their fields; a value that does not fit its setting (only in a
/// hand-edited file) leaves that setting at its default.
fn settings_from(fields: Map<String, Value>) -> super::Settings {
    if let Ok(settings) = serde_json::from_value(Value::Object(fields.clone())) {
        return settings;
    }
    let mut kept = Map::new();
    for (name, value) in fields {
        kept.insert(name.clone(), value);
        if serde_json::from_value::<super::Settings>(Value::Object(kept.clone())).is_err() {
            kept.remove(&name);
        }
    }
    serde_json::from_value(Value::Object(kept)).unwrap_or_default()
}

/// The fields `file` has a value for (see the module doc).
fn values(file: &RoutineFile) -> BTreeMap<Field, Value> {
    // Serializing these types cannot fail: every map in them has string keys.
    fn json(value: &impl Serialize) -> Value {
        serde_json::to_value(value).unwrap_or(Value::Null)
    }
    let mut values = BTreeMap::new();
    let schedule = &file.schedule;
    values.insert(Field::EveryDay, json(&schedule.every_day));
    for (day, night) in &schedule.weekdays {
        values.insert(Field::Weekday(*day), json(night));
    }
    values.insert(Field::WeekdaysOff, Value::Bool(schedule.weekdays_off));
    if let Some(since) = &file.since {
        values.insert(Field::Since, json(since));
    }
    if let Value::Object(settings) = json(&file.settings) {
        values.extend(settings.into_iter().map(|(name, value)| (Field::Setting(name), value)));
    }
    for step in file.routine.steps.iter().rev() {
        // Reversed, so that of two steps with one id (never in a valid file) the first stays.
        values.insert(Field::Step(step.id.clone()), json(step));
    }
    let ids: Vec<&str> = file.routine.steps.iter().map(|step| step.id.as_str()).collect();
    values.insert(Field::Order, Value::from(ids));
    values.extend(file.extra.iter().map(|(name, value)| (Field::Extra(name.clone()), value.clone())));
    values
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::catalog::CATALOG;
    use crate::model::routine::Anchor;
    use crate::model::settings::Theme;
    use crate::model::time::clock;
    use crate::model::validate;
    use proptest::prelude::*;

    const A: &str = "0000000000000aaa";
    const B: &str = "0000000000000bbb";

    fn at(text: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(text).unwrap()
    }

    fn utc(text: &str) -> DateTime<Utc> {
        at(text).with_timezone(&Utc)
    }

    /// Both computers start from the routine.json an older version saved.
    fn start() -> (RoutineFile, RoutineCopy) {
        let file = RoutineFile::default();
        let copy = RoutineCopy::before_stamps(&file, utc("2026-12-01T20:00:00Z"));
        (file, copy)
    }

    fn edit(copy: &RoutineCopy, when: &str, device: &str, change: impl FnOnce(&mut RoutineFile)) -> RoutineCopy {
        let mut file = copy.file();
        change(&mut file);
        let changed = copy.changed(&file, &at(when), device);
        assert_eq!(changed.file(), file, "a change shows what it saved");
        changed
    }

    fn ids(file: &RoutineFile) -> Vec<&str> {
        file.routine.steps.iter().map(|step| step.id.as_str()).collect()
    }

    #[test]
    fn changes_to_different_fields_are_both_kept() {
        let (_, base) = start();
        let a = edit(&base, "2026-12-06T21:00:00Z", A, |f| f.settings.theme = Theme::Dark);
        let b = edit(&base, "2026-12-06T20:00:00Z", B, |f| {
            f.schedule.set(Some(clock(23, 0)), None, &[Day::Sat]).unwrap();
        });
        let merged = RoutineCopy::merge([&a, &b]).file();
        assert_eq!(merged.settings.theme, Theme::Dark);
        assert_eq!(merged.schedule.night(Day::Sat).bedtime, clock(23, 0));
        assert_eq!(merged, RoutineCopy::merge([&b, &a]).file());
    }

    #[test]
    fn the_later_change_of_one_field_wins_and_a_tie_goes_to_the_smaller_device() {
        let (_, base) = start();
        let a = edit(&base, "2026-12-06T21:00:00Z", A, |f| f.settings.grace_minutes = 5);
        let b = edit(&base, "2026-12-06T21:00:01Z", B, |f| f.settings.grace_minutes = 30);
        assert_eq!(RoutineCopy::merge([&a, &b]).file().settings.grace_minutes, 30);
        let b = edit(&base, "2026-12-06T21:00:00Z", B, |f| f.settings.grace_minutes = 30);
        assert_eq!(RoutineCopy::merge([&a, &b]).file().settings.grace_minutes, 5, "A's id is smaller");
        assert_eq!(RoutineCopy::merge([&b, &a]).file().settings.grace_minutes, 5);
        // Whatever the clock says, a change made after seeing a value wins over it.
        let ahead = edit(&base, "2026-12-06T22:00:00Z", B, |f| f.settings.grace_minutes = 45);
        let seen = RoutineCopy::merge([&a, &ahead]);
        let after = edit(&seen, "2026-12-06T21:30:00Z", A, |f| f.settings.grace_minutes = 20);
        assert_eq!(after.stamp("settings.grace_minutes"), Some(&Stamp::change(utc("2026-12-06T22:00:00.001Z"), A)));
        assert_eq!(RoutineCopy::merge([&after, &ahead]).file().settings.grace_minutes, 20);
    }

    #[test]
    fn a_clock_an_hour_ahead_wins_changes_made_within_that_hour() {
        let (_, base) = start();
        // A's clock says 22:00 when it is 21:00; B changes the same setting at 21:30.
        let a = edit(&base, "2026-12-06T22:00:00Z", A, |f| f.settings.snooze_minutes = 5);
        let b = edit(&base, "2026-12-06T21:30:00Z", B, |f| f.settings.snooze_minutes = 15);
        assert_eq!(RoutineCopy::merge([&a, &b]).file().settings.snooze_minutes, 5);
        // Another field B changed is kept all the same.
        let b = edit(&b, "2026-12-06T21:31:00Z", B, |f| f.settings.reminders = false);
        let merged = RoutineCopy::merge([&a, &b]).file();
        assert_eq!((merged.settings.snooze_minutes, merged.settings.reminders), (5, false));
    }

    fn custom(id: &str) -> Step {
        Step::custom(id.into(), id.into(), Anchor::BeforeBedtime { minutes: 30 })
    }

    #[test]
    fn steps_added_on_each_side_are_both_kept_after_the_order() {
        let (file, base) = start();
        let a = edit(&base, "2026-12-06T21:00:00Z", A, |f| f.routine.steps.push(custom("tea")));
        let b = edit(&base, "2026-12-06T20:00:00Z", B, |f| f.routine.steps.push(custom("stretch")));
        let merged = RoutineCopy::merge([&a, &b]).file();
        let mut expected = ids(&file);
        expected.extend(["stretch", "tea"]);
        assert_eq!(ids(&merged), expected, "the catalog's order, then the older addition first");
        assert!(a.stamp("order") == base.stamp("order"), "adding at the end is not a reorder");
        // A reorder on one side and an addition on the other: both.
        let b = edit(&base, "2026-12-06T20:00:00Z", B, |f| f.routine.move_step(0, 3));
        let merged = RoutineCopy::merge([&a, &b]).file();
        assert_eq!(merged.routine.steps[3].id, file.routine.steps[0].id);
        assert_eq!(merged.routine.steps.last().unwrap().id, "tea");
        assert_eq!(merged.routine.steps.len(), file.routine.steps.len() + 1);
    }

    #[test]
    fn a_removed_step_stays_removed_until_put_back() {
        let (_, base) = start();
        let with_tea = edit(&base, "2026-12-06T20:00:00Z", A, |f| f.routine.steps.push(custom("tea")));
        let removed = edit(&with_tea, "2026-12-06T21:00:00Z", A, |f| f.routine.steps.retain(|s| s.id != "tea"));
        assert_eq!(removed.stamp("step.tea"), Some(&Stamp::change(utc("2026-12-06T21:00:00Z"), A)));
        // B still has the step, and changed it before the removal: it stays removed.
        let b = edit(&with_tea, "2026-12-06T20:30:00Z", B, |f| f.routine.get_mut("tea").unwrap().remind = true);
        let merged = RoutineCopy::merge([&removed, &b]);
        assert!(merged.file().routine.get("tea").is_none());
        // Kept through the file: the removal is written down with its date.
        let changes = merged.changes();
        assert!(changes.fields.contains_key("step.tea"));
        let reread = RoutineCopy::read(&merged.file(), &changes, &Stamp::oldest());
        assert!(RoutineCopy::merge([&reread, &b]).file().routine.get("tea").is_none());
        // Undo puts it back, later: that wins.
        let back = edit(&merged, "2026-12-06T21:05:00Z", B, |f| f.routine.steps.push(custom("tea")));
        assert!(RoutineCopy::merge([&removed, &back, &b]).file().routine.get("tea").is_some());
    }

    #[test]
    fn files_of_older_versions_lose_to_stamped_changes_and_the_later_file_wins_among_them() {
        let (file, base) = start();
        let a = edit(&base, "2026-12-02T08:00:00Z", A, |f| f.settings.theme = Theme::Light);
        let mut old = file.clone();
        old.settings.theme = Theme::Dark;
        old.settings.grace_minutes = 40;
        let legacy = RoutineCopy::before_stamps(&old, utc("2026-12-05T08:00:00Z"));
        let merged = RoutineCopy::merge([&a, &legacy]).file();
        assert_eq!(merged.settings.theme, Theme::Light, "a stamped change beats an older version's save");
        assert_eq!(merged.settings.grace_minutes, 40, "what the older version changed alone is kept");
        let mut older = file;
        older.settings.grace_minutes = 50;
        let copy = RoutineCopy::before_stamps(&older, utc("2026-12-04T08:00:00Z"));
        assert_eq!(RoutineCopy::merge([&copy, &a, &legacy]).file().settings.grace_minutes, 40);
    }

    #[test]
    fn a_copy_reads_back_from_its_file_and_changes() {
        let (_, base) = start();
        let a = edit(&base, "2026-12-06T21:00:00Z", A, |f| {
            f.routine.steps.push(custom("tea"));
            f.routine.move_step(0, 2);
            f.extra.insert("future".into(), Value::Null);
            f.settings.extra.insert("volume".into(), Value::from(3));
        });
        let b = edit(&base, "2026-12-06T20:00:00Z", B, |f| {
            f.routine.steps.push(custom("stretch"));
            f.routine.steps.remove(1);
        });
        let merged = RoutineCopy::merge([&a, &b]);
        let changes = merged.changes();
        assert!(changes.order.is_some(), "the order last set names a step removed since");
        let json = serde_json::to_string(&changes).unwrap();
        let changes: Changes = serde_json::from_str(&json).unwrap();
        assert_eq!(RoutineCopy::read(&merged.file(), &changes, &Stamp::oldest()), merged);
        assert_eq!(merged.file().extra.get("future"), Some(&Value::Null));
        assert_eq!(merged.file().settings.extra.get("volume"), Some(&Value::from(3)));
        assert!(json.contains(r#""step.tea":{"at":"2026-12-06T21:00:00Z","by":"0000000000000aaa"}"#), "{json}");
    }

    #[test]
    fn a_merge_too_long_for_one_routine_keeps_the_first_hundred_steps() {
        let (_, base) = start();
        let fill = |prefix: &'static str, device| {
            edit(&base, "2026-12-06T21:00:00Z", device, move |f| {
                f.routine.steps = (0..MAX_STEPS).map(|n| custom(&format!("{prefix}-{n}"))).collect();
            })
        };
        let merged = RoutineCopy::merge([&fill("a", A), &fill("b", B)]);
        let file = merged.file();
        assert_eq!(file.routine.steps.len(), MAX_STEPS);
        assert_eq!(validate::routine_file(&file, &at("2026-12-06T21:00:00Z")), Ok(()));
        assert!(merged.changes().fields.keys().filter(|name| name.starts_with("step.")).count() <= 2 * MAX_STEPS);
    }

    #[test]
    fn unknown_field_names_in_changes_are_ignored() {
        let (file, _) = start();
        let mut changes = Changes::default();
        for name in ["", ".", "step.", "schedule.xyz", "newer.thing", "order", "schedule", "settings.theme"] {
            changes.fields.insert(name.into(), Stamp::change(utc("2026-12-06T21:00:00Z"), A));
        }
        let copy = RoutineCopy::read(&file, &changes, &Stamp::oldest());
        assert_eq!(copy.file(), RoutineCopy::read(&file, &Changes::default(), &Stamp::oldest()).file());
        assert_eq!(copy.file().routine, file.routine);
    }

    // Property tests: copies built from valid routine files, with stamps from a small set
    // of instants and devices so that ties happen, and removals of steps either side has.

    fn now() -> DateTime<FixedOffset> {
        at("2026-12-06T21:00:00+01:00")
    }

    const POOL: usize = 8;

    fn pool_step(index: usize, remind: bool) -> Step {
        let mut step = match CATALOG.get(index * 3) {
            Some(entry) if index.is_multiple_of(2) => Step::from_catalog(entry),
            _ => custom(&format!("custom-{index}")),
        };
        step.remind = remind;
        step
    }

    fn any_file() -> impl Strategy<Value = RoutineFile> {
        (
            proptest::collection::vec((0..POOL, any::<bool>()), 0..POOL),
            0u32..24,
            proptest::collection::btree_map(0usize..7, 0u32..23, 0..3),
            any::<bool>(),
            0u32..3,
            proptest::option::of(0i64..3),
            proptest::option::of(0u32..3),
        )
            .prop_map(|(steps, bedtime, weekdays, off, grace, since, extra)| {
                let mut file = RoutineFile::default();
                file.routine.steps.clear();
                for (index, remind) in steps {
                    if file.routine.get(&pool_step(index, remind).id).is_none() {
                        file.routine.steps.push(pool_step(index, remind));
                    }
                }
                file.schedule.every_day.bedtime = clock(bedtime, 0);
                file.schedule.every_day.wake = clock((bedtime + 9) % 24, 0);
                for (day, hour) in weekdays {
                    let night = crate::model::Night::new(clock(hour, 30), clock(7, 0));
                    file.schedule.weekdays.insert(Day::ALL[day], night);
                }
                file.schedule.weekdays_off = off;
                file.settings.grace_minutes = grace;
                file.since = since.map(|days| now() - TimeDelta::days(days));
                if let Some(n) = extra {
                    file.extra.insert(format!("x{n}"), Value::from(n));
                }
                file
            })
    }

    fn any_stamp() -> impl Strategy<Value = Stamp> {
        (0i64..4, 0usize..4).prop_map(|(minute, device)| {
            let at = utc("2026-12-06T20:00:00Z") + TimeDelta::minutes(minute);
            match device {
                0 => Stamp::before_stamps(at),
                n => Stamp::change(at, &format!("{n:016x}")),
            }
        })
    }

    fn field_names() -> impl Strategy<Value = String> {
        prop_oneof![
            (0..POOL).prop_map(|index| format!("step.{}", pool_step(index, false).id)),
            Just("order".to_owned()),
            Just("schedule".to_owned()),
            (0usize..7).prop_map(|day| format!("schedule.{}", Day::ALL[day].key())),
            Just("schedule.weekdays_off".to_owned()),
            Just("settings.grace_minutes".to_owned()),
            Just("since".to_owned()),
            (0u32..3).prop_map(|n| format!("extra.x{n}")),
        ]
    }

    fn any_copy() -> impl Strategy<Value = RoutineCopy> {
        (
            any_file(),
            proptest::collection::btree_map(field_names(), any_stamp(), 0..12),
            proptest::option::of(proptest::collection::vec((0..POOL).prop_map(|i| pool_step(i, false).id), 0..POOL)),
            any_stamp(),
        )
            .prop_map(|(file, fields, order, unstamped)| {
                RoutineCopy::read(&file, &Changes { fields, order }, &unstamped)
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]

        #[test]
        fn merging_is_commutative_associative_and_idempotent(a in any_copy(), b in any_copy(), c in any_copy()) {
            let ab = RoutineCopy::merge([&a, &b]);
            prop_assert_eq!(&ab, &RoutineCopy::merge([&b, &a]));
            let left = RoutineCopy::merge([&ab, &c]);
            let right = RoutineCopy::merge([&a, &RoutineCopy::merge([&b, &c])]);
            prop_assert_eq!(&left, &right);
            prop_assert_eq!(&left, &RoutineCopy::merge([&a, &b, &c]));
            prop_assert_eq!(&RoutineCopy::merge([&a, &a]), &a);
            prop_assert_eq!(&RoutineCopy::merge([&ab, &a]), &ab);
        }

        #[test]
        fn a_merge_of_valid_copies_is_valid_and_reads_back(a in any_copy(), b in any_copy(), c in any_copy()) {
            for copy in [&a, &b, &c] {
                prop_assert_eq!(validate::routine_file(&copy.file(), &now()), Ok(()));
            }
            let merged = RoutineCopy::merge([&a, &b, &c]);
            let file = merged.file();
            prop_assert_eq!(validate::routine_file(&file, &now()), Ok(()));
            let reread = RoutineCopy::read(&file, &merged.changes(), &Stamp::oldest());
            prop_assert_eq!(&reread.file(), &file);
            // Through the file, the merge with anything else comes out the same.
            prop_assert_eq!(RoutineCopy::merge([&reread, &a]).file(), RoutineCopy::merge([&merged, &a]).file());
        }

        #[test]
        fn a_change_shows_what_was_saved_and_wins(copy in any_copy(), other in any_copy(), new in any_file(), late in any::<bool>()) {
            let when = if late { now() + TimeDelta::days(1) } else { now() - TimeDelta::days(1) };
            let changed = copy.changed(&new, &when, "0000000000000001");
            prop_assert_eq!(&changed.file(), &new);
            // Every field it changed wins over the copy it was made on.
            prop_assert_eq!(&RoutineCopy::merge([&copy, &changed]).file(), &new);
            let _ = RoutineCopy::merge([&changed, &other]).file();
        }

        #[test]
        fn any_changes_never_panic(
            file in any_file(),
            names in proptest::collection::btree_map(".{0,12}", any_stamp(), 0..8),
            order in proptest::option::of(proptest::collection::vec(".{0,6}", 0..6)),
        ) {
            let copy = RoutineCopy::read(&file, &Changes { fields: names, order }, &Stamp::oldest());
            let merged = RoutineCopy::merge([&copy, &RoutineCopy::before_stamps(&file, DateTime::<Utc>::MAX_UTC)]);
            let _ = (merged.file(), merged.changes(), merged.latest());
        }
    }
}
