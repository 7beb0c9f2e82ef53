//! End-to-end test of the reader cursor in the real binary in tmux at 80x24:
//! `>` puts the cursor on a number, `i` shows that number's record only,
//! Tab + Enter in a records popup jumps to the record's source and C-o comes
//! back to the same reader screen. Skips (with a message) when tmux is not installed.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
use common::tmux::Tmux;

#[test]
fn cursor_number_record_and_enter_to_the_source_at_80x24() {
    let Some(t) = Tmux::start("cursor", 80, 24) else {
        return;
    };
    let bin = env!("CARGO_BIN_EXE_baogao");
    t.keys(&[&format!("{bin} --ambiguous narrow; echo EXIT=$?"), "Enter"]);
    t.wait_for("Outline");
    // Shanghai, part 一、, section (一): open it in the reader.
    t.keys(&["j", "j", "j", "j", "l", "j", "Enter"]);
    t.wait_for("稳增长促发展政策精准发力");
    // The second number of the first sentence that has numbers: 981.8亿元.
    t.keys(&[">", ">", "i"]);
    let s = t.wait_for("The number at the cursor: 1");
    assert!(s.contains("value     981.8亿元"), "{s}");
    assert!(!s.contains("1318亿元  (unit"), "{s}");
    t.keys(&["Escape"]);
    // The sentence's records (`)` `(`: the cursor back on the sentence,
    // no number); Tab to the second record; Enter jumps to its source.
    t.keys(&[")", "("]);
    let before = t.settled();
    t.keys(&["i"]);
    let s = t.wait_for("Indicators in the highlighted sentence");
    assert!(s.contains("2. 新增减税降费"), "{s}");
    t.keys(&["Tab", "Enter"]);
    let after = t.settled();
    assert!(!after.contains("┌─"), "{after}");
    assert!(after.contains("981.8亿元"), "{after}");
    // On the screen the number now has the cursor: `i` shows its record.
    t.keys(&["i"]);
    let s = t.wait_for("The number at the cursor: 1");
    assert!(s.contains("value     981.8亿元"), "{s}");
    t.keys(&["Escape"]);
    // C-o: back to the screen before the jump (the cursor sentence aside).
    t.keys(&["C-o"]);
    let back = t.settled();
    // (the outline may have opened the section's node: compare the reader)
    let reader = |s: &str| -> Vec<String> {
        s.lines()
            .take(23)
            .map(|l| l.split_once('│').map(|x| x.1).unwrap_or(l).to_string())
            .collect()
    };
    assert_eq!(reader(&back), reader(&before), "{back}");
    t.keys(&["q"]);
    t.wait_for("EXIT=0");
}
