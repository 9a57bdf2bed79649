//! Interop with real readers, installed by `.ci/run`: LibreOffice converts the DOCX, poppler and
//! qpdf read the PDFs, python-docx opens the DOCX. In CI (CI=true) a missing tool is a failure.

use crate::common;

use std::path::{Path, PathBuf};
use std::process::Command;

use dxplan_core::framework::Framework;
use unicode_normalization::UnicodeNormalization;

fn build(example: &str, format: &str, dir: &Path) -> PathBuf {
    build_dir(&common::example(example), example, format, dir)
}

/// Builds the plan at `plan` into `dir/name.format`.
fn build_dir(plan: &Path, name: &str, format: &str, dir: &Path) -> PathBuf {
    let out = dir.join(format!("{name}.{format}"));
    let o = common::dxplan()
        .args(["build"])
        .arg(plan)
        .args(["--format", format, "-o"])
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    out
}

fn run(cmd: &mut Command) -> String {
    let o = cmd.output().unwrap();
    assert!(
        o.status.success(),
        "{cmd:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout).unwrap()
}

/// Text with all whitespace runs collapsed, so wrapped headings still match.
fn flat(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn check_pdf_text(pdf: &Path, ministry: bool) {
    let text = run(Command::new("pdftotext").arg(pdf).arg("-"));
    // Document symbols never break across lines ("38/ | KH-UBND"), and the joiners that hold
    // them together are not part of the text.
    assert!(
        !text.contains('\u{2060}'),
        "{}: word joiner in the text",
        pdf.display()
    );
    for line in text.lines() {
        let last = line.split_whitespace().last().unwrap_or("");
        let core = last.trim_end_matches(['/', '-']);
        // A symbol has a digit or is upper case ("38/", "KH-"); "Mới/" in a narrow cell may break.
        let broken = last.len() > core.len()
            && core.chars().last().is_some_and(char::is_alphanumeric)
            && (core.chars().any(|c| c.is_ascii_digit()) || !core.chars().any(char::is_lowercase));
        assert!(!broken, "{}: a symbol broken after „{line}”", pdf.display());
    }
    assert_eq!(
        text.nfc().collect::<String>(),
        text,
        "pdftotext output is not NFC"
    );
    let flat = flat(&text);
    let fw = Framework::builtin("5406/BTTTT-CĐSQG").unwrap();
    let example = if ministry {
        "bo-hang-hai"
    } else {
        "tinh-ha-lam"
    };
    for h in common::printed_headings(&fw, example) {
        assert!(
            flat.contains(&flat_str(&h)),
            "{}: heading „{h}” not found",
            pdf.display()
        );
    }
    for l in [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "KẾ HOẠCH",
    ] {
        assert!(flat.contains(l), "{l}");
    }
    if !ministry {
        for l in [
            "Số: 215/KH-UBND",
            "Hà Lâm, ngày 07 tháng 12 năm 2022",
            "Nơi nhận:",
            "Trần Minh Khôi",
            "Phụ lục I",
            "Tổng cộng",
            "128.100,5",
        ] {
            assert!(flat.contains(l), "{}: „{l}” not found", pdf.display());
        }
    }
}

fn flat_str(s: &str) -> String {
    flat(s)
}

fn page_sizes(pdf: &Path) -> Vec<(f32, f32)> {
    let info = run(Command::new("pdfinfo")
        .args(["-f", "1", "-l", "999"])
        .arg(pdf));
    info.lines()
        .filter(|l| l.starts_with("Page") && l.contains("size:"))
        .map(|l| {
            let nums: Vec<f32> = l
                .split(':')
                .nth(1)
                .unwrap()
                .split_whitespace()
                .filter_map(|w| w.parse().ok())
                .collect();
            (nums[0], nums[1])
        })
        .collect()
}

fn pages(pdf: &Path) -> usize {
    page_sizes(pdf).len()
}

#[test]
#[cfg_attr(
    not(feature = "interop"),
    ignore = "needs qpdf, poppler: the interop feature"
)]
fn typst_pdf_with_qpdf_and_poppler() {
    if !(common::require_tool("qpdf")
        && common::require_tool("pdffonts")
        && common::require_tool("pdftotext"))
    {
        return;
    }
    if !cfg!(feature = "pdf") {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    for (ex, ministry) in [("tinh-ha-lam", false), ("bo-hang-hai", true)] {
        let pdf = build(ex, "pdf", tmp.path());
        run(Command::new("qpdf").arg("--check").arg(&pdf));
        let fonts = run(Command::new("pdffonts").arg(&pdf));
        let rows: Vec<&str> = fonts.lines().skip(2).collect();
        assert!(!rows.is_empty());
        for r in &rows {
            let cols: Vec<&str> = r.split_whitespace().collect();
            let n = cols.len();
            assert_eq!(cols[n - 5], "yes", "font not embedded: {r}");
            assert_eq!(cols[n - 4], "yes", "font not subset: {r}");
            assert!(
                r.contains("LiberationSerif") || r.contains("TimesNewRoman"),
                "{r}"
            );
        }
        check_pdf_text(&pdf, ministry);
        if ex == "tinh-ha-lam" {
            check_appendix_rule(&pdf, "typst");
        }
        // Portrait pages for the plan, landscape for the danh mục that follow it; the example's
        // own phụ lục (province) is portrait again.
        let sizes = page_sizes(&pdf);
        assert!(
            (sizes[0].0 - 595.0).abs() < 1.0 && (sizes[0].1 - 842.0).abs() < 1.0,
            "{sizes:?}"
        );
        assert!(
            sizes
                .iter()
                .all(|s| (s.0.max(s.1) - 842.0).abs() < 1.0 && (s.0.min(s.1) - 595.0).abs() < 1.0),
            "{sizes:?}"
        );
        let first_landscape = sizes.iter().position(|s| s.0 > s.1).unwrap();
        assert_eq!(
            orientations(&sizes),
            expected_orientations(ex),
            "{ex}: {sizes:?}"
        );
        check_page_numbers(&pdf, first_landscape + 1, sizes.len());
        check_totals_not_alone(&pdf, ex);
    }
}

/// The runs of page orientation, in order: "P" for portrait, "L" for landscape.
fn orientations(sizes: &[(f32, f32)]) -> String {
    let mut out = String::new();
    for s in sizes {
        let o = if s.0 > s.1 { 'L' } else { 'P' };
        if !out.ends_with(o) {
            out.push(o);
        }
    }
    out
}

/// The orientations the example's sections ask for, runs merged as in [`orientations`].
fn expected_orientations(example: &str) -> String {
    let c = dxplan_render::compile(
        &common::example(example),
        &dxplan_core::compose::Options { draft: false },
    )
    .unwrap();
    let sizes: Vec<(f32, f32)> = c
        .doc
        .sections
        .iter()
        .map(|s| if s.landscape { (2.0, 1.0) } else { (1.0, 2.0) })
        .collect();
    orientations(&sizes)
}

/// Every table's totals rows ("Tổng cộng", "Trong đó: …") sit on one page together with the row
/// before them (its STT cell), never alone at the top of a page.
fn check_totals_not_alone(pdf: &Path, example: &str) {
    let c = dxplan_render::compile(
        &common::example(example),
        &dxplan_core::compose::Options { draft: false },
    )
    .unwrap();
    let pages = pages(pdf);
    let page_words = |n: usize| -> Vec<String> {
        run(Command::new("pdftotext")
            .args(["-f", &n.to_string(), "-l", &n.to_string()])
            .arg(pdf)
            .arg("-"))
        .split_whitespace()
        .map(str::to_string)
        .collect()
    };
    let mut tables = 0;
    for s in &c.doc.sections {
        for b in &s.blocks {
            let dxplan_core::compose::ir::Block::Table(t) = b else {
                continue;
            };
            let Some(first) = t
                .rows
                .iter()
                .position(|r| r.kind == dxplan_core::compose::ir::RowKind::Total)
            else {
                continue;
            };
            tables += 1;
            let cell_text = |r: &dxplan_core::compose::ir::Row| -> String {
                let mut out = Vec::new();
                for cell in &r.cells {
                    for b in &cell.blocks {
                        if let dxplan_core::compose::ir::Block::Paragraph(p) = b {
                            out.push(p.runs.iter().map(|r| r.text.as_str()).collect::<String>());
                        }
                    }
                }
                out.join(" ")
            };
            let stt = cell_text(&t.rows[first - 1]);
            let stt = stt.split_whitespace().next().unwrap().to_string();
            let total = cell_text(&t.rows[first]);
            let amount = total.split_whitespace().last().unwrap().to_string();
            // The page that shows this table's total amount.
            let page = (1..=pages)
                .find(|&n| {
                    let w = page_words(n);
                    w.contains(&"Tổng".to_string()) && w.contains(&amount)
                })
                .unwrap_or_else(|| panic!("{}: no page with the total {amount}", pdf.display()));
            let words = page_words(page);
            assert!(
                words.contains(&stt),
                "{}: page {page} has the total {amount} but not the row before it ({stt})",
                pdf.display()
            );
            for r in &t.rows[first..] {
                let last = cell_text(r);
                let last = last.split_whitespace().last().unwrap().to_string();
                assert!(
                    words.contains(&last),
                    "{}: totals split across pages ({last} not on page {page})",
                    pdf.display()
                );
            }
        }
    }
    assert!(tables > 0, "{example}: no table with totals");
}

/// None on page 1, "2" on page 2; numbering restarts with the first phụ lục (page `appendix`,
/// 1-based), whose first page again has none.
fn check_page_numbers(pdf: &Path, appendix: usize, pages: usize) {
    let first_line = |n: usize| {
        let text = run(Command::new("pdftotext")
            .args(["-f", &n.to_string(), "-l", &n.to_string()])
            .arg(pdf)
            .arg("-"));
        text.lines()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("")
            .trim()
            .to_string()
    };
    assert_ne!(first_line(1), "1", "{}", pdf.display());
    assert_eq!(first_line(2), "2", "{}", pdf.display());
    let a = first_line(appendix);
    assert!(a.starts_with("Phụ lục"), "{}: {a}", pdf.display());
    if pages > appendix {
        assert_eq!(first_line(appendix + 1), "2", "{}", pdf.display());
    }
}

#[test]
#[cfg_attr(not(feature = "interop"), ignore = "needs qpdf: the interop feature")]
fn pdf_a_passes_qpdf() {
    if !cfg!(feature = "pdf") || !common::require_tool("qpdf") {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("a.pdf");
    let o = common::dxplan()
        .args(["build"])
        .arg(common::example("tinh-ha-lam"))
        .args(["--format", "pdf", "--pdf-standard", "a-2b", "-o"])
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0));
    run(Command::new("qpdf").arg("--check").arg(&out));
}

