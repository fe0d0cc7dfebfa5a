//! The tray icon on Windows: `Shell_NotifyIconW`, a hidden window of ours that gets the
//! icon's clicks, and `TrackPopupMenu` for its menu, all on one thread with its own
//! message loop. Written by hand on `windows-sys` (already a dependency) rather than with
//! the `tray-icon` crate, which brings `muda` (a menu crate with its own accelerator and
//! icon handling) and more for the five entries needed here. When Explorer restarts it
//! broadcasts `TaskbarCreated` and the icon is put up again.
//!
//! Untested on real Windows; under Wine the icon is put up in Wine's own tray.

use std::cell::RefCell;
use std::sync::mpsc;
use std::thread;

use windows_sys::Win32::Foundation::{HWND, LPARAM, LRESULT, POINT, WPARAM};
use windows_sys::Win32::System::LibraryLoader::GetModuleHandleW;
use windows_sys::Win32::UI::Shell::{
    NIF_ICON, NIF_MESSAGE, NIF_TIP, NIM_ADD, NIM_DELETE, NIM_MODIFY, NOTIFY_ICON_MESSAGE, NOTIFYICONDATAW,
    Shell_NotifyIconW,
};
use windows_sys::Win32::UI::WindowsAndMessaging::{
    AppendMenuW, CreateIcon, CreatePopupMenu, CreateWindowExW, DefWindowProcW, DestroyMenu, DispatchMessageW,
    GetCursorPos, GetMessageW, GetSystemMetrics, HICON, MF_GRAYED, MF_SEPARATOR, MF_STRING, MSG, PostMessageW,
    RegisterClassW, RegisterWindowMessageW, SM_CXSMICON, SetForegroundWindow, TPM_NONOTIFY, TPM_RETURNCMD,
    TPM_RIGHTBUTTON, TrackPopupMenu, TranslateMessage, WM_APP, WM_LBUTTONUP, WM_NULL, WM_RBUTTONUP, WNDCLASSW,
};

use super::super::tray_icon::{Image, Look, TrayEvents};

/// The icon's clicks come to the window as this message.
const CLICKED: u32 = WM_APP + 1;
/// [`TrayIcon::refresh`] posts this.
const REFRESH: u32 = WM_APP + 2;
const ICON_ID: u32 = 1;

/// The icon, up for as long as the process runs.
#[derive(Debug)]
pub struct TrayIcon {
    /// The hidden window's handle (an address: `HWND` is not `Send`).
    window: usize,
}

impl TrayIcon {
    /// Makes the icon ask for its look again; `false` when its thread has ended.
    pub fn refresh(&self) -> bool {
        // SAFETY: posting to a window handle is safe even once the window is gone.
        unsafe { PostMessageW(self.window as HWND, REFRESH, 0, 0) != 0 }
    }
}

/// What the window's procedure works with, on the icon's thread.
struct State {
    events: Box<dyn TrayEvents>,
    /// Grey (paused or off) and pale (active).
    icons: [HICON; 2],
    taskbar_created: u32,
    shown: Option<Look>,
}

thread_local! {
    static STATE: RefCell<Option<State>> = const { RefCell::new(None) };
}

fn with_state<R>(f: impl FnOnce(&mut State) -> R) -> Option<R> {
    // A message handled while the menu is open finds the state free (no borrow is held
    // across `TrackPopupMenu`), so `try_borrow_mut` fails only on a bug; then do nothing.
    STATE.with(|state| state.try_borrow_mut().ok().and_then(|mut state| state.as_mut().map(f)))
}

fn wide(text: &str) -> Vec<u16> {
    text.encode_utf16().chain([0]).collect()
}

/// The image closest to the small-icon size, as an `HICON` (BGRA rows, alpha kept; an
/// all-clear AND mask).
fn icon_from(images: &[Image]) -> HICON {
    // SAFETY: a plain query.
    let wanted = unsafe { GetSystemMetrics(SM_CXSMICON) }.max(16);
    let Some(image) = images.iter().find(|image| image.size >= wanted).or_else(|| images.last()) else {
        return std::ptr::null_mut();
    };
    let bgra: Vec<u8> = image.argb.chunks_exact(4).flat_map(|p| [p[3], p[2], p[1], p[0]]).collect();
    let row = usize::try_from(image.size).unwrap_or(0).div_ceil(16) * 2;
    let mask = vec![0u8; row * usize::try_from(image.size).unwrap_or(0)];
    // SAFETY: both buffers hold `size` rows of the widths CreateIcon expects.
    unsafe {
        CreateIcon(GetModuleHandleW(std::ptr::null()), image.size, image.size, 1, 32, mask.as_ptr(), bgra.as_ptr())
    }
}

