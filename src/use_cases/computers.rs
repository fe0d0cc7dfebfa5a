//! The computers that share the data folder, as Settings lists them.
//!
//! Why it exists: which computer is "this one", what it is called until the user names
//! it (its host name, which only this computer knows of itself) and which computers are
//! listed at all are rules the window and any other front end must agree on. The changes
//! that name or forget a computer are [`super::Change::NameComputer`] and
//! [`super::Change::ForgetComputer`].

pub use crate::model::computers::{Computer, MAX_NAME_CHARS};

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
}
