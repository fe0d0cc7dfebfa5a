//! The computers that write to the data folder, and the files that name or forget them.
//!
//! Why it exists: with the folder synced (Syncthing, Nextcloud, Dropbox), Settings lists
//! each computer that wrote to it and when it last did, and lets the user name one or
//! forget it. Which computers wrote is read from the names of their own files
//! (`journal/YYYY-MM.DEVICE.json`, `routine.DEVICE.json`) and the newest modification
//! time among them, so nothing more is written to know it. Names and forgettings are
//! shared the way everything else is: each computer writes only `computers/DEVICE.json`,
//! its whole merged view, and reading merges every computer's file with the pure merge
//! in [`crate::model::computers`]. Forgetting removes nothing: the computer's files stay
//! part of the history, it is only no longer listed (until it writes again).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};

use super::document::Document;
use super::read::{self, Inspected};
use super::{DeviceId, IoAction, MONTHS_FOLDER, Store, StoreError, Updated, Writer, parse_month_file};
use crate::model::Extra;
use crate::model::computers::{ComputerNames, merge_names};

/// The folder of the computers' files, in the data folder.
pub const COMPUTERS_FOLDER: &str = "computers";

impl Document for ComputerNames {
    const WHAT: &'static str = "computers";
    const VERSION: u64 = 1;
    /// A name and two times per computer: a few hundred bytes for a household.
    const MAX_BYTES: u64 = 1 << 20;
    const PRETTY: bool = true;

    fn extra_mut(&mut self) -> &mut Extra {
        &mut self.extra
    }
}

/// What the folder says about its computers, read at one moment.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ComputersSeen {
    /// This computer's device id.
    pub this: String,
    /// Every computer's names and forgettings, merged.
    pub names: ComputerNames,
    /// Each computer's host name, as its own file says it.
    pub hosts: BTreeMap<String, String>,
    /// Each computer that wrote to the folder, and the newest modification time of its files.
    pub wrote: BTreeMap<String, DateTime<Utc>>,
}

/// The device whose file `name` is, in the folder of the journal (`month` true:
/// `YYYY-MM.DEVICE.json`) or beside the routine (`routine.DEVICE.json`). A sync tool's
/// conflict copy is no computer's write of its own: it is merged and moved out.
fn writer_of(name: &str, month: bool) -> Option<DeviceId> {
    if month {
        return match parse_month_file(name)? {
            // A name in capitals (kept so by a system that ignores case) is read, but is
            // no computer's own write: ids are lowercase.
            (_, Writer::Device(device)) => DeviceId::parse(device.as_str()),
            (_, Writer::Format3) => None,
        };
    }
    DeviceId::parse(name.strip_prefix("routine.")?.strip_suffix(".json")?)
}

/// Each file name in `dir` (none when it does not exist).
pub(super) fn file_names(dir: &Path) -> Result<Vec<String>, StoreError> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(error) if error.kind() == std::io::ErrorKind::NotADirectory => {
            return Err(StoreError::NotAFolder { path: dir.to_owned() });
        }
        Err(error) => return Err(StoreError::io(IoAction::Read, dir, error)),
    };
    Ok(entries.filter_map(|entry| entry.ok()?.file_name().into_string().ok()).collect())
}

/// When the file was last modified; `None` when it is gone or the system does not say.
fn modified(path: &Path) -> Option<DateTime<Utc>> {
    std::fs::metadata(path).and_then(|meta| meta.modified()).ok().map(DateTime::<Utc>::from)
}

impl Store {
    /// The folder of every computer's names and forgettings.
    pub(super) fn computers_dir(&self) -> PathBuf {
        self.paths.data_dir.join(COMPUTERS_FOLDER)
    }

    /// Each computer that wrote a journal month or a routine to the folder, with the
    /// newest modification time of its files.
    pub(super) fn writers(&self) -> Result<BTreeMap<String, DateTime<Utc>>, StoreError> {
        let mut wrote: BTreeMap<String, DateTime<Utc>> = BTreeMap::new();
        let months = self.paths.data_dir.join(MONTHS_FOLDER);
        let mut folders = vec![(months, true), (self.paths.config_dir.clone(), false)];
        if self.paths.data_dir != self.paths.config_dir {
            folders.push((self.paths.data_dir.clone(), false));
        }
        for (dir, month) in folders {
            for name in file_names(&dir)? {
                let Some(device) = writer_of(&name, month) else { continue };
                let Some(at) = modified(&dir.join(&name)) else { continue };
                let newest = wrote.entry(device.to_string()).or_insert(at);
                *newest = (*newest).max(at);
            }
        }
        Ok(wrote)
    }

