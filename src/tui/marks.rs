//! Where indicator numbers sit in the reader's text: maps each record read
//! from a sentence (`IndicatorSource::Sentence`) to the chars of its printed
//! value (`value_text`) inside that sentence's text, so the reader can mark
//! them. The record's span runs from the metric to the value (sometimes on
//! through its change), in source offsets; the sentence text omits removed
//! pieces, so offsets are mapped back and the value is looked up inside the
//! mapped window. When the value cannot be placed with confidence, the record
//! is not marked. Records read from table cells are listed per table.
//! Pure: no terminal.

use std::collections::HashMap;
use std::ops::Range;

use crate::model::{Indicator, IndicatorSource, Removed, Report, Sentence, Span};
use crate::text::sanitize;

/// Indices into `report.indicators` of the records read from each sentence, by sentence id.
pub fn by_sentence(report: &Report) -> HashMap<&str, Vec<usize>> {
    let mut out: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, ind) in report.indicators.iter().enumerate() {
        if let IndicatorSource::Sentence { sentence, .. } = &ind.source {
            out.entry(sentence.as_str()).or_default().push(i);
        }
    }
    out
}

/// A record read from a printed table's cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CellRecord {
    pub row: usize,
    pub column: usize,
    /// Index into `report.indicators`.
    pub record: usize,
}

/// The records read from a printed table's cells, in record order.
pub fn cell_records(report: &Report, table: &str) -> Vec<CellRecord> {
    report
        .indicators
        .iter()
        .enumerate()
        .filter_map(|(i, ind)| match &ind.source {
            IndicatorSource::Cell {
                table: t,
                row,
                column,
            } if t == table => Some(CellRecord {
                row: *row,
                column: *column,
                record: i,
            }),
            _ => None,
        })
        .collect()
}

/// A source offset as a char offset into the sentence text: relative to the
/// sentence start, less the removed chars before it inside the sentence.
fn to_text_offset(s: &Sentence, removed: &[Removed], src: usize, len: usize) -> usize {
    let start = s.span.start();
    let src = src.clamp(start, s.span.end());
    let cut: usize = removed
        .iter()
        .map(|r| {
            let a = r.span.start().max(start);
            let b = r.span.end().min(src);
            b.saturating_sub(a)
        })
        .sum();
    (src - start).saturating_sub(cut).min(len)
}

/// Char offsets in `chars` where `needle` starts as a whole number: not
/// right after another digit or a decimal point.
fn occurrences(chars: &[char], needle: &[char]) -> Vec<usize> {
    if needle.is_empty() || needle.len() > chars.len() {
        return Vec::new();
    }
    (0..=chars.len() - needle.len())
        .filter(|&k| chars[k..k + needle.len()] == *needle)
        .filter(|&k| k == 0 || !(chars[k - 1].is_ascii_digit() || chars[k - 1] == '.'))
        .collect()
}

/// The char range of a record's printed value inside the sentence text, or
/// None when the record is not from this sentence or its value cannot be
/// placed with confidence.
pub fn locate(s: &Sentence, removed: &[Removed], ind: &Indicator) -> Option<Range<usize>> {
    let IndicatorSource::Sentence { sentence, span } = &ind.source else {
        return None;
    };
    if *sentence != s.id {
        return None;
    }
    let chars: Vec<char> = s.text.chars().collect();
    let needle: Vec<char> = ind.value_text.chars().collect();
    if !needle.first().is_some_and(|c| c.is_ascii_digit()) {
        return None;
    }
    let found = occurrences(&chars, &needle);
    let window = window(s, removed, *span, chars.len());
    let inside = found
        .iter()
        .copied()
        .find(|&k| k >= window.start && k + needle.len() <= window.end);
    // Outside the window, only a value printed once in the sentence is certain.
    let k = inside.or(match found.as_slice() {
        [only] => Some(*only),
        _ => None,
    })?;
    Some(k..k + needle.len())
}

/// The record's span as a char range of the sentence text.
fn window(s: &Sentence, removed: &[Removed], span: Span, len: usize) -> Range<usize> {
    let inner: Vec<Removed> = removed
        .iter()
        .filter(|r| r.span.start() < s.span.end() && r.span.end() > s.span.start())
        .cloned()
        .collect();
    let a = to_text_offset(s, &inner, span.start(), len);
    let b = to_text_offset(s, &inner, span.end(), len);
    a..b.max(a)
}

