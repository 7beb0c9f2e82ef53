//! Tests of search on the bundled model (data/model.json): the issue's
//! examples, highlight ranges, jump targets, and incremental narrowing.

use std::sync::OnceLock;

use super::*;
use crate::model::Block;

fn model() -> &'static Model {
    static M: OnceLock<Model> = OnceLock::new();
    M.get_or_init(crate::plan_model)
}

fn index() -> &'static Index {
    static I: OnceLock<Index> = OnceLock::new();
    I.get_or_init(|| Index::new(model()))
}

fn all() -> SearchOptions {
    SearchOptions::default()
}

fn lit(h: &Hit) -> Vec<&str> {
    h.highlights.iter().map(|r| &h.text[r.clone()]).collect()
}

/// Rank of the first hit whose highlights include `want`.
fn rank_of(hits: &[Hit], want: &str) -> Option<usize> {
    hits.iter().position(|h| lit(h).contains(&want))
}

fn valid_highlights(h: &Hit) {
    let mut end = 0;
    assert!(!h.highlights.is_empty(), "{h:?}");
    for r in &h.highlights {
        assert!(
            r.start >= end && r.start < r.end && r.end <= h.text.len(),
            "{h:?}"
        );
        assert!(h.text.is_char_boundary(r.start) && h.text.is_char_boundary(r.end));
        end = r.end;
    }
}

/// The model text a location points at, if it exists.
fn resolve(loc: &Location) -> Option<String> {
    let r = model().reports.iter().find(|r| r.id == loc.report())?;
    match loc {
        Location::Section { section, .. } => r
            .all_sections()
            .into_iter()
            .find(|s| &s.id == section)
            .map(|s| s.heading.clone()),
        Location::Sentence {
            section, sentence, ..
        } => {
            let blocks = if section.is_empty() {
                &r.preamble
            } else {
                &r.all_sections()
                    .into_iter()
                    .find(|s| &s.id == section)?
                    .blocks
            };
            blocks.iter().find_map(|b| match b {
                Block::Paragraph(p) => p
                    .sentences
                    .iter()
                    .find(|s| &s.id == sentence)
                    .map(|s| s.text.clone()),
                Block::Table { .. } => None,
            })
        }
        Location::Table { table, .. } => r.table(table).map(|t| t.caption.clone()),
        Location::Cell {
            table, row, column, ..
        } => r.table(table)?.rows.get(*row)?.get(*column).cloned(),
    }
}

#[test]
fn the_bundled_model_has_items_of_every_kind() {
    let idx = index();
    assert!(idx.len() > 1000, "{}", idx.len());
    assert_eq!(idx.report_ids(), ["pudong-2024-plan", "shanghai-2024-plan"]);
}

#[test]
fn issue_examples() {
    let idx = index();
    for (q, want, within) in [
        ("sczz", "生产总值", 1),
        ("shengchanzongzhi", "生产总值", 1),
        ("jzx", "集装箱", 5),
        ("yinhang", "银行", 1),
        ("chongxin", "重新", 1),
        ("gdp", "GDP", 1),
        ("ＧＤＰ", "GDP", 1),
        ("shidaowaizi", "实到外资", 1),
    ] {
        let hits = idx.search(q, &all());
        let r = rank_of(&hits, want);
        assert!(r.is_some_and(|r| r < within), "{q}: {want} at {r:?}");
    }
}

#[test]
fn exact_figure_finds_the_container_share_sentence() {
    let hits = index().search("'90.4%", &all());
    let s = hits
        .iter()
        .find(|h| h.kind == HitKind::Sentence)
        .expect("a sentence");
    assert!(
        s.text.contains("集装箱吞吐量") && s.text.contains("占全市比重90.4%"),
        "{}",
        s.text
    );
    assert_eq!(lit(s), ["90.4%"]);
    assert_eq!(resolve(&s.location).as_deref(), Some(s.text.as_str()));
    // exact: 90.4 followed by % only, no gapped 9…0…4
    assert!(hits.iter().all(|h| h.text.contains("90.4%")));
}

