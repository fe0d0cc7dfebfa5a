//! Two folders synced the way Syncthing, Dropbox and Nextcloud sync a data folder between
//! two computers, for the two-computer tests: whole files only, each path compared with
//! what both folders held after the last sync (the tools' database, kept here in memory,
//! never inside the synced folders).
//!
//! For each path, recursively:
//! - changed on one side only: copied to the other, with its modification time, written
//!   to a temporary name (`.syncthing.NAME.tmp`) and renamed in, as Syncthing does;
//!   removed on one side and unchanged on the other: removed there too;
//! - changed on both sides to different bytes: the newer modification time wins the name
//!   (a tie goes to side A), the other version is kept beside it as a conflict copy named
//!   in the chosen tool's way ([`Style`]), and both sides get both; a change against a
//!   removal: the change wins, as in all three tools; the same bytes on both: no conflict.
//!
//! Empty folders follow the same rules (made on one side: made on the other; removed on
//! one side: removed on the other once nothing new is inside).

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use chrono::{DateTime, Utc};

/// How a tool names the version that lost the name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// `NAME.sync-conflict-YYYYMMDD-HHMMSS-DEVICE.ext`, DEVICE the short id of the
    /// computer whose change lost.
    Syncthing,
    /// `NAME (Laptop's conflicted copy YYYY-MM-DD).ext`, Laptop the name of the computer
    /// whose change lost.
    Dropbox,
    /// `NAME (conflicted copy YYYY-MM-DD HHMMSS).ext`.
    Nextcloud,
}

pub const STYLES: [Style; 3] = [Style::Syncthing, Style::Dropbox, Style::Nextcloud];

/// One of the two synced folders.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    A,
    B,
}

/// How a computer is named in conflict copies: Syncthing's short device id, Dropbox's
/// computer name.
#[derive(Debug, Clone)]
pub struct Device {
    pub short_id: String,
    pub name: String,
}

/// What one sync did, relative paths.
#[derive(Debug, Default)]
pub struct Synced {
    /// Copied from the side named to the other.
    pub copied: Vec<(Side, PathBuf)>,
    /// Removed from the side named (because the other had removed it).
    pub removed: Vec<(Side, PathBuf)>,
    /// The conflict copies made (each now on both sides), and what each is a copy of.
    pub conflicts: Vec<(PathBuf, PathBuf)>,
}

impl Synced {
    /// The conflict copies' file names.
    pub fn conflict_names(&self) -> Vec<String> {
        self.conflicts.iter().map(|(copy, _)| file_name(copy)).collect()
    }
}

/// One version of a file: its bytes and modification time.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Version {
    bytes: Vec<u8>,
    modified: SystemTime,
}

/// What a folder holds: files and folders, by path relative to it.
#[derive(Debug, Default, PartialEq, Eq)]
struct Tree {
    files: BTreeMap<PathBuf, Version>,
    dirs: BTreeSet<PathBuf>,
}

/// Two folders and the record of their last sync.
pub struct Sync {
    a: PathBuf,
    b: PathBuf,
    style: Style,
    devices: [Device; 2],
    /// The time conflict copies are named by; `None`: the wall clock at each sync.
    clock: Option<DateTime<Utc>>,
    /// What both folders held after the last sync.
    record: Tree,
}

impl Sync {
    /// `a` and `b`, never synced yet: every file there counts as new.
    pub fn new(a: &Path, b: &Path, style: Style) -> Self {
        Self {
            a: a.to_path_buf(),
            b: b.to_path_buf(),
            style,
            devices: [
                Device { short_id: "LAPTOPA".into(), name: "Laptop".into() },
                Device { short_id: "DESKTOP".into(), name: "Desktop".into() },
            ],
            clock: None,
            record: Tree::default(),
        }
    }

    /// Conflict copies named by `now` rather than the wall clock.
    pub fn at(mut self, now: DateTime<Utc>) -> Self {
        self.clock = Some(now);
        self
    }

    pub fn style(&self) -> Style {
        self.style
    }

    fn dir(&self, side: Side) -> &Path {
        match side {
            Side::A => &self.a,
            Side::B => &self.b,
        }
    }

    fn device(&self, side: Side) -> &Device {
        &self.devices[side as usize]
    }

