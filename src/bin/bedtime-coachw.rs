//! `bedtime-coachw`: the same program as `bedtime-coach`, linked for Windows' GUI
//! subsystem, the `pythonw.exe` of the pair. The Start-menu shortcut and the desktop start
//! this one, so no console window flashes up behind the app's window; in cmd and
//! PowerShell `bedtime-coach plan` (the console-subsystem program) prints as on Linux.
//!
//! Why two programs rather than one GUI program that attaches to its parent's console
//! (`AttachConsole(ATTACH_PARENT_PROCESS)`): cmd does not wait for a GUI program, so the
//! prompt comes back at once and the output lands after it, standard input cannot be
//! read, and pipes and redirection need special care. Two programs keep the command line
//! exactly as it is on Linux. Off Windows the attribute does nothing and this is the same
//! program under a second name (`cargo run` starts `bedtime-coach`: `default-run`).

#![windows_subsystem = "windows"]

#[path = "../main.rs"]
mod console;

fn main() -> std::process::ExitCode {
    console::main()
}
