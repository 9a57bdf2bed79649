//! `dxplan status`: the priority-task coverage table and the investment totals.

mod common;

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
