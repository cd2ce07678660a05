//! The readers of single values: strings, addresses, colours, dates, zones, language tags
//! and localized texts, each giving its value or the [`Problem`] to report.

use super::{At, Cx, wrong};
use crate::feed::Date;
use crate::feed::Text;
use crate::feed::When;
use crate::feed::diag::{Expected, Problem};
use crate::feed::json::Json;
use crate::feed::text::clean;
use crate::feed::url::{is_color, is_email, is_safe_url};

pub(super) fn string(v: &Json) -> Result<String, Problem> {
    with_str(v, |text| Ok(text.to_owned()))
}

/// `read` of a string value, cleaned and trimmed, without copying it: for values kept in
/// another form (a kind, a date).
pub(super) fn with_str<T>(
    v: &Json,
    read: impl FnOnce(&str) -> Result<T, Problem>,
) -> Result<T, Problem> {
    match v {
        // Control characters are removed; a value made only of them is reported as empty.
        Json::String(s) => match clean(s).trim() {
            "" if !s.trim().is_empty() => Err(Problem::Empty),
            text => read(text),
        },
        other => Err(wrong(Expected::String, other)),
    }
}

/// A string value that passes `ok`, else `problem`.
fn string_where(v: &Json, ok: fn(&str) -> bool, problem: Problem) -> Result<String, Problem> {
    string(v).and_then(|s| if ok(&s) { Ok(s) } else { Err(problem) })
}

fn non_empty(v: &Json) -> Result<String, Problem> {
    string_where(v, |s| !s.is_empty(), Problem::Empty)
}

/// The largest whole number a JSON number holds exactly (2⁵³ − 1): past it, the digits
/// written are not always the number read (`9007199254740993` reads as `…992`).
const EXACT: f64 = 9_007_199_254_740_991.0;

/// An id: a [`non_empty`] string, or a whole number as its digits (the row numbers a CRM or
/// a spreadsheet exports: `12` is `"12"`), up to [`EXACT`]; a longer one is refused as
/// such, not as a number where a string goes.
pub(super) fn read_id(v: &Json) -> Result<String, Problem> {
    match v {
        Json::Number(n) if n.fract() == 0.0 && n.abs() <= EXACT => Ok((*n as i64).to_string()),
        Json::Number(n) if n.fract() == 0.0 => Err(Problem::LongNumber),
        v => non_empty(v),
    }
}

pub(super) fn url(v: &Json) -> Result<String, Problem> {
    string(v).and_then(|s| url_str(&s))
}

/// A [`url`] read from its text, already cleaned.
fn url_str(s: &str) -> Result<String, Problem> {
    if is_safe_url(s) {
        without_breaks(s.to_owned())
    } else {
        Err(Problem::UnsafeUrl)
    }
}

/// An address without its tabs and line breaks (a CRM's wrapped field), as a browser reads
/// a link: the text shown is then where the link goes. Where a line begins another address
/// (two in one cell), it is refused, as two written with a space between are.
pub(in crate::feed) fn without_breaks(url: String) -> Result<String, Problem> {
    const BREAKS: [char; 3] = ['\t', '\n', '\r'];
    if !url.contains(BREAKS) {
        return Ok(url);
    }
    let an_address = |line: &str| {
        let line = line.trim_start().to_ascii_lowercase();
        ["http:", "https:", "www.", "//"]
            .iter()
            .any(|start| line.starts_with(start))
    };
    if url.split(BREAKS).skip(1).any(an_address) {
        return Err(Problem::TwoAddresses);
    }
    Ok(url.replace(BREAKS, ""))
}

/// A website: a [`url`], where one written as a bare host (`www.sonilab.example`,
/// `sonilab.cat/ca`, as people and CRM exports type them) is that host over https, not a path
/// on the feed's server; an e-mail address written there is refused as such. A relative path
/// (`members/uab.html`, `uab.html`) stays one.
pub(super) fn website(s: &str) -> Result<String, Problem> {
    let mail = s.get(..7).filter(|m| m.eq_ignore_ascii_case("mailto:"));
    if is_email(mail.map_or(s, |m| &s[m.len()..])) {
        return Err(Problem::EmailAsWebsite);
    }
    if is_mail_address(s) {
        return Err(Problem::UnsafeUrl);
    }
    let read = with_host(url_str(s)?);
    // A relative one names a page beside the feed (`members/uab.html`, `/socis/uab/`): words
    // that name none (`pendent`, `Facebook`, `no té web`), or a spreadsheet's `N/A` or `s/n`
    // (two letters and a slash), would link to a page not there.
    let letters = read
        .chars()
        .filter(|&c| crate::search::is_word_char(c))
        .count();
    let relative = !read.contains("//");
    if !read.contains(['/', '.', '?', '#']) || (relative && !read.contains('.') && letters <= 2) {
        return Err(Problem::UnsafeUrl);
    }
    Ok(read)
}

