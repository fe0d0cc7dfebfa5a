//! A stand-in tray host for measuring the reminder service with its tray icon shown
//! (scripts/measure-service.sh): a StatusNotifierWatcher on the session bus that accepts
//! every item and draws nothing. Runs until killed.

#[path = "../tests/support/sni_watcher.rs"]
mod sni_watcher;

fn main() {
    let Ok(address) = std::env::var("DBUS_SESSION_BUS_ADDRESS") else {
        eprintln!("no DBUS_SESSION_BUS_ADDRESS: start this inside a D-Bus session");
        std::process::exit(2);
    };
    let (_connection, items) = sni_watcher::start(&address);
    let mut shown = 0;
    loop {
        std::thread::sleep(std::time::Duration::from_millis(200));
        let now = items.items();
        if now.len() != shown {
            shown = now.len();
            println!("registered: {now:?}");
        }
    }
}
