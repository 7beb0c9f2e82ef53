//! The jump list and marks, as in vim and less: every jump (a search
//! result, a source, a section change) records where the user was, `C-o` /
//! `C-i` walk back and forward, `''` returns to the last position, and
//! `m{a-z}` / `'{a-z}` keep named places for the session. A `Place` is a
//! small copy of where the panes are (not the panes themselves), so a long
//! list costs little; `App::goto_place` puts the panes back exactly there.
//! No terminal I/O.

use super::action::Focus;
use super::app::App;
use crate::model::Location;

/// How many places the list keeps each way (older ones are dropped).
const MAX: usize = 100;

/// Where the tables pane is: the table (index into its list), the row as
/// printed, the column and both scroll offsets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TablePlace {
    pub table: usize,
    pub row: Option<usize>,
    pub col: usize,
    pub row_offset: usize,
    pub col_offset: usize,
}

/// A position the user can come back to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub focus: Focus,
    pub right: Focus,
    /// The outline node selected.
    pub outline: Option<usize>,
    /// The reader's node, first line and highlighted sentence.
    pub reader: Option<(usize, usize, Option<String>)>,
    /// The reader's highlighted table row (table id, row).
    pub row: Option<(String, usize)>,
    pub tables: Option<TablePlace>,
}

/// Back and forward stacks and the 26 marks.
#[derive(Debug, Clone, Default)]
pub struct JumpList {
    back: Vec<Place>,
    forward: Vec<Place>,
    marks: [Option<Place>; 26],
}

impl JumpList {
    /// Record `from` as the place a jump leaves (drops the forward list).
    pub fn record(&mut self, from: Place) {
        self.forward.clear();
        if self.back.last() != Some(&from) {
            self.back.push(from);
        }
        if self.back.len() > MAX {
            self.back.remove(0);
        }
    }

    /// C-o: the place to go back to, given where we are now.
    pub fn back(&mut self, now: Place) -> Option<Place> {
        let mut to = self.back.pop()?;
        // Skip a recorded place equal to where we are (nothing would move).
        while to == now {
            to = self.back.pop()?;
        }
        self.forward.push(now);
        Some(to)
    }

    /// C-i: the place to go forward to, given where we are now.
    pub fn forward(&mut self, now: Place) -> Option<Place> {
        let mut to = self.forward.pop()?;
        while to == now {
            to = self.forward.pop()?;
        }
        self.back.push(now);
        Some(to)
    }

    /// The place the last jump left (for `''`).
    pub fn last(&self) -> Option<&Place> {
        self.back.last()
    }

    pub fn back_len(&self) -> usize {
        self.back.len()
    }
    pub fn forward_len(&self) -> usize {
        self.forward.len()
    }

    /// Set mark `c` (a-z); false for any other character.
    pub fn set_mark(&mut self, c: char, at: Place) -> bool {
        match mark_index(c) {
            Some(i) => {
                self.marks[i] = Some(at);
                true
            }
            None => false,
        }
    }

    pub fn mark(&self, c: char) -> Option<&Place> {
        self.marks[mark_index(c)?].as_ref()
    }
}

fn mark_index(c: char) -> Option<usize> {
    c.is_ascii_lowercase().then(|| (c as u8 - b'a') as usize)
}

/// What the key after `m` or `'` means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pending {
    /// `m`: the next letter names a mark to set here.
    SetMark,
    /// `'`: the next letter names a mark to go to (`'` again: the last position).
    GoMark,
}

impl App {
    /// Where the panes are now.
    pub fn place(&self) -> Place {
        Place {
            focus: self.focus,
            right: self.right,
            outline: self.outline.selected_node(),
            reader: self
                .reader
                .node
                .map(|n| (n, self.reader.top, self.reader.highlight.clone())),
            row: self.reader.highlight_row.clone(),
            tables: self.tables.as_ref().map(|t| TablePlace {
                table: t.current,
                row: t.rows.get(t.cursor).copied(),
                col: t.col,
                row_offset: t.row_offset,
                col_offset: t.col_offset,
            }),
        }
    }

