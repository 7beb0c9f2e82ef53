//! The tables pane's columns: the key columns frozen at the left, the others
//! capped and scrolled, and where each shown column goes. Pure arithmetic
//! over natural widths measured by the one column engine,
//! `crate::text::columns` (which also fits the reader's inline grids).

/// Display columns between neighbouring columns of the tables pane (" │ ").
pub const SEP: usize = 3;

/// A frozen name column is never capped below this (four CJK chars).
pub const NAME_FLOOR: usize = 8;

/// A scrolled column is never capped below this.
pub const CAP_FLOOR: usize = 8;

/// Room kept for one value column next to the key columns on a narrow pane.
pub const VALUE_ROOM: usize = 12;

/// What the key columns may take on a narrow pane, beyond half of it.
pub const KEY_MAX: usize = 30;

/// The tables pane's columns: each column's width, and how many leading (key)
/// columns stay frozen at the left while the others scroll, as in csvlens
/// and VisiData.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaneColumns {
    pub widths: Vec<usize>,
    pub frozen: usize,
}

/// One column as drawn: its index, its offset from the pane's first text
/// column, and the width drawn (less than its width where the pane edge cuts
/// it; the cell then shows the cut marker).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Placed {
    pub col: usize,
    pub x: usize,
    pub width: usize,
}

impl PaneColumns {
    /// Widths for columns of `natural` widths in `avail` display columns, the
    /// first `frozen` of them frozen. Natural widths when everything fits.
    /// Otherwise the key columns take at most about half the pane, or on a
    /// narrow pane all but [`VALUE_ROOM`] for one value column (up to
    /// [`KEY_MAX`]); the last of them, the name, is the one capped, never
    /// below [`NAME_FLOOR`]. Every
    /// other column at most two thirds of what is left (never below
    /// [`CAP_FLOOR`]) so a neighbour shows too; a single scrolled column may
    /// take all that is left. A capped cell is drawn cut, its whole text a
    /// key away (the cell popup). Every width is at least 2 (one wide char).
    pub fn new(natural: &[usize], frozen: usize, avail: usize) -> PaneColumns {
        let n = natural.len();
        let frozen = frozen.min(n);
        let total = natural.iter().sum::<usize>() + SEP * n.saturating_sub(1);
        if total <= avail {
            return PaneColumns {
                widths: natural.iter().map(|&w| w.max(2)).collect(),
                frozen,
            };
        }
        let budget = (avail * 11 / 20).max(avail.saturating_sub(SEP + VALUE_ROOM).min(KEY_MAX));
        let mut widths = Vec::with_capacity(n);
        let mut used = 0;
        for (i, &nat) in natural.iter().enumerate().take(frozen) {
            let w = if i + 1 == frozen {
                nat.min(budget.saturating_sub(used + SEP).max(NAME_FLOOR))
            } else {
                nat
            };
            widths.push(w.max(2));
            used += w.max(2) + SEP;
        }
        let rest = avail.saturating_sub(used);
        let cap = if n - frozen == 1 { rest } else { rest * 2 / 3 }.max(CAP_FLOOR);
        widths.extend(natural[frozen..].iter().map(|&w| w.clamp(2, cap)));
        PaneColumns { widths, frozen }
    }

    /// The columns shown in `avail` display columns: the frozen ones, then the
    /// others from `col_offset` on, the last one cut at the pane edge.
    pub fn place(&self, col_offset: usize, avail: usize) -> Vec<Placed> {
        let mut out = Vec::new();
        let mut x = 0;
        let cols = (0..self.frozen).chain(col_offset.max(self.frozen)..self.widths.len());
        for col in cols {
            if x >= avail {
                break;
            }
            let w = self.widths[col];
            out.push(Placed {
                col,
                x,
                width: w.min(avail - x),
            });
            x += w + SEP;
        }
        out
    }

    /// Is column `col` shown whole (not cut by the pane edge)?
    pub fn fully_shown(&self, col: usize, col_offset: usize, avail: usize) -> bool {
        self.place(col_offset, avail)
            .iter()
            .any(|p| p.col == col && Some(&p.width) == self.widths.get(col))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_columns_stay_and_the_others_scroll() {
        // 序号 | name | four value columns, 54 columns of pane.
        let natural = [4, 22, 8, 11, 8, 32];
        let c = PaneColumns::new(&natural, 2, 36);
        assert_eq!(c.widths[0], 4);
        assert!(c.widths[1] >= 10 && c.widths[1] < 22, "{:?}", c.widths);
        // Room for a value column next to the name.
        assert!(c.place(2, 36).iter().any(|p| p.col == 2 && p.width >= 8));
        let c = PaneColumns::new(&natural, 2, 54);
        assert_eq!(c.frozen, 2);
        assert_eq!(c.widths[0..2], [4, KEY_MAX - 4 - 2 * SEP]);
        // A wide pane: the name whole.
        let c = PaneColumns::new(&natural, 2, 100);
        assert_eq!(c.widths[0..2], [4, 22]);
        let p = c.place(4, 54);
        assert_eq!(p[0].col, 0);
        assert_eq!(p[1].col, 1);
        assert_eq!(p[2].col, 4);
        assert!(p.iter().all(|q| q.x + q.width <= 54));
        // The last column shown is cut at the edge, and says so by its width.
        let last = p.last().unwrap();
        assert!(last.width < c.widths[last.col] || last.x + last.width == 54 || p.len() == 4);
        assert!(c.fully_shown(4, 4, 54));
    }

    #[test]
    fn a_table_that_fits_keeps_its_natural_widths() {
        let c = PaneColumns::new(&[4, 10, 6], 2, 40);
        assert_eq!(c.widths, vec![4, 10, 6]);
        assert_eq!(c.place(0, 40).len(), 3);
    }

    #[test]
    fn a_single_scrolled_column_takes_what_is_left() {
        let c = PaneColumns::new(&[10, 800], 1, 54);
        assert_eq!(c.widths, vec![10, 54 - 10 - SEP]);
    }
}
