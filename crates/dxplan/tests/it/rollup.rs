//! `dxplan rollup` (issue 13): many plans into one workbook, page, JSON or Markdown, with the same
//! numbers `status` and `check` give for each plan.

use crate::common;

use std::io::Read;
use std::path::Path;

fn rollup(out: &Path, extra: &[&str]) {
    common::dxplan()
        .arg("rollup")
        .arg(common::root().join("examples"))
        .args(extra)
        .arg("-o")
        .arg(out)
        .assert()
        .code(0);
}

#[test]
fn every_number_is_what_status_and_check_say() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("r.json");
    rollup(&out, &[]);
    let r: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(r["version"], 1);
    let plans = r["plans"].as_array().unwrap();
    assert_eq!(plans.len(), 2);
    // Ministries first, then provinces.
    assert_eq!(plans[0]["level"], "bo");
    for ex in ["tinh-ha-lam", "bo-hang-hai"] {
        let dir = common::example(ex);
        let p = plans
            .iter()
            .find(|p| p["dir"].as_str().unwrap().ends_with(ex))
            .unwrap();
        let st = common::dxplan()
            .args(["status", "--format", "json"])
            .arg(&dir)
            .output()
            .unwrap();
        let st: serde_json::Value = serde_json::from_slice(&st.stdout).unwrap();
        assert_eq!(p["total"], st["total"], "{ex}");
        let covered = p["priority"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|s| *s == "có")
            .count();
        assert_eq!(covered as u64, st["covered"].as_u64().unwrap(), "{ex}");
        assert_eq!(
            p["by_source"],
            st["by_source"]
                .clone()
                .as_array()
                .map(|_| p["by_source"].clone())
                .unwrap()
        );
        let metrics_met = p["metrics"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|m| m["met"] == true)
            .count();
        let st_met = st["metrics"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|m| m["met"] == true)
            .count();
        assert_eq!(metrics_met, st_met, "{ex}");
        // Progress, as status shows it.
        if let Some(imp) = st["implementation"].as_object() {
            let done = imp["targets"]
                .as_array()
                .unwrap()
                .iter()
                .find(|r| r[0] == "hoàn thành")
                .unwrap()[1]
                .clone();
            assert_eq!(p["targets_done"], done, "{ex}");
            let disbursed: f64 = imp["disbursed"]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| r[2].as_f64().unwrap())
                .sum();
            assert!(
                (p["disbursed"].as_f64().unwrap() - disbursed).abs() < 1e-9,
                "{ex}"
            );
        }
        let (check, _) = common::check_json(&dir);
        assert_eq!(p["errors"], check["summary"]["errors"], "{ex}");
        assert_eq!(p["warnings"], check["summary"]["warnings"], "{ex}");
    }
    let total: f64 = plans.iter().map(|p| p["total"].as_f64().unwrap()).sum();
    assert!((r["total"].as_f64().unwrap() - total).abs() < 1e-6);
}

#[test]
fn an_unreadable_plan_is_a_row_not_an_abort() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("r.json");
    common::dxplan()
        .arg("rollup")
        .arg(common::example("tinh-ha-lam"))
        .arg(tmp.path().join("khong-co"))
        .arg("-o")
        .arg(&out)
        .assert()
        .code(0);
    let r: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    let plans = r["plans"].as_array().unwrap();
    assert_eq!(plans.len(), 2);
    assert!(plans.iter().any(|p| p["error"].is_string()));
}