/// Byte ranges, in `sanitize(&s.text)`, of the values of the given records
/// (indices into `report.indicators`) that can be placed, with the index.
pub fn sentence_marks(
    report: &Report,
    s: &Sentence,
    records: &[usize],
) -> Vec<(Range<usize>, usize)> {
    let mut out = Vec::new();
    for &i in records {
        let Some(ind) = report.indicators.get(i) else {
            continue;
        };
        let Some(r) = locate(s, &report.removed, ind) else {
            continue;
        };
        let byte = |c: usize| {
            s.text
                .char_indices()
                .nth(c)
                .map(|(b, _)| b)
                .unwrap_or(s.text.len())
        };
        let (a, b) = (byte(r.start), byte(r.end));
        // Offsets in the sanitized text (which may widen control chars).
        let sa = sanitize(&s.text[..a]).len();
        let sb = sanitize(&s.text[..b]).len();
        if sb > sa {
            out.push((sa..sb, i));
        }
    }
    out.sort_by_key(|m| (m.0.start, m.1));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Block, Model, RemovedReason, Section};

    fn bundled() -> Model {
        crate::load_plan_model().unwrap()
    }

    fn sentences(report: &Report) -> Vec<&Sentence> {
        fn blocks<'a>(bs: &'a [Block], out: &mut Vec<&'a Sentence>) {
            for b in bs {
                if let Block::Paragraph(p) = b {
                    out.extend(p.sentences.iter());
                }
            }
        }
        fn walk<'a>(s: &'a Section, out: &mut Vec<&'a Sentence>) {
            blocks(&s.blocks, out);
            for c in &s.children {
                walk(c, out);
            }
        }
        let mut out = Vec::new();
        blocks(&report.preamble, &mut out);
        for s in &report.sections {
            walk(s, &mut out);
        }
        out
    }

    fn marked(text: &str, marks: &[(Range<usize>, usize)]) -> Vec<String> {
        marks
            .iter()
            .map(|(r, _)| text[r.clone()].to_string())
            .collect()
    }

    #[test]
    fn the_shanghai_gdp_sentence_marks_exactly_its_value() {
        let m = bundled();
        let r = m
            .reports
            .iter()
            .find(|r| r.id == "shanghai-2024-plan")
            .unwrap();
        let s = sentences(r)
            .into_iter()
            .find(|s| s.text.contains("4.72万亿元"))
            .unwrap();
        let recs = by_sentence(r).remove(s.id.as_str()).unwrap();
        let marks = sentence_marks(r, s, &recs);
        assert_eq!(marked(&s.text, &marks), ["4.72万亿元"]);
        let (range, i) = &marks[0];
        assert_eq!(r.indicators[*i].metric, "全市生产总值");
        // Exactly the value's chars: the metric before and the change after are not marked.
        assert!(s.text[..range.start].ends_with("达到"));
        assert!(s.text[range.end..].contains("增长5%"));
    }

    #[test]
    fn every_sentence_record_in_the_bundled_model_is_placed_on_its_value() {
        let m = bundled();
        let mut total = 0;
        for r in &m.reports {
            let by = by_sentence(r);
            for s in sentences(r) {
                let Some(recs) = by.get(s.id.as_str()) else {
                    continue;
                };
                let marks = sentence_marks(r, s, recs);
                assert_eq!(marks.len(), recs.len(), "{}: {}", s.id, s.text);
                for (range, i) in &marks {
                    assert_eq!(s.text[range.clone()], r.indicators[*i].value_text);
                    // A whole number: not the tail of a longer one ("5%" in "4.5%").
                    let before = s.text[..range.start].chars().last();
                    assert!(!before.is_some_and(|c| c.is_ascii_digit() || c == '.'));
                }
                total += marks.len();
            }
        }
        assert!(total > 300, "{total}");
    }

    #[test]
    fn a_repeated_value_is_placed_inside_the_records_span() {
        // "5%" appears three times in Shanghai's targets sentence; each record gets its own.
        let m = bundled();
        let r = m
            .reports
            .iter()
            .find(|r| r.id == "shanghai-2024-plan")
            .unwrap();
        let by = by_sentence(r);
        let s = sentences(r)
            .into_iter()
            .find(|s| s.text.contains("生产总值增长5%左右") && s.text.contains("提高5%以上"))
            .unwrap();
        let marks = sentence_marks(r, s, &by[s.id.as_str()]);
        let fives: Vec<usize> = marks
            .iter()
            .filter(|(_, i)| r.indicators[*i].value_text == "5%")
            .map(|(rg, _)| rg.start)
            .collect();
        assert!(fives.len() >= 2, "{fives:?}");
        let mut dedup = fives.clone();
        dedup.dedup();
        assert_eq!(dedup, fives, "two records on one place");
        for (rg, i) in &marks {
            let ind = &r.indicators[*i];
            let after = &s.text[rg.end..];
            let q = ind.qualifier.as_deref().unwrap_or("");
            let q = q.rsplit('\u{3001}').next().unwrap();
            if ["左右", "以上", "以内", "以下"].contains(&q) {
                assert!(after.starts_with(q), "{} {q} {after}", ind.id);
            }
        }
    }

    fn synthetic(text: &str, start: usize, removed: Vec<Removed>) -> (Sentence, Vec<Removed>) {
        let len: usize = text.chars().count() + removed.iter().map(|r| r.span.len()).sum::<usize>();
        let s = Sentence {
            id: "x:p1.1".into(),
            text: text.into(),
            span: Span(start, start + len),
        };
        (s, removed)
    }

    fn record(value_text: &str, span: Span) -> Indicator {
        Indicator {
            id: "x:ind1".into(),
            report: "x".into(),
            metric: "生产总值".into(),
            kind: Default::default(),
            value: 0.0,
            value_text: value_text.into(),
            unit: "亿元".into(),
            base_value: None,
            base_unit: None,
            change_text: None,
            change: None,
            change_unit: None,
            qualifier: None,
            period: crate::model::Period::Actual,
            year: None,
            source: IndicatorSource::Sentence {
                sentence: "x:p1.1".into(),
                span,
            },
        }
    }

    #[test]
    fn removed_pieces_before_the_value_shift_the_window() {
        // Source: "增长5%" + "(下转2版)" [removed, 6 chars] + "生产总值5亿元,增长5%。"
        let removed = vec![Removed {
            text: "(下转2版)".into(),
            reason: RemovedReason::JumpMarker,
            span: Span(104, 110),
        }];
        let (s, removed) = synthetic("增长5%生产总值5亿元,增长5%。", 100, removed);
        // The second "增长5%" record spans source 118..122 ("增长5%" after the comma).
        let ind = record("5%", Span(118, 122));
        let r = locate(&s, &removed, &ind).unwrap();
        let chars: Vec<char> = s.text.chars().collect();
        assert_eq!(r, 14..16);
        assert_eq!(chars[r.start - 1], '长');
        assert_eq!(chars[r.start - 3], ',');
        // Without the removed piece accounted for, the window would miss it.
        assert_eq!(locate(&s, &[], &ind), None);
    }

    #[test]
    fn unsure_values_are_skipped_never_guessed() {
        let (s, removed) = synthetic("增长5%,下降5%。", 0, vec![]);
        // A span that points nowhere near either "5%": two candidates, no record.
        assert_eq!(locate(&s, &removed, &record("5%", Span(40, 44))), None);
        // A value not in the text, an empty value, another sentence: no record.
        assert_eq!(locate(&s, &removed, &record("7%", Span(0, 4))), None);
        assert_eq!(locate(&s, &removed, &record("", Span(0, 4))), None);
        let mut other = record("5%", Span(0, 4));
        other.source = IndicatorSource::Sentence {
            sentence: "x:p9.9".into(),
            span: Span(0, 4),
        };
        assert_eq!(locate(&s, &removed, &other), None);
        // "5%" is not marked inside "4.5%" or "15%".
        let (s, removed) = synthetic("比例4.5%,增速15%。", 0, vec![]);
        assert_eq!(locate(&s, &removed, &record("5%", Span(0, 12))), None);
    }

    #[test]
    fn marks_are_byte_ranges_of_the_sanitized_text() {
        let (s, _) = synthetic("\u{1b}[2J生产总值5亿元。", 0, vec![]);
        let mut report = bundled().reports.remove(0);
        report.removed.clear();
        report.indicators = vec![record("5亿元", Span(0, 13))];
        let marks = sentence_marks(&report, &s, &[0]);
        let clean = sanitize(&s.text);
        assert_eq!(marked(&clean, &marks), ["5亿元"]);
    }
}
