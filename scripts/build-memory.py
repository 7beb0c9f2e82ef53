#!/usr/bin/env python3
"""Peak memory of `baogao build` per MB of input, two binaries interleaved.

    scripts/build-memory.py A_BINARY B_BINARY [--runs 3] [--sizes 6,12,50] [--corpus DIR]

Makes synthetic report texts (numbered Chinese sentences, as
tests/build_memory.rs does: one with no line break, one with a break every
4 sentences and a heading every 80) of each size in MB, builds each with A
and B in turn (A, B, A, B, ...), and prints each build's peak resident set
(`/usr/bin/time -f %M`) and wall time, with the medians, and
whether A's and B's models are byte-identical. --corpus DIR adds a folder
build (-k). Figures go in docs/RELIABILITY.md, "Build memory".
"""
import argparse, filecmp, os, statistics, subprocess, sys, tempfile, time

FORMS = [
    "全市实现地区生产总值{}亿元,比上年增长{}%。",
    "规模以上工业增加值增长{}%左右,固定资产投资增长{}%。",
    "城镇新增就业{}万人,居民人均可支配收入增长{}%。",
    "持续优化营商环境,推动{}个重大项目开工建设,完成投资{}亿元。",
]


def synthetic(n, per_line):
    out = ["某市国民经济和社会发展计划执行情况的报告\n一、总体情况\n"]
    size = len(out[0].encode())
    x, k, mask = 16, 0, (1 << 64) - 1
    while size < n:
        x = (x * 6364136223846793005 + 1442695040888963407) & mask
        a, b, c = FORMS[(x >> 33) % 4].split("{}")
        s = f"{a}{(x >> 20) % 1000}.{(x >> 10) % 10}{b}{(x >> 40) % 100}{c}"
        k += 1
        if per_line and k % per_line == 0:
            s += f"\n({k // per_line})重点工作\n" if k % (per_line * 20) == 0 else "\n"
        out.append(s)
        size += len(s.encode())
    return "".join(out)


def run(binary, args, out):
    env = dict(os.environ, RAYON_NUM_THREADS="2")
    # through /usr/bin/time: a child forked straight from this (large)
    # Python process would report Python's resident set as its own peak
    peak_file = out + ".peak"
    t = time.monotonic()
    status = subprocess.call(["/usr/bin/time", "-f", "%M", "-o", peak_file,
                              binary, "build", *args, "-o", out, "-q"], env=env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.monotonic() - t
    if status != 0:
        sys.exit(f"{binary} build {' '.join(args)}: exit status {status}")
    with open(peak_file) as f:
        return int(f.read().split()[-1]) * 1024, wall


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("a")
    ap.add_argument("b")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--sizes", default="6,12,50")
    ap.add_argument("--corpus")
    o = ap.parse_args()
    with tempfile.TemporaryDirectory() as d:
        cases = []
        for mb in [float(s) for s in o.sizes.split(",")]:
            for name, per_line in [("one line", 0), ("lines", 4)]:
                path = os.path.join(d, f"{mb:g}-{per_line}.txt")
                with open(path, "w") as f:
                    f.write(synthetic(int(mb * (1 << 20)), per_line))
                cases.append((f"{mb:g} MB, {name}", [path], os.path.getsize(path)))
        if o.corpus:
            size = sum(os.path.getsize(os.path.join(r, f))
                       for r, _, fs in os.walk(o.corpus) for f in fs)
            cases.append((f"folder {o.corpus}", [o.corpus, "-k"], size))
        print("| input | A peak (median) | B peak (median) | A per MB | B per MB | A wall | B wall | models |")
        print("|---|---:|---:|---:|---:|---:|---:|---|")
        for label, args, size in cases:
            got = {"a": [], "b": []}
            outs = {k: os.path.join(d, f"{k}.json") for k in got}
            for _ in range(o.runs):
                for k, binary in (("a", o.a), ("b", o.b)):
                    got[k].append(run(binary, args, outs[k]))
            same = "identical" if filecmp.cmp(outs["a"], outs["b"], shallow=False) else "DIFFER"
            peak = {k: statistics.median(p for p, _ in v) for k, v in got.items()}
            wall = {k: statistics.median(t for _, t in v) for k, v in got.items()}
            print(f"| {label} | {peak['a'] / 2**20:.0f} MB | {peak['b'] / 2**20:.0f} MB "
                  f"| {peak['a'] / size:.1f}× | {peak['b'] / size:.1f}× "
                  f"| {wall['a']:.1f} s | {wall['b']:.1f} s | {same} |", flush=True)


if __name__ == "__main__":
    main()
