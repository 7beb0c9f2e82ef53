#!/usr/bin/env python3
"""What the explorer costs over a slow link, next to `less` in the same run.

Runs each command in a real pseudo-terminal (80x24 and 200x60, TERM=xterm-256color)
and counts the bytes it writes: the first frame, one page down, 12 pages of running
text (bytes per visible wide char: UTF-8 alone is 3), one line down (`j`), and for
the explorer `j` with the outline hidden (`o`: the reader has the full width, so
scroll regions apply) and with panes side by side. Then, through an emulated link
(a pty reader that lets at most RATE bytes/s through and delivers each byte LATENCY
later; keys also arrive LATENCY after they are pressed), the time from pressing
page down to the screen settling (its last byte delivered), interleaved runs,
median and p95, and a held-down `j` (30 presses 20 ms apart): bytes and the time
from the last press to the settled screen.

With `--open ID` (an id of the report whose text FILE is, e.g. china-1954:s1
with the default FILE) it measures only the first frame: `baogao --open ID`
against `less FILE`, both sizes, and then what `o` (the outline shown or hidden)
costs after it; bytes per visible wide char, RUNS runs each, median.

usage: scripts/ssh-bytes.py [--runs N] [--baogao BIN] [--text FILE] [--open ID]
"""
import fcntl
import os
import pty
import select
import statistics
import struct
import sys
import termios
import threading
import time
import unicodedata

QUIET = 0.4  # no output for this long: the screen has settled
RATE = 1_000_000 / 8  # bytes per second (1 Mbit/s)
LATENCY = 0.100  # seconds, each way
# the explorer opens on a report's title page: go to the 1954 report (one
# section of running text, the same text less shows) and read it
PREP = [b"p", b"1", b"9", b"5", b"4", b"\r", b"h", b"l", b"\r"]


