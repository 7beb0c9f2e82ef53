//! The search worker: runs the explorer's searches off the UI thread.
//!
//! The UI sends each query with a sequence number and goes on drawing and
//! reading keys; the worker builds the index as soon as it starts (so the
//! first search does not wait for it, on a corpus of any size), takes
//! only the newest of the requests waiting (typing faster than it searches
//! skips the stale ones), narrows with a `Session`, and sends the hits back.
//! The UI keeps the answer to its latest request only: the event loop
//! takes it with `try_latest` (never waiting) and hands it to `update` as a
//! message. After each answer the worker calls the UI's [`Wake`], so the
//! event loop sleeps until there is something to do instead of polling for
//! answers on a timer. No terminal I/O.
//!
//! Opened from a pack (`spawn_loading`), the worker parses every report to
//! index it and keeps none of them (the explorer parses the reports it
//! shows itself): the index alone stays in memory. Queries sent meanwhile
//! wait in the channel, and the UI keeps drawing.

use std::sync::mpsc::{channel, Receiver, Sender, TryRecvError};
use std::sync::Arc;

use crate::model::Model;
use crate::search::{Hit, Index, SearchOptions, Session};

/// One query for the worker.
#[derive(Debug)]
struct Request {
    seq: u64,
    query: String,
    opts: SearchOptions,
}

/// The worker's answer to request `seq`.
#[derive(Debug)]
pub struct Answer {
    pub seq: u64,
    pub hits: Vec<Hit>,
}

/// The UI's end of the worker.
#[derive(Debug)]
pub struct Searcher {
    requests: Sender<Request>,
    answers: Receiver<Answer>,
    /// Number of the last request sent.
    sent: u64,
}

/// Called by the worker after each answer it sends (the event loop's
/// alarm clock: it must not block).
pub type Wake = Box<dyn Fn() + Send>;

/// Why the worker cannot be used any more (it stopped: the UI searches
/// itself from then on).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Gone;

impl Searcher {
    /// Start the worker for `model`; `None` if no thread can be had.
    pub fn spawn(model: Arc<Model>, wake: Wake) -> Option<Searcher> {
        Searcher::start(move || Some(Index::new(&model)), wake)
    }

    /// Start a worker that indexes every report of `pack` (see the module
    /// doc); `None` if no thread can be had.
    pub fn spawn_loading(pack: Arc<crate::open::Opened>, wake: Wake) -> Option<Searcher> {
        // reports parsed a batch at a time on every core, indexed in model
        // order and dropped: only the index stays. A report that does not
        // parse or validate is indexed as its stub (its metadata, no text).
        Searcher::start(move || Some(index_pack(&pack)), wake)
    }

    fn start(
        index: impl FnOnce() -> Option<Index> + Send + 'static,
        wake: Wake,
    ) -> Option<Searcher> {
        let (requests, inbox) = channel::<Request>();
        let (outbox, answers) = channel::<Answer>();
        std::thread::Builder::new()
            .name("baogao-search".into())
            .spawn(move || {
                if let Some(index) = index() {
                    work(&index, &inbox, &outbox, &wake)
                }
                // a worker that stops (no index, or the UI hung up) wakes the
                // UI too, which then finds it gone
                wake();
            })
            .ok()?;
        Some(Searcher {
            requests,
            answers,
            sent: 0,
        })
    }

