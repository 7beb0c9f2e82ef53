//! Assembling tokens into the outline: chunks (paragraph candidates) split at
//! sentence ends, line breaks and headings; heading markers that continue the
//! numbering open sections (run-in headings end at a space or the first 。);
//! tables are claimed by the table parser; attachments and glossaries become
//! their own subtrees with their own numbering; parts without a 一、 marker
//! (第一部分, or short bare lines such as "2024年工作回顾") are found in a
//! first pass over whole lines (see [`lines`]).

use std::sync::LazyLock;

use regex::Regex;

mod lines;

use lines::{
    comma_marker, find_parts, line_end, line_start, line_text, prepare, spaced_marker, Part,
};

use super::outline::{
    bare_numeral, endnote_number, is_glossary_heading, parse_marker, Marker, Numbering,
};
use super::sentences::{is_closer, is_terminator, split};
use super::stream::{Sep, Tok};
use super::tables::{parse_caption, parse_table, ParsedTable};
use crate::model::{Block, Paragraph, Section, SectionKind, Sentence, Span, Table};

/// The body of a report.
pub struct Assembled {
    pub preamble: Vec<Block>,
    pub sections: Vec<Section>,
    pub tables: Vec<Table>,
    pub warnings: Vec<String>,
}

static ATTACHMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^附件\s*([0-9一二三四五六七八九十]{0,3})\s*[::]?\s*(.*)$")
        .unwrap_or_else(|_| unreachable!())
});

struct Open {
    section: Section,
    /// Paragraphs so far (for paragraph ids).
    paragraphs: usize,
}

struct Asm<'a> {
    rid: &'a str,
    numbering: Numbering,
    stack: Vec<Open>,
    top: Vec<Section>,
    preamble: Vec<Block>,
    preamble_paragraphs: usize,
    tables: Vec<Table>,
    warnings: Vec<String>,
    chunk: Vec<(char, u32)>,
    depth: i32,
    /// Chars of the pending chunk since its last line start.
    line_len: usize,
    /// Whether that line was joined to the chunk across a blank line (a
    /// fragment such as "2.5" of "PM" / "2.5" / "年平均浓度" continues too).
    line_joined: bool,
    /// Whether that line was marked as a heading or bold in the source.
    line_marked: bool,
    counters: (usize, usize, usize),
}

fn ends_sentence(chars: &[(char, u32)]) -> bool {
    let mut it = chars
        .iter()
        .rev()
        .map(|c| c.0)
        .skip_while(|c| is_closer(*c));
    it.next().is_some_and(is_terminator)
}

fn ascii_word(c: char) -> bool {
    c.is_ascii_alphanumeric()
}

impl<'a> Asm<'a> {
    /// Does a line break (or blank line) before `t` fall inside the pending
    /// paragraph? Real paragraphs end at a sentence end; a line that stops
    /// short of one mid-paragraph ("推进文" / "化体制机制创新") continues,
    /// unless it is a lead-in (":") or short (a heading, a dateline, a table row),
    /// either line is marked as a heading or bold, or the next opens with a marker.
    fn continues_across(&self, t: &Tok) -> bool {
        if ends_sentence(&self.chunk) || self.chunk.len() < 20 {
            return false;
        }
        if t.sep == Sep::Newline || t.through_removed {
            return true;
        }
        let last = self
            .chunk
            .last()
            .map(|c| crate::text::fold::fold_width(c.0))
            .unwrap_or(' ');
        // Across a blank line only a long line (a paragraph's, not a heading's,
        // a dateline's or a speaker's) continues; a stray final "." ends it.
        (self.line_len >= 60 || self.line_joined)
            && !t.marked
            && !self.line_marked
            && parse_marker(&crate::text::fold::fold_width_str(&t.text())).is_none()
            && !matches!(last, ':' | '|' | ')' | '】' | '》' | '.')
            && !matches!(
                crate::text::fold::fold_width(t.first()),
                '-' | '·' | '•' | '|'
            )
    }

