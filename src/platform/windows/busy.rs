//! Whether the user is busy, as Windows itself says: `SHQueryUserNotificationState`,
//! the call the shell's own notifications respect (a full-screen game or video,
//! presentation mode, quiet time). What each answer means is decided, and tested, on every
//! system ([`super::super::busy::is_busy`]); this file only asks. Wine 8 always answers
//! "accepts notifications", so the asking is untested on real Windows; the holding it
//! drives is tested with a fake (`remind::do_not_disturb`).

use windows_sys::Win32::UI::Shell::SHQueryUserNotificationState;

use super::super::busy::UserState;

/// The shell's answer.
struct Shell;

impl UserState for Shell {
    fn query(&mut self) -> Option<i32> {
        let mut state = 0;
        // SAFETY: writes one QUERY_USER_NOTIFICATION_STATE into `state`.
        let result = unsafe { SHQueryUserNotificationState(&mut state) };
        (result >= 0).then_some(state)
    }
}

pub fn system() -> Option<Box<dyn UserState>> {
    Some(Box::new(Shell))
}
