//! Recovering tables that the source flattened into running text
//! ("表1:caption 序号 指标 … 1 地区生产总值 预期性 16715.2亿元 …").
//!
//! Uses the table's own structure, not positions: row numbers 1, 2, 3 …, the
//! column count most rows agree on, the shapes of values in each column
//! (to decide which adjacent tokens form one cell), a two-level header whose
//! group cell shares characters with its leaves, notes (注:), and for
//! label/content tables short labels each followed by long content.

use super::outline::{parse_marker, Numbering};
use super::sentences::is_terminator;
use super::stream::Tok;
use crate::model::{HeaderCell, Span, Table, TableKind};

/// A table as parsed: a model [`Table`] whose `id` and `section` the caller
/// fills in, and what was odd about it.
#[derive(Debug, Clone)]
pub struct ParsedTable {
    pub table: Table,
    pub warnings: Vec<String>,
}

/// "表1:caption" → (number, label as printed, caption).
pub fn parse_caption(printed: &str) -> Option<(String, String, String)> {
    let text = crate::text::fold::fold_width_str(printed);
    let rest = text.strip_prefix('表')?;
    let digits: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
    if digits.is_empty() || digits.len() > 2 {
        return None;
    }
    let after = &rest[digits.len()..];
    let sep: String = after
        .chars()
        .take_while(|c| matches!(c, ':' | '、' | '.' | ' '))
        .collect();
    let caption = after[sep.len()..].to_string();
    if sep.is_empty()
        && caption.chars().next().is_some_and(|c| !c.is_whitespace())
        && !caption.is_empty()
    {
        // "表1" glued to text with no separator: "表1中" is prose, not a caption.
        let first = caption.chars().next().unwrap_or(' ');
        if !first.is_ascii_digit() && !caption.contains('年') {
            return None;
        }
    }
    // Report the label and caption in the source's own chars.
    let label_len = 1 + digits.chars().count() + sep.chars().count();
    let label: String = printed.chars().take(label_len).collect();
    let caption: String = printed.chars().skip(label_len).collect();
    Some((digits.clone(), label, caption))
}

fn is_cjk(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3400}'..='\u{4dbf}').contains(&c)
}

/// A row label: has Chinese text and is not a bare value.
fn label_like(t: &Tok) -> bool {
    let s = t.text();
    s.chars().any(is_cjk) && shape(&s) == Shape::Text && !s.chars().any(is_terminator)
}

fn short(t: &Tok) -> bool {
    let s = t.text();
    t.len() <= 12
        && !s
            .chars()
            .any(|c| is_terminator(c) || matches!(crate::text::fold::fold_width(c), ',' | ':'))
}

fn long(t: &Tok) -> bool {
    t.len() > 15 || t.text().chars().any(is_terminator)
}

fn is_note_start(s: &str) -> bool {
    let s = crate::text::fold::fold_width_str(s);
    ["注:", "说明:", "备注:", "注1"]
        .iter()
        .any(|p| s.starts_with(p))
}

/// Does this token end the table (a heading, another caption, a note, prose)?
fn stops(t: &Tok, numbering: &Numbering) -> bool {
    let s = t.text();
    parse_marker(&s).is_some_and(|m| numbering.accepts(&m))
        || parse_caption(&s).is_some()
        || is_note_start(&s)
        || s.contains('。')
        || t.len() > 40
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    Dash,
    Percent,
    Number,
    Paren,
    Text,
}
const SHAPES: usize = 5;

fn shape(s: &str) -> Shape {
    let folded = crate::text::fold::fold_width_str(s);
    let t = folded.trim();
    if !t.is_empty() && t.chars().all(|c| matches!(c, '—' | '-' | '–' | '/')) {
        return Shape::Dash;
    }
    if t.starts_with('(') {
        return Shape::Paren;
    }
    let body = t.trim_start_matches(['+', '-', '−']);
    let num: String = body
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ',')
        .collect();
    if num.is_empty() || !num.starts_with(|c: char| c.is_ascii_digit()) {
        return Shape::Text;
    }
    let unit = &body[num.len()..];
    if unit == "%" || unit == "‰" {
        Shape::Percent
    } else if unit.chars().count() <= 5 && !unit.chars().any(|c| c.is_ascii_digit() || c == ',') {
        Shape::Number
    } else {
        Shape::Text
    }
}

