//! The explorer (to be built: issue 3). Until then, prints the outline.

use std::process::ExitCode;

use crate::cli::ExploreArgs;
use crate::model::Model;

/// Open the explorer on a loaded model.
pub fn run(model: Model, args: &ExploreArgs) -> anyhow::Result<ExitCode> {
    let _ = args;
    print_outline(&model);
    Ok(ExitCode::SUCCESS)
}

/// Print the outline of every report (placeholder for the explorer).
pub fn print_outline(model: &Model) {
    for r in &model.reports {
        println!("{}  {}", r.id, crate::text::sanitize(&r.title));
        for s in r.all_sections() {
            let indent = "  ".repeat(s.level as usize);
            println!(
                "{indent}{}{}",
                crate::text::sanitize(&s.marker),
                crate::text::sanitize(&s.heading)
            );
        }
    }
}
