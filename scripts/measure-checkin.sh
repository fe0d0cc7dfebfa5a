#!/usr/bin/env bash
# What one command costs as history grows, whole process (start, read, change, save, exit),
# as issue 24 asks: one check-in, and `stats` (what History computes), each with a year and
# with ten years of history from examples/sample_history.rs.
#
# Every run is a fresh process on a fresh copy of the folder, so each does the same work
# (a check-in on the evening after the history's last one: a new evening, like tonight's
# first click). The two sizes take turns, so a busy moment of the machine falls on both.
# Prints the median wall time (and its min), CPU time and peak memory of each, and the
# ratios 10 years / 1 year. MB here are MiB (ru_maxrss / 1024).
#
# Usage: scripts/measure-checkin.sh [RUNS] [BINARY SAMPLE_HISTORY]
#   RUNS: runs of each kind and size (default 15);
#   BINARY SAMPLE_HISTORY: another build's bedtime-coach and examples/sample_history to
#   measure instead (an older build, say, with the journal's older layout).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-15}
cargo build --release --quiet --bin bedtime-coach --example sample_history
target=${CARGO_TARGET_DIR:-target}
binary=${2:-$target/release/bedtime-coach}
sample_history=${3:-$target/release/examples/sample_history}

# The sample journal was kept in Berlin; read it there. A state folder of our own keeps
# whatever belongs to this computer (device id, locks) out of the user's.
export TZ=Europe/Berlin
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_STATE_HOME=$work/state
mkdir -p "$XDG_STATE_HOME"
today=$(date +%F)
yesterday=$(date -d yesterday +%F)

for years in 1 10; do
  "$sample_history" "$work/base-$years" $((years * 365)) "$yesterday" >/dev/null
  # One command first, so anything a first run does once (a layout's migration, a device
  # id) is done before the copies are made.
  "$binary" --data-dir "$work/base-$years" status >/dev/null
  printf '%2d year(s): %s in the folder\n' "$years" "$(du -sh "$work/base-$years" | cut -f1)"
done

# The runs, in Python for os.wait4: a fresh process's wall time and CPU time (user +
# system, which a busy machine inflates far less than the wall time). Its peak resident
# memory in a run of its own under `/usr/bin/time`: the kernel counts into a child's
# ru_maxrss the memory of the process it was forked from, which from Python is Python's
# (about 14 MB), from `time` almost nothing.
python3 - "$work" "$binary" "$runs" "$today" <<'PY'
import os, shutil, statistics, subprocess, sys, time

work, binary, runs, today = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
commands = {"check": ["check", "caffeine-cutoff", "--date", today], "stats": ["stats"]}

def fresh(years):
    folder = os.path.join(work, "run")
    shutil.rmtree(folder, ignore_errors=True)
    subprocess.run(["cp", "-a", os.path.join(work, f"base-{years}"), folder], check=True)
    return folder

def once(kind, years):
    """Wall ms, CPU ms, peak MB of one run of `kind` on a fresh copy of `years` of history."""
    command = [binary, "--data-dir", fresh(years), *commands[kind]]
    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        sys.exit(f"{kind} at {years} years failed with {child.returncode}")
    command[2] = fresh(years)
    peak = os.path.join(work, "peak")
    subprocess.run(["/usr/bin/time", "-f", "%M", "-o", peak, *command], stdout=subprocess.DEVNULL, check=True)
    with open(peak) as file:
        rss = int(file.read().split()[-1])
    return wall * 1000, (usage.ru_utime + usage.ru_stime) * 1000, rss / 1024

for kind in commands:
    samples = {1: [], 10: []}
    for _ in range(runs):
        for years in samples:  # taking turns: a busy moment falls on both sizes
            samples[years].append(once(kind, years))
    med = {}
    for years, runs_of in samples.items():
        wall, cpu, rss = (sorted(column) for column in zip(*runs_of))
        med[years] = (statistics.median(wall), statistics.median(cpu), statistics.median(rss))
        print(f"{kind:5} {years:2} year(s): wall median {med[years][0]:6.1f} ms (min {wall[0]:6.1f})"
              f"   CPU median {med[years][1]:6.1f} ms   peak RSS median {med[years][2]:5.1f} MB   ({len(wall)} runs)")
    ratio = [ten / one for ten, one in zip(med[10], med[1])]
    print(f"{kind:5} 10 years / 1 year: wall {ratio[0]:.2f}x   CPU {ratio[1]:.2f}x   peak RSS {ratio[2]:.2f}x")
PY
