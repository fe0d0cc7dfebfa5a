//! `export [--format json|csv] [--from D] [--to D] [-o FILE]`: the journal for a
//! spreadsheet (CSV) or as a backup that `import` reads back (JSON).

use std::path::PathBuf;

use chrono::NaiveDate;

use super::CliError;
use super::args::ExportFormatArg;
use super::output::is_standard_output;
use crate::command::CommandError;
use crate::store::Store;
use crate::tr;
use crate::transfer::{self, DateRange, ExportFormat};

/// Without `-o` (or with `-o -`) the export is the command's output (no byte order mark:
/// it goes to a script or a pipe); with a file, the output is a sentence saying what it
/// holds.
pub(super) fn export(
    store: &Store,
    format: ExportFormatArg,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    output: Option<PathBuf>,
) -> Result<String, CliError> {
    if let (Some(from), Some(to)) = (from, to)
        && from > to
    {
        let text = tr!("cli-export-from-after-to", from = from.to_string(), to = to.to_string());
        return Err(CommandError::BadValue(text).into());
    }
    let format = match format {
        ExportFormatArg::Json => ExportFormat::Json,
        ExportFormatArg::Csv => ExportFormat::Csv,
    };
    let range = DateRange { from, to };
    match output.filter(|path| !is_standard_output(path)) {
        Some(path) => {
            let export = transfer::export_to_file(store, format, range, &path)?;
            Ok(transfer::export_result_text(&path, &export))
        }
        None => {
            let snapshot = store.load()?;
            let export = transfer::render(&snapshot.journal.value, &snapshot.config.value, format, range, false)?;
            let mut text = String::from_utf8_lossy(&export.bytes).into_owned();
            // The output is printed with a line break of its own.
            while text.ends_with(['\n', '\r']) {
                text.pop();
            }
            Ok(text)
        }
    }
}
