//! A detached child on Unix gets its own process group, so a Ctrl+C in the terminal that
//! started the window does not reach the service.

use std::os::unix::process::CommandExt;
use std::process::Command;

pub fn detach(command: &mut Command) {
    command.process_group(0);
}
