//! The Targets view on a small corpus of my own work reports, built by the
//! builder (so the headline figures come from text, as in a real model):
//! the grid's regions, years and cells, filtering by pinyin, metrics, sort,
//! the chart's series, Enter to the target's sentence, and the screen.

use ratatui::backend::TestBackend;
use ratatui::Terminal;

use super::action::Action;
use super::app::{App, Overlay};
use super::targets::{cell_text, Sort};
use super::test_support::{model_of, opts, run, typed};
use super::ui::{self, cells::screen_text};
use crate::indicators::target::Assessment;
use crate::model::Model;

/// A work report of `region` for `year`: last year's GDP result and this
/// year's targets (GDP and, from 2024, the unemployment rate).
fn text(region: &str, year: u16, result: &str, target: &str) -> String {
    let prev = year - 1;
    let jobs = if year >= 2024 {
        "\u{FF0C}\u{57CE}\u{9547}\u{8C03}\u{67E5}\u{5931}\u{4E1A}\u{7387}5.5%\u{5DE6}\u{53F3}"
    } else {
        ""
    };
    format!(
        "{region}\u{653F}\u{5E9C}\u{5DE5}\u{4F5C}\u{62A5}\u{544A}\n\n\
         \u{2014}\u{2014}{year}\u{5E74}1\u{6708}20\u{65E5}\u{5728}{region}\u{7B2C}\u{5341}\u{56DB}\u{5C4A}\u{4EBA}\u{6C11}\u{4EE3}\u{8868}\u{5927}\u{4F1A}\u{7B2C}\u{4E8C}\u{6B21}\u{4F1A}\u{8BAE}\u{4E0A}\n\n\
         \u{5404}\u{4F4D}\u{4EE3}\u{8868}\u{FF1A}\n\n\
         \u{4E00}\u{3001}{prev}\u{5E74}\u{5DE5}\u{4F5C}\u{56DE}\u{987E}\n\n\
         \u{8FC7}\u{53BB}\u{4E00}\u{5E74}\u{FF0C}\u{5168}\u{7701}\u{751F}\u{4EA7}\u{603B}\u{503C}\u{589E}\u{957F}{result}%\u{3002}\n\n\
         \u{4E8C}\u{3001}{year}\u{5E74}\u{5DE5}\u{4F5C}\u{5B89}\u{6392}\n\n\
         {year}\u{5E74}\u{7ECF}\u{6D4E}\u{793E}\u{4F1A}\u{53D1}\u{5C55}\u{7684}\u{4E3B}\u{8981}\u{9884}\u{671F}\u{76EE}\u{6807}\u{662F}\u{FF1A}\
         \u{5730}\u{533A}\u{751F}\u{4EA7}\u{603B}\u{503C}\u{589E}\u{957F}{target}%\u{5DE6}\u{53F3}{jobs}\u{3002}\n"
    )
}

/// Two provinces over three years: report (region, year, last year's GDP
/// growth, this year's target). 浙江省 2023: target 5, result 6.5
/// (exceeded); 2024: 5.5 and 5.5 (met). 江苏省 2023: 5 and 4.2 (missed).
pub fn ledger_model() -> Model {
    let reports = [
        ("\u{6D59}\u{6C5F}\u{7701}", 2023, "6", "5"),
        ("\u{6D59}\u{6C5F}\u{7701}", 2024, "6.5", "5.5"),
        ("\u{6D59}\u{6C5F}\u{7701}", 2025, "5.5", "5.5"),
        ("\u{6C5F}\u{82CF}\u{7701}", 2023, "3", "5"),
        ("\u{6C5F}\u{82CF}\u{7701}", 2024, "4.2", "5"),
        ("\u{6C5F}\u{82CF}\u{7701}", 2025, "5.8", "5"),
    ];
    model_of(reports.iter().map(|(region, year, result, target)| {
        (text(region, *year, result, target), format!("{year}.txt"))
    }))
}

fn screen(app: &App) -> String {
    let (w, h) = app.size;
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    term.draw(|f| ui::draw(app, f.buffer_mut())).unwrap();
    screen_text(term.backend().buffer()).join("\n")
}

fn open() -> App {
    let mut app = App::new(ledger_model(), opts(), (80, 24));
    run(&mut app, &[Action::Targets]);
    app
}

