//! Report metadata read from what the head held ([`Meta`]) and the text:
//! region, level, parent region, review and plan years, the kind of report,
//! and a short stable id (pinyin of the region + plan year).
//!
//! Every rule is about the genre's wording (在X第…届人民代表大会, X省长, 关于X
//! 2023年…); the only tables are facts of the administrative map (the four
//! municipalities are province-level) and of place-name readings.

use std::collections::HashMap;
use std::sync::LazyLock;

use pinyin::ToPinyin;
use regex::Regex;

use super::clean::Meta;
use super::head::OFFICES;
use crate::model::{Level, ReportKind};

/// A char of a place name: Han, but none of the function words that stand
/// next to one in running text (在浙江省, 中共江西省委, 我省).
const NAME: &str = r"[\p{Han}&&[^在与及的我全本该各对向是为了着共年月日]]";
/// The chars `NAME` leaves out.
const NOT_NAME: &str = "在与及的我全本该各对向是为了着共年月日";

/// Administrative suffixes, longest first.
const SUFFIX: &str = "特别行政区|自治区|自治州|自治县|自治旗|地区|新区|省|市|州|盟|区|县|旗";

static YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"((?:19|20)\d{2})\s*年").unwrap_or_else(|_| unreachable!()));
static CONGRESS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"([\p{Han}]{0,20}?)第?[一二三四五六七八九十\d]{1,4}届(全国)?(?:人民代表大会|人大)")
        .unwrap_or_else(|_| unreachable!())
});
static TITLE_REGIONS: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    [
        // 关于上海市2023年国民经济和社会发展计划…
        format!(r"关于\s*({NAME}{{2,12}}?(?:{SUFFIX}))\s*(?:19|20)\d{{2}}"),
        // 上海市2023年…, 沈阳市政府工作报告, 2008年长沙市人民政府工作报告
        format!(r"^(?:(?:19|20)\d{{2}}\s*年)?\s*({NAME}{{2,12}}?(?:{SUFFIX}))\s*(?:(?:19|20)\d{{2}}|(?:人民)?政府|国民经济|第[一二三四五六七八九十]+届)"),
        // 2023年江南省人民政府…
        format!(r"(?:19|20)\d{{2}}\s*年\s*({NAME}{{2,12}}?(?:{SUFFIX}))(?:人民)?政府"),
    ]
    .iter()
    .map(|p| Regex::new(p).unwrap_or_else(|_| unreachable!()))
    .collect()
});
static SPEAKER_REGION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^({NAME}{{2,12}}?(?:{SUFFIX}))(?:人民政府)?(?:代理|代)?(?:{OFFICES})"
    ))
    .unwrap_or_else(|_| unreachable!())
});
static ON_BEHALF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"我代表({NAME}{{2,12}}?(?:{SUFFIX}))人民政府"))
        .unwrap_or_else(|_| unreachable!())
});
/// "我代表省人民政府", "受市人民政府委托", "向省人民代表大会": the report's own level, unnamed.
static RELATIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:代表|受|向)(省|市|自治区|区|县|州)人民(?:政府|代表大会)")
        .unwrap_or_else(|_| unreachable!())
});
static COMPOUND: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^({NAME}{{2,8}}?(?:省|自治区|市))({NAME}{{2,10}}?(?:{SUFFIX}))$"
    ))
    .unwrap_or_else(|_| unreachable!())
});
static PARTY_COMMITTEE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"中共({NAME}{{2,9}}?(?:省|自治区|市))委"))
        .unwrap_or_else(|_| unreachable!())
});

/// The province-level municipalities (直辖市): a fact of the administrative map.
const MUNICIPALITIES: &[&str] = &["北京市", "天津市", "上海市", "重庆市"];

/// Names read otherwise than char by char (陕西 is spelt Shaanxi to tell it from 山西).
const READINGS: &[(&str, &str)] = &[
    ("陕西", "shaanxi"),
    ("六安", "luan"),
    ("乐山", "leshan"),
    ("乐清", "yueqing"),
    ("丽水", "lishui"),
];

