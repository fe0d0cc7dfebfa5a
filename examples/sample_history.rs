//! Writes a realistic history into a data folder, for screenshots and trying the
//! History screen and `stats` by hand:
//!
//! `cargo run --example sample_history -- DIR [DAYS] [LAST-EVENING]`
//! (default 365 evenings ending 2026-11-26). Refuses a folder that already has a journal.

#[path = "../benches/support/sample_journal.rs"]
mod sample_journal;

use bedtime_coach::store::{Paths, Store, StoreError};
use bedtime_coach::use_cases::Change;
use chrono::NaiveDate;

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let dir = args.next().ok_or_else(|| anyhow::anyhow!("usage: sample_history DIR [DAYS] [YYYY-MM-DD]"))?;
    let days: u32 = args.next().map(|d| d.parse()).transpose()?.unwrap_or(365);
    let last = match args.next() {
        Some(text) => NaiveDate::parse_from_str(&text, "%Y-%m-%d")?,
        None => NaiveDate::from_ymd_opt(2026, 11, 26).ok_or_else(|| anyhow::anyhow!("date"))?,
    };
    // The folder as the app finds it (`--data-dir`): this computer's state folder and
    // device id, so that the history is this computer's own, not another's.
    let store = Store::new(Paths::resolve(Some(std::path::Path::new(&dir)))?);
    if store.paths().journal_file().exists() {
        anyhow::bail!("{dir} already has a journal; give an empty folder");
    }
    let routine_file = sample_journal::routine_file();
    Change::SaveRoutineFile(routine_file.clone()).apply(&store)?;
    let journal = sample_journal::journal(&routine_file, last, days);
    // Through the store, in its layout (one file per month), as the app would save it.
    store.update_journal(|saved| {
        *saved = journal.clone();
        Ok::<_, StoreError>(())
    })?;
    println!("{} evenings, {} check-ins written to {dir}", journal.evenings.len(), journal.check_in_count());
    Ok(())
}
