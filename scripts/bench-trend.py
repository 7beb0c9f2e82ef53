#!/usr/bin/env python3
"""Wall time of `baogao trend` and `baogao new-phrases` on a whole-corpus
model, with `grep -rc PHRASE` over the raw corpus texts as the reference,
measured in the same run (commands interleaved, one warm-up each).

Usage: scripts/bench-trend.py MODEL.json CORPUS_DIR [RUNS]
(build the model first: baogao build ../shared/corpus/gov -o corpus.json -q -k;
the first open writes its pack cache, so it is a warm-up here.)
"""
import os
import statistics
import subprocess
import sys
import time

BIN = os.path.join(os.path.dirname(__file__), "..", "target", "release", "baogao")


def main():
    model, corpus = sys.argv[1], sys.argv[2]
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 20
    cmds = {
        "trend 新质生产力 (rare)": [BIN, "trend", "新质生产力", "--model", model, "--format", "csv"],
        "trend 发展 (every report)": [BIN, "trend", "发展", "--model", model, "--format", "csv"],
        "trend xzscl (pinyin, resolved)": [BIN, "trend", "xzscl", "--model", model, "--format", "csv"],
        "new-phrases china-2024": [BIN, "new-phrases", "china-2024", "--model", model, "--format", "csv"],
        "grep -rc 新质生产力 CORPUS": ["grep", "-rc", "新质生产力", corpus],
        "grep -rc 发展 CORPUS": ["grep", "-rc", "发展", corpus],
    }
    times = {k: [] for k in cmds}
    for k, c in cmds.items():  # warm-up
        subprocess.run(c, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(runs):
        for k, c in cmds.items():
            t = time.perf_counter()
            subprocess.run(c, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            times[k].append((time.perf_counter() - t) * 1000)
    print(f"{runs} runs, load average {os.getloadavg()[0]:.1f}")
    print(f"| command | median ms | p95 ms |\n|---|---:|---:|")
    for k, v in times.items():
        v.sort()
        p95 = v[min(len(v) - 1, int(round(0.95 * (len(v) - 1))))]
        print(f"| `{k}` | {statistics.median(v):.0f} | {p95:.0f} |")


if __name__ == "__main__":
    main()
