//! The packed model: the same data as the JSON model, laid out so that a
//! corpus opens without parsing every report. It is a cache (the bundled
//! corpus is embedded in this form; a user's JSON model may get one beside
//! it), never the contract: docs/model.md describes the JSON, which a pack is
//! always made from.
//!
//! Layout (all integers little-endian u64):
//! ```text
//! "BAOGAOPK" | version | header length | header | report blobs …
//! ```
//! The header is LZ4 (size prepended) of compact JSON: the schema version and
//! generator, and per report its *stub* ([`stub`]: the report's metadata,
//! without its body) and the byte range of its blob. A blob is LZ4 (size prepended) of
//! the report's compact JSON. Opening reads the header only; a report is
//! parsed when asked for, and [`Packed::model`] parses them all in parallel.

use std::ops::Range;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use super::load::ModelError;
use super::types::{Model, Report};

const MAGIC: &[u8; 8] = b"BAOGAOPK";
/// Bumped when the layout or what a stub keeps changes (not the model
/// schema): a cache of another version is rebuilt, never trusted. 2: stubs
/// kept the sections and tables; 3: stubs were metadata only, or kept the
/// headline figures too; 4: stubs are metadata and headline figures
/// (`Report::headlines`, small: what `baogao targets` reads).
const LAYOUT_VERSION: u64 = 4;

#[derive(Serialize, Deserialize)]
struct Header {
    schema_version: String,
    generator: String,
    reports: Vec<Report>,
    /// Byte range of each report's blob, from the end of the header.
    blobs: Vec<Range<u64>>,
}

/// A report with its body left out: its metadata (id, title, region,
/// years, source, warnings) and headline figures, without preamble,
/// sections, tables, removed pieces or indicators. What lists reports (an
/// outline's report nodes, the picker, search scopes) and the target ledger
/// need; a report's sections come from its blob.
pub fn stub(r: &Report) -> Report {
    Report {
        preamble: Vec::new(),
        sections: Vec::new(),
        tables: Vec::new(),
        removed: Vec::new(),
        indicators: Vec::new(),
        ..r.clone()
    }
}

fn lz4_json<T: Serialize>(v: &T) -> Result<Vec<u8>, serde_json::Error> {
    Ok(lz4_flex::compress_prepend_size(&serde_json::to_vec(v)?))
}

/// Pack a model (reports compressed in parallel; the bytes do not depend on
/// the thread count).
pub fn pack(m: &Model) -> Result<Vec<u8>, serde_json::Error> {
    let blobs: Vec<Vec<u8>> = m
        .reports
        .par_iter()
        .map(lz4_json)
        .collect::<Result<_, _>>()?;
    let mut at = 0u64;
    let ranges: Vec<Range<u64>> = blobs
        .iter()
        .map(|b| {
            let r = at..at + b.len() as u64;
            at = r.end;
            r
        })
        .collect();
    let header = lz4_json(&Header {
        schema_version: m.schema_version.clone(),
        generator: m.generator.clone(),
        reports: m.reports.iter().map(stub).collect(),
        blobs: ranges,
    })?;
    let mut out = Vec::with_capacity(header.len() + at as usize + 32);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&LAYOUT_VERSION.to_le_bytes());
    out.extend_from_slice(&(header.len() as u64).to_le_bytes());
    out.extend_from_slice(&header);
    for b in blobs {
        out.extend_from_slice(&b);
    }
    Ok(out)
}

/// True when `bytes` start like a pack (not JSON).
pub fn is_pack(bytes: &[u8]) -> bool {
    bytes.starts_with(MAGIC)
}

/// An opened pack: the stubs, and the bytes to parse reports from.
pub struct Packed<B: AsRef<[u8]>> {
    bytes: B,
    name: String,
    schema_version: String,
    generator: String,
    stubs: Vec<Report>,
    blobs: Vec<Range<u64>>,
}

impl<B: AsRef<[u8]>> std::fmt::Debug for Packed<B> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Packed")
            .field("name", &self.name)
            .field("reports", &self.stubs.len())
            .finish()
    }
}

fn bad(name: &str, message: impl Into<String>) -> ModelError {
    ModelError::Parse {
        path: name.to_string(),
        message: message.into(),
    }
}

