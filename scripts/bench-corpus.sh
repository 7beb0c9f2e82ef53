#!/usr/bin/env bash
# Whole-corpus build benchmark, end to end as the CLI does it:
#   baogao build -q CORPUS -o OUT      (walk, read, decode, build in parallel, write the model)
# against a reference measured in the same run, interleaved A/B/A/B…:
#   gzip -6 over the same files        (one full compressing pass over the same bytes)
# Prints each run (wall seconds, CPU seconds user+sys, peak RSS) and the
# median / p95 of each, and the ratios of medians (CPU time is the steadier
# figure on a shared machine). Needs GNU time (/usr/bin/time; apt-get install time).
# Usage: scripts/bench-corpus.sh [CORPUS] [ROUNDS]   (defaults: ../shared/corpus/gov 7)
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-../shared/corpus/gov}
rounds=${2:-7}
[ -d "$corpus" ] || { echo "skipped: $corpus not found"; exit 0; }
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (apt-get install time)"; exit 1; }
cargo build --release --quiet
bin=target/release/baogao
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
find "$corpus" -type f \( -name '*.md' -o -name '*.txt' \) -print0 | sort -z > "$tmp/files"
files=$(tr -cd '\0' < "$tmp/files" | wc -c)
bytes=$(xargs -0 cat < "$tmp/files" | wc -c)
echo "corpus: $files files, $bytes bytes; $(nproc) CPUs; $(date -u '+%Y-%m-%d %H:%M UTC'); load $(cut -d' ' -f1-3 /proc/loadavg)"
grep -m1 'model name' /proc/cpuinfo | sed 's/.*: /cpu: /'

run() { # label, command...
    local label=$1; shift
    /usr/bin/time -f "%e %U %S %M" -o "$tmp/t" "$@" > /dev/null 2> "$tmp/err" || { cat "$tmp/err"; exit 1; }
    read -r wall user sys rss < "$tmp/t"
    cpu=$(python3 -c "print($user + $sys)")
    echo "$label $wall $cpu $rss" >> "$tmp/runs"
    printf '%-6s %6.2f s wall %6.2f s cpu %8d KB\n' "$label" "$wall" "$cpu" "$rss"
}
for i in $(seq "$rounds"); do
    run build "$bin" build -q "$corpus" -o "$tmp/model.json"
    run gzip sh -c "xargs -0 cat < '$tmp/files' | gzip -6 > /dev/null"
done
python3 - "$tmp/runs" <<'PY'
import sys, statistics
runs = {}
for line in open(sys.argv[1]):
    label, wall, cpu, rss = line.split()
    runs.setdefault(label, []).append((float(wall), float(cpu), int(rss)))
def p95(xs):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, round(0.95 * (len(xs) - 1)))]
med, cmed = {}, {}
for label, xs in runs.items():
    walls = [w for w, _, _ in xs]
    cpus = [c for _, c, _ in xs]
    med[label], cmed[label] = statistics.median(walls), statistics.median(cpus)
    print(f"{label:6} wall median {med[label]:.2f} s  p95 {p95(walls):.2f} s;  cpu median {cmed[label]:.2f} s  p95 {p95(cpus):.2f} s;  peak RSS max {max(r for _, _, r in xs) / 1024:.0f} MB  ({len(xs)} runs)")
print(f"build / gzip -6 (medians): wall {med['build'] / med['gzip']:.2f}, cpu {cmed['build'] / cmed['gzip']:.2f}")
PY
