//! The night log in the window, driven like a user would: by the labels they click, with
//! what lands in the journal on disk checked after each step; the warning card on a
//! hand-built journal; the information screen and the doctor summary button.

mod support;

use support::month;
use support::window::{assert_fits_below, harness_of};
use support::{saved_routine, store};

use std::path::Path;
use std::sync::Arc;

use bedtime_coach::i18n::Language;
use bedtime_coach::model::{Jerks, NightAnswer, NightLog, Stress};
use bedtime_coach::store::Paths;
use bedtime_coach::ui::{App, Clock, Screen};
use bedtime_coach::use_cases::Change;
use bedtime_coach::use_cases::Coach;
use chrono::{Local, NaiveDate, TimeZone};
use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

/// The morning after the test evening (Thursday 26 November 2026), at 07:10.
fn clock() -> Clock {
    let now =
        Local.from_local_datetime(&support::date(2026, 11, 27).and_hms_opt(7, 10, 0).unwrap()).earliest().unwrap();
    Arc::new(move || now)
}

fn evening(day: u32) -> NaiveDate {
    support::date(2026, 11, day)
}

fn night(dir: &Path, day: u32) -> Option<NightLog> {
    store(dir).load_journal().unwrap().value.night(evening(day)).cloned()
}

/// The window on the night screen, in `language`, at `size`.
fn harness_in(dir: &Path, language: Language, size: egui::Vec2) -> Harness<'static, App> {
    let app = App::new(Coach::at(Paths::in_dir(dir)), clock()).in_language(language).showing(Screen::Night);
    harness_of(app, size)
}

fn harness(dir: &Path) -> Harness<'static, App> {
    harness_in(dir, Language::English, egui::vec2(1280.0, 1000.0))
}

/// Clicks `label`, scrolled into view first as a user would.
fn click(h: &mut Harness<'static, App>, label: &str) {
    h.get_by_label(label).scroll_to_me();
    h.run();
    h.get_by_label(label).click();
    h.run();
}

fn log_night(dir: &Path, day: u32, answers: Vec<NightAnswer>) {
    let at = chrono::DateTime::parse_from_rfc3339(&format!("2026-11-{:02}T07:00:00+01:00", day + 1)).unwrap();
    Change::LogNight { evening: evening(day), answers, at }.apply(&store(dir)).unwrap();
}

#[test]
fn filling_a_night_log_by_its_labels_reaches_the_journal() {
    let dir = tempfile::tempdir().unwrap();
    saved_routine(dir.path());
    let mut h = harness(dir.path());
    // Last night by default: the evening before this morning.
    h.get_by_label("Night from Thu 26 Nov to Fri 27 Nov");
    h.get_by_label("Not logged yet.");
    click(&mut h, "Once or twice");
    assert_eq!(night(dir.path(), 26).unwrap().falling_asleep, Some(Jerks::Few));
    click(&mut h, "Woke up from a jolt");
    click(&mut h, "Rested: 4 of 5");
    click(&mut h, "Some");
    h.get_by_label("Notes").focus();
    h.run();
    h.get_by_label("Notes").type_text("Coffee at 17:00 <b>");
    h.run();
    click(&mut h, "Save note");
    let log = night(dir.path(), 26).unwrap();
    assert_eq!(log.falling_asleep, Some(Jerks::Few));
    assert!(log.woke_from_jolt && !log.twitch_all_night && !log.has_warning_sign());
    assert_eq!((log.rested, log.stress), (Some(4), Some(Stress::Moderate)));
    assert_eq!(log.note, "Coffee at 17:00 <b>");
    assert!(log.at.is_some());
    h.get_by_label_contains("Saved at 07:10");
    // Editable afterwards: a box unticked again is saved too.
    click(&mut h, "Woke up from a jolt");
    assert!(!night(dir.path(), 26).unwrap().woke_from_jolt);
    // The command line reads the same night.
    let shown = support::run(dir.path(), &["night", "--date", "2026-11-26", "--json"]).ok().json();
    assert!(shown.to_string().contains("Coffee at 17:00 <b>"), "{shown}");
}

