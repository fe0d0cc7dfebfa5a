//! The night log: how last night went, in a few clicks each morning, with the warning
//! cards and "what helps" that the answers add up to over weeks.
//!
//! Why it exists: the routine is worth keeping only if nights get calmer, and the article
//! names signs a doctor should see. Every click saves at once (a [`Change::LogNight`]
//! with that one answer), so an ordinary morning is one click on "A quiet night", and
//! nothing typed is lost when the window closes. Earlier nights can be chosen and edited.

use chrono::{DateTime, Local, NaiveDate};
use eframe::egui::{self, RichText};

use super::action::Action;
use super::history::Progress;
use super::screen::Screen;
use super::style;
use super::widgets::{clock, radio_group};
use crate::i18n::{self, signs, t};
use crate::model::helps;
use crate::model::night::{RESTED_MAX, RESTED_MIN};
use crate::model::time::{next_day, previous_day};
use crate::model::warnings::{self, Findings, Warning};
use crate::model::{Jerks, Journal, NightAnswer, NightLog, RoutineFile, Stress};
use crate::tr;
use crate::use_cases::Change;
use crate::use_cases::files::{DEFAULT_WEEKS, MAX_WEEKS, MIN_WEEKS, SummaryFormat as Format};

/// How far back the arrows go: the doctor summary covers four weeks, and older nights
/// are still there in the file (and editable from the command line).
pub(crate) const OLDEST_DAYS_BACK: i64 = 62;

/// From this width on, the cards stand beside the form instead of under it.
const WIDE: f32 = 1000.0;
const SIDE_WIDTH: f32 = 400.0;

#[derive(Debug, Default)]
pub struct NightState {
    /// The evening whose night is shown; `None` follows "last night" as the clock moves.
    chosen: Option<NaiveDate>,
    /// The note as typed, for the evening it belongs to, until it is saved.
    note: Option<(NaiveDate, String)>,
    /// The doctor summary's choices; the path starts as the app's suggestion.
    pub summary: SummaryForm,
}

#[derive(Debug)]
pub struct SummaryForm {
    pub weeks: u8,
    pub format: Format,
    /// Where to write; empty until the app fills in its suggestion.
    pub path: String,
}

impl Default for SummaryForm {
    fn default() -> Self {
        Self { weeks: DEFAULT_WEEKS, format: Format::Html, path: String::new() }
    }
}

impl NightState {
    /// Shows last night (the window opened from the morning invitation).
    pub fn show_last_night(&mut self) {
        self.chosen = None;
    }
}

/// What the screen draws from: the files as loaded, and now.
pub struct NightView<'a> {
    pub routine_file: &'a RoutineFile,
    pub journal: &'a Journal,
    pub now: &'a DateTime<Local>,
    /// The evening whose night is "last night" now.
    pub last_night: NaiveDate,
    pub helps: Helps<'a>,
}

/// "What helps" compares every evening ever recorded, so it comes with History's reading
/// of the whole journal (see [`super::history::loading`]), not with the months around
/// tonight that the rest of the screen reads.
pub enum Helps<'a> {
    /// Nothing was ever recorded: the section is not shown.
    NothingRecorded,
    Found(&'a [helps::Comparison]),
    /// Being read, how far it got; `None`: it could not be (a banner said why).
    Reading(Option<Progress>),
}

pub fn night_ui(ui: &mut egui::Ui, state: &mut NightState, view: &NightView, actions: &mut Vec<Action>) {
    let last_night = view.last_night;
    let evening = state.chosen.filter(|chosen| *chosen < last_night).unwrap_or(last_night);
    if state.note.as_ref().is_some_and(|(date, _)| *date != evening) {
        state.note = None;
    }
    let log = view.journal.night(evening);
    let wide = ui.available_width() >= WIDE;
    if wide {
        egui::Panel::right("night-cards").resizable(false).exact_size(SIDE_WIDTH).show(ui, |ui| {
            egui::ScrollArea::vertical().id_salt("night-cards-scroll").auto_shrink([false, false]).show(ui, |ui| {
                ui.add_space(8.0);
                cards_ui(ui, state, view, actions);
            });
        });
    }
    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::vertical().id_salt("night-form").auto_shrink([false, false]).show(ui, |ui| {
            // The scroll bar floats over the content: the form stops short of it, so no
            // question runs under it at the smallest window size.
            ui.set_max_width(super::widgets::width_beside_scroll_bar(ui).min(720.0));
            header_ui(ui, state, evening, last_night, log);
            ui.add_space(6.0);
            let at = view.now.fixed_offset();
            let mut answer = |answers: Vec<NightAnswer>| {
                actions.push(Action::Apply(Change::LogNight { evening, answers, at }));
            };
            form_ui(ui, state, evening, log, &mut answer);
            ui.add_space(8.0);
            ui.horizontal_wrapped(|ui| {
                if ui.link(t("night-about")).clicked() {
                    actions.push(Action::Show(Screen::AboutSleep));
                }
                if log.is_some() && ui.small_button(t("night-forget")).clicked() {
                    actions.push(Action::Apply(Change::SetNight { evening, log: None }));
                }
            });
            if !wide {
                ui.add_space(12.0);
                cards_ui(ui, state, view, actions);
            }
        });
    });
}

