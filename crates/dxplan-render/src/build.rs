//! `dxplan build`: check, then compose once and render to each requested format, writing every
//! output atomically. Refuses to build a plan with errors unless forced.

use std::path::{Path, PathBuf};

use unicode_normalization::UnicodeNormalization;

use crate::Renderer;
use dxplan_core::compose;
use dxplan_core::diag::{Diagnostic, Summary};
use dxplan_core::fsutil::write_atomic;
use dxplan_core::lang::Msg;
use dxplan_core::load::IoFailure;
use dxplan_core::model::Plan;
use dxplan_core::msg;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Docx,
    Pdf,
    /// DOCX and PDF from one build.
    All,
}

impl dxplan_core::choice::Choice for Format {
    const ALL: &'static [(Self, &'static str, &'static str)] = &[
        (Format::Docx, "docx", ""),
        (Format::Pdf, "pdf", ""),
        (Format::All, "all", "DOCX và PDF từ cùng một bản dựng"),
    ];
}

#[derive(Debug, Clone)]
pub struct Options {
    /// The results report for a period instead of the plan (`--document bao-cao`).
    pub document: dxplan_core::compose::DocKind,
    pub format: Format,
    pub output: Option<PathBuf>,
    pub force: bool,
    pub draft: bool,
    pub context: crate::Context,
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
        v.push(Box::new(crate::docx::DocxRenderer));
    }
    #[cfg(feature = "pdf")]
    if matches!(format, Format::Pdf | Format::All) {
        v.push(Box::new(crate::pdf::PdfRenderer));
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
    // File names stay well under the 255-byte limit of file systems, whatever the title.
    let mut name = format!("ke-hoach-{}", slug(title));
    if name.len() > 120 {
        name.truncate(120);
        name = name.trim_end_matches('-').to_string();
    }
    if draft {
        name.push_str("-du-thao");
    }
    name
}

/// Why an output path must not be written: something that is not a regular file (a symlink, a
/// device, a FIFO, a directory) would be replaced by the rename, and a plan's own source file
/// would be lost.
fn refuse_output(path: &Path, plan: &Plan) -> Option<dxplan_core::lang::Msg> {
    let p = path.display();
    // A link anywhere on the way, inside the plan or the working directory (`-o build/…` with
    // `build` committed as a link), would send the document elsewhere.
    let cwd = std::env::current_dir().unwrap_or_default();
    if let Some(link) = dxplan_core::fsutil::link_below(&plan.root, path)
        .or_else(|| dxplan_core::fsutil::link_below(&cwd, path))
    {
        let l = link.display();
        return Some(msg!(
            "không ghi {p}: {l} là một liên kết tượng trưng; chọn đường dẫn khác bằng -o",
            "not writing {p}: {l} is a symbolic link; choose another path with -o"
        ));
    }
    let meta = std::fs::symlink_metadata(path).ok()?;
    if !meta.file_type().is_file() {
        return Some(msg!(
            "không ghi {p}: đó không phải một tệp thường (liên kết, thiết bị hay thư mục); chọn đường dẫn khác bằng -o",
            "not writing {p}: it is not a regular file (a link, a device or a directory); choose another path with -o"
        ));
    }
    let target = std::fs::canonicalize(path).ok()?;
    let is_source = plan
        .sources
        .iter()
        .any(|(_, f)| std::fs::canonicalize(plan.root.join(&f.name)).is_ok_and(|s| s == target));
    is_source.then(|| {
        msg!(
            "không ghi {p}: đó là một tệp của kế hoạch",
            "not writing {p}: it is one of the plan's own files"
        )
    })
}

pub fn build(dir: &Path, opts: &Options) -> Result<Outcome, IoFailure> {
    #[cfg(feature = "pdf")]
    if matches!(opts.format, Format::Pdf | Format::All) {
        let own_layout = opts
            .context
            .plan_dir
            .as_ref()
            .is_some_and(|d| d.join(crate::pdf::OWN_LAYOUT).is_file());
        crate::pdf::prefetch_fonts(own_layout);
    }
    let dxplan_core::Compiled {
        plan,
        diags,
        mut doc,
    } = crate::compile_document(dir, &compose::Options { draft: opts.draft }, opts.document)?;
    // The plan's DOCX carries what its page does not show, for `dxplan import`.
    if opts.document == compose::DocKind::Plan {
        doc.carried = compose::carried::of(&plan);
    }
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
    // A plan issued on its own has no decision to print.
    if opts.document == dxplan_core::compose::DocKind::Decision
        && out.plan.mode() != dxplan_core::model::Mode::WithDecision
    {
        out.failures.push(msg!(
            "kế hoạch này ban hành độc lập (mode = \"ke-hoach\"), không có Quyết định để xuất",
            "this plan is issued on its own (mode = \"ke-hoach\"): there is no decision to render"
        ));
        return Ok(out);
    }
    let mut name = default_name(&out.plan, doc.draft);
    match opts.document {
        dxplan_core::compose::DocKind::Report(_) => {
            name = name.replacen("ke-hoach-", "bao-cao-ke-hoach-", 1)
        }
        dxplan_core::compose::DocKind::Decision => {
            name = name.replacen("ke-hoach-", "quyet-dinh-ban-hanh-ke-hoach-", 1)
        }
        dxplan_core::compose::DocKind::Plan => {}
    }
    // Every format is rendered before any is written: a failure leaves all old outputs as they
    // were, never a new DOCX beside an old PDF.
    let mut rendered = Vec::new();
    for r in renderers(opts.format) {
        let path = match &opts.output {
            // An existing directory: the outputs go inside it, under their default names.
            Some(p) if p.is_dir() => p.join(format!("{name}.{}", r.extension())),
            Some(p) if opts.format == Format::All => p.with_extension(r.extension()),
            Some(p) => p.clone(),
            None => out
                .plan
                .root
                .join("build")
                .join(format!("{name}.{}", r.extension())),
        };
        match r.render(&doc, &opts.context, &mut out.render_diags) {
            Ok(bytes) => rendered.push((path, bytes)),
            Err(e) => out.failures.push(e.msg),
        }
    }
    if !out.failures.is_empty() {
        return Ok(out);
    }
    for (path, bytes) in rendered {
        if let Some(refusal) = refuse_output(&path, &out.plan) {
            out.failures.push(refusal);
            continue;
        }
        match write_atomic(&path, &bytes) {
            Ok(()) => out.outputs.push(path),
            Err(e) => {
                let p = path.display();
                out.failures.push(dxplan_core::lang::io_failed(
                    &format!("không ghi được {p}"),
                    &format!("cannot write {p}"),
                    &e,
                ))
            }
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
