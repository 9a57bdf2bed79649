//! dxplan's core: a plan compiler for Vietnamese digital-transformation plans, up to the document
//! IR and without output formats.
//!
//! The pipeline runs one way: [`load`] (files → located trees, NFC) → [`model`] (typed plan) →
//! [`check`] (rules → diagnostics) → [`compose`] (document IR); the crate `dxplan-render` turns the
//! IR into DOCX and PDF. Diagnostics of every stage share one model ([`diag`]) and are printed by
//! [`print`]. No typst and no clap here: `cargo test -p dxplan-core` builds in seconds.

pub mod check;
pub mod choice;
pub mod compose;
pub mod diag;
pub mod fix;
pub mod framework;
pub mod fsutil;
pub mod init;
pub mod lang;
pub mod load;
pub mod model;
pub mod print;
pub mod render_rules;
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

/// A check that a later stage adds before suppressions are applied: `dxplan-render` compiles a
/// plan's own `templates/layout.typ` (DX100), which needs typst, so the core cannot.
pub type ExtraCheck<'a> = &'a dyn Fn(&mut Plan, &compose::ir::Document, &mut Vec<Diagnostic>);

/// As [`compile`], composing the document asked for: the plan, its decision alone, or the
/// results report (`build --document`).
pub fn compile_document(
    dir: &Path,
    opts: &compose::Options,
    kind: compose::DocKind,
) -> Result<Compiled, load::IoFailure> {
    compile_with(dir, opts, kind, &|_, _, _| {})
}

/// As [`compile_document`], running `extra` on the composed document before suppressions and
/// sorting, so its findings are suppressed and ordered like every other.
pub fn compile_with(
    dir: &Path,
    opts: &compose::Options,
    kind: compose::DocKind,
    extra: ExtraCheck,
) -> Result<Compiled, load::IoFailure> {
    let loaded = load::load_dir(dir)?;
    let (mut plan, mut diags) = model::build(loaded);
    diags.extend(check::run(&plan));
    let root = plan.root.clone();
    let templates = compose::templates::Templates::load(&root, &mut plan.sources, &mut diags);
    let doc = compose::compose(&plan, &templates, opts, kind, &mut diags);
    // A plan that reports on itself (`[report]`) has the report's templates checked too, so a
    // broken override fails `check` in CI, not the clerk's build at year end. Only template
    // findings are taken: the rest the plan's own composition already gave.
    if kind == compose::DocKind::Plan && plan.config.as_ref().is_some_and(|c| c.report.is_some()) {
        let mut more = Vec::new();
        let report = compose::DocKind::Report(compose::Period::Year);
        compose::compose(&plan, &templates, opts, report, &mut more);
        for d in more {
            let new = !diags
                .iter()
                .any(|x| x.message.vi == d.message.vi && x.span == d.span);
            if d.rule.code == compose::rules::TEMPLATE_ERROR.code && new {
                diags.push(d);
            }
        }
    }
    extra(&mut plan, &doc, &mut diags);
    check::suppress::apply(&plan, &mut diags);
    diag::sort(&mut diags, &plan.sources);
    Ok(Compiled { plan, diags, doc })
}

/// Everything `dxplan check` reports for a plan directory.
pub fn check_dir(dir: &Path) -> Result<(Plan, Vec<Diagnostic>), load::IoFailure> {
    let c = compile(dir, &compose::Options { draft: false })?;
    Ok((c.plan, c.diags))
}