fn u64_at(b: &[u8], at: usize) -> Option<u64> {
    let s: [u8; 8] = b.get(at..at + 8)?.try_into().ok()?;
    Some(u64::from_le_bytes(s))
}

fn unlz4<T: for<'de> Deserialize<'de>>(b: &[u8], name: &str) -> Result<T, ModelError> {
    let json = unlz4_bytes(b, name)?;
    serde_json::from_slice(&json).map_err(|e| bad(name, e.to_string()))
}

fn unlz4_bytes(b: &[u8], name: &str) -> Result<Vec<u8>, ModelError> {
    // a damaged size must not ask for more memory than LZ4 can expand
    // these bytes into (at most 255 times)
    let size = b
        .get(..4)
        .and_then(|s| <[u8; 4]>::try_from(s).ok())
        .map(u32::from_le_bytes)
        .ok_or_else(|| bad(name, "truncated pack"))?;
    if u64::from(size) > (b.len() as u64).saturating_mul(255) {
        return Err(bad(name, "a damaged pack (impossible size)"));
    }
    lz4_flex::decompress_size_prepended(b).map_err(|e| bad(name, e.to_string()))
}

impl<B: AsRef<[u8]>> Packed<B> {
    /// Read the header (not the reports) of a pack named `name` (for errors).
    pub fn open(bytes: B, name: &str) -> Result<Packed<B>, ModelError> {
        let b = bytes.as_ref();
        if !is_pack(b) {
            return Err(bad(name, "not a baogao pack"));
        }
        if u64_at(b, 8) != Some(LAYOUT_VERSION) {
            return Err(bad(name, "a pack of another layout version"));
        }
        let len = u64_at(b, 16).ok_or_else(|| bad(name, "truncated pack"))?;
        let start = MAGIC.len() + 16;
        let end = usize::try_from(len)
            .ok()
            .and_then(|l| start.checked_add(l))
            .filter(|&e| e <= b.len())
            .ok_or_else(|| bad(name, "truncated pack"))?;
        let mut h: Header = unlz4(&b[start..end], name)?;
        // blob ranges count from the end of the header
        for r in &mut h.blobs {
            *r = r.start.saturating_add(end as u64)..r.end.saturating_add(end as u64);
        }
        let major = |v: &str| v.split('.').next().unwrap_or(v).to_string();
        if major(&h.schema_version) != major(super::types::SCHEMA_VERSION) {
            return Err(ModelError::Version {
                path: name.to_string(),
                found: h.schema_version,
                expected: major(super::types::SCHEMA_VERSION),
            });
        }
        if h.blobs.len() != h.reports.len()
            || h.blobs
                .iter()
                .any(|r| r.start > r.end || r.end > b.len() as u64)
        {
            return Err(bad(name, "a pack whose index does not fit its bytes"));
        }
        Ok(Packed {
            name: name.to_string(),
            schema_version: h.schema_version,
            generator: h.generator,
            stubs: h.reports,
            blobs: h.blobs,
            bytes,
        })
    }

    /// How many reports.
    pub fn len(&self) -> usize {
        self.blobs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.blobs.is_empty()
    }

    /// A model of the stubs, moved out (no copy: a corpus has tens of
    /// thousands of sections); [`Packed::stubs`] is
    /// empty afterwards, reports still parse.
    pub fn take_stubs(&mut self) -> Model {
        let reports = std::mem::take(&mut self.stubs);
        self.with_reports(reports)
    }

    /// The reports' stubs, in model order.
    pub fn stubs(&self) -> &[Report] {
        &self.stubs
    }

    /// Report `i`, parsed whole and validated (`validate::validate_one`:
    /// what `baogao check` verifies): a damaged or hostile report is an
    /// error naming its first problem, never a report the views trip on.
    pub fn report(&self, i: usize) -> Result<Report, ModelError> {
        let r = self.report_unchecked(i)?;
        super::load::valid(super::validate::validate_one(&r), &self.name)?;
        Ok(r)
    }