/// An address written as a bare host (`www.sonilab.example/logo.png`) as that host over
/// https, not a path on the feed's server.
fn with_host(url: String) -> String {
    if is_host(url_head(&url)) {
        format!("https://{url}")
    } else {
        url
    }
}

/// A logo's address: a [`url`], one written as a bare host over https.
pub(super) fn logo(v: &Json) -> Result<String, Problem> {
    url(v).map(with_host)
}

/// Whether `written` is a spreadsheet's `-`, `—` or `?` for none: text without a letter or a
/// digit, which an address or a number never is. Not given, as a place's is.
pub(in crate::feed) fn is_placeholder(written: &str) -> bool {
    written
        .chars()
        .any(|c| !c.is_control() && !c.is_whitespace())
        && !written.chars().any(crate::search::is_word_char)
}

/// Quotes and brackets around what is written (`“info@sonilab.cat”` pasted from a word
/// processor, `(www.sonilab.cat)`, `<info@sonilab.cat>`) and punctuation after it
/// (`www.sonilab.cat,`), taken off; a bracket only where it pairs with none within
/// (`(981) 941 792` and `…/Cinema_(Spain)` keep theirs).
pub(in crate::feed) fn unwrapped(written: &str) -> &str {
    const QUOTES: [char; 8] = ['“', '”', '‘', '’', '"', '\'', '«', '»'];
    const AFTER: [char; 3] = [',', ';', '.'];
    let mut s = written.trim();
    loop {
        let before = s.len();
        s = s.trim_matches(QUOTES).trim_end_matches(AFTER).trim();
        for (open, close) in [('(', ')'), ('[', ']'), ('<', '>')] {
            let (opened, closed) = (s.matches(open).count(), s.matches(close).count());
            if s.starts_with(open) && s.ends_with(close) && opened == 1 && closed == 1 {
                s = s[1..s.len() - 1].trim();
            } else if s.ends_with(close) && opened < closed {
                s = s[..s.len() - 1].trim_end();
            } else if s.starts_with(open) && opened > closed {
                s = s[1..].trim_start();
            }
        }
        if s.len() == before {
            return s;
        }
    }
}

/// Whether `text` starts with `start`, in any case.
fn starts_ci(text: &str, start: &str) -> bool {
    text.get(..start.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(start))
}

/// Whether `word` starts as a web address does: a scheme, `www.`, or a host (`sonilab.cat`).
fn addressed(word: &str) -> bool {
    ["http:", "https:", "http//", "https//", "www."]
        .iter()
        .any(|start| starts_ci(word, start))
        || is_host(url_head(unwrapped(word)))
}

/// Whether a website as written may need [`mended_website`]: anything but the plain address
/// most are, found without a copy (a feed has thousands).
fn may_need_mending(written: &str) -> bool {
    const ODD: [char; 17] = [
        '“', '”', '‘', '’', '"', '\'', '«', '»', '(', ')', '<', '>', '[', ']', ',', ';', '.',
    ];
    written.contains(char::is_whitespace)
        || written.starts_with(ODD)
        || written.ends_with(ODD)
        || written.contains([',', ';'])
        || ["http//", "https//"].iter().any(|s| starts_ci(written, s))
        || (starts_ci(written, "http:/") && !starts_ci(written, "http://"))
        || (starts_ci(written, "https:/") && !starts_ci(written, "https://"))
}

/// How many addresses `text` holds: its words (between spaces) that start as one, and in
/// them, what starts as an address after a comma or semicolon (`www.a.es,https://b.es`; not
/// `…/cine,tv.cat`, a path's own comma).
fn addresses(text: &str) -> usize {
    text.split_whitespace()
        .map(|word| {
            let after = word
                .split([',', ';'])
                .skip(1)
                .filter(|part| {
                    ["http:", "https:", "www."]
                        .iter()
                        .any(|start| starts_ci(part.trim(), start))
                })
                .count();
            usize::from(addressed(word)) + after
        })
        .sum()
}

