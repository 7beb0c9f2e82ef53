//! The explorer: a keyboard-driven outline, reader and tables over a model.
//!
//! Shape (state, actions, update, view): a key becomes an [`action::Action`]
//! through the pure [`keymap`]; only [`update::update`] changes the
//! [`app::App`] state, never touching the terminal; [`ui`] draws `&App` into a
//! buffer. Terminal setup and restore live in [`terminal`] only.

pub mod action;
pub mod app;
pub mod clipboard;
pub mod columns;
pub mod compare;
pub mod counter;
pub mod cursor;
pub mod doc;
pub mod glyphs;
pub mod groups;
pub mod input;
pub mod jumps;
pub mod keymap;
pub mod layout;
pub mod list;
pub mod marks;
pub mod outline;
pub mod picker;
pub mod probe;
pub mod prompt;
pub mod reader;
pub mod records;
pub mod screen;
pub mod search;
pub mod searcher;
pub mod sort;
pub mod strings;
pub mod tables;
pub mod targets;
pub mod terminal;
#[cfg(test)]
mod test_support;
#[doc(hidden)]
pub mod testmodel;
pub mod trend;
pub mod ui;
pub mod update;
pub mod wire;
pub mod worker;

#[cfg(test)]
mod compare_test;
#[cfg(test)]
mod copy_test;
#[cfg(test)]
mod corpus_test;
#[cfg(test)]
mod cursor_test;
#[cfg(test)]
mod jumps_test;
#[cfg(test)]
mod landing_test;
#[cfg(test)]
mod lazy_test;
#[cfg(test)]
mod less_test;
#[cfg(test)]
mod pending_jump_test;
#[cfg(test)]
mod screen_test;
#[cfg(test)]
mod search_results_test;
#[cfg(test)]
mod snapshots_test;
#[cfg(test)]
mod tables_test;
#[cfg(test)]
mod targets_test;
#[cfg(test)]
mod trend_test;
#[cfg(test)]
mod update_test;

use std::process::ExitCode;

use crate::cli::{AmbiguousArg, ExploreArgs};
use crate::text::AmbiguousWidth;

/// Open the explorer on a loaded model (main has checked that stdout is a
/// terminal: `baogao outline` is the listing for a pipe).
pub fn run(opened: crate::open::Opened, args: &ExploreArgs) -> anyhow::Result<ExitCode> {
    // For measuring the first frame (docs/PERFORMANCE.md): draw once and exit.
    let first_frame_only = std::env::var_os("BAOGAO_FIRST_FRAME_EXIT").is_some();
    let amb = match args.ambiguous {
        AmbiguousArg::Narrow => AmbiguousWidth::Narrow,
        AmbiguousArg::Wide => AmbiguousWidth::Wide,
        AmbiguousArg::Auto => probe::guess(),
    };
    // (not when drawing one frame to measure it: the reply would come after the exit)
    let probe = args.ambiguous == AmbiguousArg::Auto && !first_frame_only;
    let no_color_env = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let opts = app::Options {
        amb,
        color: !(args.no_color || no_color_env),
        mouse: !args.no_mouse,
    };
    let mut app = app::App::from_pack(opened, opts, (80, 24))?;
    if let Some(id) = &args.open {
        // before the terminal is touched: a bad id is a line on stderr
        app.open_id(id).map_err(anyhow::Error::msg)?;
    }
    let code = terminal::run_app(&mut app, first_frame_only, probe);
    // The process ends here (the terminal is restored already): freeing a
    // corpus of small strings one by one would only delay the exit.
    std::mem::forget(app);
    code
}
