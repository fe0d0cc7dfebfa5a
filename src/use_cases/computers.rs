//! The computers that share the data folder, as Settings lists them.
//!
//! Why it exists: which computer is "this one", what it is called until the user names
//! it (its host name, which only this computer knows of itself) and which computers are
//! listed at all are rules the window and any other front end must agree on. The changes
//! that name or forget a computer are [`super::Change::NameComputer`] and
//! [`super::Change::ForgetComputer`]. Here too: the data folder this computer uses, chosen
//! in Settings by those who never type a command line (a synced folder, say), kept in
//! this computer's state folder and used from the next start.

pub use crate::model::computers::{Computer, MAX_NAME_CHARS};

use std::path::{Path, PathBuf};

use super::Coach;
use crate::model::computers::listed;
use crate::store::StoreError;

/// This computer's host name as the platform says it: what it is called until named.
pub(super) fn this_host() -> Option<String> {
    crate::platform::host::host_name()
}

impl Coach {
    /// The computers to list: this one first, then every other that wrote to the folder
    /// and is not forgotten (or wrote again since), the latest to write first.
    pub fn computers(&self) -> Result<Vec<Computer>, StoreError> {
        let mut seen = self.store.computers()?;
        if let Some(host) = this_host() {
            seen.hosts.insert(seen.this.clone(), host);
        }
        Ok(listed(&seen.names, &seen.hosts, &seen.wrote, &seen.this))
    }

    /// The data folder this computer chose in Settings, if it did: what every program
    /// started from now on without `--data-dir` uses.
    pub fn folder_choice(&self) -> Option<PathBuf> {
        self.paths().folder_choice()
    }

    /// Chooses the data folder for the next start (`None`: the usual folders again).
    pub fn choose_data_folder(&self, folder: Option<&Path>) -> Result<(), StoreError> {
        self.paths().save_folder_choice(folder)
    }
}
