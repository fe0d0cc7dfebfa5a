//! A hand-built month of evenings and nights (28 evenings up to Thursday 26 November 2026)
//! for the doctor summary, the night screen and their screenshots: an ordinary month with
//! three nights of twitching all night, restless legs on three evenings, daytime twitches
//! on two days in a row, one night a partner saw rhythmic movements (below a card's
//! threshold), two nights not logged, and notes that need escaping.

use bedtime_coach::model::{Jerks, NightAnswer, Outcome, RoutineFile, Stress};
use bedtime_coach::store::Store;
use bedtime_coach::use_cases::Change;
use chrono::{DateTime, FixedOffset, NaiveDate, TimeDelta};

/// The evening of the month's last night.
pub fn last_evening() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
}

fn at(date: NaiveDate, hour: u32, minute: i64) -> DateTime<FixedOffset> {
    let local = date.and_hms_opt(hour, 0, 0).unwrap() + TimeDelta::minutes(minute);
    local.and_local_timezone(FixedOffset::east_opt(3600).unwrap()).unwrap()
}

pub const LONG_NOTE: &str = "Woke at 02:40 and again at 04:10; legs felt restless after a long day on my feet, \
     walked around the flat for ten minutes, then it eased. Tea with dinner, no coffee after noon.";

pub fn full_month(store: &Store) {
    full_month_to(store, last_evening());
}

/// The same month, ending with the night after `last`.
pub fn full_month_to(store: &Store, last: NaiveDate) {
    Change::SaveRoutineFile(RoutineFile::default()).apply(store).unwrap();
    let routine_file = RoutineFile::default();
    for i in 0..28u32 {
        let evening = last - TimeDelta::days(27 - i64::from(i));
        for step in &routine_file.routine.steps {
            let skipped = match step.id.as_str() {
                "caffeine-cutoff" => i % 4 == 0,
                "warm-bath" => i % 3 == 0,
                "calm-ambience" | "humidity-check" => i % 2 == 0,
                _ => i % 7 == 3,
            };
            let outcome = if skipped { Outcome::Skipped } else { Outcome::Done };
            let when = if step.id == "lights-out" {
                at(evening, 22, 30 + (i64::from(i) * 7 % 41) - 20)
            } else {
                at(evening, 20, 0)
            };
            let value = (step.id == "humidity-check" && !skipped).then_some(45.0);
            Change::Check { evening, step: step.id.clone(), outcome, value, at: when }.apply(store).unwrap();
        }
        if [3, 17].contains(&i) {
            continue;
        }
        let jerks = match i % 5 {
            0 => Jerks::Many,
            1 | 3 => Jerks::Few,
            _ => Jerks::None,
        };
        let mut answers = vec![
            NightAnswer::FallingAsleep(Some(jerks)),
            NightAnswer::WokeFromJolt(i % 6 == 0),
            NightAnswer::TwitchAllNight([9, 15, 22].contains(&i)),
            NightAnswer::TwitchDaytime([20, 21].contains(&i)),
            NightAnswer::RestlessLegs([12, 19, 24].contains(&i)),
            NightAnswer::PartnerSawMovements(i == 6),
            NightAnswer::Rested(Some((2 + i % 4) as u8)),
            NightAnswer::Stress(Some([Stress::Low, Stress::Moderate, Stress::High][(i % 3) as usize])),
        ];
        let note = match i {
            5 => Some("Coffee at 17:00, slept late".to_owned()),
            12 => Some(LONG_NOTE.to_owned()),
            19 => Some("<script>alert('x')</script> & \"quotes\"".to_owned()),
            25 => Some("=1+1 not a formula".to_owned()),
            _ => None,
        };
        answers.extend(note.map(NightAnswer::Note));
        Change::LogNight { evening, answers, at: at(evening + TimeDelta::days(1), 7, 5) }.apply(store).unwrap();
    }
}
