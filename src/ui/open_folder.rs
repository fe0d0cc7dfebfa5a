//! "Open folder": hands a folder to the desktop's file manager (`xdg-open`; Explorer on
//! Windows: [`crate::platform::open_folder`]), and notices when there is none. `xdg-open` may start fine and then fail, so it is waited for on a
//! thread of its own; a failure comes back as the folder's path for the user to copy.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};

use eframe::egui;

/// A folder that could not be opened, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Failure {
    pub path: PathBuf,
    pub reason: String,
}

#[derive(Debug)]
pub struct FolderOpener {
    /// The system's (`xdg-open`, Explorer); tests name another program.
    program: PathBuf,
    failures: Arc<Mutex<Vec<Failure>>>,
    /// To wake the window when a failure arrives (none in tests without `install`).
    ctx: Option<egui::Context>,
}

impl Default for FolderOpener {
    fn default() -> Self {
        Self::with_program(crate::platform::open_folder::PROGRAM)
    }
}

impl FolderOpener {
    pub fn with_program(program: impl Into<PathBuf>) -> Self {
        Self { program: program.into(), failures: Arc::default(), ctx: None }
    }

    pub fn set_context(&mut self, ctx: egui::Context) {
        self.ctx = Some(ctx);
    }

    /// Starts opening `path`; a failure is reported by [`FolderOpener::take_failures`].
    pub fn open(&self, path: &Path) {
        let (failures, ctx) = (Arc::clone(&self.failures), self.ctx.clone());
        let (folder, program) = (path.to_path_buf(), self.program.clone());
        let tell = move |path: PathBuf, reason: String| {
            if let Ok(mut failures) = failures.lock() {
                failures.push(Failure { path, reason });
            }
            if let Some(ctx) = ctx {
                ctx.request_repaint();
            }
        };
        let spawned = std::thread::Builder::new().name("open-folder".into()).spawn(move || {
            let mut command = Command::new(program);
            command.arg(&folder).stdin(Stdio::null()).stdout(Stdio::null()).stderr(Stdio::null());
            let status = crate::platform::detached::retrying(|| command.status());
            match status {
                Ok(status) if crate::platform::open_folder::succeeded(status) => {}
                Ok(status) => tell(folder, status.to_string()),
                Err(error) => tell(folder, error.to_string()),
            }
        });
        if let Err(error) = spawned
            && let Ok(mut failures) = self.failures.lock()
        {
            failures.push(Failure { path: path.to_path_buf(), reason: error.to_string() });
        }
    }

    pub fn take_failures(&self) -> Vec<Failure> {
        self.failures.lock().map(|mut failures| std::mem::take(&mut *failures)).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, Instant};

    fn failures_after(opener: &FolderOpener) -> Vec<Failure> {
        let deadline = Instant::now() + Duration::from_secs(5);
        loop {
            let failures = opener.take_failures();
            if !failures.is_empty() || Instant::now() > deadline {
                return failures;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    #[test]
    fn a_missing_or_failing_file_manager_comes_back_with_the_path() {
        let opener = FolderOpener::with_program("/nonexistent/xdg-open");
        opener.open(Path::new("/data/bedtime-coach"));
        let failures = failures_after(&opener);
        assert_eq!(failures.len(), 1);
        assert_eq!(failures[0].path, Path::new("/data/bedtime-coach"));
    }

    /// Unix only: Explorer's exit status says nothing, so Windows trusts any that started.
    #[test]
    #[cfg(unix)]
    fn a_file_manager_that_fails_comes_back_and_one_that_works_does_not() {
        let opener = FolderOpener::with_program("false");
        opener.open(Path::new("/data/bedtime-coach"));
        let failures = failures_after(&opener);
        assert_eq!(failures.len(), 1);
        assert_eq!(failures[0].path, Path::new("/data/bedtime-coach"));
        let opener = FolderOpener::with_program("true");
        opener.open(Path::new("/data/bedtime-coach"));
        std::thread::sleep(Duration::from_millis(300));
        assert!(opener.take_failures().is_empty());
    }
}
