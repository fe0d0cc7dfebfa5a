//! The time-zone file chrono reads on Unix: the one named by `TZ`, or `/etc/localtime`.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};

/// Where chrono looks for a relative zone name, in its order.
const ZONE_INFO_DIRECTORIES: [&str; 4] =
    ["/usr/share/zoneinfo", "/share/zoneinfo", "/etc/zoneinfo", "/usr/share/lib/zoneinfo"];

/// The file chrono would read for this `TZ` value (`None`: unset), if any: `None` for an
/// empty value (UTC) and for a POSIX rule such as `CET-1CEST,M3.5.0,M10.5.0/3` that
/// names no existing file.
pub fn zone_file(tz: Option<&OsStr>) -> Option<PathBuf> {
    // chrono reads `TZ` with `env::var`: a value that is not UTF-8 counts as unset.
    let Some(tz) = tz.and_then(OsStr::to_str) else { return Some(PathBuf::from("/etc/localtime")) };
    let name = Path::new(tz.strip_prefix(':').unwrap_or(tz));
    if name.as_os_str().is_empty() {
        return None;
    }
    if name.is_absolute() {
        return Some(name.to_owned());
    }
    // chrono takes the first folder where `open` works; a name found nowhere is a rule.
    ZONE_INFO_DIRECTORIES.iter().map(|dir| Path::new(dir).join(name)).find(|path| std::fs::metadata(path).is_ok())
}
