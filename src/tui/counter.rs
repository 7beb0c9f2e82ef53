//! The Trend worker: counts the Trend view's phrases off the UI thread.
//!
//! A [`Latest`] worker like the search worker's (the channel, the skipping
//! of stale phrases and the wake-ups live in [`super::worker`]): it counts
//! each newest phrase in every report (`trend::answer`: from the pack with
//! the explorer's stubs when the explorer opened one, a report parsed only
//! when it holds the phrase; else in the model) and sends the answer back.
//! Here: what the worker counts in, and the UI's end of it with the Trend
//! view's types (the event loop takes the answer with `try_latest`, never
//! waiting, and hands it to `update` as a message). No terminal I/O.

use std::sync::Arc;

use super::worker::{Gone, Latest, Wake};
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

/// The worker's answer to request `seq` (for the query `query`, trimmed).
#[derive(Debug)]
pub struct Answer {
    pub seq: u64,
    pub query: String,
    pub result: Result<crate::trend::Answer, String>,
}

/// The UI's end of the worker: a phrase (trimmed) in, the phrase and its
/// count out.
#[derive(Debug)]
pub struct Counter {
    worker: Latest<String, (String, Result<crate::trend::Answer, String>)>,
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
        let count = move |query: String| {
            let result = source.count(&query);
            (query, result)
        };
        let worker = Latest::spawn("baogao-trend", move || count, wake)?;
        Some(Counter { worker })
    }

    /// Ask for `query` to be counted; returns its sequence number.
    pub fn send(&mut self, query: &str) -> Result<u64, Gone> {
        self.worker.send(query.trim().to_string())
    }

    /// Number of the last request sent (its answer is the one that counts).
    pub fn latest(&self) -> u64 {
        self.worker.latest()
    }

    /// The answer to the latest request, if it has arrived (answers to
    /// older requests are dropped). Never waits.
    pub fn try_latest(&self) -> Result<Option<Answer>, Gone> {
        let latest = self.worker.try_latest()?;
        Ok(latest.map(|(seq, (query, result))| Answer { seq, query, result }))
    }
}
