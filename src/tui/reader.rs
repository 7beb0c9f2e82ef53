//! Reader state: which outline node is open, the scroll position, the
//! highlighted sentence, and a cache of wrapped documents per (node, width)
//! so that moving around never re-wraps what was already laid out. Keeps the
//! sentence at the top of the screen on screen across resizes.

use std::collections::HashMap;
use std::rc::Rc;

use super::doc::{self, Doc};
use super::outline::OutlineState;
use crate::model::Model;
use crate::text::AmbiguousWidth;

/// What the reader shows and where.
#[derive(Debug, Default)]
pub struct ReaderState {
    /// The outline node shown (None before anything is opened).
    pub node: Option<usize>,
    /// The laid-out document for `node` at `width`.
    pub doc: Rc<Doc>,
    pub width: usize,
    /// First line on screen.
    pub top: usize,
    /// Rows of text the pane shows (set from the layout).
    pub height: usize,
    /// Sentence id to highlight (a search jump).
    pub highlight: Option<String>,
    /// Table row to highlight: (table id, row as printed) (a jump from the tables pane).
    pub highlight_row: Option<(String, usize)>,
    /// The record of the number selected in the highlighted sentence (`>` / `<`).
    pub number: Option<usize>,
    cache: HashMap<(usize, usize), Rc<Doc>>,
}

impl ReaderState {
    /// Forget the wrapped documents (their model changed); the one shown
    /// stays until the next layout.
    pub fn forget_documents(&mut self) {
        self.cache.clear();
    }

    /// Lay the document out again for another ambiguous width (any line
    /// may wrap differently), keeping the place as a resize does.
    pub fn set_ambiguous(&mut self, model: &Model, outline: &OutlineState, amb: AmbiguousWidth) {
        self.cache.clear();
        let width = std::mem::take(&mut self.width);
        self.resize(model, outline, width, self.height, amb);
    }

    /// Where the reader is: the node shown and the first line on screen.
    pub fn place(&self) -> super::app::ReaderPlace {
        super::app::ReaderPlace {
            node: self.node,
            top: self.top,
        }
    }

    fn layout(&mut self, model: &Model, outline: &OutlineState, amb: AmbiguousWidth) {
        let Some(node) = self.node else {
            self.doc = Rc::new(Doc::default());
            return;
        };
        let key = (node, self.width);
        let d = self
            .cache
            .entry(key)
            .or_insert_with(|| Rc::new(doc::build(model, outline, node, self.width, amb)));
        self.doc = Rc::clone(d);
    }

    /// Open a node at the top (no-op when it is already open).
    pub fn open(
        &mut self,
        model: &Model,
        outline: &OutlineState,
        node: usize,
        amb: AmbiguousWidth,
    ) {
        if self.node == Some(node) {
            return;
        }
        self.node = Some(node);
        self.top = 0;
        self.highlight = None;
        self.highlight_row = None;
        self.number = None;
        self.layout(model, outline, amb);
    }

    /// A new pane size: re-lay out, keeping the sentence that was at the top on screen.
    pub fn resize(
        &mut self,
        model: &Model,
        outline: &OutlineState,
        width: usize,
        height: usize,
        amb: AmbiguousWidth,
    ) {
        if width == self.width {
            self.height = height;
            self.clamp();
            return;
        }
        // The highlighted sentence when it is on screen, else the one at the top.
        let on_screen = |id: &String| {
            self.doc
                .line_of_sentence(id)
                .is_some_and(|l| l >= self.top && l < self.top + self.height.max(1))
        };
        let anchor = match self.highlight.as_ref().filter(|h| on_screen(h)) {
            Some(h) => Some(h.clone()),
            None => self
                .doc
                .first_sentence_from(self.top, self.height.max(1))
                .and_then(|i| self.doc.sentences.get(i as usize).cloned()),
        };
        self.height = height;
        let was_top = self.top == 0;
        self.width = width;
        self.layout(model, outline, amb);
        if let (Some(a), false) = (anchor, was_top) {
            if let Some(l) = self.doc.line_of_sentence(&a) {
                self.top = l;
            }
        }
        self.clamp();
    }

    /// The largest useful `top`.
    pub fn max_top(&self) -> usize {
        self.doc.lines.len().saturating_sub(self.height.max(1))
    }

    fn clamp(&mut self) {
        self.top = self.top.min(self.max_top());
    }

