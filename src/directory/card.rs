//! A page of member cards and a member's profile, as markup, with the search's matches
//! highlighted. Drawn as strings (every feed text escaped, no `style` attribute) rather than
//! as views: a card holds a dozen elements, a page two dozen cards, and views of them cost
//! the Wasm about twice the bytes; segment colours go through CSSOM
//! ([`paint_segments`](crate::ui::paint_segments)), which a strict CSP allows.

use std::fmt::Write as _;
use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::model::{Outcome, initials};
use crate::feed::{Feed, Member, is_email, phone_href};
use crate::i18n::{Lang, fill};
use crate::search::Query;
use crate::ui::{escape, segment_tags};

/// Appends `text`, escaped, with the query's matches in `<mark>`.
fn highlighted(out: &mut String, text: &str, query: &Query) {
    let ranges = query.highlights(text);
    let mut at = 0;
    for range in &ranges {
        out.push_str(&escape(&text[at..range.start]));
        let _ = write!(
            out,
            "<mark part=\"match\">{}</mark>",
            escape(&text[range.clone()])
        );
        at = range.end;
    }
    out.push_str(&escape(&text[at..]));
}

/// Marks the card logo an event happened on as loaded (it then covers the initials) or as
/// broken (hidden, leaving them).
pub(crate) fn logo_loaded(ev: &web_sys::Event, loaded: bool) {
    if let Some(img) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
    {
        img.set_hidden(!loaded);
        let _ = img.toggle_attribute_with_force("data-loaded", loaded);
    }
}

thread_local! {
    /// The logos' addresses said in the console as failing (see [`logo_failed`]).
    static FAILED: std::cell::RefCell<Vec<String>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// [`logo_loaded`] for a logo that failed to load: also said in the console, once per
/// address and ten at most, with its member's name and the address as the browser resolved
/// it, so that a webmaster sees where a relative one was looked for.
pub(crate) fn logo_failed(ev: &web_sys::Event, lang: Lang) {
    logo_loaded(ev, false);
    let Some(img) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return;
    };
    // The address as the browser resolved it.
    let url = js_sys::Reflect::get(&img, &"src".into())
        .ok()
        .and_then(|src| src.as_string())
        .unwrap_or_default();
    let new = FAILED.with_borrow_mut(|said| {
        let new = said.len() < 10 && !said.contains(&url);
        if new {
            said.push(url.clone());
        }
        new
    });
    if new {
        let name = (img.closest("article, dialog").ok().flatten())
            .and_then(|around| around.query_selector("h2, h3").ok()?)
            .and_then(|heading| heading.text_content())
            .unwrap_or_default();
        let said = fill(
            lang.strings().logo_failed,
            &[("name", &name), ("url", &url)],
        );
        web_sys::console::warn_1(&format!("clusterkit: {said}").into());
    }
}

/// City and region, as one line of markup with the query's matches marked; each in a
/// `<bdi>`, so that a right-to-left name (תל אביב) keeps its place in the line.
fn place(out: &mut String, m: &Member, query: &Query) {
    for (k, part) in [m.city.as_deref(), m.region.as_deref()]
        .into_iter()
        .flatten()
        .enumerate()
    {
        out.push_str(if k == 0 { "<bdi>" } else { " · <bdi>" });
        highlighted(out, part, query);
        out.push_str("</bdi>");
    }
}

/// The translations of `text` but the one `shown`, each with its `lang` attribute.
fn other_languages<'a>(
    text: &'a crate::feed::Text,
    shown: &'a str,
    lang: Lang,
) -> impl Iterator<Item = (String, &'a str)> {
    let pairs = match text {
        crate::feed::Text::Localized(pairs) => &pairs[..],
        crate::feed::Text::Plain(_) => &[],
    };
    pairs
        .iter()
        .filter(move |(_, text)| !std::ptr::eq(text.as_str(), shown))
        .map(move |(tag, text)| (crate::ui::lang_attr(tag, lang), text.as_str()))
}

