//! `dxplan import` (issue 21, first step): a Word plan in, a plan directory out. dxplan's own DOCX
//! of both examples imports with its metadata and every word kept; a clerk's file with direct
//! formatting and Word's automatic numbering is placed on the framework; hostile files end with a
//! one-line error and nothing written.

use crate::common;

use std::collections::BTreeSet;
use std::io::Write;
use std::path::Path;

/// Words as a reader counts them; an amount is one word whatever its thousands separators
/// ("13.650" in the table, 13650 in the YAML).
fn words(text: &str) -> BTreeSet<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut joined = String::with_capacity(text.len());
    for (i, c) in chars.iter().enumerate() {
        let digit = |j: usize| chars.get(j).is_some_and(char::is_ascii_digit);
        if *c == '.' && i > 0 && digit(i - 1) && (1..=3).all(|k| digit(i + k)) && !digit(i + 4) {
            continue;
        }
        joined.push(*c);
    }
    joined
        .split(|c: char| !c.is_alphanumeric())
        // One-letter tokens and row numbers (STT: dxplan numbers the danh mục itself) aside.
        .filter(|w| {
            w.chars().count() > 1 && !(w.len() <= 2 && w.chars().all(|c| c.is_ascii_digit()))
        })
        .map(str::to_lowercase)
        .collect()
}

fn all_text(dir: &Path) -> String {
    let mut s = String::new();
    for e in walkdir::WalkDir::new(dir) {
        let e = e.unwrap();
        if e.file_type().is_file() && e.path().extension().is_none_or(|x| x != "json") {
            s.push_str(&std::fs::read_to_string(e.path()).unwrap_or_default());
            s.push('\n');
        }
    }
    s
}

fn import(docx: &Path, out: &Path, level: &str) -> std::process::Output {
    common::dxplan()
        .arg("import")
        .arg(docx)
        .arg("-o")
        .arg(out)
        .args(["--level", level])
        .output()
        .unwrap()
}