/// Plans with layouts of their own are compiled side by side without starving typst of threads,
/// and a layout that grows without end is blamed on its own plan only.
#[cfg(feature = "pdf")]
#[test]
fn plans_with_their_own_layouts_roll_up_side_by_side() {
    let tmp = tempfile::tempdir().unwrap();
    let layout = std::fs::read_to_string(common::root().join("templates/layout.typ")).unwrap();
    let mut dirs = Vec::new();
    for (name, example, text) in [
        ("a", "tinh-ha-lam", layout.as_str()),
        ("b", "bo-hang-hai", layout.as_str()),
        ("c", "tinh-ha-lam", layout.as_str()),
        (
            "x",
            "tinh-ha-lam",
            "#let a = range(1000)\n#for i in range(40) { a = a + a }\n#a.len()\n",
        ),
    ] {
        let d = common::example_copy(example);
        std::fs::create_dir_all(d.path().join("templates")).unwrap();
        std::fs::write(d.path().join("templates/layout.typ"), text).unwrap();
        dirs.push((name, d));
    }
    let out = tmp.path().join("r.json");
    common::dxplan()
        .env("DXPLAN_LAYOUT_TIMEOUT", "20")
        .env("DXPLAN_LAYOUT_MEMORY", "256")
        .arg("rollup")
        .args(dirs.iter().map(|(_, d)| d.path()))
        .arg("-o")
        .arg(&out)
        .assert()
        .code(0);
    let r: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    for p in r["plans"].as_array().unwrap() {
        let dir = p["dir"].as_str().unwrap();
        let hostile = dir == dirs[3].1.path().to_str().unwrap();
        // A stall runs into the time limit: every layout would fail with DX100 (it used to).
        assert_eq!(p["errors"], if hostile { 1 } else { 0 }, "{dir}: {p}");
    }
}

#[test]
fn workbook_page_and_markdown() {
    let tmp = tempfile::tempdir().unwrap();
    // The workbook: the six sheets, frozen headers, the same bytes twice.
    let (a, b) = (tmp.path().join("a.xlsx"), tmp.path().join("b.xlsx"));
    rollup(&a, &[]);
    rollup(&b, &[]);
    assert_eq!(
        std::fs::read(&a).unwrap(),
        std::fs::read(&b).unwrap(),
        "deterministic"
    );
    let mut z = zip::ZipArchive::new(std::fs::File::open(&a).unwrap()).unwrap();
    let mut wb = String::new();
    z.by_name("xl/workbook.xml")
        .unwrap()
        .read_to_string(&mut wb)
        .unwrap();
    for sheet in [
        "Tổng quan",
        "Nhiệm vụ trọng tâm",
        "Ngưỡng và thời hạn",
        "Kinh phí",
        "Mục tiêu",
        "Dự án",
    ] {
        assert!(wb.contains(&format!("name=\"{sheet}\"")), "{sheet}: {wb}");
    }
    let mut s1 = String::new();
    z.by_name("xl/worksheets/sheet1.xml")
        .unwrap()
        .read_to_string(&mut s1)
        .unwrap();
    assert!(
        s1.contains("<pane") && s1.contains("autoFilter"),
        "frozen header and filter"
    );
    // The page: self-contained, the sections, the chart.
    let html = tmp.path().join("r.html");
    rollup(&html, &[]);
    let page = std::fs::read_to_string(&html).unwrap();
    for part in [
        "id=\"tong-quan\"",
        "id=\"nhiem-vu-trong-tam\"",
        "id=\"kinh-phi\"",
        "<svg",
        "Ủy ban nhân dân tỉnh Hà Lâm",
    ] {
        assert!(page.contains(part), "{part}");
    }
    assert!(
        !page.contains("http://")
            || page.matches("http://").count()
                == page.matches("xmlns=\"http://www.w3.org/2000/svg\"").count(),
        "nothing loaded from elsewhere"
    );
    // Markdown.
    let md = tmp.path().join("r.md");
    rollup(&md, &[]);
    let text = std::fs::read_to_string(&md).unwrap();
    assert!(
        text.contains("| Bộ Hàng hải và Đường thủy | Bộ | 1468/QĐ-BHHĐT |"),
        "{text}"
    );
    // The matrix's totals: per plan, and per priority task under the plans.
    assert!(
        text.contains("| **Số kế hoạch có** | **1** | **2** |"),
        "{text}"
    );
    // The coverage chart: a bar per task, its parts titled with their counts.
    assert!(page.contains("Số kế hoạch theo nhiệm vụ trọng tâm"));
    assert!(page.contains("<title>NV02 — có: 2</title>"), "{page}");
    assert!(
        page.contains("<title>NV01 — có: 1</title>")
            && page.contains("<title>NV01 — không áp dụng: 1</title>")
    );
}

