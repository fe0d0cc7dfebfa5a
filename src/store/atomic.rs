//! Crash-safe writes: a save either happened completely or not at all.
//!
//! The new bytes go to a temporary file in the same folder, are flushed to the disk, and
//! replace the old file with one `rename`, which POSIX makes atomic; the folder is then
//! flushed so the rename itself survives a power cut. The previous generation is kept as
//! `NAME.bak` (a hard link, so it costs no copy), the first place recovery looks.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

/// Files are private to the user: 0600, whatever the umask.
pub const FILE_MODE: u32 = 0o600;
/// Folders too: 0700.
pub const DIR_MODE: u32 = 0o700;

/// `NAME` + `suffix` beside `path`.
pub fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(suffix);
    path.with_file_name(name)
}

/// A hidden sibling used only while writing: `.NAME.suffix`.
fn hidden_sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut name = std::ffi::OsString::from(".");
    name.push(path.file_name().unwrap_or_default());
    name.push(suffix);
    path.with_file_name(name)
}

/// Creates `dir` (and missing parents) with mode 0700.
pub fn create_private_dir(dir: &Path) -> io::Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    fs::DirBuilder::new().recursive(true).mode(DIR_MODE).create(dir)
}

/// Creates or opens a private (0600) file without truncating it.
pub(super) fn open_private(path: &Path) -> io::Result<File> {
    OpenOptions::new().read(true).write(true).create(true).truncate(false).mode(FILE_MODE).open(path)
}

/// Replaces `path` with `bytes` atomically and durably, keeping the old file as `NAME.bak`.
///
/// Callers hold the store's lock, so the temporary names cannot clash between processes.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let tmp = hidden_sibling(path, ".tmp");
    write_new_file(&tmp, bytes)?;
    if path.exists() {
        // Link first, then rename over the old backup, so a backup always exists.
        let bak_tmp = hidden_sibling(path, ".bak.tmp");
        remove_if_exists(&bak_tmp)?;
        fs::hard_link(path, &bak_tmp)?;
        fs::rename(&bak_tmp, sibling(path, ".bak"))?;
    }
    fs::rename(&tmp, path)?;
    File::open(dir)?.sync_all()
}

/// Replaces `path` with `bytes` atomically, without keeping a backup: for files that are
/// not the user's data, such as the autostart entry, where a `.bak` would be clutter.
pub fn replace_file(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let tmp = hidden_sibling(path, ".tmp");
    write_new_file(&tmp, bytes)?;
    fs::rename(&tmp, path)?;
    File::open(dir)?.sync_all()
}

/// Removes a file; a file that is already gone is not an error.
pub fn remove_file_if_exists(path: &Path) -> io::Result<()> {
    remove_if_exists(path)
}

/// Writes a fresh private file and flushes it (used for the file and for backups).
pub fn write_new_file(path: &Path, bytes: &[u8]) -> io::Result<()> {
    remove_if_exists(path)?;
    let mut file = OpenOptions::new().write(true).create_new(true).mode(FILE_MODE).open(path)?;
    file.write_all(bytes)?;
    file.sync_all()
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
    use std::os::unix::fs::PermissionsExt;

    #[test]
    fn replaces_and_keeps_a_backup_with_private_modes() {
        let dir = tempfile::tempdir().unwrap();
        let nested = dir.path().join("a/b");
        create_private_dir(&nested).unwrap();
        assert_eq!(fs::metadata(&nested).unwrap().permissions().mode() & 0o777, 0o700);
        let file = nested.join("journal.json");
        write_atomic(&file, b"one").unwrap();
        write_atomic(&file, b"two").unwrap();
        assert_eq!(fs::read(&file).unwrap(), b"two");
        assert_eq!(fs::read(sibling(&file, ".bak")).unwrap(), b"one");
        assert_eq!(fs::metadata(&file).unwrap().permissions().mode() & 0o777, 0o600);
        let leftovers: Vec<_> = fs::read_dir(&nested).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(leftovers.len(), 2, "{leftovers:?}");
    }
}
