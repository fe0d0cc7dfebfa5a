//! Files on Windows.
//!
//! - Atomic replace: `MoveFileExW` with `MOVEFILE_REPLACE_EXISTING` (one step: a reader
//!   opens the old file or the new one) and `MOVEFILE_WRITE_THROUGH` (it returns once
//!   the move is on the disk, so there is no folder to flush afterwards: Windows cannot
//!   flush a folder, and NTFS journals the rename). An antivirus or the search indexer
//!   that has just opened the file makes the move fail for a moment with a sharing
//!   violation or "access denied": it is tried again for up to a second.
//! - Private files: there are no modes. The data lives in the user's profile
//!   (`%APPDATA%`, `%LOCALAPPDATA%`), whose access list lets in only the user, the
//!   administrators and the system; a new file inherits that list. Nothing is loosened
//!   here, so a file is as private as the profile, the counterpart of 0600 under a 0700
//!   home. A folder chosen with `--data-dir` elsewhere keeps that folder's list.
//! - Regular files: a file is opened with `FILE_FLAG_OPEN_REPARSE_POINT` (a symbolic
//!   link or junction is opened itself, not followed, and then refused) and
//!   `FILE_FLAG_BACKUP_SEMANTICS` (a folder in a file's place opens too, to be refused
//!   by its kind rather than with "access denied").
//! - File identity: the volume's serial number and the file's index
//!   (`GetFileInformationByHandle`), Windows's device and inode.
//! - Flushing a file is `FlushFileBuffers` (std's `sync_all`).

use std::ffi::OsString;
use std::fs::{self, File, OpenOptions};
use std::io;
use std::os::windows::ffi::OsStrExt;
use std::os::windows::fs::{FileExt, FileTypeExt, MetadataExt, OpenOptionsExt};
use std::os::windows::io::AsRawHandle;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use windows_sys::Win32::Foundation::{ERROR_ACCESS_DENIED, ERROR_SHARING_VIOLATION, ERROR_WRITE_PROTECT};
use windows_sys::Win32::Storage::FileSystem::{
    BY_HANDLE_FILE_INFORMATION, FILE_FLAG_BACKUP_SEMANTICS, FILE_FLAG_OPEN_REPARSE_POINT, GetFileInformationByHandle,
    MOVEFILE_REPLACE_EXISTING, MOVEFILE_WRITE_THROUGH, MoveFileExW,
};

use super::super::files::FileId;

/// How long a replace is tried again while another process holds the file.
const REPLACE_RETRY_FOR: Duration = Duration::from_secs(1);
const REPLACE_RETRY_EVERY: Duration = Duration::from_millis(25);

/// Creates `dir` and missing parents; they inherit the profile's access list.
pub fn create_private_dir(dir: &Path) -> io::Result<()> {
    fs::create_dir_all(dir)
}

/// Nothing to add: a new file inherits its folder's access list (see the module's doc).
pub fn private(options: &mut OpenOptions) -> &mut OpenOptions {
    options
}

/// Opens a link or a folder in a file's place as itself, so that it can be refused.
pub fn guarded(options: &mut OpenOptions) -> &mut OpenOptions {
    options.custom_flags(FILE_FLAG_BACKUP_SEMANTICS | FILE_FLAG_OPEN_REPARSE_POINT)
}

/// Folder, other (a symbolic link or junction, opened itself); `None` for a regular file.
pub fn kind_of(kind: fs::FileType) -> Option<&'static str> {
    if kind.is_symlink() || kind.is_symlink_file() || kind.is_symlink_dir() {
        Some("other")
    } else if kind.is_file() {
        None
    } else if kind.is_dir() {
        Some("folder")
    } else {
        Some("other")
    }
}

fn wide(path: &Path) -> Vec<u16> {
    path.as_os_str().encode_wide().chain(std::iter::once(0)).collect()
}

/// Whether `error` is another process holding the file for a moment.
fn held_by_another(error: &io::Error) -> bool {
    let code = error.raw_os_error().and_then(|code| u32::try_from(code).ok());
    matches!(code, Some(ERROR_SHARING_VIOLATION | ERROR_ACCESS_DENIED))
}

