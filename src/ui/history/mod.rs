//! History: is the routine holding? Cards (streak, steps done, bedtime, caffeine), a
//! calendar of evenings coloured by completion, each past evening's steps to correct,
//! per-step adherence bars and trend plots.
//!
//! The figures are [`stats::summarize`]'s, the same as `bedtime-coach stats` prints. They
//! are computed when the data changes (the app's data generation), the evening or the
//! threshold changes, never per frame, and on a thread of their own with the reading of
//! every month they need ([`loading`]): ten years take a moment to read and sum up, and
//! the screen says how far it got meanwhile. The plots draw from points prepared with the
//! summary, weekly means once there are more than a year of evenings.

use chrono::{DateTime, Datelike, Local, NaiveDate};
use eframe::egui::{self, RichText};
use egui_plot::{Line, Plot, PlotPoint, PlotPoints, Points};

use super::action::Action;
use super::style;
use crate::i18n::{self, history, t};
use crate::model::stats::{self, ADHERENCE_DAYS, HistoryStats, Trend};
use crate::model::{Journal, RoutineFile};
use crate::tr;
use crate::use_cases::views;

mod calendar;
pub mod loading;

use calendar::{calendar_ui, day_ui};
pub use loading::{FiguresKey, HistoryLoad, Progress};

/// What the screen keeps between frames.
pub struct HistoryState {
    /// The first day of the month the calendar shows; `None`: tonight's month.
    month: Option<NaiveDate>,
    /// The evening whose steps are open.
    selected: Option<NaiveDate>,
    /// A day the keyboard moved to, focused when it is next drawn.
    focus_day: Option<NaiveDate>,
    /// A day was just clicked: its steps are scrolled into view (below the calendar in
    /// a narrow window).
    reveal_day: bool,
    adherence_days: u32,
    humidity: String,
}

impl Default for HistoryState {
    fn default() -> Self {
        Self {
            month: None,
            selected: None,
            focus_day: None,
            reveal_day: false,
            adherence_days: 30,
            humidity: String::new(),
        }
    }
}

/// The summary and the plot points drawn from it: computed once per reading of the
/// history, on the reading's thread (see [`loading`]).
pub struct Figures {
    summary: HistoryStats,
    completion: Series,
    bedtime: Series,
}

impl Figures {
    /// Sums up `journal` up to the evening `now` belongs to.
    pub fn of(routine_file: &RoutineFile, journal: &Journal, now: &DateTime<Local>) -> Self {
        let summary = views::statistics_of(routine_file, journal, now);
        Self { completion: Series::of(&summary.completion_trend), bedtime: Series::of(&summary.bedtime_trend), summary }
    }
}

/// A trend as plot points, built once per summary.
struct Series {
    points: Vec<PlotPoint>,
    rolling: Vec<PlotPoint>,
    weekly: bool,
}

fn x_of(date: NaiveDate) -> f64 {
    f64::from(date.num_days_from_ce())
}

fn date_of(x: f64) -> Option<NaiveDate> {
    NaiveDate::from_num_days_from_ce_opt(x.round() as i32)
}

impl Series {
    fn of(trend: &Trend) -> Self {
        let plot = |points: &[stats::TrendPoint]| points.iter().map(|(d, v)| PlotPoint::new(x_of(*d), *v)).collect();
        Self { points: plot(&trend.points), rolling: plot(&trend.rolling), weekly: trend.weekly }
    }
}

/// The narrowest the chosen evening's steps are shown beside the calendar.
const DAY_MIN_WIDTH: f32 = 520.0;

/// The data the screen reads.
pub struct HistoryData<'a> {
    /// The routine as it is now (the figures' may be a reading older).
    pub routine_file: &'a RoutineFile,
    /// Every evening, as read for `figures`.
    pub journal: &'a Journal,
    pub figures: &'a Figures,
}

