#!/usr/bin/env bash
# Reads and writes of each data file for one Done click in the window (through
# egui_kittest, the real App and the real files), counted with strace between two
# marker files the test creates: `bash scripts/reads-per-click.sh`.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v strace >/dev/null || { echo "strace is needed (apt-get install strace)" >&2; exit 2; }
binary=$(cargo test --test window_tonight --no-run --message-format=json 2>/dev/null \
  | grep -o '"executable":"[^"]*window_tonight-[^"]*"' | head -n 1 | cut -d'"' -f4)
trace=$(mktemp)
strace -f -qq -e trace=openat,rename,renameat,renameat2 -o "$trace" \
  "$binary" --ignored --exact one_done_click_between_markers --test-threads=1 >/dev/null
awk '/click-begins/{on=1} /click-ends/{on=0} on' "$trace" > "$trace.click"
count() { grep -c -- "$1" "$trace.click" || true; }
# journal.json is the pointer to the months; journal/YYYY-MM.json the month files.
for file in routine.json journal.json 'journal/[0-9]{4}-[0-9]{2}.json' 'journal/[0-9]{4}-[0-9]{2}.json.bak' reminders.json; do
  reads=$(grep -E -- "openat\(.*/$file\"" "$trace.click" | grep -v 'O_WRONLY\|O_RDWR\|O_CREAT' | grep -vc '= -1' || true)
  echo "$file: opened to read $reads"
done
echo "files renamed into place (a save, and the backup it rotates): $(count 'rename(')"
rm -f "$trace" "$trace.click"
