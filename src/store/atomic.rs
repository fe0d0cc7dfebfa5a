//! Crash-safe writes: a save either happened completely or not at all.
//!
//! The new bytes go to a temporary file in the same folder, are flushed to the disk, and
//! replace the old file in one step (`rename`, which POSIX makes atomic; `MoveFileExW`
//! on Windows: see [`crate::platform::files`]); the folder is then flushed so the rename
//! itself survives a power cut. The previous generation is kept as
//! `NAME.bak` (a hard link, so it costs no copy), the first place recovery looks.
//!
//! Files kept aside (damaged files, unusable backups, copies made before a migration) get
//! names that no later step reuses: they are created with `link`, which like `O_EXCL`
//! fails rather than replace an existing name, and a counter picks the next free one.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::platform::files::{self as system, guarded, private};

/// `NAME` + `suffix` beside `path`.
pub fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(suffix);
    path.with_file_name(name)
}

/// A hidden sibling used only while writing: `.NAME.suffix`.
pub(super) fn hidden_sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut name = std::ffi::OsString::from(".");
    name.push(path.file_name().unwrap_or_default());
    name.push(suffix);
    path.with_file_name(name)
}

/// Creates `dir` (and missing parents), private to the user (0700 on Unix).
pub fn create_private_dir(dir: &Path) -> io::Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    system::create_private_dir(dir)
}

/// Opens for reading without ever blocking: a FIFO put in place of a data file would
/// otherwise hang `open` (and with it every process waiting for the lock). What opened
/// is then checked with [`irregular_kind`].
pub(super) fn open_nonblocking(path: &Path) -> io::Result<File> {
    guarded(OpenOptions::new().read(true)).open(path)
}

/// Creates or opens a private file (0600 on Unix) without truncating it or blocking on it.
pub(super) fn open_private(path: &Path) -> io::Result<File> {
    guarded(private(OpenOptions::new().read(true).write(true).create(true).truncate(false))).open(path)
}

/// Creates or opens a private file for appending, never blocking on it.
pub(super) fn open_private_append(path: &Path) -> io::Result<File> {
    guarded(private(OpenOptions::new().create(true).append(true))).open(path)
}

/// What a file that is not a regular file is, as the `$kind` of `store-error-not-regular`
/// (folder, fifo, socket, device, other); `None` for a regular file.
pub(super) fn irregular_kind(file: &File) -> io::Result<Option<&'static str>> {
    Ok(kind_of(file.metadata()?.file_type()))
}

/// [`irregular_kind`] of a file type already at hand.
pub(super) fn kind_of(kind: fs::FileType) -> Option<&'static str> {
    system::kind_of(kind)
}

/// Flushes a folder, so renames and new names in it survive a power cut.
pub(super) fn sync_dir(dir: &Path) -> io::Result<()> {
    #[cfg(test)]
    if FAIL_FOLDER_FLUSH.get() {
        return Err(io::Error::other("a folder flush failed on purpose (test)"));
    }
    system::sync_dir(dir)
}

#[cfg(test)]
thread_local! {
    /// Tests set this to see what a save does when only its last step, flushing the
    /// folder, fails (a real disk does so rarely, and not on demand).
    pub(super) static FAIL_FOLDER_FLUSH: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// The error of a replacement that did happen: the new file is in place under its name,
/// only flushing the folder afterwards failed, so a power cut could still undo it.
#[derive(Debug)]
pub struct FolderNotFlushed(pub io::Error);

impl std::fmt::Display for FolderNotFlushed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

impl std::error::Error for FolderNotFlushed {}

/// Flushes the folder of a file just renamed into place; a failure is a
/// [`FolderNotFlushed`] (see [`not_flushed`]).
fn sync_after_rename(path: &Path) -> io::Result<()> {
    sync_dir(parent(path)).map_err(|error| io::Error::new(error.kind(), FolderNotFlushed(error)))
}

/// The cause, when `error` says a file was replaced but its folder not flushed.
pub fn not_flushed(error: &io::Error) -> Option<&io::Error> {
    error.get_ref()?.downcast_ref::<FolderNotFlushed>().map(|not| &not.0)
}

fn parent(path: &Path) -> &Path {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    }
}

