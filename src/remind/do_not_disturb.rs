//! Whether the desktop asks not to be disturbed, read over D-Bus; on Windows, whether
//! the user is busy, as the system says ([`Busy`], `platform::busy`).
//!
//! There is no common interface: each notification server keeps its own switch. The
//! service asks the server's name once (`GetServerInformation`) and then reads the one
//! switch that server has:
//! - dunst: the `paused` property of `org.dunstproject.cmd0`;
//! - KDE Plasma: the `Inhibited` property of `org.freedesktop.Notifications`;
//! - GNOME: `show-banners` of `org.gnome.desktop.notifications`, through the settings
//!   portal, or `gsettings` where no portal runs;
//! - XFCE: `/do-not-disturb` of the `xfce4-notifyd` channel, through xfconf.
//!
//! It is asked only when a reminder is due (and then every second while one is held), so
//! an idle service never asks. Anything that fails to answer counts as "not asked to be
//! quiet": a reminder shown is better than one held by a broken probe.

use std::time::Duration;

use zbus::OwnedVariant;

use crate::platform::busy::{self, UserState};
use crate::platform::{Concern, available};

/// A method call that does not answer in this time counts as "no".
const CALL_TIMEOUT: Duration = Duration::from_secs(2);

/// Something that says whether the desktop asks not to be disturbed now.
pub trait DoNotDisturb: Send {
    fn is_on(&mut self) -> bool;
}

/// For tests and for a service without a session bus: never quiet.
#[derive(Debug, Default)]
pub struct Never;

impl DoNotDisturb for Never {
    fn is_on(&mut self) -> bool {
        false
    }
}

/// The system's own "the user is busy" (Windows: `platform::busy`), as Do Not Disturb.
pub struct Busy(Box<dyn UserState>);

impl Busy {
    pub fn new(state: Box<dyn UserState>) -> Self {
        Self(state)
    }
}

impl DoNotDisturb for Busy {
    fn is_on(&mut self) -> bool {
        self.0.query().is_some_and(busy::is_busy)
    }
}

/// The service's Do Not Disturb: the system's busy state where it has one (Windows), the
/// notification server's switch on the session bus where it does not (Linux), or never
/// quiet (said once) where this system has neither.
pub fn for_this_system() -> Box<dyn DoNotDisturb> {
    if let Some(state) = busy::system() {
        return Box::new(Busy::new(state));
    }
    match available(Concern::DoNotDisturb) {
        Ok(()) => Box::new(Desktop::new()),
        Err(unavailable) => {
            tracing::warn!("{unavailable}");
            Box::new(Never)
        }
    }
}

/// Which notification server runs, as far as its Do Not Disturb switch goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Server {
    Dunst,
    Plasma,
    Gnome,
    Xfce,
    /// Anyone else: asked for KDE's `Inhibited`, which some servers copy.
    Other,
}

impl Server {
    /// From the name `GetServerInformation` gives.
    pub fn from_name(name: &str) -> Server {
        let name = name.to_ascii_lowercase();
        if name == "dunst" {
            Server::Dunst
        } else if name.contains("plasma") || name.contains("kde") {
            Server::Plasma
        } else if name.contains("gnome") {
            Server::Gnome
        } else if name.contains("xfce") {
            Server::Xfce
        } else {
            Server::Other
        }
    }
}

/// GNOME stores "show banners"; quiet means it is off.
pub fn gnome_quiet(show_banners: bool) -> bool {
    !show_banners
}

/// The switch of the notification server on the session bus.
#[derive(Default)]
pub struct Desktop {
    connection: Option<zbus::Connection>,
    server: Option<Server>,
}

impl Desktop {
    pub fn new() -> Self {
        Self::default()
    }

    fn connection(&mut self) -> Option<zbus::Connection> {
        if self.connection.is_none() {
            let built = zbus::block_on(async {
                zbus::connection::Builder::session().method_timeout(CALL_TIMEOUT).build().await
            });
            self.connection = built.ok();
        }
        self.connection.clone()
    }

