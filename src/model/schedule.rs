//! When the user goes to bed and gets up: the same every day, or per weekday.
//!
//! The article's first piece of advice is a fixed routine: an early, fixed bedtime, a
//! fixed wake time with an alarm clock, and at least eight hours of sleep.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, Weekday};
use serde::{Deserialize, Serialize};

use super::journal::Extra;
use super::time::{add_minutes, clock, previous_day, serde_hhmm};

/// The article's floor: at least eight hours; nine or ten if eight are not enough.
pub const MIN_SLEEP_MINUTES: i64 = 8 * 60;

const DAY_MINUTES: i64 = 24 * 60;

/// One night: when the lights go out and when the alarm rings the next morning.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Night {
    #[serde(with = "serde_hhmm")]
    pub bedtime: NaiveTime,
    #[serde(with = "serde_hhmm")]
    pub wake: NaiveTime,
    /// Fields a newer version wrote here, kept so that saving never drops them.
    #[serde(flatten)]
    pub extra: Extra,
}

impl Night {
    pub fn new(bedtime: NaiveTime, wake: NaiveTime) -> Self {
        Self { bedtime, wake, extra: Extra::new() }
    }

    /// The same clock times as `other` (whatever else either carries).
    pub fn same_times(&self, other: &Night) -> bool {
        self.bedtime == other.bedtime && self.wake == other.wake
    }

    /// Minutes from bedtime to the alarm, by the clock on the wall.
    pub fn sleep_opportunity_minutes(&self) -> i64 {
        let minutes = (self.wake - self.bedtime).num_minutes();
        if minutes <= 0 { minutes + 24 * 60 } else { minutes }
    }

    pub fn is_short(&self) -> bool {
        self.sleep_opportunity_minutes() < MIN_SLEEP_MINUTES
    }
}

/// Weekday keys as they appear in files and on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Day {
    Mon,
    Tue,
    Wed,
    Thu,
    Fri,
    Sat,
    Sun,
}

impl Day {
    pub const ALL: [Day; 7] = [Day::Mon, Day::Tue, Day::Wed, Day::Thu, Day::Fri, Day::Sat, Day::Sun];

    pub fn of(date: NaiveDate) -> Day {
        Self::from_weekday(date.weekday())
    }

    pub fn from_weekday(weekday: Weekday) -> Day {
        Self::ALL[weekday.num_days_from_monday() as usize]
    }

    pub fn key(self) -> &'static str {
        ["mon", "tue", "wed", "thu", "fri", "sat", "sun"][self as usize]
    }

    pub fn name(self) -> &'static str {
        ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][self as usize]
    }

    /// The day after: a night that starts on Saturday evening ends on Sunday.
    pub fn next(self) -> Day {
        Self::ALL[(self as usize + 1) % 7]
    }

    /// Accepts `mon`, `Mon`, `monday`.
    pub fn parse(text: &str) -> Option<Day> {
        let text = text.trim().to_ascii_lowercase();
        Self::ALL.into_iter().find(|day| text == day.key() || text == day.name().to_ascii_lowercase())
    }
}

/// A night that would end the moment it starts: this bedtime is also the wake time.
/// Its sentence for the user is its `Display`, which lives in `i18n`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SameTime(pub NaiveTime);

impl std::error::Error for SameTime {}

/// The sleep schedule: one night for every day, with optional per-weekday exceptions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Schedule {
    /// Also holds the schedule's own unknown fields, flattened beside bedtime and wake.
    #[serde(flatten)]
    pub every_day: Night,
    /// Nights that differ from `every_day`, keyed by the weekday of the evening.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub weekdays: BTreeMap<Day, Night>,
    /// "Same time every day" chosen while weekday nights exist: they are kept, unused,
    /// so switching back brings them back. Absent in older files, which means `false`:
    /// their weekday nights apply, as they always did.
    #[serde(default, skip_serializing_if = "is_false")]
    pub weekdays_off: bool,
}

fn is_false(value: &bool) -> bool {
    !*value
}

impl Default for Schedule {
    /// The embedded first-run schedule: in bed at 22:30, up at 07:00. Eight and a half
    /// hours in bed, because the app's own advice is to plan a little more than the
    /// article's eight hours of sleep: falling asleep takes time too.
    fn default() -> Self {
        Self { every_day: Night::new(clock(22, 30), clock(7, 0)), weekdays: BTreeMap::new(), weekdays_off: false }
    }
}

impl Schedule {
    /// The night that starts on the evening of `day`.
    pub fn night(&self, day: Day) -> &Night {
        if self.weekdays_off {
            return &self.every_day;
        }
        self.weekdays.get(&day).unwrap_or(&self.every_day)
    }

    /// The night `day` has when weekday nights are shown, even while they are off.
    pub fn weekday_night(&self, day: Day) -> &Night {
        self.weekdays.get(&day).unwrap_or(&self.every_day)
    }

