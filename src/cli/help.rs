//! The command line's help in the user's language: the derive in `args` gives the
//! grammar, this puts in every help text (`help.ftl`), and `clap_text` clap's own words.

use clap::{Arg, Command, CommandFactory};

use super::args::Cli;
use crate::i18n::t;

/// The grammar with every help text in the current language, for `--help`: the derive
/// gives the structure, this gives the words (`help.ftl`), and clap's own words
/// ("Usage:", "Options:", "Print help") come from `clap_text`.
pub fn localized_command() -> Command {
    fn help(key_text: String) -> impl FnOnce(Arg) -> Arg {
        move |arg| arg.help(key_text)
    }
    let anchor = |command: Command| {
        command
            .mut_arg("before", help(t("help-anchor-before")))
            .mut_arg("at", help(t("help-anchor-at")))
            .mut_arg("after_wake", help(t("help-anchor-after-wake")))
    };
    let command = Cli::command()
        .about(t("help-about"))
        .mut_arg("data_dir", help(t("help-data-dir")))
        .mut_arg("screen", help(t("help-screen")))
        .mut_subcommand("plan", |c| {
            c.about(t("help-plan"))
                .mut_arg("date", help(t("help-plan-date")))
                .mut_arg("json", help(t("help-json-steps")))
        })
        .mut_subcommand("status", |c| c.about(t("help-status")).mut_arg("json", help(t("help-status-json"))))
        .mut_subcommand("check", |c| {
            c.about(t("help-check"))
                .mut_arg("step", help(t("help-check-step")))
                .mut_arg("skip", help(t("help-check-skip")))
                .mut_arg("value", help(t("help-check-value")))
                .mut_arg("date", help(t("help-check-date")))
                .mut_arg("undo", help(t("help-check-undo")))
        })
        .mut_subcommand("routine", |c| {
            c.about(t("help-routine"))
                .mut_subcommand("list", |c| c.about(t("help-routine-list")).mut_arg("json", help(t("help-json-steps"))))
                .mut_subcommand("catalog", |c| c.about(t("help-routine-catalog")))
                .mut_subcommand("add", |c| {
                    anchor(c.about(t("help-routine-add")))
                        .mut_arg("step", help(t("help-routine-add-step")))
                        .mut_arg("title", help(t("help-routine-add-title")))
                        .mut_arg("remind", help(t("help-routine-add-remind")))
                })
                .mut_subcommand("remove", |c| {
                    c.about(t("help-routine-remove")).mut_arg("step", help(t("help-routine-step")))
                })
                .mut_subcommand("set", |c| {
                    anchor(c.about(t("help-routine-set")))
                        .mut_arg("step", help(t("help-routine-step")))
                        .mut_arg("remind", help(t("help-routine-set-remind")))
                        .mut_arg("title", help(t("help-routine-set-title")))
                        .mut_arg("enabled", help(t("help-routine-set-enabled")))
                        .mut_arg("position", help(t("help-routine-set-position")))
                })
        })
        .mut_subcommand("schedule", |c| {
            c.about(t("help-schedule"))
                .mut_arg("bedtime", help(t("help-schedule-bedtime")))
                .mut_arg("wake", help(t("help-schedule-wake")))
                .mut_arg("days", help(t("help-schedule-days")))
        })
        .mut_subcommand("remind", |c| {
            c.about(t("help-remind"))
                .mut_arg("pause_tonight", help(t("help-remind-pause")))
                .mut_arg("resume", help(t("help-remind-resume")))
                .mut_arg("test", help(t("help-remind-test")))
                .mut_arg("stop", help(t("help-remind-stop")))
        })
        .mut_subcommand("autostart", |c| {
            c.about(t("help-autostart")).mut_arg("action", help(t("help-autostart-action")))
        })
        .mut_subcommand("set-shortcut-app-id", |c| {
            c.about(t("help-set-shortcut-app-id")).mut_arg("link", help(t("help-set-shortcut-app-id-link")))
        })
        .mut_subcommand("activate", |c| c.about(t("help-activate")).mut_arg("uri", help(t("help-activate-uri"))))
        .mut_subcommand("reminders", |c| {
            c.about(t("help-reminders"))
                .mut_arg("date", help(t("help-reminders-date")))
                .mut_arg("json", help(t("help-reminders-json")))
        })
        .mut_subcommand("export", |c| {
            c.about(t("help-export"))
                .mut_arg("format", help(t("help-export-format")))
                .mut_arg("from", help(t("help-export-from")))
                .mut_arg("to", help(t("help-export-to")))
                .mut_arg("output", help(t("help-export-output")))
        })
        .mut_subcommand("import", |c| {
            c.about(t("help-import"))
                .mut_arg("file", help(t("help-import-file")))
                .mut_arg("dry_run", help(t("help-import-dry-run")))
                .mut_arg("routine", help(t("help-import-routine")))
        })
        .mut_subcommand("stats", |c| c.about(t("help-stats")).mut_arg("json", help(t("help-stats-json"))))
        .mut_subcommand("night", |c| {
            c.about(t("help-night"))
                .mut_arg("date", help(t("help-night-date")))
                .mut_arg("twitches", help(t("help-night-twitches")))
                .mut_arg("jolt", help(t("help-night-jolt")))
                .mut_arg("all_night", help(t("help-night-all-night")))
                .mut_arg("daytime", help(t("help-night-daytime")))
                .mut_arg("restless_legs", help(t("help-night-restless-legs")))
                .mut_arg("partner_saw_movements", help(t("help-night-partner")))
                .mut_arg("paralysis", help(t("help-night-paralysis")))
                .mut_arg("rested", help(t("help-night-rested")))
                .mut_arg("stress", help(t("help-night-stress")))
                .mut_arg("note", help(t("help-night-note")))
                .mut_arg("quiet_night", help(t("help-night-quiet")))
                .mut_arg("forget", help(t("help-night-forget")))
                .mut_arg("json", help(t("help-night-json")))
        })
        .mut_subcommand("report", |c| {
            c.about(t("help-report"))
                .mut_arg("weeks", help(t("help-report-weeks")))
                .mut_arg("format", help(t("help-report-format")))
                .mut_arg("output", help(t("help-report-output")))
                .mut_arg("to", help(t("help-report-to")))
        });
    super::clap_text::localize(command)
}

