//! One window on Windows, where there is no session bus to own a name on: the first
//! window owns the named pipe `\\.\pipe\<key>` (the key comes from the data folder, see
//! `desktop::window_key`), created with `FILE_FLAG_FIRST_PIPE_INSTANCE` so a second
//! owner is refused; a later start finds it taken, opens it like a file, writes the screen
//! it was asked for (nothing for none) and exits. Pipes are per machine, but the key
//! comes from the folder in the user's profile, so two users never meet; remote clients
//! are refused.

use std::fs::File;
use std::io::{self, Read, Write};
use std::os::windows::io::{FromRawHandle, OwnedHandle};
use std::time::{Duration, Instant};

use windows_sys::Win32::Foundation::{
    ERROR_ACCESS_DENIED, ERROR_NO_DATA, ERROR_PIPE_BUSY, ERROR_PIPE_CONNECTED, INVALID_HANDLE_VALUE,
};
use windows_sys::Win32::Storage::FileSystem::{FILE_FLAG_FIRST_PIPE_INSTANCE, PIPE_ACCESS_INBOUND};
use windows_sys::Win32::System::Pipes::{
    ConnectNamedPipe, CreateNamedPipeW, PIPE_READMODE_BYTE, PIPE_REJECT_REMOTE_CLIENTS, PIPE_TYPE_BYTE,
    PIPE_UNLIMITED_INSTANCES, PIPE_WAIT,
};

use super::super::one_window::Claim;

/// A screen's name is a short word; anything longer is not a request of ours.
const LONGEST_REQUEST: u64 = 64;
/// How long a later start waits while the first window is busy with another request.
const BUSY_WAIT: Duration = Duration::from_secs(2);

/// The first window's pipe, served on a thread of its own until the process ends.
#[derive(Debug)]
pub struct Listener {
    _thread: std::thread::JoinHandle<()>,
}

/// Owns the window's pipe for `key`, calling `on_request` with each later start's screen,
/// or hands `screen` to the window that owns it.
pub fn claim(key: &str, screen: Option<&str>, on_request: impl Fn(Option<&str>) + Send + 'static) -> Claim<Listener> {
    let path = format!(r"\\.\pipe\{key}");
    let name: Vec<u16> = path.encode_utf16().chain([0]).collect();
    // A window is open: hand it the screen. (Asked first: Wine does not refuse a second
    // first instance, Windows does, which the creation below relies on for a race.)
    match send(&path, screen) {
        Ok(()) => return Claim::Sent,
        Err(error) if error.kind() != io::ErrorKind::NotFound => return Claim::Failed,
        Err(_) => {}
    }
    match create(&name, true) {
        Ok(first) => {
            let serve = move || serve(first, &name, on_request);
            match std::thread::Builder::new().name("one-window".into()).spawn(serve) {
                Ok(thread) => Claim::First(Listener { _thread: thread }),
                Err(_) => Claim::Failed,
            }
        }
        // Another start made it just now.
        Err(error) if error.raw_os_error() == Some(ERROR_ACCESS_DENIED as i32) => match send(&path, screen) {
            Ok(()) => Claim::Sent,
            Err(_) => Claim::Failed,
        },
        Err(_) => Claim::Failed,
    }
}

/// One instance of the pipe (the first one: refused if the pipe exists).
fn create(name: &[u16], first: bool) -> io::Result<File> {
    let open_mode = PIPE_ACCESS_INBOUND | if first { FILE_FLAG_FIRST_PIPE_INSTANCE } else { 0 };
    let pipe_mode = PIPE_TYPE_BYTE | PIPE_READMODE_BYTE | PIPE_WAIT | PIPE_REJECT_REMOTE_CLIENTS;
    // SAFETY: `name` ends with a NUL; no security attributes (the default: the owner's).
    let handle = unsafe {
        CreateNamedPipeW(name.as_ptr(), open_mode, pipe_mode, PIPE_UNLIMITED_INSTANCES, 0, 512, 0, std::ptr::null())
    };
    if handle == INVALID_HANDLE_VALUE {
        return Err(io::Error::last_os_error());
    }
    // SAFETY: a new handle that nothing else owns.
    Ok(File::from(unsafe { OwnedHandle::from_raw_handle(handle) }))
}

/// Waits for a later start, reads its screen and passes it on, for as long as the process lives.
fn serve(mut current: File, name: &[u16], on_request: impl Fn(Option<&str>)) {
    use std::os::windows::io::AsRawHandle;
    loop {
        // SAFETY: a pipe handle this function owns; no overlapped I/O.
        // Also when the other start connected (or even wrote and left) before this call.
        let connected = unsafe { ConnectNamedPipe(current.as_raw_handle(), std::ptr::null_mut()) } != 0
            || [ERROR_PIPE_CONNECTED, ERROR_NO_DATA]
                .map(|code| Some(code as i32))
                .contains(&io::Error::last_os_error().raw_os_error());
        // The next instance before this one closes: the pipe never ceases to exist, so a
        // later start can never take it for free and open a second window.
        let next = create(name, false);
        if connected {
            // To the end: the other start closes its side when it has written (a closed
            // pipe ends the read with an error on Wine, with 0 bytes on Windows).
            let mut request = Vec::new();
            let _ = (&current).take(LONGEST_REQUEST).read_to_end(&mut request);
            let request = String::from_utf8_lossy(&request);
            on_request(Some(request.as_ref()).filter(|screen| !screen.is_empty()));
        }
        match next {
            Ok(next) => current = next,
            // Cannot serve another: later starts find no pipe and open a window of their own.
            Err(_) => return,
        }
    }
}

/// Hands `screen` to the pipe's owner, waiting a little while it serves another start.
fn send(path: &str, screen: Option<&str>) -> io::Result<()> {
    let deadline = Instant::now() + BUSY_WAIT;
    let mut pipe = loop {
        match std::fs::OpenOptions::new().write(true).open(path) {
            Ok(pipe) => break pipe,
            Err(error) if error.raw_os_error() == Some(ERROR_PIPE_BUSY as i32) && Instant::now() < deadline => {
                std::thread::sleep(Duration::from_millis(20));
            }
            Err(error) => return Err(error),
        }
    };
    pipe.write_all(screen.unwrap_or_default().as_bytes())
}