#[test]
fn a_quiet_night_is_one_click_and_keeps_how_rested() {
    let dir = tempfile::tempdir().unwrap();
    saved_routine(dir.path());
    let mut h = harness(dir.path());
    click(&mut h, "Rested: 5 of 5");
    click(&mut h, "A quiet night");
    let log = night(dir.path(), 26).unwrap();
    assert_eq!(log.falling_asleep, Some(Jerks::None));
    assert!(!log.woke_from_jolt && !log.has_warning_sign());
    assert_eq!(log.rested, Some(5), "how rested stays as given");
    // A night logged with a sign, then "quiet": the sign goes, the note stays.
    log_night(dir.path(), 25, vec![NightAnswer::TwitchAllNight(true), NightAnswer::Note("late tea".into())]);
    click(&mut h, "‹ Earlier night");
    h.get_by_label("Night from Wed 25 Nov to Thu 26 Nov");
    click(&mut h, "A quiet night");
    let log = night(dir.path(), 25).unwrap();
    assert!(!log.twitch_all_night);
    assert_eq!(log.note, "late tea");
    // Back to last night; it is not the 25th that changes.
    click(&mut h, "Last night");
    h.get_by_label("Night from Thu 26 Nov to Fri 27 Nov");
}

#[test]
fn the_information_screen_is_reached_from_the_night_log_and_tonight() {
    let dir = tempfile::tempdir().unwrap();
    saved_routine(dir.path());
    let mut h = harness(dir.path());
    click(&mut h, "What are these twitches, and when to see a doctor?");
    h.get_by_label("Twitches at sleep onset");
    h.get_by_label_contains("Seek urgent care");
    h.get_by_label_contains("not medical advice");
    h.get_by_label_contains("neurologist");
    click(&mut h, "Back");
    h.get_by_label("A quiet night");
    click(&mut h, "Tonight");
    click(&mut h, "About sleep twitches");
    h.get_by_label("Twitches at sleep onset");
    click(&mut h, "Back");
    h.get_by_label("About sleep twitches");
}

/// The information screen in `language`: the reassurance first, then the kinds of
/// twitches, the reasons, pregnancy and children, the routine, when to see a doctor, and
/// only then the urgent box. `texts` are, in that order, the reassurance's heading, the
/// new sections' headings, the doctor heading and words of the urgent box.
fn information_screen_reads_in_order_and_fits(language: Language, texts: [&str; 6]) {
    let dir = tempfile::tempdir().unwrap();
    saved_routine(dir.path());
    let open = |h: &mut Harness<'static, App>| {
        let link = if language == Language::English {
            "What are these twitches, and when to see a doctor?"
        } else {
            "Что это за подёргивания и когда идти к врачу?"
        };
        click(h, link);
    };
    // Tall enough that the whole page is laid out at once: the order is read off it.
    let mut h = harness_in(dir.path(), language, egui::vec2(720.0, 2400.0));
    open(&mut h);
    let top = |h: &Harness<'static, App>, text: &str| h.get_by_label_contains(text).rect().min.y;
    let tops: Vec<f32> = texts.iter().map(|text| top(&h, text)).collect();
    assert!(tops.windows(2).all(|pair| pair[0] < pair[1]), "{language:?}: {texts:?} at {tops:?}");
    assert_eq!(h.query_all_by_label_contains(texts[5]).count(), 1, "one urgent box");
    drop(h);
    // At the smallest window each section, scrolled to as a user would, fits.
    let mut h = harness_in(dir.path(), language, egui::vec2(720.0, 520.0));
    open(&mut h);
    assert_fits(&h, "about, top");
    for text in texts {
        h.get_by_label_contains(text).scroll_to_me();
        h.run();
        assert_fits_below(&h, text, 60.0);
    }
}

#[test]
fn the_information_screen_reassures_first_and_covers_kinds_pregnancy_and_children() {
    information_screen_reads_in_order_and_fits(
        Language::English,
        [
            "What they are",
            "Kinds of twitches",
            "During pregnancy",
            "In children and teenagers",
            "When to see a doctor",
            "Seek urgent care",
        ],
    );
}

#[test]
fn russian_information_screen_reassures_first_and_fits_the_smallest_window() {
    information_screen_reads_in_order_and_fits(
        Language::Russian,
        [
            "Что это такое",
            "Какими бывают подёргивания",
            "Во время беременности",
            "У детей и подростков",
            "Когда обратиться к врачу",
            "неотложной помощью",
        ],
    );
}

/// Every label on screen lies inside the smallest window (720×520) and none overlaps
/// another: long Russian questions wrap instead of running off.
fn assert_fits(h: &Harness<'static, App>, screen: &str) {
    assert_fits_below(h, screen, 0.0);
}

