//! The one table-layout engine: sizing table columns by display width and
//! drawing a row of cells padded to them. The explorer's tables pane and
//! reader grids measure with [`header_widths`] and fit with [`fit_columns`]
//! (the pane's frozen key columns and scrolling are `tui::columns`); the
//! CLI's aligned output uses [`natural_widths`], [`column_widths`],
//! [`numeric_alignments`] and [`render_row_aligned`]. Pure arithmetic, no
//! terminal.
//!
//! The CLI side measures and draws every cell through [`sanitize_line`], so
//! what [`render_row_aligned`] returns is safe to print and has exactly the
//! width the column widths promise. The explorer measures cells as it draws
//! them, through [`sanitize`].

use super::sanitize::{sanitize, sanitize_line};
use super::width::{pad, pad_left, str_width, AmbiguousWidth};

/// A column narrower than its content is not shrunk below this many columns
/// (three CJK chars, or "2023年"), unless its content is narrower still.
pub const COLUMN_FLOOR: usize = 6;

/// How a cell sits in its column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Align {
    #[default]
    Left,
    /// Right-aligned (numbers).
    Right,
}

/// The number of columns of a table: the longest of the header and the rows.
fn column_count<S: AsRef<str>, R: AsRef<[S]>>(header: &[S], rows: &[R]) -> usize {
    rows.iter()
        .map(|r| r.as_ref().len())
        .chain([header.len()])
        .max()
        .unwrap_or(0)
}

/// The display width of the widest cell (header included) of each column.
/// Rows may be ragged: a missing cell counts as empty.
pub fn natural_widths<S: AsRef<str>, R: AsRef<[S]>>(
    header: &[S],
    rows: &[R],
    amb: AmbiguousWidth,
) -> Vec<usize> {
    let mut widths = vec![0; column_count(header, rows)];
    for row in std::iter::once(header).chain(rows.iter().map(|r| r.as_ref())) {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(str_width(&sanitize_line(cell.as_ref()), amb));
        }
    }
    widths
}

/// The display width of the widest cell of each of `header`'s columns,
/// cells measured as the explorer draws them (through [`sanitize`], which
/// keeps line feeds); cells past the header's columns are not counted.
pub fn header_widths<S: AsRef<str>, R: AsRef<[S]>>(
    header: &[S],
    rows: &[R],
    amb: AmbiguousWidth,
) -> Vec<usize> {
    let measure = |c: &S| str_width(&sanitize(c.as_ref()), amb);
    let mut widths: Vec<usize> = header.iter().map(measure).collect();
    for r in rows {
        for (w, c) in widths.iter_mut().zip(r.as_ref()) {
            *w = (*w).max(measure(c));
        }
    }
    widths
}

/// Column widths for `natural` widths in `avail` columns (separators already
/// taken off). Each column gets at least `min(natural, 2)` so a wide char fits.
pub fn fit_columns(natural: &[usize], avail: usize) -> Vec<usize> {
    let total: usize = natural.iter().sum();
    if total <= avail {
        return natural.to_vec();
    }
    let mut order: Vec<usize> = (0..natural.len()).collect();
    order.sort_by_key(|&i| natural[i]);
    let mut out = vec![0; natural.len()];
    let mut left = avail;
    for (k, &i) in order.iter().enumerate() {
        let share = left / (natural.len() - k);
        let w = natural[i].min(share).max(natural[i].min(2));
        out[i] = w;
        left = left.saturating_sub(w);
    }
    out
}

/// Column widths for drawing `header` and `rows` in at most `max_total`
/// columns, with `sep_width` columns between neighbouring columns, and the
/// floor [`COLUMN_FLOOR`].
///
/// Each column gets its natural width (its widest cell) when everything
/// fits. Otherwise the widest columns shrink first, all down to a common
/// level (columns narrower than the level keep their natural width), never
/// below `min(natural, COLUMN_FLOOR)`; columns left one column over the level
/// share out any spare columns from the left. When even the floors do not
/// fit, the floors are returned and the total exceeds `max_total` (the
/// caller scrolls horizontally).
pub fn column_widths<S: AsRef<str>, R: AsRef<[S]>>(
    header: &[S],
    rows: &[R],
    max_total: usize,
    sep_width: usize,
    amb: AmbiguousWidth,
) -> Vec<usize> {
    column_widths_with_floor(header, rows, max_total, sep_width, COLUMN_FLOOR, amb)
}