    pub fn scroll(&mut self, delta: isize) {
        self.top = self.top.saturating_add_signed(delta);
        self.clamp();
    }
    pub fn page(&mut self, down: bool) {
        let step = (self.height.max(2) - 1) as isize;
        self.scroll(if down { step } else { -step });
    }
    /// Half a screen (less's d / u).
    pub fn half_page(&mut self, down: bool) {
        let step = self.height.div_ceil(2).max(1) as isize;
        self.scroll(if down { step } else { -step });
    }
    pub fn to_top(&mut self) {
        self.top = 0;
    }
    pub fn to_bottom(&mut self) {
        self.top = self.max_top();
    }

    /// Scroll so a line is on screen with a little context above it.
    pub fn show_line(&mut self, line: usize) {
        self.top = line.saturating_sub(2);
        self.clamp();
    }

    /// Scroll to a sentence and highlight it.
    pub fn scroll_to_sentence(&mut self, id: &str) -> bool {
        match self.doc.line_of_sentence(id) {
            Some(l) => {
                self.show_line(l);
                self.highlight = Some(id.to_string());
                self.highlight_row = None;
                self.number = None;
                true
            }
            None => false,
        }
    }

    /// Scroll to a table row (the table's top when the row is not found) and highlight it.
    pub fn scroll_to_row(&mut self, table: &str, row: usize) -> bool {
        match self.doc.lines_of_row(table, row) {
            Some(lines) => {
                self.show_line(lines.start);
                self.highlight = None;
                self.highlight_row = Some((table.to_string(), row));
                true
            }
            None => match self.doc.line_of_table(table) {
                Some(l) => {
                    self.show_line(l);
                    false
                }
                None => false,
            },
        }
    }

    /// Position in the document, 0–100.
    pub fn percent(&self) -> usize {
        (self.top * 100).checked_div(self.max_top()).unwrap_or(100)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::outline::NodeKind;
    use crate::tui::testmodel::small_model;

    fn setup(width: usize, height: usize) -> (Model, OutlineState, ReaderState) {
        let m = small_model();
        let o = OutlineState::new(&m);
        let mut r = ReaderState::default();
        r.resize(&m, &o, width, height, AmbiguousWidth::Narrow);
        let n = o.find(0, NodeKind::Section, "demo-2023:s1").unwrap();
        r.open(&m, &o, n, AmbiguousWidth::Narrow);
        (m, o, r)
    }

    #[test]
    fn the_sentence_at_the_top_stays_on_screen_across_resizes() {
        let (m, o, mut r) = setup(30, 6);
        assert!(r.scroll_to_sentence("demo-2023:p5.1"));
        let id = "demo-2023:p5.1";
        for (w, h) in [(14, 5), (70, 8), (22, 4), (30, 6)] {
            r.resize(&m, &o, w, h, AmbiguousWidth::Narrow);
            let l = r.doc.line_of_sentence(id).unwrap();
            assert!(
                l >= r.top && l < r.top + h,
                "{w}x{h}: line {l} top {}",
                r.top
            );
        }
    }

    #[test]
    fn without_a_highlight_the_first_sentence_on_screen_stays_on_screen() {
        let (m, o, mut r) = setup(30, 6);
        let l = r.doc.line_of_sentence("demo-2023:p3.2").unwrap();
        r.top = l;
        for (w, h) in [(14, 5), (70, 8), (22, 4)] {
            r.resize(&m, &o, w, h, AmbiguousWidth::Narrow);
            let l = r.doc.line_of_sentence("demo-2023:p3.2").unwrap();
            assert!(
                l >= r.top && l < r.top + h,
                "{w}x{h}: line {l} top {}",
                r.top
            );
        }
    }

    #[test]
    fn scrolling_stops_at_both_ends() {
        let (_, _, mut r) = setup(30, 6);
        r.scroll(-5);
        assert_eq!(r.top, 0);
        r.to_bottom();
        let bottom = r.top;
        r.scroll(3);
        assert_eq!(r.top, bottom);
        assert_eq!(r.percent(), 100);
        r.page(false);
        assert_eq!(r.top, bottom - 5);
    }

    #[test]
    fn documents_are_cached_per_node_and_width() {
        let (m, o, mut r) = setup(30, 6);
        let first = Rc::clone(&r.doc);
        r.resize(&m, &o, 40, 6, AmbiguousWidth::Narrow);
        r.resize(&m, &o, 30, 6, AmbiguousWidth::Narrow);
        assert!(Rc::ptr_eq(&first, &r.doc));
    }
}
