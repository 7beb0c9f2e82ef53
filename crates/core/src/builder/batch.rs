//! Building many reports at once: in parallel (rayon), in a deterministic
//! order, with report ids made unique across the batch, and a city's province
//! inferred from the batch (`parents`). Knows nothing of files
//! or terminals: the caller says how to load an input and gets a tick per
//! input done (for a progress bar).
//!
//! Two faces over one pipeline: [`build_batch`] returns the whole model in
//! memory; [`stream_batch`] hands every built report to a [`Spool`] the
//! caller provides (`baogao build` keeps them in a temp file), so memory holds
//! only the reports being built (about two per thread) and what the batch
//! rules need of each (id, place, warnings).
//!
//! Ids: an explicit id (`Input::id`) is the user's word and two equal ones are
//! an error, found before anything is built. A derived id that is already taken
//! (by an explicit id, or by an earlier input in input order) gets the first
//! free suffix `-2`, `-3` … that is no other report's id, and a warning; the
//! report is then rebuilt under that id, so every id inside it (sections,
//! paragraphs, sentences, tables, indicators) carries the new one. The result
//! does not depend on the number of threads: ids are settled in input order
//! once every input is built.

use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicBool, Ordering};

use rayon::prelude::*;

use super::parents::{city_parents, report_text, Place};
use super::{build_report_owned, generator, BuildError, Input};
use crate::model::{Model, Report, SCHEMA_VERSION};

/// The result of a batch: the model of every input that built, and what
/// happened to each input.
pub struct Batch {
    /// The reports that built, in input order, with unique ids.
    pub model: Model,
    /// One entry per input, in input order: the index of its report in
    /// `model.reports`, or why it failed.
    pub outcomes: Vec<Result<usize, BuildError>>,
}

impl Batch {
    /// How many inputs failed.
    pub fn failures(&self) -> usize {
        self.outcomes.iter().filter(|o| o.is_err()).count()
    }

    /// How many warnings the built reports carry.
    pub fn warnings(&self) -> usize {
        self.model.reports.iter().map(|r| r.warnings.len()).sum()
    }
}

/// Where [`stream_batch`] keeps the reports it built until they are written.
pub trait Spool {
    type Error;
    /// Keep report `index` (of the batch's items), replacing any report kept
    /// under that index before.
    fn put(&mut self, index: usize, report: &Report) -> Result<(), Self::Error>;
    /// Report `index` as last kept.
    fn get(&mut self, index: usize) -> Result<Report, Self::Error>;
    /// The headings and sentences of report `index` (what the city-parent
    /// rule reads), one string.
    fn text(&mut self, index: usize) -> Result<String, Self::Error> {
        self.get(index).map(|r| report_text(&r))
    }
}

/// What [`stream_batch`] knows of a report it kept: its final id, warnings
/// and parent region (the spooled report may lack the last two's batch
/// additions: [`Streamed::finish`] applies them).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Kept {
    pub id: String,
    pub file: String,
    pub warnings: Vec<String>,
    pub place: Place,
}

impl Kept {
    fn of(r: &Report) -> Kept {
        Kept {
            id: r.id.clone(),
            file: r.source.file.clone(),
            warnings: r.warnings.clone(),
            place: Place::of(r),
        }
    }
}

/// The result of [`stream_batch`]: one entry per input, in input order.
pub struct Streamed {
    pub outcomes: Vec<Result<Kept, BuildError>>,
}

impl Streamed {
    /// Report `index` as read back from a spool, given what the batch
    /// decided after it was spooled (its parent region).
    pub fn finish(&self, index: usize, mut report: Report) -> Report {
        if let Some(Ok(kept)) = self.outcomes.get(index) {
            report.parent_region.clone_from(&kept.place.parent_region);
        }
        report
    }
}

/// Why [`stream_batch`] stopped: the batch itself (two equal explicit ids),
/// or the spool.
#[derive(Debug)]
pub enum StreamError<E> {
    Batch(BuildError),
    Spool(E),
}

