//! Stop and continue, and the signals that end the explorer, read from a
//! real pseudo-terminal (Python's pty module at 80x24, mouse reporting on).
//!
//! The explorer runs as a job of a small job-control shell (Python: its own
//! session on the pty, the explorer in a process group of its own in the
//! foreground; on a stop it takes the terminal back, reports, and on the
//! driver's word puts the job back in the foreground with SIGCONT, as `fg`
//! does). The shell never touches the terminal's modes, so what `stty -a`
//! shows while the job is stopped is what the explorer left. Checked: on
//! Ctrl-Z and on `kill -TSTP` the explorer leaves the alternate screen,
//! turns the mouse off, shows the cursor and line mode with echo is back
//! (`stty`: icanon echo) before it stops; after `fg` raw mode is back
//! (`stty`: -icanon -echo), the alternate screen and mouse are entered
//! again and the whole screen is redrawn; after a SIGSTOP it could not see,
//! SIGCONT still brings raw mode and a full redraw. SIGQUIT, SIGUSR1 and
//! SIGALRM restore the terminal and exit with 128 + the signal. Skips when
//! python3 is missing.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::Path;
use std::process::Command;

/// The job-control shell: argv = report fd, command fd, then the command.
const SHELL: &str = r#"
import os, sys, signal, termios, fcntl
rep_fd, cmd_fd, argv = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3:]
fcntl.ioctl(0, termios.TIOCSCTTY, 0)
signal.signal(signal.SIGTTOU, signal.SIG_IGN)
rep = os.fdopen(rep_fd, 'w', buffering=1)
cmd = os.fdopen(cmd_fd, 'r')
pid = os.fork()
if pid == 0:
    os.setpgid(0, 0)
    os.tcsetpgrp(0, os.getpid())
    signal.signal(signal.SIGTTOU, signal.SIG_DFL)
    os.execv(argv[0], argv)
try:
    os.setpgid(pid, pid)
    os.tcsetpgrp(0, pid)
except OSError:
    pass
rep.write('pid %d\n' % pid)
while True:
    _, st = os.waitpid(pid, os.WUNTRACED)
    if os.WIFSTOPPED(st):
        os.tcsetpgrp(0, os.getpgrp())
        rep.write('stopped %d\n' % os.WSTOPSIG(st))
        cmd.readline()
        os.tcsetpgrp(0, pid)
        os.killpg(pid, signal.SIGCONT)
        continue
    code = os.WEXITSTATUS(st) if os.WIFEXITED(st) else 128 + os.WTERMSIG(st)
    rep.write('exit %d\n' % code)
    break
"#;

/// Drives the shell: start, stop (`how`: key, tstp, sigstop), stty, fg, q.
const DRIVER: &str = r#"
import os, sys, time, select, fcntl, termios, struct, subprocess, signal
bin_, out_dir, how, shell = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
master, slave = os.openpty()
name = os.ttyname(slave)
fcntl.ioctl(master, termios.TIOCSWINSZ, struct.pack('HHHH', 24, 80, 0, 0))
rep_r, rep_w = os.pipe()
cmd_r, cmd_w = os.pipe()
env = dict(os.environ, TERM='xterm-256color')
for k in ('TMUX', 'BAOGAO_AMBIGUOUS', 'TERM_PROGRAM'):
    env.pop(k, None)
sh = subprocess.Popen(['python3', '-c', shell, str(rep_w), str(cmd_r), bin_,
                       '--ambiguous', 'narrow'],
                      stdin=slave, stdout=slave, stderr=slave, env=env,
                      start_new_session=True, pass_fds=[rep_w, cmd_r])
os.close(rep_w); os.close(cmd_r)
out = {'seg': bytearray()}
reports = []
rbuf = bytearray()
def pump(secs, until=None):
    end = time.time() + secs
    while time.time() < end:
        if until is not None and until():
            return True
        r, _, _ = select.select([master, rep_r], [], [], 0.02)
        if master in r:
            try:
                out['seg'].extend(os.read(master, 65536))
            except OSError:
                pass
        if rep_r in r:
            data = os.read(rep_r, 4096)
            rbuf.extend(data)
            while b'\n' in rbuf:
                line, _, rest = bytes(rbuf).partition(b'\n')
                reports.append(line.decode())
                rbuf[:] = rest
    return until is None or until()
