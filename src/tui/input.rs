//! The event loop's one inbox: a thread that reads the terminal (keys,
//! mouse, resizes, and the ambiguous-width probe's reply), the search
//! worker's wake-ups and the signal thread's (the terminal taken back after
//! a stop) all send into one channel, so the loop sleeps in
//! `recv` until there is something to do: no timer, no CPU while idle.
//! Reading only; drawing and state changes are the loop's.

use std::sync::mpsc::{channel, Receiver, Sender};

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

    /// Start the input thread. With `probed`, its first read is the reply
    /// to the probe (see [`probe::ask`]): keys typed meanwhile are queued by
    /// crossterm and come after it, in order; no reply within crossterm's
    /// two seconds leaves the guess in place.
    pub fn start_input(&self, probed: bool) -> std::io::Result<()> {
        let input = self.tx.clone();
        std::thread::Builder::new()
            .name("baogao-input".into())
            .spawn(move || read_terminal(&input, probed))?;
        Ok(())
    }

    /// A wake-up for the search worker to call after each answer.
    pub fn search_waker(&self) -> super::searcher::Wake {
        let tx = self.tx.clone();
        Box::new(move || {
            let _ = tx.send(Wake::Search);
        })
    }
}

fn read_terminal(tx: &Sender<Wake>, probed: bool) {
    if probed {
        // crossterm parses "ESC[r;cR" as a cursor report, which `read`
        // never returns; `position` takes the first one queued: the reply
        // to our ESC[6n, written before its own (whose reply is dropped)
        if let Ok((x, _)) = ratatui::crossterm::cursor::position() {
            if tx.send(Wake::Ambiguous(probe::answer(x))).is_err() {
                return;
            }
        }
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
