//! Linux shows notifications through the session bus (`remind::notifier`): no toasts.

use std::ffi::OsString;
use std::path::Path;
use std::sync::Arc;

use super::super::toasts::ToastHost;

/// None here: the D-Bus notifier is used.
pub fn host() -> Option<Arc<dyn ToastHost>> {
    None
}

/// Nothing to register: the D-Bus notifier hears its buttons itself.
pub fn register_activation(_arguments: &[OsString], _icon: &Path) -> Result<(), String> {
    Ok(())
}