    fn blocks(&mut self) -> &mut Vec<Block> {
        match self.stack.last_mut() {
            Some(o) => &mut o.section.blocks,
            None => &mut self.preamble,
        }
    }

    fn current_section_id(&self) -> String {
        self.stack
            .last()
            .map(|o| o.section.id.clone())
            .unwrap_or_default()
    }

    fn extend_span(&mut self, end: usize) {
        for o in &mut self.stack {
            o.section.span.1 = o.section.span.1.max(end);
        }
    }

    /// Turn the pending chunk into a paragraph of the current section.
    fn flush(&mut self) {
        let chunk = std::mem::take(&mut self.chunk);
        self.depth = 0;
        self.line_joined = false;
        let sentences = split(&chunk);
        if sentences.is_empty() {
            return;
        }
        let pid = match self.stack.last_mut() {
            Some(o) => {
                o.paragraphs += 1;
                format!("{}:p{}", o.section.id, o.paragraphs)
            }
            None => {
                self.preamble_paragraphs += 1;
                format!("{}:pre:p{}", self.rid, self.preamble_paragraphs)
            }
        };
        let sentences: Vec<Sentence> = sentences
            .into_iter()
            .enumerate()
            .map(|(k, r)| {
                let s = &chunk[r];
                let mut text: String = s.iter().map(|c| c.0).collect();
                text.shrink_to_fit();
                Sentence {
                    id: format!("{pid}.{}", k + 1),
                    text,
                    span: Span(s[0].1 as usize, s[s.len() - 1].1 as usize + 1),
                }
            })
            .collect();
        drop(chunk);
        let span = Span(sentences[0].span.0, sentences[sentences.len() - 1].span.1);
        self.extend_span(span.1);
        self.blocks().push(Block::Paragraph(Paragraph {
            id: pid,
            span,
            sentences,
        }));
    }

    /// Quotes and brackets open at the end of the chunk so far.
    fn track_depth(&mut self, c: char) {
        match crate::text::fold::fold_width(c) {
            '《' | '“' | '(' | '「' | '『' | '【' => self.depth += 1,
            '》' | '”' | ')' | '」' | '』' | '】' => self.depth = (self.depth - 1).max(0),
            _ => {}
        }
    }

    fn push_chars(&mut self, chars: &[(char, u32)]) {
        for &(c, _) in chars {
            self.track_depth(c);
        }
        self.chunk.extend_from_slice(chars);
    }

    /// [`Asm::push_chars`] taking a token's chars: the larger of the chunk
    /// and the token keeps its buffer, so a token of a 50 MB line is never
    /// copied (the builder's peak memory, docs/RELIABILITY.md).
    fn push_owned(&mut self, mut chars: Vec<(char, u32)>) {
        if chars.len() <= self.chunk.len() {
            self.push_chars(&chars);
            return;
        }
        for &(c, _) in &chars {
            self.track_depth(c);
        }
        chars.splice(0..0, self.chunk.drain(..));
        self.chunk = chars;
    }

    /// Close open sections down to (not including) `level`, keeping containers (level 0).
    fn close_to(&mut self, level: u8) {
        while let Some(o) = self.stack.last() {
            if o.section.level < level {
                break;
            }
            self.pop();
        }
    }

    fn pop(&mut self) {
        if let Some(o) = self.stack.pop() {
            let s = o.section;
            match self.stack.last_mut() {
                Some(p) => p.section.children.push(s),
                None => self.top.push(s),
            }
        }
    }

