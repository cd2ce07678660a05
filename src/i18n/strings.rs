//! [`Strings`]: every UI string of one language, its keys for tests, and the counts built
//! from them; the feed's diagnostics are worded in `diagnostics.rs`.

use super::fill;

macro_rules! strings {
    ($( $(#[doc = $doc:literal])+ $key:ident: $ty:ty ),* $(,)?) => {
        /// Every UI string in one language. `{name}` marks a placeholder.
        #[derive(Debug)]
        pub struct Strings {
            $( $(#[doc = $doc])+ pub $key: $ty, )*
        }

        impl Strings {
            /// Every string with its key (`months.0` for the first month), for tests.
            pub fn entries(&self) -> Vec<(String, &'static str)> {
                let mut out = Vec::new();
                $( push_entries(&mut out, stringify!($key), &self.$key); )*
                out
            }
        }
    };
}

trait Entries {
    fn each(&self) -> Vec<&'static str>;
}
impl Entries for &'static str {
    fn each(&self) -> Vec<&'static str> {
        vec![*self]
    }
}
impl<const N: usize> Entries for [&'static str; N] {
    fn each(&self) -> Vec<&'static str> {
        self.to_vec()
    }
}
fn push_entries(out: &mut Vec<(String, &'static str)>, key: &str, value: &impl Entries) {
    let values = value.each();
    if values.len() == 1 {
        out.push((key.to_owned(), values[0]));
    } else {
        out.extend(
            values
                .into_iter()
                .enumerate()
                .map(|(i, v)| (format!("{key}.{i}"), v)),
        );
    }
}

strings! {
    /// The language's own name, for language pickers.
    language_name: &'static str,
    /// Month names in the nominative (`gener`, `xaneiro`), January first.
    months: [&'static str; 12],
    /// Short weekday names, Monday first.
    weekdays_short: [&'static str; 7],
    /// The narrowest weekday names, Monday first, for a month grid on a phone (`L M X J V S
    /// D`), where the short ones no longer fit a column.
    weekdays_narrow: [&'static str; 7],
    /// A month and a year, as a calendar's title: `{month}`, `{year}`.
    month_year: &'static str,
    /// While the feed loads.
    loading: &'static str,
    /// The feed could not be fetched: `{status}` is an HTTP status or a short reason.
    load_failed: &'static str,
    /// The feed is not JSON: `{line}`, `{column}`, `{reason}`.
    syntax_error: &'static str,
    /// The request failed: offline, or the server does not let the page read the feed (CORS).
    load_network: &'static str,
    /// The feed could not be fetched because the browser is offline.
    load_offline: &'static str,
    /// The server did not answer within `{seconds}` seconds.
    load_timeout: &'static str,
    /// The download broke off before its end: cut, or silent for `{seconds}` seconds.
    load_interrupted: &'static str,
    /// The address gave a web page instead of JSON.
    not_json: &'static str,
    /// The address gave JSON that is no feed (an API's error, `[]`).
    not_feed: &'static str,
    /// The feed's address is not a web address at all.
    bad_url: &'static str,
    /// The feed is too large: `{size}` and `{limit}` in MB.
    too_large: &'static str,
    /// An element names no feed.
    no_feed: &'static str,
    /// Where a diagnostic is when it is about the feed as a whole (its path, [`Diagnostic::ROOT`](crate::feed::Diagnostic::ROOT)).
    root_path: &'static str,
    /// Button that fetches the feed again.
    retry: &'static str,
    /// After a crash, in every widget of the page.
    crashed: &'static str,
    /// Button that reloads the page after a crash.
    reload: &'static str,
    /// Heading of the on-screen diagnostics (the `debug` attribute).
    feed_problems: &'static str,
    /// Label of the directory's search box.
    search_members: &'static str,
    /// Legend of the segment checkboxes.
    segments: &'static str,
    /// How many filter choices are ticked, read after "Filters": one, then `{n}`.
    chosen: [&'static str; 2],
    /// Result count, one member.
    members_one: &'static str,
    /// Result count, `{n}` members.
    members_other: &'static str,
    /// No member matches the search `{query}` (and the filters ticked, if any).
    no_members_match_query: &'static str,
    /// No member matches the filters ticked.
    no_members_match: &'static str,
    /// The result count where no member matches the search `{query}` as typed and
    /// `{members}` ([`Strings::members_count`]) match it with its typos forgiven.
    near_members: &'static str,
    /// Said in the console: the logo of the member `{name}` failed to load from `{url}`.
    logo_failed: &'static str,
    /// A calendar's count where no event matches the search `{query}` as typed and
    /// `{events}` ([`Strings::events_found_count`]) match it with its typos forgiven.
    near_events: &'static str,
    /// Button that clears search and filters.
    clear_filters: &'static str,
    /// The same button where the visitor has only the search (`hide-filters`): it clears that.
    clear_search: &'static str,
    /// The same button where both a search and ticked choices are there to clear.
    clear_search_and_filters: &'static str,
    /// The feed lists no members.
    no_members: &'static str,
    /// The feed lists members, but none could be read (see [`Skipped`](crate::feed::Skipped)).
    members_unread: &'static str,
    /// Link to a member's website.
    website: &'static str,
    /// Accessible name of the directory region.
    member_directory: &'static str,
    /// Caption: members in several segments count in each.
    counts_in_each: &'static str,
    /// A linked chart's caption while it counts only the members its directory's search and
    /// choices leave.
    counted_within: &'static str,
    /// The feed defines no segments.
    no_segments: &'static str,
    /// Titles of the charts by segment, type, region, city and year of joining.
    chart_titles: [&'static str; 5],
    /// The header of a chart table's first column, by the same dimensions.
    chart_dimensions: [&'static str; 5],
    /// Summaries of the largest category by segment, type, region and city: `{name}`, `{n}`,
    /// `{total}`.
    chart_largest: [&'static str; 4],
    /// The same when the largest holds every member (one member, or one value for all):
    /// `{name}`, `{members}` ([`Strings::members_count`]).
    chart_all: [&'static str; 4],
    /// The same, of the only member: "The only member is in the Production segment."
    chart_only: [&'static str; 4],
    /// Summary of the chart by year of joining: `{total}`, `{first}`, `{last}`, `{year}`,
    /// `{n}`.
    chart_joined: &'static str,
    /// Summary of the chart by year of joining when every member joined in one `{year}`:
    /// `{members}` is [`Strings::members_count`].
    chart_joined_one_year: &'static str,
    /// After a summary by year of joining, the members with no date: one, `{n}`.
    chart_undated: [&'static str; 2],
    /// Summaries when several categories share the largest count, by segment, type, region,
    /// city and year of joining: `{names}` (all but the last, with commas), `{name}` (the
    /// last), `{n}`, `{total}`; by year also `{first}` and `{last}`.
    chart_tied: [&'static str; 5],
    /// A kind's `{name}` in a chart's summary, quoted as a label, since some read as plural
    /// ("«Otros» es el tipo más frecuente").
    quoted: &'static str,
    /// The places beyond the largest few, together: `{n}` places.
    other_places: &'static str,
    /// The part of a chart by kind, region or city (in that order) for the members with no
    /// value.
    chart_without: [&'static str; 3],
    /// Switch between the drawing and a table of the same data.
    show_table: &'static str,
    /// Table header: members counted.
    chart_members: &'static str,
    /// Table header: the share of the whole, in per cent.
    chart_share: &'static str,
    /// Table header: members by the end of each year.
    chart_running: &'static str,
    /// A year's mark: how many members there were by its end, `{n}`.
    chart_running_mark: &'static str,
    /// A chart with members but nothing to count: none has a value for its dimension. One
    /// member, then `{n}` of them.
    chart_no_values: [&'static str; 2],
    /// Button: download the chart's data as a CSV file.
    download_csv: &'static str,
    /// Button: download the drawing as an SVG file.
    download_svg: &'static str,
    /// Accessible name of the event calendar region.
    event_calendar: &'static str,
    /// Button to the previous month.
    previous_month: &'static str,
    /// Button to the next month.
    next_month: &'static str,
    /// Button to the current month.
    today: &'static str,
    /// A list has `{n}` more than it shows: a day's events, a feed's problems.
    more_events: &'static str,
    /// Which day `{n}` of an event's `{m}` days a day is.
    day_of_span: &'static str,
    /// The shown month has no events.
    no_events_month: &'static str,
    /// A day's list with no event left (the filters changed while it was open).
    no_events_day: &'static str,
    /// Goes from a month without events to the next one with: `{date}`, the day.
    next_event: &'static str,
    /// The same where none comes after: the last one before the month, `{date}` its day.
    previous_event: &'static str,
    /// Weekday names, Monday first.
    weekdays: [&'static str; 7],
    /// The weekdays from Monday, as a series names the days it repeats on ("every week on
    /// Saturdays and Sundays", "els dissabtes i diumenges").
    weekdays_plural: [&'static str; 7],
    /// Month names as a date writes them (`de gener`, `d’abril`).
    months_in_date: [&'static str; 12],
    /// A full date: `{weekday}`, `{day}`, `{month}` (from `months_in_date`), `{year}`.
    date_long: &'static str,
    /// Days from `{first}` to `{last}`: "del {first} al {last}", "{first} – {last}".
    date_range: &'static str,
    /// A date as a range writes it, without the comma of [`Strings::date_long`]: `{weekday}`,
    /// `{day}`, `{month}` (as in a date), `{year}`.
    date_in_range: &'static str,
    /// A day's number of events: one.
    events_one: &'static str,
    /// A day's number of events: `{n}`.
    events_other: &'static str,
    /// How many events a calendar's search and choices find, over every month: one, then
    /// `{n}` ("3 events found", not the month's).
    events_found: [&'static str; 2],
    /// After [`Strings::events_found`], when some of the events found are in other months:
    /// how many the month shown has, none, one, then `{n}` ("none this month").
    events_in_month: [&'static str; 3],
    /// After [`Strings::events_found`], when some are earlier or later than the list view
    /// shows: how many it lists, none, one, then `{n}` ("2 in the list").
    events_in_list: [&'static str; 3],
    /// Label of the month/list switch.
    view: &'static str,
    /// Views: a month grid, a list.
    views: [&'static str; 2],
    /// Label of an event's date and time.
    when: &'static str,
    /// Label of how an event repeats.
    repeats: &'static str,
    /// How often: every day, every `{n}` days, and so on for weeks, months and years.
    every: [&'static str; 8],
    /// `{every}` on some weekdays, `{days}` (named with [`Strings::list_and`]).
    on_weekdays: &'static str,
    /// `{every}` on one `{day}`: an ordinal weekday or a day of the month.
    on_the: &'static str,
    /// The first to fifth and the last `{weekday}` of a month.
    nth_weekday: [&'static str; 6],
    /// Day `{n}` of a month, and its last day; English's `{n}` is an ordinal ("15th").
    month_day: [&'static str; 2],
    /// A `{rule}` that stops after `{n}` times (two or more).
    times: &'static str,
    /// A `{rule}` held in some months only: in one, in several; `{months}` as in a date
    /// ("de gener", "January"), in a list.
    in_months: [&'static str; 2],
    /// A `{rule}` that stops on a day: `{day}`, `{month}` (as in a date), `{year}`.
    until: &'static str,
    /// A list of `{names}` (with commas) and its last `{name}`.
    list_and: &'static str,
    /// Label of an event's place.
    place: &'static str,
    /// Link to an event's page.
    more_info: &'static str,
    /// Button: from an event opened in a day's list, back to that list.
    back_to_day: &'static str,
    /// Button: the event as an iCalendar file.
    add_to_calendar: &'static str,
    /// Link: the event in Google Calendar.
    add_to_google: &'static str,
    /// Button: the events shown as one iCalendar file.
    download_events: &'static str,
    /// The zone the times are in, when it is not the visitor's: `{zone}`.
    times_in: &'static str,
    /// A time in another zone, on hover: `{time}`, `{zone}`.
    time_in_zone: &'static str,
    /// Label of the calendar's search box.
    search_events: &'static str,
    /// Label of the calendar's category toggles.
    categories: &'static str,
    /// The list view has no events from today on.
    no_upcoming: &'static str,
    /// The feed lists events, but none could be read.
    events_unread: &'static str,
    /// Button: list the events of the year before those shown.
    show_earlier: &'static str,
    /// Button: list the events of the year after those shown.
    show_later: &'static str,
    /// Diagnostic: a required field is missing.
    d_missing: &'static str,
    /// Diagnostic: a date written otherwise, read as `{value}`.
    d_date_mended: &'static str,
    /// Diagnostic: a list written as text, read as `{list}`.
    d_list_as_text: &'static str,
    /// Diagnostic: a key that is the field `{field}` written otherwise (`Website`).
    d_field_miswritten: &'static str,
    /// Diagnostic: no `cluster.timezone`, while events have times, read and shown as UTC.
    d_zone_missing: &'static str,
    /// Diagnostic: wrong type, `{expected}` and `{found}`.
    d_wrong_type: &'static str,
    /// Names of JSON types for `{expected}`: object, array, string, text, boolean, number.
    type_names: [&'static str; 6],
    /// Diagnostic: an empty value.
    d_empty: &'static str,
    /// A required text none of whose languages holds one (each reported on its own).
    d_no_text: &'static str,
    /// Diagnostic: `{value}` is not a valid date.
    d_bad_date: &'static str,
    /// Diagnostic: `{value}` is written as a date, but no such day or time exists.
    d_no_such_date: &'static str,
    /// Diagnostic: a `joined` date outside 1850 to 2100: `{value}`.
    d_unlikely_year: &'static str,
    /// Diagnostic: end and start are in different forms.
    d_form_mismatch: &'static str,
    /// Diagnostic: an `exdates` value on a day or at a time the series never gives.
    d_exdate_no_occurrence: &'static str,
    /// Diagnostic: a timed end not after its start, or a date end before its start date.
    d_end_before_start: &'static str,
    /// Diagnostic: unknown segment `{id}`.
    d_unknown_segment: &'static str,
    /// A segment named by its name or its id in other letters (`{written}`), read as `{id}`.
    d_segment_named: &'static str,
    /// An event's category named by its name or its id in other letters (`{written}`), read
    /// as `{id}`.
    d_category_named: &'static str,
    /// Diagnostic: unknown category `{id}` (in a calendar's `categories` attribute).
    d_unknown_category: &'static str,
    /// Diagnostic: duplicate `{id}`, first at `{first}`.
    d_duplicate_id: &'static str,
    /// Diagnostic: unsafe URL.
    d_unsafe_url: &'static str,
    /// Diagnostic: a web or e-mail address written with more than itself, read as
    /// `{address}`.
    d_address_mended: &'static str,
    /// Diagnostic: two addresses in one field.
    d_two_addresses: &'static str,
    /// Diagnostic: an e-mail address as a website.
    d_email_as_website: &'static str,
    /// Diagnostic: bad e-mail address.
    d_bad_email: &'static str,
    /// Diagnostic: bad phone number.
    d_bad_phone: &'static str,
    /// An e-mail address or phone number written with `{scheme}` (`mailto:`, `tel:`): read
    /// without it.
    d_scheme_written: &'static str,
    /// Diagnostic: bad colour.
    d_bad_color: &'static str,
    /// Diagnostic: unknown kind `{value}`.
    d_unknown_kind: &'static str,
    /// Diagnostics of a recurrence rule refused: no `FREQ`; a `{part}` not supported; a
    /// `{part}` written wrongly; both `COUNT` and `UNTIL`; an `UNTIL` before the start; a
    /// numbered weekday in a rule neither monthly nor yearly; words, not a rule.
    d_bad_recurrence: [&'static str; 7],
    /// Diagnostic: `{value}` is not a time zone.
    d_bad_timezone: &'static str,
    /// Said after `d_bad_timezone` of a calendar's own zone: the feed's, `{zone}`, applies.
    d_zone_fallback: &'static str,
    /// An attribute value that is none of `{choices}`: `{value}`.
    d_bad_choice: &'static str,
    /// A calendar's `month` attribute that is no month, `{value}`.
    d_bad_month: &'static str,
    /// A chart's `for` names no directory of the page, `{id}`: its choices apply to nothing.
    d_for_nobody: &'static str,
    /// Two directories keep their view in the same URL parameter `{name}`.
    sync_url_shared: &'static str,
    /// Console: `sync-url` on a page whose address (`{url}`) cannot take a query string.
    sync_url_unwritable: &'static str,
    /// Diagnostic: `{value}` is not a language tag.
    d_bad_language: &'static str,
    /// After [`Strings::d_bad_language`], when that key's text is kept for every language.
    d_untagged_kept: &'static str,
    /// Diagnostic: a whole number as an id, too long to be read exactly.
    d_long_number: &'static str,
    /// Diagnostic: lone surrogate.
    d_lone_surrogate: &'static str,
    /// Diagnostic: nested too deep.
    d_too_deep: &'static str,
    /// A list written as an object of numbered entries, read as a list.
    d_numbered_object: &'static str,
    /// The document holds the feed under `{key}` (`{"data": {…}}`), read from there.
    d_feed_inside: &'static str,
    /// Bytes not in UTF-8, read as Windows-1252: `{n}`, `{line}`, `{column}`.
    d_not_utf8: &'static str,
    /// Text encoded as UTF-8 twice, read as meant; the first at `{line}`, `{column}`.
    d_encoded_twice: &'static str,
    /// Diagnostic: feed version `{value}` not understood.
    d_version: &'static str,
    /// Diagnostic: the entry is not valid JSON.
    d_unreadable: &'static str,
    /// Suffix: the entry was skipped.
    d_skipped: &'static str,
    /// Suffix: the field was dropped.
    d_dropped: &'static str,
    /// JSON syntax reasons: unexpected end, unexpected character `{char}`, trailing text,
    /// bad escape, bad number, empty document, a comma missing, a comma too many, text before
    /// the start, an entry not ended before the next, a comment, a curly quote `{char}`.
    syntax_reasons: [&'static str; 12],
    /// What was done about a syntax error: a missing comma read as if there, a comma or the
    /// text after the end ignored, the rest lost.
    syntax_recovery: [&'static str; 3],
    /// Kinds of member: SME, large company, research, other.
    kinds: [&'static str; 4],
    /// Button that shows the filters on a narrow screen.
    filters: &'static str,
    /// Legend of the kind facet.
    kind: &'static str,
    /// Legend of the region facet.
    region: &'static str,
    /// Legend of the city facet.
    city: &'static str,
    /// Button that lists all `{n}` values of a facet.
    show_all: &'static str,
    /// Button that lists only the largest values of a facet.
    show_fewer: &'static str,
    /// The button that folds a phone's filters back over the results, with their count
    /// (`{members}`: "12 members").
    show_members: &'static str,
    /// Label of the order picker.
    sort_by: &'static str,
    /// Orders: by name, newest first, by relevance.
    sorts: [&'static str; 3],
    /// Label of the grid/list switch.
    layout: &'static str,
    /// Layouts: cards in a grid, a compact list.
    layouts: [&'static str; 2],
    /// Accessible name of the chips of active choices.
    active_filters: &'static str,
    /// Accessible name of a chip: removes the choice `{name}`.
    remove_choice: &'static str,
    /// Button that removes every choice and the search.
    clear_all: &'static str,
    /// Accessible name of the page links.
    pages: &'static str,
    /// Link to the previous page.
    previous_page: &'static str,
    /// Link to the next page.
    next_page: &'static str,
    /// Accessible name of the link to page `{n}`.
    page_n: &'static str,
    /// Said when the pager has shown page `{n}` of `{count}`.
    page_n_of: &'static str,
    /// Below the cards printed, when more members were found than are printed: `{n}`.
    printed_first: &'static str,
    /// Button that closes a dialog.
    close: &'static str,
    /// Label of an e-mail address.
    email: &'static str,
    /// Label of a phone number.
    phone: &'static str,
    /// Heading of a member's tags.
    keywords: &'static str,
    /// When a member joined: `{year}`.
    member_since: &'static str,
    /// A founding member.
    founding_member: &'static str,
    /// After a link that opens in a new tab, for screen readers.
    new_tab: &'static str,
}

/// `one` or `other` (the four languages' only plural forms) for `n`, with `n` formatted.
fn plural(n: usize, one: &str, other: &str, formatted: &str) -> String {
    fill(if n == 1 { one } else { other }, &[("n", formatted)])
}

impl Strings {
    /// "1 selected" or "3 selected", with `n` already formatted for the locale.
    pub fn chosen_count(&self, n: usize, formatted: &str) -> String {
        plural(n, self.chosen[0], self.chosen[1], formatted)
    }

    /// "1 member" or "12 members", with `n` already formatted for the locale.
    pub fn members_count(&self, n: usize, formatted: &str) -> String {
        plural(n, self.members_one, self.members_other, formatted)
    }

    /// "1 event found" or "12 events found", with `n` already formatted for the locale.
    pub fn events_found_count(&self, n: usize, formatted: &str) -> String {
        plural(n, self.events_found[0], self.events_found[1], formatted)
    }

    /// "none this month", "1 this month" or "3 this month" (`in_month`), else "… in the
    /// list", with `n` already formatted for the locale.
    pub fn events_shown_count(&self, in_month: bool, n: usize, formatted: &str) -> String {
        let forms = if in_month {
            self.events_in_month
        } else {
            self.events_in_list
        };
        fill(forms[n.min(2)], &[("n", formatted)])
    }

    /// "1 event" or "12 events", with `n` already formatted for the locale.
    pub fn events_count(&self, n: usize, formatted: &str) -> String {
        plural(n, self.events_one, self.events_other, formatted)
    }
}