    /// Ask for `query`; returns its sequence number.
    pub fn send(&mut self, query: &str, opts: SearchOptions) -> Result<u64, Gone> {
        self.sent += 1;
        let req = Request {
            seq: self.sent,
            query: query.to_string(),
            opts,
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

    /// Wait up to `timeout` for the hits of the latest request (tests only:
    /// the explorer never waits for the worker).
    #[cfg(test)]
    pub fn wait_latest(&self, timeout: std::time::Duration) -> Result<Option<Vec<Hit>>, Gone> {
        use std::sync::mpsc::RecvTimeoutError;
        let end = std::time::Instant::now() + timeout;
        loop {
            let left = end.saturating_duration_since(std::time::Instant::now());
            match self.answers.recv_timeout(left) {
                Ok(a) if a.seq == self.sent => return Ok(Some(a.hits)),
                Ok(_) => {}
                Err(RecvTimeoutError::Timeout) => return Ok(None),
                Err(RecvTimeoutError::Disconnected) => return Err(Gone),
            }
        }
    }
}

/// The index of every report of a pack, never holding more than a batch
/// of parsed reports.
fn index_pack(pack: &crate::open::Opened) -> Index {
    use rayon::prelude::*;
    const BATCH: usize = 32;
    let mut b = crate::search::IndexBuilder::new();
    let n = pack.len();
    for start in (0..n).step_by(BATCH) {
        let batch: Vec<crate::model::Report> = (start..(start + BATCH).min(n))
            .into_par_iter()
            .map(|i| {
                pack.report(i).unwrap_or_else(|_| {
                    pack.stubs()
                        .get(i)
                        .cloned()
                        .unwrap_or_else(|| crate::model::Report::empty("", ""))
                })
            })
            .collect();
        for r in &batch {
            b.add_report(r);
        }
    }
    b.finish()
}

/// The worker loop: until the UI hangs up.
fn work(index: &Index, inbox: &Receiver<Request>, outbox: &Sender<Answer>, wake: &Wake) {
    let mut session = Session::new();
    while let Ok(mut req) = inbox.recv() {
        // only the newest waiting request matters
        while let Ok(newer) = inbox.try_recv() {
            req = newer;
        }
        let hits = if req.query.trim().is_empty() {
            Vec::new()
        } else {
            session.search(index, &req.query, &req.opts)
        };
        if outbox.send(Answer { seq: req.seq, hits }).is_err() {
            return;
        }
        wake();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::location_id;
    use std::time::Duration;

    fn model() -> Arc<Model> {
        Arc::new(crate::load_plan_model().expect("bundled model loads"))
    }

    fn ids(hits: &[Hit]) -> Vec<String> {
        hits.iter().map(|h| location_id(&h.location)).collect()
    }

    #[test]
    fn answers_match_a_search_on_this_thread() {
        let m = model();
        let mut s = Searcher::spawn(m.clone(), Box::new(|| {})).expect("a thread");
        let index = Index::new(&m);
        let opts = SearchOptions {
            report: None,
            limit: 50,
        };
        for q in ["jzx", "集装箱 吞吐", "'90.4%", "yinhang"] {
            s.send(q, opts.clone()).expect("worker runs");
            let hits = s
                .wait_latest(Duration::from_secs(20))
                .expect("worker runs")
                .expect("an answer in time");
            assert!(!hits.is_empty(), "{q}");
            assert_eq!(ids(&hits), ids(&index.search(q, &opts)), "{q}");
        }
    }

    #[test]
    fn only_the_latest_request_is_answered_to_the_ui() {
        let mut s = Searcher::spawn(model(), Box::new(|| {})).expect("a thread");
        let opts = SearchOptions::default();
        // typed faster than searched: every prefix sent at once
        for end in 1..="chongxin".len() {
            s.send(&"chongxin"[..end], opts.clone())
                .expect("worker runs");
        }
        let hits = s
            .wait_latest(Duration::from_secs(20))
            .expect("worker runs")
            .expect("an answer in time");
        assert!(hits.iter().any(|h| h.text.contains("重新")));
        // nothing else is pending for the UI
        assert!(matches!(s.try_latest(), Ok(None)));
        // an empty query clears the hits
        s.send("  ", opts).expect("worker runs");
        let hits = s.wait_latest(Duration::from_secs(20)).expect("worker runs");
        assert_eq!(hits.map(|h| h.len()), Some(0));
    }
}
