//! PLACEHOLDER on branch h12screens only, until h12model lands the real rules; never landed.

use chrono::NaiveDate;

use super::journal::Journal;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum WarningKind {
    AllNight,
    DaytimeConsecutive,
    RestlessLegs,
    PartnerMovements,
    SleepParalysis,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Warning {
    pub kind: WarningKind,
    pub nights: Vec<NaiveDate>,
}

pub fn warnings(journal: &Journal, from: NaiveDate, to: NaiveDate) -> Vec<Warning> {
    let mut out = Vec::new();
    let rules: [(WarningKind, fn(&super::NightLog) -> bool); 4] = [
        (WarningKind::AllNight, |l| l.twitch_all_night),
        (WarningKind::RestlessLegs, |l| l.restless_legs),
        (WarningKind::PartnerMovements, |l| l.partner_saw_movements),
        (WarningKind::SleepParalysis, |l| l.sleep_paralysis),
    ];
    for (kind, rule) in rules {
        let nights: Vec<NaiveDate> =
            journal.nights().filter(|(d, l)| *d >= from && *d <= to && rule(l)).map(|(d, _)| d).collect();
        if nights.len() >= 2 {
            out.push(Warning { kind, nights });
        }
    }
    let days: Vec<NaiveDate> =
        journal.nights().filter(|(d, l)| *d >= from && *d <= to && l.twitch_daytime).map(|(d, _)| d).collect();
    if days.windows(2).any(|w| w[1] == w[0].succ_opt().unwrap_or(w[0])) {
        out.push(Warning { kind: WarningKind::DaytimeConsecutive, nights: days });
    }
    out
}

pub fn only_harmless_jerks(journal: &Journal, from: NaiveDate, to: NaiveDate) -> bool {
    warnings(journal, from, to).is_empty()
        && journal
            .nights()
            .any(|(d, l)| d >= from && d <= to && l.falling_asleep.is_some_and(|j| j != super::Jerks::None))
}
