//! Hostile plans (issue 11): what a pull request can put in a plan must never crash dxplan, make
//! it read outside the plan, write where it must not, or inject into the reports CI shows.

use crate::common;

use std::path::Path;

fn check(dir: &Path, format: &str) -> (Option<i32>, String) {
    let o = common::dxplan()
        .args(["check", "--color", "never", "--format", format])
        .arg(dir)
        .output()
        .unwrap();
    (
        o.status.code(),
        String::from_utf8_lossy(&o.stdout).into_owned(),
    )
}

fn build(dir: &Path, out: &Path) -> std::process::Output {
    common::dxplan()
        .args(["build", "--format", "docx", "-o"])
        .arg(out)
        .arg(dir)
        .output()
        .unwrap()
}

#[test]
fn a_very_long_line_is_reported_not_a_panic() {
    let dir = common::example_copy("tinh-ha-lam");
    let long = format!("Tăng cường hợp tác quốc tế {}   ", "x".repeat(70_000));
    common::edit(
        dir.path(),
        "phan-2/13-giai-phap.yaml",
        "Tăng cường hợp tác quốc tế",
        &long,
    );
    let (code, out) = check(dir.path(), "human");
    assert_eq!(code, Some(0), "{out}");
    // The finding is there, located, without the excerpt miette cannot draw.
    assert!(out.contains("DX007"), "{out}");
    assert!(out.contains("phan-2/13-giai-phap.yaml:"), "{out}");
}

#[test]
fn keys_cannot_inject_into_reports() {
    let dir = common::example_copy("tinh-ha-lam");
    common::edit(
        dir.path(),
        "phan-2/13-giai-phap.yaml",
        "section: giai-phap",
        "section: giai-phap\n\"x\\n::error file=a.yaml::pwned\": 1",
    );
    for format in ["human", "concise", "github"] {
        let (_, out) = check(dir.path(), format);
        assert!(
            !out.lines()
                .any(|l| l.trim_start().starts_with("::error file=a.yaml")),
            "{format}: {out}"
        );
    }
    let (_, junit) = check(dir.path(), "junit");
    roxmltree::Document::parse(&junit).expect("JUnit stays well-formed XML");
}

#[test]
fn control_characters_never_make_ill_formed_xml() {
    let dir = common::example_copy("tinh-ha-lam");
    common::edit(
        dir.path(),
        "phan-2/02-muc-tieu.yaml",
        "text: Tổ chức diễn tập thực chiến bảo đảm an toàn thông tin mạng",
        "text: \"Tổ chức\\vdiễn tập\\x01 thực\\fchiến\\x1b bảo đảm an toàn thông tin mạng\"",
    );
    common::edit(
        dir.path(),
        "dxplan.toml",
        "title = \"Chuyển đổi số tỉnh Hà Lâm năm 2023\"",
        "title = \"Chuyển đổi số tỉnh Hà Lâm\\u0001 năm 2023\"",
    );
    let (_, out) = check(dir.path(), "concise");
    assert!(out.contains("DX008"), "{out}");
    let out_path = dir.path().join("out.docx");
    let o = build(dir.path(), &out_path);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let mut z = zip::ZipArchive::new(std::fs::File::open(&out_path).unwrap()).unwrap();
    for i in 0..z.len() {
        let mut f = z.by_index(i).unwrap();
        let name = f.name().to_string();
        if name.ends_with(".xml") || name.ends_with(".rels") {
            let mut s = String::new();
            std::io::Read::read_to_string(&mut f, &mut s).unwrap();
            roxmltree::Document::parse(&s).unwrap_or_else(|e| panic!("{name}: {e}"));
        }
    }
}