/// Column widths for drawing `header` and `rows` in at most `max_total`
/// columns, with `sep_width` columns between neighbouring columns, and the
/// floor `floor`.
///
/// Each column gets its natural width (its widest cell) when everything
/// fits. Otherwise the widest columns shrink first, all down to a common
/// level (columns narrower than the level keep their natural width), never
/// below `min(natural, floor)`; columns left one column over the level share
/// out any spare columns from the left. When even the floors do not fit, the
/// floors are returned and the total exceeds `max_total` (the caller scrolls
/// horizontally).
fn column_widths_with_floor<S: AsRef<str>, R: AsRef<[S]>>(
    header: &[S],
    rows: &[R],
    max_total: usize,
    sep_width: usize,
    floor: usize,
    amb: AmbiguousWidth,
) -> Vec<usize> {
    let natural = natural_widths(header, rows, amb);
    let n = natural.len();
    let budget = max_total.saturating_sub(sep_width * n.saturating_sub(1));
    if natural.iter().sum::<usize>() <= budget {
        return natural;
    }
    let floors: Vec<usize> = natural.iter().map(|&w| w.min(floor)).collect();
    if floors.iter().sum::<usize>() >= budget {
        return floors;
    }
    let at_level = |level: usize| -> Vec<usize> {
        natural
            .iter()
            .zip(&floors)
            .map(|(&nat, &fl)| nat.min(level).max(fl))
            .collect()
    };
    // The highest level whose total fits (total grows with the level; the
    // level 0 total is the floors' sum, which fits).
    let (mut lo, mut hi) = (0, natural.iter().copied().max().unwrap_or(0));
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        if at_level(mid).iter().sum::<usize>() <= budget {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    let mut widths = at_level(lo);
    let mut spare = budget - widths.iter().sum::<usize>();
    for (w, &nat) in widths.iter_mut().zip(&natural) {
        if spare == 0 {
            break;
        }
        if *w == lo && nat > lo {
            *w += 1;
            spare -= 1;
        }
    }
    widths
}

/// True when a cell reads as a number: digits with optional sign, decimal
/// point, thousands commas and a trailing %/‰ ("16715.2", "-4.3%", "1,200").
pub fn looks_numeric(cell: &str) -> bool {
    let s = cell.trim();
    s.chars().any(|c| c.is_ascii_digit())
        && s.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '%' | '‰' | '-' | '+' | '−'))
}

/// Right for columns whose non-empty body cells all look numeric (at least
/// one), Left otherwise. One entry per column.
pub fn numeric_alignments<S: AsRef<str>, R: AsRef<[S]>>(header: &[S], rows: &[R]) -> Vec<Align> {
    (0..column_count(header, rows))
        .map(|i| {
            let mut cells = rows
                .iter()
                .filter_map(|r| r.as_ref().get(i))
                .map(|c| c.as_ref().trim())
                .filter(|c| !c.is_empty())
                .peekable();
            if cells.peek().is_some() && cells.all(looks_numeric) {
                Align::Right
            } else {
                Align::Left
            }
        })
        .collect()
}

