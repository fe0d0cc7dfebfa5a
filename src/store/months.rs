//! The journal on disk: one small file per month in the folder `journal/`, so that a
//! check-in rewrites a few kilobytes, not years of history, and a view reads only the
//! months it shows.
//!
//! # The layout (journal format 3)
//!
//! - `journal/YYYY-MM.json`: the evenings that start in that month, in the journal's
//!   format (each a [`Document`] of its own: backup `.bak`, recovery, a size cap).
//! - `journal.json`: a small pointer, `{"schema_version": 3, "months_in": "journal", …}`,
//!   holding the journal's own unknown fields. Versions before this layout read
//!   `journal.json` and find a newer format there: they open it read-only and never start
//!   a fresh journal beside the months.
//! - `journal.json.v2.bak`: the single file of format 2, kept as it was when migrated.
//!
//! # The migration from one file, crash-safe at every step
//!
//! Under the lock: (1) the old file is read as before (a damaged one restored from its
//! backup, format 1 updated, each with its notice); (2) each month is merged into its
//! month file (a month file left by an interrupted run is merged with, never replaced:
//! merging is idempotent); (3) the old bytes are kept as `journal.json.v2.bak` (unless an
//! identical copy is there); (4) the pointer replaces `journal.json` in one rename. A run
//! killed before (4) finds the old file again and repeats the migration to the same result;
//! after (4) the layout is the months'. The migration is said once, as a notice.
//!
//! A month is never removed once written (an emptied month is an empty file): a missing
//! month file beside its backup is restored from it, and a removal would bring back what
//! the user had taken away.
//!
//! # Several computers (journal format 4)
//!
//! A data folder may be synced between computers (Syncthing, Nextcloud, Dropbox: whole
//! files, a file changed on both while apart becomes a conflict copy). So each computer
//! writes only files of its own: `journal/YYYY-MM.DEVICE.json` (the device id from the
//! state folder, [`super::device`]), holding its whole merged view of the month and the
//! month's dated removals ([`crate::model::removals`]). Reading a month merges every
//! computer's file of it, the `YYYY-MM.json` of format 3 (kept, read, never written
//! again) and any conflict copy of them ([`super::conflicts`]), in a fixed order (format
//! 3's file, then by device id; a tie keeps the first), then applies the removals. A
//! change writes this computer's file only. Another computer's file is never written or
//! repaired here: a damaged one is read from its backup, or left out with a notice.
//! Conflict copies, once merged into this computer's file, are moved to the state folder
//! (`conflicts/`), so that the sync tool does not carry them back; a damaged one too,
//! with a notice. The pointer says format 4: format 3's versions open it read-only. A
//! check-in or night log of format 4 may carry an `order` stamp beside its `at` (its place
//! in the merge's order when a clock running ahead made that later than `at`, see
//! [`crate::model::removals`]); format 3's files have none, and read as before.

use std::collections::BTreeMap;
use std::ops::RangeInclusive;
use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::atomic::keep_copy;
use super::device::DeviceId;
use super::document::{self, Document, Loaded, Version};
use super::error::name;
use super::read::{self, Contents, Read, read_capped};
use super::recovery::{self, migration_backup};
use super::{FileNotice, IoAction, Store, StoreError, Updated, atomic, scan};
use crate::model::removals::{self, Removals};
use crate::model::{Extra, Journal};
use crate::tr;

/// The format of a month file (3: the first with one file per month).
pub const MONTHS_VERSION: u64 = 3;

/// The journal format that the pointer says: 4 since each computer writes files of its
/// own (3 was one file per month for all; 2 one file).
pub const POINTER_VERSION: u64 = 4;

/// The folder of month files, beside `journal.json`.
pub const MONTHS_FOLDER: &str = "journal";

/// One month's evenings, in the journal's format, and what was taken away from them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct MonthFile {
    #[serde(flatten)]
    pub journal: Journal,
    #[serde(default, deserialize_with = "removals::deserialize", skip_serializing_if = "Removals::is_empty")]
    pub removed: Removals,
}

impl Document for MonthFile {
    /// Its messages name one month ("the journal's month starts empty"), not the journal.
    const WHAT: &'static str = "journal-month";
    const VERSION: u64 = MONTHS_VERSION;
    /// A month of a 100-step routine checked every evening is about 200 KB; but the one
    /// file of format 2 could hold 64 MB, all of it perhaps one month's (large unknown
    /// fields), and whatever it held must still move into months and take check-ins.
    const MAX_BYTES: u64 = Journal::MAX_BYTES;
    const PRETTY: bool = false;
    /// Handed out once after a save (the reload that follows a click), never held: a
    /// window that showed ten years of History would otherwise keep them all.
    const KEEP_IN_MEMORY: bool = false;

    fn extra_mut(&mut self) -> &mut Extra {
        &mut self.journal.extra
    }
}

/// `journal.json` once the journal is kept by month: where the months are, in words for
/// whoever opens it, and the journal's own unknown fields.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct JournalPointer {
    #[serde(default)]
    pub months_in: String,
    #[serde(default)]
    pub note: String,
    /// Read from a pointer of format 3: written again (as format 4) at the next change.
    #[serde(skip)]
    pub outdated: bool,
    #[serde(flatten)]
    pub extra: Extra,
}

impl JournalPointer {
    fn new(mut extra: Extra) -> Self {
        // A "journal" that was itself a pointer (one whose version was edited to an older
        // one) brings these along as unknown fields: written twice they would make the
        // pointer a file with repeated keys, damaged at the next read.
        extra.remove("months_in");
        extra.remove("note");
        Self {
            months_in: MONTHS_FOLDER.to_owned(),
            note: "Since journal format 3 the journal is kept in the folder journal/, one file per month \
                   (since format 4 one per month and computer). Update Bedtime Coach to read it."
                .to_owned(),
            outdated: false,
            extra,
        }
    }
}

