//! The checks behind the fuzz targets (`fuzz/`, cargo-fuzz on nightly) and
//! their regression tests on stable (`tests/fuzz_regressions.rs` feeds every
//! file under `tests/fuzz-corpus/<target>/` through the same function), so a
//! crash found once stays fixed. Each check panics on a broken promise; any
//! input that does not panic passes. Not part of the program: doc-hidden.
//!
//! - [`build_bytes`]: raw bytes → the builder: it never panics, and a model
//!   it makes passes validation and loads back equal.
//! - [`load_json`]: raw bytes → the model loader and validation; a model
//!   that passes is then shown by the CLI commands and the explorer.
//! - [`structured`]: a known-good model broken by mutations the bytes choose
//!   (inverted and out-of-range spans, dangling references, wrong row
//!   lengths, duplicate ids, deep nesting, huge and hostile strings), written
//!   as JSON and loaded; a model that passes validation goes through the
//!   CLI commands' bodies and the explorer's `update`/draw on a ratatui
//!   `TestBackend`, driven by up to [`MAX_ACTIONS`] actions the bytes choose.
//!
//! The CLI commands write to stdout: the fuzz targets run with
//! `-close_fd_mask=1`, the regression tests point stdout at /dev/null.

#![doc(hidden)]

use clap::Parser as _;
use ratatui::backend::TestBackend;
use ratatui::Terminal;

use crate::builder;
use crate::cli::{Cli, Command};
use crate::model::pack::{pack, Packed};
use crate::model::{self, Block, Model, Report, Section, SectionKind, Sentence, Span};
use crate::open::Bytes;
use crate::text::AmbiguousWidth;
use crate::tui::action::Action;
use crate::tui::app::{App, Options};
use crate::tui::prompt::Edit;
use crate::tui::update::update;

/// The most actions one structured input drives the explorer with.
pub const MAX_ACTIONS: usize = 400;

/// The bytes an input is read from, one choice at a time; past the end every
/// choice is 0 (so any input is complete).
pub struct Src<'a> {
    data: &'a [u8],
    pos: usize,
}

impl<'a> Src<'a> {
    pub fn new(data: &'a [u8]) -> Src<'a> {
        Src { data, pos: 0 }
    }
    pub fn done(&self) -> bool {
        self.pos >= self.data.len()
    }
    pub fn byte(&mut self) -> u8 {
        let b = self.data.get(self.pos).copied().unwrap_or(0);
        self.pos += 1;
        b
    }
    pub fn u16(&mut self) -> u16 {
        u16::from(self.byte()) << 8 | u16::from(self.byte())
    }
    /// A number below `n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            usize::from(self.u16()) % n
        }
    }
}

/// Target `build`: raw bytes as a report file. The builder may refuse them
/// (an error), never panic; a model it makes passes validation, and its JSON
/// and its pack load back equal.
pub fn build_bytes(data: &[u8]) {
    let inputs = [builder::Input {
        file_name: "fuzz.txt".into(),
        bytes: data.to_vec(),
        id: None,
    }];
    let Ok(built) = builder::build_model(&inputs) else {
        return;
    };
    let m = built.model;
    let problems = model::validate::validate(&m);
    assert!(
        problems.is_empty(),
        "the builder made an invalid model: {problems:?}"
    );
    let json = match model::model_json(&m) {
        Ok(j) => j,
        Err(e) => panic!("the built model does not serialize: {e}"),
    };
    match model::load_bytes(json.as_bytes(), "fuzz.json") {
        Ok(back) => assert!(back == m, "the built model does not load back equal"),
        Err(e) => panic!("the built model does not load back: {e}"),
    }
    let packed = match pack(&m) {
        Ok(p) => p,
        Err(e) => panic!("the built model does not pack: {e}"),
    };
    match Packed::open(packed, "fuzz.pack").and_then(|p| p.model()) {
        Ok(back) => assert!(back == m, "the built model's pack does not load back equal"),
        Err(e) => panic!("the built model's pack does not load back: {e}"),
    }
}

/// Target `load`: raw bytes as a model file. Loading and validation may
/// refuse them, never panic; a model that passes is shown by the commands
/// and the explorer as [`structured`] does (the bytes also choose the
/// actions).
pub fn load_json(data: &[u8]) {
    let Ok(m) = model::load_bytes(data, "fuzz.json") else {
        return;
    };
    if !model::validate::validate(&m).is_empty() {
        return;
    }
    let _ = model::validate::summary(&m);
    show(&m, &mut Src::new(data));
}

