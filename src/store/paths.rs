//! Where the files live: the user's folders (XDG on Linux: `~/.config/bedtime-coach`,
//! `~/.local/share/bedtime-coach`; on Windows `%APPDATA%\bedtime-coach\config` and
//! `\data`, from the `directories` crate), or one folder chosen with `--data-dir`.
//!
//! What belongs to one computer only (the store's lock, the reminder log, the reminder
//! service's owner lock and its log, the computer's device id, the window's size and
//! place, the icon file notifications point to) lives in the **state
//! folder** (`$XDG_STATE_HOME/bedtime-coach`, `%LOCALAPPDATA%\bedtime-coach`), never in
//! the data folder: the data folder may be synced to another computer (Syncthing,
//! Nextcloud, Dropbox), where these files would clash or lie. A chosen data folder gets a
//! state subfolder of its own (`folders/<folder key>`), so that two data folders on one
//! computer keep two reminder logs.

use std::path::{Path, PathBuf};

use super::{IoAction, StoreError};

/// File name of the XDG autostart entry that starts the reminder service at login
/// (distinct from the app's own `io.github.bedtimecoach.BedtimeCoach.desktop`).
pub const AUTOSTART_ENTRY: &str = "bedtime-coach-reminders.desktop";

/// The folders the store uses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paths {
    /// Routine, schedule and settings (`routine.DEVICE.json` of each computer, and
    /// `routine.json`, see `store/routines.rs`).
    pub config_dir: PathBuf,
    /// The journal (and, with `--data-dir`, everything the user made): what may be synced.
    pub data_dir: PathBuf,
    /// This computer's own files for this data folder: the lock, the reminder log, the
    /// owner lock, the service's log, conflict copies moved out of the data folder.
    pub state_dir: PathBuf,
    /// This computer's device id (one per computer, whatever the data folder).
    pub device_file: PathBuf,
}

/// The environment variable (and hidden `--state-dir`) that names the state folder for
/// one data folder, as is: tests, and programs this one starts for a folder whose state
/// is not where it would be found (see [`Paths::state_dir_arguments`]).
pub const STATE_DIR_VARIABLE: &str = "BEDTIME_COACH_STATE_DIR";

/// The name of the device id's file in the state folder.
const DEVICE_FILE: &str = "device-id";

/// The name of the file, beside the device id, that holds the data folder this computer
/// chose in Settings (one line: the folder's absolute path).
const FOLDER_CHOICE_FILE: &str = "data-folder";

/// The folder `file` names: an absolute path on its first line; `None` when there is no
/// such file or it holds nothing usable (then the usual folders are used).
fn read_folder_choice(file: &Path) -> Option<PathBuf> {
    let bytes = std::fs::read(file).ok().filter(|bytes| bytes.len() <= 64 * 1024)?;
    let text = String::from_utf8(bytes).ok()?;
    let folder = PathBuf::from(text.lines().next()?.trim_end_matches('\r'));
    folder.is_absolute().then_some(folder)
}

impl Paths {
    /// Everything in one folder, this computer's state too: tests of one computer.
    pub fn in_dir(dir: impl Into<PathBuf>) -> Self {
        let dir = dir.into();
        Self::with_state(dir.clone(), dir)
    }

    /// The data (and config) in `dir`, this computer's own files in `state_dir`: one
    /// computer of several sharing a synced folder.
    pub fn with_state(dir: impl Into<PathBuf>, state_dir: impl Into<PathBuf>) -> Self {
        let (dir, state_dir) = (dir.into(), state_dir.into());
        Self { config_dir: dir.clone(), data_dir: dir, device_file: state_dir.join(DEVICE_FILE), state_dir }
    }

    /// `dir` if given, otherwise the user's XDG config and data folders; the state folder
    /// `state_dir` if given (`--state-dir`, [`STATE_DIR_VARIABLE`]), otherwise the user's.
    pub fn resolve(dir: Option<&Path>) -> Result<Self, StoreError> {
        Self::resolve_with_state(dir, None)
    }