/// What the screen says about the reading of the history: under way (how far), or failed.
pub enum Reading<'a> {
    Under(Progress),
    Failed(&'a str),
}

/// The screen: the reading's state when there is one to tell, and the figures once read
/// (the previous ones while a change is read again).
pub fn history_ui(
    ui: &mut egui::Ui,
    state: &mut HistoryState,
    data: Option<HistoryData<'_>>,
    reading: Option<Reading<'_>>,
    now: &DateTime<Local>,
    actions: &mut Vec<Action>,
) {
    ui.heading(t("history-title"));
    match reading {
        Some(Reading::Under(progress)) => reading_ui(ui, progress),
        Some(Reading::Failed(error)) => {
            ui.add(egui::Label::new(RichText::new(error).color(style::warning(ui))).wrap());
        }
        None => {}
    }
    if let Some(data) = data {
        figures_ui(ui, state, &data, now, actions);
    }
}

/// "Reading your history… 37 of 120 months", with a bar once the months in all are known.
pub fn reading_ui(ui: &mut egui::Ui, progress: Progress) {
    ui.horizontal(|ui| {
        ui.spinner();
        let text = if progress.total == 0 {
            t("history-reading")
        } else {
            tr!("history-reading-months", read = progress.read, total = progress.total)
        };
        ui.label(RichText::new(text).color(style::quiet(ui)));
    });
    if progress.total > 0 {
        let share = progress.read as f32 / progress.total as f32;
        ui.add(egui::ProgressBar::new(share).desired_width(ui.available_width().min(420.0)));
    }
}

fn figures_ui(
    ui: &mut egui::Ui,
    state: &mut HistoryState,
    data: &HistoryData<'_>,
    now: &DateTime<Local>,
    actions: &mut Vec<Action>,
) {
    let figures = data.figures;
    let summary = &figures.summary;
    let today = summary.today;
    if summary.tracked == 0 {
        ui.label(t("history-nothing-yet"));
    } else {
        cards_ui(ui, summary);
    }
    ui.add_space(8.0);
    // Calendar and the chosen evening side by side when the evening's rows have room
    // for a title beside their buttons; below the calendar otherwise (at 720 px a Russian
    // row took four lines in the 340 px beside it).
    let cell = if ui.available_width() >= 1100.0 { 58.0 } else { 46.0 };
    let calendar_width = 7.0 * cell + 6.0 * 4.0;
    if ui.available_width() >= calendar_width + DAY_MIN_WIDTH {
        ui.horizontal_top(|ui| {
            ui.vertical(|ui| {
                ui.set_width(calendar_width);
                calendar_ui(ui, state, summary, data.journal, today);
            });
            ui.add_space(12.0);
            ui.vertical(|ui| day_ui(ui, state, data, summary, today, now, actions));
        });
    } else {
        calendar_ui(ui, state, summary, data.journal, today);
        ui.add_space(8.0);
        let day = ui.scope(|ui| day_ui(ui, state, data, summary, today, now, actions)).response.rect;
        if std::mem::take(&mut state.reveal_day) {
            ui.scroll_to_rect(day, None);
        }
    }
    state.reveal_day = false;
    if summary.tracked > 0 {
        ui.add_space(12.0);
        adherence_ui(ui, state, data.routine_file, summary);
        ui.add_space(12.0);
        trends_ui(ui, figures);
    }
}

fn card_ui(ui: &mut egui::Ui, width: f32, title: String, figure: String, detail: String) {
    egui::Frame::new()
        .stroke(egui::Stroke::new(1.0, ui.visuals().widgets.noninteractive.bg_stroke.color))
        .corner_radius(6.0)
        .inner_margin(egui::Margin::symmetric(10, 6))
        .show(ui, |ui| {
            ui.set_width(width);
            ui.vertical(|ui| {
                ui.label(RichText::new(title).small().color(style::quiet(ui)));
                ui.add(egui::Label::new(RichText::new(figure).strong().size(20.0)).wrap());
                ui.add(egui::Label::new(RichText::new(detail).small()).wrap());
            });
        });
}