/// LibreOffice opens the workbook and reads the overview with the plans' issuers.
#[test]
#[cfg_attr(
    not(feature = "interop"),
    ignore = "needs LibreOffice Calc: the interop feature"
)]
fn libreoffice_reads_the_workbook() {
    if !common::require_tool("soffice") {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let x = tmp.path().join("r.xlsx");
    rollup(&x, &[]);
    let profile = tempfile::tempdir().unwrap();
    let o = std::process::Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.path().display()
        ))
        // Calc's CSV filter, comma-separated, UTF-8 (76).
        .args([
            "--headless",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76",
            "--outdir",
        ])
        .arg(tmp.path())
        .arg(&x)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let csv = std::fs::read_to_string(tmp.path().join("r.csv")).unwrap();
    assert!(csv.contains("Ủy ban nhân dân tỉnh Hà Lâm"), "{csv}");
    assert!(csv.contains("Bộ Hàng hải và Đường thủy"), "{csv}");
}

/// A real browser renders the page: headless Chromium takes a screenshot that is not blank, and
/// its DOM dump has the three sections.
#[test]
#[cfg_attr(
    not(feature = "interop"),
    ignore = "needs Chromium: the interop feature"
)]
fn a_browser_renders_the_page() {
    let browser = ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find(|b| {
            std::process::Command::new("sh")
                .arg("-c")
                .arg(format!("command -v {b}"))
                .output()
                .is_ok_and(|o| o.status.success())
        });
    let Some(browser) = browser else {
        common::require_tool("chromium");
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let html = tmp.path().join("r.html");
    rollup(&html, &[]);
    let shot = tmp.path().join("shot.png");
    let profile = tempfile::tempdir().unwrap();
    let url = format!("file://{}", html.display());
    let base = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--window-size=1280,900",
    ];
    let o = std::process::Command::new(browser)
        .args(base)
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg(format!("--screenshot={}", shot.display()))
        .arg(&url)
        .output()
        .unwrap();
    assert!(
        shot.exists(),
        "no screenshot: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    let png = std::fs::read(&shot).unwrap();
    assert!(png.starts_with(b"\x89PNG"));
    // A blank page compresses to almost nothing; tables and text do not.
    assert!(
        png.len() > 20_000,
        "screenshot of {} bytes looks blank",
        png.len()
    );
    let dom = std::process::Command::new(browser)
        .args(base)
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg("--dump-dom")
        .arg(&url)
        .output()
        .unwrap();
    let dom = String::from_utf8_lossy(&dom.stdout);
    for id in ["tong-quan", "nhiem-vu-trong-tam", "kinh-phi"] {
        assert!(
            dom.contains(&format!("id=\"{id}\"")),
            "{id} missing from the DOM"
        );
    }
}

/// openpyxl (the library analysts script Excel files with) opens the workbook; its sheets hold the
/// same numbers as the roll-up's JSON, which the first test ties to `status` and `check`.
#[test]
#[cfg_attr(
    not(feature = "interop"),
    ignore = "needs openpyxl: the interop feature"
)]
fn openpyxl_reads_the_same_numbers() {
    if !common::require_python_module("openpyxl") {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let (x, j) = (tmp.path().join("r.xlsx"), tmp.path().join("r.json"));
    rollup(&x, &[]);
    rollup(&j, &[]);
    let script = r#"
import sys, json, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
out = {"sheets": wb.sheetnames}
ws = wb["Tổng quan"]
rows = list(ws.iter_rows(values_only=True))
head = rows[0]
out["freeze"] = ws.freeze_panes
out["overview"] = [dict(zip(head, r)) for r in rows[1:]]
out["amount_format"] = ws.cell(row=2, column=head.index("Kinh phí (triệu đồng)") + 1).number_format
m = wb["Nhiệm vụ trọng tâm"]
mrows = list(m.iter_rows(values_only=True))
out["matrix_head"] = list(mrows[0])
out["matrix"] = [list(r) for r in mrows[1:]]
print(json.dumps(out, ensure_ascii=False))
"#;
    let o = std::process::Command::new("python3")
        .args(["-c", script])
        .arg(&x)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let wb: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let r: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&j).unwrap()).unwrap();
    assert_eq!(wb["sheets"].as_array().unwrap().len(), 6);
    assert_eq!(wb["freeze"], "A2");
    assert_eq!(wb["amount_format"], "#,##0.###");
    let plans = r["plans"].as_array().unwrap();
    let overview = wb["overview"].as_array().unwrap();
    assert_eq!(overview.len(), plans.len());
    for (row, p) in overview.iter().zip(plans) {
        assert_eq!(row["Cơ quan"], p["issuer"]);
        for (col, key) in [
            ("Lỗi", "errors"),
            ("Cảnh báo", "warnings"),
            ("Mục tiêu", "targets"),
            ("Nhiệm vụ", "tasks"),
            ("Dự án", "projects"),
            ("Mục tiêu hoàn thành", "targets_done"),
        ] {
            assert_eq!(row[col].as_f64(), p[key].as_f64(), "{col}: {row}");
        }
        for (col, key) in [
            ("Kinh phí (triệu đồng)", "total"),
            ("Đã giải ngân (triệu đồng)", "disbursed"),
        ] {
            let (a, b) = (row[col].as_f64().unwrap(), p[key].as_f64().unwrap());
            assert!((a - b).abs() < 1e-9, "{col}: {a} vs {b}");
        }
    }
    // The matrix: one column per priority task and the plan's count; the totals row counts "có".
    let head = wb["matrix_head"].as_array().unwrap();
    let tasks = r["priority_tasks"].as_array().unwrap();
    assert_eq!(head.len(), tasks.len() + 2);
    let matrix = wb["matrix"].as_array().unwrap();
    for (row, p) in matrix.iter().zip(plans) {
        let covered = p["priority"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|s| *s == "có")
            .count();
        assert_eq!(row[tasks.len() + 1].as_f64(), Some(covered as f64));
    }
    let totals = matrix.last().unwrap();
    assert_eq!(totals[0], "Số kế hoạch có");
    for (i, _) in tasks.iter().enumerate() {
        let n = plans.iter().filter(|p| p["priority"][i] == "có").count();
        assert_eq!(totals[i + 1].as_f64(), Some(n as f64), "task {i}");
    }
}