/// One table row: cell `i` sanitized, truncated (marked "~") and padded to
/// `widths[i]`, aligned by `aligns[i]` (Left when `aligns` is shorter),
/// cells joined by `sep`. Missing cells are blank, cells beyond `widths` are
/// dropped. The result is exactly `sum(widths) + str_width(sep) *
/// (widths.len() - 1)` columns wide.
pub fn render_row_aligned<S: AsRef<str>>(
    cells: &[S],
    widths: &[usize],
    aligns: &[Align],
    sep: &str,
    amb: AmbiguousWidth,
) -> String {
    let sep = sanitize_line(sep);
    let mut out = String::new();
    for (i, &w) in widths.iter().enumerate() {
        if i > 0 {
            out.push_str(&sep);
        }
        let cell = cells.get(i).map_or("", |c| c.as_ref());
        let cell = sanitize_line(cell);
        match aligns.get(i).copied().unwrap_or_default() {
            Align::Left => out.push_str(&pad(&cell, w, amb)),
            Align::Right => out.push_str(&pad_left(&cell, w, amb)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use AmbiguousWidth::{Narrow, Wide};

    fn table() -> (Vec<String>, Vec<Vec<String>>) {
        let s = |v: &[&str]| v.iter().map(|c| c.to_string()).collect::<Vec<_>>();
        (
            s(&["指标", "单位", "2023年", "比上年增长(%)"]),
            vec![
                s(&["全市生产总值", "亿元", "47218.7", "5.0"]),
                s(&["全社会固定资产投资总额", "亿元", "", "13.8"]),
                s(&["居民消费价格", "%", "100.3", "-4.3%"]),
            ],
        )
    }

    #[test]
    fn natural_widths_when_they_fit() {
        let (h, rows) = table();
        assert_eq!(natural_widths(&h, &rows, Narrow), vec![22, 4, 7, 13]);
        assert_eq!(column_widths(&h, &rows, 80, 3, Narrow), vec![22, 4, 7, 13]);
        // Exactly fitting: 46 + 3 * 3 = 55.
        assert_eq!(column_widths(&h, &rows, 55, 3, Narrow), vec![22, 4, 7, 13]);
    }

    #[test]
    fn widest_columns_shrink_first() {
        let (h, rows) = table();
        // Budget 54 - 9 = 45: one column less, taken from the widest.
        assert_eq!(column_widths(&h, &rows, 54, 3, Narrow), vec![21, 4, 7, 13]);
        // Budget 40 - 9 = 31: level 10 gives 10+4+7+10 = 31.
        assert_eq!(column_widths(&h, &rows, 40, 3, Narrow), vec![10, 4, 7, 10]);
        // Budget 41 - 9 = 32: one spare column goes to the leftmost capped one.
        assert_eq!(column_widths(&h, &rows, 41, 3, Narrow), vec![11, 4, 7, 10]);
        // Floors: 6 + 4 + 6 + 6 = 22 > 20 - 9; the caller must scroll.
        assert_eq!(column_widths(&h, &rows, 20, 3, Narrow), vec![6, 4, 6, 6]);
    }

    #[test]
    fn rows_render_to_exact_width() {
        let (h, rows) = table();
        let widths = column_widths(&h, &rows, 40, 3, Narrow);
        let aligns = numeric_alignments(&h, &rows);
        assert_eq!(
            aligns,
            vec![Align::Left, Align::Left, Align::Right, Align::Right]
        );
        let line = render_row_aligned(&rows[0], &widths, &aligns, " | ", Narrow);
        assert_eq!(line, "全市生产~  | 亿元 | 47218.7 |        5.0");
        let line = render_row_aligned(&h, &widths, &[], " | ", Narrow);
        assert_eq!(line, "指标       | 单位 | 2023年  | 比上年增~ ");
        for r in &rows {
            assert_eq!(
                str_width(&render_row_aligned(r, &widths, &[], " | ", Narrow), Narrow),
                40
            );
        }
        // Ragged and hostile rows stay in shape.
        let bad = ["\x1b[2J清屏", "a\nb"];
        let line = render_row_aligned(&bad, &widths, &[], " | ", Narrow);
        assert!(!line.contains('\x1b') && !line.contains('\n'));
        assert_eq!(str_width(&line, Narrow), 40);
    }

    #[test]
    fn wide_ambiguous_mode_measures_quotes_wide() {
        let h = ["“十四五”目标"];
        let rows: [[&str; 1]; 0] = [];
        assert_eq!(natural_widths(&h, &rows, Narrow), vec![12]);
        assert_eq!(natural_widths(&h, &rows, Wide), vec![14]);
    }

    #[test]
    fn fit_columns_keeps_natural_widths_when_they_fit() {
        assert_eq!(fit_columns(&[4, 10, 6], 30), vec![4, 10, 6]);
    }

    #[test]
    fn narrow_columns_keep_their_width_and_wide_ones_share() {
        let w = fit_columns(&[4, 40, 30], 40);
        assert_eq!(w[0], 4);
        assert_eq!(w.iter().sum::<usize>(), 40);
        assert!(w[1] >= w[2]);
    }

    #[test]
    fn never_below_two_columns_for_a_wide_char() {
        let w = fit_columns(&[8, 8, 8], 3);
        assert!(w.iter().all(|&x| x == 2));
    }

    #[test]
    fn header_widths_count_the_header_columns_only() {
        let rows = [vec!["全市生产总值", "1", "extra cell"]];
        assert_eq!(header_widths(&["指标", "值"], &rows, Narrow), vec![12, 2]);
    }

    fn cell() -> impl Strategy<Value = String> {
        proptest::string::string_regex("[a-z0-9.%中文国“”—]{0,12}").unwrap()
    }

    proptest! {
        #[test]
        fn widths_fit_when_floors_do(
            header in proptest::collection::vec(cell(), 0..6),
            rows in proptest::collection::vec(proptest::collection::vec(cell(), 0..6), 0..6),
            max_total in 0usize..100,
            wide in any::<bool>(),
        ) {
            let amb = if wide { Wide } else { Narrow };
            let natural = natural_widths(&header, &rows, amb);
            let widths = column_widths(&header, &rows, max_total, 1, amb);
            prop_assert_eq!(widths.len(), natural.len());
            let floors: usize = natural.iter().map(|&w| w.min(COLUMN_FLOOR)).sum();
            let total: usize = widths.iter().sum::<usize>() + widths.len().saturating_sub(1);
            if floors + natural.len().saturating_sub(1) <= max_total {
                prop_assert!(total <= max_total);
            }
            for ((&w, &nat), i) in widths.iter().zip(&natural).zip(0..) {
                prop_assert!(w <= nat, "column {} wider than natural", i);
                prop_assert!(w >= nat.min(COLUMN_FLOOR), "column {} under floor", i);
            }
            for r in &rows {
                let line = render_row_aligned(r, &widths, &[], "|", amb);
                prop_assert_eq!(str_width(&line, amb), total);
            }
        }
    }
}
