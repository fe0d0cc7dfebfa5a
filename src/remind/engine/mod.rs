//! The reminder engine: from the plan, the reminder log and `now`, decide what to notify.
//!
//! Pure on purpose (no I/O, no clock reads), so every hard case can be tested with fixed
//! instants and `chrono-tz` zones: DST gaps and folds, suspend and clock jumps, restarts,
//! a time-zone change, bedtime after midnight. The service loop calls [`decide`] on each
//! wake-up with the wall-clock time, saves what the decision settles, and only then shows
//! the notification, which is what makes "exactly once" survive restarts.
//!
//! Rules, per (evening, reminder key):
//! - not yet due: wait; [`Decision::next_due`] says when to wake;
//! - due less than the grace window ago: show (late if more than a minute late), merged
//!   with everything else that is due at the same moment into one notification;
//! - due longer ago: log it as skipped and stay silent;
//! - step already done or skipped, or the evening paused: log it and stay silent;
//! - already in the log: never again, whatever the clock says now;
//! - due while the desktop asks not to be disturbed: held (see [`decide_with`]).
//!
//! The morning invitation to log the night is one more reminder of the evening the night
//! followed (key [`NIGHT_LOG_KEY`](crate::model::reminders::NIGHT_LOG_KEY)), due [`NIGHT_LOG_DELAY_MINUTES`] after the wake time.
//! It differs in three ways: it waits longer ([`NIGHT_LOG_WINDOW`], because the service
//! often starts at login, after the alarm), "pause tonight" does not silence it (the
//! morning is not the evening), and it stays silent once the night is logged or when the
//! `morning_invitation` setting is off.

use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone, Timelike};

use crate::i18n::notifications::{self as words, Head};
use crate::model::plan::plan_as_of;
use crate::model::reminders::{LogEntry, LogOutcome, ReminderLog};
use crate::model::time::is_sane_date;
use crate::model::{Journal, RoutineFile, evening_at};

mod alert;
mod reminders;

pub use alert::{Alert, NoticeItem, NoticeLine};
pub(crate) use reminders::window_of;
pub use reminders::*;
use reminders::{LATE_AFTER, is_settled};

/// What to do at one wake-up.
#[derive(Debug, Clone)]
pub struct Decision<Tz: TimeZone> {
    /// The notification to show now, if anything is due.
    pub notice: Option<Alert>,
    /// Log entries to save before the notification is shown.
    pub settle: Vec<(NaiveDate, String, LogEntry)>,
    /// Snoozes this decision uses up (shown again or dropped).
    pub settle_snoozes: Vec<(NaiveDate, String)>,
    /// Reminders held for Do Not Disturb from now on (holds to write down).
    pub hold: Vec<(NaiveDate, String, DateTime<FixedOffset>)>,
    /// Something is due but held for Do Not Disturb: look again soon.
    pub holding: bool,
    /// The next instant something comes due, if known; the service also wakes every 30 s.
    pub next_due: Option<DateTime<Tz>>,
    /// The evening `now` belongs to.
    pub today: NaiveDate,
}

impl<Tz: TimeZone> Decision<Tz> {
    /// Nothing to save and nothing to show.
    pub fn is_idle(&self) -> bool {
        self.notice.is_none() && self.settle.is_empty() && self.settle_snoozes.is_empty() && self.hold.is_empty()
    }

    /// Writes the decision into the log (which keeps only its newest evenings).
    pub fn apply_to(&self, log: &mut ReminderLog) {
        for (evening, key, entry) in &self.settle {
            log.settle(*evening, key, entry.clone());
        }
        for (evening, key) in &self.settle_snoozes {
            log.settle_snooze(*evening, key);
        }
        for (evening, key, since) in &self.hold {
            log.hold(*evening, key, *since);
        }
        log.prune();
    }
}

fn earlier<Tz: TimeZone>(a: Option<DateTime<Tz>>, b: &DateTime<Tz>) -> Option<DateTime<Tz>> {
    match a {
        Some(a) if a <= *b => Some(a),
        _ => Some(b.clone()),
    }
}

/// Decides what to notify at `now`.
///
/// Looks at the evening `now` belongs to and at its neighbours: the one before (a
/// bedtime after midnight, a reminder just before the morning alarm) and the one after
/// (so `next_due` is exact across the morning boundary).
pub fn decide<Tz: TimeZone>(
    routine_file: &RoutineFile,
    journal: &Journal,
    log: &ReminderLog,
    now: &DateTime<Tz>,
) -> Decision<Tz> {
    decide_with(routine_file, journal, log, now, false)
}

/// [`decide`], knowing whether the desktop asks not to be disturbed (`do_not_disturb`).
///
/// While it does, what would be shown is held instead: nothing is settled, a hold is
/// written down, and the next decision after it ends shows what is still inside the
/// grace window, merged, and logs the rest as missed. The bedtime reminder comes through
/// anyway (with everything due with it, as one critical notification) when the setting
/// [`crate::model::Settings::bedtime_through_do_not_disturb`] says so.
pub fn decide_with<Tz: TimeZone>(
    routine_file: &RoutineFile,
    journal: &Journal,
    log: &ReminderLog,
    now: &DateTime<Tz>,
    do_not_disturb: bool,
) -> Decision<Tz> {
    let tz = now.timezone();
    let today = evening_at(routine_file, now);
    let mut decision = Decision {
        notice: None,
        settle: Vec::new(),
        settle_snoozes: Vec::new(),
        hold: Vec::new(),
        holding: false,
        next_due: None,
        today,
    };
    // A clock set to another millennium has no evening to remind of.
    if !routine_file.settings.reminders || !is_sane_date(today) {
        return decision;
    }
    let grace = grace(routine_file);
    // Whole seconds keep the log readable; the decision itself uses the exact `now`.
    let stamp = now.fixed_offset().with_nanosecond(0).unwrap_or_else(|| now.fixed_offset());
    let mut due_now: Vec<Reminder<Tz>> = Vec::new();
    // What would be shown now: (evening, key, entry), settled only if it is shown.
    let mut to_show: Vec<(NaiveDate, String, LogEntry)> = Vec::new();
    let mut snoozes_due: Vec<(NaiveDate, String)> = Vec::new();
    let evenings = [today.pred_opt(), Some(today), today.succ_opt()];
    for evening in evenings.into_iter().flatten() {
        let plan = plan_as_of(routine_file, evening, &tz, journal.evening(evening), today);
        let reminders = reminders_of(routine_file, &plan);
        let paused = log.is_paused(evening);
        for reminder in &reminders {
            // Once per planned clock time: a step moved elsewhere is owed its reminder there.
            if is_settled(log, reminder) {
                continue;
            }
            if reminder.due > *now {
                decision.next_due = earlier(decision.next_due, &reminder.due);
                continue;
            }
            let overdue = now.clone() - reminder.due.clone();
            let outcome = if paused && reminder.kind != Kind::NightLog {
                LogOutcome::Paused
            } else if reminder.quiet {
                LogOutcome::Settled
            } else if overdue >= window_of(&reminder.kind, grace) {
                LogOutcome::Skipped
            } else if overdue > LATE_AFTER {
                LogOutcome::Late
            } else {
                LogOutcome::Fired
            };
            let mut entry = LogEntry::new(outcome, reminder.due.fixed_offset(), stamp);
            entry.held_since = log.held_since(evening, &reminder.key);
            if outcome.was_shown() {
                to_show.push((evening, reminder.key.clone(), entry));
                due_now.push(reminder.clone());
            } else {
                decision.settle.push((evening, reminder.key.clone(), entry));
            }
        }
        let snoozed = log.evening(evening).map(|e| &e.snoozed).into_iter().flatten();
        for (key, snooze) in snoozed.filter(|(_, snooze)| !snooze.settled) {
            let until = snooze.until.with_timezone(&tz);
            if until > *now {
                decision.next_due = earlier(decision.next_due, &until);
                continue;
            }
            let reminder = reminders.iter().find(|r| &r.key == key);
            let paused = |r: &Reminder<Tz>| paused && r.kind != Kind::NightLog;
            if let Some(reminder) = reminder.filter(|r| !paused(r) && !r.quiet && now.clone() - until.clone() < grace) {
                snoozes_due.push((evening, key.clone()));
                due_now.push(Reminder { due: until, ..reminder.clone() });
            } else {
                decision.settle_snoozes.push((evening, key.clone()));
            }
        }
    }
    let bedtime_due = due_now.iter().any(|r| r.kind == Kind::Bedtime);
    let through = do_not_disturb && bedtime_due && routine_file.settings.bedtime_through_do_not_disturb;
    if do_not_disturb && !through && !due_now.is_empty() {
        // Held: nothing settled, so the next decision after Do Not Disturb ends sees it
        // again; a hold not yet written down is.
        decision.holding = true;
        for (evening, key, _) in to_show {
            if log.held_since(evening, &key).is_none() {
                decision.hold.push((evening, key, stamp));
            }
        }
        return decision;
    }
    for (evening, key, mut entry) in to_show {
        entry.through_do_not_disturb = through;
        decision.settle.push((evening, key, entry));
    }
    decision.settle_snoozes.extend(snoozes_due);
    decision.notice = compose(due_now, now).map(|notice| Alert { critical: through, ..notice });
    decision
}

