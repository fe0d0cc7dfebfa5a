//! Waiting for another process to save one of the app's files on Windows, without looking
//! again every second: `ReadDirectoryChangesW` on each data folder, overlapped, so one
//! `WaitForMultipleObjects` sleeps on all of them (and on a timeout) at once. The Linux
//! file (inotify) has the same contract.
//!
//! Hand-written rather than through the `notify` crate: the service needs only "something
//! in these folders changed", with a timeout, on the thread that asks; `notify` brings a
//! thread and a channel of its own per watcher, and on Linux it would replace an inotify
//! file whose footprint is measured (`scripts/measure-service.sh`).
//!
//! What changed is not read from the records: the caller compares the files' fingerprint,
//! as on Linux. A folder removed or renamed ends the read with an error (or a handle that
//! can no longer be read): the watch is then lost and the caller looks every second.

use std::cell::RefCell;
use std::io;
use std::os::windows::ffi::OsStrExt;
use std::os::windows::io::{AsRawHandle, FromRawHandle, OwnedHandle};
use std::path::Path;
use std::time::Duration;

use windows_sys::Win32::Foundation::{
    ERROR_IO_INCOMPLETE, ERROR_IO_PENDING, GetLastError, HANDLE, INVALID_HANDLE_VALUE, WAIT_OBJECT_0, WAIT_TIMEOUT,
};
use windows_sys::Win32::Storage::FileSystem::{
    CreateFileW, FILE_FLAG_BACKUP_SEMANTICS, FILE_FLAG_OVERLAPPED, FILE_LIST_DIRECTORY, FILE_NOTIFY_CHANGE_DIR_NAME,
    FILE_NOTIFY_CHANGE_FILE_NAME, FILE_NOTIFY_CHANGE_LAST_WRITE, FILE_NOTIFY_CHANGE_SIZE, FILE_SHARE_DELETE,
    FILE_SHARE_READ, FILE_SHARE_WRITE, OPEN_EXISTING, ReadDirectoryChangesW,
};
use windows_sys::Win32::System::IO::{CancelIoEx, GetOverlappedResult, OVERLAPPED};
use windows_sys::Win32::System::Threading::{CreateEventW, INFINITE, WaitForMultipleObjects};

use super::super::folder_watch::{Waited, WatchLost};

/// Written, renamed into place, created, removed: what a save by another process does.
const CHANGES: u32 = FILE_NOTIFY_CHANGE_FILE_NAME
    | FILE_NOTIFY_CHANGE_DIR_NAME
    | FILE_NOTIFY_CHANGE_LAST_WRITE
    | FILE_NOTIFY_CHANGE_SIZE;

/// The records' buffer, in `u32`s (DWORD-aligned, as the call requires): 4 KiB. When it
/// overflows the call says so with 0 bytes, which still means "something changed".
const BUFFER_WORDS: usize = 1024;

/// One folder with its read in flight. Boxed, so the OVERLAPPED and the buffer the system
/// writes into keep their address while the read is pending.
struct Folder {
    directory: OwnedHandle,
    event: OwnedHandle,
    overlapped: OVERLAPPED,
    buffer: [u32; BUFFER_WORDS],
    pending: bool,
}

impl Folder {
    fn open(path: &Path) -> io::Result<Box<Folder>> {
        let wide: Vec<u16> = path.as_os_str().encode_wide().chain(std::iter::once(0)).collect();
        // SAFETY: a NUL-terminated path that outlives the call; a folder needs
        // FILE_FLAG_BACKUP_SEMANTICS. FILE_SHARE_DELETE: the user may still remove it.
        let directory = unsafe {
            CreateFileW(
                wide.as_ptr(),
                FILE_LIST_DIRECTORY,
                FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE,
                std::ptr::null(),
                OPEN_EXISTING,
                FILE_FLAG_BACKUP_SEMANTICS | FILE_FLAG_OVERLAPPED,
                std::ptr::null_mut(),
            )
        };
        if directory == INVALID_HANDLE_VALUE {
            return Err(io::Error::last_os_error());
        }
        // SAFETY: a fresh handle nothing else owns.
        let directory = unsafe { OwnedHandle::from_raw_handle(directory) };
        // SAFETY: an unnamed manual-reset event, as overlapped I/O wants.
        let event = super::owned(unsafe { CreateEventW(std::ptr::null(), 1, 0, std::ptr::null()) })?;
        // SAFETY: OVERLAPPED is plain data, all zero before use.
        let overlapped: OVERLAPPED = unsafe { std::mem::zeroed() };
        let mut folder = Box::new(Folder { directory, event, overlapped, buffer: [0; BUFFER_WORDS], pending: false });
        folder.read()?;
        Ok(folder)
    }