/// Chars whose usual reading in place names differs from their most common
/// one (成都 du, 西藏 zang, 佛山 fo, 长沙 chang, 重庆 chong, 东莞 guan).
const PLACE_CHAR_READINGS: &[(char, &str)] = &[
    ('都', "du"),
    ('藏', "zang"),
    ('佛', "fo"),
    ('长', "chang"),
    ('重', "chong"),
    ('厦', "xia"),
    ('莞', "guan"),
    ('蚌', "beng"),
    ('朝', "chao"),
    ('亳', "bo"),
    ('番', "pan"),
    ('单', "shan"),
    ('解', "xie"),
    ('济', "ji"),
    ('会', "hui"),
];

/// Ethnic names that stand before 自治区/自治州 and are not part of the place name.
const PEOPLES: &[&str] = &[
    "维吾尔",
    "哈萨克",
    "柯尔克孜",
    "蒙古",
    "朝鲜",
    "土家",
    "布依",
    "哈尼",
    "傈僳",
    "纳西",
    "景颇",
    "壮",
    "回",
    "藏",
    "彝",
    "苗",
    "侗",
    "瑶",
    "白",
    "傣",
    "黎",
    "羌",
    "土",
    "畲",
    "水",
];

/// Everything read about a report beyond its title.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Facts {
    pub region: Option<String>,
    pub level: Option<Level>,
    pub parent: Option<String>,
    pub review_year: Option<u16>,
    pub plan_year: Option<u16>,
    pub kind: Option<ReportKind>,
    /// Where the region was read from (for warnings and tests).
    pub region_from: &'static str,
    /// The years were guessed from the years the text names most.
    pub years_from_text: bool,
}

/// Is `r` a region name (ends with an admin suffix, no office or assembly words)?
fn valid_region(r: &str) -> bool {
    let n = r.chars().count();
    // Ends with an admin suffix, and something stands before it.
    let Some(core) = SUFFIX.split('|').find_map(|x| r.strip_suffix(x)) else {
        return false;
    };
    core.chars().count() >= 2
        && n <= 14
        && ![
            "政府",
            "人民",
            "代表",
            "会议",
            "工作",
            "国务院",
            "委员",
            "报告",
            "常委",
        ]
        .iter()
        .any(|w| r.contains(w))
        && !r.starts_with(['本', '全', '我', '该', '各', '市', '省', '区', '县', '在'])
}

/// The region named by a congress ("在浙江省第十四届人民代表大会"), or 全国.
fn congress_region(text: &str, national: bool) -> Option<String> {
    for c in CONGRESS.captures_iter(text) {
        if c.get(2).is_some() {
            if national {
                return Some("全国".into());
            }
            continue;
        }
        let whole = c.get(0).map(|m| m.as_str()).unwrap_or("");
        let pre = c.get(1).map(|m| m.as_str()).unwrap_or("");
        // "日在浙江省", "日上海市": keep what follows the last 在/日/于.
        let cut = pre
            .char_indices()
            .rev()
            .find(|(_, ch)| matches!(ch, '在' | '日' | '于' | '午'))
            .map(|(i, ch)| i + ch.len_utf8());
        // "完成市十二届人大…": without 第, only a name after a date or 在 counts.
        if cut.is_none() && !whole[pre.len()..].starts_with('第') && !pre.is_empty() {
            continue;
        }
        let r = &pre[cut.unwrap_or(0)..];
        // Only name chars: "较好完成了省第十二届人大" names no place.
        let r = match r
            .char_indices()
            .rev()
            .find(|(_, ch)| NOT_NAME.contains(*ch))
        {
            Some((i, ch)) => &r[i + ch.len_utf8()..],
            None => r,
        };
        if valid_region(r) {
            return Some(r.to_string());
        }
    }
    None
}

fn title_region(title: &str) -> Option<String> {
    let t: String = crate::text::fold::fold_width_str(title)
        .chars()
        .filter(|c| !super::stream::is_space(*c))
        .collect();
    TITLE_REGIONS.iter().find_map(|re| {
        re.captures(&t)
            .and_then(|c| c.get(1))
            .map(|m| m.as_str().to_string())
            .filter(|r| valid_region(r))
    })
}

fn speaker_region(line: &str) -> Option<String> {
    if line.starts_with("国务院") {
        return Some("全国".into());
    }
    SPEAKER_REGION
        .captures(line)
        .and_then(|c| c.get(1))
        .map(|m| m.as_str().to_string())
        .filter(|r| valid_region(r))
}

