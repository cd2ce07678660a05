//! Words matched with typos forgiven (see [`Query::tolerant`]): how many a word may have,
//! and whether a word of the texts is within them.

#[cfg(doc)]
use super::Query;
use super::is_word_char;

/// How many typos a query word may have (see [`Query::tolerant`]): by its letters, none with
/// a digit.
fn typos_allowed(word: &str) -> usize {
    if word.bytes().any(|b| b.is_ascii_digit()) {
        return 0;
    }
    match word.chars().count() {
        0..4 => 0,
        4..8 => 1,
        _ => 2,
    }
}

/// Whether a word of a folded haystack is [`near`] `word`.
pub(crate) fn word_near(haystack: &str, word: &str, prefix: bool) -> bool {
    haystack
        .split(|c: char| !is_word_char(c))
        .any(|candidate| near(word, candidate, prefix))
}

/// Whether `candidate` is within the typos `word` may have of it, an edit being a letter
/// inserted, deleted or changed, or two neighbours swapped (the optimal string alignment
/// distance). With `prefix` (a last word, still being typed), also a beginning of it, where
/// the word's last letter is right (or swapped with the one before): `sonilba` finds
/// `sonilab`, `rakutxn` finds `rakuten`, and `come` (`com` and a letter) no `company`.
pub(crate) fn near(word: &str, candidate: &str, prefix: bool) -> bool {
    const MAX: usize = 32;
    let k = typos_allowed(word);
    let mut a = [0_u32; MAX];
    let mut m = 0;
    for c in word.chars() {
        if m == MAX {
            return false;
        }
        a[m] = c as u32;
        m += 1;
    }
    // No more than `m + k` of the candidate's letters can be aligned with the word: whole,
    // a longer candidate is no match; as a beginning, the rest does not count.
    let mut b = [0_u32; MAX + 2];
    let mut n = 0;
    let mut whole = true;
    for c in candidate.chars() {
        if n == m + k {
            whole = false;
            break;
        }
        b[n] = c as u32;
        n += 1;
    }
    if k == 0 || n + k < m || (!prefix && !whole) {
        return false;
    }
    // Three rows of the distances between the word's first `i` letters and the candidate's
    // first `j`: the row before the last, the last, and the one being filled.
    let mut before = [0_u8; MAX + 3];
    let mut last: [u8; MAX + 3] = std::array::from_fn(|j| j as u8);
    let mut row = [0_u8; MAX + 3];
    let k = k as u8;
    // A beginning of the candidate that ends on the word's last letter, right or swapped.
    let mut begins = false;
    for i in 1..=m {
        row[0] = i as u8;
        let mut least = row[0];
        for j in 1..=n {
            let swapped = i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1];
            let mut d = (last[j] + 1)
                .min(row[j - 1] + 1)
                .min(last[j - 1] + u8::from(a[i - 1] != b[j - 1]));
            if swapped {
                d = d.min(before[j - 2] + 1);
            }
            row[j] = d;
            least = least.min(d);
            begins |= i == m
                && ((a[i - 1] == b[j - 1] && last[j - 1] <= k) || (swapped && before[j - 2] < k));
        }
        // Every alignment already costs more: none will cost less further on.
        if least > k {
            return false;
        }
        (before, last) = (last, row);
    }
    (whole && last[n] <= k) || (prefix && begins)
}
