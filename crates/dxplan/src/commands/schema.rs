//! `dxplan schema`: the JSON Schema (draft-07) of section files or of `dxplan.toml`.

use dxplan_core::model;

use super::{ExitStatus, Result, builtin_framework};

pub fn run(framework: &str, config: bool) -> Result {
    let fw = builtin_framework(framework)?;
    let v = if config {
        model::schema::config_schema().clone()
    } else {
        model::schema::plan_file_schema(&fw)
    };
    println!(
        "{}",
        serde_json::to_string_pretty(&v).expect("a JSON value serialises")
    );
    Ok(ExitStatus::Success)
}
