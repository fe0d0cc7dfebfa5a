//! Linux's tray icon is a StatusNotifierItem on the session bus (`background::tray`,
//! through ksni): nothing is drawn here.

use super::super::tray_icon::{Image, TrayEvents};

/// Never made here (see [`show`]).
#[derive(Debug)]
pub struct TrayIcon;

impl TrayIcon {
    /// Nothing to refresh.
    pub fn refresh(&self) -> bool {
        false
    }
}

/// `None`: the StatusNotifierItem is used.
pub fn show(_events: Box<dyn TrayEvents>, _images: [Vec<Image>; 2]) -> Option<Result<TrayIcon, String>> {
    None
}
