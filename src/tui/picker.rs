//! The report picker (`p`): a prompt over every report of the model, in the
//! outline's browsing order (see `groups`), narrowed as the user types, and
//! each report's reading position, so going back to a report lands where
//! the reader left it. Typing needs no Chinese input method. Each
//! space-separated term must match:
//! - a year `2024` or a range `2020..2024` (also `2020-2024`): the plan year;
//! - `national`, `province`, `city`, `district`, `county`: the level;
//!   `work`, `plan`: the kind;
//! - anything else names the region as the CLI's `--region` does
//!   (`model::filter`: the region or its parent region holds the text, or
//!   ASCII text starts the id's pinyin, `zhejiang`, `zhej`), or by the
//!   pinyin of the region's name from its start, whole or by initials (`zj`
//!   for 浙江省, `quanguo`; `search::scope::spells`), or a word of the title.
//!
//! Plain state and pure matching; `update` drives it, no terminal.

use std::collections::HashMap;

use super::action::Focus;
use super::app::App;
use super::groups;
use crate::model::filter::{parse_level, parse_years, ReportFilter};
use crate::model::{Model, Report, ReportKind};
use crate::text::sanitize;

/// One report as the picker lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PickRow {
    /// Index into `Model::reports`.
    pub report: usize,
    /// Sanitized region (or `groups::NO_REGION`), year, short title, id.
    pub region: String,
    pub year: String,
    pub title: String,
    pub id: String,
}

/// The picker overlay.
#[derive(Debug, Clone, Default)]
pub struct PickerState {
    pub query: String,
    /// The prompt's cursor, in chars into `query`.
    pub cursor: usize,
    /// Every report, in browsing order.
    pub rows: Vec<PickRow>,
    /// Indices into `rows` of the reports the query matches, in order.
    pub matches: Vec<usize>,
    /// Index into `matches`.
    pub selected: usize,
    pub offset: usize,
}

impl PickerState {
    /// The picker over a model, every report listed, `current` (a report
    /// index) selected.
    pub fn new(model: &Model, current: Option<usize>) -> PickerState {
        let rows: Vec<PickRow> = groups::groups(model)
            .iter()
            .flat_map(|g| g.reports.iter().copied())
            .map(|ri| {
                let r = &model.reports[ri];
                PickRow {
                    report: ri,
                    region: sanitize(r.region.as_deref().unwrap_or(groups::NO_REGION)).into_owned(),
                    year: r.plan_year.map(|y| y.to_string()).unwrap_or_default(),
                    title: sanitize(
                        groups::report_label(r)
                            .split_once(' ')
                            .map_or(r.title.as_str(), |(_, t)| t),
                    )
                    .into_owned(),
                    id: sanitize(&r.id).into_owned(),
                }
            })
            .collect();
        let matches: Vec<usize> = (0..rows.len()).collect();
        let selected = current
            .and_then(|c| rows.iter().position(|r| r.report == c))
            .unwrap_or(0);
        PickerState {
            rows,
            matches,
            selected,
            ..PickerState::default()
        }
    }

    /// Narrow the rows to the query (all of them for an empty query); the
    /// first match is selected.
    pub fn refilter(&mut self, model: &Model) {
        let terms: Vec<&str> = self.query.split_whitespace().collect();
        let mut keep = vec![true; self.rows.len()];
        for t in terms {
            let by_initials = initials_match(&self.rows, t);
            for (i, row) in self.rows.iter().enumerate() {
                keep[i] =
                    keep[i] && (by_initials[i] || term_matches(&model.reports[row.report], t));
            }
        }
        self.matches = (0..self.rows.len()).filter(|&i| keep[i]).collect();
        self.selected = 0;
        self.offset = 0;
    }

    pub fn select(&mut self, delta: isize) {
        self.selected = super::list::moved(self.selected, delta, self.matches.len());
    }

    /// Keep the selection inside a list of `rows` rows.
    pub fn scroll_into_view(&mut self, rows: usize) {
        self.offset = super::list::offset_for(self.selected, self.offset, rows);
    }

    /// The selected report (index into `Model::reports`).
    pub fn chosen(&self) -> Option<usize> {
        let row = self.matches.get(self.selected)?;
        Some(self.rows[*row].report)
    }
}

/// For an ASCII-letter term: which rows' region names it spells by pinyin
/// from their start (initials `zj` or syllables `zhej` of 浙江省; the usual
/// reading of each character, as search's `@` terms). All false for other terms.
fn initials_match(rows: &[PickRow], term: &str) -> Vec<bool> {
    rows.iter()
        .map(|r| crate::search::scope::spells(&r.region, term))
        .collect()
}

