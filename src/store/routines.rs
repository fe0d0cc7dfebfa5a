//! Routine, schedule and settings in a data folder that several computers share through a
//! sync tool (routine format 2).
//!
//! Why: a sync tool keeps whole files, so two computers saving one `routine.json` while
//! apart would lose one side's edits to a conflict copy. So each computer writes only
//! `routine.DEVICE.json` (its device id, [`super::device`]) beside `routine.json`: its
//! whole merged view of routine, schedule and settings, and the stamp of each field's
//! last change ([`crate::model::routine_merge`]). Reading merges every computer's file,
//! `routine.json` and any sync tool's conflict copy of them ([`super::conflicts`]),
//! field by field: the later change wins, ties go to the smaller device id.
//!
//! - `routine.json` of format 1 (versions before this one) is read with every field
//!   stamped with its file's time, but older than any stamped change: what an older
//!   version changed is kept where no computer of this version changed it since. It is
//!   migrated in place to format 2 (its bytes kept as `routine.json.v1.bak`), as any
//!   older document is. Where there is none, the first save here writes one (format 2,
//!   the view at that moment). After that no computer writes it again.
//! - **What older versions see**: they read `routine.json` only, and format 2 is newer
//!   than theirs, so they show the routine it holds (as it was when this version first
//!   saved there) read-only, and say that a newer version wrote it; they change nothing
//!   and never start a routine of their own beside this one. A change an older version
//!   made while apart (a `routine.json` of format 1 arriving, or its conflict copy) is
//!   merged as said above. A step an older version removed comes back from the other
//!   computers' files: format 1 has no dated removals.
//! - This computer's own file is repaired like any document (a damaged one kept aside,
//!   its backup restored). Another computer's file is never written here: when damaged,
//!   its backup is read, else it is left out with a notice until that computer saves
//!   again. Conflict copies, once merged into this computer's file, are moved to the
//!   state folder (`conflicts/`); a damaged one too, with a notice.
//! - "First run" (no routine saved yet) means no computer saved one: no file at all.

use std::path::{Path, PathBuf};

use chrono::{DateTime, SubsecRound, Utc};
use serde::{Deserialize, Serialize};

use super::device::DeviceId;
use super::document::{self, Document, Loaded};
use super::read::{self, Read};
use super::{IoAction, Store, StoreError, Updated, recovery};
use crate::model::routine_merge::{Changes, RoutineCopy, Stamp};
use crate::model::{Extra, RoutineFile, Settings};

/// The routine's format since each computer writes a file of its own (format 1 was
/// `routine.json` alone).
pub const ROUTINE_VERSION: u64 = 2;

/// A routine file of format 2: `routine.DEVICE.json` (the view and its stamps) or
/// `routine.json` as this version writes it (the view only).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct StampedRoutine {
    #[serde(flatten)]
    pub file: RoutineFile,
    #[serde(default, skip_serializing_if = "is_empty")]
    pub changes: Changes,
}

fn is_empty(changes: &Changes) -> bool {
    *changes == Changes::default()
}

impl Document for StampedRoutine {
    const WHAT: &'static str = RoutineFile::WHAT;
    const VERSION: u64 = ROUTINE_VERSION;
    const MAX_BYTES: u64 = RoutineFile::MAX_BYTES;
    const PRETTY: bool = true;

    fn extra_mut(&mut self) -> &mut Extra {
        &mut self.file.extra
    }

    /// Format 1 is format 2 without stamps.
    fn migrate(value: serde_json::Value, from: u64) -> Result<serde_json::Value, String> {
        match from {
            1 => Ok(value),
            _ => Err(crate::tr!("store-why-no-migration", version = from)),
        }
    }
}

/// Who wrote a routine file.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Writer {
    /// `routine.json`.
    Shared,
    Device(DeviceId),
}

/// A file that holds a routine: a computer's, `routine.json`, or a conflict copy of one.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Input {
    writer: Writer,
    conflict: bool,
    path: PathBuf,
}

/// `routine.json` or `routine.DEVICE.json`, and who writes it; anything else is not a
/// routine file.
fn parse_routine_file_name(name: &str) -> Option<Writer> {
    match name.strip_prefix("routine.")?.strip_suffix("json")? {
        "" => Some(Writer::Shared),
        rest => Some(Writer::Device(DeviceId::parse(rest.strip_suffix('.')?)?)),
    }
}

/// Everything read from the routine files, merged.
#[derive(Debug, Default)]
struct RoutinesRead {
    merged: RoutineCopy,
    existed: bool,
    read_only: Option<String>,
    /// This computer's file's bytes as read under the lock (`None`: no file).
    own: Option<Vec<u8>>,
    /// Whether `routine.json` is there (in any format).
    shared: bool,
    copies: Vec<PathBuf>,
    damaged_copies: Vec<PathBuf>,
}