#[test]
fn dxplan_own_docx_imports_with_its_metadata_and_every_word() {
    let tmp = tempfile::tempdir().unwrap();
    for (ex, level) in [("tinh-ha-lam", "tinh"), ("bo-hang-hai", "bo")] {
        let docx = tmp.path().join(format!("{ex}.docx"));
        common::build_docx(&common::example(ex), &docx);
        let out = tmp.path().join(ex);
        let o = import(&docx, &out, level);
        assert_eq!(o.status.code(), Some(0), "{ex}: {o:?}");
        let original = dxplan_core::compile(
            &common::example(ex),
            &dxplan_core::compose::Options { draft: false },
        )
        .unwrap();
        let imported =
            dxplan_core::compile(&out, &dxplan_core::compose::Options { draft: false }).unwrap();
        let (a, b) = (
            original.plan.config.as_ref().unwrap(),
            imported.plan.config.as_ref().unwrap(),
        );
        let names = |c: &dxplan_core::model::ConfigFile| {
            c.issuer
                .name
                .iter()
                .map(|n| n.value.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(names(a), names(b), "{ex}");
        assert_eq!(a.issuer.full_name.value, b.issuer.full_name.value, "{ex}");
        assert_eq!(a.document.title.value, b.document.title.value, "{ex}");
        assert_eq!(a.document.symbol.value, b.document.symbol.value, "{ex}");
        let issue = |p: &dxplan_core::model::Plan| {
            let i = p.issue(dxplan_core::model::DocKind::Plan);
            (i.number_symbol(false), i.on().map(|d| d.short()))
        };
        assert_eq!(issue(&original.plan), issue(&imported.plan), "{ex}");
        // The danh mục comes back as projects, with the same total.
        let total = |p: &dxplan_core::model::Plan| -> f64 {
            p.projects().filter_map(|(_, x)| x.amount()).sum()
        };
        assert_eq!(
            original.plan.projects().count(),
            imported.plan.projects().count(),
            "{ex}"
        );
        assert!(
            (total(&original.plan) - total(&imported.plan)).abs() < 0.01,
            "{ex}"
        );
        // Targets and tasks come back one for one.
        assert_eq!(
            original.plan.targets().count(),
            imported.plan.targets().count(),
            "{ex}"
        );
        assert_eq!(
            original.plan.tasks().count(),
            imported.plan.tasks().count(),
            "{ex}"
        );
        // Every file reads: no syntax, schema or unknown-section finding.
        let codes: Vec<&str> = imported.diags.iter().map(|d| d.rule.code).collect();
        for bad in [
            "DX001", "DX005", "DX010", "DX011", "DX012", "DX022", "DX025", "DX028", "DX099",
        ] {
            assert!(!codes.contains(&bad), "{ex}: {bad} in {codes:?}");
        }
        let lost = lost_words(&docx, &out, &imported.plan);
        assert!(lost.is_empty(), "{ex}: words not imported: {lost:?}");
    }
}

/// The words of a DOCX's body that an import into `out` did not keep: not in the plan directory
/// (chua-xep.md included), and not the framework's headings or ND30's wording that dxplan prints
/// itself.
pub fn lost_words(docx: &Path, out: &Path, plan: &dxplan_core::model::Plan) -> Vec<String> {
    // Nothing lost: every word of the DOCX is in the plan directory, or is the framework's
    // heading or ND30's fixed wording that dxplan prints itself.
    let doc = dxplan_import::docx::read(&std::fs::read(docx).unwrap()).unwrap();
    let mut docx_text = String::new();
    for b in &doc.blocks {
        match b {
            dxplan_import::docx::Block::Para(p) => docx_text.push_str(&p.text),
            dxplan_import::docx::Block::Table(t) => {
                for c in t.rows.iter().flatten() {
                    docx_text.push_str(c);
                    docx_text.push(' ');
                }
            }
        }
        docx_text.push('\n');
    }
    let mut known = words(&all_text(out));
    for (key, title) in plan.framework.heading_keys() {
        known.extend(words(title));
        known.extend(words(&key.replace('.', " ")));
    }
    for p in &plan.framework.evaluation_points {
        known.extend(words(&p.label));
    }
    // A căn cứ line read back to a registry document's short form is printed from the registry.
    for r in &plan.framework.citations {
        known.extend(words(&format!(
            "{} {} {} {}",
            r.doc_type, r.issuer, r.title, r.date
        )));
    }
    // The phụ lục of priority tasks is generated again: its words are the framework's.
    for p in &plan.framework.priority_tasks {
        known.extend(words(&p.text));
    }
    known.extend(words(
        "STT Nhiệm vụ trọng tâm dự án thực hiện Tình trạng Chưa có \
         Tên Mục tiêu Tổng mức đầu tư Nguồn vốn Thời gian Hiệu quả hiện trạng Chi tiết tại",
    ));
    known.extend(words(
        "KẾ HOẠCH QUYẾT ĐỊNH CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập Tự do Hạnh phúc Số Phần Phụ lục \
         Nơi nhận Như Điều Kèm theo Ban hành kèm theo Quyết định này Kế hoạch \
         Đơn vị chủ trì phối hợp thời gian thực hiện sản phẩm",
    ));
    words(&docx_text).difference(&known).cloned().collect()
}

/// What the page says of a plan's items, and what the check finds: the round trip's measure. Ids
/// are left out only where the page cannot carry them (the file's record gives them back).
fn model(p: &dxplan_core::model::Plan) -> Vec<String> {
    // Words as the page shows them: a YAML block's line wraps are spaces.
    let t = |x: &dxplan_core::model::types::Text| {
        x.value
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .trim_end_matches('.')
            // dxplan prints „…” as “…”.
            .replace('„', "“")
    };
    let o = |x: &Option<dxplan_core::model::types::Text>| x.as_ref().map(t);
    let mut out = Vec::new();
    for s in &p.sections {
        out.push(format!("section {}", s.slug));
    }
    for (_, x) in p.targets() {
        out.push(format!(
            "target {} {:?} {} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?}",
            t(&x.id),
            o(&x.group),
            t(&x.text),
            o(&x.indicator),
            x.value.as_ref().map(|v| v.value),
            o(&x.unit),
            o(&x.qualifier),
            x.digits.as_ref().map(|v| v.value),
            x.levels
                .iter()
                .map(|l| (t(&l.level), l.value.value))
                .collect::<Vec<_>>(),
            o(&x.display),
            o(&x.deadline),
            o(&x.metric),
            x.priority_tasks.iter().map(t).collect::<Vec<_>>(),
        ));
    }
    for (s, x) in p.tasks() {
        out.push(format!(
            "task {} {} {} {:?} {:?} {} {:?} {} {:?} {:?} {:?}",
            s.slug,
            t(&x.id),
            t(&x.title),
            o(&x.content),
            o(&x.item),
            t(&x.lead),
            x.cooperating.iter().map(t).collect::<Vec<_>>(),
            t(&x.timeframe),
            o(&x.product),
            x.priority_tasks.iter().map(t).collect::<Vec<_>>(),
            o(&x.metric),
        ));
    }
    for (_, x) in p.projects() {
        out.push(format!(
            "project {} {} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?}",
            t(&x.id),
            t(&x.name),
            o(&x.lead),
            x.cooperating.iter().map(t).collect::<Vec<_>>(),
            x.status.as_ref().map(|s| format!("{:?}", s.value)),
            o(&x.timeframe),
            x.amount(),
            o(&x.funding),
            x.tasks.iter().map(t).collect::<Vec<_>>(),
            x.priority_tasks.iter().map(t).collect::<Vec<_>>(),
        ));
    }
    for (id, reason) in p.not_applicable() {
        out.push(format!("not applicable {id} {reason}"));
    }
    use dxplan_core::model::Content;
    let amount = |a: &dxplan_core::model::types::Amount| format!("{a:?}");
    for s in &p.sections {
        match &s.content {
            Content::Budget(b) => out.push(format!(
                "budget {:?} {:?}",
                b.total.as_ref().map(|x| amount(&x.value)),
                b.by_source
                    .iter()
                    .map(|x| (t(&x.source), amount(&x.amount.value)))
                    .collect::<Vec<_>>()
            )),
            Content::EvaluationBudget(e) => {
                out.push(format!(
                    "budget share {:?}",
                    e.budget_share.as_ref().map(|x| x.value)
                ));
                for x in &e.projects {
                    out.push(format!(
                        "past project {} {:?} {:?} {:?} {:?} {:?}",
                        t(&x.name),
                        o(&x.objective),
                        x.investment.as_ref().map(|a| amount(&a.value)),
                        o(&x.funding),
                        o(&x.timeframe),
                        o(&x.status),
                    ));
                }
            }
            Content::Solutions(x) => {
                for y in &x.solutions {
                    out.push(format!("solution {} {}", t(&y.title), t(&y.text)));
                }
            }
            Content::Organization(x) => {
                for y in &x.responsibilities {
                    out.push(format!("responsibility {} {}", t(&y.unit), t(&y.text)));
                }
            }
            _ => {}
        }
    }
    // Order aside: the page prints a section's loose tasks before its items' (the import reads
    // them in page order), and files are read by name.
    out.sort();
    out
}

fn findings(c: &dxplan_core::Compiled) -> Vec<String> {
    let mut f: Vec<String> = c
        .diags
        .iter()
        .map(|d| format!("{} {}", d.rule.code, d.message.vi))
        .collect();
    f.sort();
    f
}

/// Issue 21's round trip: `import(build(example))` gives the example's findings and the same
/// sections, targets, tasks, projects and totals. The page shows the words; what it cannot show
/// (ids, links to priority tasks, metrics) the DOCX carries in dxplan's custom XML part.
#[test]
fn the_round_trip_gives_back_the_examples_plan_and_findings() {
    let tmp = tempfile::tempdir().unwrap();
    let opts = dxplan_core::compose::Options { draft: false };
    for ex in ["tinh-ha-lam", "bo-hang-hai"] {
        let docx = tmp.path().join(format!("{ex}.docx"));
        common::build_docx(&common::example(ex), &docx);
        let out = tmp.path().join(ex);
        // No --level: the issuer says it.
        let o = common::dxplan()
            .arg("import")
            .arg(&docx)
            .arg("-o")
            .arg(&out)
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(0), "{ex}: {o:?}");
        let original = dxplan_core::compile(&common::example(ex), &opts).unwrap();
        let imported = dxplan_core::compile(&out, &opts).unwrap();
        assert_eq!(findings(&original), findings(&imported), "{ex}");
        let (a, b) = (model(&original.plan), model(&imported.plan));
        let diff: Vec<String> = similar::TextDiff::from_lines(&a.join("\n"), &b.join("\n"))
            .iter_all_changes()
            .filter(|c| c.tag() != similar::ChangeTag::Equal)
            .map(|c| format!("{}{}", c.tag(), c.value()))
            .collect();
        assert!(
            diff.is_empty(),
            "{ex}: the imported plan differs:\n{}",
            diff.join("")
        );
        // And its DOCX carries the same words, each as many times: a heading read as the
        // framework's and not kept, or a sentence printed twice, shows here.
        let again = tmp.path().join(format!("{ex}-again.docx"));
        common::build_docx(&out, &again);
        let (a, b) = (counted_words(&docx), counted_words(&again));
        let changed: Vec<String> = a
            .keys()
            .chain(b.keys())
            .filter(|w| a.get(*w) != b.get(*w))
            .map(|w| format!("{w}: {:?} → {:?}", a.get(w), b.get(w)))
            .collect();
        assert!(
            changed.is_empty(),
            "{ex}: the rebuilt DOCX's words differ: {changed:?}"
        );
    }
}

/// Every word of a DOCX's body with how many times it occurs.
fn counted_words(docx: &Path) -> std::collections::BTreeMap<String, usize> {
    let doc = dxplan_import::docx::read(&std::fs::read(docx).unwrap()).unwrap();
    let mut n = std::collections::BTreeMap::new();
    let mut add = |t: &str| {
        for w in t
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
        {
            *n.entry(w.to_lowercase()).or_insert(0) += 1;
        }
    };
    for b in &doc.blocks {
        match b {
            dxplan_import::docx::Block::Para(p) => add(&p.text),
            dxplan_import::docx::Block::Table(t) => t.rows.iter().flatten().for_each(|c| add(c)),
        }
    }
    n
}

/// A minimal DOCX of the parts given.
fn docx(parts: &[(&str, &str)]) -> Vec<u8> {
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut z = zip::ZipWriter::new(&mut buf);
        let opts = zip::write::SimpleFileOptions::default();
        for (name, text) in parts {
            z.start_file(*name, opts).unwrap();
            z.write_all(text.as_bytes()).unwrap();
        }
        z.finish().unwrap();
    }
    buf.into_inner()
}

