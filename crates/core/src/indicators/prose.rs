//! Sentence-level extraction: the quantitative statements of one sentence of
//! prose ("全年全市生产总值达到4.72万亿元,比上年增长5%" → metric 全市生产总值,
//! 4.72 万亿元, change +5%). Pure: works on text only; `extract` in mod.rs
//! places the statements in a report. The rules are in docs/indicators.md.

use super::number::{numbers, NumberAt};
use super::words::*;
use crate::model::indicator::IndicatorKind;

/// One statement read from a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Statement {
    pub metric: String,
    pub kind: IndicatorKind,
    pub value: f64,
    /// Number and unit as printed ("4.72万亿元").
    pub value_text: String,
    pub unit: String,
    pub change_text: Option<String>,
    pub change: Option<f64>,
    pub change_unit: Option<String>,
    pub qualifier: Option<String>,
    /// Char range in the sentence text: metric start to the end of the value.
    pub span: (usize, usize),
    /// The clause says 力争/目标/计划/预期: a goal, whatever section it sits in.
    pub target_wording: bool,
    /// A year printed in front of the metric ("2023年浦东新区民间投资…").
    pub year: Option<u16>,
}

/// How a number relates to the text before it.
enum Role {
    Level,
    Change { text: String, sign: f64 },
}

/// Every statement of a sentence, in reading order.
pub fn extract_from_text(text: &str) -> Vec<Statement> {
    let chars: Vec<char> = text.chars().collect();
    let masked = mask(&chars);
    let nums: Vec<NumberAt> = numbers(&chars, false)
        .into_iter()
        .filter(|n| !masked[n.start])
        .collect();
    let mut out: Vec<Statement> = Vec::new();
    // Index in `out` of the record the previous number made in this clause, if any.
    let mut prev_end = 0usize;
    let mut prev_clean = true;
    let mut prev_record: Option<usize> = None;
    let mut k = 0;
    while k < nums.len() {
        let n = &nums[k];
        let clause_start = last_clause_break(&chars, n.start).map_or(0, |i| i + 1);
        let same_clause = prev_end > clause_start && prev_end <= n.start;
        let region_start = if same_clause { prev_end } else { clause_start };
        if !same_clause {
            prev_clean = true;
        }
        let mut region: String = chars[region_start..n.start].iter().collect();
        if same_clause {
            for w in AND_WORDS {
                if let Some(r) = region.strip_prefix(w) {
                    // Same length in chars, so spans stay right.
                    region = format!("、{r}");
                }
            }
        }
        let (tail_end, post_q, clean) = tail(&chars, n);
        // 分别: several values for several metrics.
        if region.contains("分别") {
            let group = respectively_group(&chars, &nums, k);
            let used = apply_respectively(&mut out, &region, &nums[k..k + group], &chars);
            k += group;
            prev_end = nums[k - 1].end;
            prev_clean = used;
            prev_record = None;
            continue;
        }
        let joined_by_list = !same_clause || starts_with_separator(&region);
        let policy_count = n.unit == "条"
            && POLICY_VERBS
                .iter()
                .any(|v| strip_lead(&region).starts_with(v));
        let usable = !n.unit.is_empty()
            && clean
            && joined_by_list
            && (prev_clean || !same_clause)
            && n.unit != "倍"
            && !policy_count;
        prev_end = tail_end;
        prev_clean = clean && !n.unit.is_empty();
        if !usable {
            prev_record = None;
            k += 1;
            continue;
        }
        let clause: String = chars[clause_start..tail_end].iter().collect();
        let target_wording = TARGET_WORDS.iter().any(|w| clause.contains(w));
        match role(&region) {
            (Role::Change { text, sign }, before) => {
                let metric_raw = before.trim().to_string();
                let value_text: String = chars[n.start..n.end].iter().collect();
                let change_text = format!("{text}{value_text}");
                if is_empty_metric(&metric_raw) {
                    // A change for the record just before ("…4.72万亿元,比上年增长5%").
                    if let Some(i) = prev_record {
                        let r = &mut out[i];
                        let pp_ok = n.unit == "%" || (n.unit == "个百分点" && r.unit == "%");
                        if r.change.is_none() && r.kind == IndicatorKind::Level && pp_ok {
                            r.change = Some(sign * n.value);
                            r.change_text = Some(change_text);
                            r.change_unit = Some(n.unit.clone());
                            r.span.1 = tail_end;
                        }
                    }
                    prev_record = None;
                } else if n.unit == "%" || n.unit == "个百分点" {
                    let Some((metric, year, _)) = clean_metric(&metric_raw, &out, prev_record)
                    else {
                        prev_record = None;
                        k += 1;
                        continue;
                    };
                    out.push(Statement {
                        metric,
                        kind: IndicatorKind::Growth,
                        value: sign * n.value,
                        value_text: value_text.clone(),
                        unit: n.unit.clone(),
                        change_text: Some(change_text),
                        change: Some(sign * n.value),
                        change_unit: Some(n.unit.clone()),
                        qualifier: qualifiers(&clause, &metric_raw, post_q),
                        span: (region_start + lead_len(&region), tail_end),
                        target_wording,
                        year,
                    });
                    prev_record = None;
                } else {
                    prev_record = None;
                }
            }
            (Role::Level, _) => {
                let (body, pre_q) = strip_level_verbs(&region);
                let Some((metric, year, derived)) = clean_metric(&body, &out, prev_record) else {
                    prev_record = None;
                    k += 1;
                    continue;
                };
                let metric = if derived {
                    metric
                } else {
                    inherit_prefix(metric, &region, &out, prev_record, same_clause)
                };
                let mut q = qualifiers(&clause, &pre_q, post_q);
                if let Some(p) = pre_q_name(&pre_q) {
                    q = Some(match q {
                        Some(x) if !x.contains(p) => format!("{p}、{x}"),
                        Some(x) => x,
                        None => p.to_string(),
                    });
                }
                out.push(Statement {
                    metric,
                    kind: IndicatorKind::Level,
                    value: n.value,
                    value_text: chars[n.start..n.end].iter().collect(),
                    unit: n.unit.clone(),
                    change_text: None,
                    change: None,
                    change_unit: None,
                    qualifier: q,
                    span: (region_start + lead_len(&region), tail_end),
                    target_wording,
                    year,
                });
                prev_record = Some(out.len() - 1);
            }
        }
        k += 1;
    }
    out
}

