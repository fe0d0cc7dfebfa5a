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
//! answer from, always the same way: the [`RECENT_DAYS`] evenings ending on the one shown
//! are listed, and each sign is judged over the [`LOOKBACK_DAYS`] ending there, so a sign
//! that comes back every fortnight or month shows its pattern and a card does not turn
//! back into "nothing" as its nights leave the four weeks ([`Warning::earlier`]). A sign
//! logged in the look-back is either a card or, below a card's threshold, a sighting that
//! is still reported with its nights ([`Findings::below_threshold`]); signs logged after
//! the evening shown are kept too ([`Findings::later`]). "Nothing came back" is said only
//! when no sign at all was logged ([`Findings::nothing_logged`]), and the article's
//! reassurance only then, and only for jerks "now and then" on nights slept well.
//!
//! # The rules
//!
//! Each sign has one or more [`Window`]s: "N nights with the sign within D days". A rule
//! fires when any of its windows holds somewhere in the look-back: a short window for a
//! sign that comes back quickly, and the whole twelve weeks for one that comes back slowly.
//! Twitching through the night, and several signs on the same night, are a card from one
//! night. Every threshold is a named constant with its reasoning. Nights that were not
//! logged count neither way: an unlogged day neither breaks a run nor adds to it. Pure:
//! the last evening is given, nothing reads the clock.

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

/// How far back recurrence is looked for: twelve weeks. The four weeks ([`RECENT_DAYS`])
/// are what is listed; a sign that comes back every fortnight or every month would never
/// show a pattern within them, yet the article's daytime twitches are harmless only "if
/// this does not occur chronically and there are no relapses", and twitching through the
/// night needs care whenever it recurs. Three months hold three monthly recurrences and
/// six fortnightly ones, and are short enough that a sign from last season does not hang
/// over the log for ever.
pub const LOOKBACK_DAYS: i64 = 84;

/// Twitching through the night, on a single night. The article's line between harmless
/// and "see a doctor" is exactly this: jerks that stay at the start of sleep are normal,
/// myoclonus that accompanies sleep "throughout the night … does not allow you to sleep,
/// the body does not recover", "you cannot do without qualified medical care", and "the
/// earlier the treatment begins, the more effective". Unlike the other signs the article
/// gives it no allowance (no "after serious stress", no "not dangerous in itself"), so
/// one logged night is a card, kept for the whole look-back.
pub const ALL_NIGHT_ONCE: Window = Window { nights: 1, days: 1 };

/// Twitches by day on 2 days in a row. The article allows some after serious stress and
/// names them a reason to see a doctor when they "repeat on subsequent days": one day
/// alone is silent, a day followed by another (logs of consecutive evenings) fires.
pub const DAYTIME_IN_A_ROW: Window = Window { nights: 2, days: 2 };

/// Twitches by day on 3 days within twelve weeks. The article's daytime twitches are
/// harmless "if this does not occur chronically and there are no relapses"; a day that
/// comes back twice in three months is such a relapse even when no two days touch (every
/// other day, every fortnight, every month). Two days far apart are not yet: stress,
/// which the article allows for, recurs in any season.
pub const DAYTIME_RECURRING: Window = Window { nights: 3, days: LOOKBACK_DAYS };

/// Restless legs on 2 evenings within a week. The article describes itching and "a
/// constant need to move the legs" as a condition that stays, not one evening after a
/// long walk; twice in a week is coming back quickly.
pub const RESTLESS_LEGS_SHORT: Window = Window { nights: 2, days: 7 };

/// Restless legs on 3 evenings within twelve weeks: the same recurrence, slowly (every
/// fortnight, every month). Two evenings far apart stay a sighting.
pub const RESTLESS_LEGS_RECURRING: Window = Window { nights: 3, days: LOOKBACK_DAYS };

/// Rhythmic toe or ankle movements every 20–40 s, seen by a partner, on 2 nights within
/// twelve weeks: they are so specific, and a partner awake to see them so rare, that a
/// second sighting in a season already shows they recur.
pub const PARTNER_MOVEMENTS_RECURRING: Window = Window { nights: 2, days: LOOKBACK_DAYS };

