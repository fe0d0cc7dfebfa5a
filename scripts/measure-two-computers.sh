#!/usr/bin/env bash
# Issue 24 part 3: what reading a folder that two computers share costs, whole process.
#
# Two computers that each wrote ten years: computer A's history from sample_history, and
# computer B's file of every month, a copy of A's with one more check-in each evening it
# recorded differently (so every month really merges). Then, on a fresh copy of the
# folder each run: `stats` (every month of both read and merged) and one `check` (its
# month of both read, this computer's written), medians of RUNS, beside the same commands
# on A's ten years alone.
#
#   scripts/measure-two-computers.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-9}
cargo build --release --quiet --bin bedtime-coach --example sample_history
target=${CARGO_TARGET_DIR:-target}
binary=$target/release/bedtime-coach
export TZ=Europe/Berlin
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_STATE_HOME=$work/state
today=$(date +%F)
yesterday=$(date -d yesterday +%F)
"$target/release/examples/sample_history" "$work/one" 3650 "$yesterday" >/dev/null
"$binary" --data-dir "$work/one" status >/dev/null
cp -a "$work/one" "$work/two"
python3 - "$work/two/journal" <<'PY'
import json, os, sys
folder = sys.argv[1]
other = "b" * 16
for name in sorted(os.listdir(folder)):
    parts = name.split(".")
    if len(parts) != 3 or parts[2] != "json":
        continue
    with open(os.path.join(folder, name)) as f:
        month = json.load(f)
    # The other computer recorded one more step on each evening it has.
    for date, evening in month.get("evenings", {}).items():
        evening.setdefault("checks", {})["b-only-step"] = {"outcome": "done", "at": date + "T21:30:00+01:00"}
    with open(os.path.join(folder, f"{parts[0]}.{other}.json"), "w") as f:
        json.dump(month, f, separators=(",", ":"))
PY
printf 'one computer: %s, two computers: %s\n' "$(du -sh "$work/one/journal" | cut -f1)" "$(du -sh "$work/two/journal" | cut -f1)"
python3 - "$work" "$binary" "$runs" "$today" <<'PY'
import os, shutil, statistics, subprocess, sys, time
work, binary, runs, today = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
commands = {"stats": ["stats"], "check": ["check", "caffeine-cutoff", "--date", today]}
def once(kind, folder):
    run = os.path.join(work, "run")
    shutil.rmtree(run, ignore_errors=True)
    subprocess.run(["cp", "-a", os.path.join(work, folder), run], check=True)
    start = time.perf_counter()
    child = subprocess.Popen([binary, "--data-dir", run, *commands[kind]], stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{kind} on {folder} failed")
    return (time.perf_counter() - start) * 1000, (usage.ru_utime + usage.ru_stime) * 1000, usage.ru_maxrss / 1024
for kind in commands:
    samples = {"one": [], "two": []}
    for _ in range(runs):
        for folder in samples:
            samples[folder].append(once(kind, folder))
    med = {}
    for folder, rows in samples.items():
        wall, cpu, rss = (sorted(c) for c in zip(*rows))
        med[folder] = (statistics.median(wall), statistics.median(cpu), statistics.median(rss))
        print(f"{kind:5} {folder} computer(s), 10 years: wall median {med[folder][0]:6.1f} ms   CPU median {med[folder][1]:6.1f} ms   peak RSS {med[folder][2]:5.1f} MB   ({runs} runs)")
    print(f"{kind:5} two / one: CPU {med['two'][1] / med['one'][1]:.2f}x   peak RSS {med['two'][2] / med['one'][2]:.2f}x")
PY
