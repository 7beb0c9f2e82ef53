//! The Trend view (`P`, issue 15): type a phrase (or its pinyin), Enter
//! counts it in every report (`trend::answer`: exact counts, a spelling
//! resolved to the phrase it spells); a bar per year; Enter on a year lists
//! that year's sentences (region, report, text); Enter on a sentence opens it
//! in the reader.
//!
//! Plain state; `update` drives it, `ui::trend` draws it. No terminal. The
//! count (0.1–0.4 s on the whole corpus, a pinyin spelling about 0.6 s,
//! docs/PERFORMANCE.md) runs on the Trend worker ([`super::counter`]) when
//! the explorer has one: Enter sends the phrase and the view shows
//! "counting..." meanwhile, keys still working (a newer phrase supersedes
//! the older, whose answer is dropped); the answer comes to `update` as a
//! message. Without a worker (none could be started, it stopped, or a test)
//! the count runs here, as before.

use crate::model::{Location, Report};
use crate::trend::{Answer, YearCount};

/// One sentence (or heading) of the selected year that holds the phrase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub region: String,
    pub report: String,
    pub text: String,
    pub count: usize,
    /// Where Enter goes.
    pub location: Location,
}

/// Which list has the cursor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    Years,
    Sentences,
}

/// The Trend view.
#[derive(Debug, Clone)]
pub struct TrendState {
    /// The phrase as typed, and the cursor (chars).
    pub query: String,
    pub cursor: usize,
    /// The query the answer is for.
    pub counted: String,
    /// The phrase counted (the query, or what its pinyin spells).
    pub phrase: String,
    /// How the pinyin was resolved ("xzscl: 新质生产力"), if it was.
    pub resolved: Option<String>,
    /// Years of the answer, oldest first; reports searched; occurrences.
    pub years: Vec<YearCount>,
    pub searched: usize,
    /// Reports that use it.
    pub with: usize,
    pub total: usize,
    /// The first report that used it (a line to show).
    pub first: Option<String>,
    /// Every hit, by year (for the sentence list).
    hits: Vec<(u16, Line)>,
    pub stage: Stage,
    /// Selected year (index into `years`) and first year row shown.
    pub year: usize,
    pub year_offset: usize,
    /// The sentences of the selected year, the selected one and the first shown.
    pub lines: Vec<Line>,
    pub line: usize,
    pub line_offset: usize,
    /// Why there is no answer ("no report uses …").
    pub error: Option<String>,
    /// The phrase sent to the Trend worker whose answer is awaited.
    pub pending: Option<String>,
}

impl TrendState {
    pub fn new() -> TrendState {
        TrendState {
            query: String::new(),
            cursor: 0,
            counted: String::new(),
            phrase: String::new(),
            resolved: None,
            years: Vec::new(),
            searched: 0,
            with: 0,
            total: 0,
            first: None,
            hits: Vec::new(),
            stage: Stage::Years,
            year: 0,
            year_offset: 0,
            lines: Vec::new(),
            line: 0,
            line_offset: 0,
            error: None,
            pending: None,
        }
    }

    /// Does the answer shown answer the query typed?
    pub fn is_current(&self) -> bool {
        !self.counted.is_empty() && self.counted == self.query.trim()
    }

