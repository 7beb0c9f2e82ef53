//! The bytes `y` writes, read from a real pseudo-terminal (Python's pty
//! module drives the binary at 80x24): a well-formed OSC 52 sequence whose
//! base64 payload is exactly the cited text, and inside tmux ($TMUX set) the
//! same sequence wrapped for passthrough with its ESCs doubled. Skips (with
//! a message) when python3 is missing.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::process::Command;

use baogao::model::cite::{cite_text, CiteFormat};

const DRIVER: &str = r#"
import os, pty, sys, time, select, fcntl, termios, struct, subprocess
bin_, out_path, tmux = sys.argv[1], sys.argv[2], sys.argv[3]
master, slave = os.openpty()
fcntl.ioctl(master, termios.TIOCSWINSZ, struct.pack('HHHH', 24, 80, 0, 0))
env = dict(os.environ)
env.pop('TMUX', None)
if tmux == '1':
    env['TMUX'] = '/tmp/fake-tmux,1,0'
env['TERM'] = 'xterm-256color'
p = subprocess.Popen([bin_, '--ambiguous', 'narrow', '--no-mouse'], stdin=slave,
                     stdout=slave, stderr=slave, env=env, start_new_session=True)
os.close(slave)
buf = bytearray()
def pump(secs):
    end = time.time() + secs
    while time.time() < end:
        r, _, _ = select.select([master], [], [], 0.05)
        if r:
            try:
                buf.extend(os.read(master, 65536))
            except OSError:
                return
pump(1.0)
for k in ["/", "'", "9", "0", ".", "4", "%"]:
    os.write(master, k.encode()); pump(0.1)
pump(0.5)
for k in ["\x1b[B", "\r"]:
    os.write(master, k.encode()); pump(0.3)
mark = len(buf)
os.write(master, b"y"); pump(0.8)
os.write(master, b"q"); pump(0.5)
p.wait(timeout=5)
open(out_path, 'wb').write(bytes(buf[mark:]))
"#;

fn b64decode(s: &str) -> Vec<u8> {
    let val = |c: u8| -> u32 {
        match c {
            b'A'..=b'Z' => (c - b'A') as u32,
            b'a'..=b'z' => (c - b'a' + 26) as u32,
            b'0'..=b'9' => (c - b'0' + 52) as u32,
            b'+' => 62,
            b'/' => 63,
            _ => panic!("not base64: {c}"),
        }
    };
    let mut out = Vec::new();
    for chunk in s.as_bytes().chunks(4) {
        let pad = chunk.iter().filter(|&&c| c == b'=').count();
        let mut n = 0u32;
        for &c in chunk {
            n = (n << 6) | if c == b'=' { 0 } else { val(c) };
        }
        let bytes = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
        out.extend_from_slice(&bytes[..3 - pad]);
    }
    out
}

/// Run the driver; the bytes written after the search jump.
fn drive(name: &str, tmux: bool) -> Option<Vec<u8>> {
    if Command::new("python3").arg("-V").output().is_err() {
        common::tmux::missing_tool(name, "python3");
        return None;
    }
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.bin");
    let st = Command::new("python3")
        .args(["-c", DRIVER, env!("CARGO_BIN_EXE_baogao")])
        .env("BAOGAO_MODEL", baogao::plan_model_path())
        .arg(&out)
        .arg(if tmux { "1" } else { "0" })
        .status()
        .unwrap();
    assert!(st.success(), "the pty driver failed");
    Some(std::fs::read(&out).unwrap())
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn want() -> String {
    let m = baogao::load_plan_model().unwrap();
    let id = m
        .reports
        .iter()
        .flat_map(|r| r.all_sections())
        .flat_map(|s| s.blocks.iter())
        .filter_map(|b| match b {
            baogao::model::Block::Paragraph(p) => Some(p),
            _ => None,
        })
        .flat_map(|p| p.sentences.iter())
        .find(|s| {
            s.text
                .contains("\u{5360}\u{5168}\u{5E02}\u{6BD4}\u{91CD}90.4%")
        })
        .unwrap()
        .id
        .clone();
    cite_text(&m, &id, CiteFormat::Text).unwrap()
}

#[test]
fn y_writes_a_well_formed_osc52_sequence_carrying_the_citation() {
    let Some(bytes) = drive("osc52", false) else {
        return;
    };
    let start = find(&bytes, b"\x1b]52;c;").expect("no OSC 52 in the output");
    let rest = &bytes[start + 7..];
    let end = rest.iter().position(|&b| b == 0x07).expect("no BEL");
    let payload = std::str::from_utf8(&rest[..end]).unwrap();
    assert!(payload
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'+' || b == b'/' || b == b'='));
    let text = String::from_utf8(b64decode(payload)).unwrap();
    assert_eq!(text, want());
    assert!(text.contains("(2024), "), "{text}");
    assert!(find(&bytes, b"\x1bPtmux;").is_none());
}

#[test]
fn inside_tmux_the_sequence_is_wrapped_for_passthrough() {
    let Some(bytes) = drive("osc52-tmux", true) else {
        return;
    };
    let head = b"\x1bPtmux;\x1b\x1b]52;c;";
    let start = find(&bytes, head).expect("no wrapped OSC 52");
    let rest = &bytes[start + head.len()..];
    let end = find(rest, b"\x07\x1b\\").expect("no BEL ST");
    let payload = std::str::from_utf8(&rest[..end]).unwrap();
    assert_eq!(String::from_utf8(b64decode(payload)).unwrap(), want());
}