#[cfg(unix)]
#[test]
fn outputs_never_replace_links_devices_or_the_plan() {
    let dir = common::example_copy("tinh-ha-lam");
    let root = dir.path();
    // A link as output: refused, its target untouched.
    let target = root.join("target.txt");
    std::fs::write(&target, "giữ nguyên").unwrap();
    let link = root.join("link.docx");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    let o = build(root, &link);
    assert_ne!(o.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&o.stderr).contains("liên kết tượng trưng"));
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "giữ nguyên");
    // One of the plan's own files: refused, unchanged.
    let src = root.join("phan-2/01-can-cu.yaml");
    let before = std::fs::read(&src).unwrap();
    let o = build(root, &src);
    assert_ne!(o.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&o.stderr).contains("tệp của kế hoạch"));
    assert_eq!(std::fs::read(&src).unwrap(), before);
    // An existing directory: the output goes inside it, under its default name.
    let outdir = root.join("ra");
    std::fs::create_dir(&outdir).unwrap();
    let o = build(root, &outdir);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(
        outdir
            .join("ke-hoach-chuyen-doi-so-tinh-ha-lam-nam-2023.docx")
            .is_file()
    );
}

#[cfg(unix)]
#[test]
fn nothing_outside_the_plan_is_read() {
    let outside = tempfile::tempdir().unwrap();
    let secret = outside.path().join("secret.yaml");
    std::fs::write(&secret, "section: giai-phap\nsecret: BÍ MẬT\n").unwrap();
    let dir = common::example_copy("tinh-ha-lam");
    let root = dir.path();
    // A section file that is a link to a file outside the plan.
    std::os::unix::fs::symlink(&secret, root.join("phan-2/99-link.yaml")).unwrap();
    // A template override that is a link, and a framework file outside the plan.
    std::fs::create_dir_all(root.join("templates")).unwrap();
    std::os::unix::fs::symlink(&secret, root.join("templates/opening.txt")).unwrap();
    common::edit(
        root,
        "dxplan.toml",
        "framework = \"5406/BTTTT-CĐSQG\"",
        &format!(
            "framework = \"5406/BTTTT-CĐSQG\"\nframework_file = \"{}\"",
            secret.display()
        ),
    );
    let (code, out) = check(root, "human");
    assert_eq!(code, Some(1), "{out}");
    assert!(
        !out.contains("BÍ MẬT"),
        "a file outside the plan was quoted:\n{out}"
    );
    assert!(out.contains("phan-2/99-link.yaml"), "{out}");
    assert!(out.contains("không phải một tệp thường"), "{out}");
    assert!(out.contains("nằm ngoài thư mục kế hoạch"), "{out}");
    // A dxplan.toml that is a device would be read without end: refused at once.
    let dir = common::example_copy("tinh-ha-lam");
    std::fs::remove_file(dir.path().join("dxplan.toml")).unwrap();
    std::os::unix::fs::symlink("/dev/zero", dir.path().join("dxplan.toml")).unwrap();
    let (code, out) = check(dir.path(), "concise");
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("dxplan.toml"), "{out}");
}

#[test]
fn template_loops_are_bounded() {
    let dir = common::example_copy("tinh-ha-lam");
    std::fs::create_dir_all(dir.path().join("templates")).unwrap();
    std::fs::write(
        dir.path().join("templates/opening.txt"),
        "{% for a in range(1000) %}{% for b in range(1000) %}{% for c in range(1000) %}x{% endfor %}{% endfor %}{% endfor %}",
    )
    .unwrap();
    let (code, out) = check(dir.path(), "concise");
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("DX100"), "{out}");
}