#[test]
fn russian_night_log_and_information_fit_the_smallest_window() {
    let dir = tempfile::tempdir().unwrap();
    saved_routine(dir.path());
    let mut h = harness_in(dir.path(), Language::Russian, egui::vec2(720.0, 520.0));
    h.get_by_label("Ночь с чт, 26 ноября на пт, 27 ноября");
    assert_fits(&h, "night");
    h.get_by_label("Спокойная ночь").click();
    h.run();
    assert_eq!(night(dir.path(), 26).unwrap().falling_asleep, Some(Jerks::None));
    // Below the fold at this size: scrolled to, as a user would.
    h.get_by_label("Что это за подёргивания и когда идти к врачу?").scroll_to_me();
    h.run();
    h.get_by_label("Что это за подёргивания и когда идти к врачу?").click();
    h.run();
    assert_fits(&h, "about");
    h.get_by_label_contains("неотложной помощью");
}

#[test]
fn a_warning_card_shows_what_was_seen_with_its_nights_and_a_doctor() {
    let dir = tempfile::tempdir().unwrap();
    month::full_month(&store(dir.path()));
    let mut h = harness(dir.path());
    h.get_by_label("Worth a doctor's look");
    h.get_by_label("Twitching through the night");
    assert!(h.query_by_label_contains("on several nights").is_none(), "21 nights are not \"several\"");
    h.get_by_label("You logged twitching through the night on 3 nights: Sun 8 Nov, Sat 14 Nov and Sat 21 Nov.");
    h.get_by_label("Restless legs, again and again");
    h.get_by_label(
        "You logged legs trembling from falling asleep on through sleep, with itching and a constant need to move them, on 3 nights: Wed 11 Nov, Wed 18 Nov and Mon 23 Nov.",
    );
    assert!(h.query_by_label("Sleep paralysis, more than once").is_none(), "none was logged");
    assert!(h.query_all_by_label_contains("for example a neurologist").count() >= 2, "each card names a doctor");
    assert!(h.query_all_by_label_contains("Do not put off showing these notes to a doctor").count() >= 2);
    assert!(h.query_by_label("Jerks while falling asleep").is_none(), "no reassurance beside warnings");
    // The all-night card says how rested those nights were.
    h.get_by_label("On those nights you rated how rested you felt 3, 5 and 4 out of 5.");
    assert!(h.query_by_label_contains("was logged in the last four weeks").is_none());
    assert_eq!(h.query_all_by_label_contains("Seek urgent care at once").count(), 1, "the urgent signs, once");
    // Below the cards, the partner's one sighting: named with its night, no card yet.
    h.get_by_label("Logged, not yet often enough for a card");
    h.get_by_label_contains("Someone saw your toes or ankles flex rhythmically in your sleep on 1 night: Thu 5 Nov.");
    // What helps, with both counts, and never a claim of cause.
    h.get_by_label("What helps");
    assert!(h.query_all_by_label_contains("On evenings with a warm bath you").count() >= 1);
    h.get_by_label_contains("not what caused what");
    // Each card leads to the information screen.
    h.query_all_by_label("What are these twitches, and when to see a doctor?").last().unwrap().click();
    h.run();
    h.get_by_label("Twitches at sleep onset");
}

#[test]
fn only_falling_asleep_jerks_get_the_articles_reassurance() {
    let dir = tempfile::tempdir().unwrap();
    saved_routine(dir.path());
    for day in [20, 21, 22, 24, 25] {
        log_night(dir.path(), day, vec![NightAnswer::FallingAsleep(Some(Jerks::Few))]);
    }
    // One jolt in five nights is still "sometimes".
    log_night(dir.path(), 22, vec![NightAnswer::WokeFromJolt(true)]);
    let h = harness(dir.path());
    h.get_by_label("Jerks while falling asleep");
    h.get_by_label_contains("In the last four weeks you logged jerks while falling asleep now and then");
    h.get_by_label_contains("The article calls short jerks at the start of sleep normal");
    assert!(h.query_by_label("Worth a doctor's look").is_none());
    assert!(h.query_by_label_contains("was logged in the last four weeks").is_none(), "said once, by the reassurance");
    assert_eq!(h.query_all_by_label_contains("Seek urgent care at once").count(), 1);
    // A jolt that wakes the user every night is not the harmless kind: no reassurance.
    for day in [20, 21, 24, 25] {
        log_night(dir.path(), day, vec![NightAnswer::WokeFromJolt(true)]);
    }
    let h = harness(dir.path());
    assert!(h.query_by_label("Jerks while falling asleep").is_none());
    h.get_by_label("None of the signs the article asks a doctor to see was logged in the last four weeks.");
}

/// Quiet nights for four weeks and, with `sign`, that sign on one of them.
fn quiet_weeks(dir: &Path, sign: Option<NightAnswer>) {
    saved_routine(dir);
    for day in 1..=26 {
        log_night(dir, day, NightAnswer::quiet_night());
    }
    if let Some(sign) = sign {
        log_night(dir, 16, vec![sign]);
    }
}

