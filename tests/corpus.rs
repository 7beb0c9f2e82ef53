//! The corpus audit: builds every report under `../shared/corpus/gov/` once
//! (in parallel, through the same batch code as `baogao build`) and asserts
//! the builder's invariants on each. Skipped, saying so, when the corpus is
//! not there (a fresh clone). Each test prints the counts it finds.
//! Run: `cargo test --release --test corpus -- --nocapture`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use baogao::builder::batch::{build_batch, Batch};
use baogao::builder::chrome::is_chrome;
use baogao::builder::{decode, BuildError, Input};
use baogao::model::{Block, RemovedReason, Report, Span};
use rayon::prelude::*;

const CORPUS: &str = "../shared/corpus/gov";

struct Corpus {
    files: Vec<PathBuf>,
    batch: Batch,
}

static BUILT: LazyLock<Option<Corpus>> = LazyLock::new(|| {
    let root = common::root().join(CORPUS);
    if !root.is_dir() {
        return None;
    }
    let mut files = Vec::new();
    walk(&root, &mut files);
    let load = |f: &PathBuf| -> Result<Input, BuildError> {
        let name = name(&root, f);
        let bytes = std::fs::read(f).map_err(|e| BuildError::Input {
            file: name.clone(),
            message: e.to_string(),
        })?;
        Ok(Input {
            file_name: name,
            bytes,
            id: None,
        })
    };
    let batch = build_batch(&files, &[], load, || {}).unwrap();
    Some(Corpus { files, batch })
});

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir).unwrap().flatten().collect();
    entries.sort_by_key(|e| e.file_name());
    for e in entries {
        let p = e.path();
        if p.is_dir() {
            walk(&p, out);
        } else if p.extension().is_some_and(|x| x == "md" || x == "txt") {
            out.push(p);
        }
    }
}

fn name(root: &Path, f: &Path) -> String {
    f.strip_prefix(root).unwrap_or(f).display().to_string()
}

/// The built corpus, or None after printing that the audit is skipped.
fn corpus() -> Option<&'static Corpus> {
    let c = BUILT.as_ref();
    if c.is_none() {
        println!("skipped: {CORPUS} not found");
    }
    c
}

fn reports() -> Option<&'static [Report]> {
    corpus().map(|c| c.batch.model.reports.as_slice())
}

/// Fail with the count and the first few offenders (one per report, or one
/// per problem where `total` is 0), after printing the count.
fn expect_none(what: &str, total: usize, bad: Vec<String>) {
    let of = if total > 0 {
        format!(" of {total} report(s)")
    } else {
        String::new()
    };
    println!("{what}: {}{of}", bad.len());
    assert!(
        bad.is_empty(),
        "{what}: {}{of}, e.g.\n{}",
        bad.len(),
        bad.iter().take(12).cloned().collect::<Vec<_>>().join("\n")
    );
}

fn decoded(r: &Report) -> Vec<char> {
    let f = common::root().join(CORPUS).join(&r.source.file);
    let bytes = std::fs::read(f).unwrap();
    decode::decode(&bytes).unwrap().text.chars().collect()
}

#[test]
fn every_file_builds_and_counts() {
    let Some(c) = corpus() else { return };
    let rs = &c.batch.model.reports;
    let failed: Vec<String> = c
        .files
        .iter()
        .zip(&c.batch.outcomes)
        .filter_map(|(f, o)| o.as_ref().err().map(|e| format!("{}: {e}", f.display())))
        .collect();
    let mut kinds: BTreeMap<String, usize> = BTreeMap::new();
    for w in rs.iter().flat_map(|r| &r.warnings) {
        *kinds
            .entry(baogao::model::validate::warning_kind(w))
            .or_default() += 1;
    }
    println!(
        "corpus: {} file(s), {} report(s), {} with region, {} with plan year, {} with review year, {} with warnings",
        c.files.len(),
        rs.len(),
        rs.iter().filter(|r| r.region.is_some()).count(),
        rs.iter().filter(|r| r.plan_year.is_some()).count(),
        rs.iter().filter(|r| r.review_year.is_some()).count(),
        rs.iter().filter(|r| !r.warnings.is_empty()).count(),
    );
    for (k, n) in &kinds {
        println!("  warnings {n:>6}  {k}");
    }
    expect_none("failed to build", c.files.len(), failed);
}

#[test]
fn ids_unique_and_model_valid() {
    let Some(c) = corpus() else { return };
    let rs = &c.batch.model.reports;
    let mut seen = HashSet::new();
    let dup: Vec<String> = rs
        .iter()
        .filter(|r| !seen.insert(r.id.as_str()))
        .map(|r| r.id.clone())
        .collect();
    expect_none("duplicate ids", rs.len(), dup);
    let problems = baogao::model::validate::validate(&c.batch.model);
    expect_none("validation problems", 0, problems);
}

#[test]
fn title_present_and_not_chrome() {
    let Some(rs) = reports() else { return };
    let bad = rs
        .iter()
        .filter(|r| r.title.trim().is_empty() || is_chrome(&r.title) || r.title == r.source.file)
        .map(|r| format!("{}: {:?}", r.source.file, r.title))
        .collect();
    expect_none("title empty, chrome or the file name", rs.len(), bad);
}