/// `MoveFileExW(from, to, REPLACE_EXISTING | WRITE_THROUGH)`, tried again for up to a
/// second while another process holds `to`.
pub fn replace(from: &Path, to: &Path) -> io::Result<()> {
    let (from, to) = (wide(from), wide(to));
    let start = Instant::now();
    loop {
        // SAFETY: two NUL-terminated wide strings that outlive the call.
        let moved =
            unsafe { MoveFileExW(from.as_ptr(), to.as_ptr(), MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH) };
        if moved != 0 {
            return Ok(());
        }
        let error = io::Error::last_os_error();
        if !held_by_another(&error) || start.elapsed() >= REPLACE_RETRY_FOR {
            return Err(error);
        }
        std::thread::sleep(REPLACE_RETRY_EVERY);
    }
}

/// Nothing to do: the move was written through (see the module's doc).
pub fn sync_dir(_dir: &Path) -> io::Result<()> {
    Ok(())
}

/// Windows has no unnamed files: the caller writes a hidden temporary file instead.
pub fn create_unnamed(_dir: &Path) -> io::Result<Option<File>> {
    Ok(None)
}

pub fn link_unnamed(_file: &File, _to: &Path) -> io::Result<()> {
    Err(io::ErrorKind::Unsupported.into())
}

pub fn unnamed_unsupported(error: &io::Error) -> bool {
    error.kind() == io::ErrorKind::Unsupported
}

pub fn is_read_only_file_system(error: &io::Error) -> bool {
    error.raw_os_error().and_then(|code| u32::try_from(code).ok()) == Some(ERROR_WRITE_PROTECT)
}

pub fn write_at(file: &File, mut bytes: &[u8], mut offset: u64) -> io::Result<()> {
    while !bytes.is_empty() {
        match file.seek_write(bytes, offset) {
            Ok(0) => return Err(io::ErrorKind::WriteZero.into()),
            Ok(written) => {
                bytes = &bytes[written..];
                offset += written as u64;
            }
            Err(error) if error.kind() == io::ErrorKind::Interrupted => {}
            Err(error) => return Err(error),
        }
    }
    Ok(())
}

/// The file at `path` (links followed, as a `stat` does): which file it is, and its
/// metadata. It is opened for no access at all, which no other process's sharing can
/// refuse.
pub fn id_and_metadata(path: &Path) -> io::Result<(FileId, fs::Metadata)> {
    let file = OpenOptions::new().access_mode(0).custom_flags(FILE_FLAG_BACKUP_SEMANTICS).open(path)?;
    Ok((id_of_open(&file)?, file.metadata()?))
}

pub fn id_of_open(file: &File) -> io::Result<FileId> {
    // SAFETY: all zeroes is a valid value of this plain C struct.
    let mut info: BY_HANDLE_FILE_INFORMATION = unsafe { std::mem::zeroed() };
    // SAFETY: a handle owned by `file`, alive for the call; `info` is writable.
    if unsafe { GetFileInformationByHandle(file.as_raw_handle(), &mut info) } == 0 {
        return Err(io::Error::last_os_error());
    }
    Ok(FileId {
        volume: u64::from(info.dwVolumeSerialNumber),
        index: (u64::from(info.nFileIndexHigh) << 32) | u64::from(info.nFileIndexLow),
    })
}

/// The last write time (100 ns since 1601); Windows keeps no change time std can read.
pub fn changed(meta: &fs::Metadata) -> (i64, i64) {
    (i64::try_from(meta.last_write_time()).unwrap_or(i64::MAX), 0)
}

/// Written with `as_encoded_bytes`, which is UTF-8 for every path that is valid Unicode.
pub fn path_from_bytes(bytes: Vec<u8>) -> Option<PathBuf> {
    String::from_utf8(bytes).ok().map(|text| PathBuf::from(OsString::from(text)))
}

/// No permission bits on Windows (the profile's access list keeps files private).
#[cfg(test)]
pub fn mode_of(_path: &Path) -> Option<u32> {
    None
}
