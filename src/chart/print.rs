//! The drawing on paper: laid out for the page's width, not the screen's.

use leptos::prelude::*;

use crate::ui::{at_text_size, measure_width};

/// The width a drawing is printed at, at most, in CSS pixels: an A4 or Letter page's, less
/// the browser's usual margins.
const PRINT_WIDTH: i32 = 680;

/// Draws the chart of `figure_ref` again (`draw_now`) for the paper's `width` before the page
/// is printed, and lets it be drawn for the screen's after. Drawn for the screen, the page
/// would scale it down to the paper, its text with it (to 8 px from a 1,280-px window).
pub(super) fn drawn_for_paper(
    figure_ref: NodeRef<leptos::html::Figure>,
    width: RwSignal<usize>,
    draw_now: impl Fn() + Copy + 'static,
) {
    // Off the browser (a server rendering the chart) there is no window to print, and
    // web-sys' imports would abort the process there.
    if cfg!(not(target_arch = "wasm32")) {
        return;
    }
    // At once, before the page is laid out: an effect would be too late, as a page's own
    // `window.print()` waits for nothing.
    let print = window_event_listener_untyped("beforeprint", move |_| {
        if let Some(figure) = figure_ref.get_untracked() {
            // At the usual text size, as `observe_width` measures it.
            let paper = at_text_size(&figure, f64::from(figure.client_width().min(PRINT_WIDTH)));
            if paper > 0 && paper != width.get_untracked() {
                width.set(paper);
                untrack(draw_now);
            }
        }
    });
    let screen = window_event_listener_untyped("afterprint", move |_| {
        if let Some(figure) = figure_ref.get_untracked() {
            measure_width(&figure, width);
        }
    });
    on_cleanup(move || {
        print.remove();
        screen.remove();
    });
}