    /// Every computer's file of names but `this` one's, as (writer, its names). A file
    /// that cannot be read as it is (damaged, older, newer) is left to the computer that
    /// owns it, which repairs it when it next reads it; what it said is also in the
    /// merged copy every other computer keeps.
    fn others_names(&self, this: &str) -> Result<Vec<(String, ComputerNames)>, StoreError> {
        let dir = self.computers_dir();
        let mut files = Vec::new();
        for name in file_names(&dir)? {
            let Some(device) =
                name.strip_suffix(".json").and_then(DeviceId::parse).filter(|device| device.as_str() != this)
            else {
                continue;
            };
            let mut notices = Vec::new();
            if let Ok(Inspected::Ready(read)) = read::inspect::<ComputerNames>(&dir.join(&name), &mut notices)
                && read.loaded.read_only.is_none()
            {
                files.push((device.to_string(), read.loaded.value));
            }
        }
        Ok(files)
    }

    /// What the folder says about its computers: who wrote when, their names, and which
    /// were forgotten.
    pub fn computers(&self) -> Result<ComputersSeen, StoreError> {
        self.computers_of(self.device_id()?.as_str())
    }

    /// Read-modify-write of this computer's file of names under the lock (see
    /// [`Store::update_computers_of`]); `host` is this computer's host name, to record.
    pub fn update_computers<R, E: From<StoreError>>(
        &self,
        host: Option<String>,
        change: impl FnOnce(&mut ComputerNames, &ComputersSeen) -> Result<R, E>,
    ) -> Result<Updated<R>, E> {
        let this = self.device_id()?;
        self.update_computers_of(this.as_str(), host, change)
    }

    /// What the folder says about its computers, this one's files being `this`'s. Reads
    /// without the lock, repairing only this computer's own file if it must.
    pub(super) fn computers_of(&self, this: &str) -> Result<ComputersSeen, StoreError> {
        let own = self.view::<ComputerNames>(&self.computers_dir().join(format!("{this}.json")))?.value;
        let others = self.others_names(this)?;
        Ok(seen(this, &own, &others, self.writers()?))
    }

    /// Read-modify-write of this computer's file of names (`this`'s), under the lock:
    /// `change` sees every computer's names merged and who wrote when, and what it leaves
    /// is saved as this computer's whole view, with its host name.
    pub(super) fn update_computers_of<R, E: From<StoreError>>(
        &self,
        this: &str,
        host: Option<String>,
        change: impl FnOnce(&mut ComputerNames, &ComputersSeen) -> Result<R, E>,
    ) -> Result<Updated<R>, E> {
        let dir = self.computers_dir();
        super::atomic::create_private_dir(&dir).map_err(|e| StoreError::io(IoAction::CreateFolder, &dir, e))?;
        let path = dir.join(format!("{this}.json"));
        self.update::<ComputerNames, R, E>(&path, ComputerNames::MAX_BYTES, |own| {
            let others = self.others_names(this)?;
            let seen = seen(this, own, &others, self.writers()?);
            own.names = seen.names.names.clone();
            own.forgotten = seen.names.forgotten.clone();
            if host.is_some() {
                own.host = host;
            }
            change(own, &seen)
        })
    }
}

