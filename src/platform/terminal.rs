//! Text for a person on the terminal (the command line's messages, the service's log on
//! stderr): in the terminal's character set, never mojibake, and without control
//! characters. Which character set, and how to convert to it, is each system's:
//! Unix terminals follow the locale (`iconv` converts), while on Windows std writes to a
//! console with `WriteConsoleW` (UTF-16: every language shows, whatever the console's
//! code page, which is left alone) and redirected output is UTF-8.

pub use super::os::terminal::{can_write, charset, encode};
use crate::i18n::charset::without_controls;

/// `text` as the terminal's locale can show it: unchanged under UTF-8, converted (and
/// transliterated) under another character set such as KOI8-R, never mojibake; and
/// without control characters ([`without_controls`]).
pub fn for_terminal(text: &str) -> Vec<u8> {
    let text = without_controls(text);
    match charset() {
        Some(charset) => encode(&text, &charset),
        None => text.as_bytes().to_vec(),
    }
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
