//! Aligning two reports' outlines: which section of the newer report (B)
//! is which section of the older one (A), by heading and position, not by
//! line. Rules (docs/cli.md "baogao diff"):
//!
//! - Each report's outline is flattened (the preamble first, as a node of
//!   its own); a node's content is the text of its whole subtree.
//! - Siblings under matched parents (and the two top levels) are scored
//!   pairwise: heading similarity (Dice of character bigrams) 0.45, content
//!   similarity (Dice weighted by rarity, [`flatten_pair`]) 0.40, position
//!   within the parent 0.15; pairs are taken best
//!   first, one to one, above [`MATCH`]; then their children the same way.
//! - What is left is matched across parents, at the same level, by heading
//!   and content alone above [`MOVED_MATCH`] (a section moved elsewhere).
//! - A matched pair is *moved* when its parents are not a pair, or when it
//!   is out of order among its siblings (not in the longest run of pairs in
//!   the same order); *renamed* when the headings differ.
//! - A B section left over whose content mostly (≥ [`CONTAINED`] of its
//!   bigrams) is in one A section of its level was *split* from it; an A
//!   section left over contained in one B section was *merged* into it. The
//!   rest are added or dropped.
//!
//! Pure and deterministic: ties go to the earlier section.

use crate::model::{Block, Report, Section, SectionKind, Sentence};

use super::tokens::{bigrams, containment, dice};

/// Least score for a pair of siblings.
pub const MATCH: f64 = 0.28;
/// Least score (heading and content) for a pair under different parents.
pub const MOVED_MATCH: f64 = 0.5;
/// Least share of a left-over section's bigrams found in one section of
/// the other report for a split or a merge.
pub const CONTAINED: f64 = 0.6;

/// One section (or the preamble) of a flattened outline.
#[derive(Debug)]
pub struct Node<'a> {
    /// Section id; "" for the preamble.
    pub id: &'a str,
    /// The markers from the top down, as printed: "二、(三)".
    pub path: String,
    pub heading: &'a str,
    pub level: u8,
    pub kind: Option<SectionKind>,
    pub parent: Option<usize>,
    /// Position among its siblings, and how many there are.
    pub pos: usize,
    pub siblings: usize,
    pub children: Vec<usize>,
    /// The sentences of its own blocks (not its subsections').
    pub own: Vec<&'a Sentence>,
    head: Vec<u64>,
    /// Bigrams of the heading and own text, then of the whole subtree.
    own_set: Vec<u64>,
    content: Vec<u64>,
    /// The weight of each bigram of `content` (see [`flatten_pair`]), and their sum.
    weights: Vec<f64>,
    total: f64,
}

impl<'a> Node<'a> {
    /// Sentences of the whole subtree, in reading order.
    pub fn subtree(&self, nodes: &[Node<'a>]) -> Vec<&'a Sentence> {
        let mut out = self.own.clone();
        for &c in &self.children {
            out.extend(nodes[c].subtree(nodes));
        }
        out
    }
}

fn own_sentences(blocks: &[Block]) -> Vec<&Sentence> {
    blocks
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph(p) => Some(p.sentences.iter()),
            Block::Table { .. } => None,
        })
        .flatten()
        .collect()
}

/// The outline of `r` flattened depth first, the preamble (when it has
/// text) first. Roots are the nodes without a parent.
pub fn flatten(r: &Report) -> Vec<Node<'_>> {
    let mut nodes = Vec::new();
    let pre = own_sentences(&r.preamble);
    let roots = r.sections.len() + usize::from(!pre.is_empty());
    if !pre.is_empty() {
        let text: String = pre.iter().map(|s| s.text.as_str()).collect();
        nodes.push(Node {
            id: "",
            path: String::new(),
            heading: "",
            level: 0,
            kind: None,
            parent: None,
            pos: 0,
            siblings: roots,
            children: Vec::new(),
            own: pre,
            head: Vec::new(),
            own_set: bigrams(&text),
            content: bigrams(&text),
            weights: Vec::new(),
            total: 0.0,
        });
    }
    let first = nodes.len();
    for (i, s) in r.sections.iter().enumerate() {
        push(s, None, first + i, roots, "", &mut nodes);
    }
    nodes
}

