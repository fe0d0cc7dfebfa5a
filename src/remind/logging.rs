//! The reminder service's log: `tracing`, filtered with `RUST_LOG`, to stderr and to a
//! small rotating file (see [`crate::store::RotatingLog`]).
//!
//! Quiet by default: this crate's `info` lines (one when the service starts, one per
//! reminder decided, one per notification shown) and other crates' warnings only.
//! `RUST_LOG=debug` (or e.g. `RUST_LOG=bedtime_coach=debug,zbus=info`) says more. The
//! file is in the XDG state folder (`~/.local/state/bedtime-coach/remind.log`), or in the
//! folder given with `--data-dir`, so "why did that reminder not come?" can be answered
//! the next morning, together with `bedtime-coach reminders`.

use std::sync::Arc;

use chrono::Local;
use tracing_subscriber::EnvFilter;
use tracing_subscriber::fmt::format::Writer;
use tracing_subscriber::fmt::time::FormatTime;
use tracing_subscriber::fmt::writer::MakeWriterExt;

use crate::platform::terminal::TerminalStderr;
use crate::store::{Paths, RotatingLog};

/// What is logged when `RUST_LOG` is not set.
pub const DEFAULT_FILTER: &str = "warn,bedtime_coach=info";

/// Local wall-clock time, as the user's evening reads it.
struct LocalTime;

impl FormatTime for LocalTime {
    fn format_time(&self, w: &mut Writer<'_>) -> std::fmt::Result {
        write!(w, "{}", Local::now().format("%Y-%m-%d %H:%M:%S"))
    }
}

/// Starts logging for the service. Without a file (a read-only folder) it logs to
/// stderr only, and says why there.
pub fn init(paths: &Paths) {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new(DEFAULT_FILTER));
    let builder =
        tracing_subscriber::fmt().with_env_filter(filter).with_target(false).with_ansi(false).with_timer(LocalTime);
    let path = paths.log_file();
    let (started, problem) = match RotatingLog::open(path.clone()) {
        Ok(file) => (builder.with_writer((|| TerminalStderr).and(Arc::new(file))).try_init(), None),
        Err(error) => (builder.with_writer(|| TerminalStderr).try_init(), Some(error)),
    };
    // Already set up (a second call in one process): the first one stands.
    if started.is_ok() {
        match problem {
            None => tracing::debug!("Log file: {}", path.display()),
            Some(error) => tracing::warn!("{}", crate::tr!("log-file-none", reason = error.to_string())),
        }
    }
}
