//! Bodies of the non-TUI commands that belong to no single module: build,
//! check, show. Each returns an anyhow error with context; main prints it.

use std::io::Write as _;
use std::path::Path;

use anyhow::{bail, Context, Result};

use crate::builder;
use crate::cli::BuildArgs;
use crate::model::{self, Block, Model};

/// `baogao build FILE... [-o OUT] [--id ID]...`
pub fn build(args: &BuildArgs) -> Result<()> {
    if args.ids.len() > args.files.len() {
        bail!(
            "{} --id given for {} file(s)",
            args.ids.len(),
            args.files.len()
        );
    }
    let mut inputs = Vec::new();
    for (i, f) in args.files.iter().enumerate() {
        let shown = f.display().to_string();
        if f.is_dir() {
            bail!("{shown}: is a directory, not a report text file");
        }
        let bytes = std::fs::read(f).with_context(|| format!("{shown}: cannot read"))?;
        let name = f
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| shown.clone());
        inputs.push(builder::Input {
            file_name: name,
            bytes,
            id: args.ids.get(i).cloned(),
        });
    }
    let built = builder::build_model(&inputs)?;
    for w in &built.warnings {
        eprintln!("warning: {w}");
    }
    let json = model_json(&built.model)?;
    write_atomically(&args.output, json.as_bytes())?;
    eprintln!(
        "wrote {} ({} report(s))",
        args.output.display(),
        built.model.reports.len()
    );
    Ok(())
}

/// The exact bytes `build` writes for a model (pretty JSON, trailing newline).
pub fn model_json(m: &Model) -> Result<String> {
    let mut s = serde_json::to_string_pretty(m).context("cannot serialize the model")?;
    s.push('\n');
    Ok(s)
}

/// Write `bytes` to `path` through a temp file in the same directory and a
/// rename, so an existing file is never left half-written.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let shown = path.display().to_string();
    if path.is_dir() {
        bail!("{shown}: is a directory");
    }
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "model.json".into());
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| -> std::io::Result<()> {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(e).with_context(|| format!("{shown}: cannot write"));
    }
    Ok(())
}

/// `baogao check [MODEL]`: validate and summarize.
pub fn check(file: Option<&Path>) -> Result<()> {
    let m = crate::load_model(file)?;
    let problems = model::validate::validate(&m);
    for line in model::validate::summary(&m).lines() {
        println!("{}", crate::text::sanitize(line));
    }
    if !problems.is_empty() {
        for p in problems.iter().take(20) {
            eprintln!("problem: {}", crate::text::sanitize(p));
        }
        bail!("{} problem(s) in the model", problems.len());
    }
    println!("\nok: no problems");
    Ok(())
}

/// `baogao show ID`: print the text of a section, paragraph, sentence or table.
pub fn show(m: &Model, id: &str) -> Result<()> {
    for r in &m.reports {
        if let Some(t) = r.table(id) {
            println!("表{} {}", t.number, t.caption);
            println!("{}", t.columns.join(" | "));
            for row in &t.rows {
                println!("{}", row.join(" | "));
            }
            for n in &t.notes {
                println!("{n}");
            }
            return Ok(());
        }
        for s in r.all_sections() {
            if s.id == id {
                println!("{}{}", s.marker, s.heading);
                print_blocks(r, &s.blocks);
                return Ok(());
            }
            for b in &s.blocks {
                if let Block::Paragraph(p) = b {
                    if p.id == id {
                        println!("{}", p.text());
                        return Ok(());
                    }
                    if let Some(x) = p.sentences.iter().find(|x| x.id == id) {
                        println!("{}", x.text);
                        return Ok(());
                    }
                }
            }
        }
    }
    bail!(
        "no section, paragraph, sentence or table has the id {:?}",
        crate::text::sanitize(id)
    )
}

fn print_blocks(r: &model::Report, blocks: &[Block]) {
    for b in blocks {
        match b {
            Block::Paragraph(p) => println!("{}", crate::text::sanitize(&p.text())),
            Block::Table { table } => {
                if let Some(t) = r.table(table) {
                    println!("[表{} {}]", t.number, crate::text::sanitize(&t.caption));
                }
            }
        }
    }
}
