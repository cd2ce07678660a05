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

/// Formats an integer for `lang` (`1.234` in Catalan, `1,234` in English).
pub fn format_number(lang: Lang, n: usize) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        use js_sys::{Array, Function, Intl::NumberFormat, Object};
        use std::cell::RefCell;
        thread_local! {
            // One formatter per language: constructing an `Intl.NumberFormat` costs far more
            // than formatting, and a facet panel formats dozens of counts per keystroke.
            static FORMATS: RefCell<Vec<(Lang, Function)>> = const { RefCell::new(Vec::new()) };
        }
        let format = FORMATS.with(|formats| {
            if let Some((_, f)) = formats.borrow().iter().find(|(l, _)| *l == lang) {
                return f.clone();
            }
            let locales = Array::of1(&lang.tag().into());
            let f = NumberFormat::new(&locales, &Object::new()).format();
            formats.borrow_mut().push((lang, f.clone()));
            f
        });
        if let Ok(s) = format.call1(&wasm_bindgen::JsValue::UNDEFINED, &(n as f64).into())
            && let Some(s) = s.as_string()
        {
            return s;
        }
    }
    let _ = lang;
    n.to_string()
}

/// The indexes of `names` in `lang`'s collation order (`Intl.Collator` in the browser);
/// equal names keep their order.
pub fn collation_order(lang: Lang, names: &[&str]) -> Vec<usize> {
    #[cfg(target_arch = "wasm32")]
    {
        // One call into JS sorts every name there with the collator, instead of one call per
        // comparison; each distinct name's rank then orders the indexes in Rust.
        use js_sys::{Array, Function, Intl::Collator, Object, Reflect};
        use std::collections::HashMap;
        let collator = Collator::new(&Array::of1(&collation_locale(lang).into()), &Object::new());
        let sorted: Array = names
            .iter()
            .map(|&name| wasm_bindgen::JsValue::from_str(name))
            .collect();
        let sort = Reflect::get(&sorted, &"sort".into())
            .ok()
            .and_then(|f| f.dyn_into::<Function>().ok());
        if let Some(sort) = sort
            && sort.call1(&sorted, &collator.compare()).is_ok()
        {
            let mut rank: HashMap<String, usize> = HashMap::with_capacity(names.len());
            for (r, name) in sorted.iter().enumerate() {
                rank.entry(name.as_string().unwrap_or_default())
                    .or_insert(r);
            }
            let ranks: Vec<usize> = names
                .iter()
                .map(|&name| rank.get(name).copied().unwrap_or(usize::MAX))
                .collect();
            return crate::sort::sorted_indices(names.len(), &|a, b| ranks[a].cmp(&ranks[b]));
        }
    }
    let _ = lang;
    let folded: Vec<String> = names
        .iter()
        .map(|&name| crate::search::fold(name))
        .collect();
    crate::sort::sorted_indices(names.len(), &|a, b| folded[a].cmp(&folded[b]))
}
