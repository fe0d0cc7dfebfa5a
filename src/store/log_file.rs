//! The reminder service's log file: small, size-capped, rotated by hand.
//!
//! A log that explains a missed reminder a week later must not grow without end, and an
//! appender crate with date rolling and background threads is more than one small file
//! needs. When a write would take the file past [`CAP`], it is renamed to `NAME.1`
//! (replacing the older one) and a fresh file is started: at most two files of
//! [`CAP`] bytes each, 0600 like every other file here.

use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use super::atomic::{FILE_MODE, create_private_dir, sibling};

/// The most one log file holds before it is rotated.
pub const CAP: u64 = 256 * 1024;

/// An append-only log file with one rotated predecessor.
#[derive(Debug)]
pub struct RotatingLog {
    path: PathBuf,
    cap: u64,
    /// The open file and how many bytes it holds.
    file: Mutex<Option<(File, u64)>>,
}

fn open_append(path: &Path) -> io::Result<(File, u64)> {
    let file = OpenOptions::new().create(true).append(true).mode(FILE_MODE).open(path)?;
    let size = file.metadata()?.len();
    Ok((file, size))
}

impl RotatingLog {
    /// Opens (or starts) the log at `path`, creating its folder.
    pub fn open(path: PathBuf) -> io::Result<Self> {
        Self::with_cap(path, CAP)
    }

    pub fn with_cap(path: PathBuf, cap: u64) -> io::Result<Self> {
        if let Some(dir) = path.parent() {
            create_private_dir(dir)?;
        }
        let opened = open_append(&path)?;
        Ok(Self { path, cap, file: Mutex::new(Some(opened)) })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    fn rotate(&self) -> io::Result<(File, u64)> {
        std::fs::rename(&self.path, sibling(&self.path, ".1"))?;
        open_append(&self.path)
    }
}

impl Write for &RotatingLog {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let mut slot = self.file.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let full = slot.as_ref().is_some_and(|(_, size)| *size > 0 && size + buf.len() as u64 > self.cap);
        if full || slot.is_none() {
            *slot = None;
            // A rename that fails (the folder went read-only) just keeps writing on.
            *slot =
                Some(if full { self.rotate().or_else(|_| open_append(&self.path))? } else { open_append(&self.path)? });
        }
        let Some((file, size)) = slot.as_mut() else { return Ok(buf.len()) };
        file.write_all(buf)?;
        *size += buf.len() as u64;
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
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
        // A new service appends to the same file.
        let again = RotatingLog::with_cap(path.clone(), 100).unwrap();
        (&again).write_all(b"restarted\n").unwrap();
        assert!(std::fs::read_to_string(&path).unwrap().contains("restarted"));
    }
}