/// Adds (`NIM_ADD`) or updates (`NIM_MODIFY`) the icon with the events' look.
fn put_up(window: HWND, message: NOTIFY_ICON_MESSAGE) -> bool {
    let Some((look, icon)) = with_state(|state| {
        let look = state.events.look();
        let icon = state.icons[usize::from(look.active)];
        (look, icon)
    }) else {
        return false;
    };
    if message == NIM_MODIFY && with_state(|state| state.shown.as_ref() == Some(&look)) == Some(true) {
        return true;
    }
    // SAFETY: all-zero is a valid NOTIFYICONDATAW (plain integers, arrays and handles).
    let mut data: NOTIFYICONDATAW = unsafe { std::mem::zeroed() };
    data.cbSize = u32::try_from(std::mem::size_of::<NOTIFYICONDATAW>()).unwrap_or(0);
    data.hWnd = window;
    data.uID = ICON_ID;
    data.uFlags = NIF_ICON | NIF_TIP | NIF_MESSAGE;
    data.uCallbackMessage = CLICKED;
    data.hIcon = icon;
    // The tip holds 127 characters and a NUL.
    for (slot, unit) in data.szTip.iter_mut().take(127).zip(look.tooltip.encode_utf16()) {
        *slot = unit;
    }
    // SAFETY: `data` is filled in and sized.
    let done = unsafe { Shell_NotifyIconW(message, &data) } != 0;
    if done {
        with_state(|state| state.shown = Some(look));
    }
    done
}

fn take_down(window: HWND) {
    // SAFETY: as in `put_up`; only the window and id matter for NIM_DELETE.
    let mut data: NOTIFYICONDATAW = unsafe { std::mem::zeroed() };
    data.cbSize = u32::try_from(std::mem::size_of::<NOTIFYICONDATAW>()).unwrap_or(0);
    data.hWnd = window;
    data.uID = ICON_ID;
    // SAFETY: as above.
    unsafe { Shell_NotifyIconW(NIM_DELETE, &data) };
}

/// Opens the menu at the mouse and does what was chosen.
fn open_menu(window: HWND) {
    let Some(entries) = with_state(|state| state.events.menu()) else { return };
    // SAFETY: a menu made, filled, tracked and destroyed here; the labels outlive the
    // calls that read them.
    let chosen = unsafe {
        let menu = CreatePopupMenu();
        if menu.is_null() {
            return;
        }
        for (index, entry) in entries.iter().enumerate() {
            match entry {
                None => AppendMenuW(menu, MF_SEPARATOR, 0, std::ptr::null()),
                Some((label, enabled)) => {
                    let flags = if *enabled { MF_STRING } else { MF_STRING | MF_GRAYED };
                    AppendMenuW(menu, flags, index + 1, wide(label).as_ptr())
                }
            };
        }
        let mut at = POINT { x: 0, y: 0 };
        GetCursorPos(&mut at);
        // Without this the menu does not close when the user clicks elsewhere.
        SetForegroundWindow(window);
        let chosen = TrackPopupMenu(
            menu,
            TPM_RETURNCMD | TPM_NONOTIFY | TPM_RIGHTBUTTON,
            at.x,
            at.y,
            0,
            window,
            std::ptr::null(),
        );
        PostMessageW(window, WM_NULL, 0, 0);
        DestroyMenu(menu);
        chosen
    };
    let Some(index) = usize::try_from(chosen).ok().and_then(|chosen| chosen.checked_sub(1)) else { return };
    if with_state(|state| state.events.chose(index)) == Some(true) {
        take_down(window);
        std::process::exit(0);
    }
    put_up(window, NIM_MODIFY);
}