/// Replaces `path` with `bytes` atomically and durably, keeping the old file as `NAME.bak`.
/// An error after the rename (the folder flush) is a `FolderNotFlushed`: the new bytes
/// are in place by then, and callers must not say they are not.
///
/// Callers hold the store's lock, so the temporary names cannot clash between processes.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let tmp = hidden_sibling(path, ".tmp");
    write_new_file(&tmp, bytes)?;
    if fs::symlink_metadata(path).is_ok() {
        // Link first, then rename over the old backup, so a backup always exists.
        let bak_tmp = hidden_sibling(path, ".bak.tmp");
        let linked = remove_if_exists(&bak_tmp)
            .and_then(|()| fs::hard_link(path, &bak_tmp))
            .and_then(|()| system::replace(&bak_tmp, &sibling(path, ".bak")));
        if let Err(error) = linked {
            let _ = fs::remove_file(&tmp);
            return Err(error);
        }
    }
    system::replace(&tmp, path)?;
    sync_after_rename(path)
}

/// Replaces `path` with `bytes` atomically, without keeping a backup: for files that are
/// not the user's data, such as the autostart entry, where a `.bak` would be clutter, and
/// for restoring a backup, which must not rotate that very backup away.
pub fn replace_file(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let tmp = hidden_sibling(path, ".tmp");
    write_new_file(&tmp, bytes)?;
    system::replace(&tmp, path)?;
    sync_after_rename(path)
}

/// Like [`replace_file`], for a file handed to the user (an export, a summary) in a folder
/// of theirs: the bytes are written to an unnamed file (`O_TMPFILE` on Linux), which a
/// process killed while writing leaves nowhere (a named `.NAME.tmp` of health data would
/// stay in the user's folder), and only then given a name. A new file gets its name at
/// once; one that replaces another goes through a hidden name for the instant of one
/// rename. Where the system or file system has no unnamed files (Windows; or `/proc` is
/// missing), it falls back to [`replace_file`].
pub fn replace_user_file(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let Some(mut file) = system::create_unnamed(parent(path))? else { return replace_file(path, bytes) };
    file.write_all(bytes)?;
    file.sync_all()?;
    match system::link_unnamed(&file, path) {
        Ok(()) => return sync_after_rename(path),
        Err(error) if error.kind() == io::ErrorKind::AlreadyExists => {}
        Err(error) if system::unnamed_unsupported(&error) || error.kind() == io::ErrorKind::NotFound => {
            return replace_file(path, bytes);
        }
        Err(error) => return Err(error),
    }
    let tmp = hidden_sibling(path, ".tmp");
    remove_if_exists(&tmp)?;
    system::link_unnamed(&file, &tmp)?;
    if let Err(error) = system::replace(&tmp, path) {
        let _ = fs::remove_file(&tmp);
        return Err(error);
    }
    sync_after_rename(path)
}

/// Removes a file; a file that is already gone is not an error.
pub fn remove_file_if_exists(path: &Path) -> io::Result<()> {
    remove_if_exists(path)
}

/// Writes a fresh private file and flushes it; a partly written one is removed again
/// (a full disk must not leave half a file behind).
pub fn write_new_file(path: &Path, bytes: &[u8]) -> io::Result<()> {
    remove_if_exists(path)?;
    let mut file = private(OpenOptions::new().write(true).create_new(true)).open(path)?;
    if let Err(error) = file.write_all(bytes).and_then(|()| file.sync_all()) {
        drop(file);
        let _ = fs::remove_file(path);
        return Err(error);
    }
    Ok(())
}

/// The `n`th candidate name for something kept aside: `NAME.label`, then `NAME.label-2`, …
fn numbered(path: &Path, label: &str, n: u32) -> PathBuf {
    if n == 1 { sibling(path, &format!(".{label}")) } else { sibling(path, &format!(".{label}-{n}")) }
}

/// Links `from` to the first free name `NAME.label[-n]` beside `path`; `link` never
/// replaces an existing name, so two processes (or two damaged files in one second)
/// can never take the same one.
fn link_unique(from: &Path, path: &Path, label: &str) -> io::Result<PathBuf> {
    for n in 1..10_000 {
        let candidate = numbered(path, label, n);
        match fs::hard_link(from, &candidate) {
            Ok(()) => return Ok(candidate),
            Err(error) if error.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(error) => return Err(error),
        }
    }
    Err(io::Error::new(io::ErrorKind::AlreadyExists, "too many files kept aside already"))
}

