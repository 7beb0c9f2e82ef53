//! The outline tree: reports → preamble, parts, sections, items, with tables
//! listed under the section they sit in. A flat node list with parent/child
//! links, an expanded flag per node and the visible rows derived from them.
//! A corpus (a model where some region has two reports or more) gets a level
//! above the reports: one group per region (全国, then provinces, cities,
//! districts, counties; by pinyin within a level), its reports newest first
//! (see `groups`). Plain state: no terminal.

use crate::model::{Model, Report, Section};
use crate::text::sanitize;

/// What an outline node stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NodeKind {
    /// The reports of one region (a corpus only).
    Group,
    Report,
    /// The paragraphs before the first heading.
    Preamble,
    Section,
    Table,
}

/// One node of the outline.
#[derive(Debug, Clone)]
pub struct Node {
    pub kind: NodeKind,
    /// Index of the report in `Model::reports` (a group: its newest report).
    pub report: usize,
    /// For a section: child indices from `Report::sections` down to it.
    pub path: Vec<usize>,
    /// For a table: its index in `Report::tables`.
    pub table: usize,
    /// Section, table or report id (empty for the preamble).
    pub id: String,
    pub depth: u16,
    pub parent: Option<usize>,
    pub children: Vec<usize>,
    /// Sanitized label: marker and heading, or "表1 caption".
    pub label: String,
    /// What a breadcrumb (status line, reader path) says for this node: the
    /// label, but for a report its id, or in a corpus its region and year
    /// (`浙江省 2024`, `上海市 2024 计划`).
    pub crumb: String,
}

/// The section a path leads to.
pub fn section_at<'m>(report: &'m Report, path: &[usize]) -> Option<&'m Section> {
    let (first, rest) = path.split_first()?;
    let mut s = report.sections.get(*first)?;
    for i in rest {
        s = s.children.get(*i)?;
    }
    Some(s)
}

/// Outline state: nodes, which are expanded, the visible rows, the selection.
#[derive(Debug, Clone, Default)]
pub struct OutlineState {
    pub nodes: Vec<Node>,
    pub expanded: Vec<bool>,
    /// Node indices in display order.
    pub visible: Vec<usize>,
    /// Index into `visible`.
    pub selected: usize,
    /// First visible row drawn.
    pub offset: usize,
    /// Per report: whether its subtree (preamble, sections, tables) is in
    /// `nodes`. A lazily opened corpus has only its report nodes at first;
    /// a report's subtree is appended (after every node there is) when the
    /// report is parsed, so node indices never move. Node order is
    /// therefore not reading order: walk `children` (see `readable`).
    pub loaded: Vec<bool>,
}

fn table_label(t: &crate::model::Table) -> String {
    sanitize(&t.title()).into_owned()
}

impl OutlineState {
    /// Build the outline of a model. Without groups every report starts
    /// expanded to its parts; in a corpus the first group and its newest
    /// report start expanded, with that report selected.
    pub fn new(model: &Model) -> OutlineState {
        OutlineState::build(model, &|_| true)
    }

    /// Whether `model`'s outline groups reports (see `groups`): a lazily
    /// opened model that does not must have every report loaded, since
    /// every report starts expanded.
    pub fn groups(model: &Model) -> bool {
        super::groups::worth_grouping(&super::groups::groups(model))
    }

    /// The outline with only the reports `loaded` says have their
    /// sections: the others show as collapsed report nodes until
    /// [`OutlineState::load_report`] adds their subtrees.
    pub fn build(model: &Model, loaded: &dyn Fn(usize) -> bool) -> OutlineState {
        let mut st = OutlineState {
            loaded: (0..model.reports.len()).map(loaded).collect(),
            ..OutlineState::default()
        };
        let groups = super::groups::groups(model);
        if !super::groups::worth_grouping(&groups) {
            for (ri, r) in model.reports.iter().enumerate() {
                let label = sanitize(&format!("{} {}", r.id, r.title)).into_owned();
                let rn = st.push_report(r, ri, None, label, r.id.clone());
                st.expanded[rn] = true;
            }
            st.refresh();
            return st;
        }
        for (gi, g) in groups.iter().enumerate() {
            let Some(&first) = g.reports.first() else {
                continue;
            };
            let label = sanitize(&format!("{} ({})", g.name, g.reports.len())).into_owned();
            let gn = st.push(Node {
                kind: NodeKind::Group,
                report: first,
                path: vec![],
                table: 0,
                id: g.name.clone(),
                depth: 0,
                parent: None,
                children: vec![],
                crumb: label.clone(),
                label,
            });
            for (k, &ri) in g.reports.iter().enumerate() {
                let r = &model.reports[ri];
                let label = sanitize(&super::groups::report_label(r)).into_owned();
                let crumb = sanitize(&super::groups::report_crumb(r)).into_owned();
                let rn = st.push_report(r, ri, Some(gn), label, crumb);
                if gi == 0 && k == 0 {
                    st.expanded[gn] = true;
                    st.expanded[rn] = true;
                }
            }
        }
        st.refresh();
        if st.visible.len() > 1 {
            st.selected = 1;
        }
        st
    }

