//! The step catalog: the article's prevention advice as routine steps.
//!
//! Ids are stable and kebab-case; other tools and the journal rely on them. The texts
//! are our own words for the article's advice: health information, never a diagnosis.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::anchor::Anchor;

/// What kind of value a step records besides done/skipped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ValueKind {
    /// Relative humidity in percent.
    HumidityPercent,
}

/// The range a humidity reading can have, in percent.
pub const HUMIDITY_RANGE: std::ops::RangeInclusive<f64> = 0.0..=100.0;

impl ValueKind {
    /// Whether `value` is a reading of this kind; the sentence says why not.
    pub fn check(self, value: f64) -> Result<(), String> {
        match self {
            ValueKind::HumidityPercent if HUMIDITY_RANGE.contains(&value) => Ok(()),
            ValueKind::HumidityPercent => {
                Err(format!("{value} % is not a humidity; give a number from 0 to 100 (percent)."))
            }
        }
    }
}

/// When a step applies at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Season {
    AllYear,
    /// Autumn and winter of the user's hemisphere.
    Cold,
}

/// Which half of the globe the user lives in, for the seasonal steps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Hemisphere {
    #[default]
    Northern,
    Southern,
}

impl Hemisphere {
    /// Autumn and winter: September to February in the north, March to August in the south.
    pub fn is_cold_season(self, date: NaiveDate) -> bool {
        let northern_cold = matches!(date.month(), 9..=12 | 1 | 2);
        match self {
            Hemisphere::Northern => northern_cold,
            Hemisphere::Southern => !northern_cold,
        }
    }
}

/// One entry of the catalog.
#[derive(Debug, Clone, PartialEq)]
pub struct CatalogStep {
    pub id: &'static str,
    pub title: &'static str,
    pub why: &'static str,
    pub anchor: Anchor,
    pub remind: bool,
    pub value: Option<ValueKind>,
    pub season: Season,
}

impl CatalogStep {
    pub fn applies_on(&self, evening: NaiveDate, hemisphere: Hemisphere) -> bool {
        match self.season {
            Season::AllYear => true,
            Season::Cold => hemisphere.is_cold_season(evening),
        }
    }
}

/// The catalog's step ids, one constant each: code that means a particular step names it here.
pub mod ids {
    pub const CAFFEINE_CUTOFF: &str = "caffeine-cutoff";
    pub const NO_ALCOHOL_TOBACCO: &str = "no-alcohol-tobacco";
    pub const MINERAL_DINNER: &str = "mineral-dinner";
    pub const DAYTIME_MOVEMENT: &str = "daytime-movement";
    pub const CALM_EVENING: &str = "calm-evening";
    pub const WARM_BATH: &str = "warm-bath";
    pub const CALM_AMBIENCE: &str = "calm-ambience";
    pub const VENTILATE_BEDROOM: &str = "ventilate-bedroom";
    pub const HUMIDITY_CHECK: &str = "humidity-check";
    pub const WARM_HANDS_FEET: &str = "warm-hands-feet";
    pub const DARK_QUIET_BEDROOM: &str = "dark-quiet-bedroom";
    pub const SET_ALARM: &str = "set-alarm";
    pub const LIGHTS_OUT: &str = "lights-out";
}

const fn before(minutes: u32) -> Anchor {
    Anchor::BeforeBedtime { minutes }
}

