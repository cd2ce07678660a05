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

use crate::calendar::{CalendarView, zone};
use crate::chart::data::{By, Shape};
use crate::directory::MAX_PAGE_SIZE;
use crate::directory::model::{Filter, Layout, Sort};
use crate::feed::{FeedState, Kind, LoadError, shared_inline_feed, use_feed};
use crate::i18n::Lang;
use crate::ui::colour::{Rgba, backdrop, is_dark, quieting, watch_surroundings};
use crate::ui::{CSS, FeedStatus};
use crate::{EventCalendar, MemberDirectory, SegmentChart};

mod attrs;
mod events;
mod view;
mod widgets;
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
    crate::ui::history::loader_listens();
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
    // (Where the bundle is built with panics that trap at once, no hook runs: the loader
    // catches the trap itself.)
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("clusterkit: {info}").into());
        fatal(false);
    }));
}

/// Turns every widget of the page into the loader's error box, as a crash does; `hopeless`
/// when nothing a reload would change stopped them (the box then has no reload button).
fn fatal(hopeless: bool) {
    ON_FATAL.with(|f| {
        if let Ok(f) = f.try_borrow()
            && let Some(f) = f.as_ref()
        {
            let _ = f.call1(&JsValue::NULL, &hopeless.into());
        }
    });
}

