//! `import FILE [--dry-run]`: merges a JSON export (a backup, or a copy from another
//! computer) into the journal, after saying what it will add.

use std::fmt::Write as _;
use std::path::Path;

use chrono::{DateTime, FixedOffset};

use super::CliError;
use crate::i18n::t;
use crate::store::Store;
use crate::transfer;

/// Checks the file (its values as of `now`), prints the preview, and merges unless
/// `dry_run`. A file that cannot be used is refused before anything is written.
pub(super) fn import(
    store: &Store,
    file: &Path,
    dry_run: bool,
    now: &DateTime<FixedOffset>,
) -> Result<String, CliError> {
    let preview = transfer::preview_import(store, file, now)?;
    let mut out = transfer::preview_text(&preview.report);
    if dry_run {
        write!(out, "\n{}", t("cli-import-dry-run")).ok();
        return Ok(out);
    }
    let updated = transfer::import(store, &preview)?;
    write!(out, "\n{}", transfer::import_result_text(file, &updated)).ok();
    Ok(out)
}
