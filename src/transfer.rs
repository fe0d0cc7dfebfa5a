//! The data in the user's hands: export (CSV for spreadsheets, JSON as the backup) and
//! import of a JSON backup, shared by the command line and the window.
//!
//! Why a module of its own: both front ends must produce the same files and the same
//! preview, and neither may touch the disk itself ([`crate::store`] writes and reads the
//! files, [`crate::model::merge()`] decides what an import changes).
//!
//! # CSV
//!
//! One row per evening and step: the steps of the evening's recorded routine in their
//! order, then any other step checked that evening; a step of the routine with no
//! check-in reads "not marked". The header and the state words are in the user's
//! language, since the file is for people and spreadsheets; programs should read the
//! JSON export. Step titles are the user's own for custom steps (and catalog steps they
//! renamed), the catalog's in the user's language otherwise. Quoting is the `csv`
//! crate's (RFC 4180), so commas, quotes and line breaks in a title survive.
//! `time` is the wall-clock time the check-in was made (`2026-11-26 21:04:00`, a form
//! spreadsheets read as a date and time), and `utc_offset` the offset in force then, so
//! nothing of the journal's instant is lost. `planned`, last, is the local time the step
//! was due that evening, as recorded with it (see [`crate::model::planned`]); empty for
//! evenings recorded before times were kept. A step id or title that starts like a
//! formula (`=`, `+`, `-`, `@`) gets a leading apostrophe
//! ([`crate::summary::spreadsheet_safe`]), so opening the file runs nothing.
//!
//! A CSV *file* starts with a UTF-8 byte order mark: Excel reads a CSV without one in
//! the legacy code page of the system (Cyrillic titles come out garbled), while
//! LibreOffice, Google Sheets and CSV libraries (the `csv` crate, Python's `utf-8-sig`)
//! recognise and drop it. CSV written to standard output has none: it goes to scripts.
//!
//! # JSON
//!
//! The backup of everything the user made: the journal document itself, with its
//! `schema_version`, limited to the chosen dates (check-ins, night logs), and beside its
//! evenings, under `routine_file`, routine.json's contents with their own
//! `schema_version` (the routine with custom steps' titles and whys, the schedule, the
//! settings, `since` and each step's `added`), when a routine was saved. Each evening
//! carries what decided it: the steps that counted (its recorded routine, which leaves
//! out what was due before `since` or a step's `added`) and the times it was planned
//! with. So an evening imported into a folder whose routine began later, or whose steps
//! were added later, counts and reads there as it did where it was recorded
//! (`model::plan::plan_past_evening`). A version before the routine was in the backup
//! keeps `routine_file` as a field it does not know.
//!
//! # Import
//!
//! A file is read and checked as the journal is ([`Store::read_import`]), then every
//! value in it as the command line checks it ([`crate::model::validate`]: dates, ids,
//! values, times, sizes; the routine as one the app could have saved), then merged
//! ([`crate::model::merge()`]) in memory for the preview; the import itself merges again
//! under the lock. The backup's routine is restored where no routine was saved yet (a
//! new computer); where one was, it replaces it only when the user asks
//! ([`RoutineChoice::Replace`]): history merges, a routine cannot. A merge that would leave the
//! journal without room to grow is refused ([`Store::check_room`]). A merge brings back
//! what was taken back here (deletions are not recorded); the preview says so.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset, NaiveDate};

use crate::i18n::{self, catalog_title, data_size};
use crate::model::{Evening, Journal, MergeCounts, Outcome, RoutineFile, merge, validate};
use crate::store::{Backup, Store, StoreError, TransferError, Updated, backup_to_bytes};
use crate::summary::spreadsheet_safe;
use crate::tr;

/// What an export is written as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    Csv,
    Json,
}

impl ExportFormat {
    /// The usual file name extension.
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Csv => "csv",
            ExportFormat::Json => "json",
        }
    }
}

/// The evenings to export, both ends included; `None` is open.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DateRange {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

impl DateRange {
    pub fn contains(&self, date: NaiveDate) -> bool {
        self.from.is_none_or(|from| from <= date) && self.to.is_none_or(|to| date <= to)
    }
}