/// Target `structured`: one of the test models, broken by the mutations the
/// bytes choose, then through JSON, loading and validation; a model that
/// passes is shown by the commands and the explorer.
pub fn structured(data: &[u8]) {
    let mut src = Src::new(data);
    if let Some(m) = mutated(&mut src) {
        let _ = model::validate::summary(&m);
        show(&m, &mut src);
    }
}

/// The model [`structured`] makes of the first bytes of `src` (a test
/// model and the mutations they choose, through JSON and loading), when it
/// passes validation.
pub fn mutated(src: &mut Src<'_>) -> Option<Model> {
    let mut m = base_model(src.byte());
    let n = src.byte() % 12;
    for _ in 0..n {
        mutate(&mut m, src);
    }
    let json = match serde_json::to_vec(&m) {
        Ok(j) => j,
        Err(e) => panic!("a mutated model does not serialize: {e}"),
    };
    let loaded = match model::load_bytes(&json, "fuzz.json") {
        Ok(l) => l,
        // serde_json refuses nesting deeper than 128: a clear error
        Err(model::ModelError::Parse { .. }) => return None,
        Err(e) => panic!("a mutated model does not load: {e}"),
    };
    model::validate::validate(&loaded)
        .is_empty()
        .then_some(loaded)
}

/// A valid model through the CLI commands' bodies and the explorer.
pub fn show(m: &Model, src: &mut Src<'_>) {
    commands(m, src);
    let (w, h) = (1 + src.below(300) as u16, 1 + src.below(100) as u16);
    let lazy = src.byte() & 1 == 1;
    explore(m, src, (w, h), lazy);
}

fn base_model(choice: u8) -> Model {
    use crate::tui::testmodel::{big_model, corpus_model, empty_model, small_model};
    match choice % 5 {
        0 => small_model(),
        1 => corpus_model(),
        2 => big_model(3),
        3 => empty_model(),
        _ => crate::load_plan_model().unwrap_or_else(|_| small_model()),
    }
}

/// Every string a report shows, as hostile as the bytes make it.
fn hostile(src: &mut Src<'_>) -> String {
    const PIECES: &[&str] = &[
        "\u{1b}[2J",
        "\u{1b}]52;c;AAAA\u{7}",
        "\u{202e}",
        "\u{200b}",
        "\u{200d}",
        "\t",
        "\r\n",
        "\n",
        "\u{7f}",
        "\u{9b}",
        "\u{0}",
        "\u{301}",
        "\u{fffd}",
        "\u{3000}",
        "\u{1f600}",
        "\u{1f1e8}\u{1f1f3}",
        "\u{8868}1",
        "\u{5168}\u{5e02}\u{751f}\u{4ea7}\u{603b}\u{503c}",
        "4.8%",
        "16715.2\u{4ebf}\u{5143}",
        "\u{ff08}\u{4e00}\u{ff09}",
        "\u{3002}",
        "\u{2014}\u{2014}",
        "\u{201c}",
        "a",
        " ",
        "",
        "\u{10ffff}",
        "\u{e000}",
        "\u{fe0f}",
    ];
    let mut s = String::new();
    let n = 1 + src.byte() % 6;
    for _ in 0..n {
        let piece = PIECES[src.below(PIECES.len())];
        let times = match src.byte() % 8 {
            0 => 1000 + src.below(100_000),
            1..=2 => 1 + src.below(80),
            _ => 1,
        };
        s.push_str(&piece.repeat(times));
    }
    s
}

