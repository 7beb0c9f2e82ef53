//! Builds the bundled model at compile time: every `*.txt` and `*.md` under
//! data/reports (sorted path order, as `baogao build data/reports` does) run
//! through the current builder and packed (`model::pack`: a header of report
//! stubs, then each report as LZ4-compressed JSON) into `$OUT_DIR/bundled.pack`,
//! which src/lib.rs embeds. So the
//! embedded model is never stale and never committed (data/SOURCES.md says
//! which reports these are).

#![allow(clippy::disallowed_methods)] // a build script reads OUT_DIR

use std::path::{Path, PathBuf};

use baogao_core::builder::{batch::build_batch, BuildError, Input};

fn walk(dir: &Path, root: &Path, out: &mut Vec<(PathBuf, String)>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        panic!("cannot read {}", dir.display());
    };
    let mut entries: Vec<_> = rd.flatten().collect();
    entries.sort_by_key(|e| e.file_name());
    for e in entries {
        let path = e.path();
        if e.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        if path.is_dir() {
            walk(&path, root, out);
        } else if path
            .extension()
            .and_then(|x| x.to_str())
            .is_some_and(|x| x.eq_ignore_ascii_case("txt") || x.eq_ignore_ascii_case("md"))
        {
            let rel = path.strip_prefix(root).unwrap_or(&path);
            let name = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            out.push((path, name));
        }
    }
}

fn main() {
    let root = Path::new("data/reports");
    println!("cargo:rerun-if-changed=data/reports");
    let mut files = Vec::new();
    walk(root, root, &mut files);
    let ids = vec![None; files.len()];
    let load = |(path, name): &(PathBuf, String)| -> Result<Input, BuildError> {
        let bytes = std::fs::read(path).map_err(|e| BuildError::Input {
            file: name.clone(),
            message: e.to_string(),
        })?;
        Ok(Input {
            file_name: name.clone(),
            bytes,
            id: None,
        })
    };
    let batch = match build_batch(&files, &ids, load, || {}) {
        Ok(b) => b,
        Err(e) => panic!("building data/reports: {e}"),
    };
    if let Some((k, Err(e))) = batch.outcomes.iter().enumerate().find(|(_, o)| o.is_err()) {
        panic!("{}: {e}", files[k].1);
    }
    let packed = baogao_core::model::pack::pack(&batch.model)
        .unwrap_or_else(|e| panic!("packing the bundled model: {e}"));
    let out = PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default()).join("bundled.pack");
    std::fs::write(&out, packed).unwrap_or_else(|e| panic!("{}: {e}", out.display()));
}
