//! Tests of the index on small synthetic models (the bundled-model tests live
//! in `tests_bundled`).

use super::*;
use crate::model::{Block, Report, Section, Table};
use matcher::Class;

fn report(id: &str, preamble: Vec<Block>, sections: Vec<Section>, tables: Vec<Table>) -> Report {
    Report {
        preamble,
        sections,
        tables,
        ..Report::empty(id, &format!("{id} 报告"))
    }
}

fn table() -> Table {
    Table {
        section: "pd:s1".into(),
        ..Table::grid(
            "pd:t1",
            "1",
            "主要经济社会指标完成情况",
            &["序号", "指标", "完成数", "同比增长"],
            &[
                &["1", "地区生产总值", "16715.2亿元", "4.8%"],
                &["2", "实到外资", "103.4亿美元", "——"],
            ],
        )
    }
}

fn model() -> Model {
    let pd = report(
        "pd",
        vec![Block::paragraph(
            "pd:p0",
            &[("pd:p0.s1", "各位代表:现在我作报告。")],
        )],
        vec![Section::heading(
            "pd:s1",
            1,
            "一、",
            "2023年国民经济和社会发展计划执行情况",
            vec![Block::paragraph(
                "pd:s1.p1",
                &[
                    ("pd:s1.p1.s1", "全年地区生产总值达到16715亿元,增长4.8%。"),
                    ("pd:s1.p1.s2", "一季度以3.1%的GDP速度平稳开局。"),
                    (
                        "pd:s1.p1.s3",
                        "全年港口集装箱吞吐量4444.8万标准箱,占全市比重90.4%。",
                    ),
                    ("pd:s1.p1.s4", "以约旦阿拉伯银行等为代表的银行设立分行。"),
                    ("pd:s1.p1.s5", "上海千古情景区重新开放。"),
                    ("pd:s1.p1.s6", "集装箱码头建设正在加快。"),
                    ("pd:s1.p1.s7", "机场货邮吞吐量344.0万吨。"),
                ],
            )],
            vec![Section::heading(
                "pd:s1.1",
                2,
                "(一)",
                "港口集装箱业务",
                vec![Block::paragraph(
                    "pd:s1.1.p1",
                    &[("pd:s1.1.p1.s1", "集装箱运输稳步发展。")],
                )],
                vec![],
            )],
        )],
        vec![table()],
    );
    let sh = report(
        "sh",
        vec![],
        vec![Section::heading(
            "sh:s1",
            1,
            "一、",
            "主要工作",
            vec![Block::paragraph(
                "sh:s1.p1",
                &[("sh:s1.p1.s1", "全市生产总值增长5%左右。")],
            )],
            vec![],
        )],
        vec![],
    );
    Model {
        schema_version: "1.0".into(),
        generator: "test".into(),
        reports: vec![pd, sh],
    }
}

/// The long level-1 heading as a breadcrumb shows it: cut to 24 columns.
fn crumb_s1() -> String {
    let full = "一、2023年国民经济和社会发展计划执行情况";
    let cut = crate::text::truncate(full, 24, crate::text::AmbiguousWidth::Narrow);
    assert!(cut.len() < full.len() && cut.starts_with("一、2023年国民经济"));
    cut
}

fn all() -> SearchOptions {
    SearchOptions::default()
}

fn lit(h: &Hit) -> Vec<&str> {
    h.highlights.iter().map(|r| &h.text[r.clone()]).collect()
}

fn check_highlights(hits: &[Hit]) {
    for h in hits {
        let mut prev_end = 0;
        for r in &h.highlights {
            assert!(r.start < r.end, "{h:?}");
            assert!(r.start >= prev_end, "sorted, non-overlapping: {h:?}");
            assert!(h.text.is_char_boundary(r.start) && h.text.is_char_boundary(r.end));
            prev_end = r.end;
        }
    }
}