    /// A report's node and its subtree, under `parent` (a group) or as a root.
    fn push_report(
        &mut self,
        r: &Report,
        ri: usize,
        parent: Option<usize>,
        label: String,
        crumb: String,
    ) -> usize {
        let depth = u16::from(parent.is_some());
        let rn = self.push(Node {
            kind: NodeKind::Report,
            report: ri,
            path: vec![],
            table: 0,
            id: r.id.clone(),
            depth,
            parent,
            children: vec![],
            label,
            crumb,
        });
        if self.loaded.get(ri).copied().unwrap_or(true) {
            self.push_subtree(r, ri, rn, depth + 1);
        }
        rn
    }

    /// Add report `ri`'s preamble, sections and tables under its node if
    /// they are not there yet (`r` must be the whole report, or its stub
    /// with sections). True when nodes were added.
    pub fn load_report(&mut self, ri: usize, r: &Report) -> bool {
        if self.loaded.get(ri).copied().unwrap_or(true) {
            return false;
        }
        let Some(rn) = self.report_node(ri) else {
            return false;
        };
        self.loaded[ri] = true;
        let depth = self.nodes[rn].depth + 1;
        self.push_subtree(r, ri, rn, depth);
        self.refresh();
        true
    }

    /// Whether node `n` is a report whose subtree is not loaded yet (it
    /// shows as collapsed, with children to come).
    pub fn unloaded(&self, n: usize) -> bool {
        self.nodes.get(n).is_some_and(|node| {
            node.kind == NodeKind::Report && !self.loaded.get(node.report).copied().unwrap_or(true)
        })
    }

    fn push_subtree(&mut self, r: &Report, ri: usize, rn: usize, depth: u16) {
        let pre_tables: Vec<usize> = (0..r.tables.len())
            .filter(|&t| r.tables[t].section.is_empty())
            .collect();
        if !r.preamble.is_empty() {
            self.push(Node {
                kind: NodeKind::Preamble,
                report: ri,
                path: vec![],
                table: 0,
                id: String::new(),
                depth,
                parent: Some(rn),
                children: vec![],
                label: "(preamble)".into(),
                crumb: "(preamble)".into(),
            });
        }
        self.push_tables(r, ri, rn, depth, &pre_tables);
        for (i, s) in r.sections.iter().enumerate() {
            self.push_section(r, ri, rn, vec![i], s, depth);
        }
    }

    /// The report node of report `ri`.
    pub fn report_node(&self, ri: usize) -> Option<usize> {
        self.nodes
            .iter()
            .position(|n| n.report == ri && n.kind == NodeKind::Report)
    }

    /// Whether the outline groups reports by region.
    pub fn grouped(&self) -> bool {
        self.nodes
            .first()
            .is_some_and(|n| n.kind == NodeKind::Group)
    }

    fn push(&mut self, node: Node) -> usize {
        let i = self.nodes.len();
        if let Some(p) = node.parent {
            self.nodes[p].children.push(i);
        }
        self.nodes.push(node);
        self.expanded.push(false);
        i
    }

    fn push_tables(&mut self, r: &Report, ri: usize, parent: usize, depth: u16, ts: &[usize]) {
        for &t in ts {
            self.push(Node {
                kind: NodeKind::Table,
                report: ri,
                path: vec![],
                table: t,
                id: r.tables[t].id.clone(),
                depth,
                parent: Some(parent),
                children: vec![],
                crumb: table_label(&r.tables[t]),
                label: table_label(&r.tables[t]),
            });
        }
    }

    fn push_section(
        &mut self,
        r: &Report,
        ri: usize,
        parent: usize,
        path: Vec<usize>,
        s: &Section,
        depth: u16,
    ) {
        let label = sanitize(&format!("{}{}", s.marker, s.heading)).into_owned();
        let me = self.push(Node {
            kind: NodeKind::Section,
            report: ri,
            path: path.clone(),
            table: 0,
            id: s.id.clone(),
            depth,
            parent: Some(parent),
            children: vec![],
            label: label.clone(),
            crumb: label,
        });
        let ts: Vec<usize> = (0..r.tables.len())
            .filter(|&t| r.tables[t].section == s.id)
            .collect();
        self.push_tables(r, ri, me, depth + 1, &ts);
        for (i, c) in s.children.iter().enumerate() {
            let mut p = path.clone();
            p.push(i);
            self.push_section(r, ri, me, p, c, depth + 1);
        }
    }