/// Every span of a report, for `f`.
fn each_span(r: &mut Report, f: &mut dyn FnMut(&mut Span)) {
    fn blocks(bs: &mut [Block], f: &mut dyn FnMut(&mut Span)) {
        for b in bs {
            if let Block::Paragraph(p) = b {
                f(&mut p.span);
                for s in &mut p.sentences {
                    f(&mut s.span);
                }
            }
        }
    }
    fn sections(ss: &mut [Section], f: &mut dyn FnMut(&mut Span)) {
        for s in ss {
            f(&mut s.heading_span);
            f(&mut s.span);
            blocks(&mut s.blocks, f);
            sections(&mut s.children, f);
        }
    }
    blocks(&mut r.preamble, f);
    sections(&mut r.sections, f);
    for t in &mut r.tables {
        f(&mut t.span);
        f(&mut t.caption_span);
        for s in t
            .note_spans
            .iter_mut()
            .chain(t.cell_spans.iter_mut().flatten())
        {
            f(s);
        }
        for h in &mut t.header {
            f(&mut h.span);
        }
    }
    for x in &mut r.removed {
        f(&mut x.span);
    }
    for i in &mut r.indicators {
        if let model::IndicatorSource::Sentence { span, .. } = &mut i.source {
            f(span);
        }
    }
    for h in &mut r.headlines {
        if let model::IndicatorSource::Sentence { span, .. } = &mut h.source {
            f(span);
        }
    }
}

/// Every shown string of a report (ids excluded), for `f`.
fn each_text(r: &mut Report, f: &mut dyn FnMut(&mut String)) {
    fn blocks(bs: &mut [Block], f: &mut dyn FnMut(&mut String)) {
        for b in bs {
            if let Block::Paragraph(p) = b {
                for s in &mut p.sentences {
                    f(&mut s.text);
                }
            }
        }
    }
    fn sections(ss: &mut [Section], f: &mut dyn FnMut(&mut String)) {
        for s in ss {
            f(&mut s.heading);
            f(&mut s.number);
            f(&mut s.marker);
            f(&mut s.heading_suffix);
            blocks(&mut s.blocks, f);
            sections(&mut s.children, f);
        }
    }
    f(&mut r.title);
    if let Some(x) = &mut r.region {
        f(x);
    }
    f(&mut r.source.file);
    blocks(&mut r.preamble, f);
    sections(&mut r.sections, f);
    for t in &mut r.tables {
        f(&mut t.caption);
        f(&mut t.number);
        f(&mut t.label);
        for c in t.columns.iter_mut().chain(t.rows.iter_mut().flatten()) {
            f(c);
        }
        for n in &mut t.notes {
            f(n);
        }
        for h in &mut t.header {
            f(&mut h.text);
        }
    }
    for x in &mut r.removed {
        f(&mut x.text);
    }
    for w in &mut r.warnings {
        f(w);
    }
    for i in &mut r.indicators {
        f(&mut i.metric);
        f(&mut i.value_text);
        f(&mut i.unit);
    }
    for h in &mut r.headlines {
        f(&mut h.metric);
        f(&mut h.text);
    }
}

/// Every id and reference of a report, for `f`.
fn each_id(r: &mut Report, f: &mut dyn FnMut(&mut String)) {
    fn blocks(bs: &mut [Block], f: &mut dyn FnMut(&mut String)) {
        for b in bs {
            match b {
                Block::Paragraph(p) => {
                    f(&mut p.id);
                    for s in &mut p.sentences {
                        f(&mut s.id);
                    }
                }
                Block::Table { table } => f(table),
            }
        }
    }
    fn sections(ss: &mut [Section], f: &mut dyn FnMut(&mut String)) {
        for s in ss {
            f(&mut s.id);
            blocks(&mut s.blocks, f);
            sections(&mut s.children, f);
        }
    }
    f(&mut r.id);
    blocks(&mut r.preamble, f);
    sections(&mut r.sections, f);
    for t in &mut r.tables {
        f(&mut t.id);
        f(&mut t.section);
    }
    for i in &mut r.indicators {
        f(&mut i.id);
        f(&mut i.report);
        source_ids(&mut i.source, f);
    }
    for h in &mut r.headlines {
        source_ids(&mut h.source, f);
    }
}

fn source_ids(s: &mut model::IndicatorSource, f: &mut dyn FnMut(&mut String)) {
    match s {
        model::IndicatorSource::Sentence { sentence, .. } => f(sentence),
        model::IndicatorSource::Cell { table, .. } => f(table),
    }
}

/// A visitor of a report's spans, strings or ids ([`each_span`] …).
type Each<T> = fn(&mut Report, &mut dyn FnMut(&mut T));

