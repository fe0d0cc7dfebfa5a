//! The terminal's character set on Unix: the locale's (`LC_ALL`, then `LC_CTYPE`, then
//! `LANG`, as in POSIX), and glibc's `iconv` to convert to it, which also writes `--` for
//! a dash and `<<`/`>>` for guillemets where the set has none.

use std::ffi::CString;

use crate::i18n::charset::charset_of_locale_vars;

/// The character set the locale asks the terminal for, when it is not UTF-8.
pub fn charset() -> Option<String> {
    let var = |name| std::env::var(name).ok();
    charset_of_locale_vars(var("LC_ALL").as_deref(), var("LC_CTYPE").as_deref(), var("LANG").as_deref())
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

/// Whether `charset` can write `sample` exactly (so a language whose letters it lacks
/// gives way to English).
pub fn can_write(charset: &str, sample: &str) -> bool {
    Converter::new(charset).and_then(|converter| converter.convert(sample, true)).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

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
