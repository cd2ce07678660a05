//! A donut's slices: lengths along its circle and whole per cents, apportioned so that they
//! close the circle and equal counts show equal shares.

/// One slice of a donut drawn as a dashed circle: where its dash starts and how long it is,
/// in units of which the circle has [`DONUT_UNITS`], and its share in whole per cent.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Slice {
    /// Where the slice starts along the circle.
    pub offset: u32,
    /// Its length along the circle.
    pub length: u32,
    /// Its share of the whole in whole per cent, the same for equal counts, rounded so that
    /// the shares add up to 100 where that allows.
    pub percent: u32,
}

/// The length of a donut's circle in [`Slice`] units (SVG `pathLength`).
pub(crate) const DONUT_UNITS: u32 = 1000;

/// The least length of a slice that counts someone: 1.1°, two pixels of a phone's ring.
const LEAST_SLICE: u32 = 3;

/// Whole numbers proportional to `counts` that add up to `total` (largest remainders get the
/// units rounding leaves over); all zero when the counts are. With `even`, equal counts get
/// equal numbers: a unit left over goes to every category of a count or to none, and once
/// equal counts cannot all have one, those round to the nearest; the numbers may then add
/// up to a little more or less.
fn apportion(counts: &[usize], total: u32, even: bool) -> Vec<u32> {
    let sum: usize = counts.iter().sum();
    if sum == 0 {
        return vec![0; counts.len()];
    }
    let exact: Vec<u64> = counts
        .iter()
        .map(|&c| c as u64 * u64::from(total))
        .collect();
    let mut parts: Vec<u32> = exact.iter().map(|e| (e / sum as u64) as u32).collect();
    let mut left = total - parts.iter().sum::<u32>();
    let remainder = |i: usize| exact[i] % sum as u64;
    let by_remainder =
        crate::sort::sorted_indices(counts.len(), &|a, b| remainder(b).cmp(&remainder(a)));
    // Whether equal counts could not all have a unit left over: the figures cannot add up
    // to the total then, and from there on the counts left round to the nearest.
    let mut tied = false;
    for &i in &by_remainder {
        // Rounded up already, with an equal count.
        if u64::from(parts[i]) * sum as u64 > exact[i] {
            continue;
        }
        let same = |j: usize| j == i || even && counts[j] == counts[i];
        let n = (0..counts.len()).filter(|&j| same(j)).count() as u32;
        let give = if n <= left {
            // A unit for the count and each of its equal ones, where every larger count
            // stays ahead of them.
            remainder(i) > 0
                && (0..counts.len()).all(|j| counts[j] <= counts[i] || parts[j] > parts[i])
        } else {
            // Rounded to the nearest, halves down: no count shows more than a larger one.
            tied |= left > 0;
            even && tied && remainder(i) * 2 > sum as u64
        };
        if give {
            for (j, part) in parts.iter_mut().enumerate() {
                *part += u32::from(same(j));
            }
            left = left.saturating_sub(n);
        }
    }
    parts
}

