//! What a view asks the app to do: the one vocabulary between the screens, which only
//! draw, and the app, which applies it at the end of the frame through the use cases.

use std::path::PathBuf;

use super::screen::Screen;
use crate::use_cases::Change;
use crate::use_cases::files::{ExportFormat, SummaryFormat};

/// What a view asks the app to do.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// A change to the data, applied through the use cases.
    Apply(Change),
    Show(Screen),
    DismissBanner(usize),
    /// Put back what the last undoable action removed or changed.
    Undo,
    OpenFolder(PathBuf),
    /// Start reminders at login (or stop doing so).
    Autostart(bool),
    /// Write the doctor summary to `path`: how many weeks, which format.
    SaveSummary {
        path: PathBuf,
        weeks: u8,
        format: SummaryFormat,
    },
    /// Export or import (Settings → Your data).
    Transfer(TransferAction),
    /// This computer's data folder from the next start (Settings).
    DataFolder(FolderChoice),
}

/// What Settings asks about the data folder this computer uses.
#[derive(Debug, Clone, PartialEq)]
pub enum FolderChoice {
    /// Ask for a folder: the desktop's dialog, or the path field.
    Choose,
    /// Use this folder from the next start.
    Use(PathBuf),
    /// Use the usual folders again from the next start.
    Usual,
}

/// What the user wants a file for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    Export(ExportFormat),
    Import,
}

/// What the "Your data" section asks the app to do.
#[derive(Debug, Clone, PartialEq)]
pub enum TransferAction {
    /// Ask for a file: the desktop's dialog, or the path field.
    Choose(Purpose),
    /// Write an export to this file.
    Export(ExportFormat, PathBuf),
    /// Check this file and show what importing it would add.
    Preview(PathBuf),
    /// Merge the previewed file into the journal.
    ConfirmImport,
    /// Leave the dialog for the path field.
    TypePath(Purpose),
    Cancel,
}
