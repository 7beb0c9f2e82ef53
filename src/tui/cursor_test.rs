//! The reader cursor: `)` / `(` move the highlighted sentence, `>` / `<` the
//! number within it, `i` then shows only that number's record, and `y`
//! copies the cursor sentence. On the bundled model (real indicator marks).

use ratatui::backend::TestBackend;
use ratatui::style::Modifier;
use ratatui::Terminal;

use super::action::{Action, Focus, Mode};
use super::app::{App, Options};
use super::cursor::numbers;
use super::records::RecordsScope;
use super::ui::{self, cells::screen_text};
use super::update::update;
use crate::model::{IndicatorSource, Location};
use crate::text::AmbiguousWidth;

/// The bundled model at 80x24, the reader open (top of the section) on the
/// Shanghai section with the 4.72万亿元 sentence; that sentence's id.
fn at_gdp_section() -> (App, String) {
    let opts = Options {
        amb: AmbiguousWidth::Narrow,
        color: false,
        mouse: false,
    };
    let m = crate::load_plan_model().unwrap();
    let ind = m.reports.iter().flat_map(|r| r.indicators.iter());
    let ind = ind.clone().find(|i| i.value_text == "4.72万亿元").unwrap();
    let IndicatorSource::Sentence { sentence, .. } = ind.source.clone() else {
        panic!("a sentence record")
    };
    let loc = Location::Section {
        report: ind.report.clone(),
        section: sentence.rsplit_once(":p").unwrap().0.to_string(),
    };
    let mut app = App::new(m, opts, (80, 24));
    assert!(app.jump(&loc));
    assert_eq!(app.focus, Focus::Reader);
    assert_eq!(app.mode(), Mode::Reader);
    (app, sentence)
}

fn cursor_index(app: &App) -> u32 {
    app.reader.cursor_sentence().expect("a cursor sentence")
}

fn visible(app: &App, line: usize) -> bool {
    line >= app.reader.top && line < app.reader.top + app.reader.height
}

#[test]
fn sentence_keys_move_the_highlight_one_sentence_and_keep_it_on_screen() {
    let (mut app, _) = at_gdp_section();
    assert!(app.reader.highlight.is_none());
    update(&mut app, Action::SentenceNext);
    let first = cursor_index(&app);
    let n = app.reader.doc.sentences.len() as u32;
    for k in 1..n.min(40) {
        update(&mut app, Action::SentenceNext);
        assert_eq!(cursor_index(&app), first + k);
        let l = app.reader.doc.sentence_line[(first + k) as usize];
        assert!(
            visible(&app, l),
            "sentence {} line {l} top {}",
            first + k,
            app.reader.top
        );
    }
    let here = cursor_index(&app);
    update(&mut app, Action::SentencePrev);
    assert_eq!(cursor_index(&app), here - 1);
    // Past the last sentence: it stays, with a message.
    for _ in 0..n + 2 {
        update(&mut app, Action::SentenceNext);
    }
    assert_eq!(cursor_index(&app), n - 1);
    assert!(app.message.is_some());
}

#[test]
fn number_keys_walk_the_marked_numbers_in_reading_order() {
    let (mut app, _) = at_gdp_section();
    let list = numbers(&app.reader.doc);
    assert!(list.len() >= 3, "{list:?}");
    update(&mut app, Action::NumberNext);
    let start = list
        .iter()
        .position(|m| {
            Some(m.sentence) == app.reader.cursor_sentence()
                && Some(m.record) == app.reader.cursor_number()
        })
        .unwrap();
    for m in &list[start + 1..] {
        update(&mut app, Action::NumberNext);
        assert_eq!(app.reader.cursor_sentence(), Some(m.sentence));
        assert_eq!(app.reader.cursor_number(), Some(m.record));
        assert!(visible(&app, m.line));
    }
    update(&mut app, Action::NumberPrev);
    let (s, r) = (list[list.len() - 2].sentence, list[list.len() - 2].record);
    assert_eq!(
        (app.reader.cursor_sentence(), app.reader.cursor_number()),
        (Some(s), Some(r))
    );
    // A sentence move drops the number.
    update(&mut app, Action::SentencePrev);
    assert!(app.message.is_none());
    assert_eq!(app.reader.cursor_number(), None);
}

#[test]
fn i_shows_only_the_record_of_the_cursor_number() {
    let (mut app, sid) = at_gdp_section();
    // Walk to the 4.72万亿元 number.
    let report = app.reader.doc.report.unwrap();
    let target = app.model.reports[report]
        .indicators
        .iter()
        .position(|i| i.value_text == "4.72万亿元")
        .unwrap();
    for _ in 0..200 {
        update(&mut app, Action::NumberNext);
        if app.reader.cursor_number() == Some(target) {
            break;
        }
    }
    assert_eq!(app.reader.cursor_number(), Some(target));
    assert_eq!(app.reader.highlight.as_deref(), Some(sid.as_str()));
    update(&mut app, Action::Records);
    let p = app.records.clone().expect("records popup");
    assert_eq!(p.scope, RecordsScope::Number);
    assert_eq!(p.records, vec![target]);
    update(&mut app, Action::Close);
    // Without a number (a sentence cursor only), the sentence's records.
    update(&mut app, Action::SentenceNext);
    update(&mut app, Action::SentencePrev);
    assert_eq!(app.reader.cursor_number(), None);
    update(&mut app, Action::Records);
    if let Some(p) = &app.records {
        assert_ne!(p.scope, RecordsScope::Number);
    }
}