    /// Report `i`, parsed whole, as it is (for `baogao check`).
    pub fn report_unchecked(&self, i: usize) -> Result<Report, ModelError> {
        let r = self
            .blobs
            .get(i)
            .ok_or_else(|| bad(&self.name, format!("no report {i}")))?;
        // ranges were checked against the bytes when opened
        let b = &self.bytes.as_ref()[r.start as usize..r.end as usize];
        unlz4(b, &self.name)
    }

    /// The name the pack was opened under (for errors).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Report `i`'s JSON, decompressed and not parsed (for readers that
    /// need a few fields of it, or none: `trend` searches it as bytes).
    pub fn report_json(&self, i: usize) -> Result<Vec<u8>, ModelError> {
        let r = self
            .blobs
            .get(i)
            .ok_or_else(|| bad(&self.name, format!("no report {i}")))?;
        let b = &self.bytes.as_ref()[r.start as usize..r.end as usize];
        unlz4_bytes(b, &self.name)
    }

    /// Every report parsed and validated, on all cores (report ids unique
    /// too).
    pub fn model(&self) -> Result<Model, ModelError>
    where
        B: Sync,
    {
        let reports = (0..self.len())
            .into_par_iter()
            .map(|i| self.report(i))
            .collect::<Result<Vec<_>, _>>()?;
        let mut seen = std::collections::HashSet::new();
        if let Some(r) = reports.iter().find(|r| !seen.insert(r.id.as_str())) {
            return Err(ModelError::Invalid {
                path: self.name.clone(),
                first: format!("duplicate report id {}", r.id),
                problems: 1,
            });
        }
        Ok(self.with_reports(reports))
    }

    /// Every report parsed as it is, on all cores (for `baogao check`).
    pub fn model_unchecked(&self) -> Result<Model, ModelError>
    where
        B: Sync,
    {
        let reports = (0..self.len())
            .into_par_iter()
            .map(|i| self.report_unchecked(i))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(self.with_reports(reports))
    }

    fn with_reports(&self, reports: Vec<Report>) -> Model {
        Model {
            schema_version: self.schema_version.clone(),
            generator: self.generator.clone(),
            reports,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pack_round_trips_report_by_report_and_whole() {
        let m = crate::plan_model();
        let bytes = pack(&m).unwrap();
        assert!(is_pack(&bytes));
        // smaller than the compact JSON
        assert!(bytes.len() < serde_json::to_vec(&m).unwrap().len() / 2);
        let p = Packed::open(&bytes[..], "t").unwrap();
        assert_eq!(p.len(), m.reports.len());
        for (i, r) in m.reports.iter().enumerate() {
            assert_eq!(&p.report(i).unwrap(), r);
            assert_eq!(p.stubs()[i], stub(r));
            assert_eq!(p.stubs()[i].id, r.id);
            assert!(p.stubs()[i].sections.is_empty() && !r.sections.is_empty());
            assert!(p.stubs()[i].indicators.is_empty() && !r.indicators.is_empty());
        }
        assert_eq!(p.model().unwrap(), m);
        let mut p = p;
        let stubs = p.take_stubs();
        assert_eq!(
            stubs.reports,
            m.reports.iter().map(stub).collect::<Vec<_>>()
        );
        assert_eq!(p.len(), m.reports.len());
        assert_eq!(p.model().unwrap(), m);
        // deterministic
        assert_eq!(pack(&m).unwrap(), bytes);
    }

    #[test]
    fn damaged_packs_are_errors_not_panics() {
        let m = crate::plan_model();
        let bytes = pack(&m).unwrap();
        for cut in [0, 7, 8, 20, 30, bytes.len() / 2, bytes.len() - 1] {
            let r = Packed::open(&bytes[..cut], "t");
            if let Ok(p) = r {
                // the header survived: a cut blob fails when parsed
                assert!((0..p.len()).any(|i| p.report(i).is_err()), "cut at {cut}");
            }
        }
        let mut flipped = bytes.clone();
        let k = flipped.len() - 100;
        flipped[k] ^= 0xff;
        let p = Packed::open(&flipped[..], "t").unwrap();
        assert!(p.model().is_err() || p.model().unwrap() != m);
        let mut other = bytes.clone();
        other[8] = 9;
        assert!(Packed::open(&other[..], "t").is_err());
        assert!(Packed::open(&b"{\"schema_version\":\"1.1\"}"[..], "t").is_err());
    }
}
