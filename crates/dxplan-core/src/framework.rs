//! The framework a plan follows, read from data (`schema/frameworks/*.yaml`). Code knows the
//! *kinds* of sections (text, tasks, projects …) but no heading, task or citation of any year:
//! a new year's framework is a new data file, selected by `framework` or `framework_file` in
//! `dxplan.toml`.

use std::collections::BTreeMap;

use serde::Deserialize;

/// Frameworks compiled into the binary, by id, oldest first.
/// The built-in frameworks as JSON, pre-read from their YAML by `build.rs`, in `BUILTIN`'s order.
static BUILTIN_JSON: &[&str] = &[
    include_str!(concat!(env!("OUT_DIR"), "/5406-BTTTT-CDSQG.json")),
    include_str!(concat!(env!("OUT_DIR"), "/6074-BTTTT-CDSQG.json")),
    include_str!(concat!(env!("OUT_DIR"), "/3816-BTTTT-CDSQG.json")),
    include_str!(concat!(env!("OUT_DIR"), "/5511-BKHCN-CDSQG.json")),
];

pub static BUILTIN: &[(&str, &str)] = &[
    (
        "5406/BTTTT-CĐSQG",
        include_str!("../../../schema/frameworks/5406-BTTTT-CDSQG.yaml"),
    ),
    (
        "6074/BTTTT-CĐSQG",
        include_str!("../../../schema/frameworks/6074-BTTTT-CDSQG.yaml"),
    ),
    (
        "3816/BTTTT-CĐSQG",
        include_str!("../../../schema/frameworks/3816-BTTTT-CDSQG.yaml"),
    ),
    (
        "5511/BKHCN-CĐSQG",
        include_str!("../../../schema/frameworks/5511-BKHCN-CDSQG.yaml"),
    ),
];

/// Legal bases every framework's registry knows, with the dates they come into force
/// (`schema/legal-bases.yaml`): a plan of any year may cite a law passed after its framework.
const LEGAL_BASES: &str = include_str!("../../../schema/legal-bases.yaml");

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

/// How much of a framework's letter dxplan has as data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
pub enum Completeness {
    /// The letter's full text: skeleton, priority tasks, thresholds.
    #[default]
    #[serde(rename = "day-du")]
    Full,
    /// What is public: identity and the skeleton real plans print; the rest is `unknown`.
    #[serde(rename = "mot-phan")]
    Partial,
}

impl Completeness {
    pub fn words(self) -> &'static str {
        match self {
            Completeness::Full => "đầy đủ",
            Completeness::Partial => "một phần",
        }
    }
}

/// A field every task must state ("6 rõ", QĐ 268/QĐ-TTg; TB 56/TB-VPCP).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum TaskField {
    /// Rõ người: the lead unit.
    #[serde(rename = "lead")]
    Lead,
    /// Rõ việc: what is done.
    #[serde(rename = "content")]
    Content,
    /// Rõ thời gian.
    #[serde(rename = "timeframe")]
    Timeframe,
    /// Rõ kết quả: the expected result or product.
    #[serde(rename = "product")]
    Product,
}

impl TaskField {
    /// "rõ người (đơn vị chủ trì)", and the key that states it.
    pub fn words(self) -> (&'static str, &'static str, &'static str) {
        match self {
            TaskField::Lead => ("rõ người (đơn vị chủ trì)", "who (lead unit)", "lead"),
            TaskField::Content => ("rõ việc (nội dung)", "what (content)", "content"),
            TaskField::Timeframe => ("rõ thời gian", "when (timeframe)", "timeframe"),
            TaskField::Product => (
                "rõ kết quả (sản phẩm, kết quả dự kiến)",
                "result (expected product)",
                "product",
            ),
        }
    }
}

