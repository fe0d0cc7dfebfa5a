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
//! - `routine.json` of format 1 (a version before this one saved it) is read with every
//!   field stamped with its file's time, older than any stamped change: what an older
//!   version changed is kept where no computer of this version changed that field since.
//!   It is not rewritten on reading; the next save here replaces it with format 2 (the
//!   older bytes rotate into `routine.json.bak`), and so does a first save where there is
//!   none. `routine.json` of format 2 holds the merged view at that moment, for older
//!   versions; this version reads it only where no computer's file is there.
//! - **What older versions see**: they read `routine.json` only, and format 2 is newer
//!   than theirs, so they show the routine it holds (as it was when it was written)
//!   read-only, say that a newer version wrote it, change nothing, and never start a
//!   routine of their own beside this one. A change an older version made while apart (a
//!   `routine.json` of format 1 arriving, or a conflict copy of it) is merged as above;
//!   a step it removed comes back from the other computers' files, since format 1 has no
//!   dated removals.
//! - This computer's own file is repaired like any document (a damaged one kept aside,
//!   its backup restored), and so is a damaged `routine.json`. Another computer's file is
//!   never written here: when damaged, its backup is read, else it is left out, said
//!   once, until that computer saves again. Conflict copies, once merged into this
//!   computer's file, are moved to the state folder (`conflicts/`); a damaged one too,
//!   with a notice.
//! - "First run" (no routine saved yet) means that no computer saved one: no file at all.

use std::path::{Path, PathBuf};

use chrono::{DateTime, SubsecRound, Utc};
use serde::{Deserialize, Serialize};

use super::device::DeviceId;
use super::document::{self, Document, Loaded};
use super::read::{self, Inspected, Repair};
use super::{Store, StoreError, Updated, recovery};
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

/// What `routine.json` holds.
#[derive(Debug, Default, PartialEq, Eq)]
enum Shared {
    #[default]
    Missing,
    /// Format 1: an older version's save, to be replaced by format 2 at the next save.
    Older,
    /// Format 2 (or a newer one).
    Current,
}

/// Whether the routine file at `path` is one of an older format than this version writes,
/// readable (a damaged one is not: it is repaired as any document is).
fn older_format(path: &Path) -> bool {
    let inspected = read::inspect::<StampedRoutine>(path, &mut Vec::new());
    matches!(inspected, Ok(Inspected::NeedsRepair(Repair::Older { .. })))
}

/// A routine file this computer only reads, as kept in memory (see `known`).
#[derive(Debug, Clone)]
struct OnlyRead {
    value: StampedRoutine,
    /// Of an older format (migrated in memory).
    older: bool,
}

impl OnlyRead {
    fn loaded(self, existed: bool, read_only: Option<String>) -> Loaded<StampedRoutine> {
        Loaded { value: self.value, existed, read_only }
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
    /// What `routine.json` is.
    shared: Shared,
    copies: Vec<PathBuf>,
    damaged_copies: Vec<PathBuf>,
}

impl Store {
    /// `routine.DEVICE.json`: this computer's routine file.
    pub(super) fn own_routine_file(&self, device: &DeviceId) -> PathBuf {
        self.paths.config_dir.join(format!("routine.{device}.json"))
    }

    /// Every routine file of the folder, in a fixed order. A file missing beside its
    /// backup counts (reading it restores or reads the backup).
    fn routine_inputs(&self) -> Result<Vec<Input>, StoreError> {
        let dir = &self.paths.config_dir;
        let mut inputs = Vec::new();
        for super::conflicts::Listed { original, conflict, path } in super::conflicts::list(dir)? {
            let Some(writer) = parse_routine_file_name(&original) else { continue };
            inputs.push(Input { writer, conflict, path });
        }
        inputs.sort_unstable();
        inputs.dedup();
        Ok(inputs)
    }

