//! `cargo bench --no-default-features --bench pipeline`: wall time of `check` (load → model →
//! rules) on the province example and on generated plans of growing size, to show the cost per
//! project is flat. No timing assertions: figures go to docs/PERFORMANCE.md.

use std::path::Path;
use std::time::{Duration, Instant};

fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let dest = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&dest).unwrap();
        } else {
            std::fs::copy(entry.path(), &dest).unwrap();
        }
    }
}

/// The province example with `n` projects (and one task per 10 projects) instead of its 20.
pub fn generate(n: usize, dir: &Path) {
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/tinh-ha-lam"),
        dir,
    );
    let mut tasks = String::from("section: nhiem-vu-xa-hoi-so\ntasks:\n");
    for t in 0..n.div_ceil(10) {
        tasks.push_str(&format!(
            "  - id: G{t}\n    title: Nhiệm vụ sinh tự động số {t}\n    lead: Sở Thông tin và Truyền thông\n    timeframe: Năm 2023\n    priority_tasks: [NV16]\n"
        ));
    }
    std::fs::write(dir.join("phan-2/12-xa-hoi-so.yaml"), tasks).unwrap();
    let mut p = String::from("section: danh-muc-du-an\nprojects:\n");
    for i in 0..n {
        p.push_str(&format!(
            "  - id: P{i:05}\n    name: Dự án chuyển đổi số sinh tự động số {i}\n    lead: Sở Thông tin và Truyền thông\n    cooperating: [Sở Tài chính, Sở Kế hoạch và Đầu tư]\n    status: mới\n    objective: \"Mục tiêu của dự án {i}, bảo đảm an toàn, hiệu quả\"\n    timeframe: \"2023-2024\"\n    investment: {}.5\n    funding: ngân sách địa phương\n    tasks: [G{}]\n    priority_tasks: [NV0{}]\n",
            100 + i,
            i / 10,
            1 + i % 9
        ));
    }
    std::fs::write(dir.join("phan-2/16-danh-muc.yaml"), p).unwrap();
    // The budget section would disagree with generated amounts; drop its totals.
    std::fs::write(
        dir.join("phan-2/14-kinh-phi.yaml"),
        "section: kinh-phi\ntext: Kinh phí từ ngân sách địa phương.\n",
    )
    .unwrap();
}

fn measure(label: &str, dir: &Path) {
    // Warm the page cache and check the plan is clean, so we time the normal path.
    let (_, diags) = dxplan_render::check_dir(dir).unwrap();
    assert!(
        diags
            .iter()
            .all(|d| d.severity != dxplan_core::diag::Severity::Error),
        "{label}: {:?}",
        diags.first().map(|d| &d.message.vi)
    );
    let mut times: Vec<Duration> = Vec::new();
    let start = Instant::now();
    while times.len() < 10 || (start.elapsed() < Duration::from_secs(3) && times.len() < 200) {
        let t = Instant::now();
        let r = dxplan_render::check_dir(dir).unwrap();
        times.push(t.elapsed());
        std::hint::black_box(r);
    }
    times.sort();
    let median = times[times.len() / 2];
    let min = times[0];
    println!(
        "{label:<34} median {:>9.2} ms   min {:>9.2} ms   ({} runs)",
        median.as_secs_f64() * 1e3,
        min.as_secs_f64() * 1e3,
        times.len()
    );
}

fn main() {
    measure(
        "check examples/tinh-ha-lam",
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/tinh-ha-lam"),
    );
    for n in [1000, 2000, 4000] {
        let tmp = tempfile::tempdir().unwrap();
        generate(n, tmp.path());
        measure(&format!("check generated, {n} projects"), tmp.path());
    }
}