def spawn(argv, cols, rows):
    env = dict(os.environ, TERM="xterm-256color", LESS="", LESSCHARSET="utf-8")
    for k in ("BAOGAO_MODEL", "TMUX", "BAOGAO_AMBIGUOUS"):
        env.pop(k, None)
    pid, fd = pty.fork()
    if pid == 0:
        os.execvpe(argv[0], argv, env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    return pid, fd


def drain(fd, quiet=QUIET, limit=10.0):
    """Everything written until `quiet` seconds pass without output."""
    got = bytearray()
    end = time.time() + limit
    while time.time() < end:
        r, _, _ = select.select([fd], [], [], quiet)
        if not r:
            break
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        got.extend(chunk)
    return bytes(got)


def finish(pid, fd, quit_keys):
    try:
        os.write(fd, quit_keys)
        drain(fd, 0.3, 3)
    except OSError:
        pass
    try:
        os.kill(pid, 9)
    except ProcessLookupError:
        pass
    os.waitpid(pid, 0)
    os.close(fd)


def wide_chars(data):
    text = data.decode("utf-8", "replace")
    return sum(1 for c in text if unicodedata.east_asian_width(c) in "WF")


def bytes_run(argv, cols, rows, baogao):
    """Byte counts for one command at one size."""
    pid, fd = spawn(argv, cols, rows)
    res = {}
    first = drain(fd, 1.0)
    res["first"] = (len(first), wide_chars(first))
    if baogao:
        for k in PREP:  # to running text, reader focused
            os.write(fd, k)
            drain(fd, 0.2)
    os.write(fd, b" ")
    page = drain(fd)
    res["page"] = (len(page), wide_chars(page))
    os.write(fd, b"j")
    j = drain(fd)
    res["j" + (" (panes side by side)" if baogao else "")] = (len(j), wide_chars(j))
    if baogao:
        os.write(fd, b"o")
        drain(fd)
        os.write(fd, b"j")
        j = drain(fd)
        res["j (outline hidden)"] = (len(j), wide_chars(j))
    total = bytearray()
    for _ in range(12):
        os.write(fd, b" ")
        total.extend(drain(fd))
    res["12 pages"] = (len(total), wide_chars(total))
    finish(pid, fd, b"q")
    return res


class Link:
    """A slow link between the program and the terminal: a thread reads the
    pty no faster than RATE bytes/s (the program's writes block when the pty
    is full, as they would on a congested link), each byte counts as
    delivered LATENCY after it was read; keys are written LATENCY after they
    are pressed."""

    def __init__(self, fd):
        self.fd = fd
        self.n = 0
        self.last = None
        self.done = threading.Event()
        self.thread = threading.Thread(target=self.pump, daemon=True)

    def pump(self):
        free_at = 0.0  # when the link has sent everything read so far
        while True:
            r, _, _ = select.select([self.fd], [], [], QUIET)
            if not r:
                if self.done.is_set():
                    return
                continue
            try:
                chunk = os.read(self.fd, 1250)  # 10 ms worth at 1 Mbit/s
            except OSError:
                return
            if not chunk:
                return
            self.n += len(chunk)
            free_at = max(free_at, time.perf_counter()) + len(chunk) / RATE
            now = time.perf_counter()
            if free_at > now:
                time.sleep(free_at - now)
            self.last = free_at

    def press_and_settle(self, keys, gap=0.0):
        """Press `keys` (gap seconds apart); returns (seconds from the last
        press to the last byte delivered, bytes)."""
        self.thread.start()
        t0 = time.perf_counter()
        for k, key in enumerate(keys):
            when = t0 + k * gap + LATENCY
            now = time.perf_counter()
            if when > now:
                time.sleep(when - now)
            os.write(self.fd, key)
        t_last = t0 + (len(keys) - 1) * gap
        self.done.set()
        self.thread.join()
        if self.last is None:
            return None, 0
        return self.last + LATENCY - t_last, self.n


def link_run(argv, cols, rows, baogao, keys, gap=0.0, hide_outline=False):
    pid, fd = spawn(argv, cols, rows)
    drain(fd, 1.0)
    if baogao:
        for k in PREP + ([b"o"] if hide_outline else []):
            os.write(fd, k)
            drain(fd, 0.2)
    os.write(fd, b" ")  # warm: the first page may parse and wrap
    drain(fd)
    took, n = Link(fd).press_and_settle(keys, gap)
    finish(pid, fd, b"q")
    return took, n


def search_run(argv, runs):
    """Key to hits on screen: type a query after `/`; the time from writing
    its last key to the last byte of the screen that follows (the prompt's
    echo, then the hits when the worker answers)."""
    pid, fd = spawn(argv, 80, 24)
    drain(fd, 1.0)
    took = []
    for k in range(runs):
        os.write(fd, b"/")
        drain(fd, 0.2)
        for c in [b"j", b"z"]:
            os.write(fd, c)
            drain(fd, 0.2)
        t0 = time.perf_counter()
        os.write(fd, b"x" if k % 2 == 0 else b"h")
        last = None
        while True:
            r, _, _ = select.select([fd], [], [], 0.3)
            if not r:
                break
            os.read(fd, 65536)
            last = time.perf_counter()
        if last is not None:
            took.append(last - t0)
        os.write(fd, b"\x1b")
        drain(fd, 0.2)
    finish(pid, fd, b"q")
    return took


def stats(xs):
    xs = sorted(x for x in xs if x is not None)
    if not xs:
        return float("nan"), float("nan")
    return statistics.median(xs), xs[min(len(xs) - 1, int(round(0.95 * (len(xs) - 1))))]


def first_frame(argv, cols, rows, baogao):
    """The first frame's (bytes, wide chars); for the explorer also those of
    the frame after `o` (the outline toggled)."""
    pid, fd = spawn(argv, cols, rows)
    first = drain(fd, 1.0)
    res = {"first frame": (len(first), wide_chars(first))}
    if baogao:
        os.write(fd, b"o")
        o = drain(fd)
        res["then o (outline toggled)"] = (len(o), wide_chars(o))
    finish(pid, fd, b"q")
    return res


def open_main(binary, text, open_id, runs):
    cmds = {
        "baogao": ([binary, "--ambiguous", "narrow", "--no-mouse", "--open", open_id], True),
        "less": (["less", text], False),
    }
    print(f"# {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, load {os.getloadavg()[0]:.1f}")
    print(f"# baogao --open {open_id} vs less {text}, {runs} runs, medians")
    for cols, rows in ((80, 24), (200, 60)):
        print(f"\n## first frame at {cols}x{rows} (bytes, wide chars, bytes per wide char)")
        got = {name: [] for name in cmds}
        for _ in range(runs):  # interleaved
            for name, (argv, b) in cmds.items():
                got[name].append(first_frame(argv, cols, rows, b))
        per_char = {}
        for name, runs_ in got.items():
            for what in runs_[0]:
                n = int(statistics.median(r[what][0] for r in runs_))
                w = int(statistics.median(r[what][1] for r in runs_))
                per = n / w if w else float("nan")
                per_char.setdefault(name, per)
                print(f"{name:7} {what:26} {n:8} {w:6} {per:7.2f}")
        print(f"ratio per wide char, first frame: {per_char['baogao'] / per_char['less']:.2f}x less")


def main():
    args = sys.argv[1:]
    runs, binary, text = 9, "target/release/baogao", "data/reports/gov/national/1954.md"
    open_id = None
    while args:
        if args[0] == "--open":
            open_id = args[1]
        elif args[0] == "--runs":
            runs = int(args[1])
        elif args[0] == "--baogao":
            binary = args[1]
        elif args[0] == "--text":
            text = args[1]
        args = args[2:]
    if open_id is not None:
        open_main(binary, text, open_id, runs)
        return
    cmds = {
        "baogao": ([binary, "--ambiguous", "narrow", "--no-mouse"], True),
        "less": (["less", text], False),
    }
    print(f"# {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, load {os.getloadavg()[0]:.1f}")
    for cols, rows in ((80, 24), (200, 60)):
        print(f"\n## bytes at {cols}x{rows} (bytes, wide chars, bytes per wide char)")
        got = {name: bytes_run(argv, cols, rows, b) for name, (argv, b) in cmds.items()}
        for name, res in got.items():
            for what, (n, w) in res.items():
                per = f"{n / w:.2f}" if w else "-"
                print(f"{name:7} {what:26} {n:8} {w:6} {per:>7}")
    print("\n## search 'jzx'/'jzh', 80x24, no link: key to hits on screen")
    for label, extra in (("bundled corpus", []), ("data/model.json (two reports)", ["--model", "data/model.json"])):
        med, p95 = stats(search_run(cmds["baogao"][0] + extra, 2 * runs))
        print(f"baogao  {label:30} median {med * 1000:5.1f} ms  p95 {p95 * 1000:5.1f} ms")
    for cols, rows in ((80, 24), (200, 60)):
        print(f"\n## 1 Mbit/s, {LATENCY * 1000:.0f} ms each way, {cols}x{rows}: key to settled screen")
        cases = (
            ("page down", [b" "], 0.0, False),
            ("held j x30", [b"j"] * 30, 0.02, False),
            ("held j x30, outline hidden", [b"j"] * 30, 0.02, True),
        )
        for what, keys, gap, hide in cases:
            times = {name: [] for name in cmds}
            sizes = {name: [] for name in cmds}
            for _ in range(runs if what == "page down" else max(3, runs // 3)):
                for name, (argv, b) in cmds.items():  # interleaved
                    t, n = link_run(argv, cols, rows, b, keys, gap, hide)
                    times[name].append(t)
                    sizes[name].append(n)
            ref = stats(times["less"])[0]
            for name in cmds:
                med, p95 = stats(times[name])
                print(
                    f"{name:7} {what:27} median {med * 1000:6.0f} ms  p95 {p95 * 1000:6.0f} ms"
                    f"  x less {med / ref:4.2f}  bytes {int(statistics.median(sizes[name]))}"
                )


if __name__ == "__main__":
    main()
