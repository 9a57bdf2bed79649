//! `dxplan init NEW --from OLD`: next year's plan from this year's data (issue 12).

use crate::common;

#[test]
fn next_years_plan_starts_from_this_years_results() {
    let tmp = tempfile::tempdir().unwrap();
    let new = tmp.path().join("ke-hoach-2024");
    let old = common::example("tinh-ha-lam");
    common::dxplan()
        .args(["init"])
        .arg(&new)
        .arg("--from")
        .arg(&old)
        .assert()
        .code(0);
    let read = |p: &str| std::fs::read_to_string(new.join(p)).unwrap();
    // A draft for the next year, same issuer.
    let config = read("dxplan.toml");
    assert!(config.contains("year = 2024"), "{config}");
    assert!(
        config.contains("number = \"\"") && config.contains("date = \"\""),
        "{config}"
    );
    assert!(
        config.contains("Chuyển đổi số tỉnh Hà Lâm năm 2024"),
        "{config}"
    );
    assert!(config.contains("full_name = \"Ủy ban nhân dân tỉnh Hà Lâm\""));

    // Counted here from the old plan's text: targets and their recorded results.
    let targets = std::fs::read_to_string(old.join("phan-2/02-muc-tieu.yaml")).unwrap();
    let total = targets.matches("\n  - id: MT").count();
    let done = targets.matches("result: {status: hoàn thành,").count();
    let sentence = read("phan-1/01-danh-gia-muc-tieu.yaml");
    assert!(
        sentence.contains(&format!("đã hoàn thành {done}/{total} chỉ tiêu")),
        "{sentence}"
    );
    assert!(sentence.contains("{phụ lục:ket-qua-2023}"));
    // One row per old target in the results phụ lục; those without a result say so.
    let appendix = read("phu-luc/ket-qua-2023.yaml");
    let rows = appendix.matches("\n    - [").count();
    assert_eq!(rows, total, "{appendix}");
    let recorded = targets.matches("    result: {").count();
    let said_unknown = targets
        .matches("result: {status: chưa có thông tin đánh giá")
        .count();
    assert_eq!(
        appendix.matches("\"chưa có thông tin đánh giá\"]").count(),
        total - recorded + said_unknown
    );

    // Projects running past 2023 and not finished are carried over as "chuyển tiếp".
    let danh_muc = read("phan-2/19-danh-muc-du-an.yaml");
    assert!(danh_muc.contains("id: \"DA06\""), "{danh_muc}");
    assert!(danh_muc.contains("status: chuyển tiếp"));
    assert!(danh_muc.contains("timeframe: \"2024-2025\""));
    assert!(
        !danh_muc.contains("id: \"DA01\""),
        "a 2023-only project was carried"
    );
    // The old guidance letter is left out of the căn cứ, the rest carried.
    let can_cu = read("phan-2/04-can-cu.yaml");
    assert!(!can_cu.contains("5406/BTTTT-CĐSQG"));
    assert!(can_cu.contains("749/QĐ-TTg"));

    // `check` reads every generated file (no syntax or schema error) and lists the work left.
    let (json, code) = common::check_json(&new);
    assert_eq!(code, 1);
    let codes = common::codes(&json);
    for bad in ["DX001", "DX010", "DX011", "DX028", "DX029"] {
        assert!(!codes.contains(&bad.to_string()), "{bad} in {codes:?}");
    }
    assert!(
        codes.contains(&"DX023".to_string()),
        "b) is left to write: {codes:?}"
    );
}

#[test]
fn next_years_plan_for_a_new_framework_file() {
    let tmp = tempfile::tempdir().unwrap();
    let new = tmp.path().join("ke-hoach-2024");
    let o = common::dxplan()
        .args(["init"])
        .arg(&new)
        .arg("--from")
        .arg(common::example("tinh-ha-lam"))
        .arg("--framework-file")
        .arg(common::root().join("tests/fixtures/custom-framework/khung-test.yaml"))
        .output()
        .unwrap();
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    // Sections the new framework does not have are said, not dropped in silence.
    assert!(String::from_utf8_lossy(&o.stderr).contains("không có trong Khung TEST/2024"));
    let config = std::fs::read_to_string(new.join("dxplan.toml")).unwrap();
    assert!(
        config.contains("framework = \"TEST/2024\"")
            && config.contains("framework_file = \"khung.yaml\"")
    );
    assert!(new.join("khung.yaml").is_file());
    let (json, _) = common::check_json(&new);
    let codes = common::codes(&json);
    for bad in ["DX001", "DX005", "DX010", "DX011", "DX022"] {
        assert!(!codes.contains(&bad.to_string()), "{bad} in {codes:?}");
    }
}