    /// Brings both folders to the same files; panics on any I/O error (a test's helper).
    pub fn sync(&mut self) -> Synced {
        let now = self.clock.unwrap_or_else(Utc::now);
        let a = scan(&self.a);
        let b = scan(&self.b);
        let mut synced = Synced::default();
        let paths: BTreeSet<PathBuf> =
            self.record.files.keys().chain(a.files.keys()).chain(b.files.keys()).cloned().collect();
        // Names taken on either side, so that a conflict copy never replaces a file.
        let mut taken: BTreeSet<PathBuf> = paths.clone();
        for path in &paths {
            let before = self.record.files.get(path);
            let (in_a, in_b) = (a.files.get(path), b.files.get(path));
            let changed_a = in_a != before;
            let changed_b = in_b != before;
            match (changed_a, changed_b) {
                (false, false) => {}
                (true, false) => self.carry(Side::A, path, in_a, &mut synced),
                (false, true) => self.carry(Side::B, path, in_b, &mut synced),
                (true, true) => match (in_a, in_b) {
                    (None, None) => {}
                    // A change against a removal: the change wins.
                    (Some(version), None) => self.carry(Side::A, path, Some(version), &mut synced),
                    (None, Some(version)) => self.carry(Side::B, path, Some(version), &mut synced),
                    (Some(va), Some(vb)) if va.bytes == vb.bytes => {
                        // The same bytes: no conflict; both keep the later time.
                        let later = if vb.modified > va.modified { Side::B } else { Side::A };
                        let version = if later == Side::A { va } else { vb };
                        if va.modified != vb.modified {
                            self.carry(later, path, Some(version), &mut synced);
                        }
                    }
                    (Some(va), Some(vb)) => {
                        let winner = if vb.modified > va.modified { Side::B } else { Side::A };
                        let (win, lose, loser) = if winner == Side::A { (va, vb, Side::B) } else { (vb, va, Side::A) };
                        let copy = self.conflict_path(path, loser, now, &taken);
                        taken.insert(copy.clone());
                        write_version(self.dir(loser), path, win);
                        synced.copied.push((winner, path.clone()));
                        for side in [Side::A, Side::B] {
                            write_version(self.dir(side), &copy, lose);
                        }
                        synced.conflicts.push((copy, path.clone()));
                    }
                },
            }
        }
        self.sync_dirs(&a, &b);
        let after_a = scan(&self.a);
        let after_b = scan(&self.b);
        assert!(after_a == after_b, "the sync left the folders different:\n{after_a:#?}\n{after_b:#?}");
        self.record = after_a;
        synced
    }

    /// `version` of `path` (or its removal, `None`) from `from` to the other side.
    fn carry(&self, from: Side, path: &Path, version: Option<&Version>, synced: &mut Synced) {
        let to = other(from);
        match version {
            Some(version) => {
                write_version(self.dir(to), path, version);
                synced.copied.push((from, path.to_path_buf()));
            }
            None => {
                let target = self.dir(to).join(path);
                if target.exists() {
                    fs::remove_file(&target).unwrap_or_else(|e| panic!("removing {}: {e}", target.display()));
                    synced.removed.push((to, path.to_path_buf()));
                }
            }
        }
    }

    /// Folders made on one side are made on the other; folders removed on one side (and
    /// known from the last sync) are removed on the other once empty.
    fn sync_dirs(&self, a: &Tree, b: &Tree) {
        let mut removals = Vec::new();
        for dir in a.dirs.symmetric_difference(&b.dirs) {
            let (has, lacks) = if a.dirs.contains(dir) { (Side::A, Side::B) } else { (Side::B, Side::A) };
            if self.record.dirs.contains(dir) {
                removals.push(self.dir(has).join(dir));
            } else {
                let made = self.dir(lacks).join(dir);
                fs::create_dir_all(&made).unwrap_or_else(|e| panic!("making {}: {e}", made.display()));
            }
        }
        // Deepest first, so a removed folder's removed subfolders go before it.
        removals.sort_by_key(|dir| std::cmp::Reverse(dir.components().count()));
        for dir in removals {
            // Not empty: something new arrived inside, which keeps it (and it was made on
            // the other side when that was copied).
            let _ = fs::remove_dir(&dir);
        }
    }

