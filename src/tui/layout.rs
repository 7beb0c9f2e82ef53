//! Where each pane goes for a terminal size: side by side when wide, one pane
//! at a time below 60 columns or with the outline hidden, a "too small" line below 20x6. Pure.

use ratatui::layout::Rect;

use super::action::Focus;

/// Below this many columns only one pane is shown.
pub const SIDE_BY_SIDE_MIN: u16 = 60;
/// Below this size only a "terminal too small" line is shown.
pub const MIN_W: u16 = 20;
pub const MIN_H: u16 = 6;

/// The screen split for one frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Plan {
    pub too_small: bool,
    /// The outline pane (title row included), when shown.
    pub outline: Option<Rect>,
    /// The reader or tables pane (title row included), when shown.
    pub right: Option<Rect>,
    /// Column of the separator between the panes.
    pub sep_x: Option<u16>,
    pub status: Rect,
}

/// Split a `w` x `h` screen; `focus` picks the pane when only one fits.
pub fn plan(w: u16, h: u16, focus: Focus) -> Plan {
    plan_with(w, h, focus, true)
}

/// As `plan`, but with the outline hidden (`o`) the focused pane gets the
/// whole width, as on a narrow screen.
pub fn plan_with(w: u16, h: u16, focus: Focus, outline_shown: bool) -> Plan {
    if w < MIN_W || h < MIN_H {
        return Plan {
            too_small: true,
            status: Rect::new(0, 0, w, h.min(1)),
            ..Plan::default()
        };
    }
    let body = h - 1;
    let status = Rect::new(0, body, w, 1);
    if w >= SIDE_BY_SIDE_MIN && outline_shown {
        let ow = (w * 3 / 10).clamp(22, 44);
        Plan {
            too_small: false,
            outline: Some(Rect::new(0, 0, ow, body)),
            right: Some(Rect::new(ow + 1, 0, w - ow - 1, body)),
            sep_x: Some(ow),
            status,
        }
    } else {
        let full = Rect::new(0, 0, w, body);
        Plan {
            too_small: false,
            outline: (focus == Focus::Outline).then_some(full),
            right: (focus != Focus::Outline).then_some(full),
            sep_x: None,
            status,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_screens_are_split_and_narrow_ones_show_the_focused_pane() {
        let p = plan(80, 24, Focus::Outline);
        assert_eq!(p.outline.unwrap().width + 1 + p.right.unwrap().width, 80);
        assert_eq!(p.status.y, 23);
        let p = plan(40, 12, Focus::Reader);
        assert!(p.outline.is_none());
        assert_eq!(p.right.unwrap().width, 40);
    }

    #[test]
    fn a_hidden_outline_gives_the_right_pane_the_full_width() {
        let p = plan_with(80, 24, Focus::Reader, false);
        assert!(p.outline.is_none() && p.sep_x.is_none());
        assert_eq!(p.right.unwrap().width, 80);
    }

    #[test]
    fn tiny_screens_are_too_small_without_panicking() {
        for (w, h) in [(0, 0), (1, 1), (19, 30), (100, 5)] {
            assert!(plan(w, h, Focus::Outline).too_small);
        }
        assert!(!plan(20, 6, Focus::Outline).too_small);
    }
}