/// An export as bytes, and what it holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Export {
    pub bytes: Vec<u8>,
    pub evenings: usize,
    /// CSV rows (without the header), or check-ins in the JSON.
    pub rows: usize,
}

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Renders the evenings of `journal` in `range`; `bom` puts a UTF-8 byte order mark
/// before CSV (files; see the module notes). `routine_saved`: `routine_file` is the
/// user's, not the default shown before a first setup, and goes into a JSON backup.
pub fn render(
    journal: &Journal,
    routine_file: &RoutineFile,
    routine_saved: bool,
    format: ExportFormat,
    range: DateRange,
    bom: bool,
) -> Result<Export, TransferError> {
    let evenings = journal.evenings.iter().filter(|(date, _)| range.contains(**date));
    match format {
        ExportFormat::Json => {
            let part =
                Journal { evenings: evenings.map(|(d, e)| (*d, e.clone())).collect(), extra: journal.extra.clone() };
            let (evenings, rows) = (part.evenings.len(), part.check_in_count());
            let routine_file = routine_saved.then_some(routine_file);
            let bytes = backup_to_bytes(part, routine_file).map_err(|e| TransferError::Encode(e.to_string()))?;
            Ok(Export { bytes, evenings, rows })
        }
        ExportFormat::Csv => {
            let encode =
                |error: csv::Error| TransferError::Encode(tr!("transfer-error-csv", error = error.to_string()));
            let mut writer = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(if bom {
                BOM.to_vec()
            } else {
                Vec::new()
            });
            let columns = ["date", "step", "title", "state", "time", "value", "utc_offset", "planned"];
            writer.write_record(columns.map(|column| tr!("export-csv-column", column = column))).map_err(encode)?;
            let (mut count, mut rows) = (0, 0);
            let mut words = Words::default();
            for (date, evening) in evenings {
                count += 1;
                for row in csv_rows(*date, evening, routine_file, &mut words) {
                    writer.write_record(&row).map_err(encode)?;
                    rows += 1;
                }
            }
            let bytes = writer.into_inner().map_err(|e| encode(e.into_error().into()))?;
            Ok(Export { bytes, evenings: count, rows })
        }
    }
}

/// Step titles and state words, each put into words once: formatting a Fluent message
/// for each of a 10-year journal's 40,000 rows was most of the export's time.
#[derive(Default)]
struct Words {
    titles: HashMap<String, String>,
    states: HashMap<&'static str, String>,
}

impl Words {
    fn title(&mut self, id: &str, routine_file: &RoutineFile) -> String {
        if let Some(title) = self.titles.get(id) {
            return title.clone();
        }
        let title = routine_file.routine.get(id).map_or_else(|| catalog_title(id), i18n::step_title);
        self.titles.insert(id.to_owned(), title.clone());
        title
    }

    fn state(&mut self, state: &'static str) -> String {
        self.states.entry(state).or_insert_with(|| tr!("export-csv-state", state = state)).clone()
    }
}

/// The rows of one evening (see the module notes for which steps, in which order).
fn csv_rows(date: NaiveDate, evening: &Evening, routine_file: &RoutineFile, words: &mut Words) -> Vec<[String; 8]> {
    // One set for both lists: a step is a row once, in the routine's place if it has one.
    let mut seen = HashSet::new();
    evening
        .routine
        .iter()
        .flatten()
        .chain(evening.checks.keys())
        .filter(|id| seen.insert(id.as_str()))
        .map(|id| {
            let title = spreadsheet_safe(&words.title(id, routine_file)).into_owned();
            let check = evening.checks.get(id);
            let state = match check.map(|c| c.outcome) {
                Some(Outcome::Done) => "done",
                Some(Outcome::Skipped) => "skipped",
                None => "none",
            };
            [
                date.to_string(),
                spreadsheet_safe(id).into_owned(),
                title,
                words.state(state),
                check.map(|c| c.at.format("%Y-%m-%d %H:%M:%S").to_string()).unwrap_or_default(),
                check.and_then(|c| c.value).map(|v| v.to_string()).unwrap_or_default(),
                check.map(|c| c.at.format("%:z").to_string()).unwrap_or_default(),
                evening.times.as_ref().and_then(|times| times.steps.get(id)).map(planned).unwrap_or_default(),
            ]
        })
        .collect()
}

/// A planned time as the `time` column writes a time, to the minute: "2026-11-26 21:00".
fn planned(time: &chrono::NaiveDateTime) -> String {
    time.format("%Y-%m-%d %H:%M").to_string()
}

/// Renders an export from what is on disk now and writes it to `path` (see
/// [`Store::write_user_file`]).
pub fn export_to_file(
    store: &Store,
    format: ExportFormat,
    range: DateRange,
    path: &Path,
) -> Result<Export, TransferError> {
    let snapshot = store.load()?;
    let routine = &snapshot.routine_file;
    let export = render(&snapshot.journal.value, &routine.value, routine.existed, format, range, true)?;
    store.write_user_file(path, &export.bytes)?;
    Ok(export)
}

