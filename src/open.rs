//! Opening a model for the explorer and the commands, fast: the bundled
//! corpus is a pack in the binary; a user's JSON model (`--model FILE`) gets
//! a pack cache beside it, `.FILE.SIZE-MTIME.baogao-pack`, made the first time
//! it is opened and used (memory-mapped: only the pages read are loaded)
//! while FILE keeps its size and modification time. The JSON stays the
//! contract; the cache can always be deleted. A cache that cannot be written
//! (a read-only folder) is skipped; one that is damaged is rebuilt.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use crate::model::pack::{is_pack, pack, Packed};
use crate::model::{self, ModelError};

/// The bytes of an opened model: the binary's, a mapped cache file, or a
/// pack made in memory.
pub enum Bytes {
    Static(&'static [u8]),
    Mapped(memmap2::Mmap),
    Owned(Vec<u8>),
}

impl AsRef<[u8]> for Bytes {
    fn as_ref(&self) -> &[u8] {
        match self {
            Bytes::Static(b) => b,
            Bytes::Mapped(m) => m,
            Bytes::Owned(v) => v,
        }
    }
}

/// An opened model.
pub type Opened = Packed<Bytes>;

/// The cache file of the JSON model at `path` in its current state (size
/// and modification time), and the prefix every cache of it starts with.
fn cache_path(path: &Path) -> Option<(PathBuf, String)> {
    let meta = std::fs::metadata(path).ok()?;
    let mtime = meta
        .modified()
        .ok()?
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?;
    let name = path.file_name()?.to_string_lossy().into_owned();
    let prefix = format!(".{name}.");
    let file = format!(
        "{prefix}{}-{}.{:09}.baogao-pack",
        meta.len(),
        mtime.as_secs(),
        mtime.subsec_nanos()
    );
    Some((path.with_file_name(file), prefix))
}

fn map(path: &Path) -> Option<memmap2::Mmap> {
    let f = std::fs::File::open(path).ok()?;
    // SAFETY: the cache is only ever replaced by a rename, never written in
    // place, so the mapped file does not change under us.
    unsafe { memmap2::Mmap::map(&f) }.ok()
}

/// Default of `--max-model-size`, in MiB (the whole 1,659-report corpus is
/// a 386 MiB model).
pub const DEFAULT_MAX_MODEL_MIB: u64 = 1024;

static MAX_MODEL_BYTES: AtomicU64 = AtomicU64::new(DEFAULT_MAX_MODEL_MIB << 20);

/// Set the size limit of a model file (`--max-model-size`), in MiB.
pub fn set_max_model_size(mib: u64) {
    MAX_MODEL_BYTES.store(mib.saturating_mul(1 << 20), Ordering::Relaxed);
}

/// A model is a regular file within the size limit: anything else (a
/// folder, a FIFO that would block, /dev/zero that never ends, a file past
/// the limit) is refused before it is opened.
fn check_file(path: &Path, shown: &str) -> Result<(), ModelError> {
    let refuse = |why: String| ModelError::Read {
        path: shown.to_string(),
        source: std::io::Error::other(why),
    };
    let meta = std::fs::metadata(path).map_err(|e| ModelError::Read {
        path: shown.to_string(),
        source: e,
    })?;
    if meta.is_dir() {
        return Err(refuse("is a directory".into()));
    }
    if !meta.is_file() {
        return Err(refuse("not a regular file (a model is a file)".into()));
    }
    let limit = MAX_MODEL_BYTES.load(Ordering::Relaxed);
    if meta.len() > limit {
        return Err(refuse(format!(
            "{} MiB is more than the model size limit of {} MiB (--max-model-size raises it)",
            meta.len().div_ceil(1 << 20),
            limit >> 20
        )));
    }
    Ok(())
}

/// Open `--model FILE` or the bundled model.
pub fn open(path: Option<&Path>) -> Result<Opened, ModelError> {
    let Some(path) = path else {
        return Packed::open(Bytes::Static(crate::BUNDLED_MODEL), "<bundled model>");
    };
    let shown = path.display().to_string();
    check_file(path, &shown)?;
    if starts_as_pack(path) {
        let m = map(path).ok_or_else(|| ModelError::Read {
            path: shown.clone(),
            source: std::io::Error::other("cannot map the file"),
        })?;
        return Packed::open(Bytes::Mapped(m), &shown);
    }
    let cache = cache_path(path);
    if let Some(m) = cache.as_ref().and_then(|(c, _)| map(c)) {
        if let Ok(p) = Packed::open(Bytes::Mapped(m), &shown) {
            return Ok(p);
        }
    }
    let m = model::load_path(path)?;
    // only a valid model gets a cache (which is then trusted as it)
    model::load::valid(model::validate::validate(&m), &shown)?;
    let bytes = pack(&m).map_err(|e| ModelError::Parse {
        path: shown.clone(),
        message: e.to_string(),
    })?;
    if let Some((file, prefix)) = &cache {
        write_cache(file, prefix, &bytes);
    }
    Packed::open(Bytes::Owned(bytes), &shown)
}

/// Open and parse every report (what the commands need). A pack given as
/// the model (a cache, say) opens as one.
pub fn load(path: Option<&Path>) -> Result<model::Model, ModelError> {
    open(path)?.model()
}

/// A model as it is, valid or not (for `baogao check`, which lists every
/// problem): no cache is made or used for a JSON model.
pub fn load_unchecked(path: Option<&Path>) -> Result<model::Model, ModelError> {
    let Some(p) = path else {
        return open(None)?.model_unchecked();
    };
    let shown = p.display().to_string();
    check_file(p, &shown)?;
    if starts_as_pack(p) {
        let m = map(p).ok_or_else(|| ModelError::Read {
            path: shown.clone(),
            source: std::io::Error::other("cannot map the file"),
        })?;
        return Packed::open(Bytes::Mapped(m), &shown)?.model_unchecked();
    }
    model::load_path(p)
}

fn starts_as_pack(p: &Path) -> bool {
    use std::io::Read as _;
    let mut head = [0u8; 8];
    std::fs::File::open(p)
        .and_then(|mut f| f.read_exact(&mut head))
        .is_ok_and(|()| is_pack(&head))
}

/// Write the cache through a temp file and a rename; drop older caches of
/// the same model. Failures only cost the next open its speed.
fn write_cache(file: &Path, prefix: &str, bytes: &[u8]) {
    let Some(dir) = file.parent() else { return };
    let tmp = file.with_extension(format!("tmp{}", std::process::id()));
    if std::fs::write(&tmp, bytes)
        .and_then(|()| std::fs::rename(&tmp, file))
        .is_err()
    {
        let _ = std::fs::remove_file(&tmp);
        return;
    }
    let keep = file.file_name().map(|n| n.to_os_string());
    if let Ok(rd) = std::fs::read_dir(if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    }) {
        for e in rd.flatten() {
            let n = e.file_name();
            let s = n.to_string_lossy();
            if s.starts_with(prefix) && s.ends_with(".baogao-pack") && Some(&n) != keep.as_ref() {
                let _ = std::fs::remove_file(e.path());
            }
        }
    }
}

