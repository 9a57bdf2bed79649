//! `dxplan init`: a plan skeleton for a level and a framework.

use std::path::PathBuf;

use dxplan_core::init::{self, InitError};
use dxplan_core::lang::Lang;
use dxplan_core::model::Level;
use dxplan_core::msg;

use super::{Error, ExitStatus, Result, builtin_framework};

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum InitLevel {
    /// Tỉnh, thành phố trực thuộc trung ương
    Tinh,
    /// Bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ
    Bo,
}

pub fn run(dir: PathBuf, level: InitLevel, framework: &str, force: bool, lang: Lang) -> Result {
    let fw = builtin_framework(framework)?;
    let level = match level {
        InitLevel::Tinh => Level::Tinh,
        InitLevel::Bo => Level::Bo,
    };
    report(init::write(&dir, &fw, level, force), &dir, lang)
}

/// `init NEW --from OLD`: next year's plan from this year's data.
pub fn from(
    dir: PathBuf,
    old: &std::path::Path,
    framework: &str,
    framework_file: Option<&std::path::Path>,
    force: bool,
    lang: Lang,
) -> Result {
    // The new year's framework: a built-in one, or a data file (a new year's letter).
    let fw = match framework_file {
        Some(f) => {
            let p = f.display();
            let text = std::fs::read_to_string(f).map_err(|e| {
                Error(dxplan_core::lang::io_failed(
                    &format!("không đọc được {p}"),
                    &format!("cannot read {p}"),
                    &e,
                ))
            })?;
            dxplan_core::framework::Framework::parse(&text).map_err(|e| {
                let m = &e.message;
                Error(msg!(
                    "tệp Khung {p} không hợp lệ: {m}",
                    "framework file {p} is invalid: {m}"
                ))
            })?
        }
        None => builtin_framework(framework)?,
    };
    let compiled = dxplan_render::compile(old, &dxplan_core::compose::Options { draft: false })
        .map_err(|e| {
            let p = e.path.display();
            Error(dxplan_core::lang::io_failed(
                &format!("không đọc được {p}"),
                &format!("cannot read {p}"),
                &e.error,
            ))
        })?;
    let plan = compiled.plan;
    let level = plan.level().unwrap_or(Level::Tinh);
    let (mut files, missing) = init::from::from_plan(&plan, &fw, init::scaffold(&fw, level));
    // A framework given as a file travels with the new plan (inside it, as dxplan reads only
    // files inside the plan) and the new dxplan.toml pins it.
    if let Some(f) = framework_file {
        let text = std::fs::read_to_string(f).unwrap_or_default();
        files.push(("khung.yaml".into(), text));
        let id = &fw.id;
        for (rel, content) in files.iter_mut() {
            if rel.as_os_str() == "dxplan.toml" {
                *content = content
                    .lines()
                    .map(|l| {
                        let t = l.trim_start();
                        if t.starts_with("framework =") {
                            format!("framework = \"{id}\"\nframework_file = \"khung.yaml\"")
                        } else if t.starts_with("framework_file =") {
                            String::new()
                        } else {
                            l.to_string()
                        }
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
                    + "\n";
            }
        }
    }
    for slug in &missing {
        let id = &fw.id;
        eprintln!(
            "{}",
            msg!(
                "Mục `{slug}` của kế hoạch cũ không có trong Khung {id}: không chép sang",
                "Section `{slug}` of the old plan is not in framework {id}: not carried over"
            )
            .get(lang)
        );
    }
    report(init::write_files(&dir, files, force), &dir, lang)
}

fn report(
    written: std::result::Result<Vec<PathBuf>, InitError>,
    dir: &std::path::Path,
    lang: Lang,
) -> Result {
    match written {
        Ok(files) => {
            let n = files.len();
            println!(
                "{}",
                msg!("Đã tạo {n} tệp trong", "Created {n} files in").get(lang)
            );
            println!("  {}", dir.display());
            let d = dir.display();
            let next = msg!(
                "Điền nội dung rồi chạy: dxplan check {d}",
                "Fill them in, then run: dxplan check {d}"
            );
            println!("{}", next.get(lang));
            Ok(ExitStatus::Success)
        }
        Err(InitError::Exists(p)) => {
            let p = p.display();
            Err(Error(msg!(
                "tệp đã có: {p} (dùng --force để ghi đè)",
                "file exists: {p} (use --force to overwrite)"
            )))
        }
        Err(InitError::Io(p, e)) => {
            let p = p.display();
            Err(Error(dxplan_core::lang::io_failed(
                &format!("không ghi được {p}"),
                &format!("cannot write {p}"),
                &e,
            )))
        }
    }
}
