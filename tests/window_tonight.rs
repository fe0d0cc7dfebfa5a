//! Tonight, driven like a user would: Done, Skip and Undo reaching the journal, the
//! marks and states of the steps, the humidity reading, pausing reminders, the view after
//! bedtime, the reasons beside the list, and the screen in Russian.

mod support;

use support::window::{check, evening, harness, harness_at, harness_in, outcome, steps_in_order};
use support::{saved_routine, store};

use std::path::Path;

use bedtime_coach::i18n::Language;
use bedtime_coach::model::{Outcome, RoutineFile};
use bedtime_coach::ui::App;
use bedtime_coach::use_cases::Change;
use chrono::{Local, TimeZone};
use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

#[test]
fn done_skip_and_undo_reach_the_journal() {
    let dir = tempfile::tempdir().unwrap();
    saved_routine(dir.path());
    let mut h = harness(dir.path());
    h.get_by_label("Done: Warm bath").click();
    h.run();
    assert_eq!(outcome(dir.path(), "warm-bath"), Some(Outcome::Done));
    h.get_by_label("Skip: Candles and calm music").click();
    h.run();
    assert_eq!(outcome(dir.path(), "calm-ambience"), Some(Outcome::Skipped));
    h.get_by_label("Undo: Warm bath").click();
    h.run();
    assert_eq!(outcome(dir.path(), "warm-bath"), None);
    h.get_by_label("Done: Warm bath");
    h.get_by_label_contains("1 skipped");
}

/// One Done click and nothing else, between two marker files, for
/// `scripts/reads-per-click.sh`, which runs it under `strace` and counts the reads and
/// writes of each data file in between (ignored in the ordinary run: it checks nothing a
/// test above does not).
#[test]
#[ignore = "run by scripts/reads-per-click.sh"]
fn one_done_click_between_markers() {
    let dir = tempfile::tempdir().unwrap();
    saved_routine(dir.path());
    // An ordinary evening: a journal (and its backup) already there.
    check(dir.path(), &["caffeine-cutoff"], Outcome::Done);
    check(dir.path(), &["mineral-dinner"], Outcome::Done);
    let mut h = harness(dir.path());
    h.run();
    let marker = |name: &str| drop(std::fs::File::create(dir.path().join(name)));
    marker("click-begins");
    h.get_by_label("Done: Warm bath").click();
    h.run();
    marker("click-ends");
    assert_eq!(outcome(dir.path(), "warm-bath"), Some(Outcome::Done));
}

#[test]
fn humidity_reading_is_stored_with_advice() {
    let dir = tempfile::tempdir().unwrap();
    saved_routine(dir.path());
    let mut h = harness(dir.path());
    h.get_by_label("Bedroom humidity (%)").focus();
    h.run();
    h.get_by_label("Bedroom humidity (%)").type_text("35");
    h.run();
    h.get_by_label("Save reading").click();
    h.run();
    let journal = store(dir.path()).load_journal().unwrap().value;
    assert_eq!(journal.check_in(evening(), "humidity-check").unwrap().value, Some(35.0));
    h.get_by_label_contains("35 % is dry");
}

#[test]
fn all_done_shows_the_calm_state() {
    let dir = tempfile::tempdir().unwrap();
    saved_routine(dir.path());
    let s = store(dir.path());
    let at = chrono::DateTime::parse_from_rfc3339("2026-11-26T21:00:00+01:00").unwrap();
    for step in RoutineFile::default().routine.steps {
        Change::Check { evening: evening(), step: step.id, outcome: Outcome::Done, value: None, at }.apply(&s).unwrap();
    }
    let h = harness(dir.path());
    h.get_by_label("All done — sleep well.");
}

#[test]
fn a_step_title_opens_its_why() {
    let dir = tempfile::tempdir().unwrap();
    saved_routine(dir.path());
    // Narrow: a wide window shows the current step's (the bath's) reason beside the list.
    let mut h = harness_in(dir.path(), Language::English, egui::vec2(720.0, 1400.0));
    let why = &bedtime_coach::i18n::with_language(Language::English, || bedtime_coach::i18n::catalog_why("warm-bath"));
    assert!(h.query_by_label(why).is_none());
    h.get_by_label("Warm bath").click();
    h.run();
    h.get_by_label(why);
    h.get_by_label("Warm bath").click();
    h.run();
    assert!(h.query_by_label(why).is_none());
}

