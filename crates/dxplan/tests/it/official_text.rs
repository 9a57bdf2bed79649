//! What a correct plan must not get (issue 14): dxplan's own vocabulary in the official text, and
//! findings a correct ministry plan does not deserve.

use crate::common;

use std::io::Read;

fn docx_text(example: &std::path::Path) -> String {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("x.docx");
    common::dxplan()
        .args(["build", "--format", "docx", "-o"])
        .arg(&out)
        .arg(example)
        .assert()
        .code(0);
    let mut z = zip::ZipArchive::new(std::fs::File::open(&out).unwrap()).unwrap();
    let mut xml = String::new();
    z.by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    xml
}

#[test]
fn no_priority_task_code_in_the_official_text() {
    for ex in ["tinh-ha-lam", "bo-hang-hai"] {
        let xml = docx_text(&common::example(ex));
        for n in 1..=23 {
            let code = format!("NV{n:02}");
            assert!(!xml.contains(&code), "{ex}: {code} in the document");
        }
        assert!(!xml.contains("nhiệm vụ trọng tâm không áp dụng"), "{ex}");
    }
}

#[test]
fn a_correct_ministry_plan_gets_no_undeserved_findings() {
    let dir = common::example_copy("bo-hang-hai");
    // A task group with a sentence and no task of its own has content.
    let p = dir.path().join("phan-2/11-nhiem-vu-kinh-te-so.yaml");
    std::fs::write(
        &p,
        "section: nhiem-vu-kinh-te-so\nintro: Bộ không có nhiệm vụ kinh tế số riêng trong năm 2023; các đơn vị phối hợp với địa phương theo đề nghị.\n",
    )
    .unwrap();
    // A target whose sentence carries its number and unit is quantitative.
    common::edit(
        dir.path(),
        "phan-2/02-muc-tieu.yaml",
        "indicator: Số cơ sở dữ liệu kết nối, value: 6, unit: cơ sở dữ liệu, baseline: 4,",
        "",
    );
    // The national committee's 2023 plan is in the registry.
    common::edit(
        dir.path(),
        "phan-2/01-can-cu.yaml",
        "  - {type: Công văn, number: 5406/BTTTT-CĐSQG",
        "  - {type: Quyết định, number: 17/QĐ-UBQGCĐS, date: 04/4/2023, issuer: Chủ tịch Ủy ban Quốc gia về Chuyển đổi số, title: ban hành Kế hoạch hoạt động của Ủy ban Quốc gia về chuyển đổi số năm 2023}\n  - {type: Công văn, number: 5406/BTTTT-CĐSQG",
    );
    let (json, _) = common::check_json(dir.path());
    let codes = common::codes(&json);
    for c in ["DX024", "DX040", "DX082"] {
        assert!(!codes.contains(&c.to_string()), "{c}: {json:#}");
    }
}
