//! One window: the window process owns a name on the session bus, and starting
//! `bedtime-coach` again asks that window to come forward instead of opening a second one.
//!
//! The desktop convention (GApplication, KDE's KDBusService): the first instance owns a
//! well-known name and serves `org.freedesktop.Application`; a later start finds the name
//! taken, calls `Activate` on its owner and exits. A click on a notification and the tray's
//! "Open checklist" start the program the same way, so they never open a second window
//! either. Without a session bus (a bare X session, a test) the window simply opens.
//!
//! On Windows, which has no session bus, the first window owns a named pipe instead and a
//! later start writes its screen there (`platform::one_window`, keyed by [`window_key`]).
//!
//! Each data folder is its own app: a window on `--data-dir DIR` owns a name derived from
//! the folder, so windows on different folders (tests, portable use) do not raise each other.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use zbus::fdo::RequestNameFlags;
use zbus::{OwnedVariant as OwnedValue, Variant as Value};

use crate::platform::one_window::{self, Claim};
use crate::store::Paths;

/// The object path of `org.freedesktop.Application`, from the app id as the spec asks.
const OBJECT_PATH: &str = "/io/github/bedtimecoach/BedtimeCoach";
const APPLICATION: &str = "org.freedesktop.Application";
/// A session bus that does not answer within this is treated as no session bus.
const BUS_DEADLINE: Duration = Duration::from_secs(3);

/// The well-known name of the window on `paths`: the app id for the usual folders, the app
/// id plus a digest of the folder for one chosen with `--data-dir`, its links resolved (a
/// link to the folder is the same folder, and must raise the same window).
pub fn bus_name(paths: &Paths) -> String {
    match paths.chosen_data_dir().map(|_| paths.resolved_data_dir()) {
        None => crate::APP_ID.to_owned(),
        Some(dir) => {
            format!("{}.Folder.d{:016x}", crate::APP_ID, crate::store::folder_digest(&dir))
        }
    }
}

/// The window's key where there is no session bus (Windows' pipe name): always from the
/// data folder, even the usual one, since that is in the user's profile and pipes are
/// per machine: two users' windows must not meet.
pub fn window_key(paths: &Paths) -> String {
    paths.folder_key()
}

/// The action a later start sends to open the window on a screen (`--screen night`):
/// `ActivateAction("show-screen", ["night"], …)`, as `gapplication action` would.
pub const SHOW_SCREEN: &str = "show-screen";

/// What to do when the window asks to be brought forward, with the screen asked for, if
/// any; set once the window exists.
type Raise = Arc<Mutex<Option<Box<dyn Fn(Option<&str>) + Send>>>>;

/// `org.freedesktop.Application`, served by the window process.
struct Application {
    raise: Raise,
}

#[zbus::interface(name = "org.freedesktop.Application")]
impl Application {
    /// Another start of the program (or a desktop launcher) asks for the window.
    fn activate(&self, _platform_data: HashMap<String, OwnedValue>) {
        self.raise(None);
    }

    /// Bedtime Coach opens no files: the same as `Activate`.
    fn open(&self, _uris: Vec<String>, platform_data: HashMap<String, OwnedValue>) {
        self.activate(platform_data);
    }

    /// [`SHOW_SCREEN`] with a screen's name brings the window forward on that screen; any
    /// other action (or a parameter that is not one string) just brings it forward.
    fn activate_action(
        &self,
        action_name: String,
        parameter: Vec<OwnedValue>,
        _platform_data: HashMap<String, OwnedValue>,
    ) {
        let screen = match parameter.as_slice() {
            [screen] if action_name == SHOW_SCREEN => <&str>::try_from(&**screen).ok(),
            _ => None,
        };
        self.raise(screen);
    }
}

impl Application {
    fn raise(&self, screen: Option<&str>) {
        ring(&self.raise, screen);
    }
}

/// Asks the window to come forward on `screen`, once it exists.
fn ring(raise: &Raise, screen: Option<&str>) {
    let raise = raise.lock().unwrap_or_else(PoisonError::into_inner);
    // Before the window exists there is nothing to raise: it is about to appear anyway.
    if let Some(raise) = raise.as_ref() {
        raise(screen);
    }
}

/// The window's name on the session bus (or its pipe, on Windows); released when this is dropped.
pub struct WindowName {
    connection: Option<zbus::Connection>,
    raise: Raise,
    _pipe: Option<one_window::Listener>,
}

impl WindowName {
    /// Calls `raise` (from the bus's thread) each time another start asks for the window,
    /// with the screen it asked for (`--screen night` gives `Some("night")`).
    pub fn on_activate(&self, raise: impl Fn(Option<&str>) + Send + 'static) {
        *self.raise.lock().unwrap_or_else(PoisonError::into_inner) = Some(Box::new(raise));
    }
}

impl WindowName {
    /// Whether the desktop shows tray icons: a StatusNotifierWatcher owns its name on the
    /// bus. `None` when the bus does not answer.
    pub fn tray_host_present(&self) -> Option<bool> {
        let connection = self.connection.as_ref()?;
        let asked = with_deadline(async {
            let reply = connection
                .call_method(
                    Some("org.freedesktop.DBus"),
                    "/org/freedesktop/DBus",
                    Some("org.freedesktop.DBus"),
                    "NameHasOwner",
                    &("org.kde.StatusNotifierWatcher",),
                )
                .await?;
            reply.body().deserialize::<bool>()
        });
        asked.ok()
    }
}

