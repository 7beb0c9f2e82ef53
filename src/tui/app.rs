//! The explorer's whole state: the model, the panes' sub-states, focus,
//! overlays and options. Methods here keep the sub-states consistent (what
//! the reader shows follows the outline, jumps to a location); `update`
//! decides which to call. No terminal I/O.

use super::action::{Focus, Mode, Msg};
use super::jumps::{JumpList, Pending};
use super::layout::{plan_with, Plan};
use super::outline::{NodeKind, OutlineState};
use super::reader::ReaderState;
use super::records::RecordsPopup;
use super::search::SearchState;
use super::searcher::{Answer, Searcher};
use super::tables::{TableRef, TablesState};
use super::worker::Gone;
use crate::indicators::DerivedTable;
use crate::model::{Location, Model};
use crate::search::{Index, Session};
use crate::text::AmbiguousWidth;
use std::sync::Arc;

/// An overlay that takes the keys before the panes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    /// Help, scrolled by this many rows.
    Help(usize),
    Search,
    Filter,
    Popup,
    /// The indicator records of `App::records`.
    Records,
    /// The report picker (`App::picker`).
    Picker,
    /// The Targets view (`App::targets`).
    Targets,
    /// The Compare view (`App::compare`).
    Compare,
    /// The Trend view (`App::trend`).
    Trend,
}

/// What Esc in the search prompt goes back to.
#[derive(Debug, Clone)]
pub struct Saved {
    focus: Focus,
    right: Focus,
    outline: SavedOutline,
    reader: SavedReader,
    tables: Option<TablesState>,
}

/// The outline's part of a saved view.
#[derive(Debug, Clone)]
struct SavedOutline {
    expanded: Vec<bool>,
    selected: usize,
    offset: usize,
}

/// The reader's part of a saved view.
#[derive(Debug, Clone)]
struct SavedReader {
    place: ReaderPlace,
    highlight: Option<String>,
}

/// Options that do not change while running.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    pub amb: AmbiguousWidth,
    pub color: bool,
    pub mouse: bool,
}

/// A reader position: the node shown and the first line on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReaderPlace {
    pub node: Option<usize>,
    pub top: usize,
}

/// While the outline is hidden: where the reader was just before hiding
/// it, and just after (the reader re-wraps to the wider pane).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HiddenFrom {
    pub before: ReaderPlace,
    pub after: ReaderPlace,
}

/// The explorer state.
#[derive(Debug)]
pub struct App {
    pub model: Arc<Model>,
    pub opts: Options,
    pub size: (u16, u16),
    pub focus: Focus,
    /// What the right-hand pane shows when the outline has the focus.
    pub right: Focus,
    pub overlay: Option<Overlay>,
    pub outline: OutlineState,
    pub reader: ReaderState,
    /// Built the first time the tables pane is shown.
    pub tables: Option<TablesState>,
    pub derived: Vec<DerivedTable>,
    pub search: SearchState,
    /// Built on the first search made on this thread (without a worker).
    pub index: Option<Index>,
    /// The previous keystroke's matches, narrowed as the query grows.
    pub session: Session,
    /// The search worker, when searches run off the UI thread (the
    /// explorer starts one; tests search on their own thread).
    pub searcher: Option<Searcher>,
    /// The Trend worker, when the Trend view counts off the UI thread (the
    /// explorer starts one; tests without one count on their own thread).
    pub counter: Option<super::counter::Counter>,
    saved: Option<Saved>,
    /// The indicator popup's content while it is open.
    pub records: Option<RecordsPopup>,
    /// A one-line note for the status line, cleared by the next key.
    pub message: Option<&'static str>,
    /// A one-line note built at run time (what was copied), cleared by the next key.
    pub note: Option<String>,
    /// Back and forward through jumps; marks.
    pub jumps: JumpList,
    /// Waiting for the letter after `m` or `'`.
    pub pending: Option<Pending>,
    /// Text for the terminal layer to put on the clipboard (OSC 52).
    pub clipboard: Option<String>,
    /// The format `y` copies in (C-y cycles it).
    pub copy_format: crate::model::cite::CiteFormat,
    /// `o`: the outline is hidden, the reader and tables get the full width.
    pub outline_hidden: bool,
    /// While the outline is hidden: the reader's (node, top) before and
    /// just after hiding it, so `o` again restores the exact screen when
    /// nothing moved in between.
    pub hidden_from: Option<HiddenFrom>,
    /// The report picker while it is open.
    pub picker: Option<super::picker::PickerState>,
    /// The Targets view, kept (with its metric, filter and selection) once
    /// opened.
    pub targets: Option<super::targets::TargetsState>,
    /// The Compare view's pair and place, while it is open.
    pub compare: Option<super::compare::CompareState>,
    /// The Trend view, kept (phrase, counts, selection) once opened.
    pub trend: Option<super::trend::TrendState>,
    /// Where the reader last was in each report it left.
    pub places: super::picker::Places,
    /// The table filter prompt's cursor (chars into the filter).
    pub filter_cursor: usize,
    /// Opened from a pack: the reports not parsed yet are stubs (their
    /// metadata); each is parsed when shown (the search worker indexes its
    /// own copies and keeps none); the tables pane parses them all.
    pub lazy: Option<Lazy>,
    /// Ctrl-Z asked to stop the process (the terminal layer takes it).
    pub suspend: bool,
    pub quit: bool,
}