/// Merges everything due at one moment into one notification.
fn compose<Tz: TimeZone>(mut due: Vec<Reminder<Tz>>, now: &DateTime<Tz>) -> Option<Alert> {
    due.sort_by(|a, b| a.due.cmp(&b.due));
    // A reminder snoozed into the same moment as its own first showing is one item.
    due.dedup_by(|a, b| a.evening == b.evening && a.key == b.key);
    let earliest = due.first()?.due.clone();
    let steps: Vec<&Reminder<Tz>> = due.iter().filter(|r| matches!(r.kind, Kind::Step(_))).collect();
    let has = |kind: Kind| due.iter().any(|r| r.kind == kind);
    let head = if has(Kind::Bedtime) {
        Head::Bedtime
    } else if has(Kind::WindDown) {
        Head::WindDown
    } else if let [only] = steps.as_slice() {
        Head::Step(&only.title)
    } else if steps.is_empty() && has(Kind::NightLog) {
        Head::NightLog
    } else {
        Head::Steps(steps.len())
    };
    let head_title = words::summary(head, None);
    // An invitation to log the night is not "late": it waits for the user to be up.
    let late = now.clone() - earliest.clone() > LATE_AFTER && !due.iter().all(|r| r.kind == Kind::NightLog);
    let time = earliest.naive_local().format("%H:%M").to_string();
    let summary = words::summary(head, late.then(|| (time.as_str(), due.iter().all(|r| r.due == earliest))));
    // Steps speak for themselves; the wind-down and bedtime texts are used only when no
    // step is due with them, so a notification never says the same thing twice.
    // The morning invitation is its own line beside morning steps.
    let sources: Vec<&Reminder<Tz>> = if steps.is_empty() {
        due.iter().collect()
    } else {
        due.iter().filter(|r| matches!(r.kind, Kind::Step(_) | Kind::NightLog)).collect()
    };
    // The body does not repeat the summary: a line whose title is the head says only why.
    let lines = sources
        .iter()
        .map(|r| {
            let title = if r.title == head_title && !r.why.is_empty() { String::new() } else { r.title.clone() };
            NoticeLine { title, why: r.why.clone() }
        })
        .collect();
    let items = due
        .iter()
        .map(|r| NoticeItem { evening: r.evening, key: r.key.clone(), kind: r.kind.clone(), title: r.title.clone() })
        .collect();
    Some(Alert { summary, lines, items, due: earliest.fixed_offset(), late, critical: false })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::catalog::ids;
    use crate::model::reminders::{BEDTIME_KEY, NIGHT_LOG_KEY, WIND_DOWN_KEY};
    use crate::model::time::clock;
    use crate::model::{CheckIn, Outcome, plan_evening};
    use chrono::TimeDelta;
    use chrono::Utc;
    use chrono_tz::{America::New_York, Europe::Berlin, Europe::London, Tz};

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn local(tz: Tz, y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Tz> {
        tz.with_ymd_and_hms(y, mo, d, h, mi, 0).earliest().unwrap()
    }

    fn utc(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text).unwrap().with_timezone(&Utc)
    }

    /// One notification as the simulated service showed it.
    #[derive(Debug)]
    struct Shown {
        at: DateTime<Utc>,
        notice: Alert,
    }

    impl Shown {
        fn keys(&self) -> Vec<&str> {
            self.notice.items.iter().map(|i| i.key.as_str()).collect()
        }
    }

    /// Runs the service loop on a simulated clock from `from` to `to`: decide, save the
    /// log, show, then sleep until the next due time or 30 s, whichever comes first.
    fn run<T: TimeZone>(
        routine_file: &RoutineFile,
        journal: &Journal,
        log: &mut ReminderLog,
        from: DateTime<T>,
        to: DateTime<T>,
    ) -> Vec<Shown> {
        let mut shown = Vec::new();
        let mut now = from;
        while now <= to {
            let decision = decide(routine_file, journal, log, &now);
            decision.apply_to(log);
            if let Some(notice) = decision.notice {
                shown.push(Shown { at: now.with_timezone(&Utc), notice });
            }
            let tick = now.clone() + TimeDelta::seconds(30);
            now = match decision.next_due {
                Some(due) if due < tick => due,
                _ => tick,
            };
        }
        shown
    }

    fn all_keys(shown: &[Shown]) -> Vec<String> {
        let mut keys: Vec<String> = shown.iter().flat_map(|s| s.keys()).map(str::to_owned).collect();
        keys.sort();
        keys
    }

    fn remind_everything(routine_file: &mut RoutineFile) {
        for step in &mut routine_file.routine.steps {
            step.remind = true;
        }
    }

    #[test]
    fn normal_evening_each_reminder_once_at_its_instant() {
        let routine_file = RoutineFile::default();
        let journal = Journal::default();
        let mut log = ReminderLog::default();
        let shown = run(
            &routine_file,
            &journal,
            &mut log,
            local(Berlin, 2026, 11, 26, 15, 0),
            local(Berlin, 2026, 11, 27, 7, 30),
        );
        let at = |s: &Shown| s.at.with_timezone(&Berlin).format("%H:%M:%S").to_string();
        let summary: Vec<(String, Vec<&str>)> = shown.iter().map(|s| (at(s), s.keys())).collect();
        assert_eq!(
            summary,
            vec![
                ("16:30:00".to_owned(), vec!["caffeine-cutoff"]),
                ("20:30:00".to_owned(), vec!["calm-evening", WIND_DOWN_KEY]),
                ("21:00:00".to_owned(), vec!["warm-bath"]),
                ("21:45:00".to_owned(), vec!["ventilate-bedroom"]),
                ("21:50:00".to_owned(), vec!["humidity-check"]),
                ("22:30:00".to_owned(), vec!["lights-out", BEDTIME_KEY]),
                ("07:15:00".to_owned(), vec![NIGHT_LOG_KEY]),
            ]
        );
        assert!(shown.iter().all(|s| !s.notice.late));
        let bath = &shown[2].notice;
        assert_eq!(bath.summary, "Warm bath");
        assert!(
            bath.body_plain().starts_with("A warm bath helps the body relax"),
            "the body does not repeat the title"
        );
        assert_eq!(bath.done_targets(), vec![(date(2026, 11, 26), "warm-bath")]);
        let wind_down = &shown[1].notice;
        assert_eq!(wind_down.summary, "Time to wind down");
        assert_eq!(wind_down.lines.len(), 1, "the calm-evening step speaks for the wind-down");
        assert_eq!(wind_down.done_targets(), vec![(date(2026, 11, 26), ids::CALM_EVENING)]);
        assert_eq!(shown[5].notice.summary, "Bedtime");
        // The evening before was already over at 15:00: logged as skipped, never shown.
        let before = log.evening(date(2026, 11, 25)).unwrap();
        assert!(before.sent.values().all(|e| e.outcome == LogOutcome::Skipped));
        assert_eq!(log.evening(date(2026, 11, 26)).unwrap().sent.len(), 9);
    }

    #[test]
    fn the_body_calls_the_time_the_apps_default_only_while_it_is() {
        let bath_body = |routine_file: &RoutineFile, from| {
            let mut log = ReminderLog::default();
            let shown = run(routine_file, &Journal::default(), &mut log, from, local(Berlin, 2026, 11, 26, 22, 0));
            let bath = shown.iter().find(|s| s.keys() == vec![ids::WARM_BATH]).unwrap();
            bath.notice.body_plain()
        };
        let mut routine_file = RoutineFile::default();
        assert!(
            bath_body(&routine_file, local(Berlin, 2026, 11, 26, 20, 55)).ends_with("(The time is the app's default.)")
        );
        routine_file.routine.get_mut(ids::WARM_BATH).unwrap().anchor =
            crate::model::Anchor::BeforeBedtime { minutes: 100 };
        let body = bath_body(&routine_file, local(Berlin, 2026, 11, 26, 20, 45));
        assert!(body.starts_with("A warm bath helps") && !body.contains("default"), "{body}");
    }

    #[test]
    fn wind_down_without_a_calm_step_is_before_the_bath() {
        let mut routine_file = RoutineFile::default();
        routine_file.routine.steps.retain(|s| s.id != ids::CALM_EVENING);
        let plan = plan_evening(&routine_file, date(2026, 11, 26), &Berlin, None);
        let reminders = reminders_of(&routine_file, &plan);
        let wind_down = reminders.iter().find(|r| r.kind == Kind::WindDown).unwrap();
        assert_eq!(wind_down.due.to_rfc3339(), "2026-11-26T20:30:00+01:00");
        assert!(wind_down.why.contains("a warm bath"), "the bath at 21:00 is still ahead: {}", wind_down.why);
        let mut log = ReminderLog::default();
        let shown = run(
            &routine_file,
            &Journal::default(),
            &mut log,
            local(Berlin, 2026, 11, 26, 20, 29),
            local(Berlin, 2026, 11, 26, 20, 31),
        );
        assert_eq!(shown.len(), 1);
        assert_eq!(shown[0].notice.summary, "Time to wind down");
        assert!(shown[0].notice.body_plain().starts_with("Bedtime is at 22:30."));
        assert!(shown[0].notice.done_targets().is_empty());
    }

    #[test]
    fn the_wind_down_names_the_bath_only_while_it_is_ahead() {
        let evening = date(2026, 11, 26);
        let wind_down = |routine_file: &RoutineFile, journal: &Journal| {
            let plan = plan_evening(routine_file, evening, &Berlin, journal.evening(evening));
            reminders_of(routine_file, &plan).into_iter().find(|r| r.kind == Kind::WindDown).unwrap().why
        };
        let mut routine_file = RoutineFile::default();
        let mut journal = Journal::default();
        assert!(wind_down(&routine_file, &journal).contains("a warm bath"));
        // A bath moved before the wind-down, or already taken, is not promised again.
        routine_file.routine.get_mut(ids::WARM_BATH).unwrap().anchor =
            crate::model::Anchor::BeforeBedtime { minutes: 150 };
        assert!(!wind_down(&routine_file, &journal).contains("bath"), "{}", wind_down(&routine_file, &journal));
        let routine_file = RoutineFile::default();
        let at = local(Berlin, 2026, 11, 26, 20, 0).fixed_offset();
        journal.record(evening, ids::WARM_BATH, CheckIn::new(Outcome::Done, at, None));
        assert!(!wind_down(&routine_file, &journal).contains("bath"));
        crate::i18n::with_language(crate::i18n::Language::Russian, || {
            assert!(wind_down(&RoutineFile::default(), &Journal::default()).starts_with("Отбой в 22:30. Дальше"));
        });
    }

    #[test]
    fn summaries_count_steps_with_russian_plurals() {
        let routine_file = RoutineFile::default();
        let plan = plan_evening(&routine_file, date(2026, 11, 26), &Berlin, None);
        let now = local(Berlin, 2026, 11, 26, 21, 52);
        let due = |ids: &[&str]| -> Vec<Reminder<Tz>> {
            reminders_of(&routine_file, &plan).into_iter().filter(|r| ids.contains(&r.key.as_str())).collect()
        };
        let ru = |ids: &[&str]| {
            crate::i18n::with_language(crate::i18n::Language::Russian, || compose(due(ids), &now).unwrap().summary)
        };
        assert_eq!(ru(&["ventilate-bedroom", "humidity-check"]), "2 шага распорядка (с 21:45)");
        let five = ["caffeine-cutoff", "calm-evening", "warm-bath", "ventilate-bedroom", "humidity-check"];
        assert_eq!(ru(&five), "5 шагов распорядка (с 16:30)");
        assert_eq!(ru(&["humidity-check"]), "Проверить влажность в спальне (по плану в 21:50)");
    }

    #[test]
    fn dst_gap_fires_each_reminder_once() {
        // New York springs forward 2026-03-08 02:00 -> 03:00; bedtime 02:30 does not exist.
        let mut routine_file = RoutineFile::default();
        routine_file.schedule.set(Some(clock(2, 30)), Some(clock(10, 30)), &[]).unwrap();
        remind_everything(&mut routine_file);
        // A morning step and the morning invitation: this test is about the night.
        routine_file.routine.get_mut(ids::DAYTIME_MOVEMENT).unwrap().remind = false;
        routine_file.settings.morning_invitation = false;
        let evening = date(2026, 3, 7);
        let plan = plan_evening(&routine_file, evening, &New_York, None);
        let mut log = ReminderLog::default();
        let shown = run(
            &routine_file,
            &Journal::default(),
            &mut log,
            local(New_York, 2026, 3, 7, 12, 0),
            local(New_York, 2026, 3, 8, 12, 0),
        );
        let expected: Vec<String> = reminders_of(&routine_file, &plan).into_iter().map(|r| r.key).collect();
        let mut expected_sorted = expected.clone();
        expected_sorted.sort();
        assert_eq!(all_keys(&shown), expected_sorted, "every reminder exactly once");
        // Each at its planned instant; the ones in the gap at 03:00 EDT, in one notification.
        for s in &shown {
            for item in &s.notice.items {
                let due = reminders_of(&routine_file, &plan).into_iter().find(|r| r.key == item.key).unwrap().due;
                assert_eq!(s.at, due.with_timezone(&Utc), "{}", item.key);
            }
        }
        let gap = shown.iter().find(|s| s.keys().contains(&BEDTIME_KEY)).unwrap();
        assert_eq!(gap.at, utc("2026-03-08T07:00:00Z"));
        assert!(gap.keys().contains(&"lights-out") && gap.keys().contains(&"dark-quiet-bedroom"));
        assert!(!gap.notice.late);
    }

    #[test]
    fn dst_fold_fires_once_at_the_first_instant() {
        // Berlin falls back 2026-10-25 03:00 -> 02:00; 02:30 happens twice.
        let mut routine_file = RoutineFile::default();
        routine_file.schedule.set(Some(clock(2, 30)), Some(clock(10, 30)), &[]).unwrap();
        let mut log = ReminderLog::default();
        let shown = run(
            &routine_file,
            &Journal::default(),
            &mut log,
            local(Berlin, 2026, 10, 24, 20, 0),
            local(Berlin, 2026, 10, 25, 12, 0),
        );
        let bedtimes: Vec<&Shown> = shown.iter().filter(|s| s.keys().contains(&BEDTIME_KEY)).collect();
        assert_eq!(bedtimes.len(), 1);
        assert_eq!(bedtimes[0].at, utc("2026-10-25T00:30:00Z"));
        let keys = all_keys(&shown);
        let mut unique = keys.clone();
        unique.dedup();
        assert_eq!(keys, unique, "nothing twice");
    }

    #[test]
    fn jump_inside_the_grace_window_fires_once_late_and_merged() {
        let routine_file = RoutineFile::default();
        let journal = Journal::default();
        let mut log = ReminderLog::default();
        let evening = date(2026, 11, 26);
        run(&routine_file, &journal, &mut log, local(Berlin, 2026, 11, 26, 15, 0), local(Berlin, 2026, 11, 26, 21, 40));
        // Suspended at 21:40, resumed at 21:55: ventilate (21:45) and humidity (21:50) were missed.
        let shown = run(
            &routine_file,
            &journal,
            &mut log,
            local(Berlin, 2026, 11, 26, 21, 55),
            local(Berlin, 2026, 11, 26, 22, 10),
        );
        assert_eq!(shown.len(), 1);
        assert_eq!(shown[0].keys(), vec!["ventilate-bedroom", "humidity-check"]);
        let notice = &shown[0].notice;
        assert!(notice.late);
        assert_eq!(notice.summary, "2 steps of your routine (since 21:45)");
        assert_eq!(notice.body_plain().lines().count(), 2);
        let evening_steps = vec![(evening, "ventilate-bedroom"), (evening, "humidity-check")];
        assert_eq!(notice.done_targets(), evening_steps, "Done checks both steps");
        assert_eq!(log.entry(evening, "ventilate-bedroom").unwrap().outcome, LogOutcome::Late);
    }

    #[test]
    fn jump_far_beyond_the_grace_window_stays_silent() {
        let routine_file = RoutineFile::default();
        let journal = Journal::default();
        let mut log = ReminderLog::default();
        let evening = date(2026, 11, 26);
        run(&routine_file, &journal, &mut log, local(Berlin, 2026, 11, 26, 15, 0), local(Berlin, 2026, 11, 26, 21, 40));
        let now = local(Berlin, 2026, 11, 26, 22, 20);
        let decision = decide(&routine_file, &journal, &log, &now);
        assert!(decision.notice.is_none());
        assert_eq!(decision.next_due, Some(local(Berlin, 2026, 11, 26, 22, 30)));
        decision.apply_to(&mut log);
        assert_eq!(log.entry(evening, "ventilate-bedroom").unwrap().outcome, LogOutcome::Skipped);
        assert_eq!(log.entry(evening, "humidity-check").unwrap().outcome, LogOutcome::Skipped);
        // Bedtime still comes, on time.
        let shown = run(&routine_file, &journal, &mut log, now, local(Berlin, 2026, 11, 26, 22, 40));
        assert_eq!(shown.len(), 1);
        assert_eq!(shown[0].at, local(Berlin, 2026, 11, 26, 22, 30).with_timezone(&Utc));
    }

    #[test]
    fn grace_window_is_configurable() {
        let mut routine_file = RoutineFile::default();
        routine_file.settings.grace_minutes = 40;
        let mut log = ReminderLog::default();
        let journal = Journal::default();
        run(&routine_file, &journal, &mut log, local(Berlin, 2026, 11, 26, 15, 0), local(Berlin, 2026, 11, 26, 21, 40));
        let decision = decide(&routine_file, &journal, &log, &local(Berlin, 2026, 11, 26, 22, 20));
        assert_eq!(decision.notice.unwrap().items.len(), 2);
    }

    #[test]
    fn a_zero_grace_window_still_fires_on_time() {
        let mut routine_file = RoutineFile::default();
        routine_file.settings.grace_minutes = 0;
        routine_file.settings.snooze_minutes = 0;
        assert_eq!(snooze_minutes(&routine_file), 1);
        let decision = decide(
            &routine_file,
            &Journal::default(),
            &ReminderLog::default(),
            &(local(Berlin, 2026, 11, 26, 21, 0) + TimeDelta::milliseconds(3)),
        );
        assert_eq!(decision.notice.unwrap().summary, "Warm bath");
    }

    #[test]
    fn clock_set_back_after_a_firing_does_not_repeat() {
        let routine_file = RoutineFile::default();
        let journal = Journal::default();
        let mut log = ReminderLog::default();
        let shown = run(
            &routine_file,
            &journal,
            &mut log,
            local(Berlin, 2026, 11, 26, 20, 50),
            local(Berlin, 2026, 11, 26, 21, 1),
        );
        assert_eq!(all_keys(&shown), vec!["warm-bath"]);
        // The clock goes back 40 minutes and runs past 21:00 again.
        let again = run(
            &routine_file,
            &journal,
            &mut log,
            local(Berlin, 2026, 11, 26, 20, 21),
            local(Berlin, 2026, 11, 26, 21, 20),
        );
        assert!(again.is_empty(), "{again:?}");
    }

    #[test]
    fn restart_after_a_firing_does_not_repeat() {
        let routine_file = RoutineFile::default();
        let journal = Journal::default();
        let mut log = ReminderLog::default();
        let now = local(Berlin, 2026, 11, 26, 21, 0);
        let decision = decide(&routine_file, &journal, &log, &now);
        assert_eq!(decision.notice.as_ref().unwrap().summary, "Warm bath");
        decision.apply_to(&mut log);
        // The process dies right after saving; a new one reads the log back from JSON.
        let reloaded: ReminderLog = serde_json::from_str(&serde_json::to_string(&log).unwrap()).unwrap();
        let later = now + TimeDelta::seconds(5);
        assert!(decide(&routine_file, &journal, &reloaded, &later).notice.is_none());
    }

    #[test]
    fn time_zone_change_is_followed_at_the_next_tick() {
        let routine_file = RoutineFile::default();
        let journal = Journal::default();
        let mut log = ReminderLog::default();
        run(&routine_file, &journal, &mut log, local(Berlin, 2026, 11, 26, 15, 0), local(Berlin, 2026, 11, 26, 20, 40));
        let next = decide(&routine_file, &journal, &log, &local(Berlin, 2026, 11, 26, 20, 40)).next_due.unwrap();
        assert_eq!(next, local(Berlin, 2026, 11, 26, 21, 0));
        // The laptop moves to London (an hour behind): 21:00 now means 21:00 London time.
        let now = local(London, 2026, 11, 26, 19, 0);
        let next = decide(&routine_file, &journal, &log, &now).next_due.unwrap();
        assert_eq!(next, local(London, 2026, 11, 26, 21, 0));
        let shown = run(&routine_file, &journal, &mut log, now, local(London, 2026, 11, 26, 21, 5));
        assert_eq!(shown.len(), 1, "{shown:?}");
        assert_eq!(shown[0].keys(), vec!["warm-bath"]);
        assert_eq!(shown[0].at, utc("2026-11-26T21:00:00Z"));
        // The caffeine reminder already shown in Berlin is not shown again in London.
        assert_eq!(log.entry(date(2026, 11, 26), "caffeine-cutoff").unwrap().outcome, LogOutcome::Fired);
    }

    #[test]
    fn bedtime_after_midnight_belongs_to_the_evening() {
        let mut routine_file = RoutineFile::default();
        routine_file.schedule.set(Some(clock(0, 30)), Some(clock(8, 30)), &[]).unwrap();
        let mut log = ReminderLog::default();
        let shown = run(
            &routine_file,
            &Journal::default(),
            &mut log,
            local(New_York, 2026, 11, 26, 20, 0),
            local(New_York, 2026, 11, 27, 12, 0),
        );
        let bedtime: Vec<&Shown> = shown.iter().filter(|s| s.keys().contains(&BEDTIME_KEY)).collect();
        assert_eq!(bedtime.len(), 1);
        assert_eq!(bedtime[0].at, utc("2026-11-27T05:30:00Z"));
        assert_eq!(bedtime[0].notice.items[0].evening, date(2026, 11, 26));
        assert!(log.entry(date(2026, 11, 26), BEDTIME_KEY).is_some());
        assert!(log.entry(date(2026, 11, 27), BEDTIME_KEY).is_none());
    }

    #[test]
    fn a_step_done_early_stays_silent() {
        let routine_file = RoutineFile::default();
        let evening = date(2026, 11, 26);
        let mut journal = Journal::default();
        let at = local(Berlin, 2026, 11, 26, 20, 30).fixed_offset();
        journal.record(evening, "warm-bath", CheckIn::new(Outcome::Done, at, None));
        journal.record(evening, "lights-out", CheckIn::new(Outcome::Done, at, None));
        let mut log = ReminderLog::default();
        let shown = run(
            &routine_file,
            &journal,
            &mut log,
            local(Berlin, 2026, 11, 26, 20, 31),
            local(Berlin, 2026, 11, 26, 23, 0),
        );
        let keys = all_keys(&shown);
        assert!(!keys.contains(&"warm-bath".to_owned()), "{keys:?}");
        assert!(!keys.contains(&BEDTIME_KEY.to_owned()) && !keys.contains(&WIND_DOWN_KEY.to_owned()));
        assert!(keys.contains(&"humidity-check".to_owned()));
        assert_eq!(log.entry(evening, "warm-bath").unwrap().outcome, LogOutcome::Settled);
    }

    #[test]
    fn pause_tonight_silences_the_evening() {
        let routine_file = RoutineFile::default();
        let evening = date(2026, 11, 26);
        let mut log = ReminderLog::default();
        log.set_paused(evening, true);
        let shown = run(
            &routine_file,
            &Journal::default(),
            &mut log,
            local(Berlin, 2026, 11, 26, 15, 0),
            local(Berlin, 2026, 11, 27, 7, 30),
        );
        // Only the next morning's invitation to log the night: the morning is not the evening.
        assert_eq!(all_keys(&shown), vec![NIGHT_LOG_KEY.to_owned()]);
        let sent = &log.evening(evening).unwrap().sent;
        assert!(sent.iter().all(|(key, e)| key == NIGHT_LOG_KEY || e.outcome == LogOutcome::Paused));
    }

    #[test]
    fn snooze_shows_again_once_unless_done_meanwhile() {
        let routine_file = RoutineFile::default();
        let evening = date(2026, 11, 26);
        let mut log = ReminderLog::default();
        let mut journal = Journal::default();
        run(&routine_file, &journal, &mut log, local(Berlin, 2026, 11, 26, 20, 59), local(Berlin, 2026, 11, 26, 21, 0));
        log.snooze(evening, "warm-bath", local(Berlin, 2026, 11, 26, 21, 10).fixed_offset());
        let shown = run(
            &routine_file,
            &journal,
            &mut log,
            local(Berlin, 2026, 11, 26, 21, 1),
            local(Berlin, 2026, 11, 26, 21, 20),
        );
        assert_eq!(shown.len(), 1);
        assert_eq!(shown[0].at, local(Berlin, 2026, 11, 26, 21, 10).with_timezone(&Utc));
        assert_eq!(shown[0].notice.summary, "Warm bath");
        // Snoozed again, then done before it comes back: silent.
        log.snooze(evening, "warm-bath", local(Berlin, 2026, 11, 26, 21, 25).fixed_offset());
        journal.record(evening, "warm-bath", CheckIn::new(Outcome::Done, shown[0].at.fixed_offset(), None));
        let shown = run(
            &routine_file,
            &journal,
            &mut log,
            local(Berlin, 2026, 11, 26, 21, 21),
            local(Berlin, 2026, 11, 26, 21, 29),
        );
        assert!(shown.is_empty());
        assert!(log.evening(evening).unwrap().snoozed["warm-bath"].settled);
    }

    #[test]
    fn reminders_off_means_no_decisions() {
        let mut routine_file = RoutineFile::default();
        routine_file.settings.reminders = false;
        let decision =
            decide(&routine_file, &Journal::default(), &ReminderLog::default(), &local(Berlin, 2026, 11, 26, 21, 0));
        assert!(decision.is_idle());
        assert!(decision.next_due.is_none());
    }

    #[test]
    fn next_reminder_names_a_pending_snooze_first() {
        let routine_file = RoutineFile::default();
        let evening = date(2026, 11, 26);
        let journal = Journal::default();
        let mut log = ReminderLog::default();
        run(&routine_file, &journal, &mut log, local(Berlin, 2026, 11, 26, 20, 59), local(Berlin, 2026, 11, 26, 21, 1));
        let now = local(Berlin, 2026, 11, 26, 21, 2);
        let plan = plan_evening(&routine_file, evening, &Berlin, journal.evening(evening));
        assert_eq!(next_reminder(&routine_file, &plan, &log, &now).unwrap().key, "ventilate-bedroom");
        log.snooze(evening, "warm-bath", local(Berlin, 2026, 11, 26, 21, 12).fixed_offset());
        let next = next_reminder(&routine_file, &plan, &log, &now).unwrap();
        assert_eq!((next.key.as_str(), next.due), ("warm-bath", local(Berlin, 2026, 11, 26, 21, 12)));
        // Snoozed past the next step: that step comes first.
        log.snooze(evening, "warm-bath", local(Berlin, 2026, 11, 26, 22, 0).fixed_offset());
        assert_eq!(next_reminder(&routine_file, &plan, &log, &now).unwrap().key, "ventilate-bedroom");
        // Shown again (settled), or done meanwhile: no longer named.
        log.snooze(evening, "warm-bath", local(Berlin, 2026, 11, 26, 21, 12).fixed_offset());
        let mut done = Journal::default();
        done.record(evening, "warm-bath", CheckIn::new(Outcome::Done, now.fixed_offset(), None));
        let plan = plan_evening(&routine_file, evening, &Berlin, done.evening(evening));
        assert_eq!(next_reminder(&routine_file, &plan, &log, &now).unwrap().key, "ventilate-bedroom");
    }

    #[test]
    fn the_first_evening_reminds_only_of_what_is_due_after_the_routine_was_saved() {
        // Saved at 19:38 (Berlin): dinner at 19:30 and the afternoon's caffeine cut-off were
        // due before; a step added at 21:50 counts only from then on.
        let evening = date(2026, 11, 26);
        let since = Some(local(Berlin, 2026, 11, 26, 19, 38).fixed_offset());
        let mut routine_file = RoutineFile { since, ..RoutineFile::default() };
        routine_file.routine.get_mut("humidity-check").unwrap().added =
            Some(local(Berlin, 2026, 11, 26, 21, 55).fixed_offset());
        let journal = Journal::default();
        let mut log = ReminderLog::default();
        let shown = run(
            &routine_file,
            &journal,
            &mut log,
            local(Berlin, 2026, 11, 26, 19, 38),
            local(Berlin, 2026, 11, 26, 23, 0),
        );
        let keys: Vec<&str> = shown.iter().flat_map(Shown::keys).collect();
        for early in ["mineral-dinner", "caffeine-cutoff", "daytime-movement", "humidity-check"] {
            assert!(!keys.contains(&early), "{early} reminded: {keys:?}");
            // Nor written down as missed, so `reminders` does not list it.
            assert!(log.entry(evening, early).is_none(), "{early} in the log");
        }
        assert!(keys.contains(&"warm-bath") && keys.contains(&BEDTIME_KEY), "{keys:?}");
        let plan = plan_evening(&routine_file, evening, &Berlin, None);
        let listed: Vec<String> = reminders_of(&routine_file, &plan).into_iter().map(|r| r.key).collect();
        assert!(!listed.iter().any(|key| key == "mineral-dinner" || key == "humidity-check"), "{listed:?}");
        // The window's rule, the same one: those steps are "not counted" there.
        let now = local(Berlin, 2026, 11, 26, 19, 40);
        assert_eq!(plan.timing(plan.get("mineral-dinner").unwrap(), &now), crate::model::Timing::NotCounted);
        // Set up before the wind-down's and bedtime's times: those are not reminded either.
        routine_file.since = Some(local(Berlin, 2026, 11, 26, 22, 40).fixed_offset());
        let plan = plan_evening(&routine_file, evening, &Berlin, None);
        let listed: Vec<String> = reminders_of(&routine_file, &plan).into_iter().map(|r| r.key).collect();
        assert_eq!(listed, [NIGHT_LOG_KEY], "only the morning invitation is after 22:40");
    }

    #[test]
    fn a_moved_step_is_reminded_at_its_new_time_and_an_unchanged_one_never_twice() {
        let evening = date(2026, 11, 26);
        let journal = Journal::default();
        let mut log = ReminderLog::default();
        let mut routine_file = RoutineFile::default();
        // At 21:20 the bedtime moves to 20:00: everything of the evening is over and
        // logged as skipped at its (now past) time.
        routine_file.schedule.set(Some(clock(20, 0)), Some(clock(6, 30)), &[]).unwrap();
        let shown = run(
            &routine_file,
            &journal,
            &mut log,
            local(Berlin, 2026, 11, 26, 21, 20),
            local(Berlin, 2026, 11, 26, 21, 21),
        );
        assert!(shown.is_empty(), "{shown:?}");
        assert_eq!(log.entry(evening, BEDTIME_KEY).unwrap().outcome, LogOutcome::Skipped);
        // Back to 22:30: the bedtime reminder is owed at 22:30, and comes once.
        routine_file.schedule.set(Some(clock(22, 30)), Some(clock(6, 30)), &[]).unwrap();
        let plan = plan_evening(&routine_file, evening, &Berlin, None);
        let next = next_reminder(&routine_file, &plan, &log, &local(Berlin, 2026, 11, 26, 21, 21)).unwrap();
        assert_eq!(next.due, local(Berlin, 2026, 11, 26, 21, 45));
        let shown = run(
            &routine_file,
            &journal,
            &mut log,
            local(Berlin, 2026, 11, 26, 21, 21),
            local(Berlin, 2026, 11, 26, 23, 0),
        );
        let at = |s: &Shown| s.at.with_timezone(&Berlin).format("%H:%M").to_string();
        let summary: Vec<(String, Vec<&str>)> = shown.iter().map(|s| (at(s), s.keys())).collect();
        assert_eq!(
            summary,
            vec![
                ("21:45".to_owned(), vec!["ventilate-bedroom"]),
                ("21:50".to_owned(), vec!["humidity-check"]),
                ("22:30".to_owned(), vec!["lights-out", BEDTIME_KEY]),
            ]
        );
        let entry = log.entry(evening, BEDTIME_KEY).unwrap();
        assert_eq!(entry.outcome, LogOutcome::Fired);
        assert_eq!(entry.earlier, vec![local(Berlin, 2026, 11, 26, 20, 0).fixed_offset()]);
        // Restart-safe: read back from JSON, with the clock set back, nothing repeats.
        let mut reloaded: ReminderLog = serde_json::from_str(&serde_json::to_string(&log).unwrap()).unwrap();
        let again = run(
            &routine_file,
            &journal,
            &mut reloaded,
            local(Berlin, 2026, 11, 26, 21, 40),
            local(Berlin, 2026, 11, 26, 23, 0),
        );
        assert!(again.is_empty(), "{again:?}");
        // Moving to 20:00 again (already settled there) stays silent too.
        routine_file.schedule.set(Some(clock(20, 0)), Some(clock(6, 30)), &[]).unwrap();
        let decision = decide(&routine_file, &journal, &reloaded, &local(Berlin, 2026, 11, 26, 23, 1));
        assert!(decision.notice.is_none());
    }

    #[test]
    fn a_dst_fold_does_not_owe_a_second_reminder() {
        // Logged at the first 02:30 (CEST); the second 02:30 (CET) is the same clock time.
        let mut routine_file = RoutineFile::default();
        routine_file.schedule.set(Some(clock(2, 30)), Some(clock(10, 30)), &[]).unwrap();
        let mut log = ReminderLog::default();
        let first = Berlin.with_ymd_and_hms(2026, 10, 25, 2, 30, 0).earliest().unwrap();
        let second = Berlin.with_ymd_and_hms(2026, 10, 25, 2, 30, 0).latest().unwrap();
        assert_ne!(first, second);
        log.settle(
            date(2026, 10, 24),
            BEDTIME_KEY,
            LogEntry::new(LogOutcome::Fired, first.fixed_offset(), first.fixed_offset()),
        );
        assert!(log.is_settled(date(2026, 10, 24), BEDTIME_KEY, &second.fixed_offset()));
    }

    /// Like `run`, with Do Not Disturb on from `quiet.0` to `quiet.1`.
    fn run_quiet<T: TimeZone>(
        routine_file: &RoutineFile,
        log: &mut ReminderLog,
        from: DateTime<T>,
        to: DateTime<T>,
        quiet: (DateTime<T>, DateTime<T>),
    ) -> Vec<Shown> {
        let journal = Journal::default();
        let mut shown = Vec::new();
        let mut now = from;
        while now <= to {
            let dnd = quiet.0 <= now && now < quiet.1;
            let decision = decide_with(routine_file, &journal, log, &now, dnd);
            decision.apply_to(log);
            if let Some(notice) = decision.notice {
                shown.push(Shown { at: now.with_timezone(&Utc), notice });
            }
            // The service looks every second while something is held.
            let tick = now.clone() + TimeDelta::seconds(if decision.holding { 1 } else { 30 });
            now = match decision.next_due {
                Some(due) if due < tick => due,
                _ => tick,
            };
        }
        shown
    }

    #[test]
    fn do_not_disturb_holds_then_delivers_merged_inside_the_grace_window() {
        let routine_file = RoutineFile::default();
        let evening = date(2026, 11, 26);
        let mut log = ReminderLog::default();
        let at = |h, m| local(Berlin, 2026, 11, 26, h, m);
        // Do Not Disturb from 21:40 to 21:52: ventilate (21:45) and humidity (21:50) wait.
        let shown = run_quiet(&routine_file, &mut log, at(21, 30), at(22, 0), (at(21, 40), at(21, 52)));
        assert_eq!(shown.len(), 1, "{shown:?}");
        assert_eq!(shown[0].keys(), vec!["ventilate-bedroom", "humidity-check"]);
        assert_eq!(shown[0].at, at(21, 52).with_timezone(&Utc));
        assert_eq!(shown[0].notice.summary, "2 steps of your routine (since 21:45)");
        assert!(!shown[0].notice.critical);
        let ventilate = log.entry(evening, "ventilate-bedroom").unwrap();
        assert_eq!(ventilate.outcome, LogOutcome::Late);
        assert_eq!(ventilate.held_since, Some(at(21, 45).fixed_offset()));
        assert!(log.evening(evening).unwrap().held.is_empty(), "no hold left once delivered");
    }

    #[test]
    fn do_not_disturb_past_the_grace_window_logs_missed_and_holds_are_written_once() {
        let routine_file = RoutineFile::default();
        let evening = date(2026, 11, 26);
        let journal = Journal::default();
        let mut log = ReminderLog::default();
        let at = |h, m| local(Berlin, 2026, 11, 26, h, m);
        run(&routine_file, &journal, &mut log, at(21, 30), at(21, 40));
        let held = decide_with(&routine_file, &journal, &log, &at(21, 45), true);
        assert!(held.notice.is_none() && held.holding && held.settle.is_empty());
        assert_eq!(held.hold.len(), 1);
        held.apply_to(&mut log);
        let again = decide_with(&routine_file, &journal, &log, &(at(21, 45) + TimeDelta::seconds(1)), true);
        assert!(again.holding && again.is_idle(), "a hold already written is not written again");
        // Do Not Disturb until 22:03: ventilate (21:45) is past its 15 minutes; humidity
        // (21:50) is not.
        let shown = run_quiet(&routine_file, &mut log, at(21, 45), at(22, 10), (at(21, 40), at(22, 3)));
        assert_eq!(shown.len(), 1, "{shown:?}");
        assert_eq!(shown[0].keys(), vec!["humidity-check"]);
        let ventilate = log.entry(evening, "ventilate-bedroom").unwrap();
        assert_eq!(ventilate.outcome, LogOutcome::Skipped);
        assert_eq!(ventilate.held_since, Some(at(21, 45).fixed_offset()), "missed because it was held");
    }

    #[test]
    fn the_bedtime_reminder_comes_through_do_not_disturb_when_settings_say_so() {
        let mut routine_file = RoutineFile::default();
        let at = |h, m| local(Berlin, 2026, 11, 26, h, m);
        let quiet = (at(22, 0), at(23, 0));
        let mut log = ReminderLog::default();
        let shown = run_quiet(&routine_file, &mut log, at(22, 0), at(22, 40), quiet);
        assert!(shown.is_empty(), "held by default: {shown:?}");
        routine_file.settings.bedtime_through_do_not_disturb = true;
        let mut log = ReminderLog::default();
        let shown = run_quiet(&routine_file, &mut log, at(22, 0), at(22, 40), quiet);
        assert_eq!(shown.len(), 1, "{shown:?}");
        assert_eq!(shown[0].at, at(22, 30).with_timezone(&Utc));
        assert_eq!(shown[0].keys(), vec!["lights-out", BEDTIME_KEY], "what is due with it comes along");
        assert!(shown[0].notice.critical);
        let entry = log.entry(date(2026, 11, 26), BEDTIME_KEY).unwrap();
        assert!(entry.through_do_not_disturb && entry.outcome == LogOutcome::Fired);
        // Other reminders are still held.
        let mut log = ReminderLog::default();
        assert!(run_quiet(&routine_file, &mut log, at(21, 40), at(21, 59), (at(21, 40), at(23, 0))).is_empty());
    }

    #[test]
    fn a_snooze_due_during_do_not_disturb_waits_for_its_end() {
        let routine_file = RoutineFile::default();
        let evening = date(2026, 11, 26);
        let journal = Journal::default();
        let mut log = ReminderLog::default();
        let at = |h, m| local(Berlin, 2026, 11, 26, h, m);
        run(&routine_file, &journal, &mut log, at(20, 59), at(21, 0));
        log.snooze(evening, "warm-bath", at(21, 10).fixed_offset());
        let shown = run_quiet(&routine_file, &mut log, at(21, 1), at(21, 20), (at(21, 5), at(21, 15)));
        assert_eq!(shown.len(), 1, "{shown:?}");
        assert_eq!((shown[0].at, shown[0].keys()), (at(21, 15).with_timezone(&Utc), vec!["warm-bath"]));
        assert!(log.evening(evening).unwrap().snoozed["warm-bath"].settled);
    }

    /// Runs the simulated service through the morning after the 26th (wake 07:00).
    fn morning(
        routine_file: &RoutineFile,
        journal: &Journal,
        log: &mut ReminderLog,
        from: (u32, u32),
        to: (u32, u32),
    ) -> Vec<Shown> {
        run(
            routine_file,
            journal,
            log,
            local(Berlin, 2026, 11, 27, from.0, from.1),
            local(Berlin, 2026, 11, 27, to.0, to.1),
        )
    }

    #[test]
    fn the_morning_invitation_comes_once_after_the_wake_time() {
        let routine_file = RoutineFile::default();
        let journal = Journal::default();
        let mut log = ReminderLog::default();
        let evening = date(2026, 11, 26);
        // Not before the wake time: at 07:14:59 nothing, and the next wake-up is 07:15.
        let just_before = Berlin.with_ymd_and_hms(2026, 11, 27, 7, 14, 59).unwrap();
        let decision = decide(&routine_file, &journal, &log, &just_before);
        assert!(decision.notice.is_none());
        assert_eq!(decision.next_due, Some(local(Berlin, 2026, 11, 27, 7, 15)));
        let shown = morning(&routine_file, &journal, &mut log, (5, 0), (12, 0));
        assert_eq!(shown.len(), 1, "{shown:?}");
        assert_eq!(shown[0].at, utc("2026-11-27T06:15:00Z"), "15 minutes after the 07:00 alarm");
        let notice = &shown[0].notice;
        assert_eq!(notice.summary, "How did you sleep?");
        assert!(notice.body_plain().starts_with("Log last night"), "{}", notice.body_plain());
        assert!(notice.invites_night_log() && notice.done_targets().is_empty());
        assert_eq!(notice.items[0].evening, evening, "filed under the evening the night followed");
        assert_eq!(log.entry(evening, NIGHT_LOG_KEY).unwrap().outcome, LogOutcome::Fired);
        // A restart, and a wake time moved after it came: still once this morning.
        assert!(morning(&routine_file, &journal, &mut log, (7, 30), (12, 0)).is_empty());
        let mut later = routine_file.clone();
        later.schedule.set(None, Some(clock(8, 0)), &[]).unwrap();
        assert!(morning(&later, &journal, &mut log, (7, 30), (12, 0)).is_empty());
    }

    #[test]
    fn the_morning_invitation_waits_for_a_late_login_but_not_all_day() {
        let routine_file = RoutineFile::default();
        let journal = Journal::default();
        let mut log = ReminderLog::default();
        let shown = morning(&routine_file, &journal, &mut log, (10, 0), (10, 1));
        assert_eq!(shown.len(), 1);
        assert!(!shown[0].notice.late, "an invitation is never 'late'");
        assert_eq!(shown[0].notice.summary, "How did you sleep?");
        let mut log = ReminderLog::default();
        assert!(
            morning(&routine_file, &journal, &mut log, (12, 15), (12, 30)).is_empty(),
            "5 hours after, it is too late"
        );
        assert_eq!(log.entry(date(2026, 11, 26), NIGHT_LOG_KEY).unwrap().outcome, LogOutcome::Skipped);
    }

    #[test]
    fn no_morning_invitation_when_turned_off_or_the_night_is_logged() {
        let mut off = RoutineFile::default();
        off.settings.morning_invitation = false;
        let journal = Journal::default();
        let mut log = ReminderLog::default();
        assert!(morning(&off, &journal, &mut log, (6, 0), (12, 0)).is_empty());
        assert!(log.entry(date(2026, 11, 26), NIGHT_LOG_KEY).is_none());
        let plan = plan_evening(&off, date(2026, 11, 26), &Berlin, None);
        assert!(reminders_of(&off, &plan).iter().all(|r| r.kind != Kind::NightLog));

        // Logged at 06:40, before the invitation: it stays silent and is settled.
        let routine_file = RoutineFile::default();
        let mut journal = Journal::default();
        journal.evenings.entry(date(2026, 11, 26)).or_default().night = Some(crate::model::NightLog::default());
        let mut log = ReminderLog::default();
        assert!(morning(&routine_file, &journal, &mut log, (6, 40), (12, 0)).is_empty());
        assert_eq!(log.entry(date(2026, 11, 26), NIGHT_LOG_KEY).unwrap().outcome, LogOutcome::Settled);

        // Reminders off altogether: no invitation either.
        let mut quiet = RoutineFile::default();
        quiet.settings.reminders = false;
        assert!(morning(&quiet, &Journal::default(), &mut ReminderLog::default(), (6, 0), (12, 0)).is_empty());
    }

    #[test]
    fn the_morning_invitation_is_its_own_line_beside_a_morning_step() {
        let mut routine_file = RoutineFile::default();
        let movement = routine_file.routine.get_mut(ids::DAYTIME_MOVEMENT).unwrap();
        movement.remind = true;
        movement.anchor = crate::model::Anchor::AfterWake { minutes: 15 };
        let mut log = ReminderLog::default();
        let shown = morning(&routine_file, &Journal::default(), &mut log, (6, 0), (7, 30));
        assert_eq!(shown.len(), 1, "one notification at 07:15");
        let notice = &shown[0].notice;
        assert_eq!(notice.lines.len(), 2, "{:?}", notice.lines);
        assert!(notice.lines.iter().any(|line| line.title == "How did you sleep?"));
        assert!(notice.invites_night_log());
    }
}
