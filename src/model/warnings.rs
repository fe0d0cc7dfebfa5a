//! The article's warning signs, as rules over the night log.
//!
//! Why it exists: the article says a jerk or two while falling asleep is normal, and
//! names the patterns that are not: twitching that goes on through the night, twitches by
//! day that come back on the following days, restless legs, rhythmic limb movements a
//! partner sees, sleep paralysis. A user logging nights one by one rarely sees a pattern
//! form; these rules do, and the window (and `night`, `report`) turns each into a calm
//! card saying what was seen and that a doctor should look. They never name a disease:
//! a rule says which nights matched which pattern, nothing more.
//!
//! # Never falsely reassuring
//!
//! [`findings`] is the one place the window, `night` and the doctor summary get their
//! answer from, always over the same period: the [`RECENT_DAYS`] evenings ending on the
//! one shown. A sign logged in that period is either a card or, below a card's threshold,
//! a sighting that is still reported with its nights ([`Findings::below_threshold`]).
//! "Nothing came back" is said only when no sign at all was logged
//! ([`Findings::nothing_logged`]), and the article's reassurance only then.
//!
//! # The rules
//!
//! Each sign has one or more [`Window`]s: "N nights with the sign within D days". A rule
//! fires when any of its windows holds somewhere in the period: a short window for a
//! sign that comes back quickly, and the whole four weeks for one that comes back slowly
//! (once a week, every nine days). Every threshold is a named constant with its
//! reasoning. Nights that were not logged count neither way: an unlogged day neither
//! breaks a run nor adds to it. Pure: the last evening is given, nothing reads the clock.

use chrono::{NaiveDate, TimeDelta};

use super::journal::Journal;
use super::night::{Jerks, NightLog};

/// "`nights` nights (or days, or evenings) with the sign within `days` consecutive days":
/// the first and the last of them at most `days - 1` days apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    pub nights: usize,
    pub days: i64,
}

impl Window {
    /// Whether `nights` (sorted, oldest first) hold this window somewhere.
    fn holds(self, nights: &[NaiveDate]) -> bool {
        let count = self.nights.max(1);
        nights.windows(count).any(|run| run[count - 1] - run[0] < TimeDelta::days(self.days))
    }

    /// Every night of the window on consecutive days ("2 days in a row").
    pub fn in_a_row(self) -> bool {
        self.nights as i64 == self.days
    }
}

/// The period every finding is judged over: four weeks, the longest window, and the
/// doctor summary's longest span.
pub const RECENT_DAYS: i64 = 28;

/// Twitching through the night, on 2 nights within the four weeks. The article's line
/// between harmless and "see a doctor" is exactly this: jerks that stay at the start of
/// sleep are normal, twitching through the night "does not allow you to sleep, the body
/// does not recover", needs "qualified medical care", and "the earlier the treatment
/// begins, the more effective". It is the most serious of the signs, so its bar is no
/// higher than that of sleep paralysis (which the article calls not dangerous in
/// itself): one night can follow a hard day and is reported as a sighting; a second one
/// within four weeks is a recurrence. (Any two nights within a week are within four
/// weeks, so no shorter window is needed.)
pub const ALL_NIGHT_RECURRING: Window = Window { nights: 2, days: RECENT_DAYS };

/// Twitches by day on 2 days in a row. The article allows some after serious stress and
/// names them a reason to see a doctor when they "repeat on subsequent days": one day
/// alone is silent, a day followed by another (logs of consecutive evenings) fires.
pub const DAYTIME_IN_A_ROW: Window = Window { nights: 2, days: 2 };

/// Twitches by day on 3 days within four weeks. The article's daytime twitches are
/// harmless "if this does not occur chronically and there are no relapses"; a day that
/// comes back twice in a month is such a relapse even when no two days touch (every
/// other day, once a week, or every nine days, with unlogged days between). Two days
/// far apart are not yet: stress, which the article allows for, recurs in any month.
/// (This also covers "3 days within a week": every other day fires on its third day.)
pub const DAYTIME_RECURRING: Window = Window { nights: 3, days: RECENT_DAYS };