/// Reports still to parse, and the pack to parse them from.
pub struct Lazy {
    pub pack: Arc<crate::open::Opened>,
    /// Per report: parsed whole.
    pub whole: Vec<bool>,
}

impl std::fmt::Debug for Lazy {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let left = self.whole.iter().filter(|w| !**w).count();
        write!(f, "Lazy({left} reports to parse)")
    }
}

impl App {
    pub fn new(model: Model, opts: Options, size: (u16, u16)) -> App {
        let outline = OutlineState::new(&model);
        App::with_outline(model, outline, opts, size)
    }

    /// `new` with the outline of `model` already built.
    fn with_outline(model: Model, outline: OutlineState, opts: Options, size: (u16, u16)) -> App {
        let mut app = App {
            model: Arc::new(model),
            opts,
            size,
            focus: Focus::Outline,
            right: Focus::Reader,
            overlay: None,
            outline,
            reader: ReaderState::default(),
            tables: None,
            derived: Vec::new(),
            search: SearchState::default(),
            index: None,
            session: Session::new(),
            searcher: None,
            counter: None,
            saved: None,
            records: None,
            message: None,
            note: None,
            jumps: JumpList::default(),
            pending: None,
            clipboard: None,
            copy_format: Default::default(),
            outline_hidden: false,
            filter_cursor: 0,
            picker: None,
            targets: None,
            compare: None,
            trend: None,
            places: Default::default(),
            hidden_from: None,
            lazy: None,
            suspend: false,
            quit: false,
        };
        app.relayout();
        app.follow_outline();
        app
    }

    /// The key context now.
    pub fn mode(&self) -> Mode {
        if self.pending.is_some() && self.overlay.is_none() {
            return Mode::Mark;
        }
        match self.overlay {
            Some(Overlay::Help(_)) => Mode::Help,
            Some(Overlay::Search) => Mode::Search,
            Some(Overlay::Filter) => Mode::Filter,
            Some(Overlay::Popup) => Mode::Popup,
            Some(Overlay::Records) => Mode::Records,
            Some(Overlay::Picker) => Mode::Picker,
            Some(Overlay::Targets) => Mode::Targets,
            Some(Overlay::Compare) => Mode::Compare,
            Some(Overlay::Trend) => Mode::Trend,
            None => match self.focus {
                Focus::Outline => Mode::Outline,
                Focus::Reader => Mode::Reader,
                Focus::Tables => Mode::Tables,
            },
        }
    }

    /// The pane in the right-hand area (or the only pane on a narrow screen).
    pub fn right_pane(&self) -> Focus {
        if self.focus == Focus::Outline {
            self.right
        } else {
            self.focus
        }
    }

