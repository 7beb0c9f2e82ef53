//! Headline targets and results of one report (`Report::headlines`): the
//! plan year's main targets from the paragraph that states them ("主要预期目标
//! 是：…"), the review year's results from the review before it, and the
//! figures of a plan report's results and targets tables. Rules:
//! docs/indicators.md "Headline targets". Pure: text and model in, records out;
//! joining reports into the ledger lives in `ledger`.

use super::headline_names::{find_names, Found};
use super::number::{numbers, NumberAt};
use super::words::CLAUSE_BREAKS;
use crate::model::indicator::IndicatorKind;
use crate::model::{
    Block, Headline, HeadlineKind, IndicatorSource, Period, Report, Sentence, Span,
};

/// The documented metric keys (docs/indicators.md "Metric keys").
pub use super::headline_names::KEYS as METRIC_KEYS;

/// Words that introduce the main targets when 是/为/： follows within a few chars.
const GOAL_MARKERS: &[&str] = &[
    "主要预期目标",
    "主要预期指标",
    "主要经济指标",
    "调控目标",
    "主要目标",
    "预期目标",
    "主要指标",
    "发展目标",
    "奋斗目标",
];

/// In front of a marker: the sentence reports on targets past, not new ones.
const PAST_WORDS: &[&str] = &[
    "完成",
    "实现了",
    "圆满",
    "超额",
    "较好",
    "顺利",
    "好于",
    "达到了",
    "确定的",
    "提出的",
];

/// A marker sentence naming these is about a multi-year plan.
const MULTI_YEAR: &[&str] = &[
    "五年",
    "十五",
    "十一五",
    "十二五",
    "十三五",
    "十四五",
    "十五五",
    "规划",
    "今后",
    "本届",
    "年均",
    "远景",
];

/// Words of "we set no numeric target" (national 2020).
const NO_TARGET_WORDS: &[&str] = &[
    "没有提出",
    "不提出",
    "未提出",
    "没有设定",
    "不设定",
    "未设定",
    "没有确定",
    "不再设定",
    "不设具体",
];

/// What a clause about a result must not say.
const NOT_RESULT: &[&str] = &[
    "力争",
    "目标",
    "预期",
    "计划",
    "年均",
    "季度",
    "上半年",
    "前三",
    "月份",
    "五年",
];

/// Filler between a name and its figure, stripped in any order.
const FILLER: &[&str] = &[
    "同比",
    "比上年",
    "比去年",
    "实际",
    "名义",
    "可比",
    "总量",
    "要",
    "年度",
    "全年",
    "总额",
    "总水平",
    "指数",
    "人数",
    "岗位",
    "的预期目标为",
    "预期目标为",
    "的目标为",
    "目标为",
    "预期",
];

/// Growth verbs with their sign.
const GROWTH_VERBS: &[(&str, f64)] = &[
    ("增长", 1.0),
    ("增速", 1.0),
    ("增幅", 1.0),
    ("涨幅", 1.0),
    ("上涨", 1.0),
    ("提高", 1.0),
    ("上升", 1.0),
    ("下降", -1.0),
    ("降低", -1.0),
    ("减少", -1.0),
    ("回落", -1.0),
];

/// Bounds and hedges before a figure, with the qualifier they record (None: a plain verb).
const PRE_WORDS: &[(&str, Option<&str>)] = &[
    ("力争", Some("力争")),
    ("预计", Some("预计")),
    ("初步", None),
    ("争取", Some("力争")),
    ("确保", Some("确保")),
    ("控制在", Some("控制在")),
    ("不低于", Some("不低于")),
    ("不少于", Some("不少于")),
    ("不超过", Some("不超过")),
    ("超过", Some("超过")),
    ("突破", Some("突破")),
    ("保持在", None),
    ("稳定在", None),
    ("达到", None),
    ("实现", None),
    ("为", None),
    ("达", None),
    ("在", None),
    ("是", None),
];

/// Bounds after a figure.
const POST_WORDS: &[&str] = &["左右", "以上", "以内", "以下", "之内"];

/// Range separators ("5%—5.5%", "5.5%到6%").
const RANGE_SEPS: &[char] = &['—', '-', '－', '~', '～', '到', '至', '–'];

/// A target with no figure: words that still make it a target.
const RELATIVE_WORDS: &[&str] = &[
    "同步",
    "高于",
    "快于",
    "略高于",
    "持平",
    "相适应",
    "相协调",
    "相匹配",
    "稳定增长",
    "稳步增长",
    "保持稳定",
    "基本稳定",
    "平稳增长",
    "较快增长",
    "基本平衡",
    "跑赢",
];

/// Units each key accepts for a level figure (a growth is always %).
fn level_units_ok(key: &str, unit: &str) -> bool {
    match key {
        "cpi" | "unemployment_rate" | "energy_intensity" => unit == "%",
        "new_urban_jobs" => matches!(unit, "万人" | "人" | "万个" | "个"),
        "grain_output" => unit.ends_with('吨') || unit.ends_with('斤'),
        k if k.starts_with("disposable_income") => unit.ends_with('元'),
        _ => unit.ends_with('元') && unit != "元",
    }
}

/// One clause of a sentence: char range in the sentence text.
#[derive(Debug, Clone, Copy)]
struct Clause {
    start: usize,
    end: usize,
}

fn clauses(chars: &[char]) -> Vec<Clause> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in chars.iter().enumerate() {
        if CLAUSE_BREAKS.contains(c) {
            out.push(Clause { start, end: i });
            start = i + 1;
        }
    }
    out.push(Clause {
        start,
        end: chars.len(),
    });
    out
}

/// A figure read after a name.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    pub kind: HeadlineKind,
    pub text: String,
    pub value: Option<f64>,
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub unit: Option<String>,
    pub qualifier: Option<String>,
    pub level: Option<(f64, String)>,
    /// 均/各: one figure for each name before it ("城镇和农村居民…均增长8%").
    pub each: bool,
    /// End of the figure (char index in the sentence).
    pub end: usize,
}

