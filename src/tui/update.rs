//! `update`: the only place the explorer's state changes in response to an
//! action or a background result (`Msg`). Never touches the terminal and
//! never waits (a jump asked for before its search's hits arrive waits in
//! the state, not here), so tests drive it directly.

use super::action::{Action, Focus, Mode, Msg};
use super::app::{App, HiddenFrom, Overlay};
use super::jumps::Pending;
use super::outline::NodeKind;
use super::prompt::{edit, Edit};
use super::records::{RecordsPopup, RecordsScope};
use super::search::SearchJump;
use super::strings;
use super::tables::{text_width, TableRef};

/// Apply one message (an action, or a search worker's answer) to the state,
/// then bring what the views read up to date with it (the tables pane's
/// column widths, recomputed only when their inputs changed).
pub fn update(app: &mut App, msg: impl Into<Msg>) {
    apply(app, msg.into());
    app.prepare_views();
}

fn apply(app: &mut App, msg: Msg) {
    let action = match msg {
        Msg::Action(a) => a,
        Msg::SearchHits(answer) => {
            if app.receive_hits(answer) {
                complete_search_jumps(app);
            }
            return;
        }
        Msg::SearchGone => {
            let waiting = std::mem::take(&mut app.search.waiting);
            app.search_worker_gone();
            app.search.waiting = waiting;
            complete_search_jumps(app);
            return;
        }
        Msg::TrendCounted(answer) => {
            super::trend::receive(app, answer);
            return;
        }
        Msg::TrendGone => {
            super::trend::worker_gone(app);
            return;
        }
        Msg::AmbiguousWidth(amb) => {
            if app.opts.amb != amb {
                app.opts.amb = amb;
                app.reader.set_ambiguous(&app.model, &app.outline, amb);
                app.relayout();
            }
            return;
        }
    };
    match action {
        Action::Resize(w, h) => {
            app.size = (w, h);
            app.relayout();
            return;
        }
        Action::Suspend => {
            // in any mode, leaving it as it is (a prompt keeps its text)
            app.suspend = true;
            return;
        }
        Action::Scroll(d, x, y) => return mouse_scroll(app, d, x, y),
        Action::Click(x, y) => return click(app, x, y),
        _ => {}
    }
    app.message = None;
    app.note = None;
    match app.mode() {
        Mode::Help => help(app, action),
        Mode::Popup => popup(app, action),
        Mode::Records => records(app, action),
        Mode::Mark => {
            if let (Some(p), Action::Input(c)) = (app.pending.take(), action) {
                app.finish_mark(p, c);
            }
            app.pending = None;
        }
        Mode::Filter => filter(app, action),
        Mode::Search => search(app, action),
        Mode::Picker => picker(app, action),
        Mode::Targets => targets(app, action),
        Mode::Compare => compare(app, action),
        Mode::Trend => super::trend::on_action(app, action),
        Mode::Outline | Mode::Reader | Mode::Tables => pane(app, action),
    }
}

fn help(app: &mut App, action: Action) {
    if let Some(Overlay::Help(s)) = app.overlay {
        app.overlay = match action {
            Action::Close => None,
            Action::Down => Some(Overlay::Help(s + 1)),
            Action::Up => Some(Overlay::Help(s.saturating_sub(1))),
            _ => Some(Overlay::Help(s)),
        };
    }
}

/// The cell popup: close, or scroll a cell taller than the screen.
fn popup(app: &mut App, action: Action) {
    let body = ratatui::layout::Rect::new(0, 0, app.size.0, app.plan().status.y);
    let amb = app.opts.amb;
    let (model, derived) = (&app.model, &app.derived);
    let Some(t) = app.tables.as_mut() else {
        app.overlay = None;
        return;
    };
    let max = t.popup_max_scroll(model, derived, body, amb);
    match action {
        Action::Close => {
            app.overlay = None;
            t.popup_scroll = 0;
        }
        Action::Down => t.popup_scroll = (t.popup_scroll + 1).min(max),
        Action::Up => t.popup_scroll = t.popup_scroll.saturating_sub(1),
        _ => {}
    }
}