#[cfg(feature = "pdf")]
#[test]
fn a_plan_layout_is_checked_and_bounded_in_time() {
    let dir = common::example_copy("tinh-ha-lam");
    std::fs::create_dir_all(dir.path().join("templates")).unwrap();
    let layout = dir.path().join("templates/layout.typ");
    // A broken layout fails `check`, not only `build`.
    std::fs::write(
        &layout,
        "#let doc = json(\"/doc.json\")\n#doc.no_such_field\n",
    )
    .unwrap();
    let (code, out) = check(dir.path(), "concise");
    assert_eq!(code, Some(1), "{out}");
    assert!(
        out.contains("DX100") && out.contains("templates/layout.typ:2"),
        "{out}"
    );
    // A layout that would run for hours is stopped.
    std::fs::write(
        &layout,
        "#let n = 0\n#for a in range(100000) { for b in range(100000) { n = n + 1 } }\n#n\n",
    )
    .unwrap();
    let o = common::dxplan()
        .env("DXPLAN_LAYOUT_TIMEOUT", "2")
        .args(["check", "--format", "concise"])
        .arg(dir.path())
        .output()
        .unwrap();
    let out = String::from_utf8_lossy(&o.stdout);
    assert_eq!(o.status.code(), Some(1), "{out}");
    assert!(out.contains("DX100") && out.contains("2 giây"), "{out}");
}

#[test]
fn an_invalid_config_value_is_reported_once_and_hides_nothing() {
    let dir = common::example_copy("tinh-ha-lam");
    common::edit(
        dir.path(),
        "dxplan.toml",
        "level = \"tinh\"",
        "level = \"xa\"",
    );
    common::edit(dir.path(), "dxplan.toml", "year = 2023", "year = \"2023\"");
    common::edit(
        dir.path(),
        "dxplan.toml",
        "number = \"215\"",
        "number = \"5\"",
    );
    let (json, code) = common::check_json(dir.path());
    assert_eq!(code, 1);
    let codes = common::codes(&json);
    // level and year: one finding each, located; not also "missing".
    assert_eq!(
        codes.iter().filter(|c| *c == "DX011").count(),
        2,
        "{codes:?}"
    );
    assert!(!codes.contains(&"DX012".to_string()), "{codes:?}");
    // The rest of dxplan.toml is still read and checked (the unpadded number).
    assert!(codes.contains(&"DX091".to_string()), "{codes:?}");
}

#[test]
fn odd_numbers_are_located_findings() {
    let dir = common::example_copy("tinh-ha-lam");
    common::edit(
        dir.path(),
        "dxplan.toml",
        "year = 2023",
        "year = 99999999999",
    );
    common::edit(
        dir.path(),
        "dxplan.toml",
        "date = \"2022-12-07\"",
        "date = \"0000-01-01\"",
    );
    common::edit(
        dir.path(),
        "phan-2/16-danh-muc.yaml",
        "investment: 7250.5",
        "investment: .nan",
    );
    let (json, code) = common::check_json(dir.path());
    assert_eq!(code, 1);
    let codes = common::codes(&json);
    // A `.nan` amount is one located finding on the value, the file is kept (no syntax error)
    // and no budget totals cascade from it.
    assert!(codes.contains(&"DX052".to_string()), "{codes:?}");
    assert!(!codes.contains(&"DX001".to_string()), "{codes:?}");
    assert!(!codes.contains(&"DX060".to_string()), "{codes:?}");
    assert!(!codes.contains(&"DX020".to_string()), "{codes:?}");
    // The year and the date out of range are located.
    assert_eq!(
        codes.iter().filter(|c| *c == "DX092").count(),
        2,
        "{codes:?}"
    );
}

