//! Every word a user reads, in English and Russian, from Fluent files.
//!
//! Why this module exists: the window, the notifications and the command line should
//! speak the reader's language without scattering `if russian { … }` through the code,
//! and Russian needs what `format!` cannot give (plural forms: 1 шаг, 2 шага, 5 шагов;
//! genitive months: 26 ноября). The texts live in `.ftl` files beside this one, one
//! folder per language and one file per area, so several people can add keys without
//! touching the same lines. They are embedded with `include_str!` and parsed once.
//!
//! # Using it
//!
//! ```
//! use bedtime_coach::i18n::{self, Language, t};
//! use bedtime_coach::tr;
//!
//! i18n::set_language(Language::Russian); // at start, and when the Settings choice changes
//! assert_eq!(tr!("count-steps", count = 5), "5 шагов");
//! assert_eq!(t("cli-reminders-off"), "Напоминания выключены.");
//! // One thread, for a while (tests, previews):
//! assert_eq!(i18n::with_language(Language::English, || tr!("count-steps", count = 1)), "1 step");
//! ```
//!
//! # Adding a key
//!
//! 1. Add the message to the matching file in **both** `en/` and `ru/` (a new area is a
//!    new file in both folders plus a line in [`RESOURCES`]).
//! 2. Use it with a literal key: `t("my-key")` or `tr!("my-key", name = value)`. Numbers
//!    go in as numbers (not strings) so Russian plural rules can select.
//! 3. `cargo test --lib i18n` fails if the key is missing in a language, has no value,
//!    is never used in `src/`, or if a used key is in no file. Keys must be literals at
//!    the call site; a text chosen at run time is a selector inside one message
//!    (see `weekday` in `common.ftl`), not a key built with `format!`.
//!
//! Fluent's Unicode isolation marks are off: egui's fonts have no glyphs for them.

mod catalog;
pub mod charset;
mod errors;
mod format;
pub mod history;
pub mod notifications;
pub mod signs;

use std::cell::Cell;
use std::sync::LazyLock;
use std::sync::atomic::{AtomicU8, Ordering};

pub use fluent_bundle::FluentValue;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use unic_langid::LanguageIdentifier;

pub use catalog::{
    catalog_from_article, catalog_title, catalog_why, from_article_line, humidity_advice, planned_title, planned_why,
    step_from_article, step_title, step_why,
};
pub use format::{
    anchor, count_evenings, count_minutes, count_nights, count_steps, data_size, date_time, duration, evening_title,
    megabytes, one_decimal, pid_or_none, short_date, short_night_advice, sleep_opportunity, span_date, weekday,
};

use crate::model::settings::LanguageChoice;

/// A language the app speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum Language {
    English = 0,
    Russian = 1,
}

impl Language {
    pub const ALL: [Language; 2] = [Language::English, Language::Russian];

    /// The BCP 47 tag, also the name of the language's folder of `.ftl` files.
    pub fn code(self) -> &'static str {
        match self {
            Language::English => "en",
            Language::Russian => "ru",
        }
    }

    /// The first set, non-empty variable decides, as in POSIX; no variable means English.
    pub fn from_locale_vars(lc_all: Option<&str>, lc_messages: Option<&str>, lang: Option<&str>) -> Language {
        [lc_all, lc_messages, lang]
            .into_iter()
            .flatten()
            .find(|value| !value.is_empty())
            .map_or(Language::English, Language::from_locale)
    }

    /// `ru`, `ru_RU.UTF-8`, `ru_UA@euro` → Russian; anything else (`C`, `en_GB`, …) → English.
    pub fn from_locale(locale: &str) -> Language {
        let language = locale.split(['_', '.', '@', '-']).next().unwrap_or_default();
        if language.eq_ignore_ascii_case("ru") { Language::Russian } else { Language::English }
    }

    /// The language a saved choice means here: `System` is [`system_language`].
    pub fn resolve(choice: LanguageChoice) -> Language {
        match choice {
            LanguageChoice::System => system_language(),
            LanguageChoice::English => Language::English,
            LanguageChoice::Russian => Language::Russian,
        }
    }

    fn from_u8(value: u8) -> Language {
        if value == Language::Russian as u8 { Language::Russian } else { Language::English }
    }
}

static CURRENT: AtomicU8 = AtomicU8::new(Language::English as u8);

/// What the user's system asks for, found by the binary at start
/// (`crate::platform::language`): words do no I/O.
static SYSTEM: AtomicU8 = AtomicU8::new(Language::English as u8);

/// Sets the language the choice "System" means (the binary does, once, at start).
pub fn set_system_language(language: Language) {
    SYSTEM.store(language as u8, Ordering::Relaxed);
}

/// The language the user's system asks for; English until [`set_system_language`].
pub fn system_language() -> Language {
    Language::from_u8(SYSTEM.load(Ordering::Relaxed))
}

/// Sets the language of every text from now on (the window redraws in it next frame).
pub fn set_language(language: Language) {
    CURRENT.store(language as u8, Ordering::Relaxed);
}

thread_local! {
    static THIS_THREAD: Cell<Option<Language>> = const { Cell::new(None) };
}

/// The language texts are in: this thread's [`with_language`] if inside one, otherwise
/// the process-wide one, English until [`set_language`] is called.
pub fn language() -> Language {
    THIS_THREAD.get().unwrap_or_else(|| Language::from_u8(CURRENT.load(Ordering::Relaxed)))
}

/// Runs `f` with texts in `language` on this thread only, leaving the process-wide
/// language alone (tests running in parallel, a preview in another language).
pub fn with_language<R>(language: Language, f: impl FnOnce() -> R) -> R {
    struct Restore(Option<Language>);
    impl Drop for Restore {
        fn drop(&mut self) {
            THIS_THREAD.set(self.0);
        }
    }
    let _restore = Restore(THIS_THREAD.replace(Some(language)));
    f()
}

