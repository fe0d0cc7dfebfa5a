//! The summary as one self-contained HTML page: inline CSS with a print stylesheet, no
//! script, no link, no image, so it opens and prints the same anywhere, offline. Every
//! text from the user (notes, step titles) is escaped.

use std::fmt::Write as _;

use super::{Summary, values};
use crate::i18n::{self, Language, signs, t};
use crate::model::NightLog;
use crate::tr;

/// Text made safe for HTML (and XML) element content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Control characters other than newline and tab have no place in a page.
            c if c.is_control() && c != '\n' && c != '\t' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

/// Calm, readable on screen, compact and black on white in print (A4, a table that
/// repeats its header and never splits a row across pages).
const STYLE: &str = r#"
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 14px; line-height: 1.45;
  color: #1d232b; background: #fff; max-width: 60rem; margin: 2rem auto; padding: 0 1.5rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; color: #1f4e79; }
h2 { font-size: 1.15rem; margin: 1.6rem 0 .5rem; color: #1f4e79; border-bottom: 1px solid #c9d3de; padding-bottom: .2rem; }
p { margin: .35rem 0; }
.meta { color: #4a5562; }
.intro { background: #f3f6f9; border-left: 4px solid #1f4e79; padding: .6rem .8rem; }
.sign { border: 1px solid #d9a441; border-left: 6px solid #d9a441; border-radius: 4px; padding: .5rem .8rem; margin: .6rem 0; }
.sign h3 { font-size: 1rem; margin: 0 0 .25rem; }
.sign .nights { font-weight: bold; }
.below { border: 1px solid #c9d3de; border-radius: 4px; padding: .5rem .8rem; margin: .6rem 0; }
.below h3 { font-size: 1rem; margin: 0 0 .25rem; }
.below ul { margin: .25rem 0; padding-left: 1.2rem; }
.urgent { border-left: 4px solid #8a4b00; padding: .35rem .8rem; margin: .8rem 0 .4rem; }
.ok { color: #2d6a3e; }
table { border-collapse: collapse; width: 100%; margin: .4rem 0; }
th, td { border: 1px solid #c9d3de; padding: .25rem .4rem; text-align: left; vertical-align: top; }
th { background: #eef2f6; font-weight: 600; }
td.num, th.num { text-align: right; white-space: nowrap; }
td.date { white-space: nowrap; }
tr.unlogged td { color: #7a8694; }
td.flag { font-weight: bold; color: #8a4b00; }
.nightlog { font-size: 12px; }
.nightlog td.note { min-width: 12rem; white-space: pre-wrap; overflow-wrap: anywhere; }
footer { margin-top: 2rem; font-size: 12px; color: #4a5562; border-top: 1px solid #c9d3de; padding-top: .5rem; }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  body { margin: 0; padding: 0; max-width: none; font-size: 10.5pt; }
  h1 { font-size: 16pt; }
  h2 { font-size: 12.5pt; margin-top: 10pt; break-after: avoid; }
  .nightlog { font-size: 8pt; }
  thead { display: table-header-group; }
  tr, .sign, .below, .urgent { break-inside: avoid; }
  .sign, .below { margin: 4pt 0; padding: 3pt 8pt; }
  .urgent { margin: 6pt 0 2pt; padding: 2pt 8pt; }
  /* Ten short rows: whole on one page, never one row alone on the next. */
  section.overview { break-inside: avoid; }
  /* The night-by-night table starts a page of its own rather than three rows at the foot of the first. */
  section.nights { break-before: page; }
  section.nights h2 { margin-top: 0; }
  .intro, th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"#;

pub(super) fn page(summary: &Summary, language: Language) -> String {
    let mut out = String::with_capacity(16 * 1024);
    let period = tr!(
        "summary-period",
        from = i18n::span_date(summary.from),
        to = i18n::span_date(summary.to),
        weeks = summary.weeks
    );
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
         <title>{title} · {period}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        lang = language.code(),
        title = escape(&t("summary-title")),
        period = escape(&period),
    );
    let made = tr!(
        "summary-made",
        date = i18n::span_date(summary.made.date_naive()),
        time = crate::model::time::hhmm(summary.made.time())
    );
    let _ = write!(
        out,
        "<header>\n<h1>{}</h1>\n<p class=\"meta\">{}</p>\n<p class=\"meta\">{}</p>\n<p class=\"intro\">{}</p>\n</header>\n",
        escape(&t("summary-title")),
        escape(&period),
        escape(&made),
        escape(&t("summary-intro")),
    );
    signs(&mut out, summary);
    overview(&mut out, summary);
    night_table(&mut out, summary);
    routine(&mut out, summary);
    let _ = write!(out, "<footer>\n<p>{}</p>\n</footer>\n</body>\n</html>\n", escape(&t("summary-footer")));
    out
}

/// The signs judged over four weeks: the cards, the signs logged below a card's
/// threshold, "none was logged" only when none was, and the urgent signs.
fn signs(out: &mut String, summary: &Summary) {
    let found = &summary.findings;
    let _ = write!(out, "<section>\n<h2>{}</h2>\n", escape(&t("summary-signs")));
    if let Some(judged) = values::judged_period(summary) {
        let _ = writeln!(out, "<p class=\"meta\">{}</p>", escape(&judged));
    }
    for warning in &found.cards {
        let text = values::warning_text(warning);
        let _ = write!(
            out,
            "<div class=\"sign\">\n<h3>{}</h3>\n<p class=\"nights\">{}</p>\n",
            escape(&text.title),
            escape(&text.seen)
        );
        if let Some(rested) = &text.rested {
            let _ = writeln!(out, "<p>{}</p>", escape(rested));
        }
        let _ = write!(out, "<p>{}</p>\n</div>\n", escape(&text.why));
    }
    if !found.cards.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", escape(&signs::summary_doctor()));
    }
    if !found.below_threshold.is_empty() {
        let _ = write!(out, "<div class=\"below\">\n<h3>{}</h3>\n<ul>\n", escape(&signs::summary_below_heading()));
        for warning in &found.below_threshold {
            let _ = writeln!(out, "<li>{}</li>", escape(&signs::summary_seen(warning)));
        }
        let _ = writeln!(out, "</ul>\n</div>");
    }
    if let Some(none) = values::nothing_logged(summary) {
        let _ = writeln!(out, "<p class=\"ok\">{}</p>", escape(&none));
    }
    let _ = writeln!(out, "<p class=\"urgent\">{}</p>", escape(&signs::urgent_for_summary()));
    let _ = writeln!(out, "</section>");
}

/// Whether a night's log noted something.
type Noticed = fn(&NightLog) -> bool;

fn overview(out: &mut String, summary: &Summary) {
    let total = summary.nights.len();
    let _ =
        write!(out, "<section class=\"overview\">\n<h2>{}</h2>\n<table>\n<tbody>\n", escape(&t("summary-overview")));
    let mut row = |label: String, value: String| {
        let _ = writeln!(
            out,
            "<tr><th scope=\"row\">{}</th><td class=\"num\">{}</td></tr>",
            escape(&label),
            escape(&value)
        );
    };
    let logged = summary.logged_nights();
    row(t("summary-nights-logged"), tr!("summary-of", count = logged, total = total));
    let counted: [(String, Noticed); 8] = [
        (t("summary-col-jerks-many"), NightLog::jerky),
        (t("summary-col-woke"), |log| log.woke_from_jolt),
        (t("summary-col-all-night"), |log| log.twitch_all_night),
        (t("summary-col-daytime"), |log| log.twitch_daytime),
        (t("summary-col-restless"), |log| log.restless_legs),
        (t("summary-col-partner"), |log| log.partner_saw_movements),
        (t("summary-col-paralysis"), |log| log.sleep_paralysis),
        (t("summary-col-stress-high"), |log| log.stress == Some(crate::model::Stress::High)),
    ];
    for (label, noticed) in counted {
        row(label, tr!("summary-of", count = summary.count(noticed), total = logged));
    }
    let rested = match summary.mean_rested() {
        Some((mean, nights)) => tr!("summary-rested-mean", mean = i18n::one_decimal(mean), count = nights),
        None => t("summary-none"),
    };
    row(t("summary-col-rested"), rested);
    let _ = writeln!(out, "</tbody>\n</table>\n</section>");
}

fn night_table(out: &mut String, summary: &Summary) {
    if summary.logged_nights() == 0 {
        let _ = write!(out, "<section>\n<h2>{}</h2>\n", escape(&t("summary-night-log")));
        let _ = writeln!(out, "<p>{}</p>\n</section>", escape(&t("summary-no-nights")));
        return;
    }
    let _ = write!(out, "<section class=\"nights\">\n<h2>{}</h2>\n", escape(&t("summary-night-log")));
    let headers = values::night_headers();
    let _ = write!(out, "<table class=\"nightlog\">\n<thead><tr>");
    for header in &headers {
        let _ = write!(out, "<th scope=\"col\">{}</th>", escape(header));
    }
    let _ = write!(out, "</tr></thead>\n<tbody>\n");
    for night in &summary.nights {
        if night.log.is_none() {
            // One cell across the answers: "not logged" reads once, unwrapped.
            let _ = writeln!(
                out,
                "<tr class=\"unlogged\"><td class=\"date\">{}</td><td colspan=\"{}\">{}</td></tr>",
                escape(&i18n::short_date(night.evening)),
                headers.len() - 1,
                escape(&t("summary-not-logged")),
            );
            continue;
        }
        let cells = values::night_cells(night);
        let _ = write!(out, "<tr>");
        for (index, cell) in cells.iter().enumerate() {
            let kind = match index {
                0 => " class=\"date\"",
                _ if index + 1 == cells.len() => " class=\"note\"",
                _ if cell.flag => " class=\"flag\"",
                _ => "",
            };
            let _ = write!(out, "<td{kind}>{}</td>", escape(&cell.text));
        }
        let _ = writeln!(out, "</tr>");
    }
    let _ = writeln!(out, "</tbody>\n</table>\n</section>");
}

fn routine(out: &mut String, summary: &Summary) {
    let total = summary.nights.len();
    let _ = write!(out, "<section>\n<h2>{}</h2>\n", escape(&t("summary-routine")));
    let _ =
        writeln!(out, "<p>{}</p>", escape(&tr!("summary-tracked", count = summary.tracked_evenings, total = total)));
    let steps: Vec<_> = summary.steps.iter().filter(|step| step.planned > 0).collect();
    if !steps.is_empty() {
        let _ = write!(
            out,
            "<table>\n<thead><tr><th scope=\"col\">{}</th><th scope=\"col\" class=\"num\">{}</th></tr></thead>\n<tbody>\n",
            escape(&t("summary-step")),
            escape(&t("summary-kept")),
        );
        for step in steps {
            let percent = (step.done as f64 / step.planned as f64 * 100.0).round() as u64;
            let kept = tr!("summary-kept-of", done = step.done, planned = step.planned, percent = percent);
            let _ =
                writeln!(out, "<tr><td>{}</td><td class=\"num\">{}</td></tr>", escape(&step.title()), escape(&kept));
        }
        let _ = writeln!(out, "</tbody>\n</table>");
    }
    let _ = writeln!(out, "<h2>{}</h2>", escape(&t("summary-bedtime")));
    if summary.bedtime.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", escape(&t("summary-bedtime-none")));
    } else {
        let _ = write!(
            out,
            "<table>\n<thead><tr><th scope=\"col\">{}</th><th scope=\"col\" class=\"num\">{}</th><th scope=\"col\" class=\"num\">{}</th><th scope=\"col\" class=\"num\">{}</th></tr></thead>\n<tbody>\n",
            escape(&t("summary-week")),
            escape(&t("summary-lights-out-evenings")),
            escape(&t("summary-offset")),
            escape(&t("summary-spread")),
        );
        for week in &summary.bedtime {
            let _ = writeln!(
                out,
                "<tr><td class=\"date\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
                escape(&i18n::short_date(week.week)),
                week.figures.evenings,
                escape(&values::offset(week.figures.mean_offset_minutes)),
                escape(&tr!("summary-minutes", minutes = week.figures.spread_minutes.round() as i64)),
            );
        }
        let _ = writeln!(out, "</tbody>\n</table>\n<p class=\"meta\">{}</p>", escape(&t("summary-bedtime-hint")));
    }
    let _ = writeln!(out, "</section>");
}

#[cfg(test)]
mod tests {
    use super::escape;
    use proptest::prelude::*;

    fn unescape(text: &str) -> String {
        text.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&amp;", "&")
    }

    proptest! {
        /// Whatever a note holds, it cannot open a tag or leave an attribute, and reads back
        /// as typed (control characters aside).
        #[test]
        fn any_text_is_inert_and_reads_back(text in any::<String>()) {
            let escaped = escape(&text);
            prop_assert!(!escaped.contains(['<', '>', '"', '\'']));
            let expected: String =
                text.chars().map(|c| if c.is_control() && c != '\n' && c != '\t' { '\u{fffd}' } else { c }).collect();
            prop_assert_eq!(unescape(&escaped), expected);
        }
    }

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            escape("<script>alert('x')</script> & \"y\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;y&quot;"
        );
        assert_eq!(escape("a\u{0}b\nc"), "a\u{fffd}b\nc");
    }
}
