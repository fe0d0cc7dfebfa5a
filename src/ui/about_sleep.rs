//! The information screen: what twitches at sleep onset are, why they happen, how the
//! routine helps and when a doctor should look, in our own words from the article.
//!
//! Why it exists: the night log and its warning cards say "a doctor should look at this";
//! the user deserves the calm background to that sentence (what the twitches are, their
//! kinds, in pregnancy and in children), the article's urgent signs in one line, and a
//! plain note that the app gives information, never a diagnosis. Reached from Tonight and
//! from the night log; it only draws and asks to go back.

use eframe::egui::{self, RichText};

use super::action::Action;
use super::screen::Screen;
use super::style;
use crate::i18n::{signs, t};

/// The widest the text runs, so lines stay readable in a wide window.
const TEXT_WIDTH: f32 = 720.0;

pub fn about_sleep_ui(ui: &mut egui::Ui, back: Screen, actions: &mut Vec<Action>) {
    ui.set_max_width(ui.available_width().min(TEXT_WIDTH));
    ui.horizontal(|ui| {
        if ui.button(format!("‹ {}", t("about-back"))).accessible_name(t("about-back")).clicked() {
            actions.push(Action::Show(back));
        }
    });
    ui.add_space(4.0);
    ui.heading(t("about-title"));
    ui.add_space(6.0);
    // The reassurance first: most people who open this have the harmless kind. The urgent
    // signs follow "when to see a doctor", framed apart so they cannot be missed there.
    section_ui(ui, &t("about-what-heading"), &t("about-what"));
    section_ui(ui, &t("about-kinds-heading"), &t("about-kinds"));
    ui.label(RichText::new(t("about-why-heading")).strong());
    ui.label(t("about-why-intro"));
    for reason in [
        t("about-why-brain"),
        t("about-why-phases"),
        t("about-why-stress"),
        t("about-why-potassium"),
        t("about-why-tic"),
        t("about-why-exertion"),
    ] {
        ui.horizontal_top(|ui| {
            ui.label("•");
            ui.add(egui::Label::new(reason).wrap());
        });
    }
    ui.add_space(8.0);
    section_ui(ui, &t("about-pregnancy-heading"), &t("about-pregnancy"));
    section_ui(ui, &t("about-children-heading"), &t("about-children"));
    section_ui(ui, &t("about-helps-heading"), &t("about-helps"));
    section_ui(ui, &t("about-doctor-heading"), &signs::about_doctor());
    // The warning colour of the cards, not an error's red: calm, and it is no error.
    callout_ui(ui, style::warning(ui), &t("about-urgent"));
    ui.add_space(8.0);
    callout_ui(ui, style::accent(ui), &t("about-not-advice"));
    ui.add_space(6.0);
    ui.label(RichText::new(t("about-source")).small().color(style::quiet(ui)));
}

fn section_ui(ui: &mut egui::Ui, heading: &str, text: &str) {
    ui.label(RichText::new(heading).strong());
    ui.add(egui::Label::new(text).wrap());
    ui.add_space(8.0);
}

/// A framed line in `colour`: the urgent signs, the not-medical-advice note.
fn callout_ui(ui: &mut egui::Ui, colour: egui::Color32, text: &str) {
    egui::Frame::new().stroke(egui::Stroke::new(1.0, colour)).corner_radius(6.0).inner_margin(10).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.add(egui::Label::new(RichText::new(text).color(colour)).wrap());
    });
}
