//! `--ambiguous auto` never delays the first frame, read from a real
//! pseudo-terminal (Python's pty module at 80x24) that answers the cursor
//! request 300 ms late, or never: the first frame comes before any answer,
//! drawn with the guess (narrow, or the answer remembered from the last run
//! in $XDG_STATE_HOME/baogao/ambiguous-width); a late "wide" answer redraws
//! the screen in wide mode (ASCII borders) and is remembered; without an
//! answer the explorer still runs and quits. A key pressed the moment the
//! first frame is up is drawn at once, answer or not (it used to wait for
//! crossterm's two-second cursor::position timeout). Skips when python3 is missing.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::Path;
use std::process::Command;

const DRIVER: &str = r#"
import os, sys, time, select, fcntl, termios, struct, subprocess
bin_, out_dir, delay = sys.argv[1], sys.argv[2], float(sys.argv[3])
early = len(sys.argv) > 4 and sys.argv[4] == 'early'
master, slave = os.openpty()
fcntl.ioctl(master, termios.TIOCSWINSZ, struct.pack('HHHH', 24, 80, 0, 0))
env = dict(os.environ, TERM='xterm-256color', HOME=out_dir,
           XDG_STATE_HOME=os.path.join(out_dir, 'state'))
for k in ('TMUX', 'BAOGAO_AMBIGUOUS', 'TERM_PROGRAM'):
    env.pop(k, None)
p = subprocess.Popen([bin_, '--ambiguous', 'auto', '--no-mouse'], stdin=slave,
                     stdout=slave, stderr=slave, env=env, start_new_session=True)
os.close(slave)
before, after = bytearray(), bytearray()
state = {'asked': None, 'answered': False}
def pump(secs):
    end = time.time() + secs
    while time.time() < end:
        r, _, _ = select.select([master], [], [], 0.01)
        if r:
            try:
                data = os.read(master, 65536)
            except OSError:
                return
            (after if state['answered'] else before).extend(data)
        if state['asked'] is None and b'\x1b[6n' in before:
            state['asked'] = time.time()
        if (delay >= 0 and not state['answered'] and state['asked'] is not None
                and time.time() >= state['asked'] + delay):
            os.write(master, b'\x1b[1;3R')
            state['answered'] = True
def first_frame():
    end = time.time() + 5
    while time.time() < end and b'Outline' not in before:
        pump(0.01)
if early:
    # a key pressed the moment the first frame is on screen, before any answer
    first_frame(); pump(0.05)
    keyed = len(before)
    os.write(master, b'J'); pump(0.4)
    open(os.path.join(out_dir, 'keyed.bin'), 'wb').write(bytes(before[keyed:]))
pump(2.5)
os.write(master, b'j'); pump(0.5)
os.write(master, b'q'); pump(1.0)
code = p.wait(timeout=5)
open(os.path.join(out_dir, 'before.bin'), 'wb').write(bytes(before))
open(os.path.join(out_dir, 'after.bin'), 'wb').write(bytes(after))
sys.exit(code)
"#;

/// Run the explorer in a pty answering after `delay` seconds (negative:
/// never); the bytes before and after the answer.
fn drive(name: &str, dir: &Path, delay: f64) -> Option<(String, String)> {
    drive_with(name, dir, delay, "")
}

fn drive_with(name: &str, dir: &Path, delay: f64, early: &str) -> Option<(String, String)> {
    if Command::new("python3").arg("-V").output().is_err() {
        common::tmux::missing_tool(name, "python3");
        return None;
    }
    let st = Command::new("python3")
        .args(["-c", DRIVER, env!("CARGO_BIN_EXE_baogao")])
        .arg(dir)
        .arg(delay.to_string())
        .arg(early)
        .env("BAOGAO_MODEL", baogao::plan_model_path())
        .status()
        .unwrap();
    assert!(st.success(), "the explorer or the pty driver failed");
    let read = |f: &str| String::from_utf8_lossy(&std::fs::read(dir.join(f)).unwrap()).into_owned();
    Some((read("before.bin"), read("after.bin")))
}

fn remembered(dir: &Path) -> String {
    std::fs::read_to_string(dir.join("state/baogao/ambiguous-width")).unwrap_or_default()
}

#[test]
fn a_late_answer_redraws_in_its_mode_and_is_remembered_for_next_time() {
    let dir = tempfile::tempdir().unwrap();
    let Some((before, after)) = drive("probe_late", dir.path(), 0.3) else {
        return;
    };
    let asked = before.find("\x1b[6n").expect("the terminal is asked");
    // the first frame, narrow (the guess), without waiting for the answer
    assert!(
        before[asked..].contains("Outline"),
        "no first frame before the answer"
    );
    assert!(before.contains('│'), "narrow borders first");
    // the answer (wide) clears and redraws with ASCII borders
    assert!(after.contains("\x1b[2J"), "no redraw after the answer");
    assert!(
        after.contains('|') && !after.contains('│'),
        "not redrawn wide"
    );
    assert!(after.contains("\x1b[?1049l"), "terminal not restored");
    assert!(
        remembered(dir.path()).contains("\twide"),
        "{:?}",
        remembered(dir.path())
    );

    // next start: the remembered answer is the guess, drawn at once
    let Some((before, _)) = drive("probe_remembered", dir.path(), -1.0) else {
        return;
    };
    assert!(before.contains("Outline") && before.contains('|') && !before.contains('│'));
}

#[test]
fn without_an_answer_the_explorer_draws_narrow_and_runs() {
    let dir = tempfile::tempdir().unwrap();
    let Some((before, after)) = drive("probe_never", dir.path(), -1.0) else {
        return;
    };
    assert!(after.is_empty());
    assert!(before.contains("\x1b[6n") && before.contains("Outline") && before.contains('│'));
    // quit with q (the driver checked the exit status), terminal restored
    assert!(before.contains("\x1b[?1049l"));
    assert_eq!(remembered(dir.path()), "");
}

/// The bytes the explorer wrote in the 0.4 s after `J` (next sibling),
/// pressed as soon as the first frame was on screen.
fn keyed(dir: &Path) -> String {
    String::from_utf8_lossy(&std::fs::read(dir.join("keyed.bin")).unwrap()).into_owned()
}

#[test]
fn a_key_pressed_before_any_answer_takes_effect_at_once() {
    // never answers: the key is not held back waiting for the reply (it
    // used to wait two seconds, crossterm's cursor::position timeout)
    let dir = tempfile::tempdir().unwrap();
    let Some((before, after)) = drive_with("probe_never_key", dir.path(), -1.0, "early") else {
        return;
    };
    assert!(after.is_empty());
    let k = keyed(dir.path());
    assert!(k.contains('>'), "J not drawn within 0.4 s: {k:?}");
    assert!(before.contains("\x1b[?1049l"));

    // answers after 300 ms: the key is drawn before the answer comes (the
    // driver files bytes after the answer apart), then the answer redraws
    let dir = tempfile::tempdir().unwrap();
    let Some((_, after)) = drive_with("probe_late_key", dir.path(), 0.3, "early") else {
        return;
    };
    let k = keyed(dir.path());
    assert!(k.contains('>'), "J not drawn before the answer: {k:?}");
    assert!(
        after.contains("\x1b[2J") && after.contains('|'),
        "no redraw after the answer"
    );
}
