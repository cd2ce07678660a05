//! A linked chart's marks as its directory's choices leave them: pressed where chosen, and
//! disabled where choosing would leave the directory with no member, given its search and
//! its other choices (as the directory offers that choice). Set on the drawn marks, or the table's
//! toggles, without a redraw, so that the focus stays where it is.

use std::sync::Arc;

use web_sys::Element;

use super::data::{By, Within};
use crate::directory::model::{Facet, FacetTable, Filter, apply};
use crate::feed::Feed;

/// Shows the choices `chosen` on the marks in `figure` (on its drawing, else on its table),
/// where `choices` are the facet values behind them in drawing order and `counts` what each
/// counts (see [`within`]); returns which marks are disabled: those of no member, unless
/// chosen.
pub(super) fn show(
    figure: &Element,
    choices: &[Option<(Facet, String)>],
    chosen: &Filter,
    counts: &[usize],
) -> Vec<bool> {
    let svg = super::svg_in(figure);
    let mut any = false;
    let mut off = vec![false; choices.len()];
    for (k, choice) in choices.iter().enumerate() {
        let Some((facet, value)) = choice else {
            continue;
        };
        let on = chosen.is_chosen(*facet, value);
        any |= on;
        off[k] = !on && counts.get(k).is_some_and(|&n| n == 0);
        let toggle = match &svg {
            Some(svg) => super::mark(svg, k),
            None => figure
                .query_selector(&format!("[data-t='{k}']"))
                .ok()
                .flatten(),
        };
        if let Some(toggle) = toggle {
            let _ = toggle.set_attribute("aria-pressed", if on { "true" } else { "false" });
            let _ = if off[k] {
                toggle.set_attribute("aria-disabled", "true")
            } else {
                toggle.remove_attribute("aria-disabled")
            };
        }
        // Its texts (a donut's legend entry, with its swatch) show the same.
        if let Some(texts) = svg.as_ref().and_then(|svg| {
            svg.query_selector(&format!("g[aria-hidden][data-k='{k}']"))
                .ok()
                .flatten()
        }) {
            let _ = texts.toggle_attribute_with_force("data-on", on);
            let _ = texts.toggle_attribute_with_force("data-dead", off[k]);
        }
    }
    if let Some(svg) = svg {
        let _ = svg.set_attribute("data-chosen", if any { "true" } else { "false" });
    }
    off
}

/// What a chart by `by` linked to a directory counts (see [`Within`]) while the directory's
/// search or its choices beside the chart's own dimension's leave out members; `None` while
/// they leave every member. The search is read with the directory's index of this `feed`
/// (made now if the directory has not made it yet).
pub(super) fn within(
    feed: &Arc<Feed>,
    table: &FacetTable,
    by: By,
    chosen: &Filter,
) -> Option<Within> {
    let mut others = chosen.clone();
    if let Some(facet) = by.facet() {
        others.clear(facet);
    }
    if !others.is_active() {
        return None;
    }
    let index = (!others.query.trim().is_empty()).then(|| crate::directory::index_of(feed));
    let all: Vec<usize> = (0..feed.members.len()).collect();
    let outcome = apply(table, index.as_deref(), &all, &others, false, None);
    Some(Within {
        members: outcome.results,
        counts: outcome.counts,
    })
}