/// Restless legs on 2 evenings within a week. The article describes itching and "a
/// constant need to move the legs" as a condition that stays, not one evening after a
/// long walk; twice in a week is coming back quickly.
pub const RESTLESS_LEGS_SHORT: Window = Window { nights: 2, days: 7 };

/// Restless legs on 3 evenings within four weeks: the same recurrence, slowly (once a
/// week, every nine days). Two evenings far apart stay a sighting.
pub const RESTLESS_LEGS_RECURRING: Window = Window { nights: 3, days: RECENT_DAYS };

/// Rhythmic toe or ankle movements every 20–40 s, seen by a partner, on 2 nights within
/// four weeks: they are so specific, and a partner awake to see them so rare, that a
/// second sighting already shows they recur.
pub const PARTNER_MOVEMENTS_RECURRING: Window = Window { nights: 2, days: RECENT_DAYS };

/// Sleep paralysis on 2 nights within four weeks: a single episode is common and, the
/// article says, not dangerous in itself; coming back within four weeks is the recurring
/// kind worth a doctor's look.
pub const SLEEP_PARALYSIS_RECURRING: Window = Window { nights: 2, days: RECENT_DAYS };

/// The reassurance is for jerks "now and then": when most nights with an answer had many
/// jerks, the article's "short-lived, sometimes" no longer describes them, so the app
/// does not reassure (nor warn: the comparisons in `helps` are for that case).
pub const REASSURANCE_MAX_MANY_SHARE: f64 = 0.5;

/// Which pattern a warning is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum WarningKind {
    AllNight,
    /// Twitches while awake by day (on days in a row, or coming back within four weeks).
    Daytime,
    RestlessLegs,
    PartnerMovements,
    SleepParalysis,
}

impl WarningKind {
    pub const ALL: [WarningKind; 5] = [
        WarningKind::AllNight,
        WarningKind::Daytime,
        WarningKind::RestlessLegs,
        WarningKind::PartnerMovements,
        WarningKind::SleepParalysis,
    ];

    /// A stable name for JSON. (`daytime` was `daytime_consecutive` while the rule was
    /// only days in a row.)
    pub fn as_str(self) -> &'static str {
        match self {
            WarningKind::AllNight => "all_night",
            WarningKind::Daytime => "daytime",
            WarningKind::RestlessLegs => "restless_legs",
            WarningKind::PartnerMovements => "partner_movements",
            WarningKind::SleepParalysis => "sleep_paralysis",
        }
    }

    /// Whether a night log shows this pattern's sign.
    pub fn seen_in(self, log: &NightLog) -> bool {
        match self {
            WarningKind::AllNight => log.twitch_all_night,
            WarningKind::Daytime => log.twitch_daytime,
            WarningKind::RestlessLegs => log.restless_legs,
            WarningKind::PartnerMovements => log.partner_saw_movements,
            WarningKind::SleepParalysis => log.sleep_paralysis,
        }
    }

    /// The windows any one of which makes a card, shortest first.
    pub fn windows(self) -> &'static [Window] {
        match self {
            WarningKind::AllNight => &[ALL_NIGHT_RECURRING],
            WarningKind::Daytime => &[DAYTIME_IN_A_ROW, DAYTIME_RECURRING],
            WarningKind::RestlessLegs => &[RESTLESS_LEGS_SHORT, RESTLESS_LEGS_RECURRING],
            WarningKind::PartnerMovements => &[PARTNER_MOVEMENTS_RECURRING],
            WarningKind::SleepParalysis => &[SLEEP_PARALYSIS_RECURRING],
        }
    }

    /// Whether nights with the sign (sorted, oldest first) make the pattern.
    fn fires(self, nights: &[NaiveDate]) -> bool {
        self.windows().iter().any(|window| window.holds(nights))
    }
}

/// A sign and the nights it was logged on within the period: a card when its rule
/// fires, a sighting below the threshold otherwise.
#[derive(Debug, Clone, PartialEq)]
pub struct Warning {
    pub kind: WarningKind,
    /// The evenings whose nights showed the sign within the period, oldest first.
    pub nights: Vec<NaiveDate>,
    /// How rested the user felt after each of `nights` (same order), where they answered:
    /// twitching through the night keeps the body from recovering, and this shows it.
    pub rested: Vec<Option<u8>>,
}

