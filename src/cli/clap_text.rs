//! clap's own words in the user's language: "Usage:", the "Commands"/"Options" headings,
//! "Print help", and the usage errors ("error: unexpected argument …"). clap writes them
//! in English; these are its templates and headings filled from `clap.ftl`, and an
//! [`ErrorFormatter`] that says each kind of usage error from the same file. The
//! placeholders of a usage line (`[OPTIONS]`, `<HH:MM>`) stay as they are: they are
//! names, like the options themselves.

use clap::builder::StyledStr;
use clap::error::{ContextKind, ContextValue, ErrorFormatter, ErrorKind};
use clap::{Arg, Command};

use crate::i18n::t;
use crate::tr;

/// `command` (built, so that clap's generated `--help`, `--version` and `help` exist)
/// with clap's words in the current language, in it and every subcommand.
pub fn localize(mut command: Command) -> Command {
    command.build();
    words(command)
}

fn words(command: Command) -> Command {
    let template =
        format!("{{before-help}}{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}", t("clap-usage"));
    let is_help = command.get_name() == "help";
    let command = command
        .help_template(template)
        .subcommand_help_heading(t("clap-commands"))
        .mut_args(|arg| {
            let arg = match arg.get_id().as_str() {
                "help" => arg.help(t("clap-help")).long_help(t("clap-help")),
                "version" => arg.help(t("clap-version")),
                "subcommand" if is_help => arg.help(t("clap-help-for")),
                _ => arg,
            };
            heading(arg)
        })
        .mut_subcommands(words);
    if is_help { command.about(t("clap-help-command")) } else { command }
}

fn heading(arg: Arg) -> Arg {
    if arg.get_help_heading().is_some() {
        return arg;
    }
    let heading = if arg.is_positional() { t("clap-arguments") } else { t("clap-options") };
    arg.help_heading(heading)
}

/// clap's usage errors in the current language (see [`localize`] for the help).
pub struct Localized;

