//! The time-zone file named by `TZ` (or `/etc/localtime`), checked before chrono reads it.
//!
//! chrono reads the zone itself, the first time anything asks for `Local`, with a plain
//! `open` and `read_to_end`: `TZ=:/path/to/a/fifo` hangs every command and `TZ=:/dev/zero`
//! reads until memory runs out. A zone file is read like any other file here: it must be
//! a regular file of a sane size. This module only looks (it follows chrono's search:
//! `:` optional, an absolute path as is, a relative one under the zoneinfo folders), and
//! the binary replaces a bad `TZ` with UTC before any thread or `Local` exists. Which
//! file that is, is the system's ([`crate::platform::zone`]): on Windows chrono reads
//! none.

use std::ffi::OsStr;
use std::path::Path;

use std::io::Read as _;

use super::atomic::{kind_of, open_nonblocking};
use super::error::name;
use crate::platform::zone::zone_file;
use crate::tr;

/// Far more than any real zone file (the largest are a few kilobytes).
pub const MAX_ZONE_BYTES: u64 = 256 * 1024;

/// Whether the file at `path` starts like a zone file (`TZif`), read without blocking:
/// a pseudo-file such as `/proc/kmsg` is "regular" with a size of 0 and blocks a read.
fn starts_like_a_zone_file(path: &Path) -> bool {
    let mut magic = [0u8; 4];
    open_nonblocking(path).and_then(|mut file| file.read_exact(&mut magic)).is_ok() && &magic == b"TZif"
}

/// Why the zone file for `tz` must not be read, as one sentence for the user; `None`
/// when chrono may read it (or reads none). The file is opened without blocking and at
/// most its first four bytes are read: nothing here can hang.
pub fn check_tz(tz: Option<&OsStr>) -> Option<String> {
    let path = zone_file(tz)?;
    // An unset TZ with no /etc/localtime is fine: chrono falls back to UTC by itself.
    let meta = std::fs::metadata(&path).ok()?;
    let problem = if let Some(kind) = kind_of(meta.file_type()) {
        tr!("zone-not-regular", kind = kind)
    } else if meta.len() > MAX_ZONE_BYTES {
        tr!("zone-too-large", size = meta.len(), max = MAX_ZONE_BYTES)
    } else if !starts_like_a_zone_file(&path) {
        tr!("zone-not-tzif")
    } else {
        return None;
    };
    Some(match tz.and_then(OsStr::to_str) {
        Some(tz) => tr!("zone-refused", tz = tz, path = name(&path), problem = problem),
        None => tr!("zone-system-refused", path = name(&path), problem = problem),
    })
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    fn check(tz: &str) -> Option<String> {
        crate::i18n::with_language(crate::i18n::Language::English, || check_tz(Some(OsStr::new(tz))))
    }

    #[test]
    fn real_zones_rules_and_utc_pass() {
        for tz in ["Europe/Berlin", ":Europe/Berlin", "/usr/share/zoneinfo/Asia/Tokyo", "", ":", "UTC", "CET-1CEST"] {
            assert_eq!(check(tz), None, "{tz}");
        }
        let dir = tempfile::tempdir().unwrap();
        let own = dir.path().join("zone");
        std::fs::copy("/usr/share/zoneinfo/Europe/Berlin", &own).unwrap();
        assert_eq!(check(&format!(":{}", own.display())), None);
        // What the binary sets instead of a refused zone reads no file.
        assert_eq!(zone_file(Some(OsStr::new("UTC0"))), None);
    }

    #[test]
    fn fifos_devices_folders_and_huge_files_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("fifo");
        crate::store::atomic::mkfifo(&fifo);
        let huge = dir.path().join("huge");
        std::fs::File::create(&huge).unwrap().set_len(MAX_ZONE_BYTES + 1).unwrap();
        let empty = dir.path().join("empty");
        std::fs::write(&empty, b"").unwrap();
        let cases = [
            (format!(":{}", fifo.display()), "a FIFO"),
            (fifo.display().to_string(), "a FIFO"),
            (":/dev/zero".to_owned(), "a device"),
            ("../../../dev/zero".to_owned(), "a device"),
            (format!(":{}", dir.path().display()), "a folder"),
            (format!(":{}", huge.display()), "larger than"),
            // "Regular", of size 0, and a read blocks until the kernel logs something.
            (":/proc/kmsg".to_owned(), "not a time-zone file"),
            (":/proc/self/environ".to_owned(), "not a time-zone file"),
            (format!(":{}", empty.display()), "not a time-zone file"),
        ];
        for (tz, why) in cases {
            let message = check(&tz).unwrap_or_else(|| panic!("{tz} passed"));
            assert!(message.contains(why) && message.contains("UTC"), "{tz}: {message}");
        }
    }
}
