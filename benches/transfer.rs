//! How long export and import take with a 10-year journal.
//!
//! Uses the realistic sample journal (`support/sample_journal.rs`: 3,650 evenings, about
//! 14 steps each, untracked evenings, a step added part-way) and times the real paths:
//! rendering CSV and JSON, writing an export file, reading and checking an import file,
//! the pure merge (into an empty journal, into itself, into an overlapping one), and a
//! whole import through the store (lock, read, merge, atomic save). Run with
//! `cargo bench --bench transfer`; it reports min / median / p90.
//!
//! Then a hostile file: one evening of the journal with a recorded routine list of a
//! few MB (hundreds of thousands of made-up step ids), previewed as `import --dry-run`
//! does. `cargo bench --bench transfer -- hostile` runs only that part.

use bedtime_coach::model::{Journal, RoutineFile, merge, validate};
use bedtime_coach::store::{Paths, Store, save_document, to_bytes};
use bedtime_coach::transfer::{self, DateRange, ExportFormat};
use chrono::{DateTime, FixedOffset, NaiveDate};

#[path = "support/sample_journal.rs"]
#[allow(dead_code)]
mod sample_journal;

#[path = "support/saving.rs"]
mod saving;

#[path = "support/timing.rs"]
#[allow(dead_code)]
mod timing;
use timing::time;

/// `-- NAME` after `cargo bench --bench transfer` runs only the parts whose label holds NAME.
fn wanted(label: &str) -> bool {
    let filter = std::env::args().skip(1).find(|arg| !arg.starts_with("--"));
    filter.is_none_or(|filter| label.contains(&filter))
}

fn main() {
    let routine_file = sample_journal::routine_file();
    let last = NaiveDate::from_ymd_opt(2026, 11, 26).expect("date");
    let journal = sample_journal::journal(&routine_file, last, 3650);
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::new(Paths::in_dir(dir.path()));
    save_document(&store.paths().routine_file(), &routine_file).expect("routine");
    saving::save_journal(&store, &journal);
    // Import files are checked as of a moment: the morning after the last evening.
    let now = DateTime::parse_from_rfc3339("2026-11-27T08:00:00+01:00").expect("now");
    if wanted("realistic") {
        realistic(&store, &routine_file, &journal, dir.path(), &now);
    }
    if wanted("hostile") {
        hostile(&store, &journal, dir.path(), &now);
    }
}

/// A journal export whose evening `date` lists `steps` made-up steps as its routine.
fn hostile_file(path: &std::path::Path, date: NaiveDate, steps: usize) -> usize {
    let ids: Vec<String> = (0..steps).map(|n| format!("\"s-{n:07}\"")).collect();
    let text =
        format!(r#"{{"schema_version":2,"evenings":{{"{date}":{{"checks":{{}},"routine":[{}]}}}}}}"#, ids.join(","));
    std::fs::write(path, &text).expect("hostile file");
    text.len()
}

/// `import --dry-run` of files with ever longer routine lists on an evening the journal
/// has, then of a file with every evening's list as long as an evening's may be.
fn hostile(store: &Store, journal: &Journal, dir: &std::path::Path, now: &DateTime<FixedOffset>) {
    let evening = *journal.evenings.keys().next_back().expect("an evening");
    for steps in [25_000, 50_000, 100_000, 250_000] {
        let path = dir.join(format!("hostile-{steps}.json"));
        let size = hostile_file(&path, evening, steps);
        let label = format!("hostile: preview, {steps} steps ({:.1} MB)", size as f64 / 1e6);
        let start = std::time::Instant::now();
        let result = transfer::preview_import(store, &path, now);
        timing::report(&label, vec![start.elapsed()]);
        println!(
            "  -> {}",
            result.map_or_else(|e| e.to_string(), |p| transfer::preview_text(&p.counts)).replace('\n', " / ")
        );
    } // Every evening of the journal with a recorded routine as long as an evening's may be
    // (most of it new): what a merge must still do in linear time.
    let mut full = journal.clone();
    for evening in full.evenings.values_mut() {
        evening.routine = Some((0..validate::MAX_EVENING_STEPS - 20).map(|n| format!("s-{n}")).collect());
    }
    let path = dir.join("hostile-full.json");
    std::fs::write(&path, to_bytes(&full).expect("json")).expect("full file");
    let size = std::fs::metadata(&path).expect("size").len();
    time(&format!("hostile: preview, every list full ({:.1} MB)", size as f64 / 1e6), 5, || {
        drop(transfer::preview_import(store, &path, now).expect("preview"));
    });
}

fn realistic(
    store: &Store,
    routine_file: &RoutineFile,
    journal: &Journal,
    dir: &std::path::Path,
    now: &DateTime<FixedOffset>,
) {
    let all = DateRange::default();
    let csv = transfer::render(journal, routine_file, true, ExportFormat::Csv, all, true).expect("csv");
    let json = transfer::render(journal, routine_file, true, ExportFormat::Json, all, false).expect("json");
    println!(
        "10-year journal: {} evenings, {} check-ins; CSV {} rows, {:.1} MB; JSON {:.1} MB",
        journal.evenings.len(),
        journal.check_in_count(),
        csv.rows,
        csv.bytes.len() as f64 / 1e6,
        json.bytes.len() as f64 / 1e6
    );
    time("render CSV", 20, || drop(transfer::render(journal, routine_file, true, ExportFormat::Csv, all, true)));
    time("render JSON", 20, || drop(transfer::render(journal, routine_file, true, ExportFormat::Json, all, false)));
    let out = dir.join("out");
    std::fs::create_dir(&out).expect("out");
    let csv_file = out.join("export.csv");
    time("export CSV to a file (load+write)", 20, || {
        transfer::export_to_file(store, ExportFormat::Csv, all, &csv_file).expect("export");
    });
    let json_file = out.join("export.json");
    transfer::export_to_file(store, ExportFormat::Json, all, &json_file).expect("export");
    time("read + check an import file", 20, || drop(store.read_import(&json_file).expect("import file")));
    let incoming = store.read_import(&json_file).expect("import file").journal;
    time("check every value of an import", 20, || validate::journal(&incoming, now).expect("valid"));
    let empty = Journal::default();
    time("merge into an empty journal", 20, || drop(merge(&empty, journal)));
    time("merge into itself (all present)", 20, || drop(merge(journal, journal)));
    let mut half = journal.clone();
    let middle = *journal.evenings.keys().nth(journal.evenings.len() / 2).expect("middle");
    half.evenings.retain(|date, _| *date < middle);
    time("merge into the older half", 20, || drop(merge(&half, journal)));
    time("preview an import (read, load, merge)", 10, || {
        drop(transfer::preview_import(store, &json_file, now).expect("preview"));
    });
    time("import through the store (unchanged)", 10, || {
        store.import_journal(&json_file, &incoming).expect("import");
    });
    // The journal put back to the older half before each run, outside the time.
    let samples = (0..10)
        .map(|_| {
            saving::save_journal(store, &half);
            let start = std::time::Instant::now();
            store.import_journal(&json_file, &incoming).expect("import");
            start.elapsed()
        })
        .collect();
    timing::report("import into the older half (saves)", samples);
}