/// A headline statement of a sentence, before it is placed in a report.
#[derive(Debug, Clone, PartialEq)]
pub struct Statement {
    pub key: String,
    pub metric: String,
    pub rank: u8,
    pub figure: Figure,
    /// Char range in the sentence text: the name through the figure.
    pub span: (usize, usize),
}

/// The figure in `chars[from..to]` right after a name of `key`; `target`: the
/// statement sets a goal (a figure-less relative text is kept).
fn figure(
    chars: &[char],
    from: usize,
    to: usize,
    key: &str,
    target: bool,
    implied_growth: bool,
    all: &[NumberAt],
) -> Option<Vec<Figure>> {
    let text: String = chars[from..to].iter().collect();
    let mut rest = text.as_str();
    let mut qualifiers: Vec<&str> = Vec::new();
    let mut sign: Option<f64> = implied_growth.then_some(1.0);
    let mut respectively = false;
    let mut each = false;
    loop {
        let before = rest;
        // an aside right after the name: "生产总值（GDP）增长9%"
        for (open, close) in [('\u{FF08}', '\u{FF09}'), ('(', ')')] {
            if let Some(r) = rest.strip_prefix(open) {
                if let Some((inner, after)) = r.split_once(close) {
                    if inner.chars().count() <= 8 && !inner.chars().any(|c| c.is_ascii_digit()) {
                        rest = after;
                    }
                }
            }
        }
        if let Some(r) = rest.strip_prefix("分别") {
            respectively = true;
            rest = r;
        }
        for w in ["均", "各"] {
            if let Some(r) = rest.strip_prefix(w) {
                each = true;
                rest = r;
            }
        }
        for w in FILLER {
            if let Some(r) = rest.strip_prefix(w) {
                rest = r;
            }
        }
        for (w, s) in GROWTH_VERBS {
            if let Some(r) = rest.strip_prefix(w) {
                if sign.is_none() {
                    sign = Some(*s);
                }
                rest = r;
            }
        }
        for (w, q) in PRE_WORDS {
            if let Some(r) = rest.strip_prefix(w) {
                if let Some(q) = q {
                    if !qualifiers.contains(q) {
                        qualifiers.push(q);
                    }
                }
                rest = r;
            }
        }
        if rest == before {
            break;
        }
    }
    let offset = from + text.chars().count() - rest.chars().count();
    let starts_number = chars.get(offset).is_some_and(|c| c.is_ascii_digit());
    if !starts_number {
        if !target || rest.is_empty() {
            return None;
        }
        let whole = text.trim();
        if RELATIVE_WORDS.iter().any(|w| whole.contains(w)) {
            return Some(vec![Figure {
                kind: HeadlineKind::Relative,
                text: whole.to_string(),
                value: None,
                low: None,
                high: None,
                unit: None,
                qualifier: None,
                level: None,
                each: false,
                end: to,
            }]);
        }
        return None;
    }
    let mut figs = Vec::new();
    let mut at = offset;
    loop {
        let n = all.iter().find(|n| n.start == at)?;
        let mut f = one_figure(chars, n, to, all, key, sign, &qualifiers)?;
        f.text = match figs.first() {
            // a later value of a list: the words before the first value, then its own
            Some(_) => {
                let words: String = chars[from..offset].iter().collect();
                let own: String = chars[n.start..f.end].iter().collect();
                format!("{}{own}", words.trim())
            }
            None => chars[from..f.end].iter().collect::<String>(),
        };
        let end = f.end;
        figs.push(f);
        // 分别 …、… or …和…: the next value of the list
        if !respectively {
            break;
        }
        let next = chars.get(end).copied();
        if matches!(next, Some('、') | Some('和') | Some('及')) {
            at = end + 1;
            // a repeated verb or bound before the next value
            let tail: String = chars[at..to].iter().collect();
            let mut t = tail.as_str();
            for (w, _) in GROWTH_VERBS {
                if let Some(r) = t.strip_prefix(w) {
                    t = r;
                }
            }
            at += tail.chars().count() - t.chars().count();
            continue;
        }
        break;
    }
    // The figure must end its phrase (or be followed by a list separator).
    let last = figs.last()?.end;
    let after: String = chars.get(last..to).unwrap_or_default().iter().collect();
    if !(after.is_empty()
        || after.starts_with('\u{3001}')
        || after.starts_with("的目标")
        || after == "区间")
    {
        return None;
    }
    if respectively && figs.len() < 2 {
        return None;
    }
    for f in &mut figs {
        f.text = f.text.trim().to_string();
        f.each = each;
    }
    Some(figs)
}

/// One number (or range) at `n`, with its post-qualifier.
fn one_figure(
    chars: &[char],
    n: &NumberAt,
    to: usize,
    all: &[NumberAt],
    key: &str,
    sign: Option<f64>,
    pre: &[&str],
) -> Option<Figure> {
    let mut unit = n.unit.clone();
    let mut end = n.end;
    if unit.is_empty() {
        unit = grain_unit(chars, n.num_end);
        end = n.num_end + unit.chars().count();
    }
    let mut low = None;
    let mut high = None;
    // a range: "5%—5.5%", "5—5.5%", "5.5%到6%"
    if let Some(c) = chars.get(end) {
        if RANGE_SEPS.contains(c) {
            if let Some(m) = all.iter().find(|m| m.start == end + 1 && m.end <= to) {
                if (unit.is_empty() && !m.unit.is_empty()) || m.unit == unit {
                    unit = m.unit.clone();
                    low = Some(n.value);
                    high = Some(m.value);
                    end = m.end;
                }
            }
        }
    }
    if unit.is_empty() {
        return None;
    }
    let mut qualifier: Vec<&str> = pre.to_vec();
    for w in POST_WORDS {
        if chars[end..to.min(end + 2).max(end)]
            .iter()
            .collect::<String>()
            .starts_with(w)
        {
            if !qualifier.contains(w) {
                qualifier.push(w);
            }
            end += w.chars().count();
            break;
        }
    }
    let growth_verb = sign.is_some();
    let (kind, value) = if key == "cpi" || key == "energy_intensity" {
        // the rise of prices and the fall of energy use are the figures themselves
        if unit != "%" {
            return None;
        }
        let s = match (key, sign) {
            ("cpi", Some(s)) => s,
            _ => 1.0,
        };
        (HeadlineKind::Level, n.value * s)
    } else if growth_verb && unit == "%" {
        (HeadlineKind::Growth, n.value * sign.unwrap_or(1.0))
    } else if !growth_verb && level_units_ok(key, &unit) {
        (HeadlineKind::Level, n.value)
    } else {
        return None;
    };
    if low.is_some() && kind == HeadlineKind::Growth && sign == Some(-1.0) {
        return None;
    }
    Some(Figure {
        kind,
        text: String::new(),
        value: Some(value),
        low,
        high,
        unit: Some(unit),
        qualifier: (!qualifier.is_empty()).then(|| qualifier.join("\u{3001}")),
        level: None,
        each: false,
        end,
    })
}

