//! History's calendar of evenings, coloured by completion, and the chosen evening's
//! steps, which can still be corrected (done, skipped, a humidity reading).

use chrono::{DateTime, Datelike, Local, NaiveDate, TimeDelta};
use eframe::egui::{self, RichText};

use super::{HistoryData, HistoryState};
use crate::i18n::{self, history, t};
use crate::model::plan::plan_as_of;
use crate::model::stats::{EveningFigures, HistoryStats};
use crate::model::{CheckIn, Outcome, ValueKind};
use crate::tr;
use crate::ui::action::Action;
use crate::ui::style::{self, Completion};
use crate::ui::widgets::humidity_field_ui;
use crate::ui::widgets::{button_width, clock};
use crate::use_cases::Change;
use crate::use_cases::input::Unreadable;

fn month_start(date: NaiveDate) -> NaiveDate {
    date.with_day(1).unwrap_or(date)
}

fn add_months(month: NaiveDate, months: i32) -> NaiveDate {
    let index = month.year() * 12 + month.month0() as i32 + months;
    NaiveDate::from_ymd_opt(index.div_euclid(12), index.rem_euclid(12) as u32 + 1, 1).unwrap_or(month)
}

fn month_title(month: NaiveDate) -> String {
    tr!("history-month-year", month = tr!("history-month", month = month.month()), year = month.year())
}

/// The calendar's category of an evening.
fn completion_of(figures: Option<&EveningFigures>, threshold_percent: u32) -> Completion {
    match figures {
        Some(f) if f.meets(threshold_percent) => Completion::Met,
        Some(f) if f.tracked && f.done * 2 >= f.planned => Completion::Part,
        Some(f) if f.tracked => Completion::Low,
        _ => Completion::NotTracked,
    }
}

fn mark_of(completion: Completion) -> &'static str {
    match completion {
        Completion::Met => "√",
        Completion::Part => "½",
        Completion::Low => "!",
        Completion::NotTracked => "–",
    }
}

pub(super) fn calendar_ui(ui: &mut egui::Ui, state: &mut HistoryState, summary: &HistoryStats, today: NaiveDate) {
    let this_month = month_start(today);
    // Back to the first recorded evening, and at least a year, to fill in forgotten ones.
    let first_recorded = summary.evenings.first().map_or(this_month, |f| month_start(f.date));
    let earliest = first_recorded.min(add_months(this_month, -12));
    let shown = state.month.unwrap_or(this_month).clamp(earliest, this_month);
    let mut go = |month: NaiveDate| state.month = Some(month.clamp(earliest, this_month));
    ui.horizontal(|ui| {
        let nav = |ui: &mut egui::Ui, text: &str, name: String, enabled: bool| {
            ui.add_enabled(enabled, egui::Button::new(text)).on_hover_text(name.clone()).accessible_name(name).clicked()
        };
        if nav(ui, "«", t("history-previous-year"), shown > earliest) {
            go(add_months(shown, -12));
        }
        if nav(ui, "‹", t("history-previous-month"), shown > earliest) {
            go(add_months(shown, -1));
        }
        ui.add_sized([150.0, 22.0], egui::Label::new(RichText::new(month_title(shown)).strong()));
        if nav(ui, "›", t("history-next-month"), shown < this_month) {
            go(add_months(shown, 1));
        }
        if nav(ui, "»", t("history-next-year"), shown < this_month) {
            go(add_months(shown, 12));
        }
    });
    ui.horizontal(|ui| {
        if ui.add_enabled(shown != this_month, egui::Button::new(t("history-this-month")).small()).clicked() {
            go(this_month);
        }
        if ui.add_enabled(shown != first_recorded, egui::Button::new(t("history-first-month")).small()).clicked() {
            go(first_recorded);
        }
    });
    let gap = 3.0;
    let cell = egui::vec2(((ui.available_width() - 6.0 * gap) / 7.0).clamp(34.0, 58.0), 31.0);
    egui::Grid::new("history-calendar").spacing([gap, gap]).min_col_width(cell.x).show(ui, |ui| {
        for day in crate::model::Day::ALL {
            let name = RichText::new(tr!("weekday-short", day = day.key())).small().color(style::quiet(ui));
            ui.centered_and_justified(|ui| ui.label(name));
        }
        ui.end_row();
        let lead = shown.weekday().num_days_from_monday();
        for _ in 0..lead {
            ui.label("");
        }
        let mut column = lead;
        for date in shown.iter_days().take_while(|d| d.month() == shown.month()) {
            day_cell_ui(ui, state, summary, date, today, cell, (earliest, this_month));
            column += 1;
            if column == 7 {
                ui.end_row();
                column = 0;
            }
        }
        if column != 0 {
            ui.end_row();
        }
    });
    legend_ui(ui, summary.threshold_percent);
}