/// For a card whose name (`shown`) and place do not show every word of the search, a line
/// that shows one they lack: an excerpt around its first match in the member's description
/// in the visitor's language, else in its name or description in another language the
/// search also reads, else its tags, so that the visitor sees why the member was found. The
/// excerpt's `lang` attribute where it is not in the visitor's language.
fn snippet(out: &mut String, m: &Member, shown: &str, lang: Lang, fallback: &str, query: &Query) {
    let seen = [Some(shown), m.city.as_deref(), m.region.as_deref()]
        .into_iter()
        .flatten()
        .map(crate::search::fold_text)
        .collect::<Vec<_>>()
        .join("\u{1F}");
    let last = query.words().len().saturating_sub(1);
    let unseen: Vec<&str> = (query.words().iter().enumerate())
        .filter(|&(i, w)| !query.finds(&seen, w, i == last))
        .map(|(_, w)| w.as_str())
        .collect();
    if unseen.is_empty() {
        return;
    }
    let mut texts: Vec<(String, &str)> = Vec::new();
    let mut elsewhere: Vec<(String, &str)> = other_languages(&m.name, shown, lang).collect();
    if let Some(description) = &m.description {
        let (marked, shown) = crate::ui::lang_of(description, lang, fallback);
        texts.push((marked, shown));
        elsewhere.extend(other_languages(description, shown, lang));
    }
    texts.append(&mut elsewhere);
    let tags = m.tags.join(", ");
    texts.push((String::new(), &tags));
    let Some((marked, text, first)) = texts.into_iter().find_map(|(marked, text)| {
        let first = query
            .highlights(text)
            .into_iter()
            .find(|r| {
                let matched = crate::search::fold(&text[r.clone()]);
                // A word found with a typo is highlighted whole.
                (unseen.iter()).any(|w| {
                    matched.starts_with(w)
                        || (query.is_tolerant() && crate::search::near(w, &matched, true))
                })
            })?
            .start;
        Some((marked, text, first))
    }) else {
        return;
    };
    // From the first word that begins at most 30 characters before the match, to the last
    // that ends at most 90 characters after that.
    let from = text[..first]
        .char_indices()
        .rev()
        .nth(30)
        .map_or(0, |(at, _)| at);
    // Past the space, whichever: a no-break space (a CMS's `&nbsp;`) is two bytes.
    let from = match text[from..first]
        .char_indices()
        .find(|(_, c)| c.is_whitespace())
    {
        Some((space, c)) if from > 0 => from + space + c.len_utf8(),
        _ => from,
    };
    let to = text[from..]
        .char_indices()
        .nth(90)
        .map_or(text.len(), |(at, _)| from + at);
    let to = match text[first..to].rfind(char::is_whitespace) {
        Some(space) if to < text.len() => first + space,
        _ => to,
    };
    let _ = write!(out, "<p class=\"ck-meta ck-snippet\"{marked}>");
    if from > 0 {
        out.push('…');
    }
    highlighted(out, &text[from..to].replace('\n', " "), query);
    if to < text.len() {
        out.push('…');
    }
    out.push_str("</p>");
}

/// The cards of members `page` (indexes into the feed's members), each an `<li>`, and the
/// colours of their segment tags in document order. A card's name is a button carrying the
/// member's index in `data-i`, which opens the profile, in a heading at `level`.
pub(crate) fn cards(
    feed: &Feed,
    page: &[usize],
    lang: Lang,
    query: &Query,
    level: u8,
) -> (String, Vec<String>) {
    let level = crate::ui::level_attr(3, level);
    let fallback = feed.cluster.default_language.as_str();
    let mut out = String::new();
    let mut colours = Vec::new();
    for &i in page {
        let Some(m) = feed.members.get(i) else {
            continue;
        };
        let name = m.name.resolve(lang.tag(), fallback);
        // The initials are always there, and a logo covers them once it loads (until then,
        // and on a slow network that is a while, they show); one that cannot load hides
        // itself and leaves them.
        let _ = write!(
            out,
            "<li><article class=\"ck-card\" part=\"card\"><span class=\"ck-logo\" aria-hidden=\"true\">{}",
            escape(&initials(name))
        );
        if let Some(src) = m.logo.as_deref().and_then(|url| feed.resolve_url(url)) {
            let _ = write!(
                out,
                "<img src=\"{}\" alt=\"\" loading=\"lazy\">",
                escape(&src)
            );
        }
        let _ = write!(
            out,
            "</span><h3{level}><button type=\"button\" class=\"ck-open\" aria-haspopup=\"dialog\" data-i=\"{i}\" translate=\"no\">"
        );
        highlighted(&mut out, name, query);
        out.push_str("</button></h3><p class=\"ck-meta\">");
        place(&mut out, m, query);
        out.push_str("</p>");
        if !query.is_empty() {
            snippet(&mut out, m, name, lang, fallback, query);
        }
        segment_tags(&mut out, &mut colours, feed, &m.segments, lang);
        out.push_str("</article></li>");
    }
    (out, colours)
}