/// Units of grain the number parser does not know (斤 is not a unit elsewhere).
fn grain_unit(chars: &[char], at: usize) -> String {
    let s: String = chars[at..chars.len().min(at + 3)].iter().collect();
    for u in ["万亿斤", "亿斤", "万斤", "亿公斤", "万公斤"] {
        if s.starts_with(u) {
            return u.to_string();
        }
    }
    String::new()
}

/// Every headline statement of a sentence's text. `target`: the text states
/// goals (relative targets are kept); else results.
pub fn statements(
    text: &str,
    target: bool,
    year: Option<u16>,
    place: Option<&str>,
) -> Vec<Statement> {
    // stray spaces of a PDF copy ("主要预 期目标") go; `map` leads back to the text
    let raw: Vec<char> = text.chars().collect();
    let mut chars = Vec::with_capacity(raw.len());
    let mut map = Vec::with_capacity(raw.len() + 1);
    for (i, &c) in raw.iter().enumerate() {
        let keep_space = i > 0
            && raw[i - 1].is_ascii_alphanumeric()
            && raw.get(i + 1).is_some_and(|n| n.is_ascii_alphanumeric());
        if c.is_whitespace() && !keep_space {
            continue;
        }
        chars.push(narrow(c));
        map.push(i);
    }
    map.push(raw.len());
    let mut out = statements_of(&chars, target, year, place);
    for st in &mut out {
        st.span = (map[st.span.0], map[st.span.1]);
    }
    out
}

fn statements_of(
    chars: &[char],
    target: bool,
    year: Option<u16>,
    place: Option<&str>,
) -> Vec<Statement> {
    let chars = chars.to_vec();
    let all = numbers(&chars, false);
    let mut out = Vec::new();
    let cls = clauses(&chars);
    for (ci, cl) in cls.iter().enumerate() {
        let clause: String = chars[cl.start..cl.end].iter().collect();
        if !target && NOT_RESULT.iter().any(|w| clause.contains(w)) {
            continue;
        }
        if names_other_year(&clause, year) {
            continue;
        }
        let found: Vec<Found> = find_names(&chars[cl.start..cl.end])
            .into_iter()
            .map(|f| Found {
                start: f.start + cl.start,
                end: f.end + cl.start,
                name: f.name,
            })
            .collect();
        // names joined by 、/和/及 share the figure of the last one
        let mut k = 0;
        while k < found.len() {
            let mut group = vec![found[k]];
            while k + 1 < found.len() {
                let between: String = chars[group[group.len() - 1].end..found[k + 1].start]
                    .iter()
                    .collect();
                if matches!(between.as_str(), "、" | "和" | "及" | "以及") {
                    k += 1;
                    group.push(found[k]);
                } else {
                    break;
                }
            }
            k += 1;
            let last = group[group.len() - 1];
            // a name after 与/同/比 is what another figure is measured against
            let lead: String = chars[cl.start..group[0].start].iter().collect();
            if is_reference(&chars, cl.start, group[0].start) {
                continue;
            }
            if without_years(&lead).chars().any(|c| c.is_ascii_digit())
                || !starts_a_word(&lead, place)
            {
                continue;
            }
            // the figure runs to the next name that is not a reference ("与经济增长同步")
            let to = found[k..]
                .iter()
                .find(|f| !is_reference(&chars, cl.start, f.start))
                .map_or(cl.end, |f| f.start.min(cl.end))
                .max(last.end);
            // "经济增长7%": the name holds the verb
            let implied = last.name.needs_figure;
            let Some(figs) = figure(&chars, last.end, to, last.name.key, target, implied, &all)
            else {
                continue;
            };
            if group.iter().any(|g| g.name.needs_figure) && figs.iter().any(|f| f.value.is_none()) {
                continue;
            }
            let mut targets: Vec<(String, String, u8)> = Vec::new();
            for g in &group {
                let printed: String = chars[g.start..g.end].iter().collect();
                let both = figs.len() == 2 || (figs.len() == 1 && figs[0].each);
                if g.name.pair && both && group.len() == 1 {
                    targets.push(("disposable_income_urban".into(), printed.clone(), 0));
                    targets.push(("disposable_income_rural".into(), printed, 0));
                } else {
                    targets.push((g.name.key.to_string(), printed, g.name.rank));
                }
            }
            let single = figs.len() == 1;
            if !single && figs.len() != targets.len() {
                continue;
            }
            for (i, (key, metric, rank)) in targets.into_iter().enumerate() {
                let mut f = if single {
                    figs[0].clone()
                } else {
                    figs[i].clone()
                };
                attach_level_or_growth(&chars, &cls, ci, &all, &key, &mut f);
                // a result estimated before the year's statistics (预计); a
                // target's hedge printed before its name (力争粮食产量…)
                let hedge = if target {
                    ["力争", "确保"].into_iter().find(|w| lead.contains(w))
                } else {
                    lead.contains("预计").then_some("预计")
                };
                if let Some(w) = hedge {
                    if !f.qualifier.as_deref().is_some_and(|q| q.contains(w)) {
                        f.qualifier = Some(match f.qualifier.take() {
                            Some(q) => format!("{w}\u{3001}{q}"),
                            None => w.to_string(),
                        });
                    }
                }
                let start = group.first().map_or(0, |g| g.start);
                out.push(Statement {
                    key,
                    metric,
                    rank,
                    span: (start, f.end),
                    figure: f,
                });
            }
        }
    }
    out
}