fn cards_ui(ui: &mut egui::Ui, summary: &HistoryStats) {
    let figure = |share: Option<f64>| share.map_or_else(|| t("stats-no-figure"), history::percent);
    let spacing = ui.spacing().item_spacing.x;
    // Four in a row when they fit, each at least wide enough for its words.
    let width = ((ui.available_width() - 3.0 * spacing) / 4.0 - 22.0).clamp(140.0, 230.0);
    ui.horizontal_wrapped(|ui| {
        let streak = summary.streaks;
        let detail = tr!("history-card-streak-detail", count = streak.current, best = streak.best);
        card_ui(ui, width, t("history-card-streak"), streak.current.to_string(), detail);
        let detail = tr!(
            "history-card-done-detail",
            month = figure(summary.completion_30),
            all = figure(summary.completion_all)
        );
        card_ui(ui, width, t("history-card-done"), figure(summary.completion_7), detail);
        let (offset, detail) = match summary.bedtime_recent.as_ref() {
            Some(b) => history::bedtime_card(b.mean_offset_minutes, b.spread_minutes),
            None => (t("stats-no-figure"), t("history-bedtime-none")),
        };
        card_ui(ui, width, t("history-card-bedtime"), offset, detail);
        let kept = summary.caffeine_recent;
        let (figure, detail) = if kept.planned == 0 {
            (t("stats-no-figure"), t("history-kept-none"))
        } else {
            (
                tr!("history-card-caffeine-figure", kept = kept.kept, planned = kept.planned),
                t("history-card-caffeine-detail"),
            )
        };
        card_ui(ui, width, t("history-card-caffeine"), figure, detail);
    });
    let evenings = history::evenings_sentence(summary.tracked, summary.not_tracked);
    let rule = history::streak_rule(summary.threshold_percent);
    ui.add(egui::Label::new(RichText::new(format!("{evenings}. {rule}")).small().color(style::quiet(ui))).wrap());
}

fn adherence_ui(ui: &mut egui::Ui, state: &mut HistoryState, routine_file: &RoutineFile, summary: &HistoryStats) {
    ui.label(RichText::new(t("history-adherence")).strong());
    ui.horizontal_wrapped(|ui| {
        for days in ADHERENCE_DAYS {
            let text = tr!("history-adherence-days", days = days);
            if ui.selectable_label(state.adherence_days == days, text).clicked() {
                state.adherence_days = days;
            }
        }
    });
    let steps = summary.adherence(state.adherence_days).map(|w| w.steps.as_slice()).unwrap_or_default();
    if steps.is_empty() {
        ui.label(RichText::new(t("history-adherence-none")).color(style::quiet(ui)));
        return;
    }
    let title_width = (ui.available_width() * 0.4).clamp(140.0, 320.0);
    egui::Grid::new("history-adherence").num_columns(2).spacing([12.0, 6.0]).min_col_width(title_width).show(
        ui,
        |ui| {
            for step in steps {
                let title = history::step_title_by_id(routine_file, &step.id);
                let share = step.share().unwrap_or(0.0);
                let percent = history::percent(share);
                ui.add(egui::Label::new(title.as_str()).truncate());
                let text =
                    tr!("history-adherence-bar", percent = percent.as_str(), done = step.done, planned = step.planned);
                let name = tr!(
                    "history-adherence-name",
                    title = title.as_str(),
                    percent = percent.as_str(),
                    done = step.done,
                    planned = step.planned
                );
                let bar = egui::ProgressBar::new(share as f32)
                    .text(text)
                    .desired_width(420.0_f32.min(ui.available_width() - 8.0).max(120.0));
                ui.add(bar).accessible_name(name);
                ui.end_row();
            }
        },
    );
}