    pub fn plan(&self) -> Plan {
        plan_with(self.size.0, self.size.1, self.focus, !self.outline_hidden)
    }

    /// Tell the panes their sizes (after a resize or a focus change that changes the layout).
    pub fn relayout(&mut self) {
        let p = self.plan();
        if let Some(o) = p.outline {
            self.outline
                .scroll_into_view(o.height.saturating_sub(1) as usize);
        }
        // The reader keeps its width even while the tables pane is shown.
        let full = plan_with(
            self.size.0,
            self.size.1,
            Focus::Reader,
            !self.outline_hidden,
        );
        if let Some(r) = full.right {
            let w = r.width.saturating_sub(2).max(2) as usize;
            let h = r.height.saturating_sub(1).max(1) as usize;
            self.reader
                .resize(&self.model, &self.outline, w, h, self.opts.amb);
            if let Some(t) = &mut self.tables {
                t.set_height(r.height.saturating_sub(4).max(1) as usize);
            }
        }
        self.fit_table_columns();
    }

    /// Open the explorer on a pack: the first screen needs the reports'
    /// stubs (their metadata) and the one report shown, parsed here; the
    /// outline gets a report's sections when the report is parsed (see
    /// `OutlineState::load_report`); the search worker indexes every report
    /// off this thread, and keeps none of them. An outline that
    /// does not group reports starts with every report expanded, so all
    /// are parsed here.
    pub fn from_pack(
        mut pack: crate::open::Opened,
        opts: Options,
        size: (u16, u16),
    ) -> Result<App, crate::model::ModelError> {
        let mut model = pack.take_stubs();
        if !OutlineState::groups(&model) {
            let model = pack.model()?;
            return Ok(App::new(model, opts, size));
        }
        let mut outline = OutlineState::build(&model, &|_| false);
        // the report the first screen shows: the outline's first selection
        let first = outline.selected_node().map(|n| outline.nodes[n].report);
        let mut whole = vec![false; model.reports.len()];
        if let Some(i) = first.filter(|&i| i < whole.len()) {
            model.reports[i] = pack.report(i)?;
            whole[i] = true;
            outline.load_report(i, &model.reports[i]);
        }
        let mut app = App::with_outline(model, outline, opts, size);
        app.lazy = Some(Lazy {
            pack: Arc::new(pack),
            whole,
        });
        Ok(app)
    }

    /// Parse report `r` if it is still a stub, and put its sections in the
    /// outline if they are not there (before the reader, a jump or
    /// anything else reads its text or looks for its nodes).
    pub fn ensure_report(&mut self, r: usize) {
        if let Some(lazy) = &mut self.lazy {
            if !lazy.whole.get(r).copied().unwrap_or(true) {
                match lazy.pack.report(r) {
                    Ok(rep) => {
                        if let Some(slot) = Arc::make_mut(&mut self.model).reports.get_mut(r) {
                            *slot = rep;
                        }
                        self.reader.forget_documents();
                    }
                    // a damaged report stays a stub (its metadata), once
                    Err(e) => {
                        self.note = Some(crate::text::sanitize_line(&e.to_string()).to_string())
                    }
                }
                lazy.whole[r] = true;
            }
        }
        if self.outline.loaded.get(r) == Some(&false) {
            if let Some(rep) = self.model.reports.get(r) {
                if self
                    .lazy
                    .as_ref()
                    .is_none_or(|l| l.whole.get(r) == Some(&true))
                {
                    self.outline.load_report(r, rep);
                }
            }
        }
    }

    /// Parse every report still a stub, here (what needs them all: the
    /// tables pane, a search without the worker). The outline keeps adding
    /// a report's sections when it is shown.
    pub fn ensure_all_reports(&mut self) {
        let Some(lazy) = &self.lazy else { return };
        let Ok(model) = lazy.pack.model() else { return };
        if model.reports.len() != self.model.reports.len() {
            return;
        }
        self.model = Arc::new(model);
        self.lazy = None;
        self.reader.forget_documents();
        self.index = None;
        if self.tables.is_some() {
            self.tables = None;
            self.derived.clear();
        }
    }

