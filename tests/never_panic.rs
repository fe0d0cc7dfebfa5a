//! Property tests: whatever routine, schedule, evening, instant and time zone they are
//! given, the plan and the reminder engine answer and never panic.
//!
//! Files are validated on the way in, but the domain must not rely on that: these
//! inputs go past every limit (offsets of four billion minutes, the first and last dates
//! chrono knows, every zone in the tz database).

use bedtime_coach::model::{
    Anchor, CheckIn, Config, Hemisphere, Journal, Outcome, ReminderLog, Routine, Step, catalog::CATALOG, plan_evening,
};
use bedtime_coach::remind::engine::{decide, next_reminder};
use chrono::{DateTime, NaiveDate, NaiveTime, TimeZone, Utc};
use chrono_tz::{TZ_VARIANTS, Tz};
use proptest::prelude::*;

fn any_time() -> impl Strategy<Value = NaiveTime> {
    (0u32..24, 0u32..60).prop_map(|(h, m)| NaiveTime::from_hms_opt(h, m, 0).unwrap())
}

fn any_anchor() -> impl Strategy<Value = Anchor> {
    prop_oneof![
        any::<u32>().prop_map(|minutes| Anchor::BeforeBedtime { minutes }),
        any::<u32>().prop_map(|minutes| Anchor::AfterWake { minutes }),
        (0u32..2000).prop_map(|minutes| Anchor::BeforeBedtime { minutes }),
        any_time().prop_map(|time| Anchor::At { time }),
    ]
}

fn any_step() -> impl Strategy<Value = Step> {
    (0..CATALOG.len() + 3, any_anchor(), any::<bool>(), any::<bool>()).prop_map(|(index, anchor, remind, enabled)| {
        let mut step = match CATALOG.get(index) {
            Some(entry) => Step::from_catalog(entry),
            None => Step::custom(format!("custom-{index}"), "Custom".into(), anchor),
        };
        step.anchor = anchor;
        step.remind = remind;
        step.enabled = enabled;
        step
    })
}

fn any_config() -> impl Strategy<Value = Config> {
    (
        proptest::collection::vec(any_step(), 0..16),
        any_time(),
        any_time(),
        proptest::collection::vec((0usize..7, any_time(), any_time()), 0..7),
        any::<bool>(),
        any::<u32>(),
        any::<u32>(),
        any::<bool>(),
    )
        .prop_map(|(steps, bedtime, wake, weekdays, southern, grace, snooze, reminders)| {
            let mut config = Config { routine: Routine { steps }, ..Config::default() };
            // Straight into the fields, past Schedule::set's checks (equal times too).
            config.schedule.every_day.bedtime = bedtime;
            config.schedule.every_day.wake = wake;
            for (day, bedtime, wake) in weekdays {
                let mut night = config.schedule.every_day.clone();
                night.bedtime = bedtime;
                night.wake = wake;
                config.schedule.weekdays.insert(bedtime_coach::model::Day::ALL[day], night);
            }
            config.settings.hemisphere = if southern { Hemisphere::Southern } else { Hemisphere::Northern };
            config.settings.grace_minutes = grace;
            config.settings.snooze_minutes = snooze;
            config.settings.reminders = reminders;
            config
        })
}

fn any_date() -> impl Strategy<Value = NaiveDate> {
    prop_oneof![
        // Around now, where DST transitions are.
        (0i64..3 * 366).prop_map(|d| NaiveDate::from_ymd_opt(2025, 1, 1).unwrap() + chrono::Days::new(d as u64)),
        // Anywhere chrono can count.
        (NaiveDate::MIN.num_days_from_ce()..=NaiveDate::MAX.num_days_from_ce())
            .prop_map(|d| NaiveDate::from_num_days_from_ce_opt(d).unwrap()),
        Just(NaiveDate::MIN),
        Just(NaiveDate::MAX),
    ]
}

fn any_zone() -> impl Strategy<Value = Tz> {
    (0..TZ_VARIANTS.len()).prop_map(|i| TZ_VARIANTS[i])
}

fn instant(date: NaiveDate, seconds: u32) -> DateTime<Utc> {
    let time = NaiveTime::from_num_seconds_from_midnight_opt(seconds % 86_400, 0).unwrap();
    Utc.from_utc_datetime(&date.and_time(time))
}

use chrono::Datelike as _;

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, failure_persistence: None, .. ProptestConfig::default() })]

    #[test]
    fn plans_never_panic(config in any_config(), evening in any_date(), zone in any_zone(), done in any::<bool>()) {
        let mut journal = Journal::default();
        if done && let Some(step) = config.routine.steps.first() {
            let at = instant(evening, 0).with_timezone(&zone).fixed_offset();
            journal.record(evening, &step.id, CheckIn::new(Outcome::Done, at, None));
        }
        let plan = plan_evening(&config, evening, &zone, journal.evening(evening));
        prop_assert!(plan.steps.windows(2).all(|w| w[0].due <= w[1].due));
        let now = instant(evening, 20 * 3600).with_timezone(&zone);
        let _ = next_reminder(&config, &plan, &ReminderLog::default(), &now);
    }

    #[test]
    fn the_engine_never_panics(
        config in any_config(),
        day in any_date(),
        seconds in any::<u32>(),
        zone in any_zone(),
        steps in 0usize..40,
    ) {
        let now = instant(day, seconds).with_timezone(&zone);
        let mut log = ReminderLog::default();
        let journal = Journal::default();
        // Let the engine run an evening forward, half-minute ticks at a time, settling what
        // it decides as the service would.
        let mut now = now;
        for _ in 0..steps {
            let decision = decide(&config, &journal, &log, &now);
            decision.apply_to(&mut log);
            let Some(next) = now.checked_add_signed(chrono::TimeDelta::seconds(1800)) else { break };
            now = match decision.next_due {
                Some(due) if due > now && due < next => due,
                _ => next,
            };
        }
    }
}