/// Push `s` and its subtree; returns the subtree's bigrams (the union of
/// its parts' sets: each text is read once, not once per level above it).
fn push<'a>(
    s: &'a Section,
    parent: Option<usize>,
    pos: usize,
    siblings: usize,
    path: &str,
    nodes: &mut Vec<Node<'a>>,
) -> Vec<u64> {
    let me = nodes.len();
    let path = format!("{path}{}", s.marker);
    let own = own_sentences(&s.blocks);
    let text: String = own.iter().map(|x| x.text.as_str()).collect();
    let head = bigrams(&s.heading);
    let mut content = union(&head, &bigrams(&text));
    nodes.push(Node {
        id: &s.id,
        path: path.clone(),
        heading: &s.heading,
        level: s.level,
        kind: Some(s.kind),
        parent,
        pos,
        siblings,
        children: Vec::new(),
        own,
        head,
        own_set: content.clone(),
        content: Vec::new(),
        weights: Vec::new(),
        total: 0.0,
    });
    let n = s.children.len();
    for (i, c) in s.children.iter().enumerate() {
        let at = nodes.len();
        nodes[me].children.push(at);
        let child = push(c, Some(me), i, n, &path, nodes);
        content = union(&content, &child);
    }
    nodes[me].content = content.clone();
    content
}

/// The union of two sorted, deduplicated sets.
fn union(a: &[u64], b: &[u64]) -> Vec<u64> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => {
                out.push(a[i]);
                i += 1;
            }
            std::cmp::Ordering::Greater => {
                out.push(b[j]);
                j += 1;
            }
            std::cmp::Ordering::Equal => {
                out.push(a[i]);
                i += 1;
                j += 1;
            }
        }
    }
    out.extend_from_slice(&a[i..]);
    out.extend_from_slice(&b[j..]);
    out
}

/// Both outlines flattened, each bigram weighted by how rare it is among
/// the sections of the two reports (inverse document frequency over each
/// section's own heading and text): words every section uses (发展, 建设,
/// 推进) count for little in content similarity, the words of its subject
/// for much.
pub fn flatten_pair<'a>(a: &'a Report, b: &'a Report) -> (Vec<Node<'a>>, Vec<Node<'a>>) {
    let mut an = flatten(a);
    let mut bn = flatten(b);
    let mut df: std::collections::HashMap<u64, u32> = Default::default();
    for n in an.iter().chain(bn.iter()) {
        for g in &n.own_set {
            *df.entry(*g).or_default() += 1;
        }
    }
    let total = (an.len() + bn.len()) as f64;
    for n in an.iter_mut().chain(bn.iter_mut()) {
        n.weights = n
            .content
            .iter()
            .map(|g| {
                let d = f64::from(df.get(g).copied().unwrap_or(1));
                ((total + 1.0) / d).ln().max(0.05)
            })
            .collect();
        n.total = n.weights.iter().sum();
    }
    (an, bn)
}

/// Weighted Dice of two nodes' content (plain Dice when not weighted).
fn content_sim(a: &Node, b: &Node) -> f64 {
    if a.weights.len() != a.content.len() || b.weights.len() != b.content.len() {
        return dice(&a.content, &b.content);
    }
    if a.total + b.total <= 0.0 {
        return if a.content.is_empty() && b.content.is_empty() {
            1.0
        } else {
            0.0
        };
    }
    2.0 * shared_weight(a, b) / (a.total + b.total)
}

/// The weight of `part`'s content also in `whole`, over all of `part`'s.
fn weighted_containment(part: &Node, whole: &Node) -> f64 {
    if part.weights.len() != part.content.len() {
        return containment(&part.content, &whole.content);
    }
    if part.total <= 0.0 {
        return 0.0;
    }
    shared_weight(part, whole) / part.total
}

/// The summed weight (as `a` weighs them) of the bigrams two nodes share.
fn shared_weight(a: &Node, b: &Node) -> f64 {
    let (x, y) = (&a.content, &b.content);
    let (mut i, mut j, mut w) = (0, 0, 0.0);
    while i < x.len() && j < y.len() {
        match x[i].cmp(&y[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                w += a.weights[i];
                i += 1;
                j += 1;
            }
        }
    }
    w
}

/// How one section of A relates to B (and the other way).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Link {
    /// Matched with this node of the other outline (score).
    Pair(usize, f64),
    /// Left over; most of its content is in this node of the other outline.
    Part(usize),
    /// Left over: added (in B) or dropped (in A).
    None,
}