#[test]
fn items_of_every_kind_are_indexed() {
    let idx = Index::new(&model());
    let kinds: Vec<HitKind> = idx.hot.iter().map(|i| i.kind).collect();
    for k in [
        HitKind::Heading,
        HitKind::Sentence,
        HitKind::Caption,
        HitKind::Cell,
    ] {
        assert!(kinds.contains(&k), "{k:?}");
    }
    // preamble sentence, with section ""
    let hits = idx.search("现在我作报告", &all());
    assert_eq!(
        hits[0].location,
        Location::Sentence {
            report: "pd".into(),
            section: String::new(),
            sentence: "pd:p0.s1".into()
        }
    );
    assert_eq!(hits[0].breadcrumb, "pd");
}

#[test]
fn cells_carry_row_label_and_column() {
    let idx = Index::new(&model());
    let hits = idx.search("16715.2", &all());
    let cell = hits.iter().find(|h| h.kind == HitKind::Cell).unwrap();
    assert_eq!(cell.text, "地区生产总值 · 完成数: 16715.2亿元");
    assert_eq!(
        cell.location,
        Location::Cell {
            report: "pd".into(),
            table: "pd:t1".into(),
            row: 0,
            column: 2
        }
    );
    assert_eq!(cell.breadcrumb, format!("pd › {}", crumb_s1()));
    // "——" cells and the 序号 column are not items
    assert!(idx.search("'——", &all()).is_empty());
    let caption = idx.search("完成情况", &all());
    assert_eq!(caption[0].kind, HitKind::Caption);
    assert_eq!(caption[0].text, "表1:主要经济社会指标完成情况");
}

#[test]
fn breadcrumbs_follow_the_outline() {
    let idx = Index::new(&model());
    let hits = idx.search("集装箱运输", &all());
    assert_eq!(
        hits[0].breadcrumb,
        format!("pd › {} › (一)港口集装箱业务", crumb_s1())
    );
    let head = idx.search("港口集装箱业务", &all());
    assert_eq!(head[0].kind, HitKind::Heading);
    assert_eq!(head[0].breadcrumb, format!("pd › {}", crumb_s1()));
}

#[test]
fn pinyin_full_and_initials_find_chinese() {
    let idx = Index::new(&model());
    for (q, want) in [
        ("sczz", "生产总值"),
        ("shengchanzongzhi", "生产总值"),
        ("jzx", "集装箱"),
        ("yinhang", "银行"),
        ("chongxin", "重新"),
        ("shidaowaizi", "实到外资"),
    ] {
        let hits = idx.search(q, &all());
        assert!(!hits.is_empty(), "{q}");
        check_highlights(&hits);
        assert!(lit(&hits[0]).contains(&want), "{q}: {:?}", hits[0]);
    }
}

#[test]
fn exact_beats_pinyin_beats_initials_beats_fuzzy() {
    let idx = Index::new(&model());
    // "gdp" is a literal in one sentence; in pinyin initials it could be other runs
    let hits = idx.search("gdp", &all());
    assert_eq!(lit(&hits[0]), ["GDP"]);
    assert_eq!(matcher::class_of(hits[0].score), Class::Exact);
    // full pinyin ranks the heading (higher kind) above sentences
    let hits = idx.search("jizhuangxiang", &all());
    assert_eq!(hits[0].kind, HitKind::Heading);
    assert!(hits
        .iter()
        .all(|h| matcher::class_of(h.score) == Class::Pinyin));
    // shorter wins ties: both sentences are full-pinyin sentence matches
    let s: Vec<&str> = hits
        .iter()
        .filter(|h| h.kind == HitKind::Sentence)
        .map(|h| h.text.as_str())
        .collect();
    assert_eq!(s[0], "集装箱运输稳步发展。");
}