/// A website as its writer meant it, where what was written is none as it stands: see
/// [`unwrapped`]; a remark after the address, in brackets or after a bare host
/// (`https://ficcion.es (web)`, `www.ficcion.es en obras`; not the words of a path with
/// spaces, `…/Programa jornada.pdf`, which a browser reads whole); a colon lost after its
/// scheme (`http//`) or a slash (`https:/`). `Ok(None)` where nothing is to be mended; two
/// addresses in one (`www.a.es, www.b.es`) are refused, and wrapping alone (`“”`) is empty.
pub(super) fn mended_website(written: &str) -> Result<Option<String>, Problem> {
    if !may_need_mending(written) {
        return Ok(None);
    }
    // As a browser reads it: without the breaks a CRM wraps a long one over; and a space
    // typed after `www.` (`www. espai.es`) is none.
    let unbroken = without_breaks(written.to_owned())?;
    let whole = unbroken.replace("www. ", "www.");
    if addresses(&whole) > 1 {
        return Err(Problem::TwoAddresses);
    }
    let mut s = unwrapped(&whole);
    if s.is_empty() {
        return Err(Problem::Empty);
    }
    if let Some((first, rest)) = s.split_once(char::is_whitespace) {
        let rest = rest.trim_start();
        // A host alone, with its scheme or without, and no path after it.
        let address = unwrapped(first);
        let after_scheme = address.find("//").map_or(address, |i| &address[i + 2..]);
        let host_alone = !after_scheme.trim_end_matches('/').contains(['/', '?', '#']);
        let remark = rest.starts_with(['(', '[', '-', '–', '—']) || host_alone;
        if addressed(first) && remark {
            s = unwrapped(first);
        }
    }
    let mut mended = s.to_owned();
    for scheme in ["http", "https"] {
        let Some(rest) = s.get(scheme.len()..).filter(|_| starts_ci(s, scheme)) else {
            continue;
        };
        if rest.starts_with("//") {
            mended.insert(scheme.len(), ':');
        } else if rest.starts_with(":/") && !rest.starts_with("://") {
            mended.insert(scheme.len() + 1, '/');
        }
    }
    Ok((mended != unbroken.trim()).then_some(mended))
}

/// A website as [`website`] reads it, or as [`mended_website`] mends it, with what to say
/// of the mending.
pub(in crate::feed) fn website_as_meant(
    written: &str,
) -> Result<(String, Option<Problem>), Problem> {
    if let Some(meant) = mended_website(written)?
        && let Ok(read) = website(&meant)
    {
        let said = Problem::AddressMended(read.clone());
        return Ok((read, Some(said)));
    }
    // Nothing to mend, or what was meant is no address either: said wrong as written.
    website(written).map(|read| (read, None))
}

/// An e-mail address or phone number that `ok` takes, with what to say of how it was written:
/// with the `scheme` its link adds (`mailto:info@…`, `tel:+34…`, as copied from a link's
/// address), or with quotes or brackets around it or punctuation after it ([`unwrapped`]),
/// it is read without them. Else `bad`; wrapping alone (`“”`) is empty.
pub(in crate::feed) fn contact_as_meant(
    written: &str,
    scheme: &'static str,
    ok: fn(&str) -> bool,
    bad: Problem,
) -> Result<(String, Option<Problem>), Problem> {
    let bare = unwrapped(written);
    if bare.is_empty() {
        return Err(Problem::Empty);
    }
    let (read, schemed) = if ok(bare) {
        (bare, false)
    } else {
        (without_scheme(bare, scheme, ok).ok_or(bad)?, true)
    };
    let said = if bare != written {
        Some(Problem::AddressMended(read.to_owned()))
    } else {
        schemed.then_some(Problem::SchemeWritten(scheme))
    };
    Ok((read.to_owned(), said))
}

/// An address's part before its first `/`, `?` or `#`: its scheme and host, or its host.
fn url_head(url: &str) -> &str {
    &url[..url.find(['/', '?', '#']).unwrap_or(url.len())]
}

/// Whether an address where a page's goes is an e-mail address (`info@sonilab.cat`): an
/// `@` before its path, which [`website`] refuses.
fn is_mail_address(url: &str) -> bool {
    url_head(url).contains('@')
}