impl Document for JournalPointer {
    const WHAT: &'static str = "journal";
    const VERSION: u64 = POINTER_VERSION;
    const MAX_BYTES: u64 = 4 << 20;
    const PRETTY: bool = true;

    fn extra_mut(&mut self) -> &mut Extra {
        &mut self.extra
    }
}

/// The first day of `date`'s month: a month's name in maps.
pub fn month_of(date: NaiveDate) -> NaiveDate {
    date.with_day(1).unwrap_or(date)
}

/// Who wrote a month file: the layout of format 3, shared by every computer (read, never
/// written again), or one computer.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Writer {
    Format3,
    Device(DeviceId),
}

/// `2026-12.json` (format 3) or `2026-12.DEVICE.json` for December 2026.
fn month_file_name(month: NaiveDate, writer: &Writer) -> String {
    match writer {
        Writer::Format3 => format!("{:04}-{:02}.json", month.year(), month.month()),
        Writer::Device(device) => format!("{:04}-{:02}.{device}.json", month.year(), month.month()),
    }
}

/// The month a file name of format 3 stands for: exactly `YYYY-MM.json`.
pub fn parse_month_file_name(name: &str) -> Option<NaiveDate> {
    match parse_month_file(name)? {
        (month, Writer::Format3) => Some(month),
        _ => None,
    }
}

/// The month and writer a file name stands for: exactly `YYYY-MM.json` or
/// `YYYY-MM.DEVICE.json`; anything else (backups, copies kept aside, a sync tool's files)
/// is not a month file.
pub fn parse_month_file(name: &str) -> Option<(NaiveDate, Writer)> {
    let stem = name.strip_suffix(".json")?;
    let (month, device) = match stem.split_at_checked(7)? {
        (month, "") => (month, None),
        (month, rest) => (month, Some(DeviceId::parse_name(rest.strip_prefix('.')?)?)),
    };
    let bytes = month.as_bytes();
    if bytes[4] != b'-' || !bytes.iter().enumerate().all(|(i, b)| i == 4 || b.is_ascii_digit()) {
        return None;
    }
    let month = NaiveDate::from_ymd_opt(month[..4].parse().ok()?, month[5..].parse().ok()?, 1)?;
    Some((month, device.map_or(Writer::Format3, Writer::Device)))
}

/// A file of the months folder that holds evenings: a month file, or a sync tool's
/// conflict copy of one.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Input {
    writer: Writer,
    /// A conflict copy: read, merged, then moved out of the folder.
    conflict: bool,
    path: PathBuf,
}

/// The months `range` touches.
fn months_of(range: &RangeInclusive<NaiveDate>) -> RangeInclusive<NaiveDate> {
    month_of(*range.start())..=month_of(*range.end())
}

/// Which months a read or a change looks at.
#[derive(Debug, Clone)]
pub(super) enum Months {
    All,
    /// The months holding these evenings.
    Of(RangeInclusive<NaiveDate>),
}

impl Months {
    fn contains(&self, month: NaiveDate) -> bool {
        match self {
            Months::All => true,
            Months::Of(range) => months_of(range).contains(&month),
        }
    }
}

/// How `journal.json` stands.
enum Layout {
    /// By month; the pointer as read (`None`: not written yet, a fresh journal).
    Months(Option<Loaded<JournalPointer>>),
    /// The one-file journal of format 2 (or older, or damaged with no months beside it):
    /// to migrate.
    OneFile,
    /// A pointer this version cannot use (newer, too large): read the months, write nothing.
    Unusable(String),
}

/// Evenings grouped by the month they start in.
fn split_by_month(evenings: BTreeMap<NaiveDate, crate::model::Evening>) -> BTreeMap<NaiveDate, Journal> {
    let mut months: BTreeMap<NaiveDate, Journal> = BTreeMap::new();
    for (date, evening) in evenings {
        months.entry(month_of(date)).or_default().evenings.insert(date, evening);
    }
    months
}

impl Store {
    pub(super) fn months_dir(&self) -> PathBuf {
        self.paths.data_dir.join(MONTHS_FOLDER)
    }

    /// This computer's file of the month `date` is in (whether it exists yet or not).
    pub fn own_month_file(&self, date: NaiveDate) -> Result<PathBuf, StoreError> {
        Ok(self.month_path(month_of(date), &Writer::Device(self.device_id()?)))
    }

    fn month_path(&self, month: NaiveDate, writer: &Writer) -> PathBuf {
        self.months_dir().join(month_file_name(month, writer))
    }

    /// The files that hold each month's evenings, oldest month first, each month's in the
    /// order they are merged (format 3's file, then by device id, each copy after its
    /// file). A month file missing beside its backup counts (reading it restores the
    /// backup, as for any document).
    fn month_inputs(&self) -> Result<BTreeMap<NaiveDate, Vec<Input>>, StoreError> {
        let dir = self.months_dir();
        let mut months: BTreeMap<NaiveDate, Vec<Input>> = BTreeMap::new();
        for super::conflicts::Listed { original, conflict, path } in super::conflicts::list(&dir)? {
            let Some((month, writer)) = parse_month_file(&original) else { continue };
            months.entry(month).or_default().push(Input { writer, conflict, path });
        }
        for inputs in months.values_mut() {
            inputs.sort_unstable();
            inputs.dedup();
        }
        Ok(months)
    }