    /// Reads and merges every routine file. `own`: this computer's id (its file, and a
    /// damaged `routine.json`, may be repaired, under the lock when `locked`); the others'
    /// files are only read, and so is `routine.json` of an older format (migrated in
    /// memory: it is replaced by format 2 at the next save, see the module doc).
    fn read_routines(&self, own: Option<&DeviceId>, locked: bool) -> Result<RoutinesRead, StoreError> {
        let mut read = RoutinesRead::default();
        let mut found = Found::default();
        for input in self.routine_inputs()? {
            let shared = input.writer == Writer::Shared;
            let mine = !input.conflict
                && match &input.writer {
                    Writer::Shared => true,
                    Writer::Device(device) => Some(device) == own,
                };
            // Whatever stands under another computer's name or a copy's (a folder, a FIFO, a
            // dangling link) is left out like a damaged file, as the journal's months do.
            let path = match self.resolve(&input.path) {
                Ok(path) => path,
                Err(error) if mine => return Err(error),
                Err(_) => input.path.clone(),
            };
            let older_shared = if mine && shared { self.older_routine(&path) } else { None };
            let (loaded, older) = if let Some(loaded) = older_shared {
                (loaded, true)
            } else if mine {
                let damaged = &mut read.damaged_copies;
                let Some((loaded, bytes)) = self.read_input::<StampedRoutine>(&path, true, false, locked, damaged)?
                else {
                    continue;
                };
                if !shared {
                    read.own = bytes;
                }
                (loaded, false)
            } else {
                let found = self.read_routine_of_another(&path, input.conflict, shared);
                let damaged = &mut read.damaged_copies;
                let Some(found) = self.found_or_left_out(found, &input.path, input.conflict, damaged) else {
                    continue;
                };
                found
            };
            if input.conflict {
                read.copies.push(input.path.clone());
            }
            if !loaded.existed {
                continue;
            }
            if shared && !input.conflict {
                read.shared = if older { Shared::Older } else { Shared::Current };
            }
            read.existed = true;
            read.read_only = read.read_only.or(loaded.read_only);
            found.add(&input.writer, &path, loaded.value, older);
        }
        read.merged = RoutineCopy::merge(&found.copies());
        Ok(read)
    }

    /// `routine.json` when it is of an older format: read, never rewritten here (it is
    /// replaced at the next save); kept in memory while the file is unchanged. `None` for
    /// any other (this format's, to read as a document of this computer's, or damaged).
    fn older_routine(&self, path: &Path) -> Option<Loaded<StampedRoutine>> {
        if self.known.get::<StampedRoutine>(path).is_some() {
            return None;
        }
        if let Some(known) = self.known.get::<OnlyRead>(path) {
            return known.value.older.then(|| known.value.loaded(known.existed, known.read_only));
        }
        let Ok(Inspected::NeedsRepair(Repair::Older { version, raw, .. })) =
            read::inspect::<StampedRoutine>(path, &mut Vec::new())
        else {
            return None;
        };
        let value = document::migrate::<StampedRoutine>(raw, version).ok()?;
        let loaded = Loaded { value: OnlyRead { value, older: true }, existed: true, read_only: None };
        self.known.put(path, loaded.clone(), true);
        Some(Loaded { value: loaded.value.value, existed: true, read_only: None })
    }