    /// [`Paths::resolve`] with the state folder given, if it is.
    ///
    /// Without `dir`, the data folder this computer chose in Settings, if it did (see
    /// [`Paths::folder_choice`]), stands in for it: the window, the reminder service and
    /// the autostart entry, all started without `--data-dir`, follow the choice alike.
    pub fn resolve_with_state(dir: Option<&Path>, state_dir: Option<&Path>) -> Result<Self, StoreError> {
        let absolute = |dir: &Path| std::path::absolute(dir).map_err(|e| StoreError::io(IoAction::Find, dir, e));
        let given_state = match state_dir {
            Some(state) => Some(absolute(state)?),
            None => None,
        };
        if dir.is_none() {
            let root = given_state.clone().or_else(crate::platform::folders::state_dir);
            if let Some(chosen) = root.and_then(|root| read_folder_choice(&root.join(FOLDER_CHOICE_FILE))) {
                return Self::resolve_with_state(Some(&chosen), state_dir);
            }
        }
        let mut paths = match dir {
            // Absolute, so an autostart entry or a detached service finds the same folder
            // whatever its working directory.
            Some(dir) => {
                let dir = absolute(dir)?;
                Self::with_state(dir.clone(), dir)
            }
            None => {
                let dirs = directories::ProjectDirs::from("", "", "bedtime-coach").ok_or(StoreError::NoHome)?;
                let data_dir = dirs.data_dir().to_path_buf();
                Self {
                    config_dir: dirs.config_dir().to_path_buf(),
                    state_dir: data_dir.clone(),
                    device_file: data_dir.join(DEVICE_FILE),
                    data_dir,
                }
            }
        };
        match given_state {
            Some(state) => {
                paths.device_file = state.join(DEVICE_FILE);
                paths.state_dir = state;
            }
            None => {
                // Without a home's state folder (a system without one), the data folder's
                // parent keeps them, beside and outside the synced folder.
                let root = crate::platform::folders::state_dir()
                    .or_else(|| paths.data_dir.parent().map(|parent| parent.join("bedtime-coach-state")))
                    .ok_or(StoreError::NoHome)?;
                paths.device_file = root.join(DEVICE_FILE);
                paths.state_dir = if dir.is_some() { root.join("folders").join(paths.folder_key()) } else { root };
            }
        }
        Ok(paths)
    }

    /// The file that holds the data folder this computer chose in Settings: in this
    /// computer's state folder, beside the device id, never synced.
    pub fn folder_choice_file(&self) -> PathBuf {
        self.device_file.with_file_name(FOLDER_CHOICE_FILE)
    }

    /// The data folder this computer chose in Settings, used from the next start of any
    /// program given no `--data-dir`; `None` for the usual folders.
    pub fn folder_choice(&self) -> Option<PathBuf> {
        read_folder_choice(&self.folder_choice_file())
    }

    /// The data folder a program started on this computer without `--data-dir` uses: the
    /// one chosen in Settings, or the usual one (`None` without a home).
    pub fn next_start_data_dir(&self) -> Option<PathBuf> {
        Self::resolve_with_state(None, self.device_file.parent()).ok().map(|paths| paths.data_dir)
    }

    /// Chooses the data folder (`None`: the usual folders again) that programs started
    /// from now on without `--data-dir` use.
    pub fn save_folder_choice(&self, folder: Option<&Path>) -> Result<(), StoreError> {
        let file = self.folder_choice_file();
        let Some(folder) = folder else {
            return super::remove_file_if_exists(&file).map_err(|e| StoreError::io(IoAction::Save, &file, e));
        };
        let folder = std::path::absolute(folder).map_err(|e| StoreError::io(IoAction::Find, folder, e))?;
        let text = folder.to_str().ok_or_else(|| StoreError::NotUnicode { path: folder.clone() })?;
        if let Some(dir) = file.parent() {
            super::create_private_dir(dir).map_err(|e| StoreError::io(IoAction::CreateFolder, dir, e))?;
        }
        super::replace_file(&file, format!("{text}\n").as_bytes()).map_err(|e| StoreError::io(IoAction::Save, &file, e))
    }

    /// The data folder the user chose (`--data-dir`, `BEDTIME_COACH_DATA_DIR`), or `None`
    /// for the usual folders. Whatever this program starts for these files (the reminder
    /// service, a window from a notification, the autostart entry) must be told it; the
    /// usual folders each process finds by itself.
    pub fn chosen_data_dir(&self) -> Option<&Path> {
        let usual = Self::resolve(None).ok();
        let usual_folders =
            usual.as_ref().is_some_and(|usual| usual.data_dir == self.data_dir && usual.config_dir == self.config_dir);
        (!usual_folders).then_some(self.data_dir.as_path())
    }

    /// `--data-dir DIR` when the user chose the folder (see [`Paths::chosen_data_dir`]),
    /// else nothing: what a program started for these files is given.
    pub fn data_dir_arguments(&self) -> Vec<std::ffi::OsString> {
        let mut arguments: Vec<std::ffi::OsString> = match self.chosen_data_dir() {
            Some(dir) => vec!["--data-dir".into(), dir.as_os_str().to_owned()],
            None => Vec::new(),
        };
        arguments.extend(self.state_dir_arguments());
        arguments
    }

