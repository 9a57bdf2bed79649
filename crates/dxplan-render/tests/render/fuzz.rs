//! A deterministic mutation fuzzer on stable Rust (issue 11): the province example's files are
//! mutated (lines deleted, duplicated, swapped, re-indented; control characters, Unicode, YAML
//! tokens and odd numbers inserted; files truncated), then compiled and rendered to DOCX in
//! process. Every case must end without a panic, every located finding must point inside its
//! file, and every XML part of the DOCX must be well-formed.
//!
//! Both examples are mutated in turn, and each case also composes the results report and the
//! decision, prints its findings in every format (no line may start a GitHub command, no ESC may
//! pass, whatever the file names: some cases add a file with a hostile name), and carries the plan
//! into the next year (`init --from`): the files it writes must read without a syntax error. `cargo test -p dxplan-render fuzz` runs 150 cases from a fixed seed in seconds;
//! `DXPLAN_FUZZ_CASES=20000 DXPLAN_FUZZ_SEED=7 cargo test --release -p dxplan-render fuzz` runs longer.
//! A failing case prints its seed and the mutated files are left in a directory to reproduce it.

use crate::common;

use std::io::Read;
use std::path::{Path, PathBuf};

use dxplan_render::Renderer;

#[path = "../../../../tests/support/rng.rs"]
mod rng;
use rng::Rng;

const INSERTS: &[&str] = &[
    "\u{0}",
    "\u{1}",
    "\u{b}",
    "\u{c}",
    "\u{1b}",
    "\u{7f}",
    "\u{fffe}",
    "\u{301}",
    "\u{2060}",
    "*",
    "**",
    "{",
    "}",
    "{phụ lục:x}",
    "|",
    "#",
    ": ",
    "- ",
    "\"",
    "'",
    "&",
    "<",
    "[",
    "]",
    "\\",
    "\t",
    "\n",
    "  ",
    "&a ",
    "*a",
    "!!binary ",
    "<<: *a",
    "? ",
    "---\n",
    "...\n",
    "~",
    "null",
    "é",
    "Đ",
    "𝕏",
    "1.234",
    "1e308",
    ".nan",
    "-.inf",
    "0x10",
    "99999999999",
    "0000-01-01",
    "31/02/2023",
    "Quý V/2023",
    "NV99",
    "\u{feff}",
];

fn mutate(text: &str, rng: &mut Rng) -> String {
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    match rng.below(8) {
        0 if !lines.is_empty() => {
            let i = rng.below(lines.len());
            lines.remove(i);
        }
        1 if !lines.is_empty() => {
            let i = rng.below(lines.len());
            let l = lines[i].clone();
            lines.insert(i, l);
        }
        2 if lines.len() > 1 => {
            let (a, b) = (rng.below(lines.len()), rng.below(lines.len()));
            lines.swap(a, b);
        }
        3 if !lines.is_empty() => {
            let i = rng.below(lines.len());
            if rng.below(2) == 0 {
                lines[i].insert_str(0, "  ");
            } else {
                lines[i] = lines[i].trim_start().to_string();
            }
        }
        4 => {
            // Truncate at a character boundary.
            let chars: Vec<char> = text.chars().collect();
            let n = rng.below(chars.len() + 1);
            return chars[..n].iter().collect();
        }
        _ => {
            let mut chars: Vec<char> = text.chars().collect();
            let at = rng.below(chars.len() + 1);
            let ins = INSERTS[rng.below(INSERTS.len())];
            for (k, c) in ins.chars().enumerate() {
                chars.insert(at + k, c);
            }
            return chars.into_iter().collect();
        }
    }
    let mut out = lines.join("\n");
    out.push('\n');
    out
}

/// The example's text files, relative path → content.
fn corpus(root: &Path) -> Vec<(PathBuf, String)> {
    let mut out = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if matches!(
                p.extension().and_then(|x| x.to_str()),
                Some("yaml" | "toml")
            ) {
                let rel = p.strip_prefix(root).unwrap().to_path_buf();
                out.push((rel, std::fs::read_to_string(&p).unwrap()));
            }
        }
    }
    out.sort();
    out
}

