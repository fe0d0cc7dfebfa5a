//! Conflict copies: what a sync tool leaves when a file changed on two computers before
//! they synced. One version keeps the name; the other is saved beside it under a name
//! that says so. The store reads such a copy as one more version of the file it copies,
//! merges it, and then moves it out of the synced folder (see `months.rs`), so that the
//! tool does not carry it back.
//!
//! The three tools' names (the part in brackets is the tool's own):
//! - Syncthing: `NAME.sync-conflict-YYYYMMDD-HHMMSS-DEVICE.ext`
//! - Dropbox: `NAME (Computer's conflicted copy YYYY-MM-DD).ext`, perhaps with ` (1)` inside
//! - Nextcloud: `NAME (conflicted copy YYYY-MM-DD HHMMSS).ext`; ownCloud before it:
//!   `NAME_conflict-YYYYMMDD-HHMMSS.ext`

use std::path::{Path, PathBuf};

use super::error::name;
use super::{FileNotice, IoAction, Store, StoreError, atomic};
use crate::tr;

impl Store {
    /// Moves a conflict copy, merged (or found `damaged`, then said), out of the synced
    /// folder into this computer's `conflicts/` folder in its state folder.
    pub(super) fn move_conflict_copy_out(&self, copy: &Path, damaged: bool) -> Result<PathBuf, StoreError> {
        let to = self.paths.conflicts_dir();
        atomic::create_private_dir(&to).map_err(|e| StoreError::io(IoAction::CreateFolder, &to, e))?;
        let kept = move_into(copy, &to).map_err(|e| StoreError::io(IoAction::MoveAside, copy, e))?;
        if damaged {
            self.push_notices(vec![FileNotice::new(
                tr!("store-notice-conflict-damaged", path = name(copy), kept = name(&kept)),
                vec![kept.clone()],
            )]);
        }
        Ok(kept)
    }
}

/// The conflict copies of the file `original` in `dir`, by name.
pub(super) fn copies_of(dir: &Path, original: &str) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else { return Vec::new() };
    let mut copies: Vec<PathBuf> = entries
        .flatten()
        .filter(|entry| entry.file_name().to_str().and_then(conflict_original).is_some_and(|o| o == original))
        .map(|entry| entry.path())
        .collect();
    copies.sort();
    copies
}

/// Moves `file` into `dir` under its own name (numbered if taken there): a rename, or a copy
/// and a removal when `dir` is on another disk.
fn move_into(file: &Path, dir: &Path) -> std::io::Result<PathBuf> {
    let name = file.file_name().unwrap_or_default().to_string_lossy().into_owned();
    let mut target = dir.join(&name);
    let mut number = 1;
    while std::fs::symlink_metadata(&target).is_ok() {
        number += 1;
        target = dir.join(format!("{name}.{number}"));
    }
    match std::fs::rename(file, &target) {
        Ok(()) => {}
        Err(error) if error.kind() == std::io::ErrorKind::CrossesDevices => {
            let bytes = std::fs::read(file)?;
            atomic::replace_file(&target, &bytes)?;
            std::fs::remove_file(file)?;
        }
        Err(error) => return Err(error),
    }
    Ok(target)
}

/// A file of a folder of merged files, as what it stands for.
pub(super) struct Listed {
    /// The file it is, or is a copy of (a backup, `NAME.bak`, and a copy of one stand
    /// for `NAME`).
    pub original: String,
    /// A sync tool's conflict copy.
    pub conflict: bool,
    /// What to read: the copy, or the file itself (missing beside its backup, perhaps).
    pub path: PathBuf,
}

/// The files of `dir` (none when it does not exist), each as what it stands for.
pub(super) fn list(dir: &Path) -> Result<Vec<Listed>, StoreError> {
    let mut listed = Vec::new();
    for name in super::computers::file_names(dir)? {
        let name = name.as_str();
        let (original, conflict) = match conflict_original(name) {
            // A copy of a backup is an older version of that file: merged as the other
            // copies are (what was taken back since stays taken back), then moved out with
            // them, never left in the synced folder.
            Some(original) => (original.strip_suffix(".bak").map_or(original.clone(), str::to_owned), true),
            None => (name.strip_suffix(".bak").unwrap_or(name).to_owned(), false),
        };
        let path = if conflict { dir.join(name) } else { dir.join(&original) };
        listed.push(Listed { original, conflict, path });
    }
    Ok(listed)
}

/// The name of the file that `name` is a conflict copy of, or `None` when it is not one.
/// A copy of a copy (both computers changed it again before syncing) names the first
/// original: never itself a copy.
pub fn conflict_original(name: &str) -> Option<String> {
    let mut original = one_step(name)?;
    // Each step makes the name shorter, so this ends.
    while let Some(earlier) = one_step(&original) {
        original = earlier;
    }
    Some(original)
}

fn one_step(name: &str) -> Option<String> {
    syncthing(name).or_else(|| bracketed(name)).or_else(|| owncloud(name))
}

