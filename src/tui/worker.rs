//! A "latest answer" worker: a thread that answers the UI's requests off
//! the UI thread, generic over the request, the answer and the work.
//!
//! The UI sends each request with a sequence number and goes on drawing
//! and reading keys; the worker takes only the newest of the requests
//! waiting (asking faster than it works skips the stale ones), works it and
//! sends the answer back, then calls the UI's [`Wake`] (so the event loop
//! sleeps until there is something to do instead of polling on a timer).
//! The UI keeps the answer to its latest request only: it takes it with
//! [`Latest::try_latest`], never waiting. A worker that stops (the UI hung
//! up) wakes the UI too; one that is gone is [`Gone`] to the UI, which then
//! works on its own thread.
//!
//! Only the channel and the thread live here: what a worker does (search,
//! count) lives with its user ([`super::searcher`], [`super::counter`]).
//! No terminal I/O.

use std::sync::mpsc::{channel, Receiver, Sender, TryRecvError};

/// Called by a worker after each answer it sends (the event loop's alarm
/// clock: it must not block).
pub type Wake = Box<dyn Fn() + Send>;

/// Why a worker cannot be used any more (it stopped: the UI works itself
/// from then on).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Gone;

/// The UI's end of a worker that answers requests `Req` with `Ans`.
#[derive(Debug)]
pub struct Latest<Req, Ans> {
    requests: Sender<(u64, Req)>,
    answers: Receiver<(u64, Ans)>,
    /// Number of the last request sent.
    sent: u64,
}

impl<Req: Send + 'static, Ans: Send + 'static> Latest<Req, Ans> {
    /// Start a thread named `name` that first makes its work function with
    /// `setup` (on the thread: a slow setup does not hold up the UI, and
    /// requests sent meanwhile wait), then answers each request with it
    /// until the UI hangs up. `None` if no thread can be had.
    pub fn spawn<W>(
        name: &str,
        setup: impl FnOnce() -> W + Send + 'static,
        wake: Wake,
    ) -> Option<Latest<Req, Ans>>
    where
        W: FnMut(Req) -> Ans,
    {
        let (requests, inbox) = channel::<(u64, Req)>();
        let (outbox, answers) = channel::<(u64, Ans)>();
        std::thread::Builder::new()
            .name(name.into())
            .spawn(move || {
                work(setup(), &inbox, &outbox, &wake);
                // a worker that stops (the UI hung up) wakes the UI too,
                // which then finds it gone
                wake();
            })
            .ok()?;
        Some(Latest {
            requests,
            answers,
            sent: 0,
        })
    }

    /// Ask for `req` to be answered; returns its sequence number.
    pub fn send(&mut self, req: Req) -> Result<u64, Gone> {
        self.sent += 1;
        self.requests.send((self.sent, req)).map_err(|_| Gone)?;
        Ok(self.sent)
    }

    /// Number of the last request sent (its answer is the one that counts).
    pub fn latest(&self) -> u64 {
        self.sent
    }

    /// The answer to the latest request with its sequence number, if it
    /// has arrived (answers to older requests are dropped). Never waits.
    pub fn try_latest(&self) -> Result<Option<(u64, Ans)>, Gone> {
        let mut latest = None;
        loop {
            match self.answers.try_recv() {
                Ok((seq, a)) if seq == self.sent => latest = Some((seq, a)),
                Ok(_) => {}
                Err(TryRecvError::Empty) => return Ok(latest),
                Err(TryRecvError::Disconnected) => return Err(Gone),
            }
        }
    }

    /// Wait up to `timeout` for the answer to the latest request (tests
    /// only: the explorer never waits for a worker).
    #[cfg(test)]
    pub fn wait_latest(&self, timeout: std::time::Duration) -> Result<Option<Ans>, Gone> {
        use std::sync::mpsc::RecvTimeoutError;
        let end = std::time::Instant::now() + timeout;
        loop {
            let left = end.saturating_duration_since(std::time::Instant::now());
            match self.answers.recv_timeout(left) {
                Ok((seq, a)) if seq == self.sent => return Ok(Some(a)),
                Ok(_) => {}
                Err(RecvTimeoutError::Timeout) => return Ok(None),
                Err(RecvTimeoutError::Disconnected) => return Err(Gone),
            }
        }
    }
}