/// Build every item, in parallel on rayon's pool (`RAYON_NUM_THREADS` sets its
/// size). `load` turns an item into an [`Input`] (it runs on a worker, so a
/// file is read, built and dropped by the same thread; it may run twice for an
/// item whose id collides); `tick` is called once per item done.
///
/// `explicit_ids[i]` is item `i`'s explicit id (missing or blank: derive it;
/// `Input::id` from `load` is ignored). Fails only when two items carry the
/// same explicit id, which is checked before anything is loaded.
pub fn build_batch<T, L, P>(
    items: &[T],
    explicit_ids: &[Option<String>],
    load: L,
    tick: P,
) -> Result<Batch, BuildError>
where
    T: Sync,
    L: Fn(&T) -> Result<Input, BuildError> + Sync,
    P: Fn() + Sync,
{
    let mut memory = Memory(items.iter().map(|_| None).collect());
    let streamed = match stream_batch(items, explicit_ids, load, tick, &mut memory) {
        Ok(s) => s,
        Err(StreamError::Batch(e) | StreamError::Spool(e)) => return Err(e),
    };
    let mut reports = Vec::with_capacity(items.len());
    let outcomes = streamed
        .outcomes
        .into_iter()
        .zip(memory.0)
        .map(|(outcome, report)| {
            let kept = outcome?;
            let mut r = report.ok_or_else(|| lost(&kept.file))?;
            r.parent_region = kept.place.parent_region;
            reports.push(r);
            Ok(reports.len() - 1)
        })
        .collect();
    Ok(Batch {
        model: Model {
            schema_version: SCHEMA_VERSION.to_string(),
            generator: generator(),
            reports,
        },
        outcomes,
    })
}

/// Reports kept in memory ([`build_batch`]).
struct Memory(Vec<Option<Report>>);

impl Spool for Memory {
    type Error = BuildError;
    fn put(&mut self, index: usize, report: &Report) -> Result<(), Self::Error> {
        if let Some(slot) = self.0.get_mut(index) {
            *slot = Some(report.clone());
        }
        Ok(())
    }
    fn get(&mut self, index: usize) -> Result<Report, Self::Error> {
        self.0.get(index).cloned().flatten().ok_or_else(|| lost(""))
    }
    fn text(&mut self, index: usize) -> Result<String, Self::Error> {
        match self.0.get(index) {
            Some(Some(r)) => Ok(report_text(r)),
            _ => Err(lost("")),
        }
    }
}

/// A report the batch did not keep (a broken promise of this module, not a
/// bad input: reported rather than panicking).
fn lost(file: &str) -> BuildError {
    BuildError::Input {
        file: file.to_string(),
        message: "internal error: the built report was not kept".into(),
    }
}

