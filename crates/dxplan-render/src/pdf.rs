//! IR → PDF with typst as a library. The IR goes to the layout template (`templates/layout.typ`,
//! overridable by the plan) as a virtual JSON file, so plan text is data, never typst markup.
//! Fonts: the real Times New Roman when installed, else the embedded Liberation Serif.

use std::path::PathBuf;
use std::sync::OnceLock;

use typst::diag::{FileError, FileResult, Severity};
use typst::foundations::{Bytes, Datetime, Dict, IntoValue, Smart};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook, FontInfo};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World, WorldExt};
use typst_kit::fonts::{FontPath, FontStore};
use typst_layout::PagedDocument;

use crate::{Context, RenderError, Renderer};
use dxplan_core::compose::ir;
use dxplan_core::compose::measure;
use dxplan_core::diag::Diagnostic;
use dxplan_core::msg;
use dxplan_core::render_rules as rules;

pub struct PdfRenderer;

const LAYOUT: &str = include_str!("../../../templates/layout.typ");
/// Where a plan keeps its own layout, as messages and findings name it.
pub const OWN_LAYOUT: &str = "templates/layout.typ";

/// Preferred family (ND30), and the metric-compatible fallback embedded in the binary.
const TIMES: &str = "Times New Roman";
const LIBERATION: &str = "Liberation Serif";
/// A plan's own `layout.typ` is untrusted code: typst compiles it on a thread that gets this long
/// (the built-in layout of a 1,000-project plan takes under 1 s in a release build).
const COMPILE_LIMIT: std::time::Duration = std::time::Duration::from_secs(60);

struct PlanWorld {
    library: LazyHash<Library>,
    fonts: FontStore,
    main: Source,
    doc: Bytes,
    doc_id: FileId,
}

impl World for PlanWorld {
    fn library(&self) -> &LazyHash<Library> {
        &self.library
    }
    fn book(&self) -> &LazyHash<FontBook> {
        self.fonts.book()
    }
    fn main(&self) -> FileId {
        self.main.id()
    }
    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else {
            Err(FileError::NotFound(PathBuf::from("/")))
        }
    }
    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.doc_id {
            Ok(self.doc.clone())
        } else {
            Err(FileError::NotFound(PathBuf::from("/")))
        }
    }
    fn font(&self, index: usize) -> Option<Font> {
        self.fonts.font(index)
    }
    fn today(&self, _offset: Option<typst::foundations::Duration>) -> Option<Datetime> {
        // Never the real date: same input, same PDF.
        None
    }
}

fn file_id(path: &str) -> FileId {
    RootedPath::new(
        VirtualRoot::Project,
        VirtualPath::new(path).expect("valid virtual path"),
    )
    .intern()
}

/// The system's font files by name, listed once per process (fontdb reads each file's name table
/// only). `build` starts the listing on a thread first ([`prefetch_fonts`]), so it overlaps the
/// check of the plan.
fn system_db() -> &'static fontdb::Database {
    static DB: OnceLock<fontdb::Database> = OnceLock::new();
    DB.get_or_init(|| {
        let mut db = fontdb::Database::new();
        db.load_system_fonts();
        db
    })
}

/// The system faces named Times New Roman, with typst's information about each. That information
/// reads the font's whole character map, the costly part of listing fonts (a Windows PC has
/// hundreds), so the built-in layout — which sets everything in one family — asks it of these only.
fn times_faces() -> &'static [(FontPath, FontInfo)] {
    static FACES: OnceLock<Vec<(FontPath, FontInfo)>> = OnceLock::new();
    FACES.get_or_init(|| {
        let db = system_db();
        db.faces()
            .filter(|f| {
                f.families
                    .iter()
                    .any(|(n, _)| n.eq_ignore_ascii_case(TIMES))
            })
            .filter_map(|face| {
                let path = match &face.source {
                    fontdb::Source::File(p) | fontdb::Source::SharedFile(p, _) => p.clone(),
                    fontdb::Source::Binary(_) => return None,
                };
                let info = db.with_face_data(face.id, FontInfo::new)??;
                Some((
                    FontPath {
                        path,
                        index: face.index,
                    },
                    info,
                ))
            })
            .collect()
    })
}

/// Every system font with typst's information: for a plan's own layout, which may name any font,
/// and for a document with characters its family lacks, which typst then draws from another font
/// chosen among all of them (and the build reports).
fn all_system_fonts() -> &'static [(FontPath, FontInfo)] {
    static ALL: OnceLock<Vec<(FontPath, FontInfo)>> = OnceLock::new();
    ALL.get_or_init(|| typst_kit::fonts::system().collect())
}

