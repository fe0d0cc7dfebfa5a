//! `bedtime-coach reminders [--date D] [--json]` on a hand-built reminder log: what
//! happened to each reminder of an evening, and why, in words and in JSON.

mod support;

use std::fs;

use support::run;

/// The default routine saved, and a reminder log for the evening of 26 November 2026
/// (Berlin, +01:00) as the service would have written it.
fn evening_with_a_history(dir: &std::path::Path) {
    run(dir, &["schedule", "--bedtime", "22:30", "--wake", "06:30"]).ok();
    // Saved long before that evening (`schedule` dated the routine's start today, and an
    // evening before the routine began has no reminders to list), with dinner reminding.
    support::edit_routine(dir, |file| {
        file["since"] = "2026-11-01T12:00:00+01:00".into();
        let steps = file["routine"].as_array_mut().unwrap();
        let dinner = steps.iter_mut().find(|step| step["id"] == "mineral-dinner").unwrap();
        dinner["remind"] = true.into();
    });
    let log = r#"{
      "schema_version": 1,
      "evenings": {
        "2026-11-26": {
          "sent": {
            "caffeine-cutoff": {"outcome": "fired", "due": "2026-11-26T16:30:00+01:00", "at": "2026-11-26T16:30:00+01:00"},
            "mineral-dinner": {"outcome": "skipped", "due": "2026-11-26T19:30:00+01:00", "at": "2026-11-26T20:10:00+01:00"},
            "calm-evening": {"outcome": "skipped", "due": "2026-11-26T20:30:00+01:00", "at": "2026-11-26T20:52:00+01:00",
                             "held_since": "2026-11-26T20:30:00+01:00"},
            ":wind-down": {"outcome": "late", "due": "2026-11-26T20:30:00+01:00", "at": "2026-11-26T20:41:00+01:00",
                           "future_field": 7},
            "warm-bath": {"outcome": "fired", "due": "2026-11-26T21:00:00+01:00", "at": "2026-11-26T21:00:00+01:00",
                          "failed": "Desktop notifications are not available in this session."},
            "ventilate-bedroom": {"outcome": "settled", "due": "2026-11-26T21:45:00+01:00", "at": "2026-11-26T21:45:00+01:00"},
            "humidity-check": {"outcome": "late", "due": "2026-11-26T21:50:00+01:00", "at": "2026-11-26T21:58:00+01:00",
                               "held_since": "2026-11-26T21:50:00+01:00"},
            "lights-out": {"outcome": "fired", "due": "2026-11-26T22:30:00+01:00", "at": "2026-11-26T22:30:00+01:00",
                           "through_do_not_disturb": true}
          }
        }
      }
    }"#;
    fs::write(dir.join("reminders.json"), log).unwrap();
}

/// Unix only: the zone comes from `TZ` there; Windows takes it from the system (chrono reads no `TZ`).
#[test]
#[cfg(unix)]
fn reminders_lists_each_reminder_with_what_happened_to_it() {
    let dir = tempfile::tempdir().unwrap();
    evening_with_a_history(dir.path());
    let out = run(dir.path(), &["reminders", "--date", "2026-11-26"]).ok().stdout();
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "Evening of Thursday 26 November 2026: reminders", "{out}");
    let line = |title: &str| {
        lines
            .iter()
            .find(|l| l.contains(&format!(" {title} ")))
            .unwrap_or_else(|| panic!("no {title}: {out}"))
            .to_string()
    };
    assert!(line("Last strong coffee or tea").starts_with("  16:30  "), "{out}");
    assert!(line("Last strong coffee or tea").ends_with("sent at 16:30"), "{out}");
    assert!(
        line("Time to wind down")
            .ends_with("sent at 20:41, 11 min late (the computer was asleep or reminders were not running)"),
        "{out}"
    );
    assert!(
        line("Slow down for the evening").ends_with("missed: Do Not Disturb (from 20:30) lasted past the grace window"),
        "{out}"
    );
    // Missed with no Do Not Disturb: when it was due and when the grace period ended
    // (it said "40 min late, past the grace window", or "1 min late" with a short one).
    assert!(
        line("Mineral-rich dinner").ends_with(
            "missed: due 19:30, and the grace period ended at 19:45 \
             (the computer was asleep or reminders were not running)"
        ),
        "{out}"
    );
    assert!(
        line("Warm bath").ends_with("not shown (21:00): Desktop notifications are not available in this session."),
        "{out}"
    );
    assert!(line("Air the bedroom").ends_with("not sent: the step was already done or skipped"), "{out}");
    assert!(
        line("Check the bedroom humidity").ends_with("sent at 21:58, after Do Not Disturb ended (held from 21:50)"),
        "{out}"
    );
    assert!(
        line("Lights out").ends_with("sent at 22:30 (through Do Not Disturb, as Settings allow for bedtime)"),
        "{out}"
    );
    // Bedtime itself has no entry: no service ran to decide it.
    assert!(line("Bedtime").ends_with("due, but not sent yet: is the reminder service running?"), "{out}");
    assert!(out.trim_end().ends_with("The reminder service is not running: reminders due now are not sent (start it with `bedtime-coach remind`)."), "{out}");
    // Reading the log kept the field this version does not know.
    assert!(fs::read_to_string(dir.path().join("reminders.json")).unwrap().contains("future_field"));
}

