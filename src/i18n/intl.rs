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
        use js_sys::{Array, Intl::NumberFormat, Object};
        let locales = Array::of1(&lang.tag().into());
        let format = NumberFormat::new(&locales, &Object::new()).format();
        if let Ok(s) = format.call1(&wasm_bindgen::JsValue::UNDEFINED, &(n as f64).into())
            && let Some(s) = s.as_string()
        {
            return s;
        }
    }
    let _ = lang;
    n.to_string()
}

/// Sorts `items` by `key` in `lang`'s collation (`Intl.Collator` in the browser).
pub fn sort_by_collation<'a, T>(lang: Lang, items: &mut [T], key: impl Fn(&T) -> &'a str) {
    #[cfg(target_arch = "wasm32")]
    {
        // One call into JS sorts every name there with the collator, instead of one call per
        // comparison; each distinct name's rank then orders the items (stably) in Rust.
        use js_sys::{Array, Function, Intl::Collator, Object, Reflect};
        use std::collections::HashMap;
        let collator = Collator::new(&Array::of1(&collation_locale(lang).into()), &Object::new());
        let names: Array = items
            .iter()
            .map(|t| wasm_bindgen::JsValue::from_str(key(t)))
            .collect();
        let sort = Reflect::get(&names, &"sort".into())
            .ok()
            .and_then(|f| f.dyn_into::<Function>().ok());
        if let Some(sort) = sort
            && sort.call1(&names, &collator.compare()).is_ok()
        {
            let mut rank: HashMap<String, usize> = HashMap::with_capacity(items.len());
            for (r, name) in names.iter().enumerate() {
                rank.entry(name.as_string().unwrap_or_default())
                    .or_insert(r);
            }
            items.sort_by_key(|t| rank.get(key(t)).copied().unwrap_or(usize::MAX));
            return;
        }
    }
    let _ = lang;
    items.sort_by_cached_key(|t| crate::search::fold(key(t)));
}