/// Full-width digits, point and percent as ASCII (one char for one, so
/// offsets stay those of the text).
fn narrow(c: char) -> char {
    match c {
        '\u{FF10}'..='\u{FF19}' => char::from_u32(c as u32 - 0xFF10 + '0' as u32).unwrap_or(c),
        '\u{FF0E}' => '.',
        '\u{FF05}' => '%',
        _ => c,
    }
}

/// What may stand right before a headline name: the whole region's scope, a
/// verb, a time word, or the report's own place ("浙江省生产总值").
const LEAD_ENDINGS: &[&str] = &[
    "全省",
    "全市",
    "全区",
    "全县",
    "全州",
    "全盟",
    "全国",
    "本市",
    "本省",
    "我市",
    "我省",
    "我区",
    "全自治区",
    "地区",
    "地方",
    "城镇",
    "货物",
    "全社会",
    "全年",
    "今年",
    "去年",
    "当年",
    "年",
    "实现",
    "完成",
    "预计",
    "核算",
    "统计",
    "力争",
    "确保",
    "争取",
    "其中",
    "和",
    "及",
    "与",
    "的",
    "是",
    "为",
    "使",
    "把",
    "将",
    "推动",
    "促进",
    "保持",
    "全体",
];

/// A name starts a word: nothing glued before it but a scope, verb or time word
/// ("新区生产总值", "海洋生产总值" name other things).
fn starts_a_word(lead: &str, place: Option<&str>) -> bool {
    let Some(last) = lead.chars().last() else {
        return true;
    };
    if !is_han(last) {
        return true;
    }
    if let Some(p) = place.filter(|p| !p.is_empty()) {
        let stem = super::metric::place_stem(p);
        if lead.ends_with(p) || lead.ends_with(&stem) {
            return true;
        }
    }
    // "市一般公共预算收入": the level of government alone
    matches!(lead, "市" | "省" | "区" | "县" | "州")
        || LEAD_ENDINGS.iter().any(|w| lead.ends_with(w))
}

fn is_han(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c)
}

/// Text with its "2024年" year names and "（1）" list numbers removed.
fn without_years(s: &str) -> String {
    let c: Vec<char> = s.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < c.len() {
        if matches!(c[i], '(' | '\u{FF08}') {
            let digits = c[i + 1..].iter().take_while(|d| d.is_ascii_digit()).count();
            if digits > 0 && matches!(c.get(i + 1 + digits), Some(')' | '\u{FF09}')) {
                i += digits + 2;
                continue;
            }
        }
        if i + 5 <= c.len() && c[i + 4] == '年' && c[i..i + 4].iter().all(|d| d.is_ascii_digit()) {
            i += 5;
            continue;
        }
        out.push(c[i]);
        i += 1;
    }
    out
}

/// A name right after 与/同/比/高于/快于 is what another figure is measured against.
fn is_reference(chars: &[char], clause_start: usize, at: usize) -> bool {
    let lead: String = chars[clause_start..at].iter().collect();
    ["与", "同", "比", "于"].iter().any(|w| lead.ends_with(w))
}

/// "生产总值82553亿元，增长6%": a level followed by a growth phrase makes a
/// growth figure with the level beside it ("突破2000亿元，达2060亿元，增长12%"
/// and "…亿元，按可比价格计算比上年增长12%" too); "增长6%，达到…亿元" the same.
fn attach_level_or_growth(
    chars: &[char],
    cls: &[Clause],
    ci: usize,
    all: &[NumberAt],
    key: &str,
    f: &mut Figure,
) {
    if key == "cpi" || key == "energy_intensity" || f.value.is_none() || f.low.is_some() {
        return;
    }
    // the phrases after the figure: the rest of its clause split at 、, then the next two clauses
    let mut segs: Vec<Clause> = Vec::new();
    let mut split = |c: Clause, from: usize| {
        let mut start = from;
        for (i, ch) in chars.iter().enumerate().take(c.end).skip(from) {
            if *ch == '\u{3001}' {
                segs.push(Clause { start, end: i });
                start = i + 1;
            }
        }
        segs.push(Clause { start, end: c.end });
    };
    if chars.get(f.end) == Some(&'\u{3001}') {
        split(cls[ci], f.end + 1);
    } else if f.end + 2 < cls[ci].end {
        return;
    }
    for c in cls.iter().skip(ci + 1).take(2) {
        split(*c, c.start);
    }
    let money = |u: &str| u.ends_with('元') && u != "元";
    for seg in segs {
        let text: String = chars[seg.start..seg.end].iter().collect();
        if !find_names(&chars[seg.start..seg.end]).is_empty() {
            return;
        }
        let mut rest = text.as_str();
        loop {
            let before = rest;
            for w in [
                "按可比价格计算",
                "按可比价计算",
                "按可比口径计算",
                "可比价",
                "可比",
                "比上年",
                "同比",
                "总量",
                "总额",
                "实际",
            ] {
                if let Some(r) = rest.strip_prefix(w) {
                    rest = r;
                }
            }
            if rest == before {
                break;
            }
        }
        let at = seg.start + text.chars().count() - rest.chars().count();
        if rest.is_empty() {
            continue; // an aside ("按可比价格计算")
        }
        if f.kind == HeadlineKind::Level && f.unit.as_deref().is_some_and(money) {
            // "达2060亿元": the level restated, read on
            if let Some(w) = ["达到", "达", "为"].iter().find(|w| rest.starts_with(**w)) {
                let at = at + w.chars().count();
                if let Some(n) = all.iter().find(|n| n.start == at && money(&n.unit)) {
                    if n.end == seg.end {
                        f.value = Some(n.value);
                        f.unit = Some(n.unit.clone());
                        f.end = n.end;
                        continue;
                    }
                }
                return;
            }
            let Some((w, sign)) = GROWTH_VERBS.iter().find(|(w, _)| rest.starts_with(*w)) else {
                return;
            };
            let at = at + w.chars().count();
            let Some(n) = all.iter().find(|n| n.start == at && n.unit == "%") else {
                return;
            };
            let after: String = chars[n.end..seg.end].iter().collect();
            if !(after.is_empty() || POST_WORDS.contains(&after.as_str())) {
                return;
            }
            f.level = f.value.zip(f.unit.clone());
            f.kind = HeadlineKind::Growth;
            f.value = Some(n.value * sign);
            f.unit = Some("%".into());
            if !after.is_empty() {
                f.qualifier = Some(match f.qualifier.take() {
                    Some(q) => format!("{q}\u{3001}{after}"),
                    None => after.clone(),
                });
            }
            f.text = format!(
                "{}{}",
                f.text,
                chars[f.end..seg.end].iter().collect::<String>()
            );
            f.end = seg.end;
            return;
        }
        if f.kind == HeadlineKind::Growth {
            if let Some(w) = ["达到", "突破", "超过", "为"]
                .iter()
                .find(|w| rest.starts_with(**w))
            {
                let at = at + w.chars().count();
                if let Some(n) = all.iter().find(|n| n.start == at && money(&n.unit)) {
                    if n.end == seg.end {
                        f.level = Some((n.value, n.unit.clone()));
                    }
                }
            }
        }
        return;
    }
}