/// An e-mail address or phone number written with the `scheme` its link adds
/// (`mailto:info@…`, `tel:+34…`, as copied from a link's address), without it, if `ok`
/// takes what follows.
pub(in crate::feed) fn without_scheme<'a>(
    value: &'a str,
    scheme: &str,
    ok: fn(&str) -> bool,
) -> Option<&'a str> {
    (value.get(..scheme.len()))
        .filter(|start| start.eq_ignore_ascii_case(scheme))
        .map(|_| value[scheme.len()..].trim())
        .filter(|rest| ok(rest))
}

/// Whether the first part of a scheme-less address is a host name: labels of letters
/// (accented ones too: `www.càritas.cat`), digits and hyphens, the last one letters only and
/// no file's extension (`uab.html` is a page beside the feed, `sonilab.cat` a host).
fn is_host(head: &str) -> bool {
    const FILES: [&str; 26] = [
        "html", "htm", "shtml", "php", "asp", "aspx", "jsp", "cgi", "pdf", "json", "xml", "txt",
        "odt", "doc", "docx", "csv", "png", "jpg", "jpeg", "gif", "svg", "webp", "avif", "ico",
        "bmp", "tif",
    ];
    let letter = |c: char| c.is_ascii_alphabetic() || !c.is_ascii();
    let labels: Vec<&str> = head.split('.').collect();
    let Some((last, _)) = labels.split_last() else {
        return false;
    };
    labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && l.chars()
                    .all(|c| letter(c) || c.is_ascii_digit() || c == '-')
        })
        && (2..=24).contains(&last.chars().count())
        && last.chars().all(letter)
        && !FILES.iter().any(|f| last.eq_ignore_ascii_case(f))
}

pub(super) fn color(v: &Json) -> Result<String, Problem> {
    string_where(v, is_color, Problem::BadColor)
}

pub(super) fn when(v: &Json) -> Result<When, Problem> {
    with_date_str(v, |s| {
        let w = When::parse(s).ok_or_else(|| Problem::BadDate(s.to_owned()))?;
        if plausible(s) {
            Ok(w)
        } else {
            Err(Problem::UnlikelyYear(s.to_owned()))
        }
    })
}

/// A date or date-time as its writer meant it, where it is none as written: a month or day
/// without its zero (`2026-12-7`), an hour without its zero or written as a spreadsheet
/// does (`2026-12-07T9:30`, `2026-12-07 18h`, `18:00h`), or, for an `end` after a timed
/// `start`, a time alone (`20:00`, on the start's day). `None` where it is none of these.
pub(in crate::feed) fn mended_date(written: &str, start: Option<When>) -> Option<String> {
    let digits = |part: &str, most: usize| {
        (1..=most).contains(&part.len()) && part.bytes().all(|b| b.is_ascii_digit())
    };
    // `H`, `HH`, `H:MM`, `HH:MM`, each maybe with an `h` after it.
    let time = |t: &str| -> Option<String> {
        let t = t.trim().trim_end_matches(['h', 'H']);
        let (hour, minute) = t.split_once(':').unwrap_or((t, "00"));
        let hour: u8 = hour.parse().ok().filter(|_| digits(hour, 2))?;
        (hour < 24 && minute.len() == 2 && digits(minute, 2)).then(|| format!("{hour:02}:{minute}"))
    };
    let (day, clock) = match written.split_once(['T', 't', ' ']) {
        Some((day, clock)) => (day, Some(clock)),
        None => (written, None),
    };
    let parts: Vec<&str> = day.split('-').collect();
    let meant = match parts.as_slice() {
        [y, m, d] if y.len() == 4 && digits(y, 4) && digits(m, 2) && digits(d, 2) => {
            let date = format!("{y}-{m:0>2}-{d:0>2}");
            match clock {
                None => date,
                Some(clock) => format!("{date}T{}", time(clock)?),
            }
        }
        // An end's time alone, on its timed start's day.
        [_] if clock.is_none() => match start {
            Some(When::Local(date, _)) => format!("{}T{}", date_text(date), time(written)?),
            _ => return None,
        },
        _ => return None,
    };
    (meant != written).then_some(meant)
}

/// `YYYY-MM-DD`.
fn date_text(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year, d.month, d.day)
}