def seen(word):
    return lambda: any(r.startswith(word) for r in reports)
def stty(tag):
    s = subprocess.run(['stty', '-a', '-F', name], capture_output=True, text=True).stdout
    open(os.path.join(out_dir, 'stty-' + tag + '.txt'), 'w').write(s)
def save(tag):
    open(os.path.join(out_dir, tag + '.bin'), 'wb').write(bytes(out['seg']))
    out['seg'] = bytearray()
pump(5, lambda: seen('pid')() and b'Outline' in out['seg'])
pump(0.3)
pid = int([r for r in reports if r.startswith('pid')][0].split()[1])
save('start'); stty('running')
if how == 'key':
    os.write(master, b'\x1a')
elif how == 'tstp':
    os.kill(pid, signal.SIGTSTP)
else:
    os.kill(pid, signal.SIGSTOP)
pump(5, seen('stopped'))
pump(0.3)
save('stop'); stty('stopped')
os.write(cmd_w, b'fg\n')
pump(1.5)
save('cont'); stty('cont')
os.write(master, b'q')
pump(5, seen('exit'))
save('end')
open(os.path.join(out_dir, 'reports.txt'), 'w').write('\n'.join(reports) + '\n')
sh.wait(timeout=5)
"#;

/// Starts the explorer directly, sends `sig` after the first frame.
const KILLER: &str = r#"
import os, sys, time, select, fcntl, termios, struct, subprocess
bin_, out_dir, sig = sys.argv[1], sys.argv[2], int(sys.argv[3])
master, slave = os.openpty()
name = os.ttyname(slave)
fcntl.ioctl(master, termios.TIOCSWINSZ, struct.pack('HHHH', 24, 80, 0, 0))
env = dict(os.environ, TERM='xterm-256color')
env.pop('TMUX', None)
p = subprocess.Popen([bin_, '--ambiguous', 'narrow'], stdin=slave, stdout=slave,
                     stderr=slave, env=env, start_new_session=True)
buf = bytearray()
def pump(secs, until=None):
    end = time.time() + secs
    while time.time() < end and not (until and until()):
        r, _, _ = select.select([master], [], [], 0.02)
        if r:
            try:
                buf.extend(os.read(master, 65536))
            except OSError:
                return
pump(5, lambda: b'Outline' in buf)
pump(0.3)
start = len(buf)
os.kill(p.pid, sig)
code = p.wait(timeout=5)
pump(0.3)
s = subprocess.run(['stty', '-a', '-F', name], capture_output=True, text=True).stdout
open(os.path.join(out_dir, 'stty.txt'), 'w').write(s)
open(os.path.join(out_dir, 'after.bin'), 'wb').write(bytes(buf[start:]))
open(os.path.join(out_dir, 'code.txt'), 'w').write(str(code))
"#;

fn have_tools(name: &str) -> bool {
    for tool in ["python3", "stty"] {
        if Command::new(tool).arg("--version").output().is_err() {
            common::tmux::missing_tool(name, tool);
            return false;
        }
    }
    true
}

struct Run {
    stop: String,
    cont: String,
    running: Vec<String>,
    stopped: Vec<String>,
    continued: Vec<String>,
    reports: String,
}

fn run_job(name: &str, dir: &Path, how: &str) -> Option<Run> {
    if !have_tools(name) {
        return None;
    }
    let st = Command::new("python3")
        .args(["-c", DRIVER, env!("CARGO_BIN_EXE_baogao")])
        .arg(dir)
        .args([how, SHELL])
        .env("BAOGAO_MODEL", baogao::plan_model_path())
        .status()
        .unwrap();
    assert!(st.success(), "the pty driver failed");
    let bytes =
        |f: &str| String::from_utf8_lossy(&std::fs::read(dir.join(f)).unwrap()).into_owned();
    let words = |f: &str| {
        std::fs::read_to_string(dir.join(f))
            .unwrap()
            .split([' ', ';', '\n'])
            .map(str::to_string)
            .collect::<Vec<_>>()
    };
    Some(Run {
        stop: bytes("stop.bin"),
        cont: bytes("cont.bin"),
        running: words("stty-running.txt"),
        stopped: words("stty-stopped.txt"),
        continued: words("stty-cont.txt"),
        reports: std::fs::read_to_string(dir.join("reports.txt")).unwrap(),
    })
}