/// Starts listing the system's fonts on a thread (a PDF will be set; `own_layout`: by the plan's
/// own layout, which needs them all).
pub fn prefetch_fonts(own_layout: bool) {
    let _ = std::thread::Builder::new()
        .name("fonts".into())
        .spawn(move || {
            if own_layout {
                all_system_fonts();
            } else {
                times_faces();
            }
        });
}

/// A system font, read from its file when typst first needs it.
struct SystemFont(&'static FontPath);

impl typst_kit::fonts::FontSource for SystemFont {
    fn load(&self) -> Option<Font> {
        self.0.load()
    }
}

/// The fonts typst may use: the embedded Liberation Serif, `--font-dir`s and system fonts (for
/// Times New Roman). Returns the store, the family the document is set in, and the characters
/// that family lacks. With the built-in layout and no character missing, the system fonts are
/// those named Times New Roman only: typst never looks further (nothing falls back), so the PDF is
/// the one the whole list gives, at a fraction of the cost.
fn fonts(doc: &ir::Document, ctx: &Context, own_layout: bool) -> (FontStore, String, Vec<char>) {
    let with = |system: &'static [(FontPath, FontInfo)]| {
        let mut store = FontStore::new();
        for data in [
            measure::REGULAR,
            measure::BOLD,
            measure::ITALIC,
            measure::BOLD_ITALIC,
        ] {
            for font in Font::iter(Bytes::new(data)) {
                let info = font.info().clone();
                store.push((font, info));
            }
        }
        for dir in &ctx.pdf.font_dirs {
            store.extend(typst_kit::fonts::scan(dir));
        }
        for (path, info) in system {
            store.push((SystemFont(path), info.clone()));
        }
        let has_times = store.book().contains_family(&TIMES.to_lowercase());
        let family = if has_times { TIMES } else { LIBERATION }.to_string();
        let missing = missing_glyphs(doc, &store, &family);
        (store, family, missing)
    };
    if !own_layout {
        let few = with(times_faces());
        if few.2.is_empty() {
            return few;
        }
    }
    with(all_system_fonts())
}

fn all_text(doc: &ir::Document) -> String {
    doc.texts()
        .into_iter()
        .map(|(_, t)| t)
        .collect::<Vec<_>>()
        .join("\n")
}

/// Characters of the document that the chosen font cannot draw: reported instead of being
/// silently replaced by another font.
fn missing_glyphs(doc: &ir::Document, store: &FontStore, family: &str) -> Vec<char> {
    let book = store.book();
    let Some(index) = book.select(&family.to_lowercase(), typst::text::FontVariant::default())
    else {
        return Vec::new();
    };
    let Some(font) = store.font(index) else {
        return Vec::new();
    };
    let Ok(face) = ttf_parser::Face::parse(font.data(), font.index()) else {
        return Vec::new();
    };
    // The word joiner is never drawn: the layout turns joined words into unbreakable boxes.
    let mut chars: Vec<char> = all_text(doc)
        .chars()
        .filter(|c| !c.is_control() && *c != dxplan_core::compose::JOIN)
        .collect();
    chars.sort_unstable();
    chars.dedup();
    chars
        .into_iter()
        .filter(|c| face.glyph_index(*c).is_none())
        .collect()
}

impl PdfRenderer {
    /// Layout template: the plan's `templates/layout.typ` if any, else the built-in one.
    fn layout(ctx: &Context) -> (String, String) {
        if let Some(dir) = &ctx.plan_dir {
            let p = dir.join(OWN_LAYOUT);
            // Only a regular file inside the plan (1 MiB at most); `check` reports a refused one.
            if let Ok(b) = dxplan_core::fsutil::read_in_plan(dir, &p, 1 << 20) {
                return (
                    String::from_utf8_lossy(&b).into_owned(),
                    OWN_LAYOUT.to_string(),
                );
            }
        }
        (LAYOUT.to_string(), "layout.typ (built-in)".to_string())
    }
}

impl Renderer for PdfRenderer {
    fn extension(&self) -> &'static str {
        "pdf"
    }
    fn render(
        &self,
        doc: &ir::Document,
        ctx: &Context,
        diags: &mut Vec<Diagnostic>,
    ) -> Result<Vec<u8>, RenderError> {
        render(doc, ctx, diags, false)
    }
}

