//! The four languages of the widgets: Catalan, Spanish, Galician and English.
//!
//! Every UI string lives in one file per language (`ca.rs`, `es.rs`, `gl.rs`, `en.rs`) as a
//! [`Strings`] value; the compiler refuses a language that lacks a string. Month and weekday
//! names are shipped here too (a few hundred bytes, fewer than the `Intl` calls to fetch them,
//! and right for Galician, which Chromium's `Intl` lacks). Collation goes through the
//! browser's `Intl`; counts are grouped in a few lines of our own (see [`intl`]).

mod ca;
mod diagnostics;
mod en;
mod es;
mod gl;
pub mod intl;
mod strings;

pub use strings::Strings;

use crate::feed::Weekday;

/// A language the widgets speak.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum Lang {
    /// Catalan
    Ca,
    /// Spanish
    Es,
    /// Galician
    Gl,
    /// English
    #[default]
    En,
}

impl Lang {
    /// `sentence` after a colon, as a widget's name and its message are joined: Catalan,
    /// Spanish and Galician go on in lower case ("Directori de socis: no s’han pogut…"),
    /// English as it is.
    pub(crate) fn after_colon(self, sentence: &str) -> String {
        let mut out = sentence.to_owned();
        if self != Lang::En
            && let Some(first) = out.get_mut(..1)
        {
            first.make_ascii_lowercase();
        }
        out
    }

    /// All four, in the order of the language picker.
    pub const ALL: &'static [Lang] = &[Lang::Ca, Lang::Es, Lang::Gl, Lang::En];

    /// The language of a tag such as `ca`, `es-ES` or `gl_ES`, if it is one of the four.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        Some(match primary.as_str() {
            "ca" => Lang::Ca,
            "es" => Lang::Es,
            "gl" => Lang::Gl,
            "en" => Lang::En,
            _ => return None,
        })
    }

    /// The language's BCP 47 tag.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Ca => "ca",
            Lang::Es => "es",
            Lang::Gl => "gl",
            Lang::En => "en",
        }
    }

    /// Every UI string in this language (for the crate's own tests: not API).
    #[doc(hidden)]
    pub fn strings(self) -> &'static Strings {
        match self {
            Lang::Ca => &ca::STRINGS,
            Lang::Es => &es::STRINGS,
            Lang::Gl => &gl::STRINGS,
            Lang::En => &en::STRINGS,
        }
    }
}

/// The language's tag: `ca`, `es`, `gl` or `en`.
impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.tag())
    }
}

/// A language tag that names none of the four languages, as [`Lang::from_str`] refuses it.
///
/// [`Lang::from_str`]: std::str::FromStr::from_str
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownLang(pub String);

impl std::fmt::Display for UnknownLang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "“{}” is none of ca, es, gl and en", self.0)
    }
}

impl std::error::Error for UnknownLang {}

/// As [`Lang::from_tag`]: `"ca-ES".parse::<Lang>()` is Catalan.
impl std::str::FromStr for Lang {
    type Err = UnknownLang;

    fn from_str(tag: &str) -> Result<Lang, UnknownLang> {
        Lang::from_tag(tag).ok_or_else(|| UnknownLang(tag.to_owned()))
    }
}

/// Replaces each `{name}` in `template` with its value: `fill("{n} de {total}", &[("n",
/// "3"), ("total", "40")])` is `3 de 40`.
pub(crate) fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = template.to_owned();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

/// The day weeks start on for a language tag: Monday, unless its region starts them on
/// Sunday (`en-US`, `es-MX`), Saturday (`en-EG`, `en-JO`) or Friday (`en-MV`).
pub fn first_weekday(tag: &str) -> Weekday {
    // The regions whose week starts on another day in the browsers' locale data (CLDR,
    // as Chromium's ICU has it, old codes included); a browser test compares the two.
    const SUNDAY_REGIONS: [&str; 65] = [
        "AG", "AS", "BD", "BR", "BS", "BT", "BU", "BW", "BZ", "CA", "CO", "DM", "DO", "ET", "GT",
        "GU", "HK", "HN", "ID", "IL", "IN", "IS", "JM", "JP", "JT", "KE", "KH", "KR", "LA", "MH",
        "MI", "MM", "MO", "MT", "MX", "MZ", "NI", "NP", "NT", "PA", "PE", "PH", "PK", "PR", "PT",
        "PU", "PY", "PZ", "RH", "SA", "SG", "SV", "TH", "TT", "TW", "UM", "US", "VE", "VI", "WK",
        "WS", "YD", "YE", "ZA", "ZW",
    ];
    const SATURDAY_REGIONS: [&str; 14] = [
        "AF", "BH", "DJ", "DZ", "EG", "IQ", "IR", "JO", "KW", "LY", "OM", "QA", "SD", "SY",
    ];
    let in_list = |list: &[&str]| {
        tag.split(['-', '_'])
            .skip(1)
            .any(|part| part.len() == 2 && list.iter().any(|r| r.eq_ignore_ascii_case(part)))
    };
    if in_list(&SUNDAY_REGIONS) {
        Weekday::Sun
    } else if in_list(&SATURDAY_REGIONS) {
        Weekday::Sat
    } else if in_list(&["MV"]) {
        // The Maldives', alone.
        Weekday::Fri
    } else {
        Weekday::Mon
    }
}

#[cfg(test)]
mod tests;
