//! Stage 5: renderers. Each turns the one document IR into bytes of its format (mdBook-style
//! renderer trait); `build` picks them by `--format`.

pub mod build;
pub mod docx;
pub mod memory;
#[cfg(test)]
mod ooxml;
#[cfg(feature = "pdf")]
pub mod pdf;

use std::path::Path;

use dxplan_core::Compiled;
use dxplan_core::compose::ir::Document;
use dxplan_core::compose::{self, DocKind};
use dxplan_core::diag::Diagnostic;
use dxplan_core::lang::Msg;
use dxplan_core::load::IoFailure;
use dxplan_core::model::Plan;

/// Load, type, check and compose a plan, as `dxplan check` does: [`dxplan_core::compile`] plus
/// the compile of the plan's own `templates/layout.typ`, which needs typst.
pub fn compile(dir: &Path, opts: &compose::Options) -> Result<Compiled, IoFailure> {
    compile_document(dir, opts, DocKind::Plan)
}

/// As [`compile`], composing the document asked for (`build --document`).
pub fn compile_document(
    dir: &Path,
    opts: &compose::Options,
    kind: DocKind,
) -> Result<Compiled, IoFailure> {
    compose::templates::set_guard(guard_template);
    dxplan_core::compile_with(dir, opts, kind, &check_layout)
}

/// As [`compile`] for commands that make no PDF (status, roll-up, `init --from`): the plan's
/// own `templates/layout.typ` is not compiled — it could cost them its 60 s limit for nothing —
/// but its wording templates are guarded as always.
pub fn compile_without_layout(dir: &Path, opts: &compose::Options) -> Result<Compiled, IoFailure> {
    compose::templates::set_guard(guard_template);
    dxplan_core::compile_with(dir, opts, DocKind::Plan, &|_, _, _| {})
}

/// How long a plan's own wording template may run: its sentences take microseconds.
const TEMPLATE_LIMIT: std::time::Duration = std::time::Duration::from_secs(10);

/// Renders a plan's own template on a thread with a memory budget armed (and a time limit): a
/// string doubled in a loop or a shared list joined grows past any step count without a step
/// charged, and only the allocator sees it. Past the budget the thread is put to sleep on its
/// next large block and left behind; the render becomes a located DX100 and nothing is written.
fn guard_template(
    job: compose::templates::Job,
) -> Result<Result<Vec<u8>, minijinja::Error>, compose::templates::Stopped> {
    use compose::templates::Stopped;
    let (tx, rx) = std::sync::mpsc::channel();
    let budget = memory::Budget::new();
    let id = budget.id();
    let mib = memory::TEMPLATE_BUDGET_MIB;
    let spawned = std::thread::Builder::new()
        .name("template".into())
        .spawn(move || {
            let _armed = budget.arm_for(mib, memory::Cause::Template);
            let _ = tx.send(job());
        });
    if spawned.is_err() {
        return Err(Stopped::Crashed);
    }
    let start = std::time::Instant::now();
    loop {
        match rx.recv_timeout(std::time::Duration::from_millis(10)) {
            Ok(r) => return Ok(r),
            Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => {
                return Err(Stopped::Crashed);
            }
            Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {}
        }
        if memory::exceeded(id) {
            return Err(Stopped::Memory(mib));
        }
        if start.elapsed() >= TEMPLATE_LIMIT {
            return Err(Stopped::Time(TEMPLATE_LIMIT.as_secs()));
        }
    }
}

/// Everything `dxplan check` reports for a plan directory.
pub fn check_dir(dir: &Path) -> Result<(Plan, Vec<Diagnostic>), IoFailure> {
    let c = compile(dir, &compose::Options { draft: false })?;
    Ok((c.plan, c.diags))
}

/// A plan's own `templates/layout.typ` is compiled by `check` too, so a broken one fails the
/// check instead of the build (DX100).
#[cfg(feature = "pdf")]
fn check_layout(plan: &mut Plan, doc: &Document, diags: &mut Vec<Diagnostic>) {
    use dxplan_core::{fsutil, source};
    let path = plan.root.join(pdf::OWN_LAYOUT);
    if std::fs::symlink_metadata(&path).is_err() {
        return;
    }
    let ctx = Context {
        plan_dir: Some(plan.root.clone()),
        ..Default::default()
    };
    // Font and layout findings belong to `build`; only a layout that does not compile is reported.
    let Err(e) = pdf::PdfRenderer.render(doc, &ctx, &mut Vec::new()) else {
        return;
    };
    let mut d = Diagnostic::of(&compose::rules::TemplateFault::Layout(e.msg));
    // Located in the layout: at the line typst names, else at its start (time or memory).
    if let Ok(bytes) = fsutil::read_in_plan(&plan.root, &path, 1 << 20) {
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let start = e.layout_line.map_or(0, |l| {
            text.split_inclusive('\n')
                .take(l.saturating_sub(1))
                .map(str::len)
                .sum()
        });
        let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
        let id = plan
            .sources
            .add(source::SourceFile::new(path, pdf::OWN_LAYOUT.into(), text));
        d = d.at(id, start..end);
    }
    diags.push(d);
}

