//! The headline metric keys and the names reports print for them
//! (docs/indicators.md "Metric keys"), and finding those names in a clause.
//! Generic report vocabulary only: no region, year or report is named here.
//! The reading of the figure after a name lives in `headline`.

/// One printed name of a headline metric.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Name {
    pub text: &'static str,
    pub key: &'static str,
    /// Lower is preferred when one report prints several names of one key
    /// (一般公共预算收入 over 财政总收入, 调查失业率 over 登记失业率).
    pub rank: u8,
    /// Names only when a figure follows it directly ("经济增长7%左右"), never
    /// as a subject of a relative target.
    pub needs_figure: bool,
    /// A name covering the urban and the rural figure: with 分别 the two
    /// values go to `disposable_income_urban` and `_rural`.
    pub pair: bool,
}

const fn n(text: &'static str, key: &'static str, rank: u8) -> Name {
    Name {
        text,
        key,
        rank,
        needs_figure: false,
        pair: false,
    }
}

const fn fig(text: &'static str, key: &'static str, rank: u8) -> Name {
    Name {
        text,
        key,
        rank,
        needs_figure: true,
        pair: false,
    }
}

const fn pair(text: &'static str) -> Name {
    Name {
        text,
        key: "disposable_income",
        rank: 0,
        needs_figure: false,
        pair: true,
    }
}

/// The documented metric keys, in the order the ledger lists them.
pub const KEYS: &[&str] = &[
    "gdp",
    "fiscal_revenue",
    "fixed_asset_investment",
    "retail_sales",
    "foreign_trade",
    "cpi",
    "unemployment_rate",
    "new_urban_jobs",
    "disposable_income",
    "disposable_income_urban",
    "disposable_income_rural",
    "energy_intensity",
    "grain_output",
];

/// Every name, any order (matching takes the longest at a position).
pub const NAMES: &[Name] = &[
    n("地区生产总值", "gdp", 0),
    n("国内生产总值", "gdp", 0),
    n("生产总值", "gdp", 0),
    n("GDP", "gdp", 0),
    n("经济总量", "gdp", 1),
    fig("经济增长", "gdp", 1),
    fig("经济增速", "gdp", 1),
    n("一般公共预算收入", "fiscal_revenue", 0),
    n("公共财政预算收入", "fiscal_revenue", 0),
    n("财政一般预算收入", "fiscal_revenue", 0),
    n("一般预算收入", "fiscal_revenue", 0),
    n("地方级财政收入", "fiscal_revenue", 1),
    n("地方财政收入", "fiscal_revenue", 1),
    n("财政总收入", "fiscal_revenue", 2),
    n("财政收入", "fiscal_revenue", 2),
    n("全社会固定资产投资", "fixed_asset_investment", 0),
    n("固定资产投资", "fixed_asset_investment", 0),
    n("社会消费品零售总额", "retail_sales", 0),
    n("全社会消费品零售总额", "retail_sales", 0),
    n("社会消费品零售额", "retail_sales", 0),
    n("消费品零售总额", "retail_sales", 0),
    n("外贸进出口总额", "foreign_trade", 0),
    n("进出口总额", "foreign_trade", 0),
    n("进出口总值", "foreign_trade", 0),
    n("外贸进出口", "foreign_trade", 0),
    n("对外贸易总额", "foreign_trade", 0),
    n("进出口", "foreign_trade", 1),
    n("居民消费价格总水平", "cpi", 0),
    n("居民消费价格指数", "cpi", 0),
    n("居民消费价格", "cpi", 0),
    n("消费价格总水平", "cpi", 0),
    n("物价总水平", "cpi", 1),
    n("物价涨幅", "cpi", 1),
    n("CPI", "cpi", 0),
    n("城镇调查失业率", "unemployment_rate", 0),
    n("调查失业率", "unemployment_rate", 0),
    n("城镇登记失业率", "unemployment_rate", 1),
    n("登记失业率", "unemployment_rate", 1),
    n("城镇新增就业", "new_urban_jobs", 0),
    n("新增城镇就业", "new_urban_jobs", 0),
    n("城镇新增就业人数", "new_urban_jobs", 0),
    n("城镇新增就业岗位", "new_urban_jobs", 0),
    n("新增就业", "new_urban_jobs", 1),
    n("城镇居民人均可支配收入", "disposable_income_urban", 0),
    n("城镇常住居民人均可支配收入", "disposable_income_urban", 0),
    n("城市居民人均可支配收入", "disposable_income_urban", 0),
    n("城镇居民人均收入", "disposable_income_urban", 1),
    n("农村居民人均可支配收入", "disposable_income_rural", 0),
    n("农村常住居民人均可支配收入", "disposable_income_rural", 0),
    n("农民人均可支配收入", "disposable_income_rural", 0),
    n("农牧民人均可支配收入", "disposable_income_rural", 0),
    n("农村居民人均纯收入", "disposable_income_rural", 0),
    n("农民人均纯收入", "disposable_income_rural", 0),
    n("农牧民人均纯收入", "disposable_income_rural", 0),
    pair("城乡居民人均可支配收入"),
    pair("城镇和农村居民人均可支配收入"),
    pair("城乡居民收入"),
    pair("城乡常住居民人均可支配收入"),
    pair("城镇和农村常住居民人均可支配收入"),
    pair("城镇和农村居民收入"),
    pair("城乡居民人均收入"),
    n("居民人均可支配收入", "disposable_income", 0),
    n("全体居民人均可支配收入", "disposable_income", 0),
    n("粮食总产量", "grain_output", 0),
    n("粮食产量", "grain_output", 0),
];

