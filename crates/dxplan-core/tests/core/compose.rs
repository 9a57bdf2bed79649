//! The composed document IR of both examples, snapshotted as an outline (one line per block: role,
//! look, first words; `Document::outline`): what both renderers draw. A change to compose shows
//! here first, in a diff a reviewer can read, before any DOCX or PDF byte moves.

use crate::common;

#[test]
fn ir_of_the_examples() {
    for ex in ["tinh-ha-lam", "bo-hang-hai"] {
        let c = dxplan_core::compile(
            &common::example(ex),
            &dxplan_core::compose::Options { draft: false },
        )
        .unwrap();
        // Information (a heading in the plan's own words) is not a defect of the example.
        let defects = c
            .diags
            .iter()
            .filter(|d| d.severity != dxplan_core::diag::Severity::Info)
            .count();
        assert_eq!(defects, 0, "{ex}: {defects} errors or warnings");
        insta::assert_snapshot!(format!("ir_{ex}"), c.doc.outline());
    }
}