/// A checked import file and what merging it would do to the journal as it is now.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportPreview {
    pub path: PathBuf,
    pub incoming: Journal,
    pub counts: MergeCounts,
    /// The backup's routine, schedule and settings (`None`: an older backup without them).
    pub routine_file: Option<RoutineFile>,
    /// What importing does with them.
    pub routine: RoutineInBackup,
    /// The routine here, for the preview to show beside the backup's.
    pub routine_here: RoutineFile,
}

/// What importing a backup does with the routine, schedule and settings in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoutineInBackup {
    /// The backup has none: it was made before they were kept in it.
    Absent,
    /// No routine is saved here yet (a new computer): the backup's is restored.
    Restored,
    /// The same as here: nothing to do.
    Same,
    /// Different from the one here, which stays unless the user asks for the backup's.
    Differs,
}

/// The user's answer where the backup's routine differs from the one here.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum RoutineChoice {
    /// History merges; the routine here stays.
    #[default]
    Keep,
    /// The backup's routine, schedule and settings replace the ones here.
    Replace,
}

/// What an import did.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    pub journal: Updated<MergeCounts>,
    /// The backup's routine, schedule and settings were saved here.
    pub routine_restored: bool,
}

/// Whether two routine files would plan the same evenings and behave the same.
fn same_routine(a: &RoutineFile, b: &RoutineFile) -> bool {
    a.routine == b.routine && a.schedule == b.schedule && a.settings == b.settings
}

/// Reads and checks `path` (every value as of `now`), and works out what importing it
/// would change; writes nothing.
pub fn preview_import(store: &Store, path: &Path, now: &DateTime<FixedOffset>) -> Result<ImportPreview, TransferError> {
    let Backup { journal: incoming, routine_file } = store.read_import(path)?;
    let invalid = |invalid| TransferError::Invalid { path: path.to_owned(), invalid };
    validate::journal(&incoming, now).map_err(invalid)?;
    if let Some(routine_file) = &routine_file {
        validate::routine_file(routine_file, now).map_err(invalid)?;
        store.check_routine_room(path, routine_file)?;
    }
    let current = store.load_journal()?;
    if let Some(reason) = current.read_only {
        return Err(StoreError::ReadOnly(reason).into());
    }
    let here = store.load_routine_file()?;
    let routine = match &routine_file {
        None => RoutineInBackup::Absent,
        Some(_) if !here.existed => RoutineInBackup::Restored,
        Some(theirs) if same_routine(theirs, &here.value) => RoutineInBackup::Same,
        Some(_) => RoutineInBackup::Differs,
    };
    if routine != RoutineInBackup::Absent
        && let Some(reason) = here.read_only
    {
        return Err(StoreError::ReadOnly(reason).into());
    }
    let (merged, counts) = merge(&current.value, &incoming);
    store.check_room(path, &incoming, &merged)?;
    Ok(ImportPreview { path: path.to_owned(), incoming, counts, routine_file, routine, routine_here: here.value })
}

/// Merges a previewed file into the journal as it is on disk now (the counts can differ
/// from the preview's when another process saved in between), then saves the backup's
/// routine where none was saved at the preview, or where the user asked for it. The
/// journal comes first: should the routine's save fail, importing again gives it (the
/// merge adds nothing twice).
pub fn import(store: &Store, preview: &ImportPreview, choice: RoutineChoice) -> Result<Imported, TransferError> {
    let journal = store.import_journal(&preview.path, &preview.incoming)?;
    let restore = match preview.routine {
        RoutineInBackup::Restored => true,
        RoutineInBackup::Differs => choice == RoutineChoice::Replace,
        RoutineInBackup::Absent | RoutineInBackup::Same => false,
    };
    let routine_restored = match preview.routine_file.as_ref().filter(|_| restore) {
        Some(theirs) => {
            store.update_routine_file(|here| {
                *here = theirs.clone();
                Ok::<_, StoreError>(())
            })?;
            true
        }
        None => false,
    };
    Ok(Imported { journal, routine_restored })
}

/// A routine in a few words, to tell two apart: "12 steps, bedtime 22:30".
fn routine_in_words(routine_file: &RoutineFile) -> String {
    tr!(
        "import-routine-summary",
        steps = routine_file.routine.steps.len(),
        bedtime = routine_file.schedule.every_day.bedtime.format("%H:%M").to_string()
    )
}