/// Everything the feed says about member `m`, for the profile dialog, with its heading's
/// id `title_id`; and the colours of its segment tags.
pub(crate) fn profile(
    feed: &Feed,
    m: &Member,
    lang: Lang,
    title_id: &str,
) -> (String, Vec<String>) {
    let s = lang.strings();
    let fallback = feed.cluster.default_language.as_str();
    // A `div`, not a `header`, which a dialog would expose as the page's banner landmark.
    let mut out = String::from("<div class=\"ck-profile-head\">");
    if let Some(src) = m.logo.as_deref().and_then(|url| feed.resolve_url(url)) {
        let _ = write!(
            out,
            "<img class=\"ck-profile-logo\" src=\"{}\" alt=\"\" loading=\"lazy\">",
            escape(&src)
        );
    }
    let joined = m
        .joined
        .map(|d| fill(s.member_since, &[("year", &d.year.to_string())]));
    // Markup: the place's own, and the rest escaped.
    let mut at = String::new();
    place(&mut at, m, &Query::default());
    let facts = [
        Some(at).filter(|p| !p.is_empty()),
        m.kind.map(|k| escape(s.kinds[k.index()])),
        joined.map(|j| escape(&j)),
        m.founding.then(|| escape(s.founding_member)),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" · ");
    let _ = write!(
        out,
        "<h2 id=\"{title_id}\" translate=\"no\">{}</h2></div><p class=\"ck-meta\">{}</p>",
        escape(m.name.resolve(lang.tag(), fallback)),
        facts
    );
    let mut colours = Vec::new();
    segment_tags(&mut out, &mut colours, feed, &m.segments, lang);
    if let Some(d) = &m.description {
        out.push_str("<div class=\"ck-description\">");
        crate::ui::paragraphs(&mut out, d, lang, fallback);
        out.push_str("</div>");
    }
    // Contact details, if there are any: no empty list.
    let mut contact = String::new();
    if let Some((url, href)) = m
        .website
        .as_ref()
        .and_then(|url| Some((url, feed.resolve_url(url)?)))
    {
        // Shown as written when it is a whole address (`…/producció`, `münchen.example`),
        // not as the browser encodes it for the link.
        let shown = if url.contains("://") { url } else { &href };
        let _ = write!(
            contact,
            "<dt>{}</dt><dd><a href=\"{}\" target=\"_blank\" rel=\"noopener noreferrer\" translate=\"no\">{}<span class=\"ck-visually-hidden\" translate=\"yes\"> {}</span></a></dd>",
            s.website,
            escape(&href),
            escape(shown),
            s.new_tab
        );
    }
    if let Some(e) = m.email.as_deref().filter(|e| is_email(e)) {
        // In a `mailto:` URL a `%` starts an escape and a `#` ends the address (RFC 6068):
        // both are letters an address may hold (`sales%uk@…`), written escaped in the link.
        let href = escape(&e.replace('%', "%25").replace('#', "%23"));
        let _ = write!(
            contact,
            "<dt>{}</dt><dd><a href=\"mailto:{href}\" translate=\"no\">{}</a></dd>",
            s.email,
            escape(e)
        );
    }
    if let Some((p, href)) = m.phone.as_ref().and_then(|p| Some((p, phone_href(p)?))) {
        let _ = write!(
            contact,
            "<dt>{}</dt><dd><a href=\"{}\" translate=\"no\">{}</a></dd>",
            s.phone,
            escape(&href),
            escape(p)
        );
    }
    if !m.tags.is_empty() {
        let _ = write!(
            contact,
            "<dt>{}</dt><dd>{}</dd>",
            s.keywords,
            escape(&m.tags.join(", "))
        );
    }
    if !contact.is_empty() {
        let _ = write!(out, "<dl class=\"ck-contact\">{contact}</dl>");
    }
    (out, colours)
}

