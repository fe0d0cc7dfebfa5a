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
# The Windows icon (installer, shortcut, Apps & features): the PNGs above in one .ico,
# 256 stored as PNG (ImageMagick does that itself), as Windows reads it. Needs ImageMagick.
mkdir -p assets/icons/windows
convert $(for size in 16 24 32 48 64 256; do echo "$root/${size}x${size}/apps/$id.png"; done) \
  assets/icons/windows/bedtime-coach.ico
# The installer's welcome and finish pages' side picture (164x314, a BMP3 as NSIS wants).
convert -size 164x314 'xc:#1f2a4d' \( "$root/128x128/apps/$id.png" \) -gravity north -geometry +0+60 \
  -composite -type TrueColor BMP3:assets/icons/windows/installer-side.bmp