#[test]
fn y_copies_the_cursor_sentence() {
    let (mut app, _) = at_gdp_section();
    update(&mut app, Action::SentenceNext);
    update(&mut app, Action::SentenceNext);
    let id = app.reader.highlight.clone().unwrap();
    update(&mut app, Action::Copy);
    let text = app.clipboard.clone().expect("copied");
    assert!(text.contains(&id), "{text}");
}

#[test]
fn cursor_on_a_number_80x24() {
    let (mut app, _) = at_gdp_section();
    let report = app.reader.doc.report.unwrap();
    let target = app.model.reports[report]
        .indicators
        .iter()
        .position(|i| i.value_text == "4.72万亿元")
        .unwrap();
    for _ in 0..200 {
        update(&mut app, Action::NumberNext);
        if app.reader.cursor_number() == Some(target) {
            break;
        }
    }
    let mut term = Terminal::new(TestBackend::new(80, 24)).unwrap();
    term.draw(|f| ui::draw(&app, f.buffer_mut())).unwrap();
    let buf = term.backend().buffer().clone();
    insta::assert_snapshot!("reader_cursor_number_80x24", screen_text(&buf).join("\n"));
    // The cursor number is bold and not reversed; the rest of the sentence is reversed.
    let at_cursor: String = buf
        .content
        .iter()
        .filter(|c| c.modifier.contains(Modifier::BOLD) && !c.modifier.contains(Modifier::REVERSED))
        .filter(|c| c.modifier.contains(Modifier::UNDERLINED))
        .map(|c| c.symbol())
        .collect();
    assert!(at_cursor.contains("4.72万亿元"), "{at_cursor}");
    let reversed = buf
        .content
        .iter()
        .filter(|c| c.modifier.contains(Modifier::REVERSED))
        .count();
    assert!(reversed > 10);
}

#[test]
fn enter_on_a_record_jumps_to_its_source_and_c_o_comes_back() {
    let (mut app, _) = at_gdp_section();
    // Every number on screen: several records; Tab selects the second.
    update(&mut app, Action::Records);
    let p = app.records.clone().expect("records popup");
    assert_eq!(p.scope, RecordsScope::Screen);
    assert!(p.records.len() >= 2, "{:?}", p.records);
    update(&mut app, Action::NextSibling);
    assert_eq!(app.records.as_ref().unwrap().selected, 1);
    update(&mut app, Action::PrevSibling);
    update(&mut app, Action::PrevSibling);
    assert_eq!(app.records.as_ref().unwrap().selected, 0);
    update(&mut app, Action::NextSibling);
    let want = p.records[1];
    let report = app.reader.doc.report.unwrap();
    let IndicatorSource::Sentence { sentence, .. } =
        app.model.reports[report].indicators[want].source.clone()
    else {
        panic!("a sentence record")
    };
    let before = (
        app.reader.node,
        app.reader.top,
        app.reader.highlight.clone(),
    );
    update(&mut app, Action::Enter);
    assert!(app.records.is_none() && app.overlay.is_none());
    assert_eq!(app.reader.highlight.as_deref(), Some(sentence.as_str()));
    assert_eq!(app.reader.cursor_number(), Some(want));
    let l = app.reader.doc.line_of_sentence(&sentence).unwrap();
    assert!(visible(&app, l));
    // The jump is in the jump list.
    update(&mut app, Action::JumpBack);
    assert_eq!(
        (
            app.reader.node,
            app.reader.top,
            app.reader.highlight.clone()
        ),
        before
    );
}

#[test]
fn enter_on_a_cell_record_opens_the_tables_pane_on_the_cell() {
    let (mut app, _) = at_gdp_section();
    let (ri, i) = app
        .model
        .reports
        .iter()
        .enumerate()
        .find_map(|(ri, r)| {
            r.indicators
                .iter()
                .position(|x| matches!(x.source, IndicatorSource::Cell { .. }))
                .map(|i| (ri, i))
        })
        .unwrap();
    app.records = Some(super::records::RecordsPopup::new(
        ri,
        vec![i],
        RecordsScope::Row,
    ));
    app.overlay = Some(super::app::Overlay::Records);
    update(&mut app, Action::Enter);
    assert_eq!(app.focus, Focus::Tables);
    let IndicatorSource::Cell { row, column, .. } =
        app.model.reports[ri].indicators[i].source.clone()
    else {
        unreachable!()
    };
    let t = app.tables.as_ref().unwrap();
    assert_eq!((t.rows.get(t.cursor).copied(), t.col), (Some(row), column));
}

#[test]
fn cursor_keys_on_an_empty_model_and_an_empty_reader_are_harmless() {
    let opts = Options {
        amb: AmbiguousWidth::Wide,
        color: true,
        mouse: false,
    };
    let mut a = App::new(super::testmodel::empty_model(), opts, (80, 24));
    use Action::*;
    for act in [
        FocusNext,
        SentenceNext,
        SentencePrev,
        NumberNext,
        NumberPrev,
        Records,
        NextSibling,
        Enter,
        Close,
        Copy,
    ] {
        update(&mut a, act);
        let mut buf = ratatui::buffer::Buffer::empty(ratatui::layout::Rect::new(0, 0, 80, 24));
        ui::draw(&a, &mut buf);
    }
    assert!(a.reader.cursor_sentence().is_none());
    assert!(!a.quit);
}
