//! "Open folder" on a Linux desktop: `xdg-open` hands the folder to the desktop's file
//! manager, and its exit status says whether there was one.

use std::process::ExitStatus;

/// The program that opens the folder given as its argument.
pub const PROGRAM: &str = "xdg-open";

/// Whether `xdg-open` found a file manager.
pub fn succeeded(status: ExitStatus) -> bool {
    status.success()
}