fn records(app: &mut App, action: Action) {
    let body_h = app.plan().status.y;
    let (w, amb) = (app.size.0, app.opts.amb);
    let Some(p) = app.records.as_mut() else {
        app.overlay = None;
        return;
    };
    let max = p.max_scroll(&app.model, w, body_h, amb);
    let page = (body_h as usize).saturating_sub(3).max(1);
    match action {
        Action::Down => p.scroll = (p.scroll + 1).min(max),
        Action::Up => p.scroll = p.scroll.saturating_sub(1),
        Action::PageDown => p.scroll = (p.scroll + page).min(max),
        Action::PageUp => p.scroll = p.scroll.saturating_sub(page),
        Action::NextSibling | Action::PrevSibling => {
            p.select(action == Action::NextSibling, &app.model, w, body_h, amb)
        }
        Action::Close => {
            app.overlay = None;
            app.records = None;
        }
        Action::Enter => {
            let Some((loc, record)) = p.selected_source(&app.model) else {
                return;
            };
            app.overlay = None;
            app.records = None;
            // `jump` records the jump (C-o comes back here).
            if app.jump(&loc) && matches!(loc, crate::model::Location::Sentence { .. }) {
                app.reader.number = Some(record);
            }
        }
        _ => {}
    }
}

/// Open the indicator popup for the reader's view, or say there is nothing.
fn open_records(app: &mut App) {
    let r = &app.reader;
    if let (Some(n), Some(report)) = (r.cursor_number(), r.doc.report) {
        app.records = Some(RecordsPopup::new(report, vec![n], RecordsScope::Number));
        app.overlay = Some(Overlay::Records);
        return;
    }
    match RecordsPopup::for_view(&r.doc, r.top, r.height, r.highlight.as_deref()) {
        Some(p) => {
            app.records = Some(p);
            app.overlay = Some(Overlay::Records);
        }
        None => app.message = Some(strings::NO_RECORDS),
    }
}

fn filter(app: &mut App, action: Action) {
    let (model, derived) = (&app.model, &app.derived);
    let Some(t) = app.tables.as_mut() else {
        app.overlay = None;
        return;
    };
    let cursor = &mut app.filter_cursor;
    match action {
        Action::Input(c) => {
            edit(&mut t.filter, cursor, Edit::Insert(c));
        }
        Action::Backspace => {
            edit(&mut t.filter, cursor, Edit::Backspace);
        }
        Action::Edit(e) => {
            if !edit(&mut t.filter, cursor, e) {
                return;
            }
        }
        Action::Enter => app.overlay = None,
        Action::Close => {
            t.filter.clear();
            app.overlay = None;
        }
        _ => return,
    }
    t.recompute(model, derived);
}

fn search(app: &mut App, action: Action) {
    let rows = app.size.1.saturating_sub(4) as usize / 2;
    match action {
        Action::Input(c) => search_edit(app, Edit::Insert(c)),
        Action::Backspace => search_edit(app, Edit::Backspace),
        Action::Edit(e) => search_edit(app, e),
        Action::HistoryPrev => {
            let s = &mut app.search;
            if s.query.is_empty() || s.history.browsing() {
                if let Some(q) = s.history.older(&s.query).map(str::to_string) {
                    recall(app, q);
                }
            } else {
                s.select(-1);
            }
        }
        Action::HistoryNext => {
            if app.search.history.browsing() {
                if let Some(q) = app.search.history.newer().map(str::to_string) {
                    recall(app, q);
                }
            } else {
                app.search.select(1);
            }
        }
        Action::SearchScope => {
            app.search.this_report = !app.search.this_report;
            app.run_search();
        }
        Action::Down => app.search.select(1),
        Action::Up => app.search.select(-1),
        Action::PageDown => app.search.select(rows.max(1) as isize),
        Action::PageUp => app.search.select(-(rows.max(1) as isize)),
        Action::Close => {
            app.overlay = None;
            app.restore_view();
        }
        Action::Enter => {
            let q = app.search.query.clone();
            app.search.history.push(&q);
            if app.search.pending {
                // The prompt is done; the jump happens when the hits arrive
                // (keys typed meanwhile go to the panes, as after a jump).
                app.overlay = None;
                app.search.waiting.push(SearchJump::Selected);
            } else {
                jump_to_selected_hit(app);
            }
        }
        _ => {}
    }
    app.search.scroll_into_view(rows);
}