/// Words of a page with their boxes, in points: (text, x_min, y_min, x_max, y_max).
fn page_words(pdf: &Path, page: usize) -> Vec<(String, f32, f32, f32, f32)> {
    let page = page.to_string();
    let html = run(Command::new("pdftotext")
        .args(["-bbox", "-f", &page, "-l", &page])
        .arg(pdf)
        .arg("-"));
    let attr = |line: &str, name: &str| -> f32 {
        let start = line.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
        line[start..].split('"').next().unwrap().parse().unwrap()
    };
    html.lines()
        .filter(|l| l.trim_start().starts_with("<word "))
        .map(|l| {
            let text = l.split('>').nth(1).unwrap().split('<').next().unwrap();
            (
                text.to_string(),
                attr(l, "xMin"),
                attr(l, "yMin"),
                attr(l, "xMax"),
                attr(l, "yMax"),
            )
        })
        .collect()
}

/// The dark bands (their heights in pixels at 150 dpi) crossed by a vertical line through the
/// middle of the line ending in the word `above`, between it and the next word `below` further
/// down: a single rule gives one thin band, the old top-and-bottom borders gave two.
fn rule_bands(pdf: &Path, above: &str, below: &str) -> Vec<usize> {
    rule_scan(pdf, 1, above, below).1
}

