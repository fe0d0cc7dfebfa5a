//! This computer's device id: the name of the files it writes in a data folder that
//! several computers share through a sync tool (`journal/2026-12.<id>.json`), so that no
//! two computers ever write the same file.
//!
//! It is made once, at random, and kept in the state folder (`Paths::device_file`), which
//! is never synced: a copy of the data folder on another computer must not take this
//! computer's name. Processes making it take turns under `device-id.lock` (only while
//! there is no valid id: reading one takes no lock), and should two still make one at
//! once they agree on one (the first link wins).

use std::path::Path;

use super::read::{Contents, read_capped};
use super::{IoAction, StoreError, atomic};

/// A computer's name in file names: 1 to 32 lowercase letters and digits (this version
/// makes 16 hexadecimal digits).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DeviceId(String);

impl DeviceId {
    /// `text` if it is a device id as file names hold them.
    pub fn parse(text: &str) -> Option<Self> {
        let valid =
            (1..=32).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_digit() || b.is_ascii_lowercase());
        valid.then(|| Self(text.to_owned()))
    }

    /// A device id as a file's name spells it: as [`DeviceId::parse`], capitals allowed.
    /// A system that ignores case (Windows, macOS) may keep a file's name in capitals (a
    /// sync tool, a user renaming it); read as another computer's (never this one's, whose
    /// id is lowercase), its evenings stay in view, and there this computer's own file,
    /// which it is, is written with everything it held.
    pub fn parse_name(text: &str) -> Option<Self> {
        let valid = (1..=32).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_alphanumeric());
        valid.then(|| Self(text.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// A new id, random: the standard library's hasher seeds come from the system's
    /// random source, mixed with the time and the process.
    fn random() -> Self {
        use std::hash::{BuildHasher, RandomState};
        let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos());
        let value = RandomState::new().hash_one((nanos, std::process::id()));
        Self(format!("{value:016x}"))
    }
}

impl std::fmt::Display for DeviceId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// The id kept in `file`, made there first if there is none (or what is there is not an
/// id: kept aside as `device-id.corrupt-TIME`, and this computer's files go by a new name;
/// the old ones stay part of the history, as another computer's).
pub(super) fn load_or_create(file: &Path) -> Result<DeviceId, StoreError> {
    if let Some(id) = read(file)? {
        return Ok(id);
    }
    let dir = file.parent().unwrap_or(Path::new("."));
    atomic::create_private_dir(dir).map_err(|e| StoreError::io(IoAction::CreateFolder, dir, e))?;
    // Held until the new id is in place: processes making the id take turns, each reading
    // it again first, so none moves aside (or races past) the id another has just made.
    let _turn = take_turn(file)?;
    if let Some(id) = read(file)? {
        return Ok(id);
    }
    if let Ok(found) = std::fs::symlink_metadata(file) {
        let label = format!("corrupt-{}", super::recovery::stamp());
        // A folder cannot be linked under another name as a file can: renamed.
        let moved = if found.is_dir() {
            std::fs::rename(file, atomic::sibling(file, &format!(".{label}")))
        } else {
            atomic::move_aside(file, file, &label).map(drop)
        };
        moved.map_err(|e| StoreError::io(IoAction::MoveAside, file, e))?;
    }
    let id = DeviceId::random();
    let fresh = atomic::sibling(file, &format!(".{}.tmp", id.as_str()));
    atomic::replace_file(&fresh, format!("{id}\n").as_bytes()).map_err(|e| StoreError::io(IoAction::Save, file, e))?;
    let linked = link_when_free(&fresh, file);
    let _ = std::fs::remove_file(&fresh);
    linked.map(|found| found.unwrap_or(id))
}

/// Links `fresh` as `file` (a link, not a rename: should another process have put an id
/// there, that one is kept and returned). On Windows the name of a damaged id just moved
/// aside stays until every process reading it (as reads do, without the lock) has closed
/// it, and a link to it fails meanwhile: tried again for a moment, until it goes.
fn link_when_free(fresh: &Path, file: &Path) -> Result<Option<DeviceId>, StoreError> {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(3);
    loop {
        let error = match std::fs::hard_link(fresh, file) {
            Ok(()) => return Ok(None),
            Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => error,
            Err(error) => return Err(StoreError::io(IoAction::Save, file, error)),
        };
        match read(file) {
            Ok(Some(found)) => return Ok(Some(found)),
            _ if std::time::Instant::now() < deadline => std::thread::sleep(std::time::Duration::from_millis(10)),
            Ok(None) => return Err(StoreError::io(IoAction::Read, file, error)),
            Err(read_error) => return Err(read_error),
        }
    }
}

/// `device-id.lock` beside `file`, locked (waiting for another process making the id):
/// unlocked when dropped, at the end of [`load_or_create`]. Opened close-on-exec (the
/// standard library's way), so a program started meanwhile (the window, the reminder
/// service, both detached) never inherits it and keeps it locked; private (0600) like
/// every file of the app's, never blocking on a FIFO put there, refused with a sentence
/// if it is no file.
fn take_turn(file: &Path) -> Result<std::fs::File, StoreError> {
    let path = atomic::sibling(file, ".lock");
    let lock = super::lock::open_lock_file(&path, |e| StoreError::io(IoAction::Lock, &path, e))?;
    lock.lock().map_err(|e| StoreError::io(IoAction::Lock, &path, e))?;
    Ok(lock)
}

/// The id kept in `file`, if there is a valid one; nothing is made.
pub(super) fn find(file: &Path) -> Option<DeviceId> {
    read(file).ok().flatten()
}

