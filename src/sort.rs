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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_stably() {
        let keys = [3, 1, 2, 1, 3];
        let order = sorted_indices(keys.len(), &|a, b| keys[a].cmp(&keys[b]));
        assert_eq!(order, [1, 3, 2, 0, 4]);
    }
}
