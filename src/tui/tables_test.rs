//! Tests of the tables pane and the cell popup on the bundled model: the
//! popup shows every char of every cell, cut cells say they are cut, the key
//! columns stay while the others scroll, the reader turns a squeezed grid
//! into "column: value" records. Driven through `update`, drawn with `ui::draw`.

use ratatui::buffer::{Buffer, CellDiffOption};
use ratatui::layout::Rect;
use unicode_width::UnicodeWidthStr;

use super::action::Action;
use super::app::{App, Options, Overlay};
use super::tables::{pane_columns, text_width};
use super::ui::{self, cells::screen_text};
use super::update::update;
use crate::model::Model;
use crate::text::{sanitize, AmbiguousWidth, CUT_MARKER};

fn bundled() -> Model {
    crate::load_plan_model().expect("bundled model loads")
}

fn app_at(m: Model, (w, h): (u16, u16)) -> App {
    let opts = Options {
        amb: AmbiguousWidth::Narrow,
        color: false,
        mouse: false,
    };
    App::new(m, opts, (w, h))
}

fn draw(app: &App) -> Buffer {
    let mut buf = Buffer::empty(Rect::new(0, 0, app.size.0, app.size.1));
    ui::draw(app, &mut buf);
    buf
}

/// The text of buffer row `y` from column `x0` to before `x1`, as a terminal
/// shows it (a wide char's covered cell is not repeated).
fn span_text(buf: &Buffer, y: u16, x0: u16, x1: u16) -> String {
    let mut s = String::new();
    let mut x = x0;
    while x < x1 {
        let c = &buf[(x, y)];
        s.push_str(c.symbol());
        let w = match c.diff_option {
            CellDiffOption::ForcedWidth(n) => n.get(),
            _ => UnicodeWidthStr::width(c.symbol()).max(1) as u16,
        };
        x += w;
    }
    s
}

/// The text inside the popup box (between its borders and blank margins),
/// its rows joined.
fn popup_text(buf: &Buffer) -> Option<String> {
    popup_rows(buf).map(|r| r.concat())
}

/// The rows of text inside the popup box.
fn popup_rows(buf: &Buffer) -> Option<Vec<String>> {
    let a = buf.area;
    let (x0, y0) = (a.y..a.height)
        .flat_map(|y| (a.x..a.width).map(move |x| (x, y)))
        .find(|&p| buf[p].symbol() == "\u{250C}")?;
    let x1 = (x0 + 1..a.width).find(|&x| buf[(x, y0)].symbol() == "\u{2510}")?;
    let mut out = Vec::new();
    for y in y0 + 1..a.height {
        if buf[(x0, y)].symbol() == "\u{2514}" {
            return Some(out);
        }
        out.push(span_text(buf, y, x0 + 2, x1 - 1));
    }
    None
}

fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Every (table, row, column) of the app's table list, in list order.
fn every_cell(app: &mut App) -> Vec<(usize, usize, usize)> {
    update(app, Action::Tables);
    let t = app.tables.as_ref().unwrap();
    let mut out = Vec::new();
    for i in 0..t.list.len() {
        let v = super::tables::view(&app.model, &app.derived, t.list[i]).unwrap();
        for (r, row) in v.rows.iter().enumerate() {
            for c in 0..row.len().min(v.columns.len()) {
                out.push((i, r, c));
            }
        }
    }
    out
}

fn open_popup_on(app: &mut App, (i, r, c): (usize, usize, usize)) -> String {
    let (model, derived) = (&app.model, &app.derived);
    let t = app.tables.as_mut().unwrap();
    if t.current != i {
        t.select(i, model, derived);
    }
    t.cursor = r;
    t.col = c;
    let v = t.current_view(model, derived).unwrap();
    let cell = sanitize(&v.rows[r][c]).into_owned();
    app.overlay = None;
    update(app, Action::CellPopup);
    assert_eq!(app.overlay, Some(Overlay::Popup));
    cell
}