const W: &str = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";

fn para(text: &str, bold: bool, num: Option<(u32, u32)>) -> String {
    let numpr = num
        .map(|(id, lvl)| {
            format!("<w:numPr><w:ilvl w:val=\"{lvl}\"/><w:numId w:val=\"{id}\"/></w:numPr>")
        })
        .unwrap_or_default();
    let b = if bold { "<w:rPr><w:b/></w:rPr>" } else { "" };
    format!(
        "<w:p><w:pPr>{numpr}</w:pPr><w:r>{b}<w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>"
    )
}

/// A clerk's file: no heading styles (bold Normal paragraphs), the mục numbered by Word's
/// automatic list (I., II.), a one-line "PHẦN I.", runs split mid-word, a tracked deletion.
#[test]
fn a_clerks_docx_is_placed_on_the_framework() {
    let numbering = format!(
        r#"<w:numbering {W}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>"#
    );
    let body = [
        "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>ỦY BAN NHÂN DÂN</w:t></w:r></w:p><w:p><w:r><w:t>TỈNH HÀ LÂM</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:tc><w:p><w:r><w:t>Số: 17/KH-UBND</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Hà Lâm, ngày 05 tháng 12 năm 2022</w:t></w:r></w:p></w:tc></w:tr></w:tbl>".to_string(),
        para("KẾ HOẠCH", true, None),
        para("Chuyển đổi số tỉnh Hà Lâm năm 2023", true, None),
        para("PHẦN I. KẾT QUẢ THỰC HIỆN CHUYỂN ĐỔI SỐ NĂM 2022", true, None),
        para("Tình hình thực hiện mục tiêu đặt ra năm 2022", true, Some((1, 0))),
        // A run split mid-word, and a deleted word that is not text.
        "<w:p><w:r><w:t>Đã hoàn thành 22/28 chỉ ti</w:t></w:r><w:r><w:t>êu</w:t></w:r><w:del><w:r><w:delText>xóa</w:delText></w:r></w:del><w:r><w:t> trong năm.</w:t></w:r></w:p>".to_string(),
        para("Tình hình thực hiện các nhiệm vụ năm 2022", true, Some((1, 0))),
        para("1. Về nhận thức số", true, None),
        para("1.1. Ngày Chuyển đổi số", true, None),
        para("a) Kết quả đạt được: Tổ chức Ngày hội chuyển đổi số tại 9 huyện.", false, None),
        para("b) Tồn tại, hạn chế: Cấp xã còn hình thức.", false, None),
        para("Một đoạn lạ ở cuối văn bản không thuộc mục nào", false, None),
    ]
    .concat();
    let document = format!("<w:document {W}><w:body>{body}</w:body></w:document>");
    let bytes = docx(&[
        ("word/document.xml", &document),
        ("word/numbering.xml", &numbering),
    ]);
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("ke-hoach.docx");
    std::fs::write(&file, bytes).unwrap();
    let out = tmp.path().join("kh");
    let o = import(&file, &out, "tinh");
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    let config = std::fs::read_to_string(out.join("dxplan.toml")).unwrap();
    assert!(
        config.contains("number = \"17\"") && config.contains("date = \"2022-12-05\""),
        "{config}"
    );
    assert!(
        config.contains("\"I\" = \"KẾT QUẢ THỰC HIỆN CHUYỂN ĐỔI SỐ NĂM 2022\""),
        "{config}"
    );
    assert!(
        config.contains("\"I.II.1\" = \"Về nhận thức số\""),
        "{config}"
    );
    let targets = std::fs::read_to_string(out.join("phan-1/01-danh-gia-muc-tieu.yaml")).unwrap();
    assert!(
        targets.contains("Đã hoàn thành 22/28 chỉ tiêu trong năm."),
        "{targets}"
    );
    assert!(!targets.contains("xóa"));
    let eval = std::fs::read_to_string(out.join("phan-1/02-danh-gia-nhiem-vu.yaml")).unwrap();
    assert!(
        eval.contains("number: \"1.1\"")
            && eval.contains("Tổ chức Ngày hội chuyển đổi số tại 9 huyện."),
        "{eval}"
    );
    assert!(eval.contains("Cấp xã còn hình thức."), "{eval}");
    // What fits nowhere is kept and said.
    let stdout = String::from_utf8_lossy(&o.stdout);
    let rest = std::fs::read_to_string(out.join("chua-xep.md")).unwrap();
    assert!(
        rest.contains("Một đoạn lạ") || eval.contains("Một đoạn lạ"),
        "{rest}\n{stdout}"
    );
}