/// A framework file as written: a year's file may name a `base` and give only what differs.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFramework {
    id: String,
    #[serde(default)]
    base: Option<String>,
    name: String,
    citation: String,
    plan_year: i32,
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    issuer: Option<String>,
    #[serde(default)]
    issue_before: Option<String>,
    #[serde(default)]
    issue_before_clause: Option<String>,
    #[serde(default)]
    completeness: Completeness,
    #[serde(default)]
    sources: Vec<String>,
    #[serde(default)]
    unknown: Vec<String>,
    #[serde(default)]
    levels: Option<BTreeMap<String, String>>,
    #[serde(default)]
    parts: Option<Vec<Heading>>,
    #[serde(default)]
    evaluation_points: Option<Vec<EvalPoint>>,
    #[serde(default)]
    funding_sources: Option<Vec<String>>,
    #[serde(default)]
    priority_tasks: Vec<PriorityTask>,
    #[serde(default)]
    metrics: Vec<Metric>,
    #[serde(default)]
    citations: Vec<RegCitation>,
    #[serde(default)]
    task_fields: Vec<TaskField>,
    /// Headings of the skeleton retitled, by key ("I.I"), as this year's plans print them.
    #[serde(default)]
    titles: BTreeMap<String, String>,
}

#[derive(Debug, Clone)]
pub struct Framework {
    pub id: String,
    /// The framework it takes its skeleton from, when its file says `base`.
    pub base: Option<String>,
    pub name: String,
    pub citation: String,
    pub plan_year: i32,
    /// The guidance letter's date and issuer ("" when not known yet).
    pub date: String,
    pub issuer: String,
    /// "" when the letter's deadline is not known.
    pub issue_before: String,
    pub issue_before_clause: String,
    pub completeness: Completeness,
    pub sources: Vec<String>,
    /// What of the letter dxplan has no data for ("nhiệm vụ trọng tâm", "ngưỡng, thời hạn").
    pub unknown: Vec<String>,
    pub levels: BTreeMap<String, String>,
    pub parts: Vec<Heading>,
    pub evaluation_points: Vec<EvalPoint>,
    pub funding_sources: Vec<String>,
    pub priority_tasks: Vec<PriorityTask>,
    pub metrics: Vec<Metric>,
    pub citations: Vec<RegCitation>,
    /// Fields every task must state ("6 rõ").
    pub task_fields: Vec<TaskField>,
    /// Derived: every section, in framework order.
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
    /// The day it comes into force, when that is after its date (a law: "2026-07-01").
    #[serde(default)]
    pub in_force: Option<String>,
    /// The document it replaces, by symbol.
    #[serde(default)]
    pub replaces: Option<String>,
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

/// Legal bases of `schema/legal-bases.yaml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct LegalBases {
    citations: Vec<RegCitation>,
}

fn yaml_error(e: serde_saphyr::Error) -> FrameworkError {
    let (line, column) = e
        .location()
        .map(|l| (l.line() as usize, l.column() as usize))
        .unwrap_or((0, 0));
    FrameworkError {
        message: e.to_string().lines().next().unwrap_or("").to_string(),
        line,
        column,
    }
}

/// Replaces the year parameters of a framework text: `{năm}` the plan's year, `{năm trước}` the
/// year Phần I evaluates.
fn with_year(text: &str, year: i32) -> String {
    text.replace("{năm trước}", &(year - 1).to_string())
        .replace("{năm}", &year.to_string())
}

fn heading_for_year(h: &mut Heading, year: i32, keep_guidance: bool) {
    h.title = with_year(&h.title, year);
    h.guidance = if keep_guidance {
        h.guidance.as_deref().map(|g| with_year(g, year))
    } else {
        None
    };
    for c in &mut h.children {
        heading_for_year(c, year, keep_guidance);
    }
}

impl Framework {
    /// A framework file, for its own plan year.
    pub fn parse(text: &str) -> Result<Framework, FrameworkError> {
        Framework::parse_for(text, None)
    }

