//! Two computers on one shared data folder, at the store's level (`tests/store_devices*.rs`):
//! each a `Store` on the same data folder with a state folder of its own, and the evening
//! their check-ins and undos are made on.

use std::fs;
use std::path::{Path, PathBuf};

use bedtime_coach::model::{CheckIn, Journal, Outcome};
use bedtime_coach::store::{Paths, Store, StoreError};
use chrono::{DateTime, FixedOffset, NaiveDate};

/// The evening the tests record on.
pub fn evening() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 5).unwrap()
}

pub fn at(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).unwrap()
}

/// One computer on the shared folder `data`, its state in `state`.
pub fn computer(data: &Path, state: &Path) -> Store {
    Store::new(Paths::with_state(data, state))
}

/// `step` checked on the evening at `time` (the change dated `time`).
pub fn try_check(store: &Store, step: &str, time: &str) -> Result<(), StoreError> {
    store
        .dated(Some(at(time)), || {
            store.update_evenings(evening()..=evening(), |journal| {
                journal.record(evening(), step, CheckIn::new(Outcome::Done, at(time), None));
                Ok::<_, StoreError>(())
            })
        })
        .map(|_| ())
}

pub fn check(store: &Store, step: &str, time: &str) {
    try_check(store, step, time).unwrap_or_else(|e| panic!("checking {step}: {e}"));
}

/// `step`'s check-in taken back, the change dated `time`.
pub fn undo(store: &Store, step: &str, time: &str) {
    store
        .dated(Some(at(time)), || {
            store.update_evenings(evening()..=evening(), |journal| {
                journal.undo(evening(), step);
                Ok::<_, StoreError>(())
            })
        })
        .unwrap();
}

/// The steps checked on the evening, as `store` reads every computer's files.
pub fn steps(store: &Store) -> Vec<String> {
    let journal: Journal = store.load_journal().unwrap_or_else(|e| panic!("loading: {e}")).value;
    journal.evening(evening()).map(|e| e.checks.keys().cloned().collect()).unwrap_or_default()
}

/// The names in `dir`, sorted (none when it is missing).
pub fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = match fs::read_dir(dir) {
        Ok(entries) => entries.map(|e| e.unwrap().file_name().into_string().unwrap()).collect(),
        Err(_) => Vec::new(),
    };
    names.sort();
    names
}

/// A shared data folder and two computers' state folders.
pub struct Two {
    pub data: tempfile::TempDir,
    pub state_a: tempfile::TempDir,
    pub state_b: tempfile::TempDir,
}

impl Two {
    pub fn new() -> Self {
        Self {
            data: tempfile::tempdir().unwrap(),
            state_a: tempfile::tempdir().unwrap(),
            state_b: tempfile::tempdir().unwrap(),
        }
    }
    pub fn a(&self) -> Store {
        computer(self.data.path(), self.state_a.path())
    }
    pub fn b(&self) -> Store {
        computer(self.data.path(), self.state_b.path())
    }
    pub fn months(&self) -> PathBuf {
        self.data.path().join("journal")
    }
}
