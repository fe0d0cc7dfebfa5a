//! The Schedule screen, driven like a user would: nights that differ by weekday and the
//! weekend shortcut, and the short-night warnings in the smallest window.

mod support;

use support::window::{assert_fits, harness, harness_in, retype};
use support::{saved_routine, store};

use bedtime_coach::i18n::Language;
use bedtime_coach::use_cases::Change;
use eframe::egui;
use egui_kittest::kittest::Queryable;

#[test]
fn every_day_and_back_keeps_saturdays_night() {
    use bedtime_coach::model::Day;
    let dir = tempfile::tempdir().unwrap();
    saved_routine(dir.path());
    let mut h = harness(dir.path());
    h.get_by_label("Schedule").click();
    h.run();
    h.get_by_label("Different on some days").click();
    h.run();
    // The night reads as it is lived: Saturday night, up on Sunday.
    h.get_by_label("Saturday night:");
    h.get_by_label("— up on Sunday");
    retype(&mut h, "Saturday night: bedtime", "23:30");
    retype(&mut h, "Saturday night: wake on Sunday", "09:00");
    let schedule = || store(dir.path()).load_routine_file().unwrap().value.schedule;
    assert_eq!(schedule().night(Day::Sat).bedtime.to_string(), "23:30:00");
    assert_eq!(schedule().night(Day::Sat).wake.to_string(), "09:00:00");
    h.get_by_label("Same time every day").click();
    h.run();
    assert!(!schedule().is_per_weekday());
    assert_eq!(schedule().night(Day::Sat).wake.to_string(), "07:00:00");
    h.get_by_label_contains("Your nights for particular days are kept");
    h.get_by_label("Different on some days").click();
    h.run();
    assert!(schedule().is_per_weekday());
    assert_eq!(schedule().night(Day::Sat).bedtime.to_string(), "23:30:00");
    assert_eq!(schedule().night(Day::Sat).wake.to_string(), "09:00:00");
    assert_eq!(h.get_by_label("Saturday night: wake on Sunday").value().as_deref(), Some("09:00"));
}

#[test]
fn the_weekend_shortcut_sets_the_saturday_and_sunday_mornings() {
    use bedtime_coach::model::Day;
    let dir = tempfile::tempdir().unwrap();
    saved_routine(dir.path());
    let mut h = harness(dir.path());
    h.get_by_label("Schedule").click();
    h.run();
    h.get_by_label("Different on some days").click();
    h.run();
    retype(&mut h, "Weekend mornings: wake time", "09:00");
    retype(&mut h, "Weekend nights: bedtime", "23:30");
    let schedule = store(dir.path()).load_routine_file().unwrap().value.schedule;
    // Friday night ends on Saturday morning, Saturday night on Sunday morning.
    for day in [Day::Fri, Day::Sat] {
        assert_eq!(schedule.night(day).wake.to_string(), "09:00:00", "{day:?}");
        assert_eq!(schedule.night(day).bedtime.to_string(), "23:30:00", "{day:?}");
    }
    for day in [Day::Sun, Day::Mon, Day::Thu] {
        assert_eq!(schedule.night(day).wake.to_string(), "07:00:00", "{day:?}");
    }
    assert_eq!(schedule.wake(support::date(2026, 11, 28)), support::date(2026, 11, 29).and_hms_opt(9, 0, 0).unwrap());
    assert_eq!(h.get_by_label("Saturday night: wake on Sunday").value().as_deref(), Some("09:00"));
}

#[test]
fn short_night_warnings_wrap_in_the_smallest_window() {
    let dir = tempfile::tempdir().unwrap();
    saved_routine(dir.path());
    // Every night short, and Saturday's shorter, so the weekday rows show.
    let (late, later) = (chrono::NaiveTime::from_hms_opt(1, 0, 0), chrono::NaiveTime::from_hms_opt(2, 0, 0));
    Change::SetNights { days: Vec::new(), bedtime: late, wake: None }.apply(&store(dir.path())).unwrap();
    let sat = vec![bedtime_coach::model::Day::Sat];
    Change::SetNights { days: sat, bedtime: later, wake: None }.apply(&store(dir.path())).unwrap();
    for language in [Language::English, Language::Russian] {
        let mut h = harness_in(dir.path(), language, egui::vec2(720.0, 520.0));
        let schedule = if language == Language::English { "Schedule" } else { "Режим сна" };
        h.get_by_label(schedule).click();
        h.run();
        assert_fits(&h, "schedule with short nights");
        let advice = if language == Language::English { "nine or ten" } else { "девять" };
        assert!(h.query_all_by_label_contains(advice).count() >= 3, "{language:?}");
    }
}