/// One picker term against one report (see the module doc).
pub fn term_matches(r: &Report, t: &str) -> bool {
    if t.starts_with(|c: char| c.is_ascii_digit()) || t.starts_with("..") {
        return match parse_years(t) {
            Ok(years) => r.plan_year.is_some_and(|y| years.contains(&y)),
            Err(_) => r.title.contains(t) || r.id.contains(t),
        };
    }
    if let Ok(level) = parse_level(t) {
        return r.level == Some(level);
    }
    match t.to_ascii_lowercase().as_str() {
        "work" => return r.kind == Some(ReportKind::Work),
        "plan" => return r.kind == Some(ReportKind::Plan),
        _ => {}
    }
    let region = ReportFilter {
        region: Some(t.to_string()),
        ..ReportFilter::default()
    };
    region.matches(r) || r.title.contains(t)
}

/// Where the reader was in a report: its node, first line and highlighted sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportPlace {
    pub node: usize,
    pub top: usize,
    pub highlight: Option<String>,
}

/// Each report's last reading position (report index → place).
pub type Places = HashMap<usize, ReportPlace>;

impl App {
    /// Before the reader opens `node`: when that leaves the report it
    /// shows, remember where it was in it.
    pub(super) fn remember_place(&mut self, node: usize) {
        let nodes = &self.outline.nodes;
        let (Some(cur), Some(next)) = (self.reader.node, nodes.get(node)) else {
            return;
        };
        let Some(cur_node) = nodes.get(cur) else {
            return;
        };
        if cur_node.report == next.report || cur_node.kind == super::outline::NodeKind::Group {
            return;
        }
        self.places.insert(
            cur_node.report,
            ReportPlace {
                node: cur,
                top: self.reader.top,
                highlight: self.reader.highlight.clone(),
            },
        );
    }

    /// Go to a report (a jump: C-o comes back): where the reader last was
    /// in it, else its first page with its parts listed in the outline; the
    /// reader gets the focus.
    pub fn open_report(&mut self, ri: usize) {
        let Some(start) = self.outline.report_node(ri) else {
            return;
        };
        self.record_jump();
        match self.places.get(&ri).cloned() {
            Some(p) => {
                self.reveal(p.node);
                self.reader.top = p.top.min(self.reader.max_top());
                self.reader.highlight = p.highlight;
            }
            None => {
                // opened at its start, with its parts listed
                self.outline.expanded[start] = true;
                self.reveal(start);
            }
        }
        self.focus = Focus::Reader;
        self.right = Focus::Reader;
        self.relayout();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::testmodel::corpus_model;

    fn ids(m: &Model, query: &str) -> Vec<String> {
        let mut p = PickerState::new(m, None);
        p.query = query.into();
        p.refilter(m);
        p.matches.iter().map(|&i| p.rows[i].id.clone()).collect()
    }

    #[test]
    fn regions_by_pinyin_initials_or_chinese_years_and_levels() {
        let m = corpus_model();
        assert_eq!(ids(&m, "zhejiang"), ["zhejiang-2024", "zhejiang-2023"]);
        assert_eq!(ids(&m, "zhej"), ["zhejiang-2024", "zhejiang-2023"]);
        assert_eq!(ids(&m, "zj"), ["zhejiang-2024", "zhejiang-2023"]);
        assert_eq!(ids(&m, "ZJ 2023"), ["zhejiang-2023"]);
        // the parent region: 浙江 holds 杭州's reports too, after the province's
        assert_eq!(
            ids(&m, "浙江"),
            [
                "zhejiang-2024",
                "zhejiang-2023",
                "hangzhou-2024",
                "hangzhou-2024-plan"
            ]
        );
        assert_eq!(ids(&m, "2024 province"), ["jiangsu-2024", "zhejiang-2024"]);
        assert_eq!(ids(&m, "2023..2023"), ["china-2023", "zhejiang-2023"]);
        assert_eq!(ids(&m, "hz plan"), ["hangzhou-2024-plan"]);
        assert_eq!(ids(&m, "quanguo"), ["china-2024", "china-2023"]);
        assert_eq!(ids(&m, "china"), ["china-2024", "china-2023"]);
        assert_eq!(ids(&m, "qg"), ["china-2024", "china-2023"]);
        assert_eq!(ids(&m, "").len(), 7);
        assert!(ids(&m, "xyz").is_empty());
    }
}
