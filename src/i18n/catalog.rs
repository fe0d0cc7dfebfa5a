//! The step catalog and its advice in the current language.
//!
//! The model keeps ids and the user's own texts; the words come from `catalog.ftl`,
//! one message per kind of text with a selector on the step id (keys must be
//! literals). A title or "why" the user wrote is theirs and is shown as written.

use chrono::NaiveDate;

use crate::model::catalog::{self, HumidityLevel};
use crate::model::{Anchor, Hemisphere, PlannedStep, Step};
use crate::tr;

/// The catalog title of `id` ("Warm bath" / "Тёплая ванна"); an id not in the catalog
/// reads as itself.
pub fn catalog_title(id: &str) -> String {
    tr!("catalog-title", id = id)
}

/// The catalog's "why" of `id`: why the step helps and which part is the app's
/// default; empty for an id not in the catalog.
pub fn catalog_why(id: &str) -> String {
    why_at(id, true)
}

/// The catalog's "why" of `id`, saying that its time is the app's default only while
/// it is (`default_time`): a user who moved the step chose the time themselves.
fn why_at(id: &str, default_time: bool) -> String {
    let why = tr!("catalog-why", id = id);
    let note = if default_time { tr!("catalog-why-default-time", id = id) } else { String::new() };
    if note.is_empty() { why } else { format!("{why} {note}") }
}

/// Whether `anchor` is the time the catalog gives step `id`.
fn is_default_time(id: &str, anchor: &Anchor) -> bool {
    catalog::find(id).is_some_and(|entry| entry.anchor == *anchor)
}

/// What the article itself advises for catalog step `id`, in our own words; `None`
/// for an id not in the catalog.
pub fn catalog_from_article(id: &str) -> Option<String> {
    catalog::find(id).map(|_| tr!("catalog-from-article", id = id)).filter(|text| !text.is_empty())
}

/// "From the article: …" / "Из статьи: …": [`catalog_from_article`] as a line of its own.
pub fn from_article_line(advice: &str) -> String {
    tr!("catalog-from-article-line", advice = advice)
}

fn title_of(id: &str, custom: Option<&str>) -> String {
    custom.map_or_else(|| catalog_title(id), str::to_owned)
}

fn why_of(id: &str, custom: Option<&str>, anchor: &Anchor) -> String {
    match custom {
        Some(why) => why.to_owned(),
        None if catalog::find(id).is_some() => why_at(id, is_default_time(id, anchor)),
        None => String::new(),
    }
}

/// The title a user reads: their own if they set one, else the catalog's.
pub fn step_title(step: &Step) -> String {
    title_of(&step.id, step.title.as_deref())
}

/// The "why" a user reads: their own if they set one, else the catalog's (empty for a
/// custom step without one), which says the time is the app's default only while it is.
pub fn step_why(step: &Step) -> String {
    why_of(&step.id, step.why.as_deref(), &step.anchor)
}

/// The article's advice behind a catalog step; `None` for a custom step.
pub fn step_from_article(step: &Step) -> Option<String> {
    catalog_from_article(&step.id)
}

/// [`step_title`] of a step on an evening's timeline.
pub fn planned_title<Tz: chrono::TimeZone>(step: &PlannedStep<Tz>) -> String {
    title_of(&step.id, step.custom_title.as_deref())
}

/// [`step_why`] of a step on an evening's timeline.
pub fn planned_why<Tz: chrono::TimeZone>(step: &PlannedStep<Tz>) -> String {
    why_of(&step.id, step.custom_why.as_deref(), &step.anchor)
}

/// Advice for a humidity reading taken on the evening of `evening`; in the heating
/// season of `hemisphere` it names heating as the likely cause of dry air.
pub fn humidity_advice(percent: f64, evening: NaiveDate, hemisphere: Hemisphere) -> String {
    let shown = format!("{percent:.0}");
    match catalog::humidity_level(percent, evening, hemisphere) {
        HumidityLevel::Dry { heating: true } => tr!("humidity-dry-heating", percent = shown),
        HumidityLevel::Dry { heating: false } => tr!("humidity-dry", percent = shown),
        HumidityLevel::Humid => tr!("humidity-humid", percent = shown),
        HumidityLevel::Comfortable => tr!("humidity-comfortable", percent = shown),
    }
}