/// Chars inside “…”, 《…》 or (…) are masked: numbers there are not statements.
fn mask(chars: &[char]) -> Vec<bool> {
    let mut m = vec![false; chars.len() + 1];
    let mut depth = 0i32;
    for (i, c) in chars.iter().enumerate() {
        if matches!(c, '“' | '《' | '(' | '\u{FF08}' | '「') {
            depth += 1;
        }
        m[i] = depth > 0;
        if matches!(c, '”' | '》' | ')' | '\u{FF09}' | '」') {
            depth = (depth - 1).max(0);
        }
    }
    m
}

fn last_clause_break(chars: &[char], before: usize) -> Option<usize> {
    (0..before)
        .rev()
        .find(|&i| CLAUSE_BREAKS.contains(&chars[i]))
}

/// After a number: skip "(间)", a post-qualifier; report whether the number
/// ends its phrase (a clause break, 、, or the end follows).
fn tail(chars: &[char], n: &NumberAt) -> (usize, Option<&'static str>, bool) {
    let mut j = n.end;
    if j < chars.len() && (chars[j] == '(' || chars[j] == '\u{FF08}') {
        if let Some(off) = chars[j..]
            .iter()
            .take(6)
            .position(|c| *c == ')' || *c == '\u{FF09}')
        {
            j += off + 1;
        }
    }
    let rest: String = chars[j..].iter().take(3).collect();
    let mut q = None;
    for p in POST_QUALIFIERS {
        if rest.starts_with(p) {
            q = Some(*p);
            j += p.chars().count();
            break;
        }
    }
    let clean = j >= chars.len() || CLAUSE_BREAKS.contains(&chars[j]) || chars[j] == '、';
    (j, q, clean)
}

fn starts_with_separator(region: &str) -> bool {
    LIST_SEPARATORS.iter().any(|s| region.starts_with(s))
}

/// Length in chars of the separators/time words stripped from the front.
fn lead_len(region: &str) -> usize {
    region.chars().count() - strip_lead(region).chars().count()
}

fn strip_lead(s: &str) -> &str {
    let mut s = s.trim();
    loop {
        let before = s;
        for w in LIST_SEPARATORS.iter().chain(LEAD_WORDS) {
            if let Some(r) = s.strip_prefix(w) {
                s = r.trim_start();
            }
        }
        if s == before {
            return s;
        }
    }
}

