//! `dxplan build`: check, then compose once and render to each requested format, writing every
//! output atomically. Refuses to build a plan with errors unless forced.

use std::path::{Path, PathBuf};

use unicode_normalization::UnicodeNormalization;

use crate::compose;
use crate::diag::{Diagnostic, Summary};
use crate::fsutil::write_atomic;
use crate::lang::Msg;
use crate::load::IoFailure;
use crate::model::Plan;
use crate::msg;
use crate::render::{self, Renderer};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Docx,
    Pdf,
    /// DOCX và PDF từ cùng một bản dựng
    All,
}

#[derive(Debug, Clone)]
pub struct Options {
    pub format: Format,
    pub output: Option<PathBuf>,
    pub force: bool,
    pub draft: bool,
    pub context: render::Context,
}

pub struct Outcome {
    pub plan: Plan,
    pub diags: Vec<Diagnostic>,
    /// Errors in the plan stopped the build (no `--force`).
    pub refused: bool,
    /// Built despite errors.
    pub forced: bool,
    pub outputs: Vec<PathBuf>,
    /// Outputs that could not be rendered or written.
    pub failures: Vec<Msg>,
    /// Findings of the renderers (fonts, layout warnings), printed after the build.
    pub render_diags: Vec<Diagnostic>,
}

fn renderers(format: Format) -> Vec<Box<dyn Renderer>> {
    let mut v: Vec<Box<dyn Renderer>> = Vec::new();
    if matches!(format, Format::Docx | Format::All) {
        v.push(Box::new(render::docx::DocxRenderer));
    }
    #[cfg(feature = "pdf")]
    if matches!(format, Format::Pdf | Format::All) {
        v.push(Box::new(render::pdf::PdfRenderer));
    }
    v
}

/// Whether this binary can write the format (PDF needs the `pdf` feature).
pub fn supported(format: Format) -> bool {
    cfg!(feature = "pdf") || format == Format::Docx
}

/// "ke-hoach-chuyen-doi-so-tinh-ha-lam-nam-2023": an ASCII file name from the trích yếu.
pub fn slug(s: &str) -> String {
    let ascii: String = s
        .nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .map(|c| match c {
            'đ' => 'd',
            'Đ' => 'D',
            c => c,
        })
        .collect();
    let mut out = String::new();
    for c in ascii.to_lowercase().chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

pub fn default_name(plan: &Plan, draft: bool) -> String {
    let title = plan
        .config
        .as_ref()
        .map(|c| c.document.title.value.as_str())
        .unwrap_or("ke-hoach");
    let mut name = format!("ke-hoach-{}", slug(title));
    if draft {
        name.push_str("-du-thao");
    }
    name
}

pub fn build(dir: &Path, opts: &Options) -> Result<Outcome, IoFailure> {
    let crate::Compiled { plan, diags, doc } =
        crate::compile(dir, &compose::Options { draft: opts.draft })?;
    let forced = Summary::of(&diags).errors > 0;
    let mut out = Outcome {
        refused: forced && !opts.force,
        forced,
        plan,
        diags,
        outputs: Vec::new(),
        failures: Vec::new(),
        render_diags: Vec::new(),
    };
    if out.refused {
        return Ok(out);
    }
    let name = default_name(&out.plan, doc.draft);
    for r in renderers(opts.format) {
        let path = match &opts.output {
            Some(p) if opts.format == Format::All => p.with_extension(r.extension()),
            Some(p) => p.clone(),
            None => out
                .plan
                .root
                .join("build")
                .join(format!("{name}.{}", r.extension())),
        };
        match r.render(&doc, &opts.context, &mut out.render_diags) {
            Ok(bytes) => match write_atomic(&path, &bytes) {
                Ok(()) => out.outputs.push(path),
                Err(e) => {
                    let p = path.display();
                    out.failures
                        .push(msg!("không ghi được {p}: {e}", "cannot write {p}: {e}"))
                }
            },
            Err(e) => out.failures.push(e.0),
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    #[test]
    fn slugs() {
        assert_eq!(
            super::slug("Chuyển đổi số tỉnh Hà Lâm năm 2023"),
            "chuyen-doi-so-tinh-ha-lam-nam-2023"
        );
        assert_eq!(super::slug("Đường thủy — 2023!"), "duong-thuy-2023");
    }
}
