//! The framework a plan follows, read from data (`schema/frameworks/*.yaml`). Code knows the
//! *kinds* of sections (text, tasks, projects …) but no heading, task or citation of any year:
//! a new year's framework is a new data file, selected by `framework` or `framework_file` in
//! `dxplan.toml`.

use std::collections::BTreeMap;

use serde::Deserialize;

/// Frameworks compiled into the binary, by id.
pub const BUILTIN: &[(&str, &str)] = &[(
    "5406/BTTTT-CĐSQG",
    include_str!("../../../schema/frameworks/5406-BTTTT-CDSQG.yaml"),
)];

const ND30: &str = include_str!("../../../schema/nd30.yaml");

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Hash)]
#[serde(rename_all = "kebab-case")]
pub enum SectionKind {
    Text,
    Evaluation,
    EvaluationBudget,
    Citations,
    Targets,
    Tasks,
    Solutions,
    Budget,
    Organization,
    Projects,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Framework {
    pub id: String,
    pub name: String,
    pub citation: String,
    pub plan_year: i32,
    pub issue_before: String,
    pub issue_before_clause: String,
    pub levels: BTreeMap<String, String>,
    pub parts: Vec<Heading>,
    pub evaluation_points: Vec<EvalPoint>,
    pub funding_sources: Vec<String>,
    pub priority_tasks: Vec<PriorityTask>,
    #[serde(default)]
    pub metrics: Vec<Metric>,
    #[serde(default)]
    pub citations: Vec<RegCitation>,
    /// Derived: every section, in framework order.
    #[serde(skip)]
    pub sections: Vec<SectionDef>,
}

#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct Heading {
    pub number: String,
    pub title: String,
    #[serde(default)]
    pub section: Option<String>,
    #[serde(default)]
    pub kind: Option<SectionKind>,
    #[serde(default)]
    pub guidance: Option<String>,
    /// The item needs the evaluation points (a) Kết quả đạt được, b) Tồn tại, hạn chế).
    #[serde(default)]
    pub evaluated: bool,
    #[serde(default)]
    pub children: Vec<Heading>,
}

#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct EvalPoint {
    pub key: String,
    pub label: String,
}

#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct PriorityTask {
    pub id: String,
    pub label: String,
    pub text: String,
    pub levels: Vec<String>,
}

#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct Metric {
    pub id: String,
    pub label: String,
    #[serde(default)]
    pub min: Option<f64>,
    #[serde(default)]
    pub unit: Option<String>,
    /// A threshold with no number of its own: "hoàn thành", "đầy đủ" — all of it. A target in
    /// per cent meets it only at 100 % (every level, for a target split by level).
    #[serde(default)]
    pub complete: bool,
    #[serde(default)]
    pub deadline: Option<String>,
    /// The framework item whose tasks can meet it ("7.4"): real plans write "Tổ chức 01 cuộc diễn
    /// tập" as a task of 7.4 as often as a target.
    #[serde(default)]
    pub item: Option<String>,
    /// The priority task whose tasks can meet it (NV20 for its deadlines).
    #[serde(default)]
    pub priority_task: Option<String>,
    /// Words a task's text puts after the count ("cuộc", "chuyên gia").
    #[serde(default)]
    pub counts: Vec<String>,
    pub clause: String,
    pub quote: String,
}

#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct RegCitation {
    #[serde(rename = "type")]
    pub doc_type: String,
    pub symbol: String,
    #[serde(default)]
    pub framework_symbol: Option<String>,
    /// A Luật's name as it is cited without its number ("Luật Công nghệ thông tin").
    #[serde(default)]
    pub name: Option<String>,
    pub date: String,
    /// The date as the framework misprints it, when it does.
    #[serde(default)]
    pub framework_date: Option<String>,
    pub issuer: String,
    pub title: String,
    #[serde(default)]
    pub note: Option<String>,
}

/// A section of the framework that one plan file fills.
#[derive(Debug, Clone)]
pub struct SectionDef {
    pub slug: String,
    pub kind: SectionKind,
    /// Index of the part (0 = Phần I).
    pub part: usize,
    /// Numbers from the part down, e.g. ["II", "III", "7"].
    pub numbers: Vec<String>,
    pub heading: Heading,
}

impl SectionDef {
    /// "Phần II.III.7": the locator used in clauses.
    pub fn locator(&self) -> String {
        locator(&self.numbers)
    }
}

/// "Phần II.III.7.4" from ["II", "III", "7", "7.4"]: the deepest decimal number already contains
/// its parents, so only part, mục and the last number are kept.
pub fn locator(numbers: &[String]) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for (i, n) in numbers.iter().enumerate() {
        if i < 2 || i == numbers.len() - 1 {
            parts.push(n);
        }
    }
    format!("Phần {}", parts.join("."))
}

/// The key a plan uses to retitle a heading (`[headings]` in dxplan.toml): the locator without
/// "Phần": "I" for a part, "I.II" for a mục, "II.III.7.4" for an item.
pub fn heading_key(numbers: &[String]) -> String {
    locator(numbers).trim_start_matches("Phần ").to_string()
}

impl Framework {
    /// Every heading's key and printed title, parts first in document order.
    pub fn heading_keys(&self) -> Vec<(String, &str)> {
        fn walk<'a>(h: &'a Heading, path: &mut Vec<String>, out: &mut Vec<(String, &'a str)>) {
            path.push(h.number.clone());
            out.push((heading_key(path), h.title.as_str()));
            for c in &h.children {
                walk(c, path, out);
            }
            path.pop();
        }
        let mut out = Vec::new();
        for p in &self.parts {
            out.push((p.number.clone(), p.title.as_str()));
            let mut path = vec![p.number.clone()];
            for h in &p.children {
                walk(h, &mut path, &mut out);
            }
        }
        out
    }
}

