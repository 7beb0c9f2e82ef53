//! `baogao build`: collecting the inputs (files, folders), building them in
//! parallel through `builder::batch`, reporting failures and warnings on
//! stderr, and writing the model atomically (temp file, then rename).

use std::collections::HashSet;
use std::io::{IsTerminal as _, Write as _};
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{bail, Context, Result};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use super::Outcome;
use crate::builder;
use crate::cli::BuildArgs;

/// One input of `baogao build`: a file named on the command line or found in
/// a folder, or a named path that cannot be a report (`problem`).
struct Job {
    /// The path as the user can find it (argument, or folder argument joined
    /// with the path below it): used in errors and warnings.
    path: PathBuf,
    /// The name recorded in the model (`source.file`): the file name of a
    /// FILE argument, or the path below the folder argument (with `/`).
    name: String,
    id: Option<String>,
    problem: Option<String>,
}

/// `baogao build PATH... [-o OUT] [--id ID]... [--keep-going] [-q]`
///
/// Folders are searched recursively for `*.txt` and `*.md` (case-insensitive;
/// hidden entries skipped), each folder's files in sorted path order; the
/// arguments keep their order and a file reached twice is built once. Files
/// build in parallel; the model lists them in that order whatever the thread
/// count. A file that fails gets one line on stderr and the others still
/// build; then the output is written only with `--keep-going` (exit 0), else
/// left untouched (exit 1). Warnings go to stderr as `path: warning`, after
/// the build and in input order (`-q` silences them); a progress bar shows
/// on a terminal only. The last line is a summary.
pub fn build(args: &BuildArgs) -> Result<Outcome> {
    let start = Instant::now();
    let jobs = jobs(args)?;
    if let Some(j) = jobs.iter().find(|j| same_file(&j.path, &args.output)) {
        bail!(
            "{} is an input ({}): the model would overwrite it; choose another -o",
            args.output.display(),
            j.path.display()
        );
    }
    let quiet = args.quiet;
    let bar = if !quiet && std::io::stderr().is_terminal() {
        let bar =
            ProgressBar::with_draw_target(Some(jobs.len() as u64), ProgressDrawTarget::stderr());
        if let Ok(style) = ProgressStyle::with_template("{bar:40} {pos}/{len} {elapsed}") {
            bar.set_style(style);
        }
        Some(bar)
    } else {
        None
    };
    return_large_blocks();
    let ids: Vec<Option<String>> = jobs.iter().map(|j| j.id.clone()).collect();
    let mut spool = FileSpool::create(&args.output, jobs.len())?;
    let streamed = builder::batch::stream_batch(&jobs, &ids, load, tick(&bar), &mut spool)
        .map_err(|e| match e {
            builder::batch::StreamError::Batch(e) => anyhow::Error::from(e),
            builder::batch::StreamError::Spool(e) => {
                anyhow::anyhow!("{}: cannot keep the built reports: {e}", spool.shown())
            }
        })?;
    if let Some(b) = &bar {
        b.finish_and_clear();
    }

    let (mut failures, mut warnings, mut built) = (0usize, 0usize, 0usize);
    let mut err = std::io::stderr().lock();
    for (job, outcome) in jobs.iter().zip(&streamed.outcomes) {
        let shown = job.path.display();
        match outcome {
            Err(e) => {
                failures += 1;
                let msg = match e {
                    builder::BuildError::Input { message, .. } => message.clone(),
                    other => other.to_string(),
                };
                let line = format!("{shown}: {}", msg.replace('\n', " "));
                let _ = writeln!(err, "{}", crate::text::sanitize(&line));
            }
            Ok(kept) => {
                built += 1;
                warnings += kept.warnings.len();
                if !quiet {
                    for w in &kept.warnings {
                        let line = format!("{shown}: warning: {}", w.replace('\n', " "));
                        let _ = writeln!(err, "{}", crate::text::sanitize(&line));
                    }
                }
            }
        }
    }
    drop(err);

    let built_in = start.elapsed().as_secs_f64();
    let summary = format!(
        "{built} report(s), {warnings} warning(s), {failures} failure(s) in {built_in:.1} s"
    );
    let out = args.output.display();
    if built == 0 {
        bail!("{summary}; nothing to write to {out}");
    }
    if failures > 0 && !args.keep_going {
        bail!("{summary}; {out} not written (--keep-going writes the reports that built)");
    }
    let write = |w: &mut dyn std::io::Write, spool: &FileSpool| write_streamed(w, &streamed, spool);
    if args.output.as_os_str() == "-" {
        let mut out = std::io::BufWriter::with_capacity(1 << 20, std::io::stdout().lock());
        write(&mut out, &spool)
            .and_then(|()| out.flush())
            .context("cannot write the model to standard output")?;
    } else {
        write_atomically_with(&args.output, |w| write(w, &spool))?;
    }
    let _ = writeln!(
        std::io::stderr(),
        "{}",
        crate::text::sanitize_line(&format!(
            "{summary}; wrote {out} in {:.1} s",
            start.elapsed().as_secs_f64() - built_in
        ))
    );
    Ok(Outcome::Done)
}

