//! A press on a Windows toast, as the `bedtime-coach:` URI scheme hands it to
//! `bedtime-coachw activate URI` (see `crate::remind::toast` for why toasts answer this
//! way): the URI is checked against the saved routine, the press is done by the same
//! handler as the Linux notification buttons ([`super::buttons`]), and the toast is
//! removed from the Action Center by its tag.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use chrono::{DateTime, TimeZone};

use super::buttons::action_handler;
use crate::remind::engine::snooze_minutes;
use crate::remind::events::{ReminderEvent, sink};
use crate::remind::toast::{BadActivation, GROUP, check_activation, parse_activation};
use crate::use_cases::{Coach, StoreError};

/// Why a press on a toast changed nothing; each message is one sentence for the user.
#[derive(Debug, thiserror::Error)]
pub enum ActivationError {
    #[error(transparent)]
    Refused(#[from] BadActivation),
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The change or the window's start failed; the sentence says why.
    #[error("{0}")]
    Failed(String),
}

/// Does what the toast's `uri` asks, for the files of `coach`, at `now`. `window_program`
/// opens the window for a click on the body (`None`: opens nothing, for tests).
pub fn activate<Tz: TimeZone>(
    coach: &Coach,
    uri: &str,
    now: &DateTime<Tz>,
    window_program: Option<PathBuf>,
) -> Result<(), ActivationError> {
    let activation = parse_activation(uri)?;
    let routine_file = coach.load_routine_file()?.value;
    let notice = check_activation(&activation, &routine_file, now)?;
    let failed = Arc::new(Mutex::new(None));
    let failure = Arc::clone(&failed);
    let events = sink(move |event| {
        if let ReminderEvent::Error { message } = event {
            *failure.lock().unwrap_or_else(std::sync::PoisonError::into_inner) = Some(message);
        }
    });
    let paths = coach.paths().clone();
    action_handler(paths, notice, snooze_minutes(&routine_file), events, None, window_program)(activation.reply);
    // The shell removes a toast whose button was pressed; one answered from elsewhere
    // (a second press in the Action Center) is removed here. Gone already is fine.
    if let (Some(tag), Some(host)) = (activation.tag, crate::platform::toasts::host()) {
        let _ = host.remove(&tag.to_string(), GROUP);
    }
    match failed.lock().unwrap_or_else(std::sync::PoisonError::into_inner).take() {
        Some(message) => Err(ActivationError::Failed(message)),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Outcome;
    use crate::store::Store;
    use chrono::{Local, NaiveDate};

    fn tonight(store: &Store) -> NaiveDate {
        crate::model::evening_at(&store.load_routine_file().unwrap().value, &Local::now())
    }

    #[test]
    fn done_and_snooze_from_a_toast_change_the_files_like_the_linux_buttons() {
        let dir = tempfile::tempdir().unwrap();
        let paths = crate::store::saved_routine_for_tests(dir.path());
        let store = Store::new(paths.clone());
        let coach = Coach::at(paths);
        let evening = tonight(&store);
        let now = Local::now();
        activate(&coach, &format!("bedtime-coach:done?tag=3&date={evening}&step=warm-bath"), &now, None).unwrap();
        let journal = store.load_journal().unwrap().value;
        assert_eq!(journal.check_in(evening, "warm-bath").unwrap().outcome, Outcome::Done);
        activate(&coach, &format!("bedtime-coach:snooze?tag=3&date={evening}&step=%3Abedtime"), &now, None).unwrap();
        let log = store.load_reminders().unwrap().value;
        assert!(!log.evening(evening).unwrap().snoozed[":bedtime"].settled);
        // A click on the body with no program to start changes nothing and succeeds.
        activate(&coach, &format!("bedtime-coach:open?tag=3&date={evening}&step=warm-bath"), &now, None).unwrap();
    }

    #[test]
    fn a_refused_uri_changes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let paths = crate::store::saved_routine_for_tests(dir.path());
        let store = Store::new(paths.clone());
        let coach = Coach::at(paths);
        let evening = tonight(&store);
        let old = evening - chrono::Days::new(5);
        let now = Local::now();
        for uri in [
            format!("bedtime-coach:done?date={old}&step=warm-bath"),
            format!("bedtime-coach:done?date={evening}&step=not-a-step"),
            "bedtime-coach:done?date=x".to_owned(),
        ] {
            let error = activate(&coach, &uri, &now, None).unwrap_err();
            assert!(matches!(error, ActivationError::Refused(_)), "{uri}: {error}");
            assert!(error.to_string().ends_with("nothing was changed."), "{error}");
        }
        assert!(store.load_journal().unwrap().value.check_in(old, "warm-bath").is_none());
    }
}
