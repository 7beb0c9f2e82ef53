//! The Trend view on a small corpus of my own work reports (built by the
//! builder): counting a phrase typed in Chinese or pinyin, the years, the
//! sentences of a year, Enter into the reader, and the screen at 80×24 in
//! both ambiguous-width modes; with the Trend worker, the pending state,
//! the answer arriving as a message, and a stale answer dropped.

use ratatui::backend::TestBackend;
use ratatui::Terminal;

use super::action::Action;
use super::app::{App, Overlay};
use super::test_support::{model_of, opts, run, settle_trend, typed};
use super::trend::Stage;
use super::ui::{self, cells::screen_text};
use super::update::update;
use crate::model::Model;
use crate::text::AmbiguousWidth;

/// A work report of `region` for `year` with `body` under its second heading.
fn text(region: &str, year: u16, body: &str) -> String {
    format!(
        "{region}\u{653F}\u{5E9C}\u{5DE5}\u{4F5C}\u{62A5}\u{544A}\n\n\
         \u{2014}\u{2014}{year}\u{5E74}1\u{6708}20\u{65E5}\u{5728}{region}\u{7B2C}\u{5341}\u{56DB}\u{5C4A}\u{4EBA}\u{6C11}\u{4EE3}\u{8868}\u{5927}\u{4F1A}\u{7B2C}\u{4E8C}\u{6B21}\u{4F1A}\u{8BAE}\u{4E0A}\n\n\
         \u{5404}\u{4F4D}\u{4EE3}\u{8868}\u{FF1A}\n\n\
         \u{4E00}\u{3001}\u{5DE5}\u{4F5C}\u{56DE}\u{987E}\n\n\
         \u{8FC7}\u{53BB}\u{4E00}\u{5E74}\u{7ECF}\u{6D4E}\u{7A33}\u{5B9A}\u{3002}\n\n\
         \u{4E8C}\u{3001}{year}\u{5E74}\u{5DE5}\u{4F5C}\u{5B89}\u{6392}\n\n\
         {body}\n"
    )
}

/// 低空经济: 浙江 2023 once, 浙江 2024 twice (one sentence), 江苏 2024 once.
fn model() -> Model {
    let zj = "\u{6D59}\u{6C5F}\u{7701}";
    let js = "\u{6C5F}\u{82CF}\u{7701}";
    let dk = "\u{4F4E}\u{7A7A}\u{7ECF}\u{6D4E}";
    let reports = [
        (
            zj,
            2022,
            "\u{63A8}\u{8FDB}\u{57CE}\u{5E02}\u{66F4}\u{65B0}\u{3002}".to_string(),
        ),
        (zj, 2023, format!("\u{53D1}\u{5C55}{dk}\u{3002}")),
        (
            zj,
            2024,
            format!("\u{505A}\u{5F3A}{dk}\u{FF0C}\u{58EE}\u{5927}{dk}\u{4EA7}\u{4E1A}\u{3002}"),
        ),
        (js, 2024, format!("\u{63A2}\u{7D22}{dk}\u{3002}")),
    ];
    model_of(
        reports
            .iter()
            .map(|(region, year, body)| (text(region, *year, body), format!("{year}.txt"))),
    )
}

fn app() -> App {
    App::new(model(), opts(), (80, 24))
}

/// The screen as drawn (in the ambiguous-width mode of `app.opts`).
fn screen(app: &App) -> Vec<String> {
    let backend = TestBackend::new(80, 24);
    let mut term = Terminal::new(backend).unwrap();
    term.draw(|f| ui::draw(app, f.buffer_mut())).unwrap();
    screen_text(term.backend().buffer())
}

#[test]
fn typing_a_phrase_and_enter_counts_it_per_year() {
    let mut a = app();
    run(&mut a, &[Action::Trend]);
    assert_eq!(a.overlay, Some(Overlay::Trend));
    typed(&mut a, "\u{4F4E}\u{7A7A}\u{7ECF}\u{6D4E}");
    run(&mut a, &[Action::Enter]);
    let t = a.trend.as_ref().unwrap();
    assert_eq!((t.total, t.searched), (4, 4));
    // from the first use on; the busiest year selected
    let years: Vec<(u16, usize, usize)> = t
        .years
        .iter()
        .map(|y| (y.year, y.reports, y.count))
        .collect();
    assert_eq!(years, vec![(2023, 1, 1), (2024, 2, 3)]);
    assert_eq!(t.year, 1);
    assert!(t
        .first
        .as_deref()
        .unwrap()
        .starts_with("2023 \u{6D59}\u{6C5F}\u{7701} "));
}

