//! The domain: routine, schedule, evening plan and journal.
//!
//! Pure on purpose: no egui, no file or network I/O, no clock reads. Every function that
//! needs "now" or a time zone takes them as arguments, so tests can use fixed instants
//! and `chrono-tz` zones.

pub mod anchor;
pub mod catalog;
pub mod computers;
pub mod helps;
pub mod instant;
pub mod journal;
pub mod merge;
pub mod night;
pub mod plan;
pub mod planned;
pub mod reminders;
pub mod removals;
pub mod routine;
pub mod routine_file;
pub mod routine_merge;
pub mod schedule;
pub mod settings;
pub mod stats;
pub mod time;
pub mod validate;
pub mod warnings;

pub use catalog::{CATALOG, Hemisphere, ValueKind};
pub use journal::{CheckIn, Evening, Extra, Journal, Outcome, PlannedTimes};
pub use merge::{MergeCounts, merge, merge_into};
pub use night::{Jerks, NightAnswer, NightError, NightLog, Stress};
pub use plan::{Plan, PlannedStep, StepState, Timing, evening_at, plan_evening};
pub use reminders::ReminderLog;
pub use routine::{Anchor, Routine, Step};
pub use routine_file::RoutineFile;
pub use schedule::{Day, Night, Schedule};
pub use settings::{LanguageChoice, Settings, Theme};