/// Regression: the popup wrapped rows one column wider than it drew them, so
/// every row lost its last chars ("培育意向加 / GOP" for 加入GOP on 表2).
#[test]
fn popup_regression_every_bundled_cell_shows_whole_at_80x24() {
    let mut app = app_at(bundled(), (80, 24));
    let cells = every_cell(&mut app);
    assert!(cells.len() > 190, "{} cells", cells.len());
    for at in cells {
        let cell = open_popup_on(&mut app, at);
        let shown = popup_text(&draw(&app)).expect("a popup box");
        assert_eq!(squash(&shown), squash(&cell), "cell {at:?}");
    }
}

/// At 40x12 表2's long cells do not fit: the last row shown ends with the
/// cut marker, and scrolling with j shows the rest, every char once.
#[test]
fn a_popup_too_tall_for_the_screen_is_marked_and_scrolls_to_the_end() {
    let mut app = app_at(bundled(), (40, 12));
    let mut cut = 0;
    for at in every_cell(&mut app) {
        let cell = open_popup_on(&mut app, at);
        let shown = squash(&popup_text(&draw(&app)).expect("a popup box"));
        if shown == squash(&cell) {
            continue;
        }
        cut += 1;
        let kept = shown.strip_suffix(CUT_MARKER).expect("cut marker");
        assert!(squash(&cell).starts_with(kept), "{at:?}: {shown}");
        // Scroll to the end: the first row at each step, then the last page.
        let mut seen = String::new();
        loop {
            let rows = popup_rows(&draw(&app)).unwrap();
            let before = app.tables.as_ref().unwrap().popup_scroll;
            update(&mut app, Action::Down);
            if app.tables.as_ref().unwrap().popup_scroll == before {
                seen.push_str(&rows.concat());
                break;
            }
            seen.push_str(&rows[0]);
        }
        assert_eq!(squash(&seen), squash(&cell), "{at:?}");
        update(&mut app, Action::Up);
        assert!(app.tables.as_ref().unwrap().popup_scroll > 0);
        update(&mut app, Action::Close);
        assert_eq!(app.overlay, None);
    }
    assert!(cut > 0, "表2's long cells do not fit at 40x12");
}

/// Every data cell on screen is its whole text, or a prefix ending with "~".
fn assert_cells_whole_or_marked(app: &App, buf: &Buffer) {
    let t = app.tables.as_ref().unwrap();
    let v = t.current_view(&app.model, &app.derived).unwrap();
    let r = app.plan().right.unwrap();
    let avail = text_width(r.width as usize);
    let placed = pane_columns(&v, app.opts.amb, avail).place(t.col_offset, avail);
    for (k, &row) in t.rows.iter().skip(t.row_offset).enumerate() {
        let y = r.y + 3 + k as u16;
        if y >= r.y + r.height {
            break;
        }
        for p in &placed {
            let x = r.x + 1 + p.x as u16;
            let drawn = span_text(buf, y, x, x + p.width as u16);
            let drawn = drawn.trim_end();
            let cell = sanitize(&v.rows[row][p.col]).into_owned();
            if drawn == cell.trim_end() {
                continue;
            }
            let kept = drawn.strip_suffix(CUT_MARKER).unwrap_or_else(|| {
                panic!(
                    "cell r{row} c{} cut without a mark: {drawn:?} of {cell:?}",
                    p.col
                )
            });
            assert!(cell.starts_with(kept), "{drawn:?} is not {cell:?}");
        }
    }
}

#[test]
fn cut_cells_are_marked_at_the_edge_and_at_the_cap() {
    for w in [160, 120, 80, 60, 40] {
        let mut app = app_at(bundled(), (w, 24));
        let n = every_cell(&mut app).iter().map(|c| c.0).max().unwrap_or(0);
        for i in 0..=n {
            let (model, derived) = (&app.model, &app.derived);
            app.tables.as_mut().unwrap().select(i, model, derived);
            for _ in 0..8 {
                assert_cells_whole_or_marked(&app, &draw(&app));
                update(&mut app, Action::Right);
            }
        }
    }
}

