//! `dxplan import FILE.docx -o DIR`: a plan written in Word in, a plan directory out; prints what
//! it recovered and every paragraph it could not place, then checks the result.

use std::path::{Path, PathBuf};

use dxplan_core::lang::Lang;
use dxplan_core::model::Level;
use dxplan_core::msg;

use super::{Error, ExitStatus, Result, builtin_framework};
use crate::commands::init::InitLevel;

/// The largest DOCX read (its parts are bounded again when inflated).
const MAX_DOCX: u64 = 64 << 20;

pub fn run(
    file: &Path,
    dir: PathBuf,
    framework: Option<&str>,
    framework_file: Option<&Path>,
    level: Option<InitLevel>,
    force: bool,
    lang: Lang,
) -> Result {
    let p = file.display();
    let meta = std::fs::metadata(file).map_err(|e| {
        Error(dxplan_core::lang::io_failed(
            &format!("không đọc được {p}"),
            &format!("cannot read {p}"),
            &e,
        ))
    })?;
    if !meta.is_file() || meta.len() > MAX_DOCX {
        return Err(Error(msg!(
            "{p} không phải một tệp DOCX đọc được (tệp thường, tối đa 64 MiB)",
            "{p} is not a readable DOCX (a regular file of at most 64 MiB)"
        )));
    }
    let mut bytes = std::fs::read(file).map_err(|e| {
        Error(dxplan_core::lang::io_failed(
            &format!("không đọc được {p}"),
            &format!("cannot read {p}"),
            &e,
        ))
    })?;
    // A Word 97 file (an OLE compound file; a .docx with a password is one too): through
    // LibreOffice when it is installed, else refused with how to save it as .docx.
    let mut converted = false;
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        match through_libreoffice(file) {
            Some(b) => {
                bytes = b;
                converted = true;
            }
            None => {
                let m = dxplan_import::docx::ReadError::OleCompound.message();
                let (vi, en) = (m.vi.clone(), m.en.clone());
                return Err(Error(msg!("{p}: {vi}", "{p}: {en}")));
            }
        }
    }
    let doc = dxplan_import::docx::read(&bytes).map_err(|e| {
        let m = e.message();
        let (vi, en) = (m.vi.clone(), m.en.clone());
        Error(msg!("{p}: {vi}", "{p}: {en}"))
    })?;
    // The framework named, else the built-in one of the year the title names (a 2026 plan is on
    // 5511), else the newest before it, else the default.
    let given = framework_file
        .map(|f| super::framework_file(f, dxplan_import::title_year(&doc)))
        .transpose()?;
    let fw = match (&given, framework) {
        (Some((_, f)), _) => f.clone(),
        (None, Some(id)) => builtin_framework(id)?,
        (None, None) => {
            let year = dxplan_import::title_year(&doc);
            let chosen = year.and_then(|y| {
                dxplan_core::framework::BUILTIN
                    .iter()
                    .filter_map(|(id, _)| {
                        dxplan_core::framework::Framework::builtin_for(id, Some(y))
                    })
                    .filter(|f| f.plan_year <= y)
                    .max_by_key(|f| f.plan_year)
            });
            match chosen {
                Some(f) => f,
                None => builtin_framework(dxplan_core::model::DEFAULT_FRAMEWORK)?,
            }
        }
    };
    let level_given = level.is_some();
    let level = match level {
        Some(InitLevel::Tinh) => Level::Tinh,
        Some(InitLevel::Bo) => Level::Bo,
        None => dxplan_import::issuer_level(&doc).unwrap_or(Level::Tinh),
    };
    let mut imported = dxplan_import::import(&doc, &fw, level);
    if let Some((text, _)) = given {
        super::carry_framework_file(&mut imported.files, text);
    }
    if !force && dir.exists() && std::fs::read_dir(&dir).is_ok_and(|mut d| d.next().is_some()) {
        let d = dir.display();
        return Err(Error(msg!(
            "{d} đã có tệp: chọn thư mục trống, hoặc dùng --force để ghi đè",
            "{d} is not empty: choose an empty directory, or use --force to overwrite"
        )));
    }
    dxplan_core::init::write_files(&dir, imported.files, true).map_err(|e| match e {
        dxplan_core::init::InitError::Io(p, e) => {
            let p = p.display();
            Error(dxplan_core::lang::io_failed(
                &format!("không ghi được {p}"),
                &format!("cannot write {p}"),
                &e,
            ))
        }
        dxplan_core::init::InitError::Link(p) => {
            let p = p.display();
            Error(msg!(
                "không ghi: {p} là một liên kết tượng trưng",
                "not writing: {p} is a symbolic link"
            ))
        }
        _ => {
            let d = dir.display();
            Error(msg!("không ghi được vào {d}", "cannot write into {d}"))
        }
    })?;
    let mut out = String::new();
    let d = dir.display();
    out.push_str(&format!(
        "{}\n",
        msg!("Đã nhập {p} vào {d}", "Imported {p} into {d}").get(lang)
    ));
    if converted {
        out.push_str(&format!(
            "  {}\n",
            msg!(
                "tệp Word 97 (.doc): LibreOffice đã chuyển sang .docx để đọc",
                "a Word 97 file (.doc): converted to .docx by LibreOffice to be read"
            )
            .get(lang)
        ));
    }
    let id = &fw.id;
    out.push_str(&format!(
        "  {}\n",
        msg!("Khung: {id}", "framework: {id}").get(lang)
    ));
    let (lv, why) = match (level, level_given) {
        (Level::Bo, true) => ("bộ", "bộ"),
        (Level::Bo, false) => ("bộ (theo cơ quan ban hành)", "ministry (from the issuer)"),
        (_, true) => ("tỉnh", "province"),
        (_, false) => (
            "tỉnh (theo cơ quan ban hành, hoặc mặc định)",
            "province (from the issuer, or the default)",
        ),
    };
    out.push_str(&format!(
        "  {}\n",
        msg!("cấp: {lv}", "level: {why}").get(lang)
    ));
    for ((vi, en), v) in &imported.metadata {
        let k = if lang == Lang::Vi { vi } else { en };
        out.push_str(&format!("  {k}: {v}\n"));
    }
    let n = imported.sections.len();
    let a = imported.appendices;
    out.push_str(&format!(
        "{}\n",
        msg!(
            "  {n} mục có nội dung, {a} phụ lục",
            "  {n} sections with content, {a} phụ lục"
        )
        .get(lang)
    ));
    let (taken, offered) = imported.carried;
    if offered > 0 {
        let rewritten = offered - taken;
        out.push_str(&format!(
            "{}\n",
            msg!(
                "  tệp do dxplan lập: {taken} mục lấy mã và liên kết theo dữ liệu kèm tệp; {rewritten} mục đã sửa trong Word, đọc theo lời",
                "  a file dxplan made: {taken} items take their ids and links from the data it carries; {rewritten} rewritten in Word are read from their words"
            )
            .get(lang)
        ));
    }
    let (t, k, c, g) = (
        imported.targets,
        imported.tasks,
        imported.citations,
        imported.grounds,
    );
    out.push_str(&format!(
        "{}\n",
        msg!(
            "  {t} mục tiêu, {k} nhiệm vụ, {c} căn cứ ở mục Căn cứ, {g} dòng „Căn cứ …” mở đầu",
            "  {t} targets, {k} tasks, {c} citations in the Căn cứ section, {g} opening „Căn cứ …” lines"
        )
        .get(lang)
    ));
    if imported.projects > 0 {
        let n = imported.projects;
        let line = match imported.totals {
            Some((written, sum)) if (written - sum).abs() < 0.05 => {
                let t = dxplan_core::model::values::format_amount(sum);
                msg!(
                    "  danh mục: {n} dự án, tổng {t} triệu đồng — khớp dòng „Tổng cộng” của văn bản",
                    "  danh mục: {n} projects, {t} million VND in all — as the document's total row says"
                )
            }
            Some((written, sum)) => {
                let (w, t) = (
                    dxplan_core::model::values::format_amount(written),
                    dxplan_core::model::values::format_amount(sum),
                );
                msg!(
                    "  danh mục: {n} dự án, cộng lại {t} triệu đồng, nhưng văn bản ghi tổng {w}",
                    "  danh mục: {n} projects adding up to {t} million VND, but the document's total says {w}"
                )
            }
            None => msg!("  danh mục: {n} dự án", "  danh mục: {n} projects"),
        };
        out.push_str(&format!("{}\n", line.get(lang)));
    }
    for (k, t) in &imported.retitled {
        out.push_str(&format!(
            "{}\n",
            msg!(
                "  tên mục {k} theo lời của văn bản: „{t}”",
                "  heading {k} in the document's words: „{t}”"
            )
            .get(lang)
        ));
    }
    let u = imported.unplaced.len();
    if u > 0 {
        out.push_str(&format!(
            "{}\n",
            msg!(
                "{u} đoạn chưa xếp được (ghi trong chua-xep.md):",
                "{u} paragraphs not placed (kept in chua-xep.md):"
            )
            .get(lang)
        ));
        for (i, t) in &imported.unplaced {
            let first: String = t.chars().take(70).collect();
            let first = dxplan_core::print::escape_controls(&first.replace('\n', " "), true);
            out.push_str(&format!(
                "{}\n",
                msg!("  đoạn {i}: {first}", "  paragraph {i}: {first}").get(lang)
            ));
        }
    }
    let _ = std::io::Write::write_all(&mut std::io::stdout(), out.as_bytes());
    // Then what `check` says of it, by rule: what is left to do.
    let (_, diags) = super::checked(&dir)?;
    let sum = dxplan_core::diag::Summary::of(&diags);
    let mut by: Vec<(&str, usize)> = Vec::new();
    for d in &diags {
        match by.iter_mut().find(|x| x.0 == d.rule.code) {
            Some(x) => x.1 += 1,
            None => by.push((d.rule.code, 1)),
        }
    }
    let list = by
        .iter()
        .map(|(c, n)| format!("{c} ×{n}"))
        .collect::<Vec<_>>()
        .join(", ");
    let (e, w, i) = (sum.errors, sum.warnings, sum.infos);
    let line = if diags.is_empty() {
        msg!(
            "dxplan check: không có phát hiện nào",
            "dxplan check: nothing found"
        )
    } else {
        msg!(
            "dxplan check: {e} lỗi, {w} cảnh báo, {i} thông tin ({list}); xem từng chỗ: dxplan check {d}",
            "dxplan check: {e} errors, {w} warnings, {i} infos ({list}); each one: dxplan check {d}"
        )
    };
    // A closed pipe (`| head`) is not an error of the import.
    let _ = std::io::Write::write_all(
        &mut std::io::stdout(),
        format!("{}\n", line.get(lang)).as_bytes(),
    );
    Ok(ExitStatus::Success)
}