unsafe extern "system" fn procedure(window: HWND, message: u32, wparam: WPARAM, lparam: LPARAM) -> LRESULT {
    match message {
        CLICKED => {
            // Without NOTIFYICON_VERSION_4 the mouse message is the whole `lparam`.
            match u32::try_from(lparam & 0xffff).unwrap_or(0) {
                WM_LBUTTONUP => {
                    with_state(|state| state.events.clicked());
                }
                WM_RBUTTONUP => open_menu(window),
                _ => {}
            }
            0
        }
        REFRESH => {
            put_up(window, NIM_MODIFY);
            0
        }
        _ if with_state(|state| state.taskbar_created) == Some(message) => {
            with_state(|state| state.shown = None);
            put_up(window, NIM_ADD);
            0
        }
        // SAFETY: the default handling of a message this window does not take.
        _ => unsafe { DefWindowProcW(window, message, wparam, lparam) },
    }
}

/// The hidden window that gets the icon's clicks (never shown).
fn create_window() -> Result<HWND, String> {
    let class = wide("BedtimeCoachTray");
    // SAFETY: the class's name outlives both calls (the class is registered once per
    // process; a second registration fails harmlessly and the first is used).
    unsafe {
        let instance = GetModuleHandleW(std::ptr::null());
        let mut class_info: WNDCLASSW = std::mem::zeroed();
        class_info.lpfnWndProc = Some(procedure);
        class_info.hInstance = instance;
        class_info.lpszClassName = class.as_ptr();
        RegisterClassW(&class_info);
        let title = wide("Bedtime Coach");
        let window = CreateWindowExW(
            0,
            class.as_ptr(),
            title.as_ptr(),
            0,
            0,
            0,
            0,
            0,
            std::ptr::null_mut(),
            std::ptr::null_mut(),
            instance,
            std::ptr::null(),
        );
        if window.is_null() { Err(std::io::Error::last_os_error().to_string()) } else { Ok(window) }
    }
}

/// How often, and how far apart, the icon is first put up before it is given up on (10 s).
const ADD_TRIES: u32 = 20;
const ADD_RETRY: std::time::Duration = std::time::Duration::from_millis(500);

/// Puts the icon up on a thread of its own; the error is a detail for the log.
pub fn show(events: Box<dyn TrayEvents>, images: [Vec<Image>; 2]) -> Option<Result<TrayIcon, String>> {
    let (tx, rx) = mpsc::channel();
    let spawned = thread::Builder::new().name("bedtime-coach-tray".to_owned()).spawn(move || {
        let window = match create_window() {
            Ok(window) => window,
            Err(error) => {
                let _ = tx.send(Err(error));
                return;
            }
        };
        let icons = [icon_from(&images[0]), icon_from(&images[1])];
        // SAFETY: a NUL-terminated name.
        let taskbar_created = unsafe { RegisterWindowMessageW(wide("TaskbarCreated").as_ptr()) };
        STATE.with(|state| *state.borrow_mut() = Some(State { events, icons, taskbar_created, shown: None }));
        // The taskbar may not be there yet (a service started at login before Explorer's,
        // or Wine's explorer still starting): it is asked again for a while, as Microsoft
        // advises for Shell_NotifyIcon, before the icon is given up on.
        let mut tries = 0;
        while !put_up(window, NIM_ADD) {
            tries += 1;
            if tries == ADD_TRIES {
                let _ = tx.send(Err(format!("Shell_NotifyIcon: {}", std::io::Error::last_os_error())));
                return;
            }
            thread::sleep(ADD_RETRY);
        }
        let _ = tx.send(Ok(TrayIcon { window: window as usize }));
        // SAFETY: all-zero is a valid MSG; the loop runs until the thread's end.
        let mut message: MSG = unsafe { std::mem::zeroed() };
        while unsafe { GetMessageW(&mut message, std::ptr::null_mut(), 0, 0) } > 0 {
            // SAFETY: a message GetMessageW filled in.
            unsafe {
                TranslateMessage(&message);
                DispatchMessageW(&message);
            }
        }
    });
    if let Err(error) = spawned {
        return Some(Err(error.to_string()));
    }
    Some(rx.recv().unwrap_or_else(|_| Err("the tray thread stopped".to_owned())))
}