/// Apply `f` to the `k`-th item `each` visits (counting them first).
fn nth<T: ?Sized>(r: &mut Report, each: Each<T>, src: &mut Src<'_>, f: &mut dyn FnMut(&mut T)) {
    let mut n = 0;
    each(r, &mut |_| n += 1);
    let k = src.below(n);
    let mut i = 0;
    each(r, &mut |x| {
        if i == k {
            f(x);
        }
        i += 1;
    });
}

fn all_ids(r: &mut Report) -> Vec<String> {
    let mut ids = Vec::new();
    each_id(r, &mut |s| ids.push(s.clone()));
    ids
}

/// One mutation the bytes choose.
fn mutate(m: &mut Model, src: &mut Src<'_>) {
    let kind = src.byte() % 16;
    if m.reports.is_empty() || kind == 15 {
        let mut r = crate::tui::testmodel::small_model().reports;
        m.reports.append(&mut r);
        return;
    }
    let ri = src.below(m.reports.len());
    let r = &mut m.reports[ri];
    let chars = r.source.chars;
    match kind {
        // an inverted span
        0 => nth(r, each_span, src, &mut |s: &mut Span| *s = Span(s.1, s.0)),
        // a span out of the source, or just inside its end
        1 => {
            let by = src.below(4);
            let how = src.byte() % 4;
            nth(r, each_span, src, &mut |s: &mut Span| match how {
                0 => s.1 = chars.saturating_add(by),
                1 => *s = Span(chars.saturating_sub(by), chars),
                2 => *s = Span(s.0, s.0),
                _ => *s = Span(usize::MAX - by, usize::MAX),
            })
        }
        // a hostile or huge string
        2 | 3 => {
            let text = hostile(src);
            nth(r, each_text, src, &mut |s: &mut String| *s = text.clone())
        }
        // a dangling reference or a duplicate id
        4 => {
            let ids = all_ids(r);
            let other = if src.byte() & 1 == 0 {
                ids.get(src.below(ids.len())).cloned().unwrap_or_default()
            } else {
                format!("{}:nowhere", r.id)
            };
            nth(r, each_id, src, &mut |s: &mut String| *s = other.clone())
        }
        // a row of the wrong length, or no columns
        5 => {
            let t = src.below(r.tables.len());
            let how = src.byte() % 5;
            if let Some(t) = r.tables.get_mut(t) {
                let row = src.below(t.rows.len());
                match how {
                    0 => {
                        if let Some(row) = t.rows.get_mut(row) {
                            row.push("\u{591a}".into());
                        }
                    }
                    1 => {
                        if let Some(row) = t.rows.get_mut(row) {
                            row.pop();
                        }
                    }
                    2 => {
                        t.columns.clear();
                        for row in &mut t.rows {
                            row.clear();
                        }
                        for row in &mut t.cell_spans {
                            row.clear();
                        }
                    }
                    3 => {
                        if let Some(row) = t.cell_spans.get_mut(row) {
                            row.clear();
                        }
                    }
                    _ => t.cell_spans.push(vec![Span(0, 0)]),
                }
            }
        }
        // header cells over columns that are not there
        6 => {
            let a = src.below(70_000);
            let b = src.below(70_000);
            if let Some(t) = {
                let k = src.below(r.tables.len());
                r.tables.get_mut(k)
            } {
                if let Some(h) = {
                    let k = src.below(t.header.len());
                    t.header.get_mut(k)
                } {
                    h.columns = (a, b);
                } else {
                    t.header.push(model::HeaderCell {
                        text: "\u{8868}\u{5934}".into(),
                        span: Span(0, 0),
                        columns: (a, b),
                    });
                }
            }
        }
        // an indicator or headline pointing at a cell or a span that is not there
        7 => {
            let row = src.below(100_000);
            let column = src.below(100_000);
            let cell = src.byte() & 1 == 0;
            let table = r.tables.first().map(|t| t.id.clone()).unwrap_or_default();
            let sentence = all_sentence_ids(r).first().cloned().unwrap_or_default();
            let start = src.below(chars.saturating_add(2));
            let end = src.below(chars.saturating_add(2));
            let source = if cell {
                model::IndicatorSource::Cell { table, row, column }
            } else {
                model::IndicatorSource::Sentence {
                    sentence,
                    span: Span(start, end),
                }
            };
            if src.byte() & 1 == 0 {
                if let Some(i) = {
                    let k = src.below(r.indicators.len());
                    r.indicators.get_mut(k)
                } {
                    i.source = source;
                }
            } else if let Some(h) = {
                let k = src.below(r.headlines.len());
                r.headlines.get_mut(k)
            } {
                h.source = source;
            }
        }
        // deep nesting: a chain of sections under one
        8 => {
            let depth = 1 + src.below(70);
            let rid = r.id.clone();
            let span = Span(0, chars.min(1));
            let mut deep: Option<Section> = None;
            for d in (0..depth).rev() {
                let mut s = section(&format!("{rid}:deep{d}"), (d + 2).min(255) as u8, span);
                s.children.extend(deep.take());
                deep = Some(s);
            }
            if let Some(top) = {
                let k = src.below(r.sections.len());
                r.sections.get_mut(k)
            } {
                top.children.extend(deep);
            } else {
                r.sections.extend(deep);
            }
        }
        // many sections, sentences or rows
        9 => {
            let n = 1 + src.below(3000);
            let rid = r.id.clone();
            match src.byte() % 3 {
                0 => r.sections.extend(
                    (0..n).map(|i| section(&format!("{rid}:many{i}"), 1, Span(0, chars.min(1)))),
                ),
                1 => {
                    let para = model::Paragraph {
                        id: format!("{rid}:manyp"),
                        span: Span(0, chars),
                        sentences: (0..n)
                            .map(|i| Sentence {
                                id: format!("{rid}:manyp.{i}"),
                                text: "\u{53e5}\u{3002}".repeat(1 + i % 7),
                                span: Span(i.min(chars), chars),
                            })
                            .collect(),
                    };
                    if let Some(s) = r.sections.first_mut() {
                        s.blocks.push(Block::Paragraph(para));
                    } else {
                        r.preamble.push(Block::Paragraph(para));
                    }
                }
                _ => {
                    if let Some(t) = r.tables.first_mut() {
                        if let (Some(row), Some(spans)) =
                            (t.rows.first().cloned(), t.cell_spans.first().cloned())
                        {
                            for _ in 0..n {
                                t.rows.push(row.clone());
                                t.cell_spans.push(spans.clone());
                            }
                        }
                    }
                }
            }
        }
        // something removed
        10 => match src.byte() % 5 {
            0 => {
                let i = src.below(r.sections.len());
                if i < r.sections.len() {
                    r.sections.remove(i);
                }
            }
            1 => {
                let i = src.below(r.tables.len());
                if i < r.tables.len() {
                    r.tables.remove(i);
                }
            }
            2 => r.preamble.clear(),
            3 => {
                for s in &mut r.sections {
                    s.blocks.clear();
                }
            }
            _ => {
                r.indicators.clear();
                r.headlines.clear();
            }
        },
        // a duplicate report, or one copied under a new id
        11 => {
            let mut copy = r.clone();
            if src.byte() & 1 == 0 {
                copy.id = format!("{}-copy", copy.id);
            }
            m.reports.push(copy);
        }
        // the source's length and the years
        12 => {
            r.source.chars = match src.byte() % 3 {
                0 => 0,
                1 => chars / 2,
                _ => usize::MAX,
            };
            r.plan_year = Some(src.u16());
            r.review_year = if src.byte() & 1 == 0 {
                None
            } else {
                Some(src.u16())
            };
        }
        // levels: a child no deeper than its parent, or the deepest level
        13 => {
            let level = src.byte();
            if let Some(s) = {
                let k = src.below(r.sections.len());
                r.sections.get_mut(k)
            } {
                s.level = level;
            }
        }
        // a paragraph without sentences, or a sentence outside its paragraph
        _ => {
            if let Some(Block::Paragraph(p)) = r.sections.first_mut().and_then(|s| {
                s.blocks
                    .iter_mut()
                    .find(|b| matches!(b, Block::Paragraph(_)))
            }) {
                if src.byte() & 1 == 0 {
                    p.sentences.clear();
                } else if let Some(s) = p.sentences.first_mut() {
                    s.span = Span(0, chars);
                }
            }
        }
    }
}

