//! Explorer speed: model load + first render into a TestBackend at 80x24,
//! and key → repaint at 200x60 (reader scroll, outline move with a reader
//! re-layout, section jump), on the bundled model; and opening the Targets
//! view (`T`: the whole ledger from the report stubs, then its first frame)
//! at 80x24, on the bundled corpus and, when `BAOGAO_BENCH_MODEL` names a
//! model (the whole corpus, say), on it too.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use criterion::{criterion_group, criterion_main, Criterion};
use ratatui::backend::TestBackend;
use ratatui::Terminal;

use baogao::text::AmbiguousWidth;
use baogao::tui::action::Action;
use baogao::tui::app::{App, Options};
use baogao::tui::ui;
use baogao::tui::update::update;

fn opts() -> Options {
    Options {
        amb: AmbiguousWidth::Narrow,
        color: true,
        mouse: true,
    }
}

fn first_frame(c: &mut Criterion) {
    c.bench_function("load bundled model + first frame 80x24", |b| {
        b.iter(|| {
            let model = baogao::load_plan_model().unwrap();
            let app = App::new(model, opts(), (80, 24));
            let mut term = Terminal::new(TestBackend::new(80, 24)).unwrap();
            term.draw(|f| ui::draw(&app, f.buffer_mut())).unwrap();
        })
    });
}

fn key_repaint(c: &mut Criterion) {
    let model = baogao::load_plan_model().unwrap();
    let mut app = App::new(model, opts(), (200, 60));
    let mut term = Terminal::new(TestBackend::new(200, 60)).unwrap();
    // Open the first part and expand it.
    for a in [Action::Down, Action::Right, Action::Enter] {
        update(&mut app, a);
    }
    let mut scripted = |name: &str, keys: &[Action], app: &mut App| {
        c.bench_function(name, |b| {
            let mut i = 0;
            b.iter(|| {
                update(app, keys[i % keys.len()]);
                i += 1;
                term.draw(|f| ui::draw(app, f.buffer_mut())).unwrap();
            })
        });
    };
    scripted(
        "key->repaint 200x60 reader j/k",
        &[Action::Down, Action::Up],
        &mut app,
    );
    scripted(
        "key->repaint 200x60 reader ]/[ sections",
        &[
            Action::NextSection,
            Action::NextSection,
            Action::PrevSection,
            Action::PrevSection,
        ],
        &mut app,
    );
    update(&mut app, Action::FocusPrev);
    scripted(
        "key->repaint 200x60 outline j/k",
        &[Action::Down, Action::Up],
        &mut app,
    );
    update(&mut app, Action::Tables);
    scripted(
        "key->repaint 200x60 tables j/k",
        &[Action::Down, Action::Up],
        &mut app,
    );
}

/// `T` → the Targets view drawn, against `j` → the outline moved and drawn
/// (one ordinary frame) on the same app: the view "opens within one frame"
/// when the two are of one size.
fn targets_open(c: &mut Criterion) {
    #[allow(clippy::disallowed_methods)]
    let extra = std::env::var_os("BAOGAO_BENCH_MODEL").map(std::path::PathBuf::from);
    let models: Vec<(String, Option<std::path::PathBuf>)> =
        std::iter::once(("bundled".into(), None))
            .chain(extra.map(|p| ("BAOGAO_BENCH_MODEL".into(), Some(p))))
            .collect();
    for (name, path) in models {
        let opened = baogao::open::open(path.as_deref()).unwrap();
        let mut app = App::from_pack(opened, opts(), (80, 24)).unwrap();
        let mut term = Terminal::new(TestBackend::new(80, 24)).unwrap();
        term.draw(|f| ui::draw(&app, f.buffer_mut())).unwrap();
        c.bench_function(&format!("{name}: T opens the Targets view, 80x24"), |b| {
            b.iter(|| {
                app.targets = None; // not kept: computed afresh each time
                update(&mut app, Action::Targets);
                term.draw(|f| ui::draw(&app, f.buffer_mut())).unwrap();
                update(&mut app, Action::Close);
            })
        });
        c.bench_function(
            &format!("{name}: j in the outline, 80x24 (one frame)"),
            |b| {
                let mut i = 0;
                b.iter(|| {
                    update(&mut app, if i % 2 == 0 { Action::Down } else { Action::Up });
                    i += 1;
                    term.draw(|f| ui::draw(&app, f.buffer_mut())).unwrap();
                })
            },
        );
    }
}

criterion_group!(benches, first_frame, key_repaint, targets_open);
criterion_main!(benches);
