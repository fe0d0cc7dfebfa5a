//! Which evening is "tonight" (issue 19, item 17): the window's Tonight, `plan`,
//! `status`, `reminders` and the reminder service answer with one rule
//! (`model::evening_at`: the evening lasts until the morning's alarm), in the morning
//! after the alarm, before it, and late at night, in any zone.

mod support;

use bedtime_coach::cli::{Cli, run_at};
use bedtime_coach::model::{Journal, ReminderLog, RoutineFile, evening_at};
use bedtime_coach::remind::engine::decide;
use bedtime_coach::store::Paths;
use bedtime_coach::use_cases::{Change, Coach};
use chrono::{DateTime, NaiveDate, TimeZone};
use chrono_tz::Tz;
use clap::Parser;

fn cli(coach: &Coach, now: &DateTime<Tz>, args: &[&str]) -> serde_json::Value {
    let command = Cli::try_parse_from([&["bedtime-coach"], args].concat()).unwrap().command.unwrap();
    serde_json::from_str(&run_at(command, coach, now).unwrap()).unwrap()
}

/// Every front end's "tonight" at `now`.
fn tonights(coach: &Coach, now: &DateTime<Tz>) -> Vec<(&'static str, NaiveDate)> {
    let routine_file = coach.load_routine_file().unwrap().value;
    let date = |value: &serde_json::Value| value.as_str().unwrap().parse::<NaiveDate>().unwrap();
    vec![
        ("window (Tonight)", coach.evening(None, now).unwrap().evening),
        ("status", coach.status(now).unwrap().tonight.evening),
        ("reminders", coach.reminder_fates(None, now).unwrap().evening),
        ("status --json", date(&cli(coach, now, &["status", "--json"])["evening"])),
        ("reminders --json", date(&cli(coach, now, &["reminders", "--json"])["evening"])),
        ("service", decide(&routine_file, &Journal::default(), &ReminderLog::default(), now).today),
        ("the rule", evening_at(&routine_file, now)),
    ]
}

#[test]
fn every_front_end_agrees_on_tonight_in_the_morning_and_late_at_night() {
    let dir = tempfile::tempdir().unwrap();
    let coach = Coach::at(Paths::in_dir(dir.path()));
    coach.apply(Change::SaveRoutineFile(RoutineFile::default())).unwrap();
    // Bed at 22:30, up at 07:00 (the default).
    for zone in [chrono_tz::Europe::Berlin, chrono_tz::America::New_York, chrono_tz::Australia::Lord_Howe] {
        let at = |day, hour, minute| zone.with_ymd_and_hms(2026, 12, day, hour, minute, 0).unwrap();
        for (now, expected, what) in [
            (at(6, 7, 10), support::date(2026, 12, 6), "07:10, after the alarm: the new evening"),
            (at(6, 6, 50), support::date(2026, 12, 5), "06:50, before the alarm: still last night"),
            (at(6, 0, 30), support::date(2026, 12, 5), "00:30: the evening before midnight"),
            (at(5, 23, 59), support::date(2026, 12, 5), "23:59"),
        ] {
            for (front_end, evening) in tonights(&coach, &now) {
                assert_eq!(evening, expected, "{front_end} at {what} in {zone}");
            }
        }
    }
}