#[test]
fn the_grid_has_a_row_per_region_and_a_column_per_year_with_assessed_targets() {
    let app = open();
    assert_eq!(app.overlay, Some(Overlay::Targets));
    let t = app.targets.as_ref().unwrap();
    assert_eq!(t.key_name(), "gdp");
    assert_eq!(t.years, vec![2022, 2023, 2024, 2025]);
    // by pinyin: jiangsu before zhejiang
    let names: Vec<&str> = (0..t.shown.len())
        .filter_map(|k| t.cell_region(k))
        .collect();
    assert_eq!(
        names,
        ["\u{6C5F}\u{82CF}\u{7701}", "\u{6D59}\u{6C5F}\u{7701}"]
    );
    // 江苏 2023: target 5, result 4.2 (from the 2024 report): missed
    let js = t.cell(0, 2023).unwrap();
    assert_eq!(js.target_value, Some(5.0));
    assert_eq!(js.actual_value, Some(4.2));
    assert_eq!(js.assessment, Assessment::Missed);
    assert_eq!(cell_text(js), "5 \u{2717}");
    // 浙江 2023: 5 and 6.5, exceeded; 2024: 5.5 and 5.5, met; 2025: no result yet
    assert_eq!(t.cell(1, 2023).unwrap().assessment, Assessment::Exceeded);
    assert_eq!(t.cell(1, 2024).unwrap().assessment, Assessment::Met);
    assert_eq!(cell_text(t.cell(1, 2024).unwrap()), "5.5 \u{2713}");
    assert_eq!(t.cell(1, 2025).unwrap().assessment, Assessment::Unknown);
    // 2022: a result without a target
    assert_eq!(cell_text(t.cell(1, 2022).unwrap()), "(6)");
    // the newest year is selected
    assert_eq!(t.year(), Some(2025));
    let s = screen(&app);
    assert!(s.contains("gdp (1/2)") && s.contains("2 regions"), "{s}");
    assert!(s.contains("5 \u{2713}+") && s.contains("5 \u{2717}"), "{s}");
}

#[test]
fn typing_pinyin_narrows_the_regions_and_tab_changes_the_metric() {
    let mut app = open();
    typed(&mut app, "zj");
    let t = app.targets.as_ref().unwrap();
    assert_eq!(t.shown.len(), 1);
    assert_eq!(t.cell_region(0), Some("\u{6D59}\u{6C5F}\u{7701}"));
    typed(&mut app, "x");
    assert!(screen(&app).contains("no region matches"));
    run(
        &mut app,
        &[Action::Backspace, Action::Backspace, Action::Backspace],
    );
    assert_eq!(app.targets.as_ref().unwrap().shown.len(), 2);
    // the unemployment rate: only from 2024
    run(&mut app, &[Action::FocusNext]);
    let t = app.targets.as_ref().unwrap();
    assert_eq!(t.key_name(), "unemployment_rate");
    assert_eq!(t.years, vec![2024, 2025]);
    run(&mut app, &[Action::FocusPrev]);
    assert_eq!(app.targets.as_ref().unwrap().key_name(), "gdp");
}

#[test]
fn sorting_by_a_year_puts_the_highest_target_first_then_the_lowest() {
    let mut app = open();
    // 2025: 江苏 5, 浙江 5.5
    run(&mut app, &[Action::Sort]);
    let first = |a: &App| {
        let t = a.targets.as_ref().unwrap();
        t.cell_region(0).unwrap().to_string()
    };
    assert_eq!(app.targets.as_ref().unwrap().sort, Sort::Year(2025, true));
    assert_eq!(first(&app), "\u{6D59}\u{6C5F}\u{7701}");
    run(&mut app, &[Action::Sort]);
    assert_eq!(first(&app), "\u{6C5F}\u{82CF}\u{7701}");
    run(&mut app, &[Action::Sort]);
    assert_eq!(app.targets.as_ref().unwrap().sort, Sort::Ledger);
}

#[test]
fn the_chart_shows_one_regions_targets_and_results_over_the_years() {
    let mut app = open();
    run(&mut app, &[Action::Down, Action::Chart]);
    let t = app.targets.as_ref().unwrap();
    assert!(t.chart);
    assert_eq!(
        t.series(),
        vec![
            (2022, None, Some(6.0)),
            (2023, Some(5.0), Some(6.5)),
            (2024, Some(5.5), Some(5.5)),
            (2025, Some(5.5), None),
        ]
    );
    let s = screen(&app);
    assert!(s.contains("target (line), result (dots)"), "{s}");
    assert!(
        s.contains('\u{28C0}') || s.chars().any(|c| ('\u{2801}'..='\u{28FF}').contains(&c)),
        "{s}"
    );
}

#[test]
fn enter_opens_the_targets_sentence_and_t_comes_back_to_the_same_cell() {
    let mut app = open();
    run(&mut app, &[Action::Down, Action::Left]);
    run(&mut app, &[Action::Enter]);
    assert_eq!(app.overlay, None);
    let r = app.reader.highlight.clone();
    assert!(r.is_some(), "a sentence is highlighted");
    let s = screen(&app);
    assert!(
        s.contains("\u{4E3B}\u{8981}\u{9884}\u{671F}\u{76EE}\u{6807}"),
        "{s}"
    );
    run(&mut app, &[Action::Targets]);
    let t = app.targets.as_ref().unwrap();
    assert_eq!((t.row, t.year()), (1, Some(2024)));
}
