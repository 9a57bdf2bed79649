//! Stage 2: the typed plan. Resolves the framework the plan pins, recognises which section each
//! file fills, validates every file against the schema of its section kind and deserialises what
//! is valid into typed structs for the rules.

pub mod appendices;
pub mod coverage;
pub mod evaluation;
pub mod investment;
pub mod issue;
pub mod mentions;
pub mod metrics;
pub mod rules;
pub mod schema;
pub mod types;
pub mod validate;
pub mod values;

use std::collections::HashMap;
use std::ops::Range;
use std::path::PathBuf;

use serde::Deserialize;

use crate::diag::Diagnostic;
use crate::framework::{Framework, SectionKind};
use crate::load::{Doc, Loaded, Node};
use crate::msg;
use crate::source::{SourceId, Sources};
pub use investment::Investment;
pub use issue::{DocKind, Issue, Period};
pub use types::*;

#[derive(Debug)]
pub enum Content {
    Text(TextSection),
    Evaluation(EvaluationSection),
    EvaluationBudget(EvalBudgetSection),
    Citations(CitationsSection),
    Targets(TargetsSection),
    Tasks(TasksSection),
    Solutions(SolutionsSection),
    Budget(BudgetSection),
    Organization(OrganizationSection),
    Projects(ProjectsSection),
}

#[derive(Debug)]
pub struct Section {
    pub slug: String,
    pub source: SourceId,
    /// Span of the `section:` value, where section-level findings point.
    pub span: Range<usize>,
    pub content: Content,
}

/// A phụ lục of the plan's own, with the file it came from.
#[derive(Debug)]
pub struct OwnAppendix {
    pub source: SourceId,
    pub file: types::AppendixFile,
}

#[derive(Debug)]
pub struct Plan {
    pub root: PathBuf,
    pub sources: Sources,
    /// `dxplan.toml`, when it was read and valid.
    pub config: Option<ConfigFile>,
    pub framework: Framework,
    pub sections: Vec<Section>,
    /// The plan's own phụ lục (files with `appendix:`), in file order.
    pub appendices: Vec<OwnAppendix>,
    /// Slugs that some file declares, even if the file was invalid: a section with a broken file
    /// is not also reported missing.
    pub declared: Vec<String>,
    /// Optional fields whose value was invalid (already reported): (file, object span, key).
    pub dropped: Vec<(SourceId, Range<usize>, String)>,
    /// Plan files that could not be read at all (syntax, encoding, size: locked errors already
    /// reported). Checks that add up the whole plan wait until they are fixed.
    pub unreadable: Vec<SourceId>,
    /// [`Plan::mentions`], scanned once: three rules read them.
    pub(crate) mentions: std::sync::OnceLock<Vec<mentions::Mention>>,
}

/// `dxplan.toml` typed, with the file it came from (where its findings point). Derefs to the
/// [`Config`] so that fields read as `plan.config.document.title`.
#[derive(Debug)]
pub struct ConfigFile {
    pub source: SourceId,
    pub config: Config,
}

impl std::ops::Deref for ConfigFile {
    type Target = Config;
    fn deref(&self) -> &Config {
        &self.config
    }
}

/// The framework used when the plan names none (or an unknown one), so sections can still be
/// checked.
pub const DEFAULT_FRAMEWORK: &str = "5406/BTTTT-CĐSQG";

impl Plan {
    pub fn level(&self) -> Option<Level> {
        self.config.as_ref().map(|c| c.level.value)
    }

    /// The plan's year; an invalid or absurd one (already reported) reads as the framework's.
    pub fn year(&self) -> i32 {
        self.config
            .as_ref()
            .map(|c| c.year.value)
            .filter(|y| (1900..=9999).contains(y))
            .map(|y| y as i32)
            .unwrap_or(self.framework.plan_year)
    }

    /// The date the plan is issued on: its own, or its Quyết định's when issued with one; `None`
    /// for a draft (or an invalid date, reported elsewhere).
    pub fn issued_on(&self) -> Option<values::Date> {
        self.issue(DocKind::Plan).on()
    }