/// Is this a plan report (国民经济和社会发展计划执行情况…计划草案的报告)?
pub fn kind(title: &str) -> ReportKind {
    if title.contains("政府工作报告") {
        ReportKind::Work
    } else if title.contains("计划执行情况")
        || title.contains("计划草案")
        || (title.contains("国民经济") && title.contains("计划"))
    {
        ReportKind::Plan
    } else {
        ReportKind::Other
    }
}

/// Read region, level, parent, years and kind.
///
/// `text` is the whole decoded source (removed pieces included: a photo
/// caption or a 决议 before the report can name the congress).
pub fn read(meta: &Meta, title: &str, text: &str) -> Facts {
    let mut f = Facts {
        kind: Some(kind(title)),
        ..Facts::default()
    };
    let head: String = text.chars().take(4000).collect();
    let head_flat = crate::text::fold::fold_width_str(
        &head
            .chars()
            .filter(|c| !super::stream::is_space(*c))
            .collect::<String>(),
    );
    let candidates: [(&'static str, Option<String>); 6] = [
        (
            "dateline",
            meta.dateline
                .as_deref()
                .and_then(|d| congress_region(d, true)),
        ),
        ("title", title_region(title)),
        (
            "speaker",
            meta.speaker_line.as_deref().and_then(speaker_region),
        ),
        (
            "front matter",
            meta.fm_title.as_deref().and_then(title_region),
        ),
        ("text", congress_region(&head_flat, false)),
        (
            "text",
            ON_BEHALF
                .captures(&head_flat)
                .and_then(|c| c.get(1))
                .map(|m| m.as_str().to_string())
                .filter(|r| valid_region(r)),
        ),
    ];
    for (from, r) in candidates {
        if let Some(r) = r {
            f.region = Some(r);
            f.region_from = from;
            break;
        }
    }
    if f.region.is_none() {
        if let Some(r) = named_in_text(&head_flat, text) {
            f.region = Some(r);
            f.region_from = "text";
        }
    }
    if f.region.is_none() {
        if let Some(r) = meta
            .fm_source
            .as_deref()
            .and_then(|u| named_by_address(u, &head_flat, text))
        {
            f.region = Some(r);
            f.region_from = "source address";
        }
    }
    if f.region.is_none() {
        if let Some(r) = named_bare(title, &head_flat) {
            f.region = Some(r);
            f.region_from = "text";
        }
    }
    if f.region.is_none()
        && (title.starts_with("国民经济和社会发展")
            || head_flat.contains("国务院总理")
            || head_flat.contains("代表国务院"))
    {
        f.region = Some("全国".into());
        f.region_from = "text";
    }
    if let Some(r) = f.region.clone() {
        if let Some(c) = COMPOUND.captures(&r) {
            // "浙江省杭州市": the parent is printed with the region.
            if let (Some(p), Some(x)) = (c.get(1), c.get(2)) {
                if valid_region(p.as_str()) && valid_region(x.as_str()) {
                    f.parent = Some(p.as_str().to_string());
                    f.region = Some(x.as_str().to_string());
                }
            }
        }
    }
    f.level = f.region.as_deref().map(level);
    if f.parent.is_none() {
        f.parent = parent(f.region.as_deref(), f.level, text);
    }
    let (review, plan) = match years(title, meta) {
        (None, None) => {
            f.years_from_text = true;
            years_named_most(text)
        }
        ys => ys,
    };
    f.review_year = review;
    f.plan_year = plan;
    f
}

/// A report that calls itself only "省人民政府" or "市人民政府": the region of
/// that kind whose party committee the text names most often (中共江西省委).
fn named_in_text(head_flat: &str, text: &str) -> Option<String> {
    let suffix = RELATIVE.captures(head_flat)?.get(1)?.as_str().to_string();
    let re = Regex::new(&format!(r"中共({NAME}{{2,9}}?{suffix})委")).ok()?;
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for c in re.captures_iter(text) {
        if let Some(m) = c.get(1).filter(|m| valid_region(m.as_str())) {
            *counts.entry(m.as_str()).or_default() += 1;
        }
    }
    let mut best: Vec<(&str, usize)> = counts.into_iter().collect();
    best.sort_by(|a, b| {
        b.1.cmp(&a.1)
            .then(b.0.chars().count().cmp(&a.0.chars().count()))
            .then(a.0.cmp(b.0))
    });
    best.first().map(|(n, _)| n.to_string())
}

/// A report that calls itself "市人民政府" and names its place in the title
/// without the suffix ("长春政府工作报告"). (Guessing a bare name from the
/// body's most frequent words was tried and named 加快市, 开展自治区: no.)
fn named_bare(title: &str, head_flat: &str) -> Option<String> {
    let suffix = RELATIVE.captures(head_flat)?.get(1)?.as_str().to_string();
    let t = crate::text::fold::fold_width_str(title);
    if let Some(core) = t
        .strip_suffix("政府工作报告")
        .map(|c| c.strip_suffix("人民").unwrap_or(c))
        .map(|c| c.trim_start_matches(|ch: char| ch.is_ascii_digit() || ch == '年'))
    {
        let r = format!("{core}{suffix}");
        if Regex::new(&format!("^{NAME}{{2,4}}$")).is_ok_and(|re| re.is_match(core))
            && valid_region(&r)
        {
            return Some(r);
        }
    }
    None
}

/// The page's address spells the place in pinyin (`henan.gov.cn`,
/// `www.ningbo.gov.cn`): the 2–4 chars of the text that read so, named most
/// often, with the suffix the report calls itself by (省人民政府 → 省).
fn named_by_address(url: &str, head_flat: &str, text: &str) -> Option<String> {
    let suffix = RELATIVE.captures(head_flat)?.get(1)?.as_str().to_string();
    let host = url.split("://").nth(1).unwrap_or(url).split('/').next()?;
    let labels: Vec<&str> = host
        .split('.')
        .filter(|l| l.len() >= 4 && !matches!(*l, "www" | "gov" | "com" | "net" | "org"))
        .collect();
    let cs: Vec<(char, String)> = text
        .chars()
        .map(|c| {
            (
                c,
                c.to_pinyin()
                    .map(|p| p.plain().to_string())
                    .unwrap_or_default(),
            )
        })
        .collect();
    let mut counts: HashMap<String, usize> = HashMap::new();
    for i in 0..cs.len() {
        for n in 2..=4 {
            let Some(w) = cs.get(i..i + n) else { break };
            if w.iter().any(|(_, p)| p.is_empty()) {
                break;
            }
            let name: String = w.iter().map(|(c, _)| *c).collect();
            if labels.iter().any(|l| *l == place_pinyin(&name)) {
                *counts.entry(name).or_default() += 1;
            }
        }
    }
    let (name, n) = counts
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))?;
    (n >= 3)
        .then(|| format!("{name}{suffix}"))
        .filter(|r| valid_region(r))
}

