//! The Compare view on three years of a synthetic province of my own,
//! built by the builder: `D` opens the newest report against the year
//! before, the summary at 80x24 (moved, added, dropped sections, a target),
//! Enter into a section's sentences (runs marked in monochrome, coloured
//! otherwise), Enter on a sentence to the reader, `[` / `]` to the pair a
//! year away, Esc back and out.

use ratatui::backend::TestBackend;
use ratatui::style::{Color, Modifier};
use ratatui::Terminal;

use super::action::{Action, Focus};
use super::app::{App, Overlay};
use super::compare::Page;
use super::strings;
use super::test_support::{model_of, opts, run};
use super::ui::{self, cells::screen_text};
use crate::model::Model;

#[path = "../../tests/fixtures/three_years.rs"]
mod three_years;

use three_years::{report, zh, BODY_2023, BODY_2024, BODY_2025};

/// The newest report first, so the explorer opens on it.
fn model() -> Model {
    model_of(
        [(2025, BODY_2025), (2024, BODY_2024), (2023, BODY_2023)]
            .iter()
            .map(|(year, body)| (report(*year, body), format!("{year}.txt"))),
    )
}

fn terminal(app: &App) -> Terminal<TestBackend> {
    let (w, h) = app.size;
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    term.draw(|f| ui::draw(app, f.buffer_mut())).unwrap();
    term
}

fn screen(app: &App) -> String {
    screen_text(terminal(app).backend().buffer()).join("\n")
}

fn open() -> App {
    let mut app = App::new(model(), opts(), (80, 24));
    run(&mut app, &[Action::Compare]);
    app
}

/// The summary row index of the section B calls `heading`.
fn row_of(app: &App, heading: &str) -> usize {
    let c = app.compare.as_ref().unwrap();
    c.diff
        .sections
        .iter()
        .position(|s| s.b.as_ref().is_some_and(|b| b.heading == zh(heading)))
        .unwrap()
}

#[test]
fn d_opens_the_summary_of_this_report_against_the_year_before_at_80x24() {
    let app = open();
    assert_eq!(app.overlay, Some(Overlay::Compare));
    let c = app.compare.as_ref().unwrap();
    assert_eq!(c.diff.a.id, "jiangsu-2024");
    assert_eq!(c.diff.b.id, "jiangsu-2025");
    let s = screen(&app);
    assert!(
        s.lines()
            .next()
            .unwrap()
            .contains("Compare  jiangsu-2024 \u{2192} jiangsu-2025"),
        "{s}"
    );
    let line = |needle: &str| {
        s.lines()
            .find(|l| l.contains(&zh(needle)))
            .unwrap_or_else(|| panic!("{needle}: {s}"))
            .to_string()
    };
    assert!(
        line("二、(一)扩大有效投资").contains("changed moved"),
        "{s}"
    );
    assert!(line("深化重点领域改革").contains("added"), "{s}");
    assert!(line("办好民生实事").contains("dropped"), "{s}");
    assert!(
        line("地区生产总值").contains("target changed")
            && line("地区生产总值").contains("增长5%左右 \u{2192} 增长5.5%左右"),
        "{s}"
    );
    // every row fits the 80 columns and the status line says the keys
    assert!(s.contains("Enter:detail"), "{s}");
}

#[test]
fn enter_shows_a_sections_sentences_with_marked_runs_and_esc_goes_back_then_out() {
    let mut app = open();
    let r = row_of(&app, "扩大有效投资");
    app.compare.as_mut().unwrap().selected = r;
    run(&mut app, &[Action::Enter]);
    assert_eq!(app.compare.as_ref().unwrap().page, Page::Detail(r));
    let s = screen(&app);
    assert!(s.contains("[-力争-]{+确保+}"), "{s}");
    assert!(s.contains("> ~"), "{s}");
    run(&mut app, &[Action::Close]);
    assert_eq!(app.compare.as_ref().unwrap().page, Page::Summary);
    assert_eq!(app.overlay, Some(Overlay::Compare));
    run(&mut app, &[Action::Close]);
    assert_eq!(app.overlay, None);
}

#[test]
fn in_colour_runs_are_green_and_red_struck_without_marks() {
    let mut app = App::new(
        model(),
        super::app::Options {
            color: true,
            ..opts()
        },
        (80, 24),
    );
    run(&mut app, &[Action::Compare]);
    let r = row_of(&app, "扩大有效投资");
    app.compare.as_mut().unwrap().selected = r;
    run(&mut app, &[Action::Enter]);
    let term = terminal(&app);
    let buf = term.backend().buffer();
    let s = screen_text(buf).join("\n");
    assert!(!s.contains("{+"), "{s}");
    let find = |ch: &str| {
        let area = buf.area;
        (0..area.height)
            .flat_map(|y| (0..area.width).map(move |x| (x, y)))
            .map(|(x, y)| &buf[(x, y)])
            .find(|c| c.symbol() == ch)
            .unwrap()
            .clone()
    };
    let ins = find("\u{786E}"); // 确
    assert_eq!(ins.fg, Color::Green);
    let del = find("\u{529B}"); // 力
    assert_eq!(del.fg, Color::Red);
    assert!(del.modifier.contains(Modifier::CROSSED_OUT));
}

#[test]
fn enter_on_a_sentence_opens_it_in_the_reader() {
    let mut app = open();
    let r = row_of(&app, "深化重点领域改革");
    app.compare.as_mut().unwrap().selected = r;
    run(&mut app, &[Action::Enter, Action::Down, Action::Enter]);
    assert_eq!(app.overlay, None);
    assert_eq!(app.focus, Focus::Reader);
    let hl = app.reader.highlight.clone().unwrap();
    assert!(hl.starts_with("jiangsu-2025:s2.3"), "{hl}");
}

#[test]
fn brackets_step_both_reports_a_year_and_say_when_there_is_none() {
    let mut app = open();
    run(&mut app, &[Action::Left]);
    let c = app.compare.as_ref().unwrap();
    assert_eq!(
        (c.diff.a.id.as_str(), c.diff.b.id.as_str()),
        ("jiangsu-2023", "jiangsu-2024")
    );
    run(&mut app, &[Action::Left]);
    assert_eq!(app.message, Some(strings::NO_EARLIER_REPORT));
    assert_eq!(app.compare.as_ref().unwrap().diff.a.id, "jiangsu-2023");
    run(&mut app, &[Action::Right]);
    assert_eq!(app.compare.as_ref().unwrap().diff.b.id, "jiangsu-2025");
    run(&mut app, &[Action::Right]);
    assert_eq!(app.message, Some(strings::NO_LATER_REPORT));
}

#[test]
fn moving_past_the_screen_scrolls_and_the_view_fits_a_small_screen() {
    let mut app = open();
    let n = app.compare.as_ref().unwrap().summary_rows();
    for _ in 0..n + 3 {
        run(&mut app, &[Action::Down]);
    }
    assert_eq!(app.compare.as_ref().unwrap().selected, n - 1);
    run(&mut app, &[Action::Resize(40, 8), Action::Up]);
    let c = app.compare.as_ref().unwrap();
    assert!(c.selected >= c.offset && c.selected < c.offset + ui::compare::list_rows(7));
    let s = screen(&app);
    assert!(
        s.lines()
            .all(|l| crate::text::str_width(l, opts().amb) <= 40),
        "{s}"
    );
}