    /// Whether the plan was issued in time: before the framework's `issue_before` date ("ban hành
    /// trước ngày 10/12/2022": the day itself is late). `None` for a draft or a framework without a
    /// readable deadline. The one answer for DX093, `status` and the roll-up.
    pub fn issued_in_time(&self) -> Option<bool> {
        let deadline = values::date(&self.framework.issue_before).ok()?;
        Some(self.issued_on()? < deadline)
    }

    /// The date of the report on the plan (`[report]`), when there is one.
    pub fn reported_on(&self) -> Option<values::Date> {
        self.config.as_ref()?.report.as_ref()?;
        self.issue(DocKind::Report(Period::Year)).on()
    }

    /// The plan's own files, without the framework file it may carry (`framework_file`): that
    /// text is the framework's, not the plan's, and is never checked as plan prose.
    pub fn own_files(&self) -> impl Iterator<Item = (SourceId, &crate::source::SourceFile)> {
        let framework_file = self
            .config
            .as_ref()
            .and_then(|c| c.framework_file.as_ref())
            .map(|f| framework_file_name(&f.value));
        self.sources.iter().filter(move |(_, f)| {
            Some(&f.name) != framework_file.as_ref() && f.name != crate::load::NOTES_FILE
        })
    }

    pub fn mode(&self) -> Mode {
        self.config
            .as_ref()
            .and_then(|c| c.mode.as_ref().map(|m| m.value))
            .unwrap_or_default()
    }

    /// Whether `key` of the object containing `inside` was present but invalid, so a rule about
    /// missing fields should not report it again.
    pub fn was_invalid(&self, source: SourceId, inside: &Range<usize>, key: &str) -> bool {
        self.dropped.iter().any(|(s, obj, k)| {
            *s == source && k == key && obj.start <= inside.start && inside.end <= obj.end
        })
    }

    pub fn section(&self, slug: &str) -> Option<&Section> {
        self.sections.iter().find(|s| s.slug == slug)
    }

    pub fn tasks(&self) -> impl Iterator<Item = (&Section, &Task)> {
        self.sections.iter().flat_map(|s| match &s.content {
            Content::Tasks(t) => t
                .tasks
                .iter()
                .map(move |task| (s, task))
                .collect::<Vec<_>>(),
            _ => Vec::new(),
        })
    }

    pub fn projects(&self) -> impl Iterator<Item = (&Section, &Project)> {
        self.sections.iter().flat_map(|s| match &s.content {
            Content::Projects(p) => p.projects.iter().map(move |x| (s, x)).collect::<Vec<_>>(),
            _ => Vec::new(),
        })
    }

    /// Every cited document, those named on the same line (`also`) included.
    pub fn citations(&self) -> impl Iterator<Item = (&Section, &Citation)> {
        fn flat<'a>(s: &'a Section, c: &'a Citation, out: &mut Vec<(&'a Section, &'a Citation)>) {
            out.push((s, c));
            for a in &c.also {
                flat(s, a, out);
            }
        }
        self.sections.iter().flat_map(|s| match &s.content {
            Content::Citations(c) => {
                let mut out = Vec::new();
                for x in &c.citations {
                    flat(s, x, &mut out);
                }
                out
            }
            _ => Vec::new(),
        })
    }

    /// Task id → slug of the task group (Phần II.III section) it belongs to.
    pub fn task_groups(&self) -> std::collections::HashMap<&str, &str> {
        self.tasks()
            .map(|(s, t)| (t.id.value.as_str(), s.slug.as_str()))
            .collect()
    }

    /// Priority tasks declared not applicable: (id, reason).
    pub fn not_applicable(&self) -> Vec<(&str, &str)> {
        self.sections
            .iter()
            .flat_map(|s| match &s.content {
                Content::Targets(t) => t
                    .not_applicable
                    .iter()
                    .map(|n| {
                        (
                            n.priority_task.value.as_str(),
                            n.reason.as_ref().map(|r| r.value.as_str()).unwrap_or(""),
                        )
                    })
                    .collect(),
                _ => Vec::new(),
            })
            .collect()
    }

    /// The plan's own title for a framework heading (`[headings]`), by key ("I.II.1"; "Phần
    /// I.II.1" is accepted too).
    pub fn heading_override(&self, key: &str) -> Option<&crate::load::Sp<String>> {
        let c = self.config.as_ref()?;
        c.headings
            .iter()
            .find(|(k, _)| normalize_heading_key(k) == key)
            .map(|(_, v)| v)
    }

    /// The plan's `[layout]` choices (every default when it has none).
    pub fn layout(&self) -> &types::LayoutConfig {
        static DEFAULT: types::LayoutConfig = types::LayoutConfig {
            part_heading: None,
            evaluation_labels: None,
            section_evaluation: None,
        };
        self.config
            .as_ref()
            .and_then(|c| c.layout.as_ref())
            .unwrap_or(&DEFAULT)
    }

    pub fn targets(&self) -> impl Iterator<Item = (&Section, &Target)> {
        self.sections.iter().flat_map(|s| match &s.content {
            Content::Targets(t) => t.targets.iter().map(move |x| (s, x)).collect::<Vec<_>>(),
            _ => Vec::new(),
        })
    }
}

