//! The composed document IR of both examples, snapshotted as JSON: what both renderers draw. A
//! change to compose shows here first, in a reviewable diff, before any DOCX or PDF byte moves.

mod common;

#[test]
fn ir_of_the_examples() {
    for ex in ["tinh-ha-lam", "bo-hang-hai"] {
        let c = dxplan::compile(
            &common::example(ex),
            &dxplan::compose::Options { draft: false },
        )
        .unwrap();
        // Information (a heading in the plan's own words) is not a defect of the example.
        let defects = c
            .diags
            .iter()
            .filter(|d| d.severity != dxplan::diag::Severity::Info)
            .count();
        assert_eq!(defects, 0, "{ex}: {defects} errors or warnings");
        insta::assert_json_snapshot!(format!("ir_{ex}"), c.doc);
    }
}