/// The cache file `open` uses for `path` now (for tests and `check`).
pub fn cache_file(path: &Path) -> Option<PathBuf> {
    cache_path(path).map(|(c, _)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_json_model_gets_a_cache_that_follows_the_file() {
        let d = tempfile::tempdir().unwrap();
        let json = d.path().join("m.json");
        std::fs::copy(crate::plan_model_path(), &json).unwrap();
        let want = crate::load_plan_model().unwrap();
        // first open: parsed, packed, cached
        let m = load(Some(&json)).unwrap();
        assert_eq!(m, want);
        let cache = cache_file(&json).unwrap();
        assert!(cache.is_file());
        // second open: from the cache (a damaged cache is rebuilt)
        assert!(matches!(
            open(Some(&json))
                .unwrap_or_else(|e| panic!("{e}"))
                .stubs()
                .len(),
            2
        ));
        std::fs::write(&cache, b"BAOGAOPKjunk").unwrap();
        assert_eq!(load(Some(&json)).unwrap(), want);
        // the JSON changes: a new cache, the old one gone
        let mut other = want.clone();
        other.reports.truncate(1);
        std::thread::sleep(std::time::Duration::from_millis(20));
        std::fs::write(&json, crate::model::model_json(&other).unwrap()).unwrap();
        assert_eq!(load(Some(&json)).unwrap(), other);
        let caches: Vec<_> = std::fs::read_dir(d.path())
            .unwrap()
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().ends_with(".baogao-pack"))
            .collect();
        assert_eq!(caches.len(), 1);
        assert_ne!(caches[0].path(), cache);
        // a pack given as the model opens as one
        assert_eq!(load(Some(&caches[0].path())).unwrap(), other);
    }

    #[test]
    fn a_missing_model_is_a_read_error() {
        let e = load(Some(Path::new("/nonexistent/m.json")));
        assert!(matches!(e, Err(ModelError::Read { .. })));
    }
}
