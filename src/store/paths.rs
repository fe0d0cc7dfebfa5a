//! Where the files live: the user's folders (XDG on Linux: `~/.config/bedtime-coach`,
//! `~/.local/share/bedtime-coach`; on Windows `%APPDATA%\bedtime-coach\config` and
//! `\data`, from the `directories` crate), or one folder chosen with `--data-dir`.

use std::path::{Path, PathBuf};

use super::{IoAction, StoreError};

/// File name of the XDG autostart entry that starts the reminder service at login
/// (distinct from the app's own `io.github.bedtimecoach.BedtimeCoach.desktop`).
pub const AUTOSTART_ENTRY: &str = "bedtime-coach-reminders.desktop";

/// The folders the store uses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paths {
    /// Routine, schedule and settings (`routine.json`).
    pub config_dir: PathBuf,
    /// The journal, the reminder log and the lock file.
    pub data_dir: PathBuf,
}

impl Paths {
    /// Everything in one folder: tests and portable use.
    pub fn in_dir(dir: impl Into<PathBuf>) -> Self {
        let dir = dir.into();
        Self { config_dir: dir.clone(), data_dir: dir }
    }

    /// `dir` if given, otherwise the user's XDG config and data folders.
    pub fn resolve(dir: Option<&Path>) -> Result<Self, StoreError> {
        if let Some(dir) = dir {
            // Absolute, so an autostart entry or a detached service finds the same folder
            // whatever its working directory.
            let dir = std::path::absolute(dir).map_err(|e| StoreError::io(IoAction::Find, dir, e))?;
            return Ok(Self::in_dir(dir));
        }
        let dirs = directories::ProjectDirs::from("", "", "bedtime-coach").ok_or(StoreError::NoHome)?;
        Ok(Self { config_dir: dirs.config_dir().to_path_buf(), data_dir: dirs.data_dir().to_path_buf() })
    }

    /// The data folder the user chose (`--data-dir`, `BEDTIME_COACH_DATA_DIR`), or `None`
    /// for the usual folders. Whatever this program starts for these files (the reminder
    /// service, a window from a notification, the autostart entry) must be told it; the
    /// usual folders each process finds by itself.
    pub fn chosen_data_dir(&self) -> Option<&Path> {
        let usual = Self::resolve(None).ok();
        (usual.as_ref() != Some(self)).then_some(self.data_dir.as_path())
    }

    /// `--data-dir DIR` when the user chose the folder (see [`Paths::chosen_data_dir`]),
    /// else nothing: what a program started for these files is given.
    pub fn data_dir_arguments(&self) -> Vec<std::ffi::OsString> {
        match self.chosen_data_dir() {
            Some(dir) => vec!["--data-dir".into(), dir.as_os_str().to_owned()],
            None => Vec::new(),
        }
    }

    /// The data folder with every link resolved, so that two paths to one folder
    /// (`--data-dir X` and `--data-dir link-to-X`) give one answer; a folder not made
    /// yet is resolved through its nearest existing parent.
    pub fn resolved_data_dir(&self) -> PathBuf {
        let mut missing = Vec::new();
        let mut dir = self.data_dir.as_path();
        loop {
            if let Ok(real) = std::fs::canonicalize(dir) {
                return missing.iter().rev().fold(real, |path, name| path.join(name));
            }
            match (dir.parent(), dir.file_name()) {
                (Some(parent), Some(name)) => {
                    missing.push(name.to_owned());
                    dir = parent;
                }
                _ => return self.data_dir.clone(),
            }
        }
    }

    /// A name for this data folder that other processes on the computer compute alike
    /// (the window's pipe, the service's stop event on Windows): from the resolved folder,
    /// the usual one too, since that is in the user's profile.
    pub fn folder_key(&self) -> String {
        format!("bedtime-coach-{:016x}", folder_digest(&self.resolved_data_dir()))
    }

    pub fn routine_file(&self) -> PathBuf {
        self.config_dir.join("routine.json")
    }

    pub fn journal_file(&self) -> PathBuf {
        self.data_dir.join("journal.json")
    }

    pub fn lock_file(&self) -> PathBuf {
        self.data_dir.join("bedtime-coach.lock")
    }

    /// The reminder log: what was already shown, snoozes, "pause tonight".
    pub fn reminders_file(&self) -> PathBuf {
        self.data_dir.join("reminders.json")
    }

    /// Held for as long as a process owns the reminders (not the short store lock).
    pub fn reminder_owner_file(&self) -> PathBuf {
        self.data_dir.join("reminders.lock")
    }

    /// The autostart entry: `$XDG_CONFIG_HOME/autostart/`, or `~/.config/autostart/`
    /// (the user's, whatever `--data-dir` says); `None` without a home folder.
    pub fn autostart_entry() -> Option<PathBuf> {
        let dirs = directories::BaseDirs::new()?;
        Some(dirs.config_dir().join("autostart").join(AUTOSTART_ENTRY))
    }

    /// The reminder service's log: in the per-computer folder (the XDG state folder
    /// `~/.local/state/bedtime-coach`; `%LOCALAPPDATA%\bedtime-coach` on Windows), or in
    /// the data folder when one was chosen with `--data-dir` (or the system has no such
    /// folder).
    pub fn log_file(&self) -> PathBuf {
        let state = self.chosen_data_dir().is_none().then(crate::platform::folders::state_dir).flatten();
        state.unwrap_or_else(|| self.data_dir.clone()).join("remind.log")
    }
}

/// FNV-1a of the folder's name: stable across builds and Rust versions, unlike `DefaultHasher`.
pub fn folder_digest(dir: &Path) -> u64 {
    dir.as_os_str()
        .as_encoded_bytes()
        .iter()
        .fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| (hash ^ u64::from(*byte)).wrapping_mul(0x0100_0000_01b3))
}
