//! Reading a plan's files: each finding of the reading stage is reported once.

use crate::common;

/// A raw control character in dxplan.toml is one DX008, not two (the reader once ran the scan twice
/// on that file).
#[test]
fn a_raw_control_character_in_the_config_is_reported_once() {
    let dir = common::example_copy("tinh-ha-lam");
    common::edit(
        dir.path(),
        "dxplan.toml",
        "title = \"Chuyển đổi số tỉnh Hà Lâm năm 2023\"",
        "title = \"Chuyển đổi số tỉnh Hà Lâm năm 2023\" # ghi chú\u{7}",
    );
    let (json, _) = common::check_json(dir.path());
    let dx008: Vec<_> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "DX008")
        .collect();
    assert_eq!(dx008.len(), 1, "{json:#}");
    assert_eq!(dx008[0]["file"], "dxplan.toml");
}
