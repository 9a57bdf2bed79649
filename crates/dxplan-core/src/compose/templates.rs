//! Fixed wording that is not plan data (the opening sentence, phụ lục titles, the „Kèm theo …”
//! lines, table column headings) comes from minijinja templates: the built-in ones in
//! `templates/`, each overridable by a file of the same name in the plan's own `templates/`.
//! Undefined variables are errors (strict mode), reported at the template's line.

use std::path::Path;

use minijinja::{Environment, UndefinedBehavior};

use super::rules::template_error::TemplateFault;
use crate::diag::Diagnostic;
use crate::source::{SourceFile, SourceId, Sources};

pub const BUILTIN: &[(&str, &str)] = &[
    (
        "opening.txt",
        include_str!("../../../../templates/opening.txt"),
    ),
    (
        "attached-to-report.txt",
        include_str!("../../../../templates/attached-to-report.txt"),
    ),
    (
        "report-title.txt",
        include_str!("../../../../templates/report-title.txt"),
    ),
    (
        "report-targets.txt",
        include_str!("../../../../templates/report-targets.txt"),
    ),
    (
        "report-headings.txt",
        include_str!("../../../../templates/report-headings.txt"),
    ),
    (
        "report-points.txt",
        include_str!("../../../../templates/report-points.txt"),
    ),
    (
        "report-budget.txt",
        include_str!("../../../../templates/report-budget.txt"),
    ),
    (
        "report-projects.txt",
        include_str!("../../../../templates/report-projects.txt"),
    ),
    (
        "report-appendix-title.txt",
        include_str!("../../../../templates/report-appendix-title.txt"),
    ),
    (
        "report-columns.txt",
        include_str!("../../../../templates/report-columns.txt"),
    ),
    (
        "attached-to-plan.txt",
        include_str!("../../../../templates/attached-to-plan.txt"),
    ),
    (
        "attached-to-decision.txt",
        include_str!("../../../../templates/attached-to-decision.txt"),
    ),
    (
        "appendix-projects-title.txt",
        include_str!("../../../../templates/appendix-projects-title.txt"),
    ),
    (
        "appendix-past-title.txt",
        include_str!("../../../../templates/appendix-past-title.txt"),
    ),
    (
        "appendix-ref.txt",
        include_str!("../../../../templates/appendix-ref.txt"),
    ),
    (
        "projects-columns.txt",
        include_str!("../../../../templates/projects-columns.txt"),
    ),
    (
        "past-projects-columns.txt",
        include_str!("../../../../templates/past-projects-columns.txt"),
    ),
    (
        "budget-total.txt",
        include_str!("../../../../templates/budget-total.txt"),
    ),
];

pub struct Templates {
    env: Environment<'static>,
    /// Template name → source id of the plan's override, for locating errors.
    overrides: Vec<(String, SourceId)>,
}

impl Templates {
    /// Built-ins, replaced by any same-named file in `plan_dir/templates/`.
    pub fn load(plan_dir: &Path, sources: &mut Sources, diags: &mut Vec<Diagnostic>) -> Templates {
        let mut env = Environment::new();
        env.set_undefined_behavior(UndefinedBehavior::Strict);
        // A plan's override is untrusted code: each render gets a bounded number of steps (the
        // built-ins take a few hundred), so nested loops end as a located DX100, not a hung CI.
        env.set_fuel(Some(100_000));
        let mut overrides = Vec::new();
        for (name, text) in BUILTIN {
            let custom = plan_dir.join("templates").join(name);
            // An override must be a regular file inside the plan (256 KiB at most); one that
            // exists but cannot be read is reported, never silently replaced by the built-in.
            let read = crate::fsutil::read_in_plan(plan_dir, &custom, 256 << 10)
                .map(|b| String::from_utf8_lossy(&b).into_owned());
            let (src, origin) = match read {
                Ok(s) => {
                    let id = sources.add(SourceFile::new(
                        custom.clone(),
                        format!("templates/{name}"),
                        s.clone(),
                    ));
                    overrides.push((name.to_string(), id));
                    (s, Some(id))
                }
                Err(crate::fsutil::PlanReadError::NotFound) => (text.to_string(), None),
                Err(e) => {
                    let fault = TemplateFault::Unreadable(e.msg(&format!("templates/{name}")));
                    diags.push(Diagnostic::of(&fault));
                    (text.to_string(), None)
                }
            };
            if let Err(e) = env.add_template_owned(name.to_string(), src) {
                diags.push(template_diag(&e, origin, name, sources));
            }
        }
        Templates { env, overrides }
    }

