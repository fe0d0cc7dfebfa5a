//! What differs between operating systems, each concern behind one small interface.
//!
//! Why it exists: the use cases, screens and model must not be sprinkled with `#[cfg]`;
//! a concern that the systems do differently (starting a process detached, and more as
//! the Windows port arrives) is asked of this module, and each system's way of doing it
//! lives in a file of its own.

pub mod detached;