impl Warning {
    /// The answered rested scores, in the nights' order.
    pub fn rested_scores(&self) -> Vec<u8> {
        self.rested.iter().flatten().copied().collect()
    }
}

/// What the night log adds up to over the [`RECENT_DAYS`] evenings ending on one.
#[derive(Debug, Clone, PartialEq)]
pub struct Findings {
    /// The first and last evening of the period.
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// The signs whose rule fired, in [`WarningKind`] order.
    pub cards: Vec<Warning>,
    /// The signs logged in the period whose rule did not fire, in [`WarningKind`] order.
    pub below_threshold: Vec<Warning>,
    /// The article's reassurance fits: jerks while falling asleep now and then, and no
    /// sign at all (see [`REASSURANCE_MAX_MANY_SHARE`]).
    pub reassurance: bool,
    /// Night logs in the period, answered or not.
    pub logged_nights: usize,
}

impl Findings {
    /// No sign at all was logged in the period: the only case in which anything may say
    /// that none came back.
    pub fn nothing_logged(&self) -> bool {
        self.cards.is_empty() && self.below_threshold.is_empty()
    }

    /// Whether to say "no sign was logged in these four weeks": nights were logged, none
    /// with a sign, and the reassurance (which says so in its own words) does not apply.
    pub fn says_nothing_logged(&self) -> bool {
        self.nothing_logged() && self.logged_nights > 0 && !self.reassurance
    }
}

/// The first evening of the period ending on `last_evening`.
pub fn period_start(last_evening: NaiveDate) -> NaiveDate {
    last_evening.checked_sub_signed(TimeDelta::days(RECENT_DAYS - 1)).unwrap_or(last_evening)
}

/// The night logs of evenings `from..=to`.
fn logs(journal: &Journal, from: NaiveDate, to: NaiveDate) -> impl Iterator<Item = (NaiveDate, &NightLog)> {
    let range = if from <= to { from..=to } else { to..=to };
    journal.evenings.range(range).filter_map(|(date, evening)| Some((*date, evening.night.as_ref()?)))
}

/// The cards, the sightings below a card's threshold and the reassurance of the
/// [`RECENT_DAYS`] evenings ending on `last_evening`.
pub fn findings(journal: &Journal, last_evening: NaiveDate) -> Findings {
    let (from, to) = (period_start(last_evening), last_evening);
    let (mut cards, mut below_threshold) = (Vec::new(), Vec::new());
    for kind in WarningKind::ALL {
        let (nights, rested): (Vec<NaiveDate>, Vec<Option<u8>>) = logs(journal, from, to)
            .filter(|(_, log)| kind.seen_in(log))
            .map(|(date, log)| (date, log.rested_score()))
            .unzip();
        if nights.is_empty() {
            continue;
        }
        let fires = kind.fires(&nights);
        let warning = Warning { kind, nights, rested };
        if fires { cards.push(warning) } else { below_threshold.push(warning) }
    }
    let reassurance = cards.is_empty() && below_threshold.is_empty() && only_harmless_jerks(journal, from, to);
    Findings { from, to, cards, below_threshold, reassurance, logged_nights: logs(journal, from, to).count() }
}

