#!/bin/sh
# Builds the Windows release (x86_64-pc-windows-gnu, with mingw) and writes exactly two
# files into target/windows/ of the repository, whatever CARGO_TARGET_DIR is:
#   bedtime-coach-VERSION-setup.exe   the per-user NSIS installer (scripts/bedtime-coach.nsi)
#   bedtime-coach-VERSION-windows.zip the two programs, for those who want no installer
# Needs: rustup target add x86_64-pc-windows-gnu; apt-get install gcc-mingw-w64-x86-64 nsis zip.
# Prints the installer's path last.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)
target_dir=$(cargo metadata --format-version 1 --no-deps | sed 's/.*"target_directory":"\([^"]*\)".*/\1/')
cargo build --release --locked --target x86_64-pc-windows-gnu --bins >&2
bin=$target_dir/x86_64-pc-windows-gnu/release
# The release programs without their symbol tables (mingw's are large; panics still
# name the function through the unwind tables).
staging=$(mktemp -d)
trap 'rm -rf "$staging"' EXIT
mkdir "$staging/bedtime-coach-$version"
for exe in bedtime-coach.exe bedtime-coachw.exe; do
  x86_64-w64-mingw32-strip -o "$staging/bedtime-coach-$version/$exe" "$bin/$exe"
done

out=$root/target/windows
rm -rf "$out"
mkdir -p "$out"
setup=$out/bedtime-coach-$version-setup.exe
makensis -V2 -INPUTCHARSET UTF8 \
  "-DVERSION=$version" "-DBIN=$staging/bedtime-coach-$version" \
  "-DICON=$root/assets/icons/windows/bedtime-coach.ico" "-DSIDE=$root/assets/icons/windows/installer-side.bmp" \
  "-DOUTFILE=$setup" \
  scripts/bedtime-coach.nsi >&2
(cd "$staging" && zip -q -r -X "$out/bedtime-coach-$version-windows.zip" "bedtime-coach-$version")
ls -l "$out" >&2
echo "$setup"
