//! A cursor in a list shown a window at a time (the outline, search hits,
//! the report picker): moving the selection within bounds, and the first
//! row shown so the selection stays on screen. Pure arithmetic.

/// `selected` moved by `delta`, kept within a list of `len` rows.
pub fn moved(selected: usize, delta: isize, len: usize) -> usize {
    selected
        .saturating_add_signed(delta)
        .min(len.saturating_sub(1))
}

/// The first row to show so that `selected` is inside a window of `rows`
/// rows, starting from `offset` and moving it as little as possible.
pub fn offset_for(selected: usize, offset: usize, rows: usize) -> usize {
    let rows = rows.max(1);
    if selected < offset {
        selected
    } else if selected >= offset + rows {
        selected + 1 - rows
    } else {
        offset
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moves_stay_in_bounds_and_the_window_follows() {
        assert_eq!(moved(0, -1, 5), 0);
        assert_eq!(moved(3, 4, 5), 4);
        assert_eq!(moved(2, 1, 0), 0);
        assert_eq!(offset_for(7, 0, 5), 3);
        assert_eq!(offset_for(2, 4, 5), 2);
        assert_eq!(offset_for(5, 3, 5), 3);
        assert_eq!(offset_for(0, 0, 0), 0);
    }
}
