//! The directory's facets: a checkbox for each value of segment, kind, region and city,
//! with the count of members it would give, drawn as markup and updated in place.

use std::fmt::Write as _;
use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::model::{Facet, FacetTable, Filter, Outcome};
use crate::feed::{Feed, Kind};
use crate::i18n::{Lang, Strings, fill, intl::format_number};
use crate::ui::{escape, lang_of};

/// Facets list this many values before "show all".
const SHORT_FACET: usize = 8;

/// The count of value `k` of `facet`.
fn count_of(outcome: &Outcome, facet: Facet, k: usize) -> usize {
    let counts = &outcome.counts;
    match facet {
        Facet::Segment => counts.segments.get(k),
        Facet::Kind => counts.kinds.get(k),
        Facet::Region => counts.regions.get(k),
        Facet::City => counts.cities.get(k),
    }
    .copied()
    .unwrap_or(0)
}

/// The facets' checkboxes with their counts, as markup drawn when the feed, the language, a
/// "show all" or the values a folded facet lists change; otherwise a choice or a search only
/// updates what changed in them (ticks, counts, and a value that would give no result
/// disabled unless ticked). Either way the focus stays on the box the visitor ticked. One
/// listener each for ticks and "show all".
#[allow(clippy::too_many_arguments)]
pub(super) fn facets(
    s: &'static Strings,
    lang: Lang,
    feed: Signal<Arc<Feed>>,
    table: Memo<Arc<FacetTable>>,
    choices: RwSignal<Filter>,
    outcome: Memo<Arc<Outcome>>,
    toggle: Callback<(Facet, String)>,
    show_all: RwSignal<[bool; 3]>,
    id: String,
    unfolded: RwSignal<bool>,
) -> impl IntoView {
    let root = NodeRef::<leptos::html::Div>::new();
    // Per checkbox, in document order: its facet, its value's place in the facet, the value.
    let drawn = StoredValue::new(Vec::<(Facet, usize, String)>::new());
    let mut boxes: Vec<(web_sys::HtmlInputElement, web_sys::Element)> = Vec::new();
    let mut shown: Vec<Option<(bool, bool, usize)>> = Vec::new();
    let mut done: Option<(web_sys::Element, usize)> = None;
    let mut drawn_for = None;
    crate::ui::effect(move || {
        let Some(div) = root.get() else {
            return;
        };
        let (feed, table, all) = (feed.read(), table.read(), show_all.get());
        let outcome = outcome.read();
        // Regions and cities list values the results have first, folded or not: searching
        // for a member shows its city, not eight cities of none.
        let listed = [
            (Facet::Region, table.regions.len()),
            (Facet::City, table.cities.len()),
            (Facet::Segment, feed.segments.len()),
        ]
        .map(|(facet, len)| {
            let slot = slot_of(facet);
            folds(facet, len).then(|| folded(len, all[slot], |k| count_of(&outcome, facet, k)))
        });
        let key = (
            Arc::as_ptr(&feed),
            Arc::as_ptr(&table),
            all,
            listed,
            div.clone(),
        );
        if drawn_for.as_ref() != Some(&key) {
            // "Show all" keeps the focus across the redraw it causes.
            let chosen = choices.read_untracked();
            let (markup, options) = markup(s, lang, &feed, &table, (&key.3, all), &chosen);
            // A tick may change which values are listed, and so redraw them: the focus stays
            // on the box ticked (`data-v`, its facet and value), or on "show all".
            crate::ui::redraw_keeping_focus(&div, &markup, &["data-v", "data-more"]);
            // Each box with its count, in the order of `options` (`data-d`).
            let inputs = div.query_selector_all("input[data-d]").ok();
            boxes = (0..inputs.as_ref().map_or(0, |i| i.length()))
                .filter_map(|i| {
                    let input = inputs
                        .as_ref()?
                        .get(i)?
                        .dyn_into::<web_sys::Element>()
                        .ok()?;
                    let count = input.next_element_sibling()?.next_element_sibling()?;
                    Some((input.dyn_into().ok()?, count))
                })
                .collect();
            shown = vec![None; boxes.len()];
            done = div
                .query_selector("[data-done]")
                .ok()
                .flatten()
                .map(|b| (b, usize::MAX));
            drawn.set_value(options);
            drawn_for = Some(key);
        }
        let chosen = choices.read();
        let total = outcome.results.len();
        if let Some((button, said)) = done.as_mut().filter(|(_, said)| *said != total) {
            let members = s.members_count(total, &format_number(lang, total));
            button.set_text_content(Some(&fill(s.show_members, &[("members", &members)])));
            *said = total;
        }
        drawn.with_value(|options| {
            for (((facet, k, value), (input, count_el)), was) in
                options.iter().zip(&boxes).zip(shown.iter_mut())
            {
                let count = count_of(&outcome, *facet, *k);
                let ticked = chosen.is_chosen(*facet, value);
                let now = (ticked, count == 0 && !ticked, count);
                if *was == Some(now) {
                    continue;
                }
                input.set_checked(ticked);
                input.set_disabled(now.1);
                if was.is_none_or(|w| w.2 != count) {
                    count_el.set_text_content(Some(&format_number(lang, count)));
                }
                *was = Some(now);
            }
        });
    });
    let on_change = move |ev: web_sys::Event| {
        let Some(j) = crate::ui::closest(&ev, "[data-d]")
            .and_then(|t| t.get_attribute("data-d"))
            .and_then(|j| j.parse::<usize>().ok())
        else {
            return;
        };
        if let Some((facet, _, value)) = drawn.with_value(|d| d.get(j).cloned()) {
            toggle.run((facet, value));
        }
    };
    let on_click = move |ev: web_sys::MouseEvent| {
        let slot = crate::ui::closest(&ev, "[data-more]")
            .and_then(|b| b.get_attribute("data-more"))
            .and_then(|m| m.parse::<usize>().ok());
        if let Some(slot) = slot.filter(|&slot| slot < 3) {
            show_all.update(|a| a[slot] = !a[slot]);
        }
        // "Show 12 members": folded, the filters hand the focus to the count they changed.
        let done = crate::ui::closest(&ev, "[data-done]");
        if let Some(count) = done
            .and_then(|b| b.closest(".ck-body").ok().flatten())
            .and_then(|body| body.query_selector(".ck-count").ok().flatten())
        {
            unfolded.set(false);
            crate::ui::focus(count);
        }
    };
    view! {
        <div
            class="ck-filters ck-fold"
            id=id
            class:ck-unfolded=move || unfolded.get()
            part="filters"
            node_ref=root
            on:change=on_change
            on:click=on_click
        ></div>
    }
}