#[test]
fn pause_tonight_reaches_the_reminder_log() {
    let dir = tempfile::tempdir().unwrap();
    saved_routine(dir.path());
    let mut h = harness(dir.path());
    h.get_by_label("Pause reminders tonight").click();
    h.run();
    assert!(store(dir.path()).load_reminders().unwrap().value.is_paused(evening()));
    h.get_by_label("Reminders are paused for tonight.");
    h.get_by_label("Resume reminders").click();
    h.run();
    assert!(!store(dir.path()).load_reminders().unwrap().value.is_paused(evening()));
}

/// (The marks √ – ! • are drawn, not read: a screen reader hears the words alone.)
#[test]
fn done_skipped_missed_and_due_each_have_a_mark() {
    let dir = tempfile::tempdir().unwrap();
    saved_routine(dir.path());
    check(dir.path(), &["warm-bath"], Outcome::Done);
    check(dir.path(), &["calm-ambience"], Outcome::Skipped);
    let h = harness(dir.path());
    h.get_by_label("done at 21:00");
    h.get_by_label("skipped");
    assert!(h.query_all_by_label("missed").count() >= 1, "the caffeine cut-off passed unchecked");
    drop(h);
    // Once every step whose time has come is settled, the next one is marked.
    let now = Local.from_local_datetime(&evening().and_hms_opt(21, 10, 0).unwrap()).earliest().unwrap();
    let plan = bedtime_coach::model::plan_evening(&RoutineFile::default(), evening(), &Local, None);
    let past: Vec<&str> = plan.steps.iter().filter(|s| s.due <= now).map(|s| s.id.as_str()).collect();
    check(dir.path(), &past, Outcome::Done);
    let h = harness(dir.path());
    assert!(h.query_by_label("due now").is_none());
    assert!(h.query_by_label("missed").is_none());
    assert_eq!(h.query_all_by_label_contains("next, in").count(), 1);
}

/// The evening of issue 19: at 19:38 the 19:30 dinner is due now (within the grace
/// window), and the 07:00 morning warm-up, long past, is missed, not "due now".
#[test]
fn due_now_is_the_step_within_its_grace_window_not_the_mornings() {
    let dir = tempfile::tempdir().unwrap();
    saved_routine(dir.path());
    let mut h = harness_at(dir.path(), 26, 19, 38);
    h.run();
    assert_eq!(h.query_all_by_label("due now").count(), 1);
    let dinner_row = h.get_by_label("Done: Mineral-rich dinner").rect();
    let due = h.get_by_label("due now").rect();
    assert!((due.center().y - dinner_row.center().y).abs() < 12.0, "due now sits on the dinner's row");
    let warm_up = h.get_by_label("Done: Morning warm-up and more walking").rect();
    let missed: Vec<_> = h.query_all_by_label("missed").map(|n| n.rect()).collect();
    assert!(missed.iter().any(|r| (r.center().y - warm_up.center().y).abs() < 12.0), "the warm-up is missed");
    drop(h);
    // Past the grace window the dinner is missed too; the next step is marked next.
    let h = harness_at(dir.path(), 26, 19, 50);
    assert!(h.query_by_label("due now").is_none());
    assert_eq!(h.query_all_by_label_contains("next, in").count(), 1);
}

/// After bedtime the side panel says how many steps are left, never "settled".
#[test]
fn after_bedtime_the_side_panel_does_not_call_open_steps_settled() {
    let dir = tempfile::tempdir().unwrap();
    saved_routine(dir.path());
    check(dir.path(), &["warm-bath"], Outcome::Done);
    let mut h = harness_at(dir.path(), 26, 23, 0);
    h.run();
    assert!(h.query_by_label("Everything is settled for tonight.").is_none());
    let left = steps_in_order().len() - 1;
    h.get_by_label_contains(&format!("Past bedtime: {left} steps were not done tonight."));
    drop(h);
    // With every step settled, it is true.
    let ids: Vec<String> = steps_in_order().into_iter().map(|(id, _)| id).collect();
    check(dir.path(), &ids.iter().map(String::as_str).collect::<Vec<_>>(), Outcome::Done);
    let mut h = harness_at(dir.path(), 26, 23, 0);
    h.run();
    h.get_by_label("Everything is settled for tonight.");
}

