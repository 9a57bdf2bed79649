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
        assert!(c.diags.is_empty(), "{ex}: {} findings", c.diags.len());
        insta::assert_json_snapshot!(format!("ir_{ex}"), c.doc);
    }
}
