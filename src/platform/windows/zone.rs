//! The time zone on Windows: chrono asks the system (`GetTimeZoneInformation`) and reads
//! no zone file, so there is none to check.

use std::ffi::OsStr;
use std::path::PathBuf;

pub fn zone_file(_tz: Option<&OsStr>) -> Option<PathBuf> {
    None
}