/// On page `page`: the white pixel rows right above the first rule under the line ending in
/// `above`, across the whole width of the rule (a descender that touches it leaves none), and the
/// dark bands crossed down to the word `below`.
fn rule_scan(pdf: &Path, page: usize, above: &str, below: &str) -> (usize, Vec<usize>) {
    let words = page_words(pdf, page);
    let a = words
        .iter()
        .find(|w| w.0 == above)
        .unwrap_or_else(|| panic!("no „{above}” on page {page}"));
    let b = words
        .iter()
        .find(|w| w.0 == below && w.2 > a.4)
        .unwrap_or_else(|| panic!("no „{below}” under „{above}”"));
    let dir = tempfile::tempdir().unwrap();
    let stem = dir.path().join("p");
    let p = page.to_string();
    run(Command::new("pdftoppm")
        .args(["-f", &p, "-l", &p, "-r", "150", "-gray", "-singlefile"])
        .arg(pdf)
        .arg(&stem));
    let pgm = std::fs::read(stem.with_extension("pgm")).unwrap();
    // Binary PGM: "P5", width, height, maxval, each followed by one whitespace, then the pixels.
    let mut fields = Vec::new();
    let mut i = 0;
    while fields.len() < 4 {
        while pgm[i].is_ascii_whitespace() {
            i += 1;
        }
        let start = i;
        while !pgm[i].is_ascii_whitespace() {
            i += 1;
        }
        fields.push(String::from_utf8_lossy(&pgm[start..i]).into_owned());
    }
    let pixels = &pgm[i + 1..];
    let width: usize = fields[1].parse().unwrap();
    let px = |pt: f32| (pt * 150.0 / 72.0) as usize;
    // The rule is centred under the line that ends in `above`.
    // Walk left over the words of the same line while the gaps are word spaces, so the other
    // column of the header (at about the same height) is not taken for part of the line.
    let mut left = a.1;
    while let Some(w) = words
        .iter()
        .find(|w| (w.2 - a.2).abs() < 1.0 && w.3 < left && left - w.3 < 12.0)
    {
        left = w.1;
    }
    let x = px((left + a.3) / 2.0);
    let dark = |x: usize, y: usize| pixels[y * width + x] < 128;
    let mut bands = Vec::new();
    let mut top = None;
    let mut run_len = 0;
    for y in px(a.4) + 1..px(b.2) {
        if dark(x, y) {
            top.get_or_insert(y);
            run_len += 1;
        } else if run_len > 0 {
            bands.push(run_len);
            run_len = 0;
        }
    }
    if run_len > 0 {
        bands.push(run_len);
    }
    let Some(top) = top else {
        return (0, bands);
    };
    // The rule's extent on its first row, then the clear rows above it over that extent.
    let (mut l, mut r) = (x, x);
    while l > 0 && dark(l - 1, top) {
        l -= 1;
    }
    while r + 1 < width && dark(r + 1, top) {
        r += 1;
    }
    let clear = (1..=top)
        .take_while(|d| (l..=r).all(|x| !dark(x, top - d)))
        .count();
    (clear, bands)
}

