//! Building many reports at once: in parallel (rayon), in a deterministic
//! order, with report ids made unique across the batch, and a city's province
//! inferred from the batch (`parents`). Knows nothing of files
//! or terminals: the caller says how to load an input and gets a tick per
//! input done (for a progress bar).
//!
//! Ids: an explicit id (`Input::id`) is the user's word and two equal ones are
//! an error, found before anything is built. A derived id that is already taken
//! (by an explicit id, or by an earlier input in input order) gets the first
//! free suffix `-2`, `-3` … that is no other report's id, and a warning; the
//! report is then rebuilt under that id, so every id inside it (sections,
//! paragraphs, sentences, tables, indicators) carries the new one. The result
//! does not depend on the number of threads: outputs are collected in input
//! order and ids are settled sequentially afterwards.

use std::collections::{HashMap, HashSet};

use rayon::prelude::*;

use super::{build_report, generator, BuildError, Input};
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
    check_explicit_ids(explicit_ids)?;
    let explicit = |i: usize| -> Option<&str> {
        explicit_ids
            .get(i)
            .and_then(|x| x.as_deref())
            .map(str::trim)
            .filter(|x| !x.is_empty())
    };
    let build = |item: &T, id: Option<&str>| -> Result<Report, BuildError> {
        let input = load(item)?;
        build_report(&input.bytes, &input.file_name, id)
    };
    let mut built: Vec<Result<Report, BuildError>> = items
        .par_iter()
        .enumerate()
        .map(|(i, item)| {
            let r = build(item, explicit(i));
            tick();
            r
        })
        .collect();

    let is_explicit: Vec<bool> = (0..items.len()).map(|i| explicit(i).is_some()).collect();
    let renames = unique_ids(&built, &is_explicit);
    let rebuilt: Vec<(usize, Result<Report, BuildError>)> = renames
        .par_iter()
        .map(|(i, new_id, old_id, first)| {
            let r = build(&items[*i], Some(new_id)).map(|mut r| {
                r.warnings.push(format!(
                    "duplicate id: {old_id} is also the id of {first}; this report is {new_id}"
                ));
                r
            });
            (*i, r)
        })
        .collect();
    for (i, r) in rebuilt {
        built[i] = r;
    }

    let mut reports = Vec::with_capacity(built.len());
    let outcomes = built
        .into_iter()
        .map(|b| {
            b.map(|r| {
                reports.push(r);
                reports.len() - 1
            })
        })
        .collect();
    super::parents::infer_city_parents(&mut reports);
    Ok(Batch {
        model: Model {
            schema_version: SCHEMA_VERSION.to_string(),
            generator: generator(),
            reports,
        },
        outcomes,
    })
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

/// Settle ids in input order. Returns, for each report that must change its
/// id: its index, the new id, the id it had, and the source file of the report
/// that keeps that id.
fn unique_ids(
    built: &[Result<Report, BuildError>],
    explicit: &[bool],
) -> Vec<(usize, String, String, String)> {
    // Every id a report was given or derived: a suffix must not take one of them.
    let natural: HashSet<&str> = built.iter().flatten().map(|r| r.id.as_str()).collect();
    // Explicit ids are reserved before derived ones, whatever their position.
    let mut owner: HashMap<&str, &str> = built
        .iter()
        .zip(explicit)
        .filter_map(|(r, e)| r.as_ref().ok().filter(|_| *e))
        .map(|r| (r.id.as_str(), r.source.file.as_str()))
        .collect();
    let mut taken: HashSet<String> = owner.keys().map(|s| s.to_string()).collect();
    let mut renames = Vec::new();
    for (i, r) in built.iter().enumerate() {
        let Ok(r) = r else { continue };
        if explicit.get(i).copied().unwrap_or(false) {
            continue;
        }
        if taken.insert(r.id.clone()) {
            owner.insert(&r.id, &r.source.file);
            continue;
        }
        let new_id = (2..)
            .map(|k| format!("{}-{k}", r.id))
            .find(|c| !taken.contains(c) && !natural.contains(c.as_str()))
            .unwrap_or_default();
        taken.insert(new_id.clone());
        let first = owner.get(r.id.as_str()).copied().unwrap_or_default();
        renames.push((i, new_id, r.id.clone(), first.to_string()));
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
}
