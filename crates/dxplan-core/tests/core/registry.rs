//! The rule registry and the examples: every rule has a fixture, and the examples are clean.

use crate::common;

#[test]
fn every_rule_has_a_fixture() {
    let dir = common::root().join("tests/fixtures/rules");
    for r in dxplan_core::check::rules::ALL {
        assert!(
            dir.join(r.code).join("fixture.yaml").is_file(),
            "no fixture for {} {}",
            r.code,
            r.name
        );
    }
}

#[test]
fn every_fixture_names_a_rule() {
    for e in std::fs::read_dir(common::root().join("tests/fixtures/rules")).unwrap() {
        let name = e.unwrap().file_name().to_string_lossy().into_owned();
        assert!(
            dxplan_core::check::find(&name).is_some(),
            "fixture {name} names no rule"
        );
    }
}

#[test]
fn locked_rules_are_the_legal_requirements() {
    let locked: Vec<&str> = dxplan_core::check::rules::ALL
        .iter()
        .filter(|r| r.locked)
        .map(|r| r.code)
        .collect();
    assert_eq!(
        locked,
        [
            "DX001", "DX002", "DX003", "DX006", "DX020", "DX023", "DX030", "DX031", "DX055",
            "DX070", "DX071", "DX090", "DX091", "DX092", "DX094", "DX095"
        ]
    );
}

#[test]
fn examples_pass_with_no_errors() {
    for ex in ["tinh-ha-lam", "bo-hang-hai"] {
        let (json, code) = common::check_json(&common::example(ex));
        assert_eq!(json["summary"]["errors"], 0, "{ex}: {json:#}");
        assert_eq!(json["summary"]["warnings"], 0, "{ex}: {json:#}");
        assert_eq!(code, 0);
    }
}
