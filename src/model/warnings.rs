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
//! Every threshold is a named constant with its reasoning. A rule fires when some window
//! of its length inside the period holds enough nights with its sign; nights that were
//! not logged count neither way. Pure: the period is given, nothing reads the clock.

use chrono::{NaiveDate, TimeDelta};

use super::journal::Journal;
use super::night::{Jerks, NightLog};

/// Twitching through the night: the article's line between harmless and "see a doctor"
/// is whether the jerks stay at the start of sleep or go on all night. One such night
/// can follow a hard day; three within two weeks is a pattern rather than a one-off.
pub const ALL_NIGHT_MIN_NIGHTS: usize = 3;
pub const ALL_NIGHT_WINDOW_DAYS: i64 = 14;

/// Twitches by day: the article allows some after serious stress and names them a reason
/// to see a doctor when they repeat "on subsequent days". So one day alone is silent, and
/// a day followed by another (logs of consecutive evenings) fires.
pub const DAYTIME_CONSECUTIVE_DAYS: usize = 2;

/// Restless legs (the evening urge to move the legs, with itching or crawling that moving
/// relieves): the article describes something that keeps coming back, not one evening
/// after a long walk; three evenings within two weeks is "recurring".
pub const RESTLESS_LEGS_MIN_NIGHTS: usize = 3;
pub const RESTLESS_LEGS_WINDOW_DAYS: i64 = 14;

/// Rhythmic toe or ankle movements every 20–40 s, seen by a partner: they are so
/// specific, and a partner awake to see them so rare, that a second sighting within four
/// weeks already shows they recur.
pub const PARTNER_MOVEMENTS_MIN_NIGHTS: usize = 2;
pub const PARTNER_MOVEMENTS_WINDOW_DAYS: i64 = 28;

/// Sleep paralysis: a single episode is common and, the article says, not dangerous in
/// itself; coming back within four weeks is the recurring kind worth a doctor's look.
pub const SLEEP_PARALYSIS_MIN_NIGHTS: usize = 2;
pub const SLEEP_PARALYSIS_WINDOW_DAYS: i64 = 28;

/// The reassurance is for jerks "now and then": when most nights with an answer had many
/// jerks, the article's "short-lived, sometimes" no longer describes them, so the app
/// does not reassure (nor warn: the comparisons in `helps` are for that case).
pub const REASSURANCE_MAX_MANY_SHARE: f64 = 0.5;

/// The period the window's cards and `night` look back over: the four weeks the longest
/// rule needs, and the doctor summary's usual span.
pub const RECENT_DAYS: i64 = 28;

/// Which pattern a warning is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum WarningKind {
    AllNight,
    DaytimeConsecutive,
    RestlessLegs,
    PartnerMovements,
    SleepParalysis,
}

impl WarningKind {
    pub const ALL: [WarningKind; 5] = [
        WarningKind::AllNight,
        WarningKind::DaytimeConsecutive,
        WarningKind::RestlessLegs,
        WarningKind::PartnerMovements,
        WarningKind::SleepParalysis,
    ];

    /// A stable name for JSON and CSV.
    pub fn as_str(self) -> &'static str {
        match self {
            WarningKind::AllNight => "all_night",
            WarningKind::DaytimeConsecutive => "daytime_consecutive",
            WarningKind::RestlessLegs => "restless_legs",
            WarningKind::PartnerMovements => "partner_movements",
            WarningKind::SleepParalysis => "sleep_paralysis",
        }
    }

    /// Whether a night log shows this pattern's sign.
    pub fn seen_in(self, log: &NightLog) -> bool {
        match self {
            WarningKind::AllNight => log.twitch_all_night,
            WarningKind::DaytimeConsecutive => log.twitch_daytime,
            WarningKind::RestlessLegs => log.restless_legs,
            WarningKind::PartnerMovements => log.partner_saw_movements,
            WarningKind::SleepParalysis => log.sleep_paralysis,
        }
    }

    /// Whether nights with the sign (sorted, oldest first) make the pattern.
    fn fires(self, nights: &[NaiveDate]) -> bool {
        match self {
            WarningKind::AllNight => within(nights, ALL_NIGHT_MIN_NIGHTS, ALL_NIGHT_WINDOW_DAYS),
            WarningKind::DaytimeConsecutive => consecutive(nights, DAYTIME_CONSECUTIVE_DAYS),
            WarningKind::RestlessLegs => within(nights, RESTLESS_LEGS_MIN_NIGHTS, RESTLESS_LEGS_WINDOW_DAYS),
            WarningKind::PartnerMovements => {
                within(nights, PARTNER_MOVEMENTS_MIN_NIGHTS, PARTNER_MOVEMENTS_WINDOW_DAYS)
            }
            WarningKind::SleepParalysis => within(nights, SLEEP_PARALYSIS_MIN_NIGHTS, SLEEP_PARALYSIS_WINDOW_DAYS),
        }
    }
}

