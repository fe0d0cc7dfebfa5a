//! `export [--format json|csv] [--from D] [--to D] [-o FILE]`: the journal for a
//! spreadsheet (CSV) or as a backup that `import` reads back (JSON).

use std::path::PathBuf;

use chrono::NaiveDate;

use super::args::ExportFormatArg;
use super::error::CliError;
use crate::tr;
use crate::use_cases::Coach;
use crate::use_cases::CommandError;
use crate::use_cases::files::{DateRange, ExportFormat, export_result_text, is_standard_output};

/// Without `-o` the export is the command's output (no byte order mark: it goes to a
/// script or a pipe); with it, a file, and the output is a sentence saying what it holds.
pub(super) fn export(
    coach: &Coach,
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
            let export = coach.export_to_file(format, range, &path)?;
            Ok(export_result_text(&path, &export))
        }
        None => Ok(coach.export_text(format, range)?),
    }
}
