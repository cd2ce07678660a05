//! The browser's `Intl` for what would cost many bytes to ship: collation and number
//! formatting. Off the browser (native tests, a future server), plain fallbacks answer.

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

/// A language's `Intl.NumberFormat#format` and `Intl.Collator#compare` (both bound), made
/// once per language: making an `Intl` object loads its locale data and costs 10-30 ms, far
/// more than using it.
#[cfg(target_arch = "wasm32")]
fn tools(lang: Lang) -> (js_sys::Function, js_sys::Function) {
    use js_sys::{Array, Function, Intl, Object};
    use std::cell::RefCell;
    thread_local! {
        static TOOLS: RefCell<Vec<(Lang, Function, Function)>> = const { RefCell::new(Vec::new()) };
    }
    TOOLS.with(|tools| {
        if let Some((_, format, compare)) = tools.borrow().iter().find(|(l, ..)| *l == lang) {
            return (format.clone(), compare.clone());
        }
        // Galician numbers as Spanish ones (`12.345`) where the browser has no Galician.
        let locales = Array::of1(&lang.tag().into());
        if lang == Lang::Gl {
            locales.push(&"es".into());
        }
        let format = Intl::NumberFormat::new(&locales, &Object::new());
        let collator =
            Intl::Collator::new(&Array::of1(&collation_locale(lang).into()), &Object::new());
        let made = (format.format(), collator.compare());
        tools
            .borrow_mut()
            .push((lang, made.0.clone(), made.1.clone()));
        made
    })
}

/// Makes `lang`'s `Intl` objects now, so that the first sort and the first count do not wait
/// for them: the embed calls it while the feed downloads.
pub fn warm(lang: Lang) {
    #[cfg(target_arch = "wasm32")]
    tools(lang);
    let _ = lang;
}

/// Formats an integer for `lang` (`1.234` in Catalan, `1,234` in English).
pub fn format_number(lang: Lang, n: usize) -> String {
    // Below a thousand all four write plain digits: a keystroke updates some thirty facet
    // counts, and spares the browser that many calls.
    #[cfg(target_arch = "wasm32")]
    if n >= 1000
        && let Ok(s) = tools(lang)
            .0
            .call1(&wasm_bindgen::JsValue::UNDEFINED, &(n as f64).into())
        && let Some(s) = s.as_string()
    {
        return s;
    }
    let _ = lang;
    n.to_string()
}

/// The indexes of `names` in `lang`'s collation order (`Intl.Collator` in the browser);
/// equal names keep their order.
pub fn collation_order(lang: Lang, names: &[&str]) -> Vec<usize> {
    #[cfg(target_arch = "wasm32")]
    if let Some(order) = browser_collation_order(lang, names) {
        return order;
    }
    let _ = lang;
    let folded: Vec<String> = names
        .iter()
        .map(|&name| crate::search::fold(name))
        .collect();
    crate::sort::sorted_indices(names.len(), &|a, b| folded[a].cmp(&folded[b]))
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
    sort.call1(&list, &tools(lang).1).ok()?;
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
