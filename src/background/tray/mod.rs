//! The reminder service's tray icon: a moon in the panel, through the StatusNotifierItem
//! D-Bus protocol (KDE, XFCE, Cinnamon, most panels; GNOME with the AppIndicator
//! extension), served by `ksni` (pure Rust, no GTK).
//!
//! The icon tells at a glance whether reminders are on (a pale moon) or paused or off (a
//! grey moon with a pause mark); both are drawn here with a dark outline, so they read on
//! dark and light panels alike. The tooltip names the next reminder and its time. The menu
//! does what the window does, with the same `Change`s through the use cases: open the
//! checklist, Done for the step due now, Snooze, pause or resume tonight, quit.
//!
//! [`TrayView`] and [`changes`] are pure (the files and `now` in, values out), so what
//! each menu entry does is tested without a tray host. Where no tray host runs, the service
//! goes on without the icon and says so once in its log.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

use chrono::{DateTime, Local, TimeZone};

use crate::i18n::t;
use crate::model::{Journal, ReminderLog, RoutineFile};
use crate::remind::events::{Control, ControlSender, log_line};
use crate::use_cases::{Coach, Fingerprint, Loaded, Paths, StoreError};

mod view;

pub use view::{TrayAction, TrayView, changes, menu_entries};

/// What the tray shows and acts on, whichever icon shows it (the StatusNotifierItem
/// here, or the system's own, `platform::tray_icon`).
#[derive(Clone)]
struct TrayState {
    view: TrayView,
    paths: Paths,
    /// Wakes the reminder loop after a change (it re-reads the files at once).
    control: Option<ControlSender>,
    /// The program that opens the window (this one); `None` opens nothing (tests).
    window_program: Option<PathBuf>,
}

/// The tray item the service serves on the session bus.
struct ServiceTray {
    state: TrayState,
    icons: [Vec<ksni::Icon>; 2],
    /// The missing tray host is logged once, not at every watcher change.
    said_offline: AtomicBool,
}

impl ServiceTray {
    fn act(&mut self, action: TrayAction) {
        if self.state.act(action) {
            // The owner lock goes with the process; reminders are off in Settings, so no
            // window starts the service again until they are turned back on.
            std::process::exit(0);
        }
    }
}

impl TrayState {
    /// Does what the menu entry asks; `true` when the service must end now (Quit).
    fn act(&mut self, action: TrayAction) -> bool {
        let now = Local::now();
        if action == TrayAction::Open {
            if let Some(program) = &self.window_program
                && let Err(error) = Coach::at(self.paths.clone()).open_window(program, None)
            {
                log_line(&error.to_string());
            }
            return false;
        }
        let coach = Coach::at(self.paths.clone());
        for change in changes(&self.view, action, now.fixed_offset()) {
            if let Err(error) = coach.apply(change) {
                log_line(&error.to_string());
            }
        }
        keep_file_notices(&coach);
        log_line(&format!("Tray: {action:?}"));
        if action == TrayAction::Quit {
            return true;
        }
        if let Some(control) = &self.control {
            let _ = control.send(Control::Wake);
        }
        if let Ok(Some(view)) = load_view(&coach, &now) {
            self.view = view;
        }
        false
    }
}

impl ksni::Tray for ServiceTray {
    fn id(&self) -> String {
        "bedtime-coach".to_owned()
    }

    fn title(&self) -> String {
        t("ui-app-name")
    }

    fn category(&self) -> ksni::Category {
        ksni::Category::ApplicationStatus
    }

    fn icon_pixmap(&self) -> Vec<ksni::Icon> {
        self.icons[usize::from(self.state.view.active())].clone()
    }

    fn tool_tip(&self) -> ksni::ToolTip {
        ksni::ToolTip {
            title: t("ui-app-name"),
            description: self.state.view.tooltip(),
            icon_name: String::new(),
            icon_pixmap: Vec::new(),
        }
    }

    /// A click on the moon opens the checklist.
    fn activate(&mut self, _x: i32, _y: i32) {
        self.act(TrayAction::Open);
    }

