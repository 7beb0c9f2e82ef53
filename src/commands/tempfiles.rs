//! The temp files commands are writing (a model, a table, a cache): each is
//! registered while it exists, and SIGINT, SIGTERM or SIGHUP removes them
//! before the process exits with 128 + the signal, so a stopped `build`
//! leaves nothing half-written behind. The explorer has its own signal
//! thread (tui::terminal); this one is only started by commands that write.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

fn pending() -> &'static Mutex<Vec<PathBuf>> {
    static PENDING: OnceLock<Mutex<Vec<PathBuf>>> = OnceLock::new();
    PENDING.get_or_init(|| Mutex::new(Vec::new()))
}

/// Start the signal watcher (once per process); without a thread for it,
/// signals keep their default action.
fn watch() {
    static STARTED: OnceLock<()> = OnceLock::new();
    STARTED.get_or_init(|| {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
        let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT]) else {
            return;
        };
        let _ = std::thread::Builder::new()
            .name("tempfiles".into())
            .spawn(move || {
                if let Some(sig) = signals.forever().next() {
                    if let Ok(files) = pending().lock() {
                        for f in files.iter() {
                            let _ = std::fs::remove_file(f);
                        }
                    }
                    std::process::exit(128 + sig);
                }
            });
    });
}

/// A registered temp file: removed on a stopping signal while this lives
/// (dropping it only unregisters: the writer renames or removes the file).
pub struct TempFile {
    path: PathBuf,
}

impl TempFile {
    pub fn register(path: &Path) -> TempFile {
        watch();
        if let Ok(mut files) = pending().lock() {
            files.push(path.to_path_buf());
        }
        TempFile {
            path: path.to_path_buf(),
        }
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        if let Ok(mut files) = pending().lock() {
            files.retain(|f| f != &self.path);
        }
    }
}
