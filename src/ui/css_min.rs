//! A small CSS minifier, run by `build.rs` over the widgets' stylesheet: it drops comments,
//! the whitespace around `{`, `}`, `;` and `,` and after `:`, and a `;` before `}`, and
//! nothing else. Strings are copied as they are.
//!
//! Whitespace elsewhere can matter (`.a .b` is not `.a.b`, `calc(1px + 2px)` needs its
//! spaces), so it is only ever shortened to one space.

/// `css` without comments and needless whitespace.
pub fn minify(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut chars = css.chars().peekable();
    // Whitespace (or a comment) seen since the last character kept.
    let mut space = false;
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut star = false;
                for c in chars.by_ref() {
                    if star && c == '/' {
                        break;
                    }
                    star = c == '*';
                }
                space = true;
            }
            c if c.is_whitespace() => space = true,
            '{' | '}' | ';' | ',' => {
                if c == '}' && out.ends_with(';') {
                    out.pop();
                }
                out.push(c);
                space = false;
            }
            _ => {
                // After `:` a space means nothing: `color: red`, `(max-width: 600px)`.
                if space && !out.is_empty() && !out.ends_with(['{', '}', ';', ',', ':']) {
                    out.push(' ');
                }
                space = false;
                out.push(c);
                if c == '"' || c == '\'' {
                    let mut escaped = false;
                    for d in chars.by_ref() {
                        out.push(d);
                        if d == c && !escaped {
                            break;
                        }
                        escaped = d == '\\' && !escaped;
                    }
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::minify;

    #[test]
    fn drops_comments_and_the_whitespace_around_braces_semicolons_and_commas() {
        let css = "/* theme */\n.a ,\n.b {\n  color: red ;\n  margin: 0 auto;\n}\n\n.c{ }\n";
        assert_eq!(minify(css), ".a,.b{color:red;margin:0 auto}.c{}");
    }

    #[test]
    fn keeps_the_spaces_that_mean_something() {
        assert_eq!(minify(".a .b :focus{}"), ".a .b :focus{}");
        assert_eq!(
            minify("x{width: calc(1px  +\n 2 * var(--u))}"),
            "x{width:calc(1px + 2 * var(--u))}"
        );
        assert_eq!(
            minify("@media (max-width: 600px) { .a { b: c } }"),
            "@media (max-width:600px){.a{b:c}}"
        );
    }

    #[test]
    fn copies_strings_as_they_are() {
        let css = r#"a{content: "x  /* not a comment */ , ; }";font-family: 'A  B', "C \" D  "}"#;
        assert_eq!(
            minify(css),
            r#"a{content:"x  /* not a comment */ , ; }";font-family:'A  B',"C \" D  "}"#
        );
    }

    /// Outside comments, the widgets' stylesheet loses only whitespace and the `;` before a
    /// `}`: every selector, property and value is still there, in order.
    #[test]
    fn the_widgets_stylesheet_keeps_every_rule() {
        let source = [
            include_str!("theme.css"),
            include_str!("../directory/directory.css"),
            include_str!("../chart/chart.css"),
            include_str!("../calendar/calendar.css"),
        ]
        .concat();
        let mut uncommented = String::new();
        let mut rest = source.as_str();
        while let Some(start) = rest.find("/*") {
            uncommented.push_str(&rest[..start]);
            rest = &rest[start + rest[start..].find("*/").expect("a closed comment") + 2..];
        }
        uncommented.push_str(rest);
        let bare = |css: &str| -> String {
            css.split_whitespace()
                .collect::<String>()
                .replace(";}", "}")
        };
        let minified = minify(&source);
        assert_eq!(bare(&minified), bare(&uncommented));
        assert!(
            minified.len() < source.len() * 4 / 5,
            "{} of {} bytes",
            minified.len(),
            source.len()
        );
        assert!(!minified.contains("/*"));
    }
}