#[test]
fn fix_keeps_the_bom_and_escapes_and_settles_in_one_run() {
    let dir = common::example_copy("tinh-ha-lam");
    let p = dir.path().join("phan-2/13-giai-phap.yaml");
    let text = std::fs::read_to_string(&p).unwrap();
    // A BOM, a decomposed (non-NFC) word on a line that also ends in spaces, and an escaped space
    // at the end of a line inside a double-quoted string.
    let text = text.replacen(
        "Tăng cường hợp tác quốc tế",
        "Ta\u{0306}ng cường hợp tác quốc tế   ",
        1,
    );
    let text = format!("\u{feff}{text}\nintro: \"Giải pháp chung:\\ \n  tiếp theo\"\n");
    std::fs::write(&p, &text).unwrap();
    let o = common::dxplan()
        .args(["check", "--fix"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("Đã sửa"),
        "{o:?}"
    );
    let after = std::fs::read_to_string(&p).unwrap();
    assert!(after.starts_with('\u{feff}'), "the BOM was dropped");
    assert!(
        after.contains("Tăng cường hợp tác quốc tế\n")
            || after.contains("Tăng cường hợp tác quốc tế\r\n")
    );
    assert!(
        after.contains("Giải pháp chung:\\ \n"),
        "an escaped space was removed"
    );
    let again = common::dxplan()
        .args(["check", "--diff"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(
        again.stdout.is_empty(),
        "{}",
        String::from_utf8_lossy(&again.stdout)
    );
}

#[test]
fn files_deeper_than_the_walk_are_said() {
    let dir = common::example_copy("tinh-ha-lam");
    let deep = dir.path().join("a/b/c/d/e/f/g/h/i");
    std::fs::create_dir_all(&deep).unwrap();
    std::fs::write(deep.join("x.yaml"), "section: giai-phap\n").unwrap();
    let (code, out) = check(dir.path(), "concise");
    assert_eq!(code, Some(0), "{out}");
    assert!(
        out.contains("DX003") && out.contains("a/b/c/d/e/f/g/h"),
        "{out}"
    );
}

#[cfg(feature = "pdf")]
#[test]
fn a_layout_that_allocates_without_end_is_stopped_and_writes_nothing() {
    let dir = common::example_copy("tinh-ha-lam");
    std::fs::create_dir_all(dir.path().join("templates")).unwrap();
    // Each round doubles the array: gigabytes within seconds, long before the time limit.
    std::fs::write(
        dir.path().join("templates/layout.typ"),
        "#let a = range(1000)\n#for i in range(40) { a = a + a }\n#a.len()\n",
    )
    .unwrap();
    // `check`: a located DX100, like the time limit.
    let o = common::dxplan()
        .env("DXPLAN_LAYOUT_MEMORY", "256")
        .args(["check", "--format", "concise"])
        .arg(dir.path())
        .output()
        .unwrap();
    let out = String::from_utf8_lossy(&o.stdout);
    assert_eq!(o.status.code(), Some(1), "{out}");
    assert!(
        out.contains("templates/layout.typ:1:1: lỗi DX100") && out.contains("cần quá 256 MiB"),
        "{out}"
    );
    // `build`: refused on that finding; nothing written, nothing left in the plan.
    let target = dir.path().join("out.docx");
    let o = common::dxplan()
        .env("DXPLAN_LAYOUT_MEMORY", "256")
        .args(["build", "--format", "all", "-o"])
        .arg(&target)
        .arg(dir.path())
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.contains("DX100") && err.contains("cần quá 256 MiB"),
        "{err}"
    );
    assert!(!target.exists() && !dir.path().join("out.pdf").exists());
    let stray: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with('.'))
        .collect();
    assert!(stray.is_empty(), "{stray:?}");
}

/// Issue 23: a file *name* is input. One holding a newline, a GitHub workflow command and an ESC
/// sequence is reported (DX008, at the file) and never printed raw: no output line of any format
/// starts with `::` but GitHub's own annotations, no ESC byte anywhere, and SARIF's URI is
/// percent-encoded.
#[test]
fn file_names_are_escaped_in_every_output() {
    let dir = common::example_copy("tinh-ha-lam");
    let bad = "x\n::error title=pwn::hacked\u{1b}[31m.yaml";
    std::fs::rename(
        dir.path().join("phan-2/02-muc-tieu.yaml"),
        dir.path().join("phan-2").join(bad),
    )
    .unwrap();
    for format in ["human", "concise", "json", "github", "sarif", "junit"] {
        let (code, out) = check(dir.path(), format);
        assert_eq!(code, Some(0), "{format}: warnings only\n{out}");
        assert!(!out.contains('\u{1b}'), "{format}: raw ESC\n{out}");
        for line in out.lines() {
            let annotation = format == "github"
                && ["::error file=", "::warning file=", "::notice file="]
                    .iter()
                    .any(|p| line.starts_with(p));
            assert!(
                annotation || !line.trim_start().starts_with("::"),
                "{format}: a line from a file name: {line}"
            );
        }
        if format != "json" {
            assert!(
                out.contains("DX008") || format == "sarif",
                "{format}\n{out}"
            );
        }
        if format == "sarif" {
            assert!(out.contains("x%0A%3A%3Aerror%20title%3Dpwn%3A%3Ahacked%1B%5B31m.yaml"));
        }
    }
    let out = tempfile::tempdir().unwrap();
    let o = build(dir.path(), &out.path().join("k.docx"));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        !err.contains('\u{1b}') && !err.lines().any(|l| l.trim_start().starts_with("::")),
        "{err}"
    );
}