#[test]
fn all_terms_must_match_and_excluded_terms_drop() {
    let idx = Index::new(&model());
    let both = idx.search("集装箱 吞吐", &all());
    assert!(!both.is_empty());
    assert!(both
        .iter()
        .all(|h| h.text.contains("集装箱") && h.text.contains("吞吐")));
    assert_eq!(lit(&both[0]), ["集装箱吞吐"]);
    let not = idx.search("集装箱 !码头", &all());
    assert!(not.iter().all(|h| !h.text.contains("码头")));
    assert!(not.len() < idx.search("集装箱", &all()).len());
}

#[test]
fn exact_term_with_punctuation() {
    let idx = Index::new(&model());
    let hits = idx.search("'90.4%", &all());
    assert_eq!(hits.len(), 1);
    assert!(hits[0].text.contains("集装箱吞吐量"));
    assert_eq!(lit(&hits[0]), ["90.4%"]);
}

#[test]
fn full_width_query_folds() {
    let idx = Index::new(&model());
    let hits = idx.search("ＧＤＰ", &all());
    assert_eq!(lit(&hits[0]), ["GDP"]);
    assert_eq!(
        idx.search("Gdp", &all()).len(),
        idx.search("gdp", &all()).len()
    );
}

#[test]
fn prefix_and_report_filter_and_limit() {
    let idx = Index::new(&model());
    let hits = idx.search("^全年", &all());
    assert!(hits.len() >= 2);
    assert!(hits.iter().all(|h| h.text.starts_with("全年")));
    let sh = SearchOptions {
        report: Some("sh".into()),
        limit: 0,
    };
    let hits = idx.search("生产总值", &sh);
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].location.report(), "sh");
    let none = SearchOptions {
        report: Some("nope".into()),
        limit: 0,
    };
    assert!(idx.search("生产总值", &none).is_empty());
    let one = SearchOptions {
        report: None,
        limit: 1,
    };
    let top = idx.search("sczz", &one);
    assert_eq!(top.len(), 1);
    assert_eq!(top[0].text, idx.search("sczz", &all())[0].text);
}

#[test]
fn inert_queries_find_nothing_or_literals() {
    let idx = Index::new(&model());
    assert!(idx.search("", &all()).is_empty());
    assert!(idx.search("\x1b\x07", &all()).is_empty());
    assert!(idx.search(".*", &all()).is_empty());
    assert!(idx.search("\x1b[2J", &all()).is_empty());
}

#[test]
fn narrowing_gives_the_same_hits_as_a_full_search() {
    let idx = Index::new(&model());
    let opts = SearchOptions {
        report: None,
        limit: 3,
    };
    for typed in [
        "jizhuangxiang",
        "sczz",
        "集装箱 吞吐",
        "集装箱 !码",
        "^全年 g",
    ] {
        let mut session = Session::new();
        let mut q = String::new();
        for c in typed.chars() {
            q.push(c);
            let inc = session.search(&idx, &q, &opts);
            let full = idx.search(&q, &opts);
            let a: Vec<_> = inc.iter().map(|h| (&h.location, h.score)).collect();
            let b: Vec<_> = full.iter().map(|h| (&h.location, h.score)).collect();
            assert_eq!(a, b, "{q}");
        }
    }
    // a loosened !term is recomputed, not narrowed
    let (_, m) = idx.search_within(None, "集装箱 !码头", &all());
    let (hits, _) = idx.search_within(Some(&m), "集装箱 !码头建设x", &all());
    assert_eq!(hits.len(), idx.search("集装箱", &all()).len());
}

#[test]
fn index_and_session_can_move_to_a_worker_thread() {
    // the explorer may search off the UI thread (see docs/PERFORMANCE.md)
    fn send_sync<T: Send + Sync + 'static>() {}
    send_sync::<Index>();
    send_sync::<Session>();
    let idx = std::sync::Arc::new(Index::new(&model()));
    let worker = std::thread::spawn({
        let idx = idx.clone();
        move || idx.search("jzx", &SearchOptions::default()).len()
    });
    assert_eq!(worker.join().unwrap(), idx.search("jzx", &all()).len());
}