fn all_sentence_ids(r: &Report) -> Vec<String> {
    let mut ids = Vec::new();
    for b in r
        .preamble
        .iter()
        .chain(r.all_sections().into_iter().flat_map(|s| s.blocks.iter()))
    {
        if let Block::Paragraph(p) = b {
            ids.extend(p.sentences.iter().map(|s| s.id.clone()));
        }
    }
    ids
}

fn section(id: &str, level: u8, span: Span) -> Section {
    Section {
        id: id.into(),
        level,
        kind: SectionKind::Heading,
        number: String::new(),
        marker: String::new(),
        heading: "\u{6df1}".into(),
        heading_suffix: String::new(),
        heading_span: span,
        span,
        blocks: vec![],
        children: vec![],
    }
}

/// The commands' bodies on `m` (outline, show, search, tables, indicators,
/// targets) in each format, with ids and queries taken from the model.
fn commands(m: &Model, src: &mut Src<'_>) {
    use crate::commands;
    let mut ids: Vec<String> = Vec::new();
    if let Some(r) = m.reports.get(src.below(m.reports.len())) {
        ids.push(r.id.clone());
        let mut r = r.clone();
        let all = all_ids(&mut r);
        for _ in 0..3 {
            if let Some(id) = all.get(src.below(all.len())) {
                ids.push(id.clone());
            }
        }
        let sentences = all_sentence_ids(&r);
        if let Some(s) = sentences.get(src.below(sentences.len())) {
            ids.push(s.clone());
        }
        for t in r.tables.iter().take(2) {
            let (row, col) = (src.below(t.rows.len() + 1), src.below(t.columns.len() + 1));
            ids.push(format!("{}:r{row}", t.id));
            ids.push(format!("{}:r{row}c{col}", t.id));
        }
    }
    let query = match m.reports.first().and_then(|r| r.sections.first()) {
        Some(s) => s.heading.chars().take(4).collect::<String>(),
        None => "\u{589e}\u{957f}".into(),
    };
    let report = ids.first().cloned().unwrap_or_default();
    let mut argvs: Vec<Vec<String>> = Vec::new();
    for f in ["table", "json", "csv"] {
        argvs.push(vec!["outline".into(), "--format".into(), f.into()]);
        argvs.push(vec!["tables".into(), "--format".into(), f.into()]);
        argvs.push(vec!["indicators".into(), "--format".into(), f.into()]);
        argvs.push(vec!["targets".into(), "--format".into(), f.into()]);
    }
    argvs.push(vec!["tables".into(), "--report".into(), report.clone()]);
    argvs.push(vec!["indicators".into(), "--report".into(), report]);
    for q in [query.as_str(), "4.8%", "s:\u{589e}\u{957f}", "t:"] {
        argvs.push(vec!["search".into(), q.into()]);
        argvs.push(vec!["search".into(), "--json".into(), q.into()]);
    }
    for id in &ids {
        for f in ["text", "json", "csv"] {
            argvs.push(vec!["show".into(), id.clone(), "--format".into(), f.into()]);
        }
        argvs.push(vec!["show".into(), id.clone(), "--cite".into()]);
    }
    let opened = match open_pack(m) {
        Ok(o) => o,
        Err(e) => panic!("a valid model does not open from its pack: {e}"),
    };
    for argv in argvs {
        let Ok(cli) = Cli::try_parse_from(std::iter::once("baogao".to_string()).chain(argv)) else {
            continue;
        };
        // errors (an unknown id, no match, a closed stdout) are answers too
        let _ = match &cli.command {
            Some(Command::Outline(a)) => commands::outline::run(m, a),
            Some(Command::Show(a)) => commands::show::run(m, a),
            Some(Command::Search(a)) => commands::search::run(m, a),
            Some(Command::Tables(a)) => commands::tables::run(m, a),
            Some(Command::Indicators(a)) => commands::indicators::run(m, a),
            Some(Command::Targets(a)) => {
                let rows =
                    commands::targets::select(crate::indicators::ledger::ledger(opened.stubs()), a);
                let _ = rows.iter().map(commands::targets::cells).count();
                Ok(commands::Outcome::Done)
            }
            _ => Ok(commands::Outcome::Done),
        };
    }
}