/// A pattern the article says a doctor should look at, and the nights it was seen on.
#[derive(Debug, Clone, PartialEq)]
pub struct Warning {
    pub kind: WarningKind,
    /// The evenings whose nights showed the sign within the period, oldest first.
    pub nights: Vec<NaiveDate>,
}

/// Whether some `window_days` days hold `min` of `nights` (sorted).
fn within(nights: &[NaiveDate], min: usize, window_days: i64) -> bool {
    let min = min.max(1);
    nights.windows(min).any(|run| run[min - 1] - run[0] < TimeDelta::days(window_days))
}

/// Whether `count` of `nights` (sorted) are consecutive days.
fn consecutive(nights: &[NaiveDate], count: usize) -> bool {
    let count = count.max(1);
    nights.windows(count).any(|run| run[count - 1] - run[0] == TimeDelta::days(count as i64 - 1))
}

/// The night logs of evenings `from..=to`.
fn logs(journal: &Journal, from: NaiveDate, to: NaiveDate) -> impl Iterator<Item = (NaiveDate, &NightLog)> {
    let range = if from <= to { from..=to } else { to..=to };
    journal.evenings.range(range).filter_map(|(date, evening)| Some((*date, evening.night.as_ref()?)))
}

/// The warning signs in the night logs of evenings `from..=to`, in [`WarningKind`] order.
pub fn warnings(journal: &Journal, from: NaiveDate, to: NaiveDate) -> Vec<Warning> {
    WarningKind::ALL
        .into_iter()
        .filter_map(|kind| {
            let nights: Vec<NaiveDate> =
                logs(journal, from, to).filter(|(_, log)| kind.seen_in(log)).map(|(date, _)| date).collect();
            kind.fires(&nights).then_some(Warning { kind, nights })
        })
        .collect()
}