    /// Recompute the visible rows after expanding or collapsing, keeping the
    /// selected node selected when it is still visible.
    pub fn refresh(&mut self) {
        let keep = self.visible.get(self.selected).copied();
        self.visible.clear();
        let roots: Vec<usize> = (0..self.nodes.len())
            .filter(|&i| self.nodes[i].parent.is_none())
            .collect();
        let mut stack: Vec<usize> = roots.into_iter().rev().collect();
        while let Some(n) = stack.pop() {
            self.visible.push(n);
            if self.expanded[n] {
                stack.extend(self.nodes[n].children.iter().rev());
            }
        }
        if let Some(k) = keep {
            if let Some(pos) = self.visible.iter().position(|&v| v == k) {
                self.selected = pos;
            }
        }
        self.selected = self.selected.min(self.visible.len().saturating_sub(1));
    }

    /// The selected node index, if the outline is not empty.
    pub fn selected_node(&self) -> Option<usize> {
        self.visible.get(self.selected).copied()
    }

    pub fn select_next(&mut self) {
        if self.selected + 1 < self.visible.len() {
            self.selected += 1;
        }
    }
    pub fn select_prev(&mut self) {
        self.selected = self.selected.saturating_sub(1);
    }
    pub fn select_top(&mut self) {
        self.selected = 0;
    }
    pub fn select_bottom(&mut self) {
        self.selected = self.visible.len().saturating_sub(1);
    }
    pub fn page_down(&mut self, rows: usize) {
        self.selected = (self.selected + rows.max(1)).min(self.visible.len().saturating_sub(1));
    }
    pub fn page_up(&mut self, rows: usize) {
        self.selected = self.selected.saturating_sub(rows.max(1));
    }

    /// h / Left: collapse an expanded node, else go to its parent.
    pub fn collapse_or_parent(&mut self) {
        let Some(n) = self.selected_node() else {
            return;
        };
        if self.expanded[n] && !self.nodes[n].children.is_empty() {
            self.expanded[n] = false;
            self.refresh();
        } else {
            self.select_parent();
        }
    }

    /// l / Right: expand a collapsed node, else go to its first child.
    pub fn expand_or_first_child(&mut self) {
        let Some(n) = self.selected_node() else {
            return;
        };
        if self.nodes[n].children.is_empty() && !self.unloaded(n) {
            return;
        }
        if !self.expanded[n] {
            self.expanded[n] = true;
            self.refresh();
        } else {
            self.select_next();
        }
    }

    /// H: go to the parent node.
    pub fn select_parent(&mut self) {
        let Some(n) = self.selected_node() else {
            return;
        };
        if let Some(p) = self.nodes[n].parent {
            self.reveal(p);
        }
    }

    fn sibling(&self, n: usize, delta: isize) -> Option<usize> {
        let sibs: Vec<usize> = match self.nodes[n].parent {
            Some(p) => self.nodes[p].children.clone(),
            None => (0..self.nodes.len())
                .filter(|&i| self.nodes[i].parent.is_none())
                .collect(),
        };
        let pos = sibs.iter().position(|&s| s == n)? as isize + delta;
        sibs.get(usize::try_from(pos).ok()?).copied()
    }

    /// J / K: next or previous sibling (stays put at the ends).
    pub fn select_sibling(&mut self, forward: bool) {
        let Some(n) = self.selected_node() else {
            return;
        };
        if let Some(s) = self.sibling(n, if forward { 1 } else { -1 }) {
            self.reveal(s);
        }
    }

    /// Expand every ancestor of a node and select it.
    pub fn reveal(&mut self, node: usize) {
        if node >= self.nodes.len() {
            return;
        }
        let mut p = self.nodes[node].parent;
        while let Some(i) = p {
            self.expanded[i] = true;
            p = self.nodes[i].parent;
        }
        self.refresh();
        if let Some(pos) = self.visible.iter().position(|&v| v == node) {
            self.selected = pos;
        }
    }

    /// The node of a section (or the report's preamble for "") in a report.
    pub fn find(&self, report: usize, kind: NodeKind, id: &str) -> Option<usize> {
        self.nodes
            .iter()
            .position(|n| n.report == report && n.kind == kind && n.id == id)
    }