/// Energy per unit of output: (单位|万元)(地区|国内)?(生产总值|GDP)(综合)?(能耗|能源消耗).
fn energy_name(chars: &[char], at: usize) -> Option<usize> {
    let s: String = chars[at..chars.len().min(at + 16)].iter().collect();
    let mut rest = s.as_str();
    let mut take = |opts: &[&str], optional: bool| -> Option<()> {
        for o in opts {
            if let Some(r) = rest.strip_prefix(o) {
                rest = r;
                return Some(());
            }
        }
        optional.then_some(())
    };
    take(&["单位", "万元"], false)?;
    take(&["地区", "国内"], true)?;
    take(&["生产总值", "GDP"], false)?;
    take(&["综合"], true)?;
    take(&["能耗", "能源消耗"], false)?;
    Some(s.chars().count() - rest.chars().count())
}

/// Text right before a name that makes it a part or a ratio of the metric,
/// not the metric ("人均生产总值", "民间固定资产投资", "占生产总值").
const NOT_AFTER: &[&str] = &[
    "人均",
    "单位",
    "万元",
    "每",
    "占",
    "民间",
    "工业",
    "制造业",
    "技改",
    "基础设施",
    "农业",
    "房地产",
    "外商",
    "出口",
    "进口",
    "税收",
    "非税",
];

/// Text right after a name that makes it another metric ("生产总值比重").
const NOT_BEFORE: &[&str] = &[
    "比重",
    "的比重",
    "能耗",
    "能源",
    "比例",
    "的比例",
    "之比",
    "中",
];

/// A name found in a clause: char range and what it names.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Found {
    pub start: usize,
    pub end: usize,
    pub name: Name,
}

/// Every headline name in `chars`, left to right, longest at a position.
pub fn find_names(chars: &[char]) -> Vec<Found> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if let Some(len) = energy_name(chars, i) {
            out.push(Found {
                start: i,
                end: i + len,
                name: Name {
                    text: "",
                    key: "energy_intensity",
                    rank: 0,
                    needs_figure: false,
                    pair: false,
                },
            });
            i += len;
            continue;
        }
        let best = NAMES
            .iter()
            .filter(|n| starts_with(chars, i, n.text))
            .max_by_key(|n| n.text.chars().count());
        let Some(name) = best else {
            i += 1;
            continue;
        };
        let len = name.text.chars().count();
        let before: String = chars[i.saturating_sub(4)..i].iter().collect();
        let after: String = chars[i + len..chars.len().min(i + len + 3)]
            .iter()
            .collect();
        let part = NOT_AFTER.iter().any(|w| before.ends_with(w))
            || NOT_BEFORE.iter().any(|w| after.starts_with(w));
        if !part {
            out.push(Found {
                start: i,
                end: i + len,
                name: *name,
            });
        }
        i += len;
    }
    out
}

fn starts_with(chars: &[char], at: usize, s: &str) -> bool {
    s.chars()
        .enumerate()
        .all(|(k, c)| chars.get(at + k) == Some(&c))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(s: &str) -> Vec<&'static str> {
        let c: Vec<char> = s.chars().collect();
        find_names(&c).iter().map(|f| f.name.key).collect()
    }

    #[test]
    fn names_and_their_parts() {
        assert_eq!(keys("地区生产总值增长5%"), ["gdp"]);
        assert_eq!(keys("人均生产总值增长5%"), Vec::<&str>::new());
        assert_eq!(keys("单位生产总值能耗下降3%"), ["energy_intensity"]);
        assert_eq!(keys("万元地区生产总值综合能耗下降3%"), ["energy_intensity"]);
        assert_eq!(keys("研发经费占生产总值比重2%"), Vec::<&str>::new());
        assert_eq!(keys("民间固定资产投资增长5%"), Vec::<&str>::new());
        assert_eq!(
            keys("一般公共预算收入、城乡居民收入与经济增长同步"),
            ["fiscal_revenue", "disposable_income", "gdp"]
        );
        assert_eq!(keys("城镇调查失业率5.5%左右"), ["unemployment_rate"]);
    }
}