/// Draws the page of cards that `range` gives of `outcome`'s results into `list`, again as
/// either changes, their names headings of `level`.
pub(super) fn draw(
    list: NodeRef<leptos::html::Ul>,
    feed: Signal<Arc<Feed>>,
    outcome: Memo<Arc<Outcome>>,
    lang: Signal<Lang>,
    range: impl Fn() -> std::ops::Range<usize> + 'static,
    level: u8,
) {
    let range = std::rc::Rc::new(range);
    on_paper(list, feed, outcome, lang, level, {
        let range = range.clone();
        move || range()
    });
    // The page is markup, drawn by an effect: the cards' names open profiles through one
    // delegated click, their logos report loading through listeners on the list, and
    // segment colours go through CSSOM.
    // What the list holds, so that a keystroke that changes nothing on the page (typing on
    // past the last change) leaves its elements, and their logos, alone.
    let mut drawn: Option<(web_sys::HtmlUListElement, String)> = None;
    crate::ui::effect(move || {
        let Some(list) = list.get() else {
            return;
        };
        let (feed, outcome) = (feed.read(), outcome.read());
        let page = within(&outcome.results, range());
        let (markup, colours) = cards(&feed, page, lang.get(), &outcome.query, level);
        if drawn
            .as_ref()
            .is_some_and(|(l, m)| *l == list && *m == markup)
        {
            return;
        }
        crate::ui::set_html(&list, &markup);
        // No list at all for a screen reader where nothing matched (the status says so).
        list.set_hidden(page.is_empty());
        crate::ui::paint_segments(&list, ".ck-tag", &colours);
        drawn = Some((list, markup));
    });
}

/// The part of `all` that `range` gives, cut to what there is.
fn within<T>(all: &[T], range: std::ops::Range<usize>) -> &[T] {
    &all[range.start.min(all.len())..range.end.min(all.len())]
}

/// The most cards printed: every member found, up to this many, rather than the page shown
/// (the pager does not print).
const PRINTED: usize = 500;

/// On paper, the cards of every member found (up to [`PRINTED`], and a line saying so
/// beyond), drawn at once as the browser is about to print (an effect would be too late: a
/// page's own `window.print()` waits for nothing); the page shown again after.
fn on_paper(
    list: NodeRef<leptos::html::Ul>,
    feed: Signal<Arc<Feed>>,
    outcome: Memo<Arc<Outcome>>,
    lang: Signal<Lang>,
    level: u8,
    page: impl Fn() -> std::ops::Range<usize> + Clone + 'static,
) {
    // Off the browser there is no window to print, and web-sys' imports would abort.
    if cfg!(not(target_arch = "wasm32")) {
        return;
    }
    // One listener for both events: each closure type costs the Wasm its own glue.
    let on_print = move |ev: web_sys::Event| {
        let Some(list) = list.get_untracked() else {
            return;
        };
        let printing = ev.type_() == "beforeprint";
        let range = if printing { 0..PRINTED } else { page() };
        let (feed, outcome) = (feed.read_untracked(), outcome.read_untracked());
        let results = &outcome.results;
        let shown = within(results, range);
        let lang = lang.get_untracked();
        let (mut markup, colours) = cards(&feed, shown, lang, &outcome.query, level);
        // Beyond them, a line saying so (an item of the list only while it prints).
        if printing && results.len() > PRINTED {
            let n = crate::i18n::intl::format_number(lang, PRINTED);
            let said = fill(lang.strings().printed_first, &[("n", &n)]);
            let _ = write!(markup, "<li class=\"ck-print-note\">{}</li>", escape(&said));
        }
        // A card's name the visitor had focused (Ctrl+P) keeps the focus.
        crate::ui::redraw_keeping_focus(&list, &markup, &["data-i"]);
        crate::ui::paint_segments(&list, ".ck-tag", &colours);
    };
    // From the first effect run: building the directory touches no `window`.
    crate::ui::effect(move || {
        let print = window_event_listener_untyped("beforeprint", on_print.clone());
        let screen = window_event_listener_untyped("afterprint", on_print.clone());
        on_cleanup(move || {
            print.remove();
            screen.remove();
        });
    });
}

#[cfg(test)]
mod tests;