/// Gives up on every widget of the page, which cannot draw a thing: the page's policy
/// refuses their markup (see `ui::set_html`). Error boxes, built without markup, say so
/// where blank or half-drawn widgets would stand.
pub(crate) fn give_up() {
    fatal(true);
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

/// A directory's id, its choices, and how many charts and directories hold them.
type HeldChoices = (String, ArcRwSignal<Filter>, [usize; 2]);

thread_local! {
    // The choices of each directory element with an `id`, shared with the charts whose
    // `for` names it, and how many charts and directories hold them: either side may be
    // removed first, and they go with the last (a page's script that makes directories with
    // new ids keeps none of those gone).
    static CHOICES: RefCell<Vec<HeldChoices>> = const { RefCell::new(Vec::new()) };
    // The ids of the page's directories, in whatever shadow root they are: a chart's `for`
    // reaches them all, as the choices do.
    static DIRECTORIES: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

/// Counts a directory with this `id` among those a chart's `for` may name, until the
/// reactive scope it is called in is cleaned up (the element goes, or its id changes).
fn directory_on_page(id: &str) {
    crate::ui::hold(&DIRECTORIES, id);
}

/// Whether a directory with this `id` is anywhere on the page.
fn directory_named(id: &str) -> bool {
    DIRECTORIES.with_borrow(|ids| ids.iter().any(|i| i == id))
}

/// The choices of the directory element with an `id`, shared with the charts whose `for`
/// names it, held by a chart or a directory until this is dropped.
struct Choices {
    id: String,
    filter: ArcRwSignal<Filter>,
    /// Held by a directory (1) or a chart (0): the index of its count.
    holder: usize,
}

impl Choices {
    /// Holds the choices shared under `id`, made empty if none holds them yet, for a
    /// directory or a chart.
    fn of(id: &str, directory: bool) -> Self {
        let holder = usize::from(directory);
        let filter = CHOICES.with_borrow_mut(|all| {
            if let Some((_, filter, holders)) = all.iter_mut().find(|(i, ..)| i == id) {
                holders[holder] += 1;
                return filter.clone();
            }
            let filter = ArcRwSignal::new(Filter::default());
            let mut holders = [0; 2];
            holders[holder] = 1;
            all.push((id.to_owned(), filter.clone(), holders));
            filter
        });
        Choices {
            id: id.to_owned(),
            filter,
            holder,
        }
    }

    /// A directory's hold of the choices of `id`, if there is one, made `filter`.
    fn set(id: Option<&str>, filter: Filter) -> Option<Self> {
        let choices = Choices::of(id?, true);
        choices.filter.set(filter);
        Some(choices)
    }

    /// A chart's hold of the choices of `id`, until the reactive scope it is called in is
    /// cleaned up.
    fn held(id: &str) -> ArcRwSignal<Filter> {
        let choices = Choices::of(id, false);
        let filter = choices.filter.clone();
        on_cleanup(move || drop(choices));
        filter
    }

    /// Lets go of them: a directory that was the last one to hold them (its id changed)
    /// leaves the charts that still do with no choices, as it names no directory now.
    fn release(self) {
        let filter = self.filter.clone();
        let id = self.id.clone();
        drop(self);
        let directories = CHOICES.with_borrow(|all| {
            all.iter()
                .find(|(i, ..)| *i == id)
                .map_or(0, |(.., holders)| holders[1])
        });
        if directories == 0 {
            filter.set(Filter::default());
        }
    }
}

impl Drop for Choices {
    fn drop(&mut self) {
        CHOICES.with_borrow_mut(|all| {
            if let Some(at) = all.iter().position(|(i, ..)| *i == self.id) {
                all[at].2[self.holder] -= 1;
                if all[at].2 == [0, 0] {
                    all.swap_remove(at);
                }
            }
        })
    }
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
/// handle the loader passes to [`ck_attr`] and [`ck_disconnect`]. The loader has read what
/// the element's attributes cannot say: the page's language where it is (`lang`, the nearest
/// `lang` above it through the shadow roots it may sit in, empty if none; it passes it again
/// as it changes), the text of its inline feed (`inline`), if it has one, and the page's
/// address when the element was connected or its `feed` named (`base`), against which its
/// feed's and inline feed's relative URLs resolve: by now a single-page app's router may
/// have changed the page's (a `feed` set later comes to [`ck_attr`] already resolved).
#[wasm_bindgen]
pub fn ck_connect(
    host: HtmlElement,
    root: ShadowRoot,
    tag: &str,
    lang: String,
    inline: Option<String>,
    base: Option<String>,
) -> Result<u32, JsValue> {
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
    // The widgets' unit (see theme.css): the visitor's default font size, or the page's
    // root font size where that is larger (a site set in larger type, or its own "A+"
    // control, which CSS follows as it changes), never smaller (`html { font-size: 62.5% }`).
    if let Some(unit) = default_font_size(&container) {
        container
            .style()
            .set_property("--ck-rem", &format!("max({unit}, 1rem)"))?;
    }

    let names = host.get_attribute_names();
    let mut attrs: Attrs = names
        .iter()
        .filter_map(|n| n.as_string())
        .filter_map(|n| host.get_attribute(&n).map(|v| (n, tidy(v))))
        .collect();
    attrs.push((INHERITED_LANG.to_owned(), lang));
    if let Some(base) = &base
        && let Some((_, feed)) = attrs.iter_mut().find(|(name, _)| name == "feed")
        // An empty one names no feed: resolved, it would be the page itself.
        && !feed.trim().is_empty()
        && let Some(absolute) = crate::feed::resolve(feed, Some(base))
    {
        *feed = absolute;
    }
    let attrs = ArcRwSignal::new(attrs);

    let view_attrs = attrs.clone();
    let handle = leptos::mount::mount_to(container, move || {
        view::element_view(widget, view_attrs, inline, base)
    });
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

/// An attribute's value without the spaces and quotes around it: a CMS that "smartens"
/// quotes writes `page-size=”3”`, which HTML reads with the quotes in it. Every value is
/// stored so, and read as it is stored.
fn tidy(value: String) -> String {
    match unquoted(&value) {
        tidied if tidied.len() == value.len() => value,
        tidied => tidied.to_owned(),
    }
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
                (Some(at), Some(v)) => a[at].1 = tidy(v),
                (None, Some(v)) => a.push((name, tidy(v))),
                (Some(at), None) => {
                    a.swap_remove(at);
                }
                (None, None) => {}
            }
        });
    }
}

/// A move of the back or forward button (a `popstate`), heard by the loader before a
/// router's listener where its script ran first: every widget answers it; whether it goes
/// no further, being the widgets' own (a dialog's entry, a move between two views of the
/// page's directories).
#[wasm_bindgen]
pub fn ck_popped(trusted: bool) -> bool {
    crate::ui::history::popped(trusted)
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