/// The PDF of `doc`; `all_fonts`: with every system font listed, whatever the layout (the tests
/// compare that with the usual, shorter list).
fn render(
    doc: &ir::Document,
    ctx: &Context,
    diags: &mut Vec<Diagnostic>,
    all_fonts: bool,
) -> Result<Vec<u8>, RenderError> {
    let (layout, layout_name) = PdfRenderer::layout(ctx);
    // Only a plan's own layout has lines an author can go to, and may name any font.
    let own = layout_name == OWN_LAYOUT;
    let (fonts, family, missing) = fonts(doc, ctx, all_fonts || own);
    font_findings(&family, &missing, diags);
    let json = serde_json::to_vec(doc).map_err(|e| RenderError::of("PDF", e))?;
    let mut inputs = Dict::new();
    inputs.insert("font".into(), family.clone().into_value());
    let world = PlanWorld {
        library: LazyHash::new(Library::builder().with_inputs(inputs).build()),
        fonts,
        main: Source::new(file_id("/layout.typ"), layout.clone()),
        doc: Bytes::new(json),
        doc_id: file_id("/doc.json"),
    };
    let (result, world) = compile_bounded(world, own)?;
    let line_of = |d: &typst::diag::SourceDiagnostic| {
        world
            .range(d.span)
            .map(|r| layout[..r.start.min(layout.len())].matches('\n').count() + 1)
    };
    let describe = |d: &typst::diag::SourceDiagnostic| {
        let line = line_of(d)
            .map(|l| format!("{layout_name}:{l}: "))
            .unwrap_or_default();
        format!("{line}{}", d.message)
    };
    for w in result
        .warnings
        .iter()
        .filter(|w| w.severity == Severity::Warning)
    {
        let w = describe(w);
        diags.push(Diagnostic::of(&rules::LayoutWarning(w)));
    }
    let paged = result.output.map_err(|errs| {
        let mut e = RenderError::of(
            "PDF",
            errs.iter().map(describe).collect::<Vec<_>>().join("; "),
        );
        e.layout_line = errs.first().filter(|_| own).and_then(line_of);
        e
    })?;
    let options = pdf_options(doc, ctx)?;
    typst_pdf::pdf(&paged, &options).map_err(|errs| {
        RenderError::of(
            "PDF",
            errs.iter().map(describe).collect::<Vec<_>>().join("; "),
        )
    })
}

/// Compiles on a thread and gives up after [`COMPILE_LIMIT`] or past the memory budget
/// (`crate::memory`): a layout with endless loops or endless growth ends as an error (the thread
/// is left behind, asleep or spinning, and ends with the process), not a hung or killed CI job.
type Compiled = (
    typst::diag::Warned<typst::diag::SourceResult<PagedDocument>>,
    PlanWorld,
);

fn compile_bounded(world: PlanWorld, own: bool) -> Result<Compiled, RenderError> {
    let (tx, rx) = std::sync::mpsc::channel();
    let budget = crate::memory::Budget::new();
    let id = budget.id();
    std::thread::Builder::new()
        .name("typst".into())
        .spawn(move || {
            // Armed on this thread, so a compile left behind by the time limit stays bounded.
            let cause = if own {
                crate::memory::Cause::PlanLayout
            } else {
                crate::memory::Cause::BuiltinLayout
            };
            let _armed = budget.arm_for(crate::memory::layout_budget_mib(), cause);
            let result = typst::compile::<PagedDocument>(&world);
            let _ = tx.send((result, world));
        })
        .map_err(|e| RenderError::of("PDF", e))?;
    // DXPLAN_LAYOUT_TIMEOUT (seconds) shortens it, for tests.
    let limit = std::env::var("DXPLAN_LAYOUT_TIMEOUT")
        .ok()
        .and_then(|v| v.parse().ok())
        .map(std::time::Duration::from_secs)
        .unwrap_or(COMPILE_LIMIT);
    let start = std::time::Instant::now();
    // Polled, so that a compile over its memory budget is reported as soon as it is.
    loop {
        match rx.recv_timeout(std::time::Duration::from_millis(50)) {
            Ok(done) => return Ok(done),
            Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => {
                return Err(RenderError::new(msg!(
                    "không xuất được PDF: trình dựng trang (typst) dừng bất thường",
                    "cannot render PDF: the typesetter (typst) stopped abnormally"
                )));
            }
            Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {}
        }
        // The plan's own layout is named; with the built-in one, the plan itself is too large.
        if crate::memory::exceeded(id) {
            let mib = crate::memory::budget_mib();
            return Err(RenderError::new(if own {
                msg!(
                    "không xuất được PDF: bố cục (templates/layout.typ) cần quá {mib} MiB bộ nhớ (DXPLAN_LAYOUT_MEMORY)",
                    "cannot render PDF: the layout (templates/layout.typ) needs more than {mib} MiB of memory (DXPLAN_LAYOUT_MEMORY)"
                )
            } else {
                msg!(
                    "không xuất được PDF: kế hoạch quá lớn cho bố cục PDF của dxplan, cần quá {mib} MiB bộ nhớ (DXPLAN_LAYOUT_MEMORY); DOCX vẫn xuất được",
                    "cannot render PDF: the plan is too large for dxplan's PDF layout, it needs more than {mib} MiB of memory (DXPLAN_LAYOUT_MEMORY); DOCX still renders"
                )
            }));
        }
        if start.elapsed() >= limit {
            let secs = limit.as_secs();
            return Err(RenderError::new(if own {
                msg!(
                    "không xuất được PDF: bố cục (templates/layout.typ) chạy quá {secs} giây",
                    "cannot render PDF: the layout (templates/layout.typ) ran for more than {secs} s"
                )
            } else {
                msg!(
                    "không xuất được PDF: kế hoạch quá lớn cho bố cục PDF của dxplan (quá {secs} giây); DOCX vẫn xuất được",
                    "cannot render PDF: the plan is too large for dxplan's PDF layout (over {secs} s); DOCX still renders"
                )
            }));
        }
    }
}

