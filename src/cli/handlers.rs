//! The handlers of `plan`, `status`, `check` and `schedule`: load, apply a command, and
//! hand the result to `output` for wording. The clock comes in as `now`.

use std::fmt::{Display, Write as _};

use chrono::{DateTime, NaiveDate, NaiveTime, TimeZone};
use serde_json::{Value, json};

use super::CliError;
use super::output::{plan_text, pretty, schedule_text, status_json, status_text, step_json};
use super::reminders::waiting_for_routine;
use crate::command::{Applied, Change, CommandError};
use crate::i18n::{self, t};
use crate::model::catalog::ids;
use crate::model::{Day, Outcome, evening_at, plan_evening};
use crate::remind::engine::next_reminder;
use crate::remind::service::effective_config;
use crate::store::Store;
use crate::tr;

/// `plan [--date D] [--json]`.
pub(super) fn plan<Tz: TimeZone>(
    store: &Store,
    now: &DateTime<Tz>,
    date: Option<NaiveDate>,
    json: bool,
) -> Result<String, CliError>
where
    Tz::Offset: Display,
{
    let snapshot = store.load()?;
    let config = &snapshot.config.value;
    let evening = date.unwrap_or_else(|| evening_at(config, now));
    let plan = plan_evening(config, evening, &now.timezone(), snapshot.journal.value.evening(evening));
    if json {
        Ok(pretty(&Value::Array(plan.steps.iter().map(step_json).collect())))
    } else {
        Ok(plan_text(&plan, config, !snapshot.config.existed))
    }
}

/// `status [--json]`.
pub(super) fn status<Tz: TimeZone>(store: &Store, now: &DateTime<Tz>, json: bool) -> Result<String, CliError>
where
    Tz::Offset: Display,
{
    let snapshot = store.load()?;
    let config = &snapshot.config.value;
    let evening = evening_at(config, now);
    let plan = plan_evening(config, evening, &now.timezone(), snapshot.journal.value.evening(evening));
    let log = store.load_reminders()?.value;
    let paused = log.is_paused(evening);
    // The reminders the service would send, by the service's own rule.
    let next = next_reminder(&effective_config(&snapshot.config), &plan, &log, now);
    if json {
        let mut value = status_json(&plan, config, next.as_ref());
        value["paused"] = json!(paused);
        return Ok(pretty(&value));
    }
    let mut text = status_text(&plan, config, waiting_for_routine(&snapshot.config), next.as_ref(), now);
    if paused {
        text.push('\n');
        text.push_str(&t("cli-status-paused"));
    }
    Ok(text)
}

/// What `check` was asked to record.
pub(super) struct CheckArgs {
    pub step: String,
    pub skip: bool,
    pub value: Option<f64>,
    pub date: Option<NaiveDate>,
    pub undo: bool,
}

/// `check STEP [--skip | --undo] [--value V] [--date D]`.
pub(super) fn check<Tz: TimeZone>(store: &Store, now: &DateTime<Tz>, args: CheckArgs) -> Result<String, CliError> {
    let CheckArgs { step, skip, value, date, undo } = args;
    let config = store.load_config()?.value;
    let evening = date.unwrap_or_else(|| evening_at(&config, now));
    let title =
        config.routine.get(&step).map(i18n::step_title).ok_or_else(|| CommandError::UnknownStep(step.clone()))?;
    let when = i18n::short_date(evening);
    if undo {
        let applied = Change::Undo { evening, step }.apply(store)?;
        return Ok(match applied {
            Applied::Unchanged => tr!("cli-check-nothing-to-undo", title = title, date = when),
            _ => tr!("cli-check-undone", title = title, date = when),
        });
    }
    let outcome = if skip { Outcome::Skipped } else { Outcome::Done };
    let at = now.fixed_offset();
    Change::Check { evening, step: step.clone(), outcome, value, at }.apply(store)?;
    let mut out = if skip {
        tr!("cli-check-skipped", title = title, date = when)
    } else {
        tr!("cli-check-done", title = title, date = when)
    };
    if let (Some(value), true) = (value, step == ids::HUMIDITY_CHECK) {
        write!(out, "\n{}", i18n::humidity_advice(value, evening, config.settings.hemisphere)).ok();
    }
    Ok(out)
}

/// `schedule [--bedtime HH:MM] [--wake HH:MM] [--days DAYS]`.
pub(super) fn schedule(
    store: &Store,
    bedtime: Option<NaiveTime>,
    wake: Option<NaiveTime>,
    days: Vec<Day>,
) -> Result<String, CliError> {
    if bedtime.is_some() || wake.is_some() {
        Change::SetNights { days, bedtime, wake }.apply(store)?;
    } else if !days.is_empty() {
        return Err(CommandError::BadValue(t("cli-error-days-without-times")).into());
    }
    Ok(schedule_text(&store.load_config()?.value))
}
