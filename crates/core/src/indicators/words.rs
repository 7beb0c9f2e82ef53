//! The word lists the sentence rules use (docs/indicators.md explains each).
//! Generic Chinese report vocabulary only: nothing specific to one report.

/// Punctuation that ends a clause.
pub const CLAUSE_BREAKS: &[char] = &[
    ',', '\u{FF0C}', ';', '\u{FF1B}', '\u{3002}', ':', '\u{FF1A}', '!', '?', '\u{FF01}', '\u{FF1F}',
];

/// Separators that join list items ("…4000张、改建…3000张").
pub const LIST_SEPARATORS: &[&str] = &["、", "以及"];

/// Conjunctions that also join items when they follow a number directly.
pub const AND_WORDS: &[&str] = &["和", "及"];

/// Time and discourse words in front of a metric, not part of its name.
pub const LEAD_WORDS: &[&str] = &[
    "今年以来",
    "截至目前",
    "全年",
    "年末",
    "年底",
    "当年",
    "今年",
    "预计",
    "其中",
    "另外",
    "另",
    "同时",
    "此外",
    "目前",
    "并",
    "约",
    "近",
    "已",
    "力争",
    "确保",
];

/// Pure verbs in front of a metric ("完成…改造12万平方米").
pub const LEAD_VERBS: &[&str] = &[
    "完成",
    "实现",
    "推动",
    "推进",
    "帮助",
    "支持",
    "达到",
    "计划安排",
    "安排",
];

/// Two-char words ending in a qualifier char: "签约" is not 约 (about).
pub const NOT_QUALIFIER_WORDS: &[&str] = &[
    "签约", "预约", "制约", "节约", "合约", "公约", "条约", "履约", "特约", "集约", "最近", "临近",
    "附近", "赶超",
];

/// Words between a metric and its number that are not part of the name.
pub const LEVEL_TAIL_WORDS: &[&str] = &[
    "平均为",
    "增加到",
    "增加至",
    "提高到",
    "提高至",
    "降低到",
    "下降到",
    "上升到",
    "稳定在",
    "保持在",
    "控制在",
    "扩大至",
    "扩展至",
    "达到了",
    "不低于",
    "不少于",
    "不超过",
    "达到",
    "增至",
    "降至",
    "突破",
    "超过",
    "共计",
    "总计",
    "合计",
    "已达",
    "完成",
    "实现",
    "累计",
    "分别",
    "达",
    "为",
    "超",
    "逾",
    "约",
    "近",
    "已",
    "均",
    "共",
    "全年",
    "力争",
    "在",
];

/// Words before a number that bound it, with the qualifier they mean.
pub const PRE_QUALIFIERS: &[(&str, &str)] = &[
    ("不低于", "不低于"),
    ("不少于", "不少于"),
    ("不超过", "不超过"),
    ("控制在", "控制在"),
    ("超过", "超过"),
    ("突破", "突破"),
    ("超", "超过"),
    ("逾", "超过"),
    ("约", "约"),
    ("近", "近"),
];

/// Words right after a number that bound it.
pub const POST_QUALIFIERS: &[&str] = &["以上", "以内", "左右", "以下", "之内"];

/// Change verbs with the sign they give, longest first.
pub const CHANGE_VERBS: &[(&str, f64)] = &[
    ("增长", 1.0),
    ("下降", -1.0),
    ("上涨", 1.0),
    ("下跌", -1.0),
    ("提高", 1.0),
    ("降低", -1.0),
    ("减少", -1.0),
    ("增加", 1.0),
    ("回落", -1.0),
    ("上升", 1.0),
];

/// What a change is measured against ("比上年增长").
pub const CHANGE_PREFIXES: &[&str] = &[
    "比上年同期",
    "比上年",
    "比上一届",
    "比去年",
    "较去年",
    "同比",
];

/// A clause with these words states a goal.
pub const TARGET_WORDS: &[&str] = &["力争", "目标", "预期", "计划"];

/// A metric containing these is a comparison, a rank or a ratio, not a name.
pub const REJECT_PARTS: &[&str] = &[
    "高于", "低于", "快于", "慢于", "排名", "位居", "恢复", "相比", "年均", "的有", "分别", "最大",
    "最高", "最快", "最低",
];

/// Metric text that names nothing by itself; a total leans on the record before.
pub const GENERIC_TOTALS: &[&str] = &["总数", "总量", "累计", "总计"];

/// Generic nouns that are never a metric on their own.
pub const GENERIC_REJECT: &[&str] = &[
    "规模",
    "增速",
    "增幅",
    "比重",
    "占比",
    "金额",
    "总额",
    "数量",
    "面积",
    "余额",
    "投资",
    "总投资",
    "成交额",
    "成交量",
    "交易额",
    "收入",
    "投资总额",
    "总市值",
    "合计总市值",
    "贷款金额",
    "结算规模",
    "交易金额",
    "建设筹措",
];

/// A count in 条 after these verbs is a policy's name ("发布…20条"), not a quantity.
pub const POLICY_VERBS: &[&str] = &["发布", "出台", "制定", "印发"];

/// A metric starting with these completes the record before ("占全市比重").
pub const ANAPHORA_PREFIXES: &[&str] = &["占", "相当于"];

/// Prefixes saying what is counted (new, built, cumulative); a list item inherits them.
pub const NEW_PREFIXES: &[&str] = &[
    "新建改建",
    "改建",
    "改造",
    "新增",
    "新建",
    "新开工",
    "新认定",
    "新设",
    "新启动",
    "累计",
    "建成",
];

/// Longer text is a clause, not a metric name.
pub const MAX_METRIC_CHARS: usize = 26;