#[test]
fn both_terms_are_needed() {
    let idx = index();
    let both = idx.search("集装箱 吞吐", &all());
    let one = idx.search("集装箱", &all());
    assert!(!both.is_empty() && both.len() < one.len());
    for h in &both {
        assert!(h.text.contains("集装箱"), "{}", h.text);
        // 吞吐 as a substring or gapped (吞…吐)
        let t = h.text.find('吞').expect("吞");
        assert!(h.text[t..].contains('吐'), "{}", h.text);
    }
    assert!(one.iter().any(|h| !h.text.contains('吞')));
}

#[test]
fn highlights_are_char_ranges_and_locations_resolve() {
    let idx = index();
    for q in [
        "sczz",
        "jzx",
        "集装箱 吞吐",
        "gdp",
        "全市 'GDP",
        "fzgg",
        "上海 !浦东",
        "^全年",
        "百分点。$",
        "预期性$",
    ] {
        let hits = idx.search(q, &all());
        assert!(!hits.is_empty(), "{q}");
        for h in &hits {
            valid_highlights(h);
            let target = resolve(&h.location).unwrap_or_else(|| panic!("{q}: {:?}", h.location));
            // the hit's text is (or contains) what the location points at;
            // an indicator points at the sentence or cell it was read from
            if h.kind != HitKind::Indicator {
                assert!(h.text.contains(target.trim()), "{q}: {} / {target}", h.text);
            }
        }
    }
}

#[test]
fn ranking_puts_headings_above_cells_above_sentences_within_a_class() {
    let hits = index().search("'增长", &all());
    let tiers: Vec<i64> = hits
        .iter()
        .map(|h| matcher::kind_tier(h.kind, h.text.chars().count()))
        .collect();
    assert!(tiers.windows(2).all(|w| w[0] >= w[1]), "{tiers:?}");
    assert!(tiers.contains(&2) && tiers.contains(&0));
}

#[test]
fn indicators_are_searchable_and_jump_to_their_source() {
    let hits = index().search("'实到外资", &all());
    let ind = hits
        .iter()
        .find(|h| h.kind == HitKind::Indicator)
        .expect("an indicator hit");
    assert!(ind.text.starts_with("实到外资"), "{}", ind.text);
    assert!(resolve(&ind.location).is_some_and(|t| t.contains("亿美元")));
}

#[test]
fn report_filter() {
    let opts = SearchOptions {
        report: Some("shanghai-2024-plan".into()),
        limit: 0,
    };
    let hits = index().search("集装箱", &opts);
    assert!(!hits.is_empty());
    assert!(hits
        .iter()
        .all(|h| h.location.report() == "shanghai-2024-plan"));
}

#[test]
fn typing_one_char_at_a_time_narrows_to_the_same_hits() {
    let idx = index();
    let opts = SearchOptions {
        report: None,
        limit: 20,
    };
    for typed in ["shengchanzongzhi", "jzx tt", "集装箱 吞吐量", "gdp !一季度"] {
        let mut session = Session::new();
        let mut q = String::new();
        for c in typed.chars() {
            q.push(c);
            let inc = session.search(idx, &q, &opts);
            let full = idx.search(&q, &opts);
            let a: Vec<_> = inc.iter().map(|h| (&h.location, h.score)).collect();
            let b: Vec<_> = full.iter().map(|h| (&h.location, h.score)).collect();
            assert_eq!(a, b, "{q}");
        }
    }
}

#[test]
fn snippets_fit_and_keep_the_match() {
    let idx = index();
    for h in idx.search("jzx", &all()) {
        for w in [20, 40, 78] {
            for amb in [
                crate::text::AmbiguousWidth::Narrow,
                crate::text::AmbiguousWidth::Wide,
            ] {
                let (s, hl) = snippet(&h, w, amb);
                assert!(crate::text::str_width(&s, amb) <= w, "{s}");
                assert_eq!(
                    hl.iter().map(|r| &s[r.clone()]).collect::<String>(),
                    lit(&h).concat()
                );
            }
        }
    }
}

