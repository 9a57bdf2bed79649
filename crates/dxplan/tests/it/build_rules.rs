//! Renderer rules (`build: true` fixtures, e.g. DX110 pdf-font, DX111 layout-warning): `build
//! --format pdf` succeeds and names the rule on stderr. The core's rule tests skip these: they
//! need typst.

use crate::common::fixture;

use crate::common;

#[test]
fn renderer_rules_fire_on_the_pdf_build() {
    let mut seen = 0;
    for rule in std::fs::read_dir(common::root().join("tests/fixtures/rules")).unwrap() {
        for f in std::fs::read_dir(rule.unwrap().path()).unwrap() {
            let path = f.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            if !(name.starts_with("fixture") && name.ends_with(".yaml")) {
                continue;
            }
            let (fx, dir) = fixture::materialise(&path);
            if !fx.build {
                continue;
            }
            seen += 1;
            if !cfg!(feature = "pdf") {
                continue; // a binary without PDF has no PDF findings
            }
            let out = common::dxplan()
                .args(["build", "--format", "pdf", "-o"])
                .arg(dir.path().join("out.pdf"))
                .arg(dir.path())
                .output()
                .unwrap();
            let err = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(0), "{name}: {err}");
            assert!(
                err.contains(&fx.expect),
                "{}: expected {} in: {err}",
                path.display(),
                fx.expect
            );
        }
    }
    assert!(seen >= 2, "the renderer rules' fixtures were not found");
}
