//! Text for a terminal, the part that is only about words: which character set a locale
//! names, and which characters must never reach a terminal. Every text here is UTF-8,
//! but a terminal under a locale such as `ru_RU.KOI8-R` shows UTF-8 bytes as mojibake, so
//! what the command line prints for people is converted (by `crate::platform::terminal`,
//! which does the writing); a language the set cannot write (Russian under `ISO-8859-1`)
//! gives way to English. Data printed for programs (JSON, an export on standard output)
//! stays UTF-8.

/// The first set, non-empty variable decides; its codeset (`ru_RU.KOI8-R@euro` → `KOI8-R`)
/// unless that is UTF-8. A locale without a codeset (`C`, `ru_RU`) is taken as UTF-8,
/// as on every current desktop.
pub fn charset_of_locale_vars(lc_all: Option<&str>, lc_ctype: Option<&str>, lang: Option<&str>) -> Option<String> {
    let locale = [lc_all, lc_ctype, lang].into_iter().flatten().find(|value| !value.is_empty())?;
    let (_, codeset) = locale.split_once('.')?;
    let codeset = codeset.split('@').next().unwrap_or_default();
    let plain: String = codeset.chars().filter(char::is_ascii_alphanumeric).collect();
    (!plain.is_empty() && !plain.eq_ignore_ascii_case("utf8")).then(|| codeset.to_owned())
}
/// Text a terminal may receive: every control character but the line breaks and tabs
/// the text is laid out with becomes U+FFFD, so a title, a note or a step id from an
/// imported file cannot clear the screen, retitle the window or ring the bell (ESC, BEL,
/// a carriage return that overwrites a line, the C1 codes). Data for programs does not
/// come here: JSON writes control characters as escapes.
pub fn without_controls(text: &str) -> std::borrow::Cow<'_, str> {
    let unsafe_char = |c: char| c.is_control() && c != '\n' && c != '\t';
    if !text.contains(unsafe_char) {
        return std::borrow::Cow::Borrowed(text);
    }
    std::borrow::Cow::Owned(
        text.chars().map(|c| if unsafe_char(c) { char::REPLACEMENT_CHARACTER } else { c }).collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_never_reach_the_terminal_but_the_layout_does() {
        use std::borrow::Cow;
        assert!(matches!(without_controls("Warm bath\n  [x] Lights out\tlights-out"), Cow::Borrowed(_)));
        assert_eq!(
            without_controls("a\u{1b}]0;pwned\u{7}b\u{1b}[2Jc\rd\u{7f}e\u{9b}f"),
            "a\u{fffd}]0;pwned\u{fffd}b\u{fffd}[2Jc\u{fffd}d\u{fffd}e\u{fffd}f"
        );
        assert_eq!(without_controls("Тёплая ванна"), "Тёплая ванна");
    }

    #[test]
    fn the_codeset_comes_from_the_first_locale_variable_set() {
        assert_eq!(charset_of_locale_vars(None, None, Some("ru_RU.KOI8-R")).as_deref(), Some("KOI8-R"));
        assert_eq!(charset_of_locale_vars(Some("de_DE.ISO-8859-1@euro"), None, None).as_deref(), Some("ISO-8859-1"));
        assert_eq!(charset_of_locale_vars(Some(""), Some("ru_RU.CP1251"), Some("C.UTF-8")).as_deref(), Some("CP1251"));
        for utf8 in ["ru_RU.UTF-8", "C.utf8", "en_US.UTF8", "ru_RU", "C", "POSIX"] {
            assert_eq!(charset_of_locale_vars(None, None, Some(utf8)), None, "{utf8}");
        }
        assert_eq!(charset_of_locale_vars(None, None, None), None);
    }
}