/// The folder's computers from this computer's file (`own`), the others' and the writes.
fn seen(
    this: &str,
    own: &ComputerNames,
    others: &[(String, ComputerNames)],
    wrote: BTreeMap<String, DateTime<Utc>>,
) -> ComputersSeen {
    let files = others.iter().map(|(device, file)| (device.as_str(), file));
    let names = merge_names(files.clone().chain([(this, own)]));
    let hosts =
        files.chain([(this, own)]).filter_map(|(device, file)| Some((device.to_owned(), file.host.clone()?))).collect();
    ComputersSeen { this: this.to_owned(), names, hosts, wrote }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Paths;

    const A: &str = "00000000000000aa";
    const B: &str = "00000000000000bb";

    fn at(text: &str) -> chrono::DateTime<chrono::FixedOffset> {
        chrono::DateTime::parse_from_rfc3339(text).unwrap()
    }

    #[test]
    fn the_writer_is_read_from_a_month_or_a_routine_file_name_only() {
        let a = DeviceId::parse(A);
        assert_eq!(writer_of(&format!("2026-12.{A}.json"), true), a);
        assert_eq!(writer_of(&format!("routine.{A}.json"), false), a);
        for name in [
            format!("2026-12.{A}.json.bak"),
            format!(".2026-12.{A}.json.tmp"),
            "2026-12.json".into(),
            format!("2026-12.{}.json", A.to_uppercase()),
            format!("routine.{A}.json"),
            format!("2026-1x.{A}.json"),
            format!("2026-12.{A}.sync-conflict-20261205-221400-ABCDEFG.json"),
        ] {
            assert_eq!(writer_of(&name, true), None, "{name}");
        }
        assert_eq!(writer_of(&format!("2026-12.{A}.json"), false), None);
    }

    #[test]
    fn writers_are_every_device_with_its_newest_file() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(Paths::in_dir(dir.path()));
        let months = dir.path().join(MONTHS_FOLDER);
        std::fs::create_dir(&months).unwrap();
        let old = std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1_700_000_000);
        for (name, when) in [
            (months.join(format!("2026-11.{A}.json")), old),
            (months.join(format!("2026-12.{A}.json")), old + std::time::Duration::from_secs(60)),
            (dir.path().join(format!("routine.{B}.json")), old),
            (months.join("2026-10.json"), old + std::time::Duration::from_secs(600)),
        ] {
            std::fs::write(&name, "{}").unwrap();
            std::fs::File::options().write(true).open(&name).unwrap().set_modified(when).unwrap();
        }
        let wrote = store.writers().unwrap();
        assert_eq!(wrote.len(), 2);
        assert_eq!(wrote[A], DateTime::<Utc>::from(old + std::time::Duration::from_secs(60)));
        assert_eq!(wrote[B], DateTime::<Utc>::from(old));
    }

    #[test]
    fn each_computer_writes_its_own_file_and_reads_the_others_merged() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(Paths::in_dir(dir.path()));
        store
            .update_computers_of(A, Some("laptop".into()), |own, _| {
                own.rename(B, "Desk", at("2026-12-05T22:00:00+01:00")).map_err(|_| StoreError::NoHome)
            })
            .unwrap();
        // B, on its side, names itself later and forgets nobody.
        store
            .update_computers_of(B, Some("desktop".into()), |own, seen| {
                assert_eq!(seen.names.name_of(B), Some("Desk"), "B reads A's file");
                own.rename(B, "Study", at("2026-12-05T22:05:00+01:00")).map_err(|_| StoreError::NoHome)
            })
            .unwrap();
        let seen = store.computers_of(A).unwrap();
        assert_eq!(seen.names.name_of(B), Some("Study"));
        assert_eq!(seen.hosts[A], "laptop");
        assert_eq!(seen.hosts[B], "desktop");
        let mut files: Vec<String> = file_names(&dir.path().join(COMPUTERS_FOLDER)).unwrap();
        files.retain(|name| !name.ends_with(".bak"));
        files.sort();
        assert_eq!(files, [format!("{A}.json"), format!("{B}.json")]);
    }

    #[test]
    fn a_damaged_file_of_another_computer_is_left_alone_and_skipped() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(Paths::in_dir(dir.path()));
        let folder = dir.path().join(COMPUTERS_FOLDER);
        std::fs::create_dir(&folder).unwrap();
        std::fs::write(folder.join(format!("{B}.json")), "{ not json").unwrap();
        let seen = store.computers_of(A).unwrap();
        assert!(seen.names.names.is_empty());
        assert_eq!(std::fs::read_to_string(folder.join(format!("{B}.json"))).unwrap(), "{ not json");
        assert!(store.take_notices().is_empty());
    }
}