/// A clause naming a year (19xx年/20xx年) other than `year` is about that year.
fn names_other_year(clause: &str, year: Option<u16>) -> bool {
    match year {
        Some(y) => names_year_other_than(clause, y),
        None => names_year_other_than(clause, 0),
    }
}

/// Where in the report a sentence is.
struct Place<'a> {
    sentence: &'a Sentence,
    /// Index of the paragraph in reading order.
    paragraph: usize,
    /// Period of the top-level section, if its heading tells.
    period: Option<Period>,
}

fn places(report: &Report) -> Vec<Place<'_>> {
    let mut out = Vec::new();
    let mut p = 0;
    for top in &report.sections {
        let period = super::section_period(top, report);
        for s in top.walk() {
            for b in &s.blocks {
                if let Block::Paragraph(para) = b {
                    for sentence in &para.sentences {
                        out.push(Place {
                            sentence,
                            paragraph: p,
                            period,
                        });
                    }
                    p += 1;
                }
            }
        }
    }
    out
}

/// The char index just after a goal marker and its 是/为/：, when the
/// sentence introduces the plan year's main targets.
fn goal_marker(text: &str, plan_year: Option<u16>) -> Option<usize> {
    let raw: Vec<char> = text.chars().collect();
    let mut chars = Vec::with_capacity(raw.len());
    let mut map = Vec::with_capacity(raw.len() + 1);
    for (i, &c) in raw.iter().enumerate() {
        if !c.is_whitespace() {
            chars.push(narrow(c));
            map.push(i);
        }
    }
    map.push(raw.len());
    let dense: String = chars.iter().collect();
    for m in GOAL_MARKERS {
        let Some(bi) = dense.find(m) else { continue };
        let at = dense[..bi].chars().count() + m.chars().count();
        let head: String = chars[..at].iter().collect();
        let this_year = head.contains("今年")
            || head.contains("本年")
            || plan_year.is_some_and(|y| head.contains(&format!("{y}年")));
        if PAST_WORDS.iter().any(|w| head.contains(w))
            || (MULTI_YEAR.iter().any(|w| head.contains(w)) && !this_year)
            || head.contains("年均")
        {
            return None;
        }
        if let Some(y) = plan_year {
            if names_year_other_than(&head, y) {
                return None;
            }
        }
        let window: String = chars[at..chars.len().min(at + 6)].iter().collect();
        for (i, c) in window.chars().enumerate() {
            if matches!(c, '是' | '为' | '\u{FF1A}' | ':') {
                let mut end = at + i + 1;
                if matches!(chars.get(end), Some('\u{FF1A}') | Some(':')) {
                    end += 1;
                }
                return Some(map[end]);
            }
            if CLAUSE_BREAKS.contains(&c) {
                break;
            }
        }
    }
    None
}

fn names_year_other_than(text: &str, year: u16) -> bool {
    let c: Vec<char> = text.chars().collect();
    c.windows(5).any(|w| {
        w[4] == '年' && w[..4].iter().all(|d| d.is_ascii_digit()) && {
            let y: String = w[..4].iter().collect();
            y.parse::<u16>().is_ok_and(|y| y != year)
        }
    })
}

/// How many paragraphs after a marker that ends its paragraph may list the targets.
const LIST_PARAGRAPHS: usize = 12;