/// The region the corpus's folder names (gov/provinces/浙江省/2024.md), 全国
/// for gov/national: an oracle for the test only, never for the builder.
fn folder_region(file: &str) -> Option<String> {
    let parts: Vec<&str> = file.split('/').collect();
    match parts.as_slice() {
        ["national", ..] => Some("全国".into()),
        ["provinces" | "cities", region, _] => Some(region.to_string()),
        _ => None,
    }
}

/// The year the file is named for (2024.md, 2016-11.md, 1964-part.md).
fn file_year(file: &str) -> Option<u16> {
    let stem = file.rsplit('/').next()?;
    stem.get(..4)?.parse().ok()
}

#[test]
fn region_found_or_warned_and_right() {
    let Some(rs) = reports() else { return };
    // A report that never prints its place with its suffix (我代表省人民政府
    // and nothing more) gets no region and a warning; such reports are rare.
    let missing: Vec<String> = rs
        .iter()
        .filter(|r| r.region.is_none())
        .map(|r| format!("{}: {:?}", r.source.file, r.title))
        .collect();
    println!("no region: {} of {} report(s)", missing.len(), rs.len());
    for m in &missing {
        println!("  {m}");
    }
    let unwarned: Vec<String> = rs
        .iter()
        .filter(|r| r.region.is_none() && !r.warnings.iter().any(|w| w.contains("no region")))
        .map(|r| r.source.file.clone())
        .collect();
    expect_none("no region and no warning", rs.len(), unwarned);
    assert!(
        missing.len() * 100 <= rs.len(),
        "more than 1% without a region: {}",
        missing.len()
    );
    // Where a region is found, it is the one the folder names (the page may
    // spell an autonomous region short: 新疆自治区).
    let wrong: Vec<String> = rs
        .iter()
        .filter_map(|r| {
            let found = r.region.as_deref()?;
            let want = folder_region(&r.source.file)?;
            let core = baogao::builder::meta::core_name(found);
            (found != want && !want.starts_with(core))
                .then(|| format!("{}: {found}", r.source.file))
        })
        .collect();
    expect_none("a region other than the folder's", rs.len(), wrong);
}

#[test]
fn level_matches_the_folder() {
    let Some(rs) = reports() else { return };
    use baogao::model::Level;
    let wrong: Vec<String> = rs
        .iter()
        .filter_map(|r| {
            let level = r.level?;
            let want = match r.source.file.split('/').next()? {
                "national" => Level::National,
                "provinces" => Level::Province,
                // The four municipalities sit among the cities in the corpus.
                "cities" if level == Level::Province => return None,
                "cities" => Level::City,
                _ => return None,
            };
            (level != want).then(|| format!("{}: {level:?}", r.source.file))
        })
        .collect();
    expect_none("a level other than the folder's", rs.len(), wrong);
    let provinces_among_cities = rs
        .iter()
        .filter(|r| r.source.file.starts_with("cities/") && r.level == Some(Level::Province))
        .filter_map(|r| r.region.clone())
        .collect::<std::collections::BTreeSet<_>>();
    println!("province-level among cities/: {provinces_among_cities:?}");
    assert!(
        provinces_among_cities.len() <= 4,
        "{provinces_among_cities:?}"
    );
}

#[test]
fn plan_year_found_and_mostly_the_file_year() {
    let Some(rs) = reports() else { return };
    let bad = rs
        .iter()
        .filter(|r| r.plan_year.is_none())
        .map(|r| format!("{}: {:?}", r.source.file, r.title))
        .collect();
    expect_none("no plan year", rs.len(), bad);
    // The text decides; file names are sometimes a year off (SOURCES.md), so
    // only a small share may differ.
    let off: Vec<String> = rs
        .iter()
        .filter(|r| file_year(&r.source.file).is_some_and(|y| Some(y) != r.plan_year))
        .map(|r| {
            format!(
                "{}: plan {:?}, delivered {:?}",
                r.source.file, r.plan_year, r.source.date
            )
        })
        .collect();
    println!("plan year other than the file's: {}", off.len());
    for o in off.iter().take(40) {
        println!("  {o}");
    }
    assert!(
        off.len() * 50 <= rs.len(),
        "more than 2% off: {}",
        off.len()
    );
}

#[test]
fn level_one_section_or_a_warning() {
    let Some(rs) = reports() else { return };
    let bad = rs
        .iter()
        .filter(|r| {
            // Level 1 may sit under a part container (level 0).
            let numbered = r
                .all_sections()
                .iter()
                .any(|s| s.level == 1 && !s.heading_span.is_empty());
            !numbered && !r.warnings.iter().any(|w| w.contains("heading"))
        })
        .map(|r| r.source.file.clone())
        .collect();
    expect_none(
        "no level-1 heading and no warning about headings",
        rs.len(),
        bad,
    );
}

/// For each source char, whether a removed piece covers it.
fn removed_mask(r: &Report, n: usize) -> Vec<bool> {
    let mut m = vec![false; n];
    for x in &r.removed {
        for v in m.iter_mut().take(x.span.1.min(n)).skip(x.span.0) {
            *v = true;
        }
    }
    m
}