/// A plan on a framework known in part (5511: no list of priority tasks) says "chưa rõ" in each
/// matrix cell — not "chưa có", which would count as 23 tasks forgotten — and is left out of the
/// totals row's "missing".
#[test]
fn a_plan_on_a_partial_framework_is_unknown_in_the_matrix() {
    let tmp = tempfile::tempdir().unwrap();
    let plans = tmp.path().join("plans");
    std::fs::create_dir_all(&plans).unwrap();
    common::dxplan()
        .arg("init")
        .arg(plans.join("nam-2026"))
        .args(["--level", "tinh", "--framework", "5511/BKHCN-CĐSQG"])
        .assert()
        .code(0);
    common::copy_dir(&common::example("tinh-ha-lam"), &plans.join("tinh-ha-lam"));
    let out = tmp.path().join("r.json");
    common::dxplan()
        .arg("rollup")
        .arg(&plans)
        .arg("-o")
        .arg(&out)
        .assert()
        .code(0);
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    let rows = v["plans"].as_array().unwrap();
    let partial = rows
        .iter()
        .find(|p| p["framework"] == "5511/BKHCN-CĐSQG")
        .unwrap_or_else(|| panic!("{v:#}"));
    let cells = partial["priority"].as_array().unwrap();
    assert_eq!(cells.len(), 23);
    assert!(
        cells
            .iter()
            .all(|c| c.as_str().unwrap().starts_with("chưa rõ")),
        "{cells:?}"
    );
}
