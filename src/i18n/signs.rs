//! The night log's findings in words (`signs.ftl`): warning cards, signs logged below a
//! card's threshold, the urgent signs, the reassurance, and the "what helps" sentences,
//! in one place so the window, `night` and the doctor summary say the same thing the
//! same way.
//!
//! The wording is part of the feature: calm, what was seen and why the article says it
//! matters, a doctor (for example a neurologist) to look at it, never a diagnosis and
//! never a disease named as the user's; comparisons give both counts and never claim cause.

use std::cmp::Ordering;

use chrono::NaiveDate;

use super::format::{one_decimal, short_date};
use crate::model::RoutineFile;
use crate::model::catalog::ids;
use crate::model::helps::Comparison;
use crate::model::warnings::{LOOKBACK_DAYS, Warning, WarningKind, Window};
use crate::tr;

/// The Fluent selector of a warning kind.
fn kind_key(kind: WarningKind) -> &'static str {
    match kind {
        WarningKind::AllNight => "all-night",
        WarningKind::Daytime => "daytime",
        WarningKind::RestlessLegs => "restless-legs",
        WarningKind::PartnerMovements => "partner",
        WarningKind::SleepParalysis => "paralysis",
        WarningKind::SeveralSigns => "several",
    }
}

/// "Twitching through the night": the card's heading.
pub fn warning_title(kind: WarningKind) -> String {
    tr!("signs-warning-title", kind = kind_key(kind))
}

/// "Mon 2 Nov, Thu 5 Nov and Mon 9 Nov" / "пн, 2 ноября; чт, 5 ноября и пн, 9 ноября".
pub fn date_list(dates: &[NaiveDate]) -> String {
    let shown: Vec<String> = dates.iter().map(|date| short_date(*date)).collect();
    and_list(&shown, &tr!("signs-list-separator"))
}

/// "a, b and c", the items before the last joined by `separator`.
fn and_list(items: &[String], separator: &str) -> String {
    match items {
        [] => String::new(),
        [only] => only.clone(),
        [init @ .., last] => tr!("signs-list", init = init.join(separator), last = last.as_str()),
    }
}

/// What was seen: "You logged twitching through the night on 3 nights: …", and "Also
/// logged on 2 earlier nights, within 12 weeks: …" when the look-back holds more.
pub fn warning_seen(warning: &Warning) -> String {
    let recent = (!warning.nights.is_empty()).then(|| {
        tr!(
            "signs-warning-seen",
            kind = kind_key(warning.kind),
            count = warning.nights.len(),
            nights = date_list(&warning.nights),
        )
    });
    [recent, earlier(warning)].into_iter().flatten().collect::<Vec<_>>().join(" ")
}

/// The nights before the four weeks, within the look-back.
fn earlier(warning: &Warning) -> Option<String> {
    (!warning.earlier.is_empty()).then(|| {
        tr!(
            "signs-seen-earlier",
            recent = if warning.nights.is_empty() { "no" } else { "yes" },
            count = warning.earlier.len(),
            nights = date_list(&warning.earlier),
            weeks = LOOKBACK_DAYS / 7,
        )
    })
}

/// What was seen, for the doctor summary: in the third person, naming the sign ("Twitching
/// through the night: logged on 3 nights: …"), with the earlier nights.
pub fn summary_seen(warning: &Warning) -> String {
    let mut all = warning.earlier.clone();
    all.extend(&warning.nights);
    all.sort();
    let run = longest_run(&all);
    let row = match run {
        _ if all.len() < 2 || run < 2 => "none",
        _ if run == all.len() => "all",
        _ => "some",
    };
    tr!(
        "signs-summary-seen",
        sign = tr!("signs-sign", kind = kind_key(warning.kind)),
        unit = unit(warning.kind),
        count = all.len(),
        row = row,
        in_row = run,
        nights = date_list(&all),
    )
}

