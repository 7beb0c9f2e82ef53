//! How a corpus is arranged for browsing: one group per region, ordered by
//! level (全国, provinces, cities, districts, counties, then reports without
//! a level), by the region's pinyin within a level (as the id spells it, so
//! the order is the one a user typing pinyin expects), and each group's
//! reports newest first (a work report before a plan report of the same
//! year). The outline and the report picker both read this order. Also the
//! short names a report goes by in the outline and the status line. Pure:
//! reads the model, no state, no terminal.

use crate::model::{Level, Model, Report, ReportKind};

/// The reports of one region, newest first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// The region as the reports name it (`浙江省`), or `NO_REGION`.
    pub name: String,
    /// Indices into `Model::reports`.
    pub reports: Vec<usize>,
}

/// The group name of reports without a region.
pub const NO_REGION: &str = "(no region)";
/// After the year in a plan report's short name.
const PLAN: &str = "计划";

/// National first, then provinces, cities, districts, counties, none.
pub fn level_rank(l: Option<Level>) -> u8 {
    match l {
        Some(Level::National) => 0,
        Some(Level::Province) => 1,
        Some(Level::City) => 2,
        Some(Level::District) => 3,
        Some(Level::County) => 4,
        None => 5,
    }
}

/// The region's pinyin as the report id spells it (`zhejiang` of `zhejiang-2024`).
pub fn spelt(r: &Report) -> &str {
    r.id.split('-').next().unwrap_or("")
}

fn kind_rank(k: Option<ReportKind>) -> u8 {
    match k {
        Some(ReportKind::Work) => 0,
        Some(ReportKind::Plan) => 1,
        _ => 2,
    }
}

/// Order of reports within a group: newest plan year first (no year last),
/// then work before plan, then model order.
fn newest_first(model: &Model, a: usize, b: usize) -> std::cmp::Ordering {
    let (ra, rb) = (&model.reports[a], &model.reports[b]);
    let year = |r: &Report| std::cmp::Reverse(r.plan_year.map_or(0, i32::from));
    year(ra)
        .cmp(&year(rb))
        .then(kind_rank(ra.kind).cmp(&kind_rank(rb.kind)))
        .then(a.cmp(&b))
}

/// The groups of a model, in browsing order.
pub fn groups(model: &Model) -> Vec<Group> {
    let mut out: Vec<Group> = Vec::new();
    let mut at: std::collections::HashMap<&str, usize> = Default::default();
    for (ri, r) in model.reports.iter().enumerate() {
        let name = r.region.as_deref().unwrap_or(NO_REGION);
        let g = *at.entry(name).or_insert_with(|| {
            out.push(Group {
                name: name.to_string(),
                reports: Vec::new(),
            });
            out.len() - 1
        });
        out[g].reports.push(ri);
    }
    for g in &mut out {
        g.reports.sort_by(|&a, &b| newest_first(model, a, b));
    }
    let key = |g: &Group| {
        let r = &model.reports[g.reports[0]];
        let level = g
            .reports
            .iter()
            .map(|&i| level_rank(model.reports[i].level))
            .min()
            .unwrap_or(5);
        (level, spelt(r).to_ascii_lowercase(), g.name.clone())
    };
    out.sort_by_cached_key(key);
    out
}

/// Group only when it folds something: some region has two reports or more.
/// (A model of one report per region keeps the reports as the top level.)
pub fn worth_grouping(groups: &[Group]) -> bool {
    groups.iter().any(|g| g.reports.len() > 1)
}

/// A report's row inside its group: the plan year and the title, less a
/// year and region it starts with, which the row and the group already say
/// (`2024 政府工作报告` for 2024年杭州市政府工作报告).
pub fn report_label(r: &Report) -> String {
    let Some(y) = r.plan_year else {
        return r.title.clone();
    };
    let mut t = r.title.as_str();
    t = t.strip_prefix(&format!("{y}年")).unwrap_or(t);
    if let Some(region) = &r.region {
        t = t.strip_prefix(region.as_str()).unwrap_or(t);
    }
    if t.is_empty() {
        t = &r.title;
    }
    format!("{y} {t}")
}

/// A report's short name in a corpus: region and plan year, and 计划 for a
/// plan report (`浙江省 2024`, `上海市 2024 计划`); the id when it has no region.
pub fn report_crumb(r: &Report) -> String {
    let Some(region) = &r.region else {
        return r.id.clone();
    };
    let mut s = region.clone();
    if let Some(y) = r.plan_year {
        s.push_str(&format!(" {y}"));
    }
    if r.kind == Some(ReportKind::Plan) {
        s.push(' ');
        s.push_str(PLAN);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::testmodel::corpus_model;

    #[test]
    fn national_first_then_provinces_then_cities_each_newest_first() {
        let m = corpus_model();
        let g = groups(&m);
        let names: Vec<(&str, Vec<&str>)> = g
            .iter()
            .map(|g| {
                let ids = g.reports.iter().map(|&i| m.reports[i].id.as_str());
                (g.name.as_str(), ids.collect())
            })
            .collect();
        assert_eq!(
            names,
            [
                ("全国", vec!["china-2024", "china-2023"]),
                ("江苏省", vec!["jiangsu-2024"]),
                ("浙江省", vec!["zhejiang-2024", "zhejiang-2023"]),
                ("杭州市", vec!["hangzhou-2024", "hangzhou-2024-plan"]),
            ]
        );
        assert!(worth_grouping(&g));
        assert_eq!(report_label(&m.reports[0]), "2023 政府工作报告");
        assert_eq!(report_crumb(&m.reports[0]), "浙江省 2023");
        let plan = m.reports.iter().find(|r| r.id == "hangzhou-2024-plan");
        assert_eq!(report_crumb(plan.unwrap()), "杭州市 2024 计划");
    }

    #[test]
    fn one_report_per_region_is_not_grouped() {
        let m = crate::tui::testmodel::small_model();
        assert!(!worth_grouping(&groups(&m)));
    }
}
