//! The documents this process last read or wrote, by the identity of their file, so that
//! reading a file again that nobody has touched since costs a `stat`, not a parse.
//!
//! Why it exists: a click in the window is a read-modify-write (which must read under the
//! lock) followed by a reload of everything shown; without this the routine is read twice
//! and the whole journal parsed twice per click. Every save here is an atomic rename, so a
//! file replaced by any process (or edited by hand) has another inode, size or time, and
//! is read afresh: a hit is always the bytes on disk now.
//!
//! Small documents (the routine, the reminder log) are kept; the journal, which can be
//! megabytes, is kept only from a save to the next read of it, so no process holds it
//! twice for longer than that.

use std::any::Any;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::SystemTime;

use super::Loaded;
use crate::platform::files::{self, FileId};

/// What tells one version of a file from another.
#[derive(Debug, Clone, PartialEq, Eq)]
struct FileIdentity {
    id: FileId,
    size: u64,
    modified: Option<SystemTime>,
    changed: (i64, i64),
}

impl FileIdentity {
    fn of(path: &Path) -> Option<Self> {
        let (id, meta) = files::id_and_metadata(path).ok()?;
        meta.is_file().then(|| Self {
            id,
            size: meta.len(),
            modified: meta.modified().ok(),
            changed: files::changed(&meta),
        })
    }
}

struct Entry {
    identity: FileIdentity,
    value: Box<dyn Any + Send>,
    /// Kept after it is handed out (small documents); otherwise handed out once.
    keep: bool,
}

/// The documents known to this process, by resolved path.
#[derive(Default)]
pub(super) struct Known {
    entries: Mutex<HashMap<PathBuf, Entry>>,
}

impl Known {
    /// The document at `path` as last read or written here, if the file is still that one.
    pub(super) fn get<T: Clone + Send + 'static>(&self, path: &Path) -> Option<Loaded<T>> {
        let mut entries = self.entries.lock().ok()?;
        let entry = entries.get(path)?;
        if FileIdentity::of(path).as_ref() != Some(&entry.identity) {
            entries.remove(path);
            return None;
        }
        if entry.keep {
            return entry.value.downcast_ref::<Loaded<T>>().cloned();
        }
        entries.remove(path)?.value.downcast::<Loaded<T>>().ok().map(|loaded| *loaded)
    }

    /// Remembers `loaded` as the contents of `path` as the file is now.
    pub(super) fn put<T: Send + 'static>(&self, path: &Path, loaded: Loaded<T>, keep: bool) {
        let Ok(mut entries) = self.entries.lock() else { return };
        match FileIdentity::of(path) {
            Some(identity) => {
                entries.insert(path.to_owned(), Entry { identity, value: Box::new(loaded), keep });
            }
            None => {
                entries.remove(path);
            }
        }
    }

    /// Forgets `path` (its file is about to change, or changed in a way not seen here).
    pub(super) fn forget(&self, path: &Path) {
        if let Ok(mut entries) = self.entries.lock() {
            entries.remove(path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn loaded(text: &str) -> Loaded<String> {
        Loaded { value: text.to_owned(), existed: true, read_only: None }
    }

    #[test]
    fn a_file_replaced_or_edited_is_never_served_from_memory() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("doc.json");
        std::fs::write(&path, "one").unwrap();
        let known = Known::default();
        known.put(&path, loaded("one"), true);
        assert_eq!(known.get::<String>(&path).unwrap().value, "one");
        assert_eq!(known.get::<String>(&path).unwrap().value, "one", "kept");
        // Replaced atomically, as every save is: another inode.
        let temp = dir.path().join("doc.tmp");
        std::fs::write(&temp, "two").unwrap();
        std::fs::rename(&temp, &path).unwrap();
        assert!(known.get::<String>(&path).is_none());
        // Edited in place to the same length: the change time moves on.
        known.put(&path, loaded("two"), true);
        std::thread::sleep(std::time::Duration::from_millis(20));
        std::fs::write(&path, "owt").unwrap();
        assert!(known.get::<String>(&path).is_none());
        // Removed.
        known.put(&path, loaded("owt"), true);
        std::fs::remove_file(&path).unwrap();
        assert!(known.get::<String>(&path).is_none());
    }

    #[test]
    fn a_large_document_is_handed_out_once() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal.json");
        std::fs::write(&path, "{}").unwrap();
        let known = Known::default();
        known.put(&path, loaded("journal"), false);
        assert_eq!(known.get::<String>(&path).unwrap().value, "journal");
        assert!(known.get::<String>(&path).is_none(), "not held a second time");
        // Asked for as another type: nothing, and no panic.
        known.put(&path, loaded("journal"), true);
        assert!(known.get::<u32>(&path).is_none());
    }
}