/// Is the region a change ("…比上年增长") or a level; returns the text before the change words.
fn role(region: &str) -> (Role, String) {
    for (w, sign) in CHANGE_VERBS {
        if let Some(before) = region.strip_suffix(w) {
            let mut before = before.to_string();
            let mut text = w.to_string();
            for p in CHANGE_PREFIXES {
                if let Some(b) = before.strip_suffix(p) {
                    text = format!("{p}{text}");
                    before = b.to_string();
                    break;
                }
            }
            if let Some(b) = before.strip_suffix("较上年") {
                text = format!("较上年{text}");
                before = b.to_string();
            }
            return (Role::Change { text, sign: *sign }, before);
        }
    }
    (Role::Level, String::new())
}

/// Strip the verbs between a metric and its number ("达到", "平均为", "超过");
/// returns the metric part and the stripped words.
fn strip_level_verbs(region: &str) -> (String, String) {
    let mut s = region.trim_end().to_string();
    let mut stripped = String::new();
    loop {
        let mut hit = false;
        for w in LEVEL_TAIL_WORDS {
            if NOT_QUALIFIER_WORDS
                .iter()
                .any(|nq| nq.ends_with(w) && s.ends_with(nq))
            {
                continue;
            }
            if let Some(b) = s.strip_suffix(w) {
                stripped = format!("{w}{stripped}");
                s = b.to_string();
                hit = true;
                break;
            }
        }
        if !hit {
            return (s, stripped);
        }
    }
}

fn pre_q_name(stripped: &str) -> Option<&'static str> {
    PRE_QUALIFIERS
        .iter()
        .find(|(w, _)| stripped.contains(w))
        .map(|(_, name)| *name)
}

fn qualifiers(clause: &str, _before: &str, post: Option<&'static str>) -> Option<String> {
    let mut qs: Vec<&str> = Vec::new();
    if clause.contains("力争") {
        qs.push("力争");
    }
    if let Some(p) = post {
        qs.push(p);
    }
    (!qs.is_empty()).then(|| qs.join("、"))
}

fn is_empty_metric(raw: &str) -> bool {
    let s = strip_lead(raw);
    s.is_empty() || s == "分别"
}

/// Turn the raw text before a number into a metric name, or None when it is
/// not a name (empty, a comparison, another number inside, too long …).
fn clean_metric(
    raw: &str,
    out: &[Statement],
    prev: Option<usize>,
) -> Option<(String, Option<u16>, bool)> {
    let mut s = strip_lead(raw).to_string();
    let mut year = None;
    if let Some((y, rest)) = leading_year(&s) {
        year = Some(y);
        s = strip_lead(rest).to_string();
    }
    for v in LEAD_VERBS {
        if let Some(r) = s.strip_prefix(v) {
            s = r.to_string();
        }
    }
    let mut s = s.trim().replace("全年", "");
    // "共拆除…" (in all) but not "共享…", "共同…".
    if let Some(r) = s.strip_prefix('共') {
        if !r.starts_with(['享', '同', '建', '有', '青']) {
            s = r.to_string();
        }
    }
    // "实际使用外资达到历史新高的240.9亿美元": the name ends before the verb.
    if s.ends_with('的') {
        let cut = ["达到", "为"].iter().filter_map(|v| s.find(v)).min()?;
        s.truncate(cut);
    }
    if s.is_empty()
        || REJECT_PARTS.iter().any(|w| s.contains(w))
        || NEW_PREFIXES.contains(&s.as_str())
        || s.ends_with('至')
        || s.ends_with('到')
    {
        return None;
    }
    let chars: Vec<char> = s.chars().collect();
    if chars.len() > MAX_METRIC_CHARS || has_year(&chars) {
        return None;
    }
    if numbers(&chars, false).iter().any(|n| !n.unit.is_empty()) {
        return None;
    }
    // Anaphora: "占全市比重", "相当于全市生产总值比例", "总数" lean on the record before.
    if GENERIC_REJECT.contains(&s.as_str()) {
        return None;
    }
    let anaphoric = ANAPHORA_PREFIXES.iter().any(|p| s.starts_with(p));
    if anaphoric || GENERIC_TOTALS.contains(&s.as_str()) {
        let p = &out[prev?];
        let head = strip_new_prefix(&p.metric);
        return Some(match s.as_str() {
            "累计" => (format!("累计{head}"), year.or(p.year), true),
            _ if anaphoric => (format!("{}{}", p.metric, s), year.or(p.year), true),
            _ => (format!("{head}{s}"), year.or(p.year), true),
        });
    }
    if s.chars().count() < 3 {
        return None;
    }
    Some((s, year, false))
}

