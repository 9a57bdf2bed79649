//! `dxplan status`: priority-task coverage and investment, as a table, Markdown or JSON.

use std::io::Write;
use std::path::Path;

use dxplan_core::lang::Lang;
use dxplan_core::status;

use super::{ExitStatus, Result};

pub fn run(dir: &Path, format: status::Format, lang: Lang) -> Result {
    // Status makes no PDF: the plan's own layout.typ is not compiled (issue 23).
    let plan = dxplan_render::compile_without_layout(
        dir,
        &dxplan_core::compose::Options { draft: false },
    )?
    .plan;
    let c = status::coverage(&plan);
    let out = match format {
        status::Format::Table => status::table(&c, lang),
        status::Format::Markdown => status::markdown(&c, lang),
        status::Format::Json => {
            serde_json::to_string_pretty(&c).expect("coverage serialises") + "\n"
        }
    };
    let _ = std::io::stdout().write_all(out.as_bytes());
    Ok(ExitStatus::Success)
}