/// The progress bar's tick, for the build workers.
fn tick(bar: &Option<ProgressBar>) -> impl Fn() + Sync + '_ {
    move || {
        if let Some(b) = bar {
            b.inc(1);
        }
    }
}

/// Where a build keeps the reports it built until the model is written: a
/// temp file beside the output (the system's temp folder for `-o -`), one
/// compact JSON record per report, removed when the build ends or is stopped
/// by a signal. Memory then holds only the reports being built.
struct FileSpool {
    path: PathBuf,
    file: std::fs::File,
    /// Offset and length of each item's record.
    at: Vec<Option<(u64, usize)>>,
    end: u64,
    _registered: super::tempfiles::TempFile,
}

impl FileSpool {
    fn create(output: &Path, items: usize) -> Result<FileSpool> {
        let dir = match output.parent() {
            _ if output.as_os_str() == "-" => std::env::temp_dir(),
            Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let name = output
            .file_name()
            .filter(|_| output.as_os_str() != "-")
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "baogao-build".into());
        let path = dir.join(format!(".{name}.{}.spool", std::process::id()));
        let registered = super::tempfiles::TempFile::register(&path);
        let file = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create_new(true)
            .open(&path)
            .with_context(|| format!("{}: cannot create", path.display()))?;
        Ok(FileSpool {
            path,
            file,
            at: vec![None; items],
            end: 0,
            _registered: registered,
        })
    }

    fn shown(&self) -> String {
        self.path.display().to_string()
    }
}

impl Drop for FileSpool {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

impl builder::batch::Spool for FileSpool {
    type Error = std::io::Error;

    fn put(&mut self, index: usize, report: &crate::model::Report) -> std::io::Result<()> {
        use std::io::{Seek as _, SeekFrom};
        // straight into the file: a report's JSON is never a second copy of
        // it in memory
        self.file.seek(SeekFrom::Start(self.end))?;
        let mut w = std::io::BufWriter::with_capacity(1 << 16, &self.file);
        serde_json::to_writer(&mut w, report)?;
        w.flush()?;
        drop(w);
        let end = self.file.stream_position()?;
        let len = usize::try_from(end - self.end).map_err(std::io::Error::other)?;
        if let Some(slot) = self.at.get_mut(index) {
            *slot = Some((self.end, len));
        }
        self.end = end;
        Ok(())
    }

    fn get(&mut self, index: usize) -> std::io::Result<crate::model::Report> {
        self.report(index)
    }
}

impl FileSpool {
    /// The length of report `index`'s record (0 if none).
    fn len(&self, index: usize) -> usize {
        self.at
            .get(index)
            .copied()
            .flatten()
            .map_or(0, |(_, len)| len)
    }

    /// Report `index` read back: a large record is parsed as it is read,
    /// so its JSON is never in memory beside the report it makes (the
    /// build's peak memory, docs/RELIABILITY.md).
    fn report(&self, index: usize) -> std::io::Result<crate::model::Report> {
        #[cfg(unix)]
        if let Some(&Some((offset, len))) = self.at.get(index) {
            if len > 1 << 20 {
                let at = RecordReader {
                    file: &self.file,
                    pos: offset,
                    end: offset + len as u64,
                };
                let buffered = std::io::BufReader::with_capacity(1 << 16, at);
                return Ok(serde_json::from_reader(buffered)?);
            }
        }
        Ok(serde_json::from_slice(&self.record(index)?)?)
    }