/// Sleep paralysis on 2 nights within four weeks: a single episode is common and, the
/// article says, not dangerous in itself; coming back within four weeks is the recurring
/// kind worth a doctor's look.
pub const SLEEP_PARALYSIS_RECURRING: Window = Window { nights: 2, days: RECENT_DAYS };

/// Sleep paralysis on 3 nights within twelve weeks: two episodes a couple of months apart
/// are still within what many people have after stress or short sleep (the article's
/// causes), a third within the season is the pattern coming back.
pub const SLEEP_PARALYSIS_CHRONIC: Window = Window { nights: 3, days: LOOKBACK_DAYS };

/// Two or more different signs on the same night. The article ties them together:
/// "frequently recurring progressive day and night … seizures" are a hallmark of a
/// disease, and the movements a partner sees are "almost always accompanied by restless
/// legs". One night that shows several of them is worth a doctor's look by itself.
pub const SEVERAL_SIGNS_MIN: usize = 2;

/// One night with several signs makes the combined card.
pub const SEVERAL_SIGNS_ONCE: Window = Window { nights: 1, days: 1 };

/// The reassurance speaks of a pattern, "short-lived, sometimes present": fewer logged
/// nights than this in the four weeks are not a pattern, so nothing reassures.
pub const REASSURANCE_MIN_NIGHTS: usize = 3;

/// The article's reassurance is for jerks that are "short-lived, sometimes present in the
/// initial phase of sleep" and do "not threaten health and good sleep". A night with many
/// jerks, with a jolt that woke the user, or after which they felt worn out (rested
/// [`REASSURANCE_TIRED_MAX`] or less) is not that kind; up to one such night in five
/// (the odd bad night anyone has) still is "sometimes", more is not, and the app then
/// neither reassures nor warns (the comparisons in `helps` are for that case).
pub const REASSURANCE_MAX_DISTURBED_SHARE: f64 = 0.2;

/// A rested score this low (of 5) is a night the user did not recover from.
pub const REASSURANCE_TIRED_MAX: u8 = 2;

/// Which pattern a warning is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum WarningKind {
    AllNight,
    /// Twitches while awake by day (on days in a row, or coming back within four weeks).
    Daytime,
    RestlessLegs,
    PartnerMovements,
    SleepParalysis,
    /// [`SEVERAL_SIGNS_MIN`] different signs on one night.
    SeveralSigns,
}

impl WarningKind {
    pub const ALL: [WarningKind; 6] = [
        WarningKind::AllNight,
        WarningKind::Daytime,
        WarningKind::RestlessLegs,
        WarningKind::PartnerMovements,
        WarningKind::SleepParalysis,
        WarningKind::SeveralSigns,
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
            WarningKind::SeveralSigns => "several_signs",
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
            WarningKind::SeveralSigns => log.sign_count() >= SEVERAL_SIGNS_MIN,
        }
    }

    /// The windows any one of which makes a card, shortest first.
    pub fn windows(self) -> &'static [Window] {
        match self {
            WarningKind::AllNight => &[ALL_NIGHT_ONCE],
            WarningKind::Daytime => &[DAYTIME_IN_A_ROW, DAYTIME_RECURRING],
            WarningKind::RestlessLegs => &[RESTLESS_LEGS_SHORT, RESTLESS_LEGS_RECURRING],
            WarningKind::PartnerMovements => &[PARTNER_MOVEMENTS_RECURRING],
            WarningKind::SleepParalysis => &[SLEEP_PARALYSIS_RECURRING, SLEEP_PARALYSIS_CHRONIC],
            WarningKind::SeveralSigns => &[SEVERAL_SIGNS_ONCE],
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
    /// The evenings with the sign in the [`LOOKBACK_DAYS`] before the period, oldest
    /// first: "also logged on N earlier nights". A sign only there is still a finding.
    pub earlier: Vec<NaiveDate>,
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
    /// sign at all (see [`REASSURANCE_MAX_DISTURBED_SHARE`]).
    pub reassurance: bool,
    /// Night logs in the period, answered or not.
    pub logged_nights: usize,
    /// Evenings after `to` whose night shows any sign: when an earlier evening is shown
    /// (`night --date`), these keep it from saying that nothing came back.
    pub later: Vec<NaiveDate>,
}

impl Findings {
    /// No sign at all was logged in the period: the only case in which anything may say
    /// that none came back.
    pub fn nothing_logged(&self) -> bool {
        self.cards.is_empty() && self.below_threshold.is_empty() && self.later.is_empty()
    }