fn shape_index(s: Shape) -> usize {
    s as usize
}

/// Parse a table whose caption is `toks[0]`. Returns it and how many tokens it used.
pub fn parse_table(toks: &[Tok], numbering: &Numbering) -> Option<(ParsedTable, usize)> {
    let cap = toks.first()?;
    let (number, label, mut caption) = parse_caption(&cap.text())?;
    let mut i = 1;
    if caption.is_empty() {
        caption = toks.get(1)?.text();
        i = 2;
    }
    let caption_span = Span(cap.start(), toks[i - 1].end());
    let mut t = parse_grid(toks, i, numbering).or_else(|| parse_pairs(toks, i))?;
    t.0.table.number = number;
    t.0.table.label = label;
    t.0.table.caption = caption;
    t.0.table.caption_span = caption_span;
    t.0.table.span = Span(cap.start(), toks[t.1 - 1].end());
    Some(t)
}

fn empty_table(kind: TableKind) -> ParsedTable {
    ParsedTable {
        table: Table {
            id: String::new(),
            number: String::new(),
            label: String::new(),
            caption: String::new(),
            kind,
            columns: Vec::new(),
            header: Vec::new(),
            rows: Vec::new(),
            cell_spans: Vec::new(),
            notes: Vec::new(),
            note_spans: Vec::new(),
            caption_span: Span(0, 0),
            section: String::new(),
            span: Span(0, 0),
        },
        warnings: Vec::new(),
    }
}

/// Numbered rows under a header.
fn parse_grid(toks: &[Tok], start: usize, numbering: &Numbering) -> Option<(ParsedTable, usize)> {
    let is_row_start = |j: usize, k: usize| {
        toks.get(j).is_some_and(|t| t.text() == k.to_string())
            && toks.get(j + 1).is_some_and(label_like)
    };
    let first = (start + 1..(start + 24).min(toks.len())).find(|&j| is_row_start(j, 1))?;
    let header_toks = &toks[start..first];
    if header_toks.iter().any(|t| stops(t, numbering)) {
        return None;
    }
    // Rows: token ranges from each row number to the next.
    let mut rows: Vec<(usize, usize)> = Vec::new();
    let mut j = first;
    let mut k = 1;
    let mut row_start = first;
    loop {
        j += 1;
        if j >= toks.len() || stops(&toks[j], numbering) {
            rows.push((row_start, j));
            break;
        }
        if is_row_start(j, k + 1) {
            rows.push((row_start, j));
            row_start = j;
            k += 1;
        }
    }
    let n = mode(rows.iter().map(|(a, b)| b - a))?;
    if n < 2 || rows.len() < 2 {
        return None;
    }
    // The last row ends at most two tokens past the column count.
    if let Some(last) = rows.last_mut() {
        if last.1 - last.0 > n + 2 {
            last.1 = last.0 + n;
        }
    }
    let mut end = rows.last().map(|r| r.1).unwrap_or(first);
    let mut table = empty_table(TableKind::Grid);
    let (columns, header) = parse_header(header_toks, n);
    table.table.columns = columns;
    table.table.header = header;
    // Column shape profile from rows that need no merging.
    let mut profile = vec![[0usize; SHAPES]; n];
    for &(a, b) in &rows {
        if b - a == n {
            for (c, tok) in toks[a..b].iter().enumerate() {
                profile[c][shape_index(shape(&tok.text()))] += 1;
            }
        }
    }
    for (r, &(a, b)) in rows.iter().enumerate() {
        let groups = assign_cells(&toks[a..b], n, &profile);
        if b - a < n {
            table.warnings.push(format!(
                "row {} has {} cells for {n} columns; padded",
                r + 1,
                b - a
            ));
        }
        let mut cells = Vec::new();
        let mut spans = Vec::new();
        for g in groups {
            match g {
                Some((x, y)) => {
                    cells.push(join_tokens(&toks[a + x..a + y]));
                    spans.push(Span(toks[a + x].start(), toks[a + y - 1].end()));
                }
                None => {
                    let at = toks[b - 1].end();
                    cells.push(String::new());
                    spans.push(Span(at, at));
                }
            }
        }
        table.table.rows.push(cells);
        table.table.cell_spans.push(spans);
    }
    end = read_notes(toks, end, &mut table);
    Some((table, end))
}

