//! The window's screens, by name: what the tabs, the views' links and a later start of
//! the program (`--screen`) ask for. Its own file so that a view can name another screen
//! without reaching into the app that shows it.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Tonight,
    /// The morning night log, its warning cards and what helps.
    Night,
    History,
    Routine,
    Schedule,
    Settings,
    /// The information screen on twitches at sleep onset (reached from Tonight and Night).
    AboutSleep,
}

impl Screen {
    /// The screens a start of the program can ask for (`--screen`), by the name it uses
    /// there and on the bus (see [`crate::desktop::SHOW_SCREEN`]).
    const STARTABLE: [(Screen, &'static str); 2] = [(Screen::Tonight, "tonight"), (Screen::Night, "night")];

    /// This screen's name for `--screen`, if a start can ask for it.
    pub fn start_name(self) -> Option<&'static str> {
        Self::STARTABLE.iter().find(|(screen, _)| *screen == self).map(|(_, name)| *name)
    }

    /// The screen a start asked for by name; `None` for any other name.
    pub fn from_start_name(name: &str) -> Option<Screen> {
        Self::STARTABLE.iter().find(|(_, known)| *known == name).map(|(screen, _)| *screen)
    }
}