/// Keeps a copy of `bytes` as `NAME.label[-n]` beside `path` and returns its name. The
/// copy appears complete or not at all (written to a temporary file, flushed, then
/// linked to its name), and the file at `path` is not touched.
pub fn keep_copy(path: &Path, label: &str, bytes: &[u8]) -> io::Result<PathBuf> {
    let tmp = hidden_sibling(path, ".aside.tmp");
    write_new_file(&tmp, bytes)?;
    let kept = link_unique(&tmp, path, label);
    let removed = fs::remove_file(&tmp);
    let kept = kept?;
    removed?;
    sync_dir(parent(path))?;
    Ok(kept)
}

/// Renames the file at `from` to `NAME.label[-n]` beside `path` (never replacing another
/// file) and returns the new name.
pub fn move_aside(from: &Path, path: &Path, label: &str) -> io::Result<PathBuf> {
    let kept = link_unique(from, path, label)?;
    fs::remove_file(from)?;
    sync_dir(parent(path))?;
    Ok(kept)
}

/// Makes a FIFO at `path`, as an attacker or a confused user would put in a file's place.
#[cfg(all(test, unix))]
pub(crate) fn mkfifo(path: &Path) {
    let c_path = std::ffi::CString::new(path.as_os_str().as_encoded_bytes()).unwrap();
    assert_eq!(unsafe { libc::mkfifo(c_path.as_ptr(), 0o600) }, 0);
}

fn remove_if_exists(path: &Path) -> io::Result<()> {
    match fs::remove_file(path) {
        Err(error) if error.kind() != io::ErrorKind::NotFound => Err(error),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_and_keeps_a_backup_with_private_modes() {
        let dir = tempfile::tempdir().unwrap();
        let nested = dir.path().join("a/b");
        create_private_dir(&nested).unwrap();
        assert!(crate::platform::files::mode_of(&nested).is_none_or(|mode| mode == 0o700));
        let file = nested.join("journal.json");
        write_atomic(&file, b"one").unwrap();
        write_atomic(&file, b"two").unwrap();
        assert_eq!(fs::read(&file).unwrap(), b"two");
        assert_eq!(fs::read(sibling(&file, ".bak")).unwrap(), b"one");
        assert!(crate::platform::files::mode_of(&file).is_none_or(|mode| mode == 0o600));
        let leftovers: Vec<_> = fs::read_dir(&nested).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(leftovers.len(), 2, "{leftovers:?}");
    }

    #[test]
    fn a_user_file_is_written_new_or_replaced_with_nothing_left_beside_it() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("export.csv");
        replace_user_file(&file, b"one").unwrap();
        assert_eq!(fs::read(&file).unwrap(), b"one");
        replace_user_file(&file, b"two").unwrap();
        assert_eq!(fs::read(&file).unwrap(), b"two");
        assert!(crate::platform::files::mode_of(&file).is_none_or(|mode| mode == 0o600));
        let names: Vec<_> = fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names, vec![std::ffi::OsString::from("export.csv")]);
        assert!(replace_user_file(&dir.path().join("missing/export.csv"), b"x").is_err());
    }

    #[test]
    fn copies_kept_aside_never_share_a_name() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("journal.json");
        fs::write(&file, b"live").unwrap();
        let first = keep_copy(&file, "corrupt-20261126T210000", b"first").unwrap();
        let second = keep_copy(&file, "corrupt-20261126T210000", b"second").unwrap();
        assert_eq!(first, dir.path().join("journal.json.corrupt-20261126T210000"));
        assert_eq!(second, dir.path().join("journal.json.corrupt-20261126T210000-2"));
        assert_eq!(fs::read(&first).unwrap(), b"first");
        assert_eq!(fs::read(&second).unwrap(), b"second");
        assert_eq!(fs::read(&file).unwrap(), b"live", "the file itself is untouched");
        let bak = sibling(&file, ".bak");
        fs::write(&bak, b"old").unwrap();
        let moved = move_aside(&bak, &file, "corrupt-20261126T210000").unwrap();
        assert_eq!(moved, dir.path().join("journal.json.corrupt-20261126T210000-3"));
        assert_eq!(fs::read(&moved).unwrap(), b"old");
        assert!(!bak.exists());
        let names: Vec<_> = fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names.len(), 4, "no temporary files left: {names:?}");
    }
}
