//! Screen snapshots (insta, ratatui TestBackend) of the main screens at
//! 120x40, 80x24 and 40x12 in both ambiguous-width modes, each driven by a
//! scripted sequence of actions on a small hand-built model. The text shown
//! is what a terminal with that ambiguous width displays (covered cells of
//! two-column characters are not repeated).

use ratatui::backend::TestBackend;
use ratatui::style::Color;
use ratatui::Terminal;

use super::action::Action;
use super::app::{App, Options};
use super::testmodel::small_model;
use super::ui::{self, cells::screen_text};
use super::update::update;
use crate::text::{str_width, AmbiguousWidth};

const SIZES: [(u16, u16); 3] = [(120, 40), (80, 24), (40, 12)];

fn screen(
    amb: AmbiguousWidth,
    (w, h): (u16, u16),
    script: &[Action],
) -> (Vec<String>, ratatui::buffer::Buffer) {
    let opts = Options {
        amb,
        color: false,
        mouse: false,
    };
    let mut app = App::new(small_model(), opts, (w, h));
    for a in script {
        update(&mut app, *a);
    }
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    term.draw(|f| ui::draw(&app, f.buffer_mut())).unwrap();
    let buf = term.backend().buffer().clone();
    (screen_text(&buf), buf)
}

fn scripts() -> Vec<(&'static str, Vec<Action>)> {
    use Action::*;
    vec![
        ("reading", vec![Down, Down, Right, Down, Enter, Down]),
        ("tables", vec![Tables, Right, Right, Sort]),
        ("help", vec![Help]),
    ]
}

fn mode_name(amb: AmbiguousWidth) -> &'static str {
    match amb {
        AmbiguousWidth::Narrow => "narrow",
        AmbiguousWidth::Wide => "wide",
    }
}

#[test]
fn main_screens() {
    for amb in [AmbiguousWidth::Narrow, AmbiguousWidth::Wide] {
        for size in SIZES {
            for (name, script) in scripts() {
                let (rows, _) = screen(amb, size, &script);
                // No row is wider than the terminal in this mode.
                for r in &rows {
                    assert!(
                        str_width(r, amb) <= size.0 as usize,
                        "{name} {size:?} {amb:?}: {r}"
                    );
                }
                let snap = format!("{name}_{}x{}_{}", size.0, size.1, mode_name(amb));
                insta::assert_snapshot!(snap, rows.join("\n"));
            }
        }
    }
}

#[test]
fn the_outline_border_is_in_one_column_on_every_row_in_both_modes() {
    for amb in [AmbiguousWidth::Narrow, AmbiguousWidth::Wide] {
        let (rows, _) = screen(amb, (80, 24), &scripts()[0].1);
        let bar = super::glyphs::Glyphs::for_mode(amb).vbar;
        let mut cols = std::collections::BTreeSet::new();
        for r in &rows[..23] {
            let mut w = 0;
            for c in r.chars() {
                if c == bar {
                    cols.insert(w);
                    break;
                }
                w += crate::text::char_width(c, amb);
            }
        }
        assert_eq!(cols.len(), 1, "{amb:?}: {cols:?}");
    }
}

#[test]
fn monochrome_uses_no_color_and_marks_the_selection() {
    let (rows, buf) = screen(AmbiguousWidth::Narrow, (80, 24), &[Action::Down]);
    assert!(buf
        .content
        .iter()
        .all(|c| c.fg == Color::Reset && c.bg == Color::Reset));
    assert!(rows[2].starts_with('>'), "{}", rows[2]);
}

#[test]
fn too_small_is_one_short_line() {
    let (rows, _) = screen(AmbiguousWidth::Narrow, (19, 5), &[]);
    assert_eq!(rows[0], "terminal too small");
    assert!(rows[1..].iter().all(|r| r.is_empty()));
}

#[test]
fn indicator_records_popup_80x24() {
    // Real data: the bundled model, at the Shanghai sentence that gives 4.72万亿元.
    let opts = Options {
        amb: AmbiguousWidth::Narrow,
        color: false,
        mouse: false,
    };
    let m = crate::load_plan_model().unwrap();
    let ind = m.reports.iter().flat_map(|r| r.indicators.iter());
    let ind = ind.clone().find(|i| i.value_text == "4.72万亿元").unwrap();
    let crate::model::IndicatorSource::Sentence { sentence, .. } = ind.source.clone() else {
        panic!("a sentence record")
    };
    let loc = crate::model::Location::Sentence {
        report: ind.report.clone(),
        section: sentence.rsplit_once(":p").unwrap().0.to_string(),
        sentence,
    };
    let mut app = App::new(m, opts, (80, 24));
    assert!(app.jump(&loc));
    update(&mut app, Action::Records);
    let mut term = Terminal::new(TestBackend::new(80, 24)).unwrap();
    term.draw(|f| ui::draw(&app, f.buffer_mut())).unwrap();
    let buf = term.backend().buffer().clone();
    let rows = screen_text(&buf);
    insta::assert_snapshot!("records_80x24", rows.join("\n"));
    // The number is underlined in the reader (monochrome: underline, no color).
    update(&mut app, Action::Close);
    term.draw(|f| ui::draw(&app, f.buffer_mut())).unwrap();
    let buf = term.backend().buffer().clone();
    let underlined: String = buf
        .content
        .iter()
        .filter(|c| c.modifier.contains(ratatui::style::Modifier::UNDERLINED))
        .map(|c| c.symbol())
        .collect();
    assert!(underlined.contains("4.72万亿元"), "{underlined}");
    assert!(buf.content.iter().all(|c| c.fg == Color::Reset));
}