/// Notes after a table: "注:…。" and numbered continuations.
fn read_notes(toks: &[Tok], mut end: usize, table: &mut ParsedTable) -> usize {
    while let Some(t) = toks.get(end) {
        let s = t.text();
        let continues = !table.table.notes.is_empty()
            && parse_marker(&s).is_some_and(|m| m.level >= 3)
            && t.sep == super::stream::Sep::Space;
        if !is_note_start(&s) && !continues {
            break;
        }
        // A note runs to the token that ends a sentence.
        let mut e = end;
        while e < toks.len() && !toks[e].text().ends_with(is_terminator) && e - end < 12 {
            e += 1;
            if e < toks.len()
                && (toks[e].sep != super::stream::Sep::Space || is_note_start(&toks[e].text()))
            {
                e -= 1;
                break;
            }
        }
        let e = (e + 1).min(toks.len());
        table.table.notes.push(join_tokens(&toks[end..e]));
        table
            .table
            .note_spans
            .push(Span(toks[end].start(), toks[e - 1].end()));
        end = e;
    }
    end
}

/// Label / content pairs under a two-cell header (片区 | 主要情况).
fn parse_pairs(toks: &[Tok], start: usize) -> Option<(ParsedTable, usize)> {
    let first_long = (start..toks.len().min(start + 10)).find(|&j| long(&toks[j]))?;
    if first_long < start + 3 || !toks[start..first_long].iter().all(short) {
        return None;
    }
    let header_toks = &toks[start..first_long - 1];
    if header_toks.len() != 2 {
        return None;
    }
    let mut table = empty_table(TableKind::Pairs);
    table.table.columns = header_toks.iter().map(Tok::text).collect();
    table.table.header = header_toks
        .iter()
        .enumerate()
        .map(|(c, t)| HeaderCell {
            text: t.text(),
            span: t.span(),
            columns: (c, c + 1),
        })
        .collect();
    let mut p = first_long - 1;
    while p + 1 < toks.len() && short(&toks[p]) && label_like(&toks[p]) && long(&toks[p + 1]) {
        let mut q = p + 2;
        // Content may continue over spaces until the next label.
        while q + 1 < toks.len()
            && !(short(&toks[q]) && long(&toks[q + 1]))
            && toks[q].sep == super::stream::Sep::Space
            && !toks[q - 1].text().ends_with(is_terminator)
        {
            q += 1;
        }
        table
            .table
            .rows
            .push(vec![toks[p].text(), join_tokens(&toks[p + 1..q])]);
        table.table.cell_spans.push(vec![
            toks[p].span(),
            Span(toks[p + 1].start(), toks[q - 1].end()),
        ]);
        p = q;
    }
    if table.table.rows.len() < 2 {
        return None;
    }
    Some((table, p))
}

/// Join tokens of one cell with single spaces, as printed.
fn join_tokens(toks: &[Tok]) -> String {
    toks.iter().map(Tok::text).collect::<Vec<_>>().join(" ")
}

fn mode(it: impl Iterator<Item = usize>) -> Option<usize> {
    let mut counts = std::collections::BTreeMap::new();
    for x in it {
        *counts.entry(x).or_insert(0usize) += 1;
    }
    counts
        .into_iter()
        .max_by_key(|&(len, c)| (c, std::cmp::Reverse(len)))
        .map(|(len, _)| len)
}

