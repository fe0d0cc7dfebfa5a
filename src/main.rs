//! The `bedtime-coach` binary: parse the command line, dispatch, map errors to exit codes.

use std::io::{self, Write};
use std::process::ExitCode;

use bedtime_coach::cli::{self, Cli};
use bedtime_coach::desktop::{self, WindowStart};
use bedtime_coach::i18n::{self, Language};
use bedtime_coach::tr;
use bedtime_coach::ui::{self, Screen};
use clap::FromArgMatches;

fn main() -> ExitCode {
    // The desktop's language until the saved choice is known (clap's errors need one).
    i18n::set_language(Language::from_env());
    // Usage errors exit with 2 and --help with 0, both printed by clap; the help texts
    // are in the desktop's language (the saved choice is not read yet).
    let cli = match Cli::from_arg_matches(&cli::localized_command().get_matches()) {
        Ok(cli) => cli,
        Err(error) => error.exit(),
    };
    let mut store = match cli::open_store(cli.data_dir.as_deref()) {
        Ok(store) => store,
        Err(error) => return fail(&error.into()),
    };
    if let Some(settings) = store.peek_settings() {
        i18n::apply_choice(settings.language);
    }
    // Said once when a change has waited a second for another process.
    store.set_wait_reporter(Box::new(|message| eprintln!("{message}")));
    let Some(command) = cli.command else {
        // The morning invitation opens the window with `--screen night`.
        let screen = match cli.screen {
            Some(cli::StartScreen::Night) => Screen::Night,
            Some(cli::StartScreen::Tonight) | None => Screen::Tonight,
        };
        // One window: a window already open on these files comes forward instead (on the
        // screen asked for, if one was).
        let asked = cli.screen.and(screen.start_name());
        let name = match desktop::start_window(store.paths(), asked) {
            WindowStart::Raised => return ExitCode::SUCCESS,
            WindowStart::First(name) => Some(name),
            WindowStart::NoBus => None,
        };
        return match ui::run_window(store, screen, name.as_ref()) {
            Ok(()) => ExitCode::SUCCESS,
            Err(error) => fail(&error),
        };
    };
    let changes_data = command.changes_data();
    let result = cli::run(command, &store);
    for notice in store.take_notices() {
        say(&notice.message);
    }
    match result {
        Ok(text) => print_result(&text, changes_data),
        Err(error) => fail(&error.into()),
    }
}

/// Prints a command's output. A reader that went away (`| head -c1`) ends the command
/// quietly, as for any Unix tool; any other failure is one sentence, and when the command
/// changed something that sentence says the change itself was saved.
fn print_result(text: &str, changes_data: bool) -> ExitCode {
    if text.is_empty() {
        return ExitCode::SUCCESS;
    }
    let mut stdout = io::stdout().lock();
    match writeln!(stdout, "{text}").and_then(|()| stdout.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(error) => {
            let error = error.to_string();
            say(&if changes_data {
                tr!("cli-print-failed-saved", error = error)
            } else {
                tr!("cli-print-failed", error = error)
            });
            ExitCode::FAILURE
        }
    }
}

/// One line on stderr, safe for a terminal (a message may quote a file's text); if even
/// stderr is gone there is no one left to tell.
fn say(message: &str) {
    let _ = writeln!(io::stderr().lock(), "{}", cli::terminal_text(message));
}

fn fail(error: &anyhow::Error) -> ExitCode {
    say(&error.to_string());
    ExitCode::FAILURE
}