fn run_case(dir: &Path) {
    let c = dxplan_render::compile(dir, &dxplan_core::compose::Options { draft: false })
        .expect("a plan directory of regular files always compiles to findings, not an I/O error");
    for d in &c.diags {
        if let (Some(id), Some(span)) = (d.source, &d.span) {
            let text = &c.plan.sources.get(id).text;
            assert!(
                span.start <= span.end && span.end <= text.len(),
                "{}: span {span:?} outside a file of {} bytes",
                d.rule.code,
                text.len()
            );
            assert!(
                text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
                "{}: span {span:?} splits a character",
                d.rule.code
            );
        }
    }
    // Every printer takes every finding, and nothing from a file name or a value starts a line
    // of its own in a CI log.
    use dxplan_core::print::Format;
    for f in [
        Format::Human,
        Format::Concise,
        Format::Json,
        Format::Github,
        Format::Sarif,
        Format::Junit,
    ] {
        let out = dxplan_core::print::render(
            f,
            &c.diags,
            &c.plan.sources,
            &dxplan_core::print::Options {
                lang: dxplan_core::lang::Lang::Vi,
                color: false,
            },
        );
        assert!(!out.contains('\u{1b}'), "{f:?}: a raw ESC");
        for line in out.lines() {
            let annotation = matches!(f, Format::Github)
                && [
                    "::error file=",
                    "::warning file=",
                    "::notice file=",
                    "::error title=",
                    "::warning title=",
                    "::notice title=",
                ]
                .iter()
                .any(|p| line.starts_with(p));
            assert!(
                annotation || !line.trim_start().starts_with("::"),
                "{f:?}: a line starts a workflow command: {line}"
            );
        }
    }
    next_year(&c.plan);
    check_docx(&c.doc);
    // The other documents of the same data: the results report, the decision alone.
    for kind in [
        dxplan_core::compose::DocKind::Report(dxplan_core::compose::Period::Year),
        dxplan_core::compose::DocKind::Decision,
    ] {
        let other = dxplan_render::compile_document(
            dir,
            &dxplan_core::compose::Options { draft: false },
            kind,
        )
        .expect("compiles");
        check_docx(&other.doc);
    }
}

/// `init --from` on the mutated plan: every file it writes reads without a syntax error (OLD's
/// texts go in as data, never as YAML of their own).
fn next_year(plan: &dxplan_core::model::Plan) {
    let Some(fw) =
        dxplan_core::framework::Framework::builtin_for(&plan.framework.id, Some(plan.year() + 1))
    else {
        return;
    };
    let level = plan.level().unwrap_or(dxplan_core::model::Level::Tinh);
    let made = dxplan_core::init::from::from_plan(
        plan,
        &fw,
        dxplan_core::init::scaffold_for(&fw, level, plan.year() + 1),
    );
    let dir = tempfile::tempdir().unwrap();
    dxplan_core::init::write_files(dir.path(), made.files, false)
        .unwrap_or_else(|_| panic!("init --from writes"));
    let (_, diags) = dxplan_core::check_dir(dir.path()).unwrap();
    let syntax: Vec<String> = diags
        .iter()
        .filter(|d| d.rule.code == "DX001")
        .map(|d| d.message.vi.clone())
        .collect();
    assert!(
        syntax.is_empty(),
        "init --from wrote unreadable YAML: {syntax:?}"
    );
}

/// The DOCX of a composed document: written without failure, every part well-formed XML.
fn check_docx(doc: &dxplan_core::compose::ir::Document) {
    let bytes = dxplan_render::docx::DocxRenderer
        .render(doc, &dxplan_render::Context::default(), &mut Vec::new())
        .expect("the DOCX writer never fails on a composed document");
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    for i in 0..z.len() {
        let mut f = z.by_index(i).unwrap();
        let name = f.name().to_string();
        let mut s = String::new();
        f.read_to_string(&mut s).unwrap();
        roxmltree::Document::parse(&s).unwrap_or_else(|e| panic!("{name} is not well-formed: {e}"));
    }
}

#[test]
fn mutated_plans_never_crash() {
    let cases: u64 = std::env::var("DXPLAN_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(150);
    let seed: u64 = std::env::var("DXPLAN_FUZZ_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0x5eed);
    // Both examples, in turn: a province plan and a ministry plan with its decision.
    let examples = ["tinh-ha-lam", "bo-hang-hai"];
    let corpora: Vec<_> = examples
        .iter()
        .map(|e| corpus(&common::example(e)))
        .collect();
    let dirs: Vec<_> = examples.iter().map(|e| common::example_copy(e)).collect();
    for case in 0..cases {
        let which = (case % 2) as usize;
        let (files, dir) = (&corpora[which], &dirs[which]);
        let mut rng = Rng(seed.wrapping_mul(6364136223846793005).wrapping_add(case) | 1);
        // Restore the plan, then mutate one to three files one to four times each.
        for (rel, text) in files {
            std::fs::write(dir.path().join(rel), text).unwrap();
        }
        for _ in 0..=rng.below(3) {
            let (rel, text) = &files[rng.below(files.len())];
            let mut t = text.clone();
            for _ in 0..=rng.below(4) {
                t = mutate(&t, &mut rng);
            }
            std::fs::write(dir.path().join(rel), t).unwrap();
        }
        // One case in five adds a file whose name is hostile (a newline, a GitHub command, ESC).
        let hostile = (rng.below(5) == 0).then(|| {
            let (_, text) = &files[rng.below(files.len())];
            let name = format!(
                "phan-2/x{}\n::error title=f::{}\u{1b}[31m.yaml",
                case,
                rng.below(100)
            );
            let p = dir.path().join(name);
            let _ = std::fs::write(&p, text);
            p
        });
        let result = std::panic::catch_unwind(|| run_case(dir.path()));
        if let Some(p) = hostile {
            let _ = std::fs::remove_file(p);
        }
        if let Err(e) = result {
            let keep = dir.path().to_path_buf();
            std::mem::forget(dirs);
            let msg = e
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default();
            panic!(
                "fuzz case {case} (seed {seed}) failed: {msg}\nthe mutated plan is kept in {}",
                keep.display()
            );
        }
    }
}
