//! Link-time setting for the `bedtime-coach` binary.
//!
//! Packed relative relocations (`DT_RELR`): a position-independent program carries a
//! table of the addresses the loader must adjust at each start. Packed, that table is
//! ~10 KB instead of ~1 MB, which the loader would otherwise read at every start and the
//! reminder service keep resident (see `src/platform/unix/footprint.rs`). Only where the C
//! library knows the packed form (glibc 2.36 and later); elsewhere nothing changes.

use std::process::Command;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let target = std::env::var("TARGET").unwrap_or_default();
    let host = std::env::var("HOST").unwrap_or_default();
    // The build machine's glibc is the one asked; a cross build keeps the usual table.
    if target == host && target.ends_with("-linux-gnu") && glibc_at_least(2, 36) {
        println!("cargo:rustc-link-arg-bins=-Wl,-z,pack-relative-relocs");
    }
}

/// Whether this machine's glibc (`getconf GNU_LIBC_VERSION`: "glibc 2.36") is at least
/// `major.minor`.
fn glibc_at_least(major: u32, minor: u32) -> bool {
    let Ok(output) = Command::new("getconf").arg("GNU_LIBC_VERSION").output() else { return false };
    let text = String::from_utf8_lossy(&output.stdout);
    let Some(version) = text.trim().strip_prefix("glibc ") else { return false };
    let mut parts = version.split('.').map(|part| part.parse::<u32>().unwrap_or(0));
    let found = (parts.next().unwrap_or(0), parts.next().unwrap_or(0));
    found >= (major, minor)
}
