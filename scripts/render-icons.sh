#!/usr/bin/env bash
# Renders the hicolor PNG icons from assets/icon.svg (the one drawing of the app icon).
# The PNGs are committed, so packaging needs no SVG renderer; run this after changing
# the SVG. Needs rsvg-convert (apt-get install librsvg2-bin).
set -euo pipefail
cd "$(dirname "$0")/.."
id=io.github.bedtimecoach.BedtimeCoach
root=assets/icons/hicolor
mkdir -p "$root/scalable/apps"
cp assets/icon.svg "$root/scalable/apps/$id.svg"
for size in 16 22 24 32 48 64 128 256 512; do
  mkdir -p "$root/${size}x${size}/apps"
  rsvg-convert --width "$size" --height "$size" assets/icon.svg -o "$root/${size}x${size}/apps/$id.png"
done
