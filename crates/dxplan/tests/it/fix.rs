//! `check --fix` and `--diff`: before, after, and a second run that changes nothing.

use crate::common;

#[test]
fn fixes_are_safe_and_idempotent() {
    let dir = common::example_copy("tinh-ha-lam");
    let root = dir.path();
    common::edit(root, "dxplan.toml", "number = \"215\"", "number = \"5\"");
    common::edit(
        root,
        "phan-2/13-giai-phap.yaml",
        "Tăng cường hợp tác quốc tế",
        "Ta\u{0306}ng cường hợp tác quốc tế",
    );
    common::edit(
        root,
        "phan-2/16-danh-muc.yaml",
        "funding: vốn ODA",
        "funding: Vốn  ODA",
    );
    common::edit(
        root,
        "phan-2/16-danh-muc.yaml",
        "priority_tasks: [NV13]",
        "priority_tasks: [nv13]   ",
    );
    common::edit(
        root,
        "phan-2/13-giai-phap.yaml",
        "section: giai-phap",
        "section: Giai-Phap",
    );
    common::edit(
        root,
        "phan-2/16-danh-muc.yaml",
        "    status: mới\n    objective: \"Hưởng ứng",
        "    status: Mới\n    objective: \"Hưởng ứng",
    );
    common::edit(
        root,
        "phan-2/01-can-cu.yaml",
        "date: 03/6/2020",
        "date: 3/6/2020",
    );
    // Amount text with the Vietnamese thousands dot reads one way: nothing to fix, left as written
    // (DX056's own fix is in its fixture).
    common::edit(
        root,
        "phan-2/14-kinh-phi.yaml",
        "amount: 5300}",
        "amount: \"5.300\"}",
    );
    // The pre-ND30 comma after a căn cứ line.
    common::edit(
        root,
        "dxplan.toml",
        "  \"749/QĐ-TTg\",",
        "  \"749/QĐ-TTg,\",",
    );
    // A comment and the file's order must survive.
    common::edit(
        root,
        "phan-2/14-kinh-phi.yaml",
        "by_source:",
        "# nguồn vốn theo danh mục\nby_source:",
    );

    let (before, code) = common::check_json(root);
    assert_eq!(code, 1, "{before:#}");

    let diff = common::dxplan()
        .args(["check", "--diff"])
        .arg(root)
        .output()
        .unwrap();
    assert_eq!(diff.status.code(), Some(1));
    let d = String::from_utf8(diff.stdout).unwrap();
    insta::assert_snapshot!("fix_diff", d);
    // --diff wrote nothing.
    assert_eq!(common::check_json(root).1, 1);

    let fix = common::dxplan()
        .args(["check", "--fix"])
        .arg(root)
        .output()
        .unwrap();
    assert_eq!(
        fix.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&fix.stdout)
    );
    assert!(String::from_utf8_lossy(&fix.stderr).contains("Đã sửa"));
    let (after, code) = common::check_json(root);
    assert_eq!(code, 0, "{after:#}");
    assert_eq!(after["summary"]["warnings"], 0, "{after:#}");
    assert_eq!(after["summary"]["infos"], 0, "{after:#}");
    let budget = std::fs::read_to_string(root.join("phan-2/14-kinh-phi.yaml")).unwrap();
    assert!(budget.contains("# nguồn vốn theo danh mục\nby_source:"));
    assert!(budget.contains("amount: 86600.5"));
    assert!(budget.contains("amount: \"5.300\"}"), "{budget}");
    assert!(
        std::fs::read_to_string(root.join("dxplan.toml"))
            .unwrap()
            .contains("number = \"05\"")
    );
    assert!(
        std::fs::read_to_string(root.join("dxplan.toml"))
            .unwrap()
            .contains("  \"749/QĐ-TTg\",\n")
    );

    // A second run has nothing left to change.
    let again = common::dxplan()
        .args(["check", "--diff"])
        .arg(root)
        .output()
        .unwrap();
    assert_eq!(again.status.code(), Some(0));
    assert!(again.stdout.is_empty());
}
