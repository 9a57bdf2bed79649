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

/// Issue 22: the 2023 example carried into 2024 lands on 6074/BTTTT-CĐSQG, evaluates 2023 in its
/// Phần I, cites 6074 in its opening (the default sentence: OLD's own words for 5406 are not
/// copied), leaves last year's report behind, and carries DA02 — planned for 2023 alone but "đang
/// thực hiện" — as "chuyển tiếp".
#[test]
fn next_year_lands_on_the_next_framework() {
    let tmp = tempfile::tempdir().unwrap();
    let new = tmp.path().join("n");
    let o = common::dxplan()
        .arg("init")
        .arg(&new)
        .arg("--from")
        .arg(common::example("tinh-ha-lam"))
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let config = std::fs::read_to_string(new.join("dxplan.toml")).unwrap();
    assert!(
        config.contains("framework = \"6074/BTTTT-CĐSQG\""),
        "{config}"
    );
    assert!(
        !config.contains("proposals"),
        "last year's proposals: {config}"
    );
    let danh_muc = std::fs::read_to_string(new.join("phan-2/19-danh-muc-du-an.yaml")).unwrap();
    let da02 = danh_muc
        .split("- id: ")
        .find(|p| p.starts_with("\"DA02\""))
        .unwrap();
    assert!(da02.contains("status: chuyển tiếp") && da02.contains("timeframe: \"2024\""));
    assert!(da02.contains("đã giải ngân 600 triệu đồng"), "{da02}");
    let c = dxplan_core::compile(&new, &dxplan_core::compose::Options { draft: true }).unwrap();
    let texts: Vec<String> = c.doc.texts().into_iter().map(|(_, t)| t).collect();
    assert!(
        texts
            .iter()
            .any(|t| t == "ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN NĂM 2023"),
        "{texts:#?}"
    );
    assert!(
        texts
            .iter()
            .any(|t| t.contains("TÌNH HÌNH THỰC HIỆN CÁC MỤC TIÊU NĂM 2023")),
        "{texts:#?}"
    );
    let opening = texts.iter().find(|t| t.starts_with("Thực hiện")).unwrap();
    assert!(
        opening
            .replace('\u{2060}', "")
            .contains("6074/BTTTT-CĐSQG ngày 06/12/2023"),
        "{opening}"
    );
    let codes: Vec<&str> = c.diags.iter().map(|d| d.rule.code).collect();
    assert!(codes.contains(&"DX013"), "{codes:?}");
    assert!(
        !codes.contains(&"DX015") && !codes.contains(&"DX032"),
        "{codes:?}"
    );
}

/// 2023 → 2024 → 2025 → 2026 on the built-in frameworks, then 2027 twice: with no framework for it
/// (OLD's, a warning, and a "…" opening that `check` reports) and with the year's file made by
/// `framework new` the week the letter arrives. Every step's plan reads without a syntax, schema
/// or framework error.
#[test]
fn the_chain_of_years_2023_to_2027() {
    let tmp = tempfile::tempdir().unwrap();
    let mut old = common::example("tinh-ha-lam");
    for (year, fw) in [
        (2024, "6074/BTTTT-CĐSQG"),
        (2025, "3816/BTTTT-CĐSQG"),
        (2026, "5511/BKHCN-CĐSQG"),
    ] {
        let new = tmp.path().join(year.to_string());
        common::dxplan()
            .arg("init")
            .arg(&new)
            .arg("--from")
            .arg(&old)
            .assert()
            .code(0);
        let config = std::fs::read_to_string(new.join("dxplan.toml")).unwrap();
        assert!(
            config.contains(&format!("framework = \"{fw}\"")),
            "{config}"
        );
        assert!(config.contains(&format!("year = {year}")));
        let (json, _) = common::check_json(&new);
        let codes = common::codes(&json);
        for bad in [
            "DX001", "DX005", "DX010", "DX011", "DX015", "DX028", "DX029",
        ] {
            assert!(
                !codes.iter().any(|c| c == bad),
                "{year}: {bad} in {codes:?}"
            );
        }
        old = new;
    }
    // 2026 on 5511: its tasks must be "6 rõ".
    let (json, _) = common::check_json(&old);
    assert!(common::codes(&json).iter().any(|c| c == "DX041"));
    // 2027 without its framework: OLD's, said on stderr, and the blanks reported.
    let blank = tmp.path().join("2027-trong");
    let o = common::dxplan()
        .arg("init")
        .arg(&blank)
        .arg("--from")
        .arg(&old)
        .output()
        .unwrap();
    assert!(o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("chưa có Khung năm 2027") && err.contains("framework new"),
        "{err}"
    );
    let (json, _) = common::check_json(&blank);
    assert!(
        common::codes(&json).iter().any(|c| c == "DX015"),
        "{json:#}"
    );
    // 2027 with the year's framework file, made from 5511 and the new letter.
    let khung = tmp.path().join("khung-2027.yaml");
    common::dxplan()
        .args([
            "framework",
            "new",
            "--from",
            "5511/BKHCN-CĐSQG",
            "--year",
            "2027",
        ])
        .args(["--letter", "4321/BKHCN-CĐSQG", "--date", "2026-10-15", "-o"])
        .arg(&khung)
        .assert()
        .code(0);
    common::dxplan()
        .args(["framework", "check"])
        .arg(&khung)
        .assert()
        .code(0);
    let y2027 = tmp.path().join("2027");
    common::dxplan()
        .arg("init")
        .arg(&y2027)
        .arg("--from")
        .arg(&old)
        .arg("--framework-file")
        .arg(&khung)
        .assert()
        .code(0);
    let (json, _) = common::check_json(&y2027);
    let codes = common::codes(&json);
    for bad in ["DX001", "DX005", "DX010", "DX011", "DX015"] {
        assert!(!codes.iter().any(|c| c == bad), "2027: {bad} in {codes:?}");
    }
    let c = dxplan_core::compile(&y2027, &dxplan_core::compose::Options { draft: true }).unwrap();
    let texts: Vec<String> = c.doc.texts().into_iter().map(|(_, t)| t).collect();
    assert!(
        texts
            .iter()
            .any(|t| t == "ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN NĂM 2026")
    );
    let opening = texts.iter().find(|t| t.starts_with("Thực hiện")).unwrap();
    assert!(
        opening
            .replace('\u{2060}', "")
            .contains("4321/BKHCN-CĐSQG ngày 15/10/2026 của Bộ Khoa học và Công nghệ"),
        "{opening}"
    );
}