/// [`build_batch`] without holding the model: every report that builds goes
/// to `spool` as soon as it is built (in any order) and is dropped; reports
/// renamed by the id rules are rebuilt and put again; the city parents are
/// inferred reading the spooled reports back one at a time. The model is
/// then each kept report read back from the spool and [`Streamed::finish`]ed,
/// in input order.
pub fn stream_batch<T, L, P, S>(
    items: &[T],
    explicit_ids: &[Option<String>],
    load: L,
    tick: P,
    spool: &mut S,
) -> Result<Streamed, StreamError<S::Error>>
where
    T: Sync,
    L: Fn(&T) -> Result<Input, BuildError> + Sync,
    P: Fn() + Sync,
    S: Spool,
{
    check_explicit_ids(explicit_ids).map_err(StreamError::Batch)?;
    let explicit = |i: usize| -> Option<&str> {
        explicit_ids
            .get(i)
            .and_then(|x| x.as_deref())
            .map(str::trim)
            .filter(|x| !x.is_empty())
    };
    let mut outcomes: Vec<Option<Result<Kept, BuildError>>> = items.iter().map(|_| None).collect();
    let all: Vec<(usize, Option<String>)> = (0..items.len())
        .map(|i| (i, explicit(i).map(str::to_string)))
        .collect();
    build_each(items, &all, &load, &tick, spool, |i, kept| {
        if let Some(slot) = outcomes.get_mut(i) {
            *slot = Some(kept);
        }
    })?;
    let mut outcomes: Vec<Result<Kept, BuildError>> = outcomes
        .into_iter()
        .map(|o| o.unwrap_or_else(|| Err(lost(""))))
        .collect();

    let is_explicit: Vec<bool> = (0..items.len()).map(|i| explicit(i).is_some()).collect();
    let renames = unique_ids(&outcomes, &is_explicit);
    let again: Vec<(usize, Option<String>)> = renames
        .iter()
        .map(|r| (r.index, Some(r.new_id.clone())))
        .collect();
    let mut rebuilt = Vec::new();
    build_each(items, &again, &load, &|| {}, spool, |i, kept| {
        rebuilt.push((i, kept));
    })?;
    for (i, kept) in rebuilt {
        let note = renames.iter().find(|r| r.index == i);
        let kept = kept.map(|mut k| {
            if let Some(n) = note {
                k.warnings.push(format!(
                    "duplicate id: {} is also the id of {}; this report is {}",
                    n.old_id, n.first, n.new_id
                ));
            }
            k
        });
        if let Some(slot) = outcomes.get_mut(i) {
            *slot = kept;
        }
    }
    // the rebuilt reports' warnings were spooled without the note: put them
    // again with it, so the model says why their id changed
    for n in &renames {
        if let Some(Ok(k)) = outcomes.get(n.index) {
            let mut r = spool.get(n.index).map_err(StreamError::Spool)?;
            r.warnings.clone_from(&k.warnings);
            spool.put(n.index, &r).map_err(StreamError::Spool)?;
        }
    }

    let places: Vec<Place> = outcomes
        .iter()
        .map(|o| o.as_ref().map(|k| k.place.clone()).unwrap_or_default())
        .collect();
    let given = city_parents(&places, |i| spool.text(i).map_err(StreamError::Spool))?;
    for (i, parent) in given {
        if let Some(Ok(k)) = outcomes.get_mut(i) {
            k.place.parent_region = Some(parent);
        }
    }
    Ok(Streamed { outcomes })
}

/// Build `jobs` (item index, explicit id) in parallel; each report that
/// builds is put in `spool` by this thread as it arrives, and `done` hears
/// of every job. At most about two reports per worker are in memory: workers
/// wait when the spool falls behind. After a spool error nothing more is
/// built and the error is returned.
fn build_each<T, L, P, S>(
    items: &[T],
    jobs: &[(usize, Option<String>)],
    load: &L,
    tick: &P,
    spool: &mut S,
    mut done: impl FnMut(usize, Result<Kept, BuildError>),
) -> Result<(), StreamError<S::Error>>
where
    T: Sync,
    L: Fn(&T) -> Result<Input, BuildError> + Sync,
    P: Fn() + Sync,
    S: Spool,
{
    if jobs.is_empty() {
        return Ok(());
    }
    let stop = AtomicBool::new(false);
    let (tx, rx) = std::sync::mpsc::sync_channel(rayon::current_num_threads().max(1));
    let mut failed = None;
    std::thread::scope(|scope| {
        let stop = &stop;
        scope.spawn(move || {
            jobs.par_iter().for_each_with(tx, |tx, (i, id)| {
                if stop.load(Ordering::Relaxed) {
                    return;
                }
                let Some(item) = items.get(*i) else { return };
                let r = load(item).and_then(|input| {
                    build_report_owned(input.bytes, &input.file_name, id.as_deref())
                });
                tick();
                let _ = tx.send((*i, r));
            });
        });
        for (i, r) in rx {
            if failed.is_some() {
                continue;
            }
            match r {
                Ok(report) => match spool.put(i, &report) {
                    Ok(()) => done(i, Ok(Kept::of(&report))),
                    Err(e) => {
                        stop.store(true, Ordering::Relaxed);
                        failed = Some(e);
                    }
                },
                Err(e) => done(i, Err(e)),
            }
        }
    });
    match failed {
        Some(e) => Err(StreamError::Spool(e)),
        None => Ok(()),
    }
}