    /// Take an answer for `query` (stubs name the reports): the busiest
    /// year selected.
    pub fn set_answer(&mut self, query: &str, a: &Answer, stubs: &[Report]) {
        let t = &a.trend;
        self.counted = query.trim().to_string();
        self.phrase = t.phrase.clone();
        self.resolved = a
            .resolution
            .as_ref()
            .map(|r| format!("{}={}", r.typed, t.phrase));
        self.searched = t.searched;
        self.with = t.reports.len();
        self.total = t.total();
        self.first = t
            .first
            .and_then(|k| t.reports.get(k))
            .and_then(|r| stubs.get(r.report))
            .map(|r| {
                format!(
                    "{} {} {}",
                    r.plan_year.map(|y| y.to_string()).unwrap_or_default(),
                    r.region.as_deref().unwrap_or(""),
                    r.id
                )
            });
        // from the first use on: the years before say nothing but "0"
        let from = t.years.iter().position(|y| y.count > 0).unwrap_or(0);
        self.years = t.years[from..].to_vec();
        self.hits = t
            .reports
            .iter()
            .filter_map(|rc| Some((stubs.get(rc.report)?, rc)))
            .filter_map(|(r, rc)| Some((r.plan_year?, r, rc)))
            .flat_map(|(y, r, rc)| {
                rc.hits.sentences.iter().map(move |s| {
                    let location = match &s.sentence {
                        Some(id) => Location::Sentence {
                            report: r.id.clone(),
                            section: s.section.clone(),
                            sentence: id.clone(),
                        },
                        None => Location::Section {
                            report: r.id.clone(),
                            section: s.section.clone(),
                        },
                    };
                    (
                        y,
                        Line {
                            region: r.region.clone().unwrap_or_default(),
                            report: r.id.clone(),
                            text: s.text.clone(),
                            count: s.count,
                            location,
                        },
                    )
                })
            })
            .collect();
        self.error = if t.reports.is_empty() {
            Some(format!("no report uses {}", t.phrase))
        } else {
            None
        };
        self.stage = Stage::Years;
        self.year = (0..self.years.len())
            .max_by_key(|&i| (self.years[i].count, i))
            .unwrap_or(0);
        self.year_offset = 0;
        self.lines.clear();
    }

    /// The count failed (an empty phrase, a spelling nothing spells).
    pub fn set_error(&mut self, query: &str, e: String) {
        *self = TrendState {
            query: self.query.clone(),
            cursor: self.cursor,
            counted: query.trim().to_string(),
            error: Some(e),
            pending: self.pending.take(),
            ..TrendState::new()
        };
    }

    /// Move the year selection by `d`.
    pub fn move_year(&mut self, d: isize) {
        if !self.years.is_empty() {
            self.year = self.year.saturating_add_signed(d).min(self.years.len() - 1);
        }
    }

    /// Move the sentence selection by `d`.
    pub fn move_line(&mut self, d: isize) {
        if !self.lines.is_empty() {
            self.line = self.line.saturating_add_signed(d).min(self.lines.len() - 1);
        }
    }

    /// List the sentences of the selected year.
    pub fn open_year(&mut self) {
        let Some(y) = self.years.get(self.year).map(|y| y.year) else {
            return;
        };
        self.lines = self
            .hits
            .iter()
            .filter(|(yy, _)| *yy == y)
            .map(|(_, l)| l.clone())
            .collect();
        if !self.lines.is_empty() {
            self.stage = Stage::Sentences;
            self.line = 0;
            self.line_offset = 0;
        }
    }

    /// Keep the selections within `rows` shown rows.
    pub fn scroll_into_view(&mut self, rows: usize, line_rows: usize) {
        let fit = |sel: usize, off: &mut usize, rows: usize| {
            let rows = rows.max(1);
            if sel < *off {
                *off = sel;
            } else if sel >= *off + rows {
                *off = sel + 1 - rows;
            }
        };
        fit(self.year, &mut self.year_offset, rows);
        fit(self.line, &mut self.line_offset, line_rows);
    }

    /// The selected sentence.
    pub fn selected_line(&self) -> Option<&Line> {
        self.lines.get(self.line)
    }
}

impl Default for TrendState {
    fn default() -> Self {
        TrendState::new()
    }
}