/// "新增跨国公司地区总部65家、外资研发中心30家": the second item inherits 新增.
fn inherit_prefix(
    metric: String,
    region: &str,
    out: &[Statement],
    prev: Option<usize>,
    same_clause: bool,
) -> String {
    let (Some(p), true) = (prev, same_clause && region.starts_with('、')) else {
        return metric;
    };
    // An item with a verb of its own ("、完成…") or a prefix of its own keeps them.
    let item = region.trim_start_matches('、');
    if NEW_PREFIXES.iter().any(|w| metric.starts_with(w))
        || LEAD_VERBS.iter().any(|v| item.starts_with(v))
    {
        return metric;
    }
    match NEW_PREFIXES.iter().find(|w| out[p].metric.starts_with(*w)) {
        Some(w) => format!("{w}{metric}"),
        None => metric,
    }
}

fn strip_new_prefix(m: &str) -> &str {
    for w in NEW_PREFIXES {
        if let Some(r) = m.strip_prefix(w) {
            return r;
        }
    }
    m
}

fn leading_year(s: &str) -> Option<(u16, &str)> {
    let digits: String = s.chars().take(4).collect();
    if digits.len() == 4 && digits.chars().all(|c| c.is_ascii_digit()) {
        let rest = &s[4..];
        if let Some(r) = rest.strip_prefix('年') {
            return digits.parse().ok().map(|y| (y, r));
        }
    }
    None
}

fn has_year(chars: &[char]) -> bool {
    chars
        .windows(5)
        .any(|w| w[..4].iter().all(|c| c.is_ascii_digit()) && w[4] == '年')
}

/// How many numbers from `k` form one 分别 group (joined by 、 or 和).
fn respectively_group(chars: &[char], nums: &[NumberAt], k: usize) -> usize {
    let mut g = 1;
    while k + g < nums.len() {
        let gap: String = chars[nums[k + g - 1].end..nums[k + g].start]
            .iter()
            .collect();
        if gap == "、" || gap == "和" || gap == "及" {
            g += 1;
        } else {
            break;
        }
    }
    g
}