    /// Record the current place before a jump.
    pub fn record_jump(&mut self) {
        let p = self.place();
        self.jumps.record(p);
    }

    /// Put the panes back at a place.
    pub fn goto_place(&mut self, p: &Place) {
        if let Some((node, top, hl)) = &p.reader {
            self.outline.reveal(*node);
            self.reader
                .open(&self.model, &self.outline, *node, self.opts.amb);
            self.reader.top = *top;
            self.reader.highlight = hl.clone();
            self.reader.highlight_row = p.row.clone();
        }
        if let Some(n) = p.outline {
            self.outline.reveal(n);
        }
        if let Some(tp) = p.tables {
            self.ensure_tables();
            let (model, derived) = (&self.model, &self.derived);
            if let Some(t) = self.tables.as_mut() {
                if t.current != tp.table || t.sort.is_some() || !t.filter.is_empty() {
                    t.select(tp.table, model, derived);
                }
                if let Some(row) = tp.row {
                    t.goto_cell(row, tp.col, model, derived);
                }
                t.col = tp.col;
                t.row_offset = tp.row_offset;
                t.col_offset = tp.col_offset;
            }
        }
        self.focus = p.focus;
        self.right = p.right;
        self.relayout();
        let rows = self
            .plan()
            .outline
            .map(|o| o.height.saturating_sub(1) as usize)
            .unwrap_or(1);
        self.outline.scroll_into_view(rows);
    }

    /// C-o (back) or C-i (forward); says so when there is nowhere to go.
    pub fn jump_back_or_forward(&mut self, back: bool) {
        let now = self.place();
        let to = if back {
            self.jumps.back(now)
        } else {
            self.jumps.forward(now)
        };
        match to {
            Some(p) => self.goto_place(&p),
            None => {
                self.message = Some(if back {
                    super::strings::NO_JUMP_BACK
                } else {
                    super::strings::NO_JUMP_FORWARD
                })
            }
        }
    }

    /// The key after `m` or `'`.
    pub fn finish_mark(&mut self, pending: Pending, c: char) {
        use super::strings;
        match (pending, c) {
            (Pending::SetMark, c) => {
                let here = self.place();
                if !self.jumps.set_mark(c, here) {
                    self.message = Some(strings::BAD_MARK);
                }
            }
            (Pending::GoMark, '\'') => match self.jumps.last().cloned() {
                Some(p) => {
                    self.record_jump();
                    self.goto_place(&p);
                }
                None => self.message = Some(strings::NO_JUMP_BACK),
            },
            (Pending::GoMark, c) => match self.jumps.mark(c).cloned() {
                Some(p) => {
                    self.record_jump();
                    self.goto_place(&p);
                }
                None => {
                    self.message = Some(if mark_index(c).is_some() {
                        strings::MARK_NOT_SET
                    } else {
                        strings::BAD_MARK
                    })
                }
            },
        }
    }
}

/// Where `--open ID` puts the reader: the location an id of `report` names
/// (a paragraph: its first sentence; a row: its first cell; an indicator:
/// its source), or None when the report holds no such id.
fn location_of(report: &crate::model::Report, id: &str) -> Option<Location> {
    use crate::model::resolve::{resolve_in, Found};
    let rid = report.id.clone();
    let section = |s: Option<&crate::model::Section>| s.map(|s| s.id.clone()).unwrap_or_default();
    Some(match resolve_in(report, id)? {
        Found::Report(_) => Location::Section {
            report: rid,
            section: String::new(),
        },
        Found::Section(_, s) => Location::Section {
            report: rid,
            section: s.id.clone(),
        },
        Found::Paragraph(_, s, p) => match p.sentences.first() {
            Some(first) => Location::Sentence {
                report: rid,
                section: section(s),
                sentence: first.id.clone(),
            },
            None => Location::Section {
                report: rid,
                section: section(s),
            },
        },
        Found::Sentence(_, s, x) => Location::Sentence {
            report: rid,
            section: section(s),
            sentence: x.id.clone(),
        },
        Found::Table(_, t) => Location::Table {
            report: rid,
            table: t.id.clone(),
        },
        Found::Row(_, t, row) => Location::Cell {
            report: rid,
            table: t.id.clone(),
            row,
            column: 0,
        },
        Found::Cell(_, t, row, column) => Location::Cell {
            report: rid,
            table: t.id.clone(),
            row,
            column,
        },
        Found::Indicator(r, i) => match &i.source {
            crate::model::IndicatorSource::Sentence { sentence, .. } => Location::Sentence {
                report: rid,
                section: crate::indicators::derived::section_of(r, sentence),
                sentence: sentence.clone(),
            },
            crate::model::IndicatorSource::Cell { table, row, column } => Location::Cell {
                report: rid,
                table: table.clone(),
                row: *row,
                column: *column,
            },
        },
    })
}