/// The most dates of `dates` (sorted) that follow one another day after day: "3 days in
/// a row" only when all three do, "4 days, 3 of them in a row" when three of four do.
fn longest_run(dates: &[NaiveDate]) -> usize {
    let mut longest = usize::from(!dates.is_empty());
    let mut current = longest;
    for pair in dates.windows(2) {
        current = if pair[0].succ_opt() == Some(pair[1]) { current + 1 } else { 1 };
        longest = longest.max(current);
    }
    longest
}

/// The rested scores on a sign's nights for the doctor summary, in the third person.
pub fn summary_rested(warning: &Warning) -> Option<String> {
    rested_text(warning, true)
}

/// How rested the user felt on a card's nights, where they answered: "On those nights you
/// rated how rested you felt 2, 1 and 2 out of 5." Only for twitching through the night,
/// which the article says keeps the body from recovering; `None` when no night has a score.
pub fn warning_rested(warning: &Warning) -> Option<String> {
    rested_text(warning, false)
}

fn rested_text(warning: &Warning, for_summary: bool) -> Option<String> {
    let scores = warning.rested_scores();
    if warning.kind != WarningKind::AllNight || scores.is_empty() {
        return None;
    }
    let shown: Vec<String> = scores.iter().map(u8::to_string).collect();
    let all = if scores.len() == warning.nights.len() { "yes" } else { "no" };
    let (scores, answered, total) =
        (and_list(&shown, &tr!("signs-rested-separator")), scores.len(), warning.nights.len());
    Some(if for_summary {
        tr!("signs-summary-rested", all = all, scores = scores, answered = answered, total = total)
    } else {
        tr!("signs-rested", all = all, scores = scores, answered = answered, total = total)
    })
}

/// The heading over the signs logged below a card's threshold.
pub fn below_heading() -> String {
    tr!("signs-below-heading")
}

/// A sign logged below its card's threshold: what was logged on which nights, and how
/// often it must be logged for a card (from the rule's own windows, so the sentence
/// cannot disagree with the rule).
pub fn below_threshold(warning: &Warning) -> String {
    let mut all = warning.earlier.clone();
    all.extend(&warning.nights);
    let apart = match (all.first(), all.last()) {
        (Some(first), Some(last)) => (*last - *first).num_days(),
        _ => 0,
    };
    let unit = unit(warning.kind);
    let windows = card_rule(warning.kind);
    let when = tr!("signs-below-when", windows = windows, unit = unit, count = all.len(), apart = apart);
    format!("{} {}", warning_seen(warning), when)
}

/// When a card about `kind` appears, from the rule's own windows: "on 2 days in a row, or
/// on 3 days within 12 weeks".
fn card_rule(kind: WarningKind) -> String {
    kind.windows()
        .iter()
        .map(|window| window_words(*window, unit(kind)))
        .reduce(|first, second| tr!("signs-window-or", first = first, second = second))
        .unwrap_or_default()
}

/// The information screen's "when to see a doctor", with the daytime rule the cards use
/// (so the screen cannot promise less than a card says).
pub fn about_doctor() -> String {
    tr!("about-doctor", daytime = card_rule(WarningKind::Daytime))
}

/// What a sign is counted in: days or nights (restless legs go from falling asleep on
/// through sleep, so nights).
fn unit(kind: WarningKind) -> &'static str {
    match kind {
        WarningKind::Daytime => "day",
        _ => "night",
    }
}

/// "on 2 days in a row", "on 3 nights within 4 weeks", "on 2 evenings within a week".
fn window_words(window: Window, unit: &str) -> String {
    let span = match window.days {
        _ if window.in_a_row() => "in-a-row",
        days if days % 7 == 0 => "weeks",
        _ => "days",
    };
    tr!("signs-window", unit = unit, count = window.nights, span = span, weeks = window.days / 7, days = window.days,)
}

/// The heading over the signs logged on single or scattered nights, for the doctor
/// summary: no "card", nothing that reads as "not significant".
pub fn summary_below_heading() -> String {
    tr!("signs-summary-below-heading")
}

