//! What applying a change gives back: [`Applied`] (saved, unchanged, the step as
//! saved), or a [`CommandError`] whose message is one sentence for the user, in their
//! language. Shared by every front end, so each says a refusal the same way.

use crate::model::computers::NameError;
use crate::model::routine::StepError;
use crate::model::schedule::SameTime;
use crate::model::validate::{Invalid, Problem};
use crate::model::{NightError, Step};
use crate::store::StoreError;
use crate::tr;

/// Why a command was refused; each message is a sentence for the user, in their language.
#[derive(Debug, thiserror::Error)]
pub enum CommandError {
    #[error("{}", tr!("error-unknown-step", id = .0.as_str()))]
    UnknownStep(String),
    #[error("{}", tr!("error-already-in-routine", id = .0.as_str()))]
    AlreadyInRoutine(String),
    #[error(transparent)]
    Step(#[from] StepError),
    #[error(transparent)]
    Schedule(#[from] SameTime),
    #[error(transparent)]
    Night(#[from] NightError),
    #[error(transparent)]
    Name(#[from] NameError),
    /// A computer cannot forget itself: it is the one the user is at.
    #[error("{}", tr!("error-forget-this-computer"))]
    ForgetThisComputer,
    /// A value that may not enter the journal (see [`crate::model::validate`]).
    #[error("{}", tr!("error-not-recorded", reason = .0.to_string()))]
    Invalid(Invalid),
    /// Already a sentence in the user's language.
    #[error("{0}")]
    BadValue(String),
    #[error(transparent)]
    Store(#[from] StoreError),
    /// Inside `apply` only: the change would change nothing, so the store must not save.
    #[error("{}", tr!("error-nothing-changed"))]
    NothingToChange,
}

/// The model's refusals with the sentences the command line and the window always gave
/// for them (a humidity, a rested score, a date too far), the others in general words.
impl From<Invalid> for CommandError {
    fn from(invalid: Invalid) -> Self {
        match invalid.problem {
            Problem::Value(error) => CommandError::Step(error),
            Problem::Night(error) => CommandError::Night(error),
            Problem::OutOfRange => {
                let date = invalid.evening.map(|date| date.to_string()).unwrap_or_default();
                CommandError::BadValue(tr!("error-date-too-far", date = date))
            }
            problem => CommandError::Invalid(Invalid { problem, ..invalid }),
        }
    }
}

/// What applying a command did.
#[derive(Debug, Clone, PartialEq)]
pub enum Applied {
    /// The change was saved.
    Saved,
    /// There was nothing to change (undoing what was never checked, an edit to the
    /// values a step already has); nothing was written.
    Unchanged,
    /// A step was added or edited; this is it as saved.
    Step(Step),
}

impl CommandError {
    /// The change found the files locked by another process (`Some(pid)` when known):
    /// the window keeps it and tries again rather than failing.
    pub fn busy(&self) -> Option<Option<u32>> {
        match self {
            CommandError::Store(StoreError::Busy { pid, .. }) => Some(*pid),
            _ => None,
        }
    }
}

impl Applied {
    pub fn changed(&self) -> bool {
        !matches!(self, Applied::Unchanged)
    }
}