/// The short rule under the italic "(Kèm theo Kế hoạch …)" line of a phụ lục page stands clear
/// of its descenders (g, y of "ngày"), in the PDF of either renderer (issue 20).
fn check_appendix_rule(pdf: &Path, what: &str) {
    let sizes = page_sizes(pdf);
    let page = sizes.iter().position(|s| s.0 > s.1).unwrap() + 1;
    let (clear, bands) = rule_scan(pdf, page, "Lâm)", "STT");
    assert!(!bands.is_empty(), "{what}: no rule under „(Kèm theo …)”");
    assert!(
        bands[0] <= 3,
        "{what}: rule under „(Kèm theo …)” {} px thick: it touches the line above",
        bands[0]
    );
    // 150 dpi: 3 px is 1.4 pt of white between the lowest descender and the rule.
    assert!(
        clear >= 3,
        "{what}: rule {clear} px under the descenders of „(Kèm theo …)”"
    );
}

#[test]
#[cfg_attr(
    not(feature = "interop"),
    ignore = "needs LibreOffice, poppler: the interop feature"
)]
fn libreoffice_converts_the_docx() {
    if !(common::require_tool("soffice")
        && common::require_tool("pdffonts")
        && common::require_tool("pdftotext")
        && common::require_tool("pdftoppm"))
    {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    for (ex, ministry) in [("tinh-ha-lam", false), ("bo-hang-hai", true)] {
        let docx = build(ex, "docx", tmp.path());
        let lo_dir = tmp.path().join(format!("lo-{ex}"));
        std::fs::create_dir_all(&lo_dir).unwrap();
        let pdf = common::soffice_to_pdf(&docx, &lo_dir);
        let fonts = run(Command::new("pdffonts").arg(&pdf));
        assert!(
            fonts.contains("LiberationSerif") || fonts.contains("TimesNewRoman"),
            "{fonts}"
        );
        check_pdf_text(&pdf, ministry);
        if ex == "tinh-ha-lam" {
            check_appendix_rule(&pdf, "LibreOffice");
        }
        // ND30's rules are single lines: one dark band under the issuer and one under the motto.
        // (The ministry's first page is its Quyết định, with số, place and date like a KH.)
        let rules = if ministry {
            [("THỦY", "Số:"), ("phúc", "Hà")]
        } else {
            [("LÂM", "Số:"), ("phúc", "Hà")]
        };
        for (above, below) in rules {
            let bands = rule_bands(&pdf, above, below);
            assert_eq!(
                bands.len(),
                1,
                "{ex}: rule under „{above}”: bands {bands:?}"
            );
            assert!(
                bands[0] <= 3,
                "{ex}: rule under „{above}” {} px thick",
                bands[0]
            );
        }
        let sizes = page_sizes(&pdf);
        let first_landscape = sizes.iter().position(|s| s.0 > s.1).unwrap();
        check_page_numbers(&pdf, first_landscape + 1, sizes.len());
        check_totals_not_alone(&pdf, ex);
        assert_eq!(
            orientations(&sizes),
            expected_orientations(ex),
            "{ex}: {sizes:?}"
        );
        // The typst PDF and LibreOffice's rendering of the DOCX agree on length within 10 %.
        if cfg!(feature = "pdf") {
            let typst_pdf = build(ex, "pdf", tmp.path());
            let (a, b) = (pages(&typst_pdf) as f32, pages(&pdf) as f32);
            assert!(
                (a - b).abs() / b <= 0.10,
                "{ex}: typst {a} pages, LibreOffice {b} pages"
            );
        }
    }
}

#[test]
#[cfg_attr(
    not(feature = "interop"),
    ignore = "needs python-docx: the interop feature"
)]
fn python_docx_sees_sections_and_orientation() {
    if !common::require_python_module("docx") {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let docx = build("tinh-ha-lam", "docx", tmp.path());
    let script = r#"
import sys, docx
d = docx.Document(sys.argv[1])
print(len(d.sections))
for s in d.sections:
    print(s.orientation, round(s.page_width.mm), round(s.page_height.mm), s.different_first_page_header_footer)
print(d.core_properties.title)
print(sum(1 for p in d.paragraphs if p.text.strip()))
"#;
    let out = run(Command::new("python3").args(["-c", script]).arg(&docx));
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "4");
    assert_eq!(lines[1], "PORTRAIT (0) 210 297 True");
    assert_eq!(lines[2], "LANDSCAPE (1) 297 210 True");
    assert_eq!(lines[3], "LANDSCAPE (1) 297 210 True");
    // The example's own phụ lục is set portrait (`orientation: doc`).
    assert_eq!(lines[4], "PORTRAIT (0) 210 297 True");
    assert_eq!(lines[5], "Kế hoạch Chuyển đổi số tỉnh Hà Lâm năm 2023");
    assert!(lines[6].parse::<usize>().unwrap() > 100);
}