/// Segments a facet lists whole: a cluster's dozen or two. Beyond, a feed's segments are
/// folded as regions and cities are (a feed of 2,000 listed them all).
const SEGMENTS_WHOLE: usize = 24;

/// Whether a facet of `len` values is folded to [`SHORT_FACET`] of them until "show all".
fn folds(facet: Facet, len: usize) -> bool {
    match facet {
        Facet::Segment => len > SEGMENTS_WHOLE,
        Facet::Kind => false,
        Facet::Region | Facet::City => len > SHORT_FACET,
    }
}

/// A foldable facet's place in `show_all`.
fn slot_of(facet: Facet) -> usize {
    match facet {
        Facet::Region => 0,
        Facet::City => 1,
        _ => 2,
    }
}

/// The values a foldable facet of `len` values lists, in the order it lists them: those
/// whose `count` is not zero, in the facet's order (the most members first), then the rest;
/// folded, the first [`SHORT_FACET`] of them (and "show all" keeps their order).
fn folded(len: usize, all: bool, count: impl Fn(usize) -> usize) -> Vec<usize> {
    let (found, rest): (Vec<usize>, Vec<usize>) = (0..len).partition(|&k| count(k) > 0);
    let shown = if all { len } else { SHORT_FACET };
    found.into_iter().chain(rest).take(shown).collect()
}

