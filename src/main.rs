//! The `bedtime-coach` binary: parse the command line, dispatch, map errors to exit codes.

use std::process::ExitCode;

use bedtime_coach::cli::{self, Cli};
use clap::Parser;

fn main() -> ExitCode {
    // Usage errors exit with 2 and --help with 0, both printed by clap.
    let cli = Cli::parse();
    let mut store = match cli::open_store(cli.data_dir.as_deref()) {
        Ok(store) => store,
        Err(error) => return fail(&error.into()),
    };
    // Said once when a change has waited a second for another process.
    store.set_wait_reporter(Box::new(|message| eprintln!("{message}")));
    let Some(command) = cli.command else {
        return match bedtime_coach::ui::run_window(store) {
            Ok(()) => ExitCode::SUCCESS,
            Err(error) => fail(&error),
        };
    };
    let result = cli::run(command, &store);
    for notice in store.take_notices() {
        eprintln!("{}", notice.message);
    }
    match result {
        Ok(text) => {
            if !text.is_empty() {
                println!("{text}");
            }
            ExitCode::SUCCESS
        }
        Err(error) => fail(&error.into()),
    }
}

fn fail(error: &anyhow::Error) -> ExitCode {
    eprintln!("{error:#}");
    ExitCode::FAILURE
}
