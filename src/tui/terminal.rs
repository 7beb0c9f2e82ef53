//! The terminal lifecycle, in one place: raw mode, alternate screen, mouse,
//! and restoring all of it on q, on error (a guard's Drop), on panic (a hook
//! that restores before the panic message is printed) and on signals (a
//! thread of its own). Also the event loop itself.
//!
//! Signals, as less and vim treat them:
//! - SIGTERM, SIGHUP (an SSH drop), SIGINT, SIGQUIT, SIGUSR1, SIGALRM:
//!   restore the terminal and exit with 128 + the signal (the default action
//!   of each is to end the process; SIGQUIT's core dump is not worth a
//!   terminal left in raw mode).
//! - SIGTSTP (`kill -TSTP`, or Ctrl-Z: raw mode delivers it as a key, and
//!   the key raises SIGTSTP): restore the terminal, stop for real, and on
//!   continuing take the terminal back (raw mode, alternate screen, mouse)
//!   and redraw everything. The stop is SIGTSTP at its default action, not
//!   SIGSTOP, so that where no shell could continue us (an orphaned process
//!   group) the kernel discards it instead of leaving the process stopped.
//! - SIGCONT after a stop we did not see (SIGSTOP cannot be caught): raw
//!   mode again (the shell may have put the terminal back in line mode) and
//!   a full redraw (it wrote "Stopped" over our screen).
//!
//! Every write of ours to the terminal holds [`TTY`], so a frame never lands
//! on the shell's screen between giving the terminal up and taking it back.

use std::io::{stdout, Write};
use std::process::ExitCode;
use std::sync::mpsc::Sender;
use std::sync::{Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use anyhow::Context;
use ratatui::crossterm::event::{
    DisableMouseCapture, Event, KeyEventKind, MouseButton, MouseEventKind,
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

/// What we set the terminal to, held by every write of ours to it.
struct Tty {
    /// Mouse reporting was asked for.
    mouse: bool,
    /// When we last took the terminal back after our own stop (the SIGCONT
    /// that continued us is then already handled).
    resumed: Option<Instant>,
}

static TTY: Mutex<Tty> = Mutex::new(Tty {
    mouse: false,
    resumed: None,
});

fn tty() -> MutexGuard<'static, Tty> {
    TTY.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Watch for the signals above from a thread of their own. The event loop
/// cannot be relied on to notice: once the terminal is gone, reading it may
/// never return. `redraw` tells the loop the terminal was taken back.
fn watch_signals(redraw: Sender<Wake>) -> anyhow::Result<()> {
    use signal_hook::consts::{
        SIGALRM, SIGCONT, SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP, SIGUSR1,
    };
    let mut signals = signal_hook::iterator::Signals::new([
        SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGUSR1, SIGALRM, SIGTSTP, SIGCONT,
    ])
    .context("cannot install signal handlers")?;
    std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            for sig in signals.forever() {
                let again = match sig {
                    SIGTSTP => {
                        suspend();
                        true
                    }
                    SIGCONT => take_back(),
                    _ => {
                        restore();
                        std::process::exit(128 + sig);
                    }
                };
                if again {
                    let _ = redraw.send(Wake::Redraw);
                }
            }
        })
        .context("cannot start the signal thread")?;
    Ok(())
}

/// Give the terminal back as we found it, stop as the shell's job, and take
/// the terminal back when continued (or at once, if the kernel discarded
/// the stop).
fn suspend() {
    let mut t = tty();
    restore();
    stop();
    let _ = claim(t.mouse);
    t.resumed = Some(Instant::now());
}

/// Stop the process as the terminal's Ctrl-Z would: SIGTSTP at its default
/// action (ours is to come here), raised on this thread so that the stop
/// happens before `raise` returns, then our handler again.
fn stop() {
    use signal_hook::consts::SIGTSTP;
    // SAFETY: plain sigaction/raise calls with zeroed, then filled, structs;
    // the previous action (signal-hook's) is put back as it was.
    unsafe {
        let mut dfl: libc::sigaction = std::mem::zeroed();
        dfl.sa_sigaction = libc::SIG_DFL;
        let mut ours: libc::sigaction = std::mem::zeroed();
        if libc::sigaction(SIGTSTP, &dfl, &mut ours) != 0 {
            return;
        }
        libc::raise(SIGTSTP);
        libc::sigaction(SIGTSTP, &ours, std::ptr::null_mut());
    }
}

/// On SIGCONT: true when the screen must be redrawn. Right after our own
/// stop, [`suspend`] has taken the terminal back already; otherwise we were
/// stopped without seeing it (SIGSTOP): raw mode again, and a redraw.
fn take_back() -> bool {
    let mut t = tty();
    if t.resumed
        .take()
        .is_some_and(|at| at.elapsed() < Duration::from_secs(1))
    {
        return false;
    }
    let _ = disable_raw_mode();
    let _ = enable_raw_mode();
    true
}

/// Raw mode, the alternate screen, no cursor, and the mouse if asked.
fn claim(mouse: bool) -> anyhow::Result<()> {
    enable_raw_mode().context("cannot put the terminal in raw mode")?;
    enter_screen(mouse)
}

fn enter_screen(mouse: bool) -> anyhow::Result<()> {
    let mut out = stdout();
    execute!(out, EnterAlternateScreen, cursor::Hide).context("cannot set up the terminal")?;
    if mouse {
        // clicks and the wheel are all the explorer reads: press/release
        // reports (1000) in SGR encoding (1006), not crossterm's full set,
        // whose motion tracking (1002, 1003) sends a report up the link for
        // every cell the pointer crosses
        out.write_all(b"\x1b[?1000h\x1b[?1006h")
            .and_then(|()| out.flush())
            .context("cannot enable the mouse")?;
    }
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
        let mut t = tty();
        t.mouse = mouse;
        enable_raw_mode().context("cannot put the terminal in raw mode")?;
        let g = Guard;
        if probe {
            // in raw mode (the reply must not echo), on the main screen
            super::probe::ask();
        }
        enter_screen(mouse)?;
        Ok(g)
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        let _t = tty();
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
    let _t = tty();
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
    let inbox = Inbox::new();
    watch_signals(inbox.sender())?;
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
    inbox
        .start_input(probe)
        .context("cannot start the input thread")?;
    // after the first frame, which has both cores until then
    app.start_search_worker_waking(inbox.search_waker());
    app.start_trend_worker_waking(inbox.trend_waker());
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
            if std::mem::take(&mut app.suspend) {
                // as the terminal's Ctrl-Z would (raw mode turned that off):
                // the signal thread restores the terminal and stops us
                let _ = signal_hook::low_level::raise(signal_hook::consts::SIGTSTP);
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
        Wake::Trend => match app.trend_message() {
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
        Wake::Redraw => {
            // the size may have changed while we were stopped
            let (w, h) = terminal::size().unwrap_or(screen.size());
            if (w, h) != screen.size() {
                screen.resize(w, h);
                update(app, Action::Resize(w, h));
            }
            screen.invalidate();
            Ok(true)
        }
        Wake::Gone(e) => Err(anyhow::anyhow!("cannot read the terminal: {e}")),
    }
}

/// Draw a frame and write the bytes that bring the terminal to it.
fn draw(screen: &mut Screen, app: &App) -> anyhow::Result<()> {
    let bytes = screen.frame(|buf| ui::draw(app, buf));
    let _t = tty();
    let mut out = stdout().lock();
    out.write_all(&bytes)
        .and_then(|()| out.flush())
        .context("cannot draw")
}