#[cfg(not(feature = "pdf"))]
fn check_layout(_: &mut Plan, _: &Document, _: &mut Vec<Diagnostic>) {}

/// What a renderer may need besides the document.
#[derive(Debug, Clone, Default)]
pub struct Context {
    /// Seconds since the epoch for every embedded date (SOURCE_DATE_EPOCH); `None` means the
    /// plan's own date (see [`Context::embedded_time`]). Never the current time: same input, same
    /// bytes.
    pub timestamp: Option<i64>,
    /// What only the PDF renderer reads.
    pub pdf: PdfOptions,
    /// The plan directory, for its template overrides (`templates/layout.typ`).
    pub plan_dir: Option<std::path::PathBuf>,
}

/// Options of the PDF renderer.
#[derive(Debug, Clone, Default)]
pub struct PdfOptions {
    /// Extra font directories (`--font-dir`).
    pub font_dirs: Vec<std::path::PathBuf>,
    /// PDF/A-2b output.
    pub pdf_a: bool,
}

impl Context {
    /// The one date every renderer embeds, as (year, month, day, hour, minute, second) in UTC:
    /// SOURCE_DATE_EPOCH, else the plan's own date at 00:00 (so the metadata means something and
    /// rebuilds stay identical), else 1980-01-01, the earliest a ZIP entry can hold.
    pub fn embedded_time(&self, doc: &Document) -> (i32, u32, u32, u32, u32, u32) {
        match (self.timestamp, doc.date) {
            (Some(ts), _) => civil(ts),
            // ZIP timestamps cannot go below 1980; a plan dated earlier is a typo anyway.
            (None, Some([y, m, d])) if y >= 1980 => (y as i32, m, d, 0, 0, 0),
            // 315 532 800 s = 1980-01-01T00:00:00Z.
            _ => civil(315_532_800),
        }
    }
}

/// A renderer that could not produce its file; the message says why in both languages.
#[derive(Debug)]
pub struct RenderError {
    pub msg: Msg,
    /// The line of the plan's own `templates/layout.typ` that typst blames, so `check` can
    /// locate the finding there without reading it back out of the message.
    pub layout_line: Option<usize>,
}

impl RenderError {
    pub fn new(msg: Msg) -> Self {
        RenderError {
            msg,
            layout_line: None,
        }
    }

    /// A failure of the named format with the library's own (English) words as the detail.
    pub fn of(format: &str, detail: impl std::fmt::Display) -> Self {
        RenderError::new(dxplan_core::msg!(
            "không xuất được {format}: {detail}",
            "cannot render {format}: {detail}"
        ))
    }
}

pub trait Renderer {
    fn extension(&self) -> &'static str;
    /// Non-fatal findings (a missing glyph, a layout warning) are diagnostics like any other.
    fn render(
        &self,
        doc: &Document,
        ctx: &Context,
        diags: &mut Vec<Diagnostic>,
    ) -> Result<Vec<u8>, RenderError>;
}

/// (year, month, day, hour, minute, second) in UTC of a Unix timestamp.
pub fn civil(ts: i64) -> (i32, u32, u32, u32, u32, u32) {
    let days = ts.div_euclid(86_400);
    let secs = ts.rem_euclid(86_400);
    // Howard Hinnant's days-from-civil inverse.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = if m <= 2 { y + 1 } else { y } as i32;
    (
        y,
        m,
        d,
        (secs / 3600) as u32,
        ((secs % 3600) / 60) as u32,
        (secs % 60) as u32,
    )
}

/// SOURCE_DATE_EPOCH, if set and valid.
pub fn source_date_epoch() -> Option<i64> {
    std::env::var("SOURCE_DATE_EPOCH").ok()?.trim().parse().ok()
}

#[cfg(test)]
mod tests {
    #[test]
    fn civil_dates() {
        assert_eq!(super::civil(0), (1970, 1, 1, 0, 0, 0));
        assert_eq!(super::civil(1_670_371_200), (2022, 12, 7, 0, 0, 0));
    }
}
