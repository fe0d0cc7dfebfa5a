#!/usr/bin/env bash
# Idle cost of the reminder service (`bedtime-coach remind`) with its tray icon, on a
# private D-Bus session: once with no tray host on the bus, once with a stand-in tray host
# (examples/sni_watcher.rs) to which the icon registers. For each: CPU ticks
# (utime+stime from /proc/PID/stat, 100 per second) used during SECONDS idle seconds,
# resident memory (VmRSS, of which RssAnon / RssFile, from /proc/PID/status) and threads,
# measured after the start-up settled (the service hands back what start-up used once it
# has been quiet 10 s, see src/remind/footprint.rs); then the peak just after a change
# (a step checked from the command line: the service and the tray re-read the files) and
# the memory once it is quiet again.
# Usage: scripts/measure-service.sh [SECONDS] [OTHER_BINARY]
#   OTHER_BINARY: another bedtime-coach build to measure the same way, for comparison.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
other=${2:-}
cargo build --release --quiet --bin bedtime-coach --example sni_watcher
target=${CARGO_TARGET_DIR:-target}
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT

export seconds data target other
dbus-run-session -- bash -c '
  ticks() { awk "{print \$14 + \$15}" "/proc/$1/stat"; }
  memory() {
    awk "/VmRSS/ {r=\$2} /RssAnon/ {a=\$2} /RssFile/ {f=\$2} /Threads/ {t=\$2}
         END {printf \"VmRSS %6d kB (anon %5d, file %5d)  %d threads\", r, a, f, t}" "/proc/$1/status"
  }
  measure() {
    local name=$1 binary=$2
    rm -rf "$data"/*
    "$binary" --data-dir "$data" schedule --bedtime 23:59 --wake 07:59 >/dev/null
    "$binary" remind --data-dir "$data" >/dev/null 2>&1 &
    local pid=$!
    sleep 12
    local before; before=$(ticks "$pid")
    sleep "$seconds"
    local after; after=$(ticks "$pid")
    printf "%-32s idle: %3d ticks in %ds   %s\n" "$name" $((after - before)) "$seconds" "$(memory "$pid")"
    "$binary" --data-dir "$data" check caffeine-cutoff >/dev/null
    sleep 3
    printf "%-32s just after a change:         %s\n" "" "$(memory "$pid")"
    sleep 12
    printf "%-32s quiet again:                 %s\n" "" "$(memory "$pid")"
    kill "$pid"; wait "$pid" 2>/dev/null || true
  }
  if [ -n "$other" ]; then measure "other build, no tray host" "$other"; fi
  measure "with tray, no tray host" "$target/release/bedtime-coach"
  "$target/release/examples/sni_watcher" >/dev/null 2>&1 &
  watcher=$!
  sleep 1
  if [ -n "$other" ]; then measure "other build, tray host present" "$other"; fi
  measure "with tray, icon shown" "$target/release/bedtime-coach"
  kill $watcher
' 2>&1 | grep -v "fd limit"
