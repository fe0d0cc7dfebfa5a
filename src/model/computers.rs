//! The computers that share one data folder: what the user calls each of them, which
//! ones they forgot, and which are listed in Settings.
//!
//! Why it exists: names and forgetting are decided on one computer and must reach the
//! others through a synced folder without ever clashing, so each computer writes only a
//! file of its own (`computers/DEVICE.json`, see `store::computers`) holding its whole
//! view, and every computer merges all of them the same way, here:
//!
//! - a name is one value per computer with the time it was given: the later one wins,
//!   a tie goes to the file of the smaller device id (the writer's); an empty name means
//!   "the default name again", and is itself a dated change that can win;
//! - a forgetting is a time per computer: the later one counts;
//! - a computer is listed when it is this computer, or when it was never forgotten, or
//!   when it wrote to the folder after it was forgotten (it came back).
//!
//! A change made here is stamped no earlier than the stamp it replaces + 1 ms, and a
//! forgetting no earlier than the last write the user saw + 1 ms, so that what the user
//! just did always wins over what they saw, whatever the clocks say.

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset, TimeDelta, Utc};
use serde::{Deserialize, Serialize};

use super::Extra;

/// The longest name a computer can be given, in characters.
pub const MAX_NAME_CHARS: usize = 60;

/// One computer's name, and when it was given.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Named {
    /// Empty: the computer's default name (its host name) again.
    pub name: String,
    pub at: DateTime<FixedOffset>,
}

/// One computer's view of every computer's name and of those forgotten: the contents of
/// its `computers/DEVICE.json`, and what a merge of all of them gives.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ComputerNames {
    /// The host name of the computer that wrote the file: what others call it until it
    /// is named. Not merged: each file says it of its own writer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub host: Option<String>,
    /// Device id → its name.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub names: BTreeMap<String, Named>,
    /// Device id → when the user forgot it.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub forgotten: BTreeMap<String, DateTime<FixedOffset>>,
    /// Fields written by a newer version, kept as they are.
    #[serde(flatten)]
    pub extra: Extra,
}

/// Why a name cannot be given. Plain data: its sentence is its `Display`, in `i18n`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NameError {
    /// The name has this many characters, more than [`MAX_NAME_CHARS`].
    TooLong(usize),
    /// The name holds a control character (a line break, a tab).
    Control,
}

impl std::error::Error for NameError {}

/// `at` moved to at least `floor` + 1 ms: a change never goes back behind what it replaces.
fn after(at: DateTime<FixedOffset>, floor: Option<DateTime<FixedOffset>>) -> DateTime<FixedOffset> {
    match floor.and_then(|floor| floor.checked_add_signed(TimeDelta::milliseconds(1))) {
        Some(least) if least > at => least,
        _ => at,
    }
}

/// The name as it is kept: without the spaces around it, checked.
pub fn clean_name(name: &str) -> Result<String, NameError> {
    let name = name.trim();
    if name.chars().any(char::is_control) {
        return Err(NameError::Control);
    }
    match name.chars().count() {
        count if count > MAX_NAME_CHARS => Err(NameError::TooLong(count)),
        _ => Ok(name.to_owned()),
    }
}

impl ComputerNames {
    /// The name the user gave `device`, if they gave one (and did not set it back). A
    /// name no computer could have given (too long, several lines: a file edited by
    /// hand) counts as none.
    pub fn name_of(&self, device: &str) -> Option<&str> {
        let name = self.names.get(device).map(|named| named.name.as_str())?;
        (!name.is_empty() && clean_name(name).as_deref() == Ok(name)).then_some(name)
    }

    /// Names `device` (an empty name: back to its default) at `now`; whether that changed
    /// anything.
    pub fn rename(&mut self, device: &str, name: &str, now: DateTime<FixedOffset>) -> Result<bool, NameError> {
        let name = clean_name(name)?;
        let old = self.names.get(device);
        if old.map_or("", |named| named.name.as_str()) == name {
            return Ok(false);
        }
        let at = after(now, old.map(|named| named.at));
        self.names.insert(device.to_owned(), Named { name, at });
        Ok(true)
    }

    /// Forgets `device` at `now`, after the last write the user saw of it; whether that
    /// changed anything (a computer already forgotten since its last write stays so).
    pub fn forget(&mut self, device: &str, now: DateTime<FixedOffset>, last_wrote: Option<DateTime<Utc>>) -> bool {
        let old = self.forgotten.get(device).copied();
        let seen = last_wrote.map(|at| at.fixed_offset());
        if old.is_some_and(|old| seen.is_none_or(|seen| old > seen)) {
            return false;
        }
        let at = after(after(now, seen), old);
        self.forgotten.insert(device.to_owned(), at);
        true
    }
}