/// How a start of the window went on the session bus (or the pipe).
pub enum WindowStart {
    /// This process shows the window; keep the name for as long as it does.
    First(WindowName),
    /// A window on these files was open already and was asked to come forward.
    Raised,
    /// No usable session bus: open the window without a name.
    NoBus,
}

/// Runs `future` on zbus's executor, giving up after [`BUS_DEADLINE`]: a hung bus must
/// not keep the window from opening.
fn with_deadline<T>(future: impl Future<Output = zbus::Result<T>>) -> zbus::Result<T> {
    zbus::block_on(futures_lite::future::or(future, async {
        async_io::Timer::after(BUS_DEADLINE).await;
        Err(zbus::Error::Failure("the session bus did not answer".to_owned()))
    }))
}

/// Claims the window's name for `paths`, or raises the window that owns it, asking it to
/// show `screen` (the name given to `--screen`) when there is one.
pub fn start_window(paths: &Paths, screen: Option<&str>) -> WindowStart {
    let raise: Raise = Arc::new(Mutex::new(None));
    let ringer = Arc::clone(&raise);
    match one_window::claim(&window_key(paths), screen, move |screen| ring(&ringer, screen)) {
        Claim::First(pipe) => return WindowStart::First(WindowName { connection: None, raise, _pipe: Some(pipe) }),
        Claim::Sent => return WindowStart::Raised,
        Claim::Failed => return WindowStart::NoBus,
        Claim::Elsewhere => {}
    }
    start_window_on(None, &bus_name(paths), screen)
}

/// [`start_window`] on the bus at `address` (`None`: the session bus) under `name`.
pub fn start_window_on(address: Option<&str>, name: &str, screen: Option<&str>) -> WindowStart {
    let raise: Raise = Arc::new(Mutex::new(None));
    let application = Application { raise: Arc::clone(&raise) };
    let claimed = with_deadline(async {
        let builder = match address {
            Some(address) => zbus::connection::Builder::address(address),
            None => zbus::connection::Builder::session(),
        };
        let connection = builder.serve_at(OBJECT_PATH, application).build().await?;
        let reply = connection.request_name_with_flags(name, RequestNameFlags::DO_NOT_QUEUE).await;
        Ok((connection, reply))
    });
    match claimed {
        Ok((connection, Ok(_))) => WindowStart::First(WindowName { connection: Some(connection), raise, _pipe: None }),
        // Taken: ask its owner for the window. Should that owner have just quit, open one.
        Ok((connection, Err(zbus::Error::NameTaken))) => match with_deadline(activate(&connection, name, screen)) {
            Ok(()) => WindowStart::Raised,
            Err(_) => WindowStart::NoBus,
        },
        Ok((_, Err(_))) | Err(_) => WindowStart::NoBus,
    }
}

/// `Activate` (or [`SHOW_SCREEN`] for a screen) on the window that owns `name`, passing on
/// this start's activation token (Wayland, X11 startup notification) as the spec suggests.
async fn activate(connection: &zbus::Connection, name: &str, screen: Option<&str>) -> zbus::Result<()> {
    let mut platform_data: HashMap<&str, Value<'_>> = HashMap::new();
    let token = std::env::var("XDG_ACTIVATION_TOKEN").ok();
    let startup_id = std::env::var("DESKTOP_STARTUP_ID").ok();
    if let Some(token) = token.as_deref() {
        platform_data.insert("activation-token", Value::from(token));
    }
    if let Some(id) = startup_id.as_deref() {
        platform_data.insert("desktop-startup-id", Value::from(id));
    }
    match screen {
        None => {
            connection.call_method(Some(name), OBJECT_PATH, Some(APPLICATION), "Activate", &(platform_data,)).await?;
        }
        Some(screen) => {
            let parameter = vec![Value::from(screen)];
            let body = (SHOW_SCREEN, parameter, platform_data);
            connection.call_method(Some(name), OBJECT_PATH, Some(APPLICATION), "ActivateAction", &body).await?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_data_folder_has_its_own_valid_name() {
        let one = bus_name(&Paths::in_dir(std::path::Path::new("/tmp/one")));
        let two = bus_name(&Paths::in_dir(std::path::Path::new("/tmp/two")));
        assert_ne!(one, two);
        for name in [&one, &two] {
            assert!(name.starts_with("io.github.bedtimecoach.BedtimeCoach.Folder.d"), "{name}");
            zbus::names::WellKnownName::try_from(name.as_str()).unwrap();
        }
        assert_eq!(one, bus_name(&Paths::in_dir(std::path::Path::new("/tmp/one"))), "stable");
    }

    #[test]
    #[cfg(unix)]
    fn a_link_to_a_data_folder_names_the_same_window() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("data");
        std::fs::create_dir(&folder).unwrap();
        let link = dir.path().join("link");
        std::os::unix::fs::symlink(&folder, &link).unwrap();
        let name = |path: &std::path::Path| bus_name(&Paths::in_dir(path));
        assert_eq!(name(&folder), name(&link));
        assert_eq!(name(&folder.join("new/deeper")), name(&link.join("new/deeper")), "not made yet");
        assert_ne!(name(&folder), name(&dir.path().join("other")));
    }
}
