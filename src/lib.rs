//! dxplan: a plan compiler for Vietnamese digital-transformation plans.
//!
//! The pipeline runs one way: [`load`] (files → located trees, NFC) → [`model`] (typed plan) →
//! [`check`] (rules → diagnostics) → `compose` (document IR) → `render` (DOCX, PDF).
//! Diagnostics of every stage share one model ([`diag`]) and are printed by [`print`].

pub mod check;
pub mod diag;
pub mod framework;
pub mod fsutil;
pub mod init;
pub mod lang;
pub mod load;
pub mod model;
pub mod print;
pub mod source;

use std::path::Path;

use diag::Diagnostic;
use model::Plan;

/// Load, type and check a plan directory: every finding of every stage, sorted.
pub fn check_dir(dir: &Path) -> Result<(Plan, Vec<Diagnostic>), load::IoFailure> {
    let loaded = load::load_dir(dir)?;
    let (plan, mut diags) = model::build(loaded);
    diags.extend(check::run(&plan));
    diag::sort(&mut diags, &plan.sources);
    Ok((plan, diags))
}
