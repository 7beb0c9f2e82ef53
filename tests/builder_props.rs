//! Property tests of the builder on random report-like text: it never
//! panics, the model it makes validates, and every non-white-space source
//! char is accounted for (kept or removed, in order).

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use proptest::prelude::*;

fn piece() -> impl Strategy<Value = String> {
    let fixed: Vec<&'static str> = vec![
        "一、",
        "二、",
        "三、",
        "(一)",
        "(二)",
        "\u{FF08}三\u{FF09}",
        "1.",
        "2.",
        "3\u{FF0E}",
        "(1)",
        "(2)",
        "表1:",
        "表2\u{FF1A}",
        "注:",
        "附件1",
        "附件:",
        "名词解释",
        "。",
        ",",
        "\u{FF0C}",
        ";",
        ":",
        "!",
        "?",
        "……",
        "——",
        "“",
        "”",
        "《",
        "》",
        "(",
        ")",
        " ",
        "  ",
        "\n",
        "\n\n",
        "\r\n",
        "\u{3000}\u{3000}",
        "\t",
        "字号:",
        "分享:",
        "当前位置:首页 > 新闻",
        "下转 3版",
        "(上接第2版)",
        "**",
        "# ",
        "---",
        "2024-02-07",
        "来源:日报",
        "16715.2亿元",
        "4.8%",
        "-4.3%",
        "增长7%左右",
        "预期性",
        "约束性",
        "GDP",
        "We Start",
        "1.6万亿元",
        "关于",
        "报告",
        "经济运行稳步恢复",
        "全市生产总值",
        "片区",
        "主要情况",
        "序号",
        "指标",
        "完成数",
        "1",
        "2",
        "3",
        "18",
        "0",
    ];
    prop_oneof![
        3 => proptest::sample::select(fixed).prop_map(str::to_string),
        1 => "[\u{4e00}-\u{4e80}]{1,12}",
        1 => "[a-zA-Z0-9.%]{1,6}",
    ]
}

fn report_text() -> impl Strategy<Value = String> {
    proptest::collection::vec(piece(), 1..120).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn random_report_text_builds_validates_and_is_accounted_for(text in report_text()) {
        match baogao::builder::build_report(text.as_bytes(), "random.txt", None) {
            Ok(r) => {
                let src: Vec<char> = text.chars().collect();
                if let Err(e) = common::account(&r, &src) {
                    prop_assert!(false, "{e}\nsource: {text:?}");
                }
                let m = baogao::model::Model { schema_version: "1.0".into(), generator: "t".into(), reports: vec![r] };
                let problems = baogao::model::validate::validate(&m);
                prop_assert!(problems.is_empty(), "{problems:?}\nsource: {text:?}");
            }
            Err(e) => {
                // Only text with nothing left after cleaning may be refused.
                let msg = e.to_string();
                prop_assert!(msg.contains("empty") || msg.contains("no report text"), "{msg}");
            }
        }
    }
}