/// `framework list` names every built-in framework with its year, letter, date, issuer and how
/// much of it dxplan has.
#[test]
fn framework_list_shows_every_year() {
    let o = common::dxplan()
        .args(["framework", "list"])
        .output()
        .unwrap();
    assert!(o.status.success());
    let out = String::from_utf8_lossy(&o.stdout);
    for (year, id, date) in [
        ("2023", "5406/BTTTT-CĐSQG", "03/11/2022"),
        ("2024", "6074/BTTTT-CĐSQG", "06/12/2023"),
        ("2025", "3816/BTTTT-CĐSQG", "14/9/2024"),
        ("2026", "5511/BKHCN-CĐSQG", "10/10/2025"),
    ] {
        let line = out
            .lines()
            .find(|l| l.contains(id))
            .unwrap_or_else(|| panic!("{out}"));
        assert!(line.starts_with(year) && line.contains(date), "{line}");
    }
    assert!(out.contains("Bộ Khoa học và Công nghệ") && out.contains("một phần"));
}

/// `init --framework 5511/BKHCN-CĐSQG`: a 2026 plan whose `check` lists the "6 rõ" gaps of its
/// starter tasks and says once what the partial framework cannot check.
#[test]
fn a_2026_plan_on_5511_asks_for_six_clear_tasks() {
    let tmp = tempfile::tempdir().unwrap();
    common::dxplan()
        .arg("init")
        .arg(tmp.path())
        .args(["--level", "tinh", "--framework", "5511/BKHCN-CĐSQG"])
        .assert()
        .code(0);
    let config = std::fs::read_to_string(tmp.path().join("dxplan.toml")).unwrap();
    assert!(config.contains("year = 2026") && config.contains("Bộ Khoa học và Công nghệ (b/c)"));
    let (json, _) = common::check_json(tmp.path());
    let six: Vec<&serde_json::Value> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "DX041")
        .collect();
    assert_eq!(six.len(), 10, "one starter task per task group: {json:#}");
    assert!(six[0]["message"].as_str().unwrap().contains("„6 rõ”"));
    assert_eq!(
        common::codes(&json)
            .iter()
            .filter(|c| *c == "DX013")
            .count(),
        1
    );
}

/// A framework file with mistakes: `framework check` names the line, exits 1.
#[test]
fn framework_check_locates_mistakes() {
    for (file, line, words) in [
        ("bad-date.yaml", 8, "không phải ngày"),
        ("bad-key.yaml", 6, "nam_ke_hoach"),
    ] {
        let o = common::dxplan()
            .args(["framework", "check"])
            .arg(common::root().join("tests/fixtures/frameworks").join(file))
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(1), "{file}");
        let out = String::from_utf8_lossy(&o.stdout);
        assert!(out.contains(&format!("{file}:{line}:")), "{file}: {out}");
        assert!(out.contains(words), "{file}: {out}");
    }
}
