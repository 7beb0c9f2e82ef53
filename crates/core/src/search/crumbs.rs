//! Breadcrumbs of indexed items (report › part › section), kept as a tree:
//! each section's crumb is its parent's and its own marker and heading,
//! stored once; a hit's breadcrumb strings are made when it is shown.

use crate::text::{truncate, AmbiguousWidth};

/// Display columns a heading may take in a short breadcrumb.
const CRUMB_HEADING_WIDTH: usize = 24;

/// Separator of breadcrumb parts (U+203A is not East Asian Ambiguous).
pub const CRUMB_SEP: &str = " \u{203A} ";

/// One crumb: its parent (`NO_PARENT` for a report's root) and its part,
/// bytes of `Crumbs::text`.
#[derive(Debug, Clone, Copy)]
struct Crumb {
    parent: u32,
    part: (u32, u32),
}

const NO_PARENT: u32 = u32::MAX;

/// The breadcrumbs of every report added so far (items point into them by
/// number).
#[derive(Debug, Default)]
pub struct Crumbs {
    crumbs: Vec<Crumb>,
    text: String,
}

fn u32_of(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl Crumbs {
    fn push(&mut self, parent: u32, part: &[&str]) -> usize {
        let start = u32_of(self.text.len());
        part.iter().for_each(|p| self.text.push_str(p));
        self.crumbs.push(Crumb {
            parent,
            part: (start, u32_of(self.text.len())),
        });
        self.crumbs.len() - 1
    }

    /// A report's root crumb: its id.
    pub fn root(&mut self, report_id: &str) -> usize {
        self.push(NO_PARENT, &[report_id])
    }

    /// The crumb of a section under `parent`: its marker and heading.
    pub fn section(&mut self, parent: usize, marker: &str, heading: &str) -> usize {
        self.push(u32_of(parent), &[marker, heading])
    }

    /// The parts of crumb `n`, root first.
    fn parts(&self, n: usize) -> Vec<&str> {
        let mut parts = Vec::new();
        let mut at = u32_of(n);
        while let Some(c) = self.crumbs.get(at as usize) {
            parts.push(
                self.text
                    .get(c.part.0 as usize..c.part.1 as usize)
                    .unwrap_or(""),
            );
            at = c.parent;
        }
        parts.reverse();
        parts
    }

    /// Crumb `n` with each heading cut to a few columns (for a list).
    pub fn short(&self, n: usize) -> String {
        let parts = self.parts(n);
        let mut s = String::new();
        for (k, p) in parts.iter().enumerate() {
            if k == 0 {
                s.push_str(p);
            } else {
                s.push_str(CRUMB_SEP);
                s.push_str(&truncate(p, CRUMB_HEADING_WIDTH, AmbiguousWidth::Narrow));
            }
        }
        s
    }

    /// Crumb `n` with every heading whole (for scripts).
    pub fn full(&self, n: usize) -> String {
        self.parts(n).join(CRUMB_SEP)
    }

    /// Fit the arenas.
    pub fn finish(&mut self) {
        self.crumbs.shrink_to_fit();
        self.text.shrink_to_fit();
    }

    /// Heap bytes held.
    pub fn heap_bytes(&self) -> usize {
        self.crumbs.capacity() * std::mem::size_of::<Crumb>() + self.text.capacity()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_crumbs_cut_headings_and_full_ones_keep_them() {
        let mut c = Crumbs::default();
        let root = c.root("pudong-2024");
        let part = c.section(root, "\u{4E00}\u{3001}", "2023\u{5E74}\u{8BA1}\u{5212}");
        let long = "\u{751F}".repeat(40);
        let sec = c.section(part, "(\u{4E00})", &long);
        assert_eq!(c.short(root), "pudong-2024");
        assert_eq!(
            c.full(part),
            "pudong-2024 \u{203A} \u{4E00}\u{3001}2023\u{5E74}\u{8BA1}\u{5212}"
        );
        assert_eq!(
            c.full(sec),
            format!("{} \u{203A} (\u{4E00}){long}", c.full(part))
        );
        let short = c.short(sec);
        assert!(short.starts_with(&c.short(part)) && short.len() < c.full(sec).len());
        assert_eq!(c.short(99), "");
    }
}