/// Extract the headline records of a built report (after `indicators::extract`).
pub fn extract(report: &Report) -> Vec<Headline> {
    let ps = places(report);
    // the goal sentences: (index in ps, char offset where the targets start)
    let mut goal: Vec<(usize, usize)> = Vec::new();
    for (i, p) in ps.iter().enumerate() {
        let Some(at) = goal_marker(&p.sentence.text, report.plan_year) else {
            continue;
        };
        goal.push((i, at));
        let rest = p.sentence.text.chars().count() - at;
        let mut j = i + 1;
        // the rest of the paragraph, or the paragraphs after a lead-in
        while j < ps.len() {
            let same = ps[j].paragraph == p.paragraph;
            let listed = rest < 4 && ps[j].paragraph <= p.paragraph + LIST_PARAGRAPHS;
            if !(same || listed) || goal_marker(&ps[j].sentence.text, report.plan_year).is_some() {
                break;
            }
            goal.push((j, 0));
            j += 1;
        }
    }
    goal.dedup_by_key(|g| g.0);
    let first_goal = goal.first().map(|g| g.0);
    let first_plan = ps.iter().position(|p| p.period == Some(Period::Target));
    let review_end = match (first_goal, first_plan) {
        (Some(a), Some(b)) => a.min(b),
        (Some(a), None) => a,
        (None, Some(b)) => b,
        (None, None) => ps.len(),
    };
    let mut out: Vec<(u8, usize, Headline)> = Vec::new();
    for (order, &(i, at)) in goal.iter().enumerate() {
        let s = ps[i].sentence;
        let text: String = s.text.chars().skip(at).collect();
        for st in statements(&text, true, report.plan_year, report.region.as_deref()) {
            let rank = st.rank;
            push(
                &mut out,
                rank,
                order,
                headline(report, s, at, st, Period::Target, report.plan_year),
            );
        }
    }
    // no goal paragraph for a key: a sentence of the plan part that says
    // "今年…" with a planning word ("预期今年全省地区生产总值增长6%左右")
    let goal_sentences: Vec<usize> = goal.iter().map(|g| g.0).collect();
    for (order, p) in ps.iter().enumerate() {
        if goal_sentences.contains(&order) || p.period == Some(Period::Actual) && order < review_end
        {
            continue;
        }
        if !states_this_years_plan(&p.sentence.text, report.plan_year) {
            continue;
        }
        for st in statements(
            &p.sentence.text,
            true,
            report.plan_year,
            report.region.as_deref(),
        ) {
            if st.figure.kind == HeadlineKind::Relative {
                continue;
            }
            let h = headline(report, p.sentence, 0, st, Period::Target, report.plan_year);
            if !out
                .iter()
                .any(|e| e.2.key == h.key && e.2.period == h.period)
            {
                out.push((u8::MAX - 1, order, h));
            }
        }
    }
    // "我们没有提出全年经济增速具体目标": no numeric GDP target
    if !out
        .iter()
        .any(|e| e.2.key == "gdp" && e.2.period == Period::Target)
    {
        if let Some(p) = ps[review_end.min(ps.len())..].iter().find(|p| {
            let t = &p.sentence.text;
            NO_TARGET_WORDS.iter().any(|w| t.contains(w))
                && ["经济增速", "经济增长", "生产总值", "GDP", "增长速度"]
                    .iter()
                    .any(|w| t.contains(w))
                && t.contains("目标")
        }) {
            let s = p.sentence;
            push(
                &mut out,
                0,
                usize::MAX,
                Headline {
                    key: "gdp".into(),
                    metric: String::new(),
                    period: Period::Target,
                    year: report.plan_year,
                    kind: HeadlineKind::NoNumber,
                    text: s.text.clone(),
                    value: None,
                    low: None,
                    high: None,
                    unit: None,
                    qualifier: None,
                    level_value: None,
                    level_unit: None,
                    source: IndicatorSource::Sentence {
                        sentence: s.id.clone(),
                        span: s.span,
                    },
                },
            );
        }
    }
    // results: the review, before the plan part
    for (order, p) in ps[..review_end].iter().enumerate() {
        if p.period == Some(Period::Target) || looks_forward(&p.sentence.text) {
            continue;
        }
        for st in statements(
            &p.sentence.text,
            false,
            report.review_year,
            report.region.as_deref(),
        ) {
            // a growth result beats a level-only one of a flow metric
            let level_only = st.figure.kind == HeadlineKind::Level
                && !matches!(
                    st.key.as_str(),
                    "cpi"
                        | "unemployment_rate"
                        | "new_urban_jobs"
                        | "grain_output"
                        | "energy_intensity"
                );
            let rank = st.rank + if level_only { 5 } else { 0 };
            push(
                &mut out,
                rank,
                order,
                headline(
                    report,
                    p.sentence,
                    0,
                    st,
                    Period::Actual,
                    report.review_year,
                ),
            );
        }
    }
    // a plan report's results and targets tables
    for ind in &report.indicators {
        if let Some(h) = from_table(ind) {
            if !out
                .iter()
                .any(|e| e.2.key == h.key && e.2.period == h.period && e.2.year == h.year)
            {
                out.push((u8::MAX, usize::MAX, h));
            }
        }
    }
    let mut v: Vec<Headline> = out.into_iter().map(|e| e.2).collect();
    v.sort_by_key(|h| {
        (
            h.period == Period::Target,
            super::headline_names::KEYS
                .iter()
                .position(|k| *k == h.key)
                .unwrap_or(usize::MAX),
        )
    });
    v
}

/// Words of a sentence about the plan year, never a result.
const FORWARD_WORDS: &[&str] = &["今年", "明年", "力争", "建议", "安排", "考虑", "要求"];

fn looks_forward(text: &str) -> bool {
    FORWARD_WORDS.iter().any(|w| text.contains(w))
}

/// Planning words that, with 今年 or the plan year, make a sentence state targets.
const PLAN_WORDS: &[&str] = &[
    "预期", "预计", "安排", "目标", "计划", "力争", "建议", "考虑", "确保",
];

fn states_this_years_plan(text: &str, plan_year: Option<u16>) -> bool {
    let this_year = text.contains("今年")
        || text.contains("本年")
        || plan_year.is_some_and(|y| text.contains(&format!("{y}年")));
    this_year
        && PLAN_WORDS.iter().any(|w| text.contains(w))
        && !MULTI_YEAR.iter().any(|w| text.contains(w))
        && !PAST_WORDS[..4].iter().any(|w| text.contains(w))
        && !["去年", "过去"].iter().any(|w| text.contains(w))
}

/// Keep the first record of a key and period, unless a better-ranked name comes later.
fn push(out: &mut Vec<(u8, usize, Headline)>, rank: u8, order: usize, h: Headline) {
    if let Some(e) = out
        .iter_mut()
        .find(|e| e.2.key == h.key && e.2.period == h.period)
    {
        if rank < e.0 {
            *e = (rank, order, h);
        }
    } else {
        out.push((rank, order, h));
    }
}

