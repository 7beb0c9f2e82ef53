//! Explorer speed: model load + first render into a TestBackend at 80x24,
//! and key → repaint at 200x60 (reader scroll, outline move with a reader
//! re-layout, section jump), on the bundled model.

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

criterion_group!(benches, first_frame, key_repaint);
criterion_main!(benches);
