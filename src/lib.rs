//! dxplan: a plan compiler for Vietnamese digital-transformation plans.
//!
//! The pipeline runs one way: [`load`] (files → located trees, NFC) → [`model`] (typed plan) →
//! [`check`] (rules → diagnostics) → `compose` (document IR) → `render` (DOCX, PDF).
//! Diagnostics of every stage share one model ([`diag`]) and are printed by [`print`].

pub mod build;
pub mod check;
pub mod compose;
pub mod diag;
pub mod fix;
pub mod framework;
pub mod fsutil;
pub mod init;
pub mod lang;
pub mod load;
pub mod memory;
pub mod model;
pub mod print;
pub mod render;
pub mod rollup;
pub mod source;
pub mod status;

use std::path::Path;

use diag::Diagnostic;
use model::Plan;

/// A plan taken through every stage up to the document IR.
pub struct Compiled {
    pub plan: Plan,
    /// Every finding of every stage, sorted.
    pub diags: Vec<Diagnostic>,
    /// The document both renderers draw.
    pub doc: compose::ir::Document,
}

/// Load, type, check and compose a plan directory. Composing is part of checking: it is what
/// finds errors in the plan's template overrides, and it costs a few milliseconds.
pub fn compile(dir: &Path, opts: &compose::Options) -> Result<Compiled, load::IoFailure> {
    compile_document(dir, opts, compose::DocKind::Plan)
}

/// As [`compile`], composing the document asked for: the plan, its decision alone, or the
/// results report (`build --document`).
pub fn compile_document(
    dir: &Path,
    opts: &compose::Options,
    kind: compose::DocKind,
) -> Result<Compiled, load::IoFailure> {
    let loaded = load::load_dir(dir)?;
    let (mut plan, mut diags) = model::build(loaded);
    diags.extend(check::run(&plan));
    let root = plan.root.clone();
    let templates = compose::templates::Templates::load(&root, &mut plan.sources, &mut diags);
    let doc = match kind {
        compose::DocKind::Report(period) => {
            compose::compose_report(&plan, &templates, period, opts.draft, &mut diags)
        }
        compose::DocKind::Decision => compose::compose_part(
            &plan,
            &templates,
            opts,
            compose::Part::DecisionOnly,
            &mut diags,
        ),
        compose::DocKind::Plan => {
            let doc = compose::compose(&plan, &templates, opts, &mut diags);
            // A plan that reports on itself (`[report]`) has the report's templates checked too,
            // so a broken override fails `check` in CI, not the clerk's build at year end. Only
            // template findings are taken: the rest the plan's own composition already gave.
            if plan.config.as_ref().is_some_and(|c| c.report.is_some()) {
                let mut more = Vec::new();
                let period = compose::Period::Year;
                compose::compose_report(&plan, &templates, period, opts.draft, &mut more);
                for d in more {
                    let new = !diags
                        .iter()
                        .any(|x| x.message.vi == d.message.vi && x.span == d.span);
                    if d.rule.code == compose::rules::TEMPLATE_ERROR.code && new {
                        diags.push(d);
                    }
                }
            }
            doc
        }
    };
    check_layout(&mut plan, &doc, &mut diags);
    check::suppress::apply(&plan, &mut diags);
    diag::sort(&mut diags, &plan.sources);
    Ok(Compiled { plan, diags, doc })
}

/// A plan's own `templates/layout.typ` is compiled by `check` too, so a broken one fails the
/// check instead of the build (DX100).
#[cfg(feature = "pdf")]
fn check_layout(plan: &mut Plan, doc: &compose::ir::Document, diags: &mut Vec<Diagnostic>) {
    use render::Renderer;
    let path = plan.root.join("templates/layout.typ");
    if std::fs::symlink_metadata(&path).is_err() {
        return;
    }
    let ctx = render::Context {
        plan_dir: Some(plan.root.clone()),
        ..Default::default()
    };
    // Font and layout findings belong to `build`; only a layout that does not compile is reported.
    let Err(e) = render::pdf::PdfRenderer.render(doc, &ctx, &mut Vec::new()) else {
        return;
    };
    let mut d = Diagnostic::new(&compose::rules::TEMPLATE_ERROR, e.0).hint(msg!(
        "Sửa templates/layout.typ của kế hoạch, hoặc xóa tệp để dùng bố cục có sẵn.",
        "Fix the plan's templates/layout.typ, or delete it to use the built-in layout."
    ));
    // Located in the layout: at the line typst names, else at its start (time or memory).
    if let Ok(bytes) = fsutil::read_in_plan(&plan.root, &path, 1 << 20) {
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let line = d
            .message
            .vi
            .split("templates/layout.typ:")
            .nth(1)
            .and_then(|r| r.split(':').next()?.parse::<usize>().ok());
        let start = line.map_or(0, |l| {
            text.split_inclusive('\n')
                .take(l.saturating_sub(1))
                .map(str::len)
                .sum()
        });
        let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
        let id = plan.sources.add(source::SourceFile::new(
            path,
            "templates/layout.typ".into(),
            text,
        ));
        d = d.at(id, start..end);
    }
    diags.push(d);
}

#[cfg(not(feature = "pdf"))]
fn check_layout(_: &mut Plan, _: &compose::ir::Document, _: &mut Vec<Diagnostic>) {}

/// Everything `dxplan check` reports for a plan directory.
pub fn check_dir(dir: &Path) -> Result<(Plan, Vec<Diagnostic>), load::IoFailure> {
    let c = compile(dir, &compose::Options { draft: false })?;
    Ok((c.plan, c.diags))
}
