//! The terminal's character set. Every text here is UTF-8, but a terminal under a locale
//! such as `ru_RU.KOI8-R` shows UTF-8 bytes as mojibake. So what the command line prints
//! for people is converted to the locale's character set (glibc's `iconv`, which also
//! writes `--` for a dash and `<<`/`>>` for guillemets where the set has none); a language
//! the set cannot write (Russian under `ISO-8859-1`) gives way to English. Data printed
//! for programs (JSON, an export on standard output) stays UTF-8.

use std::ffi::CString;

/// The character set the locale asks the terminal for, when it is not UTF-8:
/// `LC_ALL`, then `LC_CTYPE`, then `LANG`, as in POSIX.
pub fn terminal_charset() -> Option<String> {
    let var = |name| std::env::var(name).ok();
    charset_of_locale_vars(var("LC_ALL").as_deref(), var("LC_CTYPE").as_deref(), var("LANG").as_deref())
}

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

/// A conversion from UTF-8 with `iconv`, closed when dropped.
struct Converter(libc::iconv_t);

impl Converter {
    /// `None` when the C library does not know `to` (or `to` is not a plain name).
    fn new(to: &str) -> Option<Converter> {
        let to = CString::new(to).ok()?;
        let from = CString::new("UTF-8").ok()?;
        // SAFETY: two valid C strings.
        let handle = unsafe { libc::iconv_open(to.as_ptr(), from.as_ptr()) };
        (handle as isize != -1).then_some(Converter(handle))
    }

    /// `text` converted; a character that cannot be written becomes `?` (`None` with
    /// `strict`).
    fn convert(&self, text: &str, strict: bool) -> Option<Vec<u8>> {
        let mut out = Vec::with_capacity(text.len() + 16);
        let mut rest = text.as_bytes();
        while !rest.is_empty() {
            let mut buffer = [0u8; 1024];
            let mut in_ptr = rest.as_ptr().cast_mut().cast::<libc::c_char>();
            let mut in_left = rest.len();
            let mut out_ptr = buffer.as_mut_ptr().cast::<libc::c_char>();
            let mut out_left = buffer.len();
            // SAFETY: the pointers and lengths describe `rest` and `buffer`, which outlive
            // the call; iconv only reads the input and writes within `out_left`.
            let done = unsafe { libc::iconv(self.0, &mut in_ptr, &mut in_left, &mut out_ptr, &mut out_left) };
            let error = (done == usize::MAX).then(std::io::Error::last_os_error);
            out.extend_from_slice(&buffer[..buffer.len() - out_left]);
            rest = &rest[rest.len() - in_left..];
            match error.and_then(|e| e.raw_os_error()) {
                None | Some(libc::E2BIG) => {}
                // A character the set cannot hold, even by transliteration.
                Some(_) if strict => return None,
                Some(_) => {
                    out.push(b'?');
                    let skip = text[text.len() - rest.len()..].chars().next().map_or(1, char::len_utf8);
                    rest = &rest[skip.min(rest.len())..];
                }
            }
        }
        Some(out)
    }
}

impl Drop for Converter {
    fn drop(&mut self) {
        // SAFETY: opened by `iconv_open`, closed once.
        unsafe { libc::iconv_close(self.0) };
    }
}

/// `text` in `charset`, transliterated where the set has no such character; where the
/// C library cannot convert to `charset` at all, non-ASCII characters become `?`.
pub fn encode(text: &str, charset: &str) -> Vec<u8> {
    Converter::new(&format!("{charset}//TRANSLIT"))
        .and_then(|converter| converter.convert(text, false))
        .unwrap_or_else(|| text.chars().map(|c| if c.is_ascii() { c as u8 } else { b'?' }).collect())
}

/// `text` as the terminal's locale can show it: unchanged under UTF-8, converted (and
/// transliterated) under another character set such as KOI8-R, never mojibake; and
/// without control characters ([`without_controls`]).
pub fn for_terminal(text: &str) -> Vec<u8> {
    let text = without_controls(text);
    match terminal_charset() {
        Some(charset) => encode(&text, &charset),
        None => text.as_bytes().to_vec(),
    }
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

/// One line on stderr in the terminal's character set; if even stderr is gone there is
/// no one left to tell.
pub fn say(message: &str) {
    use std::io::Write as _;
    let _ = std::io::stderr().lock().write_all(&for_terminal(&format!("{message}\n")));
}

/// Standard error for a log: each line written in the terminal's character set (the log
/// file itself stays UTF-8). It never fails: a terminal that closed (the service of
/// `bedtime-coach remind &` outlives it) must not cost the log file its lines, nor make
/// the log subscriber complain on stderr, which panics when stderr is gone.
#[derive(Debug, Clone, Copy, Default)]
pub struct TerminalStderr;

impl std::io::Write for TerminalStderr {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        // A log line can quote a step's title: the same care as any text for a person.
        let _ = std::io::stderr().write_all(&for_terminal(&String::from_utf8_lossy(buf)));
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        let _ = std::io::stderr().flush();
        Ok(())
    }
}

/// Whether `charset` can write `sample` exactly (so a language whose letters it lacks
/// gives way to English).
pub fn can_write(charset: &str, sample: &str) -> bool {
    Converter::new(charset).and_then(|converter| converter.convert(sample, true)).is_some()
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

    #[test]
    fn text_is_converted_and_transliterated_never_left_as_utf8() {
        let koi8 = encode("Ночь — «тихо»… ✓", "KOI8-R");
        // Н о ч ь in KOI8-R, then the dash and quotes spelled in ASCII.
        assert_eq!(&koi8[..4], &[0xEE, 0xCF, 0xDE, 0xD8]);
        assert_eq!(String::from_utf8_lossy(&koi8[4..]), " -- <<\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}>>... ?");
        assert_eq!(encode("it’s 22:30 — “quiet”", "ISO-8859-1"), b"it's 22:30 -- \"quiet\"");
        assert_eq!(encode("bed — 22:30", "NO-SUCH-SET"), b"bed ? 22:30");
        assert!(can_write("KOI8-R", "Ёё Жж"));
        assert!(!can_write("ISO-8859-1", "Жж"));
    }
}