/// The level of government a region name denotes.
pub fn level(region: &str) -> Level {
    if region == "全国" {
        Level::National
    } else if region.ends_with('省')
        || region.ends_with("自治区")
        || region.ends_with("特别行政区")
        || MUNICIPALITIES.contains(&region)
    {
        Level::Province
    } else if region.ends_with('市')
        || region.ends_with('州')
        || region.ends_with('盟')
        || region.ends_with("地区")
    {
        Level::City
    } else if region.ends_with('区') {
        Level::District
    } else {
        Level::County
    }
}

/// The region one level up, where the text names its party committee
/// (中共浙江省委 in a city's report, 市委 with a name in a district's).
fn parent(region: Option<&str>, level: Option<Level>, text: &str) -> Option<String> {
    let region = region?;
    let want_province = match level? {
        Level::City => true,
        Level::District | Level::County => false,
        Level::National | Level::Province => return None,
    };
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for c in PARTY_COMMITTEE.captures_iter(text) {
        let Some(m) = c.get(1) else { continue };
        let name = m.as_str();
        let is_province =
            name.ends_with('省') || name.ends_with("自治区") || MUNICIPALITIES.contains(&name);
        if name != region && valid_region(name) && is_province == want_province {
            *counts.entry(name).or_default() += 1;
        }
    }
    let mut best: Vec<(&str, usize)> = counts.into_iter().collect();
    best.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    // The parent is a place the text also names outside the committee's
    // name (a historical committee, 中共满洲省委, is no parent).
    best.into_iter()
        .find(|(n, k)| text.matches(n).count() > *k)
        .map(|(n, _)| n.to_string())
}