/// The preview's lines about the routine (the front end adds how to ask for the
/// backup's where it differs: a flag, a checkbox).
pub fn routine_preview_text(preview: &ImportPreview) -> Option<String> {
    let theirs = preview.routine_file.as_ref().map(routine_in_words).unwrap_or_default();
    Some(match preview.routine {
        RoutineInBackup::Absent => tr!("import-routine-absent"),
        RoutineInBackup::Restored => tr!("import-routine-restored", theirs = theirs),
        RoutineInBackup::Same => return None,
        RoutineInBackup::Differs => {
            tr!("import-routine-differs", theirs = theirs, here = routine_in_words(&preview.routine_here))
        }
    })
}

/// The preview in a few lines: evenings, check-ins, night logs, the conflicts, fields
/// this version does not know, and what a merge cannot do (take back what was taken
/// back here).
pub fn preview_text(counts: &MergeCounts) -> String {
    let mut lines = vec![
        tr!("import-preview-evenings", new = counts.evenings_new, present = counts.evenings_present),
        tr!("import-preview-check-ins", new = counts.check_ins_new, present = counts.check_ins_present),
    ];
    if counts.nights_new + counts.nights_present + counts.nights_conflicting > 0 {
        lines.push(tr!("import-preview-nights", new = counts.nights_new, present = counts.nights_present));
    }
    if counts.conflicts() > 0 {
        let replaced = counts.check_ins_replaced + counts.nights_replaced;
        lines.push(tr!("import-preview-conflicts", conflicts = counts.conflicts(), replaced = replaced));
    }
    if counts.unknown.fields > 0 {
        let size = data_size(counts.unknown.bytes as u64);
        lines.push(tr!("import-preview-unknown", fields = counts.unknown.fields, size = size));
    }
    if counts.check_ins_new + counts.nights_new > 0 {
        lines.push(tr!("import-preview-undone"));
    }
    if !counts.adds_anything() {
        lines.push(if counts.conflicts() > 0 {
            tr!("import-preview-ours-later")
        } else if counts.changes_anything() {
            tr!("import-preview-details-only")
        } else {
            tr!("import-preview-nothing")
        });
    }
    lines.join("\n")
}

/// What an import did, in a sentence or two.
pub fn import_result_text(path: &Path, imported: &Imported) -> String {
    if imported.routine_restored && !imported.journal.saved {
        return tr!("import-done-routine-only", path = path.display().to_string());
    }
    let journal = journal_import_text(path, &imported.journal);
    if imported.routine_restored {
        return format!("{journal} {}", tr!("import-done-routine"));
    }
    journal
}

/// What importing did to the journal, in one sentence.
fn journal_import_text(path: &Path, updated: &Updated<MergeCounts>) -> String {
    let path = path.display().to_string();
    let counts = &updated.value;
    if !updated.saved {
        return if counts.conflicts() > 0 {
            tr!("import-done-ours-later", path = path)
        } else {
            tr!("import-done-nothing", path = path)
        };
    }
    if !counts.adds_anything() {
        return tr!("import-done-details-only", path = path);
    }
    tr!(
        "import-done",
        path = path,
        evenings = counts.evenings_new,
        check_ins = counts.check_ins_new,
        nights = counts.nights_new,
        replaced = counts.check_ins_replaced + counts.nights_replaced
    )
}