    /// Keep the selection inside a viewport of `rows` rows.
    pub fn scroll_into_view(&mut self, rows: usize) {
        let rows = rows.max(1);
        self.offset = super::list::offset_for(self.selected, self.offset, rows);
        let max_off = self.visible.len().saturating_sub(rows);
        self.offset = self.offset.min(max_off);
    }

    /// The ancestors of a node, root first, with the node itself last.
    pub fn path_to(&self, node: usize) -> Vec<usize> {
        let mut out = vec![node];
        let mut p = self.nodes.get(node).and_then(|n| n.parent);
        while let Some(i) = p {
            out.push(i);
            p = self.nodes[i].parent;
        }
        out.reverse();
        out
    }

    /// Nodes the reader can show, in reading order ([ and ] walk these;
    /// a group's page is not one of them).
    pub fn readable(&self) -> impl Iterator<Item = usize> + '_ {
        self.preorder()
            .into_iter()
            .filter(|&i| !matches!(self.nodes[i].kind, NodeKind::Table | NodeKind::Group))
    }

    /// Every node in reading order (depth first through `children`,
    /// expanded or not).
    pub fn preorder(&self) -> Vec<usize> {
        let mut out = Vec::with_capacity(self.nodes.len());
        let mut stack: Vec<usize> = (0..self.nodes.len())
            .filter(|&i| self.nodes[i].parent.is_none())
            .rev()
            .collect();
        while let Some(n) = stack.pop() {
            out.push(n);
            stack.extend(self.nodes[n].children.iter().rev());
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::testmodel::small_model;

    fn labels(st: &OutlineState) -> Vec<String> {
        st.visible
            .iter()
            .map(|&i| st.nodes[i].label.clone())
            .collect()
    }

    #[test]
    fn reports_start_expanded_to_their_parts_with_preamble_first() {
        let st = OutlineState::new(&small_model());
        let l = labels(&st);
        assert!(l[0].starts_with("demo-2023"));
        assert_eq!(l[1], "(preamble)");
        assert_eq!(l[2], "一、2023年计划执行情况");
        assert!(l.iter().all(|x| !x.starts_with("(一)")));
    }

    #[test]
    fn l_expands_then_enters_and_h_collapses_then_leaves() {
        let mut st = OutlineState::new(&small_model());
        st.selected = 2; // 一、
        st.expand_or_first_child();
        assert!(labels(&st).iter().any(|x| x.starts_with("(一)")));
        assert_eq!(st.selected, 2);
        st.expand_or_first_child();
        assert!(st.nodes[st.selected_node().unwrap()]
            .label
            .starts_with("(一)"));
        st.collapse_or_parent(); // (一) is collapsed → goes to parent
        assert_eq!(st.selected, 2);
        st.collapse_or_parent(); // collapses 一、
        assert!(labels(&st).iter().all(|x| !x.starts_with("(一)")));
    }

    #[test]
    fn tables_are_listed_under_their_section() {
        let mut st = OutlineState::new(&small_model());
        let t = st.find(0, NodeKind::Table, "demo-2023:t1").unwrap();
        st.reveal(t);
        let parent = st.nodes[t].parent.unwrap();
        assert_eq!(st.nodes[parent].id, "demo-2023:s1.1");
        assert!(st.nodes[t].label.starts_with("表1 "));
    }

    #[test]
    fn siblings_and_parent_moves_stay_in_bounds() {
        let mut st = OutlineState::new(&small_model());
        st.selected = 2;
        st.select_sibling(true);
        assert_eq!(
            st.nodes[st.selected_node().unwrap()].label,
            "二、2024年主要目标"
        );
        st.select_sibling(true);
        assert_eq!(
            st.nodes[st.selected_node().unwrap()].label,
            "二、2024年主要目标"
        );
        st.select_parent();
        assert_eq!(st.selected, 0);
        st.select_parent();
        assert_eq!(st.selected, 0);
    }

    #[test]
    fn an_empty_model_gives_an_empty_outline_that_ignores_keys() {
        let mut st = OutlineState::new(&crate::tui::testmodel::empty_model());
        st.select_next();
        st.expand_or_first_child();
        st.collapse_or_parent();
        st.select_sibling(true);
        st.select_bottom();
        assert_eq!(st.selected_node(), None);
    }

    #[test]
    fn scroll_into_view_follows_the_selection() {
        let mut st = OutlineState::new(&small_model());
        for n in 0..st.nodes.len() {
            st.expanded[n] = true;
        }
        st.refresh();
        st.select_bottom();
        st.scroll_into_view(3);
        assert_eq!(st.offset, st.visible.len() - 3);
        st.select_top();
        st.scroll_into_view(3);
        assert_eq!(st.offset, 0);
    }
}