/// Whether the article's reassurance fits `from..=to`: jerks while falling asleep (or a
/// jolt that woke the user) were logged, now and then, and no night showed any of the
/// warning signs, not even once.
pub fn only_harmless_jerks(journal: &Journal, from: NaiveDate, to: NaiveDate) -> bool {
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

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
    }

    /// A journal with a night log on each of `days` (November), answered by `answers`.
    fn logged(journal: &mut Journal, days: &[u32], answers: &[NightAnswer]) {
        for &d in days {
            let log = journal.evenings.entry(day(d)).or_default().night.get_or_insert_with(NightLog::default);
            for answer in answers {
                log.answer(answer.clone());
            }
        }
    }

    /// Quiet nights on every day of November, so the rules see a realistic log.
    fn quiet_month() -> Journal {
        let mut journal = Journal::default();
        logged(&mut journal, &(1..=30).collect::<Vec<_>>(), &NightAnswer::quiet_night());
        journal
    }

    fn kinds(journal: &Journal) -> Vec<WarningKind> {
        warnings(journal, day(1), day(30)).into_iter().map(|w| w.kind).collect()
    }

    /// The nights of `kind`'s warning over November, if it fires.
    fn fired(journal: &Journal, kind: WarningKind) -> Option<Vec<NaiveDate>> {
        warnings(journal, day(1), day(30)).into_iter().find(|w| w.kind == kind).map(|w| w.nights)
    }

    #[test]
    fn twitching_all_night_on_three_nights_in_two_weeks() {
        let mut journal = quiet_month();
        logged(&mut journal, &[3, 9], &[NightAnswer::TwitchAllNight(true)]);
        assert_eq!(fired(&journal, WarningKind::AllNight), None, "two nights: below the threshold");
        // A third one, but 15 days after the first: still no window of 14 days holds three.
        logged(&mut journal, &[18], &[NightAnswer::TwitchAllNight(true)]);
        assert_eq!(fired(&journal, WarningKind::AllNight), None);
        logged(&mut journal, &[16], &[NightAnswer::TwitchAllNight(true)]);
        assert_eq!(fired(&journal, WarningKind::AllNight), Some(vec![day(3), day(9), day(16), day(18)]));
        assert_eq!(kinds(&journal), vec![WarningKind::AllNight]);
        // Outside the period asked about, they do not count.
        assert!(warnings(&journal, day(17), day(30)).is_empty());
    }

    #[test]
    fn daytime_twitches_on_consecutive_days() {
        let mut journal = quiet_month();
        logged(&mut journal, &[5, 7, 20], &[NightAnswer::TwitchDaytime(true)]);
        assert_eq!(fired(&journal, WarningKind::DaytimeConsecutive), None, "never two days running");
        logged(&mut journal, &[21], &[NightAnswer::TwitchDaytime(true)]);
        assert_eq!(fired(&journal, WarningKind::DaytimeConsecutive), Some(vec![day(5), day(7), day(20), day(21)]));
        // A day not logged between two is not a run: the 22nd is unknown, the 23rd alone.
        let mut gap = Journal::default();
        logged(&mut gap, &[21, 23], &[NightAnswer::TwitchDaytime(true)]);
        assert!(warnings(&gap, day(1), day(30)).is_empty());
    }

    #[test]
    fn restless_legs_recurring() {
        let mut journal = quiet_month();
        logged(&mut journal, &[2, 14], &[NightAnswer::RestlessLegs(true)]);
        assert_eq!(fired(&journal, WarningKind::RestlessLegs), None);
        logged(&mut journal, &[8], &[NightAnswer::RestlessLegs(true)]);
        assert_eq!(fired(&journal, WarningKind::RestlessLegs), Some(vec![day(2), day(8), day(14)]));
    }

    #[test]
    fn partner_saw_periodic_movements_twice() {
        let mut journal = quiet_month();
        logged(&mut journal, &[1], &[NightAnswer::PartnerSawMovements(true)]);
        assert_eq!(fired(&journal, WarningKind::PartnerMovements), None, "one sighting");
        logged(&mut journal, &[28], &[NightAnswer::PartnerSawMovements(true)]);
        assert_eq!(fired(&journal, WarningKind::PartnerMovements), Some(vec![day(1), day(28)]));
        let mut apart = Journal::default();
        logged(&mut apart, &[1, 29], &[NightAnswer::PartnerSawMovements(true)]);
        assert!(warnings(&apart, day(1), day(30)).is_empty(), "28 days apart is outside the window");
    }

    #[test]
    fn sleep_paralysis_recurring() {
        let mut journal = quiet_month();
        logged(&mut journal, &[10], &[NightAnswer::SleepParalysis(true)]);
        assert_eq!(fired(&journal, WarningKind::SleepParalysis), None);
        assert!(!only_harmless_jerks(&journal, day(1), day(30)), "one episode: no reassurance either");
        logged(&mut journal, &[24], &[NightAnswer::SleepParalysis(true)]);
        assert_eq!(fired(&journal, WarningKind::SleepParalysis), Some(vec![day(10), day(24)]));
    }

    #[test]
    fn falling_asleep_jerks_alone_reassure_and_never_warn() {
        let mut journal = quiet_month();
        assert!(!only_harmless_jerks(&journal, day(1), day(30)), "no jerks: nothing to reassure about");
        logged(&mut journal, &[2, 6, 11, 19, 25], &[NightAnswer::FallingAsleep(Some(Jerks::Few))]);
        logged(&mut journal, &[13], &[NightAnswer::FallingAsleep(Some(Jerks::Many)), NightAnswer::WokeFromJolt(true)]);
        assert!(warnings(&journal, day(1), day(30)).is_empty());
        assert!(only_harmless_jerks(&journal, day(1), day(30)));
        // Every night with many jerks and a jolt: still no warning sign, but no longer "now
        // and then", so no reassurance either.
        let mut every = Journal::default();
        let many = [NightAnswer::FallingAsleep(Some(Jerks::Many)), NightAnswer::WokeFromJolt(true)];
        logged(&mut every, &(1..=30).collect::<Vec<_>>(), &many);
        assert!(warnings(&every, day(1), day(30)).is_empty());
        assert!(!only_harmless_jerks(&every, day(1), day(30)));
    }

    #[test]
    fn thresholds_are_sane() {
        for (min, window) in [
            (ALL_NIGHT_MIN_NIGHTS, ALL_NIGHT_WINDOW_DAYS),
            (RESTLESS_LEGS_MIN_NIGHTS, RESTLESS_LEGS_WINDOW_DAYS),
            (PARTNER_MOVEMENTS_MIN_NIGHTS, PARTNER_MOVEMENTS_WINDOW_DAYS),
            (SLEEP_PARALYSIS_MIN_NIGHTS, SLEEP_PARALYSIS_WINDOW_DAYS),
        ] {
            assert!(min >= 2 && (min as i64) <= window, "a rule needs a recurrence that fits its window");
        }
        // A reversed period is read as its last day, not a panic.
        assert!(warnings(&quiet_month(), day(30), day(1)).is_empty());
    }
}
