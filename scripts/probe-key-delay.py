#!/usr/bin/env python3
"""Key to screen with `--ambiguous auto`, in a pty at 80x24 whose terminal
never answers the cursor-position request (or answers after --answer-ms).

Each run starts the explorer in a fresh pty with an empty state directory
(so the guess is narrow), waits for the first frame, presses `j` and times
until the explorer writes the frame that `j` changed. Prints median and p95
over the runs, and for comparison the same with `--ambiguous narrow` (no
probe at all).

usage: scripts/probe-key-delay.py [--runs N] [--answer-ms MS] [BINARY]
       (BAOGAO_MODEL picks the model, as for the explorer)
"""
import argparse
import fcntl
import os
import select
import statistics
import struct
import subprocess
import tempfile
import termios
import time


def run_once(binary, amb, answer_ms):
    master, slave = os.openpty()
    fcntl.ioctl(master, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    state = tempfile.mkdtemp()
    env = dict(os.environ, TERM="xterm-256color", HOME=state, XDG_STATE_HOME=state)
    for k in ("TMUX", "BAOGAO_AMBIGUOUS", "TERM_PROGRAM"):
        env.pop(k, None)
    p = subprocess.Popen([binary, "--ambiguous", amb, "--no-mouse"], stdin=slave,
                         stdout=slave, stderr=slave, env=env, start_new_session=True)
    os.close(slave)
    buf = bytearray()
    asked = None

    def pump(until, secs):
        nonlocal asked
        end = time.perf_counter() + secs
        while time.perf_counter() < end and not until():
            r, _, _ = select.select([master], [], [], 0.002)
            if r:
                buf.extend(os.read(master, 65536))
            if asked is None and b"\x1b[6n" in buf:
                asked = time.perf_counter()
            if (answer_ms is not None and asked is not None
                    and time.perf_counter() >= asked + answer_ms / 1000):
                os.write(master, b"\x1b[1;2R")  # narrow: the screen stays as drawn
                asked = float("inf")

    pump(lambda: b"Outline" in buf, 5)
    pump(lambda: False, 0.05)  # the rest of the first frame
    n = len(buf)
    t0 = time.perf_counter()
    os.write(master, b"j")
    pump(lambda: len(buf) > n, 5)
    dt = time.perf_counter() - t0
    os.write(master, b"q")
    p.wait(timeout=10)
    os.close(master)
    return dt * 1000


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--answer-ms", type=float, default=None)
    ap.add_argument("binary", nargs="?", default="target/release/baogao")
    a = ap.parse_args()
    for amb in ("auto", "narrow"):
        xs = sorted(run_once(a.binary, amb, a.answer_ms) for _ in range(a.runs))
        p95 = xs[min(len(xs) - 1, round(0.95 * (len(xs) - 1)))]
        print(f"--ambiguous {amb:6}  key to screen: median {statistics.median(xs):7.1f} ms"
              f"  p95 {p95:7.1f} ms  ({a.runs} runs)")


if __name__ == "__main__":
    main()