/// The keys `t l l l l s`: at 80, 60 and 40 columns the indicator
/// names are still on screen next to the sorted column.
#[test]
fn the_key_columns_stay_while_the_others_scroll() {
    use Action::*;
    for w in [160, 80, 60, 40] {
        let mut app = app_at(bundled(), (w, 24));
        for a in [Tables, Right, Right, Right, Right, Sort] {
            update(&mut app, a);
        }
        let t = app.tables.as_ref().unwrap();
        assert_eq!(t.col, 4);
        let v = t.current_view(&app.model, &app.derived).unwrap();
        let rows = screen_text(&draw(&app));
        let screen = rows.join("\n");
        assert!(
            screen.contains("\u{540C}\u{6BD4}"),
            "{w}: sorted column\n{screen}"
        );
        // Every data row shows its number and the start of its name.
        for (k, &row) in t.rows.iter().take(10).enumerate() {
            let line = &rows[3 + k];
            let name: String = v.rows[row][1].chars().take(3).collect();
            assert!(line.contains(&name), "{w}: {name} not on {line:?}");
            // The sorted column's value (or its start, when capped).
            let value: String = v.rows[row][4].chars().take(2).collect();
            assert!(line.contains(&value), "{w}: {value} not on {line:?}");
        }
    }
}

#[test]
fn the_key_columns_screen_at_80x24() {
    use Action::*;
    let mut app = app_at(bundled(), (80, 24));
    for a in [Tables, Right, Right, Right, Right, Sort] {
        update(&mut app, a);
    }
    insta::assert_snapshot!("tables_keys_80x24", screen_text(&draw(&app)).join("\n"));
}

#[test]
fn the_filter_finds_yi_as_it_finds_the_character() {
    use Action::*;
    let mut app = app_at(bundled(), (80, 24));
    update(&mut app, Tables);
    update(&mut app, Filter);
    update(&mut app, Input('\u{4EBF}'));
    let by_char = app.tables.as_ref().unwrap().rows.clone();
    assert!(!by_char.is_empty());
    update(&mut app, Close);
    update(&mut app, Filter);
    update(&mut app, Input('y'));
    update(&mut app, Input('i'));
    let by_pinyin = app.tables.as_ref().unwrap().rows.clone();
    for r in &by_char {
        assert!(by_pinyin.contains(r), "row {r} has 亿 but not found by yi");
    }
}

/// Regression: at 80x24 the reader squeezed 表1's six columns to two or
/// three chars a line ("地区生 / 产总值").
#[test]
fn a_squeezed_table_reads_as_records_in_the_reader() {
    use super::outline::{NodeKind, OutlineState};
    let m = bundled();
    let o = OutlineState::new(&m);
    let r = &m.reports[0];
    let t = &r.tables[0];
    let n = o.find(0, NodeKind::Section, &t.section).unwrap();
    let amb = AmbiguousWidth::Narrow;
    // The reader's width at 80 columns.
    let d = super::doc::build(&m, &o, n, 53, amb);
    let at = d.line_of_table(&t.id).unwrap();
    let head = format!("{}: {}", t.columns[1], t.rows[0][1]);
    assert!(
        d.lines[at..].iter().any(|l| l.text == head),
        "no {head:?} record"
    );
    // Wide enough: a grid.
    let d = super::doc::build(&m, &o, n, 150, amb);
    let at = d.line_of_table(&t.id).unwrap();
    assert!(!d.lines[at..].iter().any(|l| l.text == head));
}

#[test]
fn the_reader_shows_a_squeezed_table_as_records_at_80x24() {
    use Action::*;
    let mut app = app_at(bundled(), (80, 24));
    // The outline's 表1 node, under part 一.
    for a in [Down, Right, Down] {
        update(&mut app, a);
    }
    insta::assert_snapshot!("reader_records_80x24", screen_text(&draw(&app)).join("\n"));
}