    /// Reads every file of one month and merges them (see the module's doc). `own`: this
    /// computer's id, whose file (and format 3's) may be repaired here, under the lock when
    /// `locked`; others' files are only read.
    fn read_month(&self, inputs: &[Input], own: Option<&DeviceId>, locked: bool) -> Result<MonthRead, StoreError> {
        let mut read = MonthRead::default();
        let mut merged: Option<MonthFile> = None;
        for input in inputs {
            let mine = !input.conflict
                && (input.writer == Writer::Format3
                    || own.is_some_and(|own| input.writer == Writer::Device(own.clone())));
            let loaded = if mine {
                let path = self.resolve(&input.path)?;
                let (loaded, bytes) = if locked {
                    let Read { loaded, bytes } = self.read_locked::<MonthFile>(&path)?;
                    (loaded, bytes)
                } else {
                    (self.view::<MonthFile>(&path)?, None)
                };
                if input.writer != Writer::Format3 {
                    read.own = Some(bytes);
                }
                loaded
            } else {
                // Whatever stands under another computer's name, or a copy's (a folder, a
                // FIFO, a dangling link, a link loop), is left out like a damaged file:
                // never a reason for this computer's journal to stop.
                let found = self.resolve(&input.path).and_then(|path| self.read_other(&path, input.conflict));
                let damaged = &mut read.damaged_copies;
                let Some(loaded) = self.found_or_left_out(found, &input.path, input.conflict, damaged) else {
                    continue;
                };
                loaded
            };
            if input.conflict {
                read.copies.push(input.path.clone());
            }
            read.existed |= loaded.existed;
            read.read_only = read.read_only.or(loaded.read_only);
            match &mut merged {
                None => merged = Some(loaded.value),
                Some(merged) => {
                    crate::model::merge_into(&mut merged.journal, &loaded.value.journal);
                    removals::merge_removals(&mut merged.removed, &loaded.value.removed);
                }
            }
        }
        let mut merged = merged.unwrap_or_default();
        removals::apply_removals(&mut merged.journal, &merged.removed);
        read.merged = merged;
        Ok(read)
    }

    /// What a merged read takes from another computer's file or a conflict copy at `path`
    /// (`found`, as read): `None` when it is left out. A copy that cannot be read is added
    /// to `damaged`, to be moved out (the name in the folder, not what a link points to);
    /// another computer's file that cannot be read at all is said once.
    pub(super) fn found_or_left_out<V>(
        &self,
        found: Result<Option<V>, StoreError>,
        path: &Path,
        conflict: bool,
        damaged: &mut Vec<PathBuf>,
    ) -> Option<V> {
        match found {
            Ok(Some(value)) => Some(value),
            Ok(None) | Err(_) if conflict => {
                damaged.push(path.to_owned());
                None
            }
            Ok(None) => None,
            Err(_) => {
                self.tell_once(path, || {
                    let notice = tr!("store-notice-other-computer-damaged", path = name(path));
                    FileNotice::new(notice, vec![path.to_owned()])
                });
                None
            }
        }
    }

    /// One of the files a merged read takes in: this computer's own (`mine`: repaired as
    /// any document, under the lock when `locked`, and then with the bytes it holds), or
    /// another computer's file or a conflict copy, only read (see [`Store::read_other`]).
    /// `None`: left out; a conflict copy that could not be read is added to `damaged`.
    pub(super) fn read_input<T: Document>(
        &self,
        path: &Path,
        mine: bool,
        conflict: bool,
        locked: bool,
        damaged: &mut Vec<PathBuf>,
    ) -> Result<Option<InputRead<T>>, StoreError> {
        if mine {
            if locked {
                let Read { loaded, bytes } = self.read_locked::<T>(path)?;
                return Ok(Some((loaded, bytes)));
            }
            return Ok(Some((self.view::<T>(path)?, None)));
        }
        let loaded = self.read_other::<T>(path, conflict)?;
        if loaded.is_none() && conflict {
            damaged.push(path.to_owned());
        }
        Ok(loaded.map(|loaded| (loaded, None)))
    }

    /// Another computer's month file, or a conflict copy: read, never written. Damaged, its
    /// backup is read instead (a conflict copy has none: `None`, to be moved aside); with no
    /// usable backup it is left out, said once.
    /// An older format is migrated in memory (routine.json of an older version).
    pub(super) fn read_other<T: Document>(&self, path: &Path, conflict: bool) -> Result<Option<Loaded<T>>, StoreError> {
        let mut notices = Vec::new();
        let inspected = read::inspect::<T>(path, &mut notices);
        self.push_notices(notices);
        match inspected? {
            // Too large to read (no bytes): left out like a damaged file; this computer's
            // journal must not turn read-only for another computer's file.
            read::Inspected::Ready(read) if read.bytes.is_none() && read.loaded.read_only.is_some() => {}
            inspected => {
                if let Some(loaded) = read::usable(inspected) {
                    return Ok(Some(loaded));
                }
            }
        }
        if conflict {
            return Ok(None);
        }
        let backup = atomic::sibling(path, ".bak");
        if let Ok(inspected) = read::inspect::<T>(&backup, &mut Vec::new())
            && let Some(loaded) = read::usable(inspected).filter(|loaded| loaded.existed)
        {
            return Ok(Some(loaded));
        }
        self.tell_once(path, || {
            FileNotice::new(tr!("store-notice-other-computer-damaged", path = name(path)), vec![path.to_owned()])
        });
        Ok(None)
    }

    /// Moves merged conflict copies (and damaged ones, with a notice) to the state folder.
    /// Never fails the change it follows, which is saved by then: a copy that cannot be
    /// moved (its folder a file, a full disk) stays where it is, said once, and is read
    /// again (merging is idempotent) and moved at a later change.
    fn move_copies_out(&self, read: &MonthRead) {
        self.move_conflict_copies_out(&read.copies, &read.damaged_copies);
    }