    /// Renders a template; an error becomes a located diagnostic and an empty string.
    pub fn render(
        &self,
        name: &str,
        ctx: &minijinja::Value,
        sources: &Sources,
        diags: &mut Vec<Diagnostic>,
    ) -> String {
        let result = self.env.get_template(name).and_then(|t| t.render(ctx));
        match result {
            Ok(s) => s.trim().to_string(),
            Err(e) => {
                let origin = self
                    .overrides
                    .iter()
                    .find(|(n, _)| n == name)
                    .map(|(_, id)| *id);
                diags.push(template_diag(&e, origin, name, sources));
                String::new()
            }
        }
    }
}

impl Templates {
    /// Renders a template that gives one item per line (column headings, section headings):
    /// exactly `n` non-empty lines, or a DX100 naming the count and padding with empty lines (a
    /// table or a list keeps its shape).
    pub fn render_lines(
        &self,
        name: &str,
        n: usize,
        ctx: &minijinja::Value,
        sources: &Sources,
        diags: &mut Vec<Diagnostic>,
    ) -> Vec<String> {
        let text = self.render(name, ctx, sources, diags);
        let mut lines: Vec<String> = text
            .lines()
            .map(|l| l.trim().to_string())
            .filter(|l| !l.is_empty())
            .collect();
        if lines.len() != n && !text.is_empty() {
            let fault = TemplateFault::Lines {
                name: name.to_string(),
                got: lines.len(),
                want: n,
            };
            let mut d = Diagnostic::of(&fault);
            if let Some((_, id)) = self.overrides.iter().find(|(o, _)| o == name) {
                d = d.at(*id, 0..0);
            }
            diags.push(d);
        }
        lines.resize(n, String::new());
        lines
    }
}

fn template_diag(
    e: &minijinja::Error,
    origin: Option<SourceId>,
    name: &str,
    sources: &Sources,
) -> Diagnostic {
    let detail = e.detail().map(|d| format!(" ({d})")).unwrap_or_default();
    let (vi, en) = match e.kind() {
        minijinja::ErrorKind::UndefinedError => {
            ("dùng biến không có", "uses an undefined variable")
        }
        minijinja::ErrorKind::SyntaxError => ("sai cú pháp", "has a syntax error"),
        minijinja::ErrorKind::OutOfFuel => (
            "chạy quá số bước cho phép (vòng lặp quá lớn)",
            "runs past the allowed number of steps (a loop too large)",
        ),
        minijinja::ErrorKind::UnknownFilter | minijinja::ErrorKind::UnknownFunction => (
            "dùng bộ lọc hoặc hàm không có",
            "uses an unknown filter or function",
        ),
        _ => ("không dựng được", "cannot be rendered"),
    };
    let fault = TemplateFault::Render {
        name: name.to_string(),
        kind: (vi, en),
        detail,
    };
    let mut d = Diagnostic::of(&fault);
    if let Some(id) = origin {
        let src = sources.get(id);
        let span = match (e.range(), e.line()) {
            (Some(r), _) => r,
            (None, Some(line)) => {
                let start = src.offset_of(line, 1);
                start..start
            }
            _ => 0..0,
        };
        d = d.at(id, span);
    }
    d
}