    /// Build the tables pane on first use.
    pub fn ensure_tables(&mut self) {
        if self.tables.is_none() {
            self.ensure_all_reports();
            self.derived = crate::indicators::derived_tables(&self.model);
            self.tables = Some(TablesState::new(&self.model, &self.derived));
            self.relayout();
        }
    }

    /// The report the outline is in.
    pub fn current_report(&self) -> Option<usize> {
        let n = self.outline.selected_node()?;
        Some(self.outline.nodes[n].report)
    }

    /// Show the outline's selected node in the reader (a table node shows its section at the table).
    pub fn follow_outline(&mut self) {
        let Some(n) = self.outline.selected_node() else {
            return;
        };
        self.open_node(n);
    }

    fn open_node(&mut self, n: usize) {
        if let Some(r) = self.outline.nodes.get(n).map(|node| node.report) {
            self.ensure_report(r);
        }
        self.remember_place(n);
        let node = &self.outline.nodes[n];
        let (target, table) = match (node.kind, node.parent) {
            (NodeKind::Table, Some(p)) => (p, Some(node.id.clone())),
            _ => (n, None),
        };
        self.reader
            .open(&self.model, &self.outline, target, self.opts.amb);
        if let Some(t) = table.and_then(|t| self.reader.doc.line_of_table(&t)) {
            self.reader.show_line(t);
        }
        let rows = self
            .plan()
            .outline
            .map(|o| o.height.saturating_sub(1))
            .unwrap_or(1);
        self.outline.scroll_into_view(rows as usize);
    }

    /// Select a node in the outline and show it.
    pub fn reveal(&mut self, n: usize) {
        self.outline.reveal(n);
        self.open_node(n);
    }

    /// Focus the tables pane, on the table selected in the outline or the
    /// current report's first table.
    pub fn show_tables(&mut self) {
        self.ensure_tables();
        let want = self.outline.selected_node().map(|n| &self.outline.nodes[n]);
        let pick = want.and_then(|node| {
            let tables = self.tables.as_ref()?;
            let exact = (node.kind == NodeKind::Table).then(|| {
                tables.list.iter().position(|r| {
                    *r == TableRef::Printed {
                        report: node.report,
                        table: node.table,
                    }
                })
            });
            exact.flatten().or_else(|| {
                let cur = tables.current_ref();
                let same =
                    matches!(cur, Some(TableRef::Printed { report, .. }) if report == node.report);
                if same {
                    None
                } else {
                    tables.list.iter().position(
                        |r| matches!(r, TableRef::Printed { report, .. } if *report == node.report),
                    )
                }
            })
        });
        if let (Some(i), Some(t)) = (pick, self.tables.as_mut()) {
            t.select(i, &self.model, &self.derived);
        }
        self.focus = Focus::Tables;
        self.right = Focus::Tables;
        self.relayout();
    }

    /// Go to an indicator's source in report `report` (by id): a sentence
    /// in the reader, or a cell in the tables pane. False when it is not
    /// there.
    pub fn jump_to_source(&mut self, report: &str, source: &crate::model::IndicatorSource) -> bool {
        use crate::model::IndicatorSource;
        let Some(ri) = self.model.reports.iter().position(|r| r.id == report) else {
            return false;
        };
        self.ensure_report(ri);
        let loc = match source {
            IndicatorSource::Sentence { sentence, .. } => Location::Sentence {
                report: report.to_string(),
                section: crate::indicators::derived::section_of(&self.model.reports[ri], sentence),
                sentence: sentence.clone(),
            },
            IndicatorSource::Cell { table, row, column } => Location::Cell {
                report: report.to_string(),
                table: table.clone(),
                row: *row,
                column: *column,
            },
        };
        self.jump(&loc)
    }

