//! The translation files are complete and used; plurals and dates read as people expect.

use std::collections::BTreeSet;
use std::path::Path;

use chrono::NaiveDate;
use fluent_bundle::FluentResource;
use fluent_syntax::ast;

use super::*;
use crate::model::{Anchor, Day, Night};

fn parse(text: &str, name: &str) -> FluentResource {
    match FluentResource::try_new(text.to_owned()) {
        Ok(resource) => resource,
        Err((_, errors)) => panic!("{name} does not parse: {errors:?}"),
    }
}

/// Every message id in `language`'s files; fails on a duplicate, a term, or a message
/// without a value.
fn keys(language: Language) -> BTreeSet<String> {
    let mut keys = BTreeSet::new();
    for (name, text) in resources(language) {
        let name = format!("{}/{name}", language.code());
        for entry in parse(text, &name).entries() {
            match entry {
                ast::Entry::Message(message) => {
                    assert!(message.value.is_some(), "{name}: {} has no value", message.id.name);
                    assert!(keys.insert(message.id.name.to_owned()), "{name}: {} is defined twice", message.id.name);
                }
                ast::Entry::Term(term) => panic!("{name}: use messages, not terms (-{})", term.id.name),
                ast::Entry::Junk { content } => panic!("{name}: cannot parse {content:?}"),
                _ => {}
            }
        }
    }
    keys
}

#[test]
fn every_language_has_the_same_files_and_keys() {
    let names = |language| resources(language).iter().map(|(name, _)| *name).collect::<Vec<_>>();
    assert_eq!(names(Language::English), names(Language::Russian));
    let english = keys(Language::English);
    let russian = keys(Language::Russian);
    let only = |a: &BTreeSet<String>, b: &BTreeSet<String>| a.difference(b).cloned().collect::<Vec<_>>();
    assert!(only(&english, &russian).is_empty(), "missing in ru: {:?}", only(&english, &russian));
    assert!(only(&russian, &english).is_empty(), "missing in en: {:?}", only(&russian, &english));
}

/// Keys used in `src/`: the literal first argument of `t(`, `t_args(` and `tr!(`,
/// outside comments.
fn used_keys() -> BTreeSet<String> {
    fn walk(dir: &Path, files: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, files);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    let mut files = Vec::new();
    walk(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut files);
    let mut used = BTreeSet::new();
    for file in files {
        // This file names keys in its own tests; they must be used elsewhere too.
        if file.ends_with("i18n/tests.rs") {
            continue;
        }
        let text = std::fs::read_to_string(&file).unwrap();
        for call in ["t(", "t_args(", "tr!("] {
            for (at, _) in text.match_indices(call) {
                let before = text[..at].chars().next_back();
                let line = &text[text[..at].rfind('\n').map_or(0, |n| n + 1)..at];
                // A call inside a word (`set("`) or in a comment (docs show made-up keys).
                if before.is_some_and(|c| c.is_alphanumeric() || c == '_') || line.trim_start().starts_with("//") {
                    continue;
                }
                // The key may be on the next line (rustfmt breaks long calls).
                let Some(rest) = text[at + call.len()..].trim_start().strip_prefix('"') else {
                    // Only this module's own plumbing passes a key that is not a literal.
                    assert!(file.ends_with("i18n/mod.rs"), "{}: a key must be a literal: {line}…", file.display());
                    continue;
                };
                let key = &rest[..rest.find('"').unwrap()];
                used.insert(key.to_owned());
            }
        }
    }
    used
}

#[test]
fn every_used_key_exists_and_every_key_is_used() {
    let used = used_keys();
    let known = keys(Language::English);
    let missing: Vec<_> = used.difference(&known).collect();
    let unused: Vec<_> = known.difference(&used).collect();
    assert!(missing.is_empty(), "used in src/ but in no .ftl file: {missing:?}");
    assert!(unused.is_empty(), "in the .ftl files but used nowhere in src/: {unused:?}");
}

#[test]
fn a_missing_key_reads_as_itself() {
    assert_eq!(t("no-such-key"), "no-such-key");
    assert_eq!(tr!("no-such-key", count = 3), "no-such-key");
}