#[test]
fn a_sign_logged_once_is_named_and_never_called_nothing() {
    let dir = tempfile::tempdir().unwrap();
    quiet_weeks(dir.path(), Some(NightAnswer::RestlessLegs(true)));
    let h = harness(dir.path());
    h.get_by_label("Logged, not yet often enough for a card");
    h.get_by_label(
        "You logged legs trembling from falling asleep on through sleep, with itching and a constant need to move them, on 1 night: Mon 16 Nov. The app shows a card about it if it is logged on 2 nights within a week, or on 3 nights within 12 weeks (so far: once).",
    );
    h.get_by_label_contains("You need not wait for a card");
    assert!(h.query_by_label_contains("was logged in the last four weeks").is_none(), "not \"nothing\"");
    assert!(
        h.query_by_label("Worth a doctor's look").is_none() && h.query_by_label("Jerks while falling asleep").is_none()
    );
    assert_eq!(h.query_all_by_label_contains("Seek urgent care at once").count(), 1);
    h.get_by_label_contains("sudden paralysis while awake");

    // The same four weeks without the sign: now "none was logged", and nothing below.
    let quiet = tempfile::tempdir().unwrap();
    quiet_weeks(quiet.path(), None);
    let h = harness(quiet.path());
    h.get_by_label("None of the signs the article asks a doctor to see was logged in the last four weeks.");
    assert!(h.query_by_label("Logged, not yet often enough for a card").is_none());
    assert_eq!(h.query_all_by_label_contains("Seek urgent care at once").count(), 1);
}

#[test]
fn russian_sign_below_the_threshold_and_urgent_line_fit_the_smallest_window() {
    let dir = tempfile::tempdir().unwrap();
    quiet_weeks(dir.path(), Some(NightAnswer::SleepParalysis(true)));
    let mut h = harness_in(dir.path(), Language::Russian, egui::vec2(720.0, 520.0));
    for label in ["Отмечено, но пока не так часто, чтобы показать карточку", "Что помогает"]
    {
        h.get_by_label(label).scroll_to_me();
        h.run();
        assert_fits_below(&h, label, 60.0);
    }
    h.get_by_label(
        "Ночей с сонным параличом: 1 — пн, 16 ноября. Приложение покажет об этом карточку, если это будет отмечено 2 раза за 4 недели или 3 раза за 12 недель (пока: один раз).",
    );
    assert_eq!(h.query_all_by_label_contains("При внезапном обмороке").count(), 1);
    h.get_by_label_contains("то же при судорожном приступе (припадке с судорогами)");
    h.get_by_label_contains("внезапном параличе во время бодрствования");
    assert!(h.query_by_label_contains("не отмечено ни одного").is_none());
}

/// Tonight says the reassurance about harmless jerks only while no sign is logged; with
/// one, it points to the Night screen instead (issue 18's review, item 7).
#[test]
fn tonight_reassures_only_while_no_sign_is_logged() {
    let tonight = |dir: &Path, language: Language| {
        let app = App::new(Coach::at(Paths::in_dir(dir)), clock()).in_language(language).showing(Screen::Tonight);
        Harness::builder()
            .with_size(egui::vec2(1280.0, 1000.0))
            .with_context_setup(bedtime_coach::ui::install_style)
            .build_ui_state(|ui, app: &mut App| app.frame(ui), app)
    };
    let dir = tempfile::tempdir().unwrap();
    quiet_weeks(dir.path(), None);
    let h = tonight(dir.path(), Language::English);
    h.get_by_label_contains("Twitches while falling asleep are common and usually harmless");
    assert!(h.query_by_label_contains("the Night screen has a note").is_none());
    log_night(dir.path(), 16, vec![NightAnswer::TwitchDaytime(true)]);
    let mut h = tonight(dir.path(), Language::English);
    assert!(h.query_by_label_contains("usually harmless").is_none(), "no reassurance while a sign is logged");
    h.get_by_label_contains("the Night screen has a note about it");
    h.get_by_label("Open the night log").click();
    h.run();
    h.get_by_label("Logged, not yet often enough for a card");
    let h = tonight(dir.path(), Language::Russian);
    assert!(h.query_by_label_contains("обычно безвредны").is_none());
    h.get_by_label_contains("подробнее — на экране ночи");
}

