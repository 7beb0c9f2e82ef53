//! Copy with a citation, driven through `update`: y in the reader copies the
//! highlighted sentence (else the first on screen), in the tables pane the
//! cursor's row, Y the whole table; C-y cycles the format; the status line
//! says what was copied. The terminal layer's bytes are tested in
//! tests/tui_copy_pty.rs.

use super::action::Action;
use super::app::{App, Options};
use super::update::update;
use crate::model::cite::{cite_table_id, cite_text, CiteFormat};
use crate::model::Location;
use crate::text::AmbiguousWidth;

fn bundled() -> App {
    let opts = Options {
        amb: AmbiguousWidth::Narrow,
        color: false,
        mouse: false,
    };
    App::new(crate::load_plan_model().unwrap(), opts, (80, 24))
}

#[test]
fn y_in_the_reader_copies_the_highlighted_sentence_with_its_citation() {
    let mut a = bundled();
    let id = "pudong-2024-plan:s1.3:p3.6";
    assert!(a.jump(&Location::Sentence {
        report: "pudong-2024-plan".into(),
        section: "pudong-2024-plan:s1.3".into(),
        sentence: id.into(),
    }));
    update(&mut a, Action::Copy);
    let want = cite_text(&a.model, id, CiteFormat::Text).unwrap();
    assert_eq!(a.clipboard.as_deref(), Some(want.as_str()));
    let note = a.note.clone().unwrap();
    assert!(note.starts_with("copied text sentence: "), "{note}");
    assert!(note.contains("90.4%"), "{note}");
    // The note goes with the next key; the format cycles with C-y.
    a.clipboard = None;
    update(&mut a, Action::CopyFormat);
    assert_eq!(a.copy_format, CiteFormat::Markdown);
    update(&mut a, Action::Copy);
    let md = cite_text(&a.model, id, CiteFormat::Markdown).unwrap();
    assert_eq!(a.clipboard.as_deref(), Some(md.as_str()));
    update(&mut a, Action::Down);
    assert!(a.note.is_none());
}

#[test]
fn y_without_a_highlight_copies_the_first_sentence_on_screen() {
    let mut a = bundled();
    update(&mut a, Action::Down);
    update(&mut a, Action::Enter);
    update(&mut a, Action::Copy);
    let text = a.clipboard.clone().expect("copied");
    let d = &a.reader.doc;
    let i = d
        .first_sentence_from(a.reader.top, a.reader.height)
        .unwrap();
    assert_eq!(
        Some(text),
        cite_text(&a.model, &d.sentences[i as usize], CiteFormat::Text)
    );
}

#[test]
fn y_in_the_tables_pane_copies_the_row_and_shift_y_the_table_as_csv() {
    let mut a = bundled();
    update(&mut a, Action::Tables);
    update(&mut a, Action::Down);
    update(&mut a, Action::Down);
    update(&mut a, Action::CopyFormat);
    update(&mut a, Action::CopyFormat);
    assert_eq!(a.copy_format, CiteFormat::Csv);
    update(&mut a, Action::Copy);
    let row = cite_table_id(&a.model, "pudong-2024-plan:t1", Some(2), CiteFormat::Csv);
    assert_eq!(a.clipboard, row);
    assert!(a.note.as_deref().unwrap().contains("row 3"));
    update(&mut a, Action::CopyAll);
    let all = cite_table_id(&a.model, "pudong-2024-plan:t1", None, CiteFormat::Csv);
    assert_eq!(a.clipboard, all);
}

#[test]
fn a_derived_table_row_is_copied_with_the_derived_id_and_marked_derived() {
    let mut a = bundled();
    update(&mut a, Action::Tables);
    let i = a
        .tables
        .as_ref()
        .unwrap()
        .list
        .iter()
        .position(|r| matches!(r, super::tables::TableRef::Derived(_)))
        .expect("a derived table");
    let (model, derived) = (&a.model, &a.derived);
    a.tables.as_mut().unwrap().select(i, model, derived);
    update(&mut a, Action::Copy);
    let text = a.clipboard.clone().expect("copied");
    let super::tables::TableRef::Derived(d) = a.tables.as_ref().unwrap().list[i] else {
        unreachable!()
    };
    let d = &a.derived[d];
    assert!(text.starts_with(&d.title), "{text}");
    assert!(text.contains(super::strings::DERIVED));
    assert!(text.contains(&d.rows[0].join(" | ")), "{text}");
    assert!(
        text.trim_end().ends_with(&format!("{}, row 1", d.id)),
        "{text}"
    );
}
