//! The import door is a file from anywhere: the province example's DOCX, its body XML mutated
//! (spans cut out, tags and entities inserted, the archive truncated), is read and placed without a
//! panic, and whatever it places writes files `check` can read (no syntax error). 120 cases from
//! a fixed seed; `DXPLAN_FUZZ_CASES` runs more.

use std::io::{Read, Write};
use std::path::Path;

#[path = "../../../tests/support/rng.rs"]
mod rng;
use rng::Rng;

fn example_docx() -> Vec<u8> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/tinh-ha-lam");
    let c = dxplan_render::compile(&dir, &dxplan_core::compose::Options { draft: false }).unwrap();
    use dxplan_render::Renderer;
    dxplan_render::docx::DocxRenderer
        .render(&c.doc, &dxplan_render::Context::default(), &mut Vec::new())
        .unwrap()
}

fn parts(docx: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    (0..z.len())
        .map(|i| {
            let mut f = z.by_index(i).unwrap();
            let mut b = Vec::new();
            f.read_to_end(&mut b).unwrap();
            (f.name().to_string(), b)
        })
        .collect()
}

fn zip(parts: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut z = zip::ZipWriter::new(&mut buf);
        for (n, b) in parts {
            z.start_file(n.as_str(), zip::write::SimpleFileOptions::default())
                .unwrap();
            z.write_all(b).unwrap();
        }
        z.finish().unwrap();
    }
    buf.into_inner()
}

const INSERTS: &[&str] = &[
    "<w:p>",
    "</w:p>",
    "<w:tbl><w:tr><w:tc>",
    "</w:tc></w:tr></w:tbl>",
    "&amp;",
    "&unknown;",
    "&#x0;",
    "<w:t>Phần II</w:t>",
    "<w:numPr><w:ilvl w:val=\"99\"/><w:numId w:val=\"1\"/></w:numPr>",
    "<w:t>\u{1b}[31m::error x</w:t>",
    "<w:vMerge/>",
    "<w:b w:val=\"0\"/>",
    "]]>",
    "<!--",
];

#[test]
fn mutated_docx_never_panics() {
    let cases: u64 = std::env::var("DXPLAN_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(120);
    let base = parts(&example_docx());
    let fw = dxplan_core::framework::Framework::builtin("5406/BTTTT-CĐSQG").unwrap();
    for case in 0..cases {
        let mut rng = Rng(0x1234_5678 ^ case.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
        let mut p = base.clone();
        let body = p.iter_mut().find(|x| x.0 == "word/document.xml").unwrap();
        let mut text = String::from_utf8_lossy(&body.1).into_owned();
        for _ in 0..=rng.below(6) {
            let len = text.len();
            let mut at = rng.below(len);
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            if rng.below(2) == 0 {
                let mut end = (at + rng.below(400)).min(len);
                while !text.is_char_boundary(end) {
                    end -= 1;
                }
                text.replace_range(at..end, "");
            } else {
                text.insert_str(at, INSERTS[rng.below(INSERTS.len())]);
            }
        }
        body.1 = text.into_bytes();
        let mut bytes = zip(&p);
        if rng.below(10) == 0 {
            let cut = rng.below(bytes.len());
            bytes.truncate(cut);
        }
        let result = std::panic::catch_unwind(|| {
            if let Ok(doc) = dxplan_import::docx::read(&bytes) {
                let imported = dxplan_import::import(&doc, &fw, dxplan_core::model::Level::Tinh);
                let dir = tempfile::tempdir().unwrap();
                dxplan_core::init::write_files(dir.path(), imported.files, false).unwrap();
                let (plan, diags) = dxplan_core::check_dir(dir.path()).unwrap();
                let syntax: Vec<String> = diags
                    .iter()
                    .filter(|d| d.rule.code == "DX001")
                    .map(|d| {
                        let f = d.source.map(|s| plan.sources.get(s));
                        let name = f.map(|f| f.name.clone()).unwrap_or_default();
                        let text = f.map(|f| f.text.clone()).unwrap_or_default();
                        format!("{name}: {}\n{text}", d.message.vi)
                    })
                    .collect();
                assert!(
                    syntax.is_empty(),
                    "case {case}: import wrote unreadable files: {syntax:#?}"
                );
            }
        });
        assert!(result.is_ok(), "fuzz case {case} panicked");
    }
}