impl types::CitationsSection {
    /// Every cited document of the section, those named on the same line (`also`) included.
    pub fn all(&self) -> Vec<&Citation> {
        fn flat<'a>(c: &'a Citation, out: &mut Vec<&'a Citation>) {
            out.push(c);
            for a in &c.also {
                flat(a, out);
            }
        }
        let mut out = Vec::new();
        for c in &self.citations {
            flat(c, &mut out);
        }
        out
    }
}

impl Target {
    /// A value as this target words it: its qualifier, the number zero-padded to `digits`, its
    /// unit ("tối thiểu 05 chuyên gia", "trên 80%"). Every document and report prints target values
    /// through this, so none drops the author's words.
    pub fn value_words(&self, v: f64) -> String {
        let qualifier = self
            .qualifier
            .as_ref()
            .map(|q| format!("{} ", q.value.trim()))
            .unwrap_or_default();
        format!("{qualifier}{}", self.amount_words(v))
    }

    /// A value in the target's unit without the qualifier (what was reached is a plain number):
    /// "05 chuyên gia", "85%".
    pub fn amount_words(&self, v: f64) -> String {
        let unit = self.unit.as_ref().map(|u| u.value.trim()).unwrap_or("");
        let sep = if unit == "%" || unit.is_empty() {
            ""
        } else {
            " "
        };
        let digits = self
            .digits
            .as_ref()
            .map_or(0, |d| d.value.clamp(0, 9) as usize);
        let s = values::format_amount(v);
        let s = if v.fract() == 0.0 && v >= 0.0 && s.len() < digits {
            format!("{}{s}", "0".repeat(digits - s.len()))
        } else {
            s
        };
        format!("{s}{sep}{unit}")
    }

    /// The planned value in the plan's words: "tối thiểu 05 chuyên gia", or per level "cấp tỉnh
    /// 90%, cấp huyện 80%, cấp xã 60%"; `None` for a target without a value.
    pub fn planned_words(&self) -> Option<String> {
        if !self.levels.is_empty() {
            let parts: Vec<String> = self
                .levels
                .iter()
                .map(|l| {
                    format!(
                        "{} {}",
                        l.level.value.trim(),
                        self.value_words(l.value.value)
                    )
                })
                .collect();
            return Some(parts.join(", "));
        }
        self.value.as_ref().map(|v| self.value_words(v.value))
    }

    /// What a result says against the plan, in words: " đạt 55% (kế hoạch trên 60%)", or per
    /// level " cấp tỉnh đạt 85% (kế hoạch 90%, chưa hoàn thành), cấp huyện đạt 80% (kế hoạch 80%,
    /// hoàn thành), cấp xã chưa có số liệu (kế hoạch 60%)" — every level named and judged. Empty
    /// when neither side has a value.
    pub fn result_words(&self, r: &TargetResult) -> String {
        if !self.levels.is_empty() && !r.levels.is_empty() {
            let key = |s: &str| s.trim().to_lowercase();
            let parts: Vec<String> = self
                .levels
                .iter()
                .map(|l| {
                    let planned = self.value_words(l.value.value);
                    let level = l.level.value.trim();
                    match r
                        .levels
                        .iter()
                        .find(|x| key(&x.level.value) == key(&l.level.value))
                    {
                        Some(got) => {
                            let judged = if self.reaches(got.value.value, l.value.value) {
                                "hoàn thành"
                            } else {
                                "chưa hoàn thành"
                            };
                            format!(
                                "{level} đạt {} (kế hoạch {planned}, {judged})",
                                self.amount_words(got.value.value)
                            )
                        }
                        None => format!("{level} chưa có số liệu (kế hoạch {planned})"),
                    }
                })
                .collect();
            return format!(" {}", parts.join(", "));
        }
        let reached = r
            .value
            .as_ref()
            .map(|v| format!(" đạt {}", self.amount_words(v.value)))
            .unwrap_or_default();
        let planned = self
            .planned_words()
            .map(|p| format!(" (kế hoạch {p})"))
            .unwrap_or_default();
        format!("{reached}{planned}")
    }