fn has(words: &[String], w: &str) -> bool {
    words.iter().any(|x| x == w)
}

const MOUSE_OFF: &str = "\x1b[?1000l";
const MOUSE_ON: &str = "\x1b[?1000h";

fn raw(words: &[String]) -> bool {
    has(words, "-icanon") && has(words, "-echo")
}

fn line_mode(words: &[String]) -> bool {
    has(words, "icanon") && has(words, "echo")
}

/// Stopped with the terminal restored; after fg, raw mode and a full redraw.
fn check_stop_and_continue(r: &Run) {
    assert!(r.reports.contains("stopped 20"), "{}", r.reports);
    assert!(r.reports.contains("exit 0"), "{}", r.reports);
    assert!(raw(&r.running), "not raw while running: {:?}", r.running);
    for seq in ["\x1b[?1049l", MOUSE_OFF, "\x1b[?25h"] {
        assert!(
            r.stop.contains(seq),
            "{seq:?} not written on stop: {:?}",
            r.stop
        );
    }
    assert!(
        line_mode(&r.stopped),
        "line mode not restored while stopped: {:?}",
        r.stopped
    );
    for seq in ["\x1b[?1049h", MOUSE_ON, "\x1b[?25l", "\x1b[2J"] {
        assert!(
            r.cont.contains(seq),
            "{seq:?} not written after fg: {:?}",
            r.cont
        );
    }
    // the screen is redrawn, after the alternate screen is entered again
    let entered = r.cont.find("\x1b[?1049h").unwrap();
    assert!(r.cont[entered..].contains("Outline"), "no redraw after fg");
    assert!(raw(&r.continued), "not raw after fg: {:?}", r.continued);
}

#[test]
fn ctrl_z_suspends_and_fg_takes_the_terminal_back() {
    let dir = tempfile::tempdir().unwrap();
    if let Some(r) = run_job("stop_key", dir.path(), "key") {
        check_stop_and_continue(&r);
    }
}

#[test]
fn kill_tstp_restores_the_terminal_then_stops_and_fg_redraws() {
    let dir = tempfile::tempdir().unwrap();
    if let Some(r) = run_job("stop_tstp", dir.path(), "tstp") {
        check_stop_and_continue(&r);
    }
}

#[test]
fn after_a_sigstop_it_could_not_see_sigcont_redraws_in_raw_mode() {
    let dir = tempfile::tempdir().unwrap();
    let Some(r) = run_job("stop_sigstop", dir.path(), "sigstop") else {
        return;
    };
    assert!(r.reports.contains("stopped 19"), "{}", r.reports);
    assert!(r.reports.contains("exit 0"), "{}", r.reports);
    assert!(r.cont.contains("\x1b[2J") && r.cont.contains("Outline"));
    assert!(raw(&r.continued), "not raw after fg: {:?}", r.continued);
}

#[test]
fn fatal_signals_restore_the_terminal_and_exit() {
    for (sig, name) in [
        (libc::SIGINT, "int"),
        (libc::SIGTERM, "term"),
        (libc::SIGHUP, "hup"),
        (libc::SIGQUIT, "quit"),
        (libc::SIGUSR1, "usr1"),
        (libc::SIGALRM, "alrm"),
    ] {
        if !have_tools(name) {
            return;
        }
        let dir = tempfile::tempdir().unwrap();
        let st = Command::new("python3")
            .args(["-c", KILLER, env!("CARGO_BIN_EXE_baogao")])
            .arg(dir.path())
            .arg(sig.to_string())
            .env("BAOGAO_MODEL", baogao::plan_model_path())
            .status()
            .unwrap();
        assert!(st.success(), "the pty driver failed");
        let read = |f: &str| std::fs::read_to_string(dir.path().join(f)).unwrap();
        assert_eq!(read("code.txt"), (128 + sig).to_string(), "{name}");
        let after = String::from_utf8_lossy(&std::fs::read(dir.path().join("after.bin")).unwrap())
            .into_owned();
        for seq in ["\x1b[?1049l", MOUSE_OFF, "\x1b[?25h"] {
            assert!(
                after.contains(seq),
                "{name}: {seq:?} not written: {after:?}"
            );
        }
        let words: Vec<String> = read("stty.txt")
            .split([' ', ';', '\n'])
            .map(str::to_string)
            .collect();
        assert!(line_mode(&words), "{name}: {words:?}");
    }
}