/// Whether a date or date-time's year as written (`2100-12-31T23:30-05:00` is in 2100,
/// whatever its UTC date) is one of [`YEARS`](crate::feed::YEARS).
pub(in crate::feed) fn plausible(written: &str) -> bool {
    (written.get(..4))
        .and_then(|year| year.parse::<i32>().ok())
        .is_some_and(|year| crate::feed::YEARS.contains(&year))
}

/// [`with_str`] of a date's text; a whole number (`2019`, a spreadsheet's day `46341`) is
/// said as a date written wrongly, with how to write one, rather than as a wrong type.
pub(super) fn with_date_str<T>(
    v: &Json,
    read: impl FnOnce(&str) -> Result<T, Problem>,
) -> Result<T, Problem> {
    match *v {
        Json::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => {
            Err(Problem::BadDate((n as i64).to_string()))
        }
        _ => with_str(v, read),
    }
}

pub(in crate::feed) fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split(['-', '_']);
    parts
        .next()
        .is_some_and(|p| (2..=3).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphabetic()))
        && parts.all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// In the browser, whether its `Intl` knows `zone`: the calendar's offsets come from there,
/// so a well-formed name it does not know (a typo such as `Europe/Madird`) is reported rather
/// than silently read as UTC. Off the browser only the form is checked.
fn known_here(zone: &str) -> bool {
    #[cfg(target_arch = "wasm32")]
    return crate::calendar::zone::is_known(zone);
    #[cfg(not(target_arch = "wasm32"))]
    return !zone.is_empty();
}

/// Whether `zone` is a zone's name, and in the browser one its `Intl` knows.
pub(in crate::feed) fn names_a_zone(zone: &str) -> bool {
    crate::calendar::zone::is_zone_name(zone) && known_here(zone)
}

/// A zone's name, in the letter case of its IANA name (`america/new_york` is read as
/// `America/New_York`).
pub(super) fn zone(v: &Json) -> Result<String, Problem> {
    string(v).and_then(|s| {
        if names_a_zone(&s) {
            Ok(crate::calendar::zone::in_its_case(&s))
        } else {
            Err(Problem::BadTimezone(s))
        }
    })
}

/// Reads a text field at `entry.key`, dropping (and reporting) only the bad languages.
/// When every text is under a bad language (`{"english": "Mediapro"}`), the first is kept
/// for every language rather than losing the field, and its member or event with it.
/// Paths are only formatted for a diagnostic: a 10,000-member feed reads clean fields
/// without allocating one.
pub(super) fn text(cx: &mut Cx, entry: At, key: &str, v: &Json) -> Result<Text, Problem> {
    let pairs = match v {
        Json::String(s) => return Ok(Text::Plain(clean(s).trim().to_owned())),
        Json::Object(pairs) => pairs,
        other => return Err(wrong(Expected::Text, other)),
    };
    let mut out = Vec::with_capacity(pairs.len());
    // The keys that are no language tags, and the first text under one of them.
    let mut bad = Vec::new();
    let mut untagged = None;
    // Whether a language's text was something else than a string (reported).
    let mut wrong_typed = false;
    let at = |lang: &str| format!("{entry}.{key}.{lang}");
    for (lang, value) in pairs {
        match (is_language_tag(lang), value) {
            (false, value) => {
                if let (None, Json::String(s)) = (&untagged, value) {
                    let text = clean(s).trim().to_owned();
                    if !text.is_empty() {
                        untagged = Some((bad.len(), text));
                    }
                }
                bad.push(lang);
            }
            (true, Json::String(s)) => match clean(s).trim() {
                "" => {}
                text => out.push((lang.to_string(), text.to_owned())),
            },
            (true, Json::Null) => {}
            (true, other) => {
                wrong_typed = true;
                cx.report(at(lang), wrong(Expected::String, other), false);
            }
        }
    }
    let kept = untagged.filter(|_| out.is_empty());
    let reported = wrong_typed || !bad.is_empty();
    for (i, lang) in bad.into_iter().enumerate() {
        let problem = match &kept {
            Some((k, _)) if *k == i => Problem::UntaggedKept(lang.to_string()),
            _ => Problem::BadLanguage(lang.to_string()),
        };
        cx.report(at(lang), problem, false);
    }
    match (out.is_empty(), kept) {
        (false, _) => Ok(Text::Localized(out)),
        (true, Some((_, text))) => Ok(Text::Plain(text)),
        // Not "empty": what it held is said above, a language at a time.
        (true, None) if reported => Err(Problem::NoText),
        (true, None) => Err(Problem::Empty),
    }
}