/// Unix only: the zone comes from `TZ` there; Windows takes it from the system (chrono reads no `TZ`).
#[test]
#[cfg(unix)]
fn reminders_json_gives_a_status_word_and_the_times() {
    let dir = tempfile::tempdir().unwrap();
    evening_with_a_history(dir.path());
    let value = run(dir.path(), &["reminders", "--date", "2026-11-26", "--json"]).ok().json();
    assert_eq!(value["evening"], "2026-11-26");
    assert_eq!(value["reminders_on"], true);
    assert_eq!(value["service_running"], false);
    let rows = value["reminders"].as_array().unwrap();
    let row = |id: &str| rows.iter().find(|r| r["id"] == id).unwrap_or_else(|| panic!("no {id}: {value}"));
    let statuses: Vec<(&str, &str)> =
        rows.iter().map(|r| (r["id"].as_str().unwrap(), r["status"].as_str().unwrap())).collect();
    assert!(statuses.contains(&("caffeine-cutoff", "sent")), "{statuses:?}");
    assert!(statuses.contains(&(":wind-down", "late")), "{statuses:?}");
    assert!(statuses.contains(&("calm-evening", "missed")), "{statuses:?}");
    assert!(statuses.contains(&("warm-bath", "failed")), "{statuses:?}");
    assert!(statuses.contains(&("ventilate-bedroom", "already_done")), "{statuses:?}");
    assert!(statuses.contains(&(":bedtime", "not_sent")), "{statuses:?}");
    assert_eq!(row("warm-bath")["reason"], "Desktop notifications are not available in this session.");
    assert_eq!(row("warm-bath")["due"], "2026-11-26T21:00:00+01:00");
    assert_eq!(row("calm-evening")["held_since"], "2026-11-26T20:30:00+01:00");
    assert_eq!(row("mineral-dinner")["grace_ended"], "2026-11-26T19:45:00+01:00");
    assert_eq!(row("mineral-dinner")["at"], "2026-11-26T20:10:00+01:00");
    assert_eq!(row("humidity-check")["at"], "2026-11-26T21:58:00+01:00");
    assert_eq!(row("lights-out")["through_do_not_disturb"], true);
    assert!(row("caffeine-cutoff")["explanation"].as_str().unwrap().starts_with("sent at 16:30"));
}

#[test]
fn reminders_speaks_russian() {
    let dir = tempfile::tempdir().unwrap();
    evening_with_a_history(dir.path());
    let out = support::output(support::bin(dir.path()).env("LANG", "ru_RU.UTF-8").args([
        "reminders",
        "--date",
        "2026-11-26",
    ]))
    .ok()
    .stdout();
    assert!(out.starts_with("Вечер четверга, 26 ноября 2026: напоминания"), "{out}");
    assert!(out.contains("пропущено: режим «Не беспокоить» (с 20:30) длился дольше допустимой задержки"), "{out}");
    assert!(
        out.contains("пропущено: время было 19:30, допустимая задержка закончилась в 19:45 (компьютер спал"),
        "{out}"
    );
}
