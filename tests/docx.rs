//! Read-back tests of the produced DOCX: open the package, parse its XML, and check the ND30 page
//! setup of every section, fonts and sizes of each kind of element, header and first-page settings,
//! the appendix table grid and repeated header row, and the text of every framework heading.

mod common;

use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};

use dxplan::framework::{Framework, Heading, SectionKind};

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

struct Docx {
    parts: HashMap<String, String>,
}

impl Docx {
    fn open(path: &Path) -> Docx {
        let f = std::fs::File::open(path).unwrap();
        let mut z = zip::ZipArchive::new(f).unwrap();
        let mut parts = HashMap::new();
        for i in 0..z.len() {
            let mut e = z.by_index(i).unwrap();
            let mut s = String::new();
            if e.read_to_string(&mut s).is_ok() {
                parts.insert(e.name().to_string(), s);
            }
        }
        Docx { parts }
    }
    fn part(&self, name: &str) -> &str {
        self.parts.get(name).unwrap_or_else(|| panic!("no {name}"))
    }
}

fn build(example: &Path, extra: &[&str]) -> (tempfile::TempDir, PathBuf) {
    let out = tempfile::tempdir().unwrap();
    let path = out.path().join("out.docx");
    common::dxplan()
        .args(["build"])
        .arg(example)
        .args(["--format", "docx", "-o"])
        .arg(&path)
        .args(extra)
        .assert()
        .code(0);
    (out, path)
}

fn attr<'a>(n: roxmltree::Node<'a, 'a>, name: &str) -> Option<&'a str> {
    n.attribute((W, name))
}

fn child<'a>(n: roxmltree::Node<'a, 'a>, name: &str) -> Option<roxmltree::Node<'a, 'a>> {
    n.children().find(|c| c.has_tag_name((W, name)))
}

/// Every paragraph: its text and, for its first run, (size in half-points, bold, italic).
fn paragraphs(doc: &roxmltree::Document) -> Vec<(String, Option<u32>, bool, bool)> {
    doc.descendants()
        .filter(|n| n.has_tag_name((W, "p")))
        .map(|p| {
            let text: String = p
                .descendants()
                .filter(|n| n.has_tag_name((W, "t")))
                .filter_map(|t| t.text())
                .collect();
            let rpr = p
                .children()
                .find(|c| c.has_tag_name((W, "r")))
                .and_then(|r| child(r, "rPr"));
            let sz = rpr
                .and_then(|r| child(r, "sz"))
                .and_then(|s| attr(s, "val"))
                .and_then(|v| v.parse().ok());
            let b = rpr.is_some_and(|r| child(r, "b").is_some());
            let i = rpr.is_some_and(|r| child(r, "i").is_some());
            (text, sz, b, i)
        })
        .collect()
}

/// (size in half-points, bold, italic) of the paragraph with exactly this text.
fn style(paras: &[(String, Option<u32>, bool, bool)], text: &str) -> (Option<u32>, bool, bool) {
    let p = paras
        .iter()
        .find(|p| p.0 == text)
        .unwrap_or_else(|| panic!("no paragraph „{text}”"));
    (p.1, p.2, p.3)
}

fn headings(fw: &Framework) -> Vec<String> {
    fn walk(h: &Heading, depth: usize, solutions: bool, out: &mut Vec<String>) {
        let title = if depth == 1 {
            h.title.to_uppercase()
        } else {
            h.title.clone()
        };
        out.push(format!("{}. {title}", h.number));
        if solutions {
            return; // the framework's example solution groups are not headings of the plan
        }
        for c in &h.children {
            walk(c, depth + 1, c.kind == Some(SectionKind::Solutions), out);
        }
    }
    let mut out = Vec::new();
    for p in &fw.parts {
        out.push(format!("Phần {}", p.number));
        out.push(p.title.to_uppercase());
        for c in &p.children {
            walk(c, 1, c.kind == Some(SectionKind::Solutions), &mut out);
        }
    }
    out
}

