//! The browser's `Intl` for what would cost many bytes to ship: collation. Off the browser
//! (native tests, a future server), a plain fallback answers. Numbers are grouped here.

use super::Lang;
#[cfg(target_arch = "wasm32")]
use wasm_bindgen::JsCast;

/// The locale whose collation sorts `lang`. Galician sorts with the Spanish collation,
/// because Chromium's `Intl` has no Galician and would fall back to the root order.
pub fn collation_locale(lang: Lang) -> &'static str {
    match lang {
        Lang::Gl => "es",
        other => other.tag(),
    }
}

/// A language's `Intl.Collator#compare` (bound), made once per language: making an `Intl`
/// object loads its locale data and costs milliseconds, far more than using it.
#[cfg(target_arch = "wasm32")]
fn compare(lang: Lang) -> js_sys::Function {
    use js_sys::{Array, Function, Intl, Object};
    use std::cell::RefCell;
    thread_local! {
        static MADE: RefCell<Vec<(Lang, Function)>> = const { RefCell::new(Vec::new()) };
    }
    MADE.with(|made| {
        if let Some((_, compare)) = made.borrow().iter().find(|(l, _)| *l == lang) {
            return compare.clone();
        }
        // `numeric`: "Studio 9" before "Studio 10", as a visitor counts.
        let options = Object::new();
        js_sys::Reflect::set(&options, &"numeric".into(), &true.into()).ok();
        let collator = Intl::Collator::new(&Array::of1(&collation_locale(lang).into()), &options);
        let compare = collator.compare();
        made.borrow_mut().push((lang, compare.clone()));
        compare
    })
}

/// Makes `lang`'s collator now, so that the first sort does not wait for it: the embed calls
/// it while the feed downloads.
pub fn warm(lang: Lang) {
    #[cfg(target_arch = "wasm32")]
    compare(lang);
    let _ = lang;
}

/// Formats a count as `lang` writes it, in groups of three digits as CLDR has them: `1.234`
/// and `12.345` in Catalan and Galician, `1,234` in English, `1234` but `12.345` in Spanish
/// (which groups from five digits).
///
/// Written here rather than asked of `Intl.NumberFormat`: a page's first `NumberFormat`
/// costs 25-40 ms of ICU set-up on the main thread while the feed downloads (Chromium, a
/// desktop), for what four languages' counts need, and Chromium has no Galician.
pub fn format_number(lang: Lang, n: usize) -> String {
    let digits = n.to_string();
    let (separator, from) = match lang {
        Lang::En => (',', 4),
        Lang::Es => ('.', 5),
        Lang::Ca | Lang::Gl => ('.', 4),
    };
    if digits.len() < from {
        return digits;
    }
    let mut out = String::with_capacity(digits.len() * 4 / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(digit);
    }
    out
}

/// The indexes of `names` in `lang`'s collation order (`Intl.Collator` in the browser),
/// each name filed from its first letter or digit, past the quotes, marks and emoji it may
/// open with; equal names keep their order.
pub fn collation_order(lang: Lang, names: &[&str]) -> Vec<usize> {
    let names: Vec<&str> = names.iter().map(|&name| filed(name)).collect();
    let names = &names[..];
    #[cfg(target_arch = "wasm32")]
    if let Some(order) = browser_collation_order(lang, names) {
        return order;
    }
    let _ = lang;
    let folded: Vec<String> = names
        .iter()
        .map(|&name| crate::search::fold(name))
        .collect();
    crate::sort::sorted_indices(names.len(), &|a, b| {
        crate::sort::natural(&folded[a], &folded[b])
    })
}

/// `name` from where a directory files it: past the quotes, marks, symbols and emoji it may
/// open with ("«La Fàbrica»" under L, "🎬 Estudis" under E, where a collator puts them before
/// every letter); whole if it has nothing else.
fn filed(name: &str) -> &str {
    let from = name.trim_start_matches(|c: char| {
        matches!(c,
            '\0'..='/' | ':'..='@' | '['..='`' | '{'..='\u{BF}' | '\u{2000}'..='\u{2BFF}'
            | '\u{3000}'..='\u{303F}' | '\u{FE00}'..='\u{FE0F}' | '\u{1F000}'..='\u{1FAFF}')
    });
    if from.is_empty() { name } else { from }
}

/// [`collation_order`] with the browser's collator. The names cross into JS as one string
/// and come back as one, sorted there in a single call: 10,000 names crossing one by one
/// cost more than the sort itself. They go in byte order, which is close to the collation's,
/// so the browser's merge sort finds long sorted runs. `None` if a name holds the separator
/// (a NUL, which feed text never carries) or the browser refuses.
#[cfg(target_arch = "wasm32")]
fn browser_collation_order(lang: Lang, names: &[&str]) -> Option<Vec<usize>> {
    use js_sys::{Function, JsString, Reflect};
    const SEP: char = '\0';
    if names.iter().any(|name| name.contains(SEP)) {
        return None;
    }
    let by_bytes = crate::sort::sorted_indices(names.len(), &|a, b| names[a].cmp(names[b]));
    let mut joined = String::with_capacity(names.iter().map(|n| n.len() + 1).sum());
    for (k, &i) in by_bytes.iter().enumerate() {
        if k > 0 {
            joined.push(SEP);
        }
        joined.push_str(names[i]);
    }
    let list = JsString::from(joined).split(&SEP.to_string());
    let sort: Function = Reflect::get(&list, &"sort".into()).ok()?.dyn_into().ok()?;
    sort.call1(&list, &compare(lang)).ok()?;
    let sorted = String::from(list.join(&SEP.to_string()));
    // Each collated name stands for the indexes holding it, found in byte order: most often
    // right after the name before it (the two orders mostly agree), else by binary search. A
    // repeated name's indexes all go at its first place, in their own order.
    let mut order = Vec::with_capacity(names.len());
    let mut placed = vec![false; names.len()];
    let mut after = 0;
    for name in sorted.split(SEP) {
        let mut at = match by_bytes.get(after) {
            Some(&i) if names[i] == name => after,
            _ => by_bytes.partition_point(|&i| names[i] < name),
        };
        while let Some(&i) = by_bytes.get(at).filter(|&&i| names[i] == name) {
            if !placed[i] {
                placed[i] = true;
                order.push(i);
            }
            at += 1;
        }
        after = at;
    }
    (order.len() == names.len()).then_some(order)
}