/// The alignment of two flattened outlines.
#[derive(Debug)]
pub struct Alignment {
    /// Per A node.
    pub a: Vec<Link>,
    /// Per B node.
    pub b: Vec<Link>,
    /// Per B node matched: moved (out of order, or to another parent).
    pub moved_b: Vec<bool>,
}

fn kinds_fit(a: Option<SectionKind>, b: Option<SectionKind>) -> bool {
    use SectionKind::*;
    match (a, b) {
        (None, None) => true,
        (Some(x), Some(y)) => {
            x == y || matches!((x, y), (Heading | Part | Body, Heading | Part | Body))
        }
        _ => false,
    }
}

fn heading_sim(a: &Node, b: &Node) -> Option<f64> {
    (!a.head.is_empty() || !b.head.is_empty()).then(|| dice(&a.head, &b.head))
}

/// Score of two siblings: heading, content and position.
fn sibling_score(a: &Node, b: &Node) -> f64 {
    if !kinds_fit(a.kind, b.kind) {
        return 0.0;
    }
    if a.kind.is_none() {
        return 1.0; // the two preambles
    }
    let content = content_sim(a, b);
    let pa = a.pos as f64 / a.siblings.max(1) as f64;
    let pb = b.pos as f64 / b.siblings.max(1) as f64;
    let position = 1.0 - (pa - pb).abs();
    match heading_sim(a, b) {
        Some(h) => 0.45 * h + 0.40 * content + 0.15 * position,
        None => 0.85 * content + 0.15 * position,
    }
}

/// Score of two sections under different parents: heading and content.
fn loose_score(a: &Node, b: &Node) -> f64 {
    if a.level != b.level || !kinds_fit(a.kind, b.kind) || a.kind.is_none() {
        return 0.0;
    }
    let content = content_sim(a, b);
    match heading_sim(a, b) {
        Some(h) => 0.5 * h + 0.5 * content,
        None => content,
    }
}

/// Best-first one-to-one pairs of `xs` × `ys` scoring at least `least`.
fn greedy(
    xs: &[usize],
    ys: &[usize],
    least: f64,
    score: impl Fn(usize, usize) -> f64,
) -> Vec<(usize, usize, f64)> {
    let mut cands: Vec<(f64, usize, usize)> = Vec::new();
    for &x in xs {
        for &y in ys {
            let s = score(x, y);
            if s >= least {
                cands.push((s, x, y));
            }
        }
    }
    // best first; ties to the earlier pair
    cands.sort_by(|p, q| q.0.total_cmp(&p.0).then(p.1.cmp(&q.1)).then(p.2.cmp(&q.2)));
    let mut used_x = std::collections::HashSet::new();
    let mut used_y = std::collections::HashSet::new();
    let mut out = Vec::new();
    for (s, x, y) in cands {
        if used_x.contains(&x) || used_y.contains(&y) {
            continue;
        }
        used_x.insert(x);
        used_y.insert(y);
        out.push((x, y, s));
    }
    out
}

struct Aligner<'n, 'a> {
    an: &'n [Node<'a>],
    bn: &'n [Node<'a>],
    a: Vec<Link>,
    b: Vec<Link>,
}

impl Aligner<'_, '_> {
    /// Match two sibling groups, then the children of each pair.
    fn siblings(&mut self, xs: &[usize], ys: &[usize]) {
        let xs: Vec<usize> = xs
            .iter()
            .copied()
            .filter(|&x| self.a[x] == Link::None)
            .collect();
        let ys: Vec<usize> = ys
            .iter()
            .copied()
            .filter(|&y| self.b[y] == Link::None)
            .collect();
        let (an, bn) = (self.an, self.bn);
        let pairs = greedy(&xs, &ys, MATCH, |x, y| sibling_score(&an[x], &bn[y]));
        self.take(pairs);
    }

    fn take(&mut self, pairs: Vec<(usize, usize, f64)>) {
        for &(x, y, s) in &pairs {
            self.a[x] = Link::Pair(y, s);
            self.b[y] = Link::Pair(x, s);
        }
        let (an, bn) = (self.an, self.bn);
        for (x, y, _) in pairs {
            self.siblings(&an[x].children, &bn[y].children);
        }
    }
}

fn roots(nodes: &[Node]) -> Vec<usize> {
    (0..nodes.len())
        .filter(|&i| nodes[i].parent.is_none())
        .collect()
}

