//! Dump one TSV line per corpus file: metadata the builder found (dev tool).
// a face, not the core: it may read the environment (see clippy.toml)
#![allow(clippy::disallowed_methods)]
use std::io::Write;
fn main() {
    let root = std::env::args()
        .nth(1)
        .unwrap_or("../shared/corpus/gov".into());
    let mut files = Vec::new();
    fn walk(p: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        if let Ok(rd) = std::fs::read_dir(p) {
            for e in rd.flatten() {
                let p = e.path();
                if p.is_dir() {
                    walk(&p, out)
                } else if p.extension().is_some_and(|x| x == "md" || x == "txt") {
                    out.push(p)
                }
            }
        }
    }
    walk(std::path::Path::new(&root), &mut files);
    files.sort();
    let out = std::io::stdout();
    let mut out = out.lock();
    for f in files {
        let bytes = std::fs::read(&f).unwrap_or_default();
        let name = f.strip_prefix(&root).unwrap_or(&f).display().to_string();
        match baogao::builder::build_report(&bytes, &name, None) {
            Ok(r) => {
                let l1 = r.sections.len();
                let pre: String = r
                    .preamble
                    .iter()
                    .filter_map(|b| match b {
                        baogao::model::Block::Paragraph(p) => Some(p.text()),
                        _ => None,
                    })
                    .collect::<Vec<_>>()
                    .join("⏎")
                    .chars()
                    .take(60)
                    .collect();
                let _ = writeln!(
                    out,
                    "{}\t{}\t{}\t{:?}\t{:?}\t{:?}\t{:?}\t{:?}\t{:?}\tL1={}\tW={}\t{}\t{}\t{}\t{}",
                    name,
                    r.id,
                    r.title,
                    r.region,
                    r.review_year,
                    r.plan_year,
                    r.source.date,
                    r.source.publisher,
                    r.source.origin,
                    l1,
                    r.warnings.join("|"),
                    pre,
                    r.level.map(|l| l.as_str()).unwrap_or("-"),
                    r.parent_region.as_deref().unwrap_or("-"),
                    r.source.speaker.as_deref().unwrap_or("-")
                );
            }
            Err(e) => {
                let _ = writeln!(out, "{}\tERROR\t{}", name, e);
            }
        }
    }
}