    /// [`Store::move_copies_out`] for any merged files' copies.
    pub(super) fn move_conflict_copies_out(&self, copies: &[PathBuf], damaged_copies: &[PathBuf]) {
        let copies = copies.iter().map(|c| (c, false)).chain(damaged_copies.iter().map(|c| (c, true)));
        for (copy, damaged) in copies {
            let Err(error) = self.move_conflict_copy_out(copy, damaged) else { continue };
            let cause = match error {
                StoreError::Io { cause, .. } => cause.to_string(),
                other => other.to_string(),
            };
            self.tell_once(copy, || {
                let notice = tr!(
                    "store-notice-conflict-not-moved",
                    path = name(copy),
                    damaged = if damaged { "yes" } else { "no" },
                    folder = name(&self.paths.conflicts_dir()),
                    cause = cause
                );
                FileNotice::new(notice, vec![copy.clone()])
            });
        }
    }

    /// Sync tools' conflict copies of `journal.json` in the data folder: the one-file
    /// journal of format 2 that two computers both changed before they were updated, or the
    /// pointer written on both. A journal's evenings are merged into this computer's
    /// months; then the copy is moved to the state folder (a damaged one with a sentence;
    /// one of a newer format is left where it is, said once). Takes the lock to change.
    fn absorb_journal_copies(&self, journal: &Path) -> Result<(), StoreError> {
        let Some(journal_name) = journal.file_name().and_then(|n| n.to_str()) else { return Ok(()) };
        let copies = super::conflicts::copies_of(&self.paths.data_dir, journal_name);
        for copy in copies {
            let bytes = match read_capped(&copy, Journal::MAX_BYTES)? {
                Contents::Bytes(bytes) => bytes,
                Contents::Missing => continue,
                Contents::TooLarge(_) => {
                    self.move_conflict_copy_out(&copy, true)?;
                    continue;
                }
            };
            let incoming = match document::parse::<Journal>(&bytes) {
                document::Parsed::Ok(journal) => Some(journal),
                document::Parsed::Older(version, raw) => document::migrate::<Journal>(raw, version).ok(),
                // The pointer of this layout (format 3 or 4): nothing to take but its place.
                document::Parsed::Newer(_, _) if is_pointer(&bytes) => Some(Journal::default()),
                document::Parsed::Newer(..) => {
                    self.tell_once(&copy, || {
                        FileNotice::new(tr!("store-notice-conflict-newer", path = name(&copy)), vec![copy.clone()])
                    });
                    continue;
                }
                document::Parsed::Damaged(_) if is_pointer(&bytes) => Some(Journal::default()),
                document::Parsed::Damaged(_) => None,
            };
            match incoming {
                Some(incoming) => {
                    if let (Some(first), Some(last)) =
                        (incoming.evenings.keys().next(), incoming.evenings.keys().last())
                    {
                        self.update_months(Months::Of(*first..=*last), None, |here| {
                            crate::model::merge_into(here, &incoming);
                            Ok::<_, StoreError>(())
                        })?;
                    }
                    self.move_conflict_copy_out(&copy, false)?;
                }
                None => {
                    self.move_conflict_copy_out(&copy, true)?;
                }
            }
        }
        Ok(())
    }

    /// Whether the journal was ever kept by month here: month files, or the copy of the
    /// one file a migration keeps. Then a `journal.json` that cannot be read is a damaged
    /// pointer, never an old journal to migrate over the months.
    fn kept_by_month(&self, journal: &Path) -> Result<bool, StoreError> {
        Ok(!self.month_inputs()?.is_empty() || std::fs::symlink_metadata(migration_backup(journal, 2)).is_ok())
    }

    /// Reads `journal.json` and says what it is.
    fn layout(&self, journal: &Path, notices: &mut Vec<FileNotice>) -> Result<Layout, StoreError> {
        // Read once per process while unchanged: every read and change asks.
        if let Some(pointer) = self.known.get::<JournalPointer>(journal) {
            return Ok(Layout::Months(Some(pointer)));
        }
        let bytes = match read_capped(journal, JournalPointer::MAX_BYTES)? {
            Contents::Missing => {
                let backup_only = std::fs::symlink_metadata(atomic::sibling(journal, ".bak")).is_ok();
                return Ok(if backup_only && !self.kept_by_month(journal)? {
                    Layout::OneFile
                } else {
                    Layout::Months(None)
                });
            }
            // Too large for a pointer: an old journal of more than 4 MB (perhaps half
            // moved by a run killed before its pointer, so months are already there), or
            // not ours.
            Contents::TooLarge(_) => {
                return Ok(if self.kept_by_month(journal)? && !one_file_of_older_format(journal)? {
                    Layout::Unusable(self.unusable_pointer(journal, notices))
                } else {
                    Layout::OneFile
                });
            }
            Contents::Bytes(bytes) => bytes,
        };
        let version = scan::scan(&bytes)
            .map_err(|_| ())
            .and_then(|s| document::version::<JournalPointer>(s.version).map_err(|_| ()));
        match version {
            // Format 3's pointer: the months are there, each computer's file starts from
            // them; the pointer says format 4 at the next change.
            Ok(Version::Older(MONTHS_VERSION)) => match serde_json::from_slice::<JournalPointer>(&bytes) {
                Ok(mut pointer) if !pointer.extra.contains_key("evenings") => {
                    pointer.extra.remove(document::VERSION_KEY);
                    pointer.outdated = true;
                    Ok(Layout::Months(Some(Loaded { value: pointer, existed: true, read_only: None })))
                }
                _ => self.damaged_pointer(journal, &bytes, notices),
            },
            Ok(Version::Older(_)) => Ok(Layout::OneFile),
            Ok(Version::Newer(_)) => Ok(Layout::Unusable(self.unusable_pointer(journal, notices))),
            Ok(Version::Current) => match document::parse::<JournalPointer>(&bytes) {
                // Evenings in the pointer: a journal of the one-file shape given this
                // format by hand; kept aside, never taken for the pointer's own fields.
                document::Parsed::Ok(pointer) if !pointer.extra.contains_key("evenings") => {
                    let loaded = Loaded { value: pointer, existed: true, read_only: None };
                    self.known.put(journal, loaded.clone(), true);
                    Ok(Layout::Months(Some(loaded)))
                }
                _ => self.damaged_pointer(journal, &bytes, notices),
            },
            Err(()) if self.kept_by_month(journal)? => self.damaged_pointer(journal, &bytes, notices),
            // Damaged with no months beside it: the one-file journal's recovery handles it.
            Err(()) => Ok(Layout::OneFile),
        }
    }