    fn new_id(&mut self, kind: SectionKind) -> String {
        match (kind, self.stack.last()) {
            (SectionKind::Attachment, _) => {
                self.counters.1 += 1;
                format!("{}:a{}", self.rid, self.counters.1)
            }
            (SectionKind::Glossary, _) => {
                self.counters.2 += 1;
                format!("{}:g{}", self.rid, self.counters.2)
            }
            (_, Some(p)) => format!("{}.{}", p.section.id, p.section.children.len() + 1),
            (_, None) => {
                self.counters.0 += 1;
                format!("{}:s{}", self.rid, self.counters.0)
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn open(
        &mut self,
        kind: SectionKind,
        level: u8,
        number: String,
        marker: String,
        heading: String,
        suffix: String,
        span: Span,
    ) {
        let id = self.new_id(kind);
        self.stack.push(Open {
            section: Section {
                id,
                level,
                kind,
                number,
                marker,
                heading,
                heading_suffix: suffix,
                heading_span: span,
                span,
                blocks: Vec::new(),
                children: Vec::new(),
            },
            paragraphs: 0,
        });
        self.extend_span(span.1);
    }

    fn add_table(&mut self, parsed: ParsedTable) {
        let mut t = parsed.table;
        t.id = format!("{}:t{}", self.rid, t.number);
        if t.number.is_empty() || self.tables.iter().any(|x| x.id == t.id) {
            t.id = format!("{}:t{}-{}", self.rid, t.number, self.tables.len() + 1);
        }
        for w in &parsed.warnings {
            self.warnings.push(format!("table {}: {w}", t.id));
        }
        t.section = self.current_section_id();
        self.extend_span(t.span.1);
        self.blocks().push(Block::Table {
            table: t.id.clone(),
        });
        self.tables.push(t);
    }

    /// Open a heading section from its token (and maybe short tokens after it
    /// on the same line); returns the run-in body chars and how many tokens it used.
    fn heading(&mut self, toks: &[Tok], i: usize, m: &Marker) -> (Vec<(char, u32)>, usize) {
        let chars = &toks[i].chars;
        let mlen = m.text.chars().count();
        let mut used = 1;
        let mut body_chars: Vec<(char, u32)> = chars[mlen..].to_vec();
        if body_chars.is_empty() {
            if let Some(next) = toks.get(i + 1).filter(|t| t.sep == Sep::Space) {
                body_chars = next.chars.clone();
                used = 2;
            }
        }
        // Heading text runs to the first sentence end outside brackets.
        let mut depth = 0;
        let mut cut = body_chars.len();
        for (k, &(c, _)) in body_chars.iter().enumerate() {
            let c = crate::text::fold::fold_width(c);
            match c {
                '《' | '“' | '(' => depth += 1,
                '》' | '”' | ')' => depth = (depth - 1).max(0),
                _ => {}
            }
            // "1.新质生产力:是指……" and "(一)主要目标:……": a colon ends a run-in heading.
            if depth == 0
                && (matches!(c, '。' | '!' | '?') || (c == ':' && k + 1 < body_chars.len()))
            {
                cut = k;
                break;
            }
        }
        let mut heading: Vec<(char, u32)> = body_chars[..cut].to_vec();
        let mut suffix_end = cut;
        while suffix_end < body_chars.len()
            && (is_terminator(body_chars[suffix_end].0)
                || is_closer(body_chars[suffix_end].0)
                || (suffix_end == cut
                    && crate::text::fold::fold_width(body_chars[suffix_end].0) == ':'))
        {
            suffix_end += 1;
        }
        let suffix: String = body_chars[cut..suffix_end].iter().map(|c| c.0).collect();
        let rest = body_chars[suffix_end..].to_vec();
        // A heading printed with spaces on its own line: take the rest of the line.
        if rest.is_empty() && cut == body_chars.len() {
            let mut j = i + used;
            let mut extra = Vec::new();
            while toks.get(j).is_some_and(|t| {
                t.sep == Sep::Space && t.len() <= 12 && !t.chars.iter().any(|c| is_terminator(c.0))
            }) {
                extra.push(j);
                j += 1;
            }
            let line_ends = toks.get(j).is_none_or(|t| t.sep >= Sep::Newline);
            if line_ends && !extra.is_empty() && extra.len() <= 3 {
                for &x in &extra {
                    if let (Some(a), Some(b)) = (heading.last(), toks[x].chars.first()) {
                        if ascii_word(a.0) && ascii_word(b.0) {
                            heading.push((' ', a.1 + 1));
                        }
                    }
                    heading.extend_from_slice(&toks[x].chars);
                }
                used += extra.len();
            }
        }
        let start = toks[i].start();
        let end = if suffix_end > 0 {
            body_chars[suffix_end - 1].1 as usize + 1
        } else if let Some(h) = heading.last() {
            h.1 as usize + 1
        } else {
            toks[i].end()
        };
        let end = end.max(heading.last().map(|h| h.1 as usize + 1).unwrap_or(0));
        let closed = self.numbering.push(m);
        let _ = closed;
        self.close_to(m.level);
        self.open(
            SectionKind::Heading,
            m.level,
            m.number.clone(),
            toks[i].chars[..mlen].iter().map(|c| c.0).collect(),
            heading.iter().map(|c| c.0).collect(),
            suffix,
            Span(start, end),
        );
        (rest, used)
    }

    /// 附件1 / 附件:title / 名词解释 at a line start: a back-matter subtree.
    fn back_matter(&mut self, toks: &[Tok], i: usize) -> Option<usize> {
        let t = &toks[i];
        if !(t.sep >= Sep::Newline || t.sep == Sep::Start) {
            return None;
        }
        // Back matter opens with 附件 or with a short glossary line.
        if crate::text::fold::fold_width(t.first()) != '附'
            && toks[i..line_end(toks, i)]
                .iter()
                .map(|t| t.len())
                .sum::<usize>()
                > 60
        {
            return None;
        }
        let text = crate::text::fold::fold_width_str(&t.text());
        let next_on_new_line = toks.get(i + 1).is_none_or(|n| n.sep >= Sep::Newline);
        let j = line_end(toks, i);
        let line = line_text(toks, i, j);
        let glossary = j - i <= 4 && is_glossary_heading(&line);
        let orig = t.text();
        if glossary {
            self.open_glossary(
                toks,
                i,
                j,
                Span(t.start(), toks[j - 1].end()),
                String::new(),
            );
            return Some(j - i);
        }
        let caps = ATTACHMENT.captures(&text)?;
        let number = caps.get(1).map(|m| m.as_str()).unwrap_or("");
        let rest = caps.get(2).map(|m| m.as_str()).unwrap_or("");
        if parse_marker(rest).is_some() {
            return None; // "附件:1. … 2. …" is a list of attachments, not one.
        }
        if number.is_empty() && next_on_new_line && is_glossary_heading(rest) {
            // "附件:名词解释" on one line: a glossary.
            let rest_len = rest.chars().count();
            let marker: String = orig.chars().take(orig.chars().count() - rest_len).collect();
            let heading: String = orig.chars().skip(orig.chars().count() - rest_len).collect();
            self.close_all();
            self.numbering.reset();
            self.open(
                SectionKind::Glossary,
                0,
                String::new(),
                marker,
                heading,
                String::new(),
                t.span(),
            );
            return Some(1);
        }
        let mut used = 1;
        let rest_len = rest.chars().count();
        let mut heading: String = orig.chars().skip(orig.chars().count() - rest_len).collect();
        let mut span = t.span();
        if heading.is_empty() {
            // "附件:" (no number) over a glossary heading: the glossary, headed by
            // both lines. A numbered 附件2 stays an attachment titled 名词解释.
            if let Some(n) = toks
                .get(i + 1)
                .filter(|n| n.sep >= Sep::Newline && number.is_empty())
            {
                let k = line_end(toks, i + 1);
                if k - i - 1 <= 4 && is_glossary_heading(&line_text(toks, i + 1, k)) {
                    self.open_glossary(toks, i + 1, k, Span(t.start(), toks[k - 1].end()), orig);
                    let _ = n;
                    return Some(k - i);
                }
            }
            match toks.get(i + 1) {
                Some(n)
                    if n.sep >= Sep::Newline
                        && n.len() <= 40
                        && !n.chars.iter().any(|c| is_terminator(c.0))
                        && parse_marker(&n.text()).is_none()
                        && !matches!(
                            crate::text::fold::fold_width(n.first()),
                            '-' | '·' | '•' | '*'
                        ) =>
                {
                    heading = n.text();
                    span = Span(t.start(), n.end());
                    used = 2;
                }
                // "附件1 2024年民生实事项目": the title after a space, to the line end.
                Some(n) if n.sep == Sep::Space => {
                    let j = line_end(toks, i);
                    let title: Vec<String> = toks[i + 1..j].iter().map(|t| t.text()).collect();
                    let title = title.join(" ");
                    if title.chars().count() > 40 || title.chars().any(is_terminator) {
                        return None;
                    }
                    heading = title;
                    span = Span(t.start(), toks[j - 1].end());
                    used = j - i;
                }
                _ if !next_on_new_line => return None,
                _ => {}
            }
        } else if !next_on_new_line && rest.chars().count() > 40 {
            return None;
        }
        // A title with no attachment body after it (the end of the text, another
        // 附件 line or a list item next) is a list of attachments, not one.
        let after = toks.get(i + used);
        if after.is_none_or(|n| {
            ATTACHMENT.is_match(&crate::text::fold::fold_width_str(&n.text()))
                || matches!(crate::text::fold::fold_width(n.first()), '-' | '·' | '•')
        }) {
            return None;
        }
        self.close_all();
        self.numbering.reset();
        let marker: String = orig.chars().take(orig.chars().count() - rest_len).collect();
        self.open(
            SectionKind::Attachment,
            0,
            format!("附件{number}"),
            marker.trim_end().to_string(),
            heading,
            String::new(),
            span,
        );
        Some(used)
    }

    /// Open a glossary headed by the line `toks[i..j]` (after `marker`, e.g. "附件:").
    fn open_glossary(&mut self, toks: &[Tok], i: usize, j: usize, span: Span, marker: String) {
        self.close_all();
        self.numbering.reset();
        let line: String = toks[i..j].iter().map(|t| t.text()).collect();
        let folded = crate::text::fold::fold_width_str(&line);
        let suffix: String = if folded.ends_with(':') {
            line.chars().last().map(String::from).unwrap_or_default()
        } else {
            String::new()
        };
        let heading: String = line
            .chars()
            .take(line.chars().count() - suffix.chars().count())
            .collect();
        self.open(
            SectionKind::Glossary,
            0,
            String::new(),
            marker,
            heading,
            suffix,
            span,
        );
    }

    /// Open a part found by [`find_parts`]: it closes everything and restarts the numbering.
    fn open_part(&mut self, p: &Part, level: u8) {
        self.close_all();
        self.numbering.reset();
        self.open(
            SectionKind::Part,
            level,
            p.number.clone(),
            p.marker.clone(),
            p.heading.clone(),
            String::new(),
            p.span,
        );
    }

    /// A list of numbered notes ([1] … [2] … at line starts) opens a glossary
    /// container with no heading of its own (endnotes explain terms).
    fn endnotes(&mut self, toks: &[Tok], i: usize) {
        let t = &toks[i];
        if !line_start(t)
            || endnote_number(&t.text()) != Some(1)
            || self
                .stack
                .first()
                .is_some_and(|o| o.section.kind == SectionKind::Glossary)
        {
            return;
        }
        let second = toks[i + 1..]
            .iter()
            .filter(|n| line_start(n))
            .take(40)
            .any(|n| endnote_number(&n.text()) == Some(2));
        if !second {
            return;
        }
        self.close_all();
        self.numbering.reset();
        self.open(
            SectionKind::Glossary,
            0,
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            Span(t.start(), t.start()),
        );
    }

    fn close_all(&mut self) {
        while !self.stack.is_empty() {
            self.pop();
        }
    }
}

/// Assemble a report body from its tokens.
pub fn assemble(toks: &[Tok], rid: &str) -> Assembled {
    assemble_owned(toks.to_vec(), rid)
}

/// [`assemble`] taking the tokens, so they are not copied (the builder's
/// peak memory: a token of a 50 MB line is not held twice).
pub fn assemble_owned(toks: Vec<Tok>, rid: &str) -> Assembled {
    let mut a = Asm {
        rid,
        numbering: Numbering::default(),
        stack: Vec::new(),
        top: Vec::new(),
        preamble: Vec::new(),
        preamble_paragraphs: 0,
        tables: Vec::new(),
        warnings: Vec::new(),
        chunk: Vec::new(),
        depth: 0,
        line_len: 0,
        line_joined: false,
        line_marked: false,
        counters: (0, 0, 0),
    };
    // a token's chars are moved out once it is consumed: every look at
    // the tokens goes forward from the current one
    let mut toks = prepare(toks);
    let (parts, part_level) = find_parts(&toks);
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        if let Some(p) = parts.get(&i) {
            a.flush();
            a.open_part(p, part_level);
            i += p.used;
            continue;
        }
        let text = crate::text::fold::fold_width_str(&t.text());
        let alone = line_start(t) && toks.get(i + 1).is_none_or(line_start);
        let marker = parse_marker(&text)
            .or_else(|| spaced_marker(&text, toks.get(i + 1)))
            .or_else(|| alone.then(|| bare_numeral(&text)).flatten())
            .or_else(|| t.marked.then(|| comma_marker(&text)).flatten())
            .filter(|m| a.numbering.accepts(m));
        if t.glued && marker.is_none() {
            // Not a section after all: the split-off piece rejoins its chunk.
            a.line_len += t.len();
            a.push_owned(std::mem::take(&mut toks[i].chars));
            i += 1;
            continue;
        }
        let at_break = a.chunk.is_empty()
            || match t.sep {
                Sep::Start => true,
                Sep::Space => a.depth == 0 && ends_sentence(&a.chunk),
                Sep::Newline | Sep::Blank => !a.continues_across(t),
            };
        // Structure can interrupt a chunk only where a new one could start, or at a line start.
        let structural = at_break || t.sep >= Sep::Newline || (t.sep == Sep::Space && a.depth == 0);
        if structural && (at_break || marker.is_some()) {
            if parse_caption(&text).is_some() && (at_break || t.sep >= Sep::Newline) {
                if let Some((table, used)) = parse_table(&toks[i..], &a.numbering) {
                    a.flush();
                    a.add_table(table);
                    i += used;
                    continue;
                }
            }
            if let Some(m) = marker {
                a.flush();
                let (rest, used) = a.heading(&toks, i, &m);
                a.push_chars(&rest);
                a.line_len = rest.len();
                i += used;
                continue;
            }
            if at_break {
                a.flush();
                if let Some(used) = a.back_matter(&toks, i) {
                    i += used;
                    continue;
                }
                a.endnotes(&toks, i);
            }
        }
        if line_start(t) {
            a.line_len = 0;
            a.line_joined = !at_break && t.sep == Sep::Blank;
            a.line_marked = t.marked;
        }
        if at_break {
            a.flush();
        } else if let Some(sp) = t.space {
            a.chunk.push(sp);
        } else if let (Some(p), Some(n)) = (a.chunk.last().copied(), t.chars.first()) {
            // Across a line break only a wrapped English word needs a space
            // ("PM" / "2.5" is one token split over lines).
            let space = if t.sep >= Sep::Newline {
                p.0.is_ascii_alphabetic() && n.0.is_ascii_alphabetic()
            } else {
                ascii_word(p.0) && ascii_word(n.0)
            };
            if space {
                a.chunk.push((' ', p.1 + 1));
            }
        }
        a.line_len += t.len();
        drop(text);
        a.push_owned(std::mem::take(&mut toks[i].chars));
        i += 1;
    }
    a.flush();
    a.close_all();
    if a.top.is_empty() && !a.preamble.is_empty() {
        a.warnings.push(
            "no recognizable headings (一、 / (一) / 1. / (1)): the whole text is one section"
                .into(),
        );
    }
    Assembled {
        preamble: a.preamble,
        sections: a.top,
        tables: a.tables,
        warnings: a.warnings,
    }
}
