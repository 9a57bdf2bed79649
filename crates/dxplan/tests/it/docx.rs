//! Read-back tests of the produced DOCX: open the package, parse its XML, and check the ND30 page
//! setup of every section, fonts and sizes of each kind of element, header and first-page settings,
//! the appendix table grid and repeated header row, and the text of every framework heading.

use crate::common;

use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};

use dxplan_core::framework::{Framework, Heading, SectionKind};

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

/// On/off property as Word reads it: present and not "0"/"false".
fn on(n: Option<roxmltree::Node>) -> Option<bool> {
    n.map(|n| !matches!(attr(n, "val"), Some("0" | "false" | "off")))
}

/// The paragraph styles of a package, so tests read the formatting Word shows (direct formatting
/// over the paragraph's style over its `basedOn` chain over the document defaults), not only
/// what is written on the paragraph.
struct Styles<'a> {
    doc: roxmltree::Document<'a>,
}

impl<'a> Styles<'a> {
    fn parse(xml: &'a str) -> Self {
        Styles {
            doc: roxmltree::Document::parse(xml).unwrap(),
        }
    }

    fn style(&self, id: &str) -> Option<roxmltree::Node<'_, 'a>> {
        self.doc
            .descendants()
            .find(|n| n.has_tag_name((W, "style")) && attr(*n, "styleId") == Some(id))
    }

    /// The first value `get` finds in the style, its ancestors, then the document defaults.
    fn lookup<T>(&self, id: Option<&str>, get: impl Fn(roxmltree::Node) -> Option<T>) -> Option<T> {
        let mut id = id.map(str::to_string).or(Some("Normal".into()));
        let mut depth = 0;
        while let Some(i) = id {
            let s = self.style(&i)?;
            if let Some(v) = get(s) {
                return Some(v);
            }
            id = child(s, "basedOn")
                .and_then(|b| attr(b, "val"))
                .map(str::to_string);
            depth += 1;
            assert!(depth < 10, "basedOn loop at {i}");
        }
        let defaults = self
            .doc
            .descendants()
            .find(|n| n.has_tag_name((W, "docDefaults")))?;
        get(defaults)
    }

    /// A run property (`sz`, `b`, `i`, `rFonts`, `lang`) of a style as Word resolves it.
    fn run_prop<T>(
        &self,
        id: Option<&str>,
        get: impl Fn(roxmltree::Node) -> Option<T>,
    ) -> Option<T> {
        self.lookup(id, |s| {
            s.descendants()
                .find(|n| n.has_tag_name((W, "rPr")))
                .and_then(&get)
        })
    }

    /// A paragraph property (`jc`, `ind`, `spacing`, `outlineLvl` …) attribute of a paragraph:
    /// its own, else its style's.
    fn para_attr(&self, p: roxmltree::Node, prop: &str, name: &str) -> Option<String> {
        let ppr = child(p, "pPr");
        if let Some(v) = ppr.and_then(|x| child(x, prop)).and_then(|n| attr(n, name)) {
            return Some(v.to_string());
        }
        self.lookup(para_style(p), |s| {
            s.descendants()
                .find(|n| n.has_tag_name((W, "pPr")))
                .and_then(|x| child(x, prop))
                .and_then(|n| attr(n, name))
                .map(str::to_string)
        })
    }
}

/// A paragraph's text as a reader sees it: `w:t` pieces, a non-breaking hyphen as "-", and no
/// word joiners (they are invisible).
fn para_text(p: roxmltree::Node) -> String {
    p.descendants()
        .filter_map(|n| {
            if n.has_tag_name((W, "t")) {
                // Joiners are invisible; a no-break space reads as a space.
                n.text()
                    .map(|t| t.replace('\u{2060}', "").replace('\u{a0}', " "))
            } else if n.has_tag_name((W, "noBreakHyphen")) {
                Some("-".to_string())
            } else {
                None
            }
        })
        .collect()
}

fn para_style<'a>(p: roxmltree::Node<'a, 'a>) -> Option<&'a str> {
    child(p, "pPr")
        .and_then(|x| child(x, "pStyle"))
        .and_then(|s| attr(s, "val"))
}

