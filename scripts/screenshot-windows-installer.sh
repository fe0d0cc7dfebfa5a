#!/bin/sh
# The Windows installer's pages under Wine 8 and Xvfb, as the README shows them:
#   scripts/screenshot-windows-installer.sh [INSTALLER]   (default: target/windows/*-setup.exe)
# writes assets/screenshots/windows-installer-{welcome,components,finish}.png. Runs the
# installer for real in a throwaway Wine prefix (a page at a time with Enter), so the
# finish page is the one after an install. Needs Xvfb, xdotool, ImageMagick, wine.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
setup=${1:-$(ls "$root"/target/windows/*-setup.exe | head -n 1)}
out=$root/assets/screenshots
work=$(mktemp -d)
export WINEPREFIX="$work/prefix" WINEDEBUG=-all
export WINEDLLOVERRIDES="mscoree,mshtml=;winemenubuilder.exe=d"
wine=wine
[ -x /usr/lib/wine/wine64 ] && wine=/usr/lib/wine/wine64
number=$work/display
Xvfb -displayfd 3 -screen 0 800x600x24 -nolisten tcp 3>"$number" 2>/dev/null &
xvfb=$!
trap 'wineserver -k 2>/dev/null; kill $xvfb 2>/dev/null; rm -rf "$work"' EXIT
while [ ! -s "$number" ]; do sleep 0.1; done
export DISPLAY=:$(cat "$number")
wineboot --init >/dev/null 2>&1
wineserver -w
LANG=C.UTF-8 "$wine" "$setup" >/dev/null 2>&1 &

# The installer's window, once shown; then a page: wait for it to draw, crop to it.
window=
for _ in $(seq 60); do
  window=$(xdotool search --onlyvisible --name "Bedtime Coach" 2>/dev/null | head -n 1) && [ -n "$window" ] && break
  sleep 1
done
[ -n "$window" ] || { echo "no installer window" >&2; exit 1; }
shot() {
  sleep 2
  eval "$(xdotool getwindowgeometry --shell "$window")"
  import -window root -crop "${WIDTH}x${HEIGHT}+${X}+${Y}" +repage "$out/windows-installer-$1.png"
}
next() { xdotool windowactivate --sync "$window" 2>/dev/null || true; xdotool key --window "$window" Return; }
shot welcome
next
shot components
next                 # the folder page
next                 # installs, then the finish page
sleep 8
shot finish
ls -l "$out"/windows-installer-*.png
