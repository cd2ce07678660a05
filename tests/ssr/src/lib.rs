//! See Cargo.toml: the components built and rendered natively.
// The directory's view type is deep for the server's async rendering.
#![recursion_limit = "256"]

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use clusterkit::Lang;
    use clusterkit::feed::{self, Feed};
    use clusterkit::{EventCalendar, FeedStatus, MemberDirectory, SegmentChart, Styles, use_feed};
    use leptos::prelude::*;

    fn catalonia() -> Arc<Feed> {
        let text = include_str!("../../../www/feeds/catalonia.json");
        Arc::new(feed::parse(text).expect("the sample feed is JSON").feed)
    }

    /// `view` rendered to HTML under an owner of its own, as a server renders a page.
    fn render<V: IntoView + 'static>(view: impl FnOnce() -> V) -> String {
        let _ = any_spawner::Executor::init_futures_executor();
        let owner = Owner::new();
        owner.with(|| view().into_view().to_html())
    }

    #[test]
    fn the_styles_render_as_one_style_element_with_the_widgets_css() {
        let html = render(|| view! { <Styles/> });
        assert!(html.starts_with("<style"), "{html}");
        assert!(html.contains(".ck-dialog"), "the widgets' rules");
    }

    #[test]
    fn the_directory_renders_without_the_browser_also_with_sync_url() {
        for sync in [None, Some("dir")] {
            let feed = catalonia();
            let html = render(move || match sync {
                None => view! { <MemberDirectory feed=feed lang=Lang::Ca/> }.into_any(),
                Some(key) => {
                    view! { <MemberDirectory feed=feed lang=Lang::Ca sync_url=key/> }.into_any()
                }
            });
            assert!(html.contains("ck-directory"), "{html}");
            assert!(html.contains("type=\"search\""), "its search box: {html}");
        }
    }

    #[test]
    fn a_feed_named_by_its_address_renders_loading_not_an_error() {
        // The server cannot fetch it: the visitor's browser will, so the page it sends says
        // the feed is loading, not that it failed.
        let html = render(|| {
            let feed = use_feed("/feeds/catalonia.json");
            view! {
                <FeedStatus state=feed.state retry=feed.retry lang=Lang::Ca let:feed>
                    <MemberDirectory feed=feed lang=Lang::Ca/>
                </FeedStatus>
            }
        });
        assert!(html.contains("S’està carregant…"), "{html}");
        assert!(!html.contains("role=\"alert\""), "no error box: {html}");
    }

    #[test]
    fn a_theme_given_as_an_attribute_is_on_each_component_s_root() {
        // What the README tells an app: the embed's `theme` is `attr:data-theme`, which the
        // stylesheet reads on `.ck-root`.
        let feed = catalonia();
        let html = render(move || {
            view! {
                <MemberDirectory feed=feed.clone() attr:data-theme="dark"/>
                <SegmentChart feed=feed.clone() attr:data-theme="dark"/>
                <EventCalendar feed=feed attr:data-theme="dark"/>
            }
        });
        let roots: Vec<&str> = html
            .split('<')
            .filter(|tag| tag.contains("class=\"ck-root "))
            .collect();
        assert_eq!(roots.len(), 3, "{html}");
        for root in roots {
            assert!(root.contains("data-theme=\"dark\""), "{root}");
        }
    }

    #[test]
    fn the_chart_renders_without_the_browser() {
        let feed = catalonia();
        let html = render(move || view! { <SegmentChart feed=feed lang=Lang::Ca/> });
        assert!(html.contains("<figure"), "{html}");
    }

    #[test]
    fn the_calendar_renders_without_the_browser() {
        let feed = catalonia();
        let html = render(move || view! { <EventCalendar feed=feed lang=Lang::Ca/> });
        assert!(html.contains("ck-calendar"), "{html}");
    }
}