/// The worker loop: until the UI hangs up.
fn work<Req, Ans>(
    mut answer: impl FnMut(Req) -> Ans,
    inbox: &Receiver<(u64, Req)>,
    outbox: &Sender<(u64, Ans)>,
    wake: &Wake,
) {
    while let Ok(mut req) = inbox.recv() {
        // only the newest waiting request matters
        while let Ok(newer) = inbox.try_recv() {
            req = newer;
        }
        let (seq, req) = req;
        if outbox.send((seq, answer(req))).is_err() {
            return;
        }
        wake();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::{Arc, Mutex};
    use std::time::Duration;

    const WAIT: Duration = Duration::from_secs(20);

    #[test]
    fn requests_waiting_behind_a_busy_worker_are_skipped_but_the_newest() {
        // the worker holds on to request 1 until told to go on
        let (started, has_started) = channel::<()>();
        let (go, goes) = channel::<()>();
        let worked = Arc::new(Mutex::new(Vec::new()));
        let log = Arc::clone(&worked);
        let mut w = Latest::spawn(
            "test-worker",
            move || {
                move |n: u32| {
                    log.lock().unwrap().push(n);
                    if n == 1 {
                        started.send(()).unwrap();
                        goes.recv().unwrap();
                    }
                    n * 10
                }
            },
            Box::new(|| {}),
        )
        .expect("a thread");
        assert_eq!(w.send(1), Ok(1));
        has_started.recv_timeout(WAIT).expect("request 1 taken");
        for n in 2..=4 {
            assert_eq!(w.send(n), Ok(u64::from(n)));
        }
        assert_eq!(w.latest(), 4);
        go.send(()).unwrap();
        assert_eq!(w.wait_latest(WAIT), Ok(Some(40)));
        // 2 and 3 were never worked, and 1's answer was dropped
        assert_eq!(*worked.lock().unwrap(), [1, 4]);
        assert_eq!(w.try_latest(), Ok(None));
    }

    #[test]
    fn try_latest_keeps_only_the_latest_answer_with_its_number() {
        let mut w = Latest::spawn("test-worker", || |s: &'static str| s.len(), Box::new(|| {}))
            .expect("a thread");
        w.send("a").unwrap();
        assert_eq!(w.wait_latest(WAIT), Ok(Some(1)));
        w.send("abc").unwrap();
        let end = std::time::Instant::now() + WAIT;
        let answer = loop {
            match w.try_latest() {
                Ok(None) if std::time::Instant::now() < end => std::thread::yield_now(),
                other => break other,
            }
        };
        assert_eq!(answer, Ok(Some((2, 3))));
    }

    #[test]
    fn the_ui_is_woken_after_each_answer_and_when_the_worker_stops() {
        let wakes = Arc::new(AtomicUsize::new(0));
        let count = Arc::clone(&wakes);
        let (woke, has_woken) = channel::<()>();
        let wake: Wake = Box::new(move || {
            count.fetch_add(1, Ordering::SeqCst);
            let _ = woke.send(());
        });
        let mut w = Latest::spawn("test-worker", || |n: u8| n, wake).expect("a thread");
        for n in 1..=2 {
            w.send(n).unwrap();
            assert_eq!(w.wait_latest(WAIT), Ok(Some(n)));
            has_woken.recv_timeout(WAIT).expect("woken");
        }
        assert_eq!(wakes.load(Ordering::SeqCst), 2);
        // the UI hangs up: the worker stops and wakes it once more
        drop(w);
        has_woken.recv_timeout(WAIT).expect("woken on stopping");
        assert_eq!(wakes.load(Ordering::SeqCst), 3);
    }
}