#[derive(Debug)]
pub struct FrameworkError {
    pub message: String,
    pub line: usize,
    pub column: usize,
}

impl Framework {
    pub fn parse(text: &str) -> Result<Framework, FrameworkError> {
        let mut fw: Framework = serde_saphyr::from_str(text).map_err(|e| {
            let (line, column) = e
                .location()
                .map(|l| (l.line() as usize, l.column() as usize))
                .unwrap_or((0, 0));
            FrameworkError {
                message: e.to_string().lines().next().unwrap_or("").to_string(),
                line,
                column,
            }
        })?;
        let mut sections = Vec::new();
        for (pi, part) in fw.parts.iter().enumerate() {
            collect(part, pi, &mut vec![part.number.clone()], &mut sections);
        }
        let mut seen = std::collections::HashSet::new();
        for s in &sections {
            if !seen.insert(s.slug.clone()) {
                return Err(FrameworkError {
                    message: format!("section `{}` is declared twice", s.slug),
                    line: 0,
                    column: 0,
                });
            }
        }
        fw.sections = sections;
        Ok(fw)
    }

    pub fn builtin(id: &str) -> Option<Framework> {
        BUILTIN
            .iter()
            .find(|(i, _)| *i == id)
            .map(|(_, text)| Framework::parse(text).expect("built-in framework data is valid"))
    }

    pub fn section(&self, slug: &str) -> Option<&SectionDef> {
        self.sections.iter().find(|s| s.slug == slug)
    }

    /// The registry entry of a cited symbol, also when written as the framework misprints it.
    pub fn registry(&self, symbol: &str) -> Option<&RegCitation> {
        self.citations
            .iter()
            .find(|r| r.symbol == symbol || r.framework_symbol.as_deref() == Some(symbol))
    }

    /// The registry entry of a document cited by name without a number ("Luật Công nghệ thông
    /// tin"): type and title, or the full name, match.
    pub fn registry_by_name(&self, doc_type: &str, title: &str) -> Option<&RegCitation> {
        let title = title.trim();
        self.citations.iter().find(|r| {
            r.name.as_deref() == Some(title)
                || (r.doc_type == doc_type.trim() && r.title == title && r.name.is_some())
        })
    }

    /// The registry entry of this type whose title is `title` (ignoring case, quotation marks,
    /// spacing and a leading "về"): a cited number that is not in the registry but has a known
    /// document's title is likely that document mistyped ("44/2020/NĐ-CP" for 45/2020/NĐ-CP).
    pub fn registry_by_title(&self, doc_type: &str, title: &str) -> Option<&RegCitation> {
        fn key(t: &str) -> String {
            let t: String = t
                .to_lowercase()
                .chars()
                .filter(|c| !matches!(c, '„' | '”' | '“' | '"' | '\''))
                .collect();
            let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
            t.strip_prefix("về ").unwrap_or(&t).to_string()
        }
        let (doc_type, title) = (doc_type.trim(), key(title));
        (title.len() >= 12)
            .then(|| {
                self.citations
                    .iter()
                    .find(|r| r.doc_type == doc_type && key(&r.title) == title)
            })
            .flatten()
    }

    pub fn priority_task(&self, id: &str) -> Option<&PriorityTask> {
        self.priority_tasks.iter().find(|t| t.id == id)
    }

    /// "5406/BTTTT-CĐSQG, Phần II.III.7.4".
    pub fn clause(&self, locator: &str) -> String {
        format!("{}, {}", self.id, locator)
    }

    /// The full heading path (with numbers) of a section, for locating headings in output.
    pub fn sections_of_kind(&self, kind: SectionKind) -> impl Iterator<Item = &SectionDef> {
        self.sections.iter().filter(move |s| s.kind == kind)
    }
}

fn collect(h: &Heading, part: usize, numbers: &mut Vec<String>, out: &mut Vec<SectionDef>) {
    if let (Some(slug), Some(kind)) = (&h.section, h.kind) {
        out.push(SectionDef {
            slug: slug.clone(),
            kind,
            part,
            numbers: numbers.clone(),
            heading: h.clone(),
        });
    }
    for c in &h.children {
        numbers.push(c.number.clone());
        collect(c, part, numbers, out);
        numbers.pop();
    }
}

/// Format rules of Nghị định 30/2020/NĐ-CP that are data (document types and their abbreviations).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Nd30 {
    pub id: String,
    pub short: String,
    pub document_types: Vec<DocType>,
    pub signer_prefixes: Vec<String>,
    /// Agency names as Phụ lục II capitalises them.
    #[serde(default)]
    pub agency_names: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocType {
    pub name: String,
    #[serde(default)]
    pub abbr: Option<String>,
}

impl Nd30 {
    pub fn load() -> Nd30 {
        serde_saphyr::from_str(ND30).expect("built-in ND30 data is valid")
    }

    pub fn abbr_of(&self, doc_type: &str) -> Option<&str> {
        self.document_types
            .iter()
            .find(|t| t.name.eq_ignore_ascii_case(doc_type) || t.name == doc_type)
            .and_then(|t| t.abbr.as_deref())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_framework_parses_with_all_sections() {
        let fw = Framework::builtin("5406/BTTTT-CĐSQG").unwrap();
        assert_eq!(fw.priority_tasks.len(), 23);
        assert_eq!(fw.sections_of_kind(SectionKind::Tasks).count(), 10);
        let s = fw.section("nhiem-vu-an-toan-thong-tin").unwrap();
        assert_eq!(s.locator(), "Phần II.III.7");
        assert_eq!(
            fw.section("danh-gia-kinh-phi").unwrap().locator(),
            "Phần I.II.11"
        );
        Nd30::load();
    }
}
