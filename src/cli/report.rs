//! `bedtime-coach report [--weeks N] [--format html|csv] [-o FILE]`: the doctor summary.
//!
//! Without `-o` the summary goes to the documents (or home) folder under a dated name and
//! the command says where; `-o -` prints it instead, for scripts and pipes.

use std::path::PathBuf;

use chrono::{DateTime, NaiveDate, TimeZone};

use super::CliError;
use super::output::is_standard_output;
use crate::i18n;
use crate::model::night::night_to_log;
use crate::report::{self, Format};
use crate::store::{Store, default_report_dir, report_file_name};
use crate::tr;

/// What was asked for on the command line.
pub(super) struct Request {
    pub weeks: u8,
    pub format: Format,
    pub output: Option<PathBuf>,
    /// The evening of the summary's last night (default: last night).
    pub to: Option<NaiveDate>,
}

pub(super) fn report<Tz: TimeZone>(store: &Store, now: &DateTime<Tz>, request: Request) -> Result<String, CliError> {
    let Request { weeks, format, output, to } = request;
    let snapshot = store.load()?;
    let (config, journal) = (&snapshot.config.value, &snapshot.journal.value);
    let last_night = to.unwrap_or_else(|| night_to_log(&config.schedule, now.naive_local()));
    let summary = report::summary(config, journal, last_night, weeks, now.fixed_offset(), &now.timezone());
    let text = report::render(&summary, format, i18n::language());
    if output.as_deref().is_some_and(is_standard_output) {
        return Ok(text);
    }
    let path = output.unwrap_or_else(|| default_report_dir().join(report_file_name(last_night, format.extension())));
    store.write_user_file(&path, text.as_bytes())?;
    Ok(tr!(
        "cli-report-saved",
        path = path.display().to_string(),
        from = i18n::short_date(summary.from),
        to = i18n::short_date(crate::model::time::next_day(summary.to)),
        nights = summary.logged_nights(),
    ))
}
