//! What the console tells the webmaster about a feed, in the page's language.

use super::super::Diagnostic;
use super::LoadError;

/// The page's own language (its `<html lang>`), for what the console says.
#[cfg(target_arch = "wasm32")]
fn page_lang() -> crate::i18n::Lang {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|e| e.get_attribute("lang"))
        .and_then(|l| crate::i18n::Lang::from_tag(&l))
        .unwrap_or_default()
}

/// Says in the console, for the webmaster and in the page's language, why the feed from
/// `source` (its address, or "inline feed") failed.
pub(super) fn warn_failed(source: &str, error: &LoadError) {
    #[cfg(target_arch = "wasm32")]
    {
        let message = crate::ui::load_error_message(page_lang(), error);
        web_sys::console::warn_1(&format!("clusterkit: {source}: {message}").into());
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (source, error);
}

/// Writes a feed's diagnostics to the console: one collapsed group of warnings, in the
/// document's language.
pub(super) fn report_to_console(source: &str, diagnostics: &[Diagnostic]) {
    if diagnostics.is_empty() {
        return;
    }
    #[cfg(target_arch = "wasm32")]
    {
        let strings = page_lang().strings();
        web_sys::console::group_collapsed_1(
            &format!(
                "clusterkit: {} ({}): {}",
                strings.feed_problems,
                diagnostics.len(),
                source
            )
            .into(),
        );
        for d in diagnostics.iter().take(crate::ui::status::LISTED_PROBLEMS) {
            web_sys::console::warn_1(
                &format!("{}: {}", strings.path(d), strings.diagnostic(d)).into(),
            );
        }
        let more = diagnostics
            .len()
            .saturating_sub(crate::ui::status::LISTED_PROBLEMS);
        if more > 0 {
            let more = crate::i18n::intl::format_number(page_lang(), more);
            let more = crate::i18n::fill(strings.more_events, &[("n", &more)]);
            web_sys::console::warn_1(&more.into());
        }
        web_sys::console::group_end();
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = source;
}