/// Before bedtime the line under the countdown is the night's length, worded as setup
/// words it: at 07:16 "8 h 30 min until your 07:00 alarm" was untrue (it is 23 h away).
#[test]
fn before_bedtime_the_night_is_time_in_bed_not_a_countdown() {
    let dir = tempfile::tempdir().unwrap();
    saved_routine(dir.path());
    let h = harness_at(dir.path(), 27, 7, 16);
    h.get_by_label("8 h 30 min in bed before your 07:00 alarm");
    assert!(h.query_by_label_contains("until your").is_none());
}

#[test]
fn after_bedtime_the_night_view_counts_down_to_the_alarm() {
    let dir = tempfile::tempdir().unwrap();
    saved_routine(dir.path());
    check(dir.path(), &["warm-bath"], Outcome::Done);
    let mut h = harness_at(dir.path(), 26, 23, 0);
    h.get_by_label("Past bedtime (22:30) — lights out and sleep well");
    h.get_by_label("8 h until your 07:00 alarm");
    assert!(h.query_by_label("Pause reminders tonight").is_none());
    assert!(h.query_by_label_contains("coffee").is_none());
    assert!(h.query_by_label_contains("Caffeine").is_none());
    h.get_by_label("Undo: Warm bath");
    let left = steps_in_order().len() - 1;
    // The steps left are folded away under one header.
    assert!(h.query_by_label("Done: Lights out").is_none());
    h.get_by_label(&format!("Not done tonight: {left}")).click();
    h.run();
    h.get_by_label("Done: Lights out");
    assert!(h.query_by_label("due now").is_none());
    drop(h);
    // Past midnight it still counts down.
    let h = harness_at(dir.path(), 27, 1, 15);
    h.get_by_label("5 h 45 min until your 07:00 alarm");
    drop(h);
    // After the alarm a new evening starts clean.
    let h = harness_at(dir.path(), 27, 7, 1);
    h.get_by_label_contains("Bedtime 22:30 — in");
    h.get_by_label("Done: Warm bath");
    assert!(h.query_by_label_contains("Not done tonight").is_none());
    h.get_by_label("Pause reminders tonight");
}

#[test]
fn a_wide_window_shows_why_the_current_step_helps_beside_the_list() {
    let dir = tempfile::tempdir().unwrap();
    saved_routine(dir.path());
    // 21:10 on the test evening, nothing checked: the step due now (the 21:00 bath).
    let mut h = harness_in(dir.path(), Language::English, egui::vec2(1280.0, 800.0));
    h.run();
    let plan = bedtime_coach::model::plan_evening(&RoutineFile::default(), evening(), &Local, None);
    let now = Local.from_local_datetime(&evening().and_hms_opt(21, 10, 0).unwrap()).earliest().unwrap();
    let first = &plan.current(&now).unwrap().id;
    assert_eq!(first, "warm-bath");
    let why = bedtime_coach::i18n::with_language(Language::English, || bedtime_coach::i18n::catalog_why(first));
    assert!(h.query_all_by_label(&why).count() >= 1, "the reason of {first} beside the list");
    // The article's own advice under it, labelled as such (with its colon: it is no sentence
    // of the article's that starts "From the article Lead an active life").
    let advice = bedtime_coach::i18n::with_language(Language::English, || {
        bedtime_coach::i18n::catalog_from_article(first).unwrap_or_default()
    });
    h.get_by_label(&format!("From the article: {advice}"));
    // The minimum window keeps the list alone.
    let mut narrow = harness_in(dir.path(), Language::English, egui::vec2(720.0, 520.0));
    narrow.run();
    assert_eq!(narrow.query_all_by_label(&why).count(), 0);
}

