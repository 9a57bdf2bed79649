//! Helpers of the core's tests: plans checked in-process, as `dxplan check` would report them.

#[path = "../../../../tests/support/plans.rs"]
#[allow(dead_code)]
pub mod plans;
pub use plans::*;

#[path = "../../../../tests/support/fixture.rs"]
#[allow(dead_code)]
pub mod fixture;

use std::path::Path;

/// What `dxplan check --format json` prints for a plan, and its exit code (1 with an error).
pub fn check_json(dir: &Path) -> (serde_json::Value, i32) {
    use dxplan_core::{diag::Severity, lang::Lang, print};
    let (plan, diags) = dxplan_core::check_dir(dir).unwrap();
    let opts = print::Options {
        lang: Lang::Vi,
        color: false,
    };
    let out = print::render(print::Format::Json, &diags, &plan.sources, &opts);
    let code = i32::from(diags.iter().any(|d| d.severity == Severity::Error));
    (serde_json::from_str(&out).unwrap(), code)
}

pub fn codes(v: &serde_json::Value) -> Vec<String> {
    v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap().to_string())
        .collect()
}