    /// What was reached, in the target's unit: per level "cấp tỉnh 85%; cấp huyện 70%" when the
    /// result is given by level.
    pub fn reached_words(&self, r: &TargetResult) -> String {
        if !r.levels.is_empty() {
            let parts: Vec<String> = r
                .levels
                .iter()
                .map(|l| {
                    format!(
                        "{} {}",
                        l.level.value.trim(),
                        self.amount_words(l.value.value)
                    )
                })
                .collect();
            return parts.join("; ");
        }
        r.value
            .as_ref()
            .map(|v| self.amount_words(v.value))
            .unwrap_or_default()
    }

    /// Whether `got` reaches `planned` as the qualifier reads: "trên 80%" needs more than 80,
    /// "dưới", "không quá", "tối đa" set a ceiling, anything else a floor.
    pub fn reaches(&self, got: f64, planned: f64) -> bool {
        let q = self
            .qualifier
            .as_ref()
            .map(|q| q.value.trim().to_lowercase())
            .unwrap_or_default();
        match q.as_str() {
            "trên" | "hơn" => got > planned,
            "dưới" => got < planned,
            "không quá" | "tối đa" | "không vượt quá" => got <= planned,
            _ => got >= planned,
        }
    }

    /// The value a check reads: `value`, or the smallest of the per-level values (a target split by
    /// level is met only where every level is).
    pub fn effective_value(&self) -> Option<&crate::load::Sp<f64>> {
        self.value.as_ref().or_else(|| {
            self.levels
                .iter()
                .map(|l| &l.value)
                .min_by(|a, b| a.value.total_cmp(&b.value))
        })
    }
}

impl Project {
    /// The estimated investment in million VND, when it reads as a number.
    pub fn amount(&self) -> Option<f64> {
        self.investment
            .as_ref()
            .and_then(|a| values::amount(&a.value))
    }
}

impl PastProject {
    /// The total investment in million VND, when it reads as a number.
    pub fn amount(&self) -> Option<f64> {
        self.investment
            .as_ref()
            .and_then(|a| values::amount(&a.value))
    }
}