/// Sets the language a saved choice means (`System` reads the environment).
pub fn apply_choice(choice: LanguageChoice) {
    set_language(Language::resolve(choice));
}

/// The `.ftl` files of each language, as (name, text); the same names in every language.
pub const RESOURCES: [(Language, &[(&str, &str)]); 2] = [
    (
        Language::English,
        &[
            ("common.ftl", include_str!("en/common.ftl")),
            ("cli.ftl", include_str!("en/cli.ftl")),
            ("ui.ftl", include_str!("en/ui.ftl")),
            ("errors.ftl", include_str!("en/errors.ftl")),
            ("store.ftl", include_str!("en/store.ftl")),
            ("help.ftl", include_str!("en/help.ftl")),
            ("catalog.ftl", include_str!("en/catalog.ftl")),
            ("notifications.ftl", include_str!("en/notifications.ftl")),
            ("reminder-fates.ftl", include_str!("en/reminder-fates.ftl")),
            ("data.ftl", include_str!("en/data.ftl")),
            ("about.ftl", include_str!("en/about.ftl")),
            ("night-screen.ftl", include_str!("en/night-screen.ftl")),
            ("summary.ftl", include_str!("en/summary.ftl")),
            ("history.ftl", include_str!("en/history.ftl")),
            ("signs.ftl", include_str!("en/signs.ftl")),
            ("tray.ftl", include_str!("en/tray.ftl")),
            ("surroundings.ftl", include_str!("en/surroundings.ftl")),
            ("platform.ftl", include_str!("en/platform.ftl")),
        ],
    ),
    (
        Language::Russian,
        &[
            ("common.ftl", include_str!("ru/common.ftl")),
            ("cli.ftl", include_str!("ru/cli.ftl")),
            ("ui.ftl", include_str!("ru/ui.ftl")),
            ("errors.ftl", include_str!("ru/errors.ftl")),
            ("store.ftl", include_str!("ru/store.ftl")),
            ("help.ftl", include_str!("ru/help.ftl")),
            ("catalog.ftl", include_str!("ru/catalog.ftl")),
            ("notifications.ftl", include_str!("ru/notifications.ftl")),
            ("reminder-fates.ftl", include_str!("ru/reminder-fates.ftl")),
            ("data.ftl", include_str!("ru/data.ftl")),
            ("about.ftl", include_str!("ru/about.ftl")),
            ("night-screen.ftl", include_str!("ru/night-screen.ftl")),
            ("summary.ftl", include_str!("ru/summary.ftl")),
            ("history.ftl", include_str!("ru/history.ftl")),
            ("signs.ftl", include_str!("ru/signs.ftl")),
            ("tray.ftl", include_str!("ru/tray.ftl")),
            ("surroundings.ftl", include_str!("ru/surroundings.ftl")),
            ("platform.ftl", include_str!("ru/platform.ftl")),
        ],
    ),
];

type Bundle = FluentBundle<FluentResource>;

/// One bundle per language, each parsed on its first use: a process that speaks one
/// language (the reminder service, a command) never parses the other. A file that does
/// not parse keeps the messages that did (the tests make sure none fails).
static BUNDLES: [LazyLock<Bundle>; 2] =
    [LazyLock::new(|| build_bundle(Language::English)), LazyLock::new(|| build_bundle(Language::Russian))];

fn build_bundle(language: Language) -> Bundle {
    let id: LanguageIdentifier = language.code().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    bundle.set_use_isolating(false);
    for (_, text) in resources(language) {
        let resource = FluentResource::try_new((*text).to_owned()).unwrap_or_else(|(partial, _)| partial);
        // A key defined twice keeps its first text; the tests reject duplicates.
        let _ = bundle.add_resource(resource);
    }
    bundle
}

fn resources(language: Language) -> &'static [(&'static str, &'static str)] {
    RESOURCES.iter().find(|(l, _)| *l == language).map_or(&[], |(_, files)| files)
}

/// The text of `key` in the current language.
pub fn t(key: &str) -> String {
    format_in(language(), key, None)
}

/// The text of `key` with arguments; see also [`tr!`](crate::tr).
pub fn t_args<'a>(key: &str, args: impl IntoIterator<Item = (&'a str, FluentValue<'a>)>) -> String {
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        fluent_args.set(name, value);
    }
    format_in(language(), key, Some(&fluent_args))
}

/// Formats `key` in `language`; a key with no text comes back as the key itself, so a
/// forgotten translation shows up on screen instead of crashing.
fn format_in(language: Language, key: &str, args: Option<&FluentArgs>) -> String {
    let bundle = &BUNDLES[language as usize];
    let Some(pattern) = bundle.get_message(key).and_then(|message| message.value()) else {
        return key.to_owned();
    };
    let mut errors = Vec::new();
    bundle.format_pattern(pattern, args, &mut errors).into_owned()
}

/// Any value an argument may take: text, or a number (so plurals select).
pub fn arg<'a>(value: impl Into<FluentValue<'a>>) -> FluentValue<'a> {
    value.into()
}

/// `tr!("key", name = value, …)`: [`t_args`] with named arguments. Numbers stay numbers:
/// `tr!("count-steps", count = 5)` is "5 шагов" in Russian.
#[macro_export]
macro_rules! tr {
    ($key:literal $(,)?) => {
        $crate::i18n::t($key)
    };
    ($key:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::t_args($key, [$((stringify!($name), $crate::i18n::arg($value))),+])
    };
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod wording_tests;
