//! Property tests of the explorer's views (issue 16): any model that passes
//! validation draws without panic at any size, from 1x1 to 300x100, after
//! random actions. The models are built from random report-like text (the
//! builder's, so also valid), or are the test models broken by the
//! structured fuzz target's mutations (kept when they still validate). The
//! driving is `baogao::fuzzing::explore`, the structured fuzz target's.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use baogao::fuzzing::{explore, model_of_text, mutated, Src};
use proptest::prelude::*;

/// Report-like text: headings, sentences, numbers, tables and hostile chars.
fn text() -> impl Strategy<Value = String> {
    let pieces: Vec<&'static str> = vec![
        "一、",
        "二、",
        "(一)",
        "(二)",
        "1.",
        "2.",
        "表1:",
        "注:",
        "附件1",
        "。",
        ",",
        ";",
        "\n",
        "\n\n",
        "\t",
        " ",
        "\u{3000}",
        "增长7%左右",
        "16715.2亿元",
        "全市生产总值",
        "序号\t指标\t完成数\n1\t工业\t3.5\n",
        "经济运行稳步恢复",
        "(上接第2版)",
        "\u{1b}[31m",
        "\u{202e}",
        "\u{200b}",
        "\u{1f600}",
        "e\u{301}",
        "ＡＢＣ",
        "很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长",
    ];
    prop::collection::vec(prop::sample::select(pieces), 1..120).prop_map(|v| v.concat())
}

fn size() -> impl Strategy<Value = (u16, u16)> {
    prop_oneof![
        (1u16..=300, 1u16..=100),
        (1u16..=4, 1u16..=4),
        (290u16..=300, 90u16..=100),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn a_built_model_draws_at_any_size(
        t in text(),
        (w, h) in size(),
        lazy in any::<bool>(),
        actions in prop::collection::vec(any::<u8>(), 0..80),
    ) {
        if let Some(m) = model_of_text(&t) {
            prop_assert!(baogao::model::validate::validate(&m).is_empty());
            explore(&m, &mut Src::new(&actions), (w, h), lazy);
        }
    }

    #[test]
    fn a_mutated_model_that_validates_draws_at_any_size(
        bytes in prop::collection::vec(any::<u8>(), 0..64),
        (w, h) in size(),
        lazy in any::<bool>(),
        actions in prop::collection::vec(any::<u8>(), 0..80),
    ) {
        if let Some(m) = mutated(&mut Src::new(&bytes)) {
            explore(&m, &mut Src::new(&actions), (w, h), lazy);
        }
    }
}
