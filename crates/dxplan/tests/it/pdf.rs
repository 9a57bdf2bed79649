//! The PDF renderer: same document as the DOCX (one IR), deterministic, PDF/A on request, and the
//! layout template overridable with located errors.
#![cfg(feature = "pdf")]

use crate::common;

use std::path::{Path, PathBuf};

fn build_pdf(example: &Path, out: &Path, extra: &[&str]) -> std::process::Output {
    common::dxplan()
        .args(["build"])
        .arg(example)
        .args(["--format", "pdf", "-o"])
        .arg(out)
        .args(extra)
        .output()
        .unwrap()
}

#[test]
fn both_examples_render_and_are_deterministic() {
    let tmp = tempfile::tempdir().unwrap();
    for ex in ["tinh-ha-lam", "bo-hang-hai"] {
        let a = tmp.path().join(format!("{ex}-a.pdf"));
        let b = tmp.path().join(format!("{ex}-b.pdf"));
        let o = build_pdf(&common::example(ex), &a, &[]);
        assert_eq!(
            o.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&o.stderr)
        );
        // Only the font fallback may be said (information): no warning on a correct plan.
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains("0 cảnh báo"), "{ex}: {err}");
        build_pdf(&common::example(ex), &b, &[]);
        let (x, y) = (std::fs::read(&a).unwrap(), std::fs::read(&b).unwrap());
        assert!(x.starts_with(b"%PDF-"));
        assert_eq!(x, y, "{ex}: two builds differ");
    }
}

#[test]
fn source_date_epoch_and_pdf_a() {
    let tmp = tempfile::tempdir().unwrap();
    let p = tmp.path().join("a.pdf");
    let o = common::dxplan()
        .env("SOURCE_DATE_EPOCH", "1670371200")
        .args(["build"])
        .arg(common::example("tinh-ha-lam"))
        .args(["--format", "pdf", "--pdf-standard", "a-2b", "-o"])
        .arg(&p)
        .output()
        .unwrap();
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let bytes = std::fs::read(&p).unwrap();
    let text = String::from_utf8_lossy(&bytes);
    assert!(
        text.contains("2022-12-07"),
        "the XMP carries SOURCE_DATE_EPOCH"
    );
    assert!(
        text.contains("<pdfaid:part>2</pdfaid:part>"),
        "PDF/A-2 identification"
    );
    assert!(text.contains("<pdfaid:conformance>B</pdfaid:conformance>"));
}

#[test]
fn format_all_writes_both_from_one_build() {
    let tmp = tempfile::tempdir().unwrap();
    let o = common::dxplan()
        .args(["build"])
        .arg(common::example("bo-hang-hai"))
        .args(["--format", "all", "-o"])
        .arg(tmp.path().join("kh"))
        .output()
        .unwrap();
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let names: Vec<PathBuf> = ["kh.docx", "kh.pdf"]
        .iter()
        .map(|n| tmp.path().join(n))
        .collect();
    for n in &names {
        assert!(n.exists(), "{}", n.display());
    }
}

#[test]
fn layout_override_errors_are_located_and_write_nothing() {
    let dir = common::example_copy("tinh-ha-lam");
    std::fs::create_dir_all(dir.path().join("templates")).unwrap();
    std::fs::write(
        dir.path().join("templates/layout.typ"),
        "#let doc = json(\"/doc.json\")\n#doc.no_such_field\n",
    )
    .unwrap();
    let out = dir.path().join("x.pdf");
    let o = build_pdf(dir.path(), &out, &[]);
    // `check` compiles the plan's layout too, so the build is refused like any plan with an error.
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("templates/layout.typ:2"), "{err}");
    assert!(!out.exists());
}

#[test]
fn plan_text_is_data_not_markup() {
    // Typst markup in a plan (a heading marker, a function call, a label) comes out literally;
    // the text is CommonMark, so `[a](b)` is a link, printed as its text and address.
    let dir = common::example_copy("tinh-ha-lam");
    let p = dir.path().join("phan-1/muc-tieu-2022.yaml");
    std::fs::write(&p, "section: danh-gia-muc-tieu\ntext: \"= Không phải tiêu đề #panic(\\\"x\\\") <nhan> $x^2$ [a](b)\"\n").unwrap();
    let out = dir.path().join("x.pdf");
    let o = build_pdf(dir.path(), &out, &[]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    if cfg!(feature = "interop") && common::require_tool("pdftotext") {
        let t = std::process::Command::new("pdftotext")
            .arg(&out)
            .arg("-")
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&t.stdout);
        assert!(
            text.contains("= Không phải tiêu đề #panic(“x”) <nhan> $x^2$ a (b)"),
            "{text}"
        );
    }
}

#[test]
fn missing_glyphs_are_reported() {
    // A character outside Times New Roman / Liberation Serif is named, not silently substituted.
    let dir = common::example_copy("tinh-ha-lam");
    let p = dir.path().join("phan-1/muc-tieu-2022.yaml");
    std::fs::write(
        &p,
        "section: danh-gia-muc-tieu\ntext: Ký hiệu ⛴ của cảng.\n",
    )
    .unwrap();
    let out = dir.path().join("x.pdf");
    let o = build_pdf(dir.path(), &out, &[]);
    assert_eq!(o.status.code(), Some(0));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("U+26F4"), "{err}");
}

#[test]
fn font_dirs_are_used_and_checked() {
    let tmp = tempfile::tempdir().unwrap();
    let fonts = common::root().join("assets/fonts");
    let out = tmp.path().join("f.pdf");
    let o = common::dxplan()
        .args(["build"])
        .arg(common::example("bo-hang-hai"))
        .args(["--format", "pdf", "--font-dir"])
        .arg(&fonts)
        .arg("-o")
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let o = common::dxplan()
        .args(["build"])
        .arg(common::example("bo-hang-hai"))
        .args(["--format", "pdf", "--font-dir", "/no/such/dir", "-o"])
        .arg(tmp.path().join("g.pdf"))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("/no/such/dir"));
}
