//! The custom elements behind the script tag: `clusterkit-directory`, `clusterkit-chart` and
//! `clusterkit-calendar`.
//!
//! Custom element classes must be JavaScript classes, so the loader (`www/loader.js`, a
//! small hand-written classic script) defines them and calls the four functions here: it
//! attaches an open shadow root, then [`ck_connect`] mounts the widget into it,
//! [`ck_attr`] passes each attribute change, and [`ck_disconnect`] disposes of the widget
//! when the element leaves the page. This module is behind the `embed` feature, so a Leptos
//! app that uses the components pays nothing for it.

use std::cell::{Cell, RefCell};

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use web_sys::{HtmlElement, ShadowRoot};

use crate::calendar::View;
use crate::chart::data::{By, Shape};
use crate::directory::model::{Filter, Layout, Sort};
use crate::feed::{Date, FeedState, Kind, LoadError, inline_feed, use_feed};
use crate::i18n::Lang;
use crate::ui::colour::{backdrop, is_dark, watch_surroundings};
use crate::ui::{CSS, FeedStatus};
use crate::{EventCalendar, MemberDirectory, SegmentChart};

mod attrs;
use attrs::{AttrAt, choice, flag, known_ids, unquoted, words};

/// The element's attributes, name and value (a few, so a list: smaller than a hash map).
type Attrs = Vec<(String, String)>;

/// The pseudo-attribute that holds the page's language where the element is (the nearest
/// `lang` above it): no real attribute name starts with `@`.
const INHERITED_LANG: &str = "@lang";

fn attr_value<'a>(attrs: &'a Attrs, name: &str) -> Option<&'a String> {
    attrs.iter().find(|(n, _)| n == name).map(|(_, v)| v)
}

struct Mounted {
    attrs: ArcRwSignal<Attrs>,
    _view: Box<dyn std::any::Any>,
}

thread_local! {
    static MOUNTED: RefCell<Vec<(u32, Mounted)>> = const { RefCell::new(Vec::new()) };
    static NEXT_ID: Cell<u32> = const { Cell::new(1) };
    static SHEET: RefCell<Option<web_sys::CssStyleSheet>> = const { RefCell::new(None) };
    static ON_FATAL: RefCell<Option<js_sys::Function>> = const { RefCell::new(None) };
}

/// Called once by the loader after the Wasm starts: `on_fatal` is called with a message if
/// Rust ever panics, so the loader can replace every widget with an error box and a reload
/// button (a panic aborts the one Wasm instance all widgets share). `feeds` maps the URLs of
/// the feeds the loader started fetching while the Wasm loaded to their `fetch` promises.
#[wasm_bindgen]
pub fn ck_init(on_fatal: js_sys::Function, feeds: js_sys::Map) {
    // Each feed comes as [the response, its body being read].
    feeds.for_each(&mut |fetch, url| {
        let Some(fetch) = fetch.dyn_ref::<js_sys::Array>() else {
            return;
        };
        if let (Some(url), Ok(response), Ok(body)) = (
            url.as_string(),
            fetch.get(0).dyn_into(),
            fetch.get(1).dyn_into(),
        ) {
            crate::feed::adopt(&url, response, body, fetch.get(2).dyn_into().ok());
        }
    });
    ON_FATAL.with(|f| *f.borrow_mut() = Some(on_fatal));
    std::panic::set_hook(Box::new(|info| {
        let message = info.to_string();
        ON_FATAL.with(|f| {
            if let Ok(f) = f.try_borrow()
                && let Some(f) = f.as_ref()
            {
                let _ = f.call1(&JsValue::NULL, &message.into());
            }
        });
    }));
}

/// The visitor's default font size (`medium`, 16px unless they changed it), in pixels, as
/// measured in `inside` once a page.
fn default_font_size(inside: &HtmlElement) -> Option<String> {
    thread_local! {
        static MEASURED: RefCell<Option<String>> = const { RefCell::new(None) };
    }
    if let Some(size) = MEASURED.with(|m| m.borrow().clone()) {
        return Some(size);
    }
    let document = inside.owner_document()?;
    let probe: HtmlElement = document.create_element("span").ok()?.unchecked_into();
    // Through CSSOM: a strict CSP blocks `style` attributes.
    probe.style().set_property("font-size", "medium").ok()?;
    inside.append_child(&probe).ok()?;
    let size = web_sys::window()?
        .get_computed_style(&probe)
        .ok()??
        .get_property_value("font-size")
        .ok()
        .filter(|s| s.ends_with("px"));
    probe.remove();
    MEASURED.with(|m| m.borrow_mut().clone_from(&size));
    size
}

