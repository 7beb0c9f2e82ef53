//! Fitting table columns into a width: every column gets its natural display
//! width when all fit; otherwise narrow columns keep theirs and the wide ones
//! share what is left. Pure arithmetic.

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn natural_widths_when_they_fit() {
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
}