    /// A pointer that cannot be read while the months are there: the months are the
    /// journal; the pointer is written again at once (its bytes kept aside first), since
    /// a version before the months finding no `journal.json` would start an empty journal
    /// there, or restore an old backup of the one file, and write to it.
    fn damaged_pointer(
        &self,
        journal: &Path,
        bytes: &[u8],
        notices: &mut Vec<FileNotice>,
    ) -> Result<Layout, StoreError> {
        // Named as every damaged file kept aside is (`NAME.corrupt-TIME`), so that whoever
        // looks for them finds this one too.
        let label = format!("corrupt-{}", recovery::stamp());
        let aside =
            keep_copy(journal, &label, bytes).map_err(|e| StoreError::io(IoAction::KeepDamagedCopy, journal, e));
        // On a read-only disk the copy cannot be made: the months are still read.
        let Ok(aside) = aside else { return Ok(Layout::Months(None)) };
        // The journal's own unknown fields were in the damaged bytes: kept aside with them.
        let pointer = match self.write_pointer(journal, Extra::default()) {
            Ok(pointer) => Some(pointer),
            // Not writable now: removed, so that it is not kept aside again at every read.
            Err(_) => {
                atomic::remove_file_if_exists(journal).map_err(|e| StoreError::io(IoAction::Remove, journal, e))?;
                None
            }
        };
        notices.push(FileNotice::new(
            tr!("store-notice-pointer-damaged", path = name(journal), aside = name(&aside), folder = MONTHS_FOLDER),
            vec![aside, journal.to_owned()],
        ));
        Ok(Layout::Months(pointer))
    }

    /// The notice for a pointer this version cannot use, and the reason changes are refused.
    fn unusable_pointer(&self, journal: &Path, notices: &mut Vec<FileNotice>) -> String {
        let mut inspected = Vec::new();
        let reason = match super::read::inspect::<JournalPointer>(journal, &mut inspected) {
            Ok(super::read::Inspected::Ready(read)) => read.loaded.read_only,
            _ => None,
        };
        notices.extend(inspected);
        reason.unwrap_or_else(|| tr!("store-error-read-only", reason = name(journal)))
    }

    /// Moves a one-file journal into months (see the module's doc). Call under the lock.
    /// `Ok(one file)` when it could not be moved and must be shown as it is, read-only;
    /// `Err(pointer)` once moved.
    fn migrate_one_file(&self, journal: &Path) -> Result<Result<Loaded<Journal>, Loaded<JournalPointer>>, StoreError> {
        let Read { loaded, bytes } = self.read_locked::<Journal>(journal)?;
        if loaded.read_only.is_some() {
            return Ok(Ok(loaded));
        }
        let Journal { evenings, extra } = loaded.value;
        let own = Writer::Device(self.device_id()?);
        for (month, incoming) in split_by_month(evenings) {
            let path = self.month_path(month, &own);
            let Read { loaded: mut here, bytes: before } = self.read_locked::<MonthFile>(&path)?;
            if let Some(reason) = here.read_only {
                return Err(StoreError::ReadOnly(reason));
            }
            crate::model::merge_into(&mut here.value.journal, &incoming);
            self.save_month(&path, &here.value, before.as_deref())?;
        }
        let mut notices = Vec::new();
        if let Some(bytes) = bytes {
            let kept = migration_backup(journal, 2);
            let same_kept = std::fs::read(&kept).is_ok_and(|old| old == bytes);
            let kept = if same_kept {
                kept
            } else {
                keep_copy(journal, "v2.bak", &bytes).map_err(|e| StoreError::io(IoAction::BackUp, &kept, e))?
            };
            notices.push(FileNotice::new(
                tr!("store-notice-months", folder = MONTHS_FOLDER, kept = name(&kept)),
                vec![kept],
            ));
        }
        // The one file's own backup (the save before the last, or the original of a
        // format 1 file) goes by another name: a version before the months restores
        // `journal.json.bak` whenever `journal.json` is missing, and would write to it.
        let backup = atomic::sibling(journal, ".bak");
        if std::fs::symlink_metadata(&backup).is_ok() {
            atomic::move_aside(&backup, journal, "bak-before-months")
                .map_err(|e| StoreError::io(IoAction::MoveAside, &backup, e))?;
        }
        let pointer = self.write_pointer(journal, extra)?;
        self.push_notices(notices);
        Ok(Err(pointer))
    }