/// Builds the typed plan; everything wrong with the input becomes a diagnostic.
pub fn build(loaded: Loaded) -> (Plan, Vec<Diagnostic>) {
    let Loaded {
        root,
        sources,
        config: config_doc,
        docs,
        mut diags,
        mut unreadable,
        ..
    } = loaded;

    let config = config_doc.and_then(|doc| type_config(doc, &mut diags));
    unreadable.sort_unstable();

    let framework = resolve_framework(&root, config.as_ref(), &mut diags);

    let mut sections: Vec<Section> = Vec::new();
    let mut first_seen: HashMap<String, SourceId> = HashMap::new();
    // A file that did not parse still says which section it fills, most often on its first
    // lines: that section is not also reported missing.
    let mut declared: Vec<String> = unreadable
        .iter()
        .filter_map(|id| declared_in_text(&sources.get(*id).text))
        .collect();
    let mut dropped = Vec::new();
    // A framework file kept inside the plan folder is data, never a section of the plan.
    let framework_file = config
        .as_ref()
        .and_then(|c| c.framework_file.as_ref())
        .map(|f| framework_file_name(&f.value));
    let mut appendices = Vec::new();
    for Doc { source, mut root } in docs {
        if framework_file.as_deref() == Some(sources.get(source).name.as_str()) {
            continue;
        }
        // A phụ lục of the plan's own is not a framework section.
        if root.get("appendix").is_some() && root.get("section").is_none() {
            let schema = schema::appendix_schema();
            let mut v = validate::Validator::new(schema, source);
            let ok = v.check(&mut root, schema, "");
            diags.extend(v.diags);
            if ok {
                match Deserialize::deserialize(&root) {
                    Ok(file) => appendices.push(OwnAppendix { source, file }),
                    Err(e) => diags.push(internal(source, e)),
                }
            }
            continue;
        }
        let Some((slug, span)) = section_of(&root, source, &framework, &mut diags) else {
            continue;
        };
        let def = framework.section(&slug).expect("section_of checked it");
        declared.push(slug.clone());
        if let Some(first) = first_seen.get(&slug) {
            let other = sources.get(*first).name.clone();
            let dup = rules::section_duplicate::Duplicate {
                slug: slug.clone(),
                first: other,
            };
            diags.push(
                Diagnostic::of(&dup)
                    .at(source, span)
                    .clause(framework.clause(&def.locator())),
            );
            continue;
        }
        first_seen.insert(slug.clone(), source);
        let schema = schema::section_schema(def.kind);
        let mut v = validate::Validator::new(schema, source);
        let ok = v.check(&mut root, schema, "");
        diags.extend(v.diags);
        dropped.extend(v.dropped.into_iter().map(|(span, key)| (source, span, key)));
        if !ok {
            continue;
        }
        match content(def.kind, &root) {
            Ok(content) => sections.push(Section {
                slug,
                source,
                span,
                content,
            }),
            Err(e) => diags.push(internal(source, e)),
        }
    }

    (
        Plan {
            root,
            sources,
            config,
            framework,
            sections,
            appendices,
            declared,
            dropped,
            unreadable,
            mentions: std::sync::OnceLock::new(),
        },
        diags,
    )
}

/// `framework_file` as the plan's file names read ("khung.yaml" for "./khung.yaml").
fn framework_file_name(v: &str) -> String {
    v.replace('\\', "/").trim_start_matches("./").to_string()
}

/// The slug of a `section: slug` line at the top level of a text that did not parse.
fn declared_in_text(text: &str) -> Option<String> {
    text.lines().find_map(|l| {
        let v = l.strip_prefix("section:")?.split('#').next()?.trim();
        let v = v.trim_matches(['"', '\'']).trim();
        (!v.is_empty()).then(|| v.to_string())
    })
}

fn content(kind: SectionKind, root: &Node) -> Result<Content, crate::load::node::NodeError> {
    Ok(match kind {
        SectionKind::Text => Content::Text(Deserialize::deserialize(root)?),
        SectionKind::Evaluation => Content::Evaluation(Deserialize::deserialize(root)?),
        SectionKind::EvaluationBudget => Content::EvaluationBudget(Deserialize::deserialize(root)?),
        SectionKind::Citations => Content::Citations(Deserialize::deserialize(root)?),
        SectionKind::Targets => Content::Targets(Deserialize::deserialize(root)?),
        SectionKind::Tasks => Content::Tasks(Deserialize::deserialize(root)?),
        SectionKind::Solutions => Content::Solutions(Deserialize::deserialize(root)?),
        SectionKind::Budget => Content::Budget(Deserialize::deserialize(root)?),
        SectionKind::Organization => Content::Organization(Deserialize::deserialize(root)?),
        SectionKind::Projects => Content::Projects(Deserialize::deserialize(root)?),
    })
}

/// A shape the schema accepted but serde did not: a bug of dxplan, reported, not panicked on.
fn internal(source: SourceId, e: crate::load::node::NodeError) -> Diagnostic {
    Diagnostic::of(&rules::wrong_type::Unreadable::Internal(e.message))
        .at(source, e.span.unwrap_or(0..0))
}

/// Validates `dxplan.toml` against its schema and types it; `None` when it is invalid.
fn type_config(doc: Doc, diags: &mut Vec<Diagnostic>) -> Option<ConfigFile> {
    let Doc { source, mut root } = doc;
    let mut v = validate::Validator::new(schema::config_schema(), source);
    let mut config = None;
    if v.check(&mut root, schema::config_schema(), "") {
        match Config::deserialize(&root) {
            Ok(value) => {
                config = Some(ConfigFile {
                    source,
                    config: value,
                })
            }
            Err(e) => diags.push(internal(source, e)),
        }
    }
    diags.extend(v.diags);
    config
}

