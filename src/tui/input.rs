//! The event loop's one inbox: a thread that reads the terminal (keys,
//! mouse, resizes, and the ambiguous-width probe's reply), the search
//! worker's wake-ups and the signal thread's (the terminal taken back after
//! a stop) all send into one channel, so the loop sleeps in
//! `recv` until there is something to do: no timer, no CPU while idle.
//! Reading only; drawing and state changes are the loop's.

use std::sync::mpsc::{channel, Receiver, Sender};
use std::time::{Duration, Instant};

use ratatui::crossterm::event::{self, Event};

use super::probe;
use crate::text::AmbiguousWidth;

/// Something for the event loop.
#[derive(Debug)]
pub enum Wake {
    /// A terminal event.
    Input(Event),
    /// The terminal answered the ambiguous-width probe.
    Ambiguous(AmbiguousWidth),
    /// The search worker has sent an answer (or stopped).
    Search,
    /// The Trend worker has sent an answer (or stopped).
    Trend,
    /// The terminal was given up and taken back (a stop and `fg`): what is
    /// on it is not what we drew.
    Redraw,
    /// The terminal cannot be read any more.
    Gone(String),
}

/// The loop's end of the inbox, and a sender for the worker's wake-ups.
pub struct Inbox {
    pub rx: Receiver<Wake>,
    tx: Sender<Wake>,
}

impl Default for Inbox {
    fn default() -> Inbox {
        Inbox::new()
    }
}

impl Inbox {
    /// An inbox with no input thread yet (see [`Inbox::start_input`]).
    pub fn new() -> Inbox {
        let (tx, rx) = channel();
        Inbox { rx, tx }
    }

    /// A sender for another thread's wake-ups (the signal thread's).
    pub fn sender(&self) -> Sender<Wake> {
        self.tx.clone()
    }

    /// Start the input thread. With `probed`, it also watches for the
    /// reply to the probe (see [`probe::ask`]) for [`PROBE_WINDOW`], never
    /// holding a key back meanwhile; no reply by then leaves the guess.
    pub fn start_input(&self, probed: bool) -> std::io::Result<()> {
        let input = self.tx.clone();
        std::thread::Builder::new()
            .name("baogao-input".into())
            .spawn(move || read_terminal(&input, probed))?;
        Ok(())
    }

    /// A wake-up for the search worker to call after each answer.
    pub fn search_waker(&self) -> super::worker::Wake {
        let tx = self.tx.clone();
        Box::new(move || {
            let _ = tx.send(Wake::Search);
        })
    }

    /// The Trend worker's alarm clock.
    pub fn trend_waker(&self) -> super::worker::Wake {
        let tx = self.tx.clone();
        Box::new(move || {
            let _ = tx.send(Wake::Trend);
        })
    }
}

/// How long a reply to the probe is waited for (by the input thread,
/// never by the screen or the keys).
const PROBE_WINDOW: Duration = Duration::from_secs(5);

/// The longest the probe window sleeps without asking crossterm for
/// events that do not come from the terminal's input (resizes).
const PROBE_TICK: Duration = Duration::from_millis(100);

fn read_terminal(tx: &Sender<Wake>, probed: bool) {
    if probed && !watch_for_the_reply(tx) {
        return;
    }
    loop {
        let wake = match event::read() {
            Ok(ev) => Wake::Input(ev),
            Err(e) => Wake::Gone(e.to_string()),
        };
        let gone = matches!(wake, Wake::Gone(_));
        if tx.send(wake).is_err() || gone {
            return;
        }
    }
}

/// The first [`PROBE_WINDOW`] of input: every key is passed on the moment
/// it is read, and the reply to the probe is taken whenever it comes.
/// crossterm parses "ESC[r;cR" as a cursor report that `read` never
/// returns, and its `cursor::position` blocks every key for two seconds
/// when the terminal does not answer; so this waits on the terminal itself
/// (`poll(2)`, which reads nothing), lets crossterm read and parse what
/// came, and only when input came that made no event (the reply, queued
/// inside crossterm) asks `position`, which then returns that queued reply
/// at once. False when the loop should stop (the terminal or the loop is
/// gone).
fn watch_for_the_reply(tx: &Sender<Wake>) -> bool {
    let end = Instant::now() + PROBE_WINDOW;
    loop {
        let left = end.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return true;
        }
        wait_for_input(left.min(PROBE_TICK));
        let pending = pending_input();
        let mut events = 0;
        loop {
            match event::poll(Duration::ZERO) {
                Ok(true) => {}
                Ok(false) => break,
                Err(e) => {
                    let _ = tx.send(Wake::Gone(e.to_string()));
                    return false;
                }
            }
            let wake = match event::read() {
                Ok(ev) => Wake::Input(ev),
                Err(e) => Wake::Gone(e.to_string()),
            };
            let gone = matches!(wake, Wake::Gone(_));
            if tx.send(wake).is_err() || gone {
                return false;
            }
            events += 1;
        }
        if pending > 0 && events == 0 {
            // input that is no event: the reply (or part of it); a
            // reply that came in one read with a key is not seen, and the
            // guess stays
            if let Ok((x, _)) = ratatui::crossterm::cursor::position() {
                return tx.send(Wake::Ambiguous(probe::answer(x))).is_ok();
            }
        }
    }
}

/// Sleep until the terminal has input or `timeout` passes (reads nothing).
fn wait_for_input(timeout: Duration) {
    let mut fd = libc::pollfd {
        fd: libc::STDIN_FILENO,
        events: libc::POLLIN,
        revents: 0,
    };
    let ms = timeout.as_millis().min(i32::MAX as u128) as i32;
    // SAFETY: one valid pollfd, its count, a timeout.
    unsafe {
        libc::poll(&mut fd, 1, ms);
    }
}

/// How many bytes of input wait to be read (0 when that cannot be told).
fn pending_input() -> i32 {
    let mut n: libc::c_int = 0;
    // SAFETY: FIONREAD writes one c_int.
    let r = unsafe { libc::ioctl(libc::STDIN_FILENO, libc::FIONREAD, &mut n) };
    if r == 0 {
        n
    } else {
        0
    }
}