#[test]
fn the_doctor_summary_button_writes_the_file_and_says_where() {
    let dir = tempfile::tempdir().unwrap();
    month::full_month(&store(dir.path()));
    let out = tempfile::tempdir().unwrap();
    let path = out.path().join("for-the-doctor.html");
    let mut h = harness(dir.path());
    // The suggestion is a dated file in the documents (or home) folder.
    let suggested = h.get_by_label("Save to").value().unwrap();
    assert!(suggested.ends_with("bedtime-coach-summary-2026-11-26.html"), "{suggested}");
    h.get_by_label("Save to").focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_label("Save to").type_text(path.to_str().unwrap());
    h.run();
    click(&mut h, "3 weeks");
    click(&mut h, "Save doctor summary");
    let html = std::fs::read_to_string(&path).unwrap();
    assert!(html.contains("Nights after the evenings from Fri 6 Nov 2026 to Thu 26 Nov 2026 (3 weeks)"));
    h.get_by_label(&format!("The doctor summary was saved to {}.", path.display()));
    h.get_by_label("Open folder");
    // CSV swaps the file's extension.
    click(&mut h, "Table (CSV)");
    assert_eq!(h.get_by_label("Save to").value().unwrap(), out.path().join("for-the-doctor.csv").display().to_string());
    click(&mut h, "Save doctor summary");
    let csv = std::fs::read_to_string(out.path().join("for-the-doctor.csv")).unwrap();
    assert!(csv.starts_with("#,\"Seek urgent care") && csv.contains("\r\nEvening (date),"), "{csv}");
}

#[test]
fn russian_warning_cards_and_the_summary_fit_the_smallest_window() {
    let dir = tempfile::tempdir().unwrap();
    month::full_month(&store(dir.path()));
    let mut h = harness_in(dir.path(), Language::Russian, egui::vec2(720.0, 520.0));
    for label in ["Стоит показать врачу", "Что помогает", "Сводка для врача", "Сохранить сводку для врача"]
    {
        h.get_by_label(label).scroll_to_me();
        h.run();
        // Below the top bar (tabs), where the scrolled night screen shows.
        assert_fits_below(&h, label, 60.0);
    }
    assert!(h.query_all_by_label_contains("например неврологу").count() >= 1);
}

#[test]
fn deleting_a_nights_log_offers_it_back() {
    let dir = tempfile::tempdir().unwrap();
    saved_routine(dir.path());
    log_night(dir.path(), 26, vec![NightAnswer::Rested(Some(3)), NightAnswer::Note("kept".into())]);
    let mut h = harness(dir.path());
    click(&mut h, "Delete this night's log");
    assert_eq!(night(dir.path(), 26), None);
    h.get_by_label("Deleted the log of the night from Thu 26 Nov to Fri 27 Nov.");
    click(&mut h, "Undo");
    let back = night(dir.path(), 26).unwrap();
    assert_eq!((back.rested, back.note.as_str()), (Some(3), "kept"));
}

#[test]
fn a_later_start_with_screen_night_switches_the_open_window_to_last_night() {
    let dir = tempfile::tempdir().unwrap();
    saved_routine(dir.path());
    let (ask, requests) = std::sync::mpsc::channel();
    let app = App::new(Coach::at(Paths::in_dir(dir.path())), clock())
        .in_language(Language::English)
        .with_screen_requests(requests);
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 1000.0))
        .with_context_setup(bedtime_coach::ui::install_style)
        .build_ui_state(|ui, app: &mut App| app.frame(ui), app);
    h.run();
    assert_eq!(h.state().screen(), Screen::Tonight);
    assert!(h.query_by_label("Night from Thu 26 Nov to Fri 27 Nov").is_none());
    // What the bus hands over when `bedtime-coach --screen night` finds this window open.
    ask.send(Screen::from_start_name("night").unwrap()).unwrap();
    h.run();
    assert_eq!(h.state().screen(), Screen::Night);
    h.get_by_label("Night from Thu 26 Nov to Fri 27 Nov");
    assert_eq!(Screen::from_start_name("settings"), None, "only Tonight and Night can be asked for");
    assert_eq!(Screen::Night.start_name(), Some("night"));
}

#[test]
fn each_group_of_radio_buttons_is_named_by_its_question() {
    use egui_kittest::kittest::NodeT;
    let dir = tempfile::tempdir().unwrap();
    saved_routine(dir.path());
    let mut h = harness(dir.path());
    h.run();
    for (option, question) in [("None", "Twitches while falling asleep"), ("Low", "Stress yesterday")] {
        let radio = h.get_by_role_and_label(egui::accesskit::Role::RadioButton, option);
        let group = radio.accesskit_node().parent().unwrap();
        assert_eq!(group.role(), egui::accesskit::Role::RadioGroup, "{option}");
        assert_eq!(group.label().as_deref(), Some(question), "{option}");
    }
}
