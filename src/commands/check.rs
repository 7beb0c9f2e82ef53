//! `baogao check [MODEL] [-v]`: validate a model; one line per report (id,
//! title, warnings; with `-v` the one-screen summary of each report), then
//! totals with the warnings counted by kind. Problems go to stderr and make
//! it an error (status 2).

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::{bail, Result};

use super::output::Out;
use super::Outcome;
use crate::model::{self, validate::warning_kind};

pub fn check(file: Option<&Path>, verbose: bool) -> Result<Outcome> {
    let m = crate::open::load_unchecked(file)?;
    let problems = model::validate::validate(&m);
    let mut out = Out::new();
    if verbose {
        for line in model::validate::summary(&m).lines() {
            out.line(line)?;
        }
        out.line("")?;
    } else {
        for r in &m.reports {
            let mut line = format!("{}  {}", r.id, r.title);
            if !r.warnings.is_empty() {
                line.push_str("  ! ");
                line.push_str(&r.warnings.join("; ").replace('\n', " "));
            }
            out.line(&line)?;
        }
    }
    let with = m.reports.iter().filter(|r| !r.warnings.is_empty()).count();
    let mut kinds: BTreeMap<String, usize> = BTreeMap::new();
    for w in m.reports.iter().flat_map(|r| &r.warnings) {
        *kinds.entry(warning_kind(w)).or_default() += 1;
    }
    out.line(&format!(
        "{} report(s), {with} with warnings, {} warning(s)",
        m.reports.len(),
        kinds.values().sum::<usize>()
    ))?;
    let mut kinds: Vec<_> = kinds.into_iter().collect();
    kinds.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    for (k, n) in kinds {
        out.line(&format!("{n:>7}  {k}"))?;
    }
    if !problems.is_empty() {
        out.finish()?;
        use std::io::Write as _;
        let mut err = std::io::stderr().lock();
        for p in problems.iter().take(20) {
            let _ = writeln!(err, "problem: {}", crate::text::sanitize_line(p));
        }
        bail!("{} problem(s) in the model", problems.len());
    }
    out.line("ok: no problems")?;
    out.finish()?;
    Ok(Outcome::Done)
}
