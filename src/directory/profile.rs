//! A member's profile: a modal `<dialog>` over the directory, opened from a card's name or by
//! a shared link. The focus stays inside it; Escape, its close button, a tap beside it or the
//! back button close it, and the focus goes back to the card that opened it.

use std::sync::Arc;

use leptos::html::{Dialog, Div, Ul};
use leptos::prelude::*;

use super::card;
use crate::feed::Feed;
use crate::i18n::Lang;
use crate::ui::history::OwnEntry;

/// Whose profile is open, and how it was opened.
#[derive(Clone, Copy)]
pub(super) struct Profile {
    /// The open member's id, which the page URL keeps with `sync-url`.
    pub open: RwSignal<Option<String>>,
    feed: Signal<Arc<Feed>>,
    /// The card's button that opened it, which the focus goes back to.
    opener: StoredValue<Option<web_sys::HtmlElement>, LocalStorage>,
    /// The profile's history entry, which closing it goes back over.
    pub entry: OwnEntry,
    /// Whether the directory keeps its view in the URL: its writer then makes that entry.
    syncing: bool,
}

impl Profile {
    pub(crate) fn new(feed: Signal<Arc<Feed>>, syncing: bool) -> Self {
        Profile {
            open: RwSignal::new(None),
            feed,
            opener: StoredValue::new_local(None),
            entry: OwnEntry::new(),
            syncing,
        }
    }

    /// The open member's index in the feed, if the feed has it.
    pub(crate) fn index(self) -> Option<usize> {
        let id = self.open.read();
        let id = id.as_deref()?;
        self.feed.read().member_index(id)
    }

    /// Opens member `i`'s profile from `button`, in a history entry of its own, so that the
    /// back button closes it.
    pub(crate) fn show(self, i: usize, button: Option<web_sys::HtmlElement>) {
        self.opener.set_value(button);
        if self.syncing {
            // Its writer makes the entry, with the member's id in the URL.
            self.entry.hold_current();
        } else {
            self.entry.hold();
        }
        let id = self
            .feed
            .with_untracked(|f| f.members.get(i).map(|m| m.id.clone()));
        self.open.set(id);
    }

    /// Opens the profile of the member `open` names whenever the app sets it (again, too:
    /// the same id set after the visitor closed it opens it anew), once the feed has that
    /// member: one an app names before its feed has loaded opens as it comes. `None` after
    /// an id closes the profile open, as its close button would.
    pub(crate) fn follow_app(self, open: MaybeProp<String>) {
        let wanted = StoredValue::new(None::<String>);
        let named = StoredValue::new(None::<String>);
        let show = move || {
            // Not while a back is on its way (the app's None, then another id at once): its
            // move would close the profile opened meanwhile. Tried again once it has come.
            if crate::ui::history::going_back() {
                return;
            }
            let Some(id) = wanted.get_value() else {
                return;
            };
            let Some(i) = self.feed.with_untracked(|f| f.member_index(&id)) else {
                return;
            };
            wanted.set_value(None);
            if self.open.get_untracked().as_ref() != Some(&id) {
                self.show(i, None);
            }
        };
        crate::ui::effect(move || {
            let id = open.get();
            // The profile the app named, not one the visitor opened since.
            if id.is_none()
                && named
                    .get_value()
                    .is_some_and(|n| self.open.read_untracked().as_ref() == Some(&n))
            {
                untrack(|| self.close());
            }
            named.set_value(id.clone());
            wanted.set_value(id);
            untrack(show);
        });
        crate::ui::effect(move || {
            self.feed.track();
            untrack(show);
        });
        // After every widget has answered the move.
        crate::ui::history::on_popped(move || {
            set_timeout(move || untrack(show), std::time::Duration::ZERO);
        });
    }

    /// Closes the profile: back over its own entry where it has one (the popstate that
    /// follows closes it, in the URL too), else at once.
    fn close(self) {
        if self.open.get_untracked().is_none() {
            return;
        }
        if !self.entry.leave() {
            self.open.set(None);
        }
    }
}

/// The dialog, in `lang`, titled by the element `title_id` names. Closed, it hands the focus
/// back to the card that opened it; a profile a shared link opened had none: the focus goes
/// to its member's card if `cards` shows it, else to `focus_count`, at the head of the
/// results, rather than to the page.
pub(super) fn dialog(
    profile: Profile,
    lang: Lang,
    title_id: String,
    cards: NodeRef<Ul>,
    focus_count: impl Fn() + 'static,
) -> impl IntoView {
    let dialog = NodeRef::<Dialog>::new();
    let body = NodeRef::<Div>::new();
    // The member the dialog shows, kept for its `close`: the back button clears `open`
    // before the dialog closes. By id: a new feed may have it elsewhere, or not at all.
    let shown = StoredValue::new(None::<String>);
    crate::ui::modal_while(dialog, move || profile.index().is_some());
    // Its content is markup (see `card`), drawn by an effect; segment colours through CSSOM.
    let title = title_id.clone();
    crate::ui::effect(move || {
        let Some(body) = body.get() else {
            return;
        };
        let Some(i) = profile.index() else {
            body.set_text_content(None);
            return;
        };
        let feed = profile.feed.read();
        shown.set_value(Some(feed.members[i].id.clone()));
        let (markup, colours) = card::profile(&feed, &feed.members[i], lang, &title);
        crate::ui::set_html(&body, &markup);
        crate::ui::paint_segments(&body, ".ck-tag", &colours);
    });
    let on_close = move |_| {
        // The close of a profile another replaced at once (an app's None, then an id): the
        // dialog is open again by the time it comes, for the other member.
        if dialog.get_untracked().is_some_and(|d| d.open()) {
            return;
        }
        let shown = shown
            .try_update_value(Option::take)
            .flatten()
            .and_then(|id| profile.feed.with_untracked(|f| f.member_index(&id)));
        profile.close();
        // A card redrawn since (the list changed under a shared link's profile) is no more.
        let opener = profile
            .opener
            .try_update_value(Option::take)
            .flatten()
            .filter(|button| button.is_connected());
        let Some(list) = cards.get_untracked() else {
            return;
        };
        if crate::ui::focus_moved_on(&list) {
            return;
        }
        let card = move || {
            let selector = format!(".ck-open[data-i=\"{}\"]", shown?);
            list.query_selector(&selector).ok()?
        };
        match opener {
            Some(button) => {
                let _ = button.focus();
            }
            None => match card() {
                Some(card) => crate::ui::focus(card),
                None => focus_count(),
            },
        }
    };
    view! {
        <dialog
            class="ck-dialog ck-profile"
            part="profile"
            // A tap beside it closes it, where the browser supports it (no script of ours).
            closedby="any"
            aria-labelledby=title_id
            node_ref=dialog
            on:close=on_close
            on:keydown=crate::ui::keep_escape
            on:error:capture=move |ev| card::logo_failed(&ev, lang)
        >
            <form method="dialog" class="ck-dialog-close">
                <button type="submit" class="ck-btn" aria-label=lang.strings().close>"×"</button>
            </form>
            <div node_ref=body></div>
        </dialog>
    }
}
