#!/bin/sh
# cargo's runner for x86_64-pc-windows-gnu (.cargo/config.toml): runs a Windows program
# (a test binary, or the app) under Wine, so `cargo test --target x86_64-pc-windows-gnu`
# runs the suite as Windows would.
#
# - A private Wine prefix under the target folder (never ~/.wine), made on first use.
# - WINEDEBUG=-all: Wine's own chatter would mix with the tests' output.
# - Wine 8 lacks ProcessPrng (bcryptprimitives.dll), which Rust's std needs to start: a
#   forwarding DLL (platform-support/windows/) is built with mingw once and put beside
#   the program and beside the app's .exe, which the integration tests start.
set -eu

exe=$1
shift
root=$(cd "$(dirname "$0")/.." && pwd)
case $exe in
    */x86_64-pc-windows-gnu/*) target=${exe%%/x86_64-pc-windows-gnu/*}/x86_64-pc-windows-gnu ;;
    *) target=$(dirname "$exe") ;;
esac
export WINEPREFIX="${BEDTIME_COACH_WINEPREFIX:-$target/wine-prefix}"
export WINEDEBUG=-all
# No Wine dialogs (Mono, Gecko) and no desktop integration in the private prefix.
export WINEDLLOVERRIDES="${WINEDLLOVERRIDES:-mscoree,mshtml=;winemenubuilder.exe=d}"

support=$root/platform-support/windows
dll=$target/bcryptprimitives.dll
if [ ! -f "$dll" ] || [ "$support/bcryptprimitives.c" -nt "$dll" ]; then
    x86_64-w64-mingw32-gcc -shared -O2 -o "$dll.tmp.$$" \
        "$support/bcryptprimitives.c" "$support/bcryptprimitives.def" -ladvapi32
    mv "$dll.tmp.$$" "$dll"
fi
dir=$(dirname "$exe")
for place in "$dir" "$dir/.."; do
    case $place in
        "$target"/*) [ -f "$place/bcryptprimitives.dll" ] || cp "$dll" "$place/bcryptprimitives.dll" ;;
    esac
done

if [ ! -f "$WINEPREFIX/system.reg" ]; then
    mkdir -p "$WINEPREFIX"
    wineboot --init >/dev/null 2>&1 || true
    wineserver -w 2>/dev/null || true
fi

wine=wine
[ -x /usr/lib/wine/wine64 ] && wine=/usr/lib/wine/wine64
exec "$wine" "$exe" "$@"
