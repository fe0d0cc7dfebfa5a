//! This computer's host name on Unix: the kernel's (`/proc/sys/kernel/hostname`), else
//! `/etc/hostname`.

/// The host name, trimmed; `None` when neither file says one.
pub fn host_name() -> Option<String> {
    ["/proc/sys/kernel/hostname", "/etc/hostname"].iter().find_map(|path| {
        std::fs::read_to_string(path).ok().and_then(|text| crate::platform::host::clean_host_name(&text))
    })
}