fn headline(
    report: &Report,
    s: &Sentence,
    offset: usize,
    st: Statement,
    period: Period,
    year: Option<u16>,
) -> Headline {
    let _ = report;
    let f = st.figure;
    let start = (s.span.start() + offset + st.span.0).min(s.span.end());
    let end = (s.span.start() + offset + st.span.1).min(s.span.end());
    Headline {
        key: st.key,
        metric: st.metric,
        period,
        year,
        kind: f.kind,
        text: f.text,
        value: f.value,
        low: f.low,
        high: f.high,
        unit: f.unit,
        qualifier: f.qualifier,
        level_value: f.level.as_ref().map(|l| l.0),
        level_unit: f.level.map(|l| l.1),
        source: IndicatorSource::Sentence {
            sentence: s.id.clone(),
            span: Span(start, end),
        },
    }
}

/// A table cell record whose whole metric is a headline name.
fn from_table(ind: &crate::model::Indicator) -> Option<Headline> {
    if !matches!(ind.source, IndicatorSource::Cell { .. }) {
        return None;
    }
    let chars: Vec<char> = ind.metric.chars().collect();
    let found = find_names(&chars);
    let [f] = found.as_slice() else { return None };
    let lead: String = chars[..f.start].iter().collect();
    let tail: String = chars[f.end..].iter().collect();
    let scope =
        |s: &str| s.is_empty() || s.ends_with("全市") || s.ends_with("全区") || s.ends_with("全省");
    if !scope(&lead)
        || !(tail.is_empty() || tail == "增长" || tail == "增速" || tail == "增幅")
        || f.name.pair
    {
        return None;
    }
    let key = f.name.key;
    let growth = ind.kind == IndicatorKind::Growth || ind.change_unit.as_deref() == Some("%");
    let (kind, value, unit, level) = if key == "cpi" || key == "energy_intensity" {
        (
            HeadlineKind::Level,
            ind.change.unwrap_or(ind.value),
            "%".to_string(),
            None,
        )
    } else if growth {
        let g = if ind.kind == IndicatorKind::Growth {
            ind.value
        } else {
            ind.change?
        };
        let level = (ind.kind == IndicatorKind::Level).then(|| (ind.value, ind.unit.clone()));
        (HeadlineKind::Growth, g, "%".to_string(), level)
    } else if level_units_ok(key, &ind.unit) {
        (HeadlineKind::Level, ind.value, ind.unit.clone(), None)
    } else {
        return None;
    };
    let text = match &ind.change_text {
        Some(c) if ind.kind == IndicatorKind::Level => format!("{} {c}", ind.value_text),
        _ => ind.value_text.clone(),
    };
    Some(Headline {
        key: key.to_string(),
        metric: ind.metric.clone(),
        period: ind.period,
        year: ind.year,
        kind,
        text,
        value: Some(value),
        low: None,
        high: None,
        unit: Some(unit),
        qualifier: ind.qualifier.clone(),
        level_value: level.as_ref().map(|l| l.0),
        level_unit: level.map(|l| l.1),
        source: ind.source.clone(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (key, kind, value, low, high, unit, qualifier) of each statement.
    type Row = (
        String,
        HeadlineKind,
        Option<f64>,
        Option<f64>,
        Option<f64>,
        Option<String>,
        Option<String>,
    );

    fn read(text: &str, target: bool) -> Vec<Row> {
        statements(text, target, Some(2024), Some("江南省"))
            .into_iter()
            .map(|s| {
                let f = s.figure;
                (s.key, f.kind, f.value, f.low, f.high, f.unit, f.qualifier)
            })
            .collect()
    }

    fn one(text: &str, target: bool, key: &str) -> Row {
        read(text, target)
            .into_iter()
            .find(|r| r.0 == key)
            .unwrap_or_else(|| panic!("no {key} in {text}: {:?}", read(text, target)))
    }

    proptest::proptest! {
        /// Any text of report words, numbers and punctuation: statements and
        /// goal markers never panic, and spans stay inside the text.
        #[test]
        fn never_panics_on_report_like_text(parts in proptest::collection::vec(proptest::sample::select(vec![
            "生产总值", "增长", "5", ".5", "%", "％", "—", "到", "左右", "以上", "控制在", "万人", "亿元",
            "亿斤", "、", "，", "；", "：", "分别", "均", "城乡居民人均可支配收入", "与经济增长同步", "（GDP）",
            "(1)", " ", "主要预期目标是", "2024年", "预计", "力争", "达", "单位生产总值能耗", "下降", "区间",
        ]), 0..24)) {
            let text: String = parts.concat();
            let n = text.chars().count();
            for target in [true, false] {
                for st in statements(&text, target, Some(2024), Some("江南省")) {
                    proptest::prop_assert!(st.span.0 <= st.span.1 && st.span.1 <= n);
                }
            }
            let _ = goal_marker(&text, Some(2024));
        }
    }

    #[test]
    fn ranges_with_dash_and_words() {
        let r = one("地区生产总值增长5%\u{2014}5.5%", true, "gdp");
        assert_eq!((r.2, r.3, r.4), (Some(5.0), Some(5.0), Some(5.5)));
        let r = one("生产总值增长5.5%到6%", true, "gdp");
        assert_eq!((r.3, r.4), (Some(5.5), Some(6.0)));
        let r = one("生产总值增长7\u{2014}7.5%", true, "gdp");
        assert_eq!(
            (r.3, r.4, r.5.as_deref()),
            (Some(7.0), Some(7.5), Some("%"))
        );
    }

    #[test]
    fn qualifiers_before_and_after() {
        let r = one("地区生产总值增长5.5%左右", true, "gdp");
        assert_eq!(r.6.as_deref(), Some("左右"));
        let r = one("城镇调查失业率控制在5.5%以内", true, "unemployment_rate");
        assert_eq!(
            (r.1, r.2, r.6.as_deref()),
            (HeadlineKind::Level, Some(5.5), Some("控制在、以内"))
        );
        let r = one("城镇新增就业力争达到12万人以上", true, "new_urban_jobs");
        assert_eq!(
            (r.2, r.5.as_deref(), r.6.as_deref()),
            (Some(12.0), Some("万人"), Some("力争、以上"))
        );
        let r = one("粮食总产量稳定在650亿斤以上", true, "grain_output");
        assert_eq!((r.2, r.5.as_deref()), (Some(650.0), Some("亿斤")));
        let r = one("居民消费价格涨幅3%左右", true, "cpi");
        assert_eq!((r.1, r.2), (HeadlineKind::Level, Some(3.0)));
        let r = one("单位生产总值能耗下降3%", true, "energy_intensity");
        assert_eq!(r.2, Some(3.0), "the fall itself");
    }

    #[test]
    fn results_level_then_growth_and_the_pair_of_incomes() {
        let r = one("全省生产总值82553亿元，比上年增长6%", false, "gdp");
        assert_eq!((r.1, r.2), (HeadlineKind::Growth, Some(6.0)));
        let st = statements(
            "全区生产总值突破2000亿元，达2060亿元，增长12%",
            false,
            Some(2023),
            None,
        );
        assert_eq!(st[0].figure.level, Some((2060.0, "亿元".to_string())));
        assert_eq!(st[0].figure.value, Some(12.0));
        let v = read("城镇和农村居民人均可支配收入分别增长5.2%、7.3%", false);
        assert_eq!(v[0].0, "disposable_income_urban");
        assert_eq!(v[0].2, Some(5.2));
        assert_eq!(v[1].0, "disposable_income_rural");
        assert_eq!(v[1].2, Some(7.3));
        assert_eq!(one("居民消费价格下降0.3%", false, "cpi").2, Some(-0.3));
    }

    #[test]
    fn a_result_clause_with_goal_words_or_another_year_is_not_a_result() {
        assert!(read("力争地区生产总值增长8%", false).is_empty());
        assert!(read("生产总值年均增长8%", false).is_empty());
        assert!(
            read("2019年全省生产总值增长6%", false).is_empty(),
            "review year is 2024 here"
        );
        assert!(
            read("新区生产总值增长17.5%", false).is_empty(),
            "a part of the region"
        );
        assert!(read("人均生产总值增长5%", false).is_empty());
    }

    #[test]
    fn relative_targets_have_no_number_but_are_targets() {
        let v = read("一般公共预算收入、城乡居民收入与经济增长同步", true);
        assert_eq!(v.len(), 2, "{v:?}");
        assert_eq!(v[0].0, "fiscal_revenue");
        assert_eq!(v[0].1, HeadlineKind::Relative);
        assert_eq!(v[0].2, None);
        assert_eq!(v[1].0, "disposable_income");
        // not a result
        assert!(read("一般公共预算收入与经济增长同步", false).is_empty());
    }

    #[test]
    fn the_goal_marker_and_what_is_not_one() {
        let t = "今年经济社会发展的主要预期目标是：地区生产总值增长5.5%左右";
        let at = goal_marker(t, Some(2024)).unwrap();
        assert!(t.chars().skip(at).collect::<String>().starts_with("地区"));
        assert!(goal_marker("圆满完成了主要预期目标", Some(2024)).is_none());
        assert!(goal_marker("今后五年的主要目标是：", Some(2024)).is_none());
        assert!(goal_marker("2025年的主要目标是：", Some(2024)).is_none());
        assert!(goal_marker(
            "2024年是“十四五”规划的关键之年，主要预期目标为：",
            Some(2024)
        )
        .is_some());
    }

    /// A report of one section holding one sentence per paragraph.
    fn report(paragraphs: &[&str]) -> Report {
        let blocks = paragraphs
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let id = format!("r:s1:p{}", i + 1);
                Block::paragraph(&id, &[(&format!("{id}.1"), t)])
            })
            .collect();
        let mut r = Report::empty("r", "t");
        r.sections = vec![crate::model::Section::heading(
            "r:s1",
            1,
            "一、",
            "工作",
            blocks,
            vec![],
        )];
        r.plan_year = Some(2024);
        r.review_year = Some(2023);
        r
    }

    #[test]
    fn the_first_gdp_figure_is_last_years_result_not_the_target() {
        let r = report(&[
            "过去一年，全省生产总值增长6%，一般公共预算收入增长7%。",
            "今年经济社会发展的主要预期目标是：生产总值增长5.5%左右，一般公共预算收入与经济增长同步。",
        ]);
        let h = extract(&r);
        let gdp_a = h
            .iter()
            .find(|h| h.key == "gdp" && h.period == Period::Actual)
            .unwrap();
        assert_eq!((gdp_a.value, gdp_a.year), (Some(6.0), Some(2023)));
        let gdp_t = h
            .iter()
            .find(|h| h.key == "gdp" && h.period == Period::Target)
            .unwrap();
        assert_eq!((gdp_t.value, gdp_t.year), (Some(5.5), Some(2024)));
        let fis_t = h
            .iter()
            .find(|h| h.key == "fiscal_revenue" && h.period == Period::Target)
            .unwrap();
        assert_eq!(fis_t.kind, HeadlineKind::Relative);
    }

    #[test]
    fn a_year_without_a_gdp_target_says_so() {
        let r = report(&[
            "去年国内生产总值增长6.1%。",
            "今年发展主要目标是：城镇新增就业900万人以上，城镇调查失业率6%左右。",
            "需要说明的是，我们没有提出全年经济增速具体目标，主要因为不确定性很大。",
        ]);
        let h = extract(&r);
        let t = h
            .iter()
            .find(|h| h.key == "gdp" && h.period == Period::Target)
            .unwrap();
        assert_eq!(t.kind, HeadlineKind::NoNumber);
        assert_eq!(t.value, None);
        assert!(t.text.contains("没有提出"));
        assert!(h
            .iter()
            .any(|h| h.key == "new_urban_jobs" && h.value == Some(900.0)));
    }
}
