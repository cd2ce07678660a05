//! What an element shows: its attributes read (and said once when they cannot be), the
//! feed they name loaded, and the widget its tag names drawn in its shadow root.

use std::sync::Arc;

use super::events::{self, tell};
use super::*;
use crate::feed::Feed;

pub(super) fn element_view(
    widget: Widget,
    attrs: ArcRwSignal<Attrs>,
    inline: Option<String>,
    base: Option<String>,
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
    let heading_level = attr("heading-level");
    let label = attr("label");

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
            let behind = backdrop(&root);
            let backdrop = if is_dark(behind) { "dark" } else { "light" };
            if root.get_attribute("data-backdrop").as_deref() != Some(backdrop) {
                let _ = root.set_attribute("data-backdrop", backdrop);
            }
            // Muted text and tints as quiet as the page's colours leave room for: on a
            // mid-tone page (white on a brand blue), less quiet, so that they keep 4.5:1.
            // Set through CSSOM, which a strict CSP allows.
            let (Some(frame), Some(computed)) = (
                root.dyn_ref::<HtmlElement>(),
                window().get_computed_style(&root).ok().flatten(),
            ) else {
                return;
            };
            let read = |name: &str| computed.get_property_value(name).unwrap_or_default();
            let Some(fg) = Rgba::parse(&read("color")) else {
                return;
            };
            let style = frame.style();
            // The accent as the stylesheet (or the page's --ck-accent) gives it, not as the
            // last measure set it.
            for property in ["--_accent", "--_focus"] {
                let _ = style.remove_property(property);
            }
            let accent = Rgba::parse(&read("--_accent")).unwrap_or(fg);
            let quiet = quieting(fg, accent, behind);
            let _ = style.set_property("--_mute", &format!("{}%", quiet.mute));
            // The text's own colour, whole: a highlighted match inside muted text takes it
            // (`currentColor` there is the muted one, under 4.5:1 on a tint of a mid-tone page).
            let _ = style.set_property("--_ink", &fg.over(behind).css());
            // A factor written without the float formatting code: 1, 0.75 … 0.00.
            let tint = match quiet.tint {
                100.. => "1".to_owned(),
                k => format!("0.{k:02}"),
            };
            let _ = style.set_property("--_tint", &tint);
            // Links and focus rings in the text's colour where the accent would not read,
            // unless the page chose its own accent.
            if quiet.plain_accent && read("--ck-accent").trim().is_empty() {
                let text = fg.over(behind).css();
                let _ = style.set_property("--_accent", &text);
                let _ = style.set_property("--_focus", &text);
            }
        };
        measure();
        watch_surroundings(&watched, measure);
    });

    let (state, retry) = match inline {
        Some(json) => (Signal::stored(inline_feed_at(&json, base)), None),
        None => {
            let url = Signal::derive(move || feed_url.get().unwrap_or_default());
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

    let element = Element {
        attrs: Attributes {
            page_size,
            month,
            timezone,
            categories,
            host_id,
            segments,
            kinds,
            sort,
            layout,
            sync_url,
            hide_filters,
            by,
            chart_type,
            top,
            link,
            label,
        },
        at: AttrAt {
            widget,
            id: host_id,
            lang,
            attr: "",
            said: StoredValue::new(Vec::new()),
        },
        locale,
        root,
    };
    let at = element.at();
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
    // A directory with an id is one a chart's `for` may name, from any shadow root, from now
    // on: its feed may take a while.
    if widget == Widget::Directory {
        crate::ui::effect(move || {
            if let Some(id) = host_id.get().filter(|id| !id.is_empty()) {
                directory_on_page(&id);
            }
        });
    }
    // What the widget is called, for its error box.
    let name = Signal::derive(move || {
        let lang = lang.get();
        let default = match widget {
            Widget::Directory => lang.strings().member_directory,
            Widget::Calendar => lang.strings().event_calendar,
            Widget::Chart => {
                let by = by.get().and_then(|b| By::from_id(b.trim()));
                by.unwrap_or_default().title(lang)
            }
        };
        Some(crate::ui::named(label.get(), default))
    });
    view! {
        // Left to right, as each of the widgets' languages is, on a right-to-left page too.
        <div class="ck-root" part="root" node_ref=root dir="ltr" data-theme=move || theme.get() lang=move || locale.get()>
            <FeedStatus state=state retry=retry lang=lang debug=debug label=name let:feed>
                {move || {
                    // Where its heading stands in the page's outline: 3 under a section's h2.
                    let heading = choice(heading_level.get(), |l| l.parse().ok().filter(|l: &u8| (1..=6).contains(l)), "1, 2, 3, 4, 5, 6", at("heading-level")).unwrap_or(2);
                    match widget {
                        Widget::Directory => directory(element, feed, heading),
                        Widget::Chart => chart(element, feed, heading),
                        Widget::Calendar => calendar(element, feed, heading),
                    }
                }}
            </FeedStatus>
        </div>
    }
}

/// The attributes a widget's body reads, each as it changes.
#[derive(Clone, Copy)]
struct Attributes {
    page_size: Memo<Option<String>>,
    month: Memo<Option<String>>,
    timezone: Memo<Option<String>>,
    categories: Memo<Option<String>>,
    /// The element's id.
    host_id: Memo<Option<String>>,
    segments: Memo<Option<String>>,
    kinds: Memo<Option<String>>,
    sort: Memo<Option<String>>,
    layout: Memo<Option<String>>,
    sync_url: Memo<Option<String>>,
    hide_filters: Memo<Option<String>>,
    by: Memo<Option<String>>,
    chart_type: Memo<Option<String>>,
    top: Memo<Option<String>>,
    link: Memo<Option<String>>,
    label: Memo<Option<String>>,
}

/// What a widget's body needs of its element: its attributes and language, and the root it
/// tells the page's scripts from.
#[derive(Clone, Copy)]
struct Element {
    attrs: Attributes,
    /// Any of its attributes, for what the console says of a value it cannot read: with
    /// `attr` set by [`Element::at`].
    at: AttrAt,
    /// The language tag the widget is marked with (`en-US` keeps its region).
    locale: Memo<String>,
    root: NodeRef<leptos::html::Div>,
}

impl Element {
    /// A function naming one of the element's attributes, for what the console says of a
    /// value it cannot read.
    fn at(self) -> impl Fn(&'static str) -> AttrAt + Copy {
        let at = self.at;
        move |attr| AttrAt { attr, ..at }
    }

    /// A function telling the page's scripts an event from the element: the visitor's
    /// choices, what they open.
    fn teller(self) -> impl Fn(&'static str, wasm_bindgen::JsValue) + Copy {
        let root = self.root;
        move |event, detail| tell(root.get_untracked().map(Into::into), event, detail)
    }
}

// Each widget's body below is called once, from the element's view, and inlined there: as
// functions of their own they cost 0.3 KB brotli more.

/// A `<clusterkit-directory>`: its attributes as [`MemberDirectory`]'s props.
#[inline(always)]
fn directory(el: Element, feed: Signal<Arc<Feed>>, heading: u8) -> AnyView {
    let (a, at, lang, told) = (el.attrs, el.at(), el.at.lang, el.teller());
    let page_size = choice(
        a.page_size.get(),
        |p| {
            p.parse()
                .ok()
                .filter(|n: &usize| (1..=MAX_PAGE_SIZE).contains(n))
        },
        "1, 2, 3… 100",
        at("page-size"),
    );
    let filter = Signal::derive(move || Filter {
        segments: known_ids(
            words(a.segments.get()),
            &feed.read().segments,
            |s| s.d_unknown_segment,
            at("segments"),
        ),
        kinds: words(a.kinds.get())
            .into_iter()
            .filter_map(|k| {
                choice(
                    Some(k),
                    Kind::from_id,
                    "sme, large, research, other",
                    at("kinds"),
                )
            })
            .collect(),
        ..Filter::default()
    });
    // A directory with an id shares its choices with the charts `for` it: the attributes set
    // them, and so do the visitor and the charts.
    let id = a.host_id.get().unwrap_or_default();
    let (filter, shared) = if id.is_empty() {
        (filter, None)
    } else {
        // The attributes' choices first, before the directory reads them, then each change of
        // them: had they come in an effect after it, they would replace what a shared link
        // restored.
        let shared = choices_of(&id);
        shared.set(filter.get_untracked());
        let set = shared.clone();
        crate::ui::on_change(move || filter.get(), move |f| set.set(f));
        let set = shared.clone();
        (Signal::from(shared), Some(set))
    };
    let sort = choice(
        a.sort.get(),
        Sort::from_id,
        "name, joined, relevance",
        at("sort"),
    )
    .unwrap_or_default();
    let layout =
        choice(a.layout.get(), Layout::from_id, "grid, list", at("view")).unwrap_or_default();
    // One URL parameter per directory, always in the `ck-` namespace so that no CMS's own
    // (WordPress' `s`, `p`, `page`…) is ever touched: the attribute's value, else the
    // element's id, else `dir`.
    let sync_url = flag(a.sync_url.get()).map(|name| match name.as_str() {
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
                told("clusterkit-filter", events::choices(&f));
                if let Some(shared) = &shared {
                    shared.set(f);
                }
            }
            on_open=move |id: String| told("clusterkit-open", events::opened(&id))
            sort=sort
            layout=layout
            sync_url=sync_url.unwrap_or_default()
            hide_filters=flag(a.hide_filters.get()).is_some()
            heading_level=heading
            label=a.label
        />
    }
    .into_any()
}

/// A `<clusterkit-chart>`: its attributes as [`SegmentChart`]'s props, and `for` as the choices
/// of the directory it names.
#[inline(always)]
fn chart(el: Element, feed: Signal<Arc<Feed>>, heading: u8) -> AnyView {
    let (a, at, lang) = (el.attrs, el.at(), el.at.lang);
    // Memos: a value that cannot be read is said once, not at each use.
    let by = crate::ui::memo(move |_| {
        choice(
            a.by.get(),
            By::from_id,
            "segment, kind, region, city, joined",
            at("by"),
        )
        .unwrap_or_default()
    });
    let shape = crate::ui::memo(move |_| {
        choice(
            a.chart_type.get(),
            Shape::from_id,
            "bar, column, donut",
            at("type"),
        )
    });
    let top: Option<usize> = choice(
        a.top.get(),
        |t| t.parse().ok().filter(|&n: &usize| n > 0),
        "1, 2, 3…",
        at("top"),
    );
    // `for` names the directory whose choices the chart shows and toggles.
    let (filter, on_filter) = match a.link.get().filter(|id| !id.is_empty()) {
        Some(id) => {
            // Naming no directory, its bars would be pressed and filter nothing: said once,
            // when a bar is pressed, or if no directory has taken the id 5 s after (a page's
            // script may add the directory after the chart, and a webmaster may not press a
            // bar).
            let (wanted, at, root) = (id.clone(), at("for"), el.root);
            let check = StoredValue::new_local(move || {
                // Gone by then (removed from the page), its signals with it: reading one
                // would trap.
                if !matches!(root.try_get_untracked(), Some(Some(_))) {
                    return;
                }
                if !directory_named(&wanted) {
                    let template = at.lang.get_untracked().strings().d_for_nobody;
                    at.warn(&crate::i18n::fill(template, &[("id", &wanted)]));
                }
            });
            set_timeout(
                move || check.try_with_value(|check| check()).unwrap_or_default(),
                std::time::Duration::from_secs(5),
            );
            let shared = choices_of(&id);
            let set = shared.clone();
            let on_filter = Callback::new(move |f: Filter| {
                check.with_value(|check| check());
                set.set(f);
            });
            (Some(Signal::from(shared)), Some(on_filter))
        }
        None => (None, None),
    };
    // The props written out, so that the linked and the lone chart share one call (the
    // builder's typed steps would need two).
    SegmentChart(crate::chart::SegmentChartProps {
        feed,
        lang,
        by: by.into(),
        shape: shape.into(),
        top: top.into(),
        filter,
        on_filter,
        heading_level: Some(heading),
        label: a.label.into(),
        class: MaybeProp::default(),
    })
    .into_any()
}

/// A `<clusterkit-calendar>`: its attributes as [`EventCalendar`]'s props.
#[inline(always)]
fn calendar(el: Element, feed: Signal<Arc<Feed>>, heading: u8) -> AnyView {
    let (a, at, lang, told) = (el.attrs, el.at(), el.at.lang, el.teller());
    let month = attrs::month(a.month.get(), at("month"));
    let view =
        crate::ui::memo(move |_| choice(a.layout.get(), View::from_id, "month, list", at("view")));
    // A zone the browser does not know is said here, naming the element, and not passed on:
    // the feed's zone applies.
    let timezone = crate::ui::memo(move |_| {
        let written = a.timezone.get()?;
        if zone::own(&written).is_some() {
            return Some(written);
        }
        if !written.is_empty() {
            at("timezone").warn(&zone::unknown(
                lang.get_untracked(),
                &written,
                &feed.read().cluster.timezone,
            ));
        }
        None
    });
    // Ids the feed does not define are left out (and said): one would leave no event to show,
    // with no choice of the visitor's to undo.
    let segments = Signal::derive(move || {
        known_ids(
            words(a.segments.get()),
            &feed.read().segments,
            |s| s.d_unknown_segment,
            at("segments"),
        )
    });
    let categories = Signal::derive(move || {
        known_ids(
            words(a.categories.get()),
            &feed.read().categories,
            |s| s.d_unknown_category,
            at("categories"),
        )
    });
    EventCalendar(crate::calendar::EventCalendarProps {
        feed,
        lang,
        locale: el.locale.into(),
        month,
        timezone: timezone.into(),
        view: view.into(),
        segments,
        categories,
        on_open: Some(Callback::new(move |id: String| {
            told("clusterkit-open", events::opened(&id))
        })),
        heading_level: Some(heading),
        label: a.label.into(),
        class: MaybeProp::default(),
    })
    .into_any()
}
