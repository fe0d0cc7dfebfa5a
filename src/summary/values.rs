//! The cells of the night-by-night table, shared by the HTML page and the CSV file so
//! both say the same thing in the same words.

use super::{NightRow, Summary};
use crate::i18n::{self, signs, t};
use crate::model::warnings::Warning;
use crate::model::{Jerks, NightLog, Stress};
use crate::tr;

/// One cell: its text, and whether it records one of the signs the article asks a doctor
/// to see (printed in bold).
pub(super) struct Cell {
    pub text: String,
    pub flag: bool,
}

impl Cell {
    fn plain(text: String) -> Self {
        Self { text, flag: false }
    }
}

/// The columns after the night itself, in order; the last is the notes.
pub(super) fn night_headers() -> Vec<String> {
    vec![
        t("summary-col-night"),
        t("summary-col-falling-asleep"),
        t("summary-col-woke"),
        t("summary-col-all-night"),
        t("summary-col-daytime"),
        t("summary-col-restless"),
        t("summary-col-partner"),
        t("summary-col-paralysis"),
        t("summary-col-rested"),
        t("summary-col-stress"),
        t("summary-col-notes"),
    ]
}

pub(super) fn jerks(jerks: Jerks) -> String {
    let key = match jerks {
        Jerks::None => "none",
        Jerks::Few => "few",
        Jerks::Many => "many",
    };
    tr!("summary-jerks", jerks = key)
}

pub(super) fn stress(stress: Stress) -> String {
    let key = match stress {
        Stress::Low => "low",
        Stress::Moderate => "some",
        Stress::High => "high",
    };
    tr!("summary-stress", stress = key)
}

fn yes_no(value: bool, sign: bool) -> Cell {
    if value { Cell { text: t("summary-yes"), flag: sign } } else { Cell::plain(t("summary-no")) }
}

/// The cells of one night, as [`night_headers`] orders them.
pub(super) fn night_cells(night: &NightRow) -> Vec<Cell> {
    let date = Cell::plain(i18n::short_date(night.evening));
    let Some(log) = &night.log else {
        let mut cells = vec![date, Cell::plain(t("summary-not-logged"))];
        cells.extend((2..night_headers().len()).map(|_| Cell::plain(String::new())));
        return cells;
    };
    let NightLog { falling_asleep, woke_from_jolt, twitch_all_night, twitch_daytime, .. } = log;
    vec![
        date,
        Cell { text: falling_asleep.map(jerks).unwrap_or_default(), flag: false },
        yes_no(*woke_from_jolt, false),
        yes_no(*twitch_all_night, true),
        yes_no(*twitch_daytime, true),
        yes_no(log.restless_legs, true),
        yes_no(log.partner_saw_movements, true),
        yes_no(log.sleep_paralysis, true),
        Cell::plain(log.rested_score().map(|score| score.to_string()).unwrap_or_default()),
        Cell::plain(log.stress.map(stress).unwrap_or_default()),
        Cell::plain(log.note.clone()),
    ]
}

/// "25 min after the planned bedtime", "at the planned bedtime".
pub(super) fn offset(minutes: f64) -> String {
    let rounded = minutes.round() as i64;
    match rounded {
        0 => t("summary-offset-on-time"),
        m if m > 0 => tr!("summary-offset-after", duration = i18n::duration(m)),
        m => tr!("summary-offset-before", duration = i18n::duration(-m)),
    }
}

/// A warning's words for a doctor: its title, what was logged on which nights (in the
/// third person, with the earlier nights), how rested those nights were (all night only),
/// and why the article says it matters.
pub(super) struct WarningText {
    pub title: String,
    pub seen: String,
    pub rested: Option<String>,
    pub why: String,
}

pub(super) fn warning_text(warning: &Warning) -> WarningText {
    WarningText {
        title: signs::warning_title(warning.kind),
        seen: signs::summary_seen(warning),
        rested: signs::summary_rested(warning),
        why: signs::warning_why(warning.kind),
    }
}

/// The sentence saying over which nights the signs were judged, when that is longer than
/// the summary's span.
pub(super) fn judged_period(summary: &Summary) -> Option<String> {
    summary.judged_beyond_span().then(|| {
        tr!(
            "summary-signs-judged",
            from = i18n::span_date(summary.findings.from),
            to = i18n::span_date(summary.findings.to)
        )
    })
}

/// The sentence when no sign at all was logged in the period judged: that none was (or
/// that no night was logged at all); `None` when one was.
pub(super) fn nothing_logged(summary: &Summary) -> Option<String> {
    let found = &summary.findings;
    match (found.nothing_logged(), found.logged_nights) {
        (false, _) => None,
        (true, 0) => Some(t("summary-signs-no-nights")),
        (true, _) => Some(t("summary-signs-none")),
    }
}
