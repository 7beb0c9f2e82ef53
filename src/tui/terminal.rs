//! The terminal lifecycle, in one place: raw mode, alternate screen, mouse,
//! and restoring all of it on q, on error (a guard's Drop), on panic (a hook
//! that restores before the panic message is printed) and on SIGTERM, SIGHUP
//! and SIGINT (a thread that restores and exits). Also the event loop itself.

use std::io::{stdout, Write};
use std::process::ExitCode;

use anyhow::Context;
use ratatui::crossterm::event::{
    DisableMouseCapture, EnableMouseCapture, Event, KeyEventKind, MouseButton, MouseEventKind,
};
use ratatui::crossterm::terminal::{
    self, disable_raw_mode, enable_raw_mode, EnterAlternateScreen, LeaveAlternateScreen,
};
use ratatui::crossterm::{cursor, execute};

use super::action::{Action, Msg};
use super::app::App;
use super::input::{Inbox, Wake};
use super::keymap::action_for;
use super::screen::Screen;
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
    fn enter(mouse: bool, probe: bool) -> anyhow::Result<Guard> {
        let hook = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            hook(info);
        }));
        enable_raw_mode().context("cannot put the terminal in raw mode")?;
        let g = Guard;
        if probe {
            // in raw mode (the reply must not echo), on the main screen
            super::probe::ask();
        }
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

/// Run the explorer until q or a signal; the terminal is restored on every
/// way out. With `probe`, the ambiguous-width probe is sent on the way in
/// and its reply applied whenever it comes (the first frame does not wait).
pub fn run_app(
    app: &mut App,
    exit_after_first_frame: bool,
    probe: bool,
) -> anyhow::Result<ExitCode> {
    watch_signals()?;
    let _guard = Guard::enter(app.opts.mouse, probe)?;
    let (w, h) = terminal::size().context("cannot read the terminal size")?;
    update(app, Action::Resize(w, h));
    let mut screen = Screen::new(w, h);
    // to measure what scroll regions save (scripts/ssh-bytes.py), and a way
    // out should a terminal mishandle them
    screen.scrolling = std::env::var_os("BAOGAO_NO_SCROLL_REGIONS").is_none();
    draw(&mut screen, app)?;
    if exit_after_first_frame {
        return Ok(ExitCode::SUCCESS);
    }
    let inbox = Inbox::start(probe).context("cannot start the input thread")?;
    // after the first frame, which has both cores until then
    app.start_search_worker_waking(inbox.search_waker());
    loop {
        // sleep until something happens, then apply everything that has
        // happened before drawing once (keys faster than frames are batched)
        let first = inbox.rx.recv().context("cannot read the terminal")?;
        let mut dirty = false;
        for wake in std::iter::once(first).chain(std::iter::from_fn(|| inbox.rx.try_recv().ok())) {
            dirty |= apply(app, &mut screen, wake)?;
            if app.quit {
                return Ok(ExitCode::SUCCESS);
            }
        }
        if dirty {
            draw(&mut screen, app)?;
        }
    }
}

/// Apply one wake-up; true when the screen may have changed.
fn apply(app: &mut App, screen: &mut Screen, wake: Wake) -> anyhow::Result<bool> {
    match wake {
        Wake::Input(ev) => {
            let Some(a) = action_for_event(app, &ev) else {
                return Ok(false);
            };
            if let Action::Resize(w, h) = a {
                screen.resize(w, h);
            }
            update(app, a);
            if let Some(text) = app.clipboard.take() {
                copy_to_clipboard(&text);
            }
            Ok(true)
        }
        Wake::Search => match app.search_message() {
            Some(msg) => {
                update(app, msg);
                Ok(true)
            }
            None => Ok(false),
        },
        Wake::Ambiguous(amb) => {
            super::probe::remember(amb);
            if amb == app.opts.amb {
                return Ok(false);
            }
            update(app, Msg::AmbiguousWidth(amb));
            // every cell's width on the terminal differs from what we drew
            screen.invalidate();
            Ok(true)
        }
        Wake::Gone(e) => Err(anyhow::anyhow!("cannot read the terminal: {e}")),
    }
}

/// Draw a frame and write the bytes that bring the terminal to it.
fn draw(screen: &mut Screen, app: &App) -> anyhow::Result<()> {
    let bytes = screen.frame(|buf| ui::draw(app, buf));
    let mut out = stdout().lock();
    out.write_all(&bytes)
        .and_then(|()| out.flush())
        .context("cannot draw")
}