    /// Writes the pointer holding the journal's own unknown fields; returns it as saved.
    fn write_pointer(&self, journal: &Path, extra: Extra) -> Result<Loaded<JournalPointer>, StoreError> {
        let pointer = JournalPointer::new(extra);
        let bytes = document::bytes_to_save(journal, &pointer)?;
        create_dir(&self.paths.data_dir)?;
        // Not rotated into a `.bak`: the one before it may be the old journal, kept apart
        // as `journal.json.v2.bak`; as `journal.json.bak` an older version would restore it
        // whenever `journal.json` went missing.
        atomic::replace_file(journal, &bytes).or_else(|error| match atomic::not_flushed(&error) {
            Some(cause) => {
                self.push_notices(vec![recovery::not_flushed_notice(journal, cause)]);
                Ok(())
            }
            None => Err(StoreError::io(IoAction::Save, journal, error)),
        })?;
        let loaded = Loaded { value: pointer, existed: true, read_only: None };
        self.known.put(journal, loaded.clone(), true);
        Ok(loaded)
    }

    fn save_month(&self, path: &Path, month: &MonthFile, before: Option<&[u8]>) -> Result<bool, StoreError> {
        let bytes = document::bytes_to_save(path, month)?;
        if before == Some(bytes.as_slice()) {
            return Ok(false);
        }
        create_dir(&self.months_dir())?;
        self.known.forget(path);
        let mut notices = Vec::new();
        let saved = recovery::save_bytes::<MonthFile>(path, &bytes, &mut notices);
        self.push_notices(notices);
        saved?;
        self.known.put(path, Loaded { value: month.clone(), existed: true, read_only: None }, false);
        Ok(true)
    }

    /// Makes sure the journal is kept by month, migrating the one file under the lock
    /// (taken here unless `locked`). Returns the pointer, or the one-file journal to show
    /// read-only when it could not be migrated, or why changes are refused.
    fn by_month(&self, locked: bool) -> Result<ByMonth, StoreError> {
        let journal = self.resolve(&self.paths.journal_file())?;
        let mut notices = Vec::new();
        let layout = self.layout(&journal, &mut notices);
        self.push_notices(notices);
        match layout? {
            Layout::Months(pointer) => Ok(ByMonth::Months { pointer, read_only: None }),
            Layout::Unusable(reason) => Ok(ByMonth::Months { pointer: None, read_only: Some(reason) }),
            Layout::OneFile => {
                let migrated = self.migrate_under_lock(&journal, locked);
                match migrated {
                    // A view that cannot migrate (a read-only disk, the lock held for long)
                    // shows the one file as it is, read-only, saying why; a change fails.
                    Err(error) if !locked && !matches!(error, StoreError::DanglingLink { .. }) => {
                        let mut one_file = self.view::<Journal>(&journal)?;
                        one_file.read_only.get_or_insert_with(|| error.to_string());
                        Ok(ByMonth::OneFile(one_file))
                    }
                    result => result,
                }
            }
        }
    }

    fn migrate_under_lock(&self, journal: &Path, locked: bool) -> Result<ByMonth, StoreError> {
        let _guard = if locked { None } else { Some(self.lock()?) };
        // Read again under the lock: another process may have migrated meanwhile.
        let mut notices = Vec::new();
        let layout = self.layout(journal, &mut notices);
        self.push_notices(notices);
        match layout? {
            Layout::OneFile => match self.migrate_one_file(journal)? {
                Ok(one_file) => Ok(ByMonth::OneFile(one_file)),
                Err(pointer) => Ok(ByMonth::Months { pointer: Some(pointer), read_only: None }),
            },
            Layout::Months(pointer) => Ok(ByMonth::Months { pointer, read_only: None }),
            Layout::Unusable(reason) => Ok(ByMonth::Months { pointer: None, read_only: Some(reason) }),
        }
    }

