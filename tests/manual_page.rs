//! The manual pages shipped in the Debian package (`assets/man/`, `man bedtime-coach`)
//! are generated from the clap definitions and their help texts in each language, and
//! committed: the package needs no build step of its own, and a change to the command
//! line that forgets the page fails here. To write them anew:
//! `BEDTIME_COACH_WRITE_MANUAL=1 cargo test --test manual_page`.

use std::path::{Path, PathBuf};

use bedtime_coach::cli::{localized_command, manual_words};
use bedtime_coach::i18n::{Language, with_language};

/// The page for `language`, rendered by clap_mangen from the localized command, with
/// clap_mangen's own English words replaced by the language's.
fn render(language: Language) -> String {
    with_language(language, || {
        let mut page = Vec::new();
        clap_mangen::Man::new(localized_command())
            .manual("Bedtime Coach")
            .render(&mut page)
            .expect("rendering into memory cannot fail");
        let mut page = String::from_utf8(page).expect("roff output is UTF-8");
        for (english, ours) in manual_words() {
            page = page.replace(english, &ours);
        }
        page
    })
}

fn committed(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/man").join(relative)
}

fn check(language: Language, relative: &str) {
    let page = render(language);
    let path = committed(relative);
    if std::env::var_os("BEDTIME_COACH_WRITE_MANUAL").is_some() {
        std::fs::write(&path, &page).expect("write the manual page");
    }
    let on_disk = std::fs::read_to_string(&path).unwrap_or_default().replace("\r\n", "\n");
    assert!(
        on_disk == page,
        "{} is not what the clap definitions give; write it anew with \
         BEDTIME_COACH_WRITE_MANUAL=1 cargo test --test manual_page",
        path.display()
    );
}

#[test]
fn the_english_manual_page_is_up_to_date() {
    check(Language::English, "bedtime-coach.1");
}

#[test]
fn the_russian_manual_page_is_up_to_date() {
    check(Language::Russian, "ru/bedtime-coach.1");
}

#[test]
fn the_pages_name_every_command_in_their_language() {
    let english = render(Language::English);
    let russian = render(Language::Russian);
    for command in ["plan", "status", "check", "routine", "schedule", "remind", "autostart", "night", "report"] {
        assert!(english.contains(&format!("{command}(1)")) || english.contains(command), "{command}");
        assert!(russian.contains(command), "{command} in the Russian page");
    }
    assert!(english.contains(".SH NAME\n") && english.contains(".SH SYNOPSIS\n"), "{english}");
    assert!(russian.contains(".SH ИМЯ\n") && russian.contains(".SH ОБЗОР\n"), "{russian}");
    assert!(!russian.contains(".SH NAME") && !russian.contains(".SH DESCRIPTION"), "{russian}");
    assert!(russian.contains("Показать"), "the Russian help texts: {russian}");
    assert!(!russian.contains("Possible values"), "{russian}");
}
