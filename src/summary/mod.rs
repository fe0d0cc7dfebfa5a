//! The doctor summary: the last two to four weeks of night logs, the warning signs with
//! their nights, routine adherence and bedtime consistency, for a visit.
//!
//! Why it exists: a doctor has a few minutes; a page that lists what was logged night by
//! night, and which of the article's signs recurred on which nights, says more than a
//! memory of "some bad nights". It states what was recorded and never names a disease.
//!
//! Pure: [`gather`] collects the figures from the files' contents and a date, and
//! [`render`] turns them into one self-contained HTML page (inline CSS with a print
//! stylesheet, no script, no network) or CSV, in a given language. Writing the result is
//! the store's job ([`crate::store::Store::write_user_file`]).

mod csv;
mod html;

/// Text made safe for HTML and XML (the summary page, Windows toasts).
pub use html::escape as escape_markup;
mod values;

pub use csv::spreadsheet_safe;

use chrono::{DateTime, FixedOffset, NaiveDate, TimeDelta, TimeZone};

use crate::i18n::{self, Language};
use crate::model::stats::{self, BedtimeWeek};
use crate::model::warnings::{self, Findings};
use crate::model::{Journal, NightLog, RoutineFile};

/// The summary covers this many weeks at least and at most: two weeks show a pattern, and
/// more than four make a page a doctor will not read in a visit.
pub const MIN_WEEKS: u8 = 2;
pub const MAX_WEEKS: u8 = 4;
pub const DEFAULT_WEEKS: u8 = 4;

/// The two shapes a summary comes in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// One printable page, for the visit.
    #[default]
    Html,
    /// One row per night, for a spreadsheet.
    Csv,
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::Html => "html",
            Format::Csv => "csv",
        }
    }
}

/// One night of the period: the evening it followed and its log, if any.
#[derive(Debug, Clone, PartialEq)]
pub struct NightRow {
    pub evening: NaiveDate,
    pub log: Option<NightLog>,
}

/// A step's adherence over the period.
#[derive(Debug, Clone, PartialEq)]
pub struct StepRow {
    pub id: String,
    /// The user's own title, when they gave one (else the catalog's, in the page's language).
    pub custom_title: Option<String>,
    pub done: usize,
    pub planned: usize,
}

impl StepRow {
    pub fn title(&self) -> String {
        self.custom_title.clone().unwrap_or_else(|| i18n::catalog_title(&self.id))
    }
}

/// Everything the summary shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    /// The first and last evening of the period (each night follows its evening).
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub weeks: u8,
    /// When the summary was made, as the user's clock said.
    pub made: DateTime<FixedOffset>,
    /// Every night of the period, oldest first, logged or not.
    pub nights: Vec<NightRow>,
    /// The warning signs, those below a card's threshold and the rest, judged over the
    /// four weeks ending on the last evening whatever span is printed (the window's and
    /// `night`'s period): a two-week summary must not miss a sign that needs four.
    pub findings: Findings,
    /// Evenings with any check-in, of the period's evenings.
    pub tracked_evenings: usize,
    pub steps: Vec<StepRow>,
    pub bedtime: Vec<BedtimeWeek>,
}

impl Summary {
    /// Whether the signs were judged over a longer period than the one printed.
    pub fn judged_beyond_span(&self) -> bool {
        self.findings.from < self.from
    }

    pub fn logged_nights(&self) -> usize {
        self.nights.iter().filter(|night| night.log.is_some()).count()
    }

    /// Logged nights for which `noticed` holds.
    pub fn count(&self, noticed: impl Fn(&NightLog) -> bool) -> usize {
        self.nights.iter().filter_map(|night| night.log.as_ref()).filter(|log| noticed(log)).count()
    }

    /// The mean "how rested" score and how many nights it is over.
    pub fn mean_rested(&self) -> Option<(f64, usize)> {
        let scores: Vec<u8> = self.nights.iter().filter_map(|n| n.log.as_ref()?.rested_score()).collect();
        (!scores.is_empty())
            .then(|| (scores.iter().map(|s| f64::from(*s)).sum::<f64>() / scores.len() as f64, scores.len()))
    }
}

