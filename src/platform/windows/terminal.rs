//! The terminal's character set on Windows: none to convert to. std writes text to a
//! console with `WriteConsoleW`, so Russian shows in cmd and PowerShell whatever their
//! code page (which is not changed: `chcp` would outlast this program in cmd), and
//! output redirected to a file or a pipe is UTF-8, which PowerShell and every editor read.

/// Never another set than UTF-8 (see the module's doc).
pub fn charset() -> Option<String> {
    None
}

/// Without a converter: ASCII stays, anything else becomes `?`.
pub fn encode(text: &str, _charset: &str) -> Vec<u8> {
    text.chars().map(|c| if c.is_ascii() { c as u8 } else { b'?' }).collect()
}

/// Only UTF-8 writes every language here.
pub fn can_write(charset: &str, _sample: &str) -> bool {
    let plain: String = charset.chars().filter(char::is_ascii_alphanumeric).collect();
    plain.eq_ignore_ascii_case("utf8")
}