/// Every paragraph: its text and, for its first run, (size in half-points, bold, italic) as Word
/// shows them.
fn paragraphs(
    doc: &roxmltree::Document,
    styles: &Styles,
) -> Vec<(String, Option<u32>, bool, bool)> {
    doc.descendants()
        .filter(|n| n.has_tag_name((W, "p")))
        .map(|p| {
            let text = para_text(p);
            let rpr = p
                .children()
                .find(|c| c.has_tag_name((W, "r")))
                .and_then(|r| child(r, "rPr"));
            let style = para_style(p);
            let sz = rpr
                .and_then(|r| child(r, "sz"))
                .and_then(|s| attr(s, "val"))
                .map(str::to_string)
                .or_else(|| {
                    styles.run_prop(style, |r| {
                        child(r, "sz")
                            .and_then(|s| attr(s, "val"))
                            .map(str::to_string)
                    })
                })
                .and_then(|v| v.parse().ok());
            let flag = |name: &str| {
                on(rpr.and_then(|r| child(r, name)))
                    .or_else(|| styles.run_prop(style, |r| on(child(r, name))))
                    .unwrap_or(false)
            };
            (text, sz, flag("b"), flag("i"))
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

/// (text, style id, outline level as Word resolves it) of every paragraph.
fn outline_levels(
    doc: &roxmltree::Document,
    styles: &Styles,
) -> Vec<(String, Option<String>, Option<u32>)> {
    doc.descendants()
        .filter(|n| n.has_tag_name((W, "p")))
        .map(|p| {
            let text = para_text(p);
            let level = styles
                .para_attr(p, "outlineLvl", "val")
                .and_then(|v| v.parse().ok());
            (text, para_style(p).map(str::to_string), level)
        })
        .collect()
}

/// Every framework heading of the plan body with its depth (I. = 1, 1. = 2, 1.1. = 3).
fn heading_depths(fw: &Framework) -> Vec<(String, u32)> {
    fn walk(h: &Heading, depth: u32, solutions: bool, out: &mut Vec<(String, u32)>) {
        let title = if depth == 1 {
            h.title.to_uppercase()
        } else {
            h.title.clone()
        };
        let title = dxplan_core::compose::typography(&title).replace('\u{a0}', " ");
        out.push((format!("{}. {title}", h.number), depth));
        if solutions {
            return;
        }
        for c in &h.children {
            walk(c, depth + 1, c.kind == Some(SectionKind::Solutions), out);
        }
    }
    let mut out = Vec::new();
    for p in &fw.parts {
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
    // Word does not stretch a justified line that ends in a manual line break (issue 20).
    assert!(
        d.part("word/settings.xml")
            .contains("<w:doNotExpandShiftReturn/>")
    );

    // Sections: the plan in A4 portrait 25/20/35/20 mm, then two landscape phụ lục, each with
    // a different first page (no number on it) and numbering restarting at 1.
    let sects: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name((W, "sectPr")))
        .collect();
    // The plan, two landscape danh mục, and the example's own phụ lục, set portrait.
    assert_eq!(sects.len(), 4);
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
            let want = if i == 3 {
                (Some("11906"), Some("16838"), None)
            } else {
                (Some("16838"), Some("11906"), Some("landscape"))
            };
            assert_eq!(
                (attr(pg, "w"), attr(pg, "h"), attr(pg, "orient")),
                want,
                "section {i}"
            );
            assert_eq!(
                child(*s, "pgNumType").and_then(|p| attr(p, "start")),
                Some("1")
            );
        }
    }

    // Times New Roman for every script, 14 pt by default, Vietnamese, black (no colour set
    // anywhere); every style resolves to Times New Roman.
    let styles = Styles::parse(d.part("word/styles.xml"));
    let defaults = styles
        .doc
        .descendants()
        .find(|n| n.has_tag_name((W, "rPrDefault")))
        .unwrap();
    let fonts = defaults
        .descendants()
        .find(|n| n.has_tag_name((W, "rFonts")))
        .unwrap();
    for a in ["ascii", "hAnsi", "eastAsia", "cs"] {
        assert_eq!(attr(fonts, a), Some("Times New Roman"), "{a}");
    }
    let lang = defaults
        .descendants()
        .find(|n| n.has_tag_name((W, "lang")))
        .expect("w:lang in the defaults");
    assert_eq!(attr(lang, "val"), Some("vi-VN"));
    for s in styles
        .doc
        .descendants()
        .filter(|n| n.has_tag_name((W, "style")) && attr(*n, "type") == Some("paragraph"))
    {
        let id = attr(s, "styleId").unwrap();
        for a in ["ascii", "hAnsi", "eastAsia", "cs"] {
            let font = styles.run_prop(Some(id), |r| {
                child(r, "rFonts")
                    .and_then(|f| attr(f, a))
                    .map(str::to_string)
            });
            assert_eq!(font.as_deref(), Some("Times New Roman"), "style {id}: {a}");
        }
        assert_eq!(
            styles
                .run_prop(Some(id), |r| child(r, "lang")
                    .and_then(|l| attr(l, "val"))
                    .map(str::to_string))
                .as_deref(),
            Some("vi-VN"),
            "style {id}"
        );
    }
    assert!(!xml.contains("<w:color "), "no coloured text");
    assert!(!xml.contains("w:val=\"true\"") && !xml.contains("w:val=\"false\""));
    // Rules are one line: no paragraph has both a top and a bottom border (the DỰ THẢO box
    // aside, which a final plan does not have).
    for p in doc.descendants().filter(|n| n.has_tag_name((W, "pBdr"))) {
        assert!(
            !(child(p, "top").is_some() && child(p, "bottom").is_some()),
            "a paragraph with top and bottom borders"
        );
    }

    // The page number: a centred PAGE field of 14 pt in the default header.
    let header = d
        .parts
        .iter()
        .filter(|(k, _)| k.starts_with("word/header"))
        .map(|(_, v)| v)
        .find(|v| v.contains("PAGE"))
        .expect("a header with PAGE");
    let hdr = roxmltree::Document::parse(header).unwrap();
    let hp = hdr
        .descendants()
        .find(|n| n.has_tag_name((W, "p")))
        .unwrap();
    assert_eq!(
        styles.para_attr(hp, "jc", "val").as_deref(),
        Some("center"),
        "{header}"
    );
    // 14 pt: the document default unless a run says otherwise.
    let sizes: Vec<&str> = hdr
        .descendants()
        .filter(|n| n.has_tag_name((W, "sz")))
        .filter_map(|n| attr(n, "val"))
        .collect();
    assert!(sizes.iter().all(|s| *s == "28"), "{header}");
    assert!(header.contains("PAGE"));
    // Every section: a first-page header of its own that is empty (ND30: no number on page 1).
    for s in &sects {
        let first = s
            .children()
            .find(|c| c.has_tag_name((W, "headerReference")) && attr(*c, "type") == Some("first"));
        assert!(first.is_some(), "a first-page header in every section");
    }

    let paras = paragraphs(&doc, &styles);
    // Every framework heading is a heading style with its outline level: I. → 0, 1. → 1,
    // 1.1. → 2 (Word's Navigation pane and a table of contents list them).
    let fw = Framework::builtin("5406/BTTTT-CĐSQG").unwrap();
    let levels = outline_levels(&doc, &styles);
    for (h, depth) in heading_depths(&fw) {
        let level = levels
            .iter()
            .find(|(t, _, _)| *t == h)
            .unwrap_or_else(|| panic!("heading „{h}” missing"));
        assert_eq!(level.2, Some(depth - 1), "„{h}”: outline level");
        assert_eq!(
            level.1.as_deref(),
            Some(format!("Heading{depth}").as_str()),
            "„{h}”: style"
        );
    }
    // Lettered target groups are the fourth level.
    assert!(
        levels.iter().any(|(t, s, l)| t.starts_with("a) ")
            && s.as_deref() == Some("Heading4")
            && *l == Some(3)),
        "a lettered group at outline level 3"
    );
    // Body text carries no outline level.
    assert!(
        levels
            .iter()
            .filter(|(t, _, _)| t.starts_with("Năm 2022, tỉnh Hà Lâm"))
            .all(|(_, _, l)| l.is_none())
    );
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
    assert_eq!(para_style(body), Some("BodyText"));
    assert_eq!(styles.para_attr(body, "jc", "val").as_deref(), Some("both"));
    assert_eq!(
        styles.para_attr(body, "ind", "firstLine").as_deref(),
        Some("567")
    );
    let before: u32 = styles
        .para_attr(body, "spacing", "before")
        .unwrap()
        .parse()
        .unwrap();
    assert!(before >= 120);
    let line: u32 = styles
        .para_attr(body, "spacing", "line")
        .unwrap()
        .parse()
        .unwrap();
    assert!((240..=360).contains(&line), "line spacing {line}");

    // Every framework heading, exactly as the framework data has it.
    let texts: Vec<&str> = paras.iter().map(|p| p.0.as_str()).collect();
    for h in common::printed_headings(&fw, "tinh-ha-lam") {
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
        .find(|t| {
            t.descendants().any(|n| n.has_tag_name((W, "tblHeader")))
                && t.descendants().any(|n| {
                    n.text().map(|x| x.replace('\u{2060}', "")).as_deref()
                        == Some("Tên nhiệm vụ/dự án")
                })
        })
        .expect("the danh mục table with tblHeader");
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
    // Core properties: title, the issuing body, Vietnamese, dated the plan's own date at 00:00
    // (never the time of the build).
    let core = d.part("docProps/core.xml");
    assert!(
        core.contains("<dc:title>Kế hoạch Chuyển đổi số tỉnh Hà Lâm năm 2023</dc:title>"),
        "{core}"
    );
    assert!(
        core.contains("<dc:creator>Ủy ban nhân dân tỉnh Hà Lâm</dc:creator>"),
        "{core}"
    );
    assert!(core.contains("<dc:language>vi-VN</dc:language>"), "{core}");
    assert!(
        core.contains(r#"<dcterms:created xsi:type="dcterms:W3CDTF">2022-12-07T00:00:00Z"#),
        "{core}"
    );
    assert!(
        core.contains(r#"<dcterms:modified xsi:type="dcterms:W3CDTF">2022-12-07T00:00:00Z"#),
        "{core}"
    );
}

#[test]
fn ministry_plan_is_attached_to_a_decision() {
    let (_tmp, path) = build(&common::example("bo-hang-hai"), &[]);
    let d = Docx::open(&path);
    let doc = roxmltree::Document::parse(d.part("word/document.xml")).unwrap();
    let styles = Styles::parse(d.part("word/styles.xml"));
    let paras = paragraphs(&doc, &styles);
    let texts: Vec<&str> = paras.iter().map(|p| p.0.as_str()).collect();
    let at = |t: &str| {
        texts
            .iter()
            .position(|x| *x == t)
            .unwrap_or_else(|| panic!("„{t}” missing"))
    };
    // The Quyết định first (ND30 mẫu 1.3, quyet-dinh-ban-hanh.md §2): its own Số and date, QUYẾT
    // ĐỊNH and the trích yếu "Ban hành …", the authority line in bold capitals, italic căn cứ each
    // ending ";", "Theo đề nghị của …." ending ".", "QUYẾT ĐỊNH:", Điều 1–3 with only "Điều N."
    // bold and the last ending "./.", Nơi nhận opening with "Như Điều 3".
    assert_eq!(texts.iter().filter(|t| t.starts_with("Số:")).count(), 1);
    assert!(texts.contains(&"Số: 1468/QĐ-BHHĐT"));
    assert!(texts.contains(&"Hà Nội, ngày 09 tháng 12 năm 2022"));
    let (qd, authority, decides) = (
        at("QUYẾT ĐỊNH"),
        at("BỘ TRƯỞNG BỘ HÀNG HẢI VÀ ĐƯỜNG THỦY"),
        at("QUYẾT ĐỊNH:"),
    );
    assert!(qd < authority && authority < decides);
    assert_eq!(
        texts[qd + 1],
        "Ban hành Kế hoạch Chuyển đổi số của Bộ Hàng hải và Đường thủy năm 2023"
    );
    assert_eq!(
        style(&paras, "BỘ TRƯỞNG BỘ HÀNG HẢI VÀ ĐƯỜNG THỦY"),
        (Some(28), true, false)
    );
    let grounds: Vec<&(String, Option<u32>, bool, bool)> = paras[authority + 1..decides]
        .iter()
        .filter(|p| !p.0.is_empty())
        .collect();
    assert!(grounds.len() >= 2);
    for (i, g) in grounds.iter().enumerate() {
        assert!(g.3, "căn cứ in italic: {}", g.0);
        if i + 1 == grounds.len() {
            assert!(
                g.0.starts_with("Theo đề nghị của ") && g.0.ends_with('.'),
                "{}",
                g.0
            );
        } else {
            assert!(g.0.starts_with("Căn cứ ") && g.0.ends_with(';'), "{}", g.0);
        }
    }
    let articles: Vec<&&str> = texts[decides..]
        .iter()
        .filter(|t| t.starts_with("Điều "))
        .collect();
    assert_eq!(articles.len(), 3, "{articles:?}");
    assert!(articles[0].starts_with("Điều 1. Ban hành kèm theo Quyết định này Kế hoạch"));
    assert!(articles[2].ends_with("./."), "{}", articles[2]);
    assert!(
        style(&paras, articles[1]).1,
        "„Điều 2.” is bold (first run)"
    );
    assert_eq!(texts.iter().filter(|t| **t == "Nơi nhận:").count(), 1);
    assert_eq!(texts[at("Nơi nhận:") + 1], "- Như Điều 3;");
    assert!(texts.contains(&"KT. BỘ TRƯỞNG") && texts.contains(&"THỨ TRƯỞNG"));

    // Then the plan: no Số line and no Nơi nhận of its own, "(Kèm theo Quyết định …)" under its
    // title and on each of its three phụ lục.
    let line = "(Kèm theo Quyết định số 1468/QĐ-BHHĐT ngày 09 tháng 12 năm 2022 của Bộ trưởng Bộ Hàng hải và Đường thủy)";
    assert_eq!(texts.iter().filter(|t| **t == line).count(), 4);
    assert!(
        at("KẾ HOẠCH") > at("- Như Điều 3;"),
        "the plan follows the decision"
    );
    let fw = Framework::builtin("5406/BTTTT-CĐSQG").unwrap();
    for h in common::printed_headings(&fw, "bo-hang-hai") {
        assert!(texts.contains(&h.as_str()), "heading „{h}” missing");
    }
    // The decision, the plan (numbered again from 1), three phụ lục.
    let sects: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name((W, "sectPr")))
        .collect();
    assert_eq!(sects.len(), 5);
    assert_eq!(
        child(sects[1], "pgNumType").and_then(|p| attr(p, "start")),
        Some("1")
    );
}

#[test]
fn the_decision_alone() {
    let (_tmp, path) = build(
        &common::example("bo-hang-hai"),
        &["--document", "quyet-dinh"],
    );
    let d = Docx::open(&path);
    let doc = roxmltree::Document::parse(d.part("word/document.xml")).unwrap();
    let styles = Styles::parse(d.part("word/styles.xml"));
    let texts: Vec<String> = paragraphs(&doc, &styles).into_iter().map(|p| p.0).collect();
    assert!(texts.contains(&"QUYẾT ĐỊNH:".to_string()));
    assert!(
        !texts.contains(&"KẾ HOẠCH".to_string()),
        "the decision alone"
    );
}

#[test]
fn draft_mode_blanks_number_and_date() {
    let (_tmp, path) = build(&common::example("tinh-ha-lam"), &["--draft"]);
    let d = Docx::open(&path);
    let doc = roxmltree::Document::parse(d.part("word/document.xml")).unwrap();
    let styles = Styles::parse(d.part("word/styles.xml"));
    let texts: Vec<String> = paragraphs(&doc, &styles).into_iter().map(|p| p.0).collect();
    assert_eq!(texts[0], "DỰ THẢO");
    // A draft has no date of its own: its metadata keeps the fixed 1980 date.
    assert!(d.part("docProps/core.xml").contains("1980-01-01T00:00:00Z"));
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