    /// The journal's evenings in `months`, every month file read (and repaired: under
    /// the lock when `locked`, else taking it only if a file needs it). `progress` hears
    /// (months read, months to read) after each.
    pub(super) fn read_months(
        &self,
        months: &Months,
        locked: bool,
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<Loaded<Journal>, StoreError> {
        let (pointer, mut read_only) = match self.by_month(locked)? {
            ByMonth::OneFile(mut one_file) => {
                if let Months::Of(range) = months {
                    one_file.value.evenings.retain(|date, _| range.contains(date));
                }
                progress(1, 1);
                return Ok(one_file);
            }
            ByMonth::Months { pointer, read_only } => (pointer, read_only),
        };
        if !locked && read_only.is_none() {
            let journal = self.resolve(&self.paths.journal_file())?;
            // A failure leaves the copies for the next look; what is read is the months.
            let _ = self.absorb_journal_copies(&journal);
        }
        let inputs: Vec<(NaiveDate, Vec<Input>)> =
            self.month_inputs()?.into_iter().filter(|(month, _)| months.contains(*month)).collect();
        // Without an id (a state folder that cannot be written), every computer's file is
        // read as another's: viewing still works.
        let own = self.existing_device_id();
        let mut journal = Journal::default();
        let mut existed = pointer.is_some();
        let mut with_copies = Vec::new();
        for (done, (month, files)) in inputs.iter().enumerate() {
            let read = self.read_month(files, own.as_ref(), locked)?;
            existed |= read.existed;
            read_only = read_only.or(read.read_only);
            if !read.copies.is_empty() || !read.damaged_copies.is_empty() {
                with_copies.push(*month);
            }
            add_month(&mut journal, read.merged.journal);
            progress(done + 1, inputs.len());
        }
        // Conflict copies a view found are taken into this computer's file and moved out
        // now, as a repair is made: left in the folder, the sync tool would carry them
        // back and forth. What was read already holds them; a failure leaves them for the
        // next change.
        if !locked && read_only.is_none() {
            for month in with_copies {
                let _ = self.update_months(Months::Of(month..=month), None, |_| Ok::<_, StoreError>(()));
            }
        }
        if let Months::Of(range) = months {
            journal.evenings.retain(|date, _| range.contains(date));
        }
        if let Some(pointer) = pointer {
            journal.extra = pointer.value.extra;
        }
        Ok(Loaded { value: journal, existed, read_only })
    }

    /// A read-modify-write of the evenings in `months`: only this computer's files of the
    /// months whose merged evenings differ from them are written. The journal that
    /// `change` sees holds only those months (every computer's files merged); an evening
    /// it adds in another month is added to that month's file. What it takes away is
    /// recorded as dated removals (see [`crate::model::removals`]).
    /// `max`: the most the whole journal may then hold on disk (imports).
    pub(super) fn update_months<R, E: From<StoreError>>(
        &self,
        months: Months,
        max: Option<u64>,
        change: impl FnOnce(&mut Journal) -> Result<R, E>,
    ) -> Result<Updated<R>, E> {
        let journal_path = self.resolve(&self.paths.journal_file())?;
        let _guard = self.lock()?;
        let (pointer, read_only) = match self.by_month(true)? {
            ByMonth::OneFile(one_file) => (None, one_file.read_only),
            ByMonth::Months { pointer, read_only } => (pointer, read_only),
        };
        if let Some(reason) = read_only {
            return Err(StoreError::ReadOnly(reason).into());
        }
        let device = self.device_id()?;
        let own = Writer::Device(device.clone());
        let inputs = self.month_inputs()?;
        let read_locked = |month: &NaiveDate| -> Result<MonthRead, StoreError> {
            let files = inputs.get(month).map(Vec::as_slice).unwrap_or_default();
            let read = self.read_month(files, Some(&device), true)?;
            match read.read_only {
                Some(reason) => Err(StoreError::ReadOnly(reason)),
                None => Ok(read),
            }
        };
        let mut before: BTreeMap<NaiveDate, MonthRead> = BTreeMap::new();
        let mut journal = Journal::default();
        let mut removed = Removals::new();
        for month in inputs.keys().filter(|month| months.contains(**month)) {
            let read = read_locked(month)?;
            add_month(&mut journal, read.merged.journal.clone());
            removals::merge_removals(&mut removed, &read.merged.removed);
            before.insert(*month, read);
        }
        let extra_before = pointer.as_ref().map(|p| p.value.extra.clone()).unwrap_or_default();
        journal.extra = extra_before.clone();
        let seen = journal.clone();
        let result = change(&mut journal)?;
        removals::record_change(&seen, &mut journal, &mut removed, self.change_time());
        drop(seen);

        let Journal { evenings, extra } = journal;
        let mut after = split_by_month(evenings);
        let mut removed_by_month: BTreeMap<NaiveDate, Removals> = BTreeMap::new();
        for (date, removed) in removed {
            removed_by_month.entry(month_of(date)).or_default().insert(date, removed);
        }
        let touched: std::collections::BTreeSet<NaiveDate> =
            before.keys().chain(after.keys()).chain(removed_by_month.keys()).copied().collect();
        let mut writes = Vec::new();
        for month in touched {
            let path = self.resolve(&self.month_path(month, &own))?;
            let evenings = after.remove(&month).unwrap_or_default().evenings;
            let removed = removed_by_month.remove(&month).unwrap_or_default();
            let (file, read) = match before.remove(&month) {
                Some(read) => {
                    let mut file = read.merged.clone();
                    file.journal.evenings = evenings;
                    file.removed = removed;
                    (file, read)
                }
                // A month the change was not given: what it added goes into what is there
                // (merged, not replaced: it may be an evening filed by hand under another
                // month, while this month's files have their own record of it).
                None => {
                    let read = read_locked(&month)?;
                    let mut file = read.merged.clone();
                    crate::model::merge_into(&mut file.journal, &Journal { evenings, extra: Extra::new() });
                    removals::merge_removals(&mut file.removed, &removed);
                    removals::apply_removals(&mut file.journal, &file.removed);
                    (file, read)
                }
            };
            let own_bytes = read.own.clone().flatten();
            let empty = file.journal.evenings.is_empty() && file.removed.is_empty() && file.journal.extra.is_empty();
            if own_bytes.is_none() && read.own.is_none() && empty {
                self.move_copies_out(&read);
                continue;
            }
            writes.push((path, file, own_bytes, read));
        }
        // A new journal's pointer is written with its first month; format 3's is written
        // again as format 4; a change of nothing writes nothing.
        let outdated = pointer.as_ref().is_some_and(|pointer| pointer.value.outdated);
        let pointer_changes = (pointer.is_none() && !writes.is_empty()) || extra != extra_before || outdated;
        if let Some(max) = max {
            self.check_journal_size(&writes, max)?;
        }
        if pointer_changes {
            self.write_pointer(&journal_path, extra)?;
        }
        let mut saved = pointer_changes;
        for (path, month_file, bytes, read) in writes {
            saved |= self.save_month(&path, &month_file, bytes.as_deref())?;
            // This computer's file holds them now.
            self.move_copies_out(&read);
        }
        Ok(Updated { value: result, saved })
    }

    /// Refuses a change that would leave the whole journal beyond `max` bytes.
    fn check_journal_size(
        &self,
        writes: &[(PathBuf, MonthFile, Option<Vec<u8>>, MonthRead)],
        max: u64,
    ) -> Result<(), StoreError> {
        let mut size = self.journal_size_on_disk();
        for (path, month_file, before, _) in writes {
            let new = document::bytes_to_save(path, month_file)?.len() as u64;
            size = (size + new).saturating_sub(before.as_ref().map_or(0, |b| b.len() as u64));
        }
        if size > max {
            let path = self.months_dir();
            return Err(StoreError::TooLarge { what: Journal::WHAT, path, size, max });
        }
        Ok(())
    }

    /// What this computer's month files (each holding its whole view of a month) take on
    /// disk now.
    pub(super) fn journal_size_on_disk(&self) -> u64 {
        let own = self.existing_device_id().map(Writer::Device);
        let inputs = self.month_inputs().unwrap_or_default();
        let own_files =
            inputs.values().flatten().filter(|input| !input.conflict && Some(&input.writer) == own.as_ref());
        own_files.filter_map(|input| std::fs::metadata(&input.path).ok()).map(|meta| meta.len()).sum()
    }
}

/// Whether `journal.json`, too large for a pointer, is a one-file journal of an older
/// format (read whole once, up to the one file's own cap, for its version).
fn one_file_of_older_format(journal: &Path) -> Result<bool, StoreError> {
    let Contents::Bytes(bytes) = read_capped(journal, Journal::MAX_BYTES)? else { return Ok(false) };
    Ok(scan::scan(&bytes)
        .is_ok_and(|s| matches!(document::version::<JournalPointer>(s.version), Ok(Version::Older(_)))))
}

/// What [`Store::by_month`] found.
enum ByMonth {
    Months { pointer: Option<Loaded<JournalPointer>>, read_only: Option<String> },
    OneFile(Loaded<Journal>),
}

/// Adds a month file's evenings to `journal` (an evening filed under the wrong month,
/// by hand, is merged with the one already there rather than replacing it).
fn add_month(journal: &mut Journal, month: Journal) {
    for (date, evening) in month.evenings {
        match journal.evenings.entry(date) {
            std::collections::btree_map::Entry::Vacant(slot) => {
                slot.insert(evening);
            }
            std::collections::btree_map::Entry::Occupied(_) => {
                let mut single = Journal::default();
                single.evenings.insert(date, evening);
                crate::model::merge_into(journal, &single);
            }
        }
    }
}

/// Whether `bytes` are a pointer of the months' layout (it says where the months are).
fn is_pointer(bytes: &[u8]) -> bool {
    serde_json::from_slice::<serde_json::Value>(bytes)
        .is_ok_and(|value| value.get("months_in").is_some() && value.get("evenings").is_none())
}

/// A file a merged read took in, and the bytes it holds when read under the lock.
pub(super) type InputRead<T> = (Loaded<T>, Option<Vec<u8>>);

/// What [`Store::read_month`] found: the month merged from every file of it.
#[derive(Debug, Default)]
struct MonthRead {
    merged: MonthFile,
    /// This computer's own file's bytes as read under the lock (`Some(None)`: no file
    /// yet, or read without the lock); `None` when it has none in this month.
    own: Option<Option<Vec<u8>>>,
    /// Conflict copies merged in, to move out once this computer's file holds them.
    copies: Vec<PathBuf>,
    /// Conflict copies that could not be read, to move out with a notice.
    damaged_copies: Vec<PathBuf>,
    existed: bool,
    read_only: Option<String>,
}

fn create_dir(dir: &Path) -> Result<(), StoreError> {
    super::atomic::create_private_dir(dir).map_err(|e| StoreError::io(IoAction::CreateFolder, dir, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_exact_month_names_are_month_files() {
        assert_eq!(parse_month_file_name("2026-12.json"), NaiveDate::from_ymd_opt(2026, 12, 1));
        for other in [
            "2026-13.json",
            "2026-1.json",
            "2026-12.json.bak",
            "2026-12.sync-conflict-20261206-101010-ABC.json",
            "x.json",
            "2026-12",
            "+202-12.json",
        ] {
            assert_eq!(parse_month_file_name(other), None, "{other}");
        }
        let march = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
        assert_eq!(month_file_name(march, &Writer::Format3), "2026-03.json");
        let device = Writer::Device(DeviceId::parse("0a1b2c3d4e5f6071").unwrap());
        assert_eq!(month_file_name(march, &device), "2026-03.0a1b2c3d4e5f6071.json");
        assert_eq!(parse_month_file("2026-03.0a1b2c3d4e5f6071.json"), Some((march, device.clone())));
        for other in ["2026-03..json", "2026-03.a/b.json", "2026-03x0a.json", "2026-03.0a.json.bak", "2026-03.a-b.json"]
        {
            assert_eq!(parse_month_file(other), None, "{other}");
        }
        // In capitals (a system that ignores case kept the name so): a writer of its own,
        // never this computer, whose id is lowercase.
        let capitals = parse_month_file("2026-03.0A1B2C3D4E5F6071.json").map(|(_, writer)| writer);
        assert!(capitals.as_ref().is_some_and(|writer| *writer != device), "{capitals:?}");
    }

    #[test]
    fn a_pointer_never_repeats_its_own_keys() {
        let mut extra = Extra::new();
        extra.insert("months_in".into(), serde_json::json!("elsewhere"));
        extra.insert("note".into(), serde_json::json!("old"));
        extra.insert("sync_token".into(), serde_json::json!("abc"));
        let bytes = document::to_bytes(&JournalPointer::new(extra)).unwrap();
        assert!(scan::scan(&bytes).is_ok(), "{}", String::from_utf8_lossy(&bytes));
        let pointer = match document::parse::<JournalPointer>(&bytes) {
            document::Parsed::Ok(pointer) => pointer,
            _ => panic!("{}", String::from_utf8_lossy(&bytes)),
        };
        assert_eq!(pointer.months_in, MONTHS_FOLDER);
        assert_eq!(pointer.extra.get("sync_token"), Some(&serde_json::json!("abc")));
    }
}