/// The kept source lines of a span: each source line that meets it, minus
/// removed chars, trimmed.
fn kept_lines(src: &[char], mask: &[bool], span: Span) -> Vec<String> {
    let (mut a, mut b) = (span.0.min(src.len()), span.1.min(src.len()));
    while a > 0 && src[a - 1] != '\n' {
        a -= 1;
    }
    while b < src.len() && src[b] != '\n' {
        b += 1;
    }
    let kept: String = (a..b).filter(|&i| !mask[i]).map(|i| src[i]).collect();
    kept.lines()
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty())
        .collect()
}

#[test]
fn no_chrome_line_kept() {
    let Some(rs) = reports() else { return };
    let bad: Vec<String> = rs
        .par_iter()
        .filter_map(|r| {
            let src = decoded(r);
            let mask = removed_mask(r, src.len());
            let mut spans: Vec<Span> = Vec::new();
            let paras = |bs: &[Block], spans: &mut Vec<Span>| {
                for b in bs {
                    if let Block::Paragraph(p) = b {
                        spans.push(p.span);
                    }
                }
            };
            paras(&r.preamble, &mut spans);
            for s in r.all_sections() {
                if !s.heading_span.is_empty() {
                    spans.push(s.heading_span);
                }
                paras(&s.blocks, &mut spans);
            }
            spans
                .iter()
                .flat_map(|s| kept_lines(&src, &mask, *s))
                .find(|l| is_chrome(l))
                .map(|l| format!("{}: {l:?}", r.source.file))
        })
        .collect();
    expect_none("a chrome line kept", rs.len(), bad);
}

#[test]
fn every_source_char_accounted_for() {
    let Some(rs) = reports() else { return };
    let bad: Vec<String> = rs
        .par_iter()
        .filter_map(|r| {
            let src = decoded(r);
            common::account(r, &src)
                .err()
                .map(|e| format!("{}: {e}", r.source.file))
        })
        .collect();
    expect_none("accounting broken", rs.len(), bad);
}

/// The reasons a piece may be removed for. An exhaustive match, so a new
/// reason has to be added here on purpose.
fn allowed(reason: RemovedReason) -> bool {
    match reason {
        RemovedReason::Title
        | RemovedReason::Metadata
        | RemovedReason::Breadcrumb
        | RemovedReason::PageChrome
        | RemovedReason::SiteName
        | RemovedReason::RunningTitle
        | RemovedReason::JumpMarker
        | RemovedReason::Markdown
        | RemovedReason::HtmlComment
        | RemovedReason::Credit
        | RemovedReason::RelatedLinks
        | RemovedReason::PageDescription => true,
    }
}

#[test]
fn removed_pieces_have_allowed_reasons() {
    let Some(rs) = reports() else { return };
    let mut by: BTreeMap<&str, usize> = BTreeMap::new();
    for x in rs.iter().flat_map(|r| &r.removed) {
        *by.entry(x.reason.as_str()).or_default() += 1;
    }
    println!("removed pieces by reason: {by:?}");
    let bad = rs
        .iter()
        .flat_map(|r| r.removed.iter().map(move |x| (r, x)))
        .filter(|(_, x)| !allowed(x.reason))
        .map(|(r, x)| format!("{}: {:?} {:?}", r.source.file, x.reason, x.text))
        .collect();
    expect_none("removed for a reason not allowed", rs.len(), bad);
}