#[test]
fn pinyin_is_counted_as_the_phrase_it_spells() {
    let mut a = app();
    run(&mut a, &[Action::Trend]);
    typed(&mut a, "dkjj");
    run(&mut a, &[Action::Enter]);
    let t = a.trend.as_ref().unwrap();
    assert_eq!(t.phrase, "\u{4F4E}\u{7A7A}\u{7ECF}\u{6D4E}");
    assert_eq!(t.total, 4);
    // a spelling nothing spells is a message, not a panic
    run(&mut a, &[Action::Edit(super::prompt::Edit::ToStart)]);
    typed(&mut a, "qqqqq");
    run(&mut a, &[Action::Enter]);
    assert!(a.trend.as_ref().unwrap().error.is_some());
}

#[test]
fn enter_on_a_year_lists_its_sentences_and_enter_opens_one_in_the_reader() {
    let mut a = app();
    run(&mut a, &[Action::Trend]);
    typed(&mut a, "\u{4F4E}\u{7A7A}\u{7ECF}\u{6D4E}");
    run(&mut a, &[Action::Enter, Action::Enter]);
    let t = a.trend.as_ref().unwrap();
    assert_eq!(t.stage, Stage::Sentences);
    assert_eq!(t.lines.len(), 2);
    assert_eq!(t.lines[0].count + t.lines[1].count, 3);
    // Esc goes back to the years, Enter again to the sentences
    run(&mut a, &[Action::Close]);
    assert_eq!(a.trend.as_ref().unwrap().stage, Stage::Years);
    run(&mut a, &[Action::Enter, Action::Down, Action::Enter]);
    assert_eq!(a.overlay, None);
    let want = a
        .model
        .reports
        .iter()
        .find(|r| {
            r.region.as_deref() == Some("\u{6C5F}\u{82CF}\u{7701}") && r.plan_year == Some(2024)
        })
        .unwrap()
        .id
        .clone();
    assert_eq!(
        a.current_report().map(|r| a.model.reports[r].id.clone()),
        Some(want)
    );
    assert!(a.reader.highlight.is_some());
    // P again shows the view as it was left
    run(&mut a, &[Action::Trend]);
    assert_eq!(a.trend.as_ref().unwrap().stage, Stage::Sentences);
}

#[test]
fn the_screen_at_80x24_shows_the_prompt_the_summary_and_a_bar_per_year() {
    let mut a = app();
    run(&mut a, &[Action::Trend]);
    let s = screen(&a);
    assert!(s[1].contains("Enter counts"), "{s:#?}");
    typed(&mut a, "\u{4F4E}\u{7A7A}\u{7ECF}\u{6D4E}");
    run(&mut a, &[Action::Enter]);
    for amb in [AmbiguousWidth::Narrow, AmbiguousWidth::Wide] {
        a.opts.amb = amb;
        let s = screen(&a);
        assert!(s[0].contains("Trend"), "{s:#?}");
        assert!(s[1].contains("4x in 3/4 reports, first 2023"), "{s:#?}");
        let y23 = s.iter().find(|l| l.starts_with("2023")).unwrap();
        let y24 = s.iter().find(|l| l.starts_with("2024")).unwrap();
        assert!(y24.contains("3 in 2/2"), "{s:#?}");
        let bar = |l: &str, c: char| l.chars().filter(|&x| x == c).count();
        let c = if amb == AmbiguousWidth::Wide {
            '#'
        } else {
            '\u{2588}'
        };
        assert!(bar(y24, c) > bar(y23, c) && bar(y23, c) > 0, "{s:#?}");
        if amb == AmbiguousWidth::Wide {
            assert!(s.iter().all(|l| !l.contains('\u{2588}')), "{s:#?}");
        }
    }
    run(&mut a, &[Action::Enter]);
    let s = screen(&a);
    assert!(s[2].starts_with(" 2024: 2 sentence(s)"), "{s:#?}");
    assert!(s[3].contains("\u{6D59}\u{6C5F}\u{7701}"), "{s:#?}");
}

#[test]
fn from_a_pack_the_count_reads_the_pack_with_the_explorers_stubs() {
    let mut a = pack_app();
    run(&mut a, &[Action::Trend]);
    typed(&mut a, "dkjj");
    run(&mut a, &[Action::Enter]);
    let t = a.trend.as_ref().unwrap();
    assert_eq!(
        (t.phrase.as_str(), t.total, t.searched),
        ("\u{4F4E}\u{7A7A}\u{7ECF}\u{6D4E}", 4, 4)
    );
    run(&mut a, &[Action::Enter, Action::Enter]);
    assert_eq!(a.overlay, None);
    assert!(a.reader.highlight.is_some());
}

/// The app opened on a pack of the model, as the explorer opens the bundled
/// corpus (reports are stubs until opened).
fn pack_app() -> App {
    use crate::model::pack::{pack, Packed};
    use crate::open::Bytes;
    let opened = Packed::open(Bytes::Owned(pack(&model()).unwrap()), "test").unwrap();
    App::from_pack(opened, opts(), (80, 24)).unwrap()
}