/// Every computer's file merged: `files` are (writer's device id, its file). The later
/// name and the later forgetting win; a tie keeps the smaller writer's. `host` and the
/// unknown fields are left out: they belong to each file.
pub fn merge_names<'a>(files: impl IntoIterator<Item = (&'a str, &'a ComputerNames)>) -> ComputerNames {
    let mut files: Vec<(&str, &ComputerNames)> = files.into_iter().collect();
    files.sort_by(|a, b| a.0.cmp(b.0));
    let mut merged = ComputerNames::default();
    for (_, file) in files {
        for (device, named) in &file.names {
            match merged.names.get(device) {
                Some(kept) if kept.at >= named.at => {}
                _ => {
                    merged.names.insert(device.clone(), named.clone());
                }
            }
        }
        for (device, at) in &file.forgotten {
            let kept = merged.forgotten.entry(device.clone()).or_insert(*at);
            *kept = (*kept).max(*at);
        }
    }
    merged
}

/// A host name as another computer's file says it, made fit to show: one line, at most
/// [`MAX_NAME_CHARS`] characters.
fn shown_host(host: &str) -> String {
    host.chars().filter(|c| !c.is_control()).take(MAX_NAME_CHARS).collect::<String>().trim().to_owned()
}

/// One computer as Settings lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Computer {
    pub device: String,
    /// The name the user gave it.
    pub name: Option<String>,
    /// Its host name (this computer's as it is now; another's as it last wrote it).
    pub host: Option<String>,
    /// The newest modification time of its files in the folder; `None` when it has
    /// written none yet (this computer, fresh).
    pub last_wrote: Option<DateTime<Utc>>,
    pub this: bool,
}

/// The computers to list: this one first, then the others that wrote to the folder and
/// are not forgotten (or wrote again after they were), the latest to write first.
/// `wrote` is each device's newest write, `hosts` each one's host name.
pub fn listed(
    names: &ComputerNames,
    hosts: &BTreeMap<String, String>,
    wrote: &BTreeMap<String, DateTime<Utc>>,
    this: &str,
) -> Vec<Computer> {
    let computer = |device: &str, last_wrote: Option<DateTime<Utc>>| Computer {
        device: device.to_owned(),
        name: names.name_of(device).map(str::to_owned),
        host: hosts.get(device).map(|host| shown_host(host)).filter(|host| !host.is_empty()),
        last_wrote,
        this: device == this,
    };
    let mut others: Vec<Computer> = wrote
        .iter()
        .filter(|(device, _)| device.as_str() != this)
        .filter(|(device, last)| names.forgotten.get(device.as_str()).is_none_or(|forgotten| **last > *forgotten))
        .map(|(device, last)| computer(device, Some(*last)))
        .collect();
    others.sort_by(|a, b| b.last_wrote.cmp(&a.last_wrote).then_with(|| a.device.cmp(&b.device)));
    let mut list = vec![computer(this, wrote.get(this).copied())];
    list.extend(others);
    list
}

#[cfg(test)]
mod tests {
    use super::*;

    const A: &str = "0000000000000aaa";
    const B: &str = "0000000000000bbb";
    const C: &str = "0000000000000ccc";