#[test]
fn the_humidity_hint_says_the_range_is_not_the_articles_and_fits_the_smallest_window() {
    let dir = tempfile::tempdir().unwrap();
    saved_routine(dir.path());
    for (language, hint, save) in [
        (Language::English, "comfortable is about 40–60 % (general guidance, not from the article)", "Save reading"),
        (Language::Russian, "комфортно около 40–60 % (общая рекомендация, не из статьи)", "Сохранить"),
    ] {
        let mut h = harness_in(dir.path(), language, egui::vec2(720.0, 520.0));
        h.get_by_label(hint).scroll_to_me();
        h.run();
        let (hint, save) = (h.get_by_label(hint).rect(), h.get_by_label(save).rect());
        assert!(hint.min.x >= 0.0 && hint.max.x <= 720.5, "{language:?}: the hint runs off: {hint:?}");
        assert!(!hint.intersects(save), "{language:?}: the hint covers the button: {hint:?} {save:?}");
    }
}

#[test]
fn a_step_snoozed_from_its_notification_says_until_when() {
    let dir = tempfile::tempdir().unwrap();
    saved_routine(dir.path());
    let at = |h, m| Local.from_local_datetime(&evening().and_hms_opt(h, m, 0).unwrap()).earliest().unwrap();
    let snooze = |key: &str, until| Change::Snooze {
        reminders: vec![(evening(), key.to_owned())],
        until: at(21, until).fixed_offset(),
    };
    // The bath snoozed until 21:20; the ventilation's snooze already ran out at 21:05.
    snooze("warm-bath", 20).apply(&store(dir.path())).unwrap();
    snooze("ventilate-bedroom", 5).apply(&store(dir.path())).unwrap();
    let mut harness = harness(dir.path());
    harness.run();
    assert!(harness.query_by_label("snoozed until 21:20").is_some());
    assert!(harness.query_by_label("snoozed until 21:05").is_none());
    // Done: the row says so, no longer the snooze.
    harness.get_by_label("Done: Warm bath").click();
    harness.run();
    assert!(harness.query_by_label("snoozed until 21:20").is_none());
}

/// A night under eight hours in bed says the article's advice in full on Tonight (a
/// placeholder once stood where the advice belongs).
#[test]
fn a_short_night_on_tonight_gives_the_articles_advice() {
    let dir = tempfile::tempdir().unwrap();
    saved_routine(dir.path());
    let bedtime = chrono::NaiveTime::from_hms_opt(23, 45, 0);
    Change::SetNights { days: Vec::new(), bedtime, wake: None }.apply(&store(dir.path())).unwrap();
    let h = harness(dir.path());
    let advice = bedtime_coach::i18n::with_language(Language::English, bedtime_coach::i18n::short_night_advice);
    h.get_by_label_contains(&advice);
    assert!(h.query_by_label_contains("$advice").is_none());
    assert!(h.query_by_label_contains("{").is_none());
}

// In Russian. The App draws in its own language on the test's thread, so these run in
// parallel with the English ones. Step titles still come from the catalog as they are,
// so the tests find steps by the Russian half of a label only.

fn harness_ru(dir: &Path) -> Harness<'static, App> {
    harness_in(dir, Language::Russian, egui::vec2(1280.0, 1400.0))
}

#[test]
fn tonight_in_russian_counts_with_russian_plurals() {
    let dir = tempfile::tempdir().unwrap();
    saved_routine(dir.path());
    let total = RoutineFile::default().routine.steps.iter().filter(|s| s.enabled).count();
    let h = harness_ru(dir.path());
    h.get_by_label("Сегодня");
    h.get_by_label("Распорядок");
    h.get_by_label("Вечер четверга, 26 ноября 2026");
    h.get_by_label("Отбой в 22:30 — через 1 ч 20 мин");
    h.get_by_label("8 ч 30 мин в постели до будильника в 07:00");
    h.get_by_label("Без интернета: данные остаются на этом компьютере");
    h.get_by_label(&format!("Сделано 0 шагов из {total}"));
    assert!(h.query_all_by_label_contains("Пропустить: ").count() > 1);
    drop(h);
    for (done, text) in [
        (&["warm-bath"][..], format!("Сделан 1 шаг из {total}")),
        (&["calm-ambience"][..], format!("Сделано 2 шага из {total}")),
        (&["ventilate-bedroom", "caffeine-cutoff", "lights-out"][..], format!("Сделано 5 шагов из {total}")),
    ] {
        check(dir.path(), done, Outcome::Done);
        harness_ru(dir.path()).get_by_label(&text);
    }
    check(dir.path(), &["set-alarm"], Outcome::Skipped);
    let h = harness_ru(dir.path());
    h.get_by_label(&format!("Сделано 5 шагов из {total}, пропущен 1"));
    assert_eq!(h.query_all_by_label("сделано в 21:00").count(), 5);
    h.get_by_label("пропущено");
    assert!(h.query_by_label_contains(" done").is_none(), "no English left on Tonight");
}