/// What an export did, in one sentence.
pub fn export_result_text(path: &Path, export: &Export) -> String {
    tr!("export-done", path = path.display().to_string(), evenings = export.evenings, rows = export.rows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Language, with_language};
    use crate::model::{CheckIn, Step};
    use chrono::DateTime;

    fn date(day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, day).unwrap()
    }

    #[test]
    fn csv_has_a_row_per_evening_and_step_with_titles_in_the_users_language() {
        let mut routine_file = RoutineFile::default();
        let tricky = "Tea, \"calm\"\nthen read";
        routine_file.routine.steps.push(Step::custom(
            "my-tea".into(),
            tricky.into(),
            crate::model::Anchor::At { time: chrono::NaiveTime::from_hms_opt(21, 0, 0).unwrap() },
        ));
        let mut journal = Journal::default();
        let at = DateTime::parse_from_rfc3339("2026-11-26T21:04:00+01:00").unwrap();
        journal.record(date(26), "my-tea", CheckIn::new(Outcome::Done, at, None));
        journal.record(date(26), "humidity-check", CheckIn::new(Outcome::Done, at, Some(45.5)));
        journal.evenings.get_mut(&date(26)).unwrap().routine = Some(vec!["warm-bath".into(), "humidity-check".into()]);
        // The times the 26th was planned with: the last column says when each step was due.
        journal.evenings.get_mut(&date(26)).unwrap().times =
            Some(crate::model::plan::planned_times(&routine_file, date(26), at));
        journal.record(date(27), "gone-step", CheckIn::new(Outcome::Skipped, at, None));
        let range = DateRange { from: Some(date(26)), to: Some(date(26)) };
        let export = with_language(Language::Russian, || {
            render(&journal, &routine_file, true, ExportFormat::Csv, range, true).unwrap()
        });
        assert_eq!((export.evenings, export.rows), (1, 3));
        assert!(export.bytes.starts_with(BOM));
        let mut reader = csv::Reader::from_reader(export.bytes.as_slice());
        assert_eq!(reader.headers().unwrap().get(0), Some("Дата"), "the BOM is not part of the header");
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        let fields = |n: usize| rows[n].iter().collect::<Vec<_>>();
        assert_eq!(
            fields(0),
            ["2026-11-26", "warm-bath", "Тёплая ванна", "не отмечен", "", "", "", "2026-11-26 21:00"]
        );
        assert_eq!(
            fields(1),
            [
                "2026-11-26",
                "humidity-check",
                "Проверить влажность в спальне",
                "выполнен",
                "2026-11-26 21:04:00",
                "45.5",
                "+01:00",
                "2026-11-26 21:50"
            ]
        );
        assert_eq!(fields(2)[2], tricky);
        let plain = render(&journal, &routine_file, true, ExportFormat::Csv, DateRange::default(), false).unwrap();
        assert!(plain.bytes.starts_with(b"Date,"));
        assert_eq!(plain.rows, 4);
    }

    /// Cells of the user's or a file's text that a spreadsheet would run as a formula
    /// start with an apostrophe; the title comes back otherwise unchanged.
    #[test]
    fn formulas_in_titles_and_ids_are_defused() {
        let mut routine_file = RoutineFile::default();
        let anchor = crate::model::Anchor::BeforeBedtime { minutes: 30 };
        let titles = ["=cmd|' /C calc'!A0", "+1+1", "@SUM(1+1)", "-2+3", "\t=1", "\r=1", "Tea = calm"];
        let mut journal = Journal::default();
        let at = DateTime::parse_from_rfc3339("2026-11-26T21:04:00+01:00").unwrap();
        for (n, title) in titles.iter().enumerate() {
            let id = format!("step-{n}");
            routine_file.routine.steps.push(Step::custom(id.clone(), (*title).into(), anchor));
            journal.record(date(26), &id, CheckIn::new(Outcome::Done, at, None));
        }
        // A journal edited by hand can hold any id.
        journal.record(date(26), "=HYPERLINK(\"http://x\")", CheckIn::new(Outcome::Done, at, None));
        let export = render(&journal, &routine_file, true, ExportFormat::Csv, DateRange::default(), false).unwrap();
        let rows: Vec<csv::StringRecord> =
            csv::Reader::from_reader(export.bytes.as_slice()).records().map(Result::unwrap).collect();
        let cell = |id: &str, column: usize| {
            rows.iter().find(|r| &r[1] == id).unwrap_or_else(|| panic!("{id} in {rows:?}"))[column].to_owned()
        };
        for (n, title) in titles.iter().enumerate() {
            let shown = cell(&format!("step-{n}"), 2);
            if title.starts_with(['=', '+', '-', '@', '\t', '\r']) {
                assert_eq!(shown, format!("'{title}"));
            } else {
                assert_eq!(shown, *title);
            }
        }
        assert_eq!(cell("'=HYPERLINK(\"http://x\")", 1), "'=HYPERLINK(\"http://x\")");
    }

    proptest::proptest! {
        /// Whatever a title is, its cell reads back as the title, or the title after an
        /// apostrophe, and never starts like a formula.
        #[test]
        fn no_title_reaches_a_spreadsheet_as_a_formula(title in "\\PC{0,12}") {
            let mut routine_file = RoutineFile::default();
            let anchor = crate::model::Anchor::BeforeBedtime { minutes: 30 };
            routine_file.routine.steps.push(Step::custom("mine".into(), title.clone(), anchor));
            let mut journal = Journal::default();
            let at = DateTime::parse_from_rfc3339("2026-11-26T21:04:00+01:00").unwrap();
            journal.record(date(26), "mine", CheckIn::new(Outcome::Done, at, None));
            let export = render(&journal, &routine_file, true, ExportFormat::Csv, DateRange::default(), true).unwrap();
            let mut reader = csv::Reader::from_reader(export.bytes.as_slice());
            let row = reader.records().next().unwrap().unwrap();
            let shown = &row[2];
            let defused = format!("'{}", title);
            proptest::prop_assert!(shown == title || *shown == defused);
            proptest::prop_assert!(!shown.starts_with(['=', '+', '-', '@', '\t', '\r']));
        }
    }
}