    fn at(minute: u32) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(&format!("2026-12-05T22:{minute:02}:00+01:00")).unwrap()
    }

    fn utc(minute: u32) -> DateTime<Utc> {
        at(minute).with_timezone(&Utc)
    }

    fn named(name: &str, minute: u32) -> Named {
        Named { name: name.into(), at: at(minute) }
    }

    #[test]
    fn the_later_name_wins_and_a_tie_goes_to_the_smaller_writer() {
        let mut a = ComputerNames::default();
        let mut b = ComputerNames::default();
        a.names.insert(C.into(), named("Kitchen", 10));
        b.names.insert(C.into(), named("Study", 12));
        assert_eq!(merge_names([(A, &a), (B, &b)]).name_of(C), Some("Study"));
        assert_eq!(merge_names([(B, &b), (A, &a)]).name_of(C), Some("Study"));
        b.names.insert(C.into(), named("Study", 10));
        // Same instant: the file of the smaller id, whichever order they are read in.
        assert_eq!(merge_names([(B, &b), (A, &a)]).name_of(C), Some("Kitchen"));
        assert_eq!(merge_names([(A, &a), (B, &b)]).name_of(C), Some("Kitchen"));
    }

    #[test]
    fn the_later_forgetting_counts_and_names_of_one_side_are_kept() {
        let mut a = ComputerNames::default();
        let mut b = ComputerNames::default();
        a.forgotten.insert(C.into(), at(5));
        b.forgotten.insert(C.into(), at(9));
        a.names.insert(A.into(), named("Laptop", 1));
        b.names.insert(B.into(), named("Desktop", 2));
        let merged = merge_names([(A, &a), (B, &b)]);
        assert_eq!(merged.forgotten[C], at(9));
        assert_eq!((merged.name_of(A), merged.name_of(B)), (Some("Laptop"), Some("Desktop")));
    }

    #[test]
    fn a_rename_is_stamped_after_the_name_it_replaces_even_with_a_clock_behind() {
        let mut names = ComputerNames::default();
        names.names.insert(B.into(), named("Old", 30));
        assert_eq!(names.rename(B, "  New  ", at(10)), Ok(true));
        assert_eq!(names.names[B].name, "New");
        assert_eq!(names.names[B].at, at(30) + TimeDelta::milliseconds(1));
        assert_eq!(names.rename(B, "New", at(40)), Ok(false), "the same name changes nothing");
        assert_eq!(names.rename(B, "", at(40)), Ok(true));
        assert_eq!(names.name_of(B), None, "an empty name is the default again");
        names.names.insert(B.into(), named("two\nlines", 50));
        assert_eq!(names.name_of(B), None, "a name edited into the file by hand that no computer could give");
    }

    #[test]
    fn a_name_too_long_or_with_a_line_break_is_refused() {
        let mut names = ComputerNames::default();
        let long = "x".repeat(MAX_NAME_CHARS + 1);
        assert_eq!(names.rename(B, &long, at(1)), Err(NameError::TooLong(MAX_NAME_CHARS + 1)));
        assert_eq!(names.rename(B, "a\nb", at(1)), Err(NameError::Control));
        assert_eq!(names.rename(B, &"я".repeat(MAX_NAME_CHARS), at(1)), Ok(true));
        assert!(names.names.len() == 1);
    }

    #[test]
    fn forgetting_is_stamped_after_the_last_write_seen_and_not_repeated() {
        let mut names = ComputerNames::default();
        // The other computer's clock is ahead: its last write looks later than now.
        assert!(names.forget(B, at(10), Some(utc(20))));
        assert_eq!(names.forgotten[B], at(20) + TimeDelta::milliseconds(1));
        assert!(!names.forget(B, at(25), Some(utc(20))), "already forgotten since that write");
        assert!(names.forget(B, at(25), Some(utc(22))), "it wrote again: forgotten again");
        assert_eq!(names.forgotten[B], at(25));
    }

    #[test]
    fn listed_puts_this_computer_first_hides_the_forgotten_and_brings_back_those_that_wrote_again() {
        let mut names = ComputerNames::default();
        names.names.insert(B.into(), named("Desktop", 1));
        names.forgotten.insert(C.into(), at(20));
        let hosts = BTreeMap::from([(B.to_owned(), "desk".to_owned())]);
        let mut wrote = BTreeMap::from([(B.to_owned(), utc(15)), (C.to_owned(), utc(19))]);
        let list = listed(&names, &hosts, &wrote, A);
        let devices: Vec<&str> = list.iter().map(|c| c.device.as_str()).collect();
        assert_eq!(devices, [A, B]);
        assert!(list[0].this && list[0].last_wrote.is_none());
        assert_eq!((list[1].name.as_deref(), list[1].host.as_deref()), (Some("Desktop"), Some("desk")));
        wrote.insert(C.into(), utc(21));
        let devices: Vec<String> = listed(&names, &hosts, &wrote, A).into_iter().map(|c| c.device).collect();
        assert_eq!(devices, [A, C, B], "C wrote after it was forgotten, and latest");
    }

    #[test]
    fn a_host_name_from_a_file_is_shown_on_one_line_and_not_too_long() {
        let hosts = BTreeMap::from([(A.to_owned(), format!("desk\n{}", "x".repeat(100))), (B.to_owned(), "\t".into())]);
        let wrote = BTreeMap::from([(B.to_owned(), utc(1))]);
        let list = listed(&ComputerNames::default(), &hosts, &wrote, A);
        assert_eq!(list[0].host.as_ref().map(|host| host.chars().count()), Some(MAX_NAME_CHARS));
        assert!(list[0].host.as_ref().is_some_and(|host| host.starts_with("deskxx")));
        assert_eq!(list[1].host, None);
    }

    #[test]
    fn this_computer_is_listed_even_when_another_forgot_it() {
        let mut names = ComputerNames::default();
        names.forgotten.insert(A.into(), at(30));
        let wrote = BTreeMap::from([(A.to_owned(), utc(10))]);
        let list = listed(&names, &BTreeMap::new(), &wrote, A);
        assert_eq!(list.len(), 1);
        assert!(list[0].this);
    }

    #[test]
    fn a_file_with_unknown_fields_reads_and_keeps_them() {
        let text = r#"{"host":"laptop","names":{"0000000000000bbb":{"name":"Desk","at":"2026-12-05T22:01:00+01:00"}},"later":1}"#;
        let file: ComputerNames = serde_json::from_str(text).unwrap();
        assert_eq!(file.name_of(B), Some("Desk"));
        assert_eq!(file.extra["later"], 1);
        let again: ComputerNames = serde_json::from_str(&serde_json::to_string(&file).unwrap()).unwrap();
        assert_eq!(again, file);
    }
}
