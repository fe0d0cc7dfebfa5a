//! The words of the night log's findings: warning cards, the article's reassurance, and
//! "what helps", shared by the window, the doctor summary and the command line.
//!
//! Calm and plain on purpose: each card says what was logged (the nights), why the article
//! says it matters, and that a doctor should look, never what it "is".

use chrono::NaiveDate;

use super::format::short_date;
use crate::model::warnings::WarningKind;
use crate::tr;

fn key(kind: WarningKind) -> &'static str {
    match kind {
        WarningKind::AllNight => "all-night",
        WarningKind::DaytimeConsecutive => "daytime",
        WarningKind::RestlessLegs => "restless-legs",
        WarningKind::PartnerMovements => "partner",
        WarningKind::SleepParalysis => "paralysis",
    }
}

/// "Twitching through the night, on several nights".
pub fn warning_title(kind: WarningKind) -> String {
    tr!("warning-title", kind = key(kind))
}

/// Why the article says this pattern matters.
pub fn warning_why(kind: WarningKind) -> String {
    tr!("warning-why", kind = key(kind))
}

/// "Thu 19 Nov, Sat 21 Nov, Mon 23 Nov": the nights, by the evening they followed.
pub fn night_list(nights: &[NaiveDate]) -> String {
    nights.iter().map(|evening| short_date(*evening)).collect::<Vec<_>>().join(", ")
}

/// "You logged this for the nights after Thu 19 Nov, Sat 21 Nov."
pub fn warning_seen(nights: &[NaiveDate]) -> String {
    tr!("warning-seen", nights = night_list(nights), count = nights.len())
}

/// Not a diagnosis; a doctor, for example a neurologist, should look.
pub fn warning_doctor() -> String {
    tr!("warning-doctor")
}

/// The article's reassurance when only falling-asleep jerks were logged.
pub fn reassurance() -> String {
    tr!("night-reassurance")
}