/// Issue 10: `jzx` ranked figures that spell it across words (级中小 in
/// 中小企业特色产业集群, 筑小 in 海绵示范工程) above sentences with 集装箱.
#[test]
fn jzx_ranks_every_hit_with_the_word_first() {
    let hits = index().search("jzx", &all());
    let with: Vec<usize> = hits
        .iter()
        .enumerate()
        .filter(|(_, h)| lit(h).contains(&"集装箱"))
        .map(|(i, _)| i)
        .collect();
    assert!(with.len() >= 4, "{with:?}");
    assert_eq!(with, (0..with.len()).collect::<Vec<_>>(), "{with:?}");
    assert!(lit(&hits[0]).contains(&"集装箱"));
}

/// Issue 10: a figure hit carries its year and period for the result list.
#[test]
fn figure_hits_say_the_year_and_target_or_actual() {
    let hits = index().search("shidaowaizi", &all());
    let notes: Vec<&str> = hits
        .iter()
        .filter(|h| h.kind == HitKind::Indicator)
        .map(|h| h.note.as_str())
        .collect();
    assert!(notes.contains(&"2024 target"), "{notes:?}");
    assert!(notes.contains(&"2023 actual"), "{notes:?}");
    assert!(hits
        .iter()
        .filter(|h| h.kind != HitKind::Indicator)
        .all(|h| h.note.is_empty()));
}

/// Issue 10: `shidaowaizi` gave 9 cells of one row out of 10 hits; the cells
/// of a row are one hit now, the best cell with the count of the others.
#[test]
fn cells_of_one_row_are_one_hit() {
    let hits = index().search("shidaowaizi", &all());
    let mut rows: Vec<(String, usize)> = hits
        .iter()
        .filter_map(|h| match (&h.kind, &h.location) {
            (HitKind::Cell, Location::Cell { table, row, .. }) => Some((table.clone(), *row)),
            _ => None,
        })
        .collect();
    let n = rows.len();
    rows.sort();
    rows.dedup();
    assert_eq!(rows.len(), n, "one hit per row: {rows:?}");
    assert!(n >= 2, "{rows:?}");
    let t1 = hits
        .iter()
        .find(|h| {
            h.kind == HitKind::Cell
                && matches!(&h.location, Location::Cell { table, .. } if table.ends_with(":t1"))
        })
        .expect("a cell of 表1");
    // 表1's 实到外资 row: 指标类型, 完成数, 同比增长, 年度目标 all match
    assert_eq!(t1.more_in_row, 3, "{t1:?}");
    // the row's cells still narrow incrementally (matches keep every cell)
    let (_, m) = index().search_within(None, "shidaowaizi", &all());
    assert!(m.len() > hits.len());
}

/// Every field of every hit, to compare two indexes.
fn hit_fields(h: &Hit) -> String {
    format!(
        "{:?} {:?} {} | {} | {} | {:?} {} {} {}",
        h.kind,
        h.location,
        h.breadcrumb,
        h.full_breadcrumb,
        h.text,
        h.highlights,
        h.score,
        h.note,
        h.more_in_row
    )
}

#[test]
fn a_builder_fed_report_by_report_gives_the_same_index() {
    let m = model();
    let whole = index();
    // each report a fresh copy, dropped once added: the builder keeps nothing of it
    let mut b = IndexBuilder::new();
    for r in &m.reports {
        let copy: crate::model::Report =
            serde_json::from_str(&serde_json::to_string(r).unwrap()).unwrap();
        b.add_report(&copy);
    }
    let fed = b.finish();
    assert_eq!(fed.len(), whole.len());
    assert_eq!(fed.report_ids(), whole.report_ids());
    assert!(fed.item_texts().eq(whole.item_texts()));
    let report = Some(whole.report_ids()[1].clone());
    let mut n = 0;
    for q in [
        "集装箱吞吐量",
        "jzx",
        "sczz",
        "yinhang",
        "gdp",
        "'90.4%",
        "增长 !银行",
        "^全年",
        "@pudong zengzhang",
        "\u{FF27}\u{FF24}\u{FF30}",
        "zhibiao",
    ] {
        for opts in [
            all(),
            SearchOptions {
                report: report.clone(),
                limit: 20,
            },
        ] {
            let a: Vec<String> = whole.search(q, &opts).iter().map(hit_fields).collect();
            let b: Vec<String> = fed.search(q, &opts).iter().map(hit_fields).collect();
            assert_eq!(a, b, "{q}");
            n += a.len();
        }
    }
    assert!(n > 300, "{n}");
}