/// Every step the article suggests, in the order a first-run routine uses.
pub const CATALOG: &[CatalogStep] = &[
    CatalogStep {
        id: ids::CAFFEINE_CUTOFF,
        title: "Last caffeine of the day",
        why: "Caffeine keeps the nervous system stimulated for hours; after this, switch to chamomile tea or a fruit compote.",
        anchor: before(6 * 60),
        remind: true,
        value: None,
        season: Season::AllYear,
    },
    CatalogStep {
        id: ids::NO_ALCOHOL_TOBACCO,
        title: "No alcohol or tobacco tonight",
        why: "Alcohol, tobacco and other drugs are among the main triggers of sleep twitches; dropping them helps the most.",
        anchor: before(4 * 60),
        remind: false,
        value: None,
        season: Season::AllYear,
    },
    CatalogStep {
        id: ids::MINERAL_DINNER,
        title: "Mineral-rich dinner",
        why: "Low potassium is one suspected cause of twitches; kefir, vegetables and herbs bring potassium, magnesium and calcium.",
        anchor: before(3 * 60),
        remind: false,
        value: None,
        season: Season::AllYear,
    },
    CatalogStep {
        id: ids::DAYTIME_MOVEMENT,
        title: "Move during the day",
        why: "An active day helps: a light morning warm-up, a jog in fresh air, or simply more walking. Finish hard exercise well before bed.",
        anchor: before(3 * 60),
        remind: false,
        value: None,
        season: Season::AllYear,
    },
    CatalogStep {
        id: ids::CALM_EVENING,
        title: "Slow down for the evening",
        why: "Strain and stress late in the day can show up as jolts at night; from now on keep to quiet things.",
        anchor: before(60),
        remind: true,
        value: None,
        season: Season::AllYear,
    },
    CatalogStep {
        id: ids::WARM_BATH,
        title: "Warm bath",
        why: "A warm bath an hour or two before bed helps the body relax and let go of the day.",
        anchor: before(90),
        remind: true,
        value: None,
        season: Season::AllYear,
    },
    CatalogStep {
        id: ids::CALM_AMBIENCE,
        title: "Candles and calm music",
        why: "A scented candle and quiet music tell the body that the day is over.",
        anchor: before(45),
        remind: false,
        value: None,
        season: Season::AllYear,
    },
    CatalogStep {
        id: ids::VENTILATE_BEDROOM,
        title: "Air the bedroom",
        why: "Fresh, cool air in the bedroom is part of a good sleeping climate; open the window for a few minutes.",
        anchor: before(45),
        remind: true,
        value: None,
        season: Season::AllYear,
    },
    CatalogStep {
        id: ids::HUMIDITY_CHECK,
        title: "Check the bedroom humidity",
        why: "Dry air, common in the heating season, makes sleep worse; around 40–60 % is comfortable, and a humidifier helps when it is drier.",
        anchor: before(40),
        remind: true,
        value: Some(ValueKind::HumidityPercent),
        season: Season::AllYear,
    },
    CatalogStep {
        id: ids::WARM_HANDS_FEET,
        title: "Keep hands and feet warm",
        why: "In autumn and winter, getting cold makes it harder to settle; warm socks and a warm blanket help.",
        anchor: before(30),
        remind: false,
        value: None,
        season: Season::Cold,
    },
    CatalogStep {
        id: ids::DARK_QUIET_BEDROOM,
        title: "Dark, quiet bedroom",
        why: "Loud sounds and bright light get in the way of falling asleep; comfortable bedding and a good pillow help too.",
        anchor: before(15),
        remind: false,
        value: None,
        season: Season::AllYear,
    },
    CatalogStep {
        id: ids::SET_ALARM,
        title: "Set the alarm for the fixed wake time",
        why: "Waking at the same time every day, with an alarm clock, keeps the daily rhythm steady.",
        anchor: before(10),
        remind: false,
        value: None,
        season: Season::AllYear,
    },
    CatalogStep {
        id: ids::LIGHTS_OUT,
        title: "Lights out",
        why: "A fixed, early bedtime is the heart of the routine: aim for at least eight hours of sleep.",
        anchor: before(0),
        remind: true,
        value: None,
        season: Season::AllYear,
    },
];

/// Looks a catalog step up by its id.
pub fn find(id: &str) -> Option<&'static CatalogStep> {
    CATALOG.iter().find(|step| step.id == id)
}

/// Advice for a humidity reading taken on the evening of `evening`; in the cold season
/// of `hemisphere` it names heating as the likely cause of dry air.
pub fn humidity_advice(percent: f64, evening: NaiveDate, hemisphere: Hemisphere) -> String {
    if percent < 40.0 {
        let season = if hemisphere.is_cold_season(evening) { " Heating dries the air in this season;" } else { "" };
        format!(
            "{percent:.0} % is dry (comfortable is about 40–60 %).{season} a humidifier or a bowl of water near the radiator helps."
        )
    } else if percent > 60.0 {
        format!("{percent:.0} % is humid (comfortable is about 40–60 %). Air the bedroom for a few minutes before bed.")
    } else {
        format!("{percent:.0} % is comfortable (about 40–60 %). Keep airing the room each evening.")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn catalog_has_every_design_row_with_unique_kebab_ids() {
        let ids: Vec<_> = CATALOG.iter().map(|s| s.id).collect();
        for id in [
            "caffeine-cutoff",
            "no-alcohol-tobacco",
            "mineral-dinner",
            "daytime-movement",
            "calm-evening",
            "warm-bath",
            "calm-ambience",
            "ventilate-bedroom",
            "humidity-check",
            "dark-quiet-bedroom",
            "warm-hands-feet",
            "set-alarm",
            "lights-out",
        ] {
            assert!(ids.contains(&id), "{id} missing");
        }
        assert_eq!(ids.iter().collect::<HashSet<_>>().len(), ids.len());
        assert!(ids.iter().all(|id| id.chars().all(|c| c.is_ascii_lowercase() || c == '-')));
        assert!(CATALOG.iter().all(|s| !s.why.is_empty() && s.why.len() < 160));
        assert_eq!(find("warm-bath").unwrap().anchor, Anchor::BeforeBedtime { minutes: 90 });
        assert_eq!(find("humidity-check").unwrap().value, Some(ValueKind::HumidityPercent));
    }

    #[test]
    fn cold_season_depends_on_hemisphere() {
        let november = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
        let july = NaiveDate::from_ymd_opt(2026, 7, 1).unwrap();
        let step = find("warm-hands-feet").unwrap();
        assert!(step.applies_on(november, Hemisphere::Northern));
        assert!(!step.applies_on(july, Hemisphere::Northern));
        assert!(step.applies_on(july, Hemisphere::Southern));
        assert!(!step.applies_on(november, Hemisphere::Southern));
    }

    #[test]
    fn humidity_advice_names_the_comfortable_range() {
        let november = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
        assert!(humidity_advice(30.0, november, Hemisphere::Northern).contains("humidifier"));
        assert!(humidity_advice(30.0, november, Hemisphere::Northern).contains("Heating"));
        assert!(!humidity_advice(30.0, november, Hemisphere::Southern).contains("Heating"));
        assert!(humidity_advice(70.0, november, Hemisphere::Southern).contains("Air the bedroom"));
        assert!(humidity_advice(50.0, november, Hemisphere::Southern).contains("comfortable"));
    }
}
