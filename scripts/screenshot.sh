#!/bin/sh
# A screenshot of the real window under Xvfb, as the README's were taken:
#   scripts/screenshot.sh DATA_DIR WIDTHxHEIGHT OUT.png [WHEN] [ARGS...]
# DATA_DIR is the --data-dir to open; WHEN ("2026-11-27 23:30:00") starts the app's clock
# there through libfaketime (it runs on from there); ARGS go to the binary (for example
# --screen night). LANG picks the language as usual. Needs Xvfb, xdotool, ImageMagick's
# import and, for WHEN, faketime; runs $BEDTIME_COACH_BIN, or target/release/bedtime-coach
# (built if missing). Meant for a fixture folder: the reminder service that the window
# starts for DATA_DIR is stopped afterwards.
set -eu
data=$1 size=$2 out=$3
shift 3
when=${1:-}
[ $# -gt 0 ] && shift
bin=${BEDTIME_COACH_BIN:-target/release/bedtime-coach}
[ -x "$bin" ] || cargo build --release --quiet
# A free display number, as Xvfb picks it (-displayfd), not a guess that may be taken.
number=$(mktemp)
app=
Xvfb -displayfd 3 -screen 0 1400x1000x24 -nolisten tcp 3>"$number" 2>/dev/null &
xvfb=$!
trap 'kill $app $xvfb 2>/dev/null; rm -f "$number"' EXIT
while [ ! -s "$number" ]; do sleep 0.1; done
display=:$(cat "$number")
if [ -n "$when" ]; then
    DISPLAY=$display FAKETIME_DONT_FAKE_MONOTONIC=1 faketime -f "@$when" "$bin" --data-dir "$data" "$@" >/dev/null 2>&1 &
else
    DISPLAY=$display "$bin" --data-dir "$data" "$@" >/dev/null 2>&1 &
fi
app=$!
window=$(DISPLAY=$display timeout 30 xdotool search --sync --onlyvisible --name '^Bedtime Coach$' | head -n 1)
DISPLAY=$display xdotool windowsize "$window" "${size%x*}" "${size#*x}"
sleep 2
DISPLAY=$display import -window "$window" "$out"
# The window starts a reminder service for DATA_DIR; it would outlive the screenshot.
service=$(cat "$data/reminders.lock" 2>/dev/null || true)
[ -n "$service" ] && kill "$service" 2>/dev/null || true