/// Text without white space, folded to ASCII forms, for comparing.
fn dense(s: &str) -> String {
    baogao::text::fold::fold_width_str(s)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

#[test]
fn running_titles_repeat_the_title() {
    let Some(rs) = reports() else { return };
    let bad = rs
        .iter()
        .filter_map(|r| {
            let title = dense(&r.title);
            let odd: Vec<&str> = r
                .removed
                .iter()
                .filter(|x| x.reason == RemovedReason::RunningTitle)
                .map(|x| x.text.as_str())
                .filter(|x| {
                    let t = dense(x);
                    !t.is_empty() && !title.contains(&t) && !t.contains(&title)
                })
                .collect();
            let first = odd.first()?;
            Some(format!(
                "{}: {} piece(s), e.g. {first:?} (title {:?})",
                r.source.file,
                odd.len(),
                r.title
            ))
        })
        .collect();
    expect_none("running titles that are not the title", rs.len(), bad);
}

/// Removed as noise (not as title or metadata) yet reads like content: ends
/// a sentence or is longer than a heading.
fn looks_like_content(text: &str) -> bool {
    let t = dense(text);
    t.ends_with(['.', '!', '?', '\u{3002}']) || t.chars().count() > 40
}

#[test]
fn content_like_removals_warn() {
    let Some(rs) = reports() else { return };
    let bad = rs
        .iter()
        .filter(|r| !r.warnings.iter().any(|w| w.contains("removed")))
        .filter_map(|r| {
            let x = r.removed.iter().find(|x| {
                matches!(
                    x.reason,
                    RemovedReason::PageChrome
                        | RemovedReason::RunningTitle
                        | RemovedReason::SiteName
                        | RemovedReason::Breadcrumb
                ) && looks_like_content(&x.text)
            })?;
            Some(format!("{}: {:?} {:?}", r.source.file, x.reason, x.text))
        })
        .collect();
    expect_none(
        "content-like removals with no warning about removed text",
        rs.len(),
        bad,
    );
}

// ---- Headline targets (issue 13) ----
//
// Hand-checked statements: each value below was read by a person in the
// report's own sentence (not copied from the extractor's output). Chosen by
// level and decade, not by what the extractor gets right: the national
// reports of 1995, 2005, 2015, 2019, 2020 and 2024; a province and a city of
// a different part of the country for each decade from the 1990s to the
// 2020s (north, south, east, west: 山东 河北 广东 河南 甘肃 四川 黑龙江 云南
// 山西 浙江 福建; 北京 广州 杭州 天津 厦门 兰州 成都 太原 宁波 深圳), and in
// each report the GDP target plus two to four other metrics, taking each
// different kind of statement the paragraph holds (range, bound, relative,
// level, the urban/rural pair).

/// (file, key, kind, value, low-high, unit, qualifier) of a target for the
/// report's plan year. A relative or no-number target has no value.
type Check = (
    &'static str,
    &'static str,
    &'static str,
    Option<f64>,
    Option<(f64, f64)>,
    &'static str,
    &'static str,
);

const G: &str = "growth";
const L: &str = "level";
const R: &str = "relative";

#[rustfmt::skip]
const HAND_CHECKED: &[Check] = &[
    ("national/1995.md", "grain_output", L, Some(4550.0), None, "亿公斤", "力争、以上"),
    ("national/2005.md", "gdp", G, Some(8.0), None, "%", "左右"),
    ("national/2005.md", "cpi", L, Some(4.0), None, "%", "控制在"),
    ("national/2005.md", "unemployment_rate", L, Some(4.6), None, "%", "控制在"),
    ("national/2005.md", "new_urban_jobs", L, Some(900.0), None, "万人", ""),
    ("national/2015.md", "gdp", G, Some(7.0), None, "%", "左右"),
    ("national/2015.md", "foreign_trade", G, Some(6.0), None, "%", "左右"),
    ("national/2015.md", "unemployment_rate", L, Some(4.5), None, "%", "以内"),
    ("national/2015.md", "new_urban_jobs", L, Some(1000.0), None, "万人", "以上"),
    ("national/2019.md", "gdp", G, Some(6.0), Some((6.0, 6.5)), "%", ""),
    ("national/2019.md", "energy_intensity", L, Some(3.0), None, "%", "左右"),
    ("national/2019.md", "new_urban_jobs", L, Some(1100.0), None, "万人", "以上"),
    ("national/2020.md", "gdp", "no_number", None, None, "", ""),
    ("national/2024.md", "gdp", G, Some(5.0), None, "%", "左右"),
    ("national/2024.md", "grain_output", L, Some(1.3), None, "万亿斤", "以上"),
    ("national/2024.md", "energy_intensity", L, Some(2.5), None, "%", "左右"),
    ("provinces/山东省/1997.md", "gdp", G, Some(10.0), None, "%", ""),
    ("provinces/河北省/1999.md", "gdp", G, Some(10.0), None, "%", "左右"),
    ("provinces/河北省/1999.md", "fiscal_revenue", G, Some(9.0), None, "%", ""),
    ("provinces/河北省/1999.md", "cpi", L, Some(4.0), None, "%", "左右"),
    ("provinces/河北省/1999.md", "unemployment_rate", L, Some(3.5), None, "%", "控制在、以内"),
    ("provinces/河北省/1999.md", "grain_output", L, Some(2900.0), None, "万吨", ""),
    ("provinces/广东省/2002.md", "gdp", G, Some(9.0), None, "%", ""),
    ("provinces/广东省/2002.md", "cpi", R, None, None, "", ""),
    ("provinces/广东省/2002.md", "unemployment_rate", L, Some(3.0), None, "%", "控制在、左右"),
    ("provinces/广东省/2002.md", "disposable_income_rural", G, Some(3.5), None, "%", ""),
    ("provinces/河南省/2008.md", "gdp", G, Some(11.0), None, "%", "左右"),
    ("provinces/河南省/2008.md", "fiscal_revenue", G, Some(15.0), None, "%", ""),
    ("provinces/河南省/2008.md", "new_urban_jobs", L, Some(100.0), None, "万人", "以上"),
    ("provinces/河南省/2008.md", "energy_intensity", L, Some(5.1), None, "%", ""),
    ("provinces/甘肃省/2004.md", "gdp", G, Some(9.5), None, "%", ""),
    ("provinces/甘肃省/2004.md", "fiscal_revenue", R, None, None, "", ""),
    ("provinces/甘肃省/2004.md", "fixed_asset_investment", G, Some(15.0), None, "%", ""),
    ("provinces/甘肃省/2004.md", "retail_sales", G, Some(10.0), None, "%", ""),
    ("provinces/四川省/2013.md", "gdp", G, Some(9.0), None, "%", "左右"),
    ("provinces/四川省/2013.md", "cpi", L, Some(3.5), None, "%", "控制在、左右"),
    ("provinces/四川省/2013.md", "foreign_trade", G, Some(6.0), None, "%", ""),
    ("provinces/黑龙江省/2015.md", "gdp", G, Some(6.0), None, "%", "左右"),
    ("provinces/黑龙江省/2015.md", "disposable_income_urban", G, Some(9.0), None, "%", "以上"),
    ("provinces/黑龙江省/2015.md", "energy_intensity", L, Some(2.5), None, "%", ""),
    ("provinces/云南省/2018.md", "gdp", G, Some(8.5), None, "%", ""),
    ("provinces/云南省/2018.md", "foreign_trade", G, Some(15.0), None, "%", ""),
    ("provinces/云南省/2018.md", "disposable_income_urban", G, Some(8.0), None, "%", ""),
    ("provinces/云南省/2018.md", "disposable_income_rural", G, Some(9.0), None, "%", ""),
    ("provinces/山西省/2021.md", "gdp", G, Some(8.0), None, "%", ""),
    ("provinces/山西省/2021.md", "fiscal_revenue", G, Some(5.0), None, "%", "以上"),
    ("provinces/山西省/2021.md", "new_urban_jobs", L, Some(45.0), None, "万人", ""),
    ("provinces/山西省/2021.md", "disposable_income_rural", G, Some(8.0), None, "%", "以上"),
    ("provinces/浙江省/2024.md", "gdp", G, Some(5.5), None, "%", "左右"),
    ("provinces/浙江省/2024.md", "fiscal_revenue", R, None, None, "", ""),
    ("provinces/浙江省/2024.md", "unemployment_rate", L, Some(5.0), None, "%", "控制在、以内"),
    ("provinces/福建省/2025.md", "gdp", G, Some(5.0), Some((5.0, 5.5)), "%", ""),
    ("provinces/福建省/2025.md", "unemployment_rate", L, Some(5.0), None, "%", "左右"),
    ("provinces/福建省/2025.md", "grain_output", L, Some(511.0), None, "万吨", "以上"),
    ("cities/北京市/1999.md", "gdp", G, Some(9.0), None, "%", "左右"),
    ("cities/广州市/2000.md", "gdp", G, Some(13.0), None, "%", ""),
    ("cities/广州市/2000.md", "cpi", L, Some(2.0), None, "%", "左右"),
    ("cities/广州市/2000.md", "disposable_income_urban", G, Some(6.0), None, "%", ""),
    ("cities/杭州市/2010.md", "gdp", G, Some(10.0), None, "%", "以上"),
    ("cities/杭州市/2010.md", "fiscal_revenue", G, Some(11.0), None, "%", ""),
    ("cities/杭州市/2010.md", "energy_intensity", L, Some(3.0), None, "%", "左右"),
    ("cities/天津市/2014.md", "gdp", G, Some(11.0), None, "%", ""),
    ("cities/天津市/2014.md", "foreign_trade", G, Some(10.0), None, "%", ""),
    ("cities/天津市/2014.md", "disposable_income_rural", G, Some(12.0), None, "%", ""),
    ("cities/天津市/2014.md", "energy_intensity", L, Some(3.5), None, "%", ""),
    ("cities/厦门市/2015.md", "gdp", G, Some(10.5), None, "%", "左右"),
    ("cities/厦门市/2015.md", "fiscal_revenue", G, Some(10.5), None, "%", ""),
    ("cities/厦门市/2015.md", "fixed_asset_investment", G, Some(19.0), None, "%", "以上"),
    ("cities/兰州市/2015.md", "gdp", G, Some(8.0), None, "%", "以上"),
    ("cities/兰州市/2015.md", "fiscal_revenue", G, Some(10.0), None, "%", ""),
    ("cities/兰州市/2015.md", "cpi", L, Some(3.0), None, "%", "控制在、以内"),
    ("cities/成都市/2016.md", "gdp", G, Some(7.0), None, "%", "以上"),
    ("cities/成都市/2016.md", "fixed_asset_investment", L, Some(7000.0), None, "亿元", "以上"),
    ("cities/成都市/2016.md", "disposable_income_rural", G, Some(7.5), None, "%", ""),
    ("cities/太原市/2018.md", "gdp", G, Some(8.0), None, "%", "左右"),
    ("cities/太原市/2018.md", "cpi", L, Some(3.0), None, "%", "控制在、左右"),
    ("cities/太原市/2018.md", "disposable_income_rural", G, Some(6.5), None, "%", "以上"),
    ("cities/宁波市/2019.md", "gdp", G, Some(6.8), None, "%", "左右"),
    ("cities/宁波市/2019.md", "disposable_income", R, None, None, "", ""),
    ("cities/宁波市/2019.md", "unemployment_rate", L, Some(3.5), None, "%", "以内"),
    ("cities/深圳市/2024.md", "gdp", G, Some(5.5), None, "%", ""),
    ("cities/深圳市/2024.md", "fiscal_revenue", G, Some(1.0), None, "%", ""),
];

fn by_file(rs: &'static [Report], file: &str) -> &'static Report {
    rs.iter()
        .find(|r| r.source.file == file)
        .unwrap_or_else(|| panic!("no report built from {file}"))
}

#[test]
fn hand_checked_headline_targets() {
    use baogao::model::Period;
    let Some(rs) = reports() else { return };
    let mut bad = Vec::new();
    for &(file, key, kind, value, range, unit, qualifier) in HAND_CHECKED {
        let r = by_file(rs, file);
        let Some(h) = r
            .headlines
            .iter()
            .find(|h| h.key == key && h.period == Period::Target)
        else {
            bad.push(format!("{file} {key}: no target"));
            continue;
        };
        let got = (
            h.kind.as_str(),
            h.value,
            h.low.zip(h.high),
            h.unit.as_deref().unwrap_or(""),
            h.qualifier.as_deref().unwrap_or(""),
            h.year,
        );
        let want = (kind, value, range, unit, qualifier, r.plan_year);
        if got != want || r.plan_year.is_none() {
            bad.push(format!(
                "{file} {key}: got {got:?}, want {want:?} ({:?})",
                h.text
            ));
        }
    }
    println!(
        "hand-checked headline targets: {} statements",
        HAND_CHECKED.len()
    );
    expect_none("hand-checked targets read wrongly", 0, bad);
    assert!(HAND_CHECKED.len() >= 60);
}

/// The review year's result is not the plan year's target: the first
/// 生产总值 figure of these reports is last year's.
#[test]
fn hand_checked_results_are_the_review_year() {
    use baogao::model::Period;
    let Some(rs) = reports() else { return };
    for (file, key, value) in [
        ("provinces/浙江省/2024.md", "gdp", 6.0),
        ("national/2020.md", "gdp", 6.1),
        ("national/2010.md", "gdp", 8.7),
        ("provinces/浙江省/2024.md", "disposable_income_rural", 7.3),
    ] {
        let r = by_file(rs, file);
        let h = r
            .headlines
            .iter()
            .find(|h| h.key == key && h.period == Period::Actual)
            .unwrap_or_else(|| panic!("{file} {key}: no result"));
        assert_eq!(
            (h.value, h.year),
            (Some(value), r.review_year),
            "{file} {key}"
        );
    }
}

/// The figures for `gdp`: province-years and city-years with a
/// target, a result, an assessment (docs/indicators.md prints them).
#[test]
fn gdp_ledger_coverage() {
    use baogao::indicators::ledger::ledger;
    use baogao::indicators::target::Assessment;
    use baogao::model::Level;
    let Some(rs) = reports() else { return };
    let rows = ledger(rs);
    // the Targets view computes one metric at a time: the same rows
    for k in baogao::indicators::ledger::ledger_keys(rs) {
        let mine: Vec<_> = rows.iter().filter(|r| r.key == k).cloned().collect();
        assert!(
            baogao::indicators::ledger::ledger_for(rs, k) == mine,
            "ledger_for({k}) differs from the whole ledger's {k} rows"
        );
    }
    for level in [Level::National, Level::Province, Level::City] {
        let g: Vec<_> = rows
            .iter()
            .filter(|r| r.key == "gdp" && r.level == Some(level))
            .collect();
        let target = g.iter().filter(|r| r.target_text.is_some()).count();
        let numeric = g.iter().filter(|r| r.target_value.is_some()).count();
        let actual = g.iter().filter(|r| r.actual_text.is_some()).count();
        let assessed = g
            .iter()
            .filter(|r| r.assessment != Assessment::Unknown)
            .count();
        let upper = g.iter().filter(|r| r.upper_target_value.is_some()).count();
        println!(
            "gdp {}: {} region-years, target {target} (numeric {numeric}), result {actual}, assessed {assessed}, upper target {upper}",
            level.as_str(),
            g.len()
        );
        if level != Level::National {
            // guards against a silent collapse of the extraction
            assert!(
                target * 10 >= g.len() * 8,
                "{level:?}: {target} of {}",
                g.len()
            );
            assert!(
                assessed * 10 >= g.len() * 5,
                "{level:?}: {assessed} of {}",
                g.len()
            );
            // a city's province comes from the batch rule (builder/parents.rs)
            assert!(
                upper * 10 >= g.len() * 7,
                "{level:?}: upper target in {upper} of {}",
                g.len()
            );
        }
    }
    let no_target: Vec<String> = rs
        .iter()
        .filter(|r| matches!(r.level, Some(Level::Province | Level::City)))
        .filter(|r| {
            !r.headlines
                .iter()
                .any(|h| h.key == "gdp" && h.period == baogao::model::Period::Target)
        })
        .map(|r| r.source.file.clone())
        .collect();
    println!(
        "province and city reports with no gdp target: {}",
        no_target.len()
    );
    for f in no_target.iter().take(40) {
        println!("  {f}");
    }
}

/// Every city region of the corpus gets a province from the batch rule
/// (`builder/parents.rs`), and the same one on all its reports; nine checked
/// by hand against the map (one per region of the country, and the three the
/// rule's guards are for: 银川 needs the 全区 test, 唐山 and 哈尔滨 the
/// municipality exclusion).
#[test]
fn every_city_gets_its_province() {
    use baogao::model::Level;
    use std::collections::BTreeMap;
    let Some(rs) = reports() else { return };
    let mut parents: BTreeMap<&str, Vec<Option<&str>>> = BTreeMap::new();
    for r in rs.iter().filter(|r| r.level == Some(Level::City)) {
        if let Some(region) = r.region.as_deref() {
            parents
                .entry(region)
                .or_default()
                .push(r.parent_region.as_deref());
        }
    }
    let mut bad = Vec::new();
    for (city, ps) in &parents {
        let first = ps[0];
        if first.is_none() || ps.iter().any(|p| *p != first) {
            bad.push(format!("{city}: {ps:?}"));
        }
    }
    println!(
        "city regions: {}, without one province: {}",
        parents.len(),
        bad.len()
    );
    assert!(parents.len() >= 40, "{} city regions", parents.len());
    expect_none("city regions without one province", parents.len(), bad);
    for (city, province) in [
        ("\u{5b81}\u{6ce2}\u{5e02}", "\u{6d59}\u{6c5f}\u{7701}"),
        (
            "\u{94f6}\u{5ddd}\u{5e02}",
            "\u{5b81}\u{590f}\u{56de}\u{65cf}\u{81ea}\u{6cbb}\u{533a}",
        ),
        ("\u{5510}\u{5c71}\u{5e02}", "\u{6cb3}\u{5317}\u{7701}"),
        (
            "\u{54c8}\u{5c14}\u{6ee8}\u{5e02}",
            "\u{9ed1}\u{9f99}\u{6c5f}\u{7701}",
        ),
        (
            "\u{62c9}\u{8428}\u{5e02}",
            "\u{897f}\u{85cf}\u{81ea}\u{6cbb}\u{533a}",
        ),
        ("\u{6df1}\u{5733}\u{5e02}", "\u{5e7f}\u{4e1c}\u{7701}"),
        ("\u{897f}\u{5b89}\u{5e02}", "\u{9655}\u{897f}\u{7701}"),
        ("\u{6210}\u{90fd}\u{5e02}", "\u{56db}\u{5ddd}\u{7701}"),
        ("\u{5927}\u{8fde}\u{5e02}", "\u{8fbd}\u{5b81}\u{7701}"),
    ] {
        assert_eq!(
            parents.get(city).and_then(|p| p[0]),
            Some(province),
            "{city}"
        );
    }
}

/// `baogao diff` of the national reports 2023 → 2024, checked by reading
/// both: the 2024 industry task (…加快发展新质生产力) is the 2023 one
/// (加快建设现代化产业体系) renamed; 新质生产力 is new text of 2024 (inserted
/// in the heading, never deleted); the jobs target went from 1200万人左右 to
/// 1200万人以上.
#[test]
fn diff_of_the_national_reports_2023_and_2024_reads_right() {
    use baogao::compare::{compare, Change, Op, TargetChange};
    let Some(rs) = reports() else { return };
    let a = by_file(rs, "national/2023.md");
    let b = by_file(rs, "national/2024.md");
    let d = compare(a, b);
    let row = d
        .sections
        .iter()
        .find(|r| {
            r.b.as_ref()
                .is_some_and(|s| s.heading.contains("新质生产力"))
        })
        .expect("a 2024 section on 新质生产力");
    let was = row.a.as_ref().expect("paired with a 2023 section");
    assert!(was.heading.contains("现代化产业体系"), "{was:?}");
    assert!(row.renamed);
    // the phrase is printed once in 2024, in that heading: an inserted run
    let runs = baogao::compare::words::word_diff(&was.heading, &row.b.as_ref().unwrap().heading);
    assert!(
        runs.iter()
            .any(|p| p.op == Op::Insert && p.text.contains("新质生产力")),
        "{runs:?}"
    );
    for s in d.sections.iter().flat_map(|r| &r.sentences) {
        let old = s.a.as_ref().map_or("", |x| x.text.as_str());
        assert!(!old.contains("新质生产力"), "{old}");
        if s.change == Change::Changed {
            assert!(!s
                .pieces
                .iter()
                .any(|p| p.op == Op::Delete && p.text.contains("新质生产力")));
        }
    }
    let jobs = d.targets.iter().find(|t| t.key == "new_urban_jobs");
    if let Some(t) = jobs {
        assert_eq!(t.change, TargetChange::Changed);
        assert!(t.a.as_ref().unwrap().text.contains("左右"));
        assert!(t.b.as_ref().unwrap().text.contains("以上"));
    }
    println!(
        "national 2023 → 2024: {} rows, {} renamed, sentences {:?}",
        d.sections.len(),
        d.sections.iter().filter(|r| r.renamed).count(),
        d.counts
    );
}

/// Every provincial report against the one before it: each section of
/// either report in one row at most (each of B's in exactly one), the runs of
/// a changed sentence give back both texts, and a report against itself
/// differs nowhere.
#[test]
fn diff_of_every_provincial_pair_keeps_its_invariants() {
    use baogao::compare::{compare, previous, Change, Op};
    use baogao::model::Level;
    let Some(rs) = reports() else { return };
    let (mut pairs, mut bad) = (0, Vec::new());
    let t = std::time::Instant::now();
    for (ib, b) in rs.iter().enumerate() {
        if b.level != Some(Level::Province) {
            continue;
        }
        let Some(ia) = previous(rs, ib) else { continue };
        let a = &rs[ia];
        pairs += 1;
        let d = compare(a, b);
        let mut seen_b = HashSet::new();
        let mut seen_a = HashSet::new();
        for r in &d.sections {
            if let Some(s) = &r.b {
                if !seen_b.insert(s.id.clone()) {
                    bad.push(format!("{} → {}: {} twice", a.id, b.id, s.id));
                }
            }
            if let Some(s) = &r.a {
                if !seen_a.insert(s.id.clone()) {
                    bad.push(format!("{} → {}: {} twice", a.id, b.id, s.id));
                }
            }
            for s in r.sentences.iter().filter(|s| s.change == Change::Changed) {
                let side = |keep: Op| -> String {
                    s.pieces
                        .iter()
                        .filter(|p| p.op == Op::Equal || p.op == keep)
                        .map(|p| p.text.as_str())
                        .collect()
                };
                if side(Op::Delete) != s.a.as_ref().unwrap().text
                    || side(Op::Insert) != s.b.as_ref().unwrap().text
                {
                    bad.push(format!("{} → {}: runs of {:?}", a.id, b.id, s.b));
                }
            }
        }
        let preamble = b
            .preamble
            .iter()
            .any(|bl| matches!(bl, Block::Paragraph(p) if !p.sentences.is_empty()));
        let sections = b.all_sections().len() + usize::from(preamble);
        if seen_b.len() != sections {
            bad.push(format!(
                "{}: {} of {sections} sections in rows",
                b.id,
                seen_b.len()
            ));
        }
        let same = compare(b, b);
        if same.counts.differing() != 0 || same.sections.iter().any(|r| r.moved || r.renamed) {
            bad.push(format!("{} against itself differs", b.id));
        }
    }
    println!(
        "diff: {pairs} provincial pairs (and each report against itself) in {:.2} s",
        t.elapsed().as_secs_f64()
    );
    assert!(pairs > 0);
    expect_none("diff invariants broken", 0, bad);
}

/// The reports of `level` in model order, with the trend of `phrase` over them.
fn trend_of(
    phrase: &str,
    level: baogao::model::Level,
) -> Option<(baogao::trend::Trend, &'static [Report])> {
    let reports = reports()?;
    let a = baogao::trend::answer(reports, phrase, true, |r| r.level == Some(level)).unwrap();
    Some((a.trend, reports))
}

/// Read in the texts: national/2024.md is the first national report that
/// says 新质生产力 (once, in a heading), and national/2018.md the first that
/// says 高质量发展 (5 times); 2024 says it 25 times (`grep -o | wc -l`).
#[test]
fn trend_first_national_uses_match_the_texts() {
    use baogao::model::Level;
    let Some((t, reports)) = trend_of("新质生产力", Level::National) else {
        return;
    };
    let first = &reports[t.reports[t.first.unwrap()].report];
    println!("新质生产力 first: {} {:?}", first.id, first.plan_year);
    assert_eq!(first.plan_year, Some(2024));
    assert_eq!(
        t.years.iter().find(|y| y.year == 2024).map(|y| y.count),
        Some(1)
    );
    let (t, reports) = trend_of("高质量发展", Level::National).unwrap();
    let first = &reports[t.reports[t.first.unwrap()].report];
    println!("高质量发展 first: {} {:?}", first.id, first.plan_year);
    assert_eq!(first.plan_year, Some(2018));
    let count = |y: u16| t.years.iter().find(|c| c.year == y).map(|c| c.count);
    assert_eq!(
        (count(2017), count(2018), count(2024)),
        (Some(0), Some(5), Some(25))
    );
}

/// Read in the texts: 地方债务 (local government debt) appears in no national
/// report before 2024, and five times in national/2024.md.
#[test]
fn new_phrases_of_the_2024_national_report_include_local_debt() {
    let Some(reports) = reports() else { return };
    let i = reports
        .iter()
        .position(|r| r.level == Some(baogao::model::Level::National) && r.plan_year == Some(2024))
        .unwrap();
    let (phrases, earlier) = baogao::trend::new_phrases_of(reports, i, 0).unwrap();
    println!(
        "{} new phrases against {} earlier national reports",
        phrases.len(),
        earlier.len()
    );
    assert!(earlier.iter().all(|&k| reports[k].plan_year < Some(2024)));
    let debt = phrases.iter().find(|p| p.phrase == "地方债务").unwrap();
    assert_eq!(debt.count, 5);
    // nothing an earlier national report said
    for p in phrases.iter().take(20) {
        for &k in &earlier {
            let m = baogao::trend::hits_in_report(&reports[k], &p.phrase);
            assert_eq!(m.count, 0, "{} in {}", p.phrase, reports[k].id);
        }
    }
}