/// Issue 23: links on the output path. A plan that commits `build` as a link makes neither
/// `build PLAN` nor `-o build/…` (from the plan as working directory) write through it; `init`
/// refuses a linked subdirectory of NEW, NEW inside OLD and NEW an existing file; a linked section
/// directory and a linked plan directory in `rollup` are reported, not followed.
#[cfg(unix)]
#[test]
fn links_on_output_paths_are_refused() {
    use std::os::unix::fs::symlink;
    let elsewhere = tempfile::tempdir().unwrap();
    let victim = elsewhere
        .path()
        .join("ke-hoach-chuyen-doi-so-tinh-ha-lam-nam-2023.docx");
    std::fs::write(&victim, "keep").unwrap();
    let plan = common::example_copy("tinh-ha-lam");
    symlink(elsewhere.path(), plan.path().join("build")).unwrap();
    let o = common::dxplan()
        .args(["build", "--format", "docx"])
        .arg(plan.path())
        .output()
        .unwrap();
    assert_ne!(o.status.code(), Some(0));
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("liên kết"),
        "{o:?}"
    );
    let o = common::dxplan()
        .current_dir(plan.path())
        .args(["build", ".", "--format", "all", "-o", "build/ke-hoach"])
        .output()
        .unwrap();
    assert_ne!(o.status.code(), Some(0));
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep");
    assert_eq!(std::fs::read_dir(elsewhere.path()).unwrap().count(), 1);

    // init: a linked phan-2/ under NEW.
    let tmp = tempfile::tempdir().unwrap();
    let new = tmp.path().join("moi");
    std::fs::create_dir_all(&new).unwrap();
    symlink(elsewhere.path(), new.join("phan-2")).unwrap();
    let o = common::dxplan()
        .arg("init")
        .arg(&new)
        .args(["--level", "tinh"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("liên kết tượng trưng"));
    assert_eq!(std::fs::read_dir(elsewhere.path()).unwrap().count(), 1);
    // NEW an existing file; NEW inside OLD.
    let file = tmp.path().join("tep");
    std::fs::write(&file, "x").unwrap();
    let o = common::dxplan()
        .arg("init")
        .arg(&file)
        .args(["--level", "tinh"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("là một tệp"));
    let o = common::dxplan()
        .arg("init")
        .arg(plan.path().join("nam-sau"))
        .arg("--from")
        .arg(plan.path())
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("bên trong kế hoạch cũ"));
    assert!(!plan.path().join("nam-sau").exists());

    // A linked section directory is said.
    let p2 = common::example_copy("tinh-ha-lam");
    let moved = tempfile::tempdir().unwrap();
    std::fs::rename(p2.path().join("phan-1"), moved.path().join("phan-1")).unwrap();
    symlink(moved.path().join("phan-1"), p2.path().join("phan-1")).unwrap();
    let (_, out) = check(p2.path(), "concise");
    assert!(
        out.contains("phan-1") && out.contains("liên kết tượng trưng tới một thư mục"),
        "{out}"
    );

    // rollup: a linked plan directory in a folder of plans is a row with an error.
    let folder = tempfile::tempdir().unwrap();
    symlink(common::example("tinh-ha-lam"), folder.path().join("tinh")).unwrap();
    let out = tmp.path().join("r.json");
    common::dxplan()
        .arg("rollup")
        .arg(folder.path())
        .arg("-o")
        .arg(&out)
        .assert()
        .code(0);
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    assert!(
        v["plans"][0]["error"]
            .as_str()
            .unwrap()
            .contains("liên kết"),
        "{v:#}"
    );
}

