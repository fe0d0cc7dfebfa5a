//! Unix has no system-wide "the user is busy": Do Not Disturb is the notification
//! server's switch, read over D-Bus (`remind::do_not_disturb`).

use super::super::busy::UserState;

/// None here: see `remind::do_not_disturb::Desktop`.
pub fn system() -> Option<Box<dyn UserState>> {
    None
}
