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
pub mod model;
pub mod print;
pub mod render;
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
    let loaded = load::load_dir(dir)?;
    let (mut plan, mut diags) = model::build(loaded);
    diags.extend(check::run(&plan));
    let root = plan.root.clone();
    let templates = compose::templates::Templates::load(&root, &mut plan.sources, &mut diags);
    let doc = compose::compose(&plan, &templates, opts, &mut diags);
    check::suppress::apply(&plan, &mut diags);
    diag::sort(&mut diags, &plan.sources);
    Ok(Compiled { plan, diags, doc })
}

/// Everything `dxplan check` reports for a plan directory.
pub fn check_dir(dir: &Path) -> Result<(Plan, Vec<Diagnostic>), load::IoFailure> {
    let c = compile(dir, &compose::Options { draft: false })?;
    Ok((c.plan, c.diags))
}
