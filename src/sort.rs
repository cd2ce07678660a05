//! The crate's one sort.
//!
//! Every `sort_by` on a new element or key type compiles another copy of the standard
//! library's sort into the Wasm (2–4 KB each). The crate's sorts all order indexes into
//! data it already holds, so they share this one instantiation.

use std::cmp::Ordering;

/// The indexes `0..len`, sorted stably by `cmp` (equal items keep their order).
pub(crate) fn sorted_indices(len: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_by(|&a, &b| cmp(a, b));
    order
}

/// `a` against `b` byte by byte, except that runs of ASCII digits compare as the numbers they
/// write, as `Intl.Collator`'s `numeric` option has them: "City 2" before "City 10". Texts that
/// differ only in leading zeros ("7" and "07") are ordered by their bytes, so that only equal
/// texts compare equal.
pub(crate) fn natural(a: &str, b: &str) -> Ordering {
    let (x, y) = (a.as_bytes(), b.as_bytes());
    let (mut i, mut j) = (0, 0);
    while i < x.len() && j < y.len() {
        if x[i].is_ascii_digit() && y[j].is_ascii_digit() {
            // The digits from `from` without their leading zeros, and where they end.
            fn run(s: &[u8], from: usize) -> (&[u8], usize) {
                let end = s[from..]
                    .iter()
                    .position(|c| !c.is_ascii_digit())
                    .map_or(s.len(), |n| from + n);
                let zeros = s[from..end].iter().take_while(|&&c| c == b'0').count();
                (&s[from + zeros..end], end)
            }
            let ((m, i_end), (n, j_end)) = (run(x, i), run(y, j));
            let by_number = m.len().cmp(&n.len()).then_with(|| m.cmp(n));
            if by_number.is_ne() {
                return by_number;
            }
            (i, j) = (i_end, j_end);
        } else if x[i] != y[j] {
            return x[i].cmp(&y[j]);
        } else {
            (i, j) = (i + 1, j + 1);
        }
    }
    (x.len() - i).cmp(&(y.len() - j)).then_with(|| a.cmp(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_in_text_sort_by_their_value() {
        let mut names = [
            "city 10", "city 2", "city 1", "city", "city 02", "city 2b", "city 100", "b7", "a",
        ];
        names.sort_by(|a, b| natural(a, b));
        assert_eq!(
            names,
            [
                "a", "b7", "city", "city 1", "city 02", "city 2", "city 2b", "city 10", "city 100"
            ]
        );
        assert_eq!(natural("studio 9", "studio 9"), Ordering::Equal);
        assert_ne!(
            natural("7", "07"),
            Ordering::Equal,
            "only equal texts are equal"
        );
    }

    #[test]
    fn sorts_stably() {
        let keys = [3, 1, 2, 1, 3];
        let order = sorted_indices(keys.len(), &|a, b| keys[a].cmp(&keys[b]));
        assert_eq!(order, [1, 3, 2, 0, 4]);
    }
}