/// How long LibreOffice may take to convert one file before it is stopped.
const CONVERT_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(120);

/// A Word 97 file converted to DOCX by LibreOffice (`soffice`), when it is installed: in a
/// temporary directory with a profile of its own (a running LibreOffice or a user's profile is
/// not touched), stopped after two minutes. `None` when there is no LibreOffice or it cannot
/// convert the file (a password, a broken file).
fn through_libreoffice(file: &Path) -> Option<Vec<u8>> {
    let tmp = tempfile::tempdir().ok()?;
    let out = tmp.path().join("out");
    // An absolute path: a file named "-x.doc" is not an option to LibreOffice.
    let input = std::fs::canonicalize(file).ok()?;
    let profile = format!(
        "-env:UserInstallation=file://{}",
        tmp.path().join("profile").display()
    );
    let mut child = std::process::Command::new("soffice")
        .args(["--headless", "--norestore", "--nologo", &profile])
        .args(["--convert-to", "docx:MS Word 2007 XML", "--outdir"])
        .arg(&out)
        .arg(&input)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .ok()?;
    let start = std::time::Instant::now();
    loop {
        if child.try_wait().ok()?.is_some() {
            break;
        }
        if start.elapsed() > CONVERT_TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            return None;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let made = std::fs::read_dir(&out)
        .ok()?
        .flatten()
        .find(|e| e.path().extension().is_some_and(|x| x == "docx"))?;
    let len = made.metadata().ok()?.len();
    (len <= MAX_DOCX)
        .then(|| std::fs::read(made.path()).ok())
        .flatten()
}
