//! The reader's cursor: the highlighted sentence (the one `y` copies) and,
//! within it, a selected number (an indicator mark). Pure motions over the
//! laid-out document: `)` / `(` move by sentence, `>` / `<` by number, and
//! the view scrolls just enough to keep the cursor on screen.

use super::doc::Doc;
use super::reader::ReaderState;

/// The lines showing sentence `t` (first..=last), if any.
fn sentence_lines(doc: &Doc, t: u32) -> Option<(usize, usize)> {
    let mut lines =
        (0..doc.lines.len()).filter(|&l| doc.lines[l].segs.iter().any(|s| s.sentence == t));
    let first = lines.next()?;
    Some((first, lines.next_back().unwrap_or(first)))
}

/// A marked number of the document: where it is and what it was read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NumberMark {
    /// The (first) line it is on.
    pub line: usize,
    /// The sentence it is in (index into `Doc::sentences`).
    pub sentence: u32,
    /// The indicator record (index into the report's `indicators`).
    pub record: usize,
}

/// Every marked number in reading order. A number wrapped over two lines
/// is listed once, at its first line.
pub fn numbers(doc: &Doc) -> Vec<NumberMark> {
    let mut out: Vec<NumberMark> = Vec::new();
    for (l, line) in doc.lines.iter().enumerate() {
        for m in &line.marks {
            let Some(seg) = line
                .segs
                .iter()
                .find(|s| m.bytes.start < s.bytes.end && m.bytes.end > s.bytes.start)
            else {
                continue;
            };
            if out
                .iter()
                .any(|n| n.sentence == seg.sentence && n.record == m.record)
            {
                continue;
            }
            out.push(NumberMark {
                line: l,
                sentence: seg.sentence,
                record: m.record,
            });
        }
    }
    out
}

impl ReaderState {
    /// The index of the highlighted sentence in the document.
    pub fn cursor_sentence(&self) -> Option<u32> {
        let h = self.highlight.as_ref()?;
        self.doc
            .sentences
            .iter()
            .position(|s| s == h)
            .map(|i| i as u32)
    }

    /// The selected number's record, when it is in the highlighted sentence.
    pub fn cursor_number(&self) -> Option<usize> {
        let t = self.cursor_sentence()?;
        let n = self.number?;
        numbers(&self.doc)
            .iter()
            .any(|m| m.sentence == t && m.record == n)
            .then_some(n)
    }

    /// Scroll the least so lines `first..=last` are on screen (the first one
    /// wins when they do not fit).
    fn keep_visible(&mut self, first: usize, last: usize) {
        let h = self.height.max(1);
        if last >= self.top + h {
            self.top = last + 1 - h;
        }
        if first < self.top || first >= self.top + h {
            self.top = first;
        }
        self.top = self.top.min(self.max_top());
    }

    fn set_cursor(&mut self, t: u32, number: Option<usize>, line: Option<usize>) {
        let Some(id) = self.doc.sentences.get(t as usize).cloned() else {
            return;
        };
        self.highlight = Some(id);
        self.highlight_row = None;
        self.number = number;
        if let Some((first, last)) = sentence_lines(&self.doc, t) {
            match line {
                Some(l) => self.keep_visible(l, l),
                None => self.keep_visible(first, last),
            }
        }
    }

    /// `)` / `(`: the next / previous sentence. Without a cursor (or with
    /// one off screen), the first sentence on screen.
    pub fn move_sentence(&mut self, forward: bool) -> bool {
        let h = self.height.max(1);
        let on_screen = self.cursor_sentence().filter(|&t| {
            sentence_lines(&self.doc, t).is_some_and(|(a, b)| b >= self.top && a < self.top + h)
        });
        let n = self.doc.sentences.len() as u32;
        let next = match on_screen {
            Some(t) if forward => (t + 1 < n).then_some(t + 1),
            Some(t) => t.checked_sub(1),
            None => self.doc.first_sentence_from(self.top, h),
        };
        match next {
            Some(t) => {
                self.set_cursor(t, None, None);
                true
            }
            None => false,
        }
    }

    /// `>` / `<`: the next / previous number, within the sentence and on
    /// into the next / previous sentence that has one. Without a cursor, the
    /// first number on screen (or after it).
    pub fn move_number(&mut self, forward: bool) -> bool {
        let list = numbers(&self.doc);
        let cur_t = self.cursor_sentence();
        let cur = cur_t.and_then(|t| {
            let n = self.number?;
            list.iter().position(|m| m.sentence == t && m.record == n)
        });
        let pick = match (cur, cur_t) {
            (Some(i), _) if forward => list.get(i + 1),
            (Some(i), _) => i.checked_sub(1).and_then(|i| list.get(i)),
            (None, Some(t)) if forward => list.iter().find(|e| e.sentence >= t),
            (None, Some(t)) => list.iter().rev().find(|e| e.sentence <= t),
            (None, None) if forward => list.iter().find(|e| e.line >= self.top),
            (None, None) => list
                .iter()
                .rev()
                .find(|e| e.line < self.top + self.height.max(1)),
        };
        match pick.copied() {
            Some(m) => {
                self.set_cursor(m.sentence, Some(m.record), Some(m.line));
                true
            }
            None => false,
        }
    }
}
