//! The doctor summary: the command line (weeks checked, HTML and CSV, where it goes), a
//! page that is self-contained and escapes what the user typed, and the page printed by
//! a real browser (headless Chromium to PDF: page count and text) for an empty and a full
//! month.

mod support;
use support::month;
use support::store;

use std::path::{Path, PathBuf};
use std::process::Command;

use bedtime_coach::model::RoutineFile;
use bedtime_coach::use_cases::Change;

/// `report` for the four weeks up to the month's last night, with `args`.
fn report(dir: &Path, args: &[&str]) -> support::Run {
    let mut all = vec!["report", "--to", "2026-11-26"];
    all.extend_from_slice(args);
    support::run(dir, &all)
}

#[test]
fn weeks_outside_two_to_four_are_refused_with_a_sentence() {
    let dir = tempfile::tempdir().unwrap();
    for weeks in ["1", "5", "many"] {
        let run = report(dir.path(), &["--weeks", weeks, "-o", "-"]);
        assert_eq!(run.code(), 2, "{weeks}: {}", run.stderr());
        assert!(run.stderr().contains("The summary covers 2 to 4 weeks"), "{}", run.stderr());
    }
    let run = report(dir.path(), &["--weeks", "2", "-o", "-"]).ok();
    // Evenings both, with their year: the nights are those after them (issue 19, item 15;
    // it said "from Fri 13 Nov to Fri 27 Nov", an evening and a morning).
    let period = "Nights after the evenings from Fri 13 Nov 2026 to Thu 26 Nov 2026 (2 weeks)";
    assert!(run.stdout().contains(period), "{}", run.stdout());
    assert!(run.stdout().contains("Made with Bedtime Coach on "), "{}", run.stdout());
}

