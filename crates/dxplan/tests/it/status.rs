//! `dxplan status`: the priority-task coverage table and the investment totals.

use crate::common;

#[test]
fn coverage_of_the_province_plan() {
    let out = common::dxplan()
        .args(["status", "--format", "json"])
        .arg(common::example("tinh-ha-lam"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["covered"], 23);
    assert_eq!(v["uncovered"], 0);
    let nv21 = v["priority_tasks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "NV21")
        .unwrap();
    assert_eq!(nv21["tasks"], serde_json::json!(["N7.04"]));
    assert_eq!(nv21["projects"], serde_json::json!(["DA15"]));
    assert_eq!(v["total"], 128100.5);
    let ns = v["by_source"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r[0] == "ngân sách địa phương")
        .unwrap();
    assert_eq!(ns[1], 86600.5);
    let attt = v["by_group"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r[0] == "7. An toàn thông tin mạng")
        .unwrap();
    assert_eq!(attt[1], 4300.0 + 11800.0 + 2650.0 + 950.0);
}

#[test]
fn ministry_shows_not_applicable_and_markdown() {
    let out = common::dxplan()
        .args(["status", "--format", "markdown"])
        .arg(common::example("bo-hang-hai"))
        .output()
        .unwrap();
    let md = String::from_utf8(out.stdout).unwrap();
    insta::assert_snapshot!("status_markdown_bo", md);
    assert!(md.contains("18 có, 5 không áp dụng, 0 chưa có"));
    let table = common::dxplan()
        .args(["status"])
        .arg(common::example("bo-hang-hai"))
        .output()
        .unwrap();
    let t = String::from_utf8(table.stdout).unwrap();
    assert!(t.contains("NV14") && t.contains("không áp dụng"));
}

#[test]
fn uncovered_tasks_are_marked() {
    let dir = common::example_copy("tinh-ha-lam");
    let p = dir.path().join("phan-2/09-an-toan-thong-tin.yaml");
    let s = std::fs::read_to_string(&p)
        .unwrap()
        .replace("priority_tasks: [NV21]", "priority_tasks: [NV19]");
    std::fs::write(&p, s).unwrap();
    let p = dir.path().join("phan-2/16-danh-muc.yaml");
    let s = std::fs::read_to_string(&p)
        .unwrap()
        .replace("priority_tasks: [NV21, NV19]", "priority_tasks: [NV19]");
    std::fs::write(&p, s).unwrap();
    let out = common::dxplan()
        .args(["status"])
        .arg(dir.path())
        .output()
        .unwrap();
    let t = String::from_utf8(out.stdout).unwrap();
    assert!(t.contains("22 có, 0 không áp dụng, 1 chưa có"), "{t}");
    assert!(
        t.lines()
            .any(|l| l.starts_with("NV21") && l.ends_with("CHƯA CÓ")),
        "{t}"
    );
}

/// `status` and `check` answer from the same model (`Plan::priority_coverage`,
/// `Plan::metric_status`): an uncovered priority task is a DX030 finding and an unmet threshold or
/// deadline a DX070/DX071 finding, on the examples and on plans that meet a metric by a task.
/// (file, old, new): one edit of an example.
type Edit = (&'static str, &'static str, &'static str);

#[test]
fn status_and_check_agree() {
    let cases: Vec<(&str, Option<Edit>)> = vec![
        ("tinh-ha-lam", None),
        ("bo-hang-hai", None),
        (
            "bo-hang-hai",
            Some((
                "phan-2/09-nhiem-vu-an-toan-thong-tin.yaml",
                "Quý I/2023 - Quý III/2023",
                "Quý I/2023 - Quý IV/2023",
            )),
        ),
        (
            "bo-hang-hai",
            Some((
                "phan-2/09-nhiem-vu-an-toan-thong-tin.yaml",
                "tổ chức tối thiểu 01 cuộc diễn tập",
                "tổ chức diễn tập",
            )),
        ),
        (
            "tinh-ha-lam",
            Some((
                "phan-2/08-nhan-luc-so.yaml",
                "priority_tasks: [NV17]",
                "priority_tasks: []",
            )),
        ),
    ];
    for (example, edit) in cases {
        let dir = common::example_copy(example);
        if let Some((file, old, new)) = edit {
            common::edit(dir.path(), file, old, new);
        }
        let out = common::dxplan()
            .args(["status", "--format", "json"])
            .arg(dir.path())
            .output()
            .unwrap();
        let status: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let (check, _) = common::check_json(dir.path());
        let codes = common::codes(&check);
        let count = |c: &str| codes.iter().filter(|x| *x == c).count();
        assert_eq!(
            status["uncovered"].as_u64().unwrap() as usize,
            count("DX030"),
            "{example} {edit:?}"
        );
        let unmet = status["metrics"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|m| m["met"] == false)
            .count();
        assert_eq!(
            unmet > 0,
            count("DX070") + count("DX071") > 0,
            "{example} {edit:?}: {status:#}"
        );
        if edit.is_some() {
            assert!(
                status["uncovered"].as_u64().unwrap() > 0 || unmet > 0,
                "{example} {edit:?}: the edit breaks something"
            );
        }
    }
}

/// The implementation view counts what the example records, computed here from the files' text.
#[test]
fn implementation_view_counts_the_recorded_results() {
    let dir = common::example("tinh-ha-lam");
    let out = common::dxplan()
        .args(["status", "--format", "json"])
        .arg(&dir)
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let imp = &v["implementation"];
    let targets = std::fs::read_to_string(dir.join("phan-2/02-muc-tieu.yaml")).unwrap();
    // "result: {status: X," or "result: {status: X}".
    let count = |text: &str, status: &str| {
        text.matches(&format!("result: {{status: {status},"))
            .count()
            + text
                .matches(&format!("result: {{status: {status}}}"))
                .count()
    };
    let total =
        targets.matches("\n  - id: MT").count() + usize::from(targets.starts_with("  - id: MT"));
    assert_eq!(imp["targets_total"], total);
    let by = |key: &str, name: &str| {
        imp[key]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r[0] == name)
            .unwrap()[1]
            .as_u64()
            .unwrap() as usize
    };
    assert_eq!(by("targets", "hoàn thành"), count(&targets, "hoàn thành"));
    assert_eq!(
        by("targets", "chưa hoàn thành"),
        count(&targets, "chưa hoàn thành")
    );
    let recorded = targets.matches("    result: {").count();
    let said_unknown = count(&targets, "chưa có thông tin đánh giá");
    assert_eq!(
        by("targets", "chưa có thông tin đánh giá"),
        total - recorded + said_unknown
    );
    // Disbursed: the sum of `disbursed` of the projects funded by the local budget.
    let projects = std::fs::read_to_string(dir.join("phan-2/16-danh-muc.yaml")).unwrap();
    let disbursed: f64 = projects
        .split("disbursed: ")
        .skip(1)
        .map(|s| {
            s.split([',', '}'])
                .next()
                .unwrap()
                .trim()
                .parse::<f64>()
                .unwrap()
        })
        .sum();
    let local = imp["disbursed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r[2].as_f64().unwrap())
        .sum::<f64>();
    assert!((local - disbursed).abs() < 1e-9, "{local} vs {disbursed}");
}

/// "Ban hành trước ngày 10/12/2022": a plan dated that very day is late for DX093, for `status` and
/// for the roll-up alike (the roll-up once said "on time" there) — one function of the model.
#[test]
fn on_time_has_one_answer() {
    let dir = common::example_copy("tinh-ha-lam");
    common::edit(
        dir.path(),
        "dxplan.toml",
        "date = \"2022-12-07\"",
        "date = \"2022-12-10\"",
    );
    let (json, _) = common::check_json(dir.path());
    assert!(
        common::codes(&json).contains(&"DX093".to_string()),
        "{json:#}"
    );
    let o = common::dxplan()
        .args(["status", "--format", "json"])
        .arg(dir.path())
        .output()
        .unwrap();
    let status: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(status["issued_in_time"], false);
    let table = common::dxplan()
        .arg("status")
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&table.stdout).contains("Ban hành trước ngày 10/12/2022: CHƯA ĐẠT")
    );
    let out = tempfile::tempdir().unwrap();
    let json_path = out.path().join("r.json");
    let o = common::dxplan()
        .arg("rollup")
        .arg(dir.path())
        .arg("-o")
        .arg(&json_path)
        .output()
        .unwrap();
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let r: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&json_path).unwrap()).unwrap();
    let plans = r["plans"].as_array().unwrap_or_else(|| panic!("{r:#}"));
    assert_eq!(plans[0]["on_time"], false, "{r:#}");
}