/// Which night, the arrows to earlier and later ones, and whether it is logged.
fn header_ui(
    ui: &mut egui::Ui,
    state: &mut NightState,
    evening: NaiveDate,
    last_night: NaiveDate,
    log: Option<&NightLog>,
) {
    let title = tr!("night-title", evening = i18n::short_date(evening), morning = i18n::short_date(next_day(evening)));
    ui.label(RichText::new(title).size(22.0).color(style::accent(ui)));
    ui.horizontal_wrapped(|ui| {
        let oldest = last_night - chrono::TimeDelta::days(OLDEST_DAYS_BACK);
        if ui.add_enabled(evening > oldest, egui::Button::new(t("night-earlier"))).clicked() {
            state.chosen = Some(previous_day(evening));
        }
        if ui.add_enabled(evening < last_night, egui::Button::new(t("night-later"))).clicked() {
            let later = next_day(evening);
            state.chosen = (later < last_night).then_some(later);
        }
        if evening != last_night && ui.button(t("night-last-night")).clicked() {
            state.chosen = None;
        }
    });
    let status = match log.and_then(|log| log.at) {
        Some(at) => tr!("night-logged-at", time = clock(&at), date = i18n::short_date(at.date_naive())),
        None if log.is_some() => String::new(),
        None => t("night-not-logged"),
    };
    if !status.is_empty() {
        ui.label(RichText::new(status).small().color(style::quiet(ui)));
    }
}

/// A yes/no question's answer, from whether its box is ticked.
type YesNoAnswer = fn(bool) -> NightAnswer;

