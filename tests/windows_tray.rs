//! The tray icon's Windows side under Wine: `Shell_NotifyIconW` puts the icon up in
//! Wine's tray on a thread of its own, asks the front end for its look, and takes a
//! refresh. Clicks and the menu need a person (or a real shell) and are covered behind a
//! fake in `background::tray`'s unit tests; the tray is untested on real Windows.
//! Under Wine, with an X display: `xvfb-run -a cargo test --target x86_64-pc-windows-gnu
//! --test windows_tray` (without one it skips).
#![cfg(windows)]

use std::sync::mpsc::{self, Sender};
use std::time::Duration;

use bedtime_coach::platform::tray_icon::{Image, Look, TrayEvents, show};

struct Fake {
    looks: Sender<Look>,
}

impl TrayEvents for Fake {
    fn look(&mut self) -> Look {
        let look = Look { active: true, tooltip: "Next: Warm bath at 21:00".to_owned() };
        let _ = self.looks.send(look.clone());
        look
    }

    fn menu(&mut self) -> Vec<Option<(String, bool)>> {
        vec![Some(("Open".to_owned(), true))]
    }

    fn clicked(&mut self) {}

    fn chose(&mut self, _index: usize) -> bool {
        false
    }
}

#[test]
fn the_icon_is_put_up_and_refreshed() {
    // Wine makes no window without a display (CreateWindowExW fails); `.ci/run` runs this
    // test again under xvfb-run.
    if std::env::var_os("DISPLAY").is_none() {
        eprintln!("skipped: Wine's tray needs an X display (run under xvfb-run)");
        return;
    }
    let (looks, looked) = mpsc::channel();
    let image = |size: i32| Image { size, argb: vec![0xff; usize::try_from(size * size * 4).unwrap()] };
    let images = [vec![image(16), image(32)], vec![image(16), image(32)]];
    let icon = show(Box::new(Fake { looks }), images).expect("Windows has a tray of its own").expect("the icon is up");
    assert_eq!(looked.recv_timeout(Duration::from_secs(5)).unwrap().tooltip, "Next: Warm bath at 21:00");
    assert!(icon.refresh());
    // The refresh asks for the look again (and, as it is unchanged, leaves the icon be).
    assert!(looked.recv_timeout(Duration::from_secs(5)).is_ok());
}