/// Enter on a hit: close the prompt and go to the selected hit; false
/// (the prompt stays) when there is none.
fn jump_to_selected_hit(app: &mut App) -> bool {
    let Some(hit) = app.search.hits.get(app.search.selected).cloned() else {
        return false;
    };
    app.overlay = None;
    app.search.active = Some(app.search.selected);
    app.jump(&hit.location);
    app.note = app.search.counter();
    true
}

/// n / N: go to the next (previous) hit, or say why there is none.
fn step_search(app: &mut App, forward: bool) {
    if let Some(hit) = app.search.step(forward).cloned() {
        app.jump(&hit.location);
        app.note = app.search.counter();
    } else if app.search.query.trim().is_empty() {
        app.message = Some(strings::NO_SEARCH);
    } else {
        app.message = Some(strings::NO_SEARCH_HITS);
    }
}

/// The hits arrived: make the jumps asked for while they were on their
/// way, in order, landing where they would have had the hits been there.
fn complete_search_jumps(app: &mut App) {
    if app.search.pending {
        return;
    }
    for j in std::mem::take(&mut app.search.waiting) {
        match j {
            SearchJump::Selected => {
                if !jump_to_selected_hit(app) {
                    // the prompt closed on Enter: say so in the status line
                    app.message = Some(strings::NO_SEARCH_HITS);
                }
            }
            SearchJump::Next => step_search(app, true),
            SearchJump::Prev => step_search(app, false),
        }
    }
}

/// An edit of the search line: search again when the text changed; typing
/// leaves the history walk.
fn search_edit(app: &mut App, e: Edit) {
    let s = &mut app.search;
    if edit(&mut s.query, &mut s.cursor, e) {
        s.history.leave();
        app.run_search();
    }
}

/// Put a recalled query on the prompt, cursor at its end, and search it.
fn recall(app: &mut App, q: String) {
    app.search.cursor = q.chars().count();
    app.search.query = q;
    app.search.selected = 0;
    app.search.offset = 0;
    app.run_search();
}

/// The report picker: typing narrows the reports, Enter goes to the
/// selected one (where the reader left it), Esc closes.
fn picker(app: &mut App, action: Action) {
    let rows = picker_rows(app);
    let Some(p) = app.picker.as_mut() else {
        app.overlay = None;
        return;
    };
    let typed = match action {
        Action::Input(c) => edit(&mut p.query, &mut p.cursor, Edit::Insert(c)),
        Action::Backspace => edit(&mut p.query, &mut p.cursor, Edit::Backspace),
        Action::Edit(e) => edit(&mut p.query, &mut p.cursor, e),
        Action::Down => {
            p.select(1);
            false
        }
        Action::Up => {
            p.select(-1);
            false
        }
        Action::PageDown => {
            p.select(rows as isize);
            false
        }
        Action::PageUp => {
            p.select(-(rows as isize));
            false
        }
        Action::Close => {
            app.picker = None;
            app.overlay = None;
            return;
        }
        Action::Enter => {
            match p.chosen() {
                Some(ri) => {
                    app.picker = None;
                    app.overlay = None;
                    app.open_report(ri);
                }
                None => app.message = Some(strings::NO_REPORTS_MATCH),
            }
            return;
        }
        _ => false,
    };
    if typed {
        p.refilter(&app.model);
    }
    p.scroll_into_view(rows);
}

