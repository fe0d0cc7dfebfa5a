//! The handlers of `plan`, `status`, `check` and `schedule`: ask the use cases, and hand
//! the result to `output` for wording. The clock comes in as `now`.

use std::fmt::{Display, Write as _};

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime, TimeZone};
use serde_json::{Value, json};

use super::error::CliError;
use super::output::{plan_text, pretty, schedule_text, status_json, status_text, step_json};
use crate::i18n::{self, t};
use crate::model::catalog::ids;
use crate::model::{Day, Outcome, evening_at};
use crate::tr;
use crate::use_cases::{Applied, Change, Coach, CommandError};

/// `plan [--date D] [--json]`.
pub(super) fn plan<Tz: TimeZone>(
    coach: &Coach,
    now: &DateTime<Tz>,
    date: Option<NaiveDate>,
    json: bool,
) -> Result<String, CliError>
where
    Tz::Offset: Display,
{
    let view = coach.evening(date, now)?;
    if json {
        Ok(pretty(&Value::Array(view.plan.steps.iter().map(step_json).collect())))
    } else {
        Ok(plan_text(&view.plan, view.routine_file(), view.first_run()))
    }
}

/// `status [--json]`.
pub(super) fn status<Tz: TimeZone>(coach: &Coach, now: &DateTime<Tz>, json: bool) -> Result<String, CliError>
where
    Tz::Offset: Display,
{
    let status = coach.status(now)?;
    let (plan, routine_file) = (&status.tonight.plan, status.tonight.routine_file());
    if json {
        let mut value = status_json(plan, routine_file, status.next.as_ref());
        value["paused"] = json!(status.paused);
        return Ok(pretty(&value));
    }
    let mut text = status_text(plan, routine_file, status.waiting_for_routine, status.next.as_ref(), now);
    if status.paused {
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
pub(super) fn check<Tz: TimeZone>(coach: &Coach, now: &DateTime<Tz>, args: CheckArgs) -> Result<String, CliError> {
    let CheckArgs { step, skip, value, date, undo } = args;
    let routine_file = coach.load_routine_file()?.value;
    let evening = date.unwrap_or_else(|| evening_at(&routine_file, now));
    let title =
        routine_file.routine.get(&step).map(i18n::step_title).ok_or_else(|| CommandError::UnknownStep(step.clone()))?;
    let when = i18n::short_date(evening);
    if undo {
        // Dated now, so that on another computer sharing the folder it wins over a change
        // made there before it, not only over the check-in it took back.
        let applied = coach.apply_at(now.fixed_offset(), Change::Undo { evening, step })?;
        return Ok(match applied {
            Applied::Unchanged => tr!("cli-check-nothing-to-undo", title = title, date = when),
            _ => tr!("cli-check-undone", title = title, date = when),
        });
    }
    let outcome = if skip { Outcome::Skipped } else { Outcome::Done };
    let at = now.fixed_offset();
    coach.apply(Change::Check { evening, step: step.clone(), outcome, value, at })?;
    let mut out = if skip {
        tr!("cli-check-skipped", title = title, date = when)
    } else {
        tr!("cli-check-done", title = title, date = when)
    };
    if let (Some(value), true) = (value, step == ids::HUMIDITY_CHECK) {
        write!(out, "\n{}", i18n::humidity_advice(value, evening, routine_file.settings.hemisphere)).ok();
    }
    Ok(out)
}

/// `schedule [--bedtime HH:MM] [--wake HH:MM] [--days DAYS]`.
pub(super) fn schedule(
    coach: &Coach,
    now: DateTime<FixedOffset>,
    bedtime: Option<NaiveTime>,
    wake: Option<NaiveTime>,
    days: Vec<Day>,
) -> Result<String, CliError> {
    if bedtime.is_some() || wake.is_some() {
        coach.apply_at(now, Change::SetNights { days, bedtime, wake })?;
    } else if !days.is_empty() {
        return Err(CommandError::BadValue(t("cli-error-days-without-times")).into());
    }
    Ok(schedule_text(&coach.load_routine_file()?.value))
}
