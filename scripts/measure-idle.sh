#!/usr/bin/env bash
# Idle cost of the window beside a bare eframe glow window, under Xvfb.
# Prints CPU ticks (utime+stime from /proc/PID/stat, 100 per second) used during
# SECONDS idle seconds after a 10 s settle, and resident memory (VmRSS, VmHWM).
# With DAYS, the data folder holds that many evenings ending yesterday
# (examples/sample_history) and the window is measured on Tonight and, opened again, on
# History (its tab clicked; a screenshot of it is kept as
# target/measure-idle-history.png to check that History was what was measured).
# Usage: scripts/measure-idle.sh [SECONDS] [DAYS]   (builds release binaries first)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
days=${2:-}
cargo build --release --quiet --bin bedtime-coach --example bare_window ${days:+--example sample_history}
display=:$((150 + $$ % 300))
Xvfb "$display" -screen 0 1280x900x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
data=$(mktemp -d)
# The window starts the reminder service for the folder; it is stopped with the rest.
trap './target/release/bedtime-coach --data-dir "$data" remind --stop >/dev/null 2>&1 || true; kill $xvfb 2>/dev/null; rm -rf "$data"' EXIT
sleep 1
if [ -n "$days" ]; then
  ./target/release/examples/sample_history "$data" "$days" "$(date -d yesterday +%F)"
else
  ./target/release/bedtime-coach --data-dir "$data" routine set warm-bath --before 90 >/dev/null # a saved routine: the window opens on Tonight
fi
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
# The History tab, where it is in the window's first size (980×700, English, no window
# manager): the screenshot shows whether the click found it.
open_history() {
  sleep 5
  local window
  window=$(DISPLAY=$display xdotool search --sync --onlyvisible --name "Bedtime Coach" | head -1)
  DISPLAY=$display xdotool mousemove --window "$window" 365 20 click 1 mousemove --window "$window" 900 690
  sleep 5
  DISPLAY=$display import -window root target/measure-idle-history.png
}
measure() {
  local name=$1 then=$2; shift 2
  DISPLAY=$display "$@" >/dev/null 2>&1 &
  local pid=$!
  sleep 10
  $then
  local before; before=$(ticks "$pid")
  sleep "$seconds"
  local after; after=$(ticks "$pid")
  local rss hwm
  rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
  hwm=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  printf '%-24s %4d ticks in %ds idle   VmRSS %6d kB   VmHWM %6d kB\n' "$name" $((after - before)) "$seconds" "$rss" "$hwm"
}
measure "bare eframe" true ./target/release/examples/bare_window
measure "bedtime-coach, Tonight" true ./target/release/bedtime-coach --data-dir "$data"
if [ -n "$days" ]; then
  measure "bedtime-coach, History" open_history ./target/release/bedtime-coach --data-dir "$data"
fi