    /// Whether to say "no sign was logged in these four weeks": nights were logged, none
    /// with a sign (nor in the look-back, nor later), and the reassurance (which says so in
    /// its own words) does not apply.
    pub fn says_nothing_logged(&self) -> bool {
        self.nothing_logged() && self.logged_nights > 0 && !self.reassurance
    }
}

/// The first evening of the look-back ending on `last_evening`.
pub fn lookback_start(last_evening: NaiveDate) -> NaiveDate {
    last_evening.checked_sub_signed(TimeDelta::days(LOOKBACK_DAYS - 1)).unwrap_or(last_evening)
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
/// [`RECENT_DAYS`] evenings ending on `last_evening`, each sign judged over the
/// [`LOOKBACK_DAYS`] ending there, and the signs logged after it.
pub fn findings(journal: &Journal, last_evening: NaiveDate) -> Findings {
    let (from, to) = (period_start(last_evening), last_evening);
    let back = lookback_start(last_evening);
    let (mut cards, mut below_threshold) = (Vec::new(), Vec::new());
    for kind in WarningKind::ALL {
        let all: Vec<(NaiveDate, Option<u8>)> = logs(journal, back, to)
            .filter(|(_, log)| kind.seen_in(log))
            .map(|(d, log)| (d, log.rested_score()))
            .collect();
        if all.is_empty() {
            continue;
        }
        let dates: Vec<NaiveDate> = all.iter().map(|(d, _)| *d).collect();
        let fires = kind.fires(&dates);
        let (earlier, recent): (Vec<_>, Vec<_>) = all.into_iter().partition(|(d, _)| *d < from);
        let (nights, rested) = recent.into_iter().unzip();
        let warning = Warning { kind, nights, rested, earlier: earlier.into_iter().map(|(d, _)| d).collect() };
        if fires { cards.push(warning) } else { below_threshold.push(warning) }
    }
    let later: Vec<NaiveDate> = journal
        .evenings
        .range(to.succ_opt().unwrap_or(to)..)
        .filter(|(date, evening)| **date > to && evening.night.as_ref().is_some_and(NightLog::has_warning_sign))
        .map(|(date, _)| *date)
        .collect();
    let reassurance =
        cards.is_empty() && below_threshold.is_empty() && later.is_empty() && only_harmless_jerks(journal, from, to);
    Findings { from, to, cards, below_threshold, reassurance, logged_nights: logs(journal, from, to).count(), later }
}

/// Whether the article's reassurance fits `from..=to`: jerks while falling asleep (or a
/// jolt that woke the user) were logged on at least [`REASSURANCE_MIN_NIGHTS`] nights, at
/// most [`REASSURANCE_MAX_DISTURBED_SHARE`] of the logged nights were disturbed, and no
/// night showed any of the warning signs, not even once.
fn only_harmless_jerks(journal: &Journal, from: NaiveDate, to: NaiveDate) -> bool {
    let (mut jerky, mut disturbed, mut logged) = (0usize, 0usize, 0usize);
    for (_, log) in logs(journal, from, to) {
        if log.has_warning_sign() {
            return false;
        }
        logged += 1;
        let tired = log.rested_score().is_some_and(|score| score <= REASSURANCE_TIRED_MAX);
        disturbed += usize::from(log.falling_asleep == Some(Jerks::Many) || log.woke_from_jolt || tired);
        jerky += usize::from(matches!(log.falling_asleep, Some(Jerks::Few | Jerks::Many)) || log.woke_from_jolt);
    }
    jerky > 0
        && logged >= REASSURANCE_MIN_NIGHTS
        && (disturbed as f64) <= REASSURANCE_MAX_DISTURBED_SHARE * logged as f64
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

    fn sign(kind: WarningKind) -> Vec<NightAnswer> {
        match kind {
            WarningKind::AllNight => vec![NightAnswer::TwitchAllNight(true)],
            WarningKind::Daytime => vec![NightAnswer::TwitchDaytime(true)],
            WarningKind::RestlessLegs => vec![NightAnswer::RestlessLegs(true)],
            WarningKind::PartnerMovements => vec![NightAnswer::PartnerSawMovements(true)],
            WarningKind::SleepParalysis => vec![NightAnswer::SleepParalysis(true)],
            WarningKind::SeveralSigns => vec![NightAnswer::TwitchDaytime(true), NightAnswer::SleepParalysis(true)],
        }
    }

    /// The findings of the four weeks up to the 28th when `kind`'s sign is logged on
    /// `days` and every other day of the month is quiet (or, with `gaps`, not logged).
    fn judged(kind: WarningKind, days: &[i64], gaps: &[i64]) -> Findings {
        let mut journal = quiet_month();
        for gap in gaps {
            journal.evenings.remove(&day(*gap));
        }
        logged(&mut journal, days, &sign(kind));
        findings(&journal, day(LAST))
    }

    /// Asserts that `kind` on `days` is a card (`card`) or a sighting below the threshold,
    /// with exactly the nights of `days` that fall in the period (and in the look-back
    /// before it), and nothing else.
    fn expect(kind: WarningKind, days: &[i64], gaps: &[i64], card: bool) {
        let found = judged(kind, days, gaps);
        let nights: Vec<NaiveDate> = days.iter().filter(|d| (1..=LAST).contains(*d)).map(|d| day(*d)).collect();
        let back = LAST - LOOKBACK_DAYS + 1;
        let earlier: Vec<NaiveDate> = days.iter().filter(|d| (back..1).contains(*d)).map(|d| day(*d)).collect();
        let (hit, other) =
            if card { (&found.cards, &found.below_threshold) } else { (&found.below_threshold, &found.cards) };
        assert_eq!(hit.len(), 1, "{kind:?} on {days:?} (card: {card}): {found:?}");
        assert_eq!((hit[0].kind, &hit[0].nights, &hit[0].earlier), (kind, &nights, &earlier), "{kind:?} on {days:?}");
        // The combined card's own signs are each reported too.
        let others: Vec<_> = other.iter().filter(|w| w.kind != WarningKind::SeveralSigns).collect();
        assert!(others.is_empty() || kind == WarningKind::SeveralSigns, "{kind:?} on {days:?}: {found:?}");
        assert!(!found.nothing_logged() && !found.reassurance && !found.says_nothing_logged());
    }

    fn card(kind: WarningKind, days: &[i64]) {
        expect(kind, days, &[], true);
    }

    fn sighting(kind: WarningKind, days: &[i64]) {
        expect(kind, days, &[], false);
    }

    #[test]
    fn twitching_through_the_night_is_a_card_from_the_first_night() {
        use WarningKind::AllNight;
        // The article's serious case, with no allowance: one night is a card, in the
        // period or anywhere in the twelve weeks before its end.
        for d in [1, 14, 28, 0, -30, LAST - LOOKBACK_DAYS + 1] {
            card(AllNight, &[d]);
        }
        // The clinician's case: every 29 days from the 1st of August, never twice in four
        // weeks, is a card on the day between episodes (the 24th of November).
        let mut journal = quiet_month();
        let aug1 = NaiveDate::from_ymd_opt(2026, 8, 1).unwrap();
        for n in 0..5 {
            let date = aug1 + TimeDelta::days(29 * n);
            let log = journal.evenings.entry(date).or_default().night.get_or_insert_with(NightLog::default);
            log.answer(NightAnswer::TwitchAllNight(true));
            log.answer(NightAnswer::Rested(Some(1)));
        }
        let found = findings(&journal, day(24));
        assert_eq!(found.cards.len(), 1, "{found:?}");
        assert_eq!((found.cards[0].kind, found.cards[0].nights.len(), found.cards[0].earlier.len()), (AllNight, 0, 2));
        assert!(!found.reassurance && !found.says_nothing_logged());
        // Beyond the look-back it is no longer part of the findings.
        sighting_or_nothing(AllNight, &[LAST - LOOKBACK_DAYS]);
    }

    /// `kind` on `days` is no finding at all.
    fn sighting_or_nothing(kind: WarningKind, days: &[i64]) {
        let found = judged(kind, days, &[]);
        assert!(found.nothing_logged(), "{kind:?} on {days:?}: {found:?}");
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
        // Three days spanning the whole period (27 days apart) are in, and so is one in the
        // twelve weeks before it: "chronically", "relapses".
        card(Daytime, &[1, 14, 28]);
        card(Daytime, &[0, 14, 28]);
        // The clinician's case: every 14 days from the 4th of October, a card by the third.
        sighting(Daytime, &[-27, -13]);
        card(Daytime, &[-27, -13, 1]);
        card(Daytime, &[-27, -13, 1, 15]);
        sighting(Daytime, &[-27, 1]);
        // Two days in a row just before the four weeks stay a card: it does not turn back
        // into "not yet" as they leave the period.
        card(Daytime, &[-1, 0]);
        // Twelve weeks and a day: the first is out of the look-back.
        sighting(Daytime, &[LAST - LOOKBACK_DAYS, 1, 28]);
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
        // The long window spans the look-back; an evening before it does not count.
        card(RestlessLegs, &[1, 14, 28]);
        card(RestlessLegs, &[-40, 14, 28]);
        sighting(RestlessLegs, &[LAST - LOOKBACK_DAYS, 14, 28]);
        // Every two to three days, with evenings not logged between.
        card(RestlessLegs, &[5, 7, 10]);
        expect(RestlessLegs, &[5, 8], &[6, 7], true);
    }

    #[test]
    fn partner_movements_and_sleep_paralysis_twice_in_four_weeks() {
        // Partner movements: twice in twelve weeks; paralysis: twice in four or three times
        // in twelve.
        card(WarningKind::PartnerMovements, &[0, 28]);
        card(WarningKind::PartnerMovements, &[-50, 28]);
        sighting(WarningKind::SleepParalysis, &[0, 28]);
        card(WarningKind::SleepParalysis, &[-50, 0, 28]);
        sighting(WarningKind::SleepParalysis, &[-50, 28]);
        for kind in [WarningKind::PartnerMovements, WarningKind::SleepParalysis] {
            sighting(kind, &[5]);
            // The window's edges: the period's first and last evening are in.
            card(kind, &[1, 28]);
            // Once a week, every nine days, every two to three days.
            card(kind, &[7, 14]);
            card(kind, &[1, 10]);
            card(kind, &[20, 22, 25]);
            expect(kind, &[20, 27], &[21, 22, 23, 24, 25, 26], true);
        }
    }

    #[test]
    fn a_single_sighting_of_any_sign_is_never_silent() {
        use WarningKind::{AllNight, SeveralSigns};
        for kind in WarningKind::ALL {
            for d in [1, 14, 28, 0, -50] {
                // Each sign once is reported; the serious and the combined ones as cards.
                expect(kind, &[d], &[], matches!(kind, AllNight | SeveralSigns));
            }
        }
    }

    #[test]
    fn a_sign_logged_after_the_evening_shown_keeps_it_from_reassuring() {
        // The clinician's case: twitching through the night on two later nights, and an
        // earlier evening shown with a few jerks: no reassurance, no "nothing logged".
        let mut journal = quiet_month();
        logged(&mut journal, &[2, 6, 11, 19, 25], &[NightAnswer::FallingAsleep(Some(Jerks::Few))]);
        assert!(findings(&journal, day(LAST)).reassurance);
        logged(&mut journal, &[34, 35], &[NightAnswer::TwitchAllNight(true), NightAnswer::Rested(Some(1))]);
        let found = findings(&journal, day(LAST));
        assert_eq!(found.later, vec![day(34), day(35)]);
        assert!(!found.reassurance && !found.nothing_logged() && !found.says_nothing_logged(), "{found:?}");
        assert!(found.cards.is_empty() && found.below_threshold.is_empty());
        // From the latest night they are a card.
        assert_eq!(findings(&journal, day(35)).cards[0].kind, WarningKind::AllNight);
    }

    #[test]
    fn several_signs_on_one_night_make_a_card_of_their_own() {
        // The clinician's night: daytime twitches, movements a partner saw, sleep paralysis
        // and many jerks, once.
        let mut journal = quiet_month();
        let night = [
            NightAnswer::TwitchDaytime(true),
            NightAnswer::PartnerSawMovements(true),
            NightAnswer::SleepParalysis(true),
            NightAnswer::FallingAsleep(Some(Jerks::Many)),
        ];
        logged(&mut journal, &[12], &night);
        let found = findings(&journal, day(LAST));
        let kinds = |list: &[Warning]| list.iter().map(|w| w.kind).collect::<Vec<_>>();
        assert_eq!(kinds(&found.cards), vec![WarningKind::SeveralSigns]);
        assert_eq!(found.cards[0].nights, vec![day(12)]);
        assert_eq!(found.below_threshold.len(), 3);
        // Two signs on different nights are not "the same night".
        let mut apart = quiet_month();
        logged(&mut apart, &[12], &[NightAnswer::TwitchDaytime(true)]);
        logged(&mut apart, &[13], &[NightAnswer::SleepParalysis(true)]);
        assert!(findings(&apart, day(LAST)).cards.is_empty());
    }

    #[test]
    fn several_signs_are_each_judged_on_their_own() {
        let mut journal = quiet_month();
        logged(&mut journal, &[3, 9], &[NightAnswer::TwitchAllNight(true)]);
        logged(&mut journal, &[9], &[NightAnswer::SleepParalysis(true)]);
        logged(&mut journal, &[20, 21], &[NightAnswer::TwitchDaytime(true)]);
        let found = findings(&journal, day(LAST));
        let kinds = |list: &[Warning]| list.iter().map(|w| w.kind).collect::<Vec<_>>();
        let both = vec![WarningKind::AllNight, WarningKind::Daytime, WarningKind::SeveralSigns];
        assert_eq!(kinds(&found.cards), both);
        assert_eq!(kinds(&found.below_threshold), vec![WarningKind::SleepParalysis]);
        assert_eq!((found.from, found.to, found.logged_nights), (day(1), day(28), 28));
        // Two weeks later the period has moved on: the 3rd and 9th are earlier nights of
        // the look-back, still part of the findings.
        let later = findings(&journal, day(LAST + 14));
        assert_eq!(kinds(&later.cards), both);
        assert_eq!((later.cards[0].nights.len(), later.cards[0].earlier.clone()), (0, vec![day(3), day(9)]));
        // Twelve weeks after the 9th, they are gone.
        let gone = findings(&journal, day(9 + LOOKBACK_DAYS));
        assert_eq!(kinds(&gone.cards), vec![WarningKind::Daytime]);
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
        // The clinician's cases: every night a few jerks, a jolt, rested 1; every other
        // night many, a jolt every night; two nights only. None is "now and then, sleeping
        // well", so none is reassured.
        for case in [
            vec![
                NightAnswer::FallingAsleep(Some(Jerks::Few)),
                NightAnswer::WokeFromJolt(true),
                NightAnswer::Rested(Some(1)),
                NightAnswer::Stress(Some(crate::model::Stress::High)),
            ],
            vec![NightAnswer::FallingAsleep(Some(Jerks::Few)), NightAnswer::WokeFromJolt(true)],
        ] {
            let mut every = Journal::default();
            logged(&mut every, &(1..=28).collect::<Vec<_>>(), &case);
            logged(
                &mut every,
                &(1..=28).step_by(2).collect::<Vec<_>>(),
                &[NightAnswer::FallingAsleep(Some(Jerks::Many))],
            );
            let found = findings(&every, day(LAST));
            assert!(found.nothing_logged() && !found.reassurance && found.says_nothing_logged(), "{case:?}");
        }
        let mut two = Journal::default();
        logged(&mut two, &[20, 27], &[NightAnswer::FallingAsleep(Some(Jerks::Few))]);
        assert!(!findings(&two, day(LAST)).reassurance, "two nights are not a pattern");
        logged(&mut two, &[24], &[NightAnswer::FallingAsleep(Some(Jerks::None))]);
        assert!(findings(&two, day(LAST)).reassurance, "three are");
        // One disturbed night in five still is "sometimes"; two are not.
        let mut five = Journal::default();
        logged(&mut five, &[20, 21, 22, 23, 24], &[NightAnswer::FallingAsleep(Some(Jerks::Few))]);
        logged(&mut five, &[22], &[NightAnswer::Rested(Some(2))]);
        assert!(findings(&five, day(LAST)).reassurance);
        logged(&mut five, &[23], &[NightAnswer::WokeFromJolt(true)]);
        assert!(!findings(&five, day(LAST)).reassurance);
        // A sign twelve weeks back still keeps the reassurance away; a day more does not.
        let mut old = quiet_month();
        logged(&mut old, &[2, 6, 11, 19, 25], &[NightAnswer::FallingAsleep(Some(Jerks::Few))]);
        logged(&mut old, &[LAST - LOOKBACK_DAYS + 1], &[NightAnswer::TwitchDaytime(true)]);
        assert!(!findings(&old, day(LAST)).reassurance);
        assert!(findings(&old, day(LAST + 1)).reassurance);
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
                // Only the serious sign and the combined one need no recurrence.
                let once = matches!(kind, WarningKind::AllNight | WarningKind::SeveralSigns);
                assert!(window.nights >= 2 || once, "{kind:?}: a rule needs a recurrence");
                assert!(window.nights as i64 <= window.days, "{kind:?}: the nights fit the window");
                assert!(window.days <= LOOKBACK_DAYS, "{kind:?}: the window fits the look-back");
            }
        }
        assert!(DAYTIME_IN_A_ROW.in_a_row() && !RESTLESS_LEGS_SHORT.in_a_row());
        // The first day of time: the period is read as that day, not a panic.
        assert_eq!(period_start(NaiveDate::MIN), NaiveDate::MIN);
        assert_eq!(lookback_start(NaiveDate::MIN), NaiveDate::MIN);
        const { assert!(RECENT_DAYS < LOOKBACK_DAYS && REASSURANCE_MAX_DISTURBED_SHARE < 0.5) };
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
            let back = last - TimeDelta::days(LOOKBACK_DAYS - 1);
            let in_period: Vec<(NaiveDate, &NightLog)> = journal.nights().filter(|(d, _)| (from..=last).contains(d)).collect();
            let in_lookback: Vec<(NaiveDate, &NightLog)> = journal.nights().filter(|(d, _)| (back..=last).contains(d)).collect();
            prop_assert_eq!(found.logged_nights, in_period.len());
            let later: Vec<NaiveDate> = journal.nights().filter(|(d, log)| *d > last && log.has_warning_sign()).map(|(d, _)| d).collect();
            prop_assert_eq!(&found.later, &later);
            let mut any_sign = false;
            for kind in WarningKind::ALL {
                let seen: Vec<(NaiveDate, Option<u8>)> =
                    in_period.iter().filter(|(_, log)| kind.seen_in(log)).map(|(d, log)| (*d, log.rested_score())).collect();
                let earlier: Vec<NaiveDate> =
                    in_lookback.iter().filter(|(d, log)| *d < from && kind.seen_in(log)).map(|(d, _)| *d).collect();
                let as_card = found.cards.iter().find(|w| w.kind == kind);
                let as_sighting = found.below_threshold.iter().find(|w| w.kind == kind);
                if seen.is_empty() && earlier.is_empty() {
                    prop_assert!(as_card.is_none() && as_sighting.is_none(), "{:?} was not logged", kind);
                    continue;
                }
                any_sign = true;
                let dates: Vec<NaiveDate> = seen.iter().map(|(d, _)| *d).collect();
                let all: Vec<NaiveDate> = earlier.iter().chain(&dates).copied().collect();
                let fires = kind.windows().iter().any(|w| holds_by_counting(*w, &all, back, last));
                let warning = match (as_card, as_sighting) {
                    (Some(card), None) => { prop_assert!(fires, "{:?} on {:?}", kind, dates); card }
                    (None, Some(sighting)) => { prop_assert!(!fires, "{:?} on {:?}", kind, dates); sighting }
                    other => return Err(TestCaseError::fail(format!("{kind:?} on {dates:?}: {other:?}"))),
                };
                prop_assert_eq!(&warning.nights, &dates);
                prop_assert_eq!(&warning.earlier, &earlier);
                prop_assert_eq!(&warning.rested, &seen.iter().map(|(_, r)| *r).collect::<Vec<_>>());
            }
            prop_assert_eq!(any_sign, in_lookback.iter().any(|(_, log)| log.has_warning_sign()));
            prop_assert_eq!(found.nothing_logged(), !any_sign && later.is_empty());
            if found.reassurance {
                // Never while a sign is logged anywhere after the start of the look-back.
                prop_assert!(!journal.nights().any(|(d, log)| d >= back && log.has_warning_sign()));
            }
            if !found.nothing_logged() {
                prop_assert!(!found.reassurance && !found.says_nothing_logged());
            }
            prop_assert!(!(found.reassurance && found.says_nothing_logged()), "one or the other");
        }
    }
}
