//! Keeps the reminder service small: it runs all evening beside everything else, so what
//! it holds in memory should be what it uses, not what its start-up once touched.
//!
//! Three things make a long-running Rust process look bigger than it is on Linux:
//! - glibc gives each busy thread a heap of its own ("arena"), each mostly empty here;
//!   [`one_heap`] asks for a single one.
//! - glibc keeps freed memory for reuse; [`give_back_free_memory`] returns it after each
//!   burst of work (files read and parsed, a notification built).
//! - The kernel maps a program's code 64 KB at a time around each page it runs (fault
//!   around), and this program's code is spread over 16 MB (the window's code sits
//!   between the service's), so code that ran once (start-up: argument parsing, reading
//!   the files, the session bus, the tray; later a reminder or a click) stays counted as
//!   resident all evening: some 100 blocks of 64 KB, two thirds of the service's
//!   resident memory, measured with `scripts/measure-service.sh`.
//!   [`release_program_pages`] hands those pages back when the service is quiet again;
//!   they stay in the page cache (nothing is read from disk again), and what the idle
//!   service runs (a few blocks) comes back on its own at its next use. Android does the
//!   same for apps in the background ("compaction").
//!
//! All of it is Linux and glibc tuning: elsewhere these do nothing.

/// Asks glibc for one heap for the whole process. Called before the service starts its
/// threads.
pub fn one_heap() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets a tuning value of the allocator.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, 1);
    }
}

/// Returns memory freed since the last call to the system.
pub fn give_back_free_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only releases heap pages no allocation uses.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// Drops this program's read-only segments (its code and constant data) from the
/// process's mapping; pages it runs again are mapped back from the page cache on their
/// next use (a minor fault, microseconds: no disk read while the file is cached). Returns how many bytes were released (0 where this does nothing).
///
/// Only segments that are never written are touched: the program's code and read-only
/// data, not the relocated tables the loader wrote (those are in writable segments,
/// `PF_W` in the program header), which a release would lose.
pub fn release_program_pages() -> usize {
    #[cfg(target_os = "linux")]
    {
        let mut released = 0usize;
        for (start, length) in read_only_segments() {
            // SAFETY: the range is a read-only, never-written mapping of this program's
            // own file (found by `read_only_segments`); MADV_DONTNEED on it only unmaps
            // pages, which the kernel maps back from the file on their next use.
            let done = unsafe { libc::madvise(start as *mut libc::c_void, length, libc::MADV_DONTNEED) };
            if done == 0 {
                released += length;
            }
        }
        released
    }
    #[cfg(not(target_os = "linux"))]
    0
}

/// The page-aligned (start, length) of each loaded segment of the main program that is
/// never written: its code and read-only data.
#[cfg(target_os = "linux")]
fn read_only_segments() -> Vec<(usize, usize)> {
    struct Found {
        page: usize,
        segments: Vec<(usize, usize)>,
    }
    unsafe extern "C" fn each(info: *mut libc::dl_phdr_info, _size: libc::size_t, found: *mut libc::c_void) -> i32 {
        // SAFETY: dl_iterate_phdr passes a valid info for the duration of the call and
        // our own `found`, a `Found` that outlives the iteration.
        let (info, found) = unsafe { (&*info, &mut *found.cast::<Found>()) };
        // SAFETY: dlpi_phdr points at dlpi_phnum program headers.
        let headers = unsafe { std::slice::from_raw_parts(info.dlpi_phdr, usize::from(info.dlpi_phnum)) };
        let page = found.page;
        for header in headers {
            if header.p_type != libc::PT_LOAD || header.p_flags & libc::PF_W != 0 {
                continue;
            }
            // Checked: a panic here could not unwind out of this C callback.
            let address = info.dlpi_addr.checked_add(header.p_vaddr).and_then(|a| usize::try_from(a).ok());
            let size = usize::try_from(header.p_memsz).ok();
            let Some((address, segment_end)) = address.zip(size).and_then(|(a, s)| Some((a, a.checked_add(s)?))) else {
                continue;
            };
            // Whole pages inside the segment only: a shared page's other part may be
            // a writable segment's.
            let Some(start) = address.checked_next_multiple_of(page) else { continue };
            let end = segment_end / page * page;
            if end > start {
                found.segments.push((start, end - start));
            }
        }
        // The main program comes first; stop after it.
        1
    }
    // SAFETY: sysconf only reads a system value.
    let Ok(page) = usize::try_from(unsafe { libc::sysconf(libc::_SC_PAGESIZE) }) else { return Vec::new() };
    let mut found = Found { page: page.max(1), segments: Vec::new() };
    // SAFETY: `each` matches the callback type and only reads what it is given.
    unsafe {
        libc::dl_iterate_phdr(Some(each), (&raw mut found).cast());
    }
    found.segments
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Resident kB of this program's read-only, non-writable mappings, from smaps.
    fn resident_program_kb() -> u64 {
        let exe = std::fs::read_link("/proc/self/exe").unwrap();
        let smaps = std::fs::read_to_string("/proc/self/smaps").unwrap();
        let mut ours = false;
        let mut total = 0;
        for line in smaps.lines() {
            let fields: Vec<&str> = line.split_whitespace().collect();
            if fields
                .first()
                .is_some_and(|f| f.contains('-') && f.chars().next().is_some_and(|c| c.is_ascii_hexdigit()))
                && fields.len() >= 5
            {
                ours = fields.len() >= 6 && std::path::Path::new(fields[5]) == exe && !fields[1].contains('w');
            } else if ours && fields.first() == Some(&"Rss:") {
                total += fields[1].parse::<u64>().unwrap();
            }
        }
        total
    }

    #[test]
    #[cfg(target_os = "linux")]
    fn released_code_pages_leave_the_mapping_and_the_program_runs_on() {
        one_heap();
        let before = resident_program_kb();
        assert!(before > 0, "no resident code found for this test program");
        let released = release_program_pages();
        assert!(released > 0);
        let after = resident_program_kb();
        assert!(after < before, "resident code {before} kB → {after} kB");
        // Code runs on after the release (mapped back as it runs), allocations too.
        let text: String = (0..1000).map(|n| char::from(b'a' + (n % 26) as u8)).collect();
        assert_eq!(text.len(), 1000);
        give_back_free_memory();
        assert!(format!("{:?}", chrono::NaiveDate::from_ymd_opt(2026, 11, 28)).contains("2026"));
    }
}
