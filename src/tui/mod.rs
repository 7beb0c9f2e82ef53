//! The explorer (to be built: issue 3). Until then, prints the outline.

use crate::model::Model;

/// Print the outline of every report (placeholder for the explorer).
pub fn print_outline(model: &Model) {
    for r in &model.reports {
        println!("{}  {}", r.id, crate::text::sanitize(&r.title));
        for s in r.all_sections() {
            let indent = "  ".repeat(s.level as usize);
            println!("{indent}{}{}", crate::text::sanitize(&s.marker), crate::text::sanitize(&s.heading));
        }
    }
}