/// Why these patterns matter, said once, with that the notes should be shown to a doctor
/// without delay (the article's "you should not postpone").
pub fn summary_doctor() -> String {
    tr!("signs-summary-doctor")
}

/// Signs logged after the evening shown: it is not the latest, and they count.
pub fn later(nights: &[NaiveDate]) -> String {
    tr!("signs-later", count = nights.len(), nights = date_list(nights))
}

/// Said once under the signs below the threshold: a card is not needed to see a doctor.
pub fn below_anytime() -> String {
    tr!("signs-below-anytime")
}

/// The signs that need urgent care at once (the article's, and general guidance beyond it,
/// labelled so).
pub fn urgent() -> String {
    tr!("signs-urgent")
}

/// The urgent signs without the app's "card", for the doctor summary (the information
/// screen's words, the same sentence otherwise).
pub fn urgent_for_summary() -> String {
    tr!("about-urgent")
}

/// Why the article says the pattern matters.
pub fn warning_why(kind: WarningKind) -> String {
    tr!("signs-warning-why", kind = kind_key(kind))
}

/// That a doctor should look, and that this is not a diagnosis.
pub fn warning_doctor() -> String {
    tr!("signs-warning-doctor")
}

pub fn reassurance_title() -> String {
    tr!("signs-reassurance-title")
}

/// The article's reassurance about occasional jerks while falling asleep.
pub fn reassurance_text() -> String {
    tr!("signs-reassurance")
}

/// "On evenings with a warm bath": the evenings the step was kept, as a sentence opening.
fn habit(comparison: &Comparison, routine_file: &RoutineFile) -> String {
    let key = match comparison.step.as_str() {
        ids::CAFFEINE_CUTOFF => "caffeine-cutoff",
        ids::WARM_BATH => "warm-bath",
        ids::LIGHTS_OUT => "lights-out",
        _ => "other",
    };
    tr!("signs-helps-habit", habit = key, title = super::history::step_title_by_id(routine_file, &comparison.step))
}

/// The sentences a comparison supports: the share of nights with many twitches when both
/// sides have enough answers, the mean rested score likewise. Empty below the minimum.
pub fn comparison_sentences(comparison: &Comparison, routine_file: &RoutineFile) -> Vec<String> {
    let mut sentences = Vec::new();
    let (kept, skipped) = (&comparison.kept, &comparison.skipped);
    if comparison.jerks_comparable() {
        let direction = match comparison.jerky_order() {
            Ordering::Less => "fewer",
            Ordering::Greater => "more",
            Ordering::Equal => "same",
        };
        sentences.push(tr!(
            "signs-helps-jerky",
            habit = habit(comparison, routine_file),
            direction = direction,
            kept = kept.jerky,
            kept_nights = kept.nights,
            skipped = skipped.jerky,
            skipped_nights = skipped.nights,
        ));
    }
    if let (true, Some(kept_mean), Some(skipped_mean)) =
        (comparison.rested_comparable(), kept.rested_mean, skipped.rested_mean)
    {
        let (kept_text, skipped_text) = (one_decimal(kept_mean), one_decimal(skipped_mean));
        // Equal as shown is "about as rested": a difference below a tenth is not one.
        let direction = match (kept_text == skipped_text, kept_mean > skipped_mean) {
            (true, _) => "same",
            (false, true) => "more",
            (false, false) => "less",
        };
        sentences.push(tr!(
            "signs-helps-rested",
            habit = habit(comparison, routine_file),
            direction = direction,
            kept = kept_text,
            skipped = skipped_text,
            kept_nights = kept.rested_nights,
            skipped_nights = skipped.rested_nights,
        ));
    }
    sentences
}