#[test]
fn the_language_follows_the_environment() {
    let ru = Some("ru_RU.UTF-8");
    assert_eq!(Language::from_locale_vars(None, None, ru), Language::Russian);
    assert_eq!(Language::from_locale_vars(Some("C"), None, ru), Language::English);
    assert_eq!(Language::from_locale_vars(Some(""), Some("ru_UA.UTF-8"), Some("en_US.UTF-8")), Language::Russian);
    assert_eq!(Language::from_locale_vars(None, Some("en_GB.UTF-8"), ru), Language::English);
    assert_eq!(Language::from_locale_vars(None, None, None), Language::English);
    for ru in ["ru", "ru_RU", "ru_RU.UTF-8", "ru_RU@euro", "RU_ru.utf8", "ru-RU"] {
        assert_eq!(Language::from_locale(ru), Language::Russian, "{ru}");
    }
    for other in ["C", "POSIX", "C.UTF-8", "en_US.UTF-8", "de_DE", "rue", "", "uk_UA.UTF-8"] {
        assert_eq!(Language::from_locale(other), Language::English, "{other}");
    }
    assert_eq!(Language::resolve(LanguageChoice::Russian), Language::Russian);
    assert_eq!(Language::resolve(LanguageChoice::English), Language::English);
}

#[test]
fn with_language_is_for_this_thread_and_restores() {
    let outer = language();
    with_language(Language::Russian, || {
        assert_eq!(language(), Language::Russian);
        with_language(Language::English, || assert_eq!(t("cli-reminders-off"), "Reminders are off."));
        assert_eq!(t("cli-reminders-off"), "Напоминания выключены.");
        std::thread::spawn(move || assert_eq!(language(), outer)).join().unwrap();
    });
    assert_eq!(language(), outer);
}

pub(super) fn ru<R>(f: impl FnOnce() -> R) -> R {
    with_language(Language::Russian, f)
}

pub(super) fn en<R>(f: impl FnOnce() -> R) -> R {
    with_language(Language::English, f)
}

