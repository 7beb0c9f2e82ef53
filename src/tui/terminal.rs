//! The terminal lifecycle, in one place: raw mode, alternate screen, mouse,
//! and restoring all of it on q, on error (a guard's Drop), on panic (a hook
//! that restores before the panic message is printed) and on SIGTERM, SIGHUP
//! and SIGINT (a thread that restores and exits). Also the event loop itself.

use std::io::{stdout, Write};
use std::process::ExitCode;
use std::time::Duration;

use anyhow::Context;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, KeyEventKind, MouseButton, MouseEventKind,
};
use ratatui::crossterm::terminal::{
    disable_raw_mode, enable_raw_mode, EnterAlternateScreen, LeaveAlternateScreen,
};
use ratatui::crossterm::{cursor, execute};
use ratatui::Terminal;

use super::action::Action;
use super::app::App;
use super::keymap::action_for;
use super::ui;
use super::update::update;

/// On SIGTERM, SIGHUP (an SSH drop) or SIGINT: restore the terminal and exit
/// with 128 + the signal, from a thread of its own. The event loop cannot be
/// relied on to notice: once the terminal is gone, reading it may never return.
fn watch_signals() -> anyhow::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT])
        .context("cannot install signal handlers")?;
    std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            if let Some(sig) = signals.forever().next() {
                restore();
                std::process::exit(128 + sig);
            }
        })
        .context("cannot start the signal thread")?;
    Ok(())
}

/// Put the terminal back as we found it. Safe to call more than once;
/// errors are ignored (after SIGHUP there may be no terminal left).
pub fn restore() {
    let _ = disable_raw_mode();
    let mut out = stdout();
    let _ = execute!(out, DisableMouseCapture, LeaveAlternateScreen, cursor::Show);
    let _ = out.flush();
}

struct Guard;

impl Guard {
    fn enter(mouse: bool) -> anyhow::Result<Guard> {
        let hook = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            hook(info);
        }));
        enable_raw_mode().context("cannot put the terminal in raw mode")?;
        let g = Guard;
        let mut out = stdout();
        execute!(out, EnterAlternateScreen, cursor::Hide).context("cannot set up the terminal")?;
        if mouse {
            execute!(out, EnableMouseCapture).context("cannot enable the mouse")?;
        }
        Ok(g)
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        restore();
    }
}

/// Map a terminal event to an action for the current mode.
pub fn action_for_event(app: &App, ev: &Event) -> Option<Action> {
    match ev {
        Event::Key(k) if k.kind != KeyEventKind::Release => action_for(app.mode(), *k),
        Event::Resize(w, h) => Some(Action::Resize(*w, *h)),
        Event::Mouse(m) => match m.kind {
            MouseEventKind::ScrollUp => Some(Action::Scroll(-1, m.column, m.row)),
            MouseEventKind::ScrollDown => Some(Action::Scroll(1, m.column, m.row)),
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click(m.column, m.row)),
            _ => None,
        },
        _ => None,
    }
}

/// Write `text` to the terminal's clipboard (OSC 52; tmux passthrough
/// when $TMUX is set). Errors are ignored: a copy must not end the session.
fn copy_to_clipboard(text: &str) {
    let tmux = std::env::var_os("TMUX").is_some_and(|v| !v.is_empty());
    let mut out = stdout();
    let _ = out.write_all(&super::clipboard::osc52(text, tmux));
    let _ = out.flush();
}

/// Run the explorer until q or a signal; the terminal is restored on every way out.
pub fn run_app(app: &mut App, exit_after_first_frame: bool) -> anyhow::Result<ExitCode> {
    watch_signals()?;
    let _guard = Guard::enter(app.opts.mouse)?;
    let mut term =
        Terminal::new(CrosstermBackend::new(stdout())).context("cannot open the terminal")?;
    let size = term.size().context("cannot read the terminal size")?;
    update(app, Action::Resize(size.width, size.height));
    let mut dirty = true;
    let mut worker_started = false;
    loop {
        // the search worker's answers, as messages (never waited for)
        if let Some(msg) = app.search_message() {
            update(app, msg);
            dirty = true;
        }
        if dirty {
            term.draw(|f| ui::draw(app, f.buffer_mut()))
                .context("cannot draw")?;
            dirty = false;
            if exit_after_first_frame {
                return Ok(ExitCode::SUCCESS);
            }
            if !worker_started {
                // after the first frame, which has both cores until then
                app.start_search_worker();
                worker_started = true;
            }
        }
        // A bounded poll keeps the loop responsive to resizes and the like;
        // while the search worker is busy, look for its answer often.
        let wait = if app.search.pending { 5 } else { 100 };
        if !event::poll(Duration::from_millis(wait)).context("cannot read the terminal")? {
            continue;
        }
        // Apply every pending event before drawing again (keeps up with key repeat).
        loop {
            let ev = event::read().context("cannot read the terminal")?;
            if let Some(a) = action_for_event(app, &ev) {
                update(app, a);
                dirty = true;
            }
            if let Some(text) = app.clipboard.take() {
                copy_to_clipboard(&text);
            }
            if app.quit || !event::poll(Duration::ZERO).unwrap_or(false) {
                break;
            }
        }
        if app.quit {
            return Ok(ExitCode::SUCCESS);
        }
    }
}