    pub fn is_per_weekday(&self) -> bool {
        !self.weekdays.is_empty() && !self.weekdays_off
    }

    /// Whether weekday nights are kept but unused ("Same time every day" chosen).
    pub fn has_hidden_weekdays(&self) -> bool {
        !self.weekdays.is_empty() && self.weekdays_off
    }

    /// Uses the weekday nights again (`true`) or keeps them aside (`false`).
    /// Returns whether anything changed.
    pub fn show_weekdays(&mut self, shown: bool) -> bool {
        let off = !shown && !self.weekdays.is_empty();
        let changed = self.weekdays_off != off;
        self.weekdays_off = off;
        changed
    }

    /// Changes bedtime and/or wake time for `days`, or for every day when `days` is empty.
    /// Setting particular days uses weekday nights again; setting every day while they
    /// are off leaves them as they were, for when they are switched back on.
    ///
    /// A night whose bedtime is its wake time is refused and nothing changes.
    pub fn set(&mut self, bedtime: Option<NaiveTime>, wake: Option<NaiveTime>, days: &[Day]) -> Result<(), SameTime> {
        let apply = |night: &mut Night| {
            if let Some(bedtime) = bedtime {
                night.bedtime = bedtime;
            }
            if let Some(wake) = wake {
                night.wake = wake;
            }
        };
        let mut changed = self.clone();
        if days.is_empty() {
            apply(&mut changed.every_day);
            if !changed.weekdays_off {
                changed.weekdays.values_mut().for_each(apply);
            }
        } else {
            changed.weekdays_off = false;
            for &day in days {
                let mut night = changed.weekday_night(day).clone();
                apply(&mut night);
                changed.weekdays.insert(day, night);
            }
        }
        let nights = std::iter::once(&changed.every_day).chain(changed.weekdays.values());
        if let Some(night) = nights.into_iter().find(|night| night.bedtime == night.wake) {
            return Err(SameTime(night.bedtime));
        }
        let every_day = &changed.every_day;
        changed.weekdays.retain(|_, night| !night.same_times(every_day) || !night.extra.is_empty());
        changed.weekdays_off &= !changed.weekdays.is_empty();
        *self = changed;
        Ok(())
    }

    /// Where the evening of `evening` begins: at the alarm that morning.
    ///
    /// An evening's routine spans the waking day from that morning's alarm to the next
    /// one, so a 14:00 caffeine cut-off and a 00:30 bedtime belong to the same evening.
    pub fn day_start(&self, evening: NaiveDate) -> NaiveDateTime {
        let previous = previous_day(evening);
        evening.and_time(self.night(Day::of(previous)).wake)
    }

    /// The first moment at or after the start of `evening`'s day when a clock shows `time`.
    pub fn in_day(&self, evening: NaiveDate, time: NaiveTime) -> NaiveDateTime {
        let start = self.day_start(evening);
        let candidate = evening.and_time(time);
        if candidate >= start { candidate } else { add_minutes(candidate, DAY_MINUTES) }
    }

    /// Local bedtime of `evening`; after midnight it falls on the next calendar day.
    pub fn bedtime(&self, evening: NaiveDate) -> NaiveDateTime {
        self.in_day(evening, self.night(Day::of(evening)).bedtime)
    }

    /// Local wake time that ends the night of `evening`.
    pub fn wake(&self, evening: NaiveDate) -> NaiveDateTime {
        let bedtime = self.bedtime(evening);
        let candidate = bedtime.date().and_time(self.night(Day::of(evening)).wake);
        if candidate > bedtime { candidate } else { add_minutes(candidate, DAY_MINUTES) }
    }