    fn call(
        &mut self,
        destination: &str,
        path: &str,
        interface: &str,
        method: &str,
        body: &(impl serde::Serialize + zbus::DynamicType),
    ) -> Option<zbus::message::Message> {
        let connection = self.connection()?;
        let reply = zbus::block_on(connection.call_method(Some(destination), path, Some(interface), method, body));
        match reply {
            Ok(message) => Some(message),
            Err(zbus::Error::MethodError(..)) => None,
            Err(_) => {
                // The bus itself failed (closed, timed out): connect afresh next time.
                self.connection = None;
                None
            }
        }
    }

    fn property(&mut self, destination: &str, path: &str, interface: &str, name: &str) -> Option<bool> {
        let reply = self.call(destination, path, "org.freedesktop.DBus.Properties", "Get", &(interface, name))?;
        let value: OwnedVariant = reply.body().deserialize().ok()?;
        bool::try_from(value).ok()
    }

    fn server(&mut self) -> Option<Server> {
        if self.server.is_none() {
            let reply = self.call(NOTIFICATIONS, NOTIFICATIONS_PATH, NOTIFICATIONS, "GetServerInformation", &())?;
            let (name, _vendor, _version, _spec): (String, String, String, String) = reply.body().deserialize().ok()?;
            self.server = Some(Server::from_name(&name));
        }
        self.server
    }

    fn gnome_show_banners(&mut self) -> Option<bool> {
        let (namespace, key) = ("org.gnome.desktop.notifications", "show-banners");
        let portal =
            ("org.freedesktop.portal.Desktop", "/org/freedesktop/portal/desktop", "org.freedesktop.portal.Settings");
        if let Some(reply) = self.call(portal.0, portal.1, portal.2, "ReadOne", &(namespace, key)) {
            let value: Option<OwnedVariant> = reply.body().deserialize().ok();
            if let Some(on) = value.and_then(|v| bool::try_from(v).ok()) {
                return Some(on);
            }
        }
        // Without a portal: one short `gsettings` run (only while a reminder is held).
        let output = std::process::Command::new("gsettings").args(["get", namespace, key]).output().ok()?;
        match String::from_utf8_lossy(&output.stdout).trim() {
            "true" => Some(true),
            "false" => Some(false),
            _ => None,
        }
    }

    fn ask(&mut self) -> Option<bool> {
        match self.server()? {
            Server::Dunst => self.property(NOTIFICATIONS, NOTIFICATIONS_PATH, "org.dunstproject.cmd0", "paused"),
            Server::Plasma | Server::Other => {
                self.property(NOTIFICATIONS, NOTIFICATIONS_PATH, NOTIFICATIONS, "Inhibited")
            }
            Server::Gnome => self.gnome_show_banners().map(gnome_quiet),
            Server::Xfce => {
                let reply = self.call(
                    "org.xfce.Xfconf",
                    "/org/xfce/Xfconf",
                    "org.xfce.Xfconf",
                    "GetProperty",
                    &("xfce4-notifyd", "/do-not-disturb"),
                )?;
                let value: OwnedVariant = reply.body().deserialize().ok()?;
                bool::try_from(value).ok()
            }
        }
    }
}

const NOTIFICATIONS: &str = "org.freedesktop.Notifications";
const NOTIFICATIONS_PATH: &str = "/org/freedesktop/Notifications";

impl DoNotDisturb for Desktop {
    fn is_on(&mut self) -> bool {
        let answer = self.ask();
        if answer.is_none() {
            // Perhaps another server took over: ask its name again next time.
            self.server = None;
        }
        answer.unwrap_or(false)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn servers_are_told_apart_by_name() {
        assert_eq!(Server::from_name("dunst"), Server::Dunst);
        assert_eq!(Server::from_name("Plasma"), Server::Plasma);
        assert_eq!(Server::from_name("gnome-shell"), Server::Gnome);
        assert_eq!(Server::from_name("Xfce Notify Daemon"), Server::Xfce);
        assert_eq!(Server::from_name("mako"), Server::Other);
        assert!(gnome_quiet(false) && !gnome_quiet(true));
        assert!(!Never.is_on());
    }
}