/// `NAME.sync-conflict-20261206-101010-ABCDEFG.ext` → `NAME.ext`.
fn syncthing(name: &str) -> Option<String> {
    const MARK: &str = ".sync-conflict-";
    let start = name.find(MARK)?;
    let rest = &name[start + MARK.len()..];
    let (stamp, rest) = split_stamp(rest, '-')?;
    let rest = rest.strip_prefix('-')?;
    // The device's short id, then the extension (if the original had one).
    let device_end = rest.find('.').unwrap_or(rest.len());
    let device = &rest[..device_end];
    if stamp.is_empty() || device.is_empty() || !device.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return None;
    }
    original(&name[..start], &rest[device_end..])
}

/// `NAME (… conflicted copy …).ext` → `NAME.ext` (Dropbox, Nextcloud).
fn bracketed(name: &str) -> Option<String> {
    let mark = name.find("conflicted copy")?;
    let close = name.rfind(')')?;
    if close < mark {
        return None;
    }
    let extension = &name[close + 1..];
    if extension.contains(['(', ')']) || !(extension.is_empty() || extension.starts_with('.')) {
        return None;
    }
    // The bracket that the last `)` closes, when it holds the mark: a Dropbox computer
    // named "MacBook Pro (2)" brackets inside its own. Else (a name with a lone bracket,
    // "PC :)") the last ` (` before the mark.
    let open = matching_open(name, close)
        .filter(|&open| open > 0 && name[..open].ends_with(' ') && name[open..close].contains("conflicted copy"))
        .map(|open| open - 1)
        .or_else(|| name[..mark].rfind(" ("))?;
    original(&name[..open], extension)
}

/// Where the `(` is that the `)` at `close` closes, brackets between them paired.
fn matching_open(name: &str, close: usize) -> Option<usize> {
    let mut depth = 0usize;
    for (at, c) in name[..close].char_indices().rev() {
        match c {
            ')' => depth += 1,
            '(' if depth == 0 => return Some(at),
            '(' => depth -= 1,
            _ => {}
        }
    }
    None
}

/// `NAME_conflict-20261206-101010.ext` → `NAME.ext` (ownCloud, older Nextcloud).
fn owncloud(name: &str) -> Option<String> {
    const MARK: &str = "_conflict-";
    let start = name.rfind(MARK)?;
    let (_, rest) = split_stamp(&name[start + MARK.len()..], '-')?;
    if !(rest.is_empty() || rest.starts_with('.')) {
        return None;
    }
    original(&name[..start], rest)
}

/// `YYYYMMDD<sep>HHMMSS` at the start of `text`, and what follows it.
fn split_stamp(text: &str, separator: char) -> Option<(&str, &str)> {
    let digits = |part: &str, length: usize| part.len() == length && part.bytes().all(|b| b.is_ascii_digit());
    let date = text.get(..8)?;
    let time = text.get(9..15)?;
    (digits(date, 8) && text[8..].starts_with(separator) && digits(time, 6)).then(|| (&text[..15], &text[15..]))
}

/// The original name from its stem and extension; never with an empty stem.
fn original(stem: &str, extension: &str) -> Option<String> {
    (!stem.is_empty()).then(|| format!("{stem}{extension}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_three_tools_names() {
        let cases = [
            ("2026-12.0a1b.sync-conflict-20261206-101010-ABCDEFG.json", "2026-12.0a1b.json"),
            ("routine.sync-conflict-20261206-101010-7XKQ2ZA.json", "routine.json"),
            ("notes.sync-conflict-20261206-101010-ABCDEFG", "notes"),
            ("2026-12.0a1b (Laptop's conflicted copy 2026-12-06).json", "2026-12.0a1b.json"),
            ("2026-12.0a1b (Laptop's conflicted copy 2026-12-06 (1)).json", "2026-12.0a1b.json"),
            ("routine (conflicted copy 2026-12-06 101010).json", "routine.json"),
            ("routine_conflict-20261206-101010.json", "routine.json"),
            (
                "2026-12.ab.sync-conflict-20261206-101010-AAAAAAA.sync-conflict-20261207-101010-BBBBBBB.json",
                "2026-12.ab.json",
            ),
            ("routine (conflicted copy 2026-12-06 101010) (Laptop's conflicted copy 2026-12-07).json", "routine.json"),
            // Computers named with brackets of their own (macOS names a second "MacBook Pro" so).
            ("2026-12.0a1b (MacBook Pro (2)'s conflicted copy 2026-12-06).json", "2026-12.0a1b.json"),
            ("2026-12.0a1b (MacBook Pro (2)'s conflicted copy 2026-12-06 (1)).json", "2026-12.0a1b.json"),
            ("routine (Anna's PC :)'s conflicted copy 2026-12-06).json", "routine.json"),
        ];
        for (copy, expected) in cases {
            assert_eq!(conflict_original(copy).as_deref(), Some(expected), "{copy}");
        }
    }

    #[test]
    fn ordinary_names_are_not_copies() {
        for name in [
            "2026-12.0a1b.json",
            "2026-12.json.bak",
            "routine.json",
            ".sync-conflict-20261206-101010-ABCDEFG.json",
            "x.sync-conflict-2026120-101010-ABC.json",
            "x.sync-conflict-20261206-101010-.json",
            "my conflicted copy.json",
            " (conflicted copy 2026).json",
            "a (conflicted copy) b.json",
            "a_conflict-2026.json",
        ] {
            assert_eq!(conflict_original(name), None, "{name}");
        }
    }
}