/// Assign a row's tokens to `n` columns: consecutive non-empty groups,
/// chosen to fit each column's usual value shape (a merged cell counts by
/// the shape of its first token). Missing cells (too few tokens) are None.
fn assign_cells(row: &[Tok], n: usize, profile: &[[usize; SHAPES]]) -> Vec<Option<(usize, usize)>> {
    let m = row.len();
    if m <= n {
        let mut out: Vec<Option<(usize, usize)>> = (0..m).map(|i| Some((i, i + 1))).collect();
        out.resize(n, None);
        return out;
    }
    // A cell costs how unusual its first token's shape is for the column,
    // plus, per extra token, how unusual free text is there: words spill over
    // into columns that hold text, not into columns of bare values.
    let cost = |col: usize, a: usize, b: usize| -> f64 {
        let counts = &profile[col];
        let total = counts.iter().sum::<usize>() as f64 + 0.5 * SHAPES as f64;
        let p = |s: Shape| (counts[shape_index(s)] as f64 + 0.5) / total;
        let lead = -p(shape(&row[a].text())).ln();
        lead + (b - a - 1) as f64 * (0.1 - 0.5 * p(Shape::Text).ln())
    };
    // best[c][i]: least cost of putting tokens [0, i) into columns [0, c).
    let inf = f64::INFINITY;
    let mut best = vec![vec![inf; m + 1]; n + 1];
    let mut from = vec![vec![0usize; m + 1]; n + 1];
    best[0][0] = 0.0;
    for c in 1..=n {
        for i in c..=m - (n - c) {
            for a in (c - 1)..i {
                if best[c - 1][a] == inf {
                    continue;
                }
                let v = best[c - 1][a] + cost(c - 1, a, i);
                if v < best[c][i] {
                    best[c][i] = v;
                    from[c][i] = a;
                }
            }
        }
    }
    let mut out = vec![None; n];
    let mut i = m;
    for c in (1..=n).rev() {
        let a = from[c][i];
        out[c - 1] = Some((a, i));
        i = a;
    }
    out
}