    /// Starts the next read.
    fn read(&mut self) -> io::Result<()> {
        // SAFETY: as in `open`.
        self.overlapped = unsafe { std::mem::zeroed() };
        self.overlapped.hEvent = self.event.as_raw_handle() as HANDLE;
        let length = u32::try_from(std::mem::size_of_val(&self.buffer)).unwrap_or(u32::MAX);
        // SAFETY: the buffer and the OVERLAPPED live in this boxed value, which outlives
        // the read (`Drop` cancels it and waits for it before they go).
        let started = unsafe {
            ReadDirectoryChangesW(
                self.directory.as_raw_handle() as HANDLE,
                self.buffer.as_mut_ptr().cast(),
                length,
                0,
                CHANGES,
                std::ptr::null_mut(),
                &mut self.overlapped,
                None,
            )
        };
        // SAFETY: reads this thread's last error.
        if started == 0 && unsafe { GetLastError() } != ERROR_IO_PENDING {
            return Err(io::Error::last_os_error());
        }
        self.pending = true;
        Ok(())
    }

    /// The read ended (its event is set): whether it succeeded. 0 bytes is an overflow,
    /// a change all the same.
    fn finish(&mut self, wait: bool) -> io::Result<bool> {
        let mut bytes = 0u32;
        // SAFETY: the handle and OVERLAPPED of the read in flight.
        let done = unsafe {
            GetOverlappedResult(self.directory.as_raw_handle() as HANDLE, &self.overlapped, &mut bytes, i32::from(wait))
        };
        if done == 0 {
            let error = io::Error::last_os_error();
            if error.raw_os_error() == i32::try_from(ERROR_IO_INCOMPLETE).ok() {
                return Ok(false);
            }
            self.pending = false;
            return Err(error);
        }
        self.pending = false;
        Ok(true)
    }
}

impl Drop for Folder {
    fn drop(&mut self) {
        if self.pending {
            // SAFETY: cancels this folder's own read, then waits for the system to be done
            // with the buffer before it is freed.
            unsafe { CancelIoEx(self.directory.as_raw_handle() as HANDLE, &self.overlapped) };
            let _ = self.finish(true);
        }
    }
}

/// The folders of the app's files, watched.
pub struct FolderWatch {
    /// Each read is finished and started again from `wait(&self)`.
    folders: RefCell<Vec<Box<Folder>>>,
}

impl std::fmt::Debug for FolderWatch {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.debug_struct("FolderWatch").field("folders", &self.folders.borrow().len()).finish()
    }
}

impl FolderWatch {
    /// Watches `folders`; an error where that is not possible (a folder missing).
    pub fn new(folders: &[&Path]) -> io::Result<Self> {
        let folders = folders.iter().map(|folder| Folder::open(folder)).collect::<io::Result<Vec<_>>>()?;
        Ok(Self { folders: RefCell::new(folders) })
    }

    /// Waits until something in the folders changes, or `timeout` passes (`None`: no
    /// limit).
    pub fn wait(&self, timeout: Option<Duration>) -> Result<Waited, WatchLost> {
        let events: Vec<HANDLE> =
            self.folders.borrow().iter().map(|folder| folder.event.as_raw_handle() as HANDLE).collect();
        let count = u32::try_from(events.len()).map_err(|_| WatchLost)?;
        let limit = timeout.map_or(INFINITE, |limit| u32::try_from(limit.as_millis()).unwrap_or(INFINITE - 1));
        // SAFETY: valid event handles, owned by `self` for the whole call.
        let waited = unsafe { WaitForMultipleObjects(count, events.as_ptr(), 0, limit) };
        if waited == WAIT_TIMEOUT {
            return Ok(Waited::TimedOut);
        }
        if waited.wrapping_sub(WAIT_OBJECT_0) >= count {
            return Err(WatchLost);
        }
        // Every folder whose read ended is read again (a save often touches both).
        self.collect()
    }

    /// Finishes every ended read and starts the next; an error loses the watch.
    fn collect(&self) -> Result<Waited, WatchLost> {
        for folder in self.folders.borrow_mut().iter_mut() {
            match folder.finish(false) {
                Ok(true) => folder.read().map_err(|_| WatchLost)?,
                Ok(false) => {}
                Err(_) => return Err(WatchLost),
            }
        }
        Ok(Waited::Changed)
    }
}
