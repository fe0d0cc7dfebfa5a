//! `bedtime-coach report [--weeks N] [--format html|csv] [-o FILE]`: the doctor summary.
//!
//! Without `-o` the summary goes to the documents (or home) folder under a dated name and
//! the command says where; `-o -` prints it instead, for scripts and pipes.

use std::path::PathBuf;

use chrono::{DateTime, NaiveDate, TimeZone};

use super::error::CliError;
use crate::i18n;
use crate::tr;
use crate::use_cases::Coach;
use crate::use_cases::files::{SummaryDone, SummaryFormat, SummaryRequest};

/// What `report` was asked for.
pub(super) struct SummaryArgs {
    pub weeks: u8,
    pub format: SummaryFormat,
    pub output: Option<PathBuf>,
    pub to: Option<NaiveDate>,
}

/// `report [--weeks N] [--format html|csv] [-o FILE] [--to D]`: a relative path is the
/// terminal's (the working folder), `-` prints the summary.
pub(super) fn report<Tz: TimeZone>(
    coach: &Coach,
    now: &DateTime<Tz>,
    request: SummaryArgs,
) -> Result<String, CliError> {
    let SummaryArgs { weeks, format, output, to } = request;
    let path = output.map(|path| std::path::absolute(&path).ok().filter(|_| path.as_os_str() != "-").unwrap_or(path));
    let request = SummaryRequest { weeks, format, path, last_evening: to, language: i18n::language() };
    Ok(match coach.write_summary(&request, now)? {
        SummaryDone::Text(text) => text,
        SummaryDone::Saved { path, from, to, nights_logged } => tr!(
            "cli-summary-saved",
            path = path.display().to_string(),
            from = i18n::span_date(from),
            to = i18n::span_date(to),
            nights = nights_logged,
        ),
    })
}