/// Whether the article's reassurance fits `from..=to`: jerks while falling asleep (or a
/// jolt that woke the user) were logged, now and then, and no night showed any of the
/// warning signs, not even once.
fn only_harmless_jerks(journal: &Journal, from: NaiveDate, to: NaiveDate) -> bool {
    let (mut jerky, mut many, mut answered) = (0usize, 0usize, 0usize);
    for (_, log) in logs(journal, from, to) {
        if log.has_warning_sign() {
            return false;
        }
        answered += usize::from(log.falling_asleep.is_some());
        many += usize::from(log.falling_asleep == Some(Jerks::Many));
        jerky += usize::from(matches!(log.falling_asleep, Some(Jerks::Few | Jerks::Many)) || log.woke_from_jolt);
    }
    jerky > 0 && (many as f64) <= REASSURANCE_MAX_MANY_SHARE * answered as f64
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::NightAnswer;
    use proptest::prelude::*;

    /// November 2026 by day: `day(1)` is the 1st, `day(0)` the 31st of October.
    fn day(d: i64) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 1).unwrap() + TimeDelta::days(d - 1)
    }

    /// The period ending on the 28th is the 1st to the 28th.
    const LAST: i64 = 28;

    fn logged(journal: &mut Journal, days: &[i64], answers: &[NightAnswer]) {
        for &d in days {
            let log = journal.evenings.entry(day(d)).or_default().night.get_or_insert_with(NightLog::default);
            for answer in answers {
                log.answer(answer.clone());
            }
        }
    }

    /// Quiet nights on every day from the 31st of October to the 30th of November.
    fn quiet_month() -> Journal {
        let mut journal = Journal::default();
        logged(&mut journal, &(0..=30).collect::<Vec<_>>(), &NightAnswer::quiet_night());
        journal
    }

    fn sign(kind: WarningKind) -> NightAnswer {
        match kind {
            WarningKind::AllNight => NightAnswer::TwitchAllNight(true),
            WarningKind::Daytime => NightAnswer::TwitchDaytime(true),
            WarningKind::RestlessLegs => NightAnswer::RestlessLegs(true),
            WarningKind::PartnerMovements => NightAnswer::PartnerSawMovements(true),
            WarningKind::SleepParalysis => NightAnswer::SleepParalysis(true),
        }
    }

    /// The findings of the four weeks up to the 28th when `kind`'s sign is logged on
    /// `days` and every other day of the month is quiet (or, with `gaps`, not logged).
    fn judged(kind: WarningKind, days: &[i64], gaps: &[i64]) -> Findings {
        let mut journal = quiet_month();
        for gap in gaps {
            journal.evenings.remove(&day(*gap));
        }
        logged(&mut journal, days, &[sign(kind)]);
        findings(&journal, day(LAST))
    }

    /// Asserts that `kind` on `days` is a card (`card`) or a sighting below the threshold,
    /// with exactly the nights of `days` that fall in the period, and nothing else.
    fn expect(kind: WarningKind, days: &[i64], gaps: &[i64], card: bool) {
        let found = judged(kind, days, gaps);
        let nights: Vec<NaiveDate> = days.iter().filter(|d| (1..=LAST).contains(*d)).map(|d| day(*d)).collect();
        let (hit, other) =
            if card { (&found.cards, &found.below_threshold) } else { (&found.below_threshold, &found.cards) };
        assert_eq!(hit.len(), 1, "{kind:?} on {days:?} (card: {card}): {found:?}");
        assert_eq!((hit[0].kind, &hit[0].nights), (kind, &nights), "{kind:?} on {days:?}");
        assert!(other.is_empty(), "{kind:?} on {days:?}: {found:?}");
        assert!(!found.nothing_logged() && !found.reassurance && !found.says_nothing_logged());
    }

    fn card(kind: WarningKind, days: &[i64]) {
        expect(kind, days, &[], true);
    }

    fn sighting(kind: WarningKind, days: &[i64]) {
        expect(kind, days, &[], false);
    }

    #[test]
    fn twitching_through_the_night_twice_in_four_weeks() {
        use WarningKind::AllNight;
        // One night can follow a hard day: reported, no card.
        sighting(AllNight, &[14]);
        // The window's edges: the period's first and last evening (27 days apart) are in.
        card(AllNight, &[1, 28]);
        // The day before the period does not count: only the 28th is left.
        sighting(AllNight, &[0, 28]);
        // Slow patterns. Once a week for a month: a card from the second week on.
        card(AllNight, &[3, 10]);
        card(AllNight, &[3, 10, 17, 24]);
        // Every nine days, every two to three days: recurring all the same.
        card(AllNight, &[1, 10, 19, 28]);
        card(AllNight, &[20, 22, 25]);
        // With unlogged nights between, still a recurrence: unlogged nights count neither way.
        expect(AllNight, &[5, 12], &[6, 7, 8, 9, 10, 11], true);
    }

    #[test]
    fn daytime_twitches_on_days_in_a_row_or_coming_back() {
        use WarningKind::Daytime;
        // One day after a stressful one is allowed by the article.
        sighting(Daytime, &[10]);
        // The next day as well: "repeats on subsequent days".
        card(Daytime, &[10, 11]);
        // A quiet day between, or a day not logged: not in a row, and only two days.
        sighting(Daytime, &[10, 12]);
        expect(Daytime, &[10, 12], &[11], false);
        // Every other day: the third day is a relapse (3 within four weeks), logged between
        // or not.
        card(Daytime, &[10, 12, 14]);
        expect(Daytime, &[10, 12, 14], &[11, 13], true);
        // Two days far apart: stress recurs in any month; reported, no card.
        sighting(Daytime, &[1, 28]);
        // Three days spanning the whole period (27 days apart) are in; one before it is not.
        card(Daytime, &[1, 14, 28]);
        sighting(Daytime, &[0, 14, 28]);
        // Once a week: a card on the third week, not before.
        sighting(Daytime, &[7, 14]);
        card(Daytime, &[7, 14, 21]);
        // Every nine days: three days within four weeks.
        sighting(Daytime, &[1, 10]);
        card(Daytime, &[1, 10, 19, 28]);
        // Every two to three days.
        card(Daytime, &[3, 5, 8]);
    }

    #[test]
    fn restless_legs_twice_in_a_week_or_three_times_in_four() {
        use WarningKind::RestlessLegs;
        sighting(RestlessLegs, &[10]);
        // The short window's edges: six days apart is within a week, seven is not.
        card(RestlessLegs, &[10, 16]);
        sighting(RestlessLegs, &[10, 17]);
        // Once a week: the third evening makes it recurring.
        card(RestlessLegs, &[3, 10, 17]);
        card(RestlessLegs, &[3, 10, 17, 24]);
        // Every nine days: two evenings are not yet, three are.
        sighting(RestlessLegs, &[1, 10]);
        card(RestlessLegs, &[1, 10, 19]);
        // The long window spans the period; an evening before it does not count.
        card(RestlessLegs, &[1, 14, 28]);
        sighting(RestlessLegs, &[0, 14, 28]);
        // Every two to three days, with evenings not logged between.
        card(RestlessLegs, &[5, 7, 10]);
        expect(RestlessLegs, &[5, 8], &[6, 7], true);
    }

    #[test]
    fn partner_movements_and_sleep_paralysis_twice_in_four_weeks() {
        for kind in [WarningKind::PartnerMovements, WarningKind::SleepParalysis] {
            sighting(kind, &[5]);
            // The window's edges: the period's first and last evening are in.
            card(kind, &[1, 28]);
            sighting(kind, &[0, 28]);
            // Once a week, every nine days, every two to three days.
            card(kind, &[7, 14]);
            card(kind, &[1, 10]);
            card(kind, &[20, 22, 25]);
            expect(kind, &[20, 27], &[21, 22, 23, 24, 25, 26], true);
        }
    }

    #[test]
    fn a_single_sighting_of_any_sign_is_never_silent() {
        for kind in WarningKind::ALL {
            for d in [1, 14, 28] {
                sighting(kind, &[d]);
            }
            // Outside the period, it is not part of it at all.
            let found = judged(kind, &[29], &[]);
            assert!(found.nothing_logged() && found.says_nothing_logged(), "{kind:?}: {found:?}");
        }
    }

    #[test]
    fn several_signs_are_each_judged_on_their_own() {
        let mut journal = quiet_month();
        logged(&mut journal, &[3, 9], &[NightAnswer::TwitchAllNight(true)]);
        logged(&mut journal, &[9], &[NightAnswer::SleepParalysis(true)]);
        logged(&mut journal, &[20, 21], &[NightAnswer::TwitchDaytime(true)]);
        let found = findings(&journal, day(LAST));
        let kinds = |list: &[Warning]| list.iter().map(|w| w.kind).collect::<Vec<_>>();
        assert_eq!(kinds(&found.cards), vec![WarningKind::AllNight, WarningKind::Daytime]);
        assert_eq!(kinds(&found.below_threshold), vec![WarningKind::SleepParalysis]);
        assert_eq!((found.from, found.to, found.logged_nights), (day(1), day(28), 28));
        // Two weeks later the period has moved on: the 3rd and 9th are out of it.
        let later = findings(&journal, day(LAST + 14));
        assert_eq!(kinds(&later.cards), vec![WarningKind::Daytime]);
        assert!(later.below_threshold.is_empty());
    }

    #[test]
    fn a_card_carries_how_rested_each_night_was() {
        let mut journal = quiet_month();
        logged(&mut journal, &[3, 10, 17], &[NightAnswer::TwitchAllNight(true)]);
        logged(&mut journal, &[3], &[NightAnswer::Rested(Some(2))]);
        logged(&mut journal, &[17], &[NightAnswer::Rested(Some(1))]);
        // A score edited by hand out of range is not an answer.
        journal.evenings.get_mut(&day(10)).unwrap().night.as_mut().unwrap().rested = Some(9);
        let found = findings(&journal, day(LAST));
        assert_eq!(found.cards[0].rested, vec![Some(2), None, Some(1)]);
        assert_eq!(found.cards[0].rested_scores(), vec![2, 1]);
    }

    #[test]
    fn falling_asleep_jerks_alone_reassure_and_never_warn() {
        let mut journal = quiet_month();
        let found = findings(&journal, day(LAST));
        assert!(!found.reassurance, "no jerks: nothing to reassure about");
        assert!(found.nothing_logged() && found.says_nothing_logged());
        logged(&mut journal, &[2, 6, 11, 19, 25], &[NightAnswer::FallingAsleep(Some(Jerks::Few))]);
        logged(&mut journal, &[13], &[NightAnswer::FallingAsleep(Some(Jerks::Many)), NightAnswer::WokeFromJolt(true)]);
        let found = findings(&journal, day(LAST));
        assert!(found.nothing_logged() && found.reassurance && !found.says_nothing_logged());
        // One sighting of any sign, and the reassurance is gone.
        logged(&mut journal, &[12], &[NightAnswer::SleepParalysis(true)]);
        let found = findings(&journal, day(LAST));
        assert!(!found.reassurance && !found.nothing_logged() && found.cards.is_empty());
        // Every night with many jerks and a jolt: still no warning sign, but no longer "now
        // and then", so no reassurance either.
        let mut every = Journal::default();
        let many = [NightAnswer::FallingAsleep(Some(Jerks::Many)), NightAnswer::WokeFromJolt(true)];
        logged(&mut every, &(1..=30).collect::<Vec<_>>(), &many);
        let found = findings(&every, day(LAST));
        assert!(found.nothing_logged() && !found.reassurance && found.says_nothing_logged());
        // Nothing logged at all: nothing to say.
        let empty = findings(&Journal::default(), day(LAST));
        assert!(empty.nothing_logged() && !empty.says_nothing_logged() && empty.logged_nights == 0);
    }

    #[test]
    fn thresholds_are_sane() {
        for kind in WarningKind::ALL {
            assert!(!kind.windows().is_empty());
            for window in kind.windows() {
                assert!(window.nights >= 2, "{kind:?}: a rule needs a recurrence");
                assert!(window.nights as i64 <= window.days, "{kind:?}: the nights fit the window");
                assert!(window.days <= RECENT_DAYS, "{kind:?}: the window fits the period");
            }
        }
        assert!(DAYTIME_IN_A_ROW.in_a_row() && !RESTLESS_LEGS_SHORT.in_a_row());
        // The first day of time: the period is read as that day, not a panic.
        assert_eq!(period_start(NaiveDate::MIN), NaiveDate::MIN);
    }

    /// Whether some `window.days` consecutive days of the period hold `window.nights` of
    /// `nights`, counted day by day: an oracle for [`Window::holds`].
    fn holds_by_counting(window: Window, nights: &[NaiveDate], from: NaiveDate, to: NaiveDate) -> bool {
        from.iter_days().take_while(|start| *start <= to).any(|start| {
            let end = start + TimeDelta::days(window.days - 1);
            nights.iter().filter(|night| (start..=end).contains(*night)).count() >= window.nights
        })
    }

    fn night_strategy() -> impl Strategy<Value = Option<NightLog>> {
        let answers = (any::<[bool; 6]>(), proptest::option::of(0u8..3), proptest::option::of(0u8..8));
        proptest::option::weighted(0.8, answers).prop_map(|answers| {
            answers.map(|(flags, jerks, rested)| NightLog {
                twitch_all_night: flags[0],
                twitch_daytime: flags[1],
                restless_legs: flags[2],
                partner_saw_movements: flags[3],
                sleep_paralysis: flags[4],
                woke_from_jolt: flags[5],
                falling_asleep: jerks.map(|j| [Jerks::None, Jerks::Few, Jerks::Many][usize::from(j)]),
                rested,
                ..NightLog::default()
            })
        })
    }

    /// Signs are rare in a real log: each flag is set on about one night in eight.
    fn sparse_night() -> impl Strategy<Value = Option<NightLog>> {
        (night_strategy(), any::<[u8; 5]>()).prop_map(|(log, dice)| {
            log.map(|mut log| {
                let keep = |flag: &mut bool, die: u8| *flag &= die < 32;
                keep(&mut log.twitch_all_night, dice[0]);
                keep(&mut log.twitch_daytime, dice[1]);
                keep(&mut log.restless_legs, dice[2]);
                keep(&mut log.partner_saw_movements, dice[3]);
                keep(&mut log.sleep_paralysis, dice[4]);
                log
            })
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        /// Over any night log of about forty days: every sign logged in the period is a
        /// card or a sighting with exactly its nights (and rested answers), a card exactly
        /// when a window holds (counted day by day), and "nothing" — the only gate for
        /// "nothing came back" and the reassurance — exactly when no sign was logged.
        #[test]
        fn no_logged_sign_is_ever_left_out(
            nights in proptest::collection::vec(prop_oneof![night_strategy(), sparse_night()], 40),
            last in 0i64..40,
        ) {
            let mut journal = Journal::default();
            for (offset, log) in nights.into_iter().enumerate() {
                if let Some(log) = log {
                    journal.evenings.entry(day(offset as i64 - 5)).or_default().night = Some(log);
                }
            }
            let last = day(last);
            let found = findings(&journal, last);
            let from = last - TimeDelta::days(RECENT_DAYS - 1);
            prop_assert_eq!((found.from, found.to), (from, last));
            let in_period: Vec<(NaiveDate, &NightLog)> = journal.nights().filter(|(d, _)| (from..=last).contains(d)).collect();
            prop_assert_eq!(found.logged_nights, in_period.len());
            let mut any_sign = false;
            for kind in WarningKind::ALL {
                let seen: Vec<(NaiveDate, Option<u8>)> =
                    in_period.iter().filter(|(_, log)| kind.seen_in(log)).map(|(d, log)| (*d, log.rested_score())).collect();
                let as_card = found.cards.iter().find(|w| w.kind == kind);
                let as_sighting = found.below_threshold.iter().find(|w| w.kind == kind);
                if seen.is_empty() {
                    prop_assert!(as_card.is_none() && as_sighting.is_none(), "{:?} was not logged", kind);
                    continue;
                }
                any_sign = true;
                let dates: Vec<NaiveDate> = seen.iter().map(|(d, _)| *d).collect();
                let fires = kind.windows().iter().any(|w| holds_by_counting(*w, &dates, from, last));
                let warning = match (as_card, as_sighting) {
                    (Some(card), None) => { prop_assert!(fires, "{:?} on {:?}", kind, dates); card }
                    (None, Some(sighting)) => { prop_assert!(!fires, "{:?} on {:?}", kind, dates); sighting }
                    other => return Err(TestCaseError::fail(format!("{kind:?} on {dates:?}: {other:?}"))),
                };
                prop_assert_eq!(&warning.nights, &dates);
                prop_assert_eq!(&warning.rested, &seen.iter().map(|(_, r)| *r).collect::<Vec<_>>());
            }
            prop_assert_eq!(any_sign, in_period.iter().any(|(_, log)| log.has_warning_sign()));
            prop_assert_eq!(found.nothing_logged(), !any_sign);
            if !found.nothing_logged() {
                prop_assert!(!found.reassurance && !found.says_nothing_logged());
            }
            prop_assert!(!(found.reassurance && found.says_nothing_logged()), "one or the other");
        }
    }
}