/// The questions; `answer` saves what a click changed.
fn form_ui(
    ui: &mut egui::Ui,
    state: &mut NightState,
    evening: NaiveDate,
    log: Option<&NightLog>,
    answer: &mut impl FnMut(Vec<NightAnswer>),
) {
    let empty = NightLog::default();
    let saved = log.unwrap_or(&empty);
    let typed_note = state.note.as_ref().map(|(_, note)| note.clone()).filter(|note| note.trim() != saved.note);

    // The one click of an ordinary morning: filled with the accent so it is found at once.
    let label = RichText::new(t("night-quiet")).size(18.0).color(ui.visuals().panel_fill);
    let quiet = egui::Button::new(label).fill(style::accent(ui)).min_size(egui::vec2(200.0, 36.0));
    if ui.add(quiet).on_hover_text(t("night-quiet-hint")).clicked() {
        // A note typed but not saved yet goes along rather than being lost.
        let mut answers = NightAnswer::quiet_night();
        answers.extend(typed_note.clone().map(NightAnswer::Note));
        answer(answers);
        state.note = None;
    }
    ui.label(RichText::new(t("night-quiet-hint")).small().color(style::quiet(ui)));
    ui.add_space(8.0);

    let question = ui.label(RichText::new(t("night-falling-asleep")).strong());
    ui.horizontal_wrapped(|ui| {
        radio_group(ui, question.id);
        for (jerks, label) in [
            (Jerks::None, t("night-jerks-none")),
            (Jerks::Few, t("night-jerks-few")),
            (Jerks::Many, t("night-jerks-many")),
        ] {
            if ui.radio(saved.falling_asleep == Some(jerks), label).clicked() {
                answer(vec![NightAnswer::FallingAsleep(Some(jerks))]);
            }
        }
    });
    ui.add_space(4.0);
    let questions: [(bool, String, YesNoAnswer); 6] = [
        (saved.woke_from_jolt, t("night-woke-from-jolt"), NightAnswer::WokeFromJolt),
        (saved.twitch_all_night, t("night-all-night"), NightAnswer::TwitchAllNight),
        (saved.twitch_daytime, t("night-daytime"), NightAnswer::TwitchDaytime),
        (saved.restless_legs, t("night-restless-legs"), NightAnswer::RestlessLegs),
        (saved.partner_saw_movements, t("night-partner"), NightAnswer::PartnerSawMovements),
        (saved.sleep_paralysis, t("night-paralysis"), NightAnswer::SleepParalysis),
    ];
    for (value, label, make) in questions {
        let mut checked = value;
        if ui.checkbox(&mut checked, label).changed() {
            answer(vec![make(checked)]);
        }
    }
    ui.add_space(8.0);

    ui.label(RichText::new(t("night-rested")).strong());
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(t("night-rested-low")).small().color(style::quiet(ui)));
        for score in RESTED_MIN..=RESTED_MAX {
            let chosen = saved.rested_score() == Some(score);
            let button = egui::Button::selectable(chosen, RichText::new(score.to_string()).size(16.0))
                .min_size(egui::vec2(32.0, 28.0));
            if ui.add(button).accessible_name(tr!("night-rested-score", score = score)).clicked() {
                answer(vec![NightAnswer::Rested(Some(score))]);
            }
        }
        ui.label(RichText::new(t("night-rested-high")).small().color(style::quiet(ui)));
    });
    ui.add_space(4.0);
    let question = ui.label(RichText::new(t("night-stress")).strong());
    ui.horizontal_wrapped(|ui| {
        radio_group(ui, question.id);
        for (stress, label) in [
            (Stress::Low, t("night-stress-low")),
            (Stress::Moderate, t("night-stress-some")),
            (Stress::High, t("night-stress-high")),
        ] {
            if ui.radio(saved.stress == Some(stress), label).clicked() {
                answer(vec![NightAnswer::Stress(Some(stress))]);
            }
        }
    });
    ui.add_space(8.0);

    let label = ui.label(RichText::new(t("night-notes")).strong());
    let note = &mut state.note.get_or_insert_with(|| (evening, saved.note.clone())).1;
    let edit = egui::TextEdit::multiline(note)
        .desired_rows(2)
        .desired_width(ui.available_width().min(560.0))
        .hint_text(t("night-notes-hint"));
    let response = ui.add(edit).labelled_by(label.id);
    let changed = note.trim() != saved.note;
    let save_clicked = ui.add_enabled(changed, egui::Button::new(t("night-save-note"))).clicked();
    if changed && (save_clicked || response.lost_focus()) {
        answer(vec![NightAnswer::Note(note.clone())]);
    }
}

/// What the last four weeks of night logs add up to, then the doctor summary.
fn cards_ui(ui: &mut egui::Ui, state: &mut NightState, view: &NightView, actions: &mut Vec<Action>) {
    // Up to last night, whichever night is open above: the cards are about now, and an
    // earlier night chosen to edit must not hide what was logged since.
    findings_ui(ui, &warnings::findings(view.journal, view.last_night), actions);
    ui.add_space(12.0);
    helps_ui(ui, view);
    summary_ui(ui, state, actions);
}

/// The warning cards, the signs logged below a card's threshold, the reassurance or "no
/// sign was logged" (only when none was), and the urgent signs, once.
fn findings_ui(ui: &mut egui::Ui, found: &Findings, actions: &mut Vec<Action>) {
    if !found.cards.is_empty() {
        ui.label(RichText::new(t("warnings-heading")).strong().size(16.0));
        for warning in &found.cards {
            warning_card_ui(ui, warning, actions);
        }
    }
    if !found.below_threshold.is_empty() {
        ui.add(egui::Label::new(RichText::new(signs::below_heading()).strong()).wrap());
        for warning in &found.below_threshold {
            ui.horizontal_top(|ui| {
                ui.label("•");
                ui.add(egui::Label::new(signs::below_threshold(warning)).wrap());
            });
        }
        ui.add(egui::Label::new(RichText::new(signs::below_anytime()).color(style::quiet(ui))).wrap());
        ui.add_space(6.0);
    }
    if !found.later.is_empty() {
        ui.add(egui::Label::new(signs::later(&found.later)).wrap());
    }
    if found.reassurance {
        note_ui(ui, style::accent(ui), &signs::reassurance_title(), &signs::reassurance_text());
    } else if found.says_nothing_logged() {
        ui.add(egui::Label::new(RichText::new(t("night-no-warnings")).color(style::quiet(ui))).wrap());
    }
    ui.add_space(6.0);
    ui.add(egui::Label::new(signs::urgent()).wrap());
}

