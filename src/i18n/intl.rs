//! The browser's `Intl` for what would cost many bytes to ship: collation and number
//! formatting. Off the browser (native tests, a future server), plain fallbacks answer.

use super::Lang;

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
        if let Ok(s) = format.call1(&wasm_bindgen::JsValue::UNDEFINED, &(n as f64).into()) {
            if let Some(s) = s.as_string() {
                return s;
            }
        }
    }
    let _ = lang;
    n.to_string()
}

/// Sorts `items` by `key` in `lang`'s collation (`Intl.Collator` in the browser).
pub fn sort_by_collation<'a, T>(lang: Lang, items: &mut [T], key: impl Fn(&T) -> &'a str) {
    #[cfg(target_arch = "wasm32")]
    {
        use js_sys::{Array, Intl::Collator, Object};
        let locales = Array::of1(&collation_locale(lang).into());
        let collator = Collator::new(&locales, &Object::new());
        items.sort_by(|a, b| {
            let n = collator.compare(key(a), key(b));
            n.partial_cmp(&0).unwrap_or(std::cmp::Ordering::Equal)
        });
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = lang;
        items.sort_by_cached_key(|t| crate::search::fold(key(t)));
    }
}
