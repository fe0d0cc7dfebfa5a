//! `import FILE [--dry-run]`: merges a JSON export (a backup, or a copy from another
//! computer) into the journal, after saying what it will add.

use std::fmt::Write as _;
use std::path::Path;

use chrono::{DateTime, TimeZone};

use super::error::CliError;
use crate::i18n::t;
use crate::use_cases::Coach;
use crate::use_cases::files::{import_result_text, preview_text};

/// Checks the file (its values as of `now`), prints the preview, and merges unless
/// `dry_run`. A file that cannot be used is refused before anything is written.
pub(super) fn import<Tz: TimeZone>(
    coach: &Coach,
    file: &Path,
    dry_run: bool,
    now: &DateTime<Tz>,
) -> Result<String, CliError> {
    let preview = coach.preview_import(file, now)?;
    let mut out = preview_text(&preview.counts);
    if dry_run {
        write!(out, "\n{}", t("cli-import-dry-run")).ok();
        return Ok(out);
    }
    let updated = coach.import(&preview)?;
    write!(out, "\n{}", import_result_text(file, &updated)).ok();
    Ok(out)
}