/// One action the bytes choose (no Quit: the run ends with the input).
fn action(src: &mut Src<'_>) -> Action {
    const PLAIN: &[Action] = &[
        Action::Up,
        Action::Down,
        Action::Left,
        Action::Right,
        Action::Parent,
        Action::NextSibling,
        Action::PrevSibling,
        Action::Top,
        Action::Bottom,
        Action::PageDown,
        Action::PageUp,
        Action::Enter,
        Action::FocusNext,
        Action::FocusPrev,
        Action::PrevSection,
        Action::NextSection,
        Action::Tables,
        Action::Help,
        Action::Close,
        Action::SearchOpen,
        Action::PickReport,
        Action::Targets,
        Action::Chart,
        Action::SearchNext,
        Action::SearchPrev,
        Action::SearchScope,
        Action::Sort,
        Action::Filter,
        Action::CellPopup,
        Action::Records,
        Action::JumpBack,
        Action::JumpForward,
        Action::MarkSet,
        Action::MarkGo,
        Action::Copy,
        Action::CopyAll,
        Action::CopyFormat,
        Action::HalfPageDown,
        Action::HalfPageUp,
        Action::ToggleOutline,
        Action::SentenceNext,
        Action::SentencePrev,
        Action::NumberNext,
        Action::NumberPrev,
        Action::HistoryPrev,
        Action::HistoryNext,
        Action::Backspace,
        Action::Edit(Edit::Left),
        Action::Edit(Edit::Right),
        Action::Edit(Edit::Start),
        Action::Edit(Edit::End),
        Action::Edit(Edit::Backspace),
        Action::Edit(Edit::Delete),
        Action::Edit(Edit::WordBack),
        Action::Edit(Edit::ToStart),
    ];
    const TYPED: &[char] = &[
        'a',
        'z',
        '1',
        '4',
        '.',
        '%',
        ':',
        ' ',
        '\'',
        '\u{589e}',
        '\u{957f}',
        '\u{4ebf}',
        '\u{8868}',
        '\u{ff08}',
        '\u{3002}',
        '\u{1f600}',
        '\u{301}',
        '\u{1b}',
        '\t',
    ];
    let b = src.byte();
    match b {
        0..=199 => PLAIN[usize::from(b) % PLAIN.len()],
        200..=229 => Action::Input(TYPED[usize::from(b) % TYPED.len()]),
        230..=239 => Action::Resize(src.byte().into(), (src.byte() % 120).into()),
        240..=249 => Action::Scroll(src.byte() as i8 % 8, src.byte().into(), src.byte().into()),
        _ => Action::Click(src.byte().into(), (src.byte() % 120).into()),
    }
}