    /// The conflict copy's path for `path`, the change of `loser` having lost, free on
    /// both sides.
    fn conflict_path(&self, path: &Path, loser: Side, now: DateTime<Utc>, taken: &BTreeSet<PathBuf>) -> PathBuf {
        let name = file_name(path);
        let device = self.device(loser);
        for attempt in 0u32.. {
            let when = now + chrono::Duration::seconds(i64::from(attempt));
            let copy = match (self.style, attempt) {
                (Style::Dropbox, 0) => conflict_name(Style::Dropbox, &name, device, now),
                // Dropbox's second copy of one day: "(Laptop's conflicted copy 2026-12-06 (1))".
                (Style::Dropbox, n) => {
                    let (stem, ext) = split_extension(&name);
                    format!("{stem} ({}'s conflicted copy {} ({n})){ext}", device.name, now.format("%Y-%m-%d"))
                }
                // Syncthing and Nextcloud name by the second: a later second is free.
                (style, _) => conflict_name(style, &name, device, when),
            };
            let copy = path.with_file_name(copy);
            if !taken.contains(&copy) {
                return copy;
            }
        }
        unreachable!("some second is free")
    }
}

/// The name `style` gives the conflict copy of `name` when `device`'s change lost at `now`.
pub fn conflict_name(style: Style, name: &str, device: &Device, now: DateTime<Utc>) -> String {
    let (stem, ext) = split_extension(name);
    match style {
        Style::Syncthing => format!("{stem}.sync-conflict-{}-{}{ext}", now.format("%Y%m%d-%H%M%S"), device.short_id),
        Style::Dropbox => format!("{stem} ({}'s conflicted copy {}){ext}", device.name, now.format("%Y-%m-%d")),
        Style::Nextcloud => format!("{stem} (conflicted copy {}){ext}", now.format("%Y-%m-%d %H%M%S")),
    }
}

/// `name` split before its last dot, as Go's `filepath.Ext` (Syncthing) splits it:
/// `2026-12.0a1b.json` → (`2026-12.0a1b`, `.json`); no dot, no extension.
pub fn split_extension(name: &str) -> (&str, &str) {
    match name.rfind('.') {
        Some(dot) => name.split_at(dot),
        None => (name, ""),
    }
}

fn other(side: Side) -> Side {
    match side {
        Side::A => Side::B,
        Side::B => Side::A,
    }
}

fn file_name(path: &Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
}

/// Every file and folder under `root`, relative to it.
fn scan(root: &Path) -> Tree {
    let mut tree = Tree::default();
    let mut pending = vec![PathBuf::new()];
    while let Some(relative) = pending.pop() {
        let dir = root.join(&relative);
        let entries = fs::read_dir(&dir).unwrap_or_else(|e| panic!("listing {}: {e}", dir.display()));
        for entry in entries {
            let entry = entry.unwrap();
            let path = relative.join(entry.file_name());
            let kind = entry.file_type().unwrap();
            if kind.is_dir() {
                tree.dirs.insert(path.clone());
                pending.push(path);
            } else if kind.is_file() {
                let full = entry.path();
                let bytes = fs::read(&full).unwrap_or_else(|e| panic!("reading {}: {e}", full.display()));
                let modified = entry.metadata().unwrap().modified().unwrap();
                tree.files.insert(path, Version { bytes, modified });
            }
        }
    }
    tree
}

/// `version` written as `root/path`: to a temporary name beside it, its time set, then
/// renamed over the name, as Syncthing writes what it pulls.
fn write_version(root: &Path, path: &Path, version: &Version) {
    let target = root.join(path);
    let parent = target.parent().expect("a file inside the folder");
    fs::create_dir_all(parent).unwrap_or_else(|e| panic!("making {}: {e}", parent.display()));
    let temporary = parent.join(format!(".syncthing.{}.tmp", file_name(path)));
    let mut file = fs::File::create(&temporary).unwrap_or_else(|e| panic!("creating {}: {e}", temporary.display()));
    file.write_all(&version.bytes).unwrap();
    file.set_modified(version.modified).unwrap();
    drop(file);
    fs::rename(&temporary, &target).unwrap_or_else(|e| panic!("renaming to {}: {e}", target.display()));
}
