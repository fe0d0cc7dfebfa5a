//! The step catalog: the article's prevention advice as routine steps.
//!
//! Ids are stable and kebab-case; other tools and the journal rely on them. The texts
//! (our own words for the article's advice: health information, never a diagnosis) are
//! in `i18n`, `catalog.ftl`, under each step's id.

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
    /// Whether `value` is a reading of this kind.
    pub fn accepts(self, value: f64) -> bool {
        match self {
            ValueKind::HumidityPercent => HUMIDITY_RANGE.contains(&value),
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

    /// When radiators are usually on: October to April in the north, April to October
    /// in the south (a rough rule; it only decides whether advice names the heating).
    pub fn is_heating_season(self, date: NaiveDate) -> bool {
        match self {
            Hemisphere::Northern => matches!(date.month(), 10..=12 | 1..=4),
            Hemisphere::Southern => matches!(date.month(), 4..=10),
        }
    }
}

/// One entry of the catalog.
#[derive(Debug, Clone, PartialEq)]
pub struct CatalogStep {
    /// The step's id, and its texts' key in `i18n` (`catalog.ftl`): the model holds no
    /// words.
    pub id: &'static str,
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
///
/// What a user reads of a step comes from `src/i18n/{en,ru}/catalog.ftl`, by its id,
/// through `i18n::step_title` and friends. The anchors are the app's defaults: the
/// article gives advice, not clock times.
pub const CATALOG: &[CatalogStep] = &[
    CatalogStep {
        id: ids::CAFFEINE_CUTOFF,
        anchor: before(6 * 60),
        remind: true,
        value: None,
        season: Season::AllYear,
    },
    CatalogStep {
        id: ids::NO_ALCOHOL_TOBACCO,
        anchor: before(4 * 60),
        remind: false,
        value: None,
        season: Season::AllYear,
    },
    CatalogStep {
        id: ids::MINERAL_DINNER,
        anchor: before(3 * 60),
        remind: false,
        value: None,
        season: Season::AllYear,
    },
    CatalogStep {
        id: ids::DAYTIME_MOVEMENT,
        anchor: Anchor::AfterWake { minutes: 0 },
        remind: false,
        value: None,
        season: Season::AllYear,
    },
    CatalogStep { id: ids::CALM_EVENING, anchor: before(2 * 60), remind: true, value: None, season: Season::AllYear },
    CatalogStep { id: ids::WARM_BATH, anchor: before(90), remind: true, value: None, season: Season::AllYear },
    CatalogStep { id: ids::CALM_AMBIENCE, anchor: before(45), remind: false, value: None, season: Season::AllYear },
    CatalogStep { id: ids::VENTILATE_BEDROOM, anchor: before(45), remind: true, value: None, season: Season::AllYear },
    CatalogStep {
        id: ids::HUMIDITY_CHECK,
        anchor: before(40),
        remind: true,
        value: Some(ValueKind::HumidityPercent),
        season: Season::AllYear,
    },
    CatalogStep { id: ids::WARM_HANDS_FEET, anchor: before(30), remind: false, value: None, season: Season::Cold },
    CatalogStep {
        id: ids::DARK_QUIET_BEDROOM,
        anchor: before(15),
        remind: false,
        value: None,
        season: Season::AllYear,
    },
    CatalogStep { id: ids::SET_ALARM, anchor: before(10), remind: false, value: None, season: Season::AllYear },
    CatalogStep { id: ids::LIGHTS_OUT, anchor: before(0), remind: true, value: None, season: Season::AllYear },
];

/// Looks a catalog step up by its id.
pub fn find(id: &str) -> Option<&'static CatalogStep> {
    CATALOG.iter().find(|step| step.id == id)
}

/// What a humidity reading means; the words are in `i18n::humidity_advice`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HumidityLevel {
    /// Below the comfort range; `heating` when it is the heating season, the likely cause.
    Dry {
        heating: bool,
    },
    Comfortable,
    Humid,
}

/// The usual comfort range of indoor humidity, in percent: general guidance, not a
/// figure from the article.
pub const COMFORT_HUMIDITY: std::ops::RangeInclusive<f64> = 40.0..=60.0;

/// Reads a humidity reading taken on the evening of `evening` in `hemisphere`.
pub fn humidity_level(percent: f64, evening: NaiveDate, hemisphere: Hemisphere) -> HumidityLevel {
    if percent < *COMFORT_HUMIDITY.start() {
        HumidityLevel::Dry { heating: hemisphere.is_heating_season(evening) }
    } else if percent > *COMFORT_HUMIDITY.end() {
        HumidityLevel::Humid
    } else {
        HumidityLevel::Comfortable
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
    fn dry_air_in_summer_is_not_blamed_on_heating() {
        let july = NaiveDate::from_ymd_opt(2026, 7, 15).unwrap();
        let march = NaiveDate::from_ymd_opt(2026, 3, 15).unwrap();
        assert_eq!(humidity_level(30.0, july, Hemisphere::Northern), HumidityLevel::Dry { heating: false });
        assert_eq!(humidity_level(30.0, july, Hemisphere::Southern), HumidityLevel::Dry { heating: true });
        assert_eq!(humidity_level(30.0, march, Hemisphere::Northern), HumidityLevel::Dry { heating: true });
        assert_eq!(humidity_level(40.0, july, Hemisphere::Northern), HumidityLevel::Comfortable);
        assert_eq!(humidity_level(60.0, july, Hemisphere::Northern), HumidityLevel::Comfortable);
        assert_eq!(humidity_level(61.0, july, Hemisphere::Northern), HumidityLevel::Humid);
    }

    #[test]
    fn the_evening_winds_down_before_the_bath_and_moves_in_the_morning() {
        let minutes = |id| find(id).and_then(|s| s.anchor.minutes()).unwrap();
        assert!(minutes(ids::CALM_EVENING) >= minutes(ids::WARM_BATH));
        assert_eq!(find(ids::DAYTIME_MOVEMENT).unwrap().anchor, Anchor::AfterWake { minutes: 0 });
    }
}