    /// Another computer's routine file or a conflict copy (see [`Store::read_other`]),
    /// with whether it is of an older format (which matters for `routine.json`'s, see
    /// [`Found`]); kept in memory while the file is unchanged, when it was read itself.
    fn read_routine_of_another(
        &self,
        path: &Path,
        conflict: bool,
        shared: bool,
    ) -> Result<Option<(Loaded<StampedRoutine>, bool)>, StoreError> {
        if let Some(known) = self.known.get::<OnlyRead>(path) {
            let older = known.value.older;
            return Ok(Some((known.value.loaded(known.existed, known.read_only), older)));
        }
        let older = shared && older_format(path);
        let mut notices = Vec::new();
        let inspected = read::inspect::<StampedRoutine>(path, &mut notices);
        if let Some(loaded) = read::usable(inspected?) {
            self.push_notices(notices);
            let value = OnlyRead { value: loaded.value.clone(), older };
            let kept = Loaded { value, existed: loaded.existed, read_only: loaded.read_only.clone() };
            self.known.put(path, kept, true);
            return Ok(Some((loaded, older)));
        }
        // Damaged: its backup, or nothing (said once), read afresh each time.
        Ok(self.read_other::<StampedRoutine>(path, conflict)?.map(|loaded| (loaded, older)))
    }

    /// Routine, schedule and settings: every computer's merged. Conflict copies found are
    /// taken into this computer's file and moved out of the folder, as a repair is made.
    pub fn load_routine_file(&self) -> Result<Loaded<RoutineFile>, StoreError> {
        let own = self.existing_device_id();
        let read = self.read_routines(own.as_ref(), false)?;
        if (!read.copies.is_empty() || !read.damaged_copies.is_empty()) && read.read_only.is_none() && own.is_some() {
            // What was read holds them already; a failure leaves them for the next change.
            let _ = self.update_routine_file(|_| Ok::<_, StoreError>(()));
        }
        Ok(loaded_view(read))
    }

    /// The routine as [`Store::load_routine_file`] gives it, read under the lock.
    pub(super) fn load_routine_file_locked(&self) -> Result<Loaded<RoutineFile>, StoreError> {
        let own = self.existing_device_id();
        Ok(loaded_view(self.read_routines(own.as_ref(), true)?))
    }

    /// The saved settings (every computer's merged), read without the lock, without
    /// repairing anything and without notices: for what must be known before a command
    /// runs (the language its messages are in). `None` when no routine file can be read.
    pub fn peek_settings(&self) -> Option<Settings> {
        let mut found = Found::default();
        for input in self.routine_inputs().ok()? {
            let Ok(path) = self.resolve(&input.path) else { continue };
            let Ok(inspected) = read::inspect::<StampedRoutine>(&path, &mut Vec::new()) else { continue };
            if let Some(loaded) = read::usable(inspected).filter(|loaded| loaded.existed) {
                let older = input.writer == Writer::Shared && older_format(&path);
                found.add(&input.writer, &path, loaded.value, older);
            }
        }
        let copies = found.copies();
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
        if read.shared != Shared::Current {
            // For older versions, which read only routine.json (see the module doc); what
            // one of format 1 held is in this computer's file now.
            let shared = self.resolve(&self.paths.routine_file())?;
            let view = StampedRoutine { file: own.file, changes: Changes::default() };
            self.save_routine(&shared, &document::bytes_to_save(&shared, &view)?)?;
            saved = true;
        }
        self.move_conflict_copies_out(&read.copies, &read.damaged_copies);
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

/// The copies of the routine the files hold, by what they are.
#[derive(Default)]
struct Found {
    /// Computers' files, older versions' `routine.json`, and conflict copies of them.
    copies: Vec<RoutineCopy>,
    device_files: bool,
    /// `routine.json` of format 2 and its conflict copies.
    views: Vec<RoutineCopy>,
}

impl Found {
    fn add(&mut self, writer: &Writer, path: &Path, value: StampedRoutine, older: bool) {
        let view = *writer == Writer::Shared && !older;
        self.device_files |= *writer != Writer::Shared;
        let copy = copy_of(writer, path, value);
        if view { self.views.push(copy) } else { self.copies.push(copy) }
    }

    /// What to merge. `routine.json` of format 2 is a view this version left for older
    /// versions: only where no computer's file is there (copied alone) is it read.
    fn copies(self) -> Vec<RoutineCopy> {
        let mut copies = self.copies;
        if !self.device_files {
            copies.extend(self.views);
        }
        copies
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