/// The one stylesheet every shadow root adopts (constructable, so a strict CSP allows it).
fn adopt_styles(root: &ShadowRoot) -> Result<(), JsValue> {
    let sheet = SHEET.with(|cell| -> Result<web_sys::CssStyleSheet, JsValue> {
        if let Some(sheet) = cell.borrow().as_ref() {
            return Ok(sheet.clone());
        }
        let sheet = web_sys::CssStyleSheet::new()?;
        sheet.replace_sync(CSS)?;
        *cell.borrow_mut() = Some(sheet.clone());
        Ok(sheet)
    })?;
    js_sys::Reflect::set(
        root,
        &"adoptedStyleSheets".into(),
        &js_sys::Array::of1(&sheet),
    )?;
    Ok(())
}

thread_local! {
    // The choices of each directory element with an `id`, shared with the charts whose
    // `for` names it; reference-counted, so either side may be removed first.
    static CHOICES: RefCell<Vec<(String, ArcRwSignal<Filter>)>> = const { RefCell::new(Vec::new()) };
}

/// The shared choices of the directory element with this `id`.
fn choices_of(id: &str) -> ArcRwSignal<Filter> {
    CHOICES.with(|all| {
        let mut all = all.borrow_mut();
        if let Some((_, choices)) = all.iter().find(|(i, _)| i == id) {
            return choices.clone();
        }
        let choices = ArcRwSignal::new(Filter::default());
        all.push((id.to_owned(), choices.clone()));
        choices
    })
}

/// Which widget an element is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Widget {
    Directory,
    Chart,
    Calendar,
}

impl Widget {
    /// The element's name.
    fn tag(self) -> &'static str {
        match self {
            Widget::Directory => "clusterkit-directory",
            Widget::Chart => "clusterkit-chart",
            Widget::Calendar => "clusterkit-calendar",
        }
    }
}

/// Mounts the widget named by `tag` (the element's local name) into `root`; returns the
/// handle the loader passes to [`ck_attr`] and [`ck_disconnect`].
#[wasm_bindgen]
pub fn ck_connect(host: HtmlElement, root: ShadowRoot, tag: &str) -> Result<u32, JsValue> {
    let widget = match tag {
        "clusterkit-chart" => Widget::Chart,
        "clusterkit-calendar" => Widget::Calendar,
        _ => Widget::Directory,
    };
    adopt_styles(&root)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let container: HtmlElement = document.create_element("div")?.unchecked_into();
    container.set_class_name("ck-frame");
    root.replace_children_with_node_1(&container);
    // The widgets' unit (see theme.css): the visitor's default font size, whatever the
    // page's root font size.
    if let Some(unit) = default_font_size(&container) {
        container.style().set_property("--ck-rem", &unit)?;
    }

    let names = host.get_attribute_names();
    let mut attrs: Attrs = names
        .iter()
        .filter_map(|n| n.as_string())
        .filter_map(|n| host.get_attribute(&n).map(|v| (n, v)))
        .collect();
    // The page's language where the element is (the loader passes it again as it changes).
    let inherited = host
        .parent_element()
        .and_then(|p| p.closest("[lang]").ok().flatten())
        .and_then(|e| e.get_attribute("lang"));
    attrs.push((INHERITED_LANG.to_owned(), inherited.unwrap_or_default()));
    let attrs = ArcRwSignal::new(attrs);
    let inline = host
        .query_selector("script[type='application/json']")?
        .and_then(|s| s.text_content());

    let view_attrs = attrs.clone();
    let handle =
        leptos::mount::mount_to(container, move || element_view(widget, view_attrs, inline));
    let id = NEXT_ID.with(|n| {
        let id = n.get();
        n.set(id + 1);
        id
    });
    MOUNTED.with(|m| {
        m.borrow_mut().push((
            id,
            Mounted {
                attrs,
                _view: Box::new(handle),
            },
        ))
    });
    Ok(id)
}

/// Passes an attribute change (`None` when removed) to a mounted widget.
#[wasm_bindgen]
pub fn ck_attr(id: u32, name: String, value: Option<String>) {
    let attrs = MOUNTED.with(|m| {
        let m = m.borrow();
        m.iter()
            .find(|(i, _)| *i == id)
            .map(|(_, m)| m.attrs.clone())
    });
    if let Some(attrs) = attrs {
        attrs.update(|a| {
            let at = a.iter().position(|(n, _)| *n == name);
            match (at, value) {
                (Some(at), Some(v)) => a[at].1 = v,
                (None, Some(v)) => a.push((name, v)),
                (Some(at), None) => {
                    a.swap_remove(at);
                }
                (None, None) => {}
            }
        });
    }
}

/// Unmounts a widget and frees everything it held.
#[wasm_bindgen]
pub fn ck_disconnect(id: u32) {
    let mounted = MOUNTED.with(|m| {
        let mut m = m.borrow_mut();
        let at = m.iter().position(|(i, _)| *i == id);
        at.map(|at| m.swap_remove(at))
    });
    // Disposing the widget stops it watching its feed, which is aborted if still loading
    // and named by no other widget once this task is over (see `use_feed`).
    drop(mounted);
}

