//! The few non-letter glyphs the chrome draws (pane separator, table rules).
//!
//! Box-drawing characters (─ │ ┼) are East Asian Ambiguous: a terminal set up
//! for CJK draws them two columns wide, which would push every border and
//! column one cell right per glyph. So narrow mode uses box drawing (crisp in
//! ordinary terminals) and wide mode uses plain ASCII (| - +), which is one
//! column everywhere. Nothing else in the chrome is outside ASCII.

use crate::text::AmbiguousWidth;

/// Separator and rule glyphs for one ambiguous-width mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Glyphs {
    /// Vertical separator between panes and table columns.
    pub vbar: char,
    /// Horizontal rule under a table header.
    pub hbar: char,
    /// Where a rule meets a column separator.
    pub cross: char,
    /// Box corners: top-left, top-right, bottom-left, bottom-right.
    pub corners: [char; 4],
}

impl Glyphs {
    pub fn for_mode(amb: AmbiguousWidth) -> Glyphs {
        match amb {
            AmbiguousWidth::Narrow => Glyphs {
                vbar: '│',
                hbar: '─',
                cross: '┼',
                corners: ['┌', '┐', '└', '┘'],
            },
            AmbiguousWidth::Wide => Glyphs {
                vbar: '|',
                hbar: '-',
                cross: '+',
                corners: ['+', '+', '+', '+'],
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::char_width;

    #[test]
    fn every_glyph_is_one_column_in_its_own_mode() {
        for amb in [AmbiguousWidth::Narrow, AmbiguousWidth::Wide] {
            let g = Glyphs::for_mode(amb);
            for c in [g.vbar, g.hbar, g.cross].iter().chain(&g.corners) {
                let c = *c;
                assert_eq!(char_width(c, amb), 1, "{c:?} in {amb:?}");
            }
        }
    }
}