fn day_cell_ui(
    ui: &mut egui::Ui,
    state: &mut HistoryState,
    summary: &HistoryStats,
    date: NaiveDate,
    today: NaiveDate,
    size: egui::Vec2,
    (earliest, this_month): (NaiveDate, NaiveDate),
) {
    let ahead = date > today;
    let figures = summary.evening(date);
    let completion = if ahead { Completion::NotTracked } else { completion_of(figures, summary.threshold_percent) };
    let (rect, response) = ui.allocate_exact_size(size, egui::Sense::click());
    let label = history::day(date, figures, ahead);
    response.widget_info(|| {
        egui::WidgetInfo::selected(egui::accesskit::Role::Button, true, state.selected == Some(date), &label)
    });
    if state.focus_day == Some(date) {
        response.request_focus();
        state.focus_day = None;
    }
    if ui.is_rect_visible(rect) {
        let visuals = ui.visuals();
        let painter = ui.painter();
        let fill = style::completion_fill(ui, completion);
        painter.rect_filled(rect, 5.0, fill);
        let outline = if response.has_focus() || state.selected == Some(date) {
            egui::Stroke::new(2.0, style::accent(ui))
        } else if response.hovered() {
            visuals.widgets.hovered.bg_stroke
        } else {
            egui::Stroke::new(1.0, visuals.widgets.noninteractive.bg_stroke.color)
        };
        painter.rect_stroke(rect, 5.0, outline, egui::StrokeKind::Inside);
        let text = if ahead { style::quiet(ui) } else { style::cell_text(ui) };
        let font = egui::FontId::proportional(if date == today { 15.0 } else { 14.0 });
        painter.text(
            rect.left_top() + egui::vec2(5.0, 3.0),
            egui::Align2::LEFT_TOP,
            date.day().to_string(),
            font,
            text,
        );
        if !ahead {
            let small = egui::FontId::proportional(12.0);
            painter.text(
                rect.right_bottom() - egui::vec2(5.0, 3.0),
                egui::Align2::RIGHT_BOTTOM,
                mark_of(completion),
                small,
                text,
            );
        }
        if date == today {
            let y = rect.bottom() - 4.0;
            painter.line_segment(
                [egui::pos2(rect.left() + 5.0, y), egui::pos2(rect.left() + 16.0, y)],
                egui::Stroke::new(2.0, style::accent(ui)),
            );
        }
    }
    if response.clicked() {
        state.selected = if state.selected == Some(date) { None } else { Some(date) };
        state.reveal_day = state.selected.is_some();
        state.humidity.clear();
    }
    // Arrow keys move through the days, across months too.
    if response.has_focus() {
        // The arrows are the calendar's, not egui's move-to-the-nearest-widget.
        let filter = egui::EventFilter { horizontal_arrows: true, vertical_arrows: true, ..Default::default() };
        ui.memory_mut(|memory| memory.set_focus_lock_filter(response.id, filter));
        let step = ui.input_mut(|input| {
            [
                (egui::Key::ArrowLeft, -1),
                (egui::Key::ArrowRight, 1),
                (egui::Key::ArrowUp, -7),
                (egui::Key::ArrowDown, 7),
            ]
            .into_iter()
            .find(|(key, _)| input.consume_key(egui::Modifiers::NONE, *key))
            .map(|(_, days)| days)
        });
        if let Some(days) = step {
            let target = date + TimeDelta::days(days);
            if target >= earliest && month_start(target) <= this_month {
                state.focus_day = Some(target);
                state.month = Some(month_start(target));
            }
        }
    }
}

