//! Files on Linux: POSIX `rename` replaces a file atomically (the folder is flushed after
//! it so the rename survives a power cut), files are 0600 and folders 0700 whatever the
//! umask, an open never blocks (`O_NONBLOCK`: a FIFO put in place of a data file would
//! otherwise hang `open`, and with it every process waiting for the lock), a file is
//! known by its device and inode, and an export is written as an unnamed file
//! (`O_TMPFILE`) that gets its name only once it is complete.

use std::ffi::{CString, OsString};
use std::fs::{self, File, OpenOptions};
use std::io;
use std::os::fd::AsRawFd;
use std::os::unix::ffi::OsStringExt;
use std::os::unix::fs::{DirBuilderExt, FileExt, FileTypeExt, MetadataExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

use super::super::files::FileId;

/// Files are private to the user: 0600, whatever the umask.
const FILE_MODE: u32 = 0o600;
/// Folders too: 0700.
const DIR_MODE: u32 = 0o700;

/// Creates `dir` (and missing parents) with mode 0700.
pub fn create_private_dir(dir: &Path) -> io::Result<()> {
    fs::DirBuilder::new().recursive(true).mode(DIR_MODE).create(dir)
}

/// A file these options create is 0600.
pub fn private(options: &mut OpenOptions) -> &mut OpenOptions {
    options.mode(FILE_MODE)
}

/// Never blocks on opening (a FIFO, a device); what was opened is checked afterwards.
pub fn guarded(options: &mut OpenOptions) -> &mut OpenOptions {
    options.custom_flags(libc::O_NONBLOCK)
}

/// Folder, fifo, socket, device, other; `None` for a regular file.
pub fn kind_of(kind: fs::FileType) -> Option<&'static str> {
    if kind.is_file() {
        None
    } else if kind.is_dir() {
        Some("folder")
    } else if kind.is_fifo() {
        Some("fifo")
    } else if kind.is_socket() {
        Some("socket")
    } else if kind.is_char_device() || kind.is_block_device() {
        Some("device")
    } else {
        Some("other")
    }
}

/// `rename`, which POSIX makes atomic; the caller flushes the folder after it.
pub fn replace(from: &Path, to: &Path) -> io::Result<()> {
    fs::rename(from, to)
}

/// Flushes a folder, so renames and new names in it survive a power cut.
pub fn sync_dir(dir: &Path) -> io::Result<()> {
    File::open(dir)?.sync_all()
}

/// An unnamed private file in `dir` (`O_TMPFILE`); `Ok(None)` where the file system has
/// none.
pub fn create_unnamed(dir: &Path) -> io::Result<Option<File>> {
    let mut options = OpenOptions::new();
    match private(options.write(true)).custom_flags(libc::O_TMPFILE).open(dir) {
        Ok(file) => Ok(Some(file)),
        Err(error) if unnamed_unsupported(&error) => Ok(None),
        Err(error) => Err(error),
    }
}

/// Gives the unnamed `file` the name `to` (never replacing a file there: `AlreadyExists`).
pub fn link_unnamed(file: &File, to: &Path) -> io::Result<()> {
    let from = CString::new(format!("/proc/self/fd/{}", file.as_raw_fd()))?;
    let to = CString::new(to.as_os_str().as_encoded_bytes())?;
    // SAFETY: two valid C strings; `linkat` only reads them.
    let linked =
        unsafe { libc::linkat(libc::AT_FDCWD, from.as_ptr(), libc::AT_FDCWD, to.as_ptr(), libc::AT_SYMLINK_FOLLOW) };
    if linked == 0 { Ok(()) } else { Err(io::Error::last_os_error()) }
}

/// Errors that mean "no unnamed files here" rather than "this folder cannot be written".
pub fn unnamed_unsupported(error: &io::Error) -> bool {
    matches!(error.raw_os_error(), Some(libc::EOPNOTSUPP | libc::EISDIR | libc::EINVAL))
}

pub fn is_read_only_file_system(error: &io::Error) -> bool {
    error.raw_os_error() == Some(libc::EROFS)
}

pub fn write_at(file: &File, bytes: &[u8], offset: u64) -> io::Result<()> {
    file.write_all_at(bytes, offset)
}

fn id(meta: &fs::Metadata) -> FileId {
    FileId { volume: meta.dev(), index: meta.ino() }
}

/// The file at `path` (links followed): which file it is, and its metadata, in one `stat`.
pub fn id_and_metadata(path: &Path) -> io::Result<(FileId, fs::Metadata)> {
    let meta = fs::metadata(path)?;
    Ok((id(&meta), meta))
}

pub fn id_of_open(file: &File) -> io::Result<FileId> {
    Ok(id(&file.metadata()?))
}

/// The inode's change time (`ctime`): a rewrite that keeps the size and sets the
/// modification time back still changes it.
pub fn changed(meta: &fs::Metadata) -> (i64, i64) {
    (meta.ctime(), meta.ctime_nsec())
}

pub fn path_from_bytes(bytes: Vec<u8>) -> Option<PathBuf> {
    Some(PathBuf::from(OsString::from_vec(bytes)))
}

/// The permission bits of `path`, for tests that check files are private.
#[cfg(test)]
pub fn mode_of(path: &Path) -> Option<u32> {
    use std::os::unix::fs::PermissionsExt;
    Some(fs::metadata(path).ok()?.permissions().mode() & 0o777)
}
