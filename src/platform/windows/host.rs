//! This computer's host name on Windows: `COMPUTERNAME`, which Windows sets for every
//! process from the computer's NetBIOS name.

/// The host name, trimmed; `None` when the variable is not set.
pub fn host_name() -> Option<String> {
    std::env::var("COMPUTERNAME").ok().and_then(|name| crate::platform::host::clean_host_name(&name))
}
