//! Inline suppressions and `[lint]` severity overrides, and that legal requirements stay locked.

use crate::common;

#[test]
fn suppression_with_reason_silences_its_line_only() {
    let dir = common::example_copy("tinh-ha-lam");
    let root = dir.path();
    common::edit(
        root,
        "phan-2/01-can-cu.yaml",
        "number: 942/QĐ-TTg",
        "number: 924/QĐ-TTg  # dxplan: ignore[DX082] văn bản đã đối chiếu bản gốc",
    );
    common::edit(
        root,
        "phan-2/01-can-cu.yaml",
        "number: 411/QĐ-TTg",
        "number: 412/QĐ-TTg",
    );
    let (json, _) = common::check_json(root);
    assert_eq!(common::codes(&json), ["DX082"], "{json:#}");
    assert!(
        json["diagnostics"][0]["message"]
            .as_str()
            .unwrap()
            .contains("412/QĐ-TTg")
    );
}

#[test]
fn suppressions_without_reason_unused_or_on_locked_rules_are_reported() {
    let dir = common::example_copy("tinh-ha-lam");
    let root = dir.path();
    common::edit(
        root,
        "phan-2/01-can-cu.yaml",
        "number: 942/QĐ-TTg",
        "number: 924/QĐ-TTg  # dxplan: ignore[DX082]",
    );
    common::edit(
        root,
        "phan-2/01-can-cu.yaml",
        "number: 749/QĐ-TTg",
        "number: 749/QĐ-TTg  # dxplan: ignore[DX082] không cần",
    );
    common::edit(
        root,
        "phan-2/16-danh-muc.yaml",
        "  - id: DA01\n",
        "  - id: DA01  # dxplan: ignore[DX055] chưa có thông tin\n",
    );
    common::edit(
        root,
        "phan-2/16-danh-muc.yaml",
        "    status: mới\n    objective: \"Hưởng ứng Ngày Chuyển đổi số quốc gia 10/10\"\n",
        "",
    );
    let (json, code) = common::check_json(root);
    let mut codes = common::codes(&json);
    codes.sort();
    assert_eq!(
        codes,
        ["DX055", "DX082", "DX101", "DX101", "DX102"],
        "{json:#}"
    );
    assert_eq!(code, 1, "a locked rule's error stands");
}

#[test]
fn lint_overrides_and_locked_rules() {
    let dir = common::example_copy("tinh-ha-lam");
    let root = dir.path();
    common::edit(
        root,
        "phan-2/01-can-cu.yaml",
        "number: 942/QĐ-TTg",
        "number: 924/QĐ-TTg",
    );
    common::edit(
        root,
        "phan-2/02-muc-tieu.yaml",
        "    indicator: Số lĩnh vực có dữ liệu được tổng hợp trên nền tảng\n    value: 5\n    unit: lĩnh vực\n",
        "",
    );
    let toml = root.join("dxplan.toml");
    let mut s = std::fs::read_to_string(&toml).unwrap();
    s.push_str("\n[lint.severity]\nDX040 = \"error\"\nDX082 = \"off\"\nDX030 = \"off\"\nDX999 = \"info\"\n");
    std::fs::write(&toml, s).unwrap();
    let (json, code) = common::check_json(root);
    let found: Vec<(String, String)> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_string(),
                d["severity"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert!(
        found.contains(&("DX040".into(), "error".into())),
        "{found:?}"
    );
    assert!(!found.iter().any(|(c, _)| c == "DX082"), "{found:?}");
    assert_eq!(
        found.iter().filter(|(c, _)| c == "DX103").count(),
        2,
        "DX030 locked, DX999 unknown: {found:?}"
    );
    assert_eq!(code, 1);
    let rules = common::dxplan().arg("rules").output().unwrap();
    let r = String::from_utf8(rules.stdout).unwrap();
    assert!(
        r.lines()
            .any(|l| l.starts_with("DX030") && l.contains("bắt buộc")),
        "{r}"
    );
}