#[test]
fn done_by_its_russian_label_reaches_the_journal() {
    let dir = tempfile::tempdir().unwrap();
    saved_routine(dir.path());
    let mut h = harness_ru(dir.path());
    let done_buttons = h.query_all_by_label_contains("Готово: ").count();
    h.query_all_by_label_contains("Готово: ").next().unwrap().click();
    h.run();
    let journal = store(dir.path()).load_journal().unwrap().value;
    let checked: Vec<_> = RoutineFile::default()
        .routine
        .steps
        .iter()
        .filter_map(|step| journal.check_in(evening(), &step.id).map(|c| (step.id.clone(), c.outcome)))
        .collect();
    assert_eq!(checked.len(), 1, "{checked:?}");
    assert_eq!(checked[0].1, Outcome::Done);
    assert_eq!(h.query_all_by_label_contains("Готово: ").count(), done_buttons - 1);
    h.get_by_label_contains("Отменить: ");
    h.get_by_label_contains("Сделан 1 шаг из ");
}

/// Issue 19, item 17: a window left open overnight moves to the new evening at the alarm
/// with everything it shows, the pause included: "paused for tonight" was read once
/// when the files were, so the next morning's Tonight still said so.
#[test]
fn a_window_left_open_overnight_shows_the_new_evening_unpaused() {
    let dir = tempfile::tempdir().unwrap();
    saved_routine(dir.path());
    Change::PauseReminders { evening: evening(), paused: true }.apply(&store(dir.path())).unwrap();
    let at = |day: u32, hour: u32, minute: u32| {
        let at = support::date(2026, 11, day).and_hms_opt(hour, minute, 0).unwrap();
        Local.from_local_datetime(&at).earliest().unwrap()
    };
    let now = std::sync::Arc::new(std::sync::Mutex::new(at(26, 21, 10)));
    let clock = {
        let now = now.clone();
        std::sync::Arc::new(move || *now.lock().unwrap())
    };
    let app = App::new(bedtime_coach::use_cases::Coach::at(bedtime_coach::store::Paths::in_dir(dir.path())), clock)
        .in_language(Language::English);
    let mut h = support::window::harness_of(app, egui::vec2(1280.0, 1400.0));
    h.run();
    h.get_by_label("Reminders are paused for tonight.");
    // 07:10 the next morning, no file touched: Friday's evening, not paused.
    *now.lock().unwrap() = at(27, 7, 10);
    h.run();
    h.get_by_label_contains("Friday 27 November");
    assert!(h.query_by_label("Reminders are paused for tonight.").is_none());
}

/// At 720×520 in Russian, a row's state stays whole ("√ сделано в" and "21:00" once
/// landed on lines of their own beside Undo and Why?), and the row's last button stops
/// short of the floating scroll bar.
#[test]
fn a_russian_row_keeps_its_state_whole_and_clear_of_the_scroll_bar() {
    let dir = tempfile::tempdir().unwrap();
    saved_routine(dir.path());
    check(dir.path(), &["daytime-movement", "caffeine-cutoff", "no-alcohol-tobacco", "mineral-dinner"], Outcome::Done);
    let mut h = harness_in(dir.path(), Language::Russian, egui::vec2(720.0, 520.0));
    h.run_steps(4);
    let states: Vec<egui::Rect> = h.query_all_by_label_contains("сделано в 21:00").map(|n| n.rect()).collect();
    assert_eq!(states.len(), 4, "{states:?}");
    for state in states {
        assert!(state.height() < 20.0, "the state wraps: {state:?}");
    }
    let scroll = egui::style::ScrollStyle::default();
    let bar = scroll.bar_width + scroll.bar_outer_margin + scroll.bar_inner_margin;
    let whys: Vec<egui::Rect> = h.query_all_by_label_contains("Зачем:").map(|n| n.rect()).collect();
    assert!(whys.len() > 5, "{whys:?}");
    for why in whys {
        assert!(why.right() <= 720.0 - bar, "Why? runs under the scroll bar: {why:?}");
    }
}