/// The summary of the `weeks` weeks (clamped to [`MIN_WEEKS`]..=[`MAX_WEEKS`]) whose last
/// night follows `last_evening`.
///
/// Bedtimes are read in `tz`, the user's zone (see [`stats::bedtime_weeks`]).
pub fn gather<Tz: TimeZone>(
    routine_file: &RoutineFile,
    journal: &Journal,
    last_evening: NaiveDate,
    weeks: u8,
    made: DateTime<FixedOffset>,
    tz: &Tz,
) -> Summary {
    let weeks = weeks.clamp(MIN_WEEKS, MAX_WEEKS);
    let days = u32::from(weeks) * 7;
    let from = last_evening.checked_sub_signed(TimeDelta::days(i64::from(days) - 1)).unwrap_or(last_evening);
    let nights = from
        .iter_days()
        .take_while(|date| *date <= last_evening)
        .map(|evening| NightRow { evening, log: journal.night(evening).cloned() })
        .collect();
    let findings = warnings::findings(journal, last_evening);
    let tracked_evenings = from
        .iter_days()
        .take_while(|date| *date <= last_evening)
        .filter(|date| stats::evening_figures(routine_file, journal, *date).is_tracked())
        .count();
    let steps = stats::adherence(routine_file, journal, last_evening, days)
        .into_iter()
        .map(|step| StepRow {
            custom_title: routine_file.routine.get(&step.id).and_then(|s| s.title.clone()),
            id: step.id,
            done: step.done,
            planned: step.planned,
        })
        .collect();
    let bedtime = stats::bedtime_weeks(routine_file, journal, from, last_evening, tz);
    Summary { from, to: last_evening, weeks, made, nights, findings, tracked_evenings, steps, bedtime }
}

/// The summary as a file's text, in `language`.
pub fn render(summary: &Summary, format: Format, language: Language) -> String {
    i18n::with_language(language, || match format {
        Format::Html => html::page(summary, language),
        Format::Csv => csv::table(summary),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Jerks, NightAnswer};

    fn date(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
    }

    #[test]
    fn the_period_counts_back_whole_weeks_and_weeks_are_clamped() {
        let mut journal = Journal::default();
        for (d, rested) in [(12, 2), (13, 4), (26, 5)] {
            let log = journal.evenings.entry(date(d)).or_default().night.get_or_insert_with(Default::default);
            log.answer(NightAnswer::FallingAsleep(Some(Jerks::Many)));
            log.answer(NightAnswer::Rested(Some(rested)));
        }
        let made = DateTime::parse_from_rfc3339("2026-11-27T07:00:00+01:00").unwrap();
        let two = gather(&RoutineFile::default(), &journal, date(26), 2, made, &chrono::Utc);
        assert_eq!((two.from, two.to, two.nights.len()), (date(13), date(26), 14));
        assert_eq!(two.logged_nights(), 2, "the 12th is before the period");
        assert_eq!(two.count(NightLog::jerky), 2);
        assert_eq!(two.mean_rested(), Some((4.5, 2)));
        assert_eq!(gather(&RoutineFile::default(), &journal, date(26), 9, made, &chrono::Utc).weeks, MAX_WEEKS);
        assert_eq!(gather(&RoutineFile::default(), &journal, date(26), 0, made, &chrono::Utc).nights.len(), 14);
        let empty = gather(&RoutineFile::default(), &Journal::default(), date(26), 4, made, &chrono::Utc);
        assert!(!empty.judged_beyond_span());
        assert_eq!((empty.logged_nights(), empty.mean_rested(), empty.tracked_evenings), (0, None, 0));
    }

    #[test]
    fn a_short_summary_judges_the_signs_over_four_weeks() {
        let mut journal = Journal::default();
        // Twitching through the night on the 1st and 20th: the 1st is before a two-week
        // summary's span but within the four weeks the signs are judged over.
        for d in [1, 20] {
            let log = journal.evenings.entry(date(d)).or_default().night.get_or_insert_with(Default::default);
            log.answer(NightAnswer::TwitchAllNight(true));
        }
        let made = DateTime::parse_from_rfc3339("2026-11-27T07:00:00+01:00").unwrap();
        let two = gather(&RoutineFile::default(), &journal, date(26), 2, made, &chrono::Utc);
        assert_eq!(two.from, date(13));
        assert!(two.judged_beyond_span());
        assert_eq!((two.findings.from, two.findings.to), (date(26) - TimeDelta::days(27), date(26)));
        assert_eq!(two.findings.cards.len(), 1);
        assert_eq!(two.findings.cards[0].nights, vec![date(1), date(20)]);
        assert_eq!(two.findings, warnings::findings(&journal, date(26)), "the window's and night's findings");
    }
}
