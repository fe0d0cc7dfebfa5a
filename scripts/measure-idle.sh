#!/usr/bin/env bash
# Idle cost of the window beside a bare eframe glow window, under Xvfb.
# Prints CPU ticks (utime+stime from /proc/PID/stat, 100 per second) used during
# SECONDS idle seconds after a 10 s settle, and resident memory (VmRSS, VmHWM).
# Usage: scripts/measure-idle.sh [SECONDS]   (builds release binaries first)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
cargo build --release --quiet --bin bedtime-coach --example bare_window
display=:$((150 + $$ % 300))
Xvfb "$display" -screen 0 1280x900x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
data=$(mktemp -d)
trap 'kill $xvfb 2>/dev/null; rm -rf "$data"' EXIT
sleep 1
./target/release/bedtime-coach --data-dir "$data" routine set warm-bath --before 90 >/dev/null # a saved routine: the window opens on Tonight
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
measure() {
  local name=$1; shift
  DISPLAY=$display "$@" >/dev/null 2>&1 &
  local pid=$!
  sleep 10
  local before; before=$(ticks "$pid")
  sleep "$seconds"
  local after; after=$(ticks "$pid")
  local rss hwm
  rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
  hwm=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  printf '%-16s %4d ticks in %ds idle   VmRSS %6d kB   VmHWM %6d kB\n' "$name" $((after - before)) "$seconds" "$rss" "$hwm"
}
measure "bare eframe" ./target/release/examples/bare_window
measure "bedtime-coach" ./target/release/bedtime-coach --data-dir "$data"
