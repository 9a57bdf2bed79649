//! `cargo bench --bench import`: `dxplan import` of a DOCX against pandoc's DOCX reader on the same
//! file (`pandoc -f docx -t markdown`), for the province example's DOCX and for generated plans of
//! about 60 and 130 pages. Whole processes are timed (cold start included); the import command
//! also runs `check` on what it wrote, so the in-process import alone (read + place, no files, no
//! check) is given too. Prints a table for docs/PERFORMANCE.md; asserts nothing about speed.

use std::path::Path;
use std::process::Command;
use std::time::Duration;

#[path = "support/timing.rs"]
mod timing;
use timing::{dxplan_bin, median};

#[path = "pipeline.rs"]
#[allow(dead_code)]
mod pipeline;

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn row(label: &str, plan: &Path, tmp: &Path) {
    let docx = tmp.join("plan.docx");
    let o = Command::new(dxplan_bin())
        .args(["build", "--format", "docx", "-o"])
        .arg(&docx)
        .arg(plan)
        .output()
        .unwrap();
    assert!(o.status.code().is_some_and(|c| c <= 1), "{o:?}");
    let out = tmp.join("imported");
    let t_cmd = median(
        || {
            let o = Command::new(dxplan_bin())
                .arg("import")
                .arg(&docx)
                .arg("-o")
                .arg(&out)
                .arg("--force")
                .output()
                .unwrap();
            assert!(o.status.success(), "{o:?}");
        },
        7,
    );
    let bytes = std::fs::read(&docx).unwrap();
    let fw =
        dxplan_core::framework::Framework::builtin(dxplan_core::model::DEFAULT_FRAMEWORK).unwrap();
    let t_lib = median(
        || {
            let doc = dxplan_import::docx::read(&bytes).unwrap();
            let got = dxplan_import::import(&doc, &fw, dxplan_core::model::Level::Tinh);
            assert!(got.projects > 0);
        },
        15,
    );
    let pandoc = Command::new("pandoc").arg("--version").output().is_ok();
    let t_pandoc = pandoc.then(|| {
        median(
            || {
                let o = Command::new("pandoc")
                    .args(["-f", "docx", "-t", "markdown", "-o"])
                    .arg(tmp.join("pandoc.md"))
                    .arg(&docx)
                    .output()
                    .unwrap();
                assert!(o.status.success(), "{o:?}");
            },
            5,
        )
    });
    let kb = bytes.len() / 1024;
    match t_pandoc {
        Some(p) => println!(
            "| {label} | {kb} KiB | {:.0} ms | {:.1} ms | {:.0} ms ({:.1}× the command, {:.0}× the import) |",
            ms(t_cmd),
            ms(t_lib),
            ms(p),
            ms(p) / ms(t_cmd),
            ms(p) / ms(t_lib)
        ),
        None => println!(
            "| {label} | {kb} KiB | {:.0} ms | {:.1} ms | pandoc not installed |",
            ms(t_cmd),
            ms(t_lib)
        ),
    }
}

fn main() {
    println!(
        "| DOCX | size | `dxplan import` (command, with `check`) | import alone (read + place) | `pandoc -f docx -t markdown` |"
    );
    println!("|---|---|---|---|---|");
    let tmp = tempfile::tempdir().unwrap();
    row(
        "examples/tinh-ha-lam (18 pages)",
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/tinh-ha-lam"),
        tmp.path(),
    );
    for (n, pages) in [(400, 60), (1000, 130)] {
        let plan = tempfile::tempdir().unwrap();
        pipeline::generate(n, plan.path());
        let t = tempfile::tempdir().unwrap();
        row(
            &format!("generated, {n} projects ({pages} pages)"),
            plan.path(),
            t.path(),
        );
    }
}