    fn menu(&self) -> Vec<ksni::MenuItem<Self>> {
        use ksni::menu::StandardItem;
        menu_entries(&self.state.view)
            .into_iter()
            .map(|entry| match entry {
                None => ksni::MenuItem::Separator,
                Some((action, label, enabled)) => StandardItem {
                    label,
                    enabled,
                    activate: Box::new(move |tray: &mut Self| tray.act(action)),
                    ..Default::default()
                }
                .into(),
            })
            .collect()
    }

    fn watcher_online(&self) {
        if self.said_offline.swap(false, Ordering::Relaxed) {
            log_line("A tray host appeared: the tray icon is shown.");
        }
    }

    fn watcher_offline(&self, _reason: ksni::OfflineReason) -> bool {
        if !self.said_offline.swap(true, Ordering::Relaxed) {
            log_line(
                "No tray host on this desktop (no StatusNotifierWatcher on the session bus): \
                 reminders go on without a tray icon. On GNOME the AppIndicator extension adds one.",
            );
        }
        // Keep waiting: a panel started after the service (at login) shows the icon then.
        true
    }
}

/// The view from the files; `None` when there is no evening to show (a clock far off).
fn load_view<Tz: TimeZone>(coach: &Coach, now: &DateTime<Tz>) -> Result<Option<TrayView>, StoreError> {
    let today = now.date_naive();
    let (Some(before), Some(after)) = (today.pred_opt(), today.succ_opt()) else { return Ok(None) };
    let snapshot = coach.load_near(before..=after)?;
    let log = coach.reminder_log()?.value;
    keep_file_notices(coach);
    Ok(Some(TrayView::at(&snapshot.routine_file, &snapshot.journal.value, &log, now)))
}

/// The tray reads the files with a store of its own, so a damaged file it happens to find
/// first (and moves aside) would otherwise go unsaid: its notice is kept in the reminder
/// log, as the reminder loop keeps its own, for the next window to show once.
fn keep_file_notices(coach: &Coach) {
    match coach.keep_notices_for_window() {
        Ok(messages) => messages.iter().for_each(|message| log_line(message)),
        Err(error) => log_line(&error.to_string()),
    }
}

/// How the service asks the tray to look at the files again.
pub type TrayWake = Sender<()>;

/// The longest the tray waits before it looks at the clock again (a step falling due, a
/// resume from suspend); a look that finds the files unchanged reads nothing.
const TRAY_LOOK_EVERY: Duration = Duration::from_secs(60);

/// Shows the tray icon and keeps it current; returns how to wake it after the files
/// changed. `None` when there is no session bus, or no tray on this system (said in
/// the log): the service runs on without a tray.
pub fn start(paths: &Paths, control: Option<ControlSender>, window_program: Option<PathBuf>) -> Option<TrayWake> {
    use ksni::blocking::TrayMethods as _;
    if let Err(unavailable) = crate::platform::available(crate::platform::Concern::Tray) {
        log_line(&unavailable.to_string());
        return None;
    }
    let coach = Coach::at(paths.clone());
    let view = match load_view(&coach, &Local::now()) {
        Ok(Some(view)) => view,
        // The reminder loop reports file problems; the tray waits for readable files.
        _ => return None,
    };
    let state = TrayState { view, paths: paths.clone(), control, window_program };
    let icons = [icon::moon(false), icon::moon(true)];
    let update: Box<dyn Fn(TrayView) -> bool + Send> = match system_icon(state, &icons) {
        Err(state) => {
            let tray = ServiceTray { state: *state, icons, said_offline: AtomicBool::new(false) };
            let handle = match tray.assume_sni_available(true).spawn() {
                Ok(handle) => handle,
                Err(error) => {
                    log_line(&format!("No tray icon: {error}. Reminders go on without it."));
                    return None;
                }
            };
            Box::new(move |view| {
                let updated = handle.update(|tray| {
                    if tray.state.view != view {
                        tray.state.view = view;
                    }
                });
                updated.is_some()
            })
        }
        Ok(Err(error)) => {
            log_line(&format!("No tray icon: {error}. Reminders go on without it."));
            return None;
        }
        Ok(Ok(update)) => update,
    };
    let (wake, woken) = mpsc::channel();
    let spawned = thread::Builder::new()
        .name("bedtime-coach-tray-look".to_owned())
        .spawn(move || keep_current(&coach, update.as_ref(), &woken));
    if let Err(error) = spawned {
        log_line(&error.to_string());
    }
    Some(wake)
}

