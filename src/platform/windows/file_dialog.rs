//! The Save / Open dialog on Windows: the system's common item dialog, through `rfd`
//! (its Windows back end calls `IFileSaveDialog` / `IFileOpenDialog`, the latter for a
//! folder too, and brings nothing
//! but `windows-sys`). It is always there, so it never answers "unavailable"; it cannot
//! tell a cancel from a failure to show, and both leave the user where they were.

use std::path::Path;

use crate::platform::file_dialog::{Answer, Request};

/// Shows the dialog and blocks until the user closes it.
pub fn ask(request: &Request, shown: &mut dyn FnMut()) -> Answer {
    let dialog = rfd::FileDialog::new();
    // The dialog is on screen as soon as the call below starts; it draws itself.
    shown();
    let chosen = match request {
        Request::Save { title, suggested } => {
            let mut dialog = dialog.set_title(title);
            if let Some(folder) = suggested.parent().filter(|folder| folder.is_dir()) {
                dialog = dialog.set_directory(folder);
            }
            if let Some(name) = suggested.file_name() {
                dialog = dialog.set_file_name(name.to_string_lossy());
            }
            if let Some((name, extension)) = filter_for(suggested) {
                dialog = dialog.add_filter(name, &[extension]);
            }
            dialog.save_file()
        }
        Request::Open { title } => {
            dialog.set_title(title).add_filter("JSON", &["json"]).add_filter("*", &["*"]).pick_file()
        }
        Request::Folder { title } => dialog.set_title(title).pick_folder(),
    };
    chosen.map_or(Answer::Cancelled, Answer::Chosen)
}

/// The file type of a suggested name, offered as the dialog's filter so the name keeps
/// its extension: `journal.csv` → ("CSV", "csv").
fn filter_for(suggested: &Path) -> Option<(String, String)> {
    let extension = suggested.extension()?.to_str()?.to_ascii_lowercase();
    Some((extension.to_ascii_uppercase(), extension))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_suggested_name_keeps_its_type() {
        assert_eq!(filter_for(Path::new(r"C:\Users\Сергей\Documents\journal.CSV")), Some(("CSV".into(), "csv".into())));
        assert_eq!(filter_for(Path::new("summary.html")), Some(("HTML".into(), "html".into())));
        assert_eq!(filter_for(Path::new("no-extension")), None);
    }
}