/// The slices of a donut for `counts`, in order, clockwise from the top.
pub(crate) fn donut_slices(counts: &[usize]) -> Vec<Slice> {
    let mut lengths = apportion(counts, DONUT_UNITS, false);
    // A part of a member or two among thousands still shows, as a sliver the largest gives.
    for k in 0..counts.len() {
        let short = LEAST_SLICE.saturating_sub(lengths[k]);
        if counts[k] == 0 || short == 0 {
            continue;
        }
        let largest = (0..lengths.len()).max_by_key(|&j| lengths[j]).unwrap_or(k);
        if lengths[largest] >= short + LEAST_SLICE * 2 {
            lengths[largest] -= short;
            lengths[k] += short;
        }
    }
    let percents = apportion(counts, 100, true);
    let mut offset = 0;
    lengths
        .into_iter()
        .zip(percents)
        .map(|(length, percent)| {
            let slice = Slice {
                offset,
                length,
                percent,
            };
            offset += length;
            slice
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn donut_slices_close_the_circle_and_equal_counts_show_equal_shares() {
        let slices = donut_slices(&[33, 3, 2, 2]);
        assert_eq!(
            slices.iter().map(|s| s.percent).collect::<Vec<_>>(),
            [83, 7, 5, 5]
        );
        assert_eq!(slices.iter().map(|s| s.length).sum::<u32>(), DONUT_UNITS);
        for pair in slices.windows(2) {
            assert_eq!(pair[0].offset + pair[0].length, pair[1].offset);
        }
        // Equal counts show equal shares, even where they cannot add up to 100: a third
        // each is 33 %, and of 6 members, 1, 1, 1 and 3 are 17 % each and 50 %.
        let percents = |counts: &[usize]| -> Vec<u32> {
            donut_slices(counts).iter().map(|s| s.percent).collect()
        };
        assert_eq!(percents(&[1, 1, 1]), [33, 33, 33]);
        assert_eq!(percents(&[1, 1, 1, 3]), [17, 17, 17, 50]);
        // Galicia by city: the two counts of 5 take the units left over, both 13 %; the
        // halves after them round down.
        assert_eq!(
            percents(&[8, 6, 5, 4, 4, 3, 3, 1, 5, 1]),
            [20, 15, 13, 10, 10, 7, 7, 2, 13, 2]
        );
        assert_eq!(percents(&[2, 1, 1]), [50, 25, 25]);
        assert_eq!(percents(&[2, 1]), [67, 33]);
        for counts in [&[7, 7, 3, 2, 1][..], &[1; 7], &[5, 4, 3, 3, 3, 1, 1]] {
            let p = percents(counts);
            let sum: usize = counts.iter().sum();
            for (i, (&c, &pi)) in counts.iter().zip(&p).enumerate() {
                let exact = c as f64 * 100.0 / sum as f64;
                assert!((pi as f64 - exact).abs() < 1.0, "{counts:?}: {p:?}");
                for (&d, &pj) in counts.iter().zip(&p).skip(i + 1) {
                    let ordered = match c.cmp(&d) {
                        std::cmp::Ordering::Equal => pi == pj,
                        std::cmp::Ordering::Greater => pi >= pj,
                        std::cmp::Ordering::Less => pi <= pj,
                    };
                    assert!(ordered, "{counts:?}: {p:?}");
                }
            }
        }
        assert_eq!(
            donut_slices(&[5]),
            [Slice {
                offset: 0,
                length: DONUT_UNITS,
                percent: 100
            }]
        );
        assert!(
            donut_slices(&[0, 0])
                .iter()
                .all(|s| s.length == 0 && s.percent == 0)
        );
        assert!(donut_slices(&[]).is_empty());
        // Of 18 members, 14, 3 and 1 are 78, 17 and 6 % to the nearest: the leftover points
        // go to the largest remainders, and the last rounds down (the Madrid sample by city
        // showed 101 % before).
        assert_eq!(percents(&[14, 3, 1]), [78, 17, 5]);
        assert_eq!(percents(&[16, 3, 3, 3, 2, 4]), [51, 10, 10, 10, 6, 13]);
        // Three members of eight are 12.5 % each, which cannot all have a point more: they
        // show 12 %, and the other five, 62.5 %, takes one of the two left over.
        assert_eq!(percents(&[1, 1, 1, 5]), [12, 12, 12, 63]);
        let many = donut_slices(&vec![1; 200]);
        assert_eq!(many.iter().map(|s| s.length).sum::<u32>(), DONUT_UNITS);
        assert!(
            many.iter().all(|s| s.percent == 0),
            "half a per cent each, rounded down"
        );
    }

    proptest::proptest! {
        /// Counts of which no two are equal show shares that add up to exactly 100, each its
        /// exact share rounded up or down; equal counts show equal shares, and no count a larger
        /// share than a larger count.
        #[test]
        fn shares_add_up_to_100_unless_equal_counts_forbid(counts in proptest::collection::vec(0usize..60, 1..9)) {
            let sum: usize = counts.iter().sum();
            proptest::prop_assume!(sum > 0);
            let p: Vec<u32> = donut_slices(&counts).iter().map(|s| s.percent).collect();
            for (i, &c) in counts.iter().enumerate() {
                let exact = c as f64 * 100.0 / sum as f64;
                proptest::prop_assert!((p[i] as f64 - exact).abs() < 1.0, "{counts:?}: {p:?}");
                for (j, &d) in counts.iter().enumerate() {
                    if c == d {
                        proptest::prop_assert_eq!(p[i], p[j], "{:?}", counts);
                    } else if c > d {
                        proptest::prop_assert!(p[i] >= p[j], "{counts:?}: {p:?}");
                    }
                }
            }
            let mut distinct = counts.clone();
            distinct.sort_unstable();
            distinct.dedup();
            if distinct.len() == counts.len() {
                proptest::prop_assert_eq!(p.iter().sum::<u32>(), 100, "{:?}: {:?}", counts, p);
            }
        }
    }
}