/// The explorer on `m` (whole, or opened from its pack as the binary does)
/// at `size`, drawn after every action the bytes choose.
pub fn explore(m: &Model, src: &mut Src<'_>, size: (u16, u16), lazy: bool) {
    let opts = Options {
        amb: if src.byte() & 1 == 0 {
            AmbiguousWidth::Narrow
        } else {
            AmbiguousWidth::Wide
        },
        color: src.byte() & 1 == 0,
        mouse: true,
    };
    let mut app = if lazy {
        let opened =
            open_pack(m).and_then(|o| App::from_pack(o, opts, size).map_err(|e| e.to_string()));
        match opened {
            Ok(a) => a,
            Err(e) => panic!("a valid model does not open from its pack: {e}"),
        }
    } else {
        App::new(m.clone(), opts, size)
    };
    let Ok(mut term) = Terminal::new(TestBackend::new(size.0, size.1));
    let _ = term.draw(|f| crate::tui::ui::draw(&app, f.buffer_mut()));
    for _ in 0..MAX_ACTIONS {
        if src.done() {
            break;
        }
        let a = action(src);
        if let Action::Resize(w, h) = a {
            term.backend_mut().resize(w, h);
        }
        update(&mut app, a);
        let _ = term.draw(|f| crate::tui::ui::draw(&app, f.buffer_mut()));
    }
}

/// A synthetic model built from report-like text, for the property tests.
pub fn model_of_text(text: &str) -> Option<Model> {
    let inputs = [builder::Input {
        file_name: "synthetic.txt".into(),
        bytes: text.as_bytes().to_vec(),
        id: None,
    }];
    builder::build_model(&inputs).ok().map(|b| b.model)
}

/// `m` packed and opened, as the binary opens a model file.
fn open_pack(m: &Model) -> Result<crate::open::Opened, String> {
    let p = pack(m).map_err(|e| e.to_string())?;
    Packed::open(Bytes::Owned(p), "fuzz.pack").map_err(|e| e.to_string())
}
