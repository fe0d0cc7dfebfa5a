//! Small pieces the screens share: banners, clock-time fields, due-time labels.

use chrono::NaiveTime;
use eframe::egui;

use super::action::Action;
use super::banners::{Banner, BannerKind};
use super::style;
use crate::i18n::t;
use crate::model::time::{hhmm, parse_clock};

/// One banner; `index` is `None` for banners that cannot be dismissed (read-only files).
pub fn banner_ui(ui: &mut egui::Ui, banner: &Banner, index: Option<usize>, actions: &mut Vec<Action>) {
    let colour = match banner.kind {
        BannerKind::Info => style::accent(ui),
        BannerKind::Warning => style::warning(ui),
        BannerKind::Error => style::error(ui),
    };
    egui::Frame::new()
        .stroke(egui::Stroke::new(1.0, colour))
        .corner_radius(6.0)
        .inner_margin(egui::Margin::symmetric(10, 6))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal_wrapped(|ui| {
                ui.label(egui::RichText::new(&banner.message).color(colour));
                if banner.undo && ui.button(t("ui-undo")).clicked() {
                    actions.push(Action::Undo);
                }
                if let Some(folder) = &banner.folder
                    && ui.button(t("ui-open-folder")).clicked()
                {
                    actions.push(Action::OpenFolder(folder.clone()));
                }
                if let Some(index) = index
                    && ui.button(t("ui-dismiss")).clicked()
                {
                    actions.push(Action::DismissBanner(index));
                }
            });
        });
    ui.add_space(4.0);
}

/// A text field for a clock time, labelled for screen readers and tests.
///
/// Returns the time when the user finished typing a valid one (Enter or leaving the field);
/// "22:30" and the 12-hour "10:30 pm" are both understood.
pub fn time_field(ui: &mut egui::Ui, label: &str, text: &mut String) -> Option<NaiveTime> {
    time_field_named(ui, label, None, text)
}

/// [`time_field`] whose accessible name differs from its visible label (a weekday's
/// row shows "Bedtime" but is read as "Monday bedtime").
pub fn time_field_named(ui: &mut egui::Ui, label: &str, name: Option<&str>, text: &mut String) -> Option<NaiveTime> {
    let label = ui.label(label);
    let valid = parse_clock(text).is_some();
    let mut edit = egui::TextEdit::singleline(text).desired_width(64.0).hint_text(t("ui-time-hint"));
    if !valid {
        edit = edit.text_color(style::error(ui));
    }
    let mut response = ui.add(edit).labelled_by(label.id);
    if let Some(name) = name {
        response = response.accessible_name(name);
    }
    if !valid && !response.has_focus() {
        // Says why beside the field, wrapping rather than running off a narrow window.
        ui.add(egui::Label::new(egui::RichText::new(t("ui-time-invalid")).small().color(style::error(ui))).wrap());
    }
    if !response.lost_focus() {
        return None;
    }
    let time = parse_clock(text)?;
    // "10pm" reads back as "22:00", the way the rest of the app shows times.
    *text = hhmm(time);
    Some(time)
}

/// A moment as the 24-hour clock shows it, in every language: "21:05".
/// `text` as a screen reader should say it: without the leading mark (√ • ! –) that the
/// screen shows for those who can see it, which a reader says as a symbol ("square root").
pub fn spoken(text: &str) -> String {
    text.trim_start_matches(['√', '•', '!', '–']).trim_start().to_owned()
}

/// Gives `ui` the role of a radio group named by the question `label`, so a screen reader
/// says the question with each option ("None, radio button" alone says nothing).
pub fn radio_group(ui: &egui::Ui, label: egui::Id) {
    ui.ctx().accesskit_node_builder(ui.unique_id(), |node| {
        node.set_role(egui::accesskit::Role::RadioGroup);
        node.push_labelled_by(label.accesskit_id());
    });
}

pub fn clock<Tz: chrono::TimeZone>(at: &chrono::DateTime<Tz>) -> String {
    hhmm(at.naive_local().time())
}

/// A step in a preview of the evening: its time, then its title (and `note`, small)
/// wrapping beside the time, so a long title never runs off the side.
pub fn timeline_row<Tz: chrono::TimeZone>(
    ui: &mut egui::Ui,
    due: &chrono::DateTime<Tz>,
    title: &str,
    note: Option<String>,
) {
    ui.horizontal(|ui| {
        ui.label(egui::RichText::new(clock(due)).monospace());
        let mut job = egui::text::LayoutJob::default();
        let (style, align) = (ui.style().clone(), egui::Align::Center);
        egui::RichText::new(title).append_to(&mut job, &style, egui::FontSelection::Default, align);
        if let Some(note) = note {
            let note = egui::RichText::new(format!("  {note}")).small().weak();
            note.append_to(&mut job, &style, egui::FontSelection::Default, align);
        }
        ui.add(egui::Label::new(job).wrap());
    });
}

/// The text a time field starts with.
pub fn time_text(time: NaiveTime) -> String {
    hhmm(time)
}

/// The humidity field with its Save button, as Tonight and History both show it: the
/// reading as typed (so the caller can say why it is refused), and `Some(value)` in the
/// frame it is saved (Save, or Enter in the field), the field then emptied.
pub fn humidity_field_ui(
    ui: &mut egui::Ui,
    text: &mut String,
    accessible_name: Option<String>,
) -> (Result<f64, crate::use_cases::input::Unreadable>, Option<f64>) {
    let label = ui.label(t("ui-humidity"));
    let mut response = ui.add(egui::TextEdit::singleline(text).desired_width(56.0)).labelled_by(label.id);
    if let Some(name) = accessible_name {
        response = response.accessible_name(name);
    }
    let typed = crate::use_cases::input::typed_value(crate::model::ValueKind::HumidityPercent, text);
    let valid = typed.ok();
    let enter = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
    let save = ui.add_enabled(valid.is_some(), egui::Button::new(t("ui-humidity-save")));
    let saved = valid.filter(|_| save.clicked() || enter);
    if saved.is_some() {
        text.clear();
    }
    (typed, saved)
}

/// How wide `text` is on one line in `style`, as egui lays it out.
pub fn text_width(ui: &egui::Ui, text: &str, style: egui::TextStyle) -> f32 {
    let galley = egui::WidgetText::from(text).into_galley(ui, Some(egui::TextWrapMode::Extend), f32::INFINITY, style);
    galley.size().x
}

/// The width of a button showing `text` (rows keep room for their buttons with it).
pub fn button_width(ui: &egui::Ui, text: &str) -> f32 {
    text_width(ui, text, egui::TextStyle::Button) + 2.0 * ui.spacing().button_padding.x
}

/// The width a scrolled page may use: egui's scroll bar floats over the content, so
/// rows stop short of it (else a row's last button or word runs under it).
pub fn width_beside_scroll_bar(ui: &egui::Ui) -> f32 {
    let scroll = &ui.spacing().scroll;
    ui.available_width() - (scroll.bar_width + scroll.bar_outer_margin + scroll.bar_inner_margin)
}