#[test]
fn russian_plurals() {
    ru(|| {
        let steps: Vec<_> = [1, 2, 5, 11, 21, 22, 25, 111, 0].map(count_steps).into();
        assert_eq!(
            steps,
            ["1 шаг", "2 шага", "5 шагов", "11 шагов", "21 шаг", "22 шага", "25 шагов", "111 шагов", "0 шагов"]
        );
        assert_eq!([1, 2, 5, 21, 12].map(count_minutes), ["1 минута", "2 минуты", "5 минут", "21 минута", "12 минут"]);
        assert_eq!([1, 3, 7, 31].map(count_nights), ["1 ночь", "3 ночи", "7 ночей", "31 ночь"]);
        assert_eq!([1, 4, 10, 24].map(count_evenings), ["1 вечер", "4 вечера", "10 вечеров", "24 вечера"]);
        // Selectors inside a sentence pick the same way.
        let tonight =
            |done: u32| tr!("cli-status-tonight", date = "чт, 26 ноября", done = done, total = 13, skipped = 0);
        assert!(tonight(1).contains("сделан 1 шаг из 13"), "{}", tonight(1));
        assert!(tonight(3).contains("сделано 3 шага из 13"), "{}", tonight(3));
        assert!(tonight(11).contains("сделано 11 шагов из 13"), "{}", tonight(11));
    });
    en(|| {
        assert_eq!([1, 2].map(count_steps), ["1 step", "2 steps"]);
        assert_eq!([1, 5].map(count_minutes), ["1 minute", "5 minutes"]);
        assert_eq!([1, 2].map(count_nights), ["1 night", "2 nights"]);
        assert_eq!([1, 2].map(count_evenings), ["1 evening", "2 evenings"]);
    });
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn dates_read_as_each_language_expects() {
    let thursday = date(2026, 11, 26);
    en(|| {
        assert_eq!(evening_title(thursday), "Evening of Thursday 26 November 2026");
        assert_eq!(short_date(thursday), "Thu 26 Nov");
        assert_eq!(short_date(date(2027, 1, 3)), "Sun 3 Jan");
        assert_eq!(weekday(Day::Fri), "Friday");
        let moment = chrono::DateTime::parse_from_rfc3339("2026-12-05T22:14:59+01:00").unwrap();
        assert_eq!(date_time(&moment), "5 Dec 2026, 22:14");
    });
    ru(|| {
        assert_eq!(evening_title(thursday), "Вечер четверга, 26 ноября 2026");
        assert_eq!(short_date(thursday), "чт, 26 ноября");
        assert_eq!(evening_title(date(2026, 3, 1)), "Вечер воскресенья, 1 марта 2026");
        assert_eq!(evening_title(date(2026, 5, 6)), "Вечер среды, 6 мая 2026");
        assert_eq!(short_date(date(2027, 1, 1)), "пт, 1 января");
        assert_eq!(weekday(Day::Fri), "Пятница");
        let moment = chrono::DateTime::parse_from_rfc3339("2027-01-01T07:05:00+03:00").unwrap();
        assert_eq!(date_time(&moment), "1 января 2027, 07:05");
    });
    // Every weekday and month has its own word in both languages.
    for language in Language::ALL {
        with_language(language, || {
            let week: BTreeSet<_> = (23..30).map(|d| evening_title(date(2026, 11, d))).collect();
            assert_eq!(week.len(), 7);
            let months: BTreeSet<_> = (1..=12).map(|m| short_date(date(2026, m, 1))).collect();
            assert_eq!(months.len(), 12);
            assert!(!week.iter().chain(&months).any(|s| s.contains('-') || s.contains('\u{2068}')), "{week:?}");
        });
    }
}

#[test]
fn durations_anchors_and_nights() {
    en(|| {
        assert_eq!([485, 480, 45, 0, -30].map(duration), ["8 h 05 min", "8 h", "45 min", "0 min", "-30 min"]);
        assert_eq!(anchor(&Anchor::BeforeBedtime { minutes: 90 }), "1 h 30 min before bedtime");
        assert_eq!(anchor(&Anchor::AfterWake { minutes: 0 }), "on waking");
        assert_eq!(anchor(&Anchor::BeforeBedtime { minutes: 0 }), "at bedtime");
        assert_eq!(anchor(&Anchor::AfterWake { minutes: 30 }), "30 min after waking");
        assert_eq!(anchor(&Anchor::At { time: chrono::NaiveTime::from_hms_opt(16, 30, 0).unwrap() }), "at 16:30");
        let night = |h, m| {
            Night::new(
                chrono::NaiveTime::from_hms_opt(h, m, 0).unwrap(),
                chrono::NaiveTime::from_hms_opt(7, 0, 0).unwrap(),
            )
        };
        assert_eq!(sleep_opportunity(&night(22, 30)), "8 h 30 min in bed before your 07:00 alarm");
        assert_eq!(
            sleep_opportunity(&night(23, 30)),
            format!("7 h 30 min in bed before your 07:00 alarm. {}", short_night_advice())
        );
        assert_eq!(
            short_night_advice(),
            "That is under 8 h in bed, and sleep itself is shorter still: the article advises at least eight hours of sleep, nine or ten if eight are not enough."
        );
    });
    ru(|| {
        assert_eq!([485, 480, 45].map(duration), ["8 ч 05 мин", "8 ч", "45 мин"]);
        assert_eq!(anchor(&Anchor::BeforeBedtime { minutes: 90 }), "за 1 ч 30 мин до сна");
        assert_eq!(anchor(&Anchor::At { time: chrono::NaiveTime::from_hms_opt(16, 30, 0).unwrap() }), "в 16:30");
    });
}

/// `plan --json` gives these English phrases as each step's "anchor" whatever the
/// language (the command-line contract in DESIGN.md): the wording the model once wrote.
#[test]
fn english_anchors_keep_the_plan_jsons_wording() {
    en(|| {
        for (minutes, before, after) in [
            (0, "at bedtime", "on waking"),
            (1, "1 min before bedtime", "1 min after waking"),
            (60, "1 h before bedtime", "1 h after waking"),
            (90, "1 h 30 min before bedtime", "1 h 30 min after waking"),
            (605, "10 h 05 min before bedtime", "10 h 05 min after waking"),
        ] {
            assert_eq!(anchor(&Anchor::BeforeBedtime { minutes }), before);
            assert_eq!(anchor(&Anchor::AfterWake { minutes }), after);
        }
        for day in Day::ALL {
            assert_eq!(weekday(day), day.name());
        }
    });
}

#[test]
fn the_choice_is_saved_in_lowercase_and_defaults_to_system() {
    use crate::model::Settings;
    assert_eq!(Settings::default().language, LanguageChoice::System);
    let value = serde_json::to_value(Settings { language: LanguageChoice::Russian, ..Settings::default() }).unwrap();
    assert_eq!(value["language"], "russian");
    let read: Settings = serde_json::from_value(serde_json::json!({"language": "english"})).unwrap();
    assert_eq!(read.language, LanguageChoice::English);
    let old: Settings = serde_json::from_value(serde_json::json!({"reminders": false})).unwrap();
    assert_eq!(old.language, LanguageChoice::System);
}

#[test]
fn sizes_and_store_sentences() {
    let size = 4 * (1 << 20) + (1 << 20) / 10 + 1;
    en(|| assert_eq!(megabytes(size), "4.1 MB"));
    ru(|| assert_eq!(megabytes(size), "4,1 МБ"));
    ru(|| assert_eq!(megabytes(64 << 20), "64,0 МБ"));
    en(|| {
        assert_eq!(
            [data_size(1), data_size(31), data_size(2560), data_size(size)],
            ["1 byte", "31 bytes", "2.5 KB", "4.1 MB"]
        )
    });
    ru(|| {
        assert_eq!(
            [data_size(1), data_size(3), data_size(31), data_size(2560)],
            ["1 байт", "3 байта", "31 байт", "2,5 КБ"]
        )
    });
    let busy = |pid| crate::store::StoreError::Busy {
        path: "/d/bedtime-coach.lock".into(),
        pid,
        waited: std::time::Duration::from_secs(3),
    };
    en(|| {
        assert_eq!(
            busy(Some(42)).to_string(),
            "Nothing was changed: another Bedtime Coach process (process 42) kept /d/bedtime-coach.lock locked for 3 s; try again once it has finished."
        );
        assert!(busy(None).to_string().starts_with("Nothing was changed: another Bedtime Coach process kept"));
    });
    ru(|| {
        assert!(
            busy(Some(42)).to_string().contains("другой процесс Bedtime Coach (процесс 42) держал"),
            "{}",
            busy(Some(42))
        )
    });
}

/// The catalog's English texts, by id (the model holds none): a few as the article's
/// advice has them.
#[test]
fn english_catalog_texts_by_id() {
    en(|| {
        assert_eq!(catalog_title("warm-bath"), "Warm bath");
        assert!(catalog_why("warm-bath").contains("relax"));
        assert_eq!(catalog_title("lights-out"), "Lights out");
        for entry in crate::model::catalog::CATALOG {
            assert!(catalog_why(entry.id).chars().count() < 240, "{}", entry.id);
        }
    });
}

#[test]
fn every_catalog_step_has_its_own_texts_in_every_language() {
    use crate::model::catalog::CATALOG;
    for language in Language::ALL {
        with_language(language, || {
            let titles: BTreeSet<_> = CATALOG.iter().map(|e| catalog_title(e.id)).collect();
            assert_eq!(titles.len(), CATALOG.len(), "{language:?}: {titles:?}");
            for entry in CATALOG {
                assert_ne!(catalog_title(entry.id), entry.id);
                let why = catalog_why(entry.id);
                assert!(!why.is_empty() && why.chars().count() < 240, "{language:?} {}: {why}", entry.id);
                let advice = catalog_from_article(entry.id).unwrap_or_default();
                assert!(!advice.is_empty() && advice != why, "{language:?} {}", entry.id);
                assert!(!advice.contains(" h ") && !advice.contains(" ч ") && !advice.contains('%'), "{advice}");
            }
            // Not in the catalog: the id, no reason, no article line.
            assert_eq!(catalog_title("read-a-book"), "read-a-book");
            assert_eq!(catalog_why("read-a-book"), "");
            assert_eq!(catalog_from_article("read-a-book"), None);
        });
    }
}

#[test]
fn step_texts_prefer_the_users_own_words() {
    use crate::model::{Anchor, Routine, Step};
    let routine = Routine::default();
    let bath = routine.get("warm-bath").unwrap();
    ru(|| {
        assert_eq!(step_title(bath), "Тёплая ванна");
        assert!(step_why(bath).contains("расслабиться"));
        assert!(step_from_article(bath).is_some());
    });
    let mut mine = bath.clone();
    mine.title = Some("Hot shower".into());
    mine.why = Some("I have no bath.".into());
    ru(|| {
        assert_eq!(step_title(&mine), "Hot shower");
        assert_eq!(step_why(&mine), "I have no bath.");
    });
    // Moved to the user's own time: the catalog's reason, without "the time is the app's default".
    let mut moved = bath.clone();
    moved.anchor = Anchor::BeforeBedtime { minutes: 100 };
    en(|| {
        assert!(step_why(bath).ends_with("(The time is the app's default.)"), "{}", step_why(bath));
        assert_eq!(step_why(&moved), "A warm bath helps the body relax and let go of the day.");
    });
    ru(|| {
        assert!(step_why(bath).ends_with("(Время выбрано приложением по умолчанию.)"));
        assert_eq!(step_why(&moved), "Тёплая ванна помогает телу расслабиться и отпустить прошедший день.");
    });
    let custom = Step::custom("stretch".into(), "Stretch".into(), Anchor::BeforeBedtime { minutes: 20 });
    ru(|| {
        assert_eq!(step_title(&custom), "Stretch");
        assert_eq!(step_why(&custom), "");
        assert_eq!(step_from_article(&custom), None);
    });
}

#[test]
fn the_catalog_says_what_the_article_says() {
    let why = |id| catalog_why(id);
    en(|| {
        let caffeine = why("caffeine-cutoff");
        assert!(caffeine.contains("coffee") && caffeine.contains("tea") && caffeine.contains("compote"), "{caffeine}");
        assert!(caffeine.contains("app's default"), "{caffeine}");
        let habits = why("no-alcohol-tobacco");
        assert!(habits.contains("completely, not just tonight") && habits.contains("recreational drugs"), "{habits}");
        assert!(!habits.contains("helps the most") && !habits.contains("other drugs"), "{habits}");
        let movement = why("daytime-movement");
        assert!(movement.contains("after waking") && movement.contains("older or untrained"), "{movement}");
        let bedroom = format!("{} {}", why("dark-quiet-bedroom"), catalog_from_article("dark-quiet-bedroom").unwrap());
        assert!(bedroom.contains("Old bedding") && bedroom.contains("feather pillows"), "{bedroom}");
        assert!(why("humidity-check").contains("not from the article"));
        assert!(!why("warm-bath").contains("hour"), "the article gives the bath no time");
        assert!(why("lights-out").contains("time in bed"));
    });
    ru(|| {
        let caffeine = why("caffeine-cutoff");
        assert!(caffeine.contains("кофе") && caffeine.contains("чае") && caffeine.contains("компот"), "{caffeine}");
        let habits = why("no-alcohol-tobacco");
        assert!(habits.contains("наркотиков") && habits.contains("полностью, а не только на вечер"), "{habits}");
        assert!(why("daytime-movement").contains("нетренированных"));
        assert!(why("dark-quiet-bedroom").contains("перьевые подушки"));
        assert!(why("humidity-check").contains("не из статьи"));
        assert!(why("lights-out").contains("время в постели"));
    });
}

#[test]
fn humidity_advice_fits_the_season_in_both_languages() {
    use crate::model::Hemisphere;
    let july = date(2026, 7, 15);
    let november = date(2026, 11, 26);
    en(|| {
        let summer = humidity_advice(30.0, july, Hemisphere::Northern);
        assert!(summer.starts_with("30 % is dry") && !summer.contains("radiator"), "{summer}");
        assert!(summer.contains(". For dry air the article suggests a humidifier."), "{summer}");
        assert!(humidity_advice(30.0, november, Hemisphere::Northern).contains(". Heating dries the air"));
        assert!(humidity_advice(30.0, july, Hemisphere::Southern).contains("radiator"));
        assert!(humidity_advice(70.0, november, Hemisphere::Southern).contains("Air the bedroom"));
        let comfortable = humidity_advice(50.0, november, Hemisphere::Southern);
        assert!(comfortable.contains("comfortable") && comfortable.contains("not a figure from the article"));
        let march = date(2026, 3, 15);
        for percent in [10.0, 39.0, 40.0, 60.0, 61.0] {
            for date in [july, march] {
                let advice = humidity_advice(percent, date, Hemisphere::Northern);
                for sentence in advice.split(". ").skip(1) {
                    assert!(sentence.starts_with(char::is_uppercase), "{advice}");
                }
            }
        }
    });
    ru(|| {
        let summer = humidity_advice(30.0, july, Hemisphere::Northern);
        assert!(summer.starts_with("30 % — сухо") && !summer.contains("батаре"), "{summer}");
        assert!(humidity_advice(30.0, november, Hemisphere::Northern).contains(". В отопительный сезон"));
        assert!(humidity_advice(70.0, november, Hemisphere::Northern).contains("Проветрите"));
        assert!(humidity_advice(50.0, november, Hemisphere::Northern).starts_with("50 % — комфортно"));
    });
}

#[test]
fn the_night_is_time_in_bed() {
    let night = Night::new(
        chrono::NaiveTime::from_hms_opt(22, 30, 0).unwrap(),
        chrono::NaiveTime::from_hms_opt(6, 30, 0).unwrap(),
    );
    en(|| assert_eq!(sleep_opportunity(&night), "8 h in bed before your 06:30 alarm"));
    ru(|| assert_eq!(sleep_opportunity(&night), "8 ч в постели до будильника в 06:30"));
    ru(|| assert!(short_night_advice().contains("в постели")));
}