/// The app with a Trend worker (answers are handed over by `settle_trend`).
fn app_with_worker() -> App {
    let mut a = app();
    a.start_trend_worker_waking(Box::new(|| {}));
    assert!(a.counter.is_some(), "a thread for the worker");
    a
}

#[test]
fn with_the_worker_enter_shows_counting_then_the_answer_after_the_message() {
    let dk = "\u{4F4E}\u{7A7A}\u{7ECF}\u{6D4E}";
    let mut a = app_with_worker();
    run(&mut a, &[Action::Trend]);
    typed(&mut a, dk);
    run(&mut a, &[Action::Enter]);
    // update returned without counting: the view says so and keeps its keys
    let t = a.trend.as_ref().unwrap();
    assert_eq!(t.pending.as_deref(), Some(dk));
    assert_eq!(t.total, 0);
    let s = screen(&a);
    assert!(s[1].contains(&format!("counting {dk}...")), "{s:#?}");
    // Enter again while counting sends nothing new and changes nothing
    let sent = a.counter.as_ref().unwrap().latest();
    run(&mut a, &[Action::Enter]);
    assert_eq!(a.counter.as_ref().unwrap().latest(), sent);
    settle_trend(&mut a);
    let t = a.trend.as_ref().unwrap();
    assert_eq!(t.pending, None);
    assert_eq!((t.total, t.searched, t.with), (4, 4, 3));
    let s = screen(&a);
    assert!(s[1].contains("4x in 3/4 reports, first 2023"), "{s:#?}");
    assert!(
        s.iter()
            .any(|l| l.starts_with("2024") && l.contains("3 in 2/2")),
        "{s:#?}"
    );
    // Esc while counting closes the view; the answer is kept for `P`
    run(&mut a, &[Action::Edit(super::prompt::Edit::ToStart)]);
    typed(&mut a, "\u{53D1}\u{5C55}");
    run(&mut a, &[Action::Enter, Action::Close]);
    assert_eq!(a.overlay, None);
    settle_trend(&mut a);
    run(&mut a, &[Action::Trend]);
    let t = a.trend.as_ref().unwrap();
    assert_eq!(t.pending, None);
    assert!(t.counted.starts_with("\u{53D1}\u{5C55}"));
}

#[test]
fn a_newer_phrase_supersedes_and_a_stale_answer_is_dropped() {
    let dk = "\u{4F4E}\u{7A7A}\u{7ECF}\u{6D4E}";
    let mut a = app_with_worker();
    run(&mut a, &[Action::Trend]);
    typed(&mut a, "\u{57CE}\u{5E02}");
    run(&mut a, &[Action::Enter]);
    let first = a.counter.as_ref().unwrap().latest();
    // a new phrase typed and sent before the first answer is taken
    run(&mut a, &[Action::Edit(super::prompt::Edit::ToStart)]);
    typed(&mut a, dk);
    run(&mut a, &[Action::Enter]);
    assert!(a.counter.as_ref().unwrap().latest() > first);
    assert_eq!(a.trend.as_ref().unwrap().pending.as_deref(), Some(dk));
    // the older request's answer, handed to update: dropped
    let stale = super::counter::Answer {
        seq: first,
        query: "\u{57CE}\u{5E02}".into(),
        result: Err("stale".into()),
    };
    update(&mut a, super::action::Msg::TrendCounted(stale));
    let t = a.trend.as_ref().unwrap();
    assert_eq!(t.pending.as_deref(), Some(dk));
    assert_eq!((t.error.as_deref(), t.counted.as_str()), (None, ""));
    // only the newer phrase's answer is shown
    settle_trend(&mut a);
    let t = a.trend.as_ref().unwrap();
    assert_eq!((t.phrase.as_str(), t.total), (dk, 4));
    assert!(t.is_current());
    assert!(a.trend_message().is_none());
}

#[test]
fn with_the_worker_a_pack_is_counted_with_the_explorers_stubs() {
    let mut a = pack_app();
    a.start_trend_worker_waking(Box::new(|| {}));
    run(&mut a, &[Action::Trend]);
    typed(&mut a, "dkjj");
    run(&mut a, &[Action::Enter]);
    assert!(a.trend.as_ref().unwrap().pending.is_some());
    settle_trend(&mut a);
    let t = a.trend.as_ref().unwrap();
    assert_eq!(
        (t.phrase.as_str(), t.total, t.searched),
        ("\u{4F4E}\u{7A7A}\u{7ECF}\u{6D4E}", 4, 4)
    );
    run(&mut a, &[Action::Enter, Action::Enter]);
    assert_eq!(a.overlay, None);
    assert!(a.reader.highlight.is_some());
}
