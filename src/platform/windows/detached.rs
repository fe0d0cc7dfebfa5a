//! A detached child on Windows gets no console (`CREATE_NO_WINDOW`: no window flashes up,
//! and a console closed later does not end it) and a process group of its own
//! (`CREATE_NEW_PROCESS_GROUP`: a Ctrl+C in the starter's console does not reach it).

use std::os::windows::process::CommandExt;
use std::process::Command;

use windows_sys::Win32::System::Threading::{CREATE_NEW_PROCESS_GROUP, CREATE_NO_WINDOW};

pub fn detach(command: &mut Command) {
    command.creation_flags(CREATE_NO_WINDOW | CREATE_NEW_PROCESS_GROUP);
}