    /// A framework file, for a plan of `year` (headings that name years follow it): a 2024 plan
    /// on 5406 evaluates 2023 in its Phần I.
    pub fn parse_for(text: &str, year: Option<i32>) -> Result<Framework, FrameworkError> {
        // A plain file straight from the parser's events (`load::fast`: every run parses the
        // built-in framework, a fifth of `check` on a small plan); anything else, and every
        // error, through serde-saphyr as before.
        // A built-in framework is read from the JSON `build.rs` made of it.
        let json = BUILTIN
            .iter()
            .position(|(_, t)| std::ptr::eq(*t, text))
            .and_then(|i| BUILTIN_JSON.get(i));
        let fast = json
            .and_then(|j| serde_json::from_str::<RawFramework>(j).ok())
            .or_else(|| {
                crate::load::lines::parse(text)
                    .or_else(|| crate::load::fast::parse(text))
                    .and_then(|node| RawFramework::deserialize(&node).ok())
            });
        let raw: RawFramework = match fast {
            Some(raw) => raw,
            None => serde_saphyr::from_str(text).map_err(yaml_error)?,
        };
        let base = match &raw.base {
            Some(id) => Some(
                BUILTIN
                    .iter()
                    .find(|(i, _)| i == id)
                    .map(|(_, t)| Framework::parse_for(t, year.or(Some(raw.plan_year))))
                    .ok_or_else(|| FrameworkError {
                        message: format!("base framework `{id}` is not built in"),
                        line: key_line(text, "base"),
                        column: 1,
                    })?
                    .map_err(|e| FrameworkError {
                        message: format!("base framework `{id}`: {}", e.message),
                        line: key_line(text, "base"),
                        column: 1,
                    })?,
            ),
            None => None,
        };
        let year = year.unwrap_or(raw.plan_year);
        let missing = |what: &str| FrameworkError {
            message: format!("missing field `{what}` (or a `base` to take it from)"),
            line: 1,
            column: 1,
        };
        // The base's skeleton, without its letter's guidance (the new letter's is not the old one's).
        let parts = match (raw.parts, &base) {
            (Some(mut p), _) => {
                p.iter_mut().for_each(|h| heading_for_year(h, year, true));
                p
            }
            (None, Some(b)) => {
                let mut p = b.parts.clone();
                p.iter_mut().for_each(|h| heading_for_year(h, year, false));
                p
            }
            (None, None) => return Err(missing("parts")),
        };
        let mut parts = parts;
        for (key, title) in &raw.titles {
            if !retitle(&mut parts, key, &with_year(title, year)) {
                return Err(FrameworkError {
                    message: format!("`titles`: no heading `{key}` in the skeleton"),
                    line: key_line(text, &format!("\"{key}\"")),
                    column: 3,
                });
            }
        }
        let evaluation_points = match (raw.evaluation_points, &base) {
            (Some(v), _) => v,
            (None, Some(b)) => b.evaluation_points.clone(),
            (None, None) => return Err(missing("evaluation_points")),
        };
        let funding_sources = match (raw.funding_sources, &base) {
            (Some(v), _) => v,
            (None, Some(b)) => b.funding_sources.clone(),
            (None, None) => return Err(missing("funding_sources")),
        };
        let levels = match (raw.levels, &base) {
            (Some(l), _) => l,
            (None, Some(b)) => b.levels.clone(),
            (None, None) => return Err(missing("levels")),
        };
        // The registry: the file's own documents, the base's, then the legal bases since 2023.
        let mut citations = raw.citations;
        let more = base
            .as_ref()
            .map(|b| b.citations.clone())
            .unwrap_or_else(|| builtin_data::<LegalBases>(LEGAL_BASES).citations);
        for c in more {
            if !citations.iter().any(|x| x.symbol == c.symbol) {
                citations.push(c);
            }
        }
        // A fork of the same year's framework (a province's own data file) keeps its priority tasks,
        // thresholds and deadline; a new year's letter has its own, unknown until written.
        let same_year = base.as_ref().filter(|b| b.plan_year == raw.plan_year);
        let priority_tasks = match same_year {
            Some(b) if raw.priority_tasks.is_empty() => b.priority_tasks.clone(),
            _ => raw.priority_tasks,
        };
        let metrics = match same_year {
            Some(b) if raw.metrics.is_empty() => b.metrics.clone(),
            _ => raw.metrics,
        };
        let (issue_before, issue_before_clause) = match (raw.issue_before, same_year) {
            (Some(d), _) => (d, raw.issue_before_clause.unwrap_or_default()),
            (None, Some(b)) => (b.issue_before.clone(), b.issue_before_clause.clone()),
            (None, None) => (String::new(), String::new()),
        };
        let mut fw = Framework {
            id: raw.id,
            base: raw.base,
            name: raw.name,
            citation: raw.citation,
            plan_year: raw.plan_year,
            date: raw.date.unwrap_or_default(),
            issuer: raw.issuer.unwrap_or_default(),
            issue_before,
            issue_before_clause,
            completeness: raw.completeness,
            sources: raw.sources,
            unknown: raw.unknown,
            levels,
            parts,
            evaluation_points,
            funding_sources,
            priority_tasks,
            metrics,
            citations,
            // "6 rõ" stays asked for until a framework says otherwise.
            task_fields: match (&base, raw.task_fields.is_empty()) {
                (Some(b), true) => b.task_fields.clone(),
                _ => raw.task_fields,
            },
            sections: Vec::new(),
        };
        let mut sections = Vec::new();
        for (pi, part) in fw.parts.iter().enumerate() {
            collect(part, pi, &mut vec![part.number.clone()], &mut sections);
        }
        let mut seen = std::collections::HashSet::new();
        for s in &sections {
            if !seen.insert(s.slug.clone()) {
                return Err(FrameworkError {
                    message: format!("section `{}` is declared twice", s.slug),
                    line: key_value_line(text, "section", &s.slug),
                    column: 1,
                });
            }
        }
        fw.sections = sections;
        Ok(fw)
    }