    /// The JSON record of report `index` (any thread may read).
    fn record(&self, index: usize) -> std::io::Result<Vec<u8>> {
        let Some(&Some((offset, len))) = self.at.get(index) else {
            return Err(std::io::Error::other(format!("no report {index} kept")));
        };
        let mut bytes = vec![0; len];
        #[cfg(unix)]
        std::os::unix::fs::FileExt::read_exact_at(&self.file, &mut bytes, offset)?;
        #[cfg(not(unix))]
        {
            use std::io::{Read as _, Seek as _, SeekFrom};
            let mut f = self.file.try_clone()?;
            f.seek(SeekFrom::Start(offset))?;
            f.read_exact(&mut bytes)?;
        }
        Ok(bytes)
    }
}

/// One record of the spool as a reader, by positioned reads (so readers on
/// other threads do not move each other's offset).
#[cfg(unix)]
struct RecordReader<'a> {
    file: &'a std::fs::File,
    pos: u64,
    end: u64,
}

#[cfg(unix)]
impl std::io::Read for RecordReader<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let left = usize::try_from(self.end.saturating_sub(self.pos)).unwrap_or(usize::MAX);
        let want = buf.len().min(left);
        if want == 0 {
            return Ok(0);
        }
        let n = std::os::unix::fs::FileExt::read_at(self.file, &mut buf[..want], self.pos)?;
        self.pos += n as u64;
        Ok(n)
    }
}

/// Write the model of a streamed build, report by report from the spool,
/// in the bytes [`crate::model::model_json`] gives for the same model
/// (pretty JSON, and a newline). Reports are read back and printed in
/// parallel, a few per thread at a time, and written in input order.
fn write_streamed(
    w: &mut dyn std::io::Write,
    streamed: &builder::batch::Streamed,
    spool: &FileSpool,
) -> std::io::Result<()> {
    use rayon::prelude::*;
    let json = |s: &str| serde_json::to_string(s).unwrap_or_default();
    write!(
        w,
        "{{\n  \"schema_version\": {},\n  \"generator\": {},\n  \"reports\": [",
        json(crate::model::SCHEMA_VERSION),
        json(&builder::generator())
    )?;
    let kept: Vec<usize> = (0..streamed.outcomes.len())
        .filter(|&i| streamed.outcomes[i].is_ok())
        .collect();
    let read = |i: usize| -> std::io::Result<crate::model::Report> {
        Ok(streamed.finish(i, spool.report(i)?))
    };
    // a report of more than a MB of JSON is printed straight to `w`, not
    // into memory first: it would be a second copy of a large report
    let print = |i: usize| -> Option<std::io::Result<Vec<u8>>> {
        (spool.len(i) <= 1 << 20).then(|| {
            let mut out = Vec::new();
            serde_json::to_writer_pretty(Indented(&mut out), &read(i)?)?;
            Ok(out)
        })
    };
    let window = 2 * rayon::current_num_threads().max(1);
    let mut any = false;
    for chunk in kept.chunks(window) {
        let printed: Vec<_> = chunk.par_iter().map(|&i| print(i)).collect();
        for (&i, p) in chunk.iter().zip(printed) {
            w.write_all(if any { b",\n    " } else { b"\n    " })?;
            any = true;
            match p {
                Some(bytes) => w.write_all(&bytes?)?,
                None => serde_json::to_writer_pretty(Indented(&mut *w), &read(i)?)?,
            }
        }
    }
    w.write_all(if any { b"\n  ]\n}\n" } else { b"]\n}\n" })
}

/// Read a job's file (run on a build worker).
fn load(job: &Job) -> Result<builder::Input, builder::BuildError> {
    let fail = |message: String| builder::BuildError::Input {
        file: job.name.clone(),
        message,
    };
    if let Some(p) = &job.problem {
        return Err(fail(p.clone()));
    }
    let bytes = std::fs::read(&job.path).map_err(|e| fail(format!("cannot read: {e}")))?;
    Ok(builder::Input {
        file_name: job.name.clone(),
        bytes,
        id: job.id.clone(),
    })
}