/// Review and plan years.
///
/// A plan report's title names both ("2023年…执行情况与2024年…计划草案").
/// Otherwise the date the report was delivered decides (a report delivered
/// in November or December plans the year after), then a year in the title,
/// then the front matter's title, then a page date.
pub fn years(title: &str, meta: &Meta) -> (Option<u16>, Option<u16>) {
    let title = crate::text::fold::fold_width_str(&super::clean::cn_numerals_to_digits(title));
    let title = title.as_str();
    let title_years: Vec<u16> = YEAR
        .captures_iter(title)
        .filter_map(|c| c.get(1)?.as_str().parse().ok())
        .collect();
    match title_years.as_slice() {
        [a, b, ..] if a != b => return (Some(*a.min(b)), Some(*a.max(b))),
        [y, ..] if title.contains("执行情况") => return (Some(*y), Some(y + 1)),
        _ => {}
    }
    let from_date = |d: &str| -> Option<(u16, u16)> {
        let y: u16 = d.get(..4)?.parse().ok()?;
        let m: u16 = d.get(5..7)?.parse().ok()?;
        Some(if m >= 11 { (y, y + 1) } else { (y - 1, y) })
    };
    if let Some((r, p)) = meta.delivered.as_deref().and_then(from_date) {
        return (Some(r), Some(p));
    }
    if let Some(y) = title_years.first() {
        return (Some(y - 1), Some(*y));
    }
    if let Some(y) = meta.fm_title.as_deref().and_then(|t| {
        YEAR.captures(&crate::text::fold::fold_width_str(t))
            .and_then(|c| c.get(1)?.as_str().parse::<u16>().ok())
    }) {
        return (Some(y - 1), Some(y));
    }
    match meta.published.as_deref().and_then(from_date) {
        Some((r, p)) => (Some(r), Some(p)),
        None => (None, None),
    }
}

/// A report that prints no date: it opens by reviewing the year before, so
/// the year its first pages name most is the review year.
fn years_named_most(text: &str) -> (Option<u16>, Option<u16>) {
    static PLAN: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"((?:19|20)\d{2})年(?:工作的?|的)?(?:主要任务|工作安排|工作任务|总体要求|主要目标|预期目标|工作的总体要求)")
            .unwrap_or_else(|_| unreachable!())
    });
    static REVIEW: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"((?:19|20)\d{2})年(?:工作的?|政府工作)?回顾|回顾((?:19|20)\d{2})年")
            .unwrap_or_else(|_| unreachable!())
    });
    let digits = crate::text::fold::fold_width_str(&super::clean::cn_numerals_to_digits(text));
    let year_of = |c: regex::Captures| -> Option<u16> {
        c.get(1).or_else(|| c.get(2))?.as_str().parse().ok()
    };
    if let Some(y) = PLAN.captures(&digits).and_then(year_of) {
        return (Some(y - 1), Some(y));
    }
    if let Some(y) = REVIEW.captures(&digits).and_then(year_of) {
        return (Some(y), Some(y + 1));
    }
    let head: String = text.chars().take(6000).collect();
    let mut counts: HashMap<u16, usize> = HashMap::new();
    for c in YEAR.captures_iter(&crate::text::fold::fold_width_str(
        &super::clean::cn_numerals_to_digits(&head),
    )) {
        if let Some(y) = c.get(1).and_then(|m| m.as_str().parse::<u16>().ok()) {
            *counts.entry(y).or_default() += 1;
        }
    }
    let best = counts
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(a.0.cmp(&b.0)))
        .map(|(y, _)| y);
    (best, best.map(|y| y + 1))
}

/// The place name without its admin suffix or the people of an autonomous
/// region: 浙江省 → 浙江, 广西壮族自治区 → 广西, 浦东新区 → 浦东.
pub fn core_name(region: &str) -> &str {
    let mut core = [
        "特别行政区",
        "自治区",
        "自治州",
        "自治县",
        "自治旗",
        "新区",
        "地区",
        "省",
        "市",
        "区",
        "县",
        "州",
        "盟",
        "旗",
    ]
    .iter()
    .find_map(|s| region.strip_suffix(s).filter(|c| c.chars().count() >= 2))
    .unwrap_or(region);
    if region.contains("自治") {
        let c = core.strip_suffix('族').unwrap_or(core);
        if let Some(p) = PEOPLES
            .iter()
            .find_map(|p| c.strip_suffix(p).filter(|x| x.chars().count() >= 2))
        {
            core = p;
        }
    }
    core
}