/// Issue 23: roll-up outputs. A carriage return, raw HTML and an image in an issuer's name stay
/// inside their Markdown cell and escaped in HTML; a text over Excel's 32,767 characters is cut
/// with a warning instead of failing the whole workbook.
#[test]
fn rollup_outputs_keep_texts_in_their_cells() {
    let dir = common::example_copy("tinh-ha-lam");
    let long = "Ủy ban nhân dân tỉnh Hà Lâm ".repeat(1_500);
    common::edit(
        dir.path(),
        "dxplan.toml",
        "full_name = \"Ủy ban nhân dân tỉnh Hà Lâm\"",
        &format!(
            "full_name = \"Ủy ban\\r## Chiếm quyền\\n| ![x](http://e/x.png) <img src=x onerror=alert(1)> \\u001b[31m {long}\""
        ),
    );
    let tmp = tempfile::tempdir().unwrap();
    for ext in ["md", "html", "xlsx"] {
        let out = tmp.path().join(format!("r.{ext}"));
        let o = common::dxplan()
            .arg("rollup")
            .arg(dir.path())
            .arg("-o")
            .arg(&out)
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(0), "{ext}: {o:?}");
        if ext == "xlsx" {
            assert!(
                String::from_utf8_lossy(&o.stderr).contains("đã bị cắt"),
                "{o:?}"
            );
            continue;
        }
        let text = std::fs::read_to_string(&out).unwrap();
        assert!(!text.contains('\r') && !text.contains('\u{1b}'), "{ext}");
        if ext == "html" {
            assert!(!text.contains("<img src=x"), "raw HTML");
        }
        if ext == "md" {
            // Raw HTML only backslash-escaped (CommonMark shows it as text).
            assert_eq!(
                text.matches("<img").count(),
                text.matches("\\<img").count(),
                "raw HTML"
            );
            assert!(
                !text.lines().any(|l| l.starts_with("## Chiếm")),
                "injected heading"
            );
            assert!(!text.contains(" ![x]("), "an image");
            let row = text.lines().find(|l| l.contains("Chiếm quyền")).unwrap();
            assert!(row.starts_with("| Ủy ban") && row.ends_with('|'), "{row}");
        }
    }
}

/// Issue 23: `init --from` writes OLD's texts as data, never as YAML of its own: a task title
/// holding a line break and keys (a forged evaluation item, a second `section:`) lands on one
/// line of the new plan's evaluation, and the new plan has no duplicate or unknown section.
#[test]
fn init_from_cannot_be_injected_by_old_texts() {
    let dir = common::example_copy("tinh-ha-lam");
    common::edit(
        dir.path(),
        "phan-2/03-nhan-thuc-so.yaml",
        "    title: Công bố bài toán, nhân rộng sáng kiến chuyển đổi số",
        "    title: \"Công bố bài toán\\n  - number: \\\"9\\\"\\n    results: giả mạo\\nsection: gia-mao\"",
    );
    let tmp = tempfile::tempdir().unwrap();
    let new = tmp.path().join("n");
    common::dxplan()
        .arg("init")
        .arg(&new)
        .arg("--from")
        .arg(dir.path())
        .assert()
        .code(0);
    let eval = std::fs::read_to_string(new.join("phan-1/02-danh-gia-nhiem-vu.yaml")).unwrap();
    assert_eq!(eval.matches("\nsection:").count(), 1, "{eval}");
    assert!(
        eval.contains("Công bố bài toán - number: \"9\" results: giả mạo section: gia-mao"),
        "{eval}"
    );
    let (json, _) = common::check_json(&new);
    let codes = common::codes(&json);
    for bad in ["DX001", "DX010", "DX021", "DX022", "DX025"] {
        assert!(!codes.iter().any(|c| c == bad), "{bad} in {codes:?}");
    }
}