    /// Go to a location: the outline selects the section, the reader scrolls
    /// to (and highlights) the sentence, or the tables pane to the cell.
    pub fn jump(&mut self, loc: &Location) -> bool {
        self.record_jump();
        let Some(ri) = self.model.reports.iter().position(|r| r.id == loc.report()) else {
            return false;
        };
        self.ensure_report(ri);
        let section_node = |o: &OutlineState, id: &str| {
            if id.is_empty() {
                o.find(ri, NodeKind::Preamble, "")
                    .or_else(|| o.find(ri, NodeKind::Report, &o_report_id(o, ri)))
            } else {
                o.find(ri, NodeKind::Section, id)
            }
        };
        match loc {
            Location::Section { section, .. } | Location::Sentence { section, .. } => {
                let Some(n) = section_node(&self.outline, section) else {
                    return false;
                };
                self.reveal(n);
                if let Location::Sentence { sentence, .. } = loc {
                    self.reader.scroll_to_sentence(sentence);
                } else {
                    self.reader.highlight = None;
                }
                self.focus = Focus::Reader;
                self.right = Focus::Reader;
                true
            }
            Location::Table { table, .. } | Location::Cell { table, .. } => {
                let Some(ti) = self.model.reports[ri]
                    .tables
                    .iter()
                    .position(|t| &t.id == table)
                else {
                    return false;
                };
                if let Some(n) = self.outline.find(ri, NodeKind::Table, table) {
                    self.reveal(n);
                }
                self.ensure_tables();
                let (model, derived) = (&self.model, &self.derived);
                let Some(ts) = self.tables.as_mut() else {
                    return false;
                };
                let Some(i) = ts.list.iter().position(|r| {
                    *r == TableRef::Printed {
                        report: ri,
                        table: ti,
                    }
                }) else {
                    return false;
                };
                ts.select(i, model, derived);
                if let Location::Cell { row, column, .. } = loc {
                    ts.goto_cell(*row, *column, model, derived);
                }
                self.focus = Focus::Tables;
                self.right = Focus::Tables;
                self.relayout();
                self.scroll_table_cols();
                true
            }
        }
    }

    /// Remember the view before a search.
    pub fn save_view(&mut self) {
        self.saved = Some(Saved {
            focus: self.focus,
            right: self.right,
            outline: SavedOutline {
                expanded: self.outline.expanded.clone(),
                selected: self.outline.selected,
                offset: self.outline.offset,
            },
            reader: SavedReader {
                place: self.reader.place(),
                highlight: self.reader.highlight.clone(),
            },
            tables: self.tables.clone(),
        });
    }

    /// Go back to the view saved by `save_view`.
    pub fn restore_view(&mut self) {
        let Some(s) = self.saved.take() else { return };
        self.focus = s.focus;
        self.right = s.right;
        self.outline.expanded = s.outline.expanded;
        self.outline.refresh();
        self.outline.selected = s
            .outline
            .selected
            .min(self.outline.visible.len().saturating_sub(1));
        self.outline.offset = s.outline.offset;
        if let Some(n) = s.reader.place.node {
            self.reader
                .open(&self.model, &self.outline, n, self.opts.amb);
            self.reader.top = s.reader.place.top;
            self.reader.highlight = s.reader.highlight;
        }
        if s.tables.is_some() {
            self.tables = s.tables;
        }
        self.relayout();
    }

    /// Run searches on a worker thread from now on (when one can be had).
    pub fn start_search_worker(&mut self) {
        self.start_search_worker_waking(Box::new(|| {}));
    }

    /// Run searches on a worker thread that calls `wake` after each answer
    /// (the event loop sleeps until then).
    pub fn start_search_worker_waking(&mut self, wake: super::worker::Wake) {
        self.searcher = match &self.lazy {
            Some(l) => Searcher::spawn_loading(Arc::clone(&l.pack), wake),
            None => Searcher::spawn(Arc::clone(&self.model), wake),
        };
    }

    /// Count the Trend view's phrases on a worker thread that calls `wake`
    /// after each answer (when a thread can be had).
    pub fn start_trend_worker_waking(&mut self, wake: super::worker::Wake) {
        use super::counter::Counter;
        self.counter = match &self.lazy {
            // the explorer's stubs (the pack gave it its own)
            Some(l) => Counter::spawn_pack(self.model.reports.clone(), Arc::clone(&l.pack), wake),
            None => Counter::spawn(Arc::clone(&self.model), wake),
        };
    }

