//! The Trend worker: counts the Trend view's phrases off the UI thread.
//!
//! The same shape as the search worker ([`super::searcher`]): the UI sends
//! each typed phrase with a sequence number and goes on drawing and reading
//! keys; the worker takes only the newest of the requests waiting, counts it
//! in every report (`trend::answer`: from the pack with the explorer's stubs
//! when the explorer opened one, a report parsed only when it holds the
//! phrase; else in the model) and sends the answer back, then calls the
//! UI's [`Wake`]. The UI keeps the answer to its latest request only (the
//! event loop takes it with `try_latest`, never waiting, and hands it to
//! `update` as a message). No terminal I/O.

use std::sync::mpsc::{channel, Receiver, Sender, TryRecvError};
use std::sync::Arc;

use super::searcher::{Gone, Wake};
use crate::model::{Model, Report};

/// What the worker counts in.
enum Source {
    /// A whole model (shared with the explorer).
    Model(Arc<Model>),
    /// A pack, and the explorer's stubs of its reports (the pack gave its
    /// own to the explorer).
    Pack {
        stubs: Vec<Report>,
        pack: Arc<crate::open::Opened>,
    },
}

impl Source {
    fn count(&self, query: &str) -> Result<crate::trend::Answer, String> {
        let a = match self {
            Source::Model(m) => crate::trend::answer(&**m, query, false, |_| true),
            Source::Pack { stubs, pack } => {
                let src = crate::trend::PackWithStubs { stubs, pack };
                crate::trend::answer(&src, query, false, |_| true)
            }
        };
        a.map_err(|e| e.to_string())
    }
}

/// One phrase to count.
#[derive(Debug)]
struct Request {
    seq: u64,
    query: String,
}

/// The worker's answer to request `seq` (for the query `query`, trimmed).
#[derive(Debug)]
pub struct Answer {
    pub seq: u64,
    pub query: String,
    pub result: Result<crate::trend::Answer, String>,
}

/// The UI's end of the worker.
#[derive(Debug)]
pub struct Counter {
    requests: Sender<Request>,
    answers: Receiver<Answer>,
    /// Number of the last request sent.
    sent: u64,
}

impl Counter {
    /// Start the worker on a whole model; `None` if no thread can be had.
    pub fn spawn(model: Arc<Model>, wake: Wake) -> Option<Counter> {
        Counter::start(Source::Model(model), wake)
    }

    /// Start the worker on a pack, with the explorer's stubs of its reports
    /// (metadata: the ones the explorer parsed are cloned whole); `None` if
    /// no thread can be had.
    pub fn spawn_pack(
        stubs: Vec<Report>,
        pack: Arc<crate::open::Opened>,
        wake: Wake,
    ) -> Option<Counter> {
        Counter::start(Source::Pack { stubs, pack }, wake)
    }

    fn start(source: Source, wake: Wake) -> Option<Counter> {
        let (requests, inbox) = channel::<Request>();
        let (outbox, answers) = channel::<Answer>();
        std::thread::Builder::new()
            .name("baogao-trend".into())
            .spawn(move || {
                work(&source, &inbox, &outbox, &wake);
                // a worker that stops wakes the UI too, which finds it gone
                wake();
            })
            .ok()?;
        Some(Counter {
            requests,
            answers,
            sent: 0,
        })
    }

    /// Ask for `query` to be counted; returns its sequence number.
    pub fn send(&mut self, query: &str) -> Result<u64, Gone> {
        self.sent += 1;
        let req = Request {
            seq: self.sent,
            query: query.trim().to_string(),
        };
        self.requests.send(req).map_err(|_| Gone)?;
        Ok(self.sent)
    }

    /// Number of the last request sent (its answer is the one that counts).
    pub fn latest(&self) -> u64 {
        self.sent
    }

    /// The answer to the latest request, if it has arrived (answers to
    /// older requests are dropped). Never waits.
    pub fn try_latest(&self) -> Result<Option<Answer>, Gone> {
        let mut latest = None;
        loop {
            match self.answers.try_recv() {
                Ok(a) if a.seq == self.sent => latest = Some(a),
                Ok(_) => {}
                Err(TryRecvError::Empty) => return Ok(latest),
                Err(TryRecvError::Disconnected) => return Err(Gone),
            }
        }
    }
}

/// The worker loop: until the UI hangs up.
fn work(source: &Source, inbox: &Receiver<Request>, outbox: &Sender<Answer>, wake: &Wake) {
    while let Ok(mut req) = inbox.recv() {
        // only the newest waiting request matters
        while let Ok(newer) = inbox.try_recv() {
            req = newer;
        }
        let result = source.count(&req.query);
        let answer = Answer {
            seq: req.seq,
            query: req.query,
            result,
        };
        if outbox.send(answer).is_err() {
            return;
        }
        wake();
    }
}