/// The one-line error for an id `--open` cannot open.
fn unknown_id(id: &str) -> String {
    format!(
        "--open: no report, section, paragraph, sentence, table, row, cell or indicator has the id {:?} (baogao outline REPORT lists them)",
        crate::text::sanitize_line(id)
    )
}

/// Check `--open ID` against an opened model before anything else happens
/// (parses only the id's report): Err is the one-line reason.
pub fn check_open(pack: &crate::open::Opened, id: &str) -> Result<(), String> {
    // a report id is everything before the first ':' (report ids hold none)
    let rid = id.split_once(':').map_or(id, |(r, _)| r);
    let i = pack
        .stubs()
        .iter()
        .position(|r| r.id == rid)
        .ok_or_else(|| unknown_id(id))?;
    let report = pack
        .report(i)
        .map_err(|e| crate::text::sanitize_line(&e.to_string()).to_string())?;
    location_of(&report, id)
        .map(|_| ())
        .ok_or_else(|| unknown_id(id))
}

impl App {
    /// `--open ID`: the reader (or the tables pane) on what the id names,
    /// as a search result's jump puts it, before the first frame. The
    /// title page is not recorded as a place to come back to.
    pub fn open_id(&mut self, id: &str) -> Result<(), String> {
        let rid = id.split_once(':').map_or(id, |(r, _)| r);
        let ri = self
            .model
            .reports
            .iter()
            .position(|r| r.id == rid)
            .ok_or_else(|| unknown_id(id))?;
        self.ensure_report(ri);
        let loc = location_of(&self.model.reports[ri], id).ok_or_else(|| unknown_id(id))?;
        if !self.jump(&loc) {
            return Err(unknown_id(id));
        }
        self.jumps = JumpList::default();
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(n: usize) -> Place {
        Place {
            focus: Focus::Reader,
            right: Focus::Reader,
            outline: Some(n),
            reader: Some((n, 0, None)),
            row: None,
            tables: None,
        }
    }

    #[test]
    fn back_and_forward_walk_the_list_like_vim() {
        let mut j = JumpList::default();
        j.record(p(1));
        j.record(p(2));
        // now at 3
        assert_eq!(j.back(p(3)), Some(p(2)));
        assert_eq!(j.back(p(2)), Some(p(1)));
        assert_eq!(j.back(p(1)), None);
        assert_eq!(j.forward(p(1)), Some(p(2)));
        assert_eq!(j.forward(p(2)), Some(p(3)));
        assert_eq!(j.forward(p(3)), None);
        // a new jump drops the forward list
        j.back(p(3));
        j.record(p(2));
        assert_eq!(j.forward_len(), 0);
    }

    #[test]
    fn the_list_is_bounded_and_skips_repeats() {
        let mut j = JumpList::default();
        for i in 0..(MAX + 20) {
            j.record(p(i));
            j.record(p(i));
        }
        assert_eq!(j.back_len(), MAX);
    }

    #[test]
    fn marks_are_lowercase_letters_only() {
        let mut j = JumpList::default();
        assert!(j.set_mark('a', p(4)));
        assert!(!j.set_mark('A', p(4)));
        assert!(!j.set_mark('1', p(4)));
        assert_eq!(j.mark('a'), Some(&p(4)));
        assert_eq!(j.mark('b'), None);
        assert_eq!(j.mark('\u{FF41}'), None);
    }
}
