//! Where each indexed item jumps to, kept small: a [`Place`] of a few
//! numbers per item, the ids it names interned per report in one arena
//! ([`Ids`]); a `model::Location` is rebuilt for the hits shown only.
//!
//! Ids repeat their parent's id (`r:s1` → `r:s1:p1.2`): an id that begins
//! with the id of its section (or, for a section or table, of its report)
//! is stored as that id and the rest.

use std::collections::HashMap;

use super::items::Spot;
use crate::model::Location;

/// An item's jump target: ids are numbers in [`Ids`]; the report is the
/// item's own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    Section { section: u32 },
    Sentence { section: u32, sentence: u32 },
    Table { table: u32 },
    Cell { table: u32, row: u32, column: u32 },
}

/// One interned id: `base`'s text (none: `NO_BASE`), then bytes `rest` of
/// the arena.
#[derive(Debug, Clone, Copy)]
struct Id {
    base: u32,
    rest: (u32, u32),
}

const NO_BASE: u32 = u32::MAX;

/// The ids of every report's items.
#[derive(Debug, Default)]
pub struct Ids {
    text: String,
    ids: Vec<Id>,
    /// Ids of the report being added (cleared for each report).
    interned: HashMap<String, u32>,
    /// The id of the report being added.
    report: u32,
    /// The last base looked up and its text (most ids share their base
    /// with the one before).
    last_base: Option<(u32, String)>,
}

fn u32_of(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl Ids {
    /// Start interning the ids of a new report.
    pub fn start_report(&mut self, report_id: &str) {
        self.interned.clear();
        self.last_base = None;
        self.report = self.push(NO_BASE, report_id);
    }

    fn push(&mut self, base: u32, rest: &str) -> u32 {
        let start = u32_of(self.text.len());
        self.text.push_str(rest);
        self.ids.push(Id {
            base,
            rest: (start, u32_of(self.text.len())),
        });
        u32_of(self.ids.len() - 1)
    }

    /// The number of `id` (of the current report), stored after `base`'s
    /// text when it begins with it.
    fn intern(&mut self, id: &str, base: u32) -> u32 {
        if let Some(&n) = self.interned.get(id) {
            return n;
        }
        if base != NO_BASE && self.last_base.as_ref().is_none_or(|b| b.0 != base) {
            self.last_base = Some((base, self.resolve(base)));
        }
        let rest = match &self.last_base {
            Some((b, text)) if *b == base => id.strip_prefix(text.as_str()),
            _ => None,
        };
        let n = match rest {
            Some(rest) => self.push(base, rest),
            None => self.push(NO_BASE, id),
        };
        self.interned.insert(id.to_string(), n);
        n
    }

    /// The text of id `n`.
    fn resolve(&self, n: u32) -> String {
        let mut parts = Vec::new();
        let mut at = n;
        while let Some(id) = self.ids.get(at as usize) {
            parts.push(id.rest);
            at = id.base;
        }
        let mut s = String::new();
        for &(a, b) in parts.iter().rev() {
            s.push_str(self.text.get(a as usize..b as usize).unwrap_or(""));
        }
        s
    }

    /// The [`Place`] of a spot of the current report.
    pub fn place(&mut self, spot: &Spot<'_>) -> Place {
        let report = self.report;
        match *spot {
            Spot::Section { section } => Place::Section {
                section: self.intern(section, report),
            },
            Spot::Sentence { section, sentence } => {
                let section = self.intern(section, report);
                Place::Sentence {
                    section,
                    sentence: self.intern(sentence, section),
                }
            }
            Spot::Table { table } => Place::Table {
                table: self.intern(table, report),
            },
            Spot::Cell { table, row, column } => Place::Cell {
                table: self.intern(table, report),
                row: u32_of(row),
                column: u32_of(column),
            },
        }
    }

    /// The `Location` of a place in report `report_id`.
    pub fn location(&self, place: &Place, report_id: &str) -> Location {
        let report = report_id.to_string();
        match *place {
            Place::Section { section } => Location::Section {
                report,
                section: self.resolve(section),
            },
            Place::Sentence { section, sentence } => Location::Sentence {
                report,
                section: self.resolve(section),
                sentence: self.resolve(sentence),
            },
            Place::Table { table } => Location::Table {
                report,
                table: self.resolve(table),
            },
            Place::Cell { table, row, column } => Location::Cell {
                report,
                table: self.resolve(table),
                row: row as usize,
                column: column as usize,
            },
        }
    }

    /// Drop what only adding needed; fit the arenas.
    pub fn finish(&mut self) {
        self.interned = HashMap::new();
        self.last_base = None;
        self.text.shrink_to_fit();
        self.ids.shrink_to_fit();
    }

    /// Heap bytes held.
    pub fn heap_bytes(&self) -> usize {
        self.text.capacity() + self.ids.capacity() * std::mem::size_of::<Id>()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_come_back_whole_and_share_their_parents() {
        let mut ids = Ids::default();
        ids.start_report("r");
        let spots = [
            Spot::Sentence {
                section: "",
                sentence: "r:p0.s1",
            },
            Spot::Section { section: "r:s1" },
            Spot::Sentence {
                section: "r:s1",
                sentence: "r:s1:p1.2",
            },
            Spot::Sentence {
                section: "r:s1",
                sentence: "other",
            },
            Spot::Cell {
                table: "r:t1",
                row: 3,
                column: 2,
            },
            Spot::Table { table: "r:t1" },
        ];
        let places: Vec<Place> = spots.iter().map(|s| ids.place(s)).collect();
        assert_eq!(places[1], ids.place(&Spot::Section { section: "r:s1" }));
        ids.start_report("q");
        let q = ids.place(&Spot::Section { section: "r:s1" });
        assert_ne!(q, places[1], "ids are interned per report");
        let locs: Vec<Location> = places.iter().map(|p| ids.location(p, "r")).collect();
        assert_eq!(
            locs[0],
            Location::Sentence {
                report: "r".into(),
                section: "".into(),
                sentence: "r:p0.s1".into()
            }
        );
        assert_eq!(
            locs[2],
            Location::Sentence {
                report: "r".into(),
                section: "r:s1".into(),
                sentence: "r:s1:p1.2".into()
            }
        );
        assert_eq!(
            locs[3],
            Location::Sentence {
                report: "r".into(),
                section: "r:s1".into(),
                sentence: "other".into()
            }
        );
        assert_eq!(
            locs[4],
            Location::Cell {
                report: "r".into(),
                table: "r:t1".into(),
                row: 3,
                column: 2
            }
        );
        assert_eq!(
            ids.location(&q, "q"),
            Location::Section {
                report: "q".into(),
                section: "r:s1".into()
            }
        );
        // the sentence under r:s1 stores only what follows its section's id
        assert!(ids.text.len() < "rr:p0.s1r:s1:p1.2otherr:t1qr:s1".len());
    }
}
