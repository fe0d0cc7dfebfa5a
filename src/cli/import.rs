//! `import FILE [--dry-run] [--routine]`: merges a JSON export (a backup, or a copy from
//! another computer) into the journal, after saying what it will add; restores the
//! backup's routine, schedule and settings where none is set up yet, or, with
//! `--routine`, in place of the ones here.

use std::fmt::Write as _;
use std::path::Path;

use chrono::{DateTime, TimeZone};

use super::error::CliError;
use crate::i18n::t;
use crate::use_cases::Coach;
use crate::use_cases::files::{RoutineChoice, RoutineInBackup, import_result_text, preview_text, routine_preview_text};

/// Checks the file (its values as of `now`), prints the preview, and merges unless
/// `dry_run`. A file that cannot be used is refused before anything is written.
pub(super) fn import<Tz: TimeZone>(
    coach: &Coach,
    file: &Path,
    dry_run: bool,
    choice: RoutineChoice,
    now: &DateTime<Tz>,
) -> Result<String, CliError> {
    let preview = coach.preview_import(file, now)?;
    let mut out = preview_text(&preview.counts);
    if let Some(routine) = routine_preview_text(&preview) {
        write!(out, "\n{routine}").ok();
    }
    if preview.routine == RoutineInBackup::Differs {
        let hint = match choice {
            RoutineChoice::Keep => t("import-routine-differs-cli"),
            RoutineChoice::Replace => t("import-routine-will-replace"),
        };
        write!(out, " {hint}").ok();
    }
    if dry_run {
        write!(out, "\n{}", t("cli-import-dry-run")).ok();
        return Ok(out);
    }
    let imported = coach.import(&preview, choice)?;
    write!(out, "\n{}", import_result_text(file, &imported)).ok();
    Ok(out)
}