fn legend_ui(ui: &mut egui::Ui, threshold_percent: u32) {
    ui.add_space(4.0);
    ui.label(RichText::new(t("history-legend")).small());
    ui.vertical(|ui| {
        for (completion, text) in [
            (Completion::Met, tr!("history-legend-met", percent = threshold_percent)),
            (Completion::Part, t("history-legend-part")),
            (Completion::Low, t("history-legend-low")),
            (Completion::NotTracked, t("history-legend-untracked")),
        ] {
            ui.horizontal(|ui| {
                let (rect, _) = ui.allocate_exact_size(egui::vec2(14.0, 14.0), egui::Sense::hover());
                ui.painter().rect_filled(rect, 3.0, style::completion_fill(ui, completion));
                let stroke = egui::Stroke::new(1.0, ui.visuals().widgets.noninteractive.bg_stroke.color);
                ui.painter().rect_stroke(rect, 3.0, stroke, egui::StrokeKind::Inside);
                ui.label(RichText::new(text).small());
            });
        }
    });
}

/// The chosen evening's steps, with what was recorded and when, to correct.
pub(super) fn day_ui(
    ui: &mut egui::Ui,
    state: &mut HistoryState,
    data: &HistoryData<'_>,
    summary: &HistoryStats,
    today: NaiveDate,
    now: &DateTime<Local>,
    actions: &mut Vec<Action>,
) {
    let Some(date) = state.selected else {
        ui.add(egui::Label::new(RichText::new(t("history-day-pick")).color(style::quiet(ui))).wrap());
        return;
    };
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(i18n::evening_title(date)).strong());
        if ui.small_button(t("history-close-day")).clicked() {
            state.selected = None;
        }
    });
    if date > today {
        ui.add(egui::Label::new(t("history-day-ahead-note")).wrap());
        return;
    }
    match summary.evening(date).filter(|f| f.tracked) {
        Some(f) => ui.label(tr!("history-day-summary", done = f.done, planned = f.planned, skipped = f.skipped)),
        None => ui.add(egui::Label::new(RichText::new(t("history-day-not-tracked")).color(style::quiet(ui))).wrap()),
    };
    // Its month is read by the next frame (it was chosen in this one).
    let Some((_, recorded)) = data.day.filter(|(day, _)| *day == date) else {
        ui.ctx().request_repaint();
        return;
    };
    let plan = plan_as_of(data.routine_file, date, &Local, recorded, today);
    let mut rows: Vec<DayRow> = plan
        .steps
        .iter()
        .map(|step| {
            (
                step.id.clone(),
                i18n::planned_title(step),
                Some(step.due),
                recorded.and_then(|r| r.checks.get(&step.id)),
                step.value_kind == Some(ValueKind::HumidityPercent),
                step.counted,
            )
        })
        .collect();
    // Steps checked (or recorded in the evening's routine) that are no longer in it, each
    // once (a set: the lists may be long).
    if let Some(recorded) = recorded {
        let mut shown: std::collections::HashSet<String> = rows.iter().map(|row| row.0.clone()).collect();
        for id in recorded.checks.keys().chain(recorded.routine.iter().flatten()) {
            if shown.insert(id.clone()) {
                rows.push((
                    id.clone(),
                    history::step_title_by_id(data.routine_file, id),
                    None,
                    recorded.checks.get(id),
                    false,
                    true,
                ));
            }
        }
    }
    for (id, title, due, check, humidity, counted) in rows {
        let in_routine = due.is_some();
        ui.separator();
        let at = now.fixed_offset();
        let check_change = |outcome, value| Change::Check { evening: date, step: id.clone(), outcome, value, at };
        // The buttons this row offers, in Tab order: (words, name for a screen reader, change).
        let buttons: Vec<(String, String, Change)> = match check.map(|c| c.outcome) {
            None if in_routine => vec![
                (t("ui-done"), tr!("ui-done-step", title = title.as_str()), check_change(Outcome::Done, None)),
                (t("ui-skip"), tr!("ui-skip-step", title = title.as_str()), check_change(Outcome::Skipped, None)),
            ],
            None => Vec::new(),
            Some(outcome) => {
                let mut buttons = Vec::new();
                if in_routine && outcome == Outcome::Done {
                    let name = tr!("history-mark-skipped-step", title = title.as_str());
                    buttons.push((t("history-mark-skipped"), name, check_change(Outcome::Skipped, None)));
                } else if in_routine {
                    let name = tr!("history-mark-done-step", title = title.as_str());
                    buttons.push((t("history-mark-done"), name, check_change(Outcome::Done, None)));
                }
                let undo = Change::Undo { evening: date, step: id.clone() };
                buttons.push((t("ui-undo"), tr!("ui-undo-step", title = title.as_str()), undo));
                buttons
            }
        };
        // Two lines at most, at 720 px in Russian too: the time and title, then what was
        // recorded, in a column beside the buttons (side by side, not wrapped under each
        // other: "√" and "done" used to land on lines of their own).
        let spacing = ui.spacing().item_spacing.x;
        let room: f32 = buttons.iter().map(|(words, ..)| button_width(ui, words) + spacing).sum();
        ui.horizontal(|ui| {
            let text_width = (ui.available_width() - room).max(160.0);
            ui.allocate_ui_with_layout(egui::vec2(text_width, 0.0), egui::Layout::top_down(egui::Align::Min), |ui| {
                ui.set_width(text_width);
                ui.horizontal_wrapped(|ui| {
                    if let Some(due) = &due {
                        ui.label(RichText::new(clock(due)).monospace().color(style::quiet(ui)));
                    }
                    ui.add(egui::Label::new(RichText::new(&title).strong()).wrap());
                });
                let mut recorded = match check {
                    // As Tonight says it: due before the routine began (or before the step
                    // was added), so it was never missed; checking it now still counts.
                    None if !counted => t("history-step-not-counted"),
                    _ => check_text(check, date),
                };
                if !in_routine {
                    recorded = format!("{recorded} · {}", t("history-step-gone"));
                }
                ui.add(egui::Label::new(RichText::new(recorded).small().color(style::quiet(ui))).wrap());
            });
            for (words, name, change) in buttons {
                if ui.button(words).accessible_name(name).clicked() {
                    actions.push(Action::Apply(change));
                }
            }
        });
        if humidity && in_routine {
            ui.horizontal_wrapped(|ui| humidity_ui(ui, state, date, &id, at, actions));
        }
    }
}

