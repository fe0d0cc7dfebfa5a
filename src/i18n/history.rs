//! The History screen's and `stats`' figures as words, in one place, so the window and
//! the command line say the same thing the same way (`history.ftl`).

use chrono::NaiveDate;

use super::format::{count_evenings, short_date};
use crate::model::stats::{BedtimeFigures, EveningFigures, Kept, Streaks};
use crate::tr;

/// A share as a whole percentage: "86 %".
pub fn percent(share: f64) -> String {
    tr!("history-percent", value = (share * 100.0).round() as i64)
}

/// Minutes from the planned bedtime in words: "12 min after the planned bedtime".
pub fn bedtime_offset(minutes: f64) -> String {
    let whole = minutes.round() as i64;
    match whole {
        0 => tr!("history-offset-on-time"),
        m if m > 0 => tr!("history-offset-after", minutes = m),
        m => tr!("history-offset-before", minutes = -m),
    }
}

/// The Bedtime card's figure and the line under it: "14 min" over "before bedtime on
/// average, …" (a signed "−14 min" over "after bedtime" read as a double negative).
pub fn bedtime_card(mean_offset_minutes: f64, spread_minutes: f64) -> (String, String) {
    let whole = mean_offset_minutes.round() as i64;
    let side = match whole {
        0 => "on-time",
        m if m > 0 => "after",
        _ => "before",
    };
    let figure = tr!("history-card-bedtime-figure", minutes = whole.abs());
    let detail = tr!("history-card-bedtime-detail", side = side, spread = spread_minutes.round() as i64);
    (figure, detail)
}

/// "On average 12 min after the planned bedtime, give or take 18 min (20 evenings)".
pub fn bedtime(figures: Option<&BedtimeFigures>) -> String {
    match figures {
        Some(figures) => tr!(
            "history-bedtime",
            offset = bedtime_offset(figures.mean_offset_minutes),
            spread = figures.spread_minutes.round() as i64,
            evenings = count_evenings(figures.evenings as u64),
        ),
        None => tr!("history-bedtime-none"),
    }
}

/// "kept on 25 of 28 evenings".
pub fn kept(kept: Kept) -> String {
    if kept.planned == 0 {
        return tr!("history-kept-none");
    }
    tr!("history-kept", kept = kept.kept, planned = kept.planned)
}

/// "5 evenings in a row" and "best: 12".
pub fn streak(streaks: Streaks) -> (String, String) {
    (tr!("history-streak-current", count = streaks.current), tr!("history-streak-best", count = streaks.best))
}

/// How a streak is counted, with the threshold.
pub fn streak_rule(threshold_percent: u32) -> String {
    tr!("history-streak-rule", percent = threshold_percent)
}

/// "42 tracked, 3 not tracked (not counted as misses)".
pub fn evenings(tracked: usize, not_tracked: usize) -> String {
    tr!("history-evenings", tracked = tracked, untracked = not_tracked)
}

/// The same as a sentence of its own (History's note under the cards): its first letter
/// a capital ("отмечено 3…" reads as the middle of a sentence in Russian).
pub fn evenings_sentence(tracked: usize, not_tracked: usize) -> String {
    let text = evenings(tracked, not_tracked);
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => text,
    }
}

/// A calendar day as a screen reader reads it: "Tue 3 Nov: 9 of 11 steps".
pub fn day(date: NaiveDate, figures: Option<&EveningFigures>, ahead: bool) -> String {
    let when = short_date(date);
    match figures {
        _ if ahead => tr!("history-day-ahead", date = when),
        Some(figures) if figures.tracked => {
            tr!("history-day-steps", date = when, done = figures.done, planned = figures.planned)
        }
        _ => tr!("history-day-untracked", date = when),
    }
}

/// The title of step `id`: the routine's own, or the catalog's for a step no longer in
/// the routine (a custom step removed since reads as its id).
pub fn step_title_by_id(routine_file: &crate::model::RoutineFile, id: &str) -> String {
    routine_file.routine.get(id).map_or_else(|| super::catalog_title(id), super::step_title)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Language, with_language};

    #[test]
    fn the_bedtime_card_says_before_or_after_once_without_a_double_negative() {
        let en = |minutes, spread| with_language(Language::English, || bedtime_card(minutes, spread));
        let early = en(-14.2, 9.6);
        assert_eq!(early.0, "14 min");
        assert!(early.1.starts_with("before bedtime on average"), "{}", early.1);
        assert!(early.1.ends_with("give or take 10 min"), "{}", early.1);
        assert!(en(12.0, 3.0).1.starts_with("after bedtime on average"));
        assert_eq!(en(0.3, 3.0).0, "0 min");
        assert!(en(0.3, 3.0).1.starts_with("right at bedtime"));
        let ru = with_language(Language::Russian, || bedtime_card(-14.0, 9.0));
        assert!(!ru.0.contains('−') && ru.1.starts_with("раньше времени сна"), "{ru:?}");
    }

    #[test]
    fn the_evenings_note_starts_a_sentence_in_russian_too() {
        let ru = with_language(Language::Russian, || (evenings(3, 1), evenings_sentence(3, 1)));
        assert!(ru.0.starts_with("отмечено 3"), "{}", ru.0);
        assert!(ru.1.starts_with("Отмечено 3"), "{}", ru.1);
        assert!(with_language(Language::English, || evenings_sentence(3, 1)).starts_with("3 tracked"));
    }
}