/// The jobs of a build, in order (see [`build`]).
fn jobs(args: &BuildArgs) -> Result<Vec<Job>> {
    let file_args = args.files.iter().filter(|f| !f.is_dir()).count();
    if args.ids.len() > file_args {
        bail!(
            "{} --id given for {} file argument(s) (folders get derived ids)",
            args.ids.len(),
            file_args
        );
    }
    let mut ids = args.ids.iter();
    let mut jobs = Vec::new();
    let mut seen = HashSet::new();
    let mut first = |path: &Path| {
        let key = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        seen.insert(key)
    };
    for arg in &args.files {
        if !arg.is_dir() {
            let id = ids.next().cloned();
            if first(arg) {
                let name = arg
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_else(|| arg.display().to_string());
                jobs.push(Job {
                    path: arg.clone(),
                    name,
                    id,
                    problem: None,
                });
            }
            continue;
        }
        let mut found = Vec::new();
        let mut problems = Vec::new();
        walk(arg, &mut found, &mut problems);
        if found.is_empty() && problems.is_empty() {
            problems.push((
                arg.clone(),
                "is a directory with no *.txt or *.md file in it".to_string(),
            ));
        }
        for (path, problem) in problems {
            jobs.push(Job {
                name: path.display().to_string(),
                path,
                id: None,
                problem: Some(problem),
            });
        }
        for path in found {
            if !first(&path) {
                continue;
            }
            let rel = path.strip_prefix(arg).unwrap_or(&path);
            let name = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            jobs.push(Job {
                path,
                name,
                id: None,
                problem: None,
            });
        }
    }
    Ok(jobs)
}

/// Report texts under `dir`, depth first, each folder's entries sorted by
/// name; hidden entries (`.git`, editor files) are skipped and symlinked
/// folders are not followed (no loops). Unreadable folders go to `problems`.
fn walk(dir: &Path, found: &mut Vec<PathBuf>, problems: &mut Vec<(PathBuf, String)>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(rd) => rd,
        Err(e) => {
            problems.push((dir.to_path_buf(), format!("cannot read the directory: {e}")));
            return;
        }
    };
    let mut entries: Vec<_> = entries.flatten().collect();
    entries.sort_by_key(|e| e.file_name());
    for e in entries {
        let name = e.file_name();
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        let path = e.path();
        let is_dir = e.file_type().is_ok_and(|t| t.is_dir());
        if is_dir {
            walk(&path, found, problems);
        } else if is_report_text(&path) && path.is_file() {
            found.push(path);
        }
    }
}

/// Whether two paths name one file (device and inode; any name, link or
/// relative path). False when either does not exist.
fn same_file(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt as _;
        match (std::fs::metadata(a), std::fs::metadata(b)) {
            (Ok(x), Ok(y)) => x.dev() == y.dev() && x.ino() == y.ino(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        matches!((std::fs::canonicalize(a), std::fs::canonicalize(b)), (Ok(x), Ok(y)) if x == y)
    }
}

fn is_report_text(p: &Path) -> bool {
    p.extension()
        .and_then(|x| x.to_str())
        .is_some_and(|x| x.eq_ignore_ascii_case("txt") || x.eq_ignore_ascii_case("md"))
}

/// Write `bytes` to `path` through a temp file in the same directory and a
/// rename, so an existing file is never left half-written.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    write_atomically_with(path, |w| w.write_all(bytes))
}

type FileWriter = std::io::BufWriter<std::fs::File>;

/// [`write_atomically`] for content produced by `fill` through a buffered
/// writer (the model is streamed, never held as one string).
pub fn write_atomically_with(
    path: &Path,
    fill: impl FnOnce(&mut FileWriter) -> std::io::Result<()>,
) -> Result<()> {
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
    let _registered = super::tempfiles::TempFile::register(&tmp);
    let result = (|| -> std::io::Result<()> {
        let f = std::fs::File::create(&tmp)?;
        let mut w = std::io::BufWriter::with_capacity(1 << 20, f);
        fill(&mut w)?;
        let f = w.into_inner().map_err(|e| e.into_error())?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(e).with_context(|| format!("{shown}: cannot write"));
    }
    Ok(())
}

/// A writer that indents pretty JSON two levels (a report inside the
/// model's `reports`): JSON strings hold no raw newline, so each newline is
/// structure and gets four spaces after it.
struct Indented<W: std::io::Write>(W);

impl<W: std::io::Write> std::io::Write for Indented<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let mut start = 0;
        for (i, &b) in buf.iter().enumerate() {
            if b == b'\n' {
                self.0.write_all(&buf[start..i])?;
                self.0.write_all(b"\n    ")?;
                start = i + 1;
            }
        }
        self.0.write_all(&buf[start..])?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.0.flush()
    }
}

/// Blocks of a MB and more (a report's char arrays and sentence lists) get
/// their own mapping, returned to the system when freed: glibc would
/// otherwise raise this threshold after the first such block is freed and
/// keep later ones in the arena of the thread that freed them, where a
/// report read back on another thread cannot reuse them.
fn return_large_blocks() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets an allocator parameter
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 1 << 20);
    }
}