/// "What helps": the model's comparisons over every logged evening, once each side has
/// enough nights; until then one line says what it is waiting for.
fn helps_ui(ui: &mut egui::Ui, view: &NightView) {
    let found = match view.helps {
        Helps::NothingRecorded => return,
        Helps::Found(found) => found,
        Helps::Reading(progress) => {
            ui.label(RichText::new(t("night-helps-heading")).strong().size(16.0));
            if let Some(progress) = progress {
                super::history::reading_ui(ui, progress);
            }
            ui.add_space(12.0);
            return;
        }
    };
    let sentences: Vec<String> =
        found.iter().flat_map(|comparison| signs::comparison_sentences(comparison, view.routine_file)).collect();
    ui.label(RichText::new(t("night-helps-heading")).strong().size(16.0));
    if sentences.is_empty() {
        let waiting = tr!("night-helps-waiting", nights = helps::MIN_NIGHTS);
        ui.add(egui::Label::new(RichText::new(waiting).color(style::quiet(ui))).wrap());
    } else {
        for sentence in sentences {
            ui.horizontal_top(|ui| {
                ui.label("•");
                ui.add(egui::Label::new(sentence).wrap());
            });
        }
        ui.add(egui::Label::new(RichText::new(signs::comparison_caveat()).small().color(style::quiet(ui))).wrap());
    }
    ui.add_space(12.0);
}

/// One warning: what was logged (the nights), why the article says it matters, and that
/// a doctor should look; calm colours, no alarm.
fn warning_card_ui(ui: &mut egui::Ui, warning: &Warning, actions: &mut Vec<Action>) {
    egui::Frame::new().stroke(egui::Stroke::new(1.0, style::warning(ui))).corner_radius(8.0).inner_margin(12).show(
        ui,
        |ui| {
            ui.set_width(ui.available_width());
            ui.add(egui::Label::new(RichText::new(signs::warning_title(warning.kind)).strong()).wrap());
            ui.add(egui::Label::new(signs::warning_seen(warning)).wrap());
            if let Some(rested) = signs::warning_rested(warning) {
                ui.add(egui::Label::new(rested).wrap());
            }
            ui.add(egui::Label::new(RichText::new(signs::warning_why(warning.kind)).color(style::quiet(ui))).wrap());
            ui.add(egui::Label::new(signs::warning_doctor()).wrap());
            if ui.link(t("night-about")).clicked() {
                actions.push(Action::Show(Screen::AboutSleep));
            }
        },
    );
    ui.add_space(6.0);
}

fn note_ui(ui: &mut egui::Ui, colour: egui::Color32, title: &str, text: &str) {
    egui::Frame::new().stroke(egui::Stroke::new(1.0, colour)).corner_radius(8.0).inner_margin(12).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.add(egui::Label::new(RichText::new(title).strong()).wrap());
        ui.add(egui::Label::new(text).wrap());
    });
}

/// The doctor summary: how many weeks, HTML or CSV, where to, and the button.
fn summary_ui(ui: &mut egui::Ui, state: &mut NightState, actions: &mut Vec<Action>) {
    ui.label(RichText::new(t("night-summary-heading")).strong().size(16.0));
    ui.add(egui::Label::new(RichText::new(t("night-summary-intro")).color(style::quiet(ui))).wrap());
    ui.horizontal_wrapped(|ui| {
        ui.label(t("night-summary-weeks"));
        for weeks in MIN_WEEKS..=MAX_WEEKS {
            let name = tr!("night-summary-weeks-choice", weeks = weeks);
            if ui.radio(state.summary.weeks == weeks, weeks.to_string()).accessible_name(name).clicked() {
                state.summary.weeks = weeks;
            }
        }
    });
    ui.horizontal_wrapped(|ui| {
        let before = state.summary.format;
        ui.radio_value(&mut state.summary.format, Format::Html, t("night-summary-html"));
        ui.radio_value(&mut state.summary.format, Format::Csv, t("night-summary-csv"));
        if state.summary.format != before {
            state.summary.path = with_extension(&state.summary.path, state.summary.format.extension());
        }
    });
    let label = ui.label(t("night-summary-path"));
    let field = egui::TextEdit::singleline(&mut state.summary.path).desired_width(ui.available_width().min(520.0));
    ui.add(field).labelled_by(label.id);
    let path = state.summary.path.trim();
    if ui.add_enabled(!path.is_empty(), egui::Button::new(t("night-summary-save"))).clicked() {
        let (weeks, format) = (state.summary.weeks, state.summary.format);
        actions.push(Action::SaveSummary { path: std::path::PathBuf::from(path), weeks, format });
    }
}

/// `path` with its extension replaced (the format changed).
fn with_extension(path: &str, extension: &str) -> String {
    std::path::Path::new(path).with_extension(extension).display().to_string()
}
