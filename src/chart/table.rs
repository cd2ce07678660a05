//! The chart's data as a real `<table>` and as CSV, each built as one string from the marks
//! (texts from the feed escaped as in the drawing).

use std::fmt::Write;

use super::svg::{Mark, Share, percent};
use crate::i18n::{Lang, intl::format_number};
use crate::ui::escape;

/// The marks as a table: a header row (`headers`: the dimension, members, and the share or
/// running total, shown when the marks have them), then one row per mark. In a linked
/// chart, a mark that stands for a facet value is named by a toggle button (`data-t`, its
/// index), pressed as the mark is.
pub(crate) fn table(marks: &[Mark], caption: &str, headers: [&str; 3], lang: Lang) -> String {
    let extra = marks
        .iter()
        .any(|m| m.share.is_some() || m.running.is_some());
    let columns = if extra { 3 } else { 2 };
    let mut out = format!(
        // In a box that scrolls sideways (reached by the keyboard too) where the narrowest
        // phone at the largest text has no room for every column. Its name for screen
        // readers; on screen the chart's heading, just above, says it.
        "<div class=\"ck-table-wrap\" tabindex=\"0\" role=\"group\" aria-label=\"{0}\">\
         <table class=\"ck-table\"><caption class=\"ck-visually-hidden\">{0}</caption><thead><tr>",
        escape(caption)
    );
    for header in &headers[..columns] {
        let _ = write!(out, "<th scope=\"col\">{}</th>", escape(header));
    }
    out.push_str("</tr></thead><tbody>");
    for (k, m) in marks.iter().enumerate() {
        let _ = write!(out, "<tr><th scope=\"row\"{}>", m.lang);
        match m.pressed {
            Some(on) => {
                let _ = write!(
                    out,
                    "<button type=\"button\" class=\"ck-chip-toggle\" data-t=\"{k}\" aria-pressed=\"{on}\">{}</button>",
                    escape(&m.name)
                );
            }
            None => out.push_str(&escape(&m.name)),
        }
        let _ = write!(out, "</th><td>{}</td>", format_number(lang, m.count));
        match (m.share, m.running) {
            (Some(p), _) => {
                let _ = write!(out, "<td>{}</td>", percent(lang, p));
            }
            (_, Some(r)) => {
                let _ = write!(out, "<td>{}</td>", format_number(lang, r));
            }
            _ => {}
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table></div>");
    out
}

/// The marks as CSV (RFC 4180's quoting, fields parted by `separator`, with a byte order
/// mark so that spreadsheets read UTF-8): the `headers` row, then one row per mark with
/// plain numbers. A name that a spreadsheet would take for a formula (`=`, `+`, `-`, `@`, or
/// a tab or carriage return before one, as OWASP lists them) is prefixed with `'`; one with
/// a comma, a semicolon or a tab is quoted whatever `separator` is, so that a spreadsheet
/// that parts fields by another does not find a formula after one (`Seg;=1+1`).
pub(crate) fn csv(marks: &[Mark], headers: [&str; 3], separator: char) -> String {
    let field = |out: &mut String, value: &str| {
        let value = if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
            format!("'{value}")
        } else {
            value.to_owned()
        };
        if value.contains([separator, ',', ';', '\t', '"', '\n', '\r']) {
            out.push('"');
            out.push_str(&value.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(&value);
        }
    };
    let extra = marks
        .iter()
        .any(|m| m.share.is_some() || m.running.is_some());
    let mut out = String::from("\u{FEFF}");
    for (i, header) in headers.iter().take(if extra { 3 } else { 2 }).enumerate() {
        if i > 0 {
            out.push(separator);
        }
        field(&mut out, header);
    }
    let total: usize = marks.iter().map(|m| m.count).sum();
    for m in marks {
        out.push_str("\r\n");
        field(&mut out, &m.name);
        let _ = write!(out, "{separator}{}", m.count);
        if let Some(share) = m.share {
            out.push(separator);
            share_field(&mut out, share, m.count, total, separator);
        } else if let Some(running) = m.running {
            let _ = write!(out, "{separator}{running}");
        }
    }
    out.push_str("\r\n");
    out
}

/// A share in a CSV file, as a spreadsheet would work it out from the counts: to one
/// decimal (not the whole per cent the chart shows, nudged so that its parts make 100), or
/// as many (at most four) as a part under 1 % or over 99 % takes to be neither 0 nor 100;
/// its decimal mark the comma where the list separator is `;`.
fn share_field(out: &mut String, share: Share, count: usize, total: usize, separator: char) {
    if total == 0 {
        let _ = write!(out, "{}", share.rounded());
        return;
    }
    // In `u64`: `u128` division would bring in a routine of its own.
    let (count, total) = (count as u64, total as u64);
    for places in 1..=4u32 {
        let scale = 10u64.pow(places);
        // Rounded to `places` decimals, in integers: no float formatting in the Wasm.
        let n = (count * 100 * scale * 2 + total) / (total * 2);
        if (n > 0 && n < 100 * scale) || places == 4 {
            let mark = if separator == ';' { ',' } else { '.' };
            // The decimals with their leading zeros, without the trailing ones (and
            // without the mark where none is left: 25, not 25.0).
            let fraction = (n % scale + scale).to_string();
            let fraction = fraction[1..].trim_end_matches('0');
            let _ = write!(out, "{}", n / scale);
            if !fraction.is_empty() {
                let _ = write!(out, "{mark}{fraction}");
            }
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::svg::Share;
    use crate::chart::svg::tests::mark;

    #[test]
    fn the_table_has_a_row_per_mark_and_a_third_column_only_when_there_is_one() {
        let headers = ["Segment", "Members", "Share"];
        let plain = table(
            &[mark("A&B", 2), mark("C", 1)],
            "Members per segment",
            headers,
            Lang::En,
        );
        assert_eq!(plain.matches("<tr>").count(), 3);
        assert_eq!(plain.matches("<th scope=\"col\">").count(), 2);
        assert!(plain.contains("<th scope=\"row\">A&amp;B</th><td>2</td></tr>"));
        let mut shared = mark("C", 1);
        shared.share = Some(Share::About(50));
        let with_share = table(&[shared], "x", headers, Lang::Ca);
        assert!(with_share.contains("<th scope=\"col\">Share</th>"));
        assert!(with_share.contains("<td>50\u{a0}%</td>"));
    }

    #[test]
    fn a_linked_table_names_its_choosable_rows_by_toggles_pressed_as_their_marks() {
        let mut chosen = mark("Vigo", 3);
        chosen.pressed = Some(true);
        let mut open = mark("Lugo <1>", 2);
        open.pressed = Some(false);
        let others = mark("2 other places", 2);
        let html = table(
            &[chosen, open, others],
            "x",
            ["City", "Members", ""],
            Lang::En,
        );
        assert!(html.contains(
            "<th scope=\"row\"><button type=\"button\" class=\"ck-chip-toggle\" data-t=\"0\" aria-pressed=\"true\">Vigo</button></th>"
        ));
        assert!(html.contains("data-t=\"1\" aria-pressed=\"false\">Lugo &lt;1&gt;</button>"));
        assert!(
            html.contains("<th scope=\"row\">2 other places</th>"),
            "the places together are no choice: {html}"
        );
    }

    #[test]
    fn a_share_in_the_file_is_the_counts_own_to_a_decimal_not_the_chart_s_nudged_whole() {
        // Three equal parts: the chart says 33, 33 and 34 % to make 100; the file, what a
        // spreadsheet works out from the counts.
        let third = |name| {
            let mut m = mark(name, 1);
            m.share = Some(Share::About(33));
            m
        };
        let mut last = third("C");
        last.share = Some(Share::About(34));
        assert_eq!(
            csv(
                &[third("A"), third("B"), last],
                ["Kind", "Members", "Share"],
                ','
            ),
            "\u{FEFF}Kind,Members,Share\r\nA,1,33.3\r\nB,1,33.3\r\nC,1,33.3\r\n"
        );
        // 29 of 60 is 48.3 % (the chart's 49 %), with the comma in Catalan.
        let mut barcelona = mark("Barcelona", 29);
        barcelona.share = Some(Share::About(49));
        let mut rest = mark("Altres", 31);
        rest.share = Some(Share::About(51));
        assert_eq!(
            csv(&[barcelona, rest], ["Ciutat", "Socis", "Percentatge"], ';'),
            "\u{FEFF}Ciutat;Socis;Percentatge\r\nBarcelona;29;48,3\r\nAltres;31;51,7\r\n"
        );
    }

    #[test]
    fn a_share_the_table_says_is_under_1_or_over_99_is_no_0_or_100_in_the_file() {
        let mut most = mark("Pime", 999);
        most.share = Some(Share::OverNinetyNine);
        let mut one = mark("Sense tipus", 1);
        one.share = Some(Share::UnderOne);
        assert_eq!(
            csv(
                &[most.clone(), one.clone()],
                ["Tipus", "Socis", "Percentatge"],
                ';'
            ),
            "\u{FEFF}Tipus;Socis;Percentatge\r\nPime;999;99,9\r\nSense tipus;1;0,1\r\n"
        );
        // As many decimals as it takes: 1 of 30,000 is 0.0033 %.
        most.count = 29_999;
        assert_eq!(
            csv(&[most, one], ["Kind", "Members", "Share"], ','),
            "\u{FEFF}Kind,Members,Share\r\nPime,29999,99.997\r\nSense tipus,1,0.003\r\n"
        );
    }

    #[test]
    fn csv_quotes_what_needs_it_and_defuses_formulas() {
        let mut shared = mark("Barcelona, Girona", 3);
        shared.share = Some(Share::About(75));
        let mut formula = mark("=HYPERLINK(\"x\")", 1);
        formula.share = Some(Share::About(25));
        let text = csv(
            &[shared.clone(), formula],
            ["City", "Members", "Share"],
            ',',
        );
        assert_eq!(
            text,
            "\u{FEFF}City,Members,Share\r\n\"Barcelona, Girona\",3,75\r\n\"'=HYPERLINK(\"\"x\"\")\",1,25\r\n"
        );
        // A tab before a formula (a feed built in Rust is not trimmed by the reader).
        let tabbed = csv(&[mark("\t=1+1", 2)], ["Segment", "Members", "Share"], ',');
        assert_eq!(tabbed, "\u{FEFF}Segment,Members\r\n\"'\t=1+1\",2\r\n");
        // A formula after the other list separator, or a tab, is inside quotes: a
        // spreadsheet that parts by semicolons (or by commas, or tabs) keeps it one text.
        for (name, separator, line) in [
            ("Seg;=1+1;", ',', "\"Seg;=1+1;\",1"),
            ("Vila,=1+1", ';', "\"Vila,=1+1\";1"),
            ("Tab\t=3+3", ';', "\"Tab\t=3+3\";1"),
        ] {
            let text = csv(&[mark(name, 1)], ["Segment", "Members", "Share"], separator);
            assert_eq!(text.lines().nth(1), Some(line), "{name}");
        }
        let plain = csv(&[mark("Sonilab", 2)], ["Segment", "Members", "Share"], ',');
        assert_eq!(plain, "\u{FEFF}Segment,Members\r\nSonilab,2\r\n");
        // Semicolons where a spreadsheet's list separator is one: a name with either is
        // quoted.
        let mut parted = mark("Vigo; Lugo", 1);
        parted.share = Some(Share::About(25));
        assert_eq!(
            csv(&[shared, parted], ["Ciutat", "Socis", "Percentatge"], ';'),
            "\u{FEFF}Ciutat;Socis;Percentatge\r\n\"Barcelona, Girona\";3;75\r\n\"Vigo; Lugo\";1;25\r\n"
        );
    }
}