/// The system's own tray icon where it has one (Windows), showing `state`: how to hand
/// it a new view (`false` once the icon has gone). `Err(state)` where the tray is the
/// StatusNotifierItem on the session bus.
#[allow(clippy::type_complexity, reason = "used once, right here")]
fn system_icon(
    state: TrayState,
    icons: &[Vec<ksni::Icon>; 2],
) -> Result<Result<Box<dyn Fn(TrayView) -> bool + Send>, String>, Box<TrayState>> {
    use crate::platform::tray_icon;
    let images = icons
        .clone()
        .map(|sizes| sizes.into_iter().map(|icon| tray_icon::Image { size: icon.width, argb: icon.data }).collect());
    let state = Arc::new(Mutex::new(state));
    let events = SystemTrayEvents { state: Arc::clone(&state), menu: Vec::new() };
    match tray_icon::show(Box::new(events), images) {
        // The events were dropped with the refusal, so the state is ours alone again.
        None => Err(Box::new(Arc::try_unwrap(state).map_or_else(|shared| lock(&shared).clone(), lock_owned))),
        Some(Err(error)) => Ok(Err(error)),
        Some(Ok(icon)) => Ok(Ok(Box::new(move |view| {
            lock(&state).view = view;
            icon.refresh()
        }))),
    }
}

fn lock(state: &Mutex<TrayState>) -> std::sync::MutexGuard<'_, TrayState> {
    state.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

