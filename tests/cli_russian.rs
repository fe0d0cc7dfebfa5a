//! The command line's errors and help in Russian (`LANG=ru_RU.UTF-8`): one sentence
//! each, naming the right file or value, with no English left in it.

mod support;

use std::path::Path;

use support::{Run, bin, output};

fn run_ru(dir: &Path, args: &[&str]) -> Run {
    output(bin(dir).env("LANG", "ru_RU.UTF-8").args(args))
}

#[test]
fn a_date_that_does_not_exist() {
    let dir = tempfile::tempdir().unwrap();
    let run = run_ru(dir.path(), &["plan", "--date", "2026-02-30"]);
    assert_eq!(run.code(), 2);
    assert!(
        run.stderr().contains("2026-02-30 — это не дата; укажите ГГГГ-ММ-ДД, например 2026-11-27"),
        "{}",
        run.stderr()
    );
}

/// Unix only: FIFOs.
#[test]
#[cfg(unix)]
fn a_fifo_in_place_of_the_journal() {
    let dir = tempfile::tempdir().unwrap();
    let journal = dir.path().join("journal.json");
    assert!(std::process::Command::new("mkfifo").arg(&journal).status().unwrap().success());
    let run = run_ru(dir.path(), &["status"]);
    assert_eq!(run.code(), 1);
    let expected =
        format!("{} — не обычный файл (это канал FIFO); уберите его и попробуйте снова.\n", journal.display());
    assert_eq!(run.stderr(), expected);
}

#[test]
fn a_bedtime_equal_to_the_wake_time() {
    let dir = tempfile::tempdir().unwrap();
    let run = run_ru(dir.path(), &["schedule", "--bedtime", "07:00"]);
    assert_eq!(run.code(), 1);
    assert_eq!(run.stderr(), "Отбой в 07:00 совпадает со временем подъёма; выберите подъём позже отбоя.\n");
}

#[test]
fn help_speaks_russian() {
    let dir = tempfile::tempdir().unwrap();
    let run = run_ru(dir.path(), &["--help"]).ok();
    assert!(run.stdout().starts_with("Спокойный вечерний распорядок и напоминания перед сном."), "{}", run.stdout());
    assert!(run.stdout().contains("Показать план вечера"), "{}", run.stdout());
    let run = run_ru(dir.path(), &["routine", "add", "--help"]).ok();
    assert!(run.stdout().contains("За столько минут до отбоя"), "{}", run.stdout());
    // English stays English.
    let run = support::run(dir.path(), &["--help"]).ok();
    assert!(run.stdout().starts_with("A calm evening routine"), "{}", run.stdout());
}

/// `plan --json` is a contract (DESIGN.md): its "anchor" is the English phrase in every
/// language, as when the model wrote it.
#[test]
fn plan_json_keeps_the_english_anchor() {
    let dir = tempfile::tempdir().unwrap();
    support::run(dir.path(), &["schedule", "--bedtime", "22:30", "--wake", "07:00"]).ok();
    let plan = run_ru(dir.path(), &["plan", "--date", "2026-11-26", "--json"]).ok().json();
    let anchor = |id: &str| plan.as_array().unwrap().iter().find(|s| s["id"] == id).unwrap()["anchor"].clone();
    assert_eq!(anchor("warm-bath"), "1 h 30 min before bedtime");
    assert_eq!(anchor("lights-out"), "at bedtime");
}
