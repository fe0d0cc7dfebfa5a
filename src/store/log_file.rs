//! The reminder service's log file: small, size-capped, rotated by hand.
//!
//! A log that explains a missed reminder a week later must not grow without end, and an
//! appender crate with date rolling and background threads is more than one small file
//! needs. When a write would take the file past [`CAP`], it is renamed to `NAME.1`
//! (replacing the older one) and a fresh file is started: at most two files of
//! [`CAP`] bytes each, 0600 like every other file here.
//!
//! The log gets the data files' care: it is opened without blocking and only a regular
//! file is kept (a FIFO in its place would hang the service, which holds the reminder
//! lock by then; a link to `/dev/full` would fail every line). A write that fails is
//! said once, on the terminal, and the service goes on without the file until it works.

use std::fs::File;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use super::atomic::{create_private_dir, irregular_kind, kind_of, open_private_append, sibling};
use super::error::name;
use super::{IoAction, StoreError};
use crate::tr;

/// The most one log file holds before it is rotated.
pub const CAP: u64 = 256 * 1024;

/// Where the one warning about a log file that cannot be written goes.
type Warn = Box<dyn Fn(&str) + Send + Sync>;

/// An append-only log file with one rotated predecessor.
pub struct RotatingLog {
    path: PathBuf,
    cap: u64,
    state: Mutex<State>,
    warn: Warn,
}

struct State {
    /// The open file and how many bytes it holds.
    file: Option<(File, u64)>,
    /// A write failed and was reported; cleared by the next write that works.
    failing: bool,
}

impl std::fmt::Debug for RotatingLog {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RotatingLog").field("path", &self.path).field("cap", &self.cap).finish()
    }
}

/// Opens `path` for appending, never blocking, and keeps it only if it is a regular file.
fn open_append(path: &Path) -> Result<(File, u64), StoreError> {
    let opened = open_private_append(path);
    let opened = match opened {
        Ok(file) => file,
        // A FIFO nobody reads (or a socket) does not even open for writing.
        Err(error) => match std::fs::metadata(path).ok().and_then(|meta| kind_of(meta.file_type())) {
            Some(kind) => return Err(StoreError::NotRegular { path: path.to_owned(), kind }),
            None => return Err(StoreError::io(IoAction::Save, path, error)),
        },
    };
    let kind = irregular_kind(&opened).map_err(|e| StoreError::io(IoAction::Save, path, e))?;
    if let Some(kind) = kind {
        return Err(StoreError::NotRegular { path: path.to_owned(), kind });
    }
    let size = opened.metadata().map_err(|e| StoreError::io(IoAction::Save, path, e))?.len();
    Ok((opened, size))
}

impl RotatingLog {
    /// Opens (or starts) the log at `path`, creating its folder.
    pub fn open(path: PathBuf) -> Result<Self, StoreError> {
        Self::with_cap(path, CAP)
    }

    pub fn with_cap(path: PathBuf, cap: u64) -> Result<Self, StoreError> {
        if let Some(dir) = path.parent() {
            create_private_dir(dir).map_err(|e| StoreError::io(IoAction::CreateFolder, dir, e))?;
        }
        let opened = open_append(&path)?;
        let warn: Warn = Box::new(crate::platform::terminal::say);
        Ok(Self { path, cap, state: Mutex::new(State { file: Some(opened), failing: false }), warn })
    }

