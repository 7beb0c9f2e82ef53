//! Jumps that land (issue 10 items 2, 3 and 8): a search jump to a cell
//! shows the cell, tables Enter lands on the row (highlighted) in the
//! reader, and J / K between tables move the outline and the status line
//! along. Driven through `update` on the bundled model; no terminal.

use super::action::{Action, Focus};
use super::app::App;
use super::tables::TableRef;
use super::test_support::{bundled_app as bundled, run};
use crate::model::Location;

#[test]
fn a_search_jump_to_a_cell_scrolls_its_column_into_view() {
    let mut a = bundled(80, 24);
    run(&mut a, &[Action::SearchOpen]);
    for c in "sdwz ndmb".chars() {
        run(&mut a, &[Action::Input(c)]);
    }
    let hit = a.search.hits.first().expect("a hit").clone();
    let Location::Cell { row, column, .. } = hit.location.clone() else {
        panic!("a cell hit: {hit:?}")
    };
    run(&mut a, &[Action::Enter]);
    assert_eq!(a.focus, Focus::Tables);
    let t = a.tables.as_ref().unwrap();
    assert_eq!((t.rows[t.cursor], t.col), (row, column));
    assert!(t.col_offset > 0, "the target column was left scrolled away");
    // Already in view: scrolling again changes nothing.
    let off = t.col_offset;
    a.scroll_table_cols();
    assert_eq!(a.tables.as_ref().unwrap().col_offset, off);
    // The first l moves one column right of the cell, not past it.
    let ncols = a
        .tables
        .as_ref()
        .unwrap()
        .current_view(&a.model, &a.derived)
        .unwrap()
        .columns
        .len();
    run(&mut a, &[Action::Right]);
    assert_eq!(a.tables.as_ref().unwrap().col, (column + 1).min(ncols - 1));
}

/// The reader's highlighted row is on screen.
fn row_on_screen(a: &App, table: &str, row: usize) {
    assert_eq!(
        a.reader.highlight_row.as_ref(),
        Some(&(table.to_string(), row))
    );
    let lines = a.reader.doc.lines_of_row(table, row).unwrap();
    assert!(
        lines.start >= a.reader.top && lines.start < a.reader.top + a.reader.height,
        "row at line {} top {}",
        lines.start,
        a.reader.top
    );
    assert!(lines.start > a.reader.doc.line_of_table(table).unwrap() + 2);
}

#[test]
fn tables_enter_lands_on_the_row_highlighted_not_at_the_top_of_the_table() {
    let mut a = bundled(80, 24);
    run(&mut a, &[Action::Tables]);
    for _ in 0..12 {
        run(&mut a, &[Action::Down]);
    }
    let Some(Location::Cell { table, row, .. }) =
        a.tables.as_ref().unwrap().row_source(&a.model, &a.derived)
    else {
        panic!("a printed table")
    };
    assert_eq!(row, 12);
    run(&mut a, &[Action::Enter]);
    assert_eq!(a.focus, Focus::Reader);
    row_on_screen(&a, &table, 12);
    // Moving on clears nothing by itself; opening another section does.
    run(&mut a, &[Action::NextSection]);
    assert!(a.reader.highlight_row.is_none());
}

#[test]
fn a_derived_row_whose_source_is_a_cell_lands_on_that_row() {
    let mut a = bundled(80, 24);
    run(&mut a, &[Action::Tables]);
    let (i, k, table, row) = a
        .tables
        .as_ref()
        .unwrap()
        .list
        .iter()
        .enumerate()
        .find_map(|(i, r)| match r {
            TableRef::Derived(d) => {
                a.derived[*d]
                    .row_sources
                    .iter()
                    .enumerate()
                    .find_map(|(k, s)| match s {
                        Some(Location::Cell { table, row, .. }) if *row > 5 => {
                            Some((i, k, table.clone(), *row))
                        }
                        _ => None,
                    })
            }
            _ => None,
        })
        .expect("a derived row from a cell");
    let (model, derived) = (&a.model, &a.derived);
    let t = a.tables.as_mut().unwrap();
    t.select(i, model, derived);
    t.move_row(k as isize);
    run(&mut a, &[Action::Enter]);
    row_on_screen(&a, &table, row);
}

#[test]
fn j_and_k_between_tables_move_the_outline_and_the_status_line_along() {
    let mut a = bundled(80, 24);
    run(&mut a, &[Action::Tables]);
    let crumb0 = super::ui::status::breadcrumb(&a);
    run(&mut a, &[Action::NextSibling]);
    let t = a.tables.as_ref().unwrap();
    let Some(TableRef::Printed { report, table }) = t.current_ref() else {
        panic!("a printed table second")
    };
    let id = &a.model.reports[report].tables[table].id;
    let n = a.outline.selected_node().unwrap();
    assert_eq!(&a.outline.nodes[n].id, id);
    let crumb = super::ui::status::breadcrumb(&a);
    assert_ne!(crumb, crumb0);
    let num = &a.model.reports[report].tables[table].number;
    assert!(crumb.contains(&format!("\u{8868}{num}")), "{crumb}");
    assert_eq!(a.focus, Focus::Tables);
    run(&mut a, &[Action::PrevSibling]);
    let back = super::ui::status::breadcrumb(&a);
    assert!(
        back.ends_with("\u{8868}1 2023年浦东新区国民经济和社会发展主要经济社会指标完成情况"),
        "{back}"
    );
}

#[test]
fn tables_enter_row_in_the_reader_80x24_snapshot() {
    use ratatui::backend::TestBackend;
    use ratatui::style::Modifier;
    use ratatui::Terminal;
    let mut a = bundled(80, 24);
    run(&mut a, &[Action::Tables]);
    for _ in 0..12 {
        run(&mut a, &[Action::Down]);
    }
    run(&mut a, &[Action::Enter]);
    let mut term = Terminal::new(TestBackend::new(80, 24)).unwrap();
    term.draw(|f| super::ui::draw(&a, f.buffer_mut())).unwrap();
    let buf = term.backend().buffer().clone();
    let rows = super::ui::cells::screen_text(&buf);
    insta::assert_snapshot!("tables_enter_row_80x24", rows.join("\n"));
    // The row (序号 13) is drawn reversed (monochrome), and nothing else is.
    let lit: String = buf
        .content
        .iter()
        .filter(|c| c.modifier.contains(Modifier::REVERSED))
        .map(|c| c.symbol())
        .collect();
    for piece in ["新增就", "业岗位", "14.1万"] {
        assert!(lit.contains(piece), "{piece}: {lit}");
    }
    assert!(!lit.contains("本市户") && !lit.contains("算支出"), "{lit}");
}