/// A step of the chosen evening: id, title, when it was due (`None`: no longer in the
/// routine), its check-in, whether it takes a humidity reading, and whether it counted
/// that evening (not when due before the routine began or before it was added).
type DayRow<'a> = (String, String, Option<DateTime<Local>>, Option<&'a CheckIn>, bool, bool);

/// "√ done, recorded 22:41"; the date too whenever it was recorded on a day other than
/// the evening's own (a correction the next morning reads "recorded Sun 6 Dec 06:50"
/// under "Evening of Saturday 5 December", not a bare time that looks like that evening's).
fn check_text(check: Option<&CheckIn>, evening: NaiveDate) -> String {
    let Some(check) = check else { return t("history-step-unchecked") };
    let at = check.at;
    let time = if at.date_naive() != evening {
        format!("{} {}", i18n::short_date(at.date_naive()), clock(&at))
    } else {
        clock(&at)
    };
    match (check.outcome, check.value) {
        (Outcome::Done, Some(value)) => tr!("history-step-done-value", value = format!("{value:.0}"), time = time),
        (Outcome::Done, None) => tr!("history-step-done", time = time),
        (Outcome::Skipped, _) => tr!("history-step-skipped", time = time),
    }
}

/// A humidity reading for a past evening.
fn humidity_ui(
    ui: &mut egui::Ui,
    state: &mut HistoryState,
    date: NaiveDate,
    id: &str,
    at: DateTime<chrono::FixedOffset>,
    actions: &mut Vec<Action>,
) {
    let name = tr!("history-humidity-step", date = i18n::short_date(date));
    let (typed, saved) = humidity_field_ui(ui, &mut state.humidity, Some(name));
    if let Some(value) = saved {
        let change =
            Change::Check { evening: date, step: id.to_owned(), outcome: Outcome::Done, value: Some(value), at };
        actions.push(Action::Apply(change));
    }
    if typed == Err(Unreadable::OutOfRange) {
        ui.label(RichText::new(t("ui-humidity-invalid")).small().color(style::error(ui)));
    }
}