/// Two equal explicit ids are the user's mistake: say so before building.
fn check_explicit_ids(ids: &[Option<String>]) -> Result<(), BuildError> {
    let mut seen = HashSet::new();
    for id in ids.iter().flatten() {
        let id = id.trim();
        if !id.is_empty() && !seen.insert(id) {
            return Err(BuildError::DuplicateId(id.to_string()));
        }
    }
    Ok(())
}

/// A report that must change its id: its index, the new id, the id it had,
/// and the source file of the report that keeps that id.
struct Rename {
    index: usize,
    new_id: String,
    old_id: String,
    first: String,
}

/// Settle ids in input order.
fn unique_ids(built: &[Result<Kept, BuildError>], explicit: &[bool]) -> Vec<Rename> {
    // Every id a report was given or derived: a suffix must not take one of them.
    let natural: HashSet<&str> = built.iter().flatten().map(|r| r.id.as_str()).collect();
    // Explicit ids are reserved before derived ones, whatever their position.
    let mut owner: HashMap<&str, &str> = built
        .iter()
        .zip(explicit)
        .filter_map(|(r, e)| r.as_ref().ok().filter(|_| *e))
        .map(|r| (r.id.as_str(), r.file.as_str()))
        .collect();
    let mut taken: HashSet<String> = owner.keys().map(|s| s.to_string()).collect();
    let mut renames = Vec::new();
    for (i, r) in built.iter().enumerate() {
        let Ok(r) = r else { continue };
        if explicit.get(i).copied().unwrap_or(false) {
            continue;
        }
        if taken.insert(r.id.clone()) {
            owner.insert(&r.id, &r.file);
            continue;
        }
        let new_id = (2..)
            .map(|k| format!("{}-{k}", r.id))
            .find(|c| !taken.contains(c) && !natural.contains(c.as_str()))
            .unwrap_or_default();
        taken.insert(new_id.clone());
        let first = owner.get(r.id.as_str()).copied().unwrap_or_default();
        renames.push(Rename {
            index: i,
            new_id,
            old_id: r.id.clone(),
            first: first.to_string(),
        });
    }
    renames
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    /// A small report text of our own; every copy derives the same id.
    const TEXT: &str = "2023\u{5e74}\u{5de5}\u{4f5c}\u{62a5}\u{544a}\n\n\u{4e00}\u{3001}\u{603b}\u{4f53}\n\n\u{7ecf}\u{6d4e}\u{589e}\u{957f}5%\u{3002}\n";

    fn run(n: usize, explicit: &[Option<String>]) -> Result<Batch, BuildError> {
        let items: Vec<usize> = (0..n).collect();
        let load = |_: &usize| {
            Ok(Input {
                file_name: "r.txt".into(),
                bytes: TEXT.as_bytes().to_vec(),
                id: None,
            })
        };
        build_batch(&items, explicit, load, || {})
    }

    fn ids(b: &Batch) -> Vec<String> {
        b.model.reports.iter().map(|r| r.id.clone()).collect()
    }

    #[test]
    fn equal_derived_ids_get_suffixes_in_input_order() {
        let b = run(3, &[]).unwrap();
        let base = b.model.reports[0].id.clone();
        assert_eq!(
            ids(&b),
            [base.clone(), format!("{base}-2"), format!("{base}-3")]
        );
        // The renamed report was rebuilt: its inner ids carry the new id.
        let r = &b.model.reports[1];
        assert!(r
            .all_sections()
            .iter()
            .all(|s| s.id.starts_with(&format!("{base}-2:"))));
        assert!(r.warnings.iter().any(|w| w.starts_with("duplicate id: ")));
        assert!(b.model.reports[0]
            .warnings
            .iter()
            .all(|w| !w.starts_with("duplicate")));
    }

    #[test]
    fn a_suffix_never_takes_an_explicit_id() {
        let base = run(1, &[]).unwrap().model.reports[0].id.clone();
        // The explicit id `base-2` is reserved first, wherever it stands.
        let explicit = [None, None, Some(format!("{base}-2"))];
        let b = run(3, &explicit).unwrap();
        assert_eq!(
            ids(&b),
            [base.clone(), format!("{base}-3"), format!("{base}-2")]
        );
    }

    #[test]
    fn equal_explicit_ids_fail_before_building() {
        let explicit = [Some("a".to_string()), Some(" a ".to_string())];
        assert!(matches!(run(2, &explicit), Err(BuildError::DuplicateId(id)) if id == "a"));
        // Blank ids are not ids.
        let blank = [Some(" ".to_string()), Some(String::new())];
        assert_eq!(run(2, &blank).unwrap().model.reports.len(), 2);
    }

    #[test]
    fn a_failed_item_keeps_its_place() {
        let items = [0usize, 1, 2];
        let load = |i: &usize| {
            if *i == 1 {
                return Err(BuildError::Input {
                    file: "1.txt".into(),
                    message: "cannot read".into(),
                });
            }
            Ok(Input {
                file_name: format!("{i}.txt"),
                bytes: TEXT.as_bytes().to_vec(),
                id: None,
            })
        };
        let ticks = std::sync::atomic::AtomicUsize::new(0);
        let b = build_batch(&items, &[], load, || {
            ticks.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        })
        .unwrap();
        assert_eq!(ticks.into_inner(), 3);
        assert_eq!(b.failures(), 1);
        assert!(matches!(b.outcomes[..], [Ok(0), Err(_), Ok(1)]));
        assert_eq!(b.model.reports[1].source.file, "2.txt");
    }

    /// A spool of serialized reports, as `baogao build` keeps them in a file;
    /// counts the reports that were loaded and not yet put.
    struct Serialized<'a> {
        kept: HashMap<usize, String>,
        in_flight: &'a std::sync::atomic::AtomicUsize,
        most: usize,
    }

    impl Spool for Serialized<'_> {
        type Error = String;
        fn put(&mut self, index: usize, report: &Report) -> Result<(), String> {
            // a slow disk: the builders get ahead of the spool
            std::thread::sleep(std::time::Duration::from_millis(2));
            let now = self
                .in_flight
                .fetch_sub(1, std::sync::atomic::Ordering::SeqCst);
            self.most = self.most.max(now);
            let json = serde_json::to_string(report).map_err(|e| e.to_string())?;
            self.kept.insert(index, json);
            Ok(())
        }
        fn get(&mut self, index: usize) -> Result<Report, String> {
            let json = self.kept.get(&index).ok_or("not kept")?;
            serde_json::from_str(json).map_err(|e| e.to_string())
        }
    }

    #[test]
    fn a_streamed_batch_is_the_batch_and_holds_only_the_reports_in_flight() {
        // 64 items, two of them with one derived id, so a rename happens
        let items: Vec<usize> = (0..64).collect();
        let in_flight = std::sync::atomic::AtomicUsize::new(0);
        let load = |i: &usize| {
            in_flight.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            let (text, name) = if *i % 32 == 5 {
                (TEXT.to_string(), "same.txt".to_string())
            } else {
                (
                    TEXT.replace("2023", &format!("{}", 1900 + i)),
                    format!("{i}.txt"),
                )
            };
            Ok(Input {
                file_name: name,
                bytes: text.into_bytes(),
                id: None,
            })
        };
        let mut spool = Serialized {
            kept: HashMap::new(),
            in_flight: &in_flight,
            most: 0,
        };
        let streamed = stream_batch(&items, &[], load, || {}, &mut spool).unwrap();
        let reports: Vec<Report> = (0..items.len())
            .map(|i| streamed.finish(i, spool.get(i).unwrap()))
            .collect();
        let whole = build_batch(&items, &[], load, || {}).unwrap();
        assert_eq!(reports, whole.model.reports);
        assert!(reports[37]
            .warnings
            .iter()
            .any(|w| w.starts_with("duplicate id")));
        // loaded and not yet spooled: the workers, the channel between them
        // and the spool, and the one being put; never the whole batch
        let bound = 2 * rayon::current_num_threads() + 2;
        assert!(
            spool.most <= bound,
            "{} reports in flight (bound {bound})",
            spool.most
        );
    }
}