    /// The Trend worker's answer to the latest phrase, as a message for
    /// `update`, if it has arrived (or word that the worker stopped). Never
    /// waits.
    pub fn trend_message(&self) -> Option<Msg> {
        self.trend.as_ref()?.pending.as_ref()?;
        match self.counter.as_ref()?.try_latest() {
            Ok(Some(answer)) => Some(Msg::TrendCounted(answer)),
            Ok(None) => None,
            Err(Gone) => Some(Msg::TrendGone),
        }
    }

    /// Search for the current query: ask the worker when there is one (the
    /// hits arrive later as a message, see `search_message`), else search
    /// here (building the index on first use). Jumps waiting for the
    /// previous query's hits are dropped.
    pub fn run_search(&mut self) {
        let report = if self.search.this_report {
            self.search.report.clone()
        } else {
            None
        };
        let opts = crate::search::SearchOptions { report, limit: 200 };
        self.search.waiting.clear();
        let scope = crate::search::Query::parse(&self.search.query).scope;
        self.search.scoped = crate::search::scope::report_mask(&scope, &self.model.reports)
            .map(|m| (m.iter().filter(|&&k| k).count(), m.len()));
        if let Some(s) = &mut self.searcher {
            if s.send(&self.search.query, opts.clone()).is_ok() {
                self.search.pending = true;
                return;
            }
            self.searcher = None;
        }
        if self.index.is_none() {
            // no worker: index here, and only a whole model
            self.ensure_all_reports();
        }
        let index = self.index.get_or_insert_with(|| Index::new(&self.model));
        let hits = if self.search.query.trim().is_empty() {
            Vec::new()
        } else {
            self.session.search(index, &self.search.query, &opts)
        };
        self.show_hits(hits);
    }

    /// The worker's answer to the latest query, as a message for `update`,
    /// if it has arrived (or word that the worker stopped). Never waits: the
    /// event loop calls this alongside reading the terminal.
    pub fn search_message(&self) -> Option<Msg> {
        if !self.search.pending {
            return None;
        }
        match self.searcher.as_ref()?.try_latest() {
            Ok(Some(answer)) => Some(Msg::SearchHits(answer)),
            Ok(None) => None,
            Err(Gone) => Some(Msg::SearchGone),
        }
    }

    /// Show the worker's hits if they answer the latest query (an older
    /// query's are dropped); true when the hits changed.
    pub fn receive_hits(&mut self, answer: Answer) -> bool {
        let latest = self.searcher.as_ref().map(Searcher::latest);
        if !self.search.pending || latest != Some(answer.seq) {
            return false;
        }
        self.show_hits(answer.hits);
        true
    }

    /// The worker stopped: search here from now on (the current query too).
    pub fn search_worker_gone(&mut self) {
        self.searcher = None;
        self.run_search();
    }

    fn show_hits(&mut self, hits: Vec<crate::search::Hit>) {
        let names: std::collections::HashMap<&str, &str> = self
            .outline
            .nodes
            .iter()
            .filter(|n| n.kind == NodeKind::Report)
            .map(|n| (n.id.as_str(), n.crumb.as_str()))
            .collect();
        self.search.crumbs = hits
            .iter()
            .map(|h| {
                let id = h.location.report();
                match (h.breadcrumb.strip_prefix(id), names.get(id)) {
                    (Some(rest), Some(name)) => format!("{name}{rest}"),
                    _ => h.breadcrumb.clone(),
                }
            })
            .collect();
        self.search.hits = hits;
        self.search.pending = false;
        self.search.selected = 0;
        self.search.offset = 0;
        self.search.active = None;
    }
}

fn o_report_id(o: &OutlineState, ri: usize) -> String {
    o.nodes
        .iter()
        .find(|n| n.report == ri && n.kind == NodeKind::Report)
        .map(|n| n.id.clone())
        .unwrap_or_default()
}
