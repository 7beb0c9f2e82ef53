//! The search worker: runs the explorer's searches off the UI thread.
//!
//! A [`Latest`] worker (the channel, the skipping of stale queries and the
//! wake-ups live in [`super::worker`]): it builds the index as soon as it
//! starts (so the first search does not wait for it, on a corpus of any
//! size), narrows each newest query with a `Session`, and sends the hits
//! back. Here: what the worker does with a query, and the UI's end of it
//! with the search's types. No terminal I/O.
//!
//! Opened from a pack (`spawn_loading`), the worker parses every report to
//! index it and keeps none of them (the explorer parses the reports it
//! shows itself): the index alone stays in memory. Queries sent meanwhile
//! wait in the channel, and the UI keeps drawing.

use std::sync::Arc;

use super::worker::{Gone, Latest, Wake};
use crate::model::Model;
use crate::search::{Hit, Index, SearchOptions, Session};

/// One query for the worker.
#[derive(Debug)]
struct Request {
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
    worker: Latest<Request, Vec<Hit>>,
}

impl Searcher {
    /// Start the worker for `model`; `None` if no thread can be had.
    pub fn spawn(model: Arc<Model>, wake: Wake) -> Option<Searcher> {
        Searcher::start(move || Index::new(&model), wake)
    }

    /// Start a worker that indexes every report of `pack` (see the module
    /// doc); `None` if no thread can be had.
    pub fn spawn_loading(pack: Arc<crate::open::Opened>, wake: Wake) -> Option<Searcher> {
        // reports parsed a batch at a time on every core, indexed in model
        // order and dropped: only the index stays. A report that does not
        // parse or validate is indexed as its stub (its metadata, no text).
        Searcher::start(move || index_pack(&pack), wake)
    }

    fn start(index: impl FnOnce() -> Index + Send + 'static, wake: Wake) -> Option<Searcher> {
        let worker = Latest::spawn("baogao-search", move || searching(index()), wake)?;
        Some(Searcher { worker })
    }

    /// Ask for `query`; returns its sequence number.
    pub fn send(&mut self, query: &str, opts: SearchOptions) -> Result<u64, Gone> {
        self.worker.send(Request {
            query: query.to_string(),
            opts,
        })
    }

    /// Number of the last request sent (its answer is the one that counts).
    pub fn latest(&self) -> u64 {
        self.worker.latest()
    }

    /// The answer to the latest request, if it has arrived (answers to
    /// older requests are dropped). Never waits.
    pub fn try_latest(&self) -> Result<Option<Answer>, Gone> {
        let latest = self.worker.try_latest()?;
        Ok(latest.map(|(seq, hits)| Answer { seq, hits }))
    }

    /// Wait up to `timeout` for the hits of the latest request (tests only:
    /// the explorer never waits for the worker).
    #[cfg(test)]
    pub fn wait_latest(&self, timeout: std::time::Duration) -> Result<Option<Vec<Hit>>, Gone> {
        self.worker.wait_latest(timeout)
    }
}

/// The worker's work: each query searched in `index`, narrowing with one
/// `Session` (an empty query finds nothing).
fn searching(index: Index) -> impl FnMut(Request) -> Vec<Hit> {
    let mut session = Session::new();
    move |req| {
        if req.query.trim().is_empty() {
            Vec::new()
        } else {
            session.search(&index, &req.query, &req.opts)
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