/// Said once under the comparisons: they show what went together, not what caused what.
pub fn comparison_caveat() -> String {
    tr!("signs-helps-caveat")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Language, with_language};
    use crate::model::helps::{MIN_NIGHTS, Side};

    fn side(nights: usize, jerky: usize, rested: Option<f64>) -> Side {
        Side { nights, jerky, rested_mean: rested, rested_nights: if rested.is_some() { nights } else { 0 } }
    }

    fn bath(kept: Side, skipped: Side) -> Comparison {
        Comparison { step: ids::WARM_BATH.to_owned(), kept, skipped }
    }

    #[test]
    fn the_jerky_sentence_gives_both_counts_and_claims_no_cause() {
        let routine_file = RoutineFile::default();
        let comparison = bath(side(12, 3, None), side(11, 7, None));
        let en = with_language(Language::English, || comparison_sentences(&comparison, &routine_file));
        assert_eq!(
            en,
            vec![
                "On evenings with a warm bath you logged fewer nights with many twitches than on the other evenings (3 of 12 vs 7 of 11)."
            ]
        );
        let ru = with_language(Language::Russian, || comparison_sentences(&comparison, &routine_file));
        assert_eq!(
            ru,
            vec![
                "В вечера с тёплой ванной вы отметили меньше ночей с частыми подёргиваниями, чем в остальные вечера (3 из 12 против 7 из 11)."
            ]
        );
        for text in en.iter().chain(&ru) {
            for claim in ["because", "caus", "helps", "поэтому", "благодаря", "помога"] {
                assert!(!text.contains(claim), "{text}");
            }
        }
        let more = bath(side(6, 3, None), side(6, 1, None));
        let en = with_language(Language::English, || comparison_sentences(&more, &routine_file));
        assert!(en[0].contains("more nights with many twitches") && en[0].contains("(3 of 6 vs 1 of 6)"), "{en:?}");
    }

    #[test]
    fn nothing_is_said_below_five_nights_a_side() {
        let routine_file = RoutineFile::default();
        let below = bath(side(12, 3, Some(4.0)), side(MIN_NIGHTS - 1, 3, Some(2.0)));
        assert!(comparison_sentences(&below, &routine_file).is_empty());
        let at = bath(side(12, 3, Some(4.0)), side(MIN_NIGHTS, 3, Some(2.0)));
        assert_eq!(comparison_sentences(&at, &routine_file).len(), 2);
    }

    #[test]
    fn the_rested_sentence_in_both_languages() {
        let mut routine_file = RoutineFile::default();
        let caffeine = Comparison {
            step: ids::CAFFEINE_CUTOFF.to_owned(),
            kept: side(9, 1, Some(3.78)),
            skipped: side(6, 2, Some(3.1)),
        };
        let en = with_language(Language::English, || comparison_sentences(&caffeine, &routine_file));
        assert_eq!(
            en[1],
            "On evenings you kept the caffeine cut-off you rated how rested you felt higher on average than on the other evenings (3.8 vs 3.1 out of 5, over 9 and 6 nights)."
        );
        let ru = with_language(Language::Russian, || comparison_sentences(&caffeine, &routine_file));
        assert_eq!(
            ru[1],
            "В вечера, когда вы вовремя отказались от кофеина, вы в среднем оценивали свой отдых выше, чем в остальные вечера (3,8 против 3,1 из 5; ночей: 9 и 6)."
        );
        // A custom step speaks by its title; "about the same" when the means round alike.
        routine_file.routine.steps.push(crate::model::Step::custom(
            "stretch".into(),
            "Stretch".into(),
            crate::model::Anchor::BeforeBedtime { minutes: 20 },
        ));
        let stretch =
            Comparison { step: "stretch".into(), kept: side(5, 0, Some(3.02)), skipped: side(5, 0, Some(2.98)) };
        let en = with_language(Language::English, || comparison_sentences(&stretch, &routine_file));
        assert!(en[0].starts_with("On evenings you did “Stretch” you logged about as many"), "{}", en[0]);
        assert!(en[1].contains("about the same as on the other evenings (3.0 vs 3.0"), "{}", en[1]);
        let ru = with_language(Language::Russian, || comparison_sentences(&stretch, &routine_file));
        assert!(ru[0].starts_with("В вечера, когда вы выполнили «Stretch», вы отметили примерно"), "{}", ru[0]);
    }

    #[test]
    fn a_warning_card_says_what_was_seen_and_names_no_disease() {
        let nights: Vec<NaiveDate> =
            [3, 9, 16].iter().map(|d| NaiveDate::from_ymd_opt(2026, 11, *d).unwrap()).collect();
        let warning =
            Warning { kind: WarningKind::AllNight, rested: vec![None; nights.len()], nights, earlier: vec![] };
        let seen = with_language(Language::English, || warning_seen(&warning));
        assert_eq!(seen, "You logged twitching through the night on 3 nights: Tue 3 Nov, Mon 9 Nov and Mon 16 Nov.");
        let seen = with_language(Language::Russian, || warning_seen(&warning));
        assert_eq!(
            seen,
            "Ночей, когда подёргивания продолжались всю ночь: 3 — вт, 3 ноября; пн, 9 ноября и пн, 16 ноября."
        );
        for language in Language::ALL {
            with_language(language, || {
                assert!(warning_doctor().to_lowercase().contains(if language == Language::English {
                    "neurologist"
                } else {
                    "невролог"
                }));
                for kind in WarningKind::ALL {
                    let card = [warning_title(kind), warning_why(kind), warning_doctor()].join(" ").to_lowercase();
                    for disease in
                        ["epilep", "syndrome", "эпилеп", "синдром", "narcolep", "нарколеп", "stroke", "инсульт"]
                    {
                        assert!(!card.contains(disease), "{language:?} {kind:?}: {card}");
                    }
                }
            });
        }
        let one = Warning {
            kind: WarningKind::SleepParalysis,
            nights: warning.nights[..1].to_vec(),
            rested: vec![None],
            earlier: vec![],
        };
        assert_eq!(
            with_language(Language::English, || warning_seen(&one)),
            "You logged sleep paralysis on 1 night: Tue 3 Nov."
        );
    }

    fn november(days: &[u32]) -> Vec<NaiveDate> {
        days.iter().map(|d| NaiveDate::from_ymd_opt(2026, 11, *d).unwrap()).collect()
    }

    fn sighting(kind: WarningKind, days: &[u32]) -> Warning {
        Warning { kind, nights: november(days), rested: vec![None; days.len()], earlier: vec![] }
    }

    #[test]
    fn a_sign_below_the_threshold_says_its_nights_and_when_a_card_appears() {
        for (warning, en, ru) in [
            (
                sighting(WarningKind::SleepParalysis, &[9]),
                "You logged sleep paralysis on 1 night: Mon 9 Nov. The app shows a card about it if it is logged on 2 nights within 4 weeks, or on 3 nights within 12 weeks (so far: once).",
                "Ночей с сонным параличом: 1 — пн, 9 ноября. Приложение покажет об этом карточку, если это будет отмечено 2 раза за 4 недели или 3 раза за 12 недель (пока: один раз).",
            ),
            (
                sighting(WarningKind::Daytime, &[20, 22]),
                "You logged twitches during the day on 2 days: Fri 20 Nov and Sun 22 Nov. The app shows a card about it if it is logged on 2 days in a row, or on 3 days within 12 weeks (so far: 2 times, 2 days apart).",
                "Дней с подёргиваниями днём: 2 — пт, 20 ноября и вс, 22 ноября. Приложение покажет об этом карточку, если это будет отмечено 2 дня подряд или 3 раза за 12 недель (пока: 2 раза, с разницей в 2 дня).",
            ),
        ] {
            assert_eq!(with_language(Language::English, || below_threshold(&warning)), en);
            assert_eq!(with_language(Language::Russian, || below_threshold(&warning)), ru);
        }
        let legs = sighting(WarningKind::RestlessLegs, &[2, 16]);
        assert!(
            with_language(Language::English, || below_threshold(&legs))
                .ends_with("if it is logged on 2 nights within a week, or on 3 nights within 12 weeks (so far: 2 times, 14 days apart)."),
        );
        assert!(with_language(Language::Russian, || below_threshold(&legs)).ends_with(
            "если это будет отмечено 2 раза за неделю или 3 раза за 12 недель (пока: 2 раза, с разницей в 14 дней)."
        ),);
        // Every sign, in both languages: its numbers come from its rule, and it reads as
        // neither alarm nor all-clear.
        for language in Language::ALL {
            with_language(language, || {
                // Twitching through the night and several signs on one night are a card
                // from the first night: never below the threshold.
                let below = WarningKind::ALL.into_iter().filter(|kind| kind.windows().iter().all(|w| w.nights > 1));
                for kind in below {
                    let text = below_threshold(&sighting(kind, &[3]));
                    for window in kind.windows() {
                        assert!(text.contains(&format!(" {} ", window.nights)), "{language:?} {kind:?}: {text}");
                    }
                    for calm in ["normal", "nothing", "no need", "норм", "ничего", "не нужно", "urgent", "неотлож"]
                    {
                        assert!(!text.to_lowercase().contains(calm), "{language:?} {kind:?}: {text}");
                    }
                }
            });
        }
    }

    #[test]
    fn earlier_nights_are_said_and_the_summary_speaks_of_the_patient() {
        let october: Vec<NaiveDate> = [4, 18].iter().map(|d| NaiveDate::from_ymd_opt(2026, 10, *d).unwrap()).collect();
        let mut warning = sighting(WarningKind::AllNight, &[1, 15]);
        warning.earlier = october;
        warning.rested = vec![Some(2), Some(1)];
        let en = with_language(Language::English, || {
            (warning_seen(&warning), summary_seen(&warning), summary_rested(&warning))
        });
        assert_eq!(
            en.0,
            "You logged twitching through the night on 2 nights: Sun 1 Nov and Sun 15 Nov. Also logged on 2 earlier nights within 12 weeks: Sun 4 Oct and Sun 18 Oct."
        );
        assert_eq!(
            en.1,
            "Twitching through the night: logged on 4 nights: Sun 4 Oct, Sun 18 Oct, Sun 1 Nov and Sun 15 Nov."
        );
        assert_eq!(en.2.as_deref(), Some("Rested score on those nights: 2 and 1 out of 5."));
        let ru = with_language(Language::Russian, || (warning_seen(&warning), summary_seen(&warning)));
        assert!(ru.0.ends_with("Ещё раньше, за последние 12 недель: 2 — вс, 4 октября и вс, 18 октября."), "{}", ru.0);
        assert!(ru.1.starts_with("Подёргивания всю ночь: отмечено 4 раза — вс, 4 октября"), "{}", ru.1);
        // Only earlier nights: said as such, never "0 nights".
        warning.nights.clear();
        warning.rested.clear();
        let only = with_language(Language::English, || warning_seen(&warning));
        assert!(only.starts_with("Not in these four weeks, but logged on 2 nights within the last 12 weeks"), "{only}");
        // Titles do not understate: no "several nights" for twenty-one.
        for language in Language::ALL {
            let title = with_language(language, || warning_title(WarningKind::AllNight));
            assert!(!title.contains("several") && !title.contains("не одну"), "{title}");
        }
    }

    #[test]
    fn the_summary_says_in_a_row_only_as_far_as_it_is_true() {
        for (days, en, ru) in [
            (&[1, 2, 3][..], "logged on 3 days in a row: Sun 1 Nov", "отмечено 3 раза подряд — вс, 1 ноября"),
            (&[1, 2, 3, 9], "logged on 4 days, 3 of them in a row: Sun 1 Nov", "отмечено 4 раза, из них 3 подряд — вс"),
            (&[1, 9, 20], "logged on 3 days: Sun 1 Nov", "отмечено 3 раза — вс, 1 ноября"),
            (&[9], "logged on 1 day: Mon 9 Nov", "отмечено 1 раз — пн, 9 ноября"),
        ] {
            let warning = sighting(WarningKind::Daytime, days);
            let said = with_language(Language::English, || summary_seen(&warning));
            assert!(said.contains(en), "{days:?}: {said}");
            let said = with_language(Language::Russian, || summary_seen(&warning));
            assert!(said.contains(ru), "{days:?}: {said}");
        }
        // Across a month's end, and with the earlier nights counted in.
        let mut warning = sighting(WarningKind::Daytime, &[1]);
        warning.earlier = vec![NaiveDate::from_ymd_opt(2026, 10, 31).unwrap()];
        let said = with_language(Language::English, || summary_seen(&warning));
        assert!(said.contains("logged on 2 days in a row: Sat 31 Oct and Sun 1 Nov"), "{said}");
    }

    #[test]
    fn the_all_night_card_says_how_rested_those_nights_were() {
        let mut warning = sighting(WarningKind::AllNight, &[3, 9, 16]);
        assert_eq!(warning_rested(&warning), None, "not answered on any night: nothing to say");
        for (rested, en, ru) in [
            (
                vec![Some(2), Some(1), Some(2)],
                "On those nights you rated how rested you felt 2, 1 and 2 out of 5.",
                "В эти ночи вы оценили свой отдых на 2, 1 и 2 из 5.",
            ),
            (
                vec![Some(2), None, Some(1)],
                "On 2 of those 3 nights you rated how rested you felt: 2 and 1 out of 5.",
                "Из этих 3 ночей вы оценили отдых для 2: 2 и 1 из 5.",
            ),
        ] {
            warning.rested = rested;
            assert_eq!(with_language(Language::English, || warning_rested(&warning)).as_deref(), Some(en));
            assert_eq!(with_language(Language::Russian, || warning_rested(&warning)).as_deref(), Some(ru));
        }
        // Only the all-night card: the article ties recovery to that sign alone.
        let legs = Warning { kind: WarningKind::RestlessLegs, ..warning };
        assert_eq!(warning_rested(&legs), None);
    }

    #[test]
    fn the_urgent_line_names_the_articles_signs_while_awake_and_labels_the_rest() {
        let en = with_language(Language::English, urgent);
        for part in ["sudden fainting", "sudden paralysis while awake", "urgent care", "General guidance", "stroke"] {
            assert!(en.contains(part), "{part}: {en}");
        }
        // What goes beyond the article comes after its label: the article calls ordinary
        // hypnic jerks "myoclonic seizures", so a seizure is named as a fit, and labelled.
        assert!(en.find("General guidance").unwrap() < en.find("numbness").unwrap());
        assert!(en.find("General guidance").unwrap() < en.find("a convulsive seizure (a fit)").unwrap());
        let ru = with_language(Language::Russian, urgent);
        assert!(ru.find("Общая рекомендация").unwrap() < ru.find("судорожном приступе").unwrap());
        // The information screen's box says the same, without the app's "card"; the
        // summary uses that one.
        for (language, clause) in
            [(Language::English, ", without waiting for a card,"), (Language::Russian, ", не дожидаясь карточки")]
        {
            with_language(language, || {
                assert!(urgent().contains(clause));
                assert_eq!(urgent().replace(clause, ""), tr!("about-urgent"), "{language:?}");
                assert_eq!(urgent_for_summary(), tr!("about-urgent"));
            });
        }
        let ru = with_language(Language::Russian, urgent);
        for part in [
            "судорожн",
            "внезапном обмороке",
            "параличе во время бодрствования",
            "неотложной помощью",
            "Общая рекомендация",
        ] {
            assert!(ru.contains(part), "{part}: {ru}");
        }
        assert!(ru.find("Общая рекомендация").unwrap() < ru.find("онемении").unwrap());
    }
}