/// Leaf columns and printed header cells for `n` columns. Handles a header
/// cell printed over two lines ("指标 类型") and one group cell over a second
/// header row ("完成情况" over "完成数 同比增长").
fn parse_header(toks: &[Tok], n: usize) -> (Vec<String>, Vec<HeaderCell>) {
    let texts: Vec<String> = toks.iter().map(Tok::text).collect();
    let spans: Vec<Span> = toks.iter().map(Tok::span).collect();
    let mut best: Option<(f64, Vec<String>, Vec<HeaderCell>)> = None;
    // Candidate merges: pairs of adjacent very short tokens.
    let pairs: Vec<usize> = (0..texts.len().saturating_sub(1))
        .filter(|&i| texts[i].chars().count() <= 3 && texts[i + 1].chars().count() <= 3)
        .collect();
    let subsets = 1usize << pairs.len().min(6);
    for mask in 0..subsets {
        let chosen: Vec<usize> = pairs
            .iter()
            .enumerate()
            .filter(|(b, _)| mask & (1 << b) != 0)
            .map(|(_, &p)| p)
            .collect();
        if chosen.windows(2).any(|w| w[1] == w[0] + 1) {
            continue;
        }
        let mut cells: Vec<(String, Span)> = Vec::new();
        let mut i = 0;
        while i < texts.len() {
            if chosen.contains(&i) {
                cells.push((
                    format!("{}{}", texts[i], texts[i + 1]),
                    Span(spans[i].0, spans[i + 1].1),
                ));
                i += 2;
            } else {
                cells.push((texts[i].clone(), spans[i]));
                i += 1;
            }
        }
        let merges = chosen.len() as f64;
        let m = cells.len();
        if m == n {
            let score = -merges;
            if best.as_ref().is_none_or(|b| score > b.0) {
                let header = cells
                    .iter()
                    .enumerate()
                    .map(|(c, (t, s))| HeaderCell {
                        text: t.clone(),
                        span: *s,
                        columns: (c, c + 1),
                    })
                    .collect();
                best = Some((score, cells.iter().map(|c| c.0.clone()).collect(), header));
            }
        } else if m == n + 1 {
            // Two rows: the first k cells, one of which groups the r2 = m - k cells after them.
            for k in 2..m - 1 {
                let r2 = m - k;
                if r2 < 2 {
                    continue;
                }
                for g in 0..k {
                    let shared = cells[k..]
                        .iter()
                        .filter(|(t, _)| t.chars().any(|c| cells[g].0.contains(c)))
                        .count();
                    if shared == 0 {
                        continue;
                    }
                    let score = shared as f64 / r2 as f64 - merges - 0.01 * r2 as f64;
                    if best.as_ref().is_none_or(|b| score > b.0) {
                        let mut leaves: Vec<String> =
                            cells[..g].iter().map(|c| c.0.clone()).collect();
                        leaves.extend(cells[k..].iter().map(|c| c.0.clone()));
                        leaves.extend(cells[g + 1..k].iter().map(|c| c.0.clone()));
                        let mut header = Vec::new();
                        for (c, (t, s)) in cells[..k].iter().enumerate() {
                            let cols = if c < g {
                                (c, c + 1)
                            } else if c == g {
                                (g, g + r2)
                            } else {
                                (c + r2 - 1, c + r2)
                            };
                            header.push(HeaderCell {
                                text: t.clone(),
                                span: *s,
                                columns: cols,
                            });
                        }
                        for (x, (t, s)) in cells[k..].iter().enumerate() {
                            header.push(HeaderCell {
                                text: t.clone(),
                                span: *s,
                                columns: (g + x, g + x + 1),
                            });
                        }
                        best = Some((score, leaves, header));
                    }
                }
            }
        }
    }
    match best {
        Some((_, leaves, header)) => (leaves, header),
        None => {
            // Could not explain the header: keep its cells as printed, name columns by number.
            let header = toks
                .iter()
                .map(|t| HeaderCell {
                    text: t.text(),
                    span: t.span(),
                    columns: (0, n),
                })
                .collect();
            ((1..=n).map(|c| format!("列{c}")).collect(), header)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::stream::Doc;
    use super::*;

    fn table(src: &str) -> (Table, Vec<String>) {
        let doc = Doc::new(src);
        let toks = doc.tokens();
        let (t, used) = parse_table(&toks, &Numbering::default()).expect("a table");
        (t.table, toks[used..].iter().map(Tok::text).collect())
    }

    #[test]
    fn two_level_header_and_merged_cells() {
        let (t, rest) = table(
            "表1:指标完成情况 序号 指标名称 指标 类型 完成情况 年度目标 完成数 同比增长 \
             1 地区生产总值 预期性 100亿元 4.8% 增长7%左右 \
             2 新认定企业数 预期性 1703家 总数4922家 —— 1700家 \
             3 失业人数 约束性 31442人 —— 完成任务 3.39万人以内 \
             4 投资总额 预期性 34亿元 14.1% 31亿元左右,增长5% \
             5 实到外资 预期性 103.4亿美元 -6.4% 115亿美元 \
             6 养老床位数 预期性 1544张 —— 1000张 \
             7 产值比重 预期性 53.9% —— 50%左右 \
             注:能耗为年度统计指标。 今年以来,经济平稳。",
        );
        assert_eq!(
            t.columns,
            [
                "序号",
                "指标名称",
                "指标类型",
                "完成数",
                "同比增长",
                "年度目标"
            ]
        );
        assert_eq!(t.rows.len(), 7);
        assert_eq!(
            t.rows[1],
            [
                "2",
                "新认定企业数",
                "预期性",
                "1703家 总数4922家",
                "——",
                "1700家"
            ]
        );
        assert_eq!(t.rows[2][5], "完成任务 3.39万人以内");
        assert_eq!(t.notes, ["注:能耗为年度统计指标。"]);
        assert_eq!(rest, ["今年以来,经济平稳。"]);
        let group = t.header.iter().find(|h| h.text == "完成情况").unwrap();
        assert_eq!(group.columns, (3, 5));
    }

    #[test]
    fn pairs_table_ends_before_the_next_paragraph() {
        let (t, rest) = table("表2:各片区成效 片区 主要情况 东片区 建成一批项目。引进企业3家。 西片区 开工两个园区。 北片区 举办论坛。 营商环境全面提升。深化改革。");
        assert_eq!(t.kind, TableKind::Pairs);
        assert_eq!(t.columns, ["片区", "主要情况"]);
        assert_eq!(t.rows.len(), 3);
        assert_eq!(t.rows[0], ["东片区", "建成一批项目。引进企业3家。"]);
        assert_eq!(rest[0], "营商环境全面提升。深化改革。");
    }

    #[test]
    fn prose_mentioning_a_table_is_not_a_caption() {
        assert!(parse_caption("表明经济回升").is_none());
        assert!(parse_caption("表1中所列指标").is_none());
        assert!(parse_caption("表3:2024年主要指标").is_some());
    }

    #[test]
    fn shapes() {
        assert_eq!(shape("——"), Shape::Dash);
        assert_eq!(shape("-4.3%"), Shape::Percent);
        assert_eq!(shape("16715.2亿元"), Shape::Number);
        assert_eq!(shape("(统计口径调整)"), Shape::Paren);
        assert_eq!(shape("增长7%左右"), Shape::Text);
    }
}