impl Store {
    /// `routine.DEVICE.json`: this computer's routine file.
    fn own_routine_file(&self, device: &DeviceId) -> PathBuf {
        self.paths.config_dir.join(format!("routine.{device}.json"))
    }

    /// Every routine file of the folder, in a fixed order. A file missing beside its
    /// backup counts (reading it restores or reads the backup).
    fn routine_inputs(&self) -> Result<Vec<Input>, StoreError> {
        let dir = &self.paths.config_dir;
        let entries = match std::fs::read_dir(dir) {
            Ok(entries) => entries,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(error) if error.kind() == std::io::ErrorKind::NotADirectory => {
                return Err(StoreError::NotAFolder { path: dir.clone() });
            }
            Err(error) => return Err(StoreError::io(IoAction::Read, dir, error)),
        };
        let mut inputs = Vec::new();
        for entry in entries {
            let Ok(entry) = entry else { continue };
            let name = entry.file_name();
            let Some(name) = name.to_str() else { continue };
            let (file, conflict) = match super::conflicts::conflict_original(name) {
                Some(original) => (original, true),
                None => (name.strip_suffix(".bak").unwrap_or(name).to_owned(), false),
            };
            let Some(writer) = parse_routine_file_name(&file) else { continue };
            let path = if conflict { dir.join(name) } else { dir.join(&file) };
            inputs.push(Input { writer, conflict, path });
        }
        inputs.sort_unstable();
        inputs.dedup();
        Ok(inputs)
    }

    /// Reads and merges every routine file. `own`: this computer's id (its file and
    /// `routine.json` may be repaired, under the lock when `locked`); the others' files
    /// are only read.
    fn read_routines(&self, own: Option<&DeviceId>, locked: bool) -> Result<RoutinesRead, StoreError> {
        let mut read = RoutinesRead::default();
        let mut copies = Vec::new();
        for input in self.routine_inputs()? {
            let path = self.resolve(&input.path)?;
            let mine = !input.conflict
                && match &input.writer {
                    Writer::Shared => true,
                    Writer::Device(device) => Some(device) == own,
                };
            let loaded = if mine {
                let (loaded, bytes) = if locked {
                    let Read { loaded, bytes } = self.read_locked::<StampedRoutine>(&path)?;
                    (loaded, bytes)
                } else {
                    (self.view::<StampedRoutine>(&path)?, None)
                };
                if input.writer == Writer::Shared {
                    read.shared |= loaded.existed;
                } else {
                    read.own = bytes;
                }
                loaded
            } else {
                match self.read_other::<StampedRoutine>(&path, input.conflict)? {
                    Some(loaded) => loaded,
                    None => {
                        if input.conflict {
                            read.damaged_copies.push(path);
                        }
                        continue;
                    }
                }
            };
            if input.conflict {
                read.copies.push(path.clone());
            }
            if !loaded.existed {
                continue;
            }
            read.existed = true;
            read.read_only = read.read_only.or(loaded.read_only);
            copies.push(copy_of(&input.writer, &path, loaded.value));
        }
        read.merged = RoutineCopy::merge(&copies);
        Ok(read)
    }

    /// Routine, schedule and settings: every computer's merged. Conflict copies found are
    /// taken into this computer's file and moved out of the folder, as a repair is made.
    pub fn load_routine_file(&self) -> Result<Loaded<RoutineFile>, StoreError> {
        let own = self.device_id().ok();
        let read = self.read_routines(own.as_ref(), false)?;
        if (!read.copies.is_empty() || !read.damaged_copies.is_empty()) && read.read_only.is_none() && own.is_some() {
            // What was read holds them already; a failure leaves them for the next change.
            let _ = self.update_routine_file(|_| Ok::<_, StoreError>(()));
        }
        Ok(loaded_view(read))
    }

    /// The routine as [`Store::load_routine_file`] gives it, read under the lock.
    pub(super) fn load_routine_file_locked(&self) -> Result<Loaded<RoutineFile>, StoreError> {
        let own = self.device_id().ok();
        Ok(loaded_view(self.read_routines(own.as_ref(), true)?))
    }