    /// Which evening a local clock reading belongs to: before the morning alarm it is
    /// still last night.
    pub fn evening_of(&self, local: NaiveDateTime) -> NaiveDate {
        let today = local.date();
        if local >= self.day_start(today) { today } else { previous_day(today) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn default_night_is_eight_and_a_half_hours_in_bed() {
        let schedule = Schedule::default();
        assert_eq!(schedule.every_day.sleep_opportunity_minutes(), 510);
        assert!(!schedule.every_day.is_short());
        let short = Night::new(clock(23, 45), clock(6, 30));
        assert!(short.is_short());
    }

    #[test]
    fn bedtime_after_midnight_belongs_to_the_evening_before() {
        let mut schedule = Schedule::default();
        schedule.set(Some(clock(0, 30)), Some(clock(8, 30)), &[]).unwrap();
        let evening = date(2026, 11, 26);
        assert_eq!(schedule.bedtime(evening), date(2026, 11, 27).and_time(clock(0, 30)));
        assert_eq!(schedule.wake(evening), date(2026, 11, 27).and_time(clock(8, 30)));
        assert_eq!(schedule.in_day(evening, clock(14, 0)), evening.and_time(clock(14, 0)));
        // 01:00 on the 27th is still the evening of the 26th.
        assert_eq!(schedule.evening_of(date(2026, 11, 27).and_time(clock(1, 0))), evening);
        assert_eq!(schedule.evening_of(date(2026, 11, 27).and_time(clock(9, 0))), date(2026, 11, 27));
    }

    #[test]
    fn weekday_exceptions_are_kept_only_when_different() {
        let mut schedule = Schedule::default();
        schedule.set(Some(clock(23, 30)), Some(clock(8, 0)), &[Day::Fri, Day::Sat]).unwrap();
        assert_eq!(schedule.night(Day::Fri).bedtime, clock(23, 30));
        assert_eq!(schedule.night(Day::Mon).bedtime, clock(22, 30));
        // Friday 2026-11-27's night ends on Saturday at 08:00.
        assert_eq!(schedule.wake(date(2026, 11, 27)), date(2026, 11, 28).and_time(clock(8, 0)));
        // Saturday's day starts at Friday night's 08:00 alarm.
        assert_eq!(schedule.day_start(date(2026, 11, 28)), date(2026, 11, 28).and_time(clock(8, 0)));
        schedule.set(None, Some(clock(6, 30)), &[]).unwrap();
        schedule.set(Some(clock(22, 30)), None, &[Day::Fri, Day::Sat]).unwrap();
        assert!(!schedule.is_per_weekday());
        assert_eq!(Day::parse("Saturday"), Some(Day::Sat));
        assert_eq!(Day::parse("xyz"), None);
    }

    #[test]
    fn unknown_schedule_and_night_fields_survive() {
        let text = r#"{"bedtime":"22:30","wake":"06:30","nap":"14:00","weekdays":{"sun":{"bedtime":"23:00","wake":"06:30","alarm_sound":"birds"}}}"#;
        let mut schedule: Schedule = serde_json::from_str(text).unwrap();
        // As text: a JSON value would hide a key written twice.
        assert_eq!(serde_json::to_string(&schedule).unwrap(), text);
        // Changing the times keeps them too.
        schedule.set(Some(clock(22, 0)), None, &[]).unwrap();
        let back = serde_json::to_value(&schedule).unwrap();
        assert_eq!(back["nap"], "14:00");
        assert_eq!(back["weekdays"]["sun"]["alarm_sound"], "birds");
    }

    #[test]
    fn a_bedtime_at_the_wake_time_is_refused() {
        let mut schedule = Schedule::default();
        let error = schedule.set(Some(clock(7, 0)), None, &[]).unwrap_err();
        assert!(error.to_string().contains("07:00"), "{error}");
        assert_eq!(schedule, Schedule::default());
        assert!(schedule.set(None, Some(clock(22, 30)), &[Day::Fri]).is_err());
        assert!(!schedule.is_per_weekday());
    }

    #[test]
    fn schedule_round_trips_as_json() {
        let mut schedule = Schedule::default();
        schedule.set(Some(clock(23, 0)), None, &[Day::Sun]).unwrap();
        let json = serde_json::to_string(&schedule).unwrap();
        assert_eq!(json, r#"{"bedtime":"22:30","wake":"07:00","weekdays":{"sun":{"bedtime":"23:00","wake":"07:00"}}}"#);
        assert_eq!(serde_json::from_str::<Schedule>(&json).unwrap(), schedule);
    }

    #[test]
    fn every_day_keeps_the_weekday_nights_aside() {
        let mut schedule = Schedule::default();
        schedule.set(Some(clock(23, 30)), Some(clock(9, 0)), &[Day::Sat]).unwrap();
        assert!(schedule.show_weekdays(false));
        assert!(!schedule.is_per_weekday());
        assert!(schedule.has_hidden_weekdays());
        assert_eq!(schedule.night(Day::Sat).bedtime, clock(22, 30));
        assert_eq!(schedule.weekday_night(Day::Sat).bedtime, clock(23, 30));
        let json = serde_json::to_string(&schedule).unwrap();
        assert!(json.contains(r#""weekdays_off":true"#), "{json}");
        assert_eq!(serde_json::from_str::<Schedule>(&json).unwrap(), schedule);
        // Changing every day's times leaves the kept nights alone.
        schedule.set(Some(clock(22, 0)), None, &[]).unwrap();
        assert_eq!(schedule.weekday_night(Day::Sat).bedtime, clock(23, 30));
        assert!(schedule.show_weekdays(true));
        assert_eq!(schedule.night(Day::Sat).wake, clock(9, 0));
        assert_eq!(schedule.night(Day::Mon).bedtime, clock(22, 0));
        // Without weekday nights there is nothing to hide.
        let mut plain = Schedule::default();
        assert!(!plain.show_weekdays(false));
        assert!(!serde_json::to_string(&plain).unwrap().contains("weekdays_off"));
    }
}