#[test]
fn province_plan_follows_nd30() {
    let (_tmp, path) = build(&common::example("tinh-ha-lam"), &[]);
    let d = Docx::open(&path);
    let xml = d.part("word/document.xml");
    let doc = roxmltree::Document::parse(xml).unwrap();

    // Sections: the plan in A4 portrait 25/20/35/20 mm, then two landscape phụ lục, each with
    // a different first page (no number on it) and numbering restarting at 1.
    let sects: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name((W, "sectPr")))
        .collect();
    assert_eq!(sects.len(), 3);
    for (i, s) in sects.iter().enumerate() {
        let pg = child(*s, "pgSz").unwrap();
        let mar = child(*s, "pgMar").unwrap();
        assert!(child(*s, "titlePg").is_some(), "section {i}: titlePg");
        assert!(
            child(*s, "headerReference").is_some(),
            "section {i}: header"
        );
        if i == 0 {
            assert_eq!(
                (attr(pg, "w"), attr(pg, "h")),
                (Some("11906"), Some("16838"))
            );
            assert_eq!(attr(mar, "top"), Some("1417"));
            assert_eq!(attr(mar, "bottom"), Some("1134"));
            assert_eq!(attr(mar, "left"), Some("1984"));
            assert_eq!(attr(mar, "right"), Some("1134"));
            assert!(child(*s, "pgNumType").is_none());
        } else {
            assert_eq!(
                (attr(pg, "w"), attr(pg, "h"), attr(pg, "orient")),
                (Some("16838"), Some("11906"), Some("landscape"))
            );
            assert_eq!(
                child(*s, "pgNumType").and_then(|p| attr(p, "start")),
                Some("1")
            );
        }
    }

    // Times New Roman for every script, 14 pt by default, black (no colour set anywhere).
    let styles = roxmltree::Document::parse(d.part("word/styles.xml")).unwrap();
    let fonts = styles
        .descendants()
        .find(|n| n.has_tag_name((W, "rFonts")))
        .unwrap();
    for a in ["ascii", "hAnsi", "eastAsia", "cs"] {
        assert_eq!(attr(fonts, a), Some("Times New Roman"), "{a}");
    }
    assert!(!xml.contains("<w:color "), "no coloured text");

    // The page number: a centred PAGE field of 14 pt in the default header.
    let header = d
        .parts
        .iter()
        .filter(|(k, _)| k.starts_with("word/header"))
        .map(|(_, v)| v)
        .find(|v| v.contains("PAGE"))
        .expect("a header with PAGE");
    assert!(header.contains(r#"<w:jc w:val="center" />"#), "{header}");
    assert!(header.contains(r#"<w:sz w:val="28" />"#));

    let paras = paragraphs(&doc);
    // Header block.
    assert_eq!(style(&paras, "ỦY BAN NHÂN DÂN"), (Some(26), true, false));
    assert_eq!(
        style(&paras, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        (Some(26), true, false)
    );
    assert_eq!(
        style(&paras, "Độc lập - Tự do - Hạnh phúc"),
        (Some(28), true, false)
    );
    assert_eq!(style(&paras, "Số: 215/KH-UBND"), (Some(26), false, false));
    assert_eq!(
        style(&paras, "Hà Lâm, ngày 07 tháng 12 năm 2022"),
        (Some(28), false, true)
    );
    assert_eq!(style(&paras, "KẾ HOẠCH"), (Some(28), true, false));
    assert_eq!(
        style(&paras, "Chuyển đổi số tỉnh Hà Lâm năm 2023"),
        (Some(28), true, false)
    );
    // Closing.
    assert_eq!(style(&paras, "Nơi nhận:"), (Some(24), true, true));
    assert_eq!(style(&paras, "- Lưu: VT, KGVX."), (Some(22), false, false));
    assert_eq!(
        style(&paras, "TM. ỦY BAN NHÂN DÂN"),
        (Some(28), true, false)
    );
    assert_eq!(style(&paras, "Trần Minh Khôi"), (Some(28), true, false));
    // Phụ lục.
    assert_eq!(style(&paras, "Phụ lục I"), (Some(28), true, false));
    assert_eq!(
        style(&paras, "DANH MỤC NHIỆM VỤ, DỰ ÁN CHUYỂN ĐỔI SỐ NĂM 2023"),
        (Some(28), true, false)
    );
    let attached = "(Kèm theo Kế hoạch số 215/KH-UBND ngày 07 tháng 12 năm 2022 của Ủy ban nhân dân tỉnh Hà Lâm)";
    assert_eq!(style(&paras, attached), (Some(28), false, true));
    // Body: justified, 14 pt, first line 1 cm (567 twips), at least 6 pt before.
    let body = doc
        .descendants()
        .filter(|n| n.has_tag_name((W, "p")))
        .find(|p| {
            p.descendants()
                .filter_map(|t| t.text())
                .collect::<String>()
                .starts_with("Năm 2022, tỉnh Hà Lâm")
        })
        .unwrap();
    let ppr = child(body, "pPr").unwrap();
    assert_eq!(child(ppr, "jc").and_then(|j| attr(j, "val")), Some("both"));
    assert_eq!(
        child(ppr, "ind").and_then(|j| attr(j, "firstLine")),
        Some("567")
    );
    let spacing = child(ppr, "spacing").unwrap();
    assert!(attr(spacing, "before").unwrap().parse::<u32>().unwrap() >= 120);
    let line: u32 = attr(spacing, "line").unwrap().parse().unwrap();
    assert!((240..=360).contains(&line), "line spacing {line}");

    // Every framework heading, exactly as the framework data has it.
    let fw = Framework::builtin("5406/BTTTT-CĐSQG").unwrap();
    let texts: Vec<&str> = paras.iter().map(|p| p.0.as_str()).collect();
    for h in headings(&fw) {
        assert!(texts.contains(&h.as_str()), "heading „{h}” missing");
    }
    // All text is NFC.
    use unicode_normalization::UnicodeNormalization;
    for t in &texts {
        assert_eq!(t.nfc().collect::<String>(), *t);
    }

    // The appendix table: a fixed grid filling the 252 mm landscape text width, a repeated header
    // row, group rows, Vietnamese amounts and the totals.
    let tables: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name((W, "tbl")))
        .collect();
    let appendix = tables
        .iter()
        .find(|t| t.descendants().any(|n| n.has_tag_name((W, "tblHeader"))))
        .expect("a table with tblHeader");
    let grid: Vec<u32> = appendix
        .descendants()
        .filter(|n| n.has_tag_name((W, "gridCol")))
        .map(|g| attr(g, "w").unwrap().parse().unwrap())
        .collect();
    assert_eq!(grid.len(), 9);
    let total: u32 = grid.iter().sum();
    assert!(
        (total as i32 - 14287).abs() <= 5,
        "grid {total} twips ≠ 252 mm"
    );
    let first_row = appendix
        .children()
        .find(|c| c.has_tag_name((W, "tr")))
        .unwrap();
    assert!(
        first_row
            .descendants()
            .any(|n| n.has_tag_name((W, "tblHeader")))
    );
    let layout = appendix
        .descendants()
        .find(|n| n.has_tag_name((W, "tblLayout")))
        .unwrap();
    assert_eq!(attr(layout, "type"), Some("fixed"));
    for t in [
        "STT",
        "Tên nhiệm vụ/dự án",
        "Đơn vị chủ trì",
        "Đơn vị phối hợp",
        "Mới/Chuyển tiếp",
        "Mục tiêu chính",
        "Thời gian triển khai",
        "Dự kiến tổng mức đầu tư (triệu đồng)",
        "Nguồn vốn",
        "Tổng cộng",
        "128.100,5",
        "7.250,5",
        "Trong đó: Ngân sách trung ương",
        "An toàn thông tin mạng",
    ] {
        assert!(texts.contains(&t), "„{t}” missing from the appendix");
    }
    // The signature row never splits.
    let sig = tables
        .iter()
        .find(|t| t.descendants().any(|n| n.text() == Some("Nơi nhận:")))
        .unwrap();
    assert!(sig.descendants().any(|n| n.has_tag_name((W, "cantSplit"))));
    // Core properties: title, no timestamp of today.
    let core = d.part("docProps/core.xml");
    assert!(
        core.contains("<dc:title>Kế hoạch Chuyển đổi số tỉnh Hà Lâm năm 2023</dc:title>"),
        "{core}"
    );
    assert!(core.contains("1980-01-01T00:00:00Z"), "{core}");
}

#[test]
fn ministry_plan_is_attached_to_a_decision() {
    let (_tmp, path) = build(&common::example("bo-hang-hai"), &[]);
    let d = Docx::open(&path);
    let doc = roxmltree::Document::parse(d.part("word/document.xml")).unwrap();
    let paras = paragraphs(&doc);
    let texts: Vec<&str> = paras.iter().map(|p| p.0.as_str()).collect();
    assert!(texts.contains(&"BỘ HÀNG HẢI VÀ ĐƯỜNG THỦY"));
    assert!(
        !texts.iter().any(|t| t.starts_with("Số:")),
        "no Số line on an attached plan"
    );
    assert!(
        !texts.contains(&"Nơi nhận:"),
        "no Nơi nhận on an attached plan"
    );
    let line = "(Kèm theo Quyết định số 1468/QĐ-BHHĐT ngày 09 tháng 12 năm 2022 của Bộ trưởng Bộ Hàng hải và Đường thủy)";
    assert_eq!(
        texts.iter().filter(|t| **t == line).count(),
        3,
        "under the title and on both phụ lục"
    );
    let fw = Framework::builtin("5406/BTTTT-CĐSQG").unwrap();
    for h in headings(&fw) {
        assert!(texts.contains(&h.as_str()), "heading „{h}” missing");
    }
    let sects = doc
        .descendants()
        .filter(|n| n.has_tag_name((W, "sectPr")))
        .count();
    assert_eq!(sects, 3);
}

#[test]
fn draft_mode_blanks_number_and_date() {
    let (_tmp, path) = build(&common::example("tinh-ha-lam"), &["--draft"]);
    let d = Docx::open(&path);
    let doc = roxmltree::Document::parse(d.part("word/document.xml")).unwrap();
    let texts: Vec<String> = paragraphs(&doc).into_iter().map(|p| p.0).collect();
    assert_eq!(texts[0], "DỰ THẢO");
    assert!(
        texts.contains(&"Số:       /KH-UBND".to_string()),
        "{texts:?}"
    );
    assert!(texts.contains(&"Hà Lâm, ngày      tháng      năm      ".to_string()));
    assert!(!texts.iter().any(|t| t.contains("215/KH-UBND")));
}

#[test]
fn same_input_same_bytes_and_source_date_epoch() {
    let (_a, p1) = build(&common::example("tinh-ha-lam"), &[]);
    let (_b, p2) = build(&common::example("tinh-ha-lam"), &[]);
    assert_eq!(std::fs::read(&p1).unwrap(), std::fs::read(&p2).unwrap());
    let out = tempfile::tempdir().unwrap();
    let p3 = out.path().join("x.docx");
    common::dxplan()
        .env("SOURCE_DATE_EPOCH", "1670371200")
        .args(["build"])
        .arg(common::example("tinh-ha-lam"))
        .arg("-o")
        .arg(&p3)
        .assert()
        .code(0);
    let core = Docx::open(&p3).part("docProps/core.xml").to_string();
    assert!(core.contains("2022-12-07T00:00:00Z"), "{core}");
    let zip = zip::ZipArchive::new(std::fs::File::open(&p3).unwrap()).unwrap();
    assert_eq!(zip.file_names().next(), Some("[Content_Types].xml"));
}

#[test]
fn refuses_on_errors_and_keeps_the_previous_output() {
    let dir = common::example_copy("tinh-ha-lam");
    let out = dir.path().join("build/kh.docx");
    common::dxplan()
        .args(["build"])
        .arg(dir.path())
        .arg("-o")
        .arg(&out)
        .assert()
        .code(0);
    let good = std::fs::read(&out).unwrap();
    std::fs::remove_file(dir.path().join("phan-2/13-giai-phap.yaml")).unwrap();
    let o = common::dxplan()
        .args(["build"])
        .arg(dir.path())
        .arg("-o")
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("DX020"));
    assert_eq!(
        std::fs::read(&out).unwrap(),
        good,
        "a refused build leaves the old file alone"
    );
    let o = common::dxplan()
        .args(["build", "--force"])
        .arg(dir.path())
        .arg("-o")
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--force"));
    assert_ne!(std::fs::read(&out).unwrap(), good);
    // No temporary files left behind.
    let leftovers: Vec<_> = std::fs::read_dir(dir.path().join("build"))
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().starts_with(".dxplan-"))
        .collect();
    assert!(leftovers.is_empty());
}

#[test]
fn default_output_path_is_named_after_the_document() {
    let dir = common::example_copy("tinh-ha-lam");
    common::dxplan()
        .args(["build"])
        .arg(dir.path())
        .assert()
        .code(0);
    assert!(
        dir.path()
            .join("build/ke-hoach-chuyen-doi-so-tinh-ha-lam-nam-2023.docx")
            .exists()
    );
}

#[test]
fn template_override_and_its_errors() {
    let dir = common::example_copy("tinh-ha-lam");
    std::fs::create_dir_all(dir.path().join("templates")).unwrap();
    std::fs::write(
        dir.path().join("templates/opening.txt"),
        "Căn cứ tình hình thực tế, {{ issuer }} ban hành Kế hoạch như sau:\n",
    )
    .unwrap();
    let out = dir.path().join("o.docx");
    common::dxplan()
        .args(["build"])
        .arg(dir.path())
        .arg("-o")
        .arg(&out)
        .assert()
        .code(0);
    let xml = Docx::open(&out).part("word/document.xml").to_string();
    assert!(xml.contains(
        "Căn cứ tình hình thực tế, Ủy ban nhân dân tỉnh Hà Lâm ban hành Kế hoạch như sau:"
    ));
    // An undefined variable is a located error, and nothing is written.
    std::fs::write(
        dir.path().join("templates/opening.txt"),
        "Dòng một\n{{ co_quan }} ban hành Kế hoạch.\n",
    )
    .unwrap();
    std::fs::remove_file(&out).unwrap();
    let o = common::dxplan()
        .args(["build"])
        .arg(dir.path())
        .arg("-o")
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("DX100") && err.contains("templates/opening.txt:2"),
        "{err}"
    );
    assert!(!out.exists());
}
