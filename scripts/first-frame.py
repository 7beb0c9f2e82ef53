#!/usr/bin/env python3
"""Time to first frame, measured in a real pseudo-terminal at 80x24.

Runs each command in a fresh pty, interleaved (A B A B ...), and times it from
spawn to exit. The explorer exits right after its first frame when
BAOGAO_FIRST_FRAME_EXIT=1; `less +q FILE` draws its first screen and quits.
Prints median and p95 per command, and each command's median over the first
(the reference).

usage: scripts/first-frame.py [--runs N] -- 'CMD A' 'CMD B' ...
e.g.   scripts/first-frame.py --runs 30 -- 'less +q data/reports/pudong-2023-plan-report.txt' \
           'target/release/baogao --ambiguous narrow' \
           'target/release/baogao --ambiguous narrow --model /tmp/corpus.json'
"""
import fcntl
import os
import pty
import select
import shlex
import statistics
import struct
import sys
import termios
import time


def run_once(argv):
    env = dict(os.environ, BAOGAO_FIRST_FRAME_EXIT="1", TERM="xterm-256color")
    env.pop("BAOGAO_MODEL", None) if "--model" in argv else None
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        os.execvpe(argv[0], argv, env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    while True:
        r, _, _ = select.select([fd], [], [], 10)
        if not r:
            break
        try:
            if not os.read(fd, 65536):
                break
        except OSError:
            break
    os.waitpid(pid, 0)
    took = time.perf_counter() - start
    os.close(fd)
    return took * 1000


def main():
    args = sys.argv[1:]
    runs = 20
    if args[:1] == ["--runs"]:
        runs = int(args[1])
        args = args[2:]
    if args[:1] == ["--"]:
        args = args[1:]
    cmds = [shlex.split(c) for c in args]
    times = [[] for _ in cmds]
    for c in cmds:  # warm up
        run_once(c)
    for _ in range(runs):
        for k, c in enumerate(cmds):
            times[k].append(run_once(c))
    ref = statistics.median(times[0])
    print(f"{'command':60} {'median':>8} {'p95':>8} {'x ref':>6}")
    for c, t in zip(args, times):
        t = sorted(t)
        med = statistics.median(t)
        p95 = t[min(len(t) - 1, int(round(0.95 * (len(t) - 1))))]
        print(f"{c[:60]:60} {med:7.1f}ms {p95:7.1f}ms {med / ref:6.1f}")


if __name__ == "__main__":
    main()