/// A DOCX is a ZIP from anywhere: a non-DOCX, a Word 97 or password-protected file, a package
/// without a body, a part that inflates past the bound, a DTD: one-line errors, nothing written.
#[test]
fn hostile_files_are_refused_in_one_line() {
    let tmp = tempfile::tempdir().unwrap();
    let bomb = {
        let mut buf = std::io::Cursor::new(Vec::new());
        {
            let mut z = zip::ZipWriter::new(&mut buf);
            z.start_file(
                "word/document.xml",
                zip::write::SimpleFileOptions::default(),
            )
            .unwrap();
            let zeros = vec![b' '; 1 << 20];
            for _ in 0..70 {
                z.write_all(&zeros).unwrap();
            }
            z.finish().unwrap();
        }
        buf.into_inner()
    };
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("text.docx", b"not a zip at all".to_vec(), "không phải DOCX"),
        ("old.doc", vec![0xD0, 0xCF, 0x11, 0xE0, 0, 0], "Word 97"),
        ("ole.docx", vec![0xD0, 0xCF, 0x11, 0xE0, 0, 0], "mật khẩu"),
        (
            "empty.docx",
            docx(&[("a.txt", "x")]),
            "không có phần nội dung",
        ),
        ("bomb.docx", bomb, "giới hạn an toàn"),
        (
            "dtd.docx",
            docx(&[(
                "word/document.xml",
                "<!DOCTYPE x [<!ENTITY a \"aaaa\">]><w:document><w:body/></w:document>",
            )]),
            "XML hỏng",
        ),
    ];
    for (name, bytes, says) in cases {
        let file = tmp.path().join(name);
        std::fs::write(&file, bytes).unwrap();
        let out = tmp.path().join(format!("out-{name}"));
        let o = import(&file, &out, "tinh");
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{name}: {err}");
        assert!(
            err.contains(says) && err.lines().count() == 1,
            "{name}: {err}"
        );
        assert!(!out.exists(), "{name}: wrote {}", out.display());
    }
}

