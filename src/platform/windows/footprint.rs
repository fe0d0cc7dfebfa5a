//! The service's memory on Windows: the Linux tuning (glibc's arenas and trim, code
//! pages released) has no counterpart to ask for; the system trims an idle process's
//! working set by itself.

pub fn one_heap() {}

pub fn give_back_free_memory() {}

/// Nothing is released here: 0 bytes.
pub fn release_program_pages() -> usize {
    0
}
