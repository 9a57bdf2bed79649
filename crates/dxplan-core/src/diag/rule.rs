//! A rule's identity: code, name, default severity, bilingual summary and docs, the clause it
//! enforces, and whether the law locks it. It lives at the bottom of the crate, beside the
//! diagnostic type, so that every stage can declare the rules it emits without depending on the
//! `check` stage; `check::rules` is only the registry that lists them all.

use super::Severity;
use crate::lang::Lang;

/// A fixed text in both languages (rule summaries and docs).
#[derive(Debug, Clone, Copy)]
pub struct Text {
    pub vi: &'static str,
    pub en: &'static str,
}

impl Text {
    pub fn get(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Vi => self.vi,
            Lang::En => self.en,
        }
    }
}

/// A rule's identity and documentation.
#[derive(Debug)]
pub struct Rule {
    pub code: &'static str,
    pub name: &'static str,
    pub severity: Severity,
    /// One line.
    pub summary: Text,
    /// The clause enforced, as a locator ("NĐ 30/2020, Phụ lục I, mục II.3"). Framework rules
    /// refine it with the exact heading when they fire.
    pub clause: &'static str,
    /// What it checks, why, a failing example and the fix: the Vietnamese text is the rule's doc
    /// comment, printed by `dxplan explain`.
    pub doc: Text,
    /// A requirement of the framework or of Nghị định 30/2020 (or a reading failure, since a file
    /// that cannot be read cannot be checked): `[lint]` may raise it but never lower or switch it
    /// off, and inline comments cannot suppress it.
    pub locked: bool,
}

impl Rule {
    /// The doc in `lang`; the Vietnamese one without the one-space indent rustdoc keeps.
    pub fn doc(&self, lang: Lang) -> String {
        match lang {
            Lang::Vi => self
                .doc
                .vi
                .lines()
                .map(|l| l.strip_prefix(' ').unwrap_or(l))
                .collect::<Vec<_>>()
                .join("\n")
                .trim()
                .to_string(),
            Lang::En => self.doc.en.to_string(),
        }
    }
}

/// Declares a rule; the doc comment becomes the Vietnamese doc. `locked: true` marks a legal
/// requirement (see [`Rule::locked`]).
#[macro_export]
macro_rules! declare_rule {
    (
        $(#[doc = $doc:literal])*
        $name:ident {
            code: $code:literal,
            name: $slug:literal,
            severity: $sev:ident,
            $(locked: $locked:literal,)?
            summary: ($vi:literal, $en:literal),
            clause: $clause:literal,
            en: $doc_en:literal $(,)?
        }
    ) => {
        $(#[doc = $doc])*
        pub static $name: $crate::diag::Rule = $crate::diag::Rule {
            code: $code,
            name: $slug,
            severity: $crate::diag::Severity::$sev,
            summary: $crate::diag::Text { vi: $vi, en: $en },
            clause: $clause,
            doc: $crate::diag::Text {
                vi: concat!($($doc, "\n"),*),
                en: $doc_en,
            },
            locked: false $(|| $locked)?,
        };
    };
}
