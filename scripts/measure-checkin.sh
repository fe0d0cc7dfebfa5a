#!/usr/bin/env bash
# What one command costs as history grows, whole process (start, read, change, save, exit),
# as issue 24 asks: one check-in, and `stats` (what History computes), each with a year and
# with ten years of history from examples/sample_history.rs.
#
# Every run is a fresh process on a fresh copy of the folder, so each does the same work
# (a check-in on the evening after the history's last one: a new evening, like tonight's
# first click). The two sizes take turns, so a busy moment of the machine falls on both.
# Wall time is taken around the bare process with bash's EPOCHREALTIME (microseconds);
# peak memory (maximum resident set) in separate runs under `/usr/bin/time -f %M`, so its
# own start-up is not in the times. Prints median and min of each, and 10 years / 1 year.
#
# Usage: scripts/measure-checkin.sh [RUNS] [BINARY]
#   RUNS: runs of each kind and size (default 15);
#   BINARY: another bedtime-coach build to measure instead (its folders are still written
#   by this tree's examples/sample_history).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-15}
cargo build --release --quiet --bin bedtime-coach --example sample_history
target=${CARGO_TARGET_DIR:-target}
binary=${2:-$target/release/bedtime-coach}

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
  "$target/release/examples/sample_history" "$work/base-$years" $((years * 365)) "$yesterday" >/dev/null
  # One command first, so anything a first run does once (a layout's migration, a device
  # id) is done before the copies are made.
  "$binary" --data-dir "$work/base-$years" status >/dev/null
  printf '%2d year(s): %s in the folder\n' "$years" "$(du -sh "$work/base-$years" | cut -f1)"
done

# run KIND YEARS MODE: one fresh process; prints microseconds (MODE=time) or peak kB (MODE=rss).
run() {
  local kind=$1 years=$2 mode=$3 dir=$work/run
  rm -rf "$dir"
  cp -a "$work/base-$years" "$dir"
  local args
  case $kind in
    check) args=(check caffeine-cutoff --date "$today") ;;
    stats) args=(stats) ;;
  esac
  if [ "$mode" = time ]; then
    local start=$EPOCHREALTIME
    "$binary" --data-dir "$dir" "${args[@]}" >/dev/null
    local end=$EPOCHREALTIME
    echo $(((${end/./} - ${start/./})))
  else
    /usr/bin/time -f %M -o "$work/rss" "$binary" --data-dir "$dir" "${args[@]}" >/dev/null
    cat "$work/rss"
  fi
}

median() { sort -n | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }
minimum() { sort -n | head -n 1; }

for kind in check stats; do
  declare -A samples=()
  for _ in $(seq "$runs"); do
    for years in 1 10; do
      for mode in time rss; do
        samples[$years-$mode]+="$(run "$kind" "$years" "$mode") "
      done
    done
  done
  declare -A med=()
  for years in 1 10; do
    for mode in time rss; do
      med[$years-$mode]=$(tr ' ' '\n' <<<"${samples[$years-$mode]}" | grep . | median)
    done
    low=$(tr ' ' '\n' <<<"${samples[$years-time]}" | grep . | minimum)
    printf '%-6s %2d year(s): wall median %6.1f ms (min %6.1f)   peak RSS median %6.1f MB   (%d runs)\n' \
      "$kind" "$years" "$(bc -l <<<"${med[$years-time]} / 1000")" "$(bc -l <<<"$low / 1000")" \
      "$(bc -l <<<"${med[$years-rss]} / 1024")" "$runs"
  done
  printf '%-6s 10 years / 1 year: wall %.2fx   peak RSS %.2fx\n' "$kind" \
    "$(bc -l <<<"${med[10-time]} / ${med[1-time]}")" "$(bc -l <<<"${med[10-rss]} / ${med[1-rss]}")"
  unset samples med
done