    /// The saved settings (every computer's merged), read without the lock, without
    /// repairing anything and without notices: for what must be known before a command
    /// runs (the language its messages are in). `None` when no routine file can be read.
    pub fn peek_settings(&self) -> Option<Settings> {
        let mut copies = Vec::new();
        for input in self.routine_inputs().ok()? {
            let Ok(path) = self.resolve(&input.path) else { continue };
            let Ok(inspected) = read::inspect::<StampedRoutine>(&path, &mut Vec::new()) else { continue };
            if let Some(loaded) = read::usable(inspected).filter(|loaded| loaded.existed) {
                copies.push(copy_of(&input.writer, &path, loaded.value));
            }
        }
        (!copies.is_empty()).then(|| RoutineCopy::merge(&copies).file().settings)
    }

    /// Read-modify-write of routine, schedule and settings under the lock: `change` sees
    /// every computer's merged; what it changes is stamped (see
    /// [`crate::model::routine_merge`]) and written to this computer's file only. A change
    /// that changes nothing writes nothing, except on a first save and to take in
    /// conflict copies.
    pub fn update_routine_file<R, E: From<StoreError>>(
        &self,
        change: impl FnOnce(&mut RoutineFile) -> Result<R, E>,
    ) -> Result<Updated<R>, E> {
        let device = self.device_id()?;
        let path = self.resolve(&self.own_routine_file(&device))?;
        let _guard = self.lock()?;
        let read = self.read_routines(Some(&device), true)?;
        if let Some(reason) = read.read_only {
            return Err(StoreError::ReadOnly(reason).into());
        }
        let base = if read.existed {
            read.merged
        } else {
            RoutineCopy::read(&RoutineFile::default(), &Changes::default(), &Stamp::oldest())
        };
        let seen = base.file();
        let mut value = seen.clone();
        let result = change(&mut value)?;
        let changed = value != seen;
        let has_copies = !read.copies.is_empty() || !read.damaged_copies.is_empty();
        if !changed && read.existed && !has_copies {
            return Ok(Updated { value: result, saved: false });
        }
        let now = self.change_time().unwrap_or_else(|| Utc::now().fixed_offset());
        let copy = if changed { base.changed(&value, &now, device.as_str()) } else { base };
        let own = StampedRoutine { file: copy.file(), changes: copy.changes() };
        let bytes = document::bytes_to_save(&path, &own)?;
        let mut saved = false;
        if read.own.as_deref() != Some(bytes.as_slice()) {
            self.save_routine(&path, &bytes)?;
            let loaded = Loaded { value: own.clone(), existed: true, read_only: None };
            self.known.put(&path, loaded, StampedRoutine::KEEP_IN_MEMORY);
            saved = true;
        }
        if !read.shared {
            // For older versions, which read only routine.json (see the module doc).
            let shared = self.resolve(&self.paths.routine_file())?;
            let view = StampedRoutine { file: own.file, changes: Changes::default() };
            self.save_routine(&shared, &document::bytes_to_save(&shared, &view)?)?;
            saved = true;
        }
        self.move_conflict_copies(&read.copies, &read.damaged_copies)?;
        Ok(Updated { value: result, saved })
    }

    fn save_routine(&self, path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
        let mut notices = Vec::new();
        self.known.forget(path);
        let saved = recovery::save_bytes::<StampedRoutine>(path, bytes, &mut notices);
        self.push_notices(notices);
        saved
    }

    /// The routine files there are now (their backups' names follow from them): for the
    /// fingerprint that notices other processes' and computers' saves.
    pub(super) fn routine_files(&self) -> Vec<PathBuf> {
        let inputs = self.routine_inputs().unwrap_or_default();
        let mut files: Vec<PathBuf> = inputs.into_iter().map(|input| input.path).collect();
        if files.is_empty() {
            files.push(self.paths.routine_file());
        }
        files
    }
}

/// A file's copy of the routine: `routine.json` as an older version's save (stamped with
/// the file's time, its stamps if any ignored), a computer's file with its stamps.
fn copy_of(writer: &Writer, path: &Path, value: StampedRoutine) -> RoutineCopy {
    match writer {
        Writer::Shared => RoutineCopy::before_stamps(&value.file, modified(path)),
        Writer::Device(_) => RoutineCopy::read(&value.file, &value.changes, &Stamp::oldest()),
    }
}

/// When the file was last written, to the millisecond (the oldest time if unknown).
fn modified(path: &Path) -> DateTime<Utc> {
    let time = std::fs::metadata(path).and_then(|meta| meta.modified());
    time.map_or(DateTime::<Utc>::MIN_UTC, |time| DateTime::<Utc>::from(time).trunc_subsecs(3))
}

fn loaded_view(read: RoutinesRead) -> Loaded<RoutineFile> {
    let value = if read.existed { read.merged.file() } else { RoutineFile::default() };
    Loaded { value, existed: read.existed, read_only: read.read_only }
}