#[test]
fn html_is_one_self_contained_file_that_escapes_what_the_user_typed() {
    let dir = tempfile::tempdir().unwrap();
    month::full_month(&store(dir.path()));
    let out = dir.path().join("summary.html");
    let run = report(dir.path(), &["-o", out.to_str().unwrap()]).ok();
    assert!(run.stdout().contains(out.to_str().unwrap()), "{}", run.stdout());
    assert!(run.stdout().contains("26 nights logged"), "{}", run.stdout());
    assert!(support::mode_of(&out).is_none_or(|mode| mode == 0o600));
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    // Nothing to fetch and nothing to run: no script, no link, no remote address.
    for forbidden in ["<script", "<link", "<img", "src=", "href=", "http:", "https:", "@import", "url("] {
        assert!(!html.contains(forbidden), "{forbidden} in the page");
    }
    assert!(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot;"));
    assert!(html.contains("@media print"));
    // The warning signs with their nights.
    assert!(html.contains("<h3>Twitching through the night</h3>"));
    assert!(
        html.contains("Twitching through the night: logged on 3 nights: Sun 8 Nov, Sat 14 Nov and Sat 21 Nov."),
        "the nights of the all-night sign, in the third person"
    );
    // For a doctor: no "you", no app "card", and the advice not to put it off.
    for app_talk in ["You logged", "you rated", "You need not", " card", "not yet often enough"] {
        assert!(!html.contains(app_talk), "{app_talk}");
    }
    assert!(html.contains("The patient was advised to have these notes looked at by a doctor without delay."));
    assert!(html.contains("Restless legs, again and again"));
    assert!(!html.contains("Sleep paralysis, more than once"), "no paralysis was logged");
    assert!(html.contains(month::LONG_NOTE));
    // The all-night card says how rested those nights were; the urgent signs are there once.
    assert!(html.contains("Rested score on those nights: 3, 5 and 4 out of 5."), "rested");
    assert_eq!(html.matches("<p class=\"urgent\">Seek urgent care at once").count(), 1);
    assert!(!html.contains("None of the signs"), "nothing is said to be absent");
    // A sighting by someone on one night: below a card's threshold, named all the same.
    assert!(html.contains("<h3>Also logged, on single or scattered nights</h3>"));
    assert!(html.contains(
        "<li>Rhythmic flexing of the toes or ankles in sleep, seen by someone: logged on 1 night: Thu 5 Nov.</li>"
    ));
}

/// The case: a sign logged but below a card's threshold, in a summary shorter than
/// the four weeks the signs are judged over. It is named with its nights, in HTML and CSV,
/// in both languages, and nothing says that no sign was logged.
#[test]
fn a_sign_below_the_threshold_is_named_never_called_nothing() {
    let dir = tempfile::tempdir().unwrap();
    for day in 1..=26 {
        support::run(dir.path(), &["night", "--date", &format!("2026-11-{day:02}"), "--quiet-night"]).ok();
    }
    // Restless legs on two evenings ten days apart: the first before a two-week span.
    for day in ["2026-11-06", "2026-11-16"] {
        support::run(dir.path(), &["night", "--date", day, "--restless-legs"]).ok();
    }
    let html = report(dir.path(), &["--weeks", "2", "-o", "-"]).ok().stdout();
    assert!(html.contains("Nights after the evenings from Fri 13 Nov 2026 to Thu 26 Nov 2026 (2 weeks)"));
    assert!(
        html.contains(
            "The signs are judged over four weeks, the nights after the evenings from Fri 30 Oct 2026 to Thu 26 Nov 2026,"
        ),
        "the period judged, as it differs from the span"
    );
    assert!(html.contains("counted over the twelve weeks up to its end"), "the look-back, said");
    assert!(html.contains("Also logged, on single or scattered nights"));
    assert!(html.contains(
        "Legs trembling from falling asleep on through sleep, with itching and a constant need to move them: logged on 2 nights: Fri 6 Nov and Mon 16 Nov."
    ));
    assert!(!html.contains("None of the signs") && !html.contains("class=\"sign\""), "no card, no nothing");
    assert_eq!(html.matches("Seek urgent care at once").count(), 1);
    let csv = report(dir.path(), &["--weeks", "2", "--format", "csv", "-o", "-"]).ok().stdout();
    let comments: Vec<&str> = csv.split("\r\n").take_while(|row| row.starts_with("#,")).collect();
    assert_eq!(comments.len(), 4, "urgent, footer, period judged, the sign: {csv}");
    assert!(comments[2].contains("judged over four weeks") && comments[3].contains("Fri 6 Nov and Mon 16 Nov"));
    assert!(comments[2].contains("from Fri 30 Oct 2026 to Thu 26 Nov 2026"), "the CSV's period, the same: {csv}");
    assert!(!csv.contains("None of the signs"));
    let ru = support::output(support::bin(dir.path()).env("LANG", "ru_RU.UTF-8").args([
        "report",
        "--to",
        "2026-11-26",
        "--weeks",
        "2",
        "-o",
        "-",
    ]))
    .ok()
    .stdout();
    assert!(ru.contains("Также отмечено, в отдельные ночи"));
    assert!(ru.contains("с зудом и постоянным желанием ими двигать: отмечено 2 раза — пт, 6 ноября и пн, 16 ноября."));
    assert!(!ru.contains("карточк") && !ru.contains("Вы отметили"), "{ru}");
    assert!(ru.contains(
        "Признаки оцениваются за четыре недели, по ночам после вечеров с 30 октября 2026 (пт) по 26 ноября 2026 (чт)"
    ));
    assert!(ru.contains("<p class=\"urgent\">При внезапном обмороке"));
    assert!(!ru.contains("не отмечено ни одного"));

    // Four quiet weeks: now, and only now, "none was logged"; four weeks printed, so no
    // separate period.
    let quiet = tempfile::tempdir().unwrap();
    for day in 1..=26 {
        support::run(quiet.path(), &["night", "--date", &format!("2026-11-{day:02}"), "--quiet-night"]).ok();
    }
    let html = report(quiet.path(), &["-o", "-"]).ok().stdout();
    assert!(html.contains("None of the signs the app watches for was logged in the four weeks judged"));
    assert!(!html.contains("judged over four weeks") && !html.contains("not yet often enough"));
    let csv = report(quiet.path(), &["--format", "csv", "-o", "-"]).ok().stdout();
    assert!(csv.split("\r\n").nth(2).unwrap().starts_with("#,\"None of the signs the app watches for was logged"));
}

#[test]
fn csv_has_a_row_per_night_and_defuses_formulas() {
    let dir = tempfile::tempdir().unwrap();
    month::full_month(&store(dir.path()));
    let csv = report(dir.path(), &["--format", "csv", "-o", "-"]).ok().stdout();
    let all: Vec<&str> = csv.trim_end().split("\r\n").collect();
    // First the comment rows: the urgent signs, the not-medical-advice line, then each card.
    assert!(all[0].starts_with("#,\"Seek urgent care at once") && all[0].contains("while awake"), "{}", all[0]);
    assert!(all[1].starts_with("#,Bedtime Coach is not medical advice"), "{}", all[1]);
    assert!(
        all[2].starts_with("#,Twitching through the night,\"Twitching through the night: logged on 3 nights:"),
        "{}",
        all[2]
    );
    // The card row carries the reason too; then the doctor line, then the signs below a
    // card's threshold under their heading.
    assert!(all[2].contains("the article says it keeps the body from recovering"), "{}", all[2]);
    let comments = all.iter().take_while(|row| row.starts_with("#,")).count();
    assert_eq!(comments, 2 + 3 + 1 + 1, "urgent, footer, three cards, the doctor line, the signs below: {csv}");
    assert!(all[5].starts_with("#,The patient was advised"), "{}", all[5]);
    assert!(
        all[6].starts_with(
            "#,\"Also logged, on single or scattered nights\",\"Rhythmic flexing of the toes or ankles in sleep, seen by someone: logged on 1 night: Thu 5 Nov.\""
        ),
        "{}",
        all[6]
    );
    assert!(!csv.contains("You logged") && !csv.contains(" card"), "{csv}");
    let rows = &all[comments..];
    assert_eq!(rows.len(), 1 + 28, "a header and 28 nights");
    assert!(rows[0].starts_with("Evening (date),Night,Twitches falling asleep,"), "{}", rows[0]);
    assert!(rows[1].starts_with("2026-10-30,Fri 30 Oct,many,"), "{}", rows[1]);
    assert!(rows[4].starts_with("2026-11-02,Mon 2 Nov,not logged,"), "{}", rows[4]);
    assert!(csv.contains(",'=1+1 not a formula,"), "a note that looks like a formula");
    assert!(csv.contains("\"<script>alert('x')</script> & \"\"quotes\"\"\""));
    assert!(rows[10].ends_with(",Twitching through the night"), "{}", rows[10]);
}

/// Unix only: `HOME` and the XDG folders decide there; Windows asks for the Documents
/// known folder (under Wine: `C:\users\<user>\Documents`).
#[test]
#[cfg(unix)]
fn without_output_it_goes_to_the_documents_or_home_folder() {
    let dir = tempfile::tempdir().unwrap();
    let home = tempfile::tempdir().unwrap();
    let run = support::output(
        support::bin(dir.path())
            .env("HOME", home.path())
            .env_remove("XDG_DOCUMENTS_DIR")
            .env("XDG_CONFIG_HOME", home.path().join(".config"))
            .args(["report", "--to", "2026-11-26"]),
    )
    .ok();
    let expected = home.path().join("bedtime-coach-summary-2026-11-26.html");
    assert!(expected.is_file(), "{}", run.stdout());
    assert!(run.stdout().contains("0 nights logged"), "{}", run.stdout());
}

/// Prints `html` to PDF with headless Chromium; returns the PDF's path.
fn print_to_pdf(html: &Path, work: &Path) -> PathBuf {
    let pdf = work.join(html.file_stem().unwrap()).with_extension("pdf");
    let profile = work.join("chromium-profile");
    let output = Command::new("chromium")
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-pdf-header-footer",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", html.display()))
        .output()
        .expect("chromium runs");
    assert!(pdf.is_file(), "no PDF: {}", String::from_utf8_lossy(&output.stderr));
    pdf
}