/// The Targets view: typing narrows the regions, arrows move, Tab picks
/// the metric, C-s sorts by the selected year, C-g shows the chart, Enter
/// opens the selected target's sentence (the view keeps its state for `T`).
fn targets(app: &mut App, action: Action) {
    let (rows, cols) = super::ui::targets::grid_size(app.plan().status.y, app.size.0);
    let Some(t) = app.targets.as_mut() else {
        app.overlay = None;
        return;
    };
    let typed = match action {
        Action::Input(c) => edit(&mut t.query, &mut t.cursor, Edit::Insert(c)),
        Action::Backspace => edit(&mut t.query, &mut t.cursor, Edit::Backspace),
        Action::Edit(e) => edit(&mut t.query, &mut t.cursor, e),
        Action::Down => {
            t.move_row(1);
            false
        }
        Action::Up => {
            t.move_row(-1);
            false
        }
        Action::PageDown => {
            t.move_row(rows as isize);
            false
        }
        Action::PageUp => {
            t.move_row(-(rows as isize));
            false
        }
        Action::Right => {
            t.move_col(1);
            false
        }
        Action::Left => {
            t.move_col(-1);
            false
        }
        Action::FocusNext | Action::FocusPrev => {
            t.next_key(
                if action == Action::FocusNext { 1 } else { -1 },
                &app.model.reports,
            );
            false
        }
        Action::Sort => {
            t.cycle_sort();
            false
        }
        Action::Chart => {
            t.chart = !t.chart;
            false
        }
        Action::Close => {
            app.overlay = None;
            return;
        }
        Action::Enter => {
            let src = t
                .selected()
                .and_then(|r| Some((r.report.clone()?, r.source.clone()?)));
            match src {
                Some((report, source)) => {
                    app.overlay = None;
                    if !app.jump_to_source(&report, &source) {
                        app.message = Some(strings::NO_TARGET_SOURCE);
                    }
                }
                None => app.message = Some(strings::NO_TARGET_SOURCE),
            }
            return;
        }
        _ => false,
    };
    if typed {
        t.refilter();
    }
    t.scroll_into_view(rows, cols);
}

/// `D`: the report the outline is in against the one before it (same
/// region and kind).
fn open_compare(app: &mut App) {
    let Some(b) = app.current_report() else {
        return;
    };
    match crate::compare::previous(&app.model.reports, b) {
        Some(a) => show_pair(app, a, b),
        None => app.message = Some(strings::NO_EARLIER_REPORT),
    }
}

/// Compare reports `a` and `b` (parsing them first) and show the summary.
fn show_pair(app: &mut App, a: usize, b: usize) {
    app.ensure_report(a);
    app.ensure_report(b);
    app.compare = super::compare::CompareState::new(&app.model, a, b);
    if app.compare.is_some() {
        app.overlay = Some(Overlay::Compare);
    }
}

/// The Compare view: move, Enter into a section (or, on a sentence or a
/// target, out to the reader), [ and ] to the pair a year earlier or
/// later, Esc back to the summary, then out.
fn compare(app: &mut App, action: Action) {
    let body_h = app.plan().status.y;
    let rows = super::ui::compare::list_rows(body_h);
    let Some(c) = app.compare.as_mut() else {
        app.overlay = None;
        return;
    };
    match action {
        Action::Down => c.move_by(1),
        Action::Up => c.move_by(-1),
        Action::PageDown => c.move_by(rows as isize),
        Action::PageUp => c.move_by(-(rows as isize)),
        Action::Left | Action::Right => {
            let (a, b) = (c.a, c.b);
            let pair = if action == Action::Left {
                crate::compare::previous(&app.model.reports, a).map(|p| (p, a))
            } else {
                crate::compare::next(&app.model.reports, b).map(|n| (b, n))
            };
            match pair {
                Some((a, b)) => show_pair(app, a, b),
                None if action == Action::Left => app.message = Some(strings::NO_EARLIER_REPORT),
                None => app.message = Some(strings::NO_LATER_REPORT),
            }
            return;
        }
        Action::Close => {
            if c.page == super::compare::Page::Summary {
                app.overlay = None;
                app.compare = None;
            } else {
                c.page = super::compare::Page::Summary;
            }
            return;
        }
        Action::Enter => {
            if c.page == super::compare::Page::Summary {
                if let Some((report, source)) = c.selected_target() {
                    app.overlay = None;
                    if !app.jump_to_source(&report, &source) {
                        app.message = Some(strings::NO_SENTENCE_THERE);
                    }
                } else if !c.open_detail() {
                    app.message = Some(strings::NO_SENTENCE_CHANGES);
                }
            } else if let Some(loc) = c.selected_sentence(&app.model) {
                app.overlay = None;
                if !app.jump(&loc) {
                    app.message = Some(strings::NO_SENTENCE_THERE);
                }
            }
            return;
        }
        _ => {}
    }
    scroll_compare(app);
}

