//! What an element shows: its attributes read (and said once when they cannot be), the
//! feed they name loaded, and the widget its tag names drawn in its shadow root.

use super::events::tell;
use super::widgets::{calendar, chart, directory};
use super::*;

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
    // screen readers, rather than English words marked and dated as French. Written as
    // BCP 47 writes it: a theme's locale (`es_ES`, ` ca `) is no valid `lang` for a screen
    // reader, nor a tag `Intl` reads.
    let locale = crate::ui::memo(move |_| {
        let ours = |l: &String| Lang::from_tag(l).is_some();
        lang_attr
            .get()
            .filter(ours)
            .or_else(|| inherited.get().filter(ours))
            .map_or_else(|| "en".into(), |tag| tag.trim().replace('_', "-"))
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
        Some(json) => (Signal::stored(shared_inline_feed(&json, base)), None),
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
        first_id: StoredValue::new(None),
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
            <FeedStatus state=state nostrip:retry=retry lang=lang debug=debug label=name let:feed>
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
pub(super) struct Attributes {
    pub(super) page_size: Memo<Option<String>>,
    pub(super) month: Memo<Option<String>>,
    pub(super) timezone: Memo<Option<String>>,
    pub(super) categories: Memo<Option<String>>,
    /// The element's id.
    pub(super) host_id: Memo<Option<String>>,
    pub(super) segments: Memo<Option<String>>,
    pub(super) kinds: Memo<Option<String>>,
    pub(super) sort: Memo<Option<String>>,
    pub(super) layout: Memo<Option<String>>,
    pub(super) sync_url: Memo<Option<String>>,
    pub(super) hide_filters: Memo<Option<String>>,
    pub(super) by: Memo<Option<String>>,
    pub(super) chart_type: Memo<Option<String>>,
    pub(super) top: Memo<Option<String>>,
    pub(super) link: Memo<Option<String>>,
    pub(super) label: Memo<Option<String>>,
}

/// What a widget's body needs of its element: its attributes and language, and the root it
/// tells the page's scripts from.
#[derive(Clone, Copy)]
pub(super) struct Element {
    pub(super) attrs: Attributes,
    /// Any of its attributes, for what the console says of a value it cannot read: with
    /// `attr` set by [`Element::at`].
    pub(super) at: AttrAt,
    /// The language tag the widget is marked with (`en-US` keeps its region).
    pub(super) locale: Memo<String>,
    pub(super) root: NodeRef<leptos::html::Div>,
    /// A directory's id when it was first drawn (empty without one): what its `sync-url`
    /// parameter is named after, through its later drawings too, whatever id it has since.
    pub(super) first_id: StoredValue<Option<String>>,
}

impl Element {
    /// A function naming one of the element's attributes, for what the console says of a
    /// value it cannot read.
    pub(super) fn at(self) -> impl Fn(&'static str) -> AttrAt + Copy {
        let at = self.at;
        move |attr| AttrAt { attr, ..at }
    }

    /// Whether the element is in the page (or its widget not drawn yet). One taken out may
    /// have a copy of itself put in its place in the same task (htmx, Turbo or a PJAX script
    /// swapping the page's markup), whose choices it must leave alone until it goes.
    pub(super) fn in_page(self) -> bool {
        self.root
            .get_untracked()
            .is_none_or(|root| root.is_connected())
    }

    /// A function telling the page's scripts an event from the element: the visitor's
    /// choices, what they open.
    pub(super) fn teller(self) -> impl Fn(&'static str, wasm_bindgen::JsValue) + Copy {
        let root = self.root;
        move |event, detail| tell(root.get_untracked().map(Into::into), event, detail)
    }
}