    /// `--state-dir DIR` when this computer's state for the folder is not where a program
    /// given only the data folder would look (tests, a state folder chosen by hand): the
    /// reminder service must share the window's lock and reminder log.
    pub fn state_dir_arguments(&self) -> Vec<std::ffi::OsString> {
        let found = Self::resolve(self.chosen_data_dir()).ok();
        if found
            .as_ref()
            .is_some_and(|found| found.state_dir == self.state_dir && found.device_file == self.device_file)
        {
            return Vec::new();
        }
        vec!["--state-dir".into(), self.state_dir.as_os_str().to_owned()]
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

    /// `routine.json`: what versions before per-computer files read (see `store/routines.rs`).
    pub fn routine_file(&self) -> PathBuf {
        self.config_dir.join("routine.json")
    }

    pub fn journal_file(&self) -> PathBuf {
        self.data_dir.join("journal.json")
    }

    /// The store's lock: this computer's processes take turns with it (a lock cannot reach
    /// another computer through a synced folder, and there would be locked out by a copy).
    pub fn lock_file(&self) -> PathBuf {
        self.state_dir.join("bedtime-coach.lock")
    }

    /// The reminder log: what was already shown, snoozes, "pause tonight" (on this
    /// computer: each computer's service reminds on its own desktop).
    pub fn reminders_file(&self) -> PathBuf {
        self.state_dir.join("reminders.json")
    }

    /// Held for as long as a process owns the reminders (not the short store lock): one
    /// reminder service per data folder on each computer.
    pub fn reminder_owner_file(&self) -> PathBuf {
        self.state_dir.join("reminders.lock")
    }

    /// The window's size and place (kept by eframe): this computer's screen, so not in a
    /// data folder that another computer, with another screen, may share.
    pub fn window_file(&self) -> PathBuf {
        self.state_dir.join("window.ron")
    }

    /// The mark of a file being handed to the user (see `Store::save_user_file`): a
    /// process on this computer left it, and only this computer can clean up after it.
    pub fn pending_user_file(&self) -> PathBuf {
        self.state_dir.join(super::transfer::PENDING_USER_FILE)
    }

    /// Where copies that a sync tool made of a file changed on two computers at once go
    /// once merged (or found damaged): out of the synced folder, so that the tool does not
    /// bring them back.
    pub fn conflicts_dir(&self) -> PathBuf {
        self.state_dir.join("conflicts")
    }

    /// The autostart entry: `$XDG_CONFIG_HOME/autostart/`, or `~/.config/autostart/`
    /// (the user's, whatever `--data-dir` says); `None` without a home folder.
    pub fn autostart_entry() -> Option<PathBuf> {
        let dirs = directories::BaseDirs::new()?;
        Some(dirs.config_dir().join("autostart").join(AUTOSTART_ENTRY))
    }

    /// The reminder service's log: in the state folder (the XDG state folder
    /// `~/.local/state/bedtime-coach`; `%LOCALAPPDATA%\bedtime-coach` on Windows).
    pub fn log_file(&self) -> PathBuf {
        self.state_dir.join("remind.log")
    }
}

/// FNV-1a of the folder's name: stable across builds and Rust versions, unlike `DefaultHasher`.
pub fn folder_digest(dir: &Path) -> u64 {
    dir.as_os_str()
        .as_encoded_bytes()
        .iter()
        .fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| (hash ^ u64::from(*byte)).wrapping_mul(0x0100_0000_01b3))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_data_folder_chosen_in_settings_is_used_by_whatever_starts_without_one() {
        let dir = tempfile::tempdir().unwrap();
        let state = dir.path().join("state");
        let usual = Paths::resolve_with_state(None, Some(&state)).unwrap();
        assert_eq!(usual.folder_choice(), None);
        let synced = dir.path().join("Sync").join("bedtime");
        usual.save_folder_choice(Some(&synced)).unwrap();
        assert_eq!(usual.folder_choice().as_deref(), Some(synced.as_path()));
        let chosen = Paths::resolve_with_state(None, Some(&state)).unwrap();
        assert_eq!((chosen.data_dir.as_path(), chosen.config_dir.as_path()), (synced.as_path(), synced.as_path()));
        // The same computer, the same choice file: it can be chosen back.
        assert_eq!(chosen.folder_choice_file(), usual.folder_choice_file());
        // `--data-dir` still comes first.
        let given = dir.path().join("given");
        assert_eq!(Paths::resolve_with_state(Some(&given), Some(&state)).unwrap().data_dir, given);
        chosen.save_folder_choice(None).unwrap();
        assert_eq!(Paths::resolve_with_state(None, Some(&state)).unwrap(), usual);
        chosen.save_folder_choice(None).unwrap();
    }

    #[test]
    fn a_choice_file_that_names_no_absolute_folder_is_the_usual_folders() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join(FOLDER_CHOICE_FILE);
        for text in ["relative/path\n", "", "\n/after/a/blank", "\u{ff}\u{fe}"] {
            std::fs::write(&file, text).unwrap();
            assert_eq!(read_folder_choice(&file), None, "{text:?}");
        }
        std::fs::write(&file, [0xff, 0xfe, b'/']).unwrap();
        assert_eq!(read_folder_choice(&file), None);
        let synced = dir.path().join("Sync").join("bedtime");
        std::fs::write(&file, format!("{}\r\n", synced.display())).unwrap();
        assert_eq!(read_folder_choice(&file), Some(synced));
    }
}