/// Keep the Compare view's selection on screen.
fn scroll_compare(app: &mut App) {
    let (w, h) = (app.size.0, app.plan().status.y);
    let rows = super::ui::compare::list_rows(h);
    let (color, amb) = (app.opts.color, app.opts.amb);
    if let Some(c) = app.compare.as_mut() {
        match c.page {
            super::compare::Page::Summary => c.scroll_summary(rows),
            super::compare::Page::Detail(_) => {
                let heights = super::ui::compare::detail_heights(c, w, color, amb);
                c.scroll_detail(&heights, rows);
            }
        }
    }
}

/// How many reports the picker lists at once (the body less the prompt
/// and a blank row).
pub fn picker_rows(app: &App) -> usize {
    (app.plan().status.y as usize).saturating_sub(2).max(1)
}

fn pane(app: &mut App, action: Action) {
    match action {
        Action::Quit => app.quit = true,
        Action::PickReport => {
            let mut p = super::picker::PickerState::new(&app.model, app.current_report());
            p.scroll_into_view(picker_rows(app));
            app.picker = Some(p);
            app.overlay = Some(Overlay::Picker);
        }
        Action::Targets => {
            if app.targets.is_none() {
                app.targets = Some(super::targets::TargetsState::new(&app.model));
            }
            let (rows, cols) = super::ui::targets::grid_size(app.plan().status.y, app.size.0);
            if let Some(t) = app.targets.as_mut() {
                t.scroll_into_view(rows, cols);
            }
            app.overlay = Some(Overlay::Targets);
        }
        Action::Compare => open_compare(app),
        Action::Trend => {
            app.trend.get_or_insert_with(Default::default);
            app.overlay = Some(Overlay::Trend);
        }
        Action::Help => app.overlay = Some(Overlay::Help(0)),
        Action::SearchOpen => {
            app.save_view();
            app.search.report = app
                .current_report()
                .and_then(|r| app.model.reports.get(r))
                .map(|r| r.id.clone());
            app.search.query.clear();
            app.search.cursor = 0;
            app.search.history.leave();
            app.run_search();
            app.overlay = Some(Overlay::Search);
        }
        Action::SearchNext | Action::SearchPrev => {
            let forward = action == Action::SearchNext;
            if app.search.pending {
                let j = if forward {
                    SearchJump::Next
                } else {
                    SearchJump::Prev
                };
                app.search.waiting.push(j);
            } else {
                step_search(app, forward);
            }
        }
        Action::FocusNext | Action::FocusPrev => {
            app.focus = if action == Action::FocusNext {
                app.focus.next()
            } else {
                app.focus.prev()
            };
            match app.focus {
                Focus::Tables => app.show_tables(),
                Focus::Reader => {
                    app.right = Focus::Reader;
                    app.follow_outline_if_empty();
                }
                Focus::Outline => {}
            }
            app.relayout();
        }
        Action::Tables => app.show_tables(),
        Action::ToggleOutline => {
            let before = app.reader.place();
            app.outline_hidden = !app.outline_hidden;
            if app.outline_hidden && app.focus == Focus::Outline {
                app.focus = app.right;
            }
            app.relayout();
            if app.outline_hidden {
                app.hidden_from = Some(HiddenFrom {
                    before,
                    after: app.reader.place(),
                });
            } else if let Some(h) = app.hidden_from.take() {
                // Nothing moved while hidden: back to the very same screen.
                if h.after == before && app.reader.node == h.before.node {
                    app.reader.top = h.before.top.min(app.reader.max_top());
                }
            }
        }
        Action::JumpBack => app.jump_back_or_forward(true),
        Action::JumpForward => app.jump_back_or_forward(false),
        Action::MarkSet => app.pending = Some(Pending::SetMark),
        Action::MarkGo => app.pending = Some(Pending::GoMark),
        Action::Copy | Action::CopyAll => copy(app, action == Action::CopyAll),
        Action::CopyFormat => {
            app.copy_format = app.copy_format.next();
            app.note = Some(format!(
                "{}{}",
                strings::COPY_FORMAT,
                app.copy_format.name()
            ));
        }
        _ => match app.focus {
            Focus::Outline => outline(app, action),
            Focus::Reader => reader(app, action),
            Focus::Tables => tables(app, action),
        },
    }
}