/// Every word of the document, as a sorted list.
fn word_list<'a>(texts: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut w: Vec<String> = texts
        .flat_map(|t| t.split_whitespace())
        .map(|w| w.replace('\u{2060}', ""))
        .filter(|w| !w.is_empty())
        .collect();
    w.sort();
    w
}

/// Items of `a` not in `b`, as multisets (both sorted).
fn missing(a: &[String], b: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    let mut j = 0;
    for x in a {
        while j < b.len() && b[j] < *x {
            j += 1;
        }
        if j < b.len() && b[j] == *x {
            j += 1;
        } else {
            out.push(x.clone());
        }
    }
    out
}

/// The DOCX and the PDF carry the same words as the document IR: a line break inside a paragraph
/// separates words in both (it used to glue "29/6/2006;Căn" together in the DOCX).
#[test]
#[cfg_attr(
    not(feature = "interop"),
    ignore = "needs poppler: the interop feature"
)]
fn docx_and_pdf_carry_the_same_words() {
    if !cfg!(feature = "pdf") || !common::require_tool("pdftotext") {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    // The examples and the real-plan layouts (issue 20), each in a directory of its own.
    let mut plans: Vec<(String, PathBuf, Option<tempfile::TempDir>)> =
        ["tinh-ha-lam", "bo-hang-hai"]
            .into_iter()
            .map(|ex| (ex.to_string(), common::example(ex), None))
            .collect();
    for case in common::fixture::layouts() {
        let (_, dir) = common::fixture::materialise(&case);
        let name = case.file_stem().unwrap().to_string_lossy().into_owned();
        plans.push((name, dir.path().to_path_buf(), Some(dir)));
    }
    for (ex, plan, _keep) in &plans {
        let ex = ex.as_str();
        let c =
            dxplan_render::compile(plan, &dxplan_core::compose::Options { draft: false }).unwrap();
        let texts = c.doc.texts();
        let ir = word_list(texts.iter().map(|(_, t)| t.as_str()));
        // DOCX: the text of every paragraph of the body, a non-breaking hyphen read as "-".
        let docx = build_dir(plan, ex, "docx", tmp.path());
        let mut z = zip::ZipArchive::new(std::fs::File::open(&docx).unwrap()).unwrap();
        let mut xml = String::new();
        std::io::Read::read_to_string(&mut z.by_name("word/document.xml").unwrap(), &mut xml)
            .unwrap();
        let doc = roxmltree::Document::parse(&xml).unwrap();
        let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
        let paras: Vec<String> = doc
            .descendants()
            .filter(|n| n.has_tag_name((w, "p")))
            .map(|p| {
                p.descendants()
                    .filter_map(|n| {
                        if n.has_tag_name((w, "t")) {
                            n.text().map(str::to_string)
                        } else if n.has_tag_name((w, "noBreakHyphen")) {
                            Some("-".into())
                        } else if n.has_tag_name((w, "br")) {
                            Some(" ".into())
                        } else {
                            None
                        }
                    })
                    .collect()
            })
            .collect();
        let docx_words = word_list(paras.iter().map(String::as_str));
        assert_eq!(
            missing(&ir, &docx_words),
            Vec::<String>::new(),
            "{ex}: DOCX lacks"
        );
        assert_eq!(
            missing(&docx_words, &ir),
            Vec::<String>::new(),
            "{ex}: DOCX adds"
        );
        // PDF: every word is there. pdftotext drops a "-" that ends a line (it takes it for a
        // hyphenation) and a word broken after "/" in a narrow cell comes out as two, so both
        // sides are split after "/" and lone dashes are left out; the PDF may add page numbers
        // and the header rows it repeats on every page.
        let pdf = build_dir(plan, ex, "pdf", tmp.path());
        let text = run(Command::new("pdftotext").arg(&pdf).arg("-"));
        let split = |words: &[String]| {
            let mut out: Vec<String> = words
                .iter()
                .filter(|w| *w != "-")
                .flat_map(|w| {
                    w.split_inclusive('/')
                        .map(str::to_string)
                        .collect::<Vec<_>>()
                })
                .collect();
            out.sort();
            out
        };
        let pdf_words = split(&word_list(std::iter::once(text.as_str())));
        assert_eq!(
            missing(&split(&ir), &pdf_words),
            Vec::<String>::new(),
            "{ex}: PDF lacks"
        );
    }
}
