//! The fuzz targets' seed corpora and every crash they ever found, on stable
//! (issue 16, "keep it so"): each file under `tests/fuzz-corpus/<target>/`
//! goes through the same check its fuzz target runs (`baogao::fuzzing`), so
//! CI keeps them fixed without nightly or cargo-fuzz. A crash found by
//! fuzzing is minimised (`cargo fuzz tmin`) and added to its target's folder
//! as `crash-<what>`; docs/RELIABILITY.md lists them.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

fn corpus(target: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fuzz-corpus")
        .join(target);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no corpus in {}", dir.display());
    files
}

/// stdout pointed at /dev/null while alive (the commands' bodies print;
/// the fuzz targets run with `-close_fd_mask=1` for the same reason).
struct Quiet {
    saved: i32,
}

impl Quiet {
    fn new() -> Quiet {
        use std::io::Write as _;
        use std::os::fd::AsRawFd as _;
        std::io::stdout().flush().unwrap();
        let null = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/null")
            .unwrap();
        // SAFETY: plain descriptor calls on descriptors this process owns
        let saved = unsafe { libc::dup(1) };
        assert!(saved >= 0);
        assert!(unsafe { libc::dup2(null.as_raw_fd(), 1) } >= 0);
        Quiet { saved }
    }
}

impl Drop for Quiet {
    fn drop(&mut self) {
        use std::io::Write as _;
        let _ = std::io::stdout().flush();
        // SAFETY: as in `new`
        unsafe {
            libc::dup2(self.saved, 1);
            libc::close(self.saved);
        }
    }
}

/// One test for all three targets: stdout is silenced while the commands
/// run, and the test harness must not report other tests into /dev/null.
#[test]
fn every_corpus_file_passes_its_fuzz_check() {
    type Check = fn(&[u8]);
    let targets: [(&str, Check); 3] = [
        ("builder", baogao::fuzzing::build_bytes),
        ("load", baogao::fuzzing::load_json),
        ("structured", baogao::fuzzing::structured),
    ];
    let mut total = 0;
    for (target, check) in targets {
        let files = corpus(target);
        let size: u64 = files
            .iter()
            .map(|f| std::fs::metadata(f).unwrap().len())
            .sum();
        assert!(
            size < 512 * 1024,
            "{target}: the corpus is {size} bytes: keep it small"
        );
        for f in files {
            let bytes = std::fs::read(&f).unwrap();
            // named on stderr first: shown by the harness when the check panics
            eprintln!("{target}: {}", f.display());
            let _quiet = Quiet::new();
            check(&bytes);
            total += 1;
        }
    }
    assert!(total > 20, "only {total} corpus files");
}
