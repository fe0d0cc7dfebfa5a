//! Why a command failed: the error every handler returns, each a sentence for the user,
//! mapped to exit code 1 at the binary's edge.

use crate::use_cases::{CommandError, RemindError, StoreError, TransferError};

/// Why a command failed; each message is one sentence for the user.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error(transparent)]
    Command(#[from] CommandError),
    #[error(transparent)]
    Remind(#[from] RemindError),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Transfer(#[from] TransferError),
    /// The installer's shortcut could not be given the app's id.
    #[error("{}", crate::tr!("cli-shortcut-failed", link = .link.display().to_string(), cause = .cause.to_string()))]
    Shortcut { link: std::path::PathBuf, cause: std::io::Error },
    #[error(transparent)]
    Activation(#[from] crate::background::activation::ActivationError),
    /// `remind --test` got no notification on screen; the sentence says why.
    #[error("{0}")]
    Test(String),
}