/// The facets with values, as markup (see [`facets`]), and per checkbox its facet, its
/// value's place in the facet and the value. Facets that fold list the values `listed`
/// gives them (see [`folded`]), and any chosen beyond them; `all` says which are unfolded.
fn markup(
    s: &Strings,
    lang: Lang,
    feed: &Feed,
    table: &FacetTable,
    (listed, all): (&[Option<Vec<usize>>; 3], [bool; 3]),
    chosen: &Filter,
) -> (String, Vec<(Facet, usize, String)>) {
    let fallback = feed.cluster.default_language.as_str();
    // Per facet with values: its options (value, label, the label's ` lang` when it is in
    // another language than the visitor's) and, for long ones, their slot in `all`.
    type Group = (Facet, Vec<(String, String, String)>, Option<usize>);
    let mut groups: Vec<Group> = Vec::new();
    if table.has(Facet::Segment) {
        let options = feed
            .segments
            .iter()
            .map(|seg| {
                let (marked, name) = lang_of(&seg.name, lang, fallback);
                (seg.id.clone(), name.to_owned(), marked)
            })
            .collect();
        groups.push((Facet::Segment, options, Some(slot_of(Facet::Segment))));
    }
    if table.has(Facet::Kind) {
        let options = Kind::ALL
            .iter()
            .zip(s.kinds)
            .map(|(k, label)| (k.id().to_owned(), label.to_owned(), String::new()))
            .collect();
        groups.push((Facet::Kind, options, None));
    }
    for (facet, values) in [
        (Facet::Region, &table.regions),
        (Facet::City, &table.cities),
    ] {
        if !values.is_empty() {
            let options = values
                .iter()
                .map(|v| (v.clone(), v.clone(), String::new()))
                .collect();
            groups.push((facet, options, Some(slot_of(facet))));
        }
    }
    let mut out = String::new();
    let mut drawn = Vec::new();
    for (facet, options, slot) in groups {
        let legend = match facet {
            Facet::Segment => s.segments,
            Facet::Kind => s.kind,
            Facet::Region => s.region,
            Facet::City => s.city,
        };
        let _ = write!(
            out,
            "<fieldset class=\"ck-facet\" part=\"facet\"><legend>{legend}</legend>"
        );
        // A foldable facet's values in the order it lists them, then those chosen beyond them.
        let order: Vec<usize> = match slot.and_then(|slot| listed[slot].as_ref()) {
            None => (0..options.len()).collect(),
            Some(short) => (short.iter().copied())
                .chain(
                    (0..options.len())
                        .filter(|k| !short.contains(k) && chosen.is_chosen(facet, &options[*k].0)),
                )
                .collect(),
        };
        for k in order {
            let (value, label, marked) = &options[k];
            let _ = write!(
                out,
                "<label part=\"facet-option\"><input type=\"checkbox\" data-d=\"{}\" data-v=\"{}-{k}\"><span{marked}>{}</span><span class=\"ck-facet-count\"></span></label>",
                drawn.len(),
                facet as u8,
                escape(label)
            );
            drawn.push((facet, k, value.clone()));
        }
        if let Some(slot) = slot.filter(|_| folds(facet, options.len())) {
            let all = all[slot];
            let text = if all {
                s.show_fewer.to_owned()
            } else {
                fill(s.show_all, &[("n", &format_number(lang, options.len()))])
            };
            let _ = write!(
                out,
                "<button type=\"button\" class=\"ck-link\" aria-expanded=\"{all}\" data-more=\"{slot}\">{}</button>",
                escape(&text)
            );
        }
        out.push_str("</fieldset>");
    }
    // Under the unfolded filters of a narrow container, where the count is out of sight,
    // their result: a press folds them back over it. Its text is the count's (see `facets`).
    // (None without facets, whose empty column is then left out.)
    if !out.is_empty() {
        out.push_str("<button type=\"button\" class=\"ck-btn ck-fold-done\" data-done></button>");
    }
    (out, drawn)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::feed::Member;

    #[test]
    fn long_facets_list_eight_values_and_the_chosen_until_show_all() {
        let members = (0..12)
            .map(|i| {
                let mut m = Member::new(format!("m{i}"), format!("Member {i}"));
                // Twelve cities: "City 1" has 11 members, "City 2" ten, … "City 0" one.
                m.city = Some(format!("City {}", i.min(11)));
                m
            })
            .chain((1..12).flat_map(|c| {
                (0..(11 - c)).map(move |j| {
                    let mut m = Member::new(format!("x{c}-{j}"), "X");
                    m.city = Some(format!("City {c}"));
                    m
                })
            }))
            .chain([{
                let mut m = Member::new("evil", "Evil");
                m.city = Some("<b>Town</b>".into());
                m
            }])
            .collect();
        let feed = Feed {
            members,
            ..Feed::default()
        };
        let table = FacetTable::new(&feed);
        let s = Lang::En.strings();
        let chosen = Filter {
            cities: vec!["<b>Town</b>".into()],
            ..Filter::default()
        };
        let first = |len| Some(folded(len, false, |_| 1));
        let listed = [first(table.regions.len()), first(table.cities.len()), None];
        let (html, drawn) = markup(s, Lang::En, &feed, &table, (&listed, [false; 3]), &chosen);
        let cities: Vec<&str> = drawn.iter().map(|(_, _, v)| v.as_str()).collect();
        assert_eq!(cities.len(), 9, "eight and the chosen one: {cities:?}");
        assert_eq!(&cities[..2], ["City 1", "City 2"], "the largest first");
        assert_eq!(cities[8], "<b>Town</b>");
        assert!(html.contains("<span>&lt;b&gt;Town&lt;/b&gt;</span>"));
        assert!(!html.contains("<b>"));
        assert!(html.contains("aria-expanded=\"false\" data-more=\"1\">Show all (13)</button>"));
        assert!(html.contains(&format!("<legend>{}</legend>", s.city)));
        // Each box names its place in what was drawn.
        assert!(
            html.contains("<input type=\"checkbox\" data-d=\"8\" data-v=\"3-10\">"),
            "{html}"
        );

        let every = Some(folded(table.cities.len(), true, |_| 1));
        let (html, drawn) = markup(
            s,
            Lang::En,
            &feed,
            &table,
            (&[listed[0].clone(), every, None], [false, true, false]),
            &chosen,
        );
        assert_eq!(drawn.len(), 13, "every city");
        assert!(html.contains("aria-expanded=\"true\" data-more=\"1\">Show fewer</button>"));
    }

    #[test]
    fn a_cluster_s_segments_are_listed_whole_and_a_feed_of_hundreds_folded() {
        use crate::feed::Segment;
        let feed = |n: usize| {
            let mut m = Member::new("m", "M");
            m.segments = vec!["s3".into()];
            Feed {
                segments: (0..n)
                    .map(|i| Segment::new(format!("s{i}"), format!("Segment {i}")))
                    .collect(),
                members: vec![m],
                ..Feed::default()
            }
        };
        let s = Lang::En.strings();
        let draw = |feed: &Feed, listed: &[Option<Vec<usize>>; 3]| {
            markup(
                s,
                Lang::En,
                feed,
                &FacetTable::new(feed),
                (listed, [false; 3]),
                &Filter::default(),
            )
        };
        // Twenty-four: all of them, no "show all".
        assert!(!folds(Facet::Segment, 24));
        let (html, drawn) = draw(&feed(24), &[None, None, None]);
        assert_eq!(drawn.len(), 24);
        assert!(!html.contains("data-more"));
        // Two thousand: eight until "show all", the member's own among them.
        assert!(folds(Facet::Segment, 2000));
        let found = |k: usize| usize::from(k == 3);
        let listed = [None, None, Some(folded(2000, false, found))];
        let (html, drawn) = draw(&feed(2000), &listed);
        assert_eq!(drawn.len(), 8);
        assert!(drawn.iter().any(|(_, _, id)| id == "s3"));
        assert!(
            html.contains("aria-expanded=\"false\" data-more=\"2\">Show all (2,000)</button>"),
            "{html}"
        );
    }

    #[test]
    fn a_folded_facet_lists_the_values_the_results_have_first() {
        // Thirteen cities, the most members first: a search that finds only the twelfth's
        // member lists it, with the first seven of the rest, in the facet's order.
        let found = |k: usize| usize::from(k == 11);
        assert_eq!(folded(13, false, found), [11, 0, 1, 2, 3, 4, 5, 6]);
        // Unfolded, in the same order, the rest after them: "show all" moves none.
        assert_eq!(
            folded(13, true, found),
            [11, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12]
        );
        // Without a search, the first eight; with more than eight found, the first eight
        // of them.
        assert_eq!(folded(13, false, |_| 3), [0, 1, 2, 3, 4, 5, 6, 7]);
        // Six found: they, then the first two of the rest.
        assert_eq!(
            folded(13, false, |k| usize::from(k % 2 == 1)),
            [1, 3, 5, 7, 9, 11, 0, 2]
        );
    }

    #[test]
    fn a_segment_named_in_another_language_than_the_visitors_says_which() {
        use crate::feed::{Segment, Text};
        let mut m = Member::new("m", "M");
        m.segments = vec!["animacio".into(), "vfx".into()];
        let feed = Feed {
            segments: vec![
                Segment::new("animacio", Text::from([("ca", "Animació")])),
                Segment::new("vfx", Text::from([("ca", "Efectes"), ("en", "Effects")])),
            ],
            members: vec![m],
            ..Feed::default()
        };
        let table = FacetTable::new(&feed);
        let s = Lang::En.strings();
        let (html, _) = markup(
            s,
            Lang::En,
            &feed,
            &table,
            (&[None, None, None], [false; 3]),
            &Filter::default(),
        );
        // A Catalan screen reader voice reads the Catalan-only name; the English one is the
        // page's own.
        assert!(html.contains("data-v=\"0-0\"><span lang=\"ca\">Animació</span>"));
        assert!(html.contains("data-v=\"0-1\"><span>Effects</span>"));
    }
}