/// A file re-saved by LibreOffice (its own styles, run splits and numbering) imports as dxplan's own
/// DOCX does: the same frame, projects, total, targets and tasks.
#[test]
#[cfg_attr(
    not(feature = "interop"),
    ignore = "needs LibreOffice: the interop feature"
)]
fn a_docx_resaved_by_libreoffice_imports_the_same() {
    if !common::require_tool("soffice") {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let docx = tmp.path().join("in.docx");
    common::build_docx(&common::example("tinh-ha-lam"), &docx);
    let resaved = common::soffice_convert(&docx, "docx:MS Word 2007 XML", &tmp.path().join("lo"));
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    assert_eq!(import(&docx, &a, "tinh").status.code(), Some(0));
    assert_eq!(import(&resaved, &b, "tinh").status.code(), Some(0));
    let opts = dxplan_core::compose::Options { draft: false };
    let (pa, pb) = (
        dxplan_core::compile(&a, &opts).unwrap().plan,
        dxplan_core::compile(&b, &opts).unwrap().plan,
    );
    let summary = |p: &dxplan_core::model::Plan| {
        let c = p.config.as_ref().unwrap();
        (
            c.document.title.value.clone(),
            p.issue(dxplan_core::model::DocKind::Plan)
                .number_symbol(false),
            p.projects().count(),
            p.projects()
                .filter_map(|(_, x)| x.amount())
                .sum::<f64>()
                .round(),
            p.targets().count(),
            p.tasks().count(),
        )
    };
    assert_eq!(summary(&pa), summary(&pb));
}

/// A clerk's danh mục: a two-row header (the amount split by source under one merged heading),
/// cells merged down (vMerge) and across (gridSpan), a group row, Vietnamese amounts, a total row:
/// projects with the total amount and the one source that carries it, the total checked.
#[test]
fn a_clerks_danh_muc_with_merged_cells_becomes_projects() {
    let tc = |text: &str, props: &str| {
        format!("<w:tc><w:tcPr>{props}</w:tcPr><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>")
    };
    let restart = "<w:vMerge w:val=\"restart\"/>";
    let cont = "<w:vMerge/>";
    let span = |n: u32| format!("<w:gridSpan w:val=\"{n}\"/>");
    let row = |cells: Vec<String>| format!("<w:tr>{}</w:tr>", cells.concat());
    let table = [
        row(vec![
            tc("STT", restart),
            tc("Tên nhiệm vụ, dự án", restart),
            tc("Đơn vị chủ trì", restart),
            tc("Thời gian thực hiện", restart),
            tc("Dự kiến kinh phí (triệu đồng)", &span(3)),
        ]),
        row(vec![
            tc("", cont),
            tc("", cont),
            tc("", cont),
            tc("", cont),
            tc("Tổng số", ""),
            tc("Ngân sách trung ương", ""),
            tc("Ngân sách địa phương", ""),
        ]),
        row(vec![tc("I", ""), tc("Chính quyền số", &span(6))]),
        row(vec![
            tc("1", ""),
            tc("Nâng cấp Cổng dịch vụ công của tỉnh", ""),
            tc("Văn phòng UBND tỉnh", ""),
            tc("2023", ""),
            tc("1.250,5", ""),
            tc("", ""),
            tc("1.250,5", ""),
        ]),
        row(vec![
            tc("2", ""),
            tc("Hệ thống camera giám sát giao thông", ""),
            tc("Công an tỉnh", ""),
            tc("2023-2024", ""),
            tc("3.000", ""),
            tc("3.000", ""),
            tc("", ""),
        ]),
        row(vec![
            tc("", ""),
            tc("Tổng cộng", &span(3)),
            tc("4.250,5", ""),
            tc("3.000", ""),
            tc("1.250,5", ""),
        ]),
    ]
    .concat();
    let body = [
        para("KẾ HOẠCH", true, None),
        para("Chuyển đổi số tỉnh Hà Lâm năm 2023", true, None),
        para("Phụ lục", true, None),
        para("DANH MỤC NHIỆM VỤ, DỰ ÁN NĂM 2023", true, None),
        format!("<w:tbl>{table}</w:tbl>"),
    ]
    .concat();
    let document = format!("<w:document {W}><w:body>{body}</w:body></w:document>");
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("danh-muc.docx");
    std::fs::write(&file, docx(&[("word/document.xml", &document)])).unwrap();
    let out = tmp.path().join("kh");
    let o = import(&file, &out, "tinh");
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    let stdout = String::from_utf8_lossy(&o.stdout);
    assert!(
        stdout.contains("2 dự án, tổng 4.250,5 triệu đồng — khớp"),
        "{stdout}"
    );
    let plan = dxplan_core::compile(&out, &dxplan_core::compose::Options { draft: false })
        .unwrap()
        .plan;
    let projects: Vec<(String, f64, String)> = plan
        .projects()
        .map(|(_, p)| {
            (
                p.name.value.clone(),
                p.amount().unwrap_or(0.0),
                p.funding
                    .as_ref()
                    .map(|f| f.value.clone())
                    .unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        projects,
        [
            (
                "Nâng cấp Cổng dịch vụ công của tỉnh".to_string(),
                1250.5,
                "ngân sách địa phương".to_string()
            ),
            (
                "Hệ thống camera giám sát giao thông".to_string(),
                3000.0,
                "ngân sách trung ương".to_string()
            ),
        ]
    );
}

/// With no `--framework`, the framework is the built-in one of the year the title names: a 2026
/// plan lands on 5511/BKHCN-CĐSQG with its year.
#[test]
fn the_title_year_chooses_the_framework() {
    let body = [
        para("KẾ HOẠCH", true, None),
        para("Chuyển đổi số tỉnh Hà Lâm năm 2026", true, None),
        para("Phần I", true, None),
        para("ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN NĂM 2025", true, None),
    ]
    .concat();
    let document = format!("<w:document {W}><w:body>{body}</w:body></w:document>");
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("kh-2026.docx");
    std::fs::write(&file, docx(&[("word/document.xml", &document)])).unwrap();
    let out = tmp.path().join("kh");
    let o = import(&file, &out, "tinh");
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    let config = std::fs::read_to_string(out.join("dxplan.toml")).unwrap();
    assert!(
        config.contains("framework = \"5511/BKHCN-CĐSQG\"") && config.contains("year = 2026"),
        "{config}"
    );
}

/// An older file in TCVN3 fonts (".VnTime" as the Normal style, ".VnTimeH" for capitals): its text
/// is Unicode (NFC) in the plan.
#[test]
fn a_tcvn3_file_is_read_as_unicode() {
    let styles = format!(
        r#"<w:styles {W}><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:rPr><w:rFonts w:ascii=".VnTime" w:hAnsi=".VnTime"/></w:rPr></w:style></w:styles>"#
    );
    let caps = |t: &str| {
        format!(
            "<w:p><w:r><w:rPr><w:rFonts w:ascii=\".VnTimeH\" w:hAnsi=\".VnTimeH\"/><w:b/></w:rPr><w:t>{t}</w:t></w:r></w:p>"
        )
    };
    let body = [
        caps("KÕ ho¹ch"),
        para("ChuyÓn ®æi sè tØnh Hµ L©m n¨m 2023", true, None),
        caps("PhÇn I"),
        caps("§¸nh gi¸ kÕt qu¶ thùc hiÖn n¨m 2022"),
        para(
            "I. T×nh h×nh thùc hiÖn môc tiªu ®Æt ra n¨m 2022",
            true,
            None,
        ),
        para("§· hoµn thµnh 22/28 chØ tiªu.", false, None),
    ]
    .concat();
    let document = format!("<w:document {W}><w:body>{body}</w:body></w:document>");
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("tcvn3.docx");
    std::fs::write(
        &file,
        docx(&[
            ("word/document.xml", &document),
            ("word/styles.xml", &styles),
        ]),
    )
    .unwrap();
    let out = tmp.path().join("kh");
    let o = import(&file, &out, "tinh");
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    let config = std::fs::read_to_string(out.join("dxplan.toml")).unwrap();
    assert!(
        config.contains("title = \"Chuyển đổi số tỉnh Hà Lâm năm 2023\""),
        "{config}"
    );
    let targets = std::fs::read_to_string(out.join("phan-1/01-danh-gia-muc-tieu.yaml")).unwrap();
    assert!(
        targets.contains("Đã hoàn thành 22/28 chỉ tiêu."),
        "{targets}"
    );
}

/// A task a clerk rewrote in Word loses its record (its words are no longer the ones the record is
/// keyed by): it is read from its words with a new id, a project that served it links only to
/// tasks that exist, and the other items keep their records.
#[test]
fn an_item_rewritten_in_word_is_read_from_its_words() {
    let tmp = tempfile::tempdir().unwrap();
    let built = tmp.path().join("built.docx");
    common::build_docx(&common::example("tinh-ha-lam"), &built);
    // Rewrite one task's title in the body, as a clerk would in Word.
    let mut parts = super::corpus::parts(&built);
    let old = "Triển khai Nền tảng quản trị công việc tổng thể cấp tỉnh";
    let new = "Đưa vào sử dụng Nền tảng quản trị công việc tổng thể ở cấp tỉnh";
    let body = parts
        .iter_mut()
        .find(|p| p.0 == "word/document.xml")
        .unwrap();
    assert!(body.1.contains(old), "the example names the task");
    body.1 = body.1.replace(old, new);
    let edited = tmp.path().join("edited.docx");
    super::corpus::write(&parts, &edited);
    let out = tmp.path().join("plan");
    let o = import(&edited, &out, "tinh");
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    let said = String::from_utf8_lossy(&o.stdout);
    assert!(said.contains("1 mục đã sửa trong Word"), "{said}");
    let plan = dxplan_core::compile(&out, &dxplan_core::compose::Options { draft: false })
        .unwrap()
        .plan;
    let task = plan
        .tasks()
        .map(|(_, t)| t)
        .find(|t| t.title.value == new)
        .expect("the rewritten task");
    assert!(task.id.value.starts_with("NV-"), "{}", task.id.value);
    // Its priority task is guessed from its words, and said to be a guess.
    let text = all_text(&out);
    let lines: Vec<&str> = text.lines().collect();
    let at = lines.iter().position(|l| l.contains(new)).unwrap();
    let line = lines[at - 1];
    assert!(line.contains("NV09") && line.contains("# đoán"), "{line}");
    // Every project's task exists.
    let ids: BTreeSet<&str> = plan.tasks().map(|(_, t)| t.id.value.as_str()).collect();
    for (_, p) in plan.projects() {
        for t in &p.tasks {
            assert!(
                ids.contains(t.value.as_str()),
                "{} → {}",
                p.id.value,
                t.value
            );
        }
    }
    // The untouched ones keep their ids.
    assert!(plan.tasks().any(|(_, t)| t.id.value == "N1.01"));
}

/// `--framework-file`: the framework a clerk was given as a file travels with the imported plan
/// (dxplan reads only files inside a plan), and dxplan.toml pins it.
#[test]
fn a_framework_file_travels_with_the_imported_plan() {
    let tmp = tempfile::tempdir().unwrap();
    let docx = tmp.path().join("plan.docx");
    common::build_docx(&common::example("tinh-ha-lam"), &docx);
    let khung = tmp.path().join("khung.yaml");
    common::dxplan()
        .args([
            "framework",
            "new",
            "--from",
            "5406/BTTTT-CĐSQG",
            "--year",
            "2023",
            "--letter",
            "99/BTTTT-CĐSQG",
            "--date",
            "2022-10-01",
            "-o",
        ])
        .arg(&khung)
        .assert()
        .code(0);
    let out = tmp.path().join("out");
    let o = common::dxplan()
        .arg("import")
        .arg(&docx)
        .arg("-o")
        .arg(&out)
        .arg("--framework-file")
        .arg(&khung)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    let toml = std::fs::read_to_string(out.join("dxplan.toml")).unwrap();
    assert!(toml.contains("framework = \"99/BTTTT-CĐSQG\""), "{toml}");
    assert!(toml.contains("framework_file = \"khung.yaml\""), "{toml}");
    assert_eq!(
        std::fs::read_to_string(out.join("khung.yaml")).unwrap(),
        std::fs::read_to_string(&khung).unwrap()
    );
    let plan = dxplan_core::compile(&out, &dxplan_core::compose::Options { draft: false })
        .unwrap()
        .plan;
    assert_eq!(plan.framework.id, "99/BTTTT-CĐSQG");
}

/// A Word 97 file (.doc) goes through LibreOffice when it is installed, and imports as its .docx.
#[test]
#[cfg_attr(
    not(feature = "interop"),
    ignore = "needs LibreOffice: the interop feature"
)]
fn a_word_97_file_is_converted_through_libreoffice() {
    if !common::require_tool("soffice") {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let docx = tmp.path().join("ke-hoach.docx");
    common::build_docx(&common::example("tinh-ha-lam"), &docx);
    let doc = common::soffice_convert(&docx, "doc", tmp.path());
    let out = tmp.path().join("out");
    let o = import(&doc, &out, "tinh");
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    assert!(String::from_utf8_lossy(&o.stdout).contains("LibreOffice đã chuyển"));
    let opts = dxplan_core::compose::Options { draft: false };
    let (a, b) = (
        dxplan_core::compile(&common::example("tinh-ha-lam"), &opts)
            .unwrap()
            .plan,
        dxplan_core::compile(&out, &opts).unwrap().plan,
    );
    let total = |p: &dxplan_core::model::Plan| -> f64 {
        p.projects().filter_map(|(_, x)| x.amount()).sum()
    };
    assert_eq!(a.projects().count(), b.projects().count());
    assert!((total(&a) - total(&b)).abs() < 1e-6);
    assert_eq!(
        a.config.as_ref().unwrap().document.title.value,
        b.config.as_ref().unwrap().document.title.value
    );
}

/// dxplan's record is read from a file from anywhere: a record that tries to write YAML of its own
/// (a newline and a key in an id, quotes, a comment), a huge text, a record of the wrong types, an
/// XML entity the file declares — the import writes plain quoted values or nothing, every file
/// parses, and the page's words win.
#[test]
fn a_hostile_record_cannot_write_the_plan() {
    let tmp = tempfile::tempdir().unwrap();
    let built = tmp.path().join("built.docx");
    common::build_docx(&common::example("tinh-ha-lam"), &built);
    let mut parts = super::corpus::parts(&built);
    let esc = |s: &str| {
        s.replace('&', "&amp;")
            .replace('"', "&quot;")
            .replace('<', "&lt;")
    };
    let title = "Bồi dưỡng kỹ năng số, kỹ năng phân tích, khai thác dữ liệu cho cán bộ, công chức, viên chức";
    let evil = serde_json::json!({
        "id": "X\nlead: Bộ Giả\n# ",
        "priority_tasks": ["NV02\"]\nlead: x", "NV02", 7, {"a": 1}],
        "metric": "a".repeat(100_000),
        "item": ["not", "a", "string"],
    });
    let record = format!(
        r#"<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x "boom">]><dxplan xmlns="urn:dxplan:carried:1"><item kind="task" key="{}" fields="{}"/><item kind="project" key="&x;" fields="{{}}"/></dxplan>"#,
        esc(title),
        esc(&evil.to_string())
    );
    let first = record.clone();
    for p in parts.iter_mut() {
        if p.0 == "customXml/item1.xml" {
            p.1 = first.clone();
        }
    }
    // The same record without the DTD (so the reader does not refuse the part as a whole).
    let without_dtd = record.replace(r#"<!DOCTYPE d [<!ENTITY x "boom">]>"#, "");
    for (name, rec) in [("dtd", first), ("plain", without_dtd)] {
        for p in parts.iter_mut() {
            if p.0 == "customXml/item1.xml" {
                p.1 = rec.clone();
            }
        }
        let f = tmp.path().join(format!("{name}.docx"));
        super::corpus::write(&parts, &f);
        let out = tmp.path().join(name);
        let o = import(&f, &out, "tinh");
        assert_eq!(o.status.code(), Some(0), "{name}: {o:?}");
        let c =
            dxplan_core::compile(&out, &dxplan_core::compose::Options { draft: false }).unwrap();
        let codes: Vec<&str> = c.diags.iter().map(|d| d.rule.code).collect();
        for bad in ["DX001", "DX003", "DX005", "DX010", "DX011", "DX012"] {
            assert!(!codes.contains(&bad), "{name}: {bad} in {codes:?}");
        }
        let task = c
            .plan
            .tasks()
            .map(|(_, t)| t)
            .find(|t| t.title.value == title)
            .unwrap();
        // The page's lead, not the record's; the record's id refused (not one line).
        assert_eq!(task.lead.value, "Sở Nội vụ", "{name}");
        assert!(!task.id.value.contains('\n'), "{name}");
        let p: Vec<&str> = task
            .priority_tasks
            .iter()
            .map(|x| x.value.as_str())
            .collect();
        assert!(p.iter().all(|x| !x.contains('\n')), "{name}: {p:?}");
        assert!(
            task.metric.is_none(),
            "{name}: a 100 KB metric is not taken"
        );
    }
}