/// y / Y: hand the text with its citation to the terminal layer (OSC 52)
/// and say in the status line what was copied.
fn copy(app: &mut App, whole: bool) {
    match super::clipboard::what_to_copy(app, whole) {
        Some((text, what)) => {
            // The status line shows the start of the text itself (the
            // sentence, or the table's caption); `what` names it exactly.
            let first = text.lines().next().unwrap_or("");
            app.note = Some(format!(
                "{}{} {what}: {first}",
                strings::COPIED,
                app.copy_format.name()
            ));
            app.clipboard = Some(text);
        }
        None => app.message = Some(strings::NOTHING_TO_COPY),
    }
}

fn outline_rows(app: &App) -> usize {
    app.plan()
        .outline
        .map(|o| o.height.saturating_sub(1) as usize)
        .unwrap_or(1)
}

fn outline(app: &mut App, action: Action) {
    let rows = outline_rows(app);
    if action == Action::Right {
        // a report shown collapsed may not have its sections yet
        if let Some(r) = app.current_report() {
            app.ensure_report(r);
        }
    }
    let o = &mut app.outline;
    match action {
        Action::Down => o.select_next(),
        Action::Up => o.select_prev(),
        Action::Top => o.select_top(),
        Action::Bottom => o.select_bottom(),
        Action::PageDown => o.page_down(rows),
        Action::PageUp => o.page_up(rows),
        Action::HalfPageDown => o.page_down(rows.div_ceil(2)),
        Action::HalfPageUp => o.page_up(rows.div_ceil(2)),
        Action::Left => o.collapse_or_parent(),
        Action::Right => o.expand_or_first_child(),
        Action::Parent => o.select_parent(),
        Action::NextSibling => o.select_sibling(true),
        Action::PrevSibling => o.select_sibling(false),
        Action::Enter => {
            app.focus = Focus::Reader;
            app.right = Focus::Reader;
            app.follow_outline();
            app.relayout();
            return;
        }
        _ => return,
    }
    app.follow_outline();
}

fn reader(app: &mut App, action: Action) {
    let r = &mut app.reader;
    match action {
        Action::Down => r.scroll(1),
        Action::Up => r.scroll(-1),
        Action::Top | Action::Bottom => {
            app.record_jump();
            if action == Action::Top {
                app.reader.to_top()
            } else {
                app.reader.to_bottom()
            }
        }
        Action::PageDown => r.page(true),
        Action::PageUp => r.page(false),
        Action::HalfPageDown => r.half_page(true),
        Action::HalfPageUp => r.half_page(false),
        Action::Left => {
            app.focus = Focus::Outline;
            app.relayout();
        }
        Action::NextSection | Action::PrevSection => {
            let Some(cur) = app.reader.node else { return };
            let order: Vec<usize> = app.outline.readable().collect();
            let Some(pos) = order.iter().position(|&n| n == cur) else {
                return;
            };
            let next = if action == Action::NextSection {
                order.get(pos + 1)
            } else {
                pos.checked_sub(1).and_then(|p| order.get(p))
            };
            if let Some(&n) = next {
                app.record_jump();
                app.reveal(n);
            }
        }
        Action::Records => open_records(app),
        Action::SentenceNext | Action::SentencePrev => {
            let moved = r.move_sentence(action == Action::SentenceNext);
            if !moved {
                app.message = Some(strings::NO_MORE_SENTENCES);
            }
        }
        Action::NumberNext | Action::NumberPrev => {
            let moved = r.move_number(action == Action::NumberNext);
            if !moved {
                app.message = Some(strings::NO_MORE_NUMBERS);
            }
        }
        Action::Parent => {
            let parent = app.reader.node.and_then(|n| app.outline.nodes[n].parent);
            if let Some(p) = parent {
                app.record_jump();
                app.reveal(p);
            }
        }
        _ => {}
    }
}

