//! The user's own files: export (CSV or a JSON backup), import with a preview, and the
//! doctor summary.
//!
//! Why it exists: where a file goes when only a name is given, what "-" means, which
//! evening the summary ends on and in which language it is written are the same for the
//! window and the command line; they are decided here, and the writing itself is the
//! store's (which refuses the app's own files and anything not a regular file).

use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDate, TimeZone};

use super::Coach;
use crate::i18n::Language;
use crate::model::night::night_to_log;
use crate::model::{Journal, RoutineFile};
use crate::store::{TransferError, default_summary_dir, summary_file_name};
use crate::{summary, transfer};

pub use crate::model::merge::MergeCounts;
pub use crate::summary::{DEFAULT_WEEKS, Format as SummaryFormat, MAX_WEEKS, MIN_WEEKS};
pub use crate::transfer::{
    DateRange, Export, ExportFormat, ImportPreview, Imported, RoutineChoice, RoutineInBackup, export_result_text,
    import_result_text, preview_text, routine_preview_text,
};

/// The doctor summary asked for.
#[derive(Debug, Clone, PartialEq)]
pub struct SummaryRequest {
    pub weeks: u8,
    pub format: SummaryFormat,
    /// Where to write it: `None` for the suggested file, `-` for standard output, a bare
    /// name for a file in the suggested folder.
    pub path: Option<PathBuf>,
    /// The evening of the last night it covers (default: last night).
    pub last_evening: Option<NaiveDate>,
    pub language: Language,
}

/// What became of a summary.
#[derive(Debug, Clone, PartialEq)]
pub enum SummaryDone {
    /// Asked for on standard output: the text to print.
    Text(String),
    /// Written to `path`.
    Saved { path: PathBuf, from: NaiveDate, to: NaiveDate, nights_logged: usize },
}

/// Whether a path given by the user means standard output.
pub fn is_standard_output(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// The evening whose night is "last night" at `now`.
pub fn last_night<Tz: TimeZone>(routine_file: &RoutineFile, now: &DateTime<Tz>) -> NaiveDate {
    night_to_log(&routine_file.schedule, now.naive_local())
}

/// The file the summary is suggested to go to: a dated name in the documents folder.
pub fn suggested_summary_path(last_evening: NaiveDate, format: SummaryFormat) -> PathBuf {
    default_summary_dir().join(summary_file_name(last_evening, format.extension()))
}

/// Where export and import dialogs start.
pub fn documents_folder() -> PathBuf {
    default_summary_dir()
}

impl Coach {
    /// Writes an export of what is on disk now to `path`.
    pub fn export_to_file(&self, format: ExportFormat, range: DateRange, path: &Path) -> Result<Export, TransferError> {
        transfer::export_to_file(&self.store, format, range, path)
    }

    /// An export as text, to print.
    pub fn export_text(&self, format: ExportFormat, range: DateRange) -> Result<String, TransferError> {
        let snapshot = self.load()?;
        let routine = &snapshot.routine_file;
        let export = transfer::render(&snapshot.journal.value, &routine.value, routine.existed, format, range, false)?;
        let mut text = String::from_utf8_lossy(&export.bytes).into_owned();
        while text.ends_with(['\n', '\r']) {
            text.pop();
        }
        Ok(text)
    }

    /// Reads and checks `path` (every value as of `now`: nothing dated ahead of it), and
    /// works out what importing it would change; writes nothing.
    pub fn preview_import<Tz: TimeZone>(
        &self,
        path: &Path,
        now: &DateTime<Tz>,
    ) -> Result<ImportPreview, TransferError> {
        transfer::preview_import(&self.store, path, &now.fixed_offset())
    }

    /// Merges a previewed file into the journal as it is on disk now, and restores its
    /// routine where none was saved yet, or where `choice` asks for it.
    pub fn import(&self, preview: &ImportPreview, choice: RoutineChoice) -> Result<Imported, TransferError> {
        transfer::import(&self.store, preview, choice)
    }

    /// Writes the doctor summary from the files as they are now.
    pub fn write_summary<Tz: TimeZone>(
        &self,
        request: &SummaryRequest,
        now: &DateTime<Tz>,
    ) -> Result<SummaryDone, TransferError> {
        let snapshot = self.load()?;
        self.write_summary_of(&snapshot.routine_file.value, &snapshot.journal.value, request, now)
    }

    /// Writes the doctor summary from files already read (the window's, on screen).
    pub fn write_summary_of<Tz: TimeZone>(
        &self,
        routine_file: &RoutineFile,
        journal: &Journal,
        request: &SummaryRequest,
        now: &DateTime<Tz>,
    ) -> Result<SummaryDone, TransferError> {
        let last_evening = request.last_evening.unwrap_or_else(|| last_night(routine_file, now));
        let summary =
            summary::gather(routine_file, journal, last_evening, request.weeks, now.fixed_offset(), &now.timezone());
        let text = summary::render(&summary, request.format, request.language);
        let path = match &request.path {
            Some(path) if is_standard_output(path) => return Ok(SummaryDone::Text(text)),
            // A bare file name goes to the suggested folder, not wherever the app was started.
            Some(path) if path.is_relative() => default_summary_dir().join(path),
            Some(path) => path.clone(),
            None => suggested_summary_path(last_evening, request.format),
        };
        self.store.write_user_file(&path, text.as_bytes())?;
        Ok(SummaryDone::Saved { path, from: summary.from, to: summary.to, nights_logged: summary.logged_nights() })
    }
}