/// The pinyin of a place name, as its official romanisation spells it.
pub fn place_pinyin(core: &str) -> String {
    let mut out = String::new();
    let mut rest = core;
    while !rest.is_empty() {
        if let Some((name, py)) = READINGS.iter().find(|(n, _)| rest.starts_with(n)) {
            out.push_str(py);
            rest = &rest[name.len()..];
            continue;
        }
        let mut cs = rest.chars();
        let Some(c) = cs.next() else { break };
        if let Some((_, py)) = PLACE_CHAR_READINGS.iter().find(|(ch, _)| *ch == c) {
            out.push_str(py);
            rest = cs.as_str();
            continue;
        }
        match c.to_pinyin() {
            Some(p) => out.push_str(p.plain()),
            None if c.is_ascii_alphanumeric() => out.push(c.to_ascii_lowercase()),
            None => {}
        }
        rest = cs.as_str();
    }
    out
}

/// `zhejiang-2024`, `shanghai-2024-plan`, `china-2026`: the region's pinyin,
/// the plan year, and `-plan` for a plan report. Falls back to the file name.
pub fn report_id(
    region: Option<&str>,
    plan_year: Option<u16>,
    kind: Option<ReportKind>,
    file_name: &str,
) -> String {
    let name = region.map(|r| {
        if r == "全国" {
            "china".to_string()
        } else {
            place_pinyin(core_name(r))
        }
    });
    let name = match name {
        Some(n) if !n.is_empty() => n,
        _ => slug(file_name),
    };
    let mut id = match plan_year {
        Some(y) if !name.ends_with(&y.to_string()) => format!("{name}-{y}"),
        _ => name,
    };
    if kind == Some(ReportKind::Plan) {
        id.push_str("-plan");
    }
    id
}

