//! One window on Linux is the session bus's business (`desktop.rs` owns a well-known name
//! there, as GApplication does): nothing to claim here.

use super::super::one_window::Claim;

/// Never made: Linux claims no pipe.
#[derive(Debug)]
pub enum Listener {}

/// Always [`Claim::Elsewhere`]: the caller asks the session bus.
pub fn claim(
    _key: &str,
    _screen: Option<&str>,
    _on_request: impl Fn(Option<&str>) + Send + 'static,
) -> Claim<Listener> {
    Claim::Elsewhere
}
