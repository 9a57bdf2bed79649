//! `cargo bench --bench render`: time of `dxplan build` to DOCX and to PDF on the province example
//! and on a generated large plan, against the reference points of the issues — pandoc turning a
//! Markdown rendering of the same plan into DOCX, and LibreOffice turning our DOCX into PDF.
//! Whole processes are timed (cold start included) so the comparison is like for like; peak
//! memory by GNU time. `check` of the same plans comes first. Prints the tables of
//! docs/PERFORMANCE.md in one run; asserts nothing about speed.

use std::path::Path;
use std::process::Command;
use std::time::Duration;

#[path = "support/timing.rs"]
mod timing;
use timing::{dxplan_bin, median};

#[path = "pipeline.rs"]
#[allow(dead_code)]
mod pipeline;

use dxplan_core::compose::ir::{Block, Document};

fn run(cmd: &mut Command) {
    let o = cmd.output().expect("command runs");
    assert!(
        o.status.success(),
        "{cmd:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
}

/// The same content as Markdown (headings, paragraphs, the appendix tables as pipe tables).
fn markdown(doc: &Document) -> String {
    fn walk(blocks: &[Block], out: &mut String) {
        for b in blocks {
            match b {
                Block::Paragraph(p) => {
                    let t: String = p.runs.iter().map(|r| r.text.as_str()).collect();
                    out.push_str(&t);
                    out.push_str("\n\n");
                }
                Block::Table(t) => {
                    for (i, row) in t.rows.iter().enumerate() {
                        let cells: Vec<String> = row
                            .cells
                            .iter()
                            .map(|c| {
                                let mut s = String::new();
                                walk(&c.blocks, &mut s);
                                s.split_whitespace()
                                    .collect::<Vec<_>>()
                                    .join(" ")
                                    .replace('|', "/")
                            })
                            .collect();
                        out.push_str(&format!("| {} |\n", cells.join(" | ")));
                        if i == 0 {
                            out.push_str(&format!("|{}\n", "---|".repeat(cells.len())));
                        }
                    }
                    out.push('\n');
                }
                Block::Rule(_) => {}
            }
        }
    }
    let mut out = String::new();
    for s in &doc.sections {
        walk(&s.blocks, &mut out);
    }
    out
}

/// The peak memory (MiB) of one run of a command, by GNU time (`/usr/bin/time -f %M`: the largest
/// resident set of the process or any child it waited for); `None` without GNU time.
fn peak_mib(program: &Path, args: &[&std::ffi::OsStr]) -> Option<f64> {
    let out = tempfile::NamedTempFile::new().ok()?;
    let o = Command::new("/usr/bin/time")
        .args(["-f", "%M", "-o"])
        .arg(out.path())
        .arg(program)
        .args(args)
        .output()
        .ok()?;
    if !o.status.success() {
        return None;
    }
    let kib: f64 = std::fs::read_to_string(out.path())
        .ok()?
        .trim()
        .parse()
        .ok()?;
    Some(kib / 1024.0)
}

fn mib(m: Option<f64>) -> String {
    m.map_or("—".into(), |m| format!("{m:.0} MiB"))
}

/// `dxplan check` of a plan, whole process: median of 21 runs and the peak memory.
fn check_row(label: &str, plan: &Path) {
    let bin = dxplan_bin();
    let t = median(
        || {
            // Exit 1 (findings) is still a finished check.
            let o = Command::new(&bin).arg("check").arg(plan).output().unwrap();
            assert!(o.status.code().is_some_and(|c| c <= 1), "{o:?}");
        },
        21,
    );
    let m = peak_mib(&bin, &["check".as_ref(), plan.as_os_str()]);
    println!(
        "| `check` {label} | {:.1} ms | {} |",
        t.as_secs_f64() * 1e3,
        mib(m)
    );
}

fn pages(pdf: &Path) -> usize {
    let o = Command::new("pdfinfo").arg(pdf).output().expect("pdfinfo");
    String::from_utf8_lossy(&o.stdout)
        .lines()
        .find_map(|l| {
            l.strip_prefix("Pages:")
                .map(|n| n.trim().parse().unwrap_or(0))
        })
        .unwrap_or(0)
}

fn row(label: &str, plan: &Path, out: &Path) {
    let bin = dxplan_bin();
    let docx = out.join("plan.docx");
    let pdf = out.join("plan.pdf");
    let runs = 5;
    let t_docx = median(
        || {
            run(Command::new(&bin)
                .args(["build", "--format", "docx", "-o"])
                .arg(&docx)
                .arg(plan))
        },
        runs,
    );
    let t_pdf = median(
        || {
            run(Command::new(&bin)
                .args(["build", "--format", "pdf", "-o"])
                .arg(&pdf)
                .arg(plan))
        },
        runs,
    );
    let compiled =
        dxplan_render::compile(plan, &dxplan_core::compose::Options { draft: false }).unwrap();
    let md = out.join("plan.md");
    std::fs::write(&md, markdown(&compiled.doc)).unwrap();
    let pandoc_docx = out.join("pandoc.docx");
    let t_pandoc = median(
        || run(Command::new("pandoc").arg(&md).arg("-o").arg(&pandoc_docx)),
        runs,
    );
    let profile = out.join("lo-profile");
    let lo = || {
        run(Command::new("soffice")
            .arg(format!(
                "-env:UserInstallation=file://{}",
                profile.display()
            ))
            .args(["--headless", "--convert-to", "pdf", "--outdir"])
            .arg(out.join("lo"))
            .arg(&docx))
    };
    lo(); // first start creates the profile; not timed
    let t_lo = median(lo, 3);
    let m_pdf = peak_mib(
        &bin,
        &[
            "build".as_ref(),
            "--format".as_ref(),
            "pdf".as_ref(),
            "-o".as_ref(),
            pdf.as_os_str(),
            plan.as_os_str(),
        ],
    );
    let profile_arg = format!("-env:UserInstallation=file://{}", profile.display());
    let lo_out = out.join("lo");
    let m_lo = peak_mib(
        Path::new("soffice"),
        &[
            profile_arg.as_ref(),
            "--headless".as_ref(),
            "--convert-to".as_ref(),
            "pdf".as_ref(),
            "--outdir".as_ref(),
            lo_out.as_os_str(),
            docx.as_os_str(),
        ],
    );
    let lo_pdf = out.join("lo/plan.pdf");
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    println!(
        "| {label} | {} / {} | {:.0} ms | {:.0} ms ({:.1}×) | {:.0} ms, {} | {:.0} ms, {} ({:.1}×) |",
        pages(&pdf),
        pages(&lo_pdf),
        ms(t_docx),
        ms(t_pandoc),
        ms(t_pandoc) / ms(t_docx),
        ms(t_pdf),
        mib(m_pdf),
        ms(t_lo),
        mib(m_lo),
        ms(t_lo) / ms(t_pdf),
    );
}

fn main() {
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/tinh-ha-lam");
    let plans: Vec<(usize, tempfile::TempDir)> = [400, 1000]
        .into_iter()
        .map(|n| {
            let plan = tempfile::tempdir().unwrap();
            pipeline::generate(n, plan.path());
            (n, plan)
        })
        .collect();
    println!("| work | time (median) | peak memory |");
    println!("|---|---|---|");
    check_row("examples/tinh-ha-lam", &example);
    for (n, plan) in &plans {
        check_row(&format!("generated, {n} projects"), plan.path());
    }
    println!();
    println!(
        "| plan | pages typst / LibreOffice | dxplan → DOCX | pandoc MD → DOCX | dxplan → PDF | LibreOffice DOCX → PDF |"
    );
    println!("|---|---|---|---|---|---|");
    let out = tempfile::tempdir().unwrap();
    row("examples/tinh-ha-lam", &example, out.path());
    for (n, plan) in &plans {
        let o = tempfile::tempdir().unwrap();
        row(&format!("generated, {n} projects"), plan.path(), o.path());
    }
}
