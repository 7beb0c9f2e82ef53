#!/usr/bin/env python3
"""Enter in the Trend view to the next frame, in a pty at 80x24.

Each run starts the explorer (BAOGAO_MODEL picks the model), waits for the
first frame, presses `P`, types PHRASE, then presses Enter and times (a)
until the explorer writes its next frame (the "counting..." line when the
Trend worker counts; the answer itself when it counts on the UI thread) and
(b) until the answer's summary ("x in") is on the screen. Prints median and
p95 of both over the runs.

usage: scripts/trend-key-frame.py [--runs N] PHRASE [BINARY]
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


def pump(master, buf, secs, quiet=None, want=None):
    """Read for up to `secs`; stop after `quiet` s of silence or once
    `want` is in the new bytes. Returns the time of the first byte read."""
    end = time.monotonic() + secs
    first = None
    start = len(buf)
    last = time.monotonic()
    while time.monotonic() < end:
        r, _, _ = select.select([master], [], [], 0.005)
        now = time.monotonic()
        if r:
            try:
                data = os.read(master, 65536)
            except OSError:
                break
            if first is None:
                first = now
            buf += data
            last = now
            if want is not None and want in buf[start:]:
                return first, now
        elif quiet is not None and now - last > quiet:
            break
    return first, None


def run_once(binary, phrase):
    master, slave = os.openpty()
    fcntl.ioctl(master, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    state = tempfile.mkdtemp()
    env = dict(os.environ, TERM="xterm-256color", HOME=state, XDG_STATE_HOME=state)
    for k in ("TMUX", "BAOGAO_AMBIGUOUS", "TERM_PROGRAM"):
        env.pop(k, None)
    p = subprocess.Popen([binary, "--ambiguous", "narrow", "--no-mouse"], stdin=slave,
                         stdout=slave, stderr=slave, env=env, start_new_session=True)
    os.close(slave)
    buf = bytearray()
    try:
        pump(master, buf, 60, quiet=2.0)
        os.write(master, b"P")
        pump(master, buf, 10, quiet=0.5)
        os.write(master, phrase.encode())
        pump(master, buf, 10, quiet=0.5)
        t0 = time.monotonic()
        os.write(master, b"\r")
        first, done = pump(master, buf, 30, want=b"x in")
        return (first - t0) * 1000, (done - t0) * 1000 if done else float("nan")
    finally:
        p.kill()
        p.wait()
        os.close(master)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("phrase")
    ap.add_argument("binary", nargs="?", default="target/release/baogao")
    a = ap.parse_args()
    frames, answers = [], []
    for _ in range(a.runs):
        f, d = run_once(a.binary, a.phrase)
        frames.append(f)
        answers.append(d)
    def stats(xs):
        xs = sorted(xs)
        p95 = xs[min(len(xs) - 1, int(round(0.95 * (len(xs) - 1))))]
        return f"median {statistics.median(xs):.0f} ms, p95 {p95:.0f} ms"
    print(f"{a.phrase}: Enter -> next frame {stats(frames)}; "
          f"Enter -> answer on screen {stats(answers)} ({a.runs} runs)")


if __name__ == "__main__":
    main()