fn tables(app: &mut App, action: Action) {
    app.ensure_tables();
    let width = app.plan().right.map(|r| r.width as usize).unwrap_or(1);
    let amb = app.opts.amb;
    let (model, derived) = (&app.model, &app.derived);
    let Some(t) = app.tables.as_mut() else { return };
    let ncols = t
        .current_view(model, derived)
        .map(|v| v.columns.len())
        .unwrap_or(0);
    match action {
        Action::Down => t.move_row(1),
        Action::Up => t.move_row(-1),
        Action::Top => t.row_top(),
        Action::Bottom => t.row_bottom(),
        Action::PageDown => t.move_row(t.height.max(2) as isize - 1),
        Action::PageUp => t.move_row(-(t.height.max(2) as isize - 1)),
        Action::HalfPageDown => t.move_row(t.height.div_ceil(2).max(1) as isize),
        Action::HalfPageUp => t.move_row(-(t.height.div_ceil(2).max(1) as isize)),
        Action::Left => t.move_col(-1, ncols),
        Action::Right => t.move_col(1, ncols),
        Action::NextSibling | Action::PrevSibling => {
            t.step_table(action == Action::NextSibling, model, derived);
            app.outline_follows_table();
            return;
        }
        Action::Sort => t.cycle_sort(model, derived),
        Action::Filter => {
            app.filter_cursor = t.filter.chars().count();
            app.overlay = Some(Overlay::Filter);
        }
        Action::Records => {
            match t.row_records(model) {
                Some((report, records)) => {
                    app.records = Some(RecordsPopup::new(report, records, RecordsScope::Row));
                    app.overlay = Some(Overlay::Records);
                }
                None => app.message = Some(strings::NO_ROW_RECORDS),
            }
            return;
        }
        Action::CellPopup if t.cell_text(model, derived).is_some() => {
            t.popup_scroll = 0;
            app.overlay = Some(Overlay::Popup);
        }
        Action::Enter => {
            if let Some(loc) = t.row_source(model, derived) {
                let loc = match loc {
                    // A printed row's source is where the table sits in the reader.
                    crate::model::Location::Cell {
                        report, table, row, ..
                    } => {
                        let section = model
                            .reports
                            .iter()
                            .find(|r| r.id == report)
                            .and_then(|r| r.table(&table))
                            .map(|t| t.section.clone())
                            .unwrap_or_default();
                        return jump_to_table_in_reader(app, &report, &section, &table, row);
                    }
                    other => other,
                };
                app.jump(&loc);
            }
            return;
        }
        _ => {}
    }
    let avail = text_width(width);
    t.fit_columns(model, derived, amb, avail);
    if let Some(cols) = t.fitted(avail, amb).cloned() {
        t.scroll_cols_into_view(&cols, avail);
    }
}

fn jump_to_table_in_reader(app: &mut App, report: &str, section: &str, table: &str, row: usize) {
    let Some(ri) = app.model.reports.iter().position(|r| r.id == report) else {
        return;
    };
    app.ensure_report(ri);
    let node = if section.is_empty() {
        app.outline.find(ri, NodeKind::Preamble, "")
    } else {
        app.outline.find(ri, NodeKind::Section, section)
    };
    if let Some(n) = node {
        app.record_jump();
        app.reveal(n);
        app.reader.scroll_to_row(table, row);
        app.focus = Focus::Reader;
        app.right = Focus::Reader;
        app.relayout();
    }
}

fn pane_at(app: &App, x: u16, y: u16) -> Option<Focus> {
    let p = app.plan();
    let inside =
        |r: ratatui::layout::Rect| x >= r.x && x < r.x + r.width && y >= r.y && y < r.y + r.height;
    if p.outline.is_some_and(inside) {
        Some(Focus::Outline)
    } else if p.right.is_some_and(inside) {
        Some(app.right_pane())
    } else {
        None
    }
}

fn mouse_scroll(app: &mut App, d: i8, x: u16, y: u16) {
    if app.overlay.is_some() {
        let a = if d < 0 { Action::Up } else { Action::Down };
        return update(app, a);
    }
    match pane_at(app, x, y) {
        Some(Focus::Outline) => {
            for _ in 0..3 {
                if d < 0 {
                    app.outline.select_prev()
                } else {
                    app.outline.select_next()
                }
            }
            app.follow_outline();
        }
        Some(Focus::Reader) => app.reader.scroll(3 * d as isize),
        Some(Focus::Tables) => {
            if let Some(t) = app.tables.as_mut() {
                t.move_row(3 * d as isize)
            }
        }
        None => {}
    }
}

