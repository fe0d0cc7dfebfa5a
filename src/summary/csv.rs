//! The summary as CSV: one row per night of the period, for a spreadsheet. Written by
//! hand because it is one small table and quoting is the whole job: a field with a comma,
//! quote or line break is quoted (RFC 4180), and a note that starts like a formula gets
//! a leading apostrophe so no spreadsheet runs it ([`spreadsheet_safe`], which the
//! journal's CSV export uses too).
//!
//! Before the table, comment rows say what the HTML page says above its table: the
//! urgent signs first, the not-medical-advice line, then the findings (cards, signs below
//! a card's threshold, or that none was logged). Each is `#` and its sentences as the
//! next fields: readers that know comment lines (`pandas.read_csv(comment="#")`, R's
//! `comment.char`) skip them, and a spreadsheet shows each sentence in one cell.

use std::borrow::Cow;

use super::Summary;
use super::values;
use super::values::{night_cells, night_headers};
use crate::i18n::{signs, t};

/// A text cell a spreadsheet will show as text: one that starts with `=`, `+`, `-`, `@`,
/// a tab or a carriage return would be read as a formula (`=cmd|' /C calc'!A0`,
/// `@SUM(1+1)`), so it gets a leading apostrophe, as OWASP's advice on CSV injection
/// has it. For every cell that holds the user's or a file's text; not for numbers.
pub fn spreadsheet_safe(text: &str) -> Cow<'_, str> {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

fn field(text: &str, user_text: bool) -> String {
    let guarded = if user_text { spreadsheet_safe(text) } else { Cow::Borrowed(text) };
    if guarded.contains([',', '"', '\n', '\r']) || guarded.starts_with(' ') || guarded.ends_with(' ') {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded.into_owned()
    }
}

/// The comment rows, in order: each the sentences of one cell after the `#`.
fn comments(summary: &Summary) -> Vec<Vec<String>> {
    let found = &summary.findings;
    let mut rows = vec![vec![signs::urgent_for_summary()], vec![t("summary-footer")]];
    rows.extend(values::judged_period(summary).map(|judged| vec![judged]));
    for warning in &found.cards {
        let text = values::warning_text(warning);
        rows.push([Some(text.title), Some(text.seen), text.rested, Some(text.why)].into_iter().flatten().collect());
    }
    if !found.cards.is_empty() {
        rows.push(vec![signs::summary_doctor()]);
    }
    if !found.below_threshold.is_empty() {
        let mut below = vec![signs::summary_below_heading()];
        below.extend(found.below_threshold.iter().map(signs::summary_seen));
        rows.push(below);
    }
    rows.extend(values::nothing_logged(summary).map(|none| vec![none]));
    rows
}

pub(super) fn table(summary: &Summary) -> String {
    let mut out = String::new();
    for row in comments(summary) {
        // One line each, so a reader that skips comment lines skips all of it.
        let cells = row.into_iter().map(|text| field(&text.replace(['\r', '\n'], " "), false));
        push_row(&mut out, std::iter::once("#".to_owned()).chain(cells));
    }
    let mut header = vec![t("summary-col-date")];
    header.extend(night_headers());
    header.push(t("summary-col-signs"));
    push_row(&mut out, header.iter().map(|h| field(h, false)));
    for night in &summary.nights {
        let cells = night_cells(night);
        let last = cells.len() - 1;
        let signs: Vec<String> = summary
            .findings
            .cards
            .iter()
            .filter(|warning| warning.nights.contains(&night.evening))
            .map(|warning| signs::warning_title(warning.kind))
            .collect();
        let row = std::iter::once(night.evening.to_string())
            .chain(cells.iter().enumerate().map(|(index, cell)| field(&cell.text, index == last)))
            .chain(std::iter::once(field(&signs.join("; "), false)));
        push_row(&mut out, row);
    }
    out
}

fn push_row(out: &mut String, fields: impl Iterator<Item = String>) {
    out.push_str(&fields.collect::<Vec<_>>().join(","));
    // CRLF, as RFC 4180 and spreadsheets expect.
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::field;
    use proptest::prelude::*;

    /// Reads one field back as a CSV reader would.
    fn read_back(field: &str) -> String {
        match field.strip_prefix('"').and_then(|f| f.strip_suffix('"')) {
            Some(inner) => inner.replace("\"\"", "\""),
            None => field.to_owned(),
        }
    }

    proptest! {
        /// Any note stays one field: quoted when it must be, and read back as written (after
        /// the apostrophe that defuses a formula).
        #[test]
        fn any_note_is_one_field(text in any::<String>()) {
            let out = field(&text, true);
            let back = read_back(&out);
            let unquoted = !out.starts_with('"');
            prop_assert!(!(unquoted && out.contains([',', '\n', '\r', '"'])));
            let defused = format!("'{}", text);
            prop_assert!(back == text || back == defused);
        }
    }

    #[test]
    fn quotes_what_needs_quoting_and_defuses_formulas() {
        assert_eq!(field("plain", true), "plain");
        assert_eq!(field("a, b", true), "\"a, b\"");
        assert_eq!(field("say \"hi\"\nthen", true), "\"say \"\"hi\"\"\nthen\"");
        assert_eq!(field("=HYPERLINK(\"x\")", true), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(field("-5 min", false), "-5 min");
        assert_eq!(field("@x", true), "'@x");
    }
}