/// Align two flattened outlines (see the module doc).
pub fn align(an: &[Node], bn: &[Node]) -> Alignment {
    let mut al = Aligner {
        an,
        bn,
        a: vec![Link::None; an.len()],
        b: vec![Link::None; bn.len()],
    };
    al.siblings(&roots(an), &roots(bn));
    // left over: moved to another parent
    let xs: Vec<usize> = (0..an.len()).filter(|&x| al.a[x] == Link::None).collect();
    let ys: Vec<usize> = (0..bn.len()).filter(|&y| al.b[y] == Link::None).collect();
    let pairs = greedy(&xs, &ys, MOVED_MATCH, |x, y| loose_score(&an[x], &bn[y]));
    al.take(pairs);
    // split and merged
    let (a_links, b_links) = (al.a.clone(), al.b.clone());
    for (y, link) in b_links.iter().enumerate() {
        if *link == Link::None {
            if let Some(x) = container(&bn[y], an) {
                al.b[y] = Link::Part(x);
            }
        }
    }
    for (x, link) in a_links.iter().enumerate() {
        if *link == Link::None {
            if let Some(y) = container(&an[x], bn) {
                al.a[x] = Link::Part(y);
            }
        }
    }
    let moved_b = moved(an, bn, &al.b);
    Alignment {
        a: al.a,
        b: al.b,
        moved_b,
    }
}

/// The node of `other` at `n`'s level that holds most of `n`'s content,
/// when it holds at least [`CONTAINED`] of it.
fn container(n: &Node, other: &[Node]) -> Option<usize> {
    if n.kind.is_none() || n.content.len() < 4 {
        return None;
    }
    let mut best: Option<(f64, usize)> = None;
    for (i, o) in other.iter().enumerate() {
        if o.level != n.level || !kinds_fit(n.kind, o.kind) {
            continue;
        }
        let c = weighted_containment(n, o);
        if c >= CONTAINED && best.is_none_or(|(b, _)| c > b) {
            best = Some((c, i));
        }
    }
    best.map(|(_, i)| i)
}

/// Per B node: matched, and moved (parents not a pair, or out of order
/// among the pairs of its sibling group).
fn moved(an: &[Node], bn: &[Node], b: &[Link]) -> Vec<bool> {
    let mut out = vec![false; bn.len()];
    let pair_of = |y: usize| match b[y] {
        Link::Pair(x, _) => Some(x),
        _ => None,
    };
    // by parent group of B: (b node, a node) pairs in B order
    let mut groups: std::collections::BTreeMap<Option<usize>, Vec<(usize, usize)>> =
        Default::default();
    for y in 0..bn.len() {
        let Some(x) = pair_of(y) else { continue };
        let parents_pair = match (an[x].parent, bn[y].parent) {
            (None, None) => true,
            (Some(px), Some(py)) => pair_of(py) == Some(px),
            _ => false,
        };
        if parents_pair {
            groups.entry(bn[y].parent).or_default().push((y, x));
        } else {
            out[y] = true;
        }
    }
    for pairs in groups.values() {
        let xs: Vec<usize> = pairs.iter().map(|p| p.1).collect();
        let keep = increasing(&xs);
        for (k, &(y, _)) in pairs.iter().enumerate() {
            if !keep[k] {
                out[y] = true;
            }
        }
    }
    out
}

/// Which elements of `xs` form a longest strictly increasing subsequence.
fn increasing(xs: &[usize]) -> Vec<bool> {
    let n = xs.len();
    let mut len = vec![1usize; n];
    let mut prev = vec![usize::MAX; n];
    for i in 0..n {
        for j in 0..i {
            if xs[j] < xs[i] && len[j] + 1 > len[i] {
                len[i] = len[j] + 1;
                prev[i] = j;
            }
        }
    }
    let mut keep = vec![false; n];
    // of equally long runs, the one ending last: in a swap, the section that
    // came forward is the one marked moved
    let mut at = (0..n).max_by_key(|&i| (len[i], i));
    while let Some(i) = at {
        keep[i] = true;
        at = (prev[i] != usize::MAX).then_some(prev[i]);
    }
    keep
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_longest_increasing_run_keeps_order_and_marks_the_rest() {
        assert_eq!(increasing(&[0, 1, 2]), vec![true, true, true]);
        assert_eq!(increasing(&[0, 3, 1, 2]), vec![true, false, true, true]);
        assert_eq!(increasing(&[1, 0]), vec![false, true]);
        assert_eq!(increasing(&[]), Vec::<bool>::new());
    }
}