    /// Says the one warning about a failing file with `warn` instead of on stderr.
    pub fn warn_with(mut self, warn: impl Fn(&str) + Send + Sync + 'static) -> Self {
        self.warn = Box::new(warn);
        self
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    fn rotate(&self) -> Result<(File, u64), StoreError> {
        std::fs::rename(&self.path, sibling(&self.path, ".1"))
            .map_err(|e| StoreError::io(IoAction::Save, &self.path, e))?;
        open_append(&self.path)
    }

    /// Appends `buf`, rotating first when it would pass the cap.
    fn append(&self, state: &mut State, buf: &[u8]) -> Result<(), StoreError> {
        let full = state.file.as_ref().is_some_and(|(_, size)| *size > 0 && size + buf.len() as u64 > self.cap);
        if full || state.file.is_none() {
            state.file = None;
            // A rename that fails (the folder went read-only) just keeps writing on.
            state.file =
                Some(if full { self.rotate().or_else(|_| open_append(&self.path))? } else { open_append(&self.path)? });
        }
        let Some((file, size)) = state.file.as_mut() else { return Ok(()) };
        if let Err(error) = file.write_all(buf) {
            // Opened again next time: the disk may have room by then, or the file be back.
            state.file = None;
            return Err(StoreError::io(IoAction::Save, &self.path, error));
        }
        *size += buf.len() as u64;
        Ok(())
    }
}

impl Write for &RotatingLog {
    /// Never fails: a log line that cannot be kept in the file is still on the terminal,
    /// and an error here would have the subscriber complain on every later line.
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let mut state = self.state.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        match self.append(&mut state, buf) {
            Ok(()) => state.failing = false,
            Err(error) if !state.failing => {
                state.failing = true;
                let message = match &error {
                    StoreError::Io { cause, .. } => {
                        tr!("log-file-failed", path = name(&self.path), cause = cause.to_string())
                    }
                    // Already a sentence that says what to do (a FIFO put in its place).
                    other => other.to_string(),
                };
                (self.warn)(&message);
            }
            Err(_) => {}
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rotates_at_the_cap_and_keeps_one_old_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state").join("remind.log");
        let log = RotatingLog::with_cap(path.clone(), 100).unwrap();
        for n in 0..25 {
            (&log).write_all(format!("line {n:02}\n").as_bytes()).unwrap();
        }
        let current = std::fs::read_to_string(&path).unwrap();
        let old = std::fs::read_to_string(sibling(&path, ".1")).unwrap();
        assert!(current.len() <= 100 && old.len() <= 100, "{} {}", current.len(), old.len());
        assert!(current.ends_with("line 24\n"), "{current}");
        assert!(old.ends_with(&format!("line {:02}\n", 24 - current.lines().count())), "{old}");
        assert!(!sibling(&path, ".2").exists());
        assert!(crate::platform::files::mode_of(&path).is_none_or(|mode| mode == 0o600));
        // A new service appends to the same file.
        let again = RotatingLog::with_cap(path.clone(), 100).unwrap();
        (&again).write_all(b"restarted\n").unwrap();
        assert!(std::fs::read_to_string(&path).unwrap().contains("restarted"));
    }

    /// Runs `open` on a thread and gives it five seconds: a blocking open must fail the
    /// test, not hang it.
    #[cfg(unix)]
    fn within_seconds<T: Send + 'static>(open: impl FnOnce() -> T + Send + 'static) -> T {
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let _ = tx.send(open());
        });
        rx.recv_timeout(std::time::Duration::from_secs(5)).expect("opening the log blocked")
    }

    #[test]
    #[cfg(unix)]
    fn a_fifo_or_a_device_in_its_place_is_refused_without_blocking() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("remind.log");
        crate::store::atomic::mkfifo(&fifo);
        let opened = within_seconds(move || RotatingLog::open(fifo).map(drop));
        assert!(matches!(opened, Err(StoreError::NotRegular { kind: "fifo", .. })), "{opened:?}");

        let full = dir.path().join("full.log");
        std::os::unix::fs::symlink("/dev/full", &full).unwrap();
        let opened = within_seconds(move || RotatingLog::open(full).map(drop));
        assert!(matches!(opened, Err(StoreError::NotRegular { kind: "device", .. })), "{opened:?}");
    }

    #[test]
    #[cfg(unix)]
    fn a_failing_file_is_reported_once_until_it_works_again() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("remind.log");
        let warnings = std::sync::Arc::new(Mutex::new(Vec::<String>::new()));
        let seen = std::sync::Arc::clone(&warnings);
        let log = RotatingLog::open(path.clone()).unwrap().warn_with(move |m| seen.lock().unwrap().push(m.to_owned()));
        (&log).write_all(b"one\n").unwrap();
        // The disk fails under the open file (a descriptor that cannot be written stands
        // in for a full disk), and a FIFO takes the file's place, so opening again fails too.
        let fail = |log: &RotatingLog| {
            log.state.lock().unwrap().file = Some((File::open(&path).unwrap(), 4));
            std::fs::remove_file(&path).unwrap();
            crate::store::atomic::mkfifo(&path);
        };
        fail(&log);
        for n in 0..20 {
            (&log).write_all(format!("lost {n}\n").as_bytes()).expect("a log write never fails");
        }
        assert_eq!(warnings.lock().unwrap().len(), 1, "{:?}", warnings.lock().unwrap());
        let first = warnings.lock().unwrap()[0].clone();
        assert!(first.contains(&path.display().to_string()) && first.contains("Bad file descriptor"), "{first}");
        // The FIFO goes: the next line starts a fresh file, and a later failure is said again.
        std::fs::remove_file(&path).unwrap();
        (&log).write_all(b"back\n").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "back\n");
        fail(&log);
        (&log).write_all(b"lost again\n").unwrap();
        assert_eq!(warnings.lock().unwrap().len(), 2);
    }
}
