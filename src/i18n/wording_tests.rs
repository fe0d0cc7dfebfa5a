//! The words say what the article says, no more and no less (issue 18), in both
//! languages: phrases that over-claimed or read wrongly stay gone, the app's own numbers
//! and tips say they are ours, the information screen covers what the article covers,
//! and plurals and decimals read as each language expects.

use super::tests::{en, ru};
use super::*;

/// Every message's text in `language`, comments left out (they may quote old wording).
fn all_text(language: Language) -> String {
    resources(language)
        .iter()
        .flat_map(|(_, text)| text.lines())
        .filter(|line| !line.trim_start().starts_with('#'))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Fails naming each of `parts` missing from `text`.
fn assert_says(text: &str, parts: &[&str]) {
    let missing: Vec<_> = parts.iter().filter(|part| !text.contains(**part)).collect();
    assert!(missing.is_empty(), "{missing:?} not in: {text}");
}

#[test]
fn no_sentence_keeps_a_claim_the_article_does_not_make() {
    let english = all_text(Language::English);
    for phrase in [
        // Restless legs: the article names itching and a constant need to move the legs.
        "crawling",
        "moving relieves",
        "moving eases",
        // All-night twitching can point to a disorder.
        "do not mean that",
        // The article names blood pressure, not pulse.
        "pulse",
        "temperature slow down",
        "strong drinks",
        "makes them less likely",
        "also helps.",
        "on the eve of",
    ] {
        assert!(!english.contains(phrase), "English still says {phrase:?}");
    }
    let russian = all_text(Language::Russian);
    for phrase in [
        "мурашек",
        "облегчал",
        "становилось легче",
        "пульс",
        "крепких напитков",
        "делает их реже",
        // One term each: миоклонус, толчок, подёргивания днём, слабый/средний/сильный стресс.
        "миоклони",
        "Проснулся(-ась)",
        "от вздрагивания",
        "Вздрагивания днём",
        "вздрагивания бывают днём",
        "Низкий",
        "Высокий",
        "низкий",
        "высокий",
        // Calques and awkward phrases.
        "держит ровный суточный ритм",
        "накануне сна",
        "прежде чем засыпать",
        "птичьим пером",
        "завести ортопедические",
        "сосед по кровати",
        "распорядок против вздрагиваний",
        "которой нужна помощь",
        "батареи сушат",
        "свет ни разу не выключали",
        "у меня",
        "(-а)",
        "(-ла)",
    ] {
        assert!(!russian.contains(phrase), "Russian still says {phrase:?}");
    }
}

/// «Вы» throughout: no second-person singular verb (мёрзнешь, просыпаешься).
#[test]
fn russian_addresses_the_user_as_vy() {
    let russian = all_text(Language::Russian);
    let thou: Vec<&str> = russian
        .split(|c: char| !c.is_alphabetic())
        .filter(|word| ["ешь", "ёшь", "ишь", "ешься", "ёшься", "ишься"].iter().any(|end| word.ends_with(end)))
        .collect();
    assert!(thou.is_empty(), "{thou:?}");
}

#[test]
fn the_information_screen_covers_what_the_article_covers() {
    en(|| {
        let kinds =
            ["positive myoclonus", "negative myoclonus", "muscle tone drops", "one leg", "single muscle", "face"];
        assert_says(&t("about-kinds"), &kinds);
        assert_says(
            &t("about-pregnancy"),
            &["About a quarter of women", "second and third trimester", "restless legs"],
        );
        let children =
            ["baby", "no cause for alarm", "deep sleep gives way to lighter sleep", "Teenagers", "reorganising"];
        assert_says(&t("about-children"), &children);
        assert_says(
            &t("about-doctor"),
            &["do not necessarily mean", "itching in the legs with a constant need to move them"],
        );
        assert_says(&t("about-why-brain"), &["body temperature and blood pressure drop"]);
        assert_says(&t("about-urgent"), &["while awake"]);
    });
    ru(|| {
        let kinds =
            ["позитивным", "негативный миоклонус", "снижении мышечного тонуса", "одну ногу", "одну её мышцу", "лица"];
        assert_says(&t("about-kinds"), &kinds);
        assert_says(&t("about-pregnancy"), &["четверти женщин", "втором и третьем триместре", "беспокойных ног"]);
        let children =
            ["Младенец", "повода для тревоги", "от глубокого сна к поверхностному", "подростков", "перестраивается"];
        assert_says(&t("about-children"), &children);
        assert_says(&t("about-doctor"), &["не обязательно значит", "зуд и постоянно хочется ими двигать"]);
        assert_says(&t("about-why-brain"), &["артериальное давление"]);
        assert_says(&t("about-urgent"), &["во время бодрствования"]);
    });
}

#[test]
fn our_own_numbers_and_tips_say_they_are_ours() {
    use crate::model::Hemisphere;
    let november = chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
    en(|| {
        for id in ["caffeine-cutoff", "no-alcohol-tobacco", "mineral-dinner", "calm-evening", "warm-bath"] {
            assert!(catalog_why(id).ends_with("(The time is the app's default.)"), "{id}: {}", catalog_why(id));
        }
        assert!(catalog_why("ventilate-bedroom").contains("a few minutes (how long is the app's suggestion)"));
        let dry = humidity_advice(30.0, november, Hemisphere::Northern);
        assert!(
            dry.contains("the article suggests a humidifier. Our own tip, not the article's: a bowl of water"),
            "{dry}"
        );
        assert!(
            humidity_advice(70.0, november, Hemisphere::Northern).contains("a few minutes is the app's suggestion")
        );
        assert_eq!(t("ui-humidity-hint"), "comfortable is about 40–60 % (general guidance, not from the article)");
        assert!(t("ui-tonight-reassurance").contains("may make them less likely"));
        let caffeine = catalog_from_article("caffeine-cutoff").unwrap_or_default();
        assert!(caffeine.contains("strong caffeinated drinks such as coffee and tea"), "{caffeine}");
        assert!(caffeine.contains("fruit compote or chamomile tea"), "{caffeine}");
    });
    ru(|| {
        for id in ["caffeine-cutoff", "no-alcohol-tobacco", "mineral-dinner", "calm-evening", "warm-bath"] {
            assert!(
                catalog_why(id).ends_with("(Время выбрано приложением по умолчанию.)"),
                "{id}: {}",
                catalog_why(id)
            );
        }
        assert!(catalog_why("ventilate-bedroom").contains("несколько минут (сколько — совет приложения)"));
        let dry = humidity_advice(30.0, november, Hemisphere::Northern);
        assert!(
            dry.contains("статья советует увлажнитель. Наш совет, не из статьи: поставьте у батареи миску с водой"),
            "{dry}"
        );
        assert_eq!(dry.matches("батаре").count(), 1, "{dry}");
        assert!(humidity_advice(70.0, november, Hemisphere::Northern).contains("несколько минут — совет приложения"));
        assert!(t("ui-humidity-hint").contains("общая рекомендация, не из статьи"));
        assert!(t("ui-tonight-reassurance").contains("может сделать их реже"));
        let caffeine = catalog_from_article("caffeine-cutoff").unwrap_or_default();
        assert!(caffeine.contains("крепкий кофе и чай") && caffeine.contains("ромашковым чаем"), "{caffeine}");
    });
}

#[test]
fn the_russian_sentences_the_issue_named_read_right() {
    ru(|| {
        assert!(t("signs-reassurance").starts_with(
            "За последние четыре недели вы иногда отмечали вздрагивания при засыпании, в основном спали хорошо"
        ));
        assert!(
            t("history-bedtime-none").contains("шаг «Отбой» ни разу не был отмечен"),
            "{}",
            t("history-bedtime-none")
        );
        let waiting = |nights: u32| tr!("night-helps-waiting", nights = nights);
        assert!(waiting(5).contains("хотя бы по 5 ночей после"), "{}", waiting(5));
        assert!(waiting(2).contains("хотя бы по 2 ночи после"), "{}", waiting(2));
        assert!(waiting(21).contains("хотя бы по 21 ночи после"), "{}", waiting(21));
        // The same words for the same answer wherever it is shown.
        assert_eq!(t("cli-night-q-jolt"), t("night-woke-from-jolt"));
        assert!(t("help-night-jolt").starts_with(&t("night-woke-from-jolt")));
        let screen = [t("night-stress-low"), t("night-stress-some"), t("night-stress-high")];
        for (level, on_screen) in ["low", "some", "high"].into_iter().zip(screen) {
            assert_eq!(on_screen.to_lowercase(), tr!("cli-night-stress-level", level = level));
            assert_eq!(tr!("report-stress", stress = level), tr!("cli-night-stress-level", level = level));
        }
    });
}

#[test]
fn counts_of_one_read_in_the_singular() {
    en(|| {
        assert_eq!(tr!("history-kept", kept = 1, planned = 1), "kept on 1 of 1 evening");
        assert_eq!(tr!("history-kept", kept = 1, planned = 3), "kept on 1 of 3 evenings");
        assert_eq!(tr!("history-day-steps", date = "Thu 26 Nov", done = 1, planned = 1), "Thu 26 Nov: 1 of 1 step");
        assert_eq!(tr!("history-day-steps", date = "Thu 26 Nov", done = 0, planned = 2), "Thu 26 Nov: 0 of 2 steps");
        assert_eq!(tr!("history-day-summary", done = 1, planned = 1, skipped = 0), "1 of 1 step done, 0 skipped");
        assert_eq!(
            tr!("history-adherence-name", title = "Warm bath", percent = "100 %", done = 1, planned = 1),
            "Warm bath: 100 %, 1 of 1 evening"
        );
    });
    ru(|| {
        assert_eq!(tr!("history-kept", kept = 1, planned = 1), "соблюдено 1 из 1 вечера");
        assert_eq!(tr!("history-kept", kept = 1, planned = 5), "соблюдено 1 из 5 вечеров");
        assert_eq!(tr!("history-kept", kept = 1, planned = 21), "соблюдено 1 из 21 вечера");
    });
}

#[test]
fn one_decimal_uses_each_languages_decimal_sign() {
    assert_eq!(en(|| one_decimal(3.75)), "3.8");
    assert_eq!(ru(|| one_decimal(3.75)), "3,8");
    assert_eq!(ru(|| tr!("report-rested-mean", mean = one_decimal(3.8), count = 5)), "в среднем 3,8 за 5 ночей");
}