/// The slug a file declares with `section:`, if it is a known section of the framework.
fn section_of(
    root: &Node,
    source: SourceId,
    fw: &Framework,
    diags: &mut Vec<Diagnostic>,
) -> Option<(String, Range<usize>)> {
    let known: Vec<&str> = fw.sections.iter().map(|s| s.slug.as_str()).collect();
    let list = known.join(", ");
    let Some(value) = root.get("section") else {
        let unknown = rules::section_unknown::UnknownSection::NoKey { codes: list };
        diags.push(Diagnostic::of(&unknown).at(source, root.span.start..root.span.start));
        return None;
    };
    let Some(slug) = value.as_str().map(str::to_string) else {
        let wrong = rules::wrong_type::Unreadable::SectionNotText {
            got: crate::lang::Msg::new(validate::type_vi(value.type_name()), value.type_name()),
            codes: list,
        };
        diags.push(Diagnostic::of(&wrong).at(source, value.span.clone()));
        return None;
    };
    if fw.section(&slug).is_none() {
        let unknown = rules::section_unknown::UnknownSection::Unknown {
            framework: fw.id.clone(),
            slug: slug.clone(),
            codes: list.clone(),
            closest: validate::did_you_mean(&slug, &known).map(str::to_string),
        };
        let mut d = Diagnostic::of(&unknown).at(source, value.span.clone());
        if let Some(exact) = validate::same_but_case_or_space(&slug, &known) {
            d = d.fix(
                msg!("viết `{exact}`", "write `{exact}`"),
                value.span.clone(),
                exact,
            );
        }
        diags.push(d);
        return None;
    }
    Some((slug, value.span.clone()))
}

fn resolve_framework(
    root: &std::path::Path,
    config: Option<&ConfigFile>,
    diags: &mut Vec<Diagnostic>,
) -> Framework {
    let default = || Framework::builtin(DEFAULT_FRAMEWORK).expect("default framework is built in");
    let Some(config) = config else {
        return default();
    };
    let source = config.source;
    // Headings that name years follow the plan's year (`{năm trước}` in Phần I).
    let year = i32::try_from(config.config.year.value).unwrap_or(0);
    if let Some(file) = &config.framework_file {
        let path = root.join(&file.value);
        // Inside the plan, a regular file, 2 MiB at most (the built-in framework is 40 KiB).
        let text = match crate::fsutil::read_in_plan(root, &path, 2 << 20)
            .map(|b| String::from_utf8_lossy(&b).into_owned())
        {
            Ok(t) => t,
            Err(e) => {
                let none = rules::framework_unknown::NoFramework::Unreadable(e.msg(&file.value));
                diags.push(Diagnostic::of(&none).at(source, file.span.clone()));
                return default();
            }
        };
        return match Framework::parse_for(&text, Some(year)) {
            Ok(fw) => {
                if fw.id != config.framework.value {
                    let other = rules::framework_unknown::NoFramework::OtherId {
                        file: fw.id.clone(),
                        config: config.framework.value.clone(),
                    };
                    diags.push(Diagnostic::of(&other).at(source, config.framework.span.clone()));
                }
                fw
            }
            Err(e) => {
                let invalid = rules::framework_unknown::NoFramework::Invalid {
                    message: e.message,
                    line: e.line,
                    column: e.column,
                };
                diags.push(Diagnostic::of(&invalid).at(source, file.span.clone()));
                default()
            }
        };
    }
    match Framework::builtin_for(&config.framework.value, Some(year)) {
        Some(fw) => fw,
        None => {
            let known: Vec<&str> = crate::framework::BUILTIN
                .iter()
                .map(|(id, _)| *id)
                .collect();
            let none = rules::framework_unknown::NoFramework::NotBuiltIn {
                id: config.framework.value.clone(),
                known: known.join(", "),
            };
            diags.push(Diagnostic::of(&none).at(source, config.framework.span.clone()));
            default()
        }
    }
}

/// "Phần I.II.1 " → "I.II.1".
pub fn normalize_heading_key(k: &str) -> String {
    let k = k.trim();
    let k = k.strip_prefix("Phần").unwrap_or(k).trim();
    k.replace(' ', "")
}