/// A file name as an id: ASCII letters and digits, dashes between.
fn slug(file_name: &str) -> String {
    let stem = file_name
        .rsplit_once('.')
        .map(|(s, _)| s)
        .unwrap_or(file_name);
    let s: String = stem
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let s = s
        .split('-')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    if s.is_empty() {
        "report".into()
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta_with(dateline: Option<&str>, speaker: Option<&str>) -> Meta {
        Meta {
            dateline: dateline.map(String::from),
            delivered: dateline.and_then(super::super::clean::parse_date),
            speaker_line: speaker.map(String::from),
            ..Meta::default()
        }
    }

    #[test]
    fn plan_report_titles() {
        let t = "关于浦东新区2023年国民经济和社会发展计划执行情况与2024年国民经济和社会发展计划草案的报告";
        let f = read(&Meta::default(), t, "");
        assert_eq!(f.region.as_deref(), Some("浦东新区"));
        assert_eq!(f.level, Some(Level::District));
        assert_eq!((f.review_year, f.plan_year), (Some(2023), Some(2024)));
        assert_eq!(f.kind, Some(ReportKind::Plan));
        assert_eq!(
            report_id(f.region.as_deref(), f.plan_year, f.kind, "x.txt"),
            "pudong-2024-plan"
        );
    }

    #[test]
    fn work_report_from_dateline_and_speaker() {
        let m = meta_with(
            Some("2024年1月23日在浙江省第十四届人民代表大会第二次会议上"),
            Some("浙江省省长刘捷"),
        );
        let f = read(&m, "政府工作报告", "");
        assert_eq!(f.region.as_deref(), Some("浙江省"));
        assert_eq!(f.region_from, "dateline");
        assert_eq!(f.level, Some(Level::Province));
        assert_eq!((f.review_year, f.plan_year), (Some(2023), Some(2024)));
        assert_eq!(
            report_id(f.region.as_deref(), f.plan_year, f.kind, "x"),
            "zhejiang-2024"
        );
        // Only the speaker names the region.
        let f = read(
            &meta_with(None, Some("东莞市人民政府市长梁维东")),
            "政府工作报告",
            "",
        );
        assert_eq!(f.region.as_deref(), Some("东莞市"));
        assert_eq!(f.level, Some(Level::City));
        // The relative office names none.
        let f = read(
            &meta_with(None, Some("省人民政府省长阮成发")),
            "政府工作报告",
            "",
        );
        assert_eq!(f.region, None);
    }

    #[test]
    fn national_reports() {
        let m = meta_with(
            Some("1980年8月30日在第五届全国人民代表大会第三次会议上"),
            None,
        );
        let f = read(&m, "1980年政府工作报告", "");
        assert_eq!(f.region.as_deref(), Some("全国"));
        assert_eq!(f.level, Some(Level::National));
        assert_eq!(
            report_id(f.region.as_deref(), f.plan_year, f.kind, "x"),
            "china-1980"
        );
        let f = read(
            &meta_with(None, Some("国务院总理朱镕基")),
            "政府工作报告",
            "",
        );
        assert_eq!(f.region.as_deref(), Some("全国"));
    }

    #[test]
    fn december_reports_plan_the_year_after() {
        let m = meta_with(
            Some("2021年12月28日在某某市第九届人民代表大会第二次会议上"),
            None,
        );
        let f = read(&m, "政府工作报告", "");
        assert_eq!((f.review_year, f.plan_year), (Some(2021), Some(2022)));
        assert_eq!(f.region.as_deref(), Some("某某市"));
    }

    #[test]
    fn chinese_numeral_dates_and_title_years() {
        let m = meta_with(
            Some("二〇二四年一月二十三日在某某省第十四届人民代表大会第二次会议上"),
            None,
        );
        assert_eq!(years("政府工作报告", &m), (Some(2023), Some(2024)));
        assert_eq!(
            years("2026年某某省政府工作报告", &Meta::default()),
            (Some(2025), Some(2026))
        );
        let fm = Meta {
            fm_title: Some("2019年政府工作报告".into()),
            ..Meta::default()
        };
        assert_eq!(years("政府工作报告", &fm), (Some(2018), Some(2019)));
    }

    #[test]
    fn title_regions() {
        assert_eq!(
            title_region("2008年长沙市人民政府工作报告").as_deref(),
            Some("长沙市")
        );
        assert_eq!(
            title_region("沈阳市政府工作报告").as_deref(),
            Some("沈阳市")
        );
        assert_eq!(
            title_region("吉林省2006年政府工作报告").as_deref(),
            Some("吉林省")
        );
        assert_eq!(title_region("政府工作报告"), None);
        assert_eq!(title_region("市政府工作报告"), None);
    }

    #[test]
    fn ids_and_readings() {
        assert_eq!(place_pinyin(core_name("山西省")), "shanxi");
        assert_eq!(place_pinyin(core_name("陕西省")), "shaanxi");
        assert_eq!(place_pinyin(core_name("广西壮族自治区")), "guangxi");
        assert_eq!(place_pinyin(core_name("新疆维吾尔自治区")), "xinjiang");
        assert_eq!(place_pinyin(core_name("内蒙古自治区")), "neimenggu");
        assert_eq!(place_pinyin(core_name("宁夏回族自治区")), "ningxia");
        assert_eq!(place_pinyin(core_name("重庆市")), "chongqing");
        assert_eq!(place_pinyin(core_name("浦东新区")), "pudong");
        assert_eq!(place_pinyin(core_name("成都市")), "chengdu");
        assert_eq!(place_pinyin(core_name("西藏自治区")), "xizang");
        assert_eq!(place_pinyin(core_name("佛山市")), "foshan");
        assert_eq!(place_pinyin(core_name("六盘水市")), "liupanshui");
        assert_eq!(
            report_id(None, None, None, "My Report (final).txt"),
            "my-report-final"
        );
    }

    #[test]
    fn a_place_named_without_its_suffix() {
        let head = "现在,我代表市人民政府向大会报告工作";
        assert_eq!(
            named_bare("长风政府工作报告", head).as_deref(),
            Some("长风市")
        );
        let head = "我代表省人民政府向大会作报告";
        // A title that names no place names none (the body is not guessed from).
        assert_eq!(named_bare("政府工作报告", head), None);
    }

    #[test]
    fn parents_from_party_committees() {
        // "落实市委" names no committee: only 中共X委 does.
        assert_eq!(
            parent(
                Some("浦东新区"),
                Some(Level::District),
                "制定出台落实市委部署"
            ),
            None
        );
        let text = "在中共浙江省委的坚强领导下,全市……省委、省政府……中共浙江省委,浙江省";
        assert_eq!(
            parent(
                Some("杭州市"),
                Some(Level::City),
                "在中共浙江省委的坚强领导下"
            ),
            None
        );
        assert_eq!(
            parent(Some("杭州市"), Some(Level::City), text).as_deref(),
            Some("浙江省")
        );
        assert_eq!(parent(Some("浙江省"), Some(Level::Province), text), None);
    }
}