fn trends_ui(ui: &mut egui::Ui, cached: &Figures) {
    ui.label(RichText::new(t("history-trends")).strong());
    if cached.completion.weekly {
        ui.label(RichText::new(t("history-plot-weekly-note")).small().color(style::quiet(ui)));
    }
    let accent = style::accent(ui);
    let dots = ui.visuals().weak_text_color();
    plot_ui(
        ui,
        "history-completion",
        t("history-plot-completion"),
        &cached.completion,
        (dots, accent),
        Some((0.0, 100.0)),
    );
    if !cached.bedtime.points.is_empty() {
        plot_ui(ui, "history-bedtime", t("history-plot-bedtime"), &cached.bedtime, (dots, accent), None);
    }
}

fn plot_ui(
    ui: &mut egui::Ui,
    id: &str,
    title: String,
    series: &Series,
    (dots, line): (egui::Color32, egui::Color32),
    y_range: Option<(f64, f64)>,
) {
    ui.label(RichText::new(title.as_str()).small());
    let span = match (series.points.first(), series.points.last()) {
        (Some(first), Some(last)) => last.x - first.x,
        _ => 0.0,
    };
    let mut plot = Plot::new(id)
        .height(170.0)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .show_x(false)
        .show_y(false)
        .x_axis_formatter(move |mark, _| axis_date(mark.value, span))
        .label_formatter(|hover| {
            let point = match hover {
                egui_plot::HoverPosition::NearDataPoint { position, .. } => position,
                egui_plot::HoverPosition::Elsewhere { position } => position,
            };
            let date = date_of(point.x)?;
            Some(tr!("history-plot-point", date = i18n::short_date(date), value = format!("{:.0}", point.y)))
        });
    if let Some((low, high)) = y_range {
        plot = plot.include_y(low).include_y(high);
    } else {
        plot = plot.include_y(0.0);
    }
    let each = if series.weekly { t("history-plot-each-week") } else { t("history-plot-each-evening") };
    let rolling = t("history-plot-rolling");
    let shown = plot.show(ui, |plot_ui| {
        plot_ui.points(Points::new(each.as_str(), PlotPoints::Borrowed(&series.points)).color(dots).radius(2.0));
        plot_ui.line(Line::new(rolling.as_str(), PlotPoints::Borrowed(&series.rolling)).color(line).width(2.0));
    });
    // Read as a figure by its title (egui_plot gives it no name).
    ui.ctx().accesskit_node_builder(shown.response.id, |node| {
        node.set_role(egui::accesskit::Role::Figure);
        node.set_label(title.as_str());
    });
    legend_ui(ui, (each, dots), (rolling, line));
    ui.add_space(6.0);
}

/// The plot's key, under it: inside, egui_plot's legend covered the 100 % points.
fn legend_ui(ui: &mut egui::Ui, (each, dots): (String, egui::Color32), (rolling, line): (String, egui::Color32)) {
    ui.horizontal_wrapped(|ui| {
        let (rect, _) = ui.allocate_exact_size(egui::vec2(14.0, 14.0), egui::Sense::hover());
        ui.painter().circle_filled(rect.center(), 2.5, dots);
        ui.label(RichText::new(each).small());
        ui.add_space(8.0);
        let (rect, _) = ui.allocate_exact_size(egui::vec2(18.0, 14.0), egui::Sense::hover());
        ui.painter().hline(rect.x_range(), rect.center().y, egui::Stroke::new(2.0, line));
        ui.label(RichText::new(rolling).small());
    });
}

/// A date on the x axis: "3 Nov" over a few months, "Nov 2026" over longer spans.
fn axis_date(x: f64, span_days: f64) -> String {
    let Some(date) = date_of(x) else { return String::new() };
    if span_days > 120.0 {
        format!("{} {}", tr!("history-month-short", month = date.month()), date.year())
    } else {
        format!("{} {}", date.day(), tr!("history-month-short", month = date.month()))
    }
}