/// The id in `file`; `None` when there is none, or what is there is no id: a folder, a
/// FIFO (never waited on), a file larger than an id is.
fn read(file: &Path) -> Result<Option<DeviceId>, StoreError> {
    match read_capped(file, 1024) {
        Ok(Contents::Bytes(bytes)) => {
            Ok(std::str::from_utf8(&bytes).ok().and_then(|text| DeviceId::parse(text.trim())))
        }
        Ok(Contents::Missing | Contents::TooLarge(_)) | Err(StoreError::NotRegular { .. }) => Ok(None),
        Err(error) => Err(error),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn made_once_then_kept() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("state").join("device-id");
        let first = load_or_create(&file).unwrap();
        assert_eq!(first.as_str().len(), 16);
        assert_eq!(load_or_create(&file).unwrap(), first);
        let mut names: Vec<String> = std::fs::read_dir(dir.path().join("state"))
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        names.sort();
        assert_eq!(names, ["device-id", "device-id.lock"], "no temporary file left");
    }

    /// Whether another process could take `file`'s lock now (a second open of it is
    /// another open file, so this process's own lock counts too).
    fn lock_is_free(file: &Path) -> bool {
        let lock = std::fs::File::options().write(true).open(atomic::sibling(file, ".lock")).unwrap();
        lock.try_lock().is_ok()
    }

    #[test]
    fn the_lock_is_let_go_once_the_id_is_made_or_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("device-id");
        load_or_create(&file).unwrap();
        assert!(lock_is_free(&file), "made");
        std::fs::write(&file, "damaged!").unwrap();
        load_or_create(&file).unwrap();
        assert!(lock_is_free(&file), "replaced");
    }

    #[test]
    fn reading_an_id_takes_no_lock() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("device-id");
        std::fs::write(&file, "0a1b2c3d4e5f6071\n").unwrap();
        let held = take_turn(&file).unwrap();
        // Another process making the id now: an id in place is read without waiting.
        assert_eq!(load_or_create(&file).unwrap().as_str(), "0a1b2c3d4e5f6071");
        assert_eq!(find(&file).unwrap().as_str(), "0a1b2c3d4e5f6071");
        drop(held);
    }

    /// The window and the reminder service are started detached, and outlive their
    /// starter: one started while the id was being made must not keep its lock.
    #[cfg(unix)]
    #[test]
    fn a_program_started_while_the_lock_is_held_does_not_keep_it() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("device-id");
        let turn = take_turn(&file).unwrap();
        assert!(!lock_is_free(&file));
        let mut child = std::process::Command::new("sleep").arg("30").spawn().unwrap();
        drop(turn);
        let free = lock_is_free(&file);
        let _ = child.kill();
        let _ = child.wait();
        assert!(free, "the child kept the lock");
    }

    /// As on Windows, where the name of the damaged id moved aside lingers while another
    /// process still reads it: the new id is linked once the name is gone.
    #[test]
    fn the_new_id_waits_for_a_lingering_name_to_go() {
        let dir = tempfile::tempdir().unwrap();
        let (fresh, file) = (dir.path().join("fresh"), dir.path().join("device-id"));
        std::fs::write(&fresh, "0a1b2c3d4e5f6071\n").unwrap();
        std::fs::write(&file, "damaged!").unwrap();
        let linked = std::thread::scope(|scope| {
            scope.spawn(|| {
                std::thread::sleep(std::time::Duration::from_millis(100));
                std::fs::remove_file(&file).unwrap();
            });
            link_when_free(&fresh, &file)
        });
        assert_eq!(linked.unwrap(), None, "its own id linked");
        assert_eq!(find(&file).unwrap().as_str(), "0a1b2c3d4e5f6071");
        // An id put there meanwhile is the one kept.
        std::fs::remove_file(&fresh).unwrap();
        std::fs::write(&fresh, "ffff\n").unwrap();
        assert_eq!(link_when_free(&fresh, &file).unwrap().unwrap().as_str(), "0a1b2c3d4e5f6071");
    }

    #[test]
    fn a_lock_file_that_is_no_file_is_refused_in_one_sentence() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("device-id");
        std::fs::create_dir(atomic::sibling(&file, ".lock")).unwrap();
        let error = load_or_create(&file).unwrap_err();
        assert!(matches!(error, StoreError::NotRegular { kind: "folder", .. }), "{error:?}");
        assert!(!file.exists(), "no id made without the lock");
    }

    #[test]
    fn many_processes_at_once_agree_on_one() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("device-id");
        let ids: Vec<DeviceId> = std::thread::scope(|scope| {
            let threads: Vec<_> = (0..8).map(|_| scope.spawn(|| load_or_create(&file).unwrap())).collect();
            threads.into_iter().map(|t| t.join().unwrap()).collect()
        });
        assert!(ids.iter().all(|id| *id == ids[0]), "{ids:?}");
    }

    #[test]
    fn a_damaged_id_is_kept_aside_and_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("device-id");
        std::fs::write(&file, "../../etc\n").unwrap();
        let id = load_or_create(&file).unwrap();
        assert!(DeviceId::parse(id.as_str()).is_some());
        let names: Vec<String> =
            std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
        assert!(names.iter().any(|n| n.starts_with("device-id.corrupt-")), "{names:?}");
    }

    #[test]
    fn only_plain_ids_parse() {
        assert!(DeviceId::parse("0a1b2c3d4e5f6071").is_some());
        for bad in ["", "ABC", "a.b", "a b", "../x", &"a".repeat(33), "é"] {
            assert!(DeviceId::parse(bad).is_none(), "{bad:?}");
        }
        assert_eq!(DeviceId::parse_name("0A1B").map(|id| id.to_string()).as_deref(), Some("0A1B"));
        for bad in ["", "a.b", "a b", "../x", &"a".repeat(33), "é", "a-b"] {
            assert!(DeviceId::parse_name(bad).is_none(), "{bad:?}");
        }
    }
}
