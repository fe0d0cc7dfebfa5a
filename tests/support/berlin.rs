//! December 2026 in Berlin, for the tests of the use cases that run the command line in
//! the test's own process at a fixed instant (`run_at`), never the wall clock.

use bedtime_coach::cli::{Cli, run_at};
use bedtime_coach::use_cases::Coach;
use chrono::{DateTime, FixedOffset, NaiveTime, TimeZone};
use chrono_tz::Europe::Berlin;
use clap::Parser;

/// `hour:minute` on `day` December 2026 in Berlin.
pub fn berlin(day: u32, hour: u32, minute: u32) -> DateTime<chrono_tz::Tz> {
    Berlin.with_ymd_and_hms(2026, 12, day, hour, minute, 0).unwrap()
}

/// The same instant with its offset, as the journal records it.
pub fn at(day: u32, hour: u32, minute: u32) -> DateTime<FixedOffset> {
    berlin(day, hour, minute).fixed_offset()
}

pub fn clock(hour: u32, minute: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(hour, minute, 0).unwrap()
}

/// What the command `args` prints at `now`; panics on its error.
pub fn cli(coach: &Coach, now: &DateTime<chrono_tz::Tz>, args: &[&str]) -> String {
    let command = Cli::try_parse_from([&["bedtime-coach"], args].concat()).unwrap().command.unwrap();
    run_at(command, coach, now).unwrap_or_else(|error| panic!("{args:?}: {error}"))
}

/// The error the command `args` ends with at `now`; panics if it succeeds.
pub fn cli_error(coach: &Coach, now: &DateTime<chrono_tz::Tz>, args: &[&str]) -> String {
    let command = Cli::try_parse_from([&["bedtime-coach"], args].concat()).unwrap().command.unwrap();
    run_at(command, coach, now).err().unwrap_or_else(|| panic!("{args:?} succeeded")).to_string()
}