/// The manual page's own words in the current language, as pairs of what clap_mangen
/// writes in English and ours: its section headings and its "Possible values:". The rest
/// of the page (the commands' and options' words, the Options/Commands headings) comes
/// from [`localized_command`]. The pages themselves are generated by
/// `tests/manual_page.rs` (clap_mangen is only a dev-dependency) and shipped in the
/// Debian package.
pub fn manual_words() -> [(&'static str, String); 5] {
    let heading = |text: String| format!("\n.SH {text}\n");
    [
        ("\n.SH NAME\n", heading(t("man-name"))),
        ("\n.SH SYNOPSIS\n", heading(t("man-synopsis"))),
        ("\n.SH DESCRIPTION\n", heading(t("man-description"))),
        ("\n.SH VERSION\n", heading(t("man-version"))),
        ("Possible values:", t("man-possible-values")),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Language, with_language};

    /// Every option and argument of every command, by its command's path and its id,
    /// with its help text (`None`: the help shows a bare name).
    fn helps(command: &Command, path: &str, out: &mut Vec<(String, Option<String>)>) {
        for arg in command.get_arguments().filter(|arg| !matches!(arg.get_id().as_str(), "help" | "version")) {
            out.push((format!("{path} {}", arg.get_id()), arg.get_help().map(ToString::to_string)));
        }
        for sub in command.get_subcommands().filter(|sub| sub.get_name() != "help") {
            helps(sub, &format!("{path} {}", sub.get_name()), out);
        }
    }

    /// `--help` explains every option and argument, in both languages (`reminders --json`,
    /// `routine set STEP`, `--title` and `--remind` once showed a bare name).
    #[test]
    fn every_option_and_argument_has_a_help_text() {
        for language in [Language::English, Language::Russian] {
            let mut found = Vec::new();
            with_language(language, || helps(&localized_command(), "bedtime-coach", &mut found));
            let missing: Vec<&String> = found
                .iter()
                .filter(|(_, help)| help.as_deref().is_none_or(str::is_empty))
                .map(|(arg, _)| arg)
                .collect();
            assert!(missing.is_empty(), "{language:?}: no help for {missing:?}");
        }
    }
}