fn click(app: &mut App, x: u16, y: u16) {
    if app.overlay.is_some() {
        return;
    }
    let Some(pane) = pane_at(app, x, y) else {
        return;
    };
    app.focus = pane;
    if pane == Focus::Outline {
        if let Some(o) = app.plan().outline {
            let row = (y - o.y) as usize;
            if row >= 1 {
                let idx = app.outline.offset + row - 1;
                if idx < app.outline.visible.len() {
                    app.outline.selected = idx;
                    app.follow_outline();
                }
            }
        }
    } else {
        app.right = pane;
    }
    app.relayout();
}

impl App {
    /// Scroll the tables pane's columns so the cursor's column is on screen
    /// (after a jump; the same computation as at the end of `tables`).
    pub fn scroll_table_cols(&mut self) {
        let width = self.plan().right.map(|r| r.width as usize).unwrap_or(1);
        let (model, derived, amb) = (&self.model, &self.derived, self.opts.amb);
        let Some(t) = self.tables.as_mut() else {
            return;
        };
        if let Some(v) = t.current_view(model, derived) {
            // A location's column may be past a short row's end.
            t.col = t.col.min(v.columns.len().saturating_sub(1));
            let avail = text_width(width);
            t.fit_columns(model, derived, amb, avail);
            if let Some(cols) = t.fitted(avail, amb).cloned() {
                t.scroll_cols_into_view(&cols, avail);
            }
        }
    }

    /// Bring what the views read up to date: the tables pane's columns
    /// fitted to its width, the records popup's rows wrapped to its width,
    /// the cell popup laid out (each a no-op when its inputs did not change).
    pub fn prepare_views(&mut self) {
        self.fit_table_columns();
        let (w, amb) = (self.size.0, self.opts.amb);
        if let Some(p) = self.records.as_mut() {
            p.wrap_rows(&self.model, RecordsPopup::text_width(w), amb);
        }
        if self.overlay == Some(Overlay::Popup) {
            let body = ratatui::layout::Rect::new(0, 0, w, self.plan().status.y);
            let (model, derived) = (&self.model, &self.derived);
            if let Some(t) = self.tables.as_mut() {
                t.lay_out_popup(model, derived, body, amb);
            }
        }
    }

    /// Fit the tables pane's columns to its width now (a no-op when the
    /// table and the widths are those they were fitted for).
    pub fn fit_table_columns(&mut self) {
        let Some(r) = self.plan().right else { return };
        let (model, derived, amb) = (&self.model, &self.derived, self.opts.amb);
        if let Some(t) = self.tables.as_mut() {
            t.fit_columns(model, derived, amb, text_width(r.width as usize));
        }
    }

    /// After J / K in the tables pane: the outline (and so the status line)
    /// selects the table shown, or its report for a derived table.
    pub fn outline_follows_table(&mut self) {
        let Some(t) = self.tables.as_ref() else {
            return;
        };
        let report = match t.current_ref() {
            Some(TableRef::Printed { report, .. }) => Some(report),
            Some(TableRef::Derived(i)) => self
                .derived
                .get(i)
                .and_then(|d| self.model.reports.iter().position(|r| r.id == d.report)),
            None => None,
        };
        if let Some(r) = report {
            self.ensure_report(r);
        }
        let Some(t) = self.tables.as_ref() else {
            return;
        };
        let node = match t.current_ref() {
            Some(TableRef::Printed { report, table }) => self
                .model
                .reports
                .get(report)
                .and_then(|r| r.tables.get(table))
                .and_then(|tb| self.outline.find(report, NodeKind::Table, &tb.id)),
            Some(TableRef::Derived(i)) => self.derived.get(i).and_then(|d| {
                let ri = self.model.reports.iter().position(|r| r.id == d.report)?;
                self.outline.find(ri, NodeKind::Report, &d.report)
            }),
            None => None,
        };
        if let Some(n) = node {
            self.reveal(n);
        }
    }

    /// Open the outline's selection in the reader when it shows nothing yet.
    pub fn follow_outline_if_empty(&mut self) {
        if self.reader.node.is_none() {
            self.follow_outline();
        }
    }
}
