#!/usr/bin/env bash
# Idle cost of the reminder service (`bedtime-coach remind`) with its tray icon, on a
# private D-Bus session: once with no tray host on the bus, once with a stand-in tray host
# (examples/sni_watcher.rs) to which the icon registers. Prints CPU ticks
# (utime+stime from /proc/PID/stat, 100 per second) used during SECONDS idle seconds
# after a 5 s settle, and resident memory (VmRSS, VmHWM from /proc/PID/status).
# Usage: scripts/measure-service.sh [SECONDS] [OTHER_BINARY]
#   OTHER_BINARY: another bedtime-coach build to measure the same way (e.g. one without
#   the tray), for comparison.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
other=${2:-}
cargo build --release --quiet --bin bedtime-coach --example sni_watcher
target=${CARGO_TARGET_DIR:-target}
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
"$target/release/bedtime-coach" --data-dir "$data" schedule --bedtime 23:59 --wake 07:59 >/dev/null

export seconds data target other
dbus-run-session -- bash -c '
  ticks() { awk "{print \$14 + \$15}" "/proc/$1/stat"; }
  measure() {
    local name=$1; shift
    "$@" remind --data-dir "$data" >/dev/null 2>&1 &
    local pid=$!
    sleep 5
    local before; before=$(ticks "$pid")
    sleep "$seconds"
    local after; after=$(ticks "$pid")
    local rss hwm threads
    rss=$(awk "/VmRSS/ {print \$2}" "/proc/$pid/status")
    hwm=$(awk "/VmHWM/ {print \$2}" "/proc/$pid/status")
    threads=$(awk "/Threads/ {print \$2}" "/proc/$pid/status")
    kill "$pid"; wait "$pid" 2>/dev/null || true
    printf "%-34s %3d ticks in %ds idle   VmRSS %6d kB   VmHWM %6d kB   %2d threads\n" \
      "$name" $((after - before)) "$seconds" "$rss" "$hwm" "$threads"
  }
  if [ -n "$other" ]; then measure "other build, no tray host" "$other"; fi
  measure "with tray, no tray host" "$target/release/bedtime-coach"
  "$target/release/examples/sni_watcher" >/dev/null &
  watcher=$!
  sleep 1
  if [ -n "$other" ]; then measure "other build, tray host present" "$other"; fi
  measure "with tray, icon shown" "$target/release/bedtime-coach"
  kill $watcher
' 2>&1 | grep -v "fd limit"