fn pages(pdf: &Path) -> u32 {
    let info = Command::new("pdfinfo").arg(pdf).output().unwrap();
    let info = String::from_utf8_lossy(&info.stdout).into_owned();
    let line = info.lines().find(|line| line.starts_with("Pages:")).unwrap_or_else(|| panic!("{info}"));
    line["Pages:".len()..].trim().parse().unwrap()
}

fn text(pdf: &Path) -> String {
    let out = Command::new("pdftotext").args(["-layout"]).arg(pdf).arg("-").output().unwrap();
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn the_summary_prints_in_a_real_browser_for_an_empty_and_a_full_month() {
    if !support::e2e_available(
        "the doctor summary in Chromium",
        &["chromium", "pdfinfo", "pdftotext"],
        "chromium poppler-utils",
    ) {
        return;
    }
    let work = tempfile::tempdir().unwrap();
    // An empty month: no routine, no night: one calm page that says so.
    let empty = tempfile::tempdir().unwrap();
    let empty_html = work.path().join("empty.html");
    report(empty.path(), &["-o", empty_html.to_str().unwrap()]).ok();
    let pdf = print_to_pdf(&empty_html, work.path());
    assert_eq!(pages(&pdf), 1, "an empty month fits one page");
    let words = text(&pdf);
    for expected in [
        "Sleep summary for a doctor",
        "No night was logged in this period.",
        "No night was logged in the four weeks the signs are judged over.",
        "Seek urgent care at once",
        "not medical advice",
    ] {
        assert!(words.contains(expected), "{expected:?} not in the printed page:\n{words}");
    }

    // A full month: every night on paper, the signs with their nights, a few pages.
    let full = tempfile::tempdir().unwrap();
    month::full_month(&store(full.path()));
    let full_html = work.path().join("full.html");
    report(full.path(), &["-o", full_html.to_str().unwrap()]).ok();
    let pdf = print_to_pdf(&full_html, work.path());
    // Kept for a look as an image (`pdftoppm -png -r 60`), when asked.
    if let Ok(keep) = std::env::var("BEDTIME_COACH_KEEP_REPORT") {
        std::fs::copy(&pdf, Path::new(&keep).join("report.pdf")).unwrap();
        std::fs::copy(&full_html, Path::new(&keep).join("report.html")).unwrap();
    }
    let count = pages(&pdf);
    assert!((2..=4).contains(&count), "a month takes 2 to 4 pages, not {count}");
    let words = text(&pdf);
    // No page holds only a stray row or two (the overview table once left one behind).
    for (number, page) in words.split('\u{c}').filter(|page| !page.trim().is_empty()).enumerate() {
        let lines = page.lines().filter(|line| !line.trim().is_empty()).count();
        assert!(lines >= 5, "page {} has {lines} lines:\n{page}", number + 1);
    }
    for expected in [
        "Twitching through the night: logged on",
        "3 nights: Sun 8 Nov, Sat 14 Nov and Sat 21 Nov.",
        "Restless legs, again and again",
        "Fri 30 Oct",
        "Thu 26 Nov",
        "not logged",
        "<script>alert('x')</script>",
        "Bedtime consistency",
        "Warm bath",
        "Seek urgent care at once",
        "Also logged, on single or scattered nights",
        "Rested score on those nights: 3, 5 and 4 out of 5.",
    ] {
        assert!(words.contains(expected), "{expected:?} not in the printed pages:\n{words}");
    }
}

#[test]
fn a_russian_summary_is_russian() {
    let dir = tempfile::tempdir().unwrap();
    let s = store(dir.path());
    Change::SaveRoutineFile(RoutineFile::default()).apply(&s).unwrap();
    let run = support::output(support::bin(dir.path()).env("LANG", "ru_RU.UTF-8").args([
        "report",
        "--to",
        "2026-11-26",
        "--weeks",
        "3",
        "-o",
        "-",
    ]))
    .ok();
    assert!(run.stdout().contains("<html lang=\"ru\">"));
    let period = "Ночи после вечеров с 6 ноября 2026 (пт) по 26 ноября 2026 (чт) — 3 недели";
    assert!(run.stdout().contains(period), "{}", run.stdout());
}

/// Whether `html` has the mean "how rested" score with `sign` between its digits just
/// before `after` ("3.8 on average") or just after `before` ("в среднем 3,8").
fn has_mean(html: &str, before: &str, after: &str, sign: char) -> bool {
    let one_decimal = |text: &str| {
        let chars: Vec<char> = text.chars().collect();
        chars.len() == 3 && chars[0].is_ascii_digit() && chars[1] == sign && chars[2].is_ascii_digit()
    };
    html.match_indices(before).any(|(at, _)| {
        let rest = &html[at + before.len()..];
        rest.find(after).is_some_and(|end| one_decimal(&rest[..end]))
    })
}

#[test]
fn the_mean_rested_score_has_each_languages_decimal_sign() {
    let dir = tempfile::tempdir().unwrap();
    month::full_month(&store(dir.path()));
    let english = report(dir.path(), &["-o", "-"]).ok().stdout();
    let russian = support::output(support::bin(dir.path()).env("LANG", "ru_RU.UTF-8").args([
        "report",
        "--to",
        "2026-11-26",
        "-o",
        "-",
    ]))
    .ok()
    .stdout();
    assert!(has_mean(&english, "<td class=\"num\">", " on average over ", '.'), "{english}");
    assert!(has_mean(&russian, "<td class=\"num\">в среднем ", " за ", ','), "{russian}");
    assert!(!has_mean(&russian, "<td class=\"num\">в среднем ", " за ", '.'), "{russian}");
}

/// Not a test: writes the month into `BEDTIME_COACH_FIXTURE_DIR`, ending with the night
/// after `BEDTIME_COACH_FIXTURE_TO` (YYYY-MM-DD), for screenshots of the real window:
/// `cargo test --test report -- --ignored month_for_screenshots`.
#[test]
#[ignore]
fn month_for_screenshots() {
    let dir = std::env::var("BEDTIME_COACH_FIXTURE_DIR").expect("BEDTIME_COACH_FIXTURE_DIR");
    let to = std::env::var("BEDTIME_COACH_FIXTURE_TO").expect("BEDTIME_COACH_FIXTURE_TO");
    let to = chrono::NaiveDate::parse_from_str(&to, "%Y-%m-%d").unwrap();
    month::full_month_to(&store(Path::new(&dir)), to);
}

#[test]
fn the_summary_never_overwrites_the_apps_own_files() {
    let dir = tempfile::tempdir().unwrap();
    month::full_month(&store(dir.path()));
    let journal = dir.path().join("journal.json");
    let before = std::fs::read(&journal).unwrap();
    // A link joins them on Unix (Windows refuses links as data files, see store_edges).
    #[cfg_attr(not(unix), allow(unused_mut))]
    let mut targets = vec![journal.clone(), dir.path().join("journal.json.bak"), dir.path().join("routine.json")];
    #[cfg(unix)]
    {
        let link = dir.path().join("summary-link.html");
        std::os::unix::fs::symlink(&journal, &link).unwrap();
        targets.push(link);
    }
    for target in targets {
        let run = report(dir.path(), &["-o", target.to_str().unwrap()]);
        assert_eq!(run.code(), 1, "{}: {}", target.display(), run.stderr());
        assert!(run.stderr().contains("is one of Bedtime Coach's own files"), "{}", run.stderr());
    }
    assert_eq!(std::fs::read(&journal).unwrap(), before, "the journal was changed");
    // A folder is refused too, with a sentence.
    let run = report(dir.path(), &["-o", dir.path().to_str().unwrap()]);
    assert_eq!(run.code(), 1, "{}", run.stderr());
    assert_eq!(run.stderr().lines().count(), 1, "{}", run.stderr());
}

/// The review's night with several signs at once: a pattern of its own, named in the CSV's
/// column of patterns for that night, and in the HTML with its reason.
#[test]
fn several_signs_on_one_night_are_a_pattern_in_the_summary() {
    let dir = tempfile::tempdir().unwrap();
    for day in 1..=26 {
        support::run(dir.path(), &["night", "--date", &format!("2026-11-{day:02}"), "--quiet-night"]).ok();
    }
    let signs = ["--daytime", "--partner-saw-movements", "--paralysis", "--twitches", "many"];
    support::run(dir.path(), &[&["night", "--date", "2026-11-12"][..], &signs[..]].concat()).ok();
    let html = report(dir.path(), &["-o", "-"]).ok().stdout();
    assert!(html.contains("<h3>Several signs on the same night</h3>"), "{html}");
    assert!(html.contains("Two or more of these signs on the same night: logged on 1 night: Thu 12 Nov."));
    let csv = report(dir.path(), &["--format", "csv", "-o", "-"]).ok().stdout();
    let row = csv.split("\r\n").find(|row| row.starts_with("2026-11-12,")).unwrap();
    assert!(row.ends_with(",Several signs on the same night"), "{row}");
}

/// Issue 19, item 15: "3 days, some of them in a row" was said of three days all in a
/// row; now exactly (all in a row, how many of them, or nothing), in HTML, CSV and
/// Russian; and the file's message names the period as the page does, with years.
#[test]
fn days_in_a_row_are_said_exactly_and_the_period_has_its_years() {
    let dir = tempfile::tempdir().unwrap();
    for day in ["2026-11-20", "2026-11-21", "2026-11-22"] {
        support::run(dir.path(), &["night", "--date", day, "--daytime"]).ok();
    }
    let html = report(dir.path(), &["--weeks", "2", "-o", "-"]).ok().stdout();
    let said = "Twitches during the day: logged on 3 days in a row: Fri 20 Nov, Sat 21 Nov and Sun 22 Nov.";
    assert!(html.contains(said), "{html}");
    let csv = report(dir.path(), &["--weeks", "2", "--format", "csv", "-o", "-"]).ok().stdout();
    assert!(csv.contains(said), "{csv}");
    let ru = support::output(support::bin(dir.path()).env("LANG", "ru_RU.UTF-8").args([
        "report",
        "--to",
        "2026-11-26",
        "--weeks",
        "2",
        "-o",
        "-",
    ]))
    .ok()
    .stdout();
    assert!(
        ru.contains("Подёргивания днём: отмечено 3 раза подряд — пт, 20 ноября; сб, 21 ноября и вс, 22 ноября."),
        "{ru}"
    );
    // A fourth day, apart: three of the four in a row.
    support::run(dir.path(), &["night", "--date", "2026-11-25", "--daytime"]).ok();
    let html = report(dir.path(), &["--weeks", "2", "-o", "-"]).ok().stdout();
    assert!(html.contains("logged on 4 days, 3 of them in a row: Fri 20 Nov"), "{html}");
    // Saved to a file: the message says the same period as the page.
    let out = dir.path().join("summary.html");
    let run = report(dir.path(), &["--weeks", "2", "-o", out.to_str().unwrap()]).ok();
    assert!(
        run.stdout().contains(
            "Saved the doctor summary (the nights after the evenings from Fri 13 Nov 2026 to Thu 26 Nov 2026, 4 nights logged)"
        ),
        "{}",
        run.stdout()
    );
    // The day it was made, with its year: "Made with Bedtime Coach on Sun 6 Dec 2026 at 12:44."
    let page = std::fs::read_to_string(&out).unwrap();
    let made = page.split("Made with Bedtime Coach on ").nth(1).unwrap().split(" at ").next().unwrap();
    let year = made.rsplit(' ').next().unwrap();
    assert!(year.len() == 4 && year.parse::<i32>().is_ok(), "{made}");
}