    pub fn builtin(id: &str) -> Option<Framework> {
        Framework::builtin_for(id, None)
    }

    /// A built-in framework for a plan of `year`.
    pub fn builtin_for(id: &str, year: Option<i32>) -> Option<Framework> {
        BUILTIN.iter().find(|(i, _)| *i == id).map(|(_, text)| {
            Framework::parse_for(text, year).expect("built-in framework data is valid")
        })
    }

    /// The built-in framework of a plan year (the newest whose `plan_year` is `year`).
    pub fn builtin_of_year(year: i32) -> Option<Framework> {
        BUILTIN
            .iter()
            .rev()
            .map(|(_, t)| Framework::parse(t).expect("built-in framework data is valid"))
            .find(|f| f.plan_year == year)
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

    /// Whether the priority tasks are known: a partial framework with none has them unknown, and
    /// `check` cannot say a cited one does not exist (DX013 says so once).
    pub fn knows_priority_tasks(&self) -> bool {
        !(self.completeness == Completeness::Partial && self.priority_tasks.is_empty())
    }

    /// Whether the thresholds and deadlines are known (as for priority tasks).
    pub fn knows_metrics(&self) -> bool {
        !(self.completeness == Completeness::Partial && self.metrics.is_empty())
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

/// Retitles the heading with key `key` ("I.I", "II.III.7"); false when there is none.
fn retitle(parts: &mut [Heading], key: &str, title: &str) -> bool {
    fn walk(h: &mut Heading, path: &mut Vec<String>, key: &str, title: &str) -> bool {
        path.push(h.number.clone());
        let hit = heading_key(path) == key;
        if hit {
            h.title = title.to_string();
        }
        let found = hit || h.children.iter_mut().any(|c| walk(c, path, key, title));
        path.pop();
        found
    }
    parts.iter_mut().any(|p| {
        if p.number == key {
            p.title = title.to_string();
            return true;
        }
        let mut path = vec![p.number.clone()];
        p.children
            .iter_mut()
            .any(|c| walk(c, &mut path, key, title))
    })
}

/// The line of the first `key:` at the start of a line (1-based; 1 when absent).
fn key_line(text: &str, key: &str) -> usize {
    text.lines()
        .position(|l| l.trim_start().starts_with(&format!("{key}:")))
        .map_or(1, |i| i + 1)
}

/// The line of `key: value` (a section slug declared twice: its second declaration).
fn key_value_line(text: &str, key: &str, value: &str) -> usize {
    text.lines()
        .enumerate()
        .filter(|(_, l)| {
            l.contains(&format!("{key}: {value}")) || l.contains(&format!("{key}: \"{value}\""))
        })
        .map(|(i, _)| i + 1)
        .nth(1)
        .unwrap_or(1)
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

/// Built-in data (`schema/`), read by lines or from the parser's events when plain
/// (`load::lines`, `load::fast`), else by serde-saphyr; it is valid by construction (a test reads
/// every file both ways).
fn builtin_data<T: serde::de::DeserializeOwned>(text: &str) -> T {
    crate::load::lines::parse(text)
        .or_else(|| crate::load::fast::parse(text))
        .and_then(|node| T::deserialize(&node).ok())
        .unwrap_or_else(|| serde_saphyr::from_str(text).expect("built-in data is valid"))
}

impl Nd30 {
    pub fn load() -> Nd30 {
        builtin_data(ND30)
    }

    pub fn abbr_of(&self, doc_type: &str) -> Option<&str> {
        self.document_types
            .iter()
            .find(|t| t.name.eq_ignore_ascii_case(doc_type) || t.name == doc_type)
            .and_then(|t| t.abbr.as_deref())
    }
}

/// The file `dxplan framework new` writes: the framework of `year`, built on `from` (its skeleton
/// by `base`), with the new letter's number and date when known, "…" blanks otherwise (DX015 until
/// filled). Ready for the week a new guidance letter arrives.
pub fn new_file(from: &Framework, year: i32, letter: Option<&str>, date: Option<&str>) -> String {
    let suffix = from.id.split_once('/').map_or("…", |x| x.1);
    let symbol = letter.map_or(format!("…/{suffix}"), str::to_string);
    let id = letter.map_or(format!("khung-{year}"), str::to_string);
    let issuer = if from.issuer.is_empty() {
        "Bộ Khoa học và Công nghệ"
    } else {
        from.issuer.as_str()
    };
    let short = date
        .and_then(|d| crate::model::values::date(d).ok())
        .map_or("…".to_string(), |d| d.short());
    let q = crate::init::yaml_quoted;
    let mut out = String::new();
    out.push_str(&format!(
        "# Khung kế hoạch Chuyển đổi số năm {year}, lập bằng `dxplan framework new --from {}`: đề cương của\n\
         # {} (khóa `base`), số và ngày của văn bản hướng dẫn năm {year}. Điền phần còn thiếu rồi chạy\n\
         # `dxplan framework check` (docs/FRAMEWORKS.md). Kế hoạch dùng tệp này bằng `framework_file`.\n",
        from.id, from.id
    ));
    out.push_str(&format!("id: {}\n", q(&id)));
    out.push_str(&format!("base: {}\n", q(&from.id)));
    out.push_str(&format!(
        "name: {}\n",
        q(&format!(
            "Khung kế hoạch Chuyển đổi số cấp bộ, tỉnh năm {year}"
        ))
    ));
    out.push_str(&format!(
        "citation: {}\n",
        q(&format!("Văn bản số {symbol} ngày {short} của {issuer}"))
    ));
    out.push_str(&format!("plan_year: {year}\n"));
    match date {
        Some(d) => out.push_str(&format!("date: {}\n", q(d))),
        None => out.push_str("date: \"\"               # ngày văn bản, ví dụ \"2026-10-15\"\n"),
    }
    out.push_str(&format!("issuer: {}\n", q(issuer)));
    out.push_str(
        "# issue_before: \"YYYY-MM-DD\"   # hạn ban hành kế hoạch, nếu văn bản có\n\
         # issue_before_clause: \"…\"       # câu của văn bản nêu hạn đó\n\
         completeness: mot-phan          # \"day-du\" khi đã chép đủ nhiệm vụ trọng tâm, ngưỡng\n",
    );
    out.push_str(&format!(
        "sources:\n  - {}\n",
        q(&format!("Văn bản {symbol} ngày {short} của {issuer}"))
    ));
    out.push_str(
        "unknown:\n  - \"nhiệm vụ trọng tâm\"\n  - \"ngưỡng và thời hạn\"\n  - \"hạn ban hành kế hoạch\"\n",
    );
    out.push_str(&format!(
        "# Tên mục in khác Khung {} (theo mã mục), ví dụ:\n# titles:\n#   \"I.I\": \"TÌNH HÌNH THỰC HIỆN CÁC MỤC TIÊU, CHỈ TIÊU NĂM {{năm trước}}\"\n",
        from.id
    ));
    out.push_str(
        "# Nhiệm vụ trọng tâm của văn bản (khi có), mỗi nhiệm vụ một mục:\n\
         # priority_tasks:\n#   - id: NV01\n#     label: …\n#     levels: [tinh, bo]\n#     text: \"…\"\n",
    );
    if letter.is_some() {
        out.push_str(&format!(
            "citations:\n  - {{ type: \"Công văn\", symbol: {}, date: {}, issuer: {}, title: {} }}\n",
            q(&symbol),
            q(date.unwrap_or("")),
            q(issuer),
            q(&format!(
                "về việc hướng dẫn các bộ, ngành, địa phương xây dựng Kế hoạch chuyển đổi số năm {year}"
            ))
        ));
    }
    out
}

/// What `dxplan framework check` finds in a framework file beyond its syntax: (line, message).
pub fn validate(fw: &Framework, text: &str) -> Vec<(usize, crate::lang::Msg)> {
    use crate::msg;
    let mut out = Vec::new();
    let y = fw.plan_year;
    if !(2000..=2100).contains(&y) {
        out.push((
            key_line(text, "plan_year"),
            msg!(
                "`plan_year` {y} không phải một năm từ 2000 đến 2100",
                "`plan_year` {y} is not a year between 2000 and 2100"
            ),
        ));
    }
    for (key, value) in [("date", &fw.date), ("issue_before", &fw.issue_before)] {
        if !value.is_empty() && crate::model::values::date(value).is_err() {
            out.push((
                key_line(text, key),
                msg!(
                    "`{key}` „{value}” không phải ngày (YYYY-MM-DD)",
                    "`{key}` „{value}” is not a date (YYYY-MM-DD)"
                ),
            ));
        }
    }
    if fw.citation.contains('…') || fw.id.contains('…') {
        out.push((
            key_line(text, "citation"),
            msg!(
                "số hoặc ngày của văn bản hướng dẫn còn là „…”",
                "the guidance letter's number or date is still „…”"
            ),
        ));
    }
    if fw.completeness == Completeness::Full && fw.priority_tasks.is_empty() {
        out.push((
            key_line(text, "completeness"),
            msg!(
                "`completeness: day-du` mà không có `priority_tasks`",
                "`completeness: day-du` with no `priority_tasks`"
            ),
        ));
    }
    for c in &fw.citations {
        if crate::model::values::date(&c.date).is_err() {
            let line = text
                .lines()
                .position(|l| l.contains(c.symbol.as_str()))
                .map_or(key_line(text, "citations"), |i| i + 1);
            let (sym, d) = (&c.symbol, &c.date);
            out.push((
                line,
                msg!(
                    "căn cứ {sym}: `date` „{d}” không phải ngày",
                    "citation {sym}: `date` „{d}” is not a date"
                ),
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every built-in framework, the legal bases and the ND30 tables read the same by lines
    /// (`load::lines`) and from the parser's events (`load::fast`) as through serde-saphyr.
    #[test]
    fn builtin_data_reads_the_same_both_ways() {
        // `lines`: must be read by lines too (read at every run; the frameworks come from JSON).
        fn both<T: serde::de::DeserializeOwned + std::fmt::Debug>(
            what: &str,
            text: &str,
            lines: bool,
        ) {
            let node = crate::load::fast::parse(text).expect("plain YAML");
            match crate::load::lines::parse(text) {
                Some(by_lines) => assert_eq!(by_lines, node, "{what}"),
                None => assert!(!lines, "not read by lines: {what}"),
            }
            let fast = T::deserialize(&node).unwrap();
            let slow: T = serde_saphyr::from_str(text).unwrap();
            assert_eq!(format!("{fast:?}"), format!("{slow:?}"), "{what}");
        }
        for (id, text) in BUILTIN {
            both::<RawFramework>(id, text, false);
        }
        // The JSON `build.rs` made of each, in the same order, reads as its YAML does.
        assert_eq!(BUILTIN.len(), BUILTIN_JSON.len());
        for ((id, text), json) in BUILTIN.iter().zip(BUILTIN_JSON) {
            let fast: RawFramework = serde_json::from_str(json).unwrap();
            let slow: RawFramework = serde_saphyr::from_str(text).unwrap();
            assert_eq!(format!("{fast:?}"), format!("{slow:?}"), "{id}");
        }
        both::<LegalBases>("legal bases", LEGAL_BASES, true);
        both::<Nd30>("ND30", ND30, true);
    }

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
