//! The `bedtime-coach` binary: parse the command line, dispatch, map errors to exit codes.

use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use bedtime_coach::cli::{self, Cli};
use bedtime_coach::desktop::{self, WindowStart};
use bedtime_coach::i18n::{self, Language};
use bedtime_coach::platform::{self, terminal};
use bedtime_coach::tr;
use bedtime_coach::ui::{self, Screen};
use bedtime_coach::use_cases::Coach;
use clap::FromArgMatches;

pub fn main() -> ExitCode {
    // The desktop's language until the saved choice is known (clap's errors need one).
    let system = platform::language::system_language();
    i18n::set_system_language(system);
    i18n::set_language(system);
    fit_language_to_terminal();
    guard_time_zone();
    // Usage errors exit with 2 and --help with 0, both printed by clap; the help texts
    // are in the desktop's language (the saved choice is not read yet).
    let cli = match cli::localized_command().try_get_matches().and_then(|matches| Cli::from_arg_matches(&matches)) {
        Ok(cli) => cli,
        Err(error) => return clap_exit(error),
    };
    let mut coach = match Coach::open_with_state(cli.data_dir.as_deref(), cli.state_dir.as_deref()) {
        Ok(coach) => coach,
        Err(error) => return fail(&error.into()),
    };
    if let Some(settings) = coach.peek_settings() {
        i18n::apply_choice(settings.language);
    }
    if cli.command.is_some() {
        fit_language_to_terminal();
    }
    // Said once when a change has waited a second for another process.
    coach.set_wait_callback(Box::new(say));
    let Some(command) = cli.command else {
        // The morning invitation opens the window with `--screen night`.
        let screen = match cli.screen {
            Some(cli::StartScreen::Night) => Screen::Night,
            Some(cli::StartScreen::Tonight) | None => Screen::Tonight,
        };
        // One window: a window already open on these files comes forward instead (on the
        // screen asked for, if one was).
        let asked = cli.screen.and(screen.start_name());
        let name = match desktop::start_window(coach.paths(), asked) {
            WindowStart::Raised => return ExitCode::SUCCESS,
            WindowStart::First(name) => Some(name),
            WindowStart::NoBus => None,
        };
        return match ui::run_window(coach, screen, name.as_ref()) {
            Ok(()) => ExitCode::SUCCESS,
            Err(error) => fail(&error),
        };
    };
    let changes_data = command.changes_data();
    let prints_data = command.prints_data();
    let result = cli::run(command, &coach);
    for notice in coach.take_notices() {
        say(&notice.message);
    }
    match result {
        Ok(text) => print_result(&text, changes_data, prints_data),
        Err(error) => fail(&error.into()),
    }
}

/// Replaces a `TZ` whose zone file chrono must not read (a FIFO, `/dev/zero`) with UTC,
/// saying so once: before any thread exists and before anything asks for `Local`, so the
/// change is safe and chrono never sees the bad value (see `store::check_tz`).
fn guard_time_zone() {
    if let Some(warning) = bedtime_coach::store::check_tz(std::env::var_os("TZ").as_deref()) {
        // A rule, not a zone name: it reads no file (the file of `UTC` can be the very
        // file that was refused, where /etc/localtime links to it).
        // SAFETY: the first thing `main` does, while this is the only thread.
        unsafe { std::env::set_var("TZ", "UTC0") };
        say(&warning);
    }
}

/// Prints a command's output. A reader that went away (`| head -c1`) ends the command
/// quietly, as for any Unix tool; any other failure is one sentence, and when the command
/// changed something that sentence says the change itself was saved.
fn print_result(text: &str, changes_data: bool, prints_data: bool) -> ExitCode {
    if text.is_empty() {
        return ExitCode::SUCCESS;
    }
    // Data for programs (JSON, an export) stays UTF-8 and exact; text for people is in the
    // terminal's character set. Data shown on a terminal is read by a person, so it loses
    // its control characters (an escape sequence in a title must not reach the terminal).
    let text = format!("{text}\n");
    let bytes = match (prints_data, io::stdout().is_terminal()) {
        (true, false) => text.into_bytes(),
        (true, true) => i18n::charset::without_controls(&text).into_owned().into_bytes(),
        (false, _) => for_terminal(&text),
    };
    let mut stdout = io::stdout().lock();
    match stdout.write_all(&bytes).and_then(|()| stdout.flush()) {
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

use terminal::{for_terminal, say};

/// Under a character set that cannot write the language's letters (Russian under
/// ISO-8859-1), the command line speaks English.
fn fit_language_to_terminal() {
    if let Some(charset) = terminal::charset()
        && i18n::language() == Language::Russian
        && !terminal::can_write(&charset, "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдеёжзийклмнопрстуфхцчшщъыьэюя")
    {
        i18n::set_language(Language::English);
    }
}

/// Prints clap's help or usage error as clap would, its words in the user's language (see
/// `cli::clap_text`) and in the terminal's character set, and gives its exit code (0 for
/// `--help`, 2 for a usage error).
fn clap_exit(error: clap::Error) -> ExitCode {
    let english = i18n::language() == Language::English;
    match terminal::charset() {
        None if english => error.exit(),
        None => error.apply::<cli::clap_text::Localized>().exit(),
        Some(_) => {
            let (code, to_stderr) = (error.exit_code(), error.use_stderr());
            let text = if english {
                error.render().to_string()
            } else {
                error.apply::<cli::clap_text::Localized>().render().to_string()
            };
            let text = for_terminal(&text);
            let _ = if to_stderr { io::stderr().write_all(&text) } else { io::stdout().write_all(&text) };
            ExitCode::from(u8::try_from(code).unwrap_or(2))
        }
    }
}

fn fail(error: &anyhow::Error) -> ExitCode {
    say(&error.to_string());
    ExitCode::FAILURE
}