fn lock_owned(state: Mutex<TrayState>) -> TrayState {
    state.into_inner().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// The system's tray icon's side of the menu: the same entries and actions as the
/// StatusNotifierItem's ([`menu_entries`]).
struct SystemTrayEvents {
    state: Arc<Mutex<TrayState>>,
    /// The actions of the menu last shown, by entry.
    menu: Vec<Option<TrayAction>>,
}

impl crate::platform::tray_icon::TrayEvents for SystemTrayEvents {
    fn look(&mut self) -> crate::platform::tray_icon::Look {
        let state = lock(&self.state);
        crate::platform::tray_icon::Look { active: state.view.active(), tooltip: state.view.tooltip() }
    }

    fn menu(&mut self) -> Vec<Option<(String, bool)>> {
        let entries = menu_entries(&lock(&self.state).view);
        self.menu = entries.iter().map(|entry| entry.as_ref().map(|(action, ..)| *action)).collect();
        entries.into_iter().map(|entry| entry.map(|(_, label, enabled)| (label, enabled))).collect()
    }

    fn clicked(&mut self) {
        lock(&self.state).act(TrayAction::Open);
    }

    fn chose(&mut self, index: usize) -> bool {
        match self.menu.get(index).copied().flatten() {
            Some(action) => lock(&self.state).act(action),
            None => false,
        }
    }
}

/// Re-reads the files when woken (they changed) and recomputes the view at least every
/// [`TRAY_LOOK_EVERY`]; `update` hands the icon a view only when something it shows
/// changed, and says `false` once the icon has gone.
fn keep_current(coach: &Coach, update: &(dyn Fn(TrayView) -> bool + Send), woken: &Receiver<()>) {
    let mut cache: Option<(Fingerprint, Loaded<RoutineFile>, Journal, ReminderLog)> = None;
    // What the tray shows: handed over only when it changes, so an idle minute costs no
    // bus traffic (ksni compares and signals on every update).
    let mut shown: Option<TrayView> = None;
    loop {
        match woken.recv_timeout(TRAY_LOOK_EVERY) {
            Err(RecvTimeoutError::Disconnected) => return,
            Ok(()) | Err(RecvTimeoutError::Timeout) => {}
        }
        let now = Local::now();
        let fingerprint = coach.files_fingerprint();
        if cache.as_ref().is_none_or(|(seen, ..)| *seen != fingerprint) {
            let today = now.date_naive();
            let (Some(before), Some(after)) = (today.pred_opt(), today.succ_opt()) else { continue };
            let loaded = (coach.load_near(before..=after), coach.reminder_log());
            keep_file_notices(coach);
            let (Ok(snapshot), Ok(log)) = loaded else { continue };
            cache = Some((fingerprint, snapshot.routine_file, snapshot.journal.value, log.value));
        }
        let Some((_, routine_file, journal, log)) = &cache else { continue };
        let view = TrayView::at(routine_file, journal, log, &now);
        if shown.as_ref() == Some(&view) {
            continue;
        }
        shown = Some(view.clone());
        if !update(view) {
            return; // The tray ended.
        }
    }
}

/// The moon, drawn in code at the sizes panels ask for.
mod icon {
    /// Pale moon, grey moon, and the outline that keeps both legible on any panel.
    const PALE: [u8; 3] = [0xf4, 0xe9, 0xc8];
    const GREY: [u8; 3] = [0x9a, 0xa0, 0xa6];
    const OUTLINE: [u8; 3] = [0x1f, 0x2a, 0x4d];
    const SIZES: [i32; 6] = [16, 22, 24, 32, 48, 64];
    /// Samples per pixel along each axis, for smooth edges.
    const SAMPLES: i32 = 4;

    /// What a point (in units of the icon's size, 0..1) is part of.
    fn paint(x: f32, y: f32, line: f32, active: bool) -> Option<[u8; 3]> {
        let inside = |cx: f32, cy: f32, r: f32| (x - cx).powi(2) + (y - cy).powi(2) <= r * r;
        // A crescent: a disc with a smaller one cut out of its upper right.
        let (outer, cut) = ((0.46, 0.52, 0.40), (0.66, 0.36, 0.33));
        if !active {
            // Two bars, lower right: paused.
            let bar = |left: f32| (left..=left + 0.09).contains(&x) && (0.56..=0.94).contains(&y);
            let bar_line =
                |left: f32| (left - line..=left + 0.09 + line).contains(&x) && (0.56 - line..=0.94 + line).contains(&y);
            if bar(0.70) || bar(0.85) {
                return Some(GREY);
            }
            if bar_line(0.70) || bar_line(0.85) {
                return Some(OUTLINE);
            }
        }
        if inside(outer.0, outer.1, outer.2 - line) && !inside(cut.0, cut.1, cut.2 + line) {
            return Some(if active { PALE } else { GREY });
        }
        if inside(outer.0, outer.1, outer.2) && !inside(cut.0, cut.1, cut.2) {
            return Some(OUTLINE);
        }
        None
    }

    /// One size: ARGB32, big-endian, as the StatusNotifierItem spec wants.
    fn draw(size: i32, active: bool) -> ksni::Icon {
        let scale = size as f32;
        // At least one pixel of outline, a little more on large icons.
        let line = (1.3 / scale).max(0.06);
        let mut data = Vec::with_capacity((size * size * 4) as usize);
        for py in 0..size {
            for px in 0..size {
                let mut sum = [0u32; 4];
                for sy in 0..SAMPLES {
                    for sx in 0..SAMPLES {
                        let x = (px as f32 + (sx as f32 + 0.5) / SAMPLES as f32) / scale;
                        let y = (py as f32 + (sy as f32 + 0.5) / SAMPLES as f32) / scale;
                        if let Some(rgb) = paint(x, y, line, active) {
                            sum[0] += 255;
                            for (total, channel) in sum[1..].iter_mut().zip(rgb) {
                                *total += u32::from(channel);
                            }
                        }
                    }
                }
                let covered = sum[0] / 255;
                let alpha = sum[0] / (SAMPLES * SAMPLES) as u32;
                data.push(u8::try_from(alpha).unwrap_or(u8::MAX));
                for total in &sum[1..] {
                    let channel = total.checked_div(covered).unwrap_or(0);
                    data.push(u8::try_from(channel).unwrap_or(u8::MAX));
                }
            }
        }
        ksni::Icon { width: size, height: size, data }
    }

    /// The moon at every size, pale (`active`) or grey with the pause mark.
    pub(super) fn moon(active: bool) -> Vec<ksni::Icon> {
        SIZES.iter().map(|size| draw(*size, active)).collect()
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        fn pixel(icon: &ksni::Icon, x: i32, y: i32) -> [u8; 4] {
            let at = ((y * icon.width + x) * 4) as usize;
            icon.data[at..at + 4].try_into().unwrap()
        }

        #[test]
        fn the_moon_has_a_pale_body_a_dark_outline_and_a_clear_background() {
            for (icon, size) in moon(true).iter().zip(SIZES) {
                assert_eq!((icon.width, icon.height), (size, size));
                assert_eq!(icon.data.len(), (size * size * 4) as usize);
                assert_eq!(pixel(icon, 0, 0)[0], 0, "transparent corner at {size}");
                let opaque: Vec<[u8; 4]> =
                    (0..size * size).map(|i| pixel(icon, i % size, i / size)).filter(|p| p[0] == 255).collect();
                // Both the pale body and the dark outline are there: legible on any panel.
                assert!(opaque.iter().any(|p| p[1..] == PALE), "no pale body at {size}");
                assert!(opaque.iter().any(|p| p[1..] == OUTLINE), "no outline at {size}");
            }
        }

        #[test]
        fn paused_is_grey_with_a_pause_mark_and_differs_from_active() {
            for (paused, active) in moon(false).iter().zip(moon(true)) {
                assert_ne!(paused.data, active.data);
                assert!(!paused.data.chunks(4).any(|p| p[0] == 255 && p[1..] == PALE), "paused has no pale pixel");
                assert!(paused.data.chunks(4).any(|p| p[0] == 255 && p[1..] == GREY));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n;
    use crate::model::reminders::{BEDTIME_KEY, LogEntry, LogOutcome};
    use crate::model::time::clock;
    use crate::model::{Outcome, Settings};
    use crate::store::Store;
    use crate::use_cases::Change;
    use chrono_tz::Europe::Berlin;

    fn setup(dir: &std::path::Path) -> Store {
        let store = Store::new(Paths::in_dir(dir));
        store
            .update_routine_file(|routine_file| {
                routine_file.schedule.set(Some(clock(22, 30)), Some(clock(6, 30)), &[]).unwrap();
                Ok::<_, crate::store::StoreError>(())
            })
            .unwrap();
        store
    }

    fn at(h: u32, m: u32) -> DateTime<chrono_tz::Tz> {
        Berlin.with_ymd_and_hms(2026, 11, 26, h, m, 0).unwrap()
    }

    fn view_at(store: &Store, now: &DateTime<chrono_tz::Tz>) -> TrayView {
        load_view(&Coach::at(store.paths().clone()), now).unwrap().unwrap()
    }

    fn apply(store: &Store, view: &TrayView, action: TrayAction, now: &DateTime<chrono_tz::Tz>) {
        for change in changes(view, action, now.fixed_offset()) {
            change.apply(store).unwrap();
        }
    }

    #[test]
    fn the_tooltip_names_the_next_reminder_and_its_time() {
        let dir = tempfile::tempdir().unwrap();
        let store = setup(dir.path());
        let view = view_at(&store, &at(20, 50));
        assert_eq!(view.tooltip(), "Next: Warm bath at 21:00");
        assert!(view.active());
        assert_eq!(view.evening, at(20, 50).date_naive());
        let ru = i18n::with_language(i18n::Language::Russian, || view_at(&store, &at(20, 50)).tooltip());
        assert_eq!(ru, "Дальше: Тёплая ванна в 21:00");
    }

    #[test]
    fn done_checks_the_step_due_now_like_tonights_done_button() {
        let dir = tempfile::tempdir().unwrap();
        let store = setup(dir.path());
        let now = at(21, 5);
        let before = view_at(&store, &now);
        // Everything before the bath (18:30 and earlier) is done; the bath is due now.
        for step in ["caffeine-cutoff", "no-alcohol-tobacco", "mineral-dinner", "daytime-movement", "calm-evening"] {
            let check = Change::Check {
                evening: before.evening,
                step: step.to_owned(),
                outcome: Outcome::Done,
                value: None,
                at: now.fixed_offset(),
            };
            check.apply(&store).unwrap();
        }
        let view = view_at(&store, &now);
        assert_eq!(view.due_now, Some(("warm-bath".to_owned(), "Warm bath".to_owned())));
        let expected = vec![Change::Check {
            evening: view.evening,
            step: "warm-bath".to_owned(),
            outcome: Outcome::Done,
            value: None,
            at: now.fixed_offset(),
        }];
        assert_eq!(changes(&view, TrayAction::Done, now.fixed_offset()), expected);
        apply(&store, &view, TrayAction::Done, &now);
        let journal = store.load_journal().unwrap().value;
        assert_eq!(journal.check_in(view.evening, "warm-bath").unwrap().outcome, Outcome::Done);
        // Nothing due before its time: the entry is greyed out and does nothing.
        let early = view_at(&store, &at(21, 6));
        let entries = menu_entries(&early);
        assert!(entries.contains(&Some((TrayAction::Done, "Done (no step is due now)".to_owned(), false))));
        assert!(changes(&early, TrayAction::Done, at(21, 6).fixed_offset()).is_empty());
    }

    #[test]
    fn pause_and_resume_are_the_windows_pause_tonight() {
        let dir = tempfile::tempdir().unwrap();
        let store = setup(dir.path());
        let now = at(20, 0);
        let view = view_at(&store, &now);
        assert!(menu_entries(&view).contains(&Some((
            TrayAction::PauseTonight,
            "Pause reminders tonight".to_owned(),
            true
        ))));
        assert_eq!(
            changes(&view, TrayAction::PauseTonight, now.fixed_offset()),
            vec![Change::PauseReminders { evening: view.evening, paused: true }]
        );
        apply(&store, &view, TrayAction::PauseTonight, &now);
        let paused = view_at(&store, &now);
        assert!(paused.paused && !paused.active());
        assert_eq!(paused.tooltip(), "Reminders are paused tonight.");
        assert!(menu_entries(&paused).contains(&Some((
            TrayAction::Resume,
            "Resume reminders tonight".to_owned(),
            true
        ))));
        apply(&store, &paused, TrayAction::Resume, &now);
        assert!(!store.load_reminders().unwrap().value.is_paused(view.evening));
    }

    #[test]
    fn snooze_brings_back_the_last_notification_like_its_snooze_button() {
        let dir = tempfile::tempdir().unwrap();
        let store = setup(dir.path());
        let now = at(22, 32);
        let evening = at(22, 30).date_naive();
        // The bedtime reminder was shown at 22:30; the bath reminder earlier.
        store
            .update_reminders(|log| {
                let sent = &mut log.evenings.entry(evening).or_default().sent;
                let bath = LogEntry::new(LogOutcome::Fired, at(21, 0).fixed_offset(), at(21, 0).fixed_offset());
                sent.insert("warm-bath".to_owned(), bath);
                let bed = LogEntry::new(LogOutcome::Fired, at(22, 30).fixed_offset(), at(22, 30).fixed_offset());
                sent.insert(BEDTIME_KEY.to_owned(), bed);
                Ok::<_, crate::store::StoreError>(())
            })
            .unwrap();
        let view = view_at(&store, &now);
        assert_eq!(view.snooze, vec![(evening, BEDTIME_KEY.to_owned())]);
        assert!(menu_entries(&view).contains(&Some((TrayAction::Snooze, "Snooze 10 min".to_owned(), true))));
        apply(&store, &view, TrayAction::Snooze, &now);
        let log = store.load_reminders().unwrap().value;
        let snooze = &log.evening(evening).unwrap().snoozed[BEDTIME_KEY];
        assert_eq!(snooze.until, at(22, 42).fixed_offset());
        assert!(!snooze.settled);
    }

    #[test]
    fn quit_turns_reminders_off_and_turn_on_brings_them_back() {
        let dir = tempfile::tempdir().unwrap();
        let store = setup(dir.path());
        let now = at(19, 0);
        let view = view_at(&store, &now);
        apply(&store, &view, TrayAction::Quit, &now);
        let routine_file = store.load_routine_file().unwrap().value;
        assert!(!routine_file.settings.reminders);
        // Everything else in Settings is kept.
        assert_eq!(Settings { reminders: true, ..routine_file.settings.clone() }, view.settings);
        let off = view_at(&store, &now);
        assert_eq!(off.tooltip(), "Reminders are off.");
        assert!(!off.active());
        assert!(menu_entries(&off).contains(&Some((TrayAction::TurnOn, "Turn reminders on".to_owned(), true))));
        apply(&store, &off, TrayAction::TurnOn, &now);
        assert!(store.load_routine_file().unwrap().value.settings.reminders);
    }

    /// The system tray icon's side (Windows), driven as its window procedure drives it:
    /// the look, the menu as it opens, a choice by position.
    #[test]
    fn the_system_icon_shows_the_same_menu_and_its_choices_do_the_same() {
        use crate::platform::tray_icon::{Look, TrayEvents};
        let dir = tempfile::tempdir().unwrap();
        let store = setup(dir.path());
        let now = Local::now();
        let view = load_view(&Coach::at(store.paths().clone()), &now).unwrap().unwrap();
        let state = TrayState { view: view.clone(), paths: store.paths().clone(), control: None, window_program: None };
        let mut events = SystemTrayEvents { state: Arc::new(Mutex::new(state)), menu: Vec::new() };
        assert_eq!(events.look(), Look { active: true, tooltip: view.tooltip() });
        let menu = events.menu();
        let expected: Vec<Option<(String, bool)>> =
            menu_entries(&view).into_iter().map(|entry| entry.map(|(_, label, enabled)| (label, enabled))).collect();
        assert_eq!(menu, expected);
        let pause =
            menu.iter().position(|entry| entry.as_ref().is_some_and(|(label, _)| label.contains("Pause"))).unwrap();
        assert!(!events.chose(pause), "pausing does not end the service");
        assert!(store.load_reminders().unwrap().value.is_paused(view.evening));
        // The state follows the files: the icon greys and the entry now resumes.
        assert!(!events.look().active);
        assert!(events.menu()[pause].as_ref().is_some_and(|(label, _)| label.starts_with("Resume")));
        // A separator or a position past the end does nothing.
        let separator = menu.iter().position(Option::is_none).unwrap();
        assert!(!events.chose(separator));
        assert!(!events.chose(99));
        // Quit turns reminders off and asks the icon to end the process.
        let quit = menu.len() - 1;
        assert!(events.chose(quit));
        assert!(!store.load_routine_file().unwrap().value.settings.reminders);
    }

    #[test]
    fn the_menu_is_in_russian_too() {
        let dir = tempfile::tempdir().unwrap();
        let store = setup(dir.path());
        let view = view_at(&store, &at(20, 0));
        let labels: Vec<String> = i18n::with_language(i18n::Language::Russian, || {
            menu_entries(&view).into_iter().flatten().map(|(_, label, _)| label).collect()
        });
        assert_eq!(labels[0], "Открыть список дел");
        assert_eq!(labels.last().unwrap(), "Закрыть службу напоминаний");
    }
}
