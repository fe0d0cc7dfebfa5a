//! A small `org.kde.StatusNotifierWatcher` for tests and measurements: it owns the
//! watcher's name on a bus, says a tray host is there, and records the items that register.
//! Enough for an item (ksni) to show itself; it draws nothing.

use std::sync::{Arc, Mutex};

/// The bus names (or sender + path) of the items registered so far.
#[derive(Clone, Default)]
pub struct Registered(pub Arc<Mutex<Vec<String>>>);

impl Registered {
    pub fn items(&self) -> Vec<String> {
        self.0.lock().unwrap().clone()
    }
}

struct Watcher {
    items: Registered,
}

#[zbus::interface(name = "org.kde.StatusNotifierWatcher")]
impl Watcher {
    fn register_status_notifier_item(&self, service: String, #[zbus(header)] header: zbus::message::Header<'_>) {
        // Items send their bus name, or only an object path on their own connection.
        let item = if service.starts_with('/') {
            format!("{}{service}", header.sender().map(|s| s.to_string()).unwrap_or_default())
        } else {
            service
        };
        self.items.0.lock().unwrap().push(item);
    }

    fn register_status_notifier_host(&self, _service: String) {}

    #[zbus(property)]
    fn registered_status_notifier_items(&self) -> Vec<String> {
        self.items.items()
    }

    #[zbus(property)]
    fn is_status_notifier_host_registered(&self) -> bool {
        true
    }

    #[zbus(property)]
    fn protocol_version(&self) -> i32 {
        0
    }
}

/// Serves the watcher on the bus at `address` until the returned connection is dropped.
pub fn start(address: &str) -> (zbus::Connection, Registered) {
    let items = Registered::default();
    let watcher = Watcher { items: items.clone() };
    let connection = zbus::block_on(
        zbus::connection::Builder::address(address)
            .serve_at("/StatusNotifierWatcher", watcher)
            .name("org.kde.StatusNotifierWatcher")
            .build(),
    )
    .expect("the watcher takes its name");
    (connection, items)
}