/// The Trend view's part of `update` (called only from there): typing edits
/// the phrase; Enter counts it (when it changed), lists the selected year's
/// sentences, or opens the selected sentence in the reader; Esc goes back a
/// stage, then closes (the view keeps its state for `P`).
pub(super) fn on_action(app: &mut super::app::App, action: super::action::Action) {
    use super::action::Action;
    use super::prompt::{edit, Edit};
    let (rows, line_rows) = super::ui::trend::list_rows(app.plan().status.y);
    let Some(t) = app.trend.as_mut() else {
        app.overlay = None;
        return;
    };
    let step = |a: Action| match a {
        Action::Down => 1,
        Action::Up => -1,
        Action::PageDown => rows as isize,
        _ => -(rows as isize),
    };
    match action {
        Action::Input(c) => {
            edit(&mut t.query, &mut t.cursor, Edit::Insert(c));
        }
        Action::Backspace => {
            edit(&mut t.query, &mut t.cursor, Edit::Backspace);
        }
        Action::Edit(e) => {
            edit(&mut t.query, &mut t.cursor, e);
        }
        Action::Down | Action::Up | Action::PageDown | Action::PageUp => match t.stage {
            Stage::Years => t.move_year(step(action)),
            Stage::Sentences => t.move_line(step(action)),
        },
        Action::Close => match t.stage {
            Stage::Sentences => t.stage = Stage::Years,
            Stage::Years => {
                app.overlay = None;
                return;
            }
        },
        Action::Enter => {
            if t.pending.as_deref() == Some(t.query.trim()) {
                // already being counted
            } else if !t.is_current() {
                count(app);
            } else if t.stage == Stage::Years {
                t.open_year();
            } else if let Some(loc) = t.selected_line().map(|l| l.location.clone()) {
                app.overlay = None;
                if !app.jump(&loc) {
                    app.message = Some(super::strings::NO_TREND_SOURCE);
                }
                return;
            }
        }
        _ => {}
    }
    if let Some(t) = app.trend.as_mut() {
        t.scroll_into_view(rows, line_rows);
    }
}

/// Count the typed phrase: send it to the Trend worker when there is one
/// (the answer comes back as a message, see [`receive`]), else count here.
fn count(app: &mut super::app::App) {
    let Some(query) = app.trend.as_ref().map(|t| t.query.trim().to_string()) else {
        return;
    };
    if query.is_empty() {
        return;
    }
    if let Some(c) = &mut app.counter {
        if c.send(&query).is_ok() {
            if let Some(t) = app.trend.as_mut() {
                t.pending = Some(query);
            }
            return;
        }
        app.counter = None;
    }
    count_here(app, &query);
}

/// Count `query` in every report on this thread (from the pack when the
/// explorer opened one: a report is parsed only when it holds the phrase).
fn count_here(app: &mut super::app::App, query: &str) {
    // the explorer took the pack's stubs: its model holds them
    let answer = match app.lazy.as_ref() {
        Some(l) => {
            let src = crate::trend::PackWithStubs {
                stubs: &app.model.reports,
                pack: &l.pack,
            };
            crate::trend::answer(&src, query, false, |_| true)
        }
        None => crate::trend::answer(&*app.model, query, false, |_| true),
    };
    store(app, query, answer.map_err(|e| e.to_string()));
}

/// Show a count of `query` (the view keeps it even when closed meanwhile).
fn store(app: &mut super::app::App, query: &str, result: Result<Answer, String>) {
    let stubs = &app.model.reports;
    if let Some(t) = app.trend.as_mut() {
        t.pending = None;
        match result {
            Ok(a) => t.set_answer(query, &a, stubs),
            Err(e) => t.set_error(query, e),
        }
    }
}

/// The Trend worker's answer: stored if it answers the latest phrase sent
/// (an older phrase's is dropped); called only from `update`.
pub(super) fn receive(app: &mut super::app::App, answer: super::counter::Answer) {
    let latest = app.counter.as_ref().map(super::counter::Counter::latest);
    let waiting = app.trend.as_ref().is_some_and(|t| t.pending.is_some());
    if !waiting || latest != Some(answer.seq) {
        return;
    }
    store(app, &answer.query, answer.result);
}

/// The Trend worker stopped: count here from now on (the awaited phrase too).
pub(super) fn worker_gone(app: &mut super::app::App) {
    app.counter = None;
    if let Some(query) = app.trend.as_mut().and_then(|t| t.pending.take()) {
        count_here(app, &query);
    }
}
