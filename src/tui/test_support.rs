//! Shared helpers of the explorer's state tests: an app on the small
//! hand-built model or on the bundled model, and driving it through
//! `update`. Test-only; no terminal.

use super::action::Action;
use super::app::{App, Options};
use super::testmodel::small_model;
use super::update::update;
use crate::text::AmbiguousWidth;

/// Narrow ambiguous width, no colour, no mouse.
pub fn opts() -> Options {
    Options {
        amb: AmbiguousWidth::Narrow,
        color: false,
        mouse: false,
    }
}

/// The app on the small hand-built model at `w`x`h`.
pub fn small_app(w: u16, h: u16) -> App {
    App::new(small_model(), opts(), (w, h))
}

/// The app on the bundled model at `w`x`h`.
pub fn bundled_app(w: u16, h: u16) -> App {
    #[allow(clippy::unwrap_used)]
    let model = crate::load_plan_model().unwrap();
    App::new(model, opts(), (w, h))
}

/// Each action through `update`, in order.
pub fn run(app: &mut App, actions: &[Action]) {
    for a in actions {
        update(app, *a);
    }
}

/// Each char typed into the focused prompt.
pub fn typed(app: &mut App, s: &str) {
    for c in s.chars() {
        update(app, Action::Input(c));
    }
}

/// Hand the search worker's answer to `update` once it arrives, as the
/// event loop does (a no-op without a worker or when nothing is pending).
pub fn settle_search(app: &mut App) {
    let start = std::time::Instant::now();
    while app.search.pending {
        match app.search_message() {
            Some(msg) => update(app, msg),
            None => {
                assert!(start.elapsed().as_secs() < 20, "no answer from the worker");
                std::thread::sleep(std::time::Duration::from_millis(2));
            }
        }
    }
}

/// Hand the Trend worker's answer to `update` once it arrives, as the
/// event loop does (a no-op without a worker or when nothing is pending).
pub fn settle_trend(app: &mut App) {
    let start = std::time::Instant::now();
    while app.trend.as_ref().is_some_and(|t| t.pending.is_some()) {
        match app.trend_message() {
            Some(msg) => update(app, msg),
            None => {
                assert!(start.elapsed().as_secs() < 20, "no answer from the worker");
                std::thread::sleep(std::time::Duration::from_millis(2));
            }
        }
    }
}

/// `n` bare sentence hits on sections `s0`, `s1` … of report `report` (for
/// tests of moving through hits).
pub fn section_hits(report: &str, n: usize) -> Vec<crate::search::Hit> {
    (0..n)
        .map(|i| crate::search::Hit {
            kind: crate::search::HitKind::Sentence,
            location: crate::model::Location::Section {
                report: report.into(),
                section: format!("s{i}"),
            },
            breadcrumb: String::new(),
            full_breadcrumb: String::new(),
            text: String::new(),
            highlights: vec![],
            score: 0,
            note: String::new(),
            more_in_row: 0,
        })
        .collect()
}

/// A model of report texts, each `(text, file name)` built by the builder.
pub fn model_of(texts: impl IntoIterator<Item = (String, String)>) -> crate::model::Model {
    let reports = texts
        .into_iter()
        .map(|(text, file)| {
            #[allow(clippy::unwrap_used)]
            crate::builder::build_report(text.as_bytes(), &file, None).unwrap()
        })
        .collect();
    crate::model::Model {
        schema_version: crate::model::SCHEMA_VERSION.to_string(),
        generator: "test".into(),
        reports,
    }
}