/// 分别 after records of the same sentence: "…50.2件,…4850.2亿元,分别比上年增长22.7%和21.1%"
/// gives each of the last records its change; "累计分别达到956家和561家" gives
/// running totals. A list of metric names before 分别 is not read (its items
/// often share a qualifier the split would lose).
fn apply_respectively(
    out: &mut Vec<Statement>,
    region: &str,
    group: &[NumberAt],
    chars: &[char],
) -> bool {
    let Some((before, after)) = region.split_once("分别") else {
        return false;
    };
    let n = group.len();
    let before = strip_lead(before);
    if !(before.is_empty() || before == "累计") || out.len() < n || n < 2 {
        return false;
    }
    let start = out.len() - n;
    match role(after) {
        (Role::Change { text, sign }, rest) if rest.trim().is_empty() => {
            if out[start..]
                .iter()
                .any(|r| r.change.is_some() || r.kind != IndicatorKind::Level)
            {
                return false;
            }
            if group.iter().any(|g| g.unit != "%") {
                return false;
            }
            for (r, g) in out[start..].iter_mut().zip(group) {
                let vt: String = chars[g.start..g.end].iter().collect();
                r.change = Some(sign * g.value);
                r.change_text = Some(format!("{text}{vt}"));
                r.change_unit = Some(g.unit.clone());
            }
            true
        }
        (Role::Level, _) if before == "累计" => {
            let mut add = Vec::new();
            for (r, g) in out[start..].iter().zip(group) {
                if !NEW_PREFIXES.iter().any(|w| r.metric.starts_with(w)) || g.unit != r.unit {
                    return false;
                }
                let mut s = r.clone();
                s.metric = format!("累计{}", strip_new_prefix(&r.metric));
                s.value = g.value;
                s.value_text = chars[g.start..g.end].iter().collect();
                s.span = (g.start, g.end);
                s.change = None;
                s.change_text = None;
                s.change_unit = None;
                s.qualifier = None;
                add.push(s);
            }
            out.extend(add);
            true
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> Statement {
        let v = extract_from_text(text);
        assert_eq!(v.len(), 1, "{v:#?}");
        v.into_iter().next().unwrap()
    }

    #[test]
    fn a_level_with_its_change() {
        let s = one("全年全市生产总值达到4.72万亿元,比上年增长5%");
        assert_eq!(s.metric, "全市生产总值");
        assert_eq!((s.value, s.unit.as_str()), (4.72, "万亿元"));
        assert_eq!(s.change, Some(5.0));
        assert_eq!(s.change_text.as_deref(), Some("比上年增长5%"));
        assert_eq!(s.kind, IndicatorKind::Level);
        let chars: Vec<char> = "全年全市生产总值达到4.72万亿元,比上年增长5%"
            .chars()
            .collect();
        let covered: String = chars[s.span.0..s.span.1].iter().collect();
        assert!(covered.starts_with("全市生产总值"), "{covered}");
    }

    #[test]
    fn a_growth_only_statement_and_a_decline() {
        let s = one("全年民间投资增长6.9%");
        assert_eq!(
            (s.metric.as_str(), s.kind, s.change),
            ("民间投资", IndicatorKind::Growth, Some(6.9))
        );
        // Another city's wording: the rules are not tied to the bundled reports.
        let s = one("全市规模以上工业增加值比上年下降1.2%");
        assert_eq!(s.metric, "全市规模以上工业增加值");
        assert_eq!(s.change, Some(-1.2));
    }

    #[test]
    fn list_items_inherit_new_and_totals_lean_on_the_record_before() {
        let v = extract_from_text(
            "全年新增跨国公司地区总部65家、外资研发中心30家,累计分别达到956家和561家",
        );
        let names: Vec<&str> = v.iter().map(|s| s.metric.as_str()).collect();
        assert_eq!(
            names,
            [
                "新增跨国公司地区总部",
                "新增外资研发中心",
                "累计跨国公司地区总部",
                "累计外资研发中心"
            ]
        );
        // An item with its own verb keeps it.
        let v = extract_from_text(
            "新增养老床位4000张、改建认知障碍照护床位3000张、新增社区长者食堂30个",
        );
        assert_eq!(v[1].metric, "改建认知障碍照护床位");
        let v = extract_from_text("新增持牌金融机构47家、总数达到1771家");
        assert_eq!(v[1].metric, "持牌金融机构总数");
        let v = extract_from_text("全年港口集装箱吞吐量4444.8万标准箱,占全市比重90.4%");
        assert_eq!(v[1].metric, "港口集装箱吞吐量占全市比重");
    }

    #[test]
    fn respectively_changes_go_to_the_records_before() {
        let v = extract_from_text("每万人口高价值发明专利拥有量达到50.2件,技术合同成交额达到4850.2亿元,分别比上年增长22.7%和21.1%");
        assert_eq!(v.len(), 2);
        assert_eq!(v[0].change, Some(22.7));
        assert_eq!(v[1].change, Some(21.1));
    }

    #[test]
    fn qualifiers_before_and_after_the_number() {
        let s = one("城镇新增就业55万人以上");
        assert_eq!(s.qualifier.as_deref(), Some("以上"));
        let s = one("有效期内高新技术企业超过2.4万家");
        assert_eq!(s.qualifier.as_deref(), Some("超过"));
        let s = one("力争市内光伏装机容量达到300万千瓦以上");
        assert_eq!(s.metric, "市内光伏装机容量");
        assert_eq!(s.qualifier.as_deref(), Some("力争、以上"));
        assert!(s.target_wording);
    }

    #[test]
    fn numbers_that_are_not_statements() {
        // Number first, then what it counts: no name before the number.
        assert!(extract_from_text("3家在沪国家实验室高水平运行").is_empty());
        // A comparison, a rank, quoted policy names, a ratio to another year.
        assert!(extract_from_text("高于全市0.5个百分点").is_empty());
        assert!(extract_from_text("出台实施稳就业“18条”等政策措施").is_empty());
        assert!(
            extract_from_text("上海光源向企业用户开放超1000机时,达到2022年全年的2.4倍").is_empty()
        );
        // 较2022年提高3.7个百分点 after a record that already has its change.
        let v = extract_from_text("全年地区生产总值达到16715亿元,增长4.8%,较2022年提高3.7个百分点");
        assert_eq!(v.len(), 1);
        assert_eq!(v[0].change, Some(4.8));
    }
}
