#!/usr/bin/env python3
"""Which parts of the bedtime-coach binary a running process keeps resident, and why.

Reads /proc/PID/pagemap (needs root or CAP_SYS_ADMIN for the present bits) for every page
of the program's mappings and attributes each resident code page to the crates whose
symbols lie on it (`nm -C`); prints the resident sections, the 64 KB blocks of code the
kernel's fault-around mapped whole, and the crates by resident code. This is how the
reminder service's memory was found to be start-up code kept mapped (src/remind/footprint.rs).

Usage: scripts/resident-pages.py PID [BINARY]   (BINARY: default /proc/PID/exe)
"""
import bisect, collections, os, re, struct, subprocess, sys

pid = int(sys.argv[1])
binary = os.path.realpath(sys.argv[2] if len(sys.argv) > 2 else f"/proc/{pid}/exe")
base, ranges = None, []
for line in open(f"/proc/{pid}/maps"):
    fields = line.split()
    if len(fields) >= 6 and fields[5] == binary:
        start, end = (int(x, 16) for x in fields[0].split("-"))
        if int(fields[2], 16) == 0:
            base = start
        ranges.append((start, end, fields[1]))
if base is None:
    sys.exit(f"{binary} is not mapped by process {pid}")
present = []
with open(f"/proc/{pid}/pagemap", "rb") as pagemap:
    for start, end, perm in ranges:
        for address in range(start, end, 4096):
            pagemap.seek(address // 4096 * 8)
            if struct.unpack("<Q", pagemap.read(8))[0] >> 63 & 1:
                present.append((address - base, perm))

symbols = []
for line in subprocess.run(["nm", "-C", "--defined-only", "-S", binary], capture_output=True, text=True).stdout.splitlines():
    match = re.match(r"^([0-9a-f]+) ([0-9a-f]+) (\w) (.*)$", line)
    if match and match.group(3) in "tTwW":
        symbols.append((int(match.group(1), 16), int(match.group(2), 16), match.group(4)))
symbols.sort()
starts = [s[0] for s in symbols]

def crate(name):
    name = re.sub(r"^<|^(impl |dyn )", "", name)
    match = re.match(r"([A-Za-z_][A-Za-z0-9_]*)", name)
    return match.group(1) if match else "?"

sections = []
for line in subprocess.run(["readelf", "-SW", binary], capture_output=True, text=True).stdout.splitlines():
    match = re.match(r"\s*\[\s*\d+\]\s+(\S+)\s+\S+\s+([0-9a-f]+)\s+[0-9a-f]+\s+([0-9a-f]+)\s+\S+\s+(\S*)", line)
    if match and "A" in match.group(4):
        sections.append((match.group(1), int(match.group(2), 16), int(match.group(3), 16)))

by_section = collections.Counter()
by_crate = collections.Counter()
for offset, perm in present:
    for name, address, size in sections:
        if address <= offset + 4095 and offset < address + size:
            by_section[name] += 4
    if "x" not in perm:
        continue
    i = bisect.bisect_right(starts, offset + 4095) - 1
    seen = collections.Counter()
    while i >= 0 and offset - symbols[i][0] < 1 << 16:
        if symbols[i][0] + max(symbols[i][1], 1) > offset:
            seen[crate(symbols[i][2])] += 1
        i -= 1
    for name in seen or {"?": 1}:
        by_crate[name] += 4 / max(len(seen), 1)

code = [offset // 4096 for offset, perm in present if "x" in perm]
blocks = collections.Counter(page // 16 for page in code)
print(f"{binary}: {len(present) * 4} kB resident, {len(code) * 4} kB of it code")
print("sections:", "  ".join(f"{n} {k} kB" for n, k in by_section.most_common(10)))
print(f"64 KB code blocks touched: {len(blocks)}, {sum(1 for c in blocks.values() if c == 16)} of them whole")
for name, kb in by_crate.most_common(20):
    print(f"{kb:8.0f} kB  {name}")
