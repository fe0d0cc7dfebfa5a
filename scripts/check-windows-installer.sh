#!/bin/sh
# The Windows installer under Wine, in a fresh Wine prefix of its own: a silent install
# (/S), what it installed (the programs, no Wine shim, the Start-menu shortcut, the
# uninstall entry, the login entry), the installed program's --version, an install over
# a running reminder service (stopped, replaced, started again), then a silent uninstall
# and that everything is gone. CI runs it (.ci/run); a developer can too:
#   scripts/check-windows-installer.sh [INSTALLER]   (default: scripts/package-windows.sh builds one)
# Needs wine (64-bit), mingw (for the shim below) and what package-windows.sh needs.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
setup=${1:-$("$root/scripts/package-windows.sh" | tail -n 1)}
setup=$(cd "$(dirname "$setup")" && pwd)/$(basename "$setup")

work=$(mktemp -d)
export WINEPREFIX="$work/prefix"
export WINEDEBUG=-all
export WINEDLLOVERRIDES="mscoree,mshtml=;winemenubuilder.exe=d"
wine=wine
[ -x /usr/lib/wine/wine64 ] && wine=/usr/lib/wine/wine64
cleanup() { wineserver -k 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
fail() { echo "check-windows-installer: $*" >&2; exit 1; }
step() { start=$(date +%s); "$@"; echo "   ($(( $(date +%s) - start )) s: $*)"; }

mkdir -p "$WINEPREFIX"
step wineboot --init >/dev/null 2>&1
wineserver -w
# Wine 8 lacks ProcessPrng, which Rust's std needs to start (see scripts/wine-run.sh):
# the shim goes into this prefix's system32, not into the installer (Windows has it).
x86_64-w64-mingw32-gcc -shared -O2 -o "$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll" \
  "$root/platform-support/windows/bcryptprimitives.c" "$root/platform-support/windows/bcryptprimitives.def" -ladvapi32

user=$(ls "$WINEPREFIX/drive_c/users" | grep -vx Public | head -n 1)
home=$WINEPREFIX/drive_c/users/$user
dir="$home/AppData/Local/Programs/Bedtime Coach"
shortcut="$home/AppData/Roaming/Microsoft/Windows/Start Menu/Programs/Bedtime Coach.lnk"
uninstall_key='HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\BedtimeCoach'
run_key='HKCU\Software\Microsoft\Windows\CurrentVersion\Run'
reg() { "$wine" reg "$@" 2>/dev/null | tr -d '\r'; }
# Whether a key (or, with /v NAME, a value) is there: reg's own exit status.
has() { "$wine" reg query "$@" >/dev/null 2>&1; }

echo "== silent install: $(basename "$setup") /S"
step "$wine" "$setup" /S
wineserver -w
for file in bedtime-coach.exe bedtime-coachw.exe bedtime-coach.ico uninstall.exe; do
  [ -f "$dir/$file" ] || fail "the install has no $file in $dir"
done
[ ! -e "$dir/bcryptprimitives.dll" ] || fail "the Wine shim was installed"
[ -f "$shortcut" ] || fail "no Start-menu shortcut at $shortcut"
reg query "$uninstall_key" /v UninstallString | grep -q 'uninstall.exe' || fail "no uninstall entry"
reg query "$run_key" /v "Bedtime Coach" | grep -q 'bedtime-coachw.exe" remind' || fail "no login entry"

echo "== the installed program"
version=$("$wine" "$dir/bedtime-coach.exe" --version | tr -d '\r')
echo "$version"
echo "$version" | grep -q "^bedtime-coach [0-9]" || fail "--version said: $version"
"$wine" "$dir/bedtime-coach.exe" autostart status | tr -d '\r'

echo "== install over a running reminder service"
"$wine" "$dir/bedtime-coachw.exe" remind >/dev/null 2>&1 &
pid_of() { "$wine" "$dir/bedtime-coach.exe" autostart status | tr -d '\r' | sed -n 's/.*running now (process \([0-9]*\)).*/\1/p'; }
wait_for_service() {
  tries=0
  until [ -n "$(pid_of)" ]; do
    tries=$((tries + 1))
    [ $tries -lt 30 ] || fail "$1"
    sleep 1
  done
}
wait_for_service "the service did not start"
before=$(pid_of)
step "$wine" "$setup" /S
wait_for_service "the service was not started again after the update"
after=$(pid_of)
[ "$after" != "$before" ] || fail "the service was not replaced (process $before)"
echo "service process $before before the update, $after after"
# The service registers the toasts' URI scheme and the app's identity at each start.
scheme_key='HKCU\Software\Classes\bedtime-coach'
app_id_key='HKCU\Software\Classes\AppUserModelId\io.github.bedtimecoach.BedtimeCoach'
has "$scheme_key" || fail "the running service did not register the $scheme_key scheme"

echo "== silent uninstall"
# The uninstaller copies itself to the temporary folder and runs from there, so the
# command returns at once: wait for the copy to finish (its last step is the entry).
step "$wine" "$dir/uninstall.exe" /S
tries=0
while has "$uninstall_key"; do
  tries=$((tries + 1))
  [ $tries -lt 60 ] || fail "the uninstall entry is still there after a minute"
  sleep 1
done
echo "   (the uninstaller finished within $tries s more)"
wineserver -w
[ ! -e "$dir/bedtime-coach.exe" ] || fail "bedtime-coach.exe is still there"
[ ! -e "$dir" ] || fail "the folder $dir is still there: $(ls "$dir")"
[ ! -e "$shortcut" ] || fail "the shortcut is still there"
if has "$run_key" /v "Bedtime Coach"; then fail "the login entry is still there"; fi
if has "$scheme_key"; then fail "the URI scheme $scheme_key is still there"; fi
if has "$app_id_key"; then fail "the app's identity $app_id_key is still there"; fi
[ -d "$home/AppData/Roaming/bedtime-coach" ] || fail "a silent uninstall removed the user's data"
echo "== the installer installs, updates over a running service, and uninstalls"