/// A context value as text.
fn text(value: Option<&ContextValue>) -> Option<String> {
    match value? {
        ContextValue::String(text) => Some(text.clone()),
        ContextValue::Strings(texts) => Some(texts.join(", ")),
        ContextValue::StyledStr(text) => Some(text.to_string()),
        ContextValue::StyledStrs(texts) => Some(texts.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ")),
        ContextValue::Number(number) => Some(number.to_string()),
        ContextValue::Bool(yes) => Some(yes.to_string()),
        _ => None,
    }
}

/// The sentence for the error itself, after "error:".
fn message(error: &clap::error::Error<Localized>) -> String {
    let get = |kind| text(error.get(kind));
    let arg = get(ContextKind::InvalidArg).unwrap_or_default();
    let value = get(ContextKind::InvalidValue).unwrap_or_default();
    let mut line = match error.kind() {
        ErrorKind::UnknownArgument => tr!("clap-unknown-argument", arg = arg),
        ErrorKind::InvalidSubcommand => {
            tr!("clap-unknown-command", name = get(ContextKind::InvalidSubcommand).unwrap_or_default())
        }
        ErrorKind::InvalidValue if value.is_empty() => tr!("clap-value-required", arg = arg),
        ErrorKind::InvalidValue => tr!("clap-invalid-value", value = value, arg = arg),
        // The parsers' own sentences (a date, a time, a weekday) are already translated.
        ErrorKind::ValueValidation => {
            let head = tr!("clap-invalid-value", value = value, arg = arg);
            match std::error::Error::source(error) {
                Some(source) => format!("{head}: {source}"),
                None => head,
            }
        }
        ErrorKind::MissingRequiredArgument => {
            let missing = match error.get(ContextKind::InvalidArg) {
                Some(ContextValue::Strings(args)) => args.iter().map(|a| format!("\n  {a}")).collect(),
                _ => String::new(),
            };
            format!("{}{missing}", t("clap-missing-arguments"))
        }
        ErrorKind::MissingSubcommand => {
            tr!("clap-missing-command", name = get(ContextKind::InvalidSubcommand).unwrap_or_default())
        }
        ErrorKind::ArgumentConflict => match get(ContextKind::PriorArg) {
            Some(prior) if prior != arg => tr!("clap-conflict", arg = arg, other = prior),
            _ => tr!("clap-repeated", arg = arg),
        },
        ErrorKind::NoEquals => tr!("clap-no-equals", arg = arg),
        ErrorKind::TooManyValues => tr!("clap-too-many-values", value = value, arg = arg),
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => tr!("clap-value-count", arg = arg),
        ErrorKind::InvalidUtf8 => t("clap-not-utf8"),
        _ => t("clap-other"),
    };
    if let Some(values) = get(ContextKind::ValidValue).filter(|values| !values.is_empty()) {
        line.push_str(&format!("\n  [{}: {values}]", t("clap-possible-values")));
    }
    if let Some(values) = get(ContextKind::ValidSubcommand).filter(|values| !values.is_empty()) {
        line.push_str(&format!("\n  [{}: {values}]", t("clap-possible-commands")));
    }
    line
}

impl ErrorFormatter for Localized {
    fn format_error(error: &clap::error::Error<Self>) -> StyledStr {
        let mut text = format!("{} {}", t("clap-error"), message(error));
        let suggestions = [ContextKind::SuggestedSubcommand, ContextKind::SuggestedArg, ContextKind::SuggestedValue]
            .into_iter()
            .filter_map(|kind| text_of(error, kind));
        let mut first = true;
        for suggestion in suggestions {
            text.push_str(if first { "\n\n" } else { "\n" });
            first = false;
            text.push_str(&format!("  {} {}", t("clap-tip"), tr!("clap-did-you-mean", names = suggestion)));
        }
        if let Some(ContextValue::StyledStrs(tips)) = error.get(ContextKind::Suggested) {
            text.push_str(if first { "\n" } else { "" });
            for tip in tips {
                // clap's own tips ("to pass '-x' as a value, use '-- -x'") have no words here.
                text.push_str(&format!("\n  {} {tip}", t("clap-tip")));
            }
        }
        if let Some(ContextValue::StyledStr(usage)) = error.get(ContextKind::Usage) {
            let usage = usage.to_string();
            let usage = usage.strip_prefix("Usage:").map_or(usage.clone(), |rest| format!("{}{rest}", t("clap-usage")));
            text.push_str(&format!("\n\n{usage}"));
        }
        text.push_str(&format!("\n\n{}\n", tr!("clap-more", help = "--help")));
        StyledStr::from(text)
    }
}

fn text_of(error: &clap::error::Error<Localized>, kind: ContextKind) -> Option<String> {
    let names = match error.get(kind)? {
        ContextValue::String(name) => tr!("clap-quoted", name = name.as_str()),
        ContextValue::Strings(names) => {
            names.iter().map(|name| tr!("clap-quoted", name = name.as_str())).collect::<Vec<_>>().join(", ")
        }
        _ => return None,
    };
    Some(names)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Language, with_language};

    fn russian<T>(f: impl FnOnce() -> T) -> T {
        with_language(Language::Russian, f)
    }

    #[test]
    fn help_has_no_english_headings_in_russian() {
        let help = russian(|| super::super::localized_command().render_help().to_string());
        for english in ["Usage:", "Commands:", "Options:", "Print help", "Print version", "Print this message"] {
            assert!(!help.contains(english), "{english} in:\n{help}");
        }
        assert!(help.contains("Использование: bedtime-coach"), "{help}");
        let check = russian(|| {
            let mut command = super::super::localized_command();
            command.build();
            command.find_subcommand_mut("check").unwrap().render_help().to_string()
        });
        assert!(check.contains("Аргументы:") && check.contains("Параметры:"), "{check}");
    }

    #[test]
    fn usage_errors_are_said_in_russian() {
        let cases: [&[&str]; 5] = [
            &["bedtime-coach", "stauts"],
            &["bedtime-coach", "status", "--jsn"],
            &["bedtime-coach", "schedule", "--bedtime"],
            &["bedtime-coach", "export", "--format", "xml"],
            &["bedtime-coach", "schedule", "--bedtime", "25:00"],
        ];
        for args in cases {
            let text = russian(|| {
                let error = super::super::localized_command().try_get_matches_from(args).unwrap_err();
                error.apply::<Localized>().render().to_string()
            });
            assert!(text.starts_with("ошибка: "), "{args:?}: {text}");
            for english in ["error:", "Usage:", "For more information", "unexpected", "invalid value", "tip:"] {
                assert!(!text.contains(english), "{args:?}: {english} in {text}");
            }
            assert!(text.contains("Подробнее: «--help»."), "{args:?}: {text}");
            assert!(!text.contains('\''), "{args:?}: English quotes in {text}");
            if args[1] == "stauts" {
                assert!(text.contains("Использование: bedtime-coach"), "{text}");
                assert!(text.contains("подсказка: есть похожее: «status», «stats»"), "{text}");
            }
        }
    }
}