#[test]
fn hostile_cells_are_inert_in_the_pane_and_the_popup() {
    use Action::*;
    let mut m = super::testmodel::small_model();
    m.reports[0].tables[0].rows[0][1] = "\u{1b}[2J\u{1b}]52;c;QUFB\u{7}\u{202E}GDP".into();
    let mut app = app_at(m, (80, 24));
    for a in [Tables, Right, CellPopup] {
        update(&mut app, a);
    }
    assert_eq!(app.overlay, Some(Overlay::Popup));
    let buf = draw(&app);
    for c in buf.content() {
        assert!(
            !c.symbol()
                .chars()
                .any(|ch| ch.is_control() || ch == '\u{202E}'),
            "{:?}",
            c.symbol()
        );
    }
    assert!(popup_text(&buf).unwrap().contains("GDP"));
}

/// The pane's column widths are state, fitted by `update` whenever the
/// table or the pane's width changes, so the view never has to compute
/// them (issue 11: views only read state).
#[test]
fn the_fitted_columns_follow_the_table_and_the_pane_width() {
    let mut app = app_at(bundled(), (120, 30));
    let fresh = |app: &App| {
        let avail = text_width(app.plan().right.map_or(1, |r| r.width as usize));
        let t = app.tables.as_ref().expect("tables shown");
        let v = t.current_view(&app.model, &app.derived).expect("a table");
        let cols = t
            .fitted(avail, app.opts.amb)
            .expect("fitted for this width");
        assert_eq!(*cols, pane_columns(&v, app.opts.amb, avail));
    };
    update(&mut app, Action::Tables);
    fresh(&app);
    for a in [
        Action::NextSibling,
        Action::Right,
        Action::Resize(90, 24),
        Action::ToggleOutline,
        Action::NextSibling,
        Action::Resize(61, 20),
        Action::ToggleOutline,
        Action::PrevSibling,
    ] {
        update(&mut app, a);
        fresh(&app);
    }
    // A stale fit is never used: another width finds none.
    let t = app.tables.as_ref().expect("tables shown");
    assert!(t.fitted(7, app.opts.amb).is_none());
}

/// The cell popup is laid out by `update` when it opens, again for another
/// cell or screen size, so the view only reads it.
#[test]
fn the_cell_popup_is_laid_out_when_it_opens_and_on_resize() {
    let mut app = app_at(bundled(), (80, 24));
    update(&mut app, Action::Tables);
    let fresh = |app: &App| {
        let body = Rect::new(0, 0, app.size.0, app.plan().status.y);
        let t = app.tables.as_ref().expect("tables shown");
        let p = t
            .popup_laid_out(body, app.opts.amb)
            .expect("laid out for this cell and size");
        let (_, text) = t.cell_text(&app.model, &app.derived).expect("a cell");
        assert_eq!(p.text, text);
        assert_eq!(
            (p.width, p.rows.clone()),
            super::tables::popup_layout(&text, body, app.opts.amb)
        );
    };
    update(&mut app, Action::CellPopup);
    assert_eq!(app.overlay, Some(Overlay::Popup));
    fresh(&app);
    update(&mut app, Action::Resize(40, 12));
    fresh(&app);
    update(&mut app, Action::Close);
    update(&mut app, Action::Right);
    update(&mut app, Action::CellPopup);
    fresh(&app);
}

#[test]
fn tables_with_no_columns_or_no_rows_that_validate_draw_at_every_size() {
    // a valid model is all the views may count on: empty tables are valid
    let mut m = bundled();
    for (k, t) in m.reports[0].tables.iter_mut().enumerate() {
        t.rows.clear();
        t.cell_spans.clear();
        if k == 0 {
            t.columns.clear();
            t.header.clear();
        }
    }
    m.reports[0]
        .indicators
        .retain(|i| !matches!(i.source, crate::model::IndicatorSource::Cell { .. }));
    assert_eq!(crate::model::validate::validate(&m), Vec::<String>::new());
    let keys = [
        Action::Tables,
        Action::Down,
        Action::Right,
        Action::Left,
        Action::Bottom,
        Action::Enter,
        Action::Tables,
        Action::Top,
        Action::PageDown,
    ];
    for size in [(80, 24), (200, 60), (20, 6), (1, 1)] {
        let mut app = app_at(m.clone(), size);
        for k in keys {
            update(&mut app, k);
            draw(&app);
        }
    }
}