/// Issue 23 (high): a 300-byte template that builds a list by sharing (10⁹ items) and prints,
/// joins or concatenates it once is charged one step; it used to run 30 s at 2.5–3.8 GB. Now the
/// output is bounded and the plan's own templates run under a memory budget: each case ends as a
/// located DX100, under the address-space limit a CI job might set.
#[cfg(target_os = "linux")]
#[test]
fn template_memory_is_bounded() {
    let nested = "{% set a = [1,2,3,4,5,6,7,8,9,10] %}{% set b = [a,a,a,a,a,a,a,a,a,a] %}{% set c = [b,b,b,b,b,b,b,b,b,b] %}{% set d = [c,c,c,c,c,c,c,c,c,c] %}{% set e = [d,d,d,d,d,d,d,d,d,d] %}{% set f = [e,e,e,e,e,e,e,e,e,e] %}{% set g = [f,f,f,f,f,f,f,f,f,f] %}{% set h = [g,g,g,g,g,g,g,g,g,g] %}{% set i = [h,h,h,h,h,h,h,h,h,h] %}";
    let bin = assert_cmd::cargo::cargo_bin("dxplan");
    for tail in ["{{ i }}", "{{ i|join|length }}", "{{ (i ~ \"\")|length }}"] {
        let dir = common::example_copy("tinh-ha-lam");
        std::fs::create_dir_all(dir.path().join("templates")).unwrap();
        std::fs::write(
            dir.path().join("templates/opening.txt"),
            format!("{nested}{tail}"),
        )
        .unwrap();
        let o = std::process::Command::new("sh")
            .arg("-c")
            .arg(format!(
                "ulimit -v 2000000; exec '{}' check --format concise '{}'",
                bin.display(),
                dir.path().display()
            ))
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        let out = String::from_utf8_lossy(&o.stdout);
        assert_eq!(
            o.status.code(),
            Some(1),
            "{tail}: {out}{}",
            String::from_utf8_lossy(&o.stderr)
        );
        assert!(
            out.contains("templates/opening.txt") && out.contains("DX100"),
            "{tail}: {out}"
        );
    }
}

/// Issue 23: cost in proportion. One paragraph of 200 KiB (the PDF layout's cost grows faster
/// than a paragraph: 500 KiB took 5 s and 400 MB) is refused by `check`, located, before any
/// build; and the plan's files together have a budget (many files under the per-file cap).
#[test]
fn a_huge_paragraph_and_a_huge_plan_are_refused_early() {
    let dir = common::example_copy("tinh-ha-lam");
    let unit = "**đậm** và *nghiêng* trong câu dài của kế hoạch. ";
    let long = unit.repeat(200 * 1024 / unit.len());
    common::edit(
        dir.path(),
        "phan-1/muc-tieu-2022.yaml",
        "text: |\n",
        &format!("text: |\n  {long}\n\n"),
    );
    let (code, out) = check(dir.path(), "concise");
    assert_eq!(code, Some(1), "{out}");
    assert!(
        out.contains("phan-1/muc-tieu-2022.yaml:4:3") && out.contains("DX003"),
        "{out}"
    );

    let big = common::example_copy("tinh-ha-lam");
    let filler = format!("# {}\n", "x".repeat(1000)).repeat(3900);
    for i in 0..9 {
        std::fs::write(big.path().join(format!("phan-2/zz-{i}.yaml")), &filler).unwrap();
    }
    let (code, out) = check(big.path(), "concise");
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("cộng lại vượt 32 MiB"), "{out}");
}