fn element_view(
    widget: Widget,
    attrs: ArcRwSignal<Attrs>,
    inline: Option<String>,
) -> impl IntoView {
    let attr = {
        let attrs = attrs.clone();
        move |name: &'static str| {
            let attrs = attrs.clone();
            crate::ui::memo(move |_| attr_value(&attrs.read(), name).cloned())
        }
    };
    let lang_attr = attr("lang");
    let inherited = attr(INHERITED_LANG);
    // The element's own `lang` if it names a language of ours, else the page's if it does,
    // else English: on a French page, English words with English dates, marked `en` for
    // screen readers, rather than English words marked and dated as French.
    let locale = crate::ui::memo(move |_| {
        let ours = |l: &String| Lang::from_tag(l).is_some();
        lang_attr
            .get()
            .filter(ours)
            .or_else(|| inherited.get().filter(ours))
            .unwrap_or_else(|| "en".into())
    });
    let lang = Signal::derive(move || Lang::from_tag(&locale.read()).unwrap_or_default());
    // While the feed downloads, make the `Intl` objects its first sort and counts will need.
    let first_lang = lang.get_untracked();
    set_timeout(
        move || crate::i18n::intl::warm(first_lang),
        std::time::Duration::ZERO,
    );
    let debug = {
        let attrs = attrs.clone();
        Signal::derive(move || flag(attr_value(&attrs.read(), "debug").cloned()).is_some())
    };
    let theme = attr("theme");
    let feed_url = attr("feed");
    let page_size = attr("page-size");
    let month = attr("month");
    let timezone = attr("timezone");
    let categories = attr("categories");
    // The element's id: a directory with one shares its choices with the charts `for` it,
    // and names its URL parameter after it; set or changed later, it applies then.
    let host_id = attr("id");
    let segments = attr("segments");
    let kinds = attr("kinds");
    let sort = attr("sort");
    let layout = attr("view");
    let sync_url = attr("sync-url");
    let hide_filters = attr("hide-filters");
    let by = attr("by");
    let chart_type = attr("type");
    let top = attr("top");
    let link = attr("for");

    // Without a theme, the widget takes the page's colours: on a dark page, the dark theme's
    // accent and palette, which keep their contrast there. Measured again whenever the page's
    // colours may have changed (`watch_surroundings`); a chart inside watches this element
    // too, so it checks its marks again after a change here, as after a change of `theme`.
    let root = NodeRef::<leptos::html::Div>::new();
    crate::ui::effect(move || {
        let Some(root) = root.get() else {
            return;
        };
        let root: web_sys::Element = root.into();
        let watched = root.clone();
        let measure = move || {
            let backdrop = if is_dark(backdrop(&root)) {
                "dark"
            } else {
                "light"
            };
            if root.get_attribute("data-backdrop").as_deref() != Some(backdrop) {
                let _ = root.set_attribute("data-backdrop", backdrop);
            }
        };
        measure();
        watch_surroundings(&watched, measure);
    });

    let (state, retry) = match inline {
        Some(json) => (Signal::stored(inline_feed(&json)), None),
        None => {
            let url = Signal::derive(move || {
                feed_url
                    .read()
                    .as_deref()
                    .map(unquoted)
                    .unwrap_or_default()
                    .to_owned()
            });
            let loaded = use_feed(url);
            let state = Signal::derive(move || {
                if url.read().is_empty() {
                    FeedState::Failed(LoadError::Missing)
                } else {
                    loaded.state.get()
                }
            });
            (state, Some(loaded.retry))
        }
    };

    // An attribute of this element, for what the console says of a value it cannot read.
    let at = move |attr| AttrAt {
        widget,
        id: host_id,
        lang,
        attr,
    };
    // A value the stylesheet has no theme for (`Dark`, `purple`) is said once, and the widget
    // keeps the page's colours, as without a theme.
    let theme = crate::ui::memo(move |_| {
        let known = |t: &str| ["light", "dark", "auto"].contains(&t).then(|| t.to_owned());
        choice(theme.get(), known, "light, dark, auto", at("theme"))
    });
    // So is an own `lang` the widgets do not speak (the page's own language is the page's).
    crate::ui::effect(move || {
        choice(
            lang_attr.get(),
            Lang::from_tag,
            "ca, es, gl, en",
            at("lang"),
        );
    });
    view! {
        // Left to right, as each of the widgets' languages is, on a right-to-left page too.
        <div class="ck-root" part="root" node_ref=root dir="ltr" data-theme=move || theme.get() lang=move || locale.get()>
            <FeedStatus state=state retry=retry lang=lang debug=debug let:feed>
                {move || match widget {
                    Widget::Directory => {
                        let page_size = choice(page_size.get(), |p| p.parse().ok().filter(|&n: &usize| n > 0), "1, 2, 3…", at("page-size"));
                        let filter = Signal::derive(move || Filter {
                            segments: known_ids(words(segments.get()), &feed.read().segments, |s| s.d_unknown_segment, at("segments")),
                            kinds: words(kinds.get())
                                .into_iter()
                                .filter_map(|k| choice(Some(k), Kind::from_id, "sme, large, research, other", at("kinds")))
                                .collect(),
                            ..Filter::default()
                        });
                        // A directory with an id shares its choices with the charts `for` it:
                        // the attributes set them, and so do the visitor and the charts.
                        let id = host_id.get().unwrap_or_default();
                        let (filter, on_filter) = if id.is_empty() {
                            (filter, None)
                        } else {
                            let shared = choices_of(&id);
                            let set = shared.clone();
                            crate::ui::effect(move || set.set(filter.get()));
                            let set = shared.clone();
                            (Signal::from(shared), Some(Callback::new(move |f: Filter| set.set(f))))
                        };
                        let sort = choice(sort.get(), Sort::from_id, "name, joined, relevance", at("sort")).unwrap_or_default();
                        let layout = choice(layout.get(), Layout::from_id, "grid, list", at("view")).unwrap_or_default();
                        // One URL parameter per directory, always in the `ck-` namespace so
                        // that no CMS's own (WordPress' `s`, `p`, `page`…) is ever touched: the
                        // attribute's value, else the element's id, else `dir`.
                        let sync_url = flag(sync_url.get()).map(|name| match name.trim() {
                            "" if id.is_empty() => "ck-dir".to_owned(),
                            "" => format!("ck-{id}"),
                            name if name.starts_with("ck-") => name.to_owned(),
                            name => format!("ck-{name}"),
                        });
                        view! {
                            <MemberDirectory
                                feed=feed
                                lang=lang
                                page_size=page_size.unwrap_or(24)
                                filter=filter
                                on_filter=move |f: Filter| {
                                    if let Some(on_filter) = on_filter {
                                        on_filter.run(f);
                                    }
                                }
                                sort=sort
                                layout=layout
                                sync_url=sync_url.unwrap_or_default()
                                hide_filters=flag(hide_filters.get()).is_some()
                            />
                        }
                        .into_any()
                    }
                    Widget::Chart => {
                        // Memos: a value that cannot be read is said once, not at each use.
                        let by = crate::ui::memo(move |_| choice(by.get(), By::from_id, "segment, kind, region, city, joined", at("by")).unwrap_or_default());
                        let shape = crate::ui::memo(move |_| choice(chart_type.get(), Shape::from_id, "bar, column, donut", at("type")));
                        let top: Option<usize> = choice(top.get(), |t| t.parse().ok().filter(|&n: &usize| n > 0), "1, 2, 3…", at("top"));
                        // `for` names the directory whose choices the chart shows and toggles.
                        match link.get().filter(|id| !id.trim().is_empty()) {
                            Some(id) => {
                                let shared = choices_of(id.trim());
                                let set = shared.clone();
                                view! {
                                    <SegmentChart
                                        feed=feed
                                        lang=lang
                                        by=by
                                        shape=shape
                                        top=top
                                        filter=Signal::from(shared)
                                        on_filter=move |f: Filter| set.set(f)
                                    />
                                }
                                .into_any()
                            }
                            None => view! { <SegmentChart feed=feed lang=lang by=by shape=shape top=top/> }.into_any(),
                        }
                    }
                    Widget::Calendar => {
                        let month = choice(month.get(), |m| Date::parse(&format!("{m}-01")), "2026-11…", at("month"));
                        let view = crate::ui::memo(move |_| choice(layout.get(), View::from_id, "month, list", at("view")));
                        // Ids the feed does not define are left out (and said): one would
                        // leave no event to show, with no choice of the visitor's to undo.
                        let segments = Signal::derive(move || {
                            known_ids(words(segments.get()), &feed.read().segments, |s| s.d_unknown_segment, at("segments"))
                        });
                        let categories = Signal::derive(move || {
                            known_ids(words(categories.get()), &feed.read().categories, |s| s.d_unknown_category, at("categories"))
                        });
                        match month {
                            Some(m) => view! { <EventCalendar feed=feed lang=lang locale=locale timezone=timezone view=view segments=segments categories=categories month=m/> }.into_any(),
                            None => view! { <EventCalendar feed=feed lang=lang locale=locale timezone=timezone view=view segments=segments categories=categories/> }.into_any(),
                        }
                    }
                }}
            </FeedStatus>
        </div>
    }
}
