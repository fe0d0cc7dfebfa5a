//! Putting a whole journal into a data folder through the store, in whatever layout the
//! store keeps it (one file, or one file per month since issue 24), as the app would
//! save it: the benchmarks measure the store's real layout, never a file written beside it.

use bedtime_coach::model::Journal;
use bedtime_coach::store::{Store, StoreError};

/// Replaces the folder's journal with `journal`.
pub fn save_journal(store: &Store, journal: &Journal) {
    store
        .update_journal(|saved| {
            *saved = journal.clone();
            Ok::<_, StoreError>(())
        })
        .expect("journal saved");
}