/// The font the PDF is set in (information when it is the fallback) and the characters it lacks.
fn font_findings(family: &str, missing: &[char], diags: &mut Vec<Diagnostic>) {
    if family != TIMES {
        // Information, not a warning: the embedded font has the same metrics, so the pages are
        // the same; the officer only needs to know which font the PDF carries.
        diags.push(Diagnostic::of(&rules::FontFinding::Fallback {
            times: TIMES.into(),
            fallback: LIBERATION.into(),
        }));
    }
    if !missing.is_empty() {
        let list: String = missing
            .iter()
            .map(|c| format!(" U+{:04X} „{c}”", *c as u32))
            .collect();
        diags.push(Diagnostic::of(&rules::FontFinding::Missing {
            family: family.to_string(),
            list,
        }));
    }
}

/// typst's PDF options: the plan's title as identifier, the one embedded date, PDF/A when asked.
fn pdf_options(doc: &ir::Document, ctx: &Context) -> Result<typst_pdf::PdfOptions, RenderError> {
    let stamp = ctx.embedded_time(doc);
    let datetime = Datetime::from_ymd_hms(
        stamp.0,
        stamp.1 as u8,
        stamp.2 as u8,
        stamp.3 as u8,
        stamp.4 as u8,
        stamp.5 as u8,
    )
    .ok_or_else(|| RenderError::of("PDF", "bad timestamp"))?;
    let mut standards = Vec::new();
    if ctx.pdf.pdf_a {
        standards.push(typst_pdf::PdfStandard::A_2b);
    }
    Ok(typst_pdf::PdfOptions {
        ident: Smart::Custom(doc.title.clone()),
        creator: Smart::Custom(Some("dxplan".into())),
        timestamp: Some(typst_pdf::Timestamp::new_utc(datetime)),
        page_ranges: None,
        standards: typst_pdf::PdfStandards::new(&standards)
            .map_err(|e| RenderError::of("PDF", e.message()))?,
        tagged: !ctx.pdf.pdf_a,
        pretty: false,
    })
}

#[cfg(test)]
mod tests {
    /// With the built-in layout and every character in its family, the PDF set with only the
    /// Times New Roman faces of the system is the PDF the whole font list gives, byte for byte.
    #[test]
    fn the_short_font_list_sets_the_same_pdf() {
        let dir =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/tinh-ha-lam");
        let c = crate::compile(&dir, &dxplan_core::compose::Options { draft: false }).unwrap();
        let ctx = crate::Context::default();
        let (mut a, mut b) = (Vec::new(), Vec::new());
        let short = super::render(&c.doc, &ctx, &mut a, false).unwrap();
        let all = super::render(&c.doc, &ctx, &mut b, true).unwrap();
        assert!(short == all, "the PDFs differ");
        assert_eq!(a.len(), b.len());
    }
}
