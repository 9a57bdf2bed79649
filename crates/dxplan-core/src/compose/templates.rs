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
    /// Overrides stopped by the guard: not run again (each run would leave another thread
    /// asleep with its memory), and said once.
    stopped: std::sync::Mutex<Vec<String>>,
}

/// Why a guarded render was stopped (by the render crate's [`Guard`]).
pub enum Stopped {
    /// Past its memory budget, in MiB.
    Memory(usize),
    /// Past its time limit, in seconds.
    Time(u64),
    /// Its thread ended without an answer.
    Crashed,
}

/// A job that renders one template into bytes.
pub type Job = Box<dyn FnOnce() -> Result<Vec<u8>, minijinja::Error> + Send>;

/// Runs a plan's own template under a memory budget and a time limit. Steps (fuel) and output
/// are bounded here; memory can only be bounded by the allocator, which belongs to the binary:
/// the render crate installs a guard that runs the job on a thread with a budget armed (a string
/// doubled in a loop, or a list built by sharing and joined, grows without a step charged).
pub type Guard = fn(Job) -> Result<Result<Vec<u8>, minijinja::Error>, Stopped>;

static GUARD: std::sync::OnceLock<Guard> = std::sync::OnceLock::new();

/// Installs the guard for every later render of a plan's own template (once per process).
pub fn set_guard(g: Guard) {
    let _ = GUARD.set(g);
}

/// The most a template may print: its sentences and headings take a few hundred bytes.
pub const OUTPUT_MAX: usize = 256 << 10;

/// A writer that refuses past [`OUTPUT_MAX`] bytes, which ends the render with an error.
struct Bounded(Vec<u8>);

impl std::io::Write for Bounded {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.0.len() + buf.len() > OUTPUT_MAX {
            return Err(std::io::Error::other(OUTPUT_TOO_LARGE));
        }
        self.0.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Renders into a bounded buffer: printing a list built by sharing (10 × 10 × … = 10⁹ items)
/// costs one step, and without a bound filled gigabytes before any step was charged.
fn render_bounded(
    env: &Environment<'static>,
    name: &str,
    ctx: minijinja::Value,
) -> Result<Vec<u8>, minijinja::Error> {
    let mut out = Bounded(Vec::new());
    env.get_template(name)
        .and_then(|t| t.render_captured_to(ctx, &mut out).map(|_| ()))
        .map(|()| out.0)
}

/// The error a too-large output ends a render with (its message, for the finding).
const OUTPUT_TOO_LARGE: &str = "output too large";

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
        Templates {
            env,
            overrides,
            stopped: std::sync::Mutex::new(Vec::new()),
        }
    }

    /// Renders a template; an error becomes a located diagnostic and an empty string.
    pub fn render(
        &self,
        name: &str,
        ctx: &minijinja::Value,
        sources: &Sources,
        diags: &mut Vec<Diagnostic>,
    ) -> String {
        let origin = self
            .overrides
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, id)| *id);
        // The built-ins are dxplan's own: rendered in place. A plan's own is guarded (the
        // environment is cloned for the guard's thread; the built-ins pay nothing).
        let result = match (origin, GUARD.get()) {
            (Some(id), Some(guard)) => {
                let mut stopped = self.stopped.lock().unwrap_or_else(|e| e.into_inner());
                if stopped.iter().any(|n| n == name) {
                    return String::new();
                }
                let (env, ctx, owned) = (self.env.clone(), ctx.clone(), name.to_string());
                match guard(Box::new(move || render_bounded(&env, &owned, ctx))) {
                    Ok(r) => r,
                    Err(stop) => {
                        stopped.push(name.to_string());
                        let fault = TemplateFault::Stopped {
                            name: name.to_string(),
                            stop,
                        };
                        diags.push(Diagnostic::of(&fault).at(id, 0..0));
                        return String::new();
                    }
                }
            }
            _ => render_bounded(&self.env, name, ctx.clone()),
        };
        match result {
            Ok(out) => String::from_utf8_lossy(&out).trim().to_string(),
            Err(e) => {
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
        minijinja::ErrorKind::WriteFailure => (
            "in ra quá 256 KiB (một mẫu chỉ in vài câu)",
            "prints more than 256 KiB (a template prints a few sentences)",
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
