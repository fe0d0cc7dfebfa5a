//! What serde does not check in one pass over a document's bytes: duplicate keys, and
//! the exact text of the format version.
//!
//! serde_json lets the last of two equal keys win, so a duplicated `"evenings"` or a
//! duplicated date would silently drop check-ins on the next save; such a file is
//! treated as damaged. The version is taken as written (`2`, `2.0`, `"2"`, a 30-digit
//! number), because parsing it as a number first would blur exactly those differences.
//!
//! The scan is forgiving about syntax (the real parse reports syntax errors) and never
//! recurses, so no input can make it panic or overflow the stack.

use crate::tr;
use std::borrow::Cow;

/// What the scan found in a document without duplicate keys.
#[derive(Debug, PartialEq, Eq)]
pub struct Scan<'a> {
    /// The raw text of the top-level `schema_version` value, if there is one.
    pub version: Option<&'a [u8]>,
}

struct Frame<'a> {
    object: bool,
    keys: Vec<Cow<'a, [u8]>>,
}

/// Scans `bytes`; `Err` describes the first duplicate key.
pub fn scan(bytes: &[u8]) -> Result<Scan<'_>, String> {
    let mut frames: Vec<Frame> = Vec::new();
    // Spare key lists, so that tens of thousands of small objects need few allocations.
    let mut spare: Vec<Vec<Cow<[u8]>>> = Vec::new();
    let mut expect_key = false;
    // The next value is the top-level schema_version's.
    let mut version_next = false;
    let mut version = None;
    let mut i = 0;
    while let Some(&byte) = bytes.get(i) {
        match byte {
            b'"' => {
                let (end, escaped) = string_end(bytes, i + 1);
                let raw = bytes.get(i + 1..end).unwrap_or_default();
                match frames.last_mut() {
                    Some(frame) if expect_key && frame.object => {
                        let key = if escaped {
                            Cow::Owned(unescape(bytes.get(i..=end).unwrap_or_default(), raw))
                        } else {
                            Cow::Borrowed(raw)
                        };
                        version_next = frames.len() == 1 && *key == *b"schema_version";
                        if let Some(frame) = frames.last_mut() {
                            frame.keys.push(key);
                        }
                        expect_key = false;
                    }
                    _ => take_version(&mut version_next, &mut version, bytes.get(i..=end)),
                }
                i = end + 1;
            }
            b'{' | b'[' => {
                take_version(&mut version_next, &mut version, bytes.get(i..=i));
                let keys = spare.pop().unwrap_or_default();
                frames.push(Frame { object: byte == b'{', keys });
                expect_key = byte == b'{';
                i += 1;
            }
            b'}' | b']' => {
                if let Some(mut frame) = frames.pop() {
                    if let Some(key) = duplicate(&mut frame.keys) {
                        return Err(tr!("store-why-duplicate-key", key = shown(&key)));
                    }
                    frame.keys.clear();
                    spare.push(frame.keys);
                }
                expect_key = false;
                i += 1;
            }
            b',' => {
                expect_key = frames.last().is_some_and(|f| f.object);
                i += 1;
            }
            b':' | b' ' | b'\n' | b'\r' | b'\t' => i += 1,
            _ => {
                // A number, true, false, null, or garbage: up to the next delimiter.
                let start = i;
                while bytes.get(i).is_some_and(|b| !b",:{}[]\" \n\r\t".contains(b)) {
                    i += 1;
                }
                take_version(&mut version_next, &mut version, bytes.get(start..i));
            }
        }
    }
    Ok(Scan { version })
}

fn take_version<'a>(next: &mut bool, version: &mut Option<&'a [u8]>, value: Option<&'a [u8]>) {
    if std::mem::take(next) {
        *version = value;
    }
}

/// The index of the quote that ends the string starting at `start`, and whether the
/// string has escapes. An unterminated string ends at the end of the input.
fn string_end(bytes: &[u8], start: usize) -> (usize, bool) {
    let mut escaped = false;
    let mut i = start;
    // Strings are most of a journal's bytes: jump to the next quote or backslash.
    while let Some(offset) = bytes.get(i..).and_then(|rest| memchr::memchr2(b'"', b'\\', rest)) {
        i += offset;
        if bytes.get(i) == Some(&b'"') {
            return (i, escaped);
        }
        escaped = true;
        i += 2;
    }
    (bytes.len(), escaped)
}

/// A key with escapes as the parser will see it (`"\u0061"` is `"a"`).
fn unescape(quoted: &[u8], raw: &[u8]) -> Vec<u8> {
    serde_json::from_slice::<String>(quoted).map(String::into_bytes).unwrap_or_else(|_| raw.to_vec())
}

fn duplicate<'a>(keys: &mut [Cow<'a, [u8]>]) -> Option<Cow<'a, [u8]>> {
    if keys.len() < 2 {
        return None;
    }
    if keys.len() <= 8 {
        return keys.iter().enumerate().find(|(n, key)| keys[..*n].contains(key)).map(|(_, key)| key.clone());
    }
    keys.sort_unstable();
    keys.windows(2).find(|pair| pair[0] == pair[1]).map(|pair| pair[0].clone())
}

fn shown(key: &[u8]) -> String {
    let text = String::from_utf8_lossy(key);
    if text.chars().count() > 40 {
        format!("{}…", text.chars().take(40).collect::<String>())
    } else {
        text.into_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_duplicates_at_any_level_and_the_raw_version() {
        let ok = br#"{"schema_version": 2 ,"evenings":{"2026-11-25":{"a":1,"b":[{"a":1},{"a":2}]},"2026-11-26":{}}}"#;
        assert_eq!(scan(ok), Ok(Scan { version: Some(&b"2"[..]) }));
        let top = br#"{"schema_version":2,"evenings":{"2026-11-25":{}},"evenings":{}}"#;
        assert!(scan(top).unwrap_err().contains("\"evenings\""));
        let date = br#"{"schema_version":2,"evenings":{"2026-11-25":{},"2026-11-26":{},"2026-11-25":{}}}"#;
        assert!(scan(date).unwrap_err().contains("2026-11-25"));
        let deep = br#"{"evenings":{"d":{"checks":{"x":{"outcome":"done","outcome":"skipped"}}}}}"#;
        assert!(scan(deep).unwrap_err().contains("outcome"));
        let escaped = br#"{"a":1,"\u0061":2}"#;
        assert!(scan(escaped).is_err());
        let many: String = format!("{{{}}}", (0..100).map(|n| format!("\"k{n}\":{n}")).collect::<Vec<_>>().join(","));
        assert!(scan(many.as_bytes()).is_ok());
        assert!(scan(format!("{{{},\"k7\":0}}", &many[1..many.len() - 1]).as_bytes()).is_err());
        for (text, version) in [
            (&br#"{"schema_version":"2"}"#[..], &br#""2""#[..]),
            (br#"{"schema_version":2.0}"#, b"2.0"),
            (br#"{"schema_version":-1}"#, b"-1"),
            (br#"{"schema_version":null}"#, b"null"),
            (br#"{"schema_version":{"v":2}}"#, b"{"),
            (br#"{"x":{"schema_version":5},"schema_version":18446744073709551616}"#, b"18446744073709551616"),
        ] {
            assert_eq!(scan(text).unwrap().version, Some(version), "{}", String::from_utf8_lossy(text));
        }
        assert_eq!(scan(br#"{"x":{"schema_version":5}}"#).unwrap().version, None);
        // Garbage never panics.
        for text in [&b"\"\\"[..], b"}}}]]", b"{\"a", b"{\"a\":", b"[\"\\u12"] {
            let _ = scan(text);
        }
    }
}
