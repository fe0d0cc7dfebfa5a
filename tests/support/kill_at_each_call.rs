//! A crash at every step: the binary run under `strace`, killed (SIGKILL, as `kill -9`)
//! at the 1st, 2nd, … call of each system call that changes files, until a run finishes
//! without reaching that call; after each run the caller checks the folder.

use std::collections::BTreeMap;
use std::os::unix::process::ExitStatusExt;
use std::path::Path;

/// The system calls that change files; a kill before any other call is the same crash
/// as a kill before the next one of these.
pub const CHANGING_CALLS: &[&str] = &[
    "openat",
    "write",
    "pwrite64",
    "fsync",
    "fdatasync",
    "ftruncate",
    "linkat",
    "link",
    "unlinkat",
    "unlink",
    "renameat2",
    "renameat",
    "rename",
    "mkdir",
    "mkdirat",
    "flock",
];

/// For each call and each n: a fresh folder made by `prepare`, `bedtime-coach --data-dir
/// DIR ARGS` killed at that call's n-th time, then `check(dir, killed, context)`. Returns
/// how many runs each call killed (a run not killed must have succeeded).
pub fn kill_at_each_changing_call(
    prepare: impl Fn(&Path),
    args: &[&str],
    mut check: impl FnMut(&Path, bool, &str),
) -> BTreeMap<&'static str, u32> {
    let mut kills = BTreeMap::new();
    for call in CHANGING_CALLS {
        for n in 1..=500 {
            let dir = tempfile::tempdir().unwrap();
            prepare(dir.path());
            let out = std::process::Command::new("strace")
                .args(["-f", "-qq", "-o", "/dev/null", "-e", &format!("inject={call}:signal=KILL:when={n}")])
                .arg(super::BIN)
                .arg("--data-dir")
                .arg(dir.path())
                .args(args)
                .env("TZ", "Europe/Berlin")
                // This computer's state (its device id: which month files are its own)
                // in the folder, as `support::bin` keeps it.
                .env("BEDTIME_COACH_STATE_DIR", dir.path())
                .output()
                .unwrap();
            let killed = out.status.signal() == Some(9);
            if killed {
                *kills.entry(*call).or_default() += 1;
            } else {
                assert!(out.status.success(), "{call} #{n}: {}", String::from_utf8_lossy(&out.stderr));
            }
            check(dir.path(), killed, &format!("killed at {call} #{n}"));
            if !killed {
                break; // this call happens fewer than n times
            }
        }
    }
    kills
}
